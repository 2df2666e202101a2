"""The `mentions` dataset: every number of every paragraph, with its span, unit, kind and interval."""
from __future__ import annotations

import dataclasses
import operator
import weakref

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from checks.datasets import derived
from checks.extract.numbers import Mention, find_mentions
from checks.ingest.normalize import fold_width_many
from checks.ingest.reader import gc_paused
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


# Mention lists of the frames this process built, so the claims dataset reads them instead of the frame's rows
# again (a frame built elsewhere, or copied, is read back from its columns), until `mention_lists` hands them over.
# (DataFrames are not hashable: kept by id, with a weak reference to tell a reused id apart.)
_LISTS: dict[int, tuple[weakref.ref, dict[str, list]]] = {}

_PARAGRAPH_FIELDS = ("paragraph_id", "article_id", "file", "line_start", "line_end", "text")
assert {f.name for f in dataclasses.fields(Mention)} == set(COLUMNS[6:])  # the columns a mention gives itself


def paragraph_columns(paragraphs: pd.DataFrame, fields=_PARAGRAPH_FIELDS) -> list[list]:
    """The paragraphs' columns as Python lists: iterating Arrow-backed text row by row costs more than the parse."""
    return [paragraphs[c].tolist() for c in fields]


def mention_rows(paragraphs: pd.DataFrame, lists: dict[str, list] | None = None) -> dict[str, list]:
    """The dataset's columns (columns, not row dicts: large inputs); each paragraph's Mention list also goes into
    `lists` when given. The texts are folded to half-width in one pass, then parsed one by one; each column is
    then made in one comprehension over all mentions."""
    pids, articles, files, line_starts, line_ends, texts = paragraph_columns(paragraphs)
    per_paragraph = list(map(find_mentions, texts, fold_width_many(texts)))
    rows = [i for i, found in enumerate(per_paragraph) for _ in found]  # each mention's paragraph
    flat = [m for found in per_paragraph for m in found]
    if lists is not None:
        lists.update((pids[i], found) for i, found in enumerate(per_paragraph) if found)
    # the mentions' own fields, each read by one attrgetter mapped over them (not a getattr call per value)
    own = {field: list(map(operator.attrgetter(field), flat)) for field in COLUMNS[6:]}
    cols: dict[str, list] = {}
    for column, values in (("paragraph_id", pids), ("article_id", articles), ("file", files)):
        cols[column] = list(map(values.__getitem__, rows))  # (a map in C, not a comprehension)
    for column, values in (("line_start", line_starts), ("line_end", line_ends)):
        cols[column] = list(map(int, map(values.__getitem__, rows)))
    cols["mention_id"] = ids.mention_ids(cols["paragraph_id"], own["start"], own["end"])
    cols.update(own)
    return {c: cols[c] for c in COLUMNS}


def mention_lists(frame: pd.DataFrame) -> dict[str, list]:
    """The Mention lists per paragraph behind a mentions frame: kept from building it, else read back.

    Kept lists are handed over once (the claims dataset is their reader) and then let go: held for the rest of
    a run they were half of the memory the mentions took; a second call reads them back from the frame."""
    kept = _LISTS.pop(id(frame), None)
    if kept is not None and kept[0]() is frame:
        return kept[1]
    out: dict[str, list] = {}
    columns = [frame[c].tolist() for c in ("paragraph_id", "start", "end", "surface", "value", "low", "high",
                                            "unit", "kind", "qualifier")]
    for pid, *fields in zip(*columns):
        out.setdefault(pid, []).append(Mention(*fields))
    return out


_DTYPES = {"line_start": np.int64, "line_end": np.int64, "start": np.int64, "end": np.int64, "value": np.float64,
           "low": np.float64, "high": np.float64}


@derived("mentions", MentionsModel, scope="paragraph")
def build(ctx) -> pd.DataFrame:
    """Every number of every paragraph: span, surface, value, unit, kind, qualifier and implied interval."""
    lists: dict[str, list] = {}
    paragraphs = ctx.dataset("paragraphs")
    with gc_paused():  # many objects, no cycles: the collector's passes over them cost a tenth of the time
        columns = mention_rows(paragraphs, lists)
    # each column made as its dtype at once: pandas need not infer the types of 15 lists of Python objects
    # (each list let go once it is an array)
    frame = pd.DataFrame({c: np.array(columns.pop(c), dtype=_DTYPES.get(c, object)) for c in COLUMNS},
                         columns=COLUMNS, copy=False)
    _LISTS[id(frame)] = (weakref.ref(frame), lists)
    weakref.finalize(frame, _LISTS.pop, id(frame), None)
    return frame
