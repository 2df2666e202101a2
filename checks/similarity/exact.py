"""The exact measures that confirm a candidate pair: shingle Jaccard, longest shared stretch, spans."""
from __future__ import annotations

from difflib import SequenceMatcher


def shingles(text: str, k: int) -> set[str]:
    """The set of k-character shingles; a text shorter than k is its own single shingle."""
    if len(text) <= k:
        return {text}
    return {text[i:i + k] for i in range(len(text) - k + 1)}


def jaccard(a: str, b: str, k: int) -> float:
    """Jaccard similarity of the two texts' k-character shingle sets."""
    return set_jaccard(shingles(a, k), shingles(b, k))


def set_jaccard(sa: set, sb: set) -> float:
    """Jaccard similarity of two sets (1.0 for two empty sets); the union is counted from the sizes."""
    small, large = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if not large:
        return 1.0
    shared = len(small & large)
    return shared / (len(small) + len(large) - shared)


def grams(text: str, k: int) -> set[str]:
    """Every k-character stretch of the text (none when it is shorter than k)."""
    return {text[i:i + k] for i in range(len(text) - k + 1)}


def shared_positions(a: str, b: str, k: int, longer_grams: set[str] | None = None) -> int:
    """How many k-shingle positions of the shorter text hold a shingle of the longer one.

    A shared stretch of L characters needs at least L - k + 1 such positions, so this cheap
    count rules out most pairs before the longest stretch is measured. `longer_grams`, when
    given, is `grams(longer, k)` kept from an earlier pair (b is the longer when both are as long).
    """
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    found = grams(long_, k) if longer_grams is None else longer_grams
    return sum(1 for i in range(len(short) - k + 1) if short[i:i + k] in found)


def longest_shared(a: str, b: str) -> tuple[int, int, int]:
    """(start in a, start in b, length) of the longest stretch of text both share."""
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.a, match.b, match.size


def differing_spans(a: str, b: str, limit: int = 10) -> list[dict]:
    """Where the two texts differ: at most `limit` spans with offsets and text on each side."""
    spans = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        spans.append({"a": [i1, i2], "b": [j1, j2], "a_text": a[i1:i2][:80], "b_text": b[j1:j2][:80]})
        if len(spans) >= limit:
            break
    return spans
