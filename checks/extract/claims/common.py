"""What every claim recogniser shares: the typed value a claim is built from, the claim base class,
mentions of a sentence, evidence formatting."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from dataclasses import dataclass
from typing import ClassVar

from checks.extract.numbers import Mention
from checks.vocab.sentences import sentence_spans

# A "sentence" with more numbers than this is a table or a run-on dump, not prose that states claims.
MAX_SENTENCE_MENTIONS = 40

# A period after these (or after a single capital) ends no sentence in news copy: "9.6 billion U.S. Dlrs",
# "Mr. Smith", "Jan. 5".
_ABBREVIATIONS = ("U.S", "U.K", "Mr", "Mrs", "Ms", "Dr", "St", "Inc", "Corp", "Co", "Ltd", "No", "vs", "Jan", "Feb", "Mar",
                  "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Gov", "Sen", "Rep", "Gen", "Prof", "Jr",
                  "Sr")
_ABBREVIATION = re.compile(r"(?:\b(?:" + "|".join(map(re.escape, _ABBREVIATIONS)) + r")|\b[A-Z])\.\s*$")
_ABBREVIATION_REACH = max(map(len, _ABBREVIATIONS)) + 1  # with its dot


# Marks that end a clause inside a sentence, and those that end a sentence or a line, as the recognisers look
# back for the start of the words a value belongs to.
CLAUSE_MARKS = "，,；;"
SENTENCE_MARKS = "。；;!?！？\n"


def clause_start(text: str, at: int, lo: int = 0, marks: str = CLAUSE_MARKS) -> int:
    """Where the stretch holding text[at] begins: just after the last of `marks` in text[lo:at], else `lo`.
    (A plain loop: this runs for most candidate values.)"""
    start = lo
    for mark in marks:
        start = max(start, text.rfind(mark, lo, at) + 1)
    return start


def last_match(pattern: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
    """The last non-overlapping match of `pattern` in text[pos:endpos], as `finditer` finds them; None if none."""
    last = deque(pattern.finditer(text, pos, len(text) if endpos is None else endpos), maxlen=1)
    return last[0] if last else None


def abbreviated(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] ends with an abbreviation's dot (and maybe whitespace). The pattern is anchored at the end,
    so it is searched from the last characters that can hold one, not from every place of the sentence."""
    r = e
    while r > s and text[r - 1].isspace():
        r -= 1
    return _ABBREVIATION.search(text, max(s, r - _ABBREVIATION_REACH), e) is not None


# A period after a word, then a figure, also ends a sentence in English copy: "net profit. 8 years on …"; and a
# quotation closed after its stop ends one before a capital: … "they are progressing." Cars accounted for …
# (Matched as the stop or quote the new sentence follows, whose end is the cut: a pattern that begins with one
# character class lets `re` skip every other character at C speed.)
_FIGURE_START = re.compile(r"[.\"”’](?:(?:(?<=[a-z>)\]\"”]\.)|(?<=\b19\d\d\.)|(?<=\b20\d\d\.))(?=\s+\d)"
                           r"|(?<=[.!?][\"”’])(?=\s+[A-Z]))")


def _spans(text: str) -> list[tuple[int, int]]:
    if ". " not in text and '." ' not in text and ".” " not in text:
        return sentence_spans(text)
    out = []
    for s, e in sentence_spans(text):
        cut = s
        for m in _FIGURE_START.finditer(text, max(0, s - 1), e):  # (the stop may end the sentence before)
            if not abbreviated(text, s, m.end()):
                out.append((cut, m.end()))
                cut = m.end()
        out.append((cut, e))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentence spans claims are read in: the shared splitter's, rejoined after abbreviations and cut
    where a figure starts an English sentence."""
    spans = _spans(text)
    if ". " not in text:
        return spans
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and text[out[-1][1] - 1:out[-1][1]] == "." and abbreviated(text, out[-1][0], out[-1][1]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


@dataclass(frozen=True, slots=True)
class Quantity(Mention):
    """A number as a claim states it: its span in the paragraph, surface, value, the interval its wording
    allows, unit, kind and qualifier; built from a Mention (a value computed from two mentions, such as the
    start B - D of a delta form, spans both)."""

    @classmethod
    def of(cls, m: Mention) -> "Quantity":
        return cls(m.start, m.end, m.surface, m.value, m.low, m.high, m.unit, m.kind, m.qualifier)

    def evidence(self) -> dict:
        """What a finding shows of the value (its span is a place, given by the finding's location)."""
        return {"surface": self.surface, "value": self.value, "low": self.low, "high": self.high, "unit": self.unit,
                "kind": self.kind, "qualifier": self.qualifier}


def evidence_of(q: Quantity | None) -> dict | None:
    return None if q is None else q.evidence()


@dataclass(frozen=True)
class Claim:
    """A recognised claim: where it is stated in its paragraph (`span`) and the sentence it belongs to
    (None when the span itself is the sentence to show). Each claim type adds its own typed fields."""

    span: tuple[int, int]
    sentence: tuple[int, int] | None

    type: ClassVar[str] = ""

    @property
    def key(self) -> str:
        """What tells two claims of one type in one paragraph apart (part of the claim id)."""
        raise NotImplementedError


def within(starts: list[int], s: int, e: int) -> range:
    """Indexes of the mentions starting in [s, e): a binary search, so long paragraphs stay linear."""
    return range(bisect_left(starts, s), bisect_left(starts, e))


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
