"""WebVTT (``.vtt``): the W3C file-parsing algorithm, read losslessly, written back exactly.

Reading follows the *WebVTT parser algorithm* of the W3C spec
(https://www.w3.org/TR/webvtt1/#file-parsing) step for step where it decides
what a block is:

* the signature: an optional byte-order mark, ``WEBVTT``, then a space, a tab,
  a line end or the end of the file; anything else is a :class:`ParseError`
  on line 1 (the only error the spec knows);
* the header: the rest of the first line and the lines below it, up to a blank
  line or a line holding ``-->`` (old-style ``Region:`` lines in the header are
  header text, ignored by players, as the current spec says);
* *collect a WebVTT block*: lines up to a blank line; a ``-->`` on line 1, or on
  line 2 when line 1 had none, is a cue's timing line; any later ``-->`` ends
  the block and starts the next one; ``STYLE`` and ``REGION`` blocks count only
  before the first cue;
* cue timings: ``[HH+:]MM:SS.mmm`` with minutes and seconds up to 59, exactly
  three digits of milliseconds, ``-->`` between, the rest of the line is the
  settings string;
* line ends CR, LF and CRLF (mixed too) are all one.

For speed, ordinary cue blocks (an optional identifier, a plain
``start --> end`` line, text lines without ``-->``) of a file with one
line-end style are read by one regular expression in a tight loop; every other
block goes through the spec's block collection, and a property test checks that
both give the same blocks and sources.

The spec drops what it cannot use (a cue whose timing line does not parse, a
text block without timings, a STYLE block after a cue). captionkit keeps every
such block verbatim as :class:`~captionkit.model.Unparsed` with its line and
the reason, and reports it; it never refuses a file whose signature is right,
so ``lenient`` changes nothing for WebVTT (players would read the file too).

Every block keeps its exact text, line end and following blank lines in its
source, so the blocks laid end to end give back the input. Cue values are kept
as read: ``identifier`` is line 1 of the block exactly, ``settings`` the text
after the end time stamp without the surrounding spaces, ``text`` the payload
lines joined by ``\\n`` with NUL characters as they are (the spec view,
:mod:`captionkit.formats.spec`, turns them into U+FFFD).

Writing gives back every unchanged cue from its source and patches only what
changed (a re-timed cue gets new stamps in its own style: ``MM:SS.mmm`` stays
without hours below one hour). Text WebVTT cannot carry is escaped where the
format has an escape: ``-->`` in a cue's text is written ``--&gt;`` (players show
``-->``; reading gives back the escaped text). A blank line in a cue's text, a
line end or ``-->`` in an identifier, and negative times have no escape and raise
:class:`UnrepresentableTextError` naming the cue.

>>> track = parse_vtt("WEBVTT\\n\\n1\\n00:01.000 --> 00:02.500 align:start\\nمرحبا\\n")
>>> cue = track.cues[0]
>>> cue.identifier, cue.start, cue.end, cue.settings, cue.text
('1', 1000, 2500, 'align:start', 'مرحبا')
>>> later = track.with_cues([cue.with_times(3601000, 3602500)])
>>> print(dumps_vtt(later), end="")
WEBVTT
<BLANKLINE>
1
01:00:01.000 --> 01:00:02.500 align:start
مرحبا
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from captionkit.collector import collector_paused
from captionkit.errors import ParseError, UnrepresentableTextError
from captionkit.formats.splice import splice
from captionkit.model import (
    Block,
    BlockSource,
    Cue,
    CueSource,
    Header,
    Note,
    Region,
    Section,
    Style,
    Track,
    TrackSource,
    Unparsed,
)

__all__ = ["TIMING", "check_vtt_text", "dumps_vtt", "escape_arrows", "parse_vtt"]

#: A cue timing line as the spec's "collect WebVTT cue timings and settings"
#: accepts it. Each stamp is ``hours:minutes:seconds.millis`` or
#: ``minutes:seconds.millis``; the digit runs must end where the spec's
#: "collect a sequence of digits" would stop, hence the look-aheads.
_STAMP = r"(?:([0-9]+):)?([0-9]{2}):([0-9]{2})\.([0-9]{3})(?![0-9])"
TIMING = re.compile(
    rf"[ \t\f]*(?P<start>{_STAMP})[ \t\f]*-->[ \t\f]*(?P<end>{_STAMP})(?P<rest>.*)\Z",
    re.DOTALL,
)
#: A run of non-blank lines: blocks never span a blank line.
_RUN = re.compile(r"[^\r\n]+(?:(?:\r\n|\r|\n)[^\r\n]+)*")
_LINE_END = re.compile(r"(\r\n|\r|\n)")
_LINE_ENDS = re.compile(r"[\r\n]*")
_ASCII_WHITESPACE = " \t\n\f\r"


def _cue_block_pattern(newline: str) -> re.Pattern[str]:
    """A whole ordinary cue block of a file with one line-end style, blank lines after it included.

    An optional identifier line, a plain timing line (``start --> end``, one
    space each side), text lines. Only the fast path uses it; anything it does
    not settle (a "-->" outside the timing line, minutes or seconds above 59,
    other spacing) goes through the spec's block collection instead.
    """
    end = re.escape(newline)
    return re.compile(
        rf"(?:([^\r\n]+){end})?"
        r"((?:([0-9]+):)?([0-9]{2}):([0-9]{2})\.([0-9]{3})) --> "
        r"((?:([0-9]+):)?([0-9]{2}):([0-9]{2})\.([0-9]{3}))(?![0-9])([^\r\n]*)"
        rf"(?:{end}([^\r\n]+(?:{end}[^\r\n]+)*))?(?:{end})*"
    )


_CUE_BLOCKS = {newline: _cue_block_pattern(newline) for newline in ("\n", "\r\n", "\r")}


#: Milliseconds of the fields of a stamp, for the fast path; a missing key is a
#: value the spec rejects (minutes or seconds above 59) or 100 hours and more.
_HOURS: dict[str | None, int] = {None: 0} | {f"{hour:02d}": hour * 3600000 for hour in range(100)}
_MINUTES = {f"{minute:02d}": minute * 60000 for minute in range(60)}
_SECONDS = {f"{second:02d}": second * 1000 for second in range(60)}
_MILLIS = {f"{milli:03d}": milli for milli in range(1000)}


def _stamp_ms(hours: str | None, minutes: str, seconds: str, millis: str) -> int | None:
    """Milliseconds of a matched stamp, or None where the spec rejects it (> 59).

    Without hours, two digits above 59 would mean hours in the spec, and then a
    second colon is missing: an error too, so one check covers both.
    """
    if int(minutes) > 59 or int(seconds) > 59:
        return None
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def _read_timing(line: str) -> tuple[re.Match[str], int, int] | None:
    match = TIMING.match(line)
    if match is None:
        return None
    groups = match.groups()
    start = _stamp_ms(groups[1], groups[2], groups[3], groups[4])
    end = _stamp_ms(groups[6], groups[7], groups[8], groups[9])
    if start is None or end is None:
        return None
    return match, start, end


def _is_keyword_line(line: str, keyword: str) -> bool:
    """``STYLE`` / ``REGION`` followed by nothing but ASCII whitespace."""
    return line.startswith(keyword) and not line[len(keyword) :].strip(_ASCII_WHITESPACE)


def _is_note(first_line: str) -> bool:
    return first_line.startswith("NOTE") and (len(first_line) == 4 or first_line[4] in " \t")


class _Reader:
    """State of one read: the text, ``seen cue`` and the blocks made so far."""

    def __init__(self, text: str, offset_line: Callable[[int], int]) -> None:
        self.text = text
        self.line_at = offset_line
        self.seen_cue = False
        self.blocks: list[Block] = []

    # -- cues ---------------------------------------------------------------------

    def cue(
        self,
        raw: str,
        line: int,
        identifier: str,
        timing_offset: int,
        timing: tuple[re.Match[str], int, int],
        text_begin: int,
        text_end: int,
    ) -> None:
        match, start, end = timing
        rest = match["rest"]
        settings = rest.strip(_ASCII_WHITESPACE)
        settings_begin = (
            timing_offset + match.start("rest") + len(rest) - len(rest.lstrip(_ASCII_WHITESPACE))
        )
        cue_text = raw[text_begin:text_end]
        if "\r" in cue_text:
            cue_text = _LINE_END.sub("\n", cue_text)
        self.seen_cue = True
        self.blocks.append(
            Cue(
                start,
                end,
                cue_text,
                identifier,
                settings,
                CueSource(
                    "vtt",
                    raw,
                    line,
                    0,
                    len(identifier),
                    timing_offset + match.start("start"),
                    timing_offset + match.end("start"),
                    timing_offset + match.start("end"),
                    timing_offset + match.end("end"),
                    settings_begin,
                    settings_begin + len(settings),
                    text_begin,
                    text_end,
                    start,
                    end,
                    identifier,
                    settings,
                    cue_text,
                ),
            )
        )

    # -- one run of non-blank lines ---------------------------------------------------

    def slow_run(self, begin: int, chunk: str, stop: int) -> None:
        """The spec's "collect a WebVTT block", repeated over one run of lines."""
        parts = _LINE_END.split(chunk)
        lines = parts[0::2]
        offsets = [0]
        for index, line in enumerate(lines[:-1]):
            offsets.append(offsets[-1] + len(line) + len(parts[2 * index + 1]))
        count = len(lines)
        first = 0
        while first < count:
            following = self.collect_block(lines, first)
            block_begin = begin + offsets[first]
            block_stop = begin + offsets[following] if following < count else stop
            self.make_block(lines, offsets, first, following, block_begin, block_stop)
            first = following

    def collect_block(self, lines: list[str], first: int) -> int:
        """Index of the line after the block that starts at ``first``.

        Inside a run no line is blank, so a block ends only at the run's end or
        at a ``-->`` line that cannot be this block's timing line.
        """
        seen_arrow = False
        for index in range(first, len(lines)):
            line_count = index - first + 1
            if "-->" in lines[index]:
                if line_count == 1 or (line_count == 2 and not seen_arrow):
                    seen_arrow = True
                    if _read_timing(lines[index]) is not None:
                        self.seen_cue = True  # seen cue is set as soon as timings parse
                else:
                    return index
        return len(lines)

    def make_block(
        self,
        lines: list[str],
        offsets: list[int],
        first: int,
        following: int,
        block_begin: int,
        block_stop: int,
    ) -> None:
        raw = self.text[block_begin:block_stop]
        line = self.line_at(block_begin)
        base = offsets[first]
        last = following - 1
        content = "\n".join(lines[first:following])
        content_end = offsets[last] - base + len(lines[last])
        timing_index = -1
        if "-->" in lines[first]:
            timing_index = first
        elif following - first >= 2 and "-->" in lines[first + 1]:
            timing_index = first + 1
        if timing_index >= 0:
            timing = _read_timing(lines[timing_index])
            if timing is None:
                reason = (
                    f"cue timings cannot be read: {lines[timing_index].strip()!r} "
                    "(expected 00:00:01.000 --> 00:00:02.000)"
                )
                self.blocks.append(
                    Unparsed(content, line + timing_index - first, reason, BlockSource(raw, line))
                )
                return
            identifier = lines[first] if timing_index > first else ""
            timing_offset = offsets[timing_index] - base
            if timing_index < last:
                text_begin = offsets[timing_index + 1] - base
                text_end = content_end
            else:
                text_begin = text_end = min(
                    timing_offset
                    + len(lines[timing_index])
                    + _end_length(raw, timing_offset, lines[timing_index]),
                    len(raw),
                )
            self.cue(raw, line, identifier, timing_offset, timing, text_begin, text_end)
            return
        head = lines[first]
        body = "\n".join(lines[first + 1 : following])
        multi = following - first >= 2
        # Blocks are collected and made in turn, so seen_cue is as the spec has it here.
        if multi and not self.seen_cue and _is_keyword_line(head, "STYLE"):
            self.blocks.append(Style(body, BlockSource(raw, line)))
        elif multi and not self.seen_cue and _is_keyword_line(head, "REGION"):
            self.blocks.append(Region(body, BlockSource(raw, line)))
        elif _is_note(head):
            self.blocks.append(Note(content[4:], BlockSource(raw, line)))
        else:
            reason = _drop_reason(head, self.seen_cue)
            self.blocks.append(Unparsed(content, line, reason, BlockSource(raw, line)))


def _fast_cues(text: str, position: int, reader: _Reader, newline: str = "\n") -> int:
    """Read ordinary cue blocks from ``position`` on, in one tight loop.

    ``newline`` is the file's only line-end style.

    Returns where it stopped: the end of the text, or a block the spec's block
    collection must look at. What it makes is what that collection would make
    (a property test checks the two agree). Offsets inside a block come from
    the lengths of the groups, which is why the timing line must be written
    plainly (``start --> end``, one space each side) for this path.
    """
    match = _CUE_BLOCKS[newline].match
    append = reader.blocks.append
    make_source = _cue_source_maker()
    size = len(text)
    count_lines = text.count
    start_position = position
    last, line = position, reader.line_at(position)
    while position < size:
        found = match(text, position)
        if found is None:
            break
        line += count_lines(newline, last, position)
        last = position
        end = found.end()
        cue = _fast_cue(found.groups(), text, position, end, line, newline, make_source)
        if cue is None:
            break
        append(cue)
        position = end
    if position > start_position:
        reader.seen_cue = True
    return position


def _fast_cue(
    groups: tuple[Any, ...],
    text: str,
    position: int,
    end: int,
    line: int,
    newline: str,
    make_source: Callable[[tuple[Any, ...]], CueSource],
) -> Cue | None:
    """The cue of an ordinary block matched from ``position`` to ``end`` (on ``line``), or None.

    None: the spec's block collection must read it (a stamp the spec rejects,
    ``-->`` in the identifier or the text).
    """
    (identifier, start_stamp, hours, minutes, seconds, millis, end_stamp, hours2, minutes2,
     seconds2, millis2, rest, body) = groups  # fmt: skip
    try:
        start = _HOURS[hours] + _MINUTES[minutes] + _SECONDS[seconds] + _MILLIS[millis]
        stop = _HOURS[hours2] + _MINUTES[minutes2] + _SECONDS[seconds2] + _MILLIS[millis2]
    except KeyError:  # minutes or seconds above 59 (for the spec), or 100 hours and more
        times = _spec_times(groups)
        if times is None:
            return None
        start, stop = times
    step = len(newline)
    if identifier is None:
        identifier = ""
    elif "-->" in identifier:
        return None
    timing_offset = len(identifier) + step if identifier else 0
    if body is not None and "-->" in body:
        return None
    start_end = timing_offset + len(start_stamp)
    end_begin = start_end + 5
    rest_begin = end_begin + len(end_stamp)
    if rest:
        settings = rest.strip(_ASCII_WHITESPACE)
        settings_begin = rest_begin + len(rest) - len(rest.lstrip(_ASCII_WHITESPACE))
        rest_end = rest_begin + len(rest)
    else:
        settings = ""
        settings_begin = rest_end = rest_begin
    if body is None:
        body = ""
        text_begin = text_end = min(rest_end + step, end - position)
    else:
        text_begin = rest_end + step
        text_end = text_begin + len(body)
        if step > 1 or newline == "\r":
            body = body.replace(newline, "\n")
    return Cue(start, stop, body, identifier, settings, make_source((
        "vtt", text[position:end], line,
        0, len(identifier),
        timing_offset, start_end,
        end_begin, rest_begin,
        settings_begin, settings_begin + len(settings),
        text_begin, text_end,
        start, stop, identifier, settings, body,  # the values as read
    )))  # fmt: skip


def _spec_times(groups: tuple[Any, ...]) -> tuple[int, int] | None:
    """The times of a fast-path match that the tables do not hold, or None where the spec says no."""
    start = _stamp_ms(groups[2], groups[3], groups[4], groups[5])
    stop = _stamp_ms(groups[7], groups[8], groups[9], groups[10])
    if start is None or stop is None:
        return None
    return start, stop


def _cue_source_maker() -> Callable[[tuple[Any, ...]], CueSource]:
    """A fast constructor of :class:`CueSource` from a tuple of its fields, in order."""
    if issubclass(CueSource, tuple):  # a named tuple: build it without the keyword wrapper
        maker = tuple.__new__

        def make(fields: tuple[Any, ...]) -> CueSource:
            return maker(CueSource, fields)  # type: ignore[no-any-return]

        return make
    return lambda fields: CueSource(*fields)


def _end_length(raw: str, offset: int, line: str) -> int:
    """Length of the line end after ``line`` at ``offset`` in ``raw`` (0 at the end)."""
    position = offset + len(line)
    if raw.startswith("\r\n", position):
        return 2
    if position < len(raw) and raw[position] in "\r\n":
        return 1
    return 0


def _drop_reason(head: str, seen_cue: bool) -> str:
    for keyword in ("STYLE", "REGION"):
        if _is_keyword_line(head, keyword):
            if seen_cue:
                return f"{keyword} block after the first cue (players ignore it)"
            return f"empty {keyword} block"
    return "block without cue timings (players ignore it)"


def _line_counter(text: str) -> Callable[[int], int]:
    """A function from an offset to its 1-based line number, counting forward cheaply."""
    state = [0, 1]  # last offset, its line

    if "\r" not in text:

        def count(begin: int, end: int) -> int:
            return text.count("\n", begin, end)

    elif "\n" not in text:

        def count(begin: int, end: int) -> int:
            return text.count("\r", begin, end)

    else:

        def count(begin: int, end: int) -> int:
            return (
                text.count("\n", begin, end)
                + text.count("\r", begin, end)
                - text.count("\r\n", begin, end)
            )

    def line_at(offset: int) -> int:
        last, line = state
        if offset < last:
            last, line = 0, 1
        line += count(last, offset)
        state[0], state[1] = offset, line
        return line

    return line_at


def check_signature(text: str, *, file: str | None = None) -> None:
    """Raise :class:`ParseError` unless ``text`` starts with a WebVTT signature.

    ``WEBVTT`` must be the whole text or be followed by a space, a tab or a
    line end (a byte-order mark is taken off before).

    >>> check_signature("WEBVTT\\tfeatures")
    >>> check_signature("WEBVTT-ish")
    Traceback (most recent call last):
    ...
    captionkit.errors.ParseError: line 1: not a WebVTT file: ...
    """
    if text == "WEBVTT" or (text.startswith("WEBVTT") and text[6:7] in (" ", "\t", "\n", "\r")):
        return
    first = _LINE_END.split(text, maxsplit=1)[0][:40]
    found = f"found {first!r}" if text else "the file is empty"
    raise ParseError(
        f"not a WebVTT file: the first line must be 'WEBVTT' alone or followed by a space or "
        f"a tab; {found}",
        file=file,
        line=1,
    )


def parse_vtt(
    text: str,
    *,
    file: str | None = None,
    lenient: bool = False,
    source: TrackSource | None = None,
) -> Track:
    """Read WebVTT text into a track whose blocks, laid end to end, give ``text`` back.

    One byte-order mark at the start is allowed when the decoder did not take
    one off already (``source.bom`` is empty); it stays in the header's source.
    ``lenient`` is accepted for symmetry with SubRip and changes nothing: what
    the spec drops is kept as :class:`Unparsed` and reported, never refused.
    """
    del lenient
    track_source = source or TrackSource()
    mark = ""
    if text.startswith("\ufeff") and not track_source.bom:
        mark, text = "\ufeff", text[1:]
    check_signature(text, file=file)
    reader = _Reader(text, _line_counter(text))
    first_run = _RUN.match(text)
    assert first_run is not None  # the signature line is not blank
    # The first run starts with the signature line; the header is that line and
    # the lines below it, up to a blank line or a line holding "-->".
    first_begin, first_end = first_run.span()
    second_run = _RUN.search(text, first_end)
    header_chunk = text[first_begin:first_end]
    header_parts = _LINE_END.split(header_chunk)
    header_lines = header_parts[0::2]
    cut = len(header_lines)
    for index in range(1, len(header_lines)):
        if "-->" in header_lines[index]:
            cut = index
            break
    next_begin = second_run.start() if second_run is not None else len(text)
    if cut < len(header_lines):
        header_stop = first_begin + sum(len(part) for part in header_parts[: 2 * cut])
        rest_begin = header_stop
    else:
        header_stop = next_begin
        rest_begin = -1
    header_text = header_lines[0][6:] + "".join("\n" + line for line in header_lines[1:cut])
    reader.blocks.append(Header(header_text, BlockSource(mark + text[:header_stop], 1)))
    if rest_begin >= 0:
        reader.slow_run(rest_begin, text[rest_begin:first_end], next_begin)
    with collector_paused():
        _read_blocks(text, next_begin, reader, _only_line_end(text))
    return Track(tuple(reader.blocks), "vtt", track_source)


def _only_line_end(text: str) -> str | None:
    """The file's line end when it uses one style only (None when mixed)."""
    cr = text.count("\r")
    if not cr:
        return "\n"
    lf = text.count("\n")
    if not lf:
        return "\r"
    if cr == lf == text.count("\r\n"):
        return "\r\n"
    return None


def _read_blocks(text: str, position: int, reader: _Reader, newline: str | None) -> None:
    """The blocks from ``position`` on: the fast loop, and the spec's collection in between.

    Files that mix line-end styles take the spec's collection for every block.
    """
    size = len(text)
    while position < size:
        if newline is not None:
            position = _fast_cues(text, position, reader, newline)
            if position >= size:
                return
        run = _RUN.match(text, position)
        assert run is not None  # blocks start on a non-blank line
        blank_lines = _LINE_ENDS.match(text, run.end())
        assert blank_lines is not None  # "*" always matches
        stop = blank_lines.end()
        reader.slow_run(position, run.group(), stop)
        position = stop


# -- writing ------------------------------------------------------------------------


def escape_arrows(text: str) -> str:
    """``-->`` written as ``--&gt;``, the escape WebVTT cue text has for it.

    >>> escape_arrows("a --> b")
    'a --&gt; b'
    """
    return text.replace("-->", "--&gt;")


def _text_problem(text: str) -> str | None:
    """Why WebVTT cannot carry a cue's text, or None (``-->`` is escaped, not a problem)."""
    if "\r" in text:
        return "a carriage return inside a cue's text"
    if text and ("\n\n" in text or text[0] == "\n" or text[-1] == "\n"):
        return (
            "WebVTT cannot carry a blank line inside a cue's text (it ends the cue); "
            "remove the empty line or put a space on it"
        )
    return None


def check_vtt_text(text: str, *, where: str = "") -> None:
    """Raise :class:`UnrepresentableTextError` if a cue's text cannot be written.

    WebVTT ends a cue at a blank line and has no escape for one; a carriage
    return is a line end. (``-->`` has an escape, see :func:`escape_arrows`.)
    """
    problem = _text_problem(text)
    if problem is not None:
        raise UnrepresentableTextError(where + problem)


def _identifier_problem(identifier: str) -> str | None:
    if "\n" in identifier or "\r" in identifier:
        return "a cue identifier cannot hold a line end"
    if "-->" in identifier:
        return "a cue identifier cannot contain '-->' (it would read as the timing line)"
    return None


def _cue_problem(cue: Cue, source: CueSource | None) -> str | None:
    """What keeps ``cue`` from being written, or None; ``source`` is its WebVTT source if any.

    Values unchanged since they were read from WebVTT need no check.
    """
    if cue.start < 0 or cue.end < 0:
        return f"WebVTT has no negative times ({cue.start} ms --> {cue.end} ms)"
    if source is None or cue.text != source.text_as_read:
        problem = _text_problem(cue.text)
        if problem is not None:
            return problem
    if source is None or cue.identifier != source.identifier_as_read:
        problem = _identifier_problem(cue.identifier)
        if problem is not None:
            return problem
    settings = cue.settings
    if (source is None or settings != source.settings_as_read) and (
        "\n" in settings or "\r" in settings
    ):
        return "cue settings cannot hold a line end"
    return None


def format_stamp(ms: int, hours: bool = True, hour_digits: int = 2) -> str:
    """A WebVTT time stamp: ``HH:MM:SS.mmm``, or ``MM:SS.mmm`` when ``hours`` is false.

    Hours are written anyway from one hour on.

    >>> format_stamp(61001), format_stamp(61001, hours=False), format_stamp(3600000, hours=False)
    ('00:01:01.001', '01:01.001', '01:00:00.000')
    """
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hour, minutes = divmod(minutes, 60)
    if hours or hour:
        if hour_digits == 2:
            return "%02d:%02d:%02d.%03d" % (hour, minutes, seconds, millis)  # noqa: UP031 (fast)
        return f"{hour:0{hour_digits}d}:{minutes:02d}:{seconds:02d}.{millis:03d}"
    return "%02d:%02d.%03d" % (minutes, seconds, millis)  # noqa: UP031


def restyle_stamp(ms: int, original: str) -> str:
    """``ms`` written in the style of an existing stamp (with or without hours, hour width).

    >>> restyle_stamp(62500, "00:01.000"), restyle_stamp(62500, "000:00:01.000")
    ('01:02.500', '000:01:02.500')
    """
    if original.count(":") < 2:
        return format_stamp(ms, hours=False)
    return format_stamp(ms, hours=True, hour_digits=original.index(":"))


def _fresh_cue(cue: Cue, newline: str) -> str:
    timing = format_stamp(cue.start) + " --> " + format_stamp(cue.end)
    if cue.settings:
        timing += " " + cue.settings
    head = cue.identifier + newline + timing if cue.identifier else timing
    text = cue.text
    if not text:
        return head + newline + newline
    if "-->" in text:
        text = escape_arrows(text)
    if newline != "\n":
        text = text.replace("\n", newline)
    return head + newline + text + newline + newline


def _patched_cue(cue: Cue, source: CueSource, newline: str) -> str:
    """The cue's source block with only the changed parts rewritten."""
    raw = source.raw
    if cue.text != source.text_as_read or cue.identifier != source.identifier_as_read:
        found = _LINE_END.search(raw)
        if found is not None:
            newline = found.group()  # the block's own line ends
    edits: list[tuple[int, int, str]] = []
    if cue.identifier != source.identifier_as_read:
        edits.append(_identifier_edit(cue.identifier, source, newline))
    if cue.start != source.start_as_read:
        begin, end = source.start_span
        edits.append((begin, end, restyle_stamp(cue.start, raw[begin:end])))
    if cue.end != source.end_as_read:
        begin, end = source.end_span
        edits.append((begin, end, restyle_stamp(cue.end, raw[begin:end])))
    if cue.settings != source.settings_as_read:
        value = cue.settings
        if not source.settings_as_read and value:
            value = " " + value
        edits.append((*source.settings_span, value))
    if cue.text != source.text_as_read:
        edits.append(_text_edit(cue.text, source, newline))
    return splice(raw, edits)


def _identifier_edit(identifier: str, source: CueSource, newline: str) -> tuple[int, int, str]:
    """The edit that gives a cue block a new identifier line, changes it or drops it."""
    if not source.identifier_as_read:
        return 0, 0, identifier + newline
    if identifier:
        return (*source.identifier_span, identifier)
    # Drop the identifier line with its line end.
    return 0, source.start_span[0] - _timing_indent(source.raw, source), ""


def _text_edit(text: str, source: CueSource, newline: str) -> tuple[int, int, str]:
    """The edit that puts a cue's new text (``-->`` escaped) into its source block."""
    body = newline.join(escape_arrows(text).split("\n"))
    begin, end = source.text_span
    if not source.text_as_read and body:
        # No text lines before: add them after the timing line.
        after_line_end = begin > 0 and source.raw[begin - 1] in "\r\n"
        body = body + newline if after_line_end else newline + body
    return begin, end, body


def _timing_indent(raw: str, source: CueSource) -> int:
    """How many spaces stand before the start stamp on the timing line."""
    position = source.start_span[0]
    begin = position
    while begin > 0 and raw[begin - 1] in " \t\f":
        begin -= 1
    return position - begin


def _fresh_block(block: Header | Note | Style | Region, newline: str, where: str) -> str:
    if isinstance(block, Header):
        text = block.text
        if text and text[0] not in " \t\n":
            text = " " + text
        body = "WEBVTT" + text
    elif isinstance(block, Note):
        text = block.text
        if text and text[0] not in " \t\n":
            text = " " + text
        body = "NOTE" + text
    elif isinstance(block, Style):
        body = "STYLE\n" + block.text
    else:
        body = "REGION\n" + block.settings
    lines = body.split("\n")
    if "" in lines[1:] or "\r" in body:
        raise UnrepresentableTextError(f"{where}a blank line would end the block early")
    # The signature line may hold "-->"; any other line of a block holding it starts a cue.
    if any("-->" in line for line in lines[1:]) or (
        not isinstance(block, Header) and "-->" in lines[0]
    ):
        raise UnrepresentableTextError(f"{where}'-->' would start a cue inside the block")
    return newline.join(lines) + newline + newline


def _ends_with_blank_line(text: str) -> bool:
    """Whether ``text`` ends with two line ends (without copying it)."""
    size = len(text)
    if text.endswith("\r\n"):
        return text.endswith(("\n", "\r"), 0, size - 2)
    if text.endswith(("\n", "\r")):
        return text.endswith(("\n", "\r"), 0, size - 1)
    return False


def _starts_with_timing(piece: str) -> bool:
    first = _LINE_END.split(piece, maxsplit=1)[0]
    return "-->" in first


def dumps_vtt(track: Track, *, newline: str | None = None) -> str:
    """WebVTT text of a track.

    Blocks read from WebVTT are written from their source (a changed cue gets
    only its changed parts rewritten); other cues are written fresh as
    ``id\\nHH:MM:SS.mmm --> HH:MM:SS.mmm settings\\ntext\\n\\n`` with ``newline``
    (the track's own line end by default), after a ``WEBVTT`` line when the track
    has no header. SubRip's ``X1:`` coordinates are not WebVTT settings and are
    left out, as :func:`captionkit.formats.conversion_losses` reports.
    """
    line_end = newline or track.source.newline
    same_format = track.format == "vtt"
    pieces: list[str] = []
    blocks = track.blocks
    if not blocks or not isinstance(blocks[0], Header):
        pieces.append("WEBVTT" + line_end + line_end)
    position = 0
    append = pieces.append
    for block in blocks:
        if isinstance(block, Cue):
            position += 1
            source = block.source
            if (
                source is not None
                and source.format == "vtt"
                and block.start == source.start_as_read
                and block.end == source.end_as_read
                and block.text == source.text_as_read
                and block.identifier == source.identifier_as_read
                and block.settings == source.settings_as_read
                and _ends_with_blank_line(pieces[-1])
            ):
                append(source.raw)  # unchanged, after a blank line: as read
                continue
            written: tuple[str, bool] | None = _written_cue(block, position, line_end, track)
        else:
            written = _written_block(block, line_end, same_format)
        if written is not None:
            _add_block(pieces, written[0], line_end, always_blank=written[1])
    return "".join(pieces)


def _add_block(pieces: list[str], piece: str, line_end: str, *, always_blank: bool) -> None:
    """Append a block, with a blank line before it where it would otherwise merge.

    A block after a single line end is safe only when its first line holds
    "-->" (the spec ends the previous block there); that is how unchanged
    blocks that were written so follow each other.
    """
    if pieces:
        previous = pieces[-1]
        if not previous.endswith(("\n", "\r")):
            pieces.append(line_end + line_end)
        elif not _ends_with_blank_line(previous) and (
            always_blank or not _starts_with_timing(piece)
        ):
            pieces.append(line_end)
    pieces.append(piece)


def _written_cue(cue: Cue, position: int, line_end: str, track: Track) -> tuple[str, bool]:
    """A cue that changed or comes from elsewhere, and whether a blank line must precede it."""
    source = cue.source
    vtt_source = source if source is not None and source.format == "vtt" else None
    if source is not None and vtt_source is None:
        # SubRip: its X1/Y1 coordinates are not WebVTT settings.
        cue = Cue(cue.start, cue.end, cue.text, cue.identifier, "", source)
    problem = _cue_problem(cue, vtt_source)
    if problem is not None:
        label = f" ({cue.identifier!r})" if cue.identifier else ""
        raise UnrepresentableTextError(
            f"cue {position}{label}: {problem}",
            file=track.source.path,
            line=cue.line_number,
        )
    if vtt_source is not None:
        return _patched_cue(cue, vtt_source, line_end), False
    return _fresh_cue(cue, line_end), bool(cue.identifier)


def _written_block(
    block: Header | Note | Style | Region | Section | Unparsed, line_end: str, same_format: bool
) -> tuple[str, bool] | None:
    """A block that is not a cue, and whether a blank line must precede it (None: left out)."""
    if isinstance(block, Unparsed):
        if same_format and block.source is not None:
            return block.source.raw, False
        return None
    if isinstance(block, Section):
        return None  # another format's sections (ASS, TTML): conversion_losses lists them
    if block.source is not None and same_format:
        return block.source.raw, True
    return _fresh_block(block, line_end, f"{type(block).__name__}: "), True
