"""Read and write speed of captionkit against srt, webvtt-py and pysubs2, in one run.

Generates a 100,000-cue Arabic SubRip file and the same in WebVTT, then times
reading and writing with each library and measures each operation's peak
memory (tracemalloc, in a separate pass, since tracing slows everything down).

Every operation runs in a fresh Python process of its own, which builds its
input first (untimed) and keeps the best of ``--repeat`` runs. A shared process
would let one library's live objects slow another's garbage collection and
make the comparison unfair in either direction. Rounds interleave the
operations, so a busy machine slows all of them alike.

Targets (printed with the ratios):

- SubRip read at least 1.5x faster than ``srt.parse``;
- WebVTT read at least 3x faster than webvtt-py;
- writes no slower than ``srt.compose``;
- re-timing 100,000 cues (read, shift, write) at most 1.5x reading and writing them;
- ASS read of the same 100,000 cues at least as fast as pysubs2;
- TTML read of a 10,000-cue document at least as fast as ttconv (its IMSC reader,
  ``ttconv.imsc.reader.to_model`` over ElementTree, as its own tools read TTML).

Run: ``python benchmarks/io.py [--cues N] [--repeat R] [--no-memory]``.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # measure this checkout, whatever is installed

import captionkit  # noqa: E402
from captionkit.timecode import format_srt_time, format_vtt_time  # noqa: E402

WORDS = (
    "في عام ألف وتسعمئة وثمانية وأربعين بدأت العلاقات بين البلدين تتشكل على نحو "
    "واسع وسط تحولات كبيرة شهدها العالم بعد الحرب العالمية الثانية وما تلاها من أحداث"
).split()

OPERATIONS = [
    "srt read   captionkit.loads",
    "srt read   srt.parse",
    "srt read   pysubs2",
    "vtt read   captionkit.loads",
    "vtt read   webvtt-py",
    "vtt read   pysubs2",
    "srt write  captionkit (unchanged)",
    "srt write  captionkit (all re-timed)",
    "srt write  captionkit (from vtt)",
    "srt write  srt.compose",
    "srt write  pysubs2",
    "vtt write  captionkit (unchanged)",
    "vtt write  webvtt-py",
    "retime     captionkit shift +1s",
    "retime     read + shift + write",
    "retime     read + write",
    "ass read   captionkit.loads",
    "ass read   pysubs2",
    "ttml read  captionkit.loads",
    "ttml read  ttconv",
]

TTML_CUES = 10_000


def arabic_line(number: int, width: int) -> str:
    start = (number * 7) % len(WORDS)
    words = [WORDS[(start + k) % len(WORDS)] for k in range(width)]
    return " ".join(words)


def make_ass_and_ttml(count: int) -> tuple[str, str]:
    """The same cues as an ASS script (``count`` events) and a TTML document (``TTML_CUES``)."""
    from captionkit.formats.ass import default_header, format_ass_time

    events = [default_header()]
    paragraphs = []
    for index in range(count):
        start = index * 3000
        end = start + 2500
        if index % 3 == 0:
            text = arabic_line(index, 6) + "\\N" + arabic_line(index + 1, 5)
        else:
            text = arabic_line(index, 7)
        events.append(
            f"Dialogue: 0,{format_ass_time(start)},{format_ass_time(end)},Default,,0,0,0,,{text}\n"
        )
        if index < TTML_CUES:
            body = text.replace("\\N", "<br/>")
            paragraphs.append(
                f'      <p xml:id="c{index + 1}" begin="{format_vtt_time(start)}" '
                f'end="{format_vtt_time(end)}">{body}</p>\n'
            )
    ttml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" '
        'xml:lang="ar">\n  <head>\n    <styling>\n      <style xml:id="s" tts:direction="rtl" '
        'tts:unicodeBidi="embed"/>\n    </styling>\n  </head>\n  <body style="s">\n    <div>\n'
        + "".join(paragraphs)
        + "    </div>\n  </body>\n</tt>\n"
    )
    return "".join(events), ttml


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


def operation(name: str, folder: Path) -> Callable[[], Any]:
    """The function to time for one operation, its input built beforehand."""
    srt_path, vtt_path = folder / "big.srt", folder / "big.vtt"
    srt_bytes, vtt_bytes = srt_path.read_bytes(), vtt_path.read_bytes()
    srt_text = srt_bytes.decode("utf-8")
    if name == "srt read   captionkit.loads":
        return lambda: captionkit.loads(srt_bytes, "srt")
    if name == "srt read   srt.parse":
        import srt

        return lambda: list(srt.parse(srt_bytes.decode("utf-8")))
    if name == "srt read   pysubs2":
        import pysubs2

        return lambda: pysubs2.SSAFile.from_string(srt_bytes.decode("utf-8"), format_="srt")
    if name == "vtt read   captionkit.loads":
        return lambda: captionkit.loads(vtt_bytes, "vtt")
    if name == "vtt read   webvtt-py":
        import webvtt

        return lambda: webvtt.read(str(vtt_path))
    if name == "vtt read   pysubs2":
        import pysubs2

        return lambda: pysubs2.SSAFile.from_string(vtt_bytes.decode("utf-8"), format_="vtt")
    if name == "srt write  captionkit (unchanged)":
        track = captionkit.loads(srt_bytes, "srt")
        return lambda: captionkit.to_bytes(track)
    if name == "srt write  captionkit (all re-timed)":
        track = captionkit.loads(srt_bytes, "srt")
        shifted = track.with_cues([cue.with_times(cue.start + 1, cue.end + 1) for cue in track])
        return lambda: captionkit.to_bytes(shifted)
    if name == "srt write  captionkit (from vtt)":
        track = captionkit.loads(vtt_bytes, "vtt")
        return lambda: captionkit.to_bytes(track, "srt")
    if name == "srt write  srt.compose":
        import srt

        subtitles = list(srt.parse(srt_text))
        return lambda: srt.compose(subtitles).encode("utf-8")
    if name == "srt write  pysubs2":
        import pysubs2

        document = pysubs2.SSAFile.from_string(srt_text, format_="srt")
        return lambda: document.to_string("srt").encode("utf-8")
    if name == "vtt write  captionkit (unchanged)":
        track = captionkit.loads(vtt_bytes, "vtt")
        return lambda: captionkit.to_bytes(track)
    if name == "vtt write  webvtt-py":
        import webvtt

        captions = webvtt.read(str(vtt_path))

        def write() -> str:
            buffer = io.StringIO()
            captions.write(buffer)
            return buffer.getvalue()

        return write
    if name.startswith(("ass ", "ttml ")):
        ass_bytes = (folder / "big.ass").read_bytes()
        ttml_bytes = (folder / "big.ttml").read_bytes()
        if name == "ass read   captionkit.loads":
            return lambda: captionkit.loads(ass_bytes, "ass")
        if name == "ass read   pysubs2":
            import pysubs2

            return lambda: pysubs2.SSAFile.from_string(ass_bytes.decode("utf-8"), format_="ass")
        if name == "ttml read  captionkit.loads":
            return lambda: captionkit.loads(ttml_bytes, "ttml")
        if name == "ttml read  ttconv":
            import logging
            import xml.etree.ElementTree as ElementTree

            from ttconv.imsc import reader

            logging.disable(logging.CRITICAL)
            return lambda: reader.to_model(ElementTree.parse(io.BytesIO(ttml_bytes)))
    from captionkit.retime import shift

    if name == "retime     captionkit shift +1s":
        track = captionkit.loads(srt_bytes, "srt")
        return lambda: shift(track, 1000)
    if name == "retime     read + shift + write":
        return lambda: captionkit.to_bytes(shift(captionkit.loads(srt_bytes, "srt"), 1000))
    if name == "retime     read + write":
        return lambda: captionkit.to_bytes(captionkit.loads(srt_bytes, "srt"))
    raise SystemExit(f"unknown operation {name!r}")


def child(name: str, folder: Path, repeat: int, memory: bool) -> None:
    """Time one operation in this fresh process; print JSON {seconds, peak}."""
    function = operation(name, folder)
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        began = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - began)
        del result
    peak = 0.0
    if memory:
        gc.collect()
        tracemalloc.start()
        result = function()
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        del result
    print(json.dumps({"seconds": best, "peak": peak}))


def run_child(name: str, folder: Path, repeat: int, memory: bool) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", name, "--folder", str(folder)]
    command += ["--repeat", str(repeat)] + (["--memory"] if memory else [])
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cues", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5, help="rounds (fresh processes each)")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(options.child, Path(options.folder), options.repeat, options.memory)
        return

    folder = Path(tempfile.mkdtemp())
    srt_text, vtt_text = make_texts(options.cues)
    (folder / "big.srt").write_text(srt_text, "utf-8")
    (folder / "big.vtt").write_text(vtt_text, "utf-8")
    ass_text, ttml_text = make_ass_and_ttml(options.cues)
    (folder / "big.ass").write_text(ass_text, "utf-8")
    (folder / "big.ttml").write_text(ttml_text, "utf-8")

    times = {name: float("inf") for name in OPERATIONS}
    peaks = {name: 0.0 for name in OPERATIONS}
    for _ in range(options.repeat):
        for name in OPERATIONS:
            measured = run_child(name, folder, 2, False)
            times[name] = min(times[name], measured["seconds"])
    if not options.no_memory:
        for name in OPERATIONS:
            peaks[name] = run_child(name, folder, 1, True)["peak"]

    print(
        f"{options.cues:,} cues: SubRip {len(srt_text.encode()) / 2**20:.1f} MiB, "
        f"WebVTT {len(vtt_text.encode()) / 2**20:.1f} MiB; each operation in fresh processes, "
        f"best of {options.repeat} rounds x 2 runs"
    )
    print(f"{'operation':40} {'seconds':>8} {'peak MiB':>9}")
    for name in OPERATIONS:
        memory = "" if options.no_memory else f"{peaks[name]:9.1f}"
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
    checks += [
        ("ASS read vs pysubs2", ratio("ass read   pysubs2", "ass read   captionkit.loads"), 1.0),
        (
            f"TTML read ({TTML_CUES:,} cues) vs ttconv",
            ratio("ttml read  ttconv", "ttml read  captionkit.loads"),
            1.0,
        ),
    ]
    for label, value, target in checks:
        verdict = "ok" if value >= target else "MISSED"
        print(f"{label:45} {value:5.2f}x  (target >= {target}x) {verdict}")
    value = ratio("retime     read + shift + write", "retime     read + write")
    verdict = "ok" if value <= 1.5 else "MISSED"
    print(
        f"{'retime: (read+shift+write) / (read+write)':45} {value:5.2f}x  (target <= 1.5x) {verdict}"
    )


if __name__ == "__main__":
    main()
