"""The retime plan built from the strings a user typed: values parsed, errors said once."""

from __future__ import annotations

from fractions import Fraction

import pytest

from captionkit.errors import CaptionkitError
from captionkit.retime.options import plan_from_text


def test_a_shift_that_is_no_time_names_the_parameter_and_says_it_once() -> None:
    with pytest.raises(CaptionkitError) as caught:
        plan_from_text(shift="nonsense")
    message = caught.value.message
    assert message.startswith("shift must be a time (such as 1.5, ")
    assert message.endswith("not 'nonsense'")
    assert message.count("nonsense") == 1
    assert caught.value.parameter == "shift"


def test_frames_without_a_rate_ask_for_the_rate_by_its_parameter() -> None:
    with pytest.raises(CaptionkitError) as caught:
        plan_from_text(shift="12f")
    assert "12f@25" in caught.value.message
    assert caught.value.parameter == "fps"


def test_values_parse_to_milliseconds_and_exact_rates() -> None:
    plan = plan_from_text(shift="-2.5s", fps="25:24000/1001")
    assert plan.shift == -2500
    assert plan.fps == (Fraction(25), Fraction(24000, 1001))
