"""``fix``: repairs, the list of changes, the diff, and byte identity outside the fixed cues."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from captionkit.check import all_rules, check_track, fix_track, select_rules
from captionkit.cli import app
from captionkit.formats import loads, read, to_bytes
from captionkit.model import Cue, Track
from captionkit.text.bidi import render_line
from tests.conftest import FIXTURES, shared_path

MIXED = FIXTURES / "check" / "mixed.srt"
runner = CliRunner()
TOR = ("corpus", "rtl", "tor-animation")


def expected_mixed_fix() -> bytes:
    """The fixture's bytes with the three repairs made by hand, everything else as it was."""
    data = MIXED.read_bytes()
    for before, after in (
        # Moved punctuation in a file without marks: embed, so LTR-base players show it right.
        (".لقد إعتدنا على استخدام الإنترنت", "\u202bلقد إعتدنا على استخدام الإنترنت.\u202c"),
        ("هل أنت بخير?", "هل أنت بخير؟"),
        ("\ufee3\ufeae\ufea3\ufe92\ufe8e", "مرحبا"),
    ):
        assert data.count(before.encode()) == 1
        data = data.replace(before.encode(), after.encode())
    return data


def test_fix_changes_only_the_fixed_cues(tmp_path: Path) -> None:
    out = tmp_path / "fixed.srt"
    result = runner.invoke(app, ["fix", str(MIXED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == expected_mixed_fix()
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and b"\r\n" in out.read_bytes()
    # Each fix listed, with the file line of its cue.
    assert "mixed.srt:1: cue 1: rtl-visual-punctuation" in result.output
    assert "cue 3: rtl-latin-punctuation" in result.output
    assert "cue 5: rtl-presentation-forms" in result.output
    assert "mixed.srt:1: cue 1: rtl-edge-punctuation" in result.output
    assert "4 fixes in 3 cues" in result.output
    # The word ligature, the RLE-per-line cue and the padded <i> cue are untouched.
    assert "cue 4" not in result.output and "cue 6" not in result.output


def test_fix_to_stdout_and_rule_choice() -> None:
    result = runner.invoke(app, ["fix", str(MIXED), "-o", "-", "--rule", "rtl-latin-punctuation"])
    assert result.exit_code == 0
    assert "هل أنت بخير؟" in result.stdout
    assert ".لقد إعتدنا" in result.stdout  # not asked for: left alone


def test_dry_run_prints_a_diff_and_writes_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "copy.srt"
    shutil.copy(MIXED, copy)
    result = runner.invoke(app, ["fix", str(copy), "--dry-run"])
    assert result.exit_code == 0
    assert "-.لقد إعتدنا على استخدام الإنترنت" in result.stdout
    assert "+\u202bلقد إعتدنا على استخدام الإنترنت.\u202c" in result.stdout
    assert "@@ -1,1 +1,1 @@ cue 1" in result.stdout  # a hunk a changed cue, at its first line
    assert copy.read_bytes() == MIXED.read_bytes()
    assert not (tmp_path / "copy.srt.bak").exists()


def test_in_place_keeps_a_backup(tmp_path: Path) -> None:
    copy = tmp_path / "copy.srt"
    shutil.copy(MIXED, copy)
    result = runner.invoke(app, ["fix", str(copy), "--in-place"])
    assert result.exit_code == 0
    assert copy.read_bytes() == expected_mixed_fix()
    assert (tmp_path / "copy.srt.bak").read_bytes() == MIXED.read_bytes()


def test_fix_writes_to_stdout_by_default() -> None:
    result = runner.invoke(app, ["fix", str(MIXED)])
    assert result.exit_code == 0
    assert result.stdout_bytes == expected_mixed_fix()
    several = runner.invoke(app, ["fix", str(MIXED), str(MIXED)])
    assert several.exit_code == 2 and "--in-place" in several.output


def test_rtl_marks_added_only_when_asked() -> None:
    result = runner.invoke(app, ["fix", str(MIXED), "-o", "-", "--rtl", "marks"])
    written = result.stdout_bytes.decode("utf-8")
    assert "\u200fلقد إعتدنا على استخدام الإنترنت.\u200f\r\n" in written
    # A line protected by its RLE keeps it and gets no mark; ؟ is a strong letter (AL).
    assert "\r\n\u202bهذا سطر سليم\r\n" in written
    assert "\r\nهل أنت بخير؟\r\n" in written


def test_fix_is_idempotent_and_check_is_clean_after() -> None:
    track = read(MIXED)
    rules = select_rules(["rtl-visual", "rtl-latin", "rtl-presentation", "rtl-unbalanced"])
    once, _ = fix_track(track, rules)
    twice, changes = fix_track(once, rules)
    assert changes == [] and to_bytes(twice) == to_bytes(once)
    assert [f for f in check_track(once, rules=rules) if f.severity != "info"] == []


# --- the Tor animation set: the visual-punctuation workaround -------------------------------

_PUNCTUATION = ".,،:!?؟;؛"
_FINAL_CLASS = {".": "stop", ",": "comma", "،": "comma", ":": "colon", "!": "!", "?": "?", "؟": "?"}


def _leading_punctuation_cues(path: Path) -> set[int]:
    """Cues (1-based) with a line that starts with sentence punctuation, read from the raw file."""
    blocks = path.read_text(encoding="utf-8").strip().split("\n\n")
    hits = set()
    for number, block in enumerate(blocks, 1):
        text_lines = block.split("\n")[2:]
        if any(re.match(r"^[.,،:!?؟]+\w", line) for line in text_lines):
            hits.add(number)
    return hits


def _final_mark(text: str) -> str:
    stripped = text.rstrip()
    return _FINAL_CLASS.get(stripped[-1], "none") if stripped else "none"


def test_tor_visual_punctuation_flagged_on_every_cue_that_has_it() -> None:
    path = shared_path(*TOR, "ar.srt")
    expected = _leading_punctuation_cues(path)
    assert len(expected) == 29  # counted in the file by hand: 35 cues, 6 without the hack
    findings = check_track(read(path), rules=select_rules(["rtl-visual-punctuation"]))
    assert {finding.cue for finding in findings} == expected
    for language in ("he", "fa"):
        other = shared_path(*TOR, f"{language}.srt")
        assert _leading_punctuation_cues(other) == set()
        assert check_track(read(other), rules=select_rules(["rtl-visual-punctuation"])) == []


def test_tor_fixed_punctuation_matches_hebrew_and_persian(tmp_path: Path) -> None:
    arabic = shared_path(*TOR, "ar.srt")
    out = tmp_path / "ar.srt"
    result = runner.invoke(
        app, ["fix", str(arabic), "-o", str(out), "--rule", "rtl-visual", "--rtl", "none"]
    )
    assert result.exit_code == 0
    fixed = read(out)
    hebrew, persian = read(shared_path(*TOR, "he.srt")), read(shared_path(*TOR, "fa.srt"))
    assert _leading_punctuation_cues(out) == set()
    before = sum(
        _final_mark(a.text) == _final_mark(h.text)
        for a, h in zip(read(arabic), hebrew, strict=True)
    )
    after = [
        (number, _final_mark(a.text), _final_mark(h.text))
        for number, (a, h) in enumerate(zip(fixed, hebrew, strict=True), 1)
    ]
    agreeing = [number for number, mine, theirs in after if mine == theirs]
    # Before: the marks sit at the start, so every cue "ends without a mark": it agrees only
    # with the 8 Hebrew cues that have none.
    assert before == 8
    # After: 29 of 35 cues end with the same kind of mark as the Hebrew cue; the 6 others are
    # translation choices, checked by hand (e.g. cue 6: the Arabic keeps a comma, the Hebrew
    # has none; cue 8: Arabic full stop, Hebrew comma).
    assert len(agreeing) == 29
    assert sorted(set(range(1, 36)) - set(agreeing)) == [6, 8, 14, 23, 29, 33]
    # The Persian file (a looser translation) ends 5 cues with a mark, at the line's end;
    # the fixed Arabic agrees on 4 of them (cue 33: Persian comma, no Arabic mark).
    persian_marks = [
        (number, _final_mark(mine.text) == _final_mark(theirs.text))
        for number, (mine, theirs) in enumerate(zip(fixed, persian, strict=True), 1)
        if _final_mark(theirs.text) != "none"
    ]
    assert persian_marks == [(20, True), (24, True), (26, True), (28, True), (33, False)]
    # Nothing but the moved punctuation changed.
    original = arabic.read_text(encoding="utf-8").split("\n")
    repaired = out.read_text(encoding="utf-8").split("\n")
    assert len(original) == len(repaired)
    for old, new in zip(original, repaired, strict=True):
        if old != new:
            run = re.match(r"^[.,،:!?؟]+", old)
            assert run is not None and new == old[run.end() :] + run.group()


# --- the inverse of make --rtl visual -------------------------------------------------------

ROUND_TRIP = [
    ("conformance", "unicode-bidi", "udhr-rtl-text", "udhr_arb.txt"),
    ("conformance", "unicode-bidi", "udhr-rtl-text", "udhr_pes_1.txt"),
    ("conformance", "unicode-bidi", "udhr-rtl-text", "udhr_urd.txt"),
    ("seed", "narration-ar.txt"),
]


def test_fix_inverts_visual_output() -> None:
    """fix --rule rtl-reversed-text --rule rtl-presentation-forms on make's visual lines.

    Measured: 383 of 383 non-blank lines come back exactly (no exception to list)."""
    lines = [
        line
        for parts in ROUND_TRIP
        for line in shared_path(*parts).read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]
    cues = [
        Cue(i * 1000, i * 1000 + 900, render_line(line, "visual")) for i, line in enumerate(lines)
    ]
    rules = select_rules(["rtl-reversed-text", "rtl-presentation-forms"])
    fixed, _ = fix_track(Track.from_cues(cues), rules)
    failures = [(a, b.text) for a, b in zip(lines, fixed.cues, strict=True) if a != b.text]
    assert len(lines) >= 380
    assert failures == []


# --- properties -----------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ["مرحبا", "بكم", "في", "البيت", " ", " ", ".", ",", "?", "،", "؟", "!", ":", "\u202b",
     "\u202c", "\u202e", "\u2067", "\u2069", "\u200f", "<i>", "</i>", "<b>", "Tor", "1948",
     "١٢", "- ", "...", "\ufee3\ufeae", "ﷺ", "بالإنترنت بثلاث طبقات من التشفير"]
)  # fmt: skip
_LINES = st.lists(_PIECES, min_size=1, max_size=12).map("".join).filter(lambda s: s.strip())
_TEXTS = st.lists(_LINES, min_size=1, max_size=3).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_TEXTS, min_size=1, max_size=4))
def test_fix_is_idempotent_and_touches_only_fixed_cues(texts: list[str]) -> None:
    blocks = [
        f"{n}\r\n00:00:{n:02d},000 --> 00:00:{n:02d},900\r\n{text.replace(chr(10), chr(13) + chr(10))}"
        for n, text in enumerate(texts, 1)
    ]
    data = ("\r\n\r\n".join(blocks) + "\r\n").encode("utf-8")
    track = loads(data, "srt")
    assert [cue.text for cue in track.cues] == texts
    once, changes = fix_track(track, all_rules(), rtl_mode="marks", named=False)
    _, more = fix_track(once, all_rules(), rtl_mode="marks", named=False)
    assert more == [], [(c.rule, c.before, c.after) for c in more]
    written = to_bytes(once).split(b"\r\n\r\n")
    assert len(written) == len(blocks)
    fixed_cues = {change.cue for change in changes}
    for number, (old, new) in enumerate(zip(data.split(b"\r\n\r\n"), written, strict=True), 1):
        if number in fixed_cues:
            assert old.split(b"\r\n")[:2] == new.split(b"\r\n")[:2]  # number and times kept
        else:
            assert old == new


def test_fix_undoes_make_rtl_visual_end_to_end(tmp_path: Path) -> None:
    """make --rtl visual, then fix (all default rules): the bytes of make --rtl none."""
    narration = str(shared_path("seed", "narration-ar.txt"))
    logical, visual, back = tmp_path / "none.srt", tmp_path / "visual.srt", tmp_path / "back.srt"
    made = runner.invoke(app, ["make", narration, "-o", str(logical), "--rtl", "none"])
    assert made.exit_code == 0
    made = runner.invoke(app, ["make", narration, "-o", str(visual), "--rtl", "visual"])
    assert made.exit_code == 0
    assert visual.read_bytes() != logical.read_bytes()
    result = runner.invoke(app, ["fix", str(visual), "-o", str(back)])
    assert result.exit_code == 0
    assert back.read_bytes() == logical.read_bytes()


def test_a_cue_too_long_for_any_breaking_is_left_alone() -> None:
    # Found by the idempotence property: 97 visible characters cannot make two lines of 42,
    # so re-breaking cannot fix the cue; every run moved its breaks again.
    texts = [
        "مرحبامرحبامرحبا\u202eبالإنترنت بثلاث طبقات من التشفير\n"
        "... مرحبامرحبامرحبا\u202eمرحبا\nمرحبامرحبامرحبامرحبا\u202eمرحبا"
    ]
    test_fix_is_idempotent_and_touches_only_fixed_cues.hypothesis.inner_test(texts)  # type: ignore[attr-defined]
