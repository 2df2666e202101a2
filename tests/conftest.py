"""Fixtures shared by the test suite: the bundled page, the shared corpus, and a CLI runner."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "datasets" / "raw" / "000_1989159548c930ee.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"


@pytest.fixture(scope="session")
def seed_page() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_lines() -> list[str]:
    """The bundled page's lines, 1-based through index [n - 1]."""
    return SEED.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="session")
def news_corpus() -> Path:
    """The shared corpus of real articles; tests using it skip when it is absent (a user's clone)."""
    if not SHARED_CORPUS.is_file():
        pytest.skip("../shared/corpus/news.jsonl is not present")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def news_records(news_corpus) -> list[dict]:
    return [json.loads(line) for line in news_corpus.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    report_dir: Path

    @property
    def findings(self) -> dict:
        return json.loads((self.report_dir / "findings.json").read_text(encoding="utf-8"))


@pytest.fixture
def run_checks(tmp_path):
    """Run `python -m checks ARGS` in a subprocess, as a user would; reports go to a temp folder."""

    def run(*args: str, cwd: Path | None = None, report_dir: Path | None = None, env: dict | None = None) -> Outcome:
        report_dir = report_dir or tmp_path / "reports"
        argv = [sys.executable, "-m", "checks", *args]
        if args and args[0] in ("run",) and "--report-dir" not in args:
            argv += ["--report-dir", str(report_dir)]
        proc = subprocess.run(argv, cwd=cwd or ROOT, capture_output=True, text=True, timeout=600,
                              env=env)
        return Outcome(proc.returncode, proc.stdout, proc.stderr, report_dir)

    return run


@pytest.fixture(scope="session")
def seed_result():
    """The pandas engine's result on the bundled page, computed once per test session."""
    from checks.config import Config
    from checks.engine import execute

    return execute([str(SEED)], Config())
