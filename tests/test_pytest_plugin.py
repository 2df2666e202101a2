"""The pytest plugin, run as a data repository runs it: `pytest` in a subprocess in a temp repository."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "datasets" / "raw" / "000_1989159548c930ee.txt"
RULES = ["DUP001", "PRV001", "PRV003", "SCH001"]


def line_of(n: int) -> str:
    return PAGE.read_text(encoding="utf-8").split("\n")[n - 1]


@pytest.fixture
def repo(tmp_path):
    """Two articles (the second repeats a paragraph of the first) and a table with one wrong value."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "power.txt").write_text(f"算力与电力\n\n{line_of(47)}\n\n{line_of(65)}\n", encoding="utf-8")
    (raw / "copy.txt").write_text(f"数据中心用电\n\n{line_of(65)}\n", encoding="utf-8")
    from checks.ingest.reader import read_corpus

    paragraphs = read_corpus([str(raw / "power.txt")]).paragraphs
    pid = dict(zip(paragraphs["line_start"], paragraphs["paragraph_id"]))
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "indicators.csv").write_text(textwrap.dedent(f"""\
        metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
        万卡智算集群数量,中国,2026-01,42,个,,raw/power.txt,{pid[3]},3,我国已建成万卡智算集群42个
        智能算力规模,中国,2026-01,1509,EFLOPS,over,raw/power.txt,{pid[3]},3,智能算力规模超过1590 EFLOPS
        数据中心用电量占社会用电量比例,中国,2024,1.68,%,,raw/power.txt,{pid[5]},5,数据中心用电量占社会用电量比例1.68%
        """), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent(f"""\
        [tool.pytest.ini_options]
        checks = true

        [tool.checks]
        inputs = ["raw"]
        select = {RULES!r}

        [[tool.checks.tables]]
        name = "indicators"
        path = "tables/indicators.csv"
        """).replace("'", '"'), encoding="utf-8")
    return tmp_path


def pytest_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args], cwd=folder,
                          capture_output=True, text=True, timeout=300, env=env)


def test_each_rule_is_an_item_and_failures_carry_findings(repo):
    out = pytest_in(repo, "-v", "--junitxml=junit.xml")
    assert out.returncode == 1, out.stdout + out.stderr
    for code, outcome in [("DUP001", "FAILED"), ("PRV001", "PASSED"), ("PRV003", "FAILED"), ("SCH001", "PASSED")]:
        assert f"pyproject.toml::{code} {outcome}" in out.stdout
    assert "2 failed, 2 passed" in out.stdout

    suite = ET.parse(repo / "junit.xml").getroot().find("testsuite")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert sorted(cases) == RULES
    dup = cases["DUP001"].find("failure")
    assert "raw/copy.txt:3" in dup.text and "raw/power.txt:5" in dup.text
    prv = cases["PRV003"].find("failure")
    assert "tables/indicators.csv:3: error PRV003" in prv.text and "value 1509" in prv.text
    assert cases["SCH001"].find("failure") is None
    props = {p.get("name"): p.get("value") for p in cases["PRV003"].iter("property")}
    assert props["findings"] == "1"


def test_fixed_data_passes(repo):
    table = repo / "tables" / "indicators.csv"
    table.write_text(table.read_text(encoding="utf-8").replace(",1509,", ",1590,"), encoding="utf-8")
    (repo / "raw" / "copy.txt").unlink()
    out = pytest_in(repo, "-q")
    assert out.returncode == 0, out.stdout
    assert "4 passed" in out.stdout


def test_inert_unless_enabled(repo):
    config = repo / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("checks = true\n", ""), encoding="utf-8")
    assert pytest_in(repo, "-q").returncode == 5  # no tests collected
    forced = pytest_in(repo, "-q", "--checks", "-k", "SCH001")
    assert forced.returncode == 0 and "1 passed" in forced.stdout


def test_bad_configuration_is_a_collection_error_in_one_line(repo):
    config = repo / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('inputs = ["raw"]', 'inputs = ["raw"]\nfail-on = "sometimes"'),
                      encoding="utf-8")
    out = pytest_in(repo, "-q")
    assert out.returncode == 2
    assert "checks: " in out.stdout and "fail-on: expected one of" in out.stdout and "Traceback" not in out.stdout


def test_a_table_with_mapped_columns(tmp_path):
    """The plugin reads tables as `checks run` does: [tool.checks.input], findings named by row and column."""
    import pandas as pd

    paragraph = line_of(65)
    pd.DataFrame({"doc": ["a", "a", "b"], "text": [line_of(47), paragraph, paragraph]}).to_parquet(
        tmp_path / "paragraphs.parquet", index=False)
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""\
        [tool.pytest.ini_options]
        checks = true

        [tool.checks]
        inputs = ["paragraphs.parquet"]
        select = ["DUP001"]

        [tool.checks.input]
        article = "doc"
        body = "text"
        """), encoding="utf-8")
    out = pytest_in(tmp_path, "-q")
    assert out.returncode == 1, out.stdout + out.stderr
    assert "paragraphs.parquet:2 (row 1, column text): error DUP001 paragraph repeated 2 times (across articles)" in out.stdout
