"""Development round 15 (MSA: news and lectures) of the phrase model, on words outside the fixtures.

Each sentence is new; each expected judgement is the subtitler's (the gloss says why),
written before the model was run on it, not the model's output copied back.
"""

from __future__ import annotations

import pytest

from tests.text.judging import judge as _judge


@pytest.mark.parametrize(
    ("before", "left", "right", "bad"),
    [
        # مقابل "against" in a score needs its number (فاز الفريق بأربعة أهداف مقابل | هدفين)
        ("أهداف", "مقابل", "هدفين", True),
        # مقابل "in return for" needs what is given (تلقى الموظف أموالا مقابل | تسريب الوثائق)
        ("أموالا", "مقابل", "تسريب", True),
        # وفق "according to" needs its source (ارتفعت الأسعار، وفق | تقرير رسمي)
        ("الأسعار،", "وفق", "تقرير", True),
        # داخل "inside" needs its place (وجد المحققون وثائق داخل | خزانة مغلقة)
        ("وثائق", "داخل", "خزانة", True),
        # (تعيش هذه الديدان وداخل | أمعاء الحيوان: و on the preposition)
        ("الديدان", "وداخل", "أمعاء", True),
        # punctuation still closes the phrase (عمل المتطوعون دون مقابل، | ثم عادوا)
        ("دون", "مقابل،", "ثم", False),
    ],
)
def test_adverbial_prepositions_bind(before: str, left: str, right: str, bad: bool) -> None:
    assert (_judge(before, left, right) is not None) is bad
