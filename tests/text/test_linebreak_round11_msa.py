"""Development round 11 (MSA: news and lectures) of the phrase model, on words outside the fixtures.

Each sentence is new; each expected judgement is the subtitler's (the gloss says why),
written before the model was run on it, not the model's output copied back.
"""

from __future__ import annotations

import pytest

from captionkit.text.linebreak import break_bonus
from tests.text.judging import judge as _judge


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # an indefinite noun, then هذا / هذه: the demonstrative phrase is its genitive
        # (ويبلغ عرض هذه القاعة عشرين مترا: the width of this hall is twenty metres)
        ("ويبلغ", "عرض", "هذه", "idafa"),
        # (نقش الفنانون الصور على جدران هذا المعبد: on the walls of this temple)
        ("على", "جدران", "هذا", "idafa"),
        # (ندرس اليوم تاريخ هؤلاء الملوك: the history of these kings)
        ("اليوم", "تاريخ", "هؤلاء", "idafa"),
        # a verb after a particle takes the demonstrative as its object
        # (هل تقرأ | هذا الكتاب؟: do you read this book?)
        ("هل", "تقرأ", "هذا", None),
        # an accusative noun is complete: the demonstrative opens an adverb of time
        # (شاهدنا فيلما | هذا المساء: we watched a film this evening)
        ("شاهدنا", "فيلما", "هذا", None),
        # a counted noun is complete (باعت الشركة 20 سيارة | هذا الشهر)
        ("20", "سيارة", "هذا", None),
        # a verb opening the line, then its subject (ويعد | هذا الكتاب مرجعا)
        ("", "ويعد", "هذا", None),
    ],
)
def test_demonstrative_genitive(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a nisba in ب / ل is no preposition and its noun: it agrees with the noun before
        # (شاهدنا كائنات بحرية نادرة: we saw rare sea creatures)
        ("شاهدنا", "كائنات", "بحرية", "noun-adjective"),
        # (تواجه المدينة مشكلة بيئية خطيرة: an environmental problem)
        ("تواجه", "مشكلة", "بيئية", "noun-adjective"),
        # (درسنا قاعدة لغوية جديدة: a linguistic rule)
        ("درسنا", "قاعدة", "لغوية", "noun-adjective"),
        # both in the accusative (بنوا سورا بشريا حول المدينة: a human wall)
        ("بنوا", "سورا", "بشريا", "noun-adjective"),
        # no agreement: ب + حرية is "freely" (يعيش رجل | بحرية في الغابة)
        ("يعيش", "رجل", "بحرية", None),
        # بنتي is "my daughter": a construct, not a nisba (زرنا بيت بنتي)
        ("زرنا", "بيت", "بنتي", "idafa"),
    ],
)
def test_prefixed_nisba(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a definite class noun before a word no list knows introduces its name
        # (هبطت الطائرة في العاصمة كيغالي: in the capital, Kigali)
        ("في", "العاصمة", "كيغالي", "name"),
        # a definite word after it is its adjective (في العاصمة الكينية)
        ("في", "العاصمة", "الكينية", "noun-adjective"),
        # a verb after it: the subject, then its verb (سكان المدينة | يزرعون القمح)
        ("سكان", "المدينة", "يزرعون", None),
    ],
)
def test_definite_class_noun_and_name(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # و opens the second of two conjoined adjectives: a subtitler breaks before it
        # (تحسنت العلاقات السياسية | والثقافية بين البلدين)
        ("العلاقات", "السياسية", "والثقافية", None),
        # (تعاون القطاعين العام | والخاص)
        ("القطاعين", "العام", "والخاص", None),
        # (صادرات المصانع الغذائية | والدوائية)
        ("المصانع", "الغذائية", "والدوائية", None),
        # the first adjective still agrees with its noun (المصانع | الغذائية)
        ("تنتج", "الصناعات", "الغذائية", "noun-adjective"),
    ],
)
def test_conjoined_adjective(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # both words in the accusative ـًا, the second a nisba: noun and adjective
        # (تبني الشركة جسرا معدنيا فوق النهر: a metal bridge)
        ("تبني", "جسرا", "معدنيا", "noun-adjective"),
        # (قدمت الفرقة عرضا مسرحيا: a theatre show)
        ("قدمت", "عرضا", "مسرحيا", "noun-adjective"),
        # a second nisba after the first (اشترى جهازا طبيا يابانيا)
        ("جهازا", "طبيا", "يابانيا", "noun-adjective"),
        # two places in ـيا, conjoined: a free break before و (زار إيطاليا | وإسبانيا)
        ("زار", "إيطاليا", "وإسبانيا", None),
    ],
)
def test_accusative_nisba(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


def test_conjoined_adjective_is_a_mild_unit_for_make() -> None:
    """The break is acceptable, but make keeps the two adjectives together when it can:
    a small cost, against the bonus a conjunction opening a clause earns."""
    assert break_bonus("السياسية", "والثقافية") < 0 < break_bonus("السياسية", "وقال")


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # an elative heads a construct with the relative ما and its clause
        # (ولعل أجمل ما في الرحلة هو البحر: the most beautiful thing in the trip)
        ("ولعل", "أجمل", "ما", "idafa"),
        # (كان أخطر ما واجهه الجنود البرد: the most dangerous thing they faced)
        ("كان", "أخطر", "ما", "idafa"),
        # an أفعل whose root has no adjective is a verb, ما its object (ثم أعلن | ما توصلت إليه)
        ("ثم", "أعلن", "ما", None),
    ],
)
def test_elative_of_what(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected
