"""``retime``: move a file's timings and change nothing else."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Annotated

import typer

from captionkit.cli.batch import (
    BatchInputs,
    Dask,
    ExecutorChoice,
    ExecutorOption,
    Jobs,
    Written,
    batch_settings,
    exit_for,
    is_batch,
    write_batch,
)
from captionkit.cli.common import (
    EncodingOption,
    Lenient,
    NewlineOption,
    ReportFormat,
    emit,
    handles_errors,
    note,
    print_json,
    report_skipped,
)
from captionkit.cli.retime_report import print_retime_report, retime_notes
from captionkit.errors import UsageError

if TYPE_CHECKING:  # the library is imported when a command runs, not for --help
    from captionkit.batch import BatchSettings
    from captionkit.model import Format
    from captionkit.retime import RetimePlan


def retime_one(
    path: str,
    *,
    plan: RetimePlan,
    newline: str | None,
    encoding: str | None,
    lenient: bool,
    target_format: Format | None,
    json_report: bool,
) -> Written:
    """One file re-timed by ``plan``: its bytes, the report lines, the JSON report."""
    from captionkit.formats import read, to_bytes
    from captionkit.retime import result_json, retime

    track = read(path, encoding=encoding, lenient=lenient)
    result = retime(track, plan)
    data = to_bytes(result.track, target_format or track.format, newline=newline)
    document = result_json(result, input_name=path, output_name=None) if json_report else None
    notes = (*retime_notes(result, len(track)), *report_skipped(track))
    return Written(data, notes, document)


ShiftOption = Annotated[
    str | None,
    typer.Option("--shift", help="Move by D: 1.5, -2.5s, -00:00:02,500, 250ms, 12f (at --fps)."),
]
ScaleOption = Annotated[
    str | None, typer.Option("--scale", help="Stretch by F (1.0427, 25/24, 25/23.976).")
]
AnchorOption = Annotated[
    str, typer.Option("--anchor", help="The time that --scale keeps in place.")
]
FpsOption = Annotated[
    str | None,
    typer.Option("--fps", help="FROM:TO converts frame rates exactly; one rate counts 12f."),
]
SyncOption = Annotated[
    list[str] | None,
    typer.Option(
        "--sync", help="OLD=NEW, once (a shift) or twice (a line); OLD may be #N or last."
    ),
]
ReferenceOption = Annotated[
    str | None,
    typer.Option("--reference", help="Take the timing from another timed file of the same video."),
]
AudioOption = Annotated[
    str | None,
    typer.Option(
        "--audio",
        help="Follow the speech of this recording (video or audio): offset, drift and "
        "cuts, like alass/ffsubsync (needs captionkit[audio]).",
    ),
]
FromOption = Annotated[str | None, typer.Option("--from", help="Only cues starting at or after T.")]
ToOption = Annotated[str | None, typer.Option("--to", help="Only cues starting before T.")]
CuesOption = Annotated[
    str | None, typer.Option("--cues", help="Only cues A-B (numbers from 1; A-, -B, N).")
]
SnapOption = Annotated[
    str | None, typer.Option("--snap", help="Round times to frame boundaries at FPS.")
]
RepairOption = Annotated[
    bool,
    typer.Option("--repair", help="Remove overlaps; enforce gap, durations and reading speed."),
]
RepairProfile = Annotated[str | None, typer.Option("--profile", help="Style profile for --repair.")]
ClipOption = Annotated[
    bool, typer.Option("--clip", help="Cut negative times at 0 instead of failing.")
]
RetimeOutput = Annotated[
    str | None, typer.Option("-o", "--output", help="Output file, or - for stdout.")
]
InPlace = Annotated[
    bool, typer.Option("--in-place", help="Replace the input atomically, keeping FILE.bak.")
]
DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Print a diff of the timing lines; write nothing.")
]
ReportOption = Annotated[
    ReportFormat, typer.Option("--format", help="Report: text (stderr) or json (stdout).")
]


@handles_errors
def retime_command(
    inputs: BatchInputs,
    shift: ShiftOption = None,
    scale: ScaleOption = None,
    anchor: AnchorOption = "0",
    fps: FpsOption = None,
    sync: SyncOption = None,
    reference: ReferenceOption = None,
    audio: AudioOption = None,
    start_from: FromOption = None,
    start_to: ToOption = None,
    cues: CuesOption = None,
    snap: SnapOption = None,
    newline: NewlineOption = "keep",
    repair: RepairOption = False,
    profile: RepairProfile = None,
    clip: ClipOption = False,
    output: RetimeOutput = None,
    in_place: InPlace = False,
    dry_run: DryRun = False,
    format: ReportOption = ReportFormat.text,
    encoding: EncodingOption = None,
    lenient: Lenient = False,
    jobs: Jobs = None,
    dask: Dask = None,
    executor: ExecutorOption = ExecutorChoice.auto,
) -> None:
    """Re-time subtitle files: move the timings and change nothing else.

    Order: sync or reference, fps, scale, shift (on the cues in range), snap,
    one rounding to ms, the negative-time check (--clip), repair. Many inputs
    (files, folders, globs) go to -o DIR (mirroring the input tree) or --in-place.
    """
    from captionkit.formats import parse_newline

    settings = batch_settings(jobs, dask, executor)
    plan = _plan(
        shift=shift, scale=scale, anchor=anchor, fps=fps, sync=sync, snap=snap, clip=clip,
        reference=reference, audio=audio, start_from=start_from, start_to=start_to, cues=cues,
        repair=repair, profile=profile, lenient=lenient,
    )  # fmt: skip
    if is_batch(inputs, output):
        _retime_batch(
            inputs, output, in_place, dry_run, format, plan, parse_newline(newline),
            encoding, lenient, settings,
        )  # fmt: skip
        return
    _retime_single(inputs[0], output, in_place, dry_run, format, plan, newline, encoding, lenient)


def _plan(
    *,
    shift: str | None,
    scale: str | None,
    anchor: str,
    fps: str | None,
    sync: list[str] | None,
    snap: str | None,
    clip: bool,
    reference: str | None,
    audio: str | None,
    start_from: str | None,
    start_to: str | None,
    cues: str | None,
    repair: bool,
    profile: str | None,
    lenient: bool,
) -> RetimePlan:
    """The plan the options describe (the reference file read, the repair profile resolved)."""
    from captionkit.formats import read
    from captionkit.profiles import resolve_profile
    from captionkit.retime.options import plan_from_text

    return plan_from_text(
        shift=shift,
        scale=scale,
        anchor=anchor,
        fps=fps,
        sync=sync or [],
        reference=read(reference, lenient=lenient) if reference is not None else None,
        audio=audio,
        start_from=start_from,
        start_to=start_to,
        cues=cues,
        snap=snap,
        clip=clip,
        repair=resolve_profile(profile) if repair else None,
    )


def _retime_single(
    input: str,
    output: str | None,
    in_place: bool,
    dry_run: bool,
    format: ReportFormat,
    plan: RetimePlan,
    newline: str,
    encoding: str | None,
    lenient: bool,
) -> None:
    """One file re-timed to ``-o`` (stdout by default) or in place, or its diff printed."""
    from captionkit.formats import dumps, format_from_path, parse_newline, read, to_bytes
    from captionkit.retime import result_json, retime, timing_diff

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


def _retime_batch(
    inputs: list[str],
    output: str | None,
    in_place: bool,
    dry_run: bool,
    format: ReportFormat,
    plan: RetimePlan,
    newline: str | None,
    encoding: str | None,
    lenient: bool,
    settings: BatchSettings,
) -> None:
    """Many files re-timed to a folder (mirroring the tree) or in place; exit 2 on a failure."""
    from captionkit.batch import expand_inputs, mirror_outputs

    if dry_run:
        raise UsageError("--dry-run shows one file's diff: give one input")
    if in_place == (output is not None and output != "-"):
        raise UsageError("many inputs are written to a folder or in place: -o DIR or --in-place")
    items = expand_inputs(inputs)
    if in_place:
        outputs = [item.path for item in items]
        target_format = None
    else:
        assert output is not None
        outputs = mirror_outputs(items, output)
        target_format = None
    work = partial(
        retime_one,
        plan=plan,
        newline=newline,
        encoding=encoding,
        lenient=lenient,
        target_format=target_format,
        json_report=format is ReportFormat.json,
    )
    documents: list[object] = []

    def keep(index: int, written: Written) -> None:
        if isinstance(written.document, dict):
            documents.append({**written.document, "output": outputs[index]})

    summary = write_batch(
        work, items, outputs, settings, label="re-timed", in_place=in_place, on_written=keep
    )
    if format is ReportFormat.json:
        print_json(documents)
    raise exit_for(summary)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="retime")(retime_command)
