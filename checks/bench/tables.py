"""Table input benchmark: the same articles as .jsonl and as Parquet (and CSV), each checked by
`checks run` in a fresh process; prints each run's peak resident memory and time.

Parquet and CSV are read in Arrow batches; a .jsonl file is decoded whole. The articles are the
records of `--source` (a .jsonl of articles) repeated with varied ids until the .jsonl reaches
`--megabytes`, or generated ones.
"""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

from checks.bench import bench
from checks.bench.ingest import _CLAUSES

FIELDS = ("id", "title", "body", "date")


def _generated(rng: random.Random):
    """Articles of made-up sentences, as long as a news article."""
    n = 0
    while True:
        paragraphs = ["，".join(rng.choice(_CLAUSES) for _ in range(rng.randint(2, 6))) + "。" for _ in range(12)]
        yield {"id": f"gen_{n}", "title": f"第{n}号测试标题关于产业发展", "body": "\n\n".join(paragraphs), "date": "2025-01-28"}
        n += 1


def _repeated(source: Path):
    """The source's articles again and again, each copy with its own id."""
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    copy = 0
    while True:
        for record in records:
            yield {"id": f"{record.get('id', '')}#{copy}", "title": str(record.get("title") or ""),
                   "body": str(record.get("body") or ""), "date": str(record.get("date") or "")}
        copy += 1


def write_tables(folder: Path, megabytes: float, source: Path | None, formats: list[str], group_rows: int,
                 compression: str = "snappy") -> dict:
    """articles.jsonl of about `megabytes`, and the same rows as articles.parquet / articles.csv.

    Parquet with `compression="none"` and no dictionary keeps about the size of the text (repeated
    articles would otherwise shrink to a fraction)."""
    import pyarrow as pa
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    articles = _repeated(source) if source else _generated(random.Random(7))
    target = int(megabytes * 1024 * 1024)
    paths = {"jsonl": folder / "articles.jsonl"}
    schema = pa.schema([(name, pa.string()) for name in FIELDS])
    plain = compression == "none"
    parquet = (pq.ParquetWriter(folder / "articles.parquet", schema, compression=compression, use_dictionary=not plain)
               if "parquet" in formats else None)
    csv = pcsv.CSVWriter(str(folder / "articles.csv"), schema) if "csv" in formats else None
    written, rows, pending = 0, 0, []

    def flush():
        table = pa.Table.from_pylist(pending, schema=schema)
        if parquet:
            parquet.write_table(table)
        if csv:
            csv.write_table(table)
        pending.clear()

    with open(paths["jsonl"], "w", encoding="utf-8") as jsonl:
        while written < target:
            record = next(articles)
            line = json.dumps(record, ensure_ascii=False) + "\n"
            jsonl.write(line)
            written += len(line.encode("utf-8"))
            rows += 1
            pending.append(record)
            if len(pending) == group_rows:
                flush()
    if pending:
        flush()
    for writer, name in ((parquet, "parquet"), (csv, "csv")):
        if writer:
            writer.close()
            paths[name] = folder / f"articles.{name}"
    return {"rows": rows, "paths": paths}


def peak_of_run(path: Path, select: str, folder: Path) -> dict:
    """`checks run PATH --select ...` in a fresh process: its exit status, seconds and peak RSS (MB)."""
    config = folder / "bench-checks.toml"
    config.write_text("[tool.checks]\ndata-docs = false\n", encoding="utf-8")
    argv = [sys.executable, "-m", "checks", "run", str(path), "--config", str(config), "--select", select,
            "--report-dir", str(folder / f"reports-{path.suffix[1:]}"), "--quiet", "--format", "none"]
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode("utf-8", "replace").strip()
    process.returncode = os.waitstatus_to_exitcode(status)
    return {"status": process.returncode, "seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "stderr": stderr,
            "argv": argv}


@bench.command()
@click.option("--megabytes", default=1024.0, show_default=True, help="Size of the .jsonl of articles.")
@click.option("--source", type=click.Path(exists=True, dir_okay=False), help="A .jsonl of articles to repeat (default: generated).")
@click.option("--formats", default="jsonl,parquet", show_default=True, help="Which forms to check: jsonl, parquet, csv.")
@click.option("--select", default="ENC,ACC", show_default=True, help="The rules each run selects (as checks run --select).")
@click.option("--group-rows", default=20000, show_default=True, help="Rows per Parquet row group (and per write).")
@click.option("--compression", default="snappy", show_default=True,
              help="Parquet compression (none: no compression and no dictionary, so the file is about as big as the text).")
@click.option("--keep", type=click.Path(file_okay=False), help="Write the files here and keep them (default: a temporary folder).")
def tables(megabytes, source, formats, select, group_rows, compression, keep):
    """The same articles as .jsonl, Parquet (and CSV) checked one after the other: peak RSS of each run."""
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(keep) if keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        made = write_tables(folder, megabytes, Path(source) if source else None, wanted, group_rows, compression)
        click.echo(f"{made['rows']} articles; " + ", ".join(
            f"{name} {made['paths'][name].stat().st_size / 1024 / 1024:.0f} MB" for name in made["paths"]))
        figures = {}
        for name in wanted:
            m = peak_of_run(made["paths"][name], select, folder)
            figures[name] = m
            click.echo(f"{name:8} checks run --select {select}: exit {m['status']}, {m['seconds']:.1f} s, "
                       f"peak RSS {m['peak_mb']:.0f} MB" + (f" ({m['stderr'][-200:]})" if m["status"] == 2 else ""))
        if "jsonl" in figures:
            for name, m in figures.items():
                if name != "jsonl":
                    click.echo(f"{name} / jsonl peak RSS: {m['peak_mb'] / figures['jsonl']['peak_mb']:.2f}")
