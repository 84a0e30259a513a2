"""Speed of ``check``: a 100,000-cue Arabic SubRip file, read time and check time apart.

The file mixes what real files hold: one and two-line cues, tags, the one-RLE-per-line
convention, the visual-punctuation workaround, Latin punctuation, long lines and short
gaps, so that most rules find something. Target (issue 12): checking takes at most
2 s on top of the read. Best of ``--repeat`` runs.

Two sets of texts: the cue texts of the corpus's RTL files (Tor animation ar/fa/he and
the Persian film, cycled) and a stress set where most rules fire on most cues. Wall-clock
and CPU time are both printed: the machine may be shared.

Run: ``python benchmarks/check.py [--cues 100000] [--repeat 3] [--profile-rules]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from captionkit.check import all_rules, check_track, cue_views  # noqa: E402
from captionkit.check.model import Context, CueView, Rule  # noqa: E402
from captionkit.formats import loads  # noqa: E402
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
    shared = ROOT.parent / "shared" / "corpus"
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


def _run_rule(rule: Rule, views: list[CueView], context: Context) -> None:
    list(rule.check(views, context))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cues", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile-rules", action="store_true", help="time each rule alone")
    args = parser.parse_args()
    profile = load_profile("arabic")
    for label, texts in (("real RTL cue texts", real_texts()), ("stress set", TEXTS)):
        data = build(args.cues, texts)
        read_wall, read_cpu = best(lambda data=data: loads(data, "srt", file="b.srt"), args.repeat)
        track = loads(data, "srt", file="bench.srt")
        findings = check_track(track, profile)
        wall, cpu = best(lambda track=track: check_track(track, profile), args.repeat)
        print(f"{label}: {len(track)} cues, {len(data) / 1e6:.1f} MB, {len(findings)} findings")
        print(f"  read:  {read_wall:.2f} s wall, {read_cpu:.2f} s CPU")
        print(f"  check: {wall:.2f} s wall, {cpu:.2f} s CPU (target <= 2 s on top of the read)")
        if args.profile_rules:
            views = cue_views(track)
            context = Context(profile, track.format)
            for rule in all_rules():
                _, seconds = best(partial(_run_rule, rule, views, context), 1)
                print(f"    {rule.id:<26} {seconds:.3f} s CPU")


if __name__ == "__main__":
    main()
