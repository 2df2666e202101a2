"""Names of people, organisations, places and things, found where a dated fact needs its subject.

A fact (`华科智能科技有限公司成立于2015年`, "Maria Kowalski, who was born in 1961") needs the name
right before or right after its event or date. This module answers "which name ends here?" and
"which name starts here?", and never scans whole paragraphs:

- Chinese: names in quotation marks or book-title marks (“晓晓”, 《新闻联播》) as written; otherwise
  jieba's part-of-speech segmenter (through `checks.vocab.lexicon`, loaded only when a fact candidate
  needs it) on the clause before or after the position: person names (`nr`), organisations (`nt`),
  places (`ns`), other proper nouns (`nz`), and the words before an organisation or place suffix
  (有限公司, 集团, 银行, 大学, 研究院, 大桥, 机场 ...) when one of them is a proper noun or a word rare
  enough in the dictionary to be part of a name.
- English: runs of capitalised words (Maria Kowalski, Northwind Labs, Duran Duran, Royal Dutch/Shell
  Group, the Bank of England), with `of` kept only after a head noun such as Bank or University, `&`
  kept inside, titles (Mr, Dr, President) and sentence-initial words that are not names (The, In,
  However, month and day names) left out.

A shortened form (华科智能, "Kowalski") is resolved to the full name its article states, and only when
exactly one full name fits (`resolve`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.vocab.scripts import is_han, language_of

PERSON, ORGANISATION, PLACE, THING = "person", "organisation", "place", "thing"


@dataclass(frozen=True)
class Entity:
    """A name as written at [start, end) of the text, its kind ('' when only the event can tell) and how it was found."""

    name: str
    kind: str
    start: int
    end: int
    how: str  # quoted, title, tagger, suffix, capitalised, reference
    title: str = ""  # the title written before a person's name: 董事长王建华, Chairman Maria Kowalski

    @property
    def full(self) -> bool:
        """Specific enough to be the same entity anywhere in the run (not only in its own article)."""
        if self.how in ("quoted",):
            return _suffix_kind(self.name) != ""
        if self.how in ("open", "topic"):
            return False  # a reference its article has yet to resolve; a topic named without a suffix (佳兆业)
        if _is_chinese(self.name):
            # a Chinese personal name (王建华) is borne by thousands: one person only inside its article
            # 该公司 stands for the organisation named before it, by its suffix: as full as that name
            return self.how in ("suffix", "title") or self.how in ("tagger", "reference") and self.kind == ORGANISATION
        return len(self.name.split()) >= 2 or _en_suffix_kind(self.name.split()[-1]) != ""


# --- shared --------------------------------------------------------------------------------------

_ZH_ORG_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "控股", "银行", "证券", "基金", "保险", "信托",
    "大学", "学院", "中学", "小学", "学校", "研究院", "研究所", "研究中心", "实验室", "科学院", "工程院",
    "协会", "学会", "商会", "联合会", "基金会", "委员会", "交易所", "出版社", "报社", "电视台", "电台",
    "俱乐部", "乐队", "剧团", "医院", "事务所", "合作社", "联盟", "组织", "通讯社", "新闻社", "航空",
    "资本", "科技", "股份", "传媒", "药业", "电器", "论坛", "厂", "工厂", "制造厂",
)
# Suffixes so common that a place name before them makes a description, not a name (中国公司, 美国银行业),
# unless the dictionary holds the whole as one word (中国银行).
_GENERIC_AFTER_PLACE = frozenset({"公司", "集团", "银行", "证券", "基金", "保险", "科技", "股份", "资本", "传媒"})
_ZH_PLACE_SUFFIXES = (
    "大桥", "机场", "码头", "车站", "火车站", "高铁站", "铁路", "高铁", "地铁", "公路", "高速", "隧道", "运河",
    "水库", "大坝", "水电站", "电站", "核电站", "博物馆", "博物院", "纪念馆", "美术馆", "图书馆", "科技馆",
    "体育馆", "体育场", "大剧院", "剧院", "国家公园", "公园", "动物园", "植物园", "广场", "大厦", "综合体",
    "商场", "购物中心", "酒店", "街区", "自贸港", "自由贸易港", "自贸区", "开发区", "新区", "特区", "园区",
    "工业园", "产业园", "科技园", "景区", "保护区", "影城", "影院", "会展中心", "展览中心", "会议中心", "文化中心",
    "体育中心", "艺术中心", "国际机场", "港口", "口岸",
)
_ZH_THING_SUFFIXES = ("卫星", "飞船", "火箭", "探测器", "空间站", "客机", "航母", "指数", "期货", "期权", "博览会",
                      "信托计划", "专项计划", "资产管理计划")
_ZH_SUFFIXES = sorted([(s, ORGANISATION) for s in _ZH_ORG_SUFFIXES] + [(s, PLACE) for s in _ZH_PLACE_SUFFIXES]
                      + [(s, THING) for s in _ZH_THING_SUFFIXES], key=lambda pair: -len(pair[0]))
_SUFFIX_WORDS = frozenset(sfx for sfx, _ in _ZH_SUFFIXES)
_SUFFIX_RE = re.compile("|".join(s for s, _ in _ZH_SUFFIXES))
_NAME_TAIL = re.compile(r"[\u4e00-\u9fff()（）·]*")


_THING_SUFFIX_RE = re.compile("|".join(_ZH_THING_SUFFIXES))


def names_a_thing(text: str) -> bool:
    """Whether a Chinese stretch holds a suffix of a thing's name (期货, 指数, 卫星 ...): a cheap test before tagging."""
    return _THING_SUFFIX_RE.search(text) is not None


def _suffix_kind(name: str) -> str:
    for suffix, kind in _ZH_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return kind
    if name.split() and name.isascii():
        return _en_suffix_kind(name.split()[-1])
    return ""


def _is_chinese(name: str) -> bool:
    return language_of(name) == "zh"


# --- quoted names (both languages) ---------------------------------------------------------------

_QUOTED_ONE = r"(?:“[^“”\n]{1,20}”|《[^《》\n]{1,30}》|「[^「」\n]{1,20}」|\"[^\"\n]{1,20}\")"
_QUOTED_LIST_BEFORE = re.compile(rf"((?:{_QUOTED_ONE}[、和与及]?){{1,8}})$")
_QUOTED_LIST_AFTER = re.compile(rf"^((?:{_QUOTED_ONE}[、和与及]?){{1,8}})")
_QUOTED = re.compile(r"“([^“”\n]{1,20})”|《([^《》\n]{1,30})》|「([^「」\n]{1,20})」|\"([^\"\n]{1,20})\"")


def _quoted(text: str, offset: int) -> list[Entity]:
    out = []
    for m in _QUOTED.finditer(text):
        name = next(g for g in m.groups() if g is not None).strip()
        if not name or not any(c.isalnum() for c in name):
            continue
        how = "title" if m.group(2) is not None else "quoted"
        kind = _suffix_kind(name) or (THING if how == "title" else "")
        out.append(Entity(name, kind, offset + m.start(), offset + m.end(), how))
    return out


# --- Chinese names by part of speech -------------------------------------------------------------

_ZH_LIST = re.compile(r"、|和|与|及|以及")
_CLAUSE_BOUNDARY = re.compile(r"[,，。；;：:！!？?、\n]")
_WINDOW = 40
_PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "nt", "ns", "nz", "j", "eng"})
_PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})
# Tags that end a name: particles, prepositions, conjunctions, pronouns, time and place words, numerals.
_STOP_TAGS = frozenset({"p", "c", "uj", "ul", "uz", "ug", "uv", "ud", "u", "y", "e", "o", "r", "t", "f", "x", "m",
                        "q", "zg"})
# Words of a business line that jieba tags as verbs but that are part of company names (腾讯控股有限公司).
_NAME_VERBS = frozenset({"控股", "投资", "发展", "管理", "建设", "咨询", "服务", "贸易", "制造", "开发", "租赁",
                         "保险", "理财", "信托", "传媒", "物流", "实业", "置业", "地产", "科技", "通信", "医药",
                         "生物", "化工", "钢铁", "汽车", "电气", "电子", "能源", "环保", "教育", "文化", "旅游"})
# Verbs that open a clause (reporting, being, the events of dated facts): never inside a name.
_CLAUSE_VERBS = frozenset({"是", "为", "有", "将", "宣布", "表示", "称", "获悉", "位于", "成为", "成立", "设立", "创立",
                           "创办", "组建", "上市", "推出", "发布", "发行", "开通", "建成", "开业", "出生", "就任", "出任",
                           "举办", "举行", "出席", "参加", "完成", "实现", "启动", "正式", "登陆", "挂牌"})
_BRACKETS = frozenset("()（）·")
# Administrative units and landmarks written after a place name: a "person" before them is a place.
_PLACE_UNITS = frozenset("省市县区乡镇村街路巷港湾岛山河湖")
_SERIAL = re.compile(r"[一二三四五六七八九十\d]+号")  # 田园一号, 神舟十号: part of a name
# Dictionary words rarer than this are taken as parts of a name (平陆 in 平陆运河, 鲲鹏 in 鲲鹏资本).
RARE_WORD = 100


def _frequency(word: str) -> int | None:
    from checks.vocab import lexicon

    info = lexicon.word_info(word)
    return None if info is None else info[0]


def _proper(word: str, tag: str, strict: bool = False) -> bool:
    """A proper noun by its tag, or a word the dictionary lacks (or, unless `strict`, holds as rare): likely part
    of a name. Rare dictionary words (平陆, 鲲鹏) count only before a suffix; alone they may be rare common nouns."""
    if tag in _PROPER_TAGS or tag == "s" and not strict:  # 东方精密仪器厂, 南方科技大学: a direction names a firm
        return True
    if len(word) < 2 or tag in _STOP_TAGS:
        return False
    freq = _frequency(word)
    return freq is None or not strict and freq < RARE_WORD


def _stops(word: str, tag: str, before_suffix: bool = False) -> bool:
    """Whether a token ends a name: a function word, punctuation, a common verb or a one-character adverb.

    Before an organisation's or a thing's suffix, verbs are read as part of the name (深证中小创新指数,
    苏州精测光电科技有限公司), except the verbs that open a clause (是, 宣布, 成立 ...)."""
    if word in _BRACKETS or _SERIAL.fullmatch(word) or word in _NAME_VERBS or before_suffix and word in _SUFFIX_WORDS:
        return False
    if before_suffix and tag == "m" and word.isascii() and word.isalnum():
        return False  # 中证中国内地企业400动量指数
    if before_suffix and tag == "zg" and len(word) == 1:
        return False  # 白鹭 + 湾 + 大桥: a bound morpheme inside a name
    if tag in _STOP_TAGS or word in _CLAUSE_VERBS:
        return True
    if tag.startswith("v") or tag == "d":  # 已经, 正式, 将: an adverb opens the predicate
        return not before_suffix and not _proper(word, tag)
    return False


def _run_back(tokens, before_suffix: bool) -> list:
    i = len(tokens)
    while i > 0 and not _stops(tokens[i - 1][0], tokens[i - 1][1], before_suffix):
        i -= 1
    return tokens[i:]


def _run_on(tokens, before_suffix: bool) -> list:
    j = 0
    while j < len(tokens) and not _stops(tokens[j][0], tokens[j][1], before_suffix):
        j += 1
    return tokens[:j]


def _tokens(window: str, offset: int) -> list[tuple[str, str, int]]:
    """(word, tag, start) for the window, from jieba's segmenter."""
    from checks.vocab import lexicon

    out, pos = [], offset
    for word, tag in lexicon.tagged_words(window):
        out.append((word, tag, pos))
        pos += len(word)
    return out


def _entity(tokens, kind: str, how: str, end: int | None = None) -> Entity | None:
    start = tokens[0][2]
    end = tokens[-1][2] + len(tokens[-1][0]) if end is None else end
    name = "".join(w for w, _, _ in tokens)[:end - start]
    if name.count("(") + name.count("（") != name.count(")") + name.count("）"):
        return None
    return Entity(name, kind, start, end, how)


# Tags of a single character that jieba could not join into a word and that may begin a name (鼎, 湾).
_NAME_MORPHEMES = frozenset({"ng", "zg", "nr", "ns", "nz", "j"})
# Common nouns that open the names of state bodies and funds (国家集成电路产业投资基金, 中央汇金投资有限责任公司).
_STATE_PREFIXES = frozenset({"国家", "中央", "全国"})


def _from_first_proper(tokens):
    """The tokens from the first proper noun on (其理财子公司中邮理财有限责任公司 -> 中邮理财有限责任公司), with a
    state prefix right before it (国家 + 集成电路产业投资基金)."""
    for i, (w, t, _) in enumerate(tokens):
        if _proper(w, t):
            if i > 0 and tokens[i - 1][0] in _STATE_PREFIXES:
                return tokens[i - 1:]
            head = tokens[:i]
            if 0 < len(head) <= 2 and all(len(hw) == 1 and is_han(hw) and ht in _NAME_MORPHEMES
                                          for hw, ht, _ in head):
                return tokens  # 鼎 + 元德通物流有限公司: a character jieba left alone begins the name
            return tokens[i:]
    return []


# Suffixes that make a name of common words (远景电器有限公司, 东风机械厂): a registered form no description takes.
_REGISTERED_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "机械厂", "制造厂", "工厂")
_COMMON_NOUN_TAGS = frozenset({"n", "nz", "ns", "j", "ng", "nt"})


def _common_words_name(tokens, end: int):
    """The tokens of a registered name made of common nouns only (远景 + 电器 + 有限公司): at least two words before
    its suffix, all nouns, so that 化工厂 or 投资有限公司 alone names no one firm."""
    tokens = [tok for tok in tokens if tok[2] < end]
    name = "".join(w for w, _, _ in tokens)[:end - tokens[0][2]] if tokens else ""
    suffix = next((sfx for sfx in _REGISTERED_SUFFIXES if name.endswith(sfx)), "")
    head = [(w, t) for w, t, p in tokens if p + len(w) <= end - len(suffix)]
    if not suffix or len(head) < 2 or len("".join(w for w, _ in head)) < 3 \
            or sum(len(w) for w, _ in head) + len(suffix) != len(name):
        return []
    return tokens if all(t in _COMMON_NOUN_TAGS for _, t in head) else []


def _suffix_name(tokens, end: int) -> Entity | None:
    """An organisation, place or thing whose suffix ends at `end`: the tokens from its first proper noun."""
    named = _from_first_proper([tok for tok in tokens if tok[2] < end]) or _common_words_name(tokens, end)
    if not named:
        return None
    entity = _entity(named, "", "suffix", end)
    if entity is None:
        return None
    kind = _suffix_kind(entity.name)
    head = [(w, t) for w, t, p in named if p + len(w) <= end - 1 and w not in _BRACKETS]
    suffix = next(sfx for sfx, k in _ZH_SUFFIXES if entity.name.endswith(sfx)) if kind else ""
    if not kind or len(entity.name) <= len(suffix):
        return None
    if suffix in _GENERIC_AFTER_PLACE and all(t == "ns" for _, t in head) and _frequency(entity.name) is None:
        return None  # 中国公司: companies of a country
    return Entity(entity.name, kind, entity.start, entity.end, "suffix")


def _person(tokens, i: int) -> Entity | None:
    """The person named by token i (tagged nr), with a one-character surname jieba left apart (马 + 玉兰)."""
    word, tag, pos = tokens[i]
    if not 2 <= len(word) <= 4:
        return None
    if i + 1 < len(tokens) and tokens[i + 1][0][0] in _PLACE_UNITS:
        return None  # 蔡家崖乡: a place that jieba tagged as a person
    first = i
    if i > 0 and len(tokens[i - 1][0]) == 1 and len(word) == 2 and tokens[i - 1][1] in ("n", "nr", "ng") \
            and tokens[i - 1][1] not in _STOP_TAGS:
        first, word = i - 1, tokens[i - 1][0] + word
    title = tokens[first - 1][0] if first > 0 and tokens[first - 1][1] == "n" else ""
    return Entity(word, PERSON, tokens[first][2], pos + len(tokens[i][0]), "tagger", title)


# A person's name starts with a character at least this likely to begin one (jieba's HMM, log probability):
# 李 -3.3, 孙 -4.5, 赵 -4.6, but not 东 -5.6 or 中 -8.0.
SURNAME = -5.0
# jieba's HMM learned surnames from its corpus, where transliterations crowd out common ones (林 -5.1, 何 -5.8,
# 谢 -5.8, 许 -6.5): the hundred most frequent Chinese surnames count as surnames whatever the HMM says.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈"
    "钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤"
    "康易乔赖文施洪辛柯庄")


def _surname(char: str) -> bool:
    from checks.vocab import lexicon

    return char in COMMON_SURNAMES or lexicon.surname_likelihood(char) > SURNAME


def _split_person(tokens, end: int) -> Entity | None:
    """A person's name of two or three characters ending at `end` (the clause's last tokens) that jieba split
    apart (李 + 明远, 赵国 + 栋, 孙 + 立新): it starts a token, with a likely surname, at the clause's start or
    after a title."""
    starts = {pos: k for k, (_, _, pos) in enumerate(tokens)}
    for size in (3, 2):
        k = starts.get(end - size)
        if k is None or len(tokens[k][0]) > 2 or len(tokens[k][0]) == 2 and tokens[k][1] not in _PERSON_TAGS:
            continue
        if k > 0 and tokens[k - 1][1] not in ("n", "nr", "nz") and not _stops(*tokens[k - 1][:2]) \
                or any(t == "x" for _, t, _ in tokens[k:]):
            continue
        name = "".join(w for w, _, _ in tokens[k:])
        if len(name) == size and _surname(name[0]):
            title = tokens[k - 1][0] if k > 0 and tokens[k - 1][1] == "n" else ""
            return Entity(name, PERSON, end - size, end, "tagger", title)
    return None


def _split_person_after(tokens, start: int) -> Entity | None:
    """A person's name of three characters starting at `start` that jieba split into a surname and a given name (何 +
    明远, 高 + 海峰): a likely surname, then a two-character word that is a name or too rare to be a common one (not
    高 + 个子), and the noun phrase ends there."""
    if len(tokens) < 2 or tokens[0][2] != start or len(tokens[0][0]) != 1 or not _surname(tokens[0][0]):
        return None
    given, tag = tokens[1][0], tokens[1][1]
    if len(given) != 2 or not all(map(is_han, given)):
        return None
    freq = _frequency(given)
    if not (tag in _PERSON_TAGS or tag == "nz" or freq is None or freq < RARE_WORD):
        return None
    if len(tokens) > 2 and not _stops(*tokens[2][:2]):
        return None
    return Entity(tokens[0][0] + given, PERSON, start, start + 3, "tagger")


def _common_head(word: str, tag: str) -> bool:
    """A common noun that may end a short name (华科智能), but not a suffix that makes a description (中国公司)."""
    if tag == "ng" and len(word) == 1:
        return True  # 中小企业 + 板: a bound noun that jieba leaves alone ends the name it follows
    return tag == "n" and not _proper(word, tag) and not any(sfx == word for sfx, _ in _ZH_SUFFIXES)


def _wanted(entity: Entity | None, kinds: frozenset[str]) -> bool:
    return entity is not None and (not kinds or entity.kind in kinds or entity.kind == "")


def _zh_before(text: str, end: int, kinds: frozenset[str]) -> Entity | None:
    """The name ending at `end`: by its suffix, a person's name, an organisation's tag, or a run of proper nouns."""
    lo = max(0, end - _WINDOW)
    window = text[lo:end]
    cut = None
    for m in _CLAUSE_BOUNDARY.finditer(window):
        cut = m.end()
    if cut is not None:
        lo, window = lo + cut, window[cut:]
    if not window.strip():
        return None
    tokens = _tokens(window, lo)
    run = _run_back(tokens, before_suffix=False)
    candidates = [_suffix_name(_run_back(tokens, before_suffix=True), end)]
    if not run:
        if PERSON in kinds or not kinds:
            candidates.append(_split_person(tokens, end))
        return next((c for c in candidates if _wanted(c, kinds)), None)
    if run[-1][1] in _PERSON_TAGS:
        candidates.append(_person(run, len(run) - 1))
    if run[-1][1] == "nt":
        candidates.append(_entity(run[-1:], ORGANISATION, "tagger"))
    if PERSON in kinds or not kinds:
        candidates.append(_split_person(tokens, end))
    # proper nouns, perhaps with one common noun after them: 华科智能
    extra = 1 if len(run) > 1 and _common_head(*run[-1][:2]) else 0
    k = len(run) - extra
    while k > 0 and _proper(run[k - 1][0], run[k - 1][1], strict=True):
        k -= 1
    proper = run[k:]
    if len(proper) > extra and len("".join(w for w, _, _ in proper)) >= 2:
        candidates.append(_entity(proper, PLACE if proper[-1][1] == "ns" else "", "tagger"))
    return next((c for c in candidates if _wanted(c, kinds)), None)


def _with_unknown_head(entity: Entity | None, tokens, start: int) -> Entity | None:
    """The suffix name extended back to `start` over single characters that jieba could not join into a word (富 + 时
    of 富时中国A50股指期货): a word it does not know, which begins the name."""
    if entity is None or entity.start <= start:
        return entity
    head = [(w, t) for w, t, p in tokens if start <= p < entity.start]
    if len(head) < 2 or any(len(w) != 1 or _stops(w, t) or not is_han(w) for w, t in head):
        return entity
    return Entity("".join(w for w, _ in head) + entity.name, entity.kind, start, entity.end, entity.how)


def _zh_after(text: str, start: int, kinds: frozenset[str]) -> Entity | None:
    """The name starting at `start` (descriptors before a person's name allowed): by suffix, person, tag or proper nouns."""
    window = text[start:start + _WINDOW]
    m = _CLAUSE_BOUNDARY.search(window)
    if m is not None:
        window = window[:m.start()]
    if not window.strip():
        return None
    tokens = _tokens(window, start)
    if PERSON in kinds or not kinds:
        split = _split_person_after(tokens, start)
        if split is not None:
            return split
    run = _run_on(tokens, before_suffix=False)
    loose = _run_on(tokens, before_suffix=True)
    joined = "".join(w for w, _, _ in loose)
    ends = [start + m.end() for m in _SUFFIX_RE.finditer(joined)]
    candidates = []
    for end in sorted(ends, reverse=True):
        # a suffix inside a token (铁路 in 铁路沿线) ends the name there
        candidates.append(_with_unknown_head(_suffix_name(loose, end), loose, start))
    if not run:
        return next((c for c in candidates if _wanted(c, kinds) and c.start == start), None)
    people = [k for k, (w, t, _) in enumerate(run) if t in _PERSON_TAGS]
    if people:
        candidates.append(_person(run, people[0]))
    if run[0][1] == "nt":
        candidates.append(_entity(run[:1], ORGANISATION, "tagger"))
    k = 0
    while k < len(run) and _proper(run[k][0], run[k][1], strict=k == 0 or run[k - 1][1] not in _PROPER_TAGS):
        k += 1  # after a tagged proper noun, a rare word goes on with the name (广电 + 运通)
    extra = 1 if k < len(run) and _common_head(*run[k][:2]) else 0
    if k and len("".join(w for w, _, _ in run[:k])) >= 2 and k + extra == len(run):
        # proper nouns, perhaps with one common noun after them (华科智能), ending where the noun phrase ends
        candidates.append(_entity(run[:k + extra], PLACE if run[k - 1][1] == "ns" and not extra else "", "tagger"))
    return next((c for c in candidates if _wanted(c, kinds) and c.start == start or
                 _wanted(c, kinds) and c.kind == PERSON), None)


_APPOSITION = re.compile(r"(?:名为|名叫|叫做|称为)(?P<name>[^,，。；;“”]{2,30}?)的[^,，。；;的]{1,4}$")


# --- English names by capitals -------------------------------------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Capitalised words that open sentences and phrases but never names.
_NOT_NAME = frozenset((
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "Without", "After", "Before", "Since", "Until",
    "When", "While", "Where", "Which", "Who", "Whose", "What", "But", "And", "Or", "Nor", "So", "Yet", "If", "As",
    "However", "Although", "Though", "Because", "Last", "Next", "This", "That", "These", "Those", "It", "Its",
    "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "There", "Here", "Then",
    "Now", "Also", "Both", "All", "Each", "Every", "Some", "Many", "Most", "Other", "Such", "Only", "Even",
    "Founded", "Born", "Established", "Opened", "Set", "Listed", "Launched", "Created", "Formed", "Built",
    "Shares", "Today", "Yesterday", "Tomorrow", "According", "Under", "Over", "About", "Among", "During", "Once",
    "Like", "Unlike", "Meanwhile", "Instead", "Later", "Earlier", "Originally", "First", "Former", "Late",
    "REUTER",  # a wire story's sign-off, before the next story's first sentence
) + _MONTHS + _DAYS)
_TITLES = frozenset(("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof", "Professor",
                     "President", "Chancellor", "Prime", "Minister", "King", "Queen", "Prince", "Princess", "Pope",
                     "Chairman", "Chief", "Executive", "Director", "Senator", "Governor", "Mayor", "General"))
_EN_ORG = frozenset(("Inc", "Corp", "Corporation", "Co", "Company", "Ltd", "Limited", "Plc", "plc", "PLC", "LLC",
                     "Group", "Holdings", "Bank", "Labs", "Laboratories", "University", "College", "Institute",
                     "Association", "Society", "Foundation", "Trust", "Agency", "Council", "Ministry", "Department",
                     "Exchange", "Fund", "Partners", "Capital", "Systems", "Technologies", "Airways", "Airlines",
                     "Motors", "Industries", "Enterprises", "Studios", "Records", "Club", "FC", "Party", "Union",
                     "Federation", "League", "Commission", "Committee", "Authority", "Board", "Organisation",
                     "Organization", "Academy", "School", "Network", "Press", "Media", "Entertainment", "Alliance",
                     "Communications", "International", "Brewery", "Electric", "Energy", "Software", "Foods",
                     "Pharmaceuticals", "Chemicals", "Resources", "Insurance", "Mining", "Steel", "Stores"))
_EN_PLACE = frozenset(("Bridge", "Stadium", "Airport", "Station", "Tower", "Museum", "Park", "Hall", "Theatre",
                       "Theater", "Centre", "Center", "Hospital", "Cathedral", "Canal", "Tunnel", "Dam", "Port",
                       "Gallery", "Library", "Arena", "Palace", "Castle", "Square", "Building", "Mall", "Zoo",
                       "Terminal", "Line", "Railway", "Motorway", "Highway", "Harbour", "Harbor"))
# The head nouns of place names, as a definite reference writes them ("the stadium" for Wembley Stadium).
EN_PLACE_HEADS = frozenset(w.casefold() for w in _EN_PLACE)
# Head nouns that take "of" inside a name: the Bank of England, the University of Cambridge.
_OF_HEADS = _EN_ORG | _EN_PLACE | frozenset(("Duke", "Earl", "House", "Church", "Republic", "Kingdom", "State",
                                             "City", "Isle", "Gulf", "Cape", "Court", "Chamber", "Office",
                                             "Museum", "Royal"))
_PARTICLES = frozenset(("de", "du", "van", "von", "der", "den", "la", "le", "da", "del", "di", "bin", "al"))

_EN_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.\-]*|&|/|[^\sA-Za-z0-9]")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;\"“”(]\s*|\n)\s*$")


def _en_suffix_kind(word: str) -> str:
    word = word.rstrip(".")
    if word in _EN_ORG:
        return ORGANISATION
    if word in _EN_PLACE:
        return PLACE
    return ""


def _cap_word(word: str) -> bool:
    """A word that can be part of a name: Kowalski, PSP, McDonald, O'Neill, iPod, W."""
    if word.endswith(("'s", "’s")) or "-" in word and word.rsplit("-", 1)[1].islower():
        return False  # Sony's, Seoul-based: a modifier of the name that follows
    core = word.rstrip(".")
    if not core or not core[0].isalpha():
        return False
    return core[0].isupper() or (core[0].islower() and any(c.isupper() for c in core[1:]) and core.isalnum())


def _en_tokens(window: str, offset: int) -> list[tuple[str, int]]:
    return [(m.group(0), offset + m.start()) for m in _EN_TOKEN.finditer(window)]


def _en_trim(tokens: list[tuple[str, int]], text: str) -> list[tuple[str, int]]:
    """Drop what is not the name: leading words that open sentences, titles, trailing connectors."""
    while tokens:
        word, pos = tokens[0]
        core = word.rstrip(".")
        if core in _TITLES and len(tokens) > 1:
            tokens = tokens[1:]
            continue
        if core in _NOT_NAME or (word.lower() in _PARTICLES | {"of", "&", "/", "the"}):
            tokens = tokens[1:]
            continue
        if _SENTENCE_OPEN.search(text[:pos]) and len(tokens) > 1 and tokens[1][0] == "of" \
                and core not in _OF_HEADS:
            tokens = tokens[2:]  # "Shares of Northwind Labs": the opening word is not part of the name
            continue
        break
    while tokens and (tokens[-1][0].lower() in _PARTICLES | {"of", "&", "/", "the"}):
        tokens = tokens[:-1]
    return tokens


def _en_entity(tokens: list[tuple[str, int]], text: str) -> Entity | None:
    titled = bool(tokens) and tokens[0][0].rstrip(".") in _TITLES
    tokens = _en_trim(tokens, text)
    if not tokens:
        return None
    start = tokens[0][1]
    end = tokens[-1][1] + len(tokens[-1][0])
    name = text[start:end].rstrip(".") if not tokens[-1][0].rstrip(".").isupper() else text[start:end]
    if len(tokens) == 1 and len(name) == 1:
        return None
    if all(w.rstrip(".").isupper() and len(w.rstrip(".")) <= 1 for w, _ in tokens):
        return None
    kind = _en_suffix_kind(tokens[-1][0]) or (PERSON if titled else "")
    words = [w for w, _ in tokens]
    if not kind and "of" in words:
        kind = _en_suffix_kind(words[words.index("of") - 1])  # the Bank of England
    return Entity(name, kind, start, end, "capitalised")


# Abbreviations written with a full stop inside names (St. Paul's, Mt. Everest, Martin Luther King Jr.).
_NAME_ABBREVIATIONS = frozenset(("St", "Mt", "Ft", "Jr", "Sr", "Bros", "Gen", "Col", "Capt", "Rev", "Hon"))


def _ends_sentence(word: str) -> bool:
    """A word with a full stop after it that ends a sentence or a name (Johnson., Inc.), not an initial (F.), a
    title (Dr.) or a dotted abbreviation (U.S.): no name runs on past it."""
    core = word[:-1]
    return word.endswith(".") and len(core) > 1 and "." not in core and core not in _TITLES \
        and core not in _NAME_ABBREVIATIONS


def _en_run_before(text: str, end: int) -> list[tuple[str, int]]:
    lo = max(0, end - 120)
    tokens = _en_tokens(text[lo:end], lo)
    run: list[tuple[str, int]] = []
    i = len(tokens) - 1
    while i >= 0:
        word, pos = tokens[i]
        if run and _ends_sentence(word):
            break  # "... said Johnson. Harbor Mills Ltd was set up": the name starts after the full stop
        if _cap_word(word) or (word.rstrip(".") in _TITLES):
            run.insert(0, (word, pos))
            i -= 1
            continue
        if run and i > 0 and _cap_word(tokens[i - 1][0]) and _connects(word, tokens[i - 1][0]):
            run.insert(0, (word, pos))
            i -= 1
            continue
        break
    return run


def _en_run_after(text: str, start: int) -> list[tuple[str, int]]:
    tokens = _en_tokens(text[start:start + 120], start)
    run: list[tuple[str, int]] = []
    i = 0
    while i < len(tokens):
        word, pos = tokens[i]
        if _cap_word(word) or (not run and word == "the"):
            run.append((word, pos))
            i += 1
            if _ends_sentence(word):
                break
            continue
        if run and i + 1 < len(tokens) and _cap_word(tokens[i + 1][0]) and _connects(word, run[-1][0]):
            run.append((word, pos))
            i += 1
            continue
        break
    if run and run[0][0] == "the":
        run = run[1:]
    return run


def _connects(word: str, head: str) -> bool:
    if word in ("&", "/", "-"):
        return True
    if word == "of":
        return head.rstrip(".") in _OF_HEADS
    return word in _PARTICLES


# --- the API -------------------------------------------------------------------------------------


def names_before(text: str, end: int, lang: str, kinds: frozenset[str] = frozenset()) -> list[Entity]:
    """The name (or list of names: “晓晓”“蕾蕾”, "A, B and C") ending at `end`, spaces before it allowed; [] when
    none reads as one. `kinds` (person, organisation, place, thing) says which kinds the caller can use."""
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    offset = max(0, end - 200)
    quoted = _QUOTED_LIST_BEFORE.search(text[offset:end])
    if quoted is not None:
        return _quoted(quoted.group(1), offset + quoted.start(1))
    if lang == "zh":
        entity = _zh_before(text, end, kinds)
        if entity is None and (named := _APPOSITION.search(text, max(0, end - 40), end)) is not None:
            entity = _zh_before(text, named.end("name"), kinds)  # 名为苏州精测光电科技有限公司的企业
        if entity is None and (not kinds or PERSON in kinds):
            entity = _surname_title_before(text, end)
        return [entity] if entity is not None else []
    entity = _en_before(text, end, kinds)
    if entity is None:
        return []
    names = [entity]
    joined = re.search(r"(?:,?\s+and|\s*&)\s+(?:[A-Z][\w.-]*['’]s\s+)?$", text[max(0, entity.start - 40):entity.start])
    while joined is not None:  # "A, B and C": only a list that ends in "and" is read back
        other = _en_before(text, entity.start - len(joined.group(0)), kinds)
        if other is None:
            break
        names.insert(0, other)
        entity = other
        joined = re.search(r",\s+(?:[A-Z][\w.-]*['’]s\s+)?$", text[max(0, entity.start - 40):entity.start])
    return names


def _en_before(text: str, end: int, kinds: frozenset[str]) -> Entity | None:
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    if not end or not (text[end - 1].isalnum() or text[end - 1] == "."):
        return None
    run = _en_run_before(text, end)
    entity = _en_entity(run, text) if run else None
    if entity is None or entity.end != end and text[entity.end:end].strip(".") != "":
        return None
    return entity if _wanted(entity, kinds) else None


def names_after(text: str, start: int, lang: str, kinds: frozenset[str] = frozenset()) -> list[Entity]:
    """The name (or list of quoted names) starting at `start`, spaces after `start` allowed."""
    while start < len(text) and text[start] in " \t":
        start += 1
    quoted = _QUOTED_LIST_AFTER.match(text[start:start + 200])
    if quoted is not None:
        return _quoted(quoted.group(1), start)
    if lang == "zh":
        shared = _zh_shared_suffix(text, start, kinds)
        if shared:
            return shared
        names: list[Entity] = []
        entity = _zh_after(text, start, kinds)
        while entity is not None and len(names) < 8:
            names.append(entity)  # 发布中证沪港深高股息指数、中证中国内地企业400动量指数以及……
            joined = _ZH_LIST.match(text, entity.end)
            entity = _zh_after(text, joined.end(), kinds) if joined else None
            if entity is not None and entity.kind != names[0].kind:
                break
        return names
    run = _en_run_after(text, start)
    entity = _en_entity(run, text) if run else None
    return [entity] if _wanted(entity, kinds) else []


# A paragraph's or sentence's topic, named without a suffix: 广电运通为ATM领域龙头企业 / 佳兆业：伴随着…… (at a paragraph's
# start). The name is then read by the segmenter like any other.
_ZH_TOPIC = re.compile(r"(?:^|[。！？!?\n])\s*(?P<name>[\u4e00-\u9fffA-Za-z]{2,10}?)(?:为|是|系|作为)[^。；;，,]{0,16}?"
                       r"(?:企业|公司|集团|银行|机构|龙头|厂商|券商|开发商|运营商)|(?:^|\n)\s*(?P<colon>[\u4e00-\u9fff]{2,8})[：:]")
# An English organisation introduced by what it is: "telecoms firm Deutsche Telekom", "Northwind Labs, a data company".
_EN_KINDS_OF_ORG = (r"(?:firm|company|group|maker|carrier|airline|bank|retailer|brewer|insurer|lender|operator|chain|"
                    r"start-up|startup|conglomerate|producer|supplier|manufacturer|developer|publisher|broadcaster|"
                    r"giant|miner|utility|charity)")
EN_KINDS_OF_ORG = _EN_KINDS_OF_ORG  # for readers of a description after a name ("Northwind Labs, a company founded")
_EN_ORG_BEFORE_NAME = re.compile(rf"\b{_EN_KINDS_OF_ORG}\s+(?=[A-Z])")
_EN_ORG_AFTER_NAME = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w&'-]+\s+){{0,4}}?{_EN_KINDS_OF_ORG}\b")


def _topics(before: str, offset: int, text: str) -> list[Entity]:
    """Organisations a Chinese text names as its topic without a suffix (广电运通为……龙头企业, 佳兆业：)."""
    out = []
    for m in _ZH_TOPIC.finditer(before):
        group = "name" if m.group("name") else "colon"
        start, end = offset + m.start(group), offset + m.end(group)
        entity = _zh_after(text[:end], start, frozenset({ORGANISATION}))
        if entity is not None and (entity.start, entity.end) == (start, end) and entity.kind in ("", ORGANISATION):
            out.append(Entity(entity.name, ORGANISATION, entity.start, entity.end,
                              "topic" if not _suffix_kind(entity.name) else "suffix"))
    return out


def _en_described(before: str, offset: int, text: str) -> list[Entity]:
    """English organisations introduced by what they are ("telecoms firm Deutsche Telekom", "X, a data company")."""
    out = []
    for m in _EN_ORG_BEFORE_NAME.finditer(before):
        out += [e for e in names_after(text, offset + m.end(), "en") if e.end <= offset + len(before)]
    for m in _EN_ORG_AFTER_NAME.finditer(before):
        entity = _en_before(text, offset + m.start(), frozenset())
        if entity is not None:
            out.append(entity)
    return [Entity(e.name, ORGANISATION, e.start, e.end, e.how) for e in out if e.kind in ("", ORGANISATION)]


# Names listed before one suffix they share: 三江源、大熊猫、武夷山等第一批国家公园 (三江源国家公园 ...).
_ZH_SHARED_SUFFIX = re.compile(rf"((?:[\u4e00-\u9fff]{{2,8}}?[、和与及])+[\u4e00-\u9fff]{{2,8}}?)等?"
                               rf"(?:第[一二三四五六七八九十\d]+批|首批)?({'|'.join(s for s, _ in _ZH_SUFFIXES)})"
                               rf"(?=[,，。；;、:：!！?？\s的等和与及]|$)")
_NOUN_TAGS = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "ng"})


def _zh_shared_suffix(text: str, start: int, kinds: frozenset[str]) -> list[Entity]:
    """The names of a list whose items share the suffix written after the last (三江源、大熊猫等国家公园), each item
    nouns only, none of them a suffix's word (上海、深圳证券交易所 is left alone: which words are shared is unclear);
    [] when the text at `start` is no such list."""
    m = _ZH_SHARED_SUFFIX.match(text, start, start + 80)
    if m is None:
        return []
    suffix = m.group(2)
    kind = next(k for sfx, k in _ZH_SUFFIXES if sfx == suffix)
    if kinds and kind not in kinds:
        return []
    items, out, pos = re.split(r"[、和与及]", m.group(1)), [], m.start(1)
    tagged = [_tokens(item, 0) for item in items]
    if any(not tokens or any(t not in _NOUN_TAGS and not _proper(w, t) or w in _SUFFIX_WORDS for w, t, _ in tokens)
           for tokens in tagged):
        return []
    if suffix in _GENERIC_AFTER_PLACE and all(t == "ns" for tokens in tagged for _, t, _ in tokens):
        return []  # 中国、美国公司: companies of two countries
    for item in items:
        out.append(Entity(item + suffix, kind, pos, m.end(), "suffix"))
        pos += len(item) + 1
    return out


# A company named by what it is to be called: 合资公司将定名为“中欧国际交易所股份有限公司”, 新公司命名为……
_ZH_NAMED_AS = re.compile(r"(?:定名为|命名为|取名为|名称为|暂定名为)\s*")


def has_suffix_name(text: str) -> bool:
    """Whether the text may hold a Chinese name by its suffix (有限公司, 大桥, 指数 ...): a cheap test, no segmenter."""
    return _SUFFIX_RE.search(text) is not None or names_a_thing(text)


def named_as(text: str, pos: int, reach: int = 400) -> Entity | None:
    """The one company the text before `pos` says a new company is to be called (定名为“中欧国际交易所股份有限公司”), for
    新公司 and 合资公司 to stand for; None when it names none or several."""
    lo = max(0, pos - reach)
    found = {}
    for m in _ZH_NAMED_AS.finditer(text, lo, pos):
        for entity in names_after(text, m.end(), "zh", frozenset({ORGANISATION})):
            if entity.end <= pos:
                found.setdefault(entity.name, entity)
    if len(found) != 1:
        return None
    entity = next(iter(found.values()))
    return Entity(entity.name, ORGANISATION, entity.start, entity.end, "reference", entity.title)


def antecedent(text: str, pos: int, kind: str, lang: str, reach: int = 400, alone: bool = False) -> Entity | None:
    """What a reference (该公司, 这家企业, 这位, "the company", "it") at `pos` stands for: the one name of `kind`
    (organisation or person) that the nearest sentence naming any, in the `reach` characters before it, states; None
    when there is none, or that sentence names several (`alone`, for a pronoun: its own sentence and the one before
    it, which must name one). An
    article resolves a reference in another paragraph with the article's text before it as `text`."""
    before = text[max(0, pos - reach):pos]
    offset = max(0, pos - reach)
    found: list[Entity] = []
    if lang == "zh" and kind == PERSON:
        for k, (word, tag, start) in enumerate(toks := _tokens(before, offset)):
            if tag in _PERSON_TAGS and (person := _person(toks, k)) is not None:
                found.append(person)
            elif len(word) == 1 and (person := _split_person_after(toks[k:], start)) is not None:
                found.append(person)  # 刘 + 立新: a name jieba split in two
    elif lang == "zh":
        for m in _SUFFIX_RE.finditer(before):
            entity = _zh_before(text, offset + m.end(), frozenset({kind}))
            if entity is not None and entity.kind == kind:
                found.append(entity)
        if kind == ORGANISATION:
            for entity in _topics(before, offset, text):
                found.append(entity)
    else:
        heads = _EN_ORG if kind == ORGANISATION else _TITLES
        for m in re.finditer(r"[A-Z][A-Za-z&.'-]*(?:\s+(?:of|&|[A-Z][A-Za-z&.'-]*))*", before):
            words = m.group(0).split()
            if kind == ORGANISATION and words[-1].rstrip(".") in heads or kind == PERSON and words[0] in heads:
                entity = _en_before(text, offset + m.end(), frozenset({kind}))
                if entity is not None and entity.kind == kind:
                    found.append(entity)
            elif kind == PERSON and (entity := _en_plain_person(m, offset, text)) is not None:
                found.append(entity)
        if kind == ORGANISATION:
            for entity in _en_described(before, offset, text):
                found.append(entity)
    # the names of the nearest sentence that names any, back from the reference's own: one name, or none; for a pronoun
    # (`alone`), the one name of its kind in its own sentence and the one before, taken together
    bounds = [offset] + [offset + m.end() for m in re.finditer(r"(?:[。！？!?；;]|\.\s)\s*|\n\s*", before)] + [pos]
    if alone:
        bounds = [bounds[-3] if len(bounds) > 2 else bounds[0], pos]
    for lo, hi in reversed(list(zip(bounds, bounds[1:]))):
        pool = {}
        for e in found:
            if lo <= e.start < hi:
                pool.setdefault(e.name, e)
        names = [n for n in pool if not any(n != o and n in o for o in pool)]
        # a short form and its full name (华科智能, 华科智能科技有限公司; Kowalski, Maria Kowalski) are one name
        names = [n for n in names if not any(n != o and n in o.split() for o in names)]
        if len(names) == 1:
            entity = pool[names[0]]
            how = "topic" if entity.how == "topic" else "reference"
            return Entity(entity.name, kind, entity.start, entity.end, how, entity.title)
        if names:
            return None
    return None


_EN_GIVEN_AND_FAMILY = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]*['’]?[A-Z]?[a-z]+){1,2}")


# What marks a name in capitals as a person's when no title stands before it: "Maria Kowalski, who", "Maria Kowalski,
# 62,", "Maria Kowalski said", or a title before its last word elsewhere in the text (Ms Kowalski).
_EN_PERSON_AFTER = re.compile(r",\s*(?:who\b|aged\b|\d{1,3}\s*,)|\s+(?:said|says|told|added|argued|explained|believes)\b")
_EN_PERSONAL_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof", "Professor")


def _en_plain_person(m: re.Match, offset: int, text: str) -> Entity | None:
    """A person named without a title, for "he"/"she" to stand for: two or three words in capitals (Maria Kowalski,
    Carlos Ghosn), none of them a word that opens sentences, a month or the head of an organisation or place name, and
    marked as a person's by what follows it (", who", ", 62,", "said") or by a title before its last word elsewhere
    in the text (Mr Ghosn). Two capitalised words alone may be a company's name (Sony Ericsson): no person then."""
    run = m.group(0)
    cut = max(run.rfind(". "), run.rfind(".\n"))  # "Dec. Peter Okafor": the name starts after the full stop
    cut = cut + 2 if cut >= 0 else 0
    name = run[cut:].strip().rstrip(".")
    if _EN_GIVEN_AND_FAMILY.fullmatch(name) is None:
        return None
    words = name.split()
    if any(w in _NOT_NAME or w in _TITLES or w in _EN_ORG or w in _EN_PLACE or w in _OF_HEADS for w in words):
        return None
    start = offset + m.start() + run.index(name, cut)
    titled = re.search(rf"\b(?:{'|'.join(_EN_PERSONAL_TITLES)})\.?\s+{re.escape(words[-1])}\b", text)
    if titled is None and _EN_PERSON_AFTER.match(text, start + len(name)) is None:
        return None
    return Entity(name, PERSON, start, start + len(name), "capitalised")


def named_by_head(text: str, pos: int, head: str, reach: int = 400) -> Entity | None:
    """What a definite noun ("the stadium", "the centre") at `pos` stands for: the one name ending in that noun
    (Wembley Stadium, the Millennium Centre) in the nearest sentence before it that states any; None when there is none
    or several. Only a name with the noun as its head is taken: "the centre" after a sentence naming an institute is
    not the institute."""
    heads = {head.casefold()} | ({"centre", "center"} if head.casefold() in ("centre", "center") else set())
    before = text[max(0, pos - reach):pos]
    offset = max(0, pos - reach)
    found = []
    for m in re.finditer(r"[A-Z][A-Za-z&.'-]*(?:\s+(?:of|&|[A-Z][A-Za-z&.'-]*))*", before):
        if m.group(0).split()[-1].casefold() in heads:
            entity = _en_before(text, offset + m.end(), frozenset())
            if entity is not None:
                found.append(entity)
    bounds = [offset] + [offset + b.end() for b in re.finditer(r"[.!?;\n]\s", before)] + [pos]
    for lo, hi in reversed(list(zip(bounds, bounds[1:]))):
        names = {e.name: e for e in found if lo <= e.start < hi}
        if len(names) == 1:
            entity = next(iter(names.values()))
            return Entity(entity.name, entity.kind or PLACE, entity.start, entity.end, "reference", entity.title)
        if names:
            return None
    return None


# Titles written after a surname in place of a name: 赵董事长, 王总, 李教授, 陈先生.
_ZH_SURNAME_TITLES = ("董事长", "总经理", "总裁", "经理", "主任", "主席", "书记", "院长", "校长", "所长", "局长", "市长", "省长",
                      "部长", "行长", "会长", "社长", "教授", "研究员", "博士", "院士", "先生", "女士", "老师", "总")
_ZH_SURNAME_TITLE = re.compile(rf"^[\u4e00-\u9fff]({'|'.join(_ZH_SURNAME_TITLES)})$")


def _surname_title_before(text: str, end: int) -> Entity | None:
    """A surname and a title ending at `end` (马董事长): the surname a word of its own, not the end of one (公司董事长)."""
    m = re.search(rf"[\u4e00-\u9fff](?:{'|'.join(_ZH_SURNAME_TITLES)})$", text[max(0, end - 8):end])
    if m is None:
        return None
    start = end - len(m.group(0))
    if not surname_and_title(m.group(0)):
        return None
    tokens = _tokens(text[max(0, start - 6):end], max(0, start - 6))
    if not any(pos == start and len(word) == 1 for word, _, pos in tokens):
        return None
    return Entity(m.group(0), PERSON, start, end, "tagger")


def surname_and_title(name: str) -> bool:
    """Whether a Chinese 'name' is a surname and a title (赵董事长, 王总): a reference to a person named elsewhere."""
    return _ZH_SURNAME_TITLE.match(name) is not None and _surname(name[0])


def person_of_surname(text: str, surname: str) -> Entity | None:
    """The one person of this surname the (Chinese) text names in full (赵志远 for 赵董事长), else None."""
    found = {}
    for m in re.finditer(re.escape(surname), text):
        for k, (word, tag, start) in enumerate(toks := _tokens(text[m.start():m.start() + 4], m.start())):
            if k == 0 and tag in _PERSON_TAGS and (person := _person(toks, 0)) is not None and person.name[0] == surname \
                    and not surname_and_title(person.name) and len(person.name) >= 2:
                found.setdefault(person.name, person)
        split = _split_person_after(_tokens(text[m.start():m.start() + 6], m.start()), m.start())
        if split is not None:
            found.setdefault(split.name, split)
    return next(iter(found.values())) if len(found) == 1 else None



def resolve(short: str, article_text: str) -> str:
    """The full name a shortened form stands for in its article (华科智能 -> 华科智能科技有限公司,
    Kowalski -> Maria Kowalski), or the name itself when the article states no such name or more than one."""
    fuller: set[str] = set()
    if _is_chinese(short):
        fuller = _zh_fuller(short, article_text)
        head = short[:-len(suffix)] if (suffix := _suffix_of(short)) and _suffix_kind(short) == ORGANISATION else ""
        if not fuller and len(head) >= 2:
            # 鲲鹏资本 for 深圳市鲲鹏股权投资管理有限公司: a brand and a suffix stand for the one organisation of that brand
            fuller = {n for n in _zh_fuller(head, article_text) if 0 <= n.find(head) <= 3 and _suffix_kind(n) == ORGANISATION}
    else:
        pattern = re.compile(rf"(?<![A-Za-z]){re.escape(short)}(?![A-Za-z])")
        for m in pattern.finditer(article_text):
            for candidate in names_before(article_text, m.end(), "en") + names_after(article_text, m.start(), "en"):
                words = candidate.name.split()
                if candidate.name != short and len(words) >= 2 and short in words:
                    fuller.add(candidate.name)
    # nested forms (华科智能科技有限公司 in 深圳市华科智能科技有限公司) are one name: keep the fullest
    fullest = {n for n in fuller if not any(n != o and n in o for o in fuller)}
    if len(fullest) > 1:  # 佳兆业 for 佳兆业集团 rather than 佳兆业公益基金会: a brand alone stands for its company
        fullest = {n for n in fullest if n.endswith(_COMPANY_SUFFIXES)}
    return fullest.pop() if len(fullest) == 1 else short


_COMPANY_SUFFIXES = ("有限公司", "公司", "集团", "控股")


def _suffix_of(name: str) -> str:
    return next((sfx for sfx, _ in _ZH_SUFFIXES if name.endswith(sfx) and len(name) > len(sfx)), "")


def _zh_fuller(part: str, article_text: str) -> set[str]:
    """Full names (by their suffix) in the article that contain `part` and run on from it to their suffix."""
    fuller = set()
    for m in re.finditer(re.escape(part), article_text):
        tail = _NAME_TAIL.match(article_text, m.end(), m.end() + 24)
        for suffix in _SUFFIX_RE.finditer(article_text, m.end(), tail.end()):
            for candidate in names_before(article_text, suffix.end(), "zh"):
                if part in candidate.name and candidate.name != part and candidate.full:
                    fuller.add(candidate.name)
    return fuller
