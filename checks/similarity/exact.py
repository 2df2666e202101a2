"""The exact measures that confirm a candidate pair: edit similarity, longest shared stretch, spans;
and the shingles of a text as strings, for engines that hash them their own way."""
from __future__ import annotations

import numpy as np
from cydifflib import SequenceMatcher
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cpdist

from checks.vocab.scripts import is_han


def script_shingles(text: str, k: int, k_han: int) -> set[str]:
    """The shingles `shingle_hashes` hashes, as strings: k characters wide, k_han where a Han
    character starts one; a text too short for any is its own single shingle."""
    found = set()
    for i, char in enumerate(text):
        width = k_han if is_han(char) else k
        if i + width <= len(text):
            found.add(text[i:i + width])
    return found or ({text} if text else set())


def edit_similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """1 - Levenshtein distance / length of the longer text: the share of characters a reader
    finds unchanged when one text is turned into the other by substitutions, insertions and
    deletions. Below `cutoff` the answer is 0.0 (the computation stops early)."""
    return Levenshtein.normalized_similarity(a, b, score_cutoff=cutoff)


def edit_similarities(firsts, seconds, cutoff: float = 0.0, workers: int = 1) -> np.ndarray:
    """`edit_similarity` of each (firsts[i], seconds[i]) (float32, as rapidfuzz gives them), measured by
    rapidfuzz in one call on `workers` threads."""
    if not len(firsts):
        return np.zeros(0, dtype=np.float32)
    return cpdist(firsts, seconds, scorer=Levenshtein.normalized_similarity, score_cutoff=cutoff, workers=workers)


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
    """(start in a, start in b, length) of the longest stretch of text both share: difflib's longest
    match (of the longest, the one starting first in a, then in b), found by cydifflib (the same answer,
    tens of times faster than difflib's loop on paragraphs)."""
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.a, match.b, match.size


def differing_spans(a: str, b: str, limit: int = 10) -> list[dict]:
    """Where the two texts differ: at most `limit` spans with offsets and text on each side (difflib's
    opcodes, computed by cydifflib: the same answer, several times faster on paragraphs)."""
    spans = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        spans.append({"a": [i1, i2], "b": [j1, j2], "a_text": a[i1:i2][:80], "b_text": b[j1:j2][:80]})
        if len(spans) >= limit:
            break
    return spans
