"""CON001: one fact (a named entity's dated event) stated with two dates that cannot both hold."""
from __future__ import annotations

from collections import defaultdict

from checks.extract.claims import FactClaim, Quantity, claims_of, plain
from checks.extract.claims.facts import FAMILIES
from checks.model import Hit
from checks.rules.base import rule


def _overlap(a: Quantity, b: Quantity) -> bool:
    return a.low < b.high and b.low < a.high


def _fact_key(row, fact: FactClaim) -> tuple[str, str, str, str]:
    """What makes two statements one fact: the entity (a full name anywhere in the run; a nickname, a surname
    or a plan only inside its article), the event, and what it is of (the exchange, the office)."""
    where = "" if fact.run_wide else row.article_id
    return where, fact.entity, fact.event, fact.qualifier.casefold()


def _listing_phrasings(func):
    """Append the phrasing families the facts are read in to "What it does", from the tables themselves."""
    lines = [f"    - {lang}: {family.name}, e.g. {family.examples[0][0]}"
             for lang, families in FAMILIES.items() for family in families]
    marker = "\n\n    ## Why is this bad"
    func.__doc__ = func.__doc__.replace(marker, "\n    Phrasings read:\n" + "\n".join(lines) + marker)
    return func


@rule("CON001", category="contradiction", severity="error", scope="corpus", dataset="claims",
      title="One fact stated with two dates")
@_listing_phrasings
def fact_contradiction(ctx):
    """Flag a named entity whose dated event (birth, death, founding, opening, listing, taking office ...) is
    given two dates that cannot both hold, anywhere in the run.

    ## What it does
    Collects dated facts from every article of the run, in Chinese and English: 华科智能科技有限公司成立于
    2015年, 1970年出生的王建华, “晓晓”“蕾蕾”于2016年6月出生, "Northwind Labs was founded in March 1998",
    "Maria Kowalski, who was born in 1961". Names come from jieba's part-of-speech tags, organisation and
    place suffixes, quotation marks and capitalised words; a shortened name (华科智能, "Kowalski") counts as
    the full name its article states, and a reference (该公司, "the company", 赵董事长) as the one name the
    nearest sentence naming any states, in its article (a reference without one such name makes no fact); a pronoun
    (他, "she") as the one person of its sentence and the one before, compared inside its article only; a place noun
    ("the stadium") as the one name with that head. A person's years in brackets (王建华（1920—2009）) give a birth
    and a death. One entity by its full name is one entity across the whole run;
    a nickname (“晓晓”), a single English word, a bare surname or a Chinese personal name (王建华 is borne by
    thousands) only inside its article. When one entity's event carries dates whose
    periods do not overlap (2016年 and 2016年6月 do; a decade such as 上世纪90年代 or "the 1990s" is ten years), both
    statements are reported. A year given as 同年,
    次年 or "the following year" counts from the date before it. Listings in different markets (在上交所上市 and
    登陆A股 are one market, 港交所 another) and different offices are different facts; a plan (将于, "will
    open") is compared only with its own article. A fact stated consistently in several places is listed
    under `verified`.

    ## Why is this bad
    Two dates for one birth or founding cannot both be right; readers cannot tell which.

    ## Example
    One company's founding given two years in two articles:

    ```paragraphs
    华科智能科技有限公司成立于2015年，总部位于深圳。
    ```

    ```paragraphs
    2016年成立的华科智能科技有限公司已有员工300人。
    ```

    ## Use instead
    State the one correct date in both places:

    ```paragraphs
    华科智能科技有限公司成立于2015年，总部位于深圳。
    ```

    ```paragraphs
    2015年成立的华科智能科技有限公司已有员工300人。
    ```
    """
    groups: dict[tuple, list] = defaultdict(list)
    for row, fact in claims_of(ctx, FactClaim):
        groups[_fact_key(row, fact)].append((row, fact))
    for (where, entity, event, qualifier), facts in list(groups.items()):
        if where:  # a fact compared inside its article only is compared with its article's run-wide statements too
            facts += [(r, f) for r, f in groups.get(("", entity, event, qualifier), []) if r.article_id == where]
    for (scope, entity, event, qualifier), facts in sorted(groups.items()):
        if len(facts) < 2:
            continue
        dates: dict[str, list] = defaultdict(list)
        for row, fact in facts:
            dates[fact.date.surface].append((row, fact))
        surfaces = sorted(dates, key=lambda s: (dates[s][0][1].date.low, s))  # in the order of time
        # in an article's group, a clash of two run-wide statements is the run-wide group's to report
        own = {s for s in surfaces if not scope or any(not f.run_wide for _, f in dates[s])}
        clash = [(a, b) for i, a in enumerate(surfaces) for b in surfaces[i + 1:]
                 if (a in own or b in own) and not _overlap(dates[a][0][1].date, dates[b][0][1].date)]
        where = []
        for surface in surfaces:
            for row, _ in dates[surface]:
                loc = ctx.locate(row.paragraph_id)
                if loc not in where:
                    where.append(loc)
        word = facts[0][1].word
        said = word if word.lower() == event.replace("_", " ") else f"{word} ({event})"
        evidence = plain({"entity": entity, "event": event, "qualifier": qualifier,
                          "entity_kind": facts[0][1].entity_kind,
                          "statements": [{"date": s, "as_written": sorted({f.written for _, f in dates[s]}),
                                          "places": [f"{r.file}:{r.line_start}" for r, _ in dates[s]]}
                                         for s in surfaces]})
        key = f"{entity}|{event}|{qualifier}|{'|'.join(surfaces)}"
        if clash:
            pairs = "; ".join(f"{a} vs {b}" for a, b in clash)
            yield Hit(f"“{entity}” {said} is stated with different dates: {pairs}.", where, evidence,
                      key=key)
        elif len(where) > 1:
            yield Hit(f"“{entity}” {said} on {surfaces[0]} agrees in {len(facts)} statements.", where,
                      evidence, key=key, verified=True)
