"""Draw cues with Pillow and its raqm layout engine (FriBiDi + HarfBuzz).

Each line is its own paragraph: raqm finds its base direction from its first
strong character (rule P2), as a WebVTT renderer does, reorders it and shapes
it. Lines are centred at the bottom of the frame, white on black with a thin
outline, like the other two engines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from captionkit.render.errors import RendererMissing
from captionkit.render.fonts import Font
from captionkit.render.size import Size

if TYPE_CHECKING:
    from PIL.Image import Image


@dataclass(frozen=True, slots=True)
class RaqmStyle:
    """Font size, bottom margin and line spacing as shares of the frame's height."""

    font_size: float = 0.06
    margin_bottom: float = 0.06
    line_spacing: float = 1.45


def require_raqm() -> None:
    """:class:`RendererMissing` unless Pillow has raqm (it needs FriBiDi at run time)."""
    try:
        from PIL import features
    except ImportError:
        raise RendererMissing(
            "Pillow is not installed: reinstall captionkit, which depends on it"
        ) from None
    if not features.check("raqm"):
        raise RendererMissing(
            "Pillow has no raqm layout (the wheel needs libfribidi: apt-get install libfribidi0)"
        )


def render_text(text: str, size: Size, font: Font, style: RaqmStyle | None = None) -> Image:
    """One RGB image of a cue text (lines split on ``\\n``), bottom-centred."""
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    require_raqm()
    chosen = style or RaqmStyle()
    pixels = max(8, round(chosen.font_size * size.height))
    face = ImageFont.truetype(str(font.path), pixels, layout_engine=ImageFont.Layout.RAQM)
    image = PILImage.new("RGB", (size.width, size.height), "black")
    draw = ImageDraw.Draw(image)
    lines = text.split("\n")
    step = round(pixels * chosen.line_spacing)
    baseline = size.height - round(chosen.margin_bottom * size.height)
    for index, line in enumerate(lines):
        y = baseline - (len(lines) - 1 - index) * step
        draw.text(
            (size.width / 2, y),
            line,
            font=face,
            fill="white",
            anchor="ms",
            stroke_width=max(1, pixels // 24),
            stroke_fill="black",
        )
    return image


def render_texts(
    texts: Sequence[str], size: Size, font: Font, style: RaqmStyle | None = None
) -> list[Image]:
    """One image per cue text."""
    return [render_text(text, size, font, style) for text in texts]
