"""Direction, render modes and the visual order of one line (captionkit.text.bidi)."""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from captionkit.errors import InvalidValue
from captionkit.text.bidi import (
    MIRRORS,
    display_order,
    embedding_levels,
    mirror,
    paragraph_level,
    render_line,
    render_text,
    reorder_line,
    shape,
)
from captionkit.text.rtl import BIDI_CONTROLS, PDF, RLE, RLM
from tests.conftest import FIXTURES, shared_path

BIDI = ("conformance", "unicode-bidi")
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


# --- Modes on hand-made lines ------------------------------------------------------------------
def test_none_is_identity() -> None:
    assert render_line("مرحبا.", "none") == "مرحبا."
    assert render_text("- نعم.\n- لا!", "none") == "- نعم.\n- لا!"


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        ("start", RLM + "- نعم."),
        ("end", "- نعم." + RLM),
        ("both", RLM + "- نعم." + RLM),
    ],
)
def test_marks_positions(position: str, expected: str) -> None:
    assert render_line("- نعم.", "marks", rlm_position=position) == expected  # type: ignore[arg-type]


def test_marks_are_not_doubled() -> None:
    once = render_line("نعم.", "marks")
    assert render_line(once, "marks") == once


def test_marks_leave_an_english_line_of_an_arabic_cue_alone() -> None:
    assert render_text("قال:\nYes.", "marks") == RLM + "قال:" + RLM + "\nYes."
    assert render_text("Yes.\nNo.", "marks") == "Yes.\nNo."


def test_marks_make_a_line_starting_in_latin_right_to_left() -> None:
    # "Obama" first: a player taking the direction from the first strong letter goes LTR.
    line = render_line("Obama قال ذلك.", "marks", rlm_position="start")
    assert line == RLM + "Obama قال ذلك."
    assert paragraph_level(line, "auto") == 1


def test_an_end_mark_puts_the_full_stop_at_the_left_for_a_ltr_player() -> None:
    # With a left-to-right paragraph (what a naive player uses), the final '.' of an Arabic
    # line is at level 0 and shows at the right; after an RLM it is at level 1 (shown left).
    assert embedding_levels("نعم.", "ltr")[-1] == 0
    marked = render_line("نعم.", "marks", rlm_position="end")
    assert embedding_levels(marked, "ltr")[3] == 1
    assert display_order(marked, "ltr")[0] == 4  # the RLM, then the full stop, leftmost
    assert display_order(marked, "ltr")[1] == 3


def test_embed_wraps_each_line() -> None:
    assert render_text("أهلا\nوسهلا", "embed") == f"{RLE}أهلا{PDF}\n{RLE}وسهلا{PDF}"
    assert render_line(RLE + "أهلا" + PDF, "embed") == RLE + "أهلا" + PDF


def test_ltr_cue_gets_no_marks() -> None:
    assert render_text("Hello, world.", "embed") == "Hello, world."
    assert render_line("مرحبا", "marks", base="ltr") == "مرحبا"


def test_unknown_mode_and_base_are_refused() -> None:
    with pytest.raises(InvalidValue, match="rtl must be one of"):
        render_line("نعم", "bogus")
    with pytest.raises(InvalidValue, match="rtl must be one of"):
        render_text("Hello", "bogus")  # an LTR text too: the mode is checked first
    with pytest.raises(ValueError):
        render_line("نعم", "marks", base="up")


def test_bidi_controls_set() -> None:
    assert {"\u200e", "\u200f", "\u061c", "\u202a", "\u202e", "\u2066", "\u2069"} <= BIDI_CONTROLS
    assert "\u200c" not in BIDI_CONTROLS  # ZWNJ is a joining control, not a bidi one
    assert len(BIDI_CONTROLS) == 12


# --- Visual mode, checked by hand ---------------------------------------------------------------
def test_visual_reverses_shapes_mirrors_and_keeps_digits() -> None:
    # Logical: qaf-alef-lam "(" nun-ayn-mim ")" 3. Visual, left to right: "3", then the words
    # right to left; the brackets swap glyphs so that they still open on the right.
    out = render_line("قال (نعم) 3", "visual")
    assert out == "3 (ﻢﻌﻧ) ﻝﺎﻗ"
    assert out[0] == "3"


def test_visual_keeps_harakat_after_their_letter() -> None:
    # "بَاب": beh+fatha, alef, beh. Visual: beh (isolated), alef (final), beh (initial)+fatha.
    assert render_line("بَاب", "visual") == "\ufe8f\ufe8e\ufe91\u064e"


def test_visual_keeps_zwnj() -> None:
    # Persian "می‌خواهم": the ZWNJ stops meem-yeh joining to khah; it stays in the output.
    out = render_line("می\u200cخواهم", "visual")
    assert "\u200c" in out
    assert out.index("\u200c") == len(out) - 3  # between khah and yeh, right-to-left


def test_visual_does_not_make_word_ligatures() -> None:
    assert "\ufdf2" not in render_line("الله أكبر", "visual")


def test_visual_lam_alef_ligature() -> None:
    assert render_line("لا", "visual") == "\ufefb"


def test_visual_english_line_of_arabic_cue_stays_left_to_right() -> None:
    assert render_text("قال:\nYes (really).", "visual").split("\n")[1] == "Yes (really)."


def test_visual_drops_bidi_controls() -> None:
    assert render_line(RLE + "نعم." + PDF, "visual") == ".ﻢﻌﻧ"


def test_visual_golden_lines() -> None:
    """Lines whose visual form was written out by hand, glyph by glyph (fixtures/text)."""
    rows = (FIXTURES / "text" / "visual_golden.tsv").read_text(encoding="utf-8").splitlines()
    cases = [row.split("\t") for row in rows if row and not row.startswith("#")]
    assert len(cases) >= 5
    for logical, expected in cases:
        assert reorder_line(logical) == expected, logical


def test_render_text_two_lines_keep_their_order() -> None:
    text = "السطر الأول\nالسطر الثاني"
    lines = render_text(text, "visual").split("\n")
    assert lines == [render_line("السطر الأول", "visual"), render_line("السطر الثاني", "visual")]


# --- Properties -----------------------------------------------------------------------------------
arabic_word = st.text(alphabet=ARABIC_LETTERS, min_size=1, max_size=6)
vowelled_word = st.text(alphabet=ARABIC_LETTERS + HARAKAT, min_size=1, max_size=8)
latin_word = st.text(alphabet="abcXYZ", min_size=1, max_size=5)
digits = st.text(alphabet="0123456789", min_size=1, max_size=4)
any_line = st.lists(
    st.one_of(arabic_word, vowelled_word, latin_word, digits, st.sampled_from(list("().،!?-«»"))),
    max_size=8,
).map(" ".join)
modes = st.sampled_from(["none", "marks", "embed", "visual"])


@given(st.lists(any_line, min_size=1, max_size=4), modes)
def test_render_text_keeps_line_count_and_order(lines: list[str], mode: str) -> None:
    text = "\n".join(lines)
    out = render_text(text, mode)  # type: ignore[arg-type]
    assert out.count("\n") == text.count("\n")
    direction = "rtl" if any(unicodedata.bidirectional(c) == "AL" for c in text) else "ltr"
    assert out.split("\n") == [render_line(line, mode, base=direction) for line in lines]  # type: ignore[arg-type]


@given(any_line)
def test_none_is_identity_property(line: str) -> None:
    assert render_text(line, "none") == line


@given(any_line, st.sampled_from(["marks", "embed"]))
def test_marks_and_embed_only_add_controls(line: str, mode: str) -> None:
    out = render_line(line, mode)  # type: ignore[arg-type]
    assert "".join(c for c in out if c not in BIDI_CONTROLS) == line


@given(any_line)
def test_visual_keeps_harakat_count(line: str) -> None:
    out = render_line(line, "visual")
    assert sum(out.count(mark) for mark in HARAKAT) == sum(line.count(mark) for mark in HARAKAT)


@given(st.lists(st.one_of(arabic_word, st.sampled_from(list("()[]«»"))), min_size=1, max_size=8))
def test_visual_mirrors_brackets_in_arabic_text(words: list[str]) -> None:
    # Arabic letters, brackets and spaces all sit at level 1 in an RTL line: the visual line
    # is the shaped line reversed with every bracket swapped for its mirror.
    line = " ".join(words)
    assert render_line(line, "visual") == "".join(mirror(c) for c in reversed(shape(line)))


@given(arabic_word, digits, arabic_word)
def test_visual_digits_run_left_to_right(before: str, number: str, after: str) -> None:
    out = render_line(f"{before} {number} {after}", "visual")
    assert number in out
    assert number[::-1] not in out or number == number[::-1]


# --- Conformance (UAX #9 test data) ---------------------------------------------------------------
CharacterTest = tuple[str, str, int, list[str], list[int]]


def _character_tests() -> list[CharacterTest]:
    path = shared_path(*BIDI, "BidiCharacterTest.txt")
    return _parse_character_tests(str(path))


@functools.cache
def _parse_character_tests(path: str) -> list[CharacterTest]:
    tests: list[CharacterTest] = []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        if not raw or raw.startswith("#"):
            continue
        points, direction, para, levels, order = raw.split(";")
        text = "".join(chr(int(code, 16)) for code in points.split())
        base = {"0": "ltr", "1": "rtl", "2": "auto"}[direction]
        tests.append((text, base, int(para), levels.split(), [int(i) for i in order.split()]))
    return tests


_X9 = {"RLE", "LRE", "RLO", "LRO", "PDF", "BN"}


def test_bidi_character_test_levels_and_order() -> None:
    """Every line of BidiCharacterTest.txt (Unicode 15.0): levels, paragraph level, order."""
    tests = _character_tests()
    failures = []
    for text, base, para, expected_levels, expected_order in tests:
        levels = embedding_levels(text, base)
        got = [
            "x" if unicodedata.bidirectional(c) in _X9 else str(v)
            for c, v in zip(text, levels, strict=True)
        ]
        if (
            got != expected_levels
            or display_order(text, base) != expected_order
            or paragraph_level(text, base) != para
        ):
            failures.append(text)
    rate = 1 - len(failures) / len(tests)
    assert len(tests) > 90_000
    assert rate == 1.0, f"pass rate {rate:.5f}; first failures: {failures[:5]!r}"


def test_bidi_character_test_visual_strings_with_mirroring() -> None:
    """The visual string (order + L4 mirroring) of every test line that has a mirrored
    character, built from the file's expected levels and order, against reorder_line.

    Lines with combining marks are left out (reorder_line applies L3, the file does not), and so
    are lines with bidi controls or BN characters (the file drops them, reorder_line keeps BN).
    """
    checked = 0
    for text, base, _para, levels, order in _character_tests():
        if not any(c in MIRRORS for c in text):
            continue
        if any(
            unicodedata.bidirectional(c) in _X9 or unicodedata.category(c) == "Mn" for c in text
        ):
            continue
        if any(c in BIDI_CONTROLS for c in text):
            continue
        expected = "".join(mirror(text[i]) if int(levels[i]) % 2 else text[i] for i in order)
        assert reorder_line(text, base) == expected, text
        checked += 1
    assert checked > 10_000


def test_mirror_table_matches_bidi_mirroring_txt() -> None:
    path: Path = shared_path(*BIDI, "BidiMirroring.txt")
    expected = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        data = raw.split("#")[0].strip()
        if data:
            left, right = (chr(int(code, 16)) for code in data.split(";"))
            expected[left] = right
    assert expected == MIRRORS
    # Python's own database agrees on which characters are mirrored.
    assert all(unicodedata.mirrored(c) for c in MIRRORS if ord(c) < 0x1_0000 and c != "\u2bfe")
