"""The `mentions` dataset: every number of every paragraph, with its span, unit, kind and interval."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from checks.datasets import derived
from checks.extract.numbers import find_mentions
from checks.vocab import ids
from checks.vocab.quantities import QUALIFIERS

KINDS = ["count", "amount", "percent", "percentage_points", "multiple", "year", "date", "duration", "ordinal"]
COLUMNS = ["mention_id", "paragraph_id", "article_id", "file", "line_start", "line_end", "start", "end",
           "surface", "value", "low", "high", "unit", "kind", "qualifier"]


class MentionsModel(pa.DataFrameModel):
    """One row per number stated in a paragraph; start/end are character offsets in the paragraph's text."""

    mention_id: Series[str] = pa.Field(unique=True, str_matches=ids.MENTION_ID)
    paragraph_id: Series[str] = pa.Field(str_matches=ids.PARAGRAPH_ID)
    article_id: Series[str]
    file: Series[str]
    line_start: Series[int] = pa.Field(ge=1)
    line_end: Series[int] = pa.Field(ge=1)
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=1)
    surface: Series[str] = pa.Field(str_length={"min_value": 1})
    value: Series[float] = pa.Field(nullable=True)
    low: Series[float] = pa.Field(nullable=True)
    high: Series[float] = pa.Field(nullable=True)
    unit: Series[str]
    kind: Series[str] = pa.Field(isin=KINDS)
    qualifier: Series[str] = pa.Field(isin=list(QUALIFIERS))

    @pa.dataframe_check(error="a span must end after it starts")
    def span_ordered(cls, df):
        return df["end"] > df["start"]

    @pa.dataframe_check(error="the interval must hold the stated value")
    def interval_holds_value(cls, df):
        known = df["value"].notna()
        return ~known | ((df["low"] <= df["value"] * (1 + 1e-9)) & (df["value"] <= df["high"] * (1 + 1e-9)))

    class Config:
        strict = True


def mention_rows(paragraphs: pd.DataFrame) -> dict[str, list]:
    """The dataset's columns, filled paragraph by paragraph (columns, not row dicts: large inputs)."""
    cols: dict[str, list] = {c: [] for c in COLUMNS}
    for p in paragraphs[["paragraph_id", "article_id", "file", "line_start", "line_end", "text"]].itertuples(index=False):
        found = find_mentions(p.text)
        if not found:
            continue
        n = len(found)
        for column, value in (("paragraph_id", p.paragraph_id), ("article_id", p.article_id), ("file", p.file),
                              ("line_start", int(p.line_start)), ("line_end", int(p.line_end))):
            cols[column].extend([value] * n)
        for m in found:
            cols["mention_id"].append(ids.mention_id(p.paragraph_id, m.start, m.end))
            cols["start"].append(m.start)
            cols["end"].append(m.end)
            cols["surface"].append(m.surface)
            cols["value"].append(m.value)
            cols["low"].append(m.low)
            cols["high"].append(m.high)
            cols["unit"].append(m.unit)
            cols["kind"].append(m.kind)
            cols["qualifier"].append(m.qualifier)
    return cols


@derived("mentions", MentionsModel, scope="paragraph")
def build(ctx) -> pd.DataFrame:
    """Every number of every paragraph: span, surface, value, unit, kind, qualifier and implied interval."""
    frame = pd.DataFrame(mention_rows(ctx.dataset("paragraphs")), columns=COLUMNS)
    text_columns = {c: "object" for c in ("mention_id", "paragraph_id", "article_id", "file", "surface", "unit",
                                          "kind", "qualifier")}
    return frame.astype({"line_start": "int64", "line_end": "int64", "start": "int64", "end": "int64",
                         "value": "float64", "low": "float64", "high": "float64", **text_columns})
