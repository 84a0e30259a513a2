"""Preview: one frame of a subtitle file as an engine draws it, or a contact sheet.

The cue text goes to the engine as the file holds it (marks and all): a
preview shows what a viewer of that file sees in that kind of player.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

from captionkit.errors import InvalidValue, UsageError
from captionkit.model import Cue, Track
from captionkit.render.fonts import Font
from captionkit.render.players import Player, simulate
from captionkit.render.size import Size

if TYPE_CHECKING:
    from PIL.Image import Image

    from captionkit.render.browser import BrowserRenderer

Engine = Literal["raqm", "libass", "browser"]
ENGINES: tuple[Engine, ...] = ("raqm", "libass", "browser")


def render_cue_texts(
    texts: Sequence[str],
    engine: Engine,
    size: Size,
    font: Font,
    *,
    browser: BrowserRenderer | None = None,
) -> list[Image]:
    """Draw cue texts with one engine; ``browser`` reuses an open Chromium."""
    if engine == "raqm":
        from captionkit.render import raqm

        return raqm.render_texts(texts, size, font)
    if engine == "libass":
        from captionkit.render import libass

        return libass.render_texts(texts, size, font)
    from captionkit.render.browser import BrowserRenderer

    if browser is not None:
        return browser.render_texts(texts, size)
    with BrowserRenderer(font) as opened:
        return opened.render_texts(texts, size)


def active_text(track: Track, time_ms: int) -> str:
    """The text on screen at a time: the active cues' lines, in file order."""
    return "\n".join(cue.text for cue in track.cues if cue.start <= time_ms < cue.end)


def pick_cue(track: Track, number: int) -> Cue:
    """Cue ``number``, counting from 1 in file order."""
    cues = track.cues
    if not 1 <= number <= len(cues):
        raise InvalidValue("cue", number, f"a cue number from 1 to {len(cues)}")
    return cues[number - 1]


def preview_texts(
    track: Track,
    *,
    at: int | None = None,
    cue: int | None = None,
    sheet: bool = False,
    player: Player | None = None,
    flagged: Mapping[int, str] | None = None,
) -> list[tuple[str, str]]:
    """``(label, text)`` pairs to draw: one for ``at`` or ``cue``, every cue for a sheet.

    ``flagged`` (cue number -> what was found) keeps only those cues on the sheet
    and adds the finding to each label.
    """
    if sheet:
        chosen = [
            (f"#{i} {_clock(c.start)}" + (f" {flagged[i]}" if flagged else ""), c.text)
            for i, c in enumerate(track.cues, 1)
            if flagged is None or i in flagged
        ]
        if not chosen:
            raise UsageError(
                "no cue is flagged: nothing to draw (leave out `flagged`)", parameter="flagged"
            )
    elif cue is not None:
        picked = pick_cue(track, cue)
        chosen = [(f"#{cue} {_clock(picked.start)}", picked.text)]
    elif at is not None:
        chosen = [(_clock(at), active_text(track, at))]
    else:
        raise UsageError("say which frame: `at` a time or `cue` N (or `sheet`)", parameter="at")
    return [(label, simulate(text, player)) for label, text in chosen]


def contact_sheet(images: Sequence[Image], labels: Sequence[str], columns: int = 3) -> Image:
    """Frames scaled to a third, in a grid, each with its label above it."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    if not images:
        raise UsageError("the file has no cues to draw")
    width, height = images[0].size
    thumb = (max(1, width // 3), max(1, height // 3))
    label_height = 24
    rows = (len(images) + columns - 1) // columns
    sheet = PILImage.new(
        "RGB", (thumb[0] * columns, (thumb[1] + label_height) * rows), (40, 40, 40)
    )
    draw = ImageDraw.Draw(sheet)
    for index, (image, label) in enumerate(zip(images, labels, strict=True)):
        x = (index % columns) * thumb[0]
        y = (index // columns) * (thumb[1] + label_height)
        draw.text((x + 6, y + 4), label, fill="white")
        sheet.paste(image.resize(thumb), (x, y + label_height))
    return sheet


def _clock(ms: int) -> str:
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02}:{minutes:02}:{seconds:02}.{millis:03}"
