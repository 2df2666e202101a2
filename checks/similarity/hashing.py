"""Vectorised hashing of every k-character shingle of many texts at once.

Texts are concatenated into one array of code points; a polynomial prefix hash (uint64,
wrapping) gives each shingle's hash in three array operations whatever k is, and shingles
that would cross from one text into the next are dropped.
"""
from __future__ import annotations

import numpy as np

_BASE = np.uint64(0x100000001B3)  # odd, so it has an inverse modulo 2**64
_BASE_INV = np.uint64(pow(int(_BASE), -1, 2**64))
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def codes_of(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Code points of all texts concatenated (uint32) and each text's start offset (len n + 1)."""
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    return codes, starts


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads every input bit over the whole word."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * _MIX1
        x = (x ^ (x >> np.uint64(27))) * _MIX2
        return x ^ (x >> np.uint64(31))


def rolling_hashes(codes: np.ndarray, starts: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Hash of every k-shingle that lies inside one text, and the index of the text it belongs to.

    A text shorter than k contributes one shingle: itself.
    """
    n = len(codes)
    with np.errstate(over="ignore"):
        powers = np.empty(n + 1, dtype=np.uint64)
        powers[0] = 1
        powers[1:] = _BASE
        np.cumprod(powers, out=powers)
        inverse = np.empty(n + 1, dtype=np.uint64)
        inverse[0] = 1
        inverse[1:] = _BASE_INV
        np.cumprod(inverse, out=inverse)
        prefix = np.zeros(n + 1, dtype=np.uint64)
        np.cumsum((codes.astype(np.uint64) + np.uint64(1)) * powers[:n], out=prefix[1:])
        lengths = np.diff(starts)
        span = np.minimum(lengths, k)  # a short text is one shingle of its own length
        counts = np.maximum(lengths - k + 1, np.minimum(lengths, 1))
        owner = np.repeat(np.arange(len(lengths), dtype=np.int64), counts)
        first = np.repeat(starts[:-1] - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
        begin = np.arange(len(owner), dtype=np.int64) + first
        end = begin + np.repeat(span, counts)
        raw = (prefix[end] - prefix[begin]) * inverse[begin]
        return _mix(raw ^ np.repeat(span.astype(np.uint64), counts)), owner
