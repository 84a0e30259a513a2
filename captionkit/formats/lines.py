"""Splitting text into lines without losing their line ends.

Subtitle files end lines with LF, CRLF or a lone CR (old Mac files), sometimes
mixed in one file. Readers need the lines, the exact end of each line, and the
offset where each line starts, so that every block can be cut out of the text
verbatim.

>>> split_lines("a\\r\\nb\\nc")
(['a', 'b', 'c'], ['\\r\\n', '\\n', ''], [0, 3, 5])
"""

from __future__ import annotations

import re
from itertools import accumulate

_LINE_END = re.compile("(\r\n|\r|\n)")


def split_lines(text: str) -> tuple[list[str], list[str], list[int]]:
    """Lines, their ends (``''`` for a last line without one) and their start offsets."""
    if not text:
        return [], [], []
    if "\r" not in text:
        lines = text.split("\n")
        ends = ["\n"] * (len(lines) - 1) + [""]
    else:
        parts = _LINE_END.split(text)
        lines = parts[0::2]
        ends = [*parts[1::2], ""]
    if lines[-1] == "":
        lines.pop()
        ends.pop()
    offsets = [0, *accumulate(len(line) + len(end) for line, end in zip(lines, ends, strict=True))]
    offsets.pop()
    return lines, ends, offsets


def normalize_newlines(text: str, newline: str) -> str:
    r"""Every line end in ``text`` turned into ``newline``.

    >>> normalize_newlines("a\r\nb\rc\n", "\n")
    'a\nb\nc\n'
    """
    return _LINE_END.sub(newline, text)
