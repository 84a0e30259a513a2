"""Timestamp readers: one test per format, on real recognizer output and hand-made files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionkit.align.aligner import align_narration
from captionkit.align.sources import (
    AlignmentError,
    Timestamps,
    detect_timestamps_format,
    loads_timestamps,
    read_timestamps,
)
from captionkit.errors import CaptionkitError, ParseError
from tests.conftest import FIXTURES, shared_path

ALIGN = FIXTURES / "align"
WORD_STAMPS = ("corpus", "word-timestamps", "whisper-ctranslate2", "e2e-tests")
TIMESTAMPED = ("corpus", "word-timestamps", "whisper-timestamped", "tests", "expected")


def spans(path: Path, format: str | None = None) -> list[tuple[str, int | None, int | None]]:
    return [(w.text, w.start, w.end) for w in read_timestamps(path, format).words]


# --------------------------------------------------------------------------- whisper family


def test_faster_whisper_real_output() -> None:
    path = shared_path(*WORD_STAMPS, "ref-small-transcribe-word-stamps", "gossos.json")
    stamps = read_timestamps(path)
    assert (stamps.format, stamps.level) == ("whisper", "word")
    assert len(stamps.words) == 65
    # The file's first word: {"start": 1.1799999999999993, "end": 1.98, "word": " Igual"}
    first = stamps.words[0]
    assert (first.text, first.start, first.end) == ("Igual", 1180, 1980)
    assert all(w.start is not None and w.end is not None and w.start <= w.end for w in stamps.words)


def test_whisper_segments_without_words_are_segment_level() -> None:
    path = shared_path(*WORD_STAMPS, "ref-small-transcribe-vad", "gossos.json")
    stamps = read_timestamps(path)
    assert stamps.level == "segment"
    # First segment: start 1.33, "Igual que la majoria ..." spread by character length.
    assert stamps.words[0].text == "Igual"
    assert stamps.words[0].start == 1330
    assert stamps.words[0].estimated


def test_whisper_timestamped_arabic_uses_text_key() -> None:
    path = shared_path(*TIMESTAMPED, "corner_cases", "arabic.mp3.words.json")
    stamps = read_timestamps(path)
    assert stamps.format == "whisper-timestamped"
    assert len(stamps.words) == 26
    assert spans(path)[:2] == [("حبّي", 1800, 4260), ("أنصار", 4260, 5700)]


def test_whisperx_words_without_times_keep_no_time() -> None:
    stamps = read_timestamps(ALIGN / "whisperx.json")
    assert stamps.format == "whisperx"
    assert spans(ALIGN / "whisperx.json")[3] == ("9,000", None, None)
    assert stamps.timed_words == 4


def test_whisperx_segments_shape_is_detected_too() -> None:
    stamps = read_timestamps(ALIGN / "whisperx-segments.json")
    assert stamps.format == "whisperx"
    assert [w.text for w in stamps.words] == ["The", "army", "had", "9,000", "soldiers."]


def test_whisperx_untimed_number_is_interpolated_between_neighbours() -> None:
    stamps = read_timestamps(ALIGN / "whisperx.json")
    result = align_narration("The army had 9,000 soldiers.".split(), stamps)
    number = result.words[3]
    # "had" ends at 1.4 s, "soldiers." starts at 2.2 s: the number fills the 800 ms between.
    assert (number.word, number.start, number.end, number.status) == (
        "9,000",
        1400,
        2200,
        "interpolated",
    )
    assert result.words[4].start == 2200


# --------------------------------------------------------------------------- WebVTT and SRT


def test_automatic_captions_lose_their_rolling_duplicates() -> None:
    assert spans(ALIGN / "autocaptions.vtt") == [
        ("the", 0, 400),
        ("quick", 400, 800),
        ("brown", 800, 2000),
        ("fox", 2010, 2500),
        ("jumps", 2500, 3100),
        ("over", 3100, 4000),
        ("dog", 4010, 5500),
    ]
    stamps = read_timestamps(ALIGN / "autocaptions.vtt")
    assert (stamps.format, stamps.language) == ("vtt-words", "en")


def test_srt_cues_are_segment_timing() -> None:
    stamps = read_timestamps(ALIGN / "cues.srt")
    assert (stamps.format, stamps.level) == ("srt", "segment")
    # "في عام 1948": weights 3, 4, 5 of 12 over 1000..3000 ms.
    assert spans(ALIGN / "cues.srt")[:3] == [
        ("في", 1000, 1500),
        ("عام", 1500, 2166),
        ("1948", 2166, 3000),
    ]


def test_webvtt_cues_without_inline_times_are_segment_timing() -> None:
    stamps = read_timestamps(ALIGN / "cues.vtt")
    assert (stamps.format, stamps.level) == ("vtt", "segment")
    assert [w.text for w in stamps.words][3:] == ["أعلن", "قيام", "كوريا", "الشمالية."]
    assert stamps.words[3].start == 3500


def test_whisper_srt_rendering_reads_as_segments() -> None:
    path = shared_path(*WORD_STAMPS, "ref-small-transcribe-word-stamps", "gossos.srt")
    stamps = read_timestamps(path)
    assert stamps.format == "srt"
    assert stamps.words[0].text == "Igual" and stamps.words[0].start == 1180


# --------------------------------------------------------------------------- sync maps, tables, lists


def test_aeneas_sync_map() -> None:
    stamps = read_timestamps(ALIGN / "aeneas.json")
    assert (stamps.format, stamps.level) == ("aeneas", "segment")
    # "في عام 1948" over 0..2480 ms, weights 3, 4, 5 of 12.
    assert spans(ALIGN / "aeneas.json")[:3] == [
        ("في", 0, 620),
        ("عام", 620, 1446),
        ("1948", 1446, 2480),
    ]


def test_csv_with_header_and_time_codes() -> None:
    assert spans(ALIGN / "words.csv") == [
        ("في", 1000, 1400),
        ("عام", 1400, 1900),
        ("1948", 2000, 2600),
    ]
    assert read_timestamps(ALIGN / "words.csv").level == "word"


def test_tsv_start_and_text_runs_to_the_next_start() -> None:
    stamps = read_timestamps(ALIGN / "segments.tsv")
    assert stamps.format == "tsv"
    words = spans(ALIGN / "segments.tsv")
    assert words[0] == ("first", 0, 1312)  # "first line here" (6+5+5): 3500 * 6 / 16
    assert words[3][1] == 3500


def test_whisper_timestamped_csv_puts_text_first() -> None:
    path = shared_path(*TIMESTAMPED, "punctuations_no", "bonjour.wav.words.csv")
    assert spans(path) == [("Bonjour", 140, 940)]


def test_whisper_tsv_counts_milliseconds() -> None:
    path = shared_path(*TIMESTAMPED, "punctuations_no", "bonjour.wav.words.tsv")
    assert spans(path) == [("Bonjour", 140, 940)]


def test_plain_list_of_times_one_per_line() -> None:
    stamps = read_timestamps(ALIGN / "times.txt")
    assert (stamps.format, stamps.level, stamps.line_starts) == ("lines", "line", (0, 3500, 7250))
    words = ["a", "b", "c", "d"]
    result = align_narration(words, stamps, line_starts=[0, 2, 3])
    # "a b" takes 4 characters at 65 ms each, plus a fifth: 312 ms from 0, split evenly.
    assert [(w.start, w.end) for w in result.words[:2]] == [(0, 156), (156, 312)]
    assert result.words[2].start == 3500
    assert result.words[3].start == 7250


def test_plain_list_needs_one_time_per_line() -> None:
    stamps = read_timestamps(ALIGN / "times.txt")
    with pytest.raises(AlignmentError, match="3 times for 2 narration lines"):
        align_narration(["a", "b"], stamps, line_starts=[0, 1])


# --------------------------------------------------------------------------- failures


def test_empty_recognizer_result_is_an_error() -> None:
    path = shared_path(*TIMESTAMPED, "tiny_auto", "empty.mp3.words.json")
    with pytest.raises(AlignmentError, match="no words") as caught:
        read_timestamps(path)
    assert caught.value.file == str(path)


def test_empty_file_is_an_error() -> None:
    with pytest.raises(AlignmentError, match="empty"):
        loads_timestamps(b"")


def test_another_language_is_a_clear_error() -> None:
    # The Arabic song forced through an English-only model: 470 invented English words.
    path = shared_path(*TIMESTAMPED, "small.en", "arabic.mp3.words.json")
    arabic = read_timestamps(shared_path(*TIMESTAMPED, "corner_cases", "arabic.mp3.words.json"))
    narration = [word.text for word in arabic.words]
    with pytest.raises(AlignmentError, match="another language") as caught:
        align_narration(narration, read_timestamps(path))
    assert "the recognizer says are in 'en'" in str(caught.value)  # the file's "language"


def test_the_right_language_matches() -> None:
    path = shared_path(*TIMESTAMPED, "corner_cases", "arabic.mp3.words.json")
    stamps = read_timestamps(path)
    narration = "حبي أنصار الهدى حبي ركب الفدا".split()  # without the shadda the file has
    result = align_narration(narration, stamps)
    assert result.matched_share == 1.0
    assert result.words[0].start == 1800


def test_unknown_text_names_the_option() -> None:
    with pytest.raises(ParseError, match="--timestamps-format"):
        loads_timestamps("hello there\nno times here\n")


def test_broken_json_is_a_parse_error_with_a_line() -> None:
    with pytest.raises(ParseError) as caught:
        loads_timestamps('{"segments": [\n{"words": }]}', file="x.json")
    assert caught.value.line == 2
    assert str(caught.value).startswith("x.json:2:")


def test_forced_format_is_used() -> None:
    stamps = loads_timestamps("1.5\n3\n", "lines")
    assert stamps.line_starts == (1500, 3000)
    with pytest.raises(CaptionkitError, match="unknown timestamps format"):
        loads_timestamps("1.5\n", "nope")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"segments": [{"words": [{"word": "a", "start": 0, "end": 1}]}]}', "whisper"),
        ('{"segments": [{"words": [{"text": "a", "start": 0, "end": 1}]}]}', "whisper-timestamped"),
        ('{"word_segments": []}', "whisperx"),
        ('{"fragments": []}', "aeneas"),
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nhi<00:00.500><c> you</c>\n", "vtt-words"),
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n", "vtt"),
        ("1\n00:00:00,000 --> 00:00:01,000\nhi\n", "srt"),
        ("0.5,1.0,hi\n", "csv"),
        ("0.5\t1.0\thi\n", "tsv"),
        ("00:00:01,000\n00:00:02,500\n", "lines"),
    ],
)
def test_detection(text: str, expected: str) -> None:
    assert detect_timestamps_format(text) == expected


def test_punctuation_alone_does_not_count_against_the_match() -> None:
    path = shared_path(*TIMESTAMPED, "medium_auto", "bonjour_vous_allez_bien.mp3.words.json")
    narration = "Bonjour ! Est-ce que vous allez bien ?".split()
    result = align_narration(narration, read_timestamps(path))
    assert result.matched_share == 1.0  # 6 words; "!" and "?" are not words
    assert result.words[1].status == "interpolated"


def test_recognizer_that_heard_only_dots_is_an_error() -> None:
    path = shared_path(*TIMESTAMPED, "tiny_fr", "radio_short.mp3.words.json")
    with pytest.raises(AlignmentError, match="heard no speech"):
        align_narration(["Bonjour", "à", "tous"], read_timestamps(path))


def test_srt_tags_and_ass_overrides_are_not_words() -> None:
    stamps = loads_timestamps("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>hello</i>\n", "srt")
    assert [w.text for w in stamps.words] == ["hello"]


TOKEN = st.text(alphabet=st.sampled_from("abcxyzابتثجحخدكلمنهوي"), min_size=1, max_size=8)


@settings(max_examples=50, deadline=None)
@given(
    items=st.lists(
        st.tuples(TOKEN, st.integers(0, 10**7), st.integers(0, 5000)), min_size=1, max_size=30
    )
)
def test_whisper_json_and_csv_give_back_the_words_and_times(
    items: list[tuple[str, int, int]],
) -> None:
    words = [{"word": " " + t, "start": s / 1000, "end": (s + d) / 1000} for t, s, d in items]
    document = json.dumps({"segments": [{"start": 0, "end": 1, "text": "", "words": words}]})
    expected = [(t, s, s + d) for t, s, d in items]
    assert spans_of(loads_timestamps(document)) == expected
    table = "".join(f"{s / 1000:.3f},{(s + d) / 1000:.3f},{t}\n" for t, s, d in items)
    assert spans_of(loads_timestamps(table, "csv")) == expected


def spans_of(stamps: Timestamps) -> list[tuple[str, int | None, int | None]]:
    return [(w.text, w.start, w.end) for w in stamps.words]
