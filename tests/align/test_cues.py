"""Cue times from word times: starts at the voice, profile rules by moving ends only."""

from __future__ import annotations

import itertools
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from captionkit.align.aligner import WordTiming
from captionkit.align.cues import cue_times, pause_bonus
from captionkit.profiles import load_profile

PROFILE = load_profile("arabic")  # 833 ms minimum, 7 s maximum, 80 ms gap (2 frames at 25)


def word(index: int, start: int, end: int, status: str = "matched") -> WordTiming:
    return WordTiming(index, f"w{index}", start, end, status)  # type: ignore[arg-type]


def test_cue_spans_its_first_and_last_word() -> None:
    words = [word(0, 100, 400), word(1, 400, 900), word(2, 1500, 2000), word(3, 2000, 2600)]
    timings = cue_times(words, [(0, 2), (2, 4)])
    assert [(t.start, t.end) for t in timings] == [(100, 900), (1500, 2600)]


def test_short_cue_is_extended_into_free_time_never_moved() -> None:
    words = [word(0, 1000, 1300), word(1, 5000, 5400)]
    timings = cue_times(words, [(0, 1), (1, 2)], PROFILE)
    # "w0" needs the 833 ms minimum: its end moves from 1300 to 1833, its start stays.
    assert (timings[0].start, timings[0].end) == (1000, 1833)
    assert (timings[1].start, timings[1].end) == (5000, 5833)


def test_extension_stops_at_the_next_cue_minus_the_gap() -> None:
    words = [word(0, 1000, 1300), word(1, 1500, 2400)]
    timings = cue_times(words, [(0, 1), (1, 2)], PROFILE)
    assert (timings[0].start, timings[0].end) == (1000, 1420)  # 1500 - 80
    assert timings[0].shortfall == "min_duration"
    assert timings[1].start == 1500


def test_overlap_is_cut_back_at_the_end() -> None:
    words = [word(0, 0, 2000), word(1, 1900, 4000)]
    timings = cue_times(words, [(0, 1), (1, 2)], PROFILE)
    assert (timings[0].end, timings[1].start) == (1820, 1900)


def test_long_cue_is_cut_to_the_maximum() -> None:
    words = [word(0, 0, 4000), word(1, 4000, 9000)]
    timings = cue_times(words, [(0, 2)], PROFILE)
    assert (timings[0].start, timings[0].end, timings[0].shortfall) == (0, 7000, "max_duration")


def test_reading_speed_extends_the_end() -> None:
    text = "x" * 34  # 34 visible characters at 17 a second need 2 s
    words = [word(0, 0, 900), word(1, 9000, 9500)]
    timings = cue_times(words, [(0, 1), (1, 2)], PROFILE, texts=[text, "y"])
    assert timings[0].end == 2000


def test_matched_share_and_flagged_interpolation() -> None:
    statuses = [
        "matched",
        "interpolated",
        "interpolated",
        "interpolated",
        "interpolated",
        "matched",
    ]
    words = [word(i, i * 300, i * 300 + 300, s) for i, s in enumerate(statuses)]
    timings = cue_times(words, [(0, 3), (3, 6)])
    assert [t.matched_share for t in timings] == [0.3333, 0.3333]
    # Each cue shows two of the four guessed words: the run counts across the boundary.
    assert [t.interpolated_run for t in timings] == [4, 4]
    assert all(t.flagged for t in timings)  # more than three words guessed
    short = cue_times([*words[:3], word(3, 900, 1200)], [(0, 2), (2, 4)])
    assert [t.interpolated_run for t in short] == [2, 2]
    assert not any(t.flagged for t in short)


def test_pause_bonus_grows_with_the_pause() -> None:
    words = [word(0, 0, 100), word(1, 150, 300), word(2, 600, 700), word(3, 2000, 2100)]
    # pauses 50 ms (nothing), 300 ms (half of the full bonus), 1300 ms (the full 6.0)
    assert pause_bonus(words) == [0.0, 3.0, 6.0]


@settings(max_examples=60, deadline=None)
@given(
    gaps=st.lists(st.integers(0, 3000), min_size=2, max_size=30),
    lengths=st.lists(st.integers(50, 2000), min_size=30, max_size=30),
    cut=st.integers(1, 5),
)
def test_starts_stay_and_rules_hold_where_there_is_room(
    gaps: list[int], lengths: list[int], cut: int
) -> None:
    words = []
    clock = 0
    for index, gap in enumerate(gaps):
        clock += gap
        words.append(word(index, clock, clock + lengths[index]))
        clock += lengths[index]
    groups = [(a, min(a + cut, len(words))) for a in range(0, len(words), cut)]
    timings = cue_times(words, groups, PROFILE)
    for timing, (first, _) in zip(timings, groups, strict=True):
        assert timing.start == words[first].start
        assert timing.end >= timing.start
        assert timing.end - timing.start <= PROFILE.max_duration_ms
    for previous, following in itertools.pairwise(timings):
        assert previous.end <= following.start - PROFILE.min_gap_ms or previous.shortfall
        if following.start - previous.start >= PROFILE.min_duration_ms + PROFILE.min_gap_ms:
            assert previous.end - previous.start >= PROFILE.min_duration_ms


def test_cues_starting_closer_than_the_gap_keep_a_visible_duration() -> None:
    words = [word(0, 1000, 1030), word(1, 1050, 2000)]
    timings = cue_times(words, [(0, 1), (1, 2)], PROFILE)
    assert (timings[0].start, timings[0].end, timings[0].shortfall) == (1000, 1050, "gap")


def test_profile_with_other_gap() -> None:
    profile = replace(PROFILE, min_gap_frames=5)  # 200 ms at 25 fps
    words = [word(0, 0, 3000), word(1, 3000, 4000)]
    timings = cue_times(words, [(0, 1), (1, 2)], profile)
    assert timings[0].end == 2800
