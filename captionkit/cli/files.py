"""``convert`` and ``info``: a file (or a catalogue of them) in, bytes or facts out."""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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
    print_summary,
    progress_outcomes,
    summary_of,
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
    stderr,
)
from captionkit.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from captionkit.batch import BatchInput, BatchSettings, BatchSummary


class OutputFormat(str, Enum):
    """Formats a command can write a track in (the format registry's names)."""

    srt = "srt"
    vtt = "vtt"
    ass = "ass"
    ttml = "ttml"
    json = "json"


def convert_one(
    path: str,
    *,
    target: str,
    encoding: str | None,
    output_encoding: str,
    newline: str | None,
    lenient: bool,
) -> Written:
    """One file converted to ``target`` (its own format when empty): bytes and notes."""
    from captionkit.formats import conversion_losses, read, to_bytes

    track = read(path, encoding=encoding, lenient=lenient)
    chosen = target or track.format
    losses = conversion_losses(track, chosen)
    data = to_bytes(track, chosen, encoding=output_encoding, newline=newline)
    notes = [*report_skipped(track), *(f"note: {loss}" for loss in losses)]
    return Written(data, tuple(notes))


_SUFFIX = {"srt": ".srt", "vtt": ".vtt", "ass": ".ass", "ttml": ".ttml", "json": ".json"}

ConvertOutput = Annotated[
    str | None,
    typer.Option("-o", "--output", help="Output file, - for stdout, or a folder for many inputs."),
]
ToOption = Annotated[
    OutputFormat | None,
    typer.Option("--to", help="Output format (from the output's extension by default)."),
]
OutputEncoding = Annotated[
    str,
    typer.Option("--output-encoding", help="Encoding to write: utf-8 (default), keep, or a name."),
]


@handles_errors
def convert(
    inputs: BatchInputs,
    output: ConvertOutput = None,
    to: ToOption = None,
    encoding: EncodingOption = None,
    output_encoding: OutputEncoding = "utf-8",
    newline: NewlineOption = "keep",
    lenient: Lenient = False,
    jobs: Jobs = None,
    dask: Dask = None,
    executor: ExecutorOption = ExecutorChoice.auto,
) -> None:
    """Convert between SubRip, WebVTT and JSON; say what cannot be carried over.

    Many inputs (files, folders, globs) go to a folder: -o DIR mirrors the input tree.
    """
    from captionkit.formats import parse_newline

    work = partial(
        convert_one,
        encoding=encoding,
        output_encoding=output_encoding,
        newline=parse_newline(newline),
        lenient=lenient,
    )
    settings = batch_settings(jobs, dask, executor)
    if is_batch(inputs, output):
        raise exit_for(_convert_batch(inputs, output, to, work, settings))
    _convert_single(inputs[0], output or "-", to, work)


def _convert_batch(
    inputs: list[str],
    output: str | None,
    to: OutputFormat | None,
    work: Callable[..., Written],
    settings: BatchSettings,
) -> BatchSummary:
    """Many files converted into a folder that mirrors their tree."""
    from captionkit.batch import expand_inputs, mirror_outputs

    if output is None or output == "-":
        raise UsageError("many inputs are written to a folder: give -o DIR")
    items = expand_inputs(inputs)
    target = to.value if to is not None else ""

    def suffix(item: BatchInput) -> str:
        return _SUFFIX.get(target, Path(item.path).suffix or ".srt")

    outputs = mirror_outputs(items, output, suffix)
    return write_batch(partial(work, target=target), items, outputs, settings, label="converted")


def _convert_single(
    input: str, output: str, to: OutputFormat | None, work: Callable[..., Written]
) -> None:
    """One file converted to ``output`` (its format from ``--to``, else the extension)."""
    from captionkit.formats import format_from_path

    if to is not None:
        target = to.value
    elif output != "-":
        target = format_from_path(output) or ""
        if not target:
            known = "|".join(item.value for item in OutputFormat)
            raise UsageError(f"cannot tell the output format of {output!r}: add --to {known}")
    else:
        target = ""
    result = work(input, target=target)
    assert result.data is not None
    emit([(output, result.data)], inputs=[input])
    for line in result.notes:
        note(line)


def info_one(path: str, *, encoding: str | None, lenient: bool) -> dict[str, Any]:
    """One file's facts (``describe``), with what the text table shows besides."""
    from captionkit.formats import read
    from captionkit.info import describe
    from captionkit.timecode import format_duration

    track = read(path, encoding=encoding, lenient=lenient)
    facts = describe(track, path)
    facts["_table"] = {
        "format": track.format,
        "encoding": f"{track.source.encoding}{' with BOM' if track.source.bom else ''} "
        f"({track.source.encoding_reason})",
        "duration": format_duration(track.duration),
        "skipped": [(block.line, block.reason) for block in track.skipped],
    }
    return facts


def print_info(console: Console, path: str, facts: dict[str, Any]) -> None:
    """The text form of one file's facts."""
    shown = facts["_table"]
    from rich.table import Table

    table = Table(show_header=False, box=None)
    table.add_row("file", path)
    table.add_row("format", shown["format"])
    table.add_row("encoding", shown["encoding"])
    table.add_row("line ends", facts["newline"])
    table.add_row("cues", str(facts["cues"]))
    table.add_row("duration", shown["duration"])
    table.add_row("RTL lines", f"{facts['rtl_share']:.0%}")
    table.add_row("skipped blocks", str(len(shown["skipped"])))
    console.print(table)
    for line, reason in shown["skipped"]:
        console.print(f"  line {line}: {reason}", markup=False)


def _public(facts: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in facts.items() if key != "_table"}


@handles_errors
def info(
    inputs: BatchInputs,
    encoding: EncodingOption = None,
    lenient: Lenient = False,
    format: Annotated[
        ReportFormat, typer.Option("--format", help="text or json.")
    ] = ReportFormat.text,
    jobs: Jobs = None,
    dask: Dask = None,
    executor: ExecutorOption = ExecutorChoice.auto,
) -> None:
    """Describe subtitle files: format, encoding and why, line ends, cues, RTL share.

    Many inputs give one table a file (or a JSON list, in input order) and a summary.
    """
    from rich.console import Console

    from captionkit.batch import expand_inputs

    settings = batch_settings(jobs, dask, executor)
    console = Console(highlight=False)
    if not is_batch(inputs, None):
        facts = info_one(inputs[0], encoding=encoding, lenient=lenient)
        if format is ReportFormat.json:
            print_json(_public(facts))
        else:
            print_info(console, inputs[0], facts)
        return
    items = expand_inputs(inputs)
    work = partial(info_one, encoding=encoding, lenient=lenient)
    documents: list[dict[str, Any]] = []
    failures: list[str] = []
    started = time.perf_counter()
    for outcome in progress_outcomes(work, [item.path for item in items], settings, "reading"):
        if outcome.error is not None:
            failures.append(outcome.error)
            stderr.print(outcome.error, markup=False)
            documents.append({"file": outcome.input, "error": outcome.error})
            continue
        assert outcome.value is not None
        if format is ReportFormat.json:
            documents.append(_public(outcome.value))
        else:
            print_info(console, outcome.input, outcome.value)
    if format is ReportFormat.json:
        print_json(documents)
    summary = summary_of(len(items), failures)
    print_summary(summary, time.perf_counter() - started, "read")
    raise exit_for(summary)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(convert)
    app.command()(info)
