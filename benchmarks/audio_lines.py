"""Audio alignment of scripts written a phrase a line, with and without their line ends.

A newsroom script is written a phrase a line and often carries no punctuation
(``captionkit/data/sample-narration-ar.txt``: one question mark in 77 lines); a
narrator pauses at many line ends, briefly. ``benchmarks/audio_arabic.py`` reads
punctuated sentences with pauses of 0.1-1.5 s between them, so it never meets
that case. Here the project's own four genre narrations
(``fixtures/linebreak/narration-{news,lecture,drama,social}.txt``, 585-818
words each) are read line by line by three eSpeak NG voices other than the
aligner's (the voices of ``audio_arabic.py``), with a pause of 50-300 ms after
each line, clean and in pink noise at 10 dB SNR; the truth is the synthesizer's
own word events. Each recording is aligned twice by
``captionkit.audio.align_words``: with the words alone (how ``make --audio``
and ``align --audio`` read a script before 2026-12-05), and with the script's
line ends (``line_ends``, which they pass now: a line end is a clause end, said
with a comma by the aligner's synthesis).

Printed: median and p95 of the word-start error (ms), p95 over the lines' first
words, and how many words are 250 ms or more off. Synthesized speech is far
easier than a real narrator; eSpeak NG differs slightly between processes, so
a figure moves by some milliseconds from run to run.

Run: ``python benchmarks/audio_lines.py`` (``--quick`` for one voice and the
news script, ``--other-voices`` for three narrators and seeds nothing was tuned
on, ``--json`` for a document).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

from captionkit.audio import align_words
from captionkit.audio.decode import write_wav
from captionkit.audio.simulate import Narration, mix, narrate, noise, scale
from captionkit.audio.tts import Voice
from captionkit.make.ingest import ingest_text

ROOT = Path(__file__).resolve().parents[1]
GENRES = ("news", "lecture", "drama", "social")
#: The narrators of ``audio_arabic.py``: variants, rates and pitches unlike the aligner's.
VOICES = (
    Voice("ar+m3", rate=131, pitch=35),
    Voice("ar+f2", rate=210, pitch=70),
    Voice("ar+klatt2", rate=160, pitch=60),
)
#: Voices, rates and seeds never used while the line-end and onset rules were built
#: (``--other-voices``): a check on narrators nothing was tuned on.
OTHER_VOICES = (
    Voice("ar+m1", rate=150, pitch=45),
    Voice("ar+f4", rate=185, pitch=65),
    Voice("ar+m6", rate=170, pitch=30),
)
OTHER_SEED = 21
#: The pause after each line, in seconds: a narrator's breath, not a sentence's full stop.
PAUSES = (0.05, 0.3)
CONDITIONS = (("clean", None), ("noise 10 dB", 10.0))


def script(genre: str) -> tuple[list[list[str]], list[int]]:
    """The genre narration's lines as words, and the index of each line's last word."""
    text = (ROOT / "fixtures" / "linebreak" / f"narration-{genre}.txt").read_text("utf-8")
    narration = ingest_text(text)
    words = list(narration.words)
    ends = sorted(narration.line_ends)
    lines, begin = [], 0
    for end in ends:
        lines.append(words[begin : end + 1])
        begin = end + 1
    if begin < len(words):
        lines.append(words[begin:])
    return lines, ends


def truth_of(lines: list[list[str]], spoken: Narration) -> list[int | None]:
    """Each script word's true start; None for a word eSpeak NG said nothing for (a dash)."""
    words = [word for line in lines for word in line]
    truths: list[int | None] = []
    position = 0
    for word in words:
        if position < len(spoken.words) and spoken.words[position] == word:
            truths.append(spoken.starts_ms[position])
            position += 1
        else:
            truths.append(None)
    if position != len(spoken.words):
        raise SystemExit("the synthesized words do not follow the script")
    return truths


def figures(
    starts: list[int], truths: list[int | None], line_firsts: list[int]
) -> dict[str, float]:
    known = [i for i, truth in enumerate(truths) if truth is not None]
    errors = np.array([abs(starts[i] - int(truths[i])) for i in known])  # type: ignore[arg-type]
    firsts = [i for i in line_firsts if truths[i] is not None]
    first_errors = np.array([abs(starts[i] - int(truths[i])) for i in firsts])  # type: ignore[arg-type]
    return {
        "median_ms": round(float(np.median(errors))),
        "p95_ms": round(float(np.percentile(errors, 95))),
        "line_start_p95_ms": round(float(np.percentile(first_errors, 95))),
        "over_250": int((errors >= 250).sum()),
        "words": len(errors),
    }


def run(genre: str, voice: Voice, seed: int, folder: Path) -> list[dict[str, object]]:
    lines, ends = script(genre)
    spoken = narrate(lines, voice, seed=seed, intro_s=2.0, pauses=PAUSES)
    truths = truth_of(lines, spoken)
    words = [word for line in lines for word in line]
    line_firsts = [0, *[end + 1 for end in ends if end + 1 < len(words)]]
    rows: list[dict[str, object]] = []
    for condition, snr in CONDITIONS:
        samples = (
            spoken.samples
            if snr is None
            else mix(spoken.samples, noise(len(spoken.samples), seed=seed), snr)
        )
        path = folder / f"{genre}-{seed}-{condition.replace(' ', '')}.wav"
        write_wav(path, scale(samples))
        row: dict[str, object] = {"genre": genre, "voice": voice.name, "condition": condition}
        for label, line_ends in (("words alone", ()), ("with line ends", ends)):
            placed = align_words(words, path, language="ar", line_ends=line_ends)
            row[label] = figures([w.start_ms for w in placed.words], truths, line_firsts)
        rows.append(row)
    return rows


def _cell(found: dict[str, float]) -> str:
    return (
        f"{found['median_ms']:>4} {found['p95_ms']:>5} {found['line_start_p95_ms']:>6}"
        f" {found['over_250']:>4}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--other-voices", action="store_true", help="narrators nothing was tuned on"
    )
    options = parser.parse_args()
    genres = GENRES[:1] if options.quick else GENRES
    voices = OTHER_VOICES if options.other_voices else VOICES
    voices = voices[:1] if options.quick else voices
    first_seed = OTHER_SEED if options.other_voices else 1
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as folder:
        for seed, voice in enumerate(voices, start=first_seed):
            for genre in genres:
                rows.extend(run(genre, voice, seed, Path(folder)))
                if not options.json:
                    for row in rows[-len(CONDITIONS) :]:
                        print(
                            f"{row['genre']:8} {row['voice']:10} {row['condition']:12}"
                            f"  words alone {_cell(row['words alone'])}"  # type: ignore[arg-type]
                            f"  | with line ends {_cell(row['with line ends'])}",  # type: ignore[arg-type]
                            flush=True,
                        )
    if options.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    print(
        "each cell: median, p95, p95 of the lines' first words (ms), words 250 ms or more off;"
        " truth from the synthesizer's word events (synthesized speech is easier than a real"
        " narrator)"
    )
    for label in ("words alone", "with line ends"):
        p95s = [row[label]["p95_ms"] for row in rows]  # type: ignore[index]
        over = sum(row[label]["over_250"] for row in rows)  # type: ignore[index,misc]
        print(
            f"{label:15} p95 over the runs: {min(p95s)}-{max(p95s)} ms; words 250 ms or more off: {over}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
