"""MinHash signatures, banded LSH and sampled-anchor candidates, all as numpy array work.

Every function returns candidate index pairs (i < j) into the list of texts it was given.
Buckets are expanded to all their pairs only up to `max_bucket` members, so no step can
turn into an all-pairs comparison.
"""
from __future__ import annotations

from typing import Iterator

import numpy as np

from checks.similarity.hashing import _mix, codes_of, rolling_hashes

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


def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**32, size=num_perm, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
    b = rng.integers(0, 2**32, size=num_perm, dtype=np.uint64).astype(np.uint32)
    return a, b


def minhash_signatures(texts: list[str], k: int, num_perm: int, seed: int = 1) -> np.ndarray:
    """MinHash signature (uint32, one row per text) of each text's k-shingle set.

    Hash functions are x -> (x xor b) * a modulo 2**32 with odd a: each is a permutation of
    32-bit values, applied to the high half of a well mixed 64-bit shingle hash.
    """
    a, b = _permutations(num_perm, seed)
    out = np.full((len(texts), num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    for first, chunk in text_chunks(texts):
        codes, starts = codes_of(chunk)
        hashes, owner = rolling_hashes(codes, starts, k)
        if not len(hashes):
            continue
        x = (hashes >> np.uint64(32)).astype(np.uint32)
        cuts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
        rows = first + owner[cuts]
        value = np.empty_like(x)
        with np.errstate(over="ignore"):
            for p in range(num_perm):  # one contiguous pass per permutation stays in cache
                np.bitwise_xor(x, b[p], out=value)
                np.multiply(value, a[p], out=value)
                out[rows, p] = np.minimum.reduceat(value, cuts)
    return out


def bucket_pairs(keys: np.ndarray, ids: np.ndarray, max_bucket: int, oversize: str = "star",
                 presorted: bool = False) -> np.ndarray:
    """Pairs (i, j), i < j, of ids sharing a key.

    A bucket of at most max_bucket members gives all its pairs; a larger one gives each member
    paired with the bucket's smallest id (oversize="star") or nothing (oversize="skip").
    """
    if len(keys) < 2:
        return np.empty((0, 2), dtype=np.int64)
    if not presorted:
        order = np.lexsort((ids, keys))
        keys, ids = keys[order], ids[order]
    new = np.r_[True, keys[1:] != keys[:-1]]
    group = np.cumsum(new) - 1
    starts = np.flatnonzero(new)
    sizes = np.diff(np.r_[starts, len(keys)])
    size = sizes[group]
    pos = np.arange(len(keys)) - starts[group]
    small = (size >= 2) & (size <= max_bucket)
    pieces = []
    idx = np.flatnonzero(small)
    for d in range(1, int(size[idx].max()) if len(idx) else 1):
        left = idx[pos[idx] + d < size[idx]]
        pieces.append(np.stack([ids[left], ids[left + d]], axis=1))
    if oversize == "star":
        big = np.flatnonzero((size > max_bucket) & (pos > 0))
        pieces.append(np.stack([ids[starts[group[big]]], ids[big]], axis=1))
    if not pieces:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(pieces).astype(np.int64)
    return np.sort(pairs, axis=1)


def unique_pairs(pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct pairs, sorted, and how often each occurred (ids must be below 2**31)."""
    if not len(pairs):
        return pairs.reshape(0, 2), np.empty(0, dtype=np.int64)
    packed, counts = np.unique((pairs[:, 0] << 32) | pairs[:, 1], return_counts=True)
    return np.stack([packed >> 32, packed & 0xFFFFFFFF], axis=1), counts


def lsh_pairs(signatures: np.ndarray, bands: int, rows: int, max_bucket: int = 100) -> np.ndarray:
    """Candidate pairs of texts whose signatures agree on every row of at least one band."""
    if bands * rows > signatures.shape[1]:
        raise ValueError(f"{bands} bands of {rows} rows need {bands * rows} MinHash values")
    ids = np.arange(len(signatures), dtype=np.int64)
    pieces = []
    with np.errstate(over="ignore"):
        for band in range(bands):
            block = signatures[:, band * rows:(band + 1) * rows].astype(np.uint64)
            key = np.full(len(ids), np.uint64(band + 1), dtype=np.uint64)
            for r in range(rows):
                key = _mix(key ^ block[:, r])
            pieces.append(bucket_pairs(key, ids, max_bucket, "star"))
    return unique_pairs(np.concatenate(pieces))[0]


def anchor_pairs(texts: list[str], k: int, keep_one_in: int, max_bucket: int, min_shared: int) -> np.ndarray:
    """Pairs of texts sharing at least min_shared sampled k-shingles ("anchors").

    A shingle is an anchor when its hash is 0 modulo keep_one_in, so every copy of a stretch
    keeps the same anchors. Anchors held by more than max_bucket texts are stock phrases and
    are ignored.
    """
    packed = []
    for first, chunk in text_chunks(texts):
        codes, starts = codes_of(chunk)
        hashes, owner = rolling_hashes(codes, starts, k)
        keep = (hashes % np.uint64(keep_one_in)) == 0
        keep &= np.repeat(np.diff(starts) >= k, np.bincount(owner, minlength=len(chunk)))
        # 40 bits of anchor hash above 24 bits of text index: one sortable word per (anchor, text).
        owners = (owner[keep] + first).astype(np.uint64)
        packed.append(((hashes[keep] >> np.uint64(24)) << np.uint64(24)) | owners)
    if not packed or len(texts) >= 2**24:
        if len(texts) >= 2**24:
            raise ValueError("anchor_pairs handles at most 16,777,215 texts per call")
        return np.empty((0, 2), dtype=np.int64)
    table = np.sort(np.concatenate(packed))
    table = table[np.r_[True, table[1:] != table[:-1]]]
    ids = (table & np.uint64(2**24 - 1)).astype(np.int64)
    pairs = bucket_pairs(table >> np.uint64(24), ids, max_bucket, "skip", presorted=True)
    uniq, counts = unique_pairs(pairs)
    return uniq[counts >= min_shared]
