"""Shared helpers for benchmarks: timing, peak memory of a child process, generated corpora."""
from __future__ import annotations

import json
import multiprocessing as mp
import resource
import time
from typing import Callable


def _child(func: Callable, args: tuple, queue) -> None:
    started = time.perf_counter()
    result = func(*args)
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put(json.dumps({"seconds": seconds, "peak_mb": peak_kib / 1024, "result": result}, default=str))


def measure_in_child(func: Callable, *args) -> dict:
    """Run func(*args) in a fresh process; return seconds, its peak resident memory (MB) and result.

    A fresh process per measurement keeps one benchmark's memory out of another's peak.
    """
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    process = ctx.Process(target=_child, args=(func, args, queue))
    process.start()
    payload = queue.get()
    process.join()
    return json.loads(payload)
