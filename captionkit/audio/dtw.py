"""Dynamic time warping in a band, in memory linear in the sequence length, numpy only.

Rows are the synthesized frames, columns the real ones; both are unit vectors,
so the cost of a cell is one minus a cosine similarity. Row ``i`` only looks at
columns ``lo[i] .. lo[i] + width - 1`` (a band that follows a guide path), so a
pass costs ``rows x width`` cells, never ``rows x columns``.

The whole path is found coarse to fine (:func:`align_path`): a first pass on
features pooled to 320 ms frames in a wide band around the diagonal, then
passes at 40 ms and 10 ms in narrow bands around the path the previous one
found. The fine passes cut the rows into overlapping blocks that run side by
side (one Python loop over the rows of a block, numpy across the blocks), which
is what keeps a two-hour narration to seconds.

Each cell is reached by a diagonal step (which pays the cell's cost twice), a
vertical or a horizontal one (once): the symmetric weighting, under which every
path weighs the same and a short path is not favoured; a vertical or
horizontal step also pays :data:`STEP_PENALTY`, so that holding a frame is
not free where the frames barely differ. Inside a row the
horizontal steps form a running minimum::

    D[k] = min(A[k], D[k-1] + C[k])  =>  D[k] = P[k] + min_{m<=k} (A[m] - P[m])

with ``A`` the best arrival from the row above and ``P`` the running sum of the
row's costs (each with the penalty), so a whole row is a handful of vectorised operations.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

_DIAGONAL, _VERTICAL, _HORIZONTAL, _START = 0, 1, 2, 3
_INF = np.float64(1e18)
#: Cost added to each vertical or horizontal step: the path keeps pace unless the frames say otherwise.
#:
#: Under the symmetric weights a staircase of vertical and horizontal steps
#: costs what the diagonal through the same cells costs, so the path could
#: hold one synthesized frame over 440 ms of real speech and make up for it
#: later at no price (gaenswein15: "außerordentliche" stretched over "Form
#: des", the next three words 320-490 ms late). A small price per held step
#: keeps the pace where the similarities barely differ. 0.15 leaves that
#: path; 0.3 squeezes two quiet words at the file's end into one frame
#: ("Emeritor so", whose last words whisper places past the file's end).
#:
#: Where every similarity is poor (radio under static: 0.1-0.3), squeezing a
#: clause into one real frame and holding one synthesized frame over the
#: clause's audio cost hardly more than the diagonal through it, and the
#: path did so to reach a real pause a clause later (apollo11: "problem,"
#: held over "we'll let you know where the end of", those eight words
#: reported missing). 0.25 gives the diagonal that margin; 0.2 -> 0.25 took
#: apollo11 from 635/3374 ms (16 missing) to 390/2755 (7 missing) and left
#: the other recordings within 5 ms.
STEP_PENALTY = 0.25
#: Half-width of a finer pass's band, in frames of the coarser pass around its path.
BAND = 6

Floats = npt.NDArray[np.float32]
Ints = npt.NDArray[np.int64]


def pool(features: Floats, factor: int) -> Floats:
    """Average ``factor`` consecutive frames (the last group may be shorter).

    Each pooled row is scaled back to the mean length of its members, so unit
    rows stay unit rows and longer (weighted) rows keep their weight.
    """
    if factor <= 1 or len(features) == 0:
        return features
    groups = -(-len(features) // factor)
    padded = np.zeros((groups * factor, features.shape[1]), np.float32)
    padded[: len(features)] = features
    counts = np.full(groups, factor, np.float32)
    counts[-1] = len(features) - (groups - 1) * factor
    pooled = padded.reshape(groups, factor, -1).sum(axis=1) / counts[:, None]
    member = np.linalg.norm(padded, axis=1).reshape(groups, factor).sum(axis=1) / counts
    norms = np.linalg.norm(pooled, axis=1) + 1e-8
    out: Floats = (pooled * (member / norms)[:, None]).astype(np.float32)
    return out


Filled = tuple[npt.NDArray[np.int8], npt.NDArray[np.float64], Ints]


def _run_blocks(
    rows: Floats, columns: Floats, first: Ints, length: int, lo: Ints, width: int
) -> Filled:
    """Fill the DTW of several row blocks at once; blocks start at rows ``first`` and run ``length`` rows.

    Returns each cell's step (``[block, row, k]``), the last row's costs and each
    row's cheapest cell. A block's first row starts fresh (any column of its band
    may begin the path), and so does a row no path can reach (the band jumped past
    audio the words do not cover): the backtrack goes on from the row above's cheapest cell.
    """
    blocks, steps = len(first), np.zeros((len(first), length, width), np.int8)
    row_best = np.zeros((blocks, length), np.int64)
    ks, every = np.arange(width), np.arange(blocks)[:, None]
    reach = np.arange(width + 1)  # the row above, from column k - 1 (diagonal) to k (vertical)
    walls = (np.full((blocks, 1), _INF), np.full((blocks, width + 1), _INF))
    previous = np.zeros((blocks, width), np.float64)
    previous_lo = lo[np.minimum(first, len(rows) - 1)]
    for r in range(length):
        done = first + r >= len(rows)
        index = np.minimum(first + r, len(rows) - 1)
        row_lo = lo[index]
        cols = row_lo[:, None] + ks[None, :]
        similarity = np.einsum(
            "bd,bkd->bk", rows[index], columns[np.minimum(cols, len(columns) - 1)]
        )
        cost = np.where(cols < len(columns), 1.0 - similarity.astype(np.float64), _INF)
        if r == 0:
            anchored = (first == 0)[:, None]
            steps[:, 0, 1:] = np.where(anchored, _HORIZONTAL, _DIAGONAL)
            previous = np.where(anchored, np.cumsum(cost, axis=1), cost)
            previous_lo = row_lo
            row_best[:, 0] = np.argmin(previous, axis=1)
            continue
        # above[:, j] is the row above at this row's column j - 1 (INF outside its band)
        shift = np.minimum(row_lo - previous_lo, width + 1)[:, None]
        above = np.concatenate([walls[0], previous, walls[1]], axis=1)[every, shift + reach]
        # symmetric weights: a diagonal step pays its cell twice, so no path
        # is cheaper for being shorter (every path weighs rows + columns)
        diagonal = above[:, :-1] + 2.0 * cost
        vertical = above[:, 1:] + cost + STEP_PENALTY
        running = np.cumsum(cost + STEP_PENALTY, axis=1)
        arrival = np.minimum(vertical, diagonal) - running
        best = np.minimum.accumulate(arrival, axis=1)
        total = running + best
        choice = np.where(diagonal <= vertical, _DIAGONAL, _VERTICAL).astype(np.int8)
        choice[best < arrival] = _HORIZONTAL
        unreachable = total.min(axis=1) >= _INF / 2
        if unreachable.any():
            total[unreachable] = cost[unreachable]
            choice[unreachable] = _START
        choice[done] = _VERTICAL
        steps[:, r] = choice
        previous = np.where(done[:, None], previous, total)
        previous_lo = np.where(done, previous_lo, row_lo)
        row_best[:, r] = np.argmin(previous, axis=1)
    return steps, previous, row_best


def _backtrack(
    steps: npt.NDArray[np.int8], lo: Ints, first: Ints, rows: int, end_k: Ints, row_best: Ints
) -> tuple[Ints, Ints]:
    """For each block, the first and last column of the path in each of its rows (global columns)."""
    blocks, length, _ = steps.shape
    low = np.zeros((blocks, length), np.int64)
    high = np.zeros((blocks, length), np.int64)
    last_row = np.minimum(first + length, rows) - first - 1
    r = last_row.copy()
    k = end_k.copy()
    every = np.arange(blocks)

    def row_lo_of(b: Ints, rr: Ints) -> Ints:
        out: Ints = lo[np.minimum(first[b] + rr, rows - 1)]
        return out

    col = row_lo_of(every, r) + k
    high[np.arange(blocks), r] = col
    low[np.arange(blocks), r] = col
    active = r >= 0
    while active.any():
        b = np.nonzero(active)[0]
        step = steps[b, r[b], k[b]]
        at_start = r[b] == 0
        horizontal = (step == _HORIZONTAL) & (k[b] > 0)
        stop = at_start & ~horizontal
        move = ~stop
        bm = b[move]
        sm = step[move]
        hm = horizontal[move]
        new_r = np.where(hm, r[bm], r[bm] - 1)
        here = row_lo_of(bm, r[bm]) + k[bm]
        new_col = np.where(hm | (sm == _DIAGONAL), here - 1, here)
        # a restart: the path above ends at that row's cheapest cell
        restart = sm == _START
        if restart.any():
            above = np.maximum(new_r[restart], 0)
            new_col[restart] = row_lo_of(bm[restart], above) + row_best[bm[restart], above]
        r[bm] = new_r
        k[bm] = new_col - row_lo_of(bm, new_r)
        low[bm, new_r] = new_col
        fresh = ~hm
        high[bm[fresh], new_r[fresh]] = new_col[fresh]
        active[b[stop]] = False
    return low, high


def banded(
    rows: Floats, columns: Floats, lo: Ints, width: int, *, block: int = 0, overlap: int = 0
) -> tuple[Ints, Ints]:
    """First and last matched column of every row, DTW in the band ``lo[i] .. lo[i] + width``.

    With ``block`` > 0 the rows are cut into blocks of ``block`` rows, each run
    with ``overlap`` extra rows on both sides and only its middle kept: the
    extra rows let the path settle, so the seams do not show.
    """
    n = len(rows)
    width = max(1, min(width, len(columns)))
    lo = np.clip(lo, 0, max(0, len(columns) - width)).astype(np.int64)
    if block <= 0 or block >= n:
        first = np.array([0], np.int64)
        steps, last, row_best = _run_blocks(rows, columns, first, n, lo, width)
        end = np.array([int(np.argmin(last[0]))], np.int64)
        # the path ends at the last column when the band reaches it
        final = len(columns) - 1 - lo[n - 1]
        if 0 <= final < width:
            end[0] = final
        low, high = _backtrack(steps, lo, first, n, end, row_best)
        return low[0], high[0]
    starts = np.arange(0, n, block, dtype=np.int64)
    first = np.maximum(starts - overlap, 0)
    length = block + 2 * overlap
    low_all = np.zeros(n, np.int64)
    high_all = np.zeros(n, np.int64)
    steps, last, row_best = _run_blocks(rows, columns, first, length, lo, width)
    end = np.argmin(last, axis=1).astype(np.int64)
    final = len(columns) - 1 - lo[n - 1]
    if 0 <= final < width:
        end[first + length >= n] = final
    low, high = _backtrack(steps, lo, first, n, end, row_best)
    for b, start in enumerate(starts.tolist()):
        stop = min(start + block, n)
        offset = start - int(first[b])
        low_all[start:stop] = low[b, offset : offset + stop - start]
        high_all[start:stop] = high[b, offset : offset + stop - start]
    return low_all, high_all


def _guide(low: Ints, high: Ints, ratio: int, rows: int, half: int) -> Ints:
    """Band starts at a finer level from a coarser level's path (``ratio`` fine frames a coarse one)."""
    centre = (low + high + 1) * ratio / 2.0
    fine = np.interp(np.arange(rows) / ratio - 0.5 + 0.5 / ratio, np.arange(len(centre)), centre)
    return np.maximum.accumulate(np.round(fine - half).astype(np.int64))


#: Cells the first (coarsest) pass may hold when it runs on the whole matrix.
FIRST_PASS_CELLS = 6_000_000
#: Cells a first pass at 320 ms frames may hold in its band (12% of the columns either side).
BANDED_FIRST_PASS_CELLS = 30_000_000


def _levels(n: int, m: int) -> tuple[int, ...]:
    """The pooling factors to run, coarsest first.

    The first pass's band is a share of the columns, so its cost grows as the
    square of the length: past about an hour (30 million cells at 320 ms
    frames), it starts at 2.56 s frames instead. Not sooner: at that resolution
    the path can stray further than the next band reaches (a fast narrator
    reading a 17-minute script that repeats its sentences went 53 s astray).

    >>> _levels(1_000, 2_000), _levels(50_000, 50_000), _levels(700_000, 700_000)
    ((1,), (32, 4, 1), (256, 32, 4, 1))
    """
    if n * m <= FIRST_PASS_CELLS:
        return (1,)
    if (n // 4 + 1) * (m // 4 + 1) <= FIRST_PASS_CELLS:
        return (4, 1)
    if (n // 32 + 1) * (m // 32 + 1) * 0.24 <= BANDED_FIRST_PASS_CELLS:
        return (32, 4, 1)
    return (256, 32, 4, 1)


def align_path(
    rows: Floats,
    columns: Floats,
    *,
    progress: Callable[[float], None] | None = None,
) -> tuple[Ints, Ints]:
    """The DTW path of two unit-vector sequences, coarse to fine; first and last column per row.

    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> a = rng.normal(size=(50, 13)).astype(np.float32)
    >>> a /= np.linalg.norm(a, axis=1, keepdims=True)
    >>> b = np.repeat(a, 2, axis=0)  # the same sequence, spoken twice as slowly
    >>> low, high = align_path(a, b)
    >>> bool((low == 2 * np.arange(50)).all())
    True
    """
    n, m = len(rows), len(columns)
    if n == 0 or m == 0:
        return np.zeros(n, np.int64), np.zeros(n, np.int64)
    levels = _levels(n, m)
    low = high = np.zeros(0, np.int64)
    previous = 0
    for step, factor in enumerate(levels):
        coarse_rows = pool(rows, factor)
        coarse_cols = pool(columns, factor)
        cn, cm = len(coarse_rows), len(coarse_cols)
        if step == 0:
            if cn * cm <= 6_000_000:
                lo = np.zeros(cn, np.int64)
                width = cm
            else:
                half = max(64, int(0.12 * cm))
                centre = np.arange(cn) * (cm / cn)
                lo = np.maximum.accumulate(np.round(centre - half).astype(np.int64))
                width = 2 * half + 1
            low, high = banded(coarse_rows, coarse_cols, lo, width)
        else:
            ratio = previous // factor
            half = BAND * ratio
            lo = _guide(low, high, ratio, cn, half)
            width = 2 * half + 1
            low, high = banded(coarse_rows, coarse_cols, lo, width, block=400, overlap=100)
        previous = factor
        if progress is not None:
            progress((step + 1) / len(levels))
    return low, high
