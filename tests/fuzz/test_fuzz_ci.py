"""A bounded fuzz run for CI: the atheris target for ingest and the number parser, for ~30 s.

The long run (1,000,000 inputs or more) is the same command with -atheris_runs; see
tests/fuzz/fuzz_ingest.py.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SECONDS = 30


def test_fuzz_ingest_and_number_parser_for_a_bounded_time(tmp_path):
    pytest.importorskip("atheris")
    work = tmp_path / "corpus"
    work.mkdir()
    proc = subprocess.run(
        [sys.executable, str(HERE / "fuzz_ingest.py"), f"-max_total_time={SECONDS}", "-max_len=4096", "-seed=1",
         "-print_final_stats=1", str(work), str(HERE / "seeds")],
        capture_output=True, text=True, timeout=SECONDS * 6, cwd=tmp_path,
    )
    tail = proc.stderr[-3000:]
    assert proc.returncode == 0, tail
    runs = [line for line in proc.stderr.splitlines() if line.startswith("stat::number_of_executed_units")]
    assert runs and int(runs[0].split(":")[-1]) > 1000, tail
    assert not list(tmp_path.glob("crash-*")), tail
