"""The right-to-left rules: direction, punctuation, shaping, reversed text, controls, digits.

Each check reads the plain text of a line (tags taken out) and reports offsets in
it; each fixer edits the line as written, tags kept, and changes nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache, partial

from captionkit.check import deps
from captionkit.check.model import Context, CueView, Finding, Rule
from captionkit.check.registry import found, register
from captionkit.check.textutil import (
    BIDI_CONTROLS,
    LTR_LETTER,
    RTL_LETTER,
    plain_offset,
    show_controls,
)
from captionkit.text.counting import strip_tags
from captionkit.text.rtl import line_direction

_RTL_MARKS = frozenset("\u200f\u061c")
_RTL_OPENERS = frozenset("\u202b\u202e\u2067")
_LTR_OPENERS = frozenset("\u202a\u202d\u2066")
_SKIPPED = BIDI_CONTROLS | frozenset(" \t\u00a0\u200b\u200c\u200d\ufeff")
_NEUTRAL_CLASSES = frozenset({"ON", "CS", "ES", "ET"})
_RTL_CLASSES = frozenset({"R", "AL"})
_VISUAL_PUNCTUATION = frozenset(".,،:;؛!?؟")
# Fast tests over a whole cue: only cues they match are looked at closely.
_SKIPPED_TEXT = "".join(sorted(_SKIPPED))
_PRESENTATION = re.compile("[\ufb50-\ufdcf\ufdf0-\ufdff\ufe70-\ufefc]")
_LATIN_HINT = re.compile("[,;?]")
_DIGIT_HINT = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")


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
        if visible and (visible[0] in neutral or visible[-1] in neutral):
            return True
    return False


def _punctuation_first(plain: str) -> bool:
    """A fast test: some line of the text starts with sentence punctuation."""
    for line in plain.split("\n"):
        visible = line.lstrip(_SKIPPED_TEXT)
        if visible and visible[0] in _VISUAL_PUNCTUATION:
            return True
    return False


def _reversed(plain: str, context: Context) -> bool:
    """``looks_reversed`` of a line, asked once a check for each distinct line: two rules
    need it, and subtitle files repeat short lines."""
    key = ("reversed", plain)
    known = context.memo.get(key)
    if known is None:
        known = context.memo[key] = deps.looks_reversed(plain)
    return known


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _join(lines: list[str]) -> str:
    return "\n".join(lines)


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
    return _join([fix_line(line) for line in _lines(text)])


# --- rtl-base-direction ---------------------------------------------------------------------


def _check_base_direction(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if not view.rtl or LTR_LETTER.search(view.plain) is None:
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            if not has_rtl_letter(plain) or line_direction(plain) != "ltr":
                continue
            edges = _edges(plain)
            leading = plain[: edges[0]] if edges else ""
            if any(char in _RTL_OPENERS for char in leading):
                continue
            yield found(
                "rtl-base-direction",
                "warning",
                view,
                number,
                edges[0] if edges else 0,
                "the line's first strong character is left to right, so a player lays the "
                "whole line out left to right",
                partial(deps.render_marks, view.lines[number - 1], "marks"),
            )


def has_rtl_letter(plain: str) -> bool:
    """Whether the line holds a right-to-left letter."""
    return RTL_LETTER.search(plain) is not None


def _fix_base_direction(text: str, context: Context) -> str:
    def fix_line(line: str) -> str:
        plain = strip_tags(line)
        if has_rtl_letter(plain) and line_direction(plain) == "ltr":
            return deps.render_marks(line, context.rtl_mode)
        return line

    return _fix_lines(text, fix_line)


register(
    Rule(
        id="rtl-base-direction",
        severity="warning",
        summary="RTL line that starts with a left-to-right word",
        explanation=(
            "A player picks a line's direction from its first strong character (Unicode rule "
            "P2). In an Arabic cue, a line that starts with a Latin name or a number followed by "
            "a Latin word is laid out left to right: its words come out in the wrong order and "
            "its punctuation at the wrong end. A right-to-left mark (RLM) at the start, or an "
            "RLE…PDF embedding around the line, gives it a right-to-left base. Lines with no "
            "right-to-left letter are left alone. Fixed by `captionkit fix --rtl marks`."
        ),
        check=_check_base_direction,
        fix=_fix_base_direction,
        fix_needs_rtl=True,
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


def _check_edge_punctuation(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if not view.rtl or not _neutral_at_an_edge(view.plain):
            continue
        if context.format == "vtt" and line_direction(strip_tags(view.text)) == "rtl":
            # A WebVTT renderer takes the cue's base direction from its first strong character.
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            if not has_rtl_letter(plain):
                continue
            for offset, side in _edge_problems(plain):
                shown_at = "left" if side == "start" else "right"
                yield found(
                    "rtl-edge-punctuation",
                    "warning",
                    view,
                    number,
                    offset,
                    f"{plain[offset]!r} at the line's {side}: a player with a left-to-right base "
                    f"shows it at the {shown_at} end, away from the word it belongs to",
                    partial(deps.render_marks, view.lines[number - 1], "marks"),
                )


def _fix_edge_punctuation(text: str, context: Context) -> str:
    def fix_line(line: str) -> str:
        plain = strip_tags(line)
        if has_rtl_letter(plain) and _edge_problems(plain):
            return deps.render_marks(line, context.rtl_mode)
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
            "paragraph's base direction. A player that lays out every line left to right (many "
            "SubRip players and burn-in tools) shows the full stop of an Arabic sentence at the "
            "left end and a dialogue dash at the right end. A right-to-left mark next to the "
            "punctuation, or an RLE…PDF embedding around the line, holds it in place. WebVTT cues "
            "whose first strong character is right to left are exempt: browsers give them a "
            "right-to-left base. Fixed by `captionkit fix --rtl marks` (or `--rtl embed`)."
        ),
        check=_check_edge_punctuation,
        fix=_fix_edge_punctuation,
        fix_needs_rtl=True,
    )
)


# --- rtl-visual-punctuation -----------------------------------------------------------------


def _visual_run(plain: str) -> tuple[int, int] | None:
    """The span of sentence punctuation typed at the line's logical start, when it is the hack."""
    edges = _edges(plain)
    if edges is None:
        return None
    first = edges[0]
    end = first
    while end < len(plain) and (plain[end] in _VISUAL_PUNCTUATION or plain[end] in " \u00a0"):
        end += 1
    end = len(plain[:end].rstrip(" \u00a0"))
    if end == first or plain[first:end].startswith(".."):
        return None  # no punctuation, or a leading ellipsis (a cue that starts mid-sentence)
    following = end
    while following < len(plain) and plain[following] in _SKIPPED:
        following += 1
    if following == len(plain):
        return None
    letter = plain[following]
    if unicodedata.bidirectional(letter) not in _RTL_CLASSES or not letter.isalpha():
        return None
    return first, end


def _check_visual_punctuation(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if not view.rtl or not _punctuation_first(view.plain):
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            span = _visual_run(plain)
            if span is None or _reversed(plain, context):
                continue
            run = plain[span[0] : span[1]]
            yield found(
                "rtl-visual-punctuation",
                "error",
                view,
                number,
                span[0],
                f"{run!r} typed at the line's logical start (the visual-order workaround): "
                "it belongs at the end of the sentence",
                partial(_move_visual_punctuation, view.lines[number - 1]),
            )


def _move_visual_punctuation(line: str) -> str:
    """The line with its leading sentence punctuation moved to its logical end, tags kept."""
    plain = strip_tags(line)
    span = _visual_run(plain)
    if span is None:
        return line
    first, end = span
    run = plain[first:end]
    following = end
    while following < len(plain) and plain[following] in " \u00a0":
        following += 1
    edges = _edges(plain)
    assert edges is not None
    last = edges[1]
    # Work on the line as written: insert after the last visible character, then cut the run.
    insert_at = plain_offset(line, last) + 1
    cut_from, cut_to = plain_offset(line, first), plain_offset(line, following - 1) + 1
    if "<" in line[cut_from:cut_to] or "{" in line[cut_from:cut_to]:
        return line  # a tag inside the run: leave it to a human
    moved = line[:insert_at] + run + line[insert_at:]
    return moved[:cut_from] + moved[cut_to:]


def _fix_visual_punctuation(text: str, context: Context) -> str:
    def fix_line(line: str) -> str:
        if deps.looks_reversed(strip_tags(line)):
            return line
        return _move_visual_punctuation(line)

    return _fix_lines(text, fix_line)


register(
    Rule(
        id="rtl-visual-punctuation",
        severity="error",
        summary="sentence punctuation typed at the wrong logical end",
        explanation=(
            "An old workaround for players that lay Arabic out left to right: the sentence's "
            'full stop, comma, colon or question mark is typed before the first word (".لقد", '
            '"؟ماذا") so that it lands at the left on screen. In logical text the punctuation '
            "belongs after the last word; every correct renderer, screen reader, search and "
            "translation tool then reads the line wrongly. A leading ellipsis (a cue that "
            "starts mid-sentence) and a dialogue dash are left alone. The fix moves the "
            "punctuation to the end of the line; to keep old players right, add marks with "
            "`captionkit fix --rtl marks`."
        ),
        check=_check_visual_punctuation,
        fix=_fix_visual_punctuation,
    )
)


# --- rtl-presentation-forms -----------------------------------------------------------------


def _check_presentation_forms(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if not view.arabic or _PRESENTATION.search(view.plain) is None:
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            shaped = [i for i, char in enumerate(plain) if deps.is_presentation_form(char)]
            if not shaped:
                continue
            forms = [i for i in shaped if plain[i] not in deps.WORD_LIGATURES]
            ligatures = [i for i in shaped if plain[i] in deps.WORD_LIGATURES]
            if forms:
                yield found(
                    "rtl-presentation-forms",
                    "error",
                    view,
                    number,
                    forms[0],
                    f"{len(forms)} pre-shaped presentation form(s) (U+{ord(plain[forms[0]]):04X} "
                    "...): the text was shaped for a renderer that cannot shape",
                    partial(deps.unshape, view.lines[number - 1]),
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
    return _fix_lines(text, deps.unshape)


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
    )
)


# --- rtl-reversed-text ----------------------------------------------------------------------


def _check_reversed(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    for view in views:
        if not view.rtl:
            continue
        for number, plain in enumerate(view.plain_lines, 1):
            if _reversed(plain, context):
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
    return deps.unshape(deps.unvisual(line))


def _fix_reversed(text: str, context: Context) -> str:
    def fix_line(line: str) -> str:
        if "<" in line or "{" in line:
            plain = strip_tags(line)
            if plain != line:
                return line  # tags inside a visual-order line: the order of tags is lost
        if deps.looks_reversed(line):
            return deps.unvisual(line)
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
_EMBEDDINGS = frozenset("\u202a\u202b")


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
            "Every line that uses a set other than the file's main one is reported. There is no "
            "automatic fix: which set is right is an editorial choice."
        ),
        check=_check_mixed_digits,
    )
)
