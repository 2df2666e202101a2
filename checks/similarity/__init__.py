"""Text similarity at corpus scale: shingle hashing, MinHash, banded LSH and the exact measures.

Candidate generation (one-permutation MinHash + LSH, sampled anchors) is vectorised with numpy
and never compares all pairs; the exact measures (edit similarity, longest shared stretch,
differing spans) confirm each candidate pair before anything is reported.
"""
from checks.similarity.exact import (differing_spans, edit_similarities, edit_similarity, grams, longest_shared,
                                     script_shingles, shared_positions)
from checks.similarity.hashing import (codes_of, han_shares, shared_position_bounds, shared_position_bounds_at,
                                       shingle_hashes)
from checks.similarity.lsh import (anchor_pairs, anchors_of, bucket_pairs, keyed_pairs, lsh_pairs, oph_signatures,
                                   script_band_keys, unique_pairs)

__all__ = [
    "anchor_pairs", "anchors_of", "bucket_pairs", "codes_of", "differing_spans", "edit_similarities", "edit_similarity",
    "grams", "han_shares", "keyed_pairs", "longest_shared", "lsh_pairs", "oph_signatures", "script_band_keys",
    "script_shingles", "shared_position_bounds", "shared_position_bounds_at", "shared_positions", "shingle_hashes", "unique_pairs",
]
