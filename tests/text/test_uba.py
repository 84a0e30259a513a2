"""captionkit's Unicode Bidirectional Algorithm (captionkit.text.uba).

BidiCharacterTest.txt runs in tests/text/test_bidi.py, through the public functions of
captionkit.text.bidi. Here: BidiTest.txt (class sequences), the character data tables against
the Unicode files and Python's own database, lines worked out by hand from the rules, and a
peer implementation (python-bidi, the Rust ``unicode-bidi`` crate) on random lines.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from captionkit.text.bidi import MIRRORS, embedding_levels, visual_order
from captionkit.text.uba import (
    BRACKETS,
    MAX_DEPTH,
    UNICODE_15_CLASSES,
    bidi_class,
    paragraph_level,
    resolve_levels,
)
from tests.conftest import shared_path

BIDI = ("conformance", "unicode-bidi")
RLE, LRE, PDF, RLO, LRO = "\u202b", "\u202a", "\u202c", "\u202e", "\u202d"
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
ALEF, BET, GIMEL, DALET = "\u05d0", "\u05d1", "\u05d2", "\u05d3"  # Hebrew letters: class R

# One character of each Bidi_Class, to run BidiTest.txt's class sequences as text.
CLASS_CHARS = {
    "L": "a",
    "R": ALEF,
    "AL": "\u0627",
    "EN": "1",
    "ES": "+",
    "ET": "$",
    "AN": "\u0661",
    "CS": ",",
    "NSM": "\u0300",
    "BN": "\u00ad",
    "B": "\u2029",
    "S": "\t",
    "WS": " ",
    "ON": "!",  # not a bracket: BidiTest.txt's ON never pairs
    "LRE": LRE,
    "RLE": RLE,
    "PDF": PDF,
    "LRO": LRO,
    "RLO": RLO,
    "LRI": LRI,
    "RLI": RLI,
    "FSI": FSI,
    "PDI": PDI,
}
_X9 = {"RLE", "LRE", "RLO", "LRO", "PDF", "BN"}


# --- BidiTest.txt ----------------------------------------------------------------------------------
BidiTestCase = tuple[tuple[str, ...], str, list[str], list[int]]


def _bidi_tests(path: Path, stride: int) -> tuple[int, list[BidiTestCase]]:
    """The number of test lines, and (classes, base, levels with x for removed characters,
    visual order) for each paragraph level of every ``stride``-th test line."""
    cases: list[BidiTestCase] = []
    levels: list[str] = []
    order: list[int] = []
    number = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] == "#":
            continue
        if line.startswith("@Levels:"):
            levels = line.split(":", 1)[1].split()
        elif line.startswith("@Reorder:"):
            order = [int(index) for index in line.split(":", 1)[1].split()]
        elif line[0] != "@":
            number += 1
            if number % stride:
                continue
            sequence, bits = line.split(";")
            classes = tuple(sequence.split())
            for bit, base in ((1, "auto"), (2, "ltr"), (4, "rtl")):
                if int(bits) & bit:
                    cases.append((classes, base, levels, order))
    return number, cases


def test_class_chars_have_their_class() -> None:
    assert {kind: bidi_class(char) for kind, char in CLASS_CHARS.items()} == {
        kind: kind for kind in CLASS_CHARS
    }


def test_bidi_test_levels_and_order() -> None:
    """BidiTest.txt (Unicode 15.0: 490,846 class sequences, 770,241 with their paragraph
    levels): levels after rule L1 and the visual order.

    Every case passes (CAPTIONKIT_BIDITEST_STRIDE=1, under a minute); the suite runs the
    sequences of every 10th line, a spread over all of the file's @Levels blocks.
    """
    stride = int(os.environ.get("CAPTIONKIT_BIDITEST_STRIDE", "10"))
    lines, cases = _bidi_tests(shared_path(*BIDI, "BidiTest.txt"), stride)
    assert lines == 490_846
    assert len(cases) >= lines // stride
    failures = []
    for classes, base, expected_levels, expected_order in cases:
        text = "".join(CLASS_CHARS[kind] for kind in classes)
        levels = embedding_levels(text, base)
        got = [
            "x" if kind in _X9 else str(level) for kind, level in zip(classes, levels, strict=True)
        ]
        order = [index for index in visual_order(levels) if classes[index] not in _X9]
        if got != expected_levels or order != expected_order:
            failures.append((" ".join(classes), base))
    assert not failures, f"{len(failures)} of {len(cases)} fail; first: {failures[:5]!r}"


# --- Character data --------------------------------------------------------------------------------
def test_brackets_match_bidi_brackets_txt() -> None:
    path: Path = shared_path(*BIDI, "BidiBrackets.txt")
    expected: dict[str, tuple[str, bool]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        data = raw.split("#")[0].strip()
        if not data:
            continue
        code, paired, kind = (field.strip() for field in data.split(";"))
        opening = chr(int(code if kind == "o" else paired, 16))
        expected[chr(int(code, 16))] = (unicodedata.normalize("NFD", opening), kind == "o")
    assert len(expected) == 128
    assert expected == BRACKETS


def test_brackets_follow_the_derivation_bidi_brackets_txt_states() -> None:
    """BidiBrackets.txt's header: A and B pair when A is Ps, B is Pe, both ON and mirrored,
    and B is A's mirroring glyph. Derived here from unicodedata and BidiMirroring.txt's table."""
    derived = {
        opening
        for opening, closing in MIRRORS.items()
        if unicodedata.category(opening) == "Ps"
        and unicodedata.category(closing) == "Pe"
        and bidi_class(opening) == bidi_class(closing) == "ON"
    }
    assert derived == {char for char, (_key, opens) in BRACKETS.items() if opens}


def test_angle_brackets_pair_with_their_canonical_equivalents() -> None:
    # BD16: U+2329 is canonically U+3008, so U+3009 closes it. With the pair, the closing
    # bracket takes the direction before the pair (L, rule N0 c2) and so does the space after
    # it; unpaired, both sit between two R letters and go R (N1).
    paired = "a \u2329" + ALEF + "\u3009 " + BET
    assert resolve_levels(paired, "ltr") == ((0, 0, 0, 1, 0, 0, 1), 0)
    assert resolve_levels(paired.replace("\u2329", "\u3008"), "ltr")[0] == (0, 0, 0, 1, 0, 0, 1)
    unpaired = paired.replace("\u2329", "(")
    assert resolve_levels(unpaired, "ltr") == ((0, 0, 0, 1, 1, 1, 1), 0)


def test_unicode_15_classes() -> None:
    """The table completes Python's database where it is older than Unicode 15.0 only."""
    for first, last, kind in UNICODE_15_CLASSES:
        for code in range(first, last + 1):
            char = chr(code)
            assert bidi_class(char) == kind
            python_class = unicodedata.bidirectional(char)
            if unicodedata.unidata_version >= "15.0.0":
                assert python_class == kind, hex(code)
            else:
                assert python_class == "", hex(code)  # unassigned in Python's Unicode
    # A new Arabic mark (U+10EFD) after a Latin letter follows it (W1); as an unassigned code
    # point of the Arabic Extended-C block it would be AL and go right to left.
    assert resolve_levels("a\U00010efd", "ltr")[0] == (0, 0)


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (0x05FF, "R"),  # unassigned, Hebrew block
        (0x07BF, "AL"),  # unassigned, Thaana block
        (0x20CF, "ET"),  # unassigned, Currency Symbols
        (0xFDD0, "BN"),  # noncharacter
        (0x1FFFF, "BN"),  # noncharacter
        (0xE0080, "BN"),  # default ignorable
        (0x0378, "L"),  # unassigned, Greek: the default
        (0x1EC70, "AL"),  # unassigned, Indic Siyaq Numbers
    ],
)
def test_unassigned_code_points_get_their_block_default(code: int, kind: str) -> None:
    assert unicodedata.category(chr(code)) == "Cn"
    assert bidi_class(chr(code)) == kind


# --- Lines worked out by hand from the rules -----------------------------------------------------
def test_paragraph_level_skips_isolates() -> None:
    # P2: the R letter inside the isolate is skipped; the L after it decides.
    assert paragraph_level(["RLI", "R", "PDI", "L"], None) == 0
    # An isolate without its PDI runs to the end of the paragraph: no strong letter, level 0.
    assert paragraph_level(["RLI", "R"], None) == 0
    assert paragraph_level(["ON", "AL"], None) == 1
    assert paragraph_level(["L"], "rtl") == 1
    with pytest.raises(ValueError):
        paragraph_level(["L"], "up")  # type: ignore[arg-type]


def test_uax9_bracket_example() -> None:
    # UAX #9, rule N0, "AB(CD[&ef]!)gh" in a right-to-left paragraph (upper case R, lower L).
    # (..) holds R: R. [..] holds only L, but D before it is R: the embedding direction, R.
    # "&" sits between "[" (R) and "e" (L): the embedding direction (N2); "!" between R and R.
    line = f"{ALEF}{BET}({GIMEL}{DALET}[&ef]!)gh"
    assert resolve_levels(line, "rtl") == ((1, 1, 1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 2, 2), 1)


def test_isolate_is_one_neutral_for_its_surroundings() -> None:
    # RLI ... PDI sit at the outer level 0 and count as neutrals between sos (L) and "x";
    # "abc" inside is at level 1 and, being L, goes to 2 (I2).
    assert resolve_levels(f"{RLI}abc{PDI} x", "ltr") == ((0, 2, 2, 2, 0, 0, 0), 0)


def test_first_strong_isolate() -> None:
    # FSI takes the direction of its first strong letter (R): level 1 inside. The space
    # between R and L inside is the embedding direction (R, level 1); "x" is L at 1: 2.
    assert resolve_levels(f"{FSI}{ALEF}{BET} x{PDI}", "ltr") == ((0, 1, 1, 1, 2, 0), 0)


def test_override_forces_the_direction() -> None:
    # RLO makes "ab" R at level 1; after PDF, "c" is back at level 0.
    levels, para = resolve_levels(f"{RLO}ab{PDF}c", "ltr")
    assert (levels[1:3], levels[4], para) == ((1, 1), 0, 0)


def test_embeddings_overflow_at_max_depth() -> None:
    # 130 alternating RLE/LRE: initiator k opens level k up to 125 (an RLE); the last five
    # overflow. PDFs first cancel the five overflows, so only the sixth closes level 125.
    assert MAX_DEPTH == 125
    opened = (RLE + LRE) * 65
    line = opened + "a" + PDF * 6 + "a"
    levels, _para = resolve_levels(line, "ltr")
    assert levels[130] == 126  # L at the odd level 125 (I2)
    assert levels[-1] == 124  # L at the even level 124


def test_numbers_after_arabic_letters_are_arabic_numbers() -> None:
    # W2: "12" after an AL letter is AN; in a left-to-right paragraph AN goes to level 2,
    # the letter to 1, and the space between them (R and AN) to 1.
    assert resolve_levels("\u0628 12", "ltr") == ((1, 1, 2, 2), 0)
    # After a Latin letter, EN becomes L (W7): everything at 0.
    assert resolve_levels("b 12", "ltr") == ((0, 0, 0, 0), 0)


def test_removed_characters_take_the_level_before_them() -> None:
    levels, _para = resolve_levels(f"{ALEF}\u00ad{LRE}a{PDF}", "ltr")
    assert levels == (1, 1, 1, 2, 2)


def test_empty_line() -> None:
    assert resolve_levels("", "rtl") == ((), 1)
    assert resolve_levels("", None) == ((), 0)


def test_n0_backward_context_skips_an_isolate() -> None:
    # "א LRM LRI 1 PDI ( א )" in a left-to-right paragraph. The bracket pair holds a strong R,
    # opposite the embedding direction, so N0 c looks backwards from "(" for the first strong
    # type within the isolating run sequence: PDI and LRI are neutral there, the isolate's "1"
    # is not in the sequence, and LRM is L, the embedding direction, so (N0 c.2) both brackets
    # are L: level 0. python-bidi 0.6 finds the isolate's EN (read as R) and gives them level 1.
    line = f"{ALEF}\u200e{LRI}1{PDI}({ALEF})"
    assert resolve_levels(line, "ltr") == ((1, 0, 0, 2, 0, 0, 1, 0), 0)
    # Without the LRM the first strong type back is the R of ALEF: the brackets are R.
    assert resolve_levels(f"{ALEF}{LRI}1{PDI}({ALEF})", "ltr") == ((1, 1, 2, 1, 1, 1, 1), 0)


# --- A peer on random lines ----------------------------------------------------------------------
# Letters, digits, separators, neutrals, marks, brackets and isolates. Left out: embeddings
# and BN, which the peer's get_display places differently (they have no level of their own),
# paragraph separators (it splits paragraphs), and segment separators (TAB), which it leaves
# at their resolved level where rule L1 resets them to the paragraph level: for "a<TAB>1" in
# a right-to-left paragraph it shows "a<TAB>1", where L1 gives levels 2 1 2 and "1<TAB>a"
# (and BidiCharacterTest.txt agrees with L1). Also left out: a bracket pair after an isolate
# (see test_n0_backward_context_skips_an_isolate: the peer reads into the isolate).
_ALPHABET = (
    "ab" + ALEF + BET + "\u0627\u0628" + '12\u0661+-$%,.: !"()[]\u0300\u064e\u200e\u200f\u061c'
)
_PEER_ALPHABET = _ALPHABET + LRI + RLI + FSI + PDI


@given(
    st.text(alphabet=_PEER_ALPHABET, max_size=24),
    st.sampled_from(["ltr", "rtl", "auto"]),
)
def test_visual_order_matches_python_bidi(line: str, base: str) -> None:
    """python-bidi's get_display (the Rust crate; no mirroring) as a second implementation."""
    bidi = pytest.importorskip("bidi")
    opening = min((line.find(b) for b in "([" if b in line), default=-1)
    assume(opening < 0 or not any(i in line[:opening] for i in (LRI, RLI, FSI)))
    levels = embedding_levels(line, base)
    ours = "".join(line[index] for index in visual_order(levels))
    direction = {"ltr": "L", "rtl": "R", "auto": None}[base]
    assert ours == bidi.get_display(line, base_dir=direction)
