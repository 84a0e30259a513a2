"""``check``: find what makes captions display or read wrongly (``fix`` mends it: cli/fix.py)."""

from __future__ import annotations

import os
import sys
from enum import Enum
from functools import partial
from typing import Annotated

import typer

from captionkit.cli.batch import (
    Dask,
    ExecutorChoice,
    ExecutorOption,
    Jobs,
    batch_settings,
    progress_outcomes,
)
from captionkit.cli.common import (
    ConfigOption,
    EncodingOption,
    Lenient,
    ProfileOption,
    flush_stdout,
    handles_errors,
)
from captionkit.errors import UsageError


class OutputFormat(str, Enum):
    """How ``check`` prints its findings (``text`` is the old name of ``full``)."""

    concise = "concise"
    full = "full"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    text = "text"


class FailOn(str, Enum):
    """The least severe finding that makes ``check`` exit 1."""

    error = "error"
    warning = "warning"
    info = "info"


RuleList = Annotated[
    list[str] | None,
    typer.Option(help="Rule ids or prefixes (rtl-), repeated or comma-separated."),
]


def _write(text: str) -> None:
    """Write report text to stdout as it comes (a reader that went away ends the run quietly)."""
    if not text:
        return
    try:
        sys.stdout.write(text)
    except BrokenPipeError:  # pragma: no cover - depends on the reader
        os._exit(0)


def _colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


@handles_errors
def check_command(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Subtitle files or folders (- for stdin).")
    ] = None,
    profile: ProfileOption = None,
    max_chars: Annotated[
        int | None, typer.Option("--max-chars", help="Visible characters a line.")
    ] = None,
    max_lines: Annotated[int | None, typer.Option("--max-lines", help="Lines a cue.")] = None,
    cps: Annotated[
        float | None, typer.Option("--cps", help="Maximum reading speed (characters/s).")
    ] = None,
    select: RuleList = None,
    ignore: RuleList = None,
    severity: Annotated[
        list[str] | None,
        typer.Option("--severity", help="RULE=error|warning|info, repeated."),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--output-format",
            "--format",
            help="concise, full, json, github, sarif or junit (default full).",
        ),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print counts by rule instead of findings.")
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when findings fail the run.")
    ] = False,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Least severe finding that fails the run (error)."),
    ] = None,
    config: ConfigOption = None,
    explain: Annotated[
        str | None, typer.Option("--explain", help="Explain one rule and exit.")
    ] = None,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List the rules and exit.")
    ] = False,
    encoding: EncodingOption = None,
    lenient: Lenient = False,
    jobs: Jobs = None,
    dask: Dask = None,
    executor: ExecutorOption = ExecutorChoice.auto,
) -> None:
    """Check RTL layout, line length, reading speed and timing; exit 1 on a failing finding.

    Files are checked in parallel (``--jobs``, ``--dask``); reports come in input order.
    """
    from captionkit.check import RULES, all_rules
    from captionkit.check.report import WRITERS, FileReport, Totals, explanation
    from captionkit.check.report import statistics as statistics_text
    from captionkit.check.runner import (
        check_file,
        check_file_portable,
        check_settings,
        collect_paths,
    )
    from captionkit.profiles import project_settings, resolve_profile

    if explain is not None:
        if explain not in RULES:
            raise UsageError(f"unknown rule {explain!r} (see captionkit check --list-rules)")
        typer.echo(explanation(explain))
        return
    if list_rules:
        for rule in all_rules():
            fix = "safe fix" if rule.fix and rule.safe else "unsafe fix" if rule.fix else ""
            typer.echo(f"{rule.id:<26} {rule.severity:<8} {fix:<11} {rule.summary}")
        return
    if not inputs:
        raise UsageError("give at least one file or folder to check")
    overrides = {"max_chars_per_line": max_chars, "max_lines": max_lines, "max_cps": cps}
    chosen = resolve_profile(profile, overrides, config=config)
    settings = check_settings(select or [], ignore or [], severity or [], config=config)
    project = project_settings(None, config).get("check", {})
    format_name = (output_format.value if output_format else None) or str(
        project.get("output-format", "full")
    )
    format_name = "full" if format_name == "text" else format_name
    if format_name not in WRITERS:
        raise UsageError(f"output-format must be one of {', '.join(WRITERS)}, not {format_name!r}")
    level = (fail_on.value if fail_on else None) or str(project.get("fail-on", "error"))
    if level not in ("error", "warning", "info"):
        raise UsageError(f"fail-on must be error, warning or info, not {level!r}")
    paths = collect_paths(inputs)
    if not paths:
        raise UsageError("no .srt, .vtt or .webvtt file in the folders given")
    writer = WRITERS[format_name](colour=_colour())
    totals = Totals()
    failing = {"error": ("error",), "warning": ("error", "warning")}.get(
        level, ("error", "warning", "info")
    )
    status = 0
    # a report crossing to another process carries its fixes as text (check_file_portable)
    work = partial(
        check_file if len(paths) == 1 else check_file_portable,
        profile=chosen,
        settings=settings,
        encoding=encoding,
        lenient=lenient,
    )
    for outcome in progress_outcomes(work, paths, batch_settings(jobs, dask, executor), "checking"):
        report = (
            outcome.value
            if outcome.value is not None
            else FileReport(outcome.input, 0, (), error=outcome.error)
        )
        totals.add(report)
        if report.error is not None:
            status = 2
        elif status == 0 and any(finding.severity in failing for finding in report.findings):
            status = 1
        if not statistics:
            _write(writer.file(report))
    if statistics:
        _write(statistics_text(totals, as_json=format_name == "json"))
    else:
        _write(writer.finish(totals))
    flush_stdout()
    raise typer.Exit(0 if exit_zero and status == 1 else status)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="check")(check_command)
