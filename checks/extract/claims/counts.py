"""Counts: a stated count and the items listed beside it.

A small count (2 to 20, no 约/多/about) is a claim when a list stands right beside it (the count
families of COUNT_ZH / COUNT_EN): after it (三家子公司，分别为A、B和C; N项决议：A、B、C; the four bidders
are A, B and C; has three subsidiaries: A, B and C; three teams (A, B and C)), before it (A、B和C三家企业;
A, B and C, the three largest lenders), or as ordinal markers (三个方面：一是……；二是……；三是……). Items are
counted by their separators (、 and a last 和/及/与; commas and a last "and"): a 和 inside an item
(社会保障和就业) is not a separator unless it joins the last item. A list closed by 等 or introduced by
包括/including may be shorter than its count; quoted names are counted one by one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.extract.claims.common import Claim, Quantity
from checks.extract.claims.phrasing import Family, Table
from checks.extract.numbers import Mention, find_mentions
from checks.vocab.scripts import HAN_CHARACTER


@dataclass(frozen=True)
class CountGroups:
    """A second count over the same list (2胎 of 2胎3崽) and the dated groups the list falls into."""

    count: Quantity
    groups: tuple[str, ...]


@dataclass(frozen=True)
class CountClaim(Claim):
    """A stated count and the items listed beside it. `partial`: the list may leave items out (A、B等五家,
    including A and B), so it may be shorter than the count but never longer."""

    count: Quantity
    items: tuple[str, ...]
    groups: CountGroups | None
    partial: bool = False
    family: str = ""

    type = "count"

    @property
    def key(self) -> str:
        return f"{self.count.surface}|{'、'.join(self.items)}"


F = Family
COUNT_ZH = Table("count", "zh", (
    F("N家，分别为A、B和C", "the items listed after the count",
      after=r"(?:[^，,。；;:：、\d“”]{0,10}?(?:[：:]|[，,]?(?:它们|其|这些\w{0,2}?)?(?:分别为|分别是|依次为|依次是|即|就是|"
            r"也就是)[：:]?)|[^，,。；;:：、\d“”的都也]{0,4}?(?:是|为)(?!指|对|了)[：:]?)",
      examples=("该公司设立了3个分中心，即北京、深圳和上海。", "涨幅居前的个股有3只，它们分别为：甲银行（19.59%）、乙银行、丙银行。", "会议通过了四项决议：优化营商环境、推动科技创新、扩大对外开放。",
                "先后成功繁育成活2胎3崽，分别为2017年6月出生的“香香”和2021年6月出生的“晓晓”“蕾蕾”。")),
    F("N家，包括A、B和C", "some of the items, listed after the count (the list may be shorter)",
      after=r"[^，,。；;:：、\d“”的]{0,6}?[，,]?(?:其中)?包括[：:]?"),
    F("A、B和C三家", "the items listed just before the count",
      examples=("甘肃、青海、新疆三省区的高速公路流量同比增幅均超过200%。", "由广东、香港、澳门三地联合承办。")),
    F("A、B等N家", "some of the items, listed before the count and closed by 等 (the list may be shorter)",
      examples=("由国家发展改革委、国家能源局、工业和信息化部、住房和城乡建设部等4部委联合下发。",)),
    F("N个方面：一是……；二是……", "items counted by their ordinal markers (一是, 二是……; 第一, 第二……; 首先, 其次, 最后)",
      after=r"[^，,。；;:：\d]{0,10}?[：:，,]",
      examples=("提出了三点建议：一是加快项目建设；二是优化营商环境；三是扩大对外开放。",)),
))
COUNT_EN = Table("count", "en", (
    F("N companies including A, B and C", "some of the items, listed after the count (the list may be shorter)",
      after=r"(?:\s+(?!(?:under|of|for|in|to|by|with|from|at|on|and)\b)[\w'-]+){1,4}?,?\s+"
            r"(?:including|such\s+as|like)\s+"),
    F("the N bidders are A, B and C", "the items listed after the count",
      after=r"(?:\s+(?!(?:under|of|for|in|to|by|with|from|at|on|and|such|as|like|including)\b)[\w'-]+){1,4}?"
            r"(?:\s+(?:are|were|is|was|under)\s+|\s*[:(]\s*|\s+-\s+|,\s+namely\s+|,\s+)",
      examples=("Northwind Labs has four subsidiaries: Acme Corp, Globex, Initech and Umbrella Holdings.",
                "The company has three divisions: cars, trucks and buses.",
                "The four finalists, James Whitfield, Helen Marsh, Peter Okafor and Maria Kowalski, will meet on Friday.",
                "Three teams (Brazil, Kenya and Japan) have qualified.")),
    F("A, B and C, the N largest", "the items listed just before the count",
      examples=("Acme Corp, Globex and Initech, the three largest lenders, raised rates.",)),
))
TABLES = [COUNT_ZH, COUNT_EN]

_MAGNITUDE = re.compile(r"[万亿]|million|billion|mln|bn", re.I)
_NAME = re.compile(r"“([^“”]{1,12})”")
_EVENT = re.compile(r"^(?:出生|诞生|成立|建成|开通|去世|逝世|创立|创办|落成|开业|上市|首播|开馆)")
_MARKER_HINT = re.compile(r"[：:即是为括]")
_STOP_ZH = re.compile(r"[。；;！？!?\n]")
_ORDINAL_START = re.compile(r"一是|一要|第一|首先|一、|1[）)、.]|一方面|一类|一种|其一")
_ORDINALS = (("一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"),
             ("第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八", "第九", "第十"),
             ("一要", "二要", "三要", "四要", "五要", "六要"),
             ("一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"),
             ("1)", "2)", "3)", "4)", "5)", "6)", "7)", "8)"),  # (the text is folded: 1） reads 1))
             ("首先", "其次", "最后"))
# Region names that stand for several items of a count (京津冀 is three provinces).
_COLLECTIVE = re.compile(r"京津冀|长三角|珠三角|粤港澳|江浙沪|港澳台|北上广深?|东三省|两广|两湖|三北|西北五省")
_BEFORE_JOIN = re.compile(r"(?:等共计|等共|等|共计|共|这|此|合计|总共)?$")


def _countable(text: str, m: Mention) -> bool:
    """A small plain count of things: 2 to 20, whole, with no qualifier and no magnitude, and a classifier
    (三家, 4部委) or, in English, a noun after it (three teams, 4 teams)."""
    if m.kind != "count" or m.qualifier or m.value != m.value or m.value != int(m.value) or not 2 <= m.value <= 20:
        return False
    if _MAGNITUDE.search(m.surface) or m.high - m.low > 1:
        return False  # 8到10个: a range is no count of items
    return bool(m.unit) or bool(re.match(r"\s+(?:[a-z]|[A-Z]{2,4}\s+[a-z])", text[m.end:m.end + 9]))  # (two UK gamers)


def count_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[CountClaim]:
    out = []
    for i, m in enumerate(ms):
        if m.kind != "count" or not _countable(text, m):  # (the kind first: most mentions are no count)
            continue
        zh = bool(HAN_CHARACTER.search(text[max(0, m.start - 2):m.end + 2]))
        claim = (_before_zh(text, ms, i) or _after_zh(text, ms, i)) if zh else (_after_en(text, m) or _before_en(text, m))
        if claim is not None:
            out.append(claim)
    return out


# --- Chinese --------------------------------------------------------------------------------------

def _markers(table: Table, tail: str):
    """(family, match) for each family of the table whose list marker follows the count."""
    for family in table.families:
        marker = family.match_after(tail) if family.after else None
        if marker is not None:
            yield family, marker


def _after_zh(text: str, ms: list[Mention], i: int) -> CountClaim | None:
    m = ms[i]
    tail = text[m.end:m.end + 40]
    if not _MARKER_HINT.search(tail, 0, 16):
        return None  # no list marker just after (the cheap test first)
    ranked = _RANKED.search(text[max(0, m.start - 4):m.start])
    if ranked and not ranked.group(0).startswith("前"):
        return None  # 第3家: a rank (前十位的……依次为A、B……: the top ten, listed, are counted)
    for family, marker in _markers(COUNT_ZH, tail):
        if ranked and not re.search(r"分别|依次|[：:]", marker.group(0)):
            continue
        body_start = m.end + marker.end()
        ordinal = bool(_ORDINAL_START.match(text, body_start))
        if ordinal != family.name.startswith("N个方面"):
            continue  # 三个层面：一是……: counted by its markers, not by the 、 inside one item
        if ordinal:
            items = _ordinal_items(text, body_start)
            if items is None or len(items) < min(2, m.value):
                continue
            if len(items) < m.value:
                return None  # the list may go on in the next paragraph: no claim
            return CountClaim(span=(m.start, body_start), sentence=None, count=Quantity.of(m), items=tuple(items),
                              groups=None, family=family.name)
        stop = _STOP_ZH.search(text, body_start, body_start + 400)
        body = text[body_start:stop.start() if stop else body_start + 400]
        items = _items_zh(body, m)
        if items is None:
            continue
        if ranked and len(items) != m.value:
            return None  # 前三位依次为：银行、证券、保险公司理财产品…: a ranked item may hold a 、 of its own
        groups = _groups(ms, i, body)
        if "包括" in family.name and len(items) < m.low:
            return None  # 十家，包括A和B: fewer items than the count, as an open list may: nothing to check
        return CountClaim(span=(ms[i - 1].start if groups else m.start, body_start + len(body)), sentence=None,
                          count=Quantity.of(m), items=tuple(items), groups=groups, partial="包括" in family.name,
                          family=family.name)
    return None


# A figure in brackets after an item (甲科技（10.1%）、乙电子（10.03%）): an aside, blanked so the list reads on.
_ASIDE = re.compile(r"[（(][^（）()，,。；;]{1,24}[）)]")


def _blank_asides(s: str) -> str:
    """The text with bracketed asides replaced by spaces of the same length (offsets unchanged)."""
    return _ASIDE.sub(lambda a: " " * len(a.group(0)), s) if "(" in s or "（" in s else s


def _items_zh(body: str, m: Mention) -> list[str] | None:
    """The items of a list: quoted names one by one, else the 、-separated run up to the clause end."""
    body = _blank_asides(body)
    names = _NAME.findall(body)
    segments = re.split(r"、|和|及|与", re.split(r"[，,。；;]", body)[0])
    if len(names) >= 2 and all(_NAME.search(seg) for seg in segments if seg.strip()):
        return names  # every item carries a quoted name: 2017年6月出生的“香香”和2021年6月出生的“晓晓”“蕾蕾”
    clause = re.split(r"[，,（(](?!以及|还有|及|和)|等", body, maxsplit=1)[0].strip()
    clause = re.sub(r"[，,](?:以及|还有)", "、", clause)
    items = _agreeing(clause, m, False)
    if len(items) < 2 or any(len(it) > 20 or not it for it in items) or any(ch.isdigit() for ch in clause):
        return None
    return items


def _split_zh(run: str, join_last: bool = True) -> list[str]:
    """A、B和C -> [A, B, C]; 教育、社会保障和就业、卫生健康 -> three items (a 和 inside an item stays).
    With `join_last` False, a 和 in the last item is read as part of its name (住房和城乡建设部). After
    、-separated items, 与 stays inside the last one."""
    parts = [p for p in run.split("、")]
    last = re.split(r"以及|和|及" if len(parts) > 1 else r"以及|和|及|与", parts[-1])
    if join_last and len(last) == 2 and all(x.strip() for x in last):
        parts = parts[:-1] + last
    return [p.strip(" 等") for p in parts]


_BODY = "部委局厅署办院"  # government bodies: 工业和信息化部 is one name, its 和 no separator
_UNITS_OF_ORG = _BODY + "室处科组所队站厂会司行心"  # …unless the first half names a unit itself (办公室和市场部)


def _agreeing(run: str, m: Mention, partial: bool) -> list[str]:
    """The items of a run: A、B和C is three items, but a last item that is one body's name with a 和 inside
    (住房和城乡建设部: only its second half ends as a body does) stays one."""
    split = _split_zh(run)
    whole = _split_zh(run, join_last=False)
    if len(split) > len(whole) and (
            split[-1][-1:] in _BODY and split[-2][-1:] not in _UNITS_OF_ORG  # 工业和信息化部 (办公室和市场部: two)
            or any(re.search(r"和|及|与", item) for item in whole[:-1])  # 煤炭开采和洗选业、石油和天然气开采业
            or min(len(split[-1]), len(split[-2])) > 6  # 加强消费基础设施和服务体系网络布局建设: one long item
            or partial and "和" not in whole[-1]):  # 医疗及生物制药等8大: 及 inside a name of an open list
        return whole
    return split


_FUNCTION_END = re.compile(r"[均各同都也以为有是达到至的了在和及与或中对由跨向将把从则即]$")
_RANKED = re.compile(r"(?:前|后|第|top\s)[一二三四五六七八九十\d、]*$|[一二三四五六七八九十\d]、$", re.I)
_EACH = re.compile(r"各|均|都|每|分别|共计|合计|也|连续")
_NOUN_TAGS = ("n", "j", "eng", "vn", "an", "a")


def _edge_tag(item: str, last: bool) -> str:
    """The dictionary tag of the longest word jieba's dictionary knows at the item's end (or start)."""
    from checks.vocab.lexicon import word_info

    for k in range(min(len(item), 6), 0, -1):
        info = word_info(item[-k:] if last else item[:k])
        if info is not None and info[1]:
            return info[1]
    return ""


def _verb_start(item: str) -> bool:
    """身兼山西煤销集团: an item that starts with a verb is a clause, so the 、 before it joins another list."""
    tag = _edge_tag(item, last=False)
    return tag.startswith("v") and tag != "vn" and not item.startswith(("能", "会", "可", "可以", "能够"))


def _noun_end(item: str) -> bool:
    """The item ends in a noun (甘肃, 运营管理, 长期记忆), as jieba's dictionary tags it: a list glued to its count
    ends in what is counted, not in a verb (需要遵循三条) or an adverb (连续5个)."""
    tag = _edge_tag(item, last=True)
    return tag.startswith(_NOUN_TAGS) or not tag and len(item) >= 2  # (a name the dictionary lacks: 海通物流)


def _before_zh(text: str, ms: list[Mention], i: int) -> CountClaim | None:
    """A、B和C三家企业 / A、B、C等4部委: the run of items that ends right before the count."""
    m = ms[i]
    near = text[max(0, m.start - 80):m.start]
    if "、" not in near and "和" not in near[-20:] and "及" not in near[-20:]:
        return None  # no list just before (the cheap test first)
    if _RANKED.search(text[max(0, m.start - 4):m.start]):
        return None  # 前三名, 第3家: a rank, not a count of items
    lead = _blank_asides(text[max(0, m.start - 160):m.start])
    join = _BEFORE_JOIN.search(lead)
    partial = join is not None and join.group(0).startswith("等")
    lead = lead[:len(lead) - len(join.group(0))] if join else lead
    if "等" in lead[lead.rfind("、") + 1:]:
        partial = True  # 新一代信息技术、高端装备制造等领域20大: the list names some of them
    run = re.split(r"[，,。；;:：！？!?\n（(）)“”\"]", lead)[-1]
    if _COLLECTIVE.search(run) or _FUNCTION_END.search(run) or _EACH.search(run[run.rfind("、") + 1:]):
        return None  # 京津冀及黑龙江、吉林5省: a name for several items; 均为2只, 各录得3只: each has that many
    first = run.find("、")
    if first < 0:
        head = re.split(r"[有为是在由对跨向以将把从了]", run)[-1]
        items = _split_zh(head)
        if partial or len(items) != 2 or int(m.value) != 2 or any(not it or len(it) > 8 for it in items) \
                or not re.search(r"和|及", head):
            return None  # A和B两省: read only two short items joined by 和, counted two
    else:
        head = re.split(r"[有为是在由对跨向以将把从了]", run[:first])[-1][-12:]
        items = _agreeing(head + run[first:], m, partial)
        if items is None or any(not it or len(it) > 14 or any(ch.isdigit() for ch in it) for it in items) \
                or len(items[-1]) > 10 or any(len(it) > 6 and _verb_start(it) for it in items[1:]):
            return None
    if not _noun_end(items[-1]):
        return None
    if partial and len(items) < m.low:
        return None  # A、B等10家: fewer items than the count, as an open list may: nothing to check
    family = "A、B等N家" if partial else "A、B和C三家"
    return CountClaim(span=(m.start - len(run) - (len(join.group(0)) if join else 0), m.end), sentence=None,
                      count=Quantity.of(m), items=tuple(items), groups=None, partial=partial, family=family)


def _ordinal_items(text: str, start: int) -> list[str] | None:
    """一是……；二是……；三是……: the items named by consecutive ordinal markers, in this paragraph."""
    rest = text[start:start + 2000]
    for markers in _ORDINALS:
        if not rest.lstrip().startswith(markers[0]):
            continue
        items, pos = [], 0
        for k, marker in enumerate(markers):
            at = rest.find(marker, pos)
            if at < 0 or (k and at - pos > 400):
                break
            items.append(marker)
            pos = at + len(marker)
        return items if len(items) >= 2 else None
    return None


def _groups(ms: list[Mention], i: int, body: str) -> CountGroups | None:
    """2胎3崽，分别为2017年6月出生的……和2021年6月出生的……: the first count against the dated groups."""
    if i == 0 or ms[i - 1].end != ms[i].start or ms[i - 1].kind != "count" or ms[i - 1].qualifier:
        return None
    dated = [x for x in find_mentions(body) if x.kind in ("date", "year")]
    if dated and _EVENT.match(body[dated[0].end:dated[0].end + 4]):
        return CountGroups(Quantity.of(ms[i - 1]), tuple(x.surface for x in dated))
    return None


# --- English ---------------------------------------------------------------------------------------

_EN_ITEM = r"(?:[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|of|de|and\s+Co))*)"
_EN_LIST = re.compile(rf"^({_EN_ITEM}(?:,\s+{_EN_ITEM})*,?\s+and\s+{_EN_ITEM})")
_EN_LIST_BEFORE = re.compile(rf"({_EN_ITEM}(?:,\s+{_EN_ITEM})*,?\s+and\s+{_EN_ITEM}),\s+(?:the|these|all)\s+$")

# After a colon, a list of plain words that ends its sentence: "three divisions: cars, trucks and buses."
_EN_WORDS = r"(?:[\w'&-]+\s+){0,3}[\w'&-]+"
_EN_LIST_PLAIN = re.compile(rf"^({_EN_WORDS}(?:,\s+{_EN_WORDS})*,?\s+and\s+{_EN_WORDS})(?=\s*(?:[.;]|$))")


def _split_en(run: str) -> list[str]:
    head, _, last = run.rpartition(" and ")
    return [x.strip() for x in head.rstrip(",").split(",")] + [last.strip().rstrip(".")]


def _after_en(text: str, m: Mention) -> CountClaim | None:
    tail = re.split(r"\.\s", text[m.end:m.end + 200], maxsplit=1)[0]
    for family, marker in _markers(COUNT_EN, tail):
        found = _EN_LIST.match(tail[marker.end():])
        if found is None and ":" in marker.group(0):
            found = _EN_LIST_PLAIN.match(tail[marker.end():])  # three reasons: cost, quality and trust.
        if found is None:
            continue
        items = _split_en(found.group(1))
        if len(items) < 2 or any(not it or len(it) > 40 for it in items):
            continue
        end = m.end + marker.end() + found.end()
        if "including" in family.name and len(items) < m.low:
            return None
        return CountClaim(span=(m.start, end), sentence=None, count=Quantity.of(m), items=tuple(items), groups=None,
                          partial="including" in family.name, family=family.name)
    return None


def _before_en(text: str, m: Mention) -> CountClaim | None:
    found = _EN_LIST_BEFORE.search(text[max(0, m.start - 200):m.start])
    if found is None or not re.match(r"\s+(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*s\b", text[m.end:m.end + 40]):
        return None
    items = _split_en(found.group(1))
    if len(items) < 2:
        return None
    return CountClaim(span=(m.start - (len(found.group(0))), m.end), sentence=None, count=Quantity.of(m),
                      items=tuple(items), groups=None, family="A, B and C, the N largest")
