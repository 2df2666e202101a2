"""Growth, share, contradiction, time and count rules: on the bundled page (checked by hand) and on
small pages written here, one per form."""
from __future__ import annotations

import json

import pytest

from checks.config import Config
from checks.engine import execute

FAMILIES = ["GRW", "SHR", "CON", "TIM", "CNT"]


def run_text(tmp_path, body: str, *, name="page.txt", rules=None):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    result = execute([str(path)], Config(select=FAMILIES, data_docs=False, rules=rules or {}))
    return result


def run_article(tmp_path, body: str, date: str = "", rules=None):
    record = {"id": "t1", "title": "测试标题", "body": body, "date": date}
    return run_text(tmp_path, json.dumps(record, ensure_ascii=False) + "\n", name="a.jsonl", rules=rules)


def outcomes(result) -> list[tuple[str, str, str]]:
    """(check, 'verified' or severity, message) for every claim the run recognised."""
    out = [(f.check, f.severity, f.message) for f in result.findings]
    out += [(f.check, "verified", f.message) for f in result.verified]
    return out


# --- the bundled page: every numeric statement of a change, share, period or count, by hand -------

# (check, verified or severity, first line, words the message must hold). Read against the page:
#  31  自1956年…已走过70年: the page is from 2026 (its latest dated event is 2025年12月) -> holds.
# 112  2024年初 1000亿 -> 2025年6月底 突破30万亿 = more than 300x; 一年半时间增长300多倍 holds under
#      both readings of 增长N倍, and 2024年初..2025年6月底 is 1.3-1.5 years, 一年半 -> holds.
# 116  约80%来自企业 + 20%来自个人用户 = about 100% -> holds. (同比增长超10倍 has no base: no claim.)
# 122  超过40% (运营) + 30%至40% (研发) = 70%..100%+ -> holds; 19.9%->25.9% is another measure (no rate
#      stated: no claim) and is kept out of the share group.
# 252/254  晓晓/蕾蕾 born 2016年6月 (252) and 2021年6月 (254): a real contradiction, twice.
# 254  2胎3崽 against 香香 (2017) and 晓晓、蕾蕾 (2021): 3 cubs in 2 litters -> holds.
# 260  the page repeats paragraph 254 (a duplicate), so its count and 香香's birth also hold there.
#  33  自主性、能举一反三和长期记忆三个特征: three items before the count -> holds.
# 120  在三个维度展开:研发设计、生产制造、运营管理: three items after the count -> holds.
PAGE_EXPECTED = {
    ("CNT001", "verified", 33, "三个 vs 3 items listed"),
    ("CNT001", "verified", 120, "三个 vs 3 items listed"),
    ("TIM001", "verified", 31, "70年 since 1956年"),
    ("GRW001", "verified", 112, "300多倍"),
    ("TIM001", "verified", 112, "一年半 from 2024年初 to 2025年6月底"),
    ("SHR001", "verified", 116, "约80% + 20%"),
    ("SHR001", "verified", 122, "超过40% + 30%至40%"),
    ("CON001", "error", 252, "“晓晓” 出生"),
    ("CON001", "error", 252, "“蕾蕾” 出生"),
    ("CNT001", "verified", 254, "3崽 vs 3 items listed, 2胎 vs 2 dated groups"),
    ("CNT001", "verified", 260, "3崽 vs 3 items listed, 2胎 vs 2 dated groups"),
    ("CON001", "verified", 254, "“香香” 出生 (born) on 2017年6月"),
}


def page_claims(seed_result):
    found = set()
    for kind, items in (("finding", seed_result.findings), ("verified", seed_result.verified)):
        for f in items:
            if f.check[:3] in FAMILIES:
                found.add((f.check, "verified" if kind == "verified" else f.severity, f.locations[0].line_start,
                           f.message))
    return found


def test_every_numeric_statement_of_the_page_is_verified_or_flagged(seed_result):
    found = page_claims(seed_result)
    for check, outcome, line, words in PAGE_EXPECTED:
        assert any(c == check and o == outcome and ln == line and words in msg for c, o, ln, msg in found), \
            (check, outcome, line, words, sorted(found))
    assert len(found) == len(PAGE_EXPECTED), sorted(found)  # and no claim is invented


def test_the_page_contradiction_names_both_statements(seed_result):
    con = [f for f in seed_result.findings if f.check == "CON001"]
    assert len(con) == 2
    for f in con:
        assert {252, 254} <= {loc.line_start for loc in f.locations}
        dates = [s["date"] for s in f.evidence["statements"]]
        assert dates == ["2016年6月", "2021年6月"]


def test_the_page_growth_evidence_says_which_reading_holds(seed_result):
    grw = [f for f in seed_result.verified if f.check == "GRW001"][0]
    assert grw.evidence["readings_that_hold"] == ["to", "by"]
    assert grw.evidence["start"]["surface"] == "1000亿" and grw.evidence["end"]["surface"] == "突破30万亿"
    assert grw.evidence["order"] == "by their times, change «增长N倍»"


def test_page_claims_are_deterministic(seed_result, tmp_path):
    again = execute([str(seed_result.corpus.files[0].path)], Config(select=FAMILIES, data_docs=False))
    ids = sorted(f.id for f in seed_result.findings + seed_result.verified if f.check[:3] in FAMILIES)
    assert ids == sorted(f.id for f in again.findings + again.verified)


# --- growth ------------------------------------------------------------------------------------

@pytest.mark.parametrize("body,expected,words", [
    ("营收从100亿元增长到150亿元，增长50%。", "verified", "Growth holds"),
    ("营收从100亿元增长到150亿元，增长80%。", "error", "does not follow"),
    ("产量从10万吨增加到30万吨，增加了2倍。", "verified", "reading: by"),
    ("产量从10万吨增加到30万吨，增加到3倍。", "verified", "reading: to"),
    ("产量从10万吨增加到30万吨，增加了3倍。", "error", "does not follow"),
    ("产量从10万吨增长到40万吨，增长3倍。", "verified", "reading: by"),
    ("规模从2亿元扩大到8亿元，翻了两番。", "verified", "Growth holds"),
    ("失业率从5.2%降至4.8%，下降0.4个百分点。", "verified", "Growth holds"),
    ("失业率从5.2%降至4.8%，下降0.9个百分点。", "error", "does not follow"),
    ("净利润5.0亿元，比上年增加1.0亿元，增长25%。", "verified", "5.0亿元 - 1.0亿元"),
    ("净利润5.0亿元，比上年增加1.0亿元，增长60%。", "error", "does not follow"),
    ("该公司去年净利润为3.2亿元，较上年同期的2.5亿元增长28%。", "verified", "Growth holds"),
    ("融券余额为724万元，较上周的444.9万元增长60%。", "warning", "does not follow"),
    ("进出口额从2002年的6207.7亿美元增至2011年的36418.6亿美元，年均增长21.7%。", "verified", "Growth holds"),
    ("进出口额从2002年的6207.7亿美元增至2011年的36418.6亿美元，年均增长35%。", "error", "does not follow"),
    ("Sales rose 2% to $11.1bn from $10.9bn.", "verified", "Growth holds"),
    ("Sales rose 9% to $11.1bn from $10.9bn.", "error", "does not follow"),
    ("Borrowing more than doubled to $381 million from $160 million.", "verified", "Growth holds"),
])
def test_growth_forms(tmp_path, body, expected, words):
    found = [o for o in outcomes(run_text(tmp_path, body + "\n")) if o[0] == "GRW001"]
    assert len(found) == 1, found
    assert found[0][1] == expected and words in found[0][2], found


@pytest.mark.parametrize("body", [
    "2025年12月，日均调用量突破50万亿，同比增长超10倍。",  # no base value
    "AI应用比例从2024年的19.9%提升到2025年的25.9%，未来还将提升。",  # a change with no stated rate
    "沪市新开账户12542户，深市新开账户11153户，环比增长16.53%。",  # two values, roles unclear
    "净利润亏损约7000万元至5000万元，同比下降1790.56%至1250.40%。",  # a range, not two values
    "地区生产总值由6.7万亿元增长到8.5万亿元，年均增长6.3%。",  # an annual rate without its years
])
def test_no_growth_claim_is_invented(tmp_path, body):
    assert [o for o in outcomes(run_text(tmp_path, body + "\n")) if o[0] == "GRW001"] == []


# --- shares ------------------------------------------------------------------------------------

@pytest.mark.parametrize("body,expected", [
    ("未来的Token消耗，约80%来自企业，20%来自个人用户。", "verified"),
    ("未来的Token消耗，60%来自企业，45%来自个人用户。", "error"),
    ("未来的Token消耗，55%来自企业，约48%来自个人用户。", "warning"),
    ("资金中30%用于研发，其余50%用于生产。", "error"),
    ("The money: 70% came from donors and 30% came from grants.", "verified"),
])
def test_share_forms(tmp_path, body, expected):
    found = [o for o in outcomes(run_text(tmp_path, body + "\n")) if o[0] == "SHR001"]
    assert len(found) == 1 and found[0][1] == expected, found


def test_shares_of_different_wholes_are_not_a_group(tmp_path):
    body = "177只个股实现上涨，占比86.76%，有128只个股跑赢大盘，占比62.75%。\n"
    assert [o for o in outcomes(run_text(tmp_path, body)) if o[0] == "SHR001"] == []


def test_the_share_storm_is_an_error(tmp_path):
    kinds = "甲乙丙丁戊己庚辛壬癸"
    body = "其中" + "，".join(f"{a}{b}类占50%" for a in kinds for b in kinds) + "。\n"  # 100 categories at 50% each
    found = [f for f in run_text(tmp_path, body).findings if f.check == "SHR001"]
    assert len(found) == 1 and found[0].severity == "error" and "100 parts" in found[0].message
    assert found[0].comparison.stated == 100 and found[0].comparison.computed == 5000


@pytest.mark.parametrize("body,expected", [
    ("Of those homes, satellite made up 47%, Freeview 31% and cable the remaining 22%.", "verified"),
    ("China accounted for 30.6% of the deficit, Japan for 52.4% and the European Union for 38.6%.", "error"),
    ("从业务来源看，约70%的快件来自电商平台，45%来自个人寄递。", "error"),
    ("其中，城镇居民出游人次占比达76.4%，其余13.6%为农村居民出游。", "error"),
    ("从收割方式看，一半以上的麦田由合作社统一收割，三成由种粮大户自主收割，其余由农户委托社会化服务组织完成。",
     "verified"),
    ("上海证券交易所、中国金融期货交易所和德意志交易所集团将按40%、20%和40%的比例分别持有新公司股权。", "verified"),
    ("其中，教育、社会保障和就业、卫生健康支出分别占一般公共预算支出的45.2%、38.6%和21.4%。", "error"),
])
def test_share_families(tmp_path, body, expected):
    found = [o for o in outcomes(run_text(tmp_path, body + "\n")) if o[0] == "SHR001"]
    assert len(found) == 1 and found[0][1] == expected, found


@pytest.mark.parametrize("body,expected", [
    ("Pernod bought a third of Seagram in 2000. The other two-thirds of Seagram was bought by Diageo.", "verified"),
    ("Pernod bought a third of Seagram in 2000. The other 80% of Seagram was bought by Diageo.", "error"),
    ("Only 25% of Britons said a camera would be their top purchase. Almost a quarter, 22%, said they would buy a "
     "phone. Forty-four percent said they would buy something else.", "verified"),
    ("Consolidated TVX said it will acquire 29 pct of CMP, in which TVX already holds a 15 pct interest.", "verified"),
    ("Travel services accounted for 47 pct of the 1986 net, Shearson for 65 pct and IDS for 13 pct.", "error"),
    ("新增外汇占款占增量M2的10%。新增贷款占新增M2比重约66%。银行对企业债净融资占增量M2的24%。", "verified"),
    ("全球布局云游戏的厂商已达152家，其中仅50%在北美，14.5%位于中国。", "verified"),
    ("中国对外投资存量仅占全球的53.4%，不仅低于美国的64.4%，也远低于英国。", "error"),
    ("对下季度房价，31.2%的居民预期“上涨”，46.1%的居民预期“基本不变”，9.6%的居民预期“下降”，"
     "13.1%的居民“看不准”。", "verified"),
    ("张宏伟直接持有东方集团0.52%股份，并通过东方集团实业持有东方集团27.98%股份。", "verified"),
])
def test_shares_as_the_press_states_them(tmp_path, body, expected):
    found = [o for o in outcomes(run_text(tmp_path, body + "\n")) if o[0] == "SHR001"]
    assert len(found) == 1 and found[0][1] == expected, found


def test_parts_carried_over_sentences_make_no_error_unless_they_are_the_rest(tmp_path):
    # two sentences naming one whole may speak of two times: over 100% is no contradiction
    body = "A地区占全国总量的60%。B地区占全国总量的70%。\n"
    assert [o for o in outcomes(run_text(tmp_path, body)) if o[0] == "SHR001"] == []
    # two sentences that each list their own parts stay two groups
    body = "一季度，20.3%的银行家认为宽松，76.2%认为适度。二季度，13.5%的银行家认为宽松，83.4%认为适度。\n"
    assert [o[1] for o in outcomes(run_text(tmp_path, body)) if o[0] == "SHR001"] == ["verified", "verified"]


def test_parts_that_may_overlap_make_no_error(tmp_path):
    body = "目前深沪两市已发布半年度业绩预告数据显示，业绩预增公司占比72%，净利润同比翻番公司占比40%。\n"
    assert [o for o in outcomes(run_text(tmp_path, body)) if o[0] == "SHR001"] == []
    survey = "其中，33.2%的企业认为宏观经济偏冷，64.3%认为正常，2.5%认为偏热。\n"
    assert [o[1] for o in outcomes(run_text(tmp_path, survey)) if o[0] == "SHR001"] == ["verified"]


# --- growth as wires and papers write it, and verbal multiples -----------------------------------

@pytest.mark.parametrize("body,expected", [
    ("Braniff said traffic rose 44 pct, to 210.5 mln revenue passenger miles, from 146.2 mln a year ago.",
     "verified"),
    ("Exports of electrical products fell 12 pct to 9.6 billion U.S. Dlrs last year from 8.6 billion.", "error"),
    ("Spending rose 3.6 billion dlrs, or 1.0 pct, in January to 378.5 billion dlrs.", "verified"),
    ("Imports climbed to $372.1bn, nearly 18% more than the $315.9bn of 2003.", "verified"),
    ("In Turkey, its sales jumped nearly fivefold to 96,340 vehicles from 19,810 in 2003.", "verified"),
    ("Pre-tax profits tripled to $1,842m from $600m.", "verified"),  # x3.07 is a tripling
    ("Pre-tax profits tripled to $2,400m from $600m.", "error"),
    ("股价也由最初的16.62元上涨到72.60元，不到两个月的时间股价涨幅超400%。", "error"),
    ("注册助残志愿者由2018年底的97.4万人增加到188.8万人，几乎翻了一番。", "verified"),
    ("融资买入金额为90.42亿元，比前周增加融资买入19.44亿元，周增幅近三成。", "verified"),
    ("1~4月国有企业利润降幅（-5.7%）比1~2月（-21.5%）收窄15.8个百分点。", "verified"),
    ("2017年度沪市上市公司现金分红总额高达8463亿元，创历史新高。较2016年度的6823亿元增长24%。", "verified"),
    ("今年年初，基金总规模为1109.6亿元，到了今年二季度末，基金总规模已高达1574.8亿元，半年增加了近四成。", "verified"),
    ("今年年初，基金总规模为1109.6亿元，到了今年二季度末，基金总规模已高达1574.8亿元，半年增加了近七成。", "error"),
    ("去年12月末，贷款余额为100亿元，3月末为120亿元，增长20%。", "verified"),
    ("2013年解禁股数为4392亿股，2012年为1528亿股，2013年比2012年增加2864亿股，为2012年的2.87倍。", "verified"),
    ("金浦钛业预计2013年每股收益为0.37元，同比增长1750%(2012年每股收益为0.02元)。", "verified"),
    ("上证指数收报2400点，上涨400点，涨幅20%。", "verified"),
    ("上证指数收报2400点，上涨400点，涨幅30%。", "error"),
    ("该指数本周累计上涨5.2%，报收于2400点，上周末收于2281.4点。", "verified"),
    ("CPI同比上涨2.1%，较前值回落0.3个百分点，前值为2.4%。", "verified"),
    ("今年毛利率为25%，比上年的20%高出5个百分点。", "verified"),
    ("中邮基金以80.38%的回报率，领先以74.26%的回报率位列第二名的基金6.12个百分点。", "verified"),
    ("利率从2.8%降至1.87%，下降93个基点。", "verified"),
    ("解禁市值比前一周的612.58亿元，减少了420.97亿元，减少幅度为68.72%。", "verified"),
    ("公司全年营收为120亿元。同比增长20%，上年同期为100亿元。", "verified"),
    ("公司营收120亿元，增长20%；去年同期为100亿元。", "verified"),
    ("2015年公司营收为100亿元。2016年，公司营收增至150亿元，增长20%。", "error"),
    ("融资余额由100亿元增至120亿元，增加20亿元。", "verified"),
    ("融资余额由100亿元增至130亿元，增加20亿元。", "error"),
    ("Output in February was estimated at 16.6 mln bpd, up 500,000 bpd from 16.1 mln bpd in January.", "verified"),
    ("M-1 money supply rose 4.1 billion dlrs to 736.2 billion dlrs from 734.1 billion dlrs.", "error"),
    ("Shares in Bombardier lost 65 Canadian cents or 25% on the news to 1.90 Canadian dollars before rallying to "
     "2.20 Canadian dollars.", "verified"),
    ("Sales dropped 41 mln dlrs, or 8.3 pct, from 491 mln dlrs.", "verified"),
    ("The trade deficit narrowed 22 pct to 3.2 billion dlrs in February from 4.1 billion dlrs in January.", "verified"),
    ("Stocks of wheat were 1.8 billion bushels on March 1, down 12 pct from 2.05 billion a year ago.", "verified"),
    ("Net income rose 20 pct to 1.2 mln dlrs, or 30 cts a share, from 1.0 mln dlrs, or 25 cts a share.", "verified"),
    ("The company's revenue of 120 mln dlrs was up 20 pct over the 100 mln dlrs of 1985.", "verified"),
    ("Cake sales were 785 dlrs for May and 753 dlrs for Aug. Exports climbed 24.3% from 129.3 million dlrs to "
     "160.7 million dlrs.", "verified"),
    ("一季度新房成交3000套，同比2017年一季度的4000套，跌幅达25%。", "verified"),
    ("本月成交均价为4.20万元/平方米，环比上月的4.00万元/平方米上涨了5%。", "verified"),
    ("本月成交均价为4.20万元/平方米，环比上月的4.00万元/平方米上涨了8%。", "error"),
    ("本周解禁股数量比前一周20家公司的40亿股增加了4亿股，增加幅度为10%。", "verified"),
    ("沪市日均新开账户数为5000户，环比减少5000户，降幅为50%。", "verified"),
    ("国内增值税预算数为20000亿元，比上年执行数减少1000亿元，下降4.8%。", "verified"),
    ("营收100亿元增至120亿元，增长20%。", "verified"),
    ("深证成指报10300点，涨300点，涨幅3%。", "verified"),
    ("沪指下跌30点，报3000点，跌幅0.99%。", "verified"),
    ("2013年合计解禁市值为3000亿元。2012年合计解禁市值为1000亿元。2013年解禁市值是2012年的3倍。", "verified"),
    ("今年全国粮食产量为6.12亿吨，为1978年的2倍，1978年全国粮食产量为3.05亿吨。", "verified"),
    ("今年全国粮食产量为6.12亿吨，为1978年的3倍，1978年全国粮食产量为3.05亿吨。", "error"),
    ("今年上半年，公司营收达到120亿元。而去年同期为100亿元，同比增长20%。", "verified"),
    ("2012年，公司营收为100亿元。2013年，这一数字增至120亿元，增长20%。", "verified"),
    ("Sales rose 20 pct, or 20 mln dlrs, to 120 mln dlrs.", "verified"),
    ("Sales rose 30 pct, or 20 mln dlrs, to 120 mln dlrs.", "error"),
    ("Imports rose 20 pct in January to 1.2 billion dlrs, after 1.0 billion in December.", "verified"),
    ("Sales rose a seasonally adjusted 20 pct in February to 120 mln dlrs from 100 mln dlrs.", "verified"),
    ("Sales, rising 20% to $1.2bn from $1bn, beat forecasts.", "verified"),
    ("Sales slid 20% to $0.8bn from $1bn.", "verified"),
    ("Sales slid 40% to $0.8bn from $1.0bn.", "error"),
    ("Sales were $1.2bn, 20% up on last year's $1bn.", "verified"),
    ("Sales were $1.2bn, a 20% year-on-year rise from $1bn.", "verified"),
    ("总市值由1.00万亿元降至0.80万亿元，蒸发20%。", "verified"),
    ("营收由100亿元增至120亿元，同比增长达到20%。", "verified"),
    ("营收由100亿元增至120亿元，同比增长达到30%。", "error"),
    ("出口金额由1950亿美元上升至2174亿美元，上升幅度较上年同期超过10%。", "verified"),
    ("营收由100亿元增至120亿元，实现了20%的同比增长。", "verified"),
    ("营收由100亿元增至120亿元，同比实现翻番。", "error"),
    ("2016年公司实现净利润12亿元，每股收益0.5元，较上年同期的10亿元增长20%。", "verified"),
    ("截至3月末，公司总资产为1200亿元，较年初的1000亿元增长20%，其中贷款余额为600亿元。", "verified"),
    ("深市成交额为1200亿元，沪市成交额为800亿元，两市合计2000亿元，较上一交易日的1600亿元增长25%。", "verified"),
    ("深市成交额为1200亿元，沪市成交额为800亿元，两市合计2000亿元，较上一交易日的1600亿元增长35%。", "error"),
    ("两市合计成交2000亿元，较上一交易日放量400亿元，增幅25%。", "verified"),
    ("全年规模以上工业增加值为12万亿元，按现价计算，比上年增长20%，上年为10万亿元。", "verified"),
    ("截至7月末，未到期售汇284亿元；全市粮食产量达到3175.2万吨，是上年705.6万吨的2倍。", "error"),
    # a base stated apart pairs with the change of its period (上月 with 环比, 去年同期 with 同比)
    ("本月二手房成交量为1.52万套，环比上涨18.8%，同比下降5.6%，上月成交量为1.28万套。", "verified"),
    ("本月二手房成交量为1.52万套，环比上涨28.8%，同比下降5.6%，上月成交量为1.28万套。", "error"),
    ("本月二手房成交量为1.52万套，同比下降5.6%，环比上涨18.8%，去年同期为1.61万套。", "verified"),
    ("3月份全市新建商品住宅成交1.26万套，环比增长42.3%，上月为8856套。", "verified"),
    ("居民消费价格同比涨幅由上月的2.8%回落至2.1%，回落1.5个百分点。", "error"),
    ("上半年国内生产总值同比增长5.5%，比一季度加快1.0个百分点，一季度增长4.5%。", "verified"),
    ("出口同比增长2.5%，比上月加快3.6个百分点，上月下降3.1%。", "error"),
    ("截至6月30日，该基金规模为125.6亿元，而去年底为98.3亿元，半年间增长了27.8%。", "verified"),
    ("存款余额为5.62万亿元，较年初增长8.5%，比年初增加4400亿元。", "verified"),
    ("进出口总值16.77万亿元，同比增长4.7%，比去年同期的16.02万亿元多了7500亿元。", "verified"),
    ("税收收入同比增长8.7%，达到17.6万亿元，比上年多收2.4万亿元。", "error"),
    ("粮食产量连续8年稳定在1.3万亿斤以上，2022年达到1.37万亿斤，比2012年增加1200亿斤，增长9.6%。", "verified"),
    ("本周两融余额为9132.5亿元，较上周的9010.8亿元增加221.7亿元。", "error"),
    ("总营收由2016年的20.5亿元增至2018年的36.7亿元，复合增长率达33.8%。", "verified"),
    ("地区生产总值从2015年的8230亿元增至2020年的12450亿元，年均增长10.6%。", "error"),
    ("Exports grew to £310.3m in 2013 from £251.6m in 2009, an annual rate of 5.4 per cent.", "verified"),
    ("Shares plunged 41% to 142p from 206p.", "error"),
    ("Net profit was 12.3 mln dlrs versus a year-earlier 10.1 mln dlrs, a gain of 21.8 pct.", "verified"),
    ("Sales were up 11.7% to 1.91 million cars compared with a year earlier's 1.71 million.", "verified"),
    ("2021年，社会消费品零售总额达到44.1万亿元，比2019年增长18.0%，2019年为40.8万亿元。", "error"),
    ("重仓该股的基金从去年三季度的58只猛增到去年底的336只，重仓基金个数增长4.8倍。", "verified"),
    ("该基金净值由1.52元回撤至1.31元，回撤23.8%。", "error"),
    ("Sales skidded 32% to $880m from $1.0bn.", "error"),
])
def test_growth_families(tmp_path, body, expected):
    found = [o for o in outcomes(run_text(tmp_path, body + "\n")) if o[0] == "GRW001"]
    # (one claim, or two when a rate and the amount beside its start are both stated: 同比增长X%，比去年同期的A多了D)
    assert 1 <= len(found) <= 2 and {o[1] for o in found} == {expected}, found


@pytest.mark.parametrize("body", [
    "产业链上游环节中，公司实现营业收入176.12亿元，同比增长13.16%，实现归母净利润24.41亿元，同比增长35.53%。",
    "宝新能源表示，募投项目达产后将新增装机容量200万千瓦，比公司目前总装机容量151.80万千瓦大幅提高132%。",
    "BP put production at 3.997 billion barrels, up 10% on 2003, but slightly lower than the four billion barrels "
    "it had expected.",
    "冀中能源预计今年1至6月实现净利5.2亿元至5.8亿元，暴涨56倍到62倍，逼近2013年同期的7.9亿元。",
    # a real rate (net of prices) on values in current prices, and a rate between a loss and a profit
    "全年规模以上工业增加值为12万亿元，按可比价格计算，比上年增长20%，上年为10万亿元。",
    "公司净利润1.35亿元，上年同期亏损0.87亿元，同比增长255%。",
])
def test_open_roles_make_no_growth_claim(tmp_path, body):
    assert [o for o in outcomes(run_text(tmp_path, body + "\n")) if o[0] == "GRW001"] == []


@pytest.mark.parametrize("body", [
    "攀钢钒钛一季度实现净利润5.26亿元，同比增长343.81%，而去年为168.60万元。",  # a year's base for a quarter
    "今年上半年营收120亿元，去年全年营收100亿元，增长20%。",  # a part year against a whole year
    "公司营收为100亿元，净利润同比增长20%(2016年为120亿元)。",  # a bracket dating no earlier year
    "2015年公司营收为100亿元。2016年，公司净利润增至150亿元，增长20%。",  # two measures in two sentences
    "融资余额由100亿元增至130亿元，其中融资买入增加20亿元。",  # an amount with a subject of its own
    "全年再减少企业税负3500亿元，并提出年应纳税所得额上限由30万元提高到50万元。",  # an amount of another clause
    "在2016年之前上市的492家公司中，23家公司上市后净利润复合增长率超50%。",
    "营收和净利润分别为120亿元和24亿元，同比分别增长20%和30%。",  # lists with no base
    "2019年净利润为10亿元。今年营收为120亿元，比2019年增长20%。",  # the year's value is of another measure
    "存款余额为12万亿元，同比增长20%，比年初增加2万亿元。",  # the amount is against another base than the rate
    "Sales rose 20 pct to 1.2 billion dlrs after a 1.0 billion dlrs charge.",  # after: not the period before
    "营收为120亿元，增幅较上年提高2%，上年为100亿元。",  # a change of the rate, not of the value
])
def test_no_growth_claim_from_words_that_do_not_fix_the_roles(tmp_path, body):
    assert [o for o in outcomes(run_text(tmp_path, body + "\n")) if o[0] == "GRW001"] == []


def test_lists_of_values_with_their_nouns_are_paired(tmp_path):
    body = ("Shipments and profits rose 11.8 per cent and 38.4 per cent, respectively, to 791.7 million units and "
            "1134.0 million units from 708.3 million units and 819.4 million units.\n")
    found = [o for o in outcomes(run_text(tmp_path, body)) if o[0] == "GRW001"]
    assert [o[1] for o in found] == ["verified", "verified"], found


def test_a_quotation_ends_its_sentence(tmp_path):
    body = ('He said: "If my bill goes over £50 a month I want to know, not when it hits £750." Net profit and sales '
            "rose 50.8 per cent and 50.5 per cent, respectively, to £192.9m and £847.3m from £127.9m and £562.9m.\n")
    found = [o for o in outcomes(run_text(tmp_path, body)) if o[0] == "GRW001"]
    assert [o[1] for o in found] == ["verified", "verified"], found


def test_lists_are_paired_in_order(tmp_path):
    body = ("该板块全周融资买入金额分别为33.84亿元和96.05亿元，比前周增加融资买入6.87亿元和12.80亿元，"
            "周增幅分别达25.48%和15.38%。\n")
    found = [o for o in outcomes(run_text(tmp_path, body)) if o[0] == "GRW001"]
    assert [o[1] for o in found] == ["verified", "verified"], found
    wrong = body.replace("15.38%", "25.38%")
    assert sorted(o[1] for o in outcomes(run_text(tmp_path, wrong)) if o[0] == "GRW001") == ["error", "verified"]
    points = "毛利率为28.4%，净利润率为9.66%，较2014年同期的32.92%与11.31%分别下滑4.52个百分点和1.65个百分点。\n"
    assert [o[1] for o in outcomes(run_text(tmp_path, points)) if o[0] == "GRW001"] == ["verified", "verified"]
    assert [o for o in outcomes(run_text(tmp_path, points)) if o[0] == "SHR001"] == []  # rates, not parts


def test_findings_carry_what_the_report_plots(tmp_path):
    result = run_text(tmp_path, "营收从100亿元增长到150亿元，增长80%。\n")
    [f] = [f for f in result.findings if f.check == "GRW001"]
    assert (f.comparison.stated, round(f.comparison.computed, 6), f.comparison.unit) == (80, 50, "%")


# --- elapsed time and periods ------------------------------------------------------------------

def test_elapsed_time_uses_the_article_date(tmp_path):
    good = outcomes(run_article(tmp_path, "自1956年达特茅斯会议以来，人工智能已走过70年历程。", "2026-01-28"))
    assert [(c, o) for c, o, _ in good if c == "TIM001"] == [("TIM001", "verified")]
    bad = run_article(tmp_path, "自1956年达特茅斯会议以来，人工智能已走过60年历程。", "2026-01-28")
    tim = [f for f in bad.findings if f.check == "TIM001"]
    assert len(tim) == 1 and "article's date" in tim[0].evidence["year_source"]


def test_elapsed_time_uses_the_year_option_and_else_makes_no_claim(tmp_path):
    body = "自1956年达特茅斯会议以来，人工智能已走过60年历程。"
    assert [o for o in outcomes(run_article(tmp_path, body)) if o[0] == "TIM001"] == []
    flagged = run_article(tmp_path, body, rules={"TIM001": {"year": 2026}})
    tim = [f for f in flagged.findings if f.check == "TIM001"]
    assert len(tim) == 1 and "configured year" in tim[0].evidence["year_source"]


def test_a_period_that_its_dates_contradict(tmp_path):
    body = ("2020年初全国销量100万辆，而截至2025年底，全国销量突破300万辆。一年时间增长2倍。\n")
    tim = [o for o in outcomes(run_text(tmp_path, body)) if o[0] == "TIM001"]
    assert len(tim) == 1 and tim[0][1] == "error" and "Period does not match" in tim[0][2]


# --- contradictions and counts -----------------------------------------------------------------

def test_one_fact_with_two_values_across_paragraphs(tmp_path):
    body = ("大熊猫“小米”于2016年6月出生在成都。\n\n基地先后繁育了2018年3月出生的“小米”和“大米”。\n")
    con = [f for f in run_text(tmp_path, body).findings if f.check == "CON001"]
    assert len(con) == 1 and len(con[0].locations) == 2
    assert "2016年6月 vs 2018年3月" in con[0].message


def test_a_fact_stated_twice_alike_is_verified(tmp_path):
    body = "大熊猫“小米”于2016年6月出生。\n\n2016年6月出生的“小米”很受欢迎。\n"
    assert [(c, o) for c, o, _ in outcomes(run_text(tmp_path, body)) if c == "CON001"] == [("CON001", "verified")]


@pytest.mark.parametrize("body,expected", [
    ("基地先后繁育3崽，分别为“甲甲”“乙乙”和“丙丙”。", "verified"),
    ("基地先后繁育3崽，分别为“甲甲”和“乙乙”。", "error"),
    ("先后成功繁育成活2胎3崽，分别为2017年6月出生的“香香”和2021年6月出生的“晓晓”“蕾蕾”。", "verified"),
    ("先后成功繁育成活3胎3崽，分别为2017年6月出生的“香香”和2021年6月出生的“晓晓”“蕾蕾”。", "error"),
])
def test_count_forms(tmp_path, body, expected):
    found = [o for o in outcomes(run_text(tmp_path, body + "\n")) if o[0] == "CNT001"]
    assert len(found) == 1 and found[0][1] == expected, found


def test_verified_evidence_is_plain_json(seed_result):
    for f in seed_result.verified:
        json.dumps(f.evidence, allow_nan=False)
