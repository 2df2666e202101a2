"""Ingest's fast paths against the plain forms they replace, and the frames it builds file by file."""
from __future__ import annotations

import codecs
import gc
import json
import random
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.bench.measure import measure_in_child
from checks.config import Config
from checks.context import Context
from checks.ingest import normalize as norm_module
from checks.ingest.normalize import normalize, normalize_many
from checks.ingest.reader import (ACCOUNTING_COLUMNS, ARTICLE_COLUMNS, PARAGRAPH_COLUMNS, TEXT, _lines_covered,
                                  arrow_text, read_corpus, read_one, rows_of)
from checks.ingest.segment import (LINE_BREAK, PHOTO_CREDIT, START_DATELINE, blocks_of, heading_like, photo_credit,
                                   split_lines, start_dateline)
from checks.schemas import AccountingModel, ArticlesModel, ParagraphsModel

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = st.sampled_from(
    ["新华社", "北京", "成都", "1月", "28日", "十二月", "三日", "电", "讯", "（记者 张三）", "(", ")", "（", "）", "摄", "发",
     "图", "供图", "记者", " ", "\u3000", "\t", "\n", "\r", "\r\n", ":", "：", "。", "，", "BEIJING", "Jan.", "5", " -", "-",
     ", ", "LONDON", " (Reuters)", "(Xinhua)", " — ", "Hello World", "a", "Z", "完", "😀", "\x1c", "\x85"]
)
SNIPPET = st.lists(PIECES, max_size=12).map("".join)


# --- the fast paths say what the regexes say ---------------------------------------------------------


@FAST
@given(SNIPPET)
def test_split_lines_is_the_line_break_regex(text):
    assert split_lines(text) == LINE_BREAK.split(text)


@FAST
@given(SNIPPET)
def test_photo_credit_is_the_photo_credit_regex(text):
    assert photo_credit(text) == bool(PHOTO_CREDIT.search(text))


@FAST
@given(SNIPPET)
def test_start_dateline_is_the_dateline_regex(text):
    text = text.strip()
    found, expected = start_dateline(text), START_DATELINE.match(text)
    assert (found and found.group(0)) == (expected and expected.group(0))


def _blocks_line_by_line(lines: list[str]) -> list[tuple]:
    """The plain form: walk every line, close a run at each blank line."""
    blocks, run = [], []

    def flush():
        if not run:
            return
        first, rest = run[0], run
        if len(run) > 1 and lines[first].strip()[-1:] in (":", "：") and heading_like(lines[first]):
            blocks.append((first + 1, first + 1, lines[first]))
            rest = run[1:]
        blocks.append((rest[0] + 1, rest[-1] + 1, "\n".join(lines[i] for i in rest)))
        run.clear()

    for i, line in enumerate(lines):
        if line.strip():
            run.append(i)
        else:
            flush()
    flush()
    return blocks


@FAST
@given(st.lists(st.one_of(st.just(""), st.just(" \u3000"), SNIPPET.map(lambda s: s.replace("\n", "").replace("\r", ""))),
                max_size=30))
def test_blocks_between_blank_lines_are_the_line_by_line_blocks(lines):
    assert [(b.line_start, b.line_end, b.text) for b in blocks_of(lines)] == _blocks_line_by_line(lines)


@FAST
@given(st.lists(st.tuples(st.integers(1, 40), st.integers(0, 5)), max_size=20), st.booleans())
def test_lines_covered_counts_each_line_once(spans, in_order):
    spans = sorted(spans) if in_order else spans
    expected = len({n for start, extra in spans for n in range(start, start + extra + 1)})
    assert _lines_covered([start for start, _ in spans], [start + extra for start, extra in spans]) == expected


def test_lookup_tables_hold_for_every_code_point():
    """No whitespace above U+3000 and no CJK past the BMP, as the clamped lookups in `normalize_many` assume."""
    assert not [c for c in range(norm_module._SPACE_LIMIT, sys.maxunicode + 1) if chr(c).isspace()]
    cjk = re.compile(f"[{norm_module._CJK}]")
    assert not [c for c in range(0xFFFF, sys.maxunicode + 1) if cjk.match(chr(c))]
    assert norm_module._IS_SPACE.tolist() == [chr(c).isspace() for c in range(norm_module._SPACE_LIMIT)] + [False]


def test_normalize_many_across_batches_equals_one_at_a_time():
    rng = random.Random(3)
    alphabet = list("国家统计局数据 显示，增长 ３０％　ＡＢ abc\t\n") + ["\u00a0", "\u2028", "😀", "\u0301"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3 * norm_module.BATCH + 7)]
    assert normalize_many(texts) == [normalize(t) for t in texts]


@pytest.mark.parametrize("values", [[], [""], ["p-0123456789ab", "p-ba9876543210"], ["中文", "", "a b", "😀\u0301"]])
def test_arrow_text_holds_the_strings(values):
    array = arrow_text(values)
    assert array.to_pylist() == values and array.null_count == 0


# --- frames built file by file ------------------------------------------------------------------------


@pytest.fixture
def mixed_inputs(tmp_path, seed_page) -> Path:
    """The bundled page saved every way the reader accepts, a copy of it, and a .jsonl corpus."""
    page = seed_page.read_text(encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes(page.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "cr.txt").write_bytes(page.replace("\n", "\r").encode("utf-8"))
    (tmp_path / "gb.txt").write_bytes(page.encode("gb18030"))
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + page.encode("utf-8"))
    (tmp_path / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + page.encode("utf-16-le"))
    (tmp_path / "same.txt").write_bytes(page.encode("utf-8"))
    (tmp_path / "same_again.txt").write_bytes(page.encode("utf-8"))
    records = [{"title": "标题", "body": "第一段。\n\n第二段。", "id": "n1"}, {"body": "只有正文。", "date": "2026-01-28"}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return tmp_path


def _frame_from_rows(rows: list[dict], columns: dict) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns)).astype(columns)


def test_per_file_columns_give_the_frame_of_rows_read_one_by_one(mixed_inputs):
    corpus = read_corpus([str(mixed_inputs)])
    articles, paragraphs, accounting, seen = [], [], [], {}
    for source in corpus.files:
        data = source.path.read_bytes()
        occurrence = seen.get(source.sha256, 0)
        seen[source.sha256] = occurrence + 1
        _, arts, pars, acc = read_one(source.path, source.name, data, source.sha256, occurrence)
        articles += rows_of(arts)
        paragraphs += rows_of(pars)
        accounting.append(acc)
    pd.testing.assert_frame_equal(corpus.articles, _frame_from_rows(articles, ARTICLE_COLUMNS))
    pd.testing.assert_frame_equal(corpus.paragraphs, _frame_from_rows(paragraphs, PARAGRAPH_COLUMNS))
    pd.testing.assert_frame_equal(corpus.accounting, _frame_from_rows(accounting, ACCOUNTING_COLUMNS))
    pages = corpus.paragraphs[corpus.paragraphs["file"].str.endswith(".txt")]
    texts = {tuple(group["text"]) for _, group in pages.groupby("file")}
    assert len(texts) == 1  # every encoding and line ending of the page reads as the same paragraphs


def test_columns_have_the_dtypes_the_schemas_expect(mixed_inputs):
    corpus = read_corpus([str(mixed_inputs)])
    for frame, columns in ((corpus.articles, ARTICLE_COLUMNS), (corpus.paragraphs, PARAGRAPH_COLUMNS),
                           (corpus.accounting, ACCOUNTING_COLUMNS)):
        assert {name: frame[name].dtype for name in frame} == {name: pd.Series([], dtype=d).dtype
                                                                for name, d in columns.items()}
    for name in ("paragraph_id", "text", "norm", "content_hash"):
        assert corpus.paragraphs[name].dtype == TEXT and corpus.paragraphs[name].dtype.storage == "pyarrow"
    for name in ("article_id", "file", "section", "kind"):
        assert corpus.paragraphs[name].dtype == np.dtype(object)
    ArticlesModel.validate(corpus.articles, lazy=True)
    ParagraphsModel.validate(corpus.paragraphs, lazy=True)
    AccountingModel.validate(corpus.accounting, lazy=True)


def test_text_is_kept_as_one_arrow_chunk_per_file_not_copied(mixed_inputs):
    corpus = read_corpus([str(mixed_inputs)])
    assert corpus.paragraphs["text"].array._pa_array.num_chunks == len(corpus.files)


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_leaves_the_garbage_collector_as_it_found_it(seed_page, enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        read_corpus([str(seed_page)])
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_locate_reads_what_the_paragraph_row_holds(seed_page):
    corpus = read_corpus([str(seed_page)])
    context = Context(corpus, Config(data_docs=False), {})
    for row in corpus.paragraphs.itertuples(index=False):
        location = context.locate(row.paragraph_id)
        assert (location.file, location.line_start, location.line_end, location.article_id, location.paragraph_id) == \
               (row.file, row.line_start, row.line_end, row.article_id, row.paragraph_id)
    with pytest.raises(KeyError):
        context.locate("p-000000000000")


def test_a_measured_child_reports_its_memory_before_the_work():
    measured = measure_in_child(len, "abc", prepare=lambda: None)
    assert measured["result"] == 3 and 0 < measured["before_mb"] <= measured["peak_mb"]
