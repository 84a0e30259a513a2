"""Script-to-audio alignment without a recognizer: the aeneas method, made sturdier.

1. Synthesize the words with eSpeak NG and keep each word's sample offset.
2. Take MFCCs of the synthesis and of the real audio.
3. Drop the synthesis's silences and the real audio's non-speech (voice
   activity), so music, noise and pauses never pull the path.
4. Align the two speech-only sequences by DTW (cosine cost, coarse to fine in a band).
5. Map each word's synthesized start and end through the path to real time.
   Since non-speech was dropped, a word that follows a pause lands on the
   speech onset after it: cue edges snap to speech-activity edges by construction.
6. Words that the path crosses at a run (many synthesized frames squeezed into
   a few real ones, at a poor similarity) have no audio of their own: they are
   reported ``missing`` rather than stretched over the neighbouring speech.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from captionkit.audio.dtw import align_path
from captionkit.audio.features import FRAME_MS, HOP, mfcc_frames, normalize
from captionkit.audio.listen import Heard, listen
from captionkit.audio.tts import Voice, synthesize
from captionkit.audio.vad import frame_mask

Status = Literal["aligned", "missing"]

#: eSpeak NG voice for a language code (most codes are voices of their own).
VOICES = {"zh": "cmn"}


@dataclass(frozen=True, slots=True)
class AudioWord:
    """One narration word placed in the audio (``missing``: no audio of its own was found)."""

    index: int
    word: str
    start_ms: int
    end_ms: int
    status: Status
    confidence: float


@dataclass(frozen=True, slots=True)
class AudioAlignment:
    """Every narration word in order, the speech regions heard, and the audio's length."""

    words: tuple[AudioWord, ...]
    speech: tuple[tuple[int, int], ...]
    duration_ms: int

    @property
    def aligned(self) -> tuple[AudioWord, ...]:
        return tuple(word for word in self.words if word.status == "aligned")

    @property
    def missing(self) -> tuple[AudioWord, ...]:
        return tuple(word for word in self.words if word.status == "missing")


@dataclass(frozen=True, slots=True)
class _Spoken:
    features: npt.NDArray[np.float32]
    energy: npt.NDArray[np.float32]
    starts: npt.NDArray[np.int64]  # synthesized frame of each word, -1 when silent


def _groups(words: Sequence[str], size: int = 40, most: int = 90) -> Iterator[tuple[int, int]]:
    """Word ranges to synthesize one at a time: sentence ends after ``size`` words, at most ``most``."""
    begin = 0
    for index, word in enumerate(words):
        count = index + 1 - begin
        ends_sentence = word.rstrip("\"'»)]”’").endswith((".", "!", "?", "؟", "…", "。", ":", "؛", ";"))
        if (count >= size and ends_sentence) or count >= most:
            yield begin, index + 1
            begin = index + 1
    if begin < len(words):
        yield begin, len(words)


def speak(words: Sequence[str], voice: Voice) -> _Spoken:
    """Synthesize ``words`` group by group; features only, never the whole synthesized audio."""
    features: list[npt.NDArray[np.float32]] = []
    energies: list[npt.NDArray[np.float32]] = []
    starts = np.full(len(words), -1, np.int64)
    frames = 0
    for begin, end in _groups(words):
        synthesis = synthesize(words[begin:end], voice)
        if len(synthesis.samples) == 0:
            continue
        # a little silence after each group, so its last frame is whole
        padded = np.concatenate([synthesis.samples, np.zeros(HOP * 4, np.float32)])
        group_features, group_energy = mfcc_frames(padded)
        found = synthesis.word_starts >= 0
        starts[begin:end][found] = frames + synthesis.word_starts[found] // HOP
        features.append(group_features)
        energies.append(group_energy)
        frames += len(group_features)
    if not features:
        return _Spoken(np.zeros((0, 13), np.float32), np.zeros(0, np.float32), starts)
    return _Spoken(np.concatenate(features), np.concatenate(energies), starts)


def _voiced(energy: npt.NDArray[np.float32], *, shortest: int = 5) -> npt.NDArray[np.bool_]:
    """Frames of synthesized speech that are not silence (silent runs of ``shortest`` frames dropped)."""
    if len(energy) == 0:
        return np.zeros(0, bool)
    loud = energy > np.percentile(energy, 95) - 9.0
    keep = np.ones(len(energy), bool)
    quiet = ~loud
    edges = np.flatnonzero(np.diff(np.concatenate([[0], quiet.astype(np.int8), [0]])))
    for begin, end in zip(edges[::2], edges[1::2], strict=True):
        if end - begin >= shortest:
            keep[begin:end] = False
    return keep


def voice_for(language: str) -> Voice:
    """The aligner's own voice for ``language`` (an eSpeak NG language code)."""
    return Voice(name=VOICES.get(language, language))


def align_heard(
    words: Sequence[str],
    heard: Heard,
    *,
    language: str = "ar",
    voice: Voice | None = None,
    progress: Callable[[float], None] | None = None,
) -> AudioAlignment:
    """Align ``words`` to audio already heard (see :func:`captionkit.audio.listen.listen`)."""
    words = list(words)
    spoken = speak(words, voice or voice_for(language))
    if progress is not None:
        progress(0.3)
    synth_keep = _voiced(spoken.energy)
    real_keep = frame_mask(heard.speech, len(heard.features), FRAME_MS)
    synth_index = np.flatnonzero(synth_keep)
    real_index = np.flatnonzero(real_keep)
    if len(synth_index) == 0 or len(real_index) == 0 or not words:
        return AudioAlignment(
            words=tuple(
                AudioWord(i, w, 0, 0, "missing", 0.0) for i, w in enumerate(words)
            ),
            speech=heard.speech,
            duration_ms=heard.duration_ms,
        )
    rows = normalize(spoken.features[synth_index])
    columns = normalize(heard.features[real_index])

    def stage(fraction: float) -> None:
        if progress is not None:
            progress(0.3 + 0.65 * fraction)

    low, high = align_path(rows, columns, progress=stage)
    similarity = np.einsum("nd,nd->n", rows, columns[low])
    result = _place(words, spoken.starts, synth_index, real_index, low, high, similarity)
    if progress is not None:
        progress(1.0)
    return AudioAlignment(words=result, speech=heard.speech, duration_ms=heard.duration_ms)


def _place(
    words: Sequence[str],
    starts: npt.NDArray[np.int64],
    synth_index: npt.NDArray[np.int64],
    real_index: npt.NDArray[np.int64],
    low: npt.NDArray[np.int64],
    high: npt.NDArray[np.int64],
    similarity: npt.NDArray[np.float32],
) -> tuple[AudioWord, ...]:
    """Each word's real start and end from the path, and whether its audio is there."""
    n = len(synth_index)
    # each word's first and one-past-last row (speech-only synthesized frames)
    known = starts >= 0
    filled = starts.copy()
    # a word eSpeak said nothing for starts where the next spoken word does
    next_start = np.inf
    for i in range(len(filled) - 1, -1, -1):
        if filled[i] < 0:
            filled[i] = int(next_start) if np.isfinite(next_start) else int(synth_index[-1]) + 1
        next_start = float(filled[i])
    first_row = np.searchsorted(synth_index, filled, side="left")
    end_row = np.concatenate([first_row[1:], [n]])
    end_row = np.maximum(end_row, first_row)
    placed: list[AudioWord] = []
    for i, word in enumerate(words):
        a, b = int(first_row[i]), int(end_row[i])
        if a >= n:
            start = end = int(real_index[-1] + 1) * FRAME_MS
            placed.append(AudioWord(i, word, start, end, "missing", 0.0))
            continue
        start = int(real_index[low[a]]) * FRAME_MS
        if b > a:
            end = (int(real_index[high[b - 1]]) + 1) * FRAME_MS
            synth_frames = b - a
            real_frames = int(high[b - 1] - low[a] + 1)
            score = float(np.mean(similarity[a:b]))
        else:
            end = start
            synth_frames = real_frames = 0
            score = 0.0
        confidence = float(np.clip((score + 0.1) / 0.6, 0.0, 1.0)) if known[i] else 0.0
        squeezed = synth_frames >= 8 and real_frames < 0.25 * synth_frames
        status: Status = "missing" if squeezed and score < 0.3 else "aligned"
        placed.append(AudioWord(i, word, start, max(end, start), status, round(confidence, 3)))
    return tuple(placed)


def align_words(
    words: Sequence[str],
    audio: str | os.PathLike[str],
    *,
    language: str = "ar",
    voice: Voice | None = None,
    progress: Callable[[float], None] | None = None,
) -> AudioAlignment:
    """Place each of ``words`` in ``audio`` (any file the packaged ffmpeg reads).

    ``language`` picks eSpeak NG's voice (``"ar"``, ``"en"``, ``"fr"``, ...);
    ``progress`` receives the fraction done, from 0 to 1.
    """
    heard = listen(audio)
    if progress is not None:
        progress(0.1)

    def rest(fraction: float) -> None:
        if progress is not None:
            progress(0.1 + 0.9 * fraction)

    return align_heard(words, heard, language=language, voice=voice, progress=rest)
