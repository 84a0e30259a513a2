"""Audio alignment of Arabic narration, on synthesized narrators with a known truth.

The script (``benchmarks/audio_arabic_script.txt``, 45 news sentences written for
this benchmark, 637 words) is read three times in three shuffled orders (about
11 minutes a narration) by eSpeak NG voices and settings *other* than the
aligner's (which speaks ``ar`` at rate 175, pitch 50): variants ``m3``, ``f2``
and ``klatt2`` at rates -25% to +20% and pitches 35 to 70. Sentences are joined
by random pauses of 0.1-1.5 s after an 8 s intro of music with no speech, then
mixed with a pink-noise or music bed at 20, 10 and 5 dB SNR, and with room
reverberation (RT60 0.5 s). The truth is the narrator's own word events.

Cues are the script's sentences cut into runs of 7 words; a cue's start error
is its first word's. The speech-rate model (the baseline) spreads the words by
characters over the span from the first to the last speech the voice-activity
detector found, as a timing without audio alignment would.

Synthesized speech is easier than a real narrator: one engine's formants, no
hesitations, no breathing, exact pronunciation of the script.

Run: ``python benchmarks/audio_arabic.py`` (``--quick`` for one voice and three
conditions, ``--json`` for a document).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from captionkit.audio import align_heard, listen
from captionkit.audio.decode import write_wav
from captionkit.audio.simulate import mix, music, narrate, noise, reverb, scale
from captionkit.audio.tts import TARGET_RATE, Voice

SCRIPT = Path(__file__).with_name("audio_arabic_script.txt")
NARRATORS = (
    Voice("ar+m3", rate=131, pitch=35),
    Voice("ar+f2", rate=210, pitch=70),
    Voice("ar+klatt2", rate=160, pitch=60),
)
CONDITIONS = (
    ("clean", None, None, False),
    ("noise 20 dB", "pink", 20.0, False),
    ("noise 10 dB", "pink", 10.0, False),
    ("noise 5 dB", "pink", 5.0, False),
    ("music 10 dB", "music", 10.0, False),
    ("music 5 dB", "music", 5.0, False),
    ("reverb + noise 10 dB", "pink", 10.0, True),
)
CUE_WORDS = 7
INTRO_S = 8.0


def sentences(seed: int, passes: int = 3) -> list[list[str]]:
    lines = [
        line.split() for line in SCRIPT.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    rng = np.random.default_rng(seed)
    out: list[list[str]] = []
    for _ in range(passes):
        order = rng.permutation(len(lines))
        out.extend(lines[i] for i in order)
    return out


def cue_firsts(script: list[list[str]]) -> list[int]:
    """Index (in the flat word list) of every cue's first word."""
    firsts, offset = [], 0
    for sentence in script:
        firsts.extend(offset + k for k in range(0, len(sentence), CUE_WORDS))
        offset += len(sentence)
    return firsts


def uniform(words: list[str], span: tuple[int, int]) -> list[int]:
    """The speech-rate model: words spread by characters over the speech span."""
    lengths = np.array([len(word) + 1 for word in words], dtype=np.float64)
    before = np.concatenate([[0.0], np.cumsum(lengths)[:-1]]) / lengths.sum()
    return [round(span[0] + f * (span[1] - span[0])) for f in before]


def run(
    voice: Voice,
    seed: int,
    conditions: tuple[tuple[str, str | None, float | None, bool], ...],
    folder: Path,
) -> list[dict[str, object]]:
    script = sentences(seed)
    narration = narrate(script, voice, seed=seed, intro_s=INTRO_S)
    flat = [word for sentence in script for word in sentence]
    assert len(flat) == len(narration.words), "every word must have a word event"
    truth = np.array(narration.starts_ms)
    firsts = cue_firsts(script)
    intro = np.zeros(len(narration.samples), np.float32)
    intro[: int(INTRO_S * TARGET_RATE)] = 1.0
    rows = []
    for name, bed_kind, snr, room in conditions:
        samples = narration.samples
        if room:
            samples = reverb(samples, seed=seed)
        bed_music = music(len(samples), seed=seed + 1)
        samples = mix(samples, bed_music * intro, 0.0)  # the intro: music as loud as the voice
        if bed_kind is not None and snr is not None:
            bed = (
                noise(len(samples), seed=seed)
                if bed_kind == "pink"
                else music(len(samples), seed=seed + 2)
            )
            samples = mix(samples, bed * (1 - intro), snr)
        path = folder / f"narration-{seed}.wav"
        write_wav(path, scale(samples))
        started = time.perf_counter()
        heard = listen(path)
        alignment = align_heard(flat, heard, language="ar")
        elapsed = time.perf_counter() - started
        found = np.array([word.start_ms for word in alignment.words])
        errors = np.abs(found[firsts] - truth[firsts])
        span = (heard.speech[0][0], heard.speech[-1][1]) if heard.speech else (0, heard.duration_ms)
        baseline = np.abs(np.array(uniform(flat, span))[firsts] - truth[firsts])
        rows.append(
            {
                "voice": f"{voice.name} rate {voice.rate} pitch {voice.pitch}",
                "condition": name,
                "minutes": round(len(samples) / TARGET_RATE / 60, 1),
                "cues": len(firsts),
                "missing": len(alignment.missing),
                "median_ms": round(float(np.median(errors))),
                "p95_ms": round(float(np.percentile(errors, 95))),
                "within_250ms": round(float(np.mean(errors <= 250)), 3),
                "baseline_median_ms": round(float(np.median(baseline))),
                "ratio": round(float(np.median(baseline)) / max(1.0, float(np.median(errors))), 1),
                "seconds": round(elapsed, 1),
            }
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help="one voice, three conditions")
    parser.add_argument("--only", help="the conditions whose name contains this (e.g. '10 dB')")
    options = parser.parse_args()
    narrators = NARRATORS[:1] if options.quick else NARRATORS
    conditions = (
        tuple(c for c in CONDITIONS if c[0] in ("clean", "noise 10 dB", "music 10 dB"))
        if options.quick
        else CONDITIONS
    )
    if options.only:
        conditions = tuple(c for c in conditions if options.only in c[0])
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as folder:
        for seed, voice in enumerate(narrators):
            rows.extend(run(voice, seed, conditions, Path(folder)))
            if not options.json:
                for row in rows[-len(conditions) :]:
                    print(
                        f"{row['voice']:28} {row['condition']:22} {row['minutes']:>5} min"
                        f" median {row['median_ms']:>4} ms  p95 {row['p95_ms']:>5} ms"
                        f"  ≤250 ms {row['within_250ms']:.1%}  speech-rate median {row['baseline_median_ms']:>5} ms"
                        f" ({row['ratio']}x)  missing {row['missing']}  {row['seconds']} s",
                        flush=True,
                    )
    if options.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        print(
            "cue-start error against the synthesizer's word events; synthesized speech is easier than a real narrator"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
