"""The Spark backend (`checks run --engine spark`): each rule's own function, run where its scope allows.

    paragraph, article  paragraphs partitioned by article: each partition is a Context of whole articles,
                        which also builds the paragraph- and article-scope datasets (mentions, claims) there
    file                paragraphs partitioned by file, with each file's decoding record and accounting row
    dataset, corpus     a Spark implementation of the rule where one is registered (`@implementation`:
                        SCH001 over key-partitioned datasets in spark/schema.py, the duplicate rules'
                        candidates by hash grouping, MinHashLSH and a shingle join in spark/duplicates.py),
                        else the rule's own function on the driver, over the datasets collected there

Hits travel back pickled; the engine turns them into findings exactly as for the pandas engine.
"""
from __future__ import annotations

import pickle
import time

import pandas as pd

from checks.backends.base import Backend
from checks.context import Context, open_context
from checks.datasets import split_dataset, split_datasets_read
from checks.errors import UsageError
from checks.ingest.reader import ACCOUNTING_COLUMNS, ARTICLE_COLUMNS, PARAGRAPH_COLUMNS, Corpus
from checks.model import Hit
from checks.rules.base import RULES, SCOPES
from checks.spark.ingest import ROW, SparkCorpus, read_spark

ROWS_SCHEMA = "kind string, name string, blob binary, seconds double"

# rule code -> function(driver Context, SparkCorpus, partitions) -> hits: how a dataset- or corpus-scope rule
# runs on Spark; each ends in the rule module's own functions, so the findings are the pandas engine's
IMPLEMENTATIONS: dict[str, object] = {}


def implementation(code: str):
    """Register the Spark implementation of a dataset- or corpus-scope rule."""

    def register(func):
        IMPLEMENTATIONS[code] = func
        return func

    return register


def empty_frame(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(columns=list(columns)).astype(columns)


def pandas_rows(batch: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """A worker's rows as the pandas engine holds them: its columns, dtypes and row index."""
    frame = batch.sort_values(ROW)
    index = pd.Index(frame[ROW].to_numpy(), name=None)
    frame = frame[list(columns)].astype(columns)
    frame.index = index
    return frame


def _out(kind: str, name: str, value, seconds: float = 0.0) -> tuple:
    return kind, name, None if value is None else pickle.dumps(value), seconds


def _run_on(context: Context, codes: list[str], datasets: list[str]) -> pd.DataFrame:
    """Build the wanted datasets and run the rules on one Context: rows of hits, of every split
    dataset built on the way (the driver joins them), of timings, and one row saying the part ran."""
    out = [_out("part", "", None)]
    started = time.perf_counter()
    for name in datasets:
        context.dataset(name)
    out.append(_out("time", "datasets", None, time.perf_counter() - started))
    for code in codes:
        started = time.perf_counter()
        out += [_out("hit", code, hit) for hit in RULES[code].func(context)]
        out.append(_out("time", code, None, time.perf_counter() - started))
    out += [_out("dataset", name, frame) for name, frame in context.built().items() if split_dataset(name)]
    return pd.DataFrame(out, columns=["kind", "name", "blob", "seconds"])


def whole_partition(batches) -> pd.DataFrame | None:
    frames = [b for b in batches if len(b)]
    return pd.concat(frames, ignore_index=True) if frames else None


def on_workers():
    from checks.datasets import load_plugins

    load_plugins()


def _lit(value):
    from pyspark.sql import functions as F

    return F.lit(value)


def articles_stage(sc: SparkCorpus, codes: list[str], datasets: list[str], config, partitions: int):
    """Whole articles per partition (paragraph and article rows tagged, partitioned by article)."""
    pars = sc.paragraphs.withColumn("_kind", _lit("p"))
    arts = sc.articles.withColumn("_kind", _lit("a"))
    joined = pars.unionByName(arts, allowMissingColumns=True).repartition(partitions, "article_id")

    def run(batches):
        on_workers()
        part = whole_partition(batches)
        if part is not None:
            paragraphs, articles = part[part["_kind"] == "p"], part[part["_kind"] == "a"]
            corpus = Corpus([], pandas_rows(articles, ARTICLE_COLUMNS), pandas_rows(paragraphs, PARAGRAPH_COLUMNS),
                            empty_frame(ACCOUNTING_COLUMNS))
            yield _run_on(Context(corpus, config, RULES), codes, datasets)

    return joined.mapInPandas(run, ROWS_SCHEMA)


def files_stage(sc: SparkCorpus, codes: list[str], config, partitions: int):
    """Whole files per partition: a file's paragraphs, its decoding record and its accounting row."""
    spark = sc.paragraphs.sparkSession
    per_file = {f.name: (f, sc.accounting[sc.accounting["file"] == f.name]) for f in sc.files}
    shared = spark.sparkContext.broadcast(per_file)

    def run(batches):
        on_workers()
        part = whole_partition(batches)
        if part is not None:
            records = [shared.value[name] for name in sorted(set(part["file"]))]
            corpus = Corpus([r[0] for r in records], empty_frame(ARTICLE_COLUMNS), pandas_rows(part, PARAGRAPH_COLUMNS),
                            pd.concat([r[1] for r in records], ignore_index=True))
            yield _run_on(Context(corpus, config, RULES), codes, [])

    return sc.paragraphs.repartition(partitions, "file").mapInPandas(run, ROWS_SCHEMA)


def files_without_paragraphs(sc: SparkCorpus, corpus: Corpus, codes: list[str], config) -> list[tuple]:
    """Files with no paragraph never reach a worker of files_stage: their file-scope rules run here."""
    empty = [f for f in sc.files if f.name not in set(corpus.paragraphs["file"])]
    if not empty:
        return []
    names = {f.name for f in empty}
    part = Corpus(empty, empty_frame(ARTICLE_COLUMNS), empty_frame(PARAGRAPH_COLUMNS),
                  sc.accounting[sc.accounting["file"].isin(names)].reset_index(drop=True))
    return list(_run_on(Context(part, config, RULES), codes, []).itertuples(index=False, name=None))




def _joined_dataset(frames: list[pd.DataFrame], paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Parts built on the workers, in the order one process builds them: by paragraph, each part's own
    order kept within a paragraph."""
    frame = pd.concat(frames, ignore_index=True)
    position = pd.Series(range(len(paragraphs)), index=paragraphs["paragraph_id"].to_numpy(dtype=object))
    order = position.reindex(frame["paragraph_id"].to_numpy(dtype=object)).to_numpy()
    return frame.iloc[pd.Series(order).argsort(kind="stable").to_numpy()].reset_index(drop=True)


class SparkBackend(Backend):
    name = "spark"
    scopes = SCOPES

    def __init__(self, master: str | None = None, spark=None, partitions: int | None = None,
                 conf: dict[str, str] | None = None):
        self.master, self.spark, self.partitions, self.conf = master, spark, partitions, conf

    def run(self, source, plan, progress=None):
        from checks.engine import Outcome
        from checks.spark import duplicates, schema  # noqa: F401  (they register their implementations)
        from checks.spark.session import get_session

        if isinstance(source, Corpus):
            raise UsageError("the Spark engine reads input files; give it paths, not a corpus already read")
        spark = self.spark or get_session(self.master, conf=self.conf)
        partitions = self.partitions or int(spark.conf.get("spark.sql.shuffle.partitions"))
        config = plan.config
        seconds: dict[str, float] = {}
        started = time.perf_counter()
        sc = _guarded(lambda: read_spark(spark, list(source)))
        corpus = _guarded(sc.to_pandas)  # the surfaces and the driver-side rules read it
        seconds["ingest"] = time.perf_counter() - started
        context = open_context(corpus, config, RULES)
        by_scope = {scope: [r for r in plan.rules if r.scope == scope] for scope in SCOPES}
        datasets = split_datasets_read(plan.rules)
        stages, rows = [], []
        split = by_scope["paragraph"] + by_scope["article"]
        if split or datasets:
            stages.append(articles_stage(sc, [r.code for r in split], datasets, config, partitions))
        if by_scope["file"]:
            codes = [r.code for r in by_scope["file"]]
            stages.append(files_stage(sc, codes, config, partitions))
            rows += files_without_paragraphs(sc, corpus, codes, config)
        for stage in stages:
            rows += _guarded(lambda stage=stage: [tuple(r) for r in stage.collect()])
        hits: dict[str, list[Hit]] = {}
        parts: dict[str, list[pd.DataFrame]] = {}
        ran = 0
        for kind, name, blob, spent in rows:
            if kind == "part":
                ran += 1
            elif kind == "hit":
                hits.setdefault(name, []).append(pickle.loads(blob))
            elif kind == "dataset":
                parts.setdefault(name, []).append(pickle.loads(blob))
            else:
                seconds[name] = seconds.get(name, 0.0) + spent
        for name, frames in parts.items():
            if len(frames) == ran:  # built by every part: the whole dataset (else the driver builds it)
                context.set_dataset(name, _joined_dataset(frames, corpus.paragraphs))
        for rule in by_scope["dataset"] + by_scope["corpus"]:
            started = time.perf_counter()
            special = IMPLEMENTATIONS.get(rule.code)
            found = _guarded(lambda: special(context, sc, partitions)) if special else rule.func(context)
            hits[rule.code] = list(found)
            seconds[rule.code] = time.perf_counter() - started
        return Outcome(corpus, context, hits, seconds)


def _guarded(action):
    """Run a Spark action; a worker's exception becomes one line naming its last error."""
    from py4j.protocol import Py4JError
    from pyspark.errors import PySparkException

    try:
        return action()
    except (PySparkException, Py4JError) as exc:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        last = next((line for line in reversed(lines) if "Error" in line or "Exception" in line), lines[-1] if lines else "")
        raise UsageError(f"the Spark job failed: {last[:300]}") from None
