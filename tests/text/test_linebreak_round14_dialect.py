"""Development round 14 of the phrase model (dialect: social first, drama kept), each
mechanism on words outside the fixtures.

Expectations are hand-checked Arabic grammar (the gloss in each comment says why), not
the model's output copied back. ``before`` is the word before the pair ("" opens a line).
"""

from __future__ import annotations

import pytest

from tests.text.judging import judge as _judge


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a quantifier or ordinal and its one noun are complete; a verb after them starts
        # the clause
        ("أول", "مرة", "سافرت", None),  # the first time | I travelled
        ("كل", "يوم", "بصحى", None),  # every day | I wake up
        ("آخر", "مرة", "شفته", None),  # the last time | I saw him
        ("أي", "حد", "يسألك", None),  # anyone | (who) asks you
        ("وأحلى", "حاجة", "عملتها", None),  # and the nicest thing | I did
        ("وأحلى", "أكلة", "كلتها", None),  # and the nicest dish | I ate
        ("آخر", "يوم", "شفتها", None),  # the last day | I saw her
        # the ordinals ثاني / تاني / ثالث / تالت likewise
        ("تاني", "يوم", "سافرنا", None),  # the second day | we travelled
        ("وتاني", "يوم", "رجعنا", None),  # and the next day | we came back
        # the interrogative كم "how many" likewise
        ("كم", "مرة", "قلتلك", None),  # how many times | have I told you
        ("كم", "سنة", "عشت", None),  # how many years | did you live
        # a noun the lexicon knows still completes the construct
        ("كل", "يوم", "جمعة", "idafa"),  # every Friday (the day of Friday)
        ("في", "بيت", "جدي", "idafa"),  # in my grandfather's house (no quantifier before)
    ],
)
def test_quantified_noun_complete(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # مش بس / مو بس "not only": one correlative, bound to what it restricts
        ("مش", "بس", "الفلوس", "binding"),  # not only | the money
        ("مو", "بس", "بالصيف", "binding"),  # not only | in summer
        ("ومش", "بس", "كده", "binding"),  # and not only | that
        ("مش", "بس،", "كمان", None),  # the comma closes the phrase
    ],
)
def test_not_only(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # بس before a negation or a subordinator opens a clause: "but" binds it
        ("غالي", "بس", "ما", "binding"),  # expensive, but | (it) doesn't (break)
        ("حلو", "بس", "مش", "binding"),  # nice, but | not (cheap)
        ("اشتري", "بس", "لو", "binding"),  # buy, but only | if (you need it)
        ("متأخر", "بس", "عشان", "binding"),  # late, but | because (of the traffic)
        ("دقيقتين", "بس", "يا", None),  # two minutes only | (then) a call: يا جماعة
    ],
)
def test_but_before_particle(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # فيه / فيها "there is" after the copula, إن or an adverb binds what there is
        ("لازم يكون", "فيه", "ضمان", "binding"),  # there must be | a guarantee
        ("الحين", "فيه", "عروض", "binding"),  # now there are | offers
        ("وكمان", "فيها", "كابل", "binding"),  # and also it has | a cable
        ("دلوقتي", "فيه", "تطبيق", "binding"),  # now there is | an app
        ("حطيت", "فيها", "سكر", None),  # I put in it | sugar: "in it", after a verb
    ],
)
def test_there_is_after_copula(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before.split()[-1], left, right) == expected
