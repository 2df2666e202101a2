"""One result path: one process, worker processes and Spark give the same findings.json, byte for byte
apart from the timestamp, with a baseline and with --select; a rule is added by writing one function."""
from __future__ import annotations

import json
import shutil

import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.typing import Series

from checks import baseline as baseline_file
from checks.backends import LocalBackend, ProcessesBackend
from checks.backends.base import Backend
from checks.backends.processes import article_runs, by_files, mapped
from checks.config import Config
from checks.datasets import DATASETS, derived
from checks.engine import run
from checks.errors import ConfigError
from checks.ingest.reader import input_files, read_files
from checks.model import Hit
from checks.rules.base import RULES, rule
from corpora import same_everywhere, write_defects


def _split_pages(seed_page, folder):
    """The bundled page and generated defect pages, several files so that workers get shares."""
    folder.mkdir(parents=True, exist_ok=True)
    write_defects(folder)
    shutil.copy(seed_page, folder / "seed.txt")
    return [str(folder)]


def test_workers_write_the_findings_of_one_process(seed_page, tmp_path):
    document = json.loads(same_everywhere(_split_pages(seed_page, tmp_path), Config(data_docs=False)))
    assert {f["check"] for f in document["findings"]} >= {"DUP001", "DUP002", "DUP003", "REP001", "TRN001"}


def test_workers_on_the_shared_corpus(news_corpus, tmp_path):
    lines = news_corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    for i in range(6):  # six shards: every worker reads several files
        (tmp_path / f"news_{i}.jsonl").write_text("".join(lines[i::6]), encoding="utf-8")
    document = json.loads(same_everywhere([str(tmp_path)], Config(data_docs=False)))
    assert document["findings"] and document["verified"]


def test_one_big_file_is_split_by_whole_articles(news_corpus):
    """The shared corpus is one .jsonl file: workers take runs of its articles, with the same findings."""
    files = input_files([str(news_corpus)])
    assert not by_files(files, 2)
    corpus = read_files(files)
    runs = article_runs(corpus, 8)
    assert len(runs) == 8
    assert [r[0] for r in runs[1:]] == [r[1] for r in runs[:-1]] and runs[-1][1] == len(corpus.articles)
    assert [r[2] for r in runs[1:]] == [r[3] for r in runs[:-1]] and runs[-1][3] == len(corpus.paragraphs)
    owners = corpus.paragraphs["article_id"]
    for a0, a1, p0, p1 in runs:  # every run holds whole articles, and exactly its articles' paragraphs
        assert set(owners.iloc[p0:p1]) == set(corpus.articles["article_id"].iloc[a0:a1])
    document = json.loads(same_everywhere([str(news_corpus)], Config(data_docs=False)))
    assert document["findings"] and document["verified"]


def test_mapped_paragraphs_are_the_same_frame(seed_page):
    """Phase two reads the paragraphs' Arrow columns from a mapped file: the same values, dtypes and index."""
    paragraphs = read_files(input_files([str(seed_page)])).paragraphs
    moved = mapped(paragraphs)
    pd.testing.assert_frame_equal(moved, paragraphs)
    assert moved["norm"].tolist() == paragraphs["norm"].tolist()
    plain = pd.DataFrame({"n": [1, 2]})
    assert mapped(plain) is plain  # nothing held by Arrow: nothing to move


def test_workers_with_a_baseline_and_a_selection(seed_page, tmp_path):
    inputs = _split_pages(seed_page, tmp_path / "in")
    first = run(inputs, Config(data_docs=False), LocalBackend())
    accepted = [f for f in first.findings if f.check.startswith(("DUP", "REP"))]
    baseline_file.write(str(tmp_path / "baseline.json"), accepted)
    config = Config(data_docs=False, select=["DUP", "TRN"], baseline=str(tmp_path / "baseline.json"))
    document = json.loads(same_everywhere(inputs, config))
    assert document["accepted"] and not document["stale_baseline"]  # REP entries are not stale: REP did not run
    assert {f["check"] for f in document["findings"]} <= {"TRN001", "TRN002"}


def test_a_bad_baseline_fails_before_any_input_is_read(tmp_path):
    (tmp_path / "baseline.json").write_text("[]", encoding="utf-8")
    with pytest.raises(ConfigError, match="baseline"):
        run([str(tmp_path / "no such input")], Config(baseline=str(tmp_path / "baseline.json")),
            ProcessesBackend(2, min_bytes=0))


def test_bad_rule_options_fail_before_any_input_is_read(tmp_path):
    config = Config(rules={"DUP002": {"threshold": 1.5}})
    with pytest.raises(ConfigError, match="DUP002"):
        run([str(tmp_path / "no such input")], config, ProcessesBackend(2, min_bytes=0))


class _ArticlesOnly(Backend):
    name = "articles-only"
    scopes = ("article",)

    def run(self, source, plan, progress=None):
        raise AssertionError("a backend that cannot run a rule must never start")


def test_a_rule_an_engine_cannot_run_stops_the_run_at_start(seed_page):
    with pytest.raises(ConfigError, match="DUP001 \\(corpus\\)"):
        run([str(seed_page)], Config(select=["DUP001"]), _ArticlesOnly())


@pytest.fixture
def exclamation_rule():
    """A rule added the way the README says: one function in one module, registered with @rule."""

    @rule("TST901", category="repetition", severity="warning", scope="paragraph", dataset="paragraphs",
          title="Paragraph with a doubled exclamation mark")
    def doubled_exclamation(ctx):
        """Report a paragraph that holds `!!` or `！！`.

        ## What it does
        Looks for two exclamation marks in a row.

        ## Why is this bad
        News copy does not shout.

        ## Example
        `Sales rose!!`

        ## Use instead
        `Sales rose.`
        """
        paragraphs = ctx.dataset("paragraphs")
        for pid, norm in zip(paragraphs["paragraph_id"], paragraphs["norm"]):
            if "!!" in norm:
                yield Hit("doubled exclamation mark", [ctx.locate(pid)], {"text": norm[:40]})

    yield "TST901"
    del RULES["TST901"]


def test_a_new_rule_runs_on_every_engine_without_a_table_to_update(exclamation_rule, seed_page, tmp_path):
    inputs = _split_pages(seed_page, tmp_path)
    (tmp_path / "shout.txt").write_text("标题\n\n新华社北京1月2日电 销量大涨！！市场反应热烈。\n", encoding="utf-8")
    document = json.loads(same_everywhere(inputs, Config(data_docs=False, select=["TST"])))
    assert [f["check"] for f in document["findings"]] == ["TST901"]


class _ProbeModel(pa.DataFrameModel):
    probe_id: Series[str] = pa.Field(unique=True)
    paragraph_id: Series[str]
    file: Series[str]
    line_start: Series[int]
    line_end: Series[int]
    flag: Series[str] = pa.Field(isin=["ok"])


@pytest.fixture
def probe_dataset():
    """A paragraph-scope derived dataset whose rows fail their schema: "bad" in each paragraph that holds a
    digit, and (when `shared` is set) one id given to the first paragraph of every file."""
    settings = {"shared": False}

    @derived("probe", _ProbeModel, scope="paragraph")
    def build(ctx):
        """A row per paragraph."""
        paragraphs = ctx.dataset("paragraphs")
        ids = [f"{pid}" for pid in paragraphs["paragraph_id"]]
        if settings["shared"]:
            firsts = (paragraphs["line_start"] == 1).to_numpy()
            ids = ["same" if first else pid for pid, first in zip(ids, firsts)]
        return pd.DataFrame({
            "probe_id": ids, "paragraph_id": list(paragraphs["paragraph_id"]), "file": list(paragraphs["file"]),
            "line_start": paragraphs["line_start"].to_numpy(), "line_end": paragraphs["line_end"].to_numpy(),
            "flag": ["bad" if any(c.isdigit() for c in text) else "ok" for text in paragraphs["text"]],
        })

    yield settings
    del DATASETS["probe"]


def _schema_findings(result) -> list[dict]:
    return [f.to_json() for f in result.findings if f.check == "SCH001"]


def test_workers_validate_the_datasets_they_build(probe_dataset, seed_page, tmp_path):
    """A derived dataset that only SCH001 reads is validated by the workers that built it, not sent back:
    the same findings, its rows renumbered as rows of the whole dataset."""
    inputs, config = _split_pages(seed_page, tmp_path), Config(data_docs=False, select=["SCH"])
    document = json.loads(same_everywhere(inputs, config))
    probe = [f for f in document["findings"] if f["evidence"].get("dataset") == "probe"]
    assert len({f["evidence"]["row"] for f in probe}) > 5
    workers = run(inputs, config, ProcessesBackend(2, min_bytes=0))
    assert "probe" in workers.context.validated and "probe" not in workers.context.built()
    assert workers.context.row_counts()["probe"] == len(workers.corpus.paragraphs)
    assert _schema_findings(workers) == _schema_findings(run(inputs, config, LocalBackend()))


def test_a_unique_value_in_two_parts_is_validated_whole(probe_dataset, seed_page, tmp_path):
    """One id in rows of different files: no worker sees the repeat, so the dataset is validated whole."""
    probe_dataset["shared"] = True
    inputs, config = _split_pages(seed_page, tmp_path), Config(data_docs=False, select=["SCH"])
    workers = run(inputs, config, ProcessesBackend(2, min_bytes=0))
    assert "probe" not in workers.context.validated
    repeated = [f for f in _schema_findings(workers) if f["evidence"]["failure_case"] == "same"]
    assert len(repeated) == int((workers.corpus.paragraphs["line_start"] == 1).sum()) > 2
    assert _schema_findings(workers) == _schema_findings(run(inputs, config, LocalBackend()))
