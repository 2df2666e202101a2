"""Dated facts: the dates they are stated with, the facts recognised in both languages, and CON001 over a run."""
from __future__ import annotations

import pytest

from checks.extract.numbers import find_mentions


# --- English calendar dates --------------------------------------------------------------------

@pytest.mark.parametrize("text,surface,unit,low,high", [
    ("It was founded in March 1998.", "March 1998", "month", 1998 + 2 / 12, 1998 + 3 / 12),
    ("She was born on 5 May 2001.", "5 May 2001", "day", 2001 + 4 / 12 + 4 / 365, 2001 + 4 / 12 + 5 / 365),
    ("She was born on May 5, 2001, in Krakow.", "May 5, 2001", "day", 2001 + 4 / 12 + 4 / 365, 2001 + 4 / 12 + 5 / 365),
    ("It opened in Sept. 2004.", "Sept. 2004", "month", 2004 + 8 / 12, 2004 + 9 / 12),
    ("It opened in late 2004.", "late 2004", "year", 2004 + 8 / 12, 2005),
    ("It closes at the end of 2004.", "the end of 2004", "year", 2004 + 10 / 12, 2005),
    ("It ships in the first quarter of 2005.", "the first quarter of 2005", "year", 2005, 2005.25),
])
def test_english_dates_with_a_year(text, surface, unit, low, high):
    [m] = [m for m in find_mentions(text) if m.kind == "date"]
    assert (m.surface, m.unit) == (surface, unit)
    assert m.low == pytest.approx(low) and m.high == pytest.approx(high)
    assert text[m.start:m.end] == surface


@pytest.mark.parametrize("text", ["Sales peaked in the early 1980s.", "Officials said on Monday that it may 2 rise."])
def test_decades_and_bare_words_are_not_dates(text):
    assert [m for m in find_mentions(text) if m.kind == "date"] == []


def test_a_bare_year_stays_a_year():
    [m] = find_mentions("It was founded in 1971.")
    assert (m.surface, m.kind) == ("1971", "year")


# --- the phrasing families, each with its own examples ----------------------------------------------

import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

from checks.config import Config  # noqa: E402
from checks.engine import execute  # noqa: E402
from checks.extract.claims import FactClaim, paragraph_claims  # noqa: E402
from checks.extract.claims.facts import EN_FAMILIES, ZH_FAMILIES  # noqa: E402


def article_facts(*paragraphs: str) -> list[FactClaim]:
    """The facts of one article of these paragraphs, as the claims dataset holds them: shortened names resolved,
    references to a name in another paragraph resolved or dropped."""
    import pandas as pd

    from checks.extract.claims import claim_rows

    n = len(paragraphs)
    frame = pd.DataFrame({"paragraph_id": [f"p{i}" for i in range(n)], "article_id": ["a"] * n, "file": ["f"] * n,
                          "line_start": range(1, n + 1), "line_end": range(1, n + 1), "kind": ["body"] * n,
                          "text": list(paragraphs)})
    return [row["claim"] for row in claim_rows(frame) if isinstance(row["claim"], FactClaim)]


def facts(text: str) -> list[FactClaim]:
    return article_facts(text)


EXAMPLES = [(family.name, text, expected) for family in ZH_FAMILIES + EN_FAMILIES for text, expected in family.examples]


@pytest.mark.parametrize("family,text,expected", EXAMPLES, ids=[f"{f}: {t[:30]}" for f, t, _ in EXAMPLES])
def test_each_family_reads_its_examples(family, text, expected):
    found = [(c.entity, c.event, c.date.surface, c.family) for c in facts(text)]
    assert expected + (family,) in found, found


@pytest.mark.parametrize("text", [
    "2014年6月以后上市的次新股中，有34只涨停。",              # a bound, not the date of a listing
    "2014年上市公司实现营业总收入63115亿元。",                # 上市公司: listed companies, no event
    "这家公司成立于2015年，总部位于深圳。",                    # no name
    "1999年公司成立后，开始自主研发ATM技术。",                # a common noun, and no name before it
    "2015年9月份，标普道琼斯指数宣布将发布标普中国500指数。",  # the date of an announcement
    "据悉，从今年8月下旬发布《转让公告》至今，进展顺利。",      # no year
    "The firm, which Kowalski founded in 1998, is growing.",  # Kowalski is the founder
    "Northwind Labs opened its first store in 2001.",         # the store opened, not the firm
    "Sales rose in 2004 as Northwind Labs opened new stores.",
    "It was founded in 1998 by two engineers.",
    "2024年秋粮上市后，有关部门启动了收购预案。",              # grain comes to market: a common noun
    "2018年，他说“我们成立”了。",                              # a quotation, not a name
    "Northwind Labs sold 1998 units.",                         # a number, not a year
    "次年3月，华科智能科技有限公司在深交所上市。",              # 次年 with no year before it
])
def test_no_fact_where_the_entity_or_the_event_stays_unclear(text):
    assert facts(text) == []


def test_a_passive_verb_takes_no_object():
    # "was founded in Rotterdam": the place of the founding is not what was founded
    found = facts("Orion Freight, which was renamed Orion Logistics in 2012, was founded in Rotterdam in 1976.")
    assert all(f.entity != "Rotterdam" for f in found)


def test_the_one_after_the_agent_word_takes_the_office_not_the_subject():
    assert facts("华科智能科技有限公司2015年由李明出任董事长。") == []


def test_a_plan_is_marked():
    [fact] = facts("中证指数有限公司宣布将于2016年12月28日正式发布中证红利指数。")
    assert (fact.entity, fact.event, fact.planned, fact.run_wide) == ("中证红利指数", "launched", True, False)
    [fact] = facts("Wembley Stadium will officially open in 2006.")
    assert fact.planned


def test_a_listing_keeps_its_exchange_and_an_office_its_title():
    [fact] = facts("中国平安保险(集团)股份有限公司于2007年3月在上海证券交易所上市。")
    assert fact.qualifier == "A股"  # the market: 在上交所上市 and 登陆A股 are one listing
    [fact] = facts("Kowalski became chief executive in 2003.")
    assert (fact.event, fact.qualifier) == ("took_office", "chief executive")


def test_a_reference_stands_for_the_one_organisation_named_before_it():
    [founded, since] = facts("德阳华科重型装备有限公司成立于1998年，负责人说，自2001年创立以来，企业已为40多座水电站供货。")
    assert (founded.entity, founded.date.surface) == ("德阳华科重型装备有限公司", "1998年")
    assert (since.entity, since.date.surface, since.how) == ("德阳华科重型装备有限公司", "2001年", "reference")


@pytest.mark.parametrize("paragraphs,expected", [
    (("记者日前走访了安徽禾丰农业科技有限公司。", "分析人士认为，经济稳中向好。", "该公司成立于2010年，主要从事粮食种植。"),
     ("安徽禾丰农业科技有限公司", "founded", "2010年")),
    (("盛景环保科技股份有限公司是一家污水处理设备企业。", "该公司于2013年在上交所上市。"),
     ("盛景环保科技股份有限公司", "listed", "2013年")),
    (("恒通电子董事长赵志远表示，公司将加大研发投入。", "赵董事长1965年出生，毕业于浙江大学。"), ("赵志远", "born", "1965年")),
    (("Jet Airways, India's biggest airline, sold shares.", "The company has grown since it launched operations in 1993."),
     ("Jet Airways", "launched", "1993")),
    (("Helen Marchetti is the bank's new chief executive.", "Ms Marchetti, who was born in 1968, joined from an insurer."),
     ("Helen Marchetti", "born", "1968")),
])
def test_a_name_given_in_another_paragraph(paragraphs, expected):
    assert [(f.entity, f.event, f.date.surface) for f in article_facts(*paragraphs)] == [expected]


@pytest.mark.parametrize("paragraphs", [
    ("分析人士认为，经济稳中向好。", "该公司成立于2010年，主要从事粮食种植。"),  # no name before it
    ("华科智能科技有限公司与海川电子科技有限公司签约。", "该公司成立于2010年。"),  # two names: which is unclear
    ("以中国船舶为例。申万宏源证券研究所专家认为重组将加速。", "从公司2019年4月27日发布的预案可以发现……"),  # a bare 公司
    ("German telecoms firm Deutsche Telekom and Northwind Labs signed a deal.", "The company was founded in 2011."),
])
def test_a_reference_without_one_name_before_it_makes_no_fact(paragraphs):
    assert article_facts(*paragraphs) == []


@pytest.mark.parametrize("paragraphs,expected", [
    (("恒通电子董事长王建华介绍了情况。他于2010年出任公司董事长。",), ("王建华", "took_office", "2010年")),
    (("恒通电子董事长王建华介绍了情况。", "她出生于1965年，湖北人。"), ("王建华", "born", "1965年")),
    (("Maria Kowalski, who joined the bank in 1990, said sales rose. She was born in 1961.",),
     ("Maria Kowalski", "born", "1961")),
    (("Carlos Ghosn runs Nissan.", "Mr Ghosn said he took charge in 1999."), ("Carlos Ghosn", "took_office", "1999")),
])
def test_a_pronoun_stands_for_the_one_person_in_reach(paragraphs, expected):
    [fact] = article_facts(*paragraphs)
    assert (fact.entity, fact.event, fact.date.surface) == expected
    assert not fact.run_wide  # a pronoun's person is compared inside its article only


@pytest.mark.parametrize("paragraphs", [
    ("王建华和李明都是公司董事。他于2010年出任董事长。",),                                 # two people: which is unclear
    ("John Smith said he was happy. Maria Kowalski said she was not. He was born in 1961.",),
    ("Shares in Sony Ericsson rose. He was born in 1961.",),      # two words in capitals, no mark of a person
    ("He was born in 1961 in Leeds.",),                          # no one named before
    ("其他公司于2015年成立。",),                                    # 其他 is "other", not 他
])
def test_a_pronoun_without_one_person_before_it_makes_no_fact(paragraphs):
    assert article_facts(*paragraphs) == []


def test_a_definite_place_noun_takes_the_name_with_that_head():
    [fact] = article_facts("Wembley Stadium is being rebuilt.", "The stadium will open in 2006.")
    assert (fact.entity, fact.event, fact.planned) == ("Wembley Stadium", "opened", True)
    # "the centre" after a sentence naming an institute is not the institute
    assert article_facts("The centre was started by the Massachusetts Institute of Technology.",
                         "Since its opening in 2000, the centre has developed ideas.") == []


@pytest.mark.parametrize("text", [
    "王建华（1990—2020）是公司董事。",                     # 30 years apart: a term, not a life
    "Bill Clinton (1993-2001) was president.",
    "Windows XP (2001-2014) was popular.",
    "“十三五”规划（2016—2020年）提出了目标。",
    "2019年是新中国成立70周年。",                           # anniversaries date no event
    "2020年恰逢华科智能科技有限公司成立20周年。",
    "In 2006, Northwind Labs celebrated the 50th anniversary of its founding.",
    "Northwind Labs has been the market leader since 2005.",  # a standing, not an office
])
def test_years_in_brackets_or_anniversaries_that_are_no_fact(text):
    assert facts(text) == []


@pytest.mark.parametrize("text,expected", [
    # the phrase between an event and its date never runs across another date
    ("Maria Kowalski was born in 1961 and became chief executive in 2005.",
     [("born", "1961"), ("took_office", "2005")]),
    ("Northwind Labs was founded in 1998 by two engineers who met in 1990.", [("founded", "1998")]),
    # a clause without a subject of its own goes on with the sentence's one entity
    ("华科智能科技有限公司成立于2015年，2018年在深交所上市。", [("founded", "2015年"), ("listed", "2018年")]),
    ("华科智能科技有限公司成立于2015年，2018年成立子公司。", [("founded", "2015年")]),
    ("华科智能科技有限公司成立于2015年，2018年发布的年报显示营收增长。", [("founded", "2015年")]),
    ("华科智能科技有限公司表示，2018年营收增长20%，2019年上市。", []),  # what it said: whose listing is open
    ("华科智能科技有限公司与海川电子科技有限公司签约，计划于2020年上市。", []),  # two names before the clause
    ("2015年开始，华科智能科技有限公司加大了投入。", []),  # 开始 before no event: a bound
])
def test_one_sentence_with_two_dates(text, expected):
    assert [(f.event, f.date.surface) for f in facts(text)] == expected


@pytest.mark.parametrize("text,surface,low,high", [
    ("成立于上世纪90年代的华科智能科技有限公司是一家老牌企业。", "上世纪90年代", 1990, 2000),
    ("华科智能科技有限公司成立于1990年代。", "1990年代", 1990, 2000),
    ("王建华出生于20世纪60年代末，湖北人。", "20世纪60年代末", 1960, 1970),
    ("Northwind Labs was founded in the early 1990s.", "the early 1990s", 1990, 2000),
])
def test_a_decade_is_an_interval(text, surface, low, high):
    [fact] = facts(text)
    assert (fact.date.surface, fact.date.low, fact.date.high) == (surface, low, high)


def test_an_unknown_name_takes_the_kind_its_event_implies():
    [fact] = facts("Maria Kowalski was born on 5 May 1961 in Krakow.")
    assert (fact.entity_kind, fact.how, fact.run_wide) == ("person", "capitalised", True)
    [fact] = facts("Gizmondo went on sale in 2005.")
    assert (fact.entity_kind, fact.run_wide) == ("thing", False)  # one word: compared only inside its article


# --- CON001 over a whole run -------------------------------------------------------------------------

def run_articles(tmp_path, *bodies: str):
    """A run over one .jsonl file holding one article per body."""
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "title": f"标题{i}", "body": body}, ensure_ascii=False) + "\n"
                            for i, body in enumerate(bodies)), encoding="utf-8")
    return execute([str(path)], Config(select=["CON"], data_docs=False))


def con001(result) -> list[tuple[str, str]]:
    return [(f.severity, f.message) for f in result.findings if f.check == "CON001"] + \
        [("verified", f.message) for f in result.verified if f.check == "CON001"]


def test_one_company_founded_in_two_years_in_two_articles(tmp_path):
    result = run_articles(tmp_path, "华科智能科技有限公司成立于2015年，总部位于深圳。",
                          "记者了解到，2016年成立的华科智能科技有限公司已有员工300人。")
    [finding] = [f for f in result.findings if f.check == "CON001"]
    assert finding.severity == "error" and "2015年 vs 2016年" in finding.message
    assert len(finding.locations) == 2 and {loc.article_id for loc in finding.locations} == {
        a for a in result.context.dataset("articles")["article_id"]}


def test_a_person_born_on_two_dates_in_english(tmp_path):
    result = run_articles(tmp_path, "Maria Kowalski, who was born in March 1961, leads the lab.",
                          "Born on 5 May 1962, Maria Kowalski grew up in Krakow.")
    [(severity, message)] = con001(result)
    assert severity == "error" and "March 1961 vs 5 May 1962" in message


def test_a_shortened_name_counts_as_the_full_name_of_its_article(tmp_path):
    result = run_articles(tmp_path, "华科智能科技有限公司今天发布年报。华科智能成立于2016年，主营工业软件。",
                          "华科智能科技有限公司成立于2015年。")
    [(severity, message)] = con001(result)
    assert severity == "error" and "华科智能科技有限公司" in message


def test_statements_that_agree_are_verified(tmp_path):
    result = run_articles(tmp_path, "华科智能科技有限公司成立于2015年3月。", "2015年成立的华科智能科技有限公司发展迅速。",
                          "Northwind Labs was founded in 1998.", "Founded in March 1998, Northwind Labs employs 300.")
    assert sorted(s for s, _ in con001(result)) == ["verified", "verified"]


def test_who_founded_it_does_not_make_another_fact(tmp_path):
    result = run_articles(tmp_path, "Northwind Labs was set up by two engineers in 1998.",
                          "Northwind Labs was founded in 2001.")
    [(severity, message)] = con001(result)
    assert severity == "error" and "1998 vs 2001" in message


def test_a_chinese_personal_name_is_one_person_only_inside_its_article(tmp_path):
    assert con001(run_articles(tmp_path, "1972年出生的全国劳动模范王建华仍在社区坚持随访。",
                               "华科智能科技有限公司董事长王建华1962年出生。")) == []
    [(severity, message)] = con001(run_articles(
        tmp_path, "华科智能科技有限公司董事长王建华1962年出生，曾在中科院从事研究工作，这位1965年出生的科学家创办了公司。"))
    assert severity == "error" and "1962年 vs 1965年" in message


@pytest.mark.parametrize("first,second", [
    ("中国平安保险(集团)股份有限公司于2004年6月在香港联合交易所上市。",      # two exchanges: two facts
     "中国平安保险(集团)股份有限公司于2007年3月在上海证券交易所上市。"),
    ("大熊猫“小米”于2016年6月出生。", "2018年3月出生的“小米”很受欢迎。"),  # a nickname in two articles
    ("Gizmondo went on sale in 2005.", "Gizmondo went on sale in 2006."),       # one word in two articles
    ("平陆运河大桥将于2026年底建成。", "平陆运河大桥于2027年建成。"),           # a plan and what happened
    ("成立于上世纪90年代的华科智能科技有限公司是一家老牌企业。",                # a decade and a year in it
     "华科智能科技有限公司成立于1995年。"),
    ("Northwind Labs was founded in the 1990s.", "Northwind Labs was set up in early 1998."),
    ("永宁古桥始建于1680年。", "永宁古桥建于1683年。"),  # the start of the work, and "built in": maybe its end
])
def test_different_facts_are_not_a_contradiction(tmp_path, first, second):
    assert [s for s, _ in con001(run_articles(tmp_path, first, second)) if s == "error"] == []


@pytest.mark.parametrize("bodies,clash", [
    (("成立于上世纪90年代的华科智能科技有限公司是一家老牌企业。", "华科智能科技有限公司成立于2003年。"),  # a decade
     "上世纪90年代 vs 2003年"),
    (("记者日前走访了安徽禾丰农业科技有限公司。\n\n该公司成立于2010年，主要从事粮食种植。",  # a reference
      "安徽禾丰农业科技有限公司成立于2012年。"), "2010年 vs 2012年"),
])
def test_a_decade_or_a_reference_contradicts_a_date_outside_it(tmp_path, bodies, clash):
    [(severity, message)] = con001(run_articles(tmp_path, *bodies))
    assert severity == "error" and clash in message


def test_a_lifespan_contradicts_another_birth_year(tmp_path):
    [(severity, message)] = con001(run_articles(tmp_path, "Works by the painter Maria Kowalski (1920-2009) go on show.",
                                                "Maria Kowalski, who was born in 1921, painted the harbour."))
    assert severity == "error" and "1920 vs 1921" in message


def test_a_pronoun_fact_contradicts_its_own_article_once(tmp_path):
    result = run_articles(tmp_path, "Maria Kowalski, who was born in 1961, runs the lab.\n\n"
                          "Maria Kowalski, who leads it, said sales rose. She was born in 1962.",
                          "Maria Kowalski, who was born in 1963, paints.")
    found = sorted(message for severity, message in con001(result) if severity == "error")
    # the article's two statements and its pronoun; the run-wide pair (1961 and 1963) once, not again in the article
    assert len(found) == 2 and any("1961 vs 1962" in m for m in found), found


def test_a_pronoun_fact_never_contradicts_another_article(tmp_path):
    result = run_articles(tmp_path, "Maria Kowalski, who runs the lab, said sales rose. She was born in 1961.",
                          "Maria Kowalski, who was born in 1962, paints.")
    assert con001(result) == []


def test_one_market_by_its_exchange_and_by_its_name_is_one_listing(tmp_path):
    [(severity, message)] = con001(run_articles(
        tmp_path, "浙江恒远纺织集团股份有限公司于2010年4月在上交所上市，该公司自2011年登陆A股以来首次迎来解禁。"))
    assert severity == "error" and "2010年4月 vs 2011年" in message


def test_a_year_stated_as_the_next_is_counted_from_the_one_before(tmp_path):
    [(severity, message)] = con001(run_articles(
        tmp_path, "华科智能科技有限公司成立于2015年。次年3月，华科智能科技有限公司在深交所上市。",
        "华科智能科技有限公司于2017年在深交所上市。"))
    assert severity == "error" and "2016年3月 vs 2017年" in message


def test_a_nickname_with_two_dates_inside_one_article(tmp_path):
    [(severity, _)] = con001(run_articles(tmp_path, "大熊猫“小米”于2016年6月出生在成都。\n\n2018年3月出生的“小米”很受欢迎。"))
    assert severity == "error"


def test_quoted_names_never_load_the_segmenter(tmp_path):
    """Facts about names in quotation marks (the bundled page's pandas) must not pay for jieba's tagger."""
    path = tmp_path / "quoted.jsonl"
    body = "大熊猫“晓晓”“蕾蕾”于2016年6月出生。\n\n分别为2017年6月出生的“香香”和2021年6月出生的“晓晓”。"
    path.write_text(json.dumps({"id": "q1", "body": body}, ensure_ascii=False) + "\n", encoding="utf-8")
    code = ("import sys; from checks.config import Config; from checks.engine import execute; "
            f"execute([{str(path)!r}], Config(data_docs=False)); print('jieba.posseg' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_bundled_page_reads_its_unquoted_fact(seed_page):
    """The page's one fact about an unquoted name (海南自贸港, 封关运作) is read, with the segmenter's help."""
    from checks.config import Config
    from checks.engine import execute

    result = execute([str(seed_page)], Config(data_docs=False, select=["CON"]))
    found = {(row.claim.entity, row.claim.event, row.claim.date.surface)
             for row in result.context.dataset("claims").itertuples() if row.type == "fact"}
    assert ("海南自贸港", "launched", "2025年12月") in found


# --- the generator plants each fact under a name of its own ---------------------------------------------

def test_the_generator_never_gives_one_name_to_two_planted_facts(news_corpus):
    from checks.bench.claim_generator import generate

    docs, labels = generate(news_corpus, per_template=2, taken=frozenset({"华科智能科技有限公司"}))
    docs_of: dict[str, set[str]] = {}
    for lb in labels:
        if lb["type"] == "fact":
            docs_of.setdefault(lb["entity"], set()).add(lb["doc"])
    assert docs_of and all(len(d) == 1 for d in docs_of.values())
    assert "华科智能科技有限公司" not in docs_of
    pairs = {}
    for lb in labels:
        if lb["type"] == "fact":
            pairs.setdefault(lb["doc"], []).append(lb)
    for doc, (first, second) in pairs.items():  # a true version: one date twice; a false one: two years
        same = first["date"]["value"] == second["date"]["value"]
        assert same == (first["verdict"] == "holds"), doc


def test_the_generator_names_every_planted_fact_apart_and_says_when_its_names_run_out():
    import random

    from checks.bench.claim_generator import ZH_GIVEN, ZH_SURNAMES, fact_entity
    used: set[str] = set()
    rng = random.Random(7)
    pool = len(ZH_SURNAMES) * len(ZH_GIVEN)
    names = [fact_entity("zh", True, rng, used) for _ in range(pool)]
    assert len(set(names)) == pool  # every name of the pool, none twice
    with pytest.raises(ValueError, match="name of the generator is taken"):
        fact_entity("zh", True, rng, used)
