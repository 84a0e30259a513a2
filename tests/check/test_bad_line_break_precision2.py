"""bad-line-break reads the whole cue: round 12, a complete clause on each of its lines.

Every cue here was written for these tests; each expectation is how a subtitler would judge
the break. A cue whose two lines are two clauses with no mark typed between them breaks
between two utterances (a good break); a first line whose end needs the next word (a
preposition, a demonstrative before its noun, a noun before its adjective) is torn.
"""

from __future__ import annotations

from tests.check.one_cue import bad_line_break_findings


def _findings(text: str) -> list[str]:
    return [f.message for f in bad_line_break_findings(text)]


def test_a_subject_and_its_predicate_on_the_second_line_start_a_new_clause() -> None:
    # "I want to leave / the place is dark": two sentences
    assert _findings("أريد الرحيل\nالمكان مظلم جدا") == []
    # "at this stage / the only plan is to wait": an adverbial phrase, then a clause
    assert _findings("في هذه المرحلة\nالخطة الوحيدة هي الانتظار") == []


def test_an_adjective_opening_the_second_line_still_qualifies_the_noun() -> None:
    # "I saw the tall man running": الطويل qualifies الرجل, torn
    assert len(_findings("رأيت الرجل\nالطويل يركض نحونا")) == 1
    assert len(_findings("وجدت المفتاح\nالقديم يفتح الباب")) == 1
    # a nisba qualifies its noun, and و joins the next verb to the phrase: torn
    assert len(_findings("سنصعد إلى تلك السفينة\nالفضائية ونرحل")) == 1


def test_later_closes_its_clause_before_a_new_one() -> None:
    # "we will see about that later / this is not its time"
    assert _findings("سنرى ذلك فيما بعد\nهذا ليس وقته") == []
    assert _findings("انتهينا فيما بعد\nهذا لن يتكرر") == []
    # بعد as a preposition before its demonstrative and noun: torn
    assert len(_findings("سأعود بعد\nهذا الاجتماع الطويل")) == 1


def test_fa_opens_the_answer_of_a_condition() -> None:
    # "if anyone asks about me / then I am in the office"
    assert _findings("إذا سألني أحد\nفأنا في المكتب") == []


def test_a_demonstrative_or_a_preposition_before_a_definite_noun_stays_torn() -> None:
    # ذلك before a definite noun reads as "that man": the finding stays
    assert len(_findings("لا أريد ذلك\nالرجل يأتي غدا")) == 1
    assert len(_findings("ذهبنا معا إلى\nالبيت الكبير")) == 1


def test_a_feminine_adjective_opening_the_second_line_is_no_subject() -> None:
    # الكبيرة qualifies المدينة (the lexicon knows كبير): torn, though a predicate follows
    assert len(_findings("أعرف أن المدينة\nالكبيرة لا تنام")) == 1


def test_even_before_or_closes_its_clause_but_a_preposition_does_not() -> None:
    # "I don't like waiting, even / or even talking about it": حتى is the adverb here
    assert _findings("لا أحب الانتظار حتى\nأو حتى الكلام عنه") == []
    # عن needs its noun whatever follows: torn
    assert len(_findings("سأحكي لك عن\nأو بالأحرى عن أبي")) == 1


def test_a_vague_ma_after_an_indefinite_noun_closes_it_before_a_verb() -> None:
    # "he succeeded somehow / he arrived before us"
    assert _findings("نجح بطريقة ما\nوصل قبلنا إلى المدينة") == []
    # ... and before anything: a vague noun needs nothing more ("do you have some plan / there")
    assert _findings("ألديك خطة ما\nهناك في الشمال؟") == []
    # ما after a verb is "what", the object of that verb: torn
    assert len(_findings("لا أعرف ما\nتريده مني الآن")) == 1
    # ما after an elative is its genitive ("the best of what is in it"): torn
    assert len(_findings("هذا أفضل ما\nفي الأمر")) == 1


def test_a_verb_after_its_particle_ends_the_first_line() -> None:
    # "before I sleep / I read a little book": أنام is a verb, no noun with an adjective
    assert _findings("قبل أن أنام\nأقرأ كتابا صغيرا") == []
    # a noun after أن still takes its adjective: torn
    assert len(_findings("قالوا إن البيت\nالقديم سيهدم")) == 1


def test_a_noun_with_its_pronoun_takes_no_indefinite_adjective() -> None:
    # "how are you doing / an old friend like you?": حالك is definite, صديق no adjective of it
    assert _findings("كيف يكون حالك\nصديق قديم مثلك؟") == []
    # a noun with no pronoun before its indefinite adjective: torn
    assert len(_findings("عملت سنوات في بنك\nكبير في المدينة")) == 1


def test_a_lone_no_before_an_accusative_adverb_is_an_answer() -> None:
    # "no / a little to the right": قليلاً cannot be negated by لا
    assert _findings("لا\nقليلاً إلى اليمين") == []
    # لا before a verb negates it: torn
    assert len(_findings("لا\nتذهب إلى هناك")) == 1


def test_a_word_that_cannot_agree_with_the_noun_is_no_adjective_of_it() -> None:
    # غير before an indefinite word after a definite noun: a state, not its adjective
    assert _findings("لا يمكننا ترك المدينة\nغير محمية هذه الليلة") == []
    # after a count of eleven or more the counted noun is singular and masculine here:
    # مكتوبة qualifies قصة, not سطر
    assert _findings("أرسل لي قصة من 15 سطر\nمكتوبة بخط يده") == []
    # an adjective that agrees with the counted noun qualifies it: torn
    assert len(_findings("لدينا 20 جنديا\nشجاعا في الجبهة")) == 1


def test_now_is_no_noun_of_a_demonstrative() -> None:
    # "we will talk about this / now, there is no time to wait"
    assert _findings("سنتحدث عن هذا\nالآن، لا وقت للانتظار") == []
    # a demonstrative before its definite noun: torn
    assert len(_findings("لا تفكر في هذا\nالأمر الآن")) == 1


def test_two_items_of_one_frame_are_a_list() -> None:
    # "the first goes to the kitchen / the second goes to the garden"
    assert _findings("الأولى ، تذهب إلى المطبخ\nالثانية ، تذهب إلى الحديقة") == []
    # not the same frame: الكبير qualifies المطبخ, torn
    assert len(_findings("الأولى ، تذهب إلى المطبخ\nالكبير في الطابق الأول")) == 1
