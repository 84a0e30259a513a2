"""The pieces of other modules the checker reuses, with a stand-in while one is missing.

``text/arabic.py`` (unshaping, reversed text), ``text/bidi.py`` (render modes) and
``text/linebreak.py`` (counting, the bad-break data, re-breaking) are written
alongside the checker. Each is imported here once; ``HAVE_*`` tells the tests
which behaviour they can rely on.
"""

from __future__ import annotations

import importlib
import unicodedata
from collections.abc import Callable
from typing import Any

from captionkit.check.textutil import own_visible_length

WORD_LIGATURES = frozenset("\ufdf2\ufdfa\ufdfb\ufdfc\ufdfd")


def _optional(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


_unshape = _optional("captionkit.text.arabic", "unshape")
_looks_reversed = _optional("captionkit.text.arabic", "looks_reversed")
_unvisual = _optional("captionkit.text.arabic", "unvisual")
_render_line = _optional("captionkit.text.bidi", "render_line")
_bad_break_category = _optional("captionkit.text.linebreak", "bad_break_category")

HAVE_ARABIC = _unshape is not None and _looks_reversed is not None and _unvisual is not None
HAVE_RENDER = _render_line is not None
HAVE_LINEBREAK = _bad_break_category is not None


def is_presentation_form(char: str) -> bool:
    """A pre-shaped Arabic glyph (U+FB50–U+FDFF, U+FE70–U+FEFC; noncharacters excluded)."""
    code = ord(char)
    return (0xFB50 <= code <= 0xFDFF and not 0xFDD0 <= code <= 0xFDEF) or 0xFE70 <= code <= 0xFEFC


def unshape(text: str) -> str:
    """Presentation forms back to base letters; the word ligatures ﷲ ﷺ ﷻ ﷼ ﷽ stay."""
    if _unshape is not None:
        return str(_unshape(text))
    out: list[str] = []
    for char in text:
        if is_presentation_form(char) and char not in WORD_LIGATURES:
            decomposition = unicodedata.decomposition(char).split()
            if decomposition and decomposition[0].startswith("<"):
                out.append("".join(chr(int(code, 16)) for code in decomposition[1:]))
                continue
        out.append(char)
    return "".join(out)


def looks_reversed(line: str) -> bool:
    """Whether the line's words are stored in visual order (False while arabic.py is missing)."""
    if _looks_reversed is None:
        return False
    return bool(_looks_reversed(line))


def unvisual(line: str) -> str:
    """A visual-order line back to logical order (the line unchanged while arabic.py is missing)."""
    if _unvisual is None:
        return line
    return str(_unvisual(line))


def render_marks(line: str, mode: str) -> str:
    """The line as ``make --rtl mode`` writes it (marks: RLM at both ends as a stand-in)."""
    if _render_line is not None:
        return str(_render_line(line, mode))
    if mode == "embed":
        return "\u202b" + line + "\u202c"
    if mode == "marks":
        return "\u200f" + line + "\u200f"
    return line


def visible_length(text: str) -> int:
    """What a viewer sees, counted as ``make`` counts it (tags never count).

    The checker's own counter: the same definition as ``linebreak.visible_length``
    (tests compare the two on every line of the corpus), run as one regular expression.
    """
    return own_visible_length(text)


def bad_break_category(left_word: str, right_word: str) -> str | None:
    """Why a break between these words is bad (the make breaker's data), or None."""
    if _bad_break_category is None:
        return None
    result = _bad_break_category(left_word, right_word)
    return None if result is None else str(result)


def rebreak_function() -> Callable[..., Any] | None:
    """The make breaker's function that re-breaks one cue's text, when it exists."""
    for name in ("break_lines",):
        found = _optional("captionkit.text.linebreak", name)
        if found is not None:
            return found  # type: ignore[no-any-return]
    return None
