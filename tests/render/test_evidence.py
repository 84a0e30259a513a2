"""The SubRip RTL default, pinned by the pixel method through libass and Chromium.

Skipped only when a renderer is missing (the reason says which); CI installs both.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest

from captionkit.render.errors import RendererMissing
from captionkit.render.evidence import (
    EVIDENCE_LINES,
    SRT_DEFAULT_RTL_MODE,
    Observation,
    Variant,
    apply_variant,
    decide,
    observe,
    score,
)

pytest.importorskip("numpy", reason="numpy is not installed (the render extra)")
pytest.importorskip("PIL", reason="Pillow is not installed (the render extra)")

from captionkit.render import libass
from captionkit.render.ffmpeg import require_libass
from captionkit.render.fonts import Font
from captionkit.render.pixels import Placement, locate_trailing_punctuation
from captionkit.render.size import Size

SIZE = Size(1280, 720)
LINES = {line.name: line for line in EVIDENCE_LINES}


def locate(full: object, stripped: object) -> Placement:
    return locate_trailing_punctuation(full, stripped)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def libass_table(font: Font) -> list[Observation]:
    """Every line in every variant through libass (one ffmpeg run)."""
    try:
        require_libass()
    except RendererMissing as missing:
        pytest.skip(f"renderer missing: {missing}")
    style = libass.LibassStyle(font_size=0.08)
    return observe("libass", lambda texts: libass.render_texts(texts, SIZE, font, style), locate)


def verdict(table: Sequence[Observation], variant: Variant, line: str) -> str:
    (found,) = [o for o in table if o.variant == variant and o.line == line]
    return found.placement.verdict


def test_the_default_is_a_variant_of_the_shared_modes() -> None:
    assert SRT_DEFAULT_RTL_MODE == "embed"
    assert apply_variant("نعم", ".", "embed") == "\u202bنعم.\u202c"
    # Checked by hand: where each variant puts its marks.
    assert apply_variant("نعم", ".", "rlm-before-punct") == "نعم\u200f."
    assert apply_variant("نعم", ".", "rlm-after-punct") == "نعم.\u200f"
    assert apply_variant("نعم", ".", "rlm-start") == "\u200fنعم."
    assert apply_variant("نعم", ".", "rlm-both") == "\u200fنعم.\u200f"
    assert apply_variant("نعم", ".", "none") == "نعم."


def test_libass_decides_the_srt_default(libass_table: list[Observation]) -> None:
    assert decide(libass_table) == SRT_DEFAULT_RTL_MODE
    assert score(libass_table, "libass", "embed") == (len(EVIDENCE_LINES), len(EVIDENCE_LINES))


def test_libass_puts_a_plain_full_stop_at_the_right_end(libass_table: list[Observation]) -> None:
    # libass starts SubRip lines left to right: logical text alone is wrong.
    assert verdict(libass_table, "none", "full stop") == "right"
    assert verdict(libass_table, "none", "brackets and numbers") == "right"
    # U+061F ARABIC QUESTION MARK is a strong Arabic letter for bidi: it needs no help.
    assert verdict(libass_table, "none", "Arabic question mark") == "left"
    assert verdict(libass_table, "none", "Latin question mark") == "right"


def test_why_not_marks(libass_table: list[Observation]) -> None:
    # An RLM before the stop leaves it between the RLM and the left-to-right line end.
    assert verdict(libass_table, "rlm-before-punct", "full stop") == "right"
    # An RLM after it fixes Arabic-only lines, but not a line ending in a Latin word.
    assert verdict(libass_table, "rlm-after-punct", "full stop") == "left"
    assert verdict(libass_table, "rlm-after-punct", "Latin word last") == "right"
    # libass does not take the base direction from a leading RLM.
    assert verdict(libass_table, "rlm-start", "full stop") == "right"


@pytest.fixture(scope="module")
def browser_table(font: Font) -> Iterator[list[Observation]]:
    """The plain and the default variants through Chromium (one browser, one page)."""
    try:
        from captionkit.render.browser import BrowserRenderer, BrowserStyle

        renderer = BrowserRenderer(font, BrowserStyle(font_size=0.08))
        renderer.start()
    except RendererMissing as missing:
        pytest.skip(f"renderer missing: {missing}")
    try:
        yield observe(
            "browser",
            lambda texts: renderer.render_texts(texts, SIZE),
            locate,
            variants=("none", "embed"),
        )
    finally:
        renderer.close()


def test_chromium_is_right_with_the_default(browser_table: list[Observation]) -> None:
    assert score(browser_table, "browser", "embed") == (len(EVIDENCE_LINES), len(EVIDENCE_LINES))


def test_chromium_reads_the_first_letter(browser_table: list[Observation]) -> None:
    # WebVTT text runs the bidi algorithm with the base direction from the first strong letter.
    assert verdict(browser_table, "none", "full stop") == "left"
    assert verdict(browser_table, "none", "Latin question mark") == "left"
    assert verdict(browser_table, "none", "Latin word first") == "right"


def test_make_writes_subrip_with_the_decided_mode() -> None:
    from captionkit.text.rtl import DEFAULT_RTL_MODES

    assert DEFAULT_RTL_MODES["srt"] == SRT_DEFAULT_RTL_MODE


def test_make_writes_webvtt_with_a_mode_chromium_gets_right(
    browser_table: list[Observation],
) -> None:
    from captionkit.text.rtl import DEFAULT_RTL_MODES

    mode = DEFAULT_RTL_MODES["vtt"]
    assert mode == "embed"
    assert score(browser_table, "browser", "embed") == (len(EVIDENCE_LINES), len(EVIDENCE_LINES))
