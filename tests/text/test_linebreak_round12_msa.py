"""Development round 12 (MSA: news and lectures) of the phrase model, on words outside the fixtures.

Each sentence is new; each expected judgement is the subtitler's (the gloss says why),
written before the model was run on it, not the model's output copied back.
"""

from __future__ import annotations

import pytest

from tests.text.judging import judge as _judge


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # رغم ("despite") is a preposition: it needs its noun or أن
        # (استمرت الرحلة رغم | العاصفة: the trip went on despite the storm)
        ("الرحلة", "رغم", "العاصفة", "binding"),
        # (ورغم | أن الطريق طويل: and although the road is long)
        ("", "ورغم", "أن", "binding"),
        # (فاز الفريق برغم | غياب نجمه: the team won despite its star's absence)
        ("الفريق", "برغم", "غياب", "binding"),
    ],
)
def test_despite_binds(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # وصول's و is the root's: قبل needs it (غادر الضيوف قبل | وصولنا: before our arrival)
        ("الضيوف", "قبل", "وصولنا", True),
        # a verb, then its object (انتظرنا | وصول القطار ساعة: we waited for the train)
        ("", "انتظرنا", "وصول", False),
    ],
)
def test_arrival_is_no_conjunction(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a nisba whose و is the root's qualifies its noun (عبر حسابات | وهمية: fake accounts)
        ("عبر", "حسابات", "وهمية", "noun-adjective"),
        # (شكلت الحكومة لجنة | وزارية: a ministerial committee)
        ("الحكومة", "لجنة", "وزارية", "noun-adjective"),
        # وزراء is a plural, no و + noun: the construct holds (بعد تعيين | وزراء جدد)
        ("بعد", "تعيين", "وزراء", "idafa"),
        # a real conjunction still frees the break (اشترينا أقلاما | وأوراقا: pens and paper)
        ("اشترينا", "أقلاما", "وأوراقا", None),
    ],
)
def test_root_waw_inflected(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # an indefinite noun before أي / بعض is completed by them
        # (يمنع دخول | أي شخص: the entry of any person is forbidden)
        ("يمنع", "دخول", "أي", "idafa"),
        # (بعد رحيل | بعض السكان: after some residents left)
        ("بعد", "رحيل", "بعض", "idafa"),
        # an imperfect verb takes the quantifier as its object (لم تقدم | أي دليل)
        ("لم", "تقدم", "أي", None),
        # a counted noun, then أي "that is" (بعد ثلاثة أسابيع | أي في الشهر القادم)
        ("ثلاثة", "أسابيع", "أي", None),
        # كل is left alone: "every" after a counted noun (ثلاث مرات | كل أسبوع)
        ("ثلاث", "مرات", "كل", None),
    ],
)
def test_quantifier_genitive(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # غير after an indefinite noun opens its negated adjective
        # (شهدت المدينة أمطارا بحجم غير معتاد: rain of an unusual amount)
        ("أمطارا", "بحجم", "غير", "noun-adjective"),
        # (اعتقلت الشرطة عصابة لتجارة أسلحة غير مرخصة: unlicensed weapons)
        ("لتجارة", "أسلحة", "غير", "noun-adjective"),
        # after a negation غير is "but": (لا نريد شيئا | غير السلام) (accusative, free)
        ("نريد", "شيئا", "غير", None),
        # (لم يبق ولا شيء | غير الذكرى: nothing at all is left but the memory)
        ("ولا", "شيء", "غير", None),
    ],
)
def test_negated_adjective(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # an adverb and ما open the clause together (وغالبا | ما ينسى الطلاب واجباتهم)
        ("", "وغالبا", "ما", True),
        # (المرض قليلا | ما يصيب الأطفال: the disease rarely strikes children)
        ("المرض", "قليلا", "ما", True),
        # لطالما needs its verb (ولطالما | حلمت بالسفر: I have long dreamt of travelling)
        ("", "ولطالما", "حلمت", True),
        # كثيرا alone after a verb closes it (ضحكنا كثيرا | في الحفلة)
        ("ضحكنا", "كثيرا", "في", False),
    ],
)
def test_adverb_of_what(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # ذات / أنفس with a pronoun stress the definite noun before them
        # (وصل الوزراء | أنفسهم إلى المطار: the ministers themselves arrived)
        ("وصل", "الوزراء", "أنفسهم", True),
        # (تتكرر القصة | ذاتها كل عام: the same story every year)
        ("تتكرر", "القصة", "ذاتها", True),
        # a verb, then its reflexive object, is no noun's unit (تحمي | أنفسها من البرد)
        ("الطيور", "تحمي", "أنفسها", False),
    ],
)
def test_self_emphasis(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad
