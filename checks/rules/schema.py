"""Rules that hold every dataset to its pandera schema and account for every input line."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from checks.datasets import DATASETS
from checks.model import Hit, Location
from checks.rules.base import rule

MAX_CASES_PER_CHECK = 1000


def _failure_cases(frame: pd.DataFrame, model: type) -> pd.DataFrame:
    try:
        model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return exc.failure_cases
    except pa.errors.SchemaError as exc:  # raised by some dataframe-level problems even when lazy
        return pd.DataFrame([{"column": None, "check": str(exc.check), "failure_case": str(exc), "index": None}])
    return pd.DataFrame(columns=["column", "check", "failure_case", "index"])


def schema_hits(name: str, frame: pd.DataFrame, model: type, locate) -> list[Hit]:
    """One hit per failing row and check; a check failing on no particular row gives one hit."""
    hits = []
    cases = _failure_cases(frame, model)
    if "schema_context" in cases:
        # a dataframe-wide check fails once per row, but pandera lists the row under every column
        whole = cases["schema_context"] == "DataFrameSchema"
        cases = cases.assign(column=cases["column"].where(~whole | (cases["check"] == "column_in_schema"), ""))
        cases = cases.drop_duplicates(subset=["column", "check", "index"])
    per_check: dict[str, int] = {}
    for case in cases.itertuples(index=False):
        column = case.column if isinstance(case.column, str) else ""
        check = str(case.check)
        per_check[check] = per_check.get(check, 0) + 1
        if per_check[check] > MAX_CASES_PER_CHECK:
            continue
        index = case.index
        has_row = index is not None and not (isinstance(index, float) and pd.isna(index)) and index in frame.index
        locations: list[Location] = [locate(frame, index)] if has_row else []
        where = f"row {index}" if has_row else "the whole dataset"
        row_id = ""
        if has_row:
            first = frame.columns[0]
            row_id = str(frame.loc[index, first])
        hits.append(Hit(
            message=f"{name}: {where} fails {check}" + (f" in column {column}" if column and column != model.__name__ else "")
            + f" (value: {str(case.failure_case)[:80]})",
            locations=locations,
            evidence={"dataset": name, "column": column, "check": check, "failure_case": str(case.failure_case),
                      "row": None if not has_row else str(index), "row_id": row_id},
            key=f"{name}|{column}|{check}|{index}",
        ))
    for check, count in per_check.items():
        if count > MAX_CASES_PER_CHECK:
            hits.append(Hit(
                message=f"{name}: {count - MAX_CASES_PER_CHECK} more rows fail {check} (only the first {MAX_CASES_PER_CHECK} are listed)",
                locations=[], evidence={"dataset": name, "check": check, "more": count - MAX_CASES_PER_CHECK},
                key=f"{name}|{check}|more",
            ))
    return hits


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
    A curated table row with `unit = "percent"` where the schema allows `%`.

    ## Use instead
    Fix the row (or the code that derived it) so that it satisfies the schema.
    """
    names = sorted(set(DATASETS) | set(ctx.extra_datasets))
    for name in names:
        if name in ctx.extra_datasets:
            frame, model, locate = ctx.extra_datasets[name]
            frame = ctx.dataset(name)
        else:
            spec = DATASETS[name]
            frame, model, locate = ctx.dataset(name), spec.model, spec.locate
        if model is not None:
            yield from schema_hits(name, frame, model, locate)


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
    A file of 278 lines giving 140 blank lines and paragraphs covering 137.

    ## Use instead
    Every line is accounted for: 278 = 140 blank + 138 in paragraphs.
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
