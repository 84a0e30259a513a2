"""Reports of findings: a Rich text report grouped by cue, JSON, GitHub annotations, SARIF.

Renderers return strings (or print to a Rich console handed in by ``cli.py``);
none of them decides an exit status.

>>> from captionkit.check.model import Finding
>>> finding = Finding("overlap", "error", 2, None, None, "starts 40 ms early", 5)
>>> github_annotations([FileReport("a.srt", 2, (finding,))])
'::error file=a.srt,line=5,title=overlap::cue 2: starts 40 ms early'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.markup import escape

from captionkit import __version__
from captionkit.check.engine import summary
from captionkit.check.model import Finding
from captionkit.check.registry import RULES, all_rules
from captionkit.check.textutil import show_controls
from captionkit.model import Cue
from captionkit.timecode import format_srt_time

_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


@dataclass(frozen=True, slots=True)
class FileReport:
    """The findings of one file (``error`` set when the file could not be read).

    ``skipped`` lists the blocks a lenient read left out: (line, reason).
    """

    file: str
    cues: int
    findings: tuple[Finding, ...]
    error: str | None = None
    cue_values: tuple[Cue, ...] = field(default=(), repr=False, compare=False)
    skipped: tuple[tuple[int, str], ...] = ()


def finding_json(finding: Finding) -> dict[str, Any]:
    """The documented JSON form of a finding."""
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "cue": finding.cue,
        "line": finding.line,
        "start": finding.start,
        "message": finding.message,
        "fix": finding.fix,
        "file_line": finding.file_line,
    }


def report_json(report: FileReport) -> dict[str, Any]:
    """``{"file", "findings": [...], "summary"}`` (plus ``"error"`` for an unreadable file)."""
    document: dict[str, Any] = {
        "file": report.file,
        "findings": [finding_json(finding) for finding in report.findings],
        "summary": summary(report.findings, report.cues),
    }
    if report.error is not None:
        document["error"] = report.error
    if report.skipped:
        document["skipped"] = [{"line": line, "reason": reason} for line, reason in report.skipped]
    return document


def _visible(text: str) -> str:
    return show_controls(text).replace("\n", " ⏎ ")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_annotations(reports: Sequence[FileReport]) -> str:
    """GitHub Actions workflow commands, one per finding (and per unreadable file)."""
    lines: list[str] = []
    for report in reports:
        if report.error is not None:
            lines.append(
                f"::error file={_escape_property(report.file)}::{_escape_data(report.error)}"
            )
        for line, reason in report.skipped:
            lines.append(
                f"::warning file={_escape_property(report.file)},line={line},title=skipped"
                f"::{_escape_data('block skipped: ' + reason)}"
            )
        for finding in report.findings:
            where = f"file={_escape_property(report.file)}"
            if finding.file_line is not None:
                where += f",line={finding.file_line}"
                if finding.start is not None:
                    where += f",col={finding.start + 1}"
            message = f"cue {finding.cue}: {finding.message}"
            if finding.fix:
                message += f" (fix: {_visible(finding.fix)})"
            lines.append(
                f"::{_GITHUB_LEVELS[finding.severity]} {where},title={finding.rule}"
                f"::{_escape_data(message)}"
            )
    return "\n".join(lines)


def sarif(reports: Sequence[FileReport]) -> dict[str, Any]:
    """A SARIF 2.1.0 log for code-scanning dashboards."""
    rules = all_rules()
    index = {rule.id: position for position, rule in enumerate(rules)}
    results: list[dict[str, Any]] = []
    for report in reports:
        for finding in report.findings:
            region: dict[str, Any] = {}
            if finding.file_line is not None:
                region["startLine"] = finding.file_line
                if finding.start is not None:
                    region["startColumn"] = finding.start + 1
            location: dict[str, Any] = {"artifactLocation": {"uri": report.file}}
            if region:
                location["region"] = region
            message = f"cue {finding.cue}: {finding.message}"
            if finding.fix:
                message += f" Fix: {_visible(finding.fix)}"
            results.append(
                {
                    "ruleId": finding.rule,
                    "ruleIndex": index[finding.rule],
                    "level": _SARIF_LEVELS[finding.severity],
                    "message": {"text": message},
                    "locations": [{"physicalLocation": location}],
                }
            )
    notifications = [
        {
            "level": "error",
            "message": {"text": report.error},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": report.file}}}],
        }
        for report in reports
        if report.error is not None
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "captionkit",
                "version": __version__,
                "informationUri": "https://pypi.org/project/captionkit/",
                "rules": [
                    {
                        "id": rule.id,
                        "shortDescription": {"text": rule.summary},
                        "fullDescription": {"text": rule.explanation},
                        "defaultConfiguration": {"level": _SARIF_LEVELS[rule.severity]},
                    }
                    for rule in rules
                ],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if notifications:
        run["invocations"] = [
            {"executionSuccessful": False, "toolExecutionNotifications": notifications}
        ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }


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


def explanation(rule_id: str) -> str:
    """The paragraph ``check --explain RULE`` prints."""
    rule = RULES[rule_id]
    lines = [f"{rule.id} ({rule.severity}): {rule.summary}", "", rule.explanation]
    if rule.threshold:
        lines += ["", f"Threshold: the profile's {rule.threshold}."]
    fix = "no automatic fix"
    if rule.fix is not None:
        fix = "captionkit fix" + (" --rtl marks" if rule.fix_needs_rtl else "")
    lines += ["", f"Fix: {fix}."]
    return "\n".join(lines)
