"""Phrasing families as data: how news states each part of a claim, one table per language and claim type.

A family is a pattern over the words just before (or just after) a number, what those words tell about
the number (a start value, an end value, a change going up ...), and sentences that show it. The
examples are run as tests: each must be recognised through its family, and each counter-example must
give no claim. `checks explain` lists the families of a rule from these same tables.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Family:
    """One phrasing: `before` must match the text just before the number (anchored at its end), `after`
    the text just after it (anchored at its start); `tells` is what the words say about the number.
    `not_after`: words that must not come just before the words of `before` (checked once a match is found,
    which is cheaper than lookbehinds tried at every place of every lead)."""

    name: str
    tells: str
    before: str = ""
    after: str = ""
    examples: tuple[str, ...] = ()
    counter: tuple[str, ...] = ()
    not_after: str = ""
    _before: re.Pattern | None = field(default=None, compare=False, repr=False)
    _after: re.Pattern | None = field(default=None, compare=False, repr=False)
    _not_after: re.Pattern | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "_before", re.compile(f"(?:{self.before})$", re.I) if self.before else None)
        object.__setattr__(self, "_after", re.compile(self.after, re.I) if self.after else None)
        object.__setattr__(self, "_not_after", re.compile(f"(?:{self.not_after})$") if self.not_after else None)

    def search_before(self, lead: str) -> re.Match | None:
        if self._before is None:
            return None
        found = self._before.search(lead)
        while found is not None and self._not_after is not None and self._not_after.search(lead, 0, found.start()):
            found = self._before.search(lead, found.start() + 1)
        return found

    def match_after(self, tail: str) -> re.Match | None:
        return self._after.match(tail) if self._after is not None else None


@dataclass(frozen=True)
class Table:
    """The families of one claim type in one language, in the order they are tried."""

    claim_type: str
    lang: str
    families: tuple[Family, ...]
    _any: re.Pattern | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        befores = [re.sub(r"\(\?P<\w+>", "(?:", f.before) for f in self.families if f.before]
        union = "|".join(f"(?:{b})" for b in befores)
        object.__setattr__(self, "_any", re.compile(f"(?:{union})$", re.I) if befores else None)

    def any_before(self, lead: str) -> bool:
        """Whether any family's words end the lead: one search that most numbers fail, before the per-family ones."""
        return self._any is not None and self._any.search(lead) is not None


def closest(families: tuple[Family, ...], lead: str) -> tuple[Family, re.Match] | None:
    """The family whose words end nearest the number (the nearer marker wins: 从100亿元增长到150亿元);
    among equals, the first in the table."""
    best = None
    for family in families:
        m = family.search_before(lead)
        if m is not None and (best is None or m.start() > best[1].start()):
            best = (family, m)
    return best


def describe(tables: list[Table]) -> str:
    """A rule documentation section listing the families of its tables, with one example each."""
    lines = ["## What it recognises", ""]
    for table in tables:
        lines.append(f"{table.claim_type}, {'Chinese' if table.lang == 'zh' else 'English'}:")
        for f in table.families:
            example = f" (e.g. {f.examples[0]})" if f.examples else ""
            lines.append(f"- {f.name}: {f.tells}{example}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def documented(tables: list[Table]):
    """Append the families of `tables` to a rule's docstring (as its `## What it recognises` section)."""
    def add(func):
        func.__doc__ = (func.__doc__ or "").rstrip() + "\n\n" + textwrap.indent(describe(tables), "    ")
        return func
    return add
