"""`checks run --engine spark`: the pandas engine's run, with the rules executed on Spark.

Rules are not rewritten for Spark: each strategy (see plan.py) hands the rule's
own function a Context over one piece of the data (a batch of paragraphs, the
paragraphs of some files, one part of a dataset), on the workers, and sends the
Hits back pickled. The driver turns them into Findings exactly as the pandas
engine does, so ids, categories, severities, locations and evidence match.
"""
from __future__ import annotations

import pickle
import time

import pandas as pd

from checks import baseline as baseline_file
from checks.config import Config
from checks.context import Context, open_context
from checks.datasets import DATASETS
from checks.errors import UsageError
from checks.engine import RunResult, _unique_ids, prepare, to_finding
from checks.ingest.reader import ACCOUNTING_COLUMNS, ARTICLE_COLUMNS, PARAGRAPH_COLUMNS, Corpus
from checks.model import Finding, Hit
from checks.rules.base import RULES, Rule
from checks.spark import plan
from checks.spark.duplicates import duplicate_hits
from checks.spark.ingest import ROW, SparkCorpus, read_spark
from checks.spark.session import get_session

HITS_SCHEMA = "code string, hit binary, seconds double"
BASE_DATASETS = {"articles": ("article_id", ARTICLE_COLUMNS), "paragraphs": ("paragraph_id", PARAGRAPH_COLUMNS)}


def _empty(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame(columns=list(columns)).astype(columns)


def _rows(batch: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """A worker's rows as the pandas engine holds them: its columns, dtypes and row index."""
    frame = batch.sort_values(ROW)
    index = pd.Index(frame[ROW].to_numpy(), name=None)
    frame = frame[list(columns)].astype(columns)
    frame.index = index
    return frame


def _hits_frame(context: Context, codes: list[str]) -> pd.DataFrame:
    """Run the rules on one Context: one row per hit, and one timing row per rule."""
    out = []
    for code in codes:
        started = time.perf_counter()
        for hit in RULES[code].func(context):
            out.append((code, pickle.dumps(hit), 0.0))
        out.append((code, None, time.perf_counter() - started))
    return pd.DataFrame(out, columns=["code", "hit", "seconds"])


def _whole_partition(batches) -> pd.DataFrame | None:
    frames = [b for b in batches if len(b)]
    return pd.concat(frames, ignore_index=True) if frames else None


def _on_workers():
    from checks.datasets import load_plugins

    load_plugins()


def rows_stage(sc: SparkCorpus, codes: list[str], config: Config):
    """Paragraph-local rules: every Arrow batch of paragraphs is a Context."""

    def run(batches):
        _on_workers()
        for batch in batches:
            if len(batch):
                corpus = Corpus([], _empty(ARTICLE_COLUMNS), _rows(batch, PARAGRAPH_COLUMNS), _empty(ACCOUNTING_COLUMNS))
                yield _hits_frame(Context(corpus, config, RULES), codes)

    return sc.paragraphs.mapInPandas(run, HITS_SCHEMA)


def articles_stage(sc: SparkCorpus, codes: list[str], config: Config, partitions: int):
    """Article-local rules: paragraphs and articles split by article, never splitting one."""
    articles = sc.articles.withColumn("_kind", _lit("a"))
    joined = _union_tagged(sc.paragraphs, articles, "article_id", partitions)

    def run(batches):
        _on_workers()
        part = _whole_partition(batches)
        if part is not None:
            pars, arts = part[part["_kind"] == "p"], part[part["_kind"] == "a"]
            corpus = Corpus([], _rows(arts, ARTICLE_COLUMNS), _rows(pars, PARAGRAPH_COLUMNS), _empty(ACCOUNTING_COLUMNS))
            yield _hits_frame(Context(corpus, config, RULES), codes)

    return joined.mapInPandas(run, HITS_SCHEMA)


def _lit(value):
    from pyspark.sql import functions as F

    return F.lit(value)


def _union_tagged(paragraphs, articles, key: str, partitions: int):
    """Paragraph and article rows in one frame (tagged by _kind), partitioned by `key`."""
    pars = paragraphs.withColumn("_kind", _lit("p"))
    return pars.unionByName(articles, allowMissingColumns=True).repartition(partitions, key)


def files_stage(sc: SparkCorpus, codes: list[str], config: Config, partitions: int):
    """File-local rules: a file's paragraphs, its decoding record and its accounting row."""
    spark = sc.paragraphs.sparkSession
    per_file = {f.name: (f, sc.accounting[sc.accounting["file"] == f.name]) for f in sc.files}
    shared = spark.sparkContext.broadcast(per_file)

    def run(batches):
        _on_workers()
        part = _whole_partition(batches)
        if part is not None:
            names = sorted(set(part["file"]))
            records = [shared.value[n] for n in names]
            corpus = Corpus([r[0] for r in records], _empty(ARTICLE_COLUMNS), _rows(part, PARAGRAPH_COLUMNS),
                            pd.concat([r[1] for r in records], ignore_index=True))
            yield _hits_frame(Context(corpus, config, RULES), codes)

    return sc.paragraphs.repartition(partitions, "file").mapInPandas(run, HITS_SCHEMA)


def _files_without_paragraphs(sc: SparkCorpus, corpus: Corpus, codes: list[str], config: Config) -> list[tuple]:
    """Files with no paragraph never reach a worker of files_stage; check them here."""
    with_rows = set(corpus.paragraphs["file"])
    empty = [f for f in sc.files if f.name not in with_rows]
    if not empty:
        return []
    names = {f.name for f in empty}
    part = Corpus(empty, _empty(ARTICLE_COLUMNS), _empty(PARAGRAPH_COLUMNS),
                  sc.accounting[sc.accounting["file"].isin(names)].reset_index(drop=True))
    return list(_hits_frame(Context(part, config, RULES), codes).itertuples(index=False, name=None))


def schema_stage(sc: SparkCorpus, config: Config, partitions: int):
    """SCH001 on the ingest datasets: split by the unique key so uniqueness holds per part."""
    from checks.rules import schema

    stages = []
    for name, (key, columns) in BASE_DATASETS.items():
        spec = DATASETS[name]
        frame = getattr(sc, name)

        def run(batches, name=name, columns=columns, spec=spec):
            _on_workers()
            schema.MAX_CASES_PER_CHECK = 1 << 62  # the cap is applied over all parts on the driver
            part = _whole_partition(batches)
            if part is not None:
                rows = _rows(part, columns)
                hits = schema.schema_hits(name, rows, spec.model, spec.locate)
                yield pd.DataFrame([("SCH001", pickle.dumps(h), 0.0) for h in hits], columns=["code", "hit", "seconds"])

        stages.append(frame.repartition(partitions, key).mapInPandas(run, HITS_SCHEMA))
    return stages


def cap_schema_hits(hits: list[Hit]) -> list[Hit]:
    """Keep the first MAX_CASES_PER_CHECK rows per dataset and check, as the pandas rule does."""
    from checks.rules.schema import MAX_CASES_PER_CHECK

    unique: dict[tuple, Hit] = {}
    for hit in hits:  # a whole-dataset failure is reported by every part: keep one
        unique.setdefault((hit.key, hit.message), hit)
    groups: dict[tuple, list[Hit]] = {}
    for hit in unique.values():
        groups.setdefault((hit.evidence.get("dataset"), hit.evidence.get("check")), []).append(hit)
    out = []
    for (name, check), group in groups.items():
        group.sort(key=lambda h: (h.evidence.get("row") is not None, int(h.evidence.get("row") or 0)))
        out += group[:MAX_CASES_PER_CHECK]
        if len(group) > MAX_CASES_PER_CHECK:
            more = len(group) - MAX_CASES_PER_CHECK
            out.append(Hit(
                message=f"{name}: {more} more rows fail {check} (only the first {MAX_CASES_PER_CHECK} are listed)",
                locations=[], evidence={"dataset": name, "check": check, "more": more}, key=f"{name}|{check}|more"))
    return out


def schema_on_driver(context: Context) -> list[Hit]:
    """SCH001 on the datasets Spark does not hold: accounting, derived and curated tables."""
    from checks.rules.schema import schema_hits

    hits = []
    for name in sorted(set(DATASETS) | set(context.extra_datasets)):
        if name in BASE_DATASETS:
            continue
        if name in context.extra_datasets:
            _, model, locate = context.extra_datasets[name]
        else:
            model, locate = DATASETS[name].model, DATASETS[name].locate
        if model is not None:
            hits += schema_hits(name, context.dataset(name), model, locate)
    return hits


def execute(inputs: list[str], config: Config, master: str | None = None, spark=None,
            partitions: int | None = None, spark_conf: dict[str, str] | None = None) -> RunResult:
    """The same RunResult as checks.engine.execute, computed on Spark."""
    rules = prepare(config)
    spark = spark or get_session(master, conf=spark_conf)
    partitions = partitions or int(spark.conf.get("spark.sql.shuffle.partitions"))
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    sc = _guarded(lambda: read_spark(spark, inputs))
    corpus = _guarded(sc.to_pandas)  # the surfaces (HTML, Data Docs) and driver-side rules read it
    seconds["ingest"] = time.perf_counter() - started
    context = open_context(corpus, config, RULES)
    groups = plan.by_strategy(rules)
    frames, rows = [], []
    if groups["rows"]:
        frames.append(rows_stage(sc, [r.code for r in groups["rows"]], config))
    if groups["articles"]:
        frames.append(articles_stage(sc, [r.code for r in groups["articles"]], config, partitions))
    if groups["files"]:
        codes = [r.code for r in groups["files"]]
        frames.append(files_stage(sc, codes, config, partitions))
        rows += _files_without_paragraphs(sc, corpus, codes, config)
    if groups["datasets"]:
        frames += schema_stage(sc, config, partitions)
    for frame in frames:
        rows += _collect(frame)
    hits: dict[str, list[Hit]] = {}
    for code, blob, spent in rows:
        seconds[code] = seconds.get(code, 0.0) + spent
        if blob is not None:
            hits.setdefault(code, []).append(pickle.loads(blob))
    if groups["datasets"]:
        hits["SCH001"] = cap_schema_hits(hits.get("SCH001", []) + schema_on_driver(context))
    for rule in groups["duplicates"]:
        started = time.perf_counter()
        hits[rule.code] = _guarded(lambda: duplicate_hits(rule.code, context, sc.paragraphs))
        seconds[rule.code] = time.perf_counter() - started
    for rule in groups["driver"]:
        started = time.perf_counter()
        hits[rule.code] = list(rule.func(context))
        seconds[rule.code] = time.perf_counter() - started
    return _result(config, corpus, context, rules, hits, seconds)


def _guarded(action):
    """Run a Spark action; a worker's exception becomes one line naming its last error."""
    from pyspark.errors import PySparkException
    from py4j.protocol import Py4JError

    try:
        return action()
    except (PySparkException, Py4JError) as exc:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        last = next((line for line in reversed(lines) if "Error" in line or "Exception" in line), lines[-1] if lines else "")
        raise UsageError(f"the Spark job failed: {last[:300]}") from None


def _collect(frame) -> list[tuple]:
    return _guarded(lambda: [tuple(r) for r in frame.collect()])


def _result(config: Config, corpus: Corpus, context: Context, rules: list[Rule], hits: dict[str, list[Hit]],
            seconds: dict[str, float]) -> RunResult:
    """Findings from hits, sorted and numbered, and the baseline applied, as checks.engine does."""
    findings: list[Finding] = []
    verified: list[Finding] = []
    for rule in rules:
        for hit in hits.get(rule.code, []):
            (verified if hit.verified else findings).append(to_finding(rule, hit, config))
    for group in (findings, verified):
        group.sort(key=Finding.sort_key)
        _unique_ids(group)
    result = RunResult(config, corpus, context, rules, findings, verified, seconds=seconds)
    if config.baseline:
        entries = baseline_file.load(config.baseline)
        result.findings, result.accepted, result.stale = baseline_file.split(findings, entries)
    return result
