"""The right-to-left rules: direction, punctuation, shaping, reversed text, controls, letters, digits.

Each check reads the plain text of a line (tags taken out) and reports offsets in
it; each fixer edits the line as written, tags kept, and changes nothing else.

One finding per cause: a line is first sorted by how it is stored (visual order
with its letters backwards, the visual-order punctuation workaround, or logical
order), and only the rules for that kind of line read it. A right-to-left line is
one whose first strong character is right to left, or any line with a
right-to-left letter in a right-to-left file (its language from its name or its
letters): never a majority of letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache, partial

from captionkit.check.model import Context, CueView, Finding, Rule
from captionkit.check.registry import found, register
from captionkit.check.textutil import plain_offset, show_controls
from captionkit.check.visual import LineKind, classify, edges, undo, undo_mends
from captionkit.text.arabic import (
    WORD_LIGATURES,
    is_presentation_form,
    looks_reversed,
    unshape,
    unvisual,
)
from captionkit.text.bidi import render_line as _render_line
from captionkit.text.counting import strip_tags
from captionkit.text.rtl import (
    ALM,
    BIDI_CONTROLS,
    LRE,
    LRI,
    LRO,
    RLE,
    RLI,
    RLM,
    RLO,
    RTL_LETTER,
    line_direction,
)

_RTL_MARKS = frozenset({RLM, ALM})
# The marks a repair writes on a line, memoised: reports ask for every finding's fix.
render_line = lru_cache(maxsize=8192)(_render_line)
_RTL_OPENERS = frozenset({RLE, RLO, RLI})
_LTR_OPENERS = frozenset({LRE, LRO, LRI})
_SKIPPED = BIDI_CONTROLS | frozenset(" \t\u00a0\u200b\u200c\u200d\ufeff")
_NEUTRAL_CLASSES = frozenset({"ON", "CS", "ES", "ET"})
# Fast tests over a whole cue: only cues they match are looked at closely.
_SKIPPED_TEXT = "".join(sorted(_SKIPPED))
_PRESENTATION = re.compile("[\ufb50-\ufdcf\ufdf0-\ufdff\ufe70-\ufefc]")
_LATIN_HINT = re.compile("[,;?]")
_DIGIT_HINT = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")
_LTR_HINT = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


@lru_cache(maxsize=1)
def _neutral_characters() -> frozenset[str]:
    """Characters of bidi class ON, CS, ES or ET (punctuation, brackets, symbols)."""
    return frozenset(
        chr(code)
        for code in range(0x10000)
        if unicodedata.bidirectional(chr(code)) in _NEUTRAL_CLASSES
    )


def _neutral_at_an_edge(plain: str) -> bool:
    """A fast test: some line of the text starts or ends with a neutral character."""
    neutral = _neutral_characters()
    for line in plain.split("\n"):
        visible = line.strip(_SKIPPED_TEXT)
        if visible and (
            visible[0] in neutral
            or visible[-1] in neutral
            or visible[0] in "؟؛"
            or visible[-1] in "؟؛"
        ):
            return True
    return False


def _reversed(plain: str, context: Context) -> bool:
    """``looks_reversed`` of a line, asked once a run for each distinct line: several rules
    need it, and subtitle files repeat short lines."""
    key = ("reversed", plain)
    known = context.memo.get(key)
    if known is None:
        known = context.memo[key] = looks_reversed(plain)
    return bool(known)


def line_kind(plain: str, context: Context) -> LineKind:
    """How the line stores its edge punctuation (memoised: files repeat lines)."""
    key = ("kind", plain)
    known = context.memo.get(key)
    if known is None:
        known = classify(plain)
        context.memo[key] = known
    assert isinstance(known, LineKind)
    return known


def is_visual_line(plain: str, context: Context) -> bool:
    """The line uses the visual-order punctuation workaround (and is not reversed text)."""
    kind = line_kind(plain, context)
    if kind is LineKind.WORKAROUND or (
        kind is LineKind.AMBIGUOUS and context.visual_file and undo_mends(plain)
    ):
        return not _reversed(plain, context) and undo(plain) != plain
    return False


def _rtl_line(plain: str, context: Context) -> bool:
    """A right-to-left line: first strong character right to left, or an RTL letter in an
    RTL file."""
    if RTL_LETTER.search(plain) is None:
        return False
    return context.rtl_file or line_direction(plain) == "rtl"


def _edges(plain: str) -> tuple[int, int] | None:
    """Offsets of the first and last characters a viewer sees (None for a blank line)."""
    stripped_end = len(plain.rstrip(_SKIPPED_TEXT))
    if stripped_end == 0:
        return None
    return len(plain) - len(plain.lstrip(_SKIPPED_TEXT)), stripped_end - 1


def _rtl_embedded(plain: str, index: int) -> bool:
    """Whether position ``index`` sits inside an RTL embedding, override or isolate."""
    if BIDI_CONTROLS.isdisjoint(plain):
        return False
    stack: list[bool] = []
    for char in _ALL_CONTROLS.findall(plain, 0, index):
        if char in _RTL_OPENERS or char == "\u2068":
            stack.append(char != "\u2068")
        elif char in _LTR_OPENERS:
            stack.append(False)
        elif char in "\u202c\u2069" and stack:
            stack.pop()
    return bool(stack) and stack[-1]


def _fix_lines(text: str, fix_line: Callable[[str], str]) -> str:
    return "\n".join(fix_line(line) for line in text.split("\n"))


# --- rtl-base-direction ---------------------------------------------------------------------


def _ltr_start(plain: str, context: Context) -> bool:
    """An RTL-language line with an RTL letter whose first strong character is left to right."""
    if RTL_LETTER.search(plain) is None or line_direction(plain) != "ltr":
        return False
    if not (context.rtl_file or line_direction(_strip_ltr_run(plain)) == "rtl"):
        return False
    edges = _edges(plain)
    leading = plain[: edges[0]] if edges else ""
    return not any(char in _RTL_OPENERS or char in _RTL_MARKS for char in leading)


def _strip_ltr_run(plain: str) -> str:
    """The line without its first Latin word (what decides the line in a file of no language)."""
    parts = plain.split(None, 1)
    return parts[1] if len(parts) > 1 else ""


def _check_base_direction(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if not view.rtl or _LTR_HINT.search(view.plain) is None:
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            if not _ltr_start(plain, context):
                continue
            edges = _edges(plain)
            yield found(
                "rtl-base-direction",
                "warning",
                view,
                number,
                edges[0] if edges else 0,
                "the line's first strong character is left to right, so a player lays the "
                "whole right-to-left line out left to right (words and punctuation misplaced)",
                partial(render_line, view.lines[number - 1], context.rtl_mode),
            )


def _fix_base_direction(text: str, context: Context) -> str:
    def fix_line(line: str) -> str:
        if _ltr_start(strip_tags(line), context):
            return render_line(line, context.rtl_mode)
        return line

    return _fix_lines(text, fix_line)


register(
    Rule(
        id="rtl-base-direction",
        severity="warning",
        summary="RTL line that starts with a left-to-right word",
        explanation=(
            "A player picks a line's direction from its first strong character (Unicode rule "
            "P2). In an Arabic, Persian, Urdu or Hebrew line that starts with a Latin name "
            "(`Python، رائع!`), the whole line is laid out left to right: its words come out in "
            "the wrong order and its punctuation at the wrong end. How many Latin letters the "
            "line holds does not matter. A right-to-left mark (RLM) at the start, or an RLE…PDF "
            "embedding around the line, gives it a right-to-left base."
        ),
        check=_check_base_direction,
        fix=_fix_base_direction,
        precondition=(
            "a line with a right-to-left letter whose first strong character is left to right, "
            "in a file whose language is right to left (from its name, e.g. x.ar.srt, or its "
            "letters), with no RLM, RLE, RLO or RLI before it"
        ),
        remedy=(
            "adds direction marks to the line (the file's own convention, or embed; `--rtl` "
            "chooses): `captionkit fix --rtl embed`"
        ),
        safe=True,
        marks=True,
    )
)


# --- rtl-edge-punctuation -------------------------------------------------------------------


def _edge_problems(plain: str) -> list[tuple[int, str]]:
    """Unprotected neutral characters at the line's start or end, with the side."""
    edges = _edges(plain)
    if edges is None:
        return []
    first, last = edges
    problems: list[tuple[int, str]] = []
    neutral = _neutral_characters()
    if (
        plain[first] in neutral
        and _RTL_MARKS.isdisjoint(plain[:first])
        and not _rtl_embedded(plain, first)
    ):
        problems.append((first, "start"))
    if (
        last != first
        and plain[last] in neutral
        and _RTL_MARKS.isdisjoint(plain[last + 1 :])
        and not _rtl_embedded(plain, last)
    ):
        problems.append((last, "end"))
    return problems


def _edge_line(plain: str, context: Context) -> list[tuple[int, str]]:
    """The edge problems of a logical-order RTL line (none for the other kinds of line)."""
    if line_direction(plain) != "rtl" or RTL_LETTER.search(plain) is None:
        return []  # an LTR start is rtl-base-direction's cause
    problems = _edge_problems(plain)
    if not problems or is_visual_line(plain, context) or _reversed(plain, context):
        return []
    return problems


def _check_edge_punctuation(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if not view.rtl or not _neutral_at_an_edge(view.plain):
            continue
        if context.format == "vtt" and line_direction(strip_tags(view.text)) == "rtl":
            # A WebVTT renderer takes the cue's base direction from its first strong character.
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            for offset, side in _edge_line(plain, context):
                shown_at = "left" if side == "start" else "right"
                yield found(
                    "rtl-edge-punctuation",
                    "warning",
                    view,
                    number,
                    offset,
                    f"{plain[offset]!r} at the line's {side}: a player with a left-to-right base "
                    f"shows it at the {shown_at} end, away from the word it belongs to",
                    partial(render_line, view.lines[number - 1], context.rtl_mode),
                )


def _fix_edge_punctuation(text: str, context: Context) -> str:
    def fix_line(line: str) -> str:
        if _edge_line(strip_tags(line), context):
            return render_line(line, context.rtl_mode)
        return line

    return _fix_lines(text, fix_line)


register(
    Rule(
        id="rtl-edge-punctuation",
        severity="warning",
        summary="punctuation at an RTL line's edge with no mark to hold it",
        explanation=(
            "Punctuation, brackets and dashes have no direction of their own: they take the "
            "direction of their neighbours, and at a line's edge the only neighbour is the "
            "paragraph's base direction. A player that lays out every line left to right (libass "
            "with SubRip, many set-top players and burn-in tools) shows the full stop of an "
            "Arabic sentence at the left end and a dialogue dash at the right end. A "
            "right-to-left mark next to the punctuation, or an RLE…PDF embedding around the "
            "line, holds it in place. WebVTT cues whose first strong character is right to left "
            "are exempt: browsers give them a right-to-left base."
        ),
        check=_check_edge_punctuation,
        fix=_fix_edge_punctuation,
        precondition=(
            "a logical-order line whose first strong character is right to left: never a line "
            "using the visual-order workaround (rtl-visual-punctuation) or stored backwards "
            "(rtl-reversed-text), never a line that starts left to right (rtl-base-direction)"
        ),
        remedy=(
            "adds direction marks to the line (the file's own convention, or embed when fix "
            "moved punctuation; `--rtl marks|embed` chooses)"
        ),
        safe=True,
        marks=True,
    )
)


# --- rtl-visual-punctuation -----------------------------------------------------------------


def _check_visual_punctuation(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if not view.rtl or not _neutral_at_an_edge(view.plain):
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            if not is_visual_line(plain, context):
                continue
            cut = edges(plain)
            assert cut is not None  # a visual line has a core
            lead = plain[cut.prefix_end : cut.core_start].strip()
            trail = plain[cut.core_end : cut.suffix_start].strip()
            typed = " and ".join(
                f"{run!r} at the logical {side}"
                for run, side in ((lead, "start"), (trail, "end"))
                if run
            )
            yield found(
                "rtl-visual-punctuation",
                "error",
                view,
                number,
                cut.prefix_end,
                f"{typed}: the visual-order workaround (sentence punctuation belongs at the "
                "end, a dialogue dash at the start)",
                partial(undo, view.lines[number - 1]),
            )


def _fix_visual_punctuation(text: str, context: Context) -> str:
    def fix_line(line: str) -> str:
        if is_visual_line(strip_tags(line), context):
            return undo(line)
        return line

    return _fix_lines(text, fix_line)


register(
    Rule(
        id="rtl-visual-punctuation",
        severity="error",
        summary="punctuation typed at the wrong logical end (visual-order workaround)",
        explanation=(
            "An old workaround for players that lay Arabic out left to right: the sentence's "
            'full stop, comma, colon or question mark is typed before the first word (".لقد", '
            '"؟ماذا"), a closing quote or bracket with it (\'."في "القاهرة\'), and a dialogue '
            'dash after the last word (".هذا صحيح -"), so that each lands where the reader '
            "expects it on such a player. In logical text the punctuation belongs after the last "
            "word and the dash before the first; every correct renderer, screen reader, search "
            "and translation tool reads the workaround wrongly. Inner punctuation (a second "
            "sentence, a comma) is already right and stays. A line whose edges hold only an "
            "ellipsis, a dash, quotes or brackets is read the way the file's clear lines are "
            "written: in a file that uses the workaround, '...نعم' is the workaround for "
            "'نعم...'; elsewhere it is a cue that starts mid-sentence."
        ),
        check=_check_visual_punctuation,
        fix=_fix_visual_punctuation,
        precondition=(
            "a line whose first strong character is right to left, not stored backwards, with "
            "sentence punctuation at its logical start and none at its end (or, in a file whose "
            "clear lines mostly use the workaround, only an ellipsis, dash, quote or bracket at "
            "an edge)"
        ),
        remedy=(
            "swaps the two edges back: the leading run reversed (brackets mirrored) goes to the "
            "logical end, dashes to the start; the words and the inner punctuation are not "
            "touched. fix then writes direction marks (embed, unless the file has its own) so "
            "that players with a left-to-right base still show it right"
        ),
        safe=True,
    )
)


# --- rtl-presentation-forms -----------------------------------------------------------------


def _check_presentation_forms(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if not view.arabic or _PRESENTATION.search(view.plain) is None:
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            shaped = [i for i, char in enumerate(plain) if is_presentation_form(char)]
            if not shaped:
                continue
            forms = [i for i in shaped if plain[i] not in WORD_LIGATURES]
            ligatures = [i for i in shaped if plain[i] in WORD_LIGATURES]
            if forms:
                yield found(
                    "rtl-presentation-forms",
                    "error",
                    view,
                    number,
                    forms[0],
                    f"{len(forms)} pre-shaped presentation form(s) (U+{ord(plain[forms[0]]):04X} "
                    "...): the text was shaped for a renderer that cannot shape",
                    partial(unshape, view.lines[number - 1]),
                )
            if ligatures:
                names = "".join(sorted({plain[i] for i in ligatures}))
                yield found(
                    "rtl-presentation-forms",
                    "info",
                    view,
                    number,
                    ligatures[0],
                    f"word ligature {names} is a character of its own: kept as written",
                )


def _fix_presentation_forms(text: str, context: Context) -> str:
    return _fix_lines(text, unshape)


register(
    Rule(
        id="rtl-presentation-forms",
        severity="error",
        summary="pre-shaped Arabic presentation forms",
        explanation=(
            "Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC) are glyphs already shaped "
            "for one position in a word: the output of a tool that shaped the text for a renderer "
            "that could not. A renderer that shapes text itself, a search, a screen reader or a "
            "spell checker cannot use them. The fix turns them back into base letters. U+FEFF "
            "(a byte-order mark) is not a presentation form. The word ligatures ﷲ ﷺ ﷻ ﷼ ﷽ "
            "(U+FDF2, U+FDFA–U+FDFD) are reported as information only and never decomposed: "
            "they are characters in their own right, and NFKC would turn ﷺ into a whole phrase."
        ),
        check=_check_presentation_forms,
        fix=_fix_presentation_forms,
        precondition="an Arabic line holding presentation forms (U+FB50–FDFF, U+FE70–FEFC)",
        remedy="turns the forms back into base letters; word ligatures stay",
        safe=True,
    )
)


# --- rtl-reversed-text ----------------------------------------------------------------------


def _check_reversed(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if not view.rtl:
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            if RTL_LETTER.search(plain) is not None and _reversed(plain, context):
                yield found(
                    "rtl-reversed-text",
                    "error",
                    view,
                    number,
                    0,
                    "the line is stored in visual order (its letters run backwards)",
                    partial(_unreverse, view.lines[number - 1]),
                )


def _unreverse(line: str) -> str:
    return unshape(unvisual(line))


def _fix_reversed(text: str, context: Context) -> str:
    def fix_line(line: str) -> str:
        if "<" in line or "{" in line:
            plain = strip_tags(line)
            if plain != line:
                return line  # tags inside a visual-order line: the order of tags is lost
        if looks_reversed(line):
            return unvisual(line)
        return line

    return _fix_lines(text, fix_line)


register(
    Rule(
        id="rtl-reversed-text",
        severity="error",
        summary="RTL text stored in visual order",
        explanation=(
            "Text prepared for a renderer that cannot reorder (a burn-in tool, a game engine, "
            "an old set-top box) is stored in the order it is drawn, left to right: Arabic "
            "letters come backwards, and a player that runs the bidi algorithm shows it "
            "reversed. The fix is the inverse of `captionkit make --rtl visual`: it puts the "
            "line back in logical order (and the presentation-forms fixer unshapes it). Lines "
            "with tags inside are left to a human."
        ),
        check=_check_reversed,
        fix=_fix_reversed,
        precondition=(
            "a right-to-left line whose letters read backwards (the text.arabic order votes); "
            "no other RTL rule reads such a line"
        ),
        remedy="puts the line back in logical order (the inverse of make --rtl visual)",
        safe=True,
    )
)


# --- rtl-unbalanced-controls ----------------------------------------------------------------

_OPENERS = {
    "\u202a": "embedding",
    "\u202b": "embedding",
    "\u202d": "override",
    "\u202e": "override",
    "\u2066": "isolate",
    "\u2067": "isolate",
    "\u2068": "isolate",
}
_CLOSER = {"embedding": "\u202c", "override": "\u202c", "isolate": "\u2069"}
_NAMES = {"\u202c": "PDF", "\u2069": "PDI"}
_ALL_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_EMBEDDINGS = frozenset({LRE, RLE})


def _balance(plain: str) -> tuple[list[tuple[int, str]], str]:
    """Problems (offset, message) in one line's controls, and the line repaired.

    Only the controls are visited (a regular expression finds them), so a long line
    with one RLE costs one step.
    """
    problems: list[tuple[int, str]] = []
    stack: list[tuple[str, str]] = []
    out: list[str] = []
    position = 0
    for match in _ALL_CONTROLS.finditer(plain):
        offset, char = match.start(), match.group()
        out.append(plain[position:offset])
        position = offset + 1
        kind = _OPENERS.get(char)
        if kind is not None:
            stack.append((char, kind))
        elif char == "\u202c":
            if not stack:
                problems.append((offset, "a PDF with nothing to close"))
                continue
            if stack[-1][1] == "isolate":
                problems.append((offset, "a PDF inside an isolate closes nothing (nested wrongly)"))
                continue
            stack.pop()
        elif char == "\u2069":
            if not any(kind == "isolate" for _, kind in stack):
                problems.append((offset, "a PDI with no isolate to close"))
                continue
            while stack[-1][1] != "isolate":
                opener, _ = stack.pop()
                problems.append(
                    (
                        offset,
                        f"the PDI also closes an open {show_controls(opener)} (nested wrongly)",
                    )
                )
                out.append("\u202c")
            stack.pop()
        out.append(char)
    out.append(plain[position:])
    # Embeddings left open are closed at the line's end (rule X8): the streaming files'
    # one-RLE-per-line convention. Overrides and isolates left open are mistakes.
    while any(kind != "embedding" for _, kind in stack):
        opener, kind = stack.pop()
        if kind != "embedding":
            problems.append((len(plain), f"{show_controls(opener)} left open at the line's end"))
        out.append(_CLOSER[kind])
    return problems, "".join(out)


def _balanced_line(line: str) -> str:
    return _balance(line)[1]


def _check_controls(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if not _ALL_CONTROLS.search(view.text):
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            controls = _ALL_CONTROLS.findall(plain)
            if not controls or _EMBEDDINGS.issuperset(controls):
                continue  # embeddings only, closed at the line's end: the streaming convention
            problems = _balance(plain)[0]
            for offset, message in problems:
                yield found(
                    "rtl-unbalanced-controls",
                    "error",
                    view,
                    number,
                    offset,
                    message,
                    partial(_balanced_line, view.lines[number - 1]),
                )


def _fix_controls(text: str, context: Context) -> str:
    if not _ALL_CONTROLS.search(text):
        return text
    return _fix_lines(text, lambda line: _balance(line)[1])


register(
    Rule(
        id="rtl-unbalanced-controls",
        severity="error",
        summary="bidi controls that close nothing or are left open",
        explanation=(
            "Embeddings (LRE, RLE), overrides (LRO, RLO) and isolates (LRI, RLI, FSI) must be "
            "closed by PDF or PDI in the right order. A PDF or PDI with nothing to close, an "
            "override or isolate left open at a line break, or a PDI that closes an embedding "
            "opened inside its isolate, makes players disagree about the line. The convention of "
            "streaming Arabic files, one RLE at the start of every line closed implicitly at the "
            "line's end (Unicode rule X8), is not an error. The fix removes stray closers and "
            "closes what was left open."
        ),
        check=_check_controls,
        fix=_fix_controls,
        precondition="a line holding embeddings, overrides or isolates other than RLE alone",
        remedy="removes stray closers and closes what was left open",
        safe=True,
    )
)


# --- rtl-latin-punctuation ------------------------------------------------------------------

_LATIN_TO_ARABIC = {",": "،", ";": "؛", "?": "؟"}


def _neighbour_class(plain: str, index: int, step: int) -> str | None:
    position = index + step
    while 0 <= position < len(plain):
        kind = unicodedata.bidirectional(plain[position])
        if kind in ("L", "R", "AL", "EN", "AN"):
            return kind
        position += step
    return None


def _latin_punctuation(plain: str) -> list[int]:
    """Offsets of Latin , ; ? that punctuate Arabic words."""
    hits: list[int] = []
    for index, char in enumerate(plain):
        if char not in _LATIN_TO_ARABIC:
            continue
        before = _neighbour_class(plain, index, -1)
        after = _neighbour_class(plain, index, 1)
        if before in ("EN", "AN") and after in ("EN", "AN"):
            continue  # 1,000
        if before == "AL" or (before is None and after == "AL"):
            hits.append(index)
    return hits


def _replace_latin(line: str) -> str:
    plain = strip_tags(line)
    chars = list(line)
    for index in _latin_punctuation(plain):
        at = plain_offset(line, index)
        chars[at] = _LATIN_TO_ARABIC[chars[at]]
    return "".join(chars)


def _check_latin_punctuation(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if not view.arabic or _LATIN_HINT.search(view.plain) is None:
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            if "," not in plain and ";" not in plain and "?" not in plain:
                continue
            hits = _latin_punctuation(plain)
            if hits:
                chars = "".join(sorted({plain[i] for i in hits}))
                yield found(
                    "rtl-latin-punctuation",
                    "warning",
                    view,
                    number,
                    hits[0],
                    f"Latin {chars!r} in Arabic text: Arabic uses ، ؛ ؟",
                    partial(_replace_latin, view.lines[number - 1]),
                )


def _fix_latin_punctuation(text: str, context: Context) -> str:
    return _fix_lines(text, _replace_latin)


register(
    Rule(
        id="rtl-latin-punctuation",
        severity="warning",
        summary="Latin comma, semicolon or question mark in Arabic text",
        explanation=(
            "Arabic script has its own comma (،), semicolon (؛) and question mark (؟); the Latin "
            "ones look wrong (a question mark facing the wrong way) and the style guides ask for "
            "the Arabic ones. A Latin mark is flagged when the word before it is Arabic (or, at "
            "the line's start, the word after it); a comma between digits (1,000) and "
            "punctuation of Latin words are left alone. Hebrew uses Latin punctuation and is "
            "not checked."
        ),
        check=_check_latin_punctuation,
        fix=_fix_latin_punctuation,
        precondition="an Arabic-script line with a Latin , ; or ? after an Arabic word",
        remedy="writes the Arabic mark (، ؛ ؟) in its place",
        safe=True,
    )
)


# --- rtl-mixed-digits -----------------------------------------------------------------------

_DIGIT_SETS = {
    # Digits inside a Latin code (N1733, H264, MP3) are part of the code, not a number.
    "Western (0-9)": re.compile("(?<![A-Za-z0-9])[0-9]+(?![A-Za-z0-9])"),
    "Arabic-Indic (٠-٩)": re.compile("[\u0660-\u0669]"),
    "Persian (۰-۹)": re.compile("[\u06f0-\u06f9]"),
}
_LOOK_DIFFERENT = frozenset("\u0664\u0665\u0666\u06f4\u06f5\u06f6")


def _check_mixed_digits(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    counts = dict.fromkeys(_DIGIT_SETS, 0)
    uses: list[tuple[CueView, int, dict[str, int]]] = []
    for view in views:
        if _DIGIT_HINT.search(view.plain) is None:
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            found_here: dict[str, int] = {}
            for name, pattern in _DIGIT_SETS.items():
                digits = pattern.findall(plain)
                if digits:
                    counts[name] += sum(len(run) for run in digits)
                    match = pattern.search(plain)
                    assert match is not None
                    found_here[name] = match.start()
            if found_here:
                uses.append((view, number, found_here))
    used = [name for name, count in counts.items() if count]
    if len(used) < 2:
        return
    main = max(used, key=lambda name: counts[name])
    for view, number, found_here in uses:
        for name, offset in found_here.items():
            if name == main:
                continue
            plain = view.plain_lines[number - 1]
            note = ""
            if {name, main} == {"Arabic-Indic (٠-٩)", "Persian (۰-۹)"}:
                shapes = set(_DIGIT_SETS[name].findall(plain))
                note = (
                    " (٤٥٦ and ۴۵۶ look different)"
                    if shapes & _LOOK_DIFFERENT
                    else " (they look the same but search and sorting tell them apart)"
                )
            yield found(
                "rtl-mixed-digits",
                "warning",
                view,
                number,
                offset,
                f"{name} digits in a file that mostly uses {main} digits{note}",
                f"write {main} digits",
            )


_TO_PERSIAN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹")
_TO_ARABIC_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩")


def _fix_digits(text: str, context: Context) -> str:
    """Arabic-Indic and Persian digits made the file language's own (same values)."""
    if context.language in ("fa", "ur"):
        return text.translate(_TO_PERSIAN_DIGITS)
    if context.language == "ar":
        return text.translate(_TO_ARABIC_DIGITS)
    return text


register(
    Rule(
        id="rtl-mixed-digits",
        severity="warning",
        summary="Western, Arabic-Indic and Persian digits mixed in one file",
        explanation=(
            "A file should use one set of digits: Western (0-9), Arabic-Indic (U+0660–0669) or "
            "Persian (U+06F0–06F9). Mixed sets look inconsistent and break search and sorting. "
            "Arabic-Indic and Persian digits mostly look alike, but four, five and six differ "
            "(٤٥٦ against ۴۵۶), so Persian digits in an Arabic file show as the wrong shapes. "
            "Every line that uses a set other than the file's main one is reported. Between "
            "Western and the others the choice is editorial (no fix); between Arabic-Indic and "
            "Persian the file's language decides: Persian digits in a Persian or Urdu file, "
            "Arabic-Indic ones in an Arabic file."
        ),
        check=_check_mixed_digits,
        fix=_fix_digits,
        precondition="a file with digits of more than one set",
        remedy=(
            "in a file whose language is Persian, Urdu or Arabic, writes its own Arabic-script "
            "digits (Arabic-Indic and Persian digits have the same values); Western digits are "
            "left alone. Unsafe (it changes characters): `fix --rule rtl-mixed-digits`"
        ),
    )
)


# --- rtl-letter-variants --------------------------------------------------------------------

_TO_PERSIAN = {"\u064a": "\u06cc", "\u0643": "\u06a9"}  # ي ك -> ی ک
_ARABIC_IN_PERSIAN = re.compile("[\u064a\u0643]")
_PERSIAN_IN_ARABIC = re.compile("[\u06cc\u06a9]")
_WORD_LETTER = re.compile(r"\w")


def _wrong_letters(plain: str, language: str | None) -> list[int]:
    """Offsets of letters of the other orthography (Arabic ي ك in Persian and Urdu text,
    Persian ی ک in Arabic text)."""
    if language in ("fa", "ur"):
        pattern = _ARABIC_IN_PERSIAN
    elif language == "ar":
        pattern = _PERSIAN_IN_ARABIC
    else:
        return []
    return [match.start() for match in pattern.finditer(plain)]


def _to_arabic(char: str, following: str) -> str:
    if char == "\u06a9":
        return "\u0643"
    # Persian ی at a word's end shows no dots: the Arabic letter that looks the same is ى.
    return "\u064a" if following and _WORD_LETTER.match(following) else "\u0649"


def _replace_letters(line: str, language: str | None) -> str:
    if language in ("fa", "ur"):
        return _ARABIC_IN_PERSIAN.sub(lambda match: _TO_PERSIAN[match.group()], line)
    if language == "ar":
        return _PERSIAN_IN_ARABIC.sub(
            lambda match: _to_arabic(match.group(), line[match.end() : match.end() + 1]), line
        )
    return line


def _check_letter_variants(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    language = context.language
    if language not in ("fa", "ur", "ar"):
        return
    pattern = _PERSIAN_IN_ARABIC if language == "ar" else _ARABIC_IN_PERSIAN
    wanted = "Arabic ي ك" if language == "ar" else "Persian ی ک"
    name = {"ar": "Arabic", "fa": "Persian", "ur": "Urdu"}[language]
    for view in views:
        if pattern.search(view.plain) is None:
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            hits = _wrong_letters(plain, language)
            if hits:
                letters = "".join(sorted({plain[i] for i in hits}))
                yield found(
                    "rtl-letter-variants",
                    "warning",
                    view,
                    number,
                    hits[0],
                    f"{letters} of the other orthography in {name} text: {name} writes {wanted}",
                    partial(_replace_letters, view.lines[number - 1], language),
                )


def _fix_letter_variants(text: str, context: Context) -> str:
    return _replace_letters(text, context.language)


register(
    Rule(
        id="rtl-letter-variants",
        severity="warning",
        summary="Arabic ي ك in Persian or Urdu text, Persian ی ک in Arabic text",
        explanation=(
            "Arabic and Persian keyboards give different characters for yeh and kaf: Arabic "
            "ي (U+064A) and ك (U+0643), Persian ی (U+06CC) and ک (U+06A9). They look alike in "
            "the middle of a word but not at its end, and search, sorting and spell checking "
            "tell them apart: a Persian subtitle typed on an Arabic keyboard cannot be found by "
            "a Persian search. The file's language comes from its name (x.fa.srt, fa.srt, "
            "x.ur.srt, x.ar.srt) or, without one, from its letters (پ چ ژ گ against ة)."
        ),
        check=_check_letter_variants,
        fix=_fix_letter_variants,
        precondition="Arabic-script text in a file whose language is Arabic, Persian or Urdu",
        remedy=(
            "writes the language's own letters (in Arabic a word-final ی becomes ى, which looks "
            "the same); unsafe, as it changes letters: `fix --rule rtl-letter-variants` or "
            "`--unsafe-fixes`"
        ),
    )
)
