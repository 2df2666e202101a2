"""SHR001: percentages that divide one whole but cannot add up to 100% or less."""
from __future__ import annotations

from checks.extract.claims import ShareClaim, claims_of, plain, show
from checks.extract.claims.phrasing import documented
from checks.extract.claims.shares import TABLES, WHOLE_AS_ROUNDED, SharePart
from checks.model import Comparison, Hit
from checks.rules.base import rule


def check_shares(parts: tuple[SharePart, ...], rest_unstated: bool = False) -> tuple[str, dict]:
    """'holds', 'may_exceed', 'exceeds' or 'short' for parts of one whole, with the sums over their intervals."""
    low = sum(p.share.low for p in parts)
    nominal = sum(p.share.value for p in parts)
    high = sum(p.share.high for p in parts)
    sums = {"sum_of_lower_bounds": low, "sum_as_stated": nominal, "sum_interval": show(low, high)}
    if low > 100 + 1e-9 or rest_unstated and low >= 100 - 1e-9:
        return "exceeds", sums  # (a rest named beside them leaves less than 100% for the parts)
    if nominal > WHOLE_AS_ROUNDED:  # (the rounding of the figures, not an excess)
        return "may_exceed", sums
    if any(p.rest for p in parts) and high < 100 - 1e-9:
        return "short", sums  # "the rest" is stated, so the parts must reach 100%
    return "holds", sums


@rule("SHR001", category="share", severity="error", scope="article", dataset="claims",
      title="Shares of one whole exceed 100%")
@documented(TABLES)
def shares_exceed_whole(ctx):
    """Flag percentages of one whole whose sum cannot be 100% or less.

    ## What it does
    Percentages of one sentence (clauses joined by ；) that each say what part of one whole goes
    where form a share group: A占X%, 占比X%, 比重为X%, X%来自A, 分别占/依次为X%、Y%, 其余X%, 贡献了X%,
    以X%的市场份额, 三成, 三成半, 一半, 近半, 半壁江山, 四分之一, 持有X%股份, A为X% or a bare A X% in a
    sentence that frames its whole (按地区分，…; 全年销量中，…; 回答是：…), figures in brackets after a part, the
    weights of a composite (A×60%＋B×40%); accounted for, made up, came from, contributed, respectively, the
    rest / remainder / balance, split X% to Y% between, half, a third, the majority, three in ten said, a X
    pct stake, won X% of the vote to Y% for B, followed by B with Y%, Of the votes counted A had X%, support
    for A at X%, names with their figures in brackets, X% of W are held by A. A ratio of parts (权重占比为42:39:19, 比值约为9∶1, split 60:40) is a group of its terms over
    their sum, so it always fits. Parts that name different wholes
    (占全省出口的, 占全省进口的; of output, of employment), a whole of each part's own subject
    (沪市…占沪市…, 深市…占深市…), another time in a part's own clause (in 2004, 去年) or set against it
    (compared with, up from, last year), a whole of another place (sold in Britain / in France; a vote in Ohio /
    in Indiana), a slice of the people and its share (the top 1% own 32%), a total (合计) or a new frame between
    two figures, parts of their respective wholes, a bound set by a rule (those above 50% must bid), and a
    ratio to another period above 100% are not summed. A group
    goes on into the next sentence when that sentence says so (another, the other, 其余), when both
    hold survey answers, when it adds parts by the words of parts with no whole of its own, or the
    rest of the whole, and past sentences without shares when both name the same whole; parts carried
    over sentences are only checked to fit, unless the new sentence opens as the rest. The rule sums their
    intervals, respecting qualifiers (超过40% is at least 40, 30%至40% is 30 to 40, 约 widens, rounding
    of the last digit; 三成 is 25% to 35%; the majority is more than half). When the wording makes the
    parts exclusive (分别 with kinds of the whole, 其余, parts named side by side, a frame that divides
    the whole, shares of one vote, names ranked on one market, survey answers all for, against or undecided
    on one question, votes of one ballot), it is an error when even the lower bounds exceed 100% (or leave nothing for a rest named
    without a figure), a warning when the figures as written exceed 100% but their bounds allow a sum
    within it, and an error when "其余/the rest" is stated and the parts cannot reach 100%. Parts that
    may overlap (shares of counts, survey answers, contributions, 占比 ranked across categories, bare
    figures under a frame, figures in brackets after a part, any answers of a question that takes several: 可多选) are only verified when
    they fit, within their rounding. Groups that hold are listed under `verified`.

    ## Why is this bad
    Parts of one whole that add to more than the whole mean a figure was mistyped or two
    different wholes were mixed in one sentence.

    ## Example
    ```paragraphs
    该平台的收入约80%来自企业客户，30%来自个人用户。
    ```

    ## Use instead
    ```paragraphs
    该平台的收入约80%来自企业客户，20%来自个人用户。
    ```
    """
    for row, d in claims_of(ctx, ShareClaim):
        parts = d.parts
        outcome, sums = check_shares(parts, d.rest_unstated)
        if not d.exclusive and outcome == "may_exceed":
            outcome = "holds"  # (parts that may overlap and fit within their rounding: 10% + 5% + 20% + 66%)
        if not d.exclusive and outcome != "holds":
            continue  # parts that may overlap: a sum past 100% is no contradiction
        evidence = plain({"parts": [p.evidence() for p in parts], "exclusive": d.exclusive,
                          "rest_named_without_figure": d.rest_unstated, **sums})
        names = " + ".join(p.share.surface for p in parts) if len(parts) <= 12 else \
            f"{len(parts)} parts ({' + '.join(p.share.surface for p in parts[:6])} + …)"
        where = [ctx.locate(row.paragraph_id)]
        comparison = Comparison(100.0, sums["sum_as_stated"], "%")
        if outcome == "holds":
            yield Hit(f"Shares of one whole hold: {names} sum to {sums['sum_interval']}%.", where, evidence,
                      key=row.key, verified=True, comparison=comparison)
        elif outcome == "may_exceed":
            yield Hit(f"Shares of one whole may exceed 100%: {names} = {sums['sum_as_stated']:.4g}% as written.",
                      where, evidence, key=row.key, severity="warning", comparison=comparison)
        elif outcome == "short":
            yield Hit(f"Shares with 'the rest' cannot reach 100%: {names} at most {sums['sum_interval']}%.",
                      where, evidence, key=row.key, comparison=comparison)
        else:
            yield Hit(f"Shares of one whole exceed 100%: {names} sum to at least {sums['sum_of_lower_bounds']:.4g}%.",
                      where, evidence, key=row.key, comparison=comparison)
