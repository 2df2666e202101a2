"""The Great Expectations surface: suites from the pandera models, rule expectations built from the run's
findings (severity and baseline honoured, no rule run again), a real Checkpoint's results in Data Docs, a site
that loads nothing from another host, and Data Docs written only when asked."""
from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checks.config import Config
from checks.engine import execute
from checks.gx import offline
from checks import baseline as baseline_file
from checks.gx.expectations import GX_SEVERITY, rule_targets
from checks.gx.site import rule_expectations, write_data_docs
from checks.rules.base import RULES
from checks.gx.suites import schema_expectations
from checks.schemas import ParagraphsModel
from checks.surfaces.write import write_reports

PAGE = ("测试标题甲\n\n新华社北京1月2日电 第一段正文\x01<img src=x onerror=alert(1)>有控制字符。\n\n第二段正文写完了。\n\n"
        "第三段有乱码â€™在这里。\n\n第二段正文写完了。\n")


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gx")
    page = folder / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = execute([str(page)], Config())
    index = write_data_docs(result, folder / "reports")
    return result, index


def test_schema_expectations_follow_the_pandera_model():
    found = {(type(e).__name__, getattr(e, "column", None)) for e in schema_expectations(ParagraphsModel)}
    assert ("ExpectColumnValuesToBeUnique", "paragraph_id") in found
    assert ("ExpectColumnValuesToMatchRegex", "paragraph_id") in found
    assert ("ExpectColumnValuesToBeInSet", "kind") in found
    assert ("ExpectColumnValuesToBeBetween", "line_start") in found
    assert ("ExpectColumnValueLengthsToBeBetween", "text") in found
    assert ("ExpectTableColumnsToMatchSet", None) in found


def _validation_pages(index: Path, dataset: str) -> list[Path]:
    return sorted((index.parent / "validations" / dataset).rglob("*.html"))


def test_every_dataset_has_a_suite_and_a_validation_page(docs):
    result, index = docs
    for name in ("articles", "paragraphs", "accounting"):
        assert (index.parent / "expectations" / f"{name}.html").is_file()
        assert len(_validation_pages(index, name)) == 1


def test_rule_expectations_name_the_rows_our_findings_name(docs):
    """Each rule expectation's unexpected paragraph ids are exactly the paragraphs that rule's findings name."""
    result, index = docs
    page = _validation_pages(index, "paragraphs")[0].read_text(encoding="utf-8")
    named = {}
    for block in page.split("must not be flagged by checks rule")[1:]:
        code = re.search(r">([A-Z]{2,5}\d{3})<", block).group(1)
        named[code] = set(re.findall(r"p-[0-9a-f]{12}", block))
    datasets = set(result.context.built())
    assert set(named) == {r.code for r in result.rules if "paragraphs" in rule_targets(r, datasets)}
    assert {"ENC002", "ENC003"} <= {f.check for f in result.findings}
    for code in {f.check for f in result.findings if f.dataset == "paragraphs"}:
        flagged = {loc.paragraph_id for f in result.findings if f.check == code for loc in f.locations}
        assert named[code] == flagged, code
    for code in set(named) - {f.check for f in result.findings}:
        assert named[code] == set(), code


def test_site_loads_nothing_from_another_host(docs):
    result, index = docs
    pages = [p for p in index.parent.rglob("*.html") if "static" not in p.parts]
    assert len(pages) >= 7
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert offline.remote_loads(text) == [], page
        for ref in re.findall(r'(?:src|href)="(\.\.?/[^"#?]+|static/[^"#?]+)', text):
            assert (page.parent / ref).resolve().is_file(), (page, ref)


def test_every_cdn_asset_is_vendored_with_its_licence():
    vendor = Path(str(offline.vendor_dir()))
    for local in offline.ASSETS.values():
        assert (vendor / local).is_file(), local
    licences = (vendor / "LICENSES.md").read_text(encoding="utf-8")
    for folder in {local.split("/")[0] for local in offline.ASSETS.values()}:
        assert f"| {folder} |" in licences, folder


def test_every_cdn_url_of_the_installed_gx_templates_is_mapped():
    """A GX upgrade that adds a CDN asset fails here rather than in a user's offline browser."""
    from importlib import resources

    templates = resources.files("great_expectations.render.view").joinpath("templates")
    urls = set()
    for item in templates.iterdir():
        if item.name.endswith(".j2"):
            urls |= set(re.findall(r'<(?:script|link)[^>]*(?:src|href)="(https://[^"]+)"', item.read_text("utf-8")))
    assert urls and urls <= set(offline.ASSETS)


def test_data_values_are_escaped_for_data_docs(docs):
    result, index = docs
    html = _validation_pages(index, "paragraphs")[0].read_text(encoding="utf-8")
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def _expectations(result, dataset="paragraphs"):
    built = result.context.built()
    return rule_expectations(result, dataset, built[dataset], set(built))


def test_rule_expectations_carry_the_findings_severity(docs):
    """One expectation per rule and severity of its open findings, in GX Core's severity words."""
    result, _ = docs
    found = _expectations(result)
    for rule in (r for r in result.rules if "paragraphs" in rule_targets(r, set(result.context.built()))):
        mine = [e for e in found if e.rule == rule.code]
        severities = {f.severity for f in result.findings if f.check == rule.code and f.dataset == "paragraphs"}
        expected = {GX_SEVERITY[s] for s in severities} or {GX_SEVERITY[rule.severity]}
        assert {e.severity.value for e in mine} == expected, rule.code
    assert {e.severity.value for e in found if e.rule == "ENC002"} == {"warning"}


def test_severity_set_in_the_configuration_reaches_gx(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = execute([str(page)], Config(select=["ENC"], severity={"ENC002": "error"}))
    enc002 = [e for e in _expectations(result) if e.rule == "ENC002"]
    assert [e.severity.value for e in enc002] == ["critical"] and enc002[0].flagged


def test_accepted_findings_are_not_unexpected_rows(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    first = execute([str(page)], Config(select=["ENC"]))
    accepted = [f for f in first.findings if f.check == "ENC002"]
    assert accepted
    baseline = tmp_path / "baseline.json"
    baseline_file.write(str(baseline), accepted)
    result = execute([str(page)], Config(select=["ENC"], baseline=str(baseline)))
    enc002 = [e for e in _expectations(result) if e.rule == "ENC002"]
    assert len(enc002) == 1 and enc002[0].flagged == [] and enc002[0].meta["accepted"] == len(accepted)
    enc003 = [e for e in _expectations(result) if e.rule == "ENC003"]
    assert enc003[0].flagged == sorted({l.paragraph_id for f in result.findings if f.check == "ENC003"
                                        for l in f.locations})


def test_data_docs_run_no_rule_again(tmp_path, monkeypatch):
    """The suites are the run's findings: writing Data Docs calls no rule function."""
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = execute([str(page)], Config(select=["ENC", "DUP", "TRN"]))

    def boom(context):
        raise AssertionError("a rule ran again for Data Docs")

    result.rules = [dataclasses.replace(r, func=boom) for r in result.rules]
    for code, rule in list(RULES.items()):
        monkeypatch.setitem(RULES, code, dataclasses.replace(rule, func=boom))
    index = write_data_docs(result, tmp_path / "reports")
    page_text = _validation_pages(index, "paragraphs")[0].read_text(encoding="utf-8")
    flagged = {l.paragraph_id for f in result.findings if f.dataset == "paragraphs" for l in f.locations}
    assert flagged and all(pid in page_text for pid in flagged)


def test_data_docs_are_written_when_asked(tmp_path, run_checks, seed_page):
    args = ("run", str(seed_page), "-q", "--fail-on", "never", "--select", "ENC")
    default = run_checks(*args)
    assert default.code == 0, default.stderr
    assert (default.report_dir / "index.html").is_file() and not (default.report_dir / "gx").exists()
    asked = run_checks(*args, "--data-docs", report_dir=tmp_path / "asked")
    assert asked.code == 0, asked.stderr
    assert (asked.report_dir / "gx" / "index.html").is_file()
    config = tmp_path / "checks.toml"
    config.write_text("[tool.checks]\ndata-docs = true\n", encoding="utf-8")
    configured = run_checks(*args, "--config", str(config), report_dir=tmp_path / "configured")
    assert (configured.report_dir / "gx" / "index.html").is_file()
    overridden = run_checks(*args, "--config", str(config), "--no-data-docs", report_dir=tmp_path / "overridden")
    assert overridden.code == 0 and not (overridden.report_dir / "gx").exists()


def test_a_run_without_data_docs_never_imports_great_expectations(tmp_path, seed_page):
    script = tmp_path / "run.py"
    script.write_text(
        "import sys\nfrom checks.cli import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('great_expectations' in sys.modules, 'rich' in sys.modules)\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), "run", str(seed_page), "-q", "--report-dir",
                           str(tmp_path / "reports")], capture_output=True, text=True, timeout=300)
    assert proc.stdout.split() == ["False", "False"], proc.stderr
    assert (tmp_path / "reports" / "junit.xml").is_file()
