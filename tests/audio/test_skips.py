"""The DTW's skips: a stretch of the script with no audio is crossed in one step, its words missing."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionkit.audio import align_heard
from captionkit.audio.dtw import STEP_PENALTY, Skips, banded
from captionkit.audio.listen import listen_chunks
from captionkit.audio.simulate import Narration, mix, noise
from captionkit.audio.tts import TARGET_RATE
from tests.audio.dtw_reference import reference_dtw


def _path_cost(
    a: np.ndarray,
    b: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
    skip: tuple[int, int],
    prices: tuple[float, float],
    room: np.ndarray,
) -> float:
    """The cost of the path given by each row's first and last column, as the cheaper of: skipped or walked."""
    cost = 1.0 - a @ b.T
    source, target = skip
    column = int(low[target])
    held = high[source] == column and all(
        low[r] == high[r] == column for r in range(source + 1, target)
    )

    def walk(skipping: bool) -> float:
        total = float(cost[0, : high[0] + 1].sum())
        for i in range(1, len(a)):
            if skipping and source < i < target:
                continue
            if skipping and i == target:
                total += cost[i, low[i]] + (prices[1] if room[column] >= 1 else prices[0])
            elif low[i] > high[i - 1]:
                total += 2.0 * cost[i, low[i]]
            else:
                total += cost[i, low[i]] + STEP_PENALTY
            total += float(cost[i, low[i] + 1 : high[i] + 1].sum())
            total += STEP_PENALTY * float(high[i] - low[i])
        return total

    return min(walk(False), walk(True)) if held else walk(False)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 100_000))
def test_dtw_with_a_skip_finds_the_optimal_path(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(4, 18)), int(rng.integers(2, 18))
    a = rng.normal(size=(n, 3))
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    b = rng.normal(size=(m, 3))
    b /= np.linalg.norm(b, axis=1, keepdims=True)
    source = int(rng.integers(0, n - 2))
    target = int(rng.integers(source + 2, n))
    prices = (float(rng.uniform(0, 4)), float(rng.uniform(0, 4)))
    room = rng.integers(0, 2, size=m).astype(np.float64)
    skips = Skips(
        np.array([source]),
        np.array([target]),
        np.array([prices[0]]),
        np.array([prices[1]]),
        np.array([1.0]),
        room,
    )
    low, high = banded(
        a.astype(np.float32), b.astype(np.float32), np.zeros(n, np.int64), m, skips=skips
    )
    assert low[0] == 0 and high[-1] == m - 1
    assert all(low[i] <= high[i] for i in range(n))
    expected = reference_dtw(a, b, (source, target), prices, room)
    got = _path_cost(a, b, low, high, (source, target), prices, room)
    assert got == pytest.approx(expected, abs=1e-3)


def test_a_skip_is_taken_whatever_the_blocks() -> None:
    # synthesized: 20 frames, 10 frames the recording does not have, a pause, 20 frames;
    # real: the first 20, the pause, the last 20. Holding the 10 frames costs
    # 2 x 1 + 9 x 1.25 (each meets nothing); skipping them (from row 19, which
    # first steps onto the pause column for 1.25) costs 1 on that pause, whose
    # room (10) covers the skip's need (5): the path skips, in every block layout
    eye = np.eye(64, dtype=np.float32)
    rows = np.concatenate([eye[:20], eye[40:50], eye[60:61], eye[20:40]])
    columns = np.concatenate([eye[:20], eye[60:61], eye[20:40]])
    room = np.where(np.arange(41) == 20, 10.0, 0.0)
    skips = Skips(
        np.array([19]), np.array([30]), np.array([50.0]), np.array([1.0]), np.array([5.0]), room
    )
    for block in (0, 16, 25):
        low, high = banded(
            rows, columns, np.zeros(51, np.int64), 41, block=block, overlap=8, skips=skips
        )
        assert low[:20].tolist() == list(range(20)) and high[19] == 20
        assert (low[20:31] == 20).all() and (high[20:31] == 20).all()
        assert low[31:].tolist() == list(range(21, 41))


def _without_sentence(narration: Narration, which: int) -> tuple[np.ndarray, list[int], set[int]]:
    """The narration's audio with sentence ``which`` cut out; the other words' true starts; its word indices."""
    start, end = narration.speech_ms[which]
    first, last = start * TARGET_RATE // 1000, end * TARGET_RATE // 1000
    samples = np.concatenate([narration.samples[:first], narration.samples[last:]])
    starts = [t if t < start else t - (end - start) for t in narration.starts_ms]
    inside = {i for i, t in enumerate(narration.starts_ms) if start <= t < end}
    return samples, starts, inside


@pytest.mark.parametrize("snr", [10.0, 0.0])
def test_a_sentence_cut_from_the_audio_is_skipped(narration: Narration, snr: float) -> None:
    # the script keeps sentence 3 (14 words), the audio lost it in a cut: the
    # ordinary pause between sentences 2 and 4 is all that is left of it. Without
    # the skip the sentence was squeezed into the speech beside it (4 of its words
    # "aligned", the words around it up to 636 ms off at 10 dB; at 0 dB p95 150 ms).
    samples, starts, inside = _without_sentence(narration, 2)
    samples = mix(samples, noise(len(samples), seed=2), snr)
    alignment = align_heard(narration.words, listen_chunks([samples.astype(np.float32)]))
    missing = {w.index for w in alignment.missing}
    assert len(inside) == 14
    assert len(inside - missing) <= (0 if snr >= 10 else 2)
    assert missing <= inside
    errors = [
        abs(alignment.words[i].start_ms - starts[i]) for i in range(len(starts)) if i not in inside
    ]
    assert np.median(errors) <= 20
    assert np.percentile(errors, 95) <= 100
    assert max(errors) <= (150 if snr >= 10 else 350)
