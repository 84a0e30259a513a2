"""Programs captionkit runs that come from the package registry, never from the system.

One lookup for every job that runs ffmpeg (render, burn, audio decoding), so that the
override and the packaged binary are found the same way everywhere; each job turns a
failure into its own error (which extra to install).
"""

from __future__ import annotations

import os


def packaged_ffmpeg() -> str:
    """The packaged ffmpeg (imageio-ffmpeg's), or ``$CAPTIONKIT_FFMPEG`` when set.

    Raises ImportError when imageio-ffmpeg is not installed, RuntimeError when it has
    no binary for this platform.
    """
    override = os.environ.get("CAPTIONKIT_FFMPEG")
    if override:
        return override
    import imageio_ffmpeg

    return str(imageio_ffmpeg.get_ffmpeg_exe())
