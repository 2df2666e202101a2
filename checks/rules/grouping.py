"""Rows of each article in reading order, for the rules that judge an article as a whole."""
from __future__ import annotations

from collections import namedtuple
from typing import Iterator

import numpy as np
import pandas as pd


def in_position_order(article: pd.DataFrame, columns: list[str]) -> list:
    """One article's rows (named tuples of `columns`) in position order."""
    return list(article.sort_values("position", kind="stable")[columns].itertuples(index=False, name="Row"))


def by_article(paragraphs: pd.DataFrame, columns: list[str]) -> Iterator[tuple[str, list]]:
    """(article_id, rows in position order) for each article in id order; rows are named tuples.

    One sort of the ids' codes and one pass over the columns as lists: a pandas group, sort and copy per
    article costs about a millisecond, and sorting the frame itself moves every text (Arrow take) and then
    reads it back one cell at a time, which cost more than the rules' own work.
    """
    wanted = ["article_id"] + [c for c in columns if c != "article_id"]
    if not len(paragraphs):
        return
    codes, _ = pd.factorize(paragraphs["article_id"], sort=True)
    order = np.lexsort((paragraphs["position"].to_numpy(), codes))
    values = [paragraphs[c].to_numpy(dtype=object)[order] for c in wanted]
    row = namedtuple("Row", wanted)
    rows = list(map(row._make, zip(*values)))
    sorted_codes = codes[order]
    bounds = [0, *(np.flatnonzero(sorted_codes[1:] != sorted_codes[:-1]) + 1).tolist(), len(rows)]
    for start, end in zip(bounds, bounds[1:]):
        yield rows[start].article_id, rows[start:end]
