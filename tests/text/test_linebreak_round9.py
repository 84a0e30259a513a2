"""Development round 9 of the phrase model: each mechanism on words outside the fixtures.

Expectations are hand-checked Arabic grammar (the gloss in each comment says why), not
the model's output copied back.
"""

from __future__ import annotations

import pytest

from captionkit.text.linebreak import rule_break_category


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # after a brand name, dialect فيه is "has / there is": the noun it introduces
        # completes it (Babbel فيه تمارين يومية: Babbel has daily exercises)
        ("Babbel", "فيه", "تمارين", "binding"),
        # before a Latin term, فيها "it has": the term is what the watch has
        # (الساعة فيها NFC: the watch has NFC)
        ("الساعة", "فيها", "NFC", "binding"),
        # after a verb, فيه is "about it / in it" and closes the verb's phrase; the
        # subject after it opens a new one (تكلم فيه | Elon Musk: Elon Musk spoke of it)
        ("تكلم", "فيه", "Elon", None),
        ("بيتكلم", "فيه", "Elon", None),
    ],
)
def test_existential_fih_beside_a_latin_word(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert rule_break_category(left, right, before=before) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # كل before a dual noun is "every two ...": the dual is its genitive, though its
        # ت- / ي- start and -ين end take a verb's shape (تذكرتين: تذكرة، تمرينين: تمرين)
        ("بيدفع", "كل", "تذكرتين", "binding"),  # he pays for every two tickets
        ("بعد", "كل", "تمرينين", "binding"),  # after every two exercises
        # a construct noun before a real verb is complete: the verb opens the predicate
        ("ما", "أحد", "يستاهل", None),  # nobody | deserves (it)
    ],
)
def test_kull_before_a_dual_noun(before: str, left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right, before=before) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a fraction heads a construct with the noun it divides, even ساعة, which the
        # stopword list holds (ساعة ما): بعد تلت ساعة "after a third of an hour"
        ("بعد", "تلت", "ساعة", "idafa"),
        ("خلال", "بربع", "ساعة", "idafa"),  # ب + ربع: "within a quarter of an hour"
        # a fraction before a verb is the subject: the predicate may start a new line
        # (والباقي تلت | بيروح للإيجار: a third goes to the rent)
        ("والباقي", "تلت", "بيروح", None),
    ],
)
def test_fraction_before_its_noun(before: str, left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right, before=before) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # an indefinite noun before a capitalised brand is a construct: the brand is
        # its genitive (جددت عضوية Costco: I renewed my Costco membership)
        ("جددت", "عضوية", "Costco", "idafa"),
        ("البنزين", "وعضوية", "Costco", "idafa"),  # و + the noun, in a list
        # a verb before a brand takes it as its object: a verb heads no construct
        ("امبارح", "جربت", "Costco", None),  # yesterday I tried | Costco
    ],
)
def test_noun_before_a_latin_brand(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert rule_break_category(left, right, before=before) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # Levantine / Gulf demonstratives bind to the definite noun they point at, even
        # after a comma where هاد could be read as the verb "demolished"
        ("", "هاذي", "البلوزة", "binding"),  # this blouse
        ("بصراحة،", "هاد", "البلوزة", "binding"),  # honestly, this blouse
        # هاي is also "hi": before a greeting it is no demonstrative
        ("", "هاي", "كيفكم", None),  # hi | how are you
    ],
)
def test_dialect_demonstratives(before: str, left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right, before=before) == expected
