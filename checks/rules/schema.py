"""Rules that hold every dataset to its pandera schema and account for every input line."""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow

from checks.datasets import DATASETS
from checks.model import Hit, Location
from checks.rules.base import rule

MAX_CASES_PER_CHECK = 1000
ARROW_TEXT = pd.StringDtype("pyarrow", na_value=np.nan)


@lru_cache(maxsize=64)
def _schema(model: type, arrow_columns: frozenset[str]):
    """The model's schema with no element-by-element type test on the columns already proven to hold strings."""
    schema = model.to_schema()
    return schema.update_columns({name: {"dtype": None} for name in arrow_columns}) if arrow_columns else schema


def _with_arrow_strings(frame: pd.DataFrame, model: type) -> tuple[pd.DataFrame, frozenset[str]]:
    """The frame with each `str` column of the model held as Arrow strings, where every value is a string.

    pandera tests a `str` column value by value in Python (half a microsecond each: most of SCH001 on
    a large run); Arrow accepting the column as strings is the same test done at once, and the
    column's other checks (patterns, lengths, sets) then run as Arrow kernels. A column holding any
    value that is not a string stays as it is, so pandera reports each such row as before.
    """
    columns = model.to_schema().columns
    converted = {}
    for name, column in columns.items():
        if name not in frame.columns or str(column.dtype) != "str":
            continue
        values = frame[name]
        if values.dtype == ARROW_TEXT:
            converted[name] = values
            continue
        if values.dtype != object:
            continue
        try:
            array = pyarrow.array(values.to_numpy(), type=pyarrow.large_string(), from_pandas=True)
        except (pyarrow.ArrowTypeError, pyarrow.ArrowInvalid):
            continue
        converted[name] = pd.Series(pd.array(array, dtype=ARROW_TEXT), index=frame.index, name=name)
    if not converted:
        return frame, frozenset()
    return frame.assign(**converted), frozenset(converted)


def _failure_cases(frame: pd.DataFrame, model: type) -> pd.DataFrame:
    frame, arrow_columns = _with_arrow_strings(frame, model)
    try:
        _schema(model, arrow_columns).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return exc.failure_cases
    except pa.errors.SchemaError as exc:  # raised by some dataframe-level problems even when lazy
        return pd.DataFrame([{"column": None, "check": str(exc.check), "failure_case": str(exc), "index": None}])
    return pd.DataFrame(columns=["column", "check", "failure_case", "index"])


@dataclass(frozen=True)
class Failure:
    """One failure pandera reported: a check failing on a row (`index`, its label, with the row's place and
    first column) or on the whole dataset. Found where the frame is; made a Hit where its row number in the
    whole dataset is known (`shifted`), so parts of a dataset can be validated apart."""

    column: str
    check: str
    value: str
    index: object
    has_row: bool
    location: Location | None = None
    row_id: str = ""

    def shifted(self, rows: int) -> "Failure":
        """The failure of a part of a dataset as a failure of the whole, which holds `rows` rows before it."""
        return replace(self, index=self.index + rows) if self.has_row and rows else self


def failures(frame: pd.DataFrame, model: type, locate) -> list[Failure]:
    """Every failing row and check of the frame (a check failing on no particular row once)."""
    out = []
    cases = _failure_cases(frame, model)
    if "schema_context" in cases:
        # a dataframe-wide check fails once per row, but pandera lists the row under every column, in an order
        # its unstable sort leaves to chance on large frames: the row is shown by its first column (its id)
        whole = cases["schema_context"] == "DataFrameSchema"
        position = cases["column"].map({name: i for i, name in enumerate(frame.columns)}).where(whole, 0)
        cases = cases.assign(_first=position.fillna(0)).sort_values("_first", kind="stable")
        cases = cases.assign(column=cases["column"].where(~whole | (cases["check"] == "column_in_schema"), ""))
        cases = cases.drop_duplicates(subset=["column", "check", "index"])
    for case in cases.itertuples(index=False):
        column = case.column if isinstance(case.column, str) else ""
        index = case.index
        has_row = index is not None and not (isinstance(index, float) and pd.isna(index)) and index in frame.index
        out.append(Failure(column, str(case.check), str(case.failure_case), index, has_row,
                           locate(frame, index) if has_row else None,
                           str(frame.loc[index, frame.columns[0]]) if has_row else ""))
    return out


def failure_hit(name: str, model: type, failure: Failure) -> Hit:
    """The finding of one failure of the named dataset."""
    column, check, index = failure.column, failure.check, failure.index
    where = f"row {index}" if failure.has_row else "the whole dataset"
    return Hit(
        message=f"{name}: {where} fails {check}" + (f" in column {column}" if column and column != model.__name__ else "")
        + f" (value: {failure.value[:80]})",
        locations=[failure.location] if failure.has_row else [],
        evidence={"dataset": name, "column": column, "check": check, "failure_case": failure.value,
                  "row": None if not failure.has_row else str(index), "row_id": failure.row_id},
        key=f"{name}|{column}|{check}|{index}",
    )


def schema_hits(name: str, frame: pd.DataFrame, model: type, locate) -> list[Hit]:
    """One hit per failing row and check; a check failing on no particular row gives one hit.

    Every failing row is listed: `capped` keeps the first MAX_CASES_PER_CHECK of each check.
    """
    return [failure_hit(name, model, failure) for failure in failures(frame, model, locate)]


def capped(hits: list[Hit]) -> list[Hit]:
    """The first MAX_CASES_PER_CHECK failing rows of each dataset and check, by row, and one hit saying how
    many more; a failure of the whole dataset reported by several parts of it (on Spark) is kept once."""
    unique: dict[tuple, Hit] = {}
    for hit in hits:
        unique.setdefault((hit.key, hit.message), hit)
    groups: dict[tuple, list[Hit]] = {}
    for hit in unique.values():
        groups.setdefault((hit.evidence.get("dataset"), hit.evidence.get("check")), []).append(hit)
    out = []
    for (name, check), group in groups.items():
        group.sort(key=lambda h: (h.evidence.get("row") is not None, int(h.evidence.get("row") or 0)))
        out += group[:MAX_CASES_PER_CHECK]
        if len(group) > MAX_CASES_PER_CHECK:
            more = len(group) - MAX_CASES_PER_CHECK
            out.append(Hit(
                message=f"{name}: {more} more rows fail {check} (only the first {MAX_CASES_PER_CHECK} are listed)",
                locations=[], evidence={"dataset": name, "check": check, "more": more}, key=f"{name}|{check}|more"))
    return out


@rule("SCH001", category="schema", severity="error", scope="dataset", dataset="*", title="Dataset row breaks its schema")
def schema_violations(ctx):
    """Validate every dataset of the run against its pandera model, lazily.

    ## What it does
    Builds every registered dataset (articles, paragraphs, mentions, claims,
    curated tables) and validates each against its pandera DataFrameModel with
    `lazy=True`, so all failures are collected. Each failure case becomes one
    finding naming the dataset, the column, the check and the row.

    ## Why is this bad
    Rules and downstream users assume the schema: a paragraph with no text, a
    duplicated id or a line span that runs backwards breaks every later step.

    ## Example
    A curated table row with `unit = percentage`, where the schema allows `%`:

    ```page
    人工智能产业发展提速

    新华社北京1月28日电 记者获悉，我国人工智能核心产业规模同比增长近30%。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    AI核心产业规模,中国,2024/2025,30,percentage,under,{file},{paragraph:2},{line:2},同比增长近30%
    ```

    ## Use instead
    Fix the row (or the code that derived it) so that it satisfies the schema:

    ```page
    人工智能产业发展提速

    新华社北京1月28日电 记者获悉，我国人工智能核心产业规模同比增长近30%。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    AI核心产业规模,中国,2024/2025,30,%,under,{file},{paragraph:2},{line:2},同比增长近30%
    ```
    """
    yield from capped(dataset_hits(ctx, sorted(set(DATASETS) | set(ctx.extra_datasets))))


def dataset_hits(ctx, names: list[str]) -> list[Hit]:
    """Every failing row of the named datasets of a Context (uncapped)."""
    hits = []
    for name in names:
        checked = ctx.validated.get(name)
        if checked is not None:  # validated in the parts that built it (checks/backends/processes.py)
            hits += [failure_hit(name, DATASETS[name].model, failure) for failure in checked]
            continue
        if name in ctx.extra_datasets:
            _, model, locate = ctx.extra_datasets[name]
        else:
            model, locate = DATASETS[name].model, DATASETS[name].locate
        if model is not None:
            hits += schema_hits(name, ctx.dataset(name), model, locate)
    return hits


@rule("ACC001", category="schema", severity="error", scope="file", dataset="accounting", title="Input lines not accounted for")
def unaccounted_lines(ctx):
    """Check that every line read is in exactly one paragraph or blank.

    ## What it does
    For each input file, compares the number of lines read with the blank
    lines plus the lines covered by paragraphs, and checks that no line is
    covered by two paragraphs.

    ## Why is this bad
    A line that is neither blank nor in a paragraph was dropped silently: the
    text it held is never checked. A line in two paragraphs is counted twice.

    ## Example
    A `.jsonl` record with neither title nor body: its line is read, but no paragraph holds it.

    ```jsonl
    {"id": "a1", "title": "Output rises", "body": "Factory output rose in March, the agency said."}
    {"id": "a2", "title": "", "body": ""}
    ```

    ## Use instead
    Remove the empty record, or restore its text:

    ```jsonl
    {"id": "a1", "title": "Output rises", "body": "Factory output rose in March, the agency said."}
    ```
    """
    paragraphs = ctx.dataset("paragraphs")
    spans = (paragraphs["line_end"] - paragraphs["line_start"] + 1).groupby(paragraphs["file"]).sum()
    # a table (.jsonl, CSV, Parquet) holds an article's paragraphs in one record, so overlap is expected there only
    tables = {source.name for source in ctx.corpus.files if source.table is not None}
    for row in ctx.dataset("accounting").itertuples(index=False):
        covered = int(spans.get(row.file, 0))
        lost = row.lines - row.blank - row.in_paragraphs
        overlap = covered - row.in_paragraphs
        if lost or (overlap and row.file not in tables):
            yield Hit(
                message=f"{row.file}: {row.lines} lines read, {row.blank} blank, {row.in_paragraphs} in paragraphs"
                + (f"; {lost} lines are in no paragraph" if lost else "")
                + (f"; {overlap} lines are in more than one paragraph" if overlap else ""),
                locations=[Location(row.file, 1, max(row.lines, 1))],
                evidence={"lines": row.lines, "blank": row.blank, "in_paragraphs": row.in_paragraphs,
                          "covered_by_spans": covered},
            )
