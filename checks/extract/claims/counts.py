"""Counts: a stated count and the items listed after it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.extract.claims.common import Claim, Quantity
from checks.extract.claims.facts import _EVENT, _NAME
from checks.extract.claims.growth import _MAGNITUDE
from checks.extract.numbers import Mention, find_mentions

_ENUM_AFTER = re.compile(r"^[，,]?(?:分别为|分别是|分别是：|包括|即|：|:)")


@dataclass(frozen=True)
class CountGroups:
    """A second count over the same list (2胎 of 2胎3崽) and the dated groups the list falls into."""

    count: Quantity
    groups: tuple[str, ...]


@dataclass(frozen=True)
class CountClaim(Claim):
    """A stated count and the items listed after it."""

    count: Quantity
    items: tuple[str, ...]
    groups: CountGroups | None

    type = "count"

    @property
    def key(self) -> str:
        return f"{self.count.surface}|{'、'.join(self.items)}"


def count_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[CountClaim]:
    """A count followed by the items it counts: 2胎3崽，分别为…“香香”…“晓晓”“蕾蕾”."""
    out = []
    for i, m in enumerate(ms):
        if m.kind != "count" or m.unit == "" or m.qualifier or m.low != m.low or m.value > 100 \
                or _MAGNITUDE.search(m.surface):
            continue  # only small plain counts are enumerated item by item
        marker = _ENUM_AFTER.match(text[m.end:m.end + 6])
        if marker is None:
            continue
        stop = re.search(r"[。；;]", text[m.end:m.end + 400])
        body = text[m.end + marker.end(): m.end + (stop.start() if stop else 400)]
        names = _NAME.findall(body)
        if len(names) < 1:
            continue
        groups = None
        if i > 0 and ms[i - 1].end == m.start and ms[i - 1].kind == "count" and not ms[i - 1].qualifier:
            dated = [x for x in find_mentions(body) if x.kind in ("date", "year")]
            if dated and _EVENT.match(body[dated[0].end:dated[0].end + 4]):
                groups = CountGroups(Quantity.of(ms[i - 1]), tuple(x.surface for x in dated))
        out.append(CountClaim(span=(ms[i - 1].start if groups else m.start, m.end + marker.end() + len(body)),
                              sentence=None, count=Quantity.of(m), items=tuple(names), groups=groups))
    return out
