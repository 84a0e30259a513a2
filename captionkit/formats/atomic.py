"""Atomic writing: a temporary file in the target's folder, then a rename.

A reader of the target never sees half a file, and a failed write leaves the
old file as it was. ``backup=True`` first copies the old file to ``FILE.bak``
(used by ``--in-place``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from captionkit.errors import CaptionkitError


def write_atomic(path: str | os.PathLike[str], data: bytes, *, backup: bool = False) -> None:
    """Write ``data`` to ``path`` atomically, keeping ``path.bak`` when asked."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise CaptionkitError(f"the folder {str(folder)!r} does not exist", file=str(target))
    if backup and target.exists():
        shutil.copy2(target, target.with_name(target.name + ".bak"))
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            shutil.copymode(target, temporary)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
