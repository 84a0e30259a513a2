"""Development round 12 of the phrase model (dialect: social first, drama kept), each
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
        # "many of" + a pronoun: the quantity and what it is part of are one phrase
        ("", "كتير", "منكم", "idafa"),  # many of you (ask me ...)
        ("يا جماعة،", "كثير", "منهم", "idafa"),  # folks, many of them ...
        ("والأفلام", "وكتير", "منها", "idafa"),  # the films, and many of them ...
    ],
)
def test_many_of(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # لحد "until" and للي "for whoever" cannot end a line
        ("خليها تغلي", "لحد", "ما", "binding"),  # let it boil until (it thickens)
        ("شغال", "لحد", "دلوقتي", "binding"),  # still working until now
        ("النصيحة دي", "للي", "بيشتغل", "binding"),  # this tip is for whoever works
        ("هدية", "وللي", "يشترك", "binding"),  # a gift, and for whoever subscribes
    ],
)
def test_until_and_for_whoever(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # the Levantine "you can": فيك / فيني and the imperfect verb
        ("", "فيك", "تحجز", "binding"),  # you can book
        ("بس", "فيني", "أساعدك", "binding"),  # but I can help you
        ("ما", "فيك", "ترجعه", "binding"),  # you can't return it
        # not "in you" after a noun: the phrase "my trust in you" is closed
        ("ثقتي", "فيك", "تكبر", None),  # my trust in you | grows
    ],
)
def test_levantine_can(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # فيه / فيها "there is" after "still", "became", "but": it needs what there is
        ("لسه", "فيه", "مشاكل", "binding"),  # there are still problems
        ("صار", "فيه", "ضريبة", "binding"),  # there became a tax
        ("بس", "فيها", "مشكلة", "binding"),  # but there is a problem in it
        ("يكون", "فيه", "مكان", "binding"),  # there must be room
        # a definite word after it: "in it" (the definite noun is a new subject)
        ("لسه", "فيه", "الكرتونة", None),  # it is still in it | the box ...
    ],
)
def test_there_is_after_still(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # the Levantine "want" (بد + pronoun) is a verb in use: no construct after it
        ("إذا", "بدك", "رصيد", None),  # if you want | credit (a top-up)
        ("ما", "بدها", "سكر", None),  # it doesn't need | sugar
        ("وإذا", "بدكم", "نصيحة", None),  # and if you want | advice
    ],
)
def test_levantine_want(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # an ordinal opening a phrase heads its noun (the second thing, the third day)
        ("", "تاني", "حاجة", "idafa"),  # second thing (= secondly)
        ("", "وتالت", "خطوة", "idafa"),  # and the third step
        ("كل", "تالت", "عربية", "idafa"),  # every third car
        # after a noun the ordinal is its adjective and closes the phrase
        ("محل", "تاني", "هيديك", None),  # another shop | will give you
    ],
)
def test_ordinal_first(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # "its name is" opens a clause: the noun before it is whole
        ("نزلوا", "لعبة", "اسمها", None),  # they released a game | called ...
        ("في", "برنامج", "اسمو", None),  # there is a program | called ...
        # "for about" before an amount is no adjective of the brand before it
        ("من", "Zara", "بحوالي", None),  # from Zara | for about (20 dollars)
        ("في", "IKEA", "بحوالي", None),  # at IKEA | for about ...
    ],
)
def test_its_name_and_about(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # after "who" / the relative, a verb and its object: no construct between them
        ("مين", "كسر", "الكوباية؟", None),  # who broke | the glass?
        ("اللي", "أكل", "الكيكة", None),  # the one who ate | the cake
    ],
)
def test_who_did(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected
