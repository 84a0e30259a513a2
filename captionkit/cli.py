"""The ``captionkit`` command line: a thin layer over the library.

Each command parses its options, calls the library and renders the result.
This module alone prints and exits: a :class:`CaptionkitError` becomes one line
``file:line: message`` on stderr and exit status 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import Enum
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from captionkit import __version__
from captionkit.errors import CaptionkitError, UsageError
from captionkit.formats import (
    conversion_losses,
    format_from_path,
    parse_newline,
    read,
    to_bytes,
    write,
)
from captionkit.formats.atomic import write_atomic
from captionkit.model import Format, Track
from captionkit.spec import track_json
from captionkit.text.bidi import line_direction
from captionkit.timecode import format_duration

app = typer.Typer(
    name="captionkit",
    help="Subtitles and captions for right-to-left (Arabic) video.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    add_completion=False,
)

stderr = Console(stderr=True, highlight=False, soft_wrap=True)

P = ParamSpec("P")
R = TypeVar("R")


class OutputFormat(str, Enum):
    """Formats a command can write a track in."""

    srt = "srt"
    vtt = "vtt"
    json = "json"


class ReportFormat(str, Enum):
    """How a report is printed."""

    text = "text"
    json = "json"


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``message`` on stderr and return the exit to raise."""
    stderr.print(message, markup=False)
    return typer.Exit(code)


def handles_errors(function: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into a one-line message and exit status 2."""

    @wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except CaptionkitError as error:
            raise fail(str(error)) from None

    return wrapper


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"captionkit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Subtitles and captions for right-to-left (Arabic) video."""


def emit_bytes(data: bytes, output: str, *, backup: bool = False) -> None:
    """Write bytes to a path atomically, or to stdout for ``-``."""
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomic(output, data, backup=backup)


def print_json(value: Any) -> None:
    """Print a JSON document on stdout."""
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


Input = Annotated[str, typer.Argument(help="Subtitle file (.srt, .vtt), or - for stdin.")]
EncodingOption = Annotated[
    str | None,
    typer.Option("--encoding", help="Encoding to read with (detected when not given)."),
]
Lenient = Annotated[
    bool,
    typer.Option(
        "--lenient", help="Skip blocks that cannot be read (reported) instead of failing."
    ),
]


@app.command()
@handles_errors
def convert(
    input: Input,
    output: Annotated[
        str, typer.Option("-o", "--output", help="Output file, or - for stdout.")
    ] = "-",
    to: Annotated[
        OutputFormat | None,
        typer.Option("--to", help="Output format (from the output's extension by default)."),
    ] = None,
    encoding: EncodingOption = None,
    output_encoding: Annotated[
        str,
        typer.Option(
            "--output-encoding", help="Encoding to write: utf-8 (default), keep, or a name."
        ),
    ] = "utf-8",
    newline: Annotated[
        str, typer.Option("--newline", help="Line ends to write: keep, lf or crlf.")
    ] = "keep",
    lenient: Lenient = False,
) -> None:
    """Convert between SubRip, WebVTT and JSON; say what cannot be carried over."""
    track = read(input, encoding=encoding, lenient=lenient)
    line_end = parse_newline(newline)
    target: str
    if to is not None:
        target = to.value
    elif output != "-":
        named = format_from_path(output)
        target = named if named is not None else ("json" if output.endswith(".json") else "")
        if not target:
            raise UsageError(f"cannot tell the output format of {output!r}: add --to srt|vtt|json")
    else:
        target = track.format
    report_skipped(track)
    if target == "json":
        data = (json.dumps(track_json(track), ensure_ascii=False, indent=2) + "\n").encode()
        emit_bytes(data, output)
        return
    chosen: Format = "srt" if target == "srt" else "vtt"
    for loss in conversion_losses(track, chosen):
        stderr.print(f"note: {loss}", markup=False)
    data = to_bytes(track, chosen, encoding=output_encoding, newline=line_end)
    emit_bytes(data, output)


def report_skipped(track: Track) -> None:
    """Tell the user about every block the reader skipped."""
    where = track.source.path or "<input>"
    for block in track.skipped:
        stderr.print(f"{where}:{block.line}: skipped: {block.reason}", markup=False)


def rtl_share(track: Track) -> float:
    """Share of non-empty lines whose first strong character is right to left."""
    lines = [line for cue in track.cues for line in cue.lines if line.strip()]
    if not lines:
        return 0.0
    return sum(1 for line in lines if line_direction(line) == "rtl") / len(lines)


@app.command()
@handles_errors
def info(
    input: Input,
    encoding: EncodingOption = None,
    lenient: Lenient = False,
    format: Annotated[
        ReportFormat, typer.Option("--format", help="text or json.")
    ] = ReportFormat.text,
) -> None:
    """Describe a subtitle file: format, encoding and why, line ends, cues, RTL share."""
    track = read(input, encoding=encoding, lenient=lenient)
    newline_names = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}
    facts: dict[str, Any] = {
        "file": input,
        "format": track.format,
        "encoding": track.source.encoding,
        "bom": bool(track.source.bom),
        "encoding_reason": track.source.encoding_reason,
        "newline": newline_names[track.source.newline],
        "cues": len(track),
        "duration": track.duration,
        "rtl_share": round(rtl_share(track), 4),
        "skipped": [{"line": block.line, "reason": block.reason} for block in track.skipped],
    }
    if format is ReportFormat.json:
        print_json(facts)
        return
    console = Console(highlight=False)
    table = Table(show_header=False, box=None)
    table.add_row("file", input)
    table.add_row("format", track.format)
    bom = " with BOM" if track.source.bom else ""
    table.add_row("encoding", f"{track.source.encoding}{bom} ({track.source.encoding_reason})")
    table.add_row("line ends", facts["newline"])
    table.add_row("cues", str(len(track)))
    table.add_row("duration", format_duration(track.duration))
    table.add_row("RTL lines", f"{facts['rtl_share']:.0%}")
    table.add_row("skipped blocks", str(len(track.skipped)))
    console.print(table)
    for block in track.skipped:
        console.print(f"  line {block.line}: {block.reason}", markup=False)


@app.command()
@handles_errors
def demo(
    folder: Annotated[
        Path, typer.Option("--dir", help="Folder to write demo.srt and demo.vtt in.")
    ] = Path("."),
) -> None:
    """Caption the bundled sample narration and write demo.srt and demo.vtt."""
    from captionkit.make import apply_rtl, make_track, rtl_mode_for
    from captionkit.profiles import load_profile

    name = "sample-narration-ar.txt"
    sample = resources.files("captionkit.data").joinpath(name).read_bytes()
    track, report = make_track(sample, load_profile(), file=name)
    chosen: Format
    for file_name, chosen in (("demo.srt", "srt"), ("demo.vtt", "vtt")):
        path = folder / file_name
        write(apply_rtl(track, rtl_mode_for(chosen, None)), path, chosen, encoding="utf-8")
        stderr.print(f"wrote {path} ({len(track)} cues)", markup=False)
    print_make_report(report)


MakeOutputs = Annotated[
    list[str] | None,
    typer.Option(
        "-o",
        "--output",
        help="Output file (.srt or .vtt); repeat it to write several; - writes SRT to stdout.",
    ),
]


# --- align (issue 10) ---
TimestampsOption = Annotated[
    str | None,
    typer.Option(
        "--timestamps",
        help="Time the captions from this file: recognizer JSON (whisper, whisperX ...), "
        "auto-caption WebVTT, SRT/WebVTT, aeneas map, CSV/TSV, or one time per line.",
    ),
]
TimestampsFormatOption = Annotated[
    str | None,
    typer.Option(
        "--timestamps-format",
        help="Force the timestamps format: whisper, whisper-timestamped, whisperx, vtt-words, "
        "aeneas, srt, vtt, csv, tsv, lines (detected from the content by default).",
    ),
]


def print_align_report(aligned: Any) -> None:
    """How ``make --timestamps`` timed the cues, on stderr."""
    stderr.print(
        f"alignment: {aligned.matched} of {aligned.words} words matched "
        f"({aligned.matched_share:.1%}) in {aligned.source_words} {aligned.timestamps_format} "
        f"{aligned.level}-level timestamps",
        markup=False,
    )
    for number in aligned.flagged:
        cue = aligned.cues[number - 1]
        stderr.print(
            f"  cue {number}: timed by interpolation over {cue.interpolated_run} words "
            f"(matched {cue.matched_share:.0%})",
            markup=False,
        )
    for number, cue in enumerate(aligned.cues, 1):
        if cue.shortfall == "max_duration":
            stderr.print(
                f"  cue {number}: its words are spoken for longer than the maximum duration",
                markup=False,
            )


@app.command(name="make")
@handles_errors
def make_command(
    narration: Annotated[
        str, typer.Argument(help="Narration script, one phrase a line (or - for stdin).")
    ],
    output: MakeOutputs = None,
    duration: Annotated[
        str | None,
        typer.Option("--duration", help="Fit the narration to this length (2:35, 155s)."),
    ] = None,
    start: Annotated[str, typer.Option("--start", help="When the narration starts.")] = "0",
    profile: Annotated[
        str | None, typer.Option("--profile", help="Style profile: arabic, broadcast, social.")
    ] = None,
    max_chars: Annotated[
        int | None, typer.Option("--max-chars", help="Visible characters a line.")
    ] = None,
    max_lines: Annotated[int | None, typer.Option("--max-lines", help="Lines a cue.")] = None,
    cps: Annotated[
        float | None, typer.Option("--cps", help="Maximum reading speed (characters/s).")
    ] = None,
    fps: Annotated[
        str | None, typer.Option("--fps", help="Frame rate for the minimum gap (25, 24000/1001).")
    ] = None,
    rate: Annotated[
        float | None,
        typer.Option("--rate", help="Speech rate, visible characters a second (default 14)."),
    ] = None,
    rtl: Annotated[
        str | None,
        typer.Option(
            "--rtl",
            help="RTL output: none, marks, embed or visual "
            "(default: embed, chosen from rendered evidence).",
        ),
    ] = None,
    keep_all: Annotated[
        bool, typer.Option("--keep-all", help="Keep every line (no title/label detection).")
    ] = False,
    format: Annotated[
        ReportFormat, typer.Option("--format", help="Report as text (stderr) or json (stdout).")
    ] = ReportFormat.text,
    timestamps: TimestampsOption = None,
    timestamps_format: TimestampsFormatOption = None,
) -> None:
    """Caption a narration script: cue boundaries, line breaks and times; SRT and WebVTT."""
    from captionkit.make import MakeOptions, apply_rtl, make_file, rtl_mode_for
    from captionkit.profiles import resolve_profile
    from captionkit.timecode import parse_time
    from captionkit.timing import DEFAULT_RATE

    overrides = {
        "max_chars_per_line": max_chars,
        "max_lines": max_lines,
        "max_cps": cps,
        "fps": fps,
    }
    chosen = resolve_profile(profile, overrides)
    options = MakeOptions(
        rate=rate if rate is not None else DEFAULT_RATE,
        start_ms=parse_time(start),
        duration_ms=parse_time(duration) if duration is not None else None,
        rtl="none",
        keep_all=keep_all,
    )
    outputs = list(output or [])
    if not outputs and format is ReportFormat.text:
        outputs = ["-"]
    if format is ReportFormat.json and "-" in outputs:
        raise UsageError("-o - and --format json both write to stdout: choose one")
    targets: list[tuple[str, Format]] = []
    for path in outputs:
        kind = "srt" if path == "-" else format_from_path(path)
        if kind is None:
            raise UsageError(f"cannot tell the caption format of {path!r}: use .srt or .vtt")
        targets.append((path, kind))
    aligned = None
    if timestamps is not None:
        from captionkit.align.pipeline import check_make_options, make_file_with_timestamps

        check_make_options(duration, start, rate)
        track, report, aligned = make_file_with_timestamps(
            narration,
            timestamps,
            chosen,
            timestamps_format=timestamps_format,
            rtl="none",
            keep_all=keep_all,
        )
    else:
        track, report = make_file(narration, chosen, options)
    for _, kind in targets:
        rtl_mode_for(kind, rtl)  # a bad --rtl fails before anything is written
    for path, kind in targets:
        rendered = apply_rtl(track, rtl_mode_for(kind, rtl))
        if path == "-":
            emit_bytes(to_bytes(rendered, "srt", encoding="utf-8"), "-")
        else:
            write(rendered, path, kind, encoding="utf-8")
    if format is ReportFormat.json:
        document = report.as_json()
        document["outputs"] = outputs
        if aligned is not None:
            document["alignment"] = aligned.as_json()
        document["captions"] = [
            {"start": cue.start, "end": cue.end, "text": cue.text} for cue in track.cues
        ]
        print_json(document)
        return
    for path in outputs:
        if path != "-":
            stderr.print(f"wrote {path} ({len(track)} cues)", markup=False)
    print_make_report(report)
    if aligned is not None:
        print_align_report(aligned)


def print_make_report(report: Any) -> None:
    """The summary of a make run, on stderr."""
    table = Table(show_header=False, box=None, title="captionkit make")
    table.add_row("cues", str(report.cues))
    table.add_row("words", str(report.words))
    table.add_row("reading speed", f"mean {report.mean_cps:.1f} cps, max {report.max_cps:.1f} cps")
    table.add_row("lines over the limit", str(report.lines_over_limit))
    table.add_row("bad breaks avoided", str(report.bad_breaks_avoided))
    table.add_row("bad breaks forced", str(len(report.forced_bad_breaks)))
    table.add_row("dropped lines", str(len(report.dropped)))
    table.add_row("timing problems", str(len(report.timing_problems)))
    stderr.print(table)
    for item in report.dropped:
        stderr.print(f"  dropped line {item.line} ({item.reason}): {item.text}", markup=False)
    for forced in report.forced_bad_breaks:
        stderr.print(
            f"  cue {forced.cue}: forced {forced.kind} break inside {forced.category}: "
            f"{forced.left} | {forced.right}",
            markup=False,
        )
    for problem in report.timing_problems:
        stderr.print(f"  cue {problem.cue}: {problem.rule}: {problem.message}", markup=False)
    for note in report.notes:
        stderr.print(f"  note: {note}", markup=False)


@app.command(name="retime")
@handles_errors
def retime_command(
    input: Input,
    shift: Annotated[
        str | None,
        typer.Option(
            "--shift", help="Move by D: 1.5, -2.5s, -00:00:02,500, 250ms, 12f (at --fps)."
        ),
    ] = None,
    scale: Annotated[
        str | None, typer.Option("--scale", help="Stretch by F (1.0427, 25/24, 25/23.976).")
    ] = None,
    anchor: Annotated[
        str, typer.Option("--anchor", help="The time that --scale keeps in place.")
    ] = "0",
    fps: Annotated[
        str | None,
        typer.Option("--fps", help="FROM:TO converts frame rates exactly; one rate counts 12f."),
    ] = None,
    sync: Annotated[
        list[str] | None,
        typer.Option(
            "--sync", help="OLD=NEW, once (a shift) or twice (a line); OLD may be #N or last."
        ),
    ] = None,
    reference: Annotated[
        str | None,
        typer.Option(
            "--reference", help="Take the timing from another timed file of the same video."
        ),
    ] = None,
    start_from: Annotated[
        str | None, typer.Option("--from", help="Only cues starting at or after T.")
    ] = None,
    start_to: Annotated[
        str | None, typer.Option("--to", help="Only cues starting before T.")
    ] = None,
    cues: Annotated[
        str | None, typer.Option("--cues", help="Only cues A-B (numbers from 1; A-, -B, N).")
    ] = None,
    snap: Annotated[
        str | None, typer.Option("--snap", help="Round times to frame boundaries at FPS.")
    ] = None,
    newline: Annotated[
        str, typer.Option("--newline", help="Line ends to write: keep, lf or crlf.")
    ] = "keep",
    repair: Annotated[
        bool,
        typer.Option("--repair", help="Remove overlaps; enforce gap, durations and reading speed."),
    ] = False,
    profile: Annotated[
        str | None, typer.Option("--profile", help="Style profile for --repair.")
    ] = None,
    clip: Annotated[
        bool, typer.Option("--clip", help="Cut negative times at 0 instead of failing.")
    ] = False,
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Output file, or - for stdout.")
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Replace the input atomically, keeping FILE.bak.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print a diff of the timing lines; write nothing.")
    ] = False,
    format: Annotated[
        ReportFormat, typer.Option("--format", help="Report: text (stderr) or json (stdout).")
    ] = ReportFormat.text,
    encoding: EncodingOption = None,
    lenient: Lenient = False,
) -> None:
    """Re-time a subtitle file: move the timings and change nothing else.

    Order: sync or reference, fps, scale, shift (on the cues in range), snap,
    one rounding to ms, the negative-time check (--clip), repair.
    """
    from fractions import Fraction

    from captionkit import retime as retiming
    from captionkit.formats import dumps
    from captionkit.profiles import resolve_profile
    from captionkit.timecode import parse_fps, parse_time

    if in_place and output is not None:
        raise UsageError("give -o or --in-place, not both")
    if in_place and input == "-":
        raise UsageError("--in-place needs a file, not stdin")
    destination = input if in_place else (output or "-")
    if format is ReportFormat.json and destination == "-" and not dry_run:
        raise UsageError(
            "--format json prints the report on stdout: write the file with -o or --in-place"
        )
    line_end = parse_newline(newline)
    track = read(input, encoding=encoding, lenient=lenient)
    report_skipped(track)
    frame_rate: Fraction | None = None
    fps_change: tuple[Fraction, Fraction] | None = None
    if fps is not None:
        parsed = retiming.parse_fps_change(fps)
        if isinstance(parsed, tuple):
            fps_change, frame_rate = parsed, parsed[1]
        else:
            frame_rate = parsed
    selection = retiming.parse_cue_range(cues) if cues else retiming.CueRange()
    if start_from is not None or start_to is not None:
        selection = retiming.CueRange(
            selection.first,
            selection.last,
            parse_time(start_from, frame_rate) if start_from is not None else None,
            parse_time(start_to, frame_rate) if start_to is not None else None,
        )
    points = tuple(retiming.parse_sync(item, frame_rate) for item in sync or [])
    if len(points) > 2:
        raise UsageError("--sync takes one or two points")
    plan = retiming.RetimePlan(
        sync=points,
        reference=read(reference, lenient=lenient) if reference is not None else None,
        fps=fps_change,
        scale=retiming.parse_factor(scale) if scale is not None else None,
        anchor=parse_time(anchor, frame_rate),
        shift=parse_time(shift, frame_rate) if shift is not None else 0,
        selection=selection,
        snap=parse_fps(snap) if snap is not None else None,
        clip=clip,
        repair=resolve_profile(profile) if repair else None,
    )
    result = retiming.retime(track, plan)
    if dry_run:
        if format is ReportFormat.json:
            print_json(retiming.result_json(result, input_name=input, output_name=None))
        else:
            before = dumps(track)
            after = dumps(result.track, newline=line_end)
            typer.echo(retiming.timing_diff(before, after, input), nl=False)
        return
    emit_bytes(to_bytes(result.track, newline=line_end), destination, backup=in_place)
    if format is ReportFormat.json:
        print_json(retiming.result_json(result, input_name=input, output_name=destination))
        return
    stderr.print(f"moved {len(result.moved)} of {len(track)} cues", markup=False)
    if result.reference is not None:
        fit = result.reference
        stderr.print(
            f"reference: {len(fit.pairs)} cues matched in {len(fit.segments)} segment(s); "
            f"{fit.unused} reference cues unused",
            markup=False,
        )
        if fit.unplaced:
            cue_numbers = ", ".join(str(index + 1) for index in fit.unplaced)
            stderr.print(f"could not place (timing is a guess): cues {cue_numbers}", markup=False)
    if result.clipped:
        stderr.print(f"clipped {result.clipped} cues at 0", markup=False)
    for shortfall in result.shortfalls:
        stderr.print(f"repair: {shortfall.message}", markup=False)


class EngineName(str, Enum):
    """Preview engines."""

    raqm = "raqm"
    libass = "libass"
    browser = "browser"


class PlayerName(str, Enum):
    """Faulty players ``preview --player`` simulates."""

    ltr_base = "ltr-base"
    no_shaping = "no-shaping"
    no_bidi = "no-bidi"


FontOption = Annotated[
    Path | None,
    typer.Option("--font", help="Font file to draw with (default: the packaged Noto Sans Arabic)."),
]


@app.command()
@handles_errors
def preview(
    input: Input,
    output: Annotated[str, typer.Option("-o", "--output", help="PNG to write, or - for stdout.")],
    at: Annotated[
        str | None, typer.Option("--at", help="Time of the frame (00:01:02.500, 62.5s).")
    ] = None,
    cue: Annotated[int | None, typer.Option("--cue", help="Cue number, from 1.")] = None,
    size: Annotated[str, typer.Option("--size", help="Frame size WIDTHxHEIGHT.")] = "1920x1080",
    font: FontOption = None,
    engine: Annotated[
        EngineName,
        typer.Option("--engine", help="raqm (Pillow), libass (mpv, ffmpeg) or browser (Chromium)."),
    ] = EngineName.libass,
    player: Annotated[
        PlayerName | None,
        typer.Option("--player", help="Simulate a faulty player: ltr-base, no-shaping, no-bidi."),
    ] = None,
    sheet: Annotated[
        bool, typer.Option("--sheet", help="Draw every cue on one contact sheet.")
    ] = False,
    flagged: Annotated[
        bool, typer.Option("--flagged", help="With --sheet: only the cues check flags.")
    ] = False,
    encoding: EncodingOption = None,
) -> None:
    """Draw a frame of a subtitle file as a real renderer shows it, to a PNG."""
    import io

    from captionkit.render.fonts import resolve_font
    from captionkit.render.preview import contact_sheet, preview_texts, render_cue_texts
    from captionkit.render.size import Size
    from captionkit.timecode import parse_time

    if sheet and (at is not None or cue is not None):
        raise UsageError("--sheet draws every cue: leave out --at and --cue")
    if at is not None and cue is not None:
        raise UsageError("give --at or --cue, not both")
    track = read(input, encoding=encoding)
    frame_size = Size.parse(size)
    at_ms = parse_time(at) if at is not None else None
    notes: dict[int, str] | None = None
    if flagged:
        if not sheet:
            raise UsageError("--flagged goes with --sheet")
        from captionkit.check.engine import check_track

        notes = {}
        for finding in check_track(track):
            notes.setdefault(finding.cue, finding.rule)
    pairs = preview_texts(
        track,
        at=at_ms,
        cue=cue,
        sheet=sheet,
        player=player.value if player else None,
        flagged=notes,
    )
    images = render_cue_texts(
        [text for _, text in pairs], engine.value, frame_size, resolve_font(font)
    )
    image = contact_sheet(images, [label for label, _ in pairs]) if sheet else images[0]
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    emit_bytes(buffer.getvalue(), output)
    if output != "-":
        stderr.print(f"wrote {output} ({image.width}x{image.height}, {engine.value})", markup=False)


@app.command(name="burn")
@handles_errors
def burn_command(
    video: Annotated[Path, typer.Argument(help="Video to burn the captions into.")],
    subtitles: Annotated[Path, typer.Argument(help="Subtitle file (.srt, .vtt).")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Video to write (.mp4, .mov, .mkv).")
    ],
    profile: Annotated[
        str | None,
        typer.Option("--profile", help="social: large text for phones; others: smaller text."),
    ] = None,
    style: Annotated[
        list[str] | None,
        typer.Option(
            "--style", help="KEY=VALUE: font_size (share of the short side), outline, bold."
        ),
    ] = None,
    font: FontOption = None,
    preset: Annotated[str, typer.Option("--preset", help="x264 preset.")] = "veryfast",
    crf: Annotated[int, typer.Option("--crf", help="x264 quality (lower is better).")] = 20,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar.")] = False,
) -> None:
    """Burn captions into a video (libass), with the RTL treatment the evidence chose."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from captionkit.render.burn import burn, burn_style
    from captionkit.render.fonts import resolve_font

    chosen_style = burn_style(profile, style or [])
    chosen_font = resolve_font(font)

    def run(progress: Callable[[float], None] | None) -> Any:
        return burn(
            video,
            subtitles,
            output,
            font=chosen_font,
            style=chosen_style,
            preset=preset,
            crf=crf,
            progress=progress,
        )

    if quiet:
        info = run(None)
    else:
        columns = (
            TextColumn("burning"),
            BarColumn(),
            TextColumn("{task.percentage:>3.0f}%"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=stderr, transient=True) as bar:
            task = bar.add_task("burn", total=1.0)
            info = run(lambda done: bar.update(task, completed=done))
    stderr.print(
        f"wrote {output} ({info.size}, {format_duration(info.duration_ms)}, audio copied)",
        markup=False,
    )


@app.command(name="align")
@handles_errors
def align_command(
    narration: Annotated[
        str, typer.Argument(help="Narration script, one phrase a line (or - for stdin).")
    ],
    timestamps: Annotated[
        str,
        typer.Option(
            "--timestamps",
            help="Recognizer JSON, auto-caption WebVTT, SRT/WebVTT, aeneas map, CSV/TSV, "
            "or one time per line.",
        ),
    ],
    timestamps_format: TimestampsFormatOption = None,
    keep_all: Annotated[
        bool, typer.Option("--keep-all", help="Keep every line (no title/label detection).")
    ] = False,
    format: Annotated[
        ReportFormat, typer.Option("--format", help="A table (text) or a document (json).")
    ] = ReportFormat.text,
) -> None:
    """Time every narration word from supplied timestamps: matched, or interpolated."""
    from captionkit.align.pipeline import align_file

    document = align_file(
        narration, timestamps, timestamps_format=timestamps_format, keep_all=keep_all
    )
    if format is ReportFormat.json:
        print_json(document)
        return
    console = Console(highlight=False, width=100)
    table = Table(box=None)
    for column in ("#", "word", "start", "end", "status"):
        table.add_column(column)
    for word in document["words"]:
        table.add_row(
            str(word["index"]),
            word["word"],
            format_duration(word["start"]),
            format_duration(word["end"]),
            word["status"],
        )
    console.print(table)
    stderr.print(
        f"{document['matched']} of {document['word_count']} words matched "
        f"({document['matched_share']:.1%}); {document['format']} {document['level']}-level "
        "timestamps",
        markup=False,
    )
    for line in document["lines"]:
        if line["flagged"]:
            stderr.print(
                f"  line {line['line']}: interpolated over {line['interpolated_run']} words",
                markup=False,
            )


class CheckFormat(str, Enum):
    """How ``check`` prints its findings."""

    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


ProfileOption = Annotated[
    str | None, typer.Option("--profile", help="Style profile: arabic, broadcast, social.")
]
RuleList = Annotated[
    list[str] | None,
    typer.Option(help="Rule ids or prefixes (rtl-), repeated or comma-separated."),
]


@app.command(name="check")
@handles_errors
def check_command(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Subtitle files or folders (- for stdin).")
    ] = None,
    profile: ProfileOption = None,
    max_chars: Annotated[
        int | None, typer.Option("--max-chars", help="Visible characters a line.")
    ] = None,
    max_lines: Annotated[int | None, typer.Option("--max-lines", help="Lines a cue.")] = None,
    cps: Annotated[
        float | None, typer.Option("--cps", help="Maximum reading speed (characters/s).")
    ] = None,
    select: RuleList = None,
    ignore: RuleList = None,
    severity: Annotated[
        list[str] | None,
        typer.Option("--severity", help="RULE=error|warning|info, repeated."),
    ] = None,
    format: Annotated[
        CheckFormat, typer.Option("--format", help="text, json, github or sarif.")
    ] = CheckFormat.text,
    explain: Annotated[
        str | None, typer.Option("--explain", help="Explain one rule and exit.")
    ] = None,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List the rules and exit.")
    ] = False,
    encoding: EncodingOption = None,
    lenient: Lenient = False,
) -> None:
    """Check RTL layout, line length, reading speed and timing; exit 1 on an error finding."""
    from captionkit.check import RULES, all_rules
    from captionkit.check.report import (
        explanation,
        github_annotations,
        print_text_report,
        report_json,
        sarif,
    )
    from captionkit.check.runner import check_file, check_settings, collect_paths, exit_status
    from captionkit.profiles import resolve_profile

    if explain is not None:
        if explain not in RULES:
            raise UsageError(f"unknown rule {explain!r} (see captionkit check --list-rules)")
        typer.echo(explanation(explain))
        return
    if list_rules:
        for rule in all_rules():
            typer.echo(f"{rule.id:<26} {rule.severity:<8} {rule.summary}")
        return
    if not inputs:
        raise UsageError("give at least one file or folder to check")
    overrides = {"max_chars_per_line": max_chars, "max_lines": max_lines, "max_cps": cps}
    chosen = resolve_profile(profile, overrides)
    settings = check_settings(select or [], ignore or [], severity or [])
    paths = collect_paths(inputs)
    if not paths:
        raise UsageError("no .srt, .vtt or .webvtt file in the folders given")
    from captionkit.check.report import FileReport

    reports: list[FileReport] = []
    if len(paths) > 10 and stderr.is_terminal:
        from rich.progress import Progress

        with Progress(console=stderr, transient=True) as progress:
            task = progress.add_task("checking", total=len(paths))
            for path in paths:
                reports.append(check_file(path, chosen, settings, encoding, lenient))
                progress.advance(task)
    else:
        reports = [check_file(path, chosen, settings, encoding, lenient) for path in paths]
    if format is CheckFormat.json:
        documents = [report_json(report) for report in reports]
        print_json(documents[0] if len(documents) == 1 else documents)
    elif format is CheckFormat.github:
        text = github_annotations(reports)
        if text:
            typer.echo(text)
    elif format is CheckFormat.sarif:
        print_json(sarif(reports))
    else:
        console = Console(highlight=False, soft_wrap=True)
        for report in reports:
            print_text_report(console, report)
    raise typer.Exit(exit_status(reports))


@app.command(name="fix")
@handles_errors
def fix_command(
    input: Input,
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Output file, or - for stdout.")
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Rewrite the input (keeps FILE.bak).")
    ] = False,
    rule: Annotated[
        list[str] | None,
        typer.Option("--rule", help="Only these rules (ids or prefixes), repeated."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print a diff; write nothing.")
    ] = False,
    rtl: Annotated[
        str, typer.Option("--rtl", help="Add direction marks for the player: none, marks, embed.")
    ] = "none",
    profile: ProfileOption = None,
    max_chars: Annotated[
        int | None, typer.Option("--max-chars", help="Visible characters a line.")
    ] = None,
    max_lines: Annotated[int | None, typer.Option("--max-lines", help="Lines a cue.")] = None,
    encoding: EncodingOption = None,
) -> None:
    """Repair what check finds and can fix safely; nothing else in the file changes."""
    import difflib

    from captionkit.check import fix_track, select_rules
    from captionkit.check.runner import check_settings
    from captionkit.check.textutil import show_controls
    from captionkit.formats import dumps
    from captionkit.profiles import resolve_profile

    if not dry_run and output is None and not in_place:
        raise UsageError("say where to write: -o OUT, -o - or --in-place (or --dry-run)")
    if in_place and (output is not None or input == "-"):
        raise UsageError("--in-place rewrites a named input file and takes no -o")
    chosen = resolve_profile(profile, {"max_chars_per_line": max_chars, "max_lines": max_lines})
    rules = select_rules(rule) if rule else list(check_settings().rules)
    track = read(input, encoding=encoding)
    fixed, changes = fix_track(track, rules, chosen, rtl, named=bool(rule))
    for change in changes:
        where = f"{input}:{change.file_line}" if change.file_line is not None else input
        before = show_controls(change.before).replace("\n", " ⏎ ")
        after = show_controls(change.after).replace("\n", " ⏎ ")
        stderr.print(f"{where}: cue {change.cue}: {change.rule}: {before} → {after}", markup=False)
    stderr.print(f"{len(changes)} fixes in {len({c.cue for c in changes})} cues", markup=False)
    if dry_run:
        diff = difflib.unified_diff(
            dumps(track).splitlines(keepends=True),
            dumps(fixed).splitlines(keepends=True),
            fromfile=input,
            tofile=f"{input} (fixed)",
        )
        sys.stdout.write("".join(diff))
        return
    if in_place:
        if changes:
            write(fixed, input, track.format, backup=True)
        return
    assert output is not None
    if output == "-":
        emit_bytes(to_bytes(fixed), "-")
    else:
        write(fixed, output)


def main() -> None:
    """Entry point of the ``captionkit`` script."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
