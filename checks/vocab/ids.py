"""Ids and hashes: their shapes (for the schemas) and the functions that make them (for ingest and rules).

Every id is a short hex digest of what identifies the thing, never of where a file happens to be, so the
same input gives the same ids on every machine and in every engine.
"""
from __future__ import annotations

import hashlib
import json

ARTICLE_ID = r"^a-[0-9a-f]{10}$"
PARAGRAPH_ID = r"^p-[0-9a-f]{12}$"
MENTION_ID = r"^m-[0-9a-f]{12}$"
CLAIM_ID = r"^c-[0-9a-f]{12}$"
CONTENT_HASH = r"^[0-9a-f]{16}$"
SEPARATOR = "\x1f"


def short_hash(*parts: object, size: int = 12) -> str:
    """sha1 of the parts joined by the unit separator, cut to `size` hex digits."""
    return hashlib.sha1(SEPARATOR.join(map(str, parts)).encode("utf-8")).hexdigest()[:size]


def content_hash(norm: str) -> str:
    """What two paragraphs share exactly when their normalised texts are the same (16 hex digits)."""
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def article_id(file_sha: str, occurrence: int, position: int) -> str:
    return "a-" + short_hash(file_sha, occurrence, position, size=10)


def mention_id(paragraph_id: str, start: int, end: int) -> str:
    return mention_ids([paragraph_id], [start], [end])[0]


def mention_ids(paragraph_ids: list[str], starts: list[int], ends: list[int]) -> list[str]:
    """`mention_id` of each (paragraph id, start, end), in one comprehension."""
    sha1 = hashlib.sha1
    return ["m-" + sha1(f"{p}:{s}:{e}".encode()).hexdigest()[:12] for p, s, e in zip(paragraph_ids, starts, ends)]


def claim_ids(paragraph_ids: list[str], claim_types: list[str], keys: list[str]) -> list[str]:
    """The id of each claim: its paragraph id, claim type and key, hashed (in one comprehension)."""
    sha1 = hashlib.sha1
    return ["c-" + sha1(f"{p}|{t}|{k}".encode()).hexdigest()[:12] for p, t, k in zip(paragraph_ids, claim_types, keys)]


def finding_id(check: str, place_keys: list[str], key: str) -> str:
    """A finding's id: the check, the identities of its places (in any order) and the hit's key."""
    material = json.dumps([check, sorted(place_keys), key], ensure_ascii=False)
    return check + "-" + hashlib.sha1(material.encode("utf-8")).hexdigest()[:10]


def paragraph_ids(file_sha: str, occurrence: int, blocks_per_article: list[int], first_article: int = 0) -> list[str]:
    """`"p-" + short_hash(file_sha, occurrence, article position, paragraph position)` for every paragraph
    of a file, hashing each shared prefix once (a file's ids are most of ingest's hashing).

    A file read in batches gives each batch's articles with the position of its first one."""
    prefix = hashlib.sha1(f"{file_sha}{SEPARATOR}{occurrence}{SEPARATOR}".encode("utf-8"))
    out = []
    for a_pos, count in enumerate(blocks_per_article, start=first_article):
        in_article = prefix.copy()
        in_article.update(f"{a_pos}{SEPARATOR}".encode())
        for p_pos in range(count):
            hasher = in_article.copy()
            hasher.update(b"%d" % p_pos)
            out.append("p-" + hasher.hexdigest()[:12])
    return out
