"""Draw cues with headless Chromium's own WebVTT renderer.

A page holds a ``<video>`` (a short blank WebM made with the packaged ffmpeg)
with a ``<track>`` of the cues in a WebVTT file; Playwright drives the system
Chromium (``/usr/bin/chromium``, or ``$CAPTIONKIT_CHROMIUM``), seeks to each cue
and takes a screenshot of the video. Files are served to the page by request
interception, so nothing listens on a port and nothing leaves the machine.

Starting Chromium takes about a second: open one :class:`BrowserRenderer` and
draw many cues with it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from captionkit.render.errors import RendererMissing, RenderError
from captionkit.render.ffmpeg import run_ffmpeg, without_surrogates
from captionkit.render.fonts import Font
from captionkit.render.size import Size
from captionkit.timecode import format_vtt_time

if TYPE_CHECKING:
    from PIL.Image import Image

ORIGIN = "http://captionkit.invalid"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
)
_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def chromium_path() -> str:
    """The Chromium to drive: ``$CAPTIONKIT_CHROMIUM``, else the system's."""
    override = os.environ.get("CAPTIONKIT_CHROMIUM")
    if override:
        return override
    for candidate in (*_CANDIDATES, shutil.which("chromium") or ""):
        if candidate and Path(candidate).is_file():
            return candidate
    raise RendererMissing(
        "Chromium is not installed: apt-get install chromium (or set CAPTIONKIT_CHROMIUM)"
    )


def require_browser() -> str:
    """The Chromium path, or :class:`RendererMissing` saying what is missing."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise RendererMissing(
            "Playwright is not installed: pip install 'captionkit[browser]'"
        ) from None
    return chromium_path()


@dataclass(frozen=True, slots=True)
class BrowserStyle:
    """Font size and the cue's line as shares of the frame's height."""

    font_size: float = 0.06


def vtt_document(texts: Sequence[str]) -> str:
    """A WebVTT file with text ``k`` shown from second ``k`` to second ``k + 1``."""
    blocks = ["WEBVTT\n"]
    for index, text in enumerate(texts):
        start = format_vtt_time(index * 1000)
        end = format_vtt_time(index * 1000 + 1000)
        blocks.append(f"{start} --> {end}\n{text}\n")
    return "\n".join(blocks)


_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><style>
@font-face {{ font-family: "CaptionkitFont"; src: url("{origin}/font"); }}
html, body {{ margin: 0; padding: 0; background: #000; overflow: hidden; }}
video {{ display: block; width: {width}px; height: {height}px; background: #000; }}
video::cue {{ font-family: "CaptionkitFont"; font-size: {font_px}px; }}
</style></head>
<body><video id="v" muted preload="auto">
<track id="t" kind="subtitles" srclang="ar" label="ar" default src="{origin}/cues.vtt">
</video></body></html>
"""

_WAIT_READY = """async () => {
  const video = document.getElementById('v');
  const track = document.getElementById('t');
  await document.fonts.load('20px CaptionkitFont');
  // A blob is seekable; the intercepted request answers no byte ranges.
  const blob = await (await fetch('/blank.webm')).blob();
  video.src = URL.createObjectURL(blob);
  if (video.readyState < 2) {
    await new Promise((ok, no) => {
      video.addEventListener('loadeddata', ok, {once: true});
      video.addEventListener('error', () => no(new Error('video failed to load')), {once: true});
    });
  }
  if (track.readyState !== 2) {
    await new Promise((ok, no) => {
      track.addEventListener('load', ok, {once: true});
      track.addEventListener('error', () => no(new Error('track failed to load')), {once: true});
    });
  }
  track.track.mode = 'showing';
  return track.track.cues.length;
}"""

_SEEK = """async (time) => {
  const video = document.getElementById('v');
  const track = document.getElementById('t').track;
  await new Promise((ok) => { video.addEventListener('seeked', ok, {once: true});
                              video.currentTime = time; });
  for (let i = 0; i < 100 && track.activeCues.length === 0; i++) {
    await new Promise((ok) => requestAnimationFrame(ok));
  }
  await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  return track.activeCues.length;
}"""


class BrowserRenderer:
    """One headless Chromium, kept open to draw many batches of cues."""

    def __init__(self, font: Font, style: BrowserStyle | None = None) -> None:
        self.font = font
        self.style = style or BrowserStyle()
        self._executable = require_browser()
        self._playwright: Any = None
        self._browser: Any = None

    def __enter__(self) -> BrowserRenderer:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def start(self) -> None:
        """Start Chromium (once)."""
        if self._browser is not None:
            return
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=self._executable,
                args=list(CHROMIUM_FLAGS),
                headless=True,
            )
        except PlaywrightError as error:
            self.close()
            first = (str(error).strip().splitlines() or ["no reason given"])[0]
            raise RendererMissing(f"Chromium did not start: {first}") from None
        except BaseException:  # interrupted while starting: __exit__ will not run
            self.close()
            raise

    def close(self) -> None:
        """Stop Chromium (Playwright removes the fresh profile it gave it).

        Runs on every way out, Ctrl-C and SIGTERM included: each step is tried
        even when the one before failed, and stopping Playwright ends its driver,
        which ends the browser it started.
        """
        browser, self._browser = self._browser, None
        playwright, self._playwright = self._playwright, None
        try:
            if browser is not None:
                with suppress(Exception):
                    browser.close()
        finally:
            if playwright is not None:
                with suppress(Exception):
                    playwright.stop()

    def render_texts(self, texts: Sequence[str], size: Size) -> list[Image]:
        """One RGB image of each cue text as Chromium draws it from a WebVTT file."""
        from PIL import Image as PILImage

        if not texts:
            return []
        self.start()
        files = {
            "/font": (self.font.path.read_bytes(), "font/ttf"),
            "/cues.vtt": (
                without_surrogates(vtt_document(texts)).encode("utf-8"),
                "text/vtt; charset=utf-8",
            ),
            "/blank.webm": (blank_webm(size, len(texts) + 1), "video/webm"),
            "/": (
                _PAGE.format(
                    origin=ORIGIN,
                    width=size.width,
                    height=size.height,
                    font_px=round(self.style.font_size * size.height, 2),
                ).encode("utf-8"),
                "text/html; charset=utf-8",
            ),
        }
        context = self._browser.new_context(
            viewport={"width": size.width, "height": size.height}, device_scale_factor=1
        )
        try:
            page = context.new_page()

            def serve(route: Any) -> None:
                path = route.request.url[len(ORIGIN) :] or "/"
                if path not in files:
                    route.fulfill(status=404, body=b"")
                    return
                body, kind = files[path]
                route.fulfill(status=200, body=body, headers={"content-type": kind})

            page.route(f"{ORIGIN}/**", serve)
            page.goto(f"{ORIGIN}/")
            count = page.evaluate(_WAIT_READY)
            if count != len(texts):
                raise RenderError(f"Chromium read {count} cues of {len(texts)}")
            images = []
            for index in range(len(texts)):
                page.evaluate(_SEEK, index + 0.5)
                shot = page.screenshot(
                    clip={"x": 0, "y": 0, "width": size.width, "height": size.height},
                    type="png",
                    animations="disabled",
                )
                images.append(_png(shot, PILImage))
            return images
        finally:
            context.close()


def _png(data: bytes, module: Any) -> Image:
    import io

    image: Image = module.open(io.BytesIO(data)).convert("RGB")
    return image


def blank_webm(size: Size, seconds: int) -> bytes:
    """A black WebM of ``seconds`` at one frame a second, a tenth of ``size`` (cheap to make)."""
    width = max(16, size.width // 10 // 2 * 2)
    height = max(16, size.height // 10 // 2 * 2)
    with tempfile.TemporaryDirectory(prefix="captionkit-webm-") as folder:
        path = Path(folder) / "blank.webm"
        run_ffmpeg(
            [
                "-f", "lavfi", "-i", f"color=c=black:s={width}x{height}:r=1:d={seconds}",
                "-c:v", "libvpx", "-b:v", "20k", "-g", "1", "-an", str(path),
            ],
            what="making a blank WebM",
        )  # fmt: skip
        return path.read_bytes()
