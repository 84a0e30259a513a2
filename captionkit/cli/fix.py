"""``fix``: repair what check finds and can fix safely, in one file or a catalogue of them."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from captionkit.cli.batch import (
    BatchInputs,
    Dask,
    ExecutorChoice,
    ExecutorOption,
    Jobs,
    Written,
    batch_settings,
    exit_for,
    is_batch,
    write_batch,
)
from captionkit.cli.common import (
    ConfigOption,
    EncodingOption,
    MaxChars,
    MaxLines,
    ProfileOption,
    emit,
    handles_errors,
)
from captionkit.errors import UsageError

if TYPE_CHECKING:  # the checker is imported when the command runs, not for --help
    from collections.abc import Sequence
    from pathlib import Path

    from captionkit.batch import BatchSettings, BatchSummary
    from captionkit.check import Rule
    from captionkit.model import Format
    from captionkit.profiles import Profile

#: What a file's run gives: its diff, its fixed bytes only when something changed, or always.
Give = Literal["diff", "changed", "always"]

FixOutput = Annotated[
    str | None,
    typer.Option(
        "-o",
        "--output",
        help="Output file, - for stdout (the default), or a folder for many inputs.",
    ),
]
InPlace = Annotated[
    bool,
    typer.Option("--in-place", help="Rewrite the inputs (each keeps its FILE.bak)."),
]
Backup = Annotated[
    bool, typer.Option("--backup/--no-backup", help="Keep FILE.bak with --in-place.")
]
RuleOption = Annotated[
    list[str] | None,
    typer.Option("--rule", help="Only these rules (ids or prefixes), unsafe fixes included."),
]
UnsafeFixes = Annotated[
    bool, typer.Option("--unsafe-fixes", help="Also re-break lines and change letters.")
]
DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Print a diff of the changed cues; write nothing.")
]
FixRtl = Annotated[
    str | None,
    typer.Option(
        "--rtl",
        help="Direction marks to write: none, marks, embed (default: the file's own, "
        "or embed after moving punctuation).",
    ),
]


def fix_one(
    path: str,
    *,
    rules: Sequence[Rule],
    profile: Profile,
    rtl: str | None,
    named: bool,
    unsafe: bool,
    encoding: str | None,
    give: Give,
    target_format: Format | None = None,
) -> Written:
    """One file repaired: its diff or its fixed bytes (``give``), and a line a change."""
    from captionkit.check import fix_track
    from captionkit.check.changes import change_line, changes_diff
    from captionkit.formats import read, to_bytes

    track = read(path, encoding=encoding)
    fixed, changes = fix_track(track, rules, profile, rtl, named=named, unsafe=unsafe)
    cues = len({change.cue for change in changes})
    notes = [change_line(path, change) for change in changes]
    notes.append(f"{len(changes)} fixes in {cues} cues")
    data: bytes | None
    if give == "diff":
        data = changes_diff(path, changes).encode("utf-8", "surrogateescape")
    elif give == "changed" and not changes:
        data = None
    else:
        data = to_bytes(fixed, target_format or track.format)
    return Written(data, tuple(notes))


@handles_errors
def fix_command(
    inputs: BatchInputs,
    output: FixOutput = None,
    in_place: InPlace = False,
    backup: Backup = True,
    rule: RuleOption = None,
    unsafe_fixes: UnsafeFixes = False,
    dry_run: DryRun = False,
    rtl: FixRtl = None,
    profile: ProfileOption = None,
    max_chars: MaxChars = None,
    max_lines: MaxLines = None,
    config: ConfigOption = None,
    encoding: EncodingOption = None,
    jobs: Jobs = None,
    dask: Dask = None,
    executor: ExecutorOption = ExecutorChoice.auto,
) -> None:
    """Repair what check finds and can fix safely; nothing else in the file changes.

    Many inputs (files, folders, globs) go to -o DIR (mirroring the input tree),
    --in-place (each file keeps its own backup) or --dry-run (one diff after another).
    """
    _check_usage(inputs, output, in_place, rtl)
    work = _fixer(rule, unsafe_fixes, rtl, profile, max_chars, max_lines, config, encoding)
    backup_suffix = ".bak" if backup else None
    if is_batch(inputs, output):
        settings = batch_settings(jobs, dask, executor)
        raise exit_for(_fix_batch(inputs, output, in_place, dry_run, backup_suffix, work, settings))
    _fix_single(inputs[0], output, in_place, dry_run, backup_suffix, work)


def _check_usage(inputs: list[str], output: str | None, in_place: bool, rtl: str | None) -> None:
    """The option combinations ``fix`` refuses, before any file is read."""
    from captionkit.text.rtl import parse_rtl_mode

    if in_place and output is not None:
        raise UsageError("--in-place rewrites the input files and takes no -o")
    if in_place and "-" in inputs:
        raise UsageError("--in-place rewrites named files, not standard input")
    if rtl is not None and parse_rtl_mode(rtl).value not in ("none", "marks", "embed"):
        raise UsageError(f"--rtl must be none, marks or embed, not {rtl!r}")


def _fixer(
    rule: list[str] | None,
    unsafe: bool,
    rtl: str | None,
    profile: str | None,
    max_chars: int | None,
    max_lines: int | None,
    config: Path | None,
    encoding: str | None,
) -> Callable[..., Written]:
    """:func:`fix_one` with the rules and the profile the options and settings choose."""
    from captionkit.check import select_rules
    from captionkit.check.runner import check_settings
    from captionkit.profiles import resolve_profile

    chosen = resolve_profile(
        profile, {"max_chars_per_line": max_chars, "max_lines": max_lines}, config=config
    )
    rules = select_rules(rule) if rule else list(check_settings(config=config).rules)
    return partial(
        fix_one,
        rules=rules,
        profile=chosen,
        rtl=rtl,
        named=bool(rule),
        unsafe=unsafe,
        encoding=encoding,
    )


def _fix_single(
    input: str,
    output: str | None,
    in_place: bool,
    dry_run: bool,
    backup_suffix: str | None,
    work: Callable[..., Written],
) -> None:
    """One file fixed to ``-o`` (stdout by default) or in place, or its diff printed."""
    from captionkit.formats import format_from_path

    if dry_run:
        target, give, kind = "-", "diff", None
    elif in_place:
        target, give, kind = input, "changed", None
    else:
        target, give = output or "-", "always"
        kind = format_from_path(target) if target != "-" else None
    result = work(input, give=give, target_format=kind)
    if result.data is not None:
        emit(
            [(target, result.data)],
            inputs=[input],
            in_place=in_place and not dry_run,
            backup_suffix=backup_suffix,
        )
    # One write for every notice: a large file can have hundreds of thousands of fixes.
    sys.stderr.write("".join(line + "\n" for line in result.notes))
    sys.stderr.flush()


def _fix_batch(
    inputs: list[str],
    output: str | None,
    in_place: bool,
    dry_run: bool,
    backup_suffix: str | None,
    work: Callable[..., Written],
    settings: BatchSettings,
) -> BatchSummary:
    """Many files fixed into a folder that mirrors their tree, or in place, or diffed."""
    from captionkit.batch import expand_inputs, mirror_outputs

    if not (dry_run or in_place) and (output is None or output == "-"):
        raise UsageError(
            "many inputs are written to a folder, in place or as a diff: "
            "give -o DIR, --in-place or --dry-run"
        )
    items = expand_inputs(inputs)
    give: Give
    if dry_run:
        outputs, give, label = ["-"] * len(items), "diff", "diffed"
    elif in_place:
        outputs, give, label = [item.path for item in items], "changed", "fixed"
    else:
        assert output is not None
        outputs, give, label = mirror_outputs(items, output), "always", "fixed"
    return write_batch(
        partial(work, give=give),
        items,
        outputs,
        settings,
        label=label,
        in_place=in_place and not dry_run,
        backup_suffix=backup_suffix,
    )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="fix")(fix_command)
