"""Run one GX Checkpoint per dataset of the run and build an offline Data Docs site from its findings.

Each dataset the run built gets a suite: its pandera constraints as stock
expectations, then `ExpectColumnValuesToPassChecksRule` for each selected rule
that reports on that dataset, one per severity its open findings have, holding
the ids those findings name. No rule runs again (after a Spark run neither):
the suites are the run's findings, accepted ones left out as the baseline says.
Results ask for the id column of every unexpected row, so Data Docs name them.
"""
from __future__ import annotations

import html
import logging
import shutil
from pathlib import Path

import pandas as pd

from checks.datasets import DATASETS
from checks.gx.expectations import (GX_SEVERITY, ID_FIELDS, ExpectColumnValuesToPassChecksRule, finding_dataset,
                                    named_ids, rule_targets)
from checks.gx.offline import make_offline
from checks.gx.suites import schema_expectations

SITE_NAME = "checks"
CONTEXT_COLUMNS = ("text",)


def _escaped(value):
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_escaped(v) for v in value)
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


def escape_results(validation) -> None:
    """HTML-escape the data values inside a suite's results before Data Docs render them.

    Stock Data Docs insert unexpected values and observed values into the page
    unescaped, so an article holding `<img onerror=...>` would run script there.
    Only the values taken from the data are escaped; our own expectation
    parameters are left as they are.
    """
    for result in validation.results:
        if isinstance(result.result, dict):
            result.result = {k: _escaped(v) for k, v in result.result.items()}


def id_column(frame: pd.DataFrame) -> str | None:
    """The column whose values our Locations name (paragraph, article or file), if the dataset has one."""
    return next((c for c in ID_FIELDS if c in frame.columns), None)


def _datasets(result) -> dict[str, tuple[pd.DataFrame, type | None]]:
    """Every dataset the run built (none is built for Data Docs alone), with its pandera model."""
    ctx = result.context
    found = {}
    for name, frame in sorted(ctx.built().items()):
        if name in ctx.extra_datasets:
            found[name] = (frame, ctx.extra_datasets[name][1])
        elif name in DATASETS:
            found[name] = (frame, DATASETS[name].model)
    return found


def _index_columns(frame: pd.DataFrame) -> list[str]:
    """Columns that name an unexpected row in Data Docs: its id, and its text when it has one (context)."""
    return [frame.columns[0]] + [c for c in CONTEXT_COLUMNS if c in frame.columns and c != frame.columns[0]]


def _by_rule_and_dataset(result, findings, names: set[str]) -> dict[tuple[str, str], list]:
    rules = {r.code: r for r in result.rules}
    grouped: dict[tuple[str, str], list] = {}
    for finding in findings:
        rule = rules.get(finding.check)
        if rule is not None:
            grouped.setdefault((finding.check, finding_dataset(rule, finding, names)), []).append(finding)
    return grouped


def rule_expectations(result, name: str, frame: pd.DataFrame, names: set[str]) -> list:
    """One expectation per rule and severity of its open findings on this dataset (one at the rule's
    severity when it has none), each holding the ids its findings name; accepted findings are counted apart."""
    column = id_column(frame)
    if column is None:
        return []
    open_findings = _by_rule_and_dataset(result, result.findings, names)
    accepted = _by_rule_and_dataset(result, [f for f, _ in result.accepted], names)
    found = []
    for rule in result.rules:
        if name not in rule_targets(rule, names):
            continue
        mine = open_findings.get((rule.code, name), [])
        by_severity: dict[str, list] = {}
        for finding in mine:
            by_severity.setdefault(finding.severity, []).append(finding)
        if not by_severity:
            by_severity[result.config.severity.get(rule.code) or rule.severity] = []
        for severity, findings in sorted(by_severity.items()):
            meta = {"title": rule.title, "category": rule.category, "findings": len(findings),
                    "accepted": len(accepted.get((rule.code, name), []))}
            found.append(ExpectColumnValuesToPassChecksRule(
                column=column, rule=rule.code, flagged=named_ids(findings, column),
                severity=GX_SEVERITY[severity], meta=meta))
    return found


def write_data_docs(result, folder: Path) -> Path:
    """Validate every dataset with a Checkpoint, build Data Docs under folder/gx, make them offline."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    site_dir = (folder / "gx").resolve()
    if site_dir.exists():
        shutil.rmtree(site_dir)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.add_data_docs_site(SITE_NAME, {
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(site_dir)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    })
    source = context.data_sources.add_pandas("checks")
    datasets = _datasets(result)
    names = set(datasets)
    for name, (frame, model) in datasets.items():
        expectations = (schema_expectations(model) if model is not None else [])
        expectations += rule_expectations(result, name, frame, names)
        if not expectations:
            continue
        suite = context.suites.add(gx.ExpectationSuite(name=name, expectations=expectations))
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("all rows")
        definition = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
        checkpoint = context.checkpoints.add(gx.Checkpoint(
            name=name, validation_definitions=[definition],
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": _index_columns(frame)}))
        outcome = checkpoint.run(batch_parameters={"dataframe": frame.reset_index(drop=True)})
        for key, validation in outcome.run_results.items():
            escape_results(validation)
            context.validation_results_store.set(key, validation)
    context.build_data_docs(site_names=[SITE_NAME])
    make_offline(site_dir)
    return site_dir / "index.html"
