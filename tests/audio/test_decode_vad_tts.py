"""Decoding in chunks, speech activity, and eSpeak NG's word events."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from captionkit.audio import AudioError, speech_regions
from captionkit.audio.decode import read, stream, write_wav
from captionkit.audio.simulate import Narration
from captionkit.audio.tts import TARGET_RATE, Voice, synthesize
from captionkit.errors import CaptionkitError
from tests.conftest import shared_path


def _ffmpeg_children() -> list[int]:
    """Process ids of ffmpeg children of this process (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        if parent == os.getpid() and "ffmpeg" in name:
            found.append(int(entry.name))
    return found


def test_stream_gives_the_samples_in_chunks(tmp_path: Path) -> None:
    t = np.arange(3 * TARGET_RATE + 123) / TARGET_RATE
    tone = (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    path = tmp_path / "tone.wav"
    write_wav(path, tone)
    chunks = list(stream(path, chunk=TARGET_RATE))
    assert [len(c) for c in chunks] == [TARGET_RATE] * 3 + [123]
    # 16-bit quantisation is the only loss
    assert np.max(np.abs(np.concatenate(chunks) - tone)) < 1e-4


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_stopping_early_kills_and_reaps_ffmpeg(tmp_path: Path) -> None:
    path = tmp_path / "long.wav"
    write_wav(path, np.zeros(20 * TARGET_RATE, np.float32))
    chunks = stream(path, chunk=1600)
    next(chunks)
    assert _ffmpeg_children()
    chunks.close()
    assert _ffmpeg_children() == []

    def consume() -> None:
        for _ in stream(path, chunk=1600):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        consume()
    assert _ffmpeg_children() == []


def test_errors_name_the_file(tmp_path: Path) -> None:
    absent = tmp_path / "absent.mp4"
    with pytest.raises(AudioError) as caught:
        read(absent)
    assert caught.value.file == str(absent)
    junk = tmp_path / "junk.mp3"
    junk.write_bytes(b"this is not audio at all" * 10)
    with pytest.raises(CaptionkitError) as caught_junk:
        read(junk)
    assert caught_junk.value.file == str(junk)
    assert "ffmpeg" in caught_junk.value.message


def test_vad_finds_the_sentences_and_not_the_pauses(narration: Narration, tmp_path: Path) -> None:
    path = tmp_path / "clean.wav"
    write_wav(path, narration.samples)
    found = speech_regions(path)
    # every sentence is inside a region (edges within 150 ms)
    for start, end in narration.speech_ms:
        assert any(a - 150 <= start and end <= b + 150 for a, b in found), (start, end, found)
    # the silent intro (2 s) is not speech
    assert found[0][0] >= 2000 - 150
    # and no region covers the middle of a pause of 400 ms or more
    for (_, end), (start, _) in zip(narration.speech_ms, narration.speech_ms[1:], strict=False):
        if start - end >= 400:
            middle = (start + end) // 2
            assert not any(a < middle < b for a, b in found)


def test_word_events_place_every_word() -> None:
    words = "في عام 2023 أعلنت الحكومة".split()
    synthesis = synthesize(words, Voice("ar"))
    starts = synthesis.word_starts.tolist()
    assert all(s >= 0 for s in starts)
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    # "2023" is read as several words (ألفان وثلاثة وعشرون): it lasts far longer than "عام"
    assert starts[3] - starts[2] > 2 * (starts[2] - starts[1])
    # speech follows each start (energy in the 100 ms after it)
    for start in starts:
        assert np.abs(synthesis.samples[start : start + TARGET_RATE // 10]).max() > 0.01


def test_synthesis_of_nothing_is_empty() -> None:
    synthesis = synthesize(["", "  "], Voice("ar"))
    assert len(synthesis.samples) == 0
    assert synthesis.word_starts.tolist() == [-1, -1]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_interrupted_listening_leaves_no_process_or_thread(tmp_path: Path) -> None:
    import threading

    from captionkit.audio import listen

    path = tmp_path / "long.wav"
    write_wav(path, np.zeros(70 * TARGET_RATE, np.float32))

    def interrupt(samples: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        listen(path, progress=interrupt)
    assert _ffmpeg_children() == []
    assert not any(t.name == "captionkit-vad" for t in threading.enumerate())


def test_a_job_synthesizes_the_same_whatever_came_before() -> None:
    from captionkit.audio.align import speak

    words = "أعلنت وزارة التربية والتعليم اليوم عن خطة جديدة لتطوير المناهج الدراسية.".split()
    first = speak(words, Voice("ar"))
    # other texts and another voice leave eSpeak NG's static state elsewhere
    synthesize("وفي الشأن الاقتصادي ارتفعت أسعار النفط عام 2023.".split(), Voice("ar+f2", rate=210))
    again = speak(words, Voice("ar"))
    assert np.array_equal(first.features, again.features)
    assert first.starts.tolist() == again.starts.tolist()


def test_a_region_after_a_pause_starts_where_the_voice_rises_again() -> None:
    from captionkit.audio.vad import regions

    # 30 windows of speech, a 320 ms pause where the model holds 0.06-0.1 (as
    # Silero does in a clean recording), 30 windows of speech
    pause = [0.1, 0.08, 0.07, 0.06, 0.07, 0.08, 0.09, 0.08, 0.06, 0.07]
    p = np.array([1.0] * 30 + pause + [1.0] * 30, np.float32)
    # by hand: the first region ends at window 30 (960 ms) less the 80 ms
    # hangover plus 30 ms of padding; the second rises at window 40 (1280 ms)
    # and starts 30 ms before it, not back inside the pause; it runs to the end
    # (70 windows, 2240 ms: the probability never falls, no hangover is taken off)
    assert regions(p) == ((0, 910), (1250, 2240))
    # a breathy onset that climbs from under 0.05 still starts at the climb
    climb = np.array([0.0] * 20 + [0.02, 0.1, 0.2, 0.4, 0.7] + [1.0] * 20, np.float32)
    assert regions(climb)[0][0] == 21 * 32 - 30


def test_radio_speech_is_heard() -> None:
    from captionkit.audio import listen

    # apollo11: band-limited radio (300-2500 Hz) under static; whisper large
    # heard 25 words between 42 and 56 s ("and I guess, excuse me, the helmet
    # bags ... Roger, I'm taking the next A out of the CLS"), and the
    # spectrogram shows voiced harmonics throughout. The model at 8 kHz scored
    # that stretch under 0.05 on average and the aligner lost all its words.
    audio = shared_path("corpus/word-timestamps/whisper-timestamped/tests/data/apollo11.mp3")
    heard = listen(audio)
    covered = sum(max(0, min(b, 56_000) - max(a, 42_000)) for a, b in heard.speech)
    assert covered >= 0.4 * 14_000
