"""Advanced SubStation Alpha (``.ass``, v4.00+) and SubStation Alpha (``.ssa``, v4.00).

The file is a list of sections (``[Script Info]``, ``[V4+ Styles]`` or ``[V4
Styles]``, ``[Events]``, ``[Fonts]``, ``[Graphics]``, and any other a tool
adds, such as Aegisub's ``[Aegisub Project Garbage]``). Reading keeps all of it:

* every section but the events, and in ``[Events]`` the ``Format:`` line,
  ``Comment:`` lines, blank lines and anything else that is not a
  ``Dialogue:`` line, is a :class:`~captionkit.model.Section` block kept
  verbatim (``Comment`` events are not shown, so they are not cues);
* every ``Dialogue:`` line is a :class:`~captionkit.model.Cue`, its fields read
  in the order of the events' ``Format:`` line (the v4.00+ or v4.00 default
  when there is none): ``start`` and ``end`` in milliseconds (times are
  ``H:MM:SS.cc``; a fraction is read as a decimal fraction of a second, and a
  minus sign belongs to the hours as libass reads it: ``-1:59:54.93`` is
  -5,070 ms); ``text`` is the ``Text`` field with ``\\N`` (a hard line break)
  as ``\\n``, so every job sees lines, and override blocks (``{\\an8}``,
  ``{\\pos(…)}``, ``{\\k20}``) kept inline where they stand; ``settings`` is the
  other fields (``Layer,Style,Name,MarginL,MarginR,MarginV,Effect`` for
  v4.00+) joined by commas as written;
* a ``Dialogue:`` line with too few fields or unreadable times is kept as
  :class:`~captionkit.model.Unparsed` and reported (libass skips it too).

Writing gives back the bytes of everything unchanged; a re-timed event gets
only its two time fields rewritten (rounded to centiseconds, in the width of
hours it was written with), a changed text only its ``Text`` field. A track made
elsewhere gets a ``[Script Info]`` and a ``[V4+ Styles]`` of one style built
from :class:`AssStyle` (font, size, alignment, margins, ``Encoding`` 1).

The spec view (:func:`ass_events`) is what a renderer uses of each event: its
fields by name, the alignment and position its override tags ask for, its
karaoke syllables, and its visible lines (:func:`visible_lines`: no override
blocks, ``\\N`` a line break, ``\\h`` a no-break space) for the checker.

>>> track = parse_ass(SAMPLE)
>>> cue = track.cues[0]
>>> cue.start, cue.end, cue.settings, cue.text
(1000, 2500, '0,Default,,0,0,0,', '{\\\\an8}مرحبا\\nبالعالم')
>>> visible_lines(cue.text)
('مرحبا', 'بالعالم')
>>> dumps_ass(track) == SAMPLE
True
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass

from captionkit.collector import collector_paused
from captionkit.errors import UnrepresentableTextError
from captionkit.formats.lines import split_lines
from captionkit.model import (
    Block,
    BlockSource,
    Cue,
    CueSource,
    Section,
    Track,
    TrackSource,
    Unparsed,
)

__all__ = [
    "AssEvent",
    "AssStyle",
    "ass_events",
    "ass_text",
    "detect_ass",
    "dumps_ass",
    "format_ass_time",
    "overrides",
    "parse_ass",
    "parse_ass_time",
    "plain_text",
    "visible_lines",
]

SAMPLE = (
    "[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\n"
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
    "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
    "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
    "Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,"
    "100,100,0,0,1,2,2,2,10,10,10,1\n\n[Events]\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
    "Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,{\\an8}مرحبا\\Nبالعالم\n"
)

V4_PLUS_EVENTS = ("Layer", "Start", "End", "Style", "Name", "MarginL", "MarginR", "MarginV", "Effect", "Text")  # fmt: skip
V4_EVENTS = ("Marked", "Start", "End", "Style", "Name", "MarginL", "MarginR", "MarginV", "Effect", "Text")  # fmt: skip

_SECTION = re.compile(r"[ \t]*\[([^\]\r\n]*)\][ \t]*")
_TIME = re.compile(r"[ \t]*(-?)(\d+):(\d+):(\d+)(?:[.,](\d+))?[ \t]*")
_OVERRIDE_BLOCK = re.compile(r"\{[^{}]*\}")
#: Override tag names, longest first, so that ``\fscx`` is not read as ``\fs`` + ``cx``.
_TAG_NAMES = sorted(
    (
        "1a 1c 2a 2c 3a 3c 4a 4c a alpha an b be blur bord c clip fad fade fax fay fe fn fr "
        "frx fry frz fs fsp fscx fscy i iclip k K kf ko kt move org p pbo pos q r s shad t u "
        "xbord xshad ybord yshad"
    ).split(),
    key=len,
    reverse=True,
)
_TAG = re.compile(r"\\(" + "|".join(_TAG_NAMES) + r")((?:\([^)]*\)?)|[^\\]*)")


def detect_ass(text: str) -> bool:
    """Whether ``text`` looks like SubStation: a ``[Script Info]`` or ``[Events]`` section.

    >>> detect_ass("\\ufeff[Script Info]\\nScriptType: v4.00+\\n"), detect_ass("1\\n00:00:01,000 --> …")
    (True, False)
    """
    head = text[:4096].lstrip("\ufeff \t\r\n").lower()
    return head.startswith("[script info]") or "\n[events]" in head or head.startswith("[events]")


def parse_ass_time(stamp: str) -> int | None:
    """Milliseconds of an ASS time (``H:MM:SS.cc``), or None when it is not one.

    A fraction is a decimal fraction of a second; a minus sign belongs to the
    hours, as libass reads it.

    >>> parse_ass_time("0:01:02.50"), parse_ass_time("0:0:0.04"), parse_ass_time("-1:59:54.93")
    (62500, 40, -5070)
    >>> parse_ass_time("0:00:23"), parse_ass_time("soon")
    (23000, None)
    """
    match = _TIME.fullmatch(stamp)
    if match is None:
        return None
    sign, hours, minutes, seconds, fraction = match.groups()
    millis = int((fraction or "0")[:3].ljust(3, "0"))
    value = (int(minutes) * 60 + int(seconds)) * 1000 + millis
    return value + (-1 if sign else 1) * int(hours) * 3600000


def format_ass_time(ms: int, hour_digits: int = 1) -> str:
    """An ASS time, rounded to the nearest centisecond; negative times as libass reads them.

    >>> format_ass_time(62505), format_ass_time(-5070), format_ass_time(3600000, 2)
    ('0:01:02.51', '-1:59:54.93', '01:00:00.00')
    """
    centis = (ms + 5) // 10
    hours, rest = divmod(centis, 360000)
    minutes, rest = divmod(rest, 6000)
    seconds, centi = divmod(rest, 100)
    return f"{hours:0{hour_digits}d}:{minutes:02d}:{seconds:02d}.{centi:02d}"


def _restyle(ms: int, original: str) -> str:
    """``ms`` as an ASS time with as many hour digits as ``original`` had."""
    colon = original.find(":")
    lead = original[:colon].strip(" \t-")
    return format_ass_time(ms, max(1, len(lead)))


def ass_text(text: str) -> str:
    """A cue's text as an ASS ``Text`` field: line breaks as ``\\N``.

    >>> ass_text("سطر\\nآخر")
    'سطر\\\\Nآخر'
    """
    return text.replace("\n", "\\N")


def _events_format(line: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in line.split(":", 1)[1].split(","))


def _normalized(text: str) -> str:
    if "\r" in text:
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return text


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where Start, End and Text stand in an event's fields."""

    fields: tuple[str, ...]
    start: int
    end: int
    text: int

    @classmethod
    def of(cls, fields: tuple[str, ...]) -> _Layout | None:
        lowered = [name.lower() for name in fields]
        if "start" not in lowered or "end" not in lowered or lowered[-1] != "text":
            return None
        return cls(fields, lowered.index("start"), lowered.index("end"), len(fields) - 1)


_V4_PLUS = _Layout.of(V4_PLUS_EVENTS)
_V4 = _Layout.of(V4_EVENTS)
assert _V4_PLUS is not None and _V4 is not None


def parse_ass(
    text: str,
    *,
    file: str | None = None,
    lenient: bool = False,
    source: TrackSource | None = None,
) -> Track:
    """Read SubStation text into a track whose blocks, laid end to end, give ``text`` back.

    ``lenient`` changes nothing: an event that cannot be read is kept as
    :class:`Unparsed` and reported, never refused (renderers skip it too).
    """
    del lenient, file
    with collector_paused():
        return _parse(text, source or TrackSource())


_HOUR_DIGITS = {str(hour): hour * 3600000 for hour in range(10)}
_TWO_DIGITS = {f"{value:02d}": value for value in range(100)}


def _fast_pattern(layout: _Layout | None) -> re.Pattern[str] | None:
    """A whole ordinary Dialogue line of this layout, its line end included, or None.

    Ordinary: the fields are Layer (or Marked), Start, End, others, Text; both
    times are ``H:MM:SS.cc`` with nothing around them. Other lines (and other
    layouts) go through :func:`_event`, which gives the same cue for these.
    """
    if layout is None or layout.start != 1 or layout.end != 2 or len(layout.fields) < 4:
        return None
    middle = len(layout.fields) - 4
    return re.compile(
        r"Dialogue:([ \t]*)([^,\r\n]*),(\d+):(\d\d):(\d\d)\.(\d\d),(\d+):(\d\d):(\d\d)\.(\d\d),"
        rf"((?:[^,\r\n]*,){{{middle}}})([^\r\n]*)(\r\n|\r|\n|\Z)"
    )


def _parse(text: str, track_source: TrackSource) -> Track:
    """The script a line at a time: sections verbatim, events as cues.

    Ordinary Dialogue lines (:func:`_fast_pattern`) are read in one tight loop
    inside this function, other ones by :func:`_event`. Kept whole: split into
    smaller functions (the loop in one of its own, or only the section handling
    in helpers), a read in a fresh process ran 6-9% slower in ``benchmarks/io.py``
    (ASS read vs pysubs2 fell from 1.37x to 1.26x).
    """
    lines, ends, offsets = split_lines(text)
    blocks: list[Block] = []
    append = blocks.append
    section = ""
    layout: _Layout | None = _V4_PLUS
    fast = _fast_pattern(layout)
    chunk_begin = 0  # where the verbatim text not yet in a block begins
    chunk_line = 1
    in_events = False
    count = len(lines)
    number = 0
    hours_table, two_digits = _HOUR_DIGITS, _TWO_DIGITS
    new_tuple = tuple.__new__  # CueSource is a named tuple: skip its keyword wrapper
    while number < count:
        line = lines[number]
        if line.startswith("Dialogue:") and in_events:
            begin = offsets[number]
            if begin > chunk_begin:
                raw = text[chunk_begin:begin]
                append(Section(section, _normalized(raw), BlockSource(raw, chunk_line)))
            position = begin
            if fast is not None:
                match = fast.match
                while number < count:
                    found = match(text, position)
                    if found is None:
                        break
                    (spaces, first, h1, m1, s1, c1, h2, m2, s2, c2, middle, field_text,
                     line_end) = found.groups()  # fmt: skip
                    end_position = found.end()
                    hours = hours_table.get(h1)
                    if hours is None:
                        hours = int(h1) * 3600000
                    start = hours + two_digits[m1] * 60000 + two_digits[s1] * 1000 + two_digits[c1] * 10  # fmt: skip
                    hours = hours_table.get(h2)
                    if hours is None:
                        hours = int(h2) * 3600000
                    stop = hours + two_digits[m2] * 60000 + two_digits[s2] * 1000 + two_digits[c2] * 10  # fmt: skip
                    body = 9 + len(spaces)
                    start_begin = body + len(first) + 1
                    start_end = start_begin + 9 + len(h1)
                    end_begin = start_end + 1
                    end_end = end_begin + 9 + len(h2)
                    text_begin = end_end + 1 + len(middle)
                    settings = first + "," + middle[:-1]
                    cue_text = field_text.replace("\\N", "\n") if "\\N" in field_text else field_text  # fmt: skip
                    # The source's fields, a line per span or group (see CueSource):
                    append(Cue(start, stop, cue_text, "", settings, new_tuple(CueSource, (
                        "ass", text[position:end_position], number + 1,
                        0, 0,  # no identifier
                        start_begin, start_end,
                        end_begin, end_end,
                        body, text_begin,  # the other fields, as settings
                        text_begin, text_begin + len(field_text),
                        start, stop, "", settings, cue_text,  # the values as read
                    ))))  # fmt: skip
                    position = end_position
                    number += 1
                    if not line_end:
                        break
            if position == begin:  # not an ordinary line: the general reading
                position = begin + len(line) + len(ends[number])
                append(_event(line, text[begin:position], number + 1, layout))
                number += 1
            chunk_begin, chunk_line = position, number + 1
            continue
        number += 1
        if line[:1] == "[" or line[:1] in " \t":
            header = _SECTION.fullmatch(line)
            if header is not None:
                begin = offsets[number - 1]
                if begin > chunk_begin:
                    raw = text[chunk_begin:begin]
                    append(Section(section, _normalized(raw), BlockSource(raw, chunk_line)))
                chunk_begin, chunk_line = begin, number
                section = header.group(1).strip()
                lowered = section.lower()
                in_events = lowered == "events"
                if lowered == "v4 styles" and layout is _V4_PLUS:
                    layout = _V4
                    fast = _fast_pattern(layout)
                continue
        if in_events and line.startswith("Format:"):
            layout = _Layout.of(_events_format(line))
            fast = _fast_pattern(layout)
    if chunk_begin < len(text):
        raw = text[chunk_begin:]
        append(Section(section, _normalized(raw), BlockSource(raw, chunk_line)))
    return Track(tuple(blocks), "ass", track_source)


def _unreadable_event(raw: str, number: int, reason: str) -> Unparsed:
    """A ``Dialogue:`` line kept verbatim, with why it is not a cue."""
    return Unparsed(_normalized(raw), number, reason, BlockSource(raw, number))


def _event(line: str, raw: str, number: int, layout: _Layout | None) -> Cue | Unparsed:
    """A ``Dialogue:`` line as a cue, or as an unparsed block saying why not."""
    if layout is None:
        return _unreadable_event(
            raw, number, "the events' Format line has no Start, End or Text field"
        )
    body = 9
    while body < len(line) and line[body] in " \t":
        body += 1
    count = len(layout.fields)
    parts = line[body:].split(",", count - 1)
    if len(parts) < count:
        return _unreadable_event(
            raw, number, f"a Dialogue line with {len(parts)} of its {count} fields"
        )
    starts = [body]
    for part in parts[:-1]:
        starts.append(starts[-1] + len(part) + 1)
    start_field, end_field = parts[layout.start], parts[layout.end]
    start = parse_ass_time(start_field)
    end = parse_ass_time(end_field)
    if start is None or end is None:
        bad = start_field if start is None else end_field
        return _unreadable_event(
            raw, number, f"unreadable event time {bad.strip()!r} (expected H:MM:SS.cc)"
        )
    start_begin = starts[layout.start] + len(start_field) - len(start_field.lstrip(" \t"))
    end_begin = starts[layout.end] + len(end_field) - len(end_field.lstrip(" \t"))
    settings = ",".join(
        part for index, part in enumerate(parts[:-1]) if index not in (layout.start, layout.end)
    )
    field_text = parts[-1]
    cue_text = field_text.replace("\\N", "\n") if "\\N" in field_text else field_text
    text_begin = starts[-1]
    cue_source = CueSource(
        "ass",
        raw,
        number,
        0,
        0,
        start_begin,
        start_begin + len(start_field.strip(" \t")),
        end_begin,
        end_begin + len(end_field.strip(" \t")),
        body,
        text_begin,
        text_begin,
        len(line),
        start,
        end,
        "",
        settings,
        cue_text,
    )
    return Cue(start, end, cue_text, "", settings, cue_source)


# -- the spec view ------------------------------------------------------------------


def overrides(text: str) -> tuple[tuple[str, str], ...]:
    """The override tags of a text, in order, as (name, value) pairs.

    >>> overrides("{\\\\an8\\\\pos(320,50)}a{\\\\k20\\\\fscx120}b")
    (('an', '8'), ('pos', '(320,50)'), ('k', '20'), ('fscx', '120'))
    """
    found: list[tuple[str, str]] = []
    for block in _OVERRIDE_BLOCK.findall(text):
        found.extend((name, value.strip()) for name, value in _TAG.findall(block[1:-1]))
    return tuple(found)


def plain_text(text: str, *, wrap_style: int = 0) -> str:
    """What a renderer shows of a cue's text: no override blocks, ``\\h`` a no-break space.

    ``\\N`` (``\\n`` in a cue's text) is a line break; ``\\n`` is one only with
    ``WrapStyle: 2`` and a space otherwise.

    >>> plain_text("{\\\\an8}قال:\\\\hمرحبا\\nبكم\\\\nجميعا")
    'قال:\\xa0مرحبا\\nبكم جميعا'
    """
    if "{" in text:
        text = _OVERRIDE_BLOCK.sub("", text)
    if "\\" in text:
        text = text.replace("\\N", "\n").replace("\\h", "\u00a0")
        text = text.replace("\\n", "\n" if wrap_style == 2 else " ")
    return text


def visible_lines(text: str, *, wrap_style: int = 0) -> tuple[str, ...]:
    """The lines a renderer shows of a cue's text (see :func:`plain_text`), for the checker."""
    return tuple(plain_text(text, wrap_style=wrap_style).split("\n"))


@dataclass(frozen=True, slots=True)
class AssEvent:
    """What a renderer uses of one Dialogue event.

    ``fields`` are the event's fields by their Format names (``Text`` apart);
    ``alignment`` is the numpad alignment an ``\\an`` (or legacy ``\\a``) tag
    asks for, else None (the style's); ``position`` the ``\\pos`` point;
    ``karaoke`` the syllable durations of ``\\k``/``\\K``/``\\kf``/``\\ko`` in
    centiseconds; ``lines`` the visible lines.
    """

    start: int
    end: int
    fields: tuple[tuple[str, str], ...]
    alignment: int | None
    position: tuple[float, float] | None
    karaoke: tuple[int, ...]
    lines: tuple[str, ...]

    def field(self, name: str) -> str:
        """A field's value by its Format name (case-insensitive), ``""`` when absent."""
        wanted = name.lower()
        return next((value for key, value in self.fields if key.lower() == wanted), "")


_LEGACY_ALIGNMENT = {1: 1, 2: 2, 3: 3, 5: 7, 6: 8, 7: 9, 9: 4, 10: 5, 11: 6}


def events_format(track: Track) -> tuple[str, ...]:
    """The field names of the track's events (its ``Format:`` line, or the v4.00+ default)."""
    names = V4_PLUS_EVENTS
    for block in track.blocks:
        if isinstance(block, Section) and block.name.lower() in ("events", "v4 styles"):
            if block.name.lower() == "v4 styles":
                names = V4_EVENTS
            for line in block.text.split("\n"):
                if line.startswith("Format:"):
                    return _events_format(line)
    return names


def _wrap_style(track: Track) -> int:
    for block in track.blocks:
        if isinstance(block, Section) and block.name.lower() == "script info":
            found = re.search(r"^WrapStyle:[ \t]*(\d)", block.text, re.MULTILINE)
            return int(found.group(1)) if found else 0
    return 0


def ass_events(track: Track) -> tuple[AssEvent, ...]:
    """The spec view of an ASS track's cues, in order."""
    names = events_format(track)
    layout = _Layout.of(names) or _V4_PLUS
    assert layout is not None
    others = [name for index, name in enumerate(layout.fields[:-1]) if index not in (layout.start, layout.end)]  # fmt: skip
    wrap = _wrap_style(track)
    views: list[AssEvent] = []
    for cue in track.cues:
        values = cue.settings.split(",", len(others) - 1) if cue.settings else []
        fields = tuple(zip(others, values, strict=False))
        alignment: int | None = None
        position: tuple[float, float] | None = None
        karaoke: list[int] = []
        for name, value in overrides(cue.text):
            if name == "an" and value.isdigit() and 1 <= int(value) <= 9 and alignment is None:
                alignment = int(value)
            elif name == "a" and value.isdigit() and alignment is None:
                alignment = _LEGACY_ALIGNMENT.get(int(value))
            elif name == "pos" and position is None:
                numbers = value.strip("()").split(",")
                with suppress(ValueError, IndexError):
                    position = (float(numbers[0]), float(numbers[1]))
            elif name in ("k", "K", "kf", "ko"):
                with suppress(ValueError):
                    karaoke.append(int(float(value)))
        views.append(
            AssEvent(
                cue.start,
                cue.end,
                fields,
                alignment,
                position,
                tuple(karaoke),
                visible_lines(cue.text, wrap_style=wrap),
            )
        )
    return tuple(views)


# -- writing ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AssStyle:
    """The one style of an ASS file captionkit makes (``make -o out.ass``).

    ``alignment`` is the numpad position (2: bottom centre); margins and size
    are in pixels of a ``play_res`` canvas. ``encoding`` is the style's font
    charset, which libass reads only for the base direction: 1 (default) is
    "detect" in libass before 0.13 and left-to-right like every other value in
    later versions and VSFilter; 178 (Arabic) is right-to-left in old libass
    and left-to-right in new, so Arabic punctuation changes ends between
    players; -1 is "detect" in libass 0.13 and later only
    (``docs/formats.md``, ASS).
    """

    font: str = "Noto Sans Arabic"
    size: int = 56
    bold: bool = False
    primary: str = "&H00FFFFFF"
    outline_colour: str = "&H00000000"
    back: str = "&H80000000"
    outline: float = 3
    shadow: float = 0
    alignment: int = 2
    margin_l: int = 60
    margin_r: int = 60
    margin_v: int = 50
    encoding: int = 1
    play_res: tuple[int, int] = (1920, 1080)
    name: str = "Default"


def default_header(style: AssStyle | None = None, newline: str = "\n") -> str:
    """``[Script Info]``, ``[V4+ Styles]`` with one style, and the ``[Events]`` header."""
    chosen = style or AssStyle()
    width, height = chosen.play_res
    lines = [
        "[Script Info]",
        "; Script generated by captionkit",
        "ScriptType: v4.00+",
        "WrapStyle: 0",
        "ScaledBorderAndShadow: yes",
        "YCbCr Matrix: None",
        f"PlayResX: {width}",
        f"PlayResY: {height}",
        "",
        "[V4+ Styles]",
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
        "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
        "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
        f"Style: {chosen.name},{chosen.font},{chosen.size},{chosen.primary},&H000000FF,"
        f"{chosen.outline_colour},{chosen.back},{-1 if chosen.bold else 0},0,0,0,100,100,0,0,1,"
        f"{chosen.outline:g},{chosen.shadow:g},{chosen.alignment},{chosen.margin_l},"
        f"{chosen.margin_r},{chosen.margin_v},{chosen.encoding}",
        "",
        "[Events]",
        "Format: " + ", ".join(V4_PLUS_EVENTS),
        "",
    ]
    return newline.join(lines)


def _fresh_fields(cue: Cue, names: tuple[str, ...], own: bool, style: str) -> list[str]:
    """The fields of a new Dialogue line, ``Text`` apart."""
    layout = _Layout.of(names) or _V4_PLUS
    assert layout is not None
    count = len(layout.fields) - 3
    values: list[str] | None = None
    if own and cue.settings:
        values = cue.settings.split(",", count - 1)
        if len(values) != count:
            raise UnrepresentableTextError(
                f"settings {cue.settings!r} are not the {count} fields "
                f"{', '.join(n for i, n in enumerate(names[:-1]) if i not in (layout.start, layout.end))}"
            )
    if values is None:
        defaults = {"layer": "0", "marked": "Marked=0", "style": style}
        values = [
            defaults.get(name.lower(), "0" if name.lower().startswith("margin") else "")
            for index, name in enumerate(layout.fields[:-1])
            if index not in (layout.start, layout.end)
        ]
    fields = list(values)
    first, second = sorted((layout.start, layout.end))
    stamps = {layout.start: format_ass_time(cue.start), layout.end: format_ass_time(cue.end)}
    fields.insert(first, stamps[first])
    fields.insert(second, stamps[second])
    return fields


def _check_text(text: str, where: str) -> None:
    if "\r" in text:
        raise UnrepresentableTextError(f"{where}a carriage return inside a cue's text")


def _patched(cue: Cue, source: CueSource, names: tuple[str, ...], style: str) -> str:
    raw = source.raw
    if cue.settings != source.settings_as_read:
        fields = _fresh_fields(cue, names, True, style)
        line_end = raw[len(raw.rstrip("\r\n")) :]
        keyword = raw[: source.settings_begin]
        text = ass_text(cue.text) if cue.text != source.text_as_read else raw[source.text_begin : len(raw) - len(line_end)]  # fmt: skip
        return keyword + ",".join(fields) + "," + text + line_end
    pieces: list[str] = []
    cursor = 0
    if cue.start != source.start_as_read:
        pieces += [raw[: source.start_begin], _restyle(cue.start, raw[source.start_begin : source.start_end])]  # fmt: skip
        cursor = source.start_end
    if cue.end != source.end_as_read:
        pieces += [raw[cursor : source.end_begin], _restyle(cue.end, raw[source.end_begin : source.end_end])]  # fmt: skip
        cursor = source.end_end
    if cue.text != source.text_as_read:
        line_end = raw[len(raw.rstrip("\r\n")) :]
        pieces += [raw[cursor : source.text_begin], ass_text(cue.text), line_end]
        return "".join(pieces)
    pieces.append(raw[cursor:])
    return "".join(pieces)


def dumps_ass(track: Track, *, newline: str | None = None, style: AssStyle | None = None) -> str:
    """ASS text of a track.

    Blocks read from ASS are written from their source (a changed event gets
    only its changed fields rewritten); a track with no ``[Script Info]`` gets
    the :func:`default_header` of ``style``, and its cues are written as new
    Dialogue lines in that style. Blocks ASS has no place for (WebVTT notes,
    styles, regions, headers) are left out, as
    :func:`captionkit.formats.conversion_losses` reports.
    """
    line_end = newline or track.source.newline
    own = track.format == "ass"
    names = events_format(track) if own else V4_PLUS_EVENTS
    style_name = (style or AssStyle()).name if not own else "Default"
    pieces: list[str] = []
    append = pieces.append
    has_header = own and any(
        isinstance(block, Section) and block.name.lower() == "script info" for block in track.blocks
    )
    if not has_header:
        append(default_header(style, line_end))
    position = 0
    for block in track.blocks:
        if isinstance(block, Cue):
            position += 1
            source = block.source
            if source is not None and source.format == "ass":
                if (
                    block.start == source.start_as_read
                    and block.end == source.end_as_read
                    and block.text == source.text_as_read
                    and block.settings == source.settings_as_read
                ):
                    append(source.raw)
                    continue
                _check_text(block.text, f"cue {position}: ")
                append(_patched(block, source, names, style_name))
                continue
            _check_text(block.text, f"cue {position}: ")
            own_settings = own and source is None
            fields = _fresh_fields(block, names, own_settings, style_name)
            append("Dialogue: " + ",".join(fields) + "," + ass_text(block.text) + line_end)
        elif isinstance(block, Section | Unparsed) and own:
            if block.source is not None:
                append(block.source.raw)
            else:
                text = block.text
                append(text.replace("\n", line_end) if line_end != "\n" else text)
    return "".join(pieces)
