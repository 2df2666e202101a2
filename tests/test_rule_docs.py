"""Every rule's documentation runs: its `## Example` gives its finding and its `## Use instead` does not."""
from __future__ import annotations

import pytest

from checks.datasets import load_plugins
from checks.rules.base import RULES
from checks.rules.examples import blocks, findings_of

load_plugins()
CODES = sorted(RULES)


@pytest.mark.parametrize("code", CODES)
def test_the_example_gives_the_finding(code, tmp_path):
    found = findings_of(RULES[code], "Example", tmp_path)
    assert found is not None, f"{code}: its ## Example has no input block"
    assert found, f"{code}: its ## Example gives no finding"


@pytest.mark.parametrize("code", CODES)
def test_what_to_use_instead_gives_no_finding(code, tmp_path):
    found = findings_of(RULES[code], "Use instead", tmp_path)
    assert found is not None, f"{code}: its ## Use instead has no input block"
    assert found == [], f"{code}: its ## Use instead still gives {[f.message for f in found]}"


def test_escaped_blocks_give_raw_bytes():
    rule = RULES["ENC001"]
    [page] = [b for b in blocks(rule, "Example") if b.kind == "page"]
    assert b"\xe5\x8f" in page.raw() and page.escaped


def test_the_rules_page_is_generated_from_the_registry():
    """checks/rules/RULES.md is what `checks docs` writes: regenerate it when a rule changes."""
    from pathlib import Path

    from checks.rules.docs import rules_page

    page = Path(__file__).resolve().parent.parent / "checks" / "rules" / "RULES.md"
    assert page.read_text(encoding="utf-8") == rules_page(), "run `checks docs -o checks/rules/RULES.md`"


def test_options_are_documented_from_the_rule_itself():
    from checks.rules.docs import rule_page

    page = rule_page(RULES["DUP002"])
    assert "## Options" in page and "[tool.checks.rules.DUP002]" in page
    for name in RULES["DUP002"].options:
        assert f"`{name}`" in page
    assert "## Options" not in rule_page(RULES["ENC002"])  # a rule without options says nothing about them


def test_the_readme_example_rule_works_as_written(tmp_path):
    """The README's "Adding a rule" block, executed: it registers, its example gives its finding, its fix not."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Adding a rule"):]
    code = re.search(r"~~~python\n(.*?)~~~", section, re.S).group(1)
    before = set(RULES)
    exec(compile(code, "README.md", "exec"), {})
    [added] = set(RULES) - before
    try:
        assert findings_of(RULES[added], "Example", tmp_path / "bad")
        assert findings_of(RULES[added], "Use instead", tmp_path / "good") == []
    finally:
        del RULES[added]
