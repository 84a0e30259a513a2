"""Running the rules over a track: cue views built once, findings in file order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from captionkit.check.model import Context, CueView, Finding, Rule, Severity
from captionkit.check.registry import RULE_IDS, all_rules
from captionkit.check.textutil import (
    ARABIC_LETTER,
    LTR_LETTER,
    RTL_LETTER,
)
from captionkit.collector import collector_paused
from captionkit.model import Cue, Track
from captionkit.profiles import Profile, load_profile
from captionkit.text.counting import plain_visible_length, strip_tags

_ORDER = {rule_id: position for position, rule_id in enumerate(RULE_IDS)}


def cue_view(index: int, cue: Cue) -> CueView:
    """What the rules read of one cue (``index`` is its 1-based position in the file)."""
    text = cue.text
    lines = tuple(text.split("\n"))
    if "<" in text or "{" in text:
        plain = strip_tags(text)
        plain_lines = tuple(plain.split("\n"))
    else:
        plain, plain_lines = text, lines
    lengths = tuple(map(plain_visible_length, plain_lines))
    if plain.isascii() or RTL_LETTER.search(text) is None:
        rtl = arabic = False
    else:
        rtl = LTR_LETTER.search(text) is None or len(RTL_LETTER.findall(text)) >= len(
            LTR_LETTER.findall(text)
        )
        arabic = rtl and ARABIC_LETTER.search(text) is not None
    source = cue.source
    first_line = None
    if source is not None:
        first_line = source.line + source.raw.count("\n", 0, source.text_span[0])
    return CueView(index, cue, text, lines, plain_lines, plain, lengths, rtl, arabic, first_line)


def cue_views(track: Track) -> list[CueView]:
    """Views of every cue of the track."""
    return [cue_view(index, cue) for index, cue in enumerate(track.cues, 1)]


def check_views(
    views: Sequence[CueView],
    context: Context,
    rules: Iterable[Rule] | None = None,
    severities: dict[str, Severity] | None = None,
) -> list[Finding]:
    """Findings of ``rules`` (all by default) over these cue views, in file order."""
    findings: list[Finding] = []
    overrides = severities or {}
    with collector_paused():
        _run(views, context, rules, overrides, findings)
    findings.sort(
        key=lambda finding: (
            finding.cue,
            finding.line or 0,
            _ORDER[finding.rule],
            finding.start or 0,
        )
    )
    return findings


def _run(
    views: Sequence[CueView],
    context: Context,
    rules: Iterable[Rule] | None,
    overrides: dict[str, Severity],
    findings: list[Finding],
) -> None:
    for rule in all_rules() if rules is None else rules:
        produced = list(rule.check(views, context))
        level = overrides.get(rule.id)
        if level is not None:
            produced = [_with_severity(finding, level) for finding in produced]
        findings.extend(produced)


def _with_severity(finding: Finding, level: Severity) -> Finding:
    from dataclasses import replace

    return replace(finding, severity=level)


def check_track(
    track: Track,
    profile: Profile | None = None,
    rules: Iterable[Rule] | None = None,
    severities: dict[str, Severity] | None = None,
) -> list[Finding]:
    """Check a track against ``rules`` (all by default) under ``profile`` (the default one).

    >>> from captionkit.model import Cue, Track
    >>> track = Track.from_cues([Cue(0, 2000, ".لقد وصلنا")])
    >>> [finding.rule for finding in check_track(track)]
    ['rtl-edge-punctuation', 'rtl-visual-punctuation']
    """
    context = Context(profile=profile or load_profile(), format=track.format)
    with collector_paused():
        return check_views(cue_views(track), context, rules, severities)


def summary(findings: Sequence[Finding], cues: int) -> dict[str, object]:
    """Counts by severity and by rule, for reports."""
    by_rule: dict[str, int] = {}
    for finding in findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    return {
        "cues": cues,
        "findings": len(findings),
        "error": sum(1 for finding in findings if finding.severity == "error"),
        "warning": sum(1 for finding in findings if finding.severity == "warning"),
        "info": sum(1 for finding in findings if finding.severity == "info"),
        "by_rule": {rule_id: by_rule[rule_id] for rule_id in RULE_IDS if rule_id in by_rule},
    }
