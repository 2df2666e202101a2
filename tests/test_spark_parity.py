"""Parity of the Spark engine with the pandas engine: same findings, ids, severities, locations, evidence.

Runs in Spark local mode with one session for the whole module (local[2], two shuffle
partitions, no UI). Skipped when PySpark or Java is missing.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from checks.config import Config
from checks.engine import execute
from corpora import same_everywhere, write_defects

pytestmark = pytest.mark.spark

@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed")
    from checks.spark.session import get_session

    return get_session("local[2]", shuffle_partitions=2)


def _as_json(result):
    return ([f.to_json() for f in result.findings], [f.to_json() for f in result.verified])


def _assert_same(inputs, spark):
    from checks.engine import run
    from checks.spark.backend import SparkBackend

    expected = execute(inputs, Config())
    got = run(inputs, Config(), SparkBackend(spark=spark))
    want_findings, want_verified = _as_json(expected)
    got_findings, got_verified = _as_json(got)
    assert [f["id"] for f in got_findings] == [f["id"] for f in want_findings]
    assert got_findings == want_findings
    assert got_verified == want_verified
    assert got.exit_status() == expected.exit_status()
    assert got.corpus.paragraphs.equals(expected.corpus.paragraphs)
    return expected


def test_bundled_page_same_findings(spark, seed_page):
    expected = _assert_same([str(seed_page)], spark)
    assert {f.check for f in expected.findings} >= {"DUP001", "DUP003"}


def test_generated_defects_same_findings(spark, tmp_path):
    folder = write_defects(tmp_path)
    expected = _assert_same([str(folder)], spark)
    found = {f.check for f in expected.findings}
    # the corpus must exercise every strategy of the Spark engine, or parity proves little
    assert {"DUP001", "DUP002", "DUP003", "ENC001", "ENC002", "ENC003", "REP001", "TRN001", "GRW001"} <= found


def test_shared_corpus_same_findings(spark, news_corpus, tmp_path):
    """Real articles: the first 300 of the shared corpus, kept small so CI's Spark part stays short."""
    lines = news_corpus.read_text(encoding="utf-8").splitlines(keepends=True)[:300]
    sample = tmp_path / "news_sample.jsonl"
    sample.write_text("".join(lines), encoding="utf-8")
    expected = _assert_same([str(sample)], spark)
    assert expected.findings


def test_three_engines_same_findings_json_with_a_baseline_and_a_selection(spark, seed_page, tmp_path):
    """One process, two workers and Spark: findings.json byte for byte (timestamp apart)."""
    from checks import baseline as baseline_file
    from checks.backends import LocalBackend
    from checks.engine import run

    folder = tmp_path / "in"
    folder.mkdir()
    write_defects(folder)
    (folder / "seed.txt").write_text(seed_page.read_text(encoding="utf-8"), encoding="utf-8")
    inputs = [str(folder)]
    same_everywhere(inputs, Config(data_docs=False), spark)
    first = run(inputs, Config(data_docs=False), LocalBackend())
    baseline_file.write(str(tmp_path / "baseline.json"), [f for f in first.findings if f.check.startswith("DUP")])
    config = Config(data_docs=False, select=["DUP", "GRW"], baseline=str(tmp_path / "baseline.json"))
    document = json.loads(same_everywhere(inputs, config, spark))
    assert document["accepted"] and not document["stale_baseline"]


def test_schema_failures_same_rows(spark, tmp_path):
    """SCH001 names the same rows (global index) when the dataset is split across partitions."""
    from checks.model import Hit
    from checks.rules.schema import capped

    hits = [Hit("m", [], {"dataset": "paragraphs", "check": "c", "row": str(i)}, key=f"paragraphs||c|{i}")
            for i in (5, 1, 3)]
    hits.append(Hit("whole", [], {"dataset": "paragraphs", "check": "d", "row": None}, key="k"))
    hits.append(Hit("whole", [], {"dataset": "paragraphs", "check": "d", "row": None}, key="k"))
    kept = capped(hits)
    assert [h.evidence["row"] for h in kept if h.evidence["check"] == "c"] == ["1", "3", "5"]
    assert sum(1 for h in kept if h.evidence["check"] == "d") == 1


def test_pandera_pyspark_backend_summary(spark, seed_page):
    """The PySpark backend finds a broken column check, and names what it cannot carry."""
    from pyspark.sql import functions as F

    from checks.schemas import ParagraphsModel
    from checks.spark.ingest import read_spark
    from checks.spark.schema import summary

    paragraphs = read_spark(spark, [str(seed_page)]).paragraphs
    assert summary(paragraphs, ParagraphsModel)["failing"] == []
    broken = paragraphs.withColumn("kind", F.when(F.col("position") == 1, F.lit("bogus")).otherwise(F.col("kind")))
    result = summary(broken, ParagraphsModel)
    assert [f.split(":")[0] for f in result["failing"]] == ["kind"]
    assert "paragraph_id: unique" in result["not_carried"]


def test_pandas_engine_runs_without_pyspark(seed_page):
    """PySpark is an extra: with it unimportable, checks imports, runs the pandas engine, and says so for spark."""
    code = (
        "import sys; sys.modules['pyspark'] = None\n"
        "import checks.cli, checks.spark\n"
        "from checks.engine import execute\nfrom checks.config import Config\n"
        f"result = execute([{str(seed_page)!r}], Config(data_docs=False))\n"
        "assert result.findings and not checks.spark.available()\n"
        "from checks.spark.session import get_session\nfrom checks.errors import UsageError\n"
        "try:\n    get_session()\nexcept UsageError as exc:\n    print(exc)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "pip install 'checks[spark]'" in proc.stdout


def test_master_without_spark_engine_is_a_usage_error(run_checks, seed_page):
    outcome = run_checks("run", str(seed_page), "--master", "local[2]")
    assert outcome.code == 2
    assert outcome.stderr.strip().count("\n") == 0 and "--engine spark" in outcome.stderr


@pytest.mark.parametrize("args, says", [
    (["--spark-conf", "spark.driver.memory=8g"], "--engine spark"),
    (["--engine", "spark", "--spark-conf", "spark.driver.memory"], "KEY=VALUE"),
    (["--engine", "spark", "--spark-conf", "=8g"], "KEY=VALUE"),
])
def test_bad_spark_conf_is_a_usage_error_before_any_work(run_checks, seed_page, args, says):
    outcome = run_checks("run", str(seed_page), *args)
    assert outcome.code == 2
    assert outcome.stderr.strip().count("\n") == 0 and says in outcome.stderr


def test_local_sessions_get_memory_and_settings_given_win():
    from checks.spark.session import session_conf

    local = session_conf("local[2]")
    assert int(local["spark.driver.memory"].rstrip("m")) >= 1024  # Spark's own 1g runs out at ~1M paragraphs
    assert local["spark.sql.shuffle.partitions"] == "2"
    assert session_conf("local[2]", overrides={"spark.driver.memory": "3g"})["spark.driver.memory"] == "3g"
    assert "spark.driver.memory" not in session_conf("spark://head:7077")  # the cluster's own settings hold


def test_bench_growth_exponent_reads_linear_and_quadratic():
    from checks.bench.suite import growth_exponent

    assert growth_exponent([(1000, 2.0), (10000, 20.0), (100000, 200.0)]) == pytest.approx(1.0)
    assert growth_exponent([(1000, 1.0), (10000, 100.0)]) == pytest.approx(2.0)
    assert growth_exponent([(1000, 1.0)]) is None


def test_bench_corpus_has_the_paragraphs_asked_for(tmp_path):
    from checks.bench.suite import write_paragraph_corpus
    from checks.ingest.reader import read_corpus

    write_paragraph_corpus(tmp_path, 1500)
    corpus = read_corpus([str(tmp_path)])
    assert 1500 <= len(corpus.paragraphs) <= 1500 + 20
    result = execute([str(tmp_path)], Config(data_docs=False, select=["DUP001", "REP001"]))
    assert {f.check for f in result.findings} == {"DUP001", "REP001"}  # planted copies and doublings
