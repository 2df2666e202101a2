"""A rule's documentation is executable: the fenced blocks of its `## Example` are inputs that must give
the rule's finding, those of `## Use instead` inputs that must not (as ruff tests its rules' examples).

A block's info string says what it is:

    ```paragraphs        one article: each non-blank line a body paragraph (several blocks: several articles)
    ```jsonl             .jsonl lines as they are (an article's `date`, a record with no text, ...)
    ```page              a raw .txt page, segmented as any page is
    ```table NAME        a curated CSV table named NAME, declared as [[tool.checks.tables]] with provenance;
                         `{file}`, `{paragraph:N}` and `{line:N}` stand for the raw input's name and the
                         id and first line of its N-th paragraph (1-based)
    ```toml              settings for the run, as under [tool.checks] (`[rules.TIM001]` ...)

Add `escaped` to the info string to write bytes and characters as `\\xNN` / `\\uNNNN` escapes (a page
then holds those raw bytes: a cut UTF-8 character, a control character).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from checks.config import Config, TableConfig, parse
from checks.rules.base import Rule

FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
KINDS = ("paragraphs", "jsonl", "page", "table", "toml")


@dataclass
class Block:
    kind: str
    text: str
    name: str = ""
    escaped: bool = False

    def raw(self) -> bytes:
        text = self.text
        if not self.escaped:
            return text.encode("utf-8")
        out = bytearray()
        for piece in re.split(r"(\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4})", text):
            if piece.startswith("\\x") and len(piece) == 4:
                out.append(int(piece[2:], 16))
            elif piece.startswith("\\u") and len(piece) == 6:
                out += chr(int(piece[2:], 16)).encode("utf-8")
            else:
                out += piece.encode("utf-8")
        return bytes(out)


@dataclass
class ExampleRun:
    """The inputs and settings a documentation section describes, written into a folder."""

    inputs: list[str]
    config: Config
    files: list[Path] = field(default_factory=list)


def blocks(rule: Rule, section: str) -> list[Block]:
    """The fenced input blocks of one section of the rule's documentation."""
    found = []
    for m in FENCE.finditer(rule.section(section)):
        words = m.group("info").split()
        if not words or words[0] not in KINDS:
            continue
        escaped = "escaped" in words[1:]
        names = [w for w in words[1:] if w != "escaped"]
        found.append(Block(words[0], m.group("body"), names[0] if names else "", escaped))
    return found


def _jsonl_article(lines: list[str], number: int) -> str:
    import json

    return json.dumps({"id": f"example-{number}", "title": f"Example {number}", "body": "\n\n".join(lines)},
                      ensure_ascii=False)


def prepare_example(rule: Rule, section: str, folder: Path) -> ExampleRun | None:
    """Write the section's inputs into `folder`; None when the section has no input block."""
    found = blocks(rule, section)
    if not any(b.kind in ("paragraphs", "jsonl", "page") for b in found):
        return None
    folder.mkdir(parents=True, exist_ok=True)
    jsonl, files = [], []
    for block in found:
        if block.kind == "paragraphs":
            lines = [line.strip() for line in block.raw().decode("utf-8").splitlines() if line.strip()]
            jsonl.append(_jsonl_article(lines, len(jsonl) + 1))
        elif block.kind == "jsonl":
            jsonl += [line for line in block.raw().decode("utf-8").splitlines() if line.strip()]
    if jsonl:
        path = folder / "example.jsonl"
        path.write_text("\n".join(jsonl) + "\n", encoding="utf-8")
        files.append(path)
    for i, block in enumerate(b for b in found if b.kind == "page"):
        path = folder / f"example_{i + 1}.txt"
        path.write_bytes(block.raw())
        files.append(path)
    settings: dict = {"data-docs": False, "select": [rule.code]}
    for block in found:
        if block.kind == "toml":
            settings.update(tomllib.loads(block.raw().decode("utf-8")))
    config = parse(settings, f"{rule.code} {section}")
    tables = [b for b in found if b.kind == "table"]
    if tables:
        places = _places(files)
        for block in tables:
            path = folder / f"{block.name}.csv"
            path.write_text(_filled(block.raw().decode("utf-8"), places), encoding="utf-8")
            config.tables.append(TableConfig(block.name, str(path), "", True))
    return ExampleRun([str(p) for p in files], config, files)


def _places(files: list[Path]) -> dict[str, str]:
    """What the placeholders of a table stand for: the first input's name, its paragraphs' ids and lines."""
    from checks.ingest.reader import read_corpus

    corpus = read_corpus([str(files[0])])
    paragraphs = corpus.paragraphs
    places = {"{file}": corpus.files[0].name}
    for n, (pid, line) in enumerate(zip(paragraphs["paragraph_id"], paragraphs["line_start"]), start=1):
        places[f"{{paragraph:{n}}}"] = str(pid)
        places[f"{{line:{n}}}"] = str(int(line))
    return places


def _filled(text: str, places: dict[str, str]) -> str:
    return re.sub(r"\{(?:file|paragraph:\d+|line:\d+)\}", lambda m: places.get(m.group(0), m.group(0)), text)


def findings_of(rule: Rule, section: str, folder: Path) -> list | None:
    """The rule's open findings (not verified claims) on the section's inputs; None without inputs."""
    from checks.backends import LocalBackend
    from checks.engine import run

    example = prepare_example(rule, section, folder)
    if example is None:
        return None
    result = run(example.inputs, example.config, LocalBackend())
    return [f for f in result.findings if f.check == rule.code]
