"""Shared helpers for benchmarks: timing, peak memory of a child process, generated corpora."""
from __future__ import annotations

import json
import queue as queue_module
import multiprocessing as mp
import resource
import time
from typing import Callable

import click


def rss_mb() -> float:
    """This process's resident memory now (MB); its peak so far where /proc is missing."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize() / 1024 / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(func: Callable, args: tuple, prepare: Callable | None, queue) -> None:
    if prepare:
        prepare()
    before_mb = rss_mb()
    started = time.perf_counter()
    result = func(*args)
    seconds = time.perf_counter() - started
    # The kernel updates the high-water mark lazily: it can trail a resident size read just now.
    peak_mb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, before_mb, rss_mb())
    queue.put(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "before_mb": before_mb, "result": result},
                         default=str))


def measure_in_child(func: Callable, *args, prepare: Callable | None = None, start: str = "fork") -> dict:
    """Run func(*args) in a fresh process; return seconds, its peak resident memory (MB) and result.

    A fresh process per measurement keeps one benchmark's memory out of another's peak.
    `prepare` runs first (imports, say): `before_mb` is the resident memory after it, before func.
    With `start="spawn"` the child is a new interpreter: nothing of this process counts in its memory.
    """
    ctx = mp.get_context(start)
    queue = ctx.Queue()
    process = ctx.Process(target=_child, args=(func, args, prepare, queue))
    process.start()
    while True:  # a child that dies (the kernel's OOM killer, a crash) must not leave us waiting forever
        try:
            payload = queue.get(timeout=1.0)
            break
        except queue_module.Empty:
            if not process.is_alive() and queue.empty():
                process.join()
                raise click.ClickException(
                    f"the measured process ended without a result (exit status {process.exitcode}; "
                    f"-9 is usually the kernel's out-of-memory killer): give it more memory or a smaller size")
    process.join()
    return json.loads(payload)
