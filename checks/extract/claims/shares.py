"""Share groups: percentages in one sentence that divide one whole."""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.extract.claims.common import MAX_SENTENCE_MENTIONS, Claim, Quantity, within
from checks.extract.claims.growth import change_of
from checks.extract.numbers import Mention
from checks.ingest.normalize import fold_width

_CLAUSE = re.compile(r"[，,；;、]")
_SHARE_AFTER = re.compile(r"^(?:[的]?)(?:来自|用于|应用于|聚集在|聚集于|集中在|集中于|分布在|分布于|流向|投向|投入|来源于|"
                          r"come from|came from|comes from|went to|go to|goes to|were spent on|was spent on)")
_REST = re.compile(r"其余|其他|剩余|剩下|the rest|remaining|remainder", re.I)


@dataclass(frozen=True)
class SharePart:
    """One part of a whole; `rest` when the text calls it the rest (其余, the rest), so the parts must reach 100%."""

    share: Quantity
    rest: bool

    def evidence(self) -> dict:
        return {**self.share.evidence(), "rest": self.rest}


@dataclass(frozen=True)
class ShareClaim(Claim):
    """Parts of one whole, as percentages."""

    parts: tuple[SharePart, ...]

    type = "share"

    @property
    def key(self) -> str:
        return "|".join(p.share.surface for p in self.parts)


def share_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[ShareClaim]:
    out = []
    starts = [m.start for m in ms]
    for s, e in spans:
        if len(within(starts, s, e)) > MAX_SENTENCE_MENTIONS:
            continue
        parts = [ms[i] for i in within(starts, s, e) if ms[i].kind == "percent" and change_of(text, ms[i]) is None]
        shares = []
        for m in parts:
            after = fold_width(text[m.end:m.end + 12]).lstrip()
            if _SHARE_AFTER.match(after):
                clause_start = max([s] + [x.end() + s for x in _CLAUSE.finditer(text[s:m.start])])
                shares.append(SharePart(Quantity.of(m), bool(_REST.search(text[clause_start:m.start]))))
        if len(shares) < 2:
            continue
        first = [m for m in parts if m.surface == shares[0].share.surface][0]
        last = [m for m in parts if m.surface == shares[-1].share.surface][-1]
        out.append(ShareClaim(span=(first.start, last.end), sentence=(s, e), parts=tuple(shares)))
    return out
