"""captionkit: subtitles and captions for right-to-left (Arabic) video.

The library reads and writes SubRip and WebVTT without losing a byte, makes
timed captions from a narration script, re-times files and checks RTL layout.

The public API, with the command line's defaults (README, "Python API"):

* ``read``, ``write``, ``loads``, ``dumps``, ``to_bytes``: files and bytes to a
  :class:`Track` and back;
* ``make(text, profile=..., timing=...)`` → :class:`MakeResult`;
* ``retime(track, shift=..., ...)`` → :class:`RetimeResult`;
* ``check(track_or_path, ...)`` → :class:`CheckResult` (its ``findings``);
* ``fix(track, ...)`` → :class:`FixResult`;
* ``align(text, timestamps)`` → :class:`WordTimes`.

Everything but the model and the errors is imported on first use, so
``import captionkit`` costs almost nothing. ``make``, ``retime``, ``check`` and ``align`` are also the names
of subpackages: ``captionkit.make(...)`` calls the function, and
``captionkit.make.pipeline`` (attribute access) still reaches the subpackage.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

from captionkit.errors import CaptionkitError
from captionkit.model import Cue, Header, Note, Region, Style, Track, Unparsed

if TYPE_CHECKING:
    from captionkit.api import (
        CheckResult,
        FixResult,
        MakeResult,
        RetimeResult,
        WordTimes,
        align,
        check,
        fix,
        make,
        retime,
    )
    from captionkit.formats import dumps, loads, parse, read, to_bytes, write
    from captionkit.make import FromTimestamps, SpeechRate
    from captionkit.profiles import Profile, load_profile
    from captionkit.version import __version__

#: Names imported on first use, and the module each comes from.
_LAZY = {
    "__version__": "captionkit.version",  # importlib.metadata costs a third of the start
    "dumps": "captionkit.formats",
    "loads": "captionkit.formats",
    "parse": "captionkit.formats",
    "read": "captionkit.formats",
    "to_bytes": "captionkit.formats",
    "write": "captionkit.formats",
    "CheckResult": "captionkit.api",
    "FixResult": "captionkit.api",
    "MakeResult": "captionkit.api",
    "RetimeResult": "captionkit.api",
    "WordTimes": "captionkit.api",
    "fix": "captionkit.api",
    "FromTimestamps": "captionkit.make",
    "SpeechRate": "captionkit.make",
    "Profile": "captionkit.profiles",
    "load_profile": "captionkit.profiles",
}

#: API functions that share their name with a subpackage.
_JOBS = ("align", "check", "make", "retime")


class _Job:
    """An API function that is also the way to its subpackage (``captionkit.make.pipeline``).

    Calling it calls ``captionkit.api.<name>``; any other attribute is the
    subpackage's. Both are imported on first use.
    """

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        function = getattr(importlib.import_module("captionkit.api"), self._name)
        return function(*args, **kwargs)

    def __getattr__(self, attribute: str) -> Any:
        if attribute == "__wrapped__":  # help(), inspect.signature() and doctest finders
            return getattr(importlib.import_module("captionkit.api"), self._name)
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return getattr(importlib.import_module(f"captionkit.{self._name}"), attribute)

    def __repr__(self) -> str:
        return f"<captionkit.{self._name}: the API function and its subpackage>"


class _Package(ModuleType):
    """The ``captionkit`` module: importing a job's subpackage keeps its API function."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _JOBS and isinstance(value, ModuleType):
            return  # the import system binding the subpackage: the _Job reaches it anyway
        super().__setattr__(name, value)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'captionkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


align = _Job("align")  # type: ignore[no-redef]
check = _Job("check")  # type: ignore[no-redef]
make = _Job("make")  # type: ignore[no-redef]
retime = _Job("retime")  # type: ignore[no-redef]
sys.modules[__name__].__class__ = _Package

__all__ = [
    "CaptionkitError",
    "CheckResult",
    "Cue",
    "FixResult",
    "FromTimestamps",
    "Header",
    "MakeResult",
    "Note",
    "Profile",
    "Region",
    "RetimeResult",
    "SpeechRate",
    "Style",
    "Track",
    "Unparsed",
    "WordTimes",
    "__version__",
    "align",
    "check",
    "dumps",
    "fix",
    "load_profile",
    "loads",
    "make",
    "parse",
    "read",
    "retime",
    "to_bytes",
    "write",
]
