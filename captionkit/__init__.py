"""captionkit: subtitles and captions for right-to-left (Arabic) video.

The library reads and writes SubRip and WebVTT without losing a byte, makes
timed captions from a narration script, re-times files and checks RTL layout.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from captionkit.errors import CaptionkitError
from captionkit.formats import dumps, loads, parse, read, to_bytes, write
from captionkit.model import Cue, Header, Note, Region, Style, Track, Unparsed

try:
    __version__ = version("captionkit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "CaptionkitError",
    "Cue",
    "Header",
    "Note",
    "Region",
    "Style",
    "Track",
    "Unparsed",
    "__version__",
    "dumps",
    "loads",
    "parse",
    "read",
    "to_bytes",
    "write",
]
