"""Shared test helpers: where ../shared is, and skipping when it is absent."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

# Property tests judge results, not speed: a loaded CI machine must not fail them.
settings.register_profile("captionkit", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("captionkit")

if TYPE_CHECKING:
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
