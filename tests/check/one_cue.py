"""check's line-break findings on one two-line cue written for a test."""

from __future__ import annotations

from captionkit.check import check_track, select_rules
from captionkit.check.model import Finding
from captionkit.formats import loads

#: The categories bad-line-break reported before its notes became doubtful-line-break's.
_TEAR_CATEGORIES = ("binding", "noun-adjective", "number")


def bad_line_break_findings(text: str) -> list[Finding]:
    """The tears of a single cue whose lines are ``text``: a function word, a noun and its
    adjective or a number and what it counts torn across the lines, whether bad-line-break
    reports it (a governing function word at the line end) or doubtful-line-break (the others).
    The precision tests written before the split assert on this whole set."""
    track = loads(f"1\n00:00:01,000 --> 00:00:04,000\n{text}\n".encode())
    rules = select_rules(["bad-line-break", "doubtful-line-break"])
    return [
        finding
        for finding in check_track(track, rules=rules)
        if finding.message.endswith(_TEAR_CATEGORIES)
    ]
