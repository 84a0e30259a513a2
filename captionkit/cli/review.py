"""``review``: a static site to review a catalogue of subtitle files in a browser."""

from __future__ import annotations

import time
from dataclasses import replace
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from captionkit.cli.batch import (
    Dask,
    ExecutorChoice,
    ExecutorOption,
    Jobs,
    batch_settings,
    expand_inputs,
    prepare_folders,
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


class Previews(str, Enum):
    """Which cues get a pre-rendered (libass) preview."""

    none = "none"
    flagged = "flagged"
    all = "all"


@handles_errors
def review_command(
    inputs: Annotated[list[str], typer.Argument(help="Subtitle files, folders or globs.")],
    output: Annotated[
        str, typer.Option("-o", "--output", help="Folder to write the site in.")
    ] = "review",
    video: Annotated[
        str | None,
        typer.Option(
            "--video",
            help="The video (one input), or a folder of videos named like the subtitles; "
            "by default a video beside each file with the same name.",
        ),
    ] = None,
    previews: Annotated[
        Previews,
        typer.Option("--previews", help="Pre-render cue previews: none, flagged or all."),
    ] = Previews.flagged,
    serve: Annotated[
        bool, typer.Option("--serve", help="Then serve the site on 127.0.0.1 (Ctrl-C stops).")
    ] = False,
    port: Annotated[int, typer.Option("--port", help="Port for --serve (0: a free one).")] = 0,
    profile: ProfileOption = None,
    encoding: EncodingOption = None,
    jobs: Jobs = None,
    dask: Dask = None,
    executor: ExecutorOption = ExecutorChoice.auto,
) -> None:
    """Write a review site: a catalogue (files x rules, worst first) and a page per file
    with its video, captions, findings beside cues, previews and the fix's diff."""
    from captionkit.profiles import resolve_profile
    from captionkit.render.fonts import default_font_path
    from captionkit.render.review import build_site, review_file

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
    reviews = []
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
    try:
        font: bytes | None = default_font_path().read_bytes()
    except Exception:  # the site falls back to the system's Arabic font
        font = None
    site = build_site(reviews, font=font, video_base=output)
    outputs = [(str(Path(output) / name), data) for name, data in site]
    prepare_folders([path for path, _ in outputs])
    emit(outputs, inputs=[item.path for item in items])
    summary = summary_of(len(items), failures)
    print_summary(summary, time.perf_counter() - started, "reviewed")
    index = Path(output, "index.html").resolve()
    note(f"wrote {index}")
    if serve:
        from captionkit.render.review.serve import make_server

        server = make_server(output, port)
        note(f"serving http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)")
        try:
            server.serve_forever()
        finally:
            server.server_close()
    raise typer.Exit(2 if summary.failed else 0)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="review")(review_command)
