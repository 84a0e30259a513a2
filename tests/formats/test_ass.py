"""ASS/SSA: lossless reading and writing, re-timing, the spec view, a round trip."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pysubs2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from captionkit.formats import dumps, loads, to_bytes
from captionkit.formats.ass import (
    AssStyle,
    ass_events,
    format_ass_time,
    overrides,
    parse_ass,
    parse_ass_time,
    plain_text,
    visible_lines,
)
from captionkit.model import Cue, Section, Track, Unparsed
from tests.conftest import SHARED

PEERS = SHARED / "corpus" / "peer-fixtures"


def ass_files() -> list[Path]:
    folders = [PEERS / "pysubs2", PEERS / "inline-extracted" / "pysubs2-ass"]
    return sorted(path for folder in folders if folder.is_dir() for path in folder.glob("*.ass"))


def test_the_ass_corpus_is_there() -> None:
    if not PEERS.is_dir():
        pytest.skip(f"{PEERS} is absent")
    assert len(ass_files()) == 17


@pytest.mark.parametrize("path", ass_files(), ids=lambda path: path.name)
def test_written_back_byte_for_byte(path: Path) -> None:
    data = path.read_bytes()
    track = loads(data, file=str(path))
    assert track.format == "ass"
    assert not track.skipped
    assert to_bytes(track) == data


def _negative_hours(stamp: str) -> bool:
    return stamp.startswith("-")


@pytest.mark.parametrize("path", ass_files(), ids=lambda path: path.name)
def test_events_agree_with_pysubs2(path: Path) -> None:
    """Times and text as pysubs2 reads them; a negative hour is read as libass reads it."""
    text = path.read_text("utf-8")
    track = loads(text.encode("utf-8"))
    peer = pysubs2.SSAFile.from_string(text)
    expected = []
    stamps = re.findall(r"^Dialogue:[^,]*,([^,]*),([^,]*),", text, re.MULTILINE)
    for event, (start_stamp, _) in zip(
        (event for event in peer.events if not event.is_comment), stamps, strict=True
    ):
        start = event.start
        if _negative_hours(start_stamp):
            # libass reads "-1:59:54.93" as (-1 h + 59 min + 54.93 s) = -5.07 s
            # (sscanf "%d:%d:%d.%d"); pysubs2 negates the whole time.
            assert start_stamp == "-1:59:54.93" and start == -(7194930)
            start = -3600000 + 59 * 60000 + 54930
        expected.append((start, event.end, event.text.replace("\\N", "\n")))
    assert [(cue.start, cue.end, cue.text) for cue in track.cues] == expected


def _without_times(line: str) -> str:
    return re.sub(r"^(Dialogue:[^,]*),[^,]*,[^,]*,", r"\1,T,T,", line)


@pytest.mark.parametrize("path", ass_files(), ids=lambda path: path.name)
def test_retime_changes_only_time_fields(path: Path) -> None:
    data = path.read_bytes()
    track = loads(data)
    shifted = track.with_cues([cue.with_times(cue.start + 1500, cue.end + 1500) for cue in track])
    before = data.decode("utf-8").splitlines(keepends=True)
    after = to_bytes(shifted).decode("utf-8").splitlines(keepends=True)
    assert len(before) == len(after)
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    diff = list(difflib.unified_diff(before, after, n=0))
    assert sum(1 for line in diff if line.startswith("+") and not line.startswith("+++")) == len(
        changed
    )
    assert len(changed) == len(track.cues)  # every Dialogue line, nothing else
    reread = pysubs2.SSAFile.from_string("".join(after))
    original = pysubs2.SSAFile.from_string("".join(before))
    for old, new in changed:
        assert _without_times(old) == _without_times(new)
    for old_event, new_event in zip(original.events, reread.events, strict=True):
        if old_event.is_comment:
            assert (old_event.start, old_event.end) == (new_event.start, new_event.end)
        elif old_event.start >= 0:
            assert new_event.start == old_event.start + 1500
            assert new_event.end == old_event.end + 1500


def test_retime_keeps_the_hour_width_and_rounds_to_centiseconds() -> None:
    text = (
        "[Script Info]\nScriptType: v4.00+\n\n[Events]\n"
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
        "Dialogue: 1,0:0:0.04,00:0:4.00,Default,,0000,0000,0000,,a\n"
    )
    track = parse_ass(text)
    moved = track.with_cues([track.cues[0].with_times(1234, 5678)])
    assert dumps(moved).splitlines()[-1] == (
        "Dialogue: 1,0:00:01.23,00:00:05.68,Default,,0000,0000,0000,,a"
    )


SAMPLE = (
    "[Script Info]\r\nScriptType: v4.00+\r\nWrapStyle: 0\r\n\r\n[V4+ Styles]\r\n"
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
    "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
    "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\r\n"
    "Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,"
    "100,100,0,0,1,2,2,2,10,10,10,1\r\n\r\n[Events]\r\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\r\n"
    "Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,{\\an8\\pos(320,50)}قال:\\hمرحبا\\Nبكم\r\n"
    "Comment: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,ملاحظة\r\n"
    "Dialogue: 2,0:00:03.00,0:00:04.00,Top,Ali,10,20,30,fx,{\\k20}مر{\\kf30}حبا\r\n"
    "Dialogue: 0,0:00:05.00\r\n"
    "\r\n[Fonts]\r\nfontname: a.ttf\r\n!!!!\r\n"
)


def test_sections_comments_and_broken_events_are_kept() -> None:
    track = loads(SAMPLE.encode("utf-8-sig"))
    assert track.source.newline == "\r\n"
    names = [block.name for block in track.blocks if isinstance(block, Section)]
    assert names == ["Script Info", "V4+ Styles", "Events", "Events", "Events", "Fonts"]
    comment = [block for block in track.blocks if isinstance(block, Section)][3]
    assert comment.text.startswith("Comment: 0,")
    (broken,) = track.skipped
    assert isinstance(broken, Unparsed) and broken.line == 14
    assert "2 of its 10 fields" in broken.reason
    assert to_bytes(track) == SAMPLE.encode("utf-8-sig")


def test_the_spec_view_by_hand() -> None:
    track = loads(SAMPLE.encode("utf-8"))
    first, second = ass_events(track)
    assert first.alignment == 8 and first.position == (320.0, 50.0)
    assert first.lines == ("قال:\u00a0مرحبا", "بكم")
    assert first.field("Style") == "Default" and first.field("layer") == "0"
    assert second.karaoke == (20, 30) and second.alignment is None
    assert (second.field("Name"), second.field("MarginV"), second.field("Effect")) == (
        "Ali",
        "30",
        "fx",
    )
    assert second.lines == ("مرحبا",)


def test_helpers() -> None:
    assert overrides("{\\fnArial\\fs20\\fscx50\\1c&H0000FF&}x") == (
        ("fn", "Arial"),
        ("fs", "20"),
        ("fscx", "50"),
        ("1c", "&H0000FF&"),
    )
    assert plain_text("a\\nb", wrap_style=2) == "a\nb" and plain_text("a\\nb") == "a b"
    assert visible_lines("{\\i1}x{\\i0}\ny") == ("x", "y")
    assert parse_ass_time("1:02:03.5") == 3723500
    assert format_ass_time(-5070) == "-1:59:54.93"
    assert parse_ass_time(format_ass_time(-5070)) == -5070


def test_changed_text_and_settings_rewrite_only_their_fields() -> None:
    track = loads(SAMPLE.encode("utf-8"))
    first, second = track.cues
    edited = track.with_cues([first.with_text("جديد\nسطر"), Cue(second.start, second.end, second.text, "", "3,Top,Ali,10,20,30,", second.source)])  # fmt: skip
    lines = to_bytes(edited).decode("utf-8").split("\r\n")
    assert lines[10] == "Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,جديد\\Nسطر"
    assert lines[12] == "Dialogue: 3,0:00:03.00,0:00:04.00,Top,Ali,10,20,30,,{\\k20}مر{\\kf30}حبا"


def test_a_track_made_elsewhere_gets_a_header_with_its_style() -> None:
    track = Track.from_cues(
        [Cue(1000, 2500, "مرحبا\nبكم"), Cue(3000, 4000, "<i>سلام</i>")], format="srt"
    )
    text = dumps(track, "ass", options=AssStyle(font="Noto Naskh Arabic", size=48, alignment=8))
    peer = pysubs2.SSAFile.from_string(text)
    style = peer.styles["Default"]
    assert (style.fontname, style.fontsize, style.alignment, style.encoding) == (
        "Noto Naskh Arabic",
        48,
        8,
        1,
    )
    assert [(event.start, event.end, event.text) for event in peer.events] == [
        (1000, 2500, "مرحبا\\Nبكم"),
        (3000, 4000, "{\\i1}سلام{\\i0}"),
    ]


ARABIC = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ،؟.!0123")), min_size=1, max_size=12)  # fmt: skip
OVERRIDE = st.sampled_from(["{\\an8}", "{\\pos(320,50)}", "{\\k20}", "{\\i1}", "{\\b1\\fs30}", "\\h", ""])  # fmt: skip


@st.composite
def ass_cue_text(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.tuples(OVERRIDE, ARABIC, OVERRIDE), min_size=1, max_size=3))
    return "\n".join(a + b + c for a, b, c in lines)


@given(
    st.lists(
        st.tuples(st.integers(0, 10**7), st.integers(0, 10**6), ass_cue_text()),
        min_size=1,
        max_size=8,
    )
)
def test_round_trip_with_arabic_overrides_and_line_breaks(
    cues: list[tuple[int, int, str]],
) -> None:
    track = Track.from_cues(
        [Cue(start * 10, (start + length) * 10, text) for start, length, text in cues],
        format="ass",
    )
    text = dumps(track)
    again = parse_ass(text)
    assert [(cue.start, cue.end, cue.text) for cue in again.cues] == [
        (cue.start, cue.end, cue.text) for cue in track.cues
    ]
    assert {cue.settings for cue in again.cues} == {"0,Default,,0,0,0,"}
    assert dumps(again) == text
    assert parse_ass(text) == again
    # and through pysubs2, an independent reader (which strips the ends of lines)
    peer = pysubs2.SSAFile.from_string(text)
    assert [(e.start, e.end, e.text) for e in peer.events] == [
        (cue.start, cue.end, cue.text.replace("\n", "\\N").rstrip()) for cue in track.cues
    ]
    # edited after reading: the text field is all that changes
    edited = again.with_cues([cue.with_text(cue.text + "\nو") for cue in again.cues])
    assert [cue.text for cue in parse_ass(dumps(edited)).cues] == [
        cue.text + "\nو" for cue in track.cues
    ]


def _blocks_and_sources(track: Track) -> list[tuple[object, object]]:
    return [(block, block.source) for block in track.blocks]


STAMP = st.builds(
    lambda h, m, s, c, style: style.format(h=h, m=m, s=s, c=c),
    st.integers(0, 12),
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(0, 99),
    st.sampled_from(
        ["{h}:{m:02d}:{s:02d}.{c:02d}", "{h:02d}:{m}:{s}.{c}", " {h}:{m:02d}:{s:02d}.{c:02d}", "x"]
    ),
)
FIELD = st.text(alphabet=st.sampled_from(list("aب0 ,\t")), max_size=4)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Dialogue: ", "Dialogue:", "Dialogue:  ", "Comment: ", ""]),
            FIELD,
            STAMP,
            STAMP,
            st.lists(FIELD, min_size=5, max_size=8),
            st.text(alphabet=st.sampled_from(list("مرحبا{}\\N ,")), max_size=10),
            st.sampled_from(["\n", "\r\n", "\r"]),
        ),
        max_size=8,
    )
)
def test_the_fast_reading_is_the_general_one(
    lines: list[tuple[str, str, str, str, list[str], str, str]],
) -> None:
    """Ordinary Dialogue lines are read in one pattern pass; the line-by-line reading agrees."""
    import captionkit.formats.ass as ass_module

    text = "[Script Info]\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"  # fmt: skip
    text += "".join(
        f"{head}{layer},{start},{end},{','.join(middle)},{body}{end_of_line}"
        for head, layer, start, end, middle, body, end_of_line in lines
    )
    fast = parse_ass(text)
    original = ass_module._fast_pattern
    ass_module._fast_pattern = lambda layout: None  # type: ignore[assignment]
    try:
        general = parse_ass(text)
    finally:
        ass_module._fast_pattern = original
    assert _blocks_and_sources(fast) == _blocks_and_sources(general)
    assert dumps(fast) == text
