"""Every phrasing family of every claim table: its examples are recognised through it, its counter-examples
give no claim of its type (the tables are what `checks explain` lists, so this is what the rules promise)."""
from __future__ import annotations

import pytest

from checks.extract.claims import CountClaim, ElapsedClaim, GrowthClaim, PeriodClaim, ShareClaim, paragraph_claims
from checks.extract.claims import counts, elapsed, growth, shares

CASES = [(module, table, family) for module in (growth, shares, counts, elapsed) for table in module.TABLES
         for family in table.families]


def _through(claim, family_name: str) -> bool:
    """Whether the claim was recognised through the family (its name is in the claim's own account)."""
    if isinstance(claim, GrowthClaim):
        return f"«{family_name}»" in claim.order
    if isinstance(claim, ShareClaim):
        return any(p.family == family_name for p in claim.parts)
    if isinstance(claim, CountClaim):
        return claim.family == family_name
    return isinstance(claim, (ElapsedClaim, PeriodClaim))


_TYPES = {growth: (GrowthClaim,), shares: (ShareClaim,), counts: (CountClaim,), elapsed: (ElapsedClaim, PeriodClaim)}


@pytest.mark.parametrize("module,table,family", CASES,
                         ids=[f"{t.claim_type}-{t.lang}-{f.name}" for _, t, f in CASES])
def test_examples_are_recognised_and_counter_examples_are_not(module, table, family):
    for example in family.examples:
        found = [c for c in paragraph_claims(example) if isinstance(c, _TYPES[module])]
        assert any(_through(c, family.name) for c in found), (example, found)
    for counter in family.counter:
        found = [c for c in paragraph_claims(counter) if isinstance(c, _TYPES[module])]
        assert not found or module is shares and not any(c.exclusive for c in found), (counter, found)


def test_most_families_carry_examples():
    with_examples = [f for _, _, f in CASES if f.examples]
    assert len(with_examples) >= 0.7 * len(CASES)
