"""MinHash signatures, banded LSH and sampled-anchor candidates, all as numpy array work.

Every function returns candidate index pairs (i < j) into the list of texts it was given.
Buckets are expanded to all their pairs only up to `max_bucket` members, so no step can
turn into an all-pairs comparison.
"""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from checks.similarity.hashing import _mix, codes_of, han_shares_of, shingle_hashes, text_chunks


EMPTY = np.uint32(0xFFFFFFFF)  # a bin no shingle of the text fell into
_PROBES = 32  # tries to borrow a value for an empty bin before taking the text's least one


def _seeded(hashes: np.ndarray, seed: int) -> np.ndarray:
    return _mix(hashes ^ _mix(np.full(1, seed, dtype=np.uint64)))


def _probe_table(bins: int, seed: int) -> np.ndarray:
    """For each bin, the bins it borrows from when empty, in order: the same for every text."""
    keys = np.arange(bins * _PROBES, dtype=np.uint64) + (np.uint64(seed) << np.uint64(40))
    return (((_mix(keys) >> np.uint64(32)) * np.uint64(bins)) >> np.uint64(32)).astype(np.int64).reshape(bins, _PROBES)


def _densify(block: np.ndarray, probes: np.ndarray) -> np.ndarray:
    """Fill each empty bin from the first filled bin of its probe sequence (optimal densification,
    Shrivastava 2017): two texts then agree on a bin with probability their Jaccard similarity.
    A text with fewer shingles than the probes can find takes its least value; one with none stays empty."""
    bins = block.shape[1]
    flat = block.reshape(-1)
    out = flat.copy()
    empty = flat == EMPTY
    empty &= np.repeat(~empty.reshape(block.shape).all(axis=1), bins)
    at = np.flatnonzero(empty)
    column = at % bins
    base = at - column
    for sources in probes.T:  # one probe for every empty bin at a time; most are filled by the first few
        if not len(at):
            break
        value = flat[base + sources[column]]
        found = value != EMPTY
        out[at[found]] = value[found]
        missing = ~found
        at, base, column = at[missing], base[missing], column[missing]
    if len(at):
        out[at] = block.min(axis=1)[at // bins]
    return out.reshape(block.shape)


def _oph_block(hashes: np.ndarray, owner: np.ndarray, texts: int, bins: int, probes: np.ndarray) -> np.ndarray:
    """Densified one-permutation signatures (texts x bins) of seeded shingle hashes and their owners."""
    block = np.full((texts, bins), EMPTY, dtype=np.uint32)
    with np.errstate(over="ignore"):
        slot = owner * bins + (((hashes >> np.uint64(32)) * np.uint64(bins)) >> np.uint64(32)).astype(np.int64)
    np.minimum.at(block.reshape(-1), slot, (hashes & np.uint64(0xFFFFFFFF)).astype(np.uint32))
    return _densify(block, probes)


def oph_signatures(texts: list[str], k: int, k_han: int, bins: int, seed: int = 1) -> np.ndarray:
    """One-permutation MinHash signature (uint32, one row of `bins` values per text) of each text's shingles.

    Each shingle hash picks a bin with its high half and competes for that bin's minimum with
    its low half: one pass over the shingles instead of one per hash function (Li, Owen and
    Zhang 2012), then empty bins are densified. Shingles are `k` characters wide, `k_han`
    where a Han character starts them (`shingle_hashes`). A text without shingles keeps EMPTY.
    """
    out = np.full((len(texts), bins), EMPTY, dtype=np.uint32)
    probes = _probe_table(bins, seed)
    for first, chunk in text_chunks(texts):
        codes, starts = codes_of(chunk)
        hashes, owner = shingle_hashes(codes, starts, k, k_han)
        out[first:first + len(chunk)] = _oph_block(_seeded(hashes, seed), owner, len(chunk), bins, probes)
    return out


def _band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One 64-bit key per band and text (bands x texts): the band's values, two at a time, mixed together."""
    values = signatures[:, :bands * rows].reshape(len(signatures), bands, rows).astype(np.uint64)
    with np.errstate(over="ignore"):
        key = np.broadcast_to(_mix(np.arange(1, bands + 1, dtype=np.uint64)), (len(signatures), bands))
        for r in range(0, rows, 2):
            pair = values[:, :, r] << np.uint64(32)
            if r + 1 < rows:
                pair |= values[:, :, r + 1]
            key = _mix(key ^ pair)
    return np.ascontiguousarray(key.T)


def script_band_keys(texts: list[str] | pa.Array, k_han: int, layouts: dict[str, tuple[int, int, int, float, float]],
                     seed: int = 1) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """LSH band keys of each text, banded by its script.

    `layouts` maps a name to (k, bands, rows, low, high): texts whose Han share (`han_shares_of`)
    lies in [low, high] get shingles `k_han` characters wide where a Han character starts them and
    `k` elsewhere, and one-permutation MinHash signatures of bands x rows values, banded. Returns, per
    name, the indices of its texts that have shingles and their keys (bands x those texts). A text's
    shingles are hashed once for each width `k` it needs; signatures are made a slice of texts at a
    time and never kept whole.
    """
    probes = {name: _probe_table(bands * rows, seed) for name, (_, bands, rows, _, _) in layouts.items()}
    found: dict[str, list] = {name: [] for name in layouts}
    for first, chunk in text_chunks(texts):
        codes, starts = codes_of(chunk)
        shares = han_shares_of(codes, starts)
        hashed: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for name, (k, bands, rows, low, high) in layouts.items():
            if k not in hashed:
                hashes, owner = shingle_hashes(codes, starts, k, k_han)
                hashed[k] = (_seeded(hashes, seed), owner)
            hashes, owner = hashed[k]
            chosen = (shares >= low) & (shares <= high) & (np.bincount(owner, minlength=len(chunk)) > 0)
            local = np.cumsum(chosen) - 1  # a chosen text's row in this layout's block
            mine = chosen[owner]
            block = _oph_block(hashes[mine], local[owner[mine]], int(chosen.sum()), bands * rows, probes[name])
            found[name].append((first + np.flatnonzero(chosen), _band_keys(block, bands, rows)))
    return {name: (np.concatenate([np.empty(0, dtype=np.int64)] + [i for i, _ in parts]),
                   np.concatenate([np.empty((layouts[name][1], 0), dtype=np.uint64)] + [keys for _, keys in parts],
                                  axis=1))
            for name, parts in found.items()}


def keyed_pairs(keys: np.ndarray, ids: np.ndarray, max_bucket: int = 100) -> np.ndarray:
    """Distinct pairs (i, j), i < j, of the ids (ascending) that share a key (bands x ids) in at least one band.
    Bands' pairs are merged into the distinct ones found so far whenever they outnumber them: most pairs recur
    in several bands, and holding every band's before merging was most of a large run's memory here."""
    found = np.empty(0, dtype=np.int64)  # distinct pairs so far, packed
    pending: list[np.ndarray] = []
    for key in keys:
        order = np.argsort(key, kind="stable")  # ids ascend, so ties keep them in order
        pending.append(_packed(bucket_pairs(key[order], ids[order], max_bucket, "star", presorted=True)))
        if sum(map(len, pending)) > max(len(found), 1 << 20):
            found, pending = np.unique(np.concatenate([found, *pending])), []
    return _unpacked(np.unique(np.concatenate([found, *pending])))


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
    packed, counts = np.unique(_packed(pairs), return_counts=True)
    return _unpacked(packed), counts


def _packed(pairs: np.ndarray) -> np.ndarray:
    """Each pair (i, j) as one int64, i above j (ids below 2**31): pairs sort and compare as numbers."""
    return (pairs[:, 0].astype(np.int64) << 32) | pairs[:, 1]


def _unpacked(packed: np.ndarray) -> np.ndarray:
    return np.stack([packed >> 32, packed & 0xFFFFFFFF], axis=1).reshape(-1, 2)


def lsh_pairs(signatures: np.ndarray, bands: int, rows: int, max_bucket: int = 100) -> np.ndarray:
    """Candidate pairs of texts whose signatures agree on every row of at least one band.

    Texts without a single shingle (an all-empty signature) are never candidates.
    """
    if bands * rows > signatures.shape[1]:
        raise ValueError(f"{bands} bands of {rows} rows need {bands * rows} MinHash values")
    ids = np.flatnonzero(~(signatures == EMPTY).all(axis=1))
    return keyed_pairs(_band_keys(signatures[ids], bands, rows), ids, max_bucket)


def anchors_of(codes: np.ndarray, starts: np.ndarray, k: int, keep_one_in: int) -> tuple[np.ndarray, np.ndarray]:
    """The anchors of texts (code points and start offsets as `codes_of` gives them): the hash of each
    k-shingle whose hash is 0 modulo keep_one_in, so every copy of a stretch keeps the same ones, and the
    index of its text. A text shorter than k has none. Every engine samples anchors here."""
    hashes, owner = shingle_hashes(codes, starts, k)
    keep = (hashes % np.uint64(keep_one_in)) == 0
    keep &= np.repeat(np.diff(starts) >= k, np.bincount(owner, minlength=len(starts) - 1))
    return hashes[keep], owner[keep]


def anchor_pairs(texts: list[str] | pa.Array, k: int, keep_one_in: int, max_bucket: int, min_shared: int) -> np.ndarray:
    """Pairs of texts sharing at least min_shared sampled k-shingles ("anchors").

    A shingle is an anchor when its hash is 0 modulo keep_one_in, so every copy of a stretch
    keeps the same anchors. Anchors held by more than max_bucket texts are stock phrases and
    are ignored. Anchors are sorted and paired a range of hashes at a time (every text holding one anchor
    falls in one range): sorting all at once held several copies of them, the largest thing a large run's
    partial-copy rule held.
    """
    if len(texts) >= 2**24:
        raise ValueError("anchor_pairs handles at most 16,777,215 texts per call")
    ranges: list[list[np.ndarray]] = [[] for _ in range(_ANCHOR_RANGES)]
    for first, chunk in text_chunks(texts):
        hashes, owner = anchors_of(*codes_of(chunk), k, keep_one_in)
        # 40 bits of anchor hash above 24 bits of text index: one sortable word per (anchor, text).
        packed = ((hashes >> np.uint64(24)) << np.uint64(24)) | (owner + first).astype(np.uint64)
        which = (packed >> np.uint64(64 - _ANCHOR_RANGE_BITS)).astype(np.int64)
        order = np.argsort(which, kind="stable")
        for r, part in enumerate(np.split(packed[order], np.searchsorted(which[order], np.arange(1, _ANCHOR_RANGES)))):
            ranges[r].append(part)
    pairs = [np.empty(0, dtype=np.int64)]
    for r in range(_ANCHOR_RANGES):
        table = np.concatenate([np.empty(0, dtype=np.uint64), *ranges[r]])
        ranges[r] = []
        pairs.append(_packed(_shared_anchor_pairs(table, max_bucket)))
    uniq, counts = np.unique(np.concatenate(pairs), return_counts=True)
    return _unpacked(uniq[counts >= min_shared])


_ANCHOR_RANGE_BITS = 3
_ANCHOR_RANGES = 1 << _ANCHOR_RANGE_BITS


def _shared_anchor_pairs(table: np.ndarray, max_bucket: int) -> np.ndarray:
    """Pairs of texts (i < j) holding one anchor, once per anchor they share, from (anchor, text) words."""
    if len(table) < 2:
        return np.empty((0, 2), dtype=np.int64)
    table.sort()
    table = table[np.r_[True, table[1:] != table[:-1]]]
    # Most anchors are held by one text, and stock phrases by more than max_bucket: neither gives a pair,
    # so they are dropped before the buckets are expanded (most of the memory a large run's pairs took).
    keys = table >> np.uint64(24)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    table = table[np.repeat((sizes >= 2) & (sizes <= max_bucket), sizes)]
    del keys, starts, sizes
    ids = (table & np.uint64(2**24 - 1)).astype(np.int64)
    return bucket_pairs(table >> np.uint64(24), ids, max_bucket, "skip", presorted=True)
