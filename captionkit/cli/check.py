"""``check``: find what makes captions display or read wrongly (``fix`` mends it: cli/fix.py)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import Enum
from functools import partial
from typing import TYPE_CHECKING, Annotated

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
    Cps,
    EncodingOption,
    Lenient,
    MaxChars,
    MaxLines,
    ProfileOption,
    flush_stdout,
    handles_errors,
    reader_gone,
)
from captionkit.errors import UsageError

if TYPE_CHECKING:  # the checker is imported when the command runs, not for --help
    from pathlib import Path

    from captionkit.batch import BatchSettings
    from captionkit.check.report import FileReport


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
        reader_gone()


def _colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


CheckInputs = Annotated[
    list[str] | None, typer.Argument(help="Subtitle files or folders (- for stdin).")
]
SeverityOption = Annotated[
    list[str] | None,
    typer.Option("--severity", help="RULE=error|warning|info, repeated."),
]
OutputFormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--output-format",
        "--format",
        help="concise, full, json, github, sarif or junit (default full).",
    ),
]
Statistics = Annotated[
    bool, typer.Option("--statistics", help="Print counts by rule instead of findings.")
]
ExitZero = Annotated[
    bool, typer.Option("--exit-zero", help="Exit 0 even when findings fail the run.")
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option("--fail-on", help="Least severe finding that fails the run (error)."),
]
ExplainOption = Annotated[str | None, typer.Option("--explain", help="Explain one rule and exit.")]
ListRules = Annotated[bool, typer.Option("--list-rules", help="List the rules and exit.")]


@handles_errors
def check_command(
    inputs: CheckInputs = None,
    profile: ProfileOption = None,
    max_chars: MaxChars = None,
    max_lines: MaxLines = None,
    cps: Cps = None,
    select: RuleList = None,
    ignore: RuleList = None,
    severity: SeverityOption = None,
    output_format: OutputFormatOption = None,
    statistics: Statistics = False,
    exit_zero: ExitZero = False,
    fail_on: FailOnOption = None,
    config: ConfigOption = None,
    explain: ExplainOption = None,
    list_rules: ListRules = False,
    encoding: EncodingOption = None,
    lenient: Lenient = False,
    jobs: Jobs = None,
    dask: Dask = None,
    executor: ExecutorOption = ExecutorChoice.auto,
) -> None:
    """Check RTL layout, line length, reading speed and timing; exit 1 on a failing finding.

    Files are checked in parallel (``--jobs``, ``--dask``); reports come in input order.
    """
    from captionkit.batch import expand_inputs
    from captionkit.check import runner
    from captionkit.profiles import resolve_profile

    if explain is not None or list_rules:
        _print_rules(explain)
        return
    if not inputs:
        raise UsageError("give at least one file or folder to check")
    overrides = {"max_chars_per_line": max_chars, "max_lines": max_lines, "max_cps": cps}
    chosen = resolve_profile(profile, overrides, config=config)
    settings = runner.check_settings(select or [], ignore or [], severity or [], config=config)
    format_name, level = _report_choices(output_format, fail_on, config)
    paths = [item.path for item in expand_inputs(inputs)]
    # a report crossing to another process carries its fixes as text (check_file_portable)
    work = partial(
        runner.check_file if len(paths) == 1 else runner.check_file_portable,
        profile=chosen,
        settings=settings,
        encoding=encoding,
        lenient=lenient,
    )
    batch = batch_settings(jobs, dask, executor)
    status = _report(work, paths, batch, format_name, level, statistics)
    raise typer.Exit(0 if exit_zero and status == 1 else status)


def _print_rules(explain: str | None) -> None:
    """``--explain RULE``: the rule's explanation; else ``--list-rules``: a line a rule."""
    from captionkit.check import RULES, all_rules
    from captionkit.check.report import explanation

    if explain is not None:
        if explain not in RULES:
            raise UsageError(f"unknown rule {explain!r} (see captionkit check --list-rules)")
        typer.echo(explanation(explain))
        return
    for rule in all_rules():
        fix = "safe fix" if rule.fix and rule.safe else "unsafe fix" if rule.fix else ""
        typer.echo(f"{rule.id:<26} {rule.severity:<8} {fix:<11} {rule.summary}")


def _report_choices(
    output_format: OutputFormat | None, fail_on: FailOn | None, config: Path | None
) -> tuple[str, str]:
    """The report format and the fail-on level: the options, else the project's settings."""
    from captionkit.check.report import WRITERS
    from captionkit.profiles import project_settings

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
    return format_name, level


def _report(
    work: Callable[[str], FileReport],
    paths: list[str],
    settings: BatchSettings,
    format_name: str,
    level: str,
    statistics: bool,
) -> int:
    """Check the files, print each report as it comes (in input order) and the totals;
    return the exit status (2 for an unreadable file, 1 for a finding at ``level``)."""
    from captionkit.check.report import WRITERS, FileReport, Totals
    from captionkit.check.report import statistics as statistics_text
    from captionkit.check.runner import exit_status

    writer = WRITERS[format_name](colour=_colour())
    totals = Totals()
    status = 0
    for outcome in progress_outcomes(work, paths, settings, "checking"):
        report = (
            outcome.value
            if outcome.value is not None
            else FileReport(outcome.input, 0, (), error=outcome.error)
        )
        totals.add(report)
        status = max(status, exit_status([report], level))
        if not statistics:
            _write(writer.file(report))
    if statistics:
        _write(statistics_text(totals, as_json=format_name == "json"))
    else:
        _write(writer.finish(totals))
    flush_stdout()
    return status


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="check")(check_command)
