"""`make bench`: every benchmark, each against its baseline measured in the same run."""

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

# Each module has a main() that measures and prints its figures with baselines and ratios.
BENCHMARKS = ["site", "search", "relevance", "linkcheck"]


def load(name: str):
    """bench/<name>.py by its path: bench/linkcheck.py and bench/search.py share their names
    with plugins/linkcheck/ and plugins/search/, which come first on sys.path."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    for name in BENCHMARKS:
        print(f"\n== {name} ==", flush=True)
        load(name).main()
