"""Growth claims: a start value, an end value and the change stated between them (and stated periods)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.extract.claims.common import MAX_SENTENCE_MENTIONS, Claim, Quantity, within
from checks.extract.numbers import Mention
from checks.ingest.normalize import fold_width

_UP = r"增长|增加|上涨|上升|提高|提升|攀升|扩大|增|涨|升|rose|risen|rise|rises|up|increased|increase|grew|grown|jumped|climbed|gained|surged|soared|higher"
_DOWN = r"下降|减少|下跌|降低|回落|下滑|缩小|萎缩|减|降|跌|fell|fallen|falls|fall|down|decreased|decrease|declined|decline|dropped|slumped|plunged|slipped|lower"
_VERB_BEFORE = re.compile(
    rf"(?:(?P<verb>{_UP}|{_DOWN}|翻)(?P<mid>了|到|至|为|达|到了|近|约|超|逾| by| to|)"
    rf"|(?P<noun>增幅|涨幅|增速|降幅|跌幅)(?:为|达|达到|是|约|超过|近|)|(?P<enoun>growth|rise|increase|fall|drop|decline) of)\s?(?:同比|环比)?$", re.I)
_NOUN_DOWN = ("降幅", "跌幅", "fall", "drop", "decline")
_DOWN_RE = re.compile(rf"^(?:{_DOWN})$", re.I)
_START_MARK = re.compile(r"(?:从|由|较|(?<![占对无])比(?![亚例重率较])|相比|去年同期(?:为|是)?|上年同期(?:为|是)?|from|compared with|against)"
                         r"[^，,。；;%]{0,10}$", re.I)
_START_AFTER = re.compile(r"^[^，,。；;]{0,4}(?:a year earlier|a year ago|in the previous year|in the same period last year)", re.I)
_END_MARK = re.compile(r"(?:到|至|增至|升至|降至|达到|to)\s?[^，,。；;从由\d]{0,6}$", re.I)
_DELTA_BEFORE = re.compile(rf"(?:(?P<up>{_UP}|增收|净增|多)|(?P<down>{_DOWN}|减收|少))(?:了)?\s?$|新增[^，,。；;\d]{{0,6}}$", re.I)
_ANNUAL = re.compile(r"(?:年均|平均每年|每年平均|年平均|年复合|annual(?:ly)?|a year on average|compound annual)[^，,。；;\d]{0,6}$", re.I)
_JOIN = re.compile(r"^\s?(?:至|到|~|-|–|—|and|和)\s?$")
_MAGNITUDE = re.compile(r"[万亿]|million|billion|trillion|bn", re.I)
_VALUE_KINDS = ("count", "amount")


@dataclass(frozen=True)
class GrowthClaim(Claim):
    """A start value, an end value and the change stated between them.

    `reading` says how the change is read: rate (a percent or points), to (增加到N倍, N times),
    by (增加了N倍: (N+1)x), either (a bare 增长N倍), fan (翻N番: 2^N) or annual (a compound yearly rate).
    A delta form (B，比上年增加D) has `delta` = D and a start computed as B - D.
    """

    start: Quantity
    end: Quantity
    change: Quantity
    reading: str
    sign: int
    order: str  # how the start and end were told apart
    delta: Quantity | None
    start_time: Quantity | None
    end_time: Quantity | None

    type = "growth"

    @property
    def key(self) -> str:
        second = self.delta if self.delta is not None else self.end
        first = self.end if self.delta is not None else self.start
        return f"{self.change.surface}|{first.surface}|{second.surface}"


@dataclass(frozen=True)
class PeriodClaim(Claim):
    """A stated duration (一年半时间) against the times of the two values it spans."""

    duration: Quantity
    start_time: Quantity
    end_time: Quantity

    type = "period"

    @property
    def key(self) -> str:
        return f"{self.duration.surface}|{self.start_time.surface}|{self.end_time.surface}"


def change_of(text: str, m: Mention) -> dict | None:
    """A change stated by m (a rate after a verb such as 增长/rose), with its reading; None if m is no change."""
    if m.kind not in ("percent", "multiple", "percentage_points") or m.unit == "" or m.low != m.low:
        return None
    before = fold_width(text[max(0, m.start - 10):m.start])
    v = _VERB_BEFORE.search(before)
    if v is None:
        if m.surface.lower().endswith(("doubled", "tripled", "trebled", "quadrupled", "halved")):
            return {"reading": "to", "sign": 1}
        return None
    noun = v.group("noun") or v.group("enoun")
    if noun:
        if m.kind != "percent":
            return None
        return {"reading": "rate", "sign": -1 if noun.lower() in _NOUN_DOWN else 1}
    verb, mid = v.group("verb"), v.group("mid").strip().lower()
    sign = -1 if _DOWN_RE.match(verb) else 1
    if m.kind == "percent" and mid in ("到", "至", "为", "达", "到了", "to"):
        return None  # 提升到25.9%: a level, not a change
    if m.kind == "multiple":
        if verb == "翻" or m.unit == "番":
            return {"reading": "fan", "sign": 1} if m.unit == "番" else None
        if mid in ("到", "至", "为", "达", "到了", "to") or m.unit == "x" and re.search(r"times|fold", m.surface):
            return {"reading": "to", "sign": sign}
        if mid == "了" or mid == "by":
            return {"reading": "by", "sign": sign}
        return {"reading": "either", "sign": sign}
    return {"reading": "rate", "sign": sign}


def _time_of(text: str, ms: list[Mention], i: int, floor: int) -> Mention | None:
    """The nearest date or year stated before value i and after the previous value (its time).

    A date right after 比/较 (比2019年增长) is the comparison's time, not this value's.
    """
    for j in range(i - 1, -1, -1):
        if ms[j].start < floor:
            return None
        if ms[j].kind in ("date", "year") and ms[j].low == ms[j].low:
            if text[max(0, ms[j].start - 1):ms[j].start] in ("比", "较"):
                return None
            return ms[j]
    return None


def _role(text: str, m: Mention, sent_start: int) -> str:
    before = fold_width(text[max(sent_start, m.start - 14):m.start])
    after = fold_width(text[m.end:m.end + 40])
    if _END_MARK.search(before):  # the nearer marker wins: 从100亿元增长到150亿元
        return "end"
    if _START_MARK.search(before) or _START_AFTER.search(after):
        return "start"
    return ""


def _delta_sign(text: str, m: Mention, sent_start: int) -> int:
    """+1 / -1 for 增加34.3亿元 / 减少5亿元 (an amount of change, not a level); 0 for a level."""
    found = _DELTA_BEFORE.search(fold_width(text[max(sent_start, m.start - 10):m.start]))
    if found is None:
        return 0
    return -1 if found.group("down") else 1


def growth_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[Claim]:
    out = []
    starts = [m.start for m in ms]
    for si, (s, e) in enumerate(spans):
        in_sent = list(within(starts, s, e))
        if len(in_sent) > MAX_SENTENCE_MENTIONS:
            continue
        changes = [(i, change_of(text, ms[i])) for i in in_sent]
        changes = [(i, c) for i, c in changes if c is not None]
        if len(changes) != 1:
            continue  # several rates in one sentence: which values each belongs to is not clear
        ci, change = changes[0]
        c = ms[ci]
        cands = _candidates(text, ms, in_sent, c, s)
        floor, cross = s, False
        annual = bool(_ANNUAL.search(fold_width(text[max(s, c.start - 12):c.start])))
        duration = _duration_before(ms, ci, s)
        if not cands and si > 0 and duration is not None and not _any_value(ms, in_sent, c):
            # "…1000亿…30万亿。一年半时间增长300多倍": the values, with their times, precede
            ps, pe = spans[si - 1]
            prev = list(within(starts, ps, pe))
            if any(change_of(text, ms[i]) for i in prev):
                continue
            cands, floor, cross = _candidates(text, ms, prev, c, ps), ps, True
        signs = {i: _delta_sign(text, ms[i], floor) for i in cands}
        levels = [i for i in cands if not signs[i]]
        deltas = [i for i in cands if signs[i]]
        if len(cands) == 2 and len(levels) == 1 and not cross and not annual and levels[0] < deltas[0] < ci \
                and signs[deltas[0]] == change["sign"] and c.start - ms[deltas[0]].end <= 12:
            out.append(_delta_claim(ms, levels[0], deltas[0], c, change, (s, e)))
            continue
        if len(cands) != 2 or len(levels) != 2:
            continue
        a, b = levels
        ta, tb = _time_of(text, ms, a, floor), _time_of(text, ms, b, ms[a].end)
        ra, rb = _role(text, ms[a], floor), _role(text, ms[b], floor)
        if ta is not None and tb is not None and ta.high <= tb.low:
            order, how = (a, b), "by their times"
        elif ta is not None and tb is not None and tb.high <= ta.low:
            order, how = (b, a), "by their times"
        elif cross:
            continue  # across sentences only values with their own times are trusted
        elif ra == "start" and rb == "end":
            order, how = (a, b), "by from/to wording"
        elif rb == "start" and ra in ("", "end"):
            order, how = (b, a), "by than/from wording, the end value stated first"
        else:
            continue
        if annual and (ta is None or tb is None):
            continue  # an annual average needs the number of years
        first, last = order
        t_first, t_last = (ta, tb) if first == a else (tb, ta)
        q_first = Quantity.of(t_first) if t_first is not None else None
        q_last = Quantity.of(t_last) if t_last is not None else None
        out.append(GrowthClaim(span=(min(ms[first].start, c.start), max(ms[last].end, c.end)), sentence=(floor, e),
                               start=Quantity.of(ms[first]), end=Quantity.of(ms[last]), change=Quantity.of(c),
                               reading="annual" if annual else change["reading"], sign=change["sign"], order=how,
                               delta=None, start_time=q_first, end_time=q_last))
        if duration is not None and q_first is not None and q_last is not None:
            out.append(PeriodClaim(span=(t_first.start, c.end), sentence=(floor, e), duration=Quantity.of(duration),
                                   start_time=q_first, end_time=q_last))
    return out


def _any_value(ms: list[Mention], idx: list[int], change: Mention) -> bool:
    return any(ms[i] is not change and ms[i].kind in ("count", "amount", "percent") for i in idx)


def _delta_claim(ms: list[Mention], li: int, di: int, c: Mention, change: dict, sent: tuple[int, int]) -> GrowthClaim:
    """B，比上年增加D，增长r: the start is B - D over both intervals."""
    level, delta = ms[li], ms[di]
    sign = change["sign"]
    if sign > 0:
        low, high = level.low - delta.high, level.high - delta.low
    else:
        low, high = level.low + delta.low, level.high + delta.high
    start = Quantity(level.start, delta.end, f"{level.surface} {'-' if sign > 0 else '+'} {delta.surface}",
                     level.value - sign * delta.value, low, high, level.unit, level.kind, "")
    return GrowthClaim(span=(level.start, max(delta.end, c.end)), sentence=sent, start=start, end=Quantity.of(level),
                       change=Quantity.of(c), reading=change["reading"], sign=sign,
                       order="end value and the change amount", delta=Quantity.of(delta), start_time=None, end_time=None)


def _candidates(text: str, ms: list[Mention], idx: list[int], change: Mention, floor: int) -> list[int]:
    """Values of one unit that a change can relate: exactly two, or none (the claim stays open)."""
    wanted = ("percent",) if change.kind == "percentage_points" else _VALUE_KINDS
    cands = [i for i in idx if ms[i] is not change and ms[i].kind in wanted and ms[i].value == ms[i].value
             and ms[i].low > 0 and (ms[i].unit or _MAGNITUDE.search(ms[i].surface))
             and not (change.kind == "percentage_points" and ms[i].qualifier)]
    cands = [i for i in cands if not (i > 0 and _conversion(text, ms[i - 1], ms[i]))]
    if len(cands) != 2 or len({ms[i].unit for i in cands}) != 1:
        return []
    a, b = cands
    if _JOIN.match(fold_width(text[ms[a].end:ms[b].start])):
        return []  # 5.2亿元至5.9亿元: one range, not two values
    return cands


def _conversion(text: str, prev: Mention, m: Mention) -> bool:
    """A$720 million ($563 million): the bracketed value restates the one before it."""
    return text[prev.end:m.start].strip() in ("(", "（")


def _duration_before(ms: list[Mention], ci: int, floor: int) -> Mention | None:
    """A duration stated just before the change ("一年半时间增长"), in the same sentence."""
    for j in range(ci - 1, -1, -1):
        if ms[j].start < floor or ms[ci].start - ms[j].end > 6:
            return None
        if ms[j].kind == "duration":
            return ms[j]
    return None
