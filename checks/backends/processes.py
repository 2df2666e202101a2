"""Worker processes: the pandas engine on every core, with the findings of one process.

Phase one, in the workers, by one of two routes:
- many files: each worker reads a contiguous share of the input files (with the ids they have in the whole
  run), builds the paragraph- and article-scope derived datasets over them (mentions, claims) and runs the
  rules whose scope is paragraph, article or file: what those rules must see at once is whole inside one
  share of files;
- one big file (or one file most of the input): this process reads it, and workers forked from it, which
  inherit the corpus without a copy, each take a contiguous run of whole articles for the derived datasets
  and the paragraph- and article-scope rules; file-scope rules join phase two.
Phase two, here: the shares are joined in input order into the corpus that one process would have read, the
derived datasets likewise, and the rules whose scope is dataset or corpus run over the whole.
"""
from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
import pyarrow as pa

from checks.backends.base import Backend
from checks.backends.local import LocalBackend, run_rules
from checks.context import Context, open_context
from checks.datasets import DATASETS, load_plugins, split_dataset, split_datasets_read
from checks.ingest.reader import Corpus, InputFile, concat_corpora, input_files, read_files
from checks.model import Hit
from checks.rules.base import RULES, SCOPES
from checks.rules.schema import Failure, failures

SPLIT_SCOPES = ("paragraph", "article", "file")  # what one share of whole files holds whole
ARTICLE_SCOPES = ("paragraph", "article")  # what one run of whole articles holds whole
SHARES_PER_JOB = 4  # more shares than workers, so one slow share does not leave the other workers idle
MIN_PARALLEL_BYTES = 1 << 20  # below this, starting workers costs more than it saves


@dataclass
class PartCheck:
    """A derived dataset validated in the part that built it, in place of its frame: its schema failures (rows
    of the part), its row count, and a hash of each value of its unique columns, so the join can tell that
    no value repeats across parts (the one thing a part cannot see)."""

    rows: int
    failures: list[Failure]
    keys: dict[str, np.ndarray]


@dataclass
class ShareResult:
    corpus: Corpus | None  # None when the parent read it
    datasets: dict[str, pd.DataFrame]
    hits: dict[str, list[Hit]]
    seconds: dict[str, float]
    checked: dict[str, PartCheck] = field(default_factory=dict)


_JOB: dict = {}


def _start_worker(config, codes: list[str], datasets: list[str], validate: list[str]) -> None:
    load_plugins()
    _JOB.update(config=config, codes=codes, datasets=datasets, validate=validate)


def _phase_one(files: list[InputFile]) -> ShareResult:
    """Read one share of files, build its derived datasets and run the split rules over it."""
    started = time.perf_counter()
    corpus = read_files(files, columns=_JOB["config"].input)
    return _part_result(corpus, {"ingest": time.perf_counter() - started})


def _part_result(corpus: Corpus, seconds: dict[str, float]) -> ShareResult:
    """The job's derived datasets and split rules over one part of the run (a worker's `_JOB` says which)."""
    context = Context(corpus, _JOB["config"], RULES)
    started = time.perf_counter()
    for name in _JOB["datasets"]:
        context.dataset(name)
    seconds = {**seconds, "datasets": time.perf_counter() - started}
    hits, timing = run_rules(context, [RULES[code] for code in _JOB["codes"]])
    built = {name: frame for name, frame in context.built().items() if split_dataset(name)}
    started = time.perf_counter()
    checked = {name: _part_check(built.pop(name), DATASETS[name].model, DATASETS[name].locate)
               for name in _JOB["validate"] if name in built and _numbered(built[name])}
    if checked:
        timing["SCH001"] = time.perf_counter() - started
    return ShareResult(corpus, built, hits, {**seconds, **timing}, checked)


def _numbered(frame: pd.DataFrame) -> bool:
    """Whether a part's rows are labelled 0..n-1, so that row k of the part is row `before + k` of the join."""
    index = frame.index
    return isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1


def _part_check(frame: pd.DataFrame, model: type, locate) -> PartCheck:
    unique = [name for name, column in model.to_schema().columns.items() if column.unique and name in frame]
    return PartCheck(len(frame), failures(frame, model, locate),
                     {name: pd.util.hash_array(frame[name].to_numpy(dtype=object)) for name in unique})


def validated_in_parts(plan, whole) -> list[str]:
    """The derived datasets that phase two reads only to validate them (SCH001): each part validates its own,
    and only the failures come back, not the frames (the largest thing a run held). Data Docs show every
    dataset, so with them on the frames come back as before."""
    checks_schema = any(rule.code == "SCH001" for rule in whole)
    named = {rule.dataset for rule in whole if rule.code != "SCH001"}
    if not checks_schema or plan.config.data_docs or "*" in named:
        return []
    return [name for name in split_datasets_read(whole) if name not in named]


def shares_of(files: list[InputFile], count: int) -> list[list[InputFile]]:
    """Contiguous runs of files (reading order kept) of about equal size, at most `count` of them."""
    total = sum(f.size for f in files) or 1
    shares: list[list[InputFile]] = [[]]
    filled = 0
    for item in files:
        if shares[-1] and filled >= total * len(shares) / count:
            shares.append([])
        shares[-1].append(item)
        filled += item.size
    return [share for share in shares if share]


def _pool_context():
    """fork where it is safe (Linux): workers start at once with everything imported; spawn elsewhere."""
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")


class ProcessesBackend(Backend):
    name = "pandas"
    scopes = SCOPES

    def __init__(self, jobs: int, min_bytes: int = MIN_PARALLEL_BYTES):
        self.jobs = jobs
        self.min_bytes = min_bytes

    def run(self, source, plan, progress=None):
        use_system_allocator()
        if isinstance(source, Corpus):
            if self.jobs < 2 or _text_bytes(source) < self.min_bytes or not _can_fork():
                return LocalBackend().run(source, plan, progress)
            return self._by_articles(source, plan, {}, progress)
        files = input_files(list(source))
        total = sum(f.size for f in files)
        if self.jobs < 2 or total < self.min_bytes:
            return LocalBackend().run(source, plan, progress)
        if by_files(files, self.jobs) or not _can_fork():
            shares = shares_of(files, self.jobs * SHARES_PER_JOB)
            if len(shares) >= 2:
                return self._by_files(shares, plan, progress)
            return LocalBackend().run(source, plan, progress)
        started = time.perf_counter()
        corpus = read_files(files, progress.advance_bytes if progress else None, plan.config.input)
        corpus = replace(corpus, paragraphs=mapped(corpus.paragraphs))
        return self._by_articles(corpus, plan, {"ingest": time.perf_counter() - started}, progress)

    def _by_files(self, shares, plan, progress):
        split = [rule for rule in plan.rules if rule.scope in SPLIT_SCOPES]
        whole = [rule for rule in plan.rules if rule.scope not in SPLIT_SCOPES]
        wanted = split_datasets_read(whole)
        results = []
        started = time.perf_counter()
        with _pool_context().Pool(min(self.jobs, len(shares)), initializer=_start_worker,
                                  initargs=(plan.config, [r.code for r in split], wanted,
                                            validated_in_parts(plan, whole))) as pool:
            for share, result in zip(shares, pool.imap(_phase_one, shares)):
                results.append(result)
                if progress:
                    progress.advance_bytes(sum(f.size for f in share))
        corpus = concat_corpora([r.corpus for r in results])
        for result in results:
            result.corpus = None  # its frames are the joined corpus's now, and are mapped away below
        corpus = replace(corpus, paragraphs=mapped(corpus.paragraphs))
        return self._joined(corpus, plan, split, whole, results, {"workers": time.perf_counter() - started}, progress)

    def _by_articles(self, corpus: Corpus, plan, seconds: dict[str, float], progress):
        """Workers forked from this process, each over a run of whole articles of the corpus read here."""
        split = [rule for rule in plan.rules if rule.scope in ARTICLE_SCOPES]
        whole = [rule for rule in plan.rules if rule.scope not in ARTICLE_SCOPES]
        wanted = split_datasets_read(whole)
        runs = article_runs(corpus, self.jobs * SHARES_PER_JOB)
        if len(runs) < 2 or not (split or wanted):
            return LocalBackend().run(corpus, plan, progress)
        _JOB.update(corpus=corpus, config=plan.config, codes=[r.code for r in split], datasets=wanted,
                    validate=validated_in_parts(plan, whole))
        started = time.perf_counter()
        try:
            with multiprocessing.get_context("fork").Pool(min(self.jobs, len(runs))) as pool:
                results = list(pool.imap(_articles_phase_one, runs))
        finally:
            _JOB.clear()
        seconds = {**seconds, "workers": time.perf_counter() - started}
        return self._joined(corpus, plan, split, whole, results, seconds, progress)

    def _joined(self, corpus: Corpus, plan, split, whole, results: list[ShareResult], seconds, progress):
        """Phase two, whichever way the run was split: the parts' hits and datasets joined in order, then the
        rules that need the whole run."""
        from checks.engine import Outcome

        seconds = {**_summed([r.seconds for r in results]), **seconds}
        _ticked(progress, split)
        context = _joined_context(corpus, plan.config, results)
        hits: dict[str, list[Hit]] = {rule.code: [h for r in results for h in r.hits.get(rule.code, [])]
                                      for rule in split}
        results.clear()  # the parts are in the joined corpus and datasets now (the caller's list too)
        release_freed_memory()  # before phase two forks: its processes would start with the pages the parts held
        more_hits, timing = run_whole(context, whole, self.jobs, progress)
        return Outcome(corpus, context, {**hits, **more_hits}, _summed([seconds, timing]))


def by_files(files: list[InputFile], jobs: int) -> bool:
    """Whether shares of whole files keep every worker busy: no file holds more than half a worker's part
    of the input. Otherwise (one big .jsonl or Parquet file) the run is split by articles instead."""
    total = sum(f.size for f in files)
    return len(files) >= 2 and max(f.size for f in files) * 2 * jobs <= total


def article_runs(corpus: Corpus, count: int) -> list[tuple[int, int, int, int]]:
    """Contiguous runs of whole articles of about equal text length, at most `count`: for each, its rows in
    the articles table and in the paragraphs table (start, end, start, end). A run ends where an article
    does; articles with no paragraph go with the run before them."""
    paragraphs, articles = corpus.paragraphs, corpus.articles
    owners = paragraphs["article_id"].to_numpy(dtype=object)
    if not len(owners):
        return []
    lengths = np.cumsum(paragraphs["length"].to_numpy(dtype=np.int64))
    new_article = np.flatnonzero(owners[1:] != owners[:-1]) + 1  # paragraph rows where an article begins
    cuts = [0]
    for k in range(1, count):
        at = int(np.searchsorted(new_article, np.searchsorted(lengths, lengths[-1] * k / count)))
        if at < len(new_article) and new_article[at] > cuts[-1]:
            cuts.append(int(new_article[at]))
    cuts.append(len(owners))
    first_row = {a: i for i, a in enumerate(articles["article_id"].to_numpy(dtype=object))}
    article_cuts = [0] + [first_row[owners[p]] for p in cuts[1:-1]] + [len(articles)]
    return [(article_cuts[i], article_cuts[i + 1], cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _articles_phase_one(rows: tuple[int, int, int, int]) -> ShareResult:
    """The derived datasets and the article-local rules over one run of whole articles (in a forked worker,
    which inherited the whole corpus in `_JOB`)."""
    a0, a1, p0, p1 = rows
    corpus = _JOB["corpus"]
    part = Corpus([], corpus.articles.iloc[a0:a1].reset_index(drop=True),
                  corpus.paragraphs.iloc[p0:p1].reset_index(drop=True), corpus.accounting.iloc[0:0])
    return replace(_part_result(part, {}), corpus=None)  # the parent holds the corpus already


def _joined_context(corpus: Corpus, config, results: list[ShareResult]) -> Context:
    """The whole run's Context, with the derived datasets the parts built joined in their order, and those
    they validated themselves recorded with their failures as rows of the whole."""
    context = open_context(corpus, config, RULES)
    parts = [r.datasets for r in results]
    for name in sorted(set.intersection(*(set(p) for p in parts))) if parts else []:
        context.set_dataset(name, pd.concat([p[name] for p in parts], ignore_index=True))
    for name in sorted(set.intersection(*(set(r.checked) for r in results))) if results else []:
        joined = joined_check([r.checked[name] for r in results])
        if joined is not None:
            context.set_validated(name, *joined)
    return context


def joined_check(checks: list[PartCheck]) -> tuple[list[Failure], int] | None:
    """The failures of the whole dataset from its parts' (rows renumbered), and its row count; None when the
    parts' results need not be the whole's: a value of a unique column found in two parts (pandera would
    report both rows), or a check failing on a part as a whole. The dataset is then built and validated
    whole, as one process does."""
    found: list[Failure] = []
    before = 0
    for check in checks:
        if any(not failure.has_row for failure in check.failures):
            return None
        found += [failure.shifted(before) for failure in check.failures]
        before += check.rows
    for column in checks[0].keys if checks else []:
        distinct = np.concatenate([np.unique(check.keys[column]) for check in checks])
        if len(np.unique(distinct)) < len(distinct):
            return None
    return found, before


def _text_bytes(corpus: Corpus) -> int:
    """About the UTF-8 size of a corpus's text (three bytes a character, as for Chinese)."""
    return int(corpus.paragraphs["length"].sum()) * 3 if len(corpus.paragraphs) else 0


def _ticked(progress, rules) -> None:
    """The rules the workers ran, counted on the progress bar once their results are back."""
    for rule in rules if progress else []:
        progress.rule(rule.code)


def _can_fork() -> bool:
    return sys.platform.startswith("linux")


_WHOLE: dict = {}


def _phase_two(code: str) -> tuple[str, list[Hit], float]:
    """One dataset- or corpus-scope rule over the whole run's Context, which this process inherited."""
    started = time.perf_counter()
    hits = list(RULES[code].func(_WHOLE["context"]))
    return code, hits, time.perf_counter() - started


def run_whole(context: Context, rules, jobs: int, progress=None) -> tuple[dict[str, list[Hit]], dict[str, float]]:
    """The rules that need the whole run, side by side in processes forked from this one: each inherits the
    joined corpus and datasets without a copy (pages are shared until written), and sends back its hits."""
    if jobs < 2 or len(rules) < 2 or not sys.platform.startswith("linux"):
        return run_rules(context, rules, progress)
    context.locate_index()  # built once here, shared by every process forked below
    _WHOLE["context"] = context
    hits: dict[str, list[Hit]] = {}
    seconds: dict[str, float] = {}
    try:
        # a process per rule (maxtasksperchild=1): each starts from this one, not from what the rule before it
        # left behind (a duplicate rule's candidates), so two rules' peaks are never held by one process
        with multiprocessing.get_context("fork").Pool(min(jobs, len(rules)), maxtasksperchild=1) as pool:
            for code, found, spent in pool.imap_unordered(_phase_two, [rule.code for rule in rules]):
                hits[code], seconds[code] = found, spent
                if progress:
                    progress.rule(code)
    finally:
        _WHOLE.clear()
    return hits, seconds


def mapped(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its Arrow-backed columns (the paragraphs' texts and ids) read from a memory-mapped file
    written here, equal values of the same dtype. Their pages then belong to the file, not to this process's
    heap: a process forked from this one does not start with them resident, and holds only the pages it reads
    (a duplicate rule the normalised text, not the text). The file is unlinked at once; the mapping keeps it."""
    names = [name for name in frame.columns if hasattr(frame[name].array, "__arrow_array__")]
    if not names:
        return frame
    table = pa.table({name: pa.chunked_array(pa.array(frame[name].array)) for name in names})
    handle, path = tempfile.mkstemp(prefix="checks-", suffix=".arrow")
    try:
        with os.fdopen(handle, "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
            writer.write_table(table)
        table = pa.ipc.open_file(pa.memory_map(path)).read_all()
    finally:
        os.unlink(path)
    out = frame.copy(deep=False)
    for name in names:
        out[name] = pd.Series(type(frame[name].array)(table[name]), index=frame.index, name=name)
    return out


def use_system_allocator() -> None:
    """Arrow buffers from the C library's malloc, not Arrow's own pool: memory an Arrow column frees then
    goes back to the system with `release_freed_memory`, where the pool would keep it resident (and every
    process forked from this one would start with it)."""
    pa.set_memory_pool(pa.system_memory_pool())


def release_freed_memory() -> None:
    """Collect garbage and hand the heap's free pages back to the system (glibc's malloc_trim, where there
    is one): freed memory otherwise stays resident in this process and in every process forked from it."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # no glibc (macOS, musl): nothing to hand back this way
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _summed(timings: list[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for timing in timings:
        for key, value in timing.items():
            total[key] = total.get(key, 0.0) + value
    return total
