"""The question the round tests ask of the phrase model's rules: a gap, with the word before it.

The round tests assert the hand-labelled judgements each round taught the rules
(`rule_break_category`); the learned layer over them (`captionkit.text.learned`) is judged
on rows it never saw (`benchmarks/phrase_judged.py`) and in `tests/text/test_learned.py`."""

from __future__ import annotations

from captionkit.text.linebreak import rule_break_category


def judge(before: str, left: str, right: str) -> str | None:
    """The category of the break between ``left`` and ``right`` (``before`` precedes ``left``).

    >>> judge("سافرنا", "إلى", "المدينة")
    'binding'
    """
    return rule_break_category(left, right, before=before)
