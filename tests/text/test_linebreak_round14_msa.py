"""Development round 14 (MSA: news and lectures) of the phrase model, on words outside the fixtures.

Each sentence is new; each expected judgement is the subtitler's (the gloss says why),
written before the model was run on it, not the model's output copied back.
"""

from __future__ import annotations

import pytest

from tests.text.judging import judge as _judge


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # a nisba whose ب / ل is its own qualifies the noun before it
        # (اكتشف الباحثون سلالة | بكتيرية جديدة: a new bacterial strain)
        ("الباحثون", "سلالة", "بكتيرية", True),
        # (وصل إلى القاهرة وفد | لبناني رفيع: a high Lebanese delegation)
        ("القاهرة", "وفد", "لبناني", True),
        # (شارك خبراء | بريطانيون في المؤتمر: British experts took part)
        ("شارك", "خبراء", "بريطانيون", True),
        # (عثر الأثريون على نقوش | بيزنطية: Byzantine inscriptions)
        ("على", "نقوش", "بيزنطية", True),
        # ل on an imperfect opens a clause of purpose (عمل ثلاثين عاما | ليبني بيتا)
        ("ثلاثين", "عاما", "ليبني", False),
        # ب on a plural noun is the preposition (باع التاجر قمحا | بكميات كبيرة)
        ("التاجر", "قمحا", "بكميات", False),
        # ب on "my car" is the preposition (جاء أخي | بسيارتي: my brother came in my car)
        ("أخي", "جاء", "بسيارتي", False),
    ],
)
def test_nisba_with_its_own_ba_or_lam(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # "before Christ" dates the century (بني المعبد في القرن السابع | قبل الميلاد)
        ("القرن", "السابع", "قبل", True),
        # after a closed ordinal (عاش في القرن الرابع عشر | قبل الميلاد)
        ("الرابع", "عشر", "قبل", True),
        # a millennium too (ظهرت الكتابة في الألف الرابع | قبل الميلاد)
        ("الألف", "الرابع", "قبل", True),
        # the ordinal of another noun is complete (سلم التقرير الثالث | قبل الموعد)
        ("التقرير", "الثالث", "قبل", False),
        # (وصل المتسابق الخامس | قبل الظهر: the fifth runner arrived before noon)
        ("المتسابق", "الخامس", "قبل", False),
    ],
)
def test_era_dates_the_century(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # a day from the 21st on and its month are one date
        # (ولد في الحادي والثلاثين | من ديسمبر: born on the 31st of December)
        ("الحادي", "والثلاثين", "من", True),
        # (افتتح المعرض في الثاني والعشرين | من مارس)
        ("الثاني", "والعشرين", "من", True),
        # a comma closes the date (تحتفل المدينة في الثاني والعشرين، | من كل عام)
        ("الثاني", "والعشرين،", "من", False),
    ],
)
def test_day_of_month(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # بسبب / رغم take a noun: the homograph is the verbal noun, which heads a construct
        # (ارتفعت الأسعار بسبب تراجع | الإنتاج: because of the fall in output)
        ("بسبب", "تراجع", "الإنتاج", True),
        # (نمت الشركة رغم تراجع | مبيعاتها: despite the fall in its sales)
        ("رغم", "تراجع", "مبيعاتها", True),
        # و opens a second noun of the same preposition (بسبب تراجع | وارتفاع الأسعار)
        ("بسبب", "تراجع", "وارتفاع", False),
    ],
)
def test_verbal_noun_after_cause(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # after ثم a verb-noun homograph is the verb; its subject may start the next line
        # (ثم نقل | الجنود الجرحى إلى المدينة: then the soldiers moved the wounded)
        ("ثم", "نقل", "الجنود", False),
        # (ثم حكم | الملك المدينة عشرين عاما: then the king ruled the city twenty years)
        ("ثم", "حكم", "الملك", False),
        # a noun that is no verb still heads its construct (ثم عودة | الملك إلى عاصمته)
        ("ثم", "عودة", "الملك", True),
    ],
)
def test_verb_after_then(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad
