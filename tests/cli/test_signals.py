"""SIGINT and SIGTERM in the middle of ``burn`` and ``fix --in-place``, as real processes.

After the signal: exit 130 (SIGINT) or 143 (SIGTERM) with ``interrupted`` as the
last line of stderr, no child process alive (ffmpeg), no temporary file left
(beside the output, or in the temporary folder), and the input intact: either
untouched with no backup, or (a signal that came after the rename) the complete
new file with the original as its backup.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from captionkit.timecode import format_srt_time

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def children(pid: int) -> list[int]:
    """The direct children of a process (from /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def encoder(pid: int) -> int | None:
    """The child ffmpeg that is burning (the one reporting ``-progress``), if any."""
    for child in children(pid):
        try:
            if b"-progress" in Path(f"/proc/{child}/cmdline").read_bytes():
                return child
        except OSError:
            continue
    return None


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def handles_sigterm(pid: int) -> bool:
    """Whether the process has installed its SIGTERM handler (captionkit's run() has begun)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next(line for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(caught.split()[1], 16) & (1 << (signal.SIGTERM - 1)))


def start(argv: list[str], folder: Path, scratch: Path) -> subprocess.Popen[str]:
    environment = {**os.environ, "TMPDIR": str(scratch), "COLUMNS": "100"}
    return subprocess.Popen(
        [sys.executable, "-m", "captionkit", *argv],
        cwd=folder,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own group: the test can signal the group, as a terminal does
    )


def wait_until(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


EXPECTED = {signal.SIGINT: 130, signal.SIGTERM: 143}
CASES = [
    pytest.param(signal.SIGINT, False, id="SIGINT-to-captionkit"),
    pytest.param(signal.SIGINT, True, id="SIGINT-to-the-group"),
    pytest.param(signal.SIGTERM, False, id="SIGTERM-to-captionkit"),
]


@pytest.fixture(scope="module")
def long_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 640x360 moving test pattern of 20 s with sound: seconds of encoding to interrupt."""
    from captionkit.errors import CaptionkitError
    from captionkit.render.ffmpeg import require_libass, run_ffmpeg

    try:
        require_libass()
    except CaptionkitError as missing:
        pytest.skip(f"no ffmpeg with libass: {missing}")
    path = tmp_path_factory.mktemp("video") / "long.mp4"
    run_ffmpeg(
        ["-f", "lavfi", "-i", "testsrc=s=640x360:r=25:d=20", "-f", "lavfi", "-i",
         "sine=frequency=440:duration=20", "-c:v", "libx264", "-preset", "ultrafast",
         "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path)],
        what="making a test video",
    )  # fmt: skip
    return path


@pytest.mark.parametrize(("number", "group"), CASES)
def test_burn_interrupted(
    tmp_path: Path, long_video: Path, number: signal.Signals, group: bool
) -> None:
    folder, scratch = tmp_path / "work", tmp_path / "tmp"
    folder.mkdir()
    scratch.mkdir()
    (folder / "video.mp4").symlink_to(long_video)
    blocks = [
        f"{i + 1}\n{format_srt_time(i * 2000)} --> {format_srt_time(i * 2000 + 1500)}\nمرحبا بكم {i}\n"
        for i in range(10)
    ]
    (folder / "subs.srt").write_text("\n".join(blocks), encoding="utf-8")
    before = {path.name: digest(path) for path in folder.iterdir()}
    process = start(
        ["burn", "video.mp4", "subs.srt", "-o", "out.mp4", "--quiet", "--preset", "slow"],
        folder,
        scratch,
    )
    try:
        found = wait_until(lambda: encoder(process.pid), 60)
        assert found, f"no ffmpeg started: {process.communicate()}"
        ffmpeg = encoder(process.pid)
        assert ffmpeg is not None
        time.sleep(0.5)  # mid-encoding
        assert alive(ffmpeg) and process.poll() is None, "the burn ended before the signal"
        if group:
            os.killpg(process.pid, number)
        else:
            os.kill(process.pid, number)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == EXPECTED[number], err
    assert err.strip().splitlines()[-1] == "interrupted", err
    assert "Traceback" not in err and "ffmpeg failed" not in err
    assert wait_until(lambda: not alive(ffmpeg), 5), "ffmpeg outlived captionkit"
    assert {path.name: digest(path) for path in folder.iterdir()} == before  # no out.mp4, no .tmp
    assert list(scratch.iterdir()) == []  # no ASS script, no font folder


@pytest.fixture(scope="module")
def large_srt(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """30,000 cues, every other one with visual-order punctuation for fix to mend."""
    blocks = []
    for i in range(30000):
        start_ms = i * 3000
        text = ".لقد وصلنا إلى المدينة" if i % 2 else "مرحبا بكم في البرنامج"
        timing = f"{format_srt_time(start_ms)} --> {format_srt_time(start_ms + 2000)}"
        blocks.append(f"{i + 1}\n{timing}\n{text}\n")
    return "\n".join(blocks).encode("utf-8")


@pytest.mark.parametrize(("number", "group"), CASES)
def test_fix_in_place_interrupted(
    tmp_path: Path, large_srt: bytes, number: signal.Signals, group: bool
) -> None:
    folder, scratch = tmp_path / "work", tmp_path / "tmp"
    folder.mkdir()
    scratch.mkdir()
    source = folder / "big.srt"
    source.write_bytes(large_srt)
    process = start(["fix", "big.srt", "--in-place"], folder, scratch)
    try:
        assert wait_until(lambda: handles_sigterm(process.pid), 60), process.communicate()
        time.sleep(0.3)  # reading, fixing or writing: wherever it is
        if process.poll() is not None:
            pytest.skip("fix finished before the signal (a fast machine): nothing to interrupt")
        if group:
            os.killpg(process.pid, number)
        else:
            os.kill(process.pid, number)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == EXPECTED[number], err
    assert err.strip().splitlines()[-1] == "interrupted", err
    assert "Traceback" not in err
    names = sorted(path.name for path in folder.iterdir())
    if names == ["big.srt"]:
        assert source.read_bytes() == large_srt  # stopped before the rename: untouched
    else:  # stopped after it: the whole new file, the original as its backup
        assert names == ["big.srt", "big.srt.bak"], names
        assert (folder / "big.srt.bak").read_bytes() == large_srt
        assert source.read_bytes().count(b"\n") == large_srt.count(b"\n")
    assert list(scratch.iterdir()) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_reader_that_goes_away_ends_a_batch_quietly(tmp_path: Path, jobs: str) -> None:
    """``captionkit check FOLDER | head``: the reader closes first; the run exits 0 with
    nothing on stderr (no traceback, no leaked-semaphore warning from a pool left open)."""
    fixtures = Path(__file__).resolve().parents[2] / "fixtures" / "formats"
    for name in ("sample.srt", "sample.ass", "sample.ttml"):
        (tmp_path / name).write_bytes((fixtures / name).read_bytes())
    process = subprocess.Popen(
        [sys.executable, "-m", "captionkit", "check", str(tmp_path), "--format=json", f"-j{jobs}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()  # before the command writes a byte: its first write fails
    # a worker left running would hold stderr open: communicate would time out
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 0
    assert stderr.decode() == ""
