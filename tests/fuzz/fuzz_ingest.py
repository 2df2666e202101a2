"""Fuzz target for ingest and the number parser (atheris / libFuzzer).

Each input is raw bytes as a file would hold them. It is read as a `.txt` page
and as a `.jsonl` corpus, and its decoded text goes through `normalize` and
`find_mentions`. A run fails only on an unexpected exception or a broken
invariant; `InputError` (the clear exit-2 refusal) is an accepted outcome.

    python tests/fuzz/fuzz_ingest.py -atheris_runs=1000000 -max_len=4096 WORKDIR tests/fuzz/seeds

(libFuzzer flags such as -max_total_time=30 and -seed=1 work as usual.)
"""
from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["checks"]):
    from checks.errors import InputError
    from checks.extract.numbers import find_mentions
    from checks.ingest.decode import decode_bytes
    from checks.ingest.normalize import fold_width, normalize
    from checks.ingest.reader import read_one, rows_of
    from checks.ingest.segment import split_lines

TXT = Path("fuzz.txt")
JSONL = Path("fuzz.jsonl")


def check_rows(data: bytes, path: Path) -> None:
    """Read the bytes as one file and check that every line is accounted for."""
    try:
        source, arts, pars, acc = read_one(path, path.name, data, "0" * 64, 0)
        arts, pars = rows_of(arts), rows_of(pars)
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc), repr(exc)
        return
    assert acc["lines"] == source.lines
    if path.suffix == ".txt":
        assert acc["blank"] + acc["in_paragraphs"] == acc["lines"], acc
        covered = sum(p["line_end"] - p["line_start"] + 1 for p in pars)
        assert covered == acc["in_paragraphs"], (covered, acc)
    assert acc["paragraphs"] == len(pars) and acc["articles"] == len(arts)
    for p in pars:
        assert p["text"].strip() and p["length"] == len(p["text"])
        assert 1 <= p["line_start"] <= p["line_end"] <= max(acc["lines"], 1)


def check_text(text: str) -> None:
    """Normalising is idempotent; width folding keeps offsets; mentions lie inside the text."""
    assert len(fold_width(text)) == len(text)
    once = normalize(text)
    assert normalize(once) == once
    for m in find_mentions(text):
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.surface, m


def test_one_input(data: bytes) -> None:
    check_rows(data, TXT)
    check_rows(data, JSONL)
    try:
        text = decode_bytes(data, "fuzz").text
    except InputError:
        text = data.decode("utf-8", errors="replace")
    split_lines(text)
    check_text(text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
