"""The speech-rate model, the fit to a duration, and the profile's timing rules."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from captionkit.make.timing import (
    SpokenWord,
    cue_cps,
    place_cues,
    reading_time_ms,
    speech_times,
    timing_problems,
)
from captionkit.model import Cue
from captionkit.profiles import load_profile

PROFILE = load_profile("arabic")  # 833..7000 ms, 17 cps, 2 frames at 25 fps = 80 ms


def test_speech_times_by_hand() -> None:
    # At 10 characters a second, "abc" + a space is 400 ms; a sentence pause is 500 ms.
    words = [SpokenWord("abc"), SpokenWord("de.", sentence_end=True), SpokenWord("f")]
    assert speech_times(words, rate=10) == [(0.0, 400.0), (400.0, 800.0), (1300.0, 1500.0)]


def test_speech_times_fit_a_duration_and_start() -> None:
    words = [SpokenWord("abc"), SpokenWord("de.", sentence_end=True), SpokenWord("f")]
    times = speech_times(words, rate=10, start_ms=1000, duration_ms=3000)  # natural 1500 ms
    assert times[0] == (1000.0, 1800.0)
    assert times[-1][1] == 4000.0


def test_harakat_do_not_slow_the_speech() -> None:
    plain = speech_times([SpokenWord("كتب")], rate=10)
    voweled = speech_times([SpokenWord("كَتَبَ")], rate=10)
    assert plain == voweled


def test_reading_time() -> None:
    assert reading_time_ms("a" * 17, 17) == 1000
    assert reading_time_ms("a" * 18, 17) == 1059  # rounded up, never too fast


def test_place_cues_keeps_rules() -> None:
    texts = ["قصير", "نص أطول بكثير من الذي قبله لأنه يحتاج إلى وقت", "آخر"]
    anchors = [(0.0, 300.0), (350.0, 1500.0), (1520.0, 1800.0)]
    times = place_cues(texts, anchors, PROFILE)
    cues = [Cue(start, end, text) for (start, end), text in zip(times, texts, strict=True)]
    assert timing_problems(cues, PROFILE) == []
    assert cues[0].duration == 833  # stretched to the minimum
    assert cues[1].start == cues[0].end + 80  # two frames at 25 fps
    assert cue_cps(cues[1]) <= 17


def test_too_short_a_duration_is_reported_not_hidden() -> None:
    texts = ["نص طويل نسبيا يحتاج إلى وقت كاف للقراءة"] * 4
    anchors = [(index * 100.0, index * 100.0 + 90) for index in range(4)]
    times = place_cues(texts, anchors, PROFILE, start_ms=0, end_ms=2000)
    cues = [Cue(start, end, text) for (start, end), text in zip(times, texts, strict=True)]
    assert cues[-1].end <= 2000
    assert all(a.end <= b.start for a, b in itertools.pairwise(cues))
    rules = {problem.rule for problem in timing_problems(cues, PROFILE)}
    assert "cps" in rules


def test_timing_problems_names_each_rule() -> None:
    cues = [
        Cue(0, 500, "قصير"),
        Cue(520, 9000, "طويل"),
        Cue(8900, 9500, "ا" * 40),
    ]
    found = {(problem.cue, problem.rule) for problem in timing_problems(cues, PROFILE)}
    assert found == {
        (1, "min-duration"),
        (2, "gap"),
        (2, "max-duration"),
        (3, "min-duration"),
        (3, "cps"),
        (3, "overlap"),
    }


spoken = st.lists(
    st.builds(
        SpokenWord,
        st.text(alphabet="ابتثجحخ.،", min_size=1, max_size=10),
        st.booleans(),
        st.booleans(),
        st.booleans(),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=100, deadline=None)
@given(
    words=spoken,
    rate=st.floats(min_value=5, max_value=30),
    duration=st.one_of(st.none(), st.integers(min_value=500, max_value=100_000)),
    size=st.integers(min_value=1, max_value=5),
)
def test_times_monotonic_with_gaps(
    words: list[SpokenWord], rate: float, duration: int | None, size: int
) -> None:
    times = speech_times(words, rate, start_ms=1000, duration_ms=duration)
    groups = [list(range(i, min(i + size, len(words)))) for i in range(0, len(words), size)]
    texts = [" ".join(words[i].text for i in group) for group in groups]
    anchors = [(times[group[0]][0], times[group[-1]][1]) for group in groups]
    end = 1000 + duration if duration is not None else None
    placed = place_cues(texts, anchors, PROFILE, start_ms=1000, end_ms=end)
    for begin, finish in placed:
        assert 1000 <= begin < finish
        if end is not None:
            assert finish <= end
    for (_, first_end), (second_start, _) in itertools.pairwise(placed):
        assert second_start >= first_end  # never overlapping
    cues = [Cue(b, e, t) for (b, e), t in zip(placed, texts, strict=True)]
    if duration is None:  # free timing: every rule holds
        assert timing_problems(cues, PROFILE) == []
