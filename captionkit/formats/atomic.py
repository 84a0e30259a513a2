"""Atomic writing: a temporary file in the target's folder, then a rename.

A reader of the target never sees half a file, and a failed write leaves the
old file as it was. ``backup=True`` first copies the old file to ``FILE.bak``
(used by ``--in-place``). :func:`atomic_target` gives the temporary path itself
to writers that cannot hand over bytes (ffmpeg writing a video).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from captionkit.errors import CaptionkitError


@contextmanager
def atomic_target(path: str | os.PathLike[str], *, backup: bool = False) -> Iterator[Path]:
    """A temporary path to write instead of ``path``; it replaces ``path`` when the block ends.

    When the block raises, the temporary file is removed and ``path`` is untouched.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise CaptionkitError(f"the folder {str(folder)!r} does not exist", file=str(target))
    if backup and target.exists():
        shutil.copy2(target, target.with_name(target.name + ".bak"))
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    try:
        yield Path(temporary)
        if target.exists():
            shutil.copymode(target, temporary)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def write_atomic(path: str | os.PathLike[str], data: bytes, *, backup: bool = False) -> None:
    """Write ``data`` to ``path`` atomically, keeping ``path.bak`` when asked."""
    with atomic_target(path, backup=backup) as temporary, open(temporary, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
