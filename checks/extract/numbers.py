"""Find the numbers a text states: span, value, unit, kind, qualifier and the interval its wording implies.

One bounded regular expression finds number cores (Arabic or Chinese numerals, an
optional range, 万/亿 or million/bn magnitudes, 多/余, a unit); a short look-back
finds the qualifier in front (近, 约, 超过, nearly, more than ...). The interval
widens the stated value by the rounding of its last written digit and by the
qualifier, so later arithmetic never blames a writer for rounding.

Measured before choosing: cn2an's smart mode rejects `1.2万亿`, quantulum3 drops
"nearly"/"more than" and JioNLP is heavy to import; none gives offsets with the
qualifier bounds, so the parser is our own and small.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from checks.ingest.normalize import fold_width
from checks.vocab.quantities import (ENGLISH_FRACTIONS, ENGLISH_TENS, ENGLISH_UNITS, FRACTION_HALF_STEP, MAGNITUDES,
                                    NOT_QUALIFIER, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, TENTHS_HALF_STEP, UNDER_REACH,
                                    half_step, interval)

INF = math.inf


@dataclass(frozen=True, slots=True)  # slots: a run holds every mention of its paragraphs
class Mention:
    start: int
    end: int
    surface: str
    value: float
    low: float
    high: float
    unit: str
    kind: str
    qualifier: str

    def __hash__(self) -> int:
        # (of the fields that tell a text's mentions apart, not of all nine: caches are keyed by mentions; equal
        # mentions still hash equal)
        return hash((self.start, self.end, self.surface))


# --- Chinese numerals -------------------------------------------------------------------------

_CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def chinese_to_number(text: str) -> float | None:
    """三十万 -> 300000, 两 -> 2, 二〇二五 -> 2025; None when the characters do not form a number."""
    if not text:
        return None
    if (len(text) >= 3 or "〇" in text) and all(c in _CN_DIGIT for c in text):
        return float(int("".join(str(_CN_DIGIT[c]) for c in text)))  # digit by digit: 二〇二五
    total, section, digit = 0, 0, None
    last_big = INF
    for char in text:
        if char in _CN_DIGIT:
            if digit is not None and _CN_DIGIT[char] != 0 and digit != 0:
                return None  # 一一
            digit = _CN_DIGIT[char]
        elif char in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[char]
            digit = None
        elif char in _CN_BIG:
            big = _CN_BIG[char]
            section += digit or 0
            digit = None
            if big > last_big:  # 万亿: the 万 section scales with 亿
                total = (total + section) * big
            else:
                total += section * big
                last_big = big
            section = 0
        else:
            return None
    return float(total + section + (digit or 0))


# --- the pattern ------------------------------------------------------------------------------

_AR = r"\d{1,3}(?:,\d{3}){1,4}(?:\.\d{1,8})?|\d{1,15}(?:\.\d{1,8})?"
_CN = r"[一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]{0,11}"
_CN_MAG = r"万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千(?![瓦克米卡帕伏赫])"
_EN_MAG = r"\s?(?:trillion|billion|million|thousand|bln|mln|bn|tn|mn|m|k)(?![A-Za-z])"
_MAG_VALUE = MAGNITUDES

# Units after the number: (regex alternative, normalised unit, kind). Longest first where they share a start.
_UNITS: list[tuple[str, str, str]] = [
    (r"个百分点|百分点|\s?percentage points?|\s?ppts?(?![A-Za-z])", "pp", "percentage_points"),
    (r"个基点|基点|\s?basis points?|\s?bps?(?![A-Za-z])", "bp", "percentage_points"),  # hundredths of a point
    (r"%|\s?per ?cent(?![A-Za-z])|\s?pct?(?![A-Za-z])", "%", "percent"),
    (r"成半", "成半", "percent"),  # 三成半: three and a half tenths, 35%
    (r"成(?![为功立本交员果绩熟长就是了不])", "成", "percent"),  # 三成: tenths, read as percent
    (r"倍|-fold|\s?fold(?![A-Za-z])|\s?times(?![A-Za-z])", "x", "multiple"),
    (r"番", "番", "multiple"),
    (r"美元", "美元", "amount"), (r"欧元", "欧元", "amount"), (r"英镑", "英镑", "amount"),
    (r"\s(?i:U\.S\.\s|US\s|American\s)?(?i:dlrs|dollars?)(?![A-Za-z])", "美元", "amount"),
    (r"\s(?i:stg|sterling|pounds sterling)(?![A-Za-z])", "英镑", "amount"),
    (r"\s(?:euros?)(?![A-Za-z])", "欧元", "amount"), (r"\syen(?![A-Za-z])", "日元", "amount"),
    (r"\s(?:Canadian|Australian|Hong\sKong|Singapore|New\sZealand|Taiwan)\s(?:dlrs|dollars?)(?![A-Za-z])", None,
     "amount"),
    # cents are hundredths of the dollar before them (65 Canadian cents beside 1.90 Canadian dollars; 45 cts vs 1.05 dlrs)
    (r"\s(?:(?:Canadian|Australian|Hong\sKong|Singapore|New\sZealand|Taiwan|U\.S\.|US)\s)?(?:cts|cents)(?![A-Za-z])",
     "cents", "amount"),
    # pence are hundredths of the pound (shares fell 49p to 215p)
    (r"\spence(?![A-Za-z])|p(?![A-Za-z\d])", "pence", "amount"),
    (r"\s(?:marks|francs|lire|rand|yuan|rupees|pesos|crowns|guilders|baht|ringgit)(?![A-Za-z])", None,
     "amount"),
    (r"\s(?:tonnes|tons|barrels|bpd|ounces|bushels|bags|kilos|acres|hectares|lbs|kilowatts|megawatts)(?![A-Za-z])",
     None, "count"),
    (r"日元", "日元", "amount"), (r"港元|港币", "港元", "amount"), (r"元|块钱", "元", "amount"),
    (r"年半", "year+", "duration"), (r"个半月", "month+", "duration"),
    (r"周年|个年头", "year", "duration"), (r"年(?!代|级)", "年", ""),
    (r"\syears?(?![A-Za-z-])", "year", "duration"), (r"\smonths?(?![A-Za-z-])", "month", "duration"),
    (r"个多月|个月", "month", "duration"), (r"月(?:初|底|末|中旬|上旬|下旬|份)?", "月", "date"),
    (r"日|号(?![码楼线])", "日", "date"), (r"天", "day", "duration"),
    (r"个小时|小时", "hour", "duration"), (r"分钟", "minute", "duration"), (r"周(?![一二三四五六日末边])", "week", "duration"),
    (r"岁", "岁", "count"), (r"个?点(?![钟半多])", "点", "count"), (r"大(?=[\u4e00-\u9fff])", "大", "count"),
    (r"省区|省市|省(?![份钱力心去])|地(?![区方产址点铁])|国(?![家内际有企债])", None, "count"),
    (r"千瓦时|万千瓦|千瓦|兆瓦|吉瓦|瓦", None, "count"),
    (r"平方公里|平方米|立方米|公里|千米|厘米|毫米|米|公顷|亩", None, "count"),
    (r"公斤|千克|克|吨|斤", None, "count"),
    (r"EFLOPS|PFLOPS|TWh|GWh|kWh|GW|MW|kW|Token|tokens?", None, "count"),
    (r"比特(?!币)|个|家|只|名|人|位|件|项|台|辆|次|所|座|条|篇|款|种|届|场|批|株|头|架|艘|户|例|份|套|部|张|本|支|颗|枚|间|栋|层|票|股|胎|崽|起|期|轮|组|类|处|道|首|幅|集|笔|宗|单|把"
     r"|(?<![一另])方面|市(?![场值民县委区政况盈])", None, "count"),
]
_UNIT_RE = "|".join(f"(?:{alt})" for alt, _, _ in _UNITS).replace(" ", "[ ]")  # the pattern is verbose
_UNIT_ONE = [re.compile(alt) for alt, _, _ in _UNITS]

def _from_first_characters(first: str, body: str, flags: int = 0) -> re.Pattern:
    """`body` found from a class of the characters it can start with (`first`, spelled out in every case it may take).

    `re` passes over the places no match can start at C speed only when a pattern starts with a character, and no
    case folding of letters (one that starts with a look-around is tried at every place): so the body is read in a
    look-ahead from that character. A match is that one character; the group `stop` marks where the body ends, and
    `_found` searches on from there, as `finditer` would over the body."""
    return re.compile(rf"[{first}](?<=(?=(?:{body})(?P<stop>)).)", flags)


def _found(pattern: re.Pattern, text: str) -> list[re.Match]:
    """The matches of a `_from_first_characters` pattern in the text, in order, none inside the one before."""
    out, pos, search = [], 0, pattern.search
    while (m := search(text, pos)) is not None:
        out.append(m)
        pos = m.end("stop")
    return out


# A number core, from its first character (found with `_from_first_characters`).
_CORE_AT = rf"""
    (?=[\d一二两三四五六七八九十$£€¥￥]|US\$|HK\$|RMB)  # a cheap first-character test
    (?P<cur>US\$|HK\$|\$|£|€|¥|￥|RMB\s?)?
    (?:(?P<ar1>{_AR})|(?<![〇零一二两三四五六七八九十百千万亿])(?P<cn1>{_CN}))
    (?P<more1>多|余)?
    (?P<mag1>{_CN_MAG}|{_EN_MAG})?
    (?P<u1>%|倍|个百分点|(?:元|美元|欧元|英镑|日元|港元|吨|辆|人|家|股|份|户|只|个|点)(?=\s?(?:至|到|~|–|—)\s?\d))?
    (?:\s?(?P<sep>至|到|~|-|–|—)\s?(?P<cur2>US\$|\$|£|€)?(?:(?P<ar2>{_AR})|(?P<cn2>{_CN}))(?P<mag2>{_CN_MAG}|{_EN_MAG})?)?
    (?P<more>多|余)?
    (?P<unit>(?:[ ](?=[\u4e00-\u9fff]))?(?:{_UNIT_RE}))?
    (?P<tail>以上|以下|左右|上下|多(?![了出于]))?  # (A多了D, A多出D: the verb 多, not "more than A")
    """
_CORE = _from_first_characters(r"\d一二两三四五六七八九十$£€¥￥UHR", _CORE_AT, re.X)

_BEFORE = re.compile(r"[A-Za-z0-9_.\-/]$")
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-/:")
_ONE_IN_WORD = frozenset("统唯同单均专划整归合逐之不万如另")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_CLOCK_AFTER = re.compile(r":\d|\s?(?:GMT|BST|EST|UTC|am|pm)\b")
_EN_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|from|by|until|till|before|after|between|of|and|to|early|late|mid|"
                             r"January|February|March|April|May|June|July|August|September|October|November|"
                             r"December)[ -]|-|\b(?:born|founded|established|incorporated|b\.)\s)$", re.I)
# A year hyphened to its event: the 1998-founded firm, the 1961-born author.
_EN_YEAR_AFTER = re.compile(r"-(?:founded|established|born|built)\b")
_PER_SHARE = re.compile(r"\s+(?:a|per)\s+(?:share|shr)\b", re.I)
_FROM_BEFORE = re.compile(r"[从由][^，。；,;]{0,10}$")

_PREFIX_QUALIFIER = dict(PREFIX_QUALIFIERS)
_PREFIX_REACH = 16  # how far before a figure its qualifier is looked for
# The lengths of the qualifiers that end in each character (either case), longest first: a figure's qualifier is
# the longest of them that the text before it ends with (a dictionary look-up per length, no pattern search).
_PREFIX_LENGTHS: dict[str, list[int]] = {}
for _word, _ in PREFIX_QUALIFIERS:
    if len(_word) <= _PREFIX_REACH:
        for _last in {_word[-1], _word[-1].upper()}:
            _PREFIX_LENGTHS.setdefault(_last, []).append(len(_word))
_PREFIX_LENGTHS = {last: sorted(set(lengths), reverse=True) for last, lengths in _PREFIX_LENGTHS.items()}
_TAIL = SUFFIX_QUALIFIERS


_EN_MULTIPLE_VALUE = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}


_DATE = _from_first_characters(
    "12一二〇零",
    r"(?P<y>(?:1[5-9]|20)\d{2}|[一二〇零][〇零一二三四五六七八九]{3})年"
    r"(?:(?P<season>初|底|末|中|上半年|下半年|第?[一二三四1-4]季度)|(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
    r"(?:(?P<mpart>初|底|末|中旬|上旬|下旬|份)|(?P<d>3[01]|[12]\d|0?[1-9])[日号])?)?"
)
# Three rarer forms, each scanned only where the words it needs occur (they never overlap one another): English verbs
# of multiples, 半年/半个月 (found from 半: a pattern that starts with a character is found at C speed), and days
# without a year (1月28日).
_MULTIPLE_VERB = re.compile(r"(?P<verb>(?<![A-Za-z])(?:[Dd]oubled|[Tt]ripled|[Tt]rebled|[Qq]uadrupled|[Hh]alved)"
                            r"(?![A-Za-z]))")
_MULTIPLE_VERB_ENDS = ("oubled", "ripled", "rebled", "upled", "alved")
_HALF_PERIOD = re.compile(r"半(?<![一二两三四五六七八九十\d上下前后]半)(?P<half>年|个月)")
# (a day is found from its 月, then its month is read before it: a pattern that starts with a character is found at
# C speed, where one that starts with a look-behind is tried at every place)
_DAY_OF_MONTH = re.compile(r"月(?:3[01]|[12]\d|0?[1-9])[日号]")
_MONTH_BEFORE = re.compile(r"(?<![\d年])(?:1[0-2]|0?[1-9])")


def trie_pattern(words) -> str:
    """An alternation of words as a prefix tree (t(?:wo|hree|en)...): re tries far fewer branches per position."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return walk(tree)


_EN_NUMBER = ("(?:" + trie_pattern(ENGLISH_TENS) + ")(?:[- ](?:" +
              trie_pattern(w for w in ENGLISH_UNITS if ENGLISH_UNITS[w] < 10) + "))?|" + trie_pattern(ENGLISH_UNITS))
_CN_DIGITS = "一二两三四五六七八九十"
# Numbers written as words, in one pass: English number words with what they count (six pct, fivefold, three
# companies), English fractions (a third of, two-thirds, two in five, the majority of), Chinese shares (一半, 过半, 百分之三十,
# 四分之一) and doubling (翻倍). Only where words appear at all, and from the characters they can start with (the
# English ones are found with `_from_first_characters`: read with case folding, which folds ſ to s).
_WORDS_EN = _from_first_characters("OoTtFfSsſEeNnHhAa\\d", "(?i:" +
    rf"\b(?=(?i:on|tw|thr|thi|te|fo|fi|si|se|ei|el|ni|ha|a\s[tqhf]|one-|two-|the\s[mvl]|a\s[mvl])"
    rf"|\d{{1,3}}(?:st|nd|rd|th)\s)"
    rf"(?:(?P<majority>(?:the|a)\s+(?:vast\s+|large\s+|slim\s+|narrow\s+|small\s+)?majority)(?=\s+of\b)|"
    rf"(?:(?<!-)(?:(?<!first )(?<!second )(?<!latter )(?<!former )(?<!third )(?<!fourth )"
    rf"(?P<frac>{trie_pattern(ENGLISH_FRACTIONS)})(?=\s+(?:of|from|to|in|on|for|by|said|say|were|was|are|is|came|went|go|goes|come|comes|have|had|has|own|owned|"
    rf"live|lived|work|worked|voted|backed|supported|opposed|think|thought|believe|believed|expect|expected|want|wanted)\b"
    rf"|\s*[,.;])"
    rf"|(?P<num>{_EN_NUMBER})(?:\s+in\s+(?P<den>{_EN_NUMBER}))?"
    rf"(?P<mag>\s+(?:million|billion|thousand|mln|bn))?"
    rf"(?P<unit>-?fold|\s+times|\s+percentage\s+points?|\s+per\s?cent|\s+pct|%|\s+years?|\s+months?)?)(?![A-Za-z])"
    rf"|(?P<nth>\d{{1,3}})(?:st|nd|rd|th)(?=\s+anniversary))))")
_WORDS_ZH = re.compile(
    rf"(?P<half>一半|[过近]半数?|半壁江山)|(?P<doubling>翻倍|翻番)"
    rf"|百分之(?P<pct>[{_CN_DIGITS}百零点]+)"
    rf"|(?P<cnden>[{_CN_DIGITS}]+)分之(?P<cnnum>[{_CN_DIGITS}]+)"
)
_LATIN = re.compile(r"[A-Za-z]{2}")


def _english_number(words: str) -> float | None:
    parts = re.split(r"[- ]", words.lower())
    if len(parts) == 2:
        return float(ENGLISH_TENS[parts[0]] + ENGLISH_UNITS[parts[1]])
    return float(ENGLISH_TENS.get(parts[0]) or ENGLISH_UNITS[parts[0]])


def _word_mentions(folded: str, text: str, latin: bool) -> list[Mention]:
    """Numbers written as words: see _WORDS_EN and _WORDS_ZH, each scanned only where its script appears."""
    out = []
    matches = []
    if latin:
        matches.extend(_found(_WORDS_EN, folded))
    if "半" in folded or "分之" in folded or "翻" in folded:
        matches.extend(_WORDS_ZH.finditer(folded))
    for m in matches:
        mention = _word_mention(folded, text, m)
        if mention is not None:
            out.append(mention)
    return out


def _word_mention(folded: str, text: str, m: re.Match) -> Mention | None:
    start, end = m.start(), m.end(m.re.groupindex.get("stop", 0))  # (the English words are found from their first)
    qualifier, q_start = _prefix(folded, start)
    g = m.groupdict()
    if g.get("majority"):  # the majority of: more than half, up to the whole
        return _make(text, start, end, 50.0, 50.0, 100.0, "%", "percent", "over")
    if g.get("frac") or g.get("den"):
        if m.group("frac"):
            value = ENGLISH_FRACTIONS[re.sub(r"\s+", " ", m.group("frac").lower())]
        else:
            value = 100 * _english_number(m.group("num")) / _english_number(m.group("den"))
            if m.group("unit") or m.group("mag"):
                return None
        low, high = interval(value, FRACTION_HALF_STEP, qualifier)
        return _make(text, q_start, end, value, low, high, "%", "percent", qualifier)
    if g.get("num"):
        value = _english_number(m.group("num"))
        unit_text = (m.group("unit") or "").strip().lower()
        if value == 1 and not unit_text:
            return None  # "one" is mostly a pronoun or an article
        mag = MAGNITUDES[m.group("mag").strip().lower()] if m.group("mag") else 1.0
        low, high = interval(value, 0.5 if unit_text else 0.0, qualifier)
        if "year" in unit_text or "month" in unit_text:
            unit, kind = ("year" if "year" in unit_text else "month"), "duration"
            low, high = value - 0.5, value + 0.5
        elif "fold" in unit_text or "times" in unit_text:
            unit, kind = "x", "multiple"
        elif "point" in unit_text:
            unit, kind = "pp", "percentage_points"
        elif unit_text:
            unit, kind = "%", "percent"
        else:
            unit, kind = "", "count"
        return _make(text, q_start, end, value * mag, low * mag, high * mag, unit, kind, qualifier)
    if g.get("half"):
        if folded[end:end + 1] and folded[end:end + 1] in "年天小个月日旬周世":
            return None  # 一半年? 过半天, 近半个月: not a share
        qualifier = {"过": "over", "近": "under", "半": "approx"}.get(m.group("half")[0]) \
            or qualifier or _TAIL.get(folded[end:end + 2], "")  # (半壁江山: about half)
        stop = end + (2 if _TAIL.get(folded[end:end + 2]) else 0)
        low, high = interval(50.0, FRACTION_HALF_STEP, qualifier)
        return _make(text, q_start, stop, 50.0, low, high, "%", "percent", qualifier)
    if g.get("nth"):  # the 52nd anniversary: 52 years
        value = float(m.group("nth"))
        return _make(text, start, end, value, value - 0.5, value + 0.5, "year", "duration", "")
    if g.get("doubling"):  # 翻倍: doubled
        return _make(text, q_start, end, 2.0, 2.0, 2.0, "x", "multiple", qualifier)
    if g.get("pct"):
        value = chinese_to_number(m.group("pct").split("点")[0])
        if value is None:
            return None
        low, high = interval(value, 0.5, qualifier)
        return _make(text, q_start, end, value, low, high, "%", "percent", qualifier)
    den, num = chinese_to_number(m.group("cnden")), chinese_to_number(m.group("cnnum"))
    if not den or num is None or num > den:
        return None
    value = 100 * num / den
    low, high = interval(value, FRACTION_HALF_STEP, qualifier)
    return _make(text, q_start, end, value, low, high, "%", "percent", qualifier)


def _extras(folded: str, text: str, latin: bool) -> list[Mention]:
    """Verbs of multiples, half years and months, days without a year: each pattern where its words occur."""
    out = []
    if latin and any(end in folded for end in _MULTIPLE_VERB_ENDS):
        out.extend(_extra(text, m) for m in _MULTIPLE_VERB.finditer(folded))
    if "半" in folded:
        out.extend(_extra(text, m) for m in _HALF_PERIOD.finditer(folded))
    if "月" in folded:
        out.extend(_make(text, start, end, math.nan, math.nan, math.nan, "day", "date", "")
                   for start, end in _month_days(folded))
    return out


def _month_days(folded: str) -> list[tuple[int, int]]:
    """Spans of the days stated with their month and no year (1月28日, 12月3号)."""
    out = []
    for m in _DAY_OF_MONTH.finditer(folded):
        at = m.start()
        for start in (at - 2, at - 1):  # a month of two digits, else of one
            if start >= 0 and _MONTH_BEFORE.fullmatch(folded, start, at):
                out.append((start, m.end()))
                break
    return out


def _extra(text: str, m: re.Match) -> Mention:
    groups = m.re.groupindex
    if "verb" in groups:
        v = _EN_MULTIPLE_VALUE[m.group("verb").lower()]
        qualifier, start = _prefix(fold_width(text[max(0, m.start() - 16):m.start()]), min(16, m.start()))
        start = m.start() - (min(16, m.start()) - start)
        high = INF if qualifier in ("over", "at_least") else v
        low = (1 - UNDER_REACH) * v if qualifier == "under" else v
        return _make(text, start, m.end(), v, low, high, "x", "multiple", qualifier)
    return _make(text, m.start(), m.end(), 0.5, 0.25, 0.75, "year" if m.group("half") == "年" else "month",
                 "duration", "")


def _number(ar: str | None, cn: str | None) -> tuple[float, float] | None:
    """The value and the half-step of its last written digit (the rounding it implies)."""
    if ar:
        return float(ar.replace(",", "")), half_step(ar)
    value = chinese_to_number(cn or "")
    return (value, 0.0) if value is not None else None


@lru_cache(maxsize=4096)
def _unit_of(text: str) -> tuple[str, str]:
    """The normalised unit and the kind of a unit's text (cached: units are few)."""
    for (alt, unit, kind), one in zip(_UNITS, _UNIT_ONE):
        if one.fullmatch(text):
            if unit is None:
                unit = re.sub(r"\s+", " ", text.strip())
                unit = re.sub(r"\b(?:dlrs|dollar)$", "dollars", unit)  # Canadian dlrs and Canadian dollars: one unit
            return unit, kind
    return text.strip(), "count"


def _dollars_of(cents_text: str) -> str:
    """The dollar unit that cents are hundredths of: 美元 (US), or the named country's dollars."""
    country = cents_text.strip().rsplit(" ", 1)[0] if " " in cents_text.strip() else ""
    return "美元" if country in ("", "U.S.", "US") else re.sub(r"\s+", " ", country) + " dollars"


def _prefix(text: str, start: int) -> tuple[str, int]:
    """The qualifier written just before `start`, and where it begins."""
    lengths = _PREFIX_LENGTHS.get(text[start - 1]) if start else None
    if lengths is not None:
        for n in lengths:
            word = text[start - n:start] if n <= start else ""
            qualifier = _PREFIX_QUALIFIER.get(word.lower())
            if qualifier is not None:
                if start > n and text[start - n - 1] in NOT_QUALIFIER.get(word, ""):
                    return "", start  # 签约14439套: 约 ends a word here, it qualifies nothing
                return qualifier, start - n
    return "", start


def _bounds(value: float, half: float, qualifier: str, more: bool) -> tuple[float, float]:
    """The interval the wording implies, before applying the magnitude."""
    return interval(value, half, qualifier, more)


# A frozen dataclass's __init__ sets each field through object.__setattr__; a paragraph's mentions are made by
# setting the slots directly instead (half the cost, the same object).
_NEW = object.__new__
_SET = tuple(getattr(Mention, f.name).__set__ for f in fields(Mention))


def _make(text, start, end, value, low, high, unit, kind, qualifier) -> Mention:
    m = _NEW(Mention)
    s_start, s_end, s_surface, s_value, s_low, s_high, s_unit, s_kind, s_qualifier = _SET
    s_start(m, start)
    s_end(m, end)
    s_surface(m, text[start:end])
    s_value(m, float(value))
    s_low(m, float(low))
    s_high(m, float(high))
    s_unit(m, unit)
    s_kind(m, kind)
    s_qualifier(m, qualifier)
    return m


# English calendar dates with a year: "March 1998", "5 May 2001", "May 5, 2001", "Sept. 2004", "late 2004",
# "the end of 2004", "the first quarter of 2005". A bare year ("in 1971") stays a year mention.
_EN_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
              "nov": 11, "dec": 12}
_EN_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
             r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_EN_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_EN_YEAR = r"(?:1[5-9]|20)\d{2}(?![\d%]|s\b)"  # not 1980s, a decade
_EN_YEAR_DIGITS = re.compile(r"(?:1[5-9]|20)\d\d")  # every English date has them: a paragraph without is not scanned
_EN_DAY_BEFORE = re.compile(rf"(?<![A-Za-z0-9.,])({_EN_DAY})\s+$")
_EN_PARTS = {"early": (0, 4 / 12), "late": (8 / 12, 1), "mid": (4 / 12, 8 / 12), "start": (0, 2 / 12),
             "beginning": (0, 2 / 12), "end": (10 / 12, 1), "middle": (4 / 12, 8 / 12),
             "first quarter": (0, 0.25), "second quarter": (0.25, 0.5), "third quarter": (0.5, 0.75),
             "fourth quarter": (0.75, 1), "first half": (0, 0.5), "second half": (0.5, 1)}
_EN_DATE = _from_first_characters(
    "JFMASONDEeLlMmTtBbSs",  # a letter first: Chinese text is passed over at once
    rf"(?<![A-Za-z0-9])(?:"
    rf"(?P<mon>{_EN_MONTH})(?:\s+(?P<d2>{_EN_DAY}))?,?\s+(?P<y>{_EN_YEAR})"
    rf"|(?P<part>[Ee]arly|[Ll]ate|[Mm]id-?|(?:[Tt]he\s+)?(?:start|beginning|end|middle|(?:first|second|third|fourth)"
    rf"\s+quarter|(?:first|second)\s+half)\s+of)\s*(?P<py>{_EN_YEAR}))"
)


def _en_date_mentions(folded: str, text: str) -> list[Mention]:
    """English dates with a year, as decimal years like the Chinese ones: "March 1998" -> [1998.17, 1998.25]."""
    out: list[Mention] = []
    for m in _found(_EN_DATE, folded):
        if m.group("part"):
            part = re.sub(r"^the\s+|\s+of$|-$", "", m.group("part").lower())
            part = re.sub(r"\s+", " ", part)
            y = float(m.group("py"))
            lo, hi = _EN_PARTS[part]
            out.append(_make(text, m.start(), m.end("stop"), y + (lo + hi) / 2, y + lo, y + hi, "year", "date", ""))
            continue
        start = m.start()
        d1 = _EN_DAY_BEFORE.search(folded, max(0, start - 8), start)  # "5 May 2001": the day before the month
        if d1 and m.group("d2"):
            continue  # "5 May 6, 2001" is no date
        y = float(m.group("y"))
        month = _EN_MONTHS[m.group("mon")[:3].lower()]
        lo, hi, unit = y + (month - 1) / 12, y + month / 12, "month"
        day = (d1.group(1) if d1 else None) or m.group("d2")
        if d1:
            start = d1.start()
        if day:
            lo = lo + (int(re.match(r"\d+", day).group(0)) - 1) / 365
            hi, unit = lo + 1 / 365, "day"
        out.append(_make(text, start, m.end("stop"), (lo + hi) / 2, lo, hi, unit, "date", ""))
    return out


def _date_mentions(folded: str, text: str, latin: bool) -> list[Mention]:
    """Dates with a year: 2025年6月底 -> decimal years [2025.47, 2025.5]; 1956年 -> a year; and English dates
    (each scanned only where it can occur: English ones need letters and the digits of a year, Chinese ones 年)."""
    out = _en_date_mentions(folded, text) if latin and _EN_YEAR_DIGITS.search(folded) else []
    if "年" not in folded:
        return out
    for m in _found(_DATE, folded):
        if _BEFORE.search(folded[max(0, m.start() - 1):m.start()]):
            continue
        year = _number(m.group("y") if m.group("y").isdigit() else None, None if m.group("y").isdigit() else m.group("y"))
        if year is None:
            continue
        y = year[0]
        if m.group("m") is None:
            season = m.group("season") or ""
            quarter = "一二三四1234".find(season[-3]) % 4 if season.endswith("季度") else -1
            span = {"初": (0, 2 / 12), "底": (10 / 12, 1), "末": (10 / 12, 1), "中": (4 / 12, 8 / 12),
                    "上半年": (0, 0.5), "下半年": (0.5, 1)}.get(season, (quarter / 4, (quarter + 1) / 4) if quarter >= 0
                                                             else (0, 1))
            kind, unit = ("year", "year") if not season else ("date", "year")
            value = y if kind == "year" else y + (span[0] + span[1]) / 2
            out.append(_make(text, m.start(), m.end("stop"), value, y + span[0], y + span[1], unit, kind, ""))
            continue
        month_text = m.group("m")
        month = int(month_text) if month_text.isdigit() else chinese_to_number(month_text)
        lo, hi = y + (month - 1) / 12, y + month / 12
        part = m.group("mpart") or ""
        if part in ("初", "上旬"):
            hi = lo + 1 / 36
        elif part in ("底", "末", "下旬"):
            lo = hi - 1 / 36
        elif part == "中旬":
            lo, hi = lo + 1 / 36, lo + 2 / 36
        unit = "month"
        if m.group("d"):
            day = int(m.group("d"))
            lo = lo + (day - 1) / 365
            hi = lo + 1 / 365
            unit = "day"
        out.append(_make(text, m.start(), m.end("stop"), (lo + hi) / 2, lo, hi, unit, "date", ""))
    return out


def find_mentions(text: str, folded: str | None = None) -> list[Mention]:
    """Every number the text states, in order of position; offsets are offsets into `text`.

    `folded` is `fold_width(text)` when the caller has it already (a batch folds all its texts at once).
    Each pattern is run only where its first characters occur (English words and dates need two letters in a
    row, Chinese dates 年, the rarer forms of _extras letters, 半 or 月): most paragraphs need only the core scan."""
    if folded is None:
        folded = fold_width(text)
    latin = _LATIN.search(folded) is not None
    found = _date_mentions(folded, text, latin)
    found.extend(_extras(folded, text, latin))
    found.extend(_word_mentions(folded, text, latin))
    # the positions dates and words already took (most paragraphs have none)
    taken = {i for m in found for i in range(m.start, m.end)} if found else _NOTHING_TAKEN
    _scan(folded, text, 0, len(folded), taken, found)
    if len(found) > 1:
        found.sort(key=_position)
        return _drop_overlaps(found)
    return found


_NOTHING_TAKEN: frozenset = frozenset()


def _negative(folded: str, start: int) -> bool:
    """-5.7% in （-5.7%） or 为-3%: a minus sign, not a hyphen inside a name or a range."""
    return start > 0 and folded[start - 1] == "-" and (start < 2 or folded[start - 2] not in _NAME_CHARS)


def _negated(m: Mention, text: str) -> Mention:
    return _make(text, m.start - 1, m.end, -m.value, -m.high, -m.low, m.unit, m.kind, m.qualifier)


def _scan(folded: str, text: str, pos: int, endpos: int, taken: set, found: list) -> None:
    """Read number cores between pos and endpos, skipping the positions dates already took (each search from the
    end of the core before, as `finditer` would: a match of `_CORE` is one character, its core ends at `stop`)."""
    search = _CORE.search  # (as `_found`, between pos and endpos)
    while (m := search(folded, pos, endpos)) is not None:
        pos = m.end("stop")
        start = m.start()
        if start in taken:
            continue
        mention = _from_core(folded, text, m)
        if mention is not None and start and folded[start - 1] == "-" and mention.start == start \
                and _negative(folded, start):
            mention = _negated(mention, text) if mention.kind in ("percent", "percentage_points", "amount",
                                                                  "count") else None
        if mention is not None and mention.kind == "amount" and _PER_SHARE.match(folded, mention.end):
            mention = replace(mention, unit=mention.unit + " a share")  # 30 cts a share: per share, not in total
        if mention is not None:
            found.append(mention)
            if m.start() < mention.end < pos:  # a range that was a change (从3%到5%): read on
                _scan(folded, text, mention.end, pos, taken, found)


def _position(m: Mention) -> tuple[int, int]:
    return m.start, m.end


def _drop_overlaps(found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


# _CORE's groups in order: _from_core unpacks them from one tuple (a dict per match cost more than its reading)
_CORE_GROUPS = ("cur", "ar1", "cn1", "more1", "mag1", "u1", "sep", "cur2", "ar2", "cn2", "mag2", "more", "unit", "tail",
                "stop")
assert tuple(sorted(_CORE.groupindex, key=_CORE.groupindex.get)) == _CORE_GROUPS
_CURRENCY_UNITS = {"US$": "美元", "$": "美元", "HK$": "港元", "£": "英镑", "€": "欧元"}


def _from_core(folded: str, text: str, m: re.Match) -> Mention | None:
    cur, ar1, cn, more1, mag1, u1, sep, _, ar2, cn2, mag2, more2, unit_g, tail, _ = m.groups()
    start, end = m.start(), m.end("stop")
    if cn and not (unit_g or u1 or mag1 or more2 or "万" in cn or "亿" in cn):
        return None  # a bare 一 or 十 is a word (一些, 十分), not a number
    before = folded[start - 1] if start else ""
    if cn == "一" and before and before in _ONE_IN_WORD:
        return None  # 统一部署, 唯一一个: 一 is part of a word
    if before and before in _NAME_CHARS and not cur and not _negative(folded, start):
        return None  # A100, v2.5, 10/20: part of a name or code
    if not unit_g and _CLOCK_AFTER.match(folded, end, end + 5):
        return None  # 11:00, 1200 GMT: a clock time
    if end < len(folded) and not unit_g and not mag1 and folded[end - 1:end].isdigit() \
            and _ASCII_LETTER.match(folded, end):
        return None  # 5G, 3D, 4K: a name, not a number
    number = _number(ar1, cn)
    if number is None:
        return None
    value, half = number
    unit_text = unit_g or ""
    if unit_text[:1] == " " and "\u4e00" <= unit_text[1:2] <= "\u9fff":
        unit_text = unit_text[1:]  # 2033.08 点: a space before a Chinese unit
    if cn and cn[-1] in "万亿" and len(cn) == 1:
        return None
    u1 = u1 or ""
    if u1 and not sep:  # "30%" alone: the unit is u1
        unit_text, end = u1, m.end("u1")
    mag_text = (mag1 or "").strip()
    mag = _MAG_VALUE.get(mag_text.lower() if mag_text.isascii() else mag_text, 1.0)
    if mag_text in ("m", "k") and not cur and _unit_of(unit_text)[1] != "amount":
        return None  # "5m" may be metres or minutes; only money ($5m, 76.6m euros) says million
    more = bool(more1 or more2 or tail == "多")
    qualifier = _TAIL.get(tail, "") if tail else ""
    if more:
        qualifier = "over"
    prefix_q, start_with_prefix = _prefix(folded, start)
    if prefix_q and not qualifier:
        qualifier = prefix_q
    if prefix_q:
        start = start_with_prefix
    unit, kind = _unit_of(unit_text) if unit_text else ("", "count")
    currency = cur.strip() if cur else ""
    if currency:
        unit, kind = _CURRENCY_UNITS.get(currency, "元"), "amount"
    if unit == "成":  # 三成 = 30%, standing for 25% to 35%
        value, half, mag, unit = value * 10, TENTHS_HALF_STEP, 1.0, "%"
    elif unit == "成半":  # 三成半 = 35%, to within a half of its half tenth
        value, half, mag, unit = value * 10 + 5, FRACTION_HALF_STEP, 1.0, "%"
    if start and (folded[start - 1] == "第" or folded[max(0, start - 2):start] == "第 "):
        return _make(text, start - (2 if folded[start - 2:start] == "第 " else 1), end, value, value, value,
                     unit, "ordinal", "")
    if unit == "year+" or unit == "month+":
        unit, kind, value, half = unit[:-1], "duration", value + 0.5, 0.25
    if unit == "年":
        is_year = ar1 and len(ar1) == 4 and 1000 <= value <= 2100 and not qualifier and not more
        unit, kind = ("year", "year") if is_year else ("year", "duration")
        if kind == "year":
            return _make(text, start, end, value, value, value + 1, unit, kind, "")
    if unit in ("月", "日"):
        if more or qualifier or value > (12 if unit == "月" else 31) or value < 1:
            return None
        return _make(text, start, end, value, value, value, "month" if unit == "月" else "day", "date", "")
    if unit == "bp":  # 25个基点, 25 basis points: a quarter of a percentage point
        value, half = value / 100, half / 100
    if unit == "pence":
        value, half, unit = value / 100, half / 100, "英镑"
    if unit == "cents":
        value, half, unit = value / 100, half / 100, _dollars_of(unit_text)
    if kind == "percentage_points":
        unit = "pp"
    if unit == "" and kind == "count" and ar1 and len(ar1) == 4 and 1800 <= value <= 2100 \
            and not (qualifier or more or mag_text or currency) and (
                _EN_YEAR_BEFORE.search(folded[max(0, start - 15):start]) or _EN_YEAR_AFTER.match(folded, end)):
        return _make(text, start, end, value, value, value + 1, "year", "year", "")  # in 2004, born 1961, 1998-founded
    if not sep:
        return _single(text, m, start, value, half, mag, qualifier, unit, kind, more)
    if _FROM_BEFORE.search(folded[max(0, start - 12):start]):
        return _single(text, m, start, value, half, mag, qualifier, unit, kind, more)  # 从A到B: a change
    if u1 and unit_text and _unit_of(u1)[0] != _unit_of(unit_text)[0]:
        return _single(text, m, start, value, half, mag, qualifier, *_unit_of(u1), more)  # 20%至80亿元
    second = _number(ar2, cn2)
    if second is None or second[0] < value:
        return None if sep in "至到" and second is None else _single(
            text, m, start, value, half, mag, qualifier, unit, kind, more)
    mag2_text = (mag2 or "").strip()
    mag2 = _MAG_VALUE.get(mag2_text.lower() if mag2_text.isascii() else mag2_text, mag)
    if not mag1 and mag2_text:
        mag = mag2
    if not unit_text and u1:
        unit, kind = _unit_of(u1)
    if sep in "-–—" and not (unit_text or u1):
        return None  # 2024-2025 or 010-1234: not a stated range
    return _make(text, start, end, value * mag, (value - half) * mag, (second[0] + second[1]) * mag2,
                 unit, kind, qualifier)


def _single(text, m, start, value, half, mag, qualifier, unit, kind, more) -> Mention:
    """One number of a core match (its range, if any, did not parse)."""
    end = m.end("stop")
    cur, ar1, cn, more1, mag1, u1, sep, _, ar2, cn2, mag2, more2, unit_g, tail, _ = m.groups()
    if sep:  # the range did not parse: keep the first number only
        end = m.end("u1") if u1 else (m.end("mag1") if mag1 else m.end("ar1") if ar1 else m.end("cn1"))
        unit, kind = _unit_of(u1) if u1 else ("", "count")
    elif u1 and unit_g:
        end = m.end("u1")  # 14.5%位于中国: the unit is the %, 位 begins the next word
    low, high = _bounds(value, half, qualifier, more)
    if kind == "duration" and not qualifier and not more and half == 0.0:
        low, high = value - 0.5, value + 0.5  # 三年: spoken durations round to the unit
    return _make(text, start, end, value * mag, low * mag, high * mag, unit, kind, qualifier)
