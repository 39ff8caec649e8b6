"""Worker processes for the stages that use the machine's second core.

Bare Pelican uses one core. The read-ahead (hub_checks), the search index (hub_search) and the
link check (hub_linkcheck) each run beside it in processes made here: forked where the system
can fork, so a worker starts with the build's state without pickling it.
"""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def available_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def worker_pool(workers: int, initializer=None, initargs=()) -> ProcessPoolExecutor:
    """A pool of `workers` processes: forked where possible, else the system's default."""
    context = multiprocessing.get_context("fork" if can_fork() else None)
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=initializer, initargs=initargs
    )
