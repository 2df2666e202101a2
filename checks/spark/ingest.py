"""Ingest on Spark: each worker reads and segments whole files with the pandas engine's reader.

Two passes over the file list: the first hashes every file (identical files
need an occurrence number so their ids differ, as in `read_corpus`), the second
calls `checks.ingest.reader.read_one` per file. The driver keeps one small
record per file; articles and paragraphs stay in Spark DataFrames, each row
with `_row`, its index in the pandas engine's frames, so row-numbered findings
(SCH001) name the same rows on both engines.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from checks.errors import InputError
from checks.ingest.reader import (ACCOUNTING_COLUMNS, ARTICLE_COLUMNS, PARAGRAPH_COLUMNS, Corpus, SourceFile,
                                  collect_paths, display_name)

ROW = "_row"


def ddl(columns: dict[str, object], extra: str = "") -> str:
    """A Spark DDL schema string for one of the reader's column maps (every column is text or int64)."""
    text = ", ".join(f"`{name}` {'bigint' if kind == 'int64' else 'string'}" for name, kind in columns.items())
    return text + (f", {extra}" if extra else "")


def _hash_file(item: tuple) -> tuple:
    order, path, name = item
    from checks.ingest.reader import read_bytes

    try:
        return order, hashlib.sha256(read_bytes(Path(path), name)).hexdigest(), ""
    except InputError as exc:
        return order, "", str(exc)


def _read_file(item: tuple) -> tuple:
    """(order, SourceFile, article columns, paragraph columns, accounting, error) for one file, on a worker."""
    order, path, name, sha, occurrence, columns = item
    from checks.ingest.reader import read_bytes, read_one

    try:
        source, arts, pars, acc = read_one(Path(path), name, read_bytes(Path(path), name), sha, occurrence, columns)
    except InputError as exc:
        return order, None, {}, {}, {}, str(exc)
    return order, source, arts, pars, acc, ""


@dataclass
class SparkCorpus:
    """The run's inputs on Spark: per-file records on the driver, rows in DataFrames."""

    files: list[SourceFile]
    articles: object  # pyspark DataFrame, with _row
    paragraphs: object
    accounting: pd.DataFrame  # one row per file: small, kept on the driver

    def to_pandas(self) -> Corpus:
        """The same Corpus the pandas engine builds (for surfaces and driver-side rules)."""
        return Corpus(self.files, to_frame(self.articles, ARTICLE_COLUMNS), to_frame(self.paragraphs, PARAGRAPH_COLUMNS),
                      self.accounting)


def to_frame(sdf, columns: dict[str, str]) -> pd.DataFrame:
    """Collect a DataFrame in `_row` order with the reader's columns and dtypes."""
    frame = sdf.toPandas().sort_values(ROW)
    frame = frame[list(columns)].reset_index(drop=True)
    return frame.astype(columns)


def _count(columns: dict[str, list]) -> int:
    """Rows in one file's columns (none when the file could not be read)."""
    return len(next(iter(columns.values()))) if columns else 0


def _rows_with_index(columns: dict[str, list], names: list[str], base: int) -> list[tuple]:
    """One file's columns as row tuples, each ending with its `_row` index in the pandas engine's frame."""
    if not columns:
        return []
    return [values + (base + i,) for i, values in enumerate(zip(*(columns[name] for name in names)))]


def _raise_first(errors: list[tuple[int, str]]) -> None:
    if errors:
        raise InputError(min(errors)[1])


def read_spark(spark, inputs: list[str], columns=None) -> SparkCorpus:
    """Read the inputs on the workers; raise InputError (one line) for unreadable input."""
    paths = collect_paths(inputs)
    items = [(i, str(p.resolve()), display_name(p)) for i, p in enumerate(paths)]
    sc = spark.sparkContext
    slices = max(1, min(len(items), sc.defaultParallelism * 4))
    hashed = sc.parallelize(items, slices).map(_hash_file).collect()
    _raise_first([(order, err) for order, _, err in hashed if err])
    seen: dict[str, int] = {}
    occurrence: dict[int, int] = {}
    for order, sha, _ in sorted(hashed):
        occurrence[order] = seen.get(sha, 0)
        seen[sha] = occurrence[order] + 1
    sha_of = {order: sha for order, sha, _ in hashed}
    work = [(order, path, name, sha_of[order], occurrence[order], columns) for order, path, name in items]
    read = sc.parallelize(work, slices).map(_read_file).persist()
    summary = read.map(lambda r: (r[0], r[1], _count(r[2]), _count(r[3]), r[4], r[5])).collect()
    _raise_first([(s[0], s[5]) for s in summary if s[5]])
    summary.sort(key=lambda s: s[0])
    files = [s[1] for s in summary]
    accounting = pd.DataFrame([s[4] for s in summary], columns=list(ACCOUNTING_COLUMNS)).astype(ACCOUNTING_COLUMNS)
    art_offset, par_offset, a_total, p_total = {}, {}, 0, 0
    for order, _, n_arts, n_pars, _, _ in summary:
        art_offset[order], par_offset[order] = a_total, p_total
        a_total += n_arts
        p_total += n_pars
    art_off, par_off = sc.broadcast(art_offset), sc.broadcast(par_offset)
    art_cols, par_cols = list(ARTICLE_COLUMNS), list(PARAGRAPH_COLUMNS)

    def article_rows(r):
        return _rows_with_index(r[2], art_cols, art_off.value[r[0]])

    def paragraph_rows(r):
        return _rows_with_index(r[3], par_cols, par_off.value[r[0]])

    articles = spark.createDataFrame(read.flatMap(article_rows), ddl(ARTICLE_COLUMNS, f"`{ROW}` bigint"))
    paragraphs = spark.createDataFrame(read.flatMap(paragraph_rows), ddl(PARAGRAPH_COLUMNS, f"`{ROW}` bigint"))
    return SparkCorpus(files, articles.persist(), paragraphs.persist(), accounting)
