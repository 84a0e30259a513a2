"""``make --timestamps``: the make pipeline with cue times taken from the voice.

The steps are make's own (ingest, segmentation, RTL rendering, report), with
two changes: the segmentation gets a bonus for ending cues at the pauses the
alignment measured, and the cue times come from the words' times
(:func:`captionkit.align.cues.cue_times`) instead of the reading-speed model.

>>> from captionkit.align.sources import loads_timestamps
>>> from captionkit.narration import ingest_text
>>> from captionkit.profiles import load_profile
>>> stamps = loads_timestamps("0.5,1.0,كوريا\\n1.0,1.6,الشمالية\\n", "csv")
>>> track, report, aligned = make_with_timestamps(
...     ingest_text("كوريا الشمالية"), stamps, load_profile())
>>> [(cue.start, cue.text) for cue in track.cues], aligned.matched_share
([(500, 'كوريا الشمالية')], 1.0)
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from captionkit.align.aligner import Alignment, align_narration
from captionkit.align.cues import FEW_WORDS, CueTiming, cue_times, pause_bonus
from captionkit.align.sources import Timestamps
from captionkit.errors import CaptionkitError, UsageError
from captionkit.model import Cue, Track
from captionkit.narration import Narration
from captionkit.profiles import Profile

__all__ = [
    "AlignReport",
    "align_file",
    "check_make_options",
    "line_starts_of",
    "make_file_with_timestamps",
    "make_with_timestamps",
    "read_narration",
]


@dataclass(frozen=True, slots=True)
class AlignReport:
    """How the captions were timed: the share of words matched, overall and per cue."""

    timestamps_file: str | None
    timestamps_format: str
    level: str
    source_words: int
    words: int
    matched: int
    cues: tuple[CueTiming, ...]
    scored: int = -1

    @property
    def matched_share(self) -> float:
        """The share of narration words (punctuation alone left out) a recognizer word timed."""
        total = self.scored if self.scored >= 0 else self.words
        return self.matched / total if total else 0.0

    @property
    def flagged(self) -> tuple[int, ...]:
        """1-based numbers of the cues timed by interpolation over more than a few words."""
        return tuple(number for number, cue in enumerate(self.cues, 1) if cue.flagged)

    def as_json(self) -> dict[str, Any]:
        """The stable JSON form (the ``alignment`` key of ``make --format json``)."""
        return {
            "timestamps": self.timestamps_file,
            "format": self.timestamps_format,
            "level": self.level,
            "timestamp_words": self.source_words,
            "words": self.words,
            "matched": self.matched,
            "matched_share": round(self.matched_share, 4),
            "interpolated_over": FEW_WORDS,
            "flagged_cues": list(self.flagged),
            "cues": [
                {
                    "cue": number,
                    "start": cue.start,
                    "end": cue.end,
                    "matched_share": cue.matched_share,
                    "interpolated_run": cue.interpolated_run,
                    "flagged": cue.flagged,
                    "shortfall": cue.shortfall or None,
                }
                for number, cue in enumerate(self.cues, 1)
            ],
        }


def line_starts_of(narration: Narration) -> list[int]:
    """Indices of the words that start a line of the script."""
    count = len(narration.tokens)
    return sorted({0} | {end + 1 for end in narration.line_ends if end + 1 < count})


def _speaking_rate(alignment: Alignment) -> float:
    """Visible characters a second over the whole narration, pauses included."""
    words = alignment.words
    span = words[-1].end - words[0].start
    characters = sum(len(word.word) + 1 for word in words)
    return characters * 1000 / span if span > 0 else 14.0


def make_with_timestamps(
    narration: Narration,
    timestamps: Timestamps,
    profile: Profile,
    *,
    rtl: str = "none",
    min_matched_share: float | None = None,
) -> tuple[Track, Any, AlignReport]:
    """Caption a narration timed by ``timestamps``: the track, make's report, the alignment report."""
    from captionkit.make import apply_rtl, build_report, max_cue_chars
    from captionkit.segment import segment
    from captionkit.timing import timing_problems

    words = narration.words
    if not words:
        raise CaptionkitError("the script has no narration words")
    options: dict[str, Any] = {}
    if min_matched_share is not None:
        options["min_matched_share"] = min_matched_share
    alignment = align_narration(words, timestamps, line_starts=line_starts_of(narration), **options)
    layouts = segment(
        words,
        profile,
        pause_bonus(alignment.words),
        line_ends=narration.line_ends,
        max_cue_chars=max_cue_chars(profile, _speaking_rate(alignment)),
    )
    texts = [layout.text(words) for layout in layouts]
    groups = [(layout.start, layout.stop) for layout in layouts]
    timings = cue_times(alignment.words, groups, profile, texts)
    logical = [Cue(t.start, t.end, text) for t, text in zip(timings, texts, strict=True)]
    problems = timing_problems(logical, profile)
    track = apply_rtl(Track.from_cues(logical), rtl)
    report = build_report(narration, layouts, logical, problems, profile)
    aligned = AlignReport(
        timestamps_file=timestamps.file,
        timestamps_format=timestamps.format,
        level=timestamps.level,
        source_words=alignment.source_words or len(timestamps.line_starts),
        words=len(alignment.words),
        matched=alignment.matched,
        cues=tuple(timings),
        scored=alignment.scored,
    )
    return track, report, aligned


def read_narration(path: str, *, keep_all: bool = False) -> Narration:
    """Ingest a narration script file (``-`` is standard input) as make does."""
    import sys
    from pathlib import Path

    from captionkit.narration import ingest

    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise CaptionkitError("no such file", file=path) from None
        except OSError as error:
            raise CaptionkitError(f"cannot read: {error.strerror}", file=path) from None
    narration = ingest(data, keep_all=keep_all, file=path)
    if not narration.tokens:
        raise CaptionkitError("the script has no narration words", file=path)
    return narration


def make_file_with_timestamps(
    narration_path: str,
    timestamps_path: str,
    profile: Profile,
    *,
    timestamps_format: str | None = None,
    rtl: str = "none",
    keep_all: bool = False,
) -> tuple[Track, Any, AlignReport]:
    """``make NARRATION --timestamps FILE``: read both files and caption."""
    from captionkit.align.sources import read_timestamps

    narration = read_narration(narration_path, keep_all=keep_all)
    stamps = read_timestamps(timestamps_path, timestamps_format)
    return make_with_timestamps(narration, stamps, profile, rtl=rtl)


def align_file(
    narration_path: str,
    timestamps_path: str,
    *,
    timestamps_format: str | None = None,
    keep_all: bool = False,
) -> dict[str, Any]:
    """``align NARRATION --timestamps FILE``: every word's time, as a JSON document.

    Each line of the script is reported like a cue: its matched share and the
    longest run of interpolated words; lines timed by interpolation over more
    than a few words are listed in ``flagged_lines``.
    """
    from captionkit.align.sources import read_timestamps

    narration = read_narration(narration_path, keep_all=keep_all)
    stamps = read_timestamps(timestamps_path, timestamps_format)
    starts = line_starts_of(narration)
    alignment = align_narration(narration.words, stamps, line_starts=starts)
    bounds = [*starts, len(narration.words)]
    groups = list(itertools.pairwise(bounds))
    lines = cue_times(alignment.words, groups)
    numbers = [narration.tokens[first].line for first in starts]
    return {
        "narration": narration_path,
        "timestamps": timestamps_path,
        "format": stamps.format,
        "level": stamps.level,
        "timestamp_words": alignment.source_words,
        "word_count": len(alignment.words),
        "matched": alignment.matched,
        "matched_share": round(alignment.matched_share, 4),
        "interpolated_over": FEW_WORDS,
        "flagged_lines": [n for n, line in zip(numbers, lines, strict=True) if line.flagged],
        "lines": [
            {
                "line": number,
                "start": line.start,
                "end": line.end,
                "matched_share": line.matched_share,
                "interpolated_run": line.interpolated_run,
                "flagged": line.flagged,
            }
            for number, line in zip(numbers, lines, strict=True)
        ],
        "words": [
            {
                "index": word.position,
                "word": word.word,
                "start": word.start,
                "end": word.end,
                "status": word.status,
                "similarity": word.similarity,
            }
            for word in alignment.words
        ],
    }


def check_make_options(duration: str | None, start: str, rate: float | None = None) -> None:
    """``--duration``, ``--start`` and ``--rate`` drive the speech model; with timestamps
    they would be ignored, so they are refused instead.
    """
    if rate is not None:
        raise UsageError("--rate and --timestamps both set the timing: choose one")
    if duration is not None:
        raise UsageError("--duration and --timestamps both set the timing: choose one")
    if start.strip() not in ("0", "", "0s", "0:00"):
        raise UsageError("--start and --timestamps both set the timing: choose one")
