"""Duplicate benchmark: a generated corpus with planted exact, near and partial duplicates.

Generation happens before timing. Each size runs the three duplicate rules in a fresh
process and prints seconds, peak memory, precision and recall against the planted pairs;
then the growth exponent across sizes, and datasketch's MinHashLSH against our candidate
generation on the same paragraphs.
"""
from __future__ import annotations

import math
import time

import click
import numpy as np
import pandas as pd

from checks.bench import bench
from checks.bench.measure import measure_in_child
from checks.vocab.ids import content_hash

_CJK = np.array([chr(c) for c in range(0x4E00, 0x4E00 + 3000)])
_LATIN_WORDS = np.array(["".join(w) for w in np.random.default_rng(5).choice(list("abcdefghijklmnopqrstuvwxyz"),
                                                                              size=(2000, 6))])


def _fresh_text(rng: np.random.Generator, length: int) -> str:
    """A random paragraph: Chinese clauses, or (one in five) English words, ending with a full stop."""
    if rng.random() < 0.2:
        return " ".join(rng.choice(_LATIN_WORDS, size=max(4, length // 7))).capitalize() + "."
    chars = rng.choice(_CJK, size=length)
    for cut in range(12, length - 1, 13):
        chars[cut] = "，"
    return "".join(chars) + "。"


def _near_copy(rng: np.random.Generator, text: str) -> str:
    """The text with 1% to 10% of its characters substituted (at least one), spread over it, each by a
    character of its own script."""
    chars = list(text)
    changed = max(1, round(rng.uniform(0.01, 0.10) * len(chars)))
    for i in rng.choice(len(chars) - 1, size=changed, replace=False):
        chars[i] = str(rng.choice(_CJK)) if chars[i] >= "\u4e00" else chr(rng.integers(ord("a"), ord("z") + 1))
    return "".join(chars)


def _partial_copy(rng: np.random.Generator, text: str) -> str:
    """A fresh opening glued onto the copied second part of the text (the layout error DUP003 finds)."""
    cut = max(0, min(len(text) // 3, len(text) - 60))  # the copied stretch: at least 60 characters
    return _fresh_text(rng, 20)[:-1] + text[cut:]


def generate(n: int, planted_share: float = 0.002, seed: int = 11) -> tuple[pd.DataFrame, dict[str, set]]:
    """n paragraphs (20 per article) and the planted pairs, by kind; each source is used once."""
    rng = np.random.default_rng(seed)
    texts = [_fresh_text(rng, int(rng.integers(60, 140))) for _ in range(n)]
    per_kind = max(1, int(n * planted_share))
    slots = rng.choice(n, size=6 * per_kind, replace=False)
    truth: dict[str, set] = {"exact": set(), "near": set(), "partial": set()}
    makers = {"exact": lambda r, t: t, "near": _near_copy, "partial": _partial_copy}
    for k, kind in enumerate(truth):
        block = slots[2 * k * per_kind:2 * (k + 1) * per_kind]
        for source, target in zip(block[:per_kind], block[per_kind:]):
            texts[target] = makers[kind](rng, texts[source])
            a, b = f"p-{source:09d}", f"p-{target:09d}"
            truth[kind].add((min(a, b), max(a, b)))
    ids = [f"p-{i:09d}" for i in range(n)]
    frame = pd.DataFrame({
        "paragraph_id": ids, "article_id": [f"a-{i // 20:08d}" for i in range(n)], "file": "bench.txt",
        "section": "", "kind": "body", "position": np.arange(n) % 20, "text": texts, "norm": texts,
        "length": [len(t) for t in texts], "line_start": 2 * np.arange(n) + 1, "line_end": 2 * np.arange(n) + 1,
        "content_hash": [content_hash(t) for t in texts],
    })
    return frame, truth


def _context(paragraphs: pd.DataFrame):
    from checks.config import Config
    from checks.context import Context
    from checks.datasets import load_plugins
    from checks.ingest.reader import Corpus
    from checks.rules.base import RULES

    load_plugins()
    corpus = Corpus(files=[], articles=pd.DataFrame(), paragraphs=paragraphs, accounting=pd.DataFrame())
    return Context(corpus, Config(), RULES)


def _run_rules(paragraphs: pd.DataFrame) -> dict:
    """Run DUP001-003; return the pairs each one reported (a group of copies gives all its pairs)."""
    from checks.rules.base import RULES

    cpu = time.process_time()
    ctx = _context(paragraphs)
    found: dict = {}
    for code, kind in (("DUP001", "exact"), ("DUP002", "near"), ("DUP003", "partial")):
        pairs = set()
        for hit in RULES[code].func(ctx):
            ids = sorted(loc.paragraph_id for loc in hit.locations)
            pairs.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
        found[kind] = sorted(pairs)
    found["cpu"] = time.process_time() - cpu
    return found


def _ours(paragraphs: pd.DataFrame) -> int:
    from checks.rules.duplicates import NEAR, near_candidates

    near_candidates(paragraphs.head(200), NEAR)  # first-call set-up (imports, allocator) is not throughput
    cpu, wall = time.process_time(), time.perf_counter()
    pairs = len(near_candidates(paragraphs, NEAR))
    return [pairs, time.process_time() - cpu, time.perf_counter() - wall]


def _datasketch(texts: list[str]) -> list:
    """datasketch's MinHash + MinHashLSH with our shingles and bands x rows, each script its own index."""
    from datasketch import MinHash, MinHashLSH

    from checks.rules.duplicates import NEAR, near_layouts
    from checks.similarity.exact import script_shingles
    from checks.similarity.hashing import han_shares

    cpu, wall = time.process_time(), time.perf_counter()
    layouts = near_layouts(NEAR)
    pairs = set()
    indexes = {name: MinHashLSH(num_perm=bands * rows, params=(bands, rows))
               for name, (_, bands, rows, _, _) in layouts.items()}
    for i, (text, share) in enumerate(zip(texts, han_shares(texts))):
        for name, (k, bands, rows, low, high) in layouts.items():
            if low <= share <= high:
                m = MinHash(num_perm=bands * rows)
                m.update_batch([s.encode("utf-8") for s in script_shingles(text, k, NEAR["shingle_han"])])
                pairs.update((min(i, j), max(i, j)) for j in indexes[name].query(m))
                indexes[name].insert(i, m)
    return [len(pairs), time.process_time() - cpu, time.perf_counter() - wall]


def _score(found: dict, truth: dict) -> tuple[float, float, str]:
    tp = sum(len(set(found[k]) & truth[k]) for k in truth)
    reported = sum(len(found[k]) for k in truth)
    planted = sum(len(truth[k]) for k in truth)
    per = ", ".join(f"{k} {len(set(found[k]) & truth[k])}/{len(truth[k])}" for k in truth)
    return tp / max(reported, 1), tp / max(planted, 1), per


@bench.command()
@click.option("--sizes", default="10000,100000,1000000", show_default=True, help="Paragraph counts, comma-separated.")
@click.option("--datasketch-sample", default=20000, show_default=True, help="Paragraphs for the datasketch comparison.")
def duplicates(sizes, datasketch_sample):
    """Time DUP001-003 on generated corpora with planted duplicates; compare with datasketch MinHashLSH."""
    try:
        counts = [int(s) for s in sizes.split(",") if s.strip()]
    except ValueError:
        raise click.BadParameter("--sizes takes comma-separated whole numbers") from None
    timings = []
    for n in counts:
        started = time.perf_counter()
        paragraphs, truth = generate(n)
        made = time.perf_counter() - started
        m = measure_in_child(_run_rules, paragraphs)
        cpu = m["result"].pop("cpu")
        precision, recall, per = _score({k: {tuple(p) for p in v} for k, v in m["result"].items()}, truth)
        timings.append((n, m["seconds"], cpu))
        click.echo(f"{n:>9,} paragraphs: duplicate rules {m['seconds']:.1f} s ({n / m['seconds']:,.0f} paragraphs/s), "
                   f"{cpu:.1f} s CPU, peak memory {m['peak_mb']:,.0f} MB; precision {precision:.4f}, recall {recall:.4f} "
                   f"({per}); generated in {made:.1f} s")
    for (n1, t1, c1), (n2, t2, c2) in zip(timings, timings[1:]):
        click.echo(f"growth {n1:,} -> {n2:,} (size x{n2 / n1:.0f}): wall time x{t2 / t1:.1f}, exponent "
                   f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}; CPU time x{c2 / c1:.1f}, exponent "
                   f"{math.log(c2 / c1) / math.log(n2 / n1):.2f} (1.00 = linear)")
    from checks.rules.duplicates import NEAR

    sample, _ = generate(datasketch_sample, seed=13)
    ours = measure_in_child(_ours, sample)
    theirs = measure_in_child(_datasketch, sample["norm"].tolist())
    (our_pairs, our_cpu, our_wall), (their_pairs, their_cpu, their_wall) = ours["result"], theirs["result"]
    click.echo(f"MinHash + LSH candidates on the same {datasketch_sample:,} paragraphs (Han text {NEAR['bands_han']} "
               f"bands of {NEAR['rows_han']}, Latin text {NEAR['bands_latin']} bands of {NEAR['rows_latin']}): "
               f"ours {our_wall:.2f} s wall, {our_cpu:.2f} s CPU ({datasketch_sample / our_cpu:,.0f}/CPU s, "
               f"{our_pairs} pairs); datasketch MinHashLSH {their_wall:.2f} s wall, {their_cpu:.2f} s CPU "
               f"({datasketch_sample / their_cpu:,.0f}/CPU s, {their_pairs} pairs): throughput ratio "
               f"{their_cpu / max(our_cpu, 1e-9):.1f}x by CPU time, {their_wall / max(our_wall, 1e-9):.1f}x by wall time")
