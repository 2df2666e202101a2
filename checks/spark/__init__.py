"""The Spark engine: the same run as checks.engine, on PySpark (`checks run --engine spark`).

PySpark is an optional extra (`pip install 'checks[spark]'`); nothing outside
this package imports it, so `import checks` and the pandas engine never need it.

    session.py   a SparkSession for a master URL (local[2] in tests, spark://... on a cluster)
    ingest.py    files read and segmented on the workers by the pandas engine's own reader
    plan.py      which rule runs how: per partition of rows, per file, per dataset, or on the driver
    duplicates.py Spark candidate generation: hash grouping, MinHashLSH, shingle join
    engine.py    execute(): ingest, run every rule by its plan, build the same RunResult
"""
from __future__ import annotations


def available() -> bool:
    """True when PySpark can be imported (Java is checked when the session starts)."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return True
