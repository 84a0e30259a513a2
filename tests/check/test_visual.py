"""The visual-order workaround found and undone, base direction, Persian letters, fix safety.

Expected values are written by hand from the rule of the workaround: what a
left-to-right player shows at the left end of the line is the logical end, read
right to left (so a leading run is reversed, brackets mirrored), and a dialogue dash
belongs at the logical start.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from captionkit.check import Finding, all_rules, check_track, fix_track, select_rules
from captionkit.check.language import language_from_name, language_from_text
from captionkit.check.visual import LineKind, classify, undo
from captionkit.model import Cue, Track
from captionkit.text.arabic import unshape
from captionkit.text.rtl import BIDI_CONTROLS

RLE, PDF = "\u202b", "\u202c"


def track(*texts: str, path: str | None = None) -> Track:
    made = Track.from_cues([Cue(i * 3000, i * 3000 + 2500, t) for i, t in enumerate(texts)])
    if path is None:
        return made
    from dataclasses import replace

    return replace(made, source=replace(made.source, path=path))


def rules_of(findings: list[Finding]) -> list[tuple[int, int | None, str]]:
    return [(f.cue, f.line, f.rule) for f in findings]


def fixed_texts(*texts: str, rtl: str | None = "none") -> list[str]:
    fixed, _ = fix_track(track(*texts), all_rules(), rtl_mode=rtl)
    return [cue.text for cue in fixed.cues]


# --- the workaround, completely -------------------------------------------------------------


def test_every_shape_of_the_workaround_is_undone() -> None:
    cases = {
        ".لقد وصلنا": "لقد وصلنا.",
        '."في "القاهرة': 'في "القاهرة".',  # the closing quote typed with the stop
        ".40 دولاراً": "40 دولاراً.",  # a number first
        ".هذا صحيح -": "- هذا صحيح.",  # dialogue dash typed last
        "- .هذا صحيح": "- هذا صحيح.",  # dash kept first, stop typed first
        ".ـ لا أعرف": "ـ لا أعرف.",  # the tatweel dash is a letter: it stays
        ".نعم. سأذهب غداً": "نعم. سأذهب غداً.",  # two sentences: the inner stop stays
        ".(وصلنا إلى المدينة (القديمة": "وصلنا إلى المدينة (القديمة).",  # mirrored
        "...؟ماذا": "ماذا؟...",
    }
    for before, after in cases.items():
        assert classify(before) is LineKind.WORKAROUND, before
        assert undo(before) == after, before
        assert fixed_texts(before) == [after], before


def test_ambiguous_lines_follow_the_file() -> None:
    # A leading ellipsis is a cue that starts mid-sentence in a logical file ...
    assert fixed_texts("...نعم", "لقد وصلنا.") == ["...نعم", "لقد وصلنا."]
    # ... and the workaround for a trailing one in a file that uses the workaround.
    assert fixed_texts("...نعم", ".لقد وصلنا", "!ولكن لا") == ["نعم...", "لقد وصلنا.", "ولكن لا!"]
    # A trailing dash is a dialogue dash in such a file.
    assert fixed_texts("نعم -", ".لقد وصلنا", ".حسنا") == ["- نعم", "لقد وصلنا.", "حسنا."]


def test_a_file_mixing_the_workaround_and_logical_lines() -> None:
    texts = ("لقد وصلنا.", ".ذهبنا إلى البيت", "هل أنت بخير؟", "...ثم نمنا")
    findings = check_track(track(*texts), rules=select_rules(["rtl-"]))
    # The logical lines need marks in SubRip (libass lays lines out left to right); the
    # workaround line needs its punctuation moved, and nothing else.
    assert rules_of(findings) == [
        (1, 1, "rtl-edge-punctuation"),
        (2, 1, "rtl-visual-punctuation"),
        (4, 1, "rtl-edge-punctuation"),
    ]
    assert fixed_texts(*texts) == ["لقد وصلنا.", "ذهبنا إلى البيت.", "هل أنت بخير؟", "...ثم نمنا"]


def test_one_finding_per_cause_on_workaround_lines() -> None:
    # The stop at the logical start is the only cause: no edge-punctuation finding, whose
    # RLM "fix" would make the line display wrong.
    findings = check_track(
        track(".لقد وصلنا", "،في هذه اللحظة\n،إذا حاول"), rules=select_rules(["rtl-"])
    )
    assert rules_of(findings) == [
        (1, 1, "rtl-visual-punctuation"),
        (2, 1, "rtl-visual-punctuation"),
        (2, 2, "rtl-visual-punctuation"),
    ]
    # The repaired file checks clean of RTL findings with the default output (embed).
    fixed, _ = fix_track(track(".لقد وصلنا", "،في هذه اللحظة\n،إذا حاول"), all_rules())
    assert [cue.text for cue in fixed.cues] == [
        RLE + "لقد وصلنا." + PDF,
        RLE + "في هذه اللحظة،" + PDF + "\n" + RLE + "إذا حاول،" + PDF,
    ]
    assert check_track(fixed, rules=select_rules(["rtl-"])) == []


def test_fix_writes_the_files_own_marks() -> None:
    # The file opens every line with RLE (the streaming convention): moved lines keep it.
    assert fixed_texts(RLE + ".لقد وصلنا", RLE + "مرحبا.", rtl=None) == [
        RLE + "لقد وصلنا.",
        RLE + "مرحبا.",
    ]
    # A file with no marks and nothing moved stays without marks.
    assert fixed_texts("مرحبا.", "هل أنت بخير?", rtl=None) == ["مرحبا.", "هل أنت بخير؟"]
    # --rtl overrides.
    assert fixed_texts(".لقد وصلنا", rtl="marks") == ["\u200fلقد وصلنا.\u200f"]


# --- base direction -------------------------------------------------------------------------


def test_base_direction_by_first_strong_character_not_majority() -> None:
    findings = check_track(track("Python، رائع!"), rules=select_rules(["rtl-"]))
    assert rules_of(findings) == [(1, 1, "rtl-base-direction")]
    # More Latin than Arabic letters changes nothing; a line starting in Arabic is fine.
    assert check_track(track("رائع Python!"), rules=select_rules(["rtl-base"])) == []
    # An English line in an English file is not an RTL line.
    assert check_track(track("Hello world.", "Fine."), rules=select_rules(["rtl-"])) == []


# --- Persian and Urdu -----------------------------------------------------------------------


def test_language_from_name_and_letters() -> None:
    assert language_from_name("movie.fa.srt") == "fa"
    assert language_from_name("movie.he-IL.vtt") == "he"
    assert language_from_name("ur.srt") == "ur"
    assert language_from_text(["این یک فیلم است", "چطوری؟"]) == "fa"
    assert language_from_text(["هذا فيلم جميل", "كيف حالك؟"]) == "ar"
    assert language_from_text(["שלום עולם"]) == "he"
    assert language_from_text(["Hello", "World", "مرحبا"]) is None


def test_arabic_letters_in_persian_text() -> None:
    persian = track("اين يك فيلم است", "چطوری؟", path="film.fa.srt")
    findings = check_track(persian, rules=select_rules(["rtl-letter-variants"]))
    assert rules_of(findings) == [(1, 1, "rtl-letter-variants")]
    assert findings[0].start == 1  # ي of اين
    assert findings[0].fix == "این یک فیلم است"
    # Unsafe: the default fix leaves the letters; naming the rule applies it.
    assert fix_track(persian, all_rules())[1] == []
    named, _ = fix_track(persian, select_rules(["rtl-letter-variants"]), named=True)
    assert named.cues[0].text == "این یک فیلم است"


def test_persian_letters_in_arabic_text() -> None:
    arabic = track("هذا کتاب في المکتبة", "علی الطاولة", path="x.ar.srt")
    findings = check_track(arabic, rules=select_rules(["rtl-letter-variants"]))
    assert rules_of(findings) == [(1, 1, "rtl-letter-variants"), (2, 1, "rtl-letter-variants")]
    named, _ = fix_track(arabic, all_rules(), unsafe=True)
    # Medial ی becomes ي; final ی, which shows no dots, becomes the look-alike ى.
    assert [cue.text for cue in named.cues] == ["هذا كتاب في المكتبة", "على الطاولة"]


def test_mixed_arabic_indic_and_persian_digits() -> None:
    findings = check_track(
        track("ساعت ۱۲", "ساعت ۱۳", "ساعت ١٤"), rules=select_rules(["rtl-mixed"])
    )
    assert rules_of(findings) == [(3, 1, "rtl-mixed-digits")]
    assert "(٤٥٦ and ۴۵۶ look different)" in findings[0].message
    # The file's language decides between the two Arabic-script sets (an unsafe fix).
    persian = track("ساعت ۱۲", "ساعت ۱۳", "ساعت ١٤", path="film.fa.srt")
    assert fix_track(persian, all_rules())[1] == []
    fixed, _ = fix_track(persian, select_rules(["rtl-mixed-digits"]), named=True)
    assert [cue.text for cue in fixed.cues] == ["ساعت ۱۲", "ساعت ۱۳", "ساعت ۱۴"]
    western = track("ساعت 12", "ساعت ١٣", "ساعت ١٤", path="x.ar.srt")
    fixed, changes = fix_track(western, select_rules(["rtl-mixed-digits"]), named=True)
    assert changes == []  # Western against Arabic-Indic: an editorial choice


# --- safety ---------------------------------------------------------------------------------

_WORDS = ["لقد", "وصلنا", "إلى", "البيت", "في", "القاهرة", "مرحبا", "بكم", "Tor", "1948", "٢٠"]
_PUNCT = [".", ",", "،", ":", "!", "?", "؟", "...", "- ", '"', "(", ")", "؛", ";"]
_OTHER = [" ", " ", "\u202b", "\u202c", "\u200f", "\u2067", "\u2069", "<i>", "</i>", "ﻣﺮﺣﺒﺎ"]
_PIECES = st.sampled_from(_WORDS + _WORDS + _PUNCT + _OTHER)
_LINE = st.lists(_PIECES, min_size=1, max_size=10).map("".join).filter(lambda s: s.strip())
_TEXT = st.lists(_LINE, min_size=1, max_size=2).map("\n".join)
_WORD = re.compile(r"\w+")
_SAME = str.maketrans({",": "،", ";": "؛", "?": "؟", ")": "(", "]": "["})


def words(text: str) -> list[str]:
    """The words of a text in order: forms unshaped, controls and tags out."""
    plain = re.sub(r"</?i>", "", unshape(text))  # markup, not a space
    plain = "".join(char for char in plain if char not in BIDI_CONTROLS)
    return _WORD.findall(plain)


def punctuation(text: str) -> list[str]:
    """Its punctuation as a sorted list: Latin and Arabic marks, and mirrored brackets, alike."""
    plain = re.sub(r"</?i>", "", text).translate(_SAME)
    return sorted(char for char in plain if unicodedata.category(char).startswith("P"))


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=4))
# Hypothesis found it: a visual-order first line made the file "visual", and the second
# line's logical parenthesis at its end was moved to the start as "(", unbalanced
@example(["\u061bلقد\nلقد(لقد)"])
def test_default_fix_keeps_words_and_their_order_and_is_idempotent(texts: list[str]) -> None:
    original = track(*texts)
    once, _ = fix_track(original, all_rules())
    for before, after in zip(original.cues, once.cues, strict=True):
        assert words(after.text) == words(before.text), (before.text, after.text)
        assert punctuation(after.text) == punctuation(before.text), (before.text, after.text)
        assert after.text.count("\n") == before.text.count("\n")  # no re-breaking
        assert (after.start, after.end) == (before.start, before.end)
    twice, more = fix_track(once, all_rules())
    assert more == [], [(c.rule, c.before, c.after) for c in more]
    assert [cue.text for cue in twice.cues] == [cue.text for cue in once.cues]


def test_dashes_at_the_end_and_reversed_brackets_are_the_workaround_in_any_file() -> None:
    # Lines from a fansub file whose other lines are logical: a dialogue dash after a space
    # at the logical end, and an opening bracket at the start with the pair reversed, are
    # the workaround whatever the rest of the file does (checked by hand: each undone line
    # reads as the subtitler meant it).
    from captionkit.check.visual import LineKind, classify, undo_plain

    for line, meant in (
        ("كلا -", "- كلا"),
        ("لا أعرف -", "- لا أعرف"),
        ("(المأمور (ستيفنز", "المأمور (ستيفنز)"),
        ("(مرحباً، يا (فاطمة", "مرحباً، يا (فاطمة)"),
    ):
        assert classify(line) is LineKind.WORKAROUND
        assert undo_plain(line) == meant
    # still not the workaround: an interruption dash, a balanced pair, a logical dash
    assert classify("كنت أقول-") is LineKind.AMBIGUOUS
    assert classify("(مرحبا) بكم") is LineKind.AMBIGUOUS
    assert classify("- لماذا؟") is LineKind.LOGICAL
