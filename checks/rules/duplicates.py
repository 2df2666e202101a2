"""Duplicate rules: exact (DUP001), near (DUP002) and partial (DUP003) copies of paragraphs.

Each rule is candidate generation followed by confirmation. The pure functions below take a
paragraphs DataFrame, so another engine can generate candidates its own way (Spark's
MinHashLSH, say) and still end in the same findings through the `hits_for_*` functions, which
confirm every pair with the exact measure and build the hits.
"""
from __future__ import annotations

import os
from functools import lru_cache
from itertools import groupby
from operator import attrgetter

import numpy as np
import pandas as pd
import pyarrow as pa

from checks.errors import ConfigError
from checks.model import Hit
from checks.rules.base import rule
from checks.similarity import (anchor_pairs, differing_spans, edit_similarities, edit_similarity, grams, keyed_pairs,
                               longest_shared, script_band_keys, shared_position_bounds_at, shared_positions,
                               unique_pairs)

# Text that recurs by its nature: a dateline or a column name is never a duplicated paragraph.
NEVER_DUPLICATE_KINDS = ("dateline", "column")
# Titles, headings and captions are short labels; only long ones can be copies.
LABEL_KINDS = ("title", "heading", "subheading", "caption")

ELIGIBILITY = {"min_chars": 20, "min_label_chars": 40}
# Near copies: edit similarity at least `threshold` (15% of the longer text changed at most). Candidates
# share shingles 2 characters wide where a Han character starts them (about a word) and 5 elsewhere,
# banded per script. A text mostly in Han characters is banded in 32 bands of 4 one-permutation MinHash
# values: a Chinese copy with a tenth of its characters changed (shingle Jaccard about 0.65) becomes a
# candidate with probability above 0.99. A text mostly in Latin letters, whose shingles break more per
# edit (Jaccard about 0.42 at a tenth changed at random, 0.33 at every tenth character), is banded in 64
# bands of 3: probability 0.99 at 0.42, 0.91 at 0.33. Unrelated text on one topic (Jaccard 0.1) becomes
# a candidate with probability 0.003 or 0.06. A text between the two (30-70% Han) is banded both ways.
NEAR = {"threshold": 0.85, "shingle_han": 2, "shingle": 5, "bands_han": 32, "rows_han": 4,
        "bands_latin": 64, "rows_latin": 3, "max_bucket": 100, "seed": 1}
MIXED = (0.3, 0.7)
PARTIAL = {"min_chars": 50, "min_fraction": 0.5, "opening_fraction": 0.8, "anchor": 16, "keep_one_in": 4,
           "min_anchors": 2, "max_bucket": 20, "near_threshold": NEAR["threshold"]}


def eligible(paragraphs: pd.DataFrame, options: dict) -> pd.Series:
    """Paragraphs that could be duplicates: not datelines or column names, and long enough for their kind."""
    kind, length = paragraphs["kind"], paragraphs["norm"].str.len()
    body_like = ~kind.isin(LABEL_KINDS + NEVER_DUPLICATE_KINDS) & (length >= int(options.get("min_chars", 20)))
    label = kind.isin(LABEL_KINDS) & (length >= int(options.get("min_label_chars", 40)))
    return body_like | label


def exact_groups(paragraphs: pd.DataFrame, options: dict | None = None) -> pd.DataFrame:
    """Eligible paragraphs whose normalised text occurs more than once, grouped by their content hash."""
    rows = np.flatnonzero(eligible(paragraphs, options or ELIGIBILITY).to_numpy())
    rows = rows[pd.Series(text_codes(paragraphs, rows)).duplicated(keep=False).to_numpy()]
    return pd.DataFrame({"paragraph_id": paragraphs["paragraph_id"].iloc[rows].to_numpy(),
                         "group_key": paragraphs["content_hash"].iloc[rows].to_numpy(dtype=object)})


def representatives(paragraphs: pd.DataFrame, options: dict) -> pd.DataFrame:
    """One eligible paragraph per distinct text (the smallest paragraph_id), sorted by paragraph_id."""
    rows = np.flatnonzero(eligible(paragraphs, options).to_numpy())
    ids = one_chunk(paragraphs["paragraph_id"])
    rows = rows[ids.iloc[rows].array.argsort()]
    rows = rows[~pd.Series(text_codes(paragraphs, rows)).duplicated().to_numpy()]
    return pd.DataFrame({"paragraph_id": ids.iloc[rows].reset_index(drop=True),
                         "norm": pd.Series(arrow_of(paragraphs["norm"], rows), dtype=paragraphs["norm"].dtype)})


def one_chunk(column: pd.Series) -> pd.Series:
    """The column with its Arrow chunks joined into one: rows taken in any order from one chunk cost little,
    from the many chunks of a large run's column several times the whole step."""
    if not hasattr(column.array, "__arrow_array__"):
        return column
    return pd.Series(arrow_of(column), dtype=column.dtype, index=column.index)


def arrow_of(column: pd.Series, rows: np.ndarray | None = None) -> pa.Array:
    """The column (or the given rows of it, in their order) as one Arrow array."""
    data = pa.array(column.array)
    if rows is not None:
        data = data.take(pa.array(rows, type=pa.int64()))
    return data.combine_chunks() if isinstance(data, pa.ChunkedArray) else data


def text_codes(paragraphs: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """For each of the given rows, a number that two rows share exactly when their normalised texts are equal.
    Equal texts have equal content hashes, so a row whose hash no other row has is a text of its own; only
    the texts of rows whose hash recurs are compared, in Arrow's hash table. Comparing every text (or making
    a Python string of each, as pandas would) was most of a duplicate rule's memory at a million paragraphs."""
    if "content_hash" not in paragraphs:
        return _equal_codes(arrow_of(paragraphs["norm"], rows))
    hashes = _equal_codes(arrow_of(paragraphs["content_hash"], rows)).astype(np.int64)
    recurs = pd.Series(hashes).duplicated(keep=False).to_numpy()
    hashes[recurs] = len(rows) + _equal_codes(arrow_of(paragraphs["norm"], rows[recurs]))
    return hashes


def _equal_codes(values: pa.Array) -> np.ndarray:
    """A number per value, shared exactly by equal values (Arrow's dictionary encoding)."""
    return values.dictionary_encode().indices.to_numpy(zero_copy_only=False)


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
    sizes = ("shingle", "shingle_han", "bands_han", "rows_han", "bands_latin", "rows_latin")
    _require(all(int(opts[name]) >= 1 for name in sizes), "DUP002", f"{', '.join(sizes)} must be at least 1")


def check_partial_options(options: dict) -> None:
    """Settings DUP003 cannot run with (checked before any work, on every engine)."""
    opts = {**PARTIAL, **options}
    _require(all(int(opts[name]) >= 1 for name in ("anchor", "keep_one_in", "min_anchors", "max_bucket")), "DUP003",
             "anchor, keep_one_in, min_anchors and max_bucket must be at least 1")


def near_candidates(paragraphs: pd.DataFrame, options: dict) -> pd.DataFrame:
    """Candidate near-duplicate pairs [a, b]: one-permutation MinHash and banded LSH, per script."""
    opts = {**NEAR, **options}
    reps = representatives(paragraphs, opts)
    return _as_pairs(reps, near_index_pairs(reps, opts))


def near_index_pairs(reps: pd.DataFrame, options: dict) -> np.ndarray:
    """`near_candidates` as distinct pairs of rows of `reps` (i < j), sorted: no paragraph id is looked up."""
    opts = {**NEAR, **options}
    check_near_options(opts)
    keyed = script_band_keys(arrow_of(reps["norm"]), int(opts["shingle_han"]), near_layouts(opts), int(opts["seed"]))
    pieces = [keyed_pairs(keys, ids, int(opts["max_bucket"])) for ids, keys in keyed.values()]
    return unique_pairs(np.concatenate(pieces))[0]


def near_layouts(options: dict) -> dict[str, tuple[int, int, int, float, float]]:
    """How texts are shingled and banded by script: name -> (shingle width outside Han characters,
    bands, rows, lowest and highest share of Han characters among Han characters and Latin letters)."""
    opts = {**NEAR, **options}
    return {"han": (int(opts["shingle"]), int(opts["bands_han"]), int(opts["rows_han"]), MIXED[0], 1.0),
            "latin": (int(opts["shingle"]), int(opts["bands_latin"]), int(opts["rows_latin"]), 0.0, MIXED[1])}


def partial_candidates(paragraphs: pd.DataFrame, options: dict) -> pd.DataFrame:
    """Candidate pairs [a, b] sharing at least min_anchors sampled long shingles."""
    opts = {**PARTIAL, **options}
    reps = representatives(paragraphs, opts)
    return _as_pairs(reps, partial_index_pairs(reps, opts))


def partial_index_pairs(reps: pd.DataFrame, options: dict) -> np.ndarray:
    """`partial_candidates` as distinct pairs of rows of `reps` (i < j), sorted."""
    opts = {**PARTIAL, **options}
    check_partial_options(opts)
    return anchor_pairs(arrow_of(reps["norm"]), int(opts["anchor"]), int(opts["keep_one_in"]),
                        int(opts["max_bucket"]), int(opts["min_anchors"]))


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
    columns = ["paragraph_id", "file", "line_start", "position", "article_id", "norm"]
    paragraphs = ctx.dataset("paragraphs")
    named = np.flatnonzero(paragraphs["paragraph_id"].isin(groups["paragraph_id"]).to_numpy())
    # joined with the rows the groups name only: a join with every paragraph cost most of the rule's time
    copies = groups.merge(paragraphs[columns].iloc[named], on="paragraph_id", how="inner")
    # copies on one line (a record of a table) follow their order in the article, not their ids
    copies = copies.sort_values(["group_key", "file", "line_start", "position", "paragraph_id"], kind="stable")
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


def rep_rows(paragraphs: pd.DataFrame, reps: pd.DataFrame, pairs: pd.DataFrame, options: dict) -> np.ndarray:
    """Pairs of paragraph ids [a, b] as pairs of rows of `reps` (each paragraph stands for its text's
    representative): distinct, a pair of one text or of an ineligible paragraph dropped, i < j, sorted.
    `reps` is sorted by paragraph_id, so this is the order of the representatives' ids: candidate order
    never matters."""
    wanted = np.concatenate([pairs["a"].to_numpy(dtype=object), pairs["b"].to_numpy(dtype=object)])
    rows = pd.Index(reps["paragraph_id"].to_numpy(dtype=object)).get_indexer(wanted)
    others = rows < 0
    if others.any():  # an id that is not its text's representative: look its text up
        chosen = paragraphs.loc[eligible(paragraphs, options), ["paragraph_id", "norm"]]
        norms = pd.Series(chosen["norm"].to_numpy(dtype=object), index=chosen["paragraph_id"].to_numpy(dtype=object))
        rows[others] = pd.Index(reps["norm"].to_numpy(dtype=object)).get_indexer(norms.reindex(wanted[others]))
    first, second = rows[:len(pairs)], rows[len(pairs):]
    known = (first >= 0) & (second >= 0) & (first != second)
    return unique_pairs(np.sort(np.stack([first[known], second[known]], axis=1).astype(np.int64), axis=1))[0]


def texts_at(reps: pd.DataFrame, pairs: np.ndarray) -> np.ndarray:
    """The normalised text of each row of `reps` the pairs name, by row (None elsewhere): Python strings for
    those rows only, not for every paragraph of the run."""
    texts = np.full(len(reps), None, dtype=object)
    named = np.unique(pairs)
    texts[named] = reps["norm"].iloc[named].tolist()
    return texts


def in_reading_order(ctx, paragraph_ids) -> list:
    """The paragraphs' locations in reading order: by file and line, and places on one line (a record of a
    table, so one article) by their position in the article, whatever their ids."""
    locations = [ctx.locate(pid) for pid in paragraph_ids]
    lines = {(loc.file, loc.line_start) for loc in locations}
    position = {}
    if len(lines) < len(locations):
        position = {loc.paragraph_id: int(ctx.paragraph(loc.paragraph_id)["position"]) for loc in locations}
    return sorted(locations, key=lambda loc: (loc.file, loc.line_start, position.get(loc.paragraph_id, 0),
                                              loc.paragraph_id))


def lengths_at(texts: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """The length of each text the pairs name, by row (0 elsewhere, where `texts_at` holds no text)."""
    lengths = np.zeros(len(texts), dtype=np.int64)
    named = np.unique(pairs)
    lengths[named] = np.fromiter(map(len, texts[named]), dtype=np.int64, count=len(named))
    return lengths


_SLICE = 1_000_000  # candidate pairs measured at once


def near_edges(texts: np.ndarray, pairs: np.ndarray, threshold: float, workers: int = 1
               ) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (rows into texts) whose edit similarity is at or above the threshold, and their similarities,
    in the order given. A pair whose lengths alone differ by more than the threshold allows is never measured;
    the others are measured by rapidfuzz on `workers` threads, a slice of pairs at a time."""
    lengths = lengths_at(texts, pairs)
    first, second = lengths[pairs[:, 0]], lengths[pairs[:, 1]]
    pairs = pairs[np.minimum(first, second) >= threshold * np.maximum(first, second)]
    scores = np.zeros(len(pairs), dtype=np.float32)
    for start in range(0, len(pairs), _SLICE):
        part = pairs[start:start + _SLICE]
        scores[start:start + len(part)] = edit_similarities(texts[part[:, 0]], texts[part[:, 1]], threshold, workers)
    near = scores.astype(np.float64) >= threshold  # as a Python float of the score compares
    return pairs[near], scores[near]


def clusters(edges: list[tuple[str, str, float]]) -> list[list[str]]:
    """Connected groups of paragraphs joined by near-copy edges, each sorted, in order of their first id."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in edges:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for x in sorted(parent):
        groups.setdefault(root(x), []).append(x)
    return sorted(groups.values())


def hits_for_near(ctx, pairs: pd.DataFrame, options: dict):
    """Confirm candidate pairs [a, b] of paragraph ids by edit similarity; one hit per group of near copies."""
    opts = {**NEAR, **options}
    paragraphs = ctx.dataset("paragraphs")
    reps = representatives(paragraphs, opts)
    yield from near_hits(ctx, reps, rep_rows(paragraphs, reps, pairs, opts), opts)


def near_hits(ctx, reps: pd.DataFrame, pairs: np.ndarray, options: dict):
    """Confirm candidate pairs (rows of `reps`, i < j) by edit similarity; one hit per group of near copies,
    naming every member, with every confirmed pair of the group."""
    opts = {**NEAR, **options}
    threshold = float(opts["threshold"])
    texts = texts_at(reps, pairs)
    near, scores = near_edges(texts, pairs, threshold, workers(ctx))
    ids = reps["paragraph_id"].to_numpy(dtype=object)
    edges = [(ids[a], ids[b], float(score)) for (a, b), score in zip(near.tolist(), scores.tolist())]
    norm = {ids[row]: texts[row] for row in np.unique(near)}
    groups = clusters(edges)
    group_of = {pid: g for g, members in enumerate(groups) for pid in members}
    edges_of: dict[int, list] = {}
    for edge in edges:
        edges_of.setdefault(group_of[edge[0]], []).append(edge)
    for g, members in enumerate(groups):
        locations = in_reading_order(ctx, members)
        index = {loc.paragraph_id: i for i, loc in enumerate(locations)}
        linked = sorted((min(index[a], index[b]), max(index[a], index[b]), round(sim, 4)) for a, b, sim in edges_of[g])
        lowest, highest = min(sim for _, _, sim in linked), max(sim for _, _, sim in linked)
        spread = f"{lowest:.2f}" if lowest == highest else f"{lowest:.2f}-{highest:.2f}"
        named = ", ".join(_where(loc) for loc in locations[:10]) + (
            f" and {len(locations) - 10} more" if len(locations) > 10 else "")
        first, second = norm[locations[0].paragraph_id], norm[locations[1].paragraph_id]
        yield Hit(
            message=f"{len(locations)} paragraphs are near copies of one another (edit similarity {spread}): {named}",
            locations=locations,
            evidence={"copies": len(locations), "similarity": lowest, "threshold": threshold,
                      "pairs": [{"a": a, "b": b, "similarity": sim} for a, b, sim in linked[:100]],
                      "differing_spans": differing_spans(first, second)},
        )


def workers(ctx) -> int:
    """Threads a rule may measure pairs on: the run's jobs (0: every core)."""
    jobs = int(getattr(ctx.config, "jobs", 1) or 0)
    return jobs if jobs > 0 else (os.cpu_count() or 1)


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


_STRIDE = 4


def may_overlap(texts: np.ndarray, pairs: np.ndarray, options: dict) -> np.ndarray:
    """The pairs (rows into texts), in order, whose shared shingles could hold a stretch long enough for
    `partial_overlap`: a shared stretch of L characters fills L - k + 1 shingle positions of the shorter
    text, and `shared_position_bounds` counts at least as many as there are (most candidates share far fewer)."""
    k = int(options["anchor"])
    lengths = lengths_at(texts, pairs)
    shorter = np.minimum(lengths[pairs[:, 0]], lengths[pairs[:, 1]])
    needed = np.maximum(float(options["min_chars"]), float(options["min_fraction"]) * shorter)
    positions = np.ceil(needed).astype(np.int64) - k + 1  # filled by the shortest stretch that would do
    for stride in (_STRIDE, 1):  # every stride-th position first, then every position of the pairs left
        enough = shared_position_bounds_at(texts, pairs[:, 0], pairs[:, 1], k, stride) >= positions // stride
        pairs, positions = pairs[enough], positions[enough]
    return pairs


def hits_for_partial(ctx, pairs: pd.DataFrame, options: dict):
    """Confirm candidate pairs [a, b] of paragraph ids by their longest shared stretch (`partial_hits`)."""
    opts = {**PARTIAL, **options}
    paragraphs = ctx.dataset("paragraphs")
    reps = representatives(paragraphs, opts)
    yield from partial_hits(ctx, reps, rep_rows(paragraphs, reps, pairs, opts), opts)


def partial_hits(ctx, reps: pd.DataFrame, pairs: np.ndarray, options: dict):
    """Confirm each candidate pair (rows of `reps`, i < j) by its longest shared stretch; near and exact
    copies are left to DUP001/2."""
    opts = {**PARTIAL, **options}
    texts = texts_at(reps, pairs)
    ids = reps["paragraph_id"].to_numpy(dtype=object)
    # the longer text of consecutive pairs is mostly one text (pairs come sorted by their first): a few recent
    # texts' shingle sets are kept, not one for every text named (at a million paragraphs, gigabytes)
    anchor_grams = lru_cache(maxsize=1 << 10)(lambda row: grams(texts[row], int(opts["anchor"])))
    for a, b in may_overlap(texts, pairs, opts).tolist():
        locations = in_reading_order(ctx, [ids[a], ids[b]])
        row = {ids[a]: a, ids[b]: b}
        first, second = (texts[row[loc.paragraph_id]] for loc in locations)
        longer = row[locations[1].paragraph_id] if len(first) <= len(second) else row[locations[0].paragraph_id]
        overlap = partial_overlap(first, second, opts, anchor_grams(longer))
        if overlap is None or edit_similarity(first, second, float(opts["near_threshold"])) >= float(opts["near_threshold"]):
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
    """Report groups of paragraphs that a reader sees as the same text, lightly changed.

    ## What it does
    Measures how much of a paragraph must change to turn it into another: the edit
    similarity (1 - Levenshtein distance / length of the longer) must be at least
    `threshold` (0.85: at most 15% of the characters substituted, inserted or deleted,
    spread or in one place). No two paragraphs are compared unless they share shingles:
    candidates come from one-permutation MinHash signatures banded for LSH, per script. A
    paragraph mostly in Han characters has shingles 2 characters wide where a Han
    character starts them (`shingle_han`) and 5 elsewhere (`shingle`); one mostly in Han
    characters is banded in `bands_han` (32) bands of `rows_han` (4), one mostly in Latin
    letters, whose shingles break more per edit, in `bands_latin` (64) bands of
    `rows_latin` (3), one between the two both ways. Paragraphs joined by near copies form one finding that
    names every member, with each confirmed pair's similarity and the spans where the
    first two differ. Exact copies are DUP001's. Templated paragraphs filled with other
    figures (a weekly table, one paragraph per sector) are near copies by their
    characters and are reported too; the differing spans show what changed.

    ## Why is this bad
    A paragraph repeated with a few characters or words changed is an edited copy that was
    not removed, the same story merged twice, or a second scan of one page; it inflates the
    dataset the way a copy does, and the two versions may disagree.

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
    reps = representatives(ctx.dataset("paragraphs"), opts)
    yield from near_hits(ctx, reps, near_index_pairs(reps, opts), opts)


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
    Pairs similar enough to be near copies (edit similarity `near_threshold`) are left to DUP002.

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
    reps = representatives(ctx.dataset("paragraphs"), opts)
    yield from partial_hits(ctx, reps, partial_index_pairs(reps, opts), opts)
