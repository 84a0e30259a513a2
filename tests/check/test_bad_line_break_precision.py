"""bad-line-break reads the whole cue: round 11's mends of its precision on real films.

Every cue here was written for these tests; each expectation is how a subtitler would judge
the break (a break between two utterances is a good one; a torn phrase is a bad one).
"""

from __future__ import annotations

from captionkit.check import check_track, select_rules
from captionkit.check.model import Finding
from captionkit.formats import loads
from captionkit.text.linebreak import rule_break_category
from tests.check.one_cue import bad_line_break_findings


def _findings(text: str) -> list[str]:
    return [f.message for f in bad_line_break_findings(text)]


def test_a_pronoun_opening_the_second_line_starts_a_new_sentence() -> None:
    # "I finally trusted his word / he never lies": two sentences, a good break
    assert _findings("أخيرا وثقت بكلمته\nهو لا يكذب أبدا") == []
    assert _findings("كنت معجبا بصبره\nهو يتحمل الكثير") == []
    # after a relative pronoun the pronoun is the subject of its clause: still torn
    assert len(_findings("هذه هي المدينة التي\nأنا ولدت فيها")) == 1


def test_a_pronoun_that_stresses_its_verb_closes_the_first_line() -> None:
    # "when we arrive (we) / the party starts": نحن stresses نصل, the clause ends there
    assert _findings("عندما نصل نحن\nيبدأ الحفل في القاعة") == []
    # "that will be me / we will come tomorrow"
    assert _findings("سيكون ذلك أنا\nسنأتي معكم غدا") == []
    # a pronoun after a noun, before its verbal predicate: torn
    assert len(_findings("أيها القاضي، ليس لديك الحق أنت\nتظلم هؤلاء الناس")) == 1


def test_a_standalone_no_before_a_pronoun_is_an_answer() -> None:
    assert _findings("كلا، لا\nهذا ليس ما طلبته منك") == []
    assert _findings("لا، لا\nأنا لا أريد الذهاب") == []
    # a negation before its verb stays a torn phrase, even after a comma
    assert len(_findings("مهما حدث، لا\nتخبر أحدا بما رأيت")) == 1


def test_a_first_person_verb_opening_the_second_line_is_no_adjective() -> None:
    # "we talked all night about a trip / I feel I'm tired now": a new sentence
    assert _findings("قضينا الليل نتحدث عن رحلة\nأشعر أنني تعبت الآن") == []
    assert _findings("جلسنا ساعات في حديقة\nأخرج كل يوم إلى هناك") == []
    # an elative after an indefinite noun is its adjective: a torn phrase
    assert len(_findings("اشترينا أمس سيارة\nأسرع من سيارتك")) == 1
    assert len(_findings("وصلنا إلى مدينة\nأكبر من مدينتنا")) == 1


def test_a_construct_noun_standing_alone_before_a_preposition() -> None:
    # "no one will hurt you / in this house": أحد is complete, the preposition opens a phrase
    assert _findings("اهدأ، لن يؤذيك أحد\nفي هذا البيت") == []
    assert _findings("لم يتصل بي أحد\nمنذ الصباح") == []
    # "for everyone / who helped us": لكل needs its من
    assert len(_findings("هذه الهدية لكل\nمن ساعدنا في العمل")) == 1
    # "anyone / of the neighbours": the rules read a partitive tear; the learned layer, taught
    # by rows where a break before من is good, lets it pass. Judged by hand: a subtitler may
    # break before the من phrase, so no finding is acceptable.
    assert rule_break_category("أحد", "من", "يعرف") == "binding"
    assert _findings("لا أريد أن يعرف أحد\nمن الجيران بما حدث") == []


def test_a_demonstrative_before_an_adverb_with_its_pronoun() -> None:
    # "don't tell your mother all this / ahead of us is a long day": two sentences. The rules
    # see it; the learned layer guesses a tear here (a wrong note of the opt-in
    # doubtful-line-break, docs/phrase-structure.md), which bad-line-break never reports.
    assert rule_break_category("هذا", "أمامنا", "بكل") is None
    assert _findings_of("bad-line-break", "لا تخبر أمك بكل هذا\nأمامنا يوم طويل") == []
    assert _findings_of("bad-line-break", "لم أفهم شيئا من هذا\nعندنا عمل كثير") == []
    # a demonstrative before a noun with its pronoun ("these / books of ours"): torn
    assert len(_findings("قرأت هذه\nكتبنا كلها")) == 1


def test_more_before_a_verb_is_the_adverb_closing_its_clause() -> None:
    # "you have to train more / the coach always says so": two sentences
    assert _findings("عليك أن تتدرب أكثر\nيقول المدرب ذلك دائما") == []
    # أكثر | من is the comparison torn from its complement
    assert len(_findings("إنه يحب الرياضة أكثر\nمن أي شيء")) == 1


def test_a_false_start_said_again_on_the_second_line() -> None:
    # the speaker starts, stops and starts again: the break sits between the two attempts
    assert _findings("..لماذا لم\nلماذا لم تخبرني؟") == []
    assert _findings("..هل أنت\nهل أنت متأكد من هذا؟") == []
    assert _findings("كانت الغرفة\nالغرفة مظلمة") == []
    # no repetition: the preposition and the noun are still torn
    assert len(_findings("وصلنا إلى\nالمدينة قبل الغروب")) == 1


def test_number_breaks_that_tear_no_count() -> None:
    # a caption card: the name, then the life dates on a line of their own
    assert _findings("الكاتب نجيب محفوظ\n1911 - 2006") == []
    # the count is whole on the first line, then said again
    assert _findings("بقي لنا ثلاث دقائق\nثلاث، ثلاث فقط") == []
    # a verb, then its object opening with the number: the count is whole below
    assert _findings("إلا إذا كنت تقاتل\nثلاثة رجال مسلحين") == []
    # a number that ends a sentence, then إنّ with its pronoun opens the next
    assert _findings("الرقم ثلاثة سبعة\nانه رقم البيت") == []
    # a number torn from what it counts, a speed from its figure: still flagged
    assert len(_findings("كان هناك مليون\nشخص في الساحة")) == 1
    assert len(_findings("ركضت بسرعة\n20 كيلومترا")) == 1


def _findings_of(rule: str, text: str) -> list[Finding]:
    track = loads(f"1\n00:00:01,000 --> 00:00:04,000\n{text}\n".encode())
    return list(check_track(track, rules=select_rules([rule])))


def _rules(text: str) -> list[tuple[str, str]]:
    track = loads(f"1\n00:00:01,000 --> 00:00:04,000\n{text}\n".encode())
    rules = select_rules(["bad-line-break", "doubtful-line-break"])
    return [(f.rule, f.message.rsplit(": ", 1)[-1]) for f in check_track(track, rules=rules)]


def test_a_word_heading_a_construct_below_is_a_noun_not_an_adjective() -> None:
    # "an office / of the company's manager": مدير heads مدير الشركة, so مكتب | مدير is a
    # construct chain (idafa, the opt-in rule), not a noun and its adjective
    assert _rules("أعمل منذ سنوات في مكتب\nمدير الشركة") == [("doubtful-line-break", "idafa")]
    assert _rules("حضرنا حفل تكريم\nلاعبي (الأهلي)") == [("doubtful-line-break", "idafa")]
    # an adjective before a preposition: a noun and its adjective torn apart
    assert _rules("نحتاج إلى خطة\nجديدة للعمل") == [("doubtful-line-break", "noun-adjective")]


def test_ila_typed_without_its_hamza_is_the_preposition() -> None:
    # الى for إلى is common in subtitles: a preposition at the line end, a binding word
    assert _rules("لقد انكسرت الى\nألف قطعة صغيرة") == [("bad-line-break", "binding")]
    assert _rules("سنذهب غدا الى\nالمدينة مع أبي") == [("bad-line-break", "binding")]
    # a word in the article ال is untouched: the governor, then its adjective
    assert _rules("تحدثنا مع الوالي\nالجديد أمس") == [("doubtful-line-break", "noun-adjective")]


def test_a_greeting_opening_the_second_line_is_an_utterance_of_its_own() -> None:
    # a call, then the greeting: two utterances
    assert _findings("خالتي\nأهلاً بكِ") == []


def test_a_clock_time_and_its_time_of_day_are_a_number() -> None:
    # a time torn from صباحا is a number finding (check reads the rules' unit as one); the
    # learned layer lets the break pass (a miss of the opt-in rule, docs/phrase-structure.md)
    assert rule_break_category("9:30", "صباحا", "الساعة") is not None


def test_a_feminine_noun_and_a_word_that_does_not_agree_are_a_construct() -> None:
    # "the wife / of a famous doctor": طبيب cannot qualify زوجة (it would be طبيبة)
    assert _rules("كانت زوجة\nطبيب مشهور في المدينة") == [("doubtful-line-break", "idafa")]
    # an agreeing adjective: a noun and its adjective torn apart
    assert _rules("نحتاج إلى غرفة\nكبيرة للاجتماع") == [("doubtful-line-break", "noun-adjective")]


def test_an_adverb_of_place_opening_the_second_line_is_no_adjective() -> None:
    # "we stayed locked up three days / inside a dark cave": a break before the adverb
    assert _findings("بقينا محبوسين ثلاثة أيام\nداخل كهف مظلم") == []
