"""Worker processes: the pandas engine on every core, with the findings of one process.

Phase one, in the workers: each reads a contiguous share of the input files (with the ids they have in the
whole run), builds the paragraph- and article-scope derived datasets over them (mentions, claims) and runs the rules
whose scope is paragraph, article or file: what those rules must see at once is whole inside one share of
files. Phase two, here: the shares are joined in input order into the corpus that one process would have
read, the derived datasets likewise, and the rules whose scope is dataset or corpus run over the whole.
"""
from __future__ import annotations

import multiprocessing
import sys
import time
from dataclasses import dataclass

import pandas as pd

from checks.backends.base import Backend
from checks.backends.local import LocalBackend, run_rules
from checks.context import Context, open_context
from checks.datasets import load_plugins, split_dataset, split_datasets_read
from checks.ingest.reader import Corpus, InputFile, concat_corpora, input_files, read_files
from checks.model import Hit
from checks.rules.base import RULES, SCOPES

SPLIT_SCOPES = ("paragraph", "article", "file")  # what one share of whole files holds whole
SHARES_PER_JOB = 4  # more shares than workers, so one slow share does not leave the other workers idle
MIN_PARALLEL_BYTES = 1 << 20  # below this, starting workers costs more than it saves


@dataclass
class ShareResult:
    corpus: Corpus
    datasets: dict[str, pd.DataFrame]
    hits: dict[str, list[Hit]]
    seconds: dict[str, float]


_JOB: dict = {}


def _start_worker(config, codes: list[str], datasets: list[str]) -> None:
    load_plugins()
    _JOB.update(config=config, codes=codes, datasets=datasets)


def _phase_one(files: list[InputFile]) -> ShareResult:
    """Read one share of files, build its derived datasets and run the split rules over it."""
    started = time.perf_counter()
    corpus = read_files(files, columns=_JOB["config"].input)
    seconds = {"ingest": time.perf_counter() - started}
    context = Context(corpus, _JOB["config"], RULES)
    started = time.perf_counter()
    for name in _JOB["datasets"]:
        context.dataset(name)
    seconds["datasets"] = time.perf_counter() - started
    hits, timing = run_rules(context, [RULES[code] for code in _JOB["codes"]])
    built = {name: frame for name, frame in context.built().items() if split_dataset(name)}
    return ShareResult(corpus, built, hits, {**seconds, **timing})


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
        from checks.engine import Outcome

        if isinstance(source, Corpus):
            return LocalBackend().run(source, plan, progress)
        files = input_files(list(source))
        shares = shares_of(files, self.jobs * SHARES_PER_JOB)
        if self.jobs < 2 or len(shares) < 2 or sum(f.size for f in files) < self.min_bytes:
            return LocalBackend().run(source, plan, progress)
        split = [rule for rule in plan.rules if rule.scope in SPLIT_SCOPES]
        whole = [rule for rule in plan.rules if rule.scope not in SPLIT_SCOPES]
        wanted = split_datasets_read(whole)
        results = []
        started = time.perf_counter()
        with _pool_context().Pool(min(self.jobs, len(shares)), initializer=_start_worker,
                                  initargs=(plan.config, [r.code for r in split], wanted)) as pool:
            for share, result in zip(shares, pool.imap(_phase_one, shares)):
                results.append(result)
                if progress:
                    progress.advance_bytes(sum(f.size for f in share))
        seconds = _summed([r.seconds for r in results])
        seconds["workers"] = time.perf_counter() - started
        corpus = concat_corpora([r.corpus for r in results])
        context = open_context(corpus, plan.config, RULES)
        for name in sorted(set.intersection(*(set(r.datasets) for r in results))):
            context.set_dataset(name, pd.concat([r.datasets[name] for r in results], ignore_index=True))
        hits: dict[str, list[Hit]] = {rule.code: [h for r in results for h in r.hits.get(rule.code, [])]
                                      for rule in split}
        del results  # the parts are in the joined corpus now
        more_hits, timing = run_whole(context, whole, self.jobs, progress)
        return Outcome(corpus, context, {**hits, **more_hits}, {**seconds, **timing})


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
        with multiprocessing.get_context("fork").Pool(min(jobs, len(rules))) as pool:
            for code, found, spent in pool.imap_unordered(_phase_two, [rule.code for rule in rules]):
                hits[code], seconds[code] = found, spent
                if progress:
                    progress.rule(code)
    finally:
        _WHOLE.clear()
    return hits, seconds


def _summed(timings: list[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for timing in timings:
        for key, value in timing.items():
            total[key] = total.get(key, 0.0) + value
    return total
