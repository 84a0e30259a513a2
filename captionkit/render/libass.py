"""Draw cues through ffmpeg's ``subtitles`` filter: what mpv and ffmpeg burn-in show.

Cue texts go into a SubRip file exactly as a player would get it, one cue per
second; ffmpeg draws them over a black frame at one frame per second and hands
back raw RGB frames, so many cues cost one ffmpeg run.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from captionkit.render.ffmpeg import fonts_folder, require_libass, run_ffmpeg, without_surrogates
from captionkit.render.fonts import Font
from captionkit.render.size import Size
from captionkit.timecode import format_srt_time

if TYPE_CHECKING:
    from PIL.Image import Image

#: The height of the script's canvas that ffmpeg gives a converted SubRip file;
#: libass font sizes and margins of ``force_style`` are in these units.
SRT_PLAY_RES_Y = 288


@dataclass(frozen=True, slots=True)
class LibassStyle:
    """Font size and bottom margin as shares of the frame's height.

    An ASS font size is the font's whole line height; Noto Sans Arabic's is
    tall, so 0.09 draws letters about as big as Chromium's 0.06 em.
    """

    font_size: float = 0.09
    margin_bottom: float = 0.06
    outline: float = 1.5

    def force_style(self, family: str) -> str:
        size = round(self.font_size * SRT_PLAY_RES_Y, 2)
        margin = round(self.margin_bottom * SRT_PLAY_RES_Y)
        return (
            f"FontName={family},FontSize={size},MarginV={margin},"
            f"Outline={self.outline},Shadow=0,BorderStyle=1"
        )


def srt_document(texts: Sequence[str]) -> str:
    """A SubRip file with text ``k`` shown from second ``k`` to just before ``k + 1``."""
    blocks = []
    for index, text in enumerate(texts):
        start = format_srt_time(index * 1000)
        end = format_srt_time(index * 1000 + 999)
        blocks.append(f"{index + 1}\n{start} --> {end}\n{text}\n")
    return "\n".join(blocks)


def render_texts(
    texts: Sequence[str], size: Size, font: Font, style: LibassStyle | None = None
) -> list[Image]:
    """One RGB image of each cue text as libass draws it from a SubRip file."""
    chosen = style or LibassStyle()
    return _draw(srt_document(texts), ".srt", len(texts), size, font, chosen)


def _draw(
    document: str,
    suffix: str,
    count: int,
    size: Size,
    font: Font,
    style: LibassStyle | None,
    times: Sequence[int] | None = None,
) -> list[Image]:
    """Frames of ``document`` (SubRip or ASS) drawn by ffmpeg's libass: at seconds
    0 .. count-1, or at ``times`` (milliseconds, increasing; ``count`` of them)."""
    from PIL import Image as PILImage

    require_libass()
    if not count:
        return []
    rate, timing, passthrough = "1", "", []
    if times is not None:
        # one frame a millisecond, each moved to its time: libass draws what is shown then
        terms = "+".join(f"{time}*eq(N\\,{index})" for index, time in enumerate(times))
        rate, timing, passthrough = "1000", f"setpts='{terms}',", ["-fps_mode", "passthrough"]
    with (
        tempfile.TemporaryDirectory(prefix="captionkit-libass-") as folder,
        fonts_folder(font) as fonts,
    ):
        subtitles = Path(folder) / f"cues{suffix}"
        subtitles.write_text(without_surrogates(document), encoding="utf-8")
        graph = f"{timing}subtitles=filename={_quote(subtitles)}:fontsdir={_quote(fonts)}"
        if style is not None:
            graph += f":force_style='{style.force_style(font.family)}'"
        result = run_ffmpeg(
            [
                "-f", "lavfi",
                "-i", f"color=c=black:s={size.width}x{size.height}:r={rate}:d={count}",
                "-vf", graph, *passthrough,
                "-frames:v", str(count),
                "-f", "rawvideo", "-pix_fmt", "rgb24", "-",
            ],
            what="drawing cues with libass",
        )  # fmt: skip
    frame_bytes = size.width * size.height * 3
    data = result.stdout
    return [
        PILImage.frombytes(
            "RGB", (size.width, size.height), data[i * frame_bytes : (i + 1) * frame_bytes]
        )
        for i in range(count)
    ]


def _quote(path: Path) -> str:
    """A temporary path (no quotes or colons in it) for a filter option."""
    text = str(path)
    if any(char in text for char in ":'\\,[];"):
        raise ValueError(f"unexpected character in temporary path {text!r}")
    return text


def render_ass_document(document: str, count: int, size: Size, font: Font) -> list[Image]:
    """Frames at seconds 0 .. count-1 of an ASS file handed to libass as is (no ``force_style``).

    ``font`` is offered in the fonts folder; the script's own styles choose the fonts.
    """
    return _draw(document, ".ass", count, size, font, None)


def render_ass_at(document: str, times: Sequence[int], size: Size, font: Font) -> list[Image]:
    """The frames shown at ``times`` (milliseconds) of an ASS file handed to libass as is.

    Styles, positions, margins, fades and karaoke are the file's own: nothing is
    rebuilt from the cue text. One ffmpeg run draws every time.
    """
    wanted = sorted(set(times))
    if not wanted:
        return []
    images = _draw(document, ".ass", len(wanted), size, font, None, wanted)
    by_time = dict(zip(wanted, images, strict=True))
    return [by_time[time] for time in times]


def render_ass_texts(
    texts: Sequence[str], size: Size, font: Font, *, encoding: int = 1
) -> list[Image]:
    """One RGB image of each cue text as libass draws it from an ASS file captionkit made.

    The ASS file is the one ``make -o out.ass`` writes (its own style, ``encoding``
    in the style's ``Encoding`` field), handed to libass as is: no ``force_style``.
    """
    from captionkit.formats import dumps
    from captionkit.formats.ass import AssStyle
    from captionkit.model import Cue, Track

    cues = [Cue(index * 1000, index * 1000 + 990, text) for index, text in enumerate(texts)]
    style = AssStyle(
        font=font.family,
        size=max(8, size.height * 8 // 100),
        play_res=(size.width, size.height),
        encoding=encoding,
    )
    document = dumps(Track.from_cues(cues, format="ass"), "ass", options=style)
    return _draw(document, ".ass", len(texts), size, font, None)
