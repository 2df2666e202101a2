"""Magnitudes and qualifiers, and the interval a stated figure allows: one definition for every reader.

The number parser (`checks.extract.numbers`) reads them in article text, the provenance rules in curated
rows; both turn a figure and its qualifier into an interval with `interval()`, so `近30%` means the same
[24, 30] in a claim and in a curated table.
"""
from __future__ import annotations

import math

INF = math.inf

QUALIFIERS = ("", "approx", "over", "under", "at_least", "at_most")
# How far the loose qualifiers reach: 约/about is within 10% either way; 近/nearly reaches down to 80%.
APPROX_WIDTH = 0.1
UNDER_REACH = 0.2

# Magnitude words, by the value they multiply by (万亿 before 万 and 亿: longest first where they share a start).
CHINESE_MAGNITUDES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6,
                      "十万": 1e5, "万": 1e4, "千": 1e3, "百": 1e2, "十": 10.0}
ENGLISH_MAGNITUDES = {"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "bln": 1e9, "million": 1e6, "mn": 1e6,
                      "mln": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}
MAGNITUDES = {**CHINESE_MAGNITUDES, **ENGLISH_MAGNITUDES}

# Qualifiers written before a figure, longest first so that "more than" wins over "than".
PREFIX_QUALIFIERS: list[tuple[str, str]] = sorted([
    ("more than ", "over"), ("upwards of ", "over"), ("just over ", "over"), ("over ", "over"), ("above ", "over"),
    ("nearly ", "under"), ("almost ", "under"), ("close to ", "under"), ("just under ", "under"),
    ("less than ", "under"), ("under ", "under"), ("below ", "under"), ("fewer than ", "under"),
    ("about ", "approx"), ("around ", "approx"), ("approximately ", "approx"), ("roughly ", "approx"),
    ("some ", "approx"), ("an estimated ", "approx"), ("at least ", "at_least"), ("up to ", "at_most"),
    ("at most ", "at_most"), ("no more than ", "at_most"), ("well over ", "over"), ("in excess of ", "over"),
    ("just below ", "under"), ("slightly less than ", "under"),
    ("超过", "over"), ("突破", "over"), ("逾", "over"), ("超", "over"), ("高于", "over"), ("多于", "over"),
    ("将近", "under"), ("接近", "under"), ("几乎", "under"), ("近", "under"), ("不到", "under"), ("不足", "under"), ("低于", "under"),
    ("少于", "under"), ("大约", "approx"), ("约合人民币", "approx"), ("约合", "approx"), ("大概", "approx"),
    ("约", "approx"), ("至少", "at_least"), ("不少于", "at_least"), ("不低于", "at_least"),
    ("最多", "at_most"), ("至多", "at_most"), ("不超过", "at_most"), ("不高于", "at_most"),
], key=lambda pair: -len(pair[0]))
# Words that end in a qualifier's character but are no qualifier: 签约14439套 is a count signed, not "about 14439".
NOT_QUALIFIER = {"约": "签合节制公条预履违特婚守相续解缔"}
# Qualifiers written after a figure (300多 is handled as "more": see `interval`).
SUFFIX_QUALIFIERS = {"以上": "over", "多": "over", "以下": "at_most", "左右": "approx", "上下": "approx"}

# Shares written as words or fractions, in percent: 三成, 一半, 四分之一, half, a third, two in five.
# Their rounding is coarse: a figure in tenths (三成) or a common fraction stands for anything within
# half a step of it, FRACTION_HALF_STEP percentage points.
FRACTION_HALF_STEP = 2.5
TENTHS_HALF_STEP = 5.0
ENGLISH_FRACTIONS = {"half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
                     "one-third": 100 / 3, "two-thirds": 200 / 3, "two thirds": 200 / 3, "a quarter": 25.0,
                     "one quarter": 25.0, "one-quarter": 25.0, "three-quarters": 75.0, "three quarters": 75.0,
                     "a fifth": 20.0, "one-fifth": 20.0, "two-fifths": 40.0, "three-fifths": 60.0, "a tenth": 10.0}
# English number words, for counts (three companies), rates (six pct) and multiples (fivefold).
ENGLISH_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                 "seventeen": 17, "eighteen": 18, "nineteen": 19}
ENGLISH_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                "ninety": 90}
# A multiple stated by a word (doubled, tripled, fivefold, 翻一番) rounds as the wording implies:
# within this share of the named multiple either way (a tripling to x3.07 is a tripling).
VERBAL_MULTIPLE_ROUNDING = 0.05


def last_digit_place(value: float) -> float:
    """The place of the last non-zero digit of an integer: 300 -> 100, 10 -> 10, 7 -> 1."""
    if value <= 0 or value != int(value):
        return 1.0
    place, v = 1.0, int(value)
    while v % 10 == 0 and v > 0:
        v //= 10
        place *= 10
    return place


def half_step(written: str) -> float:
    """Half the step of a written figure's last digit: '294.8' -> 0.05, '30' -> 0.5."""
    digits = written.replace(",", "")
    return 0.5 * 10 ** -len(digits.split(".", 1)[1]) if "." in digits else 0.5


def interval(value: float, half: float, qualifier: str, more: bool = False,
             approx_width: float = APPROX_WIDTH) -> tuple[float, float]:
    """The values a figure allows: its rounding (`half` of its last digit's step), widened or bounded by
    the qualifier; `more` for 300多 ([300, 400]: beyond the figure, below the next step of its last digit)."""
    low, high = value - half, value + half
    if more:
        return value, value + last_digit_place(value)
    if qualifier == "over":
        return value, INF
    if qualifier == "at_least":
        return low, INF
    if qualifier == "under":  # a coarse figure (近四成, nearly a third) also stands for half its step above it
        return (1 - UNDER_REACH) * value, value + (half if half >= 1 else 0.0)
    if qualifier == "at_most":
        return 0.0, high
    if qualifier == "approx":
        return (1 - approx_width) * low, (1 + approx_width) * high
    return low, high
