"""What the file commands share to run on many files: options, inputs, outputs, progress.

A command is in batch mode when it is given more than one input, a folder or a glob, or
an output that is a folder (``-o DIR/`` or an existing folder). Then:

* the inputs expand to files (folders searched for subtitle files, globs matched, the
  result sorted inside each argument, duplicates dropped), each with the path it has
  relative to the argument that named it, so that ``-o DIR`` mirrors the input tree
  (:func:`captionkit.batch.expand_inputs`, :func:`captionkit.batch.mirror_outputs`);
* ``--jobs N`` (default: the cores) runs the files in processes, ``--dask ADDRESS`` on a
  Dask cluster (:mod:`captionkit.batch`);
* one Rich progress bar on a terminal, one line a file (in input order), a summary, and
  exit status 2 when any file failed; a failed file never stops the rest, and every
  output is written whole or not at all (:mod:`captionkit.io`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from captionkit.cli.common import emit, message_of, print_lines, stderr, stderr_console
from captionkit.errors import CaptionkitError, UsageError

if TYPE_CHECKING:  # the executors (multiprocessing, concurrent.futures) load when a batch runs
    from captionkit.batch import BatchInput, BatchSettings, BatchSummary, Outcome

R = TypeVar("R")


class ExecutorChoice(str, Enum):
    """Where the files of a batch run (``--executor``)."""

    auto = "auto"
    serial = "serial"
    process = "process"
    dask = "dask"


BatchInputs = Annotated[
    list[str], typer.Argument(help="Subtitle files, folders or globs, or - for stdin.")
]
Jobs = Annotated[
    int | None,
    typer.Option("--jobs", "-j", help="Files processed in parallel (default: the cores).", min=1),
]
Dask = Annotated[
    str | None,
    typer.Option(
        "--dask",
        help="Run the files as tasks on the Dask scheduler at ADDRESS (tcp://host:8786).",
    ),
]
ExecutorOption = Annotated[
    ExecutorChoice,
    typer.Option(
        "--executor",
        help="auto, serial, process or dask (a local Dask cluster of --jobs workers "
        "without --dask).",
    ),
]


def batch_settings(
    jobs: int | None, dask: str | None, executor: ExecutorChoice = ExecutorChoice.auto
) -> BatchSettings:
    """The executor the options ask for (``--dask`` implies ``--executor dask``).

    >>> batch_settings(2, None).resolved()
    ('process', 2)
    >>> batch_settings(None, "tcp://scheduler:8786").resolved()[0]
    'dask'
    """
    from captionkit.batch import BatchSettings

    chosen = executor.value
    if dask is not None and chosen == "auto":
        chosen = "dask"
    if dask is not None and chosen != "dask":
        raise UsageError(f"--dask runs on a Dask cluster: it does not go with --executor {chosen}")
    return BatchSettings(jobs=jobs, executor=chosen, address=dask)  # type: ignore[arg-type]


def is_batch(inputs: Sequence[str], output: str | None) -> bool:
    """Whether a run is a batch: many inputs, a folder or glob, or an output folder.

    An output is a folder when it ends with ``/``, or is an existing folder whose name
    is not a subtitle file's: a folder named ``out.vtt`` is a mistake to report (it
    cannot be written), not a place to write into.
    """
    from captionkit.batch import is_pattern

    if len(inputs) > 1:
        return True
    if any(name != "-" and (os.path.isdir(name) or is_pattern(name)) for name in inputs):
        return True
    if output is None or output == "-":
        return False
    if output.endswith(("/", os.sep)):
        return True
    from captionkit.formats import format_from_path

    return os.path.isdir(output) and format_from_path(output) is None


def progress_outcomes(
    function: Callable[[str], R],
    paths: Sequence[str],
    settings: BatchSettings,
    label: str = "processing",
) -> Iterator[Outcome[R]]:
    """:func:`captionkit.batch.run_batch` with one Rich progress bar on stderr (a terminal only).

    Lines printed on ``stderr`` while it runs appear above the bar.
    """
    from captionkit.batch import run_batch

    if not stderr.is_terminal or len(paths) < 2:
        yield from run_batch(function, paths, settings)
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=stderr_console(), transient=True) as progress:
        task = progress.add_task(label, total=len(paths))
        for outcome in run_batch(function, paths, settings):
            progress.advance(task)
            yield outcome


@dataclass(frozen=True, slots=True)
class Written:
    """What a per-file function of a file command gives back: its output's bytes and notes."""

    #: The output's bytes; None when there is nothing to write (``fix --in-place``, no fixes).
    data: bytes | None
    notes: tuple[str, ...] = ()
    #: A JSON-ready report of the file, for ``--format json`` (None when not asked for).
    document: object = None


def summary_of(total: int, failures: Sequence[str]) -> BatchSummary:
    """The summary of a batch of ``total`` files of which ``failures`` failed (in order)."""
    from captionkit.batch import BatchSummary

    return BatchSummary(total, total - len(failures), len(failures), tuple(failures))


def write_batch(
    function: Callable[[str], Written],
    items: Sequence[BatchInput],
    outputs: Sequence[str],
    settings: BatchSettings,
    *,
    label: str,
    in_place: bool = False,
    backup_suffix: str | None = ".bak",
    on_written: Callable[[int, Written], None] | None = None,
) -> BatchSummary:
    """Run a file command over a batch: each result written to its output as it comes.

    Every output goes through the output layer (whole or not at all; never over an input
    unless ``in_place``, which keeps a backup of each file: ``backup_suffix``); a file whose
    work or write fails is reported as ``file:line: message`` and the batch goes on. An
    output ``-`` is standard output (one after the other, in input order). Returns the
    summary (printed on stderr too).
    """
    from captionkit.batch import prepare_folders

    prepare_folders([path for path in outputs if path != "-"])
    started = time.perf_counter()
    failures: list[str] = []
    total = 0
    paths = [item.path for item in items]
    for outcome in progress_outcomes(function, paths, settings, label):
        total += 1
        if outcome.error is not None:
            failures.append(outcome.error)
            stderr.print(outcome.error, markup=False)
            continue
        assert outcome.value is not None
        target = outputs[outcome.index]
        error = _write_one(outcome.input, target, outcome.value, in_place, backup_suffix)
        if error is not None:
            failures.append(error)
            stderr.print(error, markup=False)
            continue
        if on_written is not None:
            on_written(outcome.index, outcome.value)
        print_lines([f"  {line}" for line in outcome.value.notes])
    summary = summary_of(total, failures)
    print_summary(summary, time.perf_counter() - started, label)
    return summary


def _write_one(
    input: str, target: str, written: Written, in_place: bool, backup_suffix: str | None
) -> str | None:
    """Write one file's output and say where it went; the error's line when it failed."""
    if written.data is None:
        stderr.print(f"{input}: unchanged", markup=False)
        return None
    try:
        emit(
            [(target, written.data)], inputs=[input], in_place=in_place, backup_suffix=backup_suffix
        )
    except CaptionkitError as error:
        return message_of(error)
    if target != "-":
        stderr.print(f"{input} → {target}", markup=False)
    return None


def print_summary(summary: BatchSummary, seconds: float, label: str = "processed") -> None:
    """One line on stderr: how many files, how many failed, how long, how fast."""
    rate = summary.total / seconds if seconds > 0 else 0.0
    failed = f", {summary.failed} failed" if summary.failed else ""
    stderr.print(
        f"{summary.total} files: {summary.succeeded} {label}{failed} "
        f"in {seconds:.1f} s ({rate:.1f} files/s)",
        markup=False,
    )


def exit_for(summary: BatchSummary) -> typer.Exit:
    """Exit status 2 when any file failed, else 0."""
    return typer.Exit(2 if summary.failed else 0)
