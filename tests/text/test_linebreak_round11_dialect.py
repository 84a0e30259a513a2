"""Development round 11 of the phrase model (dialect: social first, drama kept), each
mechanism on words outside the fixtures.

Expectations are hand-checked Arabic grammar (the gloss in each comment says why), not
the model's output copied back. ``before`` is the word before the pair ("" opens a line).
"""

from __future__ import annotations

import pytest

from tests.text.judging import judge as _judge


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a detached article written apart from the borrowed word it determines
        ("فلتر", "للـ", "selfie", "binding"),  # a filter for the selfie
        ("اشتغلت", "بالـ", "laptop", "binding"),  # I worked on the laptop
        ("نصيحة", "للـ", "freelancers", "binding"),  # advice for the freelancers
        # no tatweel: بال is a word ("mind"), here with its adjective
        ("خلي", "بال", "مفتوح", "noun-adjective"),  # keep an open mind
    ],
)
def test_detached_article(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # the colloquial copula (habitual ب, future ه / ح) needs its predicate
        ("الشحن", "بيكون", "سريع", "binding"),  # the charging is (usually) fast
        ("الجو", "هيكون", "حر", "binding"),  # the weather will be hot
        ("الشوربة", "بتبقى", "سخنة", "binding"),  # the soup gets hot
        ("السعر", "بيضل", "ثابت", "binding"),  # the price stays fixed
        ("البطارية", "حتكون", "فاضية", "binding"),  # the battery will be empty
        # a shadda marks كوّن "to form": its object may start a new line
        ("بكرة", "هنكوّن", "فريق", None),  # tomorrow we form | a team
    ],
)
def test_dialect_copula(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a product's model number counts nothing: the Arabic after it goes on the sentence
        ("Galaxy", "23", "نزل", None),  # the Galaxy 23 | came down (in price)
        ("PlayStation", "5", "بقى", None),  # the PlayStation 5 | became ...
        ("Xbox", "360", "لسه", None),  # the Xbox 360 | still ...
        # a number after an Arabic word still counts what follows
        ("اشتريت", "3", "شواحن", "number"),  # I bought 3 chargers
    ],
)
def test_model_number(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a verb of the second form, shown by its shadda, and its object: a free break
        ("بعدين،", "حمّل", "التطبيق", None),  # then, download | the app
        ("لازم", "نغيّر", "الزيت", None),  # we must change | the oil
        ("بالليل،", "جرّب", "الوصفة", None),  # at night, try | the recipe
        # a noun with a shadda (فعّال) still heads its construct
        ("في", "حمّام", "السباحة", "idafa"),  # in the swimming pool
    ],
)
def test_stressed_verb(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # و + a demonstrative opening a clause is its subject: it needs its predicate
        ("ساعتين،", "وهذا", "كثير", "binding"),  # two hours, and that is a lot
        ("بالليل،", "وهذي", "أحلى", "binding"),  # at night, and this is nicer
        ("رخيص،", "وهذي", "فرصة", "binding"),  # cheap, and this is a chance
        # an adverb after it closes it: "and this too"
        ("", "وهذا", "كمان", None),  # and this too | (costs money)
    ],
)
def test_and_this(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # the clock's hour and its number are one time
        ("الماتش", "الساعة", "10", "number"),  # the match is at 10 o'clock
        ("نتقابل", "الساعة", "خمسة", "number"),  # we meet at five o'clock
        # الساعة before a noun is the watch (its adjective follows), no time
        ("اشتريت", "الساعة", "الذكية", "noun-adjective"),  # I bought the smart watch
    ],
)
def test_clock_time(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # إذن "so" opening a reply leads into its clause
        ("-", "إذن", "نسافر", "binding"),  # - so we travel (tomorrow)
        ("", "إذن", "الحل", "binding"),  # so the solution (is ...)
        # إذاً with its tanween after a word closes its clause, as before this round
        ("حسناً", "إذاً", "سأذهب", None),  # all right then | I will go
    ],
)
def test_so_then(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a numeral word and the times or time it counts are one number
        ("قلتلك", "مئة", "مرة", "number"),  # I told you a hundred times
        ("استنيت", "عشرين", "دقيقة", "number"),  # I waited twenty minutes
        ("قضيت", "خمس", "سنين", "number"),  # I spent five years
    ],
)
def test_times_counted(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a definite profession before a first name is the person's title
        ("", "النجار", "يوسف", "name"),  # Joseph the carpenter
        ("كلمت", "الدكتورة", "هالة", "name"),  # I spoke to Dr Hala
        ("", "السواق", "زياد", "name"),  # Ziad the driver
        # a first name that is also an adjective may be the predicate: not forced
        ("", "الطريق", "سالم", None),  # the road is safe (سالم "safe", also a name)
    ],
)
def test_profession_name(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # the dialect فيه / فيها "there is" after اللي, لكن, بقى or punctuation
        ("اللي", "فيها", "عيوب", "binding"),  # the one that has flaws
        ("لكن", "فيه", "زحمة", "binding"),  # but there is a crowd
        ("الشاشة،", "وفيها", "خدوش", "binding"),  # the screen, and there are scratches on it
        # after a verb فيها is "in it", and an elative after it is a new predicate
        ("حطيت", "فيها", "عيوب", None),  # I put into it | flaws: left to the other rules
        ("لكن", "فيها", "أحلى", None),  # but in it | (something) nicer
    ],
)
def test_there_is_after(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a definite Latin term, then an indefinite Arabic predicate: a free break
        ("الـ", "battery", "ضعيفة", None),  # the battery | is weak
        ("Google", "Maps", "بطيء", None),  # Google Maps | is slow
        # a definite adjective after it still qualifies it
        ("الـ", "router", "الجديد", "noun-adjective"),  # the new router
    ],
)
def test_latin_subject(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # a product name, its series number and its model number are one name
        ("Core", "7", "155H", "name"),  # the Core 7 155H processor
        ("Radeon", "7", "7800", "name"),  # the Radeon 7 7800 card
    ],
)
def test_model_series(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # هال- "this" makes its noun definite: an indefinite word after it starts anew
        ("في", "هالمحل", "أسعار", None),  # in this shop | (there are) prices ...
        ("", "هالموبايل", "بطاريته", None),  # this phone | its battery ...
        # a definite adjective after it still agrees with it
        ("", "هالموبايل", "الجديد", "noun-adjective"),  # this new phone
    ],
)
def test_this_prefixed(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # "for example" introduces a number, it is not counted by it
        ("الإيجار،", "مثلا", "7000", None),  # the rent, for example | 7000
        ("لو", "مثلاً", "3", None),  # if, say, | 3 (people come)
        # تقريبا binds to its number (the README's convention)
        ("بيكلف", "تقريبا", "200", "number"),  # it costs about 200
    ],
)
def test_for_example(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # the parts of one compound number
        ("عنده", "خمسة", "وثلاثين", "number"),  # he has thirty-five
        ("بيدخل", "مليون", "و300", "number"),  # he earns one million three hundred (thousand)
        ("عاش", "تسعا", "وستين", "number"),  # he lived sixty-nine (years)
    ],
)
def test_compound_number(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # particles that open a clause, conjugated دام after ما, إن شاء الله
        ("", "ربما", "نسيت", "binding"),  # perhaps you forgot
        ("-", "عسى", "خير", "binding"),  # may it be for the good
        ("أسامحك", "بشرط", "تعتذر", "binding"),  # I forgive you provided you apologise
        ("ما", "دمنا", "معا", "binding"),  # as long as we are together
        ("نجتمع", "إن", "شاء", "binding"),  # we meet, God willing (إن binds already)
        ("إن", "شاء", "الله", "binding"),  # God willing
    ],
)
def test_particle_or_formula(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # the dialect "like this / so" closes its phrase
        ("عشان", "كده", "قررت", None),  # that's why | I decided
        ("بس", "هيك", "المشكلة", None),  # only like this | the problem (goes away)
        ("وغير", "كذا", "السعر", None),  # and besides that | the price ...
    ],
)
def test_like_this(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected


@pytest.mark.parametrize(
    ("before", "left", "right", "expected"),
    [
        # "many / a lot" after its noun or verb closes the phrase
        ("مشاكل", "كتير", "ظهرت", None),  # many problems | appeared
        ("بتاكل", "كتير", "بالليل", None),  # you eat a lot | at night
        # before من it is "many of" and heads what follows
        ("عند", "كثير", "من", "idafa"),  # with many of (them)
    ],
)
def test_many_after(before: str, left: str, right: str, expected: str | None) -> None:
    assert _judge(before, left, right) == expected
