"""A SparkSession configured for checks: quiet, small shuffles, workers on this Python."""
from __future__ import annotations

import os
import socket
import sys

from checks.errors import UsageError

DEFAULT_MASTER = "local[2]"
PROBE_SECONDS = 5.0


def get_session(master: str | None = None, shuffle_partitions: int | None = None, conf: dict[str, str] | None = None):
    """Start (or reuse) a session; a missing PySpark or Java is a one-line usage error."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError("--engine spark needs PySpark: pip install 'checks[spark]'") from None
    # Workers must run the same interpreter, so they import the same checks and rules.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    master = master or DEFAULT_MASTER
    check_reachable(master)
    builder = SparkSession.builder.master(master).appName("checks")
    for key, value in session_conf(master, shuffle_partitions, conf).items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # Java missing, master unreachable: say so in one line
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UsageError(f"cannot start Spark at {master}: {first}") from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def check_reachable(master: str, seconds: float = PROBE_SECONDS) -> None:
    """A standalone master (`spark://host:port[,host:port...]`) must accept a connection on some address.

    Spark's own client retries its registration three times 20 s apart before giving up (a minute
    of silence); a connection tried first says in a few seconds that nothing is there."""
    if not master.startswith("spark://"):
        return
    failures = []
    for address in master[len("spark://"):].split(","):
        host, _, port = address.strip().rpartition(":")
        host = host.strip("[]")
        if not host or not port.isdigit():
            raise UsageError(f"--master {master}: expected spark://HOST:PORT")
        try:
            with socket.create_connection((host, int(port)), timeout=seconds):
                return
        except OSError as exc:
            failures.append(f"{host}:{port} ({exc.strerror or type(exc).__name__})")
    raise UsageError(f"cannot reach the Spark master at {master}: {', '.join(failures)}; "
                     "is the master running, and is its address and port right?")


def session_conf(master: str, shuffle_partitions: int | None = None, overrides: dict[str, str] | None = None) -> dict:
    """The settings a session starts with; `overrides` (--spark-conf) win over every default.

    In local mode one JVM does all the work, and Spark's default heap of 1g runs out at about a
    million paragraphs; so a local session gets half of this machine's memory unless told otherwise.
    """
    partitions = shuffle_partitions or (_local_cores(master) if master.startswith("local") else 200)
    conf = {
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.shuffle.partitions": str(partitions),
        "spark.default.parallelism": str(partitions),
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.sql.execution.arrow.maxRecordsPerBatch": "20000",
        "spark.sql.session.timeZone": "UTC",
        "spark.driver.extraJavaOptions": "-Dlog4j2.level=ERROR",
    }
    if master.startswith("local"):
        conf["spark.driver.memory"] = f"{max(1024, _memory_mb() // 2)}m"
    conf.update(overrides or {})
    return conf


def parse_conf(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """KEY=VALUE strings (as spark-submit's --conf takes them) to a dict; anything else is a usage error."""
    conf = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise UsageError(f"--spark-conf {pair!r}: expected KEY=VALUE, e.g. spark.driver.memory=8g")
        conf[key.strip()] = value.strip()
    return conf


def _memory_mb() -> int:
    """Physical memory of this machine in MB (0 when the system does not say)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (1024 * 1024)
    except (ValueError, OSError, AttributeError):
        return 0


def _local_cores(master: str) -> int:
    """local[N] -> N partitions (local[*] -> the machine's cores): one task per core, no idle shuffles."""
    inside = master[master.find("[") + 1:master.find("]")] if "[" in master else "1"
    if inside.strip() == "*":
        return os.cpu_count() or 2
    try:
        return max(1, int(inside.split(",")[0]))
    except ValueError:
        return 2
