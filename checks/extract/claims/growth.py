"""Growth claims: a start value, an end value and the change stated between them (and stated periods).

How a growth statement is read, in three steps:

1. Changes: a rate, multiple, 番 or point change is recognised by the words around it (the change
   families of CHANGE_ZH / CHANGE_EN: 同比增长X%, 增幅X%, 增加了N倍, 翻了N番, rose X pct, a decline of X%,
   X pct more than, doubled, fivefold ...), which also give its direction and how it is read.
2. Roles: every value (an amount or count; a percentage for a point change) gets the role its own
   words give it (the role families of ROLE_ZH / ROLE_EN): a start (从/由A, 较上年同期的A, 上年同期为A,
   from A, versus A, than the A), an end (增至B, 达到B, to B), or a change amount (增加D, rose D); a value
   with no such words is a plain level.
3. Assembly: each change owns the stretch of its sentence up to the changes beside it. In that stretch
   a claim needs one start and one end (or a start and an end side by side: 从A增至B, to B from A); or
   one start and one plain level (B，较上年的A增长X); or a level and a change amount (B，比上年增加D，
   增长X: the start is B - D); or a start and a change amount (较上年的A增加D: the end is A + D); or two
   values that carry their own dates, written out or relative to the writer's present (今年年初……二季度末;
   去年……今年). A base stated apart goes to the change whose period it names (B，环比上涨X%，同比下降Y%，上月
   为A); a point change may be against the rate of the period it names, stated after it (比一季度加快1.0个百分点，
   一季度增长4.5%) or at once (增长7.6%，增速比上年同期的5.1%加快2.5个百分点); a comparison with the change's own base continues its subject (同比增长X%，比去年同期的A多了D),
   and a comparison clause with no subject speaks of the value of the clause right before it. Lists of values and
   changes are paired in order (分别为A和B……分别增长X和Y). A sentence
   may lend its values to the next (……B。同比增长X%，上年同期为A) when the next has no subject of its
   own or names the same measure. With no rate, a start, an end and the amount between them are a claim
   of that amount. Anything else leaves the roles open, and no claim is made: a false error costs more
   than a miss. So is a real rate (按可比价格计算, 扣除价格因素实际增长: values in current prices cannot check it) and a
   rate between a loss and a profit (上年同期亏损A，本期盈利B).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from checks.extract.claims.common import (MAX_SENTENCE_MENTIONS, SENTENCE_MARKS, Claim, Quantity, clause_start,
                                          last_match, within)
from checks.extract.claims.phrasing import Family, Table, closest
from checks.extract.numbers import Mention
from checks.vocab.scripts import HAN_CHARACTER, language_of


@dataclass(frozen=True)
class GrowthClaim(Claim):
    """A start value, an end value and the change stated between them.

    `reading` says how the change is read: rate (a percent or points), to (增加到N倍, N times),
    by (增加了N倍: (N+1)x), either (a bare 增长N倍), fan (翻N番: 2^N) or annual (a compound yearly rate).
    A delta form (B，比上年增加D) has `delta` = D and a start computed as B - D. `order` says which
    phrasing families gave the values their roles.
    """

    start: Quantity
    end: Quantity
    change: Quantity
    reading: str
    sign: int
    order: str  # how the start and end were told apart
    delta: Quantity | None
    start_time: Quantity | None
    end_time: Quantity | None

    type = "growth"

    @property
    def key(self) -> str:
        second = self.delta if self.delta is not None else self.end
        first = self.end if self.delta is not None else self.start
        return f"{self.change.surface}|{first.surface}|{second.surface}"


@dataclass(frozen=True)
class PeriodClaim(Claim):
    """A stated duration (一年半时间) against the times of the two values it spans."""

    duration: Quantity
    start_time: Quantity
    end_time: Quantity

    type = "period"

    @property
    def key(self) -> str:
        return f"{self.duration.surface}|{self.start_time.surface}|{self.end_time.surface}"


# --- the words ----------------------------------------------------------------------------------

def _factored(words: str) -> str:
    """A|B|C of plain words as a prefix tree (增(?:长|加|)|上(?:升|涨)...): the same matches in the same order of
    preference, but each place of a text is tried once per first character instead of once per word."""
    def tree(group: list[str]) -> str:
        if group == [""]:
            return ""
        firsts: dict[str, list[str]] = {}
        for w in group:
            firsts.setdefault(w[:1], []).append(w[1:])
        parts = [re.escape(c) + tree(rest) if c else "" for c, rest in firsts.items()]
        if len(parts) == 1 and parts[0]:
            return parts[0]
        return "(?:" + "|".join(p for p in parts if p) + ("|" if "" in parts else "") + ")"
    return tree(words.split("|"))


UP_ZH = _factored("增长|增加|上升|上涨|提高|提升|攀升|扩大|增产|增收|回升|反弹|走高|飙升|激增|大增|猛增|暴增|骤增|劲增|加快|"
         "上调|调升|调高|放大|上扬|上浮|上行|走强|走扬|跃升|抬升|拉升|狂飙|提价|涨价|升值|增值|放量|增|涨|升|多")
DOWN_ZH = _factored("下降|减少|下跌|降低|回落|下滑|缩小|萎缩|减产|减收|收窄|放缓|下挫|重挫|跳水|缩水|骤降|锐减|大降|下调|调降|"
           "调低|下浮|下行|走低|走弱|走软|回调|回撤|蒸发|降价|贬值|缩减|削减|缩量|贬|减|降|跌|少")
UP_EN = (r"rose|risen|rises|rise|rising|increased|increases|increase|increasing|grew|grown|grows|growing|gained|gains|"
         r"gaining|climbed|climbs|climbing|jumped|jumps|jumping|surged|surging|soared|soaring|advanced|advancing|"
         r"leapt|leaped|rebounded|rallied|rocketed|skyrocketed|spiked|swelled|ballooned|expanded|improved|widened|"
         r"firmed|strengthened|recovered|added|raised|lifted|boosted|"
         r"was\s+up|were\s+up|is\s+up|are\s+up|"
         r"(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)up|higher")
DOWN_EN = (r"fell(?:\s+back)?|fallen|falls|fall|falling|decreased|decreases|decrease|decreasing|declined|declines|"
           r"decline|declining|dropped|drops|drop|dropping|slipped|slipping|slumped|plunged|plunging|plummeted|slid|"
           r"sliding|sank|retreated|contracted|shed|shrank|shrunk|lost|eased|dipped|tumbled|tumbling|narrowed|"
           r"skidded|dived|dove|nosedived|weakened|reduced|lowered|trimmed|slashed|"
           r"was\s+down|were\s+down|is\s+down|"
           r"are\s+down|down|lower")
_EN_FILLER = (r"(?:\s+by)?(?:\s+(?:a\s+revised|an\s+estimated|a\s+further|another|an\s+annual|a\s+record|"
              r"an?\s+(?:seasonally\s+)?(?:adjusted|unadjusted|provisional|preliminary|real|nominal)))?")
_GAP_ZH = r"[^，,。；;:：%]"  # a few words inside one clause
_GAP_EN = r"[^.;:!?]"

F = Family
# A close or level said of the base time is the start, whatever its verb: 上周末收于A, 上年末达到A
_BASE_TIME = "上周末|上周五|上周|前周|前一周|上一周|前一交易日|上一交易日|上月末|上月底|上月|上年末|上年底|去年末|去年底|年初"
CHANGE_ZH = Table("growth change", "zh", (
    F("年均增长X%", "a compound annual rate over the years between the two values' dates",
      rf"(?:年均|平均每年|每年平均|年平均|年复合|复合年均|复合|年化)[^，,。；;:：\d%]{{0,8}}?(?:(?P<down>{DOWN_ZH})[^，,。；;:：\d%]{{0,4}})?",
      examples=("进出口额从2002年的6207.7亿美元增至2011年的36418.6亿美元，年均增长21.7%。",
                "总营收由2016年的20.5亿元增至2018年的36.7亿元，复合增长率达33.8%。",
                "2015年至2020年，公司营收从100亿元增至180亿元，年均增长12.5%。")),
    F("增长/下降X%（同比、环比、较上年）", "a rate or point change, its direction from the verb (not a real rate, "
      "按可比价格计算 or 实际增长, which values in current prices cannot check; not between a loss and a profit)",
      rf"(?:{UP_ZH}|(?P<down>{DOWN_ZH}))(?:了|去|达到?了?|高达|约)?|增长为",
      examples=("营收从100亿元增长到150亿元，增长50%。", "失业率从5.2%降至4.8%，下降0.4个百分点。",
                "沪港深基金规模由年初的1109.6亿元增至1574.8亿元，骤增了近四成。",
                "2016年至2018年，公司营收分别为100亿元、120亿元和150亿元，分别比上年增长10%、20%和25%。",
                "一季度，有20.3%的银行家认为货币政策“宽松”。二季度，有13.5%的银行家认为货币政策“宽松”，比上季降低6.8个百分点。",
                "社会消费品零售总额同比增长7.6%，增速比上年同期的5.1%加快2.5个百分点。",
                "出口同比增长7.6%，比上年同期的5.1%加快2.5个百分点。"),
      counter=("AI应用比例从2024年的19.9%提升到2025年的25.9%，未来还将提升。",
               "全年地区生产总值2.18万亿元，按可比价格计算，比上年的2.05万亿元增长5.6%。",
               "净利润1.35亿元，上年同期亏损0.87亿元，同比增长255%。")),
    F("增幅/涨幅/降幅X%", "a rate, up (增幅, 涨幅) or down (降幅, 跌幅)",
      rf"(?:增幅|涨幅|增速|增长率|升幅|(?:增长|增加|上涨|上升|提高|提升|扩大|升值)幅度|"
      rf"(?P<down>降幅|跌幅|减幅|贬幅|(?:下降|下跌|减少|降低|回落|下滑|缩减|萎缩|贬值)幅度))"
      rf"(?:[^，,。；;:：%\d比较由从]{{0,6}}|(?:比|较)(?:(?!{UP_ZH}|{DOWN_ZH})[^，,。；;:：%\d]){{0,8}}?(?:为|达到?|高达|超过|超|逾|近|约)?"
      rf"(?<!的))",  # (增速比上年同期的5.1%: the rate of the period compared with, a start, not a change)
      examples=("全市粮食产量由671.1万吨增至803.9万吨，增幅达19.8%。",), not_after="最大|最高|最低|平均"),
    F("X%的增长", "a rate, its direction from the noun after it", "",
      after=r"(?:左右|上下)?的(?:同比|环比)?(?:(?:增长|增幅|涨幅|升幅|提升|增速|上涨|上升|上调|回升|反弹|提高|增加)|"
            r"(?P<down>下降|降幅|跌幅|下滑|减少|下跌|下调|回落|降低|萎缩|缩水))(?!空间|潜力|预期|目标|可能|压力|风险)",
      examples=("公司营收从100亿元增至130亿元，实现了30%的增长。",
                "新建住宅签约2635套，较4月份同期的3533套，出现了25%的下调。"),
      counter=("指数目前为3000点，较高点有大约10%的上涨空间。",)),
    F("增长N倍", "a multiple read both ways: N+1 times or N times", rf"(?:{UP_ZH}|(?P<down>{DOWN_ZH}))(?:近|约)?",
      examples=("产量从10万吨增长到40万吨，增长3倍。",)),
    F("增加了N倍", "a multiple read as N+1 times", rf"(?:{UP_ZH}|(?P<down>{DOWN_ZH}))了(?:近|约)?",
      examples=("产量从10万吨增加到30万吨，增加了2倍。",)),
    F("增加到N倍", "a multiple read as N times",
      rf"(?:{UP_ZH}|(?P<down>{DOWN_ZH}))(?:到|至|为)(?:了|原来的|[^，,。；;:：\d]{{0,8}}的)?(?:近|约)?",
      examples=("产量从10万吨增加到30万吨，增加到3倍。",)),
    F("是……的N倍", "B is N times A", r"(?:是|(?<![成作认因以称])为|相当于|达到)[^，,。；;:：]{0,24}的",
      examples=("全年净利润达到306.2亿元，是上年153.1亿元的两倍。",
                "2013年解禁股数为4392亿股，2012年为1528亿股，为2012年的2.87倍。")),
    F("翻了N番", "2^N times", r"翻了?", examples=("规模从2亿元扩大到8亿元，翻了两番。",)),
    F("比A高出X%", "a rate, points or a multiple by which a value exceeds (高出, 多出, 快) or falls short of (低, 少, 慢) "
      "the value it is compared with; for points also 高于/领先/跑赢 A X个百分点",
      r"(?:比|较|相比|对比)[^，,。；;:：]{0,30}?(?:高出|高了|高|多出|多了|超出|快了|快|(?P<down>低了|低|少了|少|慢了|慢))"
      r"|(?P<points>(?:高于|领先|跑赢|快于|超出|(?P<below>低于|落后|跑输|慢于))[^，,。；;:：]{0,30}?)",
      examples=("今年毛利率为25%，比上年的20%高出5个百分点。", "该行营收为120亿元，比上年同期的100亿元多出20%。",
                "中邮基金以80.38%的全年回报率，领先以74.26%的全年回报率位列第二名的基金6.12个百分点。",
                "去年上证指数下跌6.75%，股票型基金同期取得了17.28%的平均回报率，领先大盘24.03个百分点。"),
      counter=("公司营收增长12%，高于5%的行业平均水平。",)),
))
CHANGE_EN = Table("growth change", "en", (
    F("annual rate of X%", "a compound annual rate over the years between the two values' dates",
      r"\b(?:an?\s+)?(?:average\s+)?(?:compound\s+)?(?:annual(?:ly)?|annuali[sz]ed)\s+(?:average\s+)?(?:growth\s+)?"
      r"(?:rate\s+)?(?:of\s+)?|\bCAGR\s+(?:of\s+)?",
      examples=("Sales grew to 1.21 billion dlrs in 1986 from 1.0 billion dlrs in 1984, an annual rate of 10 pct.",
                "Between 1982 and 1986, exports rose to 4.2 billion dlrs from 2.9 billion dlrs, an annual rate of 9.7 pct.",
                "Shipments grew to 849.5 million units in 2013 from 341.7 million units in 2006, an annual rate of 13.9%.")),
    F("rose/fell X%", "a rate or point change, its direction from the verb",
      rf"\b(?:{UP_EN}|(?P<down>{DOWN_EN})){_EN_FILLER}\s+",
      examples=("Sales rose 2% to $11.1bn from $10.9bn.", "Traffic rose 44 pct, to 210.5 mln miles, from 146.2 mln.",
                "The jobless rate fell 0.4 percentage points to 4.8% from 5.2%.")),
    F("a rise/decline of X%", "a rate or point change, its direction from the noun",
      r"\b(?:an?\s+)?(?:[\w-]+\s+)?(?:rise|increase|gain|jump|growth|advance|improvement|"
      r"(?P<down>fall|drop|decline|decrease|loss|slide|dip|reduction|contraction))\s+of\s+(?:some\s+)?",
      examples=("Molasses output fell to 1.13 mln tonnes from 1.21 mln tonnes, a drop of 6.6 pct.",
                "The economy grew by 3.2% in 2004, compared with 2.5% in 2003, a rise of 0.7 percentage points.")),
    F("D, or X%", "a rate that restates the amount of change before it, in its direction", r",?\s+or\s+",
      examples=("Spending rose 3.6 billion dlrs, or 1.0 pct, in January to 378.5 billion dlrs.",)),
    F("X% more/less than", "a rate, up (more, higher, above) or down (less, lower, below)", "",
      after=r",?\s+(?:(?P<up>more|higher|above|greater|bigger|ahead(?=\s+of)|up(?=\s+(?:on|over|from)\b))|"
            r"(?P<down>less|lower|below|fewer|smaller|down(?=\s+(?:on|from)\b)))\b",
      examples=("The value was 376.9 billion dlrs, or six pct more than the 355.6 billion dlrs of 1985.",)),
    F("a X% rise", "a rate, its direction from the noun after it", "",
      after=r"\s+(?:(?:year-on-year|year-over-year|annual|yearly|quarterly|monthly)\s+)?"
            r"(?:(?:rise|increase|gain|jump|growth|climb|advance|improvement|surge|leap|rebound|hike|boost)|"
            r"(?P<down>decline|drop|fall|decrease|loss|slide|dip|cut|reduction|slump|plunge|contraction))\b",
      examples=("Profit was 5.2 mln dlrs against 4.3 mln dlrs a year earlier, a 21 pct rise.",)),
    F("doubled/tripled/quadrupled", "the multiple the verb names", "",
      examples=("Borrowing more than doubled to $381 million from $160 million.",)),
    F("N-fold / N times", "N times", "",
      examples=("Its sales jumped nearly fivefold to 96,340 vehicles from 19,810 in 2003.",
                "Sales reached $260m in 2004, five times the $52m recorded in 2001.")),
))

ROLE_ZH = Table("growth roles", "zh", (
    F("从/由A", "the start value (also of a change stated in the next sentence, which names the measure again)",
      rf"(?:从|由){_GAP_ZH}{{0,14}}",
      examples=("营收从100亿元增长到150亿元，增长50%。",
                "多地将社保费率由原来的20%统一降至16%。业内认为，社保费率降低4个百分点，减负明显。",
                "人均可支配收入从16510元增加到35128元，实现翻番。")),
    F("与……的A相比", "the start value", rf"与{_GAP_ZH}{{0,14}}", after=r"(?:的[^，,。；;:：\d]{0,8})?\s?(?:相比|比较)",
      examples=("融资融券差额合计为12.74亿元，与9月份首个交易日的4.74亿元相比，增长了8亿元，增幅达168.78%。",)),
    F("较/比……的A", "the start value",
      rf"(?:较|(?<![占对无环同])比(?![例重率值较如亚利特赛拼分喻方照对])|相比|对比|相对于?|高于|低于|领先|落后|跑赢|跑输|"
      rf"快于|慢于){_GAP_ZH}{{0,14}}",
      examples=("该公司去年净利润为3.2亿元，较上年同期的2.5亿元增长28%。",
                "意愿排序依次为：旅游(30.1%)、购房(23.1%)。其中，“购房”较上季度的22.9%上涨0.2个百分点。")),
    F("同比/环比……的A", "the start value: 同比 or 环比 followed by the earlier period and 的",
      r"(?:同比|环比)[^，,。；;:：%]{1,14}?的[^，,。；;:：\d%的]{0,6}",
      examples=("本月成交均价为4.20万元/平方米，环比上月的4.00万元/平方米上涨了5%。",
                "一季度新房共签约3000套，同比2017年一季度的4000套，跌幅达25%。"),
      counter=("营收为120亿元，同比增长的幅度为20%。",)),
    F("上年同期为A", "the start value",
      r"(?<![较比由从与到至])(?:(?:去年|上年|上一年|前一年)同期[^，,。；;:：\d%]{0,6}?(?:为|是|只有|仅为|仅有|的)?"
      r"|(?:去年|上年|上一年|前一年)(?P<period>上半年|下半年|前三季度|[一二三四1-4]季度|全年)(?:为|是|只有|仅为|仅有|的)"
      r"|(?:去年|上年|上一年|前一年|上季度?|上期|前值|上月|上周[一二三四五六日末]?|前周|前一交易日|上一交易日|年初)"
      r"(?:年?末|年?底|年?初|月末|月底)?(?:为|是|只有|仅为|仅有|的|收于|收报|报收|收盘于)?)",
      examples=("社会消费品零售总额达到704.3亿元，同比增长31.6%，上年同期为535.3亿元。",
                "失业率为4.8%，较上年末下降0.4个百分点，上年末为5.2%。",
                "今年上半年，公司营收为120亿元，而去年上半年为100亿元，同比增长20%。",
                "CPI同比上涨2.1%，较前值回落0.3个百分点，前值为2.4%。",
                "5月份销售额为110亿元，环比增长10%，同比增长22.2%，去年同期为90亿元。",
                "全年居民人均可支配收入28228元，比上年名义增长8.7%，扣除价格因素实际增长6.5%；上年为25974元。",
                "全年营收200亿元，同比增长25%，上年为160亿元，其中海外营收80亿元，同比增长60%，上年为50亿元。",
                "该指数本周累计上涨5.2%，报收于2400点，上周末收于2281.4点。"),
      counter=("攀钢钒钛一季度实现净利润5.26亿元，同比增长343.81%，而去年为168.60万元。",
               "一季度营收为5亿元，同比增长20%；去年为4亿元。",
               "今年前三季度，公司营收为120亿元，同比增长20%，去年全年为100亿元。")),
    F("此前/发行价为A", "the start value: words that name the earlier point (此前, 原来, 最初, 发行价, 开盘价, 成本价)",
      r"(?:此前|原来|原本|最初|起初|当初)(?:为|是|只有|仅为|仅有|约为?|的水平为?)"
      r"|(?:期初|基期|发行价|开盘价|前收盘价|成本价|原价)[^，,。；;:：\d%]{0,4}?(?:为|是|的|报|约为?)?",
      examples=("该股发行价为10元，昨日收报30元，涨幅达200%。",),
      counter=("在2016年之前上市的492家公司中，23家公司上市后净利润复合增长率超50%。",)),
    F("（YEAR年…为A）", "the start value, in brackets right after the change, dated before a year the sentence "
      "already named",
      r"[(（](?P<year>(?:19|20)\d{2})年(?:同期|全年|度|年?末|年?底)?(?:(?![增减降涨升跌比较])[^()（）,，。；;:：\d%]){0,10}?"
      r"(?:为|是|只有|仅为|的)?",
      examples=("金浦钛业预计2013年全年每股收益为0.37元，同比增长1750%(2012年每股收益为0.02元)。",),
      counter=("公司营收为100亿元，净利润同比增长20%(2016年为120亿元)。",)),
    F("是A的N倍", "the start value of a multiple",
      r"(?:是|(?<![成作认因以称])为|相当于|达到)(?:[^，,。；;:：\d]|(?:19|20)\d\d年){0,8}",
      after=r"的(?:近|约|超过)?[\d一二两三四五六七八九十.]+倍",
      examples=("公司营业收入达到240亿元，为2015年100亿元的2.4倍。",)),
    F("A增至B", "the start value: a value the verb right after it takes to the end (营收100亿元增至120亿元)", "",
      after=rf"(?:{UP_ZH}|{DOWN_ZH})(?:到|至)了?\s?(?:约|近|超过)?[\d一二两三四五六七八九十]",
      examples=("公司营收100亿元增至120亿元，增长20%。",)),
    F("增至/降至B", "the end value (and the level just before it the start, when the end's clause is only its verb: "
      "为A，随后上升至B)", rf"(?:{UP_ZH}|{DOWN_ZH})(?:到|至)了?{_GAP_ZH}{{0,10}}",
      examples=("全市粮食产量由671.1万吨增至803.9万吨，增幅达19.8%。",
                "当月出口金额为1950亿美元，随后大幅上升至2174亿美元，增长超过10%。",
                "两融余额从9694.98亿元攀升至9858.72亿元；次日再度增加67.1亿元升至9925.82亿元。"),
      counter=("公司营收为100亿元，净利润增至20亿元，增长20%。",)),
    F("由A至B", "the end value",
      rf"(?<![截直达受得收看来遇做提想办长加升降减高涨跌大小增扩缩攀回])(?:至|到){_GAP_ZH}{{0,10}}",
      examples=("该省出口额由62.5亿美元至94.2亿美元，同比增长50.7%。",)),
    F("达到/突破/收报B", "the end value (unless a base time comes first: 上周末收于A is the start)",
      r"(?:达到|高达|达|突破|收报|报收|收于|录得)[^，,。；;:：%\d]{0,4}", not_after=_BASE_TIME,
      examples=("创业板指收报3250.3点，与年初的1464.77点相比，涨幅已经高达121.9%。",)),
    F("新增D", "an amount that may be a change or a level (新增贷款 is this year's flow): the roles stay open, "
      "unless the clause compares it with a base (比上年净增D is a change amount)",
      r"(?:新增|净增|新建(?!(?:商品)?(?:住宅|房))|新开)[^\d，,。；;:：%至到的]{0,8}",  # (新建住宅: new homes, a noun)
      examples=("全市常住人口为2100万人，比上年末净增50万人，增长2.4%。",)),
    F("增加D", "an amount of change, up or down",
      rf"(?<![新净])(?:增加(?!值)|增长|上升|上涨|提高|增收|提价|涨价|上调|多|周增|月增|日增|增(?![量速幅值加长])|涨(?!幅)|升(?!幅)|放量|放大|扩大|攀升|回升|反弹|飙升|激增|大增|猛增|上扬|跃升|调高|调升|增产|(?P<down>{DOWN_ZH}|周减))了?"
      rf"[^\d，,。；;:：%至到的]{{0,6}}",
      examples=("净利润5.0亿元，比上年增加1.0亿元，增长25%。",
                "融资买入金额为90.42亿元，比前周增加融资买入19.44亿元，周增幅近三成。",
                "沪市新开A股账户8064户，环比减少8045户，降幅为49.94%。",
                "两融余额从9054.77亿元增至9447.04亿元，规模增加392.27亿元。",
                "全省进出口总额1.25万亿元，同比增长9.2%，比上年同期的1.14万亿元增加1100亿元。")),
))
ROLE_EN = Table("growth roles", "en", (
    F("from/versus/compared with A", "the start value",
      rf"\b(?:from|versus|vs\.?|against|compared\s+with|compared\s+to|as\s+against){_GAP_EN}{{0,30}}",
      examples=("Sales rose 2% to $11.1bn from $10.9bn.", "Contracts fell 31.4 pct to 2.18 billion dlrs versus "
                                                          "3.18 billion dlrs in 1985.",
                "Net profit was 12.3 mln dlrs versus a year-earlier 10.1 mln dlrs, a gain of 21.8 pct.",
                "Profit fell to 12 mln dlrs, or 30 cts a share, from 15 mln dlrs, or 38 cts, a drop of 20 pct.",
                "Imports averaged 4.3 mln barrels per day, up from 3.9 mln bpd, an increase of 10.3 pct.")),
    F("after A", "the start value: the figure of the period before, right after 'after' (to 1.2 billion dlrs, after "
      "1.0 billion in December)", r"\bafter\s+(?:an?\s+(?:upwardly\s+|downwardly\s+)?revised\s+)?",
      examples=("Imports rose 20 pct in January to 1.2 billion dlrs, after 1.0 billion in December.",)),
    F("than the A", "the start value",
      rf"\b(?:(?:than|above|below)\b|over\s+(?=the\b|a\b|last\b|its\b)){_GAP_EN}{{0,40}}",
      examples=("Imports climbed to $372.1bn, nearly 18% more than the $315.9bn of 2003.",)),
    F("on the A", "the start value", rf"\bon\s+(?:the|a|last\s+year's|its){_GAP_EN}{{0,30}}",
      examples=("Revenue is put at 354bn rand, up 13.5% on the 312bn rand collected in 2003-04.",)),
    F("N times the A", "the start value of a multiple", rf"\btimes\s+(?:the|that\s+of)\b{_GAP_EN}{{0,30}}"),
    F("A a year earlier", "the start value", "",
      after=r"(?:(?!\b(?:versus|vs|against|from|compared|than|to)\b)[^.;:,\d]){0,30}?"
            r"\b(?:a\s+year\s+(?:earlier|ago|before)|the\s+year\s+before|year-earlier)\b(?!'s|\s+[\d$£€])",
      examples=("Net income was 5.2 mln dlrs, up 20 pct, compared with 4.3 mln dlrs a year earlier.",)),
    F("B (A)", "the start value: the earlier period's figure alone in brackets right after the value "
      "(British results: profits rose 12% to £112m (£100m))", r"^\s?(?:[A-Za-z]+\s?)?\(\s?",
      after=r"(?:\s?[A-Za-z]+)?\s?\)",
      examples=("Pre-tax profits rose 12% to £112m (£100m).",)),
    F("to B", "the end value", rf"(?<!compared )(?<!compared)\bto\b{_GAP_EN}{{0,40}}"),
    F("at/reached B", "the end value",
      r"\b(?:at|reached|hit|totalled|totaled|totalling|to\s+reach)\s+(?:a\s+record\s+|an\s+estimated\s+)?"),
    F("X%, or D", "an amount of change that restates the rate just before it, in its direction",
      r",?\s+or\s+", examples=("Sales rose 20 pct, or 20 mln dlrs, to 120 mln dlrs.",)),
    F("rose D", "an amount of change, up or down",
      rf"\b(?:rose|increased|grew|gained|climbed|jumped|added|was\s+up|were\s+up|up|"
      rf"(?P<down>fell|decreased|declined|dropped|lost|shed|slipped|eased|was\s+down|were\s+down|down)){_EN_FILLER}\s+",
      examples=("Spending fell a revised 3.5 billion dlrs, or 0.9 pct, to 374.9 billion dlrs.",
                "The FTSE 100 index fell 25.3 points, or 0.84%, to 2,980.5.",
                "The number of people out of work fell by 12,000 to 88,000, a drop of 12%.")),
))
TABLES = [CHANGE_ZH, CHANGE_EN, ROLE_ZH, ROLE_EN]

_FAMILY = {(t.lang, f.name): f for t in TABLES for f in t.families}
_VERBAL = re.compile(r"(?:doubled|tripled|trebled|quadrupled|halved)$", re.I)
# N times is a multiple of an amount only before what it multiplies: five times the $52m, three times as much
_TIMES_THE = re.compile(r"\s+(?:the|that\s+of|as\s+(?:much|many|large|high|big)|(?:larger|higher|bigger|greater)\s+than)\b",
                        re.I)
_MAGNITUDE = re.compile(r"[万亿]|million|billion|trillion|mln|bln|bn|\d\s?m\b|\$\d[\d.,]*m$", re.I)
_JOIN = re.compile(r"^\s?(?:至|到|~|-|–|—|and|和)\s?$")
_VALUE_KINDS = ("count", "amount")
_CHANGE_KINDS = frozenset(("percent", "multiple", "percentage_points"))
_LEAD = 48  # how far before a number its words are read
_CURRENCIES = {"美元", "欧元", "英镑", "日元", "港元", "元"}


@dataclass(frozen=True)
class Change:
    """A number recognised as a change: its direction, how it is read and the family that told."""

    sign: int
    reading: str
    family: str



@lru_cache(maxsize=8192)
def change_of(text: str, m: Mention, lead_from: int = 0) -> Change | None:
    """The change a number states (a rate after 增长/rose, a multiple, 番, points), or None.

    Cached: growth and shares ask it of the same numbers of a paragraph (the text's hash is kept by str)."""
    if m.kind not in ("percent", "multiple", "percentage_points") or m.unit == "" or m.low != m.low:
        return None
    lead = text[max(lead_from, m.start - _LEAD):m.start]
    if language_of(lead + m.surface) == "zh":
        return _change_zh(text, m, lead)
    return _change_en(text, m, lead)


def _sign(match: re.Match) -> int:
    return -1 if match.groupdict().get("down") else 1


# Every Chinese change family ends in one of these words just before the number, or 的增长 after it.
_ANY_CHANGE_ZH = re.compile(rf"{UP_ZH}|{DOWN_ZH}|幅|速|率|翻|是|为|相当|达到|高|低|快|慢|领先|落后|跑")


def _change_zh(text: str, m: Mention, lead: str) -> Change | None:
    if m.kind == "multiple" and m.surface.endswith(("翻倍", "翻番")):
        return Change(1, "to", "翻倍")
    if not _ANY_CHANGE_ZH.search(lead, max(0, len(lead) - 24)) and text[m.end:m.end + 1] != "的":
        return None  # (a cheap test first: most percentages in a paragraph are levels)
    if m.unit == "番":
        f = _FAMILY[("zh", "翻了N番")]
        return Change(1, "fan", f.name) if f.search_before(lead) else None
    annual = _FAMILY[("zh", "年均增长X%")].search_before(lead)
    if annual is not None and m.kind == "percent":
        return Change(_sign(annual), "annual", "年均增长X%")
    if m.kind == "multiple":
        for name, reading in (("是……的N倍", "to"), ("增加到N倍", "to"), ("增加了N倍", "by"), ("增长N倍", "either"),
                              ("增幅/涨幅/降幅X%", "either")):
            found = _FAMILY[("zh", name)].search_before(lead)
            if found is not None:
                return Change(_sign(found), reading, name)
        return None
    after = _FAMILY[("zh", "X%的增长")].match_after(text[m.end:m.end + 8])
    if after is not None and m.kind == "percent":
        return Change(_sign(after), "rate", "X%的增长")
    for name in ("增幅/涨幅/降幅X%", "增长/下降X%（同比、环比、较上年）"):
        found = _FAMILY[("zh", name)].search_before(lead)
        if found is not None:
            if name.startswith("增幅") and m.kind != "percent":
                continue  # 增速提高0.2个百分点: the points are the verb's
            if not name.startswith("增幅") and re.search(r"(?<!达)(?<!增长)(?:到|至|为)$", found.group(0)):
                return None  # 提升到25.9%: a level, not a change
            if not name.startswith("增幅") and m.kind == "percent" \
                    and _RATE_NAMED.search(re.split(r"[，,；;。]", lead[:found.start()])[-1]):
                return None  # 增幅较上年提高2%: a change of the rate itself, in a unit that does not say how
            return Change(_sign(found), "rate", name)
    return _compared(lead, m)


_RATE_NAMED = re.compile(r"增幅|增速|涨幅|降幅|跌幅|增长率|增长速度|升幅")
# A rate net of price changes: 按可比价格计算, 按不变价格计算, 扣除价格因素, 实际增长
_REAL = re.compile(r"按(?:可比|不变)价格?|可比价|不变价|(?:扣除|剔除)(?:价格|物价)因素|实际(?=[^，,。；;\d]{0,4}$)")


def _real_rate(text: str, c: GrowthClaim) -> bool:
    """按可比价格计算，增长5.6%: whether the claim's rate is real (net of prices), which values in current prices
    cannot check: a marker in the rate's own clause, or in a clause before it with no other rate between
    (按可比价格计算，全年GDP为A，比上年增长X%). (A real rate stays a change: it is no amount of another.)"""
    if c.change.unit != "%":
        return False
    lead = text[max(c.sentence[0], c.change.start - _LEAD):c.change.start]
    if "价" not in lead and "实际" not in lead:
        return False  # (a cheap test first)
    clause = lead[clause_start(lead, len(lead), marks="。；;"):]
    found = last_match(_REAL, clause)
    return found is not None and "%" not in clause[found.end():] and "％" not in clause[found.end():]


def _compared(lead: str, m: Mention) -> Change | None:
    """比上年的20%高出5个百分点 / 领先……6.12个百分点: the difference from the value compared with."""
    found = _FAMILY[("zh", "比A高出X%")].search_before(lead)
    if found is None or found.group("points") and m.kind != "percentage_points":
        return None  # (高于5%的水平 is a level; only points say how far above)
    sign = -1 if found.group("down") or found.group("below") else 1
    return Change(sign, "either" if m.kind == "multiple" else "rate", "比A高出X%")


def _change_en(text: str, m: Mention, lead: str) -> Change | None:
    if m.kind == "multiple":
        if _VERBAL.search(m.surface):
            return Change(1, "to", "doubled/tripled/quadrupled")
        if m.surface.lower().endswith("fold") or _TIMES_THE.match(text[m.end:m.end + 30]):
            return Change(1, "to", "N-fold / N times")
        return None
    annual = _FAMILY[("en", "annual rate of X%")].search_before(lead)
    if annual is not None and m.kind == "percent":
        return Change(1, "annual", "annual rate of X%")
    for name in ("rose/fell X%", "a rise/decline of X%"):
        found = _FAMILY[("en", name)].search_before(lead)
        if found is not None:
            return Change(_sign(found), "rate", name)
    tail = text[m.end:m.end + 20]
    for name in ("X% more/less than", "a X% rise"):
        after = _FAMILY[("en", name)].match_after(tail)
        if after is not None:
            return Change(-1 if after.group("down") else 1, "rate", name)
    if _FAMILY[("en", "D, or X%")].search_before(lead):
        return Change(0, "rate", "D, or X%")  # the direction is the amount's, read with the roles
    return None


# --- roles ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Role:
    role: str  # start, end, delta, level
    sign: int
    family: str


@lru_cache(maxsize=8192)
def role_of(text: str, m: Mention, lead_from: int) -> Role:
    """The role a value's own words give it, read from `lead_from` (the previous value's end) to it."""
    lead = text[max(lead_from, m.start - _LEAD):m.start]
    lang = language_of(lead + m.surface)
    table = ROLE_ZH if lang == "zh" else ROLE_EN
    tail = text[m.end:m.end + 40]
    for f in table.families:
        if f.after and not f.before and f.name != _VERB_NEXT and f.match_after(tail):
            return Role("start", 1, f.name)
    if not table.any_before(lead):
        return _plain(lang, tail)
    found = closest(tuple(f for f in table.families if f.before and (not f.after or f.match_after(tail))), lead)
    if found is None:
        return _plain(lang, tail)
    family, match = found
    at = max(lead_from, m.start - _LEAD) + match.start()
    if family.name == "（YEAR年…为A）" and not _dated_base(text, at, int(match.group("year"))) \
            or family.name == "上年同期为A" and not _same_period_base(text, at, match):
        return Role("level", 0, "")
    if family.name in ("较/比……的A", "同比/环比……的A") and _VERB_IN_GAP.search(match.group(0), 1):
        # a verb before the value makes it no start: 较上一交易日放量D is open, 环比上涨的城市有N个 a level
        return Role("open", 0, family.name) if family.name == "较/比……的A" else Role("level", 0, "")
    if family.name == "B (A)" and match.group(0).split("(")[0].strip() != tail.split(")")[0].strip():
        return Role("level", 0, "")  # 3.05 mln tonnes (96,000 imported): not the same measure written again
    if family.name == _OR_AMOUNT:  # the rate it restates must come right before
        return Role("delta", 0, family.name) if _RATE_END.search(text, max(0, at - 12), at) else Role("level", 0, "")
    if family.name == "新增D" and _COMPARED_CLAUSE.search(re.split(r"[，,；;。]", lead[:match.start()])[-1]):
        return Role("delta", 1, family.name)
    if family.name == "新增D" and (_COPULA_END.search(match.group(0)) or not match.group(0).startswith("净")) \
            and _SAME_MEASURE_NEXT.match(tail):
        return Role("level", 0, "")  # 新开账户(数为)A，环比减少D: the flow of this period, compared with the last one's
    role = "start" if family.tells.startswith("the start value") else "end" if family.tells.startswith(
        "the end value") else "open" if "roles stay open" in family.tells else "delta"
    return Role(role, _sign(match), family.name)


_VERB_IN_GAP = re.compile(rf"(?<![同环])(?:{UP_ZH}|{DOWN_ZH})(?![期年月日季周])")
_VERB_NEXT = "A增至B"
_OR_AMOUNT = "X%, or D"
_RATE_END = re.compile(r"(?:%|\bpct|\bpercent|\bper\s+cent|percentage\s+points?)$", re.I)


def _plain(lang: str, tail: str) -> Role:
    """A value with no words of its own before it: the start when the verb right after it takes it to the end
    (营收100亿元增至120亿元), else a plain level."""
    if lang == "zh" and ("至" in tail[:8] or "到" in tail[:8]) and _FAMILY[("zh", _VERB_NEXT)].match_after(tail):
        return Role("start", 1, _VERB_NEXT)
    return Role("level", 0, "")


_COMPARED_CLAUSE = re.compile(r"(?:比|较|同比|环比|相比)")
_COPULA_END = re.compile(r"(?:为|是|达到?|共计?|合计|成交|销售|售出|实现|完成|录得)$")
# the next clause compares the value with the same measure of another period (同比, 环比, 比上月)
_SAME_MEASURE_NEXT = re.compile(r"\s?[，,]\s?(?:同比|环比|较上|比上|较去|比去|较前|比前)")
_LAST_YEAR = re.compile(r"(?:去年|上年|上一年|前一年)(?!同期)")
_SUB_YEAR = re.compile(r"季|半年|中报|\d+\s?[-~至到—]\s?\d+月|月|周")


_POINT_OF_YEAR = re.compile(r"[末底初]")  # 去年底为A: a level at a point of time, the base of any later level


def _same_period_base(text: str, at: int, match: re.Match) -> bool:
    """去年为A names a whole year: it is the base of a value of a whole year, not of 一季度 or 1-9月 (攀钢钒钛一季度
    实现净利润5.26亿元，同比增长343.81%，而去年仅实现净利润168.60万元); 去年上半年为A is the base of a value the
    sentence has already dated 上半年; 去年底为A is a level at a point of time, the base of a level at any later one."""
    period = match.groupdict().get("period")
    if not _LAST_YEAR.match(match.group(0)) or period == "" or _POINT_OF_YEAR.search(match.group(0)):
        return True
    sentence = re.split(r"[。!?！？；;]", text[max(0, at - 150):at])[-1]  # (a semicolon ends the statement)
    if period and period != "全年":
        return period in sentence
    return not _SUB_YEAR.search(sentence)


_YEAR_NAMED = re.compile(r"((?:19|20)\d{2})年")


def _dated_base(text: str, bracket: int, year: int) -> bool:
    """（2012年每股收益为0.02元）is the base of the change just before it only when the sentence already named a
    later year (预计2013年……同比增长1750%): otherwise the bracket may date the current value."""
    if text[bracket - 1:bracket] not in ("%", "倍", "点", "成"):
        return False
    before = re.split(r"[。!?！？]", text[max(0, bracket - 150):bracket])[-1]
    return any(int(y) > year for y in _YEAR_NAMED.findall(before))


# --- assembly ---------------------------------------------------------------------------------------

def growth_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[Claim]:
    out: list[Claim] = []
    starts = [m.start for m in ms]
    change_starts = [m.start for m in ms if m.kind in _CHANGE_KINDS]  # (whether a sentence has one: two bisections)
    if not change_starts and _AMOUNT_HINT.search(text) is None and _AGAIN.search(text) is None:
        # no change, and no words of an amount's claim anywhere (each sentence's test below would fail: every
        # sentence ends after a stop or quote, or at the end, so no word is cut at its end)
        return []
    previous: tuple[int, int, list[int]] | None = None
    for si, (s, e) in enumerate(spans):
        in_sent = list(within(starts, s, e))
        if len(in_sent) > MAX_SENTENCE_MENTIONS or len(in_sent) < 2 and previous is None \
                or bisect_left(change_starts, s) == bisect_left(change_starts, e):
            if 3 <= len(in_sent) <= 8 and _AMOUNT_HINT.search(text, s, e):
                out.extend(_amount_claim(text, ms, in_sent, (s, e)))
            elif previous is not None and 2 <= len(in_sent) <= 8 and _AGAIN.search(text, s, e):
                out.extend(_chained_amount(text, ms, in_sent, (s, e), previous))
            previous = (s, e, in_sent)
            continue
        changes = []
        for i in in_sent:
            c = change_of(text, ms[i], s) if ms[i].kind in _CHANGE_KINDS else None  # (no cache lookup for the rest)
            if c is not None:
                changes.append((i, c))
        if changes:
            base = _base_clause(text, spans, si, ms, starts)
            if base is not None:  # ……增长20%；去年同期为100亿元。: the base, stated in a clause of its own
                spans = spans[:si] + [(s, spans[si + 1][1])] + spans[si + 1:]
                in_sent = in_sent + [base]
            out.extend(_sentence_claims(text, ms, spans, si, in_sent, changes, previous))
        previous = (s, e, in_sent if not changes else [])
    out = [c for c in out if not (isinstance(c, GrowthClaim) and (_sign_changed(text, c) or _real_rate(text, c)))]
    return out + _amounts_beside_rates(text, ms, starts, out)


# 28.6亿人次增加: the verb right after a value (past the rest of its unit word)
_UNIT_REST_VERB = re.compile(rf"[^\d，,。；;:：%的]{{0,2}}?(?P<verb>{UP_ZH}|{DOWN_ZH})了?\s?")


def _amounts_beside_rates(text: str, ms: list[Mention], starts: list[int], claims: list[Claim]) -> list[Claim]:
    """B，较上年同期的A增加D，增长X%: a rate claim's start followed at once by the verb and an amount is also a claim
    of that amount between the same two values (the rate checks A to B, the amount checks D)."""
    if not any(isinstance(c, GrowthClaim) and c.reading == "rate" for c in claims):
        return []  # (most paragraphs: no index of their mentions built)
    out = []
    at = {m.start: i for i, m in enumerate(ms)}
    for c in claims:
        if not isinstance(c, GrowthClaim) or c.reading != "rate" or c.delta is not None or c.start.start not in at \
                or c.end.start not in at or " " in c.start.surface + c.end.surface:
            continue  # (a stated start and end only)
        a, b = at[c.start.start], at[c.end.start]
        verb = _UNIT_REST_VERB.match(text, ms[a].end)
        d = at.get(verb.end()) if verb is not None else None
        if d is None or ms[d].kind not in _VALUE_KINDS or not _same_unit(ms[a], ms[d]) or d in (a, b):
            continue
        sign = -1 if re.fullmatch(DOWN_ZH, verb.group("verb")) else 1
        if sign != c.sign:
            continue
        how = "start «较/比……的A», end: the rate claim's, change: the amount right after the start «增加D»"
        out.extend(_amount_of(ms, a, b, d, sign, c.sentence, how))
    return out


# 亏损A / 净亏损A: a loss, a value below zero written as its size
_LOSS_BEFORE = re.compile(r"(?:亏损|净亏|亏)(?:了|为|达到?|约|超过?|近)?\s?$")


def _sign_changed(text: str, c: GrowthClaim) -> bool:
    """上年同期亏损0.87亿元，本期盈利1.35亿元 (扭亏为盈, 由盈转亏): a loss on one side only; a rate between a loss and
    a profit says nothing the two sizes can check, so no claim. (Two losses compare as sizes: 亏损额收窄X%.)"""
    def loss(q: Quantity) -> bool:
        return " " not in q.surface and bool(_LOSS_BEFORE.search(text, max(0, q.start - 6), q.start))
    return loss(c.start) != loss(c.end)


_CLAUSE_END = re.compile(r"[，,；;]")
# A start and a change amount in one sentence, and no rate: 由A增至B，增加D; up 500,000 bpd from 16.1 mln bpd
_AMOUNT_HINT = re.compile(r"[从由较比]|\b(?:from|versus|against|compared)\b", re.I)


# (规模增加D, 累计增加D: words that restate the measure of the clause before, not another measure)
_BARE_AMOUNT = re.compile(rf"\s?(?:规模|总量|总额|累计|合计|共计|共)?(?:(?:同比|环比|较|比)[^，,\d]{{0,8}})?(?:{UP_ZH}|{DOWN_ZH})了?\s?"
                          r"|\s?(?:up|down|rising|falling|a\s+rise\s+of|a\s+fall\s+of)\s+(?:by\s+)?", re.I)


def _amount_claim(text, ms, in_sent, sent) -> list[Claim]:
    """A start, an end and the amount between them, with no rate: the amount is the stated change."""
    roles = roles_in(text, ms, in_sent, sent[0])
    values = [i for i in roles if ms[i].unit or _has_magnitude(ms[i])]
    by_role = {r: [i for i in values if roles[i].role == r] for r in ("start", "end", "delta", "level", "open")}
    starts_, ends, deltas = by_role["start"], by_role["end"], by_role["delta"]
    if len(starts_) == 1 and not ends and len(by_role["level"]) > 1:  # 深市A1，沪市A2，合计B，较上一交易日的A放量D
        by_role["level"] = _compared_level(text, ms, [i for i in by_role["level"] if _same_unit(ms[i], ms[starts_[0]])],
                                           starts_[0])
    if by_role["open"] or len(starts_) != 1 or len(deltas) != 1 or len(ends) + len(by_role["level"]) != 1:
        return []
    a, d = starts_[0], deltas[0]
    b = (ends or by_role["level"])[0]
    if not (_same_unit(ms[a], ms[b]) and _same_unit(ms[a], ms[d])) or roles[d].sign == 0:
        return []
    if not ends and not (b < d and (_DELTA_CUE.search(text, ms[b].end, ms[d].start)
                                    or _continues_subject(text, ms, b, d))):
        return []  # a plain level is the end only when the amount's clause speaks of it (B, up D from A)
    if d < min(a, b) and _CLAUSE_END.search(text, ms[d].end, ms[min(a, b)].start):
        return []  # 全年减少税负3500亿元，并……由30万元提高到50万元: an amount in a clause before is another's
    clause = clause_start(text, ms[d].start, sent[0])
    if clause > min(ms[a].start, ms[b].start) and not _BARE_AMOUNT.fullmatch(text, clause, ms[d].start) \
            and not (clause <= ms[a].start and _COMPARISON_OPENING.match(text[clause:ms[a].start])
                     and _VERB_ONLY.fullmatch(text, ms[a].end, ms[d].start)):
        # ……增至B，其中融资买入增加D: an amount with a subject of its own is another measure's (较上周的A增加D, a
        # clause that holds the start and then the amount, speaks of the level before it)
        return []
    how = f"start «{roles[a].family}», end «{roles[b].family or 'the value the amount changed'}», " \
          f"change: the amount «{roles[d].family}»"
    return _amount_of(ms, a, b, d, roles[d].sign, sent, how)


def _amount_of(ms: list[Mention], a: int, b: int, d: int, sign: int, sent, how: str) -> list[Claim]:
    """A claim of the amount d between start a and end b (none when the two are not of one unit)."""
    first, last = _scaled(ms[a], ms[b])
    if first is None or not _same_unit(first, last):
        return []
    c = ms[d]
    return [GrowthClaim(span=(min(first.start, last.start, c.start), max(first.end, last.end, c.end)), sentence=sent,
                        start=first, end=last, change=Quantity.of(c), reading="amount", sign=sign, order=how,
                        delta=None, start_time=None, end_time=None)]


_AGAIN = re.compile(rf"(?:再度|再次|又|继续)(?:{UP_ZH}|{DOWN_ZH})")
_AGAIN_AMOUNT = re.compile(rf"(?:再度|再次|又|继续)(?:(?:{UP_ZH})|(?P<down>{DOWN_ZH}))了?\s?$")
_TO_END = re.compile(r"\s?[，,]?\s?(?:升至|增至|降至|涨至|跌至|回落至|攀升至|至|到|达到)\s?$")


def _chained_amount(text, ms, in_sent, sent, previous) -> list[Claim]:
    """……从A攀升至B；10月10日，两融余额涨势不减，再度增加D升至C: the amount a clause adds again starts from the level
    the clause before moved to (the one end of that clause, of the same unit)."""
    ps, pe, prev = previous
    if text[ps:pe].rstrip()[-1:] not in "；;":
        return []  # (one statement, cut by a semicolon)
    again = [i for i in in_sent if ms[i].kind in _VALUE_KINDS and i + 1 in in_sent
             and _AGAIN_AMOUNT.search(text, max(sent[0], ms[i].start - 8), ms[i].start)
             and _TO_END.fullmatch(text, ms[i].end, ms[i + 1].start)]
    if len(again) != 1:
        return []
    d, b = again[0], again[0] + 1
    before = roles_in(text, ms, prev, ps)
    ends = [i for i, r in before.items() if r.role == "end" and _same_unit(ms[i], ms[d]) and _same_unit(ms[i], ms[b])]
    if len(ends) != 1:
        return []
    sign = -1 if _AGAIN_AMOUNT.search(text, max(sent[0], ms[d].start - 8), ms[d].start).group("down") else 1
    how = f"start: the end of the clause before «{before[ends[0]].family}», end «增至/降至B», change: the amount added again"
    return _amount_of(ms, ends[0], b, d, sign, (ps, sent[1]), how)
_VERB_ONLY = re.compile(rf"\s?(?:{UP_ZH}|{DOWN_ZH})了?\s?")
_JOINING = re.compile(r"\s(?:and|while|but|whereas)\s|\son\s(?:a|an)\s|[和而但]", re.I)


def _before_next(text: str, pos: int, nxt: int) -> int:
    """With no clause end before the next change, a change owns what comes up to the last joining word before it
    (rose 5 pct to 100 mln from 95 mln and imports fell 3 pct …), or nothing past itself."""
    last = last_match(_JOINING, text, pos, nxt)
    return last.start() if last is not None else pos
_BASE_CLAUSE = re.compile(r"\s*(?:而|但)?(?:去年|上年|上一年|前一年)同期[^，,。；;:：\d%]{0,6}?(?:为|是|只有|仅为|仅有)?\s*$")


_BASE_CLAUSE_WHOLE_YEAR = re.compile(r"\s*(?:而|但)?(?:去年|上年|上一年|前一年)(?:全年)?(?:则|仅|只)?(?:为|是|只有|仅为|仅有)\s*$")


def _base_clause(text: str, spans, si: int, ms: list[Mention], starts: list[int]) -> int | None:
    """The mention of the next sentence when that sentence only states the base (去年同期为A)."""
    if si + 1 >= len(spans):
        return None
    s, e = spans[si + 1]
    idx = within(starts, s, e)
    if len(idx) != 1:
        return None
    i = idx[0]
    rest = text[ms[i].end:e].strip(" 。；;.")
    if rest:
        return None
    if _BASE_CLAUSE.fullmatch(text, s, starts[i]):
        return i
    # ；上年为A: a whole year's base, for a sentence that names no part of a year (季, 月, 上半年)
    whole = _BASE_CLAUSE_WHOLE_YEAR.fullmatch(text, s, starts[i]) and not _SUB_YEAR.search(text, *spans[si])
    return i if whole else None
_RESPECTIVELY = re.compile(r"分别|各自|respectively", re.I)
# a clause that states only the base of the change before it: ，上年同期为A / ，去年为A / ，上月为A
_BASE_NEXT_CLAUSE = re.compile(r"[，,]\s?(?:而|但)?(?:去年|上年|上一年|前一年|上月|上个月|上周|前一周|上季度?)(?:同期|全年)?"
                               r"(?:则|仅|只)?(?:为|是|只有|仅为|仅有)\s?[\d０-９]")


def _sentence_claims(text, ms, spans, si, in_sent, changes, previous) -> list[Claim]:
    s, e = spans[si]
    lists = _change_lists(text, ms, in_sent, changes) if _RESPECTIVELY.search(text, s, e) else {}
    tails = {i for members in lists.values() for i in members[1:]}
    changes = [(ci, ch) for ci, ch in changes if ci not in tails]
    bounds = []
    for k, (ci, _) in enumerate(changes):
        # a change owns its sentence up to the end of its clause when another change follows:
        # 营收A，同比增长x%，净利润B，同比增长y%; with no clause end between, what follows is the next one's
        last = ms[lists.get(ci, [ci])[-1]].end  # (a list of changes, 增长X和Y, owns what follows its last)
        hi = e
        if k + 1 < len(changes):
            nxt = ms[changes[k + 1][0]].start
            cut = _CLAUSE_END.search(text, last, nxt)
            if cut and _BASE_NEXT_CLAUSE.match(text, cut.start()):  # B，同比增长X%，上年为A，其中C，增长Y%: the base
                cut = _CLAUSE_END.search(text, cut.end(), nxt) or cut  # clause after a change is still its own
            hi = cut.start() if cut else _before_next(text, last, nxt)
        else:
            hi = _next_change_clause(text, last, e, _base_words(text, ms[ci], s))
        bounds.append(hi)
    out, used = [], set()
    open_starts = []
    for k, (ci, change) in enumerate(changes):
        lo = bounds[k - 1] if k else s
        hi = bounds[k]
        if _RESPECTIVELY.search(text, lo, hi):
            # values and changes paired in order (分别为A和B，增长X和Y); a single change among lists is left open
            claim = _paired(text, ms, in_sent, lists[ci], change, (s, e), lo, hi) if ci in lists else None
            out.extend(claim or [])
            continue
        window = [i for i in in_sent if lo <= ms[i].start and ms[i].end <= hi and i != ci]
        c = ms[ci]
        claim = _assemble(text, ms, window, ci, change, (s, e), lo)
        rates = [j for j, ch in changes[:k] if ms[j].kind == "percent"]
        if claim is None and rates and c.kind == "percentage_points":
            claim = _rate_against_rate(text, ms, window, ci, change, rates[-1], (s, e), lo) \
                or _base_rate_after(text, ms, in_sent, ci, change, rates[-1], (s, e))
        if claim is None and k == 0 and previous is not None:
            claim = _across_sentences(text, ms, window, ci, change, (s, e), previous)
        if claim is None:
            claim = _base_year_claim(text, ms, spans, si, ci, change)
        if claim is None and c.kind == "percentage_points" and change.family == "比A高出X%":
            claim = _against_the_market(text, ms, in_sent, ci, change, (s, e))
        if claim is None:
            open_starts.append((k, ci, change, window, lo))
            continue
        out.extend(claim)
        used.update(q.start for g in claim if isinstance(g, GrowthClaim) for q in (g.start, g.end))
    for k, ci, change, window, lo in open_starts:
        claim = _end_stated_before(text, ms, in_sent, window, ci, change, (s, e), lo, used)
        if claim is None:
            claim = _base_of_its_period(text, ms, in_sent, ci, change, (s, e), used)
        if claim is None and previous is not None:
            claim = _same_words_before(text, ms, window, ci, change, (s, e)) \
                or _subject_stated_before(text, ms, window, ci, change, (s, e))
        if claim is not None:
            out.extend(claim)
            used.update(q.start for g in claim if isinstance(g, GrowthClaim) for q in (g.start, g.end))
    return out


_LAST_PERIOD = re.compile(r"(?:比|较)上(?:一)?(?:个)?(?:季度?|月|期|周)")  # (not 上年: a year may lie between two surveys)
_WORDS_AFTER = re.compile(r"[^，,；;。:：\d]{4,24}")


def _same_words_before(text, ms, window, ci, change: Change, sent) -> list[Claim] | None:
    """一季度，有20.3%的银行家认为货币政策“宽松”……。二季度，有13.5%的银行家认为货币政策“宽松”，比上季降低6.9个百分点:
    a change against the last period, whose value is followed by the same words as one value of the sentences
    before it in the paragraph; that value is its start. One such value, or none is taken."""
    c = ms[ci]
    if not _LAST_PERIOD.search(_clause_before(text, sent[0], c, 16)) or change.reading not in ("rate", "points"):
        return None  # (a cheap test first)
    own = [i for i in window if ms[i].kind in _wanted(c) and ms[i].end <= c.start]
    if len(own) != 1:
        return None
    words = _WORDS_AFTER.match(text, ms[own[0]].end)
    if words is None:
        return None
    same = [j for j, m in enumerate(ms) if m.end <= sent[0] and m.kind == ms[own[0]].kind and m.unit == ms[own[0]].unit
            and (w := _WORDS_AFTER.match(text, m.end)) is not None and w.group() == words.group()]
    if len(same) != 1:
        return None
    ps = clause_start(text, ms[same[0]].start, marks=SENTENCE_MARKS)
    how = f"start: the value of the sentence before said with the same words «{words.group()}», change «{change.family}»"
    return _undated(text, ms, same[0], own[0], ci, change, (ps, sent[1]), how)


_SUBJECT_COMPARED = re.compile(r"(?:其中|而|但)?[，,]?\s?[“\"「]?(?P<subject>[\u4e00-\u9fff]{2,8}?)[”\"」]?(?:指数|比例|占比)?(?:较|比)$")


def _subject_stated_before(text, ms, window, ci, change: Change, sent) -> list[Claim] | None:
    """……购房(23.1%)……。其中，“购房”较上季度的22.9%上涨0.2个百分点: a comparison with its start whose subject's
    own figure was given earlier in the paragraph, in brackets right after the subject's name (once only)."""
    c = ms[ci]
    if change.reading not in ("rate", "points") or "的" not in text[max(sent[0], c.start - 40):c.start]:
        return None  # (a cheap test first: 较上季度的A)
    own = [i for i in window if ms[i].kind in _wanted(c) and ms[i].end <= c.start]
    if len(own) != 1:
        return None
    clause = _clause_before(text, sent[0], ms[own[0]], 30)
    at = max(clause.rfind("较"), clause.rfind("比"))  # (较上季度的A: the words of the comparison end with 的)
    subject = _SUBJECT_COMPARED.search(clause[:at + 1]) if at >= 0 and clause.endswith("的") else None
    if subject is None:
        return None
    name = subject.group("subject")
    stated = [j for j, m in enumerate(ms) if m.end <= sent[0] and m.kind == ms[own[0]].kind and m.unit == ms[own[0]].unit
              and re.search(rf"{re.escape(name)}[”\"」]?\s?[(（]$", text[max(0, m.start - 12):m.start])]
    if len(stated) != 1:
        return None
    how = f"start «较/比……的A», end: the figure given earlier in brackets after «{name}», change «{change.family}»"
    ps = clause_start(text, ms[stated[0]].start, marks=SENTENCE_MARKS)
    return _undated(text, ms, own[0], stated[0], ci, change, (ps, sent[1]), how)


# The base a start value's words name, by the period it lies back: 上月为A (a month or less: 环比), 去年同期为A (同比)
_SHORT_BASE = re.compile(r"上月|上个月|前月|上周|前周|前一周|上一周|上季|上一季|前一交易日|上一交易日|上期")
_YEAR_BASE = re.compile(r"去年|上年|上一年|前一年")


_BASE_CLAUSE_LEAD = re.compile(rf"\s?(?:而|但)?(?:{_SHORT_BASE.pattern}|{_YEAR_BASE.pattern})(?:同期)?[^，,。；;:：\d%]{{0,8}}?"
                               r"(?:为|是|只有|仅为|仅有|达到?|共计?|合计|成交|实现)\s?")


def _base_of_its_period(text, ms, in_sent, ci, change: Change, sent, used) -> list[Claim] | None:
    """B，环比上涨X%，同比下降Y%，上月为A: with two changes against two bases, a base stated apart goes to the change
    whose base period it names (上月 to 环比, 去年同期 to 同比); the end is the one level of its measure before the
    changes."""
    c = ms[ci]
    period = _base_period(text, c, sent)
    if period not in ("month", "year") or change.reading == "annual" or c.kind != "percent" \
            or not (_SHORT_BASE if period == "month" else _YEAR_BASE).search(text, c.end, sent[1]):
        return None  # (a cheap test first: no words naming a base of the period after the change)
    roles = roles_in(text, ms, in_sent, sent[0])
    stated = _values(ms, list(roles), c, explicit=True)
    values = [i for i in stated if ms[i].start not in used]  # a base is of one change; the level may end both
    named = []
    for i in values:
        lead = _clause_before(text, sent[0], ms[i], 16)
        if ms[i].start < c.end or not (roles[i].role == "start" and roles[i].family == "上年同期为A"
                                       or roles[i].role == "level" and _BASE_CLAUSE_LEAD.fullmatch(lead)):
            continue  # (上月为A, or a clause that opens with the base: 上月成交量为A)
        said = "month" if _SHORT_BASE.search(lead) else "year" if _YEAR_BASE.search(lead) and (
            "同期" in lead or not _SUB_YEAR.search(text, sent[0], c.start)) else None  # (去年为A: a whole year's)
        if said == period:
            named.append(i)
    if len(named) != 1:
        return None
    a = named[0]
    levels = [i for i in stated if roles[i].role in ("level", "end") and ms[i].end <= c.start and _same_unit(ms[i], ms[a])]
    if len(levels) != 1 or any(ms[i].kind in _CHANGE_KINDS and change_of(text, ms[i], sent[0]) is None
                               for i in in_sent if ms[levels[0]].end <= ms[i].start < c.start):
        return None
    how = f"start «{roles[a].family or 'a clause opening with its base'}» naming the base of the change's period, " \
          f"end: the level before the changes, change «{change.family}»"
    return _claim(text, ms, a, levels[0], ci, change, sent, how)


# What joins the members of one list: 33.84亿元和96.05亿元, 4.52个百分点、1.65个百分点, 10 pct and 12 pct
_LIST_JOIN = re.compile(r"^\s?(?:、|和|与|及|以及|,\s*|,?\s+and\s+)\s?$", re.I)


def _lists(text: str, ms: list[Mention], idx: list[int]) -> list[list[int]]:
    """Runs of mentions of one unit joined as a list, in order."""
    runs: list[list[int]] = []
    for i in idx:
        if runs and ms[runs[-1][-1]].unit == ms[i].unit and _joined(text, ms[runs[-1][-1]], ms[i]):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


_NOUN_AFTER = re.compile(r"\s+([A-Za-z]+)")


def _joined(text: str, a: Mention, b: Mention) -> bool:
    """a and b are members of one list: 10 pct and 12 pct, or with the noun each carries (791.7 million units and
    1134.0 million units)."""
    between = text[a.end:b.start]
    if _LIST_JOIN.match(between):
        return True
    noun = _NOUN_AFTER.match(between)
    return noun is not None and _LIST_JOIN.match(between[noun.end():]) is not None \
        and text.startswith(noun.group(0), b.end)


def _change_lists(text, ms, in_sent, changes) -> dict[int, list[int]]:
    """Each change that heads a list of changes of its kind (分别增长25.48%和15.38%), with the list."""
    heads = {ci for ci, _ in changes}
    out = {}
    for run in _lists(text, ms, [i for i in in_sent if ms[i].kind in _CHANGE_KINDS]):
        if len(run) > 1 and run[0] in heads:
            out[run[0]] = run
    return out


def _paired(text, ms, in_sent, members: list[int], change: Change, sent, lo, hi) -> list[Claim] | None:
    """分别为A和B，比前周增加D和E，周增幅分别达X%和Y%: values and changes listed in one order. Each list of values
    as long as the changes' is a column (its role is its first value's); values standing alone form one column
    when there are exactly as many of them, with one role; anything else leaves the pairing open."""
    n = len(members)
    head = ms[members[0]]
    wanted = _wanted(head)
    idx = [i for i in in_sent if lo <= ms[i].start and ms[i].end <= hi and i not in members]
    roles = roles_in(text, ms, idx, lo, wanted)
    values = [i for i in _values(ms, list(roles), head, explicit=True)]
    if len(values) != len(roles):
        return None
    series = _year_series(text, ms, in_sent, values, members, change, sent)
    if series is not None:
        return series
    columns, alone = [], []
    for run in _lists(text, ms, values):
        if len(run) == n:
            columns.append(run)
        elif len(run) == 1:
            alone.append(run[0])
        else:
            return None
    if columns:  # (这两个板块: a count of another measure than the listed values is no value of theirs)
        alone = [i for i in alone if any(_same_unit(ms[i], ms[column[0]]) for column in columns)]
    if alone:
        if len(alone) != n or len({roles[i].role for i in alone}) != 1:
            return None
        columns.append(alone)
    if not columns:
        return None
    out: list[Claim] = []
    for k, ci in enumerate(members):
        window = sorted(column[k] for column in columns)
        paired_roles = {column[k]: roles[column[0]] for column in columns}
        claim = _assemble(text, ms, window, ci, change, sent, lo, roles=paired_roles)
        if claim is None:
            return None  # one pair that does not read leaves the whole list in doubt
        out.extend(claim)
    return out


_YEAR_TO_YEAR = re.compile(r"((?:19|20)\d\d)\s?(?:至|到|-|–|—|~|～)\s?((?:19|20)\d\d)")


def _years_of_range(m: Mention) -> tuple[Mention, Mention] | None:
    """The first and last year of one mention that spans years (2015～2017年), each as a year of its own."""
    found = _YEAR_TO_YEAR.match(m.surface)
    if found is None:
        return None
    y1, y2 = int(found.group(1)), int(found.group(2))
    if not y1 < y2:
        return None
    def year(y: int, at: int) -> Mention:
        return replace(m, start=m.start + at, end=m.start + at + 4, surface=str(y), value=float(y), low=float(y),
                       high=float(y + 1))
    return year(y1, found.start(1)), year(y2, found.start(2))


_ON_LAST_YEAR = re.compile(r"(?:比|较)(?:上年|上一年|前一年)|同比")


def _year_series(text, ms, in_sent, values: list[int], members: list[int], change: Change, sent) -> list[Claim] | None:
    """2015～2017年……分别为A、B、C，分别比上年增长X、Y和Z: one value a year over a span of as many years, and as many
    rates against the year before. Each rate after the first is its value against the one before it; the first
    one's base is not stated, so it makes no claim."""
    n = len(members)
    runs = _lists(text, ms, values)
    if len(runs) != 1 or len(runs[0]) != n or n < 2 or change.reading != "rate" \
            or not _ON_LAST_YEAR.search(text, ms[runs[0][-1]].end, ms[members[0]].start):
        return None
    column = runs[0]
    span = _year_range(text, ms, sent[0], column[0])
    if span is None or round(span[1].low - span[0].low) + 1 != n \
            or any(ms[i].kind in ("date", "year") for i in in_sent if ms[column[0]].start <= ms[i].start < ms[members[-1]].end):
        return None
    out: list[Claim] = []
    how = f"a yearly series over {span[0].value:.0f}-{span[1].value:.0f}, each rate against the year before, " \
          f"change «{change.family}»"
    for k in range(1, n):
        claim = _undated(text, ms, column[k - 1], column[k], members[k], change, sent, how)
        if claim is None:
            return None
        out.extend(claim)
    return out


_VERB_ANY = re.compile(rf"{UP_ZH}|{DOWN_ZH}|\b(?:rose|risen|rises|rising|increased|increases|increasing|grew|grown|"
                       r"growing|gained|climbed|climbing|jumped|surged|soared|fell|fallen|falls|falling|decreased|"
                       r"decreasing|declined|declining|dropped|dropping|slipped|slumped|plunged|shrank)\b", re.I)


_LATER_EVENT = re.compile(r"\s(?:before|after|then)\s+[a-z]+ing\b|(?:随后|之后|此后|其后)", re.I)
_START_WORD = re.compile(r"从|由|\bfrom\b", re.I)
_CONTRAST = re.compile(r"\s*(?:(?:but|while|whereas|although|though|however)\b|其中)", re.I)


def _next_change_clause(text: str, pos: int, end: int, base: str | None = None) -> int:
    """Where a later clause with a change of its own begins (…, with exports rising to 72,000 tonnes), or a
    contrasting one (…, but slightly lower than the four billion barrels): values from there on belong
    to something else."""
    later = _LATER_EVENT.search(text, pos, end)
    if later is not None:
        end = later.start()  # … to 1.90 dollars before rallying to 2.20 dollars: what follows happened later
    for cut in _CLAUSE_END.finditer(text, pos, end):
        nxt = _CLAUSE_END.search(text, cut.end(), end)
        clause = text[cut.end():nxt.start() if nxt else end]
        against = _AGAINST.match(clause) or _COMPARED_CLAUSE_AT.match(clause)
        if against is not None and base is not None and _same_base(against.group("base"), base):
            continue  # 较年初增长X%，比年初增加D / 同比增长X%，比去年同期的A多了D: a comparison with the change's own
            # base speaks of its subject
        if _VERB_ANY.search(clause) and not _START_WORD.search(clause) and not _SUBJECTLESS.match(clause) \
                or _CONTRAST.match(clause):
            return cut.start()  # (a clause that starts the values' range, 由A缩减到B, still belongs to it;
    return end  # one that opens with its verb, 增加20亿元, still speaks of the subject before)


# A clause that opens with its verb and an amount (，增加20亿元 / , up 5.1 billion dlrs): no subject of its own
_SUBJECTLESS = re.compile(rf"\s?(?:同比|环比|较上年|比上年)?(?:{UP_ZH}|{DOWN_ZH})了?\s?\d|\s?(?:up|down)\s+\d", re.I)
# The base a change is compared with, in the words right before it: 较年初增长X% (年初), 同比增长X% (同比)
_BASE_BEFORE = re.compile(rf"(?:(?:较|比)(?P<base>[^，,。；;:：\d%]{{1,8}}?)|(?P<same>同比|环比))(?:{UP_ZH}|{DOWN_ZH})了?$")
# A clause that opens with a comparison and the value compared with: 比去年同期的A……
_COMPARED_CLAUSE_AT = re.compile(r"\s?(?:较|比|与)(?P<base>[^，,。；;:：\d%]{1,8}?)的\s?\d")


def _base_words(text: str, c: Mention, floor: int) -> str | None:
    found = _BASE_BEFORE.search(text, max(floor, c.start - 12), c.start)
    return None if found is None else found.group("base") or found.group("same")


def _period_named(words: str) -> str | None:
    """The period a base lies back: a year (同比, 去年同期, 上年) or less (环比, 上月, 上周, 前一交易日)."""
    if words == "环比" or _SHORT_BASE.search(words):
        return "month"
    if words == "同比" or re.fullmatch(r"(?:去年|上年|上一年)同期|去年|上年", words):
        return "year"
    return None


def _same_base(words: str, base: str) -> bool:
    """Two comparisons with one base: the same words (年初, 年初), or the same period named (同比, 去年同期)."""
    return words == base or _period_named(words) is not None and _period_named(words) == _period_named(base)
_AGAINST = re.compile(rf"\s?(?:较|比)(?P<base>[^，,。；;:：\d%]{{1,8}}?)(?:{UP_ZH}|{DOWN_ZH})了?[^\d，,。；;:：%]{{0,2}}?\s?\d")


def _end_stated_before(text, ms, in_sent, window, ci, change: Change, sent, lo, used) -> list[Claim] | None:
    """大涨3.29%收报3250.3点，与年初的1464.77点相比，涨幅已经高达121.9%: a change with only its start takes the
    end value stated just before, in its sentence, when no other claim took it."""
    c = ms[ci]
    if not any(ms[i].kind in _wanted(c) for i in window):
        return None
    roles = roles_in(text, ms, window, lo, _wanted(c))
    values = _values(ms, list(roles), c, explicit=True)
    starts_ = [i for i in values if roles[i].role == "start"]
    if len(starts_) != 1 or any(roles[i].role in ("end", "level", "delta") for i in values):
        return None
    before = [i for i in in_sent if ms[i].end <= lo and ms[i].start not in used]
    ends = [i for i, r in roles_in(text, ms, before, sent[0]).items() if r.role == "end"
            and i in _values(ms, before, c, explicit=True)]
    if not ends:
        return None
    how = f"start «{roles[starts_[0]].family}», end «{role_of(text, ms[ends[-1]], sent[0]).family}» stated before, " \
          f"change «{change.family}»"
    return _claim(text, ms, starts_[0], ends[-1], ci, change, sent, how)


def _time_like(m: Mention) -> bool:
    """Dates, years, durations and ordinals, and a bare four-digit year (2013版, 2019年度前): never a value."""
    if m.kind in ("date", "year", "duration", "ordinal"):
        return True
    return m.kind == "count" and not m.unit and m.value == int(m.value) and 1900 <= m.value <= 2100 \
        and m.surface.strip().isdigit()


_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s$")


def _month_day(text: str, m: Mention) -> bool:
    """March 1, Feb. 28: a day of a month, not a value."""
    return m.kind == "count" and not m.unit and m.value <= 31 and bool(_MONTH_BEFORE.search(text, max(0, m.start - 11),
                                                                                           m.start))


def roles_in(text: str, ms: list[Mention], window: list[int], lo: int,
             kinds: tuple[str, ...] = ("count", "amount", "percent")) -> dict[int, Role]:
    """The role of each value of the given kinds in a stretch of a sentence, each read from the value before it."""
    roles = {}
    prev_end, prev, prev_from = lo, None, lo
    for i in window:
        if _time_like(ms[i]) or _month_day(text, ms[i]):
            continue
        lead_from = prev_end
        if prev is not None and _modifies(text, ms[prev], ms[i]):
            roles.pop(prev, None)  # 比前一周18家公司的A: the count is part of the value's words, not a value
            lead_from = prev_from
        if ms[i].kind in kinds:
            roles[i] = role_of(text, ms[i], lead_from)
        prev, prev_from, prev_end = i, lead_from, ms[i].end
    return roles


_OF_MODIFIER = re.compile(r"[^，,。；;:：\d%]{0,8}的[^，,。；;:：\d%的]{0,4}")


def _modifies(text: str, count: Mention, m: Mention) -> bool:
    """A count of another measure joined to the value by 的 (18家公司的27.79亿股) describes it."""
    return count.kind == "count" and count.unit != m.unit and m.kind in _VALUE_KINDS \
        and bool(_OF_MODIFIER.fullmatch(text, count.end, m.start))


def _wanted(change: Mention) -> tuple[str, ...]:
    return ("percent",) if change.kind == "percentage_points" else _VALUE_KINDS


def _values(ms: list[Mention], idx: list[int], change: Mention, explicit: bool = False) -> list[int]:
    """Values a change can relate: of the right kind, positive (points may be negative), with a unit or a
    magnitude unless both roles are stated outright."""
    wanted = _wanted(change)
    out = []
    for i in idx:
        m = ms[i]
        if m.kind not in wanted or m.value != m.value:
            continue
        if change.kind != "percentage_points" and (m.low <= 0 or not (explicit or m.unit or _MAGNITUDE.search(m.surface))):
            continue
        if change.kind == "percentage_points" and m.qualifier:
            continue
        out.append(i)
    return out


_DELTA_CUE = re.compile(r"(?:比|较|同比|环比|相比|周增|周减|月增|日增|from|on|over|than|versus|against|compared|"
                        r"rose|fell|up|down|increased|decreased|gained|lost|dropped|declined)", re.I)


def _assemble(text, ms, window, ci, change: Change, sent, lo, roles: dict[int, Role] | None = None) -> list[Claim] | None:
    """The claim of one change from the values of its stretch (`roles`, when given, are the roles of values
    paired with it from lists: 分别为A和B……分别增长X和Y)."""
    c = ms[ci]
    wanted = _wanted(c)
    if sum(1 for i in window if ms[i].kind in wanted) == 0:
        return None  # no value of the change's measure in its stretch
    if roles is None:
        roles = roles_in(text, ms, window, lo, wanted)
    values = [i for i in _values(ms, list(roles), c, explicit=True)
              if not (i > 0 and (_conversion(text, ms[i - 1], ms[i]) or _per_share(text, ms[i - 1], ms[i])))]
    by_role = {r: [i for i in values if roles[i].role == r] for r in ("start", "end", "delta", "level", "open")}
    starts_, ends, deltas, levels = by_role["start"], by_role["end"], by_role["delta"], by_role["level"]
    if by_role["open"]:
        return None  # 新增装机容量200万千瓦，比……提高132%: a change or a level, the words do not say
    sign = change.sign
    annual = change.reading == "annual"
    if sign == 0:  # D, or X%: the direction is the amount's
        if len(deltas) != 1 or roles[deltas[0]].sign == 0:
            return None
        sign = roles[deltas[0]].sign
    roles = {i: replace(r, sign=sign) if r.family == _OR_AMOUNT else r for i, r in roles.items()}
    change = Change(sign, change.reading, change.family)
    plain = _values(ms, values, c) + _bare_amount_and_level(text, ms, roles, deltas, ends)
    if change.family == "X% more/less than":
        restated = _or_than(text, ms, values, roles, ci, change, sent)
        if restated is not None:
            return restated
    if len(starts_) == 1 and len(ends) == 1 and not _others_alike(ms, values, (starts_[0], ends[0]), deltas):
        return _claim(text, ms, starts_[0], ends[0], ci, change, sent,
                      f"start «{roles[starts_[0]].family}», end «{roles[ends[0]].family}», change «{change.family}»")
    pairs = [(a, b) for a in starts_ for b in ends if _adjacent(text, ms, a, b)]
    if len(pairs) == 1:  # 从A增至B / from A to B / to B from A: one start and end side by side, whatever else is near
        a, b = pairs[0]
        return _claim(text, ms, a, b, ci, change, sent,
                      f"start «{roles[a].family}», end «{roles[b].family}» side by side, change «{change.family}»")
    plain_levels = [i for i in levels if i in plain]
    narrowed = False  # several levels, and the comparison clause says which it speaks of
    if len(starts_) == 1 and not ends and starts_[0] in plain:
        plain_levels = [i for i in plain_levels if _same_unit(ms[i], ms[starts_[0]])
                        and _same_scale(ms[i], ms[starts_[0]])]
        if len(plain_levels) > 1:
            plain_levels = _compared_level(text, ms, plain_levels, starts_[0])
            narrowed = len(plain_levels) == 1
    if not starts_ and len(ends) == 1 and ends[0] in plain and change.reading != "annual":
        # 出口金额为A，随后大幅上升至B: the end's clause is only its verb, so it moves the level before it
        before_end = [i for i in plain_levels if i < ends[0] and _same_unit(ms[i], ms[ends[0]])]
        if len(before_end) == 1 and _END_CONTINUES.fullmatch(text, ms[before_end[0]].end, ms[ends[0]].start):
            return _claim(text, ms, before_end[0], ends[0], ci, change, sent,
                          f"start: the level its end's clause moves, end «{roles[ends[0]].family}», "
                          f"change «{change.family}»")
    if len(starts_) == 1 and not ends and len(plain_levels) == 1 and starts_[0] in plain \
            and (narrowed or not _others_alike(ms, values, (starts_[0], plain_levels[0]), deltas)):
        return _claim(text, ms, starts_[0], plain_levels[0], ci, change, sent,
                      f"start «{roles[starts_[0]].family}», end: the value it is compared with, "
                      f"change «{change.family}»")
    if len(deltas) == 1 and not starts_ and not annual and deltas[0] in plain:
        d = deltas[0]
        # the level the amount changed: an end value anywhere (rose D to B), or a plain level before it (B，比上年增加D)
        others = [i for i in ends if i in plain] + [i for i in plain_levels if _same_unit(ms[i], ms[d]) and (
            i < d or _continues_subject(text, ms, i, d))]  # (下跌D，报B: the level's clause follows the amount's)
        if len(others) > 1:  # 稳定在A以上，2022年达到B，比2012年增加D: the comparison speaks of the clause before it
            others = _compared_level(text, ms, sorted(i for i in others if i < d), d)
        if len(others) == 1:
            b = others[0]
            lead = text[ms[b].end if b < d else max(sent[0], ms[d].start - 30):ms[d].start]
        if len(others) == 1 and roles[d].sign == sign and _same_unit(ms[others[0]], ms[d]) \
                and (_DELTA_CUE.search(lead) or _continues_subject(text, ms, others[0], d)):
            return [_delta_claim(ms, others[0], d, c, change, sent,
                                 f"end value and the change amount «{roles[d].family}», change «{change.family}»")]
    if len(deltas) == 1 and len(starts_) == 1 and not ends and not plain_levels and not annual \
            and deltas[0] in plain and starts_[0] in plain and roles[deltas[0]].sign == sign \
            and _same_unit(ms[starts_[0]], ms[deltas[0]]) \
            and not _COMPARISON_OPENING.match(text[sent[0]:ms[min(starts_[0], deltas[0])].start]):
        # 较上年的A增加D / rose D, or X pct, from A: the end is A + D (in a sentence that opens with the comparison,
        # 较上年的A增加D, the end is the value of the sentence before)
        return [_delta_claim(ms, starts_[0], deltas[0], c, change, sent,
                             f"start «{roles[starts_[0]].family}» and the change amount «{roles[deltas[0]].family}», "
                             f"change «{change.family}»", from_start=True)]
    dated = plain_levels + [i for i in ends if i in plain]
    other_measure = {i for i in dated if not any(j != i and _same_unit(ms[i], ms[j]) for j in dated)}  # (三个方面)
    dated = [i for i in dated if i not in other_measure]
    if not starts_ and len(ends) <= 1 and len(dated) == 2 and len(levels) + len(ends) - len(other_measure) == 2 \
            and all(_has_magnitude(ms[i]) or ms[i].kind == "amount" or c.kind == "percentage_points" for i in dated) \
            and _same_unit(ms[dated[0]], ms[dated[1]]) and not _JOIN.match(text[ms[dated[0]].end:ms[dated[1]].start]) \
            and (not deltas or len(deltas) == 1 and _is_difference(ms[deltas[0]], ms[dated[0]], ms[dated[1]])):
        period = _base_period(text, c, sent)
        return _by_times(text, ms, sorted(dated), ci, change, sent, sent[0], period=period,
                         end=ends[0] if ends else None) if period != "" else None
    return None


_BARE_END = ("to B", "at/reached B")


def _bare_amount_and_level(text: str, ms: list[Mention], roles: dict[int, Role], deltas: list[int],
                           ends: list[int]) -> list[int]:
    """Figures with no unit that are still the change and its level, because English says so with a verb and
    'to': jobless claims fell 12,000 to 88,000; the index gained 30.2 points, or 1.02%, to 3,000.5 (points are
    read as no unit). Only one amount before one end, each bare and plain, else none."""
    if len(deltas) != 1 or len(ends) != 1 or deltas[0] > ends[0]:
        return []
    d, e = ms[deltas[0]], ms[ends[0]]
    if roles[deltas[0]].family != "rose D" or roles[ends[0]].family not in _BARE_END \
            or any(m.kind != "count" or m.unit or m.qualifier or m.low <= 0 for m in (d, e)):
        return []
    return [deltas[0], ends[0]]


_END_CONTINUES = re.compile(rf"\s?[，,]\s?(?:随后|此后|之后|其后|后来|再度|又|再|一度)?(?:[大小]幅|迅速|快速|持续|逐步|稳步|明显|骤然)?"
                            rf"(?:{UP_ZH}|{DOWN_ZH})(?:到|至)了?\s?")


def _same_scale(a: Mention, b: Mention) -> bool:
    """Chinese writes 万 or 亿 on every large figure: 0.5元 beside 12亿元 and 10亿元 (每股收益 beside 净利润) is
    another measure, unless the two are of one size (8856套 beside 1.26万套). English figures are not told apart
    this way."""
    return a.surface.isascii() or b.surface.isascii() or _has_magnitude(a) == _has_magnitude(b) \
        or _of_one_size(a, b)  # (8856套 beside 1.26万套)


def _compared_level(text: str, ms: list[Mention], levels: list[int], start: int) -> list[int]:
    """深市成交额为A1，沪市成交额为A2，两市合计B，较上一交易日的A增长X: a comparison clause with no subject of its own
    speaks of the value of the clause right before it."""
    clause = clause_start(text, ms[start].start) - 1  # its mark, or -1
    if clause < 0 or not _COMPARISON_OPENING.match(text[clause + 1:ms[start].start]):
        return levels
    before = [i for i in levels if ms[i].end <= clause]
    if not before or _CLAUSE_END.search(text, ms[before[-1]].end, clause):
        return levels
    return [before[-1]]


def _base_period(text: str, c: Mention, sent) -> str | None:
    """The base period the change names: None (none), "year" (同比, 比上年), "month" (环比), "" (比上…, not known)."""
    lo = max(sent[0], c.start - 12)
    lo = clause_start(text, c.start, lo)  # its own clause: 环比增长X%，同比增长Y%
    base = _BASE_NAMED.search(text, lo, c.start)  # names a year for Y
    return None if base is None else "month" if base.group("month") else "year" if not base.group("any") else ""


def _adjacent(text: str, ms: list[Mention], a: int, b: int) -> bool:
    """从A增至B, 由A降至B, to B from A: the start and the end side by side in one clause, which no other value can
    come between."""
    a, b = min(a, b), max(a, b)
    return all(_time_like(ms[i]) for i in range(a + 1, b)) and ms[b].start - ms[a].end <= 16 \
        and not _CLAUSE_END.search(text, ms[a].end, ms[b].start)


def _is_difference(d: Mention, a: Mention, b: Mention) -> bool:
    """2013年为B，2012年为A，2013年比2012年增加D: the amount restates the difference of the two dated values."""
    diff = abs(a.value - b.value)
    return diff > 0 and abs(d.value - diff) <= 0.02 * diff + (d.high - d.low)


# A clause with no words of its own before the amount continues the subject of the value before it:
# 上证指数收报2400点，上涨400点，涨幅20%; closed at 2,400, up 400 points.
_BARE_CHANGE_CLAUSE = re.compile(
    rf"^\s?[，,]\s?(?:[全本当上单一]?[日周月年]内?|全天|当天|当日|盘中|期间)?(?:累计|大幅|小幅|大|微|再|共|合计)?"
    rf"(?:{UP_ZH}|{DOWN_ZH})了?$|^,?\s+(?:up|down)\s+(?:by\s+)?$", re.I)
# 增加20亿元至120亿元, 增加了20亿元，达到120亿元, 增加20亿元，增幅20%，达到120亿元: the end follows the amount
# with nothing but its verb (and the rate, left out before matching)
_CHANGE_IN = re.compile(r"[\d.]+%")
_ATTACHED_END = re.compile(r"^\s?(?:[，,]\s?(?:增幅|涨幅|降幅|跌幅|增长|下降|上涨|下跌|同比增长|同比下降)(?:为|达)?[，,])?"
                           r"[，,]?\s?(?:至|到|达到|达|升至|增至|降至|涨至|跌至)$")
_BARE_END_CLAUSE = re.compile(r"[，,]\s?(?:最终|最后|尾盘|全天|当日|收盘)?(?:收于|收报|报收|收盘于|收在|报)$")


def _continues_subject(text: str, ms: list[Mention], b: int, d: int) -> bool:
    """The level b and the amount d speak of one thing: the amount's clause follows the level's with nothing but
    its verb (收报B，上涨D), or the level's clause follows the amount's with nothing but its verb (上涨D，涨幅X，收于B)."""
    if b < d:
        return bool(_BARE_CHANGE_CLAUSE.match(text[ms[b].end:ms[d].start]))
    between = text[ms[d].end:ms[b].start]
    return bool(_BARE_END_CLAUSE.search(between[-8:]) or _ATTACHED_END.match(_CHANGE_IN.sub("", between)))


# 同比/环比/比上年 name the base period themselves: two dated values are then start and end by their dates only when
# they are a year apart (同比, 比上年); 环比 and its kin name a period the dates cannot be checked against
_BASE_NAMED = re.compile(r"同比|比上年|较上年|比去年|较去年|year-on-year|a\s+year\s+earlier"
                         r"|(?P<month>环比|比上月|较上月|month-on-month)|(?P<any>比上|较上|比去|较去)", re.I)


def _others_alike(ms: list[Mention], values: list[int], chosen: tuple[int, int], deltas: list[int]) -> bool:
    """Another value of the same measure in the stretch (达到1.05亿吨……约有5亿吨……对比1.28亿吨……翻番):
    which two the change relates is then open."""
    a = ms[chosen[0]]
    return any(i not in chosen and i not in deltas and _same_unit(ms[i], a) and ms[i].unit == a.unit
               and _same_scale(ms[i], a) for i in values)


_OR = re.compile(r"^,?\s+or\s+$")


def _or_than(text, ms, values, roles, ci, change: Change, sent) -> list[Claim] | None:
    """V, or X pct more than the A: V is the level (376.9 bn, or six pct more than the 355.6 bn) or the
    difference (5.1 bn, or 1.4 pct, above the 373.4 bn), and only the sizes tell which: a level is near
    A·(1 ± X), a difference near A·X, and for a change under 50% the two are a factor of two apart or more."""
    c = ms[ci]
    before = [i for i in values if ms[i].end <= c.start and _OR.match(text[ms[i].end:c.start])]
    after = [i for i in values if ms[i].start >= c.end and roles[i].role == "start"]
    if len(before) != 1 or not after or c.value >= 50:
        return None
    v, a = ms[before[0]], ms[after[0]]
    if not _same_unit(v, a) or a.value <= 0:
        return None
    level_ratio = 1 + change.sign * c.value / 100
    if 0.8 <= (v.value / a.value) / level_ratio <= 1.25:
        return _claim(text, ms, after[0], before[0], ci, change, sent,
                      f"start «{roles[after[0]].family}», end: the value the change restates, change «{change.family}»")
    if 0.5 <= (v.value / a.value) / (c.value / 100) <= 2:
        return [_delta_claim(ms, after[0], before[0], c, change, sent,
                             f"start «{roles[after[0]].family}» and the change amount before the rate, "
                             f"change «{change.family}»", from_start=True)]
    return None


def _claim(text, ms, a, b, ci, change: Change, sent, how: str) -> list[Claim] | None:
    """A growth claim from start a to end b (with a period claim when a duration is stated before the change)."""
    first, last = _scaled(ms[a], ms[b])
    if first is None or not _same_unit(first, last):
        return None
    if not how.startswith("start «从/由A»") and \
            _JOIN.match(text[min(ms[a].end, ms[b].end):max(ms[a].start, ms[b].start)]):
        return None  # 5.2亿元至5.9亿元: one range, not two values (由A至B is a change)
    change = _magnitude(text, ms[ci], first, last, change)
    floor = sent[0]
    ta, tb = _time_of(text, ms, a, floor), _time_of(text, ms, b, ms[a].end if a < b else floor)
    after_a, after_b = _year_after(text, ms, a), _year_after(text, ms, b)
    if after_a is not None and after_b is not None:  # to 1.21 billion dlrs in 1986 from 1.0 billion dlrs in 1984
        ta, tb = after_a, after_b
    if change.reading == "annual" and (ta is None or tb is None or not ta.high <= tb.low):
        ta, tb = _year_range(text, ms, floor, min(a, b)) or (None, None)
        if ta is None:
            return None  # an annual average needs the number of years
    return _growth(text, ms, first, last, ci, change, sent, how, ta, tb)


_RANGE_JOIN = re.compile(r"\s?(?:至|到|-|–|—|~|～)\s?|\s+(?:to|and|through)\s+")


def _year_range(text: str, ms: list[Mention], floor: int, first: int) -> tuple[Mention, Mention] | None:
    """The one span of years a sentence opens with, for values that carry no dates of their own:
    2004年至2016年……从A增长至B，年均增长X%; 从2002年到2011年的10年间……; between 1982 and 1986, … Any other
    date before the values leaves the years open."""
    times = [j for j in range(first) if ms[j].start >= floor and ms[j].kind in ("date", "year")]
    if len(times) == 1 and ms[times[0]].kind == "year":
        return _years_of_range(ms[times[0]])
    if len(times) != 2 or times[1] != times[0] + 1:
        return None
    y1, y2 = ms[times[0]], ms[times[1]]
    if y1.kind != "year" or y2.kind != "year" or not y1.low < y2.low \
            or not _RANGE_JOIN.fullmatch(text, y1.end, y2.start):
        return None
    return y1, y2


# A count noun or two may stand between the value and its year (849.5 million units in 2013), never a
# phrase of its own (… in the north in 2013).
_IN_YEAR = re.compile(r"\s+(?:(?!(?:in|of|the|a|an|and|or|to|from|at|by|on|for)\b)[a-z]+\s+){0,2}"
                      r"in\s+(?:fiscal\s+|calendar\s+)?$", re.I)


def _year_after(text: str, ms: list[Mention], i: int) -> Mention | None:
    """The year an English value is dated by right after it: 1.0 billion dlrs in 1984."""
    if i + 1 < len(ms) and ms[i + 1].kind == "year" and _IN_YEAR.fullmatch(text, ms[i].end, ms[i + 1].start):
        return ms[i + 1]
    return None


_ACHIEVED = re.compile(r"(?:实现|完成)了?\s?$")


def _stated_change(text: str, c: Mention) -> Quantity:
    """The change as stated; 翻番 as a goal reached (收入实现翻番, 股价均已实现翻倍) says at least double, not about double."""
    q = Quantity.of(c)
    if c.kind == "multiple" and c.surface.endswith(("翻倍", "翻番")) and _ACHIEVED.search(text, max(0, c.start - 4), c.start):
        return replace(q, high=float("inf"), qualifier="at_least")
    return q


def _undated(text, ms, a: int, b: int, ci, change: Change, sent, how: str) -> list[Claim] | None:
    """A growth claim from start a to end b, read on one scale, with no dates of their own; None when the two are
    not of one unit."""
    first, last = _scaled(ms[a], ms[b])
    if first is None or not _same_unit(first, last):
        return None
    return _growth(text, ms, first, last, ci, change, sent, how, None, None)


def _growth(text, ms, first: Quantity, last: Quantity, ci, change: Change, sent, how, t_first, t_last) -> list[Claim]:
    c = ms[ci]
    q_first = Quantity.of(t_first) if t_first is not None else None
    q_last = Quantity.of(t_last) if t_last is not None else None
    out: list[Claim] = [GrowthClaim(span=(min(first.start, last.start, c.start), max(first.end, last.end, c.end)),
                                    sentence=sent, start=first, end=last, change=_stated_change(text, c),
                                    reading=change.reading, sign=change.sign, order=how, delta=None,
                                    start_time=q_first, end_time=q_last)]
    duration = _duration_before(ms, ci, sent[0])
    if duration is not None and q_first is not None and q_last is not None:
        out.append(PeriodClaim(span=(q_first.start, c.end), sentence=sent, duration=Quantity.of(duration),
                               start_time=q_first, end_time=q_last))
    return out


def _by_times(text, ms, pair, ci, change: Change, sent, floor, period: str | None = None,
              end: int | None = None) -> list[Claim] | None:
    """Two values told apart by their times: 2024年初……1000亿……2025年6月底……30万亿; 今年年初……为A，到了二季度末……已高达B.

    `period`: the change names its base period (同比: "year", 环比: "month"), so the times must be that far apart;
    `end`: the value whose own words make it the end (增至B, 达到B), which must then be the later one."""
    a, b = pair
    ta, tb = _time_of(text, ms, a, floor), _time_of(text, ms, b, ms[a].end)
    if ta is None or tb is None or _absolute(ta) != _absolute(tb):
        ta, tb = relative_time(text, floor, ms[a].start), relative_time(text, ms[a].end, ms[b].start)
    if ta is None or tb is None or ta.unit != tb.unit and "relative" in ta.unit + tb.unit:
        return None
    if _whole_year(ta) != _whole_year(tb) and min(ta.high - ta.low, tb.high - tb.low) > 0.2:
        return None  # 去年全年……今年上半年: a year's amount against a part year's is no growth
    if ta.high <= tb.low:
        first, last, t1, t2 = a, b, ta, tb
    elif tb.high <= ta.low:
        first, last, t1, t2 = b, a, tb, ta
    else:
        return None
    if end is not None and last != end or period is not None and not _period_apart(t1, t2, period):
        return None
    q1, q2 = _scaled(ms[first], ms[last])
    if q1 is None:
        return None
    return _growth(text, ms, q1, q2, ci, change, sent, f"by their times, change «{change.family}»", t1, t2)


def _whole_year(t: Mention) -> bool:
    return abs(t.high - t.low - 1) < 0.01


def _absolute(t: Mention) -> bool:
    """A time with its year (2025年6月底), not a month or day of an unstated year (6月底)."""
    return t.value > 1000


def _period_apart(t1: Mention, t2: Mention, period: str) -> bool:
    """Two times of one length a year apart (2015年 and 2016年; 去年末 and 今年末), or for "month" a month apart
    (2016年3月 and 4月; 上月末 and 本月末)."""
    step = 1.0 if period == "year" or t1.unit == "relative month" or not _absolute(t1) else 1 / 12
    if period == "month" and t1.unit == "relative year":
        return False
    if period == "year" and t1.unit == "relative month":
        return False
    return abs(t2.low - t1.low - step) < 0.02 * step and abs((t2.high - t2.low) - (t1.high - t1.low)) < 0.02


# Times named relative to the writer's present (今年年初, 上年末, 二季度末, 上月末), for values whose dates are not
# written out: each as an interval of years from the start of the present year (or of months, from the present
# month's), so two of them in one sentence can be ordered.
_RELATIVE_TIME = re.compile(
    r"(?P<year>去年|上年|上一年|前一年|前年|今年|本年|当年)?"
    r"(?:(?P<part>年初|年末|年底|(?P<q>[一二三四1-4])季度?末|上半年末|年中)|(?<=年)(?P<bare>初|末|底))(?!以来|至今|开始)"
    r"|(?P<wyear>去年|上年|上一年|前一年|前年|今年|本年)(?P<span>上半年|下半年|前三季度|全年|(?P<wq>[一二三四1-4])季度)?"
    r"(?![初末底中]|以来|至今|同期)"
    r"|(?:(?P<month>上个?月|本月|当月)|(?<![\d一二三四五六七八九十])月)(?P<mpart>初|末|底)(?!以来|至今)")
_YEAR_OFFSET = {"去年": -1, "上年": -1, "上一年": -1, "前一年": -1, "前年": -2}
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def relative_time(text: str, lo: int, hi: int) -> Mention | None:
    """The last time named relative to the present between lo and hi (unit "relative year" or "relative month")."""
    found = last_match(_RELATIVE_TIME, text, lo, hi)
    if found is None:
        return None
    if found.group("mpart"):
        offset = -1 if (found.group("month") or "").startswith("上") else 0
        lo_, hi_ = (0.0, 1 / 3) if found.group("mpart") == "初" else (2 / 3, 1.0)
        unit = "relative month"
    elif found.group("wyear"):  # 去年, 今年上半年: a whole year or a part of it
        offset = _YEAR_OFFSET.get(found.group("wyear"), 0)
        span = found.group("span") or "全年"
        if found.group("wq"):
            q = _QUARTER[found.group("wq")]
            lo_, hi_ = (q - 1) / 4, q / 4
        else:
            lo_, hi_ = {"上半年": (0.0, 0.5), "下半年": (0.5, 1.0), "前三季度": (0.0, 0.75)}.get(span, (0.0, 1.0))
        unit = "relative year"
    else:
        offset = _YEAR_OFFSET.get(found.group("year") or "", 0)
        part = found.group("part") or found.group("bare")
        if found.group("q"):
            point = _QUARTER[found.group("q")] / 4
            lo_, hi_ = point - 1 / 36, point
        elif part in ("上半年末", "年中"):
            lo_, hi_ = 0.5 - 1 / 36, 0.5
        elif part in ("年初", "初"):
            lo_, hi_ = 0.0, 2 / 12
        else:
            lo_, hi_ = 10 / 12, 1.0
        unit = "relative year"
    return Mention(found.start(), found.end(), found.group(0), offset + (lo_ + hi_) / 2, offset + lo_, offset + hi_,
                   unit, "date", "")


_RATE_COMPARED = re.compile(r"[，,]\s?(?:较|比)[^，,。；;:：\d%]{0,8}$")
# 同比增长7.6%，比上年同期的5.1%加快2.5个百分点: the rate compared at once with the earlier rate, stated before the verb
_RATE_COMPARED_INLINE = re.compile(r"[，,]\s?(?:较|比)[^，,。；;:：\d%]{0,10}的\s?")
_EN_COMPARED = re.compile(r"\b(?:compared|against|versus|vs)\b")
_RATE_COMPARED_EN = re.compile(r"(?:\s+in\s+(?:19|20)\d\d)?,?\s+(?:compared\s+with|compared\s+to|against|versus|vs\.?)\s+")


def _rate_against_rate(text, ms, window, ci, change: Change, rate_i, sent, lo) -> list[Claim] | None:
    """同比增长11.6%，增幅比1~2月（3.6%）提高8个百分点: a point change between a rate stated just before
    and the earlier rate it is compared with."""
    between = text[max(sent[0], ms[rate_i].start - 8):ms[ci].start]
    named = re.search(r"增幅|增速|涨幅|降幅|growth|rate", between, re.I)
    zh_at_once = _RATE_COMPARED.match(text, ms[rate_i].end, ms[ci].start)
    if not (named or zh_at_once or _EN_COMPARED.search(text, ms[rate_i].end, ms[ci].start)
            or _RATE_COMPARED_INLINE.match(text, ms[rate_i].end, ms[ci].start)):
        return None  # (a cheap test first)
    rising = change_of(text, ms[rate_i], sent[0])
    roles = roles_in(text, ms, window, lo)
    starts_ = [i for i, r in roles.items() if r.role == "start" and ms[i].kind == "percent" and not ms[i].qualifier]
    if len(starts_) != 1:
        return None
    # 增幅比上月提高X个百分点, or the rate itself compared at once (CPI同比上涨2.1%，较前值回落0.3个百分点; grew by
    # 3.2% in 2004, compared with 2.5% in 2003, a rise of 0.7 percentage points)
    at_once = zh_at_once or _RATE_COMPARED_EN.fullmatch(text, ms[rate_i].end, ms[starts_[0]].start) \
        or _RATE_COMPARED_INLINE.fullmatch(text, ms[rate_i].end, ms[starts_[0]].start) \
        and _VERB_ONLY.fullmatch(text, ms[starts_[0]].end, ms[ci].start)
    if not named and not (at_once and rising is not None and rising.sign > 0):
        return None
    start, end = Quantity.of(ms[starts_[0]]), Quantity.of(ms[rate_i])
    how = f"end: the rate stated before, start «{roles[starts_[0]].family}», change «{change.family}»"
    return _growth(text, ms, start, end, ci, _magnitude(text, ms[ci], start, end, change), sent, how, None, None)


_MARKET = r"(?:同期)?(?:大盘|市场|基准|指数|上证指数|上证综指|沪指|深成指|深证成指|创业板指|沪深300指?数?|中证500指?数?)"
_BEATS_MARKET = re.compile(rf"(?:领先|跑赢|超越|(?P<below>落后|跑输)){_MARKET}[^，,。；;:：\d%]{{0,4}}$")
_MARKET_SUBJECT = re.compile(r"大盘|指数|沪指|上证|深成指|深证|创业板指|沪深300|中证500|恒生|道指|标普|纳指")


def _against_the_market(text, ms, in_sent, ci, change: Change, sent) -> list[Claim] | None:
    """上证指数下跌6.75%，……基金取得了17.28%的平均回报率，领先大盘24.03个百分点: the points between a rate and
    the market's rate stated before it, the market named by a word. Exactly two rates before the change, the
    earlier one said of an index, else the comparison stays open."""
    c = ms[ci]
    if _BEATS_MARKET.search(text, max(sent[0], c.start - 16), c.start) is None:
        return None
    rates = [i for i in in_sent if ms[i].kind == "percent" and ms[i].end <= c.start]
    if len(rates) != 2:
        return None
    market, own = rates
    if not _MARKET_SUBJECT.search(_clause_before(text, sent[0], ms[market], 30)) \
            or _MARKET_SUBJECT.search(_clause_before(text, sent[0], ms[own], 30)):
        return None
    first, last = _signed_rate(text, ms[market], sent[0]), _signed_rate(text, ms[own], sent[0])
    how = f"start: the market's rate, end: the rate compared with it, change «{change.family}»"
    return _growth(text, ms, first, last, ci, change, sent, how, None, None)


def _signed_rate(text: str, m: Mention, floor: int) -> Quantity:
    """A rate as a signed level: 下跌6.75% is -6.75%."""
    q = Quantity.of(m)
    moved = change_of(text, m, floor)
    if moved is None or moved.sign >= 0:
        return q
    return replace(q, surface=f"-{q.surface}", value=-q.value, low=-q.high, high=-q.low)


# 比一季度加快1.0个百分点: the period compared with; ，一季度增长4.5%: a clause that opens with it and states its rate
_COMPARED_PERIOD = re.compile(rf"[，,]\s?(?:增幅|增速|涨幅|降幅|跌幅)?(?:较|比)(?P<base>[^，,。；;:：%]{{2,8}}?)(?:{UP_ZH}|{DOWN_ZH})了?$")
_PERIOD_RATE = re.compile(rf"[，,；;]\s?(?:而|其中)?(?P<base>[^，,。；;:：%]{{2,8}}?)(?:同比|环比)?(?:(?:{UP_ZH})|(?P<down>{DOWN_ZH}))了?\s?$")


def _base_rate_after(text, ms, in_sent, ci, change: Change, rate_i, sent) -> list[Claim] | None:
    """同比增长5.5%，比一季度加快1.0个百分点，一季度增长4.5%: a point change between the rate stated before it and the
    rate of the period it is compared with, stated in the next clause, which opens with that period."""
    c = ms[ci]
    compared = _COMPARED_PERIOD.search(text, ms[rate_i].end, c.start)
    rising = change_of(text, ms[rate_i], sent[0])
    if compared is None or rising is None or rising.sign <= 0 or ms[rate_i].qualifier:
        return None
    after = [i for i in in_sent if ms[i].start >= c.end and ms[i].kind == "percent"]
    if not after or ms[after[0]].qualifier:
        return None
    b = after[0]
    stated = _PERIOD_RATE.fullmatch(text, c.end, ms[b].start)
    if stated is None or stated.group("base") != compared.group("base"):
        return None
    start, end = Quantity.of(ms[b]), Quantity.of(ms[rate_i])
    if stated.group("down"):
        start = replace(start, value=-start.value, low=-start.high, high=-start.low)
    how = f"end: the rate stated before, start: the rate of the period it is compared with, stated after, " \
          f"change «{change.family}»"
    return _growth(text, ms, start, end, ci, change, sent, how, None, None)


_NARROW = re.compile(r"(?:收窄|缩小|扩大|narrow|widen)\w*\s?$", re.I)


def _magnitude(text: str, c: Mention, start: Quantity, end: Quantity, change: Change) -> Change:
    """降幅（-5.7%）比1~2月（-21.5%）收窄15.8个百分点: a narrowing or widening of two negative rates is a change
    of their size."""
    if start.high < 0 and end.high < 0 and _NARROW.search(text[max(0, c.start - 6):c.start]):
        return Change(change.sign, "magnitude", change.family)
    return change


_COMPARISON_OPENING = re.compile(r"^\s*(?:这一(?:数字|数据|数值|规模|指标|水平)|该(?:数字|数据|指标|值)|此数|这|其)?"
                                 r"\s*(?:较|比|与|相比|同比|compared\s+with|against)", re.I)


# A sentence that opens with the base period's value, no subject of its own: 而去年同期仅为A
_BASE_OPENING = re.compile(r"\s*(?:而|但|相比之下[，,]?)?(?:去年|上年|上一年|前一年)同期(?:则|仅|只)?(?:为|是|只有|仅为|仅有)\s?")


def _opens_with_base(text: str, start: int, own: Mention) -> bool:
    """The sentence opens with a comparison (较2016年度的A) or with the base period's value (而去年同期为A)."""
    return bool(_COMPARISON_OPENING.match(text[start:own.start]) or _BASE_OPENING.fullmatch(text, start, own.start))


def _across_sentences(text, ms, window, ci, change: Change, sent, previous) -> list[Claim] | None:
    """Two sentence forms that reach back to the sentence before:
    - 截至6月底……1000亿……30万亿。一年半时间增长300多倍: the values, with their dates, precede;
    - ……8463亿元，创历史新高。较2016年度的6823亿元增长24%: the end value precedes."""
    ps, pe, prev = previous
    if not prev:
        return None
    c = ms[ci]
    duration = _duration_before(ms, ci, sent[0])
    own = [i for i in _values(ms, window, c) if ms[i].end <= c.start]
    if duration is not None and not any(ms[i].kind in ("count", "amount", "percent") for i in window):
        levels = _values(ms, prev, c)
        if len(levels) == 2 and _same_unit(ms[levels[0]], ms[levels[1]]):
            return _by_times(text, ms, levels, ci, change, (ps, sent[1]), ps)
        return None
    period = _base_period(text, c, sent)
    if len(own) == 1 and period != "":
        # 2015年底，销量为871.4万辆；2020年底，这一数字增至1279.5万辆，增幅为52.8%: one dated value each side of a
        # semicolon, or of a full stop when both name one measure (2015年公司营收为A。2016年，公司营收增至B)
        earlier = [i for i in _values(ms, prev, c) if _same_unit(ms[i], ms[own[0]])]
        if len(earlier) == 1 and (_has_magnitude(ms[own[0]]) or ms[own[0]].kind == "amount") \
                and (text[ps:pe].rstrip()[-1:] in "；;" or _same_subject(text, ps, ms[earlier[0]], sent[0], ms[own[0]])):
            pair = [earlier[0], own[0]]
            claim = _by_times(text, ms, pair, ci, change, (ps, sent[1]), ps, period=period)
            if claim is not None:
                return claim
    before = roles_in(text, ms, prev, ps)
    mine = _values(ms, window, c)
    if not mine and not any(ms[i].kind in _wanted(c) for i in window):
        named = _named_again(text, ms, before, prev, ci, change, sent, ps)
        if named is not None:
            return named
    if not mine and _SUBJECTLESS_OPENING.match(text, sent[0], c.start):
        # ……余额为B，较上周增加D。增幅为X%: the sentence before holds the level and the amount
        return _prev_delta(text, ms, before, c, ci, change, (ps, sent[1]))
    if len(mine) == 1 and _SUBJECTLESS_OPENING.match(text, sent[0], min(c.start, ms[mine[0]].start)):
        own = mine  # ……B。同比增长X%，上年同期为A: the sentence opens with its change, the start after it
    elif len(own) == 1 and not _opens_with_base(text, sent[0], ms[own[0]]):
        return _start_before(text, ms, before, own[0], ci, change, sent, ps)
    if len(own) != 1 or not (own is mine or _opens_with_base(text, sent[0], ms[own[0]])):
        return None
    levels = [i for i in _values(ms, list(before), c) if before[i].role in ("level", "end")
              and _same_unit(ms[i], ms[own[0]])]
    if len(levels) != 1 or any(r.role == "open" for r in before.values()):
        return None  # the sentence before must hold one value of the measure, or which one is meant is open
    level, role = levels[-1], role_of(text, ms[own[0]], sent[0])
    if role.role == "start":
        how = f"end: the value of the sentence before, start «{role.family}», change «{change.family}»"
        claim = _undated(text, ms, own[0], level, ci, change, (ps, sent[1]), how)
        if claim is not None:
            return claim
    if role.role == "delta" and role.sign == change.sign and _same_unit(ms[level], ms[own[0]]) \
            and change.reading != "annual":
        how = f"end: the value of the sentence before, change amount «{role.family}», change «{change.family}»"
        return [_delta_claim(ms, level, own[0], c, change, (ps, sent[1]), how)]
    return None


# The change names the base by its year: 比2012年增长X%, 是1978年的N倍, 较2019年同期增加
_BASE_YEAR = re.compile(r"(?:比|较|是|为|相比|相较于?|对比|相当于)\s?(?P<year>(?:19|20)\d\d)\s?年(?:同期|全年|度|年?末|年?底)?"
                        r"(?:的)?[^，,。；;:：\d%]{0,4}$")


def _base_year_claim(text, ms, spans, si, ci, change: Change) -> list[Claim] | None:
    """2013年合计解禁市值为B。2012年合计解禁市值为A。2013年解禁市值是2012年的N倍 / 今年产量为B，为1978年的N倍，1978年
    产量为A: the change names its base by a year; the start is the one value of the measure dated that year (in the
    change's sentence or the two before), the end the one dated later, or the one value before the change in its own
    clause. Both must be of one measure: the same unit and the same noun."""
    c = ms[ci]
    s, e = spans[si]
    named = _BASE_YEAR.search(text, max(s, c.start - 24), c.start)
    if named is None or change.reading == "annual":
        return None
    year = int(named.group("year"))
    lo = spans[max(0, si - 2)][0]
    dated: dict[str, list[int]] = {"start": [], "end": []}
    own = []
    for j, m in enumerate(ms):
        if m.start < lo or m.start >= e or j == ci or m.kind not in _wanted(c) or not (m.unit or _has_magnitude(m)):
            continue
        t = _time_of(text, ms, j, next(a for a, b in spans if a <= m.start < b))
        if t is not None and _absolute(t) and int(t.low) == year:
            dated["start"].append(j)
        elif t is not None and _absolute(t) and int(t.low) > year:
            dated["end"].append(j)
        elif (t is None or not _absolute(t)) and s <= m.start < c.start:
            own.append(j)
    starts_, ends = dated["start"], dated["end"] or own
    if len(starts_) != 1 or len(ends) != 1 or dated["end"] and own:
        return None
    a, b = starts_[0], ends[0]
    span_a = next(x for x, y in spans if x <= ms[a].start < y)
    span_b = next(x for x, y in spans if x <= ms[b].start < y)
    # (……达到B，比2019年增长X%，2019年为A: a clause that only dates the base speaks of the sentence's measure)
    bare_base = span_a == span_b == s and _DATED_ONLY.fullmatch(_clause_before(text, s, ms[a]))
    if not _same_unit(ms[a], ms[b]) or not (bare_base or _same_subject(text, span_a, ms[a], span_b, ms[b])):
        return None
    how = f"start: the value dated {year}, end: the value {'dated later' if b not in own else 'it is said of'}, " \
          f"change «{change.family}»"
    span_from = spans[min(si, next(k for k, (x, y) in enumerate(spans) if x <= min(ms[a].start, ms[b].start) < y))][0]
    return _undated(text, ms, a, b, ci, change, (span_from, e), how)


_DATED_ONLY = re.compile(r"\s?(?:而|但)?(?:19|20)\d\d\s?年(?:同期|全年|度|年?末|年?底)?(?:则|仅|只)?(?:为|是|只有|仅为|仅有)\s?")


def _clause_before(text: str, lo: int, value: Mention, reach: int = 30) -> str:
    """The words of a value's clause before it (at most `reach` characters back, and not before `lo`)."""
    return re.split(r"[，,；;]", text[max(lo, value.start - reach):value.start])[-1]


_VALUE_VERB = re.compile(r"(?:为|是|达到?|约|共|实现|完成|录得|突破|超过|增至|降至|升至|增加到|减少到|上升到|下降到|增长到|"
                         r"扩大到|扩大至|缩小到|缩小至|提高到|提高至|攀升至|回落至|已|则|也|仅|只有|高达|的)+$")


# A value's clause that names its measure by pointing back: 这一数字增至B
_BACK_REFERENCE = re.compile(r"这一(?:数字|数据|数值|规模|指标|水平|比例|数量)|该(?:数字|数据|指标)|此数|这个数字")


def _head_noun(text: str, lo: int, value: Mention) -> str:
    """The last two characters of what a value is of (公司营收为A: 营收), the verbs before the value left out."""
    lead = re.split(r"[，,。；;:：]", text[max(lo, value.start - 30):value.start])[-1]
    lead = _VALUE_VERB.sub("", re.sub(r"\d{4}年|[\d.]+", "", lead)).strip()
    return lead[-2:] if len(lead) >= 2 and HAN_CHARACTER.search(lead[-2:]) else ""


def _same_subject(text: str, lo1: int, a: Mention, lo2: int, b: Mention) -> bool:
    """Two values of one measure, by the noun just before each (2015年公司营收为A。2016年，公司营收增至B)."""
    head = _head_noun(text, lo1, a)
    clause = re.split(r"[，,。；;:：]", text[max(lo2, b.start - 30):b.start])[-1]
    return bool(head) and (head == _head_noun(text, lo2, b) or bool(_BACK_REFERENCE.search(clause)))


# A sentence that opens with its change or its comparison, no subject of its own: 同比增长X%, 较上年增加D, 增幅为X%
_SUBJECTLESS_OPENING = re.compile(rf"\s*(?:而|并|且|其中)?\s*(?:同比|环比|较上年|比上年|较去年|比去年)?(?:{UP_ZH}|{DOWN_ZH}|"
                                  rf"增幅|涨幅|降幅|跌幅|增速)[^，,。；;:：\d]{{0,4}}$")


# A sentence that opens with its measure and its change, nothing else: 社保费率降低4个百分点
_MEASURE_AND_VERB = re.compile(rf"\s*(?:而|且|即)?(?P<measure>[\u4e00-\u9fff]{{2,8}}?)(?:(?:{UP_ZH})|(?P<down>{DOWN_ZH}))了?\s?$")


def _named_again(text, ms, before: dict[int, Role], prev: list[int], ci: int, change: Change, sent,
                 ps: int) -> list[Claim] | None:
    """……将社保费率由原来的20%降至16%。社保费率降低4个百分点: the sentence before moves a measure from A to B and
    states no change; this one names the same measure again with only its change."""
    c = ms[ci]
    clause = clause_start(text, c.start, sent[0], "，,")  # (专家认为，社保费率降低X)
    opening = _MEASURE_AND_VERB.fullmatch(text, clause, c.start)
    if opening is None or change.reading not in ("rate", "points") or any(
            ms[i].kind in _CHANGE_KINDS and change_of(text, ms[i], ps) is not None for i in prev):
        return None
    values = _values(ms, list(before), c)
    pairs = [(a, b) for a in values for b in values
             if before[a].role == "start" and before[b].role == "end" and a < b and _adjacent(text, ms, a, b)]
    if len(pairs) != 1 or len(values) != 2:
        return None
    a, b = pairs[0]
    measure = opening.group("measure")[-2:]
    if measure not in _clause_before(text, ps, ms[a], 30):
        return None
    how = f"start «{before[a].family}», end «{before[b].family}» in the sentence before, which names the measure " \
          f"«{measure}» again with its change «{change.family}»"
    return _undated(text, ms, a, b, ci, change, (ps, sent[1]), how)


def _prev_delta(text, ms, before: dict[int, Role], c: Mention, ci: int, change: Change, sent) -> list[Claim] | None:
    """The level and the change amount both in the sentence before, the rate alone in this one."""
    values = _values(ms, list(before), c)
    levels = [i for i in values if before[i].role in ("level", "end")]
    deltas = [i for i in values if before[i].role == "delta"]
    if len(levels) != 1 or len(deltas) != 1 or levels[0] > deltas[0] or any(r.role in ("open", "start")
                                                                             for r in before.values()):
        return None
    b, d = levels[0], deltas[0]
    lead = text[ms[b].end:ms[d].start]
    if before[d].sign != change.sign or not _same_unit(ms[b], ms[d]) or change.reading == "annual" \
            or not (_DELTA_CUE.search(lead) or _continues_subject(text, ms, b, d)):
        return None
    how = f"end value and the change amount «{before[d].family}» in the sentence before, change «{change.family}»"
    return [_delta_claim(ms, b, d, c, change, sent, how)]


def _start_before(text, ms, before: dict[int, Role], own: int, ci: int, change: Change, sent, ps) -> list[Claim] | None:
    """去年同期，公司营收为A。今年上半年，公司营收增至B，增长X%: the start, named by its own words, in the sentence
    before; its only value of the measure, of one subject with the value here."""
    c = ms[ci]
    role = role_of(text, ms[own], sent[0])
    starts_ = [i for i in _values(ms, list(before), c) if _same_unit(ms[i], ms[own])]
    if role.role not in ("level", "end") or len(starts_) != 1 or before[starts_[0]].role != "start" \
            or not _same_subject(text, ps, ms[starts_[0]], sent[0], ms[own]):
        return None
    how = f"start «{before[starts_[0]].family}» in the sentence before, end: the value it is compared with, " \
          f"change «{change.family}»"
    return _undated(text, ms, starts_[0], own, ci, change, (ps, sent[1]), how)


# --- helpers ----------------------------------------------------------------------------------------

# One measure written two ways in one sentence: 4.3 mln barrels per day, up from 3.9 mln bpd
_UNIT_ALIAS = {"bpd": "barrels", "b/d": "barrels", "barrel": "barrels", "tons": "tonnes", "tonne": "tonnes", "ton": "tonnes"}


def _same_unit(a: Mention, b: Mention) -> bool:
    """Two values of one measure: the same unit, or one left unstated in English (from 146.2 mln to 210.5 mln
    miles) or after a Chinese magnitude (11.54亿 beside 28亿元); never two currencies."""
    if a.unit == b.unit or _UNIT_ALIAS.get(a.unit, a.unit) == _UNIT_ALIAS.get(b.unit, b.unit):
        return True
    if a.unit in _CURRENCIES and b.unit in _CURRENCIES:
        return False
    bare = a if not a.unit else b if not b.unit else None
    if bare is None:
        return False
    return a.surface.isascii() and b.surface.isascii() or bool(re.search(r"[万亿]$", bare.surface))  # 11.54亿 of 28亿元


ONE_SIZE = 20  # two values of one measure, as news states them side by side, lie within this factor of each other


def _of_one_size(a: Mention, b: Mention) -> bool:
    """Two positive values within a factor of ONE_SIZE of each other (8856套 beside 1.26万套: one measure)."""
    return a.value > 0 and b.value > 0 and 1 / ONE_SIZE <= a.value / b.value <= ONE_SIZE


def _has_magnitude(m: Mention) -> bool:
    return bool(_MAGNITUDE.search(m.surface))


def _scaled(a: Mention, b: Mention) -> tuple[Quantity | None, Quantity | None]:
    """The two values as the writer meant them: a bare figure beside one with a magnitude (5.93 mln against
    5.81) takes that magnitude when that brings the two within a factor of 20; else the pair is not read."""
    qa, qb = Quantity.of(a), Quantity.of(b)
    if _has_magnitude(a) == _has_magnitude(b) or a.kind == "percent":
        return qa, qb
    if not (a.surface.isascii() and b.surface.isascii()):
        # Chinese writes 万 and 亿 on every large figure, so its values are already in base units: a figure without
        # one beside one with it is another measure, unless the two are of one size (8856套 beside 1.26万套)
        return (qa, qb) if _of_one_size(a, b) else (None, None)
    big, bare = (qa, qb) if _has_magnitude(a) else (qb, qa)
    scale = 1.0
    for mag in (1e12, 1e9, 1e8, 1e6, 1e4, 1e3):
        if big.value >= mag and 1 / ONE_SIZE <= bare.value * mag / big.value <= ONE_SIZE:
            scale = mag
            break
    if scale == 1.0:
        return (qa, qb) if 1 / ONE_SIZE <= qa.value / qb.value <= ONE_SIZE else (None, None)
    bare = replace(bare, value=bare.value * scale, low=bare.low * scale, high=bare.high * scale)
    return (big, bare) if _has_magnitude(a) else (bare, big)


def _time_of(text: str, ms: list[Mention], i: int, floor: int) -> Mention | None:
    """The nearest date or year stated before value i and after the previous value (its time).

    A date right after 比/较 (比2019年增长) is the comparison's time, not this value's.
    """
    for j in range(i - 1, -1, -1):
        if ms[j].start < floor:
            return None
        if ms[j].kind in ("date", "year"):
            t = ms[j] if ms[j].low == ms[j].low and _absolute(ms[j]) else _in_year(text, ms[j])
            if t is None:
                continue
            if text[max(0, ms[j].start - 1):ms[j].start] in ("比", "较"):
                return None
            return t
    return None


_MONTH_DAY = re.compile(r"(\d{1,2})月(?:(\d{1,2})[日号])?")
_IN_YEAR_OFFSET = {"去年": -12, "上年": -12, "前年": -24}


def _in_year(text: str, m: Mention) -> Mention | None:
    """A month or day of an unstated year (6月底, 7月4日) in months of the writer's year, a year back after 去年."""
    found = _MONTH_DAY.match(m.surface)
    if found is None:
        return None
    month = int(found.group(1)) + (int(found.group(2)) - 1) / 31 if found.group(2) else float(m.value)
    month += _IN_YEAR_OFFSET.get(text[max(0, m.start - 2):m.start], 0)
    return Mention(m.start, m.end, m.surface, month, month, month, "in-year month", "date", "")


def _delta_claim(ms: list[Mention], li: int, di: int, c: Mention, change: Change, sent: tuple[int, int],
                 how: str, from_start: bool = False) -> GrowthClaim:
    """B，比上年增加D，增长r: the start is B - D over both intervals (`from_start`: D above the A, the end is A + D)."""
    level, delta = ms[li], ms[di]
    sign = change.sign if not from_start else -change.sign
    if sign > 0:
        low, high = level.low - delta.high, level.high - delta.low
    else:
        low, high = level.low + delta.low, level.high + delta.high
    computed = Quantity(min(level.start, delta.start), max(level.end, delta.end),
                        f"{level.surface} {'-' if sign > 0 else '+'} {delta.surface}",
                        level.value - sign * delta.value, low, high, level.unit, level.kind, "")
    start, end = (Quantity.of(level), computed) if from_start else (computed, Quantity.of(level))
    return GrowthClaim(span=(min(level.start, delta.start, c.start), max(level.end, delta.end, c.end)), sentence=sent,
                       start=start, end=end, change=Quantity.of(c), reading=change.reading, sign=change.sign, order=how,
                       delta=Quantity.of(delta), start_time=None, end_time=None)


_OR_BETWEEN = re.compile(r",?\s+or\s+")


def _per_share(text: str, prev: Mention, m: Mention) -> bool:
    """Profit fell to 12 mln dlrs, or 30 cts a share, from 15 mln dlrs, or 38 cts: a figure a thousand times smaller
    than the amount it follows with 'or' restates that amount per share, and is no value of the claim."""
    return m.kind == "amount" and prev.kind == "amount" and 0 < m.value * 1000 < prev.value \
        and bool(_OR_BETWEEN.fullmatch(text, prev.end, m.start))


_SIGN_BEFORE = re.compile(r"\D*")  # what a figure's surface writes before its digits: £, US$, or nothing


def _conversion(text: str, prev: Mention, m: Mention) -> bool:
    """A$720 million ($563 million): the bracketed value restates the one before it in another currency. One of the
    same currency, written alike (£112m (£100m)), is the earlier period's figure instead."""
    if text[prev.end:m.start].strip() not in ("(", "（"):
        return False
    alike = prev.unit == m.unit and _SIGN_BEFORE.match(prev.surface).group() == _SIGN_BEFORE.match(m.surface).group() \
        and not text[prev.start - 1:prev.start].isalpha()
    return not alike


def _duration_before(ms: list[Mention], ci: int, floor: int) -> Mention | None:
    """A duration stated just before the change ("一年半时间增长"), in the same sentence."""
    for j in range(ci - 1, -1, -1):
        if ms[j].start < floor or ms[ci].start - ms[j].end > 6:
            return None
        if ms[j].kind == "duration":
            return ms[j]
    return None
