"""Normalised forms of text, for matching only; the original text is always kept."""
from __future__ import annotations

import re
import unicodedata

import numpy as np

# Full-width ASCII (U+FF01..U+FF5E) to half-width, and the ideographic space: a 1:1
# mapping, so character offsets in the result are offsets in the original.
_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = 0x20

_SPACE_RUN = re.compile(r"\s+")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2014\u2026"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")
# The same match as `_SPACE_BETWEEN_CJK`, starting with its literal space so the regex engine
# jumps from space to space instead of trying the lookbehind at every character.
_SPACE_BETWEEN_CJK_FAST = re.compile(rf" (?<=[{_CJK}] )(?=[{_CJK}])")


def fold_width(text: str) -> str:
    """Full-width digits, letters and punctuation to half-width, keeping every offset."""
    return text.translate(_WIDTH_TABLE)


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


def _nfkc(text: str) -> str:
    """NFKC; most news text is NFKC once full-width forms are folded, and folding in bulk is cheap."""
    folded = _fold_array(text)
    return folded if unicodedata.is_normalized("NFKC", folded) else unicodedata.normalize("NFKC", folded)


def _fold_array(text: str) -> str:
    """`fold_width` over code points held in a numpy array: the same result, for long texts."""
    points = np.frombuffer(text.encode("utf-32-le", errors="surrogatepass"), dtype=np.uint32).copy()
    points[(points >= 0xFF01) & (points <= 0xFF5E)] -= 0xFEE0
    points[points == 0x3000] = 0x20
    return points.tobytes().decode("utf-32-le", errors="surrogatepass")


def normalize_many(texts: list[str]) -> list[str]:
    """`normalize` of each text, in one pass over all of them (a file's paragraphs at once: fewer calls)."""
    joined = _SEP.join(texts)
    if len(texts) < 2 or joined.count(_SEP) != len(texts) - 1:
        return [normalize(t) for t in texts]
    stripped = _collapse_and_strip(_nfkc(joined))
    return _SPACE_BETWEEN_CJK_FAST.sub("", stripped).split(_SEP)


def _collapse_and_strip(joined: str) -> str:
    """Each whitespace run to one space, and each piece between separators stripped.

    `str.split()` splits at the same whitespace as `\\s+` (and drops it at both ends); once runs are
    single spaces, a piece's ends hold at most one space, next to a separator.
    """
    collapsed = " ".join(joined.split())
    return collapsed.replace(" " + _SEP, _SEP).replace(_SEP + " ", _SEP)
