"""Read files and folders into the `articles` and `paragraphs` datasets.

Plain text (`.txt`) holds pages as published. `.jsonl` holds one article a line
with `title`, `body` (paragraphs separated by blank lines) and optional `date`
and `id`, as corpora are usually shipped. Every line of every file is counted:
in a paragraph or blank (the `accounting` table), so no text is lost unseen.
"""
from __future__ import annotations

import array
import gc
import hashlib
import json
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from checks.errors import InputError
from checks.ingest.decode import BadSpot, decode_bytes
from checks.ingest.normalize import normalize_many
from checks.ingest.segment import Article, Block, articles_of, blank_indices, blocks_of, is_blank, split_lines
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
    """Files named, and the text files under folders named, in a stable order."""
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(value: object, number: int, spots: list[BadSpot]) -> str:
    """JSON may escape half a UTF-16 pair (`\\ud800`), which no file can hold: U+FFFD and a spot for ENC001."""
    text = str(value or "")
    if not _SURROGATE.search(text):
        return text
    for m in _SURROGATE.finditer(text):
        spots.append(BadSpot(line=number, column=m.start() + 1, raw=m.group(0).encode("utf-8", "surrogatepass").hex()))
    return _SURROGATE.sub("\ufffd", text)


def _articles_of_jsonl(lines: list[str], name: str, spots: list[BadSpot]) -> list[tuple[Article, dict]]:
    """Each JSON line is one article; its paragraphs all sit on that line."""
    out = []
    for number, line in enumerate(lines, start=1):
        if is_blank(line):
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{number}: not a JSON object ({exc.msg}); fix or remove the line") from None
        except RecursionError:
            raise InputError(f"{name}:{number}: JSON nested too deeply; fix or remove the line") from None
        if not isinstance(record, dict) or not isinstance(record.get("body", ""), str):
            raise InputError(f"{name}:{number}: expected an object with a text 'body'")
        clean = {key: _without_surrogates(record.get(key), number, spots) for key in ("title", "body", "date", "id")}
        article = Article(title=clean["title"])
        if article.title:
            article.blocks.append(Block(number, number, article.title, kind="title"))
        for piece in clean["body"].split("\n\n"):
            if piece.strip():
                article.blocks.append(Block(number, number, piece.strip(), kind="body"))
        if article.blocks:
            out.append((article, {"date": clean["date"], "source_id": clean["id"]}))
    return out


@dataclass(frozen=True)
class InputFile:
    """A file to read, with what its ids are made of: its bytes' hash and how many earlier inputs had them."""

    path: Path
    name: str
    sha256: str
    occurrence: int
    size: int


def input_files(inputs: list[str]) -> list[InputFile]:
    """The files of the inputs in reading order, each hashed (engines that split a run read them apart)."""
    items, seen_sha = [], {}
    for path in collect_paths(inputs):
        name = display_name(path)
        data = read_bytes(path, name)
        sha = hashlib.sha256(data).hexdigest()
        items.append(InputFile(path, name, sha, seen_sha.get(sha, 0), len(data)))
        seen_sha[sha] = seen_sha.get(sha, 0) + 1
    return items


def read_corpus(inputs: list[str], progress=None) -> Corpus:
    """Decode, segment and tabulate all inputs; raise InputError on unreadable input."""
    return _read(((path, display_name(path)) for path in collect_paths(inputs)), progress)


def read_files(items: list[InputFile], progress=None) -> Corpus:
    """The Corpus of some input files, with the ids they have in the whole run."""
    return _read(((item.path, item.name, item.sha256, item.occurrence) for item in items), progress)


def _read(items, progress) -> Corpus:
    """Read (path, name[, sha, occurrence]) items in order; the hash and occurrence are found when not given."""
    files: list[SourceFile] = []
    articles, paragraphs, accounting = _Chunks(ARTICLE_COLUMNS), _Chunks(PARAGRAPH_COLUMNS), _Chunks(ACCOUNTING_COLUMNS)
    seen_sha: dict[str, int] = {}
    with _gc_paused():
        for path, name, *known in items:
            data = read_bytes(path, name)
            if known:
                sha, occurrence = known
            else:
                sha = hashlib.sha256(data).hexdigest()
                occurrence = seen_sha.get(sha, 0)
                seen_sha[sha] = occurrence + 1
            source, arts, pars, acc = read_one(path, name, data, sha, occurrence)
            files.append(source)
            articles.add(arts)
            paragraphs.add(pars)
            accounting.add({key: [value] for key, value in acc.items()})
            if progress:
                progress(len(data))
    return Corpus(files, articles.frame(), paragraphs.frame(), accounting.frame())


def concat_corpora(parts: list[Corpus]) -> Corpus:
    """One Corpus from parts read apart, in order: the frames the whole run would have read (rows renumbered)."""
    def frames(name: str) -> pd.DataFrame:
        return pd.concat([getattr(part, name) for part in parts], ignore_index=True)

    return Corpus([f for part in parts for f in part.files], frames("articles"), frames("paragraphs"),
                  frames("accounting"))


@contextmanager
def _gc_paused():
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


def read_one(path: Path, name: str, data: bytes, sha: str, occurrence: int) -> tuple[SourceFile, dict, dict, dict]:
    """One file's articles and paragraphs as columns (name -> list), and its accounting row.

    `occurrence` counts earlier inputs with the same bytes, so their ids differ. A function of
    its arguments only, so another engine (Spark) can call it on workers.
    """
    decoded = decode_bytes(data, name)
    lines = split_lines(decoded.text)
    if lines and lines[-1] == "" and decoded.text.endswith(("\n", "\r")):
        lines.pop()
    source = SourceFile(path, name, sha, len(lines), decoded.encoding, list(decoded.bad_spots))
    blank = blank_indices(lines)  # paragraphs never hold a blank line
    if path.suffix.lower() == ".jsonl":
        pairs = _articles_of_jsonl(lines, name, source.bad_spots)
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


def _article_columns(pairs: list, name: str, sha: str, occurrence: int) -> dict[str, list]:
    articles = [article for article, _ in pairs]
    return {
        "article_id": [ids.article_id(sha, occurrence, a_pos) for a_pos in range(len(pairs))],
        "file": [name] * len(pairs),
        "position": list(range(len(pairs))),
        "title": [a.title for a in articles],
        "column": [a.column for a in articles],
        "dateline": [a.dateline for a in articles],
        "date": [meta["date"] for _, meta in pairs],
        "source_id": [meta["source_id"] for _, meta in pairs],
        "line_start": [a.blocks[0].line_start for a in articles],
        "line_end": [a.blocks[-1].line_end for a in articles],
        "paragraphs": [len(a.blocks) for a in articles],
    }


def _paragraph_columns(pairs: list, article_ids: list[str], name: str, sha: str, occurrence: int) -> dict[str, list]:
    """One row per block; the texts of a whole file are normalised in one call, ids hashed from a shared prefix."""
    blocks = [block for article, _ in pairs for block in article.blocks]
    texts = [block.text for block in blocks]
    norms = normalize_many(texts)
    return {
        "paragraph_id": ids.paragraph_ids(sha, occurrence, [len(article.blocks) for article, _ in pairs]),
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
