"""Run one GX Checkpoint per dataset over this run's DataFrames and build an offline Data Docs site.

Each dataset gets a suite: its pandera constraints as stock expectations,
then one `ExpectColumnValuesToPassChecksRule` per selected rule whose
findings land on that dataset. Results ask for the id column of every
unexpected row, so Data Docs name the failing rows.
"""
from __future__ import annotations

import hashlib
import html
import logging
import shutil
from pathlib import Path

import pandas as pd

from checks.datasets import DATASETS
from checks.gx.expectations import (ID_FIELDS, ExpectColumnValuesToPassChecksRule, forget_run, register_run,
                                    rule_targets)
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


def _run_token(result) -> str:
    material = "|".join(f.sha256 for f in result.corpus.files) + "|" + ",".join(r.code for r in result.rules)
    return hashlib.sha1(material.encode()).hexdigest()[:12]


def _datasets(result) -> dict[str, tuple[pd.DataFrame, type | None]]:
    """Every dataset of the run that has rows or a model, with its pandera model."""
    ctx = result.context
    found = {}
    for name in sorted(set(DATASETS) | set(ctx.extra_datasets)):
        try:
            frame = ctx.dataset(name)
        except Exception:  # a dataset that cannot be built is SCH001's business, not Data Docs'
            continue
        model = ctx.extra_datasets[name][1] if name in ctx.extra_datasets else DATASETS[name].model
        found[name] = (frame, model)
    return found


def _index_columns(frame: pd.DataFrame) -> list[str]:
    """Columns that name an unexpected row in Data Docs: its id, and its text when it has one (context)."""
    return [frame.columns[0]] + [c for c in CONTEXT_COLUMNS if c in frame.columns and c != frame.columns[0]]


def _rule_expectations(result, name: str, frame: pd.DataFrame, token: str, names: list[str]) -> list:
    column = id_column(frame)
    if column is None:
        return []
    return [ExpectColumnValuesToPassChecksRule(column=column, rule=r.code, dataset=name, run=token, datasets=names,
                                               meta={"title": r.title, "category": r.category})
            for r in result.rules if name in rule_targets(r, set(names))]


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
    token = _run_token(result)
    register_run(token, result.context)
    try:
        datasets = _datasets(result)
        names = sorted(datasets)
        for name, (frame, model) in datasets.items():
            expectations = (schema_expectations(model) if model is not None else [])
            expectations += _rule_expectations(result, name, frame, token, names)
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
    finally:
        forget_run(token)
    make_offline(site_dir)
    return site_dir / "index.html"
