"""pandera's PySpark backend over a pandas model's column checks, where that backend applies.

The engine's SCH001 runs the pandas model itself on partitions, because only that gives
the failing rows (and so the same findings as the pandas engine). pandera's PySpark
backend reports per check, not per row; it is used here as a whole-dataset summary, and
by `checks bench suite` as the peer it is. Column dtypes and the built-in checks the
backend has (ge, isin, str_matches, str_length) carry over; uniqueness and dataframe-wide
checks (line order, length = len(text)) do not, and are listed as not carried.
"""
from __future__ import annotations

from typing import Any

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
