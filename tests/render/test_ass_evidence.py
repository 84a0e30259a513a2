"""The ASS RTL default and ASS ``fix``, pinned by the pixel method through libass.

The ASS file is the one captionkit writes (``make -o out.ass``: one style,
``Encoding`` 1) and libass reads it as is. Skipped only when libass is missing.
"""

from __future__ import annotations

import pytest

pytest.importorskip("numpy", reason="numpy is not installed (the render extra)")
pytest.importorskip("PIL", reason="Pillow is not installed (the render extra)")

import captionkit
from captionkit.errors import CaptionkitError
from captionkit.formats import dumps, loads
from captionkit.model import Cue, Track
from captionkit.render import libass
from captionkit.render.evidence import VARIANTS, Observation, observe, score
from captionkit.render.ffmpeg import require_libass
from captionkit.render.fonts import Font
from captionkit.render.pixels import Placement, locate_trailing_punctuation
from captionkit.render.size import Size
from captionkit.text.rtl import DEFAULT_RTL_MODES

SIZE = Size(1280, 720)


def locate(full: object, stripped: object) -> Placement:
    return locate_trailing_punctuation(full, stripped)  # type: ignore[arg-type]


def need_libass() -> None:
    try:
        require_libass()
    except CaptionkitError as missing:
        pytest.skip(f"renderer missing: {missing}")


@pytest.fixture(scope="module")
def ass_table(font: Font) -> list[Observation]:
    need_libass()
    return observe("libass", lambda texts: libass.render_ass_texts(texts, SIZE, font), locate)


def test_ass_gets_the_embedding_the_pixels_choose(ass_table: list[Observation]) -> None:
    right = {variant: score(ass_table, "libass", variant)[0] for variant in VARIANTS}
    total = score(ass_table, "libass", "embed")[1]
    # Encoding 1: libass (>= 0.13) lays every line out left to right, as for SubRip
    assert right["embed"] == total
    assert right["none"] < total
    assert max(right, key=lambda variant: (right[variant], variant == "embed")) == "embed"
    assert DEFAULT_RTL_MODES["ass"] == "embed"


WORKAROUND = [
    (".ذهبنا إلى السوق صباحاً", "."),
    ("؟هل شاهدت الفيلم الجديد", "؟"),
    ("...نعم", "..."),
    ("!{\\i1}رائع جدا{\\i0}", "!"),
]


def test_fixed_ass_lines_render_with_the_punctuation_at_the_left(font: Font) -> None:
    need_libass()
    cues = [Cue(i * 1000, i * 1000 + 900, text) for i, (text, _) in enumerate(WORKAROUND)]
    track = loads(dumps(Track.from_cues(cues, format="ass"), "ass").encode())
    fixed = loads(captionkit.fix(track).to_bytes())
    texts = [cue.text for cue in fixed.cues]
    assert all(not text.lstrip("\u202b").startswith((".", "؟", "!")) for text in texts)
    stripped = [
        text.replace(mark, "", 1) for text, (_, mark) in zip(texts, WORKAROUND, strict=True)
    ]
    images = libass.render_ass_texts([*texts, *stripped], SIZE, font)
    half = len(texts)
    for index, text in enumerate(texts):
        placement = locate(images[index], images[half + index])
        assert placement.correct_for_rtl, (text, placement.describe())
