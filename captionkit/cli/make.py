"""``make``: captions from a narration script (``align`` and ``demo`` have their own modules)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Annotated

import typer

from captionkit.cli.batch import (
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
    Cps,
    MaxChars,
    MaxLines,
    ProfileOption,
    ReportFormat,
    emit,
    handles_errors,
    note,
    print_json,
)
from captionkit.cli.make_options import (
    DEFAULT_RATE as DEFAULT_RATE,  # the --rate help below writes it out (a test checks both)
)
from captionkit.cli.make_options import (
    AudioOption,
    BatchTo,
    DurationOption,
    FpsOption,
    KeepAll,
    LanguageOption,
    MakeOutputs,
    Narrations,
    ReportOption,
    RtlOption,
    StartOption,
    TimestampsFormatOption,
    TimestampsOption,
    outputs_of,
    speech_rate,
    timing_of,
)
from captionkit.cli.make_report import print_align_report, print_make_report
from captionkit.errors import UsageError

if TYPE_CHECKING:  # the pipeline is imported when a command runs, not for --help
    from captionkit.batch import BatchSettings
    from captionkit.make import FromAudio, FromTimestamps, SpeechRate
    from captionkit.model import Format
    from captionkit.profiles import Profile
    from captionkit.text.rtl import RtlMode


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
    from captionkit.batch import NARRATION_SUFFIXES, expand_inputs, mirror_outputs

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


RateOption = Annotated[
    float | None,
    typer.Option(
        # DEFAULT_RATE, written out so that --help does not import the make pipeline
        # (tests/test_architecture.py checks that the two agree)
        "--rate",
        help="Speech rate, visible characters a second (default 14).",
    ),
]


@handles_errors
def make_command(
    narrations: Narrations,
    output: MakeOutputs = None,
    duration: DurationOption = None,
    start: StartOption = None,
    profile: ProfileOption = None,
    max_chars: MaxChars = None,
    max_lines: MaxLines = None,
    cps: Cps = None,
    fps: FpsOption = None,
    rate: RateOption = None,
    rtl: RtlOption = None,
    keep_all: KeepAll = False,
    format: ReportOption = ReportFormat.text,
    timestamps: TimestampsOption = None,
    timestamps_format: TimestampsFormatOption = None,
    audio: AudioOption = None,
    language: LanguageOption = "ar",
    to: BatchTo = "srt",
    jobs: Jobs = None,
    dask: Dask = None,
    executor: ExecutorOption = ExecutorChoice.auto,
) -> None:
    """Caption a narration script: cue boundaries, line breaks and times; SRT and WebVTT."""
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
        timing = speech_rate(rate, start, duration)
        _make_batch(narrations, output or [], to, chosen, timing, keep_all, mode, format, settings)
        return
    sources = [item for item in (timestamps, audio) if item]
    targets = outputs_of(output or [], format, [narrations[0], *sources])
    source = timing_of(rate, start, duration, timestamps, timestamps_format, audio, language)
    _make_single(narrations[0], targets, sources, chosen, source, keep_all, mode, format)


def _make_single(
    narration: str,
    targets: list[tuple[str, Format]],
    sources: list[str],
    profile: Profile,
    timing: SpeechRate | FromTimestamps | FromAudio,
    keep_all: bool,
    mode: RtlMode | None,
    report: ReportFormat,
) -> None:
    """One narration captioned to every output, then its report (text on stderr, or JSON)."""
    from captionkit.make import make_file

    result = make_file(narration, profile=profile, timing=timing, keep_all=keep_all)
    emit(
        [(path, result.to_bytes(kind, mode)) for path, kind in targets],
        inputs=[narration, *sources],
    )
    if report is ReportFormat.json:
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


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="make")(make_command)
