"""The foundation end to end: the bundled page's structure, synthetic pages, CLI, config, baseline, schema."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pandas as pd
import pytest

from checks.config import Config
from checks.context import Context
from checks.datasets import load_plugins
from checks.engine import execute
from checks.ingest.reader import read_corpus
from checks.rules.base import RULES
from checks.rules.schema import schema_hits
from checks.schemas import ParagraphsModel
from checks.surfaces.findings_json import schema as findings_schema
from checks.datasets import locate_by_lines


# --- the bundled page ---------------------------------------------------------------------------

def test_bundled_page_has_its_four_articles(seed_page):
    corpus = read_corpus([str(seed_page)])
    articles = corpus.articles
    assert list(articles["title"]) == [
        "2026年中国AI发展趋势前瞻",
        "",  # the 新华视点 piece is printed without a title line
        "旅日大熊猫“晓晓”“蕾蕾”回到家乡四川",
        "中央企业“AI+”专项行动取得积极进展",
    ]
    assert list(articles["column"]) == ["新华深读", "新华视点", "", ""]
    assert list(articles["dateline"]) == [
        "(新华社北京1月28日电)", "(新华社北京1月28日电)", "新华社成都1月28日电", "新华社北京1月28日电",
    ]


def test_every_paragraph_span_matches_the_file(seed_page, seed_lines):
    corpus = read_corpus([str(seed_page)])
    paragraphs = corpus.paragraphs
    covered = set()
    for row in paragraphs.itertuples():
        assert row.text == "\n".join(seed_lines[row.line_start - 1 : row.line_end])
        span = set(range(row.line_start, row.line_end + 1))
        assert not covered & span, f"line in two paragraphs at {row.line_start}"
        covered |= span
    non_blank = {i for i, line in enumerate(seed_lines, start=1) if line.strip()}
    assert covered == non_blank
    acc = corpus.accounting.iloc[0]
    assert acc["lines"] == acc["blank"] + acc["in_paragraphs"] == 278


def test_paragraph_kinds_on_the_bundled_page(seed_page, seed_lines):
    paragraphs = read_corpus([str(seed_page)]).paragraphs
    kind_at = dict(zip(paragraphs["line_start"], paragraphs["kind"]))
    line_of = {line: i for i, line in enumerate(seed_lines, start=1)}
    assert kind_at[line_of["技术范式:"]] == "heading"
    assert kind_at[line_of["AI从“聊天”走向“做事”"]] == "subheading"
    assert kind_at[line_of["数据挖掘:"]] == "heading"
    assert kind_at[line_of["从规模导向转向质量与专业化导向"]] == "subheading"
    assert kind_at[line_of["加强平安建设,确保社会稳定坚如磐石"]] == "heading"
    caption = next(i for i, line in enumerate(seed_lines, start=1) if line.endswith("(新华社发)"))
    assert kind_at[caption] == "caption"
    assert list(paragraphs["kind"]).count("dateline") == 2
    # paragraphs cut by layout stay body text (the truncation rules judge them), not headings
    cut = next(i for i, line in enumerate(seed_lines, start=1) if line.endswith("《关于深入实施"))
    assert kind_at[cut] == "body"
    sections = paragraphs.set_index("line_start")["section"]
    assert sections[line_of["算力,计算设备或系统执行任务的能力,不只是芯片的堆砌,而是一个由硬件、软件、能源与网络精密协作的系统。"]] == "算力建设"


# --- synthetic pages ----------------------------------------------------------------------------

PAGE = (
    "第一篇标题测试新闻\n\n新华观察\n\n新华社上海3月2日电 第一段正文，说明情况。\n\n第二段正文也很完整。\n\n"
    "(新华社上海3月2日电)\n\n第二篇的标题\n\n3月2日，工人在车间作业。(新华社发)\n\n"
    "新华社广州3月2日电 第二篇第一段。\n\n小标题:\n副标题在这里\n\n第二篇正文结束。\n"
)


def _write(tmp_path: Path, name: str, text: str, encoding="utf-8", newline="\n", bom=b"") -> Path:
    path = tmp_path / name
    path.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    return path


@pytest.mark.parametrize(
    "encoding,newline,bom",
    [("utf-8", "\n", b""), ("utf-8", "\r\n", b""), ("utf-8", "\n", b"\xef\xbb\xbf"), ("gb18030", "\r\n", b""),
     ("gb18030", "\n", b"")],
)
def test_synthetic_page_reads_the_same_in_every_encoding(tmp_path, encoding, newline, bom):
    path = _write(tmp_path, "page.txt", PAGE, encoding, newline, bom)
    corpus = read_corpus([str(path)])
    assert list(corpus.articles["title"]) == ["第一篇标题测试新闻", "第二篇的标题"]
    assert list(corpus.articles["column"]) == ["新华观察", ""]
    assert list(corpus.articles["dateline"]) == ["新华社上海3月2日电", "新华社广州3月2日电"]
    kinds = list(corpus.paragraphs["kind"])
    assert kinds == ["title", "column", "body", "body", "dateline", "title", "caption", "body", "heading",
                     "subheading", "body"]
    heading = corpus.paragraphs[corpus.paragraphs["kind"] == "heading"].iloc[0]
    assert (heading["line_start"], heading["text"]) == (17, "小标题:")
    assert corpus.paragraphs.iloc[-1]["section"] == "小标题"
    assert not corpus.paragraphs["text"].str.contains("\r").any()


def test_normalised_text_folds_width_and_space(tmp_path):
    path = _write(tmp_path, "w.txt", "标题\n\n同比增长１２．５％，达到ＡＢＣ  公司\u3000水平。\n")
    body = read_corpus([str(path)]).paragraphs.iloc[-1]
    assert body["text"] == "同比增长１２．５％，达到ＡＢＣ  公司\u3000水平。"
    assert body["norm"] == "同比增长12.5%,达到ABC 公司水平。"


def test_a_few_bad_bytes_become_encoding_findings(tmp_path):
    data = "标题\n\n第一段文字正常。\n\n第二段".encode() + b"\xe5\x8f" + "坏了一个字。\n".encode()
    (tmp_path / "bad.txt").write_bytes(data)
    result = execute([str(tmp_path / "bad.txt")], Config())
    enc = [f for f in result.findings if f.check == "ENC001"]
    assert len(enc) == 1
    assert enc[0].locations[0].line_start == 5
    assert enc[0].evidence["bytes"] == "e58f"
    assert "\ufffd" in result.corpus.paragraphs.iloc[-1]["text"]


# --- schema failures become findings -------------------------------------------------------------

def test_schema_failures_name_their_rows(seed_page):
    paragraphs = read_corpus([str(seed_page)]).paragraphs.copy()
    paragraphs.loc[5, "paragraph_id"] = paragraphs.loc[4, "paragraph_id"]
    paragraphs.loc[7, "kind"] = "footnote"
    paragraphs.loc[9, "length"] = 0
    hits = schema_hits("paragraphs", paragraphs, ParagraphsModel, locate_by_lines)
    checks = {(h.evidence["column"], h.evidence["row"]) for h in hits}
    assert ("paragraph_id", "4") in checks and ("paragraph_id", "5") in checks
    assert ("kind", "7") in checks
    assert ("length", "9") in checks
    kind_hit = next(h for h in hits if h.evidence["column"] == "kind")
    assert kind_hit.locations[0].line_start == paragraphs.loc[7, "line_start"]
    assert kind_hit.locations[0].paragraph_id == paragraphs.loc[7, "paragraph_id"]


def test_a_row_failing_a_frame_wide_check_is_shown_by_its_id_however_many_fail(seed_page):
    """pandera lists such a row under every column, in an order its unstable sort scrambles on large frames:
    the finding shows the row's first column (its id) whether one row fails or thousands do, so a dataset
    validated in parts (by workers) gives the findings of the whole."""
    paragraphs = read_corpus([str(seed_page)]).paragraphs
    many = pd.concat([paragraphs] * 40, ignore_index=True)
    many = many.assign(paragraph_id=[f"p-{i:012x}" for i in range(len(many))], line_end=0)
    for frame in (many.iloc[:1], many):
        hits = [h for h in schema_hits("paragraphs", frame, ParagraphsModel, locate_by_lines)
                if h.evidence["check"] == "line_end must not precede line_start"]
        assert len(hits) == len(frame) > 0
        assert all(h.evidence["failure_case"] == h.evidence["row_id"] == frame.loc[int(h.evidence["row"]), "paragraph_id"]
                   for h in hits)


def test_bundled_datasets_satisfy_their_schemas(seed_result):
    assert not [f for f in seed_result.findings if f.check == "SCH001"]
    assert "SCH001" in [r.code for r in seed_result.rules]


# --- registry, selection, configuration ----------------------------------------------------------

def test_every_rule_is_documented():
    load_plugins()
    assert RULES
    for rule in RULES.values():
        for section in ("What it does", "Why is this bad", "Example", "Use instead"):
            assert rule.section(section), f"{rule.code} lacks {section}"


def test_select_and_ignore_by_prefix(run_checks, seed_page, tmp_path):
    out = run_checks("run", str(seed_page), "--select", "ENC", "--ignore", "ENC003", "-q")
    assert out.code in (0, 1)
    assert out.findings["checks_run"] == ["ENC001", "ENC002"]


def test_pyproject_configuration_is_read(run_checks, tmp_path, seed_page):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.checks]\nselect = ["ACC"]\nfail-on = "warning"\ninputs = ["page.txt"]\n', encoding="utf-8")
    shutil.copy(seed_page, tmp_path / "page.txt")
    out = run_checks("run", cwd=tmp_path, report_dir=tmp_path / "r")
    assert out.code == 0, out.stderr
    assert out.findings["checks_run"] == ["ACC001"]


@pytest.mark.parametrize(
    "body,message",
    [
        ('[tool.checks]\nfail-on = "sometimes"\n', "fail-on"),
        ('[tool.checks]\nbogus = 1\n', "unknown key"),
        ('[tool.checks]\nselect = ["ZZZ"]\n', "matches no rule"),
        ('[tool.checks.rules.ENC001]\nthreshold = 1\n', "unknown option"),
        ('[tool.checks\n', "not valid TOML"),
    ],
)
def test_bad_configuration_exits_2_with_one_line(run_checks, tmp_path, seed_page, body, message):
    config = tmp_path / "bad.toml"
    config.write_text(body, encoding="utf-8")
    out = run_checks("run", str(seed_page), "--config", str(config))
    assert out.code == 2
    assert message in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr


# --- exit codes and findings.json ----------------------------------------------------------------

def test_exit_codes_follow_fail_on(run_checks, tmp_path):
    clean = _write(tmp_path, "clean.txt", "标题一则\n\n这是一段完整的正文。\n")
    assert run_checks("run", str(clean), "-q", "--select", "ENC,ACC,SCH").code == 0
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes("标题一则\n\n这是一段".encode() + b"\xff" + "正文。\n".encode())
    assert run_checks("run", str(damaged), "-q", "--select", "ENC").code == 0  # a warning, below --fail-on error
    assert run_checks("run", str(damaged), "-q", "--select", "ENC", "--fail-on", "warning").code == 1


def _bytes_file(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: (p / "empty_dir").mkdir() or p / "empty_dir", "no .txt"),
        (lambda p: _bytes_file(p / "empty.txt", b""), "empty"),
        (lambda p: _bytes_file(p / "blob.txt", bytes(range(256)) * 40), "binary"),
    ],
)
def test_bad_input_exits_2(run_checks, tmp_path, make, message):
    out = run_checks("run", str(make(tmp_path)))
    assert out.code == 2
    assert message in out.stderr
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_unwritable_report_folder_exits_2(run_checks, tmp_path, seed_page):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = run_checks("run", str(seed_page), "--report-dir", str(blocker / "reports"))
    assert out.code == 2 and "cannot write reports" in out.stderr


def test_findings_json_matches_its_schema(run_checks, seed_page):
    out = run_checks("run", str(seed_page), "-q")
    doc = out.findings
    jsonschema.validate(doc, findings_schema())
    assert doc["inputs"][0]["lines"] == 278
    assert doc["summary"]["error"] == sum(f["severity"] == "error" for f in doc["findings"])
    assert (out.report_dir / "junit.xml").is_file() and (out.report_dir / "index.html").is_file()


def test_baseline_accepts_findings_and_reports_stale_entries(run_checks, tmp_path):
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes("标题一则\n\n这是一段".encode() + b"\xff" + "正文。\n".encode())
    baseline = tmp_path / "baseline.json"
    made = run_checks("baseline", str(damaged), "-o", str(baseline), "--select", "ENC", "-q")
    assert made.code == 0, made.stderr
    entries = json.loads(baseline.read_text(encoding="utf-8"))["accepted"]
    assert len(entries) == 1 and entries[0]["check"] == "ENC001"
    out = run_checks("run", str(damaged), "--select", "ENC", "--fail-on", "warning", "--baseline", str(baseline), "-q")
    assert out.code == 0
    assert out.findings["summary"]["accepted"] == 1 and out.findings["findings"] == []
    damaged.write_bytes("标题一则\n\n这是一段正文。\n".encode())
    out = run_checks("run", str(damaged), "--select", "ENC", "--baseline", str(baseline), "-q")
    assert [e["id"] for e in out.findings["stale_baseline"]] == [entries[0]["id"]]


def test_cli_list_and_explain(run_checks):
    listed = run_checks("list")
    assert listed.code == 0 and "SCH001" in listed.stdout
    explained = run_checks("explain", "enc001")
    assert explained.code == 0 and "## Why is this bad" in explained.stdout
    assert run_checks("explain", "NOPE999").code == 2


def test_derive_writes_parquet_and_csv(run_checks, seed_page, tmp_path):
    out = run_checks("derive", str(seed_page), "--out", str(tmp_path / "derived"))
    assert out.code == 0, out.stderr
    paragraphs = pd.read_parquet(tmp_path / "derived" / "paragraphs.parquet")
    assert len(paragraphs) == 138
    assert len(pd.read_csv(tmp_path / "derived" / "articles.csv")) == 4
