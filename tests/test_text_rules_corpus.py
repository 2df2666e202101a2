"""Duplicate, truncation and repetition rules on the shared corpus of real articles.

Every error and warning these rules raised on the corpus was read and judged a real defect of
the text; these bounds keep the count from creeping up with false alarms. Skips without the corpus.
"""
from __future__ import annotations

from collections import Counter

import pytest

from checks.config import Config
from checks.engine import execute

# Judged level per rule on the 1,015 articles, every finding read. DUP002's 8 groups: 5 real near copies
# (a paragraph repeated with a lead-in added or a clause cut, in one article or reused in the next
# week's), 3 templates filled with other figures (per-sector and weekly market summaries), which are
# near copies by their characters though not by their facts. REP001's 8 are all slips. The other rules'
# levels were judged before.
JUDGED = {"DUP001": 2, "DUP002": 8, "DUP003": 12, "TRN001": 34, "TRN002": 1, "REP001": 8}


@pytest.fixture(scope="module")
def corpus_findings(news_corpus):
    return execute([str(news_corpus)], Config(select=["DUP", "TRN", "REP"])).findings


def test_warnings_and_errors_stay_at_the_judged_level(corpus_findings):
    counts = Counter(f.check for f in corpus_findings if f.severity != "info")
    for code, judged in JUDGED.items():
        assert counts[code] <= judged, f"{code}: {counts[code]} findings, judged level {judged}"
    assert counts["DUP001"] >= 1  # the corpus holds paragraphs repeated as published


def test_doubled_words_found_are_the_real_ones(corpus_findings):
    doubled = sorted(f.evidence["doubled"] for f in corpus_findings if f.check == "REP001")
    assert doubled == sorted(["推荐推荐", "交易交易", "业绩业绩", "研究院研究院", "的的", "对对", "stock stock", "two two"])


def test_exact_duplicates_name_every_copy(corpus_findings):
    for finding in (f for f in corpus_findings if f.check == "DUP001"):
        assert len(finding.locations) == finding.evidence["copies"] >= 2


def test_near_copies_are_groups_naming_each_member_once(corpus_findings):
    near = [f for f in corpus_findings if f.check == "DUP002"]
    assert sum(len(f.locations) for f in near) == 19
    for finding in near:
        ids = [loc.paragraph_id for loc in finding.locations]
        assert len(ids) == len(set(ids)) == finding.evidence["copies"] >= 2
        assert all(p["similarity"] >= finding.evidence["threshold"] for p in finding.evidence["pairs"])


def test_repetition_statistics_are_info_only(corpus_findings):
    rep2 = [f for f in corpus_findings if f.check == "REP002"]
    assert all(f.severity == "info" for f in rep2)
    assert len(rep2) <= 80
