"""`make bench`: every benchmark, each against its baseline measured in the same run."""

import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Each module has a main() that measures and prints its figures with baselines and ratios.
BENCHMARKS = ["site", "search", "relevance", "linkcheck"]


if __name__ == "__main__":
    for name in BENCHMARKS:
        print(f"\n== {name} ==", flush=True)
        importlib.import_module(name).main()
