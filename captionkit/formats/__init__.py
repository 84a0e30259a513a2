"""Reading and writing subtitle files: format detection, decoding, atomic writes.

>>> track = loads(b"1\\r\\n00:00:01,000 --> 00:00:02,000\\r\\nHello\\r\\n")
>>> track.format, track.source.newline, track.cues[0].text
('srt', '\\r\\n', 'Hello')
>>> to_bytes(track) == b"1\\r\\n00:00:01,000 --> 00:00:02,000\\r\\nHello\\r\\n"
True
>>> print(dumps(track, "vtt"), end="")
WEBVTT
<BLANKLINE>
1
00:00:01.000 --> 00:00:02.000
Hello
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from captionkit.errors import CaptionkitError, UsageError
from captionkit.formats.convert import conversion_losses, convert_track
from captionkit.formats.encoding import BOM_FOR, canonical_encoding, decode, encode, newline_style
from captionkit.formats.lines import normalize_newlines
from captionkit.formats.registry import (
    FormatSpec,
    detect_format,
    format_from_path,
    format_spec,
    formats,
)
from captionkit.io import write_outputs
from captionkit.model import Cue, Format, Track, TrackSource

__all__ = [
    "FormatSpec",
    "conversion_losses",
    "convert_track",
    "detect_format",
    "dumps",
    "format_from_path",
    "format_spec",
    "formats",
    "loads",
    "parse",
    "read",
    "read_input",
    "to_bytes",
    "write",
]

_NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r", "keep": None}


def parse(
    text: str,
    format: Format | str | None = None,
    *,
    file: str | None = None,
    lenient: bool = False,
    source: TrackSource | None = None,
) -> Track:
    """A track from decoded text."""
    spec = format_spec(format or detect_format(text, file))
    if source is None:
        source = TrackSource(newline=newline_style(text), path=file)
    return spec.parse(text, file=file, lenient=lenient, source=source)


def loads(
    data: bytes,
    format: Format | str | None = None,
    *,
    encoding: str | None = None,
    file: str | None = None,
    lenient: bool = False,
) -> Track:
    """A track from the bytes of a file; the encoding is detected unless given."""
    decoded = decode(data, encoding, file=file)
    source = TrackSource(
        encoding=decoded.encoding,
        bom=decoded.bom,
        newline=newline_style(decoded.text),
        path=file,
        encoding_reason=decoded.reason,
        surrogates=decoded.surrogates,
    )
    chosen = format_spec(format or detect_format(decoded.text, file)).name
    try:
        return parse(decoded.text, chosen, file=file, lenient=lenient, source=source)
    except CaptionkitError as error:
        raise error.located(file) from None


def read_input(path: str | os.PathLike[str]) -> bytes:
    """The bytes of an input file (``-`` is standard input), or a located error."""
    name = str(path)
    if name == "-":
        if sys.stdin is None:  # started with standard input closed (<&-)
            raise CaptionkitError("standard input is closed", file="-")
        try:
            return sys.stdin.buffer.read()
        except OSError as error:
            raise CaptionkitError(f"cannot read: {error.strerror}", file="-") from None
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise CaptionkitError("no such file", file=name) from None
    except IsADirectoryError:
        raise CaptionkitError("is a folder, not a file", file=name) from None
    except OSError as error:
        raise CaptionkitError(f"cannot read: {error.strerror}", file=name) from None


def read(
    path: str | os.PathLike[str],
    format: Format | str | None = None,
    *,
    encoding: str | None = None,
    lenient: bool = False,
) -> Track:
    """Read a subtitle file (``-`` is standard input)."""
    return loads(read_input(path), format, encoding=encoding, file=str(path), lenient=lenient)


def dumps(
    track: Track,
    format: Format | str | None = None,
    *,
    newline: str | None = None,
    options: object | None = None,
) -> str:
    """The text of a track in ``format`` (its own by default).

    ``newline`` (``"lf"``, ``"crlf"``, ``"keep"`` or a line end) turns every
    line end of the file into one style; by default the file keeps its own.
    ``options`` are the target format's writer options (an
    :class:`~captionkit.formats.ass.AssStyle` for ASS, a
    :class:`~captionkit.formats.ttml.TtmlOptions` for TTML). An unknown format
    name is a :class:`UsageError`.
    """
    spec = format_spec(format or track.format)
    target = spec.name
    line_end = _NEWLINES.get(newline, newline) if newline is not None else None
    if target != track.format:
        track = convert_track(track, target)
        track = replace(track, source=replace(track.source, leading=""))
    text = spec.dumps(track, newline=line_end, options=options)
    if line_end is not None and target != "json":
        text = normalize_newlines(text, line_end)
    return text


def to_bytes(
    track: Track,
    format: Format | str | None = None,
    *,
    encoding: str | None = None,
    newline: str | None = None,
    options: object | None = None,
) -> bytes:
    """The bytes of a track: the source's encoding and BOM unless ``encoding`` is given.

    ``encoding="keep"`` (or None) keeps the source's; a named encoding keeps a
    BOM only when the source had one and the encoding has one.
    """
    source = track.source
    if format_spec(format or track.format).name == "json":
        name, bom = "utf-8", b""  # JSON is UTF-8 (RFC 8259)
    elif encoding is None or encoding == "keep":
        name, bom = source.encoding, source.bom
    else:
        name = canonical_encoding(encoding)
        if name == "utf-8-sig":
            name, bom = "utf-8", BOM_FOR["utf-8"]
        elif name in ("utf-16", "utf-32"):
            name = name + "-le"
            bom = BOM_FOR[name]
        else:
            bom = BOM_FOR.get(name, b"") if source.bom else b""
    text = dumps(track, format, newline=newline, options=options)
    return encode(text, name, bom, file=source.path)


def write(
    track: Track,
    path: str | os.PathLike[str],
    format: Format | str | None = None,
    *,
    encoding: str | None = None,
    newline: str | None = None,
    backup: bool = False,
    options: object | None = None,
) -> None:
    """Write a track atomically; the format comes from the extension unless given."""
    target = format or format_from_path(path) or track.format
    data = to_bytes(track, target, encoding=encoding, newline=newline, options=options)
    write_outputs([(path, data)], in_place=backup, backup_suffix=".bak" if backup else None)


def parse_newline(value: str) -> str | None:
    """``lf``/``crlf``/``cr``/``keep`` to a line end (None for keep)."""
    try:
        return _NEWLINES[value.lower()]
    except KeyError:
        raise UsageError(f"--newline must be lf, crlf, cr or keep, not {value!r}") from None


def cue_count(track: Track) -> int:
    """Number of cues (for reports)."""
    return sum(1 for block in track.blocks if isinstance(block, Cue))
