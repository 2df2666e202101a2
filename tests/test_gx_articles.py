"""GX expectations in a team's own project: a fresh file-backed Data Context made here, a suite of our
expectations over a pandas batch of articles, a Checkpoint, and the rows our rules flag as unexpected values;
the same rows as `checks run` flags; Spark where GX allows; the README's code block as written."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from checks.config import Config
from checks.engine import execute
from checks.gx import (ExpectGrowthClaimsToHold, ExpectNoDoubledWords, ExpectNoDuplicateParagraphs,
                       ExpectNoTruncatedParagraphs, ExpectShareClaimsToHold)
from checks.gx.batch_corpus import corpus_from_articles_frame

ROOT = Path(__file__).resolve().parent.parent
SHARED = "国家统计局今天发布数据，一季度全国规模以上工业增加值同比增长百分之六，制造业增势较好。"
ARTICLES = pd.DataFrame({
    "id": ["a1", "a2", "a3", "a4"],
    "title": ["工业生产稳中有进", "新能源汽车产销两旺", "外贸进出口保持增长", "一篇没有问题的文章"],
    "published": ["2026-01-28", "2026-01-28", "2026-01-29", "2026-01-30"],
    "body": [
        SHARED + "\n\n营收从100亿元增长到150亿元，增长80%。\n\n约80%来自企业，30%来自个人用户。",
        "今年以来新能源汽车产销继续保持较快增长，市场渗透率稳步提升。\n\n" + SHARED,
        "海关总署数据显示，前两个月货物贸易进出口总值同比增长。\n\n其中出口增长快于进口，贸易结构持续\n\n"
        "专家认为，新的模型模型正在推广，模型应用前景广阔。",
        "这是一篇没有问题的文章，所有段落都完整地结束了。\n\n第二段也写完了，没有重复也没有错误的数字。",
    ],
})
EXPECTED = {  # expectation type -> the ids of the rows it must name
    "expect_no_duplicate_paragraphs": ["a1", "a2"],
    "expect_no_truncated_paragraphs": ["a3"],
    "expect_no_doubled_words": ["a3"],
    "expect_growth_claims_to_hold": ["a1"],
    "expect_share_claims_to_hold": ["a1"],
}


def _expectations(**columns) -> list:
    return [ExpectNoDuplicateParagraphs(**columns), ExpectNoTruncatedParagraphs(**columns),
            ExpectNoDoubledWords(**columns), ExpectGrowthClaimsToHold(**columns), ExpectShareClaimsToHold(**columns)]


def _project(root: Path, name: str = "articles", **columns):
    """A fresh file-backed GX project: a pandas source, a suite of our expectations, a Checkpoint."""
    import great_expectations as gx

    context = gx.get_context(mode="file", project_root_dir=str(root))
    batch = context.data_sources.add_pandas("news").add_dataframe_asset(name).add_batch_definition_whole_dataframe("all")
    suite = context.suites.add(gx.ExpectationSuite(name=name))
    for expectation in _expectations(**columns):
        suite.add_expectation(expectation)
    definition = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
    context.checkpoints.add(gx.Checkpoint(name=name, validation_definitions=[definition]))
    return context


def _unexpected(checkpoint_result) -> dict[str, list]:
    (validation,) = checkpoint_result.run_results.values()
    return {r.expectation_config.type: r.result["unexpected_list"] for r in validation.results}


def test_a_fresh_project_validates_a_batch_and_names_the_failing_rows(tmp_path):
    context = _project(tmp_path, column="body", title_column="title", date_column="published", id_column="id")
    outcome = context.checkpoints.get("articles").run(batch_parameters={"dataframe": ARTICLES})
    assert not outcome.success
    assert _unexpected(outcome) == EXPECTED
    (validation,) = outcome.run_results.values()
    growth = next(r for r in validation.results if r.expectation_config.type == "expect_growth_claims_to_hold")
    (finding,) = growth.result["details"]["findings"]
    assert finding["check"] == "GRW001" and finding["row"] == "a1" and "80%" in finding["message"]
    assert growth.result["unexpected_count"] == 1 and growth.result["element_count"] == 4


def test_the_suite_is_saved_and_runs_again_from_the_project_folder(tmp_path):
    import great_expectations as gx

    _project(tmp_path, column="body", id_column="id")
    saved = json.loads(next((tmp_path / "gx" / "expectations").glob("*.json")).read_text(encoding="utf-8"))
    assert {e["type"] for e in saved["expectations"]} == set(EXPECTED)
    reopened = gx.get_context(mode="file", project_root_dir=str(tmp_path))
    outcome = reopened.checkpoints.get("articles").run(batch_parameters={"dataframe": ARTICLES})
    assert _unexpected(outcome) == EXPECTED
    clean = reopened.checkpoints.get("articles").run(batch_parameters={"dataframe": ARTICLES[ARTICLES.id == "a4"]})
    assert clean.success


def test_without_an_id_column_the_rows_are_named_by_the_index(tmp_path):
    context = _project(tmp_path, column="body")
    labelled = ARTICLES.set_index(pd.Index(["w", "x", "y", "z"]))
    outcome = context.checkpoints.get("articles").run(batch_parameters={"dataframe": labelled})
    positions = {key: [ARTICLES.id.tolist().index(i) for i in ids] for key, ids in EXPECTED.items()}
    assert _unexpected(outcome) == {key: [labelled.index[p] for p in rows] for key, rows in positions.items()}


def test_the_expectations_flag_the_rows_checks_run_flags(tmp_path):
    """Rules are written once: the rows named are those whose articles `checks run` reports, on a .jsonl of them."""
    corpus = tmp_path / "articles.jsonl"
    with corpus.open("w", encoding="utf-8") as sink:
        for row in ARTICLES.itertuples():
            sink.write(json.dumps({"id": row.id, "title": row.title, "date": row.published, "body": row.body},
                                  ensure_ascii=False) + "\n")
    result = execute([str(corpus)], Config(select=["DUP", "TRN", "REP001", "GRW", "SHR"]))
    by_family = {}
    for finding in result.findings:
        by_family.setdefault(finding.check[:3], set()).update(ARTICLES.id[loc.line_start - 1] for loc in finding.locations)
    assert {family: sorted(ids) for family, ids in by_family.items()} == {
        "DUP": EXPECTED["expect_no_duplicate_paragraphs"], "TRN": EXPECTED["expect_no_truncated_paragraphs"],
        "REP": EXPECTED["expect_no_doubled_words"], "GRW": EXPECTED["expect_growth_claims_to_hold"],
        "SHR": EXPECTED["expect_share_claims_to_hold"]}


def test_the_batch_corpus_keeps_each_row_on_its_line():
    corpus = corpus_from_articles_frame(ARTICLES, "body", "title", "published", "id")
    assert corpus.articles["source_id"].tolist() == ARTICLES.id.tolist()
    assert corpus.articles["date"].tolist() == ARTICLES.published.tolist()
    paragraphs = corpus.paragraphs
    assert set(paragraphs["file"]) == {"batch"}
    assert (paragraphs["line_start"] - 1).map(ARTICLES.id.__getitem__).tolist() == \
        corpus.articles.set_index("article_id").loc[paragraphs["article_id"], "source_id"].tolist()


def _validated(expectations: list, frame: pd.DataFrame) -> list:
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    batch = context.data_sources.add_pandas("news").add_dataframe_asset("a").add_batch_definition_whole_dataframe("all")
    suite = context.suites.add(gx.ExpectationSuite(name="a", expectations=expectations))
    return batch.get_batch(batch_parameters={"dataframe": frame}).validate(suite).results


def test_rule_options_and_fail_on_reach_the_rules():
    results = _validated([ExpectNoDuplicateParagraphs(column="body", id_column="id", rules=["DUP001"],
                                                     rule_options={"DUP001": {"min_chars": 1000}}),
                         ExpectNoTruncatedParagraphs(column="body", id_column="id", fail_on="error"),
                         ExpectNoTruncatedParagraphs(column="body", id_column="id", fail_on="warning")], ARTICLES)
    assert [r.success for r in results] == [True, True, False]  # no paragraph of 1000 characters; TRN is a warning
    assert results[1].result["details"]["findings"] == [] and results[2].result["unexpected_list"] == ["a3"]


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="DUP001"):
        ExpectNoDuplicateParagraphs(column="body", rules=["GRW001"])
    with pytest.raises(ValueError, match="fail_on"):
        ExpectGrowthClaimsToHold(column="body", fail_on="fatal")
    only_exact = ExpectNoDuplicateParagraphs(column="body", rules=["dup001"])
    assert only_exact.rules == ["DUP001"]


def test_a_missing_column_fails_the_expectation_with_its_name(tmp_path):
    context = _project(tmp_path, column="text", id_column="id")
    outcome = context.checkpoints.get("articles").run(batch_parameters={"dataframe": ARTICLES})
    (validation,) = outcome.run_results.values()
    assert not outcome.success
    assert all("text" in json.dumps(r.exception_info, default=str) for r in validation.results)


def _readme_block() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Expectations for your own GX project"):]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_code_block_works_as_written(tmp_path):
    script = tmp_path / "readme_example.py"
    script.write_text(_readme_block(), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "['a1', 'a2']" in proc.stdout


@pytest.mark.spark
def test_spark_batches_give_the_same_rows(tmp_path):
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed")
    import great_expectations as gx

    from checks.spark.session import get_session

    spark = get_session("local[2]", shuffle_partitions=2)
    context = gx.get_context(mode="ephemeral")
    batch = context.data_sources.add_spark("spark").add_dataframe_asset("articles") \
        .add_batch_definition_whole_dataframe("all")
    suite = context.suites.add(gx.ExpectationSuite(name="articles"))
    for expectation in _expectations(column="body", title_column="title", date_column="published", id_column="id"):
        suite.add_expectation(expectation)
    definition = context.validation_definitions.add(gx.ValidationDefinition(name="articles", data=batch, suite=suite))
    checkpoint = context.checkpoints.add(gx.Checkpoint(name="articles", validation_definitions=[definition]))
    outcome = checkpoint.run(batch_parameters={"dataframe": spark.createDataFrame(ARTICLES)})
    assert _unexpected(outcome) == EXPECTED
