"""bad-line-break reads the whole cue: round 14, words that close the first line.

Every cue here was written for these tests; each expectation is how a subtitler would judge
the break. A line that ends on a word closing its phrase (the presentative ها نحن ذا, a
demonstrative put after its noun or standing as an object before a clause, حتى "even"
before a verb of the future) ends an utterance, and the break after it is good; a
demonstrative before the noun it points to, حتى "until" before its verb, a noun before its
adjective, stay torn.
"""

from __future__ import annotations

from tests.check.one_cue import bad_line_break_findings


def _findings(text: str) -> list[tuple[str, str]]:
    found = bad_line_break_findings(text)
    return [(f.severity, f.message.rsplit(": ", 1)[-1]) for f in found]


def test_the_presentative_with_its_pronoun_is_whole() -> None:
    # "here we are / home at last", "here you are / here at last"
    assert _findings("ها نحن ذا\nأخيراً في البيت") == []
    assert _findings("ها أنتم ذا\nأخيراً هنا") == []
    assert _findings("ها أنا ذا\nأخيراً في البيت") == []


def test_a_demonstrative_put_after_its_noun_ends_the_phrase() -> None:
    # "I liked this film / which we watched yesterday"
    assert _findings("أعجبني الفيلم هذا\nالذي شاهدناه أمس") == []


def test_a_demonstrative_before_the_noun_it_points_to_stays_torn() -> None:
    # "I forgot the key / this morning": هذا points to الصباح on the next line
    assert _findings("نسيت المفتاح هذا\nالصباح") == [("info", "binding")]
    # "give me this / book, please"
    assert _findings("أعطني هذا\nالكتاب من فضلك") == [("info", "binding")]
    # "found the one I sought, that / boy": after a comma هذا opens a phrase of its own
    assert _findings("وجدت ما أبحث عنه، ذلك\nالفتى سيساعدنا") == [("info", "binding")]


def test_a_demonstrative_object_before_a_clause_opened_by_a_pronoun() -> None:
    # "don't say that / I am fine"; "why are you doing this / you are my friend"
    assert _findings("لا تقل هذا\nأنا بخير") == []
    assert _findings("لماذا تفعلين هذا\nأنت صديقتي") == []
    # "give me this one / it is mine"; "take this / it is the house key"
    assert _findings("أعطني هذه\nانها ملكي") == []
    assert _findings("خذ هذه\nانه مفتاح البيت") == []


def test_a_demonstrative_subject_before_a_pronoun_predicate_stays_torn() -> None:
    # "it was me / who did it": كان هذا أنا, the subject torn from its predicate
    assert _findings("كان هذا\nأنا من فعلها") == [("info", "binding")]
    # "don't say this / is the only solution": هو is the copula of هذا
    assert _findings("لا تقل هذا\nهو الحل الوحيد") == [("info", "binding")]


def test_hatta_before_a_verb_of_the_future_means_even() -> None:
    # "I haven't even slept / I'll sleep now"; "he didn't even call / I will call him myself"
    assert _findings("لم أنم حتى\nسأنام الآن") == []
    assert _findings("لم يتصل حتى\nسوف أتصل به أنا") == []
    assert _findings("لم يعتذر حتى\nسأكلمه غداً") == []


def test_hatta_before_its_verb_or_its_noun_stays_torn() -> None:
    # "nothing will change until / father comes back"; "I walked to / the end of the street"
    assert _findings("لن يتغير شيء حتى\nيعود أبي") == [("info", "binding")]
    assert _findings("ذهبت حتى\nنهاية الشارع") == [("info", "binding")]
    assert _findings("انتظر حتى\nتعود أمك") == [("info", "binding")]


def test_an_interrogative_opening_the_second_line_is_no_adjective() -> None:
    # "my God / what have you done?" (ما الذي typed in one word)
    assert _findings("ويحي\nماالذي فعلته؟") == []
    assert _findings("ويلي، ويلي\nمالذي حدث هنا؟") == []


def test_a_noun_before_its_adjective_stays_torn() -> None:
    # "I want a car / a very beautiful one"
    assert _findings("أريد سيارة\nجميلة جداً") == [("info", "noun-adjective")]


def test_a_tag_question_on_the_second_line_asks_about_the_first() -> None:
    # "I knew you would come / right?"; "you put it in its place / didn't you?"
    assert _findings("كنت أعرف أنك ستأتي\nصحيح؟") == []
    assert _findings("وضعتها في مكانها\nأليس كذلك؟") == []
    # "we'll set off afterwards / okay?"
    assert _findings("سننطلق بعد\nحسناً؟") == []


def test_a_preposition_before_a_tag_question_stays_torn() -> None:
    # "I knew you would come to / right?": إلى is left without its noun
    assert _findings("كنت أعرف أنك ستأتي إلى\nصحيح؟") == [("warning", "binding")]
    # "he travelled to / where?": the question word is what إلى governs
    assert _findings("سافر إلى\nأين؟") == [("warning", "binding")]


def test_a_vocative_takes_no_indefinite_adjective() -> None:
    # "thank you, sir / very much": جزيلاً qualifies the thanks, not سيدي
    assert _findings("شكراً يا سيدي\nجزيلاً") == []


def test_a_noun_before_its_adjective_after_a_vocative_or_an_imperative_stays_torn() -> None:
    # "I saw a man / very tall"; "bring the books / the new ones with you"
    assert _findings("رأيت رجلاً\nطويلاً جداً") == [("info", "noun-adjective")]
    assert _findings("أحضروا الكتب\nالجديدة معكم") == [("info", "noun-adjective")]
    # "O my friend, this man / tall as he is": the noun is no vocative, its adjective torn
    assert _findings("يا صديقي هذا رجل\nطويل جداً") == [("info", "noun-adjective")]


def test_a_plural_imperative_takes_no_adjective() -> None:
    # "get ready / all of you, for the attack"; "go / one, two"; "listen / one of you stays"
    assert _findings("إستعدوا\nجميعاً للهجوم") == []
    assert _findings("إنطلقوا\nواحد، اثنان") == []
    assert _findings("إنتبهوا\nواحد منكم سيبقى هنا") == []


def test_a_particle_of_the_verb_before_a_question_was_broken_off() -> None:
    # "if he hadn't... / what are you doing here?": لم never governs an interrogative
    assert _findings("...لو لم\nماذا تفعل هنا؟") == []
    assert _findings("...إن لم\nما الذي سنفعله؟") == []
    assert _findings("أخبرته أنه لن\nما الأمر؟") == []


def test_a_particle_before_its_verb_or_a_preposition_before_a_question_stays_torn() -> None:
    # "this man has not / come yet"; "about / what are you talking?"
    assert _findings("هذا الرجل لم\nيأت بعد") == [("warning", "binding")]
    assert _findings("عن\nماذا تتحدث؟") == [("warning", "binding")]


def test_a_number_after_raqm_is_a_label() -> None:
    # "I lived in flat number 12 / on the third floor"
    assert _findings("سكنت في الشقة رقم 12\nبالطابق الثالث") == []
    assert _findings("اتصل بالغرفة رقم 7\nفي آخر الممر") == []


def test_a_number_that_counts_what_follows_stays_torn() -> None:
    # "in the building, 5 / empty flats"; "I have 3 / rooms"; "I waited 10 / whole minutes"
    assert _findings("في المبنى 5\nشقق فارغة") == [("info", "number")]
    assert _findings("لدي 3\nغرف في البيت") == [("info", "number")]
    assert _findings("انتظرتك 10\nدقائق كاملة") == [("info", "number")]


def test_an_accusative_after_a_preposition_or_an_adverb_of_place_is_no_object() -> None:
    # "that man standing there / very strange": جداً qualifies غريب, not هناك
    assert _findings("ذلك الرجل الذي يقف هناك\nجداً غريب") == []


def test_an_accusative_after_kana_or_a_relative_stays_torn() -> None:
    # "was / very happy": the predicate of كان; "who / always lies": the relative's clause
    assert _findings("كان\nسعيداً جداً") == [("warning", "binding")]
    assert _findings("الذي\nدائماً يكذب") == [("warning", "binding")]


def test_one_more_item_of_a_list_is_no_adjective() -> None:
    # "in the bag a knife, a rope, a torch / an old map"
    assert _findings("في الحقيبة سكين، حبل، مصباح\nخريطة قديمة") == []
    # "take the rope / the knife and the torch"
    assert _findings("خذ الحبل\nالسكين والمصباح") == []


def test_an_adjective_after_a_list_or_adjectives_joined_with_wa_stay_torn() -> None:
    # "bring a pen, a notebook, a book / a big one": كبير qualifies كتاب
    assert _findings("أحضر معك قلم، دفتر، كتاب\nكبير") == [("info", "noun-adjective")]
    # "he loves the stone / the big and the small": adjectives of الحجر
    assert _findings("يحب الحجر\nالكبير والصغير") == [("info", "noun-adjective")]
    assert _findings("تحدثنا عن الرجل\nالطويل والقوي") == [("info", "noun-adjective")]


def test_a_cry_said_twice_before_a_number_is_whole() -> None:
    # "big fire! big fire / three cars are burning": the count is whole on the second line
    assert _findings("حريق كبير! حريق كبير\nثلاث سيارات تحترق") == []


def test_a_repeated_phrase_that_goes_on_with_its_adjective_stays_torn() -> None:
    # "I saw a fire! I saw a fire / a big one in the kitchen"
    assert _findings("رأيت حريقاً! رأيت حريقاً\nكبيراً في المطبخ") == [("info", "noun-adjective")]


def test_an_imperfect_after_kada_is_a_verb() -> None:
    # "I'm tired, I almost fall asleep / just sitting here"
    assert _findings("أنا متعب، أكاد أنام\nمجرد أن أجلس هنا") == []


def test_a_noun_after_kada_keeps_its_adjective() -> None:
    # "the man / the tall one almost fell"; "I can almost see the man / the tall one"
    assert _findings("كاد الرجل\nالطويل يسقط") == [("info", "noun-adjective")]
    assert _findings("أكاد أرى الرجل\nالطويل من هنا") == [("info", "noun-adjective")]


def test_lakee_before_wa_and_a_negation_is_no_particle_of_the_verb() -> None:
    # "this money isn't mine, it is yours / and nobody else's": لكي typed for لكِ
    assert _findings("هذا المال ليس لي، إنه لكي\nولا أحد غيرك") == []


def test_a_particle_before_its_verb_stays_torn_after_lakee() -> None:
    # "I came so that / I see you"; "he will not / come tonight"
    assert _findings("جئت لكي\nأراك") == [("warning", "binding")]
    assert _findings("هو لن\nيأتي الليلة") == [("warning", "binding")]


def test_an_accusative_noun_before_a_word_typed_without_case_is_no_pair() -> None:
    # "that was normal / a simple accident": عادياً is a predicate, حادث a new utterance
    assert _findings("كان ذلك عادياً\nحادث بسيط") == []


def test_an_accusative_noun_before_its_adjective_stays_torn() -> None:
    # "I found something / strange in the garden": both typed in the accusative
    assert _findings("وجدت شيئاً\nغريباً في الحديقة") == [("info", "noun-adjective")]
    # "I saw a cat / a black one": أسود is a diptote and takes no tanween
    assert _findings("رأيت قطاً\nأسود") == [("info", "noun-adjective")]
