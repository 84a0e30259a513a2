"""Text helpers the rules share: controls shown by name, and offsets through tags.

Tags are markup, not text (:mod:`captionkit.text.counting` defines them and the
count of what a viewer sees): the RTL rules look through them. The bidi controls
and their names are :mod:`captionkit.text.rtl`'s; the other invisible characters a
report names are listed here.

>>> show_controls("\\u202bمرحبا.\\u202c")
'⟨RLE⟩مرحبا.⟨PDF⟩'
"""

from __future__ import annotations

import re

from captionkit.text.counting import TAG
from captionkit.text.rtl import CONTROL_NAMES

#: Every invisible character a report writes out by name: the bidi controls, then
#: the other invisible characters subtitle files carry.
SHOWN_NAMES: dict[str, str] = {
    **CONTROL_NAMES,
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u2060": "WJ",
    "\ufeff": "BOM",
    "\u00a0": "NBSP",
    "\x00": "NUL",
}
_SHOWN = re.compile("[" + "".join(SHOWN_NAMES) + "]")


def show_controls(text: str) -> str:
    """Invisible characters written out by name, so a report can show them."""
    return _SHOWN.sub(lambda match: f"⟨{SHOWN_NAMES[match.group()]}⟩", text)


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
