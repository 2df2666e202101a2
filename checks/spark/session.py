"""A SparkSession configured for checks: quiet, small shuffles, workers on this Python."""
from __future__ import annotations

import os
import sys

from checks.errors import UsageError

DEFAULT_MASTER = "local[2]"


def get_session(master: str | None = None, shuffle_partitions: int | None = None):
    """Start (or reuse) a session; a missing PySpark or Java is a one-line usage error."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError("--engine spark needs PySpark: pip install 'checks[spark]'") from None
    # Workers must run the same interpreter, so they import the same checks and rules.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    master = master or DEFAULT_MASTER
    partitions = shuffle_partitions or (_local_cores(master) if master.startswith("local") else 200)
    builder = (
        SparkSession.builder.master(master).appName("checks")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.default.parallelism", str(partitions))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "20000")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.extraJavaOptions", "-Dlog4j2.level=ERROR")
    )
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # Java missing, master unreachable: say so in one line
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UsageError(f"cannot start Spark at {master}: {first}") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _local_cores(master: str) -> int:
    """local[N] -> N partitions (local[*] -> the machine's cores): one task per core, no idle shuffles."""
    inside = master[master.find("[") + 1:master.find("]")] if "[" in master else "1"
    if inside.strip() == "*":
        return os.cpu_count() or 2
    try:
        return max(1, int(inside.split(",")[0]))
    except ValueError:
        return 2
