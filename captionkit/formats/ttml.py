"""TTML (placeholder while the reader is written)."""

from __future__ import annotations

from dataclasses import dataclass

from captionkit.errors import ParseError
from captionkit.model import Track, TrackSource


@dataclass(frozen=True, slots=True)
class TtmlOptions:
    """Writer options."""

    profile: str = "imsc1"


def detect_ttml(text: str) -> bool:
    """Whether the text is a TTML document."""
    return "<tt" in text[:4096]


def parse_ttml(
    text: str, *, file: str | None = None, lenient: bool = False, source: TrackSource | None = None
) -> Track:
    """Read TTML."""
    raise ParseError("TTML is not read yet", file=file)


def dumps_ttml(
    track: Track, *, newline: str | None = None, options: TtmlOptions | None = None
) -> str:
    """Write TTML."""
    raise ParseError("TTML is not written yet")
