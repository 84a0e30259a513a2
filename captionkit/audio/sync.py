"""Synchronise an existing subtitle track to its audio: an offset, a drift, and pieces split at cuts.

The cues' on/off pattern is matched against the voice-activity detector's, as
alass and ffsubsync do (no text is read, so any language works):

1. **Drift and offset**: for each usual frame-rate ratio (25 vs 23.976, 24, 29.97,
   ...), the cue pattern is scaled, and the offset that best agrees with the
   speech pattern is found by FFT cross-correlation.
2. **Pieces**: a dynamic programme gives every cue an offset near the global one,
   changing offset between two cues only when the gain outweighs a split
   penalty: a cut in the video or an inserted ad break moves all the cues after
   it together. The cues of a scene cut out of the video are left out (they
   keep their order, squeezed before the next cue placed), so that the cues
   after it may move back. The ratio whose pieces agree best wins.
3. **Onsets**: a cue appears when its voice starts, but stays up for reading
   time after it stops, and a recognizer's segment runs over short pauses; the
   coverage cannot tell where along such an end the voice stops, and leaves a
   piece up to a few hundred milliseconds off. Each piece is moved onto the
   voice onsets the detector found near its cue starts (sharp, where the
   detector's region ends lag the voice), and ratios the coverage scores alike
   (25/23.976 and 25/24) are told apart by them.

A cue scores the speech it covers minus the silence it covers (in 20 ms frames).
The result gives new times per cue and the pieces; the cue texts are never read
nor touched.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from captionkit.audio.listen import Heard, listen
from captionkit.audio.vad import DEFAULT_SETTINGS
from captionkit.model import Track

#: Milliseconds per frame of the activity patterns.
STEP_MS = 20
#: Frame-rate ratios tried for the drift (subtitle time x scale = audio time).
SCALES = (
    1.0,
    25 / (24000 / 1001),
    (24000 / 1001) / 25,
    25 / 24,
    24 / 25,
    24 / (24000 / 1001),
    (24000 / 1001) / 24,
    (30000 / 1001) / 25,
    25 / (30000 / 1001),
)

#: The most a change of offset may have to gain, as a share of all the cues' frames.
SPLIT_SHARE = 0.1

#: What a drift must gain over no drift (20 ms frames of agreement) to be believed.
DRIFT_HANDICAP = 100.0

#: Ratios whose coverage totals lie this close (20 ms frames) are told apart by the voice onsets.
SCALE_TIE = DRIFT_HANDICAP
#: How far (ms) from a cue's start its voice onset is looked for.
ONSET_REACH_MS = 300
#: How far (ms) the coverage fit may leave a piece from its voice onsets (a cue's lingering end).
ONSET_SEARCH_MS = 1500
#: Moves of a piece whose coverage lies this close (20 ms frames) to the best are told apart by onsets.
PLATEAU_FRAMES = 10
#: How near (ms) a start must come to an onset to count as on it, while the move is searched.
ONSET_SNAP_MS = 60
#: The fewest cue starts with an onset in reach for a piece to be moved onto the onsets.
ONSET_MIN = 3


@dataclass(frozen=True, slots=True)
class SyncPiece:
    """Cues ``first`` up to (not including) ``stop`` move to ``start * scale + offset_ms``.

    ``placed`` is False for cues that found no voice (a scene cut out of the
    video): they move with the piece before them, and end no later than the
    next placed cue starts.
    """

    first: int
    stop: int
    offset_ms: int
    scale: float
    placed: bool = True


@dataclass(frozen=True, slots=True)
class AudioSync:
    """Where each cue goes, how, and how well the cues agree with the speech before and after.

    ``offset_ms`` is the offset of the piece that holds the most cues.
    """

    times: tuple[tuple[int, int], ...]
    pieces: tuple[SyncPiece, ...]
    offset_ms: int
    scale: float
    agreement_before: float
    agreement_after: float
    speech: tuple[tuple[int, int], ...]

    def apply(self, track: Track) -> Track:
        """``track`` with every cue moved (text, identifiers and settings untouched)."""
        from dataclasses import replace

        cues = [
            replace(cue, start=start, end=end)
            for cue, (start, end) in zip(track.cues, self.times, strict=True)
        ]
        return track.with_cues(cues)


def _speech_frames(speech: Sequence[tuple[int, int]], frames: int) -> npt.NDArray[np.float64]:
    """+1 where someone speaks, -1 elsewhere, per frame."""
    out = -np.ones(frames, np.float64)
    for start, end in speech:
        out[max(0, start // STEP_MS) : max(0, min(frames, -(-end // STEP_MS)))] = 1.0
    return out


def _cue_frames(times: Sequence[tuple[float, float]], frames: int) -> npt.NDArray[np.float64]:
    """+1 inside cues, -1 between them (from the first start to the last end), 0 outside.

    Both signs count, so a stretched pattern gains nothing by covering more speech.
    """
    out = np.zeros(frames, np.float64)
    first = max(0, round(min(start for start, _ in times) / STEP_MS))
    last = min(frames, round(max(end for _, end in times) / STEP_MS))
    out[first:last] = -1.0
    for start, end in times:
        a, b = round(start / STEP_MS), round(end / STEP_MS)
        out[max(0, a) : max(0, min(frames, b))] = 1.0
    return out


def _best_offset(
    cues: npt.NDArray[np.float64], speech: npt.NDArray[np.float64], limit: int
) -> tuple[int, float]:
    """The shift (frames, within ``limit``) that best lays ``cues`` over ``speech``, and its score."""
    size = 1 << int(np.ceil(np.log2(len(cues) + len(speech) + 1)))
    correlation = np.fft.irfft(np.conj(np.fft.rfft(cues, size)) * np.fft.rfft(speech, size), size)
    lags = np.arange(size)
    lags[lags > size // 2] -= size
    allowed = np.abs(lags) <= limit
    index = int(np.argmax(np.where(allowed, correlation, -np.inf)))
    return int(lags[index]), float(correlation[index])


def sync_times(
    times: Sequence[tuple[int, int]],
    speech: Sequence[tuple[int, int]],
    duration_ms: int,
    *,
    split_penalty: float = 1500.0,
    lead_ms: int = 0,
    search_ms: int = 120_000,
    progress: Callable[[float], None] | None = None,
) -> AudioSync:
    """Sync cue ``times`` (ms) to ``speech`` regions (ms) of audio ``duration_ms`` long.

    ``split_penalty``: the gain (20 ms frames of agreement) a change of offset
    must bring, at most :data:`SPLIT_SHARE` of the cues' frames (a short clip
    splits too); ``search_ms`` bounds every offset; ``lead_ms``: how long before
    the voice the cues start (the detector's regions already start 30 ms early;
    on ``benchmarks/retime_audio.py``'s recordings, whisper's segments start a
    median 13 ms before them: 0 fits).

    >>> sync = sync_times([(0, 900), (2000, 2900), (4000, 4900)],
    ...                   [(1500, 2400), (3500, 4400), (5500, 6400)], 8000)
    >>> sync.times, sync.offset_ms
    (((1500, 2400), (3500, 4400), (5500, 6400)), 1500)
    """
    if not times:
        return AudioSync((), (), 0, 1.0, 0.0, 0.0, tuple(speech))
    last = max(end for _, end in times)
    frames = max(duration_ms, int(last * max(SCALES))) // STEP_MS + 2
    audio = _speech_frames([(max(0, start - lead_ms), end) for start, end in speech], frames)
    split_penalty = min(split_penalty, SPLIT_SHARE * sum(b - a for a, b in times) / STEP_MS)
    fits = _coverage_fits(times, audio, search_ms // STEP_MS, split_penalty, progress)
    onsets = np.array(sorted(start - lead_ms for start, _ in speech), np.float64)
    scale, shifts, out = _onset_choice(times, audio, onsets, fits)
    new_times = _moved(times, scale, shifts, out)
    pieces: list[SyncPiece] = []
    begin = 0
    for index in range(1, len(times) + 1):
        if index == len(times) or (shifts[index], out[index]) != (shifts[begin], out[begin]):
            pieces.append(SyncPiece(begin, index, round(shifts[begin]), scale, not out[begin]))
            begin = index
    placed = [piece for piece in pieces if piece.placed] or pieces
    prefix = np.concatenate([[0.0], np.cumsum(audio > 0)])
    return AudioSync(
        times=tuple(new_times),
        pieces=tuple(pieces),
        offset_ms=max(placed, key=lambda piece: piece.stop - piece.first).offset_ms,
        scale=scale,
        agreement_before=_agreement(times, prefix),
        agreement_after=_agreement(new_times, prefix),
        speech=tuple(speech),
    )


def _moved(
    times: Sequence[tuple[int, int]], scale: float, shifts: list[float], out: list[bool]
) -> list[tuple[int, int]]:
    """The cues' new times; a cue left out ends no later than the next cue kept starts."""
    moved: list[tuple[int, int]] = []
    for (start, end), shift in zip(times, shifts, strict=True):
        moved_start = max(0, round(start * scale + shift))
        moved.append((moved_start, max(moved_start, round(end * scale + shift))))
    following = None
    for index in range(len(moved) - 1, -1, -1):
        if not out[index]:
            following = moved[index][0]
        elif following is not None:
            start, end = moved[index]
            moved[index] = (min(start, following), min(end, following))
    return moved


@dataclass(frozen=True, slots=True)
class _Fit:
    """One frame-rate ratio's coverage fit: its score, each cue's offset (frames), the cues left out."""

    total: float
    scale: float
    offsets: npt.NDArray[np.int64]
    left: npt.NDArray[np.bool_]


def _coverage_fits(
    times: Sequence[tuple[int, int]],
    audio: npt.NDArray[np.float64],
    limit: int,
    split_penalty: float,
    progress: Callable[[float], None] | None,
) -> list[_Fit]:
    """Every ratio of :data:`SCALES` scored by its best piecewise fit, so that a cut is not
    mistaken for a drift; a ratio other than 1 pays :data:`DRIFT_HANDICAP`."""
    fits: list[_Fit] = []
    for number, scale in enumerate(SCALES):
        frames = len(audio)
        scaled = [(start * scale, end * scale) for start, end in times]
        lag, _ = _best_offset(_cue_frames(scaled, frames), audio, limit)
        offsets, left, total = _pieces(times, audio, scale, lag, limit, split_penalty)
        total -= DRIFT_HANDICAP if scale != 1.0 else 0.0
        fits.append(_Fit(total, scale, offsets, left))
        if progress is not None:
            progress((number + 1) / len(SCALES))
    return fits


def _onset_choice(
    times: Sequence[tuple[int, int]],
    audio: npt.NDArray[np.float64],
    onsets: npt.NDArray[np.float64],
    fits: list[_Fit],
) -> tuple[float, list[float], list[bool]]:
    """The ratio, each cue's offset (ms), refined on the voice onsets, and the cues left out.

    The coverage fit places the cues to within a few hundred milliseconds, but
    no better: a cue's end lingers after the voice and a recognizer's segment
    runs over short pauses, and the detector's region ends lag the voice by a
    voice-dependent hangover, while both onsets are sharp. So each piece is then
    moved by the median distance from its cue starts to the nearest voice onset
    (:func:`_onset_shift`), and the ratios whose coverage totals lie within
    :data:`SCALE_TIE` of the best (25/23.976 and 25/24 differ by 0.1%) are told
    apart by how near their refined cue starts come to the onsets.
    """
    best = max(fits, key=lambda fit: fit.total)
    candidates = [best]
    if best.scale != 1.0:
        candidates += [
            fit
            for fit in fits
            if fit is not best and fit.scale != 1.0 and fit.total >= best.total - SCALE_TIE
        ]
    chosen: tuple[float, float, list[float], list[bool]] | None = None
    for fit in candidates:
        shifts, out = _refined_offsets(times, audio, onsets, fit)
        starts = np.array([start * fit.scale for start, _ in times]) + shifts
        cost = float(np.sum(np.minimum(np.abs(_onset_distance(starts, onsets)), ONSET_REACH_MS)))
        if chosen is None or cost < chosen[0]:
            chosen = (cost, fit.scale, shifts, out)
    assert chosen is not None
    return chosen[1:]


def _onset_distance(
    starts: npt.NDArray[np.float64], onsets: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """From each of ``starts`` (ms) to the nearest of the sorted ``onsets`` (signed, ms)."""
    if len(onsets) == 0:
        return np.full(starts.shape, np.inf)
    right = np.clip(np.searchsorted(onsets, starts), 0, len(onsets) - 1)
    left = np.clip(right - 1, 0, len(onsets) - 1)
    after, before = onsets[right] - starts, onsets[left] - starts
    return np.where(np.abs(after) < np.abs(before), after, before)


def _refined_offsets(
    times: Sequence[tuple[int, int]],
    audio: npt.NDArray[np.float64],
    onsets: npt.NDArray[np.float64],
    fit: _Fit,
) -> tuple[list[float], list[bool]]:
    """Each cue's offset (ms): its piece's coverage offset plus the piece's onset shift; and
    which cues are left out.

    A piece never moves so far back that its first cue starts before the
    previous piece's last cue: the cues keep their order; but after cues left
    out (a cut), the cues before the cut that would start after it are left out
    too (they held speech from after the cut). Cues left out take the offset of
    the last cue kept before them (the first after them at the start).
    """
    offsets, out = fit.offsets.tolist(), fit.left.tolist()
    shifts: list[float | None] = [None] * len(times)
    kept: list[tuple[int, float]] = []  # cues kept so far and their new starts
    begin = 0
    for index in range(1, len(times) + 1):
        if index < len(times) and (offsets[index], out[index]) == (offsets[begin], out[begin]):
            continue
        if not out[begin]:
            piece = times[begin:index]
            base = offsets[begin] * STEP_MS
            starts = np.array([start * fit.scale + base for start, _ in piece])
            shift = _onset_shift(starts, onsets, _plateau(piece, audio, fit.scale, offsets[begin]))
            after_cut = begin > 0 and out[begin - 1]
            while after_cut and kept and kept[-1][1] > starts[0] + shift:
                dropped = kept.pop()[0]
                out[dropped], shifts[dropped] = True, None
            if kept:
                shift = max(shift, kept[-1][1] - float(starts[0]))
            shifts[begin:index] = [base + shift] * (index - begin)
            kept.extend(zip(range(begin, index), (starts + shift).tolist(), strict=True))
        begin = index
    known = [shift for shift in shifts if shift is not None]
    carried = known[0] if known else float(offsets[0] * STEP_MS)
    filled: list[float] = []
    for value in shifts:
        if value is not None:
            carried = value
        filled.append(carried)
    return filled, out


def _plateau(
    times: Sequence[tuple[int, int]], audio: npt.NDArray[np.float64], scale: float, offset: int
) -> npt.NDArray[np.float64]:
    """The moves (ms, whole frames within :data:`ONSET_SEARCH_MS`) of cues already at ``offset``
    (frames) whose coverage lies within :data:`PLATEAU_FRAMES` of the best.

    Moving a cue whose end lingers after the voice back by up to that linger
    covers as much silence before the voice as it uncovers after it: the
    coverage is flat there (-340 to 0 ms on ``tests/audio/test_sync_onsets.py``'s
    patterns), and only the onsets tell where on it the cues belong.

    >>> audio = np.array([-1.0] * 50 + [1.0] * 50 + [-1.0] * 100)  # the voice from 1 to 2 s
    >>> moves = _plateau([(1000, 3000)], audio, 1.0, 0)  # a 2 s cue holds it from -1 s to 0
    >>> float(moves.min()), float(moves.max())  # and 5 frames more cost 10
    (-1100.0, 100.0)
    >>> _plateau([(1000, 2000)], audio, 1.0, 0).tolist()  # a cue as long as the voice
    [-100.0, -80.0, -60.0, -40.0, -20.0, 0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    """
    prefix = np.concatenate([[0.0], np.cumsum(audio)])
    first = np.array([round(start * scale / STEP_MS) for start, _ in times]) + offset
    last = np.array([round(end * scale / STEP_MS) for _, end in times]) + offset
    span = ONSET_SEARCH_MS // STEP_MS
    moves = np.arange(-span, span + 1)
    a = np.clip(first[None, :] + moves[:, None], 0, len(audio))
    b = np.clip(last[None, :] + moves[:, None], 0, len(audio))
    # speech covered minus silence covered; frames pushed outside the audio count as silence
    coverage = (prefix[b] - prefix[a]).sum(axis=1) - ((last - first)[None, :] - (b - a)).sum(axis=1)
    close: npt.NDArray[np.bool_] = coverage >= coverage.max() - PLATEAU_FRAMES
    return (moves[close] * STEP_MS).astype(np.float64)


def _onset_shift(
    starts: npt.NDArray[np.float64],
    onsets: npt.NDArray[np.float64],
    candidates: npt.NDArray[np.float64],
) -> float:
    """How far (ms) to move ``starts`` so they sit on the voice onsets near them, at their median.

    First, of the ``candidates`` (the coverage's :func:`_plateau`), the move that
    lays the most starts within :data:`ONSET_SNAP_MS` of an onset (the smallest
    among equals; none when fewer than :data:`ONSET_MIN` do); then, around it, the median distance of the starts with an
    onset within :data:`ONSET_REACH_MS` (a cue that starts mid-sentence has
    none), twice, the window re-centred. With fewer than :data:`ONSET_MIN` such
    starts, the starts stay.

    >>> starts, onsets = np.array([0.0, 3000.0, 6000.0]), np.array([400.0, 3410.0, 6390.0, 9000.0])
    >>> _onset_shift(starts, onsets, np.array([0.0, 20.0, 340.0, 360.0]))
    400.0
    >>> _onset_shift(starts, onsets, np.array([0.0, 20.0]))  # the onsets are out of reach
    0.0
    """
    if len(onsets) == 0 or len(candidates) == 0:
        return 0.0
    distances = _onset_distance(starts[None, :] + candidates[:, None], onsets)
    counts = np.count_nonzero(np.abs(distances) <= ONSET_SNAP_MS, axis=1)
    best = int(np.argmax(counts - 1e-6 * np.abs(candidates)))
    shift = float(candidates[best]) if counts[best] >= ONSET_MIN else 0.0
    for _ in range(2):
        distance = _onset_distance(starts + shift, onsets)
        near = distance[np.abs(distance) <= ONSET_REACH_MS]
        if len(near) < ONSET_MIN:
            break
        shift += float(np.median(near))
    return shift


def _agreement(times: Sequence[tuple[int, int]], prefix: npt.NDArray[np.float64]) -> float:
    """Share of the cues' time during which someone speaks."""
    covered = total = 0.0
    top = len(prefix) - 1
    for start, end in times:
        a = min(top, max(0, start // STEP_MS))
        b = min(top, max(0, end // STEP_MS))
        covered += prefix[b] - prefix[a]
        total += max(0, end // STEP_MS - start // STEP_MS)
    return round(covered / total, 4) if total else 0.0


def _pieces(
    times: Sequence[tuple[int, int]],
    audio: npt.NDArray[np.float64],
    scale: float,
    lag: int,
    limit: int,
    penalty: float,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_], float]:
    """Each cue's offset (frames), whether it was left out, and the total, by dynamic
    programming over cues x candidate offsets.

    A change of offset costs ``penalty`` and may not put a cue before the one
    ahead of it (cues keep their order); among equals, offsets nearer the
    global one win. A run of cues may also be left out, for ``penalty`` on
    entering it and again on leaving it: the cues of a scene cut out of the
    video have no voice to go to, and the cues after the cut move back by more
    than the gaps between them. Cues left
    out gain nothing and take the offset of the last cue kept before them (the
    first one after them at the start); the next cue kept may start anywhere
    after the last one kept.
    """
    offsets = np.arange(lag - limit, lag + limit + 1, dtype=np.int64)
    width = len(offsets)
    prefix = np.concatenate([[0.0], np.cumsum(audio)])
    count = len(times)
    # kept_from: -1 stayed on the same offset, k >= 0 switched from kept offset k,
    # -2 - k came out of a run left out whose last kept cue's start is at offset k
    kept_from = np.full((count, width), -1, np.int32)
    left_from_kept = np.zeros((count, width), np.bool_)
    clamp_from = np.zeros(count, np.int64)
    nearness = -0.001 * np.abs(offsets - lag)
    positions = np.arange(width)
    firsts = [round(start * scale / STEP_MS) for start, _ in times]
    score = _gain(times[0], scale, offsets, prefix) + nearness
    left = np.full(width, -np.inf)
    left[0] = -penalty  # leaving out the first cues: the next one kept may start anywhere
    for i in range(1, count):
        gap = firsts[i] - firsts[i - 1]
        gain = _gain(times[i], scale, offsets, prefix) + nearness
        reach = np.clip(positions + gap, -1, width - 1)
        safe = np.maximum(reach, 0)
        switch, switch_where = _prefix_best(score, reach, safe, positions, penalty)
        back, back_where = _prefix_best(left, reach, safe, positions, penalty)
        source = np.maximum(left, score - penalty)
        left_from_kept[i] = _shifted(score - penalty > left, gap, width, False)
        shifted_left = _shifted(source, gap, width, -np.inf)
        if gap > 0:
            clamp_from[i] = int(np.argmax(source[: gap + 1]))
            shifted_left[0] = source[clamp_from[i]]
            left_from_kept[i, 0] = score[clamp_from[i]] - penalty > left[clamp_from[i]]
        best = np.maximum(score, np.maximum(switch, back))
        kept_from[i] = np.where(
            best == score, -1, np.where(best == switch, switch_where, -2 - back_where)
        )
        score, left = best + gain, shifted_left
    return _trace(offsets, kept_from, left_from_kept, clamp_from, firsts, score, left)


def _gain(
    cue: tuple[int, int],
    scale: float,
    offsets: npt.NDArray[np.int64],
    prefix: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """Speech covered minus silence covered by ``cue`` at every offset (frames outside the audio
    count as silence)."""
    first, last = round(cue[0] * scale / STEP_MS), round(cue[1] * scale / STEP_MS)
    top = len(prefix) - 1
    a = np.clip(first + offsets, 0, top)
    b = np.clip(last + offsets, 0, top)
    covered: npt.NDArray[np.float64] = prefix[b] - prefix[a] - ((last - first) - (b - a))
    return covered


def _prefix_best(
    score: npt.NDArray[np.float64],
    reach: npt.NDArray[np.int64],
    safe: npt.NDArray[np.int64],
    positions: npt.NDArray[np.int64],
    cost: float,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
    """For each offset, the best of ``score`` up to its ``reach`` less ``cost``, and where it is."""
    running = np.maximum.accumulate(score)
    where = np.maximum.accumulate(np.where(score == running, positions, 0))
    best = np.where(reach >= 0, running[safe] - cost, -np.inf)
    return best, where[safe]


def _shifted(values: npt.NDArray[Any], gap: int, width: int, fill: Any) -> npt.NDArray[Any]:
    """``values`` moved ``gap`` places down (``out[j] = values[j + gap]``), ``fill`` where none."""
    out = np.full(width, fill, values.dtype)
    if gap >= 0:
        out[: max(0, width - gap)] = values[gap:]
    else:
        out[-gap:] = values[: width + gap]
    return out


def _trace(
    offsets: npt.NDArray[np.int64],
    kept_from: npt.NDArray[np.int32],
    left_from_kept: npt.NDArray[np.bool_],
    clamp_from: npt.NDArray[np.int64],
    firsts: list[int],
    score: npt.NDArray[np.float64],
    left: npt.NDArray[np.float64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_], float]:
    """Walk the programme back from its best end: each cue's offset and whether it was left out."""
    count = len(firsts)
    chosen = np.zeros(count, np.int64)
    out = np.zeros(count, np.bool_)
    is_left = float(left.max()) > float(score.max())
    k = int(np.argmax(left if is_left else score))
    total = float(max(left.max(), score.max()))
    for i in range(count - 1, -1, -1):
        chosen[i] = offsets[k]
        out[i] = is_left
        if i == 0:
            break
        if is_left:
            gap = firsts[i] - firsts[i - 1]
            from_kept = bool(left_from_kept[i, k])
            k = int(clamp_from[i]) if k == 0 and gap > 0 else k + gap
            is_left = not from_kept
        else:
            came = int(kept_from[i, k])
            if came <= -2:
                k, is_left = -2 - came, True
            elif came >= 0:
                k = came
    # a cue left out takes the offset of the last cue kept before it, or the first after it
    kept = np.flatnonzero(~out)
    if len(kept):
        carry = kept[np.clip(np.searchsorted(kept, np.arange(count), side="right") - 1, 0, None)]
        chosen = chosen[carry]
    return chosen, out, total


def sync_heard(
    track: Track,
    heard: Heard,
    *,
    split_penalty: float = 1500.0,
    lead_ms: int = 0,
    progress: Callable[[float], None] | None = None,
) -> AudioSync:
    """:func:`sync_track` on audio already heard.

    The detector's regions start its padding (30 ms) before the voice: a cue
    that starts at the voice (``lead_ms`` 0) starts that much after them.
    """
    times = [(cue.start, cue.end) for cue in track.cues]
    return sync_times(
        times,
        heard.speech,
        heard.duration_ms,
        split_penalty=split_penalty,
        lead_ms=lead_ms - DEFAULT_SETTINGS.pad_ms,
        progress=progress,
    )


def sync_track(
    track: Track,
    audio: str | os.PathLike[str],
    *,
    split_penalty: float = 1500.0,
    lead_ms: int = 0,
    progress: Callable[[float], None] | None = None,
) -> AudioSync:
    """Where each cue of ``track`` belongs in ``audio``: see the module's description.

    Apply the result with ``sync.apply(track)``; ``sync.pieces`` says which cues
    moved by how much, ``agreement_before``/``_after`` how much of the cues'
    time someone speaks.
    """
    heard = listen(audio)
    if progress is not None:
        progress(0.5)

    def rest(fraction: float) -> None:
        if progress is not None:
            progress(0.5 + 0.5 * fraction)

    return sync_heard(track, heard, split_penalty=split_penalty, lead_ms=lead_ms, progress=rest)
