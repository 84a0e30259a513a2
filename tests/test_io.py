"""The output layer (captionkit.io): same-file refusal, all or nothing, backups, faults."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from captionkit import io
from captionkit.errors import CaptionkitError, OutputError
from captionkit.formats import loads, write
from captionkit.io import backup_path, staged_output, write_outputs

SRT = b"1\n00:00:01,000 --> 00:00:02,000\nHello\n"


def leftovers(folder: Path) -> list[str]:
    """Temporary files the layer would have left (hidden ``.NAME.*.tmp``)."""
    return sorted(path.name for path in folder.rglob("*") if path.name.endswith((".tmp", ".old")))


def test_outputs_appear_together(tmp_path: Path) -> None:
    write_outputs([(tmp_path / "a.srt", b"A"), (tmp_path / "b.vtt", b"B")])
    assert (tmp_path / "a.srt").read_bytes() == b"A"
    assert (tmp_path / "b.vtt").read_bytes() == b"B"
    assert leftovers(tmp_path) == []


def test_a_failing_output_writes_none(tmp_path: Path) -> None:
    (tmp_path / "a.srt").write_bytes(b"old")
    with pytest.raises(OutputError, match="does not exist") as caught:
        write_outputs([(tmp_path / "a.srt", b"new"), (tmp_path / "missing" / "b.vtt", b"B")])
    assert caught.value.file == str(tmp_path / "missing" / "b.vtt")
    assert (tmp_path / "a.srt").read_bytes() == b"old"
    assert leftovers(tmp_path) == []


def test_a_failed_rename_puts_every_target_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    targets = [tmp_path / name for name in ("a.srt", "b.srt", "c.srt")]
    targets[0].write_bytes(b"old a")
    targets[1].write_bytes(b"old b")
    real_replace = os.replace
    calls = []

    def failing_replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        calls.append(target)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr("captionkit.io.os.replace", failing_replace)
    with pytest.raises(OutputError, match="no space left"):
        write_outputs([(path, b"new") for path in targets])
    monkeypatch.undo()
    assert targets[0].read_bytes() == b"old a"
    assert targets[1].read_bytes() == b"old b"
    assert not targets[2].exists()
    assert leftovers(tmp_path) == []


def test_an_interruption_leaves_targets_and_no_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.srt"
    target.write_bytes(b"old")

    def interrupted(source: object, destination: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("captionkit.io.os.replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_outputs([(target, b"new")], inputs=[target], in_place=True)
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.srt"]


@pytest.mark.parametrize("how", ["same", "dotdot", "symlink", "hardlink"])
def test_the_input_is_refused_as_output(tmp_path: Path, how: str) -> None:
    source = tmp_path / "in.srt"
    source.write_bytes(SRT)
    (tmp_path / "sub").mkdir()
    target = {
        "same": source,
        "dotdot": tmp_path / "sub" / ".." / "in.srt",
        "symlink": tmp_path / "link.srt",
        "hardlink": tmp_path / "hard.srt",
    }[how]
    if how == "symlink":
        target.symlink_to(source)
    if how == "hardlink":
        os.link(source, target)
    with pytest.raises(OutputError, match="the output is the input file"):
        write_outputs([(target, b"JSON")], inputs=[source])
    assert source.read_bytes() == SRT


def test_the_same_output_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="named twice"):
        write_outputs([(tmp_path / "a.srt", b"1"), (tmp_path / "." / "a.srt", b"2")])
    assert not (tmp_path / "a.srt").exists()


def test_backups_never_clobber(tmp_path: Path) -> None:
    target = tmp_path / "a.srt"
    target.write_bytes(b"v0")
    (tmp_path / "a.srt.bak").write_bytes(b"older")
    made = [
        write_outputs([(target, f"v{n}".encode())], inputs=[target], in_place=True) for n in (1, 2)
    ]
    assert [[path.name for path in backups] for backups in made] == [
        ["a.srt.bak.1"],
        ["a.srt.bak.2"],
    ]
    assert (tmp_path / "a.srt.bak").read_bytes() == b"older"
    assert (tmp_path / "a.srt.bak.1").read_bytes() == b"v0"
    assert (tmp_path / "a.srt.bak.2").read_bytes() == b"v1"
    assert target.read_bytes() == b"v2"
    assert leftovers(tmp_path) == []


def test_backup_path_counts_past_existing_names(tmp_path: Path) -> None:
    target = tmp_path / "f.vtt"
    assert backup_path(target).name == "f.vtt.bak"
    for name in ("f.vtt.bak", "f.vtt.bak.1"):
        (tmp_path / name).write_bytes(b"")
    assert backup_path(target).name == "f.vtt.bak.2"
    assert backup_path(target, "~").name == "f.vtt~"


def test_a_backup_keeps_the_original_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.srt"
    target.write_bytes(b"v0")
    target.chmod(0o640)
    (backup,) = write_outputs([(target, b"v1")], inputs=[target], in_place=True)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o640
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_link_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.srt"
    real.write_bytes(b"old")
    link = tmp_path / "link.srt"
    link.symlink_to(real)
    write_outputs([(link, b"new")])
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    write_outputs([(os.devnull, b"discarded")])
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_outputs([(fifo, b"through the pipe")])
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_folder_as_output(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="it is a folder") as caught:
        write_outputs([(tmp_path, b"x")])
    assert str(caught.value).startswith(f"{tmp_path}: ")


def test_library_write_raises_captionkit_errors(tmp_path: Path) -> None:
    track = loads(SRT)
    with pytest.raises(CaptionkitError, match="it is a folder"):
        write(track, tmp_path)
    with pytest.raises(CaptionkitError, match="does not exist"):
        write(track, tmp_path / "no" / "x.srt")
    write(track, tmp_path / "x.srt")
    write(track, tmp_path / "x.srt", backup=True)
    assert (tmp_path / "x.srt.bak").read_bytes() == SRT


def test_staged_output_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "video.mp4"
    target.write_bytes(b"old video")
    with pytest.raises(RuntimeError), staged_output(target) as temporary:
        temporary.write_bytes(b"half a video")
        raise RuntimeError("ffmpeg died")
    assert target.read_bytes() == b"old video"
    assert leftovers(tmp_path) == []
    with staged_output(target) as temporary:
        temporary.write_bytes(b"new video")
    assert target.read_bytes() == b"new video"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_permission_denied(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="permission denied"):
            write_outputs([(folder / "a.srt", b"x")])
    finally:
        folder.chmod(0o700)


def test_causes_are_words() -> None:
    import errno

    assert io.cause_of(OSError(errno.ENOSPC, "x")) == "no space left on the device"
    assert io.cause_of(OSError(errno.EROFS, "x")) == "the file system is read-only"
    assert io.cause_of(OSError(errno.EISDIR, "x")) == "it is a folder"
