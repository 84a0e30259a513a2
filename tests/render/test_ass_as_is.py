"""``preview`` and ``burn`` hand an ASS file to libass as it is: its styles are honoured.

The file has a style whose PrimaryColour is red (``&H000000FF``: ASS colours are
blue, green, red) at the bottom, and a white line moved to the top with ``{\\an8}``.
Red pixels, and where the ink lies, say that libass drew the file's own styles
rather than captions rebuilt from the cue text (which would be white, at the
bottom). Skipped only when ffmpeg with libass is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from captionkit.cli import app
from captionkit.errors import CaptionkitError
from captionkit.render.fonts import Font

np = pytest.importorskip("numpy", reason="numpy is not installed (the render extra)")
Image = pytest.importorskip("PIL.Image", reason="Pillow is not installed (the render extra)")

from captionkit.render import burn  # noqa: E402
from captionkit.render.ffmpeg import require_libass  # noqa: E402
from captionkit.render.size import Size  # noqa: E402

SIZE = Size(320, 180)


def ass_text(font: Font) -> str:
    style = (
        "Style: {name},{font},48,{colour},&H000000FF,&H00000000,&H00000000,0,0,0,0,"
        "100,100,0,0,1,0,0,2,10,10,10,1\n"
    )
    return (
        "[Script Info]\nScriptType: v4.00+\nPlayResX: 320\nPlayResY: 180\n\n[V4+ Styles]\n"
        "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
        "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
        "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
        + style.format(name="Default", font=font.family, colour="&H00FFFFFF")
        + style.format(name="Red", font=font.family, colour="&H000000FF")
        + "\n[Events]\n"
        "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
        "Dialogue: 0,0:00:00.00,0:00:01.00,Red,,0,0,0,,مرحبا بكم\n"
        "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,{\\an8}أهلا وسهلا\n"
    )


def masks(pixels: object) -> tuple[object, object]:
    """(red ink, white ink) of an RGB image."""
    rgb = np.asarray(pixels, dtype=np.int32)[:, :, :3]
    red = (rgb[:, :, 0] > 120) & (rgb[:, :, 1] < 70) & (rgb[:, :, 2] < 70)
    white = rgb.min(axis=2) > 180
    return red, white


def rows(mask: object) -> tuple[int, int]:
    found = np.flatnonzero(np.asarray(mask).any(axis=1))
    assert found.size, "no ink"
    return int(found[0]), int(found[-1])


@pytest.fixture(scope="module")
def subtitles(tmp_path_factory: pytest.TempPathFactory, font: Font) -> Path:
    try:
        require_libass()
    except CaptionkitError as missing:
        pytest.skip(f"renderer missing: {missing}")
    path = tmp_path_factory.mktemp("ass") / "styled.ass"
    path.write_text(ass_text(font), encoding="utf-8")
    return path


def preview(subtitles: Path, tmp_path: Path, *options: str) -> object:
    target = tmp_path / "frame.png"
    result = CliRunner().invoke(
        app, ["preview", str(subtitles), *options, "--size", "320x180", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    return Image.open(target).convert("RGB")


def test_preview_draws_the_files_red_style(subtitles: Path, tmp_path: Path) -> None:
    red, white = masks(preview(subtitles, tmp_path, "--at", "00:00:00.500"))
    assert np.count_nonzero(red) > 50 and np.count_nonzero(white) == 0
    assert rows(red)[0] > SIZE.height // 2  # the style's bottom alignment


def test_preview_honours_an8(subtitles: Path, tmp_path: Path) -> None:
    red, white = masks(preview(subtitles, tmp_path, "--cue", "2"))
    assert np.count_nonzero(red) == 0
    assert rows(white)[1] < SIZE.height // 2  # {\an8}: the top of the frame


def test_burn_draws_the_files_styles(subtitles: Path, tmp_path: Path) -> None:
    video = tmp_path / "dark.mp4"
    burn.make_test_video(video, SIZE, seconds=2, fps=10)
    output = tmp_path / "burnt.mp4"
    result = CliRunner().invoke(
        app,
        ["burn", str(video), str(subtitles), "-o", str(output), "--quiet", "--preset", "ultrafast"],
    )
    assert result.exit_code == 0, result.output
    shape = (SIZE.height, SIZE.width, 3)
    first = np.frombuffer(burn.frame_at(output, 500, SIZE), dtype=np.uint8).reshape(shape)
    second = np.frombuffer(burn.frame_at(output, 1500, SIZE), dtype=np.uint8).reshape(shape)
    red, _ = masks(first)
    assert np.count_nonzero(red) > 50 and rows(red)[0] > SIZE.height // 2
    _, white = masks(second)
    assert np.count_nonzero(white) > 50 and rows(white)[1] < SIZE.height // 2


def test_burn_refuses_to_restyle_an_ass_file(subtitles: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            *("burn", str(tmp_path / "v.mp4"), str(subtitles), "-o", str(tmp_path / "o.mp4")),
            *("--style", "font_size=0.1"),
        ],
    )
    assert result.exit_code == 2
    assert "own styles" in result.output


def test_other_engines_draw_the_text_without_override_blocks(
    subtitles: Path, tmp_path: Path
) -> None:
    pytest.importorskip("PIL.features")
    plain = preview(subtitles, tmp_path, "--cue", "2", "--engine", "raqm")
    tagged = tmp_path / "tagged.ass"
    tagged.write_text(
        subtitles.read_text(encoding="utf-8").replace("{\\an8}", ""), encoding="utf-8"
    )
    assert np.array_equal(
        np.asarray(plain), np.asarray(preview(tagged, tmp_path, "--cue", "2", "--engine", "raqm"))
    )
