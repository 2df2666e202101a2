"""`checks bench suite`: one table, our engines and their peers side by side, at several sizes.

For each size a corpus of that many paragraphs is generated: by default real news
paragraphs, disguised, with planted defects (checks/bench/realistic.py), or with
`--corpus made-up` distinct made-up sentences with planted copies and doubled words. Then every
measurement runs in a fresh process: the pandas engine's full run with one process and with
two workers (what `checks run --jobs N` does with Data Docs off: ingest, datasets, every rule,
findings.json, junit.xml, index.html), the Spark engine's full run (local[2]),
the near-duplicate candidate step (ours against datasketch's MinHashLSH, and Spark ML's),
and the paragraphs schema (pandera against a Great Expectations Checkpoint of the same
constraints). Peak memory is the whole process tree's (the JVM and Python workers
included), sampled from /proc. The last column is the growth exponent b of
seconds ~ size^b fitted across the sizes: 1 is linear.
"""
from __future__ import annotations

import math
import os
import random
import tempfile
import threading
import time
from pathlib import Path

import click

from checks.bench import bench
from checks.bench.measure import measure_in_child

PEERS = ("pandas", "spark", "datasketch", "gx", "pandera")
# Common characters of news text; sentences drawn from them are distinct from each other.
_HANZI = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
          "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
          "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第"
          "向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管")


def _vocabulary(size: int = 3000, seed: int = 11) -> tuple[str, ...]:
    """Pronounceable made-up words: English-like spelling without a handful of words recurring
    in every sentence (a tiny vocabulary would make every English paragraph a near duplicate)."""
    rng = random.Random(seed)
    syllables = [c + v + e for c in "bcdfghklmnprstvw" for v in "aeiou" for e in ("", "n", "r", "st")]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 3))))
    return tuple(sorted(words))


_WORDS = _vocabulary()
_LONG_WORDS = [w for w in _WORDS if len(w) >= 4]  # none of the doubles English allows (so so, no no)


def _sentence(rng: random.Random) -> str:
    """Distinct words or characters, so nothing is doubled by chance."""
    if rng.random() < 0.25:
        return " ".join(rng.sample(_WORDS, rng.randint(10, 20))).capitalize() + "."
    return "".join(rng.sample(_HANZI, rng.randint(18, 40))) + "。"


def _paragraph(rng: random.Random) -> str:
    return "".join(_sentence(rng) for _ in range(rng.randint(2, 4)))


def _defect(rng: random.Random, text: str, earlier: list[str]) -> str:
    """Now and then a planted defect: an exact, near or partial copy of an earlier paragraph, a doubling."""
    roll = rng.random()
    if not earlier or roll > 0.04:
        return text
    source = rng.choice(earlier)
    if roll < 0.01:
        return source
    if roll < 0.02:
        cut = rng.randrange(len(source))
        return source[:cut] + rng.choice(_HANZI) + source[cut + 1:]
    if roll < 0.03:
        return _sentence(rng) + source[len(source) // 3:]
    words = rng.sample(_LONG_WORDS, 12)
    words.insert(3, words[3])  # a word doubled
    return text + " ".join(words).capitalize() + "."


def write_paragraph_corpus(folder: Path, paragraphs: int, seed: int = 5, per_page: int = 200) -> int:
    """Pages of articles (title, dateline, body) until `paragraphs` paragraphs are written; return bytes."""
    rng = random.Random(seed)
    written, page, done = 0, 0, 0
    recent: list[str] = []
    while done < paragraphs:
        lines: list[str] = []
        in_page = 0
        while in_page < per_page and done + in_page < paragraphs:
            lines += [f"第{page}版 {_sentence(rng)[:12]}", "", f"新华社北京{rng.randint(1, 12)}月{rng.randint(1, 28)}日电", ""]
            in_page += 2
            for _ in range(rng.randint(5, 15)):
                original = _paragraph(rng)
                text = _defect(rng, original, recent)
                recent = (recent + [original])[-50:]  # copies are of originals, as in real corpora: no chains
                lines += [text, ""]
                in_page += 1
        data = ("\n".join(lines) + "\n").encode("utf-8")
        (folder / f"page_{page:06d}.txt").write_bytes(data)
        written += len(data)
        done += in_page
        page += 1
    return written


class TreePeak:
    """Samples the resident memory of this process and all its descendants (JVM, workers) from /proc."""

    def __init__(self, interval: float = 0.1):
        self.peak_kib = 0
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kib = max(self.peak_kib, tree_rss_kib(os.getpid()))
            self._stop.wait(self._interval)


def tree_rss_kib(root: int) -> int:
    """Sum of VmRSS over root and its descendants."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    parents[int(entry)] = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in tree:
                tree.add(child)
                frontier.append(child)
    total = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/status") as handle:
                total += next((int(line.split()[1]) for line in handle if line.startswith("VmRSS:")), 0)
        except OSError:
            continue
    return total


def _measured(step):
    """Run step() -> (seconds of the measured part, rows, note) with the process tree's peak memory."""
    with TreePeak() as peak:
        seconds, rows, note = step()
    return {"step_seconds": seconds, "rows": rows, "note": note, "tree_peak_mb": peak.peak_kib / 1024}


def _paragraphs(folder: str):
    from checks.ingest.reader import read_corpus

    return read_corpus([folder]).paragraphs


def _config():
    from checks.config import Config

    return Config(data_docs=False)


def _full_run(folder: str, backend=None):
    """Time one backend's run and the writing of its three reports: (seconds, rows, findings)."""
    from checks.engine import run
    from checks.surfaces.write import write_reports

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as reports:
        result = run([folder], _config(), backend)
        write_reports(result, reports)
        seconds = time.perf_counter() - started
    return seconds, len(result.corpus.paragraphs), f"{len(result.findings)} findings"


def run_pandas(folder: str, jobs: int = 1):
    """What `checks run --jobs N` does with `data-docs = false`: ingest, datasets, every rule, the three reports."""
    def step():
        from checks.backends import LocalBackend, ProcessesBackend

        return _full_run(folder, LocalBackend() if jobs == 1 else ProcessesBackend(jobs))
    return _measured(step)


def run_pandas_two_jobs(folder: str):
    return run_pandas(folder, jobs=2)


def run_spark(folder: str):
    def step():
        from checks.spark.backend import SparkBackend
        from checks.spark.session import get_session

        spark = get_session("local[2]")
        measured = _full_run(folder, SparkBackend(spark=spark))
        spark.stop()
        return measured
    return _measured(step)


def near_ours(folder: str):
    def step():
        from checks.rules.duplicates import ELIGIBILITY, NEAR, near_candidates

        paragraphs = _paragraphs(folder)
        started = time.perf_counter()
        pairs = near_candidates(paragraphs, {**ELIGIBILITY, **NEAR})
        return time.perf_counter() - started, len(paragraphs), f"{len(pairs)} candidate pairs"
    return _measured(step)


def near_datasketch(folder: str):
    """datasketch's MinHash + MinHashLSH at the same threshold, permutations and shingles."""
    def step():
        from datasketch import MinHash, MinHashLSH

        from checks.rules.duplicates import ELIGIBILITY, NEAR, representatives
        from checks.similarity.exact import shingles

        paragraphs = _paragraphs(folder)
        started = time.perf_counter()
        reps = representatives(paragraphs, {**ELIGIBILITY, **NEAR})
        lsh = MinHashLSH(threshold=NEAR["threshold"], num_perm=NEAR["num_perm"])
        pairs = set()
        for pid, text in zip(reps["paragraph_id"], reps["norm"]):
            signature = MinHash(num_perm=NEAR["num_perm"], seed=NEAR["seed"])
            signature.update_batch([s.encode("utf-8") for s in shingles(text, NEAR["shingle"])])
            for other in lsh.query(signature):
                pairs.add((min(pid, other), max(pid, other)))
            lsh.insert(pid, signature)
        return time.perf_counter() - started, len(paragraphs), f"{len(pairs)} candidate pairs"
    return _measured(step)


def _timed_on_spark(folder: str, work):
    """Read the corpus on Spark local[2], then time work(paragraphs) alone: (seconds, rows, its note)."""
    from checks.spark.ingest import read_spark
    from checks.spark.session import get_session

    spark = get_session("local[2]")
    corpus = read_spark(spark, [folder])
    count = corpus.paragraphs.count()
    started = time.perf_counter()
    note = work(corpus.paragraphs)
    seconds = time.perf_counter() - started
    spark.stop()
    return seconds, count, note


def near_spark(folder: str):
    def work(paragraphs):
        from checks.rules.duplicates import ELIGIBILITY, NEAR
        from checks.spark.duplicates import near_candidates

        return f"{len(near_candidates(paragraphs, {**ELIGIBILITY, **NEAR}))} candidate pairs"
    return _measured(lambda: _timed_on_spark(folder, work))


def schema_pandera(folder: str):
    def step():
        from checks.rules.schema import _failure_cases
        from checks.schemas import ParagraphsModel

        paragraphs = _paragraphs(folder)
        started = time.perf_counter()
        cases = _failure_cases(paragraphs, ParagraphsModel)
        return time.perf_counter() - started, len(paragraphs), f"{len(cases)} failure cases"
    return _measured(step)


def gx_expectations():
    """The ParagraphsModel's constraints as GX Core expectations (the length==len(text) check has none)."""
    import great_expectations as gx

    from checks.schemas import PARAGRAPH_KINDS

    e = gx.expectations
    return [
        e.ExpectColumnValuesToBeUnique(column="paragraph_id"),
        e.ExpectColumnValuesToMatchRegex(column="paragraph_id", regex=r"^p-[0-9a-f]{12}$"),
        e.ExpectColumnValuesToMatchRegex(column="article_id", regex=r"^a-[0-9a-f]{10}$"),
        e.ExpectColumnValueLengthsToBeBetween(column="file", min_value=1),
        e.ExpectColumnValuesToBeInSet(column="kind", value_set=PARAGRAPH_KINDS),
        e.ExpectColumnValuesToBeBetween(column="position", min_value=0),
        e.ExpectColumnValueLengthsToBeBetween(column="text", min_value=1),
        e.ExpectColumnValuesToBeBetween(column="length", min_value=1),
        e.ExpectColumnValuesToBeBetween(column="line_start", min_value=1),
        e.ExpectColumnValuesToBeBetween(column="line_end", min_value=1),
        e.ExpectColumnValuesToMatchRegex(column="content_hash", regex=r"^[0-9a-f]{16}$"),
        e.ExpectColumnPairValuesAToBeGreaterThanB(column_A="line_end", column_B="line_start", or_equal=True),
        e.ExpectTableColumnsToMatchSet(column_set=list(_paragraph_columns()), exact_match=True),
    ]


def _paragraph_columns():
    from checks.ingest.reader import PARAGRAPH_COLUMNS

    return PARAGRAPH_COLUMNS


def schema_gx(folder: str):
    def step():
        import great_expectations as gx

        paragraphs = _paragraphs(folder)
        started = time.perf_counter()
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(globally=False)
        asset = context.data_sources.add_pandas("bench").add_dataframe_asset("paragraphs")
        batch = asset.add_batch_definition_whole_dataframe("all")
        suite = context.suites.add(gx.ExpectationSuite(name="paragraphs", expectations=gx_expectations()))
        definition = context.validation_definitions.add(gx.ValidationDefinition(name="paragraphs", data=batch, suite=suite))
        checkpoint = context.checkpoints.add(gx.Checkpoint(name="paragraphs", validation_definitions=[definition]))
        result = checkpoint.run(batch_parameters={"dataframe": paragraphs})
        failed = sum(1 for r in result.run_results.values() for x in r.results if not x.success)
        return time.perf_counter() - started, len(paragraphs), f"{failed} expectations failed"
    return _measured(step)


def schema_pandera_pyspark(folder: str):
    """pandera's PySpark backend on the carried constraints (no per-row cases: a summary)."""
    def work(paragraphs):
        from checks.schemas import ParagraphsModel
        from checks.spark.schema import summary

        result = summary(paragraphs, ParagraphsModel)
        return f"{len(result['failing'])} checks failed, {len(result['not_carried'])} not carried"
    return _measured(lambda: _timed_on_spark(folder, work))


# (peer, group, label, function); the first row of each group is the reference of its ratios.
MEASUREMENTS = [
    ("pandas", "full run", "checks, pandas engine --jobs 1", run_pandas),
    ("pandas", "full run", "checks, pandas engine --jobs 2", run_pandas_two_jobs),
    ("spark", "full run", "checks, Spark engine local[2]", run_spark),
    ("pandas", "near-duplicate candidates", "checks (numpy MinHash, banded LSH)", near_ours),
    ("datasketch", "near-duplicate candidates", "datasketch MinHashLSH", near_datasketch),
    ("spark", "near-duplicate candidates", "Spark ML MinHashLSH local[2]", near_spark),
    ("pandera", "paragraphs schema", "pandera (lazy)", schema_pandera),
    ("gx", "paragraphs schema", "GX Core Checkpoint", schema_gx),
    ("spark", "paragraphs schema", "pandera PySpark backend local[2]", schema_pandera_pyspark),
]


def growth_exponent(points: list[tuple[int, float]]) -> float | None:
    """Least-squares slope of log(seconds) against log(size): 1.0 is linear, 2.0 quadratic."""
    points = [(n, s) for n, s in points if n > 0 and s > 0]
    if len(points) < 2:
        return None
    xs, ys = [math.log(n) for n, _ in points], [math.log(s) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else None


def render_table(rows: list[dict], sizes: list[int]) -> str:
    """One markdown table: every measurement at every size, with ratios and growth exponents."""
    reference: dict[tuple[str, int], float] = {}
    for row in rows:
        reference.setdefault((row["group"], row["size"]), row["seconds"])
    exponents: dict[str, float | None] = {}
    for label in dict.fromkeys(r["label"] for r in rows):
        exponents[label] = growth_exponent([(r["paragraphs"], r["seconds"]) for r in rows if r["label"] == label])
    lines = ["| step | tool | paragraphs | seconds | paragraphs/s | peak MB | x reference | growth exponent | result |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for row in rows:
        ratio = row["seconds"] / reference[(row["group"], row["size"])]
        exponent = exponents[row["label"]]
        lines.append(
            f"| {row['group']} | {row['label']} | {row['paragraphs']:,} | {row['seconds']:.2f} | "
            f"{row['paragraphs'] / row['seconds']:,.0f} | {row['peak_mb']:.0f} | {ratio:.2f} | "
            f"{'' if exponent is None else f'{exponent:.2f}'} | {row['note']} |")
    return "\n".join(lines)


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(s.replace("_", "")) for s in text.split(",") if s.strip()]
    except ValueError:
        raise click.BadParameter("sizes must be whole numbers separated by commas, e.g. 10000,100000") from None
    if not sizes or min(sizes) < 100:
        raise click.BadParameter("each size must be at least 100 paragraphs")
    return sorted(sizes)


def _peers(text: str) -> set[str]:
    chosen = {p.strip() for p in text.split(",") if p.strip()}
    unknown = chosen - set(PEERS)
    if unknown:
        raise click.BadParameter(f"unknown peer {sorted(unknown)[0]!r}; choose from {', '.join(PEERS)}")
    return chosen


@bench.command()
@click.option("--sizes", default="10000,100000,1000000", show_default=True, help="Corpus sizes in paragraphs.")
@click.option("--peers", default=",".join(PEERS), show_default=True,
              help="Which tools to measure; leave out slow ones at large sizes.")
@click.option("--max-peer-size", type=int, default=None,
              help="Measure peers other than the pandas engine only up to this size.")
@click.option("--corpus", type=click.Choice(["realistic", "made-up"]), default="realistic", show_default=True,
              help="realistic: real news paragraphs, disguised, with planted defects (checks bench corpus); "
                   "made-up: sentences of made-up words and common characters.")
@click.option("--source", type=click.Path(exists=True, dir_okay=False),
              help="Real articles (.jsonl with `body`) for the realistic corpus (default: ../shared/corpus/news.jsonl).")
def suite(sizes, peers, max_peer_size, corpus, source):
    """Our pandas and Spark engines, datasketch, GX and pandera side by side: one table."""
    from checks.bench.realistic import default_source, write_realistic_corpus

    sizes, peers = _sizes(sizes), _peers(peers)
    source_path = Path(source) if source else default_source()
    if corpus == "realistic" and source_path is None:
        raise click.UsageError("the realistic corpus needs --source FILE.jsonl (real articles), or use --corpus made-up")
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            if corpus == "realistic":
                megabytes = write_realistic_corpus(Path(tmp), size, source_path).bytes / 1024 / 1024
            else:
                megabytes = write_paragraph_corpus(Path(tmp), size) / 1024 / 1024
            click.echo(f"{size:,} paragraphs: {megabytes:.1f} MB generated ({corpus})", err=True)
            for peer, group, label, func in MEASUREMENTS:
                if peer not in peers or (max_peer_size and size > max_peer_size and peer != "pandas"):
                    continue
                m = measure_in_child(func, tmp)["result"]
                click.echo(f"  {label}: {m['step_seconds']:.2f} s", err=True)
                rows.append({"group": group, "label": label, "size": size, "paragraphs": m["rows"],
                             "seconds": m["step_seconds"], "peak_mb": m["tree_peak_mb"], "note": m["note"]})
    rows.sort(key=lambda r: ([g for _, g, _, _ in MEASUREMENTS].index(r["group"]), r["size"],
                             [lab for _, _, lab, _ in MEASUREMENTS].index(r["label"])))
    click.echo(render_table(rows, sizes))
