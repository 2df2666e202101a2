"""How each rule runs on Spark, by what the rule needs to see at once.

    rows      paragraph-local: each Arrow batch of paragraphs is a Context of its own
    articles  article-local: paragraphs grouped so an article is never split
    files     file-local: a file's paragraphs with its decoding record and accounting row
    datasets  SCH001: each dataset split by its unique key, pandera per part
    duplicates DUP: candidates by Spark operators (duplicates.py), confirmed by the rule's code
    driver    anything else: the rule's own function on the collected datasets

A rule missing here runs on the driver: always the same findings, just not
distributed. Moving a rule to a wider strategy is safe; to a narrower one only
when the rule really never looks past that unit (the parity tests check it).
"""
from __future__ import annotations

from checks.rules.base import Rule

PLAN: dict[str, str] = {
    "ENC001": "files",
    "ENC002": "rows",
    "ENC003": "rows",
    "ACC001": "files",
    "SCH001": "datasets",
    "DUP001": "duplicates",
    "DUP002": "duplicates",
    "DUP003": "duplicates",
    "TRN": "articles",  # truncation looks at an article's consecutive paragraphs
    "REP": "articles",  # doublings per paragraph, Gopher statistics per article
    "GRW": "articles",  # growth claims are built inside a paragraph
    "SHR": "articles",  # share groups, likewise
    "CNT": "articles",  # a count and the items it lists
    "TIM": "articles",  # elapsed time against the article's own date
    # CON (one fact stated differently across articles) and PRV (curated tables) stay on the driver
}
STRATEGIES = ("rows", "articles", "files", "datasets", "duplicates", "driver")


def strategy(rule: Rule) -> str:
    """The strategy named for the rule's code, else for its family prefix, else driver."""
    return PLAN.get(rule.code) or PLAN.get(rule.family) or "driver"


def by_strategy(rules: list[Rule]) -> dict[str, list[Rule]]:
    groups: dict[str, list[Rule]] = {name: [] for name in STRATEGIES}
    for rule in rules:
        groups[strategy(rule)].append(rule)
    return groups
