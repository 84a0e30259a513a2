"""Serve a written review site on this machine: byte ranges, and previews drawn on demand.

The static site needs no server; ``--serve`` adds two things a file URL cannot give:
answers to byte-range requests (so a browser can seek a video served over HTTP) and
``/_preview/FILE/CUE.png``, a cue drawn by libass when it is first asked for (the site's
``review.json`` says which subtitle file number FILE is). It listens on the loopback
address only.
"""

from __future__ import annotations

import json
import os
import re
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

_PREVIEW = re.compile(r"^/_preview/(\d+)/(\d+)\.png$")
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class ReviewHandler(SimpleHTTPRequestHandler):
    """Files of the site (with ``Range``), and cue previews drawn on demand."""

    site: Path
    cache: dict[tuple[int, int], bytes]
    lock: threading.Lock

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the CLI says the URL
        return

    def do_GET(self) -> None:
        match = _PREVIEW.match(self.path.split("?", 1)[0])
        if match:
            self._preview(int(match[1]), int(match[2]))
            return
        wanted = self.headers.get("Range")
        path = Path(self.translate_path(self.path))
        if wanted and path.is_file():
            self._range(path, wanted)
            return
        super().do_GET()

    def _range(self, path: Path, wanted: str) -> None:
        size = path.stat().st_size
        match = _RANGE.match(wanted.strip())
        if not match or not (match[1] or match[2]):
            self.send_error(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            return
        if match[1]:
            first = int(match[1])
            last = min(int(match[2]), size - 1) if match[2] else size - 1
        else:
            first, last = max(0, size - int(match[2])), size - 1
        if first > last or first >= size:
            self.send_response(HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
            self.send_header("Content-Range", f"bytes */{size}")
            self.end_headers()
            return
        self.send_response(HTTPStatus.PARTIAL_CONTENT)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {first}-{last}/{size}")
        self.send_header("Content-Length", str(last - first + 1))
        self.end_headers()
        with open(path, "rb") as stream:
            stream.seek(first)
            remaining = last - first + 1
            while remaining > 0:
                chunk = stream.read(min(remaining, 1 << 16))
                if not chunk:
                    break
                self.wfile.write(chunk)
                remaining -= len(chunk)

    def _preview(self, number: int, cue: int) -> None:
        from captionkit.errors import CaptionkitError
        from captionkit.formats import read
        from captionkit.render.review.data import CueRow, render_previews

        key = (number, cue)
        with self.lock:
            png = self.cache.get(key)
        if png is None:
            try:
                manifest = json.loads((self.site / "review.json").read_text(encoding="utf-8"))
                entry = next(item for item in manifest if item["index"] == number)
                track = read(entry["path"])
                picked = track.cues[cue - 1]
                row = CueRow(cue, picked.start, picked.end, picked.text, None)
                png = render_previews([row], [cue])[cue]
            except (CaptionkitError, OSError, StopIteration, IndexError, ValueError) as error:
                self.send_error(HTTPStatus.NOT_FOUND, f"no preview: {error}")
                return
            with self.lock:
                self.cache[key] = png
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(png)))
        self.end_headers()
        self.wfile.write(png)


def make_server(site: str | os.PathLike[str], port: int = 0) -> ThreadingHTTPServer:
    """A server of ``site`` on 127.0.0.1 (``port`` 0: a free one); call ``serve_forever``."""
    folder = Path(site).resolve()
    handler = type(
        "BoundReviewHandler",
        (ReviewHandler,),
        {"site": folder, "cache": {}, "lock": threading.Lock()},
    )
    return ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(folder)))
