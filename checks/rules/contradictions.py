"""CON001: one fact (a named thing's dated event) stated with two different values."""
from __future__ import annotations

from collections import defaultdict

from checks.extract.claims import FactClaim, Quantity, claims_of, plain
from checks.model import Hit
from checks.rules.base import rule


def _overlap(a: Quantity, b: Quantity) -> bool:
    return a.low < b.high and b.low < a.high


@rule("CON001", category="contradiction", severity="error", scope="corpus", dataset="claims",
      title="One fact stated with two values")
def fact_contradiction(ctx):
    """Flag a named entity whose dated event (birth, founding, opening ...) is given two dates.

    ## What it does
    Collects facts of the form `“晓晓”“蕾蕾”于2016年6月出生` or `2021年6月出生的“晓晓”“蕾蕾”`
    (a quoted name, an event word, a date) from every article of the run. When one name's event
    carries dates whose periods do not overlap, it reports both statements. A fact stated
    consistently in several places is listed under `verified`.

    ## Why is this bad
    Two dates for one birth or founding cannot both be right; readers cannot tell which.

    ## Example
    大熊猫“晓晓”于2016年6月出生。…… 2021年6月出生的“晓晓”……

    ## Use instead
    State the one correct date in both places.
    """
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for row, d in claims_of(ctx, FactClaim):
        groups[(d.entity, d.event)].append((row, d))
    for (entity, event), facts in sorted(groups.items()):
        dates: dict[str, list] = defaultdict(list)
        for row, d in facts:
            dates[d.date.surface].append((row, d))
        if len(facts) < 2:
            continue
        surfaces = sorted(dates)
        clash = [(a, b) for i, a in enumerate(surfaces) for b in surfaces[i + 1:]
                 if not _overlap(dates[a][0][1].date, dates[b][0][1].date)]
        where = []
        for surface in surfaces:
            for row, _ in dates[surface]:
                loc = ctx.locate(row.paragraph_id)
                if loc not in where:
                    where.append(loc)
        evidence = plain({"entity": entity, "event": event,
                          "statements": [{"date": s, "places": [f"{r.file}:{r.line_start}" for r, _ in dates[s]]}
                                         for s in surfaces]})
        key = f"{entity}|{event}|{'|'.join(surfaces)}"
        if clash:
            pairs = "; ".join(f"{a} vs {b}" for a, b in clash)
            yield Hit(f"“{entity}” {event} is stated with different dates: {pairs}.", where, evidence, key=key)
        elif len(where) > 1:
            yield Hit(f"“{entity}” {event} on {surfaces[0]} agrees in {len(facts)} statements.", where, evidence,
                      key=key, verified=True)
