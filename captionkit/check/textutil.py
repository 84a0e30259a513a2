"""Text helpers the rules share: invisible controls, letters of each direction.

Tags are markup, not text (:mod:`captionkit.text.counting` defines them and the
count of what a viewer sees): the RTL rules look through them.

>>> show_controls("\\u202bمرحبا.\\u202c")
'⟨RLE⟩مرحبا.⟨PDF⟩'
"""

from __future__ import annotations

import re

from captionkit.text.counting import TAG

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


def show_controls(text: str) -> str:
    """Invisible characters written out by name, so a report can show them."""
    return _SHOWN.sub(lambda match: f"⟨{CONTROL_NAMES[match.group()]}⟩", text)


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
