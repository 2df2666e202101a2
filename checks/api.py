"""The Python API: check articles held in a DataFrame or in files, and get the findings back as DataFrames.

    import checks

    run = checks.validate(frame, config={"select": ["DUP", "TRN"]}, columns={"body": "content"})
    run.findings          # one row per finding, its first place flattened into columns
    run.verified          # the claims that were checked and hold
    run.exit_status       # 0, or 1 when a finding is at or above fail-on
    run.write_reports("reports")

`checks run` and the pytest plugin make their runs through `validate`, so a notebook gets what CI gets.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from checks import config as config_module
from checks.config import Config
from checks.engine import RunResult, execute_corpus, run
from checks.errors import UsageError
from checks.ingest.reader import read_frame
from checks.model import Finding

FINDING_COLUMNS = ["id", "check", "category", "severity", "dataset", "message", "file", "line_start", "line_end",
                   "row", "column", "article_id", "paragraph_id", "places", "locations", "evidence", "stated",
                   "computed"]


def load_config(config: Config | dict | str | Path | None = None, columns: dict[str, str] | None = None) -> Config:
    """A Config from a Config, a dict shaped like [tool.checks], or a TOML file (None: the defaults);
    `columns` maps fields to columns on top of its [tool.checks.input]."""
    if config is None:
        config = Config()
    elif isinstance(config, dict):
        config = config_module.parse(config, "config")
    elif isinstance(config, (str, Path)):
        config = config_module.load(str(config))
    elif not isinstance(config, Config):
        raise UsageError(f"config: expected a Config, a dict or a TOML file path, got {type(config).__name__}")
    if columns:
        config = replace(config, input=config.input.with_fields(dict(columns), "columns"))
    return config


def validate(data=None, config: Config | dict | str | Path | None = None, *, columns: dict[str, str] | None = None,
             name: str = "dataframe", engine: str = "pandas", master: str | None = None,
             spark_conf: dict[str, str] | None = None, progress=None) -> "Run":
    """Check `data` (a DataFrame of articles or paragraphs, a path, a list of paths, or None for the
    configuration's `inputs`) and return the Run.

    A DataFrame is read as a Parquet file would be: `name` is its file in the findings, its row
    numbers are positions in the frame. Bad input or configuration raises UsageError (one line).
    """
    config = load_config(config, columns)
    if isinstance(data, pd.DataFrame):
        if engine != "pandas":
            raise UsageError("a DataFrame is checked by the pandas engine; write it to Parquet for --engine spark")
        started = time.perf_counter()
        corpus = read_frame(data, name, config.input)
        return Run(execute_corpus(corpus, config, progress, {"ingest": time.perf_counter() - started}))
    return Run(run(_paths(data, config), config, _backend(config, engine, master, spark_conf), progress))


def _paths(data, config: Config) -> list[str]:
    if data is None:
        return list(config.inputs)
    if isinstance(data, (str, Path)):
        return [str(data)]
    if isinstance(data, (list, tuple)) and all(isinstance(item, (str, Path)) for item in data):
        return [str(item) for item in data] or list(config.inputs)
    raise UsageError(f"data: expected a DataFrame, a path or a list of paths, got {type(data).__name__}")


def _backend(config: Config, engine: str, master, spark_conf):
    """The backend for `engine`: the pandas engine's by `config.jobs`, or Spark."""
    if engine == "spark":
        from checks.spark.backend import SparkBackend

        return SparkBackend(master, conf=spark_conf)
    if engine != "pandas":
        raise UsageError(f"engine: expected pandas or spark, got {engine!r}")
    return None


@dataclass
class Run:
    """One run's outcome: findings and verified claims as DataFrames, the exit status, reports on request."""

    result: RunResult

    @property
    def exit_status(self) -> int:
        """0, or 1 when a finding the baseline does not accept is at or above fail-on."""
        return self.result.exit_status()

    @property
    def findings(self) -> pd.DataFrame:
        return findings_frame(self.result.findings)

    @property
    def verified(self) -> pd.DataFrame:
        return findings_frame(self.result.verified)

    @property
    def accepted(self) -> pd.DataFrame:
        """Findings the baseline accepts, with its reason for each."""
        frame = findings_frame([f for f, _ in self.result.accepted])
        frame["reason"] = [entry.reason for _, entry in self.result.accepted]
        return frame

    def dataset(self, name: str) -> pd.DataFrame:
        """One of the run's datasets (articles, paragraphs, mentions, claims, ...)."""
        return self.result.context.dataset(name)

    def write_reports(self, folder: str | Path | None = None) -> Path:
        """index.html, findings.json, junit.xml (and the GX Data Docs unless data-docs = false) into the folder."""
        from checks.surfaces.write import write_reports

        return write_reports(self.result, str(folder or self.result.config.report_dir))


def findings_frame(findings: list[Finding]) -> pd.DataFrame:
    """One row per finding: its fields, its first place as columns, every place in `locations`."""
    rows = []
    for f in findings:
        first = f.locations[0] if f.locations else None
        rows.append({
            "id": f.id, "check": f.check, "category": f.category, "severity": f.severity, "dataset": f.dataset,
            "message": f.message,
            "file": first.file if first else "",
            "line_start": first.line_start if first else 0,
            "line_end": first.line_end if first else 0,
            "row": first.row if first else None,
            "column": first.column if first else None,
            "article_id": first.article_id if first else "",
            "paragraph_id": first.paragraph_id if first else "",
            "places": len(f.locations),
            "locations": [loc.to_json() for loc in f.locations],
            "evidence": f.evidence,
            "stated": f.comparison.stated if f.comparison else None,
            "computed": f.comparison.computed if f.comparison else None,
        })
    frame = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    frame["stated"] = frame["stated"].astype("Float64")
    frame["computed"] = frame["computed"].astype("Float64")
    return frame
