"""Synchronise an existing subtitle track to its audio: an offset, a drift, and pieces split at cuts.

The cues' on/off pattern is matched against the voice-activity detector's, as
alass and ffsubsync do (no text is read, so any language works):

1. **Drift and offset**: for each usual frame-rate ratio (25 vs 23.976, 24, 29.97,
   ...), the cue pattern is scaled, and the offset that best agrees with the
   speech pattern is found by FFT cross-correlation.
2. **Pieces**: a dynamic programme gives every cue an offset near the global one,
   changing offset between two cues only when the gain outweighs a split
   penalty: a cut in the video or an inserted ad break moves all the cues after
   it together. The ratio whose pieces agree best wins.
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
    """Cues ``first`` up to (not including) ``stop`` move to ``start * scale + offset_ms``."""

    first: int
    stop: int
    offset_ms: int
    scale: float


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
    scale, shifts = _onset_choice(times, audio, onsets, fits)
    new_times: list[tuple[int, int]] = []
    for (start, end), shift in zip(times, shifts, strict=True):
        moved_start = max(0, round(start * scale + shift))
        moved_end = max(moved_start, round(end * scale + shift))
        new_times.append((moved_start, moved_end))
    pieces: list[SyncPiece] = []
    begin = 0
    for index in range(1, len(times) + 1):
        if index == len(times) or shifts[index] != shifts[begin]:
            pieces.append(SyncPiece(begin, index, round(shifts[begin]), scale))
            begin = index
    prefix = np.concatenate([[0.0], np.cumsum(audio > 0)])
    return AudioSync(
        times=tuple(new_times),
        pieces=tuple(pieces),
        offset_ms=max(pieces, key=lambda piece: piece.stop - piece.first).offset_ms,
        scale=scale,
        agreement_before=_agreement(times, prefix),
        agreement_after=_agreement(new_times, prefix),
        speech=tuple(speech),
    )


@dataclass(frozen=True, slots=True)
class _Fit:
    """One frame-rate ratio's coverage fit: its score and each cue's offset (frames)."""

    total: float
    scale: float
    offsets: npt.NDArray[np.int64]


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
        offsets, total = _pieces(times, audio, scale, lag, limit, split_penalty)
        total -= DRIFT_HANDICAP if scale != 1.0 else 0.0
        fits.append(_Fit(total, scale, offsets))
        if progress is not None:
            progress((number + 1) / len(SCALES))
    return fits


def _onset_choice(
    times: Sequence[tuple[int, int]],
    audio: npt.NDArray[np.float64],
    onsets: npt.NDArray[np.float64],
    fits: list[_Fit],
) -> tuple[float, list[float]]:
    """The ratio and each cue's offset (ms), refined on the voice onsets.

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
    chosen: tuple[float, _Fit, list[float]] | None = None
    for fit in candidates:
        shifts = _refined_offsets(times, audio, onsets, fit)
        starts = np.array([start * fit.scale for start, _ in times]) + shifts
        cost = float(np.sum(np.minimum(np.abs(_onset_distance(starts, onsets)), ONSET_REACH_MS)))
        if chosen is None or cost < chosen[0]:
            chosen = (cost, fit, shifts)
    assert chosen is not None
    _, fit, shifts = chosen
    return fit.scale, shifts


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
) -> list[float]:
    """Each cue's offset (ms): its piece's coverage offset plus the piece's onset shift.

    A piece never moves so far back that its first cue starts before the
    previous piece's last cue: the cues keep their order.
    """
    offsets = fit.offsets.tolist()
    shifts: list[float] = []
    begin = 0
    previous_start = -np.inf
    for index in range(1, len(times) + 1):
        if index < len(times) and offsets[index] == offsets[begin]:
            continue
        piece = times[begin:index]
        base = offsets[begin] * STEP_MS
        starts = np.array([start * fit.scale + base for start, _ in piece])
        plateau = _plateau(piece, audio, fit.scale, offsets[begin])
        shift = max(_onset_shift(starts, onsets, plateau), previous_start - float(starts[0]))
        shifts.extend([base + shift] * (index - begin))
        previous_start = float(starts[-1]) + shift
        begin = index
    return shifts


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
) -> tuple[npt.NDArray[np.int64], float]:
    """Each cue's offset (frames) by dynamic programming over cues x candidate offsets.

    A change of offset costs ``penalty`` and may not put a cue before the one
    ahead of it (cues keep their order); among equals, offsets nearer the
    global one win.
    """
    offsets = np.arange(lag - limit, lag + limit + 1, dtype=np.int64)
    width = len(offsets)
    prefix = np.concatenate([[0.0], np.cumsum(audio)])
    top = len(audio)
    count = len(times)
    switch_from = np.zeros((count, width), np.int32)  # -1: stayed on the same offset
    nearness = -0.001 * np.abs(offsets - lag)
    score = np.zeros(width)
    previous_start = 0
    positions = np.arange(width)
    for i, (start, end) in enumerate(times):
        first = round(start * scale / STEP_MS)
        last = round(end * scale / STEP_MS)
        a = np.clip(first + offsets, 0, top)
        b = np.clip(last + offsets, 0, top)
        # speech covered minus silence covered; frames pushed outside the audio count as silence
        inside = prefix[b] - prefix[a]
        outside = (last - first) - (b - a)
        gain = inside - outside + nearness
        if i == 0:
            score = gain
            previous_start = first
            continue
        # best earlier offset o' with o' <= o + (first - previous_start): order is kept
        running = np.maximum.accumulate(score)
        where = np.maximum.accumulate(np.where(score == running, positions, 0))
        reach = np.clip(positions + (first - previous_start), -1, width - 1)
        ok = reach >= 0
        candidate = np.where(ok, running[np.maximum(reach, 0)] - penalty, -np.inf)
        switch = candidate > score
        switch_from[i] = np.where(switch, where[np.maximum(reach, 0)], -1)
        score = np.where(switch, candidate, score) + gain
        previous_start = first
    chosen = np.zeros(count, np.int64)
    k = int(np.argmax(score))
    total = float(score[k])
    for i in range(count - 1, -1, -1):
        chosen[i] = offsets[k]
        if i > 0 and switch_from[i, k] >= 0:
            k = int(switch_from[i, k])
    return chosen, total


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
