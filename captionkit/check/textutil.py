"""Text helpers the rules share: tags, invisible controls, what a viewer sees.

Tags (``<i>``, ``<font color=...>``, ``<c.x>``, ``<v Name>``, WebVTT time stamps,
``{\\an8}``) are markup, not text: they never count toward a line's length and
the RTL rules look through them.

>>> strip_tags("<i>مرحبا</i> {\\\\an8}world")
'مرحبا world'
>>> show_controls("\\u202bمرحبا.\\u202c")
'⟨RLE⟩مرحبا.⟨PDF⟩'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TAG = re.compile(r"</?[A-Za-z][^<>\n]*>|<\d[\d:.]*>|\{\\[^{}\n]*\}")

CONTROL_NAMES: dict[str, str] = {
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u061c": "ALM",
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u2060": "WJ",
    "\ufeff": "BOM",
    "\u00a0": "NBSP",
    "\x00": "NUL",
}
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_SHOWN = re.compile("[" + "".join(CONTROL_NAMES) + "]")
# Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, their presentation forms).
RTL_LETTER = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0700-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
ARABIC_LETTER = re.compile(
    "[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"
)
LTR_LETTER = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


def strip_tags(text: str) -> str:
    """The text without markup."""
    if "<" not in text and "{" not in text:
        return text
    return TAG.sub("", text)


def show_controls(text: str) -> str:
    """Invisible characters written out by name, so a report can show them."""
    return _SHOWN.sub(lambda match: f"⟨{CONTROL_NAMES[match.group()]}⟩", text)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=1)
def _unseen() -> tuple[re.Pattern[str], frozenset[str]]:
    """Marks (Mn, Me), format and control characters (Cf, Cc) and tatweel.

    The same definition as ``text.linebreak.visible_length``, built once on first use:
    a regular-expression class for the Basic Multilingual Plane (a bitmap in ``re``,
    fast) and a set for the few astral ones (a class with them is 50 times slower).
    """
    codes = [
        code
        for code in range(0x10000)
        if code == 0x0640 or unicodedata.category(chr(code)) in ("Mn", "Me", "Cf", "Cc")
    ]
    spans: list[tuple[int, int]] = []
    for code in codes:
        if spans and spans[-1][1] == code - 1:
            spans[-1] = (spans[-1][0], code)
        else:
            spans.append((code, code))
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in spans
    )
    astral = frozenset(
        chr(code)
        for code in (*range(0x10000, 0x20000), *range(0xE0000, 0xE01F0))
        if unicodedata.category(chr(code)) in ("Mn", "Me", "Cf", "Cc")
    )
    return re.compile(f"[{body}]"), astral


def own_visible_length(text: str) -> int:
    """Characters a viewer sees: no tags, harakat, tatweel, controls or line ends.

    >>> own_visible_length("<i>كَتَبَ</i>\\u200f.")
    4
    """
    return plain_visible_length(strip_tags(text))


def plain_visible_length(plain: str) -> int:
    """:func:`own_visible_length` of text already without tags."""
    if plain.isascii() and plain.isprintable():
        return len(plain)
    pattern, astral = _unseen()
    count = len(plain) - len(pattern.findall(plain))
    if _ASTRAL.search(plain) is not None:
        count -= sum(1 for char in plain if char in astral)
    return count


def text_segments(line: str) -> list[tuple[bool, str]]:
    """The line cut into ``(is_tag, piece)`` pieces, in order.

    >>> text_segments("<i>a</i>b")
    [(True, '<i>'), (False, 'a'), (True, '</i>'), (False, 'b')]
    """
    pieces: list[tuple[bool, str]] = []
    position = 0
    for match in TAG.finditer(line):
        if match.start() > position:
            pieces.append((False, line[position : match.start()]))
        pieces.append((True, match.group()))
        position = match.end()
    if position < len(line):
        pieces.append((False, line[position:]))
    return pieces


def map_text(line: str, change: str) -> str:
    """Helper for fixers: ``line`` with its non-tag text replaced by ``change`` (same length, tags kept)."""
    out: list[str] = []
    position = 0
    for is_tag, piece in text_segments(line):
        if is_tag:
            out.append(piece)
        else:
            out.append(change[position : position + len(piece)])
            position += len(piece)
    return "".join(out)


def plain_offset(line: str, plain_index: int) -> int:
    """The offset in ``line`` (tags included) of character ``plain_index`` of its plain text."""
    position = 0
    seen = 0
    for is_tag, piece in text_segments(line):
        if not is_tag:
            if plain_index < seen + len(piece):
                return position + (plain_index - seen)
            seen += len(piece)
        position += len(piece)
    return position
