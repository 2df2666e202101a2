"""The records every room of the pipeline shares: locations, hits and findings."""
from __future__ import annotations

from dataclasses import dataclass, field

from checks.vocab import ids

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
CATEGORIES = (
    "duplicate", "truncation", "repetition", "growth", "share", "contradiction",
    "time", "count", "schema", "provenance", "encoding",
)


@dataclass(frozen=True)
class Location:
    """A place in a raw or curated file: 1-based inclusive lines, and the rows it belongs to."""

    file: str
    line_start: int
    line_end: int
    article_id: str = ""
    paragraph_id: str = ""

    def key(self) -> str:
        """What identifies the place independently of the file's name."""
        return self.paragraph_id or f"{self.file}:{self.line_start}-{self.line_end}"

    def to_json(self) -> dict:
        return {
            "file": self.file, "line_start": self.line_start, "line_end": self.line_end,
            "article_id": self.article_id, "paragraph_id": self.paragraph_id,
        }


@dataclass
class Hit:
    """What a rule reports: a problem it found, or (verified=True) a claim it checked and found to hold."""

    message: str
    locations: list[Location]
    evidence: dict = field(default_factory=dict)
    key: str = ""  # tells apart two hits of one rule at the same places
    severity: str | None = None  # overrides the rule's default when set
    verified: bool = False


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

    def to_json(self) -> dict:
        return {
            "id": self.id, "check": self.check, "category": self.category, "severity": self.severity,
            "dataset": self.dataset, "message": self.message,
            "locations": [loc.to_json() for loc in self.locations], "evidence": self.evidence,
        }

    def sort_key(self) -> tuple:
        first = self.locations[0] if self.locations else Location("", 0, 0)
        return (SEVERITY_RANK.get(self.severity, 9), self.check, first.file, first.line_start, self.id)


def finding_id(check: str, locations: list[Location], key: str) -> str:
    """A short id that depends only on the check, the places' identities and the hit's key."""
    return ids.finding_id(check, [loc.key() for loc in locations], key)
