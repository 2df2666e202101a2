"""Tables as input: the same articles as pages, .jsonl, Parquet, CSV or a DataFrame give the same findings
apart from where they are; findings in a table name its row and column; bad tables stop the run in one line.

What legitimately differs between the forms: the file names and line numbers (in locations and in messages
that quote them), the rows and columns (tables only), and every id, since article and paragraph ids hash the
file they come from and finding ids hash those. Everything else must be equal: which checks fire, their
category, severity, dataset, message, evidence and comparison, and which paragraphs they name (as article
number and paragraph number in reading order).
"""
from __future__ import annotations

import json
import re

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import checks
from checks.config import Config

LONG = ("记者从国家发展改革委获悉，今年以来各地加快推进重大项目建设，一批交通、能源、水利和新型基础设施项目陆续开工，"
        "带动有效投资持续扩大，为稳定经济增长提供了有力支撑，下一步还将继续做好要素保障工作。")
SOURCE = ("合作期间，双方在大熊猫饲养管理、繁殖育幼、疾病防控、公众教育等领域取得丰硕成果，"
          "先后成功繁育多只幼仔，为全球大熊猫保护事业作出了积极贡献。")
SHARED = "新能源汽车产业链持续完善，动力电池、驱动电机和整车制造环节的产能布局更加合理，出口规模创历史新高。"

ARTICLES = [
    {"id": "n1", "title": "工业经济稳中向好", "date": "2025-10-20", "body": [
        "国家统计局数据显示，今年前三季度全国规模以上工业增加值同比增长5.2%，比上半年加快0.4个百分点，经济运行总体平稳。",
        SHARED, LONG,
        "该项目总投资由去年的100亿元增加到今年的150亿元，增长了80%。"]},
    {"id": "n2", "title": "汽车出口再创新高", "date": "2025-10-21", "body": [
        SHARED, LONG.replace("一批交通", "一批铁路"),
        "今年以来，全市开展反诈反诈宣传活动三百余场，覆盖群众十万人次。",
        "市公安局表示，反诈工作将常态化开展，守护群众的钱袋子。",
        "记者从会议上获悉，相关部门将进一步加大对中小企业的支持力度，并在"]},
    {"id": "n3", "title": "English page", "date": "2025-10-22", "body": [
        "The ministry said exports of electric vehicles rose sharply in the first nine months, led by shipments to Europe.",
        "另据了解，" + SOURCE + "与此同时，多个城市出台了新的购房补贴政策，楼市成交量环比回升明显，市场信心有所恢复。",
        SOURCE,
        "Prices rose from 200 yuan to 300 yuan, an increase of 80 percent.",
        "The firmâ€™s revenue rose 4% to $11.1bn in the quarter, analysts said on Monday."]},
]
CONFIG = {"data-docs": False}


def _rows(articles=ARTICLES) -> list[dict]:
    return [{"id": a["id"], "title": a["title"], "body": "\n\n".join(a["body"]), "date": a["date"]} for a in articles]


def _write(folder, form: str, articles=ARTICLES, name: str = "articles") -> str:
    """The articles in one file of this form; pages (.txt) get a file each, as a page holds one article here."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = _rows(articles)
    if form == "txt":
        for i, a in enumerate(articles):
            (folder / f"{name}{i}.txt").write_text(a["title"] + "\n\n" + "\n\n".join(a["body"]) + "\n", encoding="utf-8")
        return str(folder)
    path = folder / f"{name}.{form}"
    if form == "jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    elif form == "parquet":
        pd.DataFrame(rows).to_parquet(path, index=False)
    elif form == "csv":
        pd.DataFrame(rows).to_csv(path, index=False)
    return str(path)


def _canonical(run, by_source_id: bool = False) -> list[str]:
    """The findings and verified claims with ids, files, lines, rows and columns replaced by reading order
    (article number, or the article's own id in the table, and paragraph number)."""
    paragraphs = run.result.corpus.paragraphs
    articles = run.result.corpus.articles
    keys = articles["source_id"] if by_source_id else range(len(articles))
    article_number = dict(zip(articles["article_id"], keys))
    names = {}
    for pid, aid, position in zip(paragraphs["paragraph_id"], paragraphs["article_id"], paragraphs["position"]):
        names[pid] = f"P{article_number[aid]}.{position}"
    names.update({aid: f"A{n}" for aid, n in article_number.items()})
    files = sorted({str(f) for f in paragraphs["file"]}, key=len, reverse=True)
    out = []
    for kind, frame in (("finding", run.result.findings), ("verified", run.result.verified)):
        for f in frame:
            item = f.to_json()
            item.pop("id")
            item["locations"] = sorted(names.get(loc["paragraph_id"], "-") for loc in item["locations"])
            text = json.dumps(item, ensure_ascii=False, sort_keys=True)
            text = re.sub(r"\b[ap]-[0-9a-f]{10,12}\b", lambda m: names.get(m.group(0), m.group(0)), text)
            for name in files:
                text = re.sub(re.escape(name) + r"(:\d+)*", "FILE", text)
            out.append(kind + " " + text)
    return sorted(out)


def _run(data, **kwargs):
    return checks.validate(data, CONFIG, **kwargs)


def test_one_article_per_file_same_findings_in_every_form(tmp_path):
    forms = ("txt", "jsonl", "parquet", "csv")
    runs = {}
    for form in forms:
        inputs = [_write(tmp_path / form, form, [a], name=f"n{i}") for i, a in enumerate(ARTICLES)]
        runs[form] = _run(inputs if form != "txt" else [str(tmp_path / form)])
    expected = _canonical(runs["txt"])
    found = {json.loads(line.split(" ", 1)[1])["check"] for line in expected}
    # the articles must exercise duplicates across files, truncation, doubling, growth and encoding
    assert {"DUP001", "DUP002", "DUP003", "TRN001", "REP001", "ENC003"} <= found
    assert any(line.startswith("verified") for line in expected) or "GRW001" in found
    for form in forms[1:]:
        assert _canonical(runs[form]) == expected, form


def test_one_table_of_articles_same_findings_in_every_form(tmp_path):
    runs = {form: _run(_write(tmp_path / form, form)) for form in ("jsonl", "parquet", "csv")}
    runs["dataframe"] = _run(pd.DataFrame(_rows()))
    expected = _canonical(runs["jsonl"])
    assert len(expected) >= 8
    for form, run in runs.items():
        assert _canonical(run) == expected, form


def test_real_articles_same_findings_as_jsonl_parquet_and_csv(tmp_path, news_records):
    """Forty articles of the shared corpus, Chinese and English, in each table form."""
    records = [{k: r.get(k, "") for k in ("id", "title", "body", "date")} for r in news_records[::25][:40]]
    jsonl = tmp_path / "news.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    pd.DataFrame(records).to_parquet(tmp_path / "news.parquet", index=False)
    pd.DataFrame(records).to_csv(tmp_path / "news.csv", index=False)
    expected = _canonical(_run(str(jsonl)))
    assert expected
    for form in ("parquet", "csv"):
        assert _canonical(_run(str(tmp_path / f"news.{form}"))) == expected, form


def _paragraph_rows(articles=ARTICLES) -> list[dict]:
    """One row per paragraph, renamed columns, the title on each article's first row, and the rows of each
    article but the last out of order (the articles stay in order: which of two copies comes first in the
    file is a matter of location, and it orients a pair's evidence)."""
    rows = []
    for number, a in enumerate(articles):
        mine = [{"doc": a["id"], "n": n, "content": text, "headline": a["title"] if n == 0 else None,
                 "published": a["date"]} for n, text in enumerate(a["body"])]
        rows += mine if number == len(articles) - 1 else mine[1::2] + mine[::2]
    return rows


PARAGRAPH_COLUMNS = {"article": "doc", "order": "n", "body": "content", "title": "headline", "date": "published"}


def test_a_table_of_paragraphs_gives_the_articles_findings(tmp_path):
    rows = _paragraph_rows()
    assert len(rows) == sum(len(a["body"]) for a in ARTICLES)
    path = tmp_path / "paragraphs.parquet"
    pd.DataFrame(rows).to_parquet(path, index=False)
    expected = _canonical(_run(_write(tmp_path, "jsonl")), by_source_id=True)
    assert _canonical(_run(str(path), columns=PARAGRAPH_COLUMNS), by_source_id=True) == expected
    assert _canonical(_run(pd.DataFrame(rows), columns=PARAGRAPH_COLUMNS), by_source_id=True) == expected
    jsonl = tmp_path / "paragraphs.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert _canonical(_run(str(jsonl), columns=PARAGRAPH_COLUMNS), by_source_id=True) == expected


def test_places_in_tables_name_row_and_column(tmp_path, run_checks):
    rows = _paragraph_rows()
    pd.DataFrame(rows).to_csv(tmp_path / "paragraphs.csv", index=False)
    args = [f"--column={field}={column}" for field, column in PARAGRAPH_COLUMNS.items()]
    out = run_checks("run", str(tmp_path / "paragraphs.csv"), *args, "--select", "DUP001,REP001,TRN001")
    assert out.code == 1, out.stderr
    document = out.findings
    from jsonschema import validate as validate_schema

    from checks.surfaces.findings_json import schema

    validate_schema(document, schema())
    csv_lines = (tmp_path / "paragraphs.csv").read_text(encoding="utf-8").splitlines()
    places = [loc for f in document["findings"] for loc in f["locations"]]
    assert places
    for loc in places:
        record = rows[loc["row"]]
        column = loc["column"]
        assert column in ("content", "headline")
        assert loc["line_start"] == loc["row"] + 2  # header on line 1, one line per record here
        assert csv_lines[loc["line_start"] - 1].startswith(record["doc"] + ",")
        paragraph = next(f for f in document["findings"] if loc in f["locations"])
        assert paragraph["locations"]
    doubled = next(f for f in document["findings"] if f["check"] == "REP001")
    assert "反诈反诈" in rows[doubled["locations"][0]["row"]]["content"]
    # the console names the record too
    assert re.search(r"paragraphs\.csv:\d+ \(row \d+, column content\): \w+ (REP001|TRN001|DUP001)", out.stdout)


def test_jsonl_and_parquet_rows_and_multiline_csv_records(tmp_path):
    run = _run(_write(tmp_path, "parquet"))
    for f in run.result.findings:
        for loc in f.locations:
            assert loc.row == loc.line_start - 1 and loc.column in ("title", "body")
    frame = run.findings
    assert {"row", "column", "file", "line_start", "locations", "evidence"} <= set(frame.columns)
    assert frame["row"].notna().all()
    # CSV bodies span lines: a record's line is where it starts
    csv_run = _run(_write(tmp_path, "csv"))
    text = (tmp_path / "articles.csv").read_text(encoding="utf-8")
    starts = [i + 1 for i, line in enumerate(text.split("\n")) if re.match(r"n\d,", line)]
    for f in csv_run.result.findings:
        for loc in f.locations:
            assert loc.line_start == starts[loc.row]
    jsonl_run = _run(_write(tmp_path, "jsonl"))
    assert all(loc.row == loc.line_start - 1 for f in jsonl_run.result.findings for loc in f.locations)


def test_pages_of_text_keep_their_findings_unchanged(seed_result):
    """A page's places carry no row or column: its findings.json is what it was."""
    for f in seed_result.findings:
        for loc in f.to_json()["locations"]:
            assert set(loc) == {"file", "line_start", "line_end", "article_id", "paragraph_id"}


def test_columns_from_pyproject(tmp_path, run_checks):
    pd.DataFrame([{"headline": r["title"], "content": r["body"], "key": r["id"]} for r in _rows()]).to_parquet(
        tmp_path / "news.parquet", index=False)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.checks]\ninputs = ["news.parquet"]\ndata-docs = false\n\n'
        '[tool.checks.input]\ntitle = "headline"\nbody = "content"\nid = "key"\n', encoding="utf-8")
    out = run_checks("run", "--select", "DUP001", cwd=tmp_path)
    assert out.code == 1, out.stderr
    first = out.findings["findings"][0]["locations"][0]
    assert first["file"] == "news.parquet" and first["column"] == "content"


def _bad_tables(tmp_path):
    ok = pd.DataFrame(_rows())
    ok.to_parquet(tmp_path / "ok.parquet", index=False)
    data = (tmp_path / "ok.parquet").read_bytes()
    (tmp_path / "truncated.parquet").write_bytes(data[: len(data) // 2])
    (tmp_path / "empty.parquet").write_bytes(b"")
    pq.write_table(pa.table({"title": ["t"], "body": [3]}), tmp_path / "numbers.parquet")
    (tmp_path / "latin1.csv").write_bytes("title,body\ncafé,déjà vu\n".encode("latin-1"))
    (tmp_path / "order.csv").write_text("doc,n,body\nx,first,text\n", encoding="utf-8")
    (tmp_path / "ragged.csv").write_text("title,body\na,b,c\n", encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["ok.parquet", "--column", "body=content"], "ok.parquet: no column 'content' for the body"),
    (["ok.parquet", "--column", "title=headline"], "no column 'headline' for the title"),
    (["numbers.parquet"], "numbers.parquet: column 'body' (body) holds int64; expected text"),
    (["truncated.parquet"], "truncated.parquet: not a readable Parquet file"),
    (["empty.parquet"], "empty.parquet: not a readable Parquet file"),
    (["latin1.csv"], "latin1.csv: not a readable CSV file"),
    (["order.csv", "--column", "article=doc", "--column", "order=n"], "order.csv: column 'n' (order) holds values that are not integers"),
    (["ragged.csv"], "ragged.csv: not a readable CSV file"),
    (["ok.parquet", "--column", "bogus=x"], "--column: unknown field 'bogus'"),
    (["ok.parquet", "--column", "order=n"], "a paragraph order needs 'article'"),
])
def test_bad_tables_exit_2_with_one_line(tmp_path, run_checks, args, message):
    _bad_tables(tmp_path)
    out = run_checks("run", *args, cwd=tmp_path)
    assert out.code == 2
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert message in out.stderr


def test_folders_hold_pages_and_jsonl_tables_are_named(tmp_path):
    """A folder is read for .txt and .jsonl; a CSV beside them (a curated table) is not taken for articles."""
    folder = tmp_path / "data"
    _write(folder, "jsonl")
    pd.DataFrame([{"metric": "x", "value": 1}]).to_csv(folder / "indicators.csv", index=False)
    run = _run(str(folder))
    assert {f.name for f in run.result.corpus.files} == {str(folder / "articles.jsonl")}


def test_config_from_a_dict_a_file_or_a_config(tmp_path):
    path = _write(tmp_path, "parquet")
    toml = tmp_path / "checks.toml"
    toml.write_text('[tool.checks]\nselect = ["DUP001"]\ndata-docs = false\n', encoding="utf-8")
    by_dict = checks.validate(path, {"select": ["DUP001"], "data-docs": False})
    by_file = checks.validate(path, toml)
    by_config = checks.validate(path, Config(select=["DUP001"], data_docs=False))
    assert list(by_dict.findings["id"]) == list(by_file.findings["id"]) == list(by_config.findings["id"])
    assert set(by_dict.findings["check"]) == {"DUP001"}
