"""GRW001: a growth rate, multiple or percentage-point change that its own start and end values contradict."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from checks.extract.claims import GrowthClaim, Quantity, claims_of, evidence_of, plain, show
from checks.extract.claims.growth import TABLES
from checks.extract.claims.phrasing import documented
from checks.model import Comparison, Hit
from checks.rules.base import rule
from checks.vocab.quantities import VERBAL_MULTIPLE_ROUNDING, last_digit_place

INF = float("inf")


def ratio_interval(start: Quantity, end: Quantity) -> tuple[float, float]:
    """end / start over the intervals both values' wording allows."""
    hi = INF if end.high == INF or start.low <= 0 else end.high / start.low
    return end.low / start.high, hi


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] * (1 + 1e-9) and b[0] <= a[1] * (1 + 1e-9)


def gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far apart two intervals are (0 when they overlap)."""
    return max(b[0] - a[1], a[0] - b[1], 0.0)


def _stated(change: Quantity, sign: int) -> tuple[float, float]:
    lo, hi = change.low, change.high
    return (lo, hi) if sign > 0 else (-hi, -lo)


def _mid(interval: tuple[float, float]) -> float:
    """A point of an interval to plot: its middle, or its finite end when it is open."""
    lo, hi = interval
    if hi == INF:
        return lo
    if lo == -INF:
        return hi
    return (lo + hi) / 2


def _nominal_ratio(start: Quantity, end: Quantity) -> float:
    return end.value / start.value if start.value else INF


def verbal(change: Quantity) -> bool:
    """A multiple named by a word (doubled, tripled, fivefold, 两倍, 翻一番): no digit fixes its rounding."""
    return change.kind == "multiple" and not any(ch.isdigit() for ch in change.surface)


@dataclass(frozen=True)
class Outcome:
    status: str  # holds, near, fails
    evidence: dict
    comparison: Comparison


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def as_written(q: Quantity) -> Quantity:
    """A round figure written with thousands separators (325,000 tonnes) may stand for anything rounded to
    its last non-zero digit: its interval widens to half that digit's place. Figures with decimals, fewer
    than three trailing zeros or a single significant digit (1000亿) keep the rounding of their last digit."""
    found = _DIGITS.search(q.surface)
    if found is None or "." in found.group(0) or "," not in found.group(0):
        return q
    digits = found.group(0).replace(",", "")
    if not digits.endswith("000") or len(digits.rstrip("0")) < 2:
        return q
    scale = q.value / int(digits) if int(digits) else 1.0
    half = last_digit_place(int(digits)) / 2 * abs(scale)
    return replace(q, low=min(q.low, q.value - half), high=max(q.high, q.value + half))


def check_growth(d: GrowthClaim) -> Outcome | None:
    """'holds', 'near' (a gap rounding of unstated figures may explain) or 'fails', with the arithmetic and
    the stated figure beside the computed one.

    None when the claim cannot be checked (a zero base, 下降N倍, an annual rate without years).
    """
    start, end, change, sign = as_written(d.start), as_written(d.end), d.change, d.sign
    points = change.kind == "percentage_points"
    if not points and (start.low <= 0 or end.low < 0):
        return None
    stated = _stated(change, sign)
    if d.reading == "amount":  # up 500,000 bpd from 16.1 mln bpd to 16.6 mln bpd: the difference itself
        computed = (end.low - start.high, end.high - start.low)
        evidence = {"computed_amount": show(*computed), "stated_amount": show(*stated)}
        return _judge(computed, stated, evidence, 0.05 * abs(change.value),
                      Comparison(sign * change.value, end.value - start.value, change.unit))
    if points:
        if d.reading == "magnitude":  # 降幅收窄: the size of two negative rates
            s_lo, s_hi, e_lo, e_hi = -start.high, -start.low, -end.high, -end.low
        else:
            s_lo, s_hi, e_lo, e_hi = start.low, start.high, end.low, end.high
        computed = (e_lo - s_hi, e_hi - s_lo)
        evidence, tolerance = {"computed_pp": show(*computed), "stated_pp": show(*stated)}, 0.1
        nominal = (abs(end.value) - abs(start.value)) if d.reading == "magnitude" else end.value - start.value
        return _judge(computed, stated, evidence, tolerance, Comparison(_mid(stated), nominal, "pp"))
    ratio = ratio_interval(start, end)
    if d.reading == "annual":
        if change.kind != "percent" or d.start_time is None or d.end_time is None:
            return None
        years = _years_between(d.start_time, d.end_time)
        if INF in ratio or ratio[0] <= 0:
            return None
        corners = [(r ** (1 / n) - 1) * 100 for r in ratio for n in years]
        computed = (min(corners), max(corners))
        evidence = {"years": show(*years), "computed_annual_percent": show(*computed), "stated_percent": show(*stated)}
        span = max(1.0, d.end_time.value - d.start_time.value)
        nominal = (_nominal_ratio(start, end) ** (1 / span) - 1) * 100
        return _judge(computed, stated, evidence, max(0.5, 0.05 * abs(change.value)),
                      Comparison(sign * change.value, nominal, "%"))
    if change.kind == "percent":
        computed = ((ratio[0] - 1) * 100, (ratio[1] - 1) * 100)
        evidence = {"computed_percent": show(*computed), "stated_percent": show(*stated)}
        nominal = (_nominal_ratio(start, end) - 1) * 100
        return _judge(computed, stated, evidence, max(1.0, 0.05 * abs(change.value)),
                      Comparison(sign * change.value, nominal, "%"))
    if sign < 0:
        return None  # 下降N倍 has no agreed arithmetic
    c_lo, c_hi = change.low, change.high
    readings = {"to": (c_lo, c_hi), "by": (c_lo + 1, c_hi + 1), "fan": (2 ** c_lo, 2 ** min(c_hi, 60))}
    if verbal(change) or change.unit == "番":  # tripled to x3.07 is a tripling
        readings = {r: (lo * (1 - VERBAL_MULTIPLE_ROUNDING), hi * (1 + VERBAL_MULTIPLE_ROUNDING))
                    for r, (lo, hi) in readings.items()}
    chosen = ("to", "by") if d.reading == "either" else (d.reading,)
    holding = [r for r in chosen if overlaps(ratio, readings[r])]
    evidence = {"computed_ratio": show(*ratio), "readings_checked": {r: show(*readings[r]) for r in chosen},
                "readings_that_hold": holding,
                "reading_note": "增加了N倍 = (N+1)x, 增加到N倍 = Nx, bare 增长N倍 checked both ways, 翻N番 = 2^N; "
                                "a multiple named by a word allows 5% either way"}
    nominal = _nominal_ratio(start, end)
    nearest = min(chosen, key=lambda r: gap(ratio, readings[r]) / max(readings[r][0], 1e-9))
    comparison = Comparison(_mid(readings[holding[0] if holding else nearest]), nominal, "x")
    if holding:
        return Outcome("holds", evidence, comparison)
    best = gap(ratio, readings[nearest]) / max(readings[nearest][0], 1e-9)
    return Outcome("near" if best <= 0.05 else "fails", evidence, comparison)


def _years_between(first: Quantity, last: Quantity) -> tuple[float, float]:
    """The years a compound rate runs over. Two times of one precision (2015年 and 2020年, 2015年末 and 2020年末)
    stand at the same place of their periods, so the years between are their difference exactly; otherwise
    any place within each period is allowed."""
    if first.high - first.low == last.high - last.low:
        n = max(1.0, last.low - first.low)
        return n, n
    return max(1.0, last.low - first.high), max(1.0, last.high - first.low)


def _judge(computed, stated, evidence: dict, tolerance: float, comparison: Comparison) -> Outcome:
    if overlaps(computed, stated):
        return Outcome("holds", evidence, comparison)
    return Outcome("near" if gap(computed, stated) <= tolerance else "fails", evidence, comparison)


@rule("GRW001", category="growth", severity="error", scope="article", dataset="claims",
      title="Growth claim does not follow from its values")
@documented(TABLES)
def growth_does_not_follow(ctx):
    """Flag a stated growth rate, multiple or point change that its start and end values rule out.

    ## What it does
    For each growth claim (a start value, an end value and the change stated between them, in one
    sentence, or across adjacent sentences of a paragraph when both values carry their dates) it
    computes the change over the intervals the wording allows (rounding of the last digit,
    约/近/超过/多, nearly/more than) and compares it with the stated one. `增加了N倍` is read as
    (N+1)x, `增加到N倍` as Nx; a bare `增长N倍` is checked under both readings and the evidence says
    which holds. `翻N番` is 2^N. `年均增长` is a compound annual rate over the years between the two
    dates. `B，比上年增加D，增长r` is checked with the start B - D (`较上年的A增加D` with the end
    A + D); with no rate, `由A增至B，增加D` / "up D from A" checks the amount B - A, and with one
    (`B，较上年同期的A增加D，增长r`) both the rate and the amount are checked. A point change
    against an earlier rate stated at once (`增长7.6%，增速比上年同期的5.1%加快2.5个百分点`) is checked
    as the difference of the two rates. No claim is made for a real rate (`按可比价格计算`,
    `扣除价格因素实际增长`) on values in current prices, nor for a rate between a loss and a
    profit (`上年同期亏损A`, 扭亏为盈); two losses compare as sizes. Lists paired in
    order (`分别为A和B……分别增长X和Y`, "respectively") give one claim per pair, and values dated only
    relative to the writer's present (`今年年初`, `上年末`, `二季度末`, `去年`) are ordered by those
    dates; a year's value is never the base of a part year's. A multiple named by a word
    (doubled, tripled, fivefold, 翻一番) allows 5% either way: a tripling to x3.07 is a tripling. An
    error when the gap is large; a warning when it is within what unstated decimals could explain
    (1 point or 5% of the rate). A claim that holds is listed under `verified` with its arithmetic.
    How the values' roles are told apart is in the evidence (`order`); where the wording leaves
    them open, no claim is made.

    ## Why is this bad
    A rate that its own numbers contradict means one of the three figures is wrong, and readers
    usually repeat the rate, not the figures.

    ## Example
    ```paragraphs
    该公司营业收入从100亿元增长到150亿元，增长80%。
    ```

    ## Use instead
    ```paragraphs
    该公司营业收入从100亿元增长到150亿元，增长50%。
    ```
    """
    for row, d in claims_of(ctx, GrowthClaim):
        result = check_growth(d)
        if result is None:
            continue
        arithmetic = result.evidence
        evidence = plain({"start": d.start.evidence(), "end": d.end.evidence(), "stated_change": d.change.evidence(),
                          "direction": "down" if d.sign < 0 else "up", "order": d.order, "delta": evidence_of(d.delta),
                          "start_time": evidence_of(d.start_time), "end_time": evidence_of(d.end_time), **arithmetic})
        where = [ctx.locate(row.paragraph_id)]
        what = f"{d.start.surface} → {d.end.surface} with a stated change of {d.change.surface}"
        computed = next(v for k, v in arithmetic.items() if k.startswith("computed_"))
        reading = f" (reading: {', '.join(arithmetic['readings_that_hold'])})" if arithmetic.get("readings_that_hold") else ""
        if result.status == "holds":
            yield Hit(f"Growth holds: {what}; the values give {computed}{reading}.", where, evidence,
                      key=row.key, verified=True, comparison=result.comparison)
        else:
            severity = "warning" if result.status == "near" else None
            yield Hit(f"Growth does not follow: {what}, but the values give {computed}.", where, evidence,
                      key=row.key, severity=severity, comparison=result.comparison)
