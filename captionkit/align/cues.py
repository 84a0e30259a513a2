"""From word times to cue times, and the report of how well each cue is timed.

A cue starts when its first word is spoken and ends when its last word ends.
The profile's rules then apply, but only by moving **ends** into free time:
the start is where the voice begins, and a caption that appears before or
after the voice is the error alignment exists to remove.

* a cue shorter than it needs (the minimum duration, or the time to read it at
  the profile's characters per second) is extended, up to the next cue's start
  minus the minimum gap;
* a cue that runs into the next one, or closer than the gap, is cut back;
* a cue longer than the maximum duration is cut to it.

What cannot hold (two cues whose starts are closer than the gap, a reading time
with no free time after it, words spoken for longer than the maximum duration)
is reported as a shortfall, never hidden.

>>> from captionkit.align.aligner import WordTiming
>>> words = [WordTiming(0, "one", 0, 400, "matched"), WordTiming(1, "two", 400, 800, "matched"),
...          WordTiming(2, "three", 2000, 2500, "interpolated")]
>>> [(c.start, c.end, c.matched_share) for c in cue_times(words, [(0, 2), (2, 3)])]
[(0, 800, 1.0), (2000, 2500, 0.0)]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from captionkit.align.aligner import WordTiming
from captionkit.profiles import Profile
from captionkit.text.counting import visible_length

__all__ = [
    "FEW_WORDS",
    "CueTiming",
    "cue_times",
    "pause_bonus",
]

#: A cue whose timing rests on more consecutive interpolated words than this is listed.
FEW_WORDS = 3
#: The segmentation bonus for ending a cue at a pause reaches its maximum at this pause.
FULL_PAUSE_MS = 600
#: That maximum: a little less than a sentence end's bonus in the segmenter's weights.
MAX_PAUSE_BONUS = 6.0
#: The least time a cue is shown when the stamps leave it none (one frame at 25 fps): a cue
#: of 0 ms is never written; the report names the rule it breaks.
MIN_SHOWN_MS = 40
#: Pauses shorter than this are the ordinary spaces between words.
MIN_PAUSE_MS = 120

_END = attrgetter("end")
_STATUS = attrgetter("status")


@dataclass(frozen=True, slots=True)
class CueTiming:
    """One cue's time and how it was found.

    ``first`` and ``stop`` are the range of narration words it shows.
    ``matched_share`` is the share of them a recognizer word timed;
    ``interpolated_run`` the longest run of consecutive interpolated words that
    any of its words belongs to (counted across cue boundaries: a cue inside a
    stretch the recognizer lost is a guess however few words it shows);
    ``shortfall`` names a profile rule that could not hold (or is empty).
    """

    start: int
    end: int
    first: int
    stop: int
    matched_share: float
    interpolated_run: int
    shortfall: str = ""

    @property
    def flagged(self) -> bool:
        """Whether the cue's timing rests on a guess over more than a few words."""
        return self.interpolated_run > FEW_WORDS


def pause_bonus(words: Sequence[WordTiming]) -> list[float]:
    """A bonus for ending a cue after each word, growing with the pause that follows it.

    One value per gap between words (``len(words) - 1``), in the segmenter's
    cost units: pauses below 120 ms earn nothing, 600 ms and more earn the full 6.0.

    >>> from captionkit.align.aligner import WordTiming
    >>> pause_bonus([WordTiming(0, "a", 0, 100, "matched"), WordTiming(1, "b", 400, 500, "matched"),
    ...              WordTiming(2, "c", 500, 600, "matched")])
    [3.0, 0.0]
    """
    bonuses: list[float] = []
    for left, right in itertools.pairwise(words):
        pause = right.start - left.end
        if pause < MIN_PAUSE_MS:
            bonuses.append(0.0)
        else:
            bonuses.append(round(MAX_PAUSE_BONUS * min(1.0, pause / FULL_PAUSE_MS), 3))
    return bonuses


def cue_times(
    words: Sequence[WordTiming],
    groups: Sequence[tuple[int, int]],
    profile: Profile | None = None,
    texts: Sequence[str] | None = None,
) -> list[CueTiming]:
    """Times for cues made of the word ranges ``groups`` (``(first, stop)``, in order).

    Without a profile the times are the words' own (overlaps cut back). With
    one, its gap, minimum and maximum duration and reading speed apply by
    moving ends only; ``texts`` (the cues' texts) give the reading time, else
    the words joined by spaces.
    """
    starts: list[int] = []
    ends: list[int] = []
    for first, stop in groups:
        if not 0 <= first < stop <= len(words):
            raise ValueError(f"bad word range {first}..{stop} for {len(words)} words")
        start = words[first].start
        if starts:
            # Never two cues at one instant (overlapping stamps): the later one waits a frame.
            start = max(start, starts[-1] + MIN_SHOWN_MS)
        starts.append(start)
        ends.append(max(start, max(map(_END, words[first:stop]))))
    notes = [""] * len(groups)
    if profile is None:
        for index in range(len(groups) - 1):
            ends[index] = min(ends[index], starts[index + 1])
    else:
        cue_texts = texts or [" ".join(w.word for w in words[a:b]) for a, b in groups]
        _apply_profile(starts, ends, notes, [visible_length(text) for text in cue_texts], profile)
    runs = _interpolated_runs(words)
    timings: list[CueTiming] = []
    for index, (first, stop) in enumerate(groups):
        span = words[first:stop]
        matched = list(map(_STATUS, span)).count("matched")
        timings.append(
            CueTiming(
                start=starts[index],
                end=ends[index],
                first=first,
                stop=stop,
                matched_share=round(matched / len(span), 4),
                interpolated_run=max(runs[first:stop]),
                shortfall=notes[index],
            )
        )
    return timings


def _apply_profile(
    starts: list[int], ends: list[int], notes: list[str], lengths: Sequence[int], profile: Profile
) -> None:
    gap = profile.min_gap_ms
    count = len(starts)
    for index in range(count):
        start = starts[index]
        reading = math.ceil(lengths[index] * 1000 / profile.max_cps) if profile.max_cps else 0
        needed = min(max(profile.min_duration_ms, reading), profile.max_duration_ms)
        end = max(ends[index], start + needed)
        if end - start > profile.max_duration_ms:
            end = start + profile.max_duration_ms
            if ends[index] - start > profile.max_duration_ms:
                notes[index] = "max_duration"  # the words are still spoken when it goes
        if index + 1 < count:
            room = starts[index + 1] - gap
            if end > room:
                end = max(start, room)
                if starts[index + 1] - start < gap:
                    end = starts[index + 1]  # shown until the next starts: no gap, but shown
                    notes[index] = "gap"
        ends[index] = end
        if not notes[index] and end - start < profile.min_duration_ms:
            notes[index] = "min_duration"
        elif not notes[index] and end - start < reading:
            notes[index] = "reading_speed"


def _interpolated_runs(words: Sequence[WordTiming]) -> list[int]:
    """For each word, the length of the run of interpolated words it is in (0 when matched).

    >>> from captionkit.align.aligner import WordTiming
    >>> _interpolated_runs([WordTiming(i, "w", 0, 0, s) for i, s in enumerate(
    ...     ["matched", "interpolated", "interpolated", "matched", "interpolated"])])
    [0, 2, 2, 0, 1]
    """
    runs: list[int] = []
    for status, group in itertools.groupby(map(_STATUS, words)):
        length = sum(1 for _ in group)
        runs.extend([length if status == "interpolated" else 0] * length)
    return runs
