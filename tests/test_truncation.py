"""Truncation rules on the bundled page and on synthetic Chinese and English pages."""
from __future__ import annotations

import pytest

from checks.config import Config
from checks.engine import execute
from checks.rules.truncation import continues, ends_complete


def _line_of(lines: list[str], needle: str, start: int = 0) -> int:
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i + 1
    raise AssertionError(f"{needle!r} not on the page")


def _lines(finding) -> list[int]:
    return [loc.line_start for loc in finding.locations]


@pytest.fixture(scope="module")
def seed_trn(seed_page):
    return execute([str(seed_page)], Config(select=["TRN"])).findings


def test_seed_splits_name_both_pieces(seed_trn, seed_lines):
    splits = sorted(_lines(f) for f in seed_trn if f.check == "TRN002")
    expected = []
    for needle in ("国务院《关于深入实施", "医疗健康、教育教", "中央企业聚焦能源、制造、通信", "持续加大算力资源投入力度"):
        line = _line_of(seed_lines, needle)
        expected.append([line, line + 2])
    second_copy = _line_of(seed_lines, "汇聚超过", _line_of(seed_lines, "汇聚超过"))
    expected.append([second_copy, second_copy + 2])
    assert splits == sorted(expected)


def test_seed_dead_stop_is_cut_off(seed_trn, seed_lines):
    first_copy = _line_of(seed_lines, "汇聚超过")
    assert [_lines(f) for f in seed_trn if f.check == "TRN001"] == [[first_copy]]


def test_seed_headings_titles_and_datelines_are_not_truncated(seed_trn, seed_lines):
    flagged = {line for f in seed_trn for line in _lines(f)}
    labels = [i + 1 for i, line in enumerate(seed_lines)
              if line.strip() in ("新华深读", "新华视点", "(新华社北京1月28日电)", "技术范式:", "系统升级加速协同")]
    assert len(labels) >= 5 and not flagged & set(labels)


def _page(tmp_path, paragraphs: list[str]) -> str:
    path = tmp_path / "p.txt"
    path.write_text("测试标题\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return str(path)


def _codes(tmp_path, paragraphs):
    found = execute([_page(tmp_path, paragraphs)], Config(select=["TRN"])).findings
    return sorted((f.check, tuple(_lines(f))) for f in found)


def test_chinese_split_and_cut(tmp_path):
    codes = _codes(tmp_path, [
        "新华社北京1月5日电 今年粮食生产形势总体良好。",
        "记者从有关部门获悉，今年全国粮食总产量再创新高，其中秋粮产量增长较多，",
        "为全年经济稳定运行打下了基础。",
        "专家表示，下一步要继续加强农田水利建设，提高",
        "“我们对明年的形势有信心。”一位农业专家说。",
    ])
    assert codes == [("TRN001", (9,)), ("TRN002", (5, 7))]


def test_english_split_and_cut(tmp_path):
    codes = _codes(tmp_path, [
        "LONDON (Reuters) - Britain's trade figures were published on Tuesday.",
        "The ministry said on Tuesday that exports rose for a third month and",
        "imports fell, narrowing the trade gap.",
        "Analysts had expected the figures to show that",
        "Separately, the central bank left its rate unchanged.",
    ])
    assert codes == [("TRN001", (9,)), ("TRN002", (5, 7))]


def test_complete_paragraphs_are_not_flagged(tmp_path):
    assert _codes(tmp_path, [
        "“规模定律并未失效。”他说。",
        "专家认为，应当注意以下几点：",
        "He said: \"We will not stop.\"",
        "Profits rose 4% (before tax).",
        "Net profit was 4.2 mln dlrs versus 3.1 mln in 1986. REUTER",
        "我国走出一条特色治理之路——",
    ]) == []


def test_labels_and_list_items_are_not_cut_off(tmp_path):
    assert _codes(tmp_path, [
        "一周市场回顾：市场缺乏持续热点，交投仍然清淡",
        "市场展望",
        "今年以来，市场整体运行平稳。",
        "分析人士认为，主要理由如下：",
        "(1)以封测环节切入半导体产业",
        "(2)国内需求保持较快增长",
    ]) == []


def test_helpers():
    assert ends_complete("他说。”") and ends_complete("Done!") and not ends_complete("汇聚超过")
    assert continues("国务院《关于深入实施", "“人工智能+”行动的意见》强调")
    assert continues("重点是教育教", "学、工业制造。")
    assert continues("the company said revenue", "rose by 4%.")
    assert not continues("the company said revenue", "Analysts expect more.")
    assert not continues("汇聚超过", "“平台和产品变得更懂消费者。”")
