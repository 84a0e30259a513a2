"""Word times out of the audio: the whisper/whisperX JSON shape, and filling a recognizer's gaps.

:func:`whisper_json` writes an alignment as the word-timestamps document that
whisper, whisper-timestamped and whisperX users already read (``segments`` with
``words``, and ``word_segments``), so ``align --audio`` output works in other
tools. :func:`fill_gaps` trusts a recognizer's words where it has them and
aligns the audio only inside the stretches it lost.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Any

from captionkit.audio.align import AudioAlignment, AudioWord, align_heard
from captionkit.audio.features import FRAME_MS
from captionkit.audio.listen import Heard, listen
from captionkit.audio.tts import Voice
from captionkit.audio.vad import VAD_MS

_SENTENCE_END = (".", "!", "?", "؟", "…", "。")


def whisper_json(alignment: AudioAlignment, *, language: str = "ar") -> dict[str, Any]:
    """The alignment as a whisperX-shaped document: seconds, ``score`` = confidence.

    Missing words keep their place in the segment text but carry no times, as
    whisperX leaves words it could not align. Segments end at sentence
    punctuation.

    >>> doc = whisper_json(AudioAlignment((AudioWord(0, "مرحبا.", 500, 1200, "aligned", 0.9),), (), 2000))
    >>> doc["segments"][0]["words"]
    [{'word': 'مرحبا.', 'start': 0.5, 'end': 1.2, 'score': 0.9}]
    """
    segments: list[dict[str, Any]] = []
    current: list[AudioWord] = []

    def close() -> None:
        if not current:
            return
        timed = [word for word in current if word.status == "aligned"]
        segment: dict[str, Any] = {"text": " ".join(word.word for word in current)}
        if timed:
            segment["start"] = timed[0].start_ms / 1000
            segment["end"] = timed[-1].end_ms / 1000
        segment["words"] = [_word(word) for word in current]
        segments.append(segment)
        current.clear()

    for word in alignment.words:
        current.append(word)
        if word.word.rstrip("\"'»)]”’").endswith(_SENTENCE_END):
            close()
    close()
    return {
        "language": language,
        "segments": segments,
        "word_segments": [entry for segment in segments for entry in segment["words"]],
    }


def _word(word: AudioWord) -> dict[str, Any]:
    if word.status != "aligned":
        return {"word": word.word}
    return {
        "word": word.word,
        "start": word.start_ms / 1000,
        "end": word.end_ms / 1000,
        "score": word.confidence,
    }


def _window(heard: Heard, start_ms: int, end_ms: int) -> Heard:
    """The part of ``heard`` between ``start_ms`` and ``end_ms``, its times from zero."""
    first = max(0, start_ms // FRAME_MS)
    last = min(len(heard.features), max(first, end_ms // FRAME_MS))
    speech = tuple(
        (max(start, start_ms) - start_ms, min(end, end_ms) - start_ms)
        for start, end in heard.speech
        if end > start_ms and start < end_ms
    )
    return Heard(
        features=heard.features[first:last],
        energy=heard.energy[first:last],
        vad=heard.vad[int(start_ms // VAD_MS) : int(end_ms // VAD_MS)],
        speech=speech,
        duration_ms=(last - first) * FRAME_MS,
        file=heard.file,
    )


def _moved(placed: Sequence[AudioWord], first: int, offset_ms: int) -> list[AudioWord]:
    """Words placed in a window, numbered from ``first`` and timed from the file's start."""
    return [
        replace(
            word,
            index=first + k,
            start_ms=word.start_ms + offset_ms,
            end_ms=word.end_ms + offset_ms,
        )
        for k, word in enumerate(placed)
    ]


def fill_gaps(
    words: Sequence[str],
    known: Sequence[tuple[int, int] | None],
    audio: str | os.PathLike[str] | Heard,
    *,
    language: str = "ar",
    voice: Voice | None = None,
    line_ends: Collection[int] = (),
) -> tuple[AudioWord, ...]:
    """Every word timed: ``known[i]`` (a recognizer's ``(start_ms, end_ms)``) where given, the audio elsewhere.

    Each run of words without a time is aligned to the audio between the known
    word before it and the known word after it, so the recognizer's words stay
    exactly where it put them and the audio only has to place a few words in a
    short window. Known words come back ``aligned`` with confidence 1.
    ``line_ends``: the words that end a script line (see
    :func:`~captionkit.audio.align.align_words`).
    """
    if len(words) != len(known):
        raise ValueError("words and known must have the same length")
    heard = audio if isinstance(audio, Heard) else listen(audio)
    result: list[AudioWord] = []
    index = 0
    total = len(words)
    while index < total:
        times = known[index]
        if times is not None:
            result.append(AudioWord(index, words[index], times[0], times[1], "aligned", 1.0))
            index += 1
            continue
        stop = index
        while stop < total and known[stop] is None:
            stop += 1
        before = next((known[i] for i in range(index - 1, -1, -1) if known[i] is not None), None)
        after = next((known[i] for i in range(stop, total) if known[i] is not None), None)
        window_start = before[1] if before is not None else 0
        window_end = after[0] if after is not None else heard.duration_ms
        run = list(words[index:stop])
        if window_end - window_start < 100:
            result.extend(
                AudioWord(index + k, word, window_start, window_start, "missing", 0.0)
                for k, word in enumerate(run)
            )
        else:
            window = _window(heard, window_start, window_end)
            run_ends = {end - index for end in line_ends if index <= end < stop}
            part = align_heard(run, window, language=language, voice=voice, line_ends=run_ends)
            result.extend(_moved(part.words, index, window_start))
        index = stop
    return tuple(result)
