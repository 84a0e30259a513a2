"""``preview`` and ``burn``: captions drawn as real renderers draw them."""

from __future__ import annotations

import io
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from captionkit.cli.common import EncodingOption, Input, emit, handles_errors, note, stderr
from captionkit.errors import UsageError


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
    from captionkit.formats import read
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
    if output != "-" and Path(output).suffix.lower() not in (".png", ""):
        raise UsageError(f"preview writes PNG images: name the output .png, not {output!r}")
    emit([(output, buffer.getvalue())], inputs=[input])
    if output != "-":
        note(f"wrote {output} ({image.width}x{image.height}, {engine.value})")


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
    from captionkit.timecode import format_duration

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
    note(f"wrote {output} ({info.size}, {format_duration(info.duration_ms)}, audio copied)")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(preview)
    app.command(name="burn")(burn_command)
