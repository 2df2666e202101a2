"""TIM001: elapsed time since a year, or a stated period between two dated values, that does not hold."""
from __future__ import annotations

import re

from checks.extract.claims import ElapsedClaim, PeriodClaim, Quantity, claims_of, plain, show
from checks.extract.claims.elapsed import TABLES
from checks.extract.claims.phrasing import documented
from checks.model import Comparison
from checks.extract.numbers import find_mentions
from checks.model import Hit
from checks.rules.base import rule

_PER_YEAR = {"year": 1.0, "month": 1 / 12, "week": 7 / 365, "day": 1 / 365}
_DATE_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?:/(1[89]\d\d|20\d\d))?(?!\d)")
_FUTURE = re.compile(r"(?:预计|计划|将|到|目标|力争|by)\s?$")


def reference_year(ctx, article_id: str, option_year) -> tuple[tuple[float, float], str] | None:
    """The year the article speaks from: its date, else the `year` option, else inferred; None if unknown."""
    articles = ctx.dataset("articles")
    row = articles[articles["article_id"] == article_id]
    date = str(row.iloc[0]["date"]) if len(row) else ""
    found = _DATE_YEAR.search(date)
    if found:  # 2026-01-28, 26-FEB-1987 15:01:01.79, or a season such as 2004/2005
        y = float(found.group(1))
        last = float(found.group(2)) if found.group(2) else y
        return (y, last + 1), f"the article's date {date}"
    if option_year:
        y = float(option_year)
        return (y, y + 1), f"the configured year {int(y)}"
    latest = None
    paragraphs = ctx.dataset("paragraphs")
    for text in paragraphs.loc[paragraphs["article_id"] == article_id, "text"]:
        for m in find_mentions(text):
            if m.kind == "date" and m.unit in ("month", "day") and m.low == m.low \
                    and not _FUTURE.search(text[max(0, m.start - 4):m.start]):
                if latest is None or m.low > latest.low:
                    latest = m
    if latest is None:
        return None
    y = float(int(latest.low))
    return (y, y + 2), f"inferred: the latest dated event in the article is {latest.surface}, so it was written then or within a year after"


def elapsed_interval(since: Quantity, ref: tuple[float, float]) -> tuple[float, float]:
    return ref[0] - since.high, ref[1] - since.low


@rule("TIM001", category="time", severity="error", scope="article", dataset="claims",
      title="Elapsed time or period does not match its dates", options={"year": 0})
@documented(TABLES)
def elapsed_mismatch(ctx):
    """Flag an elapsed time or a stated period that the dates it refers to contradict.

    ## What it does
    Two kinds of claim. Elapsed time: `自1956年…以来，…已走过70年`, `Founded in 1960, … for 27 years`,
    `set up in 1957, 30 years ago`, `its 31st anniversary`, is checked against the year the article
    speaks from: its `date` (jsonl inputs: 2026-01-28, 26-FEB-1987, a season 2004/2005), else the rule
    option `year`, else the latest dated event in the article (a newspaper dateline such as
    新华社北京1月28日电 has no year); with no year, no claim is made. Period: `2024年初…1000亿…
    2025年6月底…30万亿，一年半时间增长` or `从2002年到2018年的16年间` compares the duration with the
    time between the two dates (counting the years either way: 2004年到2011年连续8年 holds). Rounding
    of whole years is allowed.
    Claims that hold are listed under `verified`, saying where the year came from.

    ## Why is this bad
    Anniversaries and periods are easy to miscount by a year or more, and a wrong period
    also makes any per-year rate derived from it wrong.

    ## Example
    An article dated 2026:

    ```jsonl
    {"id": "ai70", "title": "人工智能七十年", "date": "2026-01-28", "body": "自1956年达特茅斯会议以来，人工智能已走过60年历程。"}
    ```

    ## Use instead
    ```jsonl
    {"id": "ai70", "title": "人工智能七十年", "date": "2026-01-28", "body": "自1956年达特茅斯会议以来，人工智能已走过70年历程。"}
    ```
    """
    option_year = ctx.options("TIM001").get("year")
    for row, d in claims_of(ctx, ElapsedClaim):
        ref = reference_year(ctx, row.article_id, option_year)
        if ref is None:
            continue
        (lo, hi), source = ref
        computed = elapsed_interval(d.since, (lo, hi))
        per = _PER_YEAR.get(d.elapsed.unit, 1.0)
        stated = (d.elapsed.low * per, d.elapsed.high * per)
        holds = computed[0] <= stated[1] and stated[0] <= computed[1]
        evidence = plain({"since": d.since.evidence(), "stated": d.elapsed.evidence(), "reference_year": show(lo, hi - 1),
                          "year_source": source, "computed_years": show(*computed)})
        what = f"{d.elapsed.surface} since {d.since.surface}"
        where = [ctx.locate(row.paragraph_id)]
        comparison = Comparison(d.elapsed.value * per, (computed[0] + computed[1]) / 2, "years")
        if holds:
            yield Hit(f"Elapsed time holds: {what} (year from {source.split(':')[0]}).", where, evidence,
                      key=row.key, verified=True, comparison=comparison)
        else:
            yield Hit(f"Elapsed time does not match: {what}, but the years give {show(*computed)}.", where,
                      evidence, key=row.key, comparison=comparison)
    for row, d in claims_of(ctx, PeriodClaim):
        per = _PER_YEAR.get(d.duration.unit)
        if per is None:
            continue
        start, end = d.start_time, d.end_time
        computed = (end.low - start.high, end.high - start.low)
        stated = (d.duration.low * per, d.duration.high * per)
        holds = computed[0] <= stated[1] + 1e-9 and stated[0] <= computed[1] + 1e-9
        evidence = plain({"duration": d.duration.evidence(), "start_time": start.evidence(), "end_time": end.evidence(),
                          "computed_years": show(*computed), "stated_years": show(*stated)})
        what = f"{d.duration.surface} from {start.surface} to {end.surface}"
        where = [ctx.locate(row.paragraph_id)]
        comparison = Comparison(d.duration.value * per, (computed[0] + computed[1]) / 2, "years")
        if holds:
            yield Hit(f"Period holds: {what}.", where, evidence, key=row.key, verified=True, comparison=comparison)
        else:
            yield Hit(f"Period does not match: {what} is {show(*computed)} years.", where, evidence, key=row.key,
                      comparison=comparison)
