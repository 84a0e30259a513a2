"""Patching a block's source text: the writers rewrite only the spans that changed.

A cue read from a file keeps its raw text and the spans of its values in it
(:class:`~captionkit.model.CueSource`); the SubRip, WebVTT and TTML writers give
back that text with only the changed values put in.

>>> splice("00:01.000 --> 00:02.000", [(0, 9, "00:03.000"), (14, 23, "00:04.000")])
'00:03.000 --> 00:04.000'
"""

from __future__ import annotations

from collections.abc import Iterable


def splice(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """``text`` with each span ``begin:end`` replaced by its value (spans in order, apart)."""
    pieces: list[str] = []
    cursor = 0
    for begin, end, value in edits:
        pieces.append(text[cursor:begin])
        pieces.append(value)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
