"""What every claim recogniser shares: mentions of a sentence, a value's interval, evidence formatting."""
from __future__ import annotations

from bisect import bisect_left

from checks.extract.numbers import Mention
from checks.vocab.sentences import sentence_spans

# A "sentence" with more numbers than this is a table or a run-on dump, not prose that states claims.
MAX_SENTENCE_MENTIONS = 40

sentences = sentence_spans


def within(starts: list[int], s: int, e: int) -> range:
    """Indexes of the mentions starting in [s, e): a binary search, so long paragraphs stay linear."""
    return range(bisect_left(starts, s), bisect_left(starts, e))


def interval_of(m: Mention) -> dict:
    return {"surface": m.surface, "value": m.value, "low": m.low, "high": m.high, "unit": m.unit,
            "kind": m.kind, "qualifier": m.qualifier}


def plain(value):
    """Evidence without infinities or float noise: JSON readers elsewhere reject Infinity."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return float(f"{value:.6g}")
    return value


def show(lo: float, hi: float) -> str:
    """An interval for a message: [a, b], with b = ∞ when open above."""
    hi_text = "∞" if hi == float("inf") else f"{hi:.4g}"
    return f"[{lo:.4g}, {hi_text}]"
