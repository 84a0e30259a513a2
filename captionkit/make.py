"""Narration text to a timed caption track: ingest, segment, time, render, and a report.

>>> from captionkit.profiles import load_profile
>>> track, report = make_track("تقارير ظهرت مؤخرا\\nعن إرسال كوريا الشمالية", load_profile())
>>> [cue.text for cue in track.cues]
['تقارير ظهرت مؤخرا عن إرسال كوريا الشمالية']
>>> report.cues, report.forced_bad_breaks
(1, ())
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from captionkit.errors import CaptionkitError, UsageError
from captionkit.model import Cue, Track
from captionkit.narration import DroppedLine, Narration, ingest, ingest_text
from captionkit.profiles import Profile
from captionkit.segment import CueLayout, breaks, segment
from captionkit.text.linebreak import visible_length
from captionkit.timing import (
    DEFAULT_RATE,
    SpokenWord,
    TimingProblem,
    cue_cps,
    place_cues,
    speech_times,
    timing_problems,
)

RTL_MODES = ("none", "marks", "embed", "visual")

#: The ``--rtl`` mode each output format gets when none is asked for, decided from
#: rendered evidence (README, "RTL modes: rendered evidence";
#: ``captionkit.render.evidence``): libass starts every SubRip line left to right,
#: so logical text puts an Arabic line's full stop at its right end, and only an
#: RLE ... PDF embedding per line is right on every test line in libass and in
#: Chromium. Chromium, which runs the bidi algorithm on WebVTT, is right with
#: plain text except on a line that starts with a Latin word; the embedding is
#: right there too, so WebVTT gets it as well. ``tests/test_render_evidence.py``
#: pins both from the pixels.
DEFAULT_RTL_MODES: dict[str, str] = {"srt": "embed", "vtt": "embed"}


def rtl_mode_for(format: str, requested: str | None) -> str:
    """The RTL mode to write ``format`` with: the one asked for, else the format's default."""
    mode = requested if requested is not None else DEFAULT_RTL_MODES[format]
    if mode not in RTL_MODES:
        raise UsageError(f"--rtl must be one of {', '.join(RTL_MODES)}, not {mode!r}")
    return mode


def apply_rtl(track: Track, mode: str) -> Track:
    """The same track with an RTL render mode applied to every line of every cue."""
    if mode == "none":
        return track
    return track.with_cues([cue.with_text(render_lines(cue.text, mode)) for cue in track.cues])


@dataclass(frozen=True, slots=True)
class MakeOptions:
    """How to time and render: speech rate, start, a fixed length, the RTL mode, keep-all."""

    rate: float = DEFAULT_RATE
    start_ms: int = 0
    duration_ms: int | None = None
    rtl: str = "none"
    keep_all: bool = False


@dataclass(frozen=True, slots=True)
class BadBreak:
    """A break the segmenter had to make in the middle of a unit (cue 1-based)."""

    cue: int
    kind: str
    left: str
    right: str
    category: str


@dataclass(frozen=True, slots=True)
class MakeReport:
    """What ``make`` did, for the summary on stderr and ``--format json``.

    ``bad_breaks_avoided`` counts the script's own line ends that fall inside a
    unit (a construct, a name, after a binding word ...) and that the captions do
    not break at; ``forced_bad_breaks`` lists the breaks that had to fall inside one.
    """

    cues: int
    words: int
    mean_cps: float
    max_cps: float
    lines_over_limit: int
    bad_breaks_avoided: int
    forced_bad_breaks: tuple[BadBreak, ...]
    dropped: tuple[DroppedLine, ...]
    timing_problems: tuple[TimingProblem, ...]
    profile: str
    duration_ms: int
    notes: tuple[str, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        """A stable JSON form (documented in the README)."""
        return {
            "cues": self.cues,
            "words": self.words,
            "mean_cps": round(self.mean_cps, 2),
            "max_cps": round(self.max_cps, 2),
            "lines_over_limit": self.lines_over_limit,
            "bad_breaks_avoided": self.bad_breaks_avoided,
            "bad_breaks_forced": [
                {
                    "cue": item.cue,
                    "kind": item.kind,
                    "left": item.left,
                    "right": item.right,
                    "category": item.category,
                }
                for item in self.forced_bad_breaks
            ],
            "dropped": [
                {"line": item.line, "text": item.text, "reason": item.reason}
                for item in self.dropped
            ],
            "timing_problems": [
                {"cue": item.cue, "rule": item.rule, "message": item.message}
                for item in self.timing_problems
            ],
            "profile": self.profile,
            "duration_ms": self.duration_ms,
            "notes": list(self.notes),
        }


def max_cue_chars(profile: Profile, rate: float) -> int:
    """The most visible characters a cue may hold so that it is spoken within the maximum duration."""
    return max(1, int(rate * profile.max_duration_ms / 1000))


def render_lines(text: str, mode: str) -> str:
    """Apply an RTL render mode to each line of a cue, after line breaking (DESIGN.md)."""
    if mode == "none":
        return text
    if mode not in RTL_MODES:
        raise UsageError(f"--rtl must be one of {', '.join(RTL_MODES)}, not {mode!r}")
    from captionkit.text.bidi import render_text

    return render_text(text, mode)  # type: ignore[arg-type]


def make_from_narration(
    narration: Narration,
    profile: Profile,
    options: MakeOptions | None = None,
    boundary_bonus: Sequence[float] | None = None,
) -> tuple[Track, MakeReport]:
    """Caption an ingested narration."""
    options = options or MakeOptions()
    if options.rate <= 0:
        raise UsageError(f"--rate must be positive, not {options.rate}")
    if options.duration_ms is not None and options.duration_ms <= 0:
        raise UsageError("--duration must be positive")
    if options.rtl not in RTL_MODES:
        raise UsageError(f"--rtl must be one of {', '.join(RTL_MODES)}, not {options.rtl!r}")
    words = narration.words
    spoken = [
        SpokenWord(token.text, token.sentence_end, token.phrase_end, token.line_end)
        for token in narration.tokens
    ]
    word_times = speech_times(
        spoken, options.rate, start_ms=options.start_ms, duration_ms=options.duration_ms
    )
    rate = options.rate
    if options.duration_ms is not None and spoken:
        natural = speech_times(spoken, options.rate)[-1][1]
        rate = options.rate * natural / options.duration_ms  # the pace the fit implies
    layouts = segment(
        words,
        profile,
        boundary_bonus,
        line_ends=narration.line_ends,
        max_cue_chars=max_cue_chars(profile, rate),
    )
    texts = [layout.text(words) for layout in layouts]
    anchors = [(word_times[layout.start][0], word_times[layout.stop - 1][1]) for layout in layouts]
    end_ms = options.start_ms + options.duration_ms if options.duration_ms is not None else None
    times = place_cues(texts, anchors, profile, start_ms=options.start_ms, end_ms=end_ms)
    logical = [Cue(start, end, text) for (start, end), text in zip(times, texts, strict=True)]
    problems = timing_problems(logical, profile)
    track = apply_rtl(Track.from_cues(logical, format="srt"), options.rtl)
    report = build_report(narration, layouts, logical, problems, profile)
    return track, report


def build_report(
    narration: Narration,
    layouts: Sequence[CueLayout],
    cues: Sequence[Cue],
    problems: Sequence[TimingProblem],
    profile: Profile,
) -> MakeReport:
    """The summary of a run (used by ``make`` and by ``make --timestamps``)."""
    words = narration.words
    made = breaks(words, layouts)
    cue_of_gap: dict[int, int] = {}
    for number, layout in enumerate(layouts, 1):
        for gap in range(layout.start, layout.stop):
            cue_of_gap[gap] = number
    forced = tuple(
        BadBreak(
            cue_of_gap[item.gap], item.kind, words[item.gap], words[item.gap + 1], item.category
        )
        for item in made
        if item.category is not None
    )
    broken = {item.gap for item in made}
    from captionkit.text.linebreak import bad_break_category

    avoided = sum(
        1
        for gap in narration.line_ends
        if gap + 1 < len(words)
        and gap not in broken
        and bad_break_category(words[gap], words[gap + 1]) is not None
    )
    speeds = [cue_cps(cue) for cue in cues]
    over = sum(
        1
        for cue in cues
        for line in cue.text.split("\n")
        if visible_length(line) > profile.max_chars_per_line
    )
    notes: list[str] = []
    if problems:
        rules = sorted({problem.rule for problem in problems})
        notes.append(
            f"{len(problems)} timing rule(s) could not hold ({', '.join(rules)}): "
            "the text needs more time than it was given"
        )
    return MakeReport(
        cues=len(cues),
        words=len(words),
        mean_cps=sum(speeds) / len(speeds) if speeds else 0.0,
        max_cps=max(speeds, default=0.0),
        lines_over_limit=over,
        bad_breaks_avoided=avoided,
        forced_bad_breaks=forced,
        dropped=narration.dropped,
        timing_problems=tuple(problems),
        profile=profile.name,
        duration_ms=(cues[-1].end - cues[0].start) if cues else 0,
        notes=tuple(notes),
    )


def make_track(
    text: str | bytes,
    profile: Profile,
    options: MakeOptions | None = None,
    *,
    file: str | None = None,
    boundary_bonus: Sequence[float] | None = None,
) -> tuple[Track, MakeReport]:
    """Caption a narration script given as text or bytes."""
    options = options or MakeOptions()
    if isinstance(text, bytes):
        narration = ingest(text, keep_all=options.keep_all, file=file)
    else:
        narration = ingest_text(text, keep_all=options.keep_all)
    if not narration.tokens:
        raise CaptionkitError("the script has no narration words", file=file)
    return make_from_narration(narration, profile, options, boundary_bonus)


def make_file(
    path: str | os.PathLike[str], profile: Profile, options: MakeOptions | None = None
) -> tuple[Track, MakeReport]:
    """Caption the narration script in a file (``-`` is standard input)."""
    from captionkit.formats import read_input

    return make_track(read_input(path), profile, options, file=str(path))
