"""The visual-order punctuation workaround: detecting it and undoing it, line by line.

Some Arabic files are typed for players that lay every line out left to right: the
full stop of a sentence is typed *before* its first word (``.لقد وصلنا``), so that it
lands on the left of the screen, and a dialogue dash after the last word. Such a
line reads, in logical order, as ``trail + core + lead`` would read on screen: the
punctuation at each edge belongs at the other edge, in the opposite order, with
brackets mirrored. Undoing it swaps the two edges back; a dialogue dash always goes
to the logical start, sentence punctuation to the logical end. What lies between
the first and the last letter or digit (the *core*: inner commas, a second sentence,
quotes around a word) is already right and is never touched.

A line is *clearly* the workaround when sentence punctuation other than an
ellipsis sits at its logical start and none at its end; it is *clearly* logical in
the mirror case. Lines whose edges hold only an ellipsis, a dash, quotes or
brackets are ambiguous (a cue that starts mid-sentence begins with ``...`` in
logical text too): they are read the way the file's clear lines are written.

>>> undo(".لقد وصلنا")
'لقد وصلنا.'
>>> undo('."في "القاهرة')
'في "القاهرة".'
>>> undo(".هذا صحيح -")
'- هذا صحيح.'
>>> undo(".40 دولاراً")
'40 دولاراً.'
>>> undo("؟ماذا...")
'...ماذا؟'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from captionkit.text.bidi import mirror
from captionkit.text.counting import TAG, strip_tags
from captionkit.text.rtl import BIDI_CONTROLS, line_direction

#: Sentence punctuation: where the workaround moves it is what gives it away.
SENTENCE_PUNCTUATION = frozenset(".,،:;؛!?؟…۔")
# Arabic punctuation of bidi class AL (؛ ؟ ۔): strong for the bidi algorithm, but
# punctuation for the reader, and typed at the wrong end like the others.
_ARABIC_PUNCTUATION = frozenset("؛؟۔")
DASHES = frozenset("-–—")
_NEUTRAL_CLASSES = frozenset({"ON", "CS", "ES", "ET", "WS"})
_INVISIBLE = BIDI_CONTROLS | frozenset("\u200b\u200c\u200d\u2060\ufeff")


class LineKind(Enum):
    """How the punctuation at a line's edges is written."""

    NONE = "none"  # no neutral at either edge, or not a right-to-left line
    WORKAROUND = "workaround"  # sentence punctuation typed at the logical start
    LOGICAL = "logical"  # sentence punctuation at the logical end
    AMBIGUOUS = "ambiguous"  # only ellipses, dashes, quotes or brackets at the edges


class Edges(NamedTuple):
    """A plain line cut at its core: ``prefix`` (invisible controls), ``lead``, the core
    (``core_start`` to ``core_end``), ``trail`` and ``suffix`` (controls again)."""

    prefix_end: int
    core_start: int
    core_end: int
    suffix_start: int


@lru_cache(maxsize=4096)
def _is_neutral(char: str) -> bool:
    return (
        unicodedata.bidirectional(char) in _NEUTRAL_CLASSES
        or char == "\u00a0"
        or char in _ARABIC_PUNCTUATION
    )


def edges(plain: str) -> Edges | None:
    """Where the core of a plain line starts and ends (None when it has no letter or digit)."""
    prefix_end = 0
    while prefix_end < len(plain) and plain[prefix_end] in _INVISIBLE:
        prefix_end += 1
    suffix_start = len(plain)
    while suffix_start > prefix_end and plain[suffix_start - 1] in _INVISIBLE:
        suffix_start -= 1
    core_start = prefix_end
    while core_start < suffix_start and (
        _is_neutral(plain[core_start]) or plain[core_start] in _INVISIBLE
    ):
        core_start += 1
    if core_start == suffix_start:
        return None
    core_end = suffix_start
    while core_end > core_start and (
        _is_neutral(plain[core_end - 1]) or plain[core_end - 1] in _INVISIBLE
    ):
        core_end -= 1
    return Edges(prefix_end, core_start, core_end, suffix_start)


def _has_sentence_mark(run: str) -> bool:
    """Sentence punctuation in an edge run, a lone ellipsis (``...``, ``…``) not counted."""
    marks = "".join(char for char in run if char in SENTENCE_PUNCTUATION)
    if not marks:
        return False
    return not (marks == "…" or (len(marks) >= 2 and set(marks) == {"."}))


def _rtl_core(core: str) -> bool:
    """A core whose first strong character is right to left (digits before it allowed)."""
    return line_direction(core) == "rtl"


def classify(plain: str) -> LineKind:
    """How a plain line (tags removed) writes the punctuation at its edges.

    >>> classify(".لقد"), classify("لقد."), classify("...لقد"), classify("Hello.")
    (<LineKind.WORKAROUND: 'workaround'>, <LineKind.LOGICAL: 'logical'>, \
<LineKind.AMBIGUOUS: 'ambiguous'>, <LineKind.NONE: 'none'>)
    """
    cut = edges(plain)
    if cut is None:
        return LineKind.NONE
    lead = plain[cut.prefix_end : cut.core_start]
    trail = plain[cut.core_end : cut.suffix_start]
    if not lead.strip() and not trail.strip():
        return LineKind.NONE
    if not _rtl_core(plain[cut.core_start : cut.core_end]):
        return LineKind.NONE
    lead_mark, trail_mark = _has_sentence_mark(lead), _has_sentence_mark(trail)
    if lead_mark and not trail_mark:
        return LineKind.WORKAROUND
    if trail_mark and not lead_mark:
        return LineKind.LOGICAL
    if lead_mark and trail_mark:
        return LineKind.NONE  # both ends punctuated: not this workaround, left alone
    if _trailing_dialogue_dash(trail, lead) or _reversed_brackets(plain, lead):
        return LineKind.WORKAROUND  # unambiguous whatever the rest of the file does
    return LineKind.AMBIGUOUS


_OPENERS, _CLOSERS = "([{", ")]}"


def _trailing_dialogue_dash(trail: str, lead: str) -> bool:
    """A dialogue dash after a space at the logical end (``كلا -``): only the workaround
    puts it there; an interruption dash is written without the space (``كنت أقول-``).
    """
    return trail.strip() == "-" and trail.startswith(" ") and not any(c in DASHES for c in lead)


def _reversed_brackets(plain: str, lead: str) -> bool:
    """An opening bracket at the logical start, more openers than closers in the line,
    and balanced brackets once the edges are swapped back (``(المأمور (ستيفنز``).
    """
    if not any(char in _OPENERS for char in lead):
        return False
    opened = sum(plain.count(char) for char in _OPENERS)
    closed = sum(plain.count(char) for char in _CLOSERS)
    if opened <= closed:
        return False
    undone = undo_plain(plain)
    return sum(undone.count(c) for c in _OPENERS) == sum(undone.count(c) for c in _CLOSERS)


def brackets_nest(text: str) -> bool:
    """Every bracket closes the last one opened, in logical order, and none is left open.

    >>> brackets_nest("لقد(لقد)"), brackets_nest("(لقد(لقد"), brackets_nest("لا أقواس")
    (True, False, True)
    """
    stack: list[str] = []
    for char in text:
        if char in _OPENERS:
            stack.append(_CLOSERS[_OPENERS.index(char)])
        elif char in _CLOSERS and (not stack or stack.pop() != char):
            return False
    return not stack


def undo_mends(plain: str) -> bool:
    """Whether undoing the workaround on an ambiguous line could be right: not when the
    line's brackets nest as typed and would not once undone (``لقد(لقد)`` is a logical
    parenthesis at the end, not a visual-order one at the start).
    """
    return not brackets_nest(plain) or brackets_nest(undo_plain(plain))


def file_uses_workaround(kinds: Iterable[LineKind]) -> bool:
    """Whether a file's clear lines are mostly written with the workaround."""
    workaround = logical = 0
    for kind in kinds:
        if kind is LineKind.WORKAROUND:
            workaround += 1
        elif kind is LineKind.LOGICAL:
            logical += 1
    return workaround > logical


_mirror = lru_cache(maxsize=256)(mirror)


@lru_cache(maxsize=1024)
def _mirrored_reverse(run: str) -> str:
    return "".join(_mirror(char) for char in reversed(run))


def _swap(lead: str, trail: str) -> tuple[str, str]:
    """The new (start, end) runs of a workaround line: dashes first, punctuation last.

    Invisible controls in the runs are not moved (they stay where they are).
    """
    lead = "".join(char for char in lead if char not in _INVISIBLE)
    trail = "".join(char for char in trail if char not in _INVISIBLE)
    dashes = " ".join(char for char in lead + trail if char in DASHES)
    rest_lead = "".join(char for char in lead if char not in DASHES).strip()
    rest_trail = "".join(char for char in trail if char not in DASHES).strip()
    start = (dashes + " " if dashes else "") + _mirrored_reverse(rest_trail)
    end = _mirrored_reverse(rest_lead)
    return start, end


@lru_cache(maxsize=65536)
def undo_plain(plain: str) -> str:
    """A plain line with the workaround undone (unchanged when it has no edges)."""
    cut = edges(plain)
    if cut is None:
        return plain
    lead, trail = plain[cut.prefix_end : cut.core_start], plain[cut.core_end : cut.suffix_start]
    start, end = _swap(lead, trail)
    return (
        plain[: cut.prefix_end]
        + _controls(lead)
        + start
        + plain[cut.core_start : cut.core_end]
        + end
        + _controls(trail)
        + plain[cut.suffix_start :]
    )


def _controls(run: str) -> str:
    """The invisible controls of an edge run: they stay on their side when the run moves."""
    return "".join(char for char in run if char in _INVISIBLE)


@lru_cache(maxsize=65536)
def undo(line: str) -> str:
    """A line as written (tags kept where they are) with the workaround undone.

    The edge punctuation is taken out wherever it sits between tags, and the new
    runs are written just outside the core: ``<i>.نعم</i>`` becomes ``<i>نعم.</i>``.

    >>> undo("<i>.نعم</i>")
    '<i>نعم.</i>'
    >>> undo("\u202b!ولكن")
    '\u202bولكن!'
    """
    if "<" not in line and "{" not in line:
        return undo_plain(line)
    plain = strip_tags(line)
    cut = edges(plain)
    if cut is None:
        return line
    start, end = _swap(
        plain[cut.prefix_end : cut.core_start], plain[cut.core_end : cut.suffix_start]
    )
    # Walk the line: keep tags and the core, drop the edge runs, insert the new ones.
    out: list[str] = []
    seen = 0  # plain characters passed
    position = 0
    for match in TAG.finditer(line):
        seen = _copy_text(line[position : match.start()], seen, cut, start, end, out)
        out.append(match.group())
        position = match.end()
    _copy_text(line[position:], seen, cut, start, end, out)
    return "".join(out)


def _copy_text(piece: str, seen: int, cut: Edges, start: str, end: str, out: list[str]) -> int:
    """Copy a run of text between tags: edge characters dropped, the new runs put around the core."""
    for char in piece:
        if seen == cut.core_start:
            out.append(start)
        if (
            seen < cut.prefix_end
            or cut.core_start <= seen < cut.core_end
            or seen >= cut.suffix_start
            or char in _INVISIBLE
        ):
            out.append(char)
        if seen == cut.core_end - 1:
            out.append(end)
        seen += 1
    return seen
