"""The baseline round trip from the command line: accept, rerun, a new defect fails, gone ones are stale."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "datasets" / "raw" / "000_1989159548c930ee.txt"


def paragraph_of(line: int) -> str:
    return PAGE.read_text(encoding="utf-8").split("\n")[line - 1]


@pytest.fixture
def repo(tmp_path):
    """A data repository: the bundled page, and a second file that repeats one of its paragraphs."""
    (tmp_path / "raw").mkdir()
    shutil.copy(PAGE, tmp_path / "raw" / "page.txt")
    (tmp_path / "raw" / "extra.txt").write_text(f"转载\n\n{paragraph_of(47)}\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.checks]\ninputs = ["raw"]\ndata-docs = false\n', encoding="utf-8")
    return tmp_path


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_round_trip(repo, run_checks, tmp_path):
    base = repo / "baseline.json"
    made = run_checks("baseline", "-o", str(base), cwd=repo)
    assert made.code == 0, made.stderr
    entries = load(base)["accepted"]
    assert entries and all(e["reason"] == "" and e["where"] for e in entries)
    assert f"wrote {len(entries)} accepted finding(s)" in made.stdout

    # a person gives reasons; the run passes and lists the accepted findings apart, with them
    extra = next(e for e in entries if "extra.txt" in e["message"])
    for e in entries:
        e["reason"] = "syndicated copy, kept on purpose" if e is extra else "as published by the source"
    base.write_text(json.dumps({"version": 1, "accepted": entries}, ensure_ascii=False), encoding="utf-8")
    clean = run_checks("run", "--baseline", str(base), cwd=repo)
    assert clean.code == 0, clean.stdout + clean.stderr
    document = clean.findings
    assert [f for f in document["findings"] if f["severity"] != "info"] == []
    assert {a["id"] for a in document["accepted"]} == {e["id"] for e in entries}
    assert next(a for a in document["accepted"] if a["id"] == extra["id"])["reason"] == "syndicated copy, kept on purpose"
    assert document["stale_baseline"] == [] and document["summary"]["accepted"] == len(entries)
    assert f"accepted by the baseline ({len(entries)}):" in clean.stdout
    assert "-- syndicated copy, kept on purpose" in clean.stdout

    # a new defect fails the run; only it is a finding
    (repo / "raw" / "new.txt").write_text(f"又一转载\n\n{paragraph_of(65)}\n", encoding="utf-8")
    failing = run_checks("run", "--baseline", str(base), cwd=repo, report_dir=tmp_path / "r2")
    assert failing.code == 1
    new = [f for f in failing.findings["findings"] if f["severity"] == "error"]
    assert [f["check"] for f in new] == ["DUP001"] and "raw/new.txt" in new[0]["message"]
    assert len(failing.findings["accepted"]) == len(entries)

    # a defect that is gone leaves a stale entry, reported but not failing
    (repo / "raw" / "new.txt").unlink()
    (repo / "raw" / "extra.txt").unlink()
    stale = run_checks("run", "--baseline", str(base), cwd=repo, report_dir=tmp_path / "r3")
    assert stale.code == 0
    assert [s["id"] for s in stale.findings["stale_baseline"]] == [extra["id"]]
    assert stale.findings["stale_baseline"][0]["reason"] == "syndicated copy, kept on purpose"
    assert "stale baseline entries, no longer found (1)" in stale.stdout and extra["id"] in stale.stdout

    # writing the baseline again keeps the reasons given and drops what is gone
    again = run_checks("baseline", "-o", str(base), cwd=repo)
    assert again.code == 0
    rewritten = load(base)["accepted"]
    assert {e["id"] for e in rewritten} == {e["id"] for e in entries} - {extra["id"]}
    assert all(e["reason"] == "as published by the source" for e in rewritten)


def test_entries_of_checks_not_run_are_not_stale(repo, run_checks):
    base = repo / "baseline.json"
    assert run_checks("baseline", "-o", str(base), cwd=repo).code == 0
    narrowed = run_checks("run", "--baseline", str(base), "--select", "DUP001", cwd=repo)
    assert narrowed.code == 0
    assert narrowed.findings["stale_baseline"] == []
    assert {a["check"] for a in narrowed.findings["accepted"]} == {"DUP001"}


@pytest.mark.parametrize(("content", "message"), [
    (None, "baseline file not found"),
    ("{not json", "baseline is not valid JSON"),
    ('{"accepted": [{"reason": "x"}]}', "accepted[0] needs an 'id' string"),
])
def test_bad_baseline_is_one_line_exit_2(repo, run_checks, content, message):
    base = repo / "baseline.json"
    if content is not None:
        base.write_text(content, encoding="utf-8")
    out = run_checks("run", "--baseline", str(base), cwd=repo)
    assert out.code == 2
    assert message in out.stderr and len(out.stderr.strip().splitlines()) == 1
