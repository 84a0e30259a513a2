"""The facts about a subtitle file that ``captionkit info`` shows.

>>> from captionkit.formats import loads
>>> facts = describe(loads("1\\n00:00:01,000 --> 00:00:02,000\\nمرحبا\\n".encode()))
>>> facts["format"], facts["cues"], facts["rtl_share"], facts["newline"]
('srt', 1, 1.0, 'LF')
"""

from __future__ import annotations

from typing import Any

from captionkit.model import Track
from captionkit.text.rtl import line_direction

__all__ = ["describe", "rtl_share"]

_NEWLINE_NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}


def rtl_share(track: Track) -> float:
    """Share of non-empty lines whose first strong character is right to left."""
    lines = [line for cue in track.cues for line in cue.lines if line.strip()]
    if not lines:
        return 0.0
    return sum(1 for line in lines if line_direction(line) == "rtl") / len(lines)


def describe(track: Track, name: str | None = None) -> dict[str, Any]:
    """Format, encoding and why, line ends, cues, duration, RTL share, skipped blocks."""
    return {
        "file": name if name is not None else track.source.path,
        "format": track.format,
        "encoding": track.source.encoding,
        "bom": bool(track.source.bom),
        "encoding_reason": track.source.encoding_reason,
        "newline": _NEWLINE_NAMES.get(track.source.newline, repr(track.source.newline)),
        "cues": len(track),
        "duration": track.duration,
        "rtl_share": round(rtl_share(track), 4),
        "skipped": [{"line": block.line, "reason": block.reason} for block in track.skipped],
    }
