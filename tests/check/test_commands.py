"""``captionkit check`` through the command line: formats, exit status, selection, config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from captionkit.check import RULE_IDS
from captionkit.cli import app
from tests.conftest import FIXTURES

MIXED = str(FIXTURES / "check" / "mixed.srt")
runner = CliRunner()

CLEAN = "1\n00:00:01,000 --> 00:00:03,000\nمرحبا بكم في البيت\n"
WARNED = "1\n00:00:01,000 --> 00:00:01,300\nمرحبا بكم في البيت\n"  # 300 ms: duration-short


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_json_report() -> None:
    result = runner.invoke(app, ["check", MIXED, "--format", "json"])
    assert result.exit_code == 1
    [document] = json.loads(result.stdout)  # always a list of files
    assert set(document) == {"file", "findings", "summary"}
    first = document["findings"][0]
    assert set(first) >= {"rule", "severity", "cue", "line", "start", "message", "fix"}
    visual = [f for f in document["findings"] if f["rule"] == "rtl-visual-punctuation"]
    assert visual == [
        {
            "rule": "rtl-visual-punctuation",
            "severity": "error",
            "cue": 1,
            "line": 1,
            "start": 0,
            "message": visual[0]["message"],
            "fix": "لقد إعتدنا على استخدام الإنترنت.",
            "fixable": True,
            "file_line": 3,
        }
    ]
    summary = document["summary"]
    assert summary["cues"] == 6 and summary["error"] == 2
    assert summary["by_rule"]["rtl-presentation-forms"] == 2  # one error, one ligature note


def test_text_report_shows_controls_and_fixes() -> None:
    result = runner.invoke(app, ["check", MIXED], terminal_width=200)
    assert result.exit_code == 1
    assert "cue 4" in result.stdout and "⟨RLE⟩هذا سطر سليم" in result.stdout
    assert "fix: لقد إعتدنا على استخدام الإنترنت." in result.stdout
    assert "rtl-visual-punctuation" in result.stdout


def test_github_annotations() -> None:
    result = runner.invoke(app, ["check", MIXED, "--format", "github"])
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("::error file=")
        and ",line=3,col=1,title=rtl-visual-punctuation::cue 1: " in line
        for line in lines
    )
    assert any(line.startswith("::notice ") for line in lines)


def test_sarif() -> None:
    result = runner.invoke(app, ["check", MIXED, "--format", "sarif"])
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == list(RULE_IDS)
    levels = {r["level"] for r in run["results"]}
    assert levels <= {"error", "warning", "note"} and "error" in levels
    region = next(r for r in run["results"] if r["ruleId"] == "rtl-visual-punctuation")
    assert region["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 1,
    }


def test_exit_status(tmp_path: Path) -> None:
    assert runner.invoke(app, ["check", write(tmp_path, "ok.srt", CLEAN)]).exit_code == 0
    assert runner.invoke(app, ["check", write(tmp_path, "w.srt", WARNED)]).exit_code == 0
    assert runner.invoke(app, ["check", MIXED]).exit_code == 1
    broken = write(tmp_path, "broken.srt", "this is not a subtitle file\n")
    result = runner.invoke(app, ["check", broken, MIXED])
    assert result.exit_code == 2
    assert runner.invoke(app, ["check", str(tmp_path / "missing.srt")]).exit_code == 2


def test_select_ignore_and_severity(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", MIXED, "--select", "rtl-", "--format", "json"])
    assert {f["rule"] for f in json.loads(result.stdout)[0]["findings"]} <= set(RULE_IDS[:9])
    result = runner.invoke(
        app, ["check", MIXED, "--ignore", "rtl-visual-punctuation,rtl-presentation-forms"]
    )
    assert result.exit_code == 0
    result = runner.invoke(
        app, ["check", write(tmp_path, "w.srt", WARNED), "--severity", "duration-short=error"]
    )
    assert result.exit_code == 1
    assert runner.invoke(app, ["check", MIXED, "--select", "nonsense"]).exit_code == 2


def test_pyproject_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.captionkit]\nprofile = "broadcast"\n\n'
        '[tool.captionkit.check]\nignore = ["rtl-"]\n'
        '[tool.captionkit.check.severity]\n"duration-short" = "error"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", MIXED, "--format", "json"])
    rules = {f["rule"] for f in json.loads(result.stdout)[0]["findings"]}
    assert not any(rule.startswith("rtl-") for rule in rules)
    assert runner.invoke(app, ["check", write(tmp_path, "w.srt", WARNED)]).exit_code == 1
    # broadcast: 37 characters a line.
    line = "ب" * 38
    result = runner.invoke(
        app,
        [
            "check",
            write(tmp_path, "l.srt", CLEAN.replace("مرحبا بكم في البيت", line)),
            "--format",
            "json",
        ],
    )
    assert "line-too-long" in {f["rule"] for f in json.loads(result.stdout)[0]["findings"]}


def test_folders_and_several_files(tmp_path: Path) -> None:
    write(tmp_path, "a.srt", CLEAN)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "b.vtt", "WEBVTT\n\n00:01.000 --> 00:03.000\nمرحبا بكم في البيت\n")
    write(tmp_path, "notes.txt", "not checked")
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0
    documents = json.loads(result.stdout)
    assert [Path(d["file"]).name for d in documents] == ["a.srt", "b.vtt"]


def test_explain_and_list() -> None:
    result = runner.invoke(app, ["check", "--explain", "rtl-unbalanced-controls"])
    assert (
        result.exit_code == 0
        and "X8" in result.stdout
        and "Applies to:" in result.stdout
        and "Fix: removes" in result.stdout
    )
    result = runner.invoke(app, ["check", "--explain", "line-too-long"])
    assert "max_chars_per_line" in result.stdout
    assert runner.invoke(app, ["check", "--explain", "no-such-rule"]).exit_code == 2
    listing = runner.invoke(app, ["check", "--list-rules"]).stdout.splitlines()
    assert [line.split()[0] for line in listing] == list(RULE_IDS)


def test_lenient_reads_past_broken_blocks(tmp_path: Path) -> None:
    broken = write(
        tmp_path,
        "b.srt",
        "1\n00:00:01,000 --> 00:00:03,000\nمرحبا بكم\n\n2\nno timing here\n\n"
        "3\n00:00:05,000 --> 00:00:07,000\nفي البيت\n",
    )
    assert runner.invoke(app, ["check", broken]).exit_code == 2
    result = runner.invoke(app, ["check", broken, "--lenient", "--format", "json"])
    assert result.exit_code == 0
    [document] = json.loads(result.stdout)
    assert document["summary"]["cues"] == 2
    assert [item["line"] for item in document["skipped"]] == [5]
    github = runner.invoke(app, ["check", broken, "--lenient", "--format", "github"]).stdout
    assert "::warning file=" in github and ",line=5,title=skipped::" in github


def test_make_output_passes_check(tmp_path: Path) -> None:
    """What make writes for the seed narration has no error or warning (notes at most)."""
    from tests.conftest import shared_path

    narration = str(shared_path("seed", "narration-ar.txt"))
    out = tmp_path / "seed.srt"
    assert runner.invoke(app, ["make", narration, "-o", str(out)]).exit_code == 0
    result = runner.invoke(app, ["check", str(out), "--format", "json"])
    assert result.exit_code == 0
    summary = json.loads(result.stdout)[0]["summary"]
    assert summary["error"] == 0 and summary["warning"] == 0
