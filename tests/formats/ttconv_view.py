"""What ttconv (an independent TTML/IMSC reader) shows, next to what captionkit's cues show.

For every significant time of a document (ttconv's), the texts of the
paragraphs ttconv presents and the texts of captionkit's cues active then are
compared as sorted lists, lines stripped of edge spaces on both sides.
"""

from __future__ import annotations

import io
import logging
import xml.etree.ElementTree as ElementTree
from fractions import Fraction

from ttconv import model
from ttconv.imsc import reader
from ttconv.isd import ISD

from captionkit.model import Track


def _text(element: model.ContentElement, parts: list[str]) -> None:
    if isinstance(element, model.Text):
        parts.append(element.get_text())
    elif isinstance(element, model.Br):
        parts.append("\n")
    else:
        for child in element:
            _text(child, parts)


def _paragraphs(element: model.ContentElement, found: list[str]) -> None:
    if isinstance(element, model.P):
        parts: list[str] = []
        _text(element, parts)
        found.append("".join(parts))
    else:
        for child in element:
            _paragraphs(child, found)


def normalized(text: str) -> str:
    """Lines without edge spaces, and no blank lines at the ends."""
    return "\n".join(line.strip(" ") for line in text.split("\n")).strip("\n")


def disagreements(data: bytes, track: Track) -> list[tuple[float, list[str], list[str]]]:
    """The times at which ttconv and captionkit show different texts (empty when they agree)."""
    logging.disable(logging.CRITICAL)
    try:
        document = reader.to_model(ElementTree.parse(io.BytesIO(data)))
    finally:
        logging.disable(logging.NOTSET)
    assert document is not None
    times = ISD.significant_times(document)
    found = []
    for moment in times:
        isd = ISD.from_model(document, moment, times)
        shown: list[str] = []
        for region in isd.iter_regions():
            for child in region:
                _paragraphs(child, shown)
        theirs = sorted(normalized(text) for text in shown if normalized(text))
        at = int((moment * 1000 + Fraction(1, 2)) // 1)
        ours = sorted(
            normalized(cue.text)
            for cue in track.cues
            if cue.start <= at < cue.end and normalized(cue.text)
        )
        if theirs != ours:
            found.append((float(moment), theirs, ours))
    return found
