"""The pixel method: where did a line's trailing punctuation land?

Draw a line with and without its trailing punctuation, slide the second image
sideways until it best covers the first, and look at the ink that is left: the
punctuation's own. Its place along the line's ink says whether the renderer put
it at the left end of the Arabic text (correct for a right-to-left line) or at
the right end (what a left-to-right base direction does).

Images are light text on a dark background (the engines draw white on black).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from PIL.Image import Image

Verdict = Literal["left", "right", "middle", "none"]
InkMask = npt.NDArray[np.bool_]

#: Luminance above which a pixel counts as ink.
INK_THRESHOLD = 128
#: The residual's centre must lie within this share of the line's width from an end.
END_ZONE = 0.2


@dataclass(frozen=True, slots=True)
class Placement:
    """Where the extra ink of the full line sits along its last changed text line.

    ``position`` is the residual ink's centre from the line's left ink edge (0.0)
    to its right ink edge (1.0); ``extra_pixels`` how much ink the punctuation
    added after the best alignment; ``shift`` the alignment in pixels.
    """

    verdict: Verdict
    position: float
    extra_pixels: int
    line_left: int
    line_right: int
    shift: int

    @property
    def correct_for_rtl(self) -> bool:
        """The punctuation ended at the left end of the right-to-left line."""
        return self.verdict == "left"

    def describe(self) -> str:
        return f"{self.verdict} ({self.position:.2f} of the line, {self.extra_pixels} px)"


def ink_mask(image: Image) -> InkMask:
    """Pixels brighter than :data:`INK_THRESHOLD`."""
    gray = np.asarray(image.convert("L"), dtype=np.uint8)
    return gray > INK_THRESHOLD


def ink_bounds(mask: InkMask) -> tuple[int, int, int, int] | None:
    """``(left, top, right, bottom)`` of the ink (right and bottom exclusive), or None."""
    rows = np.flatnonzero(mask.any(axis=1))
    columns = np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:
        return None
    return int(columns[0]), int(rows[0]), int(columns[-1]) + 1, int(rows[-1]) + 1


def changed_band(full: InkMask, stripped: InkMask) -> tuple[int, int] | None:
    """The rows of the lowest text line that differs between the two images.

    A cue's other lines are drawn the same in both images and drop out. The
    rows that differ are grouped into lines: a gap wider than 1% of the image's
    height separates two text lines (dots and descenders leave smaller gaps).
    """
    rows = np.flatnonzero((full != stripped).any(axis=1))
    if rows.size == 0:
        return None
    gap = max(3, full.shape[0] // 100)
    bottom = top = int(rows[-1])
    for row in rows[::-1]:
        if top - int(row) > gap:
            break
        top = int(row)
    return top, bottom + 1


def _shifted(mask: InkMask, shift: int) -> InkMask:
    out = np.zeros_like(mask)
    if shift >= 0:
        out[:, shift:] = mask[:, : mask.shape[1] - shift]
    else:
        out[:, :shift] = mask[:, -shift:]
    return out


def _grown(mask: InkMask) -> InkMask:
    """The mask grown by one pixel sideways, so sub-pixel edge differences drop out."""
    out = mask.copy()
    out[:, 1:] |= mask[:, :-1]
    out[:, :-1] |= mask[:, 1:]
    return out


def _densest_column(residual: InkMask, window: int) -> float:
    """The centre of the ``window`` columns holding the most residual ink.

    Left-over edge pixels are spread thinly along the line; the punctuation
    mark is one compact blob, so the densest window finds it.
    """
    counts = residual.sum(axis=0).astype(np.float64)
    kernel = np.ones(window)
    density = np.convolve(counts, kernel, mode="same")
    peak = int(np.argmax(density))
    low, high = max(0, peak - window), min(len(counts), peak + window + 1)
    part = counts[low:high]
    if part.sum() == 0:
        return float(peak)
    return float(np.average(np.arange(low, high), weights=part))


def locate_trailing_punctuation(full: Image, stripped: Image) -> Placement:
    """Where the ink of ``full`` that ``stripped`` lacks lies along the changed line."""
    full_mask = ink_mask(full)
    stripped_mask = ink_mask(stripped)
    band = changed_band(full_mask, stripped_mask)
    if band is None:
        return Placement("none", 0.5, 0, 0, 0, 0)
    full_band = full_mask[band[0] : band[1]]
    stripped_band = stripped_mask[band[0] : band[1]]
    full_box = ink_bounds(full_band)
    stripped_box = ink_bounds(stripped_band)
    if full_box is None:
        return Placement("none", 0.5, 0, 0, 0, 0)
    left, _, right, _ = full_box
    if stripped_box is None:
        return Placement("middle", 0.5, int(full_band.sum()), left, right, 0)
    low = min(left - stripped_box[0], right - stripped_box[2]) - 3
    high = max(left - stripped_box[0], right - stripped_box[2]) + 3
    best_shift, best_residual = 0, full_band
    best_cost = -1
    for shift in range(low, high + 1):
        moved = _grown(_shifted(stripped_band, shift))
        residual = full_band & ~moved
        cost = int(np.count_nonzero(residual))
        if best_cost < 0 or cost < best_cost:
            best_cost, best_shift, best_residual = cost, shift, residual
    extra = int(best_residual.sum())
    if extra == 0:
        return Placement("none", 0.5, 0, left, right, best_shift)
    centre = _densest_column(best_residual, window=max(3, (band[1] - band[0]) // 3))
    position = (centre - left) / max(1, right - left)
    verdict: Verdict
    if position <= END_ZONE:
        verdict = "left"
    elif position >= 1 - END_ZONE:
        verdict = "right"
    else:
        verdict = "middle"
    return Placement(verdict, round(position, 3), extra, left, right, best_shift)
