"""The checker's values: findings, rules, and the per-cue view every rule reads.

A rule is data plus two functions: ``check`` turns cue views into findings and
``fix`` (when the repair is safe) turns one cue's text into repaired text. Rule
ids are an API: CI scripts select, ignore and grep them, so they never change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, TypeAlias

from captionkit.model import Cue, Format
from captionkit.profiles import Profile

Severity: TypeAlias = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place.

    ``cue`` is the cue's 1-based position in the file; ``line`` the 1-based line
    inside the cue's text (None when the finding is about the whole cue);
    ``start`` the 0-based character offset in that line; ``file_line`` the line of
    the file, when the cue was read from one. ``fix`` shows what the fixer would
    write (the repaired line or text), or says what to do when there is no fixer;
    ``fix_hint`` holds it, or the function that computes it on demand.
    """

    rule: str
    severity: Severity
    cue: int
    line: int | None
    start: int | None
    message: str
    file_line: int | None = None
    fix_hint: str | Callable[[], str] | None = field(default=None, compare=False, repr=False)

    @property
    def fix(self) -> str | None:
        """What the fixer would write, or what to do; computed when asked (checking stays fast)."""
        hint = self.fix_hint
        return hint() if callable(hint) else hint


class CueView(NamedTuple):
    """A cue as the rules read it, computed once: its 1-based position (``number``), its lines with and without tags, the text
    without tags (``plain``), each line's visible length, whether it is RTL or Arabic, and
    the line of the file where its text starts (``first_line``, when read from a file).

    A named tuple rather than a dataclass: a 100,000-cue file builds 100,000 of them, and a
    tuple is built five times faster (it is just as immutable).
    """

    number: int
    cue: Cue
    text: str
    lines: tuple[str, ...]
    plain_lines: tuple[str, ...]
    plain: str
    lengths: tuple[int, ...]
    rtl: bool
    arabic: bool
    first_line: int | None = None

    def file_line(self, line: int | None) -> int | None:
        """The line of the file that holds the cue's text line ``line`` (1-based)."""
        if self.first_line is None:
            return None
        return self.first_line + ((line or 1) - 1)


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule needs besides the cues: thresholds, the file's format and language, the
    direction marks a repair writes, and what the file as a whole is like.

    ``language`` is the file's language (``ar``, ``fa``, ``ur``, ``he`` or None), from its
    name or its letters; ``rtl_file`` says its text is right to left (so a line's base
    direction comes from the language, not from a majority of letters); ``visual_file``
    says its clear lines use the visual-order punctuation workaround (so ambiguous lines
    are read that way too). ``memo`` keeps answers that several rules need (is this line
    reversed?) for one run.
    """

    profile: Profile
    format: Format = "srt"
    rtl_mode: str = "embed"
    language: str | None = None
    rtl_file: bool = False
    visual_file: bool = False
    memo: dict[tuple[str, str], object] = field(default_factory=dict, compare=False, repr=False)


CheckFunction: TypeAlias = Callable[[Sequence[CueView], Context], Iterator[Finding]]
FixFunction: TypeAlias = Callable[[str, Context], str]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: stable id, default severity, what it needs and what its fix does, functions.

    ``precondition`` says which lines or cues the rule reads (one finding per cause: a
    logical-order rule never reads a visual-order line); ``remedy`` says what the fix
    does, or what to do by hand. ``safe`` fixes cannot change meaning or layout for the
    worse (punctuation order, controls, presentation forms) and ``fix`` applies them by
    default; the others (re-breaking, letters, timing) need ``unsafe_fixes`` or the rule
    named. ``marks`` fixers add direction marks: they run only when the repair writes
    marks (the file's own convention, ``embed`` after moving punctuation, or ``--rtl``).
    ``threshold`` names the :class:`~captionkit.profiles.Profile` field that sets the
    rule's limit (empty when the rule has none). An ``opt_in`` rule runs only when it is
    named by its id: its findings are hints too often wrong to show by default.
    """

    id: str
    severity: Severity
    summary: str
    explanation: str
    check: CheckFunction = field(repr=False)
    fix: FixFunction | None = field(default=None, repr=False)
    precondition: str = "every cue"
    remedy: str = "no automatic fix"
    safe: bool = False
    marks: bool = False
    threshold: str = ""
    opt_in: bool = False
