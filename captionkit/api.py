"""The public Python API: one function a job, with the command line's defaults.

``captionkit.make``, ``retime``, ``check``, ``fix`` and ``align`` are these
functions (``captionkit`` imports this module only when one is first used, so
``import captionkit`` stays light). Each does what its command does, and gives
the same bytes for the same input: the command line parses its options, calls
the function, and writes the result.

One difference: the command line also reads ``[tool.captionkit]`` of the nearest
``pyproject.toml``; the library never reads files it was not given. Pass
``profile=captionkit.profiles.resolve_profile(None)`` to get the same profile.

>>> from captionkit.model import Cue, Track
>>> result = retime(Track.from_cues([Cue(1000, 2000, "a")]), shift="1.5s")
>>> [(cue.start, cue.end) for cue in result.track.cues]
[(2500, 3500)]
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from captionkit.align.sources import Timestamps, read_timestamps
from captionkit.check.engine import check_track
from captionkit.check.fix import Change, fix_track
from captionkit.check.registry import parse_severities, select_rules
from captionkit.check.report import FileReport
from captionkit.formats import read, to_bytes
from captionkit.make import MakeResult, WordTimes, make
from captionkit.make.words import align as align_words
from captionkit.model import Format, Track
from captionkit.profiles import Profile, load_profile
from captionkit.retime import RetimeResult
from captionkit.retime import retime as run_plan
from captionkit.retime.options import plan_from_text

__all__ = [
    "CheckResult",
    "FixResult",
    "MakeResult",
    "RetimeResult",
    "WordTimes",
    "align",
    "check",
    "fix",
    "make",
    "retime",
]

#: ``check``'s result: the findings of one track (``captionkit.check.report.FileReport``).
CheckResult = FileReport

Time = int | str
"""A time: integer milliseconds, or text as the command line takes it (``1.5s``, ``00:01:02,500``)."""


def _profile(profile: Profile | str | None) -> Profile:
    return profile if isinstance(profile, Profile) else load_profile(profile)


def _time_text(value: Time | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return f"{value}ms"


def _track(source: Track | str | os.PathLike[str], encoding: str | None) -> Track:
    return source if isinstance(source, Track) else read(source, encoding=encoding)


def retime(
    track: Track,
    *,
    shift: Time | None = None,
    scale: str | float | Fraction | None = None,
    anchor: Time = 0,
    fps: str | None = None,
    sync: Sequence[str] = (),
    reference: Track | None = None,
    start_from: Time | None = None,
    start_to: Time | None = None,
    cues: str | None = None,
    snap: str | None = None,
    clip: bool = False,
    repair: Profile | str | bool = False,
) -> RetimeResult:
    """Move a track's timings as ``captionkit retime`` does, in its documented order.

    Values are what the options take (``shift="1.5s"``, ``fps="25:23.976"``,
    ``sync=["#1=00:03:40,000"]``); integer times are milliseconds. ``repair`` is
    True (the default profile), a profile name or a :class:`Profile`.
    The result's ``track`` is written as the command writes it: ``to_bytes(result.track)``.
    """
    plan = plan_from_text(
        shift=_time_text(shift),
        scale=str(scale) if scale is not None else None,
        anchor=_time_text(anchor) or "0",
        fps=fps,
        sync=list(sync),
        reference=reference,
        start_from=_time_text(start_from),
        start_to=_time_text(start_to),
        cues=cues,
        snap=snap,
        clip=clip,
        repair=None if repair is False else _profile(None if repair is True else repair),
    )
    return run_plan(track, plan)


def check(
    source: Track | str | os.PathLike[str],
    *,
    profile: Profile | str | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Mapping[str, str] | Sequence[str] = (),
    encoding: str | None = None,
) -> CheckResult:
    """The findings of ``captionkit check`` on a track or a file.

    ``select`` and ``ignore`` take rule ids or prefixes (``rtl-``); ``severity``
    maps rule ids to ``error``, ``warning`` or ``info``. A file that cannot be read
    raises its error (the command reports it and goes on to the next file).
    ``captionkit.check.report.report_json(result)`` is the command's ``--format json``.
    """
    track = _track(source, encoding)
    rules = select_rules(select, ignore)
    levels = parse_severities(
        severity if isinstance(severity, Mapping) else [item for item in severity]
    )
    findings = check_track(track, _profile(profile), rules, levels)
    name = str(source) if not isinstance(source, Track) else (track.source.path or "<track>")
    skipped = tuple((block.line, block.reason) for block in track.skipped)
    return FileReport(name, len(track), tuple(findings), cue_values=track.cues, skipped=skipped)


@dataclass(frozen=True, slots=True)
class FixResult:
    """What :func:`fix` repaired: the new track and one :class:`Change` a repair."""

    track: Track
    changes: tuple[Change, ...]

    def to_bytes(self, format: Format | None = None) -> bytes:
        """The fixed file's bytes, as ``captionkit fix -o OUT`` writes them."""
        return to_bytes(self.track, format or self.track.format)


def fix(
    track: Track,
    *,
    rules: Sequence[str] = (),
    profile: Profile | str | None = None,
    rtl: str | None = None,
    unsafe: bool = False,
) -> FixResult:
    """Repair what ``check`` finds and can repair safely, as ``captionkit fix`` does.

    ``rules`` (ids or prefixes, like ``--rule``) runs only those fixers, their
    unsafe ones included; ``unsafe`` allows re-breaking and the other unsafe
    fixes for every rule. ``rtl`` (``none``, ``marks``, ``embed``) sets the
    direction marks the repairs write; by default the file's own, or ``embed``
    after moving punctuation in a file that had none. Only fixed cues change.
    """
    chosen = select_rules(rules) if rules else select_rules()
    fixed, changes = fix_track(
        track, chosen, _profile(profile), rtl, named=bool(rules), unsafe=unsafe
    )
    return FixResult(fixed, tuple(changes))


def align(
    narration: str | bytes,
    timestamps: Timestamps | str | os.PathLike[str],
    *,
    timestamps_format: str | None = None,
    keep_all: bool = False,
) -> WordTimes:
    """Every narration word timed from supplied timestamps, as ``captionkit align`` does.

    ``narration`` is the script's text (or bytes); ``timestamps`` a file path or
    the value of :func:`captionkit.align.sources.loads_timestamps`.
    ``result.as_json()`` is the command's ``--format json`` document.
    """
    if not isinstance(timestamps, Timestamps):
        timestamps = read_timestamps(timestamps, timestamps_format)
    return align_words(narration, timestamps, keep_all=keep_all)
