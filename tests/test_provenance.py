"""Provenance rules on the kept indicators table and on copies with one change each."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from checks.config import Config, TableConfig
from checks.engine import execute

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "datasets" / "curated" / "indicators.csv"
SOURCE = "datasets/raw/000_1989159548c930ee.txt"


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def workspace(tmp_path):
    """A copy of the bundled page and of the table, as a data repository would hold them."""
    (tmp_path / "datasets" / "raw").mkdir(parents=True)
    shutil.copy(ROOT / SOURCE, tmp_path / SOURCE)
    table = tmp_path / "indicators.csv"
    shutil.copy(TABLE, table)
    return tmp_path, table


def run(folder: Path, table: Path):
    config = Config(select=["PRV", "SCH"], tables=[TableConfig("indicators", str(table))])
    return execute([str(folder / SOURCE)], config)


def provenance(result) -> set[tuple[str, int]]:
    return {(f.check, f.locations[0].line_start) for f in result.findings if f.category == "provenance"}


def change(table: Path, metric: str, period: str, column: str, new: str) -> int:
    """Set one cell of the row (metric, period); return the row's CSV line (header is line 1)."""
    rows = read_rows(table)
    for i, row in enumerate(rows):
        if row["metric"] == metric and row["period"] == period:
            assert row[column] != new
            row[column] = new
            write_rows(table, rows)
            return i + 2
    raise AssertionError(f"no row {metric} {period}")


def test_kept_table_is_supported_by_its_source(workspace):
    folder, table = workspace
    result = run(folder, table)
    assert [f for f in result.findings] == []
    growth = [f for f in result.verified if f.check == "PRV006"]
    assert len(growth) == 1 and growth[0].evidence["computed_ratio"] == 300.0
    assert len(read_rows(table)) >= 30


@pytest.mark.parametrize(("metric", "period", "column", "new", "code"), [
    ("智能算力规模", "2026-01", "value", "1509", "PRV003"),
    ("万卡智算集群数量", "2026-01", "unit", "家", "PRV004"),
    ("AI企业数量", "2025", "qualifier", "", "PRV005"),
    ("免费提供国产智算芯片数量", "2026-01", "quote", "免费提供国产AI芯片超过2000张", "PRV001"),
    ("日均Token调用量", "2025-12", "line", "118", "PRV002"),
])
def test_one_change_gives_one_finding_at_its_row(workspace, metric, period, column, new, code):
    folder, table = workspace
    line = change(table, metric, period, column, new)
    result = run(folder, table)
    assert provenance(result) == {(code, line)}
    finding = next(f for f in result.findings if f.check == code)
    assert finding.locations[0].file == str(table)
    assert finding.locations[0].line_end == line
    assert f"line {line}" in finding.message


def test_quote_pointing_at_the_wrong_paragraph_says_where_it_is(workspace):
    folder, table = workspace
    rows = read_rows(table)
    other = next(r["paragraph_id"] for r in rows if r["metric"] == "AI导购应用数量")
    line = change(table, "智能算力规模", "2026-01", "paragraph_id", other)
    result = run(folder, table)
    assert provenance(result) == {("PRV001", line)}
    finding = result.findings[0]
    assert finding.evidence["found_in"][0]["line"] == 47
    assert len(finding.locations) == 2 and finding.locations[1].file.endswith(SOURCE)


def test_changed_growth_row_contradicts_its_levels(workspace):
    folder, table = workspace
    # the growth row and its quote both changed: the quote supports it, the level rows do not
    change(table, "日均Token消耗量", "2024-01/2025-06", "quote", "一年半时间增长30倍")
    change(table, "日均Token消耗量", "2024-01/2025-06", "qualifier", "")
    line = change(table, "日均Token消耗量", "2024-01/2025-06", "value", "30")
    result = run(folder, table)
    checks = provenance(result)
    assert ("PRV006", line) in checks and ("PRV001", line) in checks
    growth = next(f for f in result.findings if f.check == "PRV006")
    assert {loc.line_start for loc in growth.locations} == {line, line - 2, line - 1}
    assert growth.evidence["computed_ratio"] == 300.0


def test_duplicate_and_conflicting_rows(workspace):
    folder, table = workspace
    rows = read_rows(table)
    first = next(r for r in rows if r["metric"] == "AI导购应用数量")
    conflict = dict(next(r for r in rows if r["metric"] == "汇聚数据集数量"), value="900")
    write_rows(table, rows + [dict(first), conflict])
    result = run(folder, table)
    prv = [f for f in result.findings if f.check == "PRV007"]
    by_kind = {f.severity == "error": f for f in prv}
    assert len(prv) == 2
    duplicate_lines = [loc.line_start for loc in by_kind[False].locations]
    assert duplicate_lines == [rows.index(first) + 2, len(rows) + 2] and by_kind[False].severity == "warning"
    assert by_kind[True].locations[-1].line_start == len(rows) + 3 and by_kind[True].severity == "error"
    # the schema's unique key names the same rows
    assert {f.locations[0].line_start for f in result.findings if f.check == "SCH001"} >= {len(rows) + 2, len(rows) + 3}


def test_rows_citing_a_file_not_read_are_not_checked(workspace, tmp_path):
    folder, table = workspace
    other = tmp_path / "other.txt"
    other.write_text("标题\n\n正文有42个数字。\n", encoding="utf-8")
    change(table, "万卡智算集群数量", "2026-01", "unit", "家")
    config = Config(select=["PRV"], tables=[TableConfig("indicators", str(table))])
    result = execute([str(other)], config)
    assert result.findings == []
    # growth between rows needs no source text, so it is still checked
    assert [f.check for f in result.verified] == ["PRV006"]


def test_ids_are_stable_when_rows_are_inserted_above(workspace):
    folder, table = workspace
    change(table, "AI企业数量", "2025", "qualifier", "")
    before = run(folder, table).findings
    rows = read_rows(table)
    write_rows(table, [dict(rows[-1], metric="新指标")] + rows)
    after = run(folder, table).findings
    assert [f.id for f in before] == [f.id for f in after]
    assert after[0].locations[0].line_start == before[0].locations[0].line_start + 1
