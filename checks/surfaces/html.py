"""The HTML validation report: one self-contained file that answers what is wrong, where, and why.

The page is static: summary tables and SVG charts are rendered here (Jinja
autoescapes every string); the findings and the paragraphs they name travel as
gzip'd JSON in base64 inside data blocks (a third of the JSON's size: text
compresses well, and browsers unpack gzip natively with DecompressionStream),
`BLOCK` findings a block, so the first page is shown once the first block is
read, however large the run. A small inline script unpacks them and renders one
page at a time, writing text only through `textContent`, so an article holding
`<script>` shows as text. A Content-Security-Policy allows only that one script
(by hash) and inline styles: nothing can load from another host. The report
reads findings; it never computes them again.
"""
from __future__ import annotations

import base64
import gzip
import hashlib
import json
import math
import re
from collections import Counter
from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape

from checks.engine import RunResult
from checks.rules.base import RULES
from checks.surfaces.charts import bar_chart, scatter_chart
from checks.surfaces.findings_json import _plain, document

_env = Environment(loader=PackageLoader("checks.surfaces", "templates"), autoescape=select_autoescape(default=True))
TOP_ARTICLES = 20
BLOCK = 2000  # findings per data block: the first page waits for the first block only
GZIP_LEVEL = 4  # on 13 MB of report JSON: 3% larger than level 6, in half the time


def _script() -> str:
    return resources.files("checks.surfaces").joinpath("templates/report.js").read_text("utf-8")


def _style() -> str:
    return resources.files("checks.surfaces").joinpath("templates/report.css").read_text("utf-8")


def pack(value) -> str:
    """The value as base64 of gzip'd compact JSON: nothing in it can end its script element, and the same
    value gives the same text (no timestamp in the gzip header)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_plain)
    return base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=GZIP_LEVEL, mtime=0)).decode("ascii")


def unpack(packed: str):
    """What `pack` packed: what the report's script reads."""
    return json.loads(gzip.decompress(base64.b64decode(packed)).decode("utf-8"))


def blocks(page: str) -> list[str]:
    """The packed data blocks of a rendered report, in order."""
    return re.findall(r'<script type="application/octet-stream" class="report-data"[^>]*>([^<]*)</script>', page)


def embedded(page: str) -> dict:
    """Everything a rendered report embeds, its blocks joined: findings, paragraphs, articles, rules."""
    data: dict = {"findings": [], "paragraphs": {}}
    for block in map(unpack, blocks(page)):
        data["findings"] += block.pop("findings")
        data["paragraphs"].update(block.pop("paragraphs"))
        data.update(block)
    return data


def packed_blocks(findings: list[dict], paragraphs: dict[str, dict], first: dict) -> list[str]:
    """`BLOCK` findings a block, each with the paragraphs it names that no earlier block holds; the first
    block also carries `first` (articles, rules, how many findings of each status)."""
    out, sent = [], set()
    for start in range(0, max(len(findings), 1), BLOCK):
        chunk = findings[start:start + BLOCK]
        named = {loc["paragraph_id"] for f in chunk for loc in f["locations"] if loc.get("paragraph_id")}
        fresh = sorted(pid for pid in named - sent if pid in paragraphs)
        sent.update(fresh)
        block = {"findings": chunk, "paragraphs": {pid: paragraphs[pid] for pid in fresh}}
        out.append(pack(dict(block, **first) if start == 0 else block))
    return out


def csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def _paragraphs(result: RunResult, findings: list[dict]) -> dict[str, dict]:
    """Text and place of every paragraph a finding names, each once."""
    wanted = {loc["paragraph_id"] for f in findings for loc in f["locations"] if loc.get("paragraph_id")}
    frame = result.corpus.paragraphs
    rows = frame[frame["paragraph_id"].isin(wanted)]
    return {r.paragraph_id: {"text": r.text, "kind": r.kind, "article": r.article_id}
            for r in rows.itertuples(index=False)}


def _articles(result: RunResult) -> dict[str, str]:
    frame = result.corpus.articles
    return {r.article_id: (r.title or r.column or r.dateline or r.article_id) for r in frame.itertuples(index=False)}


def _articles_of(finding: dict) -> set[str]:
    """Every article a finding involves: a duplicate across two articles counts for both."""
    return {loc["article_id"] for loc in finding["locations"] if loc.get("article_id")}


def _finite(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def stated_vs_computed(findings: list[dict]) -> list[tuple[float, float, str]]:
    """(stated, computed, status) of every finding or verified claim that carries a `comparison`."""
    points = []
    for f in findings:
        comparison = f.get("comparison") or {}
        stated, computed = comparison.get("stated"), comparison.get("computed")
        if _finite(stated) and _finite(computed):
            points.append((float(stated), float(computed), f["_status"]))
    return points


def summary(doc: dict, articles: dict[str, str]) -> dict:
    """Counts of open findings by severity, category, rule, dataset and article."""
    findings = doc["findings"]
    by_article = Counter(a for f in findings for a in _articles_of(f))
    return {
        "severity": [(s, doc["summary"][s]) for s in ("error", "warning", "info")],
        "category": sorted(Counter(f["category"] for f in findings).items()),
        "rule": sorted(Counter(f["check"] for f in findings).items()),
        "dataset": sorted(Counter(f["dataset"] for f in findings).items()),
        "article": [(a, articles.get(a, a), n) for a, n in sorted(by_article.items(), key=lambda x: (-x[1], x[0]))],
    }


def _rows(result: RunResult) -> list[tuple[str, int]]:
    return sorted(result.context.row_counts().items())


def render(result: RunResult, doc: dict | None = None) -> str:
    """The report as one string (`doc`: the run's findings.json document, when already made)."""
    return _template().render(**_page(result, doc or document(result)))


def write(result: RunResult, stream, doc: dict | None = None) -> None:
    """The report into an open text file, a piece at a time: the page is never held whole beside its data."""
    _template().stream(**_page(result, doc or document(result))).dump(stream)


def _template():
    return _env.get_template("report.html.j2")


def _page(result: RunResult, doc: dict) -> dict:
    """What the report's template reads."""
    everything = ([dict(f, _status="open") for f in doc["findings"]]
                  + [dict(f, _status="verified") for f in doc["verified"]]
                  + [dict(f, _status="accepted") for f in doc["accepted"]])
    articles = _articles(result)
    counts = summary(doc, articles)
    first = {
        "articles": articles,
        "rules": {code: {"title": r.title, "why": r.rationale} for code, r in RULES.items()},
        "total": dict(Counter(f["_status"] for f in everything)),
    }
    script = _script()
    checks_run = [(r.code, r.title, r.category, sum(1 for f in doc["findings"] if f["check"] == r.code),
                   sum(1 for f in doc["verified"] if f["check"] == r.code), result.seconds.get(r.code, 0.0))
                  for r in result.rules]
    charts = {
        "category": bar_chart(counts["category"], "Findings per category"),
        "article": bar_chart([(title, n) for _, title, n in counts["article"][:TOP_ARTICLES]],
                             f"Findings per article (top {TOP_ARTICLES})"),
        "claims": scatter_chart(stated_vs_computed(everything), "Stated against computed value"),
    }
    return dict(
        doc=doc, counts=counts, charts=charts, checks_run=checks_run, rows=_rows(result),
        style=_style(), script=script, script_hash=csp_hash(script), data=packed_blocks(everything, _paragraphs(result, everything), first),
        top_articles=TOP_ARTICLES,
    )
