"""The Great Expectations surface: suites from the pandera models, rule expectations that agree with
our findings, a real Checkpoint's results in Data Docs, and a site that loads nothing from another host."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checks.config import Config
from checks.engine import execute
from checks.gx import offline
from checks.gx.expectations import rule_targets
from checks.gx.site import write_data_docs
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


def test_checks_run_writes_gx_unless_switched_off(tmp_path, run_checks, seed_page):
    outcome = run_checks("run", str(seed_page), "-q", "--fail-on", "never", "--select", "ENC")
    assert outcome.code == 0, outcome.stderr
    assert (outcome.report_dir / "gx" / "index.html").is_file()
    config = tmp_path / "checks.toml"
    config.write_text("[tool.checks]\ndata-docs = false\n", encoding="utf-8")
    off = run_checks("run", str(seed_page), "-q", "--fail-on", "never", "--select", "ENC", "--config", str(config),
                     report_dir=tmp_path / "off")
    assert off.code == 0, off.stderr
    assert (off.report_dir / "index.html").is_file() and not (off.report_dir / "gx").exists()
