"""The `claims` dataset: numeric statements recognised from mentions, ready for arithmetic.

Each row is one claim of a type, held as a typed object in the `claim` column: `growth` (a start
value, an end value and a stated change), `period` (a stated duration against the times of two
values), `share` (parts of one whole), `fact` (an entity's dated event), `elapsed` (time since a
year) and `count` (a stated count and the items listed beside it). Recognition is conservative:
when the wording leaves the values' roles open, no claim is made. Each claim carries its numbers
as `Quantity` values with the intervals their wording allows; the rules do the arithmetic.
One module per claim type defines its class and recognises it (growth.py, shares.py, facts.py,
elapsed.py, counts.py); this module builds the dataset from all of them.
"""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from checks.datasets import derived
from checks.extract.claims.common import Claim, Quantity, evidence_of, plain, sentences, show
from checks.extract.claims.counts import CountClaim, count_claims
from checks.extract.claims.elapsed import ElapsedClaim, elapsed_claims
from checks.extract.claims.facts import FactClaim, dates_beyond_mentions, fact_claims, resolve_names
from checks.extract.claims.growth import GrowthClaim, PeriodClaim, growth_claims
from checks.extract.claims.shares import ShareClaim, has_ratio, ratio_claims, share_claims
from checks.extract.mentions import mention_lists, paragraph_columns
from checks.extract.numbers import Mention, find_mentions
from checks.ingest.normalize import fold_width, fold_width_many
from checks.ingest.reader import gc_paused
from checks.vocab import ids

__all__ = ["CLAIM_CLASSES", "Claim", "ClaimsModel", "CountClaim", "ElapsedClaim", "FactClaim", "GrowthClaim",
           "PeriodClaim", "Quantity", "ShareClaim", "claim_rows", "claims_of", "evidence_of", "paragraph_claims",
           "plain", "sentences", "show"]

# Each recogniser with the kinds of number it cannot do without: a paragraph with none of them is skipped.
RECOGNISERS = ((growth_claims, {"percent", "multiple", "percentage_points", "amount", "count"}), (share_claims, {"percent"}),
               (fact_claims, {"date", "year", "decade"}), (elapsed_claims, {"duration"}), (count_claims, {"count"}),
               (ratio_claims, {"ratio"}))
_BY_SENTENCE = {growth_claims, share_claims, elapsed_claims, fact_claims, ratio_claims}  # those that read sentence spans
_NEEDS_DECADE = [needs for _, needs in RECOGNISERS if "decade" in needs]
CLAIM_CLASSES: dict[str, type[Claim]] = {cls.type: cls for cls in (GrowthClaim, PeriodClaim, ShareClaim, FactClaim,
                                                                     ElapsedClaim, CountClaim)}
CLAIM_TYPES = list(CLAIM_CLASSES)
COLUMNS = ["claim_id", "type", "article_id", "paragraph_id", "file", "line_start", "line_end", "sentence", "key",
           "claim"]


class ClaimsModel(pa.DataFrameModel):
    """One row per recognised numeric claim; `claim` holds it as a typed object (GrowthClaim, ShareClaim, ...)."""

    claim_id: Series[str] = pa.Field(unique=True, str_matches=ids.CLAIM_ID)
    type: Series[str] = pa.Field(isin=CLAIM_TYPES)
    article_id: Series[str]
    paragraph_id: Series[str] = pa.Field(str_matches=ids.PARAGRAPH_ID)
    file: Series[str]
    line_start: Series[int] = pa.Field(ge=1)
    line_end: Series[int] = pa.Field(ge=1)
    sentence: Series[str] = pa.Field(str_length={"min_value": 1})
    key: Series[str]
    claim: Series[object]

    @pa.dataframe_check(error="each claim must be an object of its type's class")
    def claim_is_of_its_type(cls, df):
        return pd.Series([type(c) is CLAIM_CLASSES.get(t) for t, c in zip(df["type"], df["claim"])], index=df.index,
                         dtype=bool)

    class Config:
        strict = True


def paragraph_claims(text: str, ms: list[Mention] | None = None, folded: str | None = None) -> list[Claim]:
    """All claims recognised inside one paragraph's text (its mentions, and the text folded to half-width, may be
    given, already found).

    The recognisers read the paragraph folded to half-width once (offsets unchanged), so their patterns
    need not fold each slice again; the numbers they keep come from the mentions, as written."""
    if folded is None:
        folded = fold_width(text)
    ms = find_mentions(text, folded) if ms is None else ms
    kinds = {m.kind for m in ms}
    # "the 1990s" and a person's years in brackets, (1920-2009), are no mentions (asked only when they could call for
    # a recogniser not called for already)
    if any(not kinds & needs for needs in _NEEDS_DECADE) and dates_beyond_mentions(text):
        kinds.add("decade")
    if has_ratio(folded):
        kinds.add("ratio")  # (42:39:19 is no mention either)
    if not kinds:
        return []
    wanted = [recognise for recognise, needs in RECOGNISERS if kinds & needs]
    if not wanted:
        return []
    spans = sentences(folded) if any(recognise in _BY_SENTENCE for recognise in wanted) else []
    return [claim for recognise in wanted for claim in recognise(folded, spans, ms)]


_CLAIM_KINDS = frozenset(("body", "caption", "title", "heading", "subheading"))


def claim_rows(paragraphs: pd.DataFrame, mentions: dict[str, list[Mention]] | None = None) -> list[dict]:
    """The dataset's rows: the claims of each paragraph of prose that states numbers (its mentions given, or found
    here), each paragraph's text folded to half-width in one pass with the others."""
    fields = ("paragraph_id", "article_id", "file", "line_start", "line_end", "kind", "text")
    picked = [row for row in zip(*paragraph_columns(paragraphs, fields))
              if row[5] in _CLAIM_KINDS and (mentions is None or mentions.get(row[0]) or dates_beyond_mentions(row[6]))]
    folded_texts = fold_width_many([row[6] for row in picked])
    found = []  # (paragraph row, claim, key)
    for row, folded in zip(picked, folded_texts):
        given = None if mentions is None else mentions.get(row[0], [])
        found.extend((row, c, c.key) for c in paragraph_claims(row[6], given, folded))
    # the ids in one pass at the end (hashed one at a time between recognisers, each cost ten times as much)
    claim_ids = ids.claim_ids([row[0] for row, _, _ in found], [c.type for _, c, _ in found],
                              [key for _, _, key in found])
    unique = {}
    for claim_id, ((pid, article, file, line_start, line_end, kind, text), c, key) in zip(claim_ids, found):
        if claim_id in unique:
            continue  # (the first of a paragraph's claims with one id is kept)
        sent = c.sentence or c.span
        sentence = text[sent[0]:sent[1]].strip() or text
        unique[claim_id] = {"claim_id": claim_id, "type": c.type, "article_id": article, "paragraph_id": pid,
                            "file": file, "line_start": int(line_start), "line_end": int(line_end),
                            "sentence": sentence, "key": key, "claim": c}
    return resolve_names(list(unique.values()), paragraphs)


@derived("claims", ClaimsModel, scope="article")  # a fact's shortened name is resolved in its article
def build(ctx) -> pd.DataFrame:
    """Numeric claims recognised in paragraphs: growth, period, share, fact, elapsed, count."""
    paragraphs, mentions = ctx.dataset("paragraphs"), mention_lists(ctx.dataset("mentions"))
    with gc_paused():  # as for mentions: many short-lived objects and no cycles
        rows = claim_rows(paragraphs, mentions)
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype({"line_start": "int64", "line_end": "int64",
                         **{c: "object" for c in COLUMNS if c not in ("line_start", "line_end")}})


def claims_of(ctx, cls: type[Claim]) -> list[tuple]:
    """The claims of one class, each with its row (a named tuple of the scalar columns), in dataset order."""
    frame = ctx.dataset("claims")
    picked = frame[frame["type"] == cls.type]
    return [(row, row.claim) for row in picked.itertuples(index=False)]
