"""Atomic writing for the readers' side of the library (:func:`captionkit.formats.write`).

Both functions are the output layer's (:mod:`captionkit.io`): a temporary file in
the target's folder, then a rename; a failed write is an ``OutputError`` and
leaves the old file as it was. ``backup=True`` keeps the old file first, never
over an earlier backup.
"""

from __future__ import annotations

import os

from captionkit.io import staged_output as atomic_target
from captionkit.io import write_outputs

__all__ = ["atomic_target", "write_atomic"]


def write_atomic(path: str | os.PathLike[str], data: bytes, *, backup: bool = False) -> None:
    """Write ``data`` to ``path`` atomically, keeping a backup of the old file when asked."""
    write_outputs([(path, data)], in_place=backup, backup_suffix=".bak" if backup else None)
