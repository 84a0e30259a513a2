"""Conversions between every pair of formats: what is carried, what is reported lost.

Each pair converts the sample of its source format in ``fixtures/formats/``.
The expected losses are counted by hand from the samples; ``docs/formats.md``'s
table must list the same losses in its cell for the pair.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from captionkit.formats import conversion_losses, dumps, loads, read

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "fixtures" / "formats"
FORMATS = ("srt", "vtt", "ass", "ttml", "json")

#: (source, target) -> the losses, with counts from the samples.
LOSSES: dict[tuple[str, str], dict[str, int]] = {
    ("srt", "vtt"): {"SubRip X1/Y1 coordinates": 1},
    ("srt", "ass"): {
        "SubRip X1/Y1 coordinates": 1,
        "cue numbers (ASS has none)": 2,
        "font and other tags": 1,  # <font color>
    },
    ("srt", "ttml"): {
        "SubRip X1/Y1 coordinates": 1,
        "font and other tags": 1,
        "italic, bold and underline tags": 1,  # <i> of cue 1
    },
    ("vtt", "srt"): {
        "cue settings (positions, alignment, regions)": 1,
        "cue identifiers that are not numbers (SubRip numbers cues)": 1,  # intro
        "NOTE blocks": 1,
        "STYLE blocks": 1,
        "REGION blocks": 1,
        "header text": 1,
    },
    ("vtt", "ass"): {
        "cue settings (positions, alignment, regions)": 1,
        "cue identifiers (ASS has none)": 1,
        "NOTE blocks": 1,
        "STYLE blocks": 1,
        "REGION blocks": 1,
        "header text": 1,
        "voice, class, ruby and time-stamp tags": 1,  # <v أحمد>
    },
    ("vtt", "ttml"): {
        "cue settings (positions, alignment, regions)": 1,
        "NOTE blocks": 1,
        "STYLE blocks": 1,
        "REGION blocks": 1,
        "header text": 1,
        "voice, class, ruby and time-stamp tags": 1,
        "italic, bold and underline tags": 1,
    },
    ("ass", "srt"): {
        "cue positions (\\an, \\pos, \\move)": 2,
        "karaoke timings (\\k)": 1,
        "events with a style, layer, name, margins or effect of their own": 1,  # Top
        "styles ([V4+ Styles] section)": 1,
        "embedded fonts and graphics": 1,
        "Comment lines": 1,
    },
    ("ass", "ttml"): {
        "cue positions (\\an, \\pos, \\move)": 2,
        "karaoke timings (\\k)": 1,
        "italic, bold and underline tags": 1,
        "events with a style, layer, name, margins or effect of their own": 1,
        "styles ([V4+ Styles] section)": 1,
        "embedded fonts and graphics": 1,
        "Comment lines": 1,
    },
    ("ttml", "srt"): {
        "regions and styles (layout, colours, fonts)": 1,
        "cues with a region or style of their own": 1,  # region="top"
        "styled spans (written as plain text)": 1,
        "cue identifiers that are not numbers (SubRip numbers cues)": 2,
    },
    ("ttml", "vtt"): {
        "regions and styles (layout, colours, fonts)": 1,
        "cues with a region or style of their own": 1,
        "styled spans (written as plain text)": 1,
    },
    ("ttml", "ass"): {
        "regions and styles (layout, colours, fonts)": 1,
        "cues with a region or style of their own": 1,
        "styled spans (written as plain text)": 1,
        "cue identifiers (ASS has none)": 2,
    },
}
LOSSES[("ass", "vtt")] = {
    what: count for what, count in LOSSES[("ass", "srt")].items()
}  # the same as to SubRip: both keep <i>
for source in ("srt", "vtt", "ass", "ttml"):
    LOSSES[(source, "json")] = {}

#: What the written file reads back as: (start, end, text) of each cue.
TEXTS = {
    "srt": [
        (1000, 2500, "مرحبا <i>بكم</i>"),
        (3000, 4000, '<font color="#ffff00">سطر</font>\nثان'),
    ],
    "vtt": [(1000, 2500, "مرحبا <i>بكم</i>"), (3000, 4000, "<v أحمد>سطر</v>\nثان")],
    "ass": [
        (1000, 2500, "مرحبا {\\i1}بكم{\\i0}"),
        (3000, 4000, "{\\an8}سطر\nثان"),
        (5000, 6000, "{\\pos(960,100)\\k20}كا{\\k30}ريوكي\\hهنا"),
    ],
    "ttml": [(1000, 2500, "مرحبا بكم"), (3000, 4000, "سطر\nثان")],
}
CARRIED = {
    # source -> target -> the texts a reader of the target finds (times are kept always)
    ("srt", "ass"): ["مرحبا {\\i1}بكم{\\i0}", "سطر\nثان"],
    ("srt", "ttml"): ["مرحبا بكم", "سطر\nثان"],
    ("vtt", "ass"): ["مرحبا {\\i1}بكم{\\i0}", "سطر\nثان"],
    ("vtt", "ttml"): ["مرحبا بكم", "سطر\nثان"],
    ("ass", "srt"): ["مرحبا <i>بكم</i>", "سطر\nثان", "كاريوكي\u00a0هنا"],
    ("ass", "vtt"): ["مرحبا <i>بكم</i>", "سطر\nثان", "كاريوكي\u00a0هنا"],
    ("ass", "ttml"): ["مرحبا بكم", "سطر\nثان", "كاريوكي\u00a0هنا"],
    ("ttml", "srt"): ["مرحبا بكم", "سطر\nثان"],
    ("ttml", "vtt"): ["مرحبا بكم", "سطر\nثان"],
    ("ttml", "ass"): ["مرحبا بكم", "سطر\nثان"],
}

PAIRS = [(source, target) for source in FORMATS[:4] for target in FORMATS if source != target]


@pytest.mark.parametrize(("source", "target"), PAIRS, ids=lambda value: value)
def test_pair(source: str, target: str) -> None:
    track = read(SAMPLES / f"sample.{source}")
    assert [(c.start, c.end, c.text) for c in track.cues] == TEXTS[source]
    expected = [f"{count} {what} not carried over to {target}" for what, count in LOSSES[(source, target)].items()]  # fmt: skip
    assert sorted(conversion_losses(track, target)) == sorted(expected)
    written = dumps(track, target).encode("utf-8")
    again = loads(written, target)
    times = [(c.start, c.end) for c in track.cues]
    assert [(c.start, c.end) for c in again.cues] == times
    if target == "json":
        assert again == track  # everything carried
    elif (source, target) in CARRIED:
        assert [c.text for c in again.cues] == CARRIED[(source, target)]
    else:  # SubRip <-> WebVTT share their markup
        assert [c.text for c in again.cues] == [c.text for c in track.cues]


def _doc_cells() -> dict[tuple[str, str], set[str]]:
    text = (ROOT / "docs" / "formats.md").read_text("utf-8")
    table = text.split("<!-- conversions -->")[1]
    cells: dict[tuple[str, str], set[str]] = {}
    for line in table.strip().splitlines()[2:]:
        if not line.startswith("|"):
            break
        parts = [part.strip() for part in line.strip("|").split("|")]
        source = parts[0].strip("*").lower()
        for target, cell in zip(FORMATS, parts[1:], strict=True):
            if target == source:
                continue
            lost = cell.split("lost:", 1)[1] if "lost:" in cell else ""
            labels = {item.strip().replace("\\|", "|") for item in re.split(r";", lost) if item.strip()}  # fmt: skip
            cells[(source, target)] = {label.replace("`", "") for label in labels if label != "nothing"}  # fmt: skip
    return cells


def test_the_documented_table_matches() -> None:
    cells = _doc_cells()
    assert set(cells) == set(LOSSES)
    for pair, losses in LOSSES.items():
        assert cells[pair] == set(losses), pair
