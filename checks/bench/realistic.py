"""A benchmark corpus made of real news paragraphs, so that number density, paragraph lengths and the mix
of languages are those of the press, not of made-up words.

Each paragraph of a real corpus (.jsonl with `body`) is used once as it is; every later use is disguised:
a third of its Chinese characters replaced by other characters drawn from the corpus's own distribution, a third
of its English words by words of the corpus, a third of its digits by other digits, punctuation and
spacing kept. Two uses of one paragraph then share too little to be near copies by accident, and the
text keeps the shape, the numbers and the rhythm of news. Defects are planted at known rates: exact,
near and partial copies of recent paragraphs, doubled words, paragraphs cut mid-sentence, and growth
statements whose rate does or does not follow from their values.

    checks bench corpus OUT --paragraphs 200000 [--source news.jsonl]
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import click

from checks.bench import bench

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
DIGITS = "0123456789０１２３４５６７８９"
PLANTED = ("exact", "near", "partial", "doubled", "cut", "growth_true", "growth_false")
# Chance per paragraph of each planted defect (about 2.5% of paragraphs carry one).
RATES = {"exact": 0.005, "near": 0.005, "partial": 0.003, "doubled": 0.004, "cut": 0.003,
         "growth_true": 0.003, "growth_false": 0.002}
ARTICLES_PER_FILE = 1000


def default_source() -> Path | None:
    """The shared corpus beside a checkout of this project, when it is there."""
    candidate = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "news.jsonl"
    return candidate if candidate.is_file() else None


@dataclass
class Material:
    """What disguising draws from: the real paragraphs, and the corpus's characters and words."""

    paragraphs: list[str]
    characters: str
    words: list[str]

    @classmethod
    def read(cls, source: Path) -> "Material":
        paragraphs = []
        for line in source.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            body = json.loads(line).get("body", "")
            paragraphs += [p.strip() for p in body.split("\n\n") if len(p.strip()) >= 20]
        if not paragraphs:
            raise click.ClickException(f"{source}: no paragraphs of 20 characters or more in its `body` fields")
        text = "\n".join(paragraphs)
        return cls(paragraphs, "".join(CJK.findall(text)) or "的", LATIN_WORD.findall(text) or ["news"])


def disguise(text: str, rng: random.Random, material: Material, share: float = 1 / 3) -> str:
    """The paragraph with `share` of its English words, and `share` of its Chinese characters and digits,
    replaced by different ones. Exactly that share (at least one), not a coin per place: a short paragraph
    that kept most of itself by chance would be a near copy of its first use."""
    words = list(LATIN_WORD.finditer(text))
    chosen = set(_some(range(len(words)), share, rng))
    pieces, last = [], 0
    for n, m in enumerate(words):
        pieces.append(text[last:m.start()])
        original = m.group(0)
        new = _other(original.lower(), lambda: rng.choice(material.words).lower(), rng) if n in chosen else original
        pieces.append(new.capitalize() if n in chosen and original[0].isupper() else new)
        last = m.end()
    chars = list("".join(pieces) + text[last:])
    places = [i for i, c in enumerate(chars) if CJK.match(c) or c in DIGITS]
    for i in _some(places, share, rng):
        if CJK.match(chars[i]):
            draw = lambda: rng.choice(material.characters)  # noqa: E731
        else:  # a digit of the same width, so full-width numbers stay full-width
            draw = lambda zero=ord(chars[i]) - int(chars[i]): chr(zero + rng.randrange(10))  # noqa: E731
        chars[i] = _other(chars[i], draw, rng)
    return "".join(chars)


def _some(items, share: float, rng: random.Random) -> list:
    """`share` of the items (at least one when there are any), drawn without repeats."""
    items = list(items)
    return rng.sample(items, min(len(items), max(1, round(share * len(items))))) if items else []


def _other(original: str, draw, rng: random.Random) -> str:
    """A draw that differs from the original (a few tries; corpora with one character keep it)."""
    for _ in range(8):
        new = draw()
        if new != original:
            return new
    return original


def _near_copy(text: str, rng: random.Random, material: Material) -> str:
    return disguise(text, rng, material, share=0.03) if text else text


def _doubled(text: str, rng: random.Random) -> str:
    runs = [m for m in re.finditer(r"[\u4e00-\u9fff]{4,}", text)]
    if runs:
        run = rng.choice(runs)
        at = rng.randrange(run.start(), run.end() - 1)
        unit = text[at:at + 2]
        return text[:at] + unit + text[at:]
    words = list(re.finditer(r"[A-Za-z]{4,}", text))
    if not words:
        return text
    w = rng.choice(words)
    return text[:w.end()] + " " + w.group(0) + text[w.end():]


def _cut(text: str, rng: random.Random) -> str:
    """Cut after a character that cannot end a sentence, about two thirds in."""
    at = int(len(text) * rng.uniform(0.5, 0.8))
    while at > 10 and not (text[at - 1].isalnum() or CJK.match(text[at - 1])):
        at -= 1
    return text[:at]


def _growth(rng: random.Random, holds: bool, chinese: bool) -> str:
    start = rng.randint(20, 900)
    rate = rng.choice([5, 8, 12, 15, 20, 25, 30, 40, 50, 60])
    end = round(start * (1 + rate / 100), 1)
    stated = rate if holds else rate + rng.choice([7, 10, 15, 20])
    if chinese:
        return f"该项业务收入从{start}亿元增长到{end}亿元，同比增长{stated}%。"
    return f"Revenue from the business rose {stated}% to {end} billion yuan from {start} billion yuan."


@dataclass
class Written:
    files: int = 0
    articles: int = 0
    paragraphs: int = 0
    bytes: int = 0
    planted: dict[str, int] = field(default_factory=lambda: {kind: 0 for kind in PLANTED})


def write_realistic_corpus(folder: Path, paragraphs: int, source: Path, seed: int = 5) -> Written:
    """Write `paragraphs` paragraphs as .jsonl files of articles under `folder`; return what was written."""
    rng = random.Random(seed)
    material = Material.read(source)
    order = list(range(len(material.paragraphs)))
    rng.shuffle(order)
    used = [False] * len(material.paragraphs)
    written = Written()
    recent: list[str] = []
    articles: list[dict] = []
    folder.mkdir(parents=True, exist_ok=True)
    cursor = 0

    def flush():
        if articles:
            data = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles).encode("utf-8")
            (folder / f"news_{written.files:05d}.jsonl").write_bytes(data)
            written.files += 1
            written.bytes += len(data)
            articles.clear()

    while written.paragraphs < paragraphs:
        body = []
        for _ in range(min(rng.randint(3, 15), paragraphs - written.paragraphs)):
            index = order[cursor % len(order)]
            cursor += 1
            original = material.paragraphs[index]
            text = original if not used[index] else disguise(original, rng, material)
            used[index] = True
            text = _plant(text, rng, material, recent, written)
            recent = (recent + [text])[-200:]
            body.append(text)
            written.paragraphs += 1
        title = disguise(body[0][:16], rng, material).strip()
        articles.append({"id": f"bench-{written.articles}", "title": title, "date": "2026-01-28",
                         "body": "\n\n".join(body)})
        written.articles += 1
        if len(articles) >= ARTICLES_PER_FILE:
            flush()
    flush()
    return written


def _plant(text: str, rng: random.Random, material: Material, recent: list[str], written: Written) -> str:
    roll, edge = rng.random(), 0.0
    for kind in PLANTED:
        edge += RATES[kind]
        if roll < edge:
            break
    else:
        return text
    chinese = bool(CJK.search(text))
    if kind in ("exact", "near", "partial") and not recent:
        return text
    if kind == "exact":
        text = rng.choice(recent)
    elif kind == "near":
        text = _near_copy(rng.choice(recent), rng, material)
    elif kind == "partial":
        source = rng.choice(recent)
        text = text[: len(text) // 2] + source[len(source) // 3:]
    elif kind == "doubled":
        text = _doubled(text, rng)
    elif kind == "cut":
        text = _cut(text, rng)
    else:
        text = text + (" " if not chinese else "") + _growth(rng, kind == "growth_true", chinese)
    written.planted[kind] += 1
    return text


@bench.command("corpus")
@click.argument("out", type=click.Path(file_okay=False))
@click.option("--paragraphs", type=click.IntRange(min=1), default=200_000, show_default=True)
@click.option("--source", type=click.Path(exists=True, dir_okay=False),
              help="Real articles as .jsonl with a `body` field (default: ../shared/corpus/news.jsonl beside the project).")
@click.option("--seed", type=int, default=5, show_default=True)
def corpus_command(out, paragraphs, source, seed):
    """Write a realistic benchmark corpus: real news paragraphs, disguised, with planted defects."""
    source_path = Path(source) if source else default_source()
    if source_path is None:
        raise click.UsageError("give --source FILE.jsonl: real articles with a `body` field")
    written = write_realistic_corpus(Path(out), paragraphs, source_path, seed)
    click.echo(f"{written.paragraphs} paragraphs in {written.articles} articles, {written.files} files, "
               f"{written.bytes / 1e6:.1f} MB -> {out}")
    click.echo("planted: " + ", ".join(f"{k} {v}" for k, v in written.planted.items()))
