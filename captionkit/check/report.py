"""Reports of findings, streamed: concise, full, JSON, GitHub annotations, SARIF, JUnit.

Every format is a :class:`Writer` that turns one file's report at a time into text
(``file``) and closes the document at the end (``finish``), so a run over many
files prints each file as soon as it is checked, and a file with 200,000 findings
is formatted as fast as it was checked: plain string building, no layout engine.
None of them decides an exit status.

>>> from captionkit.check.model import Finding
>>> finding = Finding("overlap", "error", 2, None, None, "starts 40 ms early", 5)
>>> print(Concise().file(FileReport("a.srt", 2, (finding,))), end="")
a.srt:5:1: overlap [error] starts 40 ms early
>>> github_annotations([FileReport("a.srt", 2, (finding,))])
'::error file=a.srt,line=5,title=overlap::cue 2: starts 40 ms early'
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from captionkit.check.engine import summary
from captionkit.check.model import SEVERITIES, Finding
from captionkit.check.registry import RULES, all_rules
from captionkit.check.textutil import show_controls
from captionkit.model import Cue
from captionkit.timecode import format_srt_time
from captionkit.version import __version__

OUTPUT_FORMATS = ("concise", "full", "json", "github", "sarif", "junit")
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _GREEN, _RESET = "\x1b[1m", "\x1b[32m", "\x1b[0m"
_encode = json.JSONEncoder(ensure_ascii=False).encode


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


@dataclass(slots=True)
class Totals:
    """Counts over every file of a run, for the total line and the statistics."""

    files: int = 0
    cues: int = 0
    unreadable: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)

    def add(self, report: FileReport) -> None:
        """Count one file's report."""
        self.files += 1
        self.cues += report.cues
        if report.error is not None:
            self.unreadable += 1
        for finding in report.findings:
            self.by_severity[finding.severity] += 1
            self.by_rule[finding.rule] += 1

    @property
    def findings(self) -> int:
        """Findings in every file."""
        return sum(self.by_rule.values())

    @property
    def fixable(self) -> int:
        """Findings the default ``fix`` repairs (safe fixers)."""
        return sum(count for rule, count in self.by_rule.items() if _safe(rule))

    def line(self) -> str:
        """The total line across files (ruff's ``Found N errors.``)."""
        if not self.findings and not self.unreadable:
            return f"All checks passed: {_counted(self.files, 'file')}, {self.cues} cues."
        counts = ", ".join(
            _counted(self.by_severity[level], _SEVERITY_NOUNS[level]) for level in SEVERITIES
        )
        findings = _counted(self.findings, "finding")
        text = f"Found {findings} ({counts}) in {_counted(self.files, 'file')}, {self.cues} cues."
        if self.unreadable:
            text += f" {_counted(self.unreadable, 'file')} could not be read."
        if self.fixable:
            text += f" [*] {self.fixable} fixable with `captionkit fix`."
        return text


def _counted(count: int, noun: str) -> str:
    """``1 file``, ``2 files``: the total line reads as English whatever the count.

    >>> _counted(1, "file"), _counted(0, "finding")
    ('1 file', '0 findings')
    """
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


_SEVERITY_NOUNS = {"error": "error", "warning": "warning", "info": "note"}


def _safe(rule_id: str) -> bool:
    """Whether the default ``fix`` repairs this rule's findings (``[*]``): safe fixers, but
    not the direction-mark fixers, which run only when the file has marks, punctuation was
    moved, or ``--rtl`` asks."""
    rule = RULES.get(rule_id)
    return rule is not None and rule.fix is not None and rule.safe and not rule.marks


def _visible(text: str) -> str:
    return show_controls(text).replace("\n", " ⏎ ")


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
        "fixable": _safe(finding.rule),
        "file_line": finding.file_line,
    }


def _optional(value: int | None) -> str:
    return "null" if value is None else str(value)


def _finding_line(finding: Finding) -> str:
    """:func:`finding_json` as compact JSON text, built directly (the JSON report's hot loop)."""
    fix = finding.fix
    return (
        f'{{"rule": "{finding.rule}", "severity": "{finding.severity}", "cue": {finding.cue}, '
        f'"line": {_optional(finding.line)}, "start": {_optional(finding.start)}, '
        f'"message": {_encode(finding.message)}, '
        f'"fix": {"null" if fix is None else _encode(fix)}, '
        f'"fixable": {"true" if _safe(finding.rule) else "false"}, '
        f'"file_line": {_optional(finding.file_line)}}}'
    )


def report_json(report: FileReport, findings: bool = True) -> dict[str, Any]:
    """``{"file", "findings": [...], "summary"}`` (plus ``"error"`` for an unreadable file)."""
    document: dict[str, Any] = {"file": report.file}
    if findings:
        document["findings"] = [finding_json(finding) for finding in report.findings]
    document["summary"] = summary(report.findings, report.cues)
    if report.error is not None:
        document["error"] = report.error
    if report.skipped:
        document["skipped"] = [{"line": line, "reason": reason} for line, reason in report.skipped]
    return document


class Writer:
    """A report format: text for each file as it comes, and text that closes the document."""

    def __init__(self, colour: bool = False) -> None:
        self.colour = colour
        self.first = True

    def file(self, report: FileReport) -> str:
        """The text for one file's report."""
        raise NotImplementedError

    def finish(self, totals: Totals) -> str:
        """The text that closes the document (a total line for people)."""
        return ""

    def paint(self, text: str, colour: str) -> str:
        """``text`` in a terminal colour when colours are on."""
        return f"{colour}{text}{_RESET}" if self.colour else text


def _where(report: FileReport, finding: Finding) -> str:
    line = finding.file_line if finding.file_line is not None else 0
    column = (finding.start or 0) + 1
    return f"{report.file}:{line}:{column}"


class Concise(Writer):
    """``file:line:col: rule [severity] message`` a line, ruff's concise form."""

    def file(self, report: FileReport) -> str:
        """One line a finding; an unreadable file in one line."""
        if report.error is not None:
            return (
                f"{report.file}:0:0: {self.paint('unreadable', _COLOURS['error'])} {report.error}\n"
            )
        out = [
            f"{report.file}:{line}: skipped [warning] block skipped: {reason}\n"
            for line, reason in report.skipped
        ]
        paint = self.paint
        for finding in report.findings:
            mark = " [*]" if _safe(finding.rule) else ""
            out.append(
                f"{_where(report, finding)}: {paint(finding.rule, _BOLD)}{mark} "
                f"[{paint(finding.severity, _COLOURS[finding.severity])}] {finding.message}\n"
            )
        return "".join(out)

    def finish(self, totals: Totals) -> str:
        """The total line."""
        return totals.line() + "\n"


class Full(Writer):
    """Findings grouped by cue: the cue's times and lines (controls shown), then each finding
    with what the fix would write."""

    def file(self, report: FileReport) -> str:
        """One file's block."""
        paint = self.paint
        if report.error is not None:  # one line, file:line: message, the file named once
            located = report.error
            if not located.startswith(f"{report.file}:"):
                located = f"{report.file}: {located}"
            return f"{paint(located, _COLOURS['error'])}\n"
        out = [f"{paint(report.file, _BOLD)}  {report.cues} cues\n"]
        for skipped_line, reason in report.skipped:
            out.append(f"  skipped block at line {skipped_line}: {reason}\n")
        cue_number = None
        counts: Counter[str] = Counter()
        for finding in report.findings:
            counts[finding.severity] += 1
            if finding.cue != cue_number:
                cue_number = finding.cue
                out.append(self._cue_header(report, cue_number))
            where = f"line {finding.line}" if finding.line is not None else "cue"
            if finding.start is not None:
                where += f":{finding.start + 1}"
            mark = " [*]" if _safe(finding.rule) else ""
            out.append(
                f"    {paint(finding.severity, _COLOURS[finding.severity])} {finding.rule}{mark} "
                f"({where}): {finding.message}\n"
            )
            fix = finding.fix
            if fix:
                out.append(f"      {paint('fix:', _GREEN)} {_visible(fix)}\n")
        out.append(
            f"  {counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes\n"
        )
        return "".join(out)

    def _cue_header(self, report: FileReport, number: int) -> str:
        cue = report.cue_values[number - 1] if number <= len(report.cue_values) else None
        header = f"  cue {number}"
        lines = ""
        if cue is not None:
            header += f"  {format_srt_time(cue.start)} --> {format_srt_time(cue.end)}"
            if cue.line_number is not None:
                header += f"  (line {cue.line_number})"
            lines = "".join(
                f"    {index}│ {show_controls(line)}\n" for index, line in enumerate(cue.lines, 1)
            )
        return self.paint(header, _BOLD) + "\n" + lines

    def finish(self, totals: Totals) -> str:
        """The total line."""
        return totals.line() + "\n"


class Json(Writer):
    """A JSON list with one object a file (always a list, whatever the number of files).

    Each finding is one line of the document, written by the C encoder: the same value
    as an indented dump, at the speed of the rules.
    """

    def file(self, report: FileReport) -> str:
        """The file's object, as an item of the list."""
        document = report_json(report, findings=False)
        dumps = json.JSONEncoder(ensure_ascii=False).encode
        items = ",\n      ".join(map(_finding_line, report.findings))
        body = f'{{"file": {dumps(document.pop("file"))}, "findings": [\n      {items}\n    ]'
        rest = dumps(document)[1:]  # summary, error, skipped: the object without its "{"
        text = body + (", " + rest if rest != "}" else "}")
        prefix = "[\n    " if self.first else ",\n    "
        self.first = False
        return prefix + text

    def finish(self, totals: Totals) -> str:
        """Close the list."""
        return "[]\n" if self.first else "\n]\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


class Github(Writer):
    """GitHub Actions workflow commands, one per finding (and per unreadable file)."""

    def file(self, report: FileReport) -> str:
        """The file's commands."""
        name = _escape_property(report.file)
        lines: list[str] = []
        if report.error is not None:
            lines.append(f"::error file={name}::{_escape_data(report.error)}")
        for line, reason in report.skipped:
            lines.append(
                f"::warning file={name},line={line},title=skipped"
                f"::{_escape_data('block skipped: ' + reason)}"
            )
        for finding in report.findings:
            where = f"file={name}"
            if finding.file_line is not None:
                where += f",line={finding.file_line}"
                if finding.start is not None:
                    where += f",col={finding.start + 1}"
            message = f"cue {finding.cue}: {finding.message}"
            lines.append(
                f"::{_GITHUB_LEVELS[finding.severity]} {where},title={finding.rule}"
                f"::{_escape_data(message)}"
            )
        return "".join(line + "\n" for line in lines)


class Sarif(Writer):
    """A SARIF 2.1.0 log for code-scanning dashboards, its results streamed."""

    def __init__(self, colour: bool = False) -> None:
        super().__init__(colour)
        self.index = {rule.id: position for position, rule in enumerate(all_rules())}
        self.opened = False
        self.errors: list[tuple[str, str]] = []

    def file(self, report: FileReport) -> str:
        """The file's results, as items of the run's result list."""
        if report.error is not None:
            self.errors.append((report.file, report.error))
        uri = json.dumps(report.file, ensure_ascii=False)
        out: list[str] = []
        for finding in report.findings:
            region = ""
            if finding.file_line is not None:
                region = f', "region": {{"startLine": {finding.file_line}'
                if finding.start is not None:
                    region += f', "startColumn": {finding.start + 1}'
                region += "}"
            message = json.dumps(f"cue {finding.cue}: {finding.message}", ensure_ascii=False)
            out.append(
                f'{{"ruleId": "{finding.rule}", "ruleIndex": {self.index[finding.rule]}, '
                f'"level": "{_SARIF_LEVELS[finding.severity]}", "message": {{"text": {message}}}, '
                f'"locations": [{{"physicalLocation": {{"artifactLocation": {{"uri": {uri}}}'
                f"{region}}}}}]}}"
            )
        if not out:
            return ""
        text = (self._open() if self.first else ",\n") + ",\n".join(out)
        self.first = False
        return text

    def _open(self) -> str:
        if self.opened:
            return ""
        self.opened = True
        head = sarif([])
        head["runs"][0].pop("results")
        text = json.dumps(head, ensure_ascii=False)
        assert text.endswith("}]}")
        return text[:-3] + ', "results": [\n'

    def finish(self, totals: Totals) -> str:
        """Close the results, add what could not be read, close the log."""
        start = self._open()
        invocations = ""
        if self.errors:
            notifications = [
                {
                    "level": "error",
                    "message": {"text": error},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": file}}}],
                }
                for file, error in self.errors
            ]
            invocations = ', "invocations": ' + json.dumps(
                [{"executionSuccessful": False, "toolExecutionNotifications": notifications}],
                ensure_ascii=False,
            )
        return start + "\n]" + invocations + "}]}\n"


class Junit(Writer):
    """JUnit XML: a test suite a file, a failing test case a finding (a passing one for a
    clean file), for CI systems that show test reports."""

    def file(self, report: FileReport) -> str:
        """The file's test suite."""
        prefix = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="captionkit check">\n'
        prefix = prefix if self.first else ""
        self.first = False
        name = quoteattr(report.file)
        if report.error is not None:
            return (
                f'{prefix}  <testsuite name={name} tests="1" failures="0" errors="1">\n'
                f'    <testcase name="read" classname={name}>'
                f"<error message={quoteattr(report.error)}/></testcase>\n  </testsuite>\n"
            )
        cases: list[str] = []
        for finding in report.findings:
            line = finding.file_line if finding.file_line is not None else 0
            column = (finding.start or 0) + 1
            cases.append(
                f'    <testcase name="{finding.rule}:{line}:{column}" '
                f'classname="captionkit.{finding.rule}" file={name} line="{line}">'
                f"<failure message={quoteattr(finding.message)} type={quoteattr(finding.severity)}>"
                f"{xml_escape(f'cue {finding.cue}, line {line}, column {column}: {finding.message}')}"
                "</failure></testcase>\n"
            )
        if not cases:
            cases.append(f'    <testcase name="check" classname={name}/>\n')
        failures = len(report.findings)
        return (
            f'{prefix}  <testsuite name={name} tests="{len(cases)}" failures="{failures}" '
            f'errors="0">\n' + "".join(cases) + "  </testsuite>\n"
        )

    def finish(self, totals: Totals) -> str:
        """Close the document."""
        if self.first:
            return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="captionkit check"/>\n'
        return "</testsuites>\n"


WRITERS: dict[str, type[Writer]] = {
    "concise": Concise,
    "full": Full,
    "json": Json,
    "github": Github,
    "sarif": Sarif,
    "junit": Junit,
}


def statistics(totals: Totals, as_json: bool = False) -> str:
    """Counts by rule, most frequent first (``check --statistics``), as text or JSON."""
    rows = sorted(totals.by_rule.items(), key=lambda item: (-item[1], item[0]))
    if as_json:
        return (
            json.dumps(
                [
                    {
                        "rule": rule,
                        "count": count,
                        "fixable": _safe(rule),
                        "summary": RULES[rule].summary,
                    }
                    for rule, count in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    width = max((len(str(count)) for _, count in rows), default=1)
    lines = [
        f"{count:>{width}}  {rule:<26} {'[*]' if _safe(rule) else '   '} {RULES[rule].summary}"
        for rule, count in rows
    ]
    return "".join(line + "\n" for line in lines) + totals.line() + "\n"


def github_annotations(reports: Sequence[FileReport]) -> str:
    """GitHub Actions workflow commands for these reports (no trailing newline)."""
    writer = Github()
    return "".join(writer.file(report) for report in reports).rstrip("\n")


def render(reports: Iterable[FileReport], output_format: str) -> str:
    """A whole report in one string (the streaming writers, run to the end)."""
    writer = WRITERS[output_format]()
    totals = Totals()
    parts: list[str] = []
    for report in reports:
        totals.add(report)
        parts.append(writer.file(report))
    parts.append(writer.finish(totals))
    return "".join(parts)


def sarif(reports: Sequence[FileReport]) -> dict[str, Any]:
    """A SARIF 2.1.0 log as a value (the streamed form prints the same document)."""
    if reports:
        document: dict[str, Any] = json.loads(render(reports, "sarif"))
        return document
    rules = all_rules()
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
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
                                "help": {
                                    "text": f"Applies to: {rule.precondition}. Fix: {rule.remedy}."
                                },
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [],
            }
        ],
    }


def explanation(rule_id: str) -> str:
    """The paragraph ``check --explain RULE`` prints: what, when it applies, how it is fixed."""
    rule = RULES[rule_id]
    kind = (
        "safe fix" if rule.fix is not None and rule.safe else "unsafe fix" if rule.fix else "no fix"
    )
    lines = [
        f"{rule.id} ({rule.severity}, {kind}): {rule.summary}",
        "",
        rule.explanation,
        "",
        f"Applies to: {rule.precondition}.",
        f"Fix: {rule.remedy}.",
    ]
    if rule.threshold:
        lines.append(f"Threshold: the profile's {rule.threshold}.")
    return "\n".join(lines)
