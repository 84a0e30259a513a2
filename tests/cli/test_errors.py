"""Every error is one line on stderr, exit 2, naming only options that exist; nothing is written.

The commands run in this process through :func:`captionkit.cli.app.run` (the
entry point without its ``sys.exit``), so the whole way out is tested: usage
errors, library errors, write errors and bugs.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer.main

from captionkit.align.sources import loads_timestamps
from captionkit.cli import app
from captionkit.cli.app import run
from captionkit.errors import CaptionkitError, ParseError
from captionkit.model import Cue

SRT = (
    "1\n00:00:01,000 --> 00:00:02,500\nمرحبا بكم\n\n2\n00:00:03,000 --> 00:00:05,000\nفي البرنامج\n"
)
NARRATION = "مرحبا بكم في هذا البرنامج الجديد.\nنتحدث اليوم عن المدن القديمة في الصحراء.\n"
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*[a-z]")


@pytest.fixture(autouse=True)
def keep_signal_handlers() -> Iterator[None]:
    """``run`` installs its SIGINT/SIGTERM handlers: put pytest's back afterwards."""
    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    Path("in.srt").write_text(SRT, encoding="utf-8")
    Path("narration.txt").write_text(NARRATION, encoding="utf-8")
    return tmp_path


def cli(capfd: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out, err = capfd.readouterr()
    return code, out, err


def options_of(command: str) -> set[str]:
    group = typer.main.get_command(app)
    found = group.commands[command]  # type: ignore[attr-defined]
    return {"--help"} | {name for p in found.params for name in p.opts if name.startswith("--")}


def one_error_line(err: str, command: str, typed: tuple[str, ...] = ()) -> str:
    """The single line of an error; every option it names exists on ``command``
    (or was typed by the user: "No such option: --bogus")."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    named = set(FLAG.findall(lines[0])) - set(typed)
    assert named <= options_of(command), (named - options_of(command), lines[0])
    assert "Traceback" not in err and "internal error" not in err
    return lines[0]


@pytest.mark.parametrize(
    "argv",
    [
        ["convert", "in.srt", "--bogus"],
        ["convert"],
        ["retime", "in.srt", "--shift"],
        ["make", "narration.txt", "--max-chars", "abc"],
        ["convert", "in.srt", "--to", "sbv"],
    ],
)
def test_usage_errors_are_one_line_and_point_at_help(
    folder: Path, capfd: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _, err = cli(capfd, *argv)
    assert code == 2
    line = one_error_line(err, argv[0], tuple(argv))
    assert line.startswith("error: ") and line.endswith(f"(see captionkit {argv[0]} --help)")


def test_unknown_command(folder: Path, capfd: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capfd, "nosuch")
    assert code == 2
    assert err.strip() == "error: No such command 'nosuch'. (see captionkit --help)"


def test_no_arguments_print_the_help_and_no_error(
    folder: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capfd)
    assert code == 2
    assert "Usage" in out and "error" not in err


# Values out of range, per option: each must be refused with one line naming the option.
HOSTILE = {
    ("make", "--rate"): ["nan", "-1", "1e308"],
    ("make", "--cps"): ["inf", "0"],
    ("make", "--start"): ["-5", "1e308"],
    ("make", "--duration"): ["0", "nan"],
    ("make", "--max-chars"): ["0"],
    ("make", "--max-lines"): ["0"],
    ("check", "--cps"): ["nan", "-1", "0"],
    ("check", "--max-chars"): ["0"],
    ("check", "--max-lines"): ["0"],
    ("fix", "--max-chars"): ["0"],
    ("fix", "--max-lines"): ["0"],
    ("retime", "--scale"): ["nan", "0", "1e308"],
    ("retime", "--shift"): ["inf", "1e308"],
}


@pytest.mark.parametrize(
    ("command", "flag", "value"),
    [(command, flag, value) for (command, flag), values in HOSTILE.items() for value in values],
)
def test_numbers_out_of_range_are_refused(
    folder: Path, capfd: pytest.CaptureFixture[str], command: str, flag: str, value: str
) -> None:
    argv = {
        "make": ["make", "narration.txt", "-o", "out.srt"],
        "check": ["check", "in.srt"],
        "fix": ["fix", "in.srt", "-o", "out.srt"],
        "retime": ["retime", "in.srt", "-o", "out.srt"],
    }[command]
    code, _, err = cli(capfd, *argv, f"{flag}={value}")
    assert code == 2, err
    line = one_error_line(err, command)
    assert flag in line or value in line, line  # names the option, or at least the value
    assert not Path("out.srt").exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["convert", "in.srt", "--to", "json", "-o", "in.srt"],
        ["convert", "in.srt", "-o", "./in.srt"],
        ["retime", "in.srt", "--shift", "1", "-o", "in.srt"],
        ["fix", "in.srt", "-o", "in.srt"],
        ["preview", "in.srt", "--at", "1", "-o", "in.png"],
        ["make", "script.srt", "-o", "script.srt"],
        # a narration's own name says no caption format: the refusal names the real fault
        ["make", "narration.txt", "-o", "narration.txt"],
        ["make", "narration.txt", "-o", "out.vtt", "-o", "./narration.txt"],
    ],
)
def test_the_input_is_never_the_output(
    folder: Path, capfd: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    Path("script.srt").write_text(NARRATION, encoding="utf-8")
    if argv[0] == "preview":
        Path("in.png").symlink_to("in.srt")
        argv = [*argv[:1], "in.png", *argv[2:]]
        argv[1] = "in.srt"
    before = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    code, _, err = cli(capfd, *argv)
    assert code == 2
    assert "the output is the input file" in one_error_line(err, argv[0])
    after = {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}
    assert after == before


def test_no_notice_before_an_error_and_no_output(
    folder: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(capfd, "make", "narration.txt", "-o", "ok.srt", "-o", "missing/x.vtt")
    assert code == 2
    line = one_error_line(err, "make")
    assert line.startswith("missing/x.vtt: ") and "does not exist" in line
    assert not Path("ok.srt").exists()


def test_a_write_error_names_path_and_cause(
    folder: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    Path("out.vtt").mkdir()
    code, _, err = cli(capfd, "convert", "in.srt", "-o", "out.vtt")
    assert code == 2
    assert one_error_line(err, "convert") == "out.vtt: cannot write: it is a folder"


def test_a_bug_is_one_line_with_exit_70(
    folder: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import captionkit.info

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(captionkit.info, "describe", broken)
    code, _, err = cli(capfd, "info", "in.srt")
    assert code == 70
    (line,) = err.strip().splitlines()
    assert line.startswith("internal error: RuntimeError: a bug at ")


def test_closed_standard_input(folder: Path) -> None:
    result = subprocess.run(
        ["/bin/sh", "-c", f"exec '{sys.executable}' -m captionkit info - <&-"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "-: standard input is closed"


def test_json_of_undecodable_bytes_is_valid_json(
    folder: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    Path("bad.srt").write_bytes(
        SRT.encode() + b"\n3\n00:00:06,000 --> 00:00:07,000\n\xff\xfe\x81 x\n"
    )
    code, _, err = cli(capfd, "convert", "bad.srt", "--encoding", "utf-8", "-o", "out.json")
    if code == 2:  # refusing the bytes is as good as carrying them
        one_error_line(err, "convert")
        return
    code, _, _ = cli(capfd, "convert", "bad.srt", "-o", "out.json")
    assert code == 0
    json.loads(Path("out.json").read_bytes().decode("utf-8"))


def test_utf16_cut_by_one_byte_says_so(folder: Path, capfd: pytest.CaptureFixture[str]) -> None:
    data = SRT.encode("utf-16")
    Path("cut.srt").write_bytes(data[:-1])
    code, _, err = cli(capfd, "convert", "cut.srt", "-o", "out.vtt")
    assert code == 2
    line = one_error_line(err, "convert")
    assert line.startswith("cut.srt:") and "cut short" in line


def test_arabic_read_as_latin_is_refused_with_encoding_advice(
    folder: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    text = "Hello world this is english text mostly with words\nشكرا جزيلا\n"
    Path("mix.txt").write_bytes(text.encode("cp1256"))
    Path("mix.srt").write_bytes(f"1\n00:00:01,000 --> 00:00:02,000\n{text}".encode("cp1256"))
    code, _, err = cli(capfd, "convert", "mix.srt", "-o", "out.vtt")
    assert code == 2
    assert "--encoding must be given" in one_error_line(err, "convert")
    assert not Path("out.vtt").exists()
    code, _, err = cli(capfd, "make", "mix.txt", "-o", "out.srt")  # make has no --encoding
    assert code == 2
    assert "encoding must be given" in one_error_line(err, "make")
    assert not Path("out.srt").exists()


def test_a_cue_webvtt_cannot_carry_is_located(
    folder: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    Path("neg.srt").write_text(
        "1\n00:00:01,000 --> 00:00:02,000\nok\n\n7\n-00:00:03,000 --> 00:00:04,000\na\n",
        encoding="utf-8",
    )
    code, _, err = cli(capfd, "convert", "neg.srt", "-o", "out.vtt")
    assert code == 2
    assert one_error_line(err, "convert").startswith("neg.srt:5: cue 2 ('7'): ")
    assert not Path("out.vtt").exists()


# --------------------------------------------------------------------------- recognizer JSON


def stamps(document: object) -> str:
    return json.dumps(document)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"segments": [{"start": 0, "end": 1, "text": "a", "words": 5}]}, "segment 0: 'words' must be a list"),
        ({"segments": [{"words": [{"word": "a", "start": float("inf"), "end": 1.0}]}]}, "segment 0, word 0: a time must be a finite"),
        ({"segments": [{"words": [{"word": "a", "start": float("nan"), "end": 1.0}]}]}, "segment 0, word 0: a time must be a finite"),
        ({"segments": [{"words": [{"word": "a", "start": 1e300, "end": 1e301}]}]}, "segment 0, word 0: a time must be from 0 to 100 hours"),
        ({"segments": [{"words": [{"word": {"x": 1}, "start": 0.0, "end": 1.0}]}]}, "the text must be a string"),
        ({"segments": [{"words": [{"word": "a", "start": -3.0, "end": 1.0}]}]}, "from 0 to 100 hours"),
        ({"segments": 7}, "'segments' must be a list"),
        ({"word_segments": 3}, "'word_segments' must be a list"),
        ([{"segments": []}, {"segments": []}], "a list of 2 recognizer results"),
    ],
)  # fmt: skip
def test_recognizer_json_is_checked_field_by_field(document: object, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        loads_timestamps(stamps(document), file="words.json")
    assert message in str(caught.value)
    assert str(caught.value).startswith("words.json: ")


def test_a_wrapped_whisperx_export_is_unwrapped() -> None:
    inner = {"segments": [{"start": 0.0, "end": 1.0, "text": "hello world",
                           "words": [{"word": "hello", "start": 0.0, "end": 0.4, "score": 0.9},
                                     {"word": "world", "start": 0.5, "end": 1.0, "score": 0.8}]}]}  # fmt: skip
    for wrapped in ([{"transcription": inner}], {"transcription": inner}, [inner]):
        found = loads_timestamps(stamps(wrapped))
        assert [(word.text, word.start, word.end) for word in found.words] == [
            ("hello", 0, 400),
            ("world", 500, 1000),
        ]


# --------------------------------------------------------------------------- values


def test_cue_refuses_what_is_not_a_cue() -> None:
    for args in (("a", "b", "x"), (10, 5, "x"), (0, 1, b"x"), (0.5, 1, "x"), (True, 2, "x")):
        with pytest.raises(CaptionkitError):
            Cue(*args)  # type: ignore[arg-type]
    assert Cue(5, 5, "").duration == 0


def test_closed_standard_output(folder: Path) -> None:
    result = subprocess.run(
        ["/bin/sh", "-c", f"exec '{sys.executable}' -m captionkit convert in.srt -o - >&-"],
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        cwd=folder,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "<stdout>: cannot write: standard output is closed"
