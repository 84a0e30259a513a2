"""Re-timing speed, and reference sync against ffsubsync, in one run.

1. **Speed**: a 100,000-cue Arabic SubRip file (CRLF, BOM) is read and written
   (``loads`` + ``to_bytes``), then read, shifted by 1.5 s and written. Best of
   ``--repeat`` runs each. Target: the shifted run takes at most 1.5x the
   read+write run. :func:`shift_row` is the row ``benchmarks/io.py`` can call.
2. **Reference sync** (needs ``../shared``): the reference of issue 11 is built
   from ``persian-shift/input.srt`` (scale 25/23.976, +2.5 s after cue 400,
   +-40 ms jitter, 10 % of cues deleted, 5 extra, every text replaced; the
   builder is ``tests/retime/test_refsync.py``'s) and ``--reference`` is scored: the
   share of cues whose start and end are within one frame (40 ms) of the truth.
   ffsubsync (``pip install ffsubsync``) is run on the same pair when found
   (``--ffsubsync PATH`` or on PATH), with its default options.

Run: ``python benchmarks/retime.py [--cues N] [--repeat R] [--seeds 1 2 3]``.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from captionkit.formats import loads, read, to_bytes  # noqa: E402
from captionkit.retime import shift  # noqa: E402
from captionkit.timecode import format_srt_time  # noqa: E402

WORDS = "في عام ألف وتسعمئة بدأت العلاقات بين البلدين تتشكل على نحو واسع وسط تحولات".split()


def make_srt(count: int) -> bytes:
    """A SubRip file of ``count`` Arabic cues with CRLF line ends and a BOM."""
    parts: list[str] = []
    for index in range(count):
        start = index * 3000
        words = [WORDS[(index * 7 + k) % len(WORDS)] for k in range(7)]
        text = "\u202b" + " ".join(words[:4]) + "\r\n" + " ".join(words[4:])
        parts.append(
            f"{index + 1}\r\n{format_srt_time(start)} --> {format_srt_time(start + 2500)}"
            f"\r\n{text}\r\n\r\n"
        )
    return b"\xef\xbb\xbf" + "".join(parts).encode("utf-8")


def _best(function: Any, repeat: int) -> float:
    """Best CPU time of this process (the machine is shared: wall time is noisy)."""
    best = float("inf")
    for _ in range(repeat):
        began = time.process_time()
        function()
        best = min(best, time.process_time() - began)
    return best


def shift_row(cues: int = 100_000, repeat: int = 3) -> dict[str, float]:
    """Seconds to read+write, and to read+shift+write, ``cues`` cues; their ratio."""
    data = make_srt(cues)

    def read_write() -> None:
        to_bytes(loads(data, "srt"))

    def read_shift_write() -> None:
        to_bytes(shift(loads(data, "srt"), 1500))

    # Alternate the two runs so that a change in the machine's load hits both alike.
    baseline = shifted = float("inf")
    for _ in range(repeat):
        baseline = min(baseline, _best(read_write, 1))
        shifted = min(shifted, _best(read_shift_write, 1))
    track = loads(data, "srt")
    shift_only = _best(lambda: shift(track, 1500), repeat)
    return {
        "cues": cues,
        "read_write_s": baseline,
        "read_shift_write_s": shifted,
        "shift_only_s": shift_only,
        "ratio": shifted / baseline,
    }


def _score(source: Any, produced: Any, true_time: Any) -> tuple[int, list[int]]:
    missed = [
        number
        for number, (old, new) in enumerate(zip(source.cues, produced.cues, strict=True), start=1)
        if abs(new.start - true_time(number - 1, old.start)) > 40
        or abs(new.end - true_time(number - 1, old.end)) > 40
    ]
    return len(source.cues) - len(missed), missed


def _score_by_text(source: Any, produced: Any, true_time: Any) -> tuple[int, int]:
    """Like :func:`_score` for a tool that drops cues (ffsubsync drops blank ones).

    Its cues are paired with the source's by their text, in order.
    """
    import difflib

    old_texts = [cue.text.strip() for cue in source.cues]
    new_texts = [cue.text.strip() for cue in produced.cues]
    matcher = difflib.SequenceMatcher(None, old_texts, new_texts, autojunk=False)
    good = paired = 0
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            index = block.a + k
            old, new = source.cues[index], produced.cues[block.b + k]
            paired += 1
            if (
                abs(new.start - true_time(index, old.start)) <= 40
                and abs(new.end - true_time(index, old.end)) <= 40
            ):
                good += 1
    return good, len(source.cues) - paired


def reference_rows(seeds: list[int], ffsubsync: str | None) -> list[str]:
    """One line per seed and tool: share of cues within one frame at 25 fps, and time."""
    from captionkit.model import Track
    from captionkit.retime import RetimePlan, retime
    from captionkit.retime.refsync import fit_reference
    from tests.retime.test_refsync import build_reference, true_time

    source_path = (
        Path(os.environ.get("CAPTIONKIT_SHARED", ROOT.parent / "shared"))
        / "corpus"
        / "retime"
        / "persian-shift"
        / "input.srt"
    )
    if not source_path.exists():
        return [f"reference sync: {source_path} is absent, skipped"]
    source = read(source_path)
    lines: list[str] = []
    for seed in seeds:
        reference: Track = build_reference(source, seed)
        began = time.perf_counter()
        result = retime(source, RetimePlan(reference=reference))
        elapsed = time.perf_counter() - began
        good, missed = _score(source, result.track, true_time)
        fit = fit_reference(source, reference)
        unplaced = {index + 1 for index in fit.unplaced}
        lines.append(
            f"seed {seed}: captionkit --reference: {good}/{len(source)} "
            f"({good / len(source):.1%}) within 1 frame, {elapsed:.2f} s; "
            f"missed {missed}, all listed as unplaced: {set(missed) <= unplaced} "
            f"(unplaced {sorted(unplaced)})"
        )
        if ffsubsync is None:
            continue
        with tempfile.TemporaryDirectory() as folder:
            reference_file = Path(folder) / "reference.srt"
            output_file = Path(folder) / "out.srt"
            reference_file.write_bytes(to_bytes(reference))
            began = time.perf_counter()
            run = subprocess.run(
                [ffsubsync, str(reference_file), "-i", str(source_path), "-o", str(output_file)],
                capture_output=True,
                text=True,
                check=False,
            )
            elapsed = time.perf_counter() - began
            if run.returncode != 0 or not output_file.exists():
                lines.append(f"seed {seed}: ffsubsync failed: {run.stderr.strip()[-300:]}")
                continue
            produced = read(output_file, lenient=True)
            good, dropped = _score_by_text(source, produced, true_time)
            lines.append(
                f"seed {seed}: ffsubsync {ffsubsync_version(ffsubsync)}: {good}/{len(source)} "
                f"({good / len(source):.1%}) within 1 frame, {elapsed:.2f} s "
                f"({dropped} cues missing from its output, counted as misses)"
            )
    return lines


def ffsubsync_version(command: str) -> str:
    run = subprocess.run([command, "--version"], capture_output=True, text=True, check=False)
    return (run.stdout or run.stderr).strip().split()[-1] if run.returncode == 0 else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cues", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3])
    parser.add_argument("--ffsubsync", default=shutil.which("ffsubsync"))
    options = parser.parse_args()
    for label in ("garbage collector on", "garbage collector off, as timeit measures"):
        if "off" in label:
            gc.disable()
        row = shift_row(options.cues, options.repeat)
        gc.enable()
        print(
            f"{row['cues']:,} cues, CPU time, {label}: read+write {row['read_write_s']:.3f} s, "
            f"read+shift+write {row['read_shift_write_s']:.3f} s, shift alone "
            f"{row['shift_only_s']:.3f} s; ratio {row['ratio']:.2f} (target <= 1.5: "
            f"{'met' if row['ratio'] <= 1.5 else 'NOT met'})"
        )
    if options.ffsubsync is None:
        print("ffsubsync: not found (pip install ffsubsync, or pass --ffsubsync PATH)")
    for line in reference_rows(options.seeds, options.ffsubsync):
        print(line)


if __name__ == "__main__":
    main()
