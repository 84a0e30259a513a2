"""Development round 8 of the phrase model: each mechanism on words outside the fixtures.

Expectations are hand-checked Arabic grammar (the gloss in each comment says why), not
the model's output copied back.
"""

from __future__ import annotations

import pytest

from captionkit.text.linebreak import rule_break_category


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # after أن a word the lexicon knows only as a verb is a perfect verb, and the
        # definite word after it its subject: a verb heads no construct
        ("أن", "أغلق", "الحارس", None),  # after the guard closed | (the gate)
        # after ثم a word the lexicon knows as a verb opens a verbal clause
        ("ثم", "حمل", "الصياد", None),  # then the fisherman carried | (his net)
        # a noun the lexicon also knows as a verb stays a noun after أن: its construct binds
        ("أن", "حجم", "الخسائر", "idafa"),  # that the size of | the losses
    ],
)
def test_verb_after_an_and_thumma(before: str, left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right, before=before) == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # an أفعل the lexicon knows only as a verb, before a definite nisba or ـة word: an
        # elative is completed by a plural (أسهل الطرق), so this is a verb and its subject
        ("أحرز", "الياباني", None),  # the Japanese (player) won | (the title)
        ("أقنع", "الطبيبة", None),  # he convinced | the (woman) doctor
        # a true elative stays the head of its construct
        ("أسهل", "الحلول", "idafa"),  # the easiest of | the solutions
    ],
)
def test_elative_shaped_verb_before_a_definite_singular(
    left: str, right: str, expected: str | None
) -> None:
    assert rule_break_category(left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # an imperfect of a weak or derived root after a noun: the noun ends its phrase and
        # the verb opens a clause (the shapes miss أقف، أستطيع، أحتاج)
        ("أي", "شيء", "أستطيع", None),  # anything | I can (do)
        ("كل", "صباح", "أقف", None),  # every morning | I stand
        ("كل", "مساء", "نحتاج", None),  # every evening | we need
    ],
)
def test_noun_before_a_weak_imperfect(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert rule_break_category(left, right, before=before) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # after a definite subject, an أفعل the lexicon knows only as a verb is its
        # predicate verb: the definite word after it is its object, no elative's genitive
        ("المحافظ", "أغلق", "المعبر", None),  # the governor closed | the crossing
        ("الجيش", "أغلق", "المعابر", None),  # the army closed | the crossings
        # an elative the lexicon knows as an adjective still heads its construct
        ("النيل", "أطول", "نهر", "idafa"),  # (the Nile is) the longest | river
    ],
)
def test_verb_after_a_definite_subject(
    before: str, left: str, right: str, expected: str | None
) -> None:
    assert rule_break_category(left, right, before=before) == expected


@pytest.mark.parametrize(
    ("left", "expected"),
    [
        # a detached الـ makes the borrowed word after it definite: an indefinite noun
        # before it heads a construct (خدمة الـ cloud: the cloud service)
        ("خدمة", "idafa"),  # the service of | the (cloud)
        ("اشتراكات", "idafa"),  # the subscriptions of | the (streaming apps)
        ("وشاشة", "idafa"),  # and the screen of | the (laptop)
        ("مدّة", "idafa"),  # the duration of | the (trial): a shadda on a noun in ـة
        # a verb takes the borrowed word as its object: the gap is good
        ("حمّل", None),  # download | the (app): a written shadda marks the verb فعّل
        ("اشتري", None),  # buy | the (bundle)
    ],
)
def test_noun_before_a_detached_article(left: str, expected: str | None) -> None:
    assert rule_break_category(left, "الـ") == expected


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # after the dialect relative اللي a word the lexicon knows as a verb is the
        # relative clause's verb, and the next word its object: no construct
        ("كسر", "شباك"),  # the one who broke | (the kitchen) window
        ("دفع", "فلوس"),  # the one who paid | money
    ],
)
def test_verb_after_a_dialect_relative(left: str, right: str) -> None:
    assert rule_break_category(left, right, before="اللي") is None
    assert rule_break_category(left, right) is not None  # alone, the pair reads as nouns


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # a dialect interrogative opens its question and binds to what it asks about
        ("مين", "كسر"),  # who | broke (it)? (Levantine / Egyptian)
        ("ليش", "تأخرت"),  # why | were you late? (Levantine / Gulf)
        ("فين", "الشنطة"),  # where is | the bag? (Egyptian)
        ("شلون", "صحتك"),  # how is | your health? (Gulf / Iraqi)
        ("إمتى", "هتيجي"),  # when | will you come? (Egyptian)
    ],
)
def test_dialect_interrogatives_bind(left: str, right: str) -> None:
    assert rule_break_category(left, right) == "binding"
    assert rule_break_category(left + "،", right) is None  # a comma closes the question word


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # و / ف + a perfect verb with its object pronoun: the next word is its subject
        ("وأرسله", "صديق", None),  # and a friend sent it | ...
        ("فأعاده", "حارس", None),  # so a guard brought him back | ...
        # و + a noun with its pronoun keeps its adjective
        ("وكتابه", "الأخير", "noun-adjective"),  # and his last book
    ],
)
def test_conjoined_verb_with_object_pronoun(left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # after a year's date (في عام 1805 ...) a word the lexicon knows as a verb opens
        # the clause: the next word is its subject or object
        ("1805", "حكم", "محمد", None),  # in 1805 Muhammad (Ali) ruled | ...
        ("1902", "بنى", "مهندسون", None),  # in 1902 engineers built | ...
        # a noun reading before a definite word stays the head of its construct
        ("1950", "عدد", "السكان", "idafa"),  # in 1950 the number of | the inhabitants
    ],
)
def test_verb_after_a_year(before: str, left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right, before=before) == expected


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # a direction without the article is completed by the place after it
        ("شمال", "إيطاليا"),  # the north of | Italy
        ("جنوبي", "لبنان"),  # the south of | Lebanon (جنوبي: the adverbial nisba)
        ("وشرق", "آسيا"),  # and the east of | Asia
        ("غرب", "المدينة"),  # the west of | the city
    ],
)
def test_direction_heads_a_construct(left: str, right: str) -> None:
    assert rule_break_category(left, right) == "idafa"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("شمالا", "نحو"),  # northward | towards (the accusative stands alone)
        ("جنوب", "وشمال"),  # south | and north (a conjoined word starts a new phrase)
    ],
)
def test_direction_alone(left: str, right: str) -> None:
    assert rule_break_category(left, right) is None


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # كل / أحد bind to their noun even when it starts with ب or ل, unless the ب / ل is
        # a preposition before a word a list knows
        ("كل", "لحظة", "binding"),  # every | moment (لحظة is no لـ + حظة)
        ("كل", "بلدة", "binding"),  # every | town (بلدة is no بـ + لدة)
        ("أحد", "بالمدينة", None),  # (no) one | in the city: a prepositional phrase follows
    ],
)
def test_quantifier_before_a_noun_in_b_or_l(left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right) == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # نفس before a definite or borrowed noun is "the same", completed by that noun
        ("نفس", "الطريقة", "idafa"),  # the same | way
        ("ونفس", "المشكلة", "idafa"),  # and the same | problem
        ("نفس", "iPhone", "idafa"),  # the same | iPhone
        ("نفس", "في", None),  # (a) breath | in ...: a preposition starts a new phrase
    ],
)
def test_nafs_the_same(left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right) == expected


@pytest.mark.parametrize(
    "left",
    [
        # the dialect spellings of أكثر / كثير (ت for ث) keep their من like the standard ones
        "اكتر",  # more | than
        "الكتير",  # many | of
    ],
)
def test_dialect_spellings_keep_min(left: str) -> None:
    assert rule_break_category(left, "من") is not None


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # شهر and the month's name are one name
        ("شهر", "فبراير", "name"),  # the month of | February
        ("وشهر", "أيلول", "name"),  # and the month of | September (Levantine name)
        # a verb after شهر starts its own clause
        ("شهر", "مضى", None),  # a month | (that) went by
    ],
)
def test_month_after_shahr(left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right) == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # فقد before a definite noun is the verb "lost", its subject follows
        ("فقد", "اللاعب", None),  # (the) player lost | ...
        ("فقد", "المنتخب", None),  # the (national) team lost | ...
        # ف + قد before a verb binds to it
        ("فقد", "أصبح", "binding"),  # so it has | become
        ("فقد", "كان", "binding"),  # for it had | been
    ],
)
def test_faqad_verb_or_particle(left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right) == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # adverbial قبل / بعد ("before", "afterwards") before a subordinator ends its phrase
        ("بعد", "إذا", None),  # (we will talk) afterwards | if ...
        ("قبل", "حين", None),  # (as I said) before | when ...
        # before أن they are prepositions and bind
        ("قبل", "أن", "binding"),  # before | (that) ...
    ],
)
def test_adverbial_qabl_before_a_subordinator(left: str, right: str, expected: str | None) -> None:
    assert rule_break_category(left, right) == expected


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # a compound number is one unit: ثمانٍ without its ي, and the duals of the powers
        ("ثمان", "وعشرين"),  # eight | and twenty
        ("مليارين", "وخمسمئة"),  # two billion | and five hundred (million)
        ("ألفان", "وثلاثمئة"),  # two thousand | and three hundred
    ],
)
def test_compound_numbers(left: str, right: str) -> None:
    assert rule_break_category(left, right) == "number"


@pytest.mark.parametrize(
    ("before", "left", "expected"),
    [
        # a definite ordinal 11-19 before من is a day of a month or an age: one number
        ("الثالث", "عشر", "number"),  # the thirteenth | of (March)
        ("السادسة", "عشرة", "number"),  # (at) sixteen | (years) of (age)
    ],
)
def test_ordinal_teen_before_min(before: str, left: str, expected: str | None) -> None:
    assert rule_break_category(left, "من", before=before) == expected
    assert rule_break_category(left + "،", "من", before=before) is None  # a comma ends it


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # لا سيما ("especially") and the dialect بدل ("instead of") bind to what follows
        ("سيما", "بعد"),  # (not) least | after ...
        ("بدل", "الفطور"),  # instead of | breakfast
        ("وبدل", "ما"),  # and instead of | (doing) ...
    ],
)
def test_la_siyyama_and_badal_bind(left: str, right: str) -> None:
    assert rule_break_category(left, right) == "binding"


@pytest.mark.parametrize(
    "left",
    [
        # Egyptian بقالي / بقالها ("it has been ... for me / her") governs the duration
        "بقالي",  # it has been | (three days) for me
        "وبقالها",  # and it has been | (a year) for her
    ],
)
def test_baqali_binds(left: str) -> None:
    assert rule_break_category(left, "سنة") == "binding"
