"""The rules' documentation, generated from the registry: `checks explain CODE` prints one rule's page and
`checks docs` the page of every rule (checks/rules/RULES.md is that page, kept current by a test)."""
from __future__ import annotations

from checks.rules.base import RULES, Rule


def options_section(rule: Rule) -> str:
    """`## Options`, from the rule's own defaults: what can be set under [tool.checks.rules.CODE]."""
    if not rule.options:
        return ""
    lines = ["## Options", f"Set under `[tool.checks.rules.{rule.code}]`:", ""]
    for name, default in sorted(rule.options.items()):
        lines.append(f"- `{name}` ({type(default).__name__}, default `{default!r}`)")
    return "\n".join(lines)


def rule_page(rule: Rule, heading: str = "#") -> str:
    """One rule's page: title, facts, its four documentation sections and its options."""
    summary, _, body = rule.doc.partition("\n")
    facts = (f"category `{rule.category}` · default severity `{rule.severity}` · scope `{rule.scope}` · "
             f"dataset `{rule.dataset}`")
    parts = [f"{heading} {rule.code}: {rule.title}", facts, summary.strip()]
    parts.append(body.strip().replace("\n## ", f"\n{heading}## ") if heading != "#" else body.strip())
    options = options_section(rule)
    if options:
        parts.append(options.replace("## ", f"{heading}## ", 1) if heading != "#" else options)
    return "\n\n".join(p for p in parts if p) + "\n"


def rules_page() -> str:
    """Every rule's page, by code, under one index."""
    codes = sorted(RULES)
    index = ["# Rules", "", "Generated from the rule registry by `checks docs`; `checks explain CODE` prints one rule.",
             "Each rule's `Example` and `Use instead` are inputs the tests run: the example gives the finding, "
             "the fix does not.", "", "| code | category | severity | scope | title |", "| --- | --- | --- | --- | --- |"]
    index += [f"| [{c}](#{c.lower()}) | {RULES[c].category} | {RULES[c].severity} | {RULES[c].scope} | {RULES[c].title} |"
              for c in codes]
    return "\n".join(index) + "\n\n" + "\n".join(rule_page(RULES[c], "##") for c in codes)
