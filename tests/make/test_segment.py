"""The whole-narration segmentation: hard rules as properties, and what the costs choose."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionkit.errors import UsageError
from captionkit.make.segment import (
    ScriptCut,
    breaks,
    dialogue_pairs,
    fronted_frames,
    reading_words,
    script_cut,
    segment,
    utterance_chance,
)
from captionkit.profiles import load_profile
from captionkit.text.linebreak import layout_cue, load_weights, visible_length

PROFILE = load_profile("arabic")

arabic_word = st.text(
    alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآ\u064e\u0650", min_size=1, max_size=9
)
latin_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", min_size=1, max_size=9)
number_word = st.integers(min_value=0, max_value=3000).map(str)
function_word = st.sampled_from(["في", "من", "إلى", "على", "التي", "هذا", "لم", "the", "of", "و"])
punctuated = st.tuples(arabic_word, st.sampled_from([".", "،", "؟", ",", "!"])).map("".join)
word = st.one_of(arabic_word, latin_word, number_word, function_word, punctuated)
words_lists = st.lists(word, min_size=1, max_size=60)
profiles = st.sampled_from(
    [
        PROFILE,
        load_profile("broadcast"),
        load_profile("social"),
        replace(PROFILE, max_chars_per_line=16),
        replace(PROFILE, shape="balanced"),
    ]
)


@settings(max_examples=150, deadline=None)
@given(words=words_lists, profile=profiles)
def test_no_word_lost_or_reordered(words: list[str], profile: object) -> None:
    cues = segment(words, profile)  # type: ignore[arg-type]
    rebuilt = " ".join(cue.text(words).replace("\n", " ") for cue in cues).split(" ")
    assert rebuilt == words
    assert cues[0].start == 0 and cues[-1].stop == len(words)
    assert all(a.stop == b.start for a, b in itertools.pairwise(cues))


@settings(max_examples=150, deadline=None)
@given(words=words_lists, profile=profiles)
def test_lines_within_limits_when_every_word_fits(words: list[str], profile: object) -> None:
    chosen = profile  # type: ignore[assignment]
    limit = chosen.max_chars_per_line  # type: ignore[attr-defined]
    cues = segment(words, chosen)  # type: ignore[arg-type]
    for cue in cues:
        lines = cue.text(words).split("\n")
        assert len(lines) <= chosen.max_lines  # type: ignore[attr-defined]
        if all(visible_length(item) <= limit for item in words):
            assert all(visible_length(line) <= limit for line in lines)
        if len(lines) > 1:  # never a second line for text that fits on one
            assert visible_length(" ".join(lines)) > limit


def test_avoids_splitting_a_construct_even_at_a_script_line_end() -> None:
    # The script breaks "في إنشاء / الجيش الشعبي" where a subtitler would not.
    words = "لدرجة أنه ساهم في إنشاء الجيش الشعبي الكوري من الأساس بتدريبه للضباط والجنود".split()
    line_ends = {4, 10, 13}
    cues = segment(words, PROFILE, line_ends=line_ends)
    made = {item.gap: item.category for item in breaks(words, cues)}
    assert 4 not in made  # إنشاء | الجيش
    assert all(category is None for category in made.values())


def test_never_ends_a_line_on_a_binding_word() -> None:
    text = "وعلى الرغم من أن السوفييت لم يشاركوا بشكل مباشر في القتال ضد كوريا الجنوبية وأميركا"
    words = text.split()
    for item in breaks(words, segment(words, PROFILE)):
        assert item.category is None, (words[item.gap], words[item.gap + 1])


def test_boundary_bonus_moves_a_cue_boundary() -> None:
    words = "واحد اثنان ثلاثة أربعة خمسة ستة".split()
    assert len(segment(words, PROFILE)) == 1
    bonus = [0.0] * len(words)
    bonus[2] = 100.0  # an aligner measured a long pause after ثلاثة
    cues = segment(words, PROFILE, boundary_bonus=bonus)
    assert [cue.stop for cue in cues] == [3, 6]


def test_a_word_wider_than_a_line_gets_its_own_line() -> None:
    words = ["قصير", "ا" * 50, "قصير"]
    cues = segment(words, PROFILE)
    assert ["ا" * 50] in [cue.text(words).split("\n") for cue in cues]


def test_max_cue_chars_caps_a_cue() -> None:
    words = ("كلمة " * 20).split()
    cues = segment(words, PROFILE, max_cue_chars=30)
    assert all(visible_length(cue.text(words).replace("\n", " ")) <= 30 for cue in cues)


def test_rejects_more_than_two_lines() -> None:
    with pytest.raises(UsageError):
        segment(["a"], replace(PROFILE, max_lines=3))


def test_empty_narration() -> None:
    assert segment([], PROFILE) == []


def test_layout_cue_prefers_bottom_heavy() -> None:
    words = "بتزويد بيونغ يانغ بقدرات تطوير صواريخ قصيرة ومتوسطة المدى".split()
    first, second = layout_cue(words, 42)
    assert visible_length(first) <= visible_length(second) <= 42
    assert first == "بتزويد بيونغ يانغ"


def test_a_cue_line_does_not_glue_two_sentences_of_two_script_lines() -> None:
    # Two script lines, each a sentence; together they fit one caption line (37 chars),
    # but a subtitler would not glue the end of one to the start of the next.
    words = "وصل القطار متأخرا. هل كان السائق مريضا؟".split()
    cues = segment(words, PROFILE, line_ends={2, 6})
    assert [cue.stop for cue in cues] == [3, 7]


def test_a_clause_opener_at_a_script_line_start_is_a_boundary() -> None:
    words = "ذهب الجميع إلى السوق أما أخي فبقي في البيت".split()
    cues = segment(words, PROFILE, line_ends={3, 8})
    assert all(3 not in range(cue.start, cue.stop - 1) or len(cue.lines) == 2 for cue in cues)
    flat = [line for cue in cues for line in cue.lines]
    assert (0, 4) in flat  # the first clause keeps its own line


def test_fronted_frames_by_hand() -> None:
    # و + a preposition, no verb, then the verb of its sentence (hand-read Arabic, none of
    # it in the fixtures): "and on the second day / the distribution began".
    words = "وصلت القافلة إلى المدينة وفي اليوم التالي بدأ توزيع المساعدات".split()
    assert fronted_frames(words, {3, 6}) == [(4, 7)]
    # The verb on the frame's own line: the frame still opens a sentence.
    assert fronted_frames(words, {3}) == [(4, 7)]
    # "and in return / the government refuses": no verb opens the next line; a bare في
    # (no و) mostly ends the sentence before it; a sentence mark ends the search.
    assert fronted_frames("وفي المقابل الحكومة ترفض".split(), {1}) == []
    assert fronted_frames("في اليوم التالي بدأ التوزيع".split(), {2}) == []
    assert fronted_frames("وفي اليوم التالي. بدأ التوزيع".split(), {2}) == []
    # More than five words before the verb: no frame.
    assert fronted_frames("وفي أحد أيام الصيف الحار الطويل جدا وصل".split(), {6}) == []


def test_a_fronted_frame_opens_a_cue_and_stays_with_its_verb() -> None:
    # Five script lines (hand-written; "farmers gathered ... to demand urgent compensation /
    # and in the town of Shouneh / one farmer told reporters / that ..."). The code before
    # fronted_frames wrote "للمطالبة بتعويضات عاجلة وفي بلدة الشونة" on one caption line
    # and ended the cue there, the frame torn from its verb.
    lines = [
        "وتجمع المزارعون أمام مبنى المحافظة",
        "للمطالبة بتعويضات عاجلة",
        "وفي بلدة الشونة",
        "قال أحد المزارعين للصحفيين",
        "إن محصوله تلف بالكامل هذا الموسم",
    ]
    words = " ".join(lines).split()
    cues = segment(words, PROFILE, line_ends={4, 7, 10, 14, 20})
    caption_lines = [line for cue in cues for line in cue.lines]
    assert all(not (start <= 7 < stop - 1) for start, stop in caption_lines)  # 7|8 not glued
    assert all(cue.stop != 11 for cue in cues)  # no cue ends on the frame
    assert [cue.stop for cue in cues] == [8, 21]


def test_cues_end_at_script_line_ends_and_no_orphan() -> None:
    # Two script lines (2 and 12 words; 58 letters + 13 spaces = 71 characters): one two-line
    # cue holds them, so no cue ends inside the long line and no two-word cue is left alone.
    words = "وفي النهاية عاد الجميع إلى بيوتهم بعد يوم طويل من العمل الشاق في الحقول".split()
    cues = segment(words, PROFILE, line_ends={1, 13})
    assert all(cue.stop - cue.start > 2 for cue in cues)
    assert [cue.stop for cue in cues] == [14]


def test_two_speakers_never_share_a_caption_line() -> None:
    # Short dialogue turns, one a script line (as a subtitle file's lines are): each turn
    # that opens with a dash starts its own caption line (checked by reading the layout).
    lines = ["نحن نلعب", "- كفى", "- مهلك", "- لا بأس", "- آسف", "لا بأس"]
    words = [word for line in lines for word in line.split()]
    ends = set(itertools.accumulate(len(line.split()) for line in lines))
    cues = segment(words, PROFILE, line_ends={end - 1 for end in ends})
    caption_lines = [words[a:b] for cue in cues for a, b in cue.lines]
    assert all("-" not in line[1:] for line in caption_lines)
    assert [word for line in caption_lines for word in line] == words


# A script cut into utterances (a dialogue: each line a sentence, no punctuation) and one
# cut into phrases (a news item: one sentence over several lines), both written for these
# tests. The words that start a line and go on with the sentence before it, counted by
# hand: none in the dialogue; in the narration في، وتضم، إلى، التي، من، بحسب (6 of 11).
DIALOGUE = [
    "أين كنت طوال اليوم",
    "خرجت مع أصدقائي",
    "لم تخبرني بذلك",
    "نسيت أن أتصل بك",
    "كانت أمك قلقة جدا",
    "أعرف وأنا آسف",
    "لن أكررها",
    "العشاء جاهز منذ ساعة",
    "لست جائعا الآن",
    "اجلس معنا على الأقل",
    "حسنا سأغير ملابسي",
    "لا تتأخر",
]
NARRATION = [
    "افتتحت البلدية أمس",
    "مكتبة عامة جديدة",
    "في وسط المدينة",
    "بعد عامين من العمل",
    "وتضم المكتبة",
    "أكثر من عشرين ألف كتاب",
    "إلى جانب قاعة للقراءة",
    "مخصصة للأطفال",
    "التي يزورها التلاميذ",
    "من المدارس القريبة",
    "كل صباح",
    "بحسب مدير المكتبة",
]


def script(lines: list[str]) -> tuple[list[str], set[int]]:
    """The words of script lines and the indices of the words that end a line."""
    words = [word for line in lines for word in line.split()]
    ends = {end - 1 for end in itertools.accumulate(len(line.split()) for line in lines)}
    return words, ends


def chance_by_hand(going_on: int, line_ends: int) -> float:
    """The same likelihood ratio written as a product of odds (the weights' values)."""
    shape = load_weights().shape
    utter, phrase = shape["utterance_continues"], shape["phrase_continues"]
    prior = shape["utterance_prior"]
    odds = prior / (1 - prior)
    odds *= (utter / phrase) ** going_on
    odds *= ((1 - utter) / (1 - phrase)) ** (line_ends - going_on)
    return odds / (1 + odds)


def test_utterance_chance_tells_a_dialogue_from_a_narration() -> None:
    dialogue = utterance_chance(*script(DIALOGUE), load_weights().shape)
    narration = utterance_chance(*script(NARRATION), load_weights().shape)
    assert dialogue == pytest.approx(chance_by_hand(0, 11))
    assert narration == pytest.approx(chance_by_hand(6, 11))
    assert dialogue > 0.99
    assert narration < 0.01


def test_each_utterance_of_a_dialogue_keeps_its_own_caption_line() -> None:
    # Every cue ends at a script line end, and no caption line holds parts of two script
    # lines: a short utterance is no orphan in a dialogue, it is a whole cue.
    words, ends = script(DIALOGUE)
    cues = segment(words, PROFILE, line_ends=ends)
    assert all(cue.stop - 1 in ends for cue in cues)
    for cue in cues:
        for begin, stop in cue.lines:
            assert not any(gap in ends for gap in range(begin, stop - 1))
    assert [word for cue in cues for a, b in cue.lines for word in words[a:b]] == words


def test_a_narration_cut_into_phrases_still_fills_its_cues() -> None:
    # The same number of script lines cut into phrases: they are joined into fuller cues,
    # at most half as many cues as script lines.
    words, ends = script(NARRATION)
    cues = segment(words, PROFILE, line_ends=ends)
    assert len(cues) <= len(NARRATION) // 2
    assert all(cue.stop - 1 in ends for cue in cues)


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(st.lists(arabic_word, min_size=1, max_size=5), min_size=2, max_size=30))
def test_a_line_that_goes_on_never_raises_the_utterance_chance(lines: list[list[str]]) -> None:
    # Appending a line that opens with a preposition is evidence for a phrase cut.
    texts = [" ".join(line) for line in lines]
    shape = load_weights().shape
    before = utterance_chance(*script(texts), shape)
    after = utterance_chance(*script([*texts, "في البيت"]), shape)
    assert 0.0 <= after <= before <= 1.0


# A dialogue written for these tests, one script line a subtitle line; the words of each
# line counted by hand (the dash is a word of its own):
#   0 هل وصل أبوك (0-2)            4 - هل أنت بخير (14-17)
#   1 - صباح الخير (3-5)           5 - نعم الحمد لله (18-21)
#   2 - صباح النور يا جارتي (6-10)  6 - وأنت (22-23)
#   3 شكرا على الزيارة (11-13)      7 سأعود غدا (24-25)
# Lines 1-2 are a run of two turns: one pair. Lines 4-6 are a run of three: 4-5 pair up
# (from the first), 6 stays alone. Every turn fits a 42-character line.
DASHED = [
    "هل وصل أبوك",
    "- صباح الخير",
    "- صباح النور يا جارتي",
    "شكرا على الزيارة",
    "- هل أنت بخير",
    "- نعم الحمد لله",
    "- وأنت",
    "سأعود غدا",
]


def test_dialogue_pairs_pair_a_run_from_its_first_turn() -> None:
    words, ends = script(DASHED)
    assert dialogue_pairs(words, ends, 42) == [(3, 6, 11), (14, 18, 22)]


def test_a_turn_too_long_for_a_line_or_a_line_of_two_turns_makes_no_pair() -> None:
    # "- " (2), eight "كلمة " (40) and "كلمات" (5): 47 > 42, no pair with the turn before it.
    long_turn = "- " + "كلمة " * 8 + "كلمات"
    assert visible_length(long_turn) == 47
    words, ends = script(["- نعم", long_turn])
    assert dialogue_pairs(words, ends, 42) == []
    # A line that already holds two turns ends the run: the two turns after it pair up
    # (words: - أ 0-1, - لا! - بلى! 2-5, - ب 6-7, - ج 8-9).
    words, ends = script(["- أ", "- لا! - بلى!", "- ب", "- ج"])
    assert dialogue_pairs(words, ends, 42) == [(6, 8, 10)]


def test_a_dialogue_pair_is_one_cue_a_turn_a_line() -> None:
    # Both pairs fit on one line (34 and 29 characters), yet each is one two-line cue
    # whose lines are its two turns, as every style guide lays out two speakers.
    words, ends = script(DASHED)
    assert visible_length(" ".join(DASHED[1:3])) == 34
    assert visible_length(" ".join(DASHED[4:6])) == 29
    cues = segment(words, PROFILE, line_ends=ends)
    layouts = {cue.lines for cue in cues}
    assert ((3, 6), (6, 11)) in layouts
    assert ((14, 18), (18, 22)) in layouts
    # never more than two turns in a cue; the lone third turn opens its own caption line
    for cue in cues:
        assert sum(words[a] == "-" for a in range(cue.start, cue.stop)) <= 2
    assert any(line[0] == 22 for cue in cues for line in cue.lines)


def test_a_pair_on_a_one_line_profile_is_never_two_lines() -> None:
    words, ends = script(DASHED)
    one_line = replace(PROFILE, max_lines=1)
    assert all(len(cue.lines) == 1 for cue in segment(words, one_line, line_ends=ends))


def test_a_short_utterance_is_not_glued_to_the_next_in_a_dialogue() -> None:
    # A short line (15 characters, under glued_short_chars) before a line that opens with
    # a sentence of its own: with a quarter of the glue cost the two were glued on one
    # caption line ("موعد السفر تحدد تذكرت."); in a dialogue each keeps its own line.
    lines = [*DIALOGUE[:11], "موعد السفر تحدد", "تذكرت. علي أن أشكر الملك غدا صباحا", "لا تتأخر"]
    assert visible_length(lines[11]) == 15
    words, ends = script(lines)
    cues = segment(words, PROFILE, line_ends=ends)
    for cue in cues:
        for begin, stop in cue.lines:
            assert not any(gap in ends for gap in range(begin, stop - 1)), cue.text(words)


def test_script_cut_reads_the_chance_and_the_lines_that_close_an_utterance() -> None:
    # DIALOGUE: no line goes on (counted by hand above), so all 11 inner line ends close
    # an utterance; NARRATION: the 6 that a continuing word opens do not.
    words, ends = script(DIALOGUE)
    cut = script_cut(words, ends)
    assert cut.chance == pytest.approx(chance_by_hand(0, 11))
    assert cut.utterance_ends == frozenset(ends - {len(words) - 1})
    words, ends = script(NARRATION)
    cut = script_cut(words, ends)
    assert cut.chance == pytest.approx(chance_by_hand(6, 11))
    assert len(cut.utterance_ends) == 11 - 6


def test_a_line_end_is_believed_over_a_pair_guess_but_not_over_a_binding_word() -> None:
    dialogue = ScriptCut(chance_by_hand(0, 11), frozenset({4}))
    narration = ScriptCut(chance_by_hand(6, 11), frozenset({4}))
    assert dialogue.believed(4, "name") and dialogue.believed(4, "noun-adjective")
    assert not dialogue.believed(4, "binding")
    assert not dialogue.believed(5, "name")  # not a line end that closes an utterance
    assert not narration.believed(4, "name")  # a script cut into phrases: the pair stands
    assert narration.pair_weight(4, "name") == pytest.approx(1 - chance_by_hand(6, 11))


def test_a_line_that_closes_its_sentence_does_not_go_on() -> None:
    # Written for the test, the first line typed in visual order (its ! first), as many
    # Arabic subtitle files are: words !لا 0, يا 1, سيدي 2 | من 3, أنت؟ 4 | ...لكن 5 |
    # من 6, أين؟ 7. Lines 1 and 2 close their sentence (! typed first, ? last), so the
    # question word من and the conjunction لكن after them open a new one: those line ends
    # close an utterance. An ellipsis (line 3, typed first) trails off: the من after it
    # may go on, as a preposition does.
    words, ends = script(["!لا يا سيدي", "من أنت؟", "...لكن", "من أين؟"])
    assert sorted(ends) == [2, 4, 5, 7]
    assert script_cut(words, ends).utterance_ends == frozenset({2, 4})


# A dialogue written for the test and typed in visual order, as many Arabic subtitle files
# are: a line that closes its sentence has its final mark first. Six sentences, by hand:
# lines 1-2 (words 0-9), 3 (10-13), 4-5 (14-22), 6-7 (23-32), 8 (33-36), 9 (37-40).
VISUAL = [
    "لم نر أبانا منذ أن سافر",
    ".إلى المدينة قبل عامين",
    "؟هل تعرف متى يعود",
    "لا أحد يعرف ذلك",
    ".حتى أمي لا تعرف شيئا",
    "كانت تنتظر رسالة منه كل يوم",
    ".لكن الرسائل توقفت فجأة",
    "؟لماذا لم يكتب لنا",
    ".لا أعرف يا بني",
]


def test_a_script_in_visual_order_is_read_with_its_marks_at_the_line_ends() -> None:
    words, ends = script(VISUAL)
    read = reading_words(words, ends)
    # six lines open with a mark, none closes with one: the marks go to the line ends
    assert [read[gap] for gap in (9, 13, 22, 32, 36, 40)] == [
        "عامين.",
        "يعود؟",
        "شيئا.",
        "فجأة.",
        "لنا؟",
        "بني.",
    ]
    assert read[6] == "إلى" and read[10] == "هل"
    assert sorted("".join(read)) == sorted("".join(words))  # only marks moved
    # Each sentence fits a cue: each cue is one sentence, ending where the sentence does
    # (read as typed, a question and its answer shared a line and a cue began with the
    # last line of a sentence).
    cues = segment(words, PROFILE, line_ends=ends)
    assert [cue.stop for cue in cues] == [10, 14, 23, 33, 37, 41]


#: Written for the test: a dialogue whose speaker dashes were saved last (visual order).
DASHED_LAST = [
    "هل ستأتي معنا إلى السوق غدا -",
    "لا أستطيع لدي عمل كثير -",
    "في المساء إذن بعد العمل -",
    "ربما إن انتهيت مبكرا -",
]


def test_a_dash_typed_last_ends_a_turn() -> None:
    words, ends = script(DASHED_LAST)
    read = reading_words(words, ends)
    # the four dashes (each a line's last word) are read as ends of turns
    assert [read[gap] for gap in sorted(ends | {len(words) - 1})] == [".", ".", ".", "."]
    assert [w for w in read if w != "."] == [w for w in words if w != "-"]
    # the turns pair up as a dialogue does when its dashes are typed first (1-2, 3-4): one
    # two-line cue a pair, a turn a line, no cue ending inside a turn
    cues = segment(words, PROFILE, line_ends=ends)
    turn_ends = [gap + 1 for gap in sorted(ends | {len(words) - 1})]
    assert [cue.stop for cue in cues] == [turn_ends[1], turn_ends[3]]
    assert [cue.lines[0][1] for cue in cues] == [turn_ends[0], turn_ends[2]]
    first = [f"- {line[:-2]}" for line in DASHED_LAST]
    logical, logical_ends = script(first)
    assert [c.stop for c in segment(logical, PROFILE, line_ends=logical_ends)] == [
        turn_ends[1],
        turn_ends[3],
    ]


def test_a_script_in_logical_order_is_read_as_typed() -> None:
    # The same dialogue with its marks where they are read: nothing moves.
    lines = [line[1:] + line[0] if line[0] in ".؟" else line for line in VISUAL]
    words, ends = script(lines)
    assert reading_words(words, ends) == words


def test_a_cue_in_a_dialogue_ends_where_its_script_line_does() -> None:
    # Written for the test: «بالتأكيد. سيكون ذلك سهلا» holds two sentences on one script
    # line. Its full stop used to end a cue inside that line (the cue before it read «...
    # عليك أن تملأ الاستمارة بالتأكيد.»); in a script cut into utterances a cue end inside a
    # script line keeps only 1 - chance of its bonus, and every line here fits a caption
    # line, so every cue ends at a script line end.
    lines = [
        *DIALOGUE[:11],
        "وبالطبع، الذين يعملون بجد يترقون بسرعة",
        "للانضمام للفريق، عليك أن تملأ الاستمارة",
        "بالتأكيد. سيكون ذلك سهلا",
        "أولا، علي أن أرى كل أوراقك الآن",
        "لا تتأخر",
    ]
    assert max(visible_length(line) for line in lines) <= 42
    words, ends = script(lines)
    cues = segment(words, PROFILE, line_ends=ends)
    assert all(cue.stop - 1 in ends for cue in cues)


def test_two_utterances_of_a_dialogue_are_two_cues_not_two_lines() -> None:
    # Two utterances of 33 and 38 characters (71: a cue of two lines would hold them):
    # people end the cue at an utterance end nine times in ten, and make does so here.
    # Words by hand: the 8 DIALOGUE lines hold 27 words; لماذا ... الطويل 27-34;
    # كنت ... زملائي 35-41; كان ... الأقل 42-49; معك ... ذلك 50-56; لا تتأخر 57-58.
    lines = [
        *DIALOGUE[:8],
        "لماذا لم تتصل بي طوال هذا اليوم الطويل",
        "كنت مشغولا جدا في العمل مع زملائي",
        "كان عليك أن ترسل رسالة قصيرة على الأقل",
        "معك حق وأنا آسف جدا على ذلك",
        "لا تتأخر",
    ]
    assert [visible_length(line) for line in lines[9:11]] == [33, 38]
    words, ends = script(lines)
    assert words[41] == "زملائي" and words[49] == "الأقل"
    stops = {cue.stop for cue in segment(words, PROFILE, line_ends=ends)}
    assert {42, 50} <= stops


def test_a_punctuated_script_goes_on_over_a_line_it_leaves_unmarked() -> None:
    # Written for the test, in logical order: three of its five inner line ends close
    # with a mark (0.6, at least punctuated_share), so the script marks its sentence ends
    # and «كانت أمك تنتظر رسالة | طوال الصيف الماضي.» is one sentence over two lines,
    # though طوال is no word that goes on. Line ends by hand: 5, 9, 13, 17, 21.
    lines = [
        "لم نر أبانا منذ أن سافر",
        "إلى المدينة قبل عامين.",
        "هل تعرف متى يعود؟",
        "لا أحد يعرف ذلك.",
        "كانت أمك تنتظر رسالة",
        "طوال الصيف الماضي.",
    ]
    words, ends = script(lines)
    assert script_cut(words, ends).utterance_ends == frozenset({9, 13, 17})
    # The same lines without their marks: nothing is marked, and the line end after
    # رسالة closes an utterance like the others that no word goes on from.
    bare = [line.rstrip(".؟") for line in lines]
    words, ends = script(bare)
    assert script_cut(words, ends).utterance_ends == frozenset({9, 13, 17, 21})
