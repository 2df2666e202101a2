"""One vocabulary: qualifiers mean the same interval in text and in curated rows; ids are made one way."""
from __future__ import annotations

import math

import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.typing import Series

from checks.extract.numbers import find_mentions
from checks.rules.provenance import Row, row_interval
from checks.rules.schema import _failure_cases
from checks.vocab import ids, lexicon, sentences
from checks.vocab.quantities import QUALIFIERS, interval


def _row(value_text: str, unit: str, qualifier: str) -> Row:
    return Row("t", "t.csv", 2, "m", "s", "2025", float(value_text), value_text, unit, qualifier, "f.txt",
               "p-000000000000", 1, "")


@pytest.mark.parametrize("text, value_text, unit, qualifier", [
    ("企业数量超过6000家", "6000", "家", "over"),
    ("占比近30%", "30", "%", "under"),
    ("规模约1.2万亿元", "1.2", "万亿元", "approx"),
    ("至少12家", "12", "家", "at_least"),
    ("最多20%", "20", "%", "at_most"),
    ("增长到42.5%", "42.5", "%", ""),
])
def test_a_qualifier_gives_one_interval_in_text_and_in_a_curated_row(text, value_text, unit, qualifier):
    mention = [m for m in find_mentions(text) if m.kind in ("count", "amount", "percent")][-1]
    assert mention.qualifier == qualifier
    from_text = (mention.low, mention.high)
    from_row = row_interval(_row(value_text, unit, qualifier), approx=0.1)
    assert from_row is not None
    for a, b in zip(from_text, from_row):
        assert (math.isinf(a) and math.isinf(b)) or math.isclose(a, b, rel_tol=1e-9), (from_text, from_row)


def test_every_qualifier_has_an_interval_holding_its_figure():
    for qualifier in QUALIFIERS:
        low, high = interval(30.0, 0.5, qualifier)
        assert low <= 30.0 <= high, qualifier


def test_paragraph_ids_are_the_short_hash_of_their_position():
    made = ids.paragraph_ids("abc", 0, [2, 1])
    expected = ["p-" + ids.short_hash("abc", 0, a, p) for a, p in ((0, 0), (0, 1), (1, 0))]
    assert made == expected


def test_sentence_spans_split_on_stops_and_semicolons_not_on_decimal_points():
    text = "营收增长3.5%；利润下降。Output rose 3.5 pct. It fell"
    pieces = [text[s:e] for s, e in sentences.sentence_spans(text)]
    assert pieces == ["营收增长3.5%；", "利润下降。", "Output rose 3.5 pct.", " It fell"]
    assert sentences.has_sentence_end("done. ") and not sentences.has_sentence_end("3.5 pct")


def test_the_lexicon_knows_words_and_their_part_of_speech():
    assert lexicon.is_word("增长") and not lexicon.is_word("增长增长")
    assert lexicon.word_info("北京")[1] == "ns"
    tags = dict(lexicon.tagged_words("王建华出生于北京"))
    assert tags.get("王建华") == "nr"


def test_schema_still_names_each_row_whose_value_is_not_a_string():
    """SCH001 holds string columns as Arrow strings for speed; a column with a non-string keeps pandera's
    row-by-row report."""
    class Model(pa.DataFrameModel):
        name: Series[str] = pa.Field(str_matches=r"^x")
        other: Series[str] = pa.Field(str_length={"min_value": 2})

    cases = _failure_cases(pd.DataFrame({"name": ["x1", 5, "y"], "other": ["ab", "c", "de"]}), Model)
    got = {(c, str(k), int(i)) for c, k, i in zip(cases["column"], cases["check"], cases["index"])}
    assert ("name", "dtype('str')", 1) in got and ("name", "str_matches('^x')", 2) in got
    assert ("other", "str_length(2, None)", 1) in got
