"""Text similarity at corpus scale: shingle hashing, MinHash, banded LSH and the exact measures.

Candidate generation (MinHash + LSH, sampled anchors) is vectorised with numpy and never
compares all pairs; the exact measures (Jaccard, longest shared stretch, differing spans)
confirm each candidate pair before anything is reported.
"""
from checks.similarity.exact import (differing_spans, grams, jaccard, longest_shared, set_jaccard, shared_positions,
                                     shingles)
from checks.similarity.hashing import codes_of, rolling_hashes
from checks.similarity.lsh import anchor_pairs, bucket_pairs, lsh_pairs, minhash_signatures

__all__ = [
    "anchor_pairs", "bucket_pairs", "codes_of", "differing_spans", "grams", "jaccard", "longest_shared",
    "lsh_pairs", "minhash_signatures", "rolling_hashes", "set_jaccard", "shared_positions", "shingles",
]
