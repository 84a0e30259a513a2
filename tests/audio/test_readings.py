"""Years read in hundreds where German and English narrators read them so."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from captionkit.audio.readings import reading, readings
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
        assert readings.readings(["質", "問", "ニ", "ュ", "ー"], "ja") == [
            "質",
            "問",
            "ニュー",
            "",
            "",
        ]
    finally:
        readings._kana_converter.cache_clear()


# Each kanji's reading inside the compound, checked in a dictionary (on'yomi; 実 じつ and
# 設 せつ, 結 けつ geminate before a voiceless consonant: じっさい, せってい, けっか).
@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["質", "問"], ["しつ", "もん"]),  # 問 alone is read とん
        (["実", "際"], ["じっ", "さい"]),  # alone: み, きわ
        (["医", "療"], ["い", "りょう"]),  # not いりょ, う: a long vowel ends a reading
        (["認", "識"], ["にん", "しき"]),
        (["設", "定", "した"], ["せっ", "てい", "した"]),
        (["管", "理", "上"], ["かん", "り", "じょう"]),  # kanrijō, "administrative"
        (["検", "査", "結", "果"], ["けん", "さ", "けっ", "か"]),  # kensa kekka
        (["簡", "易"], ["かん", "い"]),  # kan'i: this い follows ん, it is no long vowel
        (["同", "じ"], ["おな", "じ"]),  # onaji: the okurigana じ is its own word's
        (["関", "する"], ["かん", "する"]),
        (["ご", "質", "問"], ["ご", "しつ", "もん"]),
    ],
)
def test_a_kanji_compound_split_over_words_is_read_as_a_compound(
    words: list[str], said: list[str]
) -> None:
    pytest.importorskip("pykakasi", reason="pykakasi (the audio extra) reads kanji as kana")
    assert readings(words, "ja") == said


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (
            ["ニ", "ュ", "ー", "ス"],
            ["ニュー", "", "", "ス"],
        ),  # nyū su: ュ and ー are not morae alone
        (["シ", "ャ", "ー"], ["シャー", "", ""]),
        (["せ", "っ", "て"], ["せっ", "", "て"]),
        (["ショ", "ン"], ["ショ", "ン"]),  # ン is a mora of its own
        (["ー", "ス"], ["", "ス"]),  # nothing before it to lengthen: eSpeak NG would name it
        (["ュ", "ス"], ["ュ", "ス"]),  # read ゆ: as close as it gets
        (["「", "ー", "ス"], ["「", "", "ス"]),
    ],
)
def test_small_kana_and_the_long_vowel_mark_lean_on_the_mora_before(
    words: list[str], said: list[str]
) -> None:
    assert readings(words, "ja") == said


def test_runs_end_at_words_in_other_scripts() -> None:
    pytest.importorskip("pykakasi", reason="pykakasi (the audio extra) reads kanji as kana")
    assert readings(["技", "術", "AI", "ー", "1962"], "ja") == ["ぎ", "じゅつ", "AI", "", "1962"]
    assert readings(["von", "1962"], "de") == ["von", "19 hundert 62"]
    assert readings(["質", "問"], "fr") == ["質", "問"]


@given(
    st.text(alphabet="ぁあぃいうかがきしじっつてのゃゅょアイウカキシジッツャュョンー", max_size=12),
    st.data(),
)
def test_a_kana_run_is_spoken_whole_however_it_is_split(text: str, data: st.DataObject) -> None:
    """Kana read as themselves: the readings, joined, are the text (only moved between words),
    but for a ー that starts the run (nothing to lengthen)."""
    cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(text) - 1)))) if text else [])
    bounds = [0, *[c for c in cuts if c < len(text)], len(text)]
    words = [text[a:b] for a, b in itertools.pairwise(bounds)]
    assert "".join(readings(words, "ja")) == "".join(words).lstrip("ー")
    assert len(readings(words, "ja")) == len(words)


@settings(max_examples=300)
@given(
    st.text(
        alphabet="質問実際管理上日本語東京々あいうかきっゃゅょアイカッャュョンー。、「」・",
        max_size=14,
    ),
    st.data(),
)
@example("実際と違う件に関するご質問", set(range(1, 13)))
@example("「ーー」", {1, 2})
def test_a_split_run_reads_as_the_whole_run(text: str, data: st.DataObject | set[int]) -> None:
    """However the words cut it, the run's reading is the same: only its division differs."""
    pytest.importorskip("pykakasi", reason="pykakasi (the audio extra) reads kanji as kana")
    drawn = (
        data if isinstance(data, set) else data.draw(st.sets(st.integers(1, max(1, len(text) - 1))))
    )
    bounds = [0, *sorted(c for c in drawn if 0 < c < len(text)), len(text)]
    words = [text[a:b] for a, b in itertools.pairwise(bounds)]
    said = readings(words, "ja")
    assert len(said) == len(words)
    assert "".join(said) == "".join(readings(["".join(words)], "ja"))


def test_a_run_read_together_is_spoken_shorter() -> None:
    """ー alone is eSpeak NG's name for the mark (0.9 s); ニュース said whole is ~0.5 s."""
    voice = Voice("ja")
    words = ["ニ", "ュ", "ー", "ス"]
    alone = synthesize(words, voice)
    together = synthesize(readings(words, "ja"), voice)
    assert together.duration_ms < 0.5 * alone.duration_ms
    assert together.word_starts.tolist()[1:3] == [-1, -1]  # said nothing: ュ and ー
    assert (together.word_starts[[0, 3]] >= 0).all()
