"""bad-line-break reads the whole cue: round 13, agreement, answers and clause openers.

Every cue here was written for these tests; each expectation is how a subtitler would judge
the break. A line break after a complete utterance («لا، لا» "no, no"; a clause whose next
line opens with ف or و before a clause) is a good break; a word left waiting for what it
governs (a negation before its verb, a noun before an adjective that agrees with it) is torn.
"""

from __future__ import annotations

from captionkit.check import check_track, select_rules
from captionkit.formats import loads
from tests.check.one_cue import bad_line_break_findings


def _findings(text: str) -> list[str]:
    return [f.message for f in bad_line_break_findings(text)]


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


def test_fa_before_a_demonstrative_opens_a_clause_after_a_complete_line() -> None:
    # "whether they agree or not / this is their last decision"
    assert _findings("سواء وافقوا أم لا\nفهذا قرارهم الأخير") == []
    assert _findings("سواء صدقتني أو لا\nفهذه هي الحقيقة") == []


def test_a_preposition_or_a_relative_before_fa_still_waits_for_what_it_governs() -> None:
    assert len(_findings("كنا نتحدث عن\nفهذا الأمر يخصك")) == 1
    assert len(_findings("هذه هي الغرفة التي\nفهذا ما قاله")) == 1


def test_a_copula_pronoun_after_a_demonstrative_before_a_negated_verb_closes_its_clause() -> None:
    # "this is it / don't lose it"
    assert _findings("هذه هي\nلا تفقدها أبداً") == []
    assert _findings("هذا هو\nلن نتراجع الآن") == []


def test_a_copula_pronoun_before_its_predicate_stays_torn() -> None:
    # "is he / not aware of anything?": the question's subject torn from its predicate
    assert len(_findings("هل هو\nلا يعرف شيئاً؟")) == 1
    # "this is / the man I saw"
    assert len(_findings("هذا هو\nالرجل الذي رأيته")) == 1


def test_a_pronoun_typed_with_ya_for_its_kasra_opens_a_clause() -> None:
    # أنتي for أنتِ: "yes, I'm sorry / you are right"
    assert _findings("نعم، أنا آسف\nأنتي محقة تماماً") == []
    # after a relative, the pronoun is inside its clause: torn
    assert len(_findings("هذه الغرفة التي\nأنتي تنامين فيها")) == 1


def test_a_name_in_brackets_takes_no_indefinite_adjective() -> None:
    # "is (Zindar) / ill with fever?": a name is definite, مصاب is its predicate
    assert _findings("(تباً، هل (زيندار\nمصاب بالحمى؟") == []
    assert _findings("أين (كورفان\nغاضب منا؟)") == []


def test_a_common_noun_before_its_adjective_stays_torn_in_brackets_or_not() -> None:
    # a key the lexicon knows, set in brackets: "a small key for the door", torn
    assert len(_findings("أحضر (مفتاح\nصغير للباب)")) == 1
    # the same name without brackets: the rules cannot tell it from a noun and call a tear;
    # the learned layer lets the break between a subject and its predicate pass (right)
    assert _findings("هل زيندار\nمصاب بالحمى؟") == []
    assert len(_findings("اشتريت سيارة\nجديدة وسريعة")) == 1


def test_a_verb_alone_on_the_second_line_qualifies_no_noun() -> None:
    # "I'm sorry about everything / I love you"
    assert _findings("آسفة على كل شيء\nأحبك") == []
    assert _findings("وداعاً يا صديقي\nأحبك") == []
    assert _findings("سامحني على كل شيء\nأعدك") == []


def test_an_adjective_alone_on_the_second_line_stays_torn() -> None:
    # one-word second lines that qualify the noun: torn
    assert len(_findings("قابلت رجلاً\nأنيقاً")) == 1
    assert len(_findings("هذا طعام\nتافه")) == 1
    assert len(_findings("وجدت فرعاً\nيابساً")) == 1


def _doubtful(text: str) -> list[str]:
    track = loads(f"1\n00:00:01,000 --> 00:00:04,000\n{text}\n".encode())
    rules = select_rules(["doubtful-line-break"])
    return [f.message for f in check_track(track, rules=rules)]


def test_a_plural_in_at_and_a_word_that_cannot_agree_with_it_are_no_noun_and_adjective() -> None:
    # "a car without marks / a very old model": two items, طراز cannot qualify علامات
    assert _findings("سيارة بدون علامات\nطراز قديم جداً") == []
    # "racing cars": a construct, the opt-in rule's
    assert _findings("شاهدنا سيارات\nسباق في المدينة") == []
    assert _doubtful("شاهدنا سيارات\nسباق في المدينة") != []
    # a stray tanween typed apart does not hide the plural: "in every corridor / cameras"
    assert _findings("في كل ممر\nكاميرات ٌ في كل زاوية") == []


def test_an_adjective_that_agrees_with_a_plural_in_at_stays_torn() -> None:
    assert len(_findings("رأينا علامات\nواضحة على الباب")) == 1
    assert len(_findings("قابلنا فتيات\nصغيرات في السن")) == 1
    assert len(_findings("مرت سنوات\nطويلة على رحيله")) == 1
    # an elative agrees with anything; إثبات is a singular masdar
    assert len(_findings("اشترينا سيارات\nأكبر من هذه")) == 1
    assert len(_findings("لدينا إثبات\nقاطع على ذلك")) == 1


def test_a_comma_typed_first_in_visual_order_ends_the_line() -> None:
    # «،سنصدق أي شيء يعطينا الأمل» is «…الأمل،» typed in visual order: a pause, then a clause
    assert _findings("،سنصدق أي شيء يعطينا الأمل\n.الذي نحتاجه الآن") == []
    assert _findings("،سأفعل أي شيء يعيد لي الأمل\n.الذي فقدته") == []


def test_a_comma_inside_the_line_does_not_close_its_end() -> None:
    # logical order, the comma mid-line: the preposition at the end is still torn
    assert len(_findings("لا أعرف، ربما في\nالمنزل")) == 1
    assert len(_findings("كتبت الرسالة في\nالليل، ثم نمت")) == 1


def test_a_second_adjective_after_one_negated_by_ghayr_is_stacked() -> None:
    # "an invisible weapon, / deadly and fast": two adjectives of سلاح, as check leaves out
    assert _findings("إنه سلاح غير مرئي\nقاتل وسريع") == []
    assert _findings("لديها قدرة غير طبيعية\nمذهلة حقاً") == []
    assert _findings("إنه مرض غير معدي\nخطير جداً") == []


def test_ghayr_torn_from_its_adjective_or_a_noun_after_ghayr_stays() -> None:
    # غير waits for its adjective: torn
    assert len(_findings("اشترى سيارة غير\nجديدة من المعرض")) == 1
    # "nobody came but an old man": رجل is a noun, عجوز its adjective (the opt-in rule)
    assert _doubtful("لم يأت أحد غير رجل\nعجوز من القرية") != []


def test_a_verb_after_hallaa_ends_the_line_and_takes_no_adjective() -> None:
    # هلّا urges a verb: "won't you tell / everyone the truth?"
    assert _findings("هلا أخبرنا\nالجميع بالحقيقة") == []
    assert _findings("هلا أنقذنا\nالجميع الآن") == []
    assert _findings("هلا أطلقنا\nالسجناء الآن") == []


def test_a_noun_before_its_adjective_after_another_particle_stays_torn() -> None:
    # هل asks about a noun: "is the red book / yours?", torn
    assert len(_findings("هل الكتاب\nالأحمر لك؟")) == 1
    assert len(_findings("أعطني الكتاب\nالأحمر من هناك")) == 1
