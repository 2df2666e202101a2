"""Names found where a dated fact needs its subject: Chinese by part of speech and suffix, English by capitals."""
from __future__ import annotations

import pytest

from checks.extract.entities import names_after, names_before, resolve


def before(text: str, marker: str) -> list[tuple[str, str]]:
    """Names ending right before `marker` (its first occurrence)."""
    end = text.index(marker)
    lang = "en" if text.isascii() else "zh"
    return [(e.name, e.kind) for e in names_before(text, end, lang)]


def after(text: str, marker: str) -> list[tuple[str, str]]:
    """Names starting right after `marker`."""
    start = text.index(marker) + len(marker)
    lang = "en" if text.isascii() else "zh"
    return [(e.name, e.kind) for e in names_after(text, start, lang)]


@pytest.mark.parametrize("text,marker,expected", [
    ("华科智能科技有限公司成立于2015年。", "成立", ("华科智能科技有限公司", "organisation")),
    ("据悉，深圳市华科智能科技有限公司于2015年成立。", "于", ("深圳市华科智能科技有限公司", "organisation")),
    ("中国平安保险(集团)股份有限公司于2007年3月在上海证券交易所上市。", "于", ("中国平安保险(集团)股份有限公司", "organisation")),
    ("深圳证券交易所成立于1990年12月1日。", "成立", ("深圳证券交易所", "organisation")),
    ("青山湖大桥始建于1998年。", "始建", ("青山湖大桥", "place")),
    ("港珠澳大桥于2018年10月开通。", "于", ("港珠澳大桥", "place")),
    ("三江源国家公园于2021年设立。", "于", ("三江源国家公园", "place")),
    ("公司董事长王建华1965年出生。", "1965", ("王建华", "person")),
    ("任正非1944年出生于贵州。", "1944", ("任正非", "person")),
    ("央视《新闻联播》于1978年1月1日首播。", "于", ("新闻联播", "thing")),
    ("林明远出生于2003年。", "出生", ("林明远", "person")),     # jieba splits 林 + 明远 and rates 林 low
    ("谢海峰，1971年生。", "，", ("谢海峰", "person")),
])
def test_chinese_names_before_an_event(text, marker, expected):
    assert before(text, marker) == [expected]


@pytest.mark.parametrize("text,marker", [
    ("这家公司成立于2015年。", "成立"),      # a pronoun and a common noun
    ("科技公司成立于2015年。", "成立"),      # a common noun before the suffix
    ("中国公司于2015年上市。", "于"),        # companies of a country, not one company
    ("去年成立于2015年。", "成立"),
])
def test_chinese_descriptions_are_not_names(text, marker):
    assert before(text, marker) == []


def test_quoted_names_come_as_a_list():
    assert before("大熊猫“晓晓”“蕾蕾”于2016年6月出生。", "于") == [("晓晓", ""), ("蕾蕾", "")]
    assert after("2021年6月出生的“晓晓”和“蕾蕾”。", "的") == [("晓晓", ""), ("蕾蕾", "")]


@pytest.mark.parametrize("text,marker,expected", [
    ("2015年成立的华科智能科技有限公司是一家企业。", "的", ("华科智能科技有限公司", "organisation")),
    ("1970年出生的王建华是一名工程师。", "的", ("王建华", "person")),
    ("2015年成立的华科智能是一家企业。", "的", ("华科智能", "")),
    ("格力于2015年成立珠海格力智能装备有限公司，", "成立", ("珠海格力智能装备有限公司", "organisation")),
])
def test_chinese_names_after(text, marker, expected):
    assert after(text, marker) == [expected]


@pytest.mark.parametrize("text,marker,expected", [
    ("Maria Kowalski, who was born in 1961, runs it.", ",", ("Maria Kowalski", "")),
    ("Northwind Labs was founded in 1998.", " was", ("Northwind Labs", "organisation")),
    ("Duran Duran formed in 1978.", " formed", ("Duran Duran", "")),
    ("He said the Bank of England was founded in 1694.", " was", ("Bank of England", "organisation")),
    ("Royal Dutch/Shell Group was formed in 1907.", " was", ("Royal Dutch/Shell Group", "organisation")),
    ("In March Northwind Labs opened an office.", " opened", ("Northwind Labs", "organisation")),
    ("Shares of Northwind Labs rose.", " rose", ("Northwind Labs", "organisation")),
    ("Mr Tellier took charge in 2003.", " took", ("Tellier", "person")),
    ("The Nintendo DS went on sale.", " went", ("Nintendo DS", "")),
    ("He quoted Johnson. Harbor Mills Ltd was set up in 1990.", " was", ("Harbor Mills Ltd", "organisation")),
    ("John F. Kennedy was born in 1917.", " was", ("John F. Kennedy", "")),
    ("The U.S. Steel Corp was founded in 1901.", " was", ("U.S. Steel Corp", "organisation")),
])
def test_english_names_before(text, marker, expected):
    assert before(text, marker) == [expected]


@pytest.mark.parametrize("text,marker", [
    ("It was founded in 1998.", " was"),
    ("The company was founded in 1998.", " was"),
    ("However, it was set up in 1998.", " it"),
])
def test_english_words_that_open_sentences_are_not_names(text, marker):
    assert before(text, marker) == []


def test_english_names_after():
    assert after("Benson founded Northwind Labs in 1998.", "founded") == [("Northwind Labs", "organisation")]
    assert after("In 1998, Benson founded Northwind Labs. Trade rose.", "founded") == [("Northwind Labs", "organisation")]
    assert after("The Normans founded the Bank of England in 1694.", "founded") == [("Bank of England", "organisation")]


def test_a_short_form_resolves_to_the_one_full_name_of_its_article():
    article = "深圳市华科智能科技有限公司今天发布年报。华科智能成立于2015年。"
    [short] = names_before(article, article.index("成立"), "zh")
    assert short.name == "华科智能" and not short.full
    assert resolve(short.name, article) == "深圳市华科智能科技有限公司"
    text = "Maria Kowalski runs the lab. Kowalski was born in 1961."
    [surname] = names_before(text, text.index(" was"), "en")
    assert resolve(surname.name, text) == "Maria Kowalski"


def test_a_short_form_with_two_full_names_stays_short():
    text = "Maria Kowalski and Jan Kowalski run the lab. Kowalski was born in 1961."
    [surname] = names_before(text, text.index(" was"), "en")
    assert resolve(surname.name, text) == "Kowalski"
    article = "华科智能科技有限公司与华科智能医疗有限公司合并。华科智能成立于2015年。"
    [short] = names_before(article, article.index("成立"), "zh")
    assert resolve(short.name, article) == "华科智能"


@pytest.mark.parametrize("text,marker,expected", [
    ("鼎元德通物流有限公司成立于2004年。", "成立", ("鼎元德通物流有限公司", "organisation")),  # 鼎: a lone character
    ("白鹭湾大桥于2008年建成通车。", "于", ("白鹭湾大桥", "place")),                      # 湾: a bound morpheme
    ("马董事长2005年出生。", "2005", ("马董事长", "person")),                            # a surname and a title
])
def test_chinese_names_jieba_leaves_in_pieces(text, marker, expected):
    assert before(text, marker) == [expected]


def test_names_listed_before_a_shared_suffix():
    assert after("宣布设立三江源、大熊猫、武夷山等第一批国家公园，", "设立") == [
        ("三江源国家公园", "place"), ("大熊猫国家公园", "place"), ("武夷山国家公园", "place")]
    assert after("设立上海、深圳证券交易所。", "设立") != [("上海证券交易所", "organisation"), ("深圳证券交易所", "organisation")]
    assert ("中国公司", "organisation") not in after("成立中国、美国公司。", "成立")


def test_a_brand_and_a_suffix_stand_for_the_one_company_of_that_brand():
    article = "基金的管理人将为深圳市鲲鹏股权投资管理有限公司。鲲鹏资本成立于2016年6月。"
    assert resolve("鲲鹏资本", article) == "深圳市鲲鹏股权投资管理有限公司"
    article = "佳兆业集团年开发规模超过千万平方米。佳兆业公益基金会今年捐资助学。佳兆业：伴随着行业成长……"
    assert resolve("佳兆业", article) == "佳兆业集团"  # the company, not its foundation


def test_a_reference_stands_for_the_nearest_sentence_naming_one_organisation():
    from checks.extract.entities import antecedent

    text = "华科智能科技有限公司与海川电子科技有限公司签约。江岚重工集团表示支持。该公司成立于2010年。"
    assert antecedent(text, text.index("该公司"), "organisation", "zh").name == "江岚重工集团"
    text = "广电运通为ATM领域龙头企业。1999年公司成立后，开始自主研发ATM技术。"
    found = antecedent(text, text.index("公司成立"), "organisation", "zh")
    assert (found.name, found.how, found.full) == ("广电运通", "topic", False)  # a topic without a suffix
    text = "The share offer was oversubscribed, news agency Reuters reported. Jet Airways, India's biggest airline, grew."
    assert antecedent(text, len(text), "organisation", "en").name == "Jet Airways"
