"""Configuration from `[tool.checks]` in pyproject.toml, or from a file given with --config.

Every key is checked before a run starts: an unknown key or a wrong value is
a one-line error (exit 2), not a surprise halfway through.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from checks.errors import ConfigError
from checks.model import SEVERITIES

FAIL_ON = ("error", "warning", "info", "never")


@dataclass
class TableConfig:
    """A curated table the user keeps: where it is and which pandera model holds it."""

    name: str
    path: str
    model: str = ""  # "package.module:ClassName"; empty for the built-in indicators model
    provenance: bool = True


@dataclass
class Config:
    inputs: list[str] = field(default_factory=lambda: ["datasets"])
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    baseline: str | None = None
    report_dir: str = "reports"
    data_docs: bool = False  # GX Data Docs cost several times the rest of a small run: written when asked
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict] = field(default_factory=dict)
    tables: list[TableConfig] = field(default_factory=list)
    jobs: int = 0  # worker processes for the pandas engine; 0 means one per core of the machine
    source: str = "defaults"


def _strings(where: str, value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{where}: expected a string or a list of strings")


def _table(where: str, raw) -> TableConfig:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a table with name and path")
    unknown = set(raw) - {"name", "path", "model", "provenance"}
    if unknown:
        raise ConfigError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    if not isinstance(raw.get("name"), str) or not isinstance(raw.get("path"), str):
        raise ConfigError(f"{where}: 'name' and 'path' must be strings")
    model = raw.get("model", "")
    if not isinstance(model, str) or (model and ":" not in model):
        raise ConfigError(f"{where}: 'model' must look like 'package.module:ClassName'")
    provenance = raw.get("provenance", True)
    if not isinstance(provenance, bool):
        raise ConfigError(f"{where}: 'provenance' must be true or false")
    return TableConfig(raw["name"], raw["path"], model, provenance)


def parse(section: dict, source: str) -> Config:
    """Build a Config from the `[tool.checks]` table, rejecting anything unknown."""
    config = Config(source=source)
    for key, value in section.items():
        where = f"{source}: {key}"
        if key == "inputs":
            config.inputs = _strings(where, value)
        elif key in ("select", "ignore"):
            setattr(config, key, [v.upper() for v in _strings(where, value)])
        elif key == "fail-on":
            if value not in FAIL_ON:
                raise ConfigError(f"{where}: expected one of {', '.join(FAIL_ON)}, got {value!r}")
            config.fail_on = value
        elif key == "baseline":
            if not isinstance(value, str):
                raise ConfigError(f"{where}: expected a file path")
            config.baseline = value
        elif key == "report-dir":
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where}: expected a folder path")
            config.report_dir = value
        elif key == "jobs":
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ConfigError(f"{where}: expected a whole number of worker processes (0: one per core)")
            config.jobs = value
        elif key == "data-docs":
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: expected true or false")
            config.data_docs = value
        elif key == "severity":
            if not isinstance(value, dict) or any(v not in SEVERITIES for v in value.values()):
                raise ConfigError(f"{where}: expected CODE = \"error\" | \"warning\" | \"info\"")
            config.severity = {k.upper(): v for k, v in value.items()}
        elif key == "rules":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                raise ConfigError(f"{where}: expected [tool.checks.rules.CODE] tables of options")
            config.rules = {k.upper(): dict(v) for k, v in value.items()}
        elif key == "tables":
            if not isinstance(value, list):
                raise ConfigError(f"{where}: expected [[tool.checks.tables]] entries")
            config.tables = [_table(f"{where}[{i}]", t) for i, t in enumerate(value)]
        else:
            raise ConfigError(f"{where}: unknown key; see `checks --help` and the README for the keys")
    return config


def load(path: str | None) -> Config:
    """Read --config FILE if given, else `[tool.checks]` of ./pyproject.toml if present."""
    if path is None:
        candidate = Path("pyproject.toml")
        if not candidate.is_file():
            return Config()
        file, explicit = candidate, False
    else:
        file, explicit = Path(path), True
        if not file.is_file():
            raise ConfigError(f"{path}: configuration file not found")
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{file}: not valid TOML ({exc})") from None
    section = data.get("tool", {}).get("checks")
    if section is None:
        if explicit and file.name != "pyproject.toml":
            section = data
        else:
            section = {}
    if not isinstance(section, dict):
        raise ConfigError(f"{file}: [tool.checks] must be a table")
    return parse(section, str(file))


def validate_rule_settings(config: Config, rules: dict) -> None:
    """Check codes in severity/rules/select/ignore against the registry, and option names and types."""
    codes = set(rules)
    for code in config.severity:
        if code not in codes:
            raise ConfigError(f"{config.source}: severity: unknown rule {code}; `checks list` shows the rules")
    for prefix in config.select + config.ignore:
        if not any(c.startswith(prefix) for c in codes):
            raise ConfigError(f"{config.source}: select/ignore: {prefix} matches no rule; `checks list` shows the rules")
    for code, options in config.rules.items():
        if code not in codes:
            raise ConfigError(f"{config.source}: rules.{code}: unknown rule; `checks list` shows the rules")
        defaults = rules[code].options
        for name, value in options.items():
            if name not in defaults:
                known = ", ".join(sorted(defaults)) or "none"
                raise ConfigError(f"{config.source}: rules.{code}.{name}: unknown option (known: {known})")
            expected = type(defaults[name])
            ok = isinstance(value, expected) or (expected is float and isinstance(value, int) and not isinstance(value, bool))
            if not ok or (expected is int and isinstance(value, bool)):
                raise ConfigError(f"{config.source}: rules.{code}.{name}: expected {expected.__name__}, got {value!r}")
            if isinstance(value, (int, float)) and not isinstance(value, bool) and (value != value or value in (float("inf"), float("-inf")) or value < 0):
                raise ConfigError(f"{config.source}: rules.{code}.{name}: expected a finite non-negative number")
