"""The one RTL vocabulary: render modes, their defaults per format, bidi controls, RTL letters.

Every module that asks "which RTL mode", "is this a bidi control" or "is this a
right-to-left letter" asks here, so the answers cannot drift apart.

A right-to-left letter is a character of bidi class R or AL (Arabic, Hebrew,
Syriac, Thaana, N'Ko, Adlam ...), the classes that make rule P2 choose a
right-to-left paragraph. Arabic-Indic digits are class AN, not letters: they do
not make a line right to left.

>>> parse_rtl_mode("embed") is RtlMode.EMBED
True
>>> rtl_mode_for("srt"), rtl_mode_for("vtt", "none")
(<RtlMode.EMBED: 'embed'>, <RtlMode.NONE: 'none'>)
>>> is_rtl_letter("ب"), is_rtl_letter("\u0661"), is_rtl_letter("a")
(True, False, False)
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from enum import StrEnum

from captionkit.errors import InvalidValue
from captionkit.text.charclass import class_body


class RtlMode(StrEnum):
    """How right-to-left lines are written out (DESIGN.md, "RTL render modes").

    - ``none``: logical text as is, for players that run the bidi algorithm;
    - ``marks``: RLM at the start and end of each RTL line;
    - ``embed``: an RLE ... PDF embedding around each RTL line;
    - ``visual``: presentation forms in visual order, for renderers that neither
      shape nor reorder (never a default).
    """

    NONE = "none"
    MARKS = "marks"
    EMBED = "embed"
    VISUAL = "visual"


RTL_MODES: tuple[str, ...] = tuple(mode.value for mode in RtlMode)

#: The mode each output format gets when none is asked for, decided from rendered
#: evidence (README, "RTL modes: rendered evidence"; ``captionkit.render.evidence``):
#: libass starts every SubRip line left to right, so only an RLE ... PDF embedding
#: per line is right on every test line in libass and in Chromium; Chromium runs the
#: bidi algorithm on WebVTT but flips a line that starts with a Latin word, which the
#: embedding also mends. ``tests/render/test_evidence.py`` pins both from the pixels.
#: ASS goes to the same renderer as SubRip (libass, which turns SubRip into ASS events):
#: the same pixels decide it. TTML carries the direction itself (``tts:direction``) and
#: JSON is data: both get logical text, as does any other format.
DEFAULT_RTL_MODES: dict[str, RtlMode] = {
    "srt": RtlMode.EMBED,
    "vtt": RtlMode.EMBED,
    "ass": RtlMode.EMBED,
}

LRM = "\u200e"
RLM = "\u200f"
ALM = "\u061c"
LRE = "\u202a"
RLE = "\u202b"
PDF = "\u202c"
LRO = "\u202d"
RLO = "\u202e"
LRI = "\u2066"
RLI = "\u2067"
FSI = "\u2068"
PDI = "\u2069"

#: Invisible bidi controls: marks, embeddings, overrides and isolates. Counting leaves
#: them out; reports show them by name.
BIDI_CONTROLS: frozenset[str] = frozenset(
    {LRM, RLM, ALM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI}
)

#: Short names for showing controls in reports.
CONTROL_NAMES: dict[str, str] = {
    LRM: "LRM",
    RLM: "RLM",
    ALM: "ALM",
    LRE: "LRE",
    RLE: "RLE",
    PDF: "PDF",
    LRO: "LRO",
    RLO: "RLO",
    LRI: "LRI",
    RLI: "RLI",
    FSI: "FSI",
    PDI: "PDI",
}

_RTL_CLASSES = frozenset({"R", "AL"})


def _class_pattern(classes: frozenset[str]) -> re.Pattern[str]:
    """A regular expression matching one character of the given bidi classes."""
    # Right-to-left letters beyond the BMP live in these two blocks only (Unicode 15).
    codes = itertools.chain(range(0x10000), range(0x10800, 0x11000), range(0x1E800, 0x1F000))
    body = class_body(codes, lambda char: unicodedata.bidirectional(char) in classes)
    return re.compile(f"[{body}]")


#: One right-to-left letter (bidi class R or AL): the fast form of :func:`is_rtl_letter`
#: for scanning whole files.
RTL_LETTER = _class_pattern(_RTL_CLASSES)


def parse_rtl_mode(value: str | RtlMode, *, parameter: str = "rtl") -> RtlMode:
    """The mode named ``value``, or an :class:`InvalidValue` naming ``parameter``.

    >>> parse_rtl_mode("bogus")
    Traceback (most recent call last):
    ...
    captionkit.errors.InvalidValue: rtl must be one of none, marks, embed, visual, not 'bogus'
    """
    if isinstance(value, RtlMode):
        return value
    try:
        return RtlMode(value)
    except ValueError:
        raise InvalidValue(parameter, value, "one of " + ", ".join(RTL_MODES)) from None


def rtl_mode_for(format: str, requested: str | RtlMode | None = None) -> RtlMode:
    """The mode to write ``format`` with: the one asked for, else the format's default."""
    if requested is not None:
        return parse_rtl_mode(requested)
    return DEFAULT_RTL_MODES.get(format, RtlMode.NONE)


def is_rtl_letter(char: str) -> bool:
    """A character of bidi class R or AL: one that makes a paragraph right to left."""
    return unicodedata.bidirectional(char) in _RTL_CLASSES


def has_rtl(text: str) -> bool:
    """True when the text has a right-to-left letter anywhere.

    >>> has_rtl("Hello"), has_rtl("Hello عالم")
    (False, True)
    """
    return RTL_LETTER.search(text) is not None


def line_direction(line: str) -> str | None:
    """``'rtl'`` or ``'ltr'`` from the first strong character (rule P2), None without one.

    Isolates (LRI, RLI, FSI ... PDI) and what they enclose are skipped, as rule P2 says.

    >>> line_direction("Hello عالم"), line_direction("مرحبا world"), line_direction("123")
    ('ltr', 'rtl', None)
    """
    depth = 0
    for char in line:
        if char in (LRI, RLI, FSI):
            depth += 1
            continue
        if char == PDI:
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        kind = unicodedata.bidirectional(char)
        if kind in _RTL_CLASSES:
            return "rtl"
        if kind == "L":
            return "ltr"
    return None
