"""Pandera models of the datasets the framework derives from raw text."""
from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from checks.vocab import ids

PARAGRAPH_KINDS = ["title", "column", "heading", "subheading", "body", "caption", "dateline"]


class ArticlesModel(pa.DataFrameModel):
    """One row per article found in a raw file."""

    article_id: Series[str] = pa.Field(unique=True, str_matches=ids.ARTICLE_ID)
    file: Series[str] = pa.Field(str_length={"min_value": 1})
    position: Series[int] = pa.Field(ge=0)
    title: Series[str]
    column: Series[str]
    dateline: Series[str]
    date: Series[str]
    source_id: Series[str]
    line_start: Series[int] = pa.Field(ge=1)
    line_end: Series[int] = pa.Field(ge=1)
    paragraphs: Series[int] = pa.Field(ge=1)

    @pa.dataframe_check(error="line_end must not precede line_start")
    def lines_ordered(cls, df):
        return df["line_end"] >= df["line_start"]

    class Config:
        strict = True


class ParagraphsModel(pa.DataFrameModel):
    """One row per paragraph, keeping its original text and where it came from."""

    paragraph_id: Series[str] = pa.Field(unique=True, str_matches=ids.PARAGRAPH_ID)
    article_id: Series[str] = pa.Field(str_matches=ids.ARTICLE_ID)
    file: Series[str] = pa.Field(str_length={"min_value": 1})
    section: Series[str]
    kind: Series[str] = pa.Field(isin=PARAGRAPH_KINDS)
    position: Series[int] = pa.Field(ge=0)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    norm: Series[str]
    length: Series[int] = pa.Field(ge=1)
    line_start: Series[int] = pa.Field(ge=1)
    line_end: Series[int] = pa.Field(ge=1)
    content_hash: Series[str] = pa.Field(str_matches=ids.CONTENT_HASH)

    @pa.dataframe_check(error="line_end must not precede line_start")
    def lines_ordered(cls, df):
        return df["line_end"] >= df["line_start"]

    @pa.dataframe_check(error="length must equal the number of characters of text")
    def length_matches_text(cls, df):
        return df["length"] == df["text"].str.len()

    class Config:
        strict = True


class AccountingModel(pa.DataFrameModel):
    """Per input file: lines read, and where each went."""

    file: Series[str] = pa.Field(unique=True)
    lines: Series[int] = pa.Field(ge=0)
    blank: Series[int] = pa.Field(ge=0)
    in_paragraphs: Series[int] = pa.Field(ge=0)
    articles: Series[int] = pa.Field(ge=0)
    paragraphs: Series[int] = pa.Field(ge=0)

    class Config:
        strict = True
