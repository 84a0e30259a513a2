"""Read an audio or video file once, a chunk at a time, into what every audio step needs.

One pass through ffmpeg gives the MFCCs (10 ms frames), each frame's energy and
the speech probabilities (32 ms windows). The voice-activity model runs on a
second thread (its native code releases the interpreter lock), so the two
halves of the work use both cores.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterable
from contextlib import closing
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from captionkit.audio import decode
from captionkit.audio.features import FRAME_MS, MfccStream
from captionkit.audio.tts import TARGET_RATE
from captionkit.audio.vad import DEFAULT_SETTINGS, VadSettings, VadStream, regions


@dataclass(frozen=True, slots=True)
class Heard:
    """What was heard in one file: features, speech probabilities, speech regions, length."""

    features: npt.NDArray[np.float32]
    energy: npt.NDArray[np.float32]
    vad: npt.NDArray[np.float32]
    speech: tuple[tuple[int, int], ...]
    duration_ms: int
    file: str | None = None

    @property
    def frame_ms(self) -> int:
        return FRAME_MS


def listen_chunks(
    chunks: Iterable[npt.NDArray[np.float32]],
    *,
    file: str | None = None,
    settings: VadSettings = DEFAULT_SETTINGS,
    progress: Callable[[int], None] | None = None,
) -> Heard:
    """Features and speech activity of a stream of 16 kHz chunks (``progress`` gets samples read)."""
    mfcc = MfccStream()
    vad = VadStream()
    work: queue.Queue[npt.NDArray[np.float32] | None] = queue.Queue(maxsize=4)
    failure: list[BaseException] = []

    def run_vad() -> None:
        try:
            while (chunk := work.get()) is not None:
                vad.feed(chunk)
        except BaseException as error:  # re-raised on the caller's thread
            failure.append(error)
            while work.get() is not None:
                pass

    worker = threading.Thread(target=run_vad, name="captionkit-vad", daemon=True)
    worker.start()
    total = 0
    try:
        for chunk in chunks:
            work.put(chunk)
            mfcc.feed(chunk)
            total += len(chunk)
            if progress is not None:
                progress(total)
    finally:
        work.put(None)
        worker.join()
    if failure:
        raise failure[0]
    features, energy = mfcc.result()
    scores = vad.result()
    return Heard(
        features=features,
        energy=energy,
        vad=scores,
        speech=regions(scores, settings),
        duration_ms=total * 1000 // TARGET_RATE,
        file=file,
    )


def listen(
    audio: str | os.PathLike[str],
    *,
    settings: VadSettings = DEFAULT_SETTINGS,
    progress: Callable[[int], None] | None = None,
) -> Heard:
    """Decode ``audio`` (any file ffmpeg reads) and hear it: see :func:`listen_chunks`."""
    path = os.fspath(audio)
    # closed at once however listening ends, so ffmpeg is killed and reaped then
    with closing(decode.stream(path)) as chunks:
        return listen_chunks(chunks, file=path, settings=settings, progress=progress)


def speech_regions(audio: str | os.PathLike[str]) -> tuple[tuple[int, int], ...]:
    """Where someone speaks in ``audio``: ``(start_ms, end_ms)`` pairs, sorted and disjoint."""
    path = os.fspath(audio)
    vad = VadStream()
    with closing(decode.stream(path)) as chunks:
        for chunk in chunks:
            vad.feed(chunk)
    return regions(vad.result())
