"""Three engines, one cue: each puts the cue's final full stop at the left end.

The cue has two Arabic lines with a Latin word, a bracket and numbers. Each
engine gets the text as captionkit would give that kind of player: libass a
SubRip line in the SubRip default mode, Chromium and raqm plain logical text.
Skipped only when an engine is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from captionkit.render.errors import RendererMissing
from captionkit.render.evidence import SRT_DEFAULT_RTL_MODE, apply_variant

pytest.importorskip("numpy", reason="numpy is not installed (the render extra)")
pytest.importorskip("PIL", reason="Pillow is not installed (the render extra)")

from PIL.Image import Image

from captionkit.render import libass, raqm
from captionkit.render.ffmpeg import require_libass
from captionkit.render.fonts import Font
from captionkit.render.pixels import ink_bounds, ink_mask, locate_trailing_punctuation
from captionkit.render.players import simulate
from captionkit.render.size import Size

LINE_ONE = "قدّم فريق Python عرضاً (مدته 45 دقيقة)"
LINE_TWO = "وحضره أكثر من 300 شخص"
STOP = "."
SIZE = Size(1280, 720)


def cue(body_two: str, variant: str = "none") -> str:
    lines = [(LINE_ONE, ""), (body_two, "")]
    return "\n".join(apply_variant(body, end, variant) for body, end in lines)  # type: ignore[arg-type]


def full_and_stripped(variant: str = "none") -> list[str]:
    return [cue(LINE_TWO + STOP, variant), cue(LINE_TWO, variant)]


def need(check: Callable[[], object]) -> None:
    try:
        check()
    except RendererMissing as missing:
        pytest.skip(f"renderer missing: {missing}")


def assert_stop_left(images: list[Image]) -> None:
    placement = locate_trailing_punctuation(images[0], images[1])
    assert placement.verdict == "left", placement
    # Both lines drawn, in the lower part of the frame, line one above line two.
    box = ink_bounds(ink_mask(images[0]))
    assert box is not None
    assert box[1] > SIZE.height // 2


def test_raqm_puts_the_stop_left(font: Font) -> None:
    need(raqm.require_raqm)
    assert_stop_left(raqm.render_texts(full_and_stripped(), SIZE, font))


def test_libass_puts_the_stop_left_in_the_srt_default(font: Font) -> None:
    need(require_libass)
    images = libass.render_texts(full_and_stripped(SRT_DEFAULT_RTL_MODE), SIZE, font)
    assert_stop_left(images)


def test_libass_puts_a_plain_stop_right(font: Font) -> None:
    need(require_libass)
    images = libass.render_texts(full_and_stripped("none"), SIZE, font)
    assert locate_trailing_punctuation(images[0], images[1]).verdict == "right"


@pytest.fixture(scope="module")
def chromium(font: Font) -> Iterator[object]:
    try:
        from captionkit.render.browser import BrowserRenderer

        renderer = BrowserRenderer(font)
        renderer.start()
    except RendererMissing as missing:
        pytest.skip(f"renderer missing: {missing}")
    yield renderer
    renderer.close()


def test_chromium_puts_the_stop_left(chromium: object) -> None:
    from captionkit.render.browser import BrowserRenderer

    assert isinstance(chromium, BrowserRenderer)
    assert_stop_left(chromium.render_texts(full_and_stripped(), SIZE))


def test_ltr_base_player_puts_the_stop_right(font: Font) -> None:
    # The simulated faulty player shows the bug check warns about.
    need(raqm.require_raqm)
    texts = [simulate(text, "ltr-base") for text in full_and_stripped()]
    images = raqm.render_texts(texts, SIZE, font)
    assert locate_trailing_punctuation(images[0], images[1]).verdict == "right"
