"""What a make run did: its summary, the breaks it had to make, how its cues were timed.

The report is what a subtitler reads before signing the captions: reading
speeds, lines over the limit, every break made inside a unit a subtitler keeps
together, the script lines dropped as non-narration, the timing rules that could
not hold, and (when cue times came from timestamps or audio) how much of the
narration the timing source covered.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from captionkit.align.cues import FEW_WORDS, CueTiming
from captionkit.make.ingest import DroppedLine, Narration
from captionkit.make.segment import (
    Break,
    CueLayout,
    ScriptCut,
    breaks,
    reading_words,
    script_cut,
)
from captionkit.make.timing import TimingProblem, cue_cps
from captionkit.model import Cue
from captionkit.profiles import Profile
from captionkit.text.linebreak import judge_break, line_end_category, visible_length

__all__ = ["AlignReport", "BadBreak", "InsideBreak", "JudgedBreak", "MakeReport", "build_report"]


@dataclass(frozen=True, slots=True)
class BadBreak:
    """A break the segmenter had to make in the middle of a unit (cue 1-based)."""

    cue: int
    kind: str
    left: str
    right: str
    category: str


@dataclass(frozen=True, slots=True)
class JudgedBreak:
    """A break made where the phrase model judges it bad or doubtful (cue 1-based)."""

    cue: int
    kind: str
    left: str
    right: str
    category: str
    doubtful: bool
    reason: str


@dataclass(frozen=True, slots=True)
class InsideBreak:
    """A break made inside a line of the script (its line number in the file), and why."""

    cue: int
    kind: str
    line: int
    left: str
    right: str
    reason: str


@dataclass(frozen=True, slots=True)
class MakeReport:
    """What ``make`` did, for the summary on stderr and ``--format json``.

    ``bad_breaks_avoided`` counts the script's own line ends that fall inside a
    unit (a construct, a name, after a binding word ...) and that the captions do
    not break at; ``forced_bad_breaks`` lists the breaks that had to fall inside one.
    ``line_ends_believed`` counts the breaks at script line ends that close an
    utterance, where the word pair read across them (not a binding word) is believed
    less than the line end (:meth:`segment.ScriptCut.believed`): neither list holds them.
    """

    cues: int
    words: int
    mean_cps: float
    max_cps: float
    lines_over_limit: int
    bad_breaks_avoided: int
    forced_bad_breaks: tuple[BadBreak, ...]
    dropped: tuple[DroppedLine, ...]
    timing_problems: tuple[TimingProblem, ...]
    profile: str
    duration_ms: int
    notes: tuple[str, ...] = field(default=())
    judged_breaks: tuple[JudgedBreak, ...] = field(default=())
    inside_breaks: tuple[InsideBreak, ...] = field(default=())
    breaks_made: int = 0
    line_ends_believed: int = 0

    def as_json(self) -> dict[str, Any]:
        """A stable JSON form (documented in the README)."""
        return {
            "cues": self.cues,
            "words": self.words,
            "mean_cps": round(self.mean_cps, 2),
            "max_cps": round(self.max_cps, 2),
            "lines_over_limit": self.lines_over_limit,
            "bad_breaks_avoided": self.bad_breaks_avoided,
            "bad_breaks_forced": [
                {
                    "cue": item.cue,
                    "kind": item.kind,
                    "left": item.left,
                    "right": item.right,
                    "category": item.category,
                }
                for item in self.forced_bad_breaks
            ],
            "dropped": [
                {"line": item.line, "text": item.text, "reason": item.reason}
                for item in self.dropped
            ],
            "timing_problems": [
                {"cue": item.cue, "rule": item.rule, "message": item.message}
                for item in self.timing_problems
            ],
            "profile": self.profile,
            "duration_ms": self.duration_ms,
            "notes": list(self.notes),
            "breaks_made": self.breaks_made,
            "bad_breaks": self._judged_json(),
            "script_line_breaks": self._inside_json(),
        }

    def _judged_json(self) -> dict[str, Any]:
        """The ``bad_breaks`` part of :meth:`as_json`: the phrase model's verdicts, counted
        apart from the unit breaks above because the model also doubts."""
        return {
            "bad": sum(not item.doubtful for item in self.judged_breaks),
            "doubtful": sum(item.doubtful for item in self.judged_breaks),
            "line_ends_believed": self.line_ends_believed,
            "breaks": [
                {
                    "cue": item.cue,
                    "kind": item.kind,
                    "left": item.left,
                    "right": item.right,
                    "category": item.category,
                    "doubtful": item.doubtful,
                    "reason": item.reason,
                }
                for item in self.judged_breaks
            ],
        }

    def _inside_json(self) -> dict[str, Any]:
        """The ``script_line_breaks`` part of :meth:`as_json`: the breaks made inside a line
        of the script, and their share of all the breaks made."""
        return {
            "inside": len(self.inside_breaks),
            "share": round(len(self.inside_breaks) / self.breaks_made, 4)
            if self.breaks_made
            else 0.0,
            "breaks": [
                {
                    "cue": item.cue,
                    "kind": item.kind,
                    "line": item.line,
                    "left": item.left,
                    "right": item.right,
                    "reason": item.reason,
                }
                for item in self.inside_breaks
            ],
        }


def _inside_reason(kind: str, length: int, profile: Profile) -> str:
    """Why a break fell inside a script line of ``length`` visible characters."""
    line = profile.max_chars_per_line
    cue = line * profile.max_lines + profile.max_lines - 1
    if length > cue:
        return f"the script line has {length} characters, more than one cue holds ({cue})"
    if kind == "line" and length > line:
        return f"the script line has {length} characters, more than a caption line ({line})"
    if kind == "line":
        return (
            f"the script line ({length} characters) fits a caption line, but the cue holds "
            "parts of several script lines and its two lines are balanced here"
        )
    return (
        f"the script line ({length} characters) fits, but the cue that holds it was full "
        "or too long to read in time"
    )


def _inside_breaks(
    narration: Narration, made: Sequence[Break], cue_of_gap: dict[int, int], profile: Profile
) -> tuple[InsideBreak, ...]:
    words = narration.words
    ends = narration.line_ends
    if not ends:
        return ()
    numbers = [number for number, _ in narration.lines]
    line_of: list[int] = []
    lengths: list[int] = []
    start = 0
    for index in range(len(words)):
        line_of.append(len(lengths))
        if index in ends or index == len(words) - 1:
            lengths.append(visible_length(" ".join(words[start : index + 1])))
            start = index + 1
    return tuple(
        InsideBreak(
            cue_of_gap[item.gap],
            item.kind,
            numbers[line_of[item.gap]] if line_of[item.gap] < len(numbers) else 0,
            words[item.gap],
            words[item.gap + 1],
            _inside_reason(item.kind, lengths[line_of[item.gap]], profile),
        )
        for item in made
        if item.gap not in ends
    )


def build_report(
    narration: Narration,
    layouts: Sequence[CueLayout],
    cues: Sequence[Cue],
    problems: Sequence[TimingProblem],
    profile: Profile,
) -> MakeReport:
    """The summary of a run (used by ``make`` and by ``make --timestamps``)."""
    words = narration.words
    # Judged as make judged them: a visual-order script read with its line-final marks at
    # the line ends (segment.reading_words); quoted as typed.
    read = reading_words(words, narration.line_ends)
    made = breaks(read, layouts, narration.line_ends)
    # A pair judgement across a script line end that closes an utterance, in a script cut
    # into utterances, is believed less than the line end: not reported (make paid little
    # for it, see ScriptCut.pair_weight); binding words and every other break still are.
    cut = script_cut(read, narration.line_ends)
    believed = sum(cut.believed(item.gap, item.category) for item in made)
    cue_of_gap: dict[int, int] = {}
    for number, layout in enumerate(layouts, 1):
        for gap in range(layout.start, layout.stop):
            cue_of_gap[gap] = number
    forced = tuple(
        BadBreak(
            cue_of_gap[item.gap], item.kind, words[item.gap], words[item.gap + 1], item.category
        )
        for item in made
        if item.category is not None and not cut.believed(item.gap, item.category)
    )
    speeds = [cue_cps(cue) for cue in cues]
    return MakeReport(
        cues=len(cues),
        words=len(words),
        mean_cps=sum(speeds) / len(speeds) if speeds else 0.0,
        max_cps=max(speeds, default=0.0),
        lines_over_limit=_lines_over_limit(cues, profile),
        bad_breaks_avoided=_bad_breaks_avoided(read, narration.line_ends, made),
        forced_bad_breaks=forced,
        dropped=narration.dropped,
        timing_problems=tuple(problems),
        profile=profile.name,
        duration_ms=(cues[-1].end - cues[0].start) if cues else 0,
        notes=_timing_notes(problems),
        judged_breaks=_judged_breaks(read, words, made, cue_of_gap, cut, narration.line_ends),
        line_ends_believed=believed,
        inside_breaks=_inside_breaks(narration, made, cue_of_gap, profile),
        breaks_made=len(made),
    )


def _judged_breaks(
    words: Sequence[str],
    shown: Sequence[str],
    made: Sequence[Break],
    cue_of_gap: dict[int, int],
    cut: ScriptCut,
    line_ends: Collection[int],
) -> tuple[JudgedBreak, ...]:
    """The breaks made that the phrase model judges bad or doubtful: a second opinion
    beside the unit rules, which the subtitler reads before signing (but for the line
    ends of the script believed over the word pairs, ``cut.believed``)."""
    judged = []
    ends = set(line_ends)
    for item in made:
        before = words[item.gap - 1] if item.gap else ""
        line_end = item.gap in ends
        judgement = judge_break(words[item.gap], words[item.gap + 1], before, line_end)
        if judgement is not None and not cut.believed(item.gap, judgement.category):
            judged.append(
                JudgedBreak(
                    cue_of_gap[item.gap],
                    item.kind,
                    shown[item.gap],
                    shown[item.gap + 1],
                    judgement.category,
                    judgement.doubtful,
                    judgement.reason,
                )
            )
    return tuple(judged)


def _bad_breaks_avoided(
    words: Sequence[str], line_ends: Collection[int], made: Sequence[Break]
) -> int:
    """How many of the script's own line ends fall inside a unit and were not followed:
    the credit the report gives the segmenter for not copying the script's bad breaks."""
    broken = {item.gap for item in made}
    return sum(
        1
        for gap in line_ends
        if gap + 1 < len(words)
        and gap not in broken
        and line_end_category(words[gap], words[gap + 1], words[gap - 1] if gap else "") is not None
    )


def _lines_over_limit(cues: Sequence[Cue], profile: Profile) -> int:
    """Caption lines longer than the profile allows (visible characters), which a
    subtitler must shorten by hand."""
    return sum(
        1
        for cue in cues
        for line in cue.text.split("\n")
        if visible_length(line) > profile.max_chars_per_line
    )


def _timing_notes(problems: Sequence[TimingProblem]) -> tuple[str, ...]:
    """One note naming the timing rules that could not hold, when any could not."""
    if not problems:
        return ()
    rules = sorted({problem.rule for problem in problems})
    return (
        f"{len(problems)} timing rule(s) could not hold ({', '.join(rules)}): "
        "the text needs more time than it was given",
    )


@dataclass(frozen=True, slots=True)
class AlignReport:
    """How the captions were timed: the share of words matched, overall and per cue."""

    timestamps_file: str | None
    timestamps_format: str
    level: str
    source_words: int
    words: int
    matched: int
    cues: tuple[CueTiming, ...]
    scored: int = -1

    @property
    def matched_share(self) -> float:
        """The share of narration words (punctuation alone left out) a recognizer word timed."""
        total = self.scored if self.scored >= 0 else self.words
        return self.matched / total if total else 0.0

    @property
    def flagged(self) -> tuple[int, ...]:
        """1-based numbers of the cues timed by interpolation over more than a few words."""
        return tuple(number for number, cue in enumerate(self.cues, 1) if cue.flagged)

    def as_json(self) -> dict[str, Any]:
        """The stable JSON form (the ``alignment`` key of ``make --format json``)."""
        return {
            "timestamps": self.timestamps_file,
            "format": self.timestamps_format,
            "level": self.level,
            "timestamp_words": self.source_words,
            "words": self.words,
            "matched": self.matched,
            "matched_share": round(self.matched_share, 4),
            "interpolated_over": FEW_WORDS,
            "flagged_cues": list(self.flagged),
            "cues": [
                {
                    "cue": number,
                    "start": cue.start,
                    "end": cue.end,
                    "matched_share": cue.matched_share,
                    "interpolated_run": cue.interpolated_run,
                    "flagged": cue.flagged,
                    "shortfall": cue.shortfall or None,
                }
                for number, cue in enumerate(self.cues, 1)
            ],
        }
