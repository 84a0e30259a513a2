"""The make pipeline end to end: the seed's must-show checks, a second narration, the CLI."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from captionkit.cli import app
from captionkit.formats import dumps, read
from captionkit.make import MakeReport, MakeResult, SpeechRate, make, make_file
from captionkit.make.ingest import ingest
from captionkit.make.pipeline import apply_rtl
from captionkit.make.timing import timing_problems
from captionkit.model import Track
from captionkit.profiles import load_profile
from captionkit.text.linebreak import is_binding_word, visible_length
from tests.conftest import FIXTURES, shared_path

MAKE = FIXTURES / "make"
PROFILE = load_profile("arabic")
runner = CliRunner()


def pair(result: MakeResult, rtl: str = "none") -> tuple[Track, MakeReport]:
    """The track (with an RTL mode applied, as a writer would) and the report."""
    return apply_rtl(result.track, rtl), result.report


def annotated_pairs(name: str) -> set[tuple[str, str]]:
    lines = (MAKE / name).read_text("utf-8").splitlines()
    return {tuple(line.split("\t")[:2]) for line in lines if line and not line.startswith("#")}  # type: ignore[misc]


def script_words(path: Path) -> list[str]:
    return list(ingest(path.read_bytes()).words)


def assert_subtitler_rules(track: Track, report: MakeReport, path: Path, pairs: str) -> None:
    """The must-show checks shared by the seed and the second narration."""
    cues = track.cues
    words = script_words(path)
    # every narration word kept, in order
    assert " ".join(cue.text.replace("\n", " ") for cue in cues).split(" ") == words
    # 0 lines over 42, 0 cues over 2 lines, 0 needless two-line cues
    for cue in cues:
        lines = cue.lines
        assert len(lines) <= 2
        assert all(visible_length(line) <= 42 for line in lines)
        if len(lines) == 2:
            assert visible_length(cue.text.replace("\n", " ")) > 42, cue.text
    # 0 lines or cues ending in a binding word
    flat = [line for cue in cues for line in cue.lines]
    starts = [line.split(" ")[0] for line in flat[1:]] + [""]
    for line, next_start in zip(flat, starts, strict=True):
        assert not is_binding_word(line.split(" ")[-1], next_start), line
    # 0 splits of the annotated pairs
    together = annotated_pairs(pairs)
    for line, next_start in zip(flat, starts, strict=True):
        assert (line.split(" ")[-1], next_start) not in together, (line, next_start)
    # every cue within the duration, gap and reading-speed rules
    assert timing_problems(cues, PROFILE) == []
    assert report.timing_problems == ()
    assert report.lines_over_limit == 0
    assert all(item.category != "binding" for item in report.forced_bad_breaks)


def test_seed_meets_every_rule() -> None:
    path = shared_path("seed", "narration-ar.txt")
    track, report = pair(make_file(path, profile=PROFILE))
    assert_subtitler_rules(track, report, path, "seed-pairs.tsv")
    assert [item.reason for item in report.dropped] == ["title", "hashtag", "player label"]
    assert report.forced_bad_breaks == ()


def test_seed_annotation_pairs_all_occur_in_the_seed() -> None:
    path = shared_path("seed", "narration-ar.txt")
    words = script_words(path)
    adjacent = set(itertools.pairwise(words))
    pairs = annotated_pairs("seed-pairs.tsv")
    assert len(pairs) >= 150
    assert pairs <= adjacent


def test_seed_golden() -> None:
    track, _ = pair(make_file(shared_path("seed", "narration-ar.txt"), profile=PROFILE))
    assert dumps(track, "srt") == (MAKE / "seed.srt").read_text("utf-8")


def test_second_narration_meets_every_rule() -> None:
    path = MAKE / "narration-cordoba-ar.txt"
    track, report = pair(make_file(path, profile=PROFILE))
    assert_subtitler_rules(track, report, path, "cordoba-pairs.tsv")
    assert [item.text for item in report.dropped][-1] == "شاهد المزيد"
    words = script_words(path)
    assert set(annotated_pairs("cordoba-pairs.tsv")) <= set(itertools.pairwise(words))
    assert dumps(track, "srt") == (MAKE / "cordoba.srt").read_text("utf-8")


def test_bundled_sample_meets_every_rule() -> None:
    from importlib import resources

    data = resources.files("captionkit.data").joinpath("sample-narration-ar.txt").read_bytes()
    track, report = pair(make(data, profile=PROFILE))
    lines = data.decode().splitlines()
    assert 60 <= len(lines) <= 100
    assert [item.line for item in report.dropped] == [1, 2, len(lines)]
    assert report.timing_problems == ()
    assert all(len(cue.lines) <= 2 for cue in track.cues)
    assert all(visible_length(line) <= 42 for cue in track.cues for line in cue.lines)


def test_duration_fits_the_narration() -> None:
    path = shared_path("seed", "narration-ar.txt")
    track, report = pair(
        make_file(path, profile=PROFILE, timing=SpeechRate(start_ms=2000, duration_ms=155_000))
    )
    assert track.cues[0].start == 2000
    assert track.cues[-1].end <= 157_000
    assert report.timing_problems == ()


def test_too_short_a_duration_is_reported() -> None:
    path = shared_path("seed", "narration-ar.txt")
    track, report = pair(make_file(path, profile=PROFILE, timing=SpeechRate(duration_ms=60_000)))
    assert track.cues[-1].end <= 60_000
    assert {problem.rule for problem in report.timing_problems} >= {"cps"}
    assert report.notes
    assert report.max_cps > PROFILE.max_cps


def test_rtl_embed_wraps_each_line() -> None:
    track, _ = pair(make("في حربها ضد أوكرانيا", profile=PROFILE), "embed")
    assert track.cues[0].text == "\u202bفي حربها ضد أوكرانيا\u202c"


def test_profiles_change_the_shape() -> None:
    path = shared_path("seed", "narration-ar.txt")
    social, _ = pair(make_file(path, profile=load_profile("social")))
    assert all(len(cue.lines) == 1 for cue in social.cues)
    assert all(visible_length(cue.text) <= 26 for cue in social.cues)
    broadcast, _ = pair(make_file(path, profile=load_profile("broadcast")))
    assert all(visible_length(line) <= 37 for cue in broadcast.cues for line in cue.lines)


def test_report_json_is_stable() -> None:
    _, report = pair(make("عن إرسال كوريا الشمالية", profile=PROFILE))
    document = report.as_json()
    assert sorted(document) == [
        "bad_breaks",
        "bad_breaks_avoided",
        "bad_breaks_forced",
        "breaks_made",
        "cues",
        "dropped",
        "duration_ms",
        "lines_over_limit",
        "max_cps",
        "mean_cps",
        "notes",
        "profile",
        "script_line_breaks",
        "timing_problems",
        "words",
    ]
    assert document["cues"] == 1


# --- command line ---------------------------------------------------------------------------


def test_cli_make_writes_several_formats(tmp_path: Path) -> None:
    seed = shared_path("seed", "narration-ar.txt")
    srt, vtt = tmp_path / "out.srt", tmp_path / "out.vtt"
    result = runner.invoke(app, ["make", str(seed), "-o", str(srt), "-o", str(vtt)])
    assert result.exit_code == 0, result.output

    def timed(track: Track) -> list[tuple[int, int, str]]:
        return [(cue.start, cue.end, cue.text) for cue in track.cues]

    assert timed(read(srt)) == timed(read(vtt))
    assert len(read(srt)) > 20
    assert "dropped line 2 (hashtag): #سياسة_لس" in result.output
    assert "bad breaks forced" in result.output


def test_cli_make_to_stdout(tmp_path: Path) -> None:
    script = tmp_path / "n.txt"
    script.write_text("تقارير ظهرت مؤخرا\nعن إرسال كوريا الشمالية\n", "utf-8")
    result = runner.invoke(app, ["make", str(script), "-o", "-", "--start", "1.5"])
    assert result.exit_code == 0, result.output
    assert "1\n00:00:01,500 --> " in result.stdout
    assert "تقارير ظهرت مؤخرا عن إرسال كوريا الشمالية" in result.stdout


def test_cli_make_json_report(tmp_path: Path) -> None:
    seed = shared_path("seed", "narration-ar.txt")
    out = tmp_path / "x.srt"
    result = runner.invoke(
        app, ["make", str(seed), "-o", str(out), "--format", "json", "--duration", "2:35"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [item["reason"] for item in document["dropped"]] == ["title", "hashtag", "player label"]
    assert document["lines_over_limit"] == 0
    assert document["bad_breaks_forced"] == []
    assert document["captions"][-1]["end"] <= 155_000
    assert out.exists()


def test_cli_make_options_override_the_profile(tmp_path: Path) -> None:
    seed = shared_path("seed", "narration-ar.txt")
    result = runner.invoke(
        app, ["make", str(seed), "--max-chars", "30", "--max-lines", "1", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    captions = json.loads(result.stdout)["captions"]
    assert all("\n" not in item["text"] for item in captions)
    assert all(visible_length(item["text"]) <= 30 for item in captions)


def test_cli_make_keep_all(tmp_path: Path) -> None:
    seed = shared_path("seed", "narration-ar.txt")
    result = runner.invoke(app, ["make", str(seed), "--keep-all", "--format", "json"])
    document = json.loads(result.stdout)
    assert document["dropped"] == []
    assert document["captions"][-1]["text"].endswith("видео!")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["-o", "out.txt"], "cannot tell the caption format"),
        (["--rtl", "sideways"], "--rtl must be one of"),
        (["--profile", "nope"], "unknown profile"),
        (["--duration", "soon"], "not a time"),
        (["-o", "-", "--format", "json"], "both write to stdout"),
    ],
)
def test_cli_make_usage_errors(tmp_path: Path, arguments: list[str], message: str) -> None:
    script = tmp_path / "n.txt"
    script.write_text("نص قصير\n", "utf-8")
    result = runner.invoke(app, ["make", str(script), *arguments])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_make_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["make", str(tmp_path / "none.txt")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_cli_demo_writes_srt_and_vtt(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    srt, vtt = read(tmp_path / "demo.srt"), read(tmp_path / "demo.vtt")
    assert len(srt) == len(vtt) > 20
    # The default RTL mode, from rendered evidence, is one RLE ... PDF embedding per line.
    for track in (srt, vtt):
        for cue in track.cues:
            assert all(line.startswith("\u202b") and line.endswith("\u202c") for line in cue.lines)
    first = srt.cues[0].lines[0]
    assert first == "\u202bفي الخامس والعشرين من ديسمبر 2021\u202c"
    assert "dropped line 77 (player label): More videos" in result.output


def test_cli_make_rtl_defaults_and_none(tmp_path: Path) -> None:
    from captionkit.text.rtl import DEFAULT_RTL_MODES

    assert DEFAULT_RTL_MODES == {"srt": "embed", "vtt": "embed", "ass": "embed"}
    narration = tmp_path / "n.txt"
    narration.write_text("ذهبنا إلى السوق صباحاً.\nPython لغة برمجة سهلة.\n", "utf-8")
    plain = tmp_path / "plain.srt"
    marked = tmp_path / "marked.srt"
    assert (
        runner.invoke(app, ["make", str(narration), "--rtl", "none", "-o", str(plain)]).exit_code
        == 0
    )
    assert runner.invoke(app, ["make", str(narration), "-o", str(marked)]).exit_code == 0
    for logical, embedded in zip(read(plain).cues, read(marked).cues, strict=True):
        assert embedded.text == "\n".join(f"\u202b{line}\u202c" for line in logical.lines)
    bad = runner.invoke(
        app, ["make", str(narration), "--rtl", "sideways", "-o", str(tmp_path / "x.srt")]
    )
    assert bad.exit_code == 2
    assert not (tmp_path / "x.srt").exists()


def test_rtl_visual_renders_each_line_after_breaking() -> None:
    from captionkit.text.bidi import render_text

    path = shared_path("seed", "narration-ar.txt")
    logical, _ = pair(make_file(path, profile=PROFILE))
    visual, _ = pair(make_file(path, profile=PROFILE), "visual")
    assert len(visual) == len(logical)
    for plain, shaped in zip(logical.cues, visual.cues, strict=True):
        assert (plain.start, plain.end) == (shaped.start, shaped.end)
        assert len(shaped.lines) == len(plain.lines)  # two-line cues keep their line order
        assert shaped.text == render_text(plain.text, "visual")
    assert any("1948" in cue.text for cue in visual.cues)  # digits left to right


# --- properties of the whole pipeline ---------------------------------------------------------

line_words = st.lists(
    st.one_of(
        st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوية\u064e", min_size=1, max_size=10),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC", min_size=1, max_size=10),
        st.sampled_from(["في", "من", "التي", "عام", "1948", "the", "of", "و", "كوريا", "الشمالية"]),
        st.integers(min_value=0, max_value=99999).map(str),
    ),
    min_size=1,
    max_size=12,
)
scripts = st.lists(line_words, min_size=1, max_size=25)


@settings(max_examples=60, deadline=None)
@given(lines=scripts, limit=st.sampled_from([16, 26, 42]), start=st.integers(0, 10_000))
def test_pipeline_properties(lines: list[list[str]], limit: int, start: int) -> None:
    text = "\n".join(" ".join(line) for line in lines)
    profile = replace(PROFILE, max_chars_per_line=limit)
    options_timing = SpeechRate(start_ms=start)
    track, report = pair(make(text, profile=profile, timing=options_timing, keep_all=True))
    words = text.split()
    # no text lost or reordered
    assert " ".join(cue.text.replace("\n", " ") for cue in track.cues).split() == words
    # no line over the limit when every single word fits
    if all(visible_length(item) <= limit for item in words):
        assert all(visible_length(line) <= limit for cue in track.cues for line in cue.lines)
        assert report.lines_over_limit == 0
    # times monotonic with gaps, from the start on
    assert track.cues[0].start >= start
    for cue in track.cues:
        assert cue.start < cue.end
    for first, second in itertools.pairwise(track.cues):
        assert second.start - first.end >= profile.min_gap_ms
    assert timing_problems(track.cues, profile) == list(report.timing_problems)
    # deterministic
    again, _ = pair(make(text, profile=profile, timing=options_timing, keep_all=True))
    assert dumps(again, "srt") == dumps(track, "srt")


def test_cli_make_reads_stdin() -> None:
    script = "تقارير ظهرت مؤخرا\nعن إرسال كوريا الشمالية\n".encode()
    result = runner.invoke(app, ["make", "-", "-o", "-"], input=script)
    assert result.exit_code == 0, result.output
    assert "تقارير ظهرت مؤخرا عن إرسال كوريا الشمالية" in result.stdout


def test_cli_make_takes_pyproject_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.captionkit]\nprofile = "broadcast"\nmax_chars_per_line = 20\n', "utf-8"
    )
    script = tmp_path / "n.txt"
    script.write_text("تقارير ظهرت مؤخرا عن إرسال كوريا الشمالية\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["make", str(script), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["profile"] == "broadcast"
    lines = [line for item in document["captions"] for line in item["text"].split("\n")]
    assert all(visible_length(line) <= 20 for line in lines)
    result = runner.invoke(app, ["make", str(script), "--format", "json", "--max-chars", "42"])
    assert json.loads(result.stdout)["captions"][0]["text"] == (
        "تقارير ظهرت مؤخرا عن إرسال كوريا الشمالية"
    )


def test_script_without_narration_is_an_error(tmp_path: Path) -> None:
    script = tmp_path / "n.txt"
    script.write_text("#tag\n\nMore videos\n", "utf-8")
    result = runner.invoke(app, ["make", str(script)])
    assert result.exit_code == 2
    assert "no narration words" in result.output


def test_slow_fit_makes_shorter_cues_within_the_maximum_duration() -> None:
    path = shared_path("seed", "narration-ar.txt")
    natural, _ = pair(make_file(path, profile=PROFILE))
    slow, report = pair(make_file(path, profile=PROFILE, timing=SpeechRate(duration_ms=300_000)))
    assert len(slow) > len(natural)  # at half the pace a full cue would stay over 7 s
    assert report.timing_problems == ()
    assert all(cue.duration <= 7000 for cue in slow.cues)
    assert slow.cues[-1].end <= 300_000


def test_report_lists_judged_and_inside_breaks() -> None:
    # One script line of 89 characters (75 letters, 14 spaces): it cannot fit one cue (85),
    # so a break falls inside it, and the report says so with the reason.
    line = (
        "وقال وزير الخارجية إن المفاوضات مع الدول المجاورة ستستمر حتى التوصل إلى اتفاق نهائي وشامل"
    )
    assert visible_length(line) == 89
    report = make(line + "\nوانتهى الاجتماع\n", profile=PROFILE).report
    data = report.as_json()
    inside = data["script_line_breaks"]
    assert inside["inside"] >= 1 and 0 < inside["share"] <= 1
    assert all(item["line"] == 1 for item in inside["breaks"])
    assert "more than one cue holds" in inside["breaks"][0]["reason"]
    assert set(data["bad_breaks"]) == {"bad", "doubtful", "line_ends_believed", "breaks"}
    for key in ("bad_breaks_forced", "bad_breaks_avoided", "cues", "words"):  # still there
        assert key in data


def test_report_counts_a_forced_bad_break() -> None:
    # A 1-line profile of 10 characters must cut "الحرب الباردة" (a noun and its adjective).
    profile = replace(PROFILE, max_chars_per_line=8, max_lines=1)
    data = make("الحرب الباردة\n", profile=profile).report.as_json()
    assert data["bad_breaks"]["bad"] == 1
    assert data["bad_breaks"]["breaks"][0]["category"] == "noun-adjective"


def test_report_believes_an_utterance_line_end_over_a_pair_guess() -> None:
    # A dialogue written for this test (each line a turn, none goes on): the classifier
    # reads three word pairs across its line ends (آسف | تعالي, سلمى | أعرف, مستحيل | سامي),
    # each a sentence boundary. make ends a cue at each (it pays 1 - chance there, see
    # segment.ScriptCut) and its report, through the same ScriptCut, lists none of them
    # as bad: it counts them, 3, as line ends believed.
    from captionkit.text.linebreak import judge_break
    from tests.make.test_segment import DIALOGUE

    lines = [*DIALOGUE[:6], "تعالي يا سلمى", "أعرف أنك متعبة", "هذا مستحيل", "سامي في البيت"]
    lines += DIALOGUE[6:]
    across = [  # at the script's line ends make asks the rules alone (line_end_category)
        judge_break(left.split()[-1], right.split()[0], line_end=True)
        for left, right in itertools.pairwise(lines)
    ]
    assert [item.category for item in across if item is not None] == [
        "noun-adjective",
        "name",
        "noun-adjective",
    ]
    result = make("\n".join(lines) + "\n", profile=PROFILE)
    assert [cue.text for cue in result.track.cues] == lines  # one utterance a cue
    data = result.report.as_json()
    assert data["bad_breaks"]["bad"] == 0 and data["bad_breaks"]["breaks"] == []
    assert data["bad_breaks"]["line_ends_believed"] == 3
    assert data["bad_breaks_forced"] == []


def test_a_script_cut_into_phrases_believes_the_pair_guess_in_make_and_report() -> None:
    # The same pair (سلمى | أعرف, a name to the classifier) at a line end of a narration
    # cut into phrases (five of its six line ends are followed by a continuing word: في،
    # من، إلى، و، التي; chance about 0.0001): the pair stands over the line end. make keeps the
    # two words on one line even on a 16-character one-line profile, and the report
    # believes no line end either.
    lines = ["قالت لي سلمى", "أعرف الطريق", "في المساء", "من البيت", "إلى السوق"]
    lines += ["والناس هناك", "التي أعرفها"]
    profile = replace(PROFILE, max_chars_per_line=16, max_lines=1)
    result = make("\n".join(lines) + "\n", profile=profile)
    assert "سلمى أعرف الطريق" in [cue.text for cue in result.track.cues]
    assert result.report.as_json()["bad_breaks"]["line_ends_believed"] == 0
