"""``preview`` and ``burn``: captions drawn as real renderers draw them."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from captionkit.cli.common import EncodingOption, Input, emit, handles_errors, note, stderr
from captionkit.errors import UsageError
from captionkit.model import Cue, Track

if TYPE_CHECKING:
    from PIL.Image import Image

    from captionkit.render.fonts import Font
    from captionkit.render.players import Player
    from captionkit.render.preview import Engine
    from captionkit.render.size import Size


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
    """Draw a frame of a subtitle file as a real renderer shows it, to a PNG.

    An ASS file goes to libass as it is (its styles, positions and margins).
    """
    from captionkit.formats import read
    from captionkit.render.size import Size
    from captionkit.timecode import parse_time

    _check_choice(output, at, cue, sheet, flagged)
    track = read(input, encoding=encoding)
    choice = _Choice(
        at=parse_time(at) if at is not None else None,
        cue=cue,
        sheet=sheet,
        player=player.value if player else None,
        flagged=_flagged_notes(track) if flagged else None,
    )
    pairs, images = _draw(track, choice, engine.value, Size.parse(size), font)
    image = _sheet(images, [label for label, _ in pairs]) if sheet else images[0]
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    emit([(output, buffer.getvalue())], inputs=[input])
    if output != "-":
        note(f"wrote {output} ({image.width}x{image.height}, {engine.value})")


@dataclass(frozen=True, slots=True)
class _Choice:
    """Which frames ``preview`` draws, and as which player."""

    at: int | None
    cue: int | None
    sheet: bool
    player: str | None
    flagged: dict[int, str] | None


def _check_choice(output: str, at: str | None, cue: int | None, sheet: bool, flagged: bool) -> None:
    if sheet and (at is not None or cue is not None):
        raise UsageError("--sheet draws every cue: leave out --at and --cue")
    if at is not None and cue is not None:
        raise UsageError("give --at or --cue, not both")
    if flagged and not sheet:
        raise UsageError("--flagged goes with --sheet")
    if output != "-" and Path(output).suffix.lower() not in (".png", ""):
        raise UsageError(f"preview writes PNG images: name the output .png, not {output!r}")


def _flagged_notes(track: Track) -> dict[int, str]:
    """Cue number -> the first rule ``check`` reports there."""
    from captionkit.check.engine import check_track

    notes: dict[int, str] = {}
    for finding in check_track(track):
        notes.setdefault(finding.cue, finding.rule)
    return notes


def _draw(
    track: Track, choice: _Choice, engine: str, size: Size, font: Path | None
) -> tuple[list[tuple[str, str]], list[Image]]:
    """The ``(label, text)`` pairs chosen and their images.

    libass gets an ASS file whole (with the player simulation applied to its
    texts), at the time of each frame; other engines and formats get the cue texts
    (an ASS text without its override blocks).
    """
    from captionkit.render.fonts import resolve_font
    from captionkit.render.preview import preview_texts, render_cue_texts

    pairs = preview_texts(
        track,
        at=choice.at,
        cue=choice.cue,
        sheet=choice.sheet,
        player=cast("Player | None", choice.player),
        flagged=choice.flagged,
    )
    chosen_font = resolve_font(font)
    if engine == "libass" and track.format == "ass":
        return pairs, _ass_frames(track, choice, size, chosen_font)
    texts = [text for _, text in pairs]
    if track.format == "ass":  # the other engines draw what a player shows of the text
        from captionkit.formats.ass import plain_text

        texts = [plain_text(text) for text in texts]
    return pairs, render_cue_texts(texts, cast("Engine", engine), size, chosen_font)


def _ass_frames(track: Track, choice: _Choice, size: Size, font: Font) -> list[Image]:
    """The frames of an ASS track as libass draws the file: at ``--at``, or in the middle
    of each chosen cue."""
    from captionkit.formats import dumps
    from captionkit.render.libass import render_ass_at
    from captionkit.render.players import simulate

    cues = track.cues
    if choice.player is not None:
        player = cast("Player", choice.player)
        track = track.with_cues([cue.with_text(simulate(cue.text, player)) for cue in cues])
    if choice.at is not None:
        times = [choice.at]
    elif choice.cue is not None:
        times = [_middle(cues[choice.cue - 1])]
    else:
        times = [
            _middle(cue)
            for number, cue in enumerate(cues, 1)
            if choice.flagged is None or number in choice.flagged
        ]
    return render_ass_at(dumps(track, "ass"), times, size, font)


def _middle(cue: Cue) -> int:
    return cue.start + max(0, cue.end - cue.start) // 2


def _sheet(images: list[Image], labels: list[str]) -> Image:
    from captionkit.render.preview import contact_sheet

    return contact_sheet(images, labels)


@handles_errors
def burn_command(
    video: Annotated[Path, typer.Argument(help="Video to burn the captions into.")],
    subtitles: Annotated[
        Path, typer.Argument(help="Subtitle file (.srt, .vtt; .ass burnt with its own styles).")
    ],
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
    """Burn captions into a video (libass), with the RTL treatment the evidence chose.

    An ASS file is burnt as it is, with its own styles.
    """
    from captionkit.render.burn import burn, burn_style
    from captionkit.render.fonts import resolve_font
    from captionkit.timecode import format_duration

    if subtitles.suffix.lower() in (".ass", ".ssa") and (profile is not None or style):
        raise UsageError(
            "--profile and --style restyle SubRip and WebVTT captions: "
            "an ASS file is burnt with its own styles"
        )
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

    info = run(None) if quiet else _with_progress_bar(run)
    note(f"wrote {output} ({info.size}, {format_duration(info.duration_ms)}, audio copied)")


def _with_progress_bar(run: Callable[[Callable[[float], None] | None], Any]) -> Any:
    """``run(progress)`` under a progress bar on standard error."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        TextColumn("burning"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=stderr, transient=True) as bar:
        task = bar.add_task("burn", total=1.0)
        return run(lambda done: bar.update(task, completed=done))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(preview)
    app.command(name="burn")(burn_command)
