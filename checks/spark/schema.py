"""SCH001 on Spark, and pandera's PySpark backend over a pandas model's column checks where it applies.

The Spark backend's SCH001 runs the pandas model itself on partitions, because only that gives
the failing rows (and so the same findings as the pandas engine). pandera's PySpark
backend reports per check, not per row; it is used here as a whole-dataset summary, and
by `checks bench suite` as the peer it is. Column dtypes and the built-in checks the
backend has (ge, isin, str_matches, str_length) carry over; uniqueness and dataframe-wide
checks (line order, length = len(text)) do not, and are listed as not carried.
"""
from __future__ import annotations

import pickle
from typing import Any

import pandas as pd

from checks.context import Context
from checks.datasets import DATASETS
from checks.ingest.reader import ACCOUNTING_COLUMNS, ARTICLE_COLUMNS, PARAGRAPH_COLUMNS, Corpus
from checks.rules.base import RULES
from checks.spark.backend import empty_frame, implementation, on_workers, pandas_rows, whole_partition

_TYPES = {"str": "StringType", "int64": "LongType"}
_CHECKS = {"greater_than_or_equal_to", "isin", "str_matches", "str_length"}


def pyspark_schema(model: type) -> tuple[Any, list[str]]:
    """A pandera.pyspark DataFrameSchema for the model, and the constraints it could not carry."""
    import pandera.pyspark as pas
    from pyspark.sql import types as T

    pandas_schema = model.to_schema()
    columns, dropped = {}, []
    for name, column in pandas_schema.columns.items():
        checks = []
        for check in column.checks:
            if check.name in _CHECKS:
                stats = {k: v for k, v in check.statistics.items() if v is not None}
                checks.append(getattr(pas.Check, check.name)(**stats))
            else:
                dropped.append(f"{name}: {check.name}")
        if column.unique:
            dropped.append(f"{name}: unique")
        columns[name] = pas.Column(getattr(T, _TYPES[str(column.dtype)])(), checks=checks, nullable=column.nullable)
    dropped += [f"dataframe: {check.name}" for check in pandas_schema.checks]
    return pas.DataFrameSchema(columns, strict=True, name=pandas_schema.name), dropped


def summary(frame, model: type) -> dict:
    """Validate a Spark DataFrame with the PySpark backend: failing checks by column, and what was not carried."""
    schema, dropped = pyspark_schema(model)
    validated = schema.validate(frame.drop("_row") if "_row" in frame.columns else frame)
    errors = dict(getattr(validated.pandera, "errors", {}) or {})
    failing = sorted({f"{err.get('column')}: {err.get('check')}"
                      for kinds in errors.values() for cases in kinds.values() for err in cases})
    return {"failing": failing, "not_carried": dropped}


BASE_DATASETS = {"articles": ("article_id", ARTICLE_COLUMNS), "paragraphs": ("paragraph_id", PARAGRAPH_COLUMNS)}


@implementation("SCH001")
def schema_on_spark(context, sc, partitions: int) -> list:
    """SCH001: articles and paragraphs validated on the workers, each split by its unique key so uniqueness
    holds per part; the datasets the driver holds (accounting, derived, curated) validated there; every
    failing row joined and capped by the rule module's own `capped`."""
    from checks.rules.schema import capped, dataset_hits

    hits = []
    for name, (key, columns) in BASE_DATASETS.items():
        def run(batches, name=name, columns=columns):
            on_workers()
            part = whole_partition(batches)
            if part is not None:
                empty = {"articles": empty_frame(ARTICLE_COLUMNS), "paragraphs": empty_frame(PARAGRAPH_COLUMNS)}
                empty[name] = pandas_rows(part, columns)
                piece = Context(Corpus([], empty["articles"], empty["paragraphs"], empty_frame(ACCOUNTING_COLUMNS)),
                                context.config, RULES)
                yield pd.DataFrame({"hit": [pickle.dumps(h) for h in dataset_hits(piece, [name])]}, dtype=object)

        frame = getattr(sc, name).repartition(partitions, key).mapInPandas(run, "hit binary")
        hits += [pickle.loads(row.hit) for row in frame.collect()]
    on_driver = [n for n in sorted(set(DATASETS) | set(context.extra_datasets)) if n not in BASE_DATASETS]
    return capped(hits + dataset_hits(context, on_driver))
