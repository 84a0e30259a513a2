"""The burn-in script lays a SubRip line with a mid-line ``<i>`` out right to left.

The script ``burn`` writes is drawn by libass as is; the first word and the full
stop are located by drawing the line without each (the pixel method). With the
script's ``Encoding`` -1 the first word lands at the right end and the stop at the
left; with ``Encoding`` 1 (what the script had) the italic word splits the line into
runs placed left to right, the first word at the left end.
"""

from __future__ import annotations

import pytest

pytest.importorskip("numpy", reason="numpy is not installed (the render extra)")
pytest.importorskip("PIL", reason="Pillow is not installed (the render extra)")

from captionkit.errors import CaptionkitError
from captionkit.model import Cue, Track
from captionkit.render import burn
from captionkit.render.ffmpeg import require_libass
from captionkit.render.fonts import Font
from captionkit.render.libass import render_ass_document
from captionkit.render.pixels import Placement, locate_trailing_punctuation
from captionkit.render.size import Size

SIZE = Size(960, 540)
LINES = ("ذهبنا <i>إلى</i> السوق صباحاً.", "ذهبنا <i>إلى</i> السوق صباحاً", "<i>إلى</i> السوق صباحاً.")


def placements(font: Font, encoding: int) -> tuple[Placement, Placement]:
    """(full stop, first word) as libass draws the burn script."""
    track = Track.from_cues([Cue(i * 1000, i * 1000 + 900, text) for i, text in enumerate(LINES)])
    script = burn.ass_document(track, SIZE, font)
    if encoding != burn.BURN_ENCODING:
        script = script.replace(f",{burn.BURN_ENCODING}\n", f",{encoding}\n")
    full, no_stop, no_first = render_ass_document(script, len(LINES), SIZE, font)
    return locate_trailing_punctuation(full, no_stop), locate_trailing_punctuation(full, no_first)


def test_the_burn_script_lays_a_split_line_out_right_to_left(font: Font) -> None:
    try:
        require_libass()
    except CaptionkitError as missing:
        pytest.skip(f"renderer missing: {missing}")
    stop, first = placements(font, burn.BURN_ENCODING)
    assert (first.verdict, stop.verdict) == ("right", "left"), (first.describe(), stop.describe())
    stop, first = placements(font, 1)
    assert first.verdict == "left", first.describe()
