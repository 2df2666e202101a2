"""The HTML report without a browser: self-contained, safe embedding, the CSP admits exactly our script,
the summary counts, deterministic output, and the size at 10,000 findings."""
from __future__ import annotations

import json
import re

import pytest

from checks.config import Config
from checks.engine import execute
from checks.model import Comparison, Finding
from checks.surfaces import html as report
from checks.surfaces.charts import bar_chart, scatter_chart


@pytest.fixture(scope="module")
def seed_html(seed_result):
    return report.render(seed_result)


def _data(page: str) -> dict:
    return report.embedded(page)


def test_embedded_data_cannot_end_its_script_element():
    hostile = {"text": "</script><script>alert(1)</script><!-- x --> \u2028"}
    packed = report.pack(hostile)
    assert re.fullmatch(r"[A-Za-z0-9+/]+=*", packed)
    assert report.unpack(packed) == hostile
    assert report.pack(hostile) == packed  # no timestamp in the gzip header


def test_embedded_data_is_compressed(seed_result, seed_html):
    (block,) = report.blocks(seed_html)
    plain = json.dumps(_data(seed_html), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert len(block) < len(plain) / 2


def test_report_is_self_contained_and_its_csp_admits_only_its_script(seed_html):
    assert not re.search(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=', seed_html)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', seed_html).group(1)
    assert "default-src 'none'" in csp and "unsafe-eval" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", seed_html, re.S)
    assert len(scripts) == 1 and f"'{report.csp_hash(scripts[0])}'" in csp


def test_embedded_findings_and_context_match_findings_json(seed_result, seed_html):
    data = _data(seed_html)
    statuses = [f["_status"] for f in data["findings"]]
    assert statuses.count("open") == len(seed_result.findings)
    assert statuses.count("verified") == len(seed_result.verified)
    named = {loc.paragraph_id for f in seed_result.findings + seed_result.verified for loc in f.locations if loc.paragraph_id}
    text = seed_result.corpus.paragraphs.set_index("paragraph_id")["text"]
    assert set(data["paragraphs"]) == named & set(text.index)
    assert all(data["paragraphs"][p]["text"] == text[p] for p in data["paragraphs"])


def test_summary_counts_each_article_a_finding_involves(seed_result, seed_html):
    counts = report.summary({"findings": [f.to_json() for f in seed_result.findings],
                             "summary": seed_result.counts()}, {})
    per_article = {a: n for a, _, n in counts["article"]}
    for article, n in per_article.items():
        assert n == sum(any(l.article_id == article for l in f.locations) for f in seed_result.findings)
    assert sum(n for _, n in counts["category"]) == len(seed_result.findings)
    for sev, n in counts["severity"]:
        assert f'<span class="n">{n}</span> {sev}' in seed_html


def test_same_input_same_report(seed_result, seed_html):
    again = report.render(seed_result)
    stamp = re.compile(r"generated (\S+)|\"generated_at\":\"[^\"]+\"")
    assert stamp.sub("", again) == stamp.sub("", seed_html)


def _claim(status: str, comparison: Comparison | None, evidence: dict | None = None) -> dict:
    finding = Finding("GRW001-x", "GRW001", "growth", "error", "claims", "growth claim", [], evidence or {},
                      comparison=comparison)
    return dict(finding.to_json(), _status=status)


def test_the_chart_draws_each_findings_comparison():
    findings = [
        _claim("verified", Comparison(70.0, 69.5, "years")),
        _claim("open", Comparison(12.5, 20.0, "%")),
        _claim("open", None, {"stated": 300.0, "computed": 299.0}),  # evidence keys are not guessed at
        _claim("open", Comparison(1.0, float("inf"))),  # nothing to place
    ]
    assert report.stated_vs_computed(findings) == [(70.0, 69.5, "verified"), (12.5, 20.0, "open")]
    chart = scatter_chart(report.stated_vs_computed(findings), "t")
    assert chart.count("<circle") == 2
    assert scatter_chart([(1.0, 1.0, "open")], "one dot") == ""


def test_findings_json_carries_comparison_as_its_schema_says():
    jsonschema = pytest.importorskip("jsonschema")
    from checks.surfaces.findings_json import schema

    finding = _claim("open", Comparison(20.0, 50.0, "%"))
    finding.pop("_status")
    assert finding["comparison"] == {"stated": 20.0, "computed": 50.0, "unit": "%"}
    validator = jsonschema.Draft202012Validator(schema())

    def doc(f):
        return {"schema_version": 1, "tool": {"name": "checks", "version": "0"}, "inputs": [],
                "summary": {"error": 1, "warning": 0, "info": 0, "verified": 0}, "findings": [f], "verified": []}

    validator.validate(doc(finding))
    assert not validator.is_valid(doc(dict(finding, comparison={"stated": "20%"})))
    assert not validator.is_valid(doc(dict(finding, comparison={"stated": 20.0})))


def test_chart_labels_are_escaped():
    chart = str(bar_chart([("<script>x</script>", 3), ("甲", 1)], "<b>"))
    assert "<script>" not in chart and "&lt;script&gt;" in chart and chart.count("<rect") == 2
    assert bar_chart([], "empty") == ""


def test_ten_thousand_findings_stay_under_ten_megabytes(tmp_path):
    from checks.bench.report import generate_corpus

    generate_corpus(tmp_path / "corpus", 10_000)
    result = execute([str(tmp_path / "corpus")], Config(select=["ENC"]))
    assert len(result.findings) >= 10_000
    page = report.render(result)
    assert len(page.encode("utf-8")) < 10 * 1024 * 1024
    data = _data(page)
    assert [f["id"] for f in data["findings"]] == [f.id for f in result.findings + result.verified]
    named = {loc.paragraph_id for f in result.findings for loc in f.locations if loc.paragraph_id}
    assert set(data["paragraphs"]) == named
    blocks = [report.unpack(b) for b in report.blocks(page)]
    assert len(blocks) == -(-len(data["findings"]) // report.BLOCK) and "articles" in blocks[0]
    sent = [set(b["paragraphs"]) for b in blocks]
    assert sum(map(len, sent)) == len(set().union(*sent))  # each paragraph travels once
    for block in blocks:  # ... in the first block that names it
        named = {l["paragraph_id"] for f in block["findings"] for l in f["locations"] if l.get("paragraph_id")}
        assert set(block["paragraphs"]) <= named
