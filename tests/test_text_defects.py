"""The defect generator of `checks bench text-defects`, and the rules on what it writes into real articles."""
from __future__ import annotations

import json
import random

import pytest
from rapidfuzz.distance import Levenshtein

from checks.bench import text_defects as td

SOURCE = "国家统计局今天发布数据显示，前三季度全国规模以上工业增加值同比增长百分之五点二，比上半年加快零点一个百分点。"


@pytest.mark.parametrize("mode", td.MODES)
@pytest.mark.parametrize("operation", td.OPERATIONS)
@pytest.mark.parametrize("rate", td.RATES)
def test_an_edited_copy_changes_the_characters_its_rate_asks_for(mode, operation, rate):
    rng = random.Random(3)
    copy = td.edited_copy(rng, SOURCE, rate, mode, operation, list("某甲乙丙"))
    changed = max(1, round(rate * len(SOURCE)))
    assert 0 < Levenshtein.distance(SOURCE, copy) <= changed
    if operation == "insert":
        assert len(copy) == len(SOURCE) + changed
    if operation == "delete":
        assert len(copy) == len(SOURCE) - changed


def test_doubled_units_are_whole_words():
    rng = random.Random(5)
    for words in (1, 2, 3, 4):
        written, (start, end), unit = td.doubled(rng, SOURCE, "zh", words)
        assert written[start:end] == unit + unit and written.replace(unit + unit, unit, 1) == SOURCE
    text = "Shares of U.S. firms rose 3.5bn on the news, the best-selling firm said."
    for _ in range(20):
        written, (start, end), unit = td.doubled(rng, text, "en", 2)
        assert written[start:end] == f"{unit} {unit}" and "." not in unit and "-" not in unit


@pytest.fixture(scope="module")
def planted(news_records, tmp_path_factory):
    """A fifth of the shared corpus, with defects written in, and the rules' findings before and after."""
    folder = tmp_path_factory.mktemp("defects")
    clean = folder / "clean.jsonl"
    clean.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in news_records[::5]), encoding="utf-8")
    records, plants = td.plant(td.read_records(clean), per_cell=6, seed=11)
    changed = folder / "changed.jsonl"
    changed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    before_findings, before_where = td.run_rules(clean)
    findings, where = td.run_rules(changed)
    before = {(f.check, td._members(f, before_where)) for f in before_findings}
    counts, false = td.score(findings, where, plants, before)
    return plants, counts, false


@pytest.mark.corpus
def test_near_copies_up_to_a_tenth_changed_are_found(planted):
    plants, _, _ = planted
    near = [p for p in plants if p.kind == "near" and p.cell != "15%"]
    assert len(near) == 2 * 4 * 6
    assert [p.detail for p in near if not p.found] == []


@pytest.mark.corpus
def test_doubled_words_are_found_in_both_languages(planted):
    plants, _, _ = planted
    for lang in ("zh", "en"):
        chosen = [p for p in plants if p.kind == "doubled" and p.lang == lang]
        assert len(chosen) == 4 * 6
        assert sum(p.found for p in chosen) >= 0.9 * len(chosen), [p.detail for p in chosen if not p.found]


@pytest.mark.corpus
def test_new_findings_are_the_planted_defects(planted):
    _, counts, false = planted
    assert counts["DUP002"][0] > 0 and counts["REP001"][0] > 0
    assert [f.message for f in false] == []
