"""The HTML validation report: one self-contained file, every untrusted string escaped."""
from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from checks.engine import RunResult
from checks.surfaces.findings_json import document

_env = Environment(loader=PackageLoader("checks.surfaces", "templates"), autoescape=select_autoescape(default=True))


def render(result: RunResult) -> str:
    doc = document(result)
    paragraphs = result.corpus.paragraphs.set_index("paragraph_id")["text"]
    texts = {}
    for finding in result.findings + result.verified + [f for f, _ in result.accepted]:
        for loc in finding.locations:
            if loc.paragraph_id and loc.paragraph_id in paragraphs.index:
                texts[loc.paragraph_id] = paragraphs[loc.paragraph_id]
    by_category: dict[str, int] = {}
    for finding in result.findings:
        by_category[finding.category] = by_category.get(finding.category, 0) + 1
    return _env.get_template("report.html.j2").render(doc=doc, texts=texts, by_category=sorted(by_category.items()))
