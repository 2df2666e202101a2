"""Report benchmark: how big `index.html` gets and how fast its first page shows, at many findings of real text.

`checks bench report` builds a corpus from real news articles (the shared corpus, or
any `.jsonl` of articles given) with defects planted densely, one small function per kind:
exact copies, near copies, doubled words, cut paragraphs and false growth rates, each
made so that its rule flags it, so that the findings carry real-text evidence (paragraphs
of news length, numbers as dense as in the press) and their number is known beforehand.
Articles are reused in rounds when more paragraphs are needed than the source holds;
a reused paragraph is disguised as `checks.bench.realistic` disguises (a third of its
characters, words and digits replaced from the corpus's own), so rounds are no copies.

`generate_corpus` is the made-up corpus the browser tests open at 10,000 findings without
the shared corpus: every body paragraph carries a control character (ENC002) and every
fifth one mojibake (ENC003); each article repeats a paragraph of the one before.
"""
from __future__ import annotations

import json
import random
import re
import tempfile
import time
from pathlib import Path

import click

from checks.bench import bench
from checks.bench.realistic import Material, default_source, disguise
from checks.errors import UsageError

MIN_SOURCE_CHARS = 40  # copies and cuts are made of paragraphs at least this long (rules skip short ones)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LETTER = re.compile(r"[A-Za-z]")
_EN_WORD = re.compile(r"\b[a-z]{4,}\b")
_SENTENCE_END = "。！？!?.…；;”\"'）)"


# --- planted defects: one function per kind, each giving one paragraph that a rule must flag ------------

def exact_copy(rng: random.Random, source: str) -> str:
    """A paragraph printed again (DUP001)."""
    return source


def near_copy(rng: random.Random, source: str) -> str:
    """A paragraph printed again with a few letters changed, about one in forty (DUP002)."""
    chars = list(source)
    spots = [i for i, c in enumerate(chars) if _CJK.match(c) or _LETTER.match(c)]
    for i in rng.sample(spots, max(1, len(spots) // 40)) if spots else []:
        chars[i] = rng.choice([chars[j] for j in spots])
    return "".join(chars)


def doubled_word(rng: random.Random, text: str, article: str = "") -> str:
    """One word of the paragraph written twice in a row (REP001): an English word of four letters or more,
    or a dictionary word of two to four Chinese characters that the article uses at least twice (REP001
    takes a doubled unit for a word only when it also stands alone elsewhere)."""
    from checks.vocab.lexicon import word_info

    article = article or text
    spots = []
    for m in re.finditer(r"[\u4e00-\u9fff]{2,}", text):
        run = m.group(0)
        for size in (4, 3, 2):
            spots += [(m.start() + i, size) for i in range(len(run) - size + 1)
                      if len(set(run[i:i + size])) > 1 and run[i] != "一" and word_info(run[i:i + size])
                      and article.count(run[i:i + size]) >= 2]
    spots += [(m.start(), len(m.group(0))) for m in _EN_WORD.finditer(text)]
    if not spots:
        return text
    start, size = rng.choice(spots)
    word = text[start:start + size]
    return text[:start + size] + (" " if _LETTER.match(word) else "") + word + text[start + size:]


def cut_paragraph(rng: random.Random, text: str) -> str:
    """The paragraph stopped mid-sentence, somewhere in its second half (TRN001)."""
    cut = rng.randint(len(text) // 2, max(len(text) // 2, len(text) - 5))
    piece = text[:cut].rstrip()
    while piece and (piece[-1] in _SENTENCE_END or not piece[-1].isalnum() and not _CJK.match(piece[-1])):
        piece = piece[:-1].rstrip()
    return piece


def false_growth(rng: random.Random, text: str) -> str:
    """The paragraph followed by a growth sentence whose stated rate its own two values rule out (GRW001)."""
    start = rng.randint(20, 400)
    end = start + rng.randint(start // 10, start)
    true_rate = (end - start) / start * 100
    stated = round(true_rate + rng.choice((-1, 1)) * rng.uniform(15, 40))
    stated = stated if stated > 0 else round(true_rate + 25)
    if _CJK.search(text):
        metric = rng.choice(("营收", "销售额", "出口额", "投资额", "净利润"))
        return f"{text}{metric}从{start}亿元增长到{end}亿元，增长{stated}%。"
    metric = rng.choice(("Revenue", "Sales", "Exports", "Investment"))
    return f"{text} {metric} rose from ${start} million to ${end} million, an increase of {stated}%."


DEFECTS = (exact_copy, near_copy, doubled_word, cut_paragraph, false_growth)
FROM_EARLIER = {exact_copy, near_copy}  # these repeat an earlier paragraph; the others change the one at hand


def read_articles(path: Path) -> list[dict]:
    """Articles of a .jsonl file (title, body with paragraphs split on blank lines, date)."""
    articles = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                paragraphs = [p.strip() for p in str(record.get("body") or "").split("\n\n") if p.strip()]
                if paragraphs:
                    articles.append({"title": str(record.get("title") or ""), "date": str(record.get("date") or ""),
                                     "paragraphs": paragraphs})
    return articles


def write_defect_corpus(out: Path, articles: list[dict], material: Material, defects: int, rate: float = 1 / 3,
                        seed: int = 7) -> dict:
    """Write articles (reused in disguised rounds as needed) with `defects` planted defects, about one per
    1/rate paragraphs, the kinds taken in turn, as one .jsonl; return what was written."""
    rng = random.Random(seed)
    planted = {d.__name__: 0 for d in DEFECTS}
    recent: list[str] = []  # paragraphs not copied yet: each copy makes a pair of its own
    paragraphs = rounds = written = 0
    with out.open("w", encoding="utf-8") as sink:
        while sum(planted.values()) < defects:
            for number, article in enumerate(articles):
                texts = article["paragraphs"]
                if rounds:
                    texts = [disguise(text, rng, material) for text in texts]
                whole = "\n".join(texts)
                body = []
                for text in texts:
                    if sum(planted.values()) < defects and len(text) >= MIN_SOURCE_CHARS and rng.random() < rate:
                        defect = DEFECTS[sum(planted.values()) % len(DEFECTS)]
                        if defect in FROM_EARLIER and recent:
                            body += [text, defect(rng, recent.pop(rng.randrange(len(recent))))]
                            planted[defect.__name__] += 1
                            continue
                        if defect not in FROM_EARLIER:
                            changed = defect(rng, text, whole) if defect is doubled_word else defect(rng, text)
                            planted[defect.__name__] += changed != text
                            body.append(changed)
                            continue
                    body.append(text)
                    if len(text) >= MIN_SOURCE_CHARS:
                        recent = (recent + [text])[-200:]
                title = disguise(article["title"], rng, material) if rounds else article["title"]
                sink.write(json.dumps({"id": f"r{rounds}-{number}", "title": title, "date": article["date"],
                                       "body": "\n\n".join(body)}, ensure_ascii=False) + "\n")
                paragraphs += len(body)
                written += 1
                if sum(planted.values()) >= defects:
                    break
            rounds += 1
    return {"articles": written, "paragraphs": paragraphs, "rounds": rounds, "planted": planted}


# --- the made-up corpus of the browser tests ---------------------------------------------------------

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
    """Write made-up pages under folder until they hold about `findings` flagged paragraphs; return the articles."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    flagged, previous, page, number = 0, "", [], 0
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


# --- the command -------------------------------------------------------------------------------------------

def _source(corpus: str | None) -> tuple[list[dict], Material]:
    path = Path(corpus) if corpus else default_source()
    if path is None or not path.is_file():
        raise UsageError(f"{path or 'the shared corpus'}: no such .jsonl of articles; pass --corpus FILE.jsonl "
                         "(title, body, date)")
    articles = read_articles(path)
    if not articles:
        raise UsageError(f"{path}: holds no article with a body")
    return articles, Material.read(path)


def _sizes(index: Path) -> tuple[float, float, float]:
    """index.html's size, its embedded data's size, and what that data would be as plain JSON (MB)."""
    from checks.surfaces.html import blocks, embedded

    page = index.read_text(encoding="utf-8")
    plain = json.dumps(embedded(page), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return index.stat().st_size / 1e6, sum(map(len, blocks(page))) / 1e6, len(plain) / 1e6


@bench.command()
@click.option("--findings", default="10000,30000", show_default=True,
              help="Comma-separated numbers of planted defects; each gives about one finding, and the disguised "
                   "rounds add findings of their own (their numbers changed).")
@click.option("--corpus", type=click.Path(dir_okay=False),
              help="A .jsonl of real articles to take paragraphs from (default: the shared corpus beside the repository).")
@click.option("--made-up", is_flag=True, help="Use the made-up corpus of the browser tests instead of real text.")
@click.option("--data-docs/--no-data-docs", default=False, show_default=True, help="Also build the GX Data Docs.")
def report(findings, corpus, made_up, data_docs):
    """Check a corpus of real paragraphs with planted defects; print index.html's size and first-page time."""
    from checks.config import Config
    from checks.engine import execute
    from checks.surfaces.write import write_reports

    targets = [int(n) for n in findings.split(",") if n.strip()]
    articles, material = (None, None) if made_up else _source(corpus)
    for target in targets:
        with tempfile.TemporaryDirectory() as tmp:
            source = Path(tmp) / "corpus"
            if made_up:
                generate_corpus(source, target)
                click.echo(f"made-up corpus for {target} findings")
            else:
                source.mkdir()
                written = write_defect_corpus(source / "articles.jsonl", articles, material, target)
                click.echo(f"{written['articles']} articles, {written['paragraphs']} paragraphs of real text "
                           f"({written['rounds']} round(s) of the source); planted: "
                           + ", ".join(f"{n} {kind}" for kind, n in written["planted"].items()))
            started = time.perf_counter()
            result = execute([str(source)], Config(data_docs=data_docs))
            checked = time.perf_counter() - started
            started = time.perf_counter()
            folder = write_reports(result, str(Path(tmp) / "reports"))
            written_s = time.perf_counter() - started
            size, packed, plain = _sizes(folder / "index.html")
            click.echo(f"  {len(result.findings)} findings, {len(result.verified)} verified; checked in {checked:.1f} s, "
                       f"reports written in {written_s:.1f} s")
            click.echo(f"  index.html {size:.2f} MB, of which embedded data {packed:.2f} MB "
                       f"(gzip + base64 of {plain:.2f} MB of JSON)")
            if data_docs:
                docs = sum(p.stat().st_size for p in (folder / "gx").rglob("*") if p.is_file()) / 1e6
                click.echo(f"  gx/ {docs:.1f} MB")
            opened = [open_seconds(folder / "index.html") for _ in range(3)]
            if opened[0] is not None:
                click.echo("  headless Chromium, three openings: first page of findings shown in "
                           + ", ".join(f"{first:.2f}" for first, _ in opened) + " s; every block read (filters "
                           "alive) in " + ", ".join(f"{complete:.2f}" for _, complete in opened) + " s")


def open_seconds(index: Path) -> tuple[float, float] | None:
    """Seconds from navigation until the report shows its first page of findings, and until every data
    block is read (filters alive); None without Chromium."""
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
        page.goto(index.as_uri(), wait_until="commit")
        page.wait_for_selector("body[data-first-page='1'] .finding", timeout=120_000)
        first = time.perf_counter() - started
        page.wait_for_selector("body[data-ready='1']", timeout=120_000)
        complete = time.perf_counter() - started
        browser.close()
    return first, complete
