"""Speed of the bidi levels behind the ``visual`` render mode (issue 17).

    python benchmarks/bidi_levels.py [LINES]       # default 100000 distinct caption lines

The lines are caption-sized windows (2 to 8 words) of the UDHR in Arabic, Persian, Hebrew and
Urdu (../shared/conformance/unicode-bidi/udhr-rtl-text), with some numbers, brackets and Latin
words mixed in; all distinct, so no line is served from the per-line cache. Prints the time per
line of captionkit's UAX #9 (``captionkit.text.uba.resolve_levels``), of the whole
``render_line(..., "visual")`` (levels, arabic-reshaper's shaping, reordering), and of the peer
python-bidi (the Rust ``unicode-bidi`` crate) when it is installed: its public ``get_display``,
and the debug-output reading captionkit used before (``get_display_inner(..., True)``).
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from captionkit.text import bidi
from captionkit.text.uba import resolve_levels

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CAPTIONKIT_SHARED", ROOT.parent / "shared"))
UDHR = SHARED / "conformance" / "unicode-bidi" / "udhr-rtl-text"


def caption_lines(count: int, seed: int = 0) -> list[str]:
    """``count`` distinct caption lines made of UDHR words, numbers, brackets, Latin words."""
    words: list[str] = []
    for name in ("udhr_arb.txt", "udhr_pes_1.txt", "udhr_heb.txt", "udhr_urd.txt"):
        text = (UDHR / name).read_text(encoding="utf-8").split("---", 1)[-1]
        words.extend(text.split())
    extras = ["2024", "(12)", "«نعم»", "Python", "3.5%", "-", "؟", "!", "[BBC]", "١٩٤٨"]
    rng = random.Random(seed)
    lines: set[str] = set()
    while len(lines) < count:
        start = rng.randrange(len(words) - 8)
        window = words[start : start + rng.randint(2, 8)]
        if rng.random() < 0.3:
            window.insert(rng.randrange(len(window) + 1), rng.choice(extras))
        lines.add(" ".join(window))
    return sorted(lines)


def timed(label: str, lines: list[str], run: Callable[[str], object]) -> float:
    started = time.perf_counter()
    for line in lines:
        run(line)
    took = time.perf_counter() - started
    print(f"{label:<46} {took:7.2f} s  {took / len(lines) * 1e6:7.1f} µs/line")
    return took


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    lines = caption_lines(count)
    chars = sum(map(len, lines))
    print(f"{count} distinct lines, {chars / count:.1f} characters on average")
    ours = timed(
        "captionkit uba.resolve_levels (rtl)", lines, lambda line: resolve_levels(line, "rtl")
    )
    bidi._engine_levels.cache_clear()
    render = timed(
        "captionkit render_line(visual), cold cache",
        lines,
        lambda line: bidi.render_line(line, "visual"),
    )
    try:
        from bidi import get_display
        from bidi.bidi import get_display_inner
    except ImportError:
        print("python-bidi is not installed: no peer figures")
        return
    peer = timed(
        "python-bidi get_display (Rust)", lines, lambda line: get_display(line, base_dir="R")
    )
    debug = timed(
        "python-bidi debug dump (captionkit before)",
        lines,
        lambda line: get_display_inner(line, "R", True),
    )
    print(f"uba / python-bidi get_display: {ours / peer:.1f}x")
    print(f"uba / python-bidi debug dump (the old way): {ours / debug:.1f}x")
    print(f"render_line(visual) per line: {render / count * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
