"""Baselines: findings a team has looked at and accepted, each with a reason.

A run subtracts them: an accepted finding is reported apart and does not fail
the run. An entry that no longer matches any finding is stale and reported, so
the file does not silently rot.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from checks.errors import ConfigError
from checks.model import Finding

VERSION = 1


@dataclass(frozen=True)
class Entry:
    id: str
    check: str
    message: str
    reason: str
    where: str = ""


def load(path: str) -> dict[str, Entry]:
    file = Path(path)
    if not file.is_file():
        raise ConfigError(f"{path}: baseline file not found; create it with `checks baseline`")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: baseline is not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("accepted"), list):
        raise ConfigError(f"{path}: baseline must be an object with an 'accepted' list")
    entries: dict[str, Entry] = {}
    for i, raw in enumerate(data["accepted"]):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            raise ConfigError(f"{path}: accepted[{i}] needs an 'id' string")
        reason = raw.get("reason", "")
        if not isinstance(reason, str):
            raise ConfigError(f"{path}: accepted[{i}].reason must be a string")
        entries[raw["id"]] = Entry(raw["id"], str(raw.get("check", "")), str(raw.get("message", "")), reason,
                                   str(raw.get("where", "")))
    return entries


def where(finding: Finding) -> str:
    """file:line of a finding's first place, so a person editing the baseline can look it up."""
    if not finding.locations:
        return ""
    loc = finding.locations[0]
    return f"{loc.file}:{loc.line_start}"


def write(path: str, findings: list[Finding], previous: dict[str, Entry] | None = None) -> int:
    """Write every finding as accepted, keeping reasons already given; return how many."""
    previous = previous or {}
    accepted = [
        {"id": f.id, "check": f.check, "where": where(f), "message": f.message,
         "reason": previous[f.id].reason if f.id in previous else ""}
        for f in findings
    ]
    body = {"version": VERSION, "accepted": accepted}
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write baseline ({exc.strerror or exc})") from None
    return len(accepted)


def split(findings: list[Finding], entries: dict[str, Entry], checks_run: set[str] | None = None,
          ) -> tuple[list[Finding], list[tuple[Finding, Entry]], list[Entry]]:
    """New findings, accepted ones with their entries, and stale entries.

    An entry is stale only when its check ran (`checks_run`, all when None): a run
    narrowed with --select says nothing about the findings of other checks.
    """
    fresh, accepted = [], []
    seen = set()
    for finding in findings:
        entry = entries.get(finding.id)
        if entry is None:
            fresh.append(finding)
        else:
            accepted.append((finding, entry))
            seen.add(finding.id)
    stale = [e for i, e in entries.items()
             if i not in seen and (checks_run is None or not e.check or e.check in checks_run)]
    return fresh, accepted, stale
