"""Times for cues when the narration has no time stamps: a speech-rate model, then the rules.

The model reads the narration aloud at ``rate`` visible characters a second
(spaces and punctuation included, harakat not), with a pause after each
sentence, each phrase and each line of the script. Arabic news narration runs
at about 13 to 15 such characters a second (around 130 words a minute of 5 to 6
letters), so the default is 14: a little under the 17 characters a second a
viewer can read, which leaves room for the reading-speed rule.

``duration`` stretches or squeezes that reading to a known length (the video's),
``start`` moves it. Then each cue gets at least the time its text needs to be
read (``chars / max_cps``), at least ``min_duration`` and at most
``max_duration``, and at least ``min_gap`` before the next cue. A rule that cannot
hold (a duration too short for the text) is never broken silently:
:func:`timing_problems` lists every cue that breaks a rule, and the report shows it.

>>> from captionkit.model import Cue
>>> from captionkit.profiles import load_profile
>>> problems = timing_problems([Cue(0, 500, "قصير جدا")], load_profile())
>>> [problem.rule for problem in problems]
['min-duration']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from captionkit.model import Cue
from captionkit.profiles import Profile
from captionkit.text.linebreak import visible_length, word_length

DEFAULT_RATE = 14.0
SENTENCE_PAUSE_MS = 500
PHRASE_PAUSE_MS = 250
LINE_PAUSE_MS = 150


@dataclass(frozen=True, slots=True)
class SpokenWord:
    """What the speech model needs to know about a word."""

    text: str
    sentence_end: bool = False
    phrase_end: bool = False
    line_end: bool = False


@dataclass(frozen=True, slots=True)
class TimingProblem:
    """A cue (1-based) that breaks a timing rule, and how."""

    cue: int
    rule: str
    message: str


def speech_times(
    words: Sequence[SpokenWord],
    rate: float = DEFAULT_RATE,
    *,
    start_ms: int = 0,
    duration_ms: int | None = None,
) -> list[tuple[float, float]]:
    """When each word is spoken, as ``(start, end)`` in milliseconds.

    >>> speech_times([SpokenWord("ab", sentence_end=True), SpokenWord("c")], rate=10)
    [(0.0, 300.0), (800.0, 1000.0)]
    """
    if rate <= 0:
        raise ValueError("rate must be positive")
    lengths = [(word_length(word.text) + 1) * 1000.0 / rate for word in words]
    pauses = []
    for word in words[:-1]:
        if word.sentence_end:
            pauses.append(float(SENTENCE_PAUSE_MS))
        elif word.phrase_end:
            pauses.append(float(PHRASE_PAUSE_MS))
        elif word.line_end:
            pauses.append(float(LINE_PAUSE_MS))
        else:
            pauses.append(0.0)
    pauses.append(0.0)
    total = sum(lengths) + sum(pauses)
    scale = duration_ms / total if duration_ms is not None and total > 0 else 1.0
    times: list[tuple[float, float]] = []
    clock = float(start_ms)
    for length, pause in zip(lengths, pauses, strict=True):
        end = clock + length * scale
        times.append((clock, end))
        clock = end + pause * scale
    return times


def reading_time_ms(text: str, max_cps: float) -> int:
    """The least time, in whole milliseconds, in which ``text`` is read at ``max_cps``."""
    return math.ceil(visible_length(text) * 1000 / max_cps) if max_cps > 0 else 0


def place_cues(
    texts: Sequence[str],
    anchors: Sequence[tuple[float, float]],
    profile: Profile,
    *,
    start_ms: int = 0,
    end_ms: int | None = None,
) -> list[tuple[int, int]]:
    """Cue times from the speech anchors, under the profile's rules as far as they can hold.

    A cue starts when its first word is spoken (or a gap after the previous cue)
    and lasts as long as its words, its reading time and the minimum duration
    ask, up to the maximum. With ``end_ms`` (a fixed length) cues that would run
    past it are pulled back, and when even that fails the time is shared out in
    proportion to what each cue needs.
    """
    gap = profile.min_gap_ms
    needs = [
        min(
            profile.max_duration_ms,
            max(profile.min_duration_ms, reading_time_ms(text, profile.max_cps)),
        )
        for text in texts
    ]
    times: list[tuple[int, int]] = []
    previous_end: int | None = None
    for need, (spoken_start, spoken_end) in zip(needs, anchors, strict=True):
        begin = max(start_ms, round(spoken_start))
        if previous_end is not None:
            begin = max(begin, previous_end + gap)
        end = max(round(spoken_end), begin + need)
        end = min(end, begin + profile.max_duration_ms)
        times.append((begin, end))
        previous_end = end
    if end_ms is None or not times or times[-1][1] <= end_ms:
        return times
    pulled: list[tuple[int, int]] = []
    limit = end_ms
    for (begin, end), need in zip(reversed(times), reversed(needs), strict=True):
        end = min(end, limit)
        begin = min(begin, end - need)
        pulled.append((begin, end))
        limit = begin - gap
    pulled.reverse()
    if pulled[0][0] >= start_ms:
        return pulled
    return _share_out(needs, profile, start_ms, end_ms)


def _share_out(
    needs: Sequence[int], profile: Profile, start_ms: int, end_ms: int
) -> list[tuple[int, int]]:
    """Too little time for every rule: keep gaps and order, share the rest by need."""
    count = len(needs)
    gap = profile.min_gap_ms if (count - 1) * profile.min_gap_ms < end_ms - start_ms else 0
    available = max(count, end_ms - start_ms - gap * (count - 1))
    total_need = sum(needs) or count
    times: list[tuple[int, int]] = []
    clock = float(start_ms)
    for need in needs:
        length = available * (need or 1) / total_need
        begin = math.floor(clock)
        end = min(end_ms, max(begin + 1, math.floor(clock + length)))
        times.append((begin, end))
        clock = end + gap
    return times


def cue_cps(cue: Cue) -> float:
    """Reading speed of a cue: visible characters a second (0 for an empty or instant cue)."""
    if cue.duration <= 0:
        return 0.0
    return visible_length(cue.text) * 1000 / cue.duration


def timing_problems(cues: Sequence[Cue], profile: Profile) -> list[TimingProblem]:
    """Every rule of the profile that a cue breaks: duration, reading speed, gap, overlap."""
    problems: list[TimingProblem] = []
    gap = profile.min_gap_ms
    for number, cue in enumerate(cues, 1):
        if cue.duration < profile.min_duration_ms:
            problems.append(
                TimingProblem(
                    number,
                    "min-duration",
                    f"on screen {cue.duration} ms, under {profile.min_duration_ms} ms",
                )
            )
        if cue.duration > profile.max_duration_ms:
            problems.append(
                TimingProblem(
                    number,
                    "max-duration",
                    f"on screen {cue.duration} ms, over {profile.max_duration_ms} ms",
                )
            )
        speed = cue_cps(cue)
        if speed > profile.max_cps + 1e-9:
            problems.append(
                TimingProblem(
                    number, "cps", f"reading speed {speed:.1f} cps, over {profile.max_cps:g}"
                )
            )
        if number > 1:
            previous = cues[number - 2]
            if cue.start < previous.end:
                problems.append(
                    TimingProblem(number, "overlap", f"starts {previous.end - cue.start} ms early")
                )
            elif cue.start - previous.end < gap:
                problems.append(
                    TimingProblem(
                        number,
                        "gap",
                        f"{cue.start - previous.end} ms after the previous cue, under {gap} ms",
                    )
                )
    return problems
