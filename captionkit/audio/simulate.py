"""Narrations with a known truth, for tests and benchmarks: synthesized speech, pauses, music, noise, reverb.

Everything is generated here with numpy and eSpeak NG, so no recording is
needed and the truth (each word's start) comes from the synthesizer's own word
events. Synthesized speech is far easier to align than a real narrator's (the
same engine, clean formants, no hesitations): figures measured on it are an
upper bound on what real speech gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from captionkit.audio.tts import TARGET_RATE, Voice, fresh_engine, synthesize

Samples = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class Narration:
    """A narration's audio and the true start and end (ms) of every word, in order."""

    samples: Samples
    words: tuple[str, ...]
    starts_ms: tuple[int, ...]
    speech_ms: tuple[tuple[int, int], ...]  # each sentence's span


def narrate(
    sentences: Sequence[Sequence[str]],
    voice: Voice,
    *,
    seed: int = 0,
    intro_s: float = 0.0,
    pauses: tuple[float, float] = (0.1, 1.5),
) -> Narration:
    """Speak ``sentences`` one by one with random pauses between them, after ``intro_s`` of silence.

    eSpeak NG starts afresh (:func:`~captionkit.audio.tts.fresh_engine`): the same
    call gives the same narration whatever was synthesized before.
    """
    fresh_engine()
    rng = np.random.default_rng(seed)
    parts: list[Samples] = [np.zeros(round(intro_s * TARGET_RATE), np.float32)]
    offset = len(parts[0])
    words: list[str] = []
    starts: list[int] = []
    spans: list[tuple[int, int]] = []
    for sentence in sentences:
        synthesis = synthesize(list(sentence), voice)
        samples = synthesis.samples
        voiced = np.flatnonzero(np.abs(samples) > 1e-3)
        first = int(voiced[0]) if len(voiced) else 0
        last = int(voiced[-1]) + 1 if len(voiced) else 0
        samples = samples[first:last]
        for word, start in zip(sentence, synthesis.word_starts.tolist(), strict=True):
            if start < 0:
                continue
            words.append(word)
            starts.append((offset + max(0, start - first)) * 1000 // TARGET_RATE)
        spans.append((offset * 1000 // TARGET_RATE, (offset + len(samples)) * 1000 // TARGET_RATE))
        parts.append(samples)
        offset += len(samples)
        pause = np.zeros(round(rng.uniform(*pauses) * TARGET_RATE), np.float32)
        parts.append(pause)
        offset += len(pause)
    return Narration(np.concatenate(parts), tuple(words), tuple(starts), tuple(spans))


def noise(count: int, *, seed: int = 0, color: str = "pink") -> Samples:
    """Unit-power noise: ``white`` or ``pink`` (1/f, by shaping white noise's spectrum)."""
    rng = np.random.default_rng(seed)
    white = rng.standard_normal(count)
    if color == "pink" and count > 1:
        spectrum = np.fft.rfft(white)
        frequencies = np.arange(len(spectrum), dtype=np.float64)
        frequencies[0] = 1.0
        white = np.fft.irfft(spectrum / np.sqrt(frequencies), count)
    white /= np.sqrt(np.mean(white**2)) + 1e-12
    return white.astype(np.float32)


def music(count: int, *, seed: int = 0) -> Samples:
    """A unit-power music bed: chords of harmonic tones with a beat, changing every two seconds."""
    rng = np.random.default_rng(seed)
    t = np.arange(count) / TARGET_RATE
    out = np.zeros(count)
    step = 2 * TARGET_RATE
    roots = 110.0 * 2 ** (rng.integers(0, 12, size=count // step + 1) / 12)
    for block, root in enumerate(roots):
        begin, end = block * step, min(count, (block + 1) * step)
        if begin >= end:
            break
        tt = t[begin:end]
        for ratio in (1.0, 1.25, 1.5, 2.0):
            for harmonic in (1, 2, 3):
                out[begin:end] += np.sin(2 * np.pi * root * ratio * harmonic * tt) / harmonic
    beat = 0.6 + 0.4 * (np.sin(2 * np.pi * 2.0 * t) > 0)
    out *= beat
    out /= np.sqrt(np.mean(out**2)) + 1e-12
    return out.astype(np.float32)


def mix(speech: Samples, bed: Samples, snr_db: float) -> Samples:
    """``speech`` with ``bed`` added at ``snr_db`` below the speech's power (over its voiced samples)."""
    voiced = speech[np.abs(speech) > 1e-3]
    power = float(np.mean(voiced**2)) if len(voiced) else 1e-4
    gain = np.sqrt(power / 10 ** (snr_db / 10))
    out: Samples = (speech + gain * bed[: len(speech)]).astype(np.float32)
    return out


def reverb(samples: Samples, *, rt60: float = 0.5, seed: int = 0, wet: float = 0.5) -> Samples:
    """Room reverberation: convolution with exponentially decaying noise of reverberation time ``rt60``."""
    rng = np.random.default_rng(seed)
    length = int(rt60 * TARGET_RATE)
    decay = np.exp(-6.9 * np.arange(length) / length)
    response = rng.standard_normal(length) * decay
    response /= np.sqrt(np.sum(response**2))
    response[0] = 0.0
    size = 1 << int(np.ceil(np.log2(len(samples) + length)))
    wet_part = np.fft.irfft(np.fft.rfft(samples, size) * np.fft.rfft(response, size), size)[
        : len(samples)
    ]
    out: Samples = (samples + wet * wet_part).astype(np.float32)
    return out


def scale(samples: Samples, peak: float = 0.9) -> Samples:
    """Scaled so that the loudest sample is ``peak`` (for writing 16-bit files)."""
    top = float(np.max(np.abs(samples))) if len(samples) else 0.0
    return samples if top == 0 else (samples * (peak / top)).astype(np.float32)
