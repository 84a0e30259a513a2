"""TTML (``.ttml``, ``.dfxp``, ``.xml``): IMSC1 text profile read and written, losslessly.

**Reading.** The document is parsed with the standard library's ElementTree
behind ``defusedxml`` (no entity expansion, no external DTD). Every ``<p>``
that shows text is a cue; its interval is computed from the timing of its
ancestors the TTML way (``par`` and ``seq`` time containers; ``begin``,
``end`` and ``dur``; an end clipped by the parent's). Time expressions are read
exactly with :class:`fractions.Fraction`:

* clock time ``hh:mm:ss``, ``hh:mm:ss.fraction``, ``hh:mm:ss:frames[.subframes]``;
* offset time ``12.5s``, ``1500ms``, ``2h``, ``3m``, ``25f`` (frames), ``9000t`` (ticks);
* frames at ``ttp:frameRate`` × ``ttp:frameRateMultiplier`` (``30000 1001``
  gives 29.97… exactly), sub-frames at ``ttp:subFrameRate``, ticks at
  ``ttp:tickRate`` (by default the frame rate times the sub-frame rate when a
  frame rate is given, else 1).

Times become milliseconds (rounded to the nearest). ``text`` is the ``<p>``'s
text with ``<br/>`` as ``\\n``, nested spans flattened, white space handled as
``xml:space="default"`` asks (runs collapsed, none at line ends) or kept with
``xml:space="preserve"``. A ``<p>`` whose spans have timings of their own
(roll-up, karaoke) gives one cue per stretch of time in which its visible text
stays the same. ``identifier`` is the ``xml:id``; ``settings`` the ``<p>``'s own
``region`` and ``style`` references (``region=bottom style=s1``).

**Writing back.** The document's text is kept: the part before the first cue's
``<p>`` and after the last are :class:`~captionkit.model.Section` blocks, and
each cue keeps its ``<p>`` element and what follows it. An unchanged track is
written back byte for byte; a re-timed cue gets only its ``begin`` and
``end``/``dur`` values rewritten (in the form they were written in, relative to
the parent's begin); a cue with new text gets only the ``<p>``'s content
rewritten. Anything else (new cues, changed identifiers) writes a new document.

**Writing new documents** (:class:`TtmlOptions`): IMSC1 text profile by
default, or EBU-TT-D, or Netflix's TTML1 requirements; for Arabic
(``language="ar"``) the ``<tt>`` gets ``xml:lang="ar"`` and each paragraph's
style ``tts:direction="rtl"`` and ``tts:unicodeBidi="embed"``, so that no bidi
control character is needed in the text.

>>> doc = '''<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter"
...  ttp:frameRate="30" ttp:frameRateMultiplier="1000 1001"><body><div begin="1s">
... <p xml:id="a" begin="00:00:00:15" end="2.5s">مرحبا<br/>  بكم </p></div></body></tt>'''
>>> track = parse_ttml(doc)
>>> cue = track.cues[0]
>>> cue.identifier, cue.start, cue.end, cue.text
('a', 1501, 3500, 'مرحبا\\nبكم')
>>> dumps_ttml(track) == doc
True
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from html import escape

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

from captionkit.collector import collector_paused
from captionkit.errors import ParseError, UnrepresentableTextError
from captionkit.formats.splice import splice
from captionkit.model import (
    Block as ModelBlock,
)
from captionkit.model import (
    BlockSource,
    Cue,
    CueSource,
    Section,
    Track,
    TrackSource,
)

__all__ = ["TtmlOptions", "detect_ttml", "dumps_ttml", "parse_time", "parse_ttml"]

TT = "http://www.w3.org/ns/ttml"
TTP = "http://www.w3.org/ns/ttml#parameter"
TTS = "http://www.w3.org/ns/ttml#styling"
XML = "http://www.w3.org/XML/1998/namespace"
ITUNES = "http://music.apple.com/lyric-ttml-internal"
#: The end of a cue that TTML shows indefinitely (no end anywhere up its tree):
#: 99:59:59.999, the largest time SubRip and WebVTT writers print in two-digit hours.
INDEFINITE = 359_999_999
_P = f"{{{TT}}}p"
_SPAN = f"{{{TT}}}span"
_BR = f"{{{TT}}}br"
_BODY = f"{{{TT}}}body"
_DIV = f"{{{TT}}}div"

_CLOCK = re.compile(r"(\d{2,}):(\d\d):(\d\d)(?:(\.\d+)|:(\d{2,})(?:\.(\d+))?)?")
_OFFSET = re.compile(r"(\d+(?:\.\d+)?)(h|ms|m|s|f|t)")
#: Not TTML, but written by Apple's iTunes Timed Text: ``mm:ss.fff``, ``h:mm:ss.fff``
#: and seconds without a unit (``19.764``).
_SHORT_CLOCK = re.compile(r"(?:(?:(\d+):)?(\d{1,2}):)?(\d+)(\.\d+)?")
#: Markup tokens in document order: comments, CDATA, processing instructions,
#: the DOCTYPE, end tags and start tags (group 1: the name, group 2: "/" when empty).
_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE[^>\[]*(?:\[[^\]]*\])?\s*>|</[^>]*>"
    r"|<([^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(/?)>",
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ENCODING_DECLARATION = re.compile(r"""(<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")


def detect_ttml(text: str) -> bool:
    """Whether ``text`` is a TTML document (a ``tt`` root in the TTML namespace).

    >>> detect_ttml('<?xml version="1.0"?><tt xmlns="http://www.w3.org/ns/ttml">'), detect_ttml("<html>")
    (True, False)
    """
    head = text[:8192]
    return "http://www.w3.org/ns/ttml" in head and re.search(r"<(?:\w+:)?tt[\s>]", head) is not None


@dataclass(frozen=True, slots=True)
class Timing:
    """The document's timing parameters, exact."""

    frame_rate: Fraction = Fraction(30)
    sub_frame_rate: int = 1
    tick_rate: Fraction = Fraction(1)

    @classmethod
    def of(cls, root: ElementTree.Element) -> Timing:
        """The parameters on the ``tt`` element, with TTML's defaults."""
        rate_text = root.get(f"{{{TTP}}}frameRate")
        rate = Fraction(int(rate_text)) if rate_text and rate_text.isdigit() else Fraction(30)
        multiplier = (root.get(f"{{{TTP}}}frameRateMultiplier") or "").split()
        if (
            len(multiplier) == 2
            and all(part.isdigit() for part in multiplier)
            and int(multiplier[1])
        ):
            rate *= Fraction(int(multiplier[0]), int(multiplier[1]))
        sub_text = root.get(f"{{{TTP}}}subFrameRate") or ""
        sub = int(sub_text) if sub_text.isdigit() and int(sub_text) > 0 else 1
        tick_text = root.get(f"{{{TTP}}}tickRate") or ""
        if tick_text.isdigit() and int(tick_text) > 0:
            ticks = Fraction(int(tick_text))
        elif rate_text:
            ticks = rate * sub
        else:
            ticks = Fraction(1)
        return cls(rate, sub, ticks)


_DEFAULT_TIMING = Timing()


def parse_time(expression: str, timing: Timing = _DEFAULT_TIMING) -> Fraction | None:
    """Seconds of a TTML time expression, exactly, or None when it is not one.

    >>> parse_time("00:00:01.5"), parse_time("1500ms"), parse_time("2.5m")
    (Fraction(3, 2), Fraction(3, 2), Fraction(150, 1))
    >>> parse_time("00:00:01:15", Timing(Fraction(30000, 1001))), parse_time("30000t", Timing(tick_rate=Fraction(10000)))
    (Fraction(3001, 2000), Fraction(3, 1))
    """
    value = expression.strip()
    clock = _CLOCK.fullmatch(value)
    if clock is not None:
        hours, minutes, seconds, fraction, frames, sub_frames = clock.groups()
        whole = int(hours) * 3600 + int(minutes) * 60 + int(seconds)
        if fraction:  # one Fraction made, not two added (this runs twice per paragraph)
            scale = 10 ** (len(fraction) - 1)
            total = Fraction(whole * scale + int(fraction[1:]), scale)
        else:
            total = Fraction(whole)
        if frames:
            frame_count = Fraction(int(frames))
            if sub_frames:
                frame_count += Fraction(int(sub_frames), timing.sub_frame_rate)
            total += frame_count / timing.frame_rate
        return total
    offset = _OFFSET.fullmatch(value)
    if offset is None:
        short = _SHORT_CLOCK.fullmatch(value)
        if short is None:
            return None
        hours_text, minutes, seconds, fraction = short.groups()
        total = Fraction(int(hours_text or 0) * 3600 + int(minutes or 0) * 60 + int(seconds))
        return total + (Fraction(fraction) if fraction else 0)
    number = Fraction(offset.group(1))
    unit = offset.group(2)
    if unit == "h":
        return number * 3600
    if unit == "m":
        return number * 60
    if unit == "s":
        return number
    if unit == "ms":
        return number / 1000
    if unit == "f":
        return number / timing.frame_rate
    return number / timing.tick_rate


def _plus(first: Fraction, second: Fraction) -> Fraction:
    """``first + second``, without Fraction's slow addition when either is zero."""
    if not second.numerator:
        return first
    if not first.numerator:
        return second
    return first + second


def _ms(seconds: Fraction) -> int:
    """Milliseconds, rounded half up (integer arithmetic: Fraction operators are slow)."""
    numerator, denominator = seconds.numerator, seconds.denominator
    return (2000 * numerator + denominator) // (2 * denominator)


@dataclass
class _Tag:
    """A start tag found in the text: its element's span, and where its attributes stand."""

    name: str
    begin: int
    tag_end: int
    end: int  # the end of the element (after its end tag)
    content_begin: int
    content_end: int


def _scan(text: str) -> list[_Tag]:
    """Every start tag of the document in order, with its element's extent."""
    tags: list[_Tag] = []
    stack: list[_Tag] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if match.group(1) is not None:
            tag = _Tag(
                match.group(1), match.start(), match.end(), match.end(), match.end(), match.end()
            )
            tags.append(tag)
            if not match.group(2):
                stack.append(tag)
        elif token.startswith("</") and stack:
            tag = stack.pop()
            tag.content_end = match.start()
            tag.end = match.end()
    return tags


@dataclass
class _Piece:
    """A piece of a paragraph's text (or a line break, ``text=None``) and when it shows.

    ``windows`` are the stretches of time (absolute seconds, None for an
    indefinite end) in which it is shown.
    """

    text: str | None
    windows: list[tuple[Fraction, Fraction | None]]
    preserve: bool
    region: str | None = None


@dataclass
class _Node:
    """An element with its times relative to its parent's begin, as TTML computes them."""

    element: ElementTree.Element
    begin: Fraction
    end: Fraction | None
    children: list[_Node | str]  # child elements and text in a par container, in order
    implicit_begin: Fraction = Fraction(0)
    in_sequence: bool = False


_CONTENT = frozenset({f"{{{TT}}}{name}" for name in ("body", "div", "p", "span", "br", "set")})
_RUBY_CONTAINERS = frozenset({"container", "baseContainer", "textContainer"})
_DISPLAY = f"{{{TTS}}}display"
_RUBY = f"{{{TTS}}}ruby"


class _Reader:
    """The timing of a document (TTML's time containers, as ttconv reads them) and its text."""

    def __init__(self, root: ElementTree.Element, timing: Timing) -> None:
        self.root = root
        self.timing = timing
        # Apple's lyrics TTML (itunes:timing) writes every time from the start of
        # the document, and times words in spans (karaoke): the line shows whole.
        self.absolute = root.get(f"{{{ITUNES}}}timing") is not None
        self.paragraphs: list[tuple[ElementTree.Element, Fraction, Fraction | None, list[_Piece]]] = []  # fmt: skip
        #: per paragraph: the time its attributes count from, its parent's end, seq parent
        self.bases: dict[int, tuple[Fraction, Fraction | None, bool]] = {}
        self.styles: dict[str, ElementTree.Element] = {
            style.get(f"{{{XML}}}id", ""): style for style in root.iter(f"{{{TT}}}style")
        }
        self.regions: dict[str, tuple[Fraction, Fraction | None]] = {}
        self.has_regions = root.find(f"{{{TT}}}head/{{{TT}}}layout/{{{TT}}}region") is not None
        for region in root.iter(f"{{{TT}}}region"):
            name = region.get(f"{{{XML}}}id")
            if name and (region.get("begin") or region.get("end") or region.get("dur")):
                node = self.relative(region, Fraction(0), True)
                self.regions[name] = (node.begin, node.end)

    def time(self, element: ElementTree.Element, name: str) -> Fraction | None:
        value = element.get(name)
        if value is None:
            return None
        parsed = parse_time(value, self.timing)
        if parsed is None:
            raise ParseError(f"cannot read the time expression {name}={value!r}")
        return parsed

    def relative(
        self, element: ElementTree.Element, implicit_begin: Fraction, parent_par: bool
    ) -> _Node:
        """The element's begin and end relative to its parent (TTML 1, 10.4; ttconv's reading)."""
        explicit_begin = self.time(element, "begin")
        explicit_end = self.time(element, "end")
        duration = self.time(element, "dur")
        if self.absolute and explicit_begin is not None:
            implicit_begin = Fraction(0)
        begin = implicit_begin if explicit_begin is None else _plus(implicit_begin, explicit_begin)
        sequential = element.get("timeContainer") == "seq"
        implicit_end: Fraction | None = begin
        if element.tag in (_BR, f"{{{TT}}}set", f"{{{TT}}}region") and parent_par:
            implicit_end = None
        children: list[_Node | str] = []
        mixed = element.tag in (_P, _SPAN)
        if mixed and element.text and not sequential:
            children.append(element.text)
            implicit_end = None
        for child in element:
            if child.tag in _CONTENT:
                child_implicit = Fraction(0)
                if sequential:
                    child_implicit = (implicit_end - begin) if implicit_end is not None else Fraction(0)  # fmt: skip
                node = self.relative(child, child_implicit, not sequential)
                if sequential:
                    implicit_end = None if node.end is None else node.end + begin
                elif implicit_end is not None and node.end is not None:
                    # A par container lasts until its last child ends; the child's end
                    # counts from this element's begin. (ttconv 1.2.3 compares the
                    # child's end with this element's begin as is, without adding it.)
                    implicit_end = max(implicit_end, _plus(begin, node.end))
                else:
                    implicit_end = None
                if node.end is None or node.begin != node.end:
                    children.append(node)
            if mixed and child.tail and not sequential:
                children.append(child.tail)
                implicit_end = None
        end: Fraction | None
        if explicit_end is not None and duration is not None:
            end = min(begin + duration, implicit_begin + explicit_end)
        elif duration is not None:
            end = begin + duration
        elif explicit_end is not None:
            end = (Fraction(0) if self.absolute else implicit_begin) + explicit_end
        else:
            end = implicit_end
        if self.absolute and element.tag in (_SPAN, _BR):
            begin, end = Fraction(0), None  # word timings: the line shows whole
        return _Node(element, begin, end, children, implicit_begin, not parent_par)

    def read(self, body: ElementTree.Element) -> None:
        """Every paragraph of the body with its absolute interval and its pieces."""
        node = self.relative(body, Fraction(0), True)
        preserve = self.root.get(f"{{{XML}}}space") == "preserve"
        self.place(node, Fraction(0), None, preserve, True, None)

    def displayed(self, element: ElementTree.Element) -> bool:
        """Whether ``tts:display`` (inline, or from the referenced styles) is not ``none``."""
        value = element.get(_DISPLAY)
        if value is None:
            for name in (element.get("style") or "").split():
                style = self.styles.get(name)
                if style is not None and style.get(_DISPLAY) is not None:
                    value = style.get(_DISPLAY)
        return value != "none"

    def place(
        self,
        node: _Node,
        parent_begin: Fraction,
        parent_end: Fraction | None,
        preserve: bool,
        shown: bool,
        region: str | None,
    ) -> tuple[Fraction, Fraction | None]:
        element = node.element
        origin = parent_begin
        if self.absolute and (element.get("begin") or element.get("end")):
            origin = Fraction(0)  # Apple's times count from the start of the document
        begin = _plus(origin, node.begin)
        end = parent_end if node.end is None else _plus(origin, node.end)
        if parent_end is not None and end is not None and end > parent_end:
            end = parent_end
        if self.absolute and element.tag in (_SPAN, _BR):
            begin, end = parent_begin, parent_end
        space = element.get(f"{{{XML}}}space")
        if space is not None:
            preserve = space == "preserve"
        region = element.get("region") or region
        if element.tag != _P:
            shown = shown and self.displayed(element)  # a paragraph's own display may be set
        if element.tag == _P:
            self.bases[id(element)] = (
                parent_begin + node.implicit_begin,
                parent_end,
                node.in_sequence,
            )
            if region in self.regions:
                region_begin, region_end = self.regions[region]
                begin = max(begin, region_begin)
                if region_end is not None and (end is None or end > region_end):
                    end = region_end
            pieces: list[_Piece] = []
            self.collect(node, begin, end, preserve, shown, pieces, [(begin, end)], region)
            self.paragraphs.append((element, begin, end, pieces))
            return begin, end
        for child in node.children:
            if isinstance(child, _Node) and child.element.tag in (_DIV, _P):
                self.place(child, begin, end, preserve, shown, region)
        return begin, end

    def displayed_windows(
        self,
        node: _Node,
        begin: Fraction,
        end: Fraction | None,
        windows: list[tuple[Fraction, Fraction | None]],
    ) -> list[tuple[Fraction, Fraction | None]]:
        """``windows`` cut to when the element is displayed (``tts:display`` and its ``set``s)."""
        hidden = not self.displayed(node.element)
        own = [(begin, end)]
        sets = [child for child in node.children if isinstance(child, _Node) and child.element.tag == f"{{{TT}}}set"]  # fmt: skip
        if hidden:
            own = []
        for setter in sets:
            value = setter.element.get(_DISPLAY)
            if value is None:
                continue
            set_begin = begin + setter.begin
            set_end = end if setter.end is None else begin + setter.end
            if value == "auto" and hidden:
                own.append((set_begin, set_end))
            elif value == "none" and not hidden:
                own = _minus(own, (set_begin, set_end))
        if hidden or sets:
            return _intersect(windows, own)
        return windows

    def collect(
        self,
        node: _Node,
        begin: Fraction,
        end: Fraction | None,
        preserve: bool,
        shown: bool,
        pieces: list[_Piece],
        windows: list[tuple[Fraction, Fraction | None]],
        region: str | None,
    ) -> None:
        """The text pieces of a paragraph or span, with the windows in which they show.

        With regions in the layout, text in no region is not shown (TTML 1, 9.3.2).
        """
        element = node.element
        region = element.get("region") or region
        ruby = element.get(_RUBY) in _RUBY_CONTAINERS
        windows = self.displayed_windows(node, begin, end, windows)
        if not shown or (region is None and self.has_regions):
            windows = []
        for child in node.children:
            if isinstance(child, str):
                if ruby and not child.strip():
                    continue
                pieces.append(_Piece(child, windows, preserve, region))
                continue
            tag = child.element.tag
            if tag == f"{{{TT}}}set":
                continue
            child_begin = _plus(begin, child.begin)
            child_end = end if child.end is None else _plus(begin, child.end)
            if end is not None and child_end is not None and child_end > end:
                child_end = end
            if child.begin == 0 and child.end is None:
                child_windows = windows  # untimed: shown with its parent (and the same list)
            else:
                child_windows = _intersect(windows, [(child_begin, child_end)])
            if tag == _BR:
                pieces.append(_Piece(None, child_windows, preserve, region))
            elif tag == _SPAN:
                space = child.element.get(f"{{{XML}}}space")
                child_preserve = preserve if space is None else space == "preserve"
                if child.element.get("region") and region is None and self.has_regions:
                    child_windows = _intersect([(begin, end)], [(child_begin, child_end)])
                self.collect(child, child_begin, child_end, child_preserve, shown, pieces, child_windows, region)  # fmt: skip


def _intersect(
    first: list[tuple[Fraction, Fraction | None]], second: list[tuple[Fraction, Fraction | None]]
) -> list[tuple[Fraction, Fraction | None]]:
    result = []
    for a_begin, a_end in first:
        for b_begin, b_end in second:
            begin = max(a_begin, b_begin)
            ends = [value for value in (a_end, b_end) if value is not None]
            end = min(ends) if ends else None
            if end is None or end > begin:
                result.append((begin, end))
    return result


def _minus(
    windows: list[tuple[Fraction, Fraction | None]], cut: tuple[Fraction, Fraction | None]
) -> list[tuple[Fraction, Fraction | None]]:
    result: list[tuple[Fraction, Fraction | None]] = []
    cut_begin, cut_end = cut
    for begin, end in windows:
        if begin < cut_begin:
            result.append((begin, cut_begin if end is None or end > cut_begin else end))
        if cut_end is not None and (end is None or end > cut_end):
            result.append((max(begin, cut_end), end))
    return [(begin, end) for begin, end in result if end is None or end > begin]


_SPACES = re.compile(r"[ \t\r\n]+")


def _text_of(pieces: list[_Piece]) -> str:
    """The text of the shown pieces, white space handled as ``xml:space`` asks.

    Default white space (XSL's collapse and suppress-at-line-break): runs of
    spaces, tabs and line ends are one space, and there is none at the start or
    end of a line; preserved text keeps its spaces, and its line ends break lines.
    """
    if not any(piece.preserve for piece in pieces):
        # All default (the usual case): the same result, a line at a time.
        joined = "".join("\n" if piece.text is None else _SPACES.sub(" ", piece.text) for piece in pieces)  # fmt: skip
        return "\n".join(_SPACES.sub(" ", line).strip(" ") for line in joined.split("\n"))
    return _text_by_character(pieces)


def _text_by_character(pieces: list[_Piece]) -> str:
    """:func:`_text_of` for any mix of default and preserved white space."""
    characters: list[tuple[str, bool]] = []  # (character, collapsible)
    for piece in pieces:
        if piece.text is None:
            characters.append(("\n", False))
        elif piece.preserve:
            characters.extend((char, False) for char in piece.text.replace("\r\n", "\n"))
        else:
            characters.extend((char, True) for char in _SPACES.sub(" ", piece.text))
    kept: list[tuple[str, bool]] = []
    for char, collapsible in characters:
        if collapsible and char == " " and (not kept or kept[-1][0] in " \n"):
            continue
        if char == "\n":
            while kept and kept[-1][1] and kept[-1][0] == " ":
                kept.pop()
        kept.append((char, collapsible))
    while kept and kept[-1][1] and kept[-1][0] == " ":
        kept.pop()
    return "".join(char for char, _ in kept)


def _active(piece: _Piece, at: Fraction) -> bool:
    return any(begin <= at and (end is None or at < end) for begin, end in piece.windows)


def _segments(
    begin: Fraction, end: Fraction | None, pieces: list[_Piece]
) -> Iterator[tuple[Fraction, Fraction | None, str]]:
    """The paragraph's stretches of unchanging text (one, unless its spans are timed)."""
    if pieces and all(piece.windows is pieces[0].windows for piece in pieces):
        if pieces[0].windows:  # all shown together, in the paragraph's own windows
            for window_begin, window_end in pieces[0].windows:
                if window_end is None or window_end > window_begin:
                    yield window_begin, window_end, _text_of(pieces)
        return
    times = {begin}
    for piece in pieces:
        for window in piece.windows:
            for moment in window:
                if moment is not None and moment > begin and (end is None or moment < end):
                    times.add(moment)
    ordered = sorted(times)
    previous: tuple[Fraction, Fraction | None, str] | None = None
    for index, moment in enumerate(ordered):
        stop = ordered[index + 1] if index + 1 < len(ordered) else end
        if stop is not None and stop <= moment:
            continue
        shown = [piece for piece in pieces if _active(piece, moment)]
        text = _text_of(shown)
        if previous is not None and previous[2] == text:
            previous = (previous[0], stop, text)  # the same text goes on
            continue
        if previous is not None:
            yield previous
        previous = (moment, stop, text)
    if previous is not None:
        yield previous


def _attribute_span(text: str, begin: int, end: int, name: str) -> tuple[int, int] | None:
    """Where the value of attribute ``name`` stands in the start tag at ``begin:end``."""
    for match in _ATTRIBUTE.finditer(text, begin, end):
        if match.group(1) == name:
            group = 2 if match.group(2) is not None else 3
            return match.start(group), match.end(group)
    return None


def _settings(element: ElementTree.Element) -> str:
    parts = [f"{name}={element.get(name)}" for name in ("region", "style") if element.get(name)]
    return " ".join(parts)


def _parse_tree(text: str, file: str | None) -> ElementTree.Element:
    parseable = text.lstrip("\ufeff")
    declaration = _ENCODING_DECLARATION.match(parseable)
    if declaration is not None:  # the text is decoded already
        parseable = declaration.group(1) + parseable[declaration.end() :]
    try:
        root: ElementTree.Element = SafeElementTree.fromstring(parseable)
    except ElementTree.ParseError as error:
        line = error.position[0] if error.position else None
        raise ParseError(f"not well-formed XML: {error}", file=file, line=line) from None
    except DefusedXmlException as error:
        raise ParseError(
            f"refused: the document declares entities or a DTD ({type(error).__name__})",
            file=file,
            line=1,
        ) from None
    if root.tag != f"{{{TT}}}tt":
        raise ParseError(
            f"not a TTML document: the root element is {root.tag!r}, not tt in the {TT} namespace",
            file=file,
            line=1,
        )
    return root


def parse_ttml(
    text: str,
    *,
    file: str | None = None,
    lenient: bool = False,
    source: TrackSource | None = None,
) -> Track:
    """Read a TTML document into a track whose blocks, laid end to end, give ``text`` back."""
    del lenient
    with collector_paused():
        root = _parse_tree(text, file)
        timing = Timing.of(root)
        reader = _Reader(root, timing)
        body = root.find(_BODY)
        try:
            if body is not None:
                reader.read(body)
        except ParseError as error:
            raise error.located(file) from None
        return _track(text, root, reader, source or TrackSource())


def _tags_by_element(text: str, root: ElementTree.Element) -> dict[int, _Tag] | None:
    """The start tag in ``text`` of each element (by ``id``), or None if they do not line up."""
    tags = _scan(text)
    elements = list(root.iter())
    aligned = len(tags) == len(elements) and all(
        tag.name.rsplit(":", 1)[-1] == element.tag.rsplit("}", 1)[-1]
        for tag, element in zip(tags, elements, strict=True)
    )
    if not aligned:
        return None
    return dict(zip((id(element) for element in elements), tags, strict=False))


def _paragraph_cues(
    reader: _Reader,
    tag_of: dict[int, _Tag],
    owners: list[tuple[ElementTree.Element, str | None]] | None,
) -> list[tuple[_Tag | None, Cue, bool]]:
    """Each paragraph's cues (a stretch of unchanging text per region), with its tag on the first.

    The flag tells that the paragraph was split into several cues.
    """
    cues: list[tuple[_Tag | None, Cue, bool]] = []
    for element, begin, end, pieces in reader.paragraphs:
        regions = list(dict.fromkeys(piece.region for piece in pieces))
        segments = []
        for region in regions:
            for segment in _segments(
                begin, end, [piece for piece in pieces if piece.region == region]
            ):
                if segment[2]:
                    segments.append(segment)
                    if owners is not None:
                        owners.append((element, region))
        split = len(segments) > 1
        for number, (seg_begin, seg_end, cue_text) in enumerate(segments):
            cue = Cue(
                _ms(seg_begin),
                _ms(seg_end) if seg_end is not None else INDEFINITE,
                cue_text,
                element.get(f"{{{XML}}}id", ""),
                _settings(element),
            )
            tag = tag_of.get(id(element)) if number == 0 else None
            cues.append((tag, cue, split))
    return cues


def _track(
    text: str,
    root: ElementTree.Element,
    reader: _Reader,
    source: TrackSource,
    owners: list[tuple[ElementTree.Element, str | None]] | None = None,
) -> Track:
    """The track of a read document; ``owners`` gets each cue's paragraph and region."""
    tag_of = _tags_by_element(text, root)
    aligned = tag_of is not None
    cues = _paragraph_cues(reader, tag_of or {}, owners)
    blocks: list[ModelBlock] = []
    if not aligned or not cues or any(tag is None and not split for tag, _, split in cues):
        # No source layer: the document is kept whole, and changed tracks are written anew.
        blocks.append(Section("document", text, BlockSource(text, 1)))
        blocks.extend(
            Cue(cue.start, cue.end, cue.text, cue.identifier, cue.settings, _split_source(cue))
            for _, cue, _ in cues
        )
        return Track(tuple(blocks), "ttml", source)
    firsts = [(index, tag) for index, (tag, _, _) in enumerate(cues) if tag is not None]
    head_end = firsts[0][1].begin
    blocks.append(Section("head", text[:head_end], BlockSource(text[:head_end], 1)))
    line_at = _line_counter(text)
    for position, (index, tag) in enumerate(firsts):
        stop = firsts[position + 1][1].begin if position + 1 < len(firsts) else tag.end
        raw = text[tag.begin : stop]
        following = [cue for _, cue, _ in cues[index + 1 : firsts[position + 1][0] if position + 1 < len(firsts) else len(cues)]]  # fmt: skip
        cue = cues[index][1]
        split = cues[index][2]
        blocks.append(_with_source(cue, raw, tag, text, line_at(tag.begin), split))
        for other in following:
            blocks.append(Cue(other.start, other.end, other.text, other.identifier, other.settings, _split_source(other)))  # fmt: skip
    tail = text[firsts[-1][1].end :]
    blocks.append(Section("tail", tail, BlockSource(tail, line_at(firsts[-1][1].end))))
    return Track(tuple(blocks), "ttml", source)


def _line_counter(text: str) -> Callable[[int], int]:
    """Line numbers of increasing offsets, counted forward from the last one asked."""
    state = [0, 1]

    def line_at(offset: int) -> int:
        last, line = state
        if offset < last:
            last, line = 0, 1
        line += text.count("\n", last, offset)
        state[0], state[1] = offset, line
        return line

    return line_at


_ABSENT = -1
_SPLIT = -2


def _with_source(cue: Cue, raw: str, tag: _Tag, text: str, line: int, split: bool) -> Cue:
    base = tag.begin
    begin_span = _attribute_span(text, tag.begin, tag.tag_end, "begin")
    end_span = _attribute_span(text, tag.begin, tag.tag_end, "end") or _attribute_span(
        text, tag.begin, tag.tag_end, "dur"
    )
    start_begin, start_end = (begin_span[0] - base, begin_span[1] - base) if begin_span else (_ABSENT, _ABSENT)  # fmt: skip
    end_begin, end_end = (end_span[0] - base, end_span[1] - base) if end_span else (_ABSENT, _ABSENT)  # fmt: skip
    name_end = len(tag.name) + 1
    source = CueSource(
        "ttml",
        raw,
        line,
        _SPLIT if split else 0,
        name_end,
        start_begin,
        start_end,
        end_begin,
        end_end,
        0,
        tag.tag_end - base,
        tag.content_begin - base,
        tag.content_end - base,
        cue.start,
        cue.end,
        cue.identifier,
        cue.settings,
        cue.text,
    )
    return Cue(cue.start, cue.end, cue.text, cue.identifier, cue.settings, source)


def _split_source(cue: Cue) -> CueSource:
    """The source of a later stretch of a paragraph with timed spans: nothing to write."""
    return CueSource("ttml", "", 0, _SPLIT, 0, _ABSENT, _ABSENT, _ABSENT, _ABSENT, 0, 0, 0, 0, cue.start, cue.end, cue.identifier, cue.settings, cue.text)  # fmt: skip


# -- writing ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TtmlOptions:
    """How a new TTML document is written.

    ``profile``: ``imsc1`` (IMSC1 text profile), ``ebu-tt-d`` (EBU-TT-D: its
    metadata, ``ttp:timeBase="media"``, cell resolution, a region and styles it
    requires) or ``netflix`` (TTML1 as Netflix asks: ``ttp:frameRate`` and
    ``ttp:tickRate``, times in ticks). ``language`` goes to ``xml:lang``; for
    right-to-left languages paragraphs get ``tts:direction="rtl"`` and
    ``tts:unicodeBidi="embed"``.
    """

    profile: str = "imsc1"
    language: str = "ar"
    frame_rate: int = 25
    tick_rate: int = 10_000_000
    font_family: str = "proportionalSansSerif"
    font_size: str = "100%"
    text_align: str = "center"


_RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ckb", "sd", "ug", "yi", "dv"})
_PROFILES = {
    "imsc1": "http://www.w3.org/ns/ttml/profile/imsc1/text",
    "ebu-tt-d": "urn:ebu:tt:distribution:2018-04",
    "netflix": "http://www.netflix.com/ns/ttml/profile/dfxp-ls-sdh",
}


def _clock(ms: int, digits: int = 3) -> str:
    sign = "-" if ms < 0 else ""
    ms = abs(ms)
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    fraction = f"{millis:03d}"
    if digits > 3:
        fraction = fraction.ljust(digits, "0")
    elif digits < 3:
        fraction = fraction.rstrip("0") or "0"
    return f"{sign}{hours:02d}:{minutes:02d}:{seconds:02d}.{fraction}"


def _restyle(ms: int, original: str, timing: Timing) -> str:
    """``ms`` written in the form of an existing time expression."""
    if ms < 0:
        raise UnrepresentableTextError(f"TTML has no negative times ({ms} ms)")
    value = original.strip()
    clock = _CLOCK.fullmatch(value)
    seconds = Fraction(ms, 1000)
    if clock is not None:
        if clock.group(5) is not None:  # frames
            frames = int((seconds * timing.frame_rate + Fraction(1, 2)) // 1)
            whole_seconds = int(frames / timing.frame_rate)
            frame = int((frames - whole_seconds * timing.frame_rate + Fraction(1, 2)) // 1)
            minutes, secs = divmod(whole_seconds, 60)
            hours, minutes = divmod(minutes, 60)
            width = len(clock.group(5))
            return f"{hours:02d}:{minutes:02d}:{secs:02d}:{frame:0{width}d}"
        digits = len(clock.group(4)) - 1 if clock.group(4) else 3
        return _clock(ms, max(digits, 3))
    offset = _OFFSET.fullmatch(value)
    unit = offset.group(2) if offset is not None else "s"
    if unit == "t":
        return f"{int((seconds * timing.tick_rate + Fraction(1, 2)) // 1)}t"
    if unit == "f":
        return f"{int((seconds * timing.frame_rate + Fraction(1, 2)) // 1)}f"
    if unit == "ms":
        return f"{ms}ms"
    scale = {"h": 3600, "m": 60, "s": 1}[unit]
    number = Fraction(ms, 1000 * scale)
    if number.denominator == 1:
        return f"{number.numerator}{unit}"
    return f"{float(number):.6f}".rstrip("0").rstrip(".") + unit


def _escape_text(text: str) -> str:
    return "<br/>".join(escape(line, quote=False) for line in text.split("\n"))


def _document_timing(track: Track) -> Timing:
    for block in track.blocks:
        if isinstance(block, Section) and block.name in ("head", "document"):
            root_tag = re.search(r"<(?:[\w.-]+:)?tt[\s>][^>]*>", block.text)
            if root_tag is None:
                break
            closing = "" if root_tag.group().endswith("/>") else "</tt>"
            try:
                opened = root_tag.group()
                name = re.match(r"<([^\s>]+)", opened)
                assert name is not None
                root = ElementTree.fromstring(
                    opened + ("" if not closing else f"</{name.group(1)}>")
                )
            except ElementTree.ParseError:
                break
            return Timing.of(root)
    return _DEFAULT_TIMING


def _patchable(track: Track) -> bool:
    """Whether the track can be written by patching its document."""
    if track.format != "ttml" or not track.blocks:
        return False
    first, last = track.blocks[0], track.blocks[-1]
    if isinstance(first, Section) and first.name == "document" and first.source is not None:
        return all(  # kept whole: written back only unchanged
            isinstance(block, Cue) and block.source is not None and _unchanged(block, block.source)
            for block in track.blocks[1:]
        )
    if not (isinstance(first, Section) and first.name == "head" and first.source is not None):
        return False
    if not (isinstance(last, Section) and last.name == "tail" and last.source is not None):
        return False
    for block in track.blocks[1:-1]:
        if not isinstance(block, Cue) or block.source is None or block.source.format != "ttml":
            return False
        source = block.source
        if block.identifier != source.identifier_as_read or block.settings != source.settings_as_read:  # fmt: skip
            return False
        changed = (
            block.start != source.start_as_read
            or block.end != source.end_as_read
            or block.text != source.text_as_read
        )
        if changed and source.identifier_begin == _SPLIT:
            return False
    return True


def _unchanged(cue: Cue, source: CueSource) -> bool:
    return (
        cue.start == source.start_as_read
        and cue.end == source.end_as_read
        and cue.text == source.text_as_read
        and cue.identifier == source.identifier_as_read
        and cue.settings == source.settings_as_read
    )


def _deltas(cue: Cue, source: CueSource) -> tuple[Fraction, Fraction]:
    """How far a cue's start and end moved, in seconds."""
    return (
        Fraction(cue.start - source.start_as_read, 1000),
        Fraction(cue.end - source.end_as_read, 1000),
    )


def _patch(cue: Cue, source: CueSource, timing: Timing, context: _Context | None) -> str:
    """The cue's ``<p>`` with its timing attributes moved as the cue moved, and its new text.

    A paragraph moves by as much as its cue did (its begin with the cue's start,
    its end with the cue's end), so that a cue shown later than its paragraph
    begins (``tts:display`` set later) keeps that offset.
    """
    raw = source.raw
    if _unchanged(cue, source):
        return raw
    edits: list[tuple[int, int, str]] = []
    if cue.start != source.start_as_read or cue.end != source.end_as_read:
        assert context is not None
        delta_start, delta_end = _deltas(cue, source)
        added = ""
        if source.start_begin != _ABSENT:
            original = raw[source.start_begin : source.start_end]
            value = (parse_time(original, timing) or Fraction(0)) + delta_start
            edits.append((source.start_begin, source.start_end, _restyle(_ms(value), original, timing)))  # fmt: skip
        elif delta_start:
            added += f' begin="{_clock(_ms(delta_start))}"'
        if source.end_begin != _ABSENT:
            original = raw[source.end_begin : source.end_end]
            is_duration = raw[: source.end_begin].rstrip("\"' =").endswith("dur")
            value = (parse_time(original, timing) or Fraction(0)) + delta_end
            if is_duration:
                value -= delta_start
            edits.append((source.end_begin, source.end_end, _restyle(_ms(value), original, timing)))  # fmt: skip
        elif delta_end and cue.end != INDEFINITE:
            old_end = context.end if context.end is not None else Fraction(source.end_as_read, 1000)
            added += f' end="{_clock(_ms(old_end + delta_end - context.base))}"'
        if added:
            edits.append((source.identifier_end, source.identifier_end, added))
    if cue.text != source.text_as_read:
        edits.append((source.text_begin, source.text_end, _escape_text(cue.text)))
    return splice(raw, sorted(edits))


def dumps_ttml(
    track: Track, *, newline: str | None = None, options: TtmlOptions | None = None
) -> str:
    """TTML text of a track: its own document patched when it can be, else a new document."""
    if options is None and _patchable(track):
        timing = _document_timing(track)
        retimed = any(
            isinstance(block, Cue)
            and block.source is not None
            and (block.start != block.source.start_as_read or block.end != block.source.end_as_read)
            for block in track.blocks
        )
        contexts: dict[int, _Context] = {}
        if retimed:
            text, starts = _document_parts(track)
            contexts, regions_timed = _contexts(text)
            if regions_timed or not _fits(starts, contexts):
                return _normalized_document(text, starts, contexts, timing)
        pieces: list[str] = []
        offset = 0
        for block in track.blocks:
            raw = block.source.raw if block.source is not None else ""
            if isinstance(block, Section):
                pieces.append(raw)
            elif isinstance(block, Cue):
                assert block.source is not None
                pieces.append(_patch(block, block.source, timing, contexts.get(offset)))
            offset += len(raw)
        return "".join(pieces)
    return _fresh_document(track, options or TtmlOptions(), newline or "\n")


def _fresh_document(track: Track, options: TtmlOptions, newline: str) -> str:
    """A new document for a track that has none to patch: ``options`` choose the profile."""
    profile = options.profile.lower()
    if profile not in _PROFILES:
        raise UnrepresentableTextError(
            f"unknown TTML profile {options.profile!r}: imsc1, ebu-tt-d or netflix"
        )
    lines = _fresh_head(options, profile)
    lines += _fresh_paragraphs(track, options, ticks=profile == "netflix")
    lines += ["    </div>", "  </body>", "</tt>", ""]
    return newline.join(lines)


def _fresh_root_attributes(options: TtmlOptions, profile: str) -> list[str]:
    """The attributes of a new document's ``<tt>``: namespaces and the profile's parameters."""
    attributes = [
        f'xmlns="{TT}"',
        f'xmlns:ttp="{TTP}"',
        f'xmlns:tts="{TTS}"',
        'xmlns:ttm="http://www.w3.org/ns/ttml#metadata"',
    ]
    if profile == "ebu-tt-d":
        attributes += [
            'xmlns:ebuttm="urn:ebu:tt:metadata"',
            'xmlns:ebutts="urn:ebu:tt:style"',
            'ttp:cellResolution="50 30"',
        ]
    if profile == "imsc1":
        attributes.append(f'ttp:profile="{_PROFILES["imsc1"]}"')
    attributes += [f'xml:lang="{escape(options.language)}"', 'ttp:timeBase="media"']
    if profile == "netflix":
        attributes += [f'ttp:frameRate="{options.frame_rate}"', f'ttp:tickRate="{options.tick_rate}"']  # fmt: skip
    return attributes


def _fresh_head(options: TtmlOptions, profile: str) -> list[str]:
    """A new document's lines up to its ``<div>``: the root, metadata, styles and region."""
    paragraph_style = [
        'xml:id="paragraph"',
        f'tts:textAlign="{escape(options.text_align)}"',
    ]
    if options.language.split("-")[0].lower() in _RTL_LANGUAGES:
        paragraph_style += ['tts:direction="rtl"', 'tts:unicodeBidi="embed"']
    span_style = [
        'xml:id="text"',
        f'tts:fontFamily="{escape(options.font_family)}"',
        f'tts:fontSize="{escape(options.font_size)}"',
        'tts:color="#FFFFFF"',
        'tts:backgroundColor="#000000C2"',
    ]
    attributes = _fresh_root_attributes(options, profile)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f"<tt {' '.join(attributes)}>", "  <head>"]
    if profile == "ebu-tt-d":
        lines += [
            "    <metadata>",
            "      <ebuttm:documentMetadata>",
            "        <ebuttm:conformsToStandard>urn:ebu:tt:distribution:2018-04</ebuttm:conformsToStandard>",
            f"        <ebuttm:conformsToStandard>{_PROFILES['imsc1']}</ebuttm:conformsToStandard>",
            "      </ebuttm:documentMetadata>",
            "    </metadata>",
        ]
    lines += [
        "    <styling>",
        f"      <style {' '.join(paragraph_style)}/>",
        f"      <style {' '.join(span_style)}/>",
        "    </styling>",
        "    <layout>",
        '      <region xml:id="bottom" tts:origin="10% 10%" tts:extent="80% 80%" tts:displayAlign="after"/>',
        "    </layout>",
        "  </head>",
        '  <body region="bottom">',
        "    <div>",
    ]
    return lines


def _fresh_paragraphs(track: Track, options: TtmlOptions, *, ticks: bool) -> list[str]:
    """A ``<p>`` line per cue, with unique ids and times in clock form or in ticks."""

    def stamp(ms: int) -> str:
        if ms < 0:
            raise UnrepresentableTextError(f"TTML has no negative times ({ms} ms)")
        if ticks:
            return f"{ms * options.tick_rate // 1000}t"
        return _clock(ms)

    lines: list[str] = []
    seen: set[str] = set()
    for position, cue in enumerate(track.cues, start=1):
        if "\r" in cue.text:
            raise UnrepresentableTextError(f"cue {position}: a carriage return inside a cue's text")
        identifier = cue.identifier
        if not _is_ncname(identifier) or identifier in seen:
            identifier = f"c{position}"
        seen.add(identifier)
        body = _escape_text(cue.text)
        space = ""
        if any(line != _SPACES.sub(" ", line).strip(" ") for line in cue.text.split("\n")):
            space = ' xml:space="preserve"'  # spaces a reader would otherwise collapse
        end = "" if cue.end == INDEFINITE else f' end="{stamp(cue.end)}"'
        lines.append(
            f'      <p xml:id="{escape(identifier)}" begin="{stamp(cue.start)}"{end}'
            f'{space} style="paragraph"><span style="text">{body}</span></p>'
        )
    return lines


_NCNAME = re.compile(r"[A-Za-z_][\w.-]*")


def _is_ncname(value: str) -> bool:
    return bool(value) and _NCNAME.fullmatch(value) is not None


_CONTAINER_TIMING = ("begin", "end", "dur", "timeContainer")


def _document_parts(track: Track) -> tuple[str, list[tuple[int, Cue]]]:
    """The document as read, and each cue that starts a ``<p>`` with its offset in it."""
    pieces: list[str] = []
    starts: list[tuple[int, Cue]] = []
    offset = 0
    for block in track.blocks:
        raw = block.source.raw if block.source is not None else ""
        if isinstance(block, Cue) and block.source is not None and raw:
            starts.append((offset, block))
        pieces.append(raw)
        offset += len(raw)
    return "".join(pieces), starts


@dataclass(frozen=True, slots=True)
class _Context:
    """What a ``<p>``'s times are relative to and clipped by, read from its document."""

    tag: _Tag
    begin: Fraction
    end: Fraction | None
    base: Fraction
    parent_end: Fraction | None
    sequential: bool


def _contexts(text: str) -> tuple[dict[int, _Context], bool]:
    """Every ``<p>`` of a document by the offset of its start tag; whether regions are timed."""
    root = _parse_tree(text, None)
    reader = _Reader(root, Timing.of(root))
    body = root.find(_BODY)
    contexts: dict[int, _Context] = {}
    if body is None:
        return contexts, False
    reader.read(body)
    tags = _scan(text)
    elements = list(root.iter())
    tag_of = {id(element): tag for element, tag in zip(elements, tags, strict=False)}
    for element, begin, end, _ in reader.paragraphs:
        tag = tag_of[id(element)]
        base, parent_end, sequential = reader.bases[id(element)]
        contexts[tag.begin] = _Context(tag, begin, end, base, parent_end, sequential)
    return contexts, bool(reader.regions)


def _fits(starts: list[tuple[int, Cue]], contexts: dict[int, _Context]) -> bool:
    """Whether every moved paragraph stays inside its parent's interval, in a par container."""
    for offset, cue in starts:
        source = cue.source
        assert source is not None
        if cue.start == source.start_as_read and cue.end == source.end_as_read:
            continue
        context = contexts.get(offset)
        if context is None or context.sequential:
            return False
        delta_start, delta_end = _deltas(cue, source)
        if context.begin + delta_start < context.base:
            return False
        if context.parent_end is not None and (
            context.end is None or context.end + delta_end > context.parent_end
        ):
            return False
    return True


def _normalized_document(
    text: str, starts: list[tuple[int, Cue]], contexts: dict[int, _Context], timing: Timing
) -> str:
    """The document with every ``<p>`` timed from the start and no timing on its containers.

    Used when a re-timed cue would leave its parent's interval (or sits in a
    ``seq`` container, where moving one paragraph moves the next): the
    paragraphs get absolute ``begin``/``end`` (their own, or the cue's new
    times), ``body`` and ``div`` lose ``begin``, ``end``, ``dur`` and
    ``timeContainer``, and nothing else changes.
    """
    new_times = {offset: cue for offset, cue in starts}
    edits: list[tuple[int, int, str]] = []
    for tag in _scan(text):
        local = tag.name.rsplit(":", 1)[-1]
        if local in ("body", "div", "region"):
            for match in _ATTRIBUTE.finditer(text, tag.begin, tag.tag_end):
                if match.group(1) in _CONTAINER_TIMING:
                    edits.append((match.start(), match.end(), ""))
    for offset, context in contexts.items():
        edits += _absolute_edits(text, context, new_times.get(offset), timing)
    edits.sort(key=lambda edit: (edit[0], edit[1]))
    pieces: list[str] = []
    cursor = 0
    for begin, end, value in edits:
        pieces.append(text[cursor:begin])
        pieces.append(value)
        cursor = max(cursor, end)
    pieces.append(text[cursor:])
    return "".join(pieces)


def _absolute_times(context: _Context, cue: Cue | None) -> tuple[int, int]:
    """A paragraph's times from the start of the document, moved as its cue moved."""
    begin_ms = _ms(context.begin)
    end_ms = _ms(context.end) if context.end is not None else INDEFINITE
    if cue is not None and cue.source is not None:
        delta_start, delta_end = _deltas(cue, cue.source)
        begin_ms = _ms(context.begin + delta_start)
        if context.end is not None:
            end_ms = _ms(context.end + delta_end)
        elif cue.end != INDEFINITE:
            end_ms = cue.end
    return begin_ms, end_ms


def _absolute_edits(
    text: str, context: _Context, cue: Cue | None, timing: Timing
) -> list[tuple[int, int, str]]:
    """The edits that give one ``<p>`` absolute times (and its cue's new text, if changed)."""
    tag = context.tag
    begin_ms, end_ms = _absolute_times(context, cue)
    edits: list[tuple[int, int, str]] = []
    if cue is not None and cue.text != (cue.source.text_as_read if cue.source else cue.text):
        edits.append((tag.content_begin, tag.content_end, _escape_text(cue.text)))
    attributes = {
        match.group(1): match for match in _ATTRIBUTE.finditer(text, tag.begin, tag.tag_end)
    }
    added = ""
    begin_match = attributes.get("begin")
    if begin_match is not None:
        group = 2 if begin_match.group(2) is not None else 3
        original = begin_match.group(group)
        value = _restyle(begin_ms, original, timing)
        edits.append((begin_match.start(group), begin_match.end(group), value))
    else:
        added += f' begin="{_clock(begin_ms)}"'
    for name in ("end", "dur"):
        found = attributes.get(name)
        if found is not None:
            edits.append((found.start(), found.end(), ""))
    if end_ms != INDEFINITE:
        added += f' end="{_clock(end_ms)}"'
    if added:
        position = tag.begin + len(tag.name) + 1
        edits.append((position, position, added))
    return edits


# -- the spec view ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TtmlCue:
    """What a presentation processor uses of a cue's paragraph besides its text and times.

    ``region`` is the region the text goes to (None: the default region);
    ``region_style`` the ``tts:*`` values of that region (its attributes, its
    nested and referenced styles); ``style`` the ``tts:*`` values of the
    paragraph (referenced styles, then inline ones, along body, div and p, the
    nearest winning; non-inheritable properties are not told apart);
    ``language`` the ``xml:lang`` in force.
    """

    region: str | None
    region_style: dict[str, str]
    style: dict[str, str]
    language: str


def _styling(
    element: ElementTree.Element, styles: dict[str, ElementTree.Element]
) -> dict[str, str]:
    """The ``tts:*`` values of ``element``: its referenced styles (chained), then its own."""
    values: dict[str, str] = {}
    seen: set[str] = set()

    def referenced(names: str) -> None:
        for name in names.split():
            style = styles.get(name)
            if style is None or name in seen:
                continue
            seen.add(name)
            referenced(style.get("style") or "")
            values.update(_own_styles(style))

    referenced(element.get("style") or "")
    values.update(_own_styles(element))
    return values


def _own_styles(element: ElementTree.Element) -> dict[str, str]:
    prefix = f"{{{TTS}}}"
    return {key[len(prefix) :]: value for key, value in element.items() if key.startswith(prefix)}


def ttml_cues(track: Track) -> tuple[TtmlCue, ...]:
    """The spec view of a TTML track's cues, read from its document (empty when it has none).

    Cues are matched to the document's paragraphs in order; a track whose
    number of cues changed since it was read has no view.
    """
    text, _ = _document_parts(track)
    if not text:
        return ()
    root = _parse_tree(text, None)
    reader = _Reader(root, Timing.of(root))
    body = root.find(_BODY)
    if body is None:
        return ()
    reader.read(body)
    owners: list[tuple[ElementTree.Element, str | None]] = []
    _track(text, root, reader, TrackSource(), owners)
    if len(owners) != len(track.cues):
        return ()
    parents = {id(child): parent for parent in root.iter() for child in parent}
    regions = {region.get(f"{{{XML}}}id", ""): region for region in root.iter(f"{{{TT}}}region")}
    views = []
    for element, region_name in owners:
        chain = [element]
        while id(chain[-1]) in parents:
            chain.append(parents[id(chain[-1])])
        style: dict[str, str] = {}
        language = ""
        for ancestor in reversed(chain):
            style.update(_styling(ancestor, reader.styles))
            language = ancestor.get(f"{{{XML}}}lang", language)
        region_style: dict[str, str] = {}
        region_element = regions.get(region_name or "")
        if region_element is not None:
            for nested in region_element.findall(f"{{{TT}}}style"):
                region_style.update(_own_styles(nested))
            region_style.update(_styling(region_element, reader.styles))
        views.append(TtmlCue(region_name, region_style, style, language))
    return tuple(views)
