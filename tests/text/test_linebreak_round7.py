"""Development round 7 of the phrase model: each mechanism on words outside the fixtures.

Expectations are hand-checked Arabic grammar (the gloss in each comment says why), not
the model's output copied back.
"""

from __future__ import annotations

import pytest

from captionkit.text.linebreak import rule_break_category


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # verb, feminine subject, then a masculine definite noun: the verb's object
        ("ونشرت", "الصحيفة", "التقرير", None),  # the newspaper published | the report
        ("واستقبلت", "الجامعة", "الطلاب", None),  # the university received | the students
        # an agreeing adjective stays with its noun
        ("ونشرت", "الصحيفة", "الرسمية", "noun-adjective"),  # the official newspaper
        ("وأكدت", "القوات", "المسلحة", "noun-adjective"),  # the armed forces
        ("وقادت", "المرأة", "الأكبر", "noun-adjective"),  # an elative does not agree in gender
    ],
)
def test_subject_then_object_after_a_verb(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert rule_break_category(left, right, before=before) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # after a preposition a bare noun is genitive and the next noun completes it
        ("على", "تصدير", "كل", "idafa"),  # on exporting | every (thing)
        ("بعد", "توقيع", "بعض", "idafa"),  # after the signing of | some
        # a complete noun (a pronoun, a dual) or a preposition next opens the next phrase
        ("في", "مكتبه", "أمس", None),  # in his office | yesterday
        ("منذ", "ساعتين", "تقريبا", None),  # two hours ago | roughly
        ("إلى", "تقرير", "بالأمس", None),  # to a report | yesterday
    ],
)
def test_noun_after_a_preposition_heads_a_construct(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert rule_break_category(left, right, before=before) == expected


def test_the_pair_alone_does_not_know_the_construct() -> None:
    # without the preposition, كل or بعض may open a phrase of their own
    assert rule_break_category("تصدير", "كل") is None
    assert rule_break_category("توقيع", "بعض") is None


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a class noun, its nationality, then the name they introduce
        ("العاصمة", "الماليزية", "كوالالمبور", "name"),  # the Malaysian capital | Kuala Lumpur
        ("العاصمة", "الصينية", "بكين", "name"),  # a name that starts like بـ + a word
        ("العاصمة", "الفرنسية", "باريس", "name"),  # a known place
        # not a name: an adverb, a preposition's phrase, a second adjective
        ("العاصمة", "السعودية", "أمس", None),
        ("الشركة", "الأمريكية", "لصناعة", None),  # the American company | for making ...
        ("العاصمة", "السعودية", "الجديدة", "noun-adjective"),
    ],
)
def test_class_noun_nationality_then_name(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert rule_break_category(left, right, before=before) == expected
    if expected == "name":
        assert rule_break_category(left, right) is None  # the pair alone cannot tell


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a تفاعل word after a noun or an adjective: the verbal noun, completed by the next noun
        ("الأخير", "تراجع", "الأسعار", "idafa"),  # the recent fall of | prices
        # after a particle of the verb or with a pronoun on the next word it is the verb
        ("وقد", "تراجع", "الدولار", None),  # the dollar has fallen
        ("الشركة", "تراجع", "حساباتها", None),  # the company reviews | its accounts
        ("الحكومة", "تناقش", "الميزانية", None),  # the government discusses | the budget
        ("الشهر", "تراجع", "الجديد", None),  # no noun completes it
    ],
)
def test_tafaaul_verbal_noun_in_context(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert rule_break_category(left, right, before=before) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # قد، لقد، لم are followed only by a verb, which heads no noun's unit
        ("وقد", "شهد", "العالم", None),  # the world has witnessed: شهد is no name's first part
        ("لقد", "رسم", "خريطة", None),  # he drew | a map
        ("قد", "حقق", "أرباحا", None),  # it has made | profits
        # after a relative, a word the lexicon knows as a verb ...
        ("التي", "كتب", "الشاعر", None),  # which the poet wrote
        # ... unless a pronoun on the next word makes the clause nominal
        ("التي", "عدد", "سكانها", "idafa"),  # whose number of | inhabitants
    ],
)
def test_verb_after_a_particle(before: str, left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right, before=before) == expected


def test_a_verb_after_a_particle_with_the_verb_it_governs() -> None:
    # لم أعد أفهم "I no longer understand": the particle's verb governs the next verb
    assert rule_break_category("أعد", "أفهم", before="لم") == rule_break_category("أعد", "أفهم")
    assert rule_break_category("شهد", "العالم") == "name"  # the pair alone: a first name


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a definite ordinal 11-19 is complete: the next word is not counted
        ("السادس", "عشر", "بدأت", None),  # (the sixteenth century) | began
        ("الثالثة", "عشرة", "حياة", None),  # (at) thirteen | a life ...
        # a cardinal counts the noun after it; an hour keeps its time of day
        ("خمسة", "عشر", "عاما", "number"),  # fifteen | years
        ("الحادية", "عشرة", "مساء", "number"),  # eleven | p.m.
    ],
)
def test_closed_ordinal(before: str, left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right, before=before) == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # a units ordinal and و + the tens are one ordinal (an hour is never 20-90)
        ("الخامس", "والثلاثين", "number"),  # the thirty-fifth
        ("الحادية", "والأربعين", "number"),  # the forty-first
        ("الثالث", "والعشرون", "number"),  # the twenty-third (nominative)
        # a noun of the فاعل shape is no ordinal
        ("الطالب", "والعشرين", None),
    ],
)
def test_ordinal_with_its_tens(left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right) == expected
    assert rule_break_category(left, right, before="في") == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # von / da after a first name read as a name go on with it
        ("الألماني", "أوتو", "فون", "name"),  # the German Otto | von (Bismarck)
        ("الرسام", "ليوناردو", "دا", "name"),  # the painter Leonardo | da (Vinci)
        # after a word that is no name, the same spelling is something else
        ("", "مؤمن", "فان", None),  # a believer | (is) mortal
    ],
)
def test_name_particle_after_a_name(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert rule_break_category(left, right, before=before) == expected
