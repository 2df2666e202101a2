"""The claims dataset: what is recognised as a claim, with which values, and what is left alone."""
from __future__ import annotations

import pandas as pd
import pandera.errors
import pyarrow.parquet as pq
import pytest

from checks.extract.claims import (ClaimsModel, FactClaim, GrowthClaim, ShareClaim, paragraph_claims,
                                   sentences)


def types(text: str) -> list[str]:
    return [c.type for c in paragraph_claims(text)]


def test_sentences_split_chinese_and_english():
    text = "第一句。第二句！Sales rose. Then fell; 最后"
    assert [text[s:e] for s, e in sentences(text)] == ["第一句。", "第二句！", "Sales rose.", " Then fell;", " 最后"]


def test_claims_dataset_on_the_bundled_page(seed_result):
    frame = seed_result.context.dataset("claims")
    ClaimsModel.validate(frame)
    by_type = frame.groupby("type").size().to_dict()
    # facts: the pandas' births and the labelled 海南自贸港 封关运作 (seed-f-0009)
    assert by_type == {"count": 4, "elapsed": 1, "fact": 9, "growth": 1, "period": 1, "share": 2}
    growth = frame[frame["type"] == "growth"].iloc[0]["claim"]
    assert isinstance(growth, GrowthClaim)
    assert (growth.start.surface, growth.end.surface, growth.change.surface) == ("1000亿", "突破30万亿", "300多倍")
    assert (growth.start_time.surface, growth.end_time.surface) == ("2024年初", "2025年6月底")
    assert growth.reading == "either"  # bare 增长N倍: both readings are checked


def test_a_claim_of_the_wrong_class_breaks_the_schema(seed_result):
    frame = seed_result.context.dataset("claims").copy()
    share = frame.loc[frame["type"] == "share", "claim"].iloc[0]
    frame.loc[frame.index[frame["type"] == "growth"][0], "claim"] = share
    with pytest.raises(pandera.errors.SchemaError, match="each claim must be an object of its type's class"):
        ClaimsModel.validate(frame)


def test_derive_writes_claims_as_typed_struct_columns(tmp_path, seed_page):
    from checks.config import Config
    from checks.derive import write_datasets

    write_datasets([str(seed_page)], Config(data_docs=False), str(tmp_path))
    table = pq.read_table(tmp_path / "claims.parquet")
    assert {"claim_growth", "claim_share", "claim_count", "claim_fact"} <= set(table.column_names)
    assert "claim" not in table.column_names and "detail" not in table.column_names
    growth = [g for g in table.column("claim_growth").to_pylist() if g is not None]
    assert [(g["start"]["surface"], g["change"]["value"]) for g in growth] == [("1000亿", 300.0)]
    assert str(table.schema.field("claim_share").type.field("parts").type.value_type.field("rest").type) == "bool"
    csv = pd.read_csv(tmp_path / "claims.csv")
    assert csv["claim"].str.startswith('{"span"').all()


def test_claim_ids_are_stable_and_unique(seed_result):
    from checks.extract.claims import claim_rows

    frame = seed_result.context.dataset("claims")
    assert frame["claim_id"].is_unique
    again = [r["claim_id"] for r in claim_rows(seed_result.corpus.paragraphs)]
    assert again == list(frame["claim_id"])


def test_growth_roles_from_wording():
    [c] = paragraph_claims("该公司去年净利润为3.2亿元，较上年同期的2.5亿元增长28%。")
    assert (c.start.surface, c.end.surface) == ("2.5亿元", "3.2亿元")
    [c] = paragraph_claims("Sales rose 2% to $11.1bn from $10.9bn.")
    assert (c.start.surface, c.end.surface) == ("$10.9bn", "$11.1bn")


def test_readings_of_chinese_multiples():
    assert paragraph_claims("从10万吨增加到30万吨，增加了2倍。")[0].reading == "by"
    assert paragraph_claims("从10万吨增加到30万吨，增加到3倍。")[0].reading == "to"
    assert paragraph_claims("从10万吨增加到30万吨，增长2倍。")[0].reading == "either"
    assert paragraph_claims("从2亿元扩大到8亿元，翻了两番。")[0].reading == "fan"


def test_a_change_amount_is_not_a_level():
    [c] = paragraph_claims("全年营收466.8万亿元，比2008年末增加259万亿元，增长124.6%。")
    assert c.delta.surface == "259万亿元"
    assert c.start.surface == "466.8万亿元 - 259万亿元"
    assert (c.start.low, c.start.high) == pytest.approx((466.75e12 - 259.5e12, 466.85e12 - 258.5e12))


def test_share_groups_keep_change_clauses_out():
    text = "大模型应用超过40%聚集在客服等运营环节，30%至40%应用于研发环节，比例从2024年的19.9%提升到2025年的25.9%。"
    [c] = paragraph_claims(text)
    assert isinstance(c, ShareClaim)
    assert [p.share.surface for p in c.parts] == ["超过40%", "30%至40%"]


def test_the_rest_is_marked():
    [c] = paragraph_claims("资金中30%用于研发，其余70%用于生产。")
    assert [p.rest for p in c.parts] == [False, True]


def test_facts_before_and_after_the_date():
    facts = [c for c in paragraph_claims("大熊猫“晓晓”“蕾蕾”于2016年6月出生在东京。2021年6月出生的“香香”很可爱。")
             if isinstance(c, FactClaim)]
    assert [(f.entity, f.date.surface) for f in facts] == \
        [("晓晓", "2016年6月"), ("蕾蕾", "2016年6月"), ("香香", "2021年6月")]


def test_elapsed_needs_since_and_a_span():
    assert types("自1956年达特茅斯会议以来，人工智能已走过70年历程。") == ["elapsed"]
    assert types("1956年召开了会议，会期70天。") == []


def test_large_counts_are_not_enumerations():
    assert types("交易笔数累计1.67万单，分别是“甲”和“乙”。") == []


def test_no_claim_without_numbers_or_roles():
    assert paragraph_claims("这是一段没有数字的文字。") == []
    assert types("2025年12月，日均调用量突破50万亿，同比增长超10倍。") == []


def test_a_page_without_numbers_gives_empty_datasets_that_pass_their_schemas(tmp_path):
    from checks.config import Config
    from checks.engine import execute

    page = tmp_path / "plain.txt"
    page.write_text("标题一则\n\n这是一段完整的正文。\n", encoding="utf-8")
    result = execute([str(page)], Config(select=["SCH"], data_docs=False))
    assert len(result.context.dataset("mentions")) == 0 and len(result.context.dataset("claims")) == 0
    assert [f.message for f in result.findings if f.check == "SCH001"] == []


def test_a_coverage_record_may_name_the_types_it_was_read_for(tmp_path):
    from checks.bench.claims import LABELLED_TYPES, load_labels
    (tmp_path / "coverage_x.jsonl").write_text(
        '{"source": "corpus", "doc": "zh_0001", "lang": "zh", "types": ["share"]}\n'
        '{"source": "corpus", "doc": "zh_0003", "lang": "zh"}\n', encoding="utf-8")
    labels, covered = load_labels(tmp_path)
    assert labels == []
    assert covered == {"zh_0001": frozenset({"share"}), "zh_0003": frozenset(LABELLED_TYPES)}


def test_a_written_paragraph_without_labels_carries_its_text_in_its_coverage_record(tmp_path):
    from checks.bench.claims import documents, load_labels, written_without_labels
    (tmp_path / "coverage_w.jsonl").write_text(
        '{"source": "written", "doc": "w-1", "lang": "en", "types": ["share"], '
        '"text": "Some 62% of men and 71% of women said they had been vaccinated."}\n', encoding="utf-8")
    labels, covered = load_labels(tmp_path)
    docs = documents(labels, covered, tmp_path / "absent.jsonl", tmp_path / "absent.txt",
                     written_without_labels(tmp_path))
    assert docs["w-1"].body.startswith("Some 62% of men") and docs["w-1"].origin == "written"


def test_a_rate_between_a_loss_and_a_profit_or_net_of_prices_is_no_claim():
    assert not paragraph_claims("公司净利润由上年同期亏损0.87亿元转为盈利1.35亿元，同比增长255%。")
    assert not paragraph_claims("净利润亏损2.16亿元，上年同期盈利1.04亿元，同比下降307.7%。")
    assert not paragraph_claims("全年GDP为2.18万亿元，上年为2.05万亿元，按不变价格计算，增长5.6%。")
    [c] = paragraph_claims("公司净利润亏损3862万元，上年同期亏损6125万元，亏损额同比收窄36.9%。")
    assert (c.start.surface, c.end.surface, c.sign) == ("6125万元", "3862万元", -1)  # two losses compare as sizes
    [c] = paragraph_claims("按可比价格计算，全年GDP增长5.6%，出口总额由120亿元增至150亿元，增长25%。")
    assert c.change.surface == "25%"  # the marker speaks of the rate of its own clause only


def test_a_clause_starts_after_the_last_mark_before_a_value_and_never_before_its_bound():
    from checks.extract.claims.common import clause_start
    text = "营收为100亿元，同比增长20%；净利润为8亿元"
    assert clause_start(text, text.index("同比")) == text.index("，") + 1
    assert clause_start(text, text.index("净利润")) == text.index("；") + 1
    assert clause_start(text, text.index("100")) == 0  # no mark before it: the text's start
    assert clause_start(text, text.index("净利润"), lo=text.index("同比")) == text.index("；") + 1
    assert clause_start(text, text.index("同比"), lo=3) == text.index("，") + 1
    assert clause_start(text, text.index("营收") + 2, lo=1, marks="。") == 1  # no such mark: the bound


def test_the_last_match_of_a_pattern_in_a_range_is_the_one_finditer_ends_with():
    import re

    from checks.extract.claims.common import last_match
    pattern = re.compile(r"\d+")
    assert last_match(pattern, "a1 b22 c333").group() == "333"
    assert last_match(pattern, "a1 b22 c333", 0, 6).group() == "22"
    assert last_match(pattern, "no digits") is None
