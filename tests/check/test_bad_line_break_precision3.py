"""bad-line-break reads the whole cue: round 13, agreement, answers and clause openers.

Every cue here was written for these tests; each expectation is how a subtitler would judge
the break. A line break after a complete utterance («لا، لا» "no, no"; a clause whose next
line opens with ف or و before a clause) is a good break; a word left waiting for what it
governs (a negation before its verb, a noun before an adjective that agrees with it) is torn.
"""

from __future__ import annotations

from captionkit.check import check_track, select_rules
from captionkit.formats import loads


def _findings(text: str) -> list[str]:
    track = loads(f"1\n00:00:01,000 --> 00:00:04,000\n{text}\n".encode())
    return [f.message for f in check_track(track, rules=select_rules(["bad-line-break"]))]


def test_a_lone_no_before_thanks_an_exclamation_or_inna_is_an_answer() -> None:
    # "no, no / thank you": the answer is complete, the thanks are a new utterance
    assert _findings("لا، لا\nشكراً جزيلاً") == []
    # "oh, no / oh yes": two exclamations
    assert _findings("أوه، لا\nأوه نعم، هذا هو") == []
    # "no, no / it is the only way"
    assert _findings("لا، لا، لا\nإنه الطريق الوحيد") == []
    # "no / get out of here, all of you": لا cannot forbid with an imperative
    assert _findings("لا\nاخرجوا من هنا جميعاً") == []


def test_a_negation_before_its_verb_stays_torn() -> None:
    # "no, no, don't go": لا negates تذهبوا (a jussive), torn
    assert len(_findings("لا، لا\nتذهبوا من هنا")) == 1
    # "I don't know": a first person after لا, torn even when لا stands after a comma
    assert len(_findings("أنا آسف، لا\nأعرف ما حدث")) == 1
    # لا after a word that is no answer: "he will not / thank anyone"
    assert len(_findings("هو لا\nيشكر أحداً أبداً")) == 1
