"""Timing captions from the video's own audio: decoding, speech activity, synthesis, alignment, sync."""

from __future__ import annotations

from captionkit.audio.align import AudioAlignment, AudioWord, align_heard, align_words
from captionkit.audio.errors import AudioDependencyMissing, AudioError
from captionkit.audio.listen import Heard, listen, speech_regions

__all__ = [
    "AudioAlignment",
    "AudioDependencyMissing",
    "AudioError",
    "AudioWord",
    "Heard",
    "align_heard",
    "align_words",
    "listen",
    "speech_regions",
]
