"""``check`` and ``fix``: find what makes captions display or read wrongly, and mend it."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from captionkit.cli.common import (
    EncodingOption,
    Input,
    Lenient,
    ProfileOption,
    emit,
    handles_errors,
    note,
    print_json,
    stderr,
)
from captionkit.errors import UsageError


class CheckFormat(str, Enum):
    """How ``check`` prints its findings."""

    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


RuleList = Annotated[
    list[str] | None,
    typer.Option(help="Rule ids or prefixes (rtl-), repeated or comma-separated."),
]


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
    format: Annotated[
        CheckFormat, typer.Option("--format", help="text, json, github or sarif.")
    ] = CheckFormat.text,
    explain: Annotated[
        str | None, typer.Option("--explain", help="Explain one rule and exit.")
    ] = None,
    list_rules: Annotated[
        bool, typer.Option("--list-rules", help="List the rules and exit.")
    ] = False,
    encoding: EncodingOption = None,
    lenient: Lenient = False,
) -> None:
    """Check RTL layout, line length, reading speed and timing; exit 1 on an error finding."""
    from rich.console import Console

    from captionkit.check import RULES, all_rules
    from captionkit.check.report import explanation, github_annotations, report_json, sarif
    from captionkit.check.runner import check_file, check_settings, collect_paths, exit_status
    from captionkit.cli.check_text import print_text_report
    from captionkit.profiles import resolve_profile

    if explain is not None:
        if explain not in RULES:
            raise UsageError(f"unknown rule {explain!r} (see captionkit check --list-rules)")
        typer.echo(explanation(explain))
        return
    if list_rules:
        for rule in all_rules():
            typer.echo(f"{rule.id:<26} {rule.severity:<8} {rule.summary}")
        return
    if not inputs:
        raise UsageError("give at least one file or folder to check")
    overrides = {"max_chars_per_line": max_chars, "max_lines": max_lines, "max_cps": cps}
    chosen = resolve_profile(profile, overrides)
    settings = check_settings(select or [], ignore or [], severity or [])
    paths = collect_paths(inputs)
    if not paths:
        raise UsageError("no .srt, .vtt or .webvtt file in the folders given")
    from captionkit.check.report import FileReport

    reports: list[FileReport] = []
    if len(paths) > 10 and stderr.is_terminal:
        from rich.progress import Progress

        with Progress(console=stderr, transient=True) as progress:
            task = progress.add_task("checking", total=len(paths))
            for path in paths:
                reports.append(check_file(path, chosen, settings, encoding, lenient))
                progress.advance(task)
    else:
        reports = [check_file(path, chosen, settings, encoding, lenient) for path in paths]
    if format is CheckFormat.json:
        documents = [report_json(report) for report in reports]
        print_json(documents[0] if len(documents) == 1 else documents)
    elif format is CheckFormat.github:
        text = github_annotations(reports)
        if text:
            typer.echo(text)
    elif format is CheckFormat.sarif:
        print_json(sarif(reports))
    else:
        console = Console(highlight=False, soft_wrap=True)
        for report in reports:
            print_text_report(console, report)
    raise typer.Exit(exit_status(reports))


@handles_errors
def fix_command(
    input: Input,
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Output file, or - for stdout.")
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Rewrite the input (keeps FILE.bak).")
    ] = False,
    rule: Annotated[
        list[str] | None,
        typer.Option("--rule", help="Only these rules (ids or prefixes), repeated."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print a diff; write nothing.")
    ] = False,
    rtl: Annotated[
        str, typer.Option("--rtl", help="Add direction marks for the player: none, marks, embed.")
    ] = "none",
    profile: ProfileOption = None,
    max_chars: Annotated[
        int | None, typer.Option("--max-chars", help="Visible characters a line.")
    ] = None,
    max_lines: Annotated[int | None, typer.Option("--max-lines", help="Lines a cue.")] = None,
    encoding: EncodingOption = None,
) -> None:
    """Repair what check finds and can fix safely; nothing else in the file changes."""
    import difflib

    from captionkit.check import fix_track, select_rules
    from captionkit.check.runner import check_settings
    from captionkit.check.textutil import show_controls
    from captionkit.formats import dumps, format_from_path, read, to_bytes
    from captionkit.profiles import resolve_profile

    if not dry_run and output is None and not in_place:
        raise UsageError("say where to write: -o OUT, -o - or --in-place (or --dry-run)")
    if in_place and (output is not None or input == "-"):
        raise UsageError("--in-place rewrites a named input file and takes no -o")
    chosen = resolve_profile(profile, {"max_chars_per_line": max_chars, "max_lines": max_lines})
    rules = select_rules(rule) if rule else list(check_settings().rules)
    track = read(input, encoding=encoding)
    fixed, changes = fix_track(track, rules, chosen, rtl, named=bool(rule))
    lines: list[str] = []
    for change in changes:
        where = f"{input}:{change.file_line}" if change.file_line is not None else input
        before = show_controls(change.before).replace("\n", " ⏎ ")
        after = show_controls(change.after).replace("\n", " ⏎ ")
        lines.append(f"{where}: cue {change.cue}: {change.rule}: {before} → {after}")
    lines.append(f"{len(changes)} fixes in {len({c.cue for c in changes})} cues")
    if dry_run:
        diff = difflib.unified_diff(
            dumps(track).splitlines(keepends=True),
            dumps(fixed).splitlines(keepends=True),
            fromfile=input,
            tofile=f"{input} (fixed)",
        )
        emit([("-", "".join(diff).encode("utf-8", "surrogateescape"))])
    elif in_place:
        if changes:
            emit([(input, to_bytes(fixed))], inputs=[input], in_place=True)
    else:
        assert output is not None
        emit([(output, to_bytes(fixed, format_from_path(output) or track.format))], inputs=[input])
    for line in lines:
        note(line)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command(name="check")(check_command)
    app.command(name="fix")(fix_command)
