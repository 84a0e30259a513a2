"""Where cue times come from: a timing strategy is a value passed to :func:`captionkit.make.make`.

``make`` is one pipeline whatever the timing (DESIGN.md): ingest, segment, time,
report. A strategy contributes the two things that differ:

* before segmentation, what the voice tells about the words: a bonus for ending
  a cue after each word (measured pauses) and the speaking rate (it caps a cue's
  characters so that the cue is spoken within the maximum duration);
* after segmentation, the cues' times, and a report of how they were found.

Strategies: :class:`SpeechRate` (a reading-speed model, no input but the text),
:class:`FromTimestamps` (recognizer words, auto captions, a sync map ...; with a
recording, the stretches the recognizer lost are aligned to the audio) and
:class:`FromAudio` (the recording itself, no recognizer).

>>> SpeechRate(rate=0)
Traceback (most recent call last):
...
captionkit.errors.InvalidValue: rate must be a positive number of characters a second (at most 100), not 0
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeAlias

from captionkit.align.aligner import (
    MIN_MATCHED_SHARE,
    WordTiming,
    align_narration,
    make_monotonic,
)
from captionkit.align.cues import cue_times, pause_bonus
from captionkit.align.sources import Timestamps
from captionkit.errors import CaptionkitError, InvalidValue
from captionkit.make.ingest import Narration
from captionkit.make.report import AlignReport
from captionkit.make.timing import DEFAULT_RATE, SpokenWord, place_cues, speech_times
from captionkit.profiles import Profile
from captionkit.timecode import MAX_TIME_MS

__all__ = [
    "AudioNotHeard",
    "FromAudio",
    "FromTimestamps",
    "PreparedTiming",
    "SpeechRate",
    "Timing",
    "TimingStrategy",
    "line_starts_of",
]

#: Cue times for word groups: ``(groups, texts, profile) -> (times, alignment report)``.
Placer: TypeAlias = Callable[
    [Sequence[tuple[int, int]], Sequence[str], Profile],
    tuple[list[tuple[int, int]], AlignReport | None],
]


@dataclass(frozen=True, slots=True)
class PreparedTiming:
    """What a strategy learned about a narration before it is cut into cues."""

    rate: float
    boundary_bonus: tuple[float, ...] | None
    place: Placer


class TimingStrategy(Protocol):
    """A way to time a narration's cues."""

    def prepare(self, narration: Narration) -> PreparedTiming:
        """Time the words of ``narration``; the result times its cues once they are cut."""
        ...


def line_starts_of(narration: Narration) -> list[int]:
    """Indices of the words that start a line of the script."""
    count = len(narration.tokens)
    return sorted({0} | {end + 1 for end in narration.line_ends if end + 1 < count})


@dataclass(frozen=True, slots=True)
class SpeechRate:
    """Times from a reading-speed model: ``rate`` visible characters a second, pauses at
    sentence, phrase and script-line ends; stretched to ``duration_ms`` when given, from
    ``start_ms``.
    """

    rate: float = DEFAULT_RATE
    start_ms: int = 0
    duration_ms: int | None = None

    def __post_init__(self) -> None:
        if not (isinstance(self.rate, int | float) and math.isfinite(self.rate)) or not (
            0 < self.rate <= 100
        ):
            raise InvalidValue(
                "rate",
                self.rate,
                "a positive number of characters a second (at most 100)",
            )
        if not isinstance(self.start_ms, int) or not 0 <= self.start_ms < MAX_TIME_MS:
            raise InvalidValue("start_ms", self.start_ms, "a time from 0 to 99:59:59.999")
        if self.duration_ms is not None and (
            not isinstance(self.duration_ms, int)
            or not 0 < self.duration_ms < MAX_TIME_MS - self.start_ms
        ):
            raise InvalidValue(
                "duration_ms", self.duration_ms, "a positive time that ends before 100 hours"
            )

    def prepare(self, narration: Narration) -> PreparedTiming:
        """Word times from the model; cues placed by the profile's rules around them."""
        spoken = [
            SpokenWord(token.text, token.sentence_end, token.phrase_end, token.line_end)
            for token in narration.tokens
        ]
        word_times = speech_times(
            spoken, self.rate, start_ms=self.start_ms, duration_ms=self.duration_ms
        )
        rate = self.rate
        if self.duration_ms is not None and spoken:
            natural = speech_times(spoken, self.rate)[-1][1]
            rate = self.rate * natural / self.duration_ms  # the pace the fit implies
        end_ms = self.start_ms + self.duration_ms if self.duration_ms is not None else None

        def place(
            groups: Sequence[tuple[int, int]], texts: Sequence[str], profile: Profile
        ) -> tuple[list[tuple[int, int]], AlignReport | None]:
            anchors = [(word_times[start][0], word_times[stop - 1][1]) for start, stop in groups]
            times = place_cues(texts, anchors, profile, start_ms=self.start_ms, end_ms=end_ms)
            return times, None

        return PreparedTiming(rate=rate, boundary_bonus=None, place=place)


def _speaking_rate(words: Sequence[WordTiming]) -> float:
    """Visible characters a second over the whole narration, pauses included."""
    span = words[-1].end - words[0].start if words else 0
    characters = sum(len(word.word) + 1 for word in words)
    return characters * 1000 / span if span > 0 else DEFAULT_RATE


def _from_word_times(
    words: Sequence[WordTiming],
    *,
    file: str | None,
    format: str,
    level: str,
    source_words: int,
    matched: int,
    scored: int = -1,
) -> PreparedTiming:
    """Cues timed by their words' times (from timestamps or from the audio)."""
    timed = list(words)

    def place(
        groups: Sequence[tuple[int, int]], texts: Sequence[str], profile: Profile
    ) -> tuple[list[tuple[int, int]], AlignReport | None]:
        timings = cue_times(timed, list(groups), profile, list(texts))
        report = AlignReport(
            timestamps_file=file,
            timestamps_format=format,
            level=level,
            source_words=source_words,
            words=len(timed),
            matched=matched,
            cues=tuple(timings),
            scored=scored,
        )
        return [(timing.start, timing.end) for timing in timings], report

    return PreparedTiming(
        rate=_speaking_rate(timed), boundary_bonus=tuple(pause_bonus(timed)), place=place
    )


@dataclass(frozen=True, slots=True)
class FromTimestamps:
    """Times from supplied word or segment timestamps, aligned to the narration's words.

    The segmentation gets a bonus for ending cues at the pauses the alignment
    measured; a cue starts when its first word is spoken. With ``audio``, the
    words the timestamps lost (interpolated ones) are placed by aligning the
    recording between their timed neighbours (:func:`captionkit.audio.fill_gaps`).
    """

    timestamps: Timestamps
    min_matched_share: float = MIN_MATCHED_SHARE
    audio: str | None = None
    language: str = "ar"

    def prepare(self, narration: Narration) -> PreparedTiming:
        """Align the narration to the timestamps; cues take their words' times."""
        alignment = align_narration(
            narration.words,
            self.timestamps,
            line_starts=line_starts_of(narration),
            min_matched_share=self.min_matched_share,
        )
        words = list(alignment.words)
        matched = alignment.matched
        if self.audio is not None:
            words, filled = _fill_from_audio(words, self.audio, self.language, narration.line_ends)
            matched += filled
        stamps = self.timestamps
        return _from_word_times(
            words,
            file=stamps.file,
            format=stamps.format + ("+audio" if self.audio is not None else ""),
            level=stamps.level,
            source_words=alignment.source_words or len(stamps.line_starts),
            matched=matched,
            scored=alignment.scored,
        )


def _fill_from_audio(
    words: list[WordTiming], audio: str, language: str, line_ends: Collection[int] = ()
) -> tuple[list[WordTiming], int]:
    """The interpolated words placed by the audio; how many the audio placed."""
    from captionkit.audio import fill_gaps

    known = [(word.start, word.end) if word.status == "matched" else None for word in words]
    if all(times is not None for times in known):
        return words, 0
    placed = fill_gaps(
        [word.word for word in words], known, audio, language=language, line_ends=line_ends
    )
    filled = 0
    result: list[WordTiming] = []
    for word, heard in zip(words, placed, strict=True):
        if word.status != "matched" and heard.status == "aligned":
            word = word._replace(start=heard.start_ms, end=max(heard.end_ms, heard.start_ms))
            filled += 1
        result.append(word)
    _monotonic(result)
    return result, filled


def _monotonic(words: list[WordTiming]) -> None:
    """The aligner's rule on words timed from two sources: starts never go back, no word
    ends before it starts, words never overlap (:func:`~captionkit.align.aligner.make_monotonic`).
    """
    starts = [word.start for word in words]
    ends = [word.end for word in words]
    make_monotonic(starts, ends)
    for index, (word, start, end) in enumerate(zip(words, starts, ends, strict=True)):
        if (start, end) != (word.start, word.end):
            words[index] = word._replace(start=start, end=end)


@dataclass(frozen=True, slots=True)
class FromAudio:
    """Times from the recording itself: the narration synthesized with eSpeak NG and aligned
    to the audio by DTW (:func:`captionkit.audio.align_words`). Words whose audio is
    missing are reported (as interpolated, in the alignment report), not stretched over.
    """

    audio: str
    language: str = "ar"
    progress: Callable[[float], None] | None = field(default=None, compare=False)

    def prepare(self, narration: Narration) -> PreparedTiming:
        """Align the narration's words to the recording; cues take their words' times."""
        from captionkit.audio import align_words

        aligned = align_words(
            narration.words,
            self.audio,
            language=self.language,
            progress=self.progress,
            line_ends=narration.line_ends,
        )
        words = [
            WordTiming(
                word.index,
                word.word,
                word.start_ms,
                max(word.end_ms, word.start_ms),
                "matched" if word.status == "aligned" else "interpolated",
                similarity=word.confidence,
            )
            for word in aligned.words
        ]
        _monotonic(words)
        if not words or not aligned.aligned:
            raise AudioNotHeard(
                "no narration word was found in the audio (no speech, or another language)",
                file=self.audio,
            )
        return _from_word_times(
            words,
            file=self.audio,
            format="audio",
            level="word",
            source_words=len(aligned.aligned),
            matched=len(aligned.aligned),
        )


class AudioNotHeard(CaptionkitError):
    """The recording holds none of the narration's words."""


#: Every timing strategy captionkit ships.
Timing: TypeAlias = SpeechRate | FromTimestamps | FromAudio
