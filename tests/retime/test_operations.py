"""captionkit retime: operations, the real before/after pair, ranges, safety, properties."""

from __future__ import annotations

import itertools
import json
import re
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from captionkit.cli import app
from captionkit.errors import TimingError, UsageError
from captionkit.formats import loads, read, to_bytes
from captionkit.model import Cue, Track
from captionkit.retime import (
    CueRange,
    LinearMap,
    RetimePlan,
    apply_map,
    convert_fps,
    parse_cue_range,
    parse_factor,
    parse_sync,
    retime,
    scale,
    shift,
    snap,
)
from tests.conftest import FIXTURES, shared_path

runner = CliRunner()
STAMP = re.compile(rb"-?\d+:\d{1,2}:\d{1,2}[,.]\d{1,3}")
FPS_23976 = Fraction(24000, 1001)


def persian(name: str) -> Path:
    return shared_path("corpus", "retime", "persian-shift", name)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["retime", *args])
    return result.exit_code, result.stdout, result.stderr


def times(track: Track) -> list[tuple[int, int]]:
    return [(cue.start, cue.end) for cue in track.cues]


# --- the real before/after pair -------------------------------------------------------------


@pytest.mark.parametrize(
    "operation", [["--shift", "139.334"], ["--sync", "#1=00:03:40,000"]], ids=["shift", "sync"]
)
def test_persian_pair_every_timestamp_reproduced(tmp_path: Path, operation: list[str]) -> None:
    out = tmp_path / "out.srt"
    code, _, err = run(str(persian("input.srt")), *operation, "-o", str(out))
    assert code == 0, err
    expected = read(persian("output.srt"))
    produced = read(out)
    assert len(produced) == 787
    assert times(produced) == times(expected)
    # Every other byte is the input's: with the stamps masked the files are equal.
    original = persian("input.srt").read_bytes()
    assert STAMP.sub(b"T", out.read_bytes()) == STAMP.sub(b"T", original)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf1\r\n")
    assert produced.cues[-1].text == " "
    assert out.read_bytes().endswith(b"00:45:16,167\r\n \r\n")


def test_persian_pair_the_one_other_difference_is_the_line_ends(tmp_path: Path) -> None:
    kept = tmp_path / "kept.srt"
    lf = tmp_path / "lf.srt"
    assert run(str(persian("input.srt")), "--shift", "139.334", "-o", str(kept))[0] == 0
    assert (
        run(str(persian("input.srt")), "--shift", "139.334", "--newline", "lf", "-o", str(lf))[0]
        == 0
    )
    target = persian("output.srt").read_bytes()
    assert b"\r" not in target
    assert kept.read_bytes() != target
    assert kept.read_bytes().count(b"\r\n") == target.count(b"\n")  # CRLF kept by default
    assert kept.read_bytes().replace(b"\r\n", b"\n") == target
    assert lf.read_bytes() == target  # byte for byte, BOM and the last " " cue included


def test_golden_styles_are_kept(tmp_path: Path) -> None:
    """Separators, one-digit hours, no spaces around -->, X1 coordinates, no final newline."""
    result = runner.invoke(
        app, ["retime", str(FIXTURES / "retime" / "styles.srt"), "--shift", "1.5"]
    )
    assert result.exit_code == 0
    expected = (FIXTURES / "retime" / "styles.shift-1500.srt").read_bytes()
    assert result.stdout_bytes == expected


# --- time values ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "fps", "expected"),
    [
        ("1.5", None, 1500),
        ("-2.5s", None, -2500),
        ("-00:00:02,500", None, -2500),
        ("250ms", None, 250),
        ("12f", "25", 480),
        ("12f", "25:23.976", 501),  # 12 frames at the target rate: 12 * 1001/24 = 500.5
    ],
)
def test_shift_forms(value: str, fps: str | None, expected: int) -> None:
    source = "1\n00:00:10,000 --> 00:00:11,000\nx\n"
    args = ["-", "--shift", value] + (["--fps", fps] if fps else [])
    result = runner.invoke(app, ["retime", *args], input=source)
    assert result.exit_code == 0, result.stderr
    start = loads(result.stdout_bytes).cues[0].start
    # 10 s is 10,427.08 ms after 25 -> 23.976; the shift is added before the one rounding.
    base = 10427.083 if fps and ":" in fps else 10000
    assert round(base + expected) == start


def test_parse_helpers() -> None:
    assert parse_sync("last=1:00").old == "last"
    assert parse_sync("#3=2s").new == 2000
    assert parse_factor("25/24") == Fraction(25, 24)
    assert parse_cue_range("-4") == CueRange(first=None, last=4)
    for bad in ("x", "5-2", "0-3", ""):
        with pytest.raises(UsageError):
            parse_cue_range(bad)
    with pytest.raises(UsageError):
        parse_sync("no equals")
    with pytest.raises(UsageError):
        parse_factor("fast")


def test_scale_keeps_the_anchor() -> None:
    track = Track.from_cues([Cue(10_000, 12_000, "a"), Cue(20_000, 21_000, "b")])
    # Around 10 s, doubling: 10 s stays, 12 s -> 14 s, 20 s -> 30 s, 21 s -> 32 s.
    assert times(scale(track, Fraction(2), 10_000)) == [(10_000, 14_000), (30_000, 32_000)]


def test_snap_to_frames() -> None:
    track = Track.from_cues([Cue(1019, 1021, "a"), Cue(1001, 2002, "b")])
    # 25 fps: frames every 40 ms; 1019 -> 1000 and 1021 -> 1040; at 23.976, 2002 ms is frame 48.
    assert times(snap(track, Fraction(25))) == [(1000, 1040), (1000, 2000)]
    assert times(snap(track, FPS_23976))[1] == (1001, 2002)


# --- frame rates and sync -------------------------------------------------------------------


def test_fps_25_to_23976_and_back_within_1ms(tmp_path: Path) -> None:
    there = tmp_path / "there.srt"
    back = tmp_path / "back.srt"
    assert run(str(persian("input.srt")), "--fps", "25:23.976", "-o", str(there))[0] == 0
    assert run(str(there), "--fps", "23.976:25", "-o", str(back))[0] == 0
    original = times(read(persian("input.srt")))
    converted = times(read(there))
    assert converted != original
    # 25 -> 23.976 stretches by 1.04270833: 01:20,666 becomes 84,111.4 ms -> 84111.
    assert converted[0][0] == 84111
    returned = times(read(back))
    assert all(
        abs(a - b) <= 1 and abs(c - d) <= 1
        for (a, c), (b, d) in zip(original, returned, strict=True)
    )


def test_fps_round_trip_in_one_run_is_exact() -> None:
    track = read(persian("input.srt"))
    there = LinearMap.fps(Fraction(25), FPS_23976)
    both = there.then(LinearMap.fps(FPS_23976, Fraction(25)))
    assert both.is_identity
    assert times(apply_map(track, both)) == times(track)
    assert times(convert_fps(track, Fraction(25), Fraction(25))) == times(track)


def test_two_point_sync_recovers_a_known_linear_map(tmp_path: Path) -> None:
    source = read(persian("input.srt"))
    known = LinearMap(Fraction(1001, 1000), Fraction(-4321))  # 0.1 % slower, 4.321 s earlier
    made = apply_map(source, known)
    made_path = tmp_path / "made.srt"
    made_path.write_bytes(to_bytes(made))
    first = made.cues[0]
    out = tmp_path / "synced.srt"
    code, _, err = run(
        str(made_path),
        "--sync",
        f"{first.start}ms={source.cues[0].start}ms",
        "--sync",
        f"last={source.cues[-1].start}ms",
        "-o",
        str(out),
    )
    assert code == 0, err
    recovered = times(read(out))
    assert all(
        abs(a - b) <= 1 and abs(c - d) <= 1
        for (a, c), (b, d) in zip(recovered, times(source), strict=True)
    )


def test_sync_points_by_cue_number() -> None:
    track = Track.from_cues([Cue(1000, 2000, "a"), Cue(5000, 6000, "b"), Cue(9000, 9500, "c")])
    plan = RetimePlan(sync=(parse_sync("#1=0"), parse_sync("last=16s")))
    # old 1 s -> 0, old 9 s -> 16 s: t -> 2t - 2000.
    assert times(retime(track, plan).track) == [(0, 2000), (8000, 10000), (16000, 17000)]
    with pytest.raises(UsageError):
        retime(track, RetimePlan(sync=(parse_sync("#9=0"),)))
    with pytest.raises(UsageError):
        retime(track, RetimePlan(sync=(parse_sync("#1=5s"), parse_sync("1s=6s"))))


def test_operations_compose_in_the_documented_order() -> None:
    track = Track.from_cues([Cue(1000, 2000, "a")])
    plan = RetimePlan(fps=(Fraction(25), Fraction(50)), scale=Fraction(3), anchor=0, shift=100)
    # fps halves (500, 1000), scale triples (1500, 3000), then the shift: (1600, 3100).
    result = retime(track, plan)
    assert times(result.track) == [(1600, 3100)]
    assert result.time_map == LinearMap(Fraction(3, 2), Fraction(100))


# --- ranges ---------------------------------------------------------------------------------


def test_cue_range_changes_only_those_cues(tmp_path: Path) -> None:
    out = tmp_path / "out.srt"
    assert (
        run(str(persian("input.srt")), "--cues", "10-20", "--shift", "2s", "-o", str(out))[0] == 0
    )
    before, after = times(read(persian("input.srt"))), times(read(out))
    for number, (old, new) in enumerate(zip(before, after, strict=True), start=1):
        if 10 <= number <= 20:
            assert new == (old[0] + 2000, old[1] + 2000)
        else:
            assert new == old


def test_time_range_changes_only_cues_starting_inside(tmp_path: Path) -> None:
    out = tmp_path / "out.srt"
    code, _, _ = run(
        str(persian("input.srt")),
        "--from",
        "00:10:00,000",
        "--to",
        "00:20:00",
        "--shift",
        "-500ms",
        "-o",
        str(out),
    )
    assert code == 0
    before, after = times(read(persian("input.srt"))), times(read(out))
    inside = [600_000 <= old[0] < 1_200_000 for old in before]
    assert 50 < sum(inside) < len(before)
    for flag, old, new in zip(inside, before, after, strict=True):
        assert new == ((old[0] - 500, old[1] - 500) if flag else old)


# --- negative times, output modes ----------------------------------------------------------


def test_negative_time_is_an_error_unless_clip() -> None:
    track = Track.from_cues([Cue(1000, 2000, "a"), Cue(3000, 4000, "b")])
    with pytest.raises(TimingError, match="`clip`") as refused:
        shift(track, -1500)
    assert refused.value.parameter == "clip"
    result = retime(track, RetimePlan(shift=-1500, clip=True))
    assert times(result.track) == [(0, 500), (1500, 2500)]
    assert result.clipped == 1
    code, _, err = run(str(FIXTURES / "retime" / "styles.srt"), "--shift", "-2s")
    assert code == 2
    assert "styles.srt:1: cue 1 (1) would start at -00:00:00,500" in err
    assert "--clip" in err and "`clip`" not in err  # the CLI names its own flag


def test_in_place_keeps_a_backup(tmp_path: Path) -> None:
    target = tmp_path / "in.srt"
    original = (FIXTURES / "retime" / "styles.srt").read_bytes()
    target.write_bytes(original)
    code, out, _ = run(str(target), "--shift", "1.5", "--in-place")
    assert code == 0 and out == ""
    assert (tmp_path / "in.srt.bak").read_bytes() == original
    assert target.read_bytes() == (FIXTURES / "retime" / "styles.shift-1500.srt").read_bytes()
    assert run(str(target), "--in-place", "-o", "x.srt")[0] == 2


def test_dry_run_prints_only_timing_lines_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "in.srt"
    target.write_bytes((FIXTURES / "retime" / "styles.srt").read_bytes())
    code, out, _ = run(str(target), "--cues", "2-3", "--shift", "1s", "--dry-run")
    assert code == 0
    assert out.splitlines() == [
        f"--- {target}",
        f"+++ {target} (re-timed)",
        "@@ -6 +6 @@",
        "-00:00:03,000-->00:00:04,000",
        "+00:00:04,000-->00:00:05,000",
        "@@ -12 +12 @@",
        "-00:00:05,000 --> 00:00:06,000",
        "+00:00:06,000 --> 00:00:07,000",
    ]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.srt"]


def test_json_report_says_what_moved(tmp_path: Path) -> None:
    out = tmp_path / "out.srt"
    code, text, _ = run(
        str(FIXTURES / "retime" / "styles.srt"),
        "--cues",
        "1",
        "--shift",
        "250ms",
        "-o",
        str(out),
        "--format",
        "json",
    )
    assert code == 0
    report = json.loads(text)
    assert report["moved"] == 1 and report["cues"] == 3
    assert report["changes"] == [
        {"cue": 1, "id": "1", "line": 1, "start": [1500, 1750], "end": [2250, 2500]}
    ]
    assert report["map"] == {"scale": "1", "offset_ms": 250.0}
    # The report and the file cannot both go to stdout.
    assert run(str(out), "--shift", "1", "--format", "json")[0] == 2


# --- properties -----------------------------------------------------------------------------

texts = st.text(
    alphabet=st.sampled_from([*"abc مرحبا<i>/ ًٌ", "\u202b"]), min_size=1, max_size=12
).filter(lambda text: text.strip() != "" and "-->" not in text)


@st.composite
def srt_files(draw: st.DrawFn) -> bytes:
    count = draw(st.integers(1, 8))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    blocks = []
    for number in range(1, count + 1):
        start = draw(st.integers(0, 3_600_000))
        end = start + draw(st.integers(0, 10_000))
        separator = draw(st.sampled_from([",", "."]))

        def stamp(ms: int, separator: str = separator) -> str:
            return (
                f"{ms // 3600000:02d}:{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}"
                f"{separator}{ms % 1000:03d}"
            )

        coordinates = draw(st.sampled_from(["", "  X1:1 X2:2 Y1:3 Y2:4"]))
        text = draw(texts)
        blocks.append(
            f"{number}{newline}{stamp(start)} --> {stamp(end)}{coordinates}{newline}{text}{newline}"
        )
    return newline.join(blocks).encode("utf-8")


@settings(max_examples=60, deadline=None)
@given(
    data=srt_files(),
    offset=st.integers(0, 100_000),
    factor=st.fractions(min_value=Fraction(1, 2), max_value=2, max_denominator=1000),
    rates=st.sampled_from([None, (Fraction(25), FPS_23976), (Fraction(30000, 1001), Fraction(25))]),
    first=st.integers(1, 4),
)
def test_retime_never_changes_text_ids_or_settings(
    data: bytes, offset: int, factor: Fraction, rates: tuple[Fraction, Fraction] | None, first: int
) -> None:
    track = loads(data, "srt")
    plan = RetimePlan(shift=offset, scale=factor, fps=rates, selection=CueRange(first=first))
    result = retime(track, plan).track
    for old, new in zip(track.cues, result.cues, strict=True):
        assert (new.text, new.identifier, new.settings) == (old.text, old.identifier, old.settings)
    written = to_bytes(result)
    assert STAMP.sub(b"T", written) == STAMP.sub(b"T", data)
    assert [(c.text, c.identifier, c.settings) for c in loads(written, "srt").cues] == [
        (c.text, c.identifier, c.settings) for c in track.cues
    ]


@settings(max_examples=60, deadline=None)
@given(data=srt_files(), delta=st.integers(-3_600_000, 3_600_000))
def test_shift_there_and_back_is_the_identity(data: bytes, delta: int) -> None:
    track = loads(data, "srt")
    lowest = min(cue.start for cue in track.cues)
    delta = max(delta, -lowest)  # a shift below 0 is an error (tested above)
    there = shift(track, delta)
    back = shift(there, -delta)
    assert times(back) == times(track)
    assert to_bytes(back) == data


def test_webvtt_only_time_stamps_change(tmp_path: Path) -> None:
    """Header, STYLE, REGION, NOTE blocks, settings, voices, BOM and CRLF come back as read."""
    source = FIXTURES / "retime" / "blocks.vtt"
    out = tmp_path / "out.vtt"
    code, _, err = run(str(source), "--shift", "61.25", "-o", str(out))
    assert code == 0, err
    # Checked by hand: 00:01.000 -> 01:02.250 (the short form is kept), 01:00:00.000 -> 01:01:01.250.
    assert out.read_bytes() == (FIXTURES / "retime" / "blocks.shift-61250.vtt").read_bytes()
    vtt_stamp = re.compile(rb"(?:\d+:)?\d{2}:\d{2}\.\d{3}")
    assert vtt_stamp.sub(b"T", out.read_bytes()) == vtt_stamp.sub(b"T", source.read_bytes())
    track = read(out)
    assert [(cue.identifier, cue.settings) for cue in track.cues] == [
        ("intro", "region:r1 align:right"),
        ("", "line:0"),
        ("3", ""),
    ]
    assert times(track)[0] == (62250, 63750)


@settings(max_examples=60, deadline=None)
@given(data=srt_files(), delta=st.integers(0, 100_000))
def test_after_repair_the_file_is_sorted_without_overlap(data: bytes, delta: int) -> None:
    from captionkit.profiles import load_profile

    profile = load_profile("arabic")
    result = retime(loads(data, "srt"), RetimePlan(shift=delta, repair=profile))
    reread = loads(to_bytes(result.track), "srt").cues
    assert [(c.start, c.end, c.text) for c in reread] == [
        (c.start, c.end, c.text) for c in result.track.cues
    ]
    for before, after in itertools.pairwise(reread):
        assert before.start <= after.start
        assert before.end + profile.min_gap_ms <= after.start


@settings(max_examples=100, deadline=None)
@given(
    moments=st.lists(st.integers(0, 36_000_000), min_size=1, max_size=20),
    rates=st.sampled_from(
        [
            (Fraction(25), FPS_23976),
            (Fraction(30000, 1001), Fraction(25)),
            (Fraction(24), Fraction(60)),
        ]
    ),
)
def test_frame_rate_there_and_back_in_two_runs_is_within_1ms(
    moments: list[int], rates: tuple[Fraction, Fraction]
) -> None:
    track = Track.from_cues([Cue(ms, ms + 1000, "x") for ms in moments])
    there = convert_fps(track, *rates)
    back = convert_fps(there, rates[1], rates[0])
    assert all(
        abs(a.start - b.start) <= 1 and abs(a.end - b.end) <= 1
        for a, b in zip(track.cues, back.cues, strict=True)
    )


def test_cli_scale_anchor_and_snap() -> None:
    source = "1\n00:00:10,000 --> 00:00:11,010\nx\n"
    result = runner.invoke(
        app,
        ["retime", "-", "--scale", "2", "--anchor", "00:00:09,000", "--snap", "25"],
        input=source,
    )
    assert result.exit_code == 0, result.stderr
    # 10 s -> 9 + 2 * 1 = 11 s; 11.010 s -> 9 + 2 * 2.010 = 13.020 s, snapped to 13.040 (frame 326).
    assert "00:00:11,000 --> 00:00:13,040" in result.stdout


@st.composite
def vtt_files(draw: st.DrawFn) -> bytes:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    parts = ["WEBVTT" + draw(st.sampled_from(["", " - عنوان"])) + newline]
    for number in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, 7_200_000))
        end = start + draw(st.integers(0, 10_000))
        identifier = draw(st.sampled_from(["", f"c{number}", "مقطع"]))
        settings_text = draw(st.sampled_from(["", " align:right", " line:0 position:10%"]))
        short = draw(st.booleans()) and end < 3_600_000

        def stamp(ms: int, short: bool = short) -> str:
            clock = f"{ms // 60000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"
            return clock if short else f"{ms // 3600000:02d}:{clock}"

        block = (f"{identifier}{newline}" if identifier else "") + (
            f"{stamp(start)} --> {stamp(end)}{settings_text}{newline}{draw(texts)}{newline}"
        )
        if draw(st.booleans()):
            parts.append(f"NOTE ملاحظة {number}{newline}")
        parts.append(block)
    return newline.join(parts).encode("utf-8")


@settings(max_examples=60, deadline=None)
@given(data=vtt_files(), delta=st.integers(0, 3_000_000))
def test_webvtt_retime_changes_only_stamps(data: bytes, delta: int) -> None:
    track = loads(data, "vtt")
    written = to_bytes(shift(track, delta))
    vtt_stamp = re.compile(rb"(?:\d+:)?\d{2}:\d{2}\.\d{3}")
    assert vtt_stamp.sub(b"T", written) == vtt_stamp.sub(b"T", data)
    again = loads(written, "vtt").cues
    assert [(c.identifier, c.settings, c.text) for c in again] == [
        (c.identifier, c.settings, c.text) for c in track.cues
    ]
    assert times(Track.from_cues(again)) == [(c.start + delta, c.end + delta) for c in track.cues]
    assert to_bytes(shift(shift(track, delta), -delta)) == data
