"""``check`` on every file of ../shared/corpus: no crash, and the known findings are there."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from captionkit.cli import app
from tests.conftest import shared_path

runner = CliRunner()


def test_check_runs_on_every_corpus_file_without_a_crash() -> None:
    corpus = shared_path("corpus")
    files = sorted(str(path) for path in corpus.rglob("*") if path.is_file())
    assert len(files) > 300
    result = runner.invoke(app, ["check", *files, "--format", "json"])
    # Unreadable files (JSON, audio, broken fixtures) give exit status 2, never a traceback.
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2
    documents = json.loads(result.stdout)
    assert len(documents) == len(files)
    unreadable = [d for d in documents if "error" in d]
    subtitles = [d for d in documents if d["file"].lower().endswith((".srt", ".vtt", ".webvtt"))]
    # Every subtitle file reads except the 9 broken on purpose (no header, no timing line).
    assert sum(1 for d in subtitles if "error" in d) == 9
    assert all(d["error"] for d in unreadable)
    by_name = {Path(d["file"]).relative_to(corpus).as_posix(): d for d in documents}
    tor = by_name["rtl/tor-animation/ar.srt"]["summary"]["by_rule"]
    assert tor["rtl-visual-punctuation"] == 31  # 29 cues, two of them on both lines
    assert "rtl-visual-punctuation" not in by_name["rtl/tor-animation/he.srt"]["summary"]["by_rule"]
    assert (
        "rtl-unbalanced-controls"
        not in by_name["retime/persian-shift/input.srt"]["summary"]["by_rule"]
    )  # one RLE a line throughout: the streaming convention


def test_a_folder_is_searched_for_subtitles() -> None:
    folder = shared_path("corpus", "rtl")
    result = runner.invoke(app, ["check", str(folder), "--format", "json", "--select", "rtl-"])
    assert result.exit_code == 1
    names = [Path(d["file"]).name for d in json.loads(result.stdout)]
    assert names == ["Tor_animation.srt", "ar.srt", "fa.srt", "he.srt"]


def test_every_judged_finding_is_still_made() -> None:
    """The hand-judged sample (fixtures/check/judged-findings.tsv) stays the findings of
    today's rules: a rule change that drops a judged finding must be judged again."""
    import csv

    from captionkit.check import check_track
    from captionkit.formats import read
    from captionkit.profiles import load_profile
    from tests.conftest import FIXTURES

    corpus = shared_path("corpus")
    with (FIXTURES / "check" / "judged-findings.tsv").open(encoding="utf-8") as handle:
        rows = list(
            csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        )
    profile = load_profile("arabic")
    made = {
        (name, finding.cue, finding.rule)
        for name in {row["file"] for row in rows}
        for finding in check_track(read(corpus / name), profile)
    }
    assert len(rows) == 150
    assert [r for r in rows if (r["file"], int(r["cue"]), r["rule"]) not in made] == []
