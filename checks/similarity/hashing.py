"""Vectorised hashing of every shingle of many texts at once.

Texts are concatenated into one array of code points; a polynomial hash (uint64, wrapping) of
each shingle is built from windows of 1, 2, 4, ... code points in a few array passes, and
shingles that would cross from one text into the next are dropped. A shingle's width may
depend on the script of the character it starts with: Han characters carry a word in one or
two characters, Latin letters need four or five.
"""
from __future__ import annotations

from typing import Iterator, Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from checks.vocab.scripts import han_mask

_BASE = np.uint64(0x100000001B3)  # odd: multiplying by it loses no bit
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


_CHUNK_CHARS = 1_000_000


def text_chunks(texts: Sequence[str] | pa.Array, chunk_chars: int = _CHUNK_CHARS) -> Iterator[tuple[int, Sequence[str]]]:
    """Consecutive slices of texts holding about chunk_chars characters each: (first index, slice).
    Texts given as an Arrow string array become Python strings a slice at a time, never all at once (at a
    million paragraphs, all at once was the largest thing a duplicate rule held)."""
    if not len(texts):
        return
    arrow = isinstance(texts, (pa.Array, pa.ChunkedArray))
    lengths = (pc.utf8_length(texts).to_numpy(zero_copy_only=False) if arrow
               else np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)))
    ends = np.cumsum(lengths, dtype=np.int64)
    start = 0
    while start < len(texts):
        # the slice ends with the first text that brings it to chunk_chars characters, or with the last text
        before = ends[start - 1] if start else 0
        end = min(int(np.searchsorted(ends, before + chunk_chars, side="left")) + 1, len(texts))
        yield start, texts.slice(start, end - start).to_pylist() if arrow else texts[start:end]
        start = end


def codes_of(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Code points of all texts concatenated (uint32) and each text's start offset (len n + 1)."""
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)), out=starts[1:])
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    return codes, starts


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads every input bit over the whole word."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * _MIX1
        x = (x ^ (x >> np.uint64(27))) * _MIX2
        return x ^ (x >> np.uint64(31))


def _window_hashes(codes: np.ndarray, width: int) -> np.ndarray:
    """For every position i of codes, sum over j < width of (codes[i + j] + 1) * BASE**j (wrapping): the
    polynomial hash of the shingle starting there; 0 where fewer than `width` codes are left. Windows of
    1, 2, 4, ... codes are joined two by two, and those the width's binary digits name are joined into it:
    about 2 log2(width) array passes."""
    n = len(codes)
    out = np.zeros(n, dtype=np.uint64)
    if width > n:
        return out
    block, size = codes.astype(np.uint64) + np.uint64(1), 1  # hashes of windows of `size` codes
    joined, joined_size = None, 0
    with np.errstate(over="ignore"):
        while True:
            if width & size:
                if joined is None:
                    joined, joined_size = block, size
                else:
                    count = n - joined_size - size + 1
                    joined = joined[:count] + block[joined_size:joined_size + count] * _BASE ** np.uint64(joined_size)
                    joined_size += size
            if joined_size == width:
                break
            count = n - 2 * size + 1
            block = block[:count] + block[size:size + count] * _BASE ** np.uint64(size)
            size *= 2
    out[:len(joined)] = joined
    return out


def _whole_text_hash(codes: np.ndarray) -> np.uint64:
    """The polynomial hash of a whole (short) text, as `_window_hashes` would give it."""
    value = 0
    for code in reversed(codes.tolist()):
        value = (value * int(_BASE) + code + 1) % 2**64
    return np.uint64(value)


def shingle_hashes(codes: np.ndarray, starts: np.ndarray, k: int, k_han: int | None = None
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Hash of every shingle that lies inside one text, and the index of the text it belongs to.

    A shingle starts at every position and is `k` characters wide, or `k_han` where a Han
    character starts it. A text too short for any of its shingles contributes one: itself.
    Hashes come in text order, and in position order inside a text.
    """
    lengths = np.diff(starts)
    n_texts = len(lengths)
    owner = np.repeat(np.arange(n_texts, dtype=np.int64), lengths)
    raw = _window_hashes(codes, k)
    if k_han is None or k_han == k:
        width = np.full(len(codes), k, dtype=np.int64)
    else:
        han = han_mask(codes)
        width = np.where(han, np.int64(k_han), np.int64(k))
        np.copyto(raw, _window_hashes(codes, k_han), where=han)
    raw ^= width.astype(np.uint64)
    valid = width <= np.repeat(starts[1:], lengths) - np.arange(len(codes), dtype=np.int64)
    # a text with no shingle of its own is its single shingle; only one shorter than the widest can have none
    lone = np.flatnonzero((lengths > 0) & (lengths < max(k, k_han or k)))
    if len(lone):
        counted = np.concatenate([[0], np.cumsum(valid)])
        lone = lone[counted[starts[lone + 1]] == counted[starts[lone]]]
    raw, owner = raw[valid], owner[valid]
    if len(lone):  # put in text order
        whole = [_whole_text_hash(codes[starts[i]:starts[i + 1]]) ^ np.uint64(lengths[i]) for i in lone]
        raw = np.concatenate([raw, np.array(whole, dtype=np.uint64)])
        owner = np.concatenate([owner, lone])
        order = np.argsort(owner, kind="stable")
        raw, owner = raw[order], owner[order]
    return _mix(raw), owner


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
    """`shared_position_bounds_at` of each pair (firsts[i], seconds[i])."""
    which, texts = pd.factorize(np.array(firsts + seconds, dtype=object))
    return shared_position_bounds_at(np.asarray(texts, dtype=object), which[:len(firsts)], which[len(firsts):], k,
                                     stride)


def shared_position_bounds_at(all_texts: np.ndarray, firsts: np.ndarray, seconds: np.ndarray, k: int,
                              stride: int = 1) -> np.ndarray:
    """For each pair of texts (all_texts[firsts[i]], all_texts[seconds[i]]), how many of the shorter text's
    k-shingle positions 0, stride, 2 * stride, ... hold a shingle whose hash is among the longer text's.

    With stride 1 this is never less than `exact.shared_positions` (a shingle both hold has one hash), so
    a pair it rules out could not pass that count either. A shared stretch filling P positions holds at
    least P // stride of every stride-th: a cheaper first pass that rules out most pairs.
    Array work over all pairs at once (each text the pairs name hashed once, pairs measured a slice at a
    time): counting in Python, set by set, cost most of the time of confirming partial copies.
    """
    named = np.unique(np.concatenate([firsts, seconds]))
    texts = all_texts[named]
    a, b = np.searchsorted(named, firsts), np.searchsorted(named, seconds)
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
