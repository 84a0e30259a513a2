"""Simulated faulty players, so a user can see the bug ``check`` warns about.

Each simulation is a change to the text that any bidi-aware renderer then
draws the way the faulty player would:

- ``ltr-base``: a player that starts every line left to right. An LRM first
  makes the line's first strong character left to right (rule P2).
- ``no-shaping``: a player that does not join Arabic letters. A ZERO WIDTH
  NON-JOINER between two letters stops HarfBuzz from joining them.
- ``no-bidi``: a player that draws characters in stored order, left to right.
  The line's own controls are dropped and an LRO ... PDF override forces
  every character left to right.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

Player = Literal["ltr-base", "no-shaping", "no-bidi"]
PLAYERS: tuple[Player, ...] = ("ltr-base", "no-shaping", "no-bidi")

LRM = "\u200e"
ZWNJ = "\u200c"
LRO = "\u202d"
PDF = "\u202c"
_CONTROLS = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _is_arabic_letter(char: str) -> bool:
    return unicodedata.bidirectional(char) == "AL" and unicodedata.category(char).startswith("L")


def simulate_line(line: str, player: Player | None) -> str:
    """One line as the faulty ``player`` would leave it (None: unchanged).

    >>> simulate_line("لا", "no-shaping") == "ل\\u200cا"
    True
    >>> simulate_line("\\u202bنعم.\\u202c", "no-bidi") == "\\u202dنعم.\\u202c"
    True
    """
    if player is None:
        return line
    if player == "ltr-base":
        return LRM + line
    if player == "no-shaping":
        out: list[str] = []
        for char in line:
            if out and _is_arabic_letter(char) and _is_arabic_letter(out[-1]):
                out.append(ZWNJ)
            out.append(char)
        return "".join(out)
    bare = "".join(char for char in line if char not in _CONTROLS)
    return LRO + bare + PDF


def simulate(text: str, player: Player | None) -> str:
    """Every line of a cue text through :func:`simulate_line`."""
    return "\n".join(simulate_line(line, player) for line in text.split("\n"))
