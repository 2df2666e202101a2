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
        doc = findings_json.document(result)  # made once: findings.json and index.html both read it
        with (folder / "findings.json").open("w", encoding="utf-8") as stream:
            findings_json.write(doc, stream)
        (folder / "junit.xml").write_text(junit.render(result), encoding="utf-8")
        with (folder / "index.html").open("w", encoding="utf-8") as stream:
            html.write(result, stream, doc)
        if result.config.data_docs:
            from checks.gx import write_data_docs

            write_data_docs(result, folder)
    except OSError as exc:
        raise UsageError(f"{report_dir}: cannot write reports ({exc.strerror or exc}); pass a writable --report-dir") from None
    return folder
