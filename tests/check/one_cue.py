"""check's bad-line-break on one two-line cue written for a test."""

from __future__ import annotations

from captionkit.check import check_track, select_rules
from captionkit.check.model import Finding
from captionkit.formats import loads


def bad_line_break_findings(text: str) -> list[Finding]:
    """The findings of bad-line-break on a single cue whose lines are ``text``."""
    track = loads(f"1\n00:00:01,000 --> 00:00:04,000\n{text}\n".encode())
    return list(check_track(track, rules=select_rules(["bad-line-break"])))
