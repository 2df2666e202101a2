"""Turn raw bytes into text without losing anything silently.

UTF-8 (with or without BOM), UTF-16 with BOM and GB18030 are read as they are.
A file that is mostly UTF-8 with a few bad bytes is still read: every bad spot
is replaced by U+FFFD and reported back, so the engine can raise an
`encoding` finding instead of dropping the text.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from checks.errors import InputError

# Share of bytes that may be undecodable before we call the file unreadable.
MAX_BAD_BYTE_SHARE = 0.05
# Control characters (other than tab/CR/LF) beyond this share mean "binary".
MAX_CONTROL_SHARE = 0.10


@dataclass(frozen=True)
class BadSpot:
    """One undecodable run of bytes: where it was and what it held."""

    line: int
    column: int
    raw: str  # hex of the offending bytes


@dataclass
class Decoded:
    text: str
    encoding: str
    bad_spots: list[BadSpot] = field(default_factory=list)


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample and not (sample.startswith(codecs.BOM_UTF16_LE) or sample.startswith(codecs.BOM_UTF16_BE)):
        nul_share = sample.count(b"\x00") / len(sample)
        if nul_share > 0.01:
            return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12, 27))
    return controls / max(len(sample), 1) > MAX_CONTROL_SHARE


def _decode_with_spots(data: bytes, limit: int) -> Decoded | None:
    """Decode UTF-8 leniently, recording each undecodable run; None past `limit` runs."""
    runs: list[tuple[int, int]] = []

    def record(exc: UnicodeDecodeError) -> tuple[str, int]:
        if len(runs) > limit:
            raise exc
        runs.append((exc.start, exc.end))
        return "\ufffd", exc.end

    codecs.register_error("checks-record", record)
    try:
        text = data.decode("utf-8", errors="checks-record")
    except UnicodeDecodeError:
        return None
    spots = []
    for start, end in runs:
        line_begin = data.rfind(b"\n", 0, start) + 1
        column = len(data[line_begin:start].decode("utf-8", errors="replace")) + 1
        spots.append(BadSpot(line=data.count(b"\n", 0, start) + 1, column=column, raw=data[start:end].hex()))
    return Decoded(text=text, encoding="utf-8 (with replacements)", bad_spots=spots)


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode a file's bytes, or raise InputError with a reason a person can act on."""
    if not data.strip():
        raise InputError(f"{name}: file is empty; remove it or pass other inputs")
    if data.startswith(codecs.BOM_UTF8):
        return _utf8_or_lenient(data[3:], "utf-8-sig", name)
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return Decoded(data[2:].decode(enc), "utf-16")
            except UnicodeDecodeError:
                raise InputError(f"{name}: UTF-16 text with invalid bytes; re-save it as UTF-8") from None
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not article text; pass .txt files of text")
    return _utf8_or_lenient(data, "utf-8", name)


def _utf8_or_lenient(data: bytes, label: str, name: str) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), label)
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(data.decode("gb18030"), "gb18030")
    except UnicodeDecodeError:
        pass
    limit = max(8, int(len(data) * MAX_BAD_BYTE_SHARE / 2))
    decoded = _decode_with_spots(data, limit)
    if decoded is None:
        raise InputError(f"{name}: text is neither UTF-8 nor GB18030; convert it to UTF-8")
    return decoded
