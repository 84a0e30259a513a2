"""Timing repair: overlaps, gaps, durations and reading speed, by extending into free time."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from captionkit.cli import app
from captionkit.formats import loads, to_bytes
from captionkit.model import Cue, Track
from captionkit.profiles import Profile, load_profile
from captionkit.retime.repair import needed_duration, repair, visible_length

ARABIC = load_profile("arabic")  # gap 80 ms (2 frames at 25), 833 ms..7 s, 17 cps


def times(track: Track) -> list[tuple[int, int]]:
    return [(cue.start, cue.end) for cue in track.cues]


def test_visible_length_ignores_harakat_tatweel_controls_and_tags() -> None:
    # "سَلامٌ" is 4 letters and 2 harakat; the tag, the RLE and the tatweel do not count.
    assert visible_length("\u202b<i>سَلامٌ</i> ـيا") == 4 + 1 + 2
    assert visible_length("a\nb") == 2


def test_needed_duration_is_the_longer_of_minimum_and_reading_time() -> None:
    assert needed_duration("short", ARABIC) == 833
    assert needed_duration("x" * 34, ARABIC) == 2000  # 34 / 17 cps
    assert needed_duration("x" * 35, ARABIC) == 2059  # ceil(35000 / 17)


def test_overlap_is_cut_back_to_the_next_start_minus_the_gap() -> None:
    track = Track.from_cues([Cue(0, 3000, "a"), Cue(2000, 4000, "b")])
    result = repair(track, ARABIC)
    assert times(result.track) == [(0, 1920), (2000, 4000)]
    assert result.changed == 1 and result.shortfalls == ()


def test_short_cue_extends_its_end_then_its_start_into_free_time() -> None:
    track = Track.from_cues(
        [Cue(0, 1000, "a"), Cue(1500, 1600, "b"), Cue(1900, 3000, "c"), Cue(9000, 9100, "d")]
    )
    result = repair(track, ARABIC)
    # b needs 833 ms: its end may reach 1900 - 80 = 1820, its start may go back to 1000 + 80.
    # 1820 - 833 = 987 < 1080, so b becomes 1080..1820 (740 ms) and the shortfall is listed.
    # d, the last cue, extends its end freely.
    assert times(result.track) == [(0, 1000), (1080, 1820), (1900, 3000), (9000, 9833)]
    assert [(s.cue, s.rule, s.needed_ms, s.got_ms) for s in result.shortfalls] == [
        (2, "min_duration", 833, 740)
    ]
    assert "cue 2: minimum duration needs 833 ms" in result.shortfalls[0].message


def test_reading_speed_and_maximum_duration() -> None:
    words = "x" * 51  # 3 s at 17 cps
    track = Track.from_cues(
        [Cue(0, 1000, words), Cue(5000, 20000, "b"), Cue(30000, 30500, "x" * 200)]
    )
    result = repair(track, ARABIC)
    # The text needing 11.8 s is held to the 7 s maximum and reported.
    assert times(result.track) == [(0, 3000), (5000, 12000), (30000, 37000)]
    assert [(s.cue, s.rule) for s in result.shortfalls] == [(3, "reading_speed")]


def test_cues_at_the_same_time_are_spread_out() -> None:
    track = Track.from_cues([Cue(1000, 3000, "a"), Cue(1000, 2500, "b")])
    result = repair(track, ARABIC)
    # Sorted by (start, end): b first, cut to one frame (40 ms at 25 fps); a is pushed after
    # it plus the gap (1120); then b extends back into the free time before it: 1040 - 833.
    assert [cue.text for cue in result.track] == ["b", "a"]
    assert times(result.track) == [(207, 1040), (1120, 3000)]


def test_reordered_srt_cues_keep_their_blocks_whole() -> None:
    data = b"1\r\n00:00:05,000 --> 00:00:06,000\r\nlater\r\n\r\n2\r\n00:00:01,000 --> 00:00:02,000\r\nfirst"
    result = repair(loads(data, "srt"), ARABIC)
    written = to_bytes(result.track)
    assert written == (
        b"2\r\n00:00:01,000 --> 00:00:02,000\r\nfirst\r\n\r\n"
        b"1\r\n00:00:05,000 --> 00:00:06,000\r\nlater\r\n\r\n"
    )
    assert [cue.text for cue in loads(written, "srt").cues] == ["first", "later"]


def test_cli_repair_with_a_profile() -> None:
    source = "1\n00:00:01,000 --> 00:00:03,000\na\n\n2\n00:00:02,000 --> 00:00:02,100\nb\n"
    result = CliRunner().invoke(
        app, ["retime", "-", "--repair", "--profile", "broadcast"], input=source
    )
    assert result.exit_code == 0, result.stderr
    # broadcast: 1 s minimum, 2-frame gap at 25 fps: a is cut to end at 1920 and then starts
    # earlier to keep its second (920); b, last, is extended to 1 s.
    assert result.stdout == (
        "1\n00:00:00,920 --> 00:00:01,920\na\n\n2\n00:00:02,000 --> 00:00:03,000\nb\n"
    )


cue_lists = st.lists(
    st.tuples(
        st.integers(0, 60_000),
        st.integers(-500, 12_000),
        st.text(alphabet="ab سلامَ<>", max_size=150),
    ),
    max_size=25,
)
profiles = st.sampled_from(
    [ARABIC, load_profile("broadcast"), load_profile("social"), replace(ARABIC, max_cps=1000.0)]
)


@settings(max_examples=200, deadline=None)
@given(raw=cue_lists, profile=profiles)
def test_sorted_without_overlap_and_every_unmet_rule_reported(
    raw: list[tuple[int, int, str]], profile: Profile
) -> None:
    track = Track.from_cues(
        [
            Cue.as_read(start, start + length, text, str(n))
            for n, (start, length, text) in enumerate(raw)
        ]
    )
    result = repair(track, profile)
    cues = result.track.cues
    assert sorted((c.text, c.identifier) for c in cues) == sorted(
        (c.text, c.identifier) for c in track.cues
    )
    unmet = {s.cue for s in result.shortfalls}
    for position, cue in enumerate(cues, start=1):
        assert 0 <= cue.start <= cue.end
        assert cue.duration <= profile.max_duration_ms
        if position < len(cues):
            following = cues[position]
            assert cue.start <= following.start
            assert cue.end + profile.min_gap_ms <= following.start
        if cue.duration < needed_duration(cue.text, profile):
            assert position in unmet or cue.duration == profile.max_duration_ms
    assert repair(result.track, profile).track == result.track or result.shortfalls
