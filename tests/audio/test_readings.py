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


@pytest.mark.parametrize(
    ("word", "said"),
    [
        ("質問", "しつもん"),  # shitsumon, "question"
        ("日本語", "にほんご"),  # nihongo
        ("東京", "とうきょう"),  # tōkyō
        ("私は", "わたしは"),  # watashi + the particle wa, written は: one word still
        ("AI技術", "AIぎじゅつ"),  # gijutsu; the Latin letters kept as written
        ("こんにちは", "こんにちは"),  # kana only: unchanged
        ("ニュース", "ニュース"),
        ("1962", "1962"),
    ],
)
def test_japanese_kanji_are_read_in_hiragana(word: str, said: str) -> None:
    """eSpeak NG speaks a kanji as its character name (1.7 s for 質問): it is given the kana."""
    pytest.importorskip("pykakasi", reason="pykakasi (the audio extra) reads kanji as kana")
    assert reading(word, "ja") == said
    assert reading(word, "ja-jp") == said
    assert reading(word, "fr") == word  # only Japanese


def test_a_japanese_word_in_hiragana_is_spoken_shorter() -> None:
    """The kana reading is one word (one word event) and far shorter than the kanji names."""
    pytest.importorskip("pykakasi", reason="pykakasi (the audio extra) reads kanji as kana")
    voice = Voice("ja")
    as_kanji = synthesize(["ご", "質問", "です"], voice)
    as_kana = synthesize(["ご", reading("質問", "ja"), "です"], voice)
    assert (as_kana.word_starts >= 0).all()
    kanji = as_kanji.word_starts[2] - as_kanji.word_starts[1]
    kana = as_kana.word_starts[2] - as_kana.word_starts[1]
    assert kana < 0.5 * kanji


def test_without_pykakasi_a_japanese_word_is_spoken_as_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from captionkit.audio import readings

    monkeypatch.setitem(sys.modules, "pykakasi", None)  # import raises ImportError
    readings._kana_converter.cache_clear()
    try:
        assert reading("質問", "ja") == "質問"
    finally:
        readings._kana_converter.cache_clear()
