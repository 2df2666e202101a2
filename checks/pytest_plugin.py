"""pytest plugin: in a data repository, every rule is a test item over the configured inputs.

Installed with the package (entry point `pytest11`), it stays inert until the
repository turns it on, in pyproject.toml:

    [tool.pytest.ini_options]
    checks = true

or with `pytest --checks`. The items come from the repository's pyproject.toml
(`pyproject.toml::DUP001`, ...): one run of the engine over `[tool.checks]`
inputs and tables, then each item fails when its rule has findings at or above
`fail-on` that the baseline does not accept, with those findings as the failure
message. `pytest --junitxml` then gives the JUnit users expect. The run is made
through the Python API (`checks.api.validate`), as `checks run` makes it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from checks.errors import UsageError

CONFIG_FILE = "pyproject.toml"


def pytest_addoption(parser):
    parser.addini("checks", type="bool", default=False,
                  help="collect each rule of `checks` as a test item over [tool.checks] inputs")
    parser.getgroup("checks").addoption("--checks", action="store_true", default=False,
                                        help="collect the rules of `checks` as test items, whatever the ini says")


def _enabled(config) -> bool:
    return bool(config.getoption("checks") or config.getini("checks"))


def pytest_collect_file(file_path: Path, parent):
    if file_path.name != CONFIG_FILE or file_path.parent != parent.config.rootpath or not _enabled(parent.config):
        return None
    return ChecksFile.from_parent(parent, path=file_path)


class ChecksFile(pytest.File):
    """The repository's configuration: one item per selected rule, one engine run shared by them."""

    def collect(self):
        from checks import config as config_module
        from checks.engine import prepare

        try:
            self.checks_config = config_module.load(str(self.path))
            rules = prepare(self.checks_config)
        except UsageError as exc:
            raise self.CollectError(f"checks: {exc}") from None
        for rule in rules:
            yield RuleItem.from_parent(self, name=rule.code, rule=rule)

    def result(self):
        """The run over the configured inputs, made once; a failure to run is kept and raised per item."""
        if not hasattr(self, "_outcome"):
            from checks.api import validate

            base = self.path.parent
            inputs = [str(base / p) for p in self.checks_config.inputs]
            if self.checks_config.baseline:
                self.checks_config.baseline = str(base / self.checks_config.baseline)
            try:
                self._outcome = validate(inputs, self.checks_config).result
            except UsageError as exc:
                self._outcome = exc
        if isinstance(self._outcome, Exception):
            raise CouldNotRun(str(self._outcome))
        return self._outcome


class CouldNotRun(Exception):
    """The inputs or configuration could not be read: every item says why, in one line."""


class RuleFailed(Exception):
    def __init__(self, findings):
        super().__init__(f"{len(findings)} finding(s)")
        self.findings = findings


class RuleItem(pytest.Item):
    def __init__(self, *, rule, **kwargs):
        super().__init__(**kwargs)
        self.rule = rule

    def runtest(self):
        from checks.model import fails_run

        result = self.parent.result()
        findings = [f for f in result.findings if f.check == self.rule.code]
        self.user_properties.append(("findings", len(findings)))
        accepted = sum(1 for f, _ in result.accepted if f.check == self.rule.code)
        if accepted:
            self.user_properties.append(("accepted_by_baseline", accepted))
        failing = [f for f in findings if fails_run(f.severity, result.config.fail_on)]
        if failing:
            raise RuleFailed(failing)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, CouldNotRun):
            return f"checks could not run: {excinfo.value}"
        if isinstance(excinfo.value, RuleFailed):
            from checks.surfaces.console import place_text

            lines = [f"{self.rule.code} {self.rule.title}: {len(excinfo.value.findings)} finding(s)"]
            for f in excinfo.value.findings:
                lines.append(f"{place_text(f)}: {f.severity} {f.check} {f.message} [{f.id}]")
            lines.append(f"`checks explain {self.rule.code}` says why it matters and what to write instead")
            return "\n".join(lines)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, None, f"checks {self.rule.code}: {self.rule.title}"
