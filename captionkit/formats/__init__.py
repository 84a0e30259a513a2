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
import re
import sys
from dataclasses import replace
from pathlib import Path

from captionkit.errors import CaptionkitError, ParseError, UsageError
from captionkit.formats.atomic import write_atomic
from captionkit.formats.encoding import BOM_FOR, canonical_encoding, decode, encode, newline_style
from captionkit.formats.lines import normalize_newlines
from captionkit.formats.srt import TIMING, dumps_srt, parse_srt
from captionkit.formats.webvtt import dumps_vtt, parse_vtt
from captionkit.model import Cue, Format, Header, Note, Region, Style, Track, TrackSource, Unparsed

__all__ = [
    "conversion_losses",
    "detect_format",
    "dumps",
    "format_from_path",
    "loads",
    "parse",
    "read",
    "read_input",
    "to_bytes",
    "write",
]

_EXTENSIONS: dict[str, Format] = {".srt": "srt", ".vtt": "vtt", ".webvtt": "vtt"}
_NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r", "keep": None}


def format_from_path(path: str | os.PathLike[str] | None) -> Format | None:
    """The format a file name's extension names, or None."""
    if path is None:
        return None
    return _EXTENSIONS.get(Path(path).suffix.lower())


def detect_format(text: str, path: str | os.PathLike[str] | None = None) -> Format:
    """The format of a subtitle text: from its extension, else from its content."""
    named = format_from_path(path)
    if named is not None:
        return named
    if text.lstrip("\ufeff").startswith("WEBVTT"):
        return "vtt"
    if any(TIMING.fullmatch(line) for line in text.splitlines()[:200] if "-->" in line):
        return "srt"
    where = str(path) if path is not None else None
    raise ParseError(
        "cannot tell the format: neither a WEBVTT signature nor a SubRip timing line "
        "(name it .srt or .vtt)",
        file=where,
        line=1,
    )


def parse(
    text: str,
    format: Format | None = None,
    *,
    file: str | None = None,
    lenient: bool = False,
    source: TrackSource | None = None,
) -> Track:
    """A track from decoded text."""
    chosen = format or detect_format(text, file)
    if source is None:
        source = TrackSource(newline=newline_style(text), path=file)
    if chosen == "srt":
        return parse_srt(text, file=file, lenient=lenient, source=source)
    return parse_vtt(text, file=file, lenient=lenient, source=source)


def loads(
    data: bytes,
    format: Format | None = None,
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
    chosen = format or detect_format(decoded.text, file)
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
    format: Format | None = None,
    *,
    encoding: str | None = None,
    lenient: bool = False,
) -> Track:
    """Read a subtitle file (``-`` is standard input)."""
    return loads(read_input(path), format, encoding=encoding, file=str(path), lenient=lenient)


def dumps(track: Track, format: Format | None = None, *, newline: str | None = None) -> str:
    """The text of a track in ``format`` (its own by default).

    ``newline`` (``"lf"``, ``"crlf"``, ``"keep"`` or a line end) turns every
    line end of the file into one style; by default the file keeps its own.
    """
    target = format or track.format
    line_end = _NEWLINES.get(newline, newline) if newline is not None else None
    if target != track.format:
        track = replace(track, source=replace(track.source, leading=""))
    if target == "srt":
        text = dumps_srt(track, newline=line_end)
    else:
        text = dumps_vtt(track, newline=line_end)
    if line_end is not None:
        text = normalize_newlines(text, line_end)
    return text


def to_bytes(
    track: Track,
    format: Format | None = None,
    *,
    encoding: str | None = None,
    newline: str | None = None,
) -> bytes:
    """The bytes of a track: the source's encoding and BOM unless ``encoding`` is given.

    ``encoding="keep"`` (or None) keeps the source's; a named encoding keeps a
    BOM only when the source had one and the encoding has one.
    """
    source = track.source
    if encoding is None or encoding == "keep":
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
    return encode(dumps(track, format, newline=newline), name, bom, file=source.path)


def write(
    track: Track,
    path: str | os.PathLike[str],
    format: Format | None = None,
    *,
    encoding: str | None = None,
    newline: str | None = None,
    backup: bool = False,
) -> None:
    """Write a track atomically; the format comes from the extension unless given."""
    target = format or format_from_path(path) or track.format
    data = to_bytes(track, target, encoding=encoding, newline=newline)
    write_atomic(path, data, backup=backup)


def conversion_losses(track: Track, target: Format) -> list[str]:
    """What a conversion to ``target`` cannot carry, one line each (empty when nothing)."""
    if target == track.format:
        return []
    losses: list[str] = []
    if target == "srt":
        settings = sum(
            1
            for cue in track.cues
            if cue.settings and not re.fullmatch(r"[XY0-9: \t-]+", cue.settings)
        )
        identifiers = sum(
            1 for cue in track.cues if cue.identifier and not cue.identifier.isdigit()
        )
        counts = {
            "cue settings (SubRip has no positioning)": settings,
            "cue identifiers that are not numbers (SubRip numbers cues)": identifiers,
            "NOTE blocks": sum(1 for block in track.blocks if isinstance(block, Note)),
            "STYLE blocks": sum(1 for block in track.blocks if isinstance(block, Style)),
            "REGION blocks": sum(1 for block in track.blocks if isinstance(block, Region)),
            "header text": sum(
                1 for block in track.blocks if isinstance(block, Header) and block.text.strip()
            ),
        }
    else:
        counts = {
            "SubRip X1/Y1 coordinates": sum(1 for cue in track.cues if cue.settings),
        }
    counts["unparsed blocks"] = sum(1 for block in track.blocks if isinstance(block, Unparsed))
    for what, count in counts.items():
        if count:
            losses.append(f"{count} {what} not carried over to {target}")
    return losses


def parse_newline(value: str) -> str | None:
    """``lf``/``crlf``/``cr``/``keep`` to a line end (None for keep)."""
    try:
        return _NEWLINES[value.lower()]
    except KeyError:
        raise UsageError(f"--newline must be lf, crlf, cr or keep, not {value!r}") from None


def cue_count(track: Track) -> int:
    """Number of cues (for reports)."""
    return sum(1 for block in track.blocks if isinstance(block, Cue))
