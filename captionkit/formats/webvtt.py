"""WebVTT: placeholder until the spec parser lands."""

from __future__ import annotations

from captionkit.model import Track, TrackSource


def parse_vtt(
    text: str,
    *,
    file: str | None = None,
    lenient: bool = False,
    source: TrackSource | None = None,
) -> Track:
    raise NotImplementedError


def dumps_vtt(track: Track, *, newline: str | None = None) -> str:
    raise NotImplementedError
