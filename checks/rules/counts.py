"""CNT001: a stated count that disagrees with the items enumerated beside it."""
from __future__ import annotations

from checks.extract.claims import CountClaim, claims_of, plain
from checks.model import Hit
from checks.rules.base import rule


@rule("CNT001", category="count", severity="error", scope="article", dataset="claims",
      title="Stated count disagrees with the items listed")
def count_mismatch(ctx):
    """Flag a count followed by an enumeration of a different number of items.

    ## What it does
    Finds a count immediately followed by 分别为/分别是/包括/： and a list of quoted names, and
    compares the count with the names listed. For a double count such as `2胎3崽，分别为2017年6月
    出生的“香香”和2021年6月出生的“晓晓”“蕾蕾”`, the first count is also compared with the dated
    groups of the list (two births). Counts that agree are listed under `verified`.

    ## Why is this bad
    A count that does not match its own list means an item was dropped or the count is stale.

    ## Example
    共繁育3只幼崽，分别为“香香”“晓晓”。

    ## Use instead
    共繁育2只幼崽，分别为“香香”“晓晓”。
    """
    for row, d in claims_of(ctx, CountClaim):
        count, items = d.count, d.items
        checks = [(count, len(items), "items listed")]
        groups = None
        if d.groups is not None:
            checks.append((d.groups.count, len(d.groups.groups), "dated groups"))
            groups = {"count": d.groups.count.evidence(), "groups": list(d.groups.groups)}
        failures = [(c, n, what) for c, n, what in checks if not (c.low <= n <= c.high)]
        evidence = plain({"count": count.evidence(), "items": list(items), "groups": groups,
                          "compared": [{"stated": c.surface, "found": n, "of": what} for c, n, what in checks]})
        where = [ctx.locate(row.paragraph_id)]
        summary = ", ".join(f"{c.surface} vs {n} {what}" for c, n, what in checks)
        if failures:
            bad = ", ".join(f"{c.surface} but {n} {what}" for c, n, what in failures)
            yield Hit(f"Count disagrees with its list: {bad}.", where, evidence, key=row.key)
        else:
            yield Hit(f"Count matches its list: {summary}.", where, evidence, key=row.key, verified=True)
