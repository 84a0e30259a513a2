"""The whisperX-shaped output reads back through captionkit's own timestamp reader."""

from __future__ import annotations

import json

from captionkit.align.sources import loads_timestamps
from captionkit.audio import AudioAlignment, AudioWord, whisper_json


def test_whisper_json_reads_back_as_whisperx_words() -> None:
    alignment = AudioAlignment(
        (
            AudioWord(0, "مرحبا", 500, 900, "aligned", 0.9),
            AudioWord(1, "بكم.", 900, 1500, "aligned", 0.8),
            AudioWord(2, "في", 1500, 1500, "missing", 0.0),
            AudioWord(3, "الأخبار.", 1600, 2100, "aligned", 0.7),
        ),
        ((450, 2150),),
        3000,
    )
    document = whisper_json(alignment)
    assert [s["text"] for s in document["segments"]] == ["مرحبا بكم.", "في الأخبار."]
    assert document["segments"][1]["start"] == 1.6  # the missing word gives the segment no time
    stamps = loads_timestamps(json.dumps(document, ensure_ascii=False))
    assert stamps.format == "whisperx"
    assert [(w.text, w.start, w.end) for w in stamps.words] == [
        ("مرحبا", 500, 900),
        ("بكم.", 900, 1500),
        ("في", None, None),
        ("الأخبار.", 1600, 2100),
    ]
