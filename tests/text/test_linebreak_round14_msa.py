"""Development round 14 (MSA: news and lectures) of the phrase model, on words outside the fixtures.

Each sentence is new; each expected judgement is the subtitler's (the gloss says why),
written before the model was run on it, not the model's output copied back.
"""

from __future__ import annotations

import pytest

from captionkit.text.linebreak import bad_break_category


def _judge(before: str, left: str, right: str) -> str | None:
    return bad_break_category(left, right, before=before)


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
