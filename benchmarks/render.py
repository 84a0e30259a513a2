"""Rendering: the RTL evidence table, the three-engine pictures, and speed.

    python benchmarks/render.py evidence          # the README's decision table
    python benchmarks/render.py engines OUT_DIR   # one cue drawn by raqm, libass, Chromium
    python benchmarks/render.py speed             # libass preview frame; 2-minute 1080p burn

Speed goals (issue 13): one libass preview frame in under 1 s; burning a
2-minute 1080p video at least at real time with the default preset.
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

from captionkit.render import libass, raqm
from captionkit.render.browser import BrowserRenderer, BrowserStyle
from captionkit.render.evidence import (
    SRT_DEFAULT_RTL_MODE,
    apply_variant,
    decide,
    detail_table,
    observe,
    summary_table,
)
from captionkit.render.fonts import resolve_font
from captionkit.render.pixels import locate_trailing_punctuation
from captionkit.render.size import Size

CUE_LINES = (("قدّم فريق Python عرضاً (مدته 45 دقيقة)", ""), ("وحضره أكثر من 300 شخص", "."))


def evidence() -> None:
    font = resolve_font()
    size = Size(1280, 720)
    started = time.perf_counter()
    table = observe(
        "libass",
        lambda texts: libass.render_texts(texts, size, font, libass.LibassStyle(font_size=0.08)),
        locate_trailing_punctuation,  # type: ignore[arg-type]
    )
    with BrowserRenderer(font, BrowserStyle(font_size=0.08)) as browser:
        table += observe(
            "browser",
            lambda texts: browser.render_texts(texts, size),
            locate_trailing_punctuation,  # type: ignore[arg-type]
        )
    took = time.perf_counter() - started
    print(summary_table(table))
    print()
    print(detail_table(table))
    print()
    print(f"decided: {decide(table)} (SRT_DEFAULT_RTL_MODE = {SRT_DEFAULT_RTL_MODE!r})")
    print(f"{len(table) * 2} renders in {took:.1f} s")


def engines(folder: Path) -> None:
    font = resolve_font()
    size = Size(1280, 720)
    plain = "\n".join(body + end for body, end in CUE_LINES)
    srt = "\n".join(apply_variant(body, end, SRT_DEFAULT_RTL_MODE) for body, end in CUE_LINES)  # type: ignore[arg-type]
    folder.mkdir(parents=True, exist_ok=True)
    raqm.render_text(plain, size, font).save(folder / "cue-raqm.png")
    libass.render_texts([srt], size, font)[0].save(folder / "cue-libass.png")
    libass.render_texts([plain], size, font)[0].save(folder / "cue-libass-none.png")
    with BrowserRenderer(font) as browser:
        browser.render_texts([plain], size)[0].save(folder / "cue-browser.png")
    print(f"wrote cue-raqm.png, cue-libass.png, cue-libass-none.png, cue-browser.png in {folder}")


def speed() -> None:
    from typer.testing import CliRunner

    from captionkit.cli import app
    from captionkit.render import burn

    font = resolve_font()
    times = []
    with tempfile.TemporaryDirectory() as folder:
        subs = Path(folder) / "cue.srt"
        text = "\n".join(apply_variant(b, e, SRT_DEFAULT_RTL_MODE) for b, e in CUE_LINES)  # type: ignore[arg-type]
        subs.write_text(f"1\n00:00:01,000 --> 00:00:04,000\n{text}\n", encoding="utf-8")
        frame = Path(folder) / "frame.png"
        arguments = ["preview", str(subs), "--at", "2s", "-o", str(frame), "--size", "1920x1080"]
        for _ in range(5):
            started = time.perf_counter()
            result = CliRunner().invoke(app, arguments)
            times.append(time.perf_counter() - started)
            assert result.exit_code == 0, result.output
    print(
        f"captionkit preview --engine libass, one 1920x1080 frame to PNG: median "
        f"{statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}; goal < 1 s)"
    )
    with tempfile.TemporaryDirectory() as folder:
        video = Path(folder) / "in.mp4"
        subs = Path(folder) / "subs.srt"
        burn.make_test_video(video, Size(1920, 1080), seconds=120, moving=True)
        subs.write_text(burn.sample_srt(120_000), encoding="utf-8")
        cpu_before = _children_cpu()
        started = time.perf_counter()
        burn.burn(video, subs, Path(folder) / "out.mp4", font=font)
        took = time.perf_counter() - started
        cpu = _children_cpu() - cpu_before
    cores = os.cpu_count() or 1
    print(
        f"burn 120 s of 1920x1080 30 fps moving test pattern (preset {burn.DEFAULT_PRESET}): "
        f"wall {took:.1f} s = {120 / took:.2f}x real time; ffmpeg CPU {cpu:.1f} s, "
        f"= {120 / (cpu / cores):.2f}x real time on {cores} idle cores "
        f"(load average {os.getloadavg()[0]:.1f} during the run; goal >= 1x)"
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "speed"
    if command == "evidence":
        evidence()
    elif command == "engines":
        engines(Path(sys.argv[2] if len(sys.argv) > 2 else "fixtures/render/engines"))
    else:
        speed()
