"""Burn captions into a video: hard subtitles through the packaged ffmpeg and libass.

An ASS file is handed to libass as it is (its own styles, positions, margins
and direction marks; after whatever the caller did to the track). Other
captions are written as an ASS script whose canvas is the video's own size,
so sizes and margins are pixels. Each line gets the RTL treatment that the
rendered evidence chose for libass (:data:`~captionkit.text.rtl.DEFAULT_RTL_MODES`),
whatever marks the file carried: its own bidi controls are dropped and text in
visual order is put back into logical order first. Text stays inside a safe
area: for vertical 9:16 video, above the platforms' buttons and captions.

The audio streams are copied untouched (``-c:a copy``); the video is encoded
with libx264. ffmpeg reports progress on a pipe; the output appears only when it
is complete (a temporary file in the same folder, then a rename).
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from captionkit.errors import CaptionkitError, OutputError, UsageError
from captionkit.formats import dumps, read
from captionkit.io import is_same_file, staged_output
from captionkit.model import Track
from captionkit.render.errors import RenderError
from captionkit.render.ffmpeg import (
    INTERRUPTED_CODES,
    child_process,
    ffmpeg_exe,
    fonts_folder,
    require_libass,
    run_ffmpeg,
    without_surrogates,
)
from captionkit.render.fonts import Font, resolve_font
from captionkit.render.size import Size
from captionkit.text.arabic import is_presentation_form, looks_reversed, unshape, unvisual
from captionkit.text.bidi import render_text
from captionkit.text.rtl import BIDI_CONTROLS, DEFAULT_RTL_MODES, RtlMode

DEFAULT_PRESET = "veryfast"
#: The script's ``Encoding``: -1 makes libass lay each event out whole by the Unicode
#: bidi algorithm. Any other value lays out each run between override tags on its own,
#: runs left to right, so a line with a mid-line ``<i>`` (``{\i1}``) would read in
#: reverse order (``docs/rtl.md``, ASS); burn-in is only ever drawn by libass.
BURN_ENCODING = -1
DEFAULT_CRF = 20
Progress = Callable[[float], None]


@dataclass(frozen=True, slots=True)
class SafeArea:
    """Margins kept free of captions, as shares of the frame's width and height."""

    left: float
    right: float
    bottom: float

    @classmethod
    def for_size(cls, size: Size) -> SafeArea:
        """Vertical video keeps clear of the buttons on the right and the caption at the bottom.

        The numbers follow the common 9:16 guidance of the short-video platforms
        (about 1/5 of the height at the bottom and 1/8 of the width at the sides
        covered by their interface); landscape video uses the 10 % title-safe margin.
        """
        if size.height > size.width:
            return cls(left=0.08, right=0.14, bottom=0.22)
        return cls(left=0.10, right=0.10, bottom=0.08)

    def box(self, size: Size) -> tuple[int, int, int, int]:
        """``(left, top, right, bottom)`` in pixels of the area captions may use."""
        return (
            round(self.left * size.width),
            0,
            size.width - round(self.right * size.width),
            size.height - round(self.bottom * size.height),
        )


@dataclass(frozen=True, slots=True)
class BurnStyle:
    """How burnt-in captions look; ``font_size`` is a share of the frame's shorter side."""

    font_size: float = 0.085
    outline: float = 0.004
    bold: bool = False


def burn_style(profile: str | None, settings: list[str]) -> BurnStyle:
    """A style from a profile name and ``KEY=VALUE`` settings (``--profile``, ``--style``).

    >>> burn_style("social", ["font_size=0.1"])
    BurnStyle(font_size=0.1, outline=0.004, bold=True)
    """
    style = BurnStyle(bold=True) if profile == "social" else BurnStyle()
    if profile not in (None, "social"):
        from captionkit.profiles import load_profile

        load_profile(profile)  # an unknown name is an error
        style = BurnStyle(font_size=0.065)
    values: dict[str, float | bool] = {}
    for setting in settings:
        key, sep, value = setting.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or key not in ("font_size", "outline", "bold"):
            raise UsageError(f"--style takes font_size=, outline= or bold=, not {setting!r}")
        if key == "bold":
            values[key] = value.strip().lower() in ("1", "true", "yes")
            continue
        try:
            number = float(value)
        except ValueError:
            raise UsageError(f"--style {key} needs a number, not {value!r}") from None
        if not 0 < number < 1:
            raise UsageError(f"--style {key} is a share of the frame, between 0 and 1")
        values[key] = number
    return replace(style, **values)  # type: ignore[arg-type]


def logical_line(line: str) -> str:
    """A line with its own bidi controls dropped, in logical order when it was visual."""
    bare = "".join(char for char in line if char not in BIDI_CONTROLS)
    if looks_reversed(bare):
        return unvisual(bare)
    if any(is_presentation_form(char) for char in bare):
        return unshape(bare)  # pre-shaped but already in logical order
    return bare


def treat_text(text: str, mode: RtlMode = DEFAULT_RTL_MODES["srt"]) -> str:
    """A cue's text as the burn-in draws it: logical lines, then the libass RTL treatment.

    >>> treat_text("\\u200fنعم.\\u200f") == "\\u202bنعم.\\u202c"
    True
    """
    logical = "\n".join(logical_line(line) for line in text.split("\n"))
    return render_text(logical, mode)


_TAGS = {"<i>": r"{\i1}", "</i>": r"{\i0}", "<b>": r"{\b1}", "</b>": r"{\b0}"}


def ass_text(text: str) -> str:
    """Cue text as an ASS event's text: SubRip/WebVTT tags mapped or dropped, braces escaped."""
    text = text.replace("\\", "\u29f5").replace("{", "\\{").replace("}", "\\}")
    text = re.sub(r"</?[a-zA-Z][^>]*>", lambda m: _TAGS.get(m.group(0).lower(), ""), text)
    return text.replace("\r", "").replace("\n", r"\N")


def _ass_time(ms: int) -> str:
    centis = max(0, ms) // 10
    seconds, centis = divmod(centis, 100)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{seconds:02}.{centis:02}"


def ass_document(track: Track, size: Size, font: Font, style: BurnStyle | None = None) -> str:
    """An ASS script of the track's cues on a canvas the size of the video."""
    chosen = style or BurnStyle()
    area = SafeArea.for_size(size)
    left, _, right, bottom = area.box(size)
    font_px = round(chosen.font_size * min(size.width, size.height))
    outline = max(1.0, round(chosen.outline * min(size.width, size.height), 1))
    events = []
    for cue in track.cues:
        text = ass_text(treat_text(cue.text))
        events.append(
            f"Dialogue: 0,{_ass_time(cue.start)},{_ass_time(cue.end)},Caption,,0,0,0,,{text}"
        )
    return "\n".join(
        [
            "[Script Info]",
            "ScriptType: v4.00+",
            f"PlayResX: {size.width}",
            f"PlayResY: {size.height}",
            "WrapStyle: 0",
            "ScaledBorderAndShadow: yes",
            "",
            "[V4+ Styles]",
            "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, "
            "BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, "
            "BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding",
            f"Style: Caption,{font.family},{font_px},&H00FFFFFF,&H00FFFFFF,&H00000000,"
            f"&H80000000,{-1 if chosen.bold else 0},0,0,0,100,100,0,0,1,{outline},0,2,"
            f"{left},{size.width - right},{size.height - bottom},{BURN_ENCODING}",
            "",
            "[Events]",
            "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text",
            *events,
            "",
        ]
    )


def burn_document(track: Track, size: Size, font: Font, style: BurnStyle | None = None) -> str:
    """The ASS script burnt in: an ASS track's own text, as it is (its styles, positions,
    margins and RTL marks are the author's: ``style`` does not apply); any other
    format as :func:`ass_document` writes it."""
    if track.format == "ass":
        return dumps(track, "ass")
    return ass_document(track, size, font, style)


@dataclass(frozen=True, slots=True)
class VideoInfo:
    """What the burn needs to know of the input: frame size, duration, audio."""

    size: Size
    duration_ms: int
    has_audio: bool


def probe(video: Path) -> VideoInfo:
    """Frame size, duration and audio presence from ffmpeg's description of the input."""
    if not video.is_file():
        raise CaptionkitError("no such video file", file=str(video))
    result = subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-nostdin", "-i", str(video)],
        capture_output=True,
        text=True,
        check=False,
    )
    info = result.stderr
    stream = re.search(r"Stream #\S+.*?: Video: .*?(\d{2,5})x(\d{2,5})", info)
    duration = re.search(r"Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)", info)
    if stream is None or duration is None:
        raise CaptionkitError("ffmpeg finds no video stream in it", file=str(video))
    hours, minutes, seconds = duration.groups()
    total = round((int(hours) * 3600 + int(minutes) * 60 + float(seconds)) * 1000)
    return VideoInfo(
        size=Size(int(stream[1]), int(stream[2])),
        duration_ms=total,
        has_audio=re.search(r"Stream #\S+.*?: Audio:", info) is not None,
    )


_CONTAINERS = {".mp4": "mp4", ".m4v": "mp4", ".mov": "mov", ".mkv": "matroska"}


def burn(
    video: Path,
    subtitles: Path | Track,
    output: Path,
    *,
    font: Font | None = None,
    style: BurnStyle | None = None,
    preset: str = DEFAULT_PRESET,
    crf: int = DEFAULT_CRF,
    progress: Progress | None = None,
) -> VideoInfo:
    """Burn the captions into ``video`` and write ``output`` atomically.

    ``progress`` is called with the share done (0.0 to 1.0) as ffmpeg reports it.
    """
    require_libass()
    container = _CONTAINERS.get(output.suffix.lower())
    if container is None:
        raise UsageError(f"write the burnt video as .mp4, .mov or .mkv, not {output.name!r}")
    if is_same_file(output, video) or (
        not isinstance(subtitles, Track) and is_same_file(output, subtitles)
    ):
        raise OutputError(
            "the output is an input file: write the burnt video elsewhere", file=str(output)
        )
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"the folder {str(folder)!r} does not exist", file=str(output))
    track = subtitles if isinstance(subtitles, Track) else read(subtitles)
    if not track.cues:  # an empty file is valid, but there is nothing to burn
        where = None if isinstance(subtitles, Track) else str(subtitles)
        raise CaptionkitError("no cues to burn: the subtitle file is empty", file=where)
    info = probe(video)
    chosen_font = font or resolve_font()
    with (
        tempfile.TemporaryDirectory(prefix="captionkit-burn-") as work,
        fonts_folder(chosen_font) as fonts,
    ):
        script = Path(work) / "captions.ass"
        document = burn_document(track, info.size, chosen_font, style)
        script.write_text(without_surrogates(document), encoding="utf-8")
        with staged_output(output) as temporary:
            _encode(video, script, fonts, temporary, container, info, preset, crf, progress)
    return info


def _encode(
    video: Path,
    script: Path,
    fonts: Path,
    target: Path,
    container: str,
    info: VideoInfo,
    preset: str,
    crf: int,
    progress: Progress | None,
) -> None:
    command = [
        ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
        "-i", str(video),
        "-vf", f"ass=filename={script}:fontsdir={fonts}",
        "-map", "0:v:0", "-map", "0:a?",
        "-c:v", "libx264", "-preset", preset, "-crf", str(crf), "-pix_fmt", "yuv420p",
        "-c:a", "copy",
        "-progress", "pipe:1", "-nostats",
        "-f", container, str(target),
    ]  # fmt: skip
    if container in ("mp4", "mov"):
        command[-3:-3] = ["-movflags", "+faststart"]
    with child_process(command) as process:
        assert process.stdout is not None and process.stderr is not None
        shown = 0.0  # ffmpeg's out_time can step back a little (streams interleave)
        for line in process.stdout:
            key, _, value = line.strip().partition("=")
            if progress is not None and key == "out_time_us" and value.isdigit():
                shown = max(shown, min(1.0, int(value) / 1000 / max(1, info.duration_ms)))
                progress(shown)
            elif progress is not None and key == "progress" and value == "end":
                progress(1.0)
        error_text = process.stderr.read()
        code = process.wait()
    if code in INTERRUPTED_CODES:
        raise KeyboardInterrupt  # ffmpeg was stopped by a signal meant for the whole run
    if code != 0:
        tail = " | ".join(error_text.strip().splitlines()[-3:])
        raise RenderError(f"ffmpeg failed while burning captions: {tail or code}")


def make_test_video(
    path: Path,
    size: Size,
    *,
    seconds: int,
    fps: int = 30,
    preset: str = "ultrafast",
    moving: bool = False,
) -> None:
    """A dark video (or ffmpeg's moving test pattern) with a 440 Hz tone (AAC).

    The dark one lets tests tell caption ink from the picture; the moving one
    makes the encoder work as on real footage, for benchmarks.
    """
    picture = (
        f"testsrc2=s={size}:r={fps}:d={seconds}"
        if moving
        else (f"color=c=0x1a2433:s={size}:r={fps}:d={seconds}")
    )
    run_ffmpeg(
        [
            "-f", "lavfi", "-i", picture,
            "-f", "lavfi", "-i", f"sine=frequency=440:sample_rate=48000:duration={seconds}",
            "-c:v", "libx264", "-preset", preset, "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "96k", "-shortest", str(path),
        ],
        what="making a test video",
    )  # fmt: skip


def sample_srt(duration_ms: int, cue_ms: int = 3000, gap_ms: int = 1000) -> str:
    """Arabic SubRip cues filling ``duration_ms``, for benchmarks."""
    lines = [
        "في قلب الصحراء تقوم مدينة قديمة.",
        "بناها التجار قبل ألف عام (تقريباً).",
        "Python لغة سهلة؟",
    ]
    blocks = []
    start, index = 0, 0
    from captionkit.timecode import format_srt_time

    while start + cue_ms <= duration_ms:
        text = lines[index % len(lines)]
        blocks.append(
            f"{index + 1}\n{format_srt_time(start)} --> {format_srt_time(start + cue_ms)}\n{text}\n"
        )
        start += cue_ms + gap_ms
        index += 1
    return "\n".join(blocks)


def audio_digest(video: Path) -> str:
    """A hash of the audio packets as stored (``-c copy``): equal digests, identical audio."""
    import hashlib

    result = run_ffmpeg(
        ["-i", str(video), "-map", "0:a", "-c", "copy", "-f", "data", "-"],
        what="reading the audio stream",
    )
    return hashlib.sha256(result.stdout).hexdigest()


def frame_at(video: Path, time_ms: int, size: Size) -> bytes:
    """The RGB bytes of the frame shown at ``time_ms``."""
    result = run_ffmpeg(
        [
            "-ss", f"{time_ms / 1000:.3f}", "-i", str(video), "-frames:v", "1",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-",
        ],
        what="reading a frame",
    )  # fmt: skip
    expected = size.width * size.height * 3
    if len(result.stdout) < expected:
        raise RenderError(f"no frame at {time_ms} ms")
    return result.stdout[:expected]
