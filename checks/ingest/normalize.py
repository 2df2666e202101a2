"""Normalised forms of text, for matching only; the original text is always kept."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import numpy as np

# Full-width ASCII (U+FF01..U+FF5E) to half-width, and the ideographic space: a 1:1
# mapping, so character offsets in the result are offsets in the original. Defined here once; the table,
# the pattern and the array form below are made from it.
_FULL_FIRST, _FULL_LAST, _FULL_SHIFT = 0xFF01, 0xFF5E, 0xFEE0
_IDEOGRAPHIC_SPACE, _SPACE = 0x3000, 0x20
_WIDTH_TABLE = {code: code - _FULL_SHIFT for code in range(_FULL_FIRST, _FULL_LAST + 1)}
_WIDTH_TABLE[_IDEOGRAPHIC_SPACE] = _SPACE

_SPACE_RUN = re.compile(r"\s+")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2014\u2026"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")


_FULL_WIDTH = re.compile(f"[{chr(_FULL_FIRST)}-{chr(_FULL_LAST)}{chr(_IDEOGRAPHIC_SPACE)}]")


def _half(match: re.Match) -> str:
    return chr(_WIDTH_TABLE[ord(match.group())])


def fold_width(text: str) -> str:
    """Full-width digits, letters and punctuation to half-width, keeping every offset.

    (A substitution of the few full-width characters a paragraph holds: `str.translate` looks every
    character of Chinese text up in its table, which took twice as long on news.)"""
    return _FULL_WIDTH.sub(_half, text)


def fold_width_many(texts: list[str]) -> Iterator[str]:
    """`fold_width` of each text in turn, folded a batch at a time in one pass over the batch's code points
    (cheaper than one call per text when the texts are news paragraphs, whose full-width commas each cost
    `fold_width` a callback; a batch at a time, so that only one batch is held twice)."""
    for first in range(0, len(texts), BATCH):
        batch = texts[first:first + BATCH]
        folded = _text(_fold_points(_points("".join(batch))))  # a 1:1 mapping: each text keeps its length
        at = 0
        for text in batch:
            yield folded[at:at + len(text)]
            at += len(text)


def normalize(text: str) -> str:
    """The form paragraphs are compared in: NFKC, one space for any whitespace, none between CJK.

    NFKC already maps every character `fold_width` maps, to the same result, so
    it is not applied first (the property tests hold the two equal).
    """
    collapsed = _SPACE_RUN.sub(" ", unicodedata.normalize("NFKC", text)).strip()
    return _SPACE_BETWEEN_CJK.sub("", collapsed)


# NUL never comes out of NFKC, is not whitespace and is not CJK, so no step of
# `normalize` reaches across it: joined texts normalise piece by piece.
_SEP = "\x00"
_SEP_POINT = 0


# Whitespace (`str.isspace`, the `\\s` of `re`) and the CJK class of `_SPACE_BETWEEN_CJK` as lookup
# tables over code points; code points past a table's end are looked up at its last entry, False.
# No code point above U+3000 is whitespace and none past the BMP is in the CJK class (a test checks).
_SPACE_LIMIT = 0x3001
_IS_SPACE = np.array([chr(c).isspace() for c in range(_SPACE_LIMIT)] + [False])
_CJK_CHAR = re.compile(f"[{_CJK}]")
_IS_CJK = np.array([_CJK_CHAR.match(chr(c)) is not None for c in range(0xFFFF)] + [False])


def _points(text: str) -> np.ndarray:
    """The code points of `text`: 2 bytes each when all are in the BMP (half the memory), else 4."""
    data = text.encode("utf-16-le", errors="surrogatepass")
    if len(data) == 2 * len(text):
        units = np.frombuffer(data, dtype=np.uint16)
        if not ((units >= 0xD800) & (units <= 0xDFFF)).any():  # lone surrogates would pair up on decoding
            return units
    return np.frombuffer(text.encode("utf-32-le", errors="surrogatepass"), dtype=np.uint32)


def _text(points: np.ndarray) -> str:
    encoding = "utf-16-le" if points.dtype == np.uint16 else "utf-32-le"
    return points.tobytes().decode(encoding, errors="surrogatepass")


def _fold_points(points: np.ndarray) -> np.ndarray:
    """`fold_width` on code points (a copy)."""
    points = points.copy()
    points[(points >= _FULL_FIRST) & (points <= _FULL_LAST)] -= _FULL_SHIFT
    points[points == _IDEOGRAPHIC_SPACE] = _SPACE
    return points


def _nfkc_with_points(text: str) -> tuple[str, np.ndarray]:
    """NFKC and its code points; most news text is NFKC once full-width forms are folded, and folding in bulk is cheap."""
    points = _fold_points(_points(text))
    folded = _text(points)
    if unicodedata.is_normalized("NFKC", folded):
        return folded, points
    folded = unicodedata.normalize("NFKC", folded)
    return folded, _points(folded)


# Texts normalised together: enough to spread numpy's per-call cost, few enough that the
# temporary arrays stay small. Whole files at once (hundreds of KB per array) made the
# allocator hand memory back and fault it in again for every file: a fifth of ingest's time.
BATCH = 256


def normalize_many(texts: list[str]) -> list[str]:
    """`normalize` of each text, a batch of texts at a time (fewer calls than one by one)."""
    if len(texts) <= BATCH:
        return _normalize_batch(texts)
    return [norm for start in range(0, len(texts), BATCH) for norm in _normalize_batch(texts[start:start + BATCH])]


def _normalize_batch(texts: list[str]) -> list[str]:
    joined = _SEP.join(texts)
    if len(texts) < 2 or joined.count(_SEP) != len(texts) - 1:
        return [normalize(t) for t in texts]
    return _tidy_spaces(*_nfkc_with_points(joined)).split(_SEP)


def _tidy_spaces(text: str, points: np.ndarray) -> str:
    """The whitespace steps of `normalize` on joined texts, given the text's code points.

    Each run of whitespace becomes one space (`_SPACE_RUN`), dropped at either end of a piece
    (`.strip()`) or between two CJK characters (`_SPACE_BETWEEN_CJK`). numpy finds the runs and
    what is on either side of each; only runs that change are handled in Python, and the text is
    rebuilt once, from slices.
    """
    space = np.take(_IS_SPACE, points, mode="clip")
    edges = np.flatnonzero(np.diff(space, prepend=False, append=False))
    starts, ends = edges[0::2], edges[1::2]  # each run of whitespace is text[start:end]
    last = len(points) - 1
    before = np.where(starts > 0, points[np.maximum(starts - 1, 0)], _SEP_POINT)
    after = np.where(ends <= last, points[np.minimum(ends, last)], _SEP_POINT)
    dropped = (before == _SEP_POINT) | (after == _SEP_POINT)
    dropped |= np.take(_IS_CJK, before, mode="clip") & np.take(_IS_CJK, after, mode="clip")
    changed = dropped | (ends - starts > 1) | (points[starts] != 0x20)
    pieces, done = [], 0
    for i in np.flatnonzero(changed).tolist():
        pieces.append(text[done:starts[i]])
        if not dropped[i]:
            pieces.append(" ")
        done = ends[i]
    pieces.append(text[done:])
    return "".join(pieces)
