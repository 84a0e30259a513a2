"""Speed of ``fix``: the whole command against a read and a write of the same file.

Two 200,000-cue SubRip files (issue 16, "slow paths"): short Arabic cues, and long
two-line Arabic cues, each a quarter typed with the visual-order punctuation workaround
so that ``fix`` has work to do. The baseline is the library reading the file and
writing it back (``read`` + ``to_bytes`` + a file write) in one process; each command
is a whole process: ``fix --dry-run`` (a diff of the changed cues), ``fix --in-place``
and ``fix -o OUT``. Target: within 3x of the read and write. Best of ``--repeat`` runs.

Run: ``python benchmarks/check_fix.py [--cues 200000] [--repeat 1]``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from captionkit.timecode import format_srt_time  # noqa: E402

SHORT = ["مرحبا بكم", ".لقد وصلنا", "نعم", "هل أنت بخير؟"]
LONG = [
    "يحمي تور إتصالك بالإنترنت بثلاث طبقات من التشفير\nثم يمرر إتصالك من خلال ثلاث خوادم حول العالم",
    ".ربما تعيش في بلد قمعي يحاول السيطرة علي الإنترنت\n.أو ربما لا تريد أن تستفيد الشركات من بياناتك",
    "الأماكن التي نذهب إليها، والاشياء التي نقرأ كل يوم\nوكثير من البيانات عنك وعن حياتك الخاصة",
    "متصفح تور يحمي خصوصيتنا وهويتنا علي الإنترنت دائما\nمما يسمح لنا بالتواصل بشكل مجهول تماما",
]

PROGRAM = """
import sys, time
from pathlib import Path
from captionkit.formats import read, to_bytes
start = time.perf_counter()
track = read(sys.argv[1])
Path(sys.argv[2]).write_bytes(to_bytes(track))
"""


def build(count: int, texts: list[str]) -> bytes:
    parts = []
    start = 1000
    for index in range(count):
        text = texts[index % len(texts)]
        parts.append(
            f"{index + 1}\n{format_srt_time(start)} --> {format_srt_time(start + 1500)}\n{text}\n"
        )
        start += 1700
    return "\n".join(parts).encode("utf-8")


def run(arguments: list[str], repeat: int, prepare: object = None) -> float:
    """Best wall-clock time of a whole process."""
    times = []
    for _ in range(repeat):
        if callable(prepare):
            prepare()
        started = time.perf_counter()
        subprocess.run(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cues", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    python = sys.executable
    print("| file | read + write (s) | command | command (s) | ratio |")
    print("|---|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        for label, texts in (("short cues", SHORT), ("long Arabic cues", LONG)):
            source = base / "source.srt"
            source.write_bytes(build(args.cues, texts))
            work = base / "work.srt"
            out = base / "out.srt"

            def restore(source: Path = source, work: Path = work) -> None:
                shutil.copy(source, work)
                for backup in base.glob("work.srt.bak*"):
                    backup.unlink()

            restore()
            baseline = run([python, "-c", PROGRAM, str(work), str(out)], args.repeat)
            commands = {
                "fix --dry-run": ["fix", str(work), "--dry-run"],
                "fix --in-place": ["fix", str(work), "--in-place"],
                "fix -o OUT": ["fix", str(work), "-o", str(out)],
            }
            for name, command in commands.items():
                seconds = run([python, "-m", "captionkit", *command], args.repeat, restore)
                print(
                    f"| {label} ({args.cues:,}, {source.stat().st_size / 1e6:.1f} MB) "
                    f"| {baseline:.2f} | {name} | {seconds:.2f} | {seconds / baseline:.2f} |"
                )


if __name__ == "__main__":
    main()
