"""Run a command as a child process and report its wall time and peak memory."""

import subprocess
import sys
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


def measure(command: list[str], **options) -> Run:
    """Wall time and peak resident memory of one command (run through a fresh Python process,
    so the peak belongs to that command alone)."""
    wrapper = (
        "import resource, subprocess, sys; "
        "code = subprocess.run(sys.argv[1:]).returncode; "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
        "sys.exit(code)"
    )
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", wrapper, *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        **options,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{command[:4]} failed:\n{result.stderr[-3000:]}")
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    return Run(seconds, peak_kb / 1024)


def pelican(content, settings, output, *overrides: str) -> list[str]:
    """A quiet Pelican build as the benchmarks run it; `overrides` are NAME=value settings
    (passed after one -e: Pelican keeps only the last -e)."""
    command = [sys.executable, "-m", "pelican", str(content), "-s", str(settings)]
    command += ["-o", str(output), "--fatal", "errors", "-q"]
    return command + (["-e", *overrides] if overrides else [])
