"""Ingest: decoding, cleaning, and dropping the lines that are not narration (reported)."""

from __future__ import annotations

import pytest

from captionkit.make.ingest import clean_line, dominant_script, ingest, ingest_text, is_player_label
from tests.conftest import FIXTURES, shared_path

BODY = "\n".join(
    [
        "تقارير ظهرت مؤخرا",
        "عن إرسال الجنود",
        "إلى الجبهة الشرقية",
        "وهو ما أثار القلق",
        "في العواصم الغربية",
        "بشكل كبير",
    ]
)


def seed_lines() -> list[str]:
    text = shared_path("seed", "narration-ar.txt").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_seed_drops_exactly_title_hashtag_and_player_label() -> None:
    path = shared_path("seed", "narration-ar.txt")
    narration = ingest(path.read_bytes())
    lines = seed_lines()
    assert [(item.line, item.reason) for item in narration.dropped] == [
        (1, "title"),
        (2, "hashtag"),
        (len(lines), "player label"),
    ]
    assert narration.dropped[-1].text == "Ещё видео!"
    assert narration.dropped[1].text == "#سياسة_لس"


def test_seed_keeps_every_narration_word_in_order() -> None:
    narration = ingest(shared_path("seed", "narration-ar.txt").read_bytes())
    expected = " ".join(seed_lines()[2:-1]).split()
    assert list(narration.words) == expected
    assert narration.words[0] == "تقارير"
    assert narration.words[-1] == "والمعارك؟"


def test_second_narration_drops_its_own_scraped_lines() -> None:
    narration = ingest((FIXTURES / "make" / "narration-cordoba-ar.txt").read_bytes())
    assert [item.reason for item in narration.dropped] == ["title", "hashtag", "player label"]
    assert narration.dropped[-1].text == "شاهد المزيد"


@pytest.mark.parametrize(
    "label",
    ["Ещё видео!", "More videos", "شاهد المزيد", "اشترك في القناة", "Plus de vidéos", "Share"],
)
def test_player_labels_in_several_languages(label: str) -> None:
    assert is_player_label(label)


@pytest.mark.parametrize("line", ["بشكل كبير", "more or less the same", "Watch the skies tonight"])
def test_narration_is_not_a_player_label(line: str) -> None:
    assert not is_player_label(line)


def test_hashtags_urls_and_labels_dropped_anywhere_with_reasons() -> None:
    script = (
        "#news #today\n" + BODY + "\nhttps://example.com/watch?v=1\nwww.example.org\nMore videos"
    )
    narration = ingest_text(script)
    assert [item.reason for item in narration.dropped] == ["hashtag", "url", "url", "player label"]
    assert narration.words[0] == "تقارير"
    assert narration.words[-1] == "كبير"


def test_short_line_in_another_script_at_the_end_is_a_label() -> None:
    narration = ingest_text(BODY + "\nСмотрите также")
    assert [item.reason for item in narration.dropped] == ["player label"]


def test_same_script_line_inside_the_body_is_kept() -> None:
    narration = ingest_text("تقارير ظهرت مؤخرا\nNew York\nعن إرسال الجنود\n" + BODY)
    assert "York" in narration.words
    assert narration.dropped == ()


def test_title_needs_length_and_a_teaser_or_much_length() -> None:
    title = "تعرف على قصة الجنود الذين أرسلوا إلى الجبهة: ماذا حدث هناك"
    assert [item.reason for item in ingest_text(title + "\n" + BODY).dropped] == ["title"]
    short_first = ingest_text("مقدمة قصيرة\n" + BODY)
    assert short_first.dropped == ()
    assert short_first.words[0] == "مقدمة"


def test_title_is_not_dropped_from_a_short_script() -> None:
    narration = ingest_text("عنوان طويل جدا عن الموضوع: تعرف على التفاصيل كلها\nسطر\nسطر")
    assert narration.dropped == ()


def test_keep_all_keeps_every_line() -> None:
    script = (
        "عنوان طويل جدا جدا جدا جدا عن الموضوع.. تعرف على التفاصيل\n#tag\n" + BODY + "\nMore videos"
    )
    narration = ingest_text(script, keep_all=True)
    assert narration.dropped == ()
    assert narration.words[0] == "عنوان"
    assert narration.words[-1] == "videos"


def test_clean_line_normalises_and_removes_stray_controls() -> None:
    assert clean_line("  كوريا\u200f\u202b  الشمالية\t\x07") == "كوريا الشمالية"
    assert clean_line("e\u0301") == "\u00e9"  # NFC
    assert clean_line("می\u200cخواهم") == "می\u200cخواهم"  # ZWNJ kept
    assert clean_line("a\u00a0\u2003b") == "a b"


def test_decodes_windows_1256_like_the_readers() -> None:
    data = BODY.encode("cp1256")
    narration = ingest(data)
    assert narration.encoding == "cp1256"
    assert narration.words[:2] == ("تقارير", "ظهرت")


def test_word_flags_mark_sentence_phrase_and_line_ends() -> None:
    narration = ingest_text("انتهت الحرب. ثم، بعد ذلك\nعاد السلام")
    flags = {token.text: token for token in narration.tokens}
    assert flags["الحرب."].sentence_end
    assert flags["ثم،"].phrase_end and not flags["ثم،"].sentence_end
    assert flags["ذلك"].line_end
    assert narration.line_ends == frozenset({4, 6})


def test_dominant_script() -> None:
    assert dominant_script("Ещё видео!") == "CYRILLIC"
    assert dominant_script("عن إرسال NASA") == "ARABIC"
    assert dominant_script("123 !") is None
