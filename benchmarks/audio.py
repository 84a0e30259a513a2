"""Speed of audio alignment: a long narration aligned whole, CPU time, wall time and peak memory.

A 10-minute Arabic narration (the script of ``audio_arabic.py``, read by
``ar+m3`` at rate 160 with pauses, pink noise at 20 dB) is encoded once as AAC
and repeated with ffmpeg's ``-stream_loop`` to 10, 30 and 120 minutes; its words
are repeated as many times. Each size is aligned by ``align_words`` in a fresh
process (so that the peak resident memory is that size's alone), which reports
wall time, CPU time (its own threads and its ffmpeg child) and peak memory.

Targets (issue 21): 120 minutes in at most 60 s wall on this 2-core machine,
peak memory at most 1 GB, growth linear in the length.

Run: ``python benchmarks/audio.py`` (``--sizes 10 30`` to choose, ``--json``).
The machine is shared: run it when it is quiet, and read the CPU time as the
steadier figure.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make_base(folder: Path) -> tuple[Path, Path]:
    """The 10-minute narration as AAC, and its words (one a line)."""
    sys.path.insert(0, str(HERE))
    from audio_arabic import sentences

    from captionkit.audio.decode import ffmpeg_exe, write_wav
    from captionkit.audio.simulate import mix, narrate, noise, scale
    from captionkit.audio.tts import TARGET_RATE, Voice

    script = sentences(0, passes=2)
    narration = narrate(script, Voice("ar+m3", rate=160, pitch=40), seed=0, intro_s=2.0)
    limit = 600 * TARGET_RATE
    samples = mix(narration.samples, noise(len(narration.samples)), 20.0)[:limit]
    words = [w for w, t in zip(narration.words, narration.starts_ms, strict=True) if t < 598_000]
    wav = folder / "ten.wav"
    write_wav(wav, scale(samples))
    aac = folder / "ten.m4a"
    subprocess.run(
        [ffmpeg_exe(), "-v", "error", "-y", "-i", str(wav), "-c:a", "aac", "-b:a", "64k", str(aac)],
        check=True,
    )
    listing = folder / "words.txt"
    listing.write_text("\n".join(words), encoding="utf-8")
    return aac, listing


def make_long(base: Path, minutes: int, folder: Path) -> Path:
    from captionkit.audio.decode import ffmpeg_exe

    out = folder / f"long-{minutes}.m4a"
    repeats = minutes // 10
    subprocess.run(
        [
            ffmpeg_exe(),
            "-v",
            "error",
            "-y",
            "-stream_loop",
            str(repeats - 1),
            "-i",
            str(base),
            "-c",
            "copy",
            str(out),
        ],
        check=True,
    )
    return out


def child(audio: str, listing: str, repeats: int) -> None:
    """Align one file and print the figures as JSON (run in a fresh process)."""
    from captionkit.audio import align_words

    words = Path(listing).read_text(encoding="utf-8").split("\n") * repeats
    wall = time.perf_counter()
    alignment = align_words(words, audio, language="ar")
    wall = time.perf_counter() - wall
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        json.dumps(
            {
                "wall_s": round(wall, 1),
                "cpu_s": round(own.ru_utime + own.ru_stime, 1),
                "ffmpeg_cpu_s": round(kids.ru_utime + kids.ru_stime, 1),
                "peak_mb": round(own.ru_maxrss / 1024),
                "words": len(words),
                "aligned": len(alignment.aligned),
                "audio_min": round(alignment.duration_ms / 60000, 1),
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 30, 120])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--make", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.make:
        make_base(Path(options.make))
        return 0
    if options.child:
        child(options.child[0], options.child[1], int(options.child[2]))
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        # made in a process of its own: Linux keeps a process's peak memory
        # across fork and exec, and the children must not inherit this one's
        subprocess.run([sys.executable, __file__, "--make", str(folder)], check=True)
        base, listing = folder / "ten.m4a", folder / "words.txt"
        for minutes in options.sizes:
            audio = make_long(base, minutes, folder)
            result = subprocess.run(
                [sys.executable, __file__, "--child", str(audio), str(listing), str(minutes // 10)],
                capture_output=True,
                text=True,
                check=True,
            )
            row = {"minutes": minutes, **json.loads(result.stdout.strip().splitlines()[-1])}
            rows.append(row)
            if not options.json:
                print(
                    f"{minutes:>4} min: wall {row['wall_s']:>6} s  cpu {row['cpu_s']:>6} s"
                    f" (+ ffmpeg {row['ffmpeg_cpu_s']} s)  peak {row['peak_mb']} MB"
                    f"  {row['aligned']}/{row['words']} words aligned"
                    f"  wall per audio minute {row['wall_s'] / minutes:.2f} s",
                    flush=True,
                )
    if options.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
