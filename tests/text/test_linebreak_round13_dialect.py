"""Development round 13 of the phrase model (dialect: social first, drama kept), each
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
        # a number and the unit it counts are one phrase, whatever the digits look like
        ("الشاحن", "20", "واط", "number"),  # the charger (is) 20 watts
        ("المصباح", "9", "وات", "number"),  # the lamp (is) 9 watts
        ("قطعنا", "1800", "كيلو", "number"),  # we drove 1800 km (year-shaped digits)
        ("استنيت", "3", "ساعة", "number"),  # I waited 3 hours
        ("جربتها", "10", "مرات", "number"),  # I tried it 10 times
        ("بطارية", "5000", "ملي", "number"),  # a 5000 mAh battery
    ],
)
def test_number_and_unit(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # و + digits: the second number of a range counts the noun as the first would
        ("3", "و5", "دقايق", "number"),  # between 3 and 5 minutes
        ("1000", "و2000", "جنيه", "number"),  # between 1000 and 2000 pounds
        # a verb after it: the range closes (between 1990 and 2000 | it was ...)
        ("1990", "و2000", "كانت", None),
    ],
)
def test_conjoined_count(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # برا "outside" / جوه، جوا "inside": prepositions of place and their noun
        ("شغال", "برا", "مصر", "binding"),  # working outside Egypt
        ("وإنتي", "برا", "البيت", "binding"),  # while you are outside the house
        ("الصورة", "جوه", "Word", "binding"),  # the picture inside Word
        ("حط الأكل", "جوه", "التلاجة", "binding"),  # put the food inside the fridge
        ("الصور", "جوا", "الألبوم", "binding"),  # the photos inside the album
        # used as an adverb, then a new clause with و: a good break
        ("قاعد", "برا", "وهرجع", None),  # sitting outside | and I'll come back
    ],
)
def test_outside_inside(before: str, left: str, right: str, expected: str | None) -> None:
    # the unit is what counts; the pair rules may already call برا مصر a construct
    found = _judge(before, left, right)
    assert (found is None) == (expected is None)


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # حق / تبع / ديال + a pronoun after a definite noun: "of yours", one phrase
        ("غسلت", "السيارة", "حقتي", "idafa"),  # I washed my car (Gulf)
        ("فتحت", "الإيميل", "تبعي", "idafa"),  # I opened my email (Levantine)
        ("فين", "الساك", "ديالك", "idafa"),  # where is your bag (Maghrebi)
        # after a verb حقي is "my right", the verb's object: a phrase of its own
        ("ما", "أخدت", "حقي", None),
    ],
)
def test_possessive_exponents(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a noun with its pronoun, then the colloquial pronoun that stresses it
        ("ده", "رأيك", "إنت", "noun-adjective"),  # that is your own opinion
        ("ده", "حسابكم", "إنتو", "noun-adjective"),  # that is your own account
        ("ده", "بيتنا", "إحنا", "noun-adjective"),  # this is our own house
        # a dialect post-posed demonstrative after its definite noun, with a prefix
        ("", "والفيلم", "ده", "noun-adjective"),  # and this film
        ("اتصل", "بالرقم", "ده", "noun-adjective"),  # call this number
        ("ارسل", "للناس", "دول", "noun-adjective"),  # send to these people
        ("", "السيارة", "هذي", "noun-adjective"),  # this car (Gulf)
    ],
)
def test_stressed_and_pointed_nouns(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # the common colloquial adjectives after their noun
        ("لقيت", "شقة", "رخيصة", "noun-adjective"),  # I found a cheap flat
        ("عندي", "كرسي", "كويس", "noun-adjective"),  # I have a good chair
        ("دي", "شنطة", "وحشة", "noun-adjective"),  # that is an ugly bag
    ],
)
def test_colloquial_adjectives(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected
