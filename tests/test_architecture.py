"""The house rules that a tool checks: the import layering, the core install, the extras.

* ``lint-imports`` keeps the contracts of ``[tool.importlinter]`` (pyproject.toml):
  the layers of DESIGN.md, which job may import which, only ``cli`` imports
  typer and rich, no cycles between sibling modules;
* the command line starts without numpy, Pillow, ffmpeg or the font (the core
  install has none of them), and a command whose extra is missing names the pip
  command that installs it, with exit status 2.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from captionkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
RENDER_PACKAGES = ("numpy", "PIL", "imageio_ffmpeg", "fontpkg", "playwright")


def test_the_import_contracts_are_kept() -> None:
    command = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    done = subprocess.run(
        [command, "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout
    # every contract ran: the layers, four job rules, typer/rich, cycles
    assert done.stdout.count(" KEPT") == 7


def test_the_command_line_starts_without_the_render_stack() -> None:
    code = (
        "import sys, captionkit.cli; "
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {RENDER_PACKAGES!r}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    code = exited.value.code
    return (code if isinstance(code, int) else 1), capsys.readouterr().err


@pytest.mark.parametrize("missing", ["fontpkg", "PIL"])
def test_preview_without_the_render_extra_says_what_to_install(
    missing: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    subtitles = tmp_path / "in.srt"
    subtitles.write_text("1\n00:00:00,000 --> 00:00:02,000\nمرحبا\n", "utf-8")
    monkeypatch.setitem(sys.modules, missing, None)  # `import missing` raises ImportError
    code, err = _run(
        ["preview", str(subtitles), "--cue", "1", "-o", str(tmp_path / "f.png")], capsys
    )
    assert code == 2
    assert "pip install 'captionkit[render]'" in err
    assert not (tmp_path / "f.png").exists()


def test_ffmpeg_without_the_render_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from captionkit.errors import MissingExtra
    from captionkit.render.ffmpeg import ffmpeg_exe

    monkeypatch.delenv("CAPTIONKIT_FFMPEG", raising=False)
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)
    ffmpeg_exe.cache_clear()
    try:
        with pytest.raises(MissingExtra, match=r"pip install 'captionkit\[render\]'"):
            ffmpeg_exe()
    finally:
        ffmpeg_exe.cache_clear()


def test_retime_reference_without_numpy_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cues = "".join(f"{n}\n00:00:{n:02},000 --> 00:00:{n:02},500\nسطر {n}\n\n" for n in range(1, 6))
    (tmp_path / "in.srt").write_text(cues, "utf-8")
    (tmp_path / "ref.srt").write_text(cues, "utf-8")
    monkeypatch.setitem(sys.modules, "numpy", None)
    monkeypatch.delitem(sys.modules, "captionkit.retime.refsync", raising=False)
    argv = ["retime", str(tmp_path / "in.srt"), "--reference", str(tmp_path / "ref.srt")]
    code, err = _run([*argv, "-o", str(tmp_path / "out.srt")], capsys)
    assert code == 2
    assert "pip install 'captionkit[reference]'" in err
    assert not (tmp_path / "out.srt").exists()


def test_make_help_names_the_default_rate() -> None:
    # cli/make.py writes the number out so that --help does not import the pipeline
    from captionkit.cli.make import DEFAULT_RATE as CLI_RATE
    from captionkit.make.timing import DEFAULT_RATE

    text = (ROOT / "captionkit" / "cli" / "make.py").read_text("utf-8")
    assert f"(default {DEFAULT_RATE:g})." in text
    assert CLI_RATE == DEFAULT_RATE
