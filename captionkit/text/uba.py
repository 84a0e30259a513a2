"""The Unicode Bidirectional Algorithm (UAX #9, Unicode 15.0) for one paragraph: the levels.

captionkit needs each character's resolved embedding level to put a caption line in visual
order (``captionkit.text.bidi``). No supported Python API gives levels: python-bidi's public
functions return only the reordered string, and its pure-Python module implements an old
version of the algorithm (no isolates, no bracket pairs). So this module runs the rules
itself, on one line taken as one paragraph:

- P2, P3: the paragraph level from the first strong character, skipping isolates;
- X1 to X8: explicit embeddings, overrides and isolates (a stack of at most 125 levels);
- X9, X10: removal of the embedding controls and BN, isolating run sequences;
- W1 to W7, N0 (bracket pairs), N1, N2: weak and neutral types;
- I1, I2: the implicit levels.

The line rules (L1 and after) are ``captionkit.text.bidi``'s: :func:`resolve_levels` returns
the levels before rule L1, which is what a renderer needs together with the characters.

>>> resolve_levels("ab عربي 12", "rtl")
((2, 2, 1, 1, 1, 1, 1, 1, 2, 2), 1)
>>> resolve_levels("(عربي) abc", None)  # rule P2: the first strong letter is Arabic
((1, 1, 1, 1, 1, 1, 1, 2, 2, 2), 1)

Bidi classes come from Python's ``unicodedata`` (Unicode 14.0 on Python 3.11), completed by
:data:`UNICODE_15_CLASSES` for the characters Unicode 15.0 added with a class other than L,
and by the default class of each block for unassigned code points (``bidi_class``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from itertools import repeat
from operator import add
from typing import Literal

Base = Literal["ltr", "rtl"]

#: The deepest embedding level rule X1 allows (BD2).
MAX_DEPTH = 125
# BD16: a bracket pair search gives up after this many open brackets on its stack.
_BRACKET_STACK = 63

_ISOLATE_INITIATORS = frozenset({"LRI", "RLI", "FSI"})
# Classes rule X9 removes. They keep the level of the character before them (section 5.2).
_REMOVED = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN"})
# Classes that need rules X1 to X8 beyond "every character at the paragraph level".
_EXPLICIT = _REMOVED | _ISOLATE_INITIATORS | {"PDI", "B"}
# Neutral and isolate formatting characters for rules N1 and N2 (BN is gone after X9).
_SEPARATORS = frozenset({"ES", "ET", "CS"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"})
# The direction a resolved type counts as in rules N0 to N2: numbers count as R.
_STRONG_DIRECTION = {"L": "L", "R": "R", "EN": "R", "AN": "R"}
# X2 to X5: (odd level, override) for each embedding or override initiator.
_EMBEDDINGS: dict[str, tuple[bool, str | None]] = {
    "RLE": (True, None),
    "LRE": (False, None),
    "RLO": (True, "R"),
    "LRO": (False, "L"),
}

# --- Character data ------------------------------------------------------------------------
# Bidi_Class of the characters Unicode 15.0 added with a class other than L. Python 3.11's
# unicodedata (Unicode 14.0) does not know them; newer Pythons do, and then this table is not
# consulted. Ranges found by comparing every code point of unicodedata (14.0.0) with the
# unicodedata2 package 15.0.0 (both built from the Unicode Character Database): the 4,489
# characters new in 15.0 are 4,425 L (the default below), 35 NSM and 29 ON; no older
# character changed its class. © 2022 Unicode®, Inc.; Unicode License
# (https://www.unicode.org/license.txt), see https://www.unicode.org/terms_of_use.html.
UNICODE_15_CLASSES: tuple[tuple[int, int, str], ...] = (
    (0x0ECE, 0x0ECE, "NSM"),
    (0x10EFD, 0x10EFF, "NSM"),
    (0x11241, 0x11241, "NSM"),
    (0x11F00, 0x11F01, "NSM"),
    (0x11F36, 0x11F3A, "NSM"),
    (0x11F40, 0x11F40, "NSM"),
    (0x11F42, 0x11F42, "NSM"),
    (0x13440, 0x13440, "NSM"),
    (0x13447, 0x13455, "NSM"),
    (0x1E08F, 0x1E08F, "NSM"),
    (0x1E4EC, 0x1E4EF, "NSM"),
    (0x1F6DC, 0x1F6DC, "ON"),
    (0x1F774, 0x1F776, "ON"),
    (0x1F77B, 0x1F77F, "ON"),
    (0x1F7D9, 0x1F7D9, "ON"),
    (0x1FA75, 0x1FA77, "ON"),
    (0x1FA87, 0x1FA88, "ON"),
    (0x1FAAD, 0x1FAAF, "ON"),
    (0x1FABB, 0x1FABD, "ON"),
    (0x1FABF, 0x1FABF, "ON"),
    (0x1FACE, 0x1FACF, "ON"),
    (0x1FADA, 0x1FADB, "ON"),
    (0x1FAE8, 0x1FAE8, "ON"),
    (0x1FAF7, 0x1FAF8, "ON"),
)

# The Bidi_Class of unassigned code points, by block (the @missing lines of
# DerivedBidiClass-15.0.0.txt; the rest is L). Unicode License, as above.
_UNASSIGNED_DEFAULTS: tuple[tuple[int, int, str], ...] = (
    (0x0590, 0x05FF, "R"),
    (0x0600, 0x07BF, "AL"),
    (0x07C0, 0x085F, "R"),
    (0x0860, 0x08FF, "AL"),
    (0x20A0, 0x20CF, "ET"),
    (0xFB1D, 0xFB4F, "R"),
    (0xFB50, 0xFDCF, "AL"),
    (0xFDD0, 0xFDEF, "BN"),  # noncharacters
    (0xFDF0, 0xFDFF, "AL"),
    (0xFE70, 0xFEFF, "AL"),
    (0xFFF0, 0xFFF8, "BN"),  # default ignorable
    (0x10800, 0x10CFF, "R"),
    (0x10D00, 0x10D3F, "AL"),
    (0x10D40, 0x10EBF, "R"),
    (0x10EC0, 0x10EFF, "AL"),
    (0x10F00, 0x10F2F, "R"),
    (0x10F30, 0x10F6F, "AL"),
    (0x10F70, 0x10FFF, "R"),
    (0x1E800, 0x1EC6F, "R"),
    (0x1EC70, 0x1ECBF, "AL"),
    (0x1ECC0, 0x1ECFF, "R"),
    (0x1ED00, 0x1ED4F, "AL"),
    (0x1ED50, 0x1EDFF, "R"),
    (0x1EE00, 0x1EEFF, "AL"),
    (0x1EF00, 0x1EFFF, "R"),
    (0xE0000, 0xE0FFF, "BN"),  # default ignorable
)


def _unassigned_class(code: int) -> str:
    for table in (UNICODE_15_CLASSES, _UNASSIGNED_DEFAULTS):
        for first, last, kind in table:
            if first <= code <= last:
                return kind
    if code == 0x2065 or (code & 0xFFFE) == 0xFFFE:  # default ignorable; noncharacters
        return "BN"
    return "L"


_CLASS_CACHE: dict[str, str] = {}


def bidi_class(char: str) -> str:
    """The Bidi_Class of a character (Unicode 15.0 at least).

    >>> bidi_class("ب"), bidi_class("\\U00010efd"), bidi_class("\\U0001fae8"), bidi_class("\\u05ff")
    ('AL', 'NSM', 'ON', 'R')
    """
    kind = _CLASS_CACHE.get(char)
    if kind is None:
        kind = unicodedata.bidirectional(char) or _unassigned_class(ord(char))
        _CLASS_CACHE[char] = kind
    return kind


# Bidi_Paired_Bracket pairs from the Unicode Character Database file BidiBrackets-15.0.0.txt
# (2022-05-03): opening bracket then closing bracket, 64 pairs.
# © 2022 Unicode®, Inc. Unicode and the Unicode Logo are registered trademarks of Unicode, Inc.
# Distributed under the Unicode License (https://www.unicode.org/license.txt), which allows
# redistribution of the data files with this notice. See https://www.unicode.org/terms_of_use.html.
_BRACKET_PAIRS = """
00280029 005B005D 007B007D 0F3A0F3B 0F3C0F3D 169B169C 20452046 207D207E 208D208E 23082309
230A230B 2329232A 27682769 276A276B 276C276D 276E276F 27702771 27722773 27742775 27C527C6
27E627E7 27E827E9 27EA27EB 27EC27ED 27EE27EF 29832984 29852986 29872988 2989298A 298B298C
298D2990 298F298E 29912992 29932994 29952996 29972998 29D829D9 29DA29DB 29FC29FD 2E222E23
2E242E25 2E262E27 2E282E29 2E552E56 2E572E58 2E592E5A 2E5B2E5C 30083009 300A300B 300C300D
300E300F 30103011 30143015 30163017 30183019 301A301B FE59FE5A FE5BFE5C FE5DFE5E FF08FF09
FF3BFF3D FF5BFF5D FF5FFF60 FF62FF63
"""


def _bracket_table() -> dict[str, tuple[str, bool]]:
    """Each bracket: (the canonical form of its opening bracket, whether it opens).

    Rule BD16 matches brackets up to canonical equivalence: U+2329/U+232A decompose to
    U+3008/U+3009, so an angle bracket of one pair closes one of the other.
    """
    table: dict[str, tuple[str, bool]] = {}
    for pair in _BRACKET_PAIRS.split():
        opening, closing = chr(int(pair[:4], 16)), chr(int(pair[4:], 16))
        key = unicodedata.normalize("NFD", opening)
        table[opening] = (key, True)
        table[closing] = (key, False)
    return table


BRACKETS: dict[str, tuple[str, bool]] = _bracket_table()


# --- Paragraph level (P2, P3) and isolates (BD9) -----------------------------------------------
def _matching_pdis(classes: Sequence[str]) -> dict[int, int]:
    """BD9: the index of the PDI that closes each isolate initiator that has one."""
    open_isolates: list[int] = []
    matches: dict[int, int] = {}
    for index, kind in enumerate(classes):
        if kind in _ISOLATE_INITIATORS:
            open_isolates.append(index)
        elif kind == "PDI":
            if open_isolates:
                matches[open_isolates.pop()] = index
        elif kind == "B":
            open_isolates.clear()
    return matches


def _first_strong_level(
    classes: Sequence[str], start: int, end: int, matches: dict[int, int]
) -> int | None:
    """P2: 1 if the first L, R or AL from ``start`` is R or AL, 0 if L, None without one.

    Characters between an isolate initiator and its matching PDI are skipped (to the end
    when it has none), and so is everything after a paragraph separator.
    """
    index = start
    while index < end:
        kind = classes[index]
        if kind == "L":
            return 0
        if kind in ("R", "AL"):
            return 1
        if kind in _ISOLATE_INITIATORS:
            closing = matches.get(index)
            if closing is None:
                return None
            index = closing
        elif kind == "B":
            return None
        index += 1
    return None


# --- Explicit levels (X1 to X8) ----------------------------------------------------------------
class _DirectionalStatus:
    """X1's directional status stack and its three counters, changed by rules X2 to X8.

    A class because the rules share this state (the spec keeps it in the same variables);
    one method per rule's change to the stack, so that :func:`_explicit_levels` reads as
    the spec's list of rules. The method calls run only for the formatting characters
    themselves, never for the text between them.
    """

    __slots__ = ("overflow_embeddings", "overflow_isolates", "para", "stack", "valid_isolates")

    def __init__(self, para: int) -> None:
        self.para = para
        # Entries: (embedding level, override "L"/"R"/"", isolate status).
        self.stack: list[tuple[int, str, bool]] = [(para, "", False)]
        self.overflow_isolates = self.overflow_embeddings = self.valid_isolates = 0

    def embed(self, level: int, odd: bool, override: str | None) -> None:
        """X2 to X5: an embedding or override initiator at ``level``."""
        new_level = (level + 1) | 1 if odd else (level + 2) & ~1
        if new_level <= MAX_DEPTH and not self.overflow_isolates and not self.overflow_embeddings:
            self.stack.append((new_level, override or "", False))
        elif not self.overflow_isolates:
            self.overflow_embeddings += 1

    def isolate(self, level: int, rtl: bool) -> None:
        """X5a to X5c: an isolate initiator at ``level`` (its own level is set by the caller)."""
        new_level = (level + 1) | 1 if rtl else (level + 2) & ~1
        if new_level <= MAX_DEPTH and not self.overflow_isolates and not self.overflow_embeddings:
            self.valid_isolates += 1
            self.stack.append((new_level, "", True))
        else:
            self.overflow_isolates += 1

    def close_isolate(self) -> None:
        """X6a: a PDI ends the innermost valid isolate and every embedding inside it."""
        if self.overflow_isolates:
            self.overflow_isolates -= 1
        elif self.valid_isolates:
            self.overflow_embeddings = 0
            stack = self.stack
            while not stack[-1][2]:
                stack.pop()
            stack.pop()
            self.valid_isolates -= 1

    def close_embedding(self) -> None:
        """X7: a PDF ends the innermost embedding or override, never an isolate."""
        if self.overflow_isolates:
            pass
        elif self.overflow_embeddings:
            self.overflow_embeddings -= 1
        elif not self.stack[-1][2] and len(self.stack) >= 2:
            self.stack.pop()

    def reset(self) -> None:
        """X8: a paragraph separator ends every embedding and isolate."""
        del self.stack[1:]
        self.overflow_isolates = self.overflow_embeddings = self.valid_isolates = 0


def _explicit_levels(
    classes: Sequence[str], para: int, matches: dict[int, int]
) -> tuple[list[int], list[str]]:
    """X1 to X8: every character's explicit level, and its type after overrides.

    The loop gives each character its level and type, in the spec's order of rules;
    :class:`_DirectionalStatus` makes each rule's change to the stack and its counters.
    """
    levels = [para] * len(classes)
    types = list(classes)
    status = _DirectionalStatus(para)
    stack = status.stack  # the same list for the whole paragraph (X8 empties it in place)
    for index, kind in enumerate(classes):
        level, override, _isolate = stack[-1]
        embedding = _EMBEDDINGS.get(kind)
        if embedding is not None:  # X2 to X5
            status.embed(level, *embedding)
            levels[index] = level
        elif kind in _ISOLATE_INITIATORS:  # X5a to X5c
            levels[index] = level
            if override:
                types[index] = override
            rtl = kind == "RLI" or (kind == "FSI" and _first_strong_inside(classes, index, matches))
            status.isolate(level, rtl)
        elif kind == "PDI":  # X6a
            status.close_isolate()
            level, override, _isolate = stack[-1]
            levels[index] = level
            if override:
                types[index] = override
        elif kind == "PDF":  # X7
            status.close_embedding()
            levels[index] = level
        elif kind == "B":  # X8
            levels[index] = para
            status.reset()
        else:  # X6 (BN keeps the level too; X9 removes it)
            levels[index] = level
            if override and kind != "BN":
                types[index] = override
    return levels, types


def _first_strong_inside(classes: Sequence[str], index: int, matches: dict[int, int]) -> bool:
    """X5c: whether the text of the FSI at ``index`` (to its matching PDI, or to the end)
    starts with a right-to-left letter, by rules P2 and P3."""
    end = matches.get(index, len(classes))
    return _first_strong_level(classes, index + 1, end, matches) == 1


# --- Isolating run sequences (X10) -------------------------------------------------------------
def _run_sequences(
    classes: Sequence[str], levels: Sequence[int], para: int, matches: dict[int, int]
) -> list[tuple[list[int], str, str]]:
    """X9, X10: the isolating run sequences (indices of kept characters), each with sos, eos."""
    kept = [index for index, kind in enumerate(classes) if kind not in _REMOVED]
    runs: list[list[int]] = []
    previous_level = -1
    for index in kept:
        if levels[index] != previous_level:
            runs.append([index])
            previous_level = levels[index]
        else:
            runs[-1].append(index)
    run_starting_at = {run[0]: number for number, run in enumerate(runs)}
    position = {index: number for number, index in enumerate(kept)}
    linked: set[int] = set()
    sequences: list[tuple[list[int], str, str]] = []
    for number, run in enumerate(runs):
        if number in linked:
            continue
        sequence = list(run)
        while classes[sequence[-1]] in _ISOLATE_INITIATORS:
            closing = matches.get(sequence[-1])
            following = run_starting_at.get(closing) if closing is not None else None
            if following is None:
                break
            linked.add(following)
            sequence.extend(runs[following])
        first, last = sequence[0], sequence[-1]
        level = levels[first]
        before = position[first]
        outer = levels[kept[before - 1]] if before > 0 else para
        sos = "R" if max(level, outer) % 2 else "L"
        after = position[last] + 1
        if classes[last] in _ISOLATE_INITIATORS or after >= len(kept):
            outer = para
        else:
            outer = levels[kept[after]]
        eos = "R" if max(levels[last], outer) % 2 else "L"
        sequences.append((sequence, sos, eos))
    return sequences


# --- Weak types (W1 to W7) ---------------------------------------------------------------------
def _resolve_weak(types: list[str], sos: str) -> None:
    """W1 to W7 on the types of one isolating run sequence, in place.

    A rule whose types are absent is skipped: most caption lines have letters, spaces and
    punctuation only, and then W3 alone has work.
    """
    present = set(types)
    count = len(types)
    if "NSM" in present:  # W1
        previous = sos
        for index, kind in enumerate(types):
            if kind == "NSM":
                types[index] = previous
            else:
                previous = "ON" if kind in _ISOLATE_INITIATORS or kind == "PDI" else kind
        present = set(types)
    if "EN" in present and "AL" in present:  # W2
        strong = sos
        for index, kind in enumerate(types):
            if kind == "EN":
                if strong == "AL":
                    types[index] = "AN"
            elif kind in ("L", "R", "AL"):
                strong = kind
        present = set(types)
    if "AL" in present:  # W3
        types[:] = ["R" if kind == "AL" else kind for kind in types]
    if "ES" in present or "CS" in present:  # W4
        for index in range(1, count - 1):
            kind = types[index]
            if kind == "ES" or kind == "CS":
                left, right = types[index - 1], types[index + 1]
                if left == right and (left == "EN" or (left == "AN" and kind == "CS")):
                    types[index] = left
    if "ET" in present:  # W5
        index = 0
        while index < count:
            if types[index] != "ET":
                index += 1
                continue
            end = index
            while end < count and types[end] == "ET":
                end += 1
            if (index > 0 and types[index - 1] == "EN") or (end < count and types[end] == "EN"):
                types[index:end] = ["EN"] * (end - index)
            index = end
    if "ES" in present or "CS" in present or "ET" in present:  # W6
        types[:] = ["ON" if kind in _SEPARATORS else kind for kind in types]
    if "EN" in present or "ET" in present or "ES" in present or "CS" in present:  # W7
        strong = sos
        for index, kind in enumerate(types):
            if kind == "EN":
                if strong == "L":
                    types[index] = "L"
            elif kind == "L" or kind == "R":
                strong = kind


# --- Neutral types (N0 to N2) ------------------------------------------------------------------
def _bracket_pairs(
    line: str, sequence: Sequence[int], types: Sequence[str]
) -> list[tuple[int, int]]:
    """BD16: positions (in the sequence) of the bracket pairs, sorted by opening bracket."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for position, index in enumerate(sequence):
        bracket = BRACKETS.get(line[index]) if types[position] == "ON" else None
        if bracket is None:
            continue
        key, opening = bracket
        if opening:
            if len(stack) == _BRACKET_STACK:
                break
            stack.append((key, position))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == key:
                pairs.append((stack[depth][1], position))
                del stack[depth:]
                break
    pairs.sort()
    return pairs


def _resolve_brackets(
    line: str,
    sequence: Sequence[int],
    classes: Sequence[str],
    types: list[str],
    sos: str,
    direction: str,
) -> None:
    """N0: a bracket pair takes the direction of the text inside it, judged against the
    embedding direction and the text before it; NSMs after a bracket follow it."""
    for opening, closing in _bracket_pairs(line, sequence, types):
        found_embedding = found_opposite = False
        for kind in types[opening + 1 : closing]:
            strong = _STRONG_DIRECTION.get(kind)
            if strong == direction:
                found_embedding = True
                break
            if strong is not None:
                found_opposite = True
        if found_embedding:
            resolved = direction
        elif found_opposite:
            resolved = sos  # N0 c: the first strong direction before the opening bracket
            for kind in reversed(types[:opening]):
                strong = _STRONG_DIRECTION.get(kind)
                if strong is not None:
                    resolved = strong
                    break
        else:
            continue
        for bracket in (opening, closing):
            types[bracket] = resolved
            after = bracket + 1
            while after < len(types) and classes[sequence[after]] == "NSM":
                types[after] = resolved
                after += 1


def _resolve_neutral(types: list[str], sos: str, eos: str, direction: str) -> None:
    """N1, N2: a run of neutrals between two of the same direction takes it, else the
    embedding direction."""
    count = len(types)
    index = 0
    while index < count:
        if types[index] not in _NEUTRAL:
            index += 1
            continue
        end = index
        while end < count and types[end] in _NEUTRAL:
            end += 1
        before = _STRONG_DIRECTION[types[index - 1]] if index > 0 else sos
        after = _STRONG_DIRECTION[types[end]] if end < count else eos
        types[index:end] = [before if before == after else direction] * (end - index)
        index = end


# --- The algorithm -----------------------------------------------------------------------------
def paragraph_level(classes: Sequence[str], base: Base | None) -> int:
    """P2, P3 (or the level ``base`` forces): 0 left to right, 1 right to left.

    >>> paragraph_level(["ON", "R", "L"], None), paragraph_level(["RLI", "R", "PDI", "L"], None)
    (1, 0)
    """
    if base == "rtl":
        return 1
    if base == "ltr":
        return 0
    if base is not None:
        raise ValueError(f"base must be 'ltr', 'rtl' or None, not {base!r}")
    return _first_strong_level(classes, 0, len(classes), _matching_pdis(classes)) or 0


def resolve_levels(line: str, base: Base | None = None) -> tuple[tuple[int, ...], int]:
    """Every character's resolved level before rule L1, and the paragraph level.

    ``base`` forces the paragraph direction; ``None`` finds it (rules P2, P3). The line is
    one paragraph: a paragraph separator inside it ends the embeddings (X8) but not the
    paragraph level. Characters that rule X9 removes get the level of the character before
    them (the paragraph level at the start), as UAX #9 section 5.2 suggests.

    >>> resolve_levels("אב(12)", "ltr")
    ((1, 1, 1, 2, 2, 1), 0)
    """
    classes = list(map(unicodedata.bidirectional, line))
    if "" in classes:  # unassigned in this Python's Unicode version
        classes = [bidi_class(char) for char in line]
    para = paragraph_level(classes, base)
    if not line:
        return (), para
    if _EXPLICIT.isdisjoint(classes):
        # No explicit formatting: one isolating run sequence at the paragraph level.
        if para == 0 and all(kind == "L" for kind in classes):
            return (0,) * len(line), 0
        sos = "R" if para else "L"
        types = list(classes)
        _resolve_sequence(line, range(len(line)), classes, types, para, sos, sos)
        raised = (_RAISE_ODD if para else _RAISE_EVEN).get
        return tuple(map(add, repeat(para), map(raised, types, repeat(0)))), para
    matches = _matching_pdis(classes)
    levels, resolved = _explicit_levels(classes, para, matches)
    for sequence, sos, eos in _run_sequences(classes, levels, para, matches):
        types = [resolved[index] for index in sequence]
        _resolve_sequence(line, sequence, classes, types, levels[sequence[0]], sos, eos)
        for index, kind in zip(sequence, types, strict=True):
            resolved[index] = kind
    result = list(_implicit(resolved, levels))
    previous = para
    for index, kind in enumerate(classes):
        if kind in _REMOVED:
            result[index] = previous
        previous = result[index]
    return tuple(result), para


def _resolve_sequence(
    line: str,
    sequence: Sequence[int],
    classes: Sequence[str],
    types: list[str],
    level: int,
    sos: str,
    eos: str,
) -> None:
    direction = "R" if level % 2 else "L"
    _resolve_weak(types, sos)
    if "ON" in types and not BRACKETS.keys().isdisjoint(line):
        _resolve_brackets(line, sequence, classes, types, sos, direction)
    _resolve_neutral(types, sos, eos, direction)


# I1, I2: how far each resolved type raises an even and an odd level.
_RAISE_EVEN = {"R": 1, "AN": 2, "EN": 2}
_RAISE_ODD = {"L": 1, "AN": 1, "EN": 1}


def _implicit(types: Sequence[str], levels: Sequence[int]) -> tuple[int, ...]:
    """I1, I2: L, R and numbers raise the explicit level to their own direction."""
    even, odd = _RAISE_EVEN.get, _RAISE_ODD.get
    return tuple(
        level + (odd(kind, 0) if level % 2 else even(kind, 0))
        for kind, level in zip(types, levels, strict=True)
    )
