"""``demo``: caption the bundled sample narration, to see what ``make`` does in a second."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from captionkit.cli.common import emit, handles_errors, note
from captionkit.cli.make_report import print_make_report
from captionkit.errors import CaptionkitError

if TYPE_CHECKING:
    from captionkit.model import Format


DemoFolder = Annotated[
    Path, typer.Option("--dir", help="Folder to write demo.srt and demo.vtt in.")
]


@handles_errors
def demo(folder: DemoFolder = Path(".")) -> None:
    """Caption the bundled sample narration and write demo.srt and demo.vtt."""
    from importlib import resources

    from captionkit.make import make

    name = "sample-narration-ar.txt"
    sample = resources.files("captionkit.data").joinpath(name).read_bytes()
    paths: list[tuple[Path, Format]] = [(folder / "demo.srt", "srt"), (folder / "demo.vtt", "vtt")]
    for path, _ in paths:
        if path.exists():
            raise CaptionkitError(
                "already exists: demo writes only new files (remove it, or give --dir)",
                file=str(path),
            )
    result = make(sample, file=name)
    emit([(str(path), result.to_bytes(kind)) for path, kind in paths])
    for path, _ in paths:
        note(f"wrote {path} ({len(result.track)} cues)")
    print_make_report(result.report)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(demo)
