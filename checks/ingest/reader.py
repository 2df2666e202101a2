"""Read files and folders into the `articles` and `paragraphs` datasets.

Plain text (`.txt`) holds pages as published. `.jsonl` holds one article a line
with `title`, `body` (paragraphs separated by blank lines) and optional `date`
and `id`, as corpora are usually shipped; `.csv` and `.parquet` tables, and
`.jsonl` with other field names or one paragraph a line, are read through
`tables.py` with the columns `[tool.checks.input]` names. Every line of every
file is counted: in a paragraph or blank (the `accounting` table), so no text
is lost unseen.
"""
from __future__ import annotations

import array
import gc
import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import groupby
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from checks.config import InputColumns
from checks.errors import InputError
from checks.ingest import tables
from checks.ingest.decode import BadSpot, decode_bytes
from checks.ingest.normalize import normalize_many
from checks.ingest.segment import articles_of, blank_indices, blocks_of, split_lines
from checks.vocab import ids

SUFFIXES = (".txt", ".jsonl")
MAX_FILES = 1_000_000


@dataclass
class SourceFile:
    """One input file: how it is named in reports, its hash and how it decoded."""

    path: Path
    name: str
    sha256: str
    lines: int
    encoding: str
    bad_spots: list[BadSpot] = field(default_factory=list)
    table: tables.TablePlaces | None = None  # how its places name rows and columns, for a table


@dataclass
class Corpus:
    files: list[SourceFile]
    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    accounting: pd.DataFrame


def display_name(path: Path) -> str:
    """Paths inside the working folder are shown relative to it, others as given."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def collect_paths(inputs: list[str]) -> list[Path]:
    """Files named, and the text files under folders named, in a stable order.

    A folder is read for pages (.txt) and .jsonl; Parquet and CSV files are read when named, so the
    curated and derived tables kept beside the raw text are never taken for articles."""
    found: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or folder")
        if path.is_file():
            found.append(path)
            continue
        if not path.is_dir():
            raise InputError(f"{raw}: not a regular file or folder")
        before = len(found)
        seen_dirs: set[str] = set()
        for root, dirs, files in os.walk(path, followlinks=True):
            real = os.path.realpath(root)
            if real in seen_dirs:  # a symbolic-link loop: each folder is read once
                dirs.clear()
                continue
            seen_dirs.add(real)
            dirs.sort()
            for name in sorted(files):
                if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                    found.append(Path(root) / name)
                    if len(found) > MAX_FILES:
                        raise InputError(f"{raw}: more than {MAX_FILES} files; split the run")
        if len(found) == before:
            raise InputError(f"{raw}: folder holds no .txt or .jsonl files")
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(os.path.realpath(path), path)
    return list(unique.values())


@dataclass(frozen=True)
class InputFile:
    """A file to read, with what its ids are made of: its bytes' hash and how many earlier inputs had them."""

    path: Path
    name: str
    sha256: str
    occurrence: int
    size: int


def _hashed(path: Path, name: str) -> tuple[int, str, bytes | None]:
    """(size, sha256, the bytes): a table is hashed a megabyte at a time and not held (None)."""
    if tables.is_table(name):
        return path.stat().st_size, file_sha256(path, name), None
    data = read_bytes(path, name)
    return len(data), hashlib.sha256(data).hexdigest(), data


def input_files(inputs: list[str]) -> list[InputFile]:
    """The files of the inputs in reading order, each hashed (engines that split a run read them apart)."""
    items, seen_sha = [], {}
    for path in collect_paths(inputs):
        name = display_name(path)
        size, sha, _ = _hashed(path, name)
        items.append(InputFile(path, name, sha, seen_sha.get(sha, 0), size))
        seen_sha[sha] = seen_sha.get(sha, 0) + 1
    return items


def read_corpus(inputs: list[str], progress=None, columns: InputColumns | None = None) -> Corpus:
    """Decode, segment and tabulate all inputs; raise InputError on unreadable input.

    `columns` says which column of a table holds what (default: title, body, date, id)."""
    return _read(((path, display_name(path)) for path in collect_paths(inputs)), progress, columns)


def read_files(items: list[InputFile], progress=None, columns: InputColumns | None = None) -> Corpus:
    """The Corpus of some input files, with the ids they have in the whole run."""
    return _read(((item.path, item.name, item.sha256, item.occurrence) for item in items), progress, columns)


def _read(items, progress, columns: InputColumns | None) -> Corpus:
    """Read (path, name[, sha, occurrence]) items in order; the hash and occurrence are found when not given."""
    columns = columns or InputColumns()
    files: list[SourceFile] = []
    articles, paragraphs, accounting = _Chunks(ARTICLE_COLUMNS), _Chunks(PARAGRAPH_COLUMNS), _Chunks(ACCOUNTING_COLUMNS)
    seen_sha: dict[str, int] = {}
    with gc_paused():
        for path, name, *known in items:
            table = tables.is_table(name)
            if known and table:
                (sha, occurrence), size, data = known, path.stat().st_size, None
            elif known:
                (sha, occurrence), data = known, read_bytes(path, name)
                size = len(data)
            else:
                size, sha, data = _hashed(path, name)
                occurrence = seen_sha.get(sha, 0)
                seen_sha[sha] = occurrence + 1
            if table:  # read in batches, never held whole
                source, acc = read_table(path, name, sha, occurrence, columns, articles.add, paragraphs.add)
            else:
                source, arts, pars, acc = read_one(path, name, data, sha, occurrence, columns)
                articles.add(arts)
                paragraphs.add(pars)
            files.append(source)
            accounting.add({key: [value] for key, value in acc.items()})
            if progress:
                progress(size)
    return Corpus(files, articles.frame(), paragraphs.frame(), accounting.frame())


def concat_corpora(parts: list[Corpus]) -> Corpus:
    """One Corpus from parts read apart, in order: the frames the whole run would have read (rows renumbered)."""
    def frames(name: str) -> pd.DataFrame:
        return pd.concat([getattr(part, name) for part in parts], ignore_index=True)

    return Corpus([f for part in parts for f in part.files], frames("articles"), frames("paragraphs"),
                  frames("accounting"))


def read_frame(frame, name: str, columns: InputColumns | None = None) -> Corpus:
    """A pandas DataFrame of articles or paragraphs as a Corpus, read as a Parquet file is (row + 1 is
    its line). Its ids hash its content, so the same frame gives the same ids."""
    columns = columns or InputColumns()
    try:
        table = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowException, TypeError, ValueError) as exc:
        raise InputError(f"{name}: the DataFrame cannot be read as a table ({exc})") from None
    sha = _table_sha256(table, name, columns)
    articles, paragraphs = _Chunks(ARTICLE_COLUMNS), _Chunks(PARAGRAPH_COLUMNS)
    source, acc = _read_batches(lambda: table.to_batches(max_chunksize=tables.BATCH_ROWS), None, name, sha, 0,
                                columns, articles.add, paragraphs.add)
    accounting = _Chunks(ACCOUNTING_COLUMNS)
    accounting.add({key: [value] for key, value in acc.items()})
    return Corpus([source], articles.frame(), paragraphs.frame(), accounting.frame())


def _table_sha256(table: pa.Table, name: str, columns: InputColumns) -> str:
    """A hash of the mapped columns' values, row by row: what identifies a DataFrame's content."""
    present = tables.check_schema(table.schema, name, columns)
    digest = hashlib.sha256()
    for key in sorted(present):
        digest.update(f"{key}={present[key]}\x1e".encode())
        for chunk in table.column(present[key]).chunks:
            digest.update("\x1f".join("" if v is None else str(v) for v in chunk.to_pylist()).encode("utf-8", "surrogatepass"))
            digest.update(b"\x1e")
    return digest.hexdigest()


def file_sha256(path: Path, name: str) -> str:
    """The file's sha256, read a megabyte at a time (the same digest as of its bytes read whole)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    return digest.hexdigest()


def read_table(path_or_data, name: str, sha: str, occurrence: int, columns: InputColumns, add_articles,
               add_paragraphs) -> tuple[SourceFile, dict]:
    """A Parquet or CSV file (a path, or its bytes) in batches: each batch's article and paragraph columns go to
    the two callbacks as they are made. Returns the file's record and its accounting row."""
    if isinstance(path_or_data, (bytes, bytearray, memoryview)):
        def open_source():
            return pa.BufferReader(path_or_data)
        path = Path(name)
    else:
        path = Path(path_or_data)

        def open_source():
            try:
                return pa.OSFile(str(path), "rb")
            except OSError as exc:
                raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if name.lower().endswith(".csv"):
        return _read_batches(lambda: tables.csv_batches(open_source, name, columns), path, name, sha, occurrence,
                             columns, add_articles, add_paragraphs, csv=True)
    return _read_batches(lambda: tables.parquet_batches(open_source(), name, columns), path, name, sha, occurrence,
                         columns, add_articles, add_paragraphs)


def _read_batches(batches, path: Path | None, name: str, sha: str, occurrence: int, columns: InputColumns,
                  add_articles, add_paragraphs, csv: bool = False) -> tuple[SourceFile, dict]:
    """Arrow batches through a table layout into article and paragraph columns, batch by batch."""
    places = tables.TablePlaces(columns.title, columns.body)
    read = tables.TableRead(places)
    first_lines = array.array("q")
    counted = {"rows": 0, "end": 1 if csv else 0}

    def records():
        for batch in tables.arrow_records(batches(), name, columns, line_breaks=csv):
            counted["rows"] += len(batch.rows)
            if csv:
                first_lines.extend(batch.first)
                counted["end"] = batch.last[-1]
            yield batch

    n_articles = n_paragraphs = 0
    for pairs in tables.article_batches(records(), columns):
        if not pairs:
            continue
        arts = _article_columns(pairs, name, sha, occurrence, first=n_articles)
        pars = _paragraph_columns(pairs, arts["article_id"], name, sha, occurrence, first=n_articles)
        read.cover(pairs)
        n_articles += len(pairs)
        n_paragraphs += len(pars["paragraph_id"])
        add_articles(arts)
        add_paragraphs(pars)
    if csv:
        places.first_lines = np.frombuffer(first_lines, dtype=np.int64) if len(first_lines) else np.zeros(0, np.int64)
    lines = counted["end"] if csv else counted["rows"]
    covered = read.lines_in_paragraphs()
    source = SourceFile(path or Path(name), name, sha, lines, "utf-8", table=places)
    # a table's lines hold records: those with text are in paragraphs, the rest (header, empty records) blank
    acc = {"file": name, "lines": lines, "blank": lines - covered, "in_paragraphs": covered,
           "articles": n_articles, "paragraphs": n_paragraphs}
    return source, acc


@contextmanager
def gc_paused():
    """No cyclic garbage collection while files are read.

    Reading makes millions of short-lived objects (lines, blocks, ids) and no reference cycles;
    the collector's passes over them cost 5-10% of the time. Its previous state is restored.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _Chunks:
    """Columns gathered file by file in compact form, so each file's Python objects are freed once it is read.

    Arrow-backed text is kept as one Arrow chunk per file and never copied again; integers go into
    typed arrays (8 bytes each, not an int object); other strings, whose values repeat row after row
    (a file's name, an article's id, most kinds), are kept as runs and spelled out once, at the end.
    """

    def __init__(self, columns: dict[str, object]):
        self.dtypes = columns
        self.parts = {name: _empty_part(dtype) for name, dtype in columns.items()}

    def add(self, columns: dict[str, list]) -> None:
        for name, part in self.parts.items():
            if self.dtypes[name] is TEXT:
                part.append(arrow_text(columns[name]))
            elif self.dtypes[name] == "int64":
                part.extend(columns[name])
            else:
                _add_runs(part, columns[name])

    def frame(self) -> pd.DataFrame:
        """The frame; each column's parts are released as soon as the column is built, to keep the peak low."""
        data = {}
        for name, dtype in self.dtypes.items():
            part = self.parts.pop(name)
            data[name] = _column(part, dtype)
            del part
        self.parts = {name: _empty_part(dtype) for name, dtype in self.dtypes.items()}
        return pd.DataFrame(data, columns=list(self.dtypes), copy=False)


def arrow_text(values: list[str]) -> pa.LargeStringArray:
    """Strings as an Arrow array whose two buffers are allocated once, at their exact size.

    `pa.array` grows its buffers by doubling; over hundreds of files the freed halves left
    about 30 MB of holes in the heap per 100 MB read, which the process never handed back.
    """
    if all(map(str.isascii, values)):  # ids and hashes: one character is one byte, none is encoded on its own
        data = "".join(values).encode("ascii")
        sizes = [len(value) for value in values]
    else:
        encoded = [value.encode("utf-8") for value in values]
        data = b"".join(encoded)
        sizes = [len(item) for item in encoded]
    offsets = np.zeros(len(values) + 1, dtype=np.int64)
    np.cumsum(sizes, out=offsets[1:])
    return pa.LargeStringArray.from_buffers(len(values), pa.py_buffer(offsets), pa.py_buffer(data))


def _empty_part(dtype: object):
    if dtype is TEXT:
        return []
    return array.array("q") if dtype == "int64" else ([], array.array("q"))


def _add_runs(runs: tuple[list, array.array], values: list) -> None:
    """Append values as (value, how many times in a row) runs."""
    kept, counts = runs
    for value, group in groupby(values):
        kept.append(value)
        counts.append(sum(1 for _ in group))


def _column(part, dtype: object):
    """One column from its parts, without copying Arrow chunks or the integers' buffer."""
    if dtype is TEXT:
        return pd.array(pa.chunked_array(part, type=pa.large_string()), dtype=TEXT)
    if dtype == "int64":
        return np.frombuffer(part, dtype=np.int64) if len(part) else np.array([], dtype=np.int64)
    kept, counts = part
    values = np.empty(len(kept), dtype=object)
    values[:] = kept
    return np.repeat(values, np.frombuffer(counts, dtype=np.int64) if len(counts) else np.array([], dtype=np.int64))


def read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None


_NO_META = {"date": "", "source_id": ""}


def read_one(path: Path, name: str, data: bytes, sha: str, occurrence: int,
             columns: InputColumns | None = None) -> tuple[SourceFile, dict, dict, dict]:
    """One file's articles and paragraphs as columns (name -> list), and its accounting row.

    `occurrence` counts earlier inputs with the same bytes, so their ids differ. A function of
    its arguments only, so another engine (Spark) can call it on workers.
    """
    columns = columns or InputColumns()
    if tables.is_table(name):
        arts: dict[str, list] = {key: [] for key in ARTICLE_COLUMNS}
        pars: dict[str, list] = {key: [] for key in PARAGRAPH_COLUMNS}

        def extend(into):
            return lambda part: [into[key].extend(values) for key, values in part.items()]

        source, acc = read_table(data, name, sha, occurrence, columns, extend(arts), extend(pars))
        return replace(source, path=path), arts, pars, acc
    decoded = decode_bytes(data, name)
    lines = split_lines(decoded.text)
    if lines and lines[-1] == "" and decoded.text.endswith(("\n", "\r")):
        lines.pop()
    source = SourceFile(path, name, sha, len(lines), decoded.encoding, list(decoded.bad_spots))
    blank = blank_indices(lines)  # paragraphs never hold a blank line
    if path.suffix.lower() == ".jsonl":
        records = tables.jsonl_records(lines, name, source.bad_spots, columns)
        pairs = [pair for batch in tables.article_batches([records], columns) for pair in batch]
        source.table = tables.TablePlaces(columns.title, columns.body, np.asarray(records.first, dtype=np.int64))
    else:
        pairs = [(a, _NO_META) for a in articles_of(blocks_of(lines, blank))]
    articles = _article_columns(pairs, name, sha, occurrence)
    paragraphs = _paragraph_columns(pairs, articles["article_id"], name, sha, occurrence)
    acc = {"file": name, "lines": len(lines), "blank": len(blank),
           "in_paragraphs": _lines_covered(paragraphs["line_start"], paragraphs["line_end"]),
           "articles": len(pairs), "paragraphs": len(paragraphs["paragraph_id"])}
    return source, articles, paragraphs, acc


def by_paragraph_id(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The frame indexed by paragraph_id (the column kept), as Python strings.

    An index of Arrow-backed strings was looked up slowly enough, label list by label list,
    to make rules that look up many groups of ids quadratic in practice.
    """
    index = pd.Index(paragraphs["paragraph_id"].to_numpy(dtype=object), name="paragraph_id")
    return paragraphs.set_index(index)


def rows_of(columns: dict[str, list]) -> list[dict]:
    """Columns as row dicts, for callers that look at a few rows one at a time."""
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def _article_columns(pairs: list, name: str, sha: str, occurrence: int, first: int = 0) -> dict[str, list]:
    """One row per article; `first` is the position of the first (a table is read a batch of articles at a time)."""
    articles = [article for article, _ in pairs]
    positions = range(first, first + len(pairs))
    return {
        "article_id": [ids.article_id(sha, occurrence, a_pos) for a_pos in positions],
        "file": [name] * len(pairs),
        "position": list(positions),
        "title": [a.title for a in articles],
        "column": [a.column for a in articles],
        "dateline": [a.dateline for a in articles],
        "date": [meta["date"] for _, meta in pairs],
        "source_id": [meta["source_id"] for _, meta in pairs],
        # a page's blocks are in line order; a paragraphs table's rows need not be
        "line_start": [min(b.line_start for b in a.blocks) for a in articles],
        "line_end": [max(b.line_end for b in a.blocks) for a in articles],
        "paragraphs": [len(a.blocks) for a in articles],
    }


def _paragraph_columns(pairs: list, article_ids: list[str], name: str, sha: str, occurrence: int,
                       first: int = 0) -> dict[str, list]:
    """One row per block; the texts of a whole file are normalised in one call, ids hashed from a shared prefix."""
    blocks = [block for article, _ in pairs for block in article.blocks]
    texts = [block.text for block in blocks]
    norms = normalize_many(texts)
    return {
        "paragraph_id": ids.paragraph_ids(sha, occurrence, [len(article.blocks) for article, _ in pairs], first),
        "article_id": [a_id for (article, _), a_id in zip(pairs, article_ids) for _ in article.blocks],
        "file": [name] * len(blocks),
        "section": [block.section for block in blocks],
        "kind": [block.kind for block in blocks],
        "position": [p_pos for article, _ in pairs for p_pos in range(len(article.blocks))],
        "text": texts,
        "norm": norms,
        "length": [len(text) for text in texts],
        "line_start": [block.line_start for block in blocks],
        "line_end": [block.line_end for block in blocks],
        "content_hash": [ids.content_hash(norm) for norm in norms],
    }


def _lines_covered(starts: list[int], ends: list[int]) -> int:
    """Distinct lines inside some paragraph (a .jsonl line holds several paragraphs, a page's never overlap).

    Spans in order that do not overlap (every page) are summed with numpy; others are swept in order.
    """
    first, last = np.array(starts, dtype=np.int64), np.array(ends, dtype=np.int64)
    if (first[1:] > last[:-1]).all():
        return int((last - first + 1).sum())
    covered, reached = 0, 0
    for start, end in sorted(zip(starts, ends)):
        if end > reached:
            covered += end - max(start - 1, reached)
            reached = end
    return covered


# Text that every row holds its own copy of is Arrow-backed: UTF-8 in one buffer per file instead of
# a Python object per cell. `pd.StringDtype("pyarrow", na_value=np.nan)` is what pandas 3 makes the
# default `str`, so code written for object strings keeps working. Columns whose values repeat (file,
# kind, section, article_id) stay object: every cell points at one shared Python string.
TEXT = pd.StringDtype("pyarrow", na_value=np.nan)

ARTICLE_COLUMNS = {
    "article_id": "str", "file": "str", "position": "int64", "title": "str", "column": "str",
    "dateline": "str", "date": "str", "source_id": "str", "line_start": "int64", "line_end": "int64",
    "paragraphs": "int64",
}
PARAGRAPH_COLUMNS = {
    "paragraph_id": TEXT, "article_id": "str", "file": "str", "section": "str", "kind": "str",
    "position": "int64", "text": TEXT, "norm": TEXT, "length": "int64", "line_start": "int64",
    "line_end": "int64", "content_hash": TEXT,
}
ACCOUNTING_COLUMNS = {
    "file": "str", "lines": "int64", "blank": "int64", "in_paragraphs": "int64", "articles": "int64",
    "paragraphs": "int64",
}
