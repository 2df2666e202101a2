"""CI a data repository can reference, run on a temporary data repository made here: the composite action's
shell step (ci/action.yml running ci/check-data.sh, as GitHub runs it) and the pre-commit hook
(.pre-commit-hooks.yaml, through `pre-commit try-repo`)."""
from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parent.parent
SHARED = "这是一个足够长的正文段落，它在两个文件里各出现了一次，用来检验跨文件的重复段落。"
NETWORK_TROUBLE = ("Could not find a version", "NewConnectionError", "Temporary failure in name resolution",
                   "No matching distribution", "Network is unreachable", "ConnectTimeout", "ProxyError")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=ci@example.invalid", "-c", "user.name=ci", *args], cwd=cwd, check=True,
                   capture_output=True)


@pytest.fixture(scope="module")
def checks_repo(tmp_path_factory) -> Path:
    """This repository as a `uses:` or `repo:` reference fetches it: its tracked files, committed."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    copy = tmp_path_factory.mktemp("checks-repo")
    tracked = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, tracked.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    _git(copy, "init", "-q")
    _git(copy, "add", "-A")
    _git(copy, "commit", "-q", "-m", "checks at the ref under test")
    return copy


@pytest.fixture
def data_repo(tmp_path) -> Path:
    """A data repository: two pages sharing a paragraph and a Parquet table of articles with its own column names."""
    repo = tmp_path / "data-repo"
    (repo / "pages").mkdir(parents=True)
    (repo / "pyproject.toml").write_text(
        '[tool.checks]\ninputs = ["pages", "tables/news.parquet"]\ndata-docs = false\nreport-dir = "checks-reports"\n\n'
        '[tool.checks.input]\ntitle = "headline"\nbody = "content"\n', encoding="utf-8")
    (repo / ".gitignore").write_text("checks-reports/\n", encoding="utf-8")  # as the README says: reports are not data
    (repo / "pages" / "a.txt").write_text("工业经济稳中向好\n\n" + SHARED + "\n", encoding="utf-8")
    (repo / "pages" / "b.txt").write_text("汽车出口再创新高\n\n" + SHARED + "\n", encoding="utf-8")
    (repo / "tables").mkdir()
    pd.DataFrame({"headline": ["消费市场持续回暖"], "content": ["今年以来，全市开展反诈反诈宣传活动三百余场，覆盖群众十万人次。\n\n"
                                                          "市公安局表示，反诈工作将常态化开展，守护群众的钱袋子。"]}).to_parquet(
        repo / "tables" / "news.parquet", index=False)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    return repo


def _python_env(tmp_path: Path) -> Path:
    """A fresh virtual environment that sees this environment's packages (pandas, pyarrow, ...) but not its
    `checks`, so the step's install is what runs."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    lib = next((venv / "lib").glob("python3*")) / "site-packages"
    (lib / "outer.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    return venv


def _action_step_env(action: dict, step: dict, given: dict[str, str]) -> dict[str, str]:
    """The step's env with `${{ inputs.NAME }}` filled in from the inputs given, else the action's defaults."""
    def value(match):
        name = match.group(1)
        return given.get(name, action["inputs"][name].get("default", ""))

    return {key: re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", value, str(text)) for key, text in step["env"].items()}


def test_the_action_step_checks_a_data_repository(checks_repo, data_repo, tmp_path):
    action = yaml.safe_load((checks_repo / "ci" / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "run")
    upload = action["runs"]["steps"][-1]
    assert upload["uses"].startswith("actions/upload-artifact@") and upload["if"] == "always()"
    assert upload["with"]["path"] == "${{ inputs.report-dir }}"
    venv = _python_env(tmp_path)
    outputs = tmp_path / "github_output"
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(_action_step_env(action, step, {"version": str(checks_repo)}))
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env['PATH']}", GITHUB_ACTION_PATH=str(checks_repo / "ci"),
               GITHUB_ACTIONS="true", GITHUB_OUTPUT=str(outputs))
    # GitHub runs a `shell: bash` step as `bash --noprofile --norc -eo pipefail FILE`
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=data_repo,
                          env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import checks; print(checks.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path).stdout
    assert where.startswith(str(venv)), where  # the step installed checks from the ref under test
    assert re.search(r"^::error file=pages/a\.txt,line=3,endLine=3,title=DUP001 duplicate::", proc.stdout, re.M)
    assert re.search(r"^::notice file=pages/b\.txt,line=3,", proc.stdout, re.M)
    assert re.search(r"^::warning file=tables/news\.parquet,line=1,endLine=1,title=REP001 repetition::.*"
                     r"\(row 0, column content\)", proc.stdout, re.M)
    assert outputs.read_text(encoding="utf-8").strip() == "exit-status=1"
    document = json.loads((data_repo / "checks-reports" / "findings.json").read_text(encoding="utf-8"))
    assert {f["check"] for f in document["findings"]} >= {"DUP001", "REP001"}
    assert (data_repo / "checks-reports" / "index.html").is_file()

    # fail-on never, and a bad input: the step's status follows checks run's
    env.update(_action_step_env(action, step, {"version": str(checks_repo), "fail-on": "never"}))
    quiet = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=data_repo,
                           env=env, capture_output=True, text=True, timeout=900)
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    env.update(_action_step_env(action, step, {"version": str(checks_repo), "inputs": "missing.parquet"}))
    bad = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=data_repo,
                         env=env, capture_output=True, text=True, timeout=900)
    assert bad.returncode == 2 and "missing.parquet: no such file or folder" in bad.stderr


def test_the_example_workflow_uses_the_action():
    workflow = yaml.safe_load((ROOT / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["checks"]["steps"]
    assert any(str(s.get("uses", "")).split("@")[0].endswith("/ci") for s in steps)


def _try_repo(checks_repo: Path, data_repo: Path, home: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PRE_COMMIT_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(checks_repo), "checks", "--all-files"],
                          cwd=data_repo, env=env, capture_output=True, text=True, timeout=1500)


def test_the_pre_commit_hook_on_a_data_repository(checks_repo, data_repo, tmp_path_factory):
    pytest.importorskip("pre_commit")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["checks"]
    home = tmp_path_factory.mktemp("pre-commit-home")
    failing = _try_repo(checks_repo, data_repo, home)
    if failing.returncode not in (0, 1) or "An unexpected error has occurred" in failing.stdout:
        log = (home / "pre-commit.log").read_text(errors="replace") if (home / "pre-commit.log").exists() else ""
        if any(sign in log + failing.stdout for sign in NETWORK_TROUBLE):
            pytest.skip("pre-commit could not install the hook's environment: no package index reachable")
        raise AssertionError(failing.stdout + failing.stderr + log[-3000:])
    assert failing.returncode == 1, failing.stdout
    assert re.search(r"checks \(news data quality\)\.+Failed", failing.stdout)
    assert "pages/a.txt:3: error DUP001 paragraph repeated 2 times (across files)" in failing.stdout
    # fixed data passes (the hook's environment is reused)
    (data_repo / "pages" / "b.txt").write_text("汽车出口再创新高\n\n今年汽车出口增速明显加快，新能源车型占比继续提高。\n", encoding="utf-8")
    _git(data_repo, "add", "-A")
    passing = _try_repo(checks_repo, data_repo, home)
    assert passing.returncode == 0, passing.stdout
    assert re.search(r"checks \(news data quality\)\.+Passed", passing.stdout)
