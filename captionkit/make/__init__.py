"""Making captions from a narration script: one pipeline, whatever times the cues.

``ingest`` keeps the narration lines of a script; ``segment`` chooses cue
boundaries and line breaks over the whole narration; a timing strategy
(:mod:`captionkit.make.strategies`) times the cues; ``report`` says what was done.
``words`` is the ``align`` job: every word's time, on the same ingest.
"""

from __future__ import annotations

from captionkit.make.pipeline import (
    MakeResult,
    apply_rtl,
    make,
    make_file,
    make_narration,
    max_cue_chars,
    read_narration,
)
from captionkit.make.report import AlignReport, BadBreak, MakeReport
from captionkit.make.strategies import (
    FromAudio,
    FromTimestamps,
    SpeechRate,
    Timing,
    TimingStrategy,
)
from captionkit.make.words import WordTimes, align, align_file

__all__ = [
    "AlignReport",
    "BadBreak",
    "FromAudio",
    "FromTimestamps",
    "MakeReport",
    "MakeResult",
    "SpeechRate",
    "Timing",
    "TimingStrategy",
    "WordTimes",
    "align",
    "align_file",
    "apply_rtl",
    "make",
    "make_file",
    "make_narration",
    "max_cue_chars",
    "read_narration",
]
