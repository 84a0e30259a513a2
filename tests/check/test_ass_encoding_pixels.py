"""``ass-encoding-direction`` before and after its fix, read from libass's pixels.

An ASS file (styles with ``Encoding`` 1 and 178) is handed to the packaged
libass as is. Each sample line is drawn whole, without its final punctuation and
without its first word; the ink each removal takes away says where that piece
landed (:func:`captionkit.render.pixels.locate_trailing_punctuation`). A right-to-left
line has its first word at the right end and its final punctuation at the left.
Before the fix the pieces of every sample come out in left-to-right order; after
``captionkit fix --rule ass-encoding-direction`` (``\\fe-1``) they are right.
An RLE…PDF embedding, which fixes SubRip, does not (the last case).
"""

from __future__ import annotations

import pytest

pytest.importorskip("numpy", reason="numpy is not installed (the render extra)")
pytest.importorskip("PIL", reason="Pillow is not installed (the render extra)")

import captionkit
from captionkit.check.ass_encoding import add_fe_minus_one
from captionkit.errors import CaptionkitError
from captionkit.formats import loads
from captionkit.render.ffmpeg import require_libass
from captionkit.render.fonts import Font
from captionkit.render.libass import render_ass_document
from captionkit.render.pixels import Placement, locate_trailing_punctuation
from captionkit.render.size import Size

from .test_ass_encoding import ass_file

SIZE = Size(960, 540)
RLE, PDF = "\u202b", "\u202c"

#: (style, first word, rest of the line, final punctuation)
SAMPLES = [
    ("Default", "ذهبنا ", "{\\i1}إلى{\\i0} السوق صباحاً", "."),
    ("Default", "{\\c&H00FFFF&}أحمد:{\\c&HFFFFFF&} ", "هل شاهدت الفيلم الجديد", "؟"),
    ("Arabic", "يحكى ", "{\\fs48}أن{\\fs40} ملكاً عاش طويلاً", "!"),
    ("Default", "ذهبنا ", "{\\i1}إلى{\\r} السوق صباحاً", "."),  # \\r resets \\fe: added at the end
    ("Default", RLE + "ذهبنا ", "{\\i1}إلى{\\i0} السوق صباحاً", "." + PDF),
]


def variants() -> list[tuple[str, str]]:
    """Each sample whole, without its punctuation, without its first word."""
    events = []
    for style, first, rest, mark in SAMPLES:
        lead = RLE if first.startswith(RLE) else ""
        tail = PDF if mark.endswith(PDF) else ""
        events += [
            (style, first + rest + mark),
            (style, first + rest + tail),
            (style, lead + rest + mark),
        ]
    return events


def placements(document: bytes, font: Font) -> list[tuple[Placement, Placement]]:
    """(punctuation, first word) for every sample."""
    images = render_ass_document(document.decode(), len(SAMPLES) * 3, SIZE, font)
    return [
        (
            locate_trailing_punctuation(images[3 * i], images[3 * i + 1]),
            locate_trailing_punctuation(images[3 * i], images[3 * i + 2]),
        )
        for i in range(len(SAMPLES))
    ]


@pytest.fixture(scope="module")
def before_after(font: Font) -> tuple[list[tuple[Placement, Placement]], ...]:
    try:
        require_libass()
    except CaptionkitError as missing:
        pytest.skip(f"renderer missing: {missing}")
    events = variants()
    original = ass_file(*events)
    fixed = captionkit.fix(loads(original), rules=["ass-encoding-direction"])
    # every whole line is flagged, and fix writes \fe-1 into it
    whole = [3 * i for i in range(len(SAMPLES))]
    assert {change.cue - 1 for change in fixed.changes} >= set(whole)
    fixed_texts = [cue.text for cue in fixed.track.cues]
    assert all(fixed_texts[i] == add_fe_minus_one(events[i][1]) for i in whole)
    # the parts (a part may hold no split, so fix leaves it) get the same \fe-1
    after = ass_file(*[(style, add_fe_minus_one(text)) for style, text in events])
    # the other remedy: every style's Encoding set to -1
    auto = original.replace(b",10,10,10,1\n", b",10,10,10,-1\n").replace(b",178\n", b",-1\n")
    assert auto.count(b",-1\n") == 3
    return placements(original, font), placements(after, font), placements(auto, font)


def test_before_the_fix_the_runs_come_out_left_to_right(
    before_after: tuple[list[tuple[Placement, Placement]], ...],
) -> None:
    before = before_after[0]
    for (style, first, rest, _mark), (punctuation, word) in zip(SAMPLES, before, strict=True):
        # the first word lands at the left end: the line reads in reverse order
        assert word.verdict == "left", (style, first + rest, word.describe())
        assert punctuation.verdict != "left", (first + rest, punctuation.describe())


@pytest.mark.parametrize(
    "remedy", [1, 2], ids=["fe-minus-one-in-the-event", "style-encoding-minus-one"]
)
def test_after_the_fix_libass_lays_each_line_out_right_to_left(
    before_after: tuple[list[tuple[Placement, Placement]], ...], remedy: int
) -> None:
    after = before_after[remedy]
    for (_style, first, rest, _mark), (punctuation, word) in zip(SAMPLES, after, strict=True):
        assert word.verdict == "right", (first + rest, word.describe())
        assert punctuation.verdict == "left", (first + rest, punctuation.describe())
