"""Truncation rules: a body paragraph that stops mid-sentence (TRN001), or one sentence split
across two paragraphs (TRN002).

Both are functions of one article's rows (`truncations_in_rows`), so an engine can run them
per article partition.
"""
from __future__ import annotations

import re

from checks.model import Hit
from checks.rules.base import rule
from checks.rules.grouping import by_article
from checks.vocab.sentences import CLAUSE_FINAL, CLOSERS, HANDOVER, PAIRS, SENTENCE_FINAL, has_sentence_end

# What may end a complete paragraph: sentence-final marks, a colon or dash that introduces
# what follows, an ellipsis; closing quotes and brackets after them are skipped first.
FINAL = SENTENCE_FINAL | CLAUSE_FINAL | HANDOVER
# Marks after which a sentence must go on.
CONTINUING = set("，,、—-–/")
# Chinese characters that attach to what precedes them and so cannot open a sentence.
CJK_CONTINUATIONS = set("等的了着过和与及或之们地得")
# Sentence-internal punctuation: a label (an in-text heading) has none.
_INTERNAL = re.compile(r"[，,。；;！？!?]")
# A wire service's sign-off after the last sentence: "... in 1987. REUTER".
_SIGN_OFF = re.compile(r"[.!?。！？]['\"”’)]?\s+[A-Z]{2,12}$")
TRUNCATION = {"max_label_chars": 25, "max_label_words": 8}
_DATE_START = re.compile(r"\d{1,4}\s*[年月日时]")
_CLAUSE = re.compile(r"[^，,、。！？!?；;：:“”\"（）()《》\s]{0,12}")


def ends_complete(text: str) -> bool:
    """True when the text ends like a finished sentence (or hands over with a colon or dash)."""
    stripped = text.rstrip()
    if _SIGN_OFF.search(stripped):
        return True
    if stripped.endswith((")", "）")):
        return True  # a closing parenthetical note or credit ends the paragraph
    while stripped and stripped[-1] in CLOSERS:
        stripped = stripped[:-1]
    return bool(stripped) and stripped[-1] in FINAL


def is_label(text: str, options: dict) -> bool:
    """A short line with no sentence punctuation inside, such as an in-text heading `资本市场`."""
    if _INTERNAL.search(text.rstrip()[:-1]):
        return False
    words = text.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(text) <= int(options.get("max_label_chars", 25)) or (
        1 < len(words) <= int(options.get("max_label_words", 8)) and 2 * capitalised >= len(words))


_BULLET = re.compile(r"^(?:[●•·▪■◆◇○\-–—*]|\d{1,2}[)）、]|[(（]\d{1,2}[)）])")
_HEADLINE = re.compile(r"^[^，,。：:]{1,12}[：:]")


def headline_style(text: str, first_body: bool) -> bool:
    """A one-sentence line printed without a full stop by convention: an article's standfirst,
    a bullet point, or a news-brief headline `公司名：……`."""
    if has_sentence_end(text):
        return False
    return first_body or bool(_BULLET.match(text)) or bool(_HEADLINE.match(text))


def unclosed_opener(text: str) -> str:
    """The last bracket or quote the text opens and does not close, or ''."""
    stack: list[str] = []
    for char in text[-400:]:
        if char in PAIRS:
            stack.append(char)
        elif stack and char == PAIRS[stack[-1]]:
            stack.pop()
    return stack[-1] if stack else ""


def continues(first: str, second: str) -> str:
    """Why `second` reads as the rest of `first`'s last sentence, or '' when it does not."""
    head = second.lstrip()
    if not head or _BULLET.match(head):
        return ""  # a list item after its lead-in is not the rest of a sentence
    if first.rstrip()[-1:] in CONTINUING:
        return "the first piece ends with a comma or joining mark"
    opener = unclosed_opener(first)
    if opener:
        closer = PAIRS[opener]
        close_at, open_at = head.find(closer), head.find(opener)
        if close_at >= 0 and (open_at < 0 or close_at < open_at):
            return f"the first piece opens {opener} and the second closes it"
    if (head[0] in CLOSERS and head[0] not in "\"'") or head[0] in CONTINUING:
        return "the second piece starts with closing or joining punctuation"
    if head[0].islower() and head[0].isascii():
        return "the second piece starts with a lower-case word"
    if head[0] in CJK_CONTINUATIONS:
        return "the second piece starts with a particle that attaches to the word before it"
    clause = _CLAUSE.match(head)
    if clause and len(clause.group(0)) <= 1 and len(head) > 1 and head[1] in "、，,":
        return "the second piece starts with a one-character fragment"
    if head[0].isdigit() and not _DATE_START.match(head) and not first.rstrip()[-1:].isdigit() and first.rstrip()[-1:].isalpha():
        return "the second piece starts with the number the first one was leading up to"
    return ""


STRONG_REASONS = ("the first piece ends with a comma or joining mark",)


def truncations_in_rows(rows: list, options: dict | None = None) -> list[dict]:
    """Truncations in one article's rows (paragraph_id, kind, norm, in position order): dicts with
    rule, paragraph ids, reason and text tails.

    A body paragraph that does not end a sentence is a split (TRN002) when the next body
    paragraph reads as its continuation, and cut off (TRN001) otherwise. A label (a short
    line without sentence punctuation, an in-text heading) is only reported when it ends with a
    comma or opens a bracket that the next paragraph closes.
    """
    options = {**TRUNCATION, **(options or {})}
    out = []
    records = [row for row in rows if row.norm]
    seen_body = False
    for i, row in enumerate(records):
        first_body = not seen_body
        seen_body = seen_body or row.kind == "body"
        if row.kind != "body" or ends_complete(row.norm):
            continue
        nxt = records[i + 1] if i + 1 < len(records) else None
        reason = continues(row.norm, nxt.norm) if nxt is not None and nxt.kind == "body" else ""
        found = {"tail": row.norm[-20:], "reason": reason}
        if (is_label(row.norm, options) or headline_style(row.norm, first_body)) and not (reason in STRONG_REASONS or reason.startswith("the first piece opens")):
            continue
        if reason:
            out.append({"rule": "TRN002", "ids": [row.paragraph_id, nxt.paragraph_id],
                        **found, "head": nxt.norm[:20]})
        else:
            out.append({"rule": "TRN001", "ids": [row.paragraph_id], **found})
    return out


def _article_findings(ctx, code: str):
    paragraphs = ctx.dataset("paragraphs")
    options = ctx.options(code)
    for _, rows in by_article(paragraphs, ["paragraph_id", "kind", "norm"]):
        for item in truncations_in_rows(rows, options):
            if item["rule"] == code:
                yield item


@rule("TRN001", category="truncation", severity="warning", scope="article", dataset="paragraphs",
      title="Paragraph ends mid-sentence", options=TRUNCATION)
def cut_off(ctx):
    """Report a body paragraph that stops without finishing its sentence.

    ## What it does
    A body paragraph must end with sentence-final punctuation (。！？.!?…), optionally
    followed by closing quotes or brackets, or hand over with a colon or dash. Titles,
    headings, column names, captions and datelines are never checked, nor is a body line
    that reads as a label: at most `max_label_chars` (25) characters or `max_label_words`
    (8) mostly capitalised words with no sentence punctuation inside (an in-text heading
    such as `资本市场` or `Market Outlook`).
    Nor is a one-sentence line printed without a full stop by convention: an article's
    first body paragraph (a standfirst), a bullet point, or a brief's headline `公司：……`.
    A wire sign-off after the last sentence (`... in 1987. REUTER`) ends it. When the next
    paragraph reads as the rest of the sentence, TRN002 reports the split instead.

    ## Why is this bad
    The rest of the sentence was lost, usually in layout or scraping: a figure, a name or a
    whole clause is missing, and what remains can say something other than the source.

    ## Example
    ```paragraphs
    今年以来，各地加快推进重大项目建设，一批新型基础设施项目陆续开工。
    国家数据局表示，平台已免费提供国产智算芯片超过2000张，汇聚超过
    多地出台政策支持人工智能企业发展。
    ```

    ## Use instead
    Restore the missing words from the source:

    ```paragraphs
    今年以来，各地加快推进重大项目建设，一批新型基础设施项目陆续开工。
    国家数据局表示，平台已免费提供国产智算芯片超过2000张，汇聚超过4000个模型。
    多地出台政策支持人工智能企业发展。
    ```
    """
    for item in _article_findings(ctx, "TRN001"):
        location = ctx.locate(item["ids"][0])
        yield Hit(
            message=f"paragraph at {location.file}:{location.line_start} ends without sentence-final punctuation: "
            f"…{item['tail']}",
            locations=[location],
            evidence={"ends_with": item["tail"]},
        )


@rule("TRN002", category="truncation", severity="warning", scope="article", dataset="paragraphs",
      title="Sentence split across two paragraphs", options=TRUNCATION)
def split_sentence(ctx):
    """Report one sentence (or word) broken over two paragraphs, naming both pieces.

    ## What it does
    A body paragraph that does not end a sentence, followed by a body paragraph that reads
    as its continuation: the first ends with a comma or joining mark; or it opens a bracket
    or quote that the second closes (`《关于深入实施` / `“人工智能+”行动的意见》`); or the
    second starts with closing punctuation, a lower-case word, a particle such as 等 that
    cannot open a sentence, a one-character fragment (`教` / `学、工业制造。`), or the
    number the first was leading up to.

    ## Why is this bad
    A blank line in the middle of a sentence turns one paragraph into two broken ones:
    sentence and paragraph statistics are wrong, and each piece read alone is misleading.

    ## Example
    ```paragraphs
    今年以来，各地加快推进重大项目建设。
    报告指出，人工智能应用的重点是交通运输、医疗健康、教育教
    学、工业制造等领域。
    ```

    ## Use instead
    Join the two pieces into one paragraph:

    ```paragraphs
    今年以来，各地加快推进重大项目建设。
    报告指出，人工智能应用的重点是交通运输、医疗健康、教育教学、工业制造等领域。
    ```
    """
    for item in _article_findings(ctx, "TRN002"):
        first, second = (ctx.locate(pid) for pid in item["ids"])
        yield Hit(
            message=f"sentence split across paragraphs at {first.file}:{first.line_start} and "
            f"{second.line_start}: …{item['tail']} / {item['head']}…",
            locations=[first, second],
            evidence={"first_ends_with": item["tail"], "second_starts_with": item["head"], "reason": item["reason"]},
        )
