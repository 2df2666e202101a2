"""GX expectations a team adds to its own suite, over its own batch of articles (one row per article).

    suite.add_expectation(ExpectNoDuplicateParagraphs(column="body", id_column="id"))

Each is a thin adapter: its metric turns the batch into a Corpus (`batch_corpus`) and runs
our rules' own functions over it through the engine (`execute_corpus`), so GX and `checks run`
agree by construction. The rows that an open finding names are the unexpected rows, given by
the `id_column` the user names, else by the batch's index (on Spark, by row position in the
collected batch). A duplicate names both copies, so both rows are unexpected.

On Spark the metric collects the named columns to the driver and runs there: the checks see
the whole batch at once (duplicates span rows), so they do not run on the executors.
"""
from __future__ import annotations

from typing import Any, ClassVar, Dict, List, Optional

import pandas as pd
from great_expectations.compatibility import pydantic
from great_expectations.core.metric_domain_types import MetricDomainTypes
from great_expectations.execution_engine import PandasExecutionEngine, SparkDFExecutionEngine
from great_expectations.expectations.expectation import BatchExpectation
from great_expectations.expectations.metrics.metric_provider import metric_value
from great_expectations.expectations.metrics.table_metric_provider import TableMetricProvider
from great_expectations.render import LegacyRendererType, RenderedStringTemplateContent
from great_expectations.render.renderer.renderer import renderer

from checks.model import SEVERITY_RANK, fails_run

METRIC = "checks.article_findings"
PARTIAL = 20  # rows listed in partial_unexpected_list, as GX's own expectations do


def _plain(value):
    """numpy and pandas scalars as Python values, so results are JSON."""
    return value.item() if hasattr(value, "item") else value


def article_findings(frame: pd.DataFrame, rules: list[str], column: str, title_column: str | None = None,
                     date_column: str | None = None, id_column: str | None = None,
                     rule_options: dict | None = None) -> dict:
    """Run the named rules over the articles of `frame`: {"rows": n, "hits": [finding per row it names]}.

    Each hit is {"row": the row's id (or index label), "check", "severity", "message", "finding"}.
    """
    from checks.config import Config
    from checks.engine import execute_corpus
    from checks.gx.batch_corpus import corpus_from_articles_frame, row_of

    hits: list[dict] = []
    if len(frame):
        corpus = corpus_from_articles_frame(frame, column, title_column, date_column, id_column)
        config = Config(select=list(rules), rules={k.upper(): dict(v) for k, v in (rule_options or {}).items()})
        result = execute_corpus(corpus, config)
        keys = frame[id_column].tolist() if id_column else frame.index.tolist()
        for finding in result.findings:
            for row in sorted({row_of(loc) for loc in finding.locations}):
                hits.append({"row": _plain(keys[row]), "check": finding.check, "severity": finding.severity,
                             "message": finding.message, "finding": finding.id})
    return {"rows": len(frame), "hits": hits}


def _columns(kwargs: dict) -> list[str]:
    return [c for c in (kwargs["column"], kwargs.get("title_column"), kwargs.get("date_column"),
                        kwargs.get("id_column")) if c]


def _findings_of(frame: pd.DataFrame, kwargs: dict) -> dict:
    return article_findings(frame, kwargs["rules"], kwargs["column"], kwargs.get("title_column"),
                            kwargs.get("date_column"), kwargs.get("id_column"), kwargs.get("rule_options"))


class ArticleFindings(TableMetricProvider):
    """The findings of some `checks` rules over a batch of articles, with the row each one names."""

    metric_name = METRIC
    value_keys = ("rules", "column", "title_column", "date_column", "id_column", "rule_options")

    @metric_value(engine=PandasExecutionEngine)
    def _pandas(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        frame, _, _ = execution_engine.get_compute_domain(metric_domain_kwargs, domain_type=MetricDomainTypes.TABLE)
        return _findings_of(frame[_columns(metric_value_kwargs)], metric_value_kwargs)

    @metric_value(engine=SparkDFExecutionEngine)
    def _spark(cls, execution_engine, metric_domain_kwargs, metric_value_kwargs, metrics, runtime_configuration):
        frame, _, _ = execution_engine.get_compute_domain(metric_domain_kwargs, domain_type=MetricDomainTypes.TABLE)
        return _findings_of(frame.select(*_columns(metric_value_kwargs)).toPandas(), metric_value_kwargs)


class ArticleChecksExpectation(BatchExpectation):
    """Expect no row of a batch of articles to hold a finding of these `checks` rules.

    Args:
        column: the column holding each article's body (paragraphs separated by blank lines).
        title_column, date_column: optional columns of each article's title and date (TIM001 reads the date).
        id_column: optional column naming each row in the results; without it, the batch's index.
        rules: the rules to run, a subset of the expectation's own (all of them by default).
        rule_options: {"DUP002": {"threshold": 0.9}}, as `[tool.checks.rules.CODE]` in pyproject.toml.
        fail_on: the lowest severity of finding that makes a row unexpected (default: info, every finding).
    """

    column: str
    title_column: Optional[str] = None
    date_column: Optional[str] = None
    id_column: Optional[str] = None
    rules: Optional[List[str]] = None
    rule_options: Optional[Dict[str, Dict[str, Any]]] = None
    fail_on: str = "info"

    family: ClassVar[tuple[str, ...]] = ()
    statement: ClassVar[str] = ""
    metric_dependencies = (METRIC,)
    success_keys = ("column", "title_column", "date_column", "id_column", "rules", "rule_options", "fail_on")
    args_keys = ("column",)
    library_metadata: ClassVar[dict] = {"maturity": "experimental", "tags": ["checks", "news"],
                                        "contributors": ["checks"]}

    @pydantic.validator("rules", pre=True, always=True)
    def _rules_of_the_family(cls, value):
        chosen = [code.upper() for code in (cls.family if value is None else value)]
        unknown = [code for code in chosen if code not in cls.family]
        if not chosen or unknown:
            raise ValueError(f"rules must be among {', '.join(cls.family)}; got {', '.join(unknown) or 'none'}")
        return chosen

    @pydantic.validator("fail_on")
    def _a_severity(cls, value):
        if value not in SEVERITY_RANK:
            raise ValueError(f"fail_on must be one of {', '.join(SEVERITY_RANK)}")
        return value

    def _validate(self, metrics: dict, runtime_configuration: dict | None = None, execution_engine=None):
        found = metrics[METRIC]
        fail_on = self._get_success_kwargs()["fail_on"]
        hits = [h for h in found["hits"] if fails_run(h["severity"], fail_on)]
        rows = list(dict.fromkeys(h["row"] for h in hits))
        total = found["rows"]
        return {"success": not rows, "result": {
            "observed_value": f"{len(rows)} of {total} rows hold a finding",
            "element_count": total,
            "unexpected_count": len(rows),
            "unexpected_percent": 100.0 * len(rows) / total if total else 0.0,
            "unexpected_list": rows,
            "partial_unexpected_list": rows[:PARTIAL],
            "details": {"findings": hits},
        }}

    @classmethod
    @renderer(renderer_type=LegacyRendererType.PRESCRIPTIVE)
    def _prescriptive_renderer(cls, configuration=None, result=None, runtime_configuration=None):
        kwargs = configuration.kwargs if configuration is not None else {}
        rules = kwargs.get("rules") or list(cls.family)
        params = {"column": kwargs.get("column"), "rules": ", ".join(rules)}
        styling = runtime_configuration.get("styling", {}) if runtime_configuration else {}
        return [RenderedStringTemplateContent(content_block_type="string_template", string_template={
            "template": f"Articles in $column must hold {cls.statement} (checks rules $rules).",
            "params": params, "styling": styling})]


class ExpectNoDuplicateParagraphs(ArticleChecksExpectation):
    """Expect no paragraph printed twice, nearly twice or in large part twice, within or across articles
    (DUP001 exact, DUP002 near, DUP003 partial copies); both copies' rows are unexpected."""

    family: ClassVar[tuple[str, ...]] = ("DUP001", "DUP002", "DUP003")
    statement: ClassVar[str] = "no duplicated paragraph"


class ExpectNoTruncatedParagraphs(ArticleChecksExpectation):
    """Expect no paragraph cut off mid-sentence (TRN001) and no sentence split across two paragraphs (TRN002)."""

    family: ClassVar[tuple[str, ...]] = ("TRN001", "TRN002")
    statement: ClassVar[str] = "no truncated paragraph"


class ExpectNoDoubledWords(ArticleChecksExpectation):
    """Expect no word or phrase written twice in a row by mistake (REP001: 模型模型, "the the")."""

    family: ClassVar[tuple[str, ...]] = ("REP001",)
    statement: ClassVar[str] = "no doubled word"


class ExpectGrowthClaimsToHold(ArticleChecksExpectation):
    """Expect every growth rate or multiple to follow from the two values stated with it (GRW001)."""

    family: ClassVar[tuple[str, ...]] = ("GRW001",)
    statement: ClassVar[str] = "only growth claims that their own values allow"


class ExpectShareClaimsToHold(ArticleChecksExpectation):
    """Expect the shares of one whole to add up to at most 100% (SHR001)."""

    family: ClassVar[tuple[str, ...]] = ("SHR001",)
    statement: ClassVar[str] = "only shares of one whole that add up"


__all__ = ["ExpectGrowthClaimsToHold", "ExpectNoDoubledWords", "ExpectNoDuplicateParagraphs",
           "ExpectNoTruncatedParagraphs", "ExpectShareClaimsToHold", "article_findings"]
