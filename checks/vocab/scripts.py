"""Which characters are Han (Chinese) ideographs: the one definition the text rules share.

Chinese is written without spaces, so a rule that reads words or shingles treats a Han character
differently from Latin letters and digits: the duplicate shingles are shorter over Han text, and
doubled units are looked for in runs of Han characters.
"""
from __future__ import annotations

import re

import numpy as np

# CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B-F and Supplement.
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))
# The same ranges as a regex character class body: f"[{HAN}]".
HAN = "".join(f"{chr(low)}-{chr(high)}" for low, high in HAN_RANGES)


HAN_CHARACTER = re.compile(f"[{HAN}]")


def language_of(text: str) -> str:
    """'zh' when the text holds a Han character, else 'en': the two languages the claim recognisers read."""
    return "en" if text.isascii() or not HAN_CHARACTER.search(text) else "zh"  # (isascii first: a C-speed pass)


def is_han(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in HAN_RANGES)


def han_mask(codes: np.ndarray) -> np.ndarray:
    """True where a code point (any unsigned integer array) is a Han ideograph."""
    mask = np.zeros(codes.shape, dtype=bool)
    for low, high in HAN_RANGES:
        mask |= (codes >= low) & (codes <= high)
    return mask
