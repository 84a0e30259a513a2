"""The JSON form of a track (schema ``captionkit-track/1``), written and read back.

:func:`captionkit.formats.spec.track_json` writes it; :func:`parse_json` reads it back
into the same track (the same cues and blocks, in the same order, and the
encoding and line end of the file it came from), so that other tools can edit
captions as JSON and hand them back. ``docs/formats.md`` documents the schema
and ``captionkit/data/track.schema.json`` states it as a JSON Schema.

Reading takes, for each cue, ``start``, ``end`` (integer milliseconds),
``text`` and ``id`` (or ``rawText``/``rawId`` when they are there and still
match ``text``/``id``: an editor that changed ``text`` wins), and
``settingsText``; the spec view (``settings``, ``region``, ``ass``) is output
only. Non-cue blocks come from ``blocks``, each after ``at`` cues.

>>> from captionkit.model import Cue, Note, Track
>>> track = Track((Note(" hi"), Cue(0, 1500, "مرحبا", "1", "align:start")), format="vtt")
>>> parse_json(dumps_json(track)) == track
True
"""

from __future__ import annotations

import json
from typing import Any

from captionkit.errors import ParseError
from captionkit.formats.spec import SCHEMA, track_json
from captionkit.model import (
    FORMATS,
    Block,
    Cue,
    Format,
    Header,
    Note,
    Region,
    Section,
    Style,
    Track,
    TrackSource,
    Unparsed,
)

__all__ = ["SCHEMA", "detect_json", "dumps_json", "parse_json"]


def detect_json(text: str) -> bool:
    """Whether ``text`` is a captionkit track in JSON (by its schema name).

    >>> detect_json('{"schema": "captionkit-track/1", "cues": []}'), detect_json("WEBVTT")
    (True, False)
    """
    head = text[:2048].lstrip("\ufeff \t\r\n")
    return head.startswith("{") and '"captionkit-track/' in head


def dumps_json(track: Track, *, newline: str | None = None) -> str:
    """The JSON text of a track (two-space indent, UTF-8 characters as they are)."""
    del newline
    return json.dumps(track_json(track), ensure_ascii=False, indent=2) + "\n"


def _fail(message: str, file: str | None) -> ParseError:
    return ParseError(f"not a {SCHEMA} document: {message}", file=file, line=1)


def _string(
    entry: dict[str, Any], key: str, where: str, file: str | None, default: str = ""
) -> str:
    value = entry.get(key, default)
    if not isinstance(value, str):
        raise _fail(f"{where}.{key} must be a string", file)
    return value


def _integer(entry: dict[str, Any], key: str, where: str, file: str | None) -> int:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(f"{where}.{key} must be an integer (milliseconds)", file)
    return value


def _shown(value: str) -> str:
    return value.replace("\0", "\ufffd")


def _cue(entry: Any, where: str, file: str | None) -> Cue:
    if not isinstance(entry, dict):
        raise _fail(f"{where} must be an object", file)
    start = _integer(entry, "start", where, file)
    end = _integer(entry, "end", where, file)
    text = _string(entry, "text", where, file)
    raw_text = entry.get("rawText")
    if isinstance(raw_text, str) and _shown(raw_text) == text:
        text = raw_text
    identifier = _string(entry, "id", where, file)
    raw_id = entry.get("rawId")
    if isinstance(raw_id, str) and _shown(raw_id) == identifier:
        identifier = raw_id
    settings = _string(entry, "settingsText", where, file)
    if end < start:  # a file's cue as it was read: kept, for check to report
        return Cue.as_read(start, end, text, identifier, settings)
    return Cue(start, end, text, identifier, settings)


def _block(entry: dict[str, Any], where: str, file: str | None) -> Block:
    kind = entry.get("type")
    text = _string(entry, "text", where, file)
    if kind == "header":
        return Header(text)
    if kind == "note":
        return Note(text)
    if kind == "style":
        return Style(text)
    if kind == "region":
        return Region(text)
    if kind == "section":
        return Section(_string(entry, "name", where, file), text)
    if kind == "unparsed":
        line = entry.get("line", 0)
        if not isinstance(line, int):
            raise _fail(f"{where}.line must be an integer", file)
        return Unparsed(text, line, _string(entry, "reason", where, file))
    raise _fail(f"{where}.type must be header, note, style, region, section or unparsed", file)


def parse_json(
    text: str,
    *,
    file: str | None = None,
    lenient: bool = False,
    source: TrackSource | None = None,
) -> Track:
    """A track from its JSON form; a document that does not follow the schema is a ParseError."""
    del lenient
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ParseError(f"not JSON: {error.msg}", file=file, line=error.lineno) from None
    if not isinstance(document, dict):
        raise _fail("the document must be an object", file)
    schema = document.get("schema")
    if schema != SCHEMA:
        raise _fail(f"schema is {schema!r}, expected {SCHEMA!r}", file)
    chosen = document.get("format")
    if chosen not in FORMATS or chosen == "json":
        raise _fail(f"format must be one of srt, vtt, ass, ttml, not {chosen!r}", file)
    format_name: Format = chosen
    cues = document.get("cues")
    blocks_in = document.get("blocks", [])
    if not isinstance(cues, list) or not isinstance(blocks_in, list):
        raise _fail("cues and blocks must be lists", file)
    others: list[tuple[int, Block]] = []
    for number, entry in enumerate(blocks_in):
        where = f"blocks[{number}]"
        if not isinstance(entry, dict):
            raise _fail(f"{where} must be an object", file)
        at = _integer(entry, "at", where, file)
        if not 0 <= at <= len(cues):
            raise _fail(f"{where}.at must be between 0 and the number of cues", file)
        others.append((at, _block(entry, where, file)))
    blocks: list[Block] = []
    pending = iter(others)
    following = next(pending, None)
    for index in range(len(cues) + 1):
        while following is not None and following[0] == index:
            blocks.append(following[1])
            following = next(pending, None)
        if index < len(cues):
            blocks.append(_cue(cues[index], f"cues[{index}]", file))
    if following is not None:
        raise _fail("blocks must be in the order of their 'at'", file)
    facts = source or TrackSource()
    encoding = document.get("encoding", "utf-8")
    newline = document.get("newline", "\n")
    if not isinstance(encoding, str) or newline not in ("\n", "\r\n", "\r"):
        raise _fail("encoding must be a string and newline one of LF, CRLF, CR", file)
    facts = TrackSource(
        encoding=encoding,
        bom=b"",
        newline=newline,
        path=facts.path,
        encoding_reason=f"{encoding}, as the JSON document says",
    )
    return Track(tuple(blocks), format_name, facts)
