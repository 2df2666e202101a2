"""Repetition rules on the bundled page and on synthetic Chinese and English text."""
from __future__ import annotations

import pandas as pd
import pytest

from checks.config import Config
from checks.engine import execute
from checks.rules.repetition import GOPHER, REP001, cjk_doublings, gopher_statistics, paragraph_doublings, word_doublings


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


def test_chinese_positive_and_negative():
    found = paragraph_doublings(_article("新一代大模型模型更清晰了。", "大模型正在落地。"), REP001)
    assert [item["doubled"] for item in found] == ["模型模型"]
    for legit in ("我们去看看常常来的地方。", "一个一个地检查。", "哈哈哈哈，他笑了。", "技术上上冲，应用向下扎根。"):
        assert cjk_doublings(legit, REP001) == []


def test_chinese_unit_must_stand_alone_elsewhere():
    """退税缓税缓费 is 缓税 + 缓费: 税缓 never stands alone, so it is no doubled word."""
    assert cjk_doublings("新增减税降费及退税缓税缓费", REP001)
    assert paragraph_doublings(_article("新增减税降费及退税缓税缓费政策。"), REP001) == []


def test_english_positive_and_negative():
    assert [u for _, u in word_doublings("Earnings fell after the the company said so.", REP001)] == ["the"]
    assert [u for _, u in word_doublings("He said it in the end in the end.", REP001)] == ["in the end"]
    for legit in ("He said that that was wrong.", "She had had enough.", "More and more people came.",
                  "It measured 8x10in in size.", "Bye bye, he said.", "The vote was 5 5."):
        assert word_doublings(legit, REP001) == [], legit
    assert word_doublings("the. The start", REP001) == []


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


def _doublings_by_scanning(text: str, low: int = 2, high: int = 8) -> list[tuple[int, str]]:
    """cjk_doublings without its regex pre-filter: every position, every unit length."""
    import re

    found = []
    for run in re.finditer(r"[\u3400-\u4dbf\u4e00-\u9fff]{4,}", text):
        s, base, i = run.group(0), run.start(), 0
        while i < len(s):
            for n in range(low, min(high, (len(s) - i) // 2) + 1):
                unit = s[i:i + n]
                if s[i + n:i + 2 * n] == unit and not (len(set(unit)) == 1 or unit[0] == "一"):
                    found.append((base + i, unit))
                    i += 2 * n - 1
                    break
            i += 1
    return found


def test_prefilter_never_hides_a_doubling():
    """Texts from a small alphabet double units often; the pre-filtered scan finds exactly what a full scan finds."""
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet="模型大反诈一个，a ", max_size=60), st.integers(2, 4), st.integers(4, 9))
    def check(text, low, high):
        options = {"min_cjk": low, "max_cjk": high}
        assert cjk_doublings(text, options) == _doublings_by_scanning(text, low, high)

    check()
