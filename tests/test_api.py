"""The Python API (checks.validate): DataFrames or paths in, findings and verified claims out as DataFrames,
the exit status, and the reports on request; `checks run` makes the same run."""
from __future__ import annotations

import json

import pandas as pd
import pytest

import checks
from checks.errors import UsageError

BODY = [
    "国家统计局数据显示，今年前三季度全国规模以上工业增加值同比增长5.2%，比上半年加快0.4个百分点，经济运行总体平稳。",
    "新能源汽车产业链持续完善，动力电池、驱动电机和整车制造环节的产能布局更加合理，出口规模创历史新高。",
    "今年以来，全市开展反诈反诈宣传活动三百余场，覆盖群众十万人次。",
    "市公安局表示，反诈工作将常态化开展，守护群众的钱袋子。",
]


@pytest.fixture
def articles() -> pd.DataFrame:
    return pd.DataFrame({
        "headline": ["工业经济稳中向好", "汽车出口再创新高"],
        "content": ["\n\n".join(BODY[:2]), "\n\n".join(BODY[1:])],
        "published": ["2025-10-20", "2025-10-21"],
    })


COLUMNS = {"title": "headline", "body": "content", "date": "published"}
CONFIG = {"data-docs": False}


def test_a_dataframe_of_articles(articles, tmp_path):
    run = checks.validate(articles, CONFIG, columns=COLUMNS, name="news")
    frame = run.findings
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(run.result.findings)
    duplicate = frame[frame["check"] == "DUP001"].iloc[0]
    assert duplicate["file"] == "news" and duplicate["column"] == "content" and duplicate["places"] == 2
    assert sorted(loc["row"] for loc in duplicate["locations"]) == [0, 1]
    doubled = frame[frame["check"] == "REP001"].iloc[0]
    assert "反诈反诈" in articles.loc[doubled["row"], "content"]
    assert run.exit_status == 1  # DUP001 is an error
    assert isinstance(run.verified, pd.DataFrame)
    assert list(run.verified.columns) == list(frame.columns)
    assert len(run.dataset("paragraphs")) == 2 + 2 + 3  # two titles, two and three paragraphs
    folder = run.write_reports(tmp_path / "reports")
    document = json.loads((folder / "findings.json").read_text(encoding="utf-8"))
    assert [f["id"] for f in document["findings"]] == list(frame["id"])
    assert (folder / "index.html").is_file() and (folder / "junit.xml").is_file()


def test_the_same_frame_gives_the_same_ids(articles):
    first = checks.validate(articles, CONFIG, columns=COLUMNS)
    again = checks.validate(articles.copy(), CONFIG, columns=COLUMNS)
    assert list(first.findings["id"]) == list(again.findings["id"])
    changed = articles.copy()
    changed.loc[0, "content"] += "\n\n补充一段新的内容，说明情况已经发生变化。"
    assert set(checks.validate(changed, CONFIG, columns=COLUMNS).findings["id"]) != set(first.findings["id"])


def test_a_dataframe_of_paragraphs():
    rows = [{"doc": "b", "n": 1, "text": BODY[2]}, {"doc": "a", "n": 0, "text": BODY[0]},
            {"doc": "b", "n": 0, "text": BODY[1]}, {"doc": "a", "n": 1, "text": BODY[1]},
            {"doc": "b", "n": 2, "text": BODY[3]}]
    run = checks.validate(pd.DataFrame(rows), CONFIG, columns={"article": "doc", "order": "n", "body": "text"})
    articles = run.dataset("articles")
    assert list(articles["source_id"]) == ["b", "a"]  # in order of each article's first row
    paragraphs = run.dataset("paragraphs")
    assert list(paragraphs["text"]) == [BODY[1], BODY[2], BODY[3], BODY[0], BODY[1]]
    duplicate = run.findings[run.findings["check"] == "DUP001"].iloc[0]
    assert sorted(loc["row"] for loc in duplicate["locations"]) == [2, 3]


def test_paths_and_the_bundled_page_match_checks_run(seed_page, run_checks, tmp_path):
    run = checks.validate(str(seed_page), CONFIG)
    toml = tmp_path / "checks.toml"
    toml.write_text("[tool.checks]\ndata-docs = false\n", encoding="utf-8")
    out = run_checks("run", str(seed_page), "--config", str(toml))
    assert out.code == run.exit_status == 1
    assert [f["id"] for f in out.findings["findings"]] == list(run.findings["id"])
    assert [f["id"] for f in out.findings["verified"]] == list(run.verified["id"])
    assert run.findings["row"].isna().all()  # a page has lines, not rows
    for frame, findings in ((run.findings, run.result.findings), (run.verified, run.result.verified)):
        stated = [f.comparison.stated if f.comparison else None for f in findings]
        assert [None if pd.isna(v) else v for v in frame["stated"]] == stated


def test_baseline_and_fail_on_through_the_api(articles, tmp_path):
    run = checks.validate(articles, {**CONFIG, "fail-on": "never"}, columns=COLUMNS)
    assert run.exit_status == 0 and len(run.findings)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"accepted": [{"id": i, "reason": "known"} for i in run.findings["id"]]}),
                        encoding="utf-8")
    accepted = checks.validate(articles, {**CONFIG, "baseline": str(baseline)}, columns=COLUMNS)
    assert accepted.findings.empty and accepted.exit_status == 0
    assert set(accepted.accepted["id"]) == set(run.findings["id"])
    assert set(accepted.accepted["reason"]) == {"known"}


@pytest.mark.parametrize("data, config, message", [
    (42, None, "expected a DataFrame, a path or a list of paths"),
    (pd.DataFrame({"title": ["t"]}), None, "no column 'body'"),
    (pd.DataFrame({"body": ["x"]}), {"fail-on": "sometimes"}, "fail-on"),
    (pd.DataFrame({"body": ["x"]}), {"select": ["NOPE"]}, "NOPE matches no rule"),
    (pd.DataFrame({"body": [1, 2]}), None, "holds int64; expected text"),
])
def test_bad_input_raises_one_line(data, config, message):
    with pytest.raises(UsageError, match=message) as info:
        checks.validate(data, config)
    assert "\n" not in str(info.value)
