"""Shared test helpers: where ../shared is, and skipping when it is absent.

Tests that read ../shared carry the ``shared`` marker (``pytest -m shared`` runs
them alone, ``-m "not shared"`` leaves them out); it is added here at collection
to every test that calls :func:`shared_path`, uses the ``shared`` fixture, or
reads a module constant under :data:`SHARED`. A run without ../shared ends with
how many tests it skipped and why, so the corpus tests never vanish silently.
"""

from __future__ import annotations

import inspect
import os
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

# Property tests judge results, not speed: a loaded CI machine must not fail them.
settings.register_profile("captionkit", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("captionkit")

if TYPE_CHECKING:
    from _pytest.terminal import TerminalReporter

    from captionkit.render.fonts import Font

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("CAPTIONKIT_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, or skip the test with the reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared conformance data and corpus are not here")
    return path


def _shared_names(module: object) -> set[str]:
    """Names in a test module that lead to ../shared: constants under it, helpers that use it."""
    names = {"shared_path", "SHARED"}
    for name, value in vars(module).items():
        if isinstance(value, Path) and value.is_relative_to(SHARED):
            names.add(name)
        elif inspect.isfunction(value) and value.__module__ == getattr(module, "__name__", None):
            try:
                source = inspect.getsource(value)
            except (OSError, TypeError):
                continue
            if not name.startswith("test") and "shared_path(" in source:
                names.add(name)
    return names


def _needs_shared(item: pytest.Item, names: set[str]) -> bool:
    if "shared" in getattr(item, "fixturenames", ()):
        return True
    function = getattr(item, "function", None)
    if function is None:
        return False
    try:
        source = inspect.getsource(function)  # with its decorators (parametrize over SHARED)
    except (OSError, TypeError):
        return False
    pattern = "|".join(re.escape(name) for name in sorted(names))
    return re.search(rf"\b({pattern})\b", source) is not None


def pytest_collection_modifyitems(config: pytest.Config, items: Sequence[pytest.Item]) -> None:
    """Mark every test that needs ../shared with ``shared``."""
    cache: dict[object, set[str]] = {}
    for item in items:
        module = getattr(item, "module", None)
        if module is None:
            continue
        if module not in cache:
            cache[module] = _shared_names(module)
        if _needs_shared(item, cache[module]):
            item.add_marker(pytest.mark.shared)


def pytest_terminal_summary(terminalreporter: TerminalReporter) -> None:
    """Say how many tests were skipped and why; loudly when ../shared is absent."""
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    reasons: Counter[str] = Counter()
    shared = 0
    for report in skipped:
        longrepr = getattr(report, "longrepr", None)
        reason = str(longrepr[2]) if isinstance(longrepr, tuple) else str(longrepr)
        # one line for every path under ../shared: they all have the same cause
        reason = re.sub(rf"{re.escape(str(SHARED))}\S*", f"{SHARED}/...", reason)
        reasons[reason.removeprefix("Skipped: ")] += 1
        shared += "shared" in getattr(report, "keywords", {})
    terminalreporter.write_sep("-", f"{len(skipped)} skipped, by reason")
    for reason, count in reasons.most_common():
        terminalreporter.write_line(f"{count:6d}  {reason}")
    if not SHARED.exists():
        terminalreporter.write_sep(
            "!",
            f"{shared} tests marked shared skipped: {SHARED} is absent "
            "(clone it beside the repository or set CAPTIONKIT_SHARED)",
            red=True,
        )


@pytest.fixture
def shared() -> Path:
    """The ../shared folder (skips the test when it is absent)."""
    return shared_path()


@pytest.fixture(scope="module")
def font() -> Font:
    """The packaged Arabic font (skips the test when the rendering stack is missing)."""
    from captionkit.render.errors import RendererMissing
    from captionkit.render.fonts import resolve_font

    try:
        return resolve_font()
    except RendererMissing as missing:
        pytest.skip(f"renderer missing: {missing}")
