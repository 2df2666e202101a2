"""The exact measures that confirm a candidate pair: edit similarity, longest shared stretch, spans;
and the shingles of a text as strings, for engines that hash them their own way."""
from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np

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


def edit_similarities(firsts: list[str], seconds: list[str], cutoff: float = 0.0) -> list[float]:
    """`edit_similarity` of each (firsts[i], seconds[i]), measured by rapidfuzz in one call."""
    if not firsts:
        return []
    scores = cpdist(firsts, seconds, scorer=Levenshtein.normalized_similarity, score_cutoff=cutoff)
    return [float(score) for score in scores]


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


# The equality table of two texts is searched as arrays (n x (n + m) cells) from the size where that pays
# to the size past which it would take too much memory; difflib's loop does the rest.
_ARRAY_CELLS = (2_000, 4_000_000)


def _longest_run(a: np.ndarray, b: np.ndarray) -> tuple[int, int, int]:
    """(length, start in a, start in b) of the longest common stretch of two code arrays, the first by
    its end in a, then in b (as difflib's loop meets it); (0, 0, 0) when they share no character.

    Each diagonal of the equality table (a position of a against one of b) is a column of a
    skewed table; a stretch is a run of matches down a column.
    """
    n, m = len(a), len(b)
    rows = np.arange(n)[:, None]
    skewed = np.zeros((n, n + m), dtype=bool)
    skewed[rows, np.arange(m)[None, :] + (n - 1 - rows)] = a[:, None] == b[None, :]
    counted = np.cumsum(skewed, axis=0, dtype=np.int32)
    run = counted - np.maximum.accumulate(np.where(skewed, 0, counted), axis=0)
    size = int(run.max())
    if not size:
        return 0, 0, 0
    end_a, column = np.nonzero(run == size)
    end_b = column - (n - 1 - end_a)
    best = np.lexsort((end_b, end_a))[0]
    return size, int(end_a[best]) - size + 1, int(end_b[best]) - size + 1


def longest_shared(a: str, b: str) -> tuple[int, int, int]:
    """(start in a, start in b, length) of the longest stretch of text both share: difflib's longest
    match (of the longest, the one starting first in a, then in b), found with array work."""
    if _ARRAY_CELLS[0] <= len(a) * (len(a) + len(b)) <= _ARRAY_CELLS[1]:
        size, i, j = _longest_run(*(np.frombuffer(t.encode("utf-32-le"), dtype=np.uint32) for t in (a, b)))
        return (i, j, size) if size else (0, 0, 0)
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
