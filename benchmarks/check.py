"""Speed of ``check``: the whole command against ``check_track`` alone, for every output format.

A 100,000-cue Arabic SubRip file (the stress set: one and two-line cues, tags, the
one-RLE-per-line convention, the visual-punctuation workaround, Latin punctuation,
long lines and short gaps, so that most rules fire on most cues: about 200,000
findings). The library time is ``check_track`` on a track already read; the command
time is a whole ``captionkit check FILE --output-format F > /dev/null`` process
(start-up, reading, checking, formatting, writing). Target (issue 18): the command
within 2x of ``check_track`` alone, for every format. Best of ``--repeat`` runs, wall
clock and CPU (the machine may be shared).

Run: ``python benchmarks/check.py [--cues 100000] [--repeat 1] [--profile-rules]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from captionkit.check import all_rules, check_track, track_context  # noqa: E402
from captionkit.check.model import Context, CueView, Rule  # noqa: E402
from captionkit.formats import loads, read  # noqa: E402
from captionkit.profiles import load_profile  # noqa: E402
from captionkit.timecode import format_srt_time  # noqa: E402

TEXTS = [
    "لقد إعتدنا للغاية على استخدام الإنترنت.",
    ".الأماكن التي نذهب إليها، والاشياء التي نقرأ",
    "\u202bثم يمرر إتصالك من خلال ثلاث خوادم\n\u202bيديرها متطوعين حول العالم.",
    "<i>هل أنت بخير?</i>",
    "وصلنا إلى المدينة في\nعام 1948 بعد رحلة طويلة",
    "Tor يحمي خصوصيتنا وهويتنا علي الإنترنت ومن كل من يراقب",
    "- نعم؟\n- لا، لن أذهب.",
    "مرحبا بكم في البيت",
]


def real_texts() -> list[str]:
    """Cue texts of the RTL files of ../shared/corpus (Arabic, Persian, Hebrew), as written."""
    shared = Path(os.environ.get("CAPTIONKIT_SHARED", ROOT.parent / "shared")) / "corpus"
    texts: list[str] = []
    for name in (
        "rtl/tor-animation/ar.srt",
        "rtl/tor-animation/fa.srt",
        "rtl/tor-animation/he.srt",
        "retime/persian-shift/input.srt",
    ):
        path = shared / name
        if path.exists():
            texts.extend(cue.text for cue in loads(path.read_bytes(), file=name).cues)
    return texts or TEXTS


def build(count: int, texts: list[str] = TEXTS) -> bytes:
    parts = []
    start = 1000
    for index in range(count):
        duration = 1500 + (index % 7) * 500
        gap = 40 if index % 5 == 0 else 200
        text = texts[index % len(texts)]
        parts.append(
            f"{index + 1}\r\n{format_srt_time(start)} --> {format_srt_time(start + duration)}"
            f"\r\n{text.replace(chr(10), chr(13) + chr(10))}\r\n"
        )
        start += duration + gap
    return ("\r\n".join(parts)).encode("utf-8")


def best(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall-clock and best CPU time of ``repeat`` runs (the machine may be shared)."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def command(arguments: list[str], repeat: int) -> tuple[float, float]:
    """Best wall-clock and CPU time (user + system, children) of a whole command."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = os.times()
        wall = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "captionkit", *arguments],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        walls.append(time.perf_counter() - wall)
        after = os.times()
        cpus.append(
            after.children_user
            - before.children_user
            + after.children_system
            - before.children_system
        )
    return min(walls), min(cpus)


def _run_rule(rule: Rule, views: list[CueView], context: Context) -> None:
    list(rule.check(views, context))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cues", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile-rules", action="store_true", help="time each rule alone")
    args = parser.parse_args()
    profile = load_profile("arabic")
    data = build(args.cues, TEXTS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.srt"
        path.write_bytes(data)
        read_wall, read_cpu = best(lambda: read(path), args.repeat)
        track = read(path)
        findings = check_track(track, profile)
        wall, cpu = best(lambda: check_track(track, profile), args.repeat)
        print(f"{len(track)} cues, {len(data) / 1e6:.1f} MB, {len(findings)} findings")
        print(f"read alone:        {read_wall:6.2f} s wall {read_cpu:6.2f} s CPU")
        print(f"check_track alone: {wall:6.2f} s wall {cpu:6.2f} s CPU")
        print()
        print(
            "| output | command wall (s) | command CPU (s) | wall / check_track wall "
            "| CPU / check_track CPU |"
        )
        print("|---|---:|---:|---:|---:|")
        runs = [[f] for f in ("concise", "full", "json", "github", "sarif", "junit")]
        runs.append(["concise", "--statistics"])
        for extra in runs:
            arguments = ["check", str(path), "--output-format", *extra]
            command_wall, command_cpu = command(arguments, args.repeat)
            label = " ".join(extra)
            print(
                f"| {label} | {command_wall:.2f} | {command_cpu:.2f} | {command_wall / wall:.2f} "
                f"| {command_cpu / cpu:.2f} |"
            )
        if args.profile_rules:
            context, views = track_context(track, profile)
            for rule in all_rules():
                _, seconds = best(partial(_run_rule, rule, views, context), 1)
                print(f"    {rule.id:<26} {seconds:.3f} s CPU")


if __name__ == "__main__":
    main()
