"""Mention- and claim-extraction benchmark: the mentions and claims datasets of generated Chinese news text or of
a corpus, MB/s of paragraph text on one core, side by side with other checkouts of the project."""
from __future__ import annotations

import random

import click

from checks.bench import bench
from checks.bench.measure import measure_in_child

_SENTENCES = [
    "国家统计局数据显示，前三季度全国规模以上工业增加值同比增长5.2%，较上年同期加快0.4个百分点。",
    "截至2025年6月底，中国日均Token消耗量突破30万亿，一年半时间增长300多倍。",
    "新能源汽车产量达到1200万辆，约80%来自国内市场，20%来自出口。",
    "全年实现营业收入1.2万亿元，比上年增加1500亿元，增长14.3%，其中三十万人次参与。",
    "专家认为，未来三到五年，行业规模有望翻一番，两只龙头企业的份额将超过40%。",
    "自1956年以来已走过70年历程，近5年来研发投入年均增长10%左右。",
    "这是一段没有数字的说明文字，用来模拟新闻稿中占多数的叙述内容，读者可以从中了解背景。",
    "新华社北京1月28日电 记者从有关部门获悉，相关工作将于今年下半年全面展开。",
]
# Real news has about one number per hundred characters; these sentences bring the mix to that.
_PROSE = [
    "业内人士表示，随着政策持续发力和市场信心逐步恢复，相关产业有望保持平稳健康发展的良好势头。",
    "会议强调，要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局。",
    "记者在现场看到，工人们正在紧张有序地进行设备调试，园区内一派繁忙景象。",
    "分析人士指出，企业应当把握数字化转型机遇，加大研发投入，提升核心竞争力。",
]


def make_text(megabytes: float, seed: int = 11) -> str:
    rng = random.Random(seed)
    parts, size, target = [], 0, int(megabytes * 1024 * 1024)
    while size < target:
        picks = [rng.choice(_SENTENCES)] + [rng.choice(_PROSE) for _ in range(rng.randint(2, 5))]
        rng.shuffle(picks)
        paragraph = "".join(picks)
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 1
    return "\n".join(parts)


def measure_datasets(inputs: list[str], repeat: int, claims: bool) -> dict:
    """Build the mentions (and claims) datasets of the inputs `repeat` times, each in a fresh Context, and return the
    CPU seconds of each build and the MB of paragraph text. Self-contained (it is also run as source against
    another checkout of the project, `--against`), so it uses only the API every version has. Jieba's dictionary
    is loaded before the first build: a process loads it once, and only the builds are timed."""
    import gc
    import hashlib
    import time

    import checks.extract.claims  # noqa: F401  (registers the datasets)
    import checks.extract.mentions  # noqa: F401
    from checks.config import Config
    from checks.context import open_context
    from checks.ingest.reader import read_corpus
    from checks.vocab import lexicon

    corpus = read_corpus(inputs)
    if claims:
        lexicon.tagged_words("北京")
    runs = []
    for _ in range(repeat):
        context = open_context(corpus, Config(data_docs=False), {})
        gc.collect()
        started = time.process_time()
        found = len(context.dataset("mentions"))
        middle = time.process_time()
        recognised = len(context.dataset("claims")) if claims else 0
        runs.append([middle - started, time.process_time() - middle, found, recognised])
    digest = hashlib.sha1()  # of every row of the last build, claims by their repr: versions compared exactly
    for name in ("mentions", "claims") if claims else ("mentions",):
        frame = context.dataset(name)
        digest.update(repr([str(dtype) for dtype in frame.dtypes]).encode())
        for row in frame.astype(object).itertuples(index=False):
            digest.update(repr(tuple(row)).encode())
    megabytes = sum(len(text.encode("utf-8")) for text in corpus.paragraphs["text"]) / 1024 / 1024
    return {"megabytes": megabytes, "runs": runs, "datasets": digest.hexdigest()}


def _measure_elsewhere(checkout: str, inputs: list[str], repeat: int, claims: bool) -> dict:
    """`measure_datasets` run with another checkout's code (its `checks` package first on the path)."""
    import inspect
    import json
    import os
    import subprocess
    import sys

    source = inspect.getsource(measure_datasets) + \
        f"\nimport json\nprint(json.dumps(measure_datasets({inputs!r}, {repeat!r}, {claims!r})))\n"
    env = dict(os.environ, PYTHONPATH=os.path.abspath(checkout))
    # here, as this run, so that files have the same names (-P: this folder's own package does not come first)
    done = subprocess.run([sys.executable, "-P", "-c", source], env=env, capture_output=True, text=True)
    if done.returncode:
        raise click.ClickException(f"the run with {checkout} failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _line(name: str, megabytes: float, runs: list, claims: bool, same: bool | None) -> str:
    best_m = min(r[0] for r in runs)
    text = f"{name}: {runs[0][2]} mentions {best_m:.3f} s = {megabytes / best_m:.1f} MB/s"
    if claims:
        best_c, best_both = min(r[1] for r in runs), min(r[0] + r[1] for r in runs)
        text += (f"; {runs[0][3]} claims {best_c:.3f} s = {megabytes / best_c:.1f} MB/s; both {best_both:.3f} s = "
                 f"{megabytes / best_both:.2f} MB/s")
    if same is not None:
        text += "; datasets " + ("identical to this checkout's" if same else "differ from this checkout's")
    return text


def corpus_text(path: str) -> str:
    """The paragraphs of a .jsonl news corpus (`body` split at blank lines), one a line."""
    import json

    with open(path, encoding="utf-8") as f:
        return "\n".join(p.replace("\n", " ") for line in f if line.strip()
                         for p in json.loads(line).get("body", "").split("\n\n") if p.strip())


@bench.command()
@click.option("--megabytes", default=20.0, show_default=True, help="Size of the generated Chinese text.")
@click.option("--claims", is_flag=True, help="Also build the claims dataset (mentions and claims, and both together).")
@click.option("--corpus", type=click.Path(exists=True), default=None,
              help="Read this corpus (a .jsonl of news articles, or any input `checks run` reads) instead of "
                   "generated text.")
@click.option("--repeat", default=3, show_default=True, type=click.IntRange(min=1),
              help="Builds per round; the best CPU time of all is shown.")
@click.option("--rounds", default=1, show_default=True, type=click.IntRange(min=1),
              help="Rounds, each a fresh process per code version, the versions alternating.")
@click.option("--against", "checkouts", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Another checkout of the project (an older commit, say) to measure side by side (repeatable); "
                   "its datasets are compared with this checkout's, row by row.")
def mentions(megabytes, claims, corpus, repeat, rounds, checkouts):
    """Build the mentions (and claims) datasets of generated Chinese text or a corpus; print MB/s of paragraph
    text on one core (CPU seconds, best of all builds), side by side with other checkouts when given."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        if corpus is None:
            page = Path(folder) / "generated.txt"
            page.write_text(make_text(megabytes).replace("\n", "\n\n"), encoding="utf-8")  # a blank line between paragraphs
            inputs = [str(page)]
        else:
            inputs = [str(Path(corpus).resolve())]
        versions = {"this checkout": None, **{str(c): c for c in checkouts}}
        runs: dict[str, list] = {name: [] for name in versions}
        digests: dict[str, str] = {}
        megabytes_read = 0.0
        for r in range(rounds):
            order = list(versions.items())
            for name, checkout in (order if r % 2 == 0 else order[::-1]):
                if checkout is None:
                    result = measure_in_child(measure_datasets, inputs, repeat, claims)["result"]
                else:
                    result = _measure_elsewhere(checkout, inputs, repeat, claims)
                runs[name].extend(result["runs"])
                digests[name] = result["datasets"]
                megabytes_read = result["megabytes"]
    what = Path(corpus).name if corpus else "generated Chinese text"
    click.echo(f"{megabytes_read:.2f} MB of paragraph text ({what}); CPU seconds, best of {rounds * repeat} builds "
               f"per version on one core")
    for name, version_runs in runs.items():
        same = None if versions[name] is None else digests[name] == digests["this checkout"]
        click.echo("  " + _line(name, megabytes_read, version_runs, claims, same))
