"""Speech synthesis with eSpeak NG, driven through ctypes, with each word's sample offset.

The ``espeakng-loader`` wheel ships ``libespeak-ng.so`` and its language data
(Arabic, English, French, Catalan, ...), so nothing is downloaded and no
system program is needed. The library is driven synchronously: every buffer of
samples comes back through a callback together with the events that happened in
it, among them one *word* event per spoken word with the word's character
position in the text and its time. Those events are what lets the aligner say
where each narration word sits in the synthesized audio.

eSpeak NG keeps one global state per process, so every call here holds a lock.
Some of that state (in static variables that ``espeak_Terminate`` does not
reset) carries from one synthesis to the next: the same text comes out a few
samples longer or shorter after other texts. :func:`fresh_engine` unloads and
reloads the library (20 ms), so that a job started after it gives the same
result whatever was synthesized before it in the process.
"""

from __future__ import annotations

import ctypes
import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from captionkit.audio.errors import AudioError, missing

#: eSpeak NG's own output rate.
ESPEAK_RATE = 22_050
#: The rate the whole audio package works at.
TARGET_RATE = 16_000

_AUDIO_OUTPUT_SYNCHRONOUS = 2
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_EVENT_LIST_TERMINATED = 0
_EVENT_WORD = 1
_RATE, _VOLUME, _PITCH, _RANGE = 1, 2, 3, 4
_EE_OK = 0


class _EventId(ctypes.Union):
    _fields_ = (("number", ctypes.c_int), ("name", ctypes.c_char_p), ("string", ctypes.c_char * 8))


class _Event(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", _EventId),
    )


_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event)
)


@dataclass(frozen=True, slots=True)
class Voice:
    """How eSpeak NG speaks: a voice name (``"ar"``, ``"ar+f3"``), rate in words a minute, pitch 0-99."""

    name: str = "ar"
    rate: int = 175
    pitch: int = 50
    range: int = 50


@dataclass(frozen=True, slots=True)
class Synthesis:
    """Synthesized speech at 16 kHz and where each word of the text starts in it.

    ``word_starts[i]`` is the sample where word ``i`` of the words given to
    :func:`synthesize` starts, or -1 when eSpeak NG said nothing for it
    (punctuation alone). Several events inside one token (a number read as
    several words) count once, at the first.
    """

    samples: npt.NDArray[np.float32]
    word_starts: npt.NDArray[np.int64]

    @property
    def duration_ms(self) -> int:
        return len(self.samples) * 1000 // TARGET_RATE


class _Engine:
    """The loaded library, initialised once, and the buffers one synthesis fills."""

    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError as error:
            raise missing("espeakng-loader", error) from None
        try:
            self.lib: Any = ctypes.CDLL(espeakng_loader.get_library_path())
            data = espeakng_loader.get_data_path()
        except (OSError, RuntimeError) as error:
            raise AudioError(f"eSpeak NG could not be loaded: {error}") from None
        self.lib.espeak_Initialize.restype = ctypes.c_int
        self.lib.espeak_Initialize.argtypes = (
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_int,
        )
        self.lib.espeak_SetVoiceByName.argtypes = (ctypes.c_char_p,)
        self.lib.espeak_SetParameter.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_int)
        self.lib.espeak_Synth.argtypes = (
            ctypes.c_void_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        )
        rate = self.lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 500, data.encode(), 0)
        if rate <= 0:
            raise AudioError(f"eSpeak NG failed to start with its data at {data}")
        self.rate = int(rate)
        self.chunks: list[npt.NDArray[np.int16]] = []
        self.events: list[tuple[int, int]] = []  # (character position from 1, sample)
        self.total = 0
        self.callback = _CALLBACK(self._on_audio)
        self.lib.espeak_SetSynthCallback(self.callback)
        self.voice: Voice | None = None

    def _on_audio(self, wav: Any, count: int, events: Any) -> int:
        index = 0
        while events[index].type != _EVENT_LIST_TERMINATED:
            event = events[index]
            if event.type == _EVENT_WORD:
                sample = event.audio_position * self.rate // 1000
                self.events.append((event.text_position, sample))
            index += 1
        if count > 0 and wav:
            self.chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
            self.total += count
        return 0

    def set_voice(self, voice: Voice) -> None:
        if voice == self.voice:
            return
        if self.lib.espeak_SetVoiceByName(voice.name.encode()) != _EE_OK:
            raise AudioError(f"eSpeak NG has no voice {voice.name!r}")
        for parameter, value in ((_RATE, voice.rate), (_PITCH, voice.pitch), (_RANGE, voice.range)):
            self.lib.espeak_SetParameter(parameter, value, 0)
        self.voice = voice

    def speak(self, text: str) -> tuple[npt.NDArray[np.int16], list[tuple[int, int]]]:
        self.chunks, self.events, self.total = [], [], 0
        data = text.encode("utf-8") + b"\0"
        buffer = ctypes.create_string_buffer(data, len(data))
        status = self.lib.espeak_Synth(
            buffer, len(data), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None
        )
        if status != _EE_OK:
            raise AudioError(f"eSpeak NG failed to synthesize (status {status})")
        samples = np.concatenate(self.chunks) if self.chunks else np.zeros(0, np.int16)
        return samples, self.events


_LOCK = threading.Lock()


@cache
def _engine() -> _Engine:
    return _Engine()


def fresh_engine() -> None:
    """Start the next synthesis from the library's initial state (unloaded and loaded again).

    Where the platform cannot unload a library, nothing happens: results then
    depend (by a few samples) on what was synthesized before in the process.
    """
    import _ctypes

    unload = getattr(_ctypes, "dlclose", None)
    with _LOCK:
        if unload is None or _engine.cache_info().currsize == 0:
            return
        engine = _engine()
        engine.lib.espeak_Terminate()
        unload(engine.lib._handle)
        _engine.cache_clear()


def available() -> bool:
    """Whether eSpeak NG can be loaded here."""
    try:
        _engine()
    except AudioError:
        return False
    return True


def resample(
    samples: npt.NDArray[np.floating[Any]], source: int, target: int
) -> npt.NDArray[np.float32]:
    """Linear-interpolation resampling; eSpeak's formant speech has little above 8 kHz to alias.

    The output positions repeat every ``target / gcd`` samples, so one period of
    indices and weights is computed and tiled, in float32 (a third of the cost of
    ``np.interp`` over the whole signal).

    >>> resample(np.arange(4, dtype=np.float32), 2, 4).tolist()
    [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.0]
    """
    if source == target or len(samples) == 0:
        return samples.astype(np.float32)
    count = int(len(samples) * target // source)
    common = math.gcd(source, target)
    step_in, step_out = source // common, target // common
    exact = np.arange(step_out, dtype=np.int64) * step_in  # positions x step_out, one period
    offsets, weights = exact // step_out, (exact % step_out / step_out).astype(np.float32)
    periods = -(-count // step_out)
    left = (np.arange(periods, dtype=np.int64)[:, None] * step_in + offsets).ravel()[:count]
    np.minimum(left, len(samples) - 1, out=left)
    x = np.asarray(samples, dtype=np.float32)
    right = x[np.minimum(left + 1, len(samples) - 1)]
    base = x[left]
    out: npt.NDArray[np.float32] = base + np.tile(weights, periods)[:count] * (right - base)
    return out


def synthesize(words: Sequence[str], voice: Voice = Voice()) -> Synthesis:
    """Speak ``words`` (joined by spaces) and say where each one starts.

    Word events carry a character position; each is given to the word whose
    characters contain it (a number read as "twenty five" gives two events in one
    token: the first counts).
    """
    text_parts: list[str] = []
    owner: list[int] = []  # character index (from 0) -> word index
    for index, word in enumerate(words):
        clean = " ".join(word.split())
        if text_parts:
            text_parts.append(" ")
            owner.append(index - 1 if index else 0)
        text_parts.append(clean)
        owner.extend([index] * len(clean))
    text = "".join(text_parts)
    starts = np.full(len(words), -1, dtype=np.int64)
    if not text.strip():
        return Synthesis(np.zeros(0, np.float32), starts)
    with _LOCK:
        engine = _engine()
        engine.set_voice(voice)
        raw, events = engine.speak(text)
        rate = engine.rate
    scale = TARGET_RATE / rate
    for position, sample in events:
        character = position - 1
        if not 0 <= character < len(owner):
            continue
        owning = owner[character]
        if starts[owning] < 0:
            starts[owning] = round(sample * scale)
    audio = resample(raw.astype(np.float32) / 32768.0, rate, TARGET_RATE)
    return Synthesis(audio, starts)
