"""``ass-encoding-direction``: which ASS events it flags, and what its fix writes.

Which override tags split a line into runs was read from libass's pixels (the
first word of the line moves to the left end when they do); the cases here are
those observations: ``\\i1``, ``\\bord2`` and ``\\k20`` between words split, while
``\\an8``, ``\\pos``, ``\\fad``, an empty block, a comment, and a tag setting a
value the style already has (``\\i0``, ``\\fs40``, ``\\c&HFFFFFF&`` in a white
40-pixel style) do not.
"""

from __future__ import annotations

import pytest

import captionkit
from captionkit.check import check_track, select_rules
from captionkit.check.ass_encoding import StyleFacts, ass_styles, run_split_lines
from captionkit.formats import loads

RULE = select_rules(["ass-encoding-direction"])

HEADER = (
    "[Script Info]\nScriptType: v4.00+\nPlayResX: 960\nPlayResY: 540\n\n[V4+ Styles]\n"
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
    "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
    "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
    "Style: Default,Noto Sans Arabic,40,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,"
    "0,0,0,0,100,100,0,0,1,0,0,2,10,10,10,1\n"
    "Style: Arabic,Noto Sans Arabic,40,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,"
    "0,0,0,0,100,100,0,0,1,0,0,2,10,10,10,178\n"
    "Style: Auto,Noto Sans Arabic,40,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,"
    "0,0,0,0,100,100,0,0,1,0,0,2,10,10,10,-1\n\n[Events]\n"
    "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
)


def ass_file(*events: tuple[str, str]) -> bytes:
    lines = [
        f"Dialogue: 0,0:00:{i:02d}.00,0:00:{i:02d}.90,{style},,0,0,0,,{text}\n"
        for i, (style, text) in enumerate(events)
    ]
    return (HEADER + "".join(lines)).encode()


def flagged(*events: tuple[str, str]) -> list[tuple[int, int | None]]:
    track = loads(ass_file(*events))
    return [(f.cue, f.line) for f in check_track(track, rules=RULE)]


WHITE_40 = StyleFacts("Default", 1, {"i": "0", "fs": "40", "c": str(0xFFFFFF), "bord": "0"})


@pytest.mark.parametrize(
    ("block", "splits"),
    [
        ("{\\i1}", True),
        ("{\\bord2}", True),
        ("{\\k20}", True),
        ("{\\an8}", False),
        ("{\\pos(480,300)}", False),
        ("{\\fad(0,0)}", False),
        ("{}", False),
        ("{note}", False),
        ("{\\i0}", False),
        ("{\\fs40}", False),
        ("{\\c&HFFFFFF&}", False),
    ],
)
def test_which_tags_split_a_line_into_runs(block: str, splits: bool) -> None:
    assert run_split_lines(f"ذهبنا {block}إلى السوق.", WHITE_40) == ([1] if splits else [])


def test_font_names_and_style_resets_are_read_as_tags() -> None:
    assert run_split_lines("ذهبنا {\\fnNoto Sans Arabic}إلى", WHITE_40) == [1]
    assert run_split_lines("ذهبنا {\\i1}إلى{\\r} السوق", WHITE_40) == [1]
    assert run_split_lines("{\\i1}ذهبنا {\\r}", WHITE_40) == []


def test_a_tag_at_a_line_edge_splits_nothing() -> None:
    assert run_split_lines("{\\i1}ذهبنا إلى السوق.{\\i0}", WHITE_40) == []
    # the state carries over \N: the second line starts italic, and the \i0 splits it
    assert run_split_lines("{\\i1}ذهبنا\nإلى {\\i0}السوق", WHITE_40) == [2]


def test_styles_are_read_from_the_file() -> None:
    styles = ass_styles(loads(ass_file()))
    assert {name: facts.encoding for name, facts in styles.styles.items()} == {
        "Default": 1,
        "Arabic": 178,
        "Auto": -1,
    }
    assert styles.styles["Default"].values["fs"] == "40"


def test_flags_split_arabic_lines_in_styles_whose_encoding_is_not_minus_one() -> None:
    line = "ذهبنا {\\i1}إلى{\\i0} السوق صباحاً."
    assert flagged(("Default", line), ("Arabic", line), ("Auto", line)) == [(1, 1), (2, 1)]


def test_the_events_own_fe_tag_decides_until_a_reset() -> None:
    line = "ذهبنا {\\i1}إلى{\\i0} السوق صباحاً."
    assert flagged(
        ("Default", "{\\fe-1}" + line),
        ("Auto", "{\\fe178}" + line),
        ("Default", "{\\fe-1}" + line + "{\\r}"),  # \\r: back to the style's Encoding
    ) == [(2, 1), (3, 1)]


def test_leaves_alone_english_lines_unsplit_lines_and_the_visual_workaround() -> None:
    assert (
        flagged(
            ("Default", "We went {\\i1}to{\\i0} the market."),
            ("Default", "{\\an8}ذهبنا إلى السوق صباحاً."),
            ("Default", ".ذهبنا {\\i1}إلى{\\i0} السوق صباحاً"),  # rtl-visual-punctuation's
        )
        == []
    )


def test_an_unknown_style_is_drawn_in_default() -> None:
    assert flagged(("Nowhere", "ذهبنا {\\i1}إلى{\\i0} السوق.")) == [(1, 1)]


def test_fix_adds_fe_minus_one_and_changes_nothing_else() -> None:
    original = ass_file(
        ("Default", "ذهبنا {\\i1}إلى{\\i0} السوق صباحاً."),
        ("Default", "{\\an8}قال {\\c&H00FFFF&}أحمد{\\c&HFFFFFF&} شيئاً."),
        ("Arabic", "{\\fe178}كان {\\k30}يا {\\k30}ما كان"),
        ("Default", "We went {\\i1}to{\\i0} the market."),
    )
    result = captionkit.fix(loads(original), rules=["ass-encoding-direction"])
    expected = (
        original.replace("0,,ذهبنا".encode(), "0,,{\\fe-1}ذهبنا".encode())
        .replace(b"{\\an8}", b"{\\an8\\fe-1}")
        .replace(b"{\\fe178}", b"{\\fe-1}")
    )
    assert result.to_bytes() == expected
    assert [change.cue for change in result.changes] == [1, 2, 3]
    assert check_track(loads(expected), rules=RULE) == []


def test_default_fix_leaves_it_alone_as_the_fix_is_unsafe() -> None:
    original = ass_file(("Default", "\u202bذهبنا {\\i1}إلى{\\i0} السوق صباحاً.\u202c"))
    assert captionkit.fix(loads(original)).to_bytes() == original
