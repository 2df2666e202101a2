"""One run, whatever does the work: plan it, hand it to a backend, and turn what comes back into findings.

`plan` selects the rules, checks every setting and option and loads the baseline, all before any work;
a backend (checks/backends: one process, worker processes, Spark) reads the inputs and runs each rule by
its scope; `finish` makes findings of the hits (severity, ids, order, baseline) the same way for every
backend. So the engines cannot drift apart: they differ only in where a rule's function runs.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from checks import baseline as baseline_file
from checks.config import Config, validate_rule_settings
from checks.context import Context
from checks.datasets import load_plugins
from checks.errors import ConfigError
from checks.ingest.reader import Corpus
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


@dataclass
class Plan:
    """What a run will do, decided and checked before any input is read."""

    config: Config
    rules: list[Rule]
    baseline: dict[str, baseline_file.Entry] | None

    def options(self, rule: Rule) -> dict:
        return {**rule.options, **self.config.rules.get(rule.code, {})}


@dataclass
class Outcome:
    """What a backend hands back: the corpus and Context the surfaces read, each rule's hits, timings."""

    corpus: Corpus
    context: Context
    hits: dict[str, list[Hit]]
    seconds: dict[str, float]


def prepare(config: Config) -> list[Rule]:
    """Load every rule and dataset, check the configuration and each selected rule's options, pick the rules."""
    load_plugins()
    validate_rule_settings(config, RULES)
    rules = select_rules(config.select, config.ignore)
    for rule in rules:
        if rule.check_options is not None:
            rule.check_options({**rule.options, **config.rules.get(rule.code, {})})
    return rules


def plan(config: Config) -> Plan:
    """The rules to run and the baseline, every setting checked: a bad one fails here, before any work."""
    rules = prepare(config)
    entries = baseline_file.load(config.baseline) if config.baseline else None
    return Plan(config, rules, entries)


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


def _order(finding: Finding) -> tuple:
    """A total order: the report's order first, then everything else a finding holds, so the order (and the
    suffixes `_unique_ids` gives) never depends on the order in which a backend handed the hits back."""
    return (*finding.sort_key(), finding.message, json.dumps(finding.to_json(), sort_keys=True, default=str))


def _unique_ids(findings: list[Finding]) -> None:
    """Two hits at the same places with no distinguishing key get numbered suffixes, in order."""
    seen: dict[str, int] = {}
    for finding in findings:
        n = seen.get(finding.id, 0)
        seen[finding.id] = n + 1
        if n:
            finding.id = f"{finding.id}-{n + 1}"


def finish(run_plan: Plan, outcome: Outcome) -> RunResult:
    """Findings and verified claims from every rule's hits, ordered and numbered, with the baseline applied."""
    config = run_plan.config
    findings: list[Finding] = []
    verified: list[Finding] = []
    for rule in run_plan.rules:
        for hit in outcome.hits.get(rule.code, []):
            (verified if hit.verified else findings).append(to_finding(rule, hit, config))
    for group in (findings, verified):
        group.sort(key=_order)
        _unique_ids(group)
    result = RunResult(config, outcome.corpus, outcome.context, run_plan.rules, findings, verified,
                       seconds=outcome.seconds)
    if run_plan.baseline is not None:
        result.findings, result.accepted, result.stale = baseline_file.split(
            findings, run_plan.baseline, {r.code for r in run_plan.rules})
    return result


def run(source: list[str] | Corpus, config: Config, backend=None, progress=None) -> RunResult:
    """Check `source` (input paths, or a Corpus already read) with `backend` (default: from `config.jobs`)."""
    from checks.backends import backend_for

    run_plan = plan(config)
    backend = backend or backend_for(config)
    missing = [f"{r.code} ({r.scope})" for r in run_plan.rules if not backend.can_run(r)]
    if missing:
        raise ConfigError(f"the {backend.name} engine has no way to run {', '.join(missing)}; "
                          "choose another engine or leave these rules out with --ignore")
    return finish(run_plan, backend.run(source, run_plan, progress))


def execute(inputs: list[str], config: Config, progress=None) -> RunResult:
    """Read the inputs and check them: the run `checks run` makes."""
    return run(list(inputs), config, progress=progress)


def execute_corpus(corpus: Corpus, config: Config, progress=None, seconds: dict | None = None) -> RunResult:
    """Check a corpus already read (from files or from DataFrames)."""
    result = run(corpus, config, progress=progress)
    result.seconds = {**(seconds or {}), **result.seconds}
    return result
