"""Repair of cue timings: no overlaps, a minimum gap, sane durations, readable speed.

``retime --repair`` and ``make`` share this step. It works on times only: text,
identifiers and settings are never touched. The order of the work matters, so
here it is:

1. The cues are sorted by start (stable), and an end before its start is taken
   as a zero-length cue.
2. **Overlaps and gaps.** Where a cue runs into the next one (or closer than the
   profile's minimum gap), its end is cut back to the next start minus the gap.
   A cue is never cut below one frame (at the profile's rate); when even that
   does not fit (two cues starting together), the next cue's start is pushed
   later instead.
3. **Durations and reading speed.** A cue longer than ``max_duration_ms`` is
   shortened. A cue shorter than it needs (``min_duration_ms``, or the time to
   read its visible characters at ``max_cps``) is **extended into free time**:
   first its end, up to the next cue's start minus the gap, then its start,
   back to the previous cue's end plus the gap (never below 0). Starts are
   where speech begins, so they move only when the end cannot.

What could not be satisfied is returned, one :class:`Shortfall` per cue and
rule, never silently dropped.

>>> from captionkit.model import Cue, CueSource, Track
>>> from captionkit.profiles import load_profile
>>> track = Track.from_cues([Cue(0, 3000, "a"), Cue(2000, 2300, "b"), Cue(9000, 9100, "c")])
>>> result = repair(track, load_profile("arabic"))
>>> [(cue.start, cue.end) for cue in result.track]
[(0, 1920), (2000, 2833), (9000, 9833)]
>>> result.shortfalls
()
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from captionkit.model import Cue, CueSource, Track
from captionkit.profiles import Profile
from captionkit.text.counting import visible_length
from captionkit.timecode import frames_to_ms

__all__ = ["Repaired", "Shortfall", "needed_duration", "repair", "repair_times", "visible_length"]


def needed_duration(text: str, profile: Profile) -> int:
    """Milliseconds a cue needs on screen: the minimum duration or the reading time.

    >>> from captionkit.profiles import load_profile
    >>> needed_duration("x" * 34, load_profile("arabic"))  # 34 characters at 17 per second
    2000
    """
    reading = math.ceil(visible_length(text) * 1000 / profile.max_cps) if profile.max_cps else 0
    return max(profile.min_duration_ms, reading)


@dataclass(frozen=True, slots=True)
class Shortfall:
    """A rule that repair could not satisfy for one cue (there was no free time).

    ``cue`` is the 1-based position in the repaired track; ``rule`` is
    ``min_duration`` or ``reading_speed``.
    """

    cue: int
    identifier: str
    line: int | None
    rule: str
    needed_ms: int
    got_ms: int

    @property
    def message(self) -> str:
        """One line for a report."""
        what = "minimum duration" if self.rule == "min_duration" else "reading speed"
        return (
            f"cue {self.cue}: {what} needs {self.needed_ms} ms on screen, "
            f"only {self.got_ms} ms are free"
        )


@dataclass(frozen=True, slots=True)
class Repaired:
    """The repaired track, what could not be satisfied and how many cues changed."""

    track: Track
    shortfalls: tuple[Shortfall, ...]
    changed: int


def repair_times(
    times: Sequence[tuple[int, int]],
    needs: Sequence[int],
    profile: Profile,
) -> tuple[list[tuple[int, int]], list[tuple[int, str, int, int]]]:
    """The repair on bare times, already sorted by start.

    Returns the new ``(start, end)`` pairs and the shortfalls as
    ``(index, rule, needed, got)``. ``needs`` are the durations each cue needs
    (:func:`needed_duration`), which may exceed the maximum duration.

    >>> from captionkit.profiles import load_profile
    >>> repair_times([(0, 500), (450, 900)], [1000, 1000], load_profile("arabic"))
    ([(0, 370), (450, 1450)], [(0, 'min_duration', 833, 370)])
    """
    gap = profile.min_gap_ms
    frame = frames_to_ms(1, profile.fps)
    longest = profile.max_duration_ms
    starts = [start for start, _ in times]
    ends = [max(start, end) for start, end in times]
    count = len(starts)
    for index in range(count - 1):
        limit = starts[index + 1] - gap
        if ends[index] <= limit:
            continue
        floor = starts[index] + min(ends[index] - starts[index], frame)
        ends[index] = max(limit, floor)
        pushed = ends[index] + gap
        if pushed > starts[index + 1]:
            length = ends[index + 1] - starts[index + 1]
            starts[index + 1] = pushed
            ends[index + 1] = max(ends[index + 1], pushed + min(length, needs[index + 1]))
    shortfalls: list[tuple[int, str, int, int]] = []
    for index in range(count):
        start, end = starts[index], ends[index]
        if end - start > longest:
            end = start + longest
        wanted = min(needs[index], longest)
        if end - start < wanted:
            room_end = starts[index + 1] - gap if index + 1 < count else start + wanted
            end = max(end, min(start + wanted, room_end))
        if end - start < wanted:
            room_start = max(0, ends[index - 1] + gap) if index > 0 else 0
            start = min(start, max(room_start, end - wanted))
        starts[index], ends[index] = start, end
        got = end - start
        if got < profile.min_duration_ms:
            shortfalls.append((index, "min_duration", profile.min_duration_ms, got))
        elif got < needs[index]:
            shortfalls.append((index, "reading_speed", needs[index], got))
    return list(zip(starts, ends, strict=True)), shortfalls


def _with_raw(source: CueSource, raw: str) -> CueSource:
    """The same source with another ``raw`` (a named tuple or a dataclass, as the model has it)."""
    flexible: Any = source
    if hasattr(flexible, "_replace"):
        return cast(CueSource, flexible._replace(raw=raw))
    return cast(CueSource, replace(flexible, raw=raw))


def _place(track: Track, ordered: Sequence[Cue]) -> Track:
    """The track with its cue slots filled by ``ordered``.

    A cue that was last in its file may lack the blank line that ends a block;
    when it moves to another slot, its block gets one so that it does not run
    into the next block.
    """
    if list(ordered) == list(track.cues) and all(
        a is b for a, b in zip(ordered, track.cues, strict=True)
    ):
        return track
    original = track.cues
    fixed: list[Cue] = []
    last = len(ordered) - 1
    newline = track.source.newline
    for slot, cue in enumerate(ordered):
        source = cue.source
        if source is not None and slot != last and cue is not original[slot]:
            trailer = source.trailer
            missing = 2 - trailer.count("\n") - trailer.replace("\r\n", "").count("\r")
            if missing > 0:
                cue = replace(cue, source=_with_raw(source, source.raw + newline * missing))
        fixed.append(cue)
    return track.with_cues(fixed)


def repair(track: Track, profile: Profile) -> Repaired:
    """Repair the timings of every cue of ``track`` for ``profile`` (see the module doc)."""
    cues = track.cues
    order = sorted(range(len(cues)), key=lambda index: (cues[index].start, cues[index].end))
    ordered = [cues[index] for index in order]
    needs = [needed_duration(cue.text, profile) for cue in ordered]
    times, raw_shortfalls = repair_times([(cue.start, cue.end) for cue in ordered], needs, profile)
    repaired: list[Cue] = []
    changed = 0
    for cue, (start, end) in zip(ordered, times, strict=True):
        if (start, end) != (cue.start, cue.end):
            changed += 1
            cue = cue.with_times(start, end)
        repaired.append(cue)
    shortfalls = tuple(
        Shortfall(
            cue=index + 1,
            identifier=repaired[index].identifier,
            line=repaired[index].line_number,
            rule=rule,
            needed_ms=needed,
            got_ms=got,
        )
        for index, rule, needed, got in raw_shortfalls
    )
    return Repaired(_place(track, repaired), shortfalls, changed)
