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
