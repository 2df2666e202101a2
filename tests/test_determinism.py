"""Determinism: the same input gives the same findings.json, byte for byte, apart from `generated_at`;
the order and names of input files change nothing but the names in the findings."""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from checks.config import Config
from checks.engine import execute
from checks.surfaces import findings_json

EXTRA_PAGE = """产业观察

新华社上海3月2日电 今年前两个月，全市新能源汽车产量达到12万辆，同比增长30%，比去年同期的8万辆多出4万辆。

今年前两个月，全市新能源汽车产量达到12万辆，同比增长30%，比去年同期的8万辆多出4万辆。

专家认为，产业链上下游协同发展反诈反诈的势头明显，

带动了相关配套企业的快速成长。

(新华社上海3月2日电)
"""


def _without_timestamp(text: str) -> str:
    return re.sub(r'"generated_at": "[^"]*"', '"generated_at": ""', text, count=1)


def test_two_whole_runs_write_identical_findings(run_checks, seed_page, tmp_path):
    """Two `checks run` processes, with different hash seeds, on the same inputs."""
    extra = tmp_path / "in" / "extra.txt"
    extra.parent.mkdir()
    extra.write_text(EXTRA_PAGE, encoding="utf-8")
    outputs = []
    for seed in ("0", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = run_checks("run", str(seed_page), str(extra.parent), "--fail-on", "never",
                         report_dir=tmp_path / f"r{seed}", env=env)
        assert out.code == 0, out.stderr
        outputs.append((out.report_dir / "findings.json").read_text(encoding="utf-8"))
    assert outputs[0] != _without_timestamp(outputs[0])  # the timestamp is there, and is all that is masked
    assert _without_timestamp(outputs[0]) == _without_timestamp(outputs[1])
    doc = json.loads(outputs[0])
    assert doc["findings"] and len({f["id"] for f in doc["findings"]}) == len(doc["findings"])


def _pages(seed_page: Path) -> dict[str, str]:
    """Four inputs: the bundled page, a page of its own defects, and the page cut in two halves."""
    seed = seed_page.read_text(encoding="utf-8")
    lines = seed.split("\n")
    half = next(i for i in range(len(lines) // 2, len(lines)) if not lines[i].strip())
    return {"seed.txt": seed, "extra.txt": EXTRA_PAGE,
            "first.txt": "\n".join(lines[:half]) + "\n", "second.txt": "\n".join(lines[half + 1:])}


def _document(folder: Path, names: list[str]) -> dict:
    config = Config(data_docs=False)
    result = execute([str(folder / n) for n in names], config)
    return json.loads(findings_json.render(result))


def _canonical(value):
    """Lists in any order: places are listed in file-name order, which renaming may change."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_canonical(v) for v in value), key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def _by_content(doc: dict) -> list[str]:
    """Findings with each file name replaced by the file's hash, ids dropped, lists in one order, sorted."""
    sha = {i["file"]: i["sha256"] for i in doc["inputs"]}
    names = sorted(sha, key=len, reverse=True)
    out = []
    for finding in doc["findings"] + doc["verified"]:
        item = {k: v for k, v in finding.items() if k != "id"}
        text = json.dumps(item, ensure_ascii=False, sort_keys=True)
        for name in names:
            text = text.replace(json.dumps(name)[1:-1], sha[name])
            text = text.replace(Path(name).name, sha[name][:16])
        out.append(json.dumps(_canonical(json.loads(text)), ensure_ascii=False, sort_keys=True))
    return sorted(out)


def test_reordered_and_renamed_inputs_give_the_same_findings(seed_page, tmp_path):
    pages = _pages(seed_page)
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    renamed = {}
    for i, (name, text) in enumerate(pages.items()):
        (first / name).write_text(text, encoding="utf-8")
        renamed[name] = f"{9 - i:02d}_renamed_{name}"
        (second / renamed[name]).write_text(text, encoding="utf-8")
    doc_a = _document(first, list(pages))
    doc_b = _document(second, [renamed[n] for n in reversed(list(pages))])
    assert doc_a["findings"], "the inputs hold defects, so there is something to compare"
    assert any(len({loc["file"] for loc in f["locations"]}) > 1 for f in doc_a["findings"])  # across files
    assert _by_content(doc_a) == _by_content(doc_b)
    assert doc_a["summary"] == doc_b["summary"]


def test_paragraph_ids_do_not_depend_on_file_names(seed_page, tmp_path):
    from checks.ingest.reader import read_corpus

    shutil.copy(seed_page, tmp_path / "one.txt")
    (tmp_path / "sub").mkdir()
    shutil.copy(seed_page, tmp_path / "sub" / "other name.txt")
    one = read_corpus([str(tmp_path / "one.txt")]).paragraphs
    other = read_corpus([str(tmp_path / "sub" / "other name.txt")]).paragraphs
    assert list(one["paragraph_id"]) == list(other["paragraph_id"])
    assert one.drop(columns="file").equals(other.drop(columns="file"))


def test_same_bytes_twice_are_two_inputs_with_distinct_ids(seed_page, tmp_path):
    """Two copies of one file are both read (nothing dropped) and their duplicates reported."""
    shutil.copy(seed_page, tmp_path / "x.txt")
    shutil.copy(seed_page, tmp_path / "y.txt")
    doc = _document(tmp_path, ["x.txt", "y.txt"])
    assert len(doc["inputs"]) == 2
    assert len({a["paragraphs"] for a in doc["accounting"]}) == 1
    dup = [f for f in doc["findings"] if f["check"] == "DUP001"]
    assert any({loc["file"] for loc in f["locations"]} == {"x.txt", "y.txt"} or
               {Path(loc["file"]).name for loc in f["locations"]} == {"x.txt", "y.txt"} for f in dup)


def test_in_process_runs_are_identical(seed_page, tmp_path):
    """Within one process too: no state left over from a first run changes a second."""
    first = _without_timestamp(findings_json.render(execute([str(seed_page)], Config(data_docs=False))))
    second = _without_timestamp(findings_json.render(execute([str(seed_page)], Config(data_docs=False))))
    assert first == second


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths")
def test_corpus_ingest_is_deterministic_and_order_free(news_corpus, tmp_path):
    """The shared corpus split into files: reading them in two orders gives the same rows per file."""
    from checks.ingest.reader import read_corpus

    lines = news_corpus.read_text(encoding="utf-8").splitlines(keepends=True)[:200]
    for i in range(4):
        (tmp_path / f"part{i}.jsonl").write_text("".join(lines[i::4]), encoding="utf-8")
    names = [str(tmp_path / f"part{i}.jsonl") for i in range(4)]
    forward = read_corpus(names).paragraphs
    backward = read_corpus(list(reversed(names))).paragraphs
    key = ["paragraph_id"]
    assert forward.sort_values(key).reset_index(drop=True).equals(backward.sort_values(key).reset_index(drop=True))
