"""Where cue times come from: a timing strategy is a value passed to :func:`captionkit.make.make`.

``make`` is one pipeline whatever the timing (DESIGN.md): ingest, segment, time,
report. A strategy contributes the two things that differ:

* before segmentation, what the voice tells about the words: a bonus for ending
  a cue after each word (measured pauses) and the speaking rate (it caps a cue's
  characters so that the cue is spoken within the maximum duration);
* after segmentation, the cues' times, and a report of how they were found.

Strategies: :class:`SpeechRate` (a reading-speed model, no input but the text)
and :class:`FromTimestamps` (recognizer words, auto captions, a sync map ...);
audio timing joins them as a third.

>>> SpeechRate(rate=0)
Traceback (most recent call last):
...
captionkit.errors.InvalidValue: rate must be a positive number of characters a second (at most 100), not 0
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeAlias

from captionkit.align.aligner import MIN_MATCHED_SHARE, Alignment, align_narration
from captionkit.align.cues import cue_times, pause_bonus
from captionkit.align.sources import Timestamps
from captionkit.errors import InvalidValue
from captionkit.make.ingest import Narration
from captionkit.make.report import AlignReport
from captionkit.make.timing import DEFAULT_RATE, SpokenWord, place_cues, speech_times
from captionkit.profiles import Profile
from captionkit.timecode import MAX_TIME_MS

__all__ = [
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


def _speaking_rate(alignment: Alignment) -> float:
    """Visible characters a second over the whole narration, pauses included."""
    words = alignment.words
    span = words[-1].end - words[0].start
    characters = sum(len(word.word) + 1 for word in words)
    return characters * 1000 / span if span > 0 else DEFAULT_RATE


@dataclass(frozen=True, slots=True)
class FromTimestamps:
    """Times from supplied word or segment timestamps, aligned to the narration's words.

    The segmentation gets a bonus for ending cues at the pauses the alignment
    measured; a cue starts when its first word is spoken.
    """

    timestamps: Timestamps
    min_matched_share: float = MIN_MATCHED_SHARE

    def prepare(self, narration: Narration) -> PreparedTiming:
        """Align the narration to the timestamps; cues take their words' times."""
        alignment = align_narration(
            narration.words,
            self.timestamps,
            line_starts=line_starts_of(narration),
            min_matched_share=self.min_matched_share,
        )
        stamps = self.timestamps

        def place(
            groups: Sequence[tuple[int, int]], texts: Sequence[str], profile: Profile
        ) -> tuple[list[tuple[int, int]], AlignReport | None]:
            timings = cue_times(alignment.words, list(groups), profile, list(texts))
            report = AlignReport(
                timestamps_file=stamps.file,
                timestamps_format=stamps.format,
                level=stamps.level,
                source_words=alignment.source_words or len(stamps.line_starts),
                words=len(alignment.words),
                matched=alignment.matched,
                cues=tuple(timings),
                scored=alignment.scored,
            )
            return [(timing.start, timing.end) for timing in timings], report

        return PreparedTiming(
            rate=_speaking_rate(alignment),
            boundary_bonus=tuple(pause_bonus(alignment.words)),
            place=place,
        )


#: Every timing strategy captionkit ships.
Timing: TypeAlias = SpeechRate | FromTimestamps
