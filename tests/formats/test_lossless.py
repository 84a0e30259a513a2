"""Lossless: every SubRip and WebVTT file in ../shared/corpus that reads is written back byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from captionkit import read, to_bytes
from captionkit.errors import CaptionkitError
from tests.conftest import SHARED

CORPUS = SHARED / "corpus"
SUFFIXES = {".srt", ".vtt", ".webvtt"}

#: Files that read but do not come back byte for byte, with the reason. Empty:
#: every file that reads comes back exactly.
EXCEPTIONS: dict[str, str] = {}


def subtitle_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(path for path in CORPUS.rglob("*") if path.suffix.lower() in SUFFIXES)


def test_the_corpus_is_there() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent: the shared corpus is not here")
    assert len(subtitle_files()) > 150


@pytest.mark.parametrize("path", subtitle_files(), ids=lambda path: str(path.relative_to(CORPUS)))
def test_written_back_byte_for_byte(path: Path) -> None:
    data = path.read_bytes()
    try:
        track = read(path)
    except CaptionkitError:
        return  # refused files are the robustness table's business
    name = str(path.relative_to(CORPUS))
    if name in EXCEPTIONS:
        pytest.xfail(EXCEPTIONS[name])
    assert to_bytes(track) == data


@pytest.mark.parametrize("path", subtitle_files(), ids=lambda path: str(path.relative_to(CORPUS)))
def test_lenient_read_is_lossless_too(path: Path) -> None:
    data = path.read_bytes()
    try:
        track = read(path, lenient=True)
    except CaptionkitError:
        return
    assert to_bytes(track) == data
