"""Tables of articles or of paragraphs (.jsonl, CSV, Parquet, a DataFrame) read as articles, batch by batch.

A table of articles has one row per article: its title, its body (paragraphs separated by a blank
line), its date and id. A table of paragraphs has one row per paragraph, with the column naming its
article and, optionally, its order there. Which column holds what is `InputColumns` ([tool.checks.input]).

Parquet and CSV are read in Arrow batches (`ParquetFile.iter_batches`, `pyarrow.csv.open_csv`), never
whole: a batch becomes articles, the caller stores their columns compactly, and the batch's Python
objects are freed. Every place keeps its record: its 0-based row and its line (the record's line in a
text file, `row + 1` in Parquet or a DataFrame), so findings can name the row and the column.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

import numpy as np
import pyarrow as pa

from checks.config import InputColumns
from checks.errors import InputError
from checks.ingest.decode import BadSpot
from checks.ingest.segment import Article, Block, is_blank
from checks.model import Location

TABLE_SUFFIXES = (".csv", ".parquet")  # read when named; a folder is read for pages and .jsonl only
BATCH_ROWS = 2048
KEY_FIELDS = ("id", "article")  # text or integers, read as text


@dataclass
class TablePlaces:
    """How to name a place of a table: the first line of each record (None: the line is row + 1),
    and the column each paragraph kind comes from (a title from the title column, the rest from body)."""

    title_column: str
    body_column: str
    first_lines: np.ndarray | None = None

    def row_of(self, line: int) -> int | None:
        if self.first_lines is None:
            return line - 1 if line >= 1 else None
        at = int(np.searchsorted(self.first_lines, line, side="right")) - 1
        return at if at >= 0 else None

    def place(self, location: Location, kind: str | None) -> Location:
        """The location with its row and, when the paragraph's kind is known, its column."""
        row = self.row_of(location.line_start)
        if row is None or self.row_of(location.line_end) != row:
            return location  # a span of several records (a whole-file finding) has no one row
        column = (self.title_column if kind == "title" else self.body_column) if kind else None
        return replace(location, row=row, column=column)


@dataclass
class Records:
    """A batch of rows: record numbers, each record's first and last line, and the fields as Python values."""

    rows: list[int]
    first: list[int]
    last: list[int]
    fields: dict[str, list] = field(default_factory=dict)


@dataclass
class TableRead:
    """What reading a table found besides its articles: its places and line counts, for the accounting."""

    places: TablePlaces
    lines: int = 0
    covered_starts: list = field(default_factory=list)
    covered_ends: list = field(default_factory=list)

    def lines_in_paragraphs(self) -> int:
        """Distinct lines inside some paragraph: a record's paragraphs all share its span, records never overlap."""
        if not self.covered_starts:
            return 0
        starts = np.concatenate(self.covered_starts)
        ends = np.concatenate(self.covered_ends)
        starts, at = np.unique(starts, return_index=True)
        return int((ends[at] - starts + 1).sum())

    def cover(self, pairs: list) -> None:
        spans = np.array([(b.line_start, b.line_end) for article, _ in pairs for b in article.blocks],
                         dtype=np.int64).reshape(-1, 2)
        self.covered_starts.append(spans[:, 0])
        self.covered_ends.append(spans[:, 1])


def is_table(name: str) -> bool:
    return name.lower().endswith(TABLE_SUFFIXES)


# --- one record, one article -----------------------------------------------------------------------


def record_article(title: str, body: str, first: int, last: int) -> Article:
    """A row of an articles table: its title, then its body's paragraphs (separated by a blank line)."""
    article = Article(title=title)
    if title:
        article.blocks.append(Block(first, last, title, kind="title"))
    for piece in body.split("\n\n"):
        if piece.strip():
            article.blocks.append(Block(first, last, piece.strip(), kind="body"))
    return article


def article_pairs(records: Records) -> list[tuple[Article, dict]]:
    """(article, meta) for each row with some text, in row order."""
    out = []
    f = records.fields
    for i in range(len(records.rows)):
        article = record_article(f["title"][i], f["body"][i], records.first[i], records.last[i])
        if article.blocks:
            out.append((article, {"date": f["date"][i], "source_id": f["id"][i]}))
    return out


# --- .jsonl -------------------------------------------------------------------------------------------

_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(value: object, number: int, spots: list[BadSpot]) -> str:
    """JSON may escape half a UTF-16 pair (`\\ud800`), which no file can hold: U+FFFD and a spot for ENC001."""
    text = str(value or "")
    if not _SURROGATE.search(text):
        return text
    for m in _SURROGATE.finditer(text):
        spots.append(BadSpot(line=number, column=m.start() + 1, raw=m.group(0).encode("utf-8", "surrogatepass").hex()))
    return _SURROGATE.sub("\ufffd", text)


def jsonl_records(lines: list[str], name: str, spots: list[BadSpot], columns: InputColumns) -> Records:
    """Each non-blank JSON line is one record, on its own line."""
    records = Records([], [], [], {key: [] for key in _fields(columns)})
    body = columns.body
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if is_blank(line):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{number}: not a JSON object ({exc.msg}); fix or remove the line") from None
        except RecursionError:
            raise InputError(f"{name}:{number}: JSON nested too deeply; fix or remove the line") from None
        if not isinstance(record, dict) or not isinstance(record.get(body, ""), str):
            raise InputError(f"{name}:{number}: expected an object with a text {body!r}")
        seen.update(record)
        records.rows.append(len(records.rows))
        records.first.append(number)
        records.last.append(number)
        for key, column in _fields(columns).items():
            value = record.get(column)
            if key == "order":
                if not (isinstance(value, int) and not isinstance(value, bool)):
                    raise InputError(f"{name}:{number}: {column!r} (the paragraph order) must be an integer")
                records.fields[key].append(value)
            else:
                records.fields[key].append(_without_surrogates(value, number, spots))
    if records.rows:
        wanted = _fields(columns)
        missing = [wanted[key] for key in sorted(columns.given) if wanted[key] not in seen]
        if missing:
            raise InputError(f"{name}: no record has the field {missing[0]!r}; {_mapping_hint()}")
    return records


def _fields(columns: InputColumns) -> dict[str, str]:
    """The fields a table of this layout is read for, and the column of each."""
    wanted = {"title": columns.title, "body": columns.body, "date": columns.date, "id": columns.id}
    if columns.paragraphs:
        wanted["article"] = columns.article
        if columns.order:
            wanted["order"] = columns.order
    return wanted


def _mapping_hint() -> str:
    return "name the columns under [tool.checks.input] or with --column FIELD=COLUMN"


# --- Arrow tables: Parquet, CSV, DataFrames -------------------------------------------------------


def _required(columns: InputColumns) -> set[str]:
    """Fields that must be present: the body, the article key of a paragraphs table, and any set explicitly."""
    needed = {"body"} | set(columns.given)
    if columns.paragraphs:
        needed.add("article")
    return needed


def check_schema(schema: pa.Schema, name: str, columns: InputColumns) -> dict[str, str]:
    """The fields present in this table and their columns; a missing or mistyped column is an InputError."""
    present = {}
    for key, column in _fields(columns).items():
        index = schema.get_field_index(column)
        if index < 0:
            if key in _required(columns):
                known = ", ".join(schema.names[:12]) + (", ..." if len(schema.names) > 12 else "")
                raise InputError(f"{name}: no column {column!r} for the {key} (columns: {known}); {_mapping_hint()}")
            continue
        kind = schema.field(index).type
        if pa.types.is_dictionary(kind):
            kind = kind.value_type
        ok = (pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind)
              or (key in KEY_FIELDS and pa.types.is_integer(kind))
              or (key == "date" and (pa.types.is_date(kind) or pa.types.is_timestamp(kind)))
              or (key == "order" and pa.types.is_integer(kind)))
        if not ok:
            expected = "integers" if key == "order" else "text"
            raise InputError(f"{name}: column {column!r} ({key}) holds {kind}; expected {expected}")
        present[key] = column
    return present


def _python(values: pa.Array, key: str, name: str, column: str) -> list:
    """A column of a batch as Python values: text ("" for null), or the order as integers."""
    if pa.types.is_dictionary(values.type):
        values = values.dictionary_decode()
    if key == "order":
        if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):  # CSV reads every column as text
            try:
                values = values.cast(pa.int64())
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                raise InputError(f"{name}: column {column!r} (order) holds values that are not integers") from None
        if values.null_count:
            raise InputError(f"{name}: column {column!r} (order) has empty values; every paragraph needs its order")
        return values.to_pylist()
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        values = values.cast(pa.string())
    return ["" if v is None else v for v in values.to_pylist()]


def arrow_records(batches: Iterable[pa.RecordBatch], name: str, columns: InputColumns,
                  line_breaks: bool = False) -> Iterator[Records]:
    """Records from Arrow batches. Lines are row + 1, or (`line_breaks`, CSV) counted: the header is line 1
    and each record takes one line plus the line breaks inside its values."""
    row, line, present = 0, 2 if line_breaks else 1, None
    for batch in batches:
        if present is None:
            present = check_schema(batch.schema, name, columns)
        n = batch.num_rows
        if not n:
            continue
        if line_breaks:
            spans = 1 + _breaks_per_row(batch)
            first = (line + np.concatenate([[0], np.cumsum(spans)[:-1]])).tolist()
            last = [a + s - 1 for a, s in zip(first, spans.tolist())]
            line = last[-1] + 1
        else:
            first = list(range(row + 1, row + n + 1))
            last = first
        fields = {key: (_python(batch.column(column), key, name, column) if key in present else [""] * n)
                  for key, column in _fields(columns).items()}
        yield Records(list(range(row, row + n)), first, last, fields)
        row += n


def _breaks_per_row(batch: pa.RecordBatch) -> np.ndarray:
    """Line breaks (LF, CRLF, lone CR) inside each row's values, over every text column."""
    import pyarrow.compute as pc

    total = np.zeros(batch.num_rows, dtype=np.int64)
    for values in batch.columns:
        if pa.types.is_string(values.type) or pa.types.is_large_string(values.type):
            counts = [pc.count_substring(values, p).fill_null(0).to_numpy(zero_copy_only=False) for p in ("\n", "\r", "\r\n")]
            total += counts[0] + counts[1] - counts[2]
    return total


def parquet_batches(source, name: str, columns: InputColumns) -> Iterator[pa.RecordBatch]:
    """A Parquet file's mapped columns, a few thousand rows at a time."""
    import pyarrow.parquet as pq

    try:
        reader = pq.ParquetFile(source, buffer_size=1 << 20, pre_buffer=False)
        check_schema(reader.schema_arrow, name, columns)
        wanted = [c for c in _fields(columns).values() if reader.schema_arrow.get_field_index(c) >= 0]
        yield from reader.iter_batches(batch_size=BATCH_ROWS, columns=wanted, use_threads=False)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{name}: not a readable Parquet file ({_first_line(exc)})") from None


def csv_batches(open_source, name: str, columns: InputColumns) -> Iterator[pa.RecordBatch]:
    """A CSV file (UTF-8, header line first) with every column read as text, in blocks of about a megabyte.

    `open_source()` gives a fresh stream: the header is read once for the column names, then the file
    again with each column typed as text (inferred types break when a later block disagrees)."""
    import pyarrow.csv as pcsv

    read = pcsv.ReadOptions(block_size=1 << 20, use_threads=False)
    parse = pcsv.ParseOptions(newlines_in_values=True)
    try:
        with pcsv.open_csv(open_source(), read_options=read, parse_options=parse) as head:
            names = head.schema.names
        convert = pcsv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=False,
                                      quoted_strings_can_be_null=False)
        with pcsv.open_csv(open_source(), read_options=read, parse_options=parse, convert_options=convert) as reader:
            yield from reader
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{name}: not a readable CSV file ({_first_line(exc)})") from None


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


# --- layouts: rows of articles, rows of paragraphs --------------------------------------------------


def article_batches(records: Iterable[Records], columns: InputColumns) -> Iterator[list[tuple[Article, dict]]]:
    """Lists of (article, meta) in reading order: one per batch of articles rows, or, for a paragraphs table,
    its articles (each gathered from all its rows) a few thousand at a time."""
    if not columns.paragraphs:
        for batch in records:
            yield article_pairs(batch)
        return
    yield from _paragraph_table(records, columns)


_KEEP = ("article", "order", "title", "body", "date")


def _paragraph_table(records: Iterable[Records], columns: InputColumns, per_batch: int = 1000):
    """Rows grouped by article (in order of each article's first row), sorted by `order` (else row order).

    The rows are kept as Arrow arrays until all are read: an article's rows may be anywhere in the file."""
    parts: dict[str, list] = {key: [] for key in (*_KEEP, "rows", "first", "last")}
    for batch in records:
        for key in _KEEP:
            if key in batch.fields:
                parts[key].append(pa.array(batch.fields[key], type=pa.int64() if key == "order" else pa.large_string()))
        parts["rows"].append(np.asarray(batch.rows, dtype=np.int64))
        parts["first"].append(np.asarray(batch.first, dtype=np.int64))
        parts["last"].append(np.asarray(batch.last, dtype=np.int64))
    if not parts["rows"]:
        return
    rows = np.concatenate(parts["rows"])
    first, last = np.concatenate(parts["first"]), np.concatenate(parts["last"])
    text = {key: pa.chunked_array(parts[key]) for key in _KEEP if parts[key] and key != "order"}
    keys = text["article"].combine_chunks().dictionary_encode()
    codes = keys.indices.to_numpy(zero_copy_only=False)
    _, first_row = np.unique(codes, return_index=True)
    rank = np.empty(len(first_row), dtype=np.int64)
    rank[np.argsort(first_row, kind="stable")] = np.arange(len(first_row))
    order = np.concatenate([a.to_numpy(zero_copy_only=False) for a in parts["order"]]) if parts["order"] else rows
    sequence = np.lexsort((rows, order, rank[codes]))
    article_of = rank[codes][sequence]
    bounds = np.flatnonzero(np.diff(article_of)) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(sequence)]])
    for at in range(0, len(starts), per_batch):
        lo, hi = starts[at], ends[min(at + per_batch, len(starts)) - 1]
        take = pa.array(sequence[lo:hi])
        values = {key: column.take(take).to_pylist() for key, column in text.items()}
        pairs = []
        for a_start, a_end in zip(starts[at:at + per_batch] - lo, ends[at:at + per_batch] - lo):
            pairs += _paragraphs_article(values, sequence[lo:hi], first, last, a_start, a_end)
        yield pairs


def _paragraphs_article(values: dict, sequence: np.ndarray, first: np.ndarray, last: np.ndarray,
                        a_start: int, a_end: int) -> list[tuple[Article, dict]]:
    """One article of a paragraphs table: the first title among its rows, then one paragraph per row with text."""
    title, date, title_at = "", "", None
    for i in range(a_start, a_end):
        if not title and values["title"][i]:
            title, title_at = values["title"][i], i
        if not date and values["date"][i]:
            date = values["date"][i]
    article = Article(title=title)
    if title_at is not None:
        r = sequence[title_at]
        article.blocks.append(Block(int(first[r]), int(last[r]), title, kind="title"))
    for i in range(a_start, a_end):
        text = values["body"][i].strip()
        if text:
            r = sequence[i]
            article.blocks.append(Block(int(first[r]), int(last[r]), text, kind="body"))
    if not article.blocks:
        return []
    return [(article, {"date": date, "source_id": values["article"][a_start]})]


def place_findings(findings: list, files: list, paragraphs) -> None:
    """Give every place in a table its row and column (in place), from the file's TablePlaces and the
    paragraph's kind; places in pages of text are left as they are."""
    places = {f.name: f.table for f in files if getattr(f, "table", None) is not None}
    if not places:
        return
    wanted = {loc.paragraph_id for f in findings for loc in f.locations if loc.file in places and loc.paragraph_id}
    kinds: dict[str, str] = {}
    if wanted:
        ids = paragraphs["paragraph_id"]
        mask = ids.isin(wanted).to_numpy(dtype=bool)
        kinds = dict(zip(ids[mask].tolist(), paragraphs["kind"][mask].tolist()))
    for finding in findings:
        finding.locations = [places[loc.file].place(loc, kinds.get(loc.paragraph_id)) if loc.file in places else loc
                             for loc in finding.locations]
