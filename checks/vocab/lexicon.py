"""Chinese words, their part of speech and frequency, and a segmenter over them: jieba's dictionary,
loaded once per process.

jieba (MIT) ships a dictionary of about 349,000 words with a frequency and an ICTCLAS part-of-speech
tag each (`nr` person, `ns` place, `nt` organisation, `nz` other proper noun, `v` verb, `p`
preposition, `c` conjunction, `u*` particles, ...), and a segmenter that picks the most probable
cut through the dictionary's words, with an HMM for runs of characters the dictionary lacks. The
rules that need to know whether a string is a word (REP001) and the claims that need names (facts
about people and organisations) ask this module; jieba's own tokenizers are handed the table read
here, so the dictionary is read and held once, not once per rule or once more inside jieba.

Reading jieba's text dictionary takes about 0.5 s; the parsed table is kept as a marshal file in the
user's cache folder (`$XDG_CACHE_HOME/checks`, else `~/.cache/checks`) and loads in about 0.3 s. Nothing
is loaded until a caller asks: runs that meet no candidate never pay for it.
"""
from __future__ import annotations

import marshal
import os
import threading
from functools import lru_cache
from pathlib import Path

_LOCK = threading.Lock()
# (word and every prefix of a word -> frequency, 0 for a bare prefix; sum of frequencies; word -> tag)
_TABLE: tuple[dict[str, int], int, dict[str, str]] | None = None


def _dictionary_path() -> Path:
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def _cache_path(source: Path) -> Path:
    import jieba

    stat = source.stat()
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "checks"
    return folder / f"lexicon-v2-jieba-{jieba.__version__}-{stat.st_size}.marshal"


def _parse(source: Path) -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's prefix table (what its segmenter walks) and the tags, from one reading of the file."""
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, count = parts[0], int(parts[1])
            freq[word] = count
            tags[word] = parts[2] if len(parts) > 2 else ""
            total += count
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
    return freq, total, tags


def _load() -> tuple[dict[str, int], int, dict[str, str]]:
    source = _dictionary_path()
    cache = _cache_path(source)
    try:
        freq, total, tags = marshal.loads(cache.read_bytes())
        return freq, total, tags
    except (OSError, EOFError, ValueError, TypeError):
        pass
    table = _parse(source)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(table))
        partial.replace(cache)
    except OSError:
        pass  # a read-only home: parse again next time
    return table


def _table() -> tuple[dict[str, int], int, dict[str, str]]:
    global _TABLE
    if _TABLE is None:
        with _LOCK:
            if _TABLE is None:
                _TABLE = _load()
    return _TABLE


def word_info(word: str) -> tuple[int, str] | None:
    """(frequency, tag) of a dictionary word, None for a string the dictionary does not hold."""
    freq, _, tags = _table()
    tag = tags.get(word)
    return None if tag is None else (freq[word], tag)


def is_word(text: str) -> bool:
    return text in _table()[2]


def tag_of(word: str) -> str:
    """The dictionary's part-of-speech tag of a word, "" for a string it does not hold."""
    return _table()[2].get(word, "")


@lru_cache(maxsize=1)
def _tokenizer():
    """jieba's segmenter over this module's table: its own dictionary is never read again."""
    import jieba

    jieba.setLogLevel(60)  # jieba logs its dictionary loading at INFO on stderr
    freq, total, _ = _table()
    segmenter = jieba.Tokenizer()
    segmenter.FREQ, segmenter.total, segmenter.initialized = freq, total, True
    return segmenter


@lru_cache(maxsize=1)
def _pos_tokenizer():
    """jieba's part-of-speech segmenter over the same table.

    Importing `jieba.posseg` builds a module-level tagger that reads the dictionary's tags from
    the file; it is handed an empty file instead (it is never used), and ours gets the table.
    """
    import io
    import sys

    import jieba

    if "jieba.posseg" not in sys.modules:
        jieba.dt.get_dict_file = lambda: io.BytesIO(b"")
        try:
            import jieba.posseg
        finally:
            del jieba.dt.get_dict_file
    import jieba.posseg

    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer = _tokenizer()
    tagger.word_tag_tab = _table()[2]
    return tagger


def tokens(text: str, hmm: bool = True) -> list[tuple[str, int, int]]:
    """The text cut into words: (word, start, end). With `hmm`, runs of characters that are no
    dictionary word are joined by jieba's HMM (new words and names: 反诈, 晓晓); without it they
    stay single characters. About 1 MB/s: call it on the few characters around a candidate."""
    return [(word, start, end) for word, start, end in _tokenizer().tokenize(text, HMM=hmm)]


def tagged_words(text: str) -> list[tuple[str, str]]:
    """The text segmented into (word, tag) pairs by jieba's part-of-speech segmenter (HMM on).

    About 1 MB/s: call it on the few characters around a candidate, not on whole corpora.
    """
    return [(pair.word, pair.flag) for pair in _pos_tokenizer().cut(text)]


def surname_likelihood(char: str) -> float:
    """How likely a person's name starts with `char`: the log probability jieba's part-of-speech HMM gives it as
    the first character of a person name (李 -3.3, 孙 -4.5, 东 -5.6, 中 -8.0; -inf when it never starts one).

    It is jieba's own trained table, for the names its segmenter splits (李 + 明远, 孙 + 立新)."""
    _pos_tokenizer()
    from jieba.posseg import prob_emit

    return prob_emit.P[("B", "nr")].get(char, float("-inf"))

