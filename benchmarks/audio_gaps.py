"""Words a recognizer lost, placed from the audio (``fill_gaps``) or by interpolation.

The Arabic narration of ``audio_arabic.py`` (a voice other than the aligner's,
pink noise at 10 dB, music intro) is "recognized" by a simulated recognizer in
the manner of ``align_accuracy.py``: a per-file onset bias of 50-150 ms, Gaussian
noise (sd 40 ms) on each word, and stretches of 5 to 30 s of speech lost (about
one every two minutes). The lost words are then timed two ways:

* ``fill_gaps``: the recognizer's words kept, the audio aligned inside each lost
  stretch (``captionkit.audio.fill_gaps``);
* ``interpolate``: spread by characters between the known words around the
  stretch (what the aligner does without audio).

Reported: the error of the lost words' starts against the synthesizer's truth,
median and p95. Target (issue 21): median inside lost stretches at most 500 ms.
Synthesized speech is easier than a real narrator.

Run: ``python benchmarks/audio_gaps.py`` (``--json``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audio_arabic import INTRO_S, NARRATORS, sentences

from captionkit.audio import fill_gaps, listen
from captionkit.audio.decode import write_wav
from captionkit.audio.simulate import mix, music, narrate, noise, scale
from captionkit.audio.tts import TARGET_RATE


def recognize(
    starts: list[int], rng: np.random.Generator
) -> tuple[list[tuple[int, int] | None], list[int]]:
    """A simulated recognizer: biased, noisy word times, with stretches lost."""
    bias = rng.uniform(50, 150)
    known: list[tuple[int, int] | None] = []
    for start in starts:
        t = round(start + bias + rng.normal(0, 40))
        known.append((t, t + 200))
    lost: list[int] = []
    total_ms = starts[-1] - starts[0]
    count = max(1, round(total_ms / 120_000))
    for _ in range(count):
        length = rng.uniform(5_000, 30_000)
        begin = rng.uniform(starts[0], starts[-1] - length)
        for i, start in enumerate(starts):
            if begin <= start < begin + length:
                known[i] = None
                lost.append(i)
    return known, sorted(set(lost))


def interpolate(words: list[str], known: list[tuple[int, int] | None], total_ms: int) -> list[int]:
    """Lost words spread by characters between the known words around them."""
    out: list[int] = []
    i = 0
    while i < len(words):
        times = known[i]
        if times is not None:
            out.append(times[0])
            i += 1
            continue
        stop = i
        while stop < len(words) and known[stop] is None:
            stop += 1
        before = known[i - 1][1] if i > 0 and known[i - 1] is not None else 0  # type: ignore[index]
        after_times = known[stop] if stop < len(words) else None
        after = after_times[0] if after_times is not None else total_ms
        lengths = np.array([len(w) + 1 for w in words[i:stop]], dtype=np.float64)
        fractions = np.concatenate([[0.0], np.cumsum(lengths)[:-1]]) / lengths.sum()
        out.extend(round(before + f * (after - before)) for f in fractions)
        i = stop
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for seed, voice in enumerate(NARRATORS):
            script = sentences(seed)
            narration = narrate(script, voice, seed=seed, intro_s=INTRO_S)
            intro = np.zeros(len(narration.samples), np.float32)
            intro[: int(INTRO_S * TARGET_RATE)] = 1.0
            samples = mix(narration.samples, music(len(intro), seed=seed + 1) * intro, 0.0)
            samples = mix(samples, noise(len(samples), seed=seed) * (1 - intro), 10.0)
            path = Path(folder) / "narration.wav"
            write_wav(path, scale(samples))
            heard = listen(path)
            words = list(narration.words)
            truth = np.array(narration.starts_ms)
            known, lost = recognize(list(narration.starts_ms), np.random.default_rng(seed))
            filled = fill_gaps(words, known, heard)
            audio_errors = np.abs(np.array([filled[i].start_ms for i in lost]) - truth[lost])
            guessed = np.array(interpolate(words, known, heard.duration_ms))
            guess_errors = np.abs(guessed[lost] - truth[lost])
            row = {
                "voice": voice.name,
                "lost_words": len(lost),
                "fill_gaps_median_ms": round(float(np.median(audio_errors))),
                "fill_gaps_p95_ms": round(float(np.percentile(audio_errors, 95))),
                "interpolate_median_ms": round(float(np.median(guess_errors))),
                "interpolate_p95_ms": round(float(np.percentile(guess_errors, 95))),
                "missing_reported": sum(1 for i in lost if filled[i].status == "missing"),
            }
            rows.append(row)
            if not options.json:
                print(
                    f"{row['voice']:10} lost words {row['lost_words']:>4}: fill_gaps median"
                    f" {row['fill_gaps_median_ms']:>4} ms p95 {row['fill_gaps_p95_ms']:>5} ms;"
                    f" interpolation median {row['interpolate_median_ms']:>5} ms"
                    f" p95 {row['interpolate_p95_ms']:>5} ms",
                    flush=True,
                )
    if options.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
