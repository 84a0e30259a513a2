"""Development round 15 of the phrase model (dialect: social first, drama kept), each
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
        # لازم "must" needs its clause even when a subject opens it, not a verb
        ("السفر،", "لازم", "جوازك", "binding"),  # before travelling, your passport must (be valid)
        ("كده،", "لازم", "الشاحن", "binding"),  # so the charger must (be original)
        ("الشتا،", "فلازم", "البطانية", "binding"),  # in winter, so the blanket must (be thick)
        ("والعربية", "لازم", "زيتها", "binding"),  # and the car, its oil must (be changed)
        # before an adverb, a call or a mark لازم is a predicate and closes
        ("مش", "لازم", "أبدا", None),  # not necessary | at all
        ("كان", "لازم", "يا", None),  # there was no need | O (my dear)
        ("مش", "لازم،", "الحين", None),  # not necessary, | now
    ],
)
def test_must_before_its_subject(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # the Gulf / Maghrebi possessive exponents "of" before their possessor
        ("الشنطة", "حقت", "المدرسة", "binding"),  # the bag of | the school
        ("الكتاب", "ديال", "الأستاذ", "idafa"),  # the book of | the teacher (a construct)
        # the Levantine "how much" and "so that" before their clause
        ("بتعرف", "قديش", "بياخد", "binding"),  # do you know how much | it takes
        ("وسألته", "وقديش", "بتكلف", "binding"),  # and how much | does it cost
        ("استنى", "لحتى", "يخلص", "binding"),  # wait so that | it finishes
        # a mark after them closes
        ("بتعرف", "قديش؟", "كتير", None),  # do you know how much? | a lot
    ],
)
def test_dialect_closed_binders(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # a dialect "this" opening a clause is its subject, bound to the predicate
        ("دينار،", "هاي", "سرقة", True),  # 50 dinars, this | (is) theft
        ("", "هادي", "فكرة", True),  # this | (is) an idea (at a line's start)
        ("اليوم،", "هيدا", "ممنوع", True),  # today, this | (is) forbidden
        ("لكن", "هذي", "غلطة", True),  # but this | (is) a mistake
        ("الشغل،", "فهذي", "قاعدة", True),  # at work, so this | (is) a rule
        ("بس", "هيدا", "غالي", True),  # but this | (is) expensive
        ("", "وهادي", "أحسن", True),  # and this | (is) better
        # after its noun it points back and closes the noun phrase
        ("الفكرة", "هاي", "حلوة", False),  # this idea | (is) nice
        # a line's هاي alone may be the greeting "hi"
        ("", "هاي", "كيفكم", False),  # hi | how are you
    ],
)
def test_dialect_this_as_subject(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) == bad
