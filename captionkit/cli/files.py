"""``convert`` and ``info``: one file in, its bytes or its facts out."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from captionkit.cli.common import (
    EncodingOption,
    Input,
    Lenient,
    ReportFormat,
    emit,
    handles_errors,
    json_bytes,
    note,
    print_json,
    report_skipped,
)
from captionkit.errors import UsageError
from captionkit.formats import conversion_losses, format_from_path, parse_newline, read, to_bytes
from captionkit.info import describe
from captionkit.spec import track_json
from captionkit.timecode import format_duration


class OutputFormat(str, Enum):
    """Formats a command can write a track in."""

    srt = "srt"
    vtt = "vtt"
    json = "json"


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
    line_end = parse_newline(newline)
    if to is not None:
        target = to.value
    elif output != "-":
        named = format_from_path(output)
        target = named if named is not None else ("json" if output.endswith(".json") else "")
        if not target:
            raise UsageError(f"cannot tell the output format of {output!r}: add --to srt|vtt|json")
    else:
        target = ""
    track = read(input, encoding=encoding, lenient=lenient)
    target = target or track.format
    if target == "json":
        data = json_bytes(track_json(track))
        losses: list[str] = []
    else:
        losses = conversion_losses(track, "srt" if target == "srt" else "vtt")
        data = to_bytes(track, target, encoding=output_encoding, newline=line_end)  # type: ignore[arg-type]
    emit([(output, data)], inputs=[input])
    for line in report_skipped(track):
        note(line)
    for loss in losses:
        note(f"note: {loss}")


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
    facts = describe(track, input)
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
    table.add_row("cues", str(facts["cues"]))
    table.add_row("duration", format_duration(track.duration))
    table.add_row("RTL lines", f"{facts['rtl_share']:.0%}")
    table.add_row("skipped blocks", str(len(track.skipped)))
    console.print(table)
    for block in track.skipped:
        console.print(f"  line {block.line}: {block.reason}", markup=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(convert)
    app.command()(info)
