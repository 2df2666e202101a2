"""The report benchmark's corpus: real paragraphs with planted defects, each kind found by its rule, and
reused paragraphs disguised enough that reuse plants nothing. Reads ../shared/corpus (skipped when absent)."""
from __future__ import annotations

import json
import random
from collections import Counter

import pytest

from checks.bench.realistic import Material, disguise
from checks.bench.report import (cut_paragraph, doubled_word, false_growth, near_copy, read_articles,
                                 write_defect_corpus)
from checks.config import Config
from checks.engine import execute

pytestmark = pytest.mark.corpus
RULE_OF = {"exact_copy": "DUP001", "near_copy": "DUP002", "doubled_word": "REP001", "cut_paragraph": "TRN001",
           "false_growth": "GRW001"}


@pytest.fixture(scope="module")
def articles(news_corpus):
    return read_articles(news_corpus)[:300]


@pytest.fixture(scope="module")
def material(news_corpus):
    return Material.read(news_corpus)


def test_each_planted_defect_is_found_by_its_rule(tmp_path, articles, material):
    written = write_defect_corpus(tmp_path / "a.jsonl", articles, material, 250, seed=3)
    assert written["planted"] == {kind: 50 for kind in RULE_OF}
    result = execute([str(tmp_path)], Config(select=sorted(set(RULE_OF.values()))))
    found = Counter(f.check for f in result.findings)
    for kind, code in RULE_OF.items():
        assert found[code] >= 0.9 * written["planted"][kind], (kind, found)


def test_a_reused_round_is_no_copy_of_the_first(tmp_path, articles, material):
    rng = random.Random(5)
    with (tmp_path / "a.jsonl").open("w", encoding="utf-8") as sink:
        for n, article in enumerate(articles[:100]):
            disguised = [disguise(p, rng, material) for p in article["paragraphs"]]
            for label, paragraphs in (("a", article["paragraphs"]), ("b", disguised)):
                sink.write(json.dumps({"id": f"{label}{n}", "title": "", "body": "\n\n".join(paragraphs)},
                                      ensure_ascii=False) + "\n")
    plain = execute([str(tmp_path)], Config(select=["DUP"]))
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "a.jsonl").write_text("\n".join(json.dumps({"id": str(n), "title": "", "body": "\n\n".join(a["paragraphs"])},
                                                        ensure_ascii=False) for n, a in enumerate(articles[:100])) + "\n",
                                   encoding="utf-8")
    assert len(plain.findings) == len(execute([str(alone)], Config(select=["DUP"])).findings)


def test_planting_functions_change_what_they_say():
    rng = random.Random(1)
    text = "国家统计局今天发布数据，一季度全国规模以上工业增加值同比增长，制造业增势较好，工业生产稳中有进。"
    assert near_copy(rng, text) != text and len(near_copy(rng, text)) == len(text)
    cut = cut_paragraph(rng, text)
    assert text.startswith(cut) and len(cut) < len(text) and cut[-1] not in "。，"
    doubled = doubled_word(rng, text, text + "工业")
    assert len(doubled) > len(text) and any(doubled.count(w * 2) for w in ("工业", "制造业", "统计局", "国家"))
    growth = false_growth(rng, text)
    assert growth.startswith(text) and "增长到" in growth
    english = false_growth(rng, "The ministry said exports rose sharply in the first nine months of the year.")
    assert "rose from $" in english
