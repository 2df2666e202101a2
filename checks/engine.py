"""One run: ingest, build datasets, run the selected rules, apply the baseline, decide the exit status."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

from checks import baseline as baseline_file
from checks.config import Config, validate_rule_settings
from checks.context import Context, open_context
from checks.datasets import load_plugins
from checks.ingest.reader import Corpus, read_corpus
from checks.model import Finding, Hit, fails_run, finding_id
from checks.rules.base import RULES, Rule, select_rules


@dataclass
class RunResult:
    config: Config
    corpus: Corpus
    context: Context
    rules: list[Rule]
    findings: list[Finding]
    verified: list[Finding]
    accepted: list[tuple[Finding, baseline_file.Entry]] = field(default_factory=list)
    stale: list[baseline_file.Entry] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def exit_status(self) -> int:
        """1 when a finding not in the baseline is at or above --fail-on, else 0."""
        return int(any(fails_run(f.severity, self.config.fail_on) for f in self.findings))

    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        counts["verified"] = len(self.verified)
        return counts


def to_finding(rule: Rule, hit: Hit, config: Config) -> Finding:
    severity = config.severity.get(rule.code) or hit.severity or rule.severity
    if hit.verified:
        severity = "info"
    return Finding(
        id=finding_id(rule.code, hit.locations, hit.key),
        check=rule.code, category=rule.category, severity=severity, dataset=rule.dataset,
        message=hit.message, locations=list(hit.locations), evidence=dict(hit.evidence),
        comparison=hit.comparison,
    )


def _unique_ids(findings: list[Finding]) -> None:
    """Two hits at the same places with no distinguishing key get numbered suffixes, in order."""
    seen: dict[str, int] = {}
    for finding in findings:
        n = seen.get(finding.id, 0)
        seen[finding.id] = n + 1
        if n:
            finding.id = f"{finding.id}-{n + 1}"


def prepare(config: Config) -> list[Rule]:
    """Load every rule and dataset, check the configuration against them, and pick the rules."""
    load_plugins()
    validate_rule_settings(config, RULES)
    return select_rules(config.select, config.ignore)


def execute(inputs: list[str], config: Config, progress=None) -> RunResult:
    """Read the inputs and check them: the run `checks run` makes."""
    prepare(config)
    if config.baseline:
        baseline_file.load(config.baseline)  # a bad file fails before the work
    started = time.perf_counter()
    corpus = read_corpus(inputs, progress=progress.advance_bytes if progress else None)
    return execute_corpus(corpus, config, progress, {"ingest": time.perf_counter() - started})


def execute_corpus(corpus: Corpus, config: Config, progress=None, seconds: dict | None = None) -> RunResult:
    """Check a corpus already read (from files or from DataFrames)."""
    rules = prepare(config)
    entries = baseline_file.load(config.baseline) if config.baseline else None
    seconds = dict(seconds or {})
    context = open_context(corpus, config, RULES)
    findings: list[Finding] = []
    verified: list[Finding] = []
    for rule in rules:
        if progress:
            progress.rule(rule.code)
        started = time.perf_counter()
        for hit in rule.func(context):
            (verified if hit.verified else findings).append(to_finding(rule, hit, config))
        seconds[rule.code] = time.perf_counter() - started
    for group in (findings, verified):
        group.sort(key=Finding.sort_key)
        _unique_ids(group)
    result = RunResult(config, corpus, context, rules, findings, verified, seconds=seconds)
    if entries is not None:
        result.findings, result.accepted, result.stale = baseline_file.split(findings, entries, {r.code for r in rules})
    return result
