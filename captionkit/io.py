"""The one output layer: every command writes through :func:`write_outputs`.

Its guarantees (README, "What captionkit guarantees"):

* an output that is one of the run's inputs (the same file, through links too) is
  refused unless the run is an in-place edit;
* all the outputs of a run appear together or not at all: each is written to a
  temporary file beside its target first, and only when every one is complete are
  they renamed over their targets;
* an in-place edit keeps a backup of the original, written atomically, that never
  clobbers an earlier backup (``FILE.bak``, then ``FILE.bak.1``, ...);
* every failure of a write (a folder, a read-only file system, no space, no
  permission) is an :class:`~captionkit.errors.OutputError` naming the path and the
  cause, and nothing is left behind.

Standard output (``-``) is written last, after the files are in place.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_outputs([(folder / "a.srt", b"A"), (folder / "b.vtt", b"B")])
[]
>>> sorted(path.name for path in folder.iterdir())
['a.srt', 'b.vtt']
>>> write_outputs([(folder / "a.srt", b"A2")], inputs=[folder / "a.srt"], in_place=True)
[PosixPath('.../a.srt.bak')]
>>> write_outputs([(folder / "a.srt", b"X")], inputs=[folder / "a.srt"])
Traceback (most recent call last):
...
captionkit.errors.OutputError: ...a.srt: the output is the input file; ...
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from captionkit.errors import OutputError

__all__ = [
    "STDOUT",
    "backup_path",
    "cause_of",
    "is_same_file",
    "refuse_input_as_output",
    "staged_output",
    "write_outputs",
]

STDOUT = "-"

_CAUSES = {
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "over the disk quota",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENOENT: "the folder does not exist",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EIO: "an input/output error",
}


def cause_of(error: OSError) -> str:
    """A short cause, in words, for a failed write."""
    return _CAUSES.get(error.errno or 0, error.strerror or str(error))


def is_same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name the same existing file (through links and ``..``)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def backup_path(path: str | os.PathLike[str], suffix: str = ".bak") -> Path:
    """The first of ``FILE.bak``, ``FILE.bak.1``, ``FILE.bak.2`` ... that does not exist."""
    target = Path(path)
    candidate = target.with_name(target.name + suffix)
    number = 0
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = target.with_name(f"{target.name}{suffix}.{number}")
    return candidate


def _check_folder(target: Path) -> Path:
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError("cannot write: it is a folder", file=str(target))
    if not folder.exists():
        raise OutputError(
            f"cannot write: the folder {str(folder)!r} does not exist", file=str(target)
        )
    if not folder.is_dir():
        raise OutputError(f"cannot write: {str(folder)!r} is not a folder", file=str(target))
    return folder


@contextmanager
def _cleanup(paths: list[Path]) -> Iterator[None]:
    """Remove the listed temporaries when the block fails (or is interrupted)."""
    try:
        yield
    except BaseException:
        for path in paths:
            with suppress(OSError):
                path.unlink()
        raise


def _stage(target: Path, data: bytes | None, source: Path | None = None) -> Path:
    """A complete temporary copy of the output beside ``target`` (data, or a file's bytes)."""
    folder = _check_folder(target)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"cannot write: {cause_of(error)}", file=str(target)) from None
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            if source is not None:
                with open(source, "rb") as original:
                    shutil.copyfileobj(original, stream)
            elif data is not None:
                stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        model = source if source is not None else target
        mode = (model.stat().st_mode & 0o7777) if model.exists() else (0o666 & ~_umask())
        os.chmod(temporary, mode)
    except OSError as error:
        with suppress(OSError):
            temporary.unlink()
        raise OutputError(f"cannot write: {cause_of(error)}", file=str(target)) from None
    except BaseException:
        with suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def refuse_input_as_output(
    target: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]
) -> None:
    """Refuse an output that names one of the run's inputs: writing it would lose the input.

    Checked before anything else about the output (its format, its folder), so that the
    message says what is wrong with it rather than something beside the point.

    >>> refuse_input_as_output("out.srt", ["in.srt"])
    """
    if str(target) == STDOUT or not os.path.exists(target):
        return
    for name in inputs:
        if str(name) != STDOUT and is_same_file(target, name):
            raise OutputError(
                "the output is the input file; write elsewhere, or edit it in place "
                "(which keeps a backup)",
                file=str(target),
            )


def _refuse_inputs(
    targets: Sequence[Path], inputs: Iterable[str | os.PathLike[str]], in_place: bool
) -> None:
    names = list(inputs)  # read once: an iterator serves every target
    seen: list[Path] = []
    for target in targets:
        if any(is_same_file(target, other) for other in seen):
            raise OutputError("named twice as an output", file=str(target))
        seen.append(target)
        if not in_place:
            refuse_input_as_output(target, names)


def write_outputs(
    outputs: Sequence[tuple[str | os.PathLike[str], bytes]],
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
    in_place: bool = False,
    backup_suffix: str | None = ".bak",
    stdout: BinaryIO | None = None,
) -> list[Path]:
    """Write every ``(path, bytes)`` pair, all together or none; ``-`` is standard output.

    ``inputs`` are the run's input files: an output naming one of them is refused,
    unless ``in_place``, when each output replaces its file and a backup of the
    original is kept first (``backup_suffix`` None: no backup). Returns the backups made.

    A link is written through: the file it points to is replaced, the link stays.
    When anything fails, or the run is interrupted, before every output is in
    place, the targets keep their old bytes, the backups made are removed and
    no temporary file is left.
    """
    files = [(_real(Path(path)), data) for path, data in outputs if str(path) != STDOUT]
    streamed = [data for path, data in outputs if str(path) == STDOUT]
    devices = [(path, data) for path, data in files if _is_device(path)]
    files = [(path, data) for path, data in files if not _is_device(path)]
    _refuse_inputs([path for path, _ in files], inputs, in_place)
    staged: list[Path] = []
    backups: list[Path] = []
    with _cleanup(staged), _cleanup(backups):
        for target, data in files:
            staged.append(_stage(target, data))
        if in_place and backup_suffix is not None:
            for target, _ in files:
                if target.exists():
                    copy = _stage(backup_path(target, backup_suffix), None, source=target)
                    staged.append(copy)
                    backups.append(_link_without_clobbering(copy, target, backup_suffix))
        _replace_together([target for target, _ in files], staged[: len(files)])
    if streamed:
        if stdout is None and sys.stdout is None:  # started with standard output closed
            raise OutputError("cannot write: standard output is closed", file="<stdout>")
        stream = stdout or sys.stdout.buffer
        try:
            for data in streamed:
                stream.write(data)
            stream.flush()
        except BrokenPipeError:
            pass
        except OSError as error:
            raise OutputError(f"cannot write: {cause_of(error)}", file="<stdout>") from None
    for device, data in devices:
        try:
            with open(device, "wb") as stream:
                stream.write(data)
        except BrokenPipeError:
            pass
        except OSError as error:
            raise OutputError(f"cannot write: {cause_of(error)}", file=str(device)) from None
    return backups


def _is_device(path: Path) -> bool:
    """Whether ``path`` is an existing device, pipe or socket (``/dev/null``, a FIFO).

    Those are written into, never replaced: a rename over ``/dev/null`` would turn
    it into a plain file for every program on the machine.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _real(path: Path) -> Path:
    """The file a link points to (so that writing keeps the link), else the path itself."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _replace_together(targets: Sequence[Path], temporaries: Sequence[Path]) -> None:
    """Rename each temporary over its target; when one rename fails, undo those before it.

    The old file of each target is first kept under a hidden link, so that a
    failure half-way (or an interruption) can put every target back as it was.
    """
    if len(targets) == 1:  # one rename is atomic by itself
        try:
            os.replace(temporaries[0], targets[0])
        except OSError as error:
            raise OutputError(f"cannot write: {cause_of(error)}", file=str(targets[0])) from None
        return
    kept: list[tuple[Path, Path | None, bool]] = []  # (target, link to its old file, existed)
    done = False
    try:
        for target, temporary in zip(targets, temporaries, strict=True):
            old: Path | None = None
            existed = target.exists()
            if existed:
                old = temporary.with_name(temporary.name + ".old")
                try:
                    os.link(target, old)
                except OSError:  # no hard links here: this one cannot be put back
                    old = None
            try:
                os.replace(temporary, target)
            except OSError as error:
                if old is not None:
                    with suppress(OSError):
                        old.unlink()
                raise OutputError(f"cannot write: {cause_of(error)}", file=str(target)) from None
            kept.append((target, old, existed))
        done = True
    finally:
        for target, old, existed in reversed(kept):
            if done or (existed and old is None):
                if old is not None:
                    with suppress(OSError):
                        old.unlink()
            elif old is not None:
                with suppress(OSError):
                    os.replace(old, target)
            else:  # a new file: it goes
                with suppress(OSError):
                    target.unlink()


def _link_without_clobbering(temporary: Path, target: Path, suffix: str) -> Path:
    """Give the finished copy the first free backup name, never replacing a file there."""
    while True:
        backup = backup_path(target, suffix)
        try:
            os.link(temporary, backup)
        except FileExistsError:
            continue  # another process took the name meanwhile: the next one
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EMLINK):
                raise OutputError(
                    f"cannot keep a backup: {cause_of(error)}", file=str(backup)
                ) from None
            # No hard links here (some network and FAT file systems): an exclusive create
            # then the copy's bytes, still never over an existing file.
            try:
                with open(backup, "xb") as stream, open(temporary, "rb") as source:
                    shutil.copyfileobj(source, stream)
            except FileExistsError:
                continue
            except OSError as failure:
                with suppress(OSError):
                    backup.unlink()
                raise OutputError(
                    f"cannot keep a backup: {cause_of(failure)}", file=str(backup)
                ) from None
        break
    with suppress(OSError):
        temporary.unlink()
    return backup


@contextmanager
def staged_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path for a writer that cannot hand over bytes (ffmpeg writing a video).

    The file written there replaces ``path`` when the block ends; when the block
    raises or is interrupted, it is removed and ``path`` is untouched.
    """
    target = Path(path)
    temporary = _stage(target, b"")
    with _cleanup([temporary]):
        yield temporary
        try:
            os.replace(temporary, target)
        except OSError as error:
            raise OutputError(f"cannot write: {cause_of(error)}", file=str(target)) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
