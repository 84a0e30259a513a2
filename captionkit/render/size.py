"""Frame sizes: ``1920x1080``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from captionkit.errors import UsageError


@dataclass(frozen=True, slots=True)
class Size:
    """A frame's width and height in pixels.

    >>> Size.parse("1080x1920")
    Size(width=1080, height=1920)
    """

    width: int
    height: int

    @classmethod
    def parse(cls, text: str) -> Size:
        """``WIDTHxHEIGHT`` to a size; even numbers, as video encoders want."""
        match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", text)
        if not match:
            raise UsageError(f"a size is WIDTHxHEIGHT, like 1920x1080, not {text!r}")
        width, height = int(match[1]), int(match[2])
        if not (16 <= width <= 8192 and 16 <= height <= 8192):
            raise UsageError(f"size {text!r} is out of range (16 to 8192 pixels a side)")
        return cls(width, height)

    def __str__(self) -> str:
        return f"{self.width}x{self.height}"
