"""``review``: a static site to review a catalogue of subtitle files in a browser."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from captionkit.cli.batch import (
    Dask,
    ExecutorChoice,
    ExecutorOption,
    Jobs,
    batch_settings,
    print_summary,
    progress_outcomes,
    summary_of,
)
from captionkit.cli.common import (
    EncodingOption,
    ProfileOption,
    emit,
    handles_errors,
    note,
    stderr,
)
from captionkit.errors import UsageError

if TYPE_CHECKING:  # the review machinery is imported when the command runs, not for --help
    from captionkit.batch import BatchInput, BatchSettings
    from captionkit.render.review import FileReview


class Previews(str, Enum):
    """Which cues get a pre-rendered (libass) preview."""

    none = "none"
    flagged = "flagged"
    all = "all"


ReviewInputs = Annotated[list[str], typer.Argument(help="Subtitle files, folders or globs.")]
SiteFolder = Annotated[str, typer.Option("-o", "--output", help="Folder to write the site in.")]
VideoOption = Annotated[
    str | None,
    typer.Option(
        "--video",
        help="The video (one input), or a folder of videos named like the subtitles; "
        "by default a video beside each file with the same name.",
    ),
]
PreviewsOption = Annotated[
    Previews,
    typer.Option("--previews", help="Pre-render cue previews: none, flagged or all."),
]
ServeOption = Annotated[
    bool, typer.Option("--serve", help="Then serve the site on 127.0.0.1 (Ctrl-C stops).")
]
PortOption = Annotated[int, typer.Option("--port", help="Port for --serve (0: a free one).")]


@handles_errors
def review_command(
    inputs: ReviewInputs,
    output: SiteFolder = "review",
    video: VideoOption = None,
    previews: PreviewsOption = Previews.flagged,
    serve: ServeOption = False,
    port: PortOption = 0,
    profile: ProfileOption = None,
    encoding: EncodingOption = None,
    jobs: Jobs = None,
    dask: Dask = None,
    executor: ExecutorOption = ExecutorChoice.auto,
) -> None:
    """Write a review site: a catalogue (files x rules, worst first) and a page per file
    with its video, captions, findings beside cues, previews and the fix's diff."""
    from captionkit.batch import expand_inputs
    from captionkit.profiles import resolve_profile
    from captionkit.render.review import review_file

    settings = batch_settings(jobs, dask, executor)
    items = expand_inputs(inputs)
    if video is not None and Path(video).is_file() and len(items) > 1:
        raise UsageError("--video names one video: give one subtitle file, or a folder of videos")
    work = partial(
        review_file,
        profile=resolve_profile(profile),
        video=video,
        previews=previews.value,
        encoding=encoding,
    )
    started = time.perf_counter()
    reviews, failures = _review_files(work, items, settings)
    _write_site(reviews, items, output)
    summary = summary_of(len(items), failures)
    print_summary(summary, time.perf_counter() - started, "reviewed")
    note(f"wrote {Path(output, 'index.html').resolve()}")
    if serve:
        _serve(output, port)
    raise typer.Exit(2 if summary.failed else 0)


def _review_files(
    work: Callable[[str], FileReview], items: list[BatchInput], settings: BatchSettings
) -> tuple[list[FileReview], list[str]]:
    """Every file's review, in input order, and the failures (each printed as it comes)."""
    reviews: list[FileReview] = []
    failures: list[str] = []
    for outcome in progress_outcomes(work, [item.path for item in items], settings, "reviewing"):
        if outcome.error is not None:  # a bug in the review itself: the file is listed as failed
            failures.append(outcome.error)
            stderr.print(outcome.error, markup=False)
            continue
        assert outcome.value is not None
        review = replace(outcome.value, index=outcome.index, name=items[outcome.index].relative)
        if review.error is not None:
            failures.append(review.error)
            stderr.print(review.error, markup=False)
        reviews.append(review)
    return reviews, failures


def _write_site(reviews: list[FileReview], items: list[BatchInput], output: str) -> None:
    """The site's pages and assets, written into ``output`` (all or nothing)."""
    from captionkit.batch import prepare_folders
    from captionkit.render.fonts import default_font_path
    from captionkit.render.review import build_site

    try:
        font: bytes | None = default_font_path().read_bytes()
    except Exception:  # the site falls back to the system's Arabic font
        font = None
    site = build_site(reviews, font=font, video_base=output)
    outputs = [(str(Path(output) / name), data) for name, data in site]
    prepare_folders([path for path, _ in outputs])
    emit(outputs, inputs=[item.path for item in items])


def _serve(output: str, port: int) -> None:
    """Serve the site on 127.0.0.1 until Ctrl-C."""
    from captionkit.render.review.serve import make_server

    server = make_server(output, port)
    note(f"serving http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    finally:
        server.server_close()


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="review")(review_command)
