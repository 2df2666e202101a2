"""Vectorised hashing of every shingle of many texts at once.

Texts are concatenated into one array of code points; a polynomial prefix hash (uint64,
wrapping) gives each shingle's hash in three array operations whatever its width, and
shingles that would cross from one text into the next are dropped. A shingle's width may
depend on the script of the character it starts with: Han characters carry a word in one or
two characters, Latin letters need four or five.
"""
from __future__ import annotations

from typing import Iterator

import numpy as np
import pandas as pd

from checks.vocab.scripts import han_mask

_BASE = np.uint64(0x100000001B3)  # odd, so it has an inverse modulo 2**64
_BASE_INV = np.uint64(pow(int(_BASE), -1, 2**64))
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


_CHUNK_CHARS = 1_000_000


def text_chunks(texts: list[str], chunk_chars: int = _CHUNK_CHARS) -> Iterator[tuple[int, list[str]]]:
    """Consecutive slices of texts holding about chunk_chars characters each: (first index, slice)."""
    start, size = 0, 0
    for i, text in enumerate(texts):
        size += len(text)
        if size >= chunk_chars:
            yield start, texts[start:i + 1]
            start, size = i + 1, 0
    if start < len(texts):
        yield start, texts[start:]


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


def _prefix_hashes(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Prefix sums of code * BASE**i and the inverse powers: the hash of [b, e) is
    (prefix[e] - prefix[b]) * inverse[b]."""
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
    return prefix, inverse


def shingle_hashes(codes: np.ndarray, starts: np.ndarray, k: int, k_han: int | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Hash of every shingle that lies inside one text, and the index of the text it belongs to.

    A shingle starts at every position and is `k` characters wide, or `k_han` where a Han
    character starts it. A text too short for any of its shingles contributes one: itself.
    Hashes come in text order, and in position order inside a text.
    """
    lengths = np.diff(starts)
    n_texts = len(lengths)
    begin = np.arange(len(codes), dtype=np.int64)
    if k_han is None or k_han == k:
        width = np.full(len(codes), k, dtype=np.int64)
    else:
        width = np.where(han_mask(codes), np.int64(k_han), np.int64(k))
    owner = np.repeat(np.arange(n_texts, dtype=np.int64), lengths)
    valid = begin + width <= np.repeat(starts[1:], lengths)
    lone = np.flatnonzero((np.bincount(owner[valid], minlength=n_texts) == 0) & (lengths > 0))
    begin, width, owner = begin[valid], width[valid], owner[valid]
    if len(lone):  # whole texts shorter than their shingles, put in text order
        begin = np.concatenate([begin, starts[lone]])
        width = np.concatenate([width, lengths[lone]])
        owner = np.concatenate([owner, lone])
        order = np.argsort(owner, kind="stable")
        begin, width, owner = begin[order], width[order], owner[order]
    prefix, inverse = _prefix_hashes(codes)
    with np.errstate(over="ignore"):
        raw = (prefix[begin + width] - prefix[begin]) * inverse[begin]
    return _mix(raw ^ width.astype(np.uint64)), owner


def han_shares_of(codes: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """For each text (code points and start offsets as `codes_of` gives them), its Han characters as
    a share of its Han characters and ASCII letters; 0 for a text with neither."""
    folded = codes | np.uint32(0x20)
    hans = np.diff(np.concatenate([[0], np.cumsum(han_mask(codes))])[starts])
    letters = np.diff(np.concatenate([[0], np.cumsum((folded >= ord("a")) & (folded <= ord("z")))])[starts])
    return np.divide(hans, hans + letters, out=np.zeros(len(hans)), where=(hans + letters) > 0)


def han_shares(texts: list[str]) -> np.ndarray:
    """`han_shares_of` for a list of texts."""
    shares = np.zeros(len(texts))
    for first, chunk in text_chunks(texts):
        shares[first:first + len(chunk)] = han_shares_of(*codes_of(chunk))
    return shares


_PAIR_CHARS = 2_000_000  # shingle positions of the shorter texts measured at once


def shared_position_bounds(firsts: list[str], seconds: list[str], k: int, stride: int = 1) -> np.ndarray:
    """For each pair (firsts[i], seconds[i]), how many of the shorter text's k-shingle positions 0, stride,
    2 * stride, ... hold a shingle whose hash is among the longer text's.

    With stride 1 this is never less than `exact.shared_positions` (a shingle both hold has one hash), so
    a pair it rules out could not pass that count either. A shared stretch filling P positions holds at
    least P // stride of every stride-th: a cheaper first pass that rules out most pairs.
    Array work over all pairs at once (each distinct text hashed once, pairs measured a slice at a time):
    counting in Python, set by set, cost most of the time of confirming partial copies.
    """
    which, texts = pd.factorize(np.array(firsts + seconds, dtype=object))
    a, b = which[:len(firsts)], which[len(firsts):]
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    count = np.maximum(lengths - k + 1, 0)  # a text shorter than k has no k-shingle
    first = np.cumsum(count) - count
    hashes = np.empty(int(count.sum()), dtype=np.uint64)
    for start, chunk in text_chunks(texts.tolist()):
        chunk_hashes, owner = shingle_hashes(*codes_of(chunk), k)
        whole = lengths[start + owner] >= k  # shingle_hashes gives a text shorter than k itself
        at = first[start]
        hashes[at:at + int(whole.sum())] = chunk_hashes[whole]
    salt = _mix(np.arange(len(texts), dtype=np.uint64) + np.uint64(0x9E3779B97F4A7C15))
    short = np.where(lengths[a] <= lengths[b], a, b)
    long_ = np.where(lengths[a] <= lengths[b], b, a)
    order = np.argsort(long_, kind="stable")  # a slice's pairs share their longer texts: each is read once
    asked_per_pair = np.cumsum(-(-count[short[order]] // stride))
    out = np.zeros(len(firsts), dtype=np.int64)
    begin = 0
    while begin < len(firsts):
        done = asked_per_pair[begin - 1] if begin else 0
        end = int(np.searchsorted(asked_per_pair, done + _PAIR_CHARS, side="right"))
        end = max(end, begin + 1)
        chosen = order[begin:end]
        out[chosen] = _slice_bounds(hashes, first, count, salt, short[chosen], long_[chosen], stride)
        begin = end
    return out


def _spans(first: np.ndarray, count: np.ndarray, step: int = 1) -> np.ndarray:
    """Indices first[i], first[i] + step, ... (count[i] of them) for each i, one after another."""
    at = np.repeat(first - step * (np.cumsum(count) - count), count)
    return at + step * np.arange(int(count.sum()))


def _slice_bounds(hashes, first, count, salt, short, long_, stride) -> np.ndarray:
    asked_count = -(-count[short] // stride)
    pair = np.repeat(np.arange(len(short)), asked_count)
    asked = hashes[_spans(first[short], asked_count, stride)] ^ salt[long_[pair]]
    longer = np.unique(long_)
    held = hashes[_spans(first[longer], count[longer])] ^ np.repeat(salt[longer], count[longer])
    held = held[pd.Series(held).isin(asked).to_numpy()]  # few: the longer texts' shingles any pair asks for
    found = pd.Series(asked).isin(held).to_numpy()
    return np.bincount(pair[found], minlength=len(short))
