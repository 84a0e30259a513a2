"""``align``: every word of a narration with its time, from timestamps or from the audio."""

from __future__ import annotations

from typing import Annotated

import typer

from captionkit.cli.common import ReportFormat, handles_errors, note, print_json
from captionkit.cli.make_options import KeepAll, LanguageOption, TimestampsFormatOption
from captionkit.errors import UsageError
from captionkit.timecode import format_duration


@handles_errors
def align_command(
    narration: Annotated[
        str, typer.Argument(help="Narration script, one phrase a line (or - for stdin).")
    ],
    timestamps: Annotated[
        str | None,
        typer.Option(
            "--timestamps",
            help="Recognizer JSON, auto-caption WebVTT, SRT/WebVTT, aeneas map, CSV/TSV, "
            "or one time per line.",
        ),
    ] = None,
    timestamps_format: TimestampsFormatOption = None,
    audio: Annotated[
        str | None,
        typer.Option(
            "--audio",
            help="Time the words from this recording instead (needs captionkit[audio]); "
            "--format json gives the whisperX word-timestamps shape.",
        ),
    ] = None,
    language: LanguageOption = "ar",
    keep_all: KeepAll = False,
    format: Annotated[
        ReportFormat, typer.Option("--format", help="A table (text) or a document (json).")
    ] = ReportFormat.text,
) -> None:
    """Time every narration word from supplied timestamps or from the audio itself."""
    if (timestamps is None) == (audio is None):
        raise UsageError("give --timestamps FILE or --audio RECORDING (one of them)")
    if audio is not None:
        _align_audio(narration, audio, language, keep_all, format)
        return
    from rich.console import Console
    from rich.table import Table

    from captionkit.make import align_file

    assert timestamps is not None
    document = align_file(
        narration, timestamps, timestamps_format=timestamps_format, keep_all=keep_all
    ).as_json()
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
    note(
        f"{document['matched']} of {document['word_count']} words matched "
        f"({document['matched_share']:.1%}); {document['format']} {document['level']}-level "
        "timestamps"
    )
    for line in document["lines"]:
        if line["flagged"]:
            note(f"  line {line['line']}: interpolated over {line['interpolated_run']} words")


def _align_audio(
    narration: str, audio: str, language: str, keep_all: bool, format: ReportFormat
) -> None:
    """``align --audio``: every word placed in the recording; whisperX-shaped JSON."""
    from rich.console import Console
    from rich.table import Table

    from captionkit.audio import align_words, whisper_json
    from captionkit.make import read_narration

    words = read_narration(narration, keep_all=keep_all).words
    alignment = align_words(words, audio, language=language)
    if format is ReportFormat.json:
        print_json(whisper_json(alignment, language=language))
        return
    console = Console(highlight=False, width=100)
    table = Table(box=None)
    for column in ("#", "word", "start", "end", "status"):
        table.add_column(column)
    for word in alignment.words:
        table.add_row(
            str(word.index),
            word.word,
            format_duration(word.start_ms),
            format_duration(word.end_ms),
            word.status,
        )
    console.print(table)
    note(
        f"{len(alignment.aligned)} of {len(alignment.words)} words found in the audio; "
        f"{len(alignment.missing)} missing (no audio of their own: reported, not stretched)"
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="align")(align_command)
