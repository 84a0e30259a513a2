"""``fix`` over many files: files, folders and globs; -o DIR, --in-place, --dry-run; --jobs.

The expected bytes are the hand-made repair of ``mixed.srt`` (``expected_mixed_fix``), a
clean file that must come out byte for byte, and a broken one whose bad line is known.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from captionkit.cli import app
from tests.check.test_fix import MIXED, expected_mixed_fix

runner = CliRunner()

CLEAN = "1\n00:00:01,000 --> 00:00:02,000\nمرحبا بكم\n".encode()
# the second cue's timing line, line 6, cannot be read
BROKEN = "1\n00:00:01,000 --> 00:00:02,000\nمرحبا\n\n2\n00:00:0x,000 --> nonsense\nسطر\n".encode()


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """in/a/mixed.srt, in/b.srt (both mixed.srt), in/broken.srt, in/clean.srt; extra.srt."""
    folder = tmp_path / "in"
    (folder / "a").mkdir(parents=True)
    shutil.copy(MIXED, folder / "a" / "mixed.srt")
    shutil.copy(MIXED, folder / "b.srt")
    (folder / "broken.srt").write_bytes(BROKEN)
    (folder / "clean.srt").write_bytes(CLEAN)
    shutil.copy(MIXED, tmp_path / "extra.srt")
    return tmp_path


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_folder_and_a_file_to_a_mirrored_folder_with_a_broken_file(catalogue: Path) -> None:
    folder = catalogue / "in"
    extra = catalogue / "extra.srt"
    out = catalogue / "out"
    result = runner.invoke(app, ["fix", str(folder), str(extra), "-o", str(out), "-j", "1"])
    assert result.exit_code == 2, result.output
    fixed = expected_mixed_fix()
    assert _files(out) == {
        "a/mixed.srt": fixed,
        "b.srt": fixed,
        "clean.srt": CLEAN,
        "extra.srt": fixed,
    }
    lines = result.stderr.splitlines()
    broken = f"{folder / 'broken.srt'}:6: cannot read the timing line"
    assert [line for line in lines if line.startswith(broken)]
    # each file's fixes listed under it, with its own name; the files in input order
    assert any(line.startswith(f"  {folder / 'b.srt'}:1: cue 1: rtl-visual") for line in lines)
    arrows = [line.split(" → ")[0] for line in lines if " → " in line and ": cue" not in line]
    assert arrows == [str(folder / name) for name in ("a/mixed.srt", "b.srt", "clean.srt")] + [
        str(extra)
    ]
    assert "5 files: 4 fixed, 1 failed" in result.stderr
    assert _files(folder)["b.srt"] == MIXED.read_bytes()  # the inputs are untouched


def test_two_jobs_give_the_bytes_of_one(catalogue: Path) -> None:
    runs = []
    for jobs in ("1", "2"):
        out = catalogue / f"out{jobs}"
        result = runner.invoke(app, ["fix", str(catalogue / "in"), "-o", str(out), "-j", jobs])
        assert result.exit_code == 2, result.output
        report = [line for line in result.stderr.splitlines() if not line.startswith("4 files")]
        runs.append((_files(out), report))
    assert runs[0][0] == runs[1][0]
    assert runs[0][1] == [line.replace("out2", "out1") for line in runs[1][1]]


def test_in_place_over_many_files_each_keeps_its_backup(catalogue: Path) -> None:
    folder = catalogue / "in"
    result = runner.invoke(app, ["fix", str(folder / "*.srt"), "--in-place", "-j", "2"])
    assert result.exit_code == 2, result.output
    assert _files(folder) == {
        "a/mixed.srt": MIXED.read_bytes(),  # not matched by the glob
        "b.srt": expected_mixed_fix(),
        "b.srt.bak": MIXED.read_bytes(),
        "broken.srt": BROKEN,  # failed: left alone, no backup
        "clean.srt": CLEAN,  # nothing to fix: not rewritten, no backup
    }
    assert f"{folder / 'clean.srt'}: unchanged" in result.stderr
    assert "3 files: 2 fixed, 1 failed" in result.stderr


def test_dry_run_over_many_prints_the_diffs_in_order_and_writes_nothing(catalogue: Path) -> None:
    folder = catalogue / "in"
    before = _files(catalogue)
    result = runner.invoke(app, ["fix", str(folder), "--dry-run", "-j", "2"])
    assert result.exit_code == 2
    headers = [line for line in result.stdout.splitlines() if line.startswith("--- ")]
    assert headers == [f"--- {folder / 'a' / 'mixed.srt'}", f"--- {folder / 'b.srt'}"]
    assert result.stdout.count("@@ -1,1 +1,1 @@ cue 1") == 2
    assert _files(catalogue) == before


def test_many_inputs_need_a_folder_in_place_or_dry_run(catalogue: Path) -> None:
    folder = catalogue / "in"
    result = runner.invoke(app, ["fix", str(folder)])
    assert result.exit_code == 2
    assert "-o DIR, --in-place or --dry-run" in result.stderr
    stdin = runner.invoke(app, ["fix", "-", str(folder / "b.srt"), "--in-place"])
    assert stdin.exit_code == 2 and "standard input" in stdin.stderr


def test_notes_keep_the_subtitle_text_as_it_is(tmp_path: Path) -> None:
    # ":cat:" is an emoji code to Rich; a note quotes the cue's text, which must stay as is
    text = "1\n00:00:01,000 --> 00:00:02,000\nقال :cat: هل أنت بخير?\n"
    for name in ("a.srt", "b.srt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["fix", str(tmp_path / "a.srt"), str(tmp_path / "b.srt"),
                                 "-o", str(tmp_path / "out"), "-j", "1"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stderr.count(":cat: هل أنت بخير? → قال :cat: هل أنت بخير؟") == 2
    assert (tmp_path / "out" / "b.srt").read_text("utf-8") == text.replace("?", "؟")
