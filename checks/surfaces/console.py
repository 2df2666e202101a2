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


def github_lines(result: RunResult) -> list[str]:
    """One workflow command per finding, pointing at its first location."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for f in result.findings:
        props = []
        if f.locations:
            loc = f.locations[0]
            props += [f"file={_escape_property(loc.file)}", f"line={loc.line_start}", f"endLine={loc.line_end}"]
        props.append(f"title={_escape_property(f.check + ' ' + f.category)}")
        lines.append(f"::{level[f.severity]} {','.join(props)}::{_escape_data(f.message + ' [' + f.id + ']')}")
    return lines


def print_result(result: RunResult, folder: Path, output_format: str) -> None:
    if output_format == "github":
        for line in github_lines(result):
            click.echo(line)
    elif output_format == "text":
        for f in result.findings[:MAX_LINES]:
            where = f"{f.locations[0].file}:{f.locations[0].line_start}" if f.locations else "-"
            click.echo(f"{where}: {f.severity} {f.check} {f.message}")
        if len(result.findings) > MAX_LINES:
            click.echo(f"... and {len(result.findings) - MAX_LINES} more in {folder / 'index.html'}")
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
