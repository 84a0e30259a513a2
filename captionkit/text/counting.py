"""Counting what a viewer sees: the one definition that make, check and reports share.

A line's length and a cue's reading speed count the characters a viewer sees:
letters, digits, spaces and punctuation. Line ends, tags (``<i>``,
``<font color=...>``, ``<c.x>``, ``<v Name>``, WebVTT time stamps, ``{\\an8}``),
bidi and other format controls, harakat (and every other combining mark) and
tatweel are not counted. Reading speed = that count / duration in seconds.

>>> visible_length("<i>Hello</i>, عَالَم\\u200f")
11
>>> visible_length("2<3,5>1")  # not a tag: a comparison
7
>>> strip_tags("<i>مرحبا</i> {\\\\an8}world")
'مرحبا world'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from captionkit.text.charclass import class_body

#: Markup: SubRip/WebVTT tags with a letter after ``<`` or ``</``, WebVTT time
#: stamps ``<00:01.500>``, and ASS override blocks ``{\an8}``. A ``<`` that starts
#: no tag ("2<3,5>1") is text.
TAG = re.compile(r"</?[A-Za-z][^<>\n]*>|<\d[\d:.]*>|\{\\[^{}\n]*\}")

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def invisible(char: str) -> bool:
    """A character a viewer does not see as one: a mark, a format or control character, tatweel."""
    return char == "\u0640" or unicodedata.category(char) in ("Mn", "Me", "Cf", "Cc")


@lru_cache(maxsize=1)
def _unseen() -> tuple[re.Pattern[str], frozenset[str]]:
    """The invisible characters as a regular-expression class, built once on first use.

    A class over the Basic Multilingual Plane is a bitmap in ``re`` (fast); the few
    astral ones are a set, since a class holding them is 50 times slower.
    """
    body = class_body(range(0x10000), invisible)
    astral = frozenset(
        chr(code)
        for code in (*range(0x10000, 0x20000), *range(0xE0000, 0xE01F0))
        if invisible(chr(code))
    )
    return re.compile(f"[{body}]"), astral


def strip_tags(text: str) -> str:
    """The text without markup."""
    if "<" not in text and "{" not in text:
        return text
    return TAG.sub("", text)


def plain_visible_length(plain: str) -> int:
    """:func:`visible_length` of text that holds no tags (or whose tags count as text)."""
    if plain.isascii() and plain.isprintable():
        return len(plain)
    pattern, astral = _unseen()
    count = len(plain) - len(pattern.findall(plain))
    if _ASTRAL.search(plain) is not None:
        count -= sum(1 for char in plain if char in astral)
    return count


def visible_length(text: str) -> int:
    """Characters a viewer sees (see the module): the count line limits and reading speed use."""
    return plain_visible_length(strip_tags(text))


def without_invisible(text: str) -> str:
    """The text without the characters that :func:`visible_length` does not count."""
    hidden = [char for char in set(text) if invisible(char)]
    if not hidden:
        return text
    return text.translate({ord(char): None for char in hidden})
