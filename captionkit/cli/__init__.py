"""The ``captionkit`` command line: a thin layer over the library.

Each command parses its options, calls one library function and renders the
result. Only this package prints and exits: a :class:`CaptionkitError` becomes
one line ``file:line: message`` on stderr and exit status 2.
"""

from __future__ import annotations

from captionkit.cli.app import app, main

__all__ = ["app", "main"]
