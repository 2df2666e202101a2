"""Duplicate candidates on Spark; confirmation and hits stay the rule module's own functions.

    DUP001  exact: eligible paragraphs grouped by content_hash (the digest of the normalised text)
    DUP002  near: Spark ML MinHashLSH hashes of the shingle sets the pandas rule uses, chosen
            by the text's script (`near_layouts`), banded into bands x rows keys as the pandas
            rule does, buckets joined; then hits_for_near confirms every candidate by edit
            similarity and groups the near copies
    DUP003  partial: sampled 16-character shingles ("anchors") exploded and joined on the
            anchor; pairs sharing min_anchors of them go to hits_for_partial

Only candidate pairs and small groups come back to the driver.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from checks.rules import duplicates as dup
from checks.spark.backend import implementation

PAIRS_SCHEMA = "a string, b string"


def eligible_rows(paragraphs, options: dict):
    """Eligible paragraphs (the rule's own `eligible`, per Arrow batch): paragraph_id, norm, content_hash."""

    def keep(batches):
        for batch in batches:
            yield batch.loc[dup.eligible(batch, options), ["paragraph_id", "norm", "content_hash"]]

    return paragraphs.select("paragraph_id", "kind", "norm", "content_hash").mapInPandas(
        keep, "paragraph_id string, norm string, content_hash string")


def representatives(paragraphs, options: dict):
    """One eligible paragraph per distinct text, the smallest paragraph_id, as dup.representatives."""
    from pyspark.sql import functions as F

    return eligible_rows(paragraphs, options).groupBy("norm").agg(F.min("paragraph_id").alias("paragraph_id"))


def exact_groups(paragraphs, options: dict) -> pd.DataFrame:
    """paragraph_id and group_key of every eligible paragraph whose text occurs more than once."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    rows = eligible_rows(paragraphs, options)
    counted = rows.withColumn("_n", F.count("*").over(Window.partitionBy("content_hash")))
    frame = counted.where("_n > 1").select("paragraph_id", F.col("content_hash").alias("group_key")).toPandas()
    return frame.sort_values(["group_key", "paragraph_id"]).reset_index(drop=True)


def _bucket_pairs(ids: list[str], max_bucket: int, oversize: str) -> list[tuple[str, str]]:
    """All pairs of a small bucket; a large one gives a star from its smallest id, or nothing."""
    ids = sorted(set(ids))
    if len(ids) > max_bucket:
        return [(ids[0], other) for other in ids[1:]] if oversize == "star" else []
    return [(ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids))]


def _pairs_frame(spark, rdd) -> pd.DataFrame:
    frame = spark.createDataFrame(rdd, PAIRS_SCHEMA).distinct().toPandas()
    return frame.sort_values(["a", "b"]).reset_index(drop=True)


def near_candidates(paragraphs, options: dict) -> pd.DataFrame:
    """Candidate pairs [a, b] from Spark ML MinHashLSH values, each script shingled and banded as in the pandas rule."""
    from pyspark.ml.feature import HashingTF, MinHashLSH
    from pyspark.ml.functions import vector_to_array
    from pyspark.sql import functions as F

    from checks.similarity.exact import script_shingles
    from checks.similarity.hashing import han_shares

    opts = {**dup.NEAR, **options}
    k_han, max_bucket = int(opts["shingle_han"]), int(opts["max_bucket"])
    spark = paragraphs.sparkSession
    share = F.udf(lambda text: float(han_shares([text])[0]), "double")
    reps = representatives(paragraphs, opts).withColumn("share", share("norm")).cache()
    buckets = None
    for name, (k, bands, rows, low, high) in dup.near_layouts(opts).items():
        shingle = F.udf(lambda text, k=k: sorted(script_shingles(text, k, k_han)), "array<string>")
        chosen = reps.where((F.col("share") >= low) & (F.col("share") <= high)).withColumn("shingles", shingle("norm"))
        features = HashingTF(inputCol="shingles", outputCol="features", numFeatures=1 << 24,
                             binary=True).transform(chosen)
        model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=bands * rows,
                           seed=int(opts["seed"])).fit(features)
        hashed = model.transform(features).select(
            "paragraph_id", F.transform("hashes", lambda v: vector_to_array(v)[0].cast("long")).alias("h"))
        keys = hashed.select("paragraph_id", F.posexplode(F.array(*[
            F.concat_ws(":", F.lit(name), F.slice("h", band * rows + 1, rows).cast("array<string>"))
            for band in range(bands)
        ])).alias("band", "key"))
        buckets = keys if buckets is None else buckets.unionByName(keys)
    grouped = buckets.groupBy("band", "key").agg(F.collect_list("paragraph_id").alias("ids")).where(F.size("ids") > 1)
    pairs = grouped.rdd.flatMap(lambda r: _bucket_pairs(r.ids, max_bucket, "star"))
    frame = _pairs_frame(spark, pairs)
    reps.unpersist()
    return frame


def partial_candidates(paragraphs, options: dict) -> pd.DataFrame:
    """Candidate pairs [a, b] sharing at least min_anchors sampled shingles, by a join on the anchor."""
    from pyspark.sql import functions as F

    opts = {**dup.PARTIAL, **options}
    k, keep_one_in = int(opts["anchor"]), int(opts["keep_one_in"])
    max_bucket, min_anchors = int(opts["max_bucket"]), int(opts["min_anchors"])

    def anchors(batches):
        from checks.similarity.hashing import codes_of
        from checks.similarity.lsh import anchors_of

        for batch in batches:
            texts = batch["norm"].tolist()
            if not texts:
                continue
            hashes, owner = anchors_of(*codes_of(texts), k, keep_one_in)
            ids = batch["paragraph_id"].to_numpy()[owner]
            yield pd.DataFrame({"paragraph_id": ids, "anchor": hashes.view(np.int64)})

    spark = paragraphs.sparkSession
    table = representatives(paragraphs, opts).mapInPandas(anchors, "paragraph_id string, anchor long").distinct()
    buckets = table.groupBy("anchor").agg(F.collect_list("paragraph_id").alias("ids")).where(F.size("ids") > 1)
    pairs = (buckets.rdd.flatMap(lambda r: [(p, 1) for p in _bucket_pairs(r.ids, max_bucket, "skip")])
             .reduceByKey(lambda x, y: x + y).filter(lambda kv: kv[1] >= min_anchors).keys())
    return _pairs_frame(spark, pairs)


@implementation("DUP001")
def exact_on_spark(context, sc, partitions: int) -> list:
    return list(dup.hits_for_exact(context, exact_groups(sc.paragraphs, context.options("DUP001"))))


@implementation("DUP002")
def near_on_spark(context, sc, partitions: int) -> list:
    opts = context.options("DUP002")
    return list(dup.hits_for_near(context, near_candidates(sc.paragraphs, opts), opts))


@implementation("DUP003")
def partial_on_spark(context, sc, partitions: int) -> list:
    opts = context.options("DUP003")
    return list(dup.hits_for_partial(context, partial_candidates(sc.paragraphs, opts), opts))
