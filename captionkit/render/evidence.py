"""Rendered evidence for the RTL modes, and the SubRip default decided from it.

Arabic lines (ending in a full stop, in a question mark, starting with a Latin
word, ending with a Latin word, holding brackets and numbers) are drawn by
libass from a SubRip file and by Chromium from a WebVTT file, in every way of
marking them, each with and without its trailing punctuation; the pixel method
(:mod:`captionkit.render.pixels`) says where the punctuation landed. The README
section "RTL modes: rendered evidence" keeps the table
(``python benchmarks/render.py evidence`` prints it again).

The decision, pinned by ``tests/render/test_evidence.py``: libass starts every
SubRip line left to right whatever its first letter, so plain logical text puts
an Arabic line's full stop at its right end; an RLM before the full stop does
not help (the stop then sits between the RLM and the line's left-to-right end);
an RLM after it, or an RLE ... PDF embedding, does. Only the RLE embedding also
keeps a line that starts with a Latin word right to left in both renderers, so
it is the SubRip default.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from captionkit.render.pixels import Placement
from captionkit.text.bidi import RlmPosition, render_line
from captionkit.text.rtl import DEFAULT_RTL_MODES, RtlMode

#: The ``--rtl`` mode ``make`` writes SubRip files with, decided from the table below.
SRT_DEFAULT_RTL_MODE: RtlMode = DEFAULT_RTL_MODES["srt"]

RLM = "\u200f"

Variant = Literal["none", "rlm-before-punct", "rlm-after-punct", "rlm-start", "rlm-both", "embed"]
VARIANTS: tuple[Variant, ...] = (
    "none",
    "rlm-before-punct",
    "rlm-after-punct",
    "rlm-start",
    "rlm-both",
    "embed",
)

#: What each variant is in the words of ``captionkit.text.bidi.render_line``.
VARIANT_MODES: dict[Variant, str] = {
    "none": "none (logical text, nothing added)",
    "rlm-before-punct": "marks (RLM just before the edge punctuation)",
    "rlm-after-punct": "marks, rlm_position=end (RLM after the edge punctuation)",
    "rlm-start": "marks, rlm_position=start",
    "rlm-both": "marks, rlm_position=both",
    "embed": "embed (RLE ... PDF around the line)",
}


@dataclass(frozen=True, slots=True)
class EvidenceLine:
    """A line split into its body and its trailing punctuation."""

    name: str
    body: str
    punctuation: str

    @property
    def text(self) -> str:
        return self.body + self.punctuation


EVIDENCE_LINES: tuple[EvidenceLine, ...] = (
    EvidenceLine("full stop", "ذهبنا إلى السوق صباحاً", "."),
    EvidenceLine("Arabic question mark", "هل شاهدت الفيلم الجديد", "؟"),
    EvidenceLine("Latin question mark", "هل شاهدت الفيلم الجديد", "?"),
    EvidenceLine("Latin word first", "Python لغة برمجة سهلة", "."),
    EvidenceLine("Latin word last", "نكتب البرامج بلغة Python", "."),
    EvidenceLine("brackets and numbers", "زار المعرض (أكثر من 300 شخص) في 2024", "."),
)


def apply_variant(body: str, punctuation: str, variant: Variant) -> str:
    """One line in one way of marking it (the body alone when ``punctuation`` is empty).

    Every variant but ``rlm-before-punct`` is :func:`captionkit.text.bidi.render_line`.

    >>> apply_variant("نعم", ".", "rlm-after-punct") == "نعم.\\u200f"
    True
    >>> apply_variant("نعم", ".", "embed") == "\\u202bنعم.\\u202c"
    True
    """
    if variant == "rlm-before-punct":
        # No shared mode puts the mark there; it is here to show why none should.
        return body + RLM + punctuation
    mode, position = _SHARED[variant]
    return render_line(body + punctuation, mode, base="rtl", rlm_position=position)


_SHARED: dict[Variant, tuple[RtlMode, RlmPosition]] = {
    "none": (RtlMode.NONE, "both"),
    "rlm-after-punct": (RtlMode.MARKS, "end"),
    "rlm-start": (RtlMode.MARKS, "start"),
    "rlm-both": (RtlMode.MARKS, "both"),
    "embed": (RtlMode.EMBED, "both"),
}


@dataclass(frozen=True, slots=True)
class Observation:
    """Where one renderer put one line's trailing punctuation in one variant."""

    renderer: str
    variant: Variant
    line: str
    placement: Placement

    @property
    def correct(self) -> bool:
        return self.placement.correct_for_rtl


def observe(
    renderer: str,
    draw: Callable[[Sequence[str]], Sequence[object]],
    locate: Callable[[object, object], Placement],
    variants: Sequence[Variant] = VARIANTS,
    lines: Sequence[EvidenceLine] = EVIDENCE_LINES,
) -> list[Observation]:
    """Draw every line in every variant with and without its punctuation, and read the pixels.

    ``draw`` renders a batch of cue texts to images in one go (one ffmpeg run,
    one page); ``locate`` is :func:`~captionkit.render.pixels.locate_trailing_punctuation`.
    """
    texts: list[str] = []
    for variant in variants:
        for line in lines:
            texts.append(apply_variant(line.body, line.punctuation, variant))
            texts.append(apply_variant(line.body, "", variant))
    images = draw(texts)
    observations = []
    index = 0
    for variant in variants:
        for line in lines:
            placement = locate(images[index], images[index + 1])
            observations.append(Observation(renderer, variant, line.name, placement))
            index += 2
    return observations


def score(observations: Sequence[Observation], renderer: str, variant: Variant) -> tuple[int, int]:
    """``(correct, total)`` for one renderer and variant."""
    chosen = [o for o in observations if o.renderer == renderer and o.variant == variant]
    return sum(o.correct for o in chosen), len(chosen)


#: Ties are broken towards the simpler and more widely kept marking.
_PREFERENCE: tuple[Variant, ...] = (
    "none",
    "rlm-after-punct",
    "rlm-both",
    "rlm-start",
    "embed",
    "rlm-before-punct",
)


def decide(observations: Sequence[Observation]) -> Variant:
    """The variant correct on most lines in libass (SubRip's renderer), then in Chromium."""

    def key(variant: Variant) -> tuple[int, int, int]:
        libass, _ = score(observations, "libass", variant)
        browser, _ = score(observations, "browser", variant)
        return (libass, browser, -_PREFERENCE.index(variant))

    return max(VARIANTS, key=key)


def summary_table(observations: Sequence[Observation]) -> str:
    """Mode × renderer → correct or wrong, with how many lines ended at the left."""
    renderers = [r for r in ("libass", "browser") if any(o.renderer == r for o in observations)]
    titles = {"libass": "libass (SRT)", "browser": "Chromium (WebVTT)"}
    rows = [
        "| mode | what the line holds | " + " | ".join(titles[r] for r in renderers) + " |",
        "|---|---|" + "---|" * len(renderers),
    ]
    for variant in VARIANTS:
        cells = [f"`{variant}`", VARIANT_MODES[variant]]
        for renderer in renderers:
            good, total = score(observations, renderer, variant)
            word = "correct" if good == total else "wrong"
            cells.append(f"{word} ({good}/{total} lines)")
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def detail_table(observations: Sequence[Observation]) -> str:
    """Each line × mode: where each renderer put the punctuation (position 0 = left end)."""
    renderers = [r for r in ("libass", "browser") if any(o.renderer == r for o in observations)]
    names = [line.name for line in EVIDENCE_LINES]
    rows = [
        "| mode | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    found = {(o.renderer, o.variant, o.line): o.placement for o in observations}
    for variant in VARIANTS:
        cells = [f"`{variant}`"]
        for name in names:
            parts = []
            for renderer in renderers:
                placement = found.get((renderer, variant, name))
                if placement is None:
                    continue
                mark = "ok" if placement.correct_for_rtl else "WRONG"
                parts.append(f"{renderer[0].upper()}: {mark} {placement.position:.2f}")
            cells.append("<br>".join(parts))
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)
