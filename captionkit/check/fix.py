"""Repairs: the fixable rules, in a fixed order, on the cues where they find something.

Only cue texts change; the formats' lossless writer gives back every other byte
of the file as it was read. A fixer runs on a cue only when its rule reports a
problem there, so a clean cue is never touched. The whole file is checked once to
find those cues; each of them is then repaired on its own.

Safe fixes (punctuation order, controls, presentation forms) run by default;
unsafe ones (re-breaking, letters) only with ``unsafe=True`` or when their rule is
``named``. Direction marks come last: the repair writes them as the file already
does (``marks_mode_of``), or ``embed`` when it moved punctuation in a file that had
none (so that players with a left-to-right base show the moved punctuation right),
or as ``rtl_mode`` asks.

>>> from captionkit.model import Cue, Track
>>> from captionkit.check.registry import all_rules
>>> track = Track.from_cues([Cue(0, 2000, ".لقد وصلنا")])
>>> fixed, changes = fix_track(track, all_rules())
>>> fixed.cues[0].text == "\\u202bلقد وصلنا.\\u202c"
True
>>> [change.rule for change in changes]
['rtl-visual-punctuation', 'rtl-edge-punctuation']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from captionkit.check.engine import check_views, cue_view, file_context, track_context
from captionkit.check.model import Context, CueView, Finding, Rule
from captionkit.check.registry import FIX_ORDER, RULES
from captionkit.collector import collector_paused
from captionkit.errors import InvalidValue
from captionkit.model import Cue, Format, Track
from captionkit.profiles import Profile
from captionkit.text.rtl import PDF, RLE, RLM, RTL_LETTER, parse_rtl_mode

#: The direction-mark modes a repair may write (``visual`` is for output, never for repair).
FIX_RTL_MODES = ("none", "marks", "embed")
_ROUNDS = 3
_MOVES = frozenset({"rtl-visual-punctuation"})
_LAYOUT = ("line-", "too-many", "needless", "unbalanced", "bad-line")
# Repairs that can uncover another problem (a stray PDF removed shows the punctuation
# behind it; text put back in logical order shows its punctuation and letters; a comma
# moved after an Arabic word becomes an Arabic comma's place): after them the rules look
# again. The others change only what they are about.
_UNCOVERING = frozenset(
    {
        "rtl-unbalanced-controls",
        "rtl-reversed-text",
        "rtl-presentation-forms",
        "rtl-visual-punctuation",
    }
)
# Invisible characters around a line that are not its direction marks.
_NOT_MARKS = "\ufeff\u200e\u202a\u202d\u202e\u2066\u2067\u2068\u2069 "


@dataclass(frozen=True, slots=True)
class Change:
    """One repair: which rule changed which cue, and its text before and after."""

    rule: str
    cue: int
    file_line: int | None
    before: str
    after: str


def _blank_lines(text: str) -> int:
    return sum(1 for line in text.split("\n") if not line.strip())


def fix_rules(rules: Iterable[Rule], unsafe: bool = False, named: bool = False) -> list[Rule]:
    """The rules among ``rules`` that ``fix`` runs, in repair order: safe fixers, and unsafe
    ones when ``unsafe`` or when the rules were ``named`` by the user."""
    chosen = {rule.id: rule for rule in rules if rule.fix is not None}
    return [
        chosen[rule_id]
        for rule_id in FIX_ORDER
        if rule_id in chosen and (chosen[rule_id].safe or unsafe or named)
    ]


def marks_mode_of(track: Track | Sequence[str]) -> str:
    """The direction marks the file already writes on its right-to-left lines.

    ``embed`` when most of them open with RLE, ``marks`` when most start or end with RLM,
    ``none`` otherwise. Takes a track or its cue texts.

    >>> from captionkit.model import Cue, Track
    >>> marks_mode_of(Track.from_cues([Cue(0, 1, "\\u202bسلام.")]))
    'embed'
    """
    lines = embedded = marked = 0
    texts = [cue.text for cue in track.cues] if isinstance(track, Track) else track
    for text in texts:
        if RTL_LETTER.search(text) is None:
            continue
        for line in text.split("\n"):
            if RTL_LETTER.search(line) is None:
                continue
            lines += 1
            stripped = line.strip(_NOT_MARKS)
            if stripped.startswith(RLE) or stripped.endswith(PDF):
                embedded += 1
            elif stripped.startswith(RLM) or stripped.endswith(RLM):
                marked += 1
    if not lines:
        return "none"
    if embedded * 2 > lines:
        return "embed"
    if marked * 2 > lines:
        return "marks"
    return "none"


def _repair_cue(
    index: int,
    cue: Cue,
    text: str,
    rules: Sequence[Rule],
    context: Context,
    changes: list[Change],
    first: Sequence[Rule] | None = None,
    measure: bool = True,
    view: CueView | None = None,
) -> str:
    """The cue's text after every rule of ``rules`` that finds something has run.

    ``first`` are the rules known to find something in the cue (from the check of the
    whole file): the first round runs only them; a change makes every rule look again.
    """
    # One repair can uncover another (a stray PDF removed shows the punctuation behind
    # it), so after such a repair the rules run again on the cue, up to a few rounds.
    applied: set[str] = set()  # each rule changes a cue once: a swap must not swap back
    if view is None or view.text != text:
        view = cue_view(index, cue, context.rtl_file, text, measure)
    for round_number in range(_ROUNDS):
        before_round = text
        known = first is not None and round_number == 0
        deferred = False
        for rule in first if known and first is not None else rules:
            if rule.id in applied:
                continue
            # Rules the whole file's check found here need no second look (and a rule that
            # compares cues, like mixed digits, cannot judge one cue alone).
            if not known:
                if view.text != text:
                    view = cue_view(index, cue, context.rtl_file, text, measure)
                if not any(True for _ in rule.check([view], context)):
                    continue
            assert rule.fix is not None
            repaired = rule.fix(text, context)
            if _blank_lines(repaired) > _blank_lines(text):
                deferred = True  # another repair may give the line text: look again
                continue  # never empty a cue or a line: SubRip would end the cue there
            if repaired != text:
                applied.add(rule.id)
                changes.append(Change(rule.id, index, cue.line_number, text, repaired))
                text = repaired
        if text == before_round or (_UNCOVERING.isdisjoint(applied) and not deferred):
            break
    return text


def _found_by_cue(findings: Iterable[Finding], rules: Sequence[Rule]) -> dict[int, list[Rule]]:
    """For each cue with findings, the rules that found something there, in repair order."""
    found: dict[int, set[str]] = {}
    for finding in findings:
        found.setdefault(finding.cue, set()).add(finding.rule)
    return {cue: [rule for rule in rules if rule.id in ids] for cue, ids in found.items()}


def fix_track(
    track: Track,
    rules: Iterable[Rule],
    profile: Profile | None = None,
    rtl_mode: str | None = None,
    named: bool = False,
    unsafe: bool = False,
) -> tuple[Track, list[Change]]:
    """The track with the fixable problems of ``rules`` repaired, and the list of changes.

    ``named`` says the user chose these rules: then their unsafe fixers run too, as they
    do with ``unsafe``. ``rtl_mode`` (none, marks or embed) sets the direction marks the
    repair writes; None means the file's own convention, or embed after moving
    punctuation in a file that had none.
    """
    if rtl_mode is not None and parse_rtl_mode(rtl_mode).value not in FIX_RTL_MODES:
        raise InvalidValue("rtl", rtl_mode, "one of none, marks, embed")
    chosen = fix_rules(rules, unsafe, named)
    text_rules = [rule for rule in chosen if not rule.marks]
    mark_rules = [rule for rule in chosen if rule.marks]
    # Only the layout rules read line lengths: without them the count is skipped.
    measure = any(rule.threshold or rule.id.startswith(_LAYOUT) for rule in chosen)
    with collector_paused():
        context, views = track_context(track, profile, measure=measure)
        cues = track.cues  # a property that builds a tuple: read it once
        texts = [cue.text for cue in cues]
        changes: list[Change] = []
        if text_rules:
            _repair_texts(views, texts, text_rules, context, changes, measure)
        moved = frozenset(change.cue for change in changes if change.rule in _MOVES)
        mode = rtl_mode or marks_mode_of(texts)
        if mode == "none" and moved and rtl_mode is None:
            mode = "embed"
        if mode != "none":
            marking = _Marking(track.format, mode, mark_rules, moved, measure)
            _repair_marks(views, texts, marking, context, changes)
    if not changes:
        return track, changes
    changes.sort(key=lambda change: change.cue)
    new_cues = [
        cue if text == cue.text else cue.with_text(text)
        for cue, text in zip(cues, texts, strict=True)
    ]
    return track.with_cues(new_cues), changes


def _repair_texts(
    views: Sequence[CueView],
    texts: list[str],
    rules: Sequence[Rule],
    context: Context,
    changes: list[Change],
    measure: bool,
) -> None:
    """The first pass: the text rules repair, in ``texts``, the cues where the check of
    the whole file found something (a clean cue is never looked at again)."""
    found = _found_by_cue(check_views(views, context, rules), rules)
    for number in sorted(found):
        view = views[number - 1]
        cue = view.cue
        texts[number - 1] = _repair_cue(
            number, cue, cue.text, rules, context, changes, found[number], measure, view
        )


@dataclass(frozen=True, slots=True)
class _Marking:
    """What the direction-mark pass needs besides the cues: the marks ``mode`` to write,
    the mark rules, and the cues whose punctuation the first pass ``moved``."""

    format: Format
    mode: str
    rules: Sequence[Rule]
    moved: frozenset[int]
    measure: bool


def _repair_marks(
    views: Sequence[CueView],
    texts: list[str],
    marking: _Marking,
    context: Context,
    changes: list[Change],
) -> None:
    """The second pass: direction marks on the repaired lines, in ``texts``.

    The file is read again as it now is (its workaround lines undone), so that the mark
    rules see logical lines; a cue whose punctuation moved gets the base direction and
    edge punctuation repairs whatever the check finds, as its marks may now be wrong.
    """
    measure = marking.measure
    current = [
        view
        if view.text == text
        else cue_view(view.number, view.cue, context.rtl_file, text, measure)
        for view, text in zip(views, texts, strict=True)
    ]
    marked = file_context(
        current, context.profile, marking.format, marking.mode, context.language, context.memo
    )
    on_moved = [RULES[rule_id] for rule_id in ("rtl-base-direction", "rtl-edge-punctuation")]
    found = (
        _found_by_cue(check_views(current, marked, marking.rules), marking.rules)
        if marking.rules
        else {}
    )
    moved = marking.moved
    for number in sorted(set(found) | moved):
        texts[number - 1] = _repair_cue(
            number,
            views[number - 1].cue,
            texts[number - 1],
            on_moved if number in moved else marking.rules,
            marked,
            changes,
            None if number in moved else found[number],
            measure,
            current[number - 1],
        )
