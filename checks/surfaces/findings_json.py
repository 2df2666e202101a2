"""findings.json, as CONTRACT.md (beside this module) describes it."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from importlib import resources

from checks import __version__
from checks.engine import RunResult

SCHEMA_VERSION = 1


def document(result: RunResult) -> dict:
    accepted = []
    for finding, entry in result.accepted:
        item = finding.to_json()
        item["reason"] = entry.reason
        accepted.append(item)
    summary = result.counts()
    summary["accepted"] = len(result.accepted)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "checks", "version": __version__},
        "generated_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "inputs": [{"file": f.name, "sha256": f.sha256, "lines": f.lines, "encoding": f.encoding}
                   for f in result.corpus.files],
        "summary": summary,
        "findings": [f.to_json() for f in result.findings],
        "verified": [f.to_json() for f in result.verified],
        "accepted": accepted,
        "stale_baseline": [{"id": e.id, "check": e.check, "message": e.message, "reason": e.reason}
                           for e in result.stale],
        "accounting": result.corpus.accounting.to_dict(orient="records"),
        "checks_run": [r.code for r in result.rules],
    }


def render(result: RunResult) -> str:
    return json.dumps(document(result), ensure_ascii=False, indent=2, default=_plain) + "\n"


def write(doc: dict, stream, pieces: int = 1 << 16) -> None:
    """`doc` as findings.json (the text `render` gives) into an open text file, `pieces` of the encoder's
    output at a time: a large run's file is never held whole as one string, nor as the list of its pieces."""
    buffer: list[str] = []
    for piece in json.JSONEncoder(ensure_ascii=False, indent=2, default=_plain).iterencode(doc):
        buffer.append(piece)
        if len(buffer) >= pieces:
            stream.write("".join(buffer))
            buffer.clear()
    stream.write("".join(buffer) + "\n")


def _plain(value):
    """numpy scalars and other simple values that json does not know."""
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def schema() -> dict:
    """The JSON Schema of findings.json, shipped inside the package."""
    return json.loads(resources.files("checks.surfaces").joinpath("findings.schema.json").read_text("utf-8"))
