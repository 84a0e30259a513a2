"""``captionkit align`` and ``captionkit make --timestamps`` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from captionkit.cli import app
from tests.conftest import FIXTURES, shared_path

ALIGN = FIXTURES / "align"
runner = CliRunner()


def test_align_prints_every_word_with_its_time_and_status() -> None:
    result = runner.invoke(
        app,
        [
            "align",
            str(ALIGN / "narration-ar.txt"),
            "--timestamps",
            str(ALIGN / "faster-whisper-ar.json"),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    words = document["words"]
    assert [w["word"] for w in words][:3] == ["في", "عامِ", "1948"]
    # "١٩٤٨" in the recognizer's output is "1948" in the script: 0.7 s to 1.6 s.
    assert (words[2]["start"], words[2]["end"], words[2]["status"]) == (700, 1600, "matched")
    # The recognizer wrote "و بدأت" apart; the script "وبدأت": the pair's span, 5.0 to 5.8 s.
    assert (words[7]["word"], words[7]["start"], words[7]["end"]) == ("وبدأت", 5000, 5800)
    # "تشتد." is not in the recognizer's output: it follows "الباردة" (ends at 7.0 s).
    assert (words[10]["start"], words[10]["status"]) == (7000, "interpolated")
    assert document["matched"] == 10 and document["word_count"] == 11
    assert [line["matched_share"] for line in document["lines"]] == [1.0, 0.75]
    assert document["flagged_lines"] == []


def test_align_text_table() -> None:
    result = runner.invoke(
        app,
        ["align", str(ALIGN / "narration-ar.txt"), "--timestamps", str(ALIGN / "cues.srt")],
    )
    assert result.exit_code == 0, result.output
    assert "interpolated" in result.stdout or "matched" in result.stdout
    assert "الشمالية." in result.stdout


def test_align_wrong_language_fails_with_a_clear_message(tmp_path: Path) -> None:
    stamps = shared_path(
        "corpus",
        "word-timestamps",
        "whisper-timestamped",
        "tests",
        "expected",
        "small.en",
        "arabic.mp3.words.json",
    )
    result = runner.invoke(
        app, ["align", str(ALIGN / "narration-ar.txt"), "--timestamps", str(stamps)]
    )
    assert result.exit_code == 2
    assert "another language" in result.stderr
    assert "arabic.mp3.words.json" in result.stderr


def test_align_empty_timestamps_fail(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text('{"text": "", "segments": [], "language": "en"}', encoding="utf-8")
    result = runner.invoke(
        app, ["align", str(ALIGN / "narration-ar.txt"), "--timestamps", str(empty)]
    )
    assert result.exit_code == 2
    assert "no words" in result.stderr


def test_make_with_timestamps_starts_cues_at_the_voice(tmp_path: Path) -> None:
    out = tmp_path / "out.srt"
    result = runner.invoke(
        app,
        [
            "make",
            str(ALIGN / "narration-ar.txt"),
            "--timestamps",
            str(ALIGN / "faster-whisper-ar.json"),
            "-o",
            str(out),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    captions = document["captions"]
    # Two sentences, 0.8 s apart in the recording: each starts with its first word.
    assert [c["start"] for c in captions] == [0, 5000]
    assert captions[0]["end"] <= 5000 - 80
    alignment = document["alignment"]
    assert alignment["matched"] == 10 and alignment["words"] == 11
    assert [c["matched_share"] for c in alignment["cues"]] == [1.0, 0.75]
    assert out.read_text(encoding="utf-8").startswith("1\n00:00:00,000 --> ")


def test_make_with_timestamps_rejects_duration() -> None:
    result = runner.invoke(
        app,
        [
            "make",
            str(ALIGN / "narration-ar.txt"),
            "--timestamps",
            str(ALIGN / "faster-whisper-ar.json"),
            "--duration",
            "10",
        ],
    )
    assert result.exit_code == 2
    assert "choose one" in result.stderr


def test_make_with_timestamps_rejects_rate() -> None:
    result = runner.invoke(
        app,
        [
            "make",
            str(ALIGN / "narration-ar.txt"),
            "--timestamps",
            str(ALIGN / "faster-whisper-ar.json"),
            "--rate",
            "12",
        ],
    )
    assert result.exit_code == 2
    assert "--rate and --timestamps" in result.stderr


def test_make_with_forced_format(tmp_path: Path) -> None:
    times = tmp_path / "times.txt"
    times.write_text("1.0\n6.5\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "make",
            str(ALIGN / "narration-ar.txt"),
            "--timestamps",
            str(times),
            "--timestamps-format",
            "lines",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert [c["start"] for c in json.loads(result.stdout)["captions"]] == [1000, 6500]


def test_make_lists_cues_timed_over_a_missing_stretch(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text(
        "The river starts high in the mountains.\n"
        "It runs through seven old towns and many small villages before the sea.\n"
        "Fishermen wait for it at the end.\n",
        encoding="utf-8",
    )
    heard = [
        ("The", 0.0),
        ("river", 0.3),
        ("starts", 0.7),
        ("high", 1.1),
        ("in", 1.4),
        ("the", 1.5),
        ("mountains.", 1.7),
        ("Fishermen", 9.0),
        ("wait", 9.6),
        ("for", 9.9),
        ("it", 10.1),
        ("at", 10.3),
        ("the", 10.5),
        ("end.", 10.7),
    ]
    words = [{"word": " " + w, "start": t, "end": round(t + 0.25, 2)} for w, t in heard]
    stamps = tmp_path / "words.json"
    stamps.write_text(json.dumps({"segments": [{"words": words}]}), encoding="utf-8")
    result = runner.invoke(
        app, ["make", str(script), "--timestamps", str(stamps), "-o", str(tmp_path / "o.srt")]
    )
    assert result.exit_code == 0, result.output
    assert "alignment: 14 of 27 words matched" in result.stderr
    assert "timed by interpolation over 13 words" in result.stderr
    json_run = runner.invoke(
        app, ["make", str(script), "--timestamps", str(stamps), "--format", "json"]
    )
    alignment = json.loads(json_run.stdout)["alignment"]
    flagged = alignment["flagged_cues"]
    assert flagged and all(alignment["cues"][n - 1]["flagged"] for n in flagged)
    # The lost sentence is shown between the two it was spoken between.
    captions = json.loads(json_run.stdout)["captions"]
    middle = next(c for c in captions if "seven" in c["text"])
    assert 1950 <= middle["start"] < 9000


def test_make_with_timestamps_golden(tmp_path: Path) -> None:
    # Checked by hand: cue 1 runs from "في" (0.0 s) to "الشمالية" (4.2 s); cue 2 from
    # "و بدأت" (5.0 s) to "تشتد.", which the recognizer lost: it follows "الباردة"
    # (ends 7.0 s) for its 6 characters at the measured 96.875 ms a character (6.2 s of
    # matched words over 64 characters), 581 ms.
    out = tmp_path / "out.srt"
    result = runner.invoke(
        app,
        [
            "make",
            str(ALIGN / "narration-ar.txt"),
            "--timestamps",
            str(ALIGN / "faster-whisper-ar.json"),
            "--rtl",
            "none",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    expected = (ALIGN / "narration-ar.expected.srt").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == expected
