"""Regular-expression character classes built from a predicate over code points.

Scanning a whole file with one compiled class is far faster than testing each character
in Python; the class is built once, from the same predicate the slow path uses, so the
two can never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def class_body(codes: Iterable[int], member: Callable[[str], bool]) -> str:
    """The inside of ``[...]`` for the code points (ascending) whose character is a member.

    Consecutive members are merged into ranges, so the class stays short.

    >>> class_body(range(0x30, 0x40), str.isdigit)
    '0-9'
    >>> class_body(range(0x61, 0x66), lambda c: c in "ace")
    'ace'
    """
    spans: list[tuple[int, int]] = []
    for code in codes:
        if 0xD800 <= code <= 0xDFFF or not member(chr(code)):
            continue
        if spans and spans[-1][1] == code - 1:
            spans[-1] = (spans[-1][0], code)
        else:
            spans.append((code, code))
    return "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in spans
    )
