"""Write faults: every command that writes, into a folder, a read-only file system, a full
disk and a missing folder, with and without ``--in-place``.

Each must answer with one line and exit 2, write nothing, and leave its input and
any existing backup byte for byte as they were. The read-only and full file
systems are small tmpfs mounts made by the test, which needs root (CI runs as
root); elsewhere those cases are skipped with the reason.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from captionkit.cli.app import run

SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\n.لقد وصلنا\n\n"
    "2\n00:00:04,000 --> 00:00:06,000\n!مرحبا بكم\n"
)  # visual-order punctuation: fix has something to mend
NARRATION = "مرحبا بكم في هذا البرنامج الجديد.\nنتحدث اليوم عن المدن القديمة في الصحراء.\n"
BACKUP = b"an older backup that must survive\n"


@pytest.fixture(autouse=True)
def keep_signal_handlers() -> Iterator[None]:
    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


def snapshot(*folders: Path) -> dict[str, bytes | None]:
    """Every file and folder under ``folders`` with its bytes (None for a folder)."""
    found: dict[str, bytes | None] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            found[str(path)] = None if path.is_dir() else path.read_bytes()
    return found


class Mounts:
    """Small tmpfs mounts, unmounted at the end of the test."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.points: list[Path] = []

    def make(self, name: str) -> Path:
        if os.geteuid() != 0:
            pytest.skip("mounting a tmpfs needs root (CI runs as root)")
        point = self.base / name
        point.mkdir()
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(point)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            point.rmdir()
            pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
        self.points.append(point)
        return point

    def read_only(self, point: Path) -> None:
        subprocess.run(["mount", "-o", "remount,ro", str(point)], check=True)

    def fill(self, point: Path) -> None:
        """Write until the file system has no byte left."""
        handle = os.open(point / ".filler", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            while True:
                os.write(handle, b"\0" * 1024)
        except OSError as error:
            assert error.errno == errno.ENOSPC
        finally:
            os.close(handle)

    def close(self) -> None:
        for point in reversed(self.points):
            subprocess.run(["umount", str(point)], check=False)


@pytest.fixture
def mounts(tmp_path: Path) -> Iterator[Mounts]:
    made = Mounts(tmp_path)
    yield made
    made.close()


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-second 160x90 test video with sound, made with the packaged ffmpeg."""
    from captionkit.errors import CaptionkitError
    from captionkit.render.ffmpeg import require_libass, run_ffmpeg

    try:
        require_libass()
    except CaptionkitError as missing:
        pytest.skip(f"no ffmpeg with libass: {missing}")
    path = tmp_path_factory.mktemp("video") / "video.mp4"
    run_ffmpeg(
        ["-f", "lavfi", "-i", "testsrc=s=160x90:r=10:d=1", "-f", "lavfi", "-i",
         "sine=frequency=440:duration=1", "-c:v", "libx264", "-preset", "ultrafast",
         "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(path)],
        what="making a test video",
    )  # fmt: skip
    return path


# Each writing command, as argv for an output path ``out`` (its folder for demo).
COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "convert": lambda out: ["convert", "in.srt", "-o", f"{out}/result.vtt"],
    "retime": lambda out: ["retime", "in.srt", "--shift", "1.5", "-o", f"{out}/result.srt"],
    "fix": lambda out: ["fix", "in.srt", "-o", f"{out}/result.srt"],
    "make": lambda out: ["make", "narration.txt", "-o", "first.srt", "-o", f"{out}/result.vtt"],
    "preview": lambda out: [
        "preview",
        "in.srt",
        "--cue",
        "1",
        "--size",
        "320x180",
        "-o",
        f"{out}/result.png",
    ],
    "burn": lambda out: ["burn", "video.mp4", "in.srt", "-o", f"{out}/result.mp4", "--quiet"],
    "demo": lambda out: ["demo", "--dir", out],
}


def prepare(folder: Path, video: Path | None) -> None:
    (folder / "in.srt").write_text(SRT, encoding="utf-8")
    (folder / "narration.txt").write_text(NARRATION, encoding="utf-8")
    if video is not None:
        (folder / "video.mp4").symlink_to(video)


def refused(capfd: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """Run ``argv``; it must exit 2 with one line on stderr, which is returned."""
    code = run(argv)
    _, err = capfd.readouterr()
    lines = err.strip().splitlines()
    assert code == 2, (argv, err)
    assert len(lines) == 1, err
    assert "Traceback" not in err and "internal error" not in err
    return lines[0]


@pytest.mark.parametrize("fault", ["folder", "missing", "read-only", "full"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_failed_write_changes_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    mounts: Mounts,
    request: pytest.FixtureRequest,
    command: str,
    fault: str,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    prepare(work, request.getfixturevalue("video") if command == "burn" else None)
    if fault == "folder":
        out = "into"
        # the output (demo: one of its outputs) is an existing folder
        name = {"convert": "result.vtt", "retime": "result.srt", "fix": "result.srt",
                "make": "result.vtt", "preview": "result.png", "burn": "result.mp4",
                "demo": "demo.vtt"}[command]  # fmt: skip
        (work / out / name).mkdir(parents=True)
    elif fault == "missing":
        out = "no/such/folder"
    else:
        point = mounts.make(fault)
        out = str(point)
        if fault == "read-only":
            mounts.read_only(point)
        else:
            mounts.fill(point)
    watched = [work, *mounts.points]
    before = snapshot(*watched)
    line = refused(capfd, COMMANDS[command](out))
    assert snapshot(*watched) == before, line
    if command != "burn" or fault != "full":  # ffmpeg's own words name the cause there
        assert out.split("/")[0] in line or "already exists" in line, line


@pytest.mark.parametrize("fault", ["read-only", "full"])
@pytest.mark.parametrize("command", ["retime", "fix"])
def test_a_failed_in_place_edit_keeps_input_and_backup(
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    mounts: Mounts,
    command: str,
    fault: str,
) -> None:
    point = mounts.make(fault)
    source = point / "in.srt"
    source.write_text(SRT, encoding="utf-8")
    (point / "in.srt.bak").write_bytes(BACKUP)
    if fault == "read-only":
        mounts.read_only(point)
    else:
        mounts.fill(point)
    before = snapshot(point)
    argv = (
        ["retime", str(source), "--in-place", "--shift", "2"]
        if command == "retime"
        else ["fix", str(source), "--in-place"]
    )
    line = refused(capfd, argv)
    assert line.startswith(str(point)), line
    assert snapshot(point) == before
    assert source.read_text(encoding="utf-8") == SRT
    assert (point / "in.srt.bak").read_bytes() == BACKUP


@pytest.mark.parametrize("command", ["retime", "fix"])
def test_an_in_place_edit_keeps_every_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str], command: str
) -> None:
    """The control case: with room to write, an edit adds FILE.bak.1 beside an existing FILE.bak."""
    monkeypatch.chdir(tmp_path)
    Path("in.srt").write_text(SRT, encoding="utf-8")
    Path("in.srt.bak").write_bytes(BACKUP)
    argv = ["retime", "in.srt", "--in-place", "--shift", "2"] if command == "retime" else [
        "fix", "in.srt", "--in-place"]  # fmt: skip
    assert run(argv) == 0
    capfd.readouterr()
    assert Path("in.srt.bak").read_bytes() == BACKUP
    assert Path("in.srt.bak.1").read_text(encoding="utf-8") == SRT
    assert Path("in.srt").read_text(encoding="utf-8") != SRT
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "in.srt",
        "in.srt.bak",
        "in.srt.bak.1",
    ]
