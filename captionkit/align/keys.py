"""Matching keys for alignment: the form in which two spellings of one word compare equal.

A recognizer and a script spell the same word differently: with or without
harakat, with أ or ا, with ة or ه, with Persian ی or Arabic ي, with ٣ or 3,
with a comma attached. Alignment compares keys, never the text itself.

The normalization itself is :func:`captionkit.text.arabic.matching_key`; this
module caches it for the aligner.

>>> matching_key("الحَرْبُ،") == matching_key("الحرب")
True
>>> matching_key("أُسامة") == matching_key("اسامه")
True
>>> matching_key("Hello!"), matching_key("٢٠٢٤")
('hello', '2024')
"""

from __future__ import annotations

from functools import lru_cache

from captionkit.text.arabic import matching_key as project_key

__all__ = ["CLITICS", "matching_key"]

#: Single-letter words a recognizer writes apart while a script joins them to the next word.
CLITICS = frozenset({"و", "ف", "ب", "ل", "ك"})


@lru_cache(maxsize=1 << 17)
def matching_key(word: str) -> str:
    """The key of a word: harakat, tatweel and punctuation off, letter variants unified.

    Cached: a narration repeats its words, and the key is the costly part of alignment.
    """
    return project_key(word)
