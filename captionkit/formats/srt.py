"""SubRip (``.srt``): a tolerant reader and a lossless writer.

Real SubRip files are loose: a dot or a comma before the milliseconds, 1 to 3
digits of milliseconds (read as a decimal fraction: ``,5`` is 500 ms), hours
left out, no milliseconds at all, ``->`` typed for ``-->``, missing or wrong
indexes, extra blank lines, ``X1:`` coordinates after the times, negative times
and no newline at the end. The reader takes all of that. The
timing lines are the anchors: a cue runs from its timing line (and the index
line above it, if any) to the next cue. So a blank line inside a cue's text is
kept when the line after it is not an index followed by a timing line.

A line in timing position (at the start of a block, or under an index) that
has ``-->`` but cannot be read is an error with its line number; with
``lenient=True`` the block is kept verbatim as :class:`Unparsed` and reported.

The writer gives back the bytes of every cue that did not change and, for one
that did, rewrites only the part that changed: a re-timed cue keeps its index,
its separators, its coordinates and its text exactly.

>>> track = parse_srt("1\\n00:00:01,5 --> 00:00:02.250\\nمرحبا\\n")
>>> track.cues[0].start, track.cues[0].end, track.cues[0].text
(1500, 2250, 'مرحبا')
>>> dumps_srt(track) == "1\\n00:00:01,5 --> 00:00:02.250\\nمرحبا\\n"
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from captionkit.collector import collector_paused
from captionkit.errors import ParseError, UnrepresentableTextError
from captionkit.formats.lines import split_lines
from captionkit.formats.splice import splice
from captionkit.model import (
    Block,
    BlockSource,
    Cue,
    CueSource,
    Header,
    Note,
    Region,
    Style,
    Track,
    TrackSource,
    Unparsed,
)
from captionkit.timecode import format_clock, format_srt_time

_STAMP = r"-?(?:\d+:)?\d{1,2}:\d{1,2}(?:[,.]\d{1,3})?"
TIMING = re.compile(
    rf"[ \t]*(?P<start>{_STAMP})[ \t]*--?>[ \t]*(?P<end>{_STAMP})(?P<rest>.*)", re.DOTALL
)
_STAMP_PARTS = re.compile(r"(-?)(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:([,.])(\d{1,3}))?")
_COORDINATES = re.compile(r"(?:[XY][12]:[ \t]*-?\d+[ \t]*)+")


def stamp_to_ms(stamp: str) -> int:
    """Milliseconds of a SubRip time stamp as the reader accepts it.

    >>> stamp_to_ms("01:02:03,4"), stamp_to_ms("2:03.45"), stamp_to_ms("-00:00:01,000")
    (3723400, 123450, -1000)
    """
    match = _STAMP_PARTS.fullmatch(stamp)
    if match is None:
        raise ValueError(stamp)
    sign, hours, minutes, seconds, _, fraction = match.groups()
    millis = int((fraction or "0").ljust(3, "0"))
    value = ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis
    return -value if sign else value


def restyle_stamp(ms: int, original: str) -> str:
    """Print ``ms`` in the style of an existing stamp (its separator, its hours).

    >>> restyle_stamp(62500, "00:00:01.000"), restyle_stamp(62500, "0:00:01,000")
    ('00:01:02.500', '0:01:02,500')
    """
    if (
        len(original) == 12
        and original[2] == original[5] == ":"
        and original[8] in ",."
        and original[0] != "-"
    ):
        return format_clock(ms, original[8])
    match = _STAMP_PARTS.fullmatch(original)
    text = format_srt_time(ms)
    if match is None:
        return text
    _, hours, _, _, separator, _ = match.groups()
    if separator == ".":
        text = text.replace(",", ".")
    if hours is not None and len(hours) == 1 and text.lstrip("-").startswith("0"):
        sign = "-" if text.startswith("-") else ""
        text = sign + text.lstrip("-")[1:]
    return text


_INDEX = re.compile(r"[ \t]*[0-9]+[ \t]*")
_FAST = re.compile(
    rf"^(?:[ \t]*([0-9]+)[ \t]*\r?\n)?[ \t]*({_STAMP})[ \t]*--?>[ \t]*({_STAMP})([^\r\n]*?)\r?$",
    re.MULTILINE,
)


_MINUTE_PREFIX: dict[int, str] = {}
_SECOND_TABLES: dict[str, list[str]] = {}


def _clock_stamp(ms: int, separator: str) -> str:
    """``HH:MM:SS,mmm`` of a time from 0 on: the re-timing writer prints two per cue.

    The ``HH:MM:`` part is cached per minute and ``SS,mmm`` comes from a table of
    the 60,000 milliseconds of a minute (made once per separator), so a stamp is
    two look-ups and one concatenation.

    >>> _clock_stamp(3723004, ","), _clock_stamp(61500, ".")
    ('01:02:03,004', '00:01:01.500')
    """
    minute, rest = divmod(ms, 60000)
    prefix = _MINUTE_PREFIX.get(minute)
    if prefix is None:
        prefix = "%02d:%02d:" % divmod(minute, 60)  # noqa: UP031 (fast)
        if len(_MINUTE_PREFIX) < 100000:
            _MINUTE_PREFIX[minute] = prefix
    table = _SECOND_TABLES.get(separator)
    if table is None:
        table = _SECOND_TABLES[separator] = [
            f"{second:02d}{separator}{milli:03d}" for second in range(60) for milli in range(1000)
        ]
    return prefix + table[rest]


def _is_index(line: str) -> bool:
    return _INDEX.fullmatch(line) is not None


class _Split(NamedTuple):
    """The text read line by line, as :func:`split_lines` gives it, and the text itself."""

    text: str
    lines: list[str]
    ends: list[str]
    offsets: list[int]

    def cut(self, first: int, stop: int) -> str:
        """The text from the start of line ``first`` to that of line ``stop`` (or the end)."""
        end = self.offsets[stop] if stop < len(self.lines) else len(self.text)
        return self.text[self.offsets[first] : end]


@dataclass
class _Anchor:
    """A timing line found while scanning: where the cue's block begins."""

    timing: int
    block_start: int
    match: re.Match[str] | None


def parse_srt(
    text: str,
    *,
    file: str | None = None,
    lenient: bool = False,
    source: TrackSource | None = None,
) -> Track:
    """Read SubRip text into a track whose source layer reproduces ``text``."""
    with collector_paused():
        fast = _parse_fast(text, source)
        if fast is not None:
            return fast
        return _parse_general(text, file=file, lenient=lenient, source=source)


def _parse_general(
    text: str,
    *,
    file: str | None,
    lenient: bool,
    source: TrackSource | None,
) -> Track:
    """Line-by-line reading for every file, however irregular."""
    split = _Split(text, *split_lines(text))
    count = len(split.lines)
    anchors = _anchors(split.lines, file=file, lenient=lenient)
    first_start = anchors[0].block_start if anchors else count
    blocks, leading = _before_first_cue(split, first_start)
    for position, anchor in enumerate(anchors):
        stop = anchors[position + 1].block_start if position + 1 < len(anchors) else count
        blocks += _anchor_blocks(split, anchor, stop, file=file, lenient=lenient)
    return Track(tuple(blocks), "srt", _with_leading(source, leading))


def _anchors(lines: list[str], *, file: str | None, lenient: bool) -> list[_Anchor]:
    """The timing lines of the file, where each cue's block begins: the reader's anchors."""
    anchors: list[_Anchor] = []
    previous_timing = -1
    for number, line in enumerate(lines):
        if "->" not in line:
            continue
        match = TIMING.fullmatch(line)
        has_index = number > 0 and number - 1 > previous_timing and _is_index(lines[number - 1])
        at_block_start = number == 0 or lines[number - 1] == "" or number - 1 == previous_timing
        if match is None:
            if not (has_index or at_block_start):
                continue  # "-->" inside the text of a cue
            if not lenient:
                raise ParseError(
                    f"cannot read the timing line {line.strip()!r} "
                    "(expected 00:00:01,000 --> 00:00:02,000)",
                    file=file,
                    line=number + 1,
                )
        block_start = number - 1 if has_index else number
        anchors.append(_Anchor(number, block_start, match))
        previous_timing = number
    if not anchors and any(line.strip() for line in lines):
        first = next(i for i, line in enumerate(lines) if line.strip())
        raise ParseError(
            "no SubRip cue here: no timing line like 00:00:01,000 --> 00:00:02,000",
            file=file,
            line=first + 1,
        )
    return anchors


def _before_first_cue(split: _Split, first_start: int) -> tuple[list[Block], str]:
    """What stands before the first cue: an unparsed block if it has text, else blank lines."""
    if first_start == 0:
        return [], ""
    prefix = split.cut(0, first_start)
    lines = split.lines
    if not any(line.strip() for line in lines[:first_start]):
        return [], prefix
    first_text = next(i for i in range(first_start) if lines[i].strip())
    return [
        Unparsed(prefix, first_text + 1, "text before the first cue", BlockSource(prefix, 1))
    ], ""


def _anchor_blocks(
    split: _Split, anchor: _Anchor, stop: int, *, file: str | None, lenient: bool
) -> list[Block]:
    """The blocks from one anchor to the next: its cue, or an unparsed block, and any orphan."""
    lines = split.lines
    if anchor.match is None:
        raw = split.cut(anchor.block_start, stop)
        reason = f"unreadable timing line {lines[anchor.timing].strip()!r}"
        return [Unparsed(raw, anchor.timing + 1, reason, BlockSource(raw, anchor.block_start + 1))]
    orphan = _orphan_block(lines, anchor, stop)
    if orphan is None:
        return [_make_cue(split, anchor, stop)]
    if not lenient:
        raise ParseError(
            f"cue {lines[orphan].strip()} has no timing line "
            "(expected 00:00:01,000 --> 00:00:02,000 under its number)",
            file=file,
            line=orphan + 1,
        )
    raw_orphan = split.cut(orphan, stop)
    return [
        _make_cue(split, anchor, orphan),
        Unparsed(
            raw_orphan,
            orphan + 1,
            f"cue {lines[orphan].strip()} has no timing line",
            BlockSource(raw_orphan, orphan + 1),
        ),
    ]


def _with_leading(source: TrackSource | None, leading: str) -> TrackSource:
    """The file facts, with the blank lines found before the first cue."""
    track_source = source or TrackSource()
    return replace(track_source, leading=leading) if leading else track_source


def _orphan_block(lines: list[str], anchor: _Anchor, stop: int) -> int | None:
    """The line of a numbered block without a timing line inside this cue's span.

    After a blank line, the next index in sequence (this cue's number plus one)
    followed by text is a cue whose timing line is missing, not more text.
    """
    if anchor.block_start == anchor.timing:
        return None
    number = lines[anchor.block_start].strip()
    if not number.isdigit():
        return None
    expected = str(int(number) + 1)
    for index in range(anchor.timing + 2, stop):
        if lines[index - 1] == "" and lines[index].strip() == expected:
            return index
    return None


def _last_text_line(lines: list[str], timing: int, stop: int) -> int:
    """The cue's last text line (``timing`` when it has none) in its block, which ends at ``stop``.

    The text runs to the last line that is not blank; whitespace-only lines at
    the end are separators, except a first line that is only spaces (a cue whose
    text is a space).
    """
    last = stop - 1
    while last > timing + 1 and not lines[last].strip():
        last -= 1
    if last == timing + 1 and lines[last] == "":
        last = timing
    return last


def _identifier(lines: list[str], anchor: _Anchor) -> tuple[str, tuple[int, int]]:
    """The cue's index as read, and its span on its line (empty when it has none)."""
    if anchor.block_start == anchor.timing:
        return "", (0, 0)
    id_line = lines[anchor.block_start]
    identifier = id_line.strip()
    id_begin = len(id_line) - len(id_line.lstrip())
    return identifier, (id_begin, id_begin + len(identifier))


def _make_cue(split: _Split, anchor: _Anchor, stop: int) -> Cue:
    """A cue from its block (anchor to ``stop``): its values, and their spans for the writer."""
    lines, ends, offsets = split.lines, split.ends, split.offsets
    raw = split.cut(anchor.block_start, stop)
    block_offset = offsets[anchor.block_start]
    match = anchor.match
    assert match is not None
    timing = anchor.timing
    last = _last_text_line(lines, timing, stop)
    text_lines = lines[timing + 1 : last + 1]
    cue_text = "\n".join(text_lines)
    identifier, identifier_span = _identifier(lines, anchor)
    timing_offset = offsets[timing] - block_offset
    rest = match["rest"]
    settings = rest.strip()
    settings_begin = timing_offset + match.start("rest") + (len(rest) - len(rest.lstrip()))
    if last > timing:
        text_begin = offsets[timing + 1] - block_offset
        text_end = offsets[last] - block_offset + len(lines[last])
    else:
        text_begin = text_end = timing_offset + len(lines[timing]) + len(ends[timing])
    start = stamp_to_ms(match["start"])
    end = stamp_to_ms(match["end"])
    cue_source = CueSource(
        format="srt",
        raw=raw,
        line=anchor.block_start + 1,
        identifier_begin=identifier_span[0],
        identifier_end=identifier_span[1],
        start_begin=timing_offset + match.start("start"),
        start_end=timing_offset + match.end("start"),
        end_begin=timing_offset + match.start("end"),
        end_end=timing_offset + match.end("end"),
        settings_begin=settings_begin,
        settings_end=settings_begin + len(settings),
        text_begin=text_begin,
        text_end=text_end,
        start_as_read=start,
        end_as_read=end,
        identifier_as_read=identifier,
        settings_as_read=settings,
        text_as_read=cue_text,
    )
    return Cue(start, end, cue_text, identifier, settings, cue_source)


def check_srt_text(text: str, *, where: str = "") -> None:
    """Raise :class:`UnrepresentableTextError` if SubRip cannot carry ``text``.

    SubRip has no escapes: a text line that reads as a timing line, ``-->`` at
    the start of a block, a carriage return, or blank lines at the end of the
    text would be read back differently.
    """
    if "->" not in text and "\r" not in text:
        last_break = text.rfind("\n")
        if last_break < 0 or text[last_break + 1 :].strip():
            return  # the usual text: nothing to check further
    if "\r" in text:
        raise UnrepresentableTextError(f"{where}a carriage return inside a cue's text")
    lines = text.split("\n")
    if len(lines) > 1 and not lines[-1].strip():
        raise UnrepresentableTextError(
            f"{where}SubRip cannot end a cue's text with a blank line (it would end the cue)"
        )
    for number, line in enumerate(lines):
        if "->" not in line:
            continue
        if TIMING.fullmatch(line):
            raise UnrepresentableTextError(
                f"{where}the text line {line!r} would read as a timing line"
            )
        before = lines[number - 1] if number > 0 else None
        if before is not None and (before == "" or _is_index(before)):
            raise UnrepresentableTextError(
                f"{where}the text line {line!r} would read as a broken timing line"
            )


def _fresh_cue(cue: Cue, position: int, newline: str) -> str:
    identifier = cue.identifier
    if not (identifier.isdigit() and identifier.isascii()) and not _is_index(identifier):
        identifier = str(position)
    settings = cue.settings
    start, end, text = cue.start, cue.end, cue.text
    timing = (
        (_clock_stamp(start, ",") if start >= 0 else format_srt_time(start))
        + " --> "
        + (_clock_stamp(end, ",") if end >= 0 else format_srt_time(end))
    )
    if settings and _COORDINATES.fullmatch(settings):
        timing += "  " + settings
    if text == "":
        return identifier + newline + timing + newline + newline
    if newline != "\n" and "\n" in text:
        text = text.replace("\n", newline)
    return identifier + newline + timing + newline + text + newline + newline


def _patched_cue(cue: Cue, source: CueSource, position: int, newline: str) -> str:
    """Rewrite only the parts of the cue's block that changed (its text, index or settings).

    :func:`dumps_srt` writes unchanged and only re-timed cues itself.
    """
    raw = source.raw
    if (cue.identifier != source.identifier_as_read and not _is_index(cue.identifier)) or (
        cue.settings != source.settings_as_read
        and not _COORDINATES.fullmatch(cue.settings)
        and cue.settings
    ):
        return _fresh_cue(cue, position, newline) + raw[source.text_span[1] :].lstrip("\r\n")
    edits: list[tuple[int, int, str]] = []
    if cue.identifier != source.identifier_as_read:
        if source.identifier_as_read:
            edits.append((*source.identifier_span, cue.identifier))
        elif cue.identifier:
            edits.append((0, 0, cue.identifier + newline))
    for value, as_read, (begin, end) in (
        (cue.start, source.start_as_read, source.start_span),
        (cue.end, source.end_as_read, source.end_span),
    ):
        if value != as_read:
            edits.append((begin, end, restyle_stamp(value, raw[begin:end])))
    if cue.settings != source.settings_as_read:
        settings = cue.settings
        if not source.settings_as_read and settings:
            settings = "  " + settings
        edits.append((*source.settings_span, settings))
    if cue.text != source.text_as_read:
        body = newline.join(cue.text.split("\n"))
        if not source.text_as_read and body:
            body += newline
        edits.append((*source.text_span, body))
    return splice(raw, edits)


def dumps_srt(track: Track, *, newline: str | None = None) -> str:
    """SubRip text of a track (see :func:`_dumps_srt`); the collector rests meanwhile.

    Writing makes a few short-lived tuples per cue; with the collector on, they
    set off collections that walk every cue of the track and find nothing.
    """
    with collector_paused():
        return _dumps_srt(track, newline=newline)


def _dumps_srt(track: Track, *, newline: str | None = None) -> str:
    """SubRip text of a track.

    Cues read from SubRip are written from their source layer (changed parts
    only); other cues are written fresh with ``newline`` (the track's own line
    end by default) and numbered by position when they have no numeric index.
    Blocks SubRip has no place for (WebVTT notes, styles, regions, headers) are
    left out; :func:`captionkit.formats.conversion_losses` lists them.
    """
    line_end = newline or track.source.newline
    same_format = track.format == "srt"
    pieces: list[str] = [track.source.leading] if same_format else []
    position = 0
    append = pieces.append
    extend = pieces.extend
    clock_stamp = _clock_stamp
    for block in track.blocks:
        if isinstance(block, Cue):
            position += 1
            source = block.source
            if source is not None and source[0] == "srt":
                # The fields of the source at once (a named tuple unpacks faster
                # than it answers attribute look-ups, and writers do this per cue).
                (_, raw, _, _, _, start_begin, start_end, end_begin, end_end, _, _, _, _,
                 start_read, end_read, identifier_read, settings_read, text_read) = source  # fmt: skip
                if block.text == text_read:
                    if block.identifier == identifier_read and block.settings == settings_read:
                        # Unchanged, or only re-timed (the common cases): the block as
                        # read, with the stamps that moved printed in their own style.
                        start_ms, end_ms = block.start, block.end
                        if start_ms == start_read:
                            if end_ms == end_read:
                                append(raw)
                                continue
                            start = raw[start_begin:start_end]
                        elif start_end - start_begin == 12 and raw[start_begin + 8] in ",." and raw[start_begin + 2] == ":" and raw[start_begin] != "-" and start_ms >= 0:  # fmt: skip
                            start = clock_stamp(start_ms, raw[start_begin + 8])
                        else:
                            start = restyle_stamp(start_ms, raw[start_begin:start_end])
                        if end_ms == end_read:
                            end = raw[end_begin:end_end]
                        elif end_end - end_begin == 12 and raw[end_begin + 8] in ",." and raw[end_begin + 2] == ":" and raw[end_begin] != "-" and end_ms >= 0:  # fmt: skip
                            end = clock_stamp(end_ms, raw[end_begin + 8])
                        else:
                            end = restyle_stamp(end_ms, raw[end_begin:end_end])
                        extend((raw[:start_begin], start, raw[start_end:end_begin], end, raw[end_end:]))  # fmt: skip
                        continue
                else:
                    check_srt_text(block.text, where=f"cue {position}: ")
                append(_patched_cue(block, source, position, line_end))
            else:
                check_srt_text(block.text, where=f"cue {position}: ")
                append(_fresh_cue(block, position, line_end))
        elif isinstance(block, Unparsed) and same_format and block.source is not None:
            pieces.append(block.source.raw)
        elif isinstance(block, Header | Note | Style | Region | Unparsed):
            continue
    return "".join(pieces)


def _block_pattern(newline: str) -> re.Pattern[str]:
    """Ordinary SubRip blocks, every piece a group, so offsets are sums of lengths.

    Groups: indent, index, rest of the index line; indent, start stamp, arrow,
    end stamp, the rest of the timing line, its line end; the text lines (without
    the last line end); the last line end and the blank lines after it, which
    must be there unless the file ends.
    """
    line_end = re.escape(newline)
    other = "[^\r\n]"
    return re.compile(
        rf"(?:([ \t]*)([0-9]+)([ \t]*{line_end}))?"
        rf"([ \t]*)(?:(\d\d:\d\d):(\d\d)[,.](\d\d\d)|({_STAMP}))([ \t]*--?>[ \t]*)"
        rf"(?:(\d\d:\d\d):(\d\d)[,.](\d\d\d)|({_STAMP}))({other}*)({line_end}|\Z)"
        rf"((?:{other}+(?:{line_end}{other}+)*)?)"
        rf"((?:{line_end})+|\Z)"
    )


_BLOCKS = {newline: _block_pattern(newline) for newline in ("\n", "\r\n")}
_SECONDS = {f"{seconds:02d}": seconds * 1000 for seconds in range(100)}  # 60-99 read as they say
_MILLIS = {f"{millis:03d}": millis for millis in range(1000)}


class _MinuteCache(dict[str, int]):
    """Milliseconds of the ``HH:MM`` of stamps, each worked out on first use."""

    def __missing__(self, clock: str) -> int:
        value = self[clock] = stamp_to_ms(clock + ":00")
        return value


def _parse_fast(text: str, source: TrackSource | None) -> Track | None:
    """The common case, all blocks in one regular-expression pass, or None.

    Ordinary files (one line-end style, LF or CRLF; every ``->`` in a timing
    line; a blank line between cues and none inside a cue's text; nothing
    before the first cue but blank lines) are read here, several times faster
    than line by line: the pattern splits every block into all its pieces, so
    each offset in the source layer is a sum of lengths. Anything else goes to
    the general reader, which gives the same result for these files (a property
    test checks it).
    """
    newline = "\r\n" if "\r\n" in text else "\n"
    if text.count("\r") != (text.count("\r\n") if newline == "\r\n" else 0):
        return None
    if newline == "\r\n" and text.count("\n") != text.count("\r\n"):
        return None
    step = len(newline)
    first = 0
    while text.startswith(newline, first):
        first += step
    pieces = _BLOCKS[newline].findall(text, first)
    if not pieces or text.count("->") != len(pieces):
        return None
    blocks: list[Block] = []
    append = blocks.append
    minutes = _MinuteCache()
    position = first
    line = first // step + 1
    for piece in pieces:
        cue = _fast_cue(piece, text, position, line, newline, minutes)
        if cue is None:
            return None
        append(cue)
        raw = cue.source[1]  # type: ignore[index]  # (set by _fast_cue; [1] is raw, fast)
        position += len(raw)
        line += raw.count(newline)  # each line end in the block moves a line on
    if position != len(text):
        return None
    return Track(tuple(blocks), "srt", _with_leading(source, text[:first]))


def _fast_cue(
    piece: tuple[str, ...],
    text: str,
    position: int,
    line: int,
    newline: str,
    minutes: _MinuteCache,
) -> Cue | None:
    """The cue of one block the pattern split (at ``position``, on ``line``), or None.

    None: its text ends with a line of white space only, a separator for the general reader.
    """
    (indent, index, index_end, lead, start_clock, start_seconds, start_millis, start_stamp,
     arrow, end_clock, end_seconds, end_millis, end_stamp, rest, timing_end,
     body, blank) = piece  # fmt: skip
    # "HH:MM:SS,mmm" comes in pieces: HH:MM from a cache, SS and mmm from tables.
    # Start and end are decoded inline: a helper called twice per cue cost 2-4%.
    if start_clock:
        start = minutes[start_clock] + _SECONDS[start_seconds] + _MILLIS[start_millis]
        start_length = 12
    else:
        start = stamp_to_ms(start_stamp)
        start_length = len(start_stamp)
    if end_clock:
        end = minutes[end_clock] + _SECONDS[end_seconds] + _MILLIS[end_millis]
        end_length = 12
    else:
        end = stamp_to_ms(end_stamp)
        end_length = len(end_stamp)
    if index and not indent and not lead and index_end == newline:  # the usual layout
        identifier_begin, identifier_end = 0, len(index)
        start_begin = identifier_end + len(newline)
    else:
        at = len(indent)
        identifier_begin = at if index else 0
        identifier_end = at + len(index) if index else 0
        start_begin = identifier_end + len(index_end) + len(lead) if index else at + len(lead)
    start_end = start_begin + start_length
    end_begin = start_end + len(arrow)
    at = end_begin + end_length
    settings = rest.strip() if rest else ""
    settings_begin = at + len(rest) - len(rest.lstrip()) if rest else at
    at += len(rest) + len(timing_end)
    text_end = at + len(body)
    size = text_end + len(blank)
    if newline in body:
        if not body[body.rfind(newline) + len(newline) :].strip():
            return None  # a whitespace-only last line is a separator there
        if newline != "\n":
            body = body.replace(newline, "\n")
    return Cue(start, end, body, index, settings, tuple.__new__(CueSource, (
        "srt", text[position : position + size], line,
        identifier_begin, identifier_end,
        start_begin, start_end,
        end_begin, end_begin + end_length,
        settings_begin, settings_begin + len(settings),
        at, text_end,  # the text (empty: where it would go)
        start, end, index, settings, body,  # the values as read
    )))  # fmt: skip
