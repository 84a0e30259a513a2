"""The Python API gives the same bytes as the command beside it in the README.

Each test runs the README's example through ``captionkit`` (the public API) and
the same input through the ``captionkit`` command (a subprocess, as a user runs
it), and compares the bytes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import captionkit
from captionkit.align.sources import loads_timestamps
from captionkit.check.report import report_json

NARRATION = "تقارير ظهرت مؤخرا\nعن إرسال كوريا الشمالية\n"
VISUAL = "1\n00:00:00,000 --> 00:00:02,000\n.لقد وصلنا\n"


def run(*args: str, cwd: Path, code: int = 0) -> bytes:
    """``captionkit ARGS`` in ``cwd``: its standard output, after checking its exit status."""
    done = subprocess.run(
        [sys.executable, "-m", "captionkit", *args], cwd=cwd, capture_output=True, check=False
    )
    assert done.returncode == code, done.stderr.decode("utf-8", "replace")
    return done.stdout


def test_read_shift_write(tmp_path: Path) -> None:
    (tmp_path / "in.srt").write_bytes(
        "1\r\n00:00:01,000 --> 00:00:02,500\r\nمرحبا بكم\r\n".encode("cp1256")
    )
    run("retime", "in.srt", "--shift", "1.5s", "-o", "cli.srt", cwd=tmp_path)
    moved = captionkit.retime(captionkit.read(tmp_path / "in.srt"), shift="1.5s")
    captionkit.write(moved.track, tmp_path / "api.srt")
    expected = "1\r\n00:00:02,500 --> 00:00:04,000\r\nمرحبا بكم\r\n".encode("cp1256")
    assert (tmp_path / "api.srt").read_bytes() == (tmp_path / "cli.srt").read_bytes() == expected
    # integer milliseconds are the same shift
    assert (
        captionkit.retime(moved.track, shift=-1500).track.cues
        == captionkit.read(tmp_path / "in.srt").cues
    )


@pytest.mark.parametrize("suffix", ["srt", "vtt"])
def test_make_from_a_string(tmp_path: Path, suffix: str) -> None:
    (tmp_path / "narration.txt").write_text(NARRATION, "utf-8")
    run("make", "narration.txt", "-o", f"cli.{suffix}", cwd=tmp_path)
    result = captionkit.make(NARRATION)
    cli = (tmp_path / f"cli.{suffix}").read_bytes()
    assert result.to_bytes(suffix) == cli  # type: ignore[arg-type]
    result.write(tmp_path / f"api.{suffix}")
    assert (tmp_path / f"api.{suffix}").read_bytes() == cli
    # the RTL default is embed for both formats: RLE ... PDF around the line
    assert "\u202bتقارير ظهرت مؤخرا عن إرسال كوريا الشمالية\u202c".encode() in cli


def test_check_and_its_findings(tmp_path: Path) -> None:
    (tmp_path / "in.srt").write_text(VISUAL, "utf-8")
    document = json.loads(run("check", "in.srt", "--format", "json", cwd=tmp_path, code=1))
    report = captionkit.check(tmp_path / "in.srt")
    assert [{**report_json(report), "file": "in.srt"}] == document  # the command names it as given
    from_track = captionkit.check(captionkit.loads(VISUAL.encode()))
    # one finding per cause: a visual-order line is reported as such, and only as such
    assert [(f.cue, f.line, f.rule) for f in from_track.findings] == [
        (1, 1, "rtl-visual-punctuation"),
    ]
    assert captionkit.check(tmp_path / "in.srt", ignore=["rtl-"]).findings == ()


def test_fix(tmp_path: Path) -> None:
    (tmp_path / "in.srt").write_text(VISUAL, "utf-8")
    run("fix", "in.srt", "-o", "cli.srt", cwd=tmp_path)
    fixed = captionkit.fix(captionkit.read(tmp_path / "in.srt"))
    assert fixed.to_bytes() == (tmp_path / "cli.srt").read_bytes()
    # punctuation moved in a file without marks: the line is embedded, as make writes
    assert fixed.to_bytes() == "1\n00:00:00,000 --> 00:00:02,000\n\u202bلقد وصلنا.\u202c\n".encode()
    assert [change.rule for change in fixed.changes] == [
        "rtl-visual-punctuation",  # the stop moved to the logical end
        "rtl-edge-punctuation",  # then the embedding that holds it at the left
    ]


def test_align(tmp_path: Path) -> None:
    stamps = "0,0.5,the\n0.5,1.0,cat\n2.0,2.6,sat\n"
    (tmp_path / "narration.txt").write_text("The cat\nsat.\n", "utf-8")
    (tmp_path / "words.csv").write_text(stamps, "utf-8")
    args = ("align", "narration.txt", "--timestamps", "words.csv", "--format", "json")
    document = json.loads(run(*args, cwd=tmp_path))
    from_file = captionkit.align("The cat\nsat.\n", tmp_path / "words.csv")
    from_text = captionkit.align("The cat\nsat.\n", loads_timestamps(stamps, "csv"))
    # the command names its files; the API was given text
    assert {**from_file.as_json(), "narration": "narration.txt", "timestamps": "words.csv"} == {
        **document,
        "timestamps": "words.csv",
    }
    assert from_text.as_json()["words"] == document["words"]
    assert [(w["word"], w["start"], w["end"]) for w in document["words"]] == [
        ("The", 0, 500),
        ("cat", 500, 1000),
        ("sat.", 2000, 2600),
    ]


def test_the_jobs_are_functions_and_still_reach_their_subpackages() -> None:
    import captionkit.make.pipeline  # binds the subpackage: the API function must stay

    assert callable(captionkit.make) and callable(captionkit.retime)
    # mypy sees the functions only: the subpackages behind them are a runtime courtesy
    assert captionkit.make.pipeline.make is captionkit.make.make  # type: ignore[attr-defined]
    from captionkit.check import check_track

    assert captionkit.check.check_track is check_track  # type: ignore[attr-defined]


def test_import_captionkit_is_light() -> None:
    code = (
        "import sys, captionkit; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('numpy', 'PIL', 'rapidfuzz', 'typer', 'rich') or m.startswith('captionkit.make')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
