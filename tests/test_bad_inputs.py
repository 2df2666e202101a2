"""The bad-input catalogue: every case ends in one clear line with exit 2, or is read and reported.

Each case runs the real command line (`checks.cli.main`) in this process under
a time limit, so a hang fails the case instead of stalling the suite. The
outcome must be exit 2 with one line on stderr naming the problem, or exit 0/1
with every input line accounted for; an internal error (a traceback turned
into a line) always fails.
"""
from __future__ import annotations

import codecs
import contextlib
import io
import json
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from checks.cli import main

ZH = ("国家统计局数据显示，前三季度全国规模以上工业增加值同比增长5.2%，较上年同期加快0.4个百分点。\n\n"
      "新能源汽车产量达到1200万辆，同比增长30%。\n")
ZH_TRADITIONAL = "國家統計局數據顯示，前三季度全國規模以上工業增加值同比增長5.2%。\n\n新能源汽車產量達到1200萬輛。\n"
PAGE = "产业发展观察\n\n新华社北京1月28日电 " + ZH + "\n(新华社北京1月28日电)\n"
LIMIT_SECONDS = 120


class CaseTimeout(BaseException):
    """Raised by the alarm; a BaseException so the CLI's own handlers cannot swallow it."""


@dataclass
class Outcome:
    code: int
    stderr: str
    report_dir: Path

    @property
    def doc(self) -> dict:
        return json.loads((self.report_dir / "findings.json").read_text(encoding="utf-8"))

    def checks_found(self) -> set[str]:
        return {f["check"] for f in self.doc["findings"]}


@pytest.fixture
def config_file(tmp_path) -> Path:
    """A configuration without Data Docs, so each case costs well under a second of reporting."""
    path = tmp_path / "checks.toml"
    path.write_text("[tool.checks]\ndata-docs = false\n", encoding="utf-8")
    return path


@pytest.fixture
def run(tmp_path, config_file):
    def invoke(*args: str, config: Path | None = None, report_dir: Path | None = None) -> Outcome:
        report_dir = report_dir or tmp_path / "reports"
        argv = ["run", *args, "--report-dir", str(report_dir), "--config", str(config or config_file), "-q",
                "--fail-on", "never"]
        err = io.StringIO()

        def on_alarm(signum, frame):
            raise CaseTimeout(f"checks run took over {LIMIT_SECONDS} s")

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.alarm(LIMIT_SECONDS)
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                try:
                    main(argv)
                    code = 0
                except SystemExit as exc:
                    code = int(exc.code or 0)
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        outcome = Outcome(code, err.getvalue(), report_dir)
        assert "internal error" not in outcome.stderr, outcome.stderr
        assert "Traceback" not in outcome.stderr, outcome.stderr
        if code == 2:
            assert outcome.stderr.count("\n") == 1 and outcome.stderr.startswith("checks: error: "), outcome.stderr
        else:
            assert code == 0, (code, outcome.stderr)
            _assert_every_line_accounted(outcome.doc)
        return outcome

    return invoke


def _assert_every_line_accounted(doc: dict) -> None:
    """No silent loss: each file's lines are blank or in paragraphs, or ACC001 says which are not."""
    lines = {i["file"]: i["lines"] for i in doc["inputs"]}
    assert {a["file"] for a in doc["accounting"]} == set(lines)
    flagged = {loc["file"] for f in doc["findings"] if f["check"] == "ACC001" for loc in f["locations"]}
    for row in doc["accounting"]:
        assert row["lines"] == lines[row["file"]]
        if row["file"] not in flagged:
            assert row["blank"] + row["in_paragraphs"] == row["lines"], row


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def refused(outcome: Outcome, *words: str) -> None:
    assert outcome.code == 2, (outcome.code, outcome.stderr)
    for word in words:
        assert word in outcome.stderr, outcome.stderr


def paragraph_texts(outcome: Outcome, tmp_path: Path) -> list[str]:
    """The paragraph texts of the run, read back through derive's own reader of the same inputs."""
    from checks.ingest.reader import read_corpus

    return list(read_corpus([i["file"] for i in outcome.doc["inputs"]]).paragraphs["text"])


# --- files that cannot be article text: one line, exit 2 ------------------------------------------


def test_empty_file(run, tmp_path):
    refused(run(str(write(tmp_path, "empty.txt", b""))), "empty.txt", "empty")


def test_whitespace_only_file(run, tmp_path):
    refused(run(str(write(tmp_path, "blank.txt", " \n\t\r\n\u3000\n"))), "blank.txt", "empty")


def test_binary_file(run, tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    refused(run(str(write(tmp_path, "image.txt", png))), "image.txt", "binary")


def test_mixed_encodings_in_one_file(run, tmp_path):
    data = (ZH * 4).encode("utf-8") + (ZH * 4).encode("gb18030")
    refused(run(str(write(tmp_path, "mixed.txt", data))), "mixed.txt", "UTF-8")


def test_missing_input(run, tmp_path):
    refused(run(str(tmp_path / "nowhere.txt")), "nowhere.txt", "no such file")


def test_folder_without_text_files(run, tmp_path):
    write(tmp_path, "in/notes.md", PAGE)
    refused(run(str(tmp_path / "in")), "no .txt or .jsonl")


def test_malformed_jsonl_line(run, tmp_path):
    path = write(tmp_path, "c.jsonl", json.dumps({"title": "T", "body": ZH}, ensure_ascii=False) + "\n{not json\n")
    refused(run(str(path)), "c.jsonl:2", "JSON")


def test_jsonl_line_that_is_not_an_object(run, tmp_path):
    refused(run(str(write(tmp_path, "c.jsonl", '[1, 2, 3]\n{"body": 5}\n'))), "c.jsonl:1")


# --- text in other encodings and shapes: read, with the right characters -------------------------


@pytest.mark.parametrize(("label", "data", "encoding"), [
    ("gb18030", PAGE.encode("gb18030"), "gb18030"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + PAGE.encode("utf-8"), "utf-8-sig"),
    ("utf-16 with BOM", codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"), "utf-16"),
    ("utf-16-le without BOM", PAGE.encode("utf-16-le"), "utf-16-le (no BOM)"),
    ("utf-16-be without BOM", PAGE.encode("utf-16-be"), "utf-16-be (no BOM)"),
])
def test_other_encodings_read_as_the_same_text(run, tmp_path, label, data, encoding):
    outcome = run(str(write(tmp_path, "page.txt", data)))
    assert outcome.doc["inputs"][0]["encoding"] == encoding
    texts = paragraph_texts(outcome, tmp_path)
    assert "新能源汽车产量达到1200万辆，同比增长30%。" in texts
    assert not texts[0].startswith("\ufeff")
    assert not outcome.checks_found() & {"ENC001", "ENC002", "ENC003"}


def test_big5_is_not_read_as_gbk_mojibake(run, tmp_path):
    outcome = run(str(write(tmp_path, "big5.txt", (ZH_TRADITIONAL * 3).encode("big5"))))
    assert outcome.doc["inputs"][0]["encoding"] == "big5"
    assert "新能源汽車產量達到1200萬輛。" in paragraph_texts(outcome, tmp_path)


def test_mixed_encodings_in_one_folder(run, tmp_path):
    write(tmp_path, "in/a.txt", PAGE)
    write(tmp_path, "in/b.txt", ("另一篇文章\n\n" + ZH).encode("gb18030"))
    outcome = run(str(tmp_path / "in"))
    assert sorted(i["encoding"] for i in outcome.doc["inputs"]) == ["gb18030", "utf-8"]


def test_truncated_utf8_reports_the_cut(run, tmp_path):
    data = (PAGE * 3).encode("utf-8") + "增长".encode("utf-8")[:-1]
    outcome = run(str(write(tmp_path, "cut.txt", data)))
    enc = [f for f in outcome.doc["findings"] if f["check"] == "ENC001"]
    assert len(enc) == 1 and enc[0]["evidence"]["bytes"] == "e995"
    assert enc[0]["locations"][0]["line_start"] == outcome.doc["inputs"][0]["lines"]


def test_a_few_bad_bytes_each_reported(run, tmp_path):
    lines = [f"第{i}段：规模以上工业增加值同比增长{i}%。" for i in range(40)]
    lines[7] += "\xff"
    data = "\n\n".join(lines).encode("utf-8").replace("\xff".encode("utf-8"), b"\xff")
    data = data.replace("第21段".encode("utf-8"), b"\xfe\xfe")
    outcome = run(str(write(tmp_path, "bad.txt", data)))
    spots = sorted(f["locations"][0]["line_start"] for f in outcome.doc["findings"] if f["check"] == "ENC001")
    assert spots == [15, 43]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_keep_line_numbers(run, tmp_path, newline):
    lf = run(str(write(tmp_path, "lf/page.txt", PAGE + PAGE)), report_dir=tmp_path / "r1")
    other = run(str(write(tmp_path, "other/page.txt", (PAGE + PAGE).replace("\n", newline))), report_dir=tmp_path / "r2")
    assert lf.doc["inputs"][0]["lines"] == other.doc["inputs"][0]["lines"]
    spans = lambda o: sorted((f["check"], [(l["line_start"], l["line_end"]) for l in f["locations"]]) for f in o.doc["findings"])
    assert spans(lf) == spans(other)
    assert "DUP001" in lf.checks_found()


def test_nul_and_terminal_controls_are_findings(run, tmp_path):
    page = "控制字符\n\n规模\x00达到1.2万亿元。\n\n\x1b[31m红色文字\x1b[0m出现在正文中。\n"
    outcome = run(str(write(tmp_path, "ctl.txt", page)))
    hits = [f for f in outcome.doc["findings"] if f["check"] == "ENC002"]
    assert sorted(f["locations"][0]["line_start"] for f in hits) == [3, 5]


def test_bidi_controls_emoji_and_combining_marks(run, tmp_path):
    page = ("表情与组合字符\n\n游客说😀很开心，café 与 cafe\u0301 都出现了。\n\n"
            "账户余额为\u202e0001\u202c元，显示顺序被反转。\n")
    outcome = run(str(write(tmp_path, "uni.txt", page)))
    hits = [f for f in outcome.doc["findings"] if f["check"] == "ENC002"]
    assert [f["locations"][0]["line_start"] for f in hits] == [5]
    assert any("😀" in t and "cafe\u0301" in t for t in paragraph_texts(outcome, tmp_path))


def test_mojibake_is_a_finding(run, tmp_path):
    page = "乱码\n\nThe firmâ€™s revenue rose 4% to $11.1bn, the company said.\n"
    assert "ENC003" in run(str(write(tmp_path, "moji.txt", page))).checks_found()


def test_html_page_saved_as_txt_is_read_whole(run, tmp_path):
    html = ("<!DOCTYPE html>\n<html><head><title>新闻</title>\n<script>var x = 1 < 2;</script></head>\n<body>\n"
            + "".join(f"<p>{line}</p>\n" for line in ZH.splitlines() if line) + "</body></html>\n")
    outcome = run(str(write(tmp_path, "page.txt", html)))
    texts = "\n".join(paragraph_texts(outcome, tmp_path))
    assert "<p>新能源汽车产量达到1200万辆，同比增长30%。</p>" in texts and "<script>" in texts


def test_jsonl_lone_surrogate_is_reported_not_a_crash(run, tmp_path):
    line = '{"title": "标题", "body": "增长5%\\ud800之后的文字。"}\n'
    outcome = run(str(write(tmp_path, "s.jsonl", line)))
    assert "ENC001" in outcome.checks_found()


# --- size and repetition: bounded time, nothing dropped -------------------------------------------


def test_fifty_megabyte_paragraph(run, tmp_path):
    sentence = "规模以上工业增加值同比增长5.2%，"
    body = sentence * (50 * 1024 * 1024 // len(sentence.encode("utf-8")))
    outcome = run(str(write(tmp_path, "huge.txt", "标题\n\n" + body + "。\n")), "--select", "ENC,ACC")
    assert outcome.doc["accounting"][0]["lines"] == 3 and outcome.doc["accounting"][0]["in_paragraphs"] == 2


def test_twenty_thousand_tiny_files(run, tmp_path):
    folder = tmp_path / "many"
    for i in range(20_000):
        write(folder, f"{i // 1000:02d}/{i:05d}.txt", f"第{i}号快讯：今日成交{i}笔。\n")
    outcome = run(str(folder), "--select", "ACC")
    assert len(outcome.doc["inputs"]) == 20_000
    assert sum(a["paragraphs"] for a in outcome.doc["accounting"]) == 20_000


def test_one_word_repeated_twenty_thousand_times(run, tmp_path):
    outcome = run(str(write(tmp_path, "rep.txt", "重复\n\n" + "反诈" * 20_000 + "。\n")))
    assert "REP001" in outcome.checks_found() or "REP002" in outcome.checks_found()


def test_long_runs_that_tempt_backtracking(run, tmp_path):
    page = ("（" * 5000 + "\n\n" + "新华社" * 3000 + "1月28日电\n\n" + "1" * 20_000 + "万亿\n\n"
            + "记者 " * 5000 + "摄\n\n" + "a " * 20_000 + "\n")
    run(str(write(tmp_path, "tempt.txt", page)))


def test_symbolic_link_loop(run, tmp_path):
    write(tmp_path, "in/sub/page.txt", PAGE)
    os.symlink(tmp_path / "in", tmp_path / "in" / "sub" / "loop")
    os.symlink(tmp_path / "in" / "sub" / "page.txt", tmp_path / "in" / "alias.txt")
    outcome = run(str(tmp_path / "in"))
    assert len(outcome.doc["inputs"]) == 1


def test_dangling_symbolic_link(run, tmp_path):
    write(tmp_path, "in/page.txt", PAGE)
    os.symlink(tmp_path / "gone.txt", tmp_path / "in" / "dead.txt")
    refused(run(str(tmp_path / "in")), "dead.txt")


# --- numbers that are not quite numbers -------------------------------------------------------------


def test_full_width_digits_are_read_as_numbers(run, tmp_path):
    page = "全角数字\n\n营收１２３４．５亿元，同比增长３０％。\n"
    run(str(write(tmp_path, "fw.txt", page)))
    from checks.extract.numbers import find_mentions

    values = {(m.value, m.unit) for m in find_mentions("营收１２３４．５亿元，同比增长３０％。")}
    assert (1234.5e8, "元") in values and (30.0, "%") in values


MALFORMED = ["1.2.3万", "--5%", "10^30倍", "增长1e308亿倍", "99999999999999999999999999999999万亿元",
             "增长" + "9" * 400 + "%", "0.000000000000000000001%", "-0%", "１．２．３万", "5%%%", "...5", "1,2,3,,4万"]


@pytest.mark.parametrize("phrase", MALFORMED)
def test_malformed_numbers_parse_to_finite_spans(phrase):
    from checks.extract.numbers import find_mentions

    text = f"数据显示{phrase}，其他。"
    for m in find_mentions(text):
        assert text[m.start:m.end] == m.surface
        assert m.low <= m.value <= m.high or m.value != m.value  # NaN only for days without a year


def test_malformed_numbers_in_a_run(run, tmp_path):
    page = "异常数字\n\n" + "\n\n".join(f"数据显示{p}，较上年{p}。" for p in MALFORMED) + "\n"
    run(str(write(tmp_path, "nums.txt", page)))


# --- curated tables, configuration and report folder ------------------------------------------------


HEADER = "metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote"


def _table_run(run, tmp_path, csv_text: str) -> Outcome:
    page = write(tmp_path, "raw/page.txt", PAGE)
    write(tmp_path, "cur/t.csv", csv_text)
    config = tmp_path / "tables.toml"
    config.write_text('[tool.checks]\ndata-docs = false\n[[tool.checks.tables]]\nname = "t"\npath = "cur/t.csv"\n',
                      encoding="utf-8")
    return run(str(page), config=config)


def _schema_rows(outcome: Outcome) -> list[int]:
    return sorted(loc["line_start"] for f in outcome.doc["findings"] if f["check"] == "SCH001"
                  for loc in f["locations"] if loc["file"] == "cur/t.csv")


def test_curated_table_missing_columns(run, tmp_path):
    outcome = _table_run(run, tmp_path, "metric,scope,period,value\n产量,中国,2025,5\n")
    assert any(f["check"] == "SCH001" for f in outcome.doc["findings"])


def test_curated_table_wrong_types_nan_and_inf(run, tmp_path):
    rows = [
        "产量,中国,2025,很多,万辆,,page.txt,p-000000000000,3,新能源汽车产量达到1200万辆",
        "销量,中国,2025,nan,万辆,,page.txt,p-000000000000,3,新能源汽车产量达到1200万辆",
        "出口,中国,2025,inf,万辆,,page.txt,p-000000000000,第三行,新能源汽车产量达到1200万辆",
    ]
    outcome = _table_run(run, tmp_path, HEADER + "\n" + "\n".join(rows) + "\n")
    assert {2, 3, 4} <= set(_schema_rows(outcome))


def test_curated_table_duplicate_ids(run, tmp_path):
    row = "产量,中国,2025,1200,万辆,,page.txt,p-000000000000,3,新能源汽车产量达到1200万辆"
    outcome = _table_run(run, tmp_path, HEADER + "\n" + row + "\n" + row + "\n")
    assert {2, 3} <= set(_schema_rows(outcome))


def test_curated_table_ragged_row(run, tmp_path):
    refused(_table_run(run, tmp_path, HEADER + "\n产量,中国\n"), "t.csv:2")


@pytest.mark.parametrize(("toml", "words"), [
    ('fail-on = "sometimes"', ["fail-on", "sometimes"]),
    ("data-docs = 3", ["data-docs"]),
    ('colour = "blue"', ["colour", "unknown key"]),
    ("[tool.checks.rules.DUP002]\nthreshold_of_doom = 1", ["DUP002"]),
    ('severity = {NOPE001 = "error"}', ["NOPE001"]),
    ("this is = not toml [", ["not valid TOML"]),
])
def test_bad_configuration_values(run, tmp_path, toml, words):
    config = tmp_path / "bad.toml"
    config.write_text(("" if toml.startswith("this") else "[tool.checks]\n") + toml + "\n", encoding="utf-8")
    refused(run(str(write(tmp_path, "page.txt", PAGE)), config=config), *words)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root may write anywhere")
def test_unwritable_report_folder(run, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    refused(run(str(write(tmp_path, "page.txt", PAGE)), report_dir=locked / "reports"), "cannot write reports")


def test_report_folder_is_a_file(run, tmp_path):
    blocker = write(tmp_path, "reports-file", "x")
    refused(run(str(write(tmp_path, "page.txt", PAGE)), report_dir=blocker / "reports"), "cannot write reports")


def test_report_folder_on_a_read_only_file_system(run, tmp_path):
    if not Path("/proc/self").exists():
        pytest.skip("needs /proc")
    refused(run(str(write(tmp_path, "page.txt", PAGE)), report_dir=Path("/proc/self/reports")), "cannot write reports")


def test_every_failure_path_of_the_real_command_has_no_traceback(tmp_path):
    """The installed entry point, in a child process: the same one line a CI log shows."""
    import subprocess

    empty = write(tmp_path, "empty.txt", b"")
    proc = subprocess.run([sys.executable, "-m", "checks", "run", str(empty), "--report-dir", str(tmp_path / "r")],
                          capture_output=True, text=True, timeout=LIMIT_SECONDS)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [f"checks: error: {empty}: file is empty; remove it or pass other inputs"]
