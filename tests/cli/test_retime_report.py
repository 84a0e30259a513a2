"""What ``retime --audio`` says about cues it found no voice for (a scene cut out)."""

from __future__ import annotations

from captionkit.audio.sync import AudioSync, SyncPiece
from captionkit.cli.retime_report import retime_notes
from captionkit.formats import loads
from captionkit.retime.operations import LinearMap, RetimeResult, result_json

SUBS = (
    "1\n00:00:01,000 --> 00:00:02,000\nأهلا\n\n"
    "2\n00:00:03,000 --> 00:00:04,000\nمشهد محذوف\n\n"
    "3\n00:00:05,000 --> 00:00:06,000\nوداعا\n"
)


def _result() -> RetimeResult:
    track = loads(SUBS.encode())
    pieces = (
        SyncPiece(first=0, stop=1, offset_ms=500, scale=1.0),
        SyncPiece(first=1, stop=2, offset_ms=500, scale=1.0, placed=False),
        SyncPiece(first=2, stop=3, offset_ms=-1000, scale=1.0),
    )
    heard = AudioSync(
        times=((1500, 2500), (3500, 3900), (4000, 5000)),
        pieces=pieces,
        offset_ms=500,
        scale=1.0,
        agreement_before=0.2,
        agreement_after=0.9,
        speech=((1500, 2500), (4000, 5000)),
    )
    return RetimeResult(
        track=heard.apply(track), moved=(), time_map=LinearMap(), steps=("audio",), audio=heard
    )


def test_unplaced_cues_are_named_not_given_an_offset() -> None:
    lines = retime_notes(_result(), 3)
    assert "  cues 1-1: +500 ms, scale 1.00000" in lines
    assert any(line.startswith("  cues 2-2: no voice found") for line in lines)
    assert "  cues 3-3: -1000 ms, scale 1.00000" in lines
    assert not any(line.startswith("  cues 2-2: +") for line in lines)


def test_json_report_says_which_pieces_were_placed() -> None:
    report = result_json(_result(), input_name="in.srt", output_name="out.srt")
    audio = report["audio"]
    assert isinstance(audio, dict)
    assert [piece["placed"] for piece in audio["pieces"]] == [True, False, True]
