"""How long alignment takes: 2k, 20k and 200k narration words against as many recognizer words.

The narration is real subtitle text (the Persian film and the Tor animation in
Arabic and Persian from ../shared/corpus), its cues drawn at random until the
size is reached. The recognizer output is the same words with 10% word errors
(substitutions, deletions, insertions), a missing stretch of 200 words every
20,000, and times of about 350 ms a word, written as whisper JSON.

End to end means: read the JSON (``loads_timestamps``), align, and time the
narration's lines as cues (``cue_times`` under the arabic profile).
Targets: 20k words in at most 0.5 s, 200k in at most 3 s.
Run: ``python benchmarks/align_speed.py`` (``--repeat N`` keeps the best of N).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an installed copy

from captionkit.align.aligner import align_narration
from captionkit.align.cues import cue_times
from captionkit.align.sources import loads_timestamps
from captionkit.formats import read
from captionkit.profiles import load_profile

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CAPTIONKIT_SHARED", ROOT.parent / "shared")) / "corpus"
_CONTROLS = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]|<[^>]*>")
TARGETS = {20_000: 0.5, 200_000: 3.0}


def real_lines() -> list[list[str]]:
    files = [
        SHARED / "retime" / "persian-shift" / "input.srt",
        SHARED / "rtl" / "tor-animation" / "ar.srt",
        SHARED / "rtl" / "tor-animation" / "fa.srt",
    ]
    lines = []
    for path in files:
        if path.exists():
            for cue in read(path).cues:
                tokens = _CONTROLS.sub("", cue.text).split()
                if tokens:
                    lines.append(tokens)
    if not lines:
        raise SystemExit(f"no subtitle text under {SHARED}")
    return lines


def build(size: int, lines: list[list[str]], rng: random.Random) -> tuple[list[list[str]], bytes]:
    narration: list[list[str]] = []
    count = 0
    while count < size:
        line = list(rng.choice(lines))
        narration.append(line)
        count += len(line)
    vocabulary = sorted({word for line in lines for word in line})
    words = []
    clock = 0.0
    position = 0
    for line in narration:
        for word in line:
            position += 1
            if position % 20_000 < 200:
                clock += 0.35
                continue
            roll = rng.random()
            if roll < 0.02:
                continue
            text = rng.choice(vocabulary) if roll < 0.08 else word
            words.append(
                {"word": " " + text, "start": round(clock, 2), "end": round(clock + 0.3, 2)}
            )
            if roll > 0.98:
                words.append(
                    {
                        "word": " " + rng.choice(vocabulary),
                        "start": round(clock + 0.3, 2),
                        "end": round(clock + 0.34, 2),
                    }
                )
            clock += 0.35
        clock += 0.4
    document = {"segments": [{"start": 0.0, "end": clock, "text": "", "words": words}]}
    return narration, json.dumps(document, ensure_ascii=False).encode()


def run(narration: list[list[str]], data: bytes) -> tuple[float, float, float, float]:
    words = [word for line in narration for word in line]
    groups: list[tuple[int, int]] = []
    for line in narration:
        first = groups[-1][1] if groups else 0
        groups.append((first, first + len(line)))
    line_starts = [first for first, _ in groups]
    profile = load_profile("arabic")
    began, cpu_began = time.perf_counter(), time.process_time()
    stamps = loads_timestamps(data, "whisper")
    read_done = time.perf_counter()
    alignment = align_narration(words, stamps, line_starts=line_starts)
    cue_times(alignment.words, groups, profile)
    finished, cpu_finished = time.perf_counter(), time.process_time()
    return finished - began, read_done - began, alignment.matched_share, cpu_finished - cpu_began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="2000,20000,200000")
    args = parser.parse_args()
    lines = real_lines()
    failed = False
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        f"{'words':>8} {'recognizer':>10} {'end to end s':>13} {'cpu s':>7} "
        f"{'of which read s':>16} {'matched':>8}"
    )
    for size in (int(part) for part in args.sizes.split(",")):
        narration, data = build(size, lines, random.Random(size))
        best = None
        for _ in range(args.repeat):
            result = run(narration, data)
            best = result if best is None or result[0] < best[0] else best
        assert best is not None
        total, reading, share, cpu = best
        recognized = len(json.loads(data)["segments"][0]["words"])
        count = sum(len(line) for line in narration)
        target = TARGETS.get(size)
        verdict = ""
        if target is not None:
            verdict = f"  target {target} s: {'PASS' if total <= target else 'FAIL'}"
            failed = failed or total > target
        print(
            f"{count:>8} {recognized:>10} {total:>13.3f} {cpu:>7.3f} {reading:>16.3f} "
            f"{share:>8.3f}{verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
