"""The Arabic font every engine draws with, installed from PyPI.

``fontpkg-noto-sans-arabic`` (part of the ``render`` extra) ships Noto Sans
Arabic, which also covers Latin letters, digits and brackets, so one font draws
a mixed line the same way in all three engines. ``--font`` overrides it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from captionkit.render.errors import RendererMissing, RenderExtraMissing

DEFAULT_FAMILY = "Noto Sans Arabic"


@dataclass(frozen=True, slots=True)
class Font:
    """A font file and the family name libass and CSS know it by."""

    path: Path
    family: str


def default_font_path() -> Path:
    """The packaged Noto Sans Arabic file."""
    try:
        import fontpkg
    except ImportError:
        raise RenderExtraMissing("the packaged Arabic font (fontpkg-noto-sans-arabic)") from None
    try:
        return Path(fontpkg.path(DEFAULT_FAMILY))
    except Exception:
        raise RendererMissing(
            f"the font {DEFAULT_FAMILY!r} is not installed: pip install fontpkg-noto-sans-arabic"
        ) from None


def family_name(path: Path) -> str:
    """The family name stored in a font file (what libass matches ``FontName`` against)."""
    try:
        from PIL import ImageFont
    except ImportError:
        raise RenderExtraMissing("Pillow") from None
    try:
        family, _style = ImageFont.truetype(str(path), 20).getname()
    except OSError as error:
        raise RendererMissing(f"cannot open the font: {error}", file=str(path)) from None
    return family or path.stem


def resolve_font(path: str | Path | None = None) -> Font:
    """The font to draw with: ``path`` when given (``--font``), else the packaged one."""
    chosen = Path(path) if path is not None else default_font_path()
    if not chosen.is_file():
        raise RendererMissing("no such font file", file=str(chosen), parameter="font")
    return Font(path=chosen, family=family_name(chosen))
