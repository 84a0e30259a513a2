"""The pixel method on images drawn by hand: no renderer needed."""

from __future__ import annotations

import pytest

PIL = pytest.importorskip("PIL", reason="Pillow is not installed (the render extra)")
from PIL import Image, ImageDraw  # noqa: E402

from captionkit.render.pixels import (  # noqa: E402
    changed_band,
    ink_bounds,
    ink_mask,
    locate_trailing_punctuation,
)


def line_image(
    blocks: list[tuple[int, int]], dot: int | None, *, rows: tuple[int, int]
) -> Image.Image:
    """A black frame with white bars (the "words") and a small square (the "full stop")."""
    image = Image.new("RGB", (400, 200), "black")
    draw = ImageDraw.Draw(image)
    top, bottom = rows
    for left, right in blocks:
        draw.rectangle((left, top, right, bottom), fill="white")
    if dot is not None:
        draw.rectangle((dot, bottom - 6, dot + 6, bottom), fill="white")
    return image


def centred(
    words: list[int], dot_side: str | None, rows: tuple[int, int] = (150, 170)
) -> Image.Image:
    """Words of the given widths with 10 px spaces, centred at x = 200, a dot on one side."""
    widths = sum(words) + 10 * (len(words) - 1) + (16 if dot_side else 0)
    x = 200 - widths // 2
    blocks = []
    dot = None
    if dot_side == "left":
        dot, x = x, x + 16
    for width in words:
        blocks.append((x, x + width - 1))
        x += width + 10
    if dot_side == "right":
        dot = x - 10 + 9
    return line_image(blocks, dot, rows=rows)


def test_ink_bounds_of_a_bar() -> None:
    mask = ink_mask(line_image([(100, 199)], None, rows=(50, 59)))
    assert ink_bounds(mask) == (100, 50, 200, 60)
    assert ink_bounds(ink_mask(Image.new("RGB", (10, 10)))) is None


def test_a_dot_at_the_left_end_is_left() -> None:
    placement = locate_trailing_punctuation(
        centred([60, 40, 80], "left"), centred([60, 40, 80], None)
    )
    assert placement.verdict == "left"
    assert placement.correct_for_rtl
    assert placement.position < 0.05
    assert placement.extra_pixels == 7 * 7


def test_a_dot_at_the_right_end_is_right() -> None:
    placement = locate_trailing_punctuation(
        centred([60, 40, 80], "right"), centred([60, 40, 80], None)
    )
    assert placement.verdict == "right"
    assert not placement.correct_for_rtl
    assert placement.position > 0.95


def test_identical_images_have_no_punctuation() -> None:
    image = centred([50, 50], None)
    assert locate_trailing_punctuation(image, image).verdict == "none"


def test_only_the_last_changed_line_counts() -> None:
    # Line 1 (unchanged) has its dot on the right; line 2 gets a dot on the left.
    first = centred([120], "right", rows=(60, 80))
    full = centred([60, 40], "left")
    stripped = centred([60, 40], None)
    for image in (full, stripped):
        image.paste(first.crop((0, 40, 400, 100)), (0, 40))
    assert changed_band(ink_mask(full), ink_mask(stripped)) is not None
    assert locate_trailing_punctuation(full, stripped).verdict == "left"
