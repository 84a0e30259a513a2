"""Sync on synthetic voice-activity patterns with known answers: an offset, a drift, a cut.

The speech regions and the cues are drawn here, not heard, so the answer is
exact: subtitles as a person times them, each cue appearing where its voice
starts (at a region's start, or inside a region where a sentence splits) and
staying up for reading time after the voice stops. The lingering ends pull a
fit of the cues' coverage late (by 100-300 ms on these patterns); the voice
onsets do not.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionkit.audio.sync import _onset_shift, sync_times

Times = list[tuple[int, int]]


def _subtitled(seed: int, seconds: int = 180) -> tuple[Times, Times]:
    """Speech regions and their cues: cue starts on the voice, ends 0.3-1.2 s after it."""
    rng = np.random.default_rng(seed)
    speech: Times = []
    starts: list[int] = []
    voice_ends: list[int] = []
    at = 2000
    while at < seconds * 1000:
        length = int(rng.uniform(1000, 6000))
        speech.append((at, at + length))
        # a sentence split inside the speech, at least 1.2 s from any other cue start
        splits = int(rng.integers(0, 3)) if length > 2400 else 0
        cuts = [at + (k + 1) * length // (splits + 1) for k in range(splits)]
        edges = [at, *cuts, at + length]
        for a, b in pairwise(edges):
            starts.append(a)
            voice_ends.append(b)
        at += length + int(rng.uniform(400, 2500))
    cues = [
        (a, max(a + 500, min(b + int(rng.uniform(300, 1200)), following - 80)))
        for a, b, following in zip(starts, voice_ends, [*starts[1:], 10**9], strict=True)
    ]
    return speech, cues


def _errors(found: tuple[tuple[int, int], ...], truth: Times) -> list[int]:
    return [a[0] - b[0] for a, b in zip(found, truth, strict=True)]


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_an_offset_puts_every_cue_back_on_its_voice(seed: int) -> None:
    speech, truth = _subtitled(seed)
    late = [(a + 3710, b + 3710) for a, b in truth]
    result = sync_times(late, speech, speech[-1][1] + 5000)
    assert result.scale == 1.0
    assert len(result.pieces) == 1
    assert abs(result.offset_ms + 3710) <= 10
    assert max(map(abs, _errors(result.times, truth))) <= 10
    assert [b - a for a, b in result.times] == [b - a for a, b in truth]


@pytest.mark.parametrize("seed", [11, 12])
@pytest.mark.parametrize("ratio", [25 / (24000 / 1001), 25 / 24, (24000 / 1001) / 25])
def test_a_drift_is_recovered_to_the_frame_rate_and_the_millisecond(
    ratio: float, seed: int
) -> None:
    speech, truth = _subtitled(seed)
    drifted = [(round(a / ratio) + 1200, round(b / ratio) + 1200) for a, b in truth]
    result = sync_times(drifted, speech, speech[-1][1] + 5000)
    assert result.scale == ratio
    # a start is rounded to the millisecond before the scaling: 1 ms after it
    assert max(map(abs, _errors(result.times, truth))) <= 10


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_an_inserted_break_moves_the_cues_after_it_exactly(seed: int) -> None:
    speech, truth = _subtitled(seed)
    middle = len(speech) // 2
    cut = (speech[middle - 1][1] + speech[middle][0]) // 2
    heard = [(a + (30_000 if a > cut else 0), b + (30_000 if a > cut else 0)) for a, b in speech]
    after = sum(1 for a, _ in truth if a < cut)
    expected = [(a + (30_000 if a > cut else 0), b + (30_000 if a > cut else 0)) for a, b in truth]
    result = sync_times(truth, heard, heard[-1][1] + 5000)
    assert [(p.first, p.stop, p.offset_ms) for p in result.pieces] == [
        (0, after, 0),
        (after, len(truth), 30_000),
    ]
    assert result.times == tuple(expected)


@pytest.mark.parametrize("seed", [11, 12])
def test_cues_that_lead_the_voice_land_that_lead_before_it(seed: int) -> None:
    """``lead_ms`` says how long before the voice the cues start; they land there."""
    speech, truth = _subtitled(seed)
    leading = [(a - 120, b) for a, b in truth]
    late = [(a + 2000, b + 2000) for a, b in leading]
    result = sync_times(late, speech, speech[-1][1] + 5000, lead_ms=120)
    assert max(map(abs, _errors(result.times, leading))) <= 10
    at_voice = sync_times(late, speech, speech[-1][1] + 5000)
    assert _errors(at_voice.times, leading) == [120] * len(truth)


@given(st.integers(-60_000, 60_000), st.integers(1, 10_000))
@settings(max_examples=8, deadline=None)
def test_any_offset_within_the_search_is_recovered(offset: int, seed: int) -> None:
    speech, truth = _subtitled(seed, seconds=90)
    moved = [(a + offset + 60_000, b + offset + 60_000) for a, b in truth]
    heard = [(a + 60_000, b + 60_000) for a, b in speech]
    expected = [(a + 60_000, b + 60_000) for a, b in truth]
    result = sync_times(moved, heard, heard[-1][1] + 5000)
    assert max(map(abs, _errors(result.times, expected))) <= 10


def test_a_piece_moves_by_the_median_distance_to_the_onsets_near_its_starts() -> None:
    onsets = np.array([900.0, 2050.0, 3010.0, 4700.0, 9000.0])
    starts = np.array([800.0, 2000.0, 3000.0, 4900.0, 7000.0])
    # distances 100, 50, 10, -200 and none within 300 ms of 7,000: at 0, two starts lie
    # within 60 ms of an onset, at 40 ms three (2,040 and 3,040 and 840): 40 is the start;
    # distances from there 60, 10, -30, -240: median -10 -> 30; again: 70, 20, -20, -230 -> 0
    assert _onset_shift(starts, onsets, np.array([0.0, 40.0])) == 30.0
    # at 0 only two: the median starts from 0: 100, 50, 10, -200 -> 30, and as above -> 0
    assert _onset_shift(starts, onsets, np.array([0.0])) == 30.0
    # fewer than three starts near an onset: the piece stays where the coverage put it
    assert _onset_shift(np.array([800.0, 5000.0, 7000.0]), onsets, np.array([0.0])) == 0.0
    assert _onset_shift(starts, np.array([], np.float64), np.array([0.0])) == 0.0


@pytest.mark.parametrize("seed", [11, 12, 13, 14])
def test_a_scene_cut_out_of_the_video_moves_the_cues_after_it_back(seed: int) -> None:
    """20 s of the video (whole sentences) are cut out: the cues after the cut move back
    by those 20 s, the cues of the scene find no voice and are left out, ending before
    the next cue placed, and the cues keep their order. Which cues at the very edges of
    the cut belong before or after it the coverage cannot always tell (a cue cut out
    covers the speech after the cut as well as the cue it replaces): a few there may be
    left out or squeezed, as with seed 11 (3 of 55)."""
    speech, truth = _subtitled(seed)
    middle = len(speech) // 2
    low = (speech[middle - 1][1] + speech[middle][0]) // 2
    after = next(k for k in range(middle, len(speech)) if speech[k][0] > low + 20_000)
    high = (speech[after - 1][1] + speech[after][0]) // 2
    gone = high - low
    heard = [(a - (gone if a > high else 0), b - (gone if a > high else 0)) for a, b in speech]
    heard = [region for region, (a, _) in zip(heard, speech, strict=True) if not low < a < high]
    result = sync_times(truth, heard, heard[-1][1] + 5000)
    placed = [piece for piece in result.pieces if piece.placed]
    assert placed[0].offset_ms == 0 and placed[-1].offset_ms == -gone
    assert any(not piece.placed for piece in result.pieces)
    kept = [i for i, (a, _) in enumerate(truth) if not low < a < high]
    errors = [result.times[i][0] - truth[i][0] + (gone if truth[i][0] > high else 0) for i in kept]
    assert np.mean([error == 0 for error in errors]) >= 0.9
    # away from the cut (10 s either side), every cue is exact
    assert all(
        e == 0
        for i, e in zip(kept, errors, strict=True)
        if abs(truth[i][0] - low) > 10_000 and abs(truth[i][0] - high) > 10_000
    )
    starts = [start for start, _ in result.times]
    assert starts == sorted(starts)
