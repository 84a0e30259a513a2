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
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_DIAGONAL, _VERTICAL, _HORIZONTAL, _START, _JUMP = 0, 1, 2, 3, 4
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
Floats64 = npt.NDArray[np.float64]
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


@dataclass(frozen=True, slots=True)
class Skips:
    """Stretches of rows the path may cross in one step, staying in one column, at a price.

    Row ``source[i]`` may go straight to row ``target[i]`` (the rows between are
    held on that column) for ``price[i]``, or for ``pause_price[i]`` on a
    column whose ``room`` (say, the length of the real pause it stands for) is
    at least ``need[i]``: a clause of the script with no audio of its own is
    skipped whole instead of being squeezed into the speech beside it. The
    stretches follow one another (``source[i] < target[i] <= source[i + 1]``).
    """

    source: Ints
    target: Ints
    price: npt.NDArray[np.float64]
    pause_price: npt.NDArray[np.float64]
    need: npt.NDArray[np.float64]
    room: npt.NDArray[np.float64]

    def pooled(self, factor: int) -> Skips:
        """The same stretches on rows pooled ``factor`` to one (:func:`pool`); priced per pooled row."""
        if factor <= 1:
            return self
        source, target = self.source // factor, self.target // factor
        keep = target - source >= 2
        return Skips(
            source[keep],
            target[keep],
            self.price[keep] / factor,
            self.pause_price[keep] / factor,
            self.need[keep],
            _pool_max(self.room, factor),
        )

    def dense(self, rows: int) -> tuple[Ints, npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
        """Per row: the source of the jump landing there (-1 for none), its prices (anywhere, with room) and need, whether a jump leaves it."""
        source_of = np.full(rows, -1, np.int64)
        price_of = np.zeros((rows, 3), np.float64)
        leaves = np.zeros(rows, bool)
        inside = (self.target < rows) & (self.source >= 0)
        source_of[self.target[inside]] = self.source[inside]
        price_of[self.target[inside], 0] = self.price[inside]
        price_of[self.target[inside], 1] = self.pause_price[inside]
        price_of[self.target[inside], 2] = self.need[inside]
        leaves[self.source[inside]] = True
        return source_of, price_of, leaves


def _pool_max(values: npt.NDArray[np.float64], factor: int) -> npt.NDArray[np.float64]:
    """The largest of ``factor`` consecutive values (the last group may be shorter), grouped as :func:`pool` does."""
    if factor <= 1 or len(values) == 0:
        return values
    groups = -(-len(values) // factor)
    padded = np.full(groups * factor, -np.inf)
    padded[: len(values)] = values
    out: npt.NDArray[np.float64] = padded.reshape(groups, factor).max(axis=1)
    return out


Filled = tuple[npt.NDArray[np.int8], npt.NDArray[np.float64], Ints]


def _costs(rows: Floats, columns: Floats, cols: Ints) -> Floats64:
    """One minus the similarity of each block's row to the columns ``cols`` of its band (INF past the end)."""
    similarity = np.einsum("bd,bkd->bk", rows, columns[np.minimum(cols, len(columns) - 1)])
    out: Floats64 = np.where(cols < len(columns), 1.0 - similarity.astype(np.float64), _INF)
    return out


class _Held:
    """The costs of each block's last row a skip leaves from, kept until the row where it lands.

    Only a skip whose source lies in the block can land in it.
    """

    def __init__(self, skips: Skips | None, rows: int, blocks: int, width: int) -> None:
        ks = np.arange(width)
        none = Skips(ks[:0], ks[:0], *([np.zeros(0, np.float64)] * 4))
        self.source_of, self.price_of, self.leaves = (skips or none).dense(rows)
        self.room = (skips or none).room
        self.saved = np.full((blocks, width), _INF)
        self.saved_lo = np.zeros(blocks, np.int64)
        self.saved_row = np.full(blocks, -1, np.int64)
        self.every, self.ks = np.arange(blocks)[:, None], ks[None, :]

    def save(self, index: Ints, done: npt.NDArray[np.bool_], costs: Floats64, row_lo: Ints) -> None:
        """Keep the costs of the blocks whose row ``index`` a skip leaves from."""
        leaving = self.leaves[index] & ~done
        if leaving.any():
            self.saved[leaving] = costs[leaving]
            self.saved_lo[leaving] = row_lo[leaving]
            self.saved_row[leaving] = index[leaving]

    def landing(
        self, index: Ints, done: npt.NDArray[np.bool_], row_lo: Ints, cols: Ints, cost: Floats64
    ) -> Floats64 | None:
        """Each cell's cost when reached by the skip landing on row ``index`` (None: no skip lands)."""
        source = self.source_of[index]
        landing = (source >= 0) & (self.saved_row == source) & ~done
        if not landing.any():
            return None
        width = self.saved.shape[1]
        shift = np.minimum(row_lo - self.saved_lo, width)[:, None]
        held = np.concatenate([self.saved, np.full_like(self.saved, _INF)], axis=1)
        prices = self.price_of[index]
        room = self.room[np.minimum(cols, len(self.room) - 1)] if len(self.room) else 0 * cost
        price = np.where(room >= prices[:, 2:3], prices[:, 1:2], prices[:, 0:1])
        jumped: Floats64 = held[self.every, shift + self.ks] + cost + price
        jumped[~landing] = _INF
        return jumped


def _advance(
    previous: Floats64, shift: Ints, cost: Floats64, jumped: Floats64 | None
) -> tuple[Floats64, npt.NDArray[np.int8]]:
    """One row of the DTW from the row above (its band ``shift`` columns to the left): costs and steps.

    ``jumped``: each cell's cost when a skip lands there (None: no skip lands on this row).
    """
    blocks, width = cost.shape
    # above[:, j] is the row above at this row's column j - 1 (INF outside its band)
    walls = (np.full((blocks, 1), _INF), np.full((blocks, width + 1), _INF))
    reach = shift[:, None] + np.arange(width + 1)
    above = np.concatenate([walls[0], previous, walls[1]], axis=1)[
        np.arange(blocks)[:, None], reach
    ]
    # symmetric weights: a diagonal step pays its cell twice, so no path
    # is cheaper for being shorter (every path weighs rows + columns)
    diagonal = above[:, :-1] + 2.0 * cost
    vertical = above[:, 1:] + cost + STEP_PENALTY
    running = np.cumsum(cost + STEP_PENALTY, axis=1)
    stepped = np.minimum(vertical, diagonal)
    choice = np.where(diagonal <= vertical, _DIAGONAL, _VERTICAL).astype(np.int8)
    if jumped is not None:
        choice[jumped < stepped] = _JUMP
        stepped = np.minimum(stepped, jumped)
    arrival = stepped - running
    best = np.minimum.accumulate(arrival, axis=1)
    total: Floats64 = running + best
    choice[best < arrival] = _HORIZONTAL
    # a row no path reaches (the band jumped): it starts afresh
    unreachable = total.min(axis=1) >= _INF / 2
    total[unreachable], choice[unreachable] = cost[unreachable], _START
    return total, choice


def _run_blocks(
    rows: Floats,
    columns: Floats,
    first: Ints,
    length: int,
    lo: Ints,
    width: int,
    skips: Skips | None = None,
) -> Filled:
    """Fill the DTW of several row blocks at once; blocks start at rows ``first`` and run ``length`` rows.

    Returns each cell's step (``[block, row, k]``), the last row's costs and each
    row's cheapest cell. A block's first row starts fresh (any column of its band
    may begin the path), and so does a row no path can reach (the band jumped past
    audio the words do not cover): the backtrack goes on from the row above's cheapest cell.
    A row where one of ``skips`` lands is also reached from its source row (:class:`_Held`).
    """
    blocks, steps = len(first), np.zeros((len(first), length, width), np.int8)
    row_best = np.zeros((blocks, length), np.int64)
    ks = np.arange(width)
    previous = np.zeros((blocks, width), np.float64)
    previous_lo = lo[np.minimum(first, len(rows) - 1)]
    held = _Held(skips, len(rows), blocks, width)
    for r in range(length):
        done = first + r >= len(rows)
        index = np.minimum(first + r, len(rows) - 1)
        row_lo = lo[index]
        cols = row_lo[:, None] + ks[None, :]
        cost = _costs(rows[index], columns, cols)
        if r == 0:
            # a block at the first row starts at column 0; the others start anywhere
            anchored = (first == 0)[:, None]
            choice = np.where(anchored & (ks > 0), _HORIZONTAL, _DIAGONAL).astype(np.int8)
            total = np.where(anchored, np.cumsum(cost, axis=1), cost)
        else:
            shift = np.minimum(row_lo - previous_lo, width + 1)
            jumped = held.landing(index, done, row_lo, cols, cost)
            total, choice = _advance(previous, shift, cost, jumped)
        choice[done] = _VERTICAL
        steps[:, r] = choice
        previous = np.where(done[:, None], previous, total)
        previous_lo = np.where(done, previous_lo, row_lo)
        row_best[:, r] = np.argmin(previous, axis=1)
        held.save(index, done, previous, row_lo)
    return steps, previous, row_best


def _hold_skipped(
    low: Ints,
    high: Ints,
    source_of: Ints,
    first: Ints,
    blocks: Ints,
    r: Ints,
    here: Ints,
    new_r: Ints,
    jump: npt.NDArray[np.bool_],
) -> None:
    """For the paths that came by a skip: hold the rows it crossed on its column, go on from its source."""
    rows = len(source_of)
    for j in np.flatnonzero(jump).tolist():
        block, row = int(blocks[j]), int(r[blocks[j]])
        source = int(source_of[min(int(first[block]) + row, rows - 1)]) - int(first[block])
        low[block, source + 1 : row] = here[j]
        high[block, source + 1 : row] = here[j]
        new_r[j] = source


def _backtrack(
    steps: npt.NDArray[np.int8],
    lo: Ints,
    first: Ints,
    rows: int,
    end_k: Ints,
    row_best: Ints,
    source_of: Ints | None = None,
) -> tuple[Ints, Ints]:
    """For each block, the first and last column of the path in each of its rows (global columns).

    A skip (``source_of``, see :class:`Skips`) holds the rows it crosses on its column.
    """
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
        if source_of is not None and (sm == _JUMP).any():
            _hold_skipped(low, high, source_of, first, bm, r, here, new_r, sm == _JUMP)
        r[bm] = new_r
        k[bm] = new_col - row_lo_of(bm, new_r)
        low[bm, new_r] = new_col
        fresh = ~hm
        high[bm[fresh], new_r[fresh]] = new_col[fresh]
        active[b[stop]] = False
    return low, high


def banded(
    rows: Floats,
    columns: Floats,
    lo: Ints,
    width: int,
    *,
    block: int = 0,
    overlap: int = 0,
    skips: Skips | None = None,
) -> tuple[Ints, Ints]:
    """First and last matched column of every row, DTW in the band ``lo[i] .. lo[i] + width``.

    With ``block`` > 0 the rows are cut into blocks of ``block`` rows, each run
    with ``overlap`` extra rows on both sides and only its middle kept: the
    extra rows let the path settle, so the seams do not show. ``skips``: rows
    the path may cross in one step (:class:`Skips`).
    """
    n = len(rows)
    source_of = None if skips is None else skips.dense(n)[0]
    width = max(1, min(width, len(columns)))
    lo = np.clip(lo, 0, max(0, len(columns) - width)).astype(np.int64)
    if block <= 0 or block >= n:
        first = np.array([0], np.int64)
        steps, last, row_best = _run_blocks(rows, columns, first, n, lo, width, skips)
        end = np.array([int(np.argmin(last[0]))], np.int64)
        # the path ends at the last column when the band reaches it
        final = len(columns) - 1 - lo[n - 1]
        if 0 <= final < width:
            end[0] = final
        low, high = _backtrack(steps, lo, first, n, end, row_best, source_of)
        return low[0], high[0]
    starts = np.arange(0, n, block, dtype=np.int64)
    first = np.maximum(starts - overlap, 0)
    length = block + 2 * overlap
    low_all = np.zeros(n, np.int64)
    high_all = np.zeros(n, np.int64)
    steps, last, row_best = _run_blocks(rows, columns, first, length, lo, width, skips)
    end = np.argmin(last, axis=1).astype(np.int64)
    final = len(columns) - 1 - lo[n - 1]
    if 0 <= final < width:
        end[first + length >= n] = final
    low, high = _backtrack(steps, lo, first, n, end, row_best, source_of)
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
    skips: Skips | None = None,
) -> tuple[Ints, Ints]:
    """The DTW path of two unit-vector sequences, coarse to fine; first and last column per row.

    ``skips``: stretches of rows the path may cross in one step (:class:`Skips`).

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
        coarse_skips = None if skips is None else skips.pooled(factor)
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
            low, high = banded(coarse_rows, coarse_cols, lo, width, skips=coarse_skips)
        else:
            ratio = previous // factor
            half = BAND * ratio
            lo = _guide(low, high, ratio, cn, half)
            width = 2 * half + 1
            low, high = banded(
                coarse_rows, coarse_cols, lo, width, block=400, overlap=100, skips=coarse_skips
            )
        previous = factor
        if progress is not None:
            progress((step + 1) / len(levels))
    return low, high
