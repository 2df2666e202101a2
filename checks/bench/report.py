"""Report benchmark: a generated corpus that yields at least N findings, and the size and cost of its reports.

`generate_corpus` is also what the browser tests open at 10,000 findings: every
body paragraph carries one control character (ENC002 flags it, with a span to
highlight) and every fifth one mojibake (ENC003); each article also repeats a
paragraph of the article before it, for the duplicate rules.
"""
from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import click

from checks.bench import bench

_WORDS = ["国家统计局", "数据显示", "工业增加值", "同比增长", "新能源汽车", "产量", "人工智能", "产业规模",
          "专家认为", "基础设施", "投资", "消费市场", "外贸进出口", "科技创新", "绿色发展", "乡村振兴"]
PARAGRAPHS_PER_ARTICLE = 25
ARTICLES_PER_FILE = 40


def _sentence(rng: random.Random, n: int) -> str:
    return "，".join(rng.choice(_WORDS) + rng.choice(_WORDS) for _ in range(n)) + f"{n}{rng.randint(10, 999)}。"


def _article(rng: random.Random, number: int, repeated: str) -> tuple[str, list[str]]:
    body = []
    for k in range(PARAGRAPHS_PER_ARTICLE):
        text = _sentence(rng, rng.randint(2, 5))
        cut = rng.randint(1, len(text) - 2)
        text = text[:cut] + "\x01" + text[cut:]
        if k % 5 == 0:
            text = text.replace("，", "â€™", 1)
        body.append(f"第{number}篇第{k}段：" + text)
    lines = [f"第{number}篇生成的测试文章", "", f"新华社北京1月{number % 28 + 1}日电 " + body[0], ""]
    for text in body[1:] + ([repeated] if repeated else []):
        lines += [text, ""]
    return "\n".join(lines) + "\n", body


def generate_corpus(folder: Path, findings: int = 10_000, seed: int = 11) -> int:
    """Write pages under folder until they hold about `findings` flagged paragraphs; return the articles."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    articles, flagged, previous, page, number = 0, 0, "", [], 0
    while flagged < findings:
        text, body = _article(rng, number, previous)
        page.append(text)
        previous = body[-1]
        flagged += len(body) + len(body[::5])
        number += 1
        if len(page) == ARTICLES_PER_FILE:
            (folder / f"page_{number // ARTICLES_PER_FILE:04d}.txt").write_text("\n".join(page), encoding="utf-8")
            page = []
    if page:
        (folder / f"page_{number // ARTICLES_PER_FILE + 1:04d}.txt").write_text("\n".join(page), encoding="utf-8")
    return number


@bench.command()
@click.option("--findings", default=10_000, show_default=True, help="How many findings the generated corpus yields at least.")
@click.option("--data-docs/--no-data-docs", default=True, show_default=True, help="Also build the GX Data Docs.")
def report(findings, data_docs):
    """Run the checks on a generated corpus and print the reports' sizes and the time to write them."""
    from checks.config import Config
    from checks.engine import execute
    from checks.surfaces.write import write_reports

    with tempfile.TemporaryDirectory() as tmp:
        articles = generate_corpus(Path(tmp) / "corpus", findings)
        started = time.perf_counter()
        result = execute([str(Path(tmp) / "corpus")], Config(data_docs=data_docs))
        checked = time.perf_counter() - started
        started = time.perf_counter()
        folder = write_reports(result, str(Path(tmp) / "reports"))
        written = time.perf_counter() - started
        size = (folder / "index.html").stat().st_size / 1024 / 1024
        docs = sum(p.stat().st_size for p in (folder / "gx").rglob("*") if p.is_file()) / 1024 / 1024 if data_docs else 0
        click.echo(f"{articles} articles, {len(result.corpus.paragraphs)} paragraphs: {len(result.findings)} findings, "
                   f"{len(result.verified)} verified, checked in {checked:.1f} s")
        click.echo(f"reports written in {written:.1f} s; index.html {size:.2f} MB"
                   + (f"; gx/ {docs:.1f} MB" if data_docs else ""))
        opened = open_seconds(folder / "index.html")
        if opened is not None:
            click.echo(f"index.html opens (first page of findings rendered) in {opened:.2f} s in headless Chromium")


def open_seconds(index: Path) -> float | None:
    """Seconds from navigation until the report has rendered its first page; None without Chromium."""
    import shutil

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(chromium).exists():
        return None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        started = time.perf_counter()
        page.goto(index.as_uri())
        page.wait_for_selector("body[data-ready='1']")
        seconds = time.perf_counter() - started
        browser.close()
    return seconds
