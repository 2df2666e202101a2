"""The run's findings as a GX expectation: the rows its open findings name are the unexpected rows.

Nothing is computed again here: `site` hands each expectation the ids of the
rows that one rule's open findings name (accepted and verified ones left out),
and the metric only asks which values of the id column are among them. GX Core
gives every expectation a `severity` (critical, warning, info); a finding's
severity sets it (error is critical), so `get_max_severity_failure()` on a
validation result says how bad the worst failure is, as our exit status does.
"""
from __future__ import annotations

from typing import ClassVar

from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import ColumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import (
    ColumnMapMetricProvider,
    column_condition_partial,
)
from great_expectations.render import LegacyRendererType, RenderedStringTemplateContent
from great_expectations.render.renderer.renderer import renderer

from checks.model import Finding, Location

ID_FIELDS = ("paragraph_id", "article_id", "file")
# our severities in GX Core's words (great_expectations.expectations.metadata_types.FailureSeverity)
GX_SEVERITY = {"error": "critical", "warning": "warning", "info": "info"}


def rule_targets(rule, datasets: set[str]) -> set[str]:
    """The datasets whose suites hold this rule: its own, every one for a rule over all ('*'), else paragraphs."""
    if rule.dataset == "*":
        return set(datasets)
    return {rule.dataset} if rule.dataset in datasets else {"paragraphs"}


def finding_dataset(rule, finding: Finding, datasets: set[str]) -> str:
    """Which dataset's suite a finding belongs to: for a rule over all datasets the one its evidence names."""
    named = finding.evidence.get("dataset") if isinstance(finding.evidence, dict) else None
    if rule.dataset == "*" and isinstance(named, str) and named in datasets:
        return named
    return rule.dataset if rule.dataset in datasets else "paragraphs"


def location_id(location: Location, id_field: str) -> str:
    return getattr(location, id_field, "") or ""


def named_ids(findings: list[Finding], id_field: str) -> list[str]:
    """The ids (in `id_field`) of every place the findings name, each once, sorted."""
    return sorted({location_id(loc, id_field) for f in findings for loc in f.locations if location_id(loc, id_field)})


class ColumnValuesNotNamedByFindings(ColumnMapMetricProvider):
    """True for each row whose id no open finding names."""

    condition_metric_name = "column_values.not_named_by_findings"
    condition_value_keys = ("flagged",)

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column, flagged, **kwargs):
        return ~column.astype(str).isin(set(flagged))


class ExpectColumnValuesToPassChecksRule(ColumnMapExpectation):
    """Expect no row of the dataset to be named by an open finding of one `checks` rule (e.g. DUP001).

    `flagged` holds the ids that the rule's open findings of one severity name in
    this run; the column holds the rows' ids, so the unexpected values are those rows.
    """

    rule: str
    flagged: list[str]

    map_metric = "column_values.not_named_by_findings"
    success_keys = ("flagged", "mostly")
    args_keys = ("column", "rule")
    library_metadata: ClassVar[dict] = {"maturity": "experimental", "tags": ["checks"], "contributors": ["checks"]}

    @classmethod
    @renderer(renderer_type=LegacyRendererType.PRESCRIPTIVE)
    def _prescriptive_renderer(cls, configuration=None, result=None, runtime_configuration=None):
        """Data Docs state the rule's code, title and severity, not a dump of the kwargs (and its id list)."""
        kwargs = configuration.kwargs if configuration is not None else {}
        meta = (configuration.meta or {}) if configuration is not None else {}
        severity = getattr(configuration, "severity", None) if configuration is not None else None
        params = {"column": kwargs.get("column"), "rule": kwargs.get("rule"), "title": meta.get("title", ""),
                  "severity": str(getattr(severity, "value", severity) or meta.get("severity", ""))}
        template = "$column values must not be flagged by checks rule $rule ($title), severity $severity."
        if meta.get("accepted"):
            params["accepted"] = meta["accepted"]
            template += " $accepted finding(s) accepted by the baseline are not counted."
        styling = runtime_configuration.get("styling", {}) if runtime_configuration else {}
        return [RenderedStringTemplateContent(content_block_type="string_template", string_template={
            "template": template, "params": params, "styling": styling})]
