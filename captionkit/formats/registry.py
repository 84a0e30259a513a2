"""The format registry: each format by its name, its file extensions, and its detect/read/write.

Every reader takes decoded text and gives a :class:`~captionkit.model.Track`
whose source layer writes the text back unchanged; every writer takes a track
(already in its own markup, see :mod:`captionkit.formats.convert`) and gives
text. :mod:`captionkit.formats` reads, writes and converts through this table
only, so a new format is one module and one entry here.

>>> format_spec("ssa").name, format_from_path("film.dfxp"), [spec.name for spec in formats()]
('ass', 'ttml', ['srt', 'vtt', 'ass', 'ttml', 'json'])
>>> format_spec("sub")
Traceback (most recent call last):
...
captionkit.errors.UsageError: unknown subtitle format 'sub'; captionkit reads and writes srt, vtt, ass (ssa), ttml (dfxp, xml), json
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from captionkit.errors import ParseError, UsageError
from captionkit.formats import ass, srt, trackjson, ttml, webvtt
from captionkit.model import Format, Track

__all__ = ["FormatSpec", "detect_format", "format_from_path", "format_spec", "formats"]


@dataclass(frozen=True, slots=True)
class FormatSpec:
    """One format of the registry.

    ``aliases`` are other names it answers to (``ssa``, ``dfxp``);
    ``extensions`` the file name endings that name it; ``detect`` says whether
    a decoded text is in this format (asked in registry order).
    """

    name: Format
    title: str
    extensions: tuple[str, ...]
    aliases: tuple[str, ...]
    detect: Callable[[str], bool]
    parse: Callable[..., Track]
    write: Callable[..., str]

    def dumps(self, track: Track, *, newline: str | None, options: Any = None) -> str:
        """The text of ``track`` in this format."""
        if options is None:
            return self.write(track, newline=newline)
        return self.write(track, newline=newline, options=options)


def _detect_srt(text: str) -> bool:
    return any(srt.TIMING.fullmatch(line) for line in text.splitlines()[:200] if "-->" in line)


def _detect_vtt(text: str) -> bool:
    return text.lstrip("\ufeff").startswith("WEBVTT")


def _ass_writer(track: Track, *, newline: str | None, options: Any = None) -> str:
    if options is not None and not isinstance(options, ass.AssStyle):
        raise UsageError(f"ASS writer options must be an AssStyle, not {type(options).__name__}")
    return ass.dumps_ass(track, newline=newline, style=options)


def _ttml_writer(track: Track, *, newline: str | None, options: Any = None) -> str:
    if options is not None and not isinstance(options, ttml.TtmlOptions):
        raise UsageError(f"TTML writer options must be TtmlOptions, not {type(options).__name__}")
    return ttml.dumps_ttml(track, newline=newline, options=options)


def _plain_writer(function: Callable[..., str]) -> Callable[..., str]:
    def write(track: Track, *, newline: str | None, options: Any = None) -> str:
        if options is not None:
            raise UsageError("this format has no writer options")
        return function(track, newline=newline)

    return write


_REGISTRY: tuple[FormatSpec, ...] = (
    FormatSpec(
        "srt",
        "SubRip",
        (".srt",),
        ("subrip",),
        _detect_srt,
        srt.parse_srt,
        _plain_writer(srt.dumps_srt),
    ),
    FormatSpec(
        "vtt",
        "WebVTT",
        (".vtt", ".webvtt"),
        ("webvtt",),
        _detect_vtt,
        webvtt.parse_vtt,
        _plain_writer(webvtt.dumps_vtt),
    ),
    FormatSpec(
        "ass",
        "Advanced SubStation Alpha",
        (".ass", ".ssa"),
        ("ssa",),
        ass.detect_ass,
        ass.parse_ass,
        _ass_writer,
    ),
    FormatSpec(
        "ttml",
        "TTML / IMSC1",
        (".ttml", ".dfxp", ".xml"),
        ("dfxp", "xml", "imsc"),
        ttml.detect_ttml,
        ttml.parse_ttml,
        _ttml_writer,
    ),
    FormatSpec(
        "json",
        "captionkit JSON (captionkit-track/1)",
        (".json",),
        (),
        trackjson.detect_json,
        trackjson.parse_json,
        _plain_writer(trackjson.dumps_json),
    ),
)
_BY_NAME = {spec.name: spec for spec in _REGISTRY} | {
    alias: spec for spec in _REGISTRY for alias in spec.aliases
}
_BY_EXTENSION = {extension: spec.name for spec in _REGISTRY for extension in spec.extensions}
# Detection order: signatures first (WEBVTT, [Script Info], XML, JSON), SubRip's
# timing lines last, since a WebVTT or ASS file may hold such a line.
_DETECT_ORDER = ("vtt", "ass", "ttml", "json", "srt")


def formats() -> tuple[FormatSpec, ...]:
    """Every format of the registry, in order."""
    return _REGISTRY


def _known() -> str:
    """The names of the formats, with the other names of ASS and TTML."""
    named = []
    for spec in _REGISTRY:
        others = [alias for alias in spec.aliases if alias in ("ssa", "dfxp", "xml")]
        named.append(spec.name + (f" ({', '.join(others)})" if others else ""))
    return ", ".join(named)


def format_spec(name: str) -> FormatSpec:
    """The format called ``name`` (or one of its aliases); unknown names are a UsageError."""
    spec = _BY_NAME.get(name.lower()) if isinstance(name, str) else None
    if spec is None:
        raise UsageError(
            f"unknown subtitle format {name!r}; captionkit reads and writes {_known()}"
        )
    return spec


def format_from_path(path: str | os.PathLike[str] | None) -> Format | None:
    """The format a file name's extension names, or None."""
    if path is None:
        return None
    return _BY_EXTENSION.get(Path(path).suffix.lower())


def detect_format(text: str, path: str | os.PathLike[str] | None = None) -> Format:
    """The format of a subtitle text: from its extension, else from its content."""
    named = format_from_path(path)
    if named is not None:
        return named
    for name in _DETECT_ORDER:
        if _BY_NAME[name].detect(text):
            return _BY_NAME[name].name
    where = str(path) if path is not None else None
    raise ParseError(
        "cannot tell the format: no WEBVTT signature, [Script Info] section, TTML <tt> "
        "element, captionkit JSON schema or SubRip timing line; the formats are "
        f"{_known()}; name one with the format parameter",
        file=where,
        line=1,
    )
