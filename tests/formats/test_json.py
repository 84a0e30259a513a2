"""The JSON form of a track: the documented schema, and reading it back losslessly."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from captionkit.errors import CaptionkitError, ParseError
from captionkit.formats import dumps, loads, to_bytes
from captionkit.formats.trackjson import parse_json
from captionkit.model import Cue, Header, Note, Region, Section, Style, Track, Unparsed
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "track.schema.json").read_text("utf-8"))

VTT = (
    "WEBVTT header\n\nREGION\nid:r width:50%\n\nSTYLE\n::cue { color: red }\n\n"
    "NOTE a note\n\n1\n00:01.000 --> 00:02.500 region:r align:start\nمرحبا\x00\n\n"
    "00:03.000 --> 00:04.00\nbroken\n\nid\u0000x\n00:05.000 --> 00:06.000\nبكم\n"
)


def corpus_files() -> list[Path]:
    folder = SHARED / "corpus"
    if not folder.is_dir():
        return []
    suffixes = {".srt", ".vtt", ".ass"}
    return sorted(path for path in folder.rglob("*") if path.suffix.lower() in suffixes)[::7]


def test_the_document_follows_the_schema_and_reads_back() -> None:
    track = loads(VTT.encode("utf-8"), "vtt")
    text = dumps(track, "json")
    document = json.loads(text)
    jsonschema.validate(document, SCHEMA)
    assert document["schema"] == "captionkit-track/1"
    cue = document["cues"][0]
    assert (cue["text"], cue["rawText"], cue["settingsText"]) == (
        "مرحبا\ufffd",
        "مرحبا\x00",
        "region:r align:start",
    )
    assert [block["type"] for block in document["blocks"]] == [
        "header",
        "region",
        "style",
        "note",
        "unparsed",
    ]
    again = loads(text.encode("utf-8"))
    assert again == track
    assert again.format == "vtt"
    # written in its own format again, the values are the same
    assert loads(to_bytes(again), "vtt").cues == track.cues  # unparsed blocks are not written


def test_an_editor_changing_text_wins_over_raw_text() -> None:
    track = loads(VTT.encode("utf-8"), "vtt")
    document = json.loads(dumps(track, "json"))
    document["cues"][0]["text"] = "نص جديد"
    document["cues"][0]["start"] = 1200
    edited = parse_json(json.dumps(document))
    assert (edited.cues[0].text, edited.cues[0].start) == ("نص جديد", 1200)
    assert edited.cues[1] == track.cues[1]


@given(
    st.lists(
        st.one_of(
            st.builds(
                Cue.as_read,  # any times a file may hold, backwards ones too
                st.integers(-(10**6), 10**8),
                st.integers(0, 10**8),
                st.text(),
                st.text(),
                st.text(),
            ),
            st.builds(Note, st.text()),
            st.builds(Style, st.text()),
            st.builds(Region, st.text()),
            st.builds(Header, st.text()),
            st.builds(Section, st.text(), st.text()),
            st.builds(Unparsed, st.text(), st.integers(0, 10**5), st.text()),
        ),
        max_size=12,
    ),
    st.sampled_from(["srt", "vtt", "ass", "ttml"]),
)
def test_any_track_reads_back_the_same(blocks: list[object], format: str) -> None:
    track = Track(tuple(blocks), format)  # type: ignore[arg-type]
    text = dumps(track, "json")
    jsonschema.validate(json.loads(text), SCHEMA)
    assert parse_json(text) == track


@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: path.name)
def test_corpus_files_read_back_from_json(path: Path) -> None:
    try:
        track = loads(path.read_bytes(), file=str(path), lenient=True)
    except CaptionkitError:
        pytest.skip("not readable")
    text = dumps(track, "json")
    jsonschema.validate(json.loads(text), SCHEMA)
    again = loads(text.encode("utf-8"))
    assert again == track
    assert again.source.encoding == track.source.encoding


def test_ass_tracks_carry_their_spec_view() -> None:
    ass = (
        "[Script Info]\nScriptType: v4.00+\n\n[Events]\n"
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
        "Dialogue: 0,0:00:01.00,0:00:02.00,Top,,0,0,0,,{\\an8}أ\\Nب\n"
    )
    document = json.loads(dumps(loads(ass.encode("utf-8")), "json"))
    jsonschema.validate(document, SCHEMA)
    view = document["cues"][0]["ass"]
    assert view["alignment"] == 8 and view["lines"] == ["أ", "ب"]
    assert view["fields"]["Style"] == "Top"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2]", "must be an object"),
        ('{"schema": "other/2", "format": "srt", "cues": []}', "schema is 'other/2'"),
        ('{"schema": "captionkit-track/1", "format": "sub", "cues": []}', "format must be"),
        (
            '{"schema": "captionkit-track/1", "format": "srt", "cues": [{"start": "1"}]}',
            "cues[0].start must be an integer",
        ),
        ("{", "not JSON"),
    ],
)
def test_documents_off_the_schema_are_parse_errors(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_json(text)
