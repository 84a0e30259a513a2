"""The rule registry: every rule by its stable id, in the order reports and fixes use.

>>> from captionkit.check import RULES
>>> RULES["rtl-visual-punctuation"].severity
'error'
>>> [rule.id for rule in select_rules(select=["rtl-"], ignore=["rtl-mixed-digits"])][:3]
['rtl-base-direction', 'rtl-edge-punctuation', 'rtl-visual-punctuation']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from captionkit.check.model import CueView, Finding, Rule, Severity
from captionkit.errors import UsageError

# The public order: RTL rules, then layout and timing. Fixes run in FIX_ORDER instead.
RULE_IDS: tuple[str, ...] = (
    "rtl-base-direction",
    "rtl-edge-punctuation",
    "rtl-visual-punctuation",
    "rtl-presentation-forms",
    "rtl-reversed-text",
    "rtl-unbalanced-controls",
    "rtl-latin-punctuation",
    "rtl-mixed-digits",
    "rtl-letter-variants",
    "ass-encoding-direction",
    "line-too-long",
    "too-many-lines",
    "needless-two-lines",
    "reading-speed",
    "duration-short",
    "duration-long",
    "gap-short",
    "overlap",
    "unbalanced-lines",
    "bad-line-break",
    "doubtful-line-break",
    "empty-cue",
    "unclosed-tag",
)

# Text first in logical order, then punctuation, controls and letters, then the line breaks;
# direction marks last, once the lines are final.
FIX_ORDER: tuple[str, ...] = (
    "rtl-reversed-text",
    "rtl-presentation-forms",
    "rtl-visual-punctuation",
    "rtl-unbalanced-controls",
    "rtl-latin-punctuation",
    "rtl-letter-variants",
    "rtl-mixed-digits",
    "ass-encoding-direction",
    "unclosed-tag",
    "too-many-lines",
    "line-too-long",
    "bad-line-break",
    "doubtful-line-break",
    "needless-two-lines",
    "rtl-base-direction",
    "rtl-edge-punctuation",
)

RULES: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    """Add a rule to the registry (each id once, and only the documented ids)."""
    if rule.id not in RULE_IDS:
        raise ValueError(f"{rule.id!r} is not a documented rule id")
    if rule.id in RULES:
        raise ValueError(f"rule {rule.id!r} registered twice")
    RULES[rule.id] = rule
    return rule


def all_rules() -> list[Rule]:
    """Every rule, in the documented order."""
    return [RULES[rule_id] for rule_id in RULE_IDS if rule_id in RULES]


def default_rules() -> list[Rule]:
    """The rules that run when none are chosen: all but the opt-in ones."""
    return [rule for rule in all_rules() if not rule.opt_in]


def _matches(rule_id: str, patterns: Iterable[str]) -> bool:
    return any(rule_id == pattern or rule_id.startswith(pattern) for pattern in patterns)


def _check_patterns(patterns: Iterable[str], option: str) -> list[str]:
    clean = [pattern.strip() for pattern in patterns if pattern.strip()]
    for pattern in clean:
        if not any(rule_id.startswith(pattern) for rule_id in RULE_IDS):
            raise UsageError(f"{option}: no rule id is or starts with {pattern!r}")
    return clean


def _refuse_opt_in_prefixes(patterns: Iterable[str]) -> None:
    for pattern in patterns:
        named = [rule for rule in all_rules() if _matches(rule.id, [pattern])]
        if named and all(rule.opt_in and rule.id != pattern for rule in named):
            ids = ", ".join(rule.id for rule in named)
            raise UsageError(
                f"--select: {pattern!r} names only opt-in rules, which run when named in full: {ids}"
            )


def select_rules(
    select: Iterable[str] | None = None, ignore: Iterable[str] | None = None
) -> list[Rule]:
    """The rules named by ``select`` (ids or prefixes like ``rtl-``; every rule but the
    opt-in ones when empty) minus ``ignore``. An opt-in rule is chosen only by its full id.

    A prefix that names only opt-in rules is refused with their ids, rather than running
    nothing and reporting a clean file:

    >>> [r.id for r in select_rules(["doubtful-line-break"])]
    ['doubtful-line-break']
    >>> select_rules(["doubtful-"])
    Traceback (most recent call last):
    captionkit.errors.UsageError: --select: 'doubtful-' names only opt-in rules, which run when named in full: doubtful-line-break
    """
    chosen = _check_patterns(select or [], "--select")
    dropped = _check_patterns(ignore or [], "--ignore")
    _refuse_opt_in_prefixes(chosen)
    return [
        rule
        for rule in all_rules()
        if (rule.id in chosen if rule.opt_in else not chosen or _matches(rule.id, chosen))
        and not _matches(rule.id, dropped)
    ]


def parse_severities(values: dict[str, str] | Iterable[str]) -> dict[str, Severity]:
    """Severity overrides from ``{"rule": "error"}`` or ``["rule=error", ...]``."""
    pairs: list[tuple[str, str]] = []
    if isinstance(values, dict):
        pairs = [(str(key), str(value)) for key, value in values.items()]
    else:
        for item in values:
            rule_id, separator, level = item.partition("=")
            if not separator:
                raise UsageError(f"--severity wants RULE=LEVEL, not {item!r}")
            pairs.append((rule_id.strip(), level.strip()))
    result: dict[str, Severity] = {}
    for rule_id, level in pairs:
        if rule_id not in RULE_IDS:
            raise UsageError(f"unknown rule {rule_id!r} in severity settings")
        if level == "error":
            result[rule_id] = "error"
        elif level == "warning":
            result[rule_id] = "warning"
        elif level == "info":
            result[rule_id] = "info"
        else:
            raise UsageError(f"severity must be error, warning or info, not {level!r}")
    return result


def found(
    rule: str,
    severity: Severity,
    view: CueView,
    line: int | None,
    start: int | None,
    message: str,
    fix: str | Callable[[], str] | None = None,
) -> Finding:
    """A finding at a cue's line, with the file's line number filled in."""
    first = view.first_line
    file_line = None if first is None else first + (line or 1) - 1
    # Positional: a busy file makes hundreds of thousands of these.
    return Finding(rule, severity, view.number, line, start, message, file_line, fix)
