"""Counts and their lists: a stated count against the items listed beside it. Sentences written for these tests."""
from __future__ import annotations

from checks.extract.claims import CountClaim, paragraph_claims


def counts(text: str) -> list[tuple[str, tuple[str, ...], bool]]:
    return [(c.count.surface, c.items, c.partial) for c in paragraph_claims(text) if isinstance(c, CountClaim)]


def test_bracketed_figures_after_items_are_asides():
    assert counts("具体来看，甲科技（10.1%）、乙电子（10.03%）和丙股份（10%）等3只个股强势涨停。") == \
        [("3只", ("甲科技", "乙电子", "丙股份"), True)]
    assert counts("甲科技(6.10亿元)、乙集成(5.14亿元)和丙曙光(5.10亿元)等3只个股净买入额居前。") == \
        [("3只", ("甲科技", "乙集成", "丙曙光"), True)]


def test_a_list_after_they_are():
    assert counts("涨幅超过5%的个股有3只，它们分别为：甲银行（19.59%）、乙银行（15.8%）、丙银行（12.1%）。") == \
        [("3只", ("甲银行", "乙银行", "丙银行"), False)]


def test_more_items_than_an_open_list_counts_is_a_mismatch():
    (count, items, partial), = counts("甲科技（9.4%）、乙机床（8.1%）、丙股份（8.0%）和丁科技（6.8%）等3只个股涨幅均超过5%。")
    assert partial and len(items) == 4 and count == "3只"


def test_aspects_and_cities_are_counted():
    assert counts("会议明确了三方面工作：一是稳增长。二是促改革。三是防风险。") == \
        [("三方面", ("一是", "二是", "三是"), False)]
    assert counts("试点在北京、上海、广州三市展开。") == [("三市", ("北京", "上海", "广州"), False)]
    assert counts("经历了起步、发展、成熟三个阶段。") == [("三个", ("起步", "发展", "成熟"), False)]


def test_a_ranked_list_is_counted_only_when_it_agrees():
    assert counts("居民偏爱的前三位投资方式依次为：银行理财、基金信托和股票。") == \
        [("三位", ("银行理财", "基金信托", "股票"), False)]
    # an item of a ranked list may hold a 、 of its own: no claim rather than a false mismatch
    assert counts("前三位投资方式依次为：银行、证券、保险公司理财产品、基金信托产品和股票。") == []
    assert counts("前三季度营收增长5%，为近年来最高。") == []


def test_an_english_count_before_an_acronym_and_its_noun():
    assert counts("Two UK gamers, John Smith and Mary Jones, have won the title.") == \
        [("Two", ("John Smith", "Mary Jones"), False)]
    assert counts("Two EU officials said the talks would resume.") == []
