"""The pieces of other modules the checker reuses, in one place.

``text/arabic.py`` (unshaping, reversed text), ``text/bidi.py`` (render modes),
``text/counting.py`` (what a viewer sees) and ``text/linebreak.py`` (the make
breaker's bad-break data and re-breaking): the rules call them through these
names, so that what ``check`` judges is exactly what ``make`` does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from captionkit.text.arabic import (
    WORD_LIGATURES,
    is_presentation_form,
    looks_reversed,
    unshape,
    unvisual,
)
from captionkit.text.bidi import render_line
from captionkit.text.counting import visible_length
from captionkit.text.linebreak import bad_break_category, break_lines

__all__ = [
    "WORD_LIGATURES",
    "bad_break_category",
    "is_presentation_form",
    "looks_reversed",
    "rebreak_function",
    "render_marks",
    "unshape",
    "unvisual",
    "visible_length",
]


def render_marks(line: str, mode: str) -> str:
    """The line as ``make --rtl mode`` writes it."""
    return render_line(line, mode)  # type: ignore[arg-type]


def rebreak_function() -> Callable[..., Any]:
    """The make breaker's function that re-breaks one cue's text."""
    return break_lines
