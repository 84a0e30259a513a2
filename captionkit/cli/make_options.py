"""The options of ``make`` (and those ``align`` shares) and what they mean: the outputs
with their caption formats, and where the times come from."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from captionkit.cli.common import ReportFormat
from captionkit.errors import CaptionkitError, UsageError

if TYPE_CHECKING:  # the pipeline is imported when a command runs, not for --help
    from collections.abc import Sequence

    from captionkit.make import FromAudio, FromTimestamps, SpeechRate
    from captionkit.model import Format

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


Narrations = Annotated[
    list[str],
    typer.Argument(
        help="Narration scripts, one phrase a line (or - for stdin); "
        "many (files, folders of .txt, globs) go to -o DIR."
    ),
]
DurationOption = Annotated[
    str | None,
    typer.Option("--duration", help="Fit the narration to this length (2:35, 155s)."),
]
StartOption = Annotated[str | None, typer.Option("--start", help="When the narration starts.")]
FpsOption = Annotated[
    str | None, typer.Option("--fps", help="Frame rate for the minimum gap (25, 24000/1001).")
]
RtlOption = Annotated[
    str | None,
    typer.Option(
        "--rtl",
        help="RTL output: none, marks, embed or visual "
        "(default: embed, chosen from rendered evidence).",
    ),
]
ReportOption = Annotated[
    ReportFormat, typer.Option("--format", help="Report as text (stderr) or json (stdout).")
]
BatchTo = Annotated[
    str, typer.Option("--to", help="Caption format of a batch's outputs: srt or vtt.")
]


#: make's default speech rate (``captionkit.make.timing.DEFAULT_RATE``; a test checks both agree)
DEFAULT_RATE = 14.0


def _time_option(flag: str, text: str) -> int:
    """A time option's value in milliseconds; a bad one is a usage error naming the flag."""
    from captionkit.timecode import parse_time

    try:
        return parse_time(text)
    except CaptionkitError as error:
        raise UsageError(f"{flag}: {error.message}") from None


def outputs_of(
    paths: list[str], report: ReportFormat, inputs: Sequence[str] = ()
) -> list[tuple[str, Format]]:
    """Each output with the caption format it gets (from its extension; ``-`` is SRT).

    An output that names an input is refused first: its name says nothing of a format.
    """
    from captionkit.formats import format_from_path
    from captionkit.io import refuse_input_as_output

    chosen = list(paths) or (["-"] if report is ReportFormat.text else [])
    if report is ReportFormat.json and "-" in chosen:
        raise UsageError("-o - and --format json both write to stdout: choose one")
    targets: list[tuple[str, Format]] = []
    for path in chosen:
        refuse_input_as_output(path, inputs)
        kind: Format | None = "srt" if path == "-" else format_from_path(path)
        if kind is None:
            raise UsageError(
                f"cannot tell the caption format of {path!r}: use .srt, .vtt, .ass, .ttml or .json"
            )
        targets.append((path, kind))
    return targets


def speech_rate(rate: float | None, start: str | None, duration: str | None) -> SpeechRate:
    """Times from the speech rate, from ``--start``, fitted to ``--duration`` when given."""
    from captionkit.make import SpeechRate

    return SpeechRate(
        rate=rate if rate is not None else DEFAULT_RATE,
        start_ms=_time_option("--start", start) if start is not None else 0,
        duration_ms=_time_option("--duration", duration) if duration is not None else None,
    )


def timing_of(
    rate: float | None,
    start: str | None,
    duration: str | None,
    timestamps: str | None,
    timestamps_format: str | None,
    audio: str | None,
    language: str,
) -> SpeechRate | FromTimestamps | FromAudio:
    """Where one narration's times come from: timestamps, the audio, or the speech rate."""
    from captionkit.make import FromAudio, FromTimestamps

    if timestamps is None and audio is None:
        return speech_rate(rate, start, duration)
    source = "--timestamps" if timestamps is not None else "--audio"
    for flag, value in (("--rate", rate), ("--duration", duration), ("--start", start)):
        if value is not None:
            raise UsageError(f"{flag} and {source} both set the timing: choose one")
    if timestamps is None:
        assert audio is not None
        return FromAudio(audio, language=language)
    from captionkit.align.sources import read_timestamps

    return FromTimestamps(
        read_timestamps(timestamps, timestamps_format), audio=audio, language=language
    )
