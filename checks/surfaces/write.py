"""Write every report of a run into the report folder."""
from __future__ import annotations

from pathlib import Path

from checks.engine import RunResult
from checks.errors import UsageError
from checks.surfaces import findings_json, html, junit


def write_reports(result: RunResult, report_dir: str) -> Path:
    """findings.json, junit.xml, index.html, and (with `--data-docs` or `data-docs = true`) the GX Data Docs under gx/."""
    folder = Path(report_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        outputs = {
            "findings.json": findings_json.render(result),
            "junit.xml": junit.render(result),
            "index.html": html.render(result),
        }
        for name, text in outputs.items():
            (folder / name).write_text(text, encoding="utf-8")
        if result.config.data_docs:
            from checks.gx import write_data_docs

            write_data_docs(result, folder)
    except OSError as exc:
        raise UsageError(f"{report_dir}: cannot write reports ({exc.strerror or exc}); pass a writable --report-dir") from None
    return folder
