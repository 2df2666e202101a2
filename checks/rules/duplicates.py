"""Duplicate rules: exact (DUP001), near (DUP002) and partial (DUP003) copies of paragraphs.

Each rule is candidate generation followed by confirmation. The pure functions below take a
paragraphs DataFrame, so another engine can generate candidates its own way (Spark's
MinHashLSH, say) and still end in the same findings through the `hits_for_*` functions, which
confirm every pair with the exact measure and build the hits.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import groupby
from operator import attrgetter

import numpy as np
import pandas as pd

from checks.errors import ConfigError
from checks.model import Hit
from checks.rules.base import rule
from checks.similarity import (anchor_pairs, differing_spans, jaccard, longest_shared, lsh_pairs, minhash_signatures,
                               grams, set_jaccard, shared_positions, shingles)

# Text that recurs by its nature: a dateline or a column name is never a duplicated paragraph.
NEVER_DUPLICATE_KINDS = ("dateline", "column")
# Titles, headings and captions are short labels; only long ones can be copies.
LABEL_KINDS = ("title", "heading", "subheading", "caption")

ELIGIBILITY = {"min_chars": 20, "min_label_chars": 40}
NEAR = {"threshold": 0.8, "shingle": 5, "num_perm": 48, "bands": 12, "rows": 4, "max_bucket": 100, "seed": 1}
PARTIAL = {"min_chars": 50, "min_fraction": 0.5, "opening_fraction": 0.8, "anchor": 16, "keep_one_in": 4,
           "min_anchors": 2, "max_bucket": 20, "near_threshold": 0.8, "shingle": 5}


def eligible(paragraphs: pd.DataFrame, options: dict) -> pd.Series:
    """Paragraphs that could be duplicates: not datelines or column names, and long enough for their kind."""
    kind, length = paragraphs["kind"], paragraphs["norm"].str.len()
    body_like = ~kind.isin(LABEL_KINDS + NEVER_DUPLICATE_KINDS) & (length >= int(options.get("min_chars", 20)))
    label = kind.isin(LABEL_KINDS) & (length >= int(options.get("min_label_chars", 40)))
    return body_like | label


def exact_groups(paragraphs: pd.DataFrame, options: dict | None = None) -> pd.DataFrame:
    """Eligible paragraphs whose normalised text occurs more than once, grouped by their content hash."""
    chosen = paragraphs[eligible(paragraphs, options or ELIGIBILITY)]
    repeated = chosen[chosen["norm"].duplicated(keep=False)]
    return pd.DataFrame({"paragraph_id": repeated["paragraph_id"].to_numpy(),
                         "group_key": repeated["content_hash"].to_numpy(dtype=object)})


def representatives(paragraphs: pd.DataFrame, options: dict) -> pd.DataFrame:
    """One eligible paragraph per distinct text (the smallest paragraph_id), sorted by paragraph_id."""
    chosen = paragraphs.loc[eligible(paragraphs, options), ["paragraph_id", "norm"]]
    chosen = chosen.sort_values("paragraph_id", kind="stable")
    return chosen.drop_duplicates("norm").reset_index(drop=True)


def _as_pairs(reps: pd.DataFrame, index_pairs: np.ndarray) -> pd.DataFrame:
    ids = reps["paragraph_id"].to_numpy()
    a, b = ids[index_pairs[:, 0]], ids[index_pairs[:, 1]]
    frame = pd.DataFrame({"a": np.where(a < b, a, b), "b": np.where(a < b, b, a)})
    return frame.sort_values(["a", "b"], kind="stable").reset_index(drop=True)


def _require(ok: bool, code: str, message: str) -> None:
    if not ok:
        raise ConfigError(f"rules.{code}: {message}")


def check_near_options(options: dict) -> None:
    """Settings DUP002 cannot run with (checked before any work, on every engine)."""
    opts = {**NEAR, **options}
    _require(0 < float(opts["threshold"]) <= 1, "DUP002", "threshold must be in (0, 1]")
    _require(int(opts["bands"]) >= 1 and int(opts["rows"]) >= 1 and int(opts["shingle"]) >= 1
             and int(opts["bands"]) * int(opts["rows"]) <= int(opts["num_perm"]), "DUP002",
             "bands x rows must be at least 1 and at most num_perm; shingle at least 1")


def check_partial_options(options: dict) -> None:
    """Settings DUP003 cannot run with (checked before any work, on every engine)."""
    opts = {**PARTIAL, **options}
    _require(all(int(opts[name]) >= 1 for name in ("anchor", "keep_one_in", "min_anchors", "max_bucket")), "DUP003",
             "anchor, keep_one_in, min_anchors and max_bucket must be at least 1")


def near_candidates(paragraphs: pd.DataFrame, options: dict) -> pd.DataFrame:
    """Candidate near-duplicate pairs [a, b] from MinHash signatures and banded LSH."""
    opts = {**NEAR, **options}
    check_near_options(opts)
    reps = representatives(paragraphs, opts)
    texts = reps["norm"].tolist()
    signatures = minhash_signatures(texts, int(opts["shingle"]), int(opts["num_perm"]), int(opts["seed"]))
    pairs = lsh_pairs(signatures, int(opts["bands"]), int(opts["rows"]), int(opts["max_bucket"]))
    return _as_pairs(reps, pairs)


def partial_candidates(paragraphs: pd.DataFrame, options: dict) -> pd.DataFrame:
    """Candidate pairs [a, b] sharing at least min_anchors sampled long shingles."""
    opts = {**PARTIAL, **options}
    check_partial_options(opts)
    reps = representatives(paragraphs, opts)
    pairs = anchor_pairs(reps["norm"].tolist(), int(opts["anchor"]), int(opts["keep_one_in"]),
                         int(opts["max_bucket"]), int(opts["min_anchors"]))
    return _as_pairs(reps, pairs)


def _scope(rows: list) -> str:
    if len({row.file for row in rows}) > 1:
        return "across files"
    return "across articles" if len({row.article_id for row in rows}) > 1 else "inside one article"


def _where(loc) -> str:
    return f"{loc.file}:{loc.line_start}"


def hits_for_exact(ctx, groups: pd.DataFrame):
    """One hit per group of identical paragraphs, naming every copy in file and line order.

    The copies of all groups are joined and sorted once: a pandas lookup per group cost
    most of a large run's time.
    """
    columns = ["paragraph_id", "file", "line_start", "article_id", "norm"]
    copies = groups.merge(ctx.dataset("paragraphs")[columns], on="paragraph_id", how="inner")
    copies = copies.sort_values(["group_key", "file", "line_start", "paragraph_id"], kind="stable")
    for key, rows in groupby(copies.itertuples(index=False), key=attrgetter("group_key")):
        rows = list(rows)
        if len({row.norm for row in rows}) != 1:  # a digest collision is not a duplicate
            continue
        locations = [ctx.locate(row.paragraph_id) for row in rows]
        text = str(rows[0].norm)
        yield Hit(
            message=f"paragraph repeated {len(rows)} times ({_scope(rows)}): "
            + ", ".join(_where(loc) for loc in locations),
            locations=locations,
            evidence={"copies": len(rows), "scope": _scope(rows), "length": len(text), "text": text[:120]},
            key=str(key),
        )


def _canonical_pairs(paragraphs: pd.DataFrame, pairs: pd.DataFrame, options: dict,
                     norm: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs mapped to each text's representative, distinct, a < b, sorted: candidate order never matters.

    `norm` is the caller's paragraph_id -> normalised text, built once per rule.
    """
    reps = representatives(paragraphs, options)
    rep_of_text = dict(zip(reps["norm"], reps["paragraph_id"]))
    out = set()
    for a, b in zip(pairs["a"], pairs["b"]):
        ra, rb = rep_of_text.get(norm.get(a)), rep_of_text.get(norm.get(b))
        if ra and rb and ra != rb:
            out.add((min(ra, rb), max(ra, rb)))
    return sorted(out)


def _located_pair(ctx, a: str, b: str):
    locations = sorted([ctx.locate(a), ctx.locate(b)], key=lambda loc: (loc.file, loc.line_start, loc.paragraph_id))
    return locations


def hits_for_near(ctx, pairs: pd.DataFrame, options: dict):
    """Confirm each candidate pair with the exact shingle Jaccard; a hit per pair at or above the threshold."""
    opts = {**NEAR, **options}
    paragraphs = ctx.dataset("paragraphs")
    norm = dict(zip(paragraphs["paragraph_id"], paragraphs["norm"]))
    k, threshold = int(opts["shingle"]), float(opts["threshold"])
    shingle_set = lru_cache(maxsize=1 << 16)(lambda pid: shingles(norm[pid], k))
    for a, b in _canonical_pairs(paragraphs, pairs, opts, norm):
        sa, sb = shingle_set(a), shingle_set(b)
        if min(len(sa), len(sb)) / max(len(sa), len(sb)) < threshold:
            continue  # Jaccard is at most the ratio of the sizes (and rounding keeps that order)
        similarity = set_jaccard(sa, sb)
        if similarity < threshold:
            continue
        locations = _located_pair(ctx, a, b)
        first, second = (norm[loc.paragraph_id] for loc in locations)
        yield Hit(
            message=f"paragraphs at {_where(locations[0])} and {_where(locations[1])} are near duplicates "
            f"(shingle Jaccard {similarity:.2f})",
            locations=locations,
            evidence={"similarity": round(similarity, 4), "threshold": threshold, "shingle": k,
                      "differing_spans": differing_spans(first, second)},
        )


def partial_overlap(a: str, b: str, options: dict, longer_grams: set[str] | None = None) -> dict | None:
    """The shared stretch of two texts when it makes one a partial copy of the other, else None.

    The stretch must be at least min_chars long and cover min_fraction of the shorter text; a
    stretch both texts open with (a stock opening) must cover opening_fraction of the shorter.
    """
    shorter, k = min(len(a), len(b)), int(options["anchor"])
    needed = max(float(options["min_chars"]), float(options["min_fraction"]) * shorter)
    if shared_positions(a, b, k, longer_grams) < needed - k + 1:
        return None
    ia, ib, size = longest_shared(a, b)
    if size < int(options["min_chars"]) or size < float(options["min_fraction"]) * shorter:
        return None
    if ia == 0 and ib == 0 and size < float(options["opening_fraction"]) * shorter:
        return None
    return {"a_start": ia, "b_start": ib, "length": size, "fraction_of_shorter": round(size / shorter, 4)}


def hits_for_partial(ctx, pairs: pd.DataFrame, options: dict):
    """Confirm each candidate pair by its longest shared stretch; near and exact copies are left to DUP001/2."""
    opts = {**PARTIAL, **options}
    paragraphs = ctx.dataset("paragraphs")
    norm = dict(zip(paragraphs["paragraph_id"], paragraphs["norm"]))
    anchor_grams = lru_cache(maxsize=1 << 16)(lambda pid: grams(norm[pid], int(opts["anchor"])))
    for a, b in _canonical_pairs(paragraphs, pairs, opts, norm):
        locations = _located_pair(ctx, a, b)
        first, second = (norm[loc.paragraph_id] for loc in locations)
        longer = locations[1] if len(first) <= len(second) else locations[0]
        overlap = partial_overlap(first, second, opts, anchor_grams(longer.paragraph_id))
        if overlap is None or jaccard(first, second, int(opts["shingle"])) >= float(opts["near_threshold"]):
            continue
        shared = first[overlap["a_start"]:overlap["a_start"] + overlap["length"]]
        yield Hit(
            message=f"paragraph at {_where(locations[1])} repeats {overlap['length']} characters of the one at "
            f"{_where(locations[0])}",
            locations=locations,
            evidence={**overlap, "shared_text": shared[:160], "differing_spans": differing_spans(first, second)},
        )


@rule("DUP001", category="duplicate", severity="error", scope="corpus", dataset="paragraphs", title="Exact duplicate paragraph",
      options=ELIGIBILITY)
def exact_duplicates(ctx):
    """Report paragraphs whose normalised text appears more than once, naming every copy.

    ## What it does
    Groups paragraphs by their normalised text (NFKC, full-width folded, whitespace
    collapsed) inside an article, across articles and across files; each group of two or
    more copies is one finding that names every copy. Datelines and column names never
    count, nor do titles, headings and captions shorter than `min_label_chars` (40) or
    other paragraphs shorter than `min_chars` (20): such text recurs by its nature.

    ## Why is this bad
    A paragraph printed twice is a layout or merge error: readers see the same facts twice,
    and counts or statistics over the dataset weigh them double.

    ## Example
    The same paragraph printed in two articles:

    ```paragraphs
    三大运营商已建成多个万卡智算集群，智能算力规模持续扩大，为大模型训练提供了有力支撑。
    ```

    ```paragraphs
    记者从相关部门获悉，今年将继续推进算力网络建设。
    三大运营商已建成多个万卡智算集群，智能算力规模持续扩大，为大模型训练提供了有力支撑。
    ```

    ## Use instead
    Keep the paragraph once, where it belongs:

    ```paragraphs
    三大运营商已建成多个万卡智算集群，智能算力规模持续扩大，为大模型训练提供了有力支撑。
    ```

    ```paragraphs
    记者从相关部门获悉，今年将继续推进算力网络建设。
    ```
    """
    opts = ctx.options("DUP001")
    yield from hits_for_exact(ctx, exact_groups(ctx.dataset("paragraphs"), opts))


@rule("DUP002", category="duplicate", severity="warning", scope="corpus", dataset="paragraphs", title="Near-duplicate paragraphs",
      options={**ELIGIBILITY, **NEAR}, check_options=check_near_options)
def near_duplicates(ctx):
    """Report pairs of paragraphs that are almost the same text.

    ## What it does
    Finds candidate pairs with MinHash signatures of 5-character shingles and banded LSH
    (`num_perm`, `bands` x `rows`), then computes the exact shingle Jaccard similarity of
    each candidate and reports pairs at or above `threshold` (0.8). Evidence gives the
    similarity and the spans where the two differ. Exact copies are DUP001's.

    ## Why is this bad
    A paragraph repeated with a few words changed is usually an edited copy that was not
    removed, or one story merged twice; it inflates the dataset the same way a copy does.

    ## Example
    The same paragraph twice, one figure changed:

    ```paragraphs
    国家统计局数据显示，今年前三季度全国规模以上工业增加值同比增长5.2%，比上半年加快0.4个百分点，装备制造业和高技术制造业增加值增速均快于全部规模以上工业，经济运行总体平稳、稳中向好。
    记者了解到，多地正在加快推进重大项目建设。
    国家统计局数据显示，今年前三季度全国规模以上工业增加值同比增长5.3%，比上半年加快0.4个百分点，装备制造业和高技术制造业增加值增速均快于全部规模以上工业，经济运行总体平稳、稳中向好。
    ```

    ## Use instead
    Keep one version, the correct one:

    ```paragraphs
    国家统计局数据显示，今年前三季度全国规模以上工业增加值同比增长5.2%，比上半年加快0.4个百分点，装备制造业和高技术制造业增加值增速均快于全部规模以上工业，经济运行总体平稳、稳中向好。
    记者了解到，多地正在加快推进重大项目建设。
    ```
    """
    opts = ctx.options("DUP002")
    paragraphs = ctx.dataset("paragraphs")
    yield from hits_for_near(ctx, near_candidates(paragraphs, opts), opts)


@rule("DUP003", category="duplicate", severity="warning", scope="corpus", dataset="paragraphs", title="Partial duplicate paragraph",
      options={**ELIGIBILITY, **PARTIAL}, check_options=check_partial_options)
def partial_duplicates(ctx):
    """Report a paragraph that repeats a long stretch of another one.

    ## What it does
    Candidates are pairs sharing at least `min_anchors` (2) sampled 16-character shingles;
    each is confirmed by its longest shared stretch of text, which must be at least
    `min_chars` (50) characters and at least `min_fraction` (0.5) of the shorter paragraph.
    A stretch both paragraphs open with must cover `opening_fraction` (0.8) of the shorter
    one, so two paragraphs that merely start with the same stock sentence are not reported.
    Pairs similar enough to be near duplicates (`near_threshold`) are left to DUP002.

    ## Why is this bad
    A layout error can glue the start of one sentence onto the copied tail of another:
    the paragraph reads on, but says what an earlier one said and loses its own content.

    ## Example
    A paragraph whose opening was glued onto the copied tail of an earlier one:

    ```paragraphs
    合作期间，双方在大熊猫饲养管理、繁殖育幼、疾病防控、公众教育等领域取得丰硕成果，先后成功繁育多只幼仔，为全球大熊猫保护事业作出了积极贡献，受到社会各界广泛好评。
    熊猫中心雅安基地做好了隔离检疫、科学管理、疾病防控、公众教育等领域取得丰硕成果，先后成功繁育多只幼仔，为全球大熊猫保护事业作出了积极贡献，受到社会各界广泛好评。
    ```

    ## Use instead
    Restore the paragraph's own text from the source:

    ```paragraphs
    合作期间，双方在大熊猫饲养管理、繁殖育幼、疾病防控、公众教育等领域取得丰硕成果，先后成功繁育多只幼仔，为全球大熊猫保护事业作出了积极贡献，受到社会各界广泛好评。
    熊猫中心雅安基地做好了隔离检疫、科学管理等各项准备工作，确保大熊猫回国后尽快适应新环境。
    ```
    """
    opts = ctx.options("DUP003")
    paragraphs = ctx.dataset("paragraphs")
    yield from hits_for_partial(ctx, partial_candidates(paragraphs, opts), opts)
