"""Development round 7 of the phrase model: each mechanism on words outside the fixtures.

Expectations are hand-checked Arabic grammar (the gloss in each comment says why), not
the model's output copied back.
"""

from __future__ import annotations

import pytest

from captionkit.text.linebreak import bad_break_category


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # verb, feminine subject, then a masculine definite noun: the verb's object
        ("ونشرت", "الصحيفة", "التقرير", None),  # the newspaper published | the report
        ("واستقبلت", "الجامعة", "الطلاب", None),  # the university received | the students
        # an agreeing adjective stays with its noun
        ("ونشرت", "الصحيفة", "الرسمية", "noun-adjective"),  # the official newspaper
        ("وأكدت", "القوات", "المسلحة", "noun-adjective"),  # the armed forces
        ("وقادت", "المرأة", "الأكبر", "noun-adjective"),  # an elative does not agree in gender
    ],
)
def test_subject_then_object_after_a_verb(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert bad_break_category(left, right, before=before) == expected
