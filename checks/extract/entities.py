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

from checks.ingest.normalize import fold_width

PERSON, ORGANISATION, PLACE, THING = "person", "organisation", "place", "thing"


@dataclass(frozen=True)
class Entity:
    """A name as written at [start, end) of the text, its kind ('' when only the event can tell) and how it was found."""

    name: str
    kind: str
    start: int
    end: int
    how: str  # quoted, title, tagger, suffix, capitalised

    @property
    def full(self) -> bool:
        """Specific enough to be the same entity anywhere in the run (not only in its own article)."""
        if self.how in ("quoted",):
            return _suffix_kind(self.name) != ""
        if _is_chinese(self.name):
            return self.how in ("suffix", "title") or (self.how == "tagger" and self.kind in (PERSON, ORGANISATION))
        return len(self.name.split()) >= 2 or _en_suffix_kind(self.name.split()[-1]) != ""


# --- shared --------------------------------------------------------------------------------------

_ZH_ORG_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "控股", "银行", "证券", "基金", "保险", "信托",
    "大学", "学院", "中学", "小学", "学校", "研究院", "研究所", "研究中心", "实验室", "科学院", "工程院",
    "协会", "学会", "商会", "联合会", "基金会", "委员会", "交易所", "出版社", "报社", "电视台", "电台",
    "俱乐部", "乐队", "剧团", "医院", "事务所", "合作社", "联盟", "组织", "通讯社", "新闻社", "航空",
    "资本", "科技", "股份", "传媒", "药业", "电器",
)
# Suffixes so common that a place name before them makes a description, not a name (中国公司, 美国银行业),
# unless the dictionary holds the whole as one word (中国银行).
_GENERIC_AFTER_PLACE = frozenset({"公司", "集团", "银行", "证券", "基金", "保险", "科技", "股份", "资本", "传媒"})
_ZH_PLACE_SUFFIXES = (
    "大桥", "机场", "码头", "车站", "火车站", "高铁站", "铁路", "高铁", "地铁", "公路", "高速", "隧道", "运河",
    "水库", "大坝", "水电站", "电站", "核电站", "博物馆", "纪念馆", "美术馆", "图书馆", "科技馆", "体育馆",
    "体育场", "大剧院", "剧院", "国家公园", "公园", "动物园", "植物园", "广场", "大厦", "寺", "港", "自贸港",
    "自贸区", "开发区", "新区", "特区", "园区", "工业园", "景区", "保护区",
)
_ZH_SUFFIXES = sorted([(s, ORGANISATION) for s in _ZH_ORG_SUFFIXES] + [(s, PLACE) for s in _ZH_PLACE_SUFFIXES],
                      key=lambda pair: -len(pair[0]))


_SUFFIX_RE = re.compile("|".join(s for s, _ in _ZH_SUFFIXES))
_NAME_TAIL = re.compile(r"[\u4e00-\u9fff()（）·]*")


def _suffix_kind(name: str) -> str:
    for suffix, kind in _ZH_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return kind
    if name.split() and name.isascii():
        return _en_suffix_kind(name.split()[-1])
    return ""


def _is_chinese(name: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in name)


# --- quoted names (both languages) ---------------------------------------------------------------

_QUOTED_ONE = r"(?:“[^“”\n]{1,20}”|《[^《》\n]{1,30}》|「[^「」\n]{1,20}」)"
_QUOTED_LIST_BEFORE = re.compile(rf"((?:{_QUOTED_ONE}[、和与及]?){{1,8}})$")
_QUOTED_LIST_AFTER = re.compile(rf"^((?:{_QUOTED_ONE}[、和与及]?){{1,8}})")
_QUOTED = re.compile(r"“([^“”\n]{1,20})”|《([^《》\n]{1,30})》|「([^「」\n]{1,20})」")


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

_CLAUSE_BOUNDARY = re.compile(r"[,，。；;：:！!？?、\n]")
_WINDOW = 40
_PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "nt", "ns", "nz", "j", "eng"})
_NAME_PART_TAGS = _PROPER_TAGS | frozenset({"n", "ng", "b", "vn", "an", "l", "nw"})
_PERSON_TAGS = frozenset({"nr", "nrt", "nrfg"})
# Words of a business line that jieba tags as verbs but that are part of company names (腾讯控股有限公司).
_NAME_VERBS = frozenset({"控股", "投资", "发展", "管理", "建设", "咨询", "服务", "贸易", "制造", "开发", "租赁",
                         "保险", "理财", "信托", "传媒", "物流", "实业", "置业", "地产", "科技", "通信", "医药",
                         "生物", "化工", "钢铁", "汽车", "电气", "电子", "能源", "环保", "教育", "文化", "旅游"})
_BRACKETS = frozenset("()（）·")
# Dictionary words rarer than this are taken as parts of a name (平陆 in 平陆运河, 鲲鹏 in 鲲鹏资本).
RARE_WORD = 100


def _proper(word: str, tag: str) -> bool:
    if tag in _PROPER_TAGS:
        return True
    from checks.vocab import lexicon

    info = lexicon.word_info(word)
    return info is None and len(word) >= 2 or (info is not None and info[0] < RARE_WORD and len(word) >= 2)


def _name_part(word: str, tag: str) -> bool:
    return tag in _NAME_PART_TAGS or word in _NAME_VERBS or word in _BRACKETS


def _tokens(window: str, offset: int) -> list[tuple[str, str, int]]:
    """(word, tag, start) for the window, from jieba's segmenter."""
    from checks.vocab import lexicon

    out, pos = [], offset
    for word, tag in lexicon.tagged_words(window):
        out.append((word, tag, pos))
        pos += len(word)
    return out


def _zh_name(tokens: list[tuple[str, str, int]]) -> Entity | None:
    """The name the tokens spell, or None: an organisation or place by its suffix or tag, a person, a proper noun."""
    if not tokens:
        return None
    while tokens and tokens[0][0] in _BRACKETS:
        tokens = tokens[1:]
    if not tokens:
        return None
    name = "".join(w for w, _, _ in tokens)
    start, end = tokens[0][2], tokens[-1][2] + len(tokens[-1][0])
    if name.count("(") + name.count("（") != name.count(")") + name.count("）"):
        return None
    last_word, last_tag = tokens[-1][0], tokens[-1][1]
    kind = _suffix_kind(name)
    if kind:
        head = [(w, t) for w, t, _ in tokens[:-1] if w not in _BRACKETS]
        if not any(_proper(w, t) for w, t in head) and not (len(tokens) == 1 and last_tag in _PROPER_TAGS):
            return None  # 科技公司, 该公司: a common noun, not a name
        if last_word in _GENERIC_AFTER_PLACE and all(t == "ns" for _, t in head) and not _in_dictionary(name):
            return None  # 中国公司: companies of a country
        return Entity(name, kind, start, end, "suffix")
    if last_tag in _PERSON_TAGS and 2 <= len(last_word) <= 4 and last_word != name and tokens[-2][1] not in _PERSON_TAGS:
        return Entity(last_word, PERSON, tokens[-1][2], end, "tagger")  # 董事长王建华: the title is not the name
    if len(tokens) == 1 and last_tag in _PERSON_TAGS:
        return Entity(name, PERSON, start, end, "tagger") if 2 <= len(name) <= 4 else None
    if last_tag == "nt":
        return Entity(name, ORGANISATION, start, end, "tagger")
    if _proper(tokens[0][0], tokens[0][1]) and all(_proper(w, t) for w, t, _ in tokens[1:-1]) and len(name) >= 2 \
            and (len(tokens) == 1 or _proper(last_word, last_tag) or last_tag == "n"):
        kind = PLACE if last_tag == "ns" else ""
        return Entity(name, kind, start, end, "tagger")  # proper nouns, perhaps with one common noun: 华科智能
    return None


def _in_dictionary(word: str) -> bool:
    from checks.vocab import lexicon

    return lexicon.word_info(word) is not None


def _zh_before(text: str, end: int) -> Entity | None:
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
    i = len(tokens)
    while i > 0 and _name_part(tokens[i - 1][0], tokens[i - 1][1]):
        i -= 1
    run = tokens[i:]
    # the name is the longest tail of the run that reads as one
    for k in range(len(run)):
        entity = _zh_name(run[k:])
        if entity is not None:
            return entity
    return None


def _zh_after(text: str, start: int) -> Entity | None:
    window = text[start:start + _WINDOW]
    m = _CLAUSE_BOUNDARY.search(window)
    if m is not None:
        window = window[:m.start()]
    if not window.strip():
        return None
    tokens = _tokens(window, start)
    j = 0
    while j < len(tokens) and _name_part(tokens[j][0], tokens[j][1]):
        j += 1
    run = tokens[:j]
    # the name is the longest head of the run that reads as one: 华科智能科技有限公司 before 的 or 是
    for k in range(len(run), 0, -1):
        entity = _zh_name(run[:k])
        if entity is not None and (entity.start == start):
            return entity
    return None


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
                     "Communications", "International", "Brewery", "Electric", "Energy", "Software"))
_EN_PLACE = frozenset(("Bridge", "Stadium", "Airport", "Station", "Tower", "Museum", "Park", "Hall", "Theatre",
                       "Theater", "Centre", "Center", "Hospital", "Cathedral", "Canal", "Tunnel", "Dam", "Port",
                       "Gallery", "Library", "Arena", "Palace", "Castle", "Square", "Building", "Mall", "Zoo",
                       "Terminal", "Line", "Railway", "Motorway", "Highway", "Harbour", "Harbor"))
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
    if word.endswith(("'s", "’s")):
        return False
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


def _en_run_before(text: str, end: int) -> list[tuple[str, int]]:
    lo = max(0, end - 120)
    tokens = _en_tokens(text[lo:end], lo)
    run: list[tuple[str, int]] = []
    i = len(tokens) - 1
    while i >= 0:
        word, pos = tokens[i]
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


def names_before(text: str, end: int, lang: str) -> list[Entity]:
    """The name (or list of quoted names) ending at `end`, spaces before `end` allowed; [] when none reads as one."""
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    head = fold_width(text[max(0, end - 200):end])
    offset = max(0, end - 200)
    quoted = _QUOTED_LIST_BEFORE.search(text[offset:end])
    if quoted is not None:
        return _quoted(quoted.group(1), offset + quoted.start(1))
    if lang == "zh":
        entity = _zh_before(text, end)
        return [entity] if entity is not None else []
    if not head or not (head[-1].isalnum() or head[-1] == "."):
        return []
    run = _en_run_before(text, end)
    entity = _en_entity(run, text) if run else None
    if entity is None or entity.end != end and text[entity.end:end].strip(".") != "":
        return []
    return [entity]


def names_after(text: str, start: int, lang: str) -> list[Entity]:
    """The name (or list of quoted names) starting at `start`, spaces after `start` allowed."""
    while start < len(text) and text[start] in " \t":
        start += 1
    quoted = _QUOTED_LIST_AFTER.match(text[start:start + 200])
    if quoted is not None:
        return _quoted(quoted.group(1), start)
    if lang == "zh":
        entity = _zh_after(text, start)
        return [entity] if entity is not None else []
    run = _en_run_after(text, start)
    entity = _en_entity(run, text) if run else None
    return [entity] if entity is not None else []


def language(text: str) -> str:
    """'zh' when the text around a candidate is Chinese, else 'en'."""
    return "zh" if _is_chinese(text) else "en"


def resolve(entity: Entity, article_text: str) -> str:
    """The full name a shortened form stands for in its article (华科智能 -> 华科智能科技有限公司,
    Kowalski -> Maria Kowalski), or the name itself when the article states no such name or more than one."""
    if entity.full and entity.how != "quoted":
        return entity.name
    short = entity.name
    fuller: set[str] = set()
    if _is_chinese(short):
        for m in re.finditer(re.escape(short), article_text):
            tail = _NAME_TAIL.match(article_text, m.end(), m.end() + 24)
            for suffix in _SUFFIX_RE.finditer(article_text, m.end(), tail.end()):
                for candidate in names_before(article_text, suffix.end(), "zh"):
                    if short in candidate.name and candidate.name != short and candidate.full:
                        fuller.add(candidate.name)
    else:
        pattern = re.compile(rf"(?<![A-Za-z]){re.escape(short)}(?![A-Za-z])")
        for m in pattern.finditer(article_text):
            for candidate in names_before(article_text, m.end(), "en") + names_after(article_text, m.start(), "en"):
                words = candidate.name.split()
                if candidate.name != short and len(words) >= 2 and short in words:
                    fuller.add(candidate.name)
    # nested forms (华科智能科技有限公司 in 深圳市华科智能科技有限公司) are one name: keep the fullest
    fullest = {n for n in fuller if not any(n != o and n in o for o in fuller)}
    return fullest.pop() if len(fullest) == 1 else short
