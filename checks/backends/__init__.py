"""Backends: the places where rules run. The engine (checks/engine.py) plans a run and finishes it; a
backend reads the inputs and runs each rule's own function where the rule's scope allows.

    local      one process: every rule over the whole run (`--jobs 1`)
    processes  worker processes: paragraph-, article- and file-scope work split by input files (or, for
               one big file, by runs of whole articles), the rest over the joined result (`--jobs N`, the
               default: one worker per core)
    spark      PySpark (`--engine spark`, in checks.spark): the same split on a cluster

A backend says which scopes it can run; a rule it cannot run stops the run before any work.
"""
from __future__ import annotations

import os

from checks.backends.base import Backend
from checks.backends.local import LocalBackend
from checks.backends.processes import ProcessesBackend

__all__ = ["Backend", "LocalBackend", "ProcessesBackend", "backend_for", "machine_cores"]


def machine_cores() -> int:
    """Cores this process may use (the affinity mask where the system has one)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def backend_for(config) -> Backend:
    """The pandas engine's backend for `config.jobs` (0: one worker per core)."""
    jobs = config.jobs or machine_cores()
    return LocalBackend() if jobs == 1 else ProcessesBackend(jobs)
