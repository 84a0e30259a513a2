"""The learned layer over the line-break rules (captionkit/text/learned.py)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from importlib import resources

import pytest

from captionkit.text import learned
from captionkit.text.linebreak import bad_break_category, rule_break_category


def test_a_closed_word_is_seen_by_its_identity() -> None:
    # في is a preposition, لكن a conjunction: closed classes, known as themselves
    assert learned.word_features("في") == (("w:في",), "w:في")
    assert learned.word_features("لكن")[1] == "w:لكن"


def test_a_content_word_is_seen_by_its_form_only() -> None:
    features, coarse = learned.word_features("والمدينة")
    # و + ال attached, the stem مدينة (5 letters) ends in ta marbuta
    assert "art:وال" in features
    assert "suf:ة" in features
    assert "len:5" in features
    assert coarse.startswith("art|")
    assert not any("مدين" in feature for feature in features)


def test_prefix_suffix_verb_latin_digits_and_punctuation() -> None:
    features, _ = learned.word_features("يعملون")  # they work: an imperfect verb, plural ون
    assert "suf:ون" in features
    assert "verb" in features
    assert learned.word_features("بسيارة")[0][0] == "pre:ب"  # ب attached, no article
    assert learned.word_features("Joseph") == (("lat", "cap"), "lat:cap")
    assert learned.word_features("2024") == (("dig", "diglen:4"), "dig")
    assert learned.word_features("١٢")[1] == "dig"
    assert learned.word_features("الحرب،")[0][0] == "end,"
    assert learned.word_features("انتهى.")[0][0] == "end."


def test_the_pair_features_cross_the_rules_verdict() -> None:
    features = learned.pair_features("binding", "في", "المدينة", "سافرنا")
    assert features[0] == "v:binding"
    assert "v:binding|L:w:في" in features
    assert "v:binding|R:art:ال" in features
    assert any(name.startswith("v:binding|LR:w:في|art|") for name in features)
    assert learned.rule_key(None) == "none"
    assert learned.rule_key("idafa") == "idafa"


def test_the_data_file_loads_with_a_weight_per_class() -> None:
    path = resources.files("captionkit.data").joinpath("linebreak", "learned.tsv")
    text = path.read_text("utf-8")
    assert len(text.encode()) < 3_000_000  # trained on every development row: ~2.1 MB
    table, margin = learned.weights()
    if not table:  # the layer switched off: the rules pass through
        assert "switched off" in text
        return
    assert math.isfinite(margin) and margin >= 0
    assert "@classes\t" + "\t".join(learned.CLASSES) in text.splitlines()
    assert all(len(row) == len(learned.CLASSES) for row in table.values())
    assert all(math.isfinite(value) for row in table.values() for value in row)
    names = [
        line.split("\t", 1)[0] for line in text.splitlines() if not line.startswith(("#", "@"))
    ]
    assert names == sorted(names)  # written in a fixed order: a re-run gives the same bytes


@pytest.fixture
def weights_of() -> Iterator[object]:
    """Replace the weights for one test, clearing the decisions cached before and after."""
    saved = learned.weights
    learned._decision.cache_clear()

    def use(table: dict[str, tuple[float, ...]], margin: float) -> None:
        learned.weights = lambda: (table, margin)  # type: ignore[assignment]
        learned._decision.cache_clear()

    yield use
    learned.weights = saved  # type: ignore[assignment]
    learned._decision.cache_clear()


def test_the_verdict_passes_through_without_a_weight_against_it(weights_of) -> None:  # type: ignore[no-untyped-def]
    doubtful = rule_break_category("جزيرة", "بارادي")  # a class noun before an unknown word
    assert doubtful == "name"
    weights_of({}, 0.0)  # no weights at all (the layer switched off)
    assert learned.corrected(doubtful, "جزيرة", "بارادي", "") is doubtful  # still doubtful
    assert learned.corrected(None, "قال", "إن", "") is None
    # weights only for the rules' own verdicts (each verdict likeliest as it is) and for
    # features these breaks do not have
    priors = {
        "v:none": (3.0, 0.0, 0.0, 0.0, 0.0, 0.0),
        "v:binding": (0.0, 3.0, 0.0, 0.0, 0.0, 0.0),
        "v:name?": (0.0, 0.0, 0.0, 3.0, 0.0, 0.0),
        "v:none|L:w:لكن": (-9.0, 9.0, 0.0, 0.0, 0.0, 0.0),
    }
    weights_of(priors, 0.0)
    assert learned.corrected(doubtful, "جزيرة", "بارادي", "") is doubtful
    assert learned.corrected(None, "قال", "إن", "") is None
    assert learned.corrected("binding", "في", "المدينة", "") == "binding"


def test_a_weight_against_the_rules_overturns_them_past_the_margin(weights_of) -> None:  # type: ignore[no-untyped-def]
    against = {
        "v:binding": (0.0, 3.0, 0.0, 0.0, 0.0, 0.0),
        "v:binding|L:w:في": (9.0, -5.0, 0.0, 0.0, 0.0, 0.0),
    }
    weights_of(against, 0.5)
    assert learned.corrected("binding", "في", "المدينة", "") is None
    weights_of(against, 20.0)  # not by the margin: the rules stand
    assert learned.corrected("binding", "في", "المدينة", "") == "binding"
    # قال is no closed word: the layer sees a verb shape, and a weight on it
    weights_of(
        {"v:none": (3.0, 0.0, 0.0, 0.0, 0.0, 0.0), "v:none|L:verb": (-9.0, 0, 0, 0, 0, 9.0)}, 0.5
    )
    assert learned.corrected(None, "قال", "إن", "") == "idafa"  # the likeliest category
    weights_of(against, 0.5)
    assert learned.corrected("binding", "في،", "المدينة", "") == "binding"  # punctuation settles it


# New sentences, written and labelled for this test as a subtitler would break them:
# (before, left, right, category or None for a good break).
JUDGED = [
    ("سافرت", "العائلة", "إلى", None),  # a subject, then a preposition: break before it
    ("العائلة", "إلى", "الشاطئ", "binding"),  # a preposition needs its noun
    ("", "المدرسة", "الجديدة", "noun-adjective"),
    ("افتتح", "وزير", "التعليم", "idafa"),
    ("", "في", "عام", "binding"),
    ("في", "عام", "2019", "number"),
    ("استقبل", "الرئيس", "ماكرون", "name"),
    ("", "قالت", "إن", None),  # the verb of saying and its clause may be broken
    ("الحكومة", "لم", "تعلن", "binding"),  # negation binds to its verb
    ("وصلت", "الطائرة", "وهبط", None),  # a new clause opens with و
    ("", "خمسة", "أطفال", "number"),
    ("", "شركة", "أرامكو", "name"),
]


@pytest.mark.parametrize(("before", "left", "right", "expected"), JUDGED)
def test_judgements_on_new_sentences(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert bad_break_category(left, right, before=before) == expected
