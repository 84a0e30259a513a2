"""Matching keys for alignment: the form in which two spellings of one word compare equal.

A recognizer and a script spell the same word differently: with or without
harakat, with أ or ا, with ة or ه, with Persian ی or Arabic ي, with ٣ or 3,
with a comma attached. Alignment compares keys, never the text itself.

The project's own normalization lives in :mod:`captionkit.text.arabic`
(``matching_key``); this module uses it when it is there and otherwise falls
back to an equivalent private version, so that alignment works on its own.

>>> matching_key("الحَرْبُ،") == matching_key("الحرب")
True
>>> matching_key("أُسامة") == matching_key("اسامه")
True
>>> matching_key("Hello!"), matching_key("٢٠٢٤")
('hello', '2024')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

__all__ = ["CLITICS", "matching_key"]

#: Single-letter words a recognizer writes apart while a script joins them to the next word.
CLITICS = frozenset({"و", "ف", "ب", "ل", "ك"})

_LETTERS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ؤ": "و",
    "ئ": "ي",
    "ی": "ي",
    "ې": "ي",
    "ک": "ك",
    "ڪ": "ك",
    "ە": "ه",
    "ۀ": "ه",
}


_DROP = re.compile(r"[\W_\u0640]+")
_DIGITS = {
    zero + offset: str(offset) for zero in (0x0660, 0x06F0, 0x07C0, 0x0966) for offset in range(10)
}
_TABLE: dict[int, str] = {**{ord(k): v for k, v in _LETTERS.items()}, **_DIGITS}


def _fallback_key(word: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", word)).translate(_TABLE).casefold()


def _project_key() -> Callable[[str], str] | None:
    try:
        from captionkit.text import arabic  # type: ignore[attr-defined,unused-ignore]
    except Exception:  # absent, or half-written by its engineer: use the private key
        return None
    key = getattr(arabic, "matching_key", None)
    return key if callable(key) else None


_KEY: Callable[[str], str] = _project_key() or _fallback_key


@lru_cache(maxsize=1 << 17)
def matching_key(word: str) -> str:
    """The key of a word: harakat, tatweel and punctuation off, letter variants unified.

    Cached: a narration repeats its words, and the key is the costly part of alignment.
    """
    return _KEY(word)
