"""CNT001: a stated count that disagrees with the items listed beside it."""
from __future__ import annotations

from checks.extract.claims import CountClaim, claims_of, plain
from checks.extract.claims.counts import TABLES
from checks.extract.claims.phrasing import documented
from checks.model import Comparison, Hit
from checks.rules.base import rule


@rule("CNT001", category="count", severity="error", scope="article", dataset="claims",
      title="Stated count disagrees with the items listed")
@documented(TABLES)
def count_mismatch(ctx):
    """Flag a count followed (or preceded) by a list of a different number of items.

    ## What it does
    Finds a small count (2 to 20) with a list right beside it: after it (三家子公司，分别为A、B和C;
    四项决议：A、B、C; the four bidders are A, B and C), before it (A、B和C三家企业; A, B and C, the three
    largest lenders) or as ordinal markers (三点建议：一是……；二是……；三是……), and compares the count
    with the items. A list closed by 等 or introduced by 包括/including may name fewer items than the
    count, never more; ordinal markers that stop short may go on in the next paragraph, so only more
    markers than the count is a mismatch. For a double count such as `2胎3崽，分别为2017年6月出生的
    “香香”和2021年6月出生的“晓晓”“蕾蕾”`, the first count is also compared with the dated groups of the
    list (two births). Counts that agree are listed under `verified`.

    ## Why is this bad
    A count that does not match its own list means an item was dropped or the count is stale.

    ## Example
    ```paragraphs
    成都大熊猫繁育研究基地共繁育幼崽3只，分别为“香香”“晓晓”。
    ```

    ## Use instead
    ```paragraphs
    成都大熊猫繁育研究基地共繁育幼崽2只，分别为“香香”“晓晓”。
    ```
    """
    for row, d in claims_of(ctx, CountClaim):
        count, items = d.count, d.items
        checks = [(count, len(items), "items listed")]
        groups = None
        if d.groups is not None:
            checks.append((d.groups.count, len(d.groups.groups), "dated groups"))
            groups = {"count": d.groups.count.evidence(), "groups": list(d.groups.groups)}

        def agrees(c, n) -> bool:
            return n <= c.high if d.partial else c.low <= n <= c.high

        failures = [(c, n, what) for c, n, what in checks if not agrees(c, n)]
        evidence = plain({"count": count.evidence(), "items": list(items), "groups": groups,
                          "list_may_be_partial": d.partial, "family": d.family,
                          "compared": [{"stated": c.surface, "found": n, "of": what} for c, n, what in checks]})
        where = [ctx.locate(row.paragraph_id)]
        summary = ", ".join(f"{c.surface} vs {n} {what}" for c, n, what in checks)
        comparison = Comparison(count.value, float(len(items)), "items")
        if failures:
            bad = ", ".join(f"{c.surface} but {n} {what}" for c, n, what in failures)
            yield Hit(f"Count disagrees with its list: {bad}.", where, evidence, key=row.key, comparison=comparison)
        else:
            yield Hit(f"Count matches its list: {summary}.", where, evidence, key=row.key, verified=True,
                      comparison=comparison)
