"""Facts: a named entity's dated event (born, died, founded, opened, listed, took or left office, completed,
launched), as news states it in Chinese and English.

A candidate is a date (a year, a month, a day) with an event word near it; the family of phrasing it
matches says where the entity stands (before the event, after 的, after the date's comma, as the object of
成立/founded), and `checks.extract.entities` reads the name there. The families are data, one table per
language (`ZH_FAMILIES`, `EN_FAMILIES`), each with examples that the tests run. When no name reads cleanly,
or the wording leaves the event open, no claim is made: a missed fact costs less than a false contradiction.
A shortened name (华科智能, "Kowalski") becomes the full name its article states (`resolve_names`).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Callable

from checks.extract.claims.common import Claim, Quantity
from checks.extract.entities import (EN_KINDS_OF_ORG, EN_PLACE_HEADS, ORGANISATION, PERSON, PLACE, THING, Entity, antecedent,
                                     has_suffix_name, named_as, named_by_head, names_a_thing, names_after,
                                     names_before, person_of_surname, resolve, surname_and_title)
from checks.extract.numbers import Mention
from checks.ingest.normalize import fold_width
from checks.vocab.scripts import language_of

BORN, DIED, FOUNDED, OPENED, LISTED = "born", "died", "founded", "opened", "listed"
TOOK_OFFICE, LEFT_OFFICE, COMPLETED, LAUNCHED = "took_office", "left_office", "completed", "launched"
EVENTS = (BORN, DIED, FOUNDED, OPENED, LISTED, TOOK_OFFICE, LEFT_OFFICE, COMPLETED, LAUNCHED)

# The kind a name of unknown kind is taken to be, by its event (a thing is born only in quotation marks).
_KIND_OF_EVENT = {BORN: PERSON, DIED: PERSON, FOUNDED: ORGANISATION, OPENED: PLACE, LISTED: ORGANISATION,
                  TOOK_OFFICE: PERSON, LEFT_OFFICE: PERSON, COMPLETED: PLACE, LAUNCHED: THING}
# What kind of entity each event can be said of (a name of unknown kind is always allowed).
KINDS: dict[str, frozenset[str]] = {
    BORN: frozenset({PERSON, THING}), DIED: frozenset({PERSON, THING}),
    FOUNDED: frozenset({ORGANISATION, PLACE, THING}), OPENED: frozenset({PLACE, ORGANISATION, THING}),
    LISTED: frozenset({ORGANISATION, THING}), TOOK_OFFICE: frozenset({PERSON}), LEFT_OFFICE: frozenset({PERSON}),
    COMPLETED: frozenset({PLACE, THING}), LAUNCHED: frozenset({THING, ORGANISATION, PLACE}),
}

# --- the words of each event ---------------------------------------------------------------------

ZH_EVENTS: dict[str, tuple[str, ...]] = {
    BORN: ("出生", "诞生"),
    DIED: ("逝世", "去世", "病逝", "辞世", "离世"),
    FOUNDED: ("成立", "创立", "创办", "创建", "始建", "始创", "组建", "设立", "建立"),
    OPENED: ("开业", "开馆", "开园", "开通", "通车", "投运", "投入运营", "投入运作", "投入使用", "启用", "开张", "投产",
             "正式运营", "开始运营", "开始投产", "开始营业", "揭牌", "开港", "通航"),
    LISTED: ("挂牌上市", "挂牌交易", "上市交易", "上市", "挂牌", "IPO", "登陆资本市场", "登陆A股", "登陆港股", "登陆主板",
             "登陆创业板", "登陆科创板", "登陆中小板", "登陆纳斯达克", "登陆纽交所", "登陆深交所", "登陆上交所",
             "登陆港交所", "登陆联交所", "登陆北交所"),
    TOOK_OFFICE: ("就任", "上任", "就职", "履新", "出任", "当选"),
    LEFT_OFFICE: ("卸任", "离任", "辞任", "退休", "辞职"),
    COMPLETED: ("建成", "落成", "竣工", "完工", "全线贯通"),
    LAUNCHED: ("首播", "开播", "发射", "推出", "上线", "问世", "首发", "面世", "发布", "发行", "启动", "封关运作",
               "开始商用", "正式商用", "投入商用", "首飞", "创刊"),
}
EN_EVENTS: dict[str, tuple[str, ...]] = {
    BORN: ("born",),
    DIED: ("died", "passed away"),
    FOUNDED: ("co-founded", "founded", "set up", "established", "formed", "created", "incorporated"),
    OPENED: ("opened its doors", "opened", "opens", "open", "began operations", "began operating",
             "started operations", "went into operation", "came into operation", "entered service",
             "began service", "opened to the public"),
    LISTED: ("listed", "floated", "went public", "made its stock market debut", "made its market debut",
             "began trading", "started trading"),
    TOOK_OFFICE: ("took office", "takes office", "take office", "took charge", "assumed office", "sworn in",
                  "took over as", "appointed", "elected", "became", "named", "took the helm", "inaugurated as"),
    LEFT_OFFICE: ("left office", "stepped down", "stood down", "resigned", "retired"),
    COMPLETED: ("completed",),
    LAUNCHED: ("launched operations", "launched", "launches", "launch", "released", "introduced", "unveiled",
               "debuted", "premiered", "published", "first broadcast", "went on sale", "goes on sale", "go on sale",
               "hit the shops", "went on air", "first appeared", "made its debut", "rolled out"),
}
# Events whose verb also takes the entity as its object: 成立珠海格力智能装备有限公司, "founded Northwind Labs".
TRANSITIVE = frozenset({FOUNDED, LAUNCHED, OPENED, COMPLETED})
_OFFICES = (r"(?:(?:the\s+)?(?:new\s+)?(?:chief executive(?: officer)?|chairman|chairwoman|chair|president|"
            r"vice[- ]president|prime minister|chancellor|governor|mayor|managing director|director|head|leader|"
            r"secretary[- ]general|secretary|minister|CEO|chief|manager|coach|editor|boss|captain|premier|king|queen|"
            r"pope|ambassador|commissioner)(?:\s+of\s+(?:the\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*)?)")


def _alternation(table: dict[str, tuple[str, ...]]) -> tuple[str, dict[str, str]]:
    words = sorted(((w, e) for e, ws in table.items() for w in ws), key=lambda p: -len(p[0]))
    return "|".join(re.escape(w) for w, _ in words), {w: e for w, e in words}


_ZH_EV, _ZH_EVENT_OF = _alternation(ZH_EVENTS)
_EN_EV, _EN_EVENT_OF = _alternation(EN_EVENTS)
_ZH_ANY_EVENT = re.compile(f"{_ZH_EV}|生|建于|起(?:担任|出任|就任|任)|任期")



@dataclass(frozen=True)
class FactClaim(Claim):
    """A named entity's dated event: who (`entity`, its full name), what happened (`event`), when (`date`).

    `written` is the name as the paragraph writes it (a shortened form or a reference such as 该公司 when the
    article states the full name elsewhere), `how` says how the name was recognised, `qualifier` what the
    event is of (the exchange of a listing, the office taken: facts with different qualifiers are different
    facts), `planned` marks a plan (将于, "will open") that later news may move, and `run_wide` a name specific
    enough to be one entity anywhere in the run (a full organisation or person name, not a nickname).
    """

    entity: str
    event: str
    date: Quantity
    written: str = ""
    entity_kind: str = ""
    how: str = ""
    family: str = ""
    word: str = ""  # the event as the text words it: 出生, 成立于, founded
    qualifier: str = ""
    planned: bool = False
    run_wide: bool = False

    type = "fact"

    @property
    def key(self) -> str:
        return f"{self.written or self.entity}|{self.event}|{self.date.surface}"


@dataclass(frozen=True)
class Candidate:
    """A date with the text around it inside its sentence (original and width-folded)."""

    text: str
    folded: str
    date: Mention
    lo: int
    hi: int
    spans: tuple[tuple[int, int], ...] = ()  # the paragraph's sentences
    previous: FactClaim | None = None  # the fact read from an earlier date of the same sentence, of one entity

    @property
    def before(self) -> str:
        return self.folded[self.lo:self.date.start]

    @property
    def after(self) -> str:
        return self.folded[self.date.end:self.hi]


@dataclass(frozen=True)
class Family:
    """One way a language states a dated fact; its examples are run as tests."""

    name: str
    read: Callable[[Candidate], list[FactClaim]]
    examples: tuple[tuple[str, tuple[str, str, str]], ...]  # (text, (entity, event, date surface))


# Titles of office, for telling one office from another: 广州启航电子科技有限公司总经理 and 总经理 are one office.
_TITLES = ("副董事长", "董事长", "副总经理", "总经理", "副总裁", "总裁", "首席执行官", "首席财务官", "行长", "校长",
           "院长", "所长", "主任", "市长", "省长", "部长", "局长", "厅长", "主席", "党委书记", "书记", "秘书长", "总监",
           "总编辑", "社长", "会长", "理事长", "经理", "chief executive", "chairman", "chairwoman", "president",
           "prime minister", "chancellor", "governor", "mayor", "managing director", "director", "minister", "CEO")


def _office(qualifier: str) -> str:
    """The title of an office as it ends the qualifier (公司总经理 -> 总经理), else the qualifier itself."""
    q = " ".join(qualifier.split())
    q = re.sub(r"^(?:as\s+)?(?:the\s+)?(?:new\s+)?", "", q, flags=re.I)
    q = re.sub(r"\s+of\s+.*$", "", q)
    return next((t for t in _TITLES if q.lower().endswith(t.lower())), q)


# Where a listing is: the exchanges and boards of one market are one venue (在上交所上市 and 登陆A股 are one listing;
# 在港交所上市 is another). A venue not in this table stays as written.
_MARKETS = (("A股", ("上海证券交易所", "深圳证券交易所", "上交所", "深交所", "沪市", "深市", "A股", "主板", "中小板", "创业板",
                    "科创板", "北交所", "北京证券交易所")),
            ("港股", ("香港联合交易所", "香港联交所", "港交所", "联交所", "港股", "香港")),
            ("美股", ("纳斯达克", "纽约证券交易所", "纽交所", "美股", "Nasdaq", "NASDAQ", "New York Stock Exchange", "NYSE",
                    "Wall Street")),
            ("London", ("London Stock Exchange", "LSE", "London")))


def market(venue: str) -> str:
    """The market a listing's venue or wording names (上交所, 登陆A股 -> A股; "on the Nasdaq" -> 美股); the venue as
    written when it names none."""
    for name, words in _MARKETS:
        if any(w in venue for w in words):
            return name
    return venue


# How a name was found when the text names it elsewhere: its span is not the fact's.
_REFERRED = frozenset({"reference", "topic", "open"})


def _referred(text: str, pos: int, word: str, kind: str, lang: str, open_: bool = True) -> list[Entity]:
    """The name a reference (该公司, "the company", 他, "she", "the stadium") ending at `pos` stands for in its
    paragraph; else, when `open_`, the reference itself, left open for its article to resolve (`resolve_names` drops
    it if the article cannot). A pronoun's person is marked so: such a fact is compared inside its article only."""
    start = pos - len(word)
    found = _antecedent_of(text, start, word, kind, lang)
    if found is not None:
        return [found]
    return [Entity(word, kind, start, pos, "open")] if open_ and word else []


# Personal pronouns that may stand for the one person named before them (not 其他 "other", 吉他 "guitar").
_ZH_PERSON_PRONOUN = re.compile(r"(?<![其吉])[他她]$")
_ZH_NEW_COMPANY = frozenset({"新公司", "合资公司", "新设公司", "该合资公司"})
_EN_PERSON_PRONOUN = re.compile(r"\b(?P<word>[Hh]e|[Ss]he)\s*$")
_EN_PRONOUN_AFTER = re.compile(r"(?P<word>[Hh]e|[Ss]he)\b")
_ZH_PRONOUN_AFTER = re.compile(r"[他她](?!们)")
PRONOUNS = frozenset({"他", "她", "he", "she", "He", "She"})
_FEMALE = re.compile(r"她|\b(?:[Ss]he|[Hh]er|[Hh]ers)\b")
_MALE = re.compile(r"(?<![其吉])他(?!们)|\b(?:[Hh]e|[Hh]im|[Hh]is)\b")
_OTHER_GENDER = {"他": _FEMALE, "he": _FEMALE, "她": _MALE, "she": _MALE}  # a pronoun of the other gender between them
# "the stadium", "the centre": a place named before by a name with that head noun (Wembley Stadium).
_EN_PLACE_REFERENCE = re.compile(rf"\b[Tt]he\s+(?P<head>{'|'.join(sorted(EN_PLACE_HEADS))})\s*$")


def _antecedent_of(text: str, pos: int, word: str, kind: str, lang: str, reach: int = 400) -> Entity | None:
    """What the reference `word` at `pos` stands for: a pronoun's one person, a definite place noun's one place of that
    head, or the one organisation or person the nearest sentence naming any states (`antecedent`)."""
    if word in PRONOUNS:
        found = antecedent(text, pos, PERSON, lang, reach, alone=True)
        if found is None or _OTHER_GENDER[word.lower()].search(text, found.end, pos):
            return None  # "Maria Kowalski said she was not. He was born ...": he is someone else
        return Entity(found.name, PERSON, found.start, found.end, "pronoun")
    if lang == "en" and (place := _EN_PLACE_REFERENCE.search(word)) is not None:
        return named_by_head(text, pos, place.group("head"), reach)
    if word in _ZH_NEW_COMPANY:
        return named_as(text, pos, reach)  # 新公司: the company the text says it is to be called, or none
    return antecedent(text, pos, kind, lang, reach)


def _facts(c: Candidate, word: str, names: list[Entity], event: str, family: str, end: int, qualifier: str = "",
           planned: bool = False) -> list[FactClaim]:
    """One claim per name; the span runs from the name (not from a reference's antecedent) to the event."""
    planned = planned or bool(_ZH_PLANNED_BEFORE.search(c.before))  # 将于2016年12月28日正式发布, 定于 2015年3月24日
    out = []
    # 赵董事长 is no name but a reference to the person its article names in full (赵志远)
    names = [Entity(e.name, PERSON, e.start, e.end, "open", e.title) if surname_and_title(e.name) else e for e in names]
    for e in names:
        if event in (TOOK_OFFICE, LEFT_OFFICE):
            qualifier = _office(qualifier or e.title)
        elif event == LISTED:
            qualifier = market(f"{qualifier} {word}".strip()) if market(word) != word else market(qualifier)
        referred = e.how in _REFERRED
        start = c.date.start if referred else min(e.start, c.date.start)
        stop = max(end, c.date.end) if referred else max(e.end, end, c.date.end)
        out.append(FactClaim(span=(start, stop), sentence=None, entity=e.name, event=event, date=Quantity.of(c.date),
                             written=e.name, entity_kind=e.kind or _KIND_OF_EVENT[event], how=e.how, family=family,
                             word=word, qualifier=" ".join(qualifier.split()), planned=planned,
                             run_wide=e.full and not planned and e.how != "pronoun"))
    return out


# --- Chinese -------------------------------------------------------------------------------------

_ZH_PLAN = r"(?:将|将要|即将|预计|计划|拟|有望|力争|定于)"
# What may follow an event word when the entity is its subject: a clause end, 的, 于, 在, 以来 ... not an object.
# A second verb that completes the event rather than taking an object: 建成通车, 开通运营, 发射升空, 建成开放.
_ZH_CONTINUED = r"(?:通车|开放|运营|营业|升空|投用|入轨)"
_ZH_END = rf"(?=[,，。；;、:：!！?？)）\s]|的|于|在|并|后|时|以来|至今|仪式|典礼|{_ZH_CONTINUED}|$)"
# Words after a date that make it a bound, not the event's date: 2014年以后上市的, 2015年前成立.
# (2021年开始投产 dates the start of production: 开始 before an event word is no bound)
_ZH_RELATION = r"(?:以来|以后|之后|以前|之前|前|后|起|至今|至|到|开始(?!投产|运营|营业|商用)|以上|以内|内|间|期间|左右|底前|时)"
_ZH_ADVERBS = r"(?:正式|首次|成功|顺利|率先|宣告|宣布|挂牌|揭牌|全面|就|已|已经|才|相继|先后|发起|联合|共同)*"
# 2005年由张海涛在杭州创办: the founders after the date (an office is never taken 由 another)
_ZH_FILL = (rf"(?!{_ZH_RELATION})(?:[,，]?(?:由(?P<agent>[^,，。；;、由在于]{{1,20}}?))?"
            rf"(?:在(?P<venue>[^,，。；;、]{{1,15}}?))?(?:完成|实现)?(?:[A-Z]股|港股|美股)?"
            rf"(?:首次公开发行(?:股票)?并|公开发行(?:股票)?并|IPO并)?{_ZH_ADVERBS})")
_ZH_LEAD = re.compile(rf"(?P<lead>(?:[,，]\s*(?:[男女][,，]\s*)?)?(?P<plan>{_ZH_PLAN})?(?:已|曾|早|最早|早在|正式)?"
                      rf"(?:因病|不幸|因故)?(?:于|在|自)?)$")  # 因病于2021年4月12日在北京逝世
_ZH_PLAN_WORD = re.compile(_ZH_PLAN)  # 欧洲超级工厂最早将于2020年1月开始建设，2021年开始投产: the whole sentence is a plan
_ZH_PLANNED_BEFORE = re.compile(rf"{_ZH_PLAN}\s*(?:于|在)?\s*$")
_ZH_AGENT = re.compile(r"由[^,，。；;由]{1,120}$")  # the founders between the name and the date
_ZH_OFFICE_EV = "|".join(re.escape(w) for w in ZH_EVENTS[TOOK_OFFICE] + ZH_EVENTS[LEFT_OFFICE])
# 于2012年11月卸任公司总经理, 2016年出任总经理后: an office event may name the office after it
_ZH_EVENT_AFTER = re.compile(rf"{_ZH_FILL}(?:(?P<ev>{_ZH_EV}){_ZH_END}|(?P<oev>{_ZH_OFFICE_EV})"
                             rf"(?P<office>[^,，。；;“”的]{{1,16}}?){_ZH_END})")
# 2016年3月起担任公司总经理: an office held from a date was taken on that date (担任 alone dates no start).
_ZH_OFFICE_FROM = re.compile(rf"起(?:正式)?(?P<oev>担任|出任|就任|任)(?P<office>[^,，。；;“”的]{{1,16}}?){_ZH_END}")
# 建于1683年 (built in: a founding, but compared only with other 建于, for it may mean the start or the end of the work);
# not 重建于, 扩建于 (a rebuilding).
_ZH_EVENT_YU = re.compile(rf"(?P<lead>[,，(（]?)(?P<plan>{_ZH_PLAN})?(?P<ev>{_ZH_EV}|生|(?<![重扩改新修再兴续])建)于$")
_ZH_BORN_SHORT = re.compile(r"生(?=[,，。；;)）])")  # 1965年生，
_ZH_DE = re.compile(rf"(?!{_ZH_RELATION})(?P<fill>[^,，。；;“”]{{0,12}}?)(?P<ev>{_ZH_EV})"
                    rf"{_ZH_CONTINUED}?(?P<office>[^,，。；;“”的]{{1,16}}?)?的(?:(?P<desc>[^,，。；;“”《的]{{1,8}}?)(?=[“《]))?")
_ZH_OBJECT = re.compile(rf"[,，]?(?P<fill>[^,，。；;“”\d]{{0,16}}?)(?:[A-Z]股|港股|美股)?{_ZH_ADVERBS}(?P<ev>{_ZH_EV})了?")
# Between a date and an event, words that make the date the day of an announcement or plan, not of the event.
_ZH_ANNOUNCED = re.compile(rf"宣布|表示|称|透露|{_ZH_PLAN}")
# A date's clause that may name its subject and then the event: a short stretch free of particles, then the event.
_ZH_SUBJECT_THEN_EVENT = re.compile(rf"[^,，。；;、的是了为和与及]{{2,30}}?(?:{_ZH_EV}|{_ZH_OFFICE_EV})")
_ZH_CEREMONY = re.compile(rf"(?:出席|参加|举行|举办)了?(?P<name>[^,，。；;]{{2,30}}?)(?P<ev>{_ZH_EV})(?:仪式|典礼)")
_ZH_SINCE_AFTER = re.compile(rf"(?:(?P<ev>{_ZH_EV})|(?P<oev>{_ZH_OFFICE_EV})(?P<office>[^,，。；;“”的]{{1,12}}?))"
                             rf"(?:以来|至今)[,，]?")  # 自2016年出任董事长以来: the office after its event
_ZH_NOT_POINT = re.compile(r"(?:截至|截止|到|至|从|自|以来|每|前|后)$")
_ZH_NEGATION = re.compile(r"(?:未|没有|尚未|不)")
_ZH_ORG_REFERENCE = re.compile(r"(?:(?:该|这家|此|本)(?:公司|企业|集团|银行|机构|行)|公司|企业|集团)")
_ZH_ORG_REFERENCE_BEFORE = re.compile(r"(?:该|这家|此|本)(?:公司|企业|集团|银行|机构|行)?$")  # 这家创办于1998年的企业
_ZH_PERSON_REFERENCE = re.compile(r"(?:这位|这名|该|他|她)$")
_ZH_ORG_REFERENCE_END = re.compile(r"(?:(?:该|这家|此|本)(?:公司|企业|集团|银行|机构|行)|公司|企业|集团)$")
_ZH_BRACKETED = re.compile(r"[(（][^()（）]{0,20}[)）]\s*$")  # a byline or note in brackets before a sentence


# What may stand between a subject and its event or date without being part of the name: a note in brackets (（股票代码：
# 300001）, (以下简称“华科”)) and a copula with a classifier (是一家成立于2015年的……).
_ZH_SUBJECT_TAIL = re.compile(r"(?:[(（][^()（）]{1,30}[)）])?\s*(?:(?:是|为|系)(?:一家|一所|一座|一个|一位|一名)?)?$")


def _zh_subject_end(c: Candidate, end: int) -> int:
    """Where the subject's name ends, before `end`: a bracketed note and a copula (是一家) after it left out."""
    tail = _ZH_SUBJECT_TAIL.search(c.folded, c.lo, end)
    return tail.start() if tail is not None and tail.start() > c.lo else end


def _zh_opening(c: Candidate) -> str:
    """The words of the date's clause before it, a bracketed byline or note left out (（记者 张三）2019年，……: none)."""
    return _ZH_BRACKETED.sub("", re.split(r"[,，:：]", c.before)[-1]).strip()


_ZH_OPENABLE = re.compile(r"(?:该|这家|此)(?:公司|企业|集团|银行|机构|行)")


def _zh_openable(word: str) -> bool:
    """A reference that may stand for a name in another paragraph: 该公司, 这家企业; not a bare 公司 (news calls the
    article's company so, named or not: 以中国船舶为例……公司2019年4月27日发布), 企业 or 集团 alone, nor 这家 without
    its noun: those stand only for a name of their own paragraph."""
    return _ZH_OPENABLE.fullmatch(word) is not None


def _zh_pronoun(c: Candidate, end: int, event: str) -> list[Entity]:
    """他/她 ending at `end`, as the subject of a person's event: the one person named before it (in its paragraph, or
    left open for its article), else nothing."""
    pronoun = _ZH_PERSON_PRONOUN.search(c.folded, c.lo, end) if PERSON in KINDS[event] else None
    return _referred(c.text, end, pronoun.group(0), PERSON, "zh") if pronoun is not None else []


def _zh_event(word: str) -> str:
    return BORN if word == "生" else FOUNDED if word == "建" else _ZH_EVENT_OF[word]


# 自2015年底证监会支持西藏IPO的“绿色通道”开通以来: a quoted name and its event after the date's own words.
_ZH_SINCE_QUOTED = re.compile(rf"[^,，。；;“”\"《]{{0,30}}?(?P<name>“[^“”]{{1,20}}”|\"[^\"]{{1,20}}\"|《[^《》]{{1,30}}》)"
                              rf"\s*{_ZH_ADVERBS}(?P<ev>{_ZH_EV})(?:以来|至今)")


def _zh_since_quoted(c: Candidate) -> list[FactClaim]:
    """自2015年底证监会支持西藏IPO的“绿色通道”开通以来"""
    quoted = _ZH_SINCE_QUOTED.match(c.after) if c.before.endswith("自") else None
    if quoted is None or _ZH_NEGATION.search(c.after[:quoted.start("ev")]):
        return []
    event = _zh_event(quoted.group("ev"))
    names = names_after(c.text, c.date.end + quoted.start("name"), "zh", KINDS[event])
    return _facts(c, quoted.group("ev"), names, event, "自D……“N”成立以来", c.date.end + quoted.end("ev"))


def _zh_since(c: Candidate) -> list[FactClaim]:
    """自2004年5月27日成立以来，中小企业板…… / 公司自1999年成立至今 / 自2001年创立以来，企业……"""
    since = _ZH_SINCE_AFTER.match(c.after)
    if not c.before.endswith("自") or since is None:
        return []
    word = since.group("ev") or since.group("oev")
    event, end = _zh_event(word), c.date.end + since.end()
    names = names_before(c.text, c.date.start - 1, "zh", KINDS[event]) or names_after(c.text, end, "zh", KINDS[event]) \
        or _zh_pronoun(c, c.date.start - 1, event)  # 他自2016年出任董事长以来
    after = _ZH_ORG_REFERENCE.match(c.folded, end)  # 自2010年成立以来，公司……
    before = _ZH_ORG_REFERENCE_END.search(c.folded, c.lo, c.date.start - 1)  # 该公司自2010年
    if not names and (after or before) is not None and ORGANISATION in KINDS[event]:
        ref = before or after
        names = _referred(c.text, ref.end() if ref is before else c.date.start - 1, ref.group(0), ORGANISATION, "zh",
                          _zh_openable(ref.group(0)))
    return _facts(c, word, names, event, "自D成立以来", end, since.group("office") or "")


def _zh_event_yu(c: Candidate) -> list[FactClaim]:
    """华科智能科技有限公司成立于2015年 / 王建华出生于1970年 / 始建于1958年的沙湖渠大桥"""
    yu = _ZH_EVENT_YU.search(c.before)
    if yu is None or _ZH_NEGATION.search(c.before[max(0, yu.start("ev") - 2):yu.start("ev")]) \
            or re.match(_ZH_RELATION, c.after):
        return []
    event = _zh_event(yu.group("ev"))
    subject_end = _zh_subject_end(c, c.lo + yu.start())
    names = names_before(c.text, subject_end, "zh", KINDS[event]) or _zh_pronoun(c, subject_end, event)
    if not names and c.after.startswith("的"):
        names = names_after(c.text, c.date.end + 1, "zh", KINDS[event])
    ref = _ZH_ORG_REFERENCE_BEFORE.search(c.before[:yu.start()])
    if not names and ref is not None and ORGANISATION in KINDS[event]:
        # 该公司成立于2010年 (open: named in another paragraph); 这家创办于1998年的企业 (only its own paragraph's name)
        names = _referred(c.text, c.lo + yu.start(), ref.group(0), ORGANISATION, "zh", _zh_openable(ref.group(0)))
    return _facts(c, yu.group("ev"), names, event, "N成立于D", c.date.end, "建于" if yu.group("ev") == "建" else "",
                  planned=bool(yu.group("plan")))


def _zh_then_de(c: Candidate) -> list[FactClaim]:
    """1970年出生的王建华 / 2021年6月出生的“晓晓”“蕾蕾” / 2020年5月就任……主任的陈立新 / 这位1958年出生的农业专家"""
    de = _ZH_DE.match(c.after)
    if de is None or _ZH_NEGATION.search(de.group("fill")):
        return []
    event = _zh_event(de.group("ev"))
    if de.group("office") and event != TOOK_OFFICE:
        return []
    end = c.date.end + de.end("desc") if de.group("desc") is not None else c.date.end + de.end()
    names = names_after(c.text, c.date.end + de.end(), "zh", KINDS[event]) if not de.group("desc") else []
    if not names and de.group("desc") is not None:
        names = [e for e in names_after(c.text, end, "zh", KINDS[event]) if e.how in ("quoted", "title")]
    if not names and _ZH_PERSON_REFERENCE.search(c.before) and event in (BORN, DIED, TOOK_OFFICE, LEFT_OFFICE):
        names = [e for e in [antecedent(c.text, c.date.start, PERSON, "zh")] if e is not None]
    return _facts(c, de.group("ev"), names, event, "D成立的N", end, (de.group("office") or "").strip())


def _zh_name_then_date(c: Candidate) -> list[FactClaim]:
    """华科智能科技有限公司于2015年3月成立 / 王建华1970年出生 / 中国平安于2007年在上海证券交易所上市"""
    lead = _ZH_LEAD.search(c.before)
    event_after = _ZH_EVENT_AFTER.match(c.after)
    if event_after is not None:
        word = event_after.group("ev") or event_after.group("oev")
        event, end = _zh_event(word), c.date.end + event_after.end()
        if event_after.group("agent") and event not in TRANSITIVE:
            return []  # 公司2015年由李明出任董事长: the one after 由 takes the office, not the subject
        venue = event_after.group("venue") or "" if event == LISTED else event_after.group("office") or ""
    elif _ZH_BORN_SHORT.match(c.after):
        word, event, end, venue = "生", BORN, c.date.end + 1, ""
    elif (office_from := _ZH_OFFICE_FROM.match(c.after)) is not None:  # 2016年3月起担任公司总经理: the tenure's start
        word, event, end, venue = office_from.group("oev"), TOOK_OFFICE, c.date.end + office_from.end(), \
            office_from.group("office")
    else:
        return []
    if _ZH_NEGATION.search(c.after[:event_after.start("ev" if event_after.group("ev") else "oev")]
                           if event_after else ""):
        return []
    if event in TRANSITIVE | {LAUNCHED} and c.folded.startswith("的", end):
        return []  # 公司2019年4月27日发布的预案: the name is the publisher of what follows, not what was launched
    # 中国社会责任百人论坛由……等26位专家学者2016年10月30日发起成立: the founders stand between the name and the date
    sentence_start = next((s for s, e in c.spans if s <= c.date.start < e), c.lo)
    agent = _ZH_AGENT.search(c.folded, max(sentence_start, c.date.start - 200), c.lo + lead.start())
    name_end = agent.start() if agent is not None else _zh_subject_end(c, c.lo + lead.start())
    names = names_before(c.text, name_end, "zh", KINDS[event]) or _zh_pronoun(c, name_end, event)  # 他于2010年出任
    ref = _ZH_ORG_REFERENCE_END.search(c.folded, c.lo, name_end) if not names and ORGANISATION in KINDS[event] else None
    if ref is not None:  # 该公司于2013年在上交所上市
        names = _referred(c.text, ref.end(), ref.group(0), ORGANISATION, "zh", _zh_openable(ref.group(0)))
    return _facts(c, word, names, event, "N于D成立", end, venue, bool(lead.group("plan")))


# “星海二号”卫星在酒泉卫星发射中心成功发射: a craft's kind and the place of the launch between the name and the event
_ZH_QUOTED_THEN_EVENT = re.compile(rf"[,，]?(?P<lead>[^,，。；;]{{0,60}}?[”\"」》])\s*(?:卫星|飞船|火箭|探测器|客机)?"
                                   rf"(?:在[^,，。；;、]{{1,15}}?)?{_ZH_ADVERBS}(?:完成|实现)?"
                                   rf"(?P<ev>{_ZH_EV}){_ZH_END}")
_ZH_SAYS = re.compile(r"说|表示|称|指出|认为|强调|介绍|提出|呼吁|宣布")


def _zh_date_quoted(c: Candidate) -> list[FactClaim]:
    """2017年11月3日，首单住房租赁类REITs“新派公寓权益型房托资产支持专项计划”成功发行: a quoted name right before its
    event, after a description, in the date's clause"""
    opening = _zh_opening(c)
    quoted = _ZH_QUOTED_THEN_EVENT.match(c.folded, c.date.end, c.hi)
    if opening not in ("", "早在", "在", "于") or quoted is None or _ZH_SAYS.search(quoted.group("lead")) \
            or _ZH_NEGATION.search(quoted.group("lead")[-4:]):
        return []
    event = _zh_event(quoted.group("ev"))
    names = [e for e in names_before(c.text, quoted.end("lead"), "zh", KINDS[event]) if e.how in ("quoted", "title")]
    return _facts(c, quoted.group("ev"), names[-1:], event, "D，……“N”成立", quoted.end("ev"))


def _zh_date_comma_name(c: Candidate) -> list[FactClaim]:
    """2019年9月，北京大兴国际机场正式投运"""
    comma = re.match(r"[,，]?\s*", c.after)
    opening = _zh_opening(c)
    if opening not in ("", "早在", "在", "于") or re.match(_ZH_RELATION, c.after):
        return []
    pronoun = _ZH_PRONOUN_AFTER.match(c.folded, c.date.end + comma.end())  # 2010年，他出任公司董事长
    subject = _ZH_SUBJECT_THEN_EVENT.match(c.folded, c.date.end + comma.end(), c.hi) if pronoun is None else pronoun
    if subject is None:
        return []  # no event after a short subject: the segmenter is not asked
    ref = _ZH_ORG_REFERENCE.match(c.folded, c.date.end + comma.end())  # 1999年公司成立后 / 2015年，该公司在深交所上市
    if pronoun is not None:
        ref = pronoun
        names = _referred(c.text, pronoun.end(), pronoun.group(0), PERSON, "zh")
    else:
        names = names_after(c.text, c.date.end + comma.end(), "zh") if ref is None else \
            _referred(c.text, ref.end(), ref.group(0), ORGANISATION, "zh", _zh_openable(ref.group(0)))
    if len(names) != 1:
        return []
    subject_end = ref.end() if ref is not None else names[0].end
    rest = c.folded[subject_end:c.hi]
    plan = re.match(_ZH_PLAN, rest)
    ev = _ZH_EVENT_AFTER.match(rest, plan.end() if plan else 0)
    if ev is None:
        return []
    word = ev.group("ev") or ev.group("oev")
    event = _zh_event(word)
    if ev.group("agent") and event not in TRANSITIVE:
        return []
    if _ZH_NEGATION.search(rest[:ev.start("ev" if ev.group("ev") else "oev")]) \
            or names[0].kind and names[0].kind not in KINDS[event]:
        return []
    qualifier = ev.group("venue") or "" if event == LISTED else ev.group("office") or ""
    return _facts(c, word, names, event, "D，N成立", subject_end + ev.end(), qualifier, bool(plan))


def _zh_object(c: Candidate) -> list[FactClaim]:
    """2015年成立珠海格力智能装备有限公司 / 2004年10月份，美国芝加哥期权交易所正式推出中国股指期货"""
    obj = _ZH_OBJECT.match(c.after)
    if obj is None or _zh_event(obj.group("ev")) not in TRANSITIVE | {LISTED} or _ZH_NEGATION.search(obj.group("fill")) \
            or _ZH_ANNOUNCED.search(obj.group("fill")) or re.match(_ZH_RELATION, c.after):
        return []
    event = _zh_event(obj.group("ev"))
    if event == LISTED and not names_a_thing(c.after[obj.end():]):
        return []  # no product named after 上市: the segmenter is not asked
    names = [e for e in names_after(c.text, c.date.end + obj.end(), "zh", KINDS[event]) if e.how != "tagger" or e.kind]
    if event == LISTED and any(e.kind != THING for e in names):
        return []  # an exchange lists a product (上市富时中国A50股指期货); a company is not listed by another
    return _facts(c, obj.group("ev"), names, event, "D成立N", max([e.end for e in names], default=c.date.end))


# A date that opens its sentence dates the act the sentence reports in a later clause when the act is declared done:
# 2021年10月12日，……发表讲话，宣布中国正式设立三江源、大熊猫……等第一批国家公园.
_ZH_DECLARED = re.compile(rf"(?:宣布)?(?:[\u4e00-\u9fff]{{1,6}})?正式(?P<ev>设立|成立|启用|开通|投运|开业|开馆)")


def _zh_date_declared(c: Candidate) -> list[FactClaim]:
    """2021年10月12日，习近平主席在……发表主旨讲话，宣布中国正式设立三江源、大熊猫……等第一批国家公园"""
    opening = _zh_opening(c)
    if opening not in ("", "在", "于") or not re.match(r"[,，]", c.after):
        return []
    sentence_end = next((e for s, e in c.spans if s <= c.date.start < e), c.hi)
    declared = _ZH_DECLARED.search(c.folded, c.date.end, sentence_end)
    if declared is None or re.search(rf"{_ZH_PLAN}|{_ZH_NEGATION.pattern}|[“”\"]", c.folded[c.date.end:declared.end()]):
        return []
    event = _zh_event(declared.group("ev"))
    names = [e for e in names_after(c.text, declared.end(), "zh", KINDS[event]) if e.how == "suffix"]
    return _facts(c, declared.group("ev"), names, event, "D，……正式设立N", max([e.end for e in names], default=c.date.end))


def _zh_ceremony(c: Candidate) -> list[FactClaim]:
    """2019年9月，习近平总书记出席北京大兴国际机场投运仪式"""
    if not re.match(r"[,，]", c.after):
        return []
    ceremony = _ZH_CEREMONY.search(c.after)
    if ceremony is None:
        return []
    event = _zh_event(ceremony.group("ev"))
    names = names_before(c.text, c.date.end + ceremony.start("ev"), "zh", KINDS[event])
    names = [e for e in names if e.start >= c.date.end + ceremony.start("name")]
    return _facts(c, ceremony.group("ev"), names, event, "出席N成立仪式", c.date.end + ceremony.end())


# 陈海燕的任期始于2019年 / 其任期自2019年3月开始 / 林志明担任总经理的任期从2016年起: a term of office starts when it is taken.
_ZH_TENURE_BEFORE = re.compile(r"(?:担任(?P<office>[^,，。；;“”的]{1,16}?))?的?任期(?P<prep>始于|自|从)$")
_ZH_TENURE_AFTER = re.compile(r"(?:开始|起)")


def _zh_tenure(c: Candidate) -> list[FactClaim]:
    """陈海燕的任期始于2019年 / 林志明担任总经理的任期自2016年3月开始"""
    tenure = _ZH_TENURE_BEFORE.search(c.before)
    if tenure is None or tenure.group("prep") != "始于" and not _ZH_TENURE_AFTER.match(c.after):
        return []
    names = names_before(c.text, c.lo + tenure.start(), "zh", frozenset({PERSON}))
    return _facts(c, "任期", names, TOOK_OFFICE, "N的任期始于D", c.date.end, tenure.group("office") or "")


# A person's years in brackets after the name: Maria Kowalski (1920-2009), 王建华（1920—2009）, 王建华（1920年－2009年）.
# The years are no number mentions: `lifespan_years` makes the first a date, and the family reads the pair from it.
_LIFESPAN = re.compile(r"[(（]\s*(?P<born>1[5-9]\d\d|20\d\d)\s*年?\s*[-–—－~～至]{1,2}\s*(?P<died>1[5-9]\d\d|20\d\d)"
                       r"\s*年?\s*[)）]")
_LIFESPAN_END = re.compile(r"\s*年?\s*[-–—－~～至]{1,2}\s*(?P<died>1[5-9]\d\d|20\d\d)\s*年?\s*[)）]")
_LIFESPAN_HINT = re.compile(r"[(（]\s*[12]\d{3}")
# How many years apart a bracketed pair must be to be read as a life: a term of office or a product's years are shorter.
_LIFE_YEARS = (40, 120)


def names_a_lifespan(text: str) -> bool:
    """Whether a paragraph may give a person's years in brackets (1920-2009): a cheap test (substrings), run on every
    paragraph, for such years are no number mentions."""
    return ("(" in text or "（" in text) and _LIFESPAN_HINT.search(text) is not None


def dates_beyond_mentions(text: str) -> bool:
    """Whether a paragraph may date a fact with words that are no number mentions (a decade, a person's years in
    brackets): the claims step reads such a paragraph even when it states no number."""
    return names_a_decade(text) or names_a_lifespan(text)


def lifespan_years(folded: str) -> list[Mention]:
    """The first year of each bracketed pair of years 40 to 120 apart, as a date for `_lifespan` to read."""
    out = []
    for m in _LIFESPAN.finditer(folded):
        born, died = int(m.group("born")), int(m.group("died"))
        if _LIFE_YEARS[0] <= died - born <= _LIFE_YEARS[1]:  # not a term of office (Bill Clinton (1993-2001))
            out.append(Mention(m.start("born"), m.end("born"), m.group("born"), float(born), float(born), born + 1.0,
                               "year", "year", ""))
    return out


def _lifespan(c: Candidate) -> list[FactClaim]:
    """王建华（1920—2009）/ Maria Kowalski (1920-2009): born and died, of a person (a Chinese name by jieba's person
    tag; an English one with a title, or of two or more words in capitals naming no organisation or place)"""
    end = _LIFESPAN_END.match(c.folded, c.date.end)
    if not re.search(r"[(（]\s*$", c.before) or end is None:
        return []
    lang = language_of(c.text[max(0, c.date.start - 20):c.date.start])
    bracket = c.lo + re.search(r"[(（]\s*$", c.before).start()
    names = names_before(c.text, bracket, lang, frozenset({PERSON}))
    if len(names) != 1 or names[0].kind != PERSON and (lang == "zh" or names[0].kind or len(names[0].name.split()) < 2):
        return []
    name = Entity(names[0].name, PERSON, names[0].start, names[0].end, names[0].how, names[0].title)
    s, e = end.span("died")
    died = Mention(s, e, c.text[s:e], float(c.text[s:e]), float(c.text[s:e]), float(c.text[s:e]) + 1, "year", "year", "")
    return _facts(c, "(-)", [name], BORN, "N (D-D)", end.end()) + \
        _facts(dataclasses.replace(c, date=died), "(-)", [name], DIED, "N (D-D)", end.end())


# A clause that goes on with the sentence's subject: 华科智能科技有限公司成立于2015年，2018年在深交所上市 /
# 王建华1965年出生，2010年出任董事长. The date opens its clause (after a comma, 并/随后/又 and 于/在 allowed) and the event
# follows it; the subject is the one entity of the fact read earlier in the sentence.
_ZH_CONTINUING = re.compile(rf"[,，；;]\s*(?:并|又|随后|后|再|并且|此后)?(?P<plan>{_ZH_PLAN})?(?:于|在)?\s*$")


def _continued(c: Candidate, word: str, event: str, end: int, qualifier: str, family: str,
               planned: bool = False) -> list[FactClaim]:
    """The event of a clause without a subject of its own, said of the entity of the sentence's earlier fact."""
    prev = c.previous
    if prev is None or event not in EVENTS or prev.entity_kind not in KINDS[event]:
        return []
    name = Entity(prev.written, prev.entity_kind, prev.span[0], prev.span[0] + len(prev.written),
                  prev.how.split(",")[0], "")
    facts = _facts(c, word, [name], event, family, end, qualifier, planned)
    return [dataclasses.replace(f, entity=prev.entity, run_wide=prev.run_wide and not f.planned) for f in facts]


def _zh_continued(c: Candidate) -> list[FactClaim]:
    """华科智能科技有限公司成立于2015年，2018年在深交所上市 / 王建华1965年出生，2010年出任董事长 /
    新公司将在法兰克福注册成立，计划于2015年第4季度正式投入运作"""
    opening = _ZH_CONTINUING.search(c.before)
    ev = _ZH_EVENT_AFTER.match(c.after) if opening is not None else None
    if ev is None or _ZH_NEGATION.search(c.after[:ev.start("ev" if ev.group("ev") else "oev")]):
        return []
    word = ev.group("ev") or ev.group("oev")
    event = _zh_event(word)
    if event in TRANSITIVE | {LAUNCHED} and c.folded.startswith("的", c.date.end + ev.end()):
        return []  # 2019年发布的预案: what follows is the object
    qualifier = ev.group("venue") or "" if event == LISTED else ev.group("office") or ""
    end = c.date.end + ev.end()
    if c.previous is not None:
        return _continued(c, word, event, end, qualifier, "N成立于D，D上市")
    names = _zh_sentence_subject(c, c.lo + opening.start(), event)
    planned = bool(opening.group("plan")) or any(_ZH_PLAN_WORD.search(c.folded, e.end, c.lo + opening.start()) for e in names)
    return _facts(c, word, names, event, "N……，D上市", end, qualifier, planned)


# A sentence that opens with its subject (a name by its suffix or in quotation marks, or 该公司/新公司) and goes on
# without another name before the date's clause: 新公司将在德国法兰克福注册成立，计划于2015年第4季度正式投入运作.
_ZH_ATTRIBUTION = re.compile(r"\s*(?:据|根据|按照|记者|另据|此外|同时|目前)[^,，。；;“”]{0,20}[,，]")  # a source before the subject
_ZH_SENTENCE_REFERENCE = re.compile(r"(?:该|这家|此)(?:公司|企业|集团|银行|机构|行)|新公司|合资公司|新设公司")


def _zh_sentence_subject(c: Candidate, clause: int, event: str) -> list[Entity]:
    """The subject the sentence opens with, for a clause of it that has none of its own (ending at `clause`)."""
    start = next((s for s, e in c.spans if s <= c.date.start < e), None)
    attribution = _ZH_ATTRIBUTION.match(c.folded, start, clause) if start is not None else None
    start = attribution.end() if attribution is not None else start  # 根据前期外媒信息，欧洲超级工厂……
    if start is None or clause - start > 60:
        return []
    start += len(c.folded[start:clause]) - len(c.folded[start:clause].lstrip())
    between = c.folded[start:clause]
    ref = _ZH_SENTENCE_REFERENCE.match(between)
    if ref is not None:
        rest = between[ref.end():]
        if ORGANISATION not in KINDS[event] or has_suffix_name(rest) or re.search(r"[“”\"《》、]", rest) \
                or _ZH_SAYS.search(rest):
            return []
        return _referred(c.text, start + ref.end(), ref.group(0), ORGANISATION, "zh", _zh_openable(ref.group(0)))
    names = names_after(c.text, start, "zh", KINDS[event])
    if len(names) != 1 or names[0].how not in ("suffix", "quoted", "title"):
        return []
    rest = c.folded[names[0].end:clause]
    if has_suffix_name(rest) or re.search(r"[“”\"《》、]", rest) or _ZH_SAYS.search(rest):
        return []  # another name before the clause, or what it said: whose the event is stays open
    return names


ZH_FAMILIES: tuple[Family, ...] = (
    Family("N (D-D)", _lifespan, (
        ("著名画家王建华（1920—2009）的作品在上海展出。", ("王建华", BORN, "1920")),
        ("著名画家王建华（1920年－2009年）的作品在上海展出。", ("王建华", DIED, "2009")),
    )),
    Family("自D成立以来", _zh_since, (
        ("自1990年12月成立以来，深圳证券交易所已走过三十多年。", ("深圳证券交易所", FOUNDED, "1990年12月")),
        ("华科智能科技有限公司自2015年成立以来发展迅速。", ("华科智能科技有限公司", FOUNDED, "2015年")),
        ("成立于2008年的海川电子科技有限公司在加快布局，该公司自2010年创立以来专注于通信模块。",
         ("海川电子科技有限公司", FOUNDED, "2010年")),
        ("周海涛自2016年出任公司董事长以来，推动了三次并购。", ("周海涛", TOOK_OFFICE, "2016年")),
        ("自2004年5月27日成立以来，中小企业板已经走过十三年。", ("中小企业板", FOUNDED, "2004年5月27日")),
    )),
    Family("自D……“N”成立以来", _zh_since_quoted, (
        ("自2014年11月沪港两地的“沪港通”正式开通以来，南下资金持续流入。", ("沪港通", OPENED, "2014年11月")),
        ("自2015年底监管部门支持企业上市的“绿色通道”开通以来，已有7家企业上市。", ("绿色通道", OPENED, "2015年底")),
    )),
    Family("N成立于D", _zh_event_yu, (
        ("华科智能科技有限公司成立于2015年3月，总部位于深圳。", ("华科智能科技有限公司", FOUNDED, "2015年3月")),
        ("青山湖大桥始建于1998年。", ("青山湖大桥", FOUNDED, "1998年")),
        ("王建华出生于1970年，湖北人。", ("王建华", BORN, "1970年")),
        ("附近始建于1958年的沙湖渠大桥去年完成了改造。", ("沙湖渠大桥", FOUNDED, "1958年")),
        ("华科智能科技有限公司（成立于2015年）是一家科技企业。", ("华科智能科技有限公司", FOUNDED, "2015年")),
        ("华科智能科技有限公司是一家成立于2015年的科技企业。", ("华科智能科技有限公司", FOUNDED, "2015年")),
        ("《华科日报》创刊于1950年。", ("华科日报", LAUNCHED, "1950年")),
        ("永宁古桥建于1683年，是当地现存最古老的石拱桥。", ("永宁古桥", FOUNDED, "1683年")),
    )),
    Family("D成立的N", _zh_then_de, (
        ("2015年成立的华科智能科技有限公司是一家科技企业。", ("华科智能科技有限公司", FOUNDED, "2015年")),
        ("1970年出生的王建华是一名工程师。", ("王建华", BORN, "1970年")),
        ("分别为2017年6月出生的“香香”和2021年6月出生的“晓晓”。", ("香香", BORN, "2017年6月")),
        ("2020年5月就任工业发展办公室主任的陈立新介绍了情况。", ("陈立新", TOOK_OFFICE, "2020年5月")),
        ("2012年开馆的终南山自然博物馆，暑期接待量创新高。", ("终南山自然博物馆", OPENED, "2012年")),
    )),
    Family("N于D成立", _zh_name_then_date, (
        ("据悉，深圳市华科智能科技有限公司于2015年成立。", ("深圳市华科智能科技有限公司", FOUNDED, "2015年")),
        ("董事长王建华，男，1965年出生，高级工程师。", ("王建华", BORN, "1965年")),
        ("中国平安保险(集团)股份有限公司于2007年3月在上海证券交易所上市。",
         ("中国平安保险(集团)股份有限公司", LISTED, "2007年3月")),
        ("著名作家李明于2020年3月逝世。", ("李明", DIED, "2020年3月")),
        ("任正非1944年生，贵州人。", ("任正非", BORN, "1944年")),
        ("中国社会责任百人论坛由多位专家学者2016年10月30日发起成立。", ("中国社会责任百人论坛", FOUNDED, "2016年10月30日")),
        ("华科智能科技有限公司（股票代码：300001）于2010年在深交所上市。", ("华科智能科技有限公司", LISTED, "2010年")),
        ("华科智能科技有限公司于2010年完成首次公开发行并上市。", ("华科智能科技有限公司", LISTED, "2010年")),
        ("王建华于2015年3月退休。", ("王建华", LEFT_OFFICE, "2015年3月")),
        ("著名作曲家赵明远因病于2021年4月12日在北京逝世。", ("赵明远", DIED, "2021年4月12日")),
        ("蓝鲸网络科技有限公司2005年由张海涛在杭州创办。", ("蓝鲸网络科技有限公司", FOUNDED, "2005年")),
    )),
    Family("D，N成立", _zh_date_comma_name, (
        ("2019年9月，北京大兴国际机场正式投运。", ("北京大兴国际机场", OPENED, "2019年9月")),
        ("2019年，邮储银行完成A股上市。", ("邮储银行", LISTED, "2019年")),
        ("王建华是公司创始人。2010年，他出任公司董事长。", ("王建华", TOOK_OFFICE, "2010年")),
        ("（记者 张明）1958年，润达数据研究院正式成立。", ("润达数据研究院", FOUNDED, "1958年")),
        ("2014年国家集成电路产业投资基金正式设立。", ("国家集成电路产业投资基金", FOUNDED, "2014年")),
        ("华科智能科技有限公司成立于2015年。次年3月，华科智能科技有限公司在深交所上市。",
         ("华科智能科技有限公司", LISTED, "2016年3月")),
        ("2007年，广电运通登陆资本市场。", ("广电运通", LISTED, "2007年")),
        ("2010年12月，华科智能科技有限公司登陆深交所。", ("华科智能科技有限公司", LISTED, "2010年12月")),
        ("2025年12月，海南自贸港正式封关运作。", ("海南自贸港", LAUNCHED, "2025年12月")),
        ("2019年3月8日，华科智能研究院正式揭牌。", ("华科智能研究院", OPENED, "2019年3月8日")),
    )),
    Family("D，……“N”成立", _zh_date_quoted, (
        ("2017年11月3日，首单长租公寓类证券化产品“新派公寓专项计划”成功发行。", ("新派公寓专项计划", LAUNCHED, "2017年11月3日")),
        ("2018年，由两家公司联合研发的“鲲鹏一号”正式发布。", ("鲲鹏一号", LAUNCHED, "2018年")),
        ("2022年11月，“星海二号”卫星在酒泉卫星发射中心成功发射。", ("星海二号", LAUNCHED, "2022年11月")),
    )),
    Family("D成立N", _zh_object, (
        ("格力于2015年成立珠海格力智能装备有限公司，同年8月又在武汉设厂。", ("珠海格力智能装备有限公司", FOUNDED, "2015年")),
        ("2004年10月份，美国芝加哥期权交易所正式推出中国股指期货。", ("中国股指期货", LAUNCHED, "2004年10月份")),
        ("该交易所于2010年4月上市沪深300股指期货。", ("沪深300股指期货", LISTED, "2010年4月")),
        ("1996年，刘志强创立了远景电器有限公司。", ("远景电器有限公司", FOUNDED, "1996年")),
    )),
    Family("D，……正式设立N", _zh_date_declared, (
        ("2021年10月12日，主席在大会上发表主旨讲话，宣布中国正式设立三江源、武夷山等第一批国家公园。",
         ("武夷山国家公园", FOUNDED, "2021年10月12日")),
    )),
    Family("N的任期始于D", _zh_tenure, (
        ("陈海燕的任期始于2019年，此前她在一家券商任职。", ("陈海燕", TOOK_OFFICE, "2019年")),
        ("林志明担任总经理的任期自2016年3月开始。", ("林志明", TOOK_OFFICE, "2016年3月")),
    )),
    Family("出席N成立仪式", _zh_ceremony, (
        ("2019年9月，总书记出席北京大兴国际机场投运仪式。", ("北京大兴国际机场", OPENED, "2019年9月")),
    )),
    Family("N成立于D，D上市", _zh_continued, (
        ("华科智能科技有限公司成立于2015年，2018年在深交所上市。", ("华科智能科技有限公司", LISTED, "2018年")),
        ("王建华1965年出生，2010年出任公司董事长。", ("王建华", TOOK_OFFICE, "2010年")),
    )),
    Family("N……，D上市", _zh_continued, (
        ("华科智能科技有限公司将加大研发投入，计划于2020年在科创板上市。", ("华科智能科技有限公司", LISTED, "2020年")),
        ("合资公司将定名为“中欧国际交易所股份有限公司”。新公司将在法兰克福注册成立，计划于2015年第4季度正式投入运作。",
         ("中欧国际交易所股份有限公司", OPENED, "2015年第4季度")),
        ("据外媒报道，华科精密仪器厂最早将于2020年1月开始建设，2021年开始投产。", ("华科精密仪器厂", OPENED, "2021年")),
    )),
)

# --- English -------------------------------------------------------------------------------------

_EN_AUX = (r"(?:(?:will|would|shall|is|are|was|were)(?:\s+(?:due|set|expected|scheduled|planned|likely))?(?:\s+to)?"
           r"(?:\s+(?:be|have been))?|had been|has been|have been|to be|be|being)")
_EN_ADV = r"(?:first|originally|officially|formally|initially|only|later|finally|jointly|eventually|all|both)"
# one phrase between an event and its date ("born in Krakow in 1961"); never across a number, which would be another
# date's ("born in 1961 and became chief executive in 2005" dates no birth in 2005)
_EN_PREP_FILL = r"(?:\s+(?:in|at|on|by|as|near|with|under|of|to)\s+[^,.;()\d]{1,40}?)?"  # opened to traffic in
_EN_SUBJECT = re.compile(
    rf"(?P<lead>(?:,\s*|\s*\(\s*|\s+)(?:(?P<rel>who|which|that)\s+)?(?:(?P<aux>{_EN_AUX})\s+)?(?:{_EN_ADV}\s+)?)"
    rf"(?P<ev>{_EN_EV})(?P<office>\s+(?:as\s+)?{_OFFICES})?(?P<fill>{_EN_PREP_FILL})\s*(?:in|on|at|during|,)?\s*$")
_EN_OPENING = re.compile(rf"(?:^\s*|[.;!?]\s+|[\"“]\s*)(?P<ev>{_EN_EV}){_EN_PREP_FILL}\s+(?:in|on)\s+$", re.I)
_EN_OPENING_END = re.compile(r"(?:\s+(?:by|in|at|as|near)\s+[^,.;()]{1,40}?)?,\s+")  # Founded in 1998 by two engineers,
# "Since its founding in 1998": the event as a noun, after a possessive.
EN_EVENT_NOUNS = {"founding": FOUNDED, "foundation": FOUNDED, "creation": FOUNDED, "inception": FOUNDED,
                  "establishment": FOUNDED, "launch": LAUNCHED, "debut": LAUNCHED, "opening": OPENED,
                  "listing": LISTED, "flotation": LISTED, "birth": BORN}
_EN_SINCE = re.compile(rf"\b[Ss]ince\s+(?P<pronoun>its|his|her|their)\s+(?P<noun>{'|'.join(EN_EVENT_NOUNS)})"
                       rf"{_EN_PREP_FILL}\s+(?:in|on)\s+$")
_EN_HYPHENED = re.compile(r"-(?P<ev>founded|established|born|built)\s+")  # the 1998-founded
# (a class before the words: every place but a letter fails at once, where re.I tries each word at each place)
_EN_ANY_EVENT = re.compile(rf"\b(?=[a-z])(?:{_EN_EV}|{'|'.join(EN_EVENT_NOUNS)}|tenure|term|presidency|premiership|chairmanship|"
                           rf"stint|reign|taking (?:office|charge|over|the helm)|becoming|being (?:appointed|elected|named|"
                           rf"sworn)|assuming office|since)\b", re.I)  # since: an office held since a date
# "In 1998, ..." and the cleft "It was in 1998 that ..."
_EN_DATE_FIRST = re.compile(r"(?:^\s*|[.;!?]\s+|,\s+|[\"“]\s*)(?P<cleft>[Ii]t\s+was\s+)?(?:[Ii]n|[Oo]n|[Bb]y|[Dd]uring)\s+$")
_EN_AFTER_NAME = re.compile(
    rf"(?:\s+(?P<aux>{_EN_AUX}))?\s+(?:{_EN_ADV}\s+)?(?P<ev>{_EN_EV})(?P<office>\s+(?:as\s+)?{_OFFICES})?"
    rf"(?=\s*(?:[,.;:)\-–—]|$)|\s+(?:in|on|at|by|as|with|after|before|under|near|from|to)\b)")
_EN_ACTIVE_AFTER = re.compile(rf",?\s+(?:[A-Za-z][\w'-]*\s+){{1,4}}?(?P<ev>{_EN_EV})\s+")
_EN_OBJECT_END = re.compile(r"(?:\s+[a-z]+)?(?=\s*(?:[,.;:)\-–—]|$)|\s+(?:in|on|at|to|for|with|as|by|which|that|and)\b)")
_EN_OBJECT = re.compile(rf"(?P<ev>{_EN_EV})\s+(?P<obj>[^,.;]{{1,60}}?)\s+(?:in|on)\s+$")
_EN_AGE = re.compile(r",\s*(?:who\s+(?:has\s+|had\s+)?died\s+)?(?:aged\s+)?\d{1,3}\s*$")  # ", who has died aged 84,"
# "Northwind Labs, a pump maker founded in 1998": what the organisation is, between its name and the event
_EN_DESCRIBED = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w&'-]+\s+){{0,4}}?{EN_KINDS_OF_ORG}\s*$")
_EN_PLANNED = re.compile(r"\b(?:will|would|shall|to)\b")
_EN_NOT = re.compile(r"\b(?:not|never)\b")
_EN_THING_HEAD = re.compile(r"\s+(?:satellite|rocket|probe|spacecraft|space station|telescope|airliner|jet|console|"
                            r"smartphone|handset|vaccine|drug)\s*$")
_EN_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:[a-z]+ly\s+|first\s+)?$")
_EN_OBJECT_LEAD = re.compile(r"(?:the\s+)?(?:[a-z]+\s+)?")  # "the bestselling Being Digital"
_EN_SINCE_IT = re.compile(r"\b(?:[Ss]ince|[Aa]fter|[Ww]hen)\s+it$")  # a clause that opens with "since it", its subject after
_EN_ORG_REFERENCE = re.compile(r"\b(?:it|the (?:company|firm|group|bank|carrier|airline|business))(?=\s*$)", re.I)
_EN_IT_SUBJECT = re.compile(r"(?:^|[.!?]\s+)(?P<noun>[Tt]he (?:company|firm|group|bank|carrier|airline|business))\b"
                            r"[^.;!?]*\bit\s*$")


def _en_event(word: str, office: str | None) -> str:
    word = word.lower()
    if word in ("became", "named"):  # "became chief executive", "was named chairman": only with the office
        return TOOK_OFFICE if office else ""
    return _EN_EVENT_OF.get(word, "")


def _en_subject(c: Candidate) -> list[FactClaim]:
    """Northwind Labs was founded in March 1998 / Maria Kowalski, who was born in Krakow in 1961 / it launched in 1993"""
    sub = _EN_SUBJECT.search(c.before)
    if sub is None or _EN_NOT.search(sub.group("lead")):
        return []
    event = _en_event(sub.group("ev"), sub.group("office"))
    if not event or event == BORN and not (sub.group("aux") or sub.group("lead").strip() in (",", "(")):
        return []
    if event == LAUNCHED and (sub.group("fill") or "").strip().startswith("from"):
        return []  # released from prison
    start = c.lo + sub.start()
    age = _EN_AGE.search(c.text, c.lo, start)  # Maria Kowalski, 62, was born in 1961
    described = _EN_DESCRIBED.search(c.text, c.lo, start) if ORGANISATION in KINDS[event] else None
    names = names_before(c.text, age.start() if age else described.start() if described else start, "en", KINDS[event])
    word_before = re.search(r"(\w+)\s*$", c.text[:names[0].start]) if names else None
    if word_before is not None and word_before.group(1).lower() in ("which", "that", "whom"):
        return []  # "the firm, which Kowalski founded in 1998": Kowalski is not what was founded
    pronoun = _EN_PERSON_PRONOUN.search(c.text, max(0, start - 8), start) if not names and PERSON in KINDS[event] \
        else None
    if pronoun is not None:  # "He was born in 1961": the one person named before
        names = _referred(c.text, pronoun.end("word"), pronoun.group("word"), PERSON, "en")
    head = _EN_THING_HEAD.search(c.text, max(0, start - 20), start) if not names and THING in KINDS[event] else None
    if head is not None:  # "The Kestrel-2 satellite was launched": the name before its kind
        names = [e for e in names_before(c.text, head.start(), "en", KINDS[event]) if e.kind in ("", THING)]
    place = _EN_PLACE_REFERENCE.search(c.text, max(0, start - 40), start) if not names else None
    if place is not None and PLACE in KINDS[event]:  # "the stadium opened in 2007": Wembley Stadium, named before
        names = _referred(c.text, place.end("head"), c.text[place.start():place.end("head")], PLACE, "en")
    ref = _EN_ORG_REFERENCE.search(c.text, max(0, start - 40), start) if not names else None
    if ref is not None and ORGANISATION in KINDS[event]:
        # "The company was founded in 2011" may name its company in another paragraph, and so may "it" when the
        # sentence's subject is "the company" ("The company has grown since it launched operations in 1993")
        word = " ".join(ref.group(0).split())
        subject = _EN_IT_SUBJECT.search(c.text, max(0, start - 200), start) if word.lower() == "it" else None
        word = subject.group("noun") if subject is not None else word
        opener = _EN_SINCE_IT.search(c.text, max(0, ref.start() - 12), ref.end()) if word.lower() == "it" else None
        # "Since it was founded in 1998, Northwind Labs has grown": "it" is the subject after the comma
        names = _en_clause_subject(c, opener.start() - c.lo, KINDS[event] - {PERSON}) if opener is not None else []
        names = names or _referred(c.text, ref.end(), word, ORGANISATION, "en", word.lower() != "it")
    # what the event is of: the exchange of a listing, the office taken ("by two engineers" is no such thing)
    qualifier = {LISTED: sub.group("fill") or "", TOOK_OFFICE: sub.group("office") or "",
                 LEFT_OFFICE: sub.group("office") or ""}.get(event, "")
    planned = bool(_EN_PLANNED.search(sub.group("lead")))
    return _facts(c, sub.group("ev"), names, event, "N was founded in D", c.date.end, qualifier, planned)


def _en_opening(c: Candidate) -> list[FactClaim]:
    """Founded in 1998, Northwind Labs ... / Born in 1961, Kowalski ... / Founded in 1998 by two engineers, N ..."""
    opening = _EN_OPENING.search(c.before)
    comma = _EN_OPENING_END.match(c.after)
    if opening is None or comma is None:
        return []
    event = _en_event(opening.group("ev"), None)
    if not event:
        return []
    at = c.date.end + comma.end()
    names = names_after(c.text, at, "en", KINDS[event])
    pronoun = _EN_PRONOUN_AFTER.match(c.text, at) if not names and PERSON in KINDS[event] else None
    if pronoun is not None:  # "Born in 1961, she studied law": the one person named before
        names = _referred(c.text, pronoun.end("word"), pronoun.group("word"), PERSON, "en")
    return _facts(c, opening.group("ev"), names, event, "Founded in D, N", c.date.end)


def _en_since(c: Candidate) -> list[FactClaim]:
    """Since its founding in 1998, Northwind Labs has ... / Northwind Labs has grown fast since its founding in 1998"""
    since = _EN_SINCE.search(c.before)
    if since is None:
        return []
    event = EN_EVENT_NOUNS[since.group("noun")]
    person = since.group("pronoun") in ("his", "her")
    if person != (event == BORN):
        return []
    kinds = frozenset({PERSON}) if person else KINDS[event] - {PERSON}
    return _facts(c, since.group("noun"), _en_clause_subject(c, since.start(), kinds), event,
                  "Since its founding in D, N", c.date.end)


def _en_clause_subject(c: Candidate, phrase: int, kinds: frozenset[str]) -> list[Entity]:
    """Who a phrase without a subject of its own ("since its founding in 1998", "after taking office in 2003") is about:
    the name after it when it opens the sentence ("Since ..., Northwind Labs has"), else the sentence's subject, a name
    right at its start with a verb after it and no other clause between ("Northwind Labs has grown since ...")."""
    comma = re.match(r",\s+", c.after)
    opens = _EN_SENTENCE_START.search(c.before[:phrase]) is not None
    if comma is not None and opens:
        return names_after(c.text, c.date.end + comma.end(), "en", kinds)
    names = names_after(c.text, c.lo, "en", kinds) if not opens else []
    if len(names) != 1 or not re.match(r"\s+(?:has|have|had|is|was|[a-z]+ed|[a-z]+s)\b", c.text[names[0].end:]) \
            or _EN_CLAUSE_BREAK.search(c.text, names[0].end, c.lo + phrase):
        return []
    return names


# "after taking charge in 1999", "since becoming chief executive in 2005": a gerund of office dates its taking.
_EN_GERUND = re.compile(rf"\b(?:[Ss]ince|[Aa]fter|[Oo]n|[Uu]pon)\s+(?:(?P<ev>taking (?:office|charge|over|the helm)|assuming "
                        rf"office|being (?:appointed|elected|named|sworn in))(?P<office>\s+(?:as\s+)?{_OFFICES})?|"
                        rf"(?P<became>becoming)(?P<became_office>\s+{_OFFICES}))\s+(?:in|on)\s+$")


def _en_gerund_of_office(c: Candidate) -> list[FactClaim]:
    """Carlos Ghosn has revived Nissan since taking charge in 1999 / After becoming chief executive in 2005, Kowalski ..."""
    gerund = _EN_GERUND.search(c.before)
    if gerund is None:
        return []
    office = gerund.group("office") or gerund.group("became_office") or ""
    names = _en_clause_subject(c, gerund.start(), frozenset({PERSON}))
    return _facts(c, gerund.group("ev") or gerund.group("became"), names, TOOK_OFFICE, "since taking office in D, N",
                  c.date.end, office)


_EN_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’')]*)\s*$")  # nothing of the sentence before: ."  Since ...
# Words that open another clause between a sentence's subject and a "since" phrase: "its" may then be another's.
_EN_CLAUSE_BREAK = re.compile(r"\b(?:which|who|that|and|but|while|after|when|because|its\s+\w+\s+\w+)\b|[,;:]")


def _en_hyphened(c: Candidate) -> list[FactClaim]:
    """the 1998-founded Northwind Labs / the 1961-born Maria Kowalski"""
    hyphen = _EN_HYPHENED.match(c.after)
    if hyphen is None:
        return []
    event = _en_event(hyphen.group("ev"), None) or (COMPLETED if hyphen.group("ev") == "built" else "")
    if not event:
        return []
    names = names_after(c.text, c.date.end + hyphen.end(), "en", KINDS[event])
    return _facts(c, hyphen.group("ev"), names, event, "the D-founded N", max([e.end for e in names], default=c.date.end))


def _en_date_first(c: Candidate) -> list[FactClaim]:
    """In 1998, Northwind Labs was founded / In March 1998 Northwind Labs opened / It was in 1998 that ..."""
    opening = _EN_DATE_FIRST.search(c.before)
    gap = re.match(r"\s+that\s+" if opening is not None and opening.group("cleft") else r",?\s+", c.after)
    if opening is None or gap is None:
        return []
    names = names_after(c.text, c.date.end + gap.end(), "en")
    rest = _EN_AFTER_NAME.match(c.text, names[0].end, c.hi) if len(names) == 1 else None
    event = _en_event(rest.group("ev"), rest.group("office")) if rest is not None else ""
    if not event or names[0].kind and names[0].kind not in KINDS[event]:
        return []
    return _facts(c, rest.group("ev"), names, event, "In D, N was founded", rest.end(), rest.group("office") or "")


def _en_date_first_object(c: Candidate) -> list[FactClaim]:
    """In 2001, the government launched the Get On scheme / In 1995 Mr Negroponte published the bestselling Being Digital"""
    act = _EN_ACTIVE_AFTER.match(c.after)
    if not _EN_DATE_FIRST.search(c.before) or act is None or _en_event(act.group("ev"), None) not in TRANSITIVE:
        return []
    event = _en_event(act.group("ev"), None)
    names = _en_object(c.text, c.date.end + act.end(), c.hi, event)
    return _facts(c, act.group("ev"), names, event, "In D, X founded N", max([e.end for e in names], default=c.date.end))


def _en_object(text: str, start: int, stop: int, event: str) -> list[Entity]:
    """The name right after a verb (the, and one adjective, allowed before it), with at most a common noun after."""
    lead = _EN_OBJECT_LEAD.match(text, start)
    for at in sorted({start, lead.end()}):
        names = names_after(text, at, "en", KINDS[event])
        if len(names) == 1 and _EN_OBJECT_END.match(text, names[0].end, stop) \
                and re.fullmatch(r"(?:the\s+)?(?:[a-z]+\s+)?", text[start:names[0].start]):
            return names
    return []


def _en_object_then_date(c: Candidate) -> list[FactClaim]:
    """Benson founded Northwind Labs in 1998"""
    obj = _EN_OBJECT.search(c.before)
    if obj is None or (event := _en_event(obj.group("ev"), None)) not in TRANSITIVE \
            or _EN_PASSIVE.search(c.before, 0, obj.start()):
        return []  # "was founded in Rotterdam in 1976": a passive verb takes no object
    start, stop = c.lo + obj.start("obj"), c.lo + obj.end("obj")
    names = _en_object(c.text, start, stop, event)
    if names and not re.fullmatch(r"(?:\s+[a-z]+)?", c.text[names[0].end:stop]):
        return []
    return _facts(c, obj.group("ev"), names, event, "X founded N in D", c.date.end)


# A term of office, and when it began: "Mr Tellier's tenure at the company, which began in January 2003", "Ruth Okonkwo,
# whose tenure as director began in March 2019", "Kowalski began her term as mayor in 2015". Its start is the taking of
# the office.
_EN_TERMS = r"(?:tenure|term(?: in office)?|presidency|premiership|chairmanship|stint|reign|time in office)"
_EN_TERM_OFFICE = r"(?:\s+(?:as|at)\s+(?P<office>[^,.;()]{1,40}?))?"
_EN_TENURES = (
    re.compile(rf"['’]s\s+{_EN_TERMS}{_EN_TERM_OFFICE},?\s+(?:which|that)\s+(?:began|started|commenced)\s+(?:in|on)\s+$"),
    re.compile(rf",\s+whose\s+{_EN_TERMS}{_EN_TERM_OFFICE}\s+(?:began|started|commenced)\s+(?:in|on)\s+$"),
    re.compile(rf"\s+(?:began|started)\s+(?:his|her|their)\s+{_EN_TERMS}{_EN_TERM_OFFICE}\s+(?:in|on)\s+$"),
)


def _en_tenure(c: Candidate) -> list[FactClaim]:
    """Mr Tellier's tenure at the company, which began in January 2003 / Ruth Okonkwo, whose tenure as director began in
    March 2019 / Maria Kowalski began her term as mayor in 2015"""
    tenure = next((m for m in (p.search(c.before) for p in _EN_TENURES) if m is not None), None)
    if tenure is None:
        return []
    names = names_before(c.text, c.lo + tenure.start(), "en", frozenset({PERSON}))
    office = tenure.group("office") or ""
    office = "" if re.match(r"(?:the\s+)?(?:company|firm|group|bank|helm|top)\b", office) else office
    return _facts(c, "tenure began", names, TOOK_OFFICE, "N's tenure began in D", c.date.end, office)


# "Maria Kowalski has been chief executive since 2005", "Maria Kowalski, chairman since 1999,": an office held since a
# date was taken on that date.
_EN_OFFICE_SINCE = re.compile(rf"(?P<lead>\s+(?:who\s+)?(?:has|have|had)\s+been|,)\s+(?:an?\s+|its\s+|their\s+)?"
                              rf"(?P<office>{_OFFICES})\s+since\s+$")


def _en_office_since(c: Candidate) -> list[FactClaim]:
    """Maria Kowalski has been chief executive since 2005 / Maria Kowalski, chairman since 1999, said ..."""
    since = _EN_OFFICE_SINCE.search(c.before)
    if since is None:
        return []
    end = c.lo + since.start()
    if since.group("lead").strip().startswith("who"):
        end = c.lo + since.start() - len(re.search(r",?\s*$", c.text[:end]).group(0))
    names = names_before(c.text, end, "en", frozenset({PERSON}))
    return _facts(c, "since", names, TOOK_OFFICE, "N, chief executive since D", c.date.end, since.group("office"))


# "Northwind Labs was founded in 1998 and listed in 2004", "..., founded in 1998 and floated in 2004,": a second event
# joined by "and" goes on with the subject of the sentence's earlier fact.
_EN_CONTINUING = re.compile(rf"\s+and\s+(?:(?P<aux>was|were|is|has been|had been)\s+)?(?:(?:later|then|subsequently|"
                            rf"eventually)\s+)?(?P<ev>{_EN_EV})(?P<office>\s+(?:as\s+)?{_OFFICES})?(?P<fill>{_EN_PREP_FILL})"
                            rf"\s+(?:in|on)\s+$")


def _en_continued(c: Candidate) -> list[FactClaim]:
    """Northwind Labs was founded in 1998 and listed in London in 2004"""
    more = _EN_CONTINUING.search(c.before)
    if more is None or _EN_NOT.search(more.group(0)):
        return []
    event = _en_event(more.group("ev"), more.group("office"))
    if not event or event == BORN:
        return []
    qualifier = {LISTED: more.group("fill") or "", TOOK_OFFICE: more.group("office") or "",
                 LEFT_OFFICE: more.group("office") or ""}.get(event, "")
    return _continued(c, more.group("ev"), event, c.date.end, qualifier, "N was founded in D and listed in D")


EN_FAMILIES: tuple[Family, ...] = (
    Family("N (D-D)", _lifespan, (
        ("Works by Maria Kowalski (1920-2009) go on show in Krakow.", ("Maria Kowalski", BORN, "1920")),
        ("Works by Maria Kowalski (1920-2009) go on show in Krakow.", ("Maria Kowalski", DIED, "2009")),
    )),
    Family("N was founded in D", _en_subject, (
        ("Northwind Labs was founded in March 1998 by two engineers.", ("Northwind Labs", FOUNDED, "March 1998")),
        ("Maria Kowalski, who was born in Krakow in 1961, leads the lab.", ("Maria Kowalski", BORN, "1961")),
        ("The Bank of England, founded in 1894, sets rates.", ("Bank of England", FOUNDED, "1894")),
        ("Duran Duran formed in 1978 in Birmingham.", ("Duran Duran", FOUNDED, "1978")),
        ("Mr Tellier took office in January 2003.", ("Tellier", TOOK_OFFICE, "January 2003")),
        ("Maria Kowalski was named chief executive in March 2005.", ("Maria Kowalski", TOOK_OFFICE, "March 2005")),
        ("Northwind Labs went into operation in 1998.", ("Northwind Labs", OPENED, "1998")),
        ("Northwind Labs, a pump maker set up in 1998, makes pumps.", ("Northwind Labs", FOUNDED, "1998")),
        ("Northwind Labs made its stock market debut in 2004.", ("Northwind Labs", LISTED, "2004")),
        ("Since it was founded in 1998, Northwind Labs has grown fast.", ("Northwind Labs", FOUNDED, "1998")),
        ("The Nintendo DS first appeared in the US at the end of 2004.", ("Nintendo DS", LAUNCHED, "the end of 2004")),
        ("Maria Kowalski stood down as chairman in 2003.", ("Maria Kowalski", LEFT_OFFICE, "2003")),
        ("Maria Kowalski died on 5 May 2001.", ("Maria Kowalski", DIED, "5 May 2001")),
        ("Northwind Labs was listed on the London Stock Exchange in 2001.", ("Northwind Labs", LISTED, "2001")),
        ("Wembley Stadium will officially open in 2006.", ("Wembley Stadium", OPENED, "2006")),
        ("Northwind Labs opened in 1998. Castlegate Bank was set up the following year.",
         ("Castlegate Bank", FOUNDED, "1999")),
        ("The DS, the PSP and Gizmondo all hit the shops in 2005.", ("Gizmondo", LAUNCHED, "2005")),
        ("Maria Kowalski, born 1961, leads the lab.", ("Maria Kowalski", BORN, "1961")),
        ("Northwind Labs (founded 1998) employs 300.", ("Northwind Labs", FOUNDED, "1998")),
        ("Dr Maria Kowalski, 62, was born in 1961.", ("Maria Kowalski", BORN, "1961")),
        ("The novelist Maria Kowalski, who has died aged 84, was born in 1940.", ("Maria Kowalski", BORN, "1940")),
        ("Lumora, the Shanghai-based scooter maker, listed on the Nasdaq in 2019.", ("Lumora", LISTED, "2019")),
        ("The Rivergate Bridge was opened to traffic in October 1998.", ("Rivergate Bridge", OPENED, "October 1998")),
        ("Shares in Pellow Mining began trading in London in 2010.", ("Pellow Mining", LISTED, "2010")),
        ("The Kestrel-2 satellite was launched in March 2011.", ("Kestrel-2", LAUNCHED, "March 2011")),
    )),
    Family("Founded in D, N", _en_opening, (
        ("Founded in 1998, Northwind Labs now employs 300 people.", ("Northwind Labs", FOUNDED, "1998")),
        ("Born on 5 May 1961, Maria Kowalski grew up in Krakow.", ("Maria Kowalski", BORN, "5 May 1961")),
        ("Born in Krakow in 1961, Maria Kowalski studied law.", ("Maria Kowalski", BORN, "1961")),
        ("Founded in 1998 by two engineers, Northwind Labs employs 300.", ("Northwind Labs", FOUNDED, "1998")),
        ("Maria Kowalski, who runs the lab, said sales rose. Born in 1961, she studied law.",
         ("Maria Kowalski", BORN, "1961")),
    )),
    Family("Since its founding in D, N", _en_since, (
        ("Since its founding in 1998, Northwind Labs has grown fast.", ("Northwind Labs", FOUNDED, "1998")),
        ("Castlegate Bank has grown fast since its listing in May 2004.", ("Castlegate Bank", LISTED, "May 2004")),
    )),
    Family("since taking office in D, N", _en_gerund_of_office, (
        ("Carlos Ghosn has revived Nissan since taking charge in 1999.", ("Carlos Ghosn", TOOK_OFFICE, "1999")),
        ("After becoming chief executive in 2005, Maria Kowalski cut costs.", ("Maria Kowalski", TOOK_OFFICE, "2005")),
    )),
    Family("the D-founded N", _en_hyphened, (
        ("The 1998-founded Northwind Labs now employs 300 people.", ("Northwind Labs", FOUNDED, "1998")),
    )),
    Family("In D, N was founded", _en_date_first, (
        ("In 1998, Northwind Labs was founded in Oslo.", ("Northwind Labs", FOUNDED, "1998")),
        ("In March 1998 Northwind Labs opened in Oslo.", ("Northwind Labs", OPENED, "March 1998")),
    )),
    Family("In D, X founded N", _en_date_first_object, (
        ("In 2001, the government launched the Get On scheme to help adults.", ("Get On", LAUNCHED, "2001")),
        ("In 1995 Mr Negroponte published the bestselling Being Digital.", ("Being Digital", LAUNCHED, "1995")),
        ("It was in 1987 that Daniel Okafor founded Kestrel Software.", ("Kestrel Software", FOUNDED, "1987")),
    )),
    Family("N's tenure began in D", _en_tenure, (
        ("Under Mr Tellier's tenure at the company, which began in January 2003, jobs were cut.",
         ("Tellier", TOOK_OFFICE, "January 2003")),
        ("Under Ruth Okonkwo, whose tenure as director began in March 2019, the agency cut costs.",
         ("Ruth Okonkwo", TOOK_OFFICE, "March 2019")),
        ("Maria Kowalski began her term as mayor in 2015.", ("Maria Kowalski", TOOK_OFFICE, "2015")),
    )),
    Family("N, chief executive since D", _en_office_since, (
        ("Maria Kowalski has been chief executive since 2005.", ("Maria Kowalski", TOOK_OFFICE, "2005")),
        ("Maria Kowalski, chairman since March 1999, said sales rose.", ("Maria Kowalski", TOOK_OFFICE, "March 1999")),
    )),
    Family("X founded N in D", _en_object_then_date, (
        ("Benson founded Northwind Labs in 1998.", ("Northwind Labs", FOUNDED, "1998")),
    )),
    Family("N was founded in D and listed in D", _en_continued, (
        ("Northwind Labs was founded in 1998 and listed in London in 2004.", ("Northwind Labs", LISTED, "2004")),
        ("Maria Kowalski was born in 1961 and became chief executive in 2005.", ("Maria Kowalski", TOOK_OFFICE, "2005")),
    )),
)

FAMILIES = {"zh": ZH_FAMILIES, "en": EN_FAMILIES}


# A year stated by reference to the one before it: 同年8月, 次年, "the following year". Only read where an earlier date
# of the paragraph gives the year.
# (a class first, of the first characters of the Chinese words and any letter: the scan passes every other place at
# once)
_RELATIVE_YEAR = re.compile(r"(?=[同次翌第A-Za-z])(?:(?P<zh>同年|次年|翌年|第二年)(?:(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?)?|"
                            r"\b(?:the\s+)?(?P<en>following year|next year|same year|year after|year later)\b|"
                            r"\ba year later\b|\blater that year\b)")
_NEXT = ("次年", "翌年", "第二年", "following year", "next year", "year after", "year later")


def _relative_years(folded: str, dated: list[Mention]) -> list[Mention]:
    """同年/次年/"the following year" as dates (in the width-folded text), their year counted from the nearest date
    before them."""
    out = []
    for m in _RELATIVE_YEAR.finditer(folded):
        before = [d for d in dated if d.end <= m.start()]
        if not before:
            continue
        year = int(max(before, key=lambda d: d.end).low) + any(w in m.group(0) for w in _NEXT)
        month, day = (int(m.group(g)) if m.group(g) else 0 for g in ("month", "day"))
        if not 0 <= month <= 12 or not 0 <= day <= 31:
            continue
        if day and month:
            low, width, unit, surface = year + (month - 1) / 12 + (day - 1) / 365, 1 / 365, "day", f"{year}年{month}月{day}日"
        elif month:
            low, width, unit, surface = year + (month - 1) / 12, 1 / 12, "month", f"{year}年{month}月"
        else:
            low, width, unit, surface = year, 1.0, "year", f"{year}年" if m.group("zh") else str(year)
        out.append(Mention(m.start(), m.end(), surface, low + width / 2 if unit != "year" else float(year), low,
                           low + width, unit, "date" if unit != "year" else "year", ""))
    return out


# A decade is an interval of ten years, never one year: 上世纪90年代, 20世纪80年代末, 1990年代, 90年代, "the 1990s",
# "the early 1980s", "the '90s". A qualifier (初, 末, early, late) is kept in the surface and the whole decade is the
# interval: wider is safer, for two facts are contradictory only when their intervals do not overlap.
_DECADE = re.compile(r"(?:(?P<c20>上世纪|上个世纪|20世纪|二十世纪)|(?P<c21>本世纪|21世纪|二十一世纪))?"
                     r"(?:(?P<full>1\d{2}0|20\d0)|(?<![\d.])(?P<short>[1-9]0))年代(?:初期|中期|后期|末期|初|中|末)?|"
                     r"\b(?:the\s+)?(?:(?:early|mid|late)[- ])?(?:(?P<enfull>1\d{2}0|20\d0)|['’](?P<enshort>[5-9]0))['’]?s\b",
                     re.I)


def names_a_decade(text: str) -> bool:
    """Whether a paragraph may name a decade (年代, 1990s, '90s): a cheap test (substrings, no pattern), run on every
    paragraph, for decades are no number mentions."""
    return "年代" in text or "0s" in text or "0's" in text or "0’s" in text


def _decades(folded: str) -> list[Mention]:
    """Decades as dates (in the width-folded text): [1990, 2000) for 上世纪90年代 or "the 1990s"; a bare 90年代 is read
    only for 50 to 90 (the 1950s to 1990s), where no century is in doubt."""
    out = []
    for m in _DECADE.finditer(folded):
        full = m.group("full") or m.group("enfull")
        short = m.group("short") or m.group("enshort")
        if full:
            start = int(full)
        elif m.group("c21"):
            start = 2000 + int(short)
        elif m.group("c20") or short and 50 <= int(short) <= 90:
            start = 1900 + int(short)
        else:
            continue
        out.append(Mention(m.start(), m.end(), m.group(0), start + 5.0, float(start), start + 10.0, "decade", "date", ""))
    return out


def fact_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[FactClaim]:
    """Every dated fact of a paragraph; for each date, the first family that reads it wins."""
    # a date without a year (8月下旬) dates nothing that another article could contradict
    dated = [m for m in ms if m.kind in ("date", "year") and m.low >= 1000]
    decades = _decades(text) if names_a_decade(text) else []
    lives = lifespan_years(text) if names_a_lifespan(text) else []  # (1920-2009) needs no event word
    if not lives and (not (dated or decades) or not (_ZH_ANY_EVENT.search(text) or _EN_ANY_EVENT.search(text))):
        return []
    folded = fold_width(text)
    # a year inside a decade (1990 of 1990年代) is the decade
    dated = [m for m in dated if not any(d.start < m.end and m.start < d.end for d in decades)] + decades
    life_starts = {m.start for m in lives}
    dated = [m for m in dated if m.start not in life_starts]
    dated = sorted(dated + _relative_years(folded, dated) + lives, key=lambda m: m.start)
    out: list[FactClaim] = []
    seen = set()
    previous: tuple[tuple[int, int], FactClaim] | None = None  # the sentence and the one-entity fact last read in it
    for m in dated:
        lo, hi = next(((s, e) for s, e in spans if s <= m.start < e), (0, len(text)))
        prev = previous[1] if previous is not None and previous[0] == (lo, hi) else None
        c = Candidate(text, folded, m, max(lo, m.start - 80), min(hi, m.end + 80), tuple(spans), prev)
        lang = language_of(text[c.lo:c.hi])
        if m.start not in life_starts and not (_ZH_ANY_EVENT if lang == "zh" else _EN_ANY_EVENT).search(folded, c.lo, c.hi):
            continue  # no event word near the date: nothing to read, and the segmenter is never loaded
        if lang == "zh" and _ZH_NOT_POINT.search(c.before) and not c.before.endswith("自"):
            continue
        found: list[FactClaim] = []
        for family in FAMILIES[lang]:
            found = family.read(c)
            if found:
                break
        if found:
            previous = ((lo, hi), found[-1]) if len({f.entity for f in found}) == 1 else None
        for f in found:
            if (f.entity, f.event, f.date.start) not in seen:
                seen.add((f.entity, f.event, f.date.start))
                out.append(f)
    return out


def resolve_names(rows: list[dict], paragraphs) -> list[dict]:
    """Claims rows with each fact's shortened name (华科智能, "Kowalski") or reference replaced by the full name its
    article states, when exactly one fits; the article's text is read only for articles that need it. A reference
    left open in its paragraph (该公司, "the company", 赵董事长) becomes the one organisation (or the one person of that
    surname) the article names before it; when the article names none or several, the fact is dropped."""
    wanted = {row["article_id"] for row in rows if isinstance(row["claim"], FactClaim)
              and (_may_be_short(row["claim"]) or row["claim"].how == "open")}
    if not wanted:
        return rows
    picked = paragraphs[paragraphs["article_id"].isin(wanted)]
    parts: dict[str, list[tuple[str, str]]] = {}
    for article_id, pid, text in zip(picked["article_id"], picked["paragraph_id"], picked["text"]):
        parts.setdefault(article_id, []).append((pid, text))
    out = []
    for row in rows:
        claim = row["claim"]
        if not isinstance(claim, FactClaim) or row["article_id"] not in parts:
            out.append(row)
            continue
        article = parts[row["article_id"]]
        if claim.how == "open":
            claim = _resolved_reference(claim, _text_before(article, row["paragraph_id"], claim.span[0]))
            if claim is None:
                continue
            row = {**row, "claim": claim}
        if _may_be_short(claim):
            full = resolve(claim.entity, "\n\n".join(text for _, text in article))
            if full != claim.entity:
                claim = dataclasses.replace(claim, entity=full, how=f"{claim.how}, resolved",
                                            run_wide="pronoun" not in claim.how)
                row = {**row, "claim": claim}
        out.append(row)
    return out


def _may_be_short(claim: FactClaim) -> bool:
    """A name its article may state in full: one not specific enough for the run, or a Chinese organisation named by a
    brand and a suffix (鲲鹏资本, 佳兆业集团), not by its registered form (……有限公司)."""
    if claim.planned:
        return False
    return not claim.run_wide or claim.entity_kind == ORGANISATION and language_of(claim.entity) == "zh" \
        and not claim.entity.endswith(("有限公司", "有限责任公司"))


def _text_before(article: list[tuple[str, str]], paragraph_id: str, at: int) -> str:
    """The article's text before position `at` of one of its paragraphs."""
    before = []
    for pid, text in article:
        if pid == paragraph_id:
            before.append(text[:at])
            break
        before.append(text)
    return "\n\n".join(before)


def _resolved_reference(claim: FactClaim, before: str) -> FactClaim | None:
    """An open reference's fact with the name the article states before it, or None when it states none or several."""
    if claim.written in PRONOUNS or _EN_PLACE_REFERENCE.search(claim.written):
        entity = _antecedent_of(before, len(before), claim.written, claim.entity_kind, language_of(claim.written),
                                reach=len(before))
    elif claim.entity_kind == PERSON:
        entity = person_of_surname(before, claim.written[0]) if language_of(claim.written) == "zh" else None
    else:
        entity = antecedent(before, len(before), claim.entity_kind, language_of(claim.written), reach=len(before))
    if entity is None:
        return None
    pronoun = entity.how == "pronoun"
    return dataclasses.replace(claim, entity=entity.name, how=f"{'pronoun' if pronoun else 'reference'}, across paragraphs",
                               run_wide=entity.full and not claim.planned and not pronoun)
