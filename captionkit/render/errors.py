"""Errors of the rendering engines."""

from __future__ import annotations

from captionkit.errors import CaptionkitError, MissingExtra


class RendererMissing(CaptionkitError):
    """A renderer (ffmpeg, Pillow with raqm, Chromium, a font) is not installed.

    The message says what to install, so a user can act on it and tests can
    skip with it as the reason.
    """


class RenderError(CaptionkitError):
    """A renderer ran but failed (ffmpeg exited with an error, a page did not load)."""


#: What to install when a package of the ``render`` extra is missing.
RENDER_EXTRA = "pip install 'captionkit[render]'"


class RenderExtraMissing(RendererMissing, MissingExtra):
    """A package of the ``render`` extra is not installed (the message says what to install)."""

    def __init__(self, package: str) -> None:
        super().__init__(f"preview and burn need {package}, which is not installed: {RENDER_EXTRA}")
