"""The mention parser against a labelled table, and the forms the issue lists, one by one."""
from __future__ import annotations

import csv
import json
import math
from collections import defaultdict
from pathlib import Path

import pytest

from checks.extract.numbers import Mention, chinese_to_number, find_mentions

LABELS = Path(__file__).parent / "data" / "mentions_labelled.csv"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "news.jsonl"
SEED = Path(__file__).resolve().parent.parent / "datasets" / "raw" / "000_1989159548c930ee.txt"
# Measured on the full table (206 labels, shared corpus present): precision 0.980, recall 0.966;
# on the 103 rows that hold their own text (no shared corpus) recall is 0.961.
MIN_PRECISION, MIN_RECALL = 0.95, 0.94


def _num(text: str) -> float:
    return math.nan if text == "" else float(text)


def _same(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _passages() -> dict[tuple, tuple[str, list[dict]]]:
    """Labelled passages (text, labels); corpus passages only when the shared corpus is present."""
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8")))
    corpus = {}
    if SHARED.is_file():
        corpus = {r["id"]: r["body"] for r in map(json.loads, SHARED.read_text(encoding="utf-8").splitlines())}
    seed = SEED.read_text(encoding="utf-8").split("\n")
    out: dict[tuple, tuple[str, list[dict]]] = defaultdict(lambda: ("", []))
    for row in rows:
        if row["source"] == "text":
            key, text = ("text", row["text"]), row["text"]
        elif row["source"] == "seed":
            key, text = ("seed", row["ref"]), seed[int(row["ref"]) - 1]
        else:
            if row["ref"] not in corpus:
                continue
            key = ("corpus", row["ref"], row["pstart"])
            text = corpus[row["ref"]][int(row["pstart"]):int(row["pend"])]
        out[key] = (text, out[key][1] + [row])
    return dict(out)


def _matches(m: Mention, row: dict) -> bool:
    return (m.start, m.end) == (int(row["start"]), int(row["end"])) and m.unit == row["unit"] \
        and m.kind == row["kind"] and m.qualifier == row["qualifier"] \
        and all(_same(getattr(m, f), _num(row[f])) for f in ("value", "low", "high"))


def score() -> tuple[float, float, int, list[str]]:
    found_total = labelled = matched = 0
    misses = []
    for text, rows in _passages().values():
        found = find_mentions(text)
        found_total += len(found)
        labelled += len(rows)
        for row in rows:
            assert text[int(row["start"]):int(row["end"])] == row["surface"], row
            if any(_matches(m, row) for m in found):
                matched += 1
            else:
                misses.append(row["surface"])
    return matched / found_total, matched / labelled, labelled, misses


def test_labelled_table_precision_and_recall():
    precision, recall, labelled, misses = score()
    print(f"\nmentions: {labelled} labelled, precision {precision:.3f}, recall {recall:.3f}; missed {misses}")
    assert labelled >= 100  # the rows that hold their own text, even without the shared corpus
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL


def test_the_table_has_200_varied_rows():
    rows = list(csv.DictReader(LABELS.open(encoding="utf-8")))
    assert len(rows) >= 200
    kinds = {r["kind"] for r in rows}
    assert kinds >= {"count", "amount", "percent", "percentage_points", "multiple", "year", "date", "duration",
                     "ordinal"}
    assert {r["source"] for r in rows} == {"text", "seed", "corpus"}


def one(text: str) -> Mention:
    found = find_mentions(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,surface,value,unit,kind,qualifier,low,high", [
    ("规模突破1.2万亿元", "突破1.2万亿元", 1.2e12, "元", "amount", "over", 1.2e12, math.inf),
    ("约三十万人", "约三十万人", 3e5, "人", "count", "approx", 2.7e5, 3.3e5),
    ("两只大熊猫", "两只", 2, "只", "count", "", 2, 2),
    ("一年半时间", "一年半", 1.5, "year", "duration", "", 1.25, 1.75),
    ("增长３０％", "３０％", 30, "%", "percent", "", 29.5, 30.5),
    ("30%至40%应用于研发", "30%至40%", 30, "%", "percent", "", 29.5, 40.5),
    ("扩大3到5倍", "3到5倍", 3, "x", "multiple", "", 2.5, 5.5),
    ("近30%", "近30%", 30, "%", "percent", "under", 24, 30),
    ("3%左右", "3%左右", 3, "%", "percent", "approx", 2.25, 3.85),
    ("超过40%", "超过40%", 40, "%", "percent", "over", 40, math.inf),
    ("300多倍", "300多倍", 300, "x", "multiple", "over", 300, 400),
    ("10余万人", "10余万人", 1e5, "人", "count", "over", 1e5, 2e5),
    ("5万人以上", "5万人以上", 5e4, "人", "count", "over", 5e4, math.inf),
    ("不到10%", "不到10%", 10, "%", "percent", "under", 8, 10),
    ("翻了一番", "一番", 1, "番", "multiple", "", 1, 1),
    ("提高2.5个百分点", "2.5个百分点", 2.5, "pp", "percentage_points", "", 2.45, 2.55),
    ("2025年6月底", "2025年6月底", 2025 + (17 / 36 + 0.5) / 2, "month", "date", "", 2025 + 17 / 36, 2025.5),
    ("自1956年以来", "1956年", 1956, "year", "year", "", 1956, 1957),
    ("已走过70年", "70年", 70, "year", "duration", "", 69.5, 70.5),
    ("第5名", "第5名", 5, "名", "ordinal", "", 5, 5),
    ("$11.1bn", "$11.1bn", 1.11e10, "美元", "amount", "", 1.105e10, 1.115e10),
    ("nearly 40 percent", "nearly 40 percent", 40, "%", "percent", "under", 32, 40),
    ("more than 3 million", "more than 3 million", 3e6, "", "count", "over", 3e6, math.inf),
    ("about 5,000 people", "about 5,000", 5000, "", "count", "approx", 4499.55, 5500.55),
    ("up to 20%", "up to 20%", 20, "%", "percent", "at_most", 0, 20.5),
    ("a 4-fold rise", "4-fold", 4, "x", "multiple", "", 3.5, 4.5),
    ("sales doubled", "doubled", 2, "x", "multiple", "", 2, 2),
    ("rose 1.5 percentage points", "1.5 percentage points", 1.5, "pp", "percentage_points", "", 1.45, 1.55),
    ("in 2004", "2004", 2004, "year", "year", "", 2004, 2005),
    ("rose six pct", "six pct", 6, "%", "percent", "", 5.5, 6.5),
    ("nearly fivefold", "nearly fivefold", 5, "x", "multiple", "under", 4, 5),
    ("two in five of the reports", "two in five", 40, "%", "percent", "", 37.5, 42.5),
    ("a third of US giant", "a third", 100 / 3, "%", "percent", "", 100 / 3 - 2.5, 100 / 3 + 2.5),
    ("三成由大户收割", "三成", 30, "%", "percent", "", 25, 35),
    ("增加了近四成", "近四成", 40, "%", "percent", "under", 32, 45),
    ("一半以上的麦田", "一半以上", 50, "%", "percent", "over", 50, math.inf),
    ("占市场三成半的份额", "三成半", 35, "%", "percent", "", 32.5, 37.5),
    ("近半公司预计增长", "近半", 50, "%", "percent", "under", 40, 52.5),
    ("占据了半壁江山。", "半壁江山", 50, "%", "percent", "approx", 0.9 * 47.5, 1.1 * 52.5),
    ("超过一半", "超过一半", 50, "%", "percent", "over", 50, math.inf),
    ("约四分之一位于欧洲", "约四分之一", 25, "%", "percent", "approx", 0.9 * 22.5, 1.1 * 27.5),
    ("降幅（-5.7%）", "-5.7%", -5.7, "%", "percent", "", -5.75, -5.65),
    ("1,310 stg a tonne", "1,310 stg", 1310, "英镑", "amount", "", 1309.5, 1310.5),
    ("76.6m euros", "76.6m euros", 76.6e6, "欧元", "amount", "", 76.55e6, 76.65e6),
    ("净利润为4.3亿元至4.5亿元", "4.3亿元至4.5亿元", 4.3e8, "元", "amount", "", 4.25e8, 4.55e8),
    ("marks its 31st anniversary", "31st", 31, "year", "duration", "", 30.5, 31.5),
    ("trading for 27 years", "27 years", 27, "year", "duration", "", 26.5, 27.5),
    ("较五一前下降93个基点", "93个基点", 0.93, "pp", "percentage_points", "", 0.925, 0.935),
    ("cut by 25 basis points", "25 basis points", 0.25, "pp", "percentage_points", "", 0.245, 0.255),
    ("lost 65 Canadian cents", "65 Canadian cents", 0.65, "Canadian dollars", "amount", "", 0.645, 0.655),
    ("Shr 45 cts", "45 cts", 0.45, "美元", "amount", "", 0.445, 0.455),
    ("5 Canadian dlrs", "5 Canadian dlrs", 5, "Canadian dollars", "amount", "", 4.5, 5.5),
    ("earned 1.25 dlrs a share", "1.25 dlrs", 1.25, "美元 a share", "amount", "", 1.245, 1.255),
    ("其中14.5%位于中国", "14.5%", 14.5, "%", "percent", "", 14.45, 14.55),
])
def test_forms(text, surface, value, unit, kind, qualifier, low, high):
    m = one(text)
    assert (m.surface, m.unit, m.kind, m.qualifier) == (surface, unit, kind, qualifier)
    assert text[m.start:m.end] == surface
    assert _same(m.value, value) and _same(m.low, low) and _same(m.high, high)


def test_a_rate_range_does_not_swallow_the_amount_after_it():
    assert [(m.surface, m.kind) for m in find_mentions("同比下降20%至80亿美元")] == [("20%", "percent"),
                                                                               ("80亿美元", "amount")]
    assert [m.surface for m in find_mentions("同比增长20%至30%")] == ["20%至30%"]  # a range of rates stays one


def test_a_day_without_a_year_has_no_value():
    m = one("新华社北京1月28日电")
    assert (m.surface, m.kind, m.unit) == ("1月28日", "date", "day") and math.isnan(m.value)


@pytest.mark.parametrize("text", ["一些企业", "十分重要", "统一部署", "5G网络", "GPT-4模型", "截至11:00", "万一出错",
                                  "一成不变", "in the second half of", "下半年", "half-year results", "比分为3:1",
                                  "rose 4% by 1200 GMT"[-8:]])
def test_words_and_names_are_not_numbers(text):
    assert find_mentions(text) == []


def test_chinese_numerals():
    assert chinese_to_number("三十万") == 300000
    assert chinese_to_number("一万两千五百") == 12500
    assert chinese_to_number("二〇二五") == 2025
    assert chinese_to_number("一亿五千万") == 150_000_000
    assert chinese_to_number("一一") is None


def test_offsets_survive_full_width_text():
    text = "销量达到１２３４５台，增长３．５％。"
    for m in find_mentions(text):
        assert text[m.start:m.end] == m.surface
    assert [m.value for m in find_mentions(text)] == [12345, 3.5]


def test_long_and_hostile_input_stays_fast():
    import time

    hostile = "1" * 5000 + "万亿" * 2000 + "，" + "约近超过" * 3000 + "%" + "一二三四五六七八九十" * 2000
    started = time.process_time()
    find_mentions(hostile)
    assert time.process_time() - started < 5


def test_mentions_dataset_on_the_bundled_page(seed_result):
    """The dataset passes its own schema on the page and carries the page's numbers with their lines."""
    from checks.extract.mentions import MentionsModel

    frame = seed_result.context.dataset("mentions")
    MentionsModel.validate(frame)
    row = frame[frame["surface"] == "突破30万亿"].iloc[0]
    assert (row["value"], row["qualifier"], row["kind"]) == (3e13, "over", "count")
    lines = seed_result.corpus.paragraphs.set_index("paragraph_id").loc[row["paragraph_id"]]
    assert lines["text"][row["start"]:row["end"]] == "突破30万亿"
