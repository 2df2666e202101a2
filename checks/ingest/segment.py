"""Segment the text of one file into articles and paragraphs.

A page may hold several articles. Paragraphs are runs of non-blank lines
separated by blank lines. An article ends at an end dateline such as
`(新华社北京1月28日电)`, and a new one starts where a start dateline such as
`新华社成都1月28日电 ...` follows an article that already has body text: the
short lines just before it (title, column name, photo caption) move with it.
Every line ends up in exactly one paragraph, or is blank.

The decisions are made from the shape of the text (length, punctuation,
bracket balance, dateline grammar), never from phrases of a particular page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from checks.vocab.sentences import CLAUSE_FINAL, SENTENCE_FINAL

LINE_BREAK = re.compile(r"\r\n|\r|\n")

_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
START_DATELINE = re.compile(
    rf"^\s*(?:(?P<zh>[\u4e00-\u9fff]{{2,14}}?){_NUM}月{_NUM}日(?:电|讯)(?:[（(][^（）()]{{1,30}}[)）])?"
    r"|(?P<en>[A-Z][A-Za-z .'-]{1,30}(?:, [A-Z][A-Za-z.]{1,12})?(?: \d{1,2})?,? \((?:Reuters|AP|AFP|Xinhua|Bloomberg|UPI)\)\s*[-–—]{1,2}"
    r"|[A-Z][A-Z .'-]{2,30}, [A-Z][a-z]{2,8}\.? \d{1,2}\s+-))"
)
END_DATELINE = re.compile(
    rf"^\s*[（(](?:[^（）()]{{0,24}}?{_NUM}月{_NUM}日电|完)[)）]\s*$"
)
PHOTO_CREDIT = re.compile(r"(?:[（(][^（）()]{0,30}(?:发|摄|供图|图)[)）]|记者\s*\S{2,8}\s*摄)\s*$")

SENTENCE_END = SENTENCE_FINAL | CLAUSE_FINAL
OPEN_TAIL = set(",，、:：—–-(（《〈[【“‘\"'")
BRACKETS = {"(": ")", "（": "）", "《": "》", "〈": "〉", "[": "]", "【": "】", "“": "”", "‘": "’"}
# Last characters for which `heading_like` is always False: a cheap test before calling it.
_NEVER_HEADING_END = frozenset((SENTENCE_END | OPEN_TAIL) - {":", "："})
_FULL_STOPS = frozenset("。！？")  # the Chinese stops of STOPS: a heading never holds one
_CREDIT_ENDS = (")", "）", "摄")  # what text that PHOTO_CREDIT matches ends with, before any whitespace
HEADING_MAX_CHARS = 30
HEADING_MAX_WORDS = 14
COLUMN_MAX_CHARS = 6


def split_lines(text: str) -> list[str]:
    """Lines as an editor numbers them: CRLF, LF and a lone CR each end a line.

    The same lines as splitting on `LINE_BREAK`, by plain string methods (several times faster).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def is_blank(line: str) -> bool:
    """Empty or whitespace only (what `not line.strip()` says, without building a stripped copy)."""
    return not line or line.isspace()


def blank_indices(lines: list[str]) -> list[int]:
    """0-based indices of the blank lines: paragraphs are the runs between them."""
    return [i for i, line in enumerate(lines) if not line or line.isspace()]


def start_dateline(text: str) -> re.Match | None:
    """`START_DATELINE.match(text)` for stripped text, tried only where it can match.

    The Chinese form starts with a CJK character and has 日 by its 21st character (at most 14
    place characters, month and day of at most 3 each). The Latin forms start with A-Z and have
    "(" (before the agency) by their 52nd character or ", " by their 33rd.
    """
    first = text[:1]
    if "A" <= first <= "Z":
        if "(" not in text[:52] and ", " not in text[:34]:
            return None
    elif not ("\u4e00" <= first <= "\u9fff" and "日" in text[:24]):
        return None
    return START_DATELINE.match(text)


def photo_credit(text: str) -> bool:
    """`PHOTO_CREDIT.search(text)`, tried only where it can match: text ending in a bracket or 摄."""
    return text.rstrip()[-1:] in _CREDIT_ENDS and PHOTO_CREDIT.search(text) is not None



def brackets_balanced(text: str) -> bool:
    """True when every opening bracket or quote is closed, in order."""
    closers = set(BRACKETS.values())
    stack: list[str] = []
    for ch in text:
        if ch in BRACKETS:
            stack.append(BRACKETS[ch])
        elif ch in closers:
            if not stack or stack.pop() != ch:
                return False
    return not stack


def _is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) / len(letters) > 0.8


def heading_like(text: str) -> bool:
    """A short line that is not a sentence: a title, column name or section heading."""
    t = text.strip()
    if not t:
        return False
    if t[-1] in ":：":
        t_body = t[:-1]
        return 0 < len(t_body) <= HEADING_MAX_CHARS // 2 and SENTENCE_END.isdisjoint(t_body)
    if t[-1] in SENTENCE_END or t[-1] in OPEN_TAIL:
        return False
    if not _FULL_STOPS.isdisjoint(t) or not brackets_balanced(t):
        return False
    if _is_latin(t):
        words = t.split()
        return len(words) <= HEADING_MAX_WORDS and t.count(",") <= 1 and not t[-1].islower() or (
            len(words) <= HEADING_MAX_WORDS and _title_case_share(words) >= 0.5
        )
    pauses = t.count(",") + t.count("，") + t.count("、")
    return len(t) <= HEADING_MAX_CHARS and pauses <= 1


def _title_case_share(words: list[str]) -> float:
    long_words = [w for w in words if len(w) > 3]
    if not long_words:
        return 1.0
    return sum(w[0].isupper() or w[0].isdigit() for w in long_words) / len(long_words)


def column_like(text: str) -> bool:
    """A column name such as a desk's label: a few CJK characters, no digits or punctuation."""
    t = text.strip()
    return 0 < len(t) <= COLUMN_MAX_CHARS and all("\u4e00" <= c <= "\u9fff" for c in t)


@dataclass(slots=True)
class Block:
    """A paragraph as found in the file, before it is given a kind."""

    line_start: int
    line_end: int
    text: str
    kind: str = "body"
    section: str = ""


@dataclass
class Article:
    blocks: list[Block] = field(default_factory=list)
    title: str = ""
    column: str = ""
    dateline: str = ""
    dateline_position: str = ""  # "start", "end" or ""

    @property
    def has_body(self) -> bool:
        return any(not heading_like(b.text) and not photo_credit(b.text) for b in self.blocks)


def blocks_of(lines: list[str], blank: list[int] | None = None) -> list[Block]:
    """Runs of non-blank lines; a first line ending in a colon is its own block (a heading).

    Runs are found between the indices of blank lines (`blank_indices`, passed in when the caller
    has them), so only blank lines and runs cost a step of Python, not every line.
    """
    blocks: list[Block] = []
    previous = -1
    for blank_at in (blank_indices(lines) if blank is None else blank) + [len(lines)]:
        if blank_at > previous + 1:
            _add_run(blocks, lines, previous + 1, blank_at)
        previous = blank_at
    return blocks


def _add_run(blocks: list[Block], lines: list[str], first: int, end: int) -> None:
    """The block(s) of lines[first:end], a run of non-blank lines."""
    if end - first > 1 and lines[first].rstrip()[-1:] in (":", "：") and heading_like(lines[first]):
        blocks.append(Block(first + 1, first + 1, lines[first]))
        first += 1
    text = lines[first] if end - first == 1 else "\n".join(lines[first:end])
    blocks.append(Block(first + 1, end, text))


def _leading_meta_count(blocks: list[Block]) -> int:
    """How many blocks at the end of `blocks` are title, column or caption lines."""
    n = 0
    for block in reversed(blocks):
        if heading_like(block.text) or photo_credit(block.text):
            n += 1
        else:
            break
    return n


def articles_of(blocks: list[Block]) -> list[Article]:
    """Group blocks into articles at datelines; see the module docstring."""
    articles: list[Article] = []
    current: Article | None = None
    for block in blocks:
        text = block.text.strip()
        if current is None:
            current = Article()
            articles.append(current)
        start = start_dateline(text)
        if start and (current.dateline or current.has_body):
            carried = _leading_meta_count(current.blocks)
            moved = current.blocks[len(current.blocks) - carried :] if carried else []
            del current.blocks[len(current.blocks) - carried :]
            current = Article(blocks=moved)
            articles.append(current)
        current.blocks.append(block)
        if start and not current.dateline:
            current.dateline = start.group(0).strip()
            current.dateline_position = "start"
        if text[:1] in "（(" and END_DATELINE.match(text):
            block.kind = "dateline"
            if not current.dateline:
                current.dateline = text
                current.dateline_position = "end"
            current = None
    articles = [a for a in articles if a.blocks]
    for article in articles:
        _classify(article)
    return articles


SOLE_COLUMN_MAX_CHARS = 4


def _lead_headings(article: Article) -> list[str]:
    """Heading-like lines before the first body paragraph: title and column name candidates."""
    found = []
    for block in article.blocks:
        text = block.text.strip()
        if block.kind == "dateline" or photo_credit(text):
            continue
        if not heading_like(text):
            break
        found.append(text)
    return found


def _classify(article: Article) -> None:
    """Give each block of an article its kind and section.

    A short all-CJK line in the lead is the column name when a title stands
    beside it; alone, it is a column name only when very short (新华视点), else
    it is the title.
    """
    lead = _lead_headings(article)
    column_limit = COLUMN_MAX_CHARS if len(lead) > 1 else SOLE_COLUMN_MAX_CHARS
    in_lead = True
    section = ""
    previous_kind = ""
    for block in article.blocks:
        text = block.text.strip()
        if block.kind == "dateline":
            pass
        elif photo_credit(text) and len(text) <= 200:
            block.kind = "caption"
        elif text[-1] not in _NEVER_HEADING_END and heading_like(text):
            if in_lead and column_like(text) and len(text) <= column_limit and not article.column:
                block.kind = "column"
                article.column = text
            elif in_lead and not article.title:
                block.kind = "title"
                article.title = text
            elif previous_kind == "heading" and text[-1] not in ":：":
                block.kind = "subheading"
            else:
                block.kind = "heading"
                section = text.rstrip(":：").strip()
        else:
            block.kind = "body"
            in_lead = False
        if block.kind in ("heading", "subheading", "body", "caption"):
            block.section = section
        previous_kind = block.kind
