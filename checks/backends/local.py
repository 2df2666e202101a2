"""One process: every rule's function over the whole run's Context."""
from __future__ import annotations

import time

from checks.backends.base import Backend
from checks.context import Context, open_context
from checks.ingest.reader import Corpus, read_corpus
from checks.model import Hit
from checks.rules.base import RULES, SCOPES, Rule


def run_rules(context: Context, rules: list[Rule], progress=None) -> tuple[dict[str, list[Hit]], dict[str, float]]:
    """Each rule's hits over one Context, and the seconds each took."""
    hits: dict[str, list[Hit]] = {}
    seconds: dict[str, float] = {}
    for rule in rules:
        if progress:
            progress.rule(rule.code)
        started = time.perf_counter()
        hits[rule.code] = list(rule.func(context))
        seconds[rule.code] = time.perf_counter() - started
    return hits, seconds


def read_source(source, progress=None) -> tuple[Corpus, dict[str, float]]:
    """The corpus of input paths (read now, timed) or a Corpus already read."""
    if isinstance(source, Corpus):
        return source, {}
    started = time.perf_counter()
    corpus = read_corpus(list(source), progress=progress.advance_bytes if progress else None)
    return corpus, {"ingest": time.perf_counter() - started}


class LocalBackend(Backend):
    name = "pandas"
    scopes = SCOPES

    def run(self, source, plan, progress=None):
        from checks.engine import Outcome

        corpus, seconds = read_source(source, progress)
        context = open_context(corpus, plan.config, RULES)
        hits, timing = run_rules(context, plan.rules, progress)
        return Outcome(corpus, context, hits, {**seconds, **timing})
