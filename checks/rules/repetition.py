"""Repetition rules: a word or phrase doubled by mistake (REP001) and Gopher-style repetition
statistics per article (REP002).

Both are functions of one article's paragraphs (`paragraph_doublings`, `gopher_statistics`), so
an engine can run them per article partition.
"""
from __future__ import annotations

import re
from collections import Counter, namedtuple

import numpy as np
import pandas as pd

from checks.model import Hit
from checks.rules.base import rule
from checks.rules.grouping import by_article, in_position_order
from checks.similarity.hashing import _mix, codes_of, text_chunks
from checks.vocab import lexicon
from checks.vocab.scripts import HAN, han_mask

_WORD = re.compile(r"(?<![\w.,'-])(?:[A-Za-z]+(?:'[A-Za-z]+)?|\d+(?:[.,]\d+)*)(?![\w'-])")
# "more and more", "again and again", "day after day", "side by side": X-joiner-X idioms, where X is one
# of these words or a comparative ("bigger and bigger").
ENGLISH_JOINERS = frozenset({"and", "or", "by", "after", "to", "upon"})
ENGLISH_IDIOM_WORDS = frozenset(
    "more less again over on round around through up down out by time day week month year side one step little "
    "bit face back door hand arm neck head inch piece word".split())
_GAP = re.compile(r"[ \t]+")
# Two words with only spaces between (a word ends and starts with a letter or digit): no text without
# them holds a doubled word.
_WORDS_SIDE_BY_SIDE = re.compile(r"[A-Za-z0-9][ \t]+[A-Za-z0-9]")
# English words that stand doubled in correct grammar or idiom ("that that", "had had", "bye bye").
ENGLISH_LEGIT_DOUBLES = frozenset({"that", "had", "is", "bye", "so", "very", "no", "yes", "ha", "knock", "tut", "now"})
# English closed-class words: capitalised, they start a sentence, not a name, so "The The" is a slip
# while a capitalised word of any other kind written twice is a name (Duran Duran, Bora Bora).
ENGLISH_FUNCTION_WORDS = frozenset(
    "a an the this that these those and or but nor so for yet of to in on at by with from as into onto upon "
    "about over under after before than then if when while because it its he she they we you i his her their "
    "our your my is are was were be been being has have had do does did will would shall should can could "
    "may might must not no there here".split())
# jieba part-of-speech tags of the word classes Chinese never reduplicates: particles (的, 了, 着, 地,
# 得, 过, 等), prepositions (在, 对, 把), conjunctions (和, 与, 或), pronouns (这, 其), modal particles
# (吗, 呢), adverbs (都, 也, 就; the reduplicated adverbs 常常, 刚刚, 渐渐 are dictionary words of
# their own) and suffixes (们). A character of these classes written twice, each standing as a word of
# its own, is a slip; verbs (看看), adjectives (高高), nouns (人人), measure words (个个), numerals and
# names (晓晓) reduplicate, so a single character of theirs written twice is never reported.
NON_REDUPLICATING_TAGS = frozenset({"u", "uj", "ul", "uz", "ug", "ud", "uv", "p", "c", "r", "y", "d", "k"})
# A two-character verb said twice asks for a brief or tentative try (研究研究, 商量商量) after these
# words of wish, request or suggestion, or before 吧 / 一下 / 看; elsewhere a doubled verb is a slip.
TENTATIVE_BEFORE = frozenset("要 得 该 应该 需要 可以 想 去 来 再 请 让 帮 给 好好 一起 先 不妨".split())
TENTATIVE_AFTER = ("吧", "一下", "看")
# Quotes around a title (《》) or around a name or a term (other quotes, when what they hold has no clause).
_QUOTES = {"《": "》", "“": "”", "「": "」", "『": "』", '"': '"'}
_CLAUSE_MARKS = frozenset("，,。；;！!？?、：:")
REP001 = {"min_cjk": 1, "max_cjk": 16, "max_words": 4}
# Thresholds published with the Gopher quality filters (Rae et al. 2021, table A1).
GOPHER = {
    "min_tokens": 100,
    "dup_paragraph_fraction": 0.30, "dup_paragraph_char_fraction": 0.20,
    "top_2gram": 0.20, "top_3gram": 0.18, "top_4gram": 0.16,
    "dup_5gram": 0.15, "dup_6gram": 0.14, "dup_7gram": 0.13, "dup_8gram": 0.12, "dup_9gram": 0.11,
    "dup_10gram": 0.10,
}
_Row = namedtuple("Row", ["paragraph_id", "norm"])
_WINDOW = 12  # characters of context each side that the segmenter reads around a candidate


def cjk_doublings(text: str, options: dict) -> list[tuple[int, str]]:
    """(offset, unit) for every unit of min_cjk..max_cjk Han characters written twice in a row,
    by offset and then length. These are candidates: `doubling_verdict` decides which are slips."""
    return han_doublings([text], options)[0]


def han_doublings(texts: list[str], options: dict) -> list[list[tuple[int, str]]]:
    """`cjk_doublings` of each text, found for all texts at once with array work: a unit of n Han
    characters is doubled at p when each of its characters equals the one n places on, a run of n
    such places (a regular expression trying every length at every place cost most of REP001)."""
    low, high = max(int(options.get("min_cjk", 1)), 1), max(int(options.get("max_cjk", 16)), 1)
    out: list[list[tuple[int, str]]] = [[] for _ in texts]
    for first, chunk in text_chunks(texts):
        codes, starts = codes_of(chunk)
        han = han_mask(codes)
        end = np.repeat(starts[1:], np.diff(starts))  # where each place's text ends
        places, sizes = [], []
        for n in range(low, high + 1):
            if len(codes) < 2 * n:
                break
            same = han[:-n] & (codes[:-n] == codes[n:])
            at = np.flatnonzero(same)
            if n > 1:  # the n places from p on all alike: checked at the few places where p is
                at = at[at + n <= len(same)]
                for step in range(1, n):
                    at = at[same[at + step]]
            at = at[at + 2 * n <= end[at]]
            places.append(at)
            sizes.append(np.full(len(at), n))
        if not places:
            continue
        place, size = np.concatenate(places), np.concatenate(sizes)
        order = np.lexsort((size, place))
        owner = np.searchsorted(starts, place[order], side="right") - 1
        for text, at, n in zip(owner.tolist(), place[order].tolist(), size[order].tolist()):
            offset = at - int(starts[text])
            out[first + text].append((offset, chunk[text][offset:offset + n]))
    return out


def han_slips(text: str, options: dict, doublings: list[tuple[int, str]] | None = None) -> list[tuple[int, str, str]]:
    """(offset, unit, words around it) of each doubled Han unit that is a slip, left to right;
    at each place the shortest unit that is a slip, and nothing inside a doubling already reported.
    `doublings` are the text's `cjk_doublings` when already found."""
    out, past = [], 0
    for offset, unit in cjk_doublings(text, options) if doublings is None else doublings:
        if offset < past:
            continue
        words = doubling_verdict(text, offset, unit)
        if words is not None:
            out.append((offset, unit, words))
            past = offset + 2 * len(unit)
    return out


def _quoted_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a title in 《》 or inside quotes around a name or a term
    (a quoted stretch without a clause): a title's or name's wording is its own (《向前向前再向前》,
    “杜兰杜兰”). Quoted speech, which runs over clauses, is read as any text."""
    for opener, closer in _QUOTES.items():
        before = text.rfind(opener, 0, start)
        if before < 0 or (opener != closer and text.rfind(closer, before + 1, start) >= 0):
            continue
        after = text.find(closer, end)
        if after < 0 or (opener == closer and text.count(opener, 0, before) % 2):
            continue
        if opener == "《" or not _CLAUSE_MARKS.intersection(text[before + 1:after]):
            return True
    return False


def _reduplicated_single(text: str, at: int, char: str) -> bool:
    """Whether the character doubled at `at` is part of AABB (高高兴兴, 确确实实), ABB (绿油油) or a
    run of three or more (哈哈哈). (A doubling the dictionary holds, 看看, is one word to the segmenter.)"""
    before, after = text[at - 1:at] if at else "", text[at + 2:at + 3]
    if char in (before, after):
        return True
    next_pair, last_pair = text[at + 2:at + 4], text[max(at - 2, 0):at]
    if len(next_pair) == 2 and next_pair[0] == next_pair[1] and lexicon.is_word(char + next_pair[0]):
        return True  # AABB, at its AA
    if len(last_pair) == 2 and last_pair[0] == last_pair[1] and lexicon.is_word(last_pair[0] + char):
        return True  # AABB, at its BB
    return bool(before) and lexicon.is_word(before + char * 2)  # ABB


def _tentative_verb(words: list[tuple[str, int, int]], start: int, end: int, unit: str) -> bool:
    """A two-character verb said twice for a brief try: 商量商量吧, 要研究研究 (a verb by the dictionary)."""
    if len(unit) != 2:
        return False
    if "".join(w for w, s, _ in words if s >= end).startswith(TENTATIVE_AFTER):
        return True
    before = [w for w, _, e in words if e == start]
    return bool(before) and before[0] in TENTATIVE_BEFORE and lexicon.tag_of(unit).startswith("v")


def _words(text: str, start: int, end: int, hmm: bool) -> list[tuple[str, int, int]]:
    """jieba's words of text[start:end], with offsets in the text."""
    return [(w, s + start, e + start) for w, s, e in lexicon.tokens(text[start:end], hmm=hmm)]


def _all_words(unit: str) -> bool:
    """Whether the unit alone cuts into dictionary words of two characters or more (医药生物 = 医药 生物)."""
    return all(e - s > 1 for _, s, e in lexicon.tokens(unit, hmm=False))


def _shown(words: list[tuple[str, int, int]], start: int, end: int) -> str:
    return "/".join(w for w, s, e in words if e > start - 4 and s < end + 4)


def _a_word_once(text: str, offset: int, unit: str) -> bool:
    """Whether the unit stands as a word, or words, in the text with its second copy taken out.

    For copies that hold no dictionary word of two characters or more: a word the dictionary
    lacks (反诈, 弃风) or a run of one-character words (还将). jieba's HMM, which makes new words of
    such runs, reads the text as the writer meant it; there the unit of a slip stands on its own
    (以及弃风、弃光), while pieces of a name do not (力拓和必拓: 必 belongs to 必拓).
    """
    n, left = len(unit), max(0, offset - _WINDOW)
    once = text[left:offset + n] + text[offset + 2 * n:offset + 2 * n + _WINDOW]
    words = _words(once, 0, len(once), hmm=True)
    return offset - left in {s for _, s, _ in words} and offset - left + n in {e for _, _, e in words}


def doubling_verdict(text: str, offset: int, unit: str) -> str | None:
    """The words around a doubled Han unit when it is a slip, None when it is not.

    The text around the candidate is cut into words by jieba's dictionary. The unit is doubled
    by mistake when its copies are words: both copies whole words (增长增长, 保持稳定保持稳定,
    医药生物医药生物 even where 生物医药 is cut across the middle), the first copy the tail of a
    longer word (大模型模型), the second copy the head of a dictionary word cut short in the
    first (有限公有限公司), or a word the dictionary lacks (反诈反诈: `_a_word_once`). It is
    not when the copies meet inside a word and are no words of their own (two words meeting:
    退税缓税缓费 is 退税 缓税 缓费), when the doubling is one word to the segmenter or a
    reduplication (看看, 高高兴兴, 一个一个, 研究研究 after 要), or when it stands in a quoted name
    or title. A single character is a slip only when both copies stand as words of their own
    and the dictionary gives it a class Chinese never reduplicates (`NON_REDUPLICATING_TAGS`:
    发展的的道路, not 说的的确, which is 的 + 的确).
    """
    n, end = len(unit), offset + 2 * len(unit)
    if (len(set(unit)) == 1 and n > 1) or _quoted_name(text, offset, end):
        return None  # 哈哈哈哈 is a run of one character, read as the single-character case
    left, right = max(0, offset - _WINDOW), end + _WINDOW
    junction = offset + n
    if n == 1:
        if lexicon.tag_of(unit) not in NON_REDUPLICATING_TAGS or _reduplicated_single(text, offset, unit):
            return None
        words = _words(text, left, right, hmm=True)
        alone = {(offset, junction), (junction, end)} <= {(s, e) for _, s, e in words}
        return _shown(words, offset, end) if alone else None
    if unit[0] == "一" and n == 2:
        return None  # 一个一个, 一步一步: one measure at a time
    words = _words(text, left, right, hmm=False)
    starts, ends = {s for _, s, _ in words}, {e for _, _, e in words}
    shown = _shown(words, offset, end)
    if _tentative_verb(words, offset, end, unit):
        return None
    if junction not in starts:  # the copies meet inside a word
        return shown if offset in starts and end in ends and _all_words(unit) else None
    second = [(w, s, e) for w, s, e in words if junction <= s < end]
    if offset in starts and end in ends:  # both copies are whole words
        if any(e - s > 1 for _, s, e in second) or _a_word_once(text, offset, unit):
            return shown
        return None
    if offset not in starts and end in ends:
        return shown if any(e - s > 1 for _, s, e in second) else None  # the tail of a word, then that tail again
    if offset in starts and end not in ends:
        last = next(w for w, s, e in words if s < end < e)
        cut = "".join(w for w, s, _ in second)
        if lexicon.is_word(last) and cut.startswith(unit) and len(cut) > n:
            return shown  # a piece cut mid-word, then the whole word
    return None


def _idiom_word(word: str) -> bool:
    return word in ENGLISH_IDIOM_WORDS or (len(word) > 4 and word.endswith("er"))


def _english_name(first: str, second: str) -> bool:
    """A capitalised word written twice is a name (Duran Duran, Bora Bora) unless it is a function
    word starting a sentence (The The) or the first copy is possessive (Norway's Norway's)."""
    return (first[0].isupper() and second[0].isupper() and first.lower() not in ENGLISH_FUNCTION_WORDS
            and not first.lower().endswith("'s"))


def word_doublings(text: str, options: dict) -> list[tuple[int, str, int]]:
    """(offset, phrase, end of the second copy) for each run of 1..max_words words written twice,
    separated only by spaces.

    Not reported: doubles that grammar or idiom allows (`that that`, `and more and more`),
    numbers, single letters other than `a` and `I`, and a name (`_english_name`: Duran Duran).
    """
    lowered = [word.lower() for word in _WORD.findall(text)]
    if len(set(lowered)) == len(lowered):
        return []  # no word recurs, so none is doubled
    words: list[re.Match] = []  # the matches themselves, found once a word recurs close enough
    found, i, max_words = [], 0, int(options.get("max_words", 4))
    while i < len(lowered):
        if lowered[i] not in lowered[i + 1:i + 1 + max_words]:  # no copy can start max_words words on
            i += 1
            continue
        words = words or list(_WORD.finditer(text))
        for n in range(1, min(max_words, (len(lowered) - i) // 2) + 1):
            if lowered[i:i + n] != lowered[i + n:i + 2 * n]:
                continue
            gaps = [text[words[j].end():words[j + 1].start()] for j in range(i, i + 2 * n - 1)]
            if not all(_GAP.fullmatch(g) for g in gaps):
                continue
            if n == 2 and lowered[i] in ENGLISH_JOINERS and _idiom_word(lowered[i + 1]):
                continue  # "and more and more" is "and" + "more and more"
            if n == 1 and (lowered[i] in ENGLISH_LEGIT_DOUBLES or lowered[i][0].isdigit()
                           or (len(lowered[i]) == 1 and lowered[i] not in ENGLISH_FUNCTION_WORDS)):
                continue
            if n == 1 and _english_name(words[i].group(0), words[i + 1].group(0)):
                continue
            found.append((words[i].start(), text[words[i].start():words[i + n - 1].end()], words[i + 2 * n - 1].end()))
            i += 2 * n - 1
            break
        i += 1
    return found


def paragraph_doublings(paragraphs: pd.DataFrame, options: dict) -> list[dict]:
    """Doubled words and phrases in one article's paragraphs (any kind), in paragraph order."""
    return doublings_in_rows(in_position_order(paragraphs, ["paragraph_id", "norm"]), options)


def doublings_in_rows(rows: list, options: dict) -> list[dict]:
    """`paragraph_doublings` over rows (with paragraph_id and norm): one article's in position order, or
    many articles' one after another (each paragraph is judged alone, so the items come in row order).

    Each paragraph is judged alone: a Chinese candidate by `doubling_verdict`, an English one by
    `word_doublings`.
    """
    out = []
    texts = [row.norm for row in rows]
    for row, text, doublings in zip(rows, texts, han_doublings(texts, options)):
        found = [(offset, unit, unit + unit, words) for offset, unit, words in han_slips(text, options, doublings)]
        if _WORDS_SIDE_BY_SIDE.search(text):
            found += [(offset, unit, text[offset:end], "") for offset, unit, end in word_doublings(text, options)]
        for offset, unit, doubled, words in sorted(found):
            item = {"paragraph_id": row.paragraph_id, "offset": offset, "unit": unit, "doubled": doubled,
                    "context": text[max(0, offset - 10):offset + len(doubled) + 10]}
            if words:
                item["words"] = words
            out.append(item)
    return out


def _tokens(text: str) -> list[str]:
    """Words for Latin script, single characters for Chinese (each counts as a word)."""
    return re.findall(f"[{HAN}]|[A-Za-z]+|\\d+", text)


def _gram_hashes(ids: np.ndarray, n: int) -> np.ndarray:
    """A hash of each n-gram of token ids (uint64 polynomial, wrapping)."""
    h = np.zeros(len(ids) - n + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(n):
            h = h * np.uint64(1_000_003) + ids[j:j + len(h)]
    return h


def _ngram_fractions(ids: np.ndarray, lengths: np.ndarray, n: int) -> tuple[float, float]:
    """(share of characters in the most frequent n-gram's occurrences, share inside any repeated n-gram).

    Among n-grams that occur equally often, the most frequent is the longest in characters, so the
    statistic does not depend on how n-grams happen to be ordered.
    """
    if len(ids) < n:
        return 0.0, 0.0
    _, first, inverse, counts = np.unique(_gram_hashes(ids, n), return_index=True, return_inverse=True,
                                          return_counts=True)
    total = float(lengths.sum())
    prefix = np.concatenate([[0], np.cumsum(lengths)])
    best = int(counts.max())
    top = 0.0
    if best > 1:
        at = first[counts == best]
        top = best * float((prefix[at + n] - prefix[at]).max()) / total
    starts = np.flatnonzero(counts[inverse] > 1)
    marks = np.zeros(len(ids) + 1, dtype=np.int64)
    np.add.at(marks, starts, 1)
    np.add.at(marks, starts + n, -1)
    covered = np.cumsum(marks[:-1]) > 0
    return float(top), float(lengths[covered].sum() / total)


def gopher_statistics(paragraphs: pd.DataFrame, options: dict) -> dict:
    """Repetition statistics of one article as in the Gopher filters; {} when it is too short to judge.

    For Chinese each character is a token, so n-grams are counted over twice as many tokens
    (a Chinese word is about two characters).
    """
    return statistics_of_texts([row.norm for row in in_position_order(paragraphs, ["norm"])], options)


_TOKEN_BASE = np.uint64(0x100000001B3)
_TOKEN_INVERSE = np.uint64(pow(0x100000001B3, -1, 2**64))


def token_arrays(text: str) -> tuple[np.ndarray, np.ndarray, int]:
    """The text's tokens as `_tokens` cuts them (a Chinese character, a run of ASCII letters, a run of
    digits), each as a 64-bit hash of its characters, with its length and the number of Chinese ones.

    Array work on the text's code points: a Python object per token cost most of REP002's time.
    """
    hashes, lengths, _, chinese = _token_table(text)
    return hashes, lengths, int(np.count_nonzero(chinese))


def _token_table(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each token's hash, length, first character's offset in the text, and whether it is Chinese."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    cjk = ((codes >= 0x3400) & (codes <= 0x4DBF)) | ((codes >= 0x4E00) & (codes <= 0x9FFF))
    folded = codes | np.uint32(0x20)
    kind = np.where(cjk, 3, np.where((folded >= 97) & (folded <= 122), 1, np.where((codes >= 48) & (codes <= 57), 2, 0)))
    inside = np.flatnonzero(kind)
    if not len(inside):
        return (np.empty(0, dtype=np.uint64), np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64),
                np.empty(0, dtype=bool))
    k = kind[inside]
    starts = np.r_[True, (np.diff(inside) != 1) | (k[1:] != k[:-1]) | (k[1:] == 3)]
    first = np.flatnonzero(starts)
    lengths = np.diff(np.r_[first, len(inside)])
    position = np.arange(len(inside)) - np.repeat(first, lengths)
    with np.errstate(over="ignore"):
        powers = np.cumprod(np.r_[np.uint64(1), np.full(int(lengths.max()) - 1, _TOKEN_BASE, dtype=np.uint64)])
        terms = (codes[inside].astype(np.uint64) + np.uint64(1)) * powers[position]
        hashes = _mix(np.add.reduceat(terms, first) ^ lengths.astype(np.uint64))
    return hashes, lengths.astype(np.int64), inside[first], k[first] == 3


_BATCH_CHARS = 100_000
_ROUNDING = 1e-4  # statistics are rounded to 4 places before they are compared with the thresholds


class _Windows:
    """Hashes of the k tokens starting at each position, for any k, from one prefix sum."""

    def __init__(self, hashes: np.ndarray):
        n = len(hashes)
        with np.errstate(over="ignore"):
            self.powers = np.cumprod(np.r_[np.uint64(1), np.full(n, _TOKEN_BASE, dtype=np.uint64)])
            self.inverse = np.cumprod(np.r_[np.uint64(1), np.full(n, _TOKEN_INVERSE, dtype=np.uint64)])
            self.prefix = np.r_[np.uint64(0), np.cumsum(hashes * self.powers[:n])]

    def at(self, positions: np.ndarray, k: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            raw = (self.prefix[positions + k] - self.prefix[positions]) * self.inverse[positions]
            return _mix(raw ^ k.astype(np.uint64))


def _occurrences(keys: np.ndarray) -> np.ndarray:
    """How often each key occurs among the keys (a hash table, not a sort)."""
    codes, _ = pd.factorize(keys)
    return np.bincount(codes)[codes]


def _may_pass(texts: list[str], options: dict) -> np.ndarray:
    """For articles (their paragraphs joined by spaces), whether an n-gram statistic may pass its threshold.

    For all articles at once, from one table of their tokens and a hash table per n-gram length rather
    than a sort per article: top_2gram exactly as `_ngram_fractions` defines it; top_3gram and top_4gram
    only where their bound allows a pass (a longer n-gram occurs at most as often as the most frequent
    2-gram, each of its occurrences starting one, so top_n is at most that count times the most
    characters any n tokens of the article hold, over the article's); dup_5gram exactly, which bounds
    dup_6gram to dup_10gram (every character inside a repeated longer n-gram is inside a repeated
    5-gram). Chinese articles count n-grams of 2n characters, as `statistics_of_texts` does.
    A longer n-gram is counted only where each 2-gram inside it repeats (elsewhere it occurs once):
    a small part of the text, so the 2-gram table is the one over every token.
    """
    hashes, lengths, offsets, chinese = _token_table("\n".join(texts))  # no token holds a line break
    starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
    article = np.searchsorted(starts, offsets, side="right") - 1
    n_articles = len(texts)
    count = np.bincount(article, minlength=n_articles)
    total = np.bincount(article, weights=lengths, minlength=n_articles)
    scale = np.where(2 * np.bincount(article, weights=chinese, minlength=n_articles) > count, 2, 1)
    position = np.arange(len(hashes)) - np.repeat(np.cumsum(count) - count, count)
    chars = np.r_[0, np.cumsum(lengths)]
    salt = _mix(article.astype(np.uint64) + np.uint64(0x9E3779B97F4A7C15))
    windows = _Windows(hashes)
    enough = count >= int(options.get("min_tokens", 100))
    may = np.zeros(n_articles, dtype=bool)
    best2 = np.zeros(n_articles, dtype=np.int64)
    repeated2 = np.zeros(len(hashes), dtype=np.int64)  # 1 where the 2-gram starting there repeats
    inner_repeats = np.zeros(len(hashes) + 1, dtype=np.int64)  # their running count
    with np.errstate(invalid="ignore", divide="ignore"):
        for n in (2, 3, 4, 5):
            k = n * scale[article]
            alive = enough & ~may if n in (3, 4) else enough
            fits = np.flatnonzero((position + k <= count[article]) & alive[article])
            if not len(fits):
                continue
            k, owner = k[fits], article[fits]
            span = chars[fits + k] - chars[fits]
            if n in (3, 4):  # the bound first: only articles it cannot rule out are counted
                most_chars = np.zeros(n_articles, dtype=np.int64)
                np.maximum.at(most_chars, owner, span)
                bound = np.where(best2 > 1, best2 * most_chars / total, 0.0)
                keep = (bound > float(options[f"top_{n}gram"]) - _ROUNDING)[owner]
                fits, k, owner, span = fits[keep], k[keep], owner[keep], span[keep]
            if n > 2:  # only where every 2-gram inside repeats can the n-gram repeat: count it there alone
                inner = k - 2 * scale[owner] + 1
                keep = inner_repeats[fits + inner] - inner_repeats[fits] == inner
                fits, k, owner, span = fits[keep], k[keep], owner[keep], span[keep]
            if not len(fits):
                continue
            occurs = _occurrences(windows.at(fits, k) ^ salt[fits])
            if n == 5:
                repeated = occurs > 1
                marks = np.zeros(len(hashes) + 1, dtype=np.int64)
                np.add.at(marks, fits[repeated], 1)
                np.add.at(marks, fits[repeated] + k[repeated], -1)
                covered = np.cumsum(marks[:-1]) > 0
                dup = np.bincount(article[covered], weights=lengths[covered], minlength=n_articles) / total
                may |= enough & (dup > min(float(options[f"dup_{m}gram"]) for m in range(5, 11)) - _ROUNDING)
                continue
            best = np.zeros(n_articles, dtype=np.int64)
            np.maximum.at(best, owner, occurs)
            at_best = occurs == best[owner]
            top_chars = np.zeros(n_articles, dtype=np.int64)
            np.maximum.at(top_chars, owner[at_best], span[at_best])
            top = np.where(best > 1, best * top_chars / total, 0.0)
            may |= top > float(options[f"top_{n}gram"]) - _ROUNDING
            if n == 2:
                best2 = best
                repeated2[fits] = occurs > 1
                inner_repeats = np.r_[0, np.cumsum(repeated2)]
    return may & enough


def articles_to_judge(articles: list[list[str]], options: dict) -> list[bool]:
    """Which articles' statistics must be computed: those with a repeated paragraph, and those whose
    n-gram statistics `_may_pass` a threshold; every other article cannot pass any (so REP002 finds the
    same articles as computing every statistic of every article, at corpus speed)."""
    joined = [" ".join(t for t in texts if t) for texts in articles]
    out: list[bool] = []
    start = 0
    while start < len(joined):
        end, size = start, 0
        while end < len(joined) and (end == start or size < _BATCH_CHARS):
            size += len(joined[end]) + 1
            end += 1
        out += _may_pass(joined[start:end], options).tolist()
        start = end
    for i, texts in enumerate(articles):
        kept = [t for t in texts if t]
        if len(set(kept)) < len(kept):
            out[i] = True
    return out


def statistics_of_texts(texts: list[str], options: dict) -> dict:
    """`gopher_statistics` of one article's normalised paragraphs in position order."""
    texts = [t for t in texts if t]
    ids, lengths, cjk = token_arrays(" ".join(texts))
    if len(ids) < int(options.get("min_tokens", 100)):
        return {}
    scale = 2 if cjk / len(ids) > 0.5 else 1
    counts = Counter(texts)
    extra = sum(c - 1 for c in counts.values())
    stats = {
        "dup_paragraph_fraction": extra / len(texts),
        "dup_paragraph_char_fraction": sum(len(t) * (c - 1) for t, c in counts.items()) / sum(map(len, texts)),
    }
    # A repeated (n+1)-gram contains a repeated n-gram: once nothing repeats, longer n-grams score 0 too.
    top = dup = 1.0
    for n in (2, 3, 4):
        top = _ngram_fractions(ids, lengths, n * scale)[0] if top else 0.0
        stats[f"top_{n}gram"] = top
    for n in range(5, 11):
        dup = _ngram_fractions(ids, lengths, n * scale)[1] if dup else 0.0
        stats[f"dup_{n}gram"] = dup
    return {name: round(value, 4) for name, value in stats.items()}


@rule("REP001", category="repetition", severity="warning", scope="article", dataset="paragraphs", title="Doubled word or phrase",
      options=REP001)
def doubled_words(ctx):
    """Report a word or phrase written twice in a row by mistake.

    ## What it does
    Finds a unit of 1 to `max_cjk` (16) Han characters written twice in a row, and 1 to
    `max_words` (4) English words repeated with only spaces between, then asks whether the
    doubling is a slip. Chinese: the text around it is cut into words with jieba's
    dictionary (shared with the claims through `checks.vocab.lexicon`); a slip is a word or
    words written twice (`增长增长`, `保持稳定保持稳定`), the tail of a word written again as
    a word (`大模型模型`) or a piece cut mid-word before the whole word (`有限公有限公司`).
    Not reported: two words meeting (`退税缓税缓费` is 退税 缓税 缓费), reduplication (看看,
    高高兴兴, 一个一个, a verb said twice for a brief try as in 要研究研究), a doubling
    inside a quoted name or title, and a single character written twice unless the
    dictionary gives it a class Chinese never reduplicates (particles, prepositions,
    conjunctions, pronouns, adverbs: `的的`) and both copies stand as words. English:
    not doubles that grammar or idiom allows (`that that`, `had had`, `and more and
    more`), numbers, and a capitalised word other than a function word, unless possessive
    (a name: Duran Duran). Each paragraph is judged alone: nothing is counted across the article.

    ## Why is this bad
    A doubled word is an editing slip the reader notices at once; it also skews token
    counts and n-gram statistics.

    ## Example
    ```paragraphs
    新一代大模型模型更清晰了，模型的推理能力明显增强。
    Shares of the the company rose in early trading.
    ```

    ## Use instead
    ```paragraphs
    新一代大模型更清晰了，模型的推理能力明显增强。
    Shares of the company rose in early trading.
    ```
    """
    opts = ctx.options("REP001")
    paragraphs = ctx.dataset("paragraphs")
    # each paragraph is judged alone, and findings are ordered after the run: the rows in any order
    rows = [_Row(pid, norm) for pid, norm in zip(paragraphs["paragraph_id"].tolist(), paragraphs["norm"].tolist())]
    for item in doublings_in_rows(rows, opts):
        location = ctx.locate(item["paragraph_id"])
        yield Hit(
            message=f"'{item['doubled']}' doubled in paragraph at {location.file}:{location.line_start}: "
            f"…{item['context']}…",
            locations=[location],
            evidence={key: item[key] for key in ("doubled", "unit", "offset", "context", "words") if key in item},
            key=f"{item['offset']}:{item['unit']}",
        )


@rule("REP002", category="repetition", severity="info", scope="article", dataset="paragraphs",
      title="Article past the Gopher repetition thresholds", options=GOPHER)
def repetition_statistics(ctx):
    """Report an article whose repetition statistics pass the Gopher quality-filter thresholds.

    ## What it does
    Computes per article, as the Gopher filters do (Rae et al. 2021): the fraction of
    paragraphs that are duplicates and of characters in them; the share of characters
    covered by the most frequent 2-, 3- and 4-gram; and the share of characters inside
    any repeated 5- to 10-gram. Each statistic past its published threshold (options of
    the same name) is listed; articles under `min_tokens` tokens are not judged. Chinese
    characters are tokens, with n doubled.

    ## Why is this bad
    Text that repeats itself this much is usually boilerplate, a scraping loop or a
    generated page; it is not the article it claims to be and skews any statistic over
    the corpus.

    ## Example
    An article whose paragraphs are the same sentences with different dates:

    ```paragraphs
    1月2日，本市天气晴，最高气温8摄氏度，最低气温零下3摄氏度，空气质量良好，适宜户外活动，请市民注意防寒保暖。
    1月3日，本市天气晴，最高气温8摄氏度，最低气温零下3摄氏度，空气质量良好，适宜户外活动，请市民注意防寒保暖。
    1月4日，本市天气晴，最高气温8摄氏度，最低气温零下3摄氏度，空气质量良好，适宜户外活动，请市民注意防寒保暖。
    1月5日，本市天气晴，最高气温8摄氏度，最低气温零下3摄氏度，空气质量良好，适宜户外活动，请市民注意防寒保暖。
    1月6日，本市天气晴，最高气温8摄氏度，最低气温零下3摄氏度，空气质量良好，适宜户外活动，请市民注意防寒保暖。
    ```

    ## Use instead
    Keep one forecast, or drop the repeated blocks:

    ```paragraphs
    1月2日至6日，本市以晴好天气为主，最高气温8摄氏度，最低气温零下3摄氏度，空气质量良好，适宜户外活动。
    气象部门提醒，近期早晚温差较大，市民外出请注意防寒保暖，驾车出行时注意道路结冰和团雾天气。
    供暖部门表示，全市供热管网运行平稳，热源储备充足，居民室温总体达标，报修电话全天有人值守。
    ```
    """
    opts = ctx.options("REP002")
    paragraphs = ctx.dataset("paragraphs")
    articles = list(by_article(paragraphs, ["paragraph_id", "norm"]))
    judged = articles_to_judge([[row.norm for row in rows] for _, rows in articles], opts)
    for (article_id, rows), judge in zip(articles, judged):
        if not judge:
            continue
        stats = statistics_of_texts([row.norm for row in rows], opts)
        past = {name: value for name, value in stats.items() if value > float(opts[name])}
        if not past:
            continue
        location = ctx.locate(rows[0].paragraph_id)
        listed = ", ".join(f"{name} {value:.2f} > {float(opts[name]):.2f}" for name, value in sorted(past.items()))
        yield Hit(
            message=f"article at {location.file}:{location.line_start} repeats itself past the Gopher thresholds: {listed}",
            locations=[location],
            evidence={"statistics": stats, "past": past, "article_id": str(article_id)},
        )
