"""Benchmarks measure in a child process: its result comes back, and a child that dies is an error, not a hang."""
from __future__ import annotations

import os

import click
import pytest

from checks.bench.measure import measure_in_child


def test_the_childs_result_and_memory_come_back():
    measured = measure_in_child(sorted, [3, 1, 2])
    assert measured["result"] == [1, 2, 3] and measured["peak_mb"] > 0 and measured["seconds"] >= 0


def test_a_child_that_dies_is_a_clear_error():
    with pytest.raises(click.ClickException, match="exit status 9"):
        measure_in_child(os._exit, 9)
