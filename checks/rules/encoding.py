"""Encoding rules: undecodable bytes, control characters and mojibake in the text."""
from __future__ import annotations

import re

from checks.model import Hit, Location
from checks.rules.base import rule

# C0/C1 controls other than tab, LF, CR; and bidirectional overrides, which can hide text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# UTF-8 read as Latin-1/CP1252, and GBK's replacement residue.
MOJIBAKE = re.compile(r"(?:Ã[\x80-\xbf¡-ÿ]|â€[™œ\x9d“”˜¦]|Â[\xa0-\xbf]|锟斤拷|烫烫烫|屯屯屯)")


@rule("ENC001", category="encoding", severity="warning", scope="file", dataset="paragraphs", title="Undecodable bytes in input")
def undecodable_bytes(ctx):
    """Report each spot where input bytes could not be decoded.

    ## What it does
    A file that is UTF-8 except for a few bad bytes is still read: each bad
    run of bytes is replaced by U+FFFD and reported here with its line, column
    and the bytes themselves.

    ## Why is this bad
    The characters at that spot are lost; numbers or names there cannot be
    checked, and the damage usually means a broken export or a cut download.

    ## Example
    A character cut in half (the bytes `\\xe5\\x8f`) in an otherwise UTF-8 page:

    ```page escaped
    销量创新高

    新华社北京1月2日电 今年前两个月，全市新能源汽车销量同比增长\\xe5\\x8f三成。
    ```

    ## Use instead
    Re-export the source as UTF-8, or mend the damaged character by hand:

    ```page
    销量创新高

    新华社北京1月2日电 今年前两个月，全市新能源汽车销量同比增长近三成。
    ```
    """
    paragraphs = ctx.dataset("paragraphs")[["file", "line_start", "line_end", "article_id", "paragraph_id"]]
    for source in ctx.corpus.files:
        if not source.bad_spots:  # filtering the frame per file costs a pass over every row
            continue
        rows = paragraphs[paragraphs["file"] == source.name]
        for spot in source.bad_spots:
            inside = rows[(rows["line_start"] <= spot.line) & (rows["line_end"] >= spot.line)]
            if len(inside):
                row = inside.iloc[0]
                location = Location(source.name, spot.line, spot.line, str(row["article_id"]), str(row["paragraph_id"]))
            else:
                location = Location(source.name, spot.line, spot.line)
            yield Hit(
                message=f"{source.name}:{spot.line}:{spot.column}: bytes {spot.raw} are not valid UTF-8; the text there is lost",
                locations=[location],
                evidence={"bytes": spot.raw, "line": spot.line, "column": spot.column, "encoding": source.encoding},
                key=f"{spot.line}:{spot.column}",
            )


def _pattern_hits(ctx, pattern: re.Pattern, what: str):
    paragraphs = ctx.dataset("paragraphs")
    # Python's `re` on Python strings: on Arrow-backed text, `.str.contains` would hand the pattern to RE2.
    matches = paragraphs["text"].astype(object).str.contains(pattern, regex=True)
    for row in paragraphs[matches].itertuples(index=False):
        found = [m for m in pattern.finditer(row.text)][:20]
        yield Hit(
            message=f"{what} in paragraph at {row.file}:{row.line_start}: "
            + ", ".join(repr(m.group(0)) for m in found[:5]),
            locations=[ctx.locate(row.paragraph_id)],
            evidence={"spans": [[m.start(), m.end()] for m in found], "characters": [m.group(0) for m in found],
                      "count": len(found)},
        )


@rule("ENC002", category="encoding", severity="warning", scope="paragraph", dataset="paragraphs", title="Control characters in text")
def control_characters(ctx):
    """Flag paragraphs holding control or bidirectional-override characters.

    ## What it does
    Finds C0 and C1 control characters (other than tab and line breaks) and
    Unicode bidirectional overrides inside paragraph text.

    ## Why is this bad
    They are invisible when printed, break matching and tokenisation, and
    bidirectional overrides can make text display differently from what it is.

    ## Example
    ```paragraphs escaped
    截至去年底，全国算力总规模\\u0000达到280百亿亿次每秒。
    ```

    ## Use instead
    ```paragraphs
    截至去年底，全国算力总规模达到280百亿亿次每秒。
    ```
    """
    yield from _pattern_hits(ctx, CONTROL, "control characters")


@rule("ENC003", category="encoding", severity="warning", scope="paragraph", dataset="paragraphs", title="Mojibake in text")
def mojibake(ctx):
    """Flag text that was decoded with the wrong encoding at some earlier step.

    ## What it does
    Looks for byte patterns typical of UTF-8 read as Latin-1 or CP1252
    (`Ã©`, `â€™`) and of GBK replacement residue (`锟斤拷`).

    ## Why is this bad
    The original characters are garbled: names, quotes and numbers nearby can
    no longer be matched or checked.

    ## Example
    ```paragraphs
    The firmâ€™s revenue rose 4% to $11.1bn in the quarter, analysts said.
    ```

    ## Use instead
    Decode the source with its real encoding:

    ```paragraphs
    The firm’s revenue rose 4% to $11.1bn in the quarter, analysts said.
    ```
    """
    yield from _pattern_hits(ctx, MOJIBAKE, "mojibake")
