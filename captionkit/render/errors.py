"""Errors of the rendering engines."""

from __future__ import annotations

from captionkit.errors import CaptionkitError


class RendererMissing(CaptionkitError):
    """A renderer (ffmpeg, Pillow with raqm, Chromium, a font) is not installed.

    The message says what to install, so a user can act on it and tests can
    skip with it as the reason.
    """


class RenderError(CaptionkitError):
    """A renderer ran but failed (ffmpeg exited with an error, a page did not load)."""
