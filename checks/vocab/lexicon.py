"""Chinese words, their part of speech and frequency: jieba's dictionary, loaded once per process.

jieba (MIT) ships a dictionary of about 349,000 words with a frequency and an ICTCLAS part-of-speech
tag each (`nr` person, `ns` place, `nt` organisation, `nz` other proper noun, ...), and a segmenter
with an HMM for words the dictionary lacks. The rules that need to know whether a string is a word
(REP001) and the claims that need names (facts about people and organisations) ask this module, so the
dictionary is read once, not once per rule.

Reading jieba's text dictionary takes about 0.4 s; the parsed table is kept as a marshal file in the
user's cache folder (`$XDG_CACHE_HOME/checks`, else `~/.cache/checks`) and loads in about 0.2 s. Nothing
is loaded until a caller asks: most runs that meet no candidate never pay for it.
"""
from __future__ import annotations

import marshal
import os
import threading
from functools import lru_cache
from pathlib import Path

_LOCK = threading.Lock()
_WORDS: dict[str, tuple[int, str]] | None = None


def _dictionary_path() -> Path:
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def _cache_path(source: Path) -> Path:
    import jieba

    stat = source.stat()
    folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "checks"
    return folder / f"lexicon-jieba-{jieba.__version__}-{stat.st_size}.marshal"


def _parse(source: Path) -> dict[str, tuple[int, str]]:
    words: dict[str, tuple[int, str]] = {}
    with source.open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if len(parts) >= 2:
                words[parts[0]] = (int(parts[1]), parts[2] if len(parts) > 2 else "")
    return words


def _load() -> dict[str, tuple[int, str]]:
    source = _dictionary_path()
    cache = _cache_path(source)
    try:
        return marshal.loads(cache.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    words = _parse(source)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(words))
        partial.replace(cache)
    except OSError:
        pass  # a read-only home: parse again next time
    return words


def words() -> dict[str, tuple[int, str]]:
    """word -> (frequency, part-of-speech tag) for every word of the dictionary."""
    global _WORDS
    if _WORDS is None:
        with _LOCK:
            if _WORDS is None:
                _WORDS = _load()
    return _WORDS


def word_info(word: str) -> tuple[int, str] | None:
    """(frequency, tag) of a dictionary word, None for a string the dictionary does not hold."""
    return words().get(word)


def is_word(text: str) -> bool:
    return text in words()


@lru_cache(maxsize=1)
def _pos_tokenizer():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # jieba logs its dictionary loading at INFO on stderr
    return jieba.posseg.dt


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

