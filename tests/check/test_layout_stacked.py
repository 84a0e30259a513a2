"""check leaves out a break between two adjectives of one noun; make still avoids it."""

from __future__ import annotations

import pytest

from captionkit.check import check_track, select_rules
from captionkit.errors import UsageError
from captionkit.formats import loads
from captionkit.text.linebreak import bad_break_category, stacked_adjective
from tests.check.one_cue import bad_line_break_findings


def _findings(text: str) -> list[str]:
    return [f.message for f in bad_line_break_findings(text)]


def test_stacked_adjectives_are_not_flagged() -> None:
    # ما هذه البقعة الهائلة | الموجودة على ظهر قميصك؟ (a film's line, judged acceptable)
    assert _findings("ما هذه البقعة الهائلة\nالموجودة على ظهر قميصك؟") == []
    # the model itself still calls the gap noun-adjective, so make keeps avoiding it
    assert bad_break_category("الهائلة", "الموجودة", "البقعة") == "noun-adjective"
    assert stacked_adjective("البقعة", "الهائلة", "الموجودة")


def test_a_noun_and_its_adjective_are_still_flagged() -> None:
    # علاقات is a plural noun, not an adjective: تأسيس علاقات | دبلوماسية is a real tear
    assert not stacked_adjective("تأسيس", "علاقات", "دبلوماسية")
    assert len(_findings("نريد تأسيس علاقات\nدبلوماسية مع المملكة")) == 1
    assert len(_findings("وصلت السيارة\nالجديدة إلى المعرض")) == 1


def test_constructs_and_names_are_an_opt_in_rule_bindings_are_warnings() -> None:
    def found(text: str, select: list[str] | None) -> list[tuple[str, str]]:
        track = loads(f"1\n00:00:01,000 --> 00:00:04,000\n{text}\n".encode())
        rules = select_rules(select) if select is not None else None
        return [(f.rule, f.severity) for f in check_track(track, rules=rules)]

    binding = "وصلنا إلى\nالمدينة بعد الظهر"  # a preposition at the line end
    construct = "ناقش الوزراء خطة\nتطوير المطار الجديد"  # خطة | تطوير: a construct
    assert found(binding, ["bad-line-break"]) == [("bad-line-break", "warning")]
    assert found(construct, ["bad-line-break"]) == []
    # Not run by default; a prefix naming only it is refused (it ran nothing and said
    # "All checks passed"); run when named by its id.
    assert ("doubtful-line-break", "info") not in found(construct, None)
    with pytest.raises(UsageError, match=r"opt-in.*doubtful-line-break"):
        found(construct, ["doubtful-"])
    assert found(construct, ["doubtful-line-break"]) == [("doubtful-line-break", "info")]
    assert found(binding, ["doubtful-line-break"]) == []


def test_breaks_after_a_visual_order_sentence_end_and_before_a_credit_are_not_flagged() -> None:
    # ".أجل، ولا أنا" is "أجل، ولا أنا." typed in visual order: the line ends a sentence
    assert _findings(".أجل، ولا أنا\nماذا هناك أيضًا؟") == []
    # a credit card's names after a || separator, a link after من
    assert _findings("ترجمة وتعديل\n||علي طلال||") == []
    assert _findings("الترجمة الأصلية مقدمة من\nhttps://example.org/subs") == []
    # an ellipsis at the start is a continuation, so the preposition at the end still counts
    assert len(_findings("...ثم ذهبنا إلى\nالمدينة")) == 1


def test_a_break_beside_a_token_of_symbols_is_free() -> None:
    # Two song lines, each between ♪ marks (a film's lyrics): no words meet at the break.
    # The model read «♪ | ♪» as a construct (found on a film's subtitles out of sample).
    track = loads(
        "1\n00:00:01,000 --> 00:00:04,000\n♪ سيدة المنجم ♪\n♪ غريبة عن المحيط ♪\n".encode()
    )
    rules = select_rules(["bad-line-break", "doubtful-line-break"])
    assert check_track(track, rules=rules) == []
    # A dialogue dash is no such token: it still binds its turn.
    assert bad_break_category("-", "مرحبا") == "binding"


def test_a_gloss_in_its_own_colour_is_a_text_of_its_own() -> None:
    # A translator's note on its own line in another colour (as in a film's subtitles): no
    # phrase runs from the line above into it ("this | [note: Drayton is a town]").
    rules = select_rules(["bad-line-break", "doubtful-line-break"])
    text = 'أنت تعرف هذا\n<font color="#FFFF00">درايتون بلدة على ضفاف النهر</font>'
    track = loads(f"1\n00:00:01,000 --> 00:00:04,000\n{text}\n".encode())
    assert check_track(track, rules=rules) == []
    # The same words without the colour change are a demonstrative torn from its noun (a
    # doubtful tear: هذا may end the clause).
    plain = loads("1\n00:00:01,000 --> 00:00:04,000\nأنت تعرف هذا\nالبلد على ضفاف النهر\n".encode())
    assert [f.rule for f in check_track(plain, rules=rules)] == ["doubtful-line-break"]
