"""Share groups: which percentages of a paragraph are parts of one whole, whether they must fit in 100%, and what
SHR001 concludes. Sentences written for these tests (no corpus text)."""
from __future__ import annotations

import pytest

from checks.extract.claims import ShareClaim, paragraph_claims
from checks.rules.shares import check_shares


def groups(text: str) -> list[ShareClaim]:
    return [c for c in paragraph_claims(text) if isinstance(c, ShareClaim)]


def surfaces(text: str) -> list[list[str]]:
    return [[p.share.surface for p in c.parts] for c in groups(text)]


def outcome(text: str) -> str:
    """What SHR001 says of the paragraph's one group: its outcome when the parts must fit, else 'overlap'."""
    (claim,) = groups(text)
    result, _ = check_shares(claim.parts, claim.rest_unstated)
    return result if claim.exclusive or result == "holds" else "overlap"


def test_of_which_makes_the_figure_before_the_whole():
    ok = "Exports totalled 5 bln dlrs, of which 40 pct went to the U.S., 25 pct to Japan and 20 pct to Europe."
    bad = "Exports totalled 5 bln dlrs, of which 60 pct went to the U.S., 25 pct to Japan and 30 pct to Europe."
    assert outcome(ok) == "holds"
    assert outcome(bad) == "exceeds"


def test_a_sentence_opening_with_its_whole_frames_overlapping_answers():
    assert surfaces("Of the 22 million owners, 59% are men and 41% are women.") == [["59%", "41%"]]
    # attributes of one population may overlap: no error however they add up
    assert outcome("Of the 400 workers, 60% have degrees and 45% are women.") == "overlap"


def test_another_and_a_further_continue_the_whole():
    assert surfaces("Some 17% of readers have switched and a further 16% are thinking of it.") == [["Some 17%", "16%"]]
    assert outcome("Cars accounted for 60% of sales, and another 55% came from trucks.") == "exceeds"


def test_financed_by_parts_are_exclusive():
    assert outcome("The deficit was financed 90 pct by central bank credit and 10 pct by bonds.") == "holds"
    assert outcome("The deficit was financed 90 pct by central bank credit and 30 pct by bonds.") == "exceeds"


def test_holdings_named_by_owner_may_be_of_different_companies():
    assert outcome("Beta, 51 pct owned by Alpha, and Gamma, 60 pct owned by Alpha, both lost money.") == "overlap"


def test_a_rest_named_with_a_verb_leaves_room():
    text = "Oil accounts for 60% of exports, gas for 45% and the remainder comes from farm goods."
    (claim,) = groups(text)
    assert claim.rest_unstated
    assert outcome(text) == "exceeds"


def test_poll_answers_are_parts_that_may_overlap():
    assert surfaces("The poll found 48% in favour, 45% against and 7% undecided.") == [["48%", "45%", "7%"]]
    assert groups("The dollar has fallen by 50% against the euro and by 30% against the yen.") == []


def test_answers_with_the_rest_named_split_the_respondents():
    assert outcome("Of the 400 people polled, 55% backed the plan, 30% opposed it and the rest were undecided.") \
        == "holds"
    assert outcome("Of the 400 people polled, 65% backed the plan, 40% opposed it and the rest were undecided.") \
        == "exceeds"
    assert outcome("在受访者中，约六成选择储蓄，近三成选择投资，其余的则选择消费。") == "holds"


def test_answers_past_the_whole_restart_with_the_sentences_that_fit():
    text = ("Cameras were the gadget of the year, with nearly 40% choosing one. However, only 25% said a camera "
            "would be their next purchase. Almost a quarter, 22%, said they would buy a phone. Forty-four percent "
            "said they would buy something else.")
    assert surfaces(text) == [["25%", "22%", "Forty-four percent"]]


@pytest.mark.parametrize("text", [
    "About 40 pct of the 1986 subsidies and 33 pct in 1985 went to state firms.",  # another year
    "Only 16% of women earn more than 50,000 pounds, compared with 30% of men.",  # two named wholes
    "In 2003 only 40% of messages were spam. But by the end of 2004, almost three-quarters of messages were junk.",
    "About 60% of adults used to smoke and 45% used to drink.",  # a habit, not where a part goes
])
def test_figures_of_other_wholes_or_times_make_no_group_that_must_fit(text):
    assert all(not c.exclusive for c in groups(text))
    assert not any(len(c.parts) > 1 and c.exclusive for c in groups(text))


def test_a_list_of_names_with_their_figures_needs_a_word_of_shares():
    assert surfaces("Alpha led the market with 40%, followed by Beta with 25% and Gamma with 15%.") == \
        [["40%", "25%", "15%"]]
    assert groups("The North had the highest inflation at 6.2%, followed by the East on 5.7%, and the West on 5.1%.") \
        == []


def test_many_parts_of_one_whole_at_half_each_are_an_error_in_both_languages():
    names = [a + b for a in "ABCDEFG" for b in "abcde"]
    en = "Group Aa accounted for 50% of sales, " + ", ".join(f"{n} for 50%" for n in names) + "."
    zh = "其中" + "，".join(f"{a}{b}类占50%" for a in "甲乙丙丁戊己庚辛壬癸" for b in "甲乙丙丁戊") + "。"
    assert outcome(en) == "exceeds"
    assert outcome(zh) == "exceeds"


def test_chinese_list_named_as_parts_of_a_total():
    assert surfaces("三类产品的收入分别为总收入的45%、30%和25%。") == [["45%", "30%", "25%"]]
    assert groups("两地职工工资分别为全国平均水平的80%和90%。") == []


@pytest.mark.parametrize("text", [
    "2021年、2022年、2023年，公司研发投入占营业收入比重分别为8.2%、8.4%、11.5%。",  # one share at three times
    "该公司占国内测试设备市场的6.1%，其中高端设备市场占有率为40.1%。",  # 其中: a part of the first part
    "In 2003 and 2004, exports took 40% and 45% of output, respectively.",
    "Asia accounted for 40% of sales, of which China made up 25%.",
])
def test_times_listed_and_parts_of_a_part_are_no_group(text):
    assert groups(text) == []


def test_a_breakdown_by_one_dimension_frames_its_parts():
    assert outcome("按地区划分，东部地区占比52%，中西部地区占比38%，东北地区占比10%。") == "holds"
    assert outcome("从收入结构看，国内业务占比60%，海外业务占比50%。") == "exceeds"
    assert outcome("从数据看，制造业占比30%，服务业占比80%。") == "overlap"  # no dimension named: may be two wholes


# --- session 3: wholes that must not be summed, times, sentences, new families -----------------------------------------

@pytest.mark.parametrize("text", [
    "该市出口额占全省出口的62.4%，进口额占全省进口的58.3%。",  # exports and imports: two wholes
    "其中，沪市9.06亿股，占沪市限售股总数0.39%，深市2.9亿股，占深市限售股总数0.12%。",  # each market its own total
    "Services accounted for 78% of output and 83% of employment last year.",  # one part of two wholes
    "Exports made up 31% of GDP, while imports accounted for 76% of domestic demand.",
    "In 2003 the unit accounted for 40% of sales. In 2004 it accounted for 45% of sales.",  # one part at two times
])
def test_parts_of_different_wholes_or_times_are_not_summed(text):
    assert not [c for c in groups(text) if len(c.parts) > 1 and check_shares(c.parts)[0] != "holds"]


def test_a_year_in_the_first_part_s_clause_dates_the_whole_list():
    text = "Sales in Europe accounted for 51% of the group's revenue in 2023, while North America accounted for 33% and Asia for 19%."
    assert outcome(text) == "exceeds"


def test_qichong_after_an_amount_makes_the_amount_the_whole():
    assert outcome("今年前三季度，全省新能源汽车销量为8.3万辆，其中纯电动车型占72.5%、插电混动车型占31.5%。") == "exceeds"
    assert outcome("今年前三季度，全省新能源汽车销量为8.3万辆，其中纯电动车型占68.5%、插电混动车型占31.5%。") == "holds"


def test_kinds_listed_before_fenbie_are_exclusive():
    assert outcome("上半年，该市第一、二、三产业增加值分别占地区生产总值的8.2%、41.7%和55.1%。") == "exceeds"
    assert outcome("截至9月末，个人住房贷款、经营贷款和消费贷款余额占全部个人贷款的比重依次为61.3%、32.5%和16.2%。") == "exceeds"
    assert outcome("在国内平板电脑市场，华辰以48.5%的市场份额位居第一，远拓和星河的市场份额分别为31.3%和27.6%。") == "exceeds"


def test_a_measure_ranked_across_categories_is_not_a_division():
    text = "从企业类别看，商业一类企业混合程度最高，户数占比达73.6%，商业二类企业次之，占比为62.6%，公益类企业最低，占比为31.1%。"
    assert outcome(text) == "overlap"


def test_a_total_or_a_new_frame_starts_another_group():
    text = "在DRAM市场，韩国厂商合计享有75%的份额，其中三星独享46%的市场份额；在NAND市场，日韩厂商合计享有89%的份额。"
    assert not [c for c in groups(text) if check_shares(c.parts)[0] != "holds"]
    assert outcome("按行业划分，制造业公司占比达58.8%，信息技术业公司占比26.3%，金融业和房地产业公司合计占比约21%。") == "exceeds"


def test_split_between_and_the_majority():
    assert outcome("Revenue was split 55% to 45% between the domestic and export markets.") == "holds"
    assert outcome("Its output was split 65% to 45% between cars and vans last year.") == "exceeds"
    assert not groups("Forecasts were split 3% to 5% higher across the sector.")
    assert outcome("The vote was split between Mr Hale (48%) and Ms Moreno (47%).") == "holds"
    assert outcome("The majority of the company's sales came from Europe, and 55% came from the United States.") == "exceeds"


def test_parts_go_on_over_sentences_and_are_only_checked_to_fit():
    text = ("Sales in Britain made up 45% of the total last year. Germany accounted for 20%. France contributed 15%, "
            "and the remaining 20% came from other markets.")
    assert surfaces(text) == [["45%", "20%", "15%", "20%"]]
    short = text.replace("remaining 20%", "remaining 10%")
    assert outcome(short) == "overlap"  # the rest of which whole is stated over sentences: no error
    far = ("Travel services accounted for 40% of the firm's profit last year. The unit opened ten branches in May. "
           "Insurance accounted for 35% of the profit, the firm said.")
    assert surfaces(far) == [["40%", "35%"]]


def test_one_part_and_a_rest_without_figure_is_a_group():
    assert surfaces("其中，约六成票房来自三四线城市，其余来自一二线城市。") == [["约六成"]]
    assert outcome("About 60% of the money came from donors and the rest from the state.") == "holds"


def test_framed_labels_with_wei():
    assert outcome("按地区分，东部地区约为52%，中部地区为36%，西部地区为22%。") == "exceeds"
    assert outcome("在全部新增贷款中，企业贷款为62%，住户贷款为58%。") == "overlap"
    assert not groups("在上市公司中，平均资产负债率为60%，毛利率为45%。")


def test_a_ratio_of_parts_adding_up_to_its_whole_is_a_group():
    assert surfaces("主板、中小板、创业板公司权重占比为42:39:19。") == [["42", "39", "19"]]
    assert outcome("双方按7:3的比例分配收益。") == "holds"
    (claim,) = groups("Profits will be split 60:40 between the two partners.")
    assert [p.share.value for p in claim.parts] == [60, 40] and claim.exclusive
    # a ratio of any total named as one right at it, and one set against it in the sentence
    assert [[p.share.value for p in c.parts] for c in groups("全球A业务和B业务的比值约为９∶１，而我国目前在３∶１左右。")] == [
        [90, 10], [75, 25]]
    assert [p.share.value for p in groups("两者之比为3:2。")[0].parts] == [60, 40]
    # a score, a clock time, or terms of another total not named a ratio: no group
    for text in ("主队以3:1战胜客队，比分为3:1。", "Trading opens at 9:30.", "权重占比调整为3:2。"):
        assert groups(text) == [], text
    assert surfaces("比例为3:1，比赛于10:30开始。") == [["3", "1"]]  # (the time is set against nothing)


def test_two_lists_in_one_sentence_are_two_groups_unless_they_name_one_whole():
    text = "年内A、B、C和D募资规模占比分别为52.82%、21.73%、1.22%和24.23%，而在2018年，A、B、C和D募资规模占比分别为77.26%、8.06%、1.93%和12.76%。"
    assert surfaces(text) == [["52.82%", "21.73%", "1.22%", "24.23%"], ["77.26%", "8.06%", "1.93%", "12.76%"]]
    same = "教育、卫生支出分别占一般公共预算支出的45.2%和38.6%，社保、住房支出分别占一般公共预算支出的20.1%和10.3%。"
    assert outcome(same) == "exceeds"


def test_parts_in_brackets_after_the_first_are_of_its_whole():
    assert surfaces("中国拥有的新药研发企业数量占全球5%（美国47%，英国6%）。") == [["5%", "47%", "6%"]]
    # each country's figure may be of its own whole (its own GDP): checked only when they fit
    assert outcome("中国出口占GDP的20%（德国47%，荷兰80%）。") == "overlap"
    assert groups("中国出口占全球的15%（其中机电产品占8%）。") == []  # a part of the part
    assert groups("中国出口占全球的15%（去年为13%）。") == []  # the same share another year


def test_answers_to_a_question_taking_several_answers_never_exceed():
    one = "In the poll, 65% said cost mattered, 48% said quality, and the rest were undecided."
    several = "In the poll, where people could choose more than one answer, " + one[13:]
    assert outcome(one) == "exceeds"
    assert outcome(several) == "overlap"
    assert outcome("调查显示，65%的受访者选择储蓄，58%选择理财产品，其余选择股票（可多选）。") == "overlap"


def test_a_figure_restating_a_part_is_no_new_part():
    assert groups("长三角民营企业进出口占长三角外贸总值的半壁江山，达到53.7%。") == []


def test_fractions_in_words_and_survey_answers_after_a_short_noun():
    assert surfaces("在全部受访企业中，过半企业表示订单增加，近三成表示持平，其余企业表示减少。") == [["过半", "近三成"]]
    assert surfaces("Three in ten people said they were happy, while one in five said they were not.") == [
        ["Three in ten", "one in five"]]
    assert outcome("该公司在国内市场的份额约为三成半，竞争对手占两成。") == "holds"


def test_levels_of_an_index_or_a_rate_under_a_frame_are_no_parts():
    for text in ("从企业规模看，大型企业PMI为51.1%，中型企业为50.8%，小型企业为50.6%。",
                 "从涨幅看，电子为62%，医药为58%。",
                 "从地区看，东部地区65%的企业实现盈利，中部地区58%的企业实现盈利。",
                 "从企业规模来看，大型企业高于50%；中型企业位于50%；小微型企业低于50%。"):
        assert not any(c.exclusive and check_shares(c.parts)[0] != "holds" for c in groups(text)), text
    assert outcome("从资金来源看，财政资金为35%，银行贷款为40%，自筹资金为25%。") == "holds"


def test_bare_figures_under_a_frame_are_checked_only_when_they_fit():
    assert surfaces("全年销量中，线上渠道42%，线下渠道58%。") == [["42%", "58%"]]
    assert surfaces("受访者的回答是：满意45%，一般35%，不满意20%。") == [["45%", "35%", "20%"]]
    assert outcome("全年销量中，线上渠道62%，线下渠道58%。") == "overlap"


def test_a_rest_named_by_what_it_is_used_for_leaves_room():
    (claim,) = groups("上述资金中，用于研发的占45%，用于营销的占30%，其余用于补充流动资金。")
    assert claim.rest_unstated and claim.exclusive
    assert outcome("上述资金中，用于研发的占70%，用于营销的占35%，其余用于补充流动资金。") == "exceeds"


def test_answers_for_and_against_one_question_must_fit():
    ok = "In the poll, 44% of adults said they approved of the plan while 51% said they disapproved."
    bad = "In the poll, 63% of adults said they approved of the plan while 48% said they disapproved."
    assert outcome(ok) == "holds"
    assert outcome(bad) == "exceeds"
    assert outcome("In the referendum, 52% voted to leave and 51% voted to remain.") == "exceeds"
    # answers to two questions, neither for nor against the other: they may overlap
    assert outcome("Some 72% said they cut back on heating and 58% said they ate less.") == "overlap"


def test_an_initial_s_full_stop_inside_the_respondents():
    assert surfaces("About 47 percent of U.S. adults say they approve, while 52 percent disapprove.") == [
        ["About 47 percent", "52 percent"]]


def test_votes_of_one_election_are_exclusive_whatever_counts_precede_them():
    assert outcome("Ms Lind won 54.2% of the vote to 43.1% for Mr Berg, official results showed.") == "holds"
    assert outcome("Mr Berg won 51.3% of the vote to 52.6% for Ms Lind.") == "exceeds"
    assert outcome("Labour won 412 seats with 33.7% of the vote, and the Conservatives 121 seats with 73.7% "
                   "of the vote.") == "exceeds"
    assert groups("Margins rose 3% to 12% for the full year.") == []


def test_names_ranked_on_one_market_share_are_exclusive():
    assert outcome("Boeing holds a 61% share of the market, followed by Airbus with 45% and Embraer with 5%.") \
        == "exceeds"
    assert outcome("Samsung held a 22% share of the market, followed by Apple with 17% and Xiaomi with 13%.") == "holds"


def test_names_each_with_a_bracketed_figure_after_came_from():
    assert outcome("Electricity came from gas (41%), coal (33%) and wind (21%) last year.") == "holds"
    assert outcome("Electricity came from gas (41%), coal (33%) and wind (31%) last year.") == "exceeds"


@pytest.mark.parametrize("text", [
    "Exports to China made up 27% of the total this year, compared with 31% last year and 35% in 2022.",
    "Online sales made up 38% of the total, up from 30% a year earlier.",  # the same share at another time
    "Investors who hold more than 50% must disclose their stakes, and those with more than 75% can delist the company.",
    "The company and its rival own 70% and 65% stakes in their respective joint ventures.",
])
def test_a_share_at_another_time_a_rule_s_threshold_and_respective_wholes_make_no_group(text):
    assert all(len(c.parts) < 2 for c in groups(text))


def test_a_whole_restricted_to_another_place_is_another_whole():
    assert all(len(c.parts) < 2 for c in groups(
        "Some 70% of the cars sold in Britain came from Europe, while 80% of the cars sold in France came from Asia."))
    assert all(len(c.parts) < 2 for c in groups(
        "About 70% of the cars sold in Britain came from Europe, while 80% of those sold in France came from Asia."))


def test_names_in_a_whole_the_sentence_opens_with_and_a_poll_s_standings():
    assert outcome("Of the votes counted, Ruto had 50.5% and Odinga 48.8%, the commission said.") == "holds"
    assert outcome("Of the votes counted, Ruto had 50.5% and Odinga 58.8%, the commission said.") == "exceeds"
    assert outcome("The poll put support for the Conservatives at 34%, Labour at 41% and Reform at 27%.") == "exceeds"


@pytest.mark.parametrize("text", [
    "He won 52% of the vote in Ohio and 58% in Indiana.",  # two states' votes
    "Biden won 51.3% of the vote to 46.8% for Trump in 2020, and Trump won 49.8% to 48.3% for Harris in 2024.",
    "Of the votes counted, Ruto had 50.5%, with turnout at 65%.",  # a rate, no name of the list
    "Apple led the market with 25%, followed by Samsung with 20%; sales rose 12%, led by India with 70%.",
    "In the poll, 41% approved, while 55% disapproved and 62% said the country was on the wrong track.",
    # a holding with no whole of its own is not made exclusive by another part's whole
    "The group, which is 49 pct owned by Nestle, said foreign sales accounted for 70 pct of the total.",
])
def test_vote_and_answer_look_alikes_are_never_errors(text):
    for claim in groups(text):
        result, _ = check_shares(claim.parts, claim.rest_unstated)
        assert result == "holds" or not claim.exclusive, [p.share.surface for p in claim.parts]


def test_a_slice_of_the_people_and_its_share_of_a_whole_are_not_one_group():
    assert all(len(c.parts) < 2 or not any(p.family == "the richest/poorest X%" for p in c.parts)
               or all(p.family == "the richest/poorest X%" for p in c.parts)
               for c in groups("The top 10% own 60% of the wealth, while the bottom 50% hold 5%."))


def test_owners_of_one_named_whole_are_exclusive():
    assert outcome("About 35 per cent of the company's shares are held by institutions, 10 per cent by insiders and "
                   "62 per cent by retail investors.") == "exceeds"
    assert outcome("Beta, 51 pct owned by Alpha, and Gamma, 60 pct owned by Alpha, both lost money.") == "overlap"
