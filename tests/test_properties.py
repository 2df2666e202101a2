"""Property-based tests: invariants of ingest, normalisation and number parsing over generated input,
and of the schemas over frames drawn from the pandera models themselves."""
from __future__ import annotations

import codecs
import unicodedata
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from checks.errors import InputError
from checks.extract.numbers import find_mentions
from checks.ingest.decode import _valid_utf8, decode_bytes
from checks.ingest.normalize import _fold_points, _points, _text, fold_width, normalize, normalize_many
from checks.ingest.reader import read_one, rows_of
from checks.ingest.segment import split_lines
from checks.rules.schema import schema_hits
from checks.datasets import locate_by_lines
from checks.schemas import AccountingModel, ArticlesModel

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters news text is made of, plus the awkward ones: full-width forms, spaces of every kind,
# combining marks, controls, NUL, surrogate-free astral characters.
NEWS_CHARS = st.sampled_from(
    list("国家统计局数据显示前三季度同比增长新华社北京月日电。，、：；！？（）《》“”")
    + list("abcXYZ0123456789.,;:%-() ") + list("１２３％．，（）　ＡＢ") + ["\u0301", "\u00a0", "\u2028", "\t", "\x00", "\x1b", "😀"]
)
TEXT = st.one_of(st.text(NEWS_CHARS, max_size=80), st.text(max_size=40))
LINE = st.one_of(st.just(""), st.just("   "), st.text(NEWS_CHARS.filter(lambda c: c not in "\r\n\u2028"), min_size=1, max_size=60))
NEWLINE = st.sampled_from(["\n", "\r\n", "\r"])


# --- normalisation ---------------------------------------------------------------------------------


@FAST
@given(TEXT)
def test_fold_width_keeps_every_offset(text):
    folded = fold_width(text)
    assert len(folded) == len(text)
    assert all(a == b or 0xFF01 <= ord(a) <= 0xFF5E or a == "\u3000" for a, b in zip(text, folded))


@FAST
@given(TEXT)
def test_bulk_folding_equals_fold_width(text):
    assert _text(_fold_points(_points(text))) == fold_width(text)


@FAST
@given(TEXT)
def test_nfkc_makes_folding_first_unnecessary(text):
    """Why `normalize` may skip `fold_width`: NFKC maps the same characters to the same result."""
    assert unicodedata.normalize("NFKC", fold_width(text)) == unicodedata.normalize("NFKC", text)


@FAST
@given(TEXT)
def test_normalize_is_idempotent_and_trimmed(text):
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.strip() and "  " not in once


@FAST
@given(st.lists(TEXT, max_size=12))
def test_normalize_many_equals_one_at_a_time(texts):
    assert normalize_many(texts) == [normalize(t) for t in texts]


# --- ingest: every line accounted for ---------------------------------------------------------------


def _read(text: str, suffix: str = ".txt"):
    data = text.encode("utf-8")
    source, articles, paragraphs, acc = read_one(Path("p" + suffix), "p" + suffix, data, "0" * 64, 0)
    return source, rows_of(articles), rows_of(paragraphs), acc


@FAST
@given(st.lists(LINE, min_size=1, max_size=40), NEWLINE, st.booleans())
def test_every_line_is_blank_or_in_exactly_one_paragraph(lines, newline, final_newline):
    text = newline.join(lines) + (newline if final_newline else "")
    try:
        source, articles, paragraphs, acc = _read(text)
    except InputError as exc:  # refused only when there is no text to read: blank, or mostly controls
        controls = sum(1 for b in text.encode("utf-8") if b < 32 and b not in (9, 10, 12, 13, 27))
        assert not text.strip() or controls > 4, exc  # a few stray controls are findings, never a refusal
        return
    assert acc["lines"] == source.lines
    expected_lines = split_lines(text)
    if text.endswith(("\n", "\r")):  # a final line break ends the last line, as editors count
        expected_lines = expected_lines[:-1]
    assert acc["lines"] == len(expected_lines)
    assert acc["blank"] + acc["in_paragraphs"] == acc["lines"]
    covered = [n for p in paragraphs for n in range(p["line_start"], p["line_end"] + 1)]
    assert len(covered) == len(set(covered)) == acc["in_paragraphs"]
    for p in paragraphs:  # a paragraph is exactly its source lines, in order
        assert p["text"] == "\n".join(expected_lines[p["line_start"] - 1:p["line_end"]])
        assert p["length"] == len(p["text"])
    blank = {i for i, line in enumerate(expected_lines, start=1) if not line.strip()}
    assert blank.isdisjoint(covered) and len(blank) == acc["blank"]
    assert sum(a["paragraphs"] for a in articles) == len(paragraphs) == acc["paragraphs"]


@FAST
@given(st.lists(LINE, min_size=1, max_size=30))
def test_line_endings_change_nothing_but_bytes(lines):
    text = "\n".join(lines) + "\n"
    try:
        _, _, lf, acc_lf = _read(text)
    except InputError:  # blank or mostly controls: refused whatever the line endings (checked below)
        for newline in ("\r\n", "\r"):
            with pytest.raises(InputError):
                _read(text.replace("\n", newline))
        return
    for newline in ("\r\n", "\r"):
        _, _, other, acc_other = _read(text.replace("\n", newline))
        assert acc_other == acc_lf
        assert [(p["line_start"], p["line_end"], p["text"], p["kind"]) for p in other] == \
               [(p["line_start"], p["line_end"], p["text"], p["kind"]) for p in lf]


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_are_read_or_refused_in_one_line(data):
    for suffix in (".txt", ".jsonl"):
        try:
            source, _, paragraphs, acc = read_one(Path("f" + suffix), "f" + suffix, data, "0" * 64, 0)
        except InputError as exc:
            assert str(exc).startswith("f" + suffix) and "\n" not in str(exc)
            continue
        assert acc["lines"] == source.lines
        if suffix == ".txt":
            assert acc["blank"] + acc["in_paragraphs"] == acc["lines"]


CJK_TEXT = st.text(st.sampled_from(list("国家统计局数据显示前三季度同比增长新华社北京月日电。，、：；") + list("abc 0123456789.%\n")),
                   min_size=1, max_size=200)


@FAST
@given(CJK_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]))
def test_encodings_round_trip(text, encoding):
    assume(text.strip())
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        ascii = sum(c.isascii() for c in text)  # the NULs of ASCII characters show the byte order
        assume(len(text) >= 8 and ascii >= 4 and ascii * 8 >= len(text))
    if encoding in ("gb18030", "utf-16-le", "utf-16-be"):
        # bytes that are also valid UTF-8 (示 in GB18030 is CA BE) are read as UTF-8: the contract's encoding wins
        assume(not _valid_utf8(data) or data.count(b"\x00") * 5 >= len(data) * 2)
    decoded = decode_bytes(data, "f.txt")
    assert decoded.text == text and not decoded.bad_spots


@FAST
@given(CJK_TEXT, st.integers(min_value=0, max_value=200), st.lists(st.integers(0xF8, 0xFF), min_size=1, max_size=2).map(bytes))
def test_damaged_utf8_loses_only_the_damaged_spot(text, where, bad):
    """A few invalid bytes in UTF-8: the rest of the text is intact and each spot is reported once."""
    text = "这是一段足够长的正文，用来保证坏字节只占很小一部分。" * 4 + text
    raw = text.encode("utf-8")
    at = where % len(text)
    cut = len(text[:at].encode("utf-8"))
    assume(cut or bad not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))  # at the start these are a UTF-16 BOM
    decoded = decode_bytes(raw[:cut] + bad + raw[cut:], "f.txt")
    assert decoded.text == text[:at] + "\ufffd" * len(bad) + text[at:]
    assert len(decoded.bad_spots) == 1
    assert decoded.bad_spots[0].raw == bad.hex()


# --- number parsing ---------------------------------------------------------------------------------


@FAST
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["%", "万元", "亿元", "倍", "个百分点", "家"]))
def test_integers_parse_to_their_value(n, unit):
    text = f"数据显示同比增长{n}{unit}，其他。"
    mentions = [m for m in find_mentions(text) if str(n) in m.surface]
    assert mentions, text
    scale = {"万元": 1e4, "亿元": 1e8}.get(unit, 1)
    assert mentions[0].low <= n * scale <= mentions[0].high


@FAST
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_full_width_numbers_parse_like_half_width(whole, frac):
    half = f"营收{whole}.{frac:02d}亿元，增长{frac}%。"
    full = half.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
    assert [(m.start, m.end, m.value, m.unit, m.kind) for m in find_mentions(full)] == \
           [(m.start, m.end, m.value, m.unit, m.kind) for m in find_mentions(half)]


@FAST
@given(TEXT)
def test_mentions_are_spans_of_the_text(text):
    previous_end = 0
    for m in find_mentions(text):
        assert previous_end <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.surface
        assert m.value != m.value or m.low <= m.value <= m.high
        previous_end = m.end


# --- schemas: pandera strategies ----------------------------------------------------------------------


def _strategy(model):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return model.strategy(size=4)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
@pytest.mark.parametrize("model", [ArticlesModel, AccountingModel], ids=lambda m: m.__name__)
def test_frames_drawn_from_a_model_pass_and_one_broken_cell_is_named(model, data):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = data.draw(_strategy(model))
    frame = frame.reset_index(drop=True)
    assert schema_hits("d", frame, model, locate_by_lines) == []
    row = data.draw(st.integers(min_value=0, max_value=len(frame) - 1)) if len(frame) else None
    assume(row is not None)
    broken = frame.copy()
    column = "line_start" if model is ArticlesModel else "lines"
    broken.loc[row, column] = -1
    hits = schema_hits("d", broken, model, locate_by_lines)
    assert hits and {h.evidence["row"] for h in hits} == {str(row)}
    assert all(h.evidence["column"] in (column, "") for h in hits)


def test_paragraph_frames_from_ingest_satisfy_their_model(seed_page):
    """The paragraphs model's frame-wide checks defeat drawing by filtering, so real rows stand in."""
    from checks.ingest.reader import read_corpus
    from checks.schemas import ParagraphsModel

    frame = read_corpus([str(seed_page)]).paragraphs
    assert schema_hits("paragraphs", frame, ParagraphsModel, locate_by_lines) == []
    broken = frame.copy()
    broken.loc[3, "length"] = broken.loc[3, "length"] + 1
    hits = schema_hits("paragraphs", broken, ParagraphsModel, locate_by_lines)
    assert [h.evidence["row"] for h in hits] == ["3"]


def test_a_few_nuls_between_line_breaks_are_text_not_empty_utf16():
    """Found by hypothesis: b'\\n\\x00\\n\\x00' pairs its NULs like UTF-16, which would read as two empty lines."""
    source, _, paragraphs, acc = _read("\n\x00\n\x00")
    assert acc["lines"] == 3 and acc["blank"] + acc["in_paragraphs"] == 3 and source.encoding == "utf-8"
