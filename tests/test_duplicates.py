"""Duplicate rules on the bundled page and on synthetic Chinese and English pages."""
from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np
import pandas as pd
import pytest

from checks.config import Config
from checks.engine import execute
from checks.rules import duplicates as dup
from checks.similarity import (anchor_pairs, bucket_pairs, codes_of, differing_spans, edit_similarity, grams,
                               longest_shared, lsh_pairs, oph_signatures, script_band_keys, script_shingles,
                               shared_position_bounds, shared_positions, shingle_hashes)


def _line_of(lines: list[str], needle: str, start: int = 0) -> int:
    """1-based number of the first line at or after `start` that holds needle."""
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i + 1
    raise AssertionError(f"{needle!r} not on the page")


def _run(paths, select):
    return execute([str(p) for p in paths], Config(select=select))


def _lines(finding) -> list[int]:
    return sorted(loc.line_start for loc in finding.locations)


@pytest.fixture(scope="module")
def seed_dups(seed_page):
    return _run([seed_page], ["DUP"]).findings


def test_seed_exact_duplicates_name_both_copies(seed_dups, seed_lines):
    first = _line_of(seed_lines, "三大运营商建成了4个")
    second = _line_of(seed_lines, "三大运营商建成了4个", first)
    cut_first = _line_of(seed_lines, "焕新社区")
    cut_second = _line_of(seed_lines, "焕新社区", cut_first)
    exact = sorted(_lines(f) for f in seed_dups if f.check == "DUP001")
    assert exact == sorted([[first, second], [cut_first, cut_second]])
    assert all(f.evidence["scope"] == "across articles" for f in seed_dups if f.check == "DUP001")


def test_seed_partial_duplicate_is_the_glued_tail(seed_dups, seed_lines):
    original = _line_of(seed_lines, "合作期间")
    glued = _line_of(seed_lines, "熊猫中心雅安基地做好了")
    partial = [f for f in seed_dups if f.check == "DUP003"]
    assert [_lines(f) for f in partial] == [[original, glued]]
    assert partial[0].evidence["length"] >= 50


def test_seed_flags_nothing_else(seed_dups, seed_lines):
    """Datelines, column names and headings repeat on the page; none of them is a duplicate."""
    datelines = [i + 1 for i, line in enumerate(seed_lines) if line.strip() == "(新华社北京1月28日电)"]
    assert len(datelines) == 2
    flagged = {line for f in seed_dups for line in _lines(f)}
    assert not flagged & set(datelines)
    assert len(seed_dups) == 3


def _page(tmp_path, name: str, paragraphs: list[str]) -> str:
    path = tmp_path / name
    path.write_text("测试标题\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return str(path)


ZH_A = "国家统计局今天发布数据显示，前三季度全国规模以上工业增加值同比增长百分之五点二，比上半年加快零点一个百分点，装备制造业增长较快。"
ZH_B = "海关总署公布的数据表明，今年前十个月我国货物贸易进出口总值继续保持增长态势，其中民营企业进出口占比进一步提高，成为外贸稳定器。"
EN_A = ("The central bank kept its benchmark rate unchanged on Thursday, saying inflation had eased "
        "but that it would watch wage growth and energy prices closely over the coming months.")
EN_B = ("Shares in the carmaker fell sharply after it cut its delivery forecast for the year, blaming "
        "weaker demand in Europe and a shortage of parts at two of its largest plants.")


def test_exact_duplicates_across_files_inside_and_across_articles(tmp_path):
    one = _page(tmp_path, "one.txt", [ZH_A, EN_A, ZH_A])
    two = _page(tmp_path, "two.txt", [EN_B, EN_A])
    found = {tuple(sorted((loc.file.rsplit("/", 1)[-1], loc.line_start) for loc in f.locations)): f
             for f in _run([one, two], ["DUP001"]).findings}
    assert len(found) == 2
    scopes = sorted(f.evidence["scope"] for f in found.values())
    assert scopes == ["across files", "inside one article"]


def test_short_recurring_text_is_not_a_duplicate(tmp_path):
    credit = "新华社记者 王明 摄"
    page = _page(tmp_path, "p.txt", [ZH_A, credit, ZH_B, credit, "(完)", EN_A, "Reuters", EN_B, "Reuters"])
    assert _run([page], ["DUP"]).findings == []


def test_near_duplicate_reports_similarity_and_spans(tmp_path):
    zh_near = ZH_A.replace("五点二", "五点三")
    en_near = EN_A.replace("Thursday", "Friday")
    page = _page(tmp_path, "p.txt", [ZH_A, ZH_B, zh_near, EN_A, EN_B, en_near])
    near = _run([page], ["DUP002"]).findings
    assert len(near) == 2
    for finding in near:
        assert finding.evidence["similarity"] >= 0.85 and finding.evidence["copies"] == 2
        assert finding.evidence["differing_spans"]
    spans = [s for f in near for s in f.evidence["differing_spans"]]
    assert any("二" in s["a_text"] + s["b_text"] for s in spans)


def _edited(text: str, every: int, how: str) -> str:
    """The text with one character in `every` substituted, deleted or given a neighbour."""
    out = []
    for i, char in enumerate(text):
        if i % every != every // 2:
            out.append(char)
        elif how == "substitute":
            out.append("某" if "\u4e00" <= char <= "\u9fff" else "x")
        elif how == "insert":
            out.append(char + ("某" if "\u4e00" <= char <= "\u9fff" else "x"))
    return "".join(out)


@pytest.mark.parametrize("how", ["substitute", "insert", "delete"])
def test_near_copies_with_a_tenth_changed_are_found_in_both_languages(tmp_path, how):
    """One character in ten changed, spread over the paragraph: a reader sees the same paragraph."""
    page = _page(tmp_path, "p.txt", [ZH_A, EN_A, ZH_B, EN_B, _edited(ZH_A, 10, how), _edited(EN_A, 10, how)])
    near = _run([page], ["DUP002"]).findings
    assert sorted(len(f.locations) for f in near) == [2, 2]
    assert all(0.85 <= f.evidence["similarity"] < 1 for f in near)


def test_a_changed_clause_in_one_place_is_a_near_copy(tmp_path):
    clustered = ZH_B.replace("民营企业进出口占比进一步提高", "外资企业进出口占比有所下降")
    assert edit_similarity(ZH_B, clustered) >= 0.85
    page = _page(tmp_path, "p.txt", [ZH_A, ZH_B, EN_A, clustered])
    assert [len(f.locations) for f in _run([page], ["DUP002"]).findings] == [2]


def test_near_copies_of_one_paragraph_are_one_finding_naming_every_copy(tmp_path):
    copies = [ZH_A, ZH_A.replace("五点二", "五点三"), ZH_A.replace("装备制造业", "高技术制造业"),
              ZH_A.replace("国家统计局", "统计部门")]
    one = _page(tmp_path, "one.txt", [copies[0], ZH_B, copies[1]])
    two = _page(tmp_path, "two.txt", [EN_A, copies[2], copies[3]])
    first = _run([one, two], ["DUP002"]).findings
    assert len(first) == 1
    finding = first[0]
    assert finding.evidence["copies"] == 4 == len(finding.locations)
    places = [(loc.file, loc.line_start) for loc in finding.locations]
    assert places == sorted(places)
    assert all(0 <= p["a"] < p["b"] < 4 and p["similarity"] >= 0.85 for p in finding.evidence["pairs"])
    again = _run([two, one], ["DUP002"]).findings
    assert [f.id for f in again] == [finding.id]


def test_templated_paragraphs_about_different_things_are_not_near_copies(tmp_path):
    """Two paragraphs sharing a frame but not their facts differ in more than 15% of their characters."""
    frame = "截至{}收盘，{}指数报{}点，较上一交易日{}，成交额{}亿元，两市共有{}只个股上涨。"
    first = frame.format("周一", "上证综合", "3051.42", "上涨0.52%", "4312", "2967")
    second = frame.format("周四", "深证成份", "9816.07", "下跌1.37%", "5208", "1105")
    assert edit_similarity(first, second) < 0.85
    page = _page(tmp_path, "p.txt", [first, ZH_B, second])
    assert _run([page], ["DUP002"]).findings == []


def test_near_threshold_is_configurable(tmp_path):
    page = _page(tmp_path, "p.txt", [ZH_A, ZH_A.replace("五点二", "五点三")])
    strict = execute([page], Config(select=["DUP002"], rules={"DUP002": {"threshold": 0.99}}))
    assert strict.findings == []


def test_near_copies_are_left_to_dup002_not_reported_as_partial(tmp_path):
    near = ZH_A.replace("国家统计局今天发布数据显示，", "统计局数据显示，")
    assert edit_similarity(ZH_A, near) >= 0.85
    page = _page(tmp_path, "p.txt", [ZH_A, ZH_B, near])
    found = _run([page], ["DUP002", "DUP003"]).findings
    assert [f.check for f in found] == ["DUP002"]


def test_same_stock_opening_is_not_a_partial_duplicate(tmp_path):
    opening = "记者从国家发展和改革委员会今天召开的新闻发布会上获悉，"
    page = _page(tmp_path, "p.txt", [
        opening + "今年以来全国铁路完成固定资产投资同比增长明显，多条高速铁路建成投产，中西部路网持续完善。",
        opening + "下一步将加快推进重大水利工程建设，加强防洪减灾体系，确保农业灌溉用水和城乡供水安全。",
        "Officials said on Monday that the new rules would apply from January. " + EN_A,
        "Officials said on Monday that the new rules would apply from January. " + EN_B,
    ])
    assert _run([page], ["DUP003"]).findings == []


def test_partial_duplicate_english_and_chinese(tmp_path):
    zh_glued = "市场监管部门做好了" + ZH_A[10:]
    en_glued = "Regulators in Brussels prepared " + EN_A[30:]
    page = _page(tmp_path, "p.txt", [ZH_A, ZH_B, zh_glued, EN_A, EN_B, en_glued])
    partial = _run([page], ["DUP003"]).findings
    assert len(partial) == 2
    assert all(f.evidence["fraction_of_shorter"] >= 0.5 and f.evidence["length"] >= 50 for f in partial)


def test_hit_keys_do_not_depend_on_candidate_order(seed_result):
    ctx = seed_result.context
    paragraphs = ctx.dataset("paragraphs")
    opts = ctx.options("DUP003")
    pairs = dup.partial_candidates(paragraphs, opts)
    assert len(pairs) >= 1
    swapped = pd.DataFrame({"a": pairs["b"], "b": pairs["a"]}).iloc[::-1]
    one = [(h.message, h.key) for h in dup.hits_for_partial(ctx, pairs, opts)]
    two = [(h.message, h.key) for h in dup.hits_for_partial(ctx, swapped, opts)]
    assert one == two and one


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b)


def test_one_permutation_minhash_estimates_jaccard():
    rng = np.random.default_rng(3)
    base = "".join(chr(c) for c in rng.integers(0x4E00, 0x5E00, size=300))
    for edited in (base[:100] + "变" + base[101:], base[:150] + "变化" + base[200:], base[30:] + base[:30]):
        signatures = oph_signatures([base, edited], 4, 2, 256)
        estimate = float((signatures[0] == signatures[1]).mean())
        assert abs(estimate - _jaccard(script_shingles(base, 4, 2), script_shingles(edited, 4, 2))) < 0.1


def test_no_texts_no_candidates():
    empty = pd.DataFrame({"paragraph_id": pd.Series([], dtype=object), "norm": pd.Series([], dtype=object),
                          "kind": pd.Series([], dtype=object)})
    assert dup.near_candidates(empty, {}).empty


def test_texts_are_told_apart_by_their_text_not_their_content_hash():
    # two texts under one (colliding) hash stay two texts; equal texts share a code whatever their rows
    texts = ["这是第一段足够长的正文内容，用来检验相同文本的判断。", "这是另一段足够长的正文内容，哈希值被故意写成相同。",
             "这是第一段足够长的正文内容，用来检验相同文本的判断。", "还有一段正文，它的内容哈希独一无二，不与任何段落相同。"]
    paragraphs = pd.DataFrame({"paragraph_id": ["p4", "p3", "p2", "p1"], "norm": texts, "kind": ["body"] * 4,
                               "content_hash": ["h", "h", "h", "u"]})
    codes = dup.text_codes(paragraphs, np.arange(4))
    assert codes[0] == codes[2] and len({codes[0], codes[1], codes[3]}) == 3
    assert list(dup.representatives(paragraphs, dup.ELIGIBILITY)["paragraph_id"]) == ["p1", "p2", "p3"]
    assert list(dup.exact_groups(paragraphs)["paragraph_id"]) == ["p4", "p2"]


def test_anchor_pairs_are_those_of_one_sort_over_every_anchor():
    # anchors are paired a range of hashes at a time: the pairs must be those all anchors sorted at once give
    rng = np.random.default_rng(5)
    stock = ["".join(chr(c) for c in rng.integers(0x4E00, 0x4E80, size=40)) for _ in range(30)]
    texts = ["".join(rng.choice(stock, size=6)) for _ in range(200)]
    shared: dict[tuple[int, int], int] = {}
    holders: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        for g in grams(text, 16):  # every shingle is an anchor when one in 1 is kept
            holders.setdefault(g, []).append(i)
    found = anchor_pairs(texts, 16, 1, 1000, 3)
    for members in holders.values():
        for a in members:
            for b in members:
                if a < b:
                    shared[(a, b)] = shared.get((a, b), 0) + 1
    assert sorted(map(tuple, found.tolist())) == sorted(pair for pair, count in shared.items() if count >= 3)


def test_short_texts_get_full_signatures_and_empty_ones_none():
    signatures = oph_signatures(["ab", "一二三", ""], 4, 2, 16)
    assert (signatures[:2] != 0xFFFFFFFF).all() and (signatures[2] == 0xFFFFFFFF).all()
    assert len(lsh_pairs(np.vstack([signatures[2], signatures[2]]), 4, 4)) == 0  # no shingles, no candidates


def test_shingles_are_two_characters_over_han_and_four_elsewhere():
    text = "央行宣布降准0.5个百分点, said the bank"
    shingles = script_shingles(text, 4, 2)
    assert {"央行", "降准", "0.5个", "said", "bank"} <= shingles and "央行宣布" not in shingles
    codes, starts = codes_of([text, "ab", "模型"])
    hashes, owner = shingle_hashes(codes, starts, 4, 2)
    for i, piece in enumerate([text, "ab", "模型"]):
        assert len(set(hashes[owner == i].tolist())) == len(script_shingles(piece, 4, 2))


def test_shingle_hashes_agree_with_shingle_strings():
    """Equal shingles hash equal and different ones differ, whatever the script mix (hypothesis)."""
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.text(alphabet="模型大反诈一个ab c.1", max_size=30), min_size=1, max_size=4))
    def check(texts):
        codes, starts = codes_of(texts)
        hashes, owner = shingle_hashes(codes, starts, 4, 2)
        by_text = [set(hashes[owner == i].tolist()) for i in range(len(texts))]
        strings = [script_shingles(t, 4, 2) for t in texts]
        for i in range(len(texts)):
            assert len(by_text[i]) == len(strings[i])
            for j in range(len(texts)):
                assert len(by_text[i] & by_text[j]) == len(strings[i] & strings[j])

    check()


def _splitmix_finaliser(x: int) -> int:
    mask = 2**64 - 1
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & mask
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & mask
    return x ^ (x >> 31)


@pytest.mark.parametrize("k, k_han", [(16, None), (5, 2), (3, 7), (1, None)])
def test_shingle_hashes_are_the_polynomial_of_their_characters(k, k_han):
    """Each shingle's hash is the splitmix finaliser of sum (code + 1) * BASE**j, xor its width, in text and
    position order; a text shorter than its shingles is its own: the values candidates and anchors are made of."""
    rng = np.random.default_rng(11)
    alphabet = list("abc xyz.1的模型大") + [chr(0x20000)]
    texts = ["".join(rng.choice(alphabet, size=int(rng.integers(0, 40)))) for _ in range(60)] + ["的", "ab", ""]
    hashes, owner = shingle_hashes(*codes_of(texts), k, k_han)
    expected, owners = [], []
    for i, text in enumerate(texts):
        mine = []
        for at, char in enumerate(text):
            width = k_han if k_han is not None and "\u4e00" <= char <= "\u9fff" or char == chr(0x20000) and k_han else k
            if at + width <= len(text):
                mine.append((text[at:at + width], width))
        if not mine and text:
            mine = [(text, len(text))]
        for shingle, width in mine:
            value = sum((ord(c) + 1) * pow(0x100000001B3, j, 2**64) for j, c in enumerate(shingle)) % 2**64
            expected.append(_splitmix_finaliser(value ^ width))
            owners.append(i)
    assert hashes.tolist() == expected and owner.tolist() == owners


def test_differing_spans_are_difflibs_opcodes():
    texts = _texts_with_shared_stretches(12, 200)
    for a, b in zip(texts[::2], texts[1::2]):
        opcodes = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
        assert [(s["a"], s["b"]) for s in differing_spans(a, b, limit=1000)] == [
            ([i1, i2], [j1, j2]) for _, i1, i2, j1, j2 in opcodes]


def test_near_edges_are_the_same_on_one_thread_or_two():
    rng = np.random.default_rng(13)
    base = ["".join(rng.choice(list("的模型大反诈一个数据"), size=80)) for _ in range(30)]
    texts = np.array(base + [t[:40] + "某" + t[41:] for t in base], dtype=object)
    pairs = np.array([(i, j) for i in range(60) for j in range(i + 1, 60)], dtype=np.int64)
    one, two = dup.near_edges(texts, pairs, 0.85, 1), dup.near_edges(texts, pairs, 0.85, 2)
    assert one[0].tolist() == two[0].tolist() == [[i, i + 30] for i in range(30)]
    assert one[1].tolist() == two[1].tolist()


def test_a_candidate_named_by_a_later_copy_stands_for_its_text(tmp_path):
    """Another engine may name any copy of a text; the pair is confirmed as the text's representative."""
    near = ZH_A.replace("五点二", "五点三")
    page = _page(tmp_path, "p.txt", [ZH_A, ZH_B, ZH_A, near])
    ctx = _run([page], ["DUP002"]).context
    paragraphs = ctx.dataset("paragraphs")
    ids = {text: sorted(paragraphs.loc[paragraphs["text"] == text, "paragraph_id"]) for text in paragraphs["text"]}
    copies, other = ids[ZH_A], ids[near][0]
    by_rep = pd.DataFrame({"a": [copies[0]], "b": [other]})
    by_copy = pd.DataFrame({"a": [other], "b": [copies[1]]})
    found = [[(h.message, h.evidence) for h in dup.hits_for_near(ctx, pairs, {})] for pairs in (by_rep, by_copy)]
    assert found[0] == found[1] and len(found[0]) == 1


def test_lsh_finds_planted_pairs_without_random_ones():
    rng = np.random.default_rng(4)
    texts = ["".join(chr(c) for c in rng.integers(0x4E00, 0x5E00, size=80)) for _ in range(300)]
    for i in range(0, 40, 2):
        chars = list(texts[i])
        for at in range(5, 80, 10):  # one character in ten
            chars[at] = "改"
        texts[i + 1] = "".join(chars)
    frame = pd.DataFrame({"paragraph_id": [f"p-{i:03d}" for i in range(300)], "norm": texts, "kind": "body"})
    pairs = {(a, b) for a, b in zip(*dup.near_candidates(frame, {}).to_numpy().T)}
    assert pairs == {(f"p-{i:03d}", f"p-{i + 1:03d}") for i in range(0, 40, 2)}


def test_texts_are_banded_by_their_script():
    """Chinese and English copies are both found; a text half in each script is banded both ways."""
    english = ("Shares in the carmaker fell sharply after it cut its delivery forecast for the year, blaming "
               "weaker demand in Europe and a shortage of parts at two of its largest plants.")
    mixed = ZH_B[:40] + " " + english[:60]
    texts = [ZH_A, _edited(ZH_A, 10, "substitute"), english, _edited(english, 10, "substitute"),
             mixed, _edited(mixed, 10, "delete")]
    layouts = dup.near_layouts({})
    keyed = script_band_keys(texts, dup.NEAR["shingle_han"], layouts)
    assert keyed["han"][0].tolist() == [0, 1, 4, 5] and keyed["latin"][0].tolist() == [2, 3, 4, 5]
    assert keyed["han"][1].shape == (dup.NEAR["bands_han"], 4)
    assert keyed["latin"][1].shape == (dup.NEAR["bands_latin"], 4)
    frame = pd.DataFrame({"paragraph_id": [f"p-{i}" for i in range(6)], "norm": texts, "kind": "body"})
    candidates = dup.near_candidates(frame, {}).to_numpy().tolist()
    assert [["p-0", "p-1"], ["p-2", "p-3"], ["p-4", "p-5"]] == [pair for pair in candidates if pair != ["p-2", "p-4"]]


def test_oversized_buckets_are_bounded():
    keys = np.zeros(1000, dtype=np.uint64)
    ids = np.arange(1000)
    assert len(bucket_pairs(keys, ids, 10, "star")) == 999
    assert len(bucket_pairs(keys, ids, 10, "skip")) == 0
    assert len(bucket_pairs(keys[:5], ids[:5], 10)) == 10


def test_anchor_pairs_need_a_long_shared_stretch():
    rng = np.random.default_rng(6)
    texts = ["".join(chr(c) for c in rng.integers(0x4E00, 0x5E00, size=120)) for _ in range(50)]
    texts[1] = texts[1][:40] + texts[0][40:]
    assert [list(p) for p in anchor_pairs(texts, 16, 4, 20, 2)] == [[0, 1]]


def _texts_with_shared_stretches(seed: int, count: int) -> list[str]:
    """Texts over few characters (many repeats and ties), half of them sharing a stretch with another."""
    rng = np.random.default_rng(seed)
    alphabet = list("abcd的是在") + [chr(0x20000)]
    texts = ["".join(rng.choice(alphabet, size=int(rng.integers(0, 260)))) for _ in range(count)]
    for i in range(0, count - 1, 2):
        start = int(rng.integers(0, 60))
        texts[i] = texts[i][:30] + texts[i + 1][start:start + int(rng.integers(0, 200))] + texts[i][30:]
    return texts


def test_longest_shared_is_difflibs_longest_match():
    texts = _texts_with_shared_stretches(8, 400)
    for a, b in zip(texts[::2], texts[1::2]):
        match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
        assert longest_shared(a, b) == (match.a, match.b, match.size)


def test_shared_position_bounds_count_what_shared_positions_counts():
    texts = _texts_with_shared_stretches(9, 300)
    firsts, seconds = texts[::2] + texts[:50], texts[1::2] + texts[100:150]
    for k in (1, 3, 16):
        assert shared_position_bounds(firsts, seconds, k).tolist() == [
            shared_positions(a, b, k) for a, b in zip(firsts, seconds)]
    for stride in (2, 4):
        every = [(a, b) if len(a) <= len(b) else (b, a) for a, b in zip(firsts, seconds)]
        assert shared_position_bounds(firsts, seconds, 16, stride).tolist() == [
            sum(short[i:i + 16] in grams(long_, 16) for i in range(0, len(short) - 15, stride)) for short, long_ in every]


def test_impossible_lsh_settings_are_a_configuration_error(tmp_path, run_checks):
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.checks.rules.DUP002]\nbands_latin = 0\n", encoding="utf-8")
    page = _page(tmp_path, "p.txt", [ZH_A, ZH_B])
    outcome = run_checks("run", page, "--config", str(config), "--select", "DUP002")
    assert outcome.code == 2
    assert len(outcome.stderr.strip().splitlines()) == 1 and "bands_latin" in outcome.stderr
