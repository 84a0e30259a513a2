"""Years read in hundreds where German and English narrators read them so."""

from __future__ import annotations

import pytest

from captionkit.audio.readings import reading
from captionkit.audio.tts import Voice, synthesize


@pytest.mark.parametrize(
    ("word", "language", "said"),
    [
        ("1962", "de", "19 hundert 62"),
        ("(1848)", "de", "(18 hundert 48)"),
        ("1900.", "de", "19 hundert."),
        ("1962", "en", "19 62"),
        ("1905", "en-us", "19 oh 5"),
        ("1800", "en", "18 hundred"),
        ("1962", "fr", "1962"),  # mille neuf cent soixante-deux: eSpeak NG reads it so
        ("1962", "ar", "1962"),
        ("2024", "de", "2024"),  # zweitausendvierundzwanzig
        ("1050", "de", "1050"),
        ("19620", "de", "19620"),
        ("1.962", "de", "1.962"),
        ("Jahr", "de", "Jahr"),
    ],
)
def test_years_are_read_as_narrators_read_them(word: str, language: str, said: str) -> None:
    assert reading(word, language) == said


def test_a_german_year_is_spoken_shorter() -> None:
    """eSpeak NG says "eintausend neunhundert zweiundsechzig" for 1962; a German speaker
    says "neunzehnhundertzweiundsechzig", one word of the two fewer."""
    voice = Voice("de")
    as_number = synthesize(["von", "1962", "als"], voice)
    as_year = synthesize(["von", reading("1962", "de"), "als"], voice)
    cardinal = as_number.word_starts[2] - as_number.word_starts[1]
    year = as_year.word_starts[2] - as_year.word_starts[1]
    assert year < 0.9 * cardinal
