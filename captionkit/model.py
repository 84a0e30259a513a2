"""The caption model: cues and tracks, in two layers.

The **values** of a cue (start, end, text, identifier, settings) are what every
operation reads and changes. The **source layer** (``CueSource``, ``BlockSource``,
``TrackSource``) remembers how each block was written in its file: its exact
text, its line number and where its time stamps and text sit inside it. Writers
use it to give back the input bytes for everything that an operation did not
change, so that a re-timed file differs from its input only in its time stamps.

Sources are left out of equality: two tracks are equal when their values are,
however they were written. That is what ``read(write(track)) == track`` means.

The **spec view** (what a conforming WebVTT player sees) is computed from these
values by :mod:`captionkit.formats.spec`.

>>> cue = Cue(start=1000, end=2500, text="مرحبا\\nبالعالم")
>>> cue.lines
('مرحبا', 'بالعالم')
>>> track = Track.from_cues([cue], format="srt")
>>> track.cues[0].duration
1500
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, NamedTuple, TypeAlias

Format: TypeAlias = Literal["srt", "vtt", "ass", "ttml", "json"]
#: The formats of the registry (:mod:`captionkit.formats`), by their names.
FORMATS: tuple[Format, ...] = ("srt", "vtt", "ass", "ttml", "json")


class CueSource(NamedTuple):
    """How a cue was written in its file, for lossless writing.

    ``raw`` is the exact text of the block, from its first line up to the next
    block, with its line ends and the blank lines after it. The ``*_begin`` and
    ``*_end`` offsets into ``raw`` say where the identifier, the two time stamps,
    the settings and the text stand (the ``*_span`` properties pair them); the
    ``*_as_read`` values are the cue's values when it was read, so a writer can
    tell what changed. (A named tuple of plain values rather than a dataclass:
    readers make one per cue, and such a tuple is made several times faster and
    gives the garbage collector less to walk; it is just as immutable.)
    """

    format: Format
    raw: str
    line: int
    identifier_begin: int
    identifier_end: int
    start_begin: int
    start_end: int
    end_begin: int
    end_end: int
    settings_begin: int
    settings_end: int
    text_begin: int
    text_end: int
    start_as_read: int
    end_as_read: int
    identifier_as_read: str
    settings_as_read: str
    text_as_read: str

    @property
    def identifier_span(self) -> tuple[int, int]:
        """Where the identifier stands in ``raw`` (empty at 0 when there is none)."""
        return (self.identifier_begin, self.identifier_end)

    @property
    def start_span(self) -> tuple[int, int]:
        """Where the start time stamp stands in ``raw``."""
        return (self.start_begin, self.start_end)

    @property
    def end_span(self) -> tuple[int, int]:
        """Where the end time stamp stands in ``raw``."""
        return (self.end_begin, self.end_end)

    @property
    def settings_span(self) -> tuple[int, int]:
        """Where the settings stand in ``raw``."""
        return (self.settings_begin, self.settings_end)

    @property
    def text_span(self) -> tuple[int, int]:
        """Where the text stands in ``raw``."""
        return (self.text_begin, self.text_end)

    @property
    def trailer(self) -> str:
        """The line end of the last line and the blank lines after the block."""
        return self.raw[self.text_end :]


@dataclass(frozen=True, slots=True)
class Cue:
    """One timed caption.

    ``text`` holds the lines joined by ``\\n``, exactly as read (tags, spaces,
    controls and NUL characters included). ``settings`` is the WebVTT settings
    string (or SubRip's ``X1:`` coordinates) as written. Times are integer
    milliseconds.
    """

    start: int
    end: int
    text: str
    identifier: str = ""
    settings: str = ""
    source: CueSource | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Readers build a hundred thousand cues: the usual case is three type checks.
        start, end = self.start, self.end
        if (
            type(start) is int
            and type(end) is int
            and type(self.text) is str
            and (start <= end or self.source is not None)
        ):
            return
        _refuse_cue(self)

    @classmethod
    def as_read(
        cls, start: int, end: int, text: str, identifier: str = "", settings: str = ""
    ) -> Cue:
        """A cue with the values a file gave, even an end before the start.

        Files hold such cues; ``check`` reports them and ``repair`` mends them, so
        their tests build them here. Everywhere else a cue ends at or after its start.

        >>> Cue.as_read(1000, 900, "x").duration
        -100
        """
        cue = object.__new__(cls)
        for name, value in (("start", start), ("end", end), ("text", text),
                            ("identifier", identifier), ("settings", settings), ("source", None)):  # fmt: skip
            object.__setattr__(cue, name, value)
        if type(start) is not int or type(end) is not int or type(text) is not str:
            _refuse_cue(cue)
        return cue

    @property
    def lines(self) -> tuple[str, ...]:
        """The text's lines."""
        return tuple(self.text.split("\n"))

    @property
    def duration(self) -> int:
        """How long the cue is on screen, in milliseconds."""
        return self.end - self.start

    @property
    def line_number(self) -> int | None:
        """The line of the file where the cue's block starts, when it was read from one."""
        return self.source.line if self.source is not None else None

    def with_times(self, start: int, end: int) -> Cue:
        """The same cue at other times (the source layer is kept for writing).

        A cue that was already backwards (as a file gave it) may stay so.
        """
        if end < start and self.end < self.start and self.source is None:
            return Cue.as_read(start, end, self.text, self.identifier, self.settings)
        return Cue(start, end, self.text, self.identifier, self.settings, self.source)

    def with_text(self, text: str) -> Cue:
        """The same cue with other text (and the same times, even backwards ones)."""
        if self.end < self.start and self.source is None:
            return Cue.as_read(self.start, self.end, text, self.identifier, self.settings)
        return Cue(self.start, self.end, text, self.identifier, self.settings, self.source)


def _refuse_cue(cue: Cue) -> None:
    """Why a cue cannot be: times that are not whole milliseconds, text that is not text,
    an end before the start.

    A cue read from a file (one with a source) keeps the times the file gave, even
    backwards ones: ``check`` reports them and ``retime --repair`` mends them. A cue
    built by code has no such excuse.

    >>> Cue(10, 5, "x")
    Traceback (most recent call last):
    ...
    captionkit.errors.InvalidValue: end must be at or after the start (10 ms), not 5
    >>> Cue("a", "b", "x")
    Traceback (most recent call last):
    ...
    captionkit.errors.InvalidValue: start must be whole milliseconds (an int), not 'a'
    """
    from captionkit.errors import InvalidValue

    for name in ("start", "end"):
        value = getattr(cue, name)
        if type(value) is not int:
            raise InvalidValue(name, value, "whole milliseconds (an int)")
    if type(cue.text) is not str:
        raise InvalidValue("text", cue.text, "a string")
    raise InvalidValue("end", cue.end, f"at or after the start ({cue.start} ms)")


@dataclass(frozen=True, slots=True)
class BlockSource:
    """The exact text of a non-cue block and the line where it starts."""

    raw: str
    line: int


@dataclass(frozen=True, slots=True)
class Header:
    """The WebVTT header: the text after ``WEBVTT`` on the first line and the lines below it."""

    text: str = ""
    source: BlockSource | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Note:
    """A WebVTT ``NOTE`` comment block; ``text`` is everything after ``NOTE``."""

    text: str
    source: BlockSource | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Style:
    """A WebVTT ``STYLE`` block; ``text`` is the CSS below the ``STYLE`` line."""

    text: str
    source: BlockSource | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Region:
    """A WebVTT ``REGION`` block; ``settings`` holds its lines below ``REGION``."""

    settings: str
    source: BlockSource | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Unparsed:
    """A block the reader could not use, kept verbatim and reported.

    ``reason`` says why it was skipped; ``line`` is where it starts.
    """

    text: str
    line: int
    reason: str
    source: BlockSource | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Section:
    """A part of a file that is not a cue, kept verbatim for writing back.

    Advanced SubStation keeps its ``[Script Info]``, ``[V4+ Styles]``,
    ``[Fonts]`` and ``[Graphics]`` sections, the ``Format:`` line of its events
    and its ``Comment:`` lines here (``name`` is the section's name, or
    ``Comment`` for a comment line); TTML keeps the document around its ``<p>``
    elements. ``text`` is the block's text with ``\\n`` line ends.
    """

    name: str
    text: str
    source: BlockSource | None = field(default=None, compare=False, repr=False)


Block: TypeAlias = Cue | Header | Note | Style | Region | Section | Unparsed


@dataclass(frozen=True, slots=True)
class TrackSource:
    """File-level facts kept for writing the file back as it was.

    ``leading`` is text before the first block (blank lines); ``newline`` is the
    dominant line end; ``encoding_reason`` says how the encoding was decided.
    """

    encoding: str = "utf-8"
    bom: bytes = b""
    newline: str = "\n"
    leading: str = ""
    path: str | None = None
    encoding_reason: str = ""
    surrogates: bool = False


@dataclass(frozen=True, slots=True)
class Track:
    """A subtitle file: its blocks in order, and its format.

    Build one with :meth:`from_cues`, or read one with :func:`captionkit.read`.
    Every transformation returns a new track.
    """

    blocks: tuple[Block, ...]
    format: Format = "srt"
    source: TrackSource = field(default_factory=TrackSource, compare=False, repr=False)

    @classmethod
    def from_cues(cls, cues: Iterable[Cue], format: Format = "srt") -> Track:
        """A track made of these cues only."""
        return cls(blocks=tuple(cues), format=format)

    @property
    def cues(self) -> tuple[Cue, ...]:
        """The cues, in file order."""
        return tuple(block for block in self.blocks if isinstance(block, Cue))

    def __iter__(self) -> Iterator[Cue]:
        return iter(self.cues)

    def __len__(self) -> int:
        return sum(1 for block in self.blocks if isinstance(block, Cue))

    @property
    def skipped(self) -> tuple[Unparsed, ...]:
        """Blocks that the reader could not use (kept, and reported)."""
        return tuple(block for block in self.blocks if isinstance(block, Unparsed))

    @property
    def regions(self) -> tuple[Region, ...]:
        """The WebVTT REGION blocks."""
        return tuple(block for block in self.blocks if isinstance(block, Region))

    def with_cues(self, cues: Sequence[Cue]) -> Track:
        """The same track with its cues replaced, one for one, in order.

        Everything that is not a cue stays where it was. Use :meth:`from_cues`
        for a track with a different number of cues.
        """
        count = len(self)
        if len(cues) != count:
            raise ValueError(f"with_cues needs {count} cues, got {len(cues)}")
        replacements = iter(cues)
        blocks = tuple(
            next(replacements) if isinstance(block, Cue) else block for block in self.blocks
        )
        return replace(self, blocks=blocks)

    def with_blocks(self, blocks: Iterable[Block]) -> Track:
        """The same file facts with other blocks."""
        return replace(self, blocks=tuple(blocks))

    @property
    def duration(self) -> int:
        """From the first cue's start to the last cue's end, in milliseconds (0 when empty)."""
        cues = self.cues
        if not cues:
            return 0
        return max(cue.end for cue in cues) - min(cue.start for cue in cues)
