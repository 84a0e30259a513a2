"""``align``: every word of a narration with its time, from timestamps or from the audio."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

import typer

from captionkit.cli.common import ReportFormat, handles_errors, note, print_json
from captionkit.cli.make_options import KeepAll, LanguageOption, TimestampsFormatOption
from captionkit.errors import UsageError

NarrationArgument = Annotated[
    str, typer.Argument(help="Narration script, one phrase a line (or - for stdin).")
]
TimestampsOption = Annotated[
    str | None,
    typer.Option(
        "--timestamps",
        help="Recognizer JSON, auto-caption WebVTT, SRT/WebVTT, aeneas map, CSV/TSV, "
        "or one time per line.",
    ),
]
AudioOption = Annotated[
    str | None,
    typer.Option(
        "--audio",
        help="Time the words from this recording instead (needs captionkit[audio]); "
        "--format json gives the whisperX word-timestamps shape.",
    ),
]
ReportOption = Annotated[
    ReportFormat, typer.Option("--format", help="A table (text) or a document (json).")
]


@handles_errors
def align_command(
    narration: NarrationArgument,
    timestamps: TimestampsOption = None,
    timestamps_format: TimestampsFormatOption = None,
    audio: AudioOption = None,
    language: LanguageOption = "ar",
    keep_all: KeepAll = False,
    format: ReportOption = ReportFormat.text,
) -> None:
    """Time every narration word from supplied timestamps or from the audio itself."""
    if (timestamps is None) == (audio is None):
        raise UsageError("give --timestamps FILE or --audio RECORDING (one of them)")
    if audio is not None:
        _align_audio(narration, audio, language, keep_all, format)
        return
    from captionkit.make import align_file

    assert timestamps is not None
    document = align_file(
        narration, timestamps, timestamps_format=timestamps_format, keep_all=keep_all
    ).as_json()
    if format is ReportFormat.json:
        print_json(document)
        return
    _print_words(
        (word["index"], word["word"], word["start"], word["end"], word["status"])
        for word in document["words"]
    )
    note(
        f"{document['matched']} of {document['word_count']} words matched "
        f"({document['matched_share']:.1%}); {document['format']} {document['level']}-level "
        "timestamps"
    )
    for line in document["lines"]:
        if line["flagged"]:
            note(f"  line {line['line']}: interpolated over {line['interpolated_run']} words")


def _print_words(rows: Iterable[tuple[int, str, int, int, str]]) -> None:
    """The words as a table on stdout: number, word, start, end, status."""
    from rich.console import Console
    from rich.table import Table

    from captionkit.timecode import format_duration

    console = Console(highlight=False, width=100)
    table = Table(box=None)
    for column in ("#", "word", "start", "end", "status"):
        table.add_column(column)
    for index, word, start, end, status in rows:
        table.add_row(str(index), word, format_duration(start), format_duration(end), status)
    console.print(table)


def _align_audio(
    narration: str, audio: str, language: str, keep_all: bool, format: ReportFormat
) -> None:
    """``align --audio``: every word placed in the recording; whisperX-shaped JSON."""
    from captionkit.audio import align_words, whisper_json
    from captionkit.make import read_narration

    script = read_narration(narration, keep_all=keep_all)
    alignment = align_words(script.words, audio, language=language, line_ends=script.line_ends)
    if format is ReportFormat.json:
        print_json(whisper_json(alignment, language=language))
        return
    _print_words(
        (word.index, word.word, word.start_ms, word.end_ms, word.status) for word in alignment.words
    )
    note(
        f"{len(alignment.aligned)} of {len(alignment.words)} words found in the audio; "
        f"{len(alignment.missing)} missing (no audio of their own: reported, not stretched)"
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="align")(align_command)
