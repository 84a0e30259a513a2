"""Fuzz the command line with mutants of real files; count tracebacks, hangs and partial outputs.

Every mutant of a real file from ``../shared/corpus`` (byte flips, truncation,
inserted ``-->``, huge and non-finite numbers, bidi controls, surrogates, NUL
bytes, other encodings, hostile option values) goes through one command
(``convert``, ``info``, ``retime``, ``check``, ``fix``, ``make``, ``align``,
``preview``, now and then ``burn``), each run a process of its own in a folder
of its own. The only acceptable outcomes are:

* success (exit 0; ``check`` may exit 1 for findings), with its outputs written;
* an error: exit 2, exactly one line on stderr, no output file, no temporary
  file, an in-place input byte-identical and no backup left.

Anything else is counted: a **traceback** (any other exit status, ``Traceback``
or ``internal error`` on stderr), a **hang** (no answer in ``--timeout``
seconds), a **partial output** (something written although the run failed, or
a success without its output), a **long message** (an error of more than one line).

Two ways to start each run:

* ``--mode exec``: ``python -m captionkit ARGS`` (what a user runs; ~0.6 s of CPU
  a run, most of it imports);
* ``--mode fork`` (default): a child forked from a process that has imported
  captionkit once, which then runs the same entry point
  (:func:`captionkit.cli.main`) with its own file descriptors, working folder,
  exit status and timeout. Same code path, real processes, ~10x cheaper.

Run: ``python benchmarks/fuzz.py [--runs 5000] [--jobs 2] [--mode fork|exec] [--seed 1]``.
Prints the counts and keeps the folders of failed runs under ``--keep``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # fuzz this checkout, whatever is installed
SHARED = Path(os.environ.get("CAPTIONKIT_SHARED", ROOT.parent / "shared"))
if not SHARED.exists():
    SHARED = Path("/work/shared")

SUBTITLE_EXTENSIONS = (".srt", ".vtt", ".webvtt")
TIMESTAMP_EXTENSIONS = (".json", ".tsv", ".csv")
MAX_BYTES = 120_000

HOSTILE_NUMBERS = [
    "nan", "inf", "-inf", "1e308", "-1", "0", "-5", "1e-300", "99999999999999999999",
    "abc", "", "0x10", "1/0", "NaN", "+inf", "3", "00:00:01,000", "-00:00:05", "1e5",
]  # fmt: skip
BIDI = ["\u202e", "\u202b", "\u2066", "\u2069", "\u200f", "\u200e", "\u202c", "\u061c"]
ENCODINGS = ["utf-16-le", "utf-16-be", "utf-16", "utf-32", "cp1256", "latin-1", "utf-8-sig"]


# --------------------------------------------------------------------------- mutants


def corpus() -> dict[str, list[Path]]:
    """Real files by kind: subtitles, recognizer timestamps, narration."""
    files = sorted(path for path in (SHARED / "corpus").rglob("*") if path.is_file())
    small = [path for path in files if path.stat().st_size <= MAX_BYTES]
    subtitles = [path for path in small if path.suffix.lower() in SUBTITLE_EXTENSIONS]
    stamps = [
        path
        for path in small
        if path.suffix.lower() in TIMESTAMP_EXTENSIONS and "word-timestamps" in path.parts
    ]
    narration = [SHARED / "seed" / "narration-ar.txt"]
    return {"subtitles": subtitles, "timestamps": stamps, "narration": narration}


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    """One to three mutations of ``data``, and their names."""
    names: list[str] = []
    for _ in range(rng.choice((1, 1, 2, 3))):
        kind = rng.choice(MUTATIONS)
        data = kind(data, rng)
        names.append(kind.__name__)
    return data, names


def _at(data: bytes, rng: random.Random) -> int:
    return rng.randrange(len(data) + 1)


def flip(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    buffer = bytearray(data)
    for _ in range(rng.choice((1, 1, 4, 16))):
        index = rng.randrange(len(buffer))
        buffer[index] ^= 1 << rng.randrange(8)
    return bytes(buffer)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: _at(data, rng)]


def arrow(data: bytes, rng: random.Random) -> bytes:
    at = _at(data, rng)
    piece = rng.choice(
        [b"-->", b" --> ", b"\n-->\n", b"\n00:00:01,000 --> 00:00:00,500\n", b"\n\n-->"]
    )
    return data[:at] + piece + data[at:]


def number(data: bytes, rng: random.Random) -> bytes:
    """A digit run replaced by a huge, negative or non-finite number."""
    runs = [index for index in range(len(data)) if data[index : index + 1].isdigit()]
    if not runs:
        return data
    start = rng.choice(runs)
    end = start
    while end < len(data) and data[end : end + 1].isdigit():
        end += 1
    value = rng.choice(
        [b"99999999999999999999", b"1e308", b"NaN", b"Infinity", b"-Infinity", b"-5", b"1e400"]
    )
    return data[:start] + value + data[end:]


def bidi(data: bytes, rng: random.Random) -> bytes:
    at = _at(data, rng)
    return data[:at] + "".join(rng.choices(BIDI, k=rng.randint(1, 5))).encode() + data[at:]


def surrogate(data: bytes, rng: random.Random) -> bytes:
    at = _at(data, rng)
    piece = rng.choice(
        [b"\xed\xa0\x80", b"\xff", b"\xc3", b"\xed\xbf\xbf", b"\x80\x80", b"\xf4\x90\x80\x80"]
    )
    return data[:at] + piece + data[at:]


def nul(data: bytes, rng: random.Random) -> bytes:
    at = _at(data, rng)
    return data[:at] + b"\x00" * rng.choice((1, 2, 7)) + data[at:]


def encoding(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    target = rng.choice(ENCODINGS)
    return text.encode(target, "replace")


def newlines(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\n", rng.choice([b"\r", b"\r\n", b"\n\n", b"\r\r\n", b""]))


def lines(data: bytes, rng: random.Random) -> bytes:
    """A line dropped or repeated."""
    parts = data.split(b"\n")
    if len(parts) < 2:
        return data
    index = rng.randrange(len(parts))
    if rng.random() < 0.5:
        del parts[index]
    else:
        parts[index:index] = [parts[index]] * rng.choice((1, 50))
    return b"\n".join(parts)


def json_value(data: bytes, rng: random.Random) -> bytes:
    """A JSON field given the wrong type or an impossible value (when the data is JSON)."""
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return data
    targets: list[tuple[object, object]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key in node:
                targets.append((node, key))
                walk(node[key])
        elif isinstance(node, list):
            for index in range(len(node)):
                targets.append((node, index))
                walk(node[index])

    walk(document)
    if not targets:
        return data
    for _ in range(rng.choice((1, 3))):
        parent, key = rng.choice(targets)
        value = rng.choice(
            [5, -1, 1e300, float("inf"), float("nan"), "x", None, [], {}, [1, 2], True, "1e9"]
        )
        parent[key] = value  # type: ignore[index]
    if rng.random() < 0.2:
        document = [{"transcription": document}]
    return json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")


MUTATIONS = (
    flip,
    truncate,
    arrow,
    number,
    bidi,
    surrogate,
    nul,
    encoding,
    newlines,
    lines,
    json_value,
)


# --------------------------------------------------------------------------- runs


STAMPS_SHARE = 0.15


def transcript_of(source: Path) -> bytes | None:
    """The words a timestamps file times, as a narration: its ``.txt`` sibling, or the
    JSON's own text (so that make and align get past "another language" to the readers)."""
    sibling = source.with_suffix(".txt")
    if sibling.is_file():
        return sibling.read_bytes()
    try:
        document = json.loads(source.read_bytes())
    except (ValueError, UnicodeDecodeError):
        return None
    if isinstance(document, dict) and isinstance(document.get("text"), str):
        return document["text"].encode("utf-8", "replace")
    if isinstance(document, dict) and isinstance(document.get("segments"), list):
        texts = [
            str(item.get("text", "")) for item in document["segments"] if isinstance(item, dict)
        ]
        return "\n".join(texts).encode("utf-8", "replace")
    return None


@dataclass
class Case:
    """One run: the arguments, the files it starts with, what it may write."""

    number: int
    argv: list[str]
    files: dict[str, bytes]
    outputs: list[str]
    in_place: str | None = None
    allowed: tuple[int, ...] = (0, 2)
    origin: str = ""
    mutations: list[str] = field(default_factory=list)


def make_case(number: int, seed: int, pool: dict[str, list[Path]], video: Path | None) -> Case:
    rng = random.Random(seed * 1_000_003 + number)
    narration = pool["narration"][0].read_bytes()
    roll = rng.random()
    if roll < STAMPS_SHARE and pool["timestamps"]:
        source = rng.choice(pool["timestamps"])
        data, names = mutate(source.read_bytes(), rng)
        name = "stamps" + source.suffix
        files = {"narration.txt": transcript_of(source) or narration, name: data}
        if rng.random() < 0.5:
            argv = ["make", "narration.txt", "--timestamps", name, "-o", "out.srt"]
            outputs = ["out.srt"]
        else:
            argv = ["align", "narration.txt", "--timestamps", name, "--format", "json"]
            outputs = []
        return Case(number, argv, files, outputs, origin=str(source), mutations=names)
    if roll < 0.22:
        data, names = mutate(narration, rng)
        files = {"narration.txt": data}
        argv = ["make", "narration.txt", "-o", "out.srt", "-o", "out.vtt"]
        option = rng.choice(
            ["", "--rate", "--start", "--duration", "--cps", "--max-chars", "--fps"]
        )
        if option:
            argv += [option, rng.choice(HOSTILE_NUMBERS)]
        return Case(
            number, argv, files, ["out.srt", "out.vtt"], mutations=names, origin="narration"
        )
    source = rng.choice(pool["subtitles"])
    data, names = mutate(source.read_bytes(), rng)
    extension = ".vtt" if source.suffix.lower() in (".vtt", ".webvtt") else ".srt"
    if rng.random() < 0.05:
        extension = rng.choice([".srt", ".vtt", ".txt"])
    name = "in" + extension
    other = ".srt" if extension == ".vtt" else ".vtt"
    files = {name: data}
    hostile = rng.choice(HOSTILE_NUMBERS)
    command = rng.choice(
        ["convert", "convert-json", "info", "retime", "retime-in-place", "check", "fix",
         "fix-in-place", "preview", "make", "hostile"] + (["burn"] if video else [])
    )  # fmt: skip
    allowed: tuple[int, ...] = (0, 2)
    in_place = None
    if command == "convert":
        argv, outputs = ["convert", name, "-o", "out" + other], ["out" + other]
    elif command == "convert-json":
        argv, outputs = ["convert", name, "--to", "json", "-o", "out.json"], ["out.json"]
    elif command == "info":
        argv, outputs = ["info", name, "--format", rng.choice(["json", "text"])], []
    elif command == "retime":
        argv = [
            "retime",
            name,
            "--shift",
            rng.choice(["1.5", "-2s", "250ms"]),
            "-o",
            "out" + extension,
        ]
        outputs = ["out" + extension]
    elif command == "retime-in-place":
        argv, outputs, in_place = ["retime", name, "--in-place", "--scale", "25/24"], [], name
    elif command == "check":
        argv, outputs, allowed = ["check", name, "--format", "json"], [], (0, 1, 2)
    elif command == "fix":
        argv, outputs = ["fix", name, "-o", "out" + extension], ["out" + extension]
    elif command == "fix-in-place":
        argv, outputs, in_place = ["fix", name, "--in-place"], [], name
    elif command == "preview":
        argv = ["preview", name, "--cue", "1", "--size", "320x180", "-o", "out.png"]
        outputs = ["out.png"]
    elif command == "make":
        argv, outputs = ["make", name, "-o", "out.srt"], ["out.srt"]
    elif command == "burn":
        assert video is not None
        files["video.mp4"] = video.read_bytes()
        argv, outputs = ["burn", "video.mp4", name, "-o", "out.mp4", "--quiet"], ["out.mp4"]
    else:
        flag, base = rng.choice(
            [("--shift", ["retime", name, "-o", "out" + extension]),
             ("--scale", ["retime", name, "-o", "out" + extension]),
             ("--cps", ["check", name]),
             ("--max-chars", ["fix", name, "-o", "out" + extension]),
             ("--max-lines", ["check", name]),
             ("--at", ["preview", name, "--size", "320x180", "-o", "out.png"])]
        )  # fmt: skip
        argv = [*base, flag, hostile]
        outputs = [item for item in base if item.startswith("out")]
        if base[0] == "check":
            allowed = (0, 1, 2)
    return Case(number, argv, files, outputs, in_place, allowed, str(source), names)


FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]*[a-z]")


def options_of(command: str) -> set[str]:
    """The options a command has (``--help`` included), from the Typer app itself."""
    import typer.main

    from captionkit.cli import app

    group = typer.main.get_command(app)
    found = group.commands.get(command) if hasattr(group, "commands") else None  # type: ignore[attr-defined]
    names = {"--help"}
    for parameter in getattr(found, "params", []):
        names.update(name for name in parameter.opts if name.startswith("--"))
    return names


@dataclass
class Outcome:
    number: int
    argv: list[str]
    status: int | None
    verdict: str  # ok, error, traceback, hang, partial, long-message
    detail: str
    seconds: float
    origin: str
    mutations: list[str]


def _run_fork(argv: list[str], folder: Path, timeout: float) -> tuple[int | None, bytes, bytes]:
    """The CLI's entry point in a forked child with its own descriptors and folder."""
    out_path, err_path = folder / ".stdout", folder / ".stderr"
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 1
        try:
            os.setpgid(0, 0)  # its own group: a hang is killed with everything it started
            os.chdir(folder)
            null = os.open(os.devnull, os.O_RDONLY)
            out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(null, 0)
            os.dup2(out, 1)
            os.dup2(err, 2)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            from captionkit.cli import main

            try:
                main(argv)
                code = 0
            except SystemExit as leaving:
                status = leaving.code
                code = status if isinstance(status, int) else (0 if status is None else 1)
            except BaseException:
                traceback.print_exc()
                code = 1
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    deadline = time.monotonic() + timeout
    status: int | None = None
    while True:
        done, raw = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(raw)
            break
        if time.monotonic() > deadline:
            with _suppress():
                os.killpg(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            break
        time.sleep(0.005)
    read = lambda path: path.read_bytes() if path.exists() else b""  # noqa: E731
    stdout, stderr = read(out_path), read(err_path)
    for path in (out_path, err_path):
        with _suppress():
            path.unlink()
    return status, stdout, stderr


class _suppress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return True


def _run_exec(argv: list[str], folder: Path, timeout: float) -> tuple[int | None, bytes, bytes]:
    try:
        result = subprocess.run(
            [sys.executable, "-m", "captionkit", *argv],
            cwd=folder,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
            env={**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"},
            start_new_session=True,
        )
    except subprocess.TimeoutExpired as expired:
        return None, expired.stdout or b"", expired.stderr or b""
    return result.returncode, result.stdout, result.stderr


def judge(
    case: Case, folder: Path, status: int | None, stderr: bytes, stdout: bytes = b""
) -> tuple[str, str]:
    """The verdict of one run, and why.

    ``check`` reports an unreadable file in its report on stdout (in its JSON
    document as ``"error"``), exit 2, rather than on stderr: that counts as its one line.
    """
    text = stderr.decode("utf-8", "replace")
    if not text.strip() and case.argv[0] == "check":  # check reports an unreadable file
        text = "(in the JSON report)" if b'"error"' in stdout else stdout.decode("utf-8", "replace")
    temporaries = [path.name for path in folder.iterdir() if path.name.endswith(".tmp")]
    if status is None:
        return "hang", "no answer in time"
    if "Traceback" in text or "internal error" in text or status not in case.allowed:
        last = text.strip().splitlines()[-1:] or [""]
        return "traceback", f"exit {status}: {last[0][:300]}"
    if temporaries:
        return "partial", f"temporaries left: {temporaries}"
    failed = status == 2
    if failed:
        written = [name for name in case.outputs if (folder / name).exists()]
        backups = [path.name for path in folder.iterdir() if ".bak" in path.name]
        changed = case.in_place is not None and (
            (folder / case.in_place).read_bytes() != case.files[case.in_place]
        )
        if written or backups or changed:
            return (
                "partial",
                f"after exit 2: written {written}, backups {backups}, input changed {changed}",
            )
        lines = [line for line in text.strip().splitlines() if line.strip()]
        if len(lines) != 1:
            return "long-message", f"{len(lines)} lines: {text.strip()[:300]!r}"
        unknown = sorted(set(FLAG.findall(lines[0])) - options_of(case.argv[0]))
        if unknown:
            return (
                "unknown-flag",
                f"names {unknown}, which {case.argv[0]} has not: {lines[0][:300]}",
            )
        return "error", lines[0][:300]
    missing = [name for name in case.outputs if not (folder / name).exists()]
    if missing:
        return "partial", f"success without {missing}"
    return "ok", ""


def run_case(case: Case, mode: str, timeout: float, scratch: Path, keep: Path) -> Outcome:
    folder = Path(tempfile.mkdtemp(prefix=f"case{case.number}-", dir=scratch))
    for name, data in case.files.items():
        (folder / name).write_bytes(data)
    began = time.monotonic()
    runner = _run_fork if mode == "fork" else _run_exec
    status, stdout, stderr = runner(case.argv, folder, timeout)
    seconds = time.monotonic() - began
    verdict, detail = judge(case, folder, status, stderr, stdout)
    if verdict not in ("ok", "error"):
        target = keep / f"case{case.number}"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(folder, target)
        (target / "ARGV").write_text(" ".join(case.argv) + "\n" + detail + "\n")
        (target / "STDERR").write_bytes(stderr)
    shutil.rmtree(folder, ignore_errors=True)
    return Outcome(
        case.number, case.argv, status, verdict, detail, seconds, case.origin, case.mutations
    )


_STATE: dict[str, object] = {}


def _init(mode: str, timeout: float, scratch: str, keep: str, seed: int, video: str) -> None:
    _STATE.update(
        mode=mode, timeout=timeout, scratch=Path(scratch), keep=Path(keep), seed=seed,
        pool=corpus(), video=Path(video) if video else None,
    )  # fmt: skip
    if mode == "fork":
        _warm_up(Path(scratch))


def _warm_up(scratch: Path) -> None:
    """Run each command once in this process, so that every forked run starts with the
    lazy imports and caches loaded (a user's process pays them once too)."""
    from captionkit.cli.app import run

    folder = Path(tempfile.mkdtemp(prefix="warm-", dir=scratch))
    subtitles = folder / "w.srt"
    subtitles.write_text("1\n00:00:01,000 --> 00:00:02,000\n.مرحبا بكم\n", encoding="utf-8")
    narration = SHARED / "seed" / "narration-ar.txt"
    saved = os.dup(1), os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    try:
        for argv in (
            ["info", str(subtitles)],
            ["convert", str(subtitles), "--to", "json", "-o", str(folder / "w.json")],
            ["check", str(subtitles), "--format", "json"],
            ["fix", str(subtitles), "-o", str(folder / "f.srt")],
            ["retime", str(subtitles), "--shift", "1", "-o", str(folder / "r.srt")],
            ["make", str(narration), "-o", str(folder / "m.srt")],
            [
                "preview",
                str(subtitles),
                "--cue",
                "1",
                "--size",
                "320x180",
                "-o",
                str(folder / "p.png"),
            ],
        ):
            run(argv)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(null)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        shutil.rmtree(folder, ignore_errors=True)


def _work(number: int) -> dict[str, object]:
    case = make_case(
        number,
        _STATE["seed"],  # type: ignore[arg-type]
        _STATE["pool"],  # type: ignore[arg-type]
        _STATE["video"],  # type: ignore[arg-type]
    )
    outcome = run_case(
        case,
        _STATE["mode"],  # type: ignore[arg-type]
        _STATE["timeout"],  # type: ignore[arg-type]
        _STATE["scratch"],  # type: ignore[arg-type]
        _STATE["keep"],  # type: ignore[arg-type]
    )
    return asdict(outcome)


def tiny_video(folder: Path) -> Path:
    """A one-second 160x90 video with sound, from the packaged ffmpeg's test source."""
    import imageio_ffmpeg

    path = folder / "video.mp4"
    subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
         "-f", "lavfi", "-i", "testsrc=s=160x90:r=10:d=1",
         "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
         "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
         "-c:a", "aac", "-shortest", str(path)],
        check=True,
    )  # fmt: skip
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--mode", choices=("fork", "exec"), default="fork")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--first", type=int, default=0, help="Number of the first case.")
    parser.add_argument("--burn", action="store_true", help="Include burn runs (a 1 s video).")
    parser.add_argument(
        "--keep", type=Path, default=Path(tempfile.gettempdir()) / "captionkit-fuzz"
    )
    parser.add_argument("--json", type=Path, help="Write every outcome to this file.")
    parser.add_argument(
        "--timestamps-share", type=float, default=0.15,
        help="Share of the runs that mutate recognizer timestamps (make/align --timestamps).",
    )  # fmt: skip
    arguments = parser.parse_args()
    if not (SHARED / "corpus").exists():
        sys.exit(f"{SHARED / 'corpus'} is absent: the fuzzer mutates the shared corpus")
    arguments.keep.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="captionkit-fuzz-scratch-"))
    video = tiny_video(scratch) if arguments.burn else None
    began = time.monotonic()
    numbers = range(arguments.first, arguments.first + arguments.runs)
    context = multiprocessing.get_context("fork")
    globals()["STAMPS_SHARE"] = arguments.timestamps_share  # read by the forked pool workers
    setup = (arguments.mode, arguments.timeout, str(scratch), str(arguments.keep),
             arguments.seed, str(video or ""))  # fmt: skip
    outcomes: list[dict[str, object]] = []
    with context.Pool(arguments.jobs, initializer=_init, initargs=setup) as pool:
        for count, outcome in enumerate(pool.imap_unordered(_work, numbers, chunksize=4), 1):
            outcomes.append(outcome)
            if outcome["verdict"] not in ("ok", "error"):
                print(f"  {outcome['verdict']}: {' '.join(outcome['argv'])}: {outcome['detail']}")  # type: ignore[arg-type]
            if count % 500 == 0:
                print(f"{count} runs, {time.monotonic() - began:.0f} s", flush=True)
    shutil.rmtree(scratch, ignore_errors=True)
    verdicts = Counter(str(outcome["verdict"]) for outcome in outcomes)
    commands = Counter(str(outcome["argv"][0]) for outcome in outcomes)  # type: ignore[index]
    slowest = max(outcomes, key=lambda outcome: float(outcome["seconds"]))  # type: ignore[arg-type]
    print(
        f"\n{len(outcomes)} mutants through the CLI ({arguments.mode} mode, {arguments.jobs} "
        f"processes, seed {arguments.seed}) in {time.monotonic() - began:.0f} s"
    )
    print("commands: " + ", ".join(f"{name} {count}" for name, count in commands.most_common()))
    print(f"succeeded {verdicts['ok']}, refused with one line and exit 2: {verdicts['error']}")
    print(
        f"tracebacks {verdicts['traceback']}, hangs {verdicts['hang']}, "
        f"partial outputs {verdicts['partial']}, multi-line errors {verdicts['long-message']}"
    )
    print(f"slowest run {float(slowest['seconds']):.1f} s: {' '.join(slowest['argv'])}")  # type: ignore[arg-type]
    if arguments.json:
        arguments.json.write_text(json.dumps(outcomes, ensure_ascii=False, indent=1))
    print(f"errors naming an option the command has not: {verdicts['unknown-flag']}")
    failed = sum(
        verdicts[name] for name in ("traceback", "hang", "partial", "long-message", "unknown-flag")
    )
    if failed:
        print(f"failed runs kept in {arguments.keep}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
