"""The foundation's commands through Typer's runner: convert, info, --version, errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from captionkit import __version__
from captionkit.cli import app

runner = CliRunner()

SRT = "1\r\n00:00:01,000 --> 00:00:02,500\r\nمرحبا بكم\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nفي البرنامج\r\n"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"captionkit {__version__}"


def test_help_has_short_flag() -> None:
    result = runner.invoke(app, ["-h"])
    assert result.exit_code == 0
    assert "convert" in result.stdout


def test_convert_srt_to_vtt_file(tmp_path: Path) -> None:
    source = write(tmp_path / "in.srt", SRT, "cp1256")
    result = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path / "out.vtt")])
    assert result.exit_code == 0, result.output
    out = (tmp_path / "out.vtt").read_bytes().decode("utf-8")
    assert out == (
        "WEBVTT\r\n\r\n1\r\n00:00:01.000 --> 00:00:02.500\r\nمرحبا بكم\r\n\r\n"
        "2\r\n00:00:03.000 --> 00:00:04.000\r\nفي البرنامج\r\n\r\n"
    )


def test_convert_to_stdout_and_keep_encoding(tmp_path: Path) -> None:
    source = write(tmp_path / "in.srt", SRT, "cp1256")
    result = runner.invoke(app, ["convert", str(source), "-o", "-", "--output-encoding", "keep"])
    assert result.exit_code == 0
    assert result.stdout_bytes == SRT.encode("cp1256")


def test_convert_to_json_follows_the_documented_shape(tmp_path: Path) -> None:
    source = write(tmp_path / "in.srt", SRT)
    result = runner.invoke(app, ["convert", str(source), "--to", "json"])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document["format"] == "srt"
    assert document["encoding"] == "utf-8"
    first = document["cues"][0]
    assert (first["id"], first["start"], first["end"], first["text"]) == (
        "1",
        1000,
        2500,
        "مرحبا بكم",
    )
    assert first["settings"]["line"] == "auto"
    assert first["settings"]["align"] == "center"
    assert first["region"] is None
    assert document["skipped"] == []


def test_convert_reports_what_srt_cannot_carry(tmp_path: Path) -> None:
    vtt = "WEBVTT\n\nNOTE hello\n\nintro\n00:00:01.000 --> 00:00:02.000 align:start\nنص\n"
    source = write(tmp_path / "in.vtt", vtt)
    result = runner.invoke(app, ["convert", str(source), "-o", str(tmp_path / "out.srt")])
    assert result.exit_code == 0
    assert "cue settings" in result.stderr
    assert "NOTE blocks" in result.stderr
    assert (tmp_path / "out.srt").read_text("utf-8") == "1\n00:00:01,000 --> 00:00:02,000\nنص\n\n"


def test_bad_input_is_one_located_line_exit_2_and_no_output(tmp_path: Path) -> None:
    source = write(
        tmp_path / "bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:0x --> 1\nB\n"
    )
    target = tmp_path / "out.vtt"
    result = runner.invoke(app, ["convert", str(source), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"{source}:6: cannot read the timing line '00:00:0x --> 1' (expected 00:00:01,000 --> 00:00:02,000)"
    ]
    assert "Traceback" not in result.output
    assert not target.exists()


def test_lenient_convert_reports_the_skip(tmp_path: Path) -> None:
    source = write(
        tmp_path / "bad.srt", "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:0x --> 1\nB\n"
    )
    result = runner.invoke(app, ["convert", str(source), "--lenient", "-o", "-"])
    assert result.exit_code == 0
    assert f"{source}:6: skipped: unreadable timing line" in result.stderr


def test_missing_file_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["info", str(tmp_path / "nope.srt")])
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_info_json(tmp_path: Path) -> None:
    source = write(tmp_path / "in.srt", SRT, "cp1256")
    result = runner.invoke(app, ["info", str(source), "--format", "json"])
    assert result.exit_code == 0
    facts = json.loads(result.stdout)
    assert facts["format"] == "srt"
    assert facts["encoding"] == "cp1256"
    assert "Windows-1256" in facts["encoding_reason"]
    assert facts["newline"] == "CRLF"
    assert facts["cues"] == 2
    assert facts["duration"] == 3000
    assert facts["rtl_share"] == 1.0
    assert facts["skipped"] == []


def test_info_text(tmp_path: Path) -> None:
    source = write(tmp_path / "in.srt", SRT)
    result = runner.invoke(app, ["info", str(source)], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "utf-8" in result.stdout
    assert "CRLF" in result.stdout
    assert "100%" in result.stdout


def test_convert_reads_stdin() -> None:
    result = runner.invoke(app, ["convert", "-", "--to", "vtt"], input=SRT.encode("utf-8"))
    assert result.exit_code == 0
    assert result.stdout.startswith("WEBVTT")
