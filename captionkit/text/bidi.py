"""Direction of text, the RTL render modes, and a line's visual order.

A caption line is stored in logical order. Players that run the Unicode
bidirectional algorithm (UAX #9) need nothing more (mode ``none``); players that
start every line left to right need marks or an embedding so that an Arabic
line's edge punctuation lands at its left end (``marks``, ``embed``); renderers
that neither shape nor reorder need presentation forms in visual order
(``visual``). Every mode works on ONE line, after line breaking.

>>> render_line("مرحبا.", "marks", rlm_position="end") == "مرحبا.\u200f"
True
>>> render_line("(مرحبا) 2024", "visual")  # brackets mirrored, digits left to right
'2024 (ﺎﺒﺣﺮﻣ)'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from captionkit.text.rtl import (
    BIDI_CONTROLS,
    PDF,
    RLE,
    RLM,
    RtlMode,
    has_rtl,
    parse_rtl_mode,
)
from captionkit.text.uba import Base, bidi_class, resolve_levels

RlmPosition = Literal["start", "end", "both"]

# Characters that rule X9 removes: kept in our output at a neighbour's level (UAX #9 section 5.2).
_X9_REMOVED = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN"})
# What rule L1 resets to the paragraph level before a separator or at the end of the line.
_L1_TRAILING = frozenset({"WS", "FSI", "LRI", "RLI", "PDI"}) | _X9_REMOVED


def _is_pure_ltr(line: str) -> bool:
    """A line with a left-to-right letter and no right-to-left one (an English line)."""
    return not has_rtl(line) and any(unicodedata.bidirectional(c) == "L" for c in line)


# --- Mirroring (rule L4) -------------------------------------------------------------------
# Bidi_Mirroring_Glyph pairs generated from the Unicode Character Database file
# BidiMirroring-15.0.0.txt (2022-05-03). Every pair there is symmetric, so each is listed once.
# © 2022 Unicode®, Inc. Unicode and the Unicode Logo are registered trademarks of Unicode, Inc.
# Distributed under the Unicode License (https://www.unicode.org/license.txt), which allows
# redistribution of the data files with this notice. See https://www.unicode.org/terms_of_use.html.
_MIRROR_PAIRS = """
00280029 003C003E 005B005D 007B007D 00AB00BB 0F3A0F3B 0F3C0F3D 169B169C 2039203A 20452046
207D207E 208D208E 2208220B 2209220C 220A220D 221529F5 221F2BFE 222029A3 2221299B 222229A0
22242AEE 223C223D 224322CD 2245224C 22522253 22542255 22642265 22662267 22682269 226A226B
226E226F 22702271 22722273 22742275 22762277 22782279 227A227B 227C227D 227E227F 22802281
22822283 22842285 22862287 22882289 228A228B 228F2290 22912292 229829B8 22A222A3 22A62ADE
22A82AE4 22A92AE3 22AB2AE5 22B022B1 22B222B3 22B422B5 22B622B7 22B827DC 22C922CA 22CB22CC
22D022D1 22D622D7 22D822D9 22DA22DB 22DC22DD 22DE22DF 22E022E1 22E222E3 22E422E5 22E622E7
22E822E9 22EA22EB 22EC22ED 22F022F1 22F222FA 22F322FB 22F422FC 22F622FD 22F722FE 23082309
230A230B 2329232A 27682769 276A276B 276C276D 276E276F 27702771 27722773 27742775 27C327C4
27C527C6 27C827C9 27CB27CD 27D527D6 27DD27DE 27E227E3 27E427E5 27E627E7 27E827E9 27EA27EB
27EC27ED 27EE27EF 29832984 29852986 29872988 2989298A 298B298C 298D2990 298E298F 29912992
29932994 29952996 29972998 29A429A5 29A829A9 29AA29AB 29AC29AD 29AE29AF 29C029C1 29C429C5
29CF29D0 29D129D2 29D429D5 29D829D9 29DA29DB 29E829E9 29F829F9 29FC29FD 2A2B2A2C 2A2D2A2E
2A342A35 2A3C2A3D 2A642A65 2A792A7A 2A7B2A7C 2A7D2A7E 2A7F2A80 2A812A82 2A832A84 2A852A86
2A872A88 2A892A8A 2A8B2A8C 2A8D2A8E 2A8F2A90 2A912A92 2A932A94 2A952A96 2A972A98 2A992A9A
2A9B2A9C 2A9D2A9E 2A9F2AA0 2AA12AA2 2AA62AA7 2AA82AA9 2AAA2AAB 2AAC2AAD 2AAF2AB0 2AB12AB2
2AB32AB4 2AB52AB6 2AB72AB8 2AB92ABA 2ABB2ABC 2ABD2ABE 2ABF2AC0 2AC12AC2 2AC32AC4 2AC52AC6
2AC72AC8 2AC92ACA 2ACB2ACC 2ACD2ACE 2ACF2AD0 2AD12AD2 2AD32AD4 2AD52AD6 2AEC2AED 2AF72AF8
2AF92AFA 2E022E03 2E042E05 2E092E0A 2E0C2E0D 2E1C2E1D 2E202E21 2E222E23 2E242E25 2E262E27
2E282E29 2E552E56 2E572E58 2E592E5A 2E5B2E5C 30083009 300A300B 300C300D 300E300F 30103011
30143015 30163017 30183019 301A301B FE59FE5A FE5BFE5C FE5DFE5E FE64FE65 FF08FF09 FF1CFF1E
FF3BFF3D FF5BFF5D FF5FFF60 FF62FF63
"""


def _mirror_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for pair in _MIRROR_PAIRS.split():
        left, right = chr(int(pair[:4], 16)), chr(int(pair[4:], 16))
        table[left] = right
        table[right] = left
    return table


MIRRORS: dict[str, str] = _mirror_table()


def mirror(char: str) -> str:
    """The Bidi_Mirroring_Glyph of a character, or the character itself.

    >>> mirror("("), mirror("«"), mirror("a")
    (')', '»', 'a')
    """
    return MIRRORS.get(char, char)


# --- Levels and order ----------------------------------------------------------------------
def _paragraph_direction(base: str | None) -> Base | None:
    if base in (None, "auto"):
        return None
    if base in ("rtl", "ltr"):
        return "rtl" if base == "rtl" else "ltr"
    raise ValueError(f"base must be 'rtl', 'ltr' or 'auto', not {base!r}")


@lru_cache(maxsize=4096)
def _engine_levels(line: str, direction: Base | None) -> tuple[tuple[int, ...], int]:
    """Per-character resolved levels (before rule L1) and the paragraph level.

    captionkit's own Unicode Bidirectional Algorithm (:mod:`captionkit.text.uba`), cached per
    line: a caption file repeats lines, and every mode asks for the same line's levels more
    than once.
    """
    return resolve_levels(line, direction)


def paragraph_level(line: str, base: str | None = "rtl") -> int:
    """0 (left to right) or 1 (right to left): forced by ``base``, or found by rule P2/P3.

    >>> paragraph_level("abc", "auto"), paragraph_level("abc", "rtl"), paragraph_level("عربي", "auto")
    (0, 1, 1)
    """
    if not line:
        return 1 if base == "rtl" else 0
    return _engine_levels(line, _paragraph_direction(base))[1]


def embedding_levels(line: str, base: str | None = "rtl") -> list[int]:
    """The resolved level of every character of one line, rule L1 applied.

    Characters that rule X9 removes (embeddings, overrides, BN such as ZWNJ) get the level of
    the character before them, or the paragraph level at the start (UAX #9 section 5.2), so
    that they travel with their neighbours in the visual order.

    >>> embedding_levels("ab عربي 12", "rtl")
    [2, 2, 1, 1, 1, 1, 1, 1, 2, 2]
    """
    if not line:
        return []
    raw, para = _engine_levels(line, _paragraph_direction(base))
    levels = list(raw)
    classes = [bidi_class(char) for char in line]
    previous = para
    for index, kind in enumerate(classes):
        if kind in _X9_REMOVED:
            levels[index] = previous
        previous = levels[index]
    trailing = True
    for index in range(len(line) - 1, -1, -1):
        kind = classes[index]
        if kind in ("S", "B"):
            levels[index] = para
            trailing = True
        elif kind in _L1_TRAILING:
            if trailing:
                levels[index] = para
        else:
            trailing = False
    return levels


def visual_order(levels: Sequence[int]) -> list[int]:
    """Logical indices in display order, left to right (rule L2).

    >>> visual_order([1, 1, 2, 2, 1])
    [4, 2, 3, 1, 0]
    """
    order = list(range(len(levels)))
    if not order:
        return order
    current = list(levels)
    highest = max(current)
    odd = [level for level in current if level % 2]
    lowest_odd = min(odd) if odd else highest + 1
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if current[index] < level:
                index += 1
                continue
            end = index
            while end < len(order) and current[end] >= level:
                end += 1
            order[index:end] = order[index:end][::-1]
            current[index:end] = current[index:end][::-1]
            index = end
    return order


def display_order(line: str, base: str | None = "rtl") -> list[int]:
    """Indices of the characters a display shows, left to right, without X9-removed ones.

    This is what BidiCharacterTest.txt's last field lists.
    """
    levels = embedding_levels(line, base)
    return [index for index in visual_order(levels) if bidi_class(line[index]) not in _X9_REMOVED]


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


def display_permutation(line: str, levels: Sequence[int]) -> list[int]:
    """The visual order with combining marks kept after their base (rule L3).

    Renderers that do not reorder draw a mark over the glyph before it, so an Arabic letter's
    harakat, which rule L2 puts before the letter, are moved back behind it.
    """
    order = visual_order(levels)
    result: list[int] = []
    pending: list[int] = []
    for index in order:
        if levels[index] % 2 and _is_mark(line[index]):
            pending.append(index)
            continue
        result.append(index)
        if pending and levels[index] % 2:
            result.extend(reversed(pending))
            pending = []
        elif pending:
            result[-1:-1] = pending
            pending = []
    result.extend(pending)
    return result


def reorder_line(line: str, base: str | None = "rtl") -> str:
    """One logical line in visual order: reordered (L2), marks after their base (L3), mirrored
    at odd levels (L4), bidi controls dropped (a renderer that cannot reorder cannot use them).

    No shaping: ``render_line(..., "visual")`` adds that.

    >>> reorder_line("قال (نعم) 3 مرات", "rtl")
    'تارم 3 (معن) لاق'
    """
    levels = embedding_levels(line, base)
    chars: list[str] = []
    for index in display_permutation(line, levels):
        char = line[index]
        if char in BIDI_CONTROLS:
            continue
        chars.append(mirror(char) if levels[index] % 2 else char)
    return "".join(chars)


# --- Shaping ---------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _reshaper() -> object:
    """arabic-reshaper set to keep harakat and to make only the lam-alef ligatures.

    Its defaults delete harakat and turn الله into the word ligature U+FDF2, which a reader
    of the text cannot undo without guessing; lam-alef is required for Arabic to be legible.
    ZWNJ is kept (the reshaper treats it as a non-joining character); ZWJ joins its
    neighbours and is dropped from the output, as the reshaper always does.
    """
    import arabic_reshaper

    return arabic_reshaper.ArabicReshaper(
        configuration={
            "delete_harakat": False,
            "shift_harakat_position": False,
            "delete_tatweel": False,
            "support_zwj": True,
            "support_ligatures": True,
            "ARABIC LIGATURE ALLAH": False,
        }
    )


def shape(line: str) -> str:
    """Presentation forms for the Arabic letters of a logical line (still logical order).

    >>> shape("سَلام") == "ﺳَﻼﻡ"
    True
    """
    reshape = getattr(_reshaper(), "reshape")  # noqa: B009 - untyped third-party object
    result: str = reshape(line)
    return result


# --- Render modes ----------------------------------------------------------------------------
def _rtl_line(line: str, base: str) -> bool:
    """Whether marks and right-to-left visual order apply to this line of a ``base`` cue."""
    if base == "ltr":
        return False
    if base == "rtl":
        return not _is_pure_ltr(line)
    raise ValueError(f"base must be 'rtl' or 'ltr', not {base!r}")


def render_line(
    line: str,
    mode: RtlMode | str,
    *,
    base: str = "rtl",
    rlm_position: RlmPosition = "both",
) -> str:
    """One logical line as the output mode wants it.

    ``base`` is the cue's direction (``'rtl'`` when the cue has an RTL letter, see
    :func:`render_text`). In an RTL cue a purely left-to-right line (an English line) is left
    alone by ``marks`` and ``embed``, and laid out left to right by ``visual``.

    - ``none``: unchanged.
    - ``marks``: RLM at the start (the line becomes right to left for a player that takes the
      direction from the first strong character, and leading punctuation such as a dialogue
      dash stays at the right) and/or at the end (trailing punctuation sits between two
      right-to-left characters, so even a player with a fixed left-to-right base shows it at
      the left end). ``rlm_position`` chooses; a mark already there is not doubled.
    - ``embed``: RLE at the start and PDF at the end of the line (the streaming convention).
    - ``visual``: presentation forms in visual order, brackets mirrored, digits left to right,
      harakat kept after their letter.

    >>> render_line("- نعم.", "marks") == "\u200f- نعم.\u200f"
    True
    >>> render_line("نعم", "embed") == "\u202bنعم\u202c"
    True
    >>> render_line("Yes.", "marks")
    'Yes.'
    """
    mode = parse_rtl_mode(mode)
    if mode is RtlMode.NONE or not line:
        return line
    rtl = _rtl_line(line, base)
    if mode is RtlMode.VISUAL:
        return reorder_line(shape(line), "rtl" if rtl else "ltr")
    if not rtl:
        return line
    if mode is RtlMode.MARKS:
        result = line
        if rlm_position in ("start", "both") and not result.startswith(RLM):
            result = RLM + result
        if rlm_position in ("end", "both") and not result.endswith(RLM):
            result = result + RLM
        return result
    if mode is RtlMode.EMBED:
        if line.startswith(RLE) and line.endswith(PDF):
            return line
        return RLE + line + PDF
    raise AssertionError(f"unhandled render mode {mode!r}")  # pragma: no cover


def render_text(
    text: str,
    mode: RtlMode | str,
    *,
    base: str | None = None,
    rlm_position: RlmPosition = "both",
) -> str:
    """A cue's text (lines joined by ``\\n``) with :func:`render_line` applied to each line.

    The cue's direction is right to left when any line has an RTL letter, unless ``base``
    says otherwise. Line order is kept: a two-line cue stays top line first.

    >>> render_text("أهلا\\nمرحبا", "visual") == "ﻼﻫﺃ\\nﺎﺒﺣﺮﻣ"
    True
    """
    mode = parse_rtl_mode(mode)
    direction = base if base is not None else ("rtl" if has_rtl(text) else "ltr")
    return "\n".join(
        render_line(line, mode, base=direction, rlm_position=rlm_position)
        for line in text.split("\n")
    )
