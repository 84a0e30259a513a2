"""``make``, ``align`` and ``demo``: captions and word times from a narration script."""

from __future__ import annotations

from functools import partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from captionkit.cli.batch import (
    NARRATION_SUFFIXES,
    Dask,
    ExecutorChoice,
    ExecutorOption,
    Jobs,
    Written,
    batch_settings,
    exit_for,
    expand_inputs,
    is_batch,
    mirror_outputs,
    write_batch,
)
from captionkit.cli.common import (
    Cps,
    MaxChars,
    MaxLines,
    ProfileOption,
    ReportFormat,
    emit,
    handles_errors,
    note,
    print_json,
    stderr,
)
from captionkit.errors import CaptionkitError, UsageError
from captionkit.timecode import parse_time

if TYPE_CHECKING:  # the pipeline is imported when a command runs, not for --help
    from captionkit.batch import BatchSettings
    from captionkit.make import AlignReport, MakeReport, SpeechRate
    from captionkit.model import Format
    from captionkit.profiles import Profile
    from captionkit.text.rtl import RtlMode

#: make's default speech rate (``captionkit.make.timing.DEFAULT_RATE``; a test checks both agree)
DEFAULT_RATE = 14.0

MakeOutputs = Annotated[
    list[str] | None,
    typer.Option(
        "-o",
        "--output",
        help="Output file (.srt, .vtt, .ass, .ttml, .json); repeat it to write several; "
        "- writes SRT to stdout.",
    ),
]
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
AudioOption = Annotated[
    str | None,
    typer.Option(
        "--audio",
        help="Time the captions from this recording (video or audio): the narration is "
        "synthesized and aligned to it; with --timestamps it fills the stretches the "
        "recognizer lost (needs captionkit[audio]).",
    ),
]
LanguageOption = Annotated[
    str, typer.Option("--language", help="Language of the narration, for --audio (ar, en, fr ...).")
]
KeepAll = Annotated[
    bool, typer.Option("--keep-all", help="Keep every line (no title/label detection).")
]


def _time_option(flag: str, text: str) -> int:

    try:
        return parse_time(text)
    except CaptionkitError as error:
        raise UsageError(f"{flag}: {error.message}") from None


def outputs_of(paths: list[str], report: ReportFormat) -> list[tuple[str, Format]]:
    """Each output with the caption format it gets (from its extension; ``-`` is SRT)."""
    from captionkit.formats import format_from_path

    chosen = list(paths) or (["-"] if report is ReportFormat.text else [])
    if report is ReportFormat.json and "-" in chosen:
        raise UsageError("-o - and --format json both write to stdout: choose one")
    targets: list[tuple[str, Format]] = []
    for path in chosen:
        kind: Format | None = "srt" if path == "-" else format_from_path(path)
        if kind is None:
            raise UsageError(
                f"cannot tell the caption format of {path!r}: use .srt, .vtt, .ass, .ttml or .json"
            )
        targets.append((path, kind))
    return targets


def make_one(
    path: str,
    *,
    profile: Profile,
    timing: SpeechRate,
    keep_all: bool,
    kind: Format,
    mode: RtlMode | None,
) -> Written:
    """One narration captioned: the caption file's bytes and the report's headline."""
    from captionkit.make import make_file

    result = make_file(path, profile=profile, timing=timing, keep_all=keep_all)
    report = result.report
    notes = (
        f"{report.cues} cues, {report.words} words, max {report.max_cps:.1f} cps, "
        f"{report.lines_over_limit} lines over the limit, "
        f"{len(report.timing_problems)} timing problems",
    )
    return Written(result.to_bytes(kind, mode), notes, result.as_json())


def _make_batch(
    narrations: list[str],
    output: list[str],
    to: str,
    profile: Profile,
    timing: SpeechRate,
    keep_all: bool,
    mode: RtlMode | None,
    report: ReportFormat,
    settings: BatchSettings,
) -> None:
    """Many narrations captioned into a folder that mirrors their tree; exit 2 on a failure."""
    if len(output) != 1 or output[0] == "-":
        raise UsageError("many narrations are written to one folder: give -o DIR once")
    from captionkit.formats import format_from_path

    kind: Format | None = format_from_path(f"x.{to}")
    if kind is None:
        raise UsageError(f"--to must be srt or vtt, not {to!r}")
    items = expand_inputs(narrations, NARRATION_SUFFIXES)
    outputs = mirror_outputs(items, output[0], lambda item: f".{to}")
    work = partial(
        make_one, profile=profile, timing=timing, keep_all=keep_all, kind=kind, mode=mode
    )
    documents: list[object] = []

    def keep(index: int, written: Written) -> None:
        if isinstance(written.document, dict):
            documents.append({**written.document, "outputs": [outputs[index]]})

    summary = write_batch(work, items, outputs, settings, label="captioned", on_written=keep)
    if report is ReportFormat.json:
        print_json(documents)
    raise exit_for(summary)


@handles_errors
def make_command(
    narrations: Annotated[
        list[str],
        typer.Argument(
            help="Narration scripts, one phrase a line (or - for stdin); "
            "many (files, folders of .txt, globs) go to -o DIR."
        ),
    ],
    output: MakeOutputs = None,
    duration: Annotated[
        str | None,
        typer.Option("--duration", help="Fit the narration to this length (2:35, 155s)."),
    ] = None,
    start: Annotated[str | None, typer.Option("--start", help="When the narration starts.")] = None,
    profile: ProfileOption = None,
    max_chars: MaxChars = None,
    max_lines: MaxLines = None,
    cps: Cps = None,
    fps: Annotated[
        str | None, typer.Option("--fps", help="Frame rate for the minimum gap (25, 24000/1001).")
    ] = None,
    rate: Annotated[
        float | None,
        typer.Option(
            # DEFAULT_RATE, written out so that --help does not import the make pipeline
            # (tests/test_architecture.py checks that the two agree)
            "--rate",
            help="Speech rate, visible characters a second (default 14).",
        ),
    ] = None,
    rtl: Annotated[
        str | None,
        typer.Option(
            "--rtl",
            help="RTL output: none, marks, embed or visual "
            "(default: embed, chosen from rendered evidence).",
        ),
    ] = None,
    keep_all: KeepAll = False,
    format: Annotated[
        ReportFormat, typer.Option("--format", help="Report as text (stderr) or json (stdout).")
    ] = ReportFormat.text,
    timestamps: TimestampsOption = None,
    timestamps_format: TimestampsFormatOption = None,
    audio: AudioOption = None,
    language: LanguageOption = "ar",
    to: Annotated[
        str, typer.Option("--to", help="Caption format of a batch's outputs: srt or vtt.")
    ] = "srt",
    jobs: Jobs = None,
    dask: Dask = None,
    executor: ExecutorOption = ExecutorChoice.auto,
) -> None:
    """Caption a narration script: cue boundaries, line breaks and times; SRT and WebVTT."""
    from captionkit.make import FromAudio, FromTimestamps, SpeechRate, make_file
    from captionkit.profiles import resolve_profile
    from captionkit.text.rtl import parse_rtl_mode

    chosen = resolve_profile(
        profile,
        {"max_chars_per_line": max_chars, "max_lines": max_lines, "max_cps": cps, "fps": fps},
    )
    settings = batch_settings(jobs, dask, executor)
    mode = parse_rtl_mode(rtl) if rtl is not None else None
    if is_batch(narrations, output[0] if output and len(output) == 1 else None):
        if timestamps is not None or audio is not None:
            raise UsageError("--timestamps and --audio time one narration: give one input")
        rate_timing = SpeechRate(
            rate=rate if rate is not None else DEFAULT_RATE,
            start_ms=_time_option("--start", start) if start is not None else 0,
            duration_ms=_time_option("--duration", duration) if duration is not None else None,
        )
        _make_batch(
            narrations, output or [], to, chosen, rate_timing, keep_all, mode, format, settings
        )
        return
    narration = narrations[0]
    targets = outputs_of(output or [], format)
    timing: SpeechRate | FromTimestamps | FromAudio
    if timestamps is not None or audio is not None:
        source = "--timestamps" if timestamps is not None else "--audio"
        for flag, value in (("--rate", rate), ("--duration", duration), ("--start", start)):
            if value is not None:
                raise UsageError(f"{flag} and {source} both set the timing: choose one")
    if timestamps is not None:
        from captionkit.align.sources import read_timestamps

        timing = FromTimestamps(
            read_timestamps(timestamps, timestamps_format), audio=audio, language=language
        )
    elif audio is not None:
        timing = FromAudio(audio, language=language)
    else:
        timing = SpeechRate(
            rate=rate if rate is not None else DEFAULT_RATE,
            start_ms=_time_option("--start", start) if start is not None else 0,
            duration_ms=_time_option("--duration", duration) if duration is not None else None,
        )
    result = make_file(narration, profile=chosen, timing=timing, keep_all=keep_all)
    emit(
        [(path, result.to_bytes(kind, mode)) for path, kind in targets],
        inputs=[narration, *[item for item in (timestamps, audio) if item]],
    )
    if format is ReportFormat.json:
        document = result.as_json()
        document["outputs"] = [path for path, _ in targets]
        print_json(document)
        return
    for path, _ in targets:
        if path != "-":
            note(f"wrote {path} ({len(result.track)} cues)")
    print_make_report(result.report)
    if result.alignment is not None:
        print_align_report(result.alignment)


def print_make_report(report: MakeReport) -> None:
    """The summary of a make run, on stderr."""
    from rich.table import Table

    table = Table(show_header=False, box=None, title="captionkit make")
    table.add_row("cues", str(report.cues))
    table.add_row("words", str(report.words))
    table.add_row("reading speed", f"mean {report.mean_cps:.1f} cps, max {report.max_cps:.1f} cps")
    table.add_row("lines over the limit", str(report.lines_over_limit))
    table.add_row("bad breaks avoided", str(report.bad_breaks_avoided))
    table.add_row("bad breaks forced", str(len(report.forced_bad_breaks)))
    bad = sum(1 for item in report.judged_breaks if not item.doubtful)
    doubtful = len(report.judged_breaks) - bad
    table.add_row("breaks judged bad / doubtful", f"{bad} / {doubtful}")
    share = len(report.inside_breaks) / report.breaks_made if report.breaks_made else 0.0
    table.add_row(
        "breaks inside a script line",
        f"{len(report.inside_breaks)} of {report.breaks_made} ({share:.0%})",
    )
    table.add_row("dropped lines", str(len(report.dropped)))
    table.add_row("timing problems", str(len(report.timing_problems)))
    stderr.print(table)
    for item in report.dropped:
        note(f"  dropped line {item.line} ({item.reason}): {item.text}")
    for forced in report.forced_bad_breaks:
        note(
            f"  cue {forced.cue}: forced {forced.kind} break inside {forced.category}: "
            f"{forced.left} | {forced.right}"
        )
    for judged in report.judged_breaks:
        kind = "doubtful" if judged.doubtful else "bad"
        note(
            f"  cue {judged.cue}: {kind} {judged.kind} break ({judged.category}): "
            f"{judged.left} | {judged.right}: {judged.reason}"
        )
    for inside in report.inside_breaks:
        note(
            f"  cue {inside.cue}: {inside.kind} break inside script line {inside.line}: "
            f"{inside.left} | {inside.right}: {inside.reason}"
        )
    for problem in report.timing_problems:
        note(f"  cue {problem.cue}: {problem.rule}: {problem.message}")
    for remark in report.notes:
        note(f"  note: {remark}")


def print_align_report(aligned: AlignReport) -> None:
    """How ``make --timestamps`` timed the cues, on stderr."""
    note(
        f"alignment: {aligned.matched} of {aligned.words} words matched "
        f"({aligned.matched_share:.1%}) in {aligned.source_words} {aligned.timestamps_format} "
        f"{aligned.level}-level timestamps"
    )
    for number in aligned.flagged:
        cue = aligned.cues[number - 1]
        note(
            f"  cue {number}: timed by interpolation over {cue.interpolated_run} words "
            f"(matched {cue.matched_share:.0%})"
        )
    for number, cue in enumerate(aligned.cues, 1):
        if cue.shortfall == "max_duration":
            note(f"  cue {number}: its words are spoken for longer than the maximum duration")


@handles_errors
def demo(
    folder: Annotated[
        Path, typer.Option("--dir", help="Folder to write demo.srt and demo.vtt in.")
    ] = Path("."),
) -> None:
    """Caption the bundled sample narration and write demo.srt and demo.vtt."""

    name = "sample-narration-ar.txt"
    sample = resources.files("captionkit.data").joinpath(name).read_bytes()
    paths: list[tuple[Path, Format]] = [(folder / "demo.srt", "srt"), (folder / "demo.vtt", "vtt")]
    for path, _ in paths:
        if path.exists():
            raise CaptionkitError(
                "already exists: demo writes only new files (remove it, or give --dir)",
                file=str(path),
            )
    from captionkit.make import make

    result = make(sample, file=name)
    emit([(str(path), result.to_bytes(kind)) for path, kind in paths])
    for path, _ in paths:
        note(f"wrote {path} ({len(result.track)} cues)")
    print_make_report(result.report)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="make")(make_command)
    app.command()(demo)
