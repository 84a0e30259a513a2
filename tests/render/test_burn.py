"""Burn-in: the demo captions burnt into a 20-second 1080x1920 video with a tone.

Frames at cue midpoints have caption ink inside the safe area, frames in gaps
have none, and the audio stream comes out bit for bit. Skipped only when ffmpeg
with libass (or the font) is missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from captionkit.cli import app
from captionkit.errors import UsageError
from captionkit.formats import read
from captionkit.model import Track
from captionkit.render.errors import RendererMissing

np = pytest.importorskip("numpy", reason="numpy is not installed (the render extra)")

from captionkit.render import burn  # noqa: E402
from captionkit.render.ffmpeg import require_libass  # noqa: E402
from captionkit.render.fonts import resolve_font  # noqa: E402
from captionkit.render.size import Size  # noqa: E402

SIZE = Size(1080, 1920)
INK = 200  # captions are white; the background is a dark blue (luminance about 35)


@pytest.fixture(scope="module")
def demo_track(tmp_path_factory: pytest.TempPathFactory) -> Track:
    """``captionkit demo``'s captions, cut to the video's 20 seconds."""
    folder = tmp_path_factory.mktemp("demo")
    result = CliRunner().invoke(app, ["demo", "--dir", str(folder)])
    assert result.exit_code == 0, result.output
    track = read(folder / "demo.srt")
    return Track.from_cues([cue for cue in track.cues if cue.start < 20_000], format="srt")


def on_frame(time_ms: int) -> int:
    """The first frame time (10 fps) at or after ``time_ms``."""
    return -(-time_ms // 100) * 100


@pytest.fixture(scope="module")
def burnt(
    tmp_path_factory: pytest.TempPathFactory, demo_track: Track
) -> tuple[Path, Path, list[float]]:
    try:
        require_libass()
        font = resolve_font()
    except RendererMissing as missing:
        pytest.skip(f"renderer missing: {missing}")
    folder = tmp_path_factory.mktemp("burn")
    source = folder / "vertical.mp4"
    burn.make_test_video(source, SIZE, seconds=20, fps=10)
    output = folder / "burnt.mp4"
    seen: list[float] = []
    burn.burn(source, demo_track, output, font=font, preset="ultrafast", progress=seen.append)
    return source, output, seen


def bright(video: Path, time_ms: int) -> Any:  # a boolean numpy array
    frame = np.frombuffer(burn.frame_at(video, time_ms, SIZE), dtype=np.uint8)
    return frame.reshape(SIZE.height, SIZE.width, 3).min(axis=2) > INK


def test_cue_midpoints_have_ink_in_the_safe_area(
    burnt: tuple[Path, Path, list[float]], demo_track: Track
) -> None:
    _, output, _ = burnt
    left, top, right, bottom = burn.SafeArea.for_size(SIZE).box(SIZE)
    for cue in demo_track.cues[:3]:
        mask = bright(output, on_frame((cue.start + cue.end) // 2))
        rows = np.flatnonzero(mask.any(axis=1))
        columns = np.flatnonzero(mask.any(axis=0))
        assert mask.sum() > 2000, cue.text
        assert left <= columns[0] and columns[-1] < right
        assert top <= rows[0] and rows[-1] < bottom
        # In the lower half, where captions belong.
        assert rows[0] > SIZE.height // 2


def test_gaps_have_no_ink(burnt: tuple[Path, Path, list[float]], demo_track: Track) -> None:
    _, output, _ = burnt
    cues = demo_track.cues
    gaps = [on_frame(cue.end + 1) for cue in cues[:-1]]
    assert len(gaps) >= 3
    for time_ms in gaps:
        assert not any(cue.start <= time_ms < cue.end for cue in cues), time_ms
        assert bright(output, time_ms).sum() == 0, time_ms


def test_audio_is_bit_identical(burnt: tuple[Path, Path, list[float]]) -> None:
    source, output, _ = burnt
    assert burn.audio_digest(source) == burn.audio_digest(output)
    assert burn.probe(output).has_audio


def test_progress_and_size(burnt: tuple[Path, Path, list[float]]) -> None:
    _, output, seen = burnt
    assert seen and seen[-1] == 1.0
    assert seen == sorted(seen)
    info = burn.probe(output)
    assert info.size == SIZE
    assert abs(info.duration_ms - 20_000) < 200


def test_no_file_left_after_a_failure(tmp_path: Path, demo_track: Track) -> None:
    with pytest.raises(UsageError):
        burn.burn(tmp_path / "in.mp4", demo_track, tmp_path / "out.avi")
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(b"not a video")
    with pytest.raises(Exception, match="no video stream"):
        burn.burn(broken, demo_track, tmp_path / "out.mp4")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.mp4"]


def test_treatment_ignores_the_marks_a_file_carries() -> None:
    plain = "في قلب الصحراء."  # a line of the old bundled sample
    for marked in (plain, "\u200f" + plain + "\u200f", "\u202b" + plain + "\u202c"):
        assert burn.treat_text(marked) == "\u202b" + plain + "\u202c"
    assert burn.treat_text("Hello.") == "Hello."


def test_ass_text_escapes() -> None:
    assert burn.ass_text("a{b}\nc") == "a\\{b\\}\\Nc"
    assert burn.ass_text("<i>x</i> <font color=red>y</font>") == "{\\i1}x{\\i0} y"


def test_logical_line_keeps_pre_shaped_logical_text_in_order() -> None:
    import arabic_reshaper

    from captionkit.render.burn import logical_line
    from captionkit.text.bidi import render_line

    line = "ذهبنا إلى السوق صباحاً."
    assert logical_line(render_line(line, "visual")) == line  # visual order: put back
    shaped = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False}).reshape(line)
    assert shaped != line
    assert logical_line(shaped) == line  # shaped but logical: only unshaped, never reversed
