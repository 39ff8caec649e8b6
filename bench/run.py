"""`make bench`: every benchmark, each against its baseline measured in the same run."""

import importlib

# Each module has a main() that measures and prints its figures with baselines and ratios.
# Named bench_*, so none is hidden by a module of the same name (the standard library's `site`,
# LinkChecker's `linkcheck`); run as a script, bench/ is first on the path.
BENCHMARKS = ["bench_site", "bench_preview", "bench_search", "relevance", "bench_linkcheck"]


if __name__ == "__main__":
    for name in BENCHMARKS:
        print(f"\n== {name.removeprefix('bench_')} ==", flush=True)
        importlib.import_module(name).main()
