"""Conversions between formats: cue text from one markup to another, and what is lost.

SubRip and WebVTT share a markup (``<i>``, ``<b>``, ``<u>``; WebVTT adds
classes, voices, ruby and time stamps); ASS has override blocks (``{\\i1}``,
``{\\an8}``, ``{\\k20}``) and ``\\h``; TTML has spans with styles. Cue text
read from one is turned into the other's when a track is written in another
format (:func:`convert_track`); the writers never see foreign markup.
:func:`conversion_losses` lists, per format pair, what the target cannot carry.

>>> from captionkit.model import Cue, Track
>>> ass = Track.from_cues([Cue(0, 1000, "{\\\\an8\\\\i1}مرحبا{\\\\i0}\\\\hبكم")], format="ass")
>>> convert_track(ass, "srt").cues[0].text
'<i>مرحبا</i>\\xa0بكم'
>>> conversion_losses(ass, "srt")
['1 cue positions (\\\\an, \\\\pos, \\\\move) not carried over to srt']
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cached_property

from captionkit.formats.ass import overrides, plain_text
from captionkit.model import (
    Block,
    Cue,
    Format,
    Header,
    Note,
    Region,
    Section,
    Style,
    Track,
    Unparsed,
)

__all__ = ["conversion_losses", "convert_track"]

_OVERRIDE_BLOCK = re.compile(r"\{[^{}]*\}")
_SIMPLE = re.compile(r"\\([ibus])(\d*)")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z]+)[^<>\n]*>|<\d[\d:.]*>")
_TIMESTAMP_TAG = re.compile(r"<\d[\d:.]*>")
_POSITION_TAGS = frozenset({"an", "a", "pos", "move", "org"})
_KARAOKE_TAGS = frozenset({"k", "K", "kf", "ko", "kt"})
_SIMPLE_TAGS = frozenset({"i", "b", "u", "s"})
_TAG_FOR = {"i": "i", "b": "b", "u": "u", "s": "s"}
_COORDINATES = re.compile(r"(?:[XY][12]:[ \t]*-?\d+[ \t]*)+")


def _ass_to_tags(text: str) -> str:
    """ASS cue text as SubRip/WebVTT text: ``\\i1``…``\\i0`` as ``<i>``…``</i>``, the rest dropped."""

    def block(match: re.Match[str]) -> str:
        out = []
        for name, value in _SIMPLE.findall(match.group()):
            tag = _TAG_FOR[name]
            out.append(f"<{tag}>" if value not in ("", "0") else f"</{tag}>")
        return "".join(out)

    if "{" in text:
        text = _OVERRIDE_BLOCK.sub(block, text)
    return plain_text(text)


def _tags_to_ass(text: str, entities: bool) -> str:
    """SubRip/WebVTT text as ASS text: ``<i>`` as ``{\\i1}``, other tags dropped."""

    def tag(match: re.Match[str]) -> str:
        closing, name = match.group(1), (match.group(2) or "").lower()
        if name in _TAG_FOR:
            return "{\\" + name + ("0" if closing else "1") + "}"
        return ""

    if "<" in text:
        text = _HTML_TAG.sub(tag, text)
    if entities and "&" in text:
        text = html.unescape(text)
    return text


def _plain_from_tags(text: str, entities: bool) -> str:
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    if entities and "&" in text:
        text = html.unescape(text)
    return text


def convert_text(text: str, source: Format, target: Format) -> str:
    """A cue's text from the markup of ``source`` to that of ``target``."""
    if source == target or target == "json":
        return text
    if source == "ass":
        converted = _ass_to_tags(text)
        return _plain_from_tags(converted, False) if target == "ttml" else converted
    if target == "ass":
        return _tags_to_ass(text, source == "vtt")
    if target == "ttml" and source in ("srt", "vtt"):
        return _plain_from_tags(text, source == "vtt")
    return text


def convert_track(track: Track, target: Format) -> Track:
    """The track with its cues' text in ``target``'s markup and foreign settings left out.

    SubRip and WebVTT convert into each other as their writers always did
    (same markup; each writer leaves out the other's settings); ASS and TTML
    take and give plain values: cues lose their source layer and their
    settings when they cross into or out of these formats.
    """
    source = track.format
    if source == target or target == "json" or {source, target} <= {"srt", "vtt"}:
        return track
    blocks = tuple(
        Cue(
            block.start,
            block.end,
            convert_text(block.text, source, target),
            block.identifier if target not in ("ass",) else "",
        )
        if isinstance(block, Cue)
        else block
        for block in track.blocks
        if not isinstance(block, Section)
    )
    return replace(track, blocks=blocks)


def _count(items: Iterable[object]) -> int:
    return sum(1 for item in items if item)


class _Facts:
    """What the loss counters ask of a track, each worked out once (ASS tags are costly)."""

    def __init__(self, track: Track) -> None:
        self.cues = track.cues
        self.blocks = track.blocks

    @cached_property
    def ass_tags(self) -> list[set[str]]:
        """The override tag names of each cue, for the ASS counters."""
        return [{name for name, _ in overrides(cue.text)} for cue in self.cues]

    @cached_property
    def section_names(self) -> list[str]:
        """The lowered names of the track's sections (ASS styles, fonts, graphics)."""
        return [block.name.lower() for block in self.blocks if isinstance(block, Section)]

    def cues_where(self, test: Callable[[Cue], object]) -> int:
        return _count(test(cue) for cue in self.cues)

    def blocks_where(self, test: Callable[[Block], object]) -> int:
        return _count(test(block) for block in self.blocks)


#: A loss: what is lost, the targets that lose it (None: every target), how many.
_Loss = tuple[str, frozenset[str] | None, Callable[[_Facts], int]]


def _is_other_id(cue: Cue) -> object:
    return cue.identifier and not cue.identifier.isdigit()


def _has_span(cue: Cue) -> bool:
    source = cue.source
    return source is not None and "<span" in source.raw[source.text_begin : source.text_end]


def _ass_comments(facts: _Facts) -> int:
    return sum(
        block.text.count("Comment:")
        for block in facts.blocks
        if isinstance(block, Section) and block.name.lower() == "events"
    )


_SRT_TARGETS = frozenset({"srt"})
_ASS_TARGETS = frozenset({"ass"})
_TTML_TARGETS = frozenset({"ttml"})
_MARKUP_TARGETS = frozenset({"ass", "ttml"})
_SIMPLE_TAGS_LOST: _Loss = (
    "italic, bold and underline tags",
    _TTML_TARGETS,
    lambda facts: facts.cues_where(lambda cue: _has_simple_tags(cue.text)),
)

#: Per source format, in the order they are listed, what each target cannot carry
#: (``docs/formats.md``'s table); "unparsed blocks" comes last for every source.
_LOSSES: dict[str, tuple[_Loss, ...]] = {
    "vtt": (
        (
            "cue settings (positions, alignment, regions)",
            frozenset({"srt", "ass", "ttml"}),
            lambda facts: facts.cues_where(lambda cue: cue.settings),
        ),
        (
            "cue identifiers that are not numbers (SubRip numbers cues)",
            _SRT_TARGETS,
            lambda facts: facts.cues_where(_is_other_id),
        ),
        (
            "cue identifiers (ASS has none)",
            _ASS_TARGETS,
            lambda facts: facts.cues_where(lambda cue: cue.identifier),
        ),
        ("NOTE blocks", None, lambda facts: facts.blocks_where(lambda b: isinstance(b, Note))),
        ("STYLE blocks", None, lambda facts: facts.blocks_where(lambda b: isinstance(b, Style))),
        ("REGION blocks", None, lambda facts: facts.blocks_where(lambda b: isinstance(b, Region))),
        (
            "header text",
            None,
            lambda facts: facts.blocks_where(lambda b: isinstance(b, Header) and b.text.strip()),
        ),
        (
            "voice, class, ruby and time-stamp tags",
            _MARKUP_TARGETS,
            lambda facts: facts.cues_where(lambda cue: _has_foreign_tags(cue.text)),
        ),
        _SIMPLE_TAGS_LOST,
    ),
    "srt": (
        (
            "SubRip X1/Y1 coordinates",
            frozenset({"vtt", "ass", "ttml"}),
            lambda facts: facts.cues_where(lambda cue: _COORDINATES.fullmatch(cue.settings)),
        ),
        (
            "cue numbers (ASS has none)",
            _ASS_TARGETS,
            lambda facts: facts.cues_where(lambda cue: cue.identifier),
        ),
        (
            "font and other tags",
            _MARKUP_TARGETS,
            lambda facts: facts.cues_where(lambda cue: _has_foreign_tags(cue.text)),
        ),
        _SIMPLE_TAGS_LOST,
    ),
    "ass": (
        (
            "cue positions (\\an, \\pos, \\move)",
            None,
            lambda facts: _count(names & _POSITION_TAGS for names in facts.ass_tags),
        ),
        (
            "karaoke timings (\\k)",
            None,
            lambda facts: _count(names & _KARAOKE_TAGS for names in facts.ass_tags),
        ),
        (
            "other override tags (fonts, colours, effects)",
            None,
            lambda facts: _count(
                names - _POSITION_TAGS - _KARAOKE_TAGS - _SIMPLE_TAGS for names in facts.ass_tags
            ),
        ),
        (
            "italic, bold and underline tags",
            _TTML_TARGETS,
            lambda facts: _count(names & _SIMPLE_TAGS for names in facts.ass_tags),
        ),
        (
            "events with a style, layer, name, margins or effect of their own",
            None,
            lambda facts: facts.cues_where(lambda cue: _own_fields(cue.settings)),
        ),
        (
            "styles ([V4+ Styles] section)",
            None,
            lambda facts: int(
                any(name in ("v4+ styles", "v4 styles") for name in facts.section_names)
            ),
        ),
        (
            "embedded fonts and graphics",
            None,
            lambda facts: _count(name in ("fonts", "graphics") for name in facts.section_names),
        ),
        ("Comment lines", None, _ass_comments),
    ),
    "ttml": (
        (
            "regions and styles (layout, colours, fonts)",
            None,
            lambda facts: facts.blocks_where(
                lambda b: isinstance(b, Section) and ("<region" in b.text or "<style" in b.text)
            ),
        ),
        (
            "cues with a region or style of their own",
            None,
            lambda facts: facts.cues_where(lambda cue: cue.settings),
        ),
        (
            "styled spans (written as plain text)",
            None,
            lambda facts: facts.cues_where(_has_span),
        ),
        (
            "cue identifiers (ASS has none)",
            _ASS_TARGETS,
            lambda facts: facts.cues_where(lambda cue: cue.identifier),
        ),
        (
            "cue identifiers that are not numbers (SubRip numbers cues)",
            _SRT_TARGETS,
            lambda facts: facts.cues_where(_is_other_id),
        ),
    ),
}


def conversion_losses(track: Track, target: Format | str) -> list[str]:
    """What a conversion to ``target`` cannot carry, one line each (empty when nothing).

    JSON carries everything; every other pair is in ``docs/formats.md``'s table
    (and in ``_LOSSES``, per source format). An unknown format name is a
    :class:`~captionkit.errors.UsageError`.
    """
    from captionkit.formats.registry import format_spec

    target = format_spec(target).name
    source = track.format
    if target == source or target == "json":
        return []
    facts = _Facts(track)
    counts = {
        what: count(facts)
        for what, targets, count in _LOSSES.get(source, ())
        if targets is None or target in targets
    }
    counts["unparsed blocks"] = facts.blocks_where(lambda block: isinstance(block, Unparsed))
    return [
        f"{count} {what} not carried over to {target}" for what, count in counts.items() if count
    ]


_DEFAULT_FIELDS = {"0", "", "Default", "0000", "Marked=0", "*Default"}


def _own_fields(settings: str) -> bool:
    return any(value.strip() not in _DEFAULT_FIELDS for value in settings.split(","))


def _has_simple_tags(text: str) -> bool:
    return "<" in text and any(
        (match.group(2) or "").lower() in _TAG_FOR for match in _HTML_TAG.finditer(text)
    )


def _has_foreign_tags(text: str) -> bool:
    if "<" not in text:
        return False
    for match in _HTML_TAG.finditer(text):
        name = (match.group(2) or "").lower()
        if name not in _TAG_FOR:
            return True
    return False
