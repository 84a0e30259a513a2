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
    """What a rule needs besides the cues: thresholds, the file's format, the ``--rtl`` target.

    ``memo`` keeps answers that several rules need (is this line reversed?) for one run.
    """

    profile: Profile
    format: Format = "srt"
    rtl_mode: str = "marks"
    memo: dict[tuple[str, str], bool] = field(default_factory=dict, compare=False, repr=False)


CheckFunction: TypeAlias = Callable[[Sequence[CueView], Context], Iterator[Finding]]
FixFunction: TypeAlias = Callable[[str, Context], str]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: stable id, default severity, the profile value it reads, explanation, functions.

    ``threshold`` names the :class:`~captionkit.profiles.Profile` field that sets
    the rule's limit (empty when the rule has none). ``fix_needs_rtl`` marks
    fixers that only run when the user names a target (``fix --rtl marks``);
    ``fix_on_request`` fixers (a matter of taste) only when the rule is named (``--rule``).
    """

    id: str
    severity: Severity
    summary: str
    explanation: str
    check: CheckFunction = field(repr=False)
    fix: FixFunction | None = field(default=None, repr=False)
    threshold: str = ""
    fix_needs_rtl: bool = False
    fix_on_request: bool = False
