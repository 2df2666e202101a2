"""A custom GX expectation that runs one of our rules: rows the rule flags are the unexpected rows.

The metric calls `RULES[code].func(context)`, the same function the pandas
engine runs, so GX reports exactly what our findings say. The Context of the
run is looked up by a token (expectation parameters must be JSON), and each
rule runs once per run however many metrics GX asks for.
"""
from __future__ import annotations

from typing import ClassVar

from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.render import LegacyRendererType, RenderedStringTemplateContent
from great_expectations.render.renderer.renderer import renderer
from great_expectations.expectations.expectation import ColumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import (
    ColumnMapMetricProvider,
    column_condition_partial,
)

from checks.model import Location
from checks.rules.base import RULES

# run token -> (Context, {rule code: [(dataset, locations) of each hit]})
_RUNS: dict[str, tuple[object, dict]] = {}
ID_FIELDS = ("paragraph_id", "article_id", "file")


def register_run(token: str, context) -> None:
    _RUNS[token] = (context, {})


def forget_run(token: str) -> None:
    _RUNS.pop(token, None)


def rule_targets(rule, datasets: set[str]) -> set[str]:
    """The datasets whose suites hold this rule: its own, every one for a rule over all ('*'), else paragraphs."""
    if rule.dataset == "*":
        return set(datasets)
    return {rule.dataset} if rule.dataset in datasets else {"paragraphs"}


def hit_dataset(rule, hit, datasets: set[str]) -> str:
    """Which dataset's suite a hit belongs to: for a rule over all datasets the one its evidence names."""
    named = hit.evidence.get("dataset") if isinstance(hit.evidence, dict) else None
    if rule.dataset == "*" and isinstance(named, str) and named in datasets:
        return named
    return rule.dataset if rule.dataset in datasets else "paragraphs"


def location_id(location: Location, id_field: str) -> str:
    return getattr(location, id_field, "") or ""


def flagged_ids(token: str, code: str, dataset: str, id_field: str, datasets: set[str]) -> set[str]:
    """Ids (in `id_field`) of the rows of `dataset` that rule `code` flags in this run; the rule runs once."""
    context, cache = _RUNS[token]
    if code not in cache:
        rule = RULES[code]
        cache[code] = [(hit_dataset(rule, hit, datasets), hit.locations) for hit in rule.func(context) if not hit.verified]
    return {location_id(loc, id_field) for target, locations in cache[code] if target == dataset
            for loc in locations if location_id(loc, id_field)}


class ColumnValuesPassChecksRule(ColumnMapMetricProvider):
    """True for each row whose id the rule does not flag."""

    condition_metric_name = "column_values.pass_checks_rule"
    condition_value_keys = ("rule", "dataset", "run", "datasets")

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column, rule, dataset, run, datasets, **kwargs):
        flagged = flagged_ids(run, rule, dataset, str(column.name), set(datasets))
        return ~column.astype(str).isin(flagged)


class ExpectColumnValuesToPassChecksRule(ColumnMapExpectation):
    """Expect no row of the dataset to be flagged by the named `checks` rule (e.g. DUP001).

    The rule's own function decides; the column holds the row ids that the
    rule's findings name, so the unexpected values are the flagged rows' ids.
    """

    rule: str
    dataset: str
    run: str
    datasets: list[str]

    map_metric = "column_values.pass_checks_rule"
    success_keys = ("rule", "dataset", "run", "datasets", "mostly")
    args_keys = ("column", "rule")
    library_metadata: ClassVar[dict] = {"maturity": "experimental", "tags": ["checks"], "contributors": ["checks"]}


    @classmethod
    @renderer(renderer_type=LegacyRendererType.PRESCRIPTIVE)
    def _prescriptive_renderer(cls, configuration=None, result=None, runtime_configuration=None):
        """Data Docs state the rule's code and title, not a dump of the kwargs."""
        kwargs = configuration.kwargs if configuration is not None else {}
        meta = (configuration.meta or {}) if configuration is not None else {}
        params = {"column": kwargs.get("column"), "rule": kwargs.get("rule"), "title": meta.get("title", "")}
        styling = runtime_configuration.get("styling", {}) if runtime_configuration else {}
        return [RenderedStringTemplateContent(content_block_type="string_template", string_template={
            "template": "$column values must not be flagged by checks rule $rule ($title).",
            "params": params, "styling": styling})]
