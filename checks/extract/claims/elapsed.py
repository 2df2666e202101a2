"""Elapsed time: a year and the years stated as gone by since it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.extract.claims.common import MAX_SENTENCE_MENTIONS, Claim, Quantity, within
from checks.extract.numbers import Mention
from checks.ingest.normalize import fold_width

_SINCE = re.compile(r"(?:自|从|since)\s?$", re.I)
_ELAPSED_BEFORE = re.compile(r"(?:走过了?|已有|已经|历经|经过|走过|迎来|for|past)\s?$", re.I)
_SINCE_TAIL = re.compile(r"以来|至今|since|ago", re.I)


@dataclass(frozen=True)
class ElapsedClaim(Claim):
    """A year, and the time stated as gone by since it (checked against the year the article speaks from)."""

    since: Quantity
    elapsed: Quantity

    type = "elapsed"

    @property
    def key(self) -> str:
        return f"{self.since.surface}|{self.elapsed.surface}"


def elapsed_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[ElapsedClaim]:
    """自1956年…以来，…已走过70年: a year and the years stated as elapsed since it."""
    out = []
    starts = [m.start for m in ms]
    for s, e in spans:
        if len(within(starts, s, e)) > MAX_SENTENCE_MENTIONS:
            continue
        sent = [ms[i] for i in within(starts, s, e)]
        years = [m for m in sent if m.kind == "year" and _SINCE.search(fold_width(text[max(s, m.start - 6):m.start]))]
        spans_ = [m for m in sent if m.kind == "duration" and m.unit == "year"
                  and (_ELAPSED_BEFORE.search(fold_width(text[max(s, m.start - 6):m.start]))
                       or text[m.end:m.end + 2] == "周年")]
        if len(years) != 1 or len(spans_) != 1 or not _SINCE_TAIL.search(text[s:e]):
            continue
        y, d = years[0], spans_[0]
        if d.start < y.end:
            continue
        out.append(ElapsedClaim(span=(y.start, d.end), sentence=(s, e), since=Quantity.of(y), elapsed=Quantity.of(d)))
    return out
