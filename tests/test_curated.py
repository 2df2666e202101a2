"""The indicators model, units and periods, and curated tables declared in configuration."""
from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

from checks import curated
from checks.config import Config, TableConfig
from checks.engine import execute

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "datasets" / "curated" / "indicators.csv"
SOURCE = "datasets/raw/000_1989159548c930ee.txt"


@pytest.mark.parametrize(("unit", "expected"), [
    ("万亿元", ("元", 1e12)), ("亿千瓦时", ("千瓦时", 1e8)), ("千瓦时", ("千瓦时", 1.0)), ("%", ("%", 1.0)),
    ("％", ("%", 1.0)), ("亿", ("", 1e8)), ("EFLOPS", ("EFLOPS", 1.0)), ("x", ("倍", 1.0)), ("万个", ("个", 1e4)),
    ("minute", ("分钟", 1.0)), ("percentage", None), ("亿斤", None),
])
def test_split_unit(unit, expected):
    assert curated.split_unit(unit) == expected


@pytest.mark.parametrize(("period", "expected"), [
    ("2025", ("2025", "2025")), ("2025-Q3", ("2025-Q3", "2025-Q3")), ("2024-01/2025-06", ("2024-01", "2025-06")),
    ("2025-12-31", ("2025-12-31", "2025-12-31")), ("2025-13", None), ("去年", None), ("2025/", None),
])
def test_period_bounds(period, expected):
    assert curated.period_bounds(period) == expected


def test_kept_table_satisfies_its_model():
    frame = curated.read_table(TABLE, "indicators.csv")
    assert len(frame) >= 30
    assert list(frame.index[:2]) == [2, 3]  # indexed by CSV line; the header is line 1
    validated = curated.IndicatorsModel.validate(frame)
    assert validated["value"].dtype == float and validated["line"].dtype == "int64"
    assert set(frame["source_file"]) == {SOURCE}


def schema_findings(tmp_path, edit) -> dict[int, set[str]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    edit(lines)
    table = tmp_path / "t.csv"
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = execute([str(ROOT / SOURCE)], Config(select=["SCH"], tables=[TableConfig("indicators", str(table))]))
    found: dict[int, set[str]] = {}
    for f in result.findings:
        assert f.locations[0].file == str(table)
        found.setdefault(f.locations[0].line_start, set()).add(f.evidence["column"] or f.evidence["check"])
    return found


def test_schema_names_each_broken_cell_by_csv_line(tmp_path):
    def edit(lines):
        lines[2] = lines[2].replace(",万亿元,", ",万亿斤,")  # unit
        lines[3] = lines[3].replace(",2024/2025,", ",2025/2024,")  # backwards range
        lines[4] = lines[4].replace(",100,", ",一百,")  # value
        lines[5] = lines[5].rsplit(",", 1)[0] + ","  # empty quote
        lines[6] = lines[6].replace(",p-", ",x-")  # paragraph id
    found = schema_findings(tmp_path, edit)
    assert found == {3: {"unit"}, 4: {"period"}, 5: {"value"}, 6: {"quote"}, 7: {"paragraph_id"}}


def test_schema_rejects_a_duplicate_key(tmp_path):
    found = schema_findings(tmp_path, lambda lines: lines.append(lines[1]))
    assert set(found) == {2, len(TABLE.read_text(encoding="utf-8").splitlines()) + 1}


def test_blank_lines_keep_csv_line_numbers(tmp_path):
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    table = tmp_path / "t.csv"
    table.write_text("\n".join(lines[:3] + ["", ""] + lines[3:]) + "\n", encoding="utf-8")
    frame = curated.read_table(table, "t.csv")
    assert list(frame.index[:3]) == [2, 3, 6]


@pytest.fixture
def data_repo(tmp_path):
    """A data repository with its own curated table and pandera model, and no code of the framework."""
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "prices.txt").write_text(textwrap.dedent("""\
        菜价平稳

        本市1月猪肉均价每公斤26元,比上月下降约3%。

        鸡蛋均价每公斤9元。
        """), encoding="utf-8")
    (tmp_path / "models.py").write_text(textwrap.dedent("""\
        import pandera.pandas as pa
        from pandera.typing import Series

        class Prices(pa.DataFrameModel):
            metric: Series[str]
            scope: Series[str]
            period: Series[str]
            value: Series[float] = pa.Field(coerce=True, gt=0, le=100)
            unit: Series[str] = pa.Field(isin=["元", "%"])
            qualifier: Series[str]
            source_file: Series[str]
            paragraph_id: Series[str]
            line: Series[int] = pa.Field(coerce=True)
            quote: Series[str]
        """), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""\
        [tool.checks]
        inputs = ["raw"]
        data-docs = false

        [[tool.checks.tables]]
        name = "prices"
        path = "tables/prices.csv"
        model = "models:Prices"
        """), encoding="utf-8")
    (tmp_path / "tables").mkdir()
    return tmp_path


def write_prices(repo: Path, rows: list[str], run_checks) -> list[str]:
    """Fill in paragraph ids from `checks derive`-style ingest, then write the table."""
    from checks.ingest.reader import read_corpus

    paragraphs = read_corpus([str(repo / "raw" / "prices.txt")]).paragraphs
    by_line = dict(zip(paragraphs["line_start"], paragraphs["paragraph_id"]))
    header = "metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote"
    body = [row.format(**{f"p{n}": pid for n, pid in by_line.items()}) for row in rows]
    (repo / "tables" / "prices.csv").write_text("\n".join([header, *body]) + "\n", encoding="utf-8")
    return body


def test_user_table_gets_its_schema_and_provenance_without_code_changes(data_repo, run_checks):
    write_prices(data_repo, [
        "猪肉均价,本市,2026-01,26,元,,raw/prices.txt,{p3},3,猪肉均价每公斤26元",
        "猪肉均价,本市,2025-12/2026-01,3,%,approx,raw/prices.txt,{p3},3,比上月下降约3%",
        "鸡蛋均价,本市,2026-01,9,元,,raw/prices.txt,{p5},3,鸡蛋均价每公斤9元",
        "鸡蛋均价,本市,2025-12,900,元,,raw/prices.txt,{p5},5,鸡蛋均价每公斤9元",
    ], run_checks)
    out = run_checks("run", cwd=data_repo)
    assert out.code == 1, out.stderr
    found = {(f["check"], f["locations"][0]["line_start"]) for f in out.findings["findings"]}
    # line 4 cites line 3 for a paragraph on line 5; line 5 breaks the user's model (le=100) and its quote
    assert found == {("PRV002", 4), ("SCH001", 5), ("PRV003", 5)}
    assert all(f["locations"][0]["file"] == "tables/prices.csv" for f in out.findings["findings"])


def test_table_with_provenance_off_gets_only_its_schema(data_repo, run_checks):
    write_prices(data_repo, ["鸡蛋均价,本市,2025-12,8,元,,raw/prices.txt,{p5},5,鸡蛋均价每公斤9元"], run_checks)
    config = data_repo / "pyproject.toml"
    config.write_text(config.read_text(encoding="utf-8") + "provenance = false\n", encoding="utf-8")
    out = run_checks("run", cwd=data_repo)
    assert out.code == 0, out.stderr
    assert out.findings["findings"] == []


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t.replace("models:Prices", "nowhere:Prices"), "cannot load model 'nowhere:Prices'"),
    (lambda t: t.replace("tables/prices.csv", "tables/missing.csv"), "tables/missing.csv not found"),
])
def test_bad_table_configuration_is_one_line_exit_2(data_repo, run_checks, edit, message):
    write_prices(data_repo, ["鸡蛋均价,本市,2026-01,9,元,,raw/prices.txt,{p5},5,鸡蛋均价每公斤9元"], run_checks)
    config = data_repo / "pyproject.toml"
    config.write_text(edit(config.read_text(encoding="utf-8")), encoding="utf-8")
    out = run_checks("run", cwd=data_repo)
    assert out.code == 2
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_ragged_table_is_one_line_exit_2(data_repo, run_checks):
    (data_repo / "tables" / "prices.csv").write_text("metric,scope\n猪肉,本市,多余\n", encoding="utf-8")
    out = run_checks("run", cwd=data_repo)
    assert out.code == 2 and "tables/prices.csv:2: 3 cells where the header has 2" in out.stderr


def test_project_configuration_checks_its_own_table(monkeypatch):
    from checks import config as config_module

    monkeypatch.chdir(ROOT)
    config = config_module.load(None)
    assert [(t.name, t.path, t.provenance) for t in config.tables] == [("indicators", "datasets/curated/indicators.csv", True)]
    config.select = ["PRV", "SCH"]
    result = execute(list(config.inputs), config)
    assert result.findings == []
    assert {"PRV001", "PRV003", "PRV006", "PRV007"} <= {r.code for r in result.rules}
    assert [f.check for f in result.verified] == ["PRV006"]
    assert result.verified[0].locations[0].file == "datasets/curated/indicators.csv"


def test_repeated_header_column_is_refused(tmp_path):
    from checks.errors import ConfigError

    table = tmp_path / "t.csv"
    table.write_text("metric,value,value\n猪肉,1,2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="column 'value' appears twice"):
        curated.read_table(table, "t.csv")
