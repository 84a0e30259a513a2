"""A textbook DTW to test the banded, coarse-to-fine one against: full matrix, plain loops."""

from __future__ import annotations

import numpy as np

from captionkit.audio.dtw import STEP_PENALTY


def reference_dtw(
    a: np.ndarray,
    b: np.ndarray,
    skip: tuple[int, int] | None = None,
    prices: tuple[float, float] = (0.0, 0.0),
    room: np.ndarray | None = None,
) -> float:
    """Symmetric DTW (diagonal steps weigh 2), each vertical or horizontal step after the first
    row paying ``STEP_PENALTY``; with ``skip``, one skip from row ``skip[0]`` to ``skip[1]``.

    The skip stays in its column and costs ``prices[1]`` where ``room`` is 1 or more (the
    skip's need), ``prices[0]`` elsewhere, plus the landing cell once.
    """
    cost = 1.0 - a @ b.T
    n, m = cost.shape
    total = np.full((n, m), np.inf)
    for i in range(n):
        for j in range(m):
            if i == 0:
                total[i, j] = cost[0, : j + 1].sum()
                continue
            best = total[i - 1, j] + cost[i, j] + STEP_PENALTY
            if skip is not None and i == skip[1]:
                price = prices[1] if room is not None and room[j] >= 1 else prices[0]
                best = min(best, total[skip[0], j] + cost[i, j] + price)
            if j > 0:
                best = min(
                    best,
                    total[i - 1, j - 1] + 2 * cost[i, j],
                    total[i, j - 1] + cost[i, j] + STEP_PENALTY,
                )
            total[i, j] = best
    return float(total[-1, -1])
