"""Every rule on hand-made cues: what it must find, and what it must leave alone.

Offsets were counted by hand: ``start`` is the 0-based offset in the line's text
without tags.
"""

from __future__ import annotations

from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from captionkit.check import RULE_IDS, RULES, Finding, check_track, fix_track, select_rules
from captionkit.check.model import Context
from captionkit.model import Cue, Format, Track
from captionkit.profiles import Profile, load_profile
from captionkit.text.bidi import render_line

SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
RLM, RLE, PDF, RLO, RLI, PDI = "\u200f", "\u202b", "\u202c", "\u202e", "\u2067", "\u2069"


def run(
    rule: str,
    *texts: str,
    times: list[tuple[int, int]] | None = None,
    profile: Profile | None = None,
    format: Format = "srt",
) -> list[Finding]:
    """Findings of one rule on cues with these texts (2 s each, 1 s apart unless ``times``)."""
    spans = times or [(index * 3000, index * 3000 + 2000) for index in range(len(texts))]
    cues = [Cue.as_read(start, end, text) for (start, end), text in zip(spans, texts, strict=True)]
    track = Track.from_cues(cues, format=format)
    return check_track(track, profile or load_profile("arabic"), select_rules([rule]))


def fixed(rule: str, text: str, rtl: str = "none") -> str:
    track = Track.from_cues([Cue(0, 2000, text)])
    result, _ = fix_track(track, select_rules([rule]), load_profile("arabic"), rtl, named=True)
    return result.cues[0].text


def where(findings: list[Finding]) -> list[tuple[int, int | None, int | None]]:
    return [(finding.cue, finding.line, finding.start) for finding in findings]


def test_the_registry_holds_exactly_the_documented_ids() -> None:
    assert tuple(RULES) == RULE_IDS or set(RULES) == set(RULE_IDS)
    assert len(RULE_IDS) == 23
    for rule in RULES.values():
        assert rule.severity in ("error", "warning", "info")
        assert len(rule.explanation) > 120, rule.id
    assert [rule.id for rule in select_rules(["rtl-"])] == list(RULE_IDS[:9])
    assert "overlap" not in [rule.id for rule in select_rules(ignore=["overlap", "rtl-"])]


# --- rtl-base-direction ---------------------------------------------------------------------


def test_base_direction() -> None:
    assert where(run("rtl-base-direction", "Tor يحمي خصوصيتنا")) == [(1, 1, 0)]
    assert run("rtl-base-direction", "تور Tor يحمي") == []
    assert run("rtl-base-direction", RLM + "Tor يحمي خصوصيتنا") == []
    assert run("rtl-base-direction", RLE + "Tor يحمي خصوصيتنا" + PDF) == []
    # A line with no RTL letter is laid out left to right and looks right.
    assert run("rtl-base-direction", "مرحبا بكم في البيت\nTor Browser") == []
    # Not an RTL cue at all.
    assert run("rtl-base-direction", "Tor protects you") == []
    assert fixed("rtl-base-direction", "Tor يحمي", rtl="marks") == RLM + "Tor يحمي" + RLM
    assert fixed("rtl-base-direction", "Tor يحمي") == "Tor يحمي"  # marks only when asked


# --- rtl-edge-punctuation -------------------------------------------------------------------


def test_edge_punctuation() -> None:
    assert where(run("rtl-edge-punctuation", "لقد وصلنا.")) == [(1, 1, 9)]
    assert where(run("rtl-edge-punctuation", "- نعم")) == [(1, 1, 0)]
    assert where(run("rtl-edge-punctuation", "<i>(لقد وصلنا)</i>")) == [(1, 1, 0), (1, 1, 10)]
    assert run("rtl-edge-punctuation", "لقد وصلنا") == []
    assert run("rtl-edge-punctuation", "لقد وصلنا." + RLM) == []
    assert run("rtl-edge-punctuation", RLE + "لقد وصلنا.") == []  # one RLE a line
    assert run("rtl-edge-punctuation", RLE + "لقد وصلنا." + PDF) == []
    assert run("rtl-edge-punctuation", "We arrived.") == []
    # WebVTT renderers take an RTL base from the cue's first strong character.
    assert run("rtl-edge-punctuation", "لقد وصلنا.", format="vtt") == []
    assert fixed("rtl-edge-punctuation", "لقد وصلنا.", rtl="marks") == RLM + "لقد وصلنا." + RLM
    assert fixed("rtl-edge-punctuation", "لقد وصلنا.", rtl="embed") == RLE + "لقد وصلنا." + PDF


# --- rtl-visual-punctuation -----------------------------------------------------------------


def test_visual_punctuation_found() -> None:
    assert where(run("rtl-visual-punctuation", ".لقد وصلنا")) == [(1, 1, 0)]
    assert where(run("rtl-visual-punctuation", "؟ماذا")) == [(1, 1, 0)]
    assert where(run("rtl-visual-punctuation", "مرحبا\n،في هذه اللحظة")) == [(1, 2, 0)]
    assert where(run("rtl-visual-punctuation", "<i>!ولكن ليس</i>")) == [(1, 1, 0)]
    assert where(run("rtl-visual-punctuation", RLE + ".لقد")) == [(1, 1, 1)]


def test_visual_punctuation_left_alone() -> None:
    for text in (
        "...لقد وصلنا",  # a cue that starts mid-sentence
        "…لقد وصلنا",
        "- لقد وصلنا",  # a dialogue dash
        "-لقد وصلنا",
        "لقد وصلنا.",
        ". Hello",
        "Hello, world",
    ):
        assert run("rtl-visual-punctuation", text) == [], text


def test_visual_punctuation_fixed() -> None:
    assert fixed("rtl-visual-punctuation", ".لقد وصلنا") == "لقد وصلنا."
    assert fixed("rtl-visual-punctuation", "،في هذه اللحظة\n،إذا حاول") == (
        "في هذه اللحظة،\nإذا حاول،"
    )
    # The run is what a left-to-right player showed at the left end: read right to left,
    # "!؟" typed first is "؟!" at the logical end.
    assert fixed("rtl-visual-punctuation", "<i>!؟ماذا</i>") == "<i>ماذا؟!</i>"
    assert fixed("rtl-visual-punctuation", "!حمل تور واستخدمه! أو شغل خادم") == (
        "حمل تور واستخدمه! أو شغل خادم!"
    )
    assert fixed("rtl-visual-punctuation", RLE + ".لقد") == RLE + "لقد."
    assert fixed("rtl-visual-punctuation", "...لقد وصلنا") == "...لقد وصلنا"


# --- rtl-presentation-forms -----------------------------------------------------------------


def test_presentation_forms() -> None:
    shaped = "\ufee3\ufeae\ufea3\ufe92\ufe8e"  # مرحبا: meem initial, reh final, hah initial ...
    findings = run("rtl-presentation-forms", "قال " + shaped)
    assert [(f.severity, f.start) for f in findings] == [("error", 4)]
    assert fixed("rtl-presentation-forms", "قال " + shaped) == "قال مرحبا"
    assert fixed("rtl-presentation-forms", "\ufefb") == "\u0644\u0627"  # lam-alef ligature
    assert run("rtl-presentation-forms", "قال مرحبا") == []
    assert run("rtl-presentation-forms", "\ufeffقال مرحبا") == []  # a BOM is no presentation form


def test_word_ligatures_are_information_and_kept() -> None:
    for ligature in "\ufdf2\ufdfa\ufdfb\ufdfc\ufdfd":
        findings = run("rtl-presentation-forms", "محمد " + ligature)
        assert [(f.severity, f.start) for f in findings] == [("info", 5)], hex(ord(ligature))
        assert fixed("rtl-presentation-forms", "محمد " + ligature) == "محمد " + ligature


# --- rtl-reversed-text ----------------------------------------------------------------------


def test_reversed_text() -> None:
    logical = "مرحبا بكم في البيت الكبير"
    visual = render_line(logical, "visual")
    assert where(run("rtl-reversed-text", visual)) == [(1, 1, 0)]
    assert run("rtl-reversed-text", logical) == []
    track = Track.from_cues([Cue(0, 2000, visual)])
    repaired, changes = fix_track(
        track, select_rules(["rtl-reversed-text", "rtl-presentation-forms"])
    )
    assert repaired.cues[0].text == logical
    assert [change.rule for change in changes] == [
        "rtl-reversed-text",
        "rtl-presentation-forms",
    ] or [change.rule for change in changes] == ["rtl-reversed-text"]


# --- rtl-unbalanced-controls ----------------------------------------------------------------


def test_unbalanced_controls_found() -> None:
    assert where(run("rtl-unbalanced-controls", PDF + "مرحبا")) == [(1, 1, 0)]
    assert where(run("rtl-unbalanced-controls", "مرحبا" + PDI)) == [(1, 1, 5)]
    assert where(run("rtl-unbalanced-controls", RLO + "مرحبا")) == [(1, 1, 6)]
    assert where(run("rtl-unbalanced-controls", RLI + "مرحبا\nبكم" + PDI)) == [
        (1, 1, 6),
        (1, 2, 3),
    ]
    # PDF inside an isolate, PDI closing an embedding opened inside it: nested wrongly.
    assert where(run("rtl-unbalanced-controls", RLI + "نعم" + PDF + PDI)) == [(1, 1, 4)]
    assert where(run("rtl-unbalanced-controls", RLI + RLE + "نعم" + PDI)) == [(1, 1, 5)]


def test_rle_per_line_convention_is_not_flagged() -> None:
    assert run("rtl-unbalanced-controls", RLE + "مرحبا بكم\n" + RLE + "في البيت.") == []
    assert run("rtl-unbalanced-controls", RLE + "مرحبا" + PDF) == []
    assert run("rtl-unbalanced-controls", "قال " + RLI + "Tor" + PDI + " لنا") == []


def test_unbalanced_controls_fixed() -> None:
    assert fixed("rtl-unbalanced-controls", PDF + "مرحبا") == "مرحبا"
    assert fixed("rtl-unbalanced-controls", RLO + "مرحبا") == RLO + "مرحبا" + PDF
    assert (
        fixed("rtl-unbalanced-controls", RLI + "مرحبا\nبكم" + PDI) == RLI + "مرحبا" + PDI + "\nبكم"
    )
    assert (
        fixed("rtl-unbalanced-controls", RLI + RLE + "نعم" + PDI) == RLI + RLE + "نعم" + PDF + PDI
    )
    assert fixed("rtl-unbalanced-controls", RLE + "مرحبا\n" + RLE + "بكم") == (
        RLE + "مرحبا\n" + RLE + "بكم"
    )


# --- rtl-latin-punctuation ------------------------------------------------------------------


def test_latin_punctuation() -> None:
    assert where(run("rtl-latin-punctuation", "هل أنت بخير?")) == [(1, 1, 11)]
    assert where(run("rtl-latin-punctuation", "نعم, لا; ربما")) == [(1, 1, 3)]
    assert fixed("rtl-latin-punctuation", "نعم, لا; ربما?") == "نعم، لا؛ ربما؟"
    assert fixed("rtl-latin-punctuation", "<i>نعم,</i> لا") == "<i>نعم،</i> لا"
    assert run("rtl-latin-punctuation", "دفعنا 1,000 دولار") == []
    assert run("rtl-latin-punctuation", "قال: Hello, world") == []
    assert run("rtl-latin-punctuation", "שלום, עולם?") == []  # Hebrew uses Latin punctuation
    assert run("rtl-latin-punctuation", "Hello, world?") == []


# --- rtl-mixed-digits -----------------------------------------------------------------------


def test_mixed_digits() -> None:
    findings = run("rtl-mixed-digits", "عام 1948", "عام ١٩٥٦", "عام ١٩٦٧")
    assert where(findings) == [(1, 1, 4)]
    assert "Western" in findings[0].message and "Arabic-Indic" in findings[0].message
    # Persian four, five and six look different from the Arabic-Indic ones.
    persian = run("rtl-mixed-digits", "٤٥ دقيقة", "٤٥ دقيقة", "۴۵ دقیقه")
    assert where(persian) == [(3, 1, 0)] and "look different" in persian[0].message
    alike = run("rtl-mixed-digits", "١٢ دقيقة", "١٣ دقيقة", "۱۲ دقیقه")
    assert where(alike) == [(3, 1, 0)] and "look the same" in alike[0].message
    assert run("rtl-mixed-digits", "عام 1948", "عام 1956") == []
    assert run("rtl-mixed-digits", "عام ١٩٤٨") == []
    assert run("rtl-mixed-digits", '<font color="#123456">عام ١٩٤٨</font>') == []


# --- line-too-long, too-many-lines, needless-two-lines --------------------------------------

FORTY_TWO = "ب" * 20 + " " + "ت" * 21  # 42 visible characters


def test_line_too_long() -> None:
    assert where(run("line-too-long", FORTY_TWO + "ث")) == [(1, 1, None)]
    assert run("line-too-long", FORTY_TWO) == []
    # Tags, harakat, tatweel and controls do not count.
    decorated = '{\\an8}<i><b><u><font color="red"><c.yellow><v Ahmed>' + FORTY_TWO + "</i>"
    assert run("line-too-long", decorated) == []
    assert run("line-too-long", RLE + "بَ" * 20 + " " + "ت" * 21 + "ـ" + RLM) == []
    assert where(run("line-too-long", FORTY_TWO, profile=load_profile("broadcast"))) == [
        (1, 1, None)
    ]


def test_line_too_long_fix_rebreaks_with_the_make_breaker() -> None:
    text = "يحمي تور إتصالك بالإنترنت بثلاث طبقات من التشفير."
    result = fixed("line-too-long", text)
    lines = result.split("\n")
    assert len(lines) == 2 and " ".join(lines) == text
    # A cue with tags is left to a human (still reported): the breaker works on words.
    tagged = "<i>" + text + "</i>"
    assert fixed("line-too-long", tagged) == tagged
    # Unsafe: the default fix leaves the layout alone.
    track = Track.from_cues([Cue(0, 2000, text)])
    assert fix_track(track, select_rules(["line-too-long"]))[0] is track


def test_too_many_lines() -> None:
    assert where(run("too-many-lines", "أ\nب\nج")) == [(1, None, None)]
    assert run("too-many-lines", "أ\nب") == []
    assert where(run("too-many-lines", "أ\nب", profile=load_profile("social"))) == [(1, None, None)]
    assert fixed("too-many-lines", "مرحبا\nبكم\nفي البيت") == "مرحبا بكم في البيت"


def test_needless_two_lines() -> None:
    assert where(run("needless-two-lines", "مرحبا بكم\nفي البيت")) == [(1, None, None)]
    assert run("needless-two-lines", "- نعم؟\n- لا.") == []  # dialogue: one speaker a line
    assert run("needless-two-lines", FORTY_TWO + "\nمرحبا") == []
    assert run("needless-two-lines", "مرحبا بكم في البيت") == []
    assert fixed("needless-two-lines", "مرحبا بكم\nفي البيت") == "مرحبا بكم في البيت"


# --- reading-speed, duration-short, duration-long -------------------------------------------


def test_reading_speed() -> None:
    seventeen = "ب" * 8 + " " + "ت" * 8
    assert run("reading-speed", seventeen, times=[(0, 1000)]) == []  # exactly 17 cps
    findings = run("reading-speed", seventeen + "ث", times=[(0, 1000)])
    assert where(findings) == [(1, None, None)] and "18.0" in findings[0].message
    # Line breaks and tags are not read: 17 characters over two lines.
    assert run("reading-speed", "<i>" + "ب" * 8 + "\n" + "ت" * 9 + "</i>", times=[(0, 1000)]) == []


def test_durations() -> None:
    assert where(run("duration-short", "نعم", times=[(0, 500)])) == [(1, None, None)]
    assert run("duration-short", "نعم", times=[(0, 833)]) == []
    backwards = run("duration-short", "نعم", times=[(1000, 900)])
    assert [f.severity for f in backwards] == ["error"]
    assert where(run("duration-long", "نعم", times=[(0, 7001)])) == [(1, None, None)]
    assert run("duration-long", "نعم", times=[(0, 7000)]) == []


# --- gap-short, overlap ---------------------------------------------------------------------


def test_gap_short() -> None:
    # 2 frames at 25 fps = 80 ms.
    assert where(run("gap-short", "أ", "ب", times=[(0, 1000), (1040, 2000)])) == [(2, None, None)]
    assert run("gap-short", "أ", "ب", times=[(0, 1000), (1080, 2000)]) == []
    assert run("gap-short", "أ", "ب", times=[(0, 1000), (900, 2000)]) == []  # an overlap instead
    assert (
        run("gap-short", "أ", "ب", times=[(0, 1000), (1000, 2000)], profile=load_profile("social"))
        == []
    )


def test_overlap() -> None:
    assert where(run("overlap", "أ", "ب", times=[(0, 1000), (900, 2000)])) == [(2, None, None)]
    assert run("overlap", "أ", "ب", times=[(0, 1000), (1000, 2000)]) == []
    # Out of file order: compared in time order.
    assert where(run("overlap", "أ", "ب", "ج", times=[(5000, 6000), (0, 5500), (7000, 8000)])) == [
        (1, None, None)
    ]


# --- unbalanced-lines, bad-line-break -------------------------------------------------------


def test_unbalanced_lines() -> None:
    # Fits on one line: needless-two-lines is the cause, not the balance.
    assert run("unbalanced-lines", "يحمي تور إتصالك بالإنترنت\nبثلاث") == []
    assert run("unbalanced-lines", "يحمي تور إتصالك بالإنترنت\nبثلاث طبقات") == []  # fits one line
    findings = run("unbalanced-lines", "يحمي تور إتصالك بالإنترنت بثلاث طبقات\nمن التشفير")
    assert where(findings) == [(1, None, None)]  # 37 over 10 characters
    assert findings[0].fix == "يحمي تور إتصالك بالإنترنت\nبثلاث طبقات من التشفير"
    assert run("unbalanced-lines", "يحمي تور إتصالك\nبالإنترنت بثلاث طبقات") == []
    assert run("unbalanced-lines", "- نعم\n- لا، لن أذهب إلى هناك") == []


def test_bad_line_break() -> None:
    findings = run("bad-line-break", "وصلنا إلى المدينة في\nعام 1948")
    assert where(findings) == [(1, 1, 20)] and "binding" in findings[0].message
    # a noun and its adjective torn: doubtful-line-break's (opt-in), not bad-line-break's
    assert run("bad-line-break", "بدأت الحرب\nالباردة بعد ذلك") == []
    assert "noun-adjective" in run("doubtful-line-break", "بدأت الحرب\nالباردة بعد ذلك")[0].message
    assert run("bad-line-break", "وصلنا إلى المدينة،\nفي عام 1948") == []
    assert run("bad-line-break", "- وصلنا في\n- عام 1948") == []  # dialogue
    result = fixed("bad-line-break", "وصلنا إلى المدينة في\nعام 1948")
    assert "في\nعام" not in result and result.replace("\n", " ") == "وصلنا إلى المدينة في عام 1948"


# --- empty-cue, unclosed-tag ----------------------------------------------------------------


def test_empty_cue() -> None:
    for text in ("", " ", "<i></i>", RLM, "{\\an8}\n "):
        assert where(run("empty-cue", text)) == [(1, None, None)], repr(text)
    assert run("empty-cue", "نعم") == []
    assert run("empty-cue", "<i>.</i>") == []


def test_unclosed_tag() -> None:
    assert where(run("unclosed-tag", "<i>مرحبا")) == [(1, 1, 0)]
    assert where(run("unclosed-tag", "مرحبا</i>")) == [(1, 1, 5)]
    assert where(run("unclosed-tag", "<b>مرحبا\n<i>بكم</b>")) == [(1, 2, 0)]
    assert run("unclosed-tag", "<i>مرحبا</i>") == []
    assert run("unclosed-tag", "<I>مرحبا\nبكم</I>") == []  # spans lines; case-insensitive
    assert run("unclosed-tag", "<v Ahmed>مرحبا") == []  # <v> needs no closing tag
    assert run("unclosed-tag", '<font color="red">مرحبا</font>') == []
    assert fixed("unclosed-tag", "<i>مرحبا") == "<i>مرحبا</i>"
    assert fixed("unclosed-tag", "مرحبا</i>") == "مرحبا"


# --- severities -----------------------------------------------------------------------------


def test_severity_override() -> None:
    track = Track.from_cues([Cue(0, 2000, ".لقد")])
    findings = check_track(
        track, load_profile(), select_rules(["rtl-visual"]), {"rtl-visual-punctuation": "info"}
    )
    assert [f.severity for f in findings] == ["info"]


@pytest.mark.parametrize("rule_id", [rule_id for rule_id in RULE_IDS if RULES[rule_id].fix])
def test_fixers_leave_clean_text_alone(rule_id: str) -> None:
    fix = RULES[rule_id].fix
    assert fix is not None
    clean = "مرحبا بكم في البيت."
    assert fix(clean, Context(load_profile())) in (clean, RLM + clean + RLM, RLE + clean + PDF)


# --- cases found while reviewing the corpus -------------------------------------------------


def test_digits_inside_latin_codes_are_not_numbers() -> None:
    # ../shared/corpus/retime/persian-shift: a runway code in a Persian file.
    assert run("rtl-mixed-digits", "باند N1733 E07831.", "ساعت ۱۲", "ساعت ۱۳") == []
    assert where(run("rtl-mixed-digits", "باند 17", "ساعت ۱۲", "ساعت ۱۳")) == [(1, 1, 5)]


def test_dialogue_with_an_undashed_first_speaker() -> None:
    assert run("needless-two-lines", "Ništa ne kriješ?\n-Ne.") == []
    assert run("unbalanced-lines", "Ništa ne kriješ, zar ne?\n-Ne.") == []
    assert fixed("too-many-lines", "نعم؟\n- لا.\n- ربما.") == "نعم؟\n- لا.\n- ربما."


def test_bad_line_break_reads_arabic_and_ascii_only() -> None:
    assert run("bad-line-break", "LES NOMS, LIEUX ET ÉVÉNEMENTS\nONT ÉTÉ MODIFIÉS.") == []
    assert where(run("bad-line-break", "I found myself on\nthe comment section")) == [(1, 1, 17)]


def test_counting_matches_its_definition_character_by_character() -> None:
    """make and check share one counter, a regular expression; the definition, per character:
    everything but tags, marks (Mn, Me), format and control characters (Cf, Cc) and tatweel."""
    import unicodedata

    from captionkit.errors import CaptionkitError
    from captionkit.formats import read
    from captionkit.text.counting import strip_tags, visible_length
    from captionkit.text.linebreak import visible_length as make_visible_length
    from tests.conftest import shared_path

    def own_visible_length(line: str) -> int:
        return sum(
            1
            for char in strip_tags(line)
            if char != "\u0640" and unicodedata.category(char) not in ("Mn", "Me", "Cf", "Cc")
        )

    assert make_visible_length is visible_length

    corpus = shared_path("corpus")
    lines = ["مُحَمَّــد", "x\U000e0001y\U0001f600", "a\tb", "\u202bنعم\u202c", "<i>كَتَبَ</i>"]
    for path in sorted(corpus.rglob("*.srt"))[:60]:
        try:
            track = read(path)
        except CaptionkitError:
            continue  # broken on purpose
        lines.extend(line for cue in track.cues for line in cue.lines)
    assert len(lines) > 5000
    different = [line for line in lines if own_visible_length(line) != visible_length(line)]
    assert different == []
    assert visible_length("2<3,5>1") == 7  # a comparison, not a tag


def test_unclosed_tag_nesting_fixed() -> None:
    assert fixed("unclosed-tag", "<i><b>مرحبا</i>") == "<i><b>مرحبا</b></i>"
    assert run("unclosed-tag", "<i><b>مرحبا</b></i>") == []


def test_visual_punctuation_behind_a_control_or_a_space() -> None:
    assert where(run("rtl-visual-punctuation", ".\u2069مرحبا")) == [(1, 1, 0)]
    assert fixed("rtl-visual-punctuation", "!؟ ماذا") == "ماذا؟!"
    assert run("rtl-visual-punctuation", ". ؟") == []  # punctuation only: no word to move it past


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(
            st.integers(0, 20_000),
            st.integers(-500, 9_000),
            st.text(
                st.one_of(
                    st.characters(codec="utf-8", exclude_categories=SURROGATES),
                    st.sampled_from(
                        list("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\n.،؟<>/i{}\\ﻣ")
                    ),
                ),
                max_size=60,
            ),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_any_text_is_checked_and_every_finding_points_inside_its_cue(
    cues: list[tuple[int, int, str]],
) -> None:
    track = Track.from_cues(
        [Cue.as_read(start, start + length, text) for start, length, text in cues]
    )
    for finding in check_track(track, load_profile()):
        assert 1 <= finding.cue <= len(cues)
        text = cues[finding.cue - 1][2]
        if finding.line is not None:
            assert 1 <= finding.line <= len(text.split("\n"))
        assert finding.severity in ("error", "warning", "info")
        assert finding.fix is None or isinstance(finding.fix, str)
