"""Ingest benchmark: derive paragraphs from a generated corpus and print MB/s and peak memory.

Memory is reported three ways: the process's whole peak, its size before ingest (an interpreter
with pandas and pyarrow loaded, a constant), and the growth between them as a multiple of the input.
"""
from __future__ import annotations

import random
import tempfile
from pathlib import Path

import click

from checks.bench import bench
from checks.bench.measure import measure_in_child

_CLAUSES = [
    "国家统计局数据显示", "前三季度全国规模以上工业增加值同比增长5.2%", "较上年同期加快0.4个百分点",
    "新能源汽车产量达到1200万辆", "人工智能核心产业规模突破6000亿元", "专家认为",
    "The company said revenue rose 4% to $11.1bn", "analysts had expected a smaller rise",
]


def make_page(rng: random.Random, paragraphs: int) -> str:
    """A page in the shape of a newspaper page: title, dateline, body paragraphs, end dateline."""
    lines = [f"第{rng.randint(1, 999)}号测试标题关于产业发展", "", f"新华社北京{rng.randint(1, 12)}月{rng.randint(1, 28)}日电 开篇。", ""]
    for _ in range(paragraphs):
        lines.append("，".join(rng.choice(_CLAUSES) for _ in range(rng.randint(2, 6))) + "。")
        lines.append("")
    lines.append("(新华社北京1月28日电)")
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, megabytes: float, seed: int = 7) -> int:
    """Write pages until the folder holds `megabytes` of text; return the bytes written."""
    rng = random.Random(seed)
    written, n = 0, 0
    target = int(megabytes * 1024 * 1024)
    while written < target:
        data = "".join(make_page(rng, 40) for _ in range(50)).encode("utf-8")
        (folder / f"page_{n:05d}.txt").write_bytes(data)
        written += len(data)
        n += 1
    return written


def _imports() -> None:
    """Load what ingest uses (pandas, pyarrow and its compute kernels) before its starting memory is taken."""
    import pyarrow.compute  # noqa: F401

    from checks.ingest.reader import TEXT
    import pandas as pd

    pd.Series(["x"], dtype=TEXT).str.len()


def _derive(folder: str) -> int:
    from checks.ingest.reader import read_corpus

    return len(read_corpus([folder]).paragraphs)


@bench.command()
@click.option("--megabytes", default=100.0, show_default=True, help="Size of the generated corpus.")
def ingest(megabytes):
    """Derive paragraphs from a generated corpus; print MB/s and peak memory against input size."""
    with tempfile.TemporaryDirectory() as tmp:
        size = write_corpus(Path(tmp), megabytes)
        m = measure_in_child(_derive, tmp, prepare=_imports, start="spawn")
    mb = size / 1024 / 1024
    growth = m["peak_mb"] - m["before_mb"]
    click.echo(f"input {mb:.1f} MB, {m['result']} paragraphs in {m['seconds']:.1f} s: "
               f"{mb / m['seconds']:.1f} MB/s on one core; peak RSS {m['peak_mb']:.0f} MB, "
               f"of which {m['before_mb']:.0f} MB before ingest (interpreter, pandas, pyarrow) and "
               f"{growth:.0f} MB growth during ingest = {growth / mb:.2f}x the input "
               f"(the < 3x target is on the growth)")
