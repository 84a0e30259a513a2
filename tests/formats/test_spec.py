"""The spec view: VTTCue settings with their defaults, regions resolved, the JSON of a track.

Expected values follow the W3C text of "parse the WebVTT cue settings" and
"collect WebVTT region settings", worked out by hand.
"""

from __future__ import annotations

import json

import pytest

from captionkit.formats import loads, parse
from captionkit.formats.spec import (
    CueSettings,
    SpecRegion,
    parse_cue_settings,
    parse_percentage,
    parse_region,
    spec_cues,
    track_json,
)
from captionkit.model import Cue, Region, Track

DEFAULTS = {
    "vertical": "",
    "line": "auto",
    "snapToLines": True,
    "lineAlign": "start",
    "position": "auto",
    "positionAlign": "auto",
    "size": 100.0,
    "align": "center",
}


def test_no_settings_are_the_vttcue_defaults() -> None:
    assert parse_cue_settings("").to_json() == DEFAULTS
    assert parse_cue_settings("bogus nothing:here :x y:").to_json() == DEFAULTS


@pytest.mark.parametrize(
    ("settings", "changed"),
    [
        ("vertical:rl", {"vertical": "rl"}),
        ("vertical:lr", {"vertical": "lr"}),
        ("vertical:RL", {}),
        ("line:0", {"line": 0.0}),
        ("line:-2", {"line": -2.0}),
        ("line:1.5", {"line": 1.5}),
        ("line:50%", {"line": 50.0, "snapToLines": False}),
        ("line:50%,center", {"line": 50.0, "snapToLines": False, "lineAlign": "center"}),
        ("line:3,end", {"line": 3.0, "lineAlign": "end"}),
        ("line:3,middle", {}),
        ("line:101%", {}),
        ("line:.5", {}),
        ("line:1e2", {}),
        ("position:10%", {"position": 10.0}),
        ("position:10%,line-right", {"position": 10.0, "positionAlign": "line-right"}),
        ("position:10%,start", {}),
        ("position:10", {}),
        ("size:40%", {"size": 40.0}),
        ("size:140%", {}),
        ("align:start", {"align": "start"}),
        ("align:left", {"align": "left"}),
        ("align:middle", {}),
        ("align:start\talign:end", {"align": "end"}),
        ("align:start\u00a0size:40%", {}),
    ],
)
def test_each_setting(settings: str, changed: dict[str, object]) -> None:
    assert parse_cue_settings(settings).to_json() == {**DEFAULTS, **changed}


def test_negative_zero_line_is_zero() -> None:
    line = parse_cue_settings("line:-0").line
    assert line == 0 and str(line) == "0.0"


def test_percentages() -> None:
    assert parse_percentage("0%") == 0.0
    assert parse_percentage("100%") == 100.0
    assert parse_percentage("12.5%") == 12.5
    for bad in ("100.1%", "-1%", "5", "5.%", "%", "٥%", " 5%"):
        assert parse_percentage(bad) is None, bad


def test_region_defaults_and_settings() -> None:
    region = parse_region("")
    assert region.to_json() == {
        "id": "",
        "width": 100.0,
        "lines": 3,
        "regionAnchorX": 0.0,
        "regionAnchorY": 100.0,
        "viewportAnchorX": 0.0,
        "viewportAnchorY": 100.0,
        "scroll": "",
    }
    full = parse_region(
        "id:نافذة width:32%\nlines:5\nregionanchor:41%,20% viewportanchor:31%,84%\nscroll:up"
    )
    assert full.to_json() == {
        "id": "نافذة",
        "width": 32.0,
        "lines": 5,
        "regionAnchorX": 41.0,
        "regionAnchorY": 20.0,
        "viewportAnchorX": 31.0,
        "viewportAnchorY": 84.0,
        "scroll": "up",
    }
    ignored = parse_region("width:120% lines:-1 regionanchor:10% scroll:down id: x")
    assert ignored.to_json() == region.to_json()


TRACK = """WEBVTT

REGION
id:a lines:1

REGION
id:b

REGION
id:a lines:2

00:01.000 --> 00:02.000 region:a
last region named a

00:01.000 --> 00:02.000 region:b
b

00:01.000 --> 00:02.000 region:missing
none

00:01.000 --> 00:02.000 region:b line:0
the line setting drops the region

00:01.000 --> 00:02.000 line:0 region:b
the region setting comes after: kept, as the spec's steps run in order

00:01.000 --> 00:02.000 region:b size:50%
sized: dropped

00:01.000 --> 00:02.000 region:b size:100%
size 100: kept

00:01.000 --> 00:02.000 region:b vertical:rl
vertical: dropped

00:01.000 --> 00:02.000 region:b vertical:xx
not a direction: kept
"""


def test_regions_are_resolved_like_a_player() -> None:
    views = spec_cues(parse(TRACK, "vtt"))
    regions = [view.region for view in views]
    assert [region.id if region else None for region in regions] == [
        "a",
        "b",
        None,
        None,
        "b",
        None,
        "b",
        None,
        "b",
    ]
    first = regions[0]
    assert first is not None and first.lines == 2  # the last REGION with id a
    assert regions[1] is regions[4] is regions[6]  # one region object, as in a player


def test_region_blocks_after_a_cue_do_not_count() -> None:
    track = Track(
        (
            Cue(0, 1000, "early", settings="region:r"),
            Region("id:r"),
            Cue(0, 1000, "late", settings="region:r"),
        ),
        format="vtt",
    )
    early, late = spec_cues(track)
    assert early.region is None
    assert isinstance(late.region, SpecRegion) and late.region.id == "r"


def test_srt_gets_default_settings() -> None:
    track = loads(b"1\n00:00:01,000 --> 00:00:02,000 X1:10 X2:20 Y1:5 Y2:6\nx\0y\n", "srt")
    (view,) = spec_cues(track)
    assert view.settings == CueSettings()
    assert view.region is None
    assert view.text == "x\ufffdy"


def test_nul_becomes_replacement_character_only_in_the_view() -> None:
    track = parse("WEBVTT\n\nid\0\n00:01.000 --> 00:02.000\na\0b\n", "vtt")
    cue = track.cues[0]
    assert cue.text == "a\0b" and cue.identifier == "id\0"
    view = spec_cues(track)[0]
    assert view.text == "a\ufffdb" and view.id == "id\ufffd"


def test_track_json_shape() -> None:
    data = "WEBVTT\n\nREGION\nid:r width:50%\n\n1\n00:01.000 --> 00:02.500 region:r align:start\nمرحبا\n\n00:03.000 --> 00:04.00\nbroken\n"
    track = loads(data.encode("utf-8"), "vtt")
    result = track_json(track)
    assert json.loads(json.dumps(result)) == result  # plain JSON values only
    assert result == {
        "schema": "captionkit-track/1",
        "format": "vtt",
        "encoding": "utf-8",
        "newline": "\n",
        "cues": [
            {
                "id": "1",
                "start": 1000,
                "end": 2500,
                "text": "مرحبا",
                "settings": {**DEFAULTS, "align": "start"},
                "region": {
                    "id": "r",
                    "width": 50.0,
                    "lines": 3,
                    "regionAnchorX": 0.0,
                    "regionAnchorY": 100.0,
                    "viewportAnchorX": 0.0,
                    "viewportAnchorY": 100.0,
                    "scroll": "",
                },
                "settingsText": "region:r align:start",
            }
        ],
        "blocks": [
            {"type": "header", "at": 0, "text": ""},
            {"type": "region", "at": 0, "text": "id:r width:50%"},
            {
                "type": "unparsed",
                "at": 1,
                "line": 10,
                "reason": "cue timings cannot be read: '00:03.000 --> 00:04.00' "
                "(expected 00:00:01.000 --> 00:00:02.000)",
                "text": "00:03.000 --> 00:04.00\nbroken",
            },
        ],
        "skipped": [
            {
                "line": 10,
                "reason": "cue timings cannot be read: '00:03.000 --> 00:04.00' "
                "(expected 00:00:01.000 --> 00:00:02.000)",
                "text": "00:03.000 --> 00:04.00\nbroken",
            }
        ],
    }
    assert isinstance(result["cues"][0]["start"], int)


def test_view_is_not_computed_while_reading() -> None:
    """Reading keeps settings as strings; nothing in a Track is a parsed setting."""
    track = parse(TRACK, "vtt")
    assert all(isinstance(cue.settings, str) for cue in track.cues)
    assert track.regions[0].settings == "id:a lines:1"
