"""Checking files: which files a run covers, its settings, one file's report, the exit status.

>>> exit_status([])
0
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from captionkit.check.engine import check_track
from captionkit.check.model import Rule, Severity
from captionkit.check.registry import parse_severities, select_rules
from captionkit.check.report import FileReport
from captionkit.errors import CaptionkitError, UsageError
from captionkit.formats import read
from captionkit.profiles import Profile, project_settings


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """The rules a run uses and their severities, after pyproject and command line."""

    rules: tuple[Rule, ...]
    severities: dict[str, Severity]


def _as_list(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [item for item in value.split(",") if item.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    raise UsageError(f"{where} must be a list of rule ids or prefixes")


def _split(values: Iterable[str]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def check_settings(
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    severity: Sequence[str] = (),
    start: Path | None = None,
    config: Path | None = None,
) -> CheckSettings:
    """Rules and severities: ``[tool.captionkit.check]`` first, command-line values over them.

    The table takes ``select``, ``ignore`` (ids or prefixes such as ``rtl-``) and a
    ``severity`` table (``{ "gap-short" = "info" }``). ``--select`` replaces the
    project's selection; ``--ignore`` adds to its ignore list.
    """
    settings = project_settings(start, config).get("check", {})
    if not isinstance(settings, dict):
        raise UsageError("[tool.captionkit.check] must be a table")
    chosen = _split(select) or _as_list(settings.get("select"), "check.select")
    dropped = _as_list(settings.get("ignore"), "check.ignore") + _split(ignore)
    configured = settings.get("severity", {})
    if not isinstance(configured, dict):
        raise UsageError("[tool.captionkit.check.severity] must be a table of rule = level")
    severities = parse_severities({str(k): str(v) for k, v in configured.items()})
    severities.update(parse_severities(severity))
    return CheckSettings(tuple(select_rules(chosen, dropped)), severities)


def check_file(
    path: str,
    profile: Profile,
    settings: CheckSettings,
    encoding: str | None = None,
    lenient: bool = False,
) -> FileReport:
    """One file's report; a file that cannot be read gives a report with ``error`` set.

    ``lenient`` reads past blocks the reader cannot use; the report lists them.
    """
    try:
        track = read(path, encoding=encoding, lenient=lenient)
    except CaptionkitError as error:
        return FileReport(path, 0, (), error=str(error.located(path)))
    findings = check_track(track, profile, settings.rules, settings.severities)
    skipped = tuple((block.line, block.reason) for block in track.skipped)
    return FileReport(path, len(track), tuple(findings), cue_values=track.cues, skipped=skipped)


_LEVELS = {"error": 0, "warning": 1, "info": 2}


def exit_status(
    reports: Sequence[FileReport], fail_on: str = "error", exit_zero: bool = False
) -> int:
    """2 when a file could not be read; 1 when a finding is at least as severe as
    ``fail_on`` (unless ``exit_zero``); else 0.

    >>> from captionkit.check.model import Finding
    >>> report = FileReport("a.srt", 1, (Finding("gap-short", "warning", 1, None, None, "m"),))
    >>> exit_status([report]), exit_status([report], fail_on="warning")
    (0, 1)
    """
    if fail_on not in _LEVELS:
        raise UsageError(f"fail_on must be error, warning or info, not {fail_on!r}")
    if any(report.error is not None for report in reports):
        return 2
    if exit_zero:
        return 0
    limit = _LEVELS[fail_on]
    if any(_LEVELS[finding.severity] <= limit for report in reports for finding in report.findings):
        return 1
    return 0


def check_file_portable(
    path: str,
    profile: Profile,
    settings: CheckSettings,
    encoding: str | None = None,
    lenient: bool = False,
) -> FileReport:
    """:func:`check_file` whose findings carry their fix as text, so that the report can
    cross to another process (a pool or a cluster): a fix computed on demand is a
    function of the worker's objects, which do not travel.
    """
    report = check_file(path, profile, settings, encoding, lenient)
    findings = tuple(
        replace(finding, fix_hint=finding.fix) if callable(finding.fix_hint) else finding
        for finding in report.findings
    )
    return replace(report, findings=findings, cue_values=())
