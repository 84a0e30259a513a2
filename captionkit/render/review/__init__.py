"""The review site: a static catalogue of subtitle files and a page per file.

``captionkit review SUBS... -o review/`` gathers one :class:`FileReview` a file (in a
batch: processes or a Dask cluster, :mod:`captionkit.batch`) and writes the pages that
:func:`build_site` returns through the output layer. :mod:`.serve` serves a written site
with byte ranges (seekable video) and cue previews drawn on demand.
"""

from __future__ import annotations

from captionkit.render.review.data import FileReview, find_video, render_previews, review_file
from captionkit.render.review.pages import build_site, catalogue_page, file_page, page_name

__all__ = [
    "FileReview",
    "build_site",
    "catalogue_page",
    "file_page",
    "find_video",
    "page_name",
    "render_previews",
    "review_file",
]
