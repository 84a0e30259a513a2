"""What the review site shows of one subtitle file, gathered in one picklable value.

:func:`review_file` is the per-file function of a review run: it reads the file, checks
it, computes the safe fixes and their diff, writes the WebVTT tracks the video plays
(captionkit's RTL output of the file as it is, and of the fixed file), and draws the
cue previews asked for with libass. It runs in a worker process or on a Dask worker
(:mod:`captionkit.batch`), so everything it returns is plain data: strings, numbers,
bytes. A file that cannot be read is a review with ``error`` set, shown on the
catalogue page as the worst kind of file.
"""

from __future__ import annotations

import difflib
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from captionkit.check.model import Rule, Severity
from captionkit.errors import CaptionkitError
from captionkit.formats import dumps, read
from captionkit.model import Track
from captionkit.profiles import Profile

PreviewChoice = Literal["none", "flagged", "all"]
VIDEO_SUFFIXES: tuple[str, ...] = (".webm", ".mp4", ".m4v", ".ogv", ".mov", ".mkv")
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class CueRow:
    """One cue as the page lists it: number (from 1), times in ms, text as read."""

    number: int
    start: int
    end: int
    text: str
    file_line: int | None


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One finding as the page shows it beside its cue."""

    rule: str
    severity: Severity
    cue: int
    message: str
    fix: str | None
    file_line: int | None


@dataclass(frozen=True, slots=True)
class FileReview:
    """Everything the site shows of one file (``error`` set when it could not be read)."""

    index: int
    path: str
    name: str
    format: str = ""
    error: str | None = None
    cues: tuple[CueRow, ...] = ()
    findings: tuple[FindingRow, ...] = ()
    vtt: str = ""
    fixed_vtt: str = ""
    diff: str = ""
    fixes: int = 0
    video: str | None = None
    previews: dict[int, bytes] = field(default_factory=dict)

    def counts(self) -> Counter[str]:
        """Findings by rule."""
        return Counter(finding.rule for finding in self.findings)

    def severities(self) -> Counter[str]:
        """Findings by severity."""
        return Counter(finding.severity for finding in self.findings)

    def badness(self) -> tuple[int, int, int, int]:
        """The sort key of "worst first": unreadable, then errors, warnings, all findings.

        >>> FileReview(0, "a.srt", "a.srt", error="a.srt:1: no cue").badness()[0]
        1
        """
        by = self.severities()
        return (int(self.error is not None), by["error"], by["warning"], len(self.findings))


def find_video(subtitle: str, given: str | None = None) -> str | None:
    """The video a subtitle file plays over: ``given`` (a file, or a folder to look in for
    one with the same stem), else one beside the subtitle with the same stem."""
    path = Path(subtitle)
    if given is not None and Path(given).is_file():
        return str(Path(given).resolve())
    folder = Path(given) if given is not None and Path(given).is_dir() else path.parent
    for suffix in VIDEO_SUFFIXES:
        candidate = folder / (path.stem + suffix)
        if candidate.is_file():
            return str(candidate.resolve())
    return None


def vtt_text(track: Track) -> str:
    """The track as captionkit writes WebVTT: its default RTL mode for the format applied."""
    from captionkit.text.bidi import render_text
    from captionkit.text.rtl import RtlMode, rtl_mode_for

    mode = rtl_mode_for("vtt")
    if mode != RtlMode.NONE:  # what make's apply_rtl does (render/ does not import make/)
        track = track.with_cues([cue.with_text(render_text(cue.text, mode)) for cue in track.cues])
    return dumps(track, "vtt", newline="lf")


def fix_diff(track: Track, fixed: Track, name: str) -> str:
    """A unified diff of the file before and after its safe fixes (empty when none)."""
    return "".join(
        difflib.unified_diff(
            dumps(track, newline="lf").splitlines(keepends=True),
            dumps(fixed, newline="lf").splitlines(keepends=True),
            fromfile=name,
            tofile=f"{name} (fixed)",
        )
    )


def review_file(
    path: str,
    *,
    index: int = 0,
    name: str | None = None,
    profile: Profile | None = None,
    rules: Sequence[Rule] | None = None,
    video: str | None = None,
    previews: PreviewChoice = "flagged",
    preview_size: tuple[int, int] = (640, 360),
    encoding: str | None = None,
) -> FileReview:
    """Read, check and fix one file; the review the site shows of it."""
    from captionkit.check import default_rules, fix_track
    from captionkit.check.engine import check_track

    shown = name or path
    try:
        track = read(path, encoding=encoding)
    except CaptionkitError as error:
        return FileReview(index, path, shown, error=str(error.located(path)))
    chosen = list(rules) if rules is not None else default_rules()
    findings = check_track(track, profile, chosen)
    fixed, changes = fix_track(track, chosen, profile, "none", named=False)
    cues = tuple(
        CueRow(number, cue.start, cue.end, cue.text, cue.line_number)
        for number, cue in enumerate(track.cues, 1)
    )
    rows = tuple(
        FindingRow(f.rule, f.severity, f.cue, f.message, _fix_of(f), f.file_line) for f in findings
    )
    wanted = _preview_numbers(previews, cues, rows)
    return FileReview(
        index,
        path,
        shown,
        format=track.format,
        cues=cues,
        findings=rows,
        vtt=vtt_text(track),
        fixed_vtt=vtt_text(fixed) if changes else "",
        diff=fix_diff(track, fixed, shown) if changes else "",
        fixes=len(changes),
        video=find_video(path, video),
        previews=render_previews(cues, wanted, preview_size) if wanted else {},
    )


def _fix_of(finding: object) -> str | None:
    try:
        fix = finding.fix  # type: ignore[attr-defined]
    except Exception:  # a fixer that cannot say: the finding still shows
        return None
    return fix if isinstance(fix, str) else None


def _preview_numbers(
    choice: PreviewChoice, cues: Sequence[CueRow], findings: Sequence[FindingRow]
) -> list[int]:
    if choice == "all":
        return [cue.number for cue in cues]
    if choice == "flagged":
        return sorted({finding.cue for finding in findings})
    return []


def render_previews(
    cues: Sequence[CueRow], numbers: Sequence[int], size: tuple[int, int] = (640, 360)
) -> dict[int, bytes]:
    """PNGs of the cues ``numbers`` as libass draws them (one ffmpeg run for them all)."""
    from captionkit.render import libass
    from captionkit.render.fonts import resolve_font
    from captionkit.render.size import Size

    by_number = {cue.number: cue for cue in cues}
    chosen = [number for number in numbers if number in by_number]
    images = libass.render_texts(
        [by_number[number].text for number in chosen], Size(*size), resolve_font()
    )
    pngs: dict[int, bytes] = {}
    for number, image in zip(chosen, images, strict=True):
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=False)
        pngs[number] = buffer.getvalue()
    return pngs
