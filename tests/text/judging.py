"""The question the round tests ask of the phrase model: a gap, with the word before it."""

from __future__ import annotations

from captionkit.text.linebreak import bad_break_category


def judge(before: str, left: str, right: str) -> str | None:
    """The category of the break between ``left`` and ``right`` (``before`` precedes ``left``).

    >>> judge("سافرنا", "إلى", "المدينة")
    'binding'
    """
    return bad_break_category(left, right, before=before)
