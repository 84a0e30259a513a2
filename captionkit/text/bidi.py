"""Direction of text, and the RTL render modes.

>>> line_direction("Hello عالم"), line_direction("مرحبا world"), line_direction("123")
('ltr', 'rtl', None)
"""

from __future__ import annotations

import unicodedata

_STRONG_RTL = frozenset({"R", "AL"})


def line_direction(line: str) -> str | None:
    """``'rtl'`` or ``'ltr'`` from the first strong character (rule P2), None without one.

    Isolates (LRI, RLI, FSI ... PDI) are skipped as rule P2 says.
    """
    depth = 0
    for char in line:
        if char in "\u2066\u2067\u2068":
            depth += 1
            continue
        if char == "\u2069":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        kind = unicodedata.bidirectional(char)
        if kind in _STRONG_RTL:
            return "rtl"
        if kind == "L":
            return "ltr"
    return None
