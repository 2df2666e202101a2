"""Turn raw bytes into text without losing anything silently.

UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when its NULs
show the byte order), GB18030 and Big5 are read as they are.
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


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    """Many NULs or control bytes; shares count text bytes only, so line endings do not tip the balance."""
    sample = data[:65536]
    body = max(len(sample) - sample.count(b"\n") - sample.count(b"\r"), 1)
    nuls = sample.count(b"\x00")
    if nuls > 4 and nuls / body > 0.01:  # a stray NUL in text is an ENC002 finding, many mean binary
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls >= 8 and controls / body > MAX_CONTROL_SHARE


def _decode_with_spots(data: bytes, limit: int) -> Decoded | None:
    """Decode UTF-8 leniently, recording each undecodable run; None past `limit` runs."""
    runs: list[tuple[int, int]] = []

    def record(exc: UnicodeDecodeError) -> tuple[str, int]:
        if runs and runs[-1][1] == exc.start:  # one damaged run of bytes is one spot
            runs[-1] = (runs[-1][0], exc.end)
            return "\ufffd", exc.end
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
    decoded = _decode(data, name)
    if not decoded.text or decoded.text.isspace():  # also U+3000 and other spaces outside ASCII; no stripped copy
        raise InputError(f"{name}: file is empty; remove it or pass other inputs")
    return decoded


def _decode(data: bytes, name: str) -> Decoded:
    if not data or data.isspace():  # ASCII whitespace only, as bytes.strip() sees it
        raise InputError(f"{name}: file is empty; remove it or pass other inputs")
    if data.startswith(codecs.BOM_UTF8):
        return _utf8_or_lenient(data[3:], "utf-8-sig", name)
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return Decoded(data[2:].decode(enc), "utf-16")
            except UnicodeDecodeError:
                raise InputError(f"{name}: UTF-16 text with invalid bytes; re-save it as UTF-8") from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not article text; pass .txt files of text")
    return _utf8_or_lenient(data, "utf-8", name)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 saved without a BOM: ASCII characters (digits, spaces, line breaks) put NULs on one side."""
    sample = data[:65536]
    if len(data) % 2 or sample.count(b"\x00") < max(2, len(sample) // 32):
        return None
    nuls = sample.count(b"\x00")
    even, odd = sample[0::2].count(b"\x00"), sample[1::2].count(b"\x00")
    if max(even, odd) < 0.9 * (even + odd):
        return None
    if nuls * 5 < len(sample) * 2 and _valid_utf8(data):  # UTF-8 with a few NULs in it: ENC002 tells of them
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if "\x00" in text:  # NUL characters: binary data that happens to pair up
        return None
    if text.isspace():  # nothing but line breaks read this way: a few NULs between them, not UTF-16 text
        return None
    return Decoded(text, f"{encoding} (no BOM)")


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _utf8_or_lenient(data: bytes, label: str, name: str) -> Decoded:
    """UTF-8; else UTF-8 with a few damaged spots; else GB18030 or Big5; else a one-line refusal."""
    try:
        return Decoded(data.decode("utf-8"), label)
    except UnicodeDecodeError:
        pass
    limit = max(8, int(len(data) * MAX_BAD_BYTE_SHARE / 2))
    lenient = _decode_with_spots(data, limit)
    if lenient is not None and _mostly_utf8(lenient):
        return lenient
    legacy = _legacy_chinese(data)
    if legacy is not None:
        return legacy
    if lenient is not None:
        return lenient
    raise InputError(f"{name}: text is not in one encoding (UTF-8, GB18030, Big5 or UTF-16), "
                     "or mixes them; convert it to UTF-8")


def _mostly_utf8(decoded: Decoded) -> bool:
    """Damaged UTF-8 still holds many well-formed multi-byte characters; GB18030 read as UTF-8 holds few."""
    good = sum(1 for ch in decoded.text if ord(ch) > 127 and ch != "\ufffd")
    return good >= 4 * len(decoded.bad_spots)


def _gb2312_share(text: str) -> float:
    """Share of non-ASCII characters in GB2312: near 1 for simplified Chinese, far lower for Big5 read as GBK."""
    wide = [ch for ch in text[:20000] if ord(ch) > 127]
    if not wide:
        return 1.0
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(wide)


def _legacy_chinese(data: bytes) -> Decoded | None:
    """GB18030, or Big5 when the GB18030 reading is mostly rare characters (Big5 bytes are valid GBK too)."""
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        gb = None
    if gb is not None and _gb2312_share(gb) >= 0.8:
        return Decoded(gb, "gb18030")
    try:
        return Decoded(data.decode("big5"), "big5")
    except UnicodeDecodeError:
        pass
    return Decoded(gb, "gb18030") if gb is not None else None
