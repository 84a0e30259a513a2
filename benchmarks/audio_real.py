"""Audio alignment on real recordings, against a real recognizer's word times.

The recordings and the recognizers' outputs are in
``../shared/corpus/word-timestamps`` (whisper-timestamped's test audio with its
expected outputs, English/French/German/Japanese, and ``words.wav`` with its
console log; whisper-ctranslate2's Catalan
``gossos.mp3`` and ``dosparlants.mp3``; see its SOURCES.md). For each file the
recognizer's transcript is aligned to the audio by ``captionkit.audio.align_words``
(eSpeak NG synthesis + DTW, no recognizer involved), and each word's start is
compared with the recognizer's start for it. The recognizer is not the truth:
whisper's word times are themselves typically within ~100 ms of it, so a
difference of that size is not an error of either side alone.

Beside each file's figure, the same median/p95 over the words whose
recognizer start has voice in the 150 ms after it (``voiced start``), and how
many words that sets aside: a start in silence (Silero under 0.3 throughout, or
most of those frames in the lowest fifth of the local loudness range), or a
start on the previous word's last sound with a pause of 200 ms or more right
after it inside the recognizer's own span of the word (:func:`before_pause`),
is the reference's error, not the aligner's, and the main figure keeps it in.

``dosparlants`` has segment times only (diarized output, no word times), and
they are whole seconds (0.0, 2.0, 4.0, ...): its segments' first words are
compared, so its figure measures that rounding more than the alignment.

Japanese: eSpeak NG reads kana, but kanji come out as long character names
(1.7 s for 質問); each word with kanji is therefore synthesized from its
hiragana reading (pykakasi, ``captionkit.audio.readings``), which took it from
median 365 / p95 1865 ms (19 of 215 words missing) to 145 / 708 ms (9
missing); reading each run of words together (pykakasi reads 実際 as じっさい, 実 and
際 alone as み, きわ) and sharing its reading out by morae took it to 110 / 597 ms
(5 missing). Most words still over 400 ms sit where whisper tiny's transcript is not
what is said (サプテレクトリー for サブディレクトリ); whisper tiny's words are single
kanji and single kana (質, 問; ニ, ュ, ー, ス). ``apollo11`` is radio with static and beeps, under a transcript
with invented words. Both are reported, neither is a clean-speech case.

``apollo11`` (89 s, whisper large): the speech is band-limited (300-2500 Hz)
under static, with 250 ms radio beeps (2.5 kHz tones) around each
transmission. Silero at 8 kHz scored its 42-63 s exchange under 0.05 although
the spectrogram shows voiced harmonics throughout, and the aligner, which
drops what the model does not hear, lost those words (median 5050 ms); at 16
kHz it hears them. whisper repeats "Okay, no problem." at 74.12-75.11 s, in
2.5 s of static between two transmissions (and "We" at 31.18 s in static
before the transmission that starts at 32.6 s): such words have no audio, and
the aligner squeezes them into the neighbouring speech rather than finding
them missing when MFCC similarities are as poor as on this radio (0.1-0.3).

``gossos``: whisper runs its words on over pauses: "impulsar" 24.42-25.76 s
over a pause from 24.53 to 25.16 s (the voice resumes at 25.17, where the
aligner starts it), "L'esquelet" 16.00 over a pause from 16.17 s (the voice
resumes at 16.57), "el" 4.72 over 4.89-5.19, "Igual" 1.18 in the silence
before the voice at 1.70. Those are the largest differences in its main
figure; the voiced-start column sets them aside (:func:`before_pause`,
:func:`in_silence`). ``benchmarks/audio_hand.py`` measures both against every
word's start marked by hand (``fixtures/audio/gossos-onsets.tsv``): the aligner
40/219 ms (median/p95, sure marks), whisper 85/530 ms.

``words`` (whisper-timestamped's ``words.wav``: eight English words said alone,
1.3-2.2 s of silence between them): its recognizer times are a console log
(``tests/expected/verbose/vad_words.wav.stdout``, whisper with its
voice-activity option), one word a line. Against onsets marked by hand
(``fixtures/audio/words-onsets.tsv``, ``benchmarks/audio_hand.py``) the aligner
is within 34 ms of every word and whisper a median 131 ms off, three of its
starts in the silence before the word: here the whole figure is the
reference's. ``japanese``: at its six segment starts (hand-marked the same
way) whisper tiny is within 25 ms and the aligner 280-545 ms off at four, so
there the shortfall is the aligner's.

Run: ``python benchmarks/audio_real.py`` (``--json`` for a document).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from captionkit.audio.features import FRAME_MS
from captionkit.audio.listen import Heard
from captionkit.audio.vad import VAD_MS

SHARED = Path(os.environ.get("CAPTIONKIT_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpus" / "word-timestamps"
WT = "whisper-timestamped/tests"
CT = "whisper-ctranslate2/e2e-tests"


@dataclass(frozen=True)
class Case:
    name: str
    audio: str
    expected: str
    language: str
    kind: str = "speech"  # speech, singing, empty, laughter
    segments_only: bool = False


CASES = (
    Case(
        "gossos (ca)",
        f"{CT}/gossos.mp3",
        f"{CT}/ref-small-transcribe-word-stamps/gossos.json",
        "ca",
    ),
    Case(
        "dosparlants (ca, 2 speakers)",
        f"{CT}/dosparlants.mp3",
        f"{CT}/ref-medium-diarization/dosparlants.json",
        "ca",
        segments_only=True,
    ),
    Case(
        "gaenswein15 (de)",
        f"{WT}/data/gaenswein15.mp3",
        f"{WT}/expected/medium_auto/gaenswein15.mp3.words.json",
        "de",
    ),
    Case(
        "bonjour_vous_allez_bien (fr)",
        f"{WT}/data/bonjour_vous_allez_bien.mp3",
        f"{WT}/expected/medium_fr/bonjour_vous_allez_bien.mp3.words.json",
        "fr",
    ),
    Case(
        "punctuations (fr)",
        f"{WT}/data/punctuations.mp3",
        f"{WT}/expected/medium_auto/punctuations.mp3.words.json",
        "fr",
    ),
    Case(
        "apollo11 (en, radio)",
        f"{WT}/data/apollo11.mp3",
        f"{WT}/expected/corner_cases/large_apollo11.mp3.words.json",
        "en",
    ),
    Case(
        "japanese (ja)",
        f"{WT}/data/japanese.mp3",
        f"{WT}/expected/tiny_auto/accurate_japanese.mp3.words.json",
        "ja",
    ),
    Case(
        "words (en, isolated words)",
        f"{WT}/data/words.wav",
        f"{WT}/expected/verbose/vad_words.wav.stdout",
        "en",
    ),
    Case(
        "gloria (en, singing)",
        f"{WT}/data/gloria.mp3",
        f"{WT}/expected/medium_auto/gloria.mp3.words.json",
        "en",
        kind="singing",
    ),
    Case(
        "empty",
        f"{WT}/data/empty.mp3",
        f"{WT}/expected/medium_auto/empty.mp3.words.json",
        "en",
        kind="empty",
    ),
    Case(
        "laugh1",
        f"{WT}/data/laugh1.mp3",
        f"{WT}/expected/medium_auto/laugh1.mp3.words.json",
        "en",
        kind="laughter",
    ),
)


def recognizer_words(path: Path, segments_only: bool) -> list[tuple[str, float | None]]:
    """The recognizer's words in order, each with its start in ms (None when not compared)."""
    return [(text, start) for text, start, _ in recognizer_spans(path, segments_only)]


def recognizer_spans(
    path: Path, segments_only: bool
) -> list[tuple[str, float | None, float | None]]:
    """The recognizer's words in order with their start and end in ms (None when not compared)."""
    if path.suffix == ".stdout":
        return _console_spans(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    words: list[tuple[str, float | None, float | None]] = []
    for segment in data.get("segments", []):
        if segments_only or not segment.get("words"):
            for number, token in enumerate(segment["text"].split()):
                words.append((token, segment["start"] * 1000.0 if number == 0 else None, None))
            continue
        for word in segment["words"]:
            text = (word.get("text") or word.get("word") or "").strip()
            if text:
                words.append((text, word["start"] * 1000.0, word["end"] * 1000.0))
    return words


#: A line of whisper-timestamped's console log: ``[00:02.900 --> 00:03.680] Kentucky,``.
_CONSOLE_LINE = re.compile(r"\[(\d+):(\d+\.\d+) --> (\d+):(\d+\.\d+)\]\s*(.*)")


def _console_spans(path: Path) -> list[tuple[str, float | None, float | None]]:
    """The words of a console log, a segment a line: its first word with the line's start and end
    (the end only when the line holds one word), the others with no time."""
    words: list[tuple[str, float | None, float | None]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = _CONSOLE_LINE.match(line.strip())
        if not found:
            continue
        start = (int(found[1]) * 60 + float(found[2])) * 1000.0
        end = (int(found[3]) * 60 + float(found[4])) * 1000.0
        tokens = found[5].split()
        for number, token in enumerate(tokens):
            if number == 0:
                words.append((token, start, end if len(tokens) == 1 else None))
            else:
                words.append((token, None, None))
    return words


#: The stretch after the recognizer's start that must hold voice for the start to be compared.
LOOK_MS = 150
#: Silero's probability under which a 32 ms window has no voice (the aligner's own threshold).
NO_VOICE = 0.3
#: A 10 ms frame is quiet in the lowest fifth of the loudness range within 1.1 s of it ...
QUIET_SHARE = 0.2
#: ... and the start is in silence when this share of the frames after it are quiet.
QUIET_MOST = 0.5


def in_silence(heard: Heard, start_ms: float) -> bool:
    """Whether the recognizer's start sits in silence: no voice in the :data:`LOOK_MS` after it.

    Silero bridges pauses of a few hundred ms in fluent speech (it stays near 1),
    so the loudness decides too: most of the stretch in the lowest fifth of the
    local range (the quietest and loudest 10 ms frames within 1.1 s) is silence.
    """
    first = int(start_ms // VAD_MS)
    windows = heard.vad[first : int((start_ms + LOOK_MS) // VAD_MS) + 1]
    if len(windows) and float(windows.max()) < NO_VOICE:
        return True
    energy = heard.energy
    frame = int(start_ms // FRAME_MS)
    after = energy[frame : frame + LOOK_MS // FRAME_MS]
    around = energy[max(0, frame - 110) : frame + 110]
    if len(after) == 0:
        return True
    floor, peak = float(np.percentile(around, 2)), float(np.percentile(around, 98))
    quiet = np.less_equal(after, floor + QUIET_SHARE * (peak - floor))
    return bool(np.mean(quiet) >= QUIET_MOST)


#: A pause inside the recognizer's word, this long or longer, ...
PAUSE_MS = 200
#: ... that begins this soon after its start (the voice before it may be the previous word's).
PAUSE_WITHIN_MS = 200


def before_pause(heard: Heard, start_ms: float, end_ms: float | None) -> bool:
    """Whether the recognizer's start sits on the previous word's last sound, before a pause.

    whisper runs its words on without gaps: after a pause it often starts the
    next word where the previous one ended (gossos: "impulsar" 24.42-25.76 s,
    over a pause from 24.53 to 25.15 s). The start is set aside when, inside
    the recognizer's own span of the word, a pause of :data:`PAUSE_MS` or more
    begins within :data:`PAUSE_WITHIN_MS` of the start: 10 ms frames whose
    loudness is in the lowest fifth of its local range (gaps of 20 ms bridged),
    most of them with Silero under 0.3 (its probability lags the voice by
    about 80 ms, so it cannot mark the pause's start alone).
    """
    if end_ms is None:
        return False
    first, last = int(start_ms // FRAME_MS), min(int(end_ms // FRAME_MS), len(heard.energy))
    energy = heard.energy
    around = energy[max(0, first - 110) : last + 110]
    if last - first < PAUSE_MS // FRAME_MS or len(around) == 0:
        return False
    floor, peak = float(np.percentile(around, 2)), float(np.percentile(around, 98))
    quiet = energy[first:last] <= floor + QUIET_SHARE * (peak - floor)
    windows = np.minimum(
        (np.arange(first, last) * FRAME_MS / VAD_MS).astype(int), len(heard.vad) - 1
    )
    unvoiced = heard.vad[windows] < NO_VOICE
    edges = np.flatnonzero(np.diff(np.concatenate([[0], quiet.astype(np.int8), [0]])))
    runs: list[list[int]] = []
    for begin, end in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
        if runs and begin - runs[-1][1] <= 2:
            runs[-1][1] = end
        else:
            runs.append([begin, end])
    return any(
        begin * FRAME_MS <= PAUSE_WITHIN_MS
        and (end - begin) * FRAME_MS >= PAUSE_MS
        and np.mean(unvoiced[begin:end]) >= 0.5
        for begin, end in runs
    )


def _figures(errors: list[float]) -> tuple[int, int] | None:
    if not errors:
        return None
    return round(float(np.median(errors))), round(float(np.percentile(errors, 95)))


def run_case(case: Case) -> dict[str, object]:
    from captionkit.audio import align_words
    from captionkit.audio.listen import listen

    spans = recognizer_spans(CORPUS / case.expected, case.segments_only)
    words = [(text, start) for text, start, _ in spans]
    started = time.perf_counter()
    alignment = align_words([w for w, _ in words], CORPUS / case.audio, language=case.language)
    elapsed = time.perf_counter() - started
    heard = listen(CORPUS / case.audio)  # again, outside the timing: for the reference's check
    compared = [
        (
            abs(placed.start_ms - reference),
            in_silence(heard, reference) or before_pause(heard, reference, end),
        )
        for placed, (_, reference, end) in zip(alignment.words, spans, strict=True)
        if reference is not None and placed.status == "aligned"
    ]
    errors = [error for error, _ in compared]
    voiced = [error for error, silent in compared if not silent]
    row: dict[str, object] = {
        "file": case.name,
        "kind": case.kind,
        "words": len(words),
        "aligned": len(alignment.aligned),
        "missing": len(alignment.missing),
        "compared": len(errors),
        "seconds": round(elapsed, 2),
        "audio_s": round(alignment.duration_ms / 1000, 1),
    }
    main_figures, voiced_figures = _figures(errors), _figures(voiced)
    if main_figures:
        row["median_ms"], row["p95_ms"] = main_figures
    row["set_aside"] = len(errors) - len(voiced)
    if voiced_figures:
        row["voiced_median_ms"], row["voiced_p95_ms"] = voiced_figures
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", help="run the cases whose name contains this")
    options = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent")
        return 0
    rows = [run_case(case) for case in CASES if not options.only or options.only in case.name]
    if options.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    print(
        f"{'file':32} {'kind':9} {'words':>5} {'aligned':>7} {'missing':>7} {'median':>7} {'p95':>6} {'time':>6}"
        f"   {'voiced start':>12} {'aside':>5}"
    )
    for row in rows:
        median = f"{row['median_ms']}" if "median_ms" in row else "-"
        p95 = f"{row['p95_ms']}" if "p95_ms" in row else "-"
        voiced = (
            f"{row['voiced_median_ms']}/{row['voiced_p95_ms']}"
            if "voiced_median_ms" in row
            else "-"
        )
        print(
            f"{row['file']:32} {row['kind']:9} {row['words']:>5} {row['aligned']:>7} {row['missing']:>7}"
            f" {median:>7} {p95:>6} {row['seconds']:>5}s   {voiced:>12} {row['set_aside']:>5}"
        )
    print(
        "word-start difference from the recognizer's own times (ms); those are ~100 ms from the truth\n"
        f"voiced start: median/p95 over the words whose recognizer start has voice in the {LOOK_MS} ms"
        " after it (Silero, or the loudness above the lowest fifth of its range) and no pause of"
        f" {PAUSE_MS} ms or more right after it inside the word's own span;"
        " aside: words set aside, their start in silence or before a pause"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
