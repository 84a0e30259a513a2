"""Re-timing: move cue times and change nothing else.

Every operation is a pure function ``Track -> Track`` that changes cue times
only (what ``cue.with_times`` does); the writers then rewrite the time stamps alone, in their
original style, so text, identifiers, settings, notes, encoding, BOM and line
ends come back byte for byte.

The time operations are exact affine maps ``t -> scale * t + offset`` with
:class:`~fractions.Fraction` parameters. :func:`retime` runs a whole
:class:`RetimePlan` in this documented order:

1. **base**: the times as read, or the times given by ``--sync`` points
   (a shift for one point, the line through two) or by ``--reference``
   (a piecewise-linear fit, :mod:`captionkit.retime.refsync`);
2. **fps** ``FROM:TO``: times scaled by FROM/TO;
3. **scale** ``F`` around ``anchor``;
4. **shift** ``D``;
5. the **range** (``--cues A-B``, ``--from``/``--to``, judged on the times as
   read) says which cues steps 1-6 apply to; the others keep their times;
6. **snap** to frame boundaries at a rate;
7. rounding to milliseconds, **once**, half away from zero;
8. the **negative-time check**: an error, unless ``clip`` cuts times at 0;
9. **repair** (:mod:`captionkit.retime.repair`) over the whole track.

>>> from captionkit.model import Cue, Track
>>> track = Track.from_cues([Cue(1000, 2000, "a"), Cue(3000, 4000, "b")])
>>> [(c.start, c.end) for c in shift(track, 1500)]
[(2500, 3500), (4500, 5500)]
>>> back = convert_fps(convert_fps(track, Fraction(25), Fraction(24000, 1001)),
...                    Fraction(24000, 1001), Fraction(25))
>>> [(c.start, c.end) for c in back]
[(1000, 2000), (3000, 4000)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from fractions import Fraction
from typing import TYPE_CHECKING

from captionkit.collector import collector_paused
from captionkit.errors import InvalidValue, TimingError, UsageError
from captionkit.model import Cue, Track
from captionkit.profiles import Profile
from captionkit.retime.repair import Shortfall, repair
from captionkit.timecode import MAX_TIME_MS, format_srt_time, parse_time

if TYPE_CHECKING:
    from captionkit.audio import AudioSync
    from captionkit.retime.refsync import ReferenceFit

__all__ = [
    "CueRange",
    "LinearMap",
    "Moved",
    "RetimePlan",
    "RetimeResult",
    "SyncPoint",
    "apply_map",
    "convert_fps",
    "moved_cues",
    "parse_cue_range",
    "parse_factor",
    "parse_fps_change",
    "parse_sync",
    "result_json",
    "retime",
    "round_ms",
    "scale",
    "shift",
    "snap",
    "sync_map",
    "timing_diff",
]


@dataclass(frozen=True, slots=True)
class LinearMap:
    """The exact map ``t -> scale * t + offset`` (milliseconds).

    >>> LinearMap.fps(Fraction(25), Fraction(24000, 1001))(Fraction(1000))
    Fraction(25025, 24)
    >>> LinearMap.shift(500).then(LinearMap.scaling(Fraction(2)))(Fraction(0))
    Fraction(1000, 1)
    """

    scale: Fraction = Fraction(1)
    offset: Fraction = Fraction(0)

    def __call__(self, time: Fraction) -> Fraction:
        return self.scale * time + self.offset

    def then(self, after: LinearMap) -> LinearMap:
        """This map followed by ``after``."""
        return LinearMap(after.scale * self.scale, after.scale * self.offset + after.offset)

    @property
    def is_identity(self) -> bool:
        return self.scale == 1 and self.offset == 0

    @classmethod
    def shift(cls, ms: int | Fraction) -> LinearMap:
        return cls(Fraction(1), Fraction(ms))

    @classmethod
    def scaling(cls, factor: Fraction, anchor: int | Fraction = 0) -> LinearMap:
        """Scale by ``factor`` around ``anchor`` (which does not move)."""
        return cls(factor, Fraction(anchor) * (1 - factor))

    @classmethod
    def fps(cls, source: Fraction, target: Fraction) -> LinearMap:
        """Frame ``k`` at ``source`` fps lands on frame ``k`` at ``target`` fps."""
        return cls(source / target, Fraction(0))

    @classmethod
    def through(cls, old: Sequence[int], new: Sequence[int]) -> LinearMap:
        """A shift through one point, or the line through two."""
        if len(old) == 1:
            return cls.shift(new[0] - old[0])
        if len(old) != 2:
            raise UsageError("`sync` takes one or two points", parameter="sync")
        if old[0] == old[1]:
            raise UsageError("the two `sync` points need different old times", parameter="sync")
        factor = Fraction(new[1] - new[0], old[1] - old[0])
        if factor <= 0:
            raise UsageError(
                "the two `sync` points would reverse time (swap them?)", parameter="sync"
            )
        return cls(factor, new[0] - factor * old[0])


def round_ms(value: Fraction) -> int:
    """Round a time to milliseconds, halves away from zero (the one rounding step)."""
    numerator, denominator = value.numerator, value.denominator
    if denominator == 1:
        return numerator
    if numerator >= 0:
        return (2 * numerator + denominator) // (2 * denominator)
    return -((-2 * numerator + denominator) // (2 * denominator))


@dataclass(frozen=True, slots=True)
class CueRange:
    """Which cues an operation applies to.

    ``first``/``last`` are 1-based cue positions in file order (inclusive);
    ``start_from``/``start_to`` select cues whose start, as read, is in
    ``[start_from, start_to)``. Unset bounds are open; all set bounds apply.

    >>> CueRange(first=2, last=3).selects(2, Cue(0, 1, "")), CueRange(start_to=5).selects(1, Cue(9, 10, ""))
    (True, False)
    """

    first: int | None = None
    last: int | None = None
    start_from: int | None = None
    start_to: int | None = None

    def selects(self, position: int, cue: Cue) -> bool:
        if self.first is not None and position < self.first:
            return False
        if self.last is not None and position > self.last:
            return False
        if self.start_from is not None and cue.start < self.start_from:
            return False
        return not (self.start_to is not None and cue.start >= self.start_to)

    @property
    def is_everything(self) -> bool:
        return self == CueRange()


_RANGE = re.compile(r"^\s*(\d*)\s*(?:(-)\s*(\d*))?\s*$")


def parse_cue_range(text: str) -> CueRange:
    """``A-B``, ``A-``, ``-B`` or ``N`` (1-based positions, inclusive).

    >>> parse_cue_range("3-7"), parse_cue_range("5-").last, parse_cue_range("4").first
    (CueRange(first=3, last=7, start_from=None, start_to=None), None, 4)
    """
    match = _RANGE.match(text)
    if match is None or not (match[1] or match[3]):
        raise UsageError(
            f"`cues` takes A-B, A-, -B or N (cue numbers from 1), not {text!r}", parameter="cues"
        )
    first = int(match[1]) if match[1] else None
    last = int(match[3]) if match[3] else (first if not match[2] else None)
    if first is not None and first < 1:
        raise UsageError("cue numbers start at 1")
    if first is not None and last is not None and last < first:
        raise UsageError(f"`cues` {text}: the range ends before it starts", parameter="cues")
    return CueRange(first=first, last=last)


@dataclass(frozen=True, slots=True)
class SyncPoint:
    """``OLD=NEW``: OLD is a time, ``#N`` (cue N's start) or ``last`` (the last cue's start)."""

    old: int | str
    new: int


def parse_sync(text: str, fps: Fraction | None = None) -> SyncPoint:
    """Read ``OLD=NEW``.

    >>> parse_sync("#1=00:03:40,000"), parse_sync("00:00:05,200=6s")
    (SyncPoint(old='#1', new=220000), SyncPoint(old=5200, new=6000))
    """
    if "=" not in text:
        raise UsageError(
            f"`sync` takes OLD=NEW (as in '#1=00:00:06,000'), not {text!r}", parameter="sync"
        )
    old_text, new_text = (part.strip() for part in text.split("=", 1))
    new = parse_time(new_text, fps)
    if old_text == "last":
        return SyncPoint("last", new)
    if old_text.startswith("#"):
        if not old_text[1:].isdigit() or int(old_text[1:]) < 1:
            raise UsageError(
                f"`sync`: {old_text!r} is not a cue number (#1 is the first)", parameter="sync"
            )
        return SyncPoint(old_text, new)
    return SyncPoint(parse_time(old_text, fps), new)


def _sync_old_time(track: Track, point: SyncPoint) -> int:
    if isinstance(point.old, int):
        return point.old
    cues = track.cues
    if not cues:
        raise UsageError("`sync` by cue number needs a file with cues", parameter="sync")
    if point.old == "last":
        return cues[-1].start
    number = int(point.old[1:])
    if number > len(cues):
        raise UsageError(f"`sync` {point.old}: the file has {len(cues)} cues", parameter="sync")
    return cues[number - 1].start


def sync_map(track: Track, points: Sequence[SyncPoint]) -> LinearMap:
    """The map that the ``--sync`` points define on ``track`` (its times as read)."""
    olds = [_sync_old_time(track, point) for point in points]
    return LinearMap.through(olds, [point.new for point in points])


def _snap_ms(value: Fraction, fps: Fraction) -> Fraction:
    frame = round_ms(value * fps / 1000)
    return Fraction(frame * 1000) / fps


def apply_map(
    track: Track,
    time_map: LinearMap,
    *,
    selection: CueRange | None = None,
    snap_fps: Fraction | None = None,
    clip: bool = False,
) -> Track:
    """Move the selected cues through ``time_map`` (then snap), rounding once.

    A time that ends up negative raises :class:`TimingError` unless ``clip``.
    """
    return _move(track, None, time_map, selection, snap_fps, clip)[0]


@collector_paused()
def _move(
    track: Track,
    base: Sequence[tuple[Fraction, Fraction]] | None,
    time_map: LinearMap,
    selection: CueRange | None,
    snap_fps: Fraction | None,
    clip: bool,
) -> tuple[Track, int, tuple[int, ...]]:
    """Apply ``time_map`` to ``base`` times (or the cue times) of the selected cues.

    Returns the track, how many cues were clipped at 0, and the positions of the
    cues that clipping left with no time on screen. It makes a new cue for each
    one moved, all lasting: the collector is paused.
    """
    cues = track.cues
    everything = selection is None or selection.is_everything
    scale_value, offset = time_map.scale, time_map.offset
    # Integer fast path: t' = (p*t + a) / q exactly, rounded once.
    denominator = scale_value.denominator * offset.denominator
    p = scale_value.numerator * offset.denominator
    a = offset.numerator * scale_value.denominator
    fast = base is None and snap_fps is None
    moved: list[Cue] = []
    clipped = 0
    emptied: list[int] = []
    for position, cue in enumerate(cues, start=1):
        if not everything and selection is not None and not selection.selects(position, cue):
            moved.append(cue)
            continue
        if fast:
            if denominator == 1:
                start, end = p * cue.start + a, p * cue.end + a
            else:
                start = _divide_round(p * cue.start + a, denominator)
                end = _divide_round(p * cue.end + a, denominator)
        else:
            if base is not None:
                exact_start, exact_end = base[position - 1]
            else:
                exact_start, exact_end = Fraction(cue.start), Fraction(cue.end)
            exact_start, exact_end = time_map(exact_start), time_map(exact_end)
            if snap_fps is not None:
                exact_start = _snap_ms(exact_start, snap_fps)
                exact_end = _snap_ms(exact_end, snap_fps)
            start, end = round_ms(exact_start), round_ms(exact_end)
        if start < 0 or end < 0:
            if not clip:
                raise _negative_time(track, position, cue, start)
            clipped += 1
            start, end = max(start, 0), max(end, 0)
            if end <= start:
                emptied.append(position)
        if end >= MAX_TIME_MS:
            raise _past_maximum(track, position, cue, end)
        moved.append(cue if start == cue.start and end == cue.end else _retimed(cue, start, end))
    return track.with_cues(moved), clipped, tuple(emptied)


def _cue_name(position: int, cue: Cue) -> str:
    """How an error names a cue: its position, and its identifier when it has one."""
    return f"cue {position}" + (f" ({cue.identifier})" if cue.identifier else "")


def _negative_time(track: Track, position: int, cue: Cue, start: int) -> TimingError:
    """The error for a cue moved before 0 without ``clip``; built apart from :func:`_move`
    so that its loop, which runs once per cue, stays short."""
    return TimingError(
        f"{_cue_name(position, cue)} would start at {format_srt_time(start)} after re-timing: "
        "pass `clip` to cut negative times at 0",
        file=track.source.path,
        line=cue.line_number,
        parameter="clip",
    )


def _past_maximum(track: Track, position: int, cue: Cue, end: int) -> TimingError:
    """The error for a cue moved past the largest time a subtitle file can write."""
    return TimingError(
        f"{_cue_name(position, cue)} would end at {end} ms after re-timing, past 99:59:59.999 "
        "(the most a subtitle time can say)",
        file=track.source.path,
        line=cue.line_number,
    )


_PLAIN_CUE = tuple(item.name for item in fields(Cue)) == (
    "start",
    "end",
    "text",
    "identifier",
    "settings",
    "source",
)


def _retimed(cue: Cue, start: int, end: int) -> Cue:
    """``cue.with_times(start, end)``, built directly while Cue has exactly these fields.

    ``dataclasses.replace`` costs about twice the constructor, and a shift of
    100,000 cues is measured against reading and writing them.
    """
    if _PLAIN_CUE:
        return Cue(start, end, cue.text, cue.identifier, cue.settings, cue.source)
    return cue.with_times(start, end)


def _divide_round(numerator: int, denominator: int) -> int:
    if numerator >= 0:
        return (2 * numerator + denominator) // (2 * denominator)
    return -((-2 * numerator + denominator) // (2 * denominator))


def shift(track: Track, ms: int, *, selection: CueRange | None = None, clip: bool = False) -> Track:
    """Every selected cue moved by ``ms`` milliseconds."""
    return apply_map(track, LinearMap.shift(ms), selection=selection, clip=clip)


def scale(
    track: Track,
    factor: Fraction,
    anchor: int = 0,
    *,
    selection: CueRange | None = None,
) -> Track:
    """Times stretched by ``factor`` around ``anchor``.

    >>> from captionkit.model import Cue
    >>> [c.start for c in scale(Track.from_cues([Cue(3000, 4000, "")]), Fraction(2), 1000)]
    [5000]
    """
    return apply_map(track, LinearMap.scaling(factor, anchor), selection=selection)


def convert_fps(
    track: Track, source: Fraction, target: Fraction, *, selection: CueRange | None = None
) -> Track:
    """Times of a file made for ``source`` fps, for the same frames played at ``target`` fps."""
    return apply_map(track, LinearMap.fps(source, target), selection=selection)


def snap(track: Track, fps: Fraction, *, selection: CueRange | None = None) -> Track:
    """Every time rounded to the nearest frame boundary at ``fps``.

    >>> from captionkit.model import Cue
    >>> [(c.start, c.end) for c in snap(Track.from_cues([Cue(1010, 2030, "")]), Fraction(25))]
    [(1000, 2040)]
    """
    return apply_map(track, LinearMap(), selection=selection, snap_fps=fps)


@dataclass(frozen=True, slots=True)
class RetimePlan:
    """Everything one ``retime`` run does; see the module doc for the order."""

    sync: tuple[SyncPoint, ...] = ()
    reference: Track | None = None
    #: A recording of the video: the cues follow its speech (offset, drift, cuts).
    audio: str | None = None
    fps: tuple[Fraction, Fraction] | None = None
    scale: Fraction | None = None
    anchor: int = 0
    shift: int = 0
    selection: CueRange = field(default_factory=CueRange)
    snap: Fraction | None = None
    clip: bool = False
    repair: Profile | None = None


@dataclass(frozen=True, slots=True)
class Moved:
    """A cue whose times changed: its 1-based position, identifier, line and times."""

    position: int
    identifier: str
    line: int | None
    old: tuple[int, int]
    new: tuple[int, int]


@dataclass(frozen=True, slots=True)
class RetimeResult:
    """The re-timed track and what happened to it."""

    track: Track
    moved: tuple[Moved, ...]
    time_map: LinearMap
    steps: tuple[str, ...]
    reference: ReferenceFit | None = None
    audio: AudioSync | None = None
    shortfalls: tuple[Shortfall, ...] = ()
    clipped: int = 0
    #: Positions (from 1) of the cues that clipping at 0 left with no time on screen.
    emptied: tuple[int, ...] = ()


def _describe(plan: RetimePlan, base_map: LinearMap) -> list[str]:
    steps: list[str] = []
    if plan.audio is not None:
        steps.append("audio")
    elif plan.reference is not None:
        steps.append("reference")
    elif plan.sync:
        steps.append(f"sync (scale {base_map.scale}, offset {float(base_map.offset):g} ms)")
    if plan.fps is not None:
        steps.append(f"fps {plan.fps[0]}:{plan.fps[1]}")
    if plan.scale is not None:
        steps.append(f"scale {plan.scale} around {plan.anchor} ms")
    if plan.shift:
        steps.append(f"shift {plan.shift} ms")
    if not plan.selection.is_everything:
        steps.append("range")
    if plan.snap is not None:
        steps.append(f"snap {plan.snap} fps")
    if plan.clip:
        steps.append("clip")
    if plan.repair is not None:
        steps.append(f"repair ({plan.repair.name})")
    return steps


def retime(track: Track, plan: RetimePlan) -> RetimeResult:
    """Run ``plan`` on ``track`` in the documented order; report what moved."""
    deciders = [
        name
        for name, given in (
            ("audio", plan.audio),
            ("reference", plan.reference),
            ("sync", plan.sync),
        )
        if given
    ]
    if len(deciders) > 1:
        raise UsageError(
            f"`{deciders[0]}` and `{deciders[1]}` both decide the timing: give one of them",
            parameter=deciders[1],
        )
    base_map = sync_map(track, plan.sync) if plan.sync else LinearMap()
    time_map = base_map
    if plan.fps is not None:
        time_map = time_map.then(LinearMap.fps(*plan.fps))
    if plan.scale is not None:
        if plan.scale <= 0:
            raise InvalidValue("scale", plan.scale, "positive")
        time_map = time_map.then(LinearMap.scaling(plan.scale, plan.anchor))
    if plan.shift:
        time_map = time_map.then(LinearMap.shift(plan.shift))
    fit: ReferenceFit | None = None
    base: list[tuple[Fraction, Fraction]] | None = None
    if plan.reference is not None:
        # numpy (the ``reference`` extra) is imported only when a reference is given
        from captionkit.retime.refsync import fit_reference

        fit = fit_reference(track, plan.reference)
        base = [(Fraction(start), Fraction(end)) for start, end in fit.times]
    heard: AudioSync | None = None
    if plan.audio is not None:
        from captionkit.audio import sync_track

        heard = sync_track(track, plan.audio)
        base = [(Fraction(start), Fraction(end)) for start, end in heard.times]
    new_track, clipped, emptied = _move(track, base, time_map, plan.selection, plan.snap, plan.clip)
    shortfalls: tuple[Shortfall, ...] = ()
    if plan.repair is not None:
        repaired = repair(new_track, plan.repair)
        new_track, shortfalls = repaired.track, repaired.shortfalls
    return RetimeResult(
        track=new_track,
        moved=moved_cues(track, new_track),
        time_map=time_map,
        steps=tuple(_describe(plan, base_map)),
        reference=fit,
        audio=heard,
        shortfalls=shortfalls,
        clipped=clipped,
        emptied=emptied,
    )


def moved_cues(before: Track, after: Track) -> tuple[Moved, ...]:
    """The cues whose times differ between two versions of a track, by position.

    When repair reordered cues, a cue is matched to itself by identity of its
    source block, so each entry compares a cue with its own old times.
    """
    old_cues = before.cues
    by_source = {id(cue.source): cue for cue in old_cues if cue.source is not None}
    changes: list[Moved] = []
    for position, (old_slot, cue) in enumerate(zip(old_cues, after.cues, strict=True), start=1):
        old = by_source.get(id(cue.source), old_slot) if cue.source is not None else old_slot
        if (old.start, old.end) != (cue.start, cue.end):
            changes.append(
                Moved(
                    position,
                    cue.identifier,
                    cue.line_number,
                    (old.start, old.end),
                    (cue.start, cue.end),
                )
            )
    return tuple(changes)


def parse_factor(text: str) -> Fraction:
    """A scale factor: ``1.0427``, ``25/24`` or a ratio of rates such as ``25/23.976``.

    >>> parse_factor("1.5"), parse_factor("25/23.976")
    (Fraction(3, 2), Fraction(1001, 960))
    """
    cleaned = text.strip()
    try:
        return Fraction(cleaned)
    except (ValueError, ZeroDivisionError):
        pass
    if cleaned.count("/") == 1:
        from captionkit.timecode import parse_fps

        top, bottom = cleaned.split("/")
        try:
            return parse_fps(top) / parse_fps(bottom)
        except UsageError:
            pass
    raise UsageError(f"not a scale factor: {text!r} (try 1.0427, 25/24 or 25/23.976)")


def parse_fps_change(text: str) -> tuple[Fraction, Fraction] | Fraction:
    """``FROM:TO`` (a conversion) or a single rate (for counting frames).

    >>> parse_fps_change("25:23.976")
    (Fraction(25, 1), Fraction(24000, 1001))
    """
    from captionkit.timecode import parse_fps

    if ":" in text:
        source, target = text.split(":", 1)
        return parse_fps(source), parse_fps(target)
    return parse_fps(text)


def timing_diff(before: str, after: str, name: str) -> str:
    """A unified diff of the timing lines (the lines with ``-->``) of two texts of a file.

    >>> print(timing_diff("1\\n00:00:01,000 --> 00:00:02,000\\nhi\\n",
    ...                   "1\\n00:00:02,000 --> 00:00:03,000\\nhi\\n", "a.srt"), end="")
    --- a.srt
    +++ a.srt (re-timed)
    @@ -2 +2 @@
    -00:00:01,000 --> 00:00:02,000
    +00:00:02,000 --> 00:00:03,000
    """
    old_lines = before.splitlines()
    new_lines = after.splitlines()
    out = [f"--- {name}", f"+++ {name} (re-timed)"]
    if len(old_lines) == len(new_lines):
        for number, (old, new) in enumerate(zip(old_lines, new_lines, strict=True), start=1):
            if old != new and ("-->" in old or "-->" in new):
                out += [f"@@ -{number} +{number} @@", f"-{old}", f"+{new}"]
    else:
        import difflib

        for line in difflib.unified_diff(old_lines, new_lines, n=0, lineterm=""):
            if line.startswith(("---", "+++")):
                continue
            if line.startswith("@@") or "-->" in line:
                out.append(line)
    return "\n".join(out) + "\n" if len(out) > 2 else ""


def result_json(
    result: RetimeResult, *, input_name: str, output_name: str | None
) -> dict[str, object]:
    """The ``--format json`` report: stable keys, cue numbers from 1, times in ms."""
    cues = result.track.cues
    report: dict[str, object] = {
        "input": input_name,
        "output": output_name,
        "cues": len(cues),
        "moved": len(result.moved),
        "steps": list(result.steps),
        "map": {
            "scale": str(result.time_map.scale),
            "offset_ms": float(result.time_map.offset),
        },
        "reference": None,
        "clipped": result.clipped,
        "emptied_by_clip": list(result.emptied),
        "shortfalls": [
            {
                "cue": item.cue,
                "id": item.identifier,
                "line": item.line,
                "rule": item.rule,
                "needed_ms": item.needed_ms,
                "got_ms": item.got_ms,
            }
            for item in result.shortfalls
        ],
        "changes": [
            {
                "cue": item.position,
                "id": item.identifier,
                "line": item.line,
                "start": [item.old[0], item.new[0]],
                "end": [item.old[1], item.new[1]],
            }
            for item in result.moved
        ],
    }
    if result.audio is not None:
        report["audio"] = _audio_json(result.audio)
    if result.reference is not None:
        report["reference"] = _reference_json(result.reference)
    return report


def _audio_json(heard: AudioSync) -> dict[str, object]:
    """The ``audio`` part of :func:`result_json`: the overall offset and scale, each
    piece between the cuts found in the recording (cue numbers from 1), and how well
    the cues agreed with the speech before and after."""
    return {
        "offset_ms": heard.offset_ms,
        "scale": heard.scale,
        "pieces": [
            {
                "first_cue": piece.first + 1,
                "last_cue": piece.stop,
                "offset_ms": piece.offset_ms,
                "scale": piece.scale,
                "placed": piece.placed,
            }
            for piece in heard.pieces
        ],
        "speech_agreement_before": round(heard.agreement_before, 4),
        "speech_agreement_after": round(heard.agreement_after, 4),
    }


def _reference_json(fit: ReferenceFit) -> dict[str, object]:
    """The ``reference`` part of :func:`result_json`: the fitted segments (cue numbers
    from 1), and the cues the fit could not place or did not use."""
    return {
        "segments": [
            {
                "first_cue": segment.first + 1,
                "last_cue": segment.last + 1,
                "scale": segment.scale,
                "offset_ms": segment.offset,
                "matched": segment.matched,
            }
            for segment in fit.segments
        ],
        "matched": len(fit.pairs),
        "unplaced": [index + 1 for index in fit.unplaced],
        "unused_reference_cues": fit.unused,
    }
