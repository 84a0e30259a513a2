"""Lines ``fix`` repaired render right in libass and Chromium, read from the pixels.

Every line the default ``fix`` changed in the corpus's Arabic file (the visual-order
workaround undone, then wrapped in the file's marks or ``embed``), plus hand-made
workaround lines with quotes, digits and dialogue dashes, is drawn as written with
and without its trailing punctuation; the punctuation's ink must sit at the left end
of the line, where a right-to-left reader expects the end of the sentence. The pixel
method is ``captionkit.render.pixels`` (see ``tests/render/test_evidence.py``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from captionkit.check import all_rules, fix_track
from captionkit.formats import read
from captionkit.model import Cue, Track
from captionkit.text.rtl import PDF, RLE, RLM
from tests.conftest import shared_path

pytest.importorskip("numpy", reason="numpy is not installed (the render extra)")
pytest.importorskip("PIL", reason="Pillow is not installed (the render extra)")

from captionkit.render import libass
from captionkit.render.errors import RendererMissing
from captionkit.render.ffmpeg import require_libass
from captionkit.render.fonts import Font
from captionkit.render.pixels import locate_trailing_punctuation
from captionkit.render.size import Size

SIZE = Size(1280, 720)
# Workaround lines as typed for left-to-right players: quotes, digits, dashes, brackets,
# two sentences, Latin punctuation.
HANDMADE = [
    '."في "القاهرة',
    ".40 دولاراً",
    ".هذا صحيح -",
    "!ولكن ليس إذا إستخدمت تور",
    ".نعم. سأذهب غداً",
    ".(وصلنا إلى المدينة (القديمة",
    ":قال لي",
    ".ـ لا أعرف",
    "?هل أنت بخير",
    ".سنة 1948 كانت صعبة",
]
_PUNCTUATION = ".,،:;!?"


def _strip_trailing(line: str) -> str | None:
    """The line without its trailing punctuation (inside its marks), or None without any."""
    closers = ""
    body = line
    while body and body[-1] in (PDF, RLM):
        closers = body[-1] + closers
        body = body[:-1]
    core = body.rstrip(_PUNCTUATION + '")')
    if core == body:
        return None
    return core + closers


def fixed_lines() -> list[str]:
    """Every changed line of the default fix: the corpus's Arabic file and the hand-made lines."""
    arabic = read(shared_path("corpus", "rtl", "tor-animation", "ar.srt"))
    handmade = Track.from_cues([Cue(i * 1000, i * 1000 + 900, t) for i, t in enumerate(HANDMADE)])
    lines: list[str] = []
    for track in (arabic, handmade):
        fixed, changes = fix_track(track, all_rules())
        changed = {change.cue for change in changes}
        for number in sorted(changed):
            before = track.cues[number - 1].lines
            after = fixed.cues[number - 1].lines
            lines.extend(new for old, new in zip(before, after, strict=True) if old != new)
    return [line for line in lines if _strip_trailing(line) is not None]


def test_the_sample_is_large_enough_and_uses_the_default_marks() -> None:
    lines = fixed_lines()
    assert len(lines) >= 30
    # The Arabic file had no marks and fix moved punctuation: embed on every repaired line.
    assert all(line.startswith(RLE) and line.endswith(PDF) for line in lines)


def _verdicts(draw: object, lines: list[str]) -> list[tuple[str, str]]:
    texts: list[str] = []
    for line in lines:
        stripped = _strip_trailing(line)
        assert stripped is not None
        texts += [line, stripped]
    images = draw(texts)  # type: ignore[operator]
    return [
        (line, locate_trailing_punctuation(images[2 * i], images[2 * i + 1]).verdict)
        for i, line in enumerate(lines)
    ]


def test_fixed_lines_render_right_in_libass(font: Font) -> None:
    try:
        require_libass()
    except RendererMissing as missing:
        pytest.skip(f"renderer missing: {missing}")
    style = libass.LibassStyle(font_size=0.06)
    lines = fixed_lines()
    verdicts = _verdicts(lambda texts: libass.render_texts(texts, SIZE, font, style), lines)
    wrong = [(line, verdict) for line, verdict in verdicts if verdict != "left"]
    assert wrong == [], f"{len(wrong)} of {len(lines)} lines misplaced in libass"


@pytest.fixture(scope="module")
def browser(font: Font) -> Iterator[object]:
    try:
        from captionkit.render.browser import BrowserRenderer, BrowserStyle

        renderer = BrowserRenderer(font, BrowserStyle(font_size=0.06))
        renderer.start()
    except RendererMissing as missing:
        pytest.skip(f"renderer missing: {missing}")
    try:
        yield renderer
    finally:
        renderer.close()


def test_fixed_lines_render_right_in_chromium(browser: object) -> None:
    lines = fixed_lines()
    draw = getattr(browser, "render_texts")  # noqa: B009
    verdicts = _verdicts(lambda texts: draw(texts, SIZE), lines)
    wrong = [(line, verdict) for line, verdict in verdicts if verdict != "left"]
    assert wrong == [], f"{len(wrong)} of {len(lines)} lines misplaced in Chromium"
