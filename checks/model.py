"""The records every room of the pipeline shares: locations, hits and findings."""
from __future__ import annotations

from dataclasses import dataclass, field

from checks.vocab import ids

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def fails_run(severity: str, fail_on: str) -> bool:
    """Whether a finding of this severity fails a run with `--fail-on fail_on` (error, warning, info, never)."""
    return fail_on != "never" and SEVERITY_RANK[severity] <= SEVERITY_RANK[fail_on]
CATEGORIES = (
    "duplicate", "truncation", "repetition", "growth", "share", "contradiction",
    "time", "count", "schema", "provenance", "encoding",
)


@dataclass(frozen=True)
class Location:
    """A place in a raw or curated file: 1-based inclusive lines, and the rows it belongs to.

    A place in a table (.jsonl, CSV, Parquet, a DataFrame) also names its record (`row`, 0-based)
    and the field holding the text (`column`); both are None for a page of text.
    """

    file: str
    line_start: int
    line_end: int
    article_id: str = ""
    paragraph_id: str = ""
    row: int | None = None
    column: str | None = None

    def key(self) -> str:
        """What identifies the place independently of the file's name."""
        return self.paragraph_id or f"{self.file}:{self.line_start}-{self.line_end}"

    def to_json(self) -> dict:
        out = {
            "file": self.file, "line_start": self.line_start, "line_end": self.line_end,
            "article_id": self.article_id, "paragraph_id": self.paragraph_id,
        }
        if self.row is not None:
            out["row"] = self.row
        if self.column is not None:
            out["column"] = self.column
        return out


@dataclass(frozen=True)
class Comparison:
    """A stated figure beside the one its own values give (a growth rate, a sum of shares, years elapsed):
    what the report plots, as a typed field rather than a key guessed in the evidence."""

    stated: float
    computed: float
    unit: str = ""

    def to_json(self) -> dict:
        return {"stated": self.stated, "computed": self.computed, "unit": self.unit}


@dataclass
class Hit:
    """What a rule reports: a problem it found, or (verified=True) a claim it checked and found to hold."""

    message: str
    locations: list[Location]
    evidence: dict = field(default_factory=dict)
    key: str = ""  # tells apart two hits of one rule at the same places
    severity: str | None = None  # overrides the rule's default when set
    verified: bool = False
    comparison: Comparison | None = None


@dataclass
class Finding:
    id: str
    check: str
    category: str
    severity: str
    dataset: str
    message: str
    locations: list[Location]
    evidence: dict
    comparison: Comparison | None = None

    def to_json(self) -> dict:
        out = {
            "id": self.id, "check": self.check, "category": self.category, "severity": self.severity,
            "dataset": self.dataset, "message": self.message,
            "locations": [loc.to_json() for loc in self.locations], "evidence": self.evidence,
        }
        if self.comparison is not None:
            out["comparison"] = self.comparison.to_json()
        return out

    def sort_key(self) -> tuple:
        first = self.locations[0] if self.locations else Location("", 0, 0)
        return (SEVERITY_RANK.get(self.severity, 9), self.check, first.file, first.line_start, self.id)


def finding_id(check: str, locations: list[Location], key: str) -> str:
    """A short id that depends only on the check, the places' identities and the hit's key."""
    return ids.finding_id(check, [loc.key() for loc in locations], key)
