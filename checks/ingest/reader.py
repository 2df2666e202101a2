"""Read files and folders into the `articles` and `paragraphs` datasets.

Plain text (`.txt`) holds pages as published. `.jsonl` holds one article a line
with `title`, `body` (paragraphs separated by blank lines) and optional `date`
and `id`, as corpora are usually shipped. Every line of every file is counted:
in a paragraph or blank (the `accounting` table), so no text is lost unseen.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from checks.errors import InputError
from checks.ingest.decode import BadSpot, decode_bytes
from checks.ingest.normalize import normalize_many
from checks.ingest.segment import Article, Block, articles_of, blocks_of, is_blank, split_lines

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


def _short_hash(*parts: object, size: int = 12) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:size]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(value: object, number: int, spots: list[BadSpot]) -> str:
    """JSON may escape half a UTF-16 pair (`\\ud800`), which no file can hold: U+FFFD and a spot for ENC001."""
    text = str(value or "")
    if not _SURROGATE.search(text):
        return text
    for m in _SURROGATE.finditer(text):
        spots.append(BadSpot(line=number, column=m.start() + 1, raw=m.group(0).encode("utf-8", "surrogatepass").hex()))
    return _SURROGATE.sub("\ufffd", text)


def _articles_of_jsonl(text: str, name: str, spots: list[BadSpot]) -> list[tuple[Article, dict]]:
    """Each JSON line is one article; its paragraphs all sit on that line."""
    out = []
    for number, line in enumerate(split_lines(text), start=1):
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


def read_corpus(inputs: list[str], progress=None) -> Corpus:
    """Decode, segment and tabulate all inputs; raise InputError on unreadable input."""
    paths = collect_paths(inputs)
    files: list[SourceFile] = []
    articles, paragraphs, accounting = _Columns(ARTICLE_COLUMNS), _Columns(PARAGRAPH_COLUMNS), _Columns(ACCOUNTING_COLUMNS)
    seen_sha: dict[str, int] = {}
    for path in paths:
        name = display_name(path)
        data = read_bytes(path, name)
        sha = hashlib.sha256(data).hexdigest()
        occurrence = seen_sha.get(sha, 0)
        seen_sha[sha] = occurrence + 1
        source, arts, pars, acc = read_one(path, name, data, sha, occurrence)
        files.append(source)
        articles.add(arts)
        paragraphs.add(pars)
        accounting.add([acc])
        if progress:
            progress(len(data))
    return Corpus(files, articles.frame(), paragraphs.frame(), accounting.frame())


class _Columns:
    """Rows gathered as one list per column: a file's row dicts are freed as soon as it is read."""

    def __init__(self, columns: dict[str, str]):
        self.dtypes = columns
        self.values: dict[str, list] = {name: [] for name in columns}

    def add(self, rows: list[dict]) -> None:
        for name, values in self.values.items():
            values.extend(row[name] for row in rows)

    def frame(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.values, columns=list(self.dtypes)).astype(self.dtypes)
        self.values = {name: [] for name in self.dtypes}
        return frame


def read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from None


def read_one(path: Path, name: str, data: bytes, sha: str, occurrence: int) -> tuple[SourceFile, list[dict], list[dict], dict]:
    """One file's rows; `occurrence` counts earlier inputs with the same bytes, so their ids differ.

    A function of its arguments only, so another engine (Spark) can call it on workers.
    """
    decoded = decode_bytes(data, name)
    lines = split_lines(decoded.text)
    if lines and lines[-1] == "" and decoded.text.endswith(("\n", "\r")):
        lines = lines[:-1]
    source = SourceFile(path, name, sha, len(lines), decoded.encoding, list(decoded.bad_spots))
    if path.suffix.lower() == ".jsonl":
        pairs = _articles_of_jsonl(decoded.text, name, source.bad_spots)
    else:
        pairs = [(a, {"date": "", "source_id": ""}) for a in articles_of(blocks_of(lines))]
    art_rows = [_article_row(article, meta, name, a_pos, sha, occurrence) for a_pos, (article, meta) in enumerate(pairs)]
    par_rows = _paragraph_rows(pairs, art_rows, name, sha, occurrence)
    in_paragraphs = _lines_covered(pairs)
    blank = sum(1 for line in lines if not line.strip())  # paragraphs never hold a blank line
    acc = {"file": name, "lines": len(lines), "blank": blank, "in_paragraphs": in_paragraphs,
           "articles": len(pairs), "paragraphs": len(par_rows)}
    return source, art_rows, par_rows, acc


def _article_row(article: Article, meta: dict, name: str, a_pos: int, sha: str, occurrence: int) -> dict:
    return {
        "article_id": "a-" + _short_hash(sha, occurrence, a_pos, size=10),
        "file": name,
        "position": a_pos,
        "title": article.title,
        "column": article.column,
        "dateline": article.dateline,
        "date": meta["date"],
        "source_id": meta["source_id"],
        "line_start": article.blocks[0].line_start,
        "line_end": article.blocks[-1].line_end,
        "paragraphs": len(article.blocks),
    }


def _paragraph_rows(pairs: list, art_rows: list[dict], name: str, sha: str, occurrence: int) -> list[dict]:
    """One row per block; the texts of a whole file are normalised in one call, ids hashed from a shared prefix."""
    blocks = [(a_pos, p_pos, block) for a_pos, (article, _) in enumerate(pairs) for p_pos, block in enumerate(article.blocks)]
    norms = normalize_many([block.text for _, _, block in blocks])
    prefix = hashlib.sha1(f"{sha}\x1f{occurrence}\x1f".encode("utf-8"))
    rows = []
    for (a_pos, p_pos, block), norm in zip(blocks, norms):
        hasher = prefix.copy()
        hasher.update(f"{a_pos}\x1f{p_pos}".encode("ascii"))
        rows.append({
            "paragraph_id": "p-" + hasher.hexdigest()[:12],
            "article_id": art_rows[a_pos]["article_id"],
            "file": name,
            "section": block.section,
            "kind": block.kind,
            "position": p_pos,
            "text": block.text,
            "norm": norm,
            "length": len(block.text),
            "line_start": block.line_start,
            "line_end": block.line_end,
            "content_hash": hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16],
        })
    return rows


def _lines_covered(pairs: list) -> int:
    """Distinct lines inside some paragraph (a .jsonl line holds several paragraphs, a page's never overlap)."""
    covered: set[int] = set()
    for article, _ in pairs:
        for block in article.blocks:
            covered.update(range(block.line_start, block.line_end + 1))
    return len(covered)


ARTICLE_COLUMNS = {
    "article_id": "str", "file": "str", "position": "int64", "title": "str", "column": "str",
    "dateline": "str", "date": "str", "source_id": "str", "line_start": "int64", "line_end": "int64",
    "paragraphs": "int64",
}
PARAGRAPH_COLUMNS = {
    "paragraph_id": "str", "article_id": "str", "file": "str", "section": "str", "kind": "str",
    "position": "int64", "text": "str", "norm": "str", "length": "int64", "line_start": "int64",
    "line_end": "int64", "content_hash": "str",
}
ACCOUNTING_COLUMNS = {
    "file": "str", "lines": "int64", "blank": "int64", "in_paragraphs": "int64", "articles": "int64",
    "paragraphs": "int64",
}
