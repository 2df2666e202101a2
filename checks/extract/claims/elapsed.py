"""Elapsed time: a year and the time stated as gone by since it (or between it and a second year).

A duration in years is elapsed time when its words say so (the duration families of ELAPSED_ZH /
ELAPSED_EN: 走过N年, 已有N年, 历经N年, N年来, N年前, 迎来N周年; for N years, N years ago, N years since,
the Nth anniversary), and a year is where it began when its own words say so (the year families: 自/从Y年,
Y年以来, 创建于Y年, Y年成立的; since Y, in Y, founded in Y). With one of each in a sentence, the claim is
elapsed time from that year to the year the article speaks from; with a duration between two years
(从Y1年到Y2年的N年间, 2013年-2017年……五年来) it is a period between them. Anything else is left open.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.extract.claims.common import MAX_SENTENCE_MENTIONS, Claim, Quantity, within
from checks.extract.claims.growth import PeriodClaim
from checks.extract.claims.phrasing import Family, Table
from checks.extract.numbers import Mention
from checks.vocab.scripts import language_of


@dataclass(frozen=True)
class ElapsedClaim(Claim):
    """A year, and the time stated as gone by since it (checked against the year the article speaks from)."""

    since: Quantity
    elapsed: Quantity

    type = "elapsed"

    @property
    def key(self) -> str:
        return f"{self.since.surface}|{self.elapsed.surface}"


F = Family
ELAPSED_ZH = Table("elapsed", "zh", (
    F("走过/已有/历经N年", "time gone by until now",
      r"(?:走过了?|已有|已经有?|已经走过了?|历经|经过|迎来|已运行|运行了?|有着|拥有|历时|已达|度过了?|已经过去了?|过去了?|已)\s?",
      examples=("自1956年达特茅斯会议以来，人工智能已走过70年历程。", "从2002年至今，南山实验学校已经走过了10个年头。")),
    F("N年来 / N年间 / N年前", "time gone by until now (来, 以来, 前), or between two years (间, 之间)", "",
      after=r"(?:多)?(?:来|以来|之间|间|前|里)",
      examples=("2013年至2017年，中小企业板公司营收五年来稳步增长。", "10年前的2004年，东方精密仪器厂在这里诞生。")),
    F("过去N年 / 这N年", "time gone by until now, or between two years",
      r"(?:过去|过去的|这|近|最近|此后)\s?"),
    F("迎来N周年", "the years since a founding, this year", "", after=r"周年"),
))
ELAPSED_EN = Table("elapsed", "en", (
    F("for N years / N years ago / N years since", "time gone by until now",
      r"\b(?:for|the\s+past|the\s+last|over\s+the\s+past|in\s+the|it\s+is|it\s+has\s+been|some)\s+",
      examples=("Founded in 1960, Castlegate Bank has been trading for 27 years.",
                "In the 20 years since 1967, Kestrel Airways has grown steadily.")),
    F("N years ago / after / on from", "time gone by until now", "",
      after=r"\s+(?:ago|after|on\s+from|since|later|previously)\b",
      examples=("Blue Ridge Foods was set up in 1957, 30 years ago.",)),
    F("the Nth anniversary", "the years since a founding, this year", "", after=r"\s+anniversary\b",
      examples=("Kestrel Airways marks its 31st anniversary this year, having opened in 1973.",)),
))
YEAR_ZH = Table("elapsed since", "zh", (
    F("自/从Y年", "the year it began",
      r"(?:自|从|始于|起于|于|比|较|成立于|创建于|创办于|创立于|建于|始建于|诞生于|年前的?)\s?"),
    F("Y年以来 / Y年成立的", "the year it began", "",
      after=r"(?:末|底|初)?(?:以来|至今|起|开始|成立|创办|创建|创立|建成|开业|诞生|起步|正式)"),
))
YEAR_EN = Table("elapsed since", "en", (
    F("since / in / founded in Y", "the year it began",
      r"\b(?:since|from|founded\s+in|established\s+in|set\s+up\s+in|opened\s+in|launched\s+in|"
      r"(?:founding|launch|opening|creation|inception|listing)\s+in)\s+"),
))
TABLES = [ELAPSED_ZH, ELAPSED_EN, YEAR_ZH, YEAR_EN]

_BETWEEN = re.compile(r"^\s?(?:年)?(?:到|至|~|～|-|–|—|to|and|through)\s?$", re.I)
_FIRST = re.compile(r"(?:第|连续第)$")


def _tells(table: Table, text: str, m: Mention) -> str:
    lead = text[max(0, m.start - 16):m.start]
    tail = text[m.end:m.end + 16]
    for f in table.families:
        if (f.before and f.search_before(lead)) or (f.after and not f.before and f.match_after(tail)):
            return f.name
    return ""


def _is_years(m: Mention) -> bool:
    """A duration counted in years or months (26个月 since 2017年10月)."""
    return m.kind == "duration" and m.unit in ("year", "month") and m.low == m.low


def elapsed_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[Claim]:
    """自1956年…以来，…已走过70年: a year and the years stated as elapsed since it (or a period between two)."""
    out: list[Claim] = []
    starts = [m.start for m in ms]
    for s, e in spans:
        idx = within(starts, s, e)
        if len(idx) > MAX_SENTENCE_MENTIONS or len(idx) < 2:
            continue
        sent = [ms[i] for i in idx]
        durations = [m for m in sent if _is_years(m)]
        if len(durations) != 1 or _FIRST.search(text[max(s, durations[0].start - 3):durations[0].start]):
            continue
        d = durations[0]
        zh = language_of(text[s:e]) == "zh"
        family = _tells(ELAPSED_ZH if zh else ELAPSED_EN, text, d)
        if not family:
            continue
        years = [m for m in sent if m.kind in ("year", "date") and m.low == m.low and m.low >= 1000
                 and m.unit in ("year", "month", "day")]
        if len(years) == 2 and years[0].high <= years[1].low and _BETWEEN.match(
                text[years[0].end:years[1].start]):
            out.append(PeriodClaim(span=(years[0].start, max(d.end, years[1].end)), sentence=(s, e),
                                   duration=Quantity.of(d), start_time=Quantity.of(years[0]),
                                   end_time=Quantity.of(years[1])))
            continue
        since = [y for y in years if _tells(YEAR_ZH if zh else YEAR_EN, text, y)]
        if len(years) != 1 or len(since) != 1:
            continue  # two or more years, or one that does not say it is a beginning: open
        y = since[0]
        if d.start < y.start and any(d.end <= m.start and m.end <= y.start for m in sent):
            continue  # 近两年来涨幅首次突破1%……自2012年6月: a figure between them, so the two may not belong together
        out.append(ElapsedClaim(span=(min(y.start, d.start), max(y.end, d.end)), sentence=(s, e),
                                since=Quantity.of(y), elapsed=Quantity.of(d)))
    return out
