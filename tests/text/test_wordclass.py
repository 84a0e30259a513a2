"""The lexicon word classes (arramooz's dictionaries) and the rules built on them.

Expected values come from Arabic grammar and a dictionary reading of each word (Hans Wehr
or any school dictionary), not from the code: وافق is only a verb, حرارة only a noun,
وحيد only an adjective; حذر is a noun (caution), an adjective (wary) and a verb (warned).
"""

from __future__ import annotations

import pytest

from captionkit.text.linebreak import rule_break_category
from captionkit.text.wordclass import (
    conjoined_verb,
    known_adjective,
    known_noun,
    lexicon_classes,
    looks_verb,
    verb_only,
)


@pytest.mark.parametrize(
    ("word", "classes"),
    [("وافق", "V"), ("حرارة", "N"), ("وحيد", "A"), ("مجاور", "A"), ("أعلن", "V")],
)
def test_the_lexicon_knows_common_words(word: str, classes: str) -> None:
    assert lexicon_classes(word) == classes


def test_the_lexicon_file_is_sorted_and_well_formed() -> None:
    from captionkit.text.wordclass import data_lines

    lines = data_lines("lexicon.txt")
    words = [line.split(" ")[0] for line in lines]
    assert len(lines) > 30_000
    assert words == sorted(words)
    assert all(set(line.split(" ")[1]) <= set("ANV") for line in lines)


def test_a_noun_the_lexicon_knows_is_no_verb_whatever_its_shape() -> None:
    # تجريبي "experimental" looks like a تـ imperfect; مهمتها "her mission" like قضيتها
    assert known_noun("تجريبي") and not looks_verb("تجريبي")
    assert known_noun("مهمتها") and not looks_verb("مهمتها")
    # نشرتها is also "I / she published it": the verb reading stays
    assert not known_noun("نشرتها") and looks_verb("نشرتها")


def test_waw_before_a_verb_that_is_never_a_noun_is_a_verb() -> None:
    assert conjoined_verb("ووافق") and conjoined_verb("وأثار")
    assert not conjoined_verb("ووقف")  # وقف is also the noun "halt"
    assert not conjoined_verb("ولكن") and not conjoined_verb("وفقا")  # function words


def test_verbs_and_adjectives_in_break_decisions() -> None:
    assert rule_break_category("ووافق", "البرلمان") is None  # verb | subject
    assert rule_break_category("شاف", "الفيديو") is None  # verb | object
    assert rule_break_category("القادة", "العرب") == "noun-adjective"
    assert rule_break_category("الشاهد", "الوحيد") == "noun-adjective"
    assert rule_break_category("لقاح", "تجريبي") == "noun-adjective"
    assert rule_break_category("بفكرة", "بسيطة") == "noun-adjective"


def test_verb_only_leaves_out_the_elative_shape() -> None:
    assert verb_only("شاف")
    assert not verb_only("أسهل")  # "easier", though the dictionary lists only the verb
    assert known_adjective("بسيطة") and not known_adjective("حرارة")


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("بقوة", "6.4", "number"),
        ("بسعر", "900", "number"),
        ("السعر", "299", None),  # subject | predicate
        ("تسجيل", "45", None),  # a verbal noun, then its object
        ("أهم", "إنجازات", "idafa"),
        ("أعلن", "رئيس", None),
        ("أستخدم", "تطبيق", None),
        ("احجز", "التذاكر", None),
    ],
)
def test_numbers_elatives_and_verb_shapes(left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right) == expected
