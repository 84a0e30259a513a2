"""A fuzzer in the suite: mutants of the real files in ``../shared/corpus`` through every command
(Typer's runner on ``captionkit.cli.app``) and through the library.

The mutations are Hypothesis strategies, so a failure shrinks to a small case:
byte flips, truncation, inserted ``-->`` and timing lines, huge and non-finite
numbers, bidi controls, surrogates and invalid UTF-8, NUL bytes, other encodings,
line ends, wrong JSON types. The property: a run either succeeds or is a
``CaptionkitError`` (exit 2, one line on stderr), and after a failure no output
exists, no temporary is left and an in-place input is untouched.
``benchmarks/fuzz.py`` runs thousands of such mutants through the real CLI in processes.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from captionkit.align.sources import loads_timestamps
from captionkit.cli import app
from captionkit.errors import CaptionkitError
from captionkit.formats import dumps, loads, to_bytes
from captionkit.make import make
from tests.conftest import SHARED

CORPUS = SHARED / "corpus"


def _files(*extensions: str, under: str = "") -> list[Path]:
    if not CORPUS.exists():
        return []
    return sorted(
        path
        for path in (CORPUS / under).rglob("*")
        if path.is_file() and path.suffix.lower() in extensions and path.stat().st_size <= 60_000
    )


SUBTITLES = _files(".srt", ".vtt", ".webvtt")
STAMPS = _files(".json", ".tsv", ".csv", under="word-timestamps")
NARRATION = SHARED / "seed" / "narration-ar.txt"
needs_corpus = pytest.mark.skipif(
    not SUBTITLES or not NARRATION.exists(), reason=f"{CORPUS} is absent: nothing to mutate"
)

# --------------------------------------------------------------------------- mutations

PAYLOADS = [
    b"-->", b" --> ", b"\n-->\n", b"\n00:00:01,000 --> 00:00:00,500\n", b"\n\n99:99:99,999 --> x\n",
    "\u202e\u2066\u200f".encode(), "\u202b".encode(), b"\xed\xa0\x80", b"\xff\xfe", b"\xc3",
    b"\x00", b"\x00\x00\x00", b"\r", b"\r\n\r\n", b"WEBVTT\n\n", b"NOTE -->\n", b"1e308",
    b"99999999999999999999", b"NaN", b"Infinity", b"-5", "\ufeff".encode(), b"<i>", b"{\\an8}",
]  # fmt: skip
NUMBERS = [b"99999999999999999999", b"1e308", b"NaN", b"Infinity", b"-Infinity", b"-5", b"1e400"]
ENCODINGS = ["utf-16-le", "utf-16-be", "utf-16", "utf-32", "cp1256", "latin-1", "utf-8-sig"]
JSON_VALUES = [5, -1, 1e300, float("inf"), float("nan"), "x", None, [], {}, True]

Mutation = Callable[[bytes], bytes]


def _at(data: bytes, where: float) -> int:
    return min(len(data), int(where * (len(data) + 1)))


def _flip(where: float, bit: int) -> Mutation:
    def apply(data: bytes) -> bytes:
        if not data:
            return data
        index = min(len(data) - 1, int(where * len(data)))
        return data[:index] + bytes([data[index] ^ (1 << bit)]) + data[index + 1 :]

    return apply


def _truncate(where: float) -> Mutation:
    return lambda data: data[: _at(data, where)]


def _insert(where: float, payload: bytes) -> Mutation:
    return lambda data: data[: _at(data, where)] + payload + data[_at(data, where) :]


def _number(where: float, value: bytes) -> Mutation:
    def apply(data: bytes) -> bytes:
        digits = [index for index, byte in enumerate(data) if 48 <= byte <= 57]
        if not digits:
            return data
        start = digits[min(len(digits) - 1, int(where * len(digits)))]
        end = start
        while end < len(data) and 48 <= data[end] <= 57:
            end += 1
        return data[:start] + value + data[end:]

    return apply


def _encoding(name: str) -> Mutation:
    return lambda data: data.decode("utf-8", "replace").encode(name, "replace")


def _newlines(ending: bytes) -> Mutation:
    return lambda data: data.replace(b"\n", ending)


def _json(where: float, value: object) -> Mutation:
    def apply(data: bytes) -> bytes:
        try:
            document = json.loads(data)
        except (ValueError, RecursionError):
            return data
        slots: list[tuple[object, object]] = []

        def walk(node: object) -> None:
            if isinstance(node, dict):
                for key in node:
                    slots.append((node, key))
                    walk(node[key])
            elif isinstance(node, list):
                for index, item in enumerate(node):
                    slots.append((node, index))
                    walk(item)

        walk(document)
        if not slots:
            return data
        parent, key = slots[min(len(slots) - 1, int(where * len(slots)))]
        parent[key] = value  # type: ignore[index]
        return json.dumps(document).encode()

    return apply


position = st.floats(0, 1)
mutation = st.one_of(
    st.builds(_flip, position, st.integers(0, 7)),
    st.builds(_truncate, position),
    st.builds(_insert, position, st.sampled_from(PAYLOADS)),
    st.builds(_number, position, st.sampled_from(NUMBERS)),
    st.builds(_encoding, st.sampled_from(ENCODINGS)),
    st.builds(_newlines, st.sampled_from([b"\r", b"\r\n", b"\n\n", b""])),
    st.builds(_json, position, st.sampled_from(JSON_VALUES)),
)


@st.composite
def mutants(draw: st.DrawFn, sources: list[Path]) -> tuple[Path, bytes]:
    source = draw(st.sampled_from(sources))
    data = source.read_bytes()
    for change in draw(st.lists(mutation, min_size=1, max_size=3)):
        data = change(data)
    return source, data


# --------------------------------------------------------------------------- the CLI

# name -> (argv from the folder and the input's name, outputs, in-place input, allowed codes)
Template = Callable[[Path, str], tuple[list[str], list[Path], Path | None, tuple[int, ...]]]
TEMPLATES: dict[str, Template] = {
    "convert": lambda d, n: (["convert", str(d / n), "-o", str(d / "out.vtt")], [d / "out.vtt"], None, (0, 2)),
    "convert-srt": lambda d, n: (["convert", str(d / n), "-o", str(d / "out.srt")], [d / "out.srt"], None, (0, 2)),
    "convert-json": lambda d, n: (["convert", str(d / n), "--to", "json", "-o", str(d / "o.json")], [d / "o.json"], None, (0, 2)),
    "info": lambda d, n: (["info", str(d / n), "--format", "json"], [], None, (0, 2)),
    "retime": lambda d, n: (["retime", str(d / n), "--shift", "1.5", "-o", str(d / ("out" + Path(n).suffix))], [d / ("out" + Path(n).suffix)], None, (0, 2)),
    "retime-in-place": lambda d, n: (["retime", str(d / n), "--in-place", "--scale", "25/24"], [], d / n, (0, 2)),
    "check": lambda d, n: (["check", str(d / n)], [], None, (0, 1, 2)),
    "fix": lambda d, n: (["fix", str(d / n), "-o", str(d / ("out" + Path(n).suffix))], [d / ("out" + Path(n).suffix)], None, (0, 2)),
    "fix-in-place": lambda d, n: (["fix", str(d / n), "--in-place"], [], d / n, (0, 2)),
    "preview": lambda d, n: (["preview", str(d / n), "--cue", "1", "--size", "160x90", "-o", str(d / "p.png")], [d / "p.png"], None, (0, 2)),
    "make": lambda d, n: (["make", str(d / n), "-o", str(d / "m.srt"), "-o", str(d / "m.vtt")], [d / "m.srt", d / "m.vtt"], None, (0, 2)),
    "burn": lambda d, n: (["burn", str(d / "v.mp4"), str(d / n), "-o", str(d / "b.mp4"), "--quiet", "--preset", "ultrafast"], [d / "b.mp4"], None, (0, 2)),
}  # fmt: skip


@pytest.fixture(scope="module")
def video() -> bytes:
    """A one-second 96x64 video, for burn (empty bytes when ffmpeg cannot make one)."""
    from captionkit.render.ffmpeg import require_libass, run_ffmpeg

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "v.mp4"
        try:
            require_libass()
            run_ffmpeg(
                ["-f", "lavfi", "-i", "testsrc=s=96x64:r=5:d=1", "-c:v", "libx264",
                 "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path)],
                what="making a test video",
            )  # fmt: skip
        except CaptionkitError:
            return b""
        return path.read_bytes()


def check_run(template: str, name: str, data: bytes, folder: Path, extra: dict[str, bytes]) -> None:
    """Run one command on one mutant in ``folder`` and judge the outcome."""
    (folder / name).write_bytes(data)
    for other, content in extra.items():
        (folder / other).write_bytes(content)
    argv, outputs, in_place, allowed = TEMPLATES[template](folder, name)
    result = CliRunner().invoke(app, argv)
    where = f"{' '.join(argv)} -> exit {result.exit_code}: {result.stderr[-500:]!r}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(where) from result.exception
    assert result.exit_code in allowed, where
    leftovers = [path.name for path in folder.iterdir() if path.name.endswith(".tmp")]
    assert not leftovers, where
    if result.exit_code == 2:
        lines = result.stderr.strip().splitlines()
        if template != "check":  # check reports an unreadable file in its report
            assert len(lines) == 1, where
        assert not [path for path in outputs if path.exists()], where
        if in_place is not None:
            assert in_place.read_bytes() == data, where
            assert not list(folder.glob("*.bak*")), where
    elif result.exit_code == 0:
        assert all(path.exists() for path in outputs), where


@needs_corpus
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=mutants(SUBTITLES or [Path()]), template=st.sampled_from(sorted(TEMPLATES)))
def test_mutated_subtitles_through_every_command(
    case: tuple[Path, bytes], template: str, video: bytes
) -> None:
    source, data = case
    if template == "burn" and not video:
        return
    name = "in.vtt" if source.suffix.lower() in (".vtt", ".webvtt") else "in.srt"
    with tempfile.TemporaryDirectory(prefix="captionkit-fuzz-") as folder:
        check_run(
            template, name, data, Path(folder), {"v.mp4": video} if template == "burn" else {}
        )


@needs_corpus
@pytest.mark.skipif(not STAMPS, reason="no word-timestamp files in the corpus")
@settings(max_examples=25)
@given(case=mutants(STAMPS or [Path()]), command=st.sampled_from(["make", "align"]))
def test_mutated_timestamps_through_make_and_align(case: tuple[Path, bytes], command: str) -> None:
    source, data = case
    with tempfile.TemporaryDirectory(prefix="captionkit-fuzz-") as name:
        folder = Path(name)
        stamps = folder / ("stamps" + source.suffix)
        stamps.write_bytes(data)
        (folder / "n.txt").write_bytes(NARRATION.read_bytes())
        argv = [command, str(folder / "n.txt"), "--timestamps", str(stamps)]
        argv += ["-o", str(folder / "m.srt")] if command == "make" else ["--format", "json"]
        result = CliRunner().invoke(app, argv)
        where = f"{' '.join(argv)} -> exit {result.exit_code}: {result.stderr[-500:]!r}"
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise AssertionError(where) from result.exception
        assert result.exit_code in (0, 2), where
        if result.exit_code == 2:
            assert len(result.stderr.strip().splitlines()) == 1, where
            assert not (folder / "m.srt").exists(), where


# --------------------------------------------------------------------------- the library


@needs_corpus
@settings(max_examples=200)
@given(case=mutants(SUBTITLES or [Path()]))
def test_mutated_subtitles_through_the_library(case: tuple[Path, bytes]) -> None:
    source, data = case
    try:
        track = loads(data, file=source.name)
    except CaptionkitError:
        return
    for target in ("srt", "vtt"):
        try:
            text = dumps(track, target)  # type: ignore[arg-type]
            assert isinstance(text, str)
            to_bytes(track, target)  # type: ignore[arg-type]
        except CaptionkitError:
            continue


@needs_corpus
@settings(max_examples=100)
@given(case=mutants(STAMPS or [Path()]))
def test_mutated_timestamps_through_the_library(case: tuple[Path, bytes]) -> None:
    _, data = case
    try:
        stamps = loads_timestamps(data)
    except CaptionkitError:
        return
    for word in stamps.words:
        for value in (word.start, word.end):
            assert value is None or 0 <= value < 100 * 3600 * 1000


@needs_corpus
@settings(max_examples=30)
@given(case=mutants([NARRATION]))
def test_mutated_narration_through_make(case: tuple[Path, bytes]) -> None:
    _, data = case
    try:
        result = make(data, file="narration.txt")
    except CaptionkitError:
        return
    for cue in result.track.cues:
        assert 0 <= cue.start <= cue.end < 100 * 3600 * 1000
