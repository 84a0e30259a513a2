"""The spec view: what a conforming WebVTT player sees of a track.

The source layer keeps each cue's settings string as written; this module
parses it the way the W3C WebVTT spec does ("parse the WebVTT cue settings",
"collect WebVTT region settings", "parse a percentage string"), resolves
``region:`` against the track's REGION blocks, and gives the VTTCue values with
their defaults. NUL characters read as U+FFFD here (and only here). SubRip
tracks get the same view with every setting at its default, since SubRip has no
positioning a player would honour.

Nothing here runs while a file is read: the view is computed when asked for,
by :func:`spec_cues` or :func:`track_json`.

>>> from captionkit.model import Block, Cue, Header, Note, Region, Section, Style, Track, Unparsed
>>> track = Track(
...     (Region("id:side width:40% lines:2"), Cue(0, 1500, "مرحبا", settings="region:side align:start")),
...     format="vtt",
... )
>>> view = spec_cues(track)[0]
>>> view.align, view.line, view.region.id, view.region.width, view.region.lines
('start', 'auto', 'side', 40.0, 2)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from captionkit.model import Block, Cue, Header, Note, Region, Section, Style, Track, Unparsed

__all__ = [
    "SCHEMA",
    "SpecCue",
    "SpecRegion",
    "parse_cue_settings",
    "parse_percentage",
    "parse_region",
    "spec_cues",
    "track_json",
]

Auto: TypeAlias = Literal["auto"]

_PERCENTAGE = re.compile(r"[0-9]+(?:\.[0-9]+)?%\Z")
_ASCII_SPACES = re.compile(r"[ \t\n\f\r]+")
_LINE_NUMBER_CHARACTERS = re.compile(r"[-0-9.]+\Z")
_DOT_BETWEEN_DIGITS = re.compile(r"[0-9]\.[0-9]")


@dataclass(frozen=True, slots=True, eq=False)
class SpecRegion:
    """A VTTRegion. Compared by identity, as players compare region objects."""

    id: str = ""
    width: float = 100.0
    lines: int = 3
    region_anchor_x: float = 0.0
    region_anchor_y: float = 100.0
    viewport_anchor_x: float = 0.0
    viewport_anchor_y: float = 100.0
    scroll: Literal["", "up"] = ""

    def to_json(self) -> dict[str, Any]:
        """The region with the VTTRegion attribute names."""
        return {
            "id": self.id,
            "width": self.width,
            "lines": self.lines,
            "regionAnchorX": self.region_anchor_x,
            "regionAnchorY": self.region_anchor_y,
            "viewportAnchorX": self.viewport_anchor_x,
            "viewportAnchorY": self.viewport_anchor_y,
            "scroll": self.scroll,
        }


@dataclass(frozen=True, slots=True)
class CueSettings:
    """The parsed settings of one cue: VTTCue's defaults unless the settings say otherwise."""

    vertical: Literal["", "rl", "lr"] = ""
    line: float | Auto = "auto"
    snap_to_lines: bool = True
    line_align: Literal["start", "center", "end"] = "start"
    position: float | Auto = "auto"
    position_align: Literal["line-left", "center", "line-right", "auto"] = "auto"
    size: float = 100.0
    align: Literal["start", "center", "end", "left", "right"] = "center"
    region: SpecRegion | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The settings with the VTTCue attribute names (the region apart)."""
        return {
            "vertical": self.vertical,
            "line": self.line,
            "snapToLines": self.snap_to_lines,
            "lineAlign": self.line_align,
            "position": self.position,
            "positionAlign": self.position_align,
            "size": self.size,
            "align": self.align,
        }


@dataclass(frozen=True, slots=True)
class SpecCue:
    """A VTTCue as a player builds it: times in milliseconds, NUL shown as U+FFFD."""

    id: str
    start: int
    end: int
    text: str
    settings: CueSettings

    @property
    def region(self) -> SpecRegion | None:
        """The cue's region, or None."""
        return self.settings.region

    @property
    def vertical(self) -> str:
        """``""`` (horizontal), ``rl`` or ``lr``."""
        return self.settings.vertical

    @property
    def line(self) -> float | Auto:
        """The line offset (a number, a percentage when not snapping) or ``"auto"``."""
        return self.settings.line

    @property
    def snap_to_lines(self) -> bool:
        """False when ``line`` is a percentage."""
        return self.settings.snap_to_lines

    @property
    def line_align(self) -> str:
        """``start``, ``center`` or ``end``."""
        return self.settings.line_align

    @property
    def position(self) -> float | Auto:
        """The position (a percentage) or ``"auto"``."""
        return self.settings.position

    @property
    def position_align(self) -> str:
        """``line-left``, ``center``, ``line-right`` or ``auto``."""
        return self.settings.position_align

    @property
    def size(self) -> float:
        """The cue box size, in percent."""
        return self.settings.size

    @property
    def align(self) -> str:
        """``start``, ``center``, ``end``, ``left`` or ``right``."""
        return self.settings.align

    def to_json(self) -> dict[str, Any]:
        """The cue as in :func:`track_json`."""
        region = self.settings.region
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "settings": self.settings.to_json(),
            "region": region.to_json() if region is not None else None,
        }


def parse_percentage(text: str) -> float | None:
    """The spec's "parse a percentage string": a number from 0 to 100, or None.

    >>> parse_percentage("41.125%"), parse_percentage("101%"), parse_percentage(".5%")
    (41.125, None, None)
    """
    if not _PERCENTAGE.match(text):
        return None
    value = float(text[:-1])
    if value < 0 or value > 100:
        return None
    return value


def _split_setting(token: str) -> tuple[str, str] | None:
    colon = token.find(":")
    if colon <= 0 or colon == len(token) - 1:
        return None
    return token[:colon], token[colon + 1 :]


def _split_pair(value: str) -> tuple[float, float] | None:
    if "," not in value:
        return None
    first, second = value.split(",", 1)
    x, y = parse_percentage(first), parse_percentage(second)
    if x is None or y is None:
        return None
    return x, y


def parse_region(settings: str) -> SpecRegion:
    """A VTTRegion from the lines under ``REGION`` ("collect WebVTT region settings").

    >>> region = parse_region("id:fred width:40% lines:3\\nregionanchor:0%,100% scroll:up")
    >>> region.id, region.width, region.region_anchor_y, region.scroll
    ('fred', 40.0, 100.0, 'up')
    """
    values: dict[str, Any] = {}
    for token in _ASCII_SPACES.split(settings.replace("\0", "\ufffd")):
        pair = _split_setting(token)
        if pair is None:
            continue
        name, value = pair
        if name == "id":
            values["id"] = value
        elif name == "width":
            width = parse_percentage(value)
            if width is not None:
                values["width"] = width
        elif name == "lines":
            if value.isascii() and value.isdigit():
                values["lines"] = int(value)
        elif name in ("regionanchor", "viewportanchor"):
            anchor = _split_pair(value)
            if anchor is not None:
                prefix = "region_anchor" if name == "regionanchor" else "viewport_anchor"
                values[prefix + "_x"], values[prefix + "_y"] = anchor
        elif name == "scroll" and value == "up":
            values["scroll"] = "up"
    return SpecRegion(**values)


def _line_number(linepos: str) -> float | None:
    """The number of a ``line:`` value without ``%``, as the spec checks it, or None."""
    if not _LINE_NUMBER_CHARACTERS.match(linepos):
        return None
    if "-" in linepos[1:] or linepos.count(".") > 1:
        return None
    if "." in linepos and (
        linepos[0] == "." or linepos[-1] == "." or not _DOT_BETWEEN_DIGITS.search(linepos)
    ):
        return None
    try:
        number = float(linepos)
    except ValueError:
        return None
    if number in (float("inf"), float("-inf")):
        return None  # beyond the largest double: an error in HTML's number rules
    return number + 0.0  # no negative zero


def parse_cue_settings(settings: str, regions: tuple[SpecRegion, ...] = ()) -> CueSettings:
    """ "Parse the WebVTT cue settings" of one cue, against the regions defined before it.

    ``regions`` are in file order; ``region:ID`` takes the last one with that id.

    >>> parse_cue_settings("line:10%,end position:25%,line-left size:50% vertical:rl")
    CueSettings(vertical='rl', line=10.0, snap_to_lines=False, line_align='end', position=25.0, position_align='line-left', size=50.0, align='center', region=None)
    """
    values: dict[str, Any] = {}
    region: SpecRegion | None = None
    for token in _ASCII_SPACES.split(settings.replace("\0", "\ufffd")):
        pair = _split_setting(token)
        if pair is None:
            continue
        name, value = pair
        if name == "region":
            region = next((item for item in reversed(regions) if item.id == value), None)
        elif name == "vertical":
            if value in ("rl", "lr"):
                values["vertical"] = value
            # Step 3 runs for every "vertical" token, valid or not: once the cue
            # is vertical (from this token or an earlier one) it has no region.
            if values.get("vertical"):
                region = None
        elif name == "line":
            linepos, _, linealign = value.partition(",")
            has_align = "," in value
            if not any(char in "0123456789" for char in linepos):
                continue
            percent = linepos.endswith("%")
            number = parse_percentage(linepos) if percent else _line_number(linepos)
            if number is None:
                continue
            if has_align:
                if linealign not in ("start", "center", "end"):
                    continue
                values["line_align"] = linealign
            values["line"] = number
            values["snap_to_lines"] = not percent
            region = None  # explicitly positioned: out of the region
        elif name == "position":
            colpos, _, colalign = value.partition(",")
            position = parse_percentage(colpos)
            if position is None:
                continue
            if "," in value:
                if colalign not in ("line-left", "center", "line-right"):
                    continue
                values["position_align"] = colalign
            values["position"] = position
        elif name == "size":
            size = parse_percentage(value)
            if size is None:
                continue
            values["size"] = size
            if size != 100:
                region = None  # explicitly sized: out of the region
        elif name == "align" and value in ("start", "center", "end", "left", "right"):
            values["align"] = value
    return CueSettings(region=region, **values)


_DEFAULT_SETTINGS = CueSettings()


def _spec_cue(cue: Cue, settings: CueSettings) -> SpecCue:
    return SpecCue(
        id=cue.identifier.replace("\0", "\ufffd"),
        start=cue.start,
        end=cue.end,
        text=cue.text.replace("\0", "\ufffd"),
        settings=settings,
    )


def spec_cues(track: Track) -> tuple[SpecCue, ...]:
    """The VTTCues a player builds from the track, in file order.

    A cue sees the regions of the REGION blocks before it, as the parser
    collects them; SubRip tracks get default settings.
    """
    if track.format != "vtt":
        return tuple(_spec_cue(cue, _DEFAULT_SETTINGS) for cue in track.cues)
    regions: list[SpecRegion] = []
    views: list[SpecCue] = []
    frozen: tuple[SpecRegion, ...] = ()
    for block in track.blocks:
        if isinstance(block, Region):
            regions.append(parse_region(block.settings))
            frozen = tuple(regions)
        elif isinstance(block, Cue):
            source = block.source
            if (source is not None and source.format != "vtt") or not block.settings:
                settings = _DEFAULT_SETTINGS
            else:
                settings = parse_cue_settings(block.settings, frozen)
            views.append(_spec_cue(block, settings))
    return tuple(views)


#: The name and version of the JSON form of a track (:func:`track_json`).
SCHEMA = "captionkit-track/1"


def _block_json(block: Block, at: int) -> dict[str, Any]:
    """A non-cue block as in :func:`track_json`'s ``blocks``."""
    if isinstance(block, Header):
        return {"type": "header", "at": at, "text": block.text}
    if isinstance(block, Note):
        return {"type": "note", "at": at, "text": block.text}
    if isinstance(block, Style):
        return {"type": "style", "at": at, "text": block.text}
    if isinstance(block, Region):
        return {"type": "region", "at": at, "text": block.settings}
    if isinstance(block, Section):
        return {"type": "section", "at": at, "name": block.name, "text": block.text}
    assert isinstance(block, Unparsed)
    return {
        "type": "unparsed",
        "at": at,
        "line": block.line,
        "reason": block.reason,
        "text": block.text,
    }


def _format_json(track: Track) -> list[dict[str, Any]]:
    """Each cue's view in its own format, ``ass`` or ``ttml`` in :func:`track_json` (or none)."""
    if track.format == "ass":
        from captionkit.formats.ass import ass_events

        return [
            {
                "fields": dict(view.fields),
                "alignment": view.alignment,
                "position": list(view.position) if view.position is not None else None,
                "karaoke": list(view.karaoke),
                "lines": list(view.lines),
            }
            for view in ass_events(track)
        ]
    if track.format == "ttml":
        from captionkit.formats.ttml import ttml_cues

        return [
            {
                "region": view.region,
                "regionStyle": view.region_style,
                "style": view.style,
                "language": view.language,
            }
            for view in ttml_cues(track)
        ]
    return []


def track_json(track: Track) -> dict[str, Any]:
    """The documented JSON form of a track (``docs/formats.md``, "JSON of a track").

    The spec view of every cue, plus what reading it back needs to give the same
    track (:func:`captionkit.formats.trackjson.parse_json`): the settings as
    written (``settingsText``), the exact text and identifier where they differ
    from the shown ones (``rawText``, ``rawId``: NUL characters), and every
    block that is not a cue with the number of cues before it (``at``).

    >>> from captionkit.model import Cue, Track
    >>> data = track_json(Track.from_cues([Cue(0, 1200, "a\\0b", "1", "line:0")], format="vtt"))
    >>> data["schema"], data["cues"][0]["text"], data["cues"][0]["settings"]["line"]
    ('captionkit-track/1', 'a\\ufffdb', 0.0)
    >>> data["cues"][0]["rawText"], data["cues"][0]["settingsText"], data["cues"][0]["region"]
    ('a\\x00b', 'line:0', None)
    """
    cues: list[dict[str, Any]] = []
    blocks: list[dict[str, Any]] = []
    views = spec_cues(track)
    extra = _format_json(track)
    for block in track.blocks:
        if not isinstance(block, Cue):
            blocks.append(_block_json(block, len(cues)))
            continue
        entry = views[len(cues)].to_json()
        entry["settingsText"] = block.settings
        if entry["text"] != block.text:
            entry["rawText"] = block.text
        if entry["id"] != block.identifier:
            entry["rawId"] = block.identifier
        if extra:
            entry[track.format] = extra[len(cues)]
        cues.append(entry)
    return {
        "schema": SCHEMA,
        "format": track.format,
        "encoding": track.source.encoding,
        "newline": track.source.newline,
        "cues": cues,
        "blocks": blocks,
        "skipped": [
            {"line": block.line, "reason": block.reason, "text": block.text}
            for block in track.skipped
        ],
    }
