"""Subtitle sync to real audio: captionkit's ``sync_track`` against ffsubsync, one run.

Real audio: the recordings of ``../shared/corpus/word-timestamps`` (Catalan,
German, French, English, Japanese; see its SOURCES.md) joined one after the
other with a second of silence between them (about 3.5 minutes). The subtitles:
each recognizer segment is a cue, at the recognizer's times on the joined
timeline: those times are the truth each tool must recover.

Three damaged copies of the subtitles:

* ``shifted``: every cue 3.7 s late;
* ``drifted``: timed for 23.976 fps and played at 25 (every time x 25/23.976), plus 1.2 s;
* ``ad break``: the audio gets 30 s of music inserted between two recordings,
  the subtitles stay as they were (every cue after the break is 30 s early).

captionkit runs with its default (cues start at the voice), or with ``--lead MS``.

Reported: the share of cues whose start is within 100 ms (and 300 ms) of the
truth after sync, for captionkit (``captionkit.audio.sync_track``) and ffsubsync (installed
by this script into its own venv, ``../venvs/ffsubsync`` or ``$FFSUBSYNC_VENV``;
skipped with a message when it cannot be installed); and how the truth itself
sits on the voice: its starts against the nearest onset of the detector's speech
regions (which captionkit lays the cue starts on), within 300 ms. ``--cues``
lists every cue: its error after sync and that onset's distance from the truth.

Run: ``python benchmarks/retime_audio.py`` (``--json``, ``--cues``, ``--lead MS``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import srt

from captionkit.audio import sync_track
from captionkit.audio.decode import ffmpeg_exe, read, write_wav
from captionkit.audio.simulate import music
from captionkit.audio.tts import TARGET_RATE
from captionkit.model import Cue, Track

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CAPTIONKIT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "word-timestamps"
WT = "whisper-timestamped/tests"
CT = "whisper-ctranslate2/e2e-tests"
RECORDINGS = (
    (f"{CT}/gossos.mp3", f"{CT}/ref-small-transcribe-word-stamps/gossos.json"),
    (f"{WT}/data/gaenswein15.mp3", f"{WT}/expected/medium_auto/gaenswein15.mp3.words.json"),
    (f"{WT}/data/apollo11.mp3", f"{WT}/expected/corner_cases/large_apollo11.mp3.words.json"),
    (
        f"{WT}/data/bonjour_vous_allez_bien.mp3",
        f"{WT}/expected/medium_fr/bonjour_vous_allez_bien.mp3.words.json",
    ),
    (f"{CT}/dosparlants.mp3", f"{CT}/ref-medium-diarization/dosparlants.json"),
    (f"{WT}/data/japanese.mp3", f"{WT}/expected/tiny_auto/accurate_japanese.mp3.words.json"),
    (f"{WT}/data/punctuations.mp3", f"{WT}/expected/medium_auto/punctuations.mp3.words.json"),
)
#: How far (ms) from a truth start a detector onset counts as its voice's.
REACH_MS = 300
VENV = Path(os.environ.get("FFSUBSYNC_VENV", ROOT.parent.parent / "venvs" / "ffsubsync"))


def joined() -> tuple[np.ndarray, list[tuple[int, int]], list[int]]:
    """The recordings joined, the cue times on the joined timeline, and where each recording starts."""
    parts: list[np.ndarray] = []
    cues: list[tuple[int, int]] = []
    starts: list[int] = []
    offset = 0
    for audio, expected in RECORDINGS:
        samples = read(CORPUS / audio)
        data = json.loads((CORPUS / expected).read_text(encoding="utf-8"))
        starts.append(offset)
        for segment in data["segments"]:
            cues.append(
                (offset + round(segment["start"] * 1000), offset + round(segment["end"] * 1000))
            )
        parts.append(samples)
        parts.append(np.zeros(TARGET_RATE, np.float32))
        offset += (len(samples) + TARGET_RATE) * 1000 // TARGET_RATE
    return np.concatenate(parts), cues, starts


def write_srt(path: Path, times: list[tuple[int, int]]) -> None:
    subtitles = [
        srt.Subtitle(
            i + 1,
            srt.timedelta(milliseconds=a),
            srt.timedelta(milliseconds=max(b, a + 1)),
            f"cue {i + 1}",
        )
        for i, (a, b) in enumerate(times)
    ]
    path.write_text(srt.compose(subtitles), encoding="utf-8")


def read_srt(path: Path) -> list[tuple[int, int]]:
    found = sorted(srt.parse(path.read_text(encoding="utf-8")), key=lambda s: s.index)
    return [
        (round(s.start.total_seconds() * 1000), round(s.end.total_seconds() * 1000)) for s in found
    ]


def ffsubsync() -> Path | None:
    """The ffsubsync program in its own venv, installed on first use; None when it cannot be."""
    program = VENV / "bin" / "ffsubsync"
    if program.exists():
        return program
    try:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True, capture_output=True)
        subprocess.run(
            [str(VENV / "bin" / "pip"), "install", "-q", "ffsubsync"],
            check=True,
            capture_output=True,
        )
    except (subprocess.CalledProcessError, OSError) as error:
        print(f"ffsubsync skipped: it could not be installed ({error})")
        return None
    return program if program.exists() else None


def onset_distances(
    truth: list[tuple[int, int]], speech: tuple[tuple[int, int], ...]
) -> list[int | None]:
    """Nearest detector onset minus each truth start (ms), None when none is within REACH_MS."""
    onsets = [start for start, _ in speech]
    found: list[int | None] = []
    for start, _ in truth:
        nearest = min(onsets, key=lambda onset: abs(onset - start), default=None)
        ok = nearest is not None and abs(nearest - start) <= REACH_MS
        found.append(nearest - start if ok and nearest is not None else None)
    return found


def print_cues(
    case: str, found: list[tuple[int, int]], truth: list[tuple[int, int]], onset: list[int | None]
) -> None:
    for index, ((start, _), (expected, _), distance) in enumerate(
        zip(found, truth, onset, strict=True)
    ):
        print(
            f"  {case} cue {index + 1:2}: truth {expected:7} ms, synced {start - expected:+5} ms,"
            f" voice onset {'-' if distance is None else f'{distance:+5} ms'}"
        )


def within(found: list[tuple[int, int]], truth: list[tuple[int, int]], ms: int = 100) -> float:
    if len(found) != len(truth):
        return 0.0
    return float(np.mean([abs(a[0] - b[0]) <= ms for a, b in zip(found, truth, strict=True)]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--cues", action="store_true", help="every cue's error and voice onset")
    parser.add_argument("--lead", type=int, default=0, help="sync_track's lead_ms")
    options = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    program = ffsubsync()
    samples, truth, starts = joined()
    ratio = 25 / (24000 / 1001)
    middle = starts[len(starts) // 2] * TARGET_RATE // 1000 - TARGET_RATE // 2
    advert = 0.3 * music(30 * TARGET_RATE, seed=9)
    with_break = np.concatenate([samples[:middle], advert, samples[middle:]])
    break_ms = middle * 1000 // TARGET_RATE
    cases = {
        "shifted": (samples, [(a + 3700, b + 3700) for a, b in truth], truth),
        "drifted": (
            samples,
            [(round(a / ratio) + 1200, round(b / ratio) + 1200) for a, b in truth],
            truth,
        ),
        "ad break": (
            with_break,
            truth,
            [
                (a + (30_000 if a >= break_ms else 0), b + (30_000 if a >= break_ms else 0))
                for a, b in truth
            ],
        ),
    }
    rows = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        tools = folder / "bin"
        tools.mkdir()
        (tools / "ffmpeg").symlink_to(ffmpeg_exe())
        for case, (audio, damaged, expected) in cases.items():
            wav = folder / f"{case}.wav"
            write_wav(wav, audio)
            given = folder / f"{case}.srt"
            write_srt(given, damaged)
            track = Track.from_cues([Cue(start=a, end=b, text="x") for a, b in damaged])
            started = time.perf_counter()
            result = sync_track(track, wav, lead_ms=options.lead)
            ours_s = time.perf_counter() - started
            onset = onset_distances(expected, result.speech)
            near = [distance for distance in onset if distance is not None]
            spread = [float(np.percentile(near, q)) for q in (10, 50, 90)] if near else None
            row: dict[str, object] = {
                "case": case,
                "cues": len(truth),
                "before": round(within(damaged, expected), 3),
                "captionkit": round(within(list(result.times), expected), 3),
                "captionkit_300ms": round(within(list(result.times), expected, 300), 3),
                "truth_on_onset": len(near),
                "truth_onset_p10_p50_p90_ms": spread,
                "captionkit_s": round(ours_s, 1),
                "captionkit_pieces": len(result.pieces),
            }
            if program is not None:
                out = folder / f"{case}.synced.srt"
                started = time.perf_counter()
                done = subprocess.run(
                    [
                        str(program),
                        str(wav),
                        "-i",
                        str(given),
                        "-o",
                        str(out),
                        "--ffmpeg-path",
                        str(tools),
                    ],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                row["ffsubsync_s"] = round(time.perf_counter() - started, 1)
                synced = read_srt(out) if done.returncode == 0 and out.exists() else None
                row["ffsubsync"] = None if synced is None else round(within(synced, expected), 3)
                row["ffsubsync_300ms"] = (
                    None if synced is None else round(within(synced, expected, 300), 3)
                )
            rows.append(row)
            if not options.json:
                theirs = row.get("ffsubsync")
                theirs_300 = row.get("ffsubsync_300ms")
                print(
                    f"{case:9} {row['cues']} cues within 100 ms (300 ms): before {row['before']:.0%},"
                    f" captionkit {row['captionkit']:.0%} ({row['captionkit_300ms']:.0%})"
                    f" [{row['captionkit_s']} s, {row['captionkit_pieces']} pieces],"
                    f" ffsubsync {'-' if theirs is None else f'{theirs:.0%}'}"
                    f" ({'-' if theirs_300 is None else f'{theirs_300:.0%}'})"
                    f" [{row.get('ffsubsync_s', '-')} s]",
                    flush=True,
                )
                if spread is not None:
                    print(
                        f"{'':9} truth: {len(near)} starts with a voice onset within {REACH_MS} ms,"
                        f" onset - start median {spread[1]:+.0f} ms"
                        f" (p10 {spread[0]:+.0f}, p90 {spread[2]:+.0f})"
                    )
                if options.cues:
                    print_cues(case, list(result.times), expected, onset)
    if options.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
