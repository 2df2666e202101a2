"""Share groups: percentages (or fractions: 三成, 一半, a third, the majority; or the terms of a ratio, 42:39:19) that
divide one whole.

A percentage is a part when its own words say so (the share families of SHARE_ZH / SHARE_EN: A占X%, 占比X%,
X%来自A, 分别占/依次为X%、Y%, 其余X%, 贡献了X%, 以X%的市场份额, X%的居民认为, A为X% in a framed sentence;
accounted for X%, made up X%, X% came from, contributed, respectively, the remaining X%, another X%, split X% to Y%
between, financed X% by, X% said, Of W, X% were); a percentage that follows a part in the same list (", Japan for
12.4%", ", Freeview 31%", "，B为24%") continues it. Words between two figures that set the second at another time
(in its own clause: "and 33 pct in 1985", 前一周该比例为) or under a total or frame of its own (合计, ；在W市场，) part them.
Parts of one sentence (clauses joined by ；) that name no different wholes form a group (a whole that names its part's
own subject, 沪市…占沪市…, is that part's alone); a group goes on into the next sentence when that one says so
(another, the other, 其余), when both hold survey answers, when it adds parts by the words of parts and names no
whole of its own, or the rest; and past sentences with no share when both name the same whole.

Whether the parts exclude each other decides what a sum over 100% means. The wording says so for
分别 / respectively (with kinds of the whole), 其余 / the rest, 其中 / Of W, split between, and for parts named side by
side (A占X%，B占Y%; X%来自A; accounted for): such a group must fit in 100%. Parts read off counts (N家……，占比X%),
survey answers (X%的企业认为), holdings (持有X%股份), contributions, a measure ranked across categories (程度最高…次之)
and parts carried over sentences may overlap (or be of different times): their group is verified when it fits, and
makes no claim when it does not.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from checks.extract.claims.common import Claim, Quantity, clause_start, last_match, within
from checks.extract.claims.growth import change_of
from checks.extract.claims.phrasing import Family, Table
from checks.extract.numbers import Mention
from checks.vocab.scripts import HAN_CHARACTER, language_of
from checks.vocab.quantities import half_step


@dataclass(frozen=True)
class SharePart:
    """One part of a whole; `rest` when the text calls it the rest (其余, the rest), so the parts must reach
    100%; `family` is the phrasing that made it a part."""

    share: Quantity
    rest: bool
    family: str = ""

    def evidence(self) -> dict:
        return {**self.share.evidence(), "rest": self.rest}


@dataclass(frozen=True)
class ShareClaim(Claim):
    """Parts of one whole, as percentages. `exclusive`: the wording says the parts do not overlap, so
    they must fit in 100%. `rest_unstated`: the text names a rest without a figure (其余由农户完成),
    so the stated parts must leave room for it."""

    parts: tuple[SharePart, ...]
    exclusive: bool = True
    rest_unstated: bool = False

    type = "share"

    @property
    def key(self) -> str:
        return "|".join(p.share.surface for p in self.parts)


# --- the words ----------------------------------------------------------------------------------

F = Family
_G = r"(?:[A-Za-z]\d|\d{1,3}(?=[类个项家大只])|(?:19|20)\d\d(?=年)|[^，,。；;:：%\d])"  # words inside one clause
# (M2, 11类, 2019年 included; other figures not)
SHARE_ZH = Table("share", "zh", (
    F("分别占X%、Y%和Z%", "parts listed in order (分别/依次), one for each name before them (exclusive when the names are "
      "kinds of the whole: 教育、卫生支出分别占财政支出的, 第一、二、三产业; measures of one thing, 资产、营收分别占全行业的, "
      "may overlap)",
      r"(?:(?:分别|依次)(?:约)?占(?:比|据|到)?(?:为|到|了)?(?:" + _G + r"{0,12}?的)?|(?:占比|比重|份额|比例)(?:分别|依次)(?:为|是|达到?)?"
      r"(?:[:：][^，,。；;:：\d%]{0,6}?)?|(?:分别|依次)(?:为|是|相当于)(?:(?!平均|水平|同期|上年|去年|前年|上月|上周)" + _G + r"){0,8}?[总全](?:(?!平均|水平|同期)"
      + _G + r"){0,8}?的)",
      examples=("教育、社会保障和就业、卫生健康支出分别占一般公共预算支出的45.2%、38.6%和21.4%。",
                "三类产品的收入分别为总收入的45%、30%和25%。",
                "第一、二、三产业增加值分别占地区生产总值的6.2%、38.7%和55.1%。",
                "个人住房贷款、经营贷款和消费贷款余额占全部个人贷款的比重依次为61.3%、22.5%和16.2%。",
                "各渠道销量占比依次为：线上42%、商超31%、专卖店27%。"),
      counter=("两地职工工资分别为全国平均水平的80%和90%。",)),
    F("按X%、Y%的比例分别", "parts listed in order, the list named as proportions (exclusive)", "",
      after=r"的?(?:比例|比重|份额|股权比例)分别",
      examples=("上海证券交易所、中国金融期货交易所和德意志交易所集团将按40%、20%和40%的比例分别持有新公司股权。",)),
    F("其余/其他X%", "the rest of the whole (exclusive: the parts must reach 100%)",
      r"(?:其余|其他|其它|剩余|剩下)(?:的|部分)?(?:占|为|是)?(?:了)?",
      examples=("资金中30%用于研发，其余70%用于生产。",)),
    F("A占W的X%", "a part of a named whole (exclusive)",
      r"(?<![比])(?:只|仅)?占(?!比(?!例|重))(?:到|了|据)?(?:" + _G + r"{0,14}?的?)?(?:比重|比例|份额)?(?:为|达|达到|约|在|约在)?",
      examples=("其中，家用电器和音像器材类零售额占限额以上单位商品零售额的9.8%，汽车类占25.3%。",
                "从投资主体看，民间投资占固定资产投资的50.6%，国有控股投资占45.2%。")),
    F("A贡献了X%", "a part by who contributes it (contributions, to growth say, may pass the whole: checked only when "
      "they fit)",
      r"(?:贡献|提供|创造|实现|吸纳|吸收|拿下|揽获|斩获)(?:了)?(?:约|近|超过|逾|超)?",
      after=r"(?:的" + _G + r"{0,8}?)?(?:[，,。；;、]|$|和|及|与)",
      examples=("从销售渠道看，线上渠道贡献了55%的销售额，线下门店贡献了37%，其他8%来自团购。",),
      counter=("该项目贡献了5%的增长，另一项目贡献了3%的增长。",)),
    F("以X%的份额", "a market share of a name (exclusive)", "",
      after=r"的?(?:市场份额|市场占有率|市占率|份额|占有率|得票率|选票)",
      examples=("在国内智能手机市场，华辰以28.5%的市场份额位居第一，远拓和星河的市场份额分别为21.3%和17.6%。",)),
    F("在W中，A为X%", "a name's figure in a sentence that frames one whole (在W中，…; 从W结构看，…; 按地区分，…) with no "
      "word of change or rate (exclusive when the frame divides the whole by one dimension, 按地区分; 在W中 parts are "
      "checked only when they fit)", "",
      examples=("按地区分，东部地区约为52%，中部地区为26%，西部地区为22%。", "全市常住人口中，城镇人口比例为72.5%，乡村人口比例为27.5%。"),
      counter=("在上市公司中，平均资产负债率为60%，毛利率为45%。", "从投资结构看，基础设施投资增长5.3%，房地产投资下降3.1%。")),
    F("在W中，A X%", "a name and its bare figure in a sentence that frames one whole (全年销量中，线上渠道42%…; 受访者的回答是：满意"
      "45%…; 产品结构方面，…; checked only when they fit)", "",
      examples=("全年销量中，线上渠道42%，线下渠道58%。", "受访者的回答是：满意45%，一般35%，不满意20%。"),
      counter=("从地区看，东部地区65%的企业实现盈利，中部地区58%的企业实现盈利。",)),
    F("A占比X%", "a part (named side by side, 占比 shares may overlap: checked only when they fit)",
      r"(?:占比|比重|占有率|市占率|份额|权重)(?:分别)?(?:达到?了?|为|是|约为?|升至|降至|(?:上升|下降|提高|降低|回落|回升|增加|减少)(?:到|至)|"
      r"高达|仅为?|已达|只有|在|约在)?",
      examples=("其中，制造业企业占比约25%，服务业企业占比约72%。",
                "370家同比增长，占比75%；125家同比下降，占比25%。"),
      counter=("177只个股实现上涨，占比86.76%，有128只个股跑赢大盘，占比62.75%。",)),
    F("X%来自A", "a part by where it comes from or goes to (exclusive)", "",
      after=r"\s?(?:的?" + _G + r"{0,6}?)?(?:来自|用于|应用于|聚集在|聚集于|集中在|集中于|分布在|分布于|流向|投向|投入|"
            r"来源于|位于|属于|销往|出口到?|运往|发往|流入|投放|分配给|由|在(?![内外上下中]))",
      examples=("约80%来自企业，20%来自个人用户。", "该企业三分之二的产品出口欧美，四分之一销往东南亚。")),
    F("持有X%股份", "a holding in a company (holdings may overlap, one inside another: checked only when they fit)", "",
      after=r"的?(?:股份|股权|股本|权益)(?!激励)",
      examples=("张宏伟直接持有东方集团0.52%股份，并通过东方集团实业持有东方集团27.98%股份。",)),
    F("A×X%＋B×Y%", "the weights of a composite (a fund's benchmark: 沪深300指数收益率×80%＋中债综合指数收益率×20%; "
      "exclusive)", r"[×*]\s?",
      examples=("该基金的业绩比较基准为沪深300指数收益率×80%＋中债综合指数收益率×20%。",)),
    F("A:B:C的比例", "a ratio of parts whose terms add up to 100 (or to 10, in tenths), beside a word of shares, "
      "proportion or split, or any ratio named as one right at it (比值约为9∶1, 之比为3:1): each term over their sum is its "
      "part's share of the whole (exclusive)", "",
      examples=("深证成指主板、中小板、创业板公司权重占比为42:39:19。", "双方按7:3的比例分配收益。",
                "全球卫星应用业务和卫星制造业务的比值约为９∶１。"),
      counter=("主队以3:1战胜客队，比分为3:1。", "两队在11:30开赛。")),
    F("X%的居民认为", "survey answers (they may overlap: checked only when they fit)", "",
      after=r"(?:的" + _G + r"{1,10}?|[\u4e00-\u9fff]{1,4}?)?(?:认为|预期|预计|表示|选择|倾向于|看好|看涨|看跌|看空|回答|计划|打算|估计|判断|"
            r"支持|反对|赞成|满意|不满意)",
      examples=("其中，29.4%的企业认为本季企业经营状况较好，57.5%认为一般，13.1%认为较差。",)),
))
# Words of approximation between a family's words and its figure ("took about 40%"; the figure keeps its own qualifier)
_ABOUT_EN = r"(?:(?:about|around|nearly|almost|some|roughly|just|only)\s+)?"
# Who answers a survey, named right after its figure: "three in ten adults said", "40% of voters" has its "of"
_RESPONDENTS_EN = (r"(?:people|adults|voters|respondents|Britons|Americans|Europeans|consumers|shoppers|firms|companies|"
                   r"businesses|bosses|managers|workers|employees|staff|households|families|parents|women|men|children|"
                   r"pupils|students|teachers|doctors|users|customers|investors|economists|analysts|viewers|readers|"
                   r"listeners|fans|members|those\s+(?:polled|questioned|surveyed|asked))")
SHARE_EN = Table("share", "en", (
    F("A and B took X% and Y%, respectively", "parts listed in order, with a word of shares (exclusive)", "",
      after=r"(?:\s+of\s+[^.;:\d]{0,40}?)?,?\s+respectively\b",
      examples=("Cars, trucks and spare parts took 15%, 60 percent and 25 percent of the fund's assets, respectively.",)),
    F("the rest/remaining X%", "the rest of the whole (exclusive: the parts must reach 100%)",
      r"\b(?:the\s+)?(?:rest|remaining|remainder|balance|other)(?:,|\s+of\s+[^.;:,]{0,20}?,?)?\s*(?:was|were|is|,)?\s*",
      examples=("Of those homes, satellite made up 47%, Freeview 31% and cable the remaining 22%.",)),
    F("accounted for X%", "a part (exclusive)",
      r"\b(?:account(?:ed|ing|s)?\s+for|made\s+up|make\s+up|makes\s+up|making\s+up|comprised|comprising|comprises|"
      r"represent(?:ed|ing|s)?|amounted\s+to|took)\s+",
      examples=("China accounted for 30.6% of the October deficit, Japan for 12.4% and the European Union for 18.6%.",)),
    F("A contributed X%", "a part by who contributes it (contributions, to growth say, may pass the whole: checked only "
      "when they fit)",
      r"\b(?:contribut(?:ed|ing|es|e)|provid(?:ed|ing|es)|generat(?:ed|ing|es)|brought\s+in|bringing\s+in|brings\s+in)\s+"
      + _ABOUT_EN,
      examples=("The majority of the bank's profit came from its retail arm, with investment banking contributing 30% and "
                "asset management 12%.",)),
    F("the biggest slice of W - X% -", "a slice of a whole, its figure set off by dashes or brackets (exclusive)",
      r"\b(?:slice|share|portion|proportion|chunk|part|section)\s+of\s+[^.;:%]{1,60}?\s[-–—(]\s*" + _ABOUT_EN,
      examples=("The biggest slice of the 246,570 cases - almost 30% - concerned credit, and another 18% came from bank "
                "accounts.",)),
    F("X% of W", "a part of a named whole (parts named only so may overlap: checked only when they fit)", "",
      after=r"\s+of\s+(?!them\b|those\b|which\b|whom\b)(?:the\s+|its\s+|their\s+|his\s+|her\s+|all\s+)?[A-Za-z]",
      examples=("Pernod's last major purchase was a third of US giant Seagram. The other two-thirds of Seagram was "
                "bought by Diageo.",)),
    F("won X% of the vote", "a candidate's or a party's share of one vote (exclusive)",
      r"\b(?:won|wins|winning|took|takes|taking|got|gets|secured|securing|received|receiving|garnered|captured|polled|"
      r"scored|with)\s+" + _ABOUT_EN, after=r"\s+(?:of\s+(?:the\s+)?(?:\w+\s+)?(?:vote|votes|ballots?|poll)\b|support\b)",
      examples=("Incumbent Maria Santos won 54.2% of the vote to 43.1% for her challenger, with the remainder going to "
                "minor candidates.",)),
    F("to Y% for B", "a rival's share of the vote, set against the winner's (… won 54% of the vote to 43% for Ms Lind; "
      "exclusive)", r"\bto\s+" + _ABOUT_EN,
      after=r"\s+for\s+(?!the\s+(?:full\s+|whole\s+|first\s+|second\s+)?(?:year|quarter|month|week|period|half)\b)"
            r"(?:[A-Z]|(?:his|her|their|its)\s|the\s+(?:[A-Z]|opposition|incumbent|ruling|conservative|liberal|"
            r"socialist|centre|center|far|left|right|governing|main|rival|challenger|candidate|party))",
      examples=("Opposition leader Tomas Berg won 47.3% of the vote to 49.6% for Prime Minister Anna Lind.",),
      counter=("Margins rose to 12% for the full year.",)),
    F("split X% to Y% between A and B", "a whole split between its parts (exclusive, and the parts are the whole)",
      r"\b(?:split|divided)\s+(?:roughly\s+|about\s+|almost\s+|some\s+)?",
      after=r"\s*(?:to|/|-|–)\s*\d[\d.]*\s*(?:%|pct\b|per\s?cent\b|percent\b)(?:\s*(?:to|/|-|–)\s*\d[\d.]*\s*"
            r"(?:%|pct\b|per\s?cent\b|percent\b))*\s+(?:between|among)\b",
      examples=("Revenue was split 55% to 45% between the domestic and export markets.",),
      counter=("Forecasts were split 3% to 5% higher across the sector.",)),
    F("split between A (X%) and B (Y%)", "a whole split between names, each with its figure in brackets (exclusive)",
      r"\b(?:(?:split|divided|shared)\s+(?:\w+\s+)?(?:between|among)|(?:came|comes|come|coming)\s+from|"
      r"(?:made\s+up|consist(?:s|ed|ing)?|compris(?:ed|es|ing))\s+of|(?:broken\s+down|split|divided)\s+into|"
      r"generated\s+by|produced\s+by|(?:went|go|goes)\s+to)\s+[^.;:()%\d]{1,40}\(\s*" + _ABOUT_EN,
      examples=("The vote was split between Mr Hale (48%) and Ms Moreno (47%), with the rest of the ballots spoiled.",
                "Electricity came from gas (41%), coal (33%) and wind (21%) last year.")),
    F("X% came from A", "a part by where it comes from or goes to (exclusive)", "",
      after=r"(?:\s+of\s+[^.;:,\d]{1,40}?)?\s+(?:(?:came|come|comes|went|go|goes|coming|going)\s+(?:from|to|on)\b"
            r"|(?:moved|switched|migrated|defected|turned|transferred|shifted)\s+to"
            r"|(?:will|would|could|may)\s+(?:go|come)\s+(?:from|to)|(?:(?:will|would|is|are|was|were)\s+be\s+|is\s+|are\s+|"
            r"was\s+|were\s+|has\s+been\s+|have\s+been\s+|had\s+been\s+)?(?:(?:spent|invested|allocated|earmarked|"
            r"paid|sent|exported|sold|lent)\s+(?:on|to|in|for)|used\s+(?:on|in|for))\b"
            r"|(?:is|are|was|were|will\s+be)\s+(?:based|located|made|produced|built|manufactured|generated|earned|"
            r"employed)\s+(?:in|at|outside|abroad|overseas)\b)",
      examples=("About 45% of United's beer sales came from southern India, 30% from western India.",
                "Of those who switched, 48% moved to a cable operator, 39% to another provider and 13% to satellite.",
                "Two-thirds of the grant will be spent on roads and a third on railways.",
                "Three-quarters of the group's staff are based in Germany and a fifth in France.")),
    F("a X% stake", "a holding or a market share (exclusive)", "",
      after=r"\s+(?:stake|share|interest|holding|market\s+share)\b",
      examples=("Its two largest holders have a 29 pct stake and a 15 pct stake.",)),
    F("X% owned by A", "a holding named by its owner (the thing owned may differ from part to part: checked only "
      "when they fit)", "",
      after=r"(?:\s+of\s+[^.;:,\d]{1,40}?\s+(?:is|are|was|were))?\s+(?:owned|held|controlled)\s+by\b",
      examples=("The venture is 60 pct owned by the state and 40 pct by a private group.",
                "About 35 per cent of the company's shares are held by institutions and 10 per cent by insiders."),
      counter=("Beta, 51 pct owned by Alpha, and Gamma, 60 pct owned by Alpha, both made losses.",)),
    F("acquire X% of A", "a holding bought, sold or held (exclusive)",
      r"\b(?:acquire|acquired|acquiring|buy|buys|bought|sell|sells|sold|hold|holds|held|own|owns|owned|control|controls|"
      r"controlled|keep|keeps|kept|retain|retains|retained)\s+(?:a\s+further\s+|another\s+|an?\s+additional\s+|about\s+|nearly\s+|almost\s+)?",
      examples=("Consolidated TVX said it will acquire 29 pct of CMP, a gold miner in which TVX already holds a 15 pct "
                "interest.",)),
    F("financed X% by A", "a part by who pays, owns or makes it (exclusive)",
      r"\b(?:financed|funded|paid\s+for|met|covered|owned|held|controlled|backed|made|produced|generated|supplied|"
      r"provided)\s+" + _ABOUT_EN, after=r"\s+by\b",
      examples=("The project is financed 70 pct by the state and 30 pct by private banks.",)),
    F("A with X%", "a name's figure in a list of names (market shares, votes: checked only when they fit)",
      r"\b(?:with|on)\s+" + _ABOUT_EN,
      after=r"\s*(?:[,;)]|\.(?!\d)|and\b|while\b|$)",
      examples=("Alpha led the market with 40%, followed by Beta with 25% and Gamma with 15%.",),
      counter=("Profit rose 12%, with sales up 5% on 3%.",)),
    F("another X%", "one more part of the whole named before it in the sentence (exclusive)",
      r"\b(?:another|a\s+further|an\s+additional|a\s+second)\s+" + _ABOUT_EN,
      examples=("Some 17% of the readers have switched supplier and a further 16% are thinking of doing so.",
                "About 40% of the grant goes to schools and another 25% to hospitals.")),
    F("the share of W was X%", "a share stated as the level of a share (shares of one thing at different times may "
      "stand side by side: checked only when they fit)",
      r"\b(?:share|proportion|portion)\s+(?:of\s+(?:the\s+)?[^.;:,\d]{1,40}?\s+)?(?:was|is|were|are|stood\s+at|"
      r"stands\s+at|reached|(?:rose|fell|dropped|increased|grew|declined|slipped|climbed)\s+to)\s+" + _ABOUT_EN,
      examples=("Europe's share of group sales was 45%, while Asia's share was 30%.",)),
    F("Of W, X% were A", "parts of a whole the sentence opens with (Of the 400 workers, ...; exclusive)", "",
      after=r"\s+(?:are|were|is|was|have|had|own|owned|use|used|live|lived|work|worked|come|came|hold|held)\b",
      examples=("Of the 22 million people who own a player, 59% are men and 41% are women.",),
      counter=("Inflation was 3% last year and 2% the year before.",)),
    F("Of W, A had X%", "a name's figure in a whole the sentence opens with (Of the votes counted, A had 50.5% and B "
      "48.8%; exclusive)", r"\b(?:had|has|have|got|gets|won|wins|took|takes|received|secured|polled)\s+" + _ABOUT_EN,
      examples=("Of the votes counted, Ruto had 50.5% and Odinga 48.8%, the electoral commission said.",),
      counter=("The firm had 5% more staff than a year earlier.",)),
    F("support for A at X%", "a poll's standings, each name at its figure (exclusive: one answer each)",
      r"\b(?:support|backing)\s+for\s+(?:the\s+)?[A-Z][^.;:%\d]{1,40}?\s+at\s+" + _ABOUT_EN,
      examples=("The poll put support for the Conservatives at 24%, Labour at 41% and Reform at 17%.",)),
    F("a 60:40 split", "a ratio of parts whose terms add up to 100 (or to 10) beside a word of shares, proportion or "
      "split, or any ratio named as one right at it (a ratio of 2:1): each term over their sum is its part's share of "
      "the whole (exclusive)", "",
      examples=("Profits will be split 60:40 between the two partners.",
                "The board's seats are shared in a ratio of 45:35:20 among the three parties."),
      counter=("The home side won 3:1.", "Trading opens at 9:30 and closes at 16:00.")),
    F("the richest/poorest X%", "slices of a population by rank (they may overlap: checked only when they fit)",
      r"\b(?:the\s+)?(?:richest|poorest|wealthiest|top|bottom|highest-paid|lowest-paid|best-off|worst-off)\s+",
      examples=("The poorest 20% of society pay more in tax than the richest 20%.",)),
    F("X% said", "survey answers (they may overlap: checked only when they fit)", "",
      after=r"(?:\s+of\s+(?:[^.;:,\d]|(?<=\b[A-Z])\.){1,40}?|\s+" + _RESPONDENTS_EN + r")?,?\s+(?:(?:said|say|says|saying|believe|believed|believing|think|thought|"
            r"thinking|expect|expected|expecting|reported|reporting|agreed|agree|agreeing|disagreed|disagree|want|wanted|"
            r"wanting|chose|choose|choosing|argue|argued|claim|claimed|feel|felt|prefer|preferred|preferring|plan|planned|"
            r"planning|intend|intended|support|supported|supporting|oppose|opposed|opposing|favour|favoured|favor|"
            r"favored|backed|backing|approved|approve|disapproved|disapprove|voted|answered|responded|replied|rated|"
            r"regarded|regard|considered|consider|described|admitted|named|cited|ranked|predicted|predict|forecast)\b"
            r"|(?:were|are|was|is)\s+(?:in\s+favou?r|against|undecided|unsure|opposed|satisfied|dissatisfied|"
            r"confident|optimistic|pessimistic|worried|concerned|unaware|aware|planning|considering)\b"
            r"|(?:in\s+favou?r|against|undecided|unsure|(?:did\s+)?(?:not|n't)\s+know)(?=\s*(?:[,.;]|and\b|with\b|$)))",
      examples=("Only 42% of them say cost is the main reason. Half of them argue that workers abroad are better.",
                "Only 25% of Britons said a camera would be their top purchase. Almost a quarter, 22%, said they would "
                "buy a phone. Forty-four percent said they would buy something else.")),
))
TABLES = [SHARE_ZH, SHARE_EN]

_EXCLUSIVE = {"A×X%＋B×Y%", "A:B:C的比例", "a 60:40 split", "分别占X%、Y%和Z%", "the biggest slice of W - X% -", "以X%的份额", "split X% to Y% between A and B", "split between A (X%) and B (Y%)", "按X%、Y%的比例分别", "其余/其他X%", "A占W的X%", "X%来自A", "A and B took X% and Y%, respectively",
              "the rest/remaining X%", "accounted for X%", "X% came from A", "a X% stake", "acquire X% of A",
              "another X%", "financed X% by A", "won X% of the vote", "to Y% for B", "Of W, A had X%",
              "support for A at X%"}
_SURVEY = {"X%的居民认为", "X% said"}
_GENERIC = "X% of W"
# Families whose words come after the figure: a later part of the group stands right after a clause end
# (约80%来自企业，20%来自个人用户); one with words of its own before it (……科技项目80%以上由企业承担) is of another whole.
_AFTER_FAMILIES = {"X%来自A", "X% came from A", "X%的居民认为", "X% said"}
_REST = {"其余/其他X%", "the rest/remaining X%"}
_JOINED = re.compile(r"^\s?(?:、|和|及|与|以及|,\s?|,?\s+and\s+|，)\s?$")
_COUNT_CLAUSE = re.compile(r"[\d一二两三四五六七八九十百千万]+(?:只|家|个|名|位|户|人|款|项|件|起|次)")
_OF_WHOLE_ZH = re.compile(r"占(?:到|了|据)?(" + _G + r"{1,14}?)(?:的|(?=比重|比例|份额))|持有(" + _G + r"{2,14}?)$")
_REST_UNSTATED = re.compile(r"(?:其余|其他|剩余|剩下)(?:的)?(?:由|为|是|则|来自|来源于|在|均|用于|投向|投入|流向|销往|归|属于)|\b(?:the\s+rest|the\s+remainder|the\s+balance)"
                            r"(?:\s+of\s+them)?(?:\s+(?:from|to|in|on|by|was|were|is|are|will|would|went|goes|go|came|"
                            r"comes|come|coming|held|owned|being|shared|split|divided|spread|sold|offered|made|going)\b"
                            r"|\s*[.,;])", re.I)
# 第一、二、三产业, 一二三线城市 before 分别: ranks of one division, kinds of the whole
_ORDINAL_KINDS = re.compile(r"第?[一二三四五六七八九十][、和及]第?[一二三四五六七八九十](?:[、和及]第?[一二三四五六七八九十])*"
                            r"(?:产业|线|类|级|档|季度)")
_COUNTED_KINDS = re.compile(r"[两二三四五六七八九十](?:大|类|种)[\u4e00-\u9fff]{1,4}$")  # 三大展区分别占: a division in N
_MARKET_SHARE = re.compile(r"(?:市场份额|份额|市场占有率|市占率)(?:则)?$")  # one market's shares exclude each other
_MEASURE_TAIL = re.compile(r"(?:余额|规模|金额|数量|增加值|销量|产量|销售额)$")
_LABEL = re.compile(r"^(?:以上|以下|左右)?的[^，,。；;\d%]{1,8}?(?:占比|占|比重|比例)")
# 从企业类别看，A类……混合程度最高，户数占比达73.6%，B类次之，占比为62.6%: one measure ranked across categories
_RANKED = re.compile(r"程度|最高|最低|次之|其次|居首|最多|最少")
_TOTAL_WORD = re.compile(r"合计|累计|共计|总计|一共")
_NAMED_SUM = re.compile(r"[和与及、][^，,。；;\d%]{1,10}?合计")
_AGGREGATE = re.compile(r"合计|累计|以上|同时|其中|包括|分别达")
_CHANGE_WORD = re.compile(r"增长|下降|提高|上升|降低|回落|减少|增加|\b(?:rose|fell|up|down|increased?|decreased?)\b", re.I)



# "Of the 400 workers, 59% were men": the sentence opens with the whole, so a bare "X% were" is a part of it.
_OF_FRAME = re.compile(r"\s*(?:(?:And|But|So)\s+)?Of\s+(?:the\s+|these\s+|those\s+|its\s+|their\s+|all\s+)?"
                       r"[^,.;:%]{2,60},", re.I)
_FRAMED = "Of W, X% were A"
_NAMED_IN_FRAME = "Of W, A had X%"


# The words after the figure of every family that has no words before it, in one pattern (most percentages fail it)
_ANY_AFTER = {t.lang: re.compile("|".join(f"(?:{re.sub(r'[(][?]P<[a-z_]+>', '(?:', f.after)})" for f in t.families
                                          if f.after and not f.before), re.I) for t in TABLES}


# A bound set by a rule: "holding more than 30% must bid", "those above 75% can delist it"
_BOUND = r"(?:more\s+than|over|above|at\s+least|exceeding|in\s+excess\s+of|crossing|beyond|below|under|less\s+than)"
_BOUND_BEFORE, _BOUND_START = re.compile(rf"\b{_BOUND}\s+$", re.I), re.compile(rf"{_BOUND}\s", re.I)
_RULE_AFTER = re.compile(r"[^.;:,]{0,30}?\b(?:must|shall|ha(?:s|ve)\s+to|needs?\s+to|(?:is|are)\s+(?:required|obliged|"
                         r"allowed|entitled)|may|can|will\s+have\s+to)\b", re.I)


def _cue(text: str, m: Mention, lead_from: int, sentence_start: int = 0) -> str:
    """The family that makes a percentage a part, or ""."""
    lead = text[max(lead_from, m.start - 30):m.start]
    tail = text[m.end:m.end + 50]
    table = SHARE_ZH if language_of(lead + m.surface + tail[:4]) == "zh" else SHARE_EN
    if table is SHARE_EN:  # English words are longer: "Germany's share of the bloc's exports was 28%"
        lead = text[max(lead_from, m.start - 60):m.start]
    best, at, of_whole = "", -1, False
    before = table.any_before(lead)  # (one search most percentages fail)
    after = _ANY_AFTER[table.lang].match(tail) is not None  # (and one for the words after)
    if not before and not after:
        return ""
    for first in table.families[:3]:  # 分别占X%、Y%, 其他占7%: the list's and the rest's own words win over 占
        if before and first.before and first.search_before(lead):
            return first.name
    for f in table.families:
        if f.before and before:
            found = f.search_before(lead)
            if found is not None and found.start() > at and (not f.after or f.match_after(tail)) \
                    and (f.name != _NAMED_IN_FRAME or _OF_FRAME.match(text, sentence_start, m.start)):
                best, at = f.name, found.start()
            of_whole = of_whole or found is not None and f.name == "A占W的X%"
        elif after and f.after and not f.before and at < 0 and not (f.name in (_GENERIC, _FRAMED) and best) \
                and f.match_after(tail) and (f.name != _FRAMED or _OF_FRAME.match(text, sentence_start, m.start)):
            best = f.name  # (the bare "X% of W" only when no other family's words follow)
    if best and table is SHARE_EN and (_BOUND_BEFORE.search(lead) or _BOUND_START.match(m.surface)) \
            and _RULE_AFTER.match(tail):
        return ""  # (those who hold more than 50% must bid: a threshold of a rule, no part held)
    return "A占W的X%" if best == "A占比X%" and of_whole else best  # 占总人口的比重为: 占's own words


def _units(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, with clauses joined by ；/; made one (倾向于A的居民占42.8%……；倾向于B的居民占25.4%……)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and _ends_clause(text, *out[-1]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _ends_clause(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] ends with ；/; before trailing whitespace (or is whitespace only), read from its end
    without a copy of it."""
    while e > s and text[e - 1].isspace():
        e -= 1
    return e == s or text[e - 1] in "；;"


@dataclass
class _Group:
    """Parts of one whole found in one sentence (or carried on from the sentences before)."""

    parts: list
    exclusive: bool
    whole: str
    start: int  # of the first sentence
    end: int  # of the last sentence
    unit: int  # the sentence it ends in
    begins: tuple = ()  # (index of its first part, start) of each sentence it spans


_RESPECTIVE = re.compile(r"\brespective\b|\b(?:their|its)\s+own\b", re.I)


def share_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[ShareClaim]:
    out = []
    starts = [m.start for m in ms]
    # the percentages that can be parts, found once: a sentence with none of them is passed over at once
    partlike = [i for i, m in enumerate(ms) if m.kind == "percent" and m.low == m.low and m.value >= 0]
    partlike_starts = [ms[i].start for i in partlike]
    groups: list[_Group] = []
    for u, (s, e) in enumerate(_units(text, spans)):
        below, upto = bisect_left(partlike_starts, s), bisect_left(partlike_starts, e)
        if below == upto:
            continue
        idx = list(within(starts, s, e))
        percents = partlike[below:upto]
        group = _group(text, ms, idx, percents, s)
        for k, (parts, exclusive, whole) in enumerate(_split_by_whole(text, ms, group, s)):
            here = _Group(parts, exclusive, whole, s, e, u, ((0, s),))
            if k == 0 and groups and _carries_on(text, ms, groups[-1], here):
                groups[-1] = _joined(text, ms, groups[-1], here)
            elif k == 0 and (j := _named_earlier(text, ms, groups, here)) is not None:
                groups[j] = _joined(text, ms, groups[j], here)
            elif k == 0 and groups and (split := _answers_restart(ms, groups[-1], here)) is not None:
                groups[-1:] = [split[0], _joined(text, ms, split[1], here)]
            else:
                groups.append(here)
    several = None  # (可多选: answers that may overlap; looked for once, when a group would have to fit)
    for g in groups:
        first, last = ms[g.parts[0][0]], ms[g.parts[-1][0]]
        rest_unstated = bool(_REST_UNSTATED.search(text, first.start, g.end)) and not any(p[2] for p in g.parts)
        if len(g.parts) < 2 and not (rest_unstated and g.parts[0][1] != _GENERIC):
            continue  # (one part and a rest named without a figure, 约六成来自A，其余来自B, is a group: it must leave room)
        if any(ms[i].low > 100 and _PERIOD_WHOLE.search(text, max(g.start, ms[i].start - 30), ms[i].start)
               for i, _, _ in g.parts):
            continue  # (占2012年上半年交易量的148%: a ratio to another period, not a part of a whole)
        if _RESPECTIVE.search(text, first.start, g.end):
            continue  # (70% and 65% stakes in their respective ventures: each of its own whole)
        shares = tuple(SharePart(Quantity.of(ms[i]), rest, family) for i, family, rest in g.parts)
        # answers with "the rest" named after them (…, and the rest were undecided) split the respondents
        survey = all(f in _SURVEY or f == "continued" for _, f, _ in g.parts)
        answers = survey and (rest_unstated or _opposed_answers(text, ms, g.parts, g.end)
                              or _answer_words(text, ms, g.parts) == {"voted"})
        if several is None and (g.exclusive or answers):
            several = _SEVERAL_ANSWERS.search(text) is not None
        out.append(ShareClaim(span=(first.start, last.end), sentence=(g.start, g.end), parts=shares,
                              exclusive=bool(g.exclusive or answers) and not several, rest_unstated=rest_unstated))
    return out


# Answers that exclude each other (for and against one question): "44% approved … while 51% disapproved"
_FOR_ANSWER = re.compile(r"\b(?:approv(?:e|ed|es|ing)|back(?:ed|s|ing)?|support(?:ed|s|ing)?|favou?r(?:ed|s|ing)?|"
                         r"in\s+favou?r|agree(?:d|s)?|satisfied)\b", re.I)
_AGAINST_ANSWER = re.compile(r"\b(?:disapprov(?:e|ed|es|ing)|oppos(?:e|ed|es|ing)|against|disagree(?:d|s)?|dissatisfied|"
                             r"reject(?:ed|s|ing)?)\b", re.I)


_NO_ANSWER = re.compile(r"\b(?:undecided|unsure|not\s+sure|(?:did\s+)?(?:not|n't)\s+know|no\s+opinion|neither)\b", re.I)


def _opposed_answers(text: str, ms: list[Mention], parts: list, end: int) -> bool:
    """Whether survey answers are all for, against or undecided, with one for and one against (answers of one
    question: they cannot overlap; "… and 62% said the country was on the wrong track" answers another)."""
    ends = [ms[i].start for i, _, _ in parts[1:]] + [end]
    clauses = [text[ms[i].end:e] for (i, _, _), e in zip(parts, ends)]
    if not all(_FOR_ANSWER.search(c) or _AGAINST_ANSWER.search(c) or _NO_ANSWER.search(c) for c in clauses):
        return False
    return any(_AGAINST_ANSWER.search(c) for c in clauses) and any(_FOR_ANSWER.search(c) for c in clauses)


_SAID_EN = next(f for f in SHARE_EN.families if f.name == "X% said")


def _answer_words(text: str, ms: list[Mention], parts: list) -> set[str]:
    """The last word of each English survey answer's verb (said, aware, planning, voted): all "voted", the answers
    are of one ballot, which takes one answer each."""
    words = set()
    for i, family, _ in parts:
        found = _SAID_EN.match_after(text[ms[i].end:ms[i].end + 60]) if family == "X% said" else None
        if found is not None:
            words.add(found.group(0).split()[-1].lower())
    return words


# A question that takes several answers: its answers' shares may add up past the whole (多选, "could choose more than one")
_SEVERAL_ANSWERS = re.compile(r"可多选|多选题|多项选择|可选择多项|(?:不止|不限)一项|"
                              r"\b(?:more\s+than\s+one|several|multiple)\s+(?:answers?|options?|choices?|responses?|reasons?)\b|"
                              r"\b(?:could|can|were\s+able\s+to|allowed\s+to)\s+(?:choose|pick|select|give|name|cite|tick)\s+"
                              r"(?:more\s+than\s+one|several|multiple|up\s+to)\b", re.I)


# The next sentence goes on with the same whole: "Another 18% came from …", "The other two-thirds of Seagram …"
_ANOTHER = re.compile(r"\s*(?:Another|A\s+further|(?P<rest>The\s+other|The\s+remaining|The\s+rest|The\s+remainder))\b"
                      r"|\s*(?:另有|另外|(?P<rest_zh>其余|其他|其它|剩下|剩余))", re.I)


def _carries_on(text: str, ms: list[Mention], before: "_Group", here: "_Group") -> bool:
    """Whether the first parts of a sentence go on with the last group of the sentences before it: the sentence
    opens with "another"/"the other"/其余; both are survey answers; both name one whole and the new one is a single
    part (sentences with no share may stand between: "… 40% of the firm's profit. … . … 35% of the profit"); or the
    new sentence adds parts by the words of parts (accounted for, came from, 占) with no whole of its own ("Germany
    accounted for 20%."), or the rest of the whole ("…, and the remaining 20% came from …", up to one sentence
    between). Parts carried so are only checked to fit (see _joined)."""
    gap = here.unit - before.unit
    has_rest = any(r for _, _, r in here.parts)
    first = ms[here.parts[0][0]]
    opening = _ANOTHER.match(text, here.start)
    if gap > _FAR or len(before.parts) > 1 and len(here.parts) > 1 and not has_rest \
            or sum(ms[i].value for i, _, _ in before.parts) >= 99:
        return False  # (two sentences that each list their parts, or a whole already complete, stand apart)
    if gap == 1 and opening and opening.end() <= first.start:
        return True
    if gap == 1 and _answers(before, here):
        return _fits(ms, before.parts + here.parts)  # (past the whole: see _answers_restart)
    if _OTHER_WHOLE.search(text, ms[before.parts[-1][0]].end, first.start) \
            or _other_time(text, ms[before.parts[-1][0]].end, first.start) or _TIME_OPENING.search(text, here.start, first.start):
        return False  # (another time, another whole)
    named, new = _whole(text, ms[before.parts[-1][0]]), _whole(text, first)  # (wholes named, not subjects)
    if len(here.parts) == 1 and _one_named_whole(named, new) \
            and not {f for _, f, _ in before.parts[-1:] + here.parts} & (_SURVEY | {_GENERIC}):
        return _fits(ms, before.parts + here.parts)  # (past the whole: of different measures or times)
    new = new or here.whole  # (a sentence that frames its own whole, 今年的投资总额中，…, starts its own group)
    if here.parts[0][2] and gap <= 2 and (not new or not named or _same_whole(named, new)):
        return True  # the rest of what the sentences before divided
    if gap != 1 or new or not all(f in _PART_WORDS for _, f, _ in before.parts + here.parts):
        return False
    return has_rest or _fits(ms, before.parts + here.parts)


_PERIOD_WHOLE = re.compile(r"(?:19|20)\d\d年|同期|上年|去年|前年|上月|上季度|\b(?:19|20)\d\d\b|\ba\s+year\s+(?:ago|earlier)")
# …占比约90%；在公司营业收入市场，出口以65%…: a clause that frames a whole of its own starts another group
_NEW_FRAME_ZH = re.compile(r"[，,。；;：:]\s*(?:在[^，,。；;：:\d%]{2,16}?(?:中|里|当中|市场|领域|行业)|(?:从|按|按照)[^，,。；;：:\d%]{1,12}?"
                           r"(?:来|上)?(?:看|划分|分|统计|计算|计))[，,]")
_DIVIDED = re.compile(r"(?:^|[，,。；;])\s*(?:从|按|按照)[^，,。；;]{1,12}?(?:来|上)?(?:看|划分|分|统计|计算|计)[，,]")
_FAR = 8  # sentences: parts of one named whole further apart than this are of another passage

# Families whose words say the figure is a part of a whole (not a level, an answer or a holding): parts stated so
# sentence after sentence go on with one whole.
_PART_WORDS = {"accounted for X%", "the biggest slice of W - X% -", "X% came from A", "A contributed X%", "another X%", "the rest/remaining X%",
               "continued", "A占W的X%", "X%来自A", "A贡献了X%", "其余/其他X%"}


# A sentence that opens (or opens a clause) with a time of its own: 到2020年，…; In 2004 …; This year …
_TIME_OPENING = re.compile(r"(?:^|[，,。；;:：])\s*(?:到|至|截至|截止|在|于)?(?:(?:19|20)\d\d年|去年|今年|上年|明年)"
                           r"|(?:^|[,;.]\s*|\s)(?:In|By|During|Since|Until)\s+(?:19|20)\d\d\b|\b(?:This|Next|Last)\s+year\b")
# Wholes too general to tie parts of different sentences together: 占全国的50% of one thing and 占全国一半 of another
_GENERAL_WHOLES = {"全国", "全省", "全市", "全球", "全部", "总量", "全行业", "世界", "全世界", "total", "the total", "all"}


def _one_named_whole(named: str, new: str) -> bool:
    """Both sentences name their whole, the same one, and not a whole as general as 全国 or "the total"."""
    return bool(named) and bool(new) and _same_whole(named, new) and named not in _GENERAL_WHOLES \
        and new not in _GENERAL_WHOLES


def _named_earlier(text: str, ms: list[Mention], groups: list["_Group"], here: "_Group") -> int | None:
    """An earlier group (not the last) of the whole a single new part names, past groups of other named wholes:
    "… 48% of the market. … 12% of the workforce. … 30% of the market." -> the index of that group, or None."""
    if len(here.parts) != 1 or len(groups) < 2:
        return None
    new = _whole(text, ms[here.parts[0][0]])
    if not new or not _whole(text, ms[groups[-1].parts[-1][0]]):
        return None
    for j in range(len(groups) - 2, -1, -1):
        before = groups[j]
        if here.unit - before.unit > _FAR:
            return None
        named = _whole(text, ms[before.parts[-1][0]])
        if _one_named_whole(named, new):
            between = (ms[before.parts[-1][0]].end, ms[here.parts[0][0]].start)
            if {f for _, f, _ in before.parts[-1:] + here.parts} & (_SURVEY | {_GENERIC}) \
                    or _OTHER_WHOLE.search(text, *between) or _other_time(text, *between) \
                    or _TIME_OPENING.search(text, here.start, ms[here.parts[0][0]].start) \
                    or not _fits(ms, before.parts + here.parts) or sum(ms[i].value for i, _, _ in before.parts) >= 99:
                return None
            return j
    return None


def _joined(text: str, ms: list[Mention], before: "_Group", here: "_Group") -> "_Group":
    """Parts carried over sentences: they must fit in 100% only when the new sentence says they are the rest of it
    ("the other two-thirds", 其余); parts of one whole stated sentence by sentence may be of different times."""
    cue = _ANOTHER.match(text, here.start)
    rest = bool(cue and (cue.group("rest") or cue.group("rest_zh")))
    parts = before.parts + [(i, f, r or (rest and k == 0)) for k, (i, f, r) in enumerate(here.parts)]
    begins = before.begins + tuple((len(before.parts) + k, st) for k, st in here.begins)
    return _Group(parts, rest, before.whole or here.whole, before.start, here.end, here.unit, begins)


def _answers(before: "_Group", here: "_Group") -> bool:
    """Whether two groups are both survey answers (which go on from sentence to sentence)."""
    families = {f for _, f, _ in before.parts} | {f for _, f, _ in here.parts}
    return families <= _SURVEY | {"continued"} and any(f in _SURVEY for f in families)


# Shares as stated that sum to at most this fit in one whole: 13.0% + 4.1% + 83.0% = 100.1% is the rounding of the
# figures, not an excess (SHR001 reads the same bound).
WHOLE_AS_ROUNDED = 100.5


def _fits(ms: list[Mention], parts: list) -> bool:
    """Whether the parts' figures as stated fit in one whole."""
    return sum(ms[i].value for i, _, _ in parts) <= WHOLE_AS_ROUNDED


def _answers_restart(ms: list[Mention], before: "_Group", here: "_Group") -> tuple["_Group", "_Group"] | None:
    """Survey answers that would add past the whole answer another question than the first sentences' ("with
    nearly 40% choosing it. Only 25% said …, 22% said …, 44% said …"): the answers of the last sentences that fit
    with the new ones go on together, the earlier ones stand apart. None when no such sentences."""
    if here.unit != before.unit + 1 or not _answers(before, here):
        return None
    for j, start in before.begins[1:]:
        if _fits(ms, before.parts[j:] + here.parts):
            head = _Group(before.parts[:j], before.exclusive, before.whole, before.start, start, before.unit,
                          tuple(b for b in before.begins if b[0] < j))
            tail = _Group(before.parts[j:], False, before.whole, start, before.end, before.unit,
                          tuple((p - j, st) for p, st in before.begins if p >= j))
            return head, tail
    return None


def _group(text: str, ms: list[Mention], idx: list[int], percents: list[int], s: int) -> list[tuple[int, str, bool]]:
    """The parts of a sentence: (mention index, family, rest) for each percentage that is a part, in order."""
    parts: list[tuple[int, str, bool]] = []
    prev_end = s
    frames: list = []  # the sentence's frames, found when first needed (most sentences need none)
    for i in percents:
        m = ms[i]
        if _LABEL.match(text[m.end:m.end + 16]):
            prev_end = m.end
            continue  # 低于30%的公司占比36%: the percentage names a category, the share follows
        family = _cue(text, m, prev_end, s) or _framed_label(text, m, s, frames, ms[percents[-1]].start)
        if not family and parts and (_continues(text, ms, parts[-1][0], i) or _compared_part(text, ms[parts[-1][0]], m)
                                     or parts[-1][1] in _SURVEY and _same_respondents(text, ms[parts[-1][0]], m)):
            family = parts[-1][1] if parts[-1][1] not in _REST else "continued"
            if _PAREN_LABEL.match(text[ms[parts[-1][0]].end:m.start]):
                family = _GENERIC  # 占GDP的20%（美国12%，德国47%）: each may be of its own whole, checked only when they fit
        if not family or change_of(text, m, s) is not None:
            prev_end = m.end
            continue  # (a rate of change is no part: 占比提高了5%)
        if family == "split X% to Y% between A and B":
            parts.extend(_split_list(text, ms, percents, i))
        elif family in ("分别占X%、Y%和Z%", "A and B took X% and Y%, respectively", "按X%、Y%的比例分别"):
            if not _TIMES_LISTED.search(text, max(s, m.start - 60), m.end + 40):
                parts.extend(_listed(text, ms, percents, i, family))  # (2016年、2017年……分别为: one share, three times)
        elif not any(p[0] == i for p in parts):
            parts.append((i, family, family in _REST))
        prev_end = m.end
    first: dict[int, tuple[int, str, bool]] = {}
    for part in parts:
        first.setdefault(part[0], part)
    return [first[i] for i in sorted(first)]


# A list of years or periods names the times of one share, not parts: 2016年、2017年、2018年上半年……分别为; in 2003 and 2004
_TIMES_LISTED = re.compile(r"(?:19|20)\d\d年(?:[^、，,。；;\d]{0,5})?[、和及与至](?:19|20)\d\d年|\b(?:19|20)\d\d,?\s+(?:and|,)\s+"
                           r"(?:19|20)\d\d\b", re.I)
_LIST_ZH = re.compile(r"^\s?(?:、|和|及|与|以及)\s?$")
_LABEL_ZH = re.compile(r"^[，,、]\s?[^，,。；;:：\d%的]{1,8}$"  # 创业板占50%，中小板40%: a label, its 占 left out
                       r"|^[，,、；;]\s?(?:另有|另)?(?:(?!率|幅|均|增|降|减|涨|跌|而|整体|平均)[^，,。；;:：\d%]){1,12}?(?:则|约)?"
                       r"(?:为|是|达到?)$")
# (…，B为24%，C则为11%: a label and its 为 after a part)
_LIST_EN = re.compile(r"^(?:(?:[^.;:%\d]|\b(?:19|20)\d\d\b|(?<=\b[A-Z])\.){0,60}?(?:,\s+|,?\s+and\s+|,?\s+while\s+|,?\s+with\s+)|\s+)"
                      r"(?:(?!the\s+rest|remaining)[\w'&.-]+\s+){0,5}?(?:for|at|on|in)?\s*$", re.I)


# 仅占全球的3.4%，不仅低于美国的24.4%: another part of the same whole, named in comparison
_COMPARED_PART = re.compile(r"[，,]\s?(?:不仅|也|远|略|均|则)?(?:低于|高于|超过|不及|仅次于)[^，,。；;:：\d%]{1,10}的")
_RESPONDENTS = re.compile(r"的([\u4e00-\u9fff]{2})")


def _compared_part(text: str, prev: Mention, m: Mention) -> bool:
    return _COMPARED_PART.fullmatch(text, prev.end, m.start) is not None


def _same_respondents(text: str, prev: Mention, m: Mention) -> bool:
    """13.1%的居民“看不准” after 9.6%的居民预期“下降”: an answer of the same respondents, whatever its verb."""
    a, b = _RESPONDENTS.match(text, prev.end), _RESPONDENTS.match(text, m.end)
    return a is not None and b is not None and a.group(1) == b.group(1)


_LEVEL_EN = re.compile(r"\b(?:turnout|rates?|inflation|growth|unemployment|jobless|yields?|margins?|interest|taxe?s?|"
                       r"tariffs?|returns?|discounts?|premiums?|probability|chance|odds)\b", re.I)


def _continues(text: str, ms: list[Mention], prev: int, i: int) -> bool:
    """A percentage right after a part in the same list: ", Japan for 12.4%", ", Freeview 31%", "45.2%、38.6%"."""
    gap = text[ms[prev].end:ms[i].start]
    if gap[:1] == ")" and gap[-1:] == "(":  # Mr Hale (48%) and Ms Moreno (47%)
        gap = gap[1:-1]
    if _CHANGE_WORD.search(gap):
        return False
    if _RESTATED.match(gap):
        return False  # 占W的半壁江山，达到53.7%: the same share again, as a figure
    if _PAREN_LABEL.match(gap):
        return True  # 占全球5%（美国47%，英国6%）: the other parts of the whole, in brackets after the first
    if not gap.isascii() or not gap.strip(" ,"):
        return bool(_LIST_ZH.match(gap) or _LABEL_ZH.match(gap))
    if _LEVEL_EN.search(gap):
        return False  # Ruto had 50.5%, with turnout at 65%: a rate, no name of the list
    if re.search(r"\b(?:to|from|by)\s*$", gap):
        return False  # to 15 pct of salaries from 25 pct, increasing its ownership to 51 pct: a value, not a part
    return bool(_LIST_EN.match(gap))


_RESTATED = re.compile(r"^[，,]?\s?(?:即|也即|也就是|达到?|高达|约为|约|超过|突破|[(]\s?(?:约|即)?)\s?$")
# "(" and a name opening the bracket after a part: the parts of the same whole that follow it (not 其中/including/of which:
# parts of the part)
_PAREN_LABEL = re.compile(r"^\s?\(\s?(?!其中|包括|包含|含|即|如|including|of\s+which|incl)(?:[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,2}"
                          r"|[\u4e00-\u9fff]{1,8}?)(?:为|占|约|:|\s)?\s?$")
_SPLIT_JOINED = re.compile(r"^\s*(?:to|/|-|–)\s*$")


def _split_list(text: str, ms: list[Mention], percents: list[int], i: int) -> list[tuple[int, str, bool]]:
    """split 55% to 45% (between A and B): the figures joined by "to", the last of them the rest of the whole."""
    k = percents.index(i)
    out = [percents[k]]
    while k + 1 < len(percents) and _SPLIT_JOINED.match(text[ms[percents[k]].end:ms[percents[k + 1]].start]):
        k += 1
        out.append(percents[k])
    family = "split X% to Y% between A and B"
    return [(j, family, n == len(out) - 1 and n > 0) for n, j in enumerate(out)]


# 在W中，A为X% / 按地区分，A约为X%: the clause's own words before the figure, a name and 为 (no rate, no change)
_LABEL_IS = re.compile(r"(?:^|[，,；;：:、])\s?([^，,。；;：:、\d%]{1,12}?)(?:的)?(?:比例|比重|占比)?(?:约为|约|为|达到?|是|有)?$")
# Words of a rate, a change or a level (an index, a price, a threshold): figures named so are no parts of a whole
_RATE_OR_CHANGE = re.compile(r"率|(?<!新)增|降|减|涨|跌|幅|均|同比|环比|较|比上|提高|回落|上升|PMI|指数|价|利|收益|景气|水平|"
                             r"得分|分数|亏损面|覆盖|普及|渗透|达标|合格|满意度|完成|进度|占有|高于|低于|位于|处于|临界")


_BARE_FRAMED = "在W中，A X%"


def _framed_label(text: str, m: Mention, s: int, frames: list, upto: int) -> str:
    """The family of a name's figure in a framed sentence, or "". `frames`: the spans of the sentence's frames up to
    `upto` (offsets from its start `s`), filled in by the first call that needs them, with None after them."""
    if not HAN_CHARACTER.match(text, max(s, m.start - 1)):
        return ""
    found = _LABEL_IS.search(text, max(s, m.start - 20), m.start)
    if found is None or _RATE_OR_CHANGE.search(found.group(1)):
        return ""
    if not frames:
        lead = text[s:upto]
        frames.extend([f.span() for f in _FRAME.finditer(lead)] if _FRAME_HINT.search(lead) else [])
        frames.append(None)
    before = [f[0] for f in frames if f is not None and s + f[1] <= found.start() + 1]
    if not before or _RATE_OR_CHANGE.search(text, s + before[-1], m.end) or text[m.end:m.end + 1] == "的":
        return ""  # 从企业规模看，大型企业PMI为51.1%，中型企业为49.8%; 从涨幅看，A为62%: levels of an index or a rate,
        # named once for all; 东部地区65%的企业: a share inside the label's own group
    return "在W中，A为X%" if found.group(0)[-1:] in "为约到是有" else _BARE_FRAMED


def _listed(text: str, ms: list[Mention], percents: list[int], i: int, family: str) -> list[tuple[int, str, bool]]:
    """分别占X%、Y%和Z% / X%, Y% and Z%, respectively: the percentages joined into one list with the first."""
    out = [(i, family, False)]
    k = percents.index(i)
    while k + 1 < len(percents) and _JOINED.match(text[ms[percents[k]].end:ms[percents[k + 1]].start]):
        k += 1
        out.append((percents[k], family, False))
    if family.endswith("respectively") or family == "按X%、Y%的比例分别":  # the list ends where 分别 follows
        j = percents.index(i)
        while j > 0 and _JOINED.match(text[ms[percents[j - 1]].end:ms[percents[j]].start]):
            j -= 1
            out.append((percents[j], family, False))
    return out


# Between two figures, words that set the second against the first as another time or another whole: "40 pct of
# the 1986 subsidies and 33 pct in 1985", 前一周该比例为47.84%, "Europe vs 30% in Asia", 占市场6.1%，其中A占40.1% (a
# part of the first part).
_OTHER_WHOLE = re.compile(r"\bversus\b|\bvs\b|\b(?:a\s+year|a\s+month|a\s+week)\s+(?:earlier|ago|before)\b"
                          r"|\bcompared\s+(?:with|to)\b|\b(?:up|down)\s+from\b|\b(?:rose|fell|climbed|dropped|slipped|"
                          r"increased|decreased|declined|grew)\s+(?:to\s+[^.;:\d]{0,20})?from\b"
                          r"|前一(?:周|月|年|季度|交易日)|上(?:周|月)|其中|\bof\s+wh(?:ich|om)\b", re.I)
# A year or another time in the second figure's own clause (after the last clause break between the two): "and 33 pct
# in 1985", "In 2004 it accounted for"; a year in the first figure's clause ("of revenue in 2023, while …") dates both.
_OTHER_TIME = re.compile(r"\b(?:in|by|"
                          r"during|since|until|for)\s+(?:the\s+(?:end|start)\s+of\s+)?(?:19|20)\d\d\b"
                          r"|\b(?:this|next|last|that)\s+year\b|\b(?:a|the)\s+year\s+(?:earlier|before)\b"
                          r"|(?<![\d全])(?:(?:19|20)\d\d年|去年|今年|上年|前年|明年)", re.I)
_CLAUSE_BREAK = re.compile(r"[,;.，；。]|\b(?:and|while|whereas|but)\b")


def _other_time(text: str, start: int, end: int) -> bool:
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text, start, end)]
    return _OTHER_TIME.search(text, breaks[-1] if breaks else start, end) is not None


_OTHER_TIME_AFTER = re.compile(r"\s+(?:in|during)\s+(?:19|20)\d\d\b|\s+(?:a\s+year|a\s+month|a\s+week)\s+(?:earlier|ago|before)\b"
                               r"|\s+(?:last|the\s+previous|the\s+prior|a\s+year\s+ago)\s+(?:year|quarter|month|week)\b",
                               re.I)


# "of the cars sold in Britain": a whole restricted to a place (a whole restricted to another place is another whole)
_WHOLE_PLACE = re.compile(r"\s+of\s+(?:the\s+|those\s+|its\s+|their\s+|all\s+)?(?:[^.;:,\d%]{0,30}?\s)?(?:sold|made|bought|"
                          r"registered|built|living|born|based|employed|issued|produced|installed|imported|exported)\s+"
                          r"(?:in|to|from)\s+(?:the\s+)?([A-Z][\w-]+)")


_WON = re.compile(r"\b(?:won|wins|took|takes|got|gets|secured|received|polled|scored)\b", re.I)
_VOTE_PLACE = re.compile(r"(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:vote|votes|ballots?)\b)?\s+(?:in|among)\s+(?:the\s+)?([\w-]+)",
                         re.I)


def _vote_place(text: str, m: Mention) -> str:
    """Where (or among whom) a vote share was won: "52% of the vote in Ohio", "58% among women"."""
    found = _VOTE_PLACE.match(text, m.end, m.end + 60)
    return found.group(1).lower() if found else ""


def _place_of_whole(text: str, m: Mention) -> str:
    found = _WHOLE_PLACE.match(text, m.end, m.end + 70)
    return found.group(1) if found else ""


def _apart(text: str, ms: list[Mention], prev: tuple, part: tuple, whole: str, prev_whole: str) -> bool:
    """Whether a part is of another whole than the part before it, though neither names one: the words between
    set it against the first (_OTHER_WHOLE), or both are bare "X% of W" figures not listed one after the other."""
    if _OTHER_WHOLE.search(text, ms[prev[0]].end, ms[part[0]].start) or _other_time(text, ms[prev[0]].end, ms[part[0]].start) \
            or _OTHER_TIME_AFTER.match(text, ms[part[0]].end) \
            or _TOTAL_WORD.search(own := re.split(r"[，,；;]", gap := text[ms[prev[0]].end:ms[part[0]].start])[-1]) \
            and not _NAMED_SUM.search(own) and not re.search(r"其余|其他|剩余|剩下", own) or _NEW_FRAME_ZH.search(gap):
        return True  # (…其中A享有46%的份额；B市场，日韩厂商合计享有89%: in its own clause, a total of another division)
    if (prev[1] == _RANKS) != (part[1] == _RANKS) and part[1] != "continued":
        return True  # (the top 1% own 32% of the wealth: a slice of the people and its share of the wealth)
    if prev[1] in _VOTE and (prev[1] == "to Y% for B" and _WON.search(text, ms[prev[0]].end, ms[part[0]].start) or _vote_place(
            text, ms[prev[0]]) != _vote_place(text, ms[part[0]])):
        return True  # (won 52% of the vote in Ohio and 58% in Indiana; … to 46.8% for B, and C won 49.8%: another vote)
    if (place := _place_of_whole(text, ms[prev[0]])) and (other := _place_of_whole(text, ms[part[0]])) and place != other:
        return True  # (70% of the cars sold in Britain …, while 80% of those sold in France …: two wholes)
    if prev[1] == part[1] in _LISTS and _LIST_WORD.search(text, ms[prev[0]].end, ms[part[0]].start) \
            and not (whole and prev_whole and _same_whole(whole, prev_whole)):
        return True  # a second list of its own (A、B占比分别为X%、Y%，而在2018年……分别为Z%、W%): another whole or time
    return _GENERIC in (prev[1], part[1]) and not (whole and prev_whole) and not _continues(text, ms, prev[0], part[0])


_LISTS = {"分别占X%、Y%和Z%", "A and B took X% and Y%, respectively", "按X%、Y%的比例分别"}
_LIST_WORD = re.compile(r"分别|依次|\brespectively\b", re.I)


def _of_its_subject(text: str, since: int, m: Mention, whole: str) -> bool:
    """沪市9.06亿股，占沪市限售股总数的0.39%: the whole begins with the name its part's clause is about, so it is that
    name's own whole (the next market's share is of the next market's total)."""
    if len(whole) < 3 or not HAN_CHARACTER.match(whole):
        return False
    at = text.rfind(whole, since, m.start)
    return at > since and whole[:2] in text[since:at]


def _split_by_whole(text: str, ms: list[Mention], parts: list[tuple[int, str, bool]],
                    sentence_start: int) -> list[tuple[list, bool, str]]:
    """Groups of parts that name no two different wholes (占全国的30%、占全省的80% are not one group), each with
    whether its wording makes the parts exclusive."""
    groups: list[tuple[str, list]] = []
    own_whole = ""
    for k, part in enumerate(parts):
        whole = _whole(text, ms[part[0]])
        since = sentence_start if k == 0 else ms[parts[k - 1][0]].end
        new_clause = k == 0 or re.search(r"[，,；;]", text[since:ms[part[0]].start])
        if not whole and part[1] in _AFTER_FAMILIES and new_clause:
            whole = _clause_lead(text, ms[part[0]])
        own = whole if _of_its_subject(text, since, ms[part[0]], whole) else ""
        other_own = bool(own and own_whole and own != own_whole)  # 沪市…占沪市总数0.39%，深市…占深市总数0.12%
        own_whole = own
        if groups and not other_own and (not whole or not groups[-1][0] or _same_whole(groups[-1][0], whole)) \
                and not _apart(text, ms, groups[-1][1][-1], part, whole, groups[-1][0]):
            groups[-1] = (groups[-1][0] or whole, groups[-1][1] + [part])
        else:
            groups.append((whole, [part]))
    out = []
    since = sentence_start
    framed = frame_whole(text, sentence_start, ms[parts[0][0]].start) if parts else ""
    for whole, members in groups:
        if any(family.endswith("respectively") or family == "A with X%" for _, family, _ in members) and not any(
                _SHARE_WORD.search(text[max(0, ms[i].start - 80):ms[i].end + 60]) for i, _, _ in members):
            continue  # "5% and 7%, respectively", "followed by York on 21.7%" with no word of shares: rates, not parts
        rest = any(r for _, _, r in members)
        exclusive = rest or all(_exclusive(text, ms, i, family, whole or framed, bool(framed),
                                           since if k == 0 else ms[members[k - 1][0]].end)
                                for k, (i, family, _) in enumerate(members))
        out.append((members, exclusive, whole or framed))
    return out


# (a letter first: under re.I each word is tried at every place a word may begin, and only there)
_SHARE_WORD = re.compile(r"\b(?=[a-z])(?:took|accounted|account|made\s+up|make\s+up|comprised|represented|share|shares|"
                         r"of\s+the\s+(?:market|total)|market|vote|votes|poll|polls|seats|stake|support|quota|quotas)\b", re.I)
_WHOLE_EN = re.compile(r"^\s+of\s+(?:the\s+|its\s+|their\s+)?([^.;:,\d]{2,40}?)(?=,|\.|;|\s+(?:and|while|with|came|"
                       r"went|was|were|in|last|this)\b|$)", re.I)
# 占沪市限售股总数0.39%: the whole right before the figure, no 的
_OF_WHOLE_BARE = re.compile(r"占(?!比)(?:到|了|据)?([\u4e00-\u9fffA-Za-z]{2,14}?)(?:约为?|近|超过|逾|达到?|为)?$")
_IN_WHOLE_ZH = re.compile(r"在(" + _G + r"{1,14}?)(?:中|里)的?(?:占比|比重|份额)")


def _same_whole(a: str, b: str) -> bool:
    """增量M2 and 新增M2, the 1986 net and net: one whole when the last word (or two characters) agree."""
    if a.isascii() and b.isascii():  # (the vote, votes: one word)
        return [w.lower().rstrip("s") for w in a.split()[-1:]] == [w.lower().rstrip("s") for w in b.split()[-1:]]
    return a[-2:] == b[-2:]


_FRAME = re.compile(r"(?:^|[，,。；;：:])\s*(?:在)?([^，,。；;：:\d%]{2,16}?(?:中|里|当中)|在[^，,。；;：:\d%]{2,16}?(?:市场|领域|行业))[，,]|\bOf\s+([^,.;:\d]{3,40}),"
                    r"|(?:^|[，,。；;：:])\s*(?:从|按|按照)([^，,。；;：:\d%]{0,10}?(?:结构|分布|构成|类型|类别|行业|地区|区域|来源|"
                    r"用途|主体|性质|规模|品种|板块|渠道|期限|年龄|学历|收入|性别|产品|业务|所有制|城乡))(?:来|上)?(?:看|划分|分|统计|计算|计)[，,]"
                    r"|(?:^|[，,。；;：:])\s*([^，,。；;：:\d%]{1,10}?(?:结构|分布|构成|来源|组成|去向|用途))(?:方面|上)[，,]"
                    r"|(?:^|[，,。；;])\s*([^，,。；;：:\d%]{0,12}?(?:结构|构成|分布|占比|比例|比重|份额|回答|答案|选项|来源|去向|组成)"
                    r"[^，,。；;：:\d%]{0,6}?)[:：]", re.I)


# What every frame of _FRAME ends with (a cheap test first)
_FRAME_HINT = re.compile(r"[中里看分计面上场域业][，,]|[:：]|Of\s", re.I)


def frame_whole(text: str, s: int, first: int) -> str:
    """The whole a sentence frames its parts in: 全年新增贷款中，…; 在今年的投资总额中，…; Of those homes, …; or the
    dimension it breaks its whole down by: 从收入结构看，…; 按地区划分，…"""
    found = last_match(_FRAME, text[s:first])
    return re.sub(r"(?:中|里|当中)$", "", next((g for g in found.groups() if g), "").strip()).lstrip("在") \
        if found else ""


def _whole(text: str, m: Mention) -> str:
    """The whole a part names: 占W的X%, 在W中占比X%, X% of W."""
    lead = re.split(r"[，,；;。%]", text[max(0, m.start - 24):m.start])[-1]  # (its own clause: not the part's before)
    found = _OF_WHOLE_ZH.search(lead) or _IN_WHOLE_ZH.search(lead) or _OF_WHOLE_BARE.search(lead)
    if found:
        return (found.group(1) or found.group(2)).strip()
    found = _WHOLE_EN.match(text[m.end:m.end + 50]) or _STAKE_IN.match(text[m.end:m.end + 60]) \
        or _WHOLE_HEAD_EN.match(text, m.end)
    return found.group(1).strip().lower() if found else ""


# "16% of women earn more than ...": the head word names the whole when no phrase end follows it
_WHOLE_HEAD_EN = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?([A-Za-z][\w'-]+)\b", re.I)


# a 19 pct stake in Novo Astro: what the holding is of
_STAKE_IN = re.compile(r"^\s+(?:stake|share|interest|holding)\s+in\s+(?:the\s+)?([^.;:,\d]{2,40}?)(?=,|\.|;|\s+(?:and|while|"
                       r"from|for|to|which|that)\b|$)", re.I)


_QUALIFIER_WORDS = re.compile(r"约|近|超过|逾|大约|\b(?:about|around|nearly|almost|some|the|another|only|with|and|while)\b|其中|另有|仅", re.I)


def _clause_lead(text: str, m: Mention) -> str:
    """The words between the clause's start and the figure, qualifiers left out: its own subject, if any."""
    lead = re.split(r"[，,；;。:：]", text[max(0, m.start - 30):m.start])[-1]
    return _QUALIFIER_WORDS.sub("", lead).strip(" 的")


# 在上述18家券商再融资计划中, 上述80家公司中: a figure inside the words that name the whole
_KIND_COUNTERS = {"大", "类", "种"}  # 三大展区: how many kinds the whole is divided into, not a measure
_IN_SPAN = re.compile(r"(?:在|上述)[^，,。；;%]{1,24}?(?:中|里|当中)")


def _figure_before(ms: list[Mention], i: int, since: int, inside: list[tuple[int, int]] = ()) -> bool:
    """A count or amount stated between the previous part (or the sentence start) and this share (5088家……，
    占比84.2%; 汽车出口1806.3亿元……占全国的39%): the share is that figure's, and shares of figures of
    different measures overlap."""
    return any(since <= ms[j].start and ms[j].kind in ("count", "amount") and (ms[j].unit or ms[j].value > 12)
               and not (not ms[j].unit and 1900 <= ms[j].value <= 2100 and ms[j].surface.isdigit())  # (the 1986 net)
               and not any(a <= ms[j].start < b for a, b in inside) and ms[j].unit not in _KIND_COUNTERS
               for j in range(i - 1, -1, -1) if ms[j].start >= since)


# "Exports were 5 bln dlrs, of which 40 pct ...", "Of the 22 million owners, 59% ...", 销量12.6万辆，其中A占X%: the
# figure before is the whole.
_OF_WHICH = re.compile(r"\bof\s+wh(?:ich|om)\b|其中", re.I)


_VOTE = {"won X% of the vote", "to Y% for B"}
_BY_ALONE = re.compile(r"\s+by\b")  # "…, 10% by insiders": the list of owners of the whole named before goes on
_RANKS = "the richest/poorest X%"
_RANKED_EN = re.compile(r"\b(?:followed\s+by|ahead\s+of|trailed\s+by|(?:led|leads|leading|topped|tops|dominated|dominates)\s+"
                        r"(?:the\s+)?(?:[\w-]+\s+)?(?:market|field|polls?|race|vote|sector|industry|segment)s?)\b", re.I)


def _exclusive(text: str, ms: list[Mention], i: int, family: str, whole: str, framed: bool, since: int) -> bool:
    if family in ("X%的居民认为", "X% said"):
        return False  # survey answers may overlap (a question may take several answers)
    if family == "A×X%＋B×Y%":
        return True  # (the weights of one composite, whatever figures its names hold: 沪深300指数收益率×80%)
    if family in _VOTE:
        return True  # (shares of one vote, whatever counts stand before them: won 412 seats with 33.7% of the vote)
    for stated in (_OF_WHICH.search(text, max(0, since), ms[i].start), _OF_FRAME.match(text, max(0, since), ms[i].start)):
        since = stated.end() if stated else since
    # (the part's own clause: a figure or 合计 before a semicolon is another's)
    since = max(since, clause_start(text, ms[i].start, max(0, since), "；;"))
    for frame in _NEW_FRAME_ZH.finditer(text, max(0, since), ms[i].start):
        since = frame.end()  # (…参展企业约1.2万家，从展区分布看，A、B分别占: the figures before the frame are another's)
    inside = [w.span() for w in _IN_SPAN.finditer(text, max(0, since), ms[i].start)]
    if _figure_before(ms, i, max(0, since), inside):
        return False
    near = _NAMED_SUM.sub("", text[max(0, since):ms[i].start])  # 金融业和房地产业合计占比约21%: two kinds, one part
    if family == "A占比X%":  # 占比 side by side may overlap (预增公司占比72%，翻番公司占比40%), unless the sentence
        return framed and not _AGGREGATE.search(near) \
            and not _RANKED.search(text, since, ms[i].end)  # frames one whole: 公司营业收入中，出口占比78%，内需占比22%
    if family == "分别占X%、Y%和Z%":  # 教育、卫生支出分别占一般公共预算支出的: kinds of the whole share its head noun
        if framed:
            return not _AGGREGATE.search(near)
        head = re.split(r"分别|依次", text[max(0, ms[i].start - 40):ms[i].start])[0].split("占")[0].rstrip()
        kinds = (head, _MEASURE_TAIL.sub("", head))  # 住房贷款、消费贷款余额占全部个人贷款的: kinds of 贷款
        return bool(whole) and any(len(h) >= 2 and whole.endswith(h[-2:]) for h in kinds) \
            or _ORDINAL_KINDS.search(head) is not None or _MARKET_SHARE.search(head) is not None \
            or _COUNTED_KINDS.search(head) is not None and not whole.startswith(("其", "各自", "自身"))
    if family == "在W中，A为X%":  # 按地区分，A为X%: a whole divided by one dimension; 在W中，A为X% may overlap
        return _DIVIDED.search(text, max(0, ms[i].start - 80), ms[i].start) is not None
    if family == "X% owned by A" and (_WHOLE_HEAD_EN.match(text, ms[i].end) or _BY_ALONE.match(text, ms[i].end)):
        return True  # (35% of the company's shares are held by institutions, 10% by insiders: one thing's owners)
    if family == "A with X%":  # names ranked on one measure (led with 40%, followed by B with 25%): one market's shares
        sentence = re.split(r"[.;!?](?=\s|$)", text[max(0, ms[i].start - 160):ms[i].start])[-1]
        return _RANKED_EN.search(sentence) is not None  # (the list's later names: "… and C with 13%")
    return family in _EXCLUSIVE or family == "continued"


# --- ratios of parts ------------------------------------------------------------------------------

# 42:39:19, 7:3, 60:40: terms joined by colons (a ratio is no mention: numbers.py reads none of 11:30, 3:1 or 7:3)
_RATIO = re.compile(r"(?<![\d.:∶/])\d{1,3}(?:\.\d{1,2})?(?:[:∶]\d{1,3}(?:\.\d{1,2})?)+(?![\d:∶/]|\.\d|\s?(?:am|pm|GMT)\b)", re.I)
# The words that make a ratio one of parts: a share, a proportion, a weight or a split, in the ratio's own clause
_RATIO_WORD = re.compile(r"占比|比例|比重|权重|份额|结构|构成|之比|比值|配比|分配|分成|\b(?:ratio|split|proportion|shares?|"
                         r"divided|weighting)\b", re.I)
_RATIO_TOTALS = (100.0, 10.0)  # percentage points, or tenths (7:3)
_SET_AGAINST = re.compile(r"而|相比|对比|较|\b(?:while|whereas|compared|against|versus|vs)\b", re.I)
# A ratio of any total, named as one right before or after it: 比值约为9∶1, 之比为3:1, 按3:1的比例, a ratio of 2:1
_RATIO_NAMED = re.compile(r"(?:之比|比值|比例|配比|比重|\bratio(?:\s+of)?)\s?(?:约|大约|约为|为|是|达到?|在|of|was|is|stood\s+at)?"
                          r"\s?(?:约|约为)?\s?$", re.I)
_RATIO_NAMED_AFTER = re.compile(r"\s?(?:左右)?的?(?:比例|比值|配比|ratio\b)", re.I)


def has_ratio(folded: str) -> bool:
    """A cheap test for a paragraph that may state a ratio of parts (most have no colon between digits)."""
    return (":" in folded or "∶" in folded) and _DIGIT_COLON.search(folded) is not None


_DIGIT_COLON = re.compile(r"\d[:∶]\d")


def _ratio_parts(match: re.Match, any_total: bool = False) -> tuple[SharePart, ...]:
    """The terms of a ratio as shares of its whole, when they add up to 100 or 10 within their rounding (7:3 ->
    70% and 30%), or when the words right at it name it a ratio (之比为3:1 -> 75% and 25%) or `any_total` (a ratio of
    as many terms named before it in the sentence); none otherwise (a score 3:1, a time 11:30)."""
    terms, at = [], match.start()
    for written in re.split("[:∶]", match.group()):
        terms.append((at, written, float(written), half_step(written)))
        at += len(written) + 1
    total, slack = sum(t[2] for t in terms), sum(t[3] for t in terms)
    scale = next((100.0 / whole for whole in _RATIO_TOTALS if abs(total - whole) <= slack + 1e-9), None)
    named = _RATIO_NAMED.search(match.string, max(0, match.start() - 12), match.start()) \
        or _RATIO_NAMED_AFTER.match(match.string, match.end())
    if scale is None and total > 0 and (any_total or named):
        scale = 100.0 / total  # 比值约为9∶1 (90% and 10%), 之比为3:1 (75% and 25%)
    if scale is None:
        return ()
    family = "A:B:C的比例" if HAN_CHARACTER.search(match.string, max(0, match.start() - 2), match.end() + 2) else "a 60:40 split"
    return tuple(SharePart(Quantity(start, start + len(written), written, value * scale, (value - half) * scale,
                                    (value + half) * scale, "%", "percent", ""), False, family)
                 for start, written, value, half in terms)


def ratio_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[ShareClaim]:
    """A ratio of parts is a share group that makes up its whole: 主板、中小板、创业板权重占比为42:39:19; split 60:40
    between A and B; 比值约为9∶1. Only ratios beside a word of shares (in their clause) or set against such a ratio
    before them in the sentence (而我国目前在3∶1左右); see _ratio_parts for the totals read."""
    out = []  # (paragraph_claims calls it only where has_ratio found one)
    for s, e in spans:
        named, named_end = 0, s  # a ratio the sentence named before, set against this one: 比值约为9∶1，而我国目前在3∶1左右
        for match in _RATIO.finditer(text, s, e):
            clause = clause_start(text, match.start(), s, "，,。；;")
            terms = len(re.split("[:∶]", match.group()))
            compared = terms == named and _SET_AGAINST.search(text, named_end, match.start()) is not None
            if not compared and not _RATIO_WORD.search(text, clause, min(e, match.end() + 20)):
                continue
            parts = _ratio_parts(match, any_total=compared)
            if len(parts) >= 2:
                out.append(ShareClaim(span=match.span(), sentence=(s, e), parts=parts, exclusive=True))
                named, named_end = terms, match.end()
    return out
