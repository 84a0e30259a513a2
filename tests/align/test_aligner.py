"""The aligner: matching, anchors, repairs, containment, interpolation, monotonic times."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionkit.align.aligner import _anchors, align_narration, match_sequences
from captionkit.align.keys import matching_key
from captionkit.align.sources import AlignmentError, TimedWord, Timestamps


def stamps(*words: tuple[str, int, int]) -> Timestamps:
    return Timestamps("test", "word", tuple(TimedWord(t, s, e) for t, s, e in words))


def even(words: list[str], step: int = 400, gap: int = 0) -> Timestamps:
    """Each word ``step`` ms long, one after the other (plus ``gap`` between)."""
    return Timestamps(
        "test",
        "word",
        tuple(TimedWord(w, i * (step + gap), i * (step + gap) + step) for i, w in enumerate(words)),
    )


# --------------------------------------------------------------------------- matching keys


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أُعلِن", "اعلن"),
        ("الشمالية", "الشماليه"),
        ("على", "علي"),
        ("ی", "ي"),
        ("کتاب", "كتاب"),
        ("١٩٤٨", "1948"),
        ("۱۹۴۸", "1948"),
        ("الحـــرب،", "الحرب"),
        ("Hello!", "hello"),
    ],
)
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert matching_key(a) == matching_key(b)


# --------------------------------------------------------------------------- matching


def test_equal_words_take_the_recognizer_times() -> None:
    result = align_narration(["one", "two", "three"], even(["one", "two", "three"]))
    assert [(w.start, w.end, w.status) for w in result.words] == [
        (0, 400, "matched"),
        (400, 800, "matched"),
        (800, 1200, "matched"),
    ]
    assert result.matched_share == 1.0


def test_misspelt_word_is_paired_by_similarity() -> None:
    result = align_narration(["the", "government", "said"], even(["the", "goverment", "said"]))
    word = result.words[1]
    assert (word.start, word.status) == (400, "matched")
    assert 0.9 < word.similarity < 1.0  # "government" vs "goverment": ratio 2*9/19 = 0.947


def test_unrelated_substitute_is_not_paired_but_interpolated() -> None:
    result = align_narration(["the", "cat", "sat"], even(["the", "xylophone", "sat"]))
    assert result.words[1].status == "interpolated"
    # Between "the" (ends 400) and "sat" (starts 800): the 400 ms window.
    assert (result.words[1].start, result.words[1].end) == (400, 800)


def test_unrecognized_word_takes_the_time_of_what_was_heard_in_its_place() -> None:
    heard = [("the", 0, 400), ("xylophone", 1000, 1400), ("sat", 1500, 1900)]
    result = align_narration(["the", "cat", "sat"], stamps(*heard))
    cat = result.words[1]
    assert (cat.start, cat.end, cat.status, cat.source) == (1000, 1400, "interpolated", None)
    assert result.matched_share == 2 / 3


def test_detached_clitic_matches_attached_word() -> None:
    result = align_narration(
        ["وبدأت", "الحرب"], stamps(("و", 1000, 1200), ("بدأت", 1200, 1800), ("الحرب", 1800, 2300))
    )
    assert [(w.start, w.end, w.status) for w in result.words] == [
        (1000, 1800, "matched"),
        (1800, 2300, "matched"),
    ]


def test_attached_clitic_matches_detached_narration() -> None:
    result = align_narration(["و", "بدأت"], stamps(("وبدأت", 1000, 1800)))
    # The pair shares the word's 800 ms by length: "و" 2 of 7, "بدأت" 5 of 7.
    assert [(w.start, w.end) for w in result.words] == [(1000, 1228), (1228, 1800)]
    assert result.matched_share == 1.0


def test_invented_words_in_a_silence_do_not_move_the_narration() -> None:
    narration = "we will meet tomorrow at the station".split()
    heard = [
        ("we", 0, 300),
        ("will", 300, 600),
        ("meet", 600, 900),
        ("the", 3000, 3100),  # invented during a silence
        ("uh", 3100, 3200),
        ("tomorrow", 6000, 6500),
        ("at", 6500, 6700),
        ("the", 6700, 6900),
        ("station", 6900, 7500),
    ]
    result = align_narration(narration, stamps(*heard))
    assert [w.start for w in result.words] == [0, 300, 600, 6000, 6500, 6700, 6900]
    assert result.matched_share == 1.0


def test_a_lone_common_word_far_away_does_not_squeeze_a_dropped_stretch() -> None:
    # The recognizer lost "along a quiet road ... the river" but invented a "the"
    # 50 ms after "walked": matching it would squeeze eight words into 50 ms.
    narration = "we walked along a quiet road beside an old town until the river and then went home"
    heard = [
        ("we", 0, 300),
        ("walked", 300, 700),
        ("the", 750, 800),
        ("and", 5000, 5200),
        ("then", 5200, 5500),
        ("went", 5500, 5800),
        ("home", 5800, 6200),
    ]
    result = align_narration(narration.split(), stamps(*heard))
    lost = result.words[2:13]
    assert [w.word for w in lost][-2:] == ["the", "river"]
    assert all(word.status == "interpolated" for word in lost)
    # The lost words share 700..5000 ms: none of them is squeezed before 800 ms.
    assert lost[0].start == 700 and lost[-1].end <= 5000
    assert lost[1].start > 800
    assert result.words[13].start == 5000


def test_dropped_stretch_is_spread_between_its_neighbours() -> None:
    narration = [f"w{i}" for i in range(30)]
    heard = [f"w{i}" for i in range(30) if not 10 <= i < 20]
    times = Timestamps(
        "test",
        "word",
        tuple(TimedWord(w, int(w[1:]) * 500, int(w[1:]) * 500 + 450) for w in heard),
    )
    result = align_narration(narration, times)
    for index in range(10, 20):
        word = result.words[index]
        assert word.status == "interpolated"
        assert abs(word.start - index * 500) < 600  # truth: index * 500 ms
    assert result.words[20].start == 10_000


def test_short_stretch_before_a_long_pause_stays_with_its_sentence() -> None:
    narration = ["It", "ended", "there.", "Later", "on"]
    heard = [("It", 0, 200), ("ended", 200, 600), ("Later", 10_000, 10_400), ("on", 10_400, 10_600)]
    result = align_narration(narration, stamps(*heard))
    ended = result.words[2]
    assert ended.status == "interpolated"
    assert ended.start == 600 and ended.end < 1500  # not spread over the 9.4 s silence


def test_wrong_file_is_an_error() -> None:
    narration = "the quick brown fox jumps over the lazy dog".split()
    with pytest.raises(AlignmentError, match="another language"):
        align_narration(narration, even("un deux trois quatre cinq six sept huit".split()))


# --------------------------------------------------------------------------- anchors


def test_anchored_and_direct_alignment_agree() -> None:
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(800)]
    narration = [rng.choice(vocabulary) for _ in range(3000)]
    heard = []
    for word in narration:
        roll = rng.random()
        if roll < 0.05:
            continue
        heard.append(rng.choice(vocabulary) if roll < 0.1 else word)
    times = even(heard, 300)
    direct = align_narration(narration, times, anchor_above=10**9)
    anchored = align_narration(narration, times, anchor_above=200)
    same = sum(a.start == b.start for a, b in zip(direct.words, anchored.words, strict=True))
    assert same / len(narration) > 0.98
    assert abs(direct.matched_share - anchored.matched_share) < 0.01


def test_anchors_keep_the_longest_chain_in_order() -> None:
    # Trigram (10, 11, 12) occurs once on each side but out of order with the three others.
    a = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    b = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    pairs = _anchors(a, b, 3)
    assert pairs == [(i, i + 3) for i in range(9)]


def test_match_sequences_is_monotonic_on_both_sides() -> None:
    pairs = match_sequences(
        [1, 2, 3, 2, 1], [2, 1, 2, 3], ["a", "b", "c", "b", "a"], ["b", "a", "b", "c"]
    )
    assert all(p[0] < q[0] and p[1] < q[1] for p, q in itertools.pairwise(pairs))


# --------------------------------------------------------------------------- properties

WORD = st.sampled_from(["في", "عام", "كوريا", "الشمالية", "the", "war", "ended", "1948", "و", "ثم"])


@settings(max_examples=60, deadline=None)
@given(
    narration=st.lists(WORD, min_size=1, max_size=40),
    edits=st.lists(st.tuples(st.integers(0, 3), WORD), max_size=40),
    step=st.integers(50, 800),
)
def test_every_word_gets_monotonic_times(
    narration: list[str], edits: list[tuple[int, str]], step: int
) -> None:
    heard = list(narration)
    for kind, new in edits:
        position = len(heard) // 2
        if kind == 0 and heard:
            del heard[position]
        elif kind == 1:
            heard.insert(position, new)
        elif kind == 2 and heard:
            heard[position] = new
    if not heard:
        return
    try:
        result = align_narration(narration, even(heard, step, 30), min_matched_share=0.0)
    except AlignmentError:
        return  # nothing matched at all
    words = result.words
    assert len(words) == len(narration)
    assert [w.word for w in words] == narration
    for previous, word in itertools.pairwise(words):
        assert previous.start <= word.start
        assert previous.end <= word.start
    for word in words:
        assert 0 <= word.start <= word.end
        if word.status == "matched":
            assert word.source is not None


@settings(max_examples=40, deadline=None)
@given(narration=st.lists(WORD, min_size=1, max_size=60), step=st.integers(50, 800))
def test_a_perfect_recognizer_is_copied_exactly(narration: list[str], step: int) -> None:
    result = align_narration(narration, even(narration, step))
    separate_clitic = {"و"}
    for index, word in enumerate(result.words):
        if narration[index] in separate_clitic or (
            index > 0 and narration[index - 1] in separate_clitic
        ):
            continue  # a clitic and its word share their joint span
        assert (word.start, word.end) == (index * step, index * step + step)
        assert word.status == "matched"


def test_text_that_repeats_itself_is_still_aligned_in_bounded_pieces() -> None:
    # No word and no word pair is unique: anchoring finds nothing, the pieces fall back
    # to proportional cuts, and every word still matches its own repetition.
    narration = ["a", "b", "c", "d"] * 300
    result = align_narration(narration, even(narration, 100), anchor_above=100)
    assert result.matched_share == 1.0
    assert [w.start for w in result.words[:5]] == [0, 100, 200, 300, 400]
    assert result.words[-1].start == 1199 * 100
