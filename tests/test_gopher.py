"""REP002's statistics: tokens found by array work are the tokens of the regular expression, and the
statistics do not depend on how n-grams happen to be ordered."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.rules.repetition import GOPHER, _tokens, articles_to_judge, statistics_of_texts, token_arrays

TEXT = st.text(alphabet=st.sampled_from(list("ab AB 12 。的一是在不了有和人中大") + ["\u3400", "\u4dbf", "\u9fff", "é", "\n"]),
               max_size=300)


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_array_tokens_are_the_regex_tokens(text):
    expected = _tokens(text)
    hashes, lengths, cjk = token_arrays(text)
    assert list(lengths) == [len(t) for t in expected]
    assert cjk == sum(1 for t in expected if len(t) == 1 and t >= "\u3400")
    # equal tokens hash equal, different tokens (almost surely) differ
    by_token: dict[str, int] = {}
    for token, value in zip(expected, hashes.tolist()):
        assert by_token.setdefault(token, value) == value
    assert len(set(by_token.values())) == len(by_token)


def test_a_repeated_article_passes_the_thresholds_and_a_varied_one_does_not():
    repeated = ["本市天气晴，最高气温8摄氏度，最低气温零下3摄氏度，空气质量良好，适宜户外活动。"] * 6
    stats = statistics_of_texts(repeated, GOPHER)
    assert stats["dup_paragraph_fraction"] > GOPHER["dup_paragraph_fraction"]
    assert stats["dup_10gram"] > GOPHER["dup_10gram"]
    varied = ["The ministry said exports rose sharply in the first nine months, led by shipments to Europe.",
              "Analysts expect the central bank to hold interest rates steady when it meets next week.",
              "Retail sales in the capital grew faster than in any other region, according to the survey."]
    stats = statistics_of_texts(varied, {**GOPHER, "min_tokens": 10})
    assert stats and all(stats[name] <= GOPHER[name] for name in stats)


def test_ties_between_equally_frequent_ngrams_take_the_longest():
    # "aa bb" and "a b": each 2-gram occurs twice; the longer one in characters is the top one
    stats = statistics_of_texts(["x aa bb y aa bb z a b w a b " + " ".join(f"t{i}" for i in range(100))],
                                {**GOPHER, "min_tokens": 10})
    assert stats["top_2gram"] == round(2 * 4 / sum(len(t) for t in _tokens(
        "x aa bb y aa bb z a b w a b " + " ".join(f"t{i}" for i in range(100)))), 4)


def test_the_articles_left_unjudged_cannot_pass_any_threshold(news_records):
    """REP002 computes statistics only for the articles `articles_to_judge` keeps: every article of the shared
    corpus that passes a threshold (at the published ones and at much lower ones) must be among them."""
    from checks.ingest.normalize import normalize

    articles = [[normalize(p) for p in r["body"].split("\n\n") if p.strip()] for r in news_records]
    for scale in (1.0, 0.3, 0.1):
        options = {name: (value * scale if name != "min_tokens" else value) for name, value in GOPHER.items()}
        kept = articles_to_judge(articles, options)
        for texts, keep in zip(articles, kept):
            stats = statistics_of_texts(texts, options)
            if any(value > options[name] for name, value in stats.items()):
                assert keep, texts[0][:60]
        assert sum(kept) < len(articles)  # and it does leave articles out
