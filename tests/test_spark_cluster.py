"""The Spark engine on a real standalone cluster: a master and one worker on 127.0.0.1, started from the
Spark that PySpark ships (`bin/spark-class`), checked against the pandas engine; both are always stopped.
An unreachable master ends the run with exit 2 and one line within 20 s."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checks.bench.suite import write_paragraph_corpus

pytestmark = pytest.mark.spark

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(condition, seconds: float, what: str, logs: list[Path]) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    tails = "\n".join(f"--- {log.name}\n" + log.read_text(errors="replace")[-2000:] for log in logs if log.exists())
    raise AssertionError(f"{what} within {seconds:.0f} s\n{tails}")


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def _stop(process: subprocess.Popen) -> None:
    """Stop a daemon we started (its own process group: the worker's executors go with it)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    except ProcessLookupError:
        pass


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    pyspark = pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed")
    home = Path(pyspark.__file__).parent
    spark_class = home / "bin" / "spark-class"
    work = tmp_path_factory.mktemp("spark-cluster")
    env = {**os.environ, "SPARK_HOME": str(home), "SPARK_LOCAL_IP": "127.0.0.1", "PYSPARK_PYTHON": sys.executable,
           "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p),
           "SPARK_WORKER_DIR": str(work / "work"), "SPARK_LOG_DIR": str(work)}
    port, worker_port = _free_port(), _free_port()
    url = f"spark://127.0.0.1:{port}"
    master_log, worker_log = work / "master.log", work / "worker.log"
    started: list[subprocess.Popen] = []
    try:
        with open(master_log, "wb") as log:
            started.append(subprocess.Popen(
                [str(spark_class), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", str(port),
                 "--webui-port", str(_free_port())], stdout=log, stderr=subprocess.STDOUT, env=env,
                start_new_session=True))
        _wait_for(lambda: _listening(port), 90, "the master did not listen", [master_log])
        with open(worker_log, "wb") as log:
            started.append(subprocess.Popen(
                [str(spark_class), "org.apache.spark.deploy.worker.Worker", url, "--host", "127.0.0.1",
                 "--port", str(worker_port), "--webui-port", str(_free_port()), "--cores", "2", "--memory", "2g",
                 "--work-dir", str(work / "work")], stdout=log, stderr=subprocess.STDOUT, env=env,
                start_new_session=True))
        _wait_for(lambda: "Successfully registered with master" in worker_log.read_text(errors="replace"), 90,
                  "the worker did not register", [master_log, worker_log])
        yield {"url": url, "env": env}
    finally:
        for process in reversed(started):
            _stop(process)


def _run(args: list[str], report_dir: Path, env: dict | None = None, timeout: float = 600) -> tuple[int, dict, str]:
    config = report_dir.parent / f"{report_dir.name}.toml"
    config.write_text("[tool.checks]\ndata-docs = false\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "checks", "run", *args, "--config", str(config),
                           "--report-dir", str(report_dir), "--quiet"],
                          capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)
    document = json.loads((report_dir / "findings.json").read_text(encoding="utf-8")) if proc.returncode != 2 else {}
    return proc.returncode, document, proc.stderr


def _same_as_pandas(inputs: list[str], cluster, tmp_path) -> dict:
    code, expected, err = _run(inputs, tmp_path / "pandas")
    assert code in (0, 1), err
    # a cluster session gets 200 shuffle partitions by default: too many tasks for two cores and a small corpus
    small = ["--spark-conf", "spark.sql.shuffle.partitions=4", "--spark-conf", "spark.default.parallelism=4"]
    got_code, got, err = _run([*inputs, "--engine", "spark", "--master", cluster["url"], *small], tmp_path / "spark",
                              env=cluster["env"])
    assert got_code == code, err
    assert [f["id"] for f in got["findings"]] == [f["id"] for f in expected["findings"]]
    assert got["findings"] == expected["findings"]
    assert got["verified"] == expected["verified"]
    return expected


def test_bundled_page_on_a_cluster(cluster, seed_page, tmp_path):
    expected = _same_as_pandas([str(seed_page)], cluster, tmp_path)
    assert {"DUP001", "TRN001"} <= {f["check"] for f in expected["findings"]}


def test_generated_corpus_on_a_cluster(cluster, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_paragraph_corpus(corpus, 1000)
    expected = _same_as_pandas([str(corpus)], cluster, tmp_path)
    assert {"DUP001", "DUP002", "DUP003", "REP001"} <= {f["check"] for f in expected["findings"]}


def test_tables_on_a_cluster(cluster, tmp_path, news_records):
    """Articles as Parquet and CSV, read on the workers: the same findings, rows and columns as pandas."""
    import pandas as pd

    records = [{k: r.get(k, "") for k in ("id", "title", "body", "date")} for r in news_records[:120]]
    pd.DataFrame(records).to_parquet(tmp_path / "news.parquet", index=False)
    pd.DataFrame(records).to_csv(tmp_path / "news.csv", index=False)
    expected = _same_as_pandas([str(tmp_path / "news.parquet"), str(tmp_path / "news.csv")], cluster, tmp_path)
    places = [loc for f in expected["findings"] for loc in f["locations"]]
    assert places and all(loc["column"] in ("title", "body") for loc in places if "row" in loc)


def test_unreachable_master_exits_2_within_20_seconds(tmp_path, seed_page):
    pytest.importorskip("pyspark")
    port = _free_port()  # nothing listens there
    code, _, err = _run([str(seed_page), "--engine", "spark", "--master", f"spark://127.0.0.1:{port}"],
                        tmp_path / "reports", timeout=20)
    assert code == 2
    lines = [line for line in err.splitlines() if line.startswith("checks:")]
    assert lines == [f"checks: error: cannot reach the Spark master at spark://127.0.0.1:{port}: "
                     f"127.0.0.1:{port} (Connection refused); is the master running, and is its address and port right?"]
