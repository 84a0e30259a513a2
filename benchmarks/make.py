"""How long ``captionkit make`` takes for 2k, 20k and 200k words of narration.

The narration is made by repeating and varying real text: the bundled sample
narration, the second narration of the tests and, when ../shared is there, the
seed; their lines are shuffled with a fixed seed, and numbers are changed, so
every copy is a little different. About 20,000 words is a two-hour narration
(at 14 characters a second). The target: 20k words in under 2 s, and linear
growth (the 200k run takes about ten times the 20k run).

Run: ``python benchmarks/make.py`` (prints a table; exit status 1 when 20k words take
2 s of CPU time or more: on a shared machine the wall time also counts the waiting).
"""

from __future__ import annotations

import os
import random
import sys
import time
from importlib import resources
from pathlib import Path

from captionkit.make import make
from captionkit.make.ingest import ingest_text
from captionkit.profiles import load_profile

ROOT = Path(__file__).resolve().parents[1]


def source_lines() -> list[str]:
    """Narration lines of the real scripts (the scraped title, tags and labels removed)."""
    texts = [
        resources.files("captionkit.data").joinpath("sample-narration-ar.txt").read_text("utf-8"),
        (ROOT / "fixtures" / "make" / "narration-cordoba-ar.txt").read_text("utf-8"),
    ]
    seed = (
        Path(os.environ.get("CAPTIONKIT_SHARED", ROOT.parent / "shared"))
        / "seed"
        / "narration-ar.txt"
    )
    if seed.exists():
        texts.append(seed.read_text("utf-8"))
    lines: list[str] = []
    for text in texts:
        narration = ingest_text(text)
        lines.extend(line for _, line in narration.lines)
    return lines


def narration_of(words: int, lines: list[str], seed: int = 7) -> str:
    """About ``words`` words of varied narration."""
    chooser = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < words:
        block = lines[:]
        chooser.shuffle(block)
        for line in block:
            varied = " ".join(
                str(chooser.randint(2, 1999)) if token.isdigit() else token
                for token in line.split()
            )
            out.append(varied)
            count += len(varied.split())
            if count >= words:
                break
    return "\n".join(out)


def main() -> int:
    profile = load_profile()
    lines = source_lines()
    results: list[tuple[int, int, float, float]] = []
    for size in (2_000, 20_000, 200_000):
        text = narration_of(size, lines)
        make(text[:2000], profile=profile)  # warm the word lists and caches
        began = time.perf_counter()
        began_cpu = time.process_time()
        result = make(text, profile=profile)
        track, report = result.track, result.report
        cpu = time.process_time() - began_cpu
        elapsed = time.perf_counter() - began
        results.append((report.words, len(track), elapsed, cpu))
    print(f"{'words':>8} {'cues':>7} {'seconds':>8} {'cpu s':>8} {'µs/word':>8}")
    for words, cues, elapsed, cpu in results:
        print(f"{words:>8} {cues:>7} {elapsed:>8.3f} {cpu:>8.3f} {elapsed / words * 1e6:>8.1f}")
    ratio = results[2][3] / results[1][3]
    print(f"200k / 20k CPU time ratio: {ratio:.1f} (linear is 10)")
    return 0 if results[1][3] < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
