"""The packaged ffmpeg (imageio-ffmpeg's static build, with libass, fribidi and harfbuzz).

A user needs no system ffmpeg: the ``render`` extra installs imageio-ffmpeg, which brings one.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import cache
from pathlib import Path
from typing import Any

from captionkit.packaged import packaged_ffmpeg
from captionkit.render.errors import RendererMissing, RenderError, RenderExtraMissing
from captionkit.render.fonts import Font


@cache
def ffmpeg_exe() -> str:
    """The path of the packaged ffmpeg, or ``$CAPTIONKIT_FFMPEG`` when set."""
    try:
        return packaged_ffmpeg()
    except ImportError:
        raise RenderExtraMissing("the packaged ffmpeg (imageio-ffmpeg)") from None
    except RuntimeError as error:
        raise RendererMissing(f"imageio-ffmpeg has no ffmpeg binary: {error}") from None


@cache
def has_libass() -> bool:
    """Whether this ffmpeg has the ``subtitles`` and ``ass`` filters (libass)."""
    result = subprocess.run(
        [ffmpeg_exe(), "-hide_banner", "-filters"], capture_output=True, text=True, check=False
    )
    return " subtitles " in result.stdout and " ass " in result.stdout


def require_libass() -> str:
    """The ffmpeg path, or :class:`RendererMissing` when it lacks libass."""
    exe = ffmpeg_exe()
    if not has_libass():
        raise RendererMissing(f"{exe} has no libass 'subtitles' filter")
    return exe


#: ffmpeg's exit status when SIGINT or SIGTERM stopped it (255), or the signal's own.
INTERRUPTED_CODES = frozenset({255, -signal.SIGINT, -signal.SIGTERM, -signal.SIGKILL})


@contextmanager
def child_process(command: Sequence[str]) -> Iterator[subprocess.Popen[str]]:
    """A child process with text pipes that never outlives the block.

    When the block ends by any exception (an error, Ctrl-C, SIGTERM turned into
    an exception by the command line), the child is killed and waited for before
    the exception goes on: no ffmpeg keeps encoding as an orphan.
    """
    process = subprocess.Popen(
        list(command),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
    )
    try:
        yield process
    except BaseException:
        stop_process(process)
        raise
    finally:
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                with suppress(OSError):
                    stream.close()
        if process.returncode is None:
            stop_process(process)


def stop_process(process: subprocess.Popen[Any]) -> None:
    """Kill a child process and wait for it (a killed child never survives its parent)."""
    with suppress(OSError):
        process.kill()
    while True:
        try:
            process.wait()
            return
        except KeyboardInterrupt:  # a second Ctrl-C: the child is dying anyway
            continue


def run_ffmpeg(arguments: Sequence[str], *, what: str) -> subprocess.CompletedProcess[bytes]:
    """Run ffmpeg quietly; a failure becomes a :class:`RenderError` with ffmpeg's last lines.

    On an exception (Ctrl-C included) :func:`subprocess.run` kills ffmpeg and waits for it.
    """
    command = [ffmpeg_exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y", *arguments]
    result = subprocess.run(command, capture_output=True, check=False, stdin=subprocess.DEVNULL)
    if result.returncode in INTERRUPTED_CODES:
        raise KeyboardInterrupt
    if result.returncode != 0:
        tail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise RenderError(f"ffmpeg failed while {what}: {' | '.join(tail) or result.returncode}")
    return result


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Text a renderer can be given: bytes that were undecodable (kept as lone
    surrogates so that a file can be written back) become U+FFFD, as players show them.

    >>> without_surrogates("a\\udcff b") == "a\\ufffd b"
    True
    """
    return _SURROGATE.sub("\ufffd", text)


def filter_path(path: Path) -> str:
    """A path quoted for a filter-graph option value (``:``, ``\\``, ``'`` escaped)."""
    text = str(path)
    for char in ("\\", ":", "'", "[", "]", ",", ";"):
        text = text.replace(char, "\\" + char)
    return text


@contextmanager
def fonts_folder(font: Font) -> Iterator[Path]:
    """A temporary folder holding only ``font`` under a plain name, for libass's ``fontsdir``.

    The packaged file's name has brackets (``NotoSansArabic[wdth,wght].ttf``),
    which filter graphs treat as syntax; a link with a plain name avoids it.
    """
    with tempfile.TemporaryDirectory(prefix="captionkit-fonts-") as folder:
        link = Path(folder) / ("font" + font.path.suffix.lower())
        try:
            link.symlink_to(font.path.resolve())
        except OSError:
            shutil.copyfile(font.path, link)
        yield Path(folder)
