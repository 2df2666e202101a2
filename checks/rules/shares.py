"""SHR001: percentages that divide one whole but cannot add up to 100% or less."""
from __future__ import annotations

from checks.extract.claims import ShareClaim, claims_of, plain, show
from checks.extract.claims.shares import SharePart
from checks.model import Hit
from checks.rules.base import rule


def check_shares(parts: tuple[SharePart, ...]) -> tuple[str, dict]:
    """'holds', 'may_exceed' or 'exceeds' for parts of one whole, with the sums over their intervals."""
    low = sum(p.share.low for p in parts)
    nominal = sum(p.share.value for p in parts)
    high = sum(p.share.high for p in parts)
    sums = {"sum_of_lower_bounds": low, "sum_as_stated": nominal, "sum_interval": show(low, high)}
    if low > 100 + 1e-9:
        return "exceeds", sums
    if nominal > 100 + 1e-9:
        return "may_exceed", sums
    if any(p.rest for p in parts) and high < 100 - 1e-9:
        return "short", sums  # "the rest" is stated, so the parts must reach 100%
    return "holds", sums


@rule("SHR001", category="share", severity="error", scope="article", dataset="claims",
      title="Shares of one whole exceed 100%")
def shares_exceed_whole(ctx):
    """Flag percentages of one whole whose sum cannot be 100% or less.

    ## What it does
    Percentages in one sentence that each say what part of one whole goes where (来自, 用于,
    应用于, 集中在, 占; come from, went to) form a share group. The rule sums their intervals,
    respecting qualifiers (超过40% is at least 40, 30%至40% is 30 to 40, 约 widens, rounding of the
    last digit). Error when even the lower bounds exceed 100%; warning when the figures as
    written exceed 100% but their bounds allow a sum within it; error when "其余/the rest" is
    stated and the parts cannot reach 100%. Groups that hold are listed under `verified`.

    ## Why is this bad
    Parts of one whole that add to more than the whole mean a figure was mistyped or two
    different wholes were mixed in one sentence.

    ## Example
    约80%来自企业，30%来自个人用户。

    ## Use instead
    约80%来自企业，20%来自个人用户。
    """
    for row, d in claims_of(ctx, ShareClaim):
        parts = d.parts
        outcome, sums = check_shares(parts)
        evidence = plain({"parts": [p.evidence() for p in parts], **sums})
        names = " + ".join(p.share.surface for p in parts)
        where = [ctx.locate(row.paragraph_id)]
        if outcome == "holds":
            yield Hit(f"Shares of one whole hold: {names} sum to {sums['sum_interval']}%.", where, evidence,
                      key=row.key, verified=True)
        elif outcome == "may_exceed":
            yield Hit(f"Shares of one whole may exceed 100%: {names} = {sums['sum_as_stated']:.4g}% as written.",
                      where, evidence, key=row.key, severity="warning")
        elif outcome == "short":
            yield Hit(f"Shares with 'the rest' cannot reach 100%: {names} at most {sums['sum_interval']}%.",
                      where, evidence, key=row.key)
        else:
            yield Hit(f"Shares of one whole exceed 100%: {names} sum to at least {sums['sum_of_lower_bounds']:.4g}%.",
                      where, evidence, key=row.key)
