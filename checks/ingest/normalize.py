"""Normalised forms of text, for matching only; the original text is always kept."""
from __future__ import annotations

import re
import unicodedata

# Full-width ASCII (U+FF01..U+FF5E) to half-width, and the ideographic space: a 1:1
# mapping, so character offsets in the result are offsets in the original.
_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE[0x3000] = 0x20

_SPACE_RUN = re.compile(r"\s+")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2014\u2026"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")


def fold_width(text: str) -> str:
    """Full-width digits, letters and punctuation to half-width, keeping every offset."""
    return text.translate(_WIDTH_TABLE)


def normalize(text: str) -> str:
    """The form paragraphs are compared in: NFKC, one space for any whitespace, none between CJK."""
    folded = unicodedata.normalize("NFKC", fold_width(text))
    collapsed = _SPACE_RUN.sub(" ", folded).strip()
    return _SPACE_BETWEEN_CJK.sub("", collapsed)
