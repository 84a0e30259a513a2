"""``retime``: move a file's timings and change nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from captionkit.cli.common import (
    EncodingOption,
    Input,
    Lenient,
    ReportFormat,
    emit,
    handles_errors,
    note,
    print_json,
    report_skipped,
)
from captionkit.errors import UsageError

if TYPE_CHECKING:
    from captionkit.retime import RetimeResult


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
    from captionkit.formats import dumps, format_from_path, parse_newline, read, to_bytes
    from captionkit.profiles import resolve_profile
    from captionkit.retime import result_json, retime, timing_diff
    from captionkit.retime.options import plan_from_text

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
    target_format = format_from_path(destination) if destination != "-" else None
    plan = plan_from_text(
        shift=shift,
        scale=scale,
        anchor=anchor,
        fps=fps,
        sync=sync or [],
        reference=read(reference, lenient=lenient) if reference is not None else None,
        start_from=start_from,
        start_to=start_to,
        cues=cues,
        snap=snap,
        clip=clip,
        repair=resolve_profile(profile) if repair else None,
    )
    result = retime(track, plan)
    if dry_run:
        if format is ReportFormat.json:
            print_json(result_json(result, input_name=input, output_name=None))
        else:
            before = dumps(track)
            after = dumps(result.track, newline=line_end)
            emit([("-", timing_diff(before, after, input).encode("utf-8", "surrogateescape"))])
        return
    data = to_bytes(result.track, target_format or track.format, newline=line_end)
    emit([(destination, data)], inputs=[input], in_place=in_place)
    if format is ReportFormat.json:
        print_json(result_json(result, input_name=input, output_name=destination))
        return
    print_retime_report(result, len(track))
    for line in report_skipped(track):
        note(line)


def print_retime_report(result: RetimeResult, count: int) -> None:
    """What moved, on stderr."""
    note(f"moved {len(result.moved)} of {count} cues")
    if result.reference is not None:
        fit = result.reference
        note(
            f"reference: {len(fit.pairs)} cues matched in {len(fit.segments)} segment(s); "
            f"{fit.unused} reference cues unused"
        )
        if fit.unplaced:
            cue_numbers = ", ".join(str(index + 1) for index in fit.unplaced)
            note(f"could not place (timing is a guess): cues {cue_numbers}")
    if result.clipped:
        note(f"clipped {result.clipped} cues at 0")
    for shortfall in result.shortfalls:
        note(f"repair: {shortfall.message}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="retime")(retime_command)
