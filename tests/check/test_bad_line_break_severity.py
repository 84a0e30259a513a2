"""Which rule reports a tear: bad-line-break (a warning) for a torn function word,
doubtful-line-break (opt-in, a note) for the other tears.

Every cue here was written for these tests, each break judged as a subtitler would. A
preposition, a conjunction, كان, أنّ or a relative left at the end of the upper line always
tears its phrase (a warning); a demonstrative or a pronoun there often ends a clause, and a
noun-adjective or number reading is often two utterances on two lines, so those findings are
doubtful-line-break's: reported when that rule is chosen, at the level of a hint.
"""

from __future__ import annotations

import pytest

from captionkit.check import check_track, select_rules
from captionkit.check.registry import parse_severities
from captionkit.formats import loads


def _found(text: str, severity: tuple[str, ...] = (), rule: str = "bad-line-break") -> list[str]:
    track = loads(f"1\n00:00:01,000 --> 00:00:04,000\n{text}\n".encode())
    rules = select_rules([rule])
    severities = parse_severities(severity) if severity else None
    return [f.severity for f in check_track(track, rules=rules, severities=severities)]


@pytest.mark.parametrize(
    "text",
    [
        "سافرنا صباح أمس إلى\nمدينة الإسكندرية",  # a preposition at the line end
        "قال المدير إن الشركة\nستفتح فرعا جديدا ولكن\nبعد عام",  # ولكن: a conjunction
        "كانت الأسعار في السوق\nمرتفعة لأن الموسم كان\nسيئا",  # كان before its predicate
        "أخبرني صديقي أن\nالقطار تأخر ساعتين",  # أن before its noun
        "هذا هو الرجل الذي\nساعدنا في الطريق",  # a relative before its clause
    ],
)
def test_a_torn_function_word_is_a_warning(text: str) -> None:
    assert "warning" in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "اشتريت سيارة جديدة من المعرض\nالكبير في وسط المدينة",  # المعرض | الكبير: noun-adjective
        "وصلت السيارة\nالجديدة إلى المعرض",  # a noun and its adjective
    ],
)
def test_a_noun_and_its_adjective_is_a_doubtful_note(text: str) -> None:
    assert _found(text) == []
    found = _found(text, rule="doubtful-line-break")
    assert found and set(found) == {"info"}


def test_a_demonstrative_at_the_line_end_is_a_note_when_found() -> None:
    # «هذا | الكتاب» may be "this book" or "this. The book ...": a note at most
    assert _found("لم أكن أعرف هذا\nالكتاب رائع جدا") == []
    assert set(_found("لم أكن أعرف هذا\nالكتاب رائع جدا", rule="doubtful-line-break")) <= {"info"}


def test_a_chosen_severity_still_applies_to_every_finding() -> None:
    text = "وصلت السيارة\nالجديدة إلى المعرض"
    assert _found(text, ("doubtful-line-break=error",), "doubtful-line-break") == ["error"]
    assert _found("سافرنا صباح أمس إلى\nمدينة الإسكندرية", ("bad-line-break=info",)) == ["info"]


def test_ila_typed_without_its_hamza_is_a_warning() -> None:
    # الى for إلى, as many subtitlers type it: the preposition left at the line end
    assert _found("لقد انكسرت الى\nألف قطعة صغيرة") == ["warning"]
