"""Alignment: time a narration from supplied timestamps.

Readers (:mod:`~captionkit.align.sources`) turn recognizer output, automatic
captions, sync maps, timed files and time lists into one shape; the aligner
(:mod:`~captionkit.align.aligner`) gives every narration word a time, matched
or interpolated (:mod:`~captionkit.align.interpolate`); :mod:`~captionkit.align.cues`
turns word times into cue times under a style profile.
"""

from __future__ import annotations

from captionkit.align.aligner import Alignment, WordTiming, align_narration
from captionkit.align.cues import CueTiming, cue_times, pause_bonus
from captionkit.align.sources import (
    FORMATS,
    AlignmentError,
    TimedWord,
    Timestamps,
    loads_timestamps,
    read_timestamps,
)

__all__ = [
    "FORMATS",
    "Alignment",
    "AlignmentError",
    "CueTiming",
    "TimedWord",
    "Timestamps",
    "WordTiming",
    "align_narration",
    "cue_times",
    "loads_timestamps",
    "pause_bonus",
    "read_timestamps",
]
