"""The spec view: what a conforming WebVTT player sees of a track.

Placeholder: settings parsing arrives with the WebVTT parser.
"""

from __future__ import annotations

from typing import Any

from captionkit.model import Track


def track_json(track: Track) -> dict[str, Any]:
    """The documented JSON form of a track."""
    cues = [
        {
            "id": cue.identifier,
            "start": cue.start,
            "end": cue.end,
            "text": cue.text.replace("\0", "\ufffd"),
            "settings": {
                "vertical": "",
                "line": "auto",
                "snapToLines": True,
                "lineAlign": "start",
                "position": "auto",
                "positionAlign": "auto",
                "size": 100,
                "align": "center",
            },
            "region": None,
        }
        for cue in track.cues
    ]
    return {
        "format": track.format,
        "encoding": track.source.encoding,
        "cues": cues,
        "skipped": [
            {"line": block.line, "reason": block.reason, "text": block.text}
            for block in track.skipped
        ],
    }
