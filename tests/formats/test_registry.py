"""The format registry: names, extensions, detection, and its errors."""

from __future__ import annotations

import pytest

from captionkit.errors import CaptionkitError, ParseError, UsageError
from captionkit.formats import detect_format, dumps, format_from_path, format_spec, formats, loads
from captionkit.formats.spec import parse_cue_settings, parse_region
from captionkit.model import FORMATS, Cue, Track


def test_every_format_is_registered_once() -> None:
    assert [spec.name for spec in formats()] == list(FORMATS)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.srt", "srt"),
        ("a.VTT", "vtt"),
        ("a.webvtt", "vtt"),
        ("a.ass", "ass"),
        ("a.ssa", "ass"),
        ("a.ttml", "ttml"),
        ("a.dfxp", "ttml"),
        ("a.xml", "ttml"),
        ("a.json", "json"),
        ("a.sub", None),
    ],
)
def test_extensions(name: str, expected: str | None) -> None:
    assert format_from_path(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WEBVTT\n\n00:01.000 --> 00:02.000\na\n", "vtt"),
        ("1\n00:00:01,000 --> 00:00:02,000\na\n", "srt"),
        ("\n[Script Info]\nScriptType: v4.00+\n", "ass"),
        ('<?xml version="1.0"?>\n<tt xmlns="http://www.w3.org/ns/ttml"><body/></tt>', "ttml"),
        ('{"schema": "captionkit-track/1", "format": "srt", "cues": []}', "json"),
    ],
)
def test_detection_by_content(text: str, expected: str) -> None:
    assert detect_format(text) == expected


def test_cannot_tell_names_the_formats_and_no_option() -> None:
    with pytest.raises(ParseError) as caught:
        detect_format("just some words\n", "notes.txt")
    message = str(caught.value)
    assert "--from" not in message
    for name in ("srt", "vtt", "ass", "ttml", "json"):
        assert name in message


def test_unknown_format_names_are_errors_not_webvtt() -> None:
    track = Track.from_cues([Cue(0, 1000, "a")])
    with pytest.raises(UsageError, match="unknown subtitle format 'sub'"):
        dumps(track, "sub")
    with pytest.raises(CaptionkitError):
        format_spec("")
    assert format_spec("SSA").name == "ass"


def test_writer_options_belong_to_their_format() -> None:
    from captionkit.formats.ass import AssStyle

    with pytest.raises(UsageError):
        dumps(Track.from_cues([Cue(0, 1000, "a")]), "srt", options=AssStyle())


def test_json_is_always_utf8() -> None:
    track = loads("1\n00:00:01,000 --> 00:00:02,000\nمرحبا\n".encode("cp1256"), "srt")
    assert track.source.encoding == "cp1256"
    from captionkit.formats import to_bytes

    data = to_bytes(track, "json")
    assert "مرحبا".encode() in data
    assert loads(data).source.encoding == "cp1256"  # the original's, for writing it back


def test_vertical_bogus_after_vertical_leaves_no_region() -> None:
    """Cue settings, "vertical" step 3 runs for every vertical token (WebVTT spec)."""
    fred = parse_region("id:fred")
    settings = parse_cue_settings("vertical:rl region:fred vertical:bogus", (fred,))
    assert settings.vertical == "rl" and settings.region is None
    # a bogus vertical on a horizontal cue leaves its region
    settings = parse_cue_settings("region:fred vertical:bogus", (fred,))
    assert settings.vertical == "" and settings.region is fred
