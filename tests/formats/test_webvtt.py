"""WebVTT: reading by the spec's block rules, lossless writing, escapes and named errors.

Expected values are worked out by hand from the W3C algorithm (file parsing,
"collect a WebVTT block", "collect a WebVTT timestamp"), not copied from output.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from captionkit.errors import ParseError, UnrepresentableTextError
from captionkit.formats import dumps, loads, parse, to_bytes
from captionkit.formats.webvtt import dumps_vtt, escape_arrows, parse_vtt
from captionkit.model import Cue, Header, Note, Region, Style, Track, Unparsed
from tests.conftest import SHARED

# -- reading -------------------------------------------------------------------------

SAMPLE = (
    "WEBVTT - Arabic sample\n"
    "Kind: captions\n"
    "\n"
    "STYLE\n"
    "::cue { color: yellow }\n"
    "\n"
    "REGION\n"
    "id:side width:40%\n"
    "\n"
    "NOTE a comment\n"
    "over two lines\n"
    "\n"
    "\n"
    "intro\n"
    "00:01.000 --> 00:02.500 align:start region:side\n"
    "<v المعلق>مرحبا\n"
    " بكم \n"
    "\n"
    "00:00:03.000 --> 00:00:04.000\n"
    "a\0b\n"
    "\n"
    "00:05.000 --> 00:06.00\n"
    "lost\n"
    "\n"
    "STYLE\n"
    "::cue { color: red }\n"
)


def test_blocks_kinds_values_and_lines() -> None:
    track = parse_vtt(SAMPLE)
    kinds = [type(block).__name__ for block in track.blocks]
    assert kinds == ["Header", "Style", "Region", "Note", "Cue", "Cue", "Unparsed", "Unparsed"]
    header, style, region, note, first, second, bad_timing, late_style = track.blocks
    assert isinstance(header, Header) and header.text == " - Arabic sample\nKind: captions"
    assert isinstance(style, Style) and style.text == "::cue { color: yellow }"
    assert isinstance(region, Region) and region.settings == "id:side width:40%"
    assert isinstance(note, Note) and note.text == " a comment\nover two lines"
    assert isinstance(first, Cue) and isinstance(second, Cue)
    assert (first.identifier, first.start, first.end) == ("intro", 1000, 2500)
    assert first.settings == "align:start region:side"
    assert first.text == "<v المعلق>مرحبا\n بكم "
    assert first.line_number == 14
    assert (second.identifier, second.start, second.text) == ("", 3000, "a\0b")
    assert isinstance(bad_timing, Unparsed) and bad_timing.line == 22
    assert "00:06.00" in bad_timing.reason
    assert isinstance(late_style, Unparsed) and late_style.line == 25
    assert "after the first cue" in late_style.reason
    assert track.skipped == (bad_timing, late_style)


def test_block_sources_laid_end_to_end_give_the_text_back() -> None:
    track = parse_vtt(SAMPLE)
    raws = [block.source.raw for block in track.blocks if block.source is not None]
    assert len(raws) == len(track.blocks)
    assert "".join(raws) == SAMPLE
    assert dumps_vtt(track) == SAMPLE


def test_cue_source_spans_point_at_the_parts() -> None:
    cue = parse_vtt(SAMPLE).cues[0]
    source = cue.source
    assert source is not None and source.format == "vtt"
    raw = source.raw
    assert raw[slice(*source.identifier_span)] == "intro"
    assert raw[slice(*source.start_span)] == "00:01.000"
    assert raw[slice(*source.end_span)] == "00:02.500"
    assert raw[slice(*source.settings_span)] == "align:start region:side"
    assert raw[slice(*source.text_span)] == "<v المعلق>مرحبا\n بكم "
    assert source.trailer == "\n\n"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends(newline: str) -> None:
    text = SAMPLE.replace("\n", newline)
    track = parse_vtt(text)
    assert [cue.text for cue in track.cues] == ["<v المعلق>مرحبا\n بكم ", "a\0b"]
    assert dumps_vtt(track) == text


def test_mixed_line_ends_are_one() -> None:
    text = "WEBVTT\r\n\r\n1\r00:01.000 --> 00:02.000\nline one\r\nline two\n"
    track = parse_vtt(text)
    assert [(cue.identifier, cue.text) for cue in track.cues] == [("1", "line one\nline two")]
    assert dumps_vtt(track) == text


def test_header_ends_at_a_timing_line() -> None:
    # wpt header-timings: the header block stops before the line holding "-->".
    track = parse_vtt("WEBVTT\n00:00.000 --> 00:01.000\ntext\n")
    assert [type(block).__name__ for block in track.blocks] == ["Header", "Cue"]
    assert track.cues[0].text == "text"


def test_arrow_line_ends_a_cue_without_a_blank_line() -> None:
    track = parse_vtt("WEBVTT\n\n00:01.000 --> 00:02.000\none\n00:02.000 --> 00:03.000\ntwo")
    assert [(cue.start, cue.text) for cue in track.cues] == [(1000, "one"), (2000, "two")]


def test_timestamp_rules() -> None:
    text = (
        "WEBVTT\n\n"
        "100:00:00.000 --> 100:00:01.000\nlong\n\n"
        "60:00.000 --> 61:00.000\nsixty minutes without hours\n\n"
        "00:00:60.000 --> 00:01:00.000\nsixty seconds\n\n"
        "00:00.0000 --> 00:01.000\nfour digits\n\n"
        "0:00:01.000 --> 0:00:02.000\none-digit hours\n"
    )
    track = parse_vtt(text)
    assert [(cue.start, cue.text) for cue in track.cues] == [
        (360000000, "long"),
        (1000, "one-digit hours"),
    ]
    assert len(track.skipped) == 3


def test_bom_left_in_the_text_is_kept_and_one_only() -> None:
    track = parse_vtt("\ufeffWEBVTT\n\n00:01.000 --> 00:02.000\nx\n")
    assert len(track.cues) == 1
    assert dumps_vtt(track).startswith("\ufeffWEBVTT")
    with pytest.raises(ParseError) as caught:
        parse_vtt("\ufeff\ufeffWEBVTT\n", file="two.vtt")
    assert (caught.value.file, caught.value.line) == ("two.vtt", 1)


def test_bom_decoded_from_bytes_counts_as_the_one() -> None:
    data = b"\xef\xbb\xbfWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nx\r\n"
    track = loads(data, file="bom.vtt")
    assert to_bytes(track) == data
    with pytest.raises(ParseError):
        loads(b"\xef\xbb\xbf" + data, file="two.vtt")


@pytest.mark.parametrize(
    "text", ["", "WEBVT", "WEBVTTX\n", "webvtt\n", "WEBVTT\f\n", "WEBVTT\u00a0x\n"]
)
def test_bad_signatures_raise_on_line_1(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_vtt(text, file="bad.vtt")
    assert caught.value.line == 1 and caught.value.file == "bad.vtt"


@pytest.mark.parametrize("text", ["WEBVTT", "WEBVTT ", "WEBVTT\t", "WEBVTT\n", "WEBVTT\r"])
def test_good_signatures_without_cues(text: str) -> None:
    track = parse_vtt(text)
    assert track.cues == () and dumps_vtt(track) == text


def test_lenient_changes_nothing() -> None:
    assert parse_vtt(SAMPLE, lenient=True) == parse_vtt(SAMPLE)


# -- writing what changed --------------------------------------------------------------


def test_retime_rewrites_only_the_stamps_in_their_style() -> None:
    track = parse_vtt(SAMPLE)
    moved = track.with_cues([cue.with_times(cue.start + 500, cue.end + 500) for cue in track.cues])
    expected = SAMPLE.replace("00:01.000 --> 00:02.500", "00:01.500 --> 00:03.000").replace(
        "00:00:03.000 --> 00:00:04.000", "00:00:03.500 --> 00:00:04.500"
    )
    assert dumps_vtt(moved) == expected


def test_retime_past_an_hour_adds_hours_and_keeps_hour_width() -> None:
    text = "WEBVTT\n\n59:59.000 --> 59:59.500\na\n\n000:00:01.000 --> 000:00:02.000\nb\n"
    track = parse_vtt(text)
    shifted = track.with_cues([cue.with_times(cue.start + 1000, cue.end + 1000) for cue in track])
    assert dumps_vtt(shifted) == (
        "WEBVTT\n\n01:00:00.000 --> 01:00:00.500\na\n\n000:00:02.000 --> 000:00:03.000\nb\n"
    )


def test_text_identifier_and_settings_changes_are_patched() -> None:
    text = "WEBVTT\r\n\r\nold id\r\n00:01.000 --> 00:02.000  line:0\r\nold text\r\n\r\n"
    cue = parse_vtt(text).cues[0]
    track = parse_vtt(text)
    changed = Cue(cue.start, cue.end, "new\nتعديل", "new id", "align:end", cue.source)
    assert dumps_vtt(track.with_cues([changed])) == (
        "WEBVTT\r\n\r\nnew id\r\n00:01.000 --> 00:02.000  align:end\r\nnew\r\nتعديل\r\n\r\n"
    )
    no_id = Cue(cue.start, cue.end, cue.text, "", cue.settings, cue.source)
    assert dumps_vtt(track.with_cues([no_id])) == (
        "WEBVTT\r\n\r\n00:01.000 --> 00:02.000  line:0\r\nold text\r\n\r\n"
    )


def test_text_added_to_an_empty_cue_and_settings_to_a_bare_timing_line() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:03.000 --> 00:04.000"
    track = parse_vtt(text)
    first, second = track.cues
    assert first.text == "" and second.text == ""
    track = track.with_cues(
        [
            first.with_text("filled"),
            Cue(second.start, second.end, "end", "", "size:50%", second.source),
        ]
    )
    written = dumps_vtt(track)
    assert written == (
        "WEBVTT\n\n00:01.000 --> 00:02.000\nfilled\n\n00:03.000 --> 00:04.000 size:50%\nend"
    )
    assert [cue.text for cue in parse_vtt(written).cues] == ["filled", "end"]


def test_text_added_to_a_last_cue_without_a_line_end() -> None:
    track = parse_vtt("WEBVTT\n\n00:01.000 --> 00:02.000 align:start")
    written = dumps_vtt(track.with_cues([track.cues[0].with_text("new")]))
    assert written == "WEBVTT\n\n00:01.000 --> 00:02.000 align:start\nnew"


def test_fresh_cue_after_a_file_without_a_final_line_end() -> None:
    track = parse_vtt("WEBVTT\n\n00:01.000 --> 00:02.000\nlast")
    grown = track.with_blocks([*track.blocks, Cue(3000, 4000, "new", "id2")])
    written = dumps_vtt(grown)
    assert (
        written
        == "WEBVTT\n\n00:01.000 --> 00:02.000\nlast\n\nid2\n00:00:03.000 --> 00:00:04.000\nnew\n\n"
    )
    assert [cue.text for cue in parse_vtt(written).cues] == ["last", "new"]


def test_srt_converts_to_fresh_vtt() -> None:
    srt = parse("1\r\n00:00:01,500 --> 00:00:02,000 X1:10 X2:20 Y1:5 Y2:6\r\nسطر\r\n\r\n", "srt")
    assert dumps(srt, "vtt") == ("WEBVTT\r\n\r\n1\r\n00:00:01.500 --> 00:00:02.000\r\nسطر\r\n\r\n")


def test_fresh_blocks_of_every_kind() -> None:
    track = Track(
        (
            Header("Kind: captions"),
            Style("::cue { color: lime }"),
            Region("id:r1 lines:2"),
            Note("written fresh"),
            Cue(0, 1000, "hi", "a", "region:r1"),
        ),
        format="vtt",
    )
    written = dumps_vtt(track)
    assert written == (
        "WEBVTT Kind: captions\n\nSTYLE\n::cue { color: lime }\n\nREGION\nid:r1 lines:2\n\n"
        "NOTE written fresh\n\na\n00:00:00.000 --> 00:00:01.000 region:r1\nhi\n\n"
    )
    again = parse_vtt(written)
    assert [type(block).__name__ for block in again.blocks] == [
        "Header",
        "Style",
        "Region",
        "Note",
        "Cue",
    ]
    assert again.cues == track.cues


# -- what WebVTT cannot carry -----------------------------------------------------------


def test_arrow_in_text_is_escaped_and_reads_back_escaped() -> None:
    track = Track.from_cues([Cue(0, 1000, "a --> b\n-->")], format="vtt")
    written = dumps_vtt(track)
    assert "a --&gt; b\n--&gt;\n" in written
    assert parse_vtt(written).cues[0].text == "a --&gt; b\n--&gt;"


@pytest.mark.parametrize("text", ["one\n\ntwo", "trailing blank\n", "\nleading blank", "cr\rhere"])
def test_blank_lines_in_text_are_a_named_error(text: str) -> None:
    track = Track.from_cues([Cue(0, 1000, "fine"), Cue(1000, 2000, text, "second")], format="vtt")
    with pytest.raises(UnrepresentableTextError, match=r"cue 2 \('second'\)"):
        dumps_vtt(track)


@pytest.mark.parametrize("identifier", ["a --> b", "two\nlines", "cr\r"])
def test_bad_identifiers_are_a_named_error(identifier: str) -> None:
    track = Track.from_cues([Cue(0, 1000, "x", identifier)], format="vtt")
    with pytest.raises(UnrepresentableTextError, match="cue 1"):
        dumps_vtt(track)


def test_negative_times_are_a_named_error() -> None:
    with pytest.raises(UnrepresentableTextError, match="negative"):
        dumps_vtt(Track.from_cues([Cue(-5, 1000, "x")], format="vtt"))


def test_changed_text_of_a_read_cue_is_checked_too() -> None:
    track = parse_vtt("WEBVTT\n\n00:01.000 --> 00:02.000\nx\n")
    with pytest.raises(UnrepresentableTextError):
        dumps_vtt(track.with_cues([track.cues[0].with_text("a\n\nb")]))


@pytest.mark.parametrize(
    "text", ["123", "1\n2\n3", "  leading", "trailing  ", " ", "00:00:01,000", "NOTE not a note"]
)
def test_hard_but_representable_texts_round_trip(text: str) -> None:
    track = Track((Header(), Cue(0, 1000, text)), format="vtt")
    assert parse_vtt(dumps_vtt(track)) == track


# -- lossless over the corpus -------------------------------------------------------------

#: Corpus files that do not read, with the reason (each is a bad signature, as a player sees it).
REFUSED = {
    "peer-fixtures/inline-extracted/pycaption/pycaption_fixtures_webvtt__sample_webvtt_bad_case_header.vtt": "lower-case 'webvtt' signature",
    "peer-fixtures/inline-extracted/pycaption/pycaption_fixtures_webvtt__sample_webvtt_no_header.vtt": "no WEBVTT line at all",
    "peer-fixtures/webvtt-py/empty.vtt": "empty file",
    "peer-fixtures/webvtt-py/invalid.vtt": "starts with a timing line, no signature",
}


def _corpus_files() -> list[Path]:
    corpus = SHARED / "corpus"
    if not corpus.exists():
        return []
    return sorted(
        path for path in corpus.rglob("*") if path.suffix in (".vtt", ".webvtt") and path.is_file()
    )


def test_corpus_is_there() -> None:
    if not (SHARED / "corpus").exists():
        pytest.skip("../shared is absent")
    assert len(_corpus_files()) >= 100


@pytest.mark.parametrize(
    "path", _corpus_files(), ids=lambda path: str(path.relative_to(SHARED / "corpus"))
)
def test_corpus_file_is_written_back_byte_for_byte(path: Path) -> None:
    name = str(path.relative_to(SHARED / "corpus"))
    data = path.read_bytes()
    if name in REFUSED:
        with pytest.raises(ParseError) as caught:
            loads(data, file=name)
        assert caught.value.line == 1
        return
    track = loads(data, file=name)
    assert track.format == "vtt"
    assert to_bytes(track) == data


# -- round trip -------------------------------------------------------------------------

ARABIC = "".join(chr(code) for code in range(0x0621, 0x064B))
HARAKAT = "".join(chr(code) for code in range(0x064B, 0x0653))
BIDI = "\u200f\u202b\u202c\u2067\u2068\u2069"
LATIN = "abcXYZ éç"
OTHER = "0123456789 .,!?؟،-:<>&\t\0"
TAGS = ["<i>", "</i>", "<b>", "</b>", "<c.yellow>", "</c>", "<v المعلق>", "</v>", "<00:00:01.000>"]

_piece = st.one_of(
    st.text(alphabet=ARABIC + HARAKAT + BIDI + LATIN + OTHER, min_size=1, max_size=12),
    st.sampled_from(TAGS),
)
#: A text line: never empty (WebVTT has no blank line in a cue).
line_text = st.lists(_piece, min_size=1, max_size=5).map("".join)
cue_text = st.one_of(st.just(""), st.lists(line_text, min_size=1, max_size=4).map("\n".join))
identifier = st.one_of(
    st.just(""),
    st.integers(1, 100000).map(str),
    st.text(alphabet=ARABIC + LATIN + BIDI + "0123456789 -_>", min_size=1, max_size=15),
).filter(lambda value: "-->" not in value)
setting_token = st.sampled_from(
    [
        "align:start",
        "align:end",
        "line:0",
        "line:-1",
        "line:10%,end",
        "position:30%,line-left",
        "size:50%",
        "vertical:rl",
        "region:r1",
        "garbage",
        "x:y:z",
    ]
)
settings_text = st.lists(setting_token, max_size=4).map(" ".join)
times = st.tuples(st.integers(0, 10**10), st.integers(0, 10**6)).map(
    lambda pair: (pair[0], pair[0] + pair[1])
)


@st.composite
def cues(draw: st.DrawFn, text: st.SearchStrategy[str] = cue_text) -> Cue:
    start, end = draw(times)
    return Cue(start, end, draw(text), draw(identifier), draw(settings_text))


@st.composite
def vtt_tracks(draw: st.DrawFn, text: st.SearchStrategy[str] = cue_text) -> Track:
    header = Header(draw(st.sampled_from(["", " - تجربة", "\nKind: captions\nLanguage: ar"])))
    blocks: list[Header | Style | Region | Note | Cue] = [header]
    if draw(st.booleans()):
        blocks.append(Style("::cue { color: yellow }\n::cue(b) { color: red }"))
    if draw(st.booleans()):
        blocks.append(Region("id:r1 width:40% lines:2\nscroll:up"))
    body: list[Note | Cue] = draw(st.lists(cues(text), max_size=8))
    if body and bool(draw(st.booleans())):  # bool(): mypy types `and` right from its left
        body.insert(draw(st.integers(0, len(body))), Note(" ملاحظة\nsecond line"))
    return Track((*blocks, *body), format="vtt")


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(vtt_tracks().filter(lambda track: all("-->" not in cue.text for cue in track.cues)))
def test_read_write_round_trip(track: Track) -> None:
    assert parse_vtt(dumps_vtt(track)) == track


@FAST
@given(vtt_tracks(), st.sampled_from(["\n", "\r\n", "\r"]))
def test_round_trip_with_arrows_gives_the_escaped_text(track: Track, newline: str) -> None:
    escaped = track.with_cues([cue.with_text(escape_arrows(cue.text)) for cue in track.cues])
    written = dumps_vtt(track, newline=newline)
    assert parse_vtt(written) == escaped
    # and reading what was read and written again changes nothing
    assert dumps_vtt(parse_vtt(written)) == written


@FAST
@given(vtt_tracks())
def test_read_track_written_again_is_the_same_text(track: Track) -> None:
    written = dumps_vtt(track)
    assert dumps_vtt(parse_vtt(written)) == written


hard_line = st.one_of(
    line_text,
    st.just(""),
    st.just("-->"),
    st.just("00:00:01.000 --> 00:00:02.000"),
    st.integers(0, 999).map(str),
    st.just("  spaced  "),
)


@FAST
@given(st.lists(hard_line, min_size=1, max_size=4).map("\n".join))
def test_hard_texts_escape_or_raise_the_named_error(text: str) -> None:
    track = Track((Header(), Cue(0, 1000, text, "hard")), format="vtt")
    if text and "" in text.split("\n"):  # "" alone is a cue without text: fine
        with pytest.raises(UnrepresentableTextError, match=r"cue 1 \('hard'\).*blank line"):
            dumps_vtt(track)
        return
    again = parse_vtt(dumps_vtt(track))
    assert again.cues[0].text == escape_arrows(text)
    assert again.cues[0].identifier == "hard"


# -- the fast path and the spec's block collection agree ------------------------------------

_messy_line = st.sampled_from(
    [
        "00:01.000 --> 00:02.000",
        "00:00:01.000 -->00:00:02.000 align:start",
        "  00:01.000\t-->  00:02.000  ",
        "00:60.000 --> 00:61.000",
        "intro",
        "NOTE x",
        "STYLE",
        "REGION",
        "id:r",
        "a --> b",
        "text",
        "",
        "",
    ]
)


def _blocks_with_sources(track: Track) -> list[tuple[object, object]]:
    return [(block, block.source) for block in track.blocks]


@FAST
@given(
    st.one_of(
        vtt_tracks().map(dumps_vtt),
        st.lists(_messy_line, max_size=14).map(lambda lines: "WEBVTT\n\n" + "\n".join(lines)),
    ),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_fast_path_agrees_with_the_block_collection(text: str, newline: str) -> None:
    import captionkit.formats.webvtt as webvtt_module

    text = text.replace("\n", newline)
    fast = parse_vtt(text)
    original = webvtt_module._fast_cues
    try:
        webvtt_module._fast_cues = lambda text, position, *_: position  # type: ignore[assignment]
        slow = parse_vtt(text)
    finally:
        webvtt_module._fast_cues = original
    assert _blocks_with_sources(fast) == _blocks_with_sources(slow)
    assert dumps_vtt(fast) == text


@FAST
@given(
    vtt_tracks().filter(lambda track: all("-->" not in cue.text for cue in track.cues)),
    st.sampled_from(["\n", "\r\n"]),
    st.data(),
)
def test_edited_cues_of_a_read_file_read_back_as_edited(
    track: Track, newline: str, data: st.DataObject
) -> None:
    """Patching (re-time, new text, new or no identifier, new settings) keeps the file readable."""
    read = parse_vtt(dumps_vtt(track, newline=newline))
    edited = []
    for cue in read.cues:
        change = data.draw(st.sampled_from(["none", "times", "text", "identifier", "settings"]))
        if change == "times":
            start, end = data.draw(times)
            cue = cue.with_times(start, end)
        elif change == "text":
            cue = cue.with_text(data.draw(cue_text.filter(lambda text: "-->" not in text)))
        elif change == "identifier":
            cue = Cue(cue.start, cue.end, cue.text, data.draw(identifier), cue.settings, cue.source)
        elif change == "settings":
            cue = Cue(
                cue.start, cue.end, cue.text, cue.identifier, data.draw(settings_text), cue.source
            )
        edited.append(cue)
    changed = read.with_cues(edited)
    written = dumps_vtt(changed)
    assert parse_vtt(written) == changed
    unchanged_raws = [
        cue.source.raw
        for cue, before in zip(edited, read.cues, strict=True)
        if cue == before and cue.source is not None
    ]
    for raw in unchanged_raws:
        assert raw in written
