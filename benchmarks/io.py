"""Read and write speed of captionkit against srt, webvtt-py and pysubs2, in one run.

Generates a 100,000-cue Arabic SubRip file and the same in WebVTT, then times
reading and writing with each library (best of N runs) and measures each
operation's peak memory with tracemalloc (in a separate run, since tracing
slows everything down). Prints the times, the ratios and the targets:

- SubRip read at least 1.5x faster than ``srt.parse``;
- WebVTT read at least 3x faster than webvtt-py;
- writes no slower than ``srt.compose``.

Run: ``python benchmarks/io.py [--cues N] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import gc
import io
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import captionkit
from captionkit.timecode import format_srt_time, format_vtt_time

WORDS = (
    "في عام ألف وتسعمئة وثمانية وأربعين بدأت العلاقات بين البلدين تتشكل على نحو "
    "واسع وسط تحولات كبيرة شهدها العالم بعد الحرب العالمية الثانية وما تلاها من أحداث"
).split()


def arabic_line(number: int, width: int) -> str:
    start = (number * 7) % len(WORDS)
    words = [WORDS[(start + k) % len(WORDS)] for k in range(width)]
    return " ".join(words)


def make_texts(count: int) -> tuple[str, str]:
    srt_parts: list[str] = []
    vtt_parts: list[str] = ["WEBVTT\n\n"]
    for index in range(count):
        start = index * 3000
        end = start + 2500
        if index % 3 == 0:
            text = arabic_line(index, 6) + "\n" + arabic_line(index + 1, 5)
        else:
            text = arabic_line(index, 7)
        srt_parts.append(
            f"{index + 1}\n{format_srt_time(start)} --> {format_srt_time(end)}\n{text}\n\n"
        )
        vtt_parts.append(
            f"{index + 1}\n{format_vtt_time(start)} --> {format_vtt_time(end)}\n{text}\n\n"
        )
    return "".join(srt_parts), "".join(vtt_parts)


def best_time(function: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        began = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - began)
    return best


def peak_memory(function: Callable[[], Any]) -> float:
    gc.collect()
    tracemalloc.start()
    result = function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cues", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-memory", action="store_true")
    options = parser.parse_args()

    import pysubs2
    import srt
    import webvtt

    srt_text, vtt_text = make_texts(options.cues)
    srt_bytes = srt_text.encode("utf-8")
    vtt_bytes = vtt_text.encode("utf-8")
    folder = Path(tempfile.mkdtemp())
    vtt_path = folder / "big.vtt"
    vtt_path.write_bytes(vtt_bytes)

    ck_srt = captionkit.loads(srt_bytes, "srt")
    ck_vtt = captionkit.loads(vtt_bytes, "vtt")
    srt_subs = list(srt.parse(srt_text))
    webvtt_doc = webvtt.read(str(vtt_path))
    pysubs_srt = pysubs2.SSAFile.from_string(srt_text, format_="srt")

    def webvtt_write() -> str:
        buffer = io.StringIO()
        webvtt_doc.write(buffer)
        return buffer.getvalue()

    def modified_track() -> captionkit.Track:
        return ck_srt.with_cues([cue.with_times(cue.start + 1, cue.end + 1) for cue in ck_srt])

    shifted = modified_track()
    rows: list[tuple[str, Callable[[], Any]]] = [
        ("srt read   captionkit.loads", lambda: captionkit.loads(srt_bytes, "srt")),
        ("srt read   srt.parse", lambda: list(srt.parse(srt_bytes.decode("utf-8")))),
        ("srt read   pysubs2", lambda: pysubs2.SSAFile.from_string(srt_text, format_="srt")),
        ("vtt read   captionkit.loads", lambda: captionkit.loads(vtt_bytes, "vtt")),
        ("vtt read   webvtt-py", lambda: webvtt.read(str(vtt_path))),
        ("vtt read   pysubs2", lambda: pysubs2.SSAFile.from_string(vtt_text, format_="vtt")),
        ("srt write  captionkit (unchanged)", lambda: captionkit.to_bytes(ck_srt)),
        ("srt write  captionkit (all re-timed)", lambda: captionkit.to_bytes(shifted)),
        ("srt write  captionkit (from vtt)", lambda: captionkit.to_bytes(ck_vtt, "srt")),
        ("srt write  srt.compose", lambda: srt.compose(srt_subs).encode("utf-8")),
        ("srt write  pysubs2", lambda: pysubs_srt.to_string("srt").encode("utf-8")),
        ("vtt write  captionkit (unchanged)", lambda: captionkit.to_bytes(ck_vtt)),
        ("vtt write  webvtt-py", webvtt_write),
    ]
    try:
        from captionkit.retime import shift as retime_shift  # type: ignore[attr-defined]

        rows.append(("retime     captionkit shift +1s", lambda: retime_shift(ck_srt, 1000)))
    except ImportError:
        pass

    # Rounds run every operation once, in turn, so that a busy machine slows
    # all of them alike; each operation keeps its best time.
    times = {name: float("inf") for name, _ in rows}
    for _ in range(options.repeat):
        for name, function in rows:
            times[name] = min(times[name], best_time(function, 1))
    print(
        f"{options.cues:,} cues: SubRip {len(srt_bytes) / 2**20:.1f} MiB, "
        f"WebVTT {len(vtt_bytes) / 2**20:.1f} MiB; best of {options.repeat} interleaved rounds"
    )
    print(f"{'operation':40} {'seconds':>8} {'peak MiB':>9}")
    for name, function in rows:
        memory = "" if options.no_memory else f"{peak_memory(function):9.1f}"
        print(f"{name:40} {times[name]:8.3f} {memory}")

    def ratio(slow: str, fast: str) -> float:
        return times[slow] / times[fast]

    print()
    checks = [
        (
            "SubRip read vs srt.parse",
            ratio("srt read   srt.parse", "srt read   captionkit.loads"),
            1.5,
        ),
        (
            "WebVTT read vs webvtt-py",
            ratio("vtt read   webvtt-py", "vtt read   captionkit.loads"),
            3.0,
        ),
        (
            "SubRip write (unchanged) vs srt.compose",
            ratio("srt write  srt.compose", "srt write  captionkit (unchanged)"),
            1.0,
        ),
        (
            "SubRip write (all re-timed) vs srt.compose",
            ratio("srt write  srt.compose", "srt write  captionkit (all re-timed)"),
            1.0,
        ),
        (
            "SubRip write (from WebVTT) vs srt.compose",
            ratio("srt write  srt.compose", "srt write  captionkit (from vtt)"),
            1.0,
        ),
    ]
    for label, value, target in checks:
        verdict = "ok" if value >= target else "MISSED"
        print(f"{label:45} {value:5.2f}x  (target >= {target}x) {verdict}")
    if "retime     captionkit shift +1s" in times:
        read_write = (
            times["srt read   captionkit.loads"] + times["srt write  captionkit (all re-timed)"]
        )
        value = (times["retime     captionkit shift +1s"] + read_write) / read_write
        print(f"{'retime (read+shift+write) / (read+write)':45} {value:5.2f}x  (target <= 1.5x)")


if __name__ == "__main__":
    main()
