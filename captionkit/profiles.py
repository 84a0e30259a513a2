"""Style profiles: named sets of thresholds for line length, lines, reading speed and timing.

Profiles are data (``captionkit/data/profiles.toml``). A user overrides any value
on the command line or in ``[tool.captionkit]`` of a ``pyproject.toml``::

    [tool.captionkit]
    profile = "broadcast"
    max_chars_per_line = 40

>>> profile = load_profile("arabic")
>>> profile.max_chars_per_line, profile.max_lines, profile.min_gap_ms
(42, 2, 80)
>>> load_profile("arabic", {"max_cps": 15}).max_cps
15.0
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, fields, replace
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

from captionkit.errors import InvalidValue, UsageError
from captionkit.timecode import MAX_TIME_MS, frames_to_ms, parse_fps

DEFAULT_PROFILE = "arabic"


@dataclass(frozen=True, slots=True)
class Profile:
    """Thresholds that make, check and repair share."""

    name: str
    description: str = ""
    max_chars_per_line: int = 42
    max_lines: int = 2
    max_cps: float = 17.0
    min_duration_ms: int = 833
    max_duration_ms: int = 7000
    min_gap_frames: int = 2
    fps: Fraction = Fraction(25)
    shape: str = "bottom-heavy"
    single_line_first: bool = True

    def __post_init__(self) -> None:
        """Refuse thresholds no caption can meet, with the same words for make, check and fix."""
        if not 1 <= self.max_chars_per_line <= 1000:
            raise InvalidValue("max_chars_per_line", self.max_chars_per_line, "from 1 to 1000")
        if self.max_lines not in (1, 2):
            raise InvalidValue("max_lines", self.max_lines, "1 or 2")
        if not (math.isfinite(self.max_cps) and 0 < self.max_cps <= 1000):
            raise InvalidValue("max_cps", self.max_cps, "a positive number up to 1000")
        if not 0 < self.min_duration_ms <= self.max_duration_ms < MAX_TIME_MS:
            raise InvalidValue(
                "min_duration_ms",
                self.min_duration_ms,
                f"positive and at most max_duration_ms ({self.max_duration_ms})",
            )
        if not 0 <= self.min_gap_frames <= 1000:
            raise InvalidValue("min_gap_frames", self.min_gap_frames, "from 0 to 1000")
        if not 0 < self.fps <= 1000:
            raise InvalidValue("fps", str(self.fps), "a positive frame rate up to 1000")

    @property
    def min_gap_ms(self) -> int:
        """The minimum gap between cues in milliseconds (frames at the profile's rate)."""
        return frames_to_ms(self.min_gap_frames, self.fps)


_FIELD_TYPES = {item.name: item.type for item in fields(Profile)}


def _coerce(name: str, value: Any) -> Any:
    kind = _FIELD_TYPES.get(name)
    if kind is None:
        raise UsageError(f"unknown profile setting {name!r}")
    try:
        if name == "fps":
            return parse_fps(str(value))
        if kind in ("int", int):
            return int(value)
        if kind in ("float", float):
            number = float(value)
            if not math.isfinite(number):
                raise ValueError(value)
            return number
        if kind in ("bool", bool):
            if isinstance(value, str):
                return value.lower() in ("1", "true", "yes")
            return bool(value)
    except (TypeError, ValueError):
        raise InvalidValue(name, value, f"a finite {getattr(kind, '__name__', kind)}") from None
    if name == "shape" and value not in ("balanced", "bottom-heavy"):
        raise InvalidValue("shape", value, "balanced or bottom-heavy")
    return value


def builtin_profiles() -> dict[str, dict[str, Any]]:
    """The profiles shipped in ``profiles.toml``, as raw tables."""
    text = resources.files("captionkit.data").joinpath("profiles.toml").read_text("utf-8")
    return tomllib.loads(text)


def load_profile(name: str | None = None, overrides: dict[str, Any] | None = None) -> Profile:
    """A named profile with ``overrides`` applied (keys are Profile field names)."""
    tables = builtin_profiles()
    chosen = name or DEFAULT_PROFILE
    if chosen not in tables:
        known = ", ".join(sorted(tables))
        raise UsageError(f"unknown profile {chosen!r} (known: {known})")
    values = {key: _coerce(key, value) for key, value in tables[chosen].items()}
    profile = Profile(name=chosen, **values)
    if overrides:
        clean = {key: _coerce(key, value) for key, value in overrides.items() if value is not None}
        profile = replace(profile, **clean)
    return profile


#: Keys of ``[tool.captionkit.check]`` (a table of its own inside ``[tool.captionkit]``).
CHECK_KEYS = frozenset({"select", "ignore", "severity", "output-format", "fail-on"})


def _key_line(text: str, key: str) -> int | None:
    """The line of the TOML text where ``key`` is set (for the error message)."""
    pattern = re.compile(rf'^\s*(?:"{re.escape(key)}"|{re.escape(key)})\s*=', re.MULTILINE)
    match = pattern.search(text)
    if match is None:
        match = re.search(rf"^\s*\[[^\]]*\b{re.escape(key)}\]", text, re.MULTILINE)
    return None if match is None else text.count("\n", 0, match.start()) + 1


def _validate(settings: dict[str, Any], text: str, path: Path, table: str) -> None:
    """Refuse keys no command reads, naming the file, the line and the key."""
    allowed = (set(_FIELD_TYPES) - {"name"}) | {"profile", "check"}
    for key, value in settings.items():
        if key not in allowed:
            raise UsageError(
                f"unknown key {key!r} in [{table}] (known: {', '.join(sorted(allowed))})",
                file=str(path),
                line=_key_line(text, key),
            )
        if key == "check":
            if not isinstance(value, dict):
                raise UsageError(f"[{table}.check] must be a table", file=str(path))
            for inner in value:
                if inner not in CHECK_KEYS:
                    raise UsageError(
                        f"unknown key {inner!r} in [{table}.check] "
                        f"(known: {', '.join(sorted(CHECK_KEYS))})",
                        file=str(path),
                        line=_key_line(text, inner),
                    )


def read_settings(path: Path) -> dict[str, Any]:
    """The captionkit settings of one TOML file, checked key by key.

    A ``pyproject.toml`` (or any file with a ``[tool]`` table) holds them in
    ``[tool.captionkit]``; any other file (a ``captionkit.toml``) holds them at its top
    level, as ruff's own ``ruff.toml`` does.
    """
    try:
        text = path.read_text("utf-8")
        data = tomllib.loads(text)
    except OSError as error:
        raise UsageError(f"cannot read it: {error.strerror or error}", file=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read it: {error}", file=str(path)) from None
    if "tool" in data or path.name == "pyproject.toml":
        tool = data.get("tool", {})
        settings = tool.get("captionkit", {}) if isinstance(tool, dict) else {}
        table = "tool.captionkit"
    else:
        settings, table = data, "captionkit"
    if not isinstance(settings, dict):
        raise UsageError(f"[{table}] must be a table", file=str(path))
    _validate(settings, text, path, table)
    return dict(settings)


def project_settings(start: Path | None = None, config: Path | None = None) -> dict[str, Any]:
    """The settings of ``config`` when given, else ``[tool.captionkit]`` of the nearest
    ``pyproject.toml`` above ``start`` (or {}). Unknown keys are errors naming file and key."""
    if config is not None:
        return read_settings(Path(config))
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file():
            return read_settings(path)
    return {}


def resolve_profile(
    name: str | None,
    overrides: dict[str, Any] | None = None,
    start: Path | None = None,
    config: Path | None = None,
) -> Profile:
    """The profile a command uses: ``[tool.captionkit]`` first, then command-line values.

    Command-line values (``overrides``, None meaning "not given") win over the
    project's settings, which win over the profile's own values.
    """
    settings = project_settings(start, config)
    profile_fields = set(_FIELD_TYPES) - {"name"}
    chosen = name or settings.get("profile")
    merged = {key: value for key, value in settings.items() if key in profile_fields}
    merged.update({key: value for key, value in (overrides or {}).items() if value is not None})
    return load_profile(chosen, merged)
