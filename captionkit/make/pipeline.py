"""Narration text to a timed caption track: ingest, segment, time, report. One pipeline.

The timing is a strategy value (:mod:`captionkit.make.strategies`): a reading-speed
model by default, supplied timestamps, or the audio. The result holds the track in
logical order; direction marks are applied when it is written, per format
(:meth:`MakeResult.rendered`), with the same defaults as the command line.

>>> result = make("تقارير ظهرت مؤخرا\\nعن إرسال كوريا الشمالية")
>>> [cue.text for cue in result.track.cues]
['تقارير ظهرت مؤخرا عن إرسال كوريا الشمالية']
>>> result.report.cues, result.report.forced_bad_breaks
(1, ())
>>> result.rendered("srt").cues[0].text == "\\u202b" + result.track.cues[0].text + "\\u202c"
True
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any

from captionkit.errors import CaptionkitError
from captionkit.formats import format_from_path, read_input, to_bytes, write
from captionkit.make.ingest import Narration, ingest, ingest_text
from captionkit.make.report import AlignReport, MakeReport, build_report
from captionkit.make.segment import segment
from captionkit.make.strategies import SpeechRate, TimingStrategy
from captionkit.make.timing import timing_problems
from captionkit.model import Cue, Format, Track
from captionkit.profiles import Profile, load_profile
from captionkit.text.bidi import render_text
from captionkit.text.rtl import RtlMode, rtl_mode_for

__all__ = [
    "MakeResult",
    "apply_rtl",
    "make",
    "make_file",
    "make_narration",
    "max_cue_chars",
    "read_narration",
]


#: A caption line holding ``-->`` reads as a timing line in SubRip and WebVTT; make writes
#: it with a space, which every player shows almost the same.
TIMING_ARROW = "-->"
CARRIED_ARROW = "-- >"


def apply_rtl(track: Track, mode: RtlMode | str) -> Track:
    """The same track with an RTL render mode applied to every line of every cue."""
    if mode == RtlMode.NONE:
        return track
    return track.with_cues([cue.with_text(render_text(cue.text, mode)) for cue in track.cues])


def max_cue_chars(profile: Profile, rate: float) -> int:
    """The most visible characters a cue may hold so that it is spoken within the maximum duration."""
    return max(1, int(rate * profile.max_duration_ms / 1000))


@dataclass(frozen=True, slots=True)
class MakeResult:
    """What :func:`make` made: the logical track, its report and, for timestamps, the alignment."""

    track: Track
    report: MakeReport
    alignment: AlignReport | None = None

    def rendered(self, format: Format, rtl: RtlMode | str | None = None) -> Track:
        """The track as written in ``format``: ``rtl`` or the format's default RTL mode."""
        return apply_rtl(self.track, rtl_mode_for(format, rtl))

    def to_bytes(self, format: Format = "srt", rtl: RtlMode | str | None = None) -> bytes:
        """The bytes of the captions in ``format`` (UTF-8), as the command line writes them."""
        return to_bytes(self.rendered(format, rtl), format, encoding="utf-8")

    def write(self, path: str | os.PathLike[str], rtl: RtlMode | str | None = None) -> None:
        """Write the captions atomically in the format the path's extension names."""
        format = format_from_path(path)
        if format is None:
            raise CaptionkitError(
                "cannot tell the caption format from the name: use .srt, .vtt, .ass, .ttml or .json",
                file=str(path),
            )
        write(self.rendered(format, rtl), path, format, encoding="utf-8")

    def as_json(self) -> dict[str, Any]:
        """The report with the captions (``make --format json``)."""
        document = self.report.as_json()
        if self.alignment is not None:
            document["alignment"] = self.alignment.as_json()
        document["captions"] = [
            {"start": cue.start, "end": cue.end, "text": cue.text} for cue in self.track.cues
        ]
        return document


def make_narration(
    narration: Narration,
    profile: Profile | None = None,
    timing: TimingStrategy | None = None,
) -> MakeResult:
    """Caption an ingested narration: the one make pipeline."""
    profile = profile or load_profile()
    timing = timing or SpeechRate()
    words = narration.words
    if not words:
        raise CaptionkitError("the script has no narration words")
    prepared = timing.prepare(narration)
    layouts = segment(
        words,
        profile,
        prepared.boundary_bonus,
        line_ends=narration.line_ends,
        max_cue_chars=max_cue_chars(profile, prepared.rate),
    )
    texts = [layout.text(words) for layout in layouts]
    groups = [(layout.start, layout.stop) for layout in layouts]
    times, alignment = prepared.place(groups, texts, profile)
    carried = [text.replace(TIMING_ARROW, CARRIED_ARROW) for text in texts]
    cues = [Cue(start, end, text) for (start, end), text in zip(times, carried, strict=True)]
    problems = timing_problems(cues, profile)
    report = build_report(narration, layouts, cues, problems, profile)
    arrows = [number for number, text in enumerate(texts, 1) if TIMING_ARROW in text]
    if arrows:
        numbers = ", ".join(str(number) for number in arrows)
        note = (
            f"'{TIMING_ARROW}' in the script is written '{CARRIED_ARROW}' (cues {numbers}): "
            "SubRip and WebVTT read it as a timing line"
        )
        report = replace(report, notes=(*report.notes, note))
    return MakeResult(Track.from_cues(cues, format="srt"), report, alignment)


def make(
    text: str | bytes,
    *,
    profile: Profile | str | None = None,
    timing: TimingStrategy | None = None,
    keep_all: bool = False,
    file: str | None = None,
) -> MakeResult:
    """Caption a narration script given as text or bytes (bytes are decoded as files are).

    ``profile`` is a :class:`~captionkit.profiles.Profile` or a profile name
    (default ``arabic``); ``timing`` a strategy (default: the reading-speed model);
    ``keep_all`` keeps titles, hashtags and player labels as narration.
    """
    if isinstance(text, bytes):
        narration = ingest(text, keep_all=keep_all, file=file)
    else:
        narration = ingest_text(text, keep_all=keep_all)
    if not narration.tokens:
        raise CaptionkitError("the script has no narration words", file=file)
    chosen = profile if isinstance(profile, Profile) else load_profile(profile)
    try:
        return make_narration(narration, chosen, timing)
    except CaptionkitError as error:
        raise error.located(file) from None


def make_file(
    path: str | os.PathLike[str],
    *,
    profile: Profile | str | None = None,
    timing: TimingStrategy | None = None,
    keep_all: bool = False,
) -> MakeResult:
    """Caption the narration script in a file (``-`` is standard input)."""
    return make(read_input(path), profile=profile, timing=timing, keep_all=keep_all, file=str(path))


def read_narration(path: str | os.PathLike[str], *, keep_all: bool = False) -> Narration:
    """Ingest a narration script file (``-`` is standard input) as :func:`make_file` does."""
    narration = ingest(read_input(path), keep_all=keep_all, file=str(path))
    if not narration.tokens:
        raise CaptionkitError("the script has no narration words", file=str(path))
    return narration
