"""Dated facts: the dates they are stated with, the facts recognised in both languages, and CON001 over a run."""
from __future__ import annotations

import pytest

from checks.extract.numbers import find_mentions


# --- English calendar dates --------------------------------------------------------------------

@pytest.mark.parametrize("text,surface,unit,low,high", [
    ("It was founded in March 1998.", "March 1998", "month", 1998 + 2 / 12, 1998 + 3 / 12),
    ("She was born on 5 May 2001.", "5 May 2001", "day", 2001 + 4 / 12 + 4 / 365, 2001 + 4 / 12 + 5 / 365),
    ("She was born on May 5, 2001, in Krakow.", "May 5, 2001", "day", 2001 + 4 / 12 + 4 / 365, 2001 + 4 / 12 + 5 / 365),
    ("It opened in Sept. 2004.", "Sept. 2004", "month", 2004 + 8 / 12, 2004 + 9 / 12),
    ("It opened in late 2004.", "late 2004", "year", 2004 + 8 / 12, 2005),
    ("It closes at the end of 2004.", "the end of 2004", "year", 2004 + 10 / 12, 2005),
    ("It ships in the first quarter of 2005.", "the first quarter of 2005", "year", 2005, 2005.25),
])
def test_english_dates_with_a_year(text, surface, unit, low, high):
    [m] = [m for m in find_mentions(text) if m.kind == "date"]
    assert (m.surface, m.unit) == (surface, unit)
    assert m.low == pytest.approx(low) and m.high == pytest.approx(high)
    assert text[m.start:m.end] == surface


@pytest.mark.parametrize("text", ["Sales peaked in the early 1980s.", "Officials said on Monday that it may 2 rise."])
def test_decades_and_bare_words_are_not_dates(text):
    assert [m for m in find_mentions(text) if m.kind == "date"] == []


def test_a_bare_year_stays_a_year():
    [m] = find_mentions("It was founded in 1971.")
    assert (m.surface, m.kind) == ("1971", "year")
