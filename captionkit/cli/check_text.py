"""``check``'s text report: findings grouped by cue, printed with Rich.

It lives in ``cli`` because only the command line prints (and imports Rich).
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from captionkit.check.engine import summary
from captionkit.check.model import Finding
from captionkit.check.report import FileReport
from captionkit.check.textutil import show_controls
from captionkit.timecode import format_srt_time

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _visible(text: str) -> str:
    return show_controls(text).replace("\n", " ⏎ ")


def print_text_report(console: Console, report: FileReport) -> None:
    """The Rich report of one file: findings grouped by cue, each line with its controls shown."""
    if report.error is not None:
        console.print(f"[bold red]{escape(report.file)}[/]: {escape(report.error)}")
        return
    counts = summary(report.findings, report.cues)
    by_cue: dict[int, list[Finding]] = {}
    for finding in report.findings:
        by_cue.setdefault(finding.cue, []).append(finding)
    console.print(f"[bold]{escape(report.file)}[/]  {report.cues} cues")
    for skipped_line, reason in report.skipped:
        console.print(f"  [yellow]skipped[/] block at line {skipped_line}: {escape(reason)}")
    # One print a batch of cues: Rich renders a print call at a time, and a 100,000-cue file
    # can have as many findings.
    batch: list[str] = []
    for number, findings in by_cue.items():
        cue = report.cue_values[number - 1] if number <= len(report.cue_values) else None
        header = f"  cue {number}"
        if cue is not None:
            header += f"  {format_srt_time(cue.start)} --> {format_srt_time(cue.end)}"
            if cue.line_number is not None:
                header += f"  (line {cue.line_number})"
        batch.append(f"[bold]{escape(header)}[/]")
        if cue is not None:
            for index, line in enumerate(cue.lines, 1):
                batch.append(f"    {index}│ {escape(show_controls(line))}")
        for finding in findings:
            where = f"line {finding.line}" if finding.line is not None else "cue"
            if finding.start is not None:
                where += f":{finding.start + 1}"
            style = _STYLES[finding.severity]
            batch.append(
                f"    [{style}]{finding.severity}[/] {escape(finding.rule)} ({where}): "
                f"{escape(finding.message)}"
            )
            if finding.fix:
                batch.append(f"      [green]fix:[/] {escape(_visible(finding.fix))}")
        if len(batch) > 2000:
            console.print("\n".join(batch))
            batch = []
    if batch:
        console.print("\n".join(batch))
    console.print(
        f"  {counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes"
    )
