"""Mention-extraction benchmark: find_mentions over generated Chinese news text, MB/s on one core."""
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


def _extract(text: str, claims: bool = False) -> dict:
    """Count mentions (and, with `claims`, the claims recognised from them); CPU seconds are returned too, as
    wall time on a shared machine overstates."""
    import time

    from checks.extract.claims import paragraph_claims
    from checks.extract.numbers import find_mentions

    started = time.process_time()
    count = found = 0
    for paragraph in text.split("\n"):
        ms = find_mentions(paragraph)
        count += len(ms)
        if claims:
            found += len(paragraph_claims(paragraph, ms))
    return {"mentions": count, "claims": found, "cpu_seconds": time.process_time() - started}


def corpus_text(path: str) -> str:
    """The paragraphs of a .jsonl news corpus (`body` split at blank lines), one a line."""
    import json

    with open(path, encoding="utf-8") as f:
        return "\n".join(p.replace("\n", " ") for line in f if line.strip()
                         for p in json.loads(line).get("body", "").split("\n\n") if p.strip())


@bench.command()
@click.option("--megabytes", default=20.0, show_default=True, help="Size of the generated Chinese text.")
@click.option("--claims", is_flag=True, help="Also recognise the claims of each paragraph (mentions and claims).")
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Read the paragraphs of this .jsonl news corpus instead of generated text.")
def mentions(megabytes, claims, corpus):
    """Extract number mentions (and claims) from generated Chinese or corpus paragraphs; print MB/s on one core."""
    text = corpus_text(corpus) if corpus else make_text(megabytes)
    size = len(text.encode("utf-8")) / 1024 / 1024
    m = measure_in_child(_extract, text, claims)
    cpu = m["result"]["cpu_seconds"]
    what = f"{m['result']['mentions']} mentions" + (f" and {m['result']['claims']} claims" if claims else "")
    click.echo(f"input {size:.1f} MB of {'corpus' if corpus else 'Chinese'} text, {what} in {cpu:.2f} s of CPU "
               f"({m['seconds']:.2f} s wall): {size / cpu:.1f} MB/s on one core; peak memory {m['peak_mb']:.0f} MB")
