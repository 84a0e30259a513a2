"""Any file the packaged ffmpeg reads, as 16 kHz mono float samples, a chunk at a time.

A two-hour video holds 115 million samples (460 MB as floats); the aligner never
needs them all at once, so they come out of ffmpeg's pipe in chunks and each chunk
is turned into features before the next is read. The ffmpeg child is killed and
waited on whatever way the consumer stops: exhausted, closed early, an exception
or a KeyboardInterrupt.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Generator
from pathlib import Path
from typing import IO

import numpy as np
import numpy.typing as npt

from captionkit.audio.errors import AudioError
from captionkit.audio.tts import TARGET_RATE
from captionkit.packaged import packaged_ffmpeg

#: Samples per chunk: 30 s at 16 kHz.
CHUNK = 30 * TARGET_RATE


def ffmpeg_exe() -> str:
    """The packaged ffmpeg (imageio-ffmpeg's), or ``$CAPTIONKIT_FFMPEG`` when set."""
    try:
        return packaged_ffmpeg()
    except ImportError:
        raise AudioError(
            "ffmpeg is not installed: reinstall captionkit, whose dependency imageio-ffmpeg brings it"
        ) from None
    except RuntimeError as error:
        raise AudioError(f"imageio-ffmpeg has no ffmpeg binary: {error}") from None


def stream(
    audio: str | os.PathLike[str], *, chunk: int = CHUNK, rate: int = TARGET_RATE
) -> Generator[npt.NDArray[np.float32], None, None]:
    """Yield the audio of ``audio`` as mono float32 chunks of ``chunk`` samples (the last shorter).

    A file with no audio stream, or one ffmpeg cannot read, raises
    :class:`AudioError` naming the file.
    """
    path = os.fspath(audio)
    if not Path(path).is_file():
        raise AudioError("no such audio or video file", file=path)
    command = [
        ffmpeg_exe(),
        "-hide_banner",
        "-nostdin",
        "-loglevel",
        "error",
        "-i",
        path,
        "-vn",
        "-ac",
        "1",
        "-ar",
        str(rate),
        "-f",
        "f32le",
        "-",
    ]
    # stderr goes to a file, not a pipe: a chatty ffmpeg can never block on it
    with tempfile.TemporaryFile() as errors:
        yield from _run(command, errors, chunk, path)


def _run(
    command: list[str], errors: IO[bytes], chunk: int, path: str
) -> Generator[npt.NDArray[np.float32], None, None]:
    """Read ffmpeg's output in chunks; kill and reap it however the reading stops."""
    process = subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors
    )
    assert process.stdout is not None
    finished = False
    try:
        size = chunk * 4
        pending = b""
        while True:
            data = process.stdout.read(size - len(pending))
            if not data:
                break
            pending += data
            if len(pending) >= size:
                yield np.frombuffer(pending, dtype="<f4").astype(np.float32)
                pending = b""
        usable = len(pending) - len(pending) % 4
        if usable:
            yield np.frombuffer(pending[:usable], dtype="<f4").astype(np.float32)
        code = process.wait()
        finished = True
        errors.seek(0)
        error = errors.read().decode("utf-8", "replace").strip()
        if code != 0:
            tail = " | ".join(error.splitlines()[-2:]) or f"exit status {code}"
            raise AudioError(f"ffmpeg could not decode the audio: {tail}", file=path)
    finally:
        if not finished:
            process.kill()
            process.wait()
        process.stdout.close()


def read(audio: str | os.PathLike[str]) -> npt.NDArray[np.float32]:
    """The whole audio at once: for short clips and tests, never for long files."""
    parts = list(stream(audio))
    return np.concatenate(parts) if parts else np.zeros(0, np.float32)


def write_wav(
    path: str | os.PathLike[str], samples: npt.NDArray[np.float32], rate: int = TARGET_RATE
) -> None:
    """Write mono 16-bit PCM WAV (for tests and benchmarks that make their own audio)."""
    import wave

    clipped = np.clip(np.asarray(samples, dtype=np.float64), -1.0, 1.0)
    pcm = (clipped * 32767.0).astype("<i2")
    with wave.open(os.fspath(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(pcm.tobytes())
