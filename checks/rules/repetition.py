"""Repetition rules: a word or phrase doubled by mistake (REP001) and Gopher-style repetition
statistics per article (REP002).

Both are functions of one article's paragraphs (`paragraph_doublings`, `gopher_statistics`), so
an engine can run them per article partition.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from checks.model import Hit
from checks.rules.base import rule
from checks.rules.grouping import by_article, in_position_order
from checks.similarity.hashing import _mix

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{4,}")
_WORD = re.compile(r"(?<![\w.,'-])(?:[A-Za-z]+(?:'[A-Za-z]+)?|\d+(?:[.,]\d+)*)(?![\w'-])")
# "more and more", "again and again", "day after day", "side by side": X-joiner-X idioms.
ENGLISH_JOINERS = frozenset({"and", "or", "by", "after", "to", "upon"})
_GAP = re.compile(r"[ \t]+")
# English words that stand doubled in correct grammar or idiom ("that that", "had had", "bye bye").
ENGLISH_LEGIT_DOUBLES = frozenset({"that", "had", "is", "bye", "so", "very", "no", "yes", "ha", "knock", "tut", "now"})
REP001 = {"min_cjk": 2, "max_cjk": 8, "max_words": 4}
# Thresholds published with the Gopher quality filters (Rae et al. 2021, table A1).
GOPHER = {
    "min_tokens": 100,
    "dup_paragraph_fraction": 0.30, "dup_paragraph_char_fraction": 0.20,
    "top_2gram": 0.20, "top_3gram": 0.18, "top_4gram": 0.16,
    "dup_5gram": 0.15, "dup_6gram": 0.14, "dup_7gram": 0.13, "dup_8gram": 0.12, "dup_9gram": 0.11,
    "dup_10gram": 0.10,
}


def _cjk_legit(unit: str) -> bool:
    """Doubled units that Chinese writes on purpose: 哈哈哈哈, 一个一个, 一步一步 (一 + measure word)."""
    return len(set(unit)) == 1 or unit[0] == "一"


@lru_cache(maxsize=8)
def _may_double(high: int) -> re.Pattern:
    """Two Chinese characters that come again, in order, 2..high characters on: what any doubled
    unit of two or more characters needs. Most paragraphs have none, and the regex engine rules
    them out far faster than the loop below."""
    c = "[\u3400-\u4dbf\u4e00-\u9fff]"
    return re.compile(rf"({c})({c}){c}{{0,{max(high - 2, 0)}}}\1\2")


def cjk_doublings(text: str, options: dict) -> list[tuple[int, str]]:
    """(offset, unit) for each unit of min_cjk..max_cjk Chinese characters written twice in a row.

    Single characters are never reported: doubled single characters are mostly reduplication
    (看看, 常常) or two words meeting (技术上 + 上冲), and without a lexicon the mistakes cannot
    be told from them.
    """
    found = []
    low, high = int(options.get("min_cjk", 2)), int(options.get("max_cjk", 8))
    if low >= 2 and not _may_double(high).search(text):
        return found
    for run in _CJK_RUN.finditer(text):
        s, base, i = run.group(0), run.start(), 0
        while i < len(s):
            for n in range(low, min(high, (len(s) - i) // 2) + 1):
                unit = s[i:i + n]
                if s[i + n:i + 2 * n] == unit and not _cjk_legit(unit):
                    found.append((base + i, unit))
                    i += 2 * n - 1
                    break
            i += 1
    return found


def word_doublings(text: str, options: dict) -> list[tuple[int, str]]:
    """(offset, phrase) for each run of 1..max_words words written twice, separated only by spaces."""
    words = list(_WORD.finditer(text))
    lowered = [w.group(0).lower() for w in words]
    found, i, max_words = [], 0, int(options.get("max_words", 4))
    while i < len(words):
        for n in range(1, min(max_words, (len(words) - i) // 2) + 1):
            if lowered[i:i + n] != lowered[i + n:i + 2 * n]:
                continue
            gaps = [text[words[j].end():words[j + 1].start()] for j in range(i, i + 2 * n - 1)]
            if not all(_GAP.fullmatch(g) for g in gaps):
                continue
            if n == 2 and lowered[i] in ENGLISH_JOINERS:
                continue
            if n == 1 and (lowered[i] in ENGLISH_LEGIT_DOUBLES or lowered[i][0].isdigit() or len(lowered[i]) == 1):
                continue
            found.append((words[i].start(), text[words[i].start():words[i + n - 1].end()]))
            i += 2 * n - 1
            break
        i += 1
    return found


def paragraph_doublings(paragraphs: pd.DataFrame, options: dict) -> list[dict]:
    """Doubled words and phrases in one article's paragraphs (any kind), in paragraph order."""
    return doublings_in_rows(in_position_order(paragraphs, ["paragraph_id", "norm"]), options)


def doublings_in_rows(rows: list, options: dict) -> list[dict]:
    """`paragraph_doublings` over one article's rows (with paragraph_id and norm) in position order.

    A doubled Chinese unit counts only when the unit also stands alone elsewhere in the
    article: that shows it is a word of the text, not two words meeting (退税缓税缓费 is
    缓税 + 缓费, 富国中国中小盘 is 富国 + 中国 + 中小盘).
    """
    cjk = {row.paragraph_id: cjk_doublings(row.norm, options) for row in rows}
    doubled = Counter(unit for found in cjk.values() for _, unit in found)
    article = "\n".join(row.norm for row in rows) if doubled else ""
    out = []
    for row in rows:
        text = row.norm
        words = [(o, u) for o, u in cjk[row.paragraph_id] if article.count(u) > 2 * doubled[u]]
        for offset, unit in sorted(words + word_doublings(text, options)):
            sep = "" if _CJK_RUN.fullmatch(unit + unit) else " "
            out.append({"paragraph_id": row.paragraph_id, "offset": offset, "unit": unit, "doubled": unit + sep + unit,
                        "context": text[max(0, offset - 10):offset + 2 * len(unit) + 10]})
    return out


def _tokens(text: str) -> list[str]:
    """Words for Latin script, single characters for Chinese (each counts as a word)."""
    return re.findall(r"[\u3400-\u4dbf\u4e00-\u9fff]|[A-Za-z]+|\d+", text)


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
    Finds a unit of 2 to `max_cjk` (8) Chinese characters written twice in a row
    (`模型模型`), and 1 to `max_words` (4) English words repeated with only spaces between
    (`the the`). Not reported: single Chinese characters doubled (看看, 常常, 上上冲 where
    two words meet), units of one repeated character (哈哈哈哈), 一 + measure word
    (一个一个), a unit that does not also stand alone elsewhere in the article (so two
    words meeting, 退税缓税缓费, are not taken for one doubled word), English doubles that
    grammar allows (`that that`, `had had`) and X-and-X idioms (`more and more`).

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
    for _, rows in by_article(paragraphs, ["paragraph_id", "norm"]):
        for item in doublings_in_rows(rows, opts):
            location = ctx.locate(item["paragraph_id"])
            yield Hit(
                message=f"'{item['doubled']}' doubled in paragraph at {location.file}:{location.line_start}: "
                f"…{item['context']}…",
                locations=[location],
                evidence={"doubled": item["doubled"], "unit": item["unit"], "offset": item["offset"],
                          "context": item["context"]},
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
