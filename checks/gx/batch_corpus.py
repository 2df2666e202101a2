"""A DataFrame of articles as a Corpus, for the expectations a team adds to its own GX suite.

Stop-gap until ingest reads tables itself: `corpus_from_articles_frame` writes each row
as one line of a temporary `.jsonl` (title, body, date, id) and reads it through the
`.jsonl` article path of `checks.ingest.reader`, so row k of the batch is line k + 1 and
every paragraph of that row has `line_start == k + 1`; the file is named as the caller says
("batch" by default), so messages read `batch:3` for the third row. `row_of` turns a finding's
location back into the row; it reads `Location.row` instead once locations carry it.
"""
from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import pandas as pd

from checks.errors import InputError
from checks.ingest.reader import Corpus, read_corpus
from checks.model import Location


def _text(value) -> str:
    """A cell as text: missing values are empty, dates are written as ISO dates, line ends as LF."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def corpus_from_articles_frame(frame: pd.DataFrame, body: str, title: str | None = None, date: str | None = None,
                               id: str | None = None, name: str = "batch") -> Corpus:
    """One article per row: `body` (paragraphs separated by blank lines) and the optional title, date and id
    columns, read as a `.jsonl` corpus would be; a column that is not in the frame is an InputError."""
    for column in (body, title, date, id):
        if column is not None and column not in frame.columns:
            raise InputError(f"the batch has no column {column!r} (columns: {', '.join(map(str, frame.columns))})")
    picked = {"body": body, "title": title, "date": date, "id": id}
    columns = {key: frame[name].tolist() if name is not None else [""] * len(frame) for key, name in picked.items()}
    with tempfile.TemporaryDirectory(prefix="checks-batch-") as folder:
        path = Path(folder) / "batch.jsonl"
        with path.open("w", encoding="utf-8") as sink:
            for values in zip(*columns.values()):
                record = {key: _text(value) for key, value in zip(columns, values)}
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
        corpus = read_corpus([str(path)])
    corpus.files[0].name = name
    for table in (corpus.articles, corpus.paragraphs, corpus.accounting):
        table["file"] = name
    return corpus


def row_of(location: Location) -> int:
    """The 0-based row of the batch a location is in."""
    row = getattr(location, "row", None)
    return int(row) if row is not None else location.line_start - 1
