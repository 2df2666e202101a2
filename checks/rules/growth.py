"""GRW001: a growth rate, multiple or percentage-point change that its own start and end values contradict."""
from __future__ import annotations

from checks.extract.claims import claims_of, plain, show
from checks.model import Hit
from checks.rules.base import rule

INF = float("inf")


def ratio_interval(start: dict, end: dict) -> tuple[float, float]:
    """end / start over the intervals both values' wording allows."""
    hi = INF if end["high"] in (None, INF) or start["low"] <= 0 else end["high"] / start["low"]
    return end["low"] / start["high"], hi


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] * (1 + 1e-9) and b[0] <= a[1] * (1 + 1e-9)


def check_growth(d: dict) -> tuple[bool, dict] | None:
    """Whether the stated change can hold; None when the claim cannot be checked (e.g. a zero base)."""
    start, end, change, sign = d["start"], d["end"], d["change"], d["sign"]
    if start["low"] <= 0 or end["low"] < 0:
        return None
    c_lo, c_hi = change["low"], change["high"]
    if change["kind"] == "percentage_points":
        diff = (end["low"] - start["high"], end["high"] - start["low"])
        stated = (c_lo, c_hi) if sign > 0 else (-c_hi, -c_lo)
        return overlaps(diff, stated), {"computed_pp": show(*diff), "stated_pp": show(*stated)}
    ratio = ratio_interval(start, end)
    if change["kind"] == "percent":
        computed = ((ratio[0] - 1) * 100, (ratio[1] - 1) * 100)
        stated = (c_lo, c_hi) if sign > 0 else (-c_hi, -c_lo)
        return overlaps(computed, stated), {"computed_percent": show(*computed), "stated_percent": show(*stated)}
    if sign < 0:
        return None  # 下降N倍 has no agreed arithmetic
    readings = {"to": (c_lo, c_hi), "by": (c_lo + 1, c_hi + 1), "fan": (2 ** c_lo, 2 ** min(c_hi, 60))}
    chosen = ("to", "by") if d["reading"] == "either" else (d["reading"],)
    holding = [r for r in chosen if overlaps(ratio, readings[r])]
    evidence = {"computed_ratio": show(*ratio), "readings_checked": {r: show(*readings[r]) for r in chosen},
                "readings_that_hold": holding}
    return bool(holding), evidence


@rule("GRW001", category="growth", severity="error", dataset="claims",
      title="Growth claim does not follow from its values")
def growth_does_not_follow(ctx):
    """Flag a stated growth rate, multiple or point change that its start and end values rule out.

    ## What it does
    For each growth claim (a start value, an end value and the change stated between them, in one
    sentence or across adjacent sentences of a paragraph) it computes the change over the intervals
    the wording allows (rounding of the last digit, 约/近/超过/多, nearly/more than) and compares it
    with the stated one. `增加了N倍` is read as (N+1)x, `增加到N倍` as Nx; a bare `增长N倍` is checked
    under both readings and the evidence says which holds. `翻N番` is 2^N. A claim that holds is
    listed under `verified` with its arithmetic.

    ## Why is this bad
    A rate that its own numbers contradict means one of the three figures is wrong, and readers
    usually repeat the rate, not the figures.

    ## Example
    营收从100亿元增长到150亿元，增长80%。

    ## Use instead
    营收从100亿元增长到150亿元，增长50%。
    """
    for row, d in claims_of(ctx, "growth"):
        result = check_growth(d)
        if result is None:
            continue
        holds, arithmetic = result
        evidence = plain({"start": d["start"], "end": d["end"], "stated_change": d["change"],
                          "direction": "down" if d["sign"] < 0 else "up", "order": d["order"],
                          "start_time": d["start_time"], "end_time": d["end_time"], **arithmetic})
        where = [ctx.locate(row["paragraph_id"])]
        what = f"{d['start']['surface']} → {d['end']['surface']} with a stated change of {d['change']['surface']}"
        if holds:
            yield Hit(f"Growth holds: {what}.", where, evidence, key=row["key"], verified=True)
        else:
            computed = arithmetic.get("computed_percent") or arithmetic.get("computed_pp") or \
                arithmetic.get("computed_ratio")
            yield Hit(f"Growth does not follow: {what}, but the values give {computed}.", where, evidence,
                      key=row["key"])
