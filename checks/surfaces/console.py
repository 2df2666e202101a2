"""What `checks run` prints on stdout: a summary, or GitHub workflow annotations."""
from __future__ import annotations

from pathlib import Path

import click

from checks.engine import RunResult

MAX_LINES = 50


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _annotation(level: str, message: str, title: str, loc=None) -> str:
    props = []
    if loc is not None and loc.file:
        props += [f"file={_escape_property(loc.file)}", f"line={max(loc.line_start, 1)}",
                  f"endLine={max(loc.line_end, loc.line_start, 1)}"]
    props.append(f"title={_escape_property(title)}")
    return f"::{level} {','.join(props)}::{_escape_data(message)}"


def _record(loc) -> str:
    """A place in a table named by its record and field (` (row 12, column body)`); nothing for a page."""
    if loc is None or loc.row is None:
        return ""
    return f" (row {loc.row}" + (f", column {loc.column})" if loc.column else ")")


def github_lines(result: RunResult) -> list[str]:
    """One workflow command per finding at its first place; every other place gets a notice pointing back.

    Accepted findings are not annotated (they are reviewed); stale baseline entries
    get a warning without a place, so the file is cleaned up.
    """
    lines = []
    for f in result.findings:
        title = f"{f.check} {f.category}"
        first = f.locations[0] if f.locations else None
        lines.append(_annotation(LEVEL[f.severity], f"{f.message}{_record(first)} [{f.id}]", title, first))
        for loc in f.locations[1:]:
            if loc.file and (loc.file, loc.line_start) != (first.file, first.line_start):
                lines.append(_annotation("notice", f"also involved in {f.check} at {first.file}:{first.line_start}"
                                         f"{_record(first)}: {f.message} [{f.id}]", title, loc))
    for entry in result.stale:
        lines.append(_annotation("warning", f"baseline entry {entry.id} ({entry.check}) matches no finding any more; "
                                 "remove it from the baseline", "stale baseline entry"))
    return lines


def place_text(finding) -> str:
    if not finding.locations:
        return "-"
    first = finding.locations[0]
    return f"{first.file}:{first.line_start}{_record(first)}"


def baseline_lines(result: RunResult) -> list[str]:
    """The accepted findings with their reasons, and the stale entries, apart from the new findings."""
    lines = []
    if result.accepted:
        lines.append(f"accepted by the baseline ({len(result.accepted)}):")
        for f, entry in result.accepted[:MAX_LINES]:
            reason = entry.reason.strip() or "(no reason given)"
            lines.append(f"  {place_text(f)}: {f.check} {f.message} -- {reason}")
        if len(result.accepted) > MAX_LINES:
            lines.append(f"  ... and {len(result.accepted) - MAX_LINES} more in findings.json")
    if result.stale:
        lines.append(f"stale baseline entries, no longer found ({len(result.stale)}); remove them:")
        for entry in result.stale[:MAX_LINES]:
            lines.append(f"  {entry.id} {entry.check} {entry.where} {entry.message}".rstrip())
    return lines


def print_result(result: RunResult, folder: Path, output_format: str) -> None:
    if output_format == "github":
        for line in github_lines(result):
            click.echo(line)
    elif output_format == "text":
        for f in result.findings[:MAX_LINES]:
            click.echo(f"{place_text(f)}: {f.severity} {f.check} {f.message}")
        if len(result.findings) > MAX_LINES:
            click.echo(f"... and {len(result.findings) - MAX_LINES} more in {folder / 'index.html'}")
        for line in baseline_lines(result):
            click.echo(line)
    counts = result.counts()
    acc = result.corpus.accounting
    click.echo(
        f"{int(acc['lines'].sum())} lines in, {len(result.corpus.paragraphs)} paragraphs, "
        f"{len(result.corpus.articles)} articles; "
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info, "
        f"{counts['verified']} claim(s) verified"
        + (f", {len(result.accepted)} accepted by baseline" if result.accepted else "")
        + (f", {len(result.stale)} stale baseline entr{'y' if len(result.stale) == 1 else 'ies'}" if result.stale else "")
        + f"; reports in {folder}/"
    )
