"""Facts: a named thing's dated event (born, founded, opened ...)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.extract.claims.common import Claim, Quantity
from checks.extract.numbers import Mention

_EVENT = re.compile(r"^(?:出生|诞生|成立|建成|开通|去世|逝世|创立|创办|落成|开业|上市|首播|开馆)")
_NAMES = re.compile(r"(?:“[^“”]{1,12}”[、和与及]?){1,8}")
_NAME = re.compile(r"“([^“”]{1,12})”")
_NAMES_BEFORE = re.compile(r"((?:“[^“”]{1,12}”[、和与及]?){1,8})[^“”，。；]{0,6}?于?$")
_NAMES_AFTER = re.compile(r"^的[^“”，。；]{0,8}?((?:“[^“”]{1,12}”[、和与及]?){1,8})")


@dataclass(frozen=True)
class FactClaim(Claim):
    """A named entity's dated event: who, what happened, when."""

    entity: str
    event: str
    date: Quantity

    type = "fact"

    @property
    def key(self) -> str:
        return f"{self.entity}|{self.event}|{self.date.surface}"


def fact_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[FactClaim]:
    """Dated events of named things: “晓晓”“蕾蕾”于2016年6月出生 / 2021年6月出生的“晓晓”“蕾蕾”."""
    out = []
    for m in ms:
        if m.kind not in ("date", "year") or m.low != m.low:
            continue
        event = _EVENT.match(text[m.end:m.end + 4])
        if event is None:
            continue
        after = text[event.end() + m.end:event.end() + m.end + 40]
        names_m = _NAMES_AFTER.match(after)
        if names_m is None:
            names_m = _NAMES_BEFORE.search(text[max(0, m.start - 80):m.start])
        if names_m is None:
            continue
        for name in _NAME.findall(names_m.group(1)):
            out.append(FactClaim(span=(m.start, m.end + event.end()), sentence=None, entity=name,
                                 event=event.group(0), date=Quantity.of(m)))
    return out
