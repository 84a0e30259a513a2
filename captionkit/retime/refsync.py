"""Sync to a reference: take the timing from another timed file of the same video.

The reference may be in another language, from another release, with cues
missing, extra cues and a scene cut or inserted. So cues are paired by **time
pattern**, never by text, and the result is a **piecewise-linear** map: a few
segments, each ``t -> scale * t + offset``, as alass and ffsubsync do.

How (all steps on cue starts and ends, in milliseconds):

1. **Scale.** Candidate scales are the ratios between common frame rates
   (23.976, 24, 25, 29.97, 30 and their doubles) and 1. For each, every pair
   (cue, reference cue) with compatible durations (an even sample of at most
   500 x 2000 cues in long files) votes for the offset
   ``reference start - scale * start``; the scale whose offset histogram has
   the tallest peaks wins. The true map makes hundreds of pairs agree to within
   the jitter; a wrong scale smears them over seconds.
2. **Candidate offsets**: the histogram's peaks at that scale (each refined to
   the median of its votes; at most 2000 cues vote, against every reference cue).
3. **Segmentation** by dynamic programming over the cues: each cue takes one
   candidate map; it scores when a reference cue starts and ends where the map
   puts it; changing map between two cues costs a penalty, so a jump is taken
   only when several cues on its far side agree.
4. **Fit.** Each segment's map is refitted by least squares on its matched
   cues (starts and ends, outliers dropped), which also absorbs a scale that
   was not exactly a candidate; steps 3-4 run twice, the second time with the
   fitted maps as candidates.
5. **Unplaced cues**: unmatched cues between the last match of one segment and
   the first of the next could belong to either side. They are mapped by the
   segment the DP chose and listed in :attr:`ReferenceFit.unplaced`, with the
   cues of segments that chance made (few matches, or matches out of order:
   a scene the reference does not have) and the unmatched cues at either end that the map puts outside the reference's
   time span (their timing is an extrapolation nothing confirms).

Every cue, matched or not, is mapped by its segment, so a cue the reference
lacks still gets the right time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise

from captionkit.errors import MissingExtra, TimingError

try:
    import numpy as np
    import numpy.typing as npt
except ImportError:
    raise MissingExtra(
        "timing from a reference file needs numpy: pip install 'captionkit[reference]'",
        parameter="reference",
    ) from None
from captionkit.model import Track

__all__ = ["ReferenceFit", "Segment", "candidate_scales", "fit_reference", "fit_times"]

FloatArray = npt.NDArray[np.float64]

_RATES = ("24000/1001", "24", "25", "30000/1001", "30")


def candidate_scales() -> tuple[float, ...]:
    """1 and the ratios between common frame rates (and their doubles), without repeats.

    >>> scales = candidate_scales()
    >>> 1.0 in scales and round(25 / (24000 / 1001), 9) in scales
    True
    """
    rates = [Fraction(rate) for rate in _RATES]
    rates += [rate * 2 for rate in rates]
    ratios = {round(float(a / b), 9) for a in rates for b in rates}
    return tuple(sorted(ratio for ratio in ratios if 0.7 <= ratio <= 1.45))


@dataclass(frozen=True, slots=True)
class Segment:
    """Cues ``first..last`` (0-based, inclusive) mapped by ``t -> scale * t + offset``."""

    first: int
    last: int
    scale: float
    offset: float
    matched: int


@dataclass(frozen=True, slots=True)
class ReferenceFit:
    """The fitted map and what it does to each cue.

    ``times`` are the new (start, end) of every cue, in order, unrounded;
    ``pairs`` maps a cue's index to the reference cue it matched (0-based);
    ``unplaced`` lists cues (0-based) whose segment is a guess;
    ``unused`` counts reference cues nothing matched (extra cues there).
    """

    times: tuple[tuple[float, float], ...]
    segments: tuple[Segment, ...]
    pairs: dict[int, int]
    unplaced: tuple[int, ...]
    unused: int


def fit_reference(track: Track, reference: Track, *, tolerance_ms: float = 200.0) -> ReferenceFit:
    """Fit ``track`` onto the timing of ``reference`` (see the module doc)."""
    cues = track.cues
    references = reference.cues
    if not cues:
        return ReferenceFit((), (), {}, (), len(references))
    if len(references) < 2:
        raise TimingError(
            "the reference has fewer than 2 cues: nothing to sync to",
            file=reference.source.path,
        )
    return fit_times(
        [(cue.start, cue.end) for cue in cues],
        sorted((cue.start, cue.end) for cue in references),
        tolerance_ms=tolerance_ms,
    )


def fit_times(
    times: Sequence[tuple[int, int]],
    reference: Sequence[tuple[int, int]],
    *,
    tolerance_ms: float = 200.0,
    jump_penalty: float = 3.0,
) -> ReferenceFit:
    """:func:`fit_reference` on bare ``(start, end)`` times; ``reference`` sorted by start.

    >>> from itertools import accumulate
    >>> starts = list(accumulate(1500 + k * k * 731 % 2000 for k in range(60)))
    >>> old = [(start, start + 800 + k * 397 % 1500) for k, start in enumerate(starts)]
    >>> new = [(s * 25 / 24 + 5000, e * 25 / 24 + 5000) for s, e in old][3:]  # first 3 missing
    >>> fit = fit_times(old, new)
    >>> old[0], [round(t, 1) for t in fit.times[0]], len(fit.segments), fit.unplaced
    ((1500, 2300), [6562.5, 7395.8], 1, (0, 1, 2))
    """
    starts = np.array([start for start, _ in times], dtype=np.float64)
    ends = np.array([end for _, end in times], dtype=np.float64)
    ref_starts = np.array([start for start, _ in reference], dtype=np.float64)
    ref_ends = np.array([end for _, end in reference], dtype=np.float64)
    scale = _best_scale(starts, ends, ref_starts, ref_ends, tolerance_ms)
    maps = _peak_offsets(starts, ends, ref_starts, ref_ends, scale, tolerance_ms)
    if not maps:
        raise TimingError("no cue lines up with the reference at any offset: is it the same video?")
    for _ in range(2):
        score, match = _scores(starts, ends, ref_starts, ref_ends, maps, tolerance_ms)
        choice = _segment(score, jump_penalty)
        maps = _refit(starts, ends, ref_starts, ref_ends, maps, choice, match, score)
    score, match = _scores(starts, ends, ref_starts, ref_ends, maps, tolerance_ms)
    choice, dissolved = _dissolve(_segment(score, jump_penalty), score, match)
    segments, unplaced, pairs = _summarize(choice, maps, score, match)
    unplaced = tuple(sorted(set(unplaced) | set(dissolved)))
    needed = max(3, math.ceil(0.2 * min(len(times), len(reference))))
    if len(pairs) < needed:
        raise TimingError(
            f"only {len(pairs)} of {len(times)} cues line up with the reference "
            f"(at least {needed} needed): is it the same video?"
        )
    new_times = tuple(
        (
            maps[choice[index]][0] * starts[index] + maps[choice[index]][1],
            maps[choice[index]][0] * ends[index] + maps[choice[index]][1],
        )
        for index in range(len(starts))
    )
    used = len(set(pairs.values()))
    outside = _beyond_the_reference(new_times, pairs, ref_starts, ref_ends, tolerance_ms)
    return ReferenceFit(
        times=tuple((float(start), float(end)) for start, end in new_times),
        segments=segments,
        pairs=pairs,
        unplaced=tuple(sorted(set(unplaced) | set(outside))),
        unused=len(reference) - used,
    )


def _dissolve(
    choice: list[int], score: FloatArray, match: npt.NDArray[np.int64]
) -> tuple[list[int], list[int]]:
    """Drop segments that chance made: few matches, or matches out of order.

    A segment is kept when at least 30 % of its cues (or 10 cues) match, and
    the reference cues it matches come after those of the last kept segment
    (pairing keeps the order). The cues of a dropped segment take the map of
    the kept segment before them (after, at the start) and are returned as
    unplaced: nothing in the reference confirms them.
    """
    runs = _runs(choice)
    kept: list[bool] = []
    last_reference = -1
    for first, last in runs:
        kind = choice[first]
        rows = [row for row in range(first, last + 1) if score[row, kind] > 0]
        strong = len(rows) >= 10 or len(rows) >= 0.3 * (last - first + 1)
        references = sorted(int(match[row, kind]) for row in rows)
        in_order = bool(references) and references[len(references) // 2] > last_reference
        keep = strong and in_order
        kept.append(keep)
        if keep:
            last_reference = max(last_reference, references[-1] - 2)
    if all(kept) or not any(kept):
        return choice, []
    fixed = list(choice)
    dissolved: list[int] = []
    for position, ((first, last), keep) in enumerate(zip(runs, kept, strict=True)):
        if keep:
            continue
        before = [runs[k] for k in range(position - 1, -1, -1) if kept[k]]
        after = [runs[k] for k in range(position + 1, len(runs)) if kept[k]]
        donor = choice[before[0][1]] if before else choice[after[0][0]]
        for row in range(first, last + 1):
            fixed[row] = donor
        dissolved.extend(range(first, last + 1))
    return fixed, dissolved


def _beyond_the_reference(
    new_times: Sequence[tuple[float, float]],
    pairs: dict[int, int],
    ref_starts: FloatArray,
    ref_ends: FloatArray,
    tolerance: float,
) -> list[int]:
    """Unmatched cues before the first match or after the last that the map puts
    outside the reference's time span: nothing there confirms them (extrapolated)."""
    if not pairs:
        return []
    first, last = min(pairs), max(pairs)
    earliest = float(ref_starts.min()) - tolerance
    latest = float(ref_ends.max()) + tolerance
    leading = [index for index in range(first) if new_times[index][0] < earliest]
    trailing = [index for index in range(last + 1, len(new_times)) if new_times[index][1] > latest]
    return leading + trailing


def _pairs_offsets(
    starts: FloatArray,
    ends: FloatArray,
    ref_starts: FloatArray,
    ref_ends: FloatArray,
    scale: float,
    tolerance: float,
) -> FloatArray:
    """Offsets voted by every (cue, reference cue) pair with compatible durations."""
    durations = (ends - starts) * scale
    ref_durations = ref_ends - ref_starts
    votes: list[FloatArray] = []
    block = max(1, 4_000_000 // max(1, len(ref_starts)))
    for begin in range(0, len(starts), block):
        part = slice(begin, begin + block)
        offsets = ref_starts[None, :] - scale * starts[part, None]
        compatible = np.abs(durations[part, None] - ref_durations[None, :]) <= (
            2 * tolerance + 0.15 * ref_durations[None, :]
        )
        votes.append(offsets[compatible])
    return np.concatenate(votes) if votes else np.zeros(0)


def _evenly(count: int, limit: int) -> npt.NDArray[np.int64]:
    """At most ``limit`` indexes spread evenly over ``range(count)`` (all when fewer)."""
    if count <= limit:
        return np.arange(count)
    return np.unique(np.linspace(0, count - 1, limit).round().astype(np.int64))


def _histogram(offsets: FloatArray, width: float) -> tuple[FloatArray, FloatArray]:
    low, high = float(offsets.min()), float(offsets.max())
    bins = max(1, math.ceil((high - low) / width) + 1)
    counts, edges = np.histogram(offsets, bins=bins, range=(low, low + bins * width))
    return counts.astype(np.float64), edges


def _best_scale(
    starts: FloatArray,
    ends: FloatArray,
    ref_starts: FloatArray,
    ref_ends: FloatArray,
    tolerance: float,
) -> float:
    # Long files: an even sample of both sides is enough to tell the scales apart.
    rows = _evenly(len(starts), 500)
    columns = _evenly(len(ref_starts), 2000)
    starts, ends = starts[rows], ends[rows]
    ref_starts, ref_ends = ref_starts[columns], ref_ends[columns]
    best, best_height = 1.0, -1.0
    for scale in candidate_scales():
        offsets = _pairs_offsets(starts, ends, ref_starts, ref_ends, scale, tolerance)
        if offsets.size == 0:
            continue
        counts, _ = _histogram(offsets, tolerance)
        # Two neighbouring bins: a peak may straddle a bin edge.
        paired = counts[:-1] + counts[1:] if counts.size > 1 else counts
        height = float(np.sort(paired)[-3:].sum())
        if height > best_height:
            best, best_height = scale, height
    return best


def _peak_offsets(
    starts: FloatArray,
    ends: FloatArray,
    ref_starts: FloatArray,
    ref_ends: FloatArray,
    scale: float,
    tolerance: float,
    limit: int = 40,
) -> list[tuple[float, float]]:
    """The tallest offset peaks at ``scale``, as candidate maps ``(scale, offset)``."""
    rows = _evenly(len(starts), 2000)
    offsets = _pairs_offsets(starts[rows], ends[rows], ref_starts, ref_ends, scale, tolerance)
    if offsets.size == 0:
        return []
    counts, edges = _histogram(offsets, tolerance)
    order = np.argsort(counts)[::-1]
    taken: list[int] = []
    for index in order:
        if counts[index] < 3 or len(taken) >= limit:
            break
        if any(abs(int(index) - other) <= 1 for other in taken):
            continue
        taken.append(int(index))
    maps: list[tuple[float, float]] = []
    for index in taken:
        low, high = edges[max(0, index - 1)], edges[min(len(edges) - 1, index + 2)]
        inside = offsets[(offsets >= low) & (offsets < high)]
        maps.append((scale, float(np.median(inside))))
    return maps


def _scores(
    starts: FloatArray,
    ends: FloatArray,
    ref_starts: FloatArray,
    ref_ends: FloatArray,
    maps: Sequence[tuple[float, float]],
    tolerance: float,
) -> tuple[FloatArray, npt.NDArray[np.int64]]:
    """Score of each cue under each map (0..1) and the reference cue it lands on."""
    count, kinds = len(starts), len(maps)
    score = np.zeros((count, kinds))
    match = np.full((count, kinds), -1, dtype=np.int64)
    for k, (scale, offset) in enumerate(maps):
        mapped_start = scale * starts + offset
        mapped_end = scale * ends + offset
        right = np.clip(np.searchsorted(ref_starts, mapped_start), 0, len(ref_starts) - 1)
        left = np.clip(right - 1, 0, len(ref_starts) - 1)
        nearer = np.where(
            np.abs(ref_starts[left] - mapped_start) <= np.abs(ref_starts[right] - mapped_start),
            left,
            right,
        )
        start_error = np.abs(ref_starts[nearer] - mapped_start)
        end_error = np.abs(ref_ends[nearer] - mapped_end)
        good = (start_error <= tolerance) & (end_error <= 2 * tolerance)
        score[:, k] = np.where(good, 1.0 - 0.5 * (start_error + end_error / 2) / tolerance, 0.0)
        match[:, k] = np.where(good, nearer, -1)
    return score, match


def _segment(score: FloatArray, penalty: float) -> list[int]:
    """The map per cue maximizing total score minus ``penalty`` per change of map."""
    count, kinds = score.shape
    total = score[0].copy()
    back = np.zeros((count, kinds), dtype=np.int64)
    for index in range(1, count):
        best = int(np.argmax(total))
        switch = total[best] - penalty
        stay = total
        take_switch = switch > stay
        back[index] = np.where(take_switch, best, np.arange(kinds))
        total = np.where(take_switch, switch, stay) + score[index]
    choice = [0] * count
    choice[-1] = int(np.argmax(total))
    for index in range(count - 1, 0, -1):
        choice[index - 1] = int(back[index, choice[index]])
    return choice


def _refit(
    starts: FloatArray,
    ends: FloatArray,
    ref_starts: FloatArray,
    ref_ends: FloatArray,
    maps: list[tuple[float, float]],
    choice: list[int],
    match: npt.NDArray[np.int64],
    score: FloatArray,
) -> list[tuple[float, float]]:
    """Least-squares maps of each segment, plus the old candidates (for the next pass)."""
    fitted: list[tuple[float, float]] = []
    for first, last in _runs(choice):
        kind = choice[first]
        rows = [i for i in range(first, last + 1) if score[i, kind] > 0]
        if not rows:
            continue
        index = np.array(rows)
        paired = match[index, kind]
        x = np.concatenate([starts[index], ends[index]])
        y = np.concatenate([ref_starts[paired], ref_ends[paired]])
        fitted.append(_robust_line(x, y, maps[kind]))
    return fitted + [item for item in maps if item not in fitted]


def _robust_line(x: FloatArray, y: FloatArray, prior: tuple[float, float]) -> tuple[float, float]:
    """A least-squares line, refitted without points more than 3 deviations off."""
    if np.ptp(x) < 1000 or x.size < 4:
        scale = prior[0]
        return scale, float(np.median(y - scale * x))
    keep = np.ones(x.size, dtype=bool)
    scale, offset = prior
    for _ in range(3):
        scale, offset = (float(value) for value in np.polyfit(x[keep], y[keep], 1))
        residual = np.abs(y - (scale * x + offset))
        spread = max(10.0, 3.0 * float(np.median(residual[keep])) * 1.4826)
        new_keep = residual <= spread
        if new_keep.sum() < 4 or (new_keep == keep).all():
            break
        keep = new_keep
    return scale, offset


def _runs(choice: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    begin = 0
    for index in range(1, len(choice) + 1):
        if index == len(choice) or choice[index] != choice[begin]:
            runs.append((begin, index - 1))
            begin = index
    return runs


def _summarize(
    choice: list[int],
    maps: Sequence[tuple[float, float]],
    score: FloatArray,
    match: npt.NDArray[np.int64],
) -> tuple[tuple[Segment, ...], tuple[int, ...], dict[int, int]]:
    segments: list[Segment] = []
    pairs: dict[int, int] = {}
    matched_rows: list[list[int]] = []
    for first, last in _runs(choice):
        kind = choice[first]
        rows = [i for i in range(first, last + 1) if score[i, kind] > 0]
        for row in rows:
            pairs[row] = int(match[row, kind])
        matched_rows.append(rows)
        scale, offset = maps[kind]
        segments.append(Segment(first, last, scale, offset, len(rows)))
    unplaced: list[int] = []
    for (before, after), (rows_before, rows_after) in zip(
        pairwise(segments), pairwise(matched_rows), strict=True
    ):
        low = rows_before[-1] if rows_before else before.first - 1
        high = rows_after[0] if rows_after else after.last + 1
        unplaced.extend(range(low + 1, high))
    return tuple(segments), tuple(unplaced), pairs
