"""MFCC features in numpy alone: 25 ms windows every 10 ms, 13 cepstra from 40 mel bands.

Features are computed a chunk at a time (:class:`MfccStream` keeps the window's
overlap between chunks), so a long file is never held whole as samples.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from captionkit.audio.tts import TARGET_RATE

#: Hop between frames, in samples (10 ms).
HOP = 160
#: Window length, in samples (25 ms).
WINDOW = 400
FFT = 512
MELS = 40
CEPSTRA = 13
#: Milliseconds per frame.
FRAME_MS = HOP * 1000 // TARGET_RATE


@cache
def _mel_bank() -> npt.NDArray[np.float32]:
    def mel(hz: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return 2595.0 * np.log10(1.0 + hz / 700.0)

    def hz(m: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)

    edges = hz(np.linspace(mel(np.array(60.0)), mel(np.array(7600.0)), MELS + 2))
    bins = np.fft.rfftfreq(FFT, 1.0 / TARGET_RATE)
    bank = np.zeros((MELS, len(bins)), dtype=np.float64)
    for m in range(MELS):
        left, centre, right = edges[m], edges[m + 1], edges[m + 2]
        rising = (bins - left) / (centre - left)
        falling = (right - bins) / (right - centre)
        bank[m] = np.clip(np.minimum(rising, falling), 0.0, None)
    return bank.T.astype(np.float32)


@cache
def _dct() -> npt.NDArray[np.float32]:
    n = np.arange(MELS)
    k = np.arange(CEPSTRA)[:, None]
    basis = np.cos(np.pi * k * (2 * n + 1) / (2 * MELS)) * np.sqrt(2.0 / MELS)
    basis[0] /= np.sqrt(2.0)
    out: npt.NDArray[np.float32] = basis.T.astype(np.float32)
    return out


@cache
def _window() -> npt.NDArray[np.float32]:
    return np.hamming(WINDOW).astype(np.float32)


def _frames(samples: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    count = 1 + (len(samples) - WINDOW) // HOP if len(samples) >= WINDOW else 0
    if count <= 0:
        return np.zeros((0, WINDOW), np.float32)
    view = np.lib.stride_tricks.sliding_window_view(samples, WINDOW)[::HOP][:count]
    return view


def emphasize(samples: npt.NDArray[np.float32], before: float = 0.0) -> npt.NDArray[np.float32]:
    """Pre-emphasis ``y[n] = x[n] - 0.97 x[n-1]`` (``before`` is the sample ahead of the first)."""
    out = np.empty_like(samples)
    if len(samples):
        out[0] = samples[0] - 0.97 * before
        np.subtract(samples[1:], 0.97 * samples[:-1], out=out[1:])
    return out


def mfcc_frames(
    samples: npt.NDArray[np.float32], *, emphasized: bool = False
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """MFCCs (frames x 13) and each frame's log energy, for whole frames of ``samples``.

    ``emphasized`` says the samples went through :func:`emphasize` already.

    >>> import numpy as np
    >>> features, energy = mfcc_frames(np.zeros(16000, np.float32))
    >>> features.shape, energy.shape
    ((98, 13), (98,))
    """
    frames = _frames(samples if emphasized else emphasize(samples))
    if len(frames) == 0:
        return np.zeros((0, CEPSTRA), np.float32), np.zeros(0, np.float32)
    spectrum = np.fft.rfft(frames * _window(), FFT)
    power = spectrum.real**2 + spectrum.imag**2
    energy = np.log(power.sum(axis=1) + 1e-8).astype(np.float32)
    mel = np.log(power @ _mel_bank() + 1e-6)
    return (mel @ _dct()).astype(np.float32), energy


class MfccStream:
    """MFCCs of a stream of sample chunks, frame ``k`` starting at sample ``k * HOP``."""

    def __init__(self) -> None:
        self._carry = np.zeros(0, np.float32)
        self._last = 0.0
        self._features: list[npt.NDArray[np.float32]] = []
        self._energy: list[npt.NDArray[np.float32]] = []

    def feed(self, chunk: npt.NDArray[np.float32]) -> None:
        fresh = emphasize(chunk, self._last)
        if len(chunk):
            self._last = float(chunk[-1])
        samples = np.concatenate([self._carry, fresh]) if len(self._carry) else fresh
        features, energy = mfcc_frames(samples, emphasized=True)
        self._features.append(features)
        self._energy.append(energy)
        self._carry = samples[len(features) * HOP :].copy()

    def result(self) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        if not self._features:
            return np.zeros((0, CEPSTRA), np.float32), np.zeros(0, np.float32)
        return np.concatenate(self._features), np.concatenate(self._energy)


def mfcc(
    chunks: Iterable[npt.NDArray[np.float32]],
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """MFCCs and log energies of all ``chunks``, read one by one."""
    stream = MfccStream()
    for chunk in chunks:
        stream.feed(chunk)
    return stream.result()


def normalize(
    features: npt.NDArray[np.float32], *, mask: npt.NDArray[np.bool_] | None = None
) -> npt.NDArray[np.float32]:
    """Cepstral mean and variance normalisation (statistics over ``mask`` frames), rows scaled to unit length.

    Unit rows make a dot product a cosine similarity, the DTW's cost.
    """
    if len(features) == 0:
        return features
    basis: Any = features[mask] if mask is not None and mask.any() else features
    mean = basis.mean(axis=0)
    std = basis.std(axis=0) + 1e-5
    scaled = (features - mean) / std
    norms = np.linalg.norm(scaled, axis=1, keepdims=True) + 1e-8
    out: npt.NDArray[np.float32] = (scaled / norms).astype(np.float32)
    return out
