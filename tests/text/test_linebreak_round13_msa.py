"""Development round 13 (MSA: news and lectures) of the phrase model, on words outside the fixtures.

Each sentence is new; each expected judgement is the subtitler's (the gloss says why),
written before the model was run on it, not the model's output copied back.
"""

from __future__ import annotations

import pytest

from tests.text.judging import judge as _judge


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a noun with its pronoun is complete: what follows is no genitive
        # (غير الوزير رأيه | اليوم بعد الاجتماع: the minister changed his mind today)
        ("غير", "رأيه", "اليوم", None),
        # (نسيت قلمك | أمس في الصف: you forgot your pen yesterday in class)
        ("نسيت", "قلمك", "أمس", None),
        # (باع بيتها | الشهر الماضي: he sold her house last month)
        ("باع", "بيتها", "الشهر", None),
        # its adjective still agrees with it (استقبل الوزير ضيفه | الفرنسي: his French guest)
        ("الوزير", "ضيفه", "الفرنسي", "noun-adjective"),
    ],
)
def test_short_suffixed_heads_no_construct(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # a nominative plural is a subject (وهاجم مسلحون | قرية نائية: gunmen attacked a village)
        ("وهاجم", "مسلحون", "قرية", False),
        # (ويرجع اقتصاديون | الارتفاع إلى الطلب: economists put the rise down to demand)
        ("ويرجع", "اقتصاديون", "الارتفاع", False),
        # (في العصر القديم حكم | الآشوريون المنطقة: the Assyrians ruled the region)
        ("القديم", "حكم", "الآشوريون", False),
        # two nominative plurals agree (وحذر مراقبون | دوليون: international observers warned)
        ("وحذر", "مراقبون", "دوليون", True),
        # a noun of the lexicon ending in ون still heads its construct (في قانون | العمل)
        ("في", "قانون", "العمل", True),
    ],
)
def test_sound_nominative_plural(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # ما, then a verb and its object (، ما أثار | غضب السكان: which angered the people)
        ("ما", "أثار", "غضب", False),
        # an asking ما before a noun: the construct holds (ما سبب | الحريق؟ what caused the fire?)
        ("ما", "سبب", "الحريق", True),
    ],
)
def test_what_before_verb(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a fraction needs what it divides (أنفق نصف | راتبه على الكتب: half his salary)
        ("أنفق", "نصف", "راتبه", "idafa"),
        # (خسر ثلث | وزنه في عام: he lost a third of his weight)
        ("خسر", "ثلث", "وزنه", "idafa"),
        # (ارتفع السعر ثلاثة أضعاف | قيمته الأولى: three times its first value)
        ("ثلاثة", "أضعاف", "قيمته", "idafa"),
        # ونصف closes a number (انتظرنا ساعتين ونصف | في المطار: two and a half hours)
        ("ساعتين", "ونصف", "في", None),
    ],
)
def test_fraction_heads_construct(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # "very" grades the adjective before it (كان الطريق طويلا | جدا: the road was very long)
        ("الطريق", "طويل", "جدا", True),
        # (هذه مسألة دقيقة | جدا: a very delicate question)
        ("مسألة", "دقيقة", "جدا", True),
        # after punctuation the adjective is closed (كان دقيقا، | جدا ومفيدا)
        ("كان", "دقيقا،", "جدا", False),
    ],
)
def test_very_binds_to_adjective(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # عدة after an indefinite noun qualifies it (اجتاحت الأمطار قرى | عدة: several villages)
        ("الأمطار", "قرى", "عدة", True),
        # (التقى الوفد مسؤولين | عدة: several officials)
        ("الوفد", "مسؤولين", "عدة", True),
        # a verb with its pronoun, then عدة as subject (التي زارها | عدة وزراء)
        ("التي", "زارها", "عدة", False),
    ],
)
def test_several_after_noun(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # a governed verbal noun and the number that opens its complement
        # (تمكنت الفرق من إنقاذ | 40 عاملا: the teams managed to rescue 40 workers)
        ("من", "إنقاذ", "40", True),
        # (رصدت الحكومة مبلغا لتطوير | 300 مدرسة: to develop 300 schools)
        ("مبلغا", "لتطوير", "300", True),
        # after a relative the word is a verb (الذي تجاوز | 30 دقيقة)
        ("الذي", "تجاوز", "30", False),
    ],
)
def test_verbal_noun_before_number(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad
