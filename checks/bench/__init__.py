"""`checks bench`: benchmarks that print figures. They are never run by the test suite.

Each module in this package adds its own subcommand to the `bench` group.
"""
from __future__ import annotations

import importlib
import pkgutil

import click


@click.group()
def bench():
    """Run a benchmark and print its figures (throughput, peak memory, ratios)."""


for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if not _info.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_info.name}")
