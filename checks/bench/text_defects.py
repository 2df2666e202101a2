"""`checks bench text-defects`: near copies and doubled words written into real articles.

The defects are made the way they arise, not the way a rule looks for them:

- a near copy is a paragraph printed again after light changes. Spread changes are what a
  second scan or a retyping leaves (OCR and typing slips: a character swapped for another of
  its script, one dropped, one added, anywhere); clustered changes are what an editor or a
  layout step leaves (a phrase rewritten, inserted or cut in one place). The copy lands in
  another article or later in the same one. Edit rates 1% to 15% count changed characters:
  max(1, round(rate x length)) single-character substitutions, insertions or deletions.
- a doubled unit is one to four words written twice in a row, as a slip of cut and paste or
  of a layout that repeats a line's end at the next line's start: Chinese words as a
  segmenter cuts them, English words as spaces separate them.

The corpus is read twice through the real engine (`checks run`'s rules, pandas engine):
unchanged, then with the defects written in. Recall is per language and rate (or unit size);
precision counts the new findings that are not a planted defect; the findings on the
unchanged corpus are listed apart, to be read by a person.
"""
from __future__ import annotations

import json
import random
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click

from checks.bench import bench
from checks.vocab.scripts import HAN, is_han

RATES = (0.01, 0.03, 0.05, 0.10, 0.15)
MODES = ("spread", "clustered")
OPERATIONS = ("substitute", "insert", "delete", "mixed")
_HAN_WORD = re.compile(f"[{HAN}]+")
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


@dataclass
class Plant:
    kind: str  # "near" or "doubled"
    lang: str
    cell: str  # the rate ("5%") or the unit size ("2 words")
    detail: str  # mode and operation, or the unit
    text: str  # the paragraph as written into the corpus (a copy, or the paragraph with its doubling)
    source: str = ""  # the paragraph copied (near copies), or as it was before its doubling (doubled units)
    span: tuple[int, int] = (0, 0)  # where the doubled stretch stands in the normalised `text` (doubled units)
    found: bool = False


@dataclass
class Corpus:
    records: list[dict]
    paragraphs: list[tuple[int, int, str]]  # (record, piece index, text) of every body paragraph
    chars: dict[str, list[str]] = field(default_factory=dict)  # the characters each language is written in


def read_records(path: Path) -> Corpus:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    paragraphs = [(r, i, piece.strip()) for r, record in enumerate(records)
                  for i, piece in enumerate(str(record.get("body") or "").split("\n\n")) if piece.strip()]
    chars: dict[str, list[str]] = defaultdict(list)
    for r, _, text in paragraphs:
        lang = records[r].get("lang", "")
        chars[lang].extend(c for c in text if (is_han(c) if lang == "zh" else c.isalpha()))
    return Corpus(records, paragraphs, dict(chars))


# --- near copies -----------------------------------------------------------------------------------

def _stretches(rng: random.Random, n: int) -> list[int]:
    """How the n changed characters of a clustered edit split into one to three stretches."""
    parts = rng.randint(1, min(3, n))
    cuts = sorted(rng.sample(range(1, n), parts - 1)) if parts > 1 else []
    return [b - a for a, b in zip([0] + cuts, cuts + [n])]


def edited_copy(rng: random.Random, text: str, rate: float, mode: str, operation: str, pool: list[str]) -> str:
    """The text with max(1, round(rate x length)) characters substituted, inserted or deleted."""
    chars = list(text)
    n = max(1, round(rate * len(text)))
    ops = [operation if operation != "mixed" else rng.choice(OPERATIONS[:3]) for _ in range(n)]
    if mode == "spread":  # slips of a scan or of typing: one character at a time, anywhere
        for op in ops:
            at = rng.randrange(len(chars))
            if op == "substitute":
                chars[at] = rng.choice(pool)
            elif op == "insert":
                chars.insert(at, rng.choice(pool))
            elif len(chars) > 1:
                del chars[at]
        return "".join(chars)
    for size in _stretches(rng, n):  # an edit in one place: a phrase rewritten, added or cut
        op = rng.choice(OPERATIONS[:3]) if operation == "mixed" else operation
        at = rng.randrange(max(1, len(chars) - size))
        if op == "substitute":
            chars[at:at + size] = [rng.choice(pool) for _ in range(size)]
        elif op == "insert":
            chars[at:at] = [rng.choice(pool) for _ in range(size)]
        elif len(chars) > size:
            del chars[at:at + size]
    return "".join(chars)


# --- doubled units ---------------------------------------------------------------------------------

def _chinese_units(text: str) -> list[tuple[int, list[tuple[int, int]]]]:
    """Word tokens of a Chinese paragraph as (start, end) spans, grouped by the Han run they sit in."""
    from checks.vocab.lexicon import tokens

    runs = []
    for run in _HAN_WORD.finditer(text):
        spans = [(run.start() + s, run.start() + e) for _, s, e in tokens(run.group(0))]
        if spans:
            runs.append((run.start(), spans))
    return runs


def _english_units(text: str) -> list[tuple[int, list[tuple[int, int]]]]:
    """Words of an English paragraph as spans, grouped into stretches of words that single spaces
    separate: a word is a whole space-separated token of letters (`Norway's` but not `31.7bn`,
    `U.S.` or `best-selling`, which punctuation or digits tie to what is around them)."""
    runs, current, last_end = [], [], -1
    for m in re.finditer(r"\S+", text):
        if not _LATIN_WORD.fullmatch(m.group(0)) or (current and text[last_end:m.start()] != " "):
            if current:
                runs.append((current[0][0], current))
            current = []
        if _LATIN_WORD.fullmatch(m.group(0)):
            current.append((m.start(), m.end()))
        last_end = m.end()
    if current:
        runs.append((current[0][0], current))
    return runs


def doubled(rng: random.Random, text: str, lang: str, words: int) -> tuple[str, tuple[int, int], str] | None:
    """The text with `words` consecutive words written twice; None when the paragraph has no such stretch."""
    runs = _chinese_units(text) if lang == "zh" else _english_units(text)
    choices = [(spans[i][0], spans[i + words - 1][1]) for _, spans in runs for i in range(len(spans) - words + 1)]
    rng.shuffle(choices)
    for start, end in choices:
        unit = text[start:end]
        gap = "" if lang == "zh" else " "
        if text[end:end + len(gap) + len(unit)] == gap + unit:
            continue  # already doubled in the text as published
        written = text[:end] + gap + unit + text[end:]
        return written, (start, end + len(gap) + len(unit)), unit
    return None


# --- planting and scoring --------------------------------------------------------------------------

def _piece(body: list[str], text: str) -> int:
    """Where the paragraph `text` (stripped) stands among an article's pieces."""
    return next(i for i, piece in enumerate(body) if piece.strip() == text)


def plant(corpus: Corpus, per_cell: int, seed: int) -> tuple[list[dict], list[Plant]]:
    """A copy of the corpus's records with defects written in, and the defects."""
    from checks.ingest.normalize import normalize

    rng = random.Random(seed)
    records = [dict(r) for r in corpus.records]
    bodies = [str(r.get("body") or "").split("\n\n") for r in records]
    by_lang: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for r, i, text in corpus.paragraphs:
        if len(text) >= 40:
            by_lang[records[r].get("lang", "")].append((r, i, text))
    plants: list[Plant] = []
    for lang in ("zh", "en"):
        pool = by_lang[lang][:]
        rng.shuffle(pool)
        articles = [r for r, rec in enumerate(records) if rec.get("lang") == lang]
        for rate in RATES:
            for k in range(per_cell):
                r, _, source = pool.pop()
                mode, operation = MODES[k % 2], OPERATIONS[(k // 2) % len(OPERATIONS)]
                copy = edited_copy(rng, source, rate, mode, operation, corpus.chars[lang])
                while normalize(copy) == normalize(source):
                    copy = edited_copy(rng, source, rate, mode, operation, corpus.chars[lang])
                target = r if rng.random() < 0.5 else rng.choice(articles)
                after = _piece(bodies[r], source) + 1 if target == r else 0  # later in its own article
                bodies[target].insert(rng.randint(after, len(bodies[target])), copy)
                plants.append(Plant("near", lang, f"{rate:.0%}", f"{mode} {operation}", copy, source=source))
        for words in (1, 2, 3, 4):
            made = 0
            while made < per_cell and pool:
                r, _, text = pool.pop()
                result = doubled(rng, text, lang, words)
                if result is None:
                    continue
                written, (start, end), unit = result
                span = (len(normalize(written[:start + 1])) - 1, len(normalize(written[:end])))  # as the rules read it
                bodies[r][_piece(bodies[r], text)] = written
                plants.append(Plant("doubled", lang, f"{words} word{'s' if words > 1 else ''}", unit, written,
                                    source=text, span=span))
                made += 1
    for record, body in zip(records, bodies):
        record["body"] = "\n\n".join(body)
    return records, plants


def run_rules(path: Path):
    """Run the duplicate and repetition rules over one .jsonl file: findings, and each paragraph_id's
    (article id in the file, text)."""
    from checks.config import Config
    from checks.engine import execute

    result = execute([str(path)], Config(select=["DUP", "REP001"], data_docs=False))
    articles = result.corpus.articles.set_index("article_id")["source_id"].to_dict()
    paragraphs = result.corpus.paragraphs
    where = {pid: (articles.get(aid, ""), text)
             for pid, aid, text in zip(paragraphs["paragraph_id"], paragraphs["article_id"], paragraphs["text"])}
    return result.findings, where


def _members(finding, where, original: dict[str, str] | None = None) -> tuple:
    """The (article, text) of every place of a finding; a paragraph given a doubling counts as it was."""
    original = original or {}
    return tuple(sorted((article, original.get(text, text))
                        for article, text in (where[loc.paragraph_id] for loc in finding.locations)))


def score(findings, where, plants: list[Plant], before: set) -> dict:
    """Mark each plant found or not; count new findings that are a plant, and those that are not."""
    ids_of: dict[str, set[str]] = defaultdict(set)
    for pid, (_, text) in where.items():
        ids_of[text].add(pid)
    near = [f for f in findings if f.check == "DUP002"]
    doubled_hits = defaultdict(list)
    for f in findings:
        if f.check == "REP001":
            doubled_hits[f.locations[0].paragraph_id].append(f)
    true_ids = set()
    for p in plants:
        if p.kind == "near":
            copies, sources = ids_of[p.text], ids_of[p.source]
            for f in near:
                pids = {loc.paragraph_id for loc in f.locations}
                if pids & copies and pids & sources:
                    p.found = True
                    true_ids.add(f.id)
        else:
            for pid in ids_of[p.text]:
                for f in doubled_hits[pid]:
                    start = f.evidence["offset"]
                    if start < p.span[1] and p.span[0] < start + len(f.evidence["doubled"]):
                        p.found = True
                        true_ids.add(f.id)
    edited = {pid for p in plants if p.kind == "near" for pid in ids_of[p.text]}
    original = {p.text: p.source for p in plants if p.kind == "doubled"}
    counts = defaultdict(lambda: [0, 0])  # check -> [planted, not planted]
    false = []
    for f in findings:
        if f.check not in ("DUP002", "REP001") or (f.check, _members(f, where, original)) in before:
            continue
        if f.check == "REP001" and f.locations[0].paragraph_id in edited:
            counts["REP001 in a near copy"][0] += 1  # random edits can write a doubling themselves
            continue
        counts[f.check][0 if f.id in true_ids else 1] += 1
        if f.id not in true_ids:
            false.append(f)
    return counts, false


def _table(plants: list[Plant], kind: str, cells: list[str]) -> list[str]:
    lines = [f"| language | {' | '.join(cells)} | all |", "| --- |" + " ---: |" * (len(cells) + 1)]
    for lang in ("zh", "en"):
        row = []
        for cell in cells + [None]:
            chosen = [p for p in plants if p.kind == kind and p.lang == lang and (cell is None or p.cell == cell)]
            found = sum(p.found for p in chosen)
            row.append(f"{found}/{len(chosen)} = {found / max(len(chosen), 1):.3f}")
        lines.append(f"| {lang} | {' | '.join(row)} |")
    return lines


def _default_corpus() -> Path | None:
    here = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "news.jsonl"
    return here if here.is_file() else None


@bench.command("text-defects")
@click.option("--corpus", "corpus_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=_default_corpus, help="A .jsonl corpus with `lang` (zh or en) per article "
              "[default: ../shared/corpus/news.jsonl beside the project].")
@click.option("--per-cell", default=60, show_default=True, help="Defects per language and edit rate or unit size.")
@click.option("--seed", default=7, show_default=True)
@click.option("--show/--no-show", default=True, show_default=True,
              help="List every DUP002 and REP001 finding on the unchanged corpus, and every defect missed.")
def text_defects(corpus_path, per_cell, seed, show):
    """Recall and precision of DUP002 (near copies) and REP001 (doubled words) on defects written into real text."""
    if corpus_path is None:
        raise click.BadParameter("give --corpus: no corpus beside the project", param_hint="--corpus")
    corpus = read_records(corpus_path)
    records, plants = plant(corpus, per_cell, seed)
    with tempfile.TemporaryDirectory() as tmp:
        clean_findings, clean_where = run_rules(corpus_path)
        changed = Path(tmp) / "with_defects.jsonl"
        changed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        findings, where = run_rules(changed)
    before = {(f.check, _members(f, clean_where)) for f in clean_findings}
    counts, false = score(findings, where, plants, before)
    click.echo(f"Near copies (DUP002) found, by edit rate ({per_cell} per cell: spread and clustered; "
               "substitutions, insertions, deletions and a mix):")
    click.echo("\n".join(_table(plants, "near", [f"{r:.0%}" for r in RATES])))
    click.echo("\nDoubled units (REP001) found, by unit size:")
    click.echo("\n".join(_table(plants, "doubled", ["1 word", "2 words", "3 words", "4 words"])))
    click.echo("\nPrecision (new findings that are a planted defect; findings already on the unchanged corpus left out):")
    for check in ("DUP002", "REP001"):
        good, bad = counts[check]
        click.echo(f"  {check}: {good} of {good + bad} = {good / max(good + bad, 1):.3f}")
    if counts["REP001 in a near copy"][0]:
        click.echo(f"  (and {counts['REP001 in a near copy'][0]} REP001 finding(s) in near copies, where the random "
                   "edits wrote a doubling: not counted)")
    clean = [f for f in clean_findings if f.check in ("DUP002", "REP001")]
    click.echo(f"\nFindings on the unchanged corpus: DUP002 {sum(f.check == 'DUP002' for f in clean)}, "
               f"REP001 {sum(f.check == 'REP001' for f in clean)}")
    if show:
        from checks.ingest.normalize import normalize

        for f in clean:
            click.echo(f"  {f.check} {' '.join(sorted({clean_where[loc.paragraph_id][0] for loc in f.locations}))}: "
                       f"{f.message[:160]}")
        click.echo(f"\nNew findings that are no planted defect: {len(false)}")
        for f in false:
            click.echo(f"  {f.check}: {f.message[:200]}")
        missed = [p for p in plants if not p.found]
        click.echo(f"\nDefects missed: {len(missed)}")
        for p in missed:
            shown = p.detail if p.kind == "near" else normalize(p.text)[max(0, p.span[0] - 8):p.span[1] + 8]
            click.echo(f"  {p.kind} {p.lang} {p.cell}: {shown}")
