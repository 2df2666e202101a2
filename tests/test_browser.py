"""Both reports in headless Chromium: nothing leaves the host, no console error, filters, search,
highlights, anchors, hostile article text shown as text, and 10,000 findings.

Chromium is Debian's (/usr/bin/chromium, or $CHECKS_CHROMIUM); the tests skip when it is missing.
Screenshots go to $CHECKS_ARTIFACTS (a CI artifact folder) or the pytest temp folder.
"""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

import pytest

from checks.config import Config
from checks.engine import execute
from checks.model import Comparison, Finding, Location
from checks.surfaces import html as html_report
from checks.surfaces.write import write_reports

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHECKS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]

# Each hostile paragraph carries a control character, so ENC002 flags it and both reports show its text.
HOSTILE = (
    "测试标题\x01<script>window.__xss='title'</script>\n\n"
    "新华社北京1月2日电 正文第一段\x01<img src=x onerror=\"window.__xss='img'\">还有{{ 7*7 }}和${7*7}。\n\n"
    "<a href=\"javascript:window.__xss='link'\">点我</a>\x01 这段有乱码â€™字符。\n\n"
    "{% raw %}模板{{ config }}语法\x01</script><!-- 注释 --><svg onload=\"window.__xss='svg'\">第三段。\n"
)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    folder = Path(os.environ["CHECKS_ARTIFACTS"]) if os.environ.get("CHECKS_ARTIFACTS") else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Visit:
    """A page opened with every non-file request blocked and recorded, and console errors kept."""

    def __init__(self, browser, url: str, ready: bool = False):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.errors.append("dialog: " + d.message), d.dismiss()))
        self.page.route("**/*", self._route)
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        if ready:  # our report: every data block read, filters alive
            self.page.wait_for_selector("body[data-ready='1']")

    def _route(self, route):
        url = route.request.url
        if url.startswith(("file:", "data:", "about:")):
            route.continue_()
        else:
            self.requests.append(url)
            route.abort()

    def clean(self):
        assert self.requests == [], f"requests left the host: {self.requests[:5]}"
        assert self.errors == [], f"console errors: {self.errors[:5]}"

    def close(self):
        self.page.close()


def _reports(inputs: list[str], folder: Path, extra=None, select=()) -> Path:
    result = execute(inputs, Config(select=list(select), data_docs=True))
    if extra:
        extra(result)
    return write_reports(result, str(folder))


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory, seed_page) -> Path:
    return _reports([str(seed_page)], tmp_path_factory.mktemp("seed"))


def _add_pair_and_claim(result):
    """A pair finding and a verified claim, in the evidence shapes the rules use, to test their display."""
    paragraphs = result.corpus.paragraphs
    a, b = paragraphs.iloc[1], paragraphs.iloc[2]
    loc = lambda r: Location(str(r["file"]), int(r["line_start"]), int(r["line_end"]), str(r["article_id"]), str(r["paragraph_id"]))
    result.findings.append(Finding("TST001-pair", "ENC002", "duplicate", "warning", "paragraphs",
                                   "two paragraphs share text", [loc(a), loc(b)], {"similarity": 0.5}))
    result.verified.append(Finding("TST002-claim", "ENC003", "growth", "info", "paragraphs",
                                   "growth from 10 to 12 is 20%", [loc(a)],
                                   {"reading": "percent change", "span": [0, 4]}, comparison=Comparison(20.0, 20.0, "%")))
    result.findings.append(Finding("TST003-claim", "ENC003", "growth", "error", "paragraphs",
                                   "growth from 10 to 15 is not 20%", [loc(b)], {}, comparison=Comparison(20.0, 50.0, "%")))


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    page = folder / "hostile.txt"
    page.write_text(HOSTILE.replace("测试标题", "测试标题一") + "\n\n" + HOSTILE.replace("新华社北京", "新华社上海"), encoding="utf-8")
    return _reports([str(page)], folder / "reports", extra=_add_pair_and_claim)


@pytest.fixture(scope="module")
def big_reports(tmp_path_factory) -> Path:
    from checks.bench.report import generate_corpus

    folder = tmp_path_factory.mktemp("big")
    generate_corpus(folder / "corpus", 10_000)
    # the encoding and duplicate rules are enough for 10,000 findings with pairs; the others only cost time here
    return _reports([str(folder / "corpus")], folder / "reports", select=("ENC", "DUP"))


def _gx_pages(reports: Path) -> list[Path]:
    return sorted(p for p in (reports / "gx").rglob("*.html") if "static" not in p.parts)


def _until_changed(page, selector: str, before: str) -> None:
    """Wait (without eval, which the report's CSP forbids) until an element's text changes."""
    for _ in range(100):
        if page.inner_text(selector) != before:
            return
        page.wait_for_timeout(50)
    raise AssertionError(f"{selector} still reads {before!r}")


def _cards(visit) -> list[dict]:
    return visit.page.eval_on_selector_all(
        ".finding", "els => els.map(e => ({id: e.id, check: e.querySelector('code').textContent, text: e.innerText}))")


# --- the bundled page -----------------------------------------------------------------------

def test_bundled_page_report_opens_offline_without_errors(browser, seed_reports, artifacts):
    visit = Visit(browser, (seed_reports / "index.html").as_uri(), ready=True)
    doc = json.loads((seed_reports / "findings.json").read_text(encoding="utf-8"))
    assert visit.page.locator(".finding").count() == min(50, len(doc["findings"]))
    assert visit.page.locator("#summary .card").count() == 5
    visit.page.screenshot(path=str(artifacts / "bundled-index.png"), full_page=True)
    visit.clean()
    visit.close()


def test_bundled_page_data_docs_open_offline_and_styled(browser, seed_reports, artifacts):
    pages = _gx_pages(seed_reports)
    assert any(p.parent.name == "expectations" for p in pages) and any("validations" in p.parts for p in pages)
    for page in pages:
        visit = Visit(browser, page.as_uri())
        styled = visit.page.evaluate(
            "() => [typeof window.jQuery, typeof (window.jQuery && jQuery.fn.bootstrapTable),"
            " (() => { const d = document.createElement('div'); d.className = 'd-none'; document.body.append(d);"
            "   return getComputedStyle(d).display; })()]")
        assert styled == ["function", "function", "none"], page  # Bootstrap's CSS and scripts loaded
        visit.page.screenshot(path=str(artifacts / f"gx-{page.stem}.png"))
        visit.clean()
        visit.close()


# --- filters, search, highlights, pairs, verified claims --------------------------------------

def test_filters_search_and_highlight(browser, hostile_reports, artifacts):
    visit = Visit(browser, (hostile_reports / "index.html").as_uri(), ready=True)
    page = visit.page
    doc = json.loads((hostile_reports / "findings.json").read_text(encoding="utf-8"))
    assert len(_cards(visit)) == len(doc["findings"])
    page.select_option("#f-rule", "ENC003")
    cards = _cards(visit)
    assert cards and all(c["check"] == "ENC003" for c in cards)
    assert len(cards) == sum(f["check"] == "ENC003" for f in doc["findings"])
    # the implicated span is marked, and it is exactly the mojibake
    assert set(page.eval_on_selector_all(".finding mark", "ms => ms.map(m => m.textContent)")) == {"â€™"}
    page.select_option("#f-rule", "")
    for severity in ("error", "warning", "info"):
        page.select_option("#f-severity", severity)
        expected = {f["id"] for f in doc["findings"] if f["severity"] == severity}
        assert {c["id"] for c in _cards(visit)} == expected
        assert bool(expected) or "No finding" in page.inner_text("#count")
    page.select_option("#f-severity", "")
    before = page.inner_text("#count")
    page.fill("#f-search", "新华社上海")
    _until_changed(page, "#count", before)
    cards = _cards(visit)
    assert cards and all("新华社上海" in c["text"] for c in cards)
    page.fill("#f-search", "")
    article = page.eval_on_selector_all("#f-article option", "os => os.map(o => o.value)")[1]
    page.select_option("#f-article", article)
    ids = {c["id"] for c in _cards(visit)}
    expected = {f["id"] for f in doc["findings"] if any(l["article_id"] == article for l in f["locations"])}
    assert ids == expected
    page.screenshot(path=str(artifacts / "hostile-filtered.png"), full_page=True)
    visit.clean()
    visit.close()


def test_pairs_side_by_side_and_verified_claims(browser, hostile_reports):
    visit = Visit(browser, (hostile_reports / "index.html").as_uri(), ready=True)
    page = visit.page
    assert "stated 20 % \u00b7 computed 50 %" in page.locator("#TST003-claim").inner_text()
    pair = page.locator("#TST001-pair")
    assert pair.locator(".pair > div").count() == 2
    shared = pair.locator("mark.shared").all_text_contents()
    assert len(shared) == 2 and shared[0] == shared[1] and len(shared[0]) >= 2
    page.select_option("#f-status", "verified")
    claim = page.locator("#TST002-claim")
    assert claim.count() == 1 and "percent change" in claim.inner_text()
    assert claim.locator("mark").count() == 1
    assert page.locator("svg.chart circle").count() == 2
    visit.clean()
    visit.close()


def test_hostile_article_is_text_in_both_reports(browser, hostile_reports):
    pages = [hostile_reports / "index.html"] + [p for p in _gx_pages(hostile_reports) if "validations" in p.parts]
    shown = 0
    for path in pages:
        visit = Visit(browser, path.as_uri(), ready=path.name == "index.html")
        page = visit.page
        page.wait_for_timeout(200)
        assert page.evaluate("window.__xss") is None, path
        assert page.locator("img[src='x'], a[href^='javascript:'], svg[onload]").count() == 0, path
        text = page.inner_text("body")
        if "onerror" in text:
            shown += 1
            assert '<img src=x onerror="window.__xss=\'img\'">' in text
            assert "{{ 7*7 }}" in text and "${7*7}" in text
            assert "</script><!-- 注释 -->" in text
        visit.clean()
        visit.close()
    assert shown >= 2  # our report and the paragraphs' validation page both show the article as text


# --- stable anchors and 10,000 findings ------------------------------------------------------

def test_ten_thousand_findings(browser, big_reports, artifacts):
    doc = json.loads((big_reports / "findings.json").read_text(encoding="utf-8"))
    assert len(doc["findings"]) >= 10_000
    index = big_reports / "index.html"
    assert index.stat().st_size < 10 * 1024 * 1024
    visit = Visit(browser, index.as_uri(), ready=True)
    page = visit.page
    assert page.locator(".finding").count() == 50
    assert f"of {len(doc['findings'])}" in page.inner_text("#count")
    first = _cards(visit)[0]["id"]
    page.click("#pager-top button >> text=next")
    assert _cards(visit)[0]["id"] != first and "page 2 of" in page.inner_text("#pager-top")
    page.select_option("#f-rule", "ENC003")
    assert f"of {sum(f['check'] == 'ENC003' for f in doc['findings'])}" in page.inner_text("#count")
    page.screenshot(path=str(artifacts / "big-index.png"))
    visit.clean()
    visit.close()


def test_anchor_opens_the_page_holding_the_finding(browser, big_reports):
    doc = json.loads((big_reports / "findings.json").read_text(encoding="utf-8"))
    target = doc["findings"][1234]["id"]
    visit = Visit(browser, (big_reports / "index.html").as_uri() + "#" + target)
    page = visit.page
    page.wait_for_selector(f"[id='{target}'].target")
    assert page.locator("body[data-first-page='1'][data-ready='1']").count() == 1
    assert page.locator(f"[id='{target}']").is_visible()
    assert "page 25 of" in page.inner_text("#pager-top")  # 1234 // 50 + 1
    for other in (doc["findings"][7]["id"], doc["findings"][-1]["id"]):  # the first data block and the last
        page.evaluate(f"location.hash = '{other}'")
        page.wait_for_selector(f"[id='{other}'].target")
    visit.clean()
    visit.close()


def test_ten_thousand_findings_data_docs(browser, big_reports):
    for path in _gx_pages(big_reports):
        visit = Visit(browser, path.as_uri())
        visit.clean()
        visit.close()
