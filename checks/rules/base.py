"""The rule registry: each rule is one function over datasets plus its documentation.

A rule's docstring carries four sections, in the manner of a lint rule's page:
`## What it does`, `## Why is this bad`, `## Example`, `## Use instead`.
`checks explain CODE` prints it, and every surface runs the same function.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

from checks.model import CATEGORIES, SEVERITIES, Hit

if TYPE_CHECKING:
    from checks.context import Context

RuleFunc = Callable[["Context"], Iterable[Hit]]
DOC_SECTIONS = ("What it does", "Why is this bad", "Example", "Use instead")

# What a rule must see at once, narrowest first. An engine may hand the rule's function any piece of
# the run that holds whole units of its scope, and the findings must be the same as over the whole run:
#   paragraph  any batch of paragraphs (each paragraph is judged alone)
#   article    whole articles: all of an article's paragraphs, and its row of `articles`
#   file       whole files: their paragraphs, decoding record and `accounting` rows
#   dataset    whole datasets, one at a time (a schema's uniqueness spans the dataset)
#   corpus     everything of the run at once (copies across files, one fact stated in two articles)
SCOPES = ("paragraph", "article", "file", "dataset", "corpus")


@dataclass(frozen=True)
class Rule:
    code: str
    category: str
    severity: str
    scope: str
    dataset: str
    title: str
    func: RuleFunc
    doc: str
    options: dict = field(default_factory=dict)
    # Raises ConfigError for option values the rule cannot run with; called before any work.
    check_options: Callable[[dict], None] | None = None

    @property
    def family(self) -> str:
        return re.match(r"[A-Z]+", self.code).group(0)

    def section(self, name: str) -> str:
        """One documentation section's text, e.g. 'Why is this bad'."""
        match = re.search(rf"^## {re.escape(name)}\s*\n(.*?)(?=^## |\Z)", self.doc, re.M | re.S)
        return match.group(1).strip() if match else ""

    @property
    def rationale(self) -> str:
        return self.section("Why is this bad")


RULES: dict[str, Rule] = {}


def _dedent(doc: str) -> str:
    lines = doc.expandtabs().splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    cut = min(indents) if indents else 0
    return "\n".join([lines[0].strip()] + [line[cut:] for line in lines[1:]]).strip()


def rule(code: str, *, category: str, severity: str, scope: str, dataset: str, title: str,
         options: dict | None = None, check_options: Callable[[dict], None] | None = None):
    """Register a rule function under `code`; its docstring must hold the four sections.

    `scope` (one of SCOPES) says what the function must see at once; engines rely on it to split a run.
    `check_options(options)` raises ConfigError for settings the rule cannot run with, before any work.
    """
    if not re.fullmatch(r"[A-Z]{2,5}\d{3}", code):
        raise ValueError(f"bad rule code {code!r}")
    if category not in CATEGORIES or severity not in SEVERITIES:
        raise ValueError(f"{code}: bad category or severity")
    if scope not in SCOPES:
        raise ValueError(f"{code}: scope must be one of {', '.join(SCOPES)}, not {scope!r}")

    def register(func: RuleFunc) -> RuleFunc:
        doc = _dedent(func.__doc__ or "")
        missing = [s for s in DOC_SECTIONS if f"## {s}" not in doc]
        if missing:
            raise ValueError(f"{code}: docstring lacks sections {missing}")
        if code in RULES:
            raise ValueError(f"rule {code} registered twice")
        RULES[code] = Rule(code, category, severity, scope, dataset, title, func, doc, dict(options or {}),
                           check_options)
        return func

    return register


def select_rules(select: list[str], ignore: list[str]) -> list[Rule]:
    """Rules whose code starts with a selected prefix and with no ignored prefix, by code."""
    chosen = []
    for code in sorted(RULES):
        if select and not any(code.startswith(p) for p in select):
            continue
        if any(code.startswith(p) for p in ignore):
            continue
        chosen.append(RULES[code])
    return chosen
