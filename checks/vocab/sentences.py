"""Sentence and clause ends, brackets and quotes: what ingest, truncation and claims all read the same way."""
from __future__ import annotations

import re

# Marks that always end a sentence, in either script.
STOPS = frozenset("。！？!?")
# A full stop that is also a decimal point or an abbreviation's dot: it ends a sentence only before space or the end.
PERIODS = frozenset(".．")
ELLIPSIS = frozenset("…")
SENTENCE_FINAL = STOPS | PERIODS | ELLIPSIS
# Marks that end a clause: a claim never reads across one.
CLAUSE_FINAL = frozenset(";；")
# Marks that hand over to what follows (a colon before a list, a dash): a paragraph may end with them.
HANDOVER = frozenset(":：—~～")
CLOSERS = frozenset("”’\"'」』》〉】〗)）]")
OPENERS = frozenset("“‘\"'「『《〈【〖(（[")
PAIRS = {"《": "》", "“": "”", "（": "）", "(": ")", "「": "」", "『": "』", "【": "】", "〈": "〉", "‘": "’", "[": "]",
         "〖": "〗"}

# Somewhere in the text a sentence ends: a stop, or a period before whitespace or the end.
_HAS_END = re.compile(rf"[{''.join(sorted(STOPS))}]|\.(?:\s|$)")
# Where one sentence ends and the next begins: Chinese stops and semicolons (with the closing quote that
# belongs to them), and an English period before a capital or an opening quote. (Written to begin with one
# character class, so that `re` skips every other character at C speed.)
_ENDS = "".join(sorted(STOPS | CLAUSE_FINAL))
_SPLIT = re.compile(rf"[{_ENDS}.](?:(?<=\.)(?=\s+[A-Z“\"])|(?<!\.)[{_ENDS}]*[”」』\"]?)")


def has_sentence_end(text: str) -> bool:
    return _HAS_END.search(text) is not None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or clause of a paragraph, whitespace-only pieces left out."""
    ends = [m.end() for m in _SPLIT.finditer(text)]
    if not ends or ends[-1] < len(text):
        ends.append(len(text))
    # (a piece is whitespace only if its first character is: most are tested without a copy of the piece)
    return [(s, e) for s, e in zip([0, *ends], ends) if s < e and not (text[s].isspace() and text[s:e].isspace())]
