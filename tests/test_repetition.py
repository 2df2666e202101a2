"""Repetition rules on the bundled page and on synthetic Chinese and English text."""
from __future__ import annotations

import pandas as pd
import pytest

from checks.config import Config
from checks.engine import execute
from checks.rules.repetition import (GOPHER, REP001, cjk_doublings, doubling_verdict, gopher_statistics, han_doublings,
                                     han_slips, paragraph_doublings, word_doublings)


def _line_of(lines: list[str], needle: str) -> int:
    for i, line in enumerate(lines):
        if needle in line:
            return i + 1
    raise AssertionError(f"{needle!r} not on the page")


@pytest.fixture(scope="module")
def seed_rep(seed_page):
    return execute([str(seed_page)], Config(select=["REP001"])).findings


def test_seed_doubled_words(seed_rep, seed_lines):
    found = sorted((f.locations[0].line_start, f.evidence["doubled"]) for f in seed_rep)
    assert found == [(_line_of(seed_lines, "大模型模型"), "模型模型"), (_line_of(seed_lines, "反诈反诈"), "反诈反诈")]


def test_seed_legitimate_doubles_are_not_flagged(seed_rep, seed_lines):
    flagged = {f.locations[0].line_start for f in seed_rep}
    for legit in ("技术上上冲", "一道道", "一个个", "可知可感"):
        assert _line_of(seed_lines, legit) not in flagged


def _article(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({"paragraph_id": [f"p{i}" for i in range(len(texts))], "position": range(len(texts)),
                         "norm": list(texts)})


def _slips(text: str) -> list[str]:
    return [unit + unit for _, unit, _ in han_slips(text, REP001)]


@pytest.mark.parametrize("text, doubled", [
    ("新一代大模型模型更清晰了。", "模型模型"),  # the tail of a word (大模型) written again
    ("营业收入增长增长了20%。", "增长增长"),
    ("要保持稳定保持稳定，防止大起大落。", "保持稳定保持稳定"),
    ("成立了有限公有限公司。", "有限公有限公"),  # a piece cut mid-word, then the whole word
    ("全市开展反诈反诈宣传活动三百余场。", "反诈反诈"),  # a word jieba's dictionary lacks
    ("本周医药生物医药生物板块领涨。", "医药生物医药生物"),  # 生物医药 across the middle
    ("这是我们公司的的产品。", "的的"),  # a particle, never reduplicated
    ("新政策对对企业有利。", "对对"),
    ("他在在北京工作。", "在在"),
    ("这项乡村道路硬化改造工程乡村道路硬化改造工程已经完工。", "乡村道路硬化改造工程" * 2),
])
def test_chinese_slips_are_found(text, doubled):
    assert _slips(text) == [doubled]


@pytest.mark.parametrize("text", [
    "我们去看看常常来的地方。", "一个一个地检查。", "把任务一项一项完成。", "高高兴兴地回家，确确实实。",
    "哈哈哈哈，他笑了。", "技术上上冲，应用向下扎根。", "他说的的确是真的。", "绿油油的麦田。",
    "我们要研究研究这个问题。", "这件事大家商量商量吧。",  # a verb said twice for a brief try
    "政策对对外贸易有利。",  # 对 + 对外贸易
    "新增减税降费及退税缓税缓费政策。", "韩国中国中心联合发布报告。", "实行点对点对接服务。",
    "鼓励企业创业创新。",  # two words meeting
    "力拓和必和必拓两大矿业巨头。", "大熊猫晓晓和蕾蕾出生。",  # names
    "详见《向前向前再向前》一文。", "乐队“杜兰杜兰”来华演出。",  # titles and names in quotes
    "公司2023年年会在京举行。", "2024年年中发布新规。", "这样的会年年都开。",
])
def test_chinese_reduplication_names_and_words_meeting_are_not_slips(text):
    assert _slips(text) == []


def test_speech_in_quotes_is_read_as_text():
    assert _slips("他说：“我们要保持稳定保持稳定，不能松懈。”") == ["保持稳定保持稳定"]


def test_the_verdict_shows_the_words_it_read():
    text = "新一代大模型模型更清晰了。"
    assert doubling_verdict(text, 4, "模型") == "新一代/大/模型/模型/更/清晰/了"
    found = paragraph_doublings(_article(text, "大模型正在落地。"), REP001)
    assert [(item["doubled"], item["words"]) for item in found] == [("模型模型", "新一代/大/模型/模型/更/清晰/了")]


def test_english_positive_and_negative():
    def units(text):
        return [u for _, u, _ in word_doublings(text, REP001)]

    assert units("Earnings fell after the the company said so.") == ["the"]
    assert units("He said it in the end in the end.") == ["in the end"]
    assert units("It came at a a cost of $5 mln.") == ["a"]
    assert units("The The company said.") == ["The"]
    assert units("Norway's Norway's peace envoy arrived.") == ["Norway's"]
    assert units("Shares rose, and could and could rise again.") == ["and could"]
    for legit in ("He said that that was wrong.", "She had had enough.", "More and more people came.",
                  "Prices drop, and more and more people buy.", "It measured 8x10in in size.", "Bye bye, he said.",
                  "The vote was 5 5.", "Duran Duran played at Wembley.", "They flew to Bora Bora."):
        assert word_doublings(legit, REP001) == [], legit
    assert word_doublings("the. The start", REP001) == []


def _in_fresh_interpreter(code: str) -> None:
    """Run code in a new Python process (nothing loaded yet) and fail with its error output."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_lexicon_is_loaded_only_when_a_candidate_needs_it():
    """English text, and Chinese text without a doubling, never load jieba's dictionary."""
    code = ("from checks.rules.repetition import paragraph_doublings, REP001\n"
            "import pandas as pd\nfrom checks.vocab import lexicon\n"
            "rows = pd.DataFrame({'paragraph_id': ['a', 'b'], 'position': [0, 1],\n"
            "                     'norm': ['The the company said.', '国家统计局发布数据。']})\n"
            "assert [i['doubled'] for i in paragraph_doublings(rows, REP001)] == ['The the']\n"
            "assert lexicon._TABLE is None\n"
            "paragraph_doublings(rows.assign(norm=['增长增长了。', '']), REP001)\n"
            "assert lexicon._TABLE is not None\n")
    _in_fresh_interpreter(code)


def test_jieba_dictionary_is_read_once_by_the_lexicon():
    """jieba's segmenters work over the lexicon's table: jieba never builds its own from the file."""
    code = ("from checks.vocab import lexicon\n"
            "assert [w for w, _, _ in lexicon.tokens('增长增长了')] == ['增长', '增长', '了']\n"
            "assert dict(lexicon.tagged_words('王建华出生于北京'))['北京'] == 'ns'\n"
            "import jieba, jieba.posseg\n"
            "assert not jieba.dt.initialized and not jieba.posseg.dt.word_tag_tab\n")
    _in_fresh_interpreter(code)


def test_gopher_statistics_flag_a_repeating_article():
    sentence = "The committee met again on Monday to discuss the same proposal about the new bridge."
    repeated = _article(*([sentence] * 8 + ["A different closing paragraph ends the story here today."]))
    stats = gopher_statistics(repeated, GOPHER)
    assert stats["dup_paragraph_fraction"] > GOPHER["dup_paragraph_fraction"]
    assert stats["dup_10gram"] > GOPHER["dup_10gram"]


def test_gopher_statistics_pass_ordinary_text(seed_result):
    paragraphs = seed_result.context.dataset("paragraphs")
    first = paragraphs[paragraphs["article_id"] == paragraphs["article_id"].iloc[0]]
    stats = gopher_statistics(first, GOPHER)
    assert stats and all(value <= GOPHER[name] for name, value in stats.items())
    assert gopher_statistics(_article("太短。"), GOPHER) == {}


def test_rep002_is_info(tmp_path):
    sentence = "委员会周一再次开会讨论关于新桥建设的同一项提案，会议没有形成结论。"
    path = tmp_path / "p.txt"
    path.write_text("测试标题\n\n" + "\n\n".join([sentence] * 5) + "\n", encoding="utf-8")
    found = execute([str(path)], Config(select=["REP002"])).findings
    assert [f.severity for f in found] == ["info"]
    assert "dup_paragraph_fraction" in found[0].evidence["past"]


def _doublings_by_scanning(text: str, low: int = 1, high: int = 16) -> list[tuple[int, str]]:
    """cjk_doublings without its array work: every position, every unit length, by brute force."""
    from checks.vocab.scripts import is_han

    found = []
    for i in range(len(text)):
        for n in range(low, high + 1):
            unit = text[i:i + n]
            if len(unit) == n and all(is_han(c) for c in unit) and text[i + n:i + 2 * n] == unit:
                found.append((i, unit))
    return found


def test_candidate_scan_misses_no_doubling():
    """Texts from a small alphabet double units often; the array scan finds exactly what brute force finds."""
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet="模型大反诈一个，a ", max_size=60), st.integers(1, 4), st.integers(4, 9))
    def check(text, low, high):
        options = {"min_cjk": low, "max_cjk": high}
        assert cjk_doublings(text, options) == _doublings_by_scanning(text, low, high)

    check()


def test_candidates_of_many_texts_stay_inside_each_text():
    """Found for many texts at once (one array of all their characters), a doubling never spans two texts."""
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=100, deadline=None)
    @given(st.lists(st.text(alphabet="模型大反诈，𠀀a", max_size=30), max_size=8))
    def check(texts):
        assert han_doublings(texts, REP001) == [_doublings_by_scanning(text) for text in texts]

    check()
