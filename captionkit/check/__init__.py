"""``captionkit check`` and ``fix``: rules for RTL caption layout, reports, and safe repairs.

Rule ids are an API (see :data:`RULE_IDS`); every rule has a default severity,
the profile value it reads, an explanation and, where repair is safe, a fixer.

>>> from captionkit.model import Cue, Track
>>> track = Track.from_cues([Cue(0, 2000, ".لقد وصلنا")])
>>> fixed, changes = fix_track(track, select_rules(select=["rtl-visual-punctuation"]))
>>> fixed.cues[0].text == "\u202bلقد وصلنا.\u202c"
True
"""

from __future__ import annotations

from captionkit.check import ass_encoding, layout, rtl
from captionkit.check.engine import (
    check_track,
    check_views,
    cue_view,
    cue_views,
    summary,
    track_context,
)
from captionkit.check.fix import Change, fix_rules, fix_track, marks_mode_of
from captionkit.check.model import Context, CueView, Finding, Rule, Severity
from captionkit.check.registry import (
    FIX_ORDER,
    RULE_IDS,
    RULES,
    all_rules,
    default_rules,
    parse_severities,
    select_rules,
)

__all__ = [
    "FIX_ORDER",
    "RULES",
    "RULE_IDS",
    "Change",
    "Context",
    "CueView",
    "Finding",
    "Rule",
    "Severity",
    "all_rules",
    "ass_encoding",
    "check_track",
    "check_views",
    "cue_view",
    "cue_views",
    "default_rules",
    "fix_rules",
    "fix_track",
    "layout",
    "marks_mode_of",
    "parse_severities",
    "rtl",
    "select_rules",
    "summary",
    "track_context",
]
