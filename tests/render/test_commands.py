"""``captionkit preview`` and ``captionkit burn`` through Typer's runner.

Skipped only when a renderer is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from captionkit.cli import app
from captionkit.render.errors import RendererMissing

pytest.importorskip("PIL", reason="Pillow is not installed (the render extra)")
from PIL import Image

from captionkit.render.pixels import ink_bounds, ink_mask

SRT = """1
00:00:01,000 --> 00:00:03,000
\u202bذهبنا إلى السوق صباحاً.\u202c

2
00:00:04,000 --> 00:00:06,000
\u202bهل شاهدت الفيلم (الجزء 2)؟\u202c
"""


@pytest.fixture
def subtitles(tmp_path: Path) -> Path:
    path = tmp_path / "cues.srt"
    path.write_text(SRT, encoding="utf-8")
    return path


def need_libass() -> None:
    from captionkit.render.ffmpeg import require_libass
    from captionkit.render.fonts import resolve_font

    try:
        require_libass()
        resolve_font()
    except RendererMissing as missing:
        pytest.skip(f"renderer missing: {missing}")


def run(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(arguments))
    return result.exit_code, result.output


def test_preview_at_a_time_draws_the_cue(subtitles: Path, tmp_path: Path) -> None:
    need_libass()
    target = tmp_path / "frame.png"
    code, output = run("preview", str(subtitles), "--at", "00:00:02", "-o", str(target),
                       "--size", "640x360")  # fmt: skip
    assert code == 0, output
    image = Image.open(target)
    assert image.size == (640, 360)
    box = ink_bounds(ink_mask(image))
    assert box is not None and box[1] > 180  # caption in the lower half


def test_preview_in_a_gap_is_empty(subtitles: Path, tmp_path: Path) -> None:
    need_libass()
    target = tmp_path / "frame.png"
    code, output = run("preview", str(subtitles), "--at", "3.5s", "-o", str(target),
                       "--size", "320x180")  # fmt: skip
    assert code == 0, output
    assert ink_bounds(ink_mask(Image.open(target))) is None


def test_preview_raqm_player_and_sheet(subtitles: Path, tmp_path: Path) -> None:
    need_libass()
    plain = tmp_path / "plain.png"
    faulty = tmp_path / "faulty.png"
    sheet = tmp_path / "sheet.png"
    for target, extra in ((plain, []), (faulty, ["--player", "no-shaping"])):
        code, output = run("preview", str(subtitles), "--cue", "1", "--engine", "raqm",
                           "--size", "640x360", "-o", str(target), *extra)  # fmt: skip
        assert code == 0, output
    # Letters that do not join are drawn wider: the simulated player shows the bug.
    plain_box = ink_bounds(ink_mask(Image.open(plain)))
    faulty_box = ink_bounds(ink_mask(Image.open(faulty)))
    assert plain_box is not None and faulty_box is not None
    assert faulty_box[2] - faulty_box[0] > plain_box[2] - plain_box[0]
    code, output = run("preview", str(subtitles), "--sheet", "--size", "600x300",
                       "-o", str(sheet))  # fmt: skip
    assert code == 0, output
    assert Image.open(sheet).size == (600, (100 + 24) * 1)


def test_preview_errors(subtitles: Path, tmp_path: Path) -> None:
    target = str(tmp_path / "x.png")
    code, output = run("preview", str(subtitles), "-o", target)
    assert code == 2 and "--at" in output
    code, output = run("preview", str(subtitles), "--cue", "9", "-o", target)
    assert code == 2 and "--cue must be a cue number from 1 to 2, not 9" in output
    code, output = run("preview", str(subtitles), "--cue", "1", "--size", "big", "-o", target)
    assert code == 2 and "WIDTHxHEIGHT" in output
    code, output = run(
        "preview", str(subtitles), "--cue", "1", "--font", "/no/font.ttf", "-o", target
    )
    assert code == 2 and "no such font" in output


def test_burn_writes_a_video_with_the_captions(subtitles: Path, tmp_path: Path) -> None:
    need_libass()
    from captionkit.render import burn
    from captionkit.render.size import Size

    video = tmp_path / "in.mp4"
    burn.make_test_video(video, Size(360, 640), seconds=7, fps=5)
    out = tmp_path / "out.mp4"
    code, output = run("burn", str(video), str(subtitles), "-o", str(out), "--profile", "social",
                       "--preset", "ultrafast", "--quiet")  # fmt: skip
    assert code == 0, output
    assert "audio copied" in output
    assert burn.audio_digest(video) == burn.audio_digest(out)
    frame = Image.frombytes("RGB", (360, 640), burn.frame_at(out, 2000, Size(360, 640)))
    assert ink_bounds(ink_mask(frame)) is not None


def test_burn_refuses_bad_style(subtitles: Path, tmp_path: Path) -> None:
    code, output = run("burn", str(tmp_path / "in.mp4"), str(subtitles), "-o",
                       str(tmp_path / "o.mp4"), "--style", "colour=red")  # fmt: skip
    assert code == 2 and "--style" in output


def test_preview_with_the_browser_engine(tmp_path: Path) -> None:
    from captionkit.render.browser import require_browser

    try:
        require_browser()
    except RendererMissing as missing:
        pytest.skip(f"renderer missing: {missing}")
    vtt = tmp_path / "cues.vtt"
    vtt.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nذهبنا إلى السوق.\n", encoding="utf-8")
    target = tmp_path / "frame.png"
    code, output = run("preview", str(vtt), "--cue", "1", "--engine", "browser",
                       "--size", "640x360", "-o", str(target))  # fmt: skip
    assert code == 0, output
    box = ink_bounds(ink_mask(Image.open(target)))
    assert box is not None and box[1] > 180


def test_sheet_of_flagged_cues(tmp_path: Path) -> None:
    need_libass()
    srt = tmp_path / "mixed.srt"
    # Cue 1 is fine for SubRip (embedded); cue 2's full stop will show at the right end.
    srt.write_text(
        "1\n00:00:01,000 --> 00:00:02,000\n\u202bنعم.\u202c\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nلقد وصلنا.\n",
        encoding="utf-8",
    )
    sheet = tmp_path / "sheet.png"
    code, output = run("preview", str(srt), "--sheet", "--flagged", "--size", "600x300",
                       "-o", str(sheet))  # fmt: skip
    assert code == 0, output
    assert Image.open(sheet).size == (600, 124)  # one row: the flagged cue(s) only
    code, output = run("preview", str(srt), "--cue", "1", "--flagged", "-o", str(sheet))
    assert code == 2 and "--sheet" in output
