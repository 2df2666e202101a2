"""Curated tables people keep: the indicators model, units, periods, and loading configured tables.

A table is declared in configuration (`[[tool.checks.tables]] name, path, model,
provenance`). It is read as text, so that a malformed cell is a schema finding
rather than a crash, and indexed by its CSV line (the header is line 1): every
finding about a row then points at the line a person edits.
"""
from __future__ import annotations

import csv
import importlib
import re
import sys
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from checks.datasets import setup_hook
from checks.errors import ConfigError
from checks.model import Location
from checks.vocab import ids
from checks.vocab.quantities import CHINESE_MAGNITUDES, QUALIFIERS

# Units a value may be counted in, after its magnitude (万, 亿, 万亿) is taken off. "" is a bare
# number ("日均Token消耗量1000亿").
BASE_UNITS = (
    "", "%", "倍", "百分点", "元", "美元", "个", "家", "次", "张", "条", "款", "项", "人", "名", "岁",
    "年", "月", "周", "天", "小时", "分钟", "千瓦时", "EFLOPS", "Token",
)
MAGNITUDES = {"": 1.0, **CHINESE_MAGNITUDES}
# Other spellings of the base units, including the names the number finder gives (x, pp, year, ...).
ALIASES = {"％": "%", "percent": "%", "pct": "%", "x": "倍", "pp": "百分点", "kWh": "千瓦时", "千瓦·时": "千瓦时",
           "度": "千瓦时", "eflops": "EFLOPS", "EFlops": "EFLOPS", "tokens": "Token", "token": "Token",
           "year": "年", "month": "月", "week": "周", "day": "天", "hour": "小时", "minute": "分钟"}
RATIO_UNITS = ("%", "倍")

_PERIOD_ONE = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?|-Q[1-4]|-H[12])?"
PERIOD = re.compile(rf"^({_PERIOD_ONE})(?:/({_PERIOD_ONE}))?$")
PROVENANCE_COLUMNS = ("metric", "scope", "period", "value", "unit", "qualifier",
                      "source_file", "paragraph_id", "line", "quote")
KEY = ["metric", "scope", "period"]


def split_unit(unit: str) -> tuple[str, float] | None:
    """'万亿元' -> ('元', 1e12); '千瓦时' stays whole; None when the unit is not known."""
    unit = ALIASES.get(unit.strip(), unit.strip())
    if unit in BASE_UNITS:
        return unit, 1.0
    for prefix in sorted(MAGNITUDES, key=len, reverse=True):
        if prefix and unit.startswith(prefix):
            rest = ALIASES.get(unit[len(prefix):], unit[len(prefix):])
            if rest in BASE_UNITS:
                return rest, MAGNITUDES[prefix]
    return None


def base_unit(unit: str) -> str | None:
    """The unit without magnitude, for comparing a number found in text with a row."""
    parsed = split_unit(unit or "")
    return parsed[0] if parsed else None


def period_bounds(period: str) -> tuple[str, str] | None:
    """'2024-01/2025-06' -> ('2024-01', '2025-06'); one period -> (p, p); None when unparseable."""
    match = PERIOD.match(period.strip())
    if not match:
        return None
    start, end = match.group(1), match.group(2) or match.group(1)
    return start, end


class IndicatorsModel(pa.DataFrameModel):
    """Indicators copied by hand out of articles: one row per stated value, with its exact source."""

    metric: Series[str] = pa.Field(str_length={"min_value": 1})
    scope: Series[str] = pa.Field(str_length={"min_value": 1})
    period: Series[str] = pa.Field(str_matches=PERIOD.pattern)
    value: Series[float] = pa.Field(coerce=True)
    unit: Series[str]
    qualifier: Series[str] = pa.Field(isin=list(QUALIFIERS))
    source_file: Series[str] = pa.Field(str_length={"min_value": 1})
    paragraph_id: Series[str] = pa.Field(str_matches=ids.PARAGRAPH_ID)
    line: Series[int] = pa.Field(coerce=True)
    quote: Series[str] = pa.Field(str_length={"min_value": 1})

    # bounds on numbers are checked on what parses, so a cell that is not a number is one finding, not two
    @pa.check("value", error="value must not be negative")
    def value_not_negative(cls, value: Series) -> Series[bool]:
        return ~(pd.to_numeric(value, errors="coerce") < 0)

    @pa.check("value", error="value must be a finite number, not NaN or infinity")
    def value_finite(cls, value: Series) -> Series[bool]:
        number = pd.to_numeric(value, errors="coerce")
        spelled = value.astype(str).str.strip().str.lower().str.lstrip("+-").isin(["nan", "inf", "infinity"])
        return ~(number.isin([float("inf"), float("-inf")]) | (number.isna() & spelled))

    @pa.check("line", error="line must be 1 or more")
    def line_positive(cls, line: Series) -> Series[bool]:
        return ~(pd.to_numeric(line, errors="coerce") < 1)

    @pa.check("unit", error="unit must be a known unit, optionally after 万/亿/万亿 (see datasets/README.md)")
    def unit_known(cls, unit: Series[str]) -> Series[bool]:
        return unit.map(lambda u: split_unit(u) is not None)

    @pa.check("period", error="a range FROM/TO must not run backwards")
    def period_ordered(cls, period: Series[str]) -> Series[bool]:
        return period.map(lambda p: (b := period_bounds(p)) is None or b[0] <= b[1])

    @pa.dataframe_check(error="metric, scope and period together must be unique")
    def key_unique(cls, df: pd.DataFrame) -> Series[bool]:
        return ~df.duplicated(subset=KEY, keep=False)

    class Config:
        strict = True


def read_table(path: Path, shown: str) -> pd.DataFrame:
    """All cells as text, indexed by the CSV line each row starts on."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if not header:
                raise ConfigError(f"{shown}: curated table is empty; it needs a header row")
            rows, lines = [], []
            line = reader.line_num + 1
            for record in reader:
                if any(cell.strip() for cell in record):
                    if len(record) != len(header):
                        raise ConfigError(f"{shown}:{line}: {len(record)} cells where the header has {len(header)}")
                    rows.append(record)
                    lines.append(line)
                line = reader.line_num + 1
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ConfigError(f"{shown}: cannot read curated table ({exc})") from None
    columns = [h.strip() for h in header]
    repeated = sorted({c for c in columns if columns.count(c) > 1})
    if repeated:
        raise ConfigError(f"{shown}: column {repeated[0]!r} appears twice in the header")
    return pd.DataFrame(rows, columns=columns, index=pd.Index(lines, name="csv_line"), dtype=str)


def locate_row(shown: str):
    """Rows of a table point at their CSV line, and at the paragraph they cite when they cite one."""

    def locate(frame: pd.DataFrame, index) -> Location:
        pid = str(frame.at[index, "paragraph_id"]) if "paragraph_id" in frame.columns else ""
        return Location(file=shown, line_start=int(index), line_end=int(index), paragraph_id=pid)

    return locate


def import_model(spec: str, where: str, folder: Path) -> type:
    """'package.module:ClassName' -> the class; the data repository's folder is importable."""
    module_name, _, attr = spec.partition(":")
    if str(folder.resolve()) not in sys.path:
        sys.path.insert(0, str(folder.resolve()))
    try:
        model = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"{where}: cannot load model {spec!r} ({exc})") from None
    if not hasattr(model, "validate"):
        raise ConfigError(f"{where}: {spec!r} is not a pandera model")
    return model


def _table_path(path: str, source: str) -> Path:
    """Relative paths are relative to the configuration file's folder."""
    candidate = Path(path)
    if candidate.is_absolute() or source == "defaults":
        return candidate
    return Path(source).parent / candidate


def has_provenance(frame: pd.DataFrame) -> bool:
    return all(column in frame.columns for column in PROVENANCE_COLUMNS)


@setup_hook
def load_tables(ctx) -> None:
    """Put every configured table into the run as a dataset with its model and row locations."""
    ctx.provenance_tables = getattr(ctx, "provenance_tables", [])
    for table in ctx.config.tables:
        where = f"{ctx.config.source}: tables.{table.name}"
        path = _table_path(table.path, ctx.config.source)
        if not path.is_file():
            raise ConfigError(f"{where}: {table.path} not found")
        folder = Path(ctx.config.source).parent if ctx.config.source != "defaults" else Path.cwd()
        model = import_model(table.model, where, folder) if table.model else IndicatorsModel
        frame = read_table(path, table.path)
        ctx.extra_datasets[table.name] = (frame, model, locate_row(table.path))
        if table.provenance and has_provenance(frame):
            ctx.provenance_tables.append(table.name)
