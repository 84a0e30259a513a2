"""Simulated faulty players and frame sizes: pure text, no renderer needed."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from captionkit.errors import UsageError
from captionkit.render.players import LRM, LRO, PDF, ZWNJ, simulate, simulate_line
from captionkit.render.size import Size

arabic_or_latin = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي Python.()؟123")), max_size=40
)


@given(arabic_or_latin)
def test_no_shaping_only_adds_non_joiners(line: str) -> None:
    simulated = simulate_line(line, "no-shaping")
    assert simulated.replace(ZWNJ, "") == line
    # Never two Arabic letters side by side: every pair is split.
    for left, right in pairwise(simulated):
        assert not ("\u0627" <= left <= "\u064a" and "\u0627" <= right <= "\u064a")


@given(arabic_or_latin)
def test_no_bidi_forces_stored_order(line: str) -> None:
    marked = "\u202b" + line + "\u202c"
    assert simulate_line(marked, "no-bidi") == LRO + line + PDF


def test_ltr_base_and_cue_lines() -> None:
    assert simulate_line("نعم.", "ltr-base") == LRM + "نعم."
    assert simulate("نعم\nلا", "ltr-base") == LRM + "نعم\n" + LRM + "لا"
    assert simulate("نعم", None) == "نعم"
    assert simulate_line("لا", "no-shaping") == "ل" + ZWNJ + "ا"


@given(st.integers(16, 8192), st.integers(16, 8192))
def test_size_round_trip(width: int, height: int) -> None:
    assert Size.parse(str(Size(width, height))) == Size(width, height)


@pytest.mark.parametrize("text", ["", "1920", "1920x", "x1080", "10x10", "9000x100", "axb"])
def test_bad_sizes(text: str) -> None:
    with pytest.raises(UsageError):
        Size.parse(text)
