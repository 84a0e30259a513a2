"""Re-breaking one cue's text for ``fix``: new line breaks, the same words, tags kept balanced.

The ``make`` breaker (``text/linebreak.break_lines``) decides where to break; a
small exhaustive breaker with the same costs (over the limit, a bad break,
imbalance) stands in should it be missing or drop a word. Either way the words, their tags and the
per-line bidi controls are kept; only the breaks move.

>>> rebreak("<i>one two\\nthree</i>", 42, 2)
'<i>one two three</i>'
>>> rebreak("<i>aaaa bbbb cccc dddd</i>", 10, 2)
'<i>aaaa bbbb</i>\\n<i>cccc dddd</i>'
"""

from __future__ import annotations

import itertools
import re

from captionkit.check import deps
from captionkit.check.textutil import BIDI_CONTROLS
from captionkit.text.counting import strip_tags, visible_length

_BALANCED_TAG = re.compile(r"<(/?)(i|b|u|s|font|c)(\b[^<>\n]*)>", re.IGNORECASE)
_PUNCTUATION_END = tuple(".,،؛;:!?؟…")
_DASHES = ("-", "–", "—")


def _common_affixes(lines: list[str]) -> tuple[str, str]:
    """Bidi controls that every line starts with and ends with (the per-line convention)."""

    def lead(line: str) -> str:
        end = 0
        while end < len(line) and line[end] in BIDI_CONTROLS:
            end += 1
        return line[:end]

    def trail(line: str) -> str:
        start = len(line)
        while start > 0 and line[start - 1] in BIDI_CONTROLS:
            start -= 1
        return line[start:]

    leads = {lead(line) for line in lines}
    trails = {trail(line) for line in lines}
    prefix = leads.pop() if len(leads) == 1 else ""
    suffix = trails.pop() if len(trails) == 1 else ""
    return prefix, suffix


def _cost(lines: list[list[str]], lengths: list[int], limit: int, shape: str) -> float:
    cost = 0.0
    for length in lengths:
        if length > limit:
            cost += 1000 * (length - limit)
    for upper, lower in itertools.pairwise(lines):
        left, right = strip_tags(upper[-1]), strip_tags(lower[0])
        if deps.bad_break_category(left, right) is not None:
            cost += 200
        if left.endswith(_PUNCTUATION_END):
            cost -= 20
    if len(lengths) > 1:
        cost += 10 * len(lengths)
        cost += max(lengths) - min(lengths)
        if shape == "bottom-heavy":
            cost += 2 * sum(max(0, a - b) for a, b in itertools.pairwise(lengths))
    return cost


def _choose(words: list[str], limit: int, max_lines: int, shape: str) -> list[list[str]]:
    sizes = [deps.visible_length(word) for word in words]
    total = sum(sizes) + len(words) - 1
    if total <= limit or len(words) == 1:
        return [words]
    best: tuple[float, list[list[str]]] | None = None
    for count in range(2, max(2, max_lines) + 1):
        for cuts in itertools.combinations(range(1, len(words)), count - 1):
            bounds = [0, *cuts, len(words)]
            lines = [words[a:b] for a, b in itertools.pairwise(bounds)]
            lengths = [sum(sizes[a:b]) + (b - a - 1) for a, b in itertools.pairwise(bounds)]
            cost = _cost(lines, lengths, limit, shape)
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None and best[0] < 1000:
            break
    assert best is not None
    return best[1]


def _choose_with_make(
    words: list[str], limit: int, max_lines: int, shape: str
) -> list[list[str]] | None:
    """The make breaker's lines for these words, or None when it is missing or lost a word."""
    breaker = deps.rebreak_function()
    lines = [
        line.split() for line in str(breaker(" ".join(words), limit, max_lines, shape)).split("\n")
    ]
    if [word for line in lines for word in line] != words or not all(lines):
        return None
    return lines


def _balance_tags(lines: list[str]) -> list[str]:
    """Close tags open at a line's end and open them again on the next line."""
    result: list[str] = []
    carried: list[tuple[str, str]] = []
    for line in lines:
        stack = list(carried)
        for match in _BALANCED_TAG.finditer(line):
            name = match.group(2).lower()
            if match.group(1):
                for position in range(len(stack) - 1, -1, -1):
                    if stack[position][0] == name:
                        del stack[position]
                        break
            else:
                stack.append((name, match.group()))
        reopened = "".join(tag for _, tag in carried)
        closers = "".join(f"</{name}>" for name, _ in reversed(stack))
        result.append(reopened + line + closers)
        carried = stack
    return result


def _join_line_tags(lines: list[str]) -> str:
    """Undo per-line closing and re-opening (``</i>\\n<i>``) before re-breaking."""
    text = "\n".join(lines)
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"</(i|b|u|s)>\n<\1>", "\n", text)
    return text


def rebreak(text: str, limit: int, max_lines: int, shape: str = "bottom-heavy") -> str:
    """The cue's words broken into at most ``max_lines`` lines of at most ``limit`` characters.

    Dialogue cues (a line after the first starts with a dash) keep their lines, and so
    does a cue whose words cannot fit the limit in any breaking: moving its breaks
    would not fix it (and a second run would move them again), so it is left to a
    human, still reported.
    """
    lines = text.split("\n")
    if any(
        strip_tags(line).lstrip(" \u200e\u200f\u202b").startswith(_DASHES) for line in lines[1:]
    ):
        return text
    prefix, suffix = _common_affixes(lines)
    inner = [line[len(prefix) : len(line) - len(suffix)] for line in lines]
    words = _join_line_tags(inner).split()
    if not words:
        return text
    chosen = _choose_with_make(words, limit, max_lines, shape) or _choose(
        words, limit, max_lines, shape
    )
    new_lines = _balance_tags([" ".join(line) for line in chosen])
    if len(new_lines) > max_lines or any(visible_length(line) > limit for line in new_lines):
        return text
    return "\n".join(prefix + line + suffix for line in new_lines)
