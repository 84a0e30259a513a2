"""Reports of findings: JSON, GitHub annotations, SARIF (the Rich text report is in ``cli``).

Renderers return strings; none of them decides an exit status.

>>> from captionkit.check.model import Finding
>>> finding = Finding("overlap", "error", 2, None, None, "starts 40 ms early", 5)
>>> github_annotations([FileReport("a.srt", 2, (finding,))])
'::error file=a.srt,line=5,title=overlap::cue 2: starts 40 ms early'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from captionkit.check.engine import summary
from captionkit.check.model import Finding
from captionkit.check.registry import RULES, all_rules
from captionkit.check.textutil import show_controls
from captionkit.model import Cue
from captionkit.version import __version__

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
