"""``ass-encoding-direction``: an Arabic ASS line that libass splits into runs and lays out left to right.

An ASS style's ``Encoding`` field (and the ``\\fe`` override tag, its per-event
form) is a Windows font charset. libass reads it for one more thing, the
paragraph's base direction (``ass_resolve_base_direction`` in ``ass_shaper.c``):
``-1`` (not a Windows charset) means "lay the whole event out by the Unicode bidi
algorithm, direction detected from the text"; every other value, ``177``
(Hebrew) and ``178`` (Arabic) included, means the VSFilter-compatible layout.
Since libass 0.16 that layout runs bidi on each glyph run on its own (a run ends
wherever an override tag changes how the glyphs look: ``\\i1``, ``\\c``, ``\\k``...)
and places the runs left to right, as VSFilter does. An Arabic line with such a
tag between its words therefore shows its pieces in reverse reading order, its
final punctuation inside the last piece, and no bidi control can mend it: an
RLE…PDF embedding or RLMs change the order inside a run, never the order of the
runs (``tests/check/test_ass_encoding_pixels.py`` reads it from libass's pixels).

The repair is ``\\fe-1`` in the event (``{\\fe-1}`` in front, or added to the
event's first override block, or at its end when a ``\\r`` would reset it; any
``\\fe`` already there is set to -1): libass then
lays that event out whole, right to left for an Arabic line. It is not a *safe*
fix: VSFilter-family renderers read ``\\fe`` only as the font charset (they have no
whole-event layout), and -1 is no Windows charset; what font a VSFilter build picks
for it was not tested here.

The style facts come from the track (:func:`ass_styles`, kept in the check
context's memo under :data:`ASS_STYLES` by :func:`captionkit.check.engine.track_context`).

>>> from captionkit.formats import loads
>>> from captionkit.check import check_track, select_rules
>>> track = loads(SAMPLE.encode())
>>> [(f.rule, f.cue, f.line) for f in check_track(track, rules=select_rules(["ass-"]))]
[('ass-encoding-direction', 1, 1)]
>>> add_fe_minus_one("{\\\\an8}قال {\\\\i1}نعم{\\\\i0} أمس.")
'{\\\\an8\\\\fe-1}قال {\\\\i1}نعم{\\\\i0} أمس.'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from captionkit.check.model import Context, CueView, Finding, Rule
from captionkit.check.registry import found, register
from captionkit.check.rtl import is_visual_line
from captionkit.formats.ass import overrides
from captionkit.model import Section, Track
from captionkit.text.rtl import BIDI_CONTROLS, RTL_LETTER

__all__ = [
    "ASS_STYLES",
    "AssStyles",
    "StyleFacts",
    "add_fe_minus_one",
    "ass_styles",
    "event_encoding",
    "run_split_lines",
]

SAMPLE = (
    "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\n"
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
    "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
    "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
    "Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,"
    "100,100,0,0,1,2,2,2,10,10,10,178\n\n[Events]\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    "Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,ذهبنا {\\i1}إلى{\\i0} السوق.\n"
)

#: The key of the track's :class:`AssStyles` in a check context's memo.
ASS_STYLES: tuple[str, str] = ("ass-styles", "")

# Tags that apply to the whole event: they never end a glyph run.
_EVENT_WIDE = frozenset(
    "an a pos move org fad fade clip iclip q fe pbo p".split()
)  # fmt: skip
# Tags whose every use starts a run (karaoke syllables, animations).
_ALWAYS_SPLIT = frozenset({"k", "K", "kf", "ko", "kt", "t"})
# Override tag -> the style field that gives its starting value.
_STYLE_FIELDS = {
    "fn": "fontname",
    "fs": "fontsize",
    "c": "primarycolour",
    "2c": "secondarycolour",
    "3c": "outlinecolour",
    "4c": "backcolour",
    "b": "bold",
    "i": "italic",
    "u": "underline",
    "s": "strikeout",
    "fscx": "scalex",
    "fscy": "scaley",
    "fsp": "spacing",
    "frz": "angle",
    "bord": "outline",
    "shad": "shadow",
}
_ALIASES = {"1c": "c", "fr": "frz"}
_COLOUR = re.compile(r"&?[hH]?([0-9a-fA-F]+)&?")
_OVERRIDE_BLOCK = re.compile(r"\{[^{}]*\}")
_INVISIBLE = BIDI_CONTROLS | frozenset(" \t\u00a0\u200b\u200c\u200d\ufeff")


@dataclass(frozen=True, slots=True)
class StyleFacts:
    """What the rule needs of one style: its name, ``Encoding`` and starting tag values."""

    name: str
    encoding: int
    values: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class AssStyles:
    """A track's styles by name, and where the ``Style`` field sits in a cue's settings."""

    styles: Mapping[str, StyleFacts]
    style_index: int

    def of(self, settings: str) -> StyleFacts | None:
        """The style an event with these settings is drawn in (libass: ``Default`` when the
        name is unknown, a leading ``*`` dropped)."""
        fields = settings.split(",")
        name = fields[self.style_index].strip() if self.style_index < len(fields) else ""
        name = name.lstrip("*")
        return self.styles.get(name) or self.styles.get("Default")


def _normal(tag: str, value: str) -> str:
    """A tag's value in a form that compares equal when libass draws the same."""
    value = value.strip()
    if tag in ("c", "2c", "3c", "4c"):
        match = _COLOUR.fullmatch(value)
        return str(int(match.group(1), 16) & 0xFFFFFF) if match else value
    if tag in ("b", "i", "u", "s"):
        try:
            number = int(float(value))
        except ValueError:
            return value
        if tag == "b":
            return "1" if number == 1 or number >= 700 or number == -1 else str(number)
        return "1" if number != 0 else "0"
    if tag == "fn":
        return value
    try:
        return f"{float(value):g}"
    except ValueError:
        return value


def _style_facts(fields: Sequence[str], values: Sequence[str]) -> StyleFacts | None:
    named = {name.strip().lower(): value for name, value in zip(fields, values, strict=False)}
    if "name" not in named:
        return None
    try:
        encoding = int(named.get("encoding", "1").strip() or "1")
    except ValueError:
        encoding = 1
    starting = {
        tag: _normal(tag, named[field]) for tag, field in _STYLE_FIELDS.items() if field in named
    }
    return StyleFacts(named["name"].strip(), encoding, starting)


def ass_styles(track: Track) -> AssStyles:
    """The styles of an ASS track (``[V4+ Styles]`` or ``[V4 Styles]``), by name.

    >>> from captionkit.formats import loads
    >>> styles = ass_styles(loads(SAMPLE.encode()))
    >>> styles.styles["Default"].encoding, styles.style_index
    (178, 1)
    """
    from captionkit.formats.ass import events_format

    styles: dict[str, StyleFacts] = {}
    for block in track.blocks:
        if not isinstance(block, Section) or block.name.lower() not in ("v4+ styles", "v4 styles"):
            continue
        fields: list[str] = []
        for line in block.text.split("\n"):
            key, _, rest = line.partition(":")
            if key.strip().lower() == "format":
                fields = [name.strip() for name in rest.split(",")]
            elif key.strip().lower() == "style" and fields:
                facts = _style_facts(fields, rest.split(",", len(fields) - 1))
                if facts is not None:
                    styles[facts.name] = facts  # libass: a later style of the same name wins
    names = [name.lower() for name in events_format(track)]
    others = [name for name in names[:-1] if name not in ("start", "end")]
    index = others.index("style") if "style" in others else 1
    return AssStyles(styles, index)


def event_encoding(text: str, style_encoding: int) -> int:
    """The encoding libass lays the event out with: the state its tags leave, as
    ``ass_parse.c`` keeps it (``\\fe`` sets it, ``\\fe`` alone and ``\\r`` reset it to
    the style's), starting from the style's.

    >>> event_encoding("{\\\\fe-1}نعم", 1), event_encoding("نعم", 178)
    (-1, 178)
    >>> event_encoding("{\\\\fe-1}نعم {\\\\r}لا", 1)
    1
    """
    encoding = style_encoding
    for name, value in overrides(text):
        if name == "r" or (name == "fe" and not value):
            encoding = style_encoding
        elif name == "fe":
            try:
                encoding = int(value)
            except ValueError:
                encoding = style_encoding
    return encoding


def _changes(block: str, state: dict[str, str], style: StyleFacts) -> bool:
    """Apply an override block's tags to ``state``; whether any of them starts a new run."""
    changed = False
    for raw_name, value in overrides(block):
        name = _ALIASES.get(raw_name, raw_name)
        if name in _EVENT_WIDE:
            continue
        if name in _ALWAYS_SPLIT:
            changed = True
            continue
        if name == "r":
            if state != dict(style.values):
                changed = True
            state.clear()
            state.update(style.values)
            continue
        new = _normal(name, value) if value.strip() else style.values.get(name, "")
        if new != state.get(name, style.values.get(name, "0")):
            changed = True
        state[name] = new
    return changed


def run_split_lines(text: str, style: StyleFacts) -> list[int]:
    """The lines (1-based, ``\\n`` separated as in a cue's text) where an override tag that
    changes the glyphs' look stands between two visible characters: libass (with any
    ``Encoding`` but -1) and VSFilter lay such a line out as separate runs.

    >>> plain = StyleFacts("Default", 1, {"i": "0"})
    >>> run_split_lines("أ {\\\\i1}ب{\\\\i0} ج\\nد {\\\\i0}هـ", plain)
    [1]
    """
    state = dict(style.values)
    lines: list[int] = []
    for number, line in enumerate(text.split("\n"), 1):
        seen = pending = split = False
        position = 0
        for match in _OVERRIDE_BLOCK.finditer(line + "{}"):
            chunk = line[position : match.start()].replace("\\h", " ").replace("\\n", " ")
            if any(char not in _INVISIBLE for char in chunk):
                split = split or pending
                seen = True
            if _changes(match.group(), state, style) and seen:
                pending = True
            position = match.end()
        if split:
            lines.append(number)
    return lines


def add_fe_minus_one(text: str) -> str:
    """The event's text with ``\\fe-1`` in force at its end (where libass reads it):
    every ``\\fe`` set to -1, and one added to the first override block or in front,
    or at the end when a ``\\r`` would reset it.

    >>> add_fe_minus_one("قال {\\\\i1}نعم{\\\\i0}.")
    '{\\\\fe-1}قال {\\\\i1}نعم{\\\\i0}.'
    >>> add_fe_minus_one("{\\\\fe178}قال {\\\\i1}نعم{\\\\r}.")
    '{\\\\fe-1}قال {\\\\i1}نعم{\\\\r}.{\\\\fe-1}'
    """
    text = re.sub(r"\\fe(?:-?\d+)?", r"\\fe-1", text)
    if event_encoding(text, 0) == -1:
        return text
    if any(name == "r" for name, _ in overrides(text)):
        return text + "{\\fe-1}"
    if text.startswith("{") and "}" in text:
        close = text.index("}")
        return text[:close] + "\\fe-1" + text[close:]
    return "{\\fe-1}" + text


def _style_for(view: CueView, context: Context) -> StyleFacts | None:
    styles = context.memo.get(ASS_STYLES)
    if context.format != "ass" or not isinstance(styles, AssStyles):
        return None
    return styles.of(view.cue.settings)


def _flagged(view: CueView, context: Context) -> tuple[StyleFacts, list[int]] | None:
    if not view.rtl or "{" not in view.text:
        return None
    style = _style_for(view, context)
    if style is None or event_encoding(view.text, style.encoding) == -1:
        return None
    lines = [
        number
        for number in run_split_lines(view.text, style)
        if number <= len(view.plain_lines)
        and RTL_LETTER.search(view.plain_lines[number - 1]) is not None
        and not is_visual_line(view.plain_lines[number - 1], context)
    ]
    return (style, lines) if lines else None


def _check(views: Sequence[CueView], context: Context) -> Iterator[Finding]:
    if context.format != "ass":
        return
    for view in views:
        flagged = _flagged(view, context)
        if flagged is None:
            continue
        style, lines = flagged
        encoding = event_encoding(view.text, style.encoding)
        for number in lines:
            yield found(
                "ass-encoding-direction",
                "warning",
                view,
                number,
                0,
                f"style {style.name!r} has Encoding {encoding}, so libass lays this line out "
                "as separate runs (split at its override tags) placed left to right: the "
                "Arabic pieces read in reverse order and no direction mark can mend it",
                partial(add_fe_minus_one, view.text),
            )


#: A style that knows no starting values: every look-changing tag counts as a change.
_ANY_STYLE = StyleFacts("", 1, {})


def _fix(text: str, context: Context) -> str:
    """``\\fe-1`` on an event with a run split in a right-to-left line; other text as it is."""
    lines = text.split("\n")
    if context.format != "ass" or not any(
        RTL_LETTER.search(lines[number - 1]) for number in run_split_lines(text, _ANY_STYLE)
    ):
        return text
    return add_fe_minus_one(text)


register(
    Rule(
        id="ass-encoding-direction",
        severity="warning",
        summary="Arabic ASS line split into runs that libass lays out left to right",
        explanation=(
            "An ASS style's Encoding field (and the \\fe override tag) is a font charset; libass "
            "also reads it for the base direction. Encoding -1 makes libass lay the whole event "
            "out by the Unicode bidi algorithm, its direction detected from the text. Every "
            "other value, 177 (Hebrew) and 178 (Arabic) included, gives the VSFilter layout: "
            "since libass 0.16, each run between override tags that change the glyphs' look "
            "(\\i1, \\c, \\k, \\fs...) is laid out alone and the runs are placed left to right, "
            "as VSFilter does. An Arabic line with such a tag between its words shows its "
            "pieces in reverse order and its final punctuation in the middle; RLE…PDF or RLMs "
            "cannot mend it (they act inside a run). libass before 0.13.3 read 178 as "
            "right to left and 1 as detect; those versions are long gone. \\fe-1 in the event "
            "(libass reads the value in force at its end; \\r resets it) makes libass lay it "
            "out whole and right to left, as Encoding -1 in its style would; VSFilter-family "
            "renderers have no such mode and read \\fe only as the font charset."
        ),
        check=_check,
        fix=_fix,
        precondition=(
            "an ASS event in logical order with a right-to-left line, in a style whose Encoding "
            "(or the event's last \\fe) is not -1, with an override tag that changes the "
            "glyphs' look (not \\an, \\pos, \\fad, a value the style already has) between two "
            "visible characters of that line"
        ),
        remedy=(
            "adds \\fe-1 to the event (libass lays it out whole, right to left); unsafe, as "
            "VSFilter reads \\fe as a font charset: `captionkit fix --rule ass-encoding-direction`, "
            "or set the style's Encoding to -1 in your editor"
        ),
        safe=False,
    )
)
