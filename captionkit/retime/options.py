"""A retime plan from the words a user typed (``1.5s``, ``25:23.976``, ``#1=00:00:06,000``).

The command line and other front ends pass the strings as typed; errors name the
plan's parameters (``shift``, ``scale``, ``sync`` ...), which a front end maps to
its own option names.

>>> plan = plan_from_text(shift="1.5s", fps="25:23.976")
>>> plan.shift, plan.fps
(1500, (Fraction(25, 1), Fraction(24000, 1001)))
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from captionkit.errors import InvalidValue
from captionkit.model import Track
from captionkit.profiles import Profile
from captionkit.retime.operations import (
    CueRange,
    RetimePlan,
    parse_cue_range,
    parse_factor,
    parse_fps_change,
    parse_sync,
)
from captionkit.timecode import MAX_TIME_MS, TIME_EXAMPLES, NotATime, parse_fps, parse_time

__all__ = ["plan_from_text"]


def _time(parameter: str, text: str, fps: Fraction | None) -> int:
    try:
        value = parse_time(text, fps)
    except NotATime:
        raise InvalidValue(parameter, text, f"a time (such as {TIME_EXAMPLES})") from None
    if abs(value) >= MAX_TIME_MS:
        raise InvalidValue(parameter, text, "a time under 100 hours")
    return value


def plan_from_text(
    *,
    shift: str | None = None,
    scale: str | None = None,
    anchor: str = "0",
    fps: str | None = None,
    sync: Sequence[str] = (),
    reference: Track | None = None,
    audio: str | None = None,
    start_from: str | None = None,
    start_to: str | None = None,
    cues: str | None = None,
    snap: str | None = None,
    clip: bool = False,
    repair: Profile | None = None,
) -> RetimePlan:
    """The :class:`RetimePlan` that these typed values describe (None: not given)."""
    frame_rate: Fraction | None = None
    fps_change: tuple[Fraction, Fraction] | None = None
    if fps is not None:
        parsed = parse_fps_change(fps)
        if isinstance(parsed, tuple):
            fps_change, frame_rate = parsed, parsed[1]
        else:
            frame_rate = parsed
    selection = parse_cue_range(cues) if cues else CueRange()
    if start_from is not None or start_to is not None:
        selection = CueRange(
            selection.first,
            selection.last,
            _time("start_from", start_from, frame_rate) if start_from is not None else None,
            _time("start_to", start_to, frame_rate) if start_to is not None else None,
        )
    points = tuple(parse_sync(item, frame_rate) for item in sync)
    if len(points) > 2:
        raise InvalidValue("sync", list(sync), "one or two points")
    factor = parse_factor(scale) if scale is not None else None
    if factor is not None and not (Fraction(1, 1000) <= factor <= 1000):
        raise InvalidValue("scale", scale, "a factor between 0.001 and 1000")
    return RetimePlan(
        sync=points,
        reference=reference,
        audio=audio,
        fps=fps_change,
        scale=factor,
        anchor=_time("anchor", anchor, frame_rate),
        shift=_time("shift", shift, frame_rate) if shift is not None else 0,
        selection=selection,
        snap=parse_fps(snap) if snap is not None else None,
        clip=clip,
        repair=repair,
    )
