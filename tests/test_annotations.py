"""GitHub workflow annotations: `checks run --format github`, and automatically under GitHub Actions."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

from checks.baseline import Entry
from checks.model import Finding, Location
from checks.surfaces.console import github_lines

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "datasets" / "raw" / "000_1989159548c930ee.txt"
ANNOTATION = re.compile(r"^::(error|warning|notice) (?:file=([^,]*),line=(\d+),endLine=(\d+),)?title=([^:]*)::(.*)$")


def parse(stdout: str) -> list[tuple]:
    return [ANNOTATION.match(line).groups() for line in stdout.splitlines() if line.startswith("::")]


def repo(tmp_path: Path, table_edit=None) -> Path:
    (tmp_path / "raw").mkdir()
    shutil.copy(PAGE, tmp_path / "raw" / "page.txt")
    lines = (ROOT / "datasets" / "curated" / "indicators.csv").read_text(encoding="utf-8").splitlines()
    if table_edit:
        table_edit(lines)
    body = "\n".join(line.replace("datasets/raw/000_1989159548c930ee.txt", "raw/page.txt") for line in lines)
    (tmp_path / "indicators.csv").write_text(body + "\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.checks]\ninputs = ["raw"]\ndata-docs = false\n\n'
        '[[tool.checks.tables]]\nname = "indicators"\npath = "indicators.csv"\n', encoding="utf-8")
    return tmp_path


def test_every_finding_is_annotated_at_its_file_and_line(tmp_path, run_checks):
    def edit(lines):
        row = next(i for i, line in enumerate(lines) if line.startswith("万卡智算集群数量,"))
        lines[row] = lines[row].replace(",42,", ",24,")
        edited.append(row + 1)

    edited: list[int] = []
    folder = repo(tmp_path, edit)
    out = run_checks("run", "--format", "github", cwd=folder)
    assert out.code == 1
    annotations = parse(out.stdout)
    findings = out.findings["findings"]
    firsts = [a for a in annotations if not a[5].startswith("also involved")]
    level = {"error": "error", "warning": "warning", "info": "notice"}
    assert len(firsts) == len(findings)
    for annotation, finding in zip(firsts, findings):
        loc = finding["locations"][0]
        assert annotation[:4] == (level[finding["severity"]], loc["file"], str(loc["line_start"]), str(loc["line_end"]))
        assert annotation[4] == f"{finding['check']} {finding['category']}"
        assert annotation[5].endswith(f"[{finding['id']}]")
    # the changed table row is annotated at the row, in the table file
    row = str(edited[0])
    assert ("error", "indicators.csv", row, row, "PRV003 provenance") in [a[:5] for a in annotations]
    # a duplicate's other copy gets a notice pointing back at the first
    dup = next(f for f in findings if f["check"] == "DUP001")
    other = dup["locations"][1]
    assert any(a[0] == "notice" and a[1:3] == (other["file"], str(other["line_start"])) and dup["id"] in a[5]
               for a in annotations)


def test_github_format_is_the_default_under_github_actions(tmp_path, run_checks):
    folder = repo(tmp_path)
    env = dict(os.environ, GITHUB_ACTIONS="true")
    out = run_checks("run", "-q", cwd=folder, env=env)
    assert out.code == 1
    annotations = parse(out.stdout)
    assert len([a for a in annotations if not a[5].startswith("also involved")]) == len(out.findings["findings"])
    plain = run_checks("run", "--format", "text", cwd=folder, env=env, report_dir=tmp_path / "r2")
    assert parse(plain.stdout) == []


def finding(message: str, file: str) -> Finding:
    return Finding("X-1", "DUP001", "duplicate", "warning", "paragraphs", message, [Location(file, 3, 4)], {})


def test_escaping_keeps_one_command_per_line():
    result = SimpleNamespace(findings=[finding("50% of it,\nsplit: here\r", "raw/a,b:c.txt")], stale=[])
    [line] = github_lines(result)
    assert line == ("::warning file=raw/a%2Cb%3Ac.txt,line=3,endLine=4,title=DUP001 duplicate::"
                    "50%25 of it,%0Asplit: here%0D [X-1]")


def test_stale_entries_and_placeless_findings():
    placeless = Finding("S-1", "SCH001", "schema", "error", "articles", "whole dataset fails", [], {})
    result = SimpleNamespace(findings=[placeless], stale=[Entry("DUP001-abc", "DUP001", "gone", "kept", "raw/a.txt:3")])
    assert github_lines(result) == [
        "::error title=SCH001 schema::whole dataset fails [S-1]",
        "::warning title=stale baseline entry::baseline entry DUP001-abc (DUP001) matches no finding any more; "
        "remove it from the baseline",
    ]


def test_workflow_annotates_through_the_check_script():
    """The example workflow uses the action, whose step runs the script (tests/test_ci.py runs it)."""
    workflow = (ROOT / "ci" / "github-workflow.yml").read_text(encoding="utf-8")
    action = (ROOT / "ci" / "action.yml").read_text(encoding="utf-8")
    script = (ROOT / "ci" / "check-data.sh").read_text(encoding="utf-8")
    assert "/ci@" in workflow
    assert '"$GITHUB_ACTION_PATH/check-data.sh"' in action
    assert 'if [ "${GITHUB_ACTIONS:-}" = "true" ]; then format=github; fi' in script
    assert '--format "$format"' in script
