"""Audio alignment of ``dosparlants.mp3``, ``gossos.mp3`` and ``apollo11.mp3`` against onsets marked by hand.

whisper-ctranslate2's ``dosparlants.mp3`` (Catalan, two speakers, 34.5 s) has one
recognizer output, with segment times in whole seconds, so ``audio_real.py`` can
only measure that rounding on it. ``fixtures/audio/dosparlants-onsets.tsv`` holds,
for each of its 14 segments, the start of the segment's first word marked by hand
from waveform and spectrogram pictures (``sure`` to about 20-30 ms; two rows
``unsure``, whose notes give both readings), made before any aligner was run on
the file.

The transcript (the segments' texts, read as ``audio_real.py`` reads them) is
aligned with ``captionkit.audio.align_words``, and each segment's first word's
start is compared with the hand mark: median, p95 and max of the absolute
difference, over the ``sure`` rows and over all rows. The same figures for the
recognizer's whole-second segment starts show how far that reference is from
the audio.

whisper-ctranslate2's ``gossos.mp3`` (Catalan, one speaker, 32 s) has word times
from the recognizer (whisper small), which ``audio_real.py`` takes as its
reference. ``fixtures/audio/gossos-onsets.tsv`` holds the start of every one of
its 65 words marked by hand the same way (47 ``sure``, every word after a pause
among them; 18 ``unsure``, where two joined words merge or a silent stop closure
after a fricative makes the closure start and the burst both readings), made
before any aligner was run on the file. Each word's aligned start and the
recognizer's start are compared with the hand mark, in one table: the truth
against which the aligner and the recognizer are both measured.

whisper-timestamped's ``apollo11.mp3`` (English air-to-ground radio, 89 s:
band-limited speech under static, beeps around transmissions, and the whole
recording carrying its speech a second time 1.341 s later) has word times from
whisper large, doubtful in places. ``fixtures/audio/apollo11-onsets.tsv`` holds
the start of every one of its 146 words marked by hand the same way, before any
aligner was run on the file: ``sure``, ``unsure`` (the note gives the other
readings, often the other copy of the echo) or ``absent`` (not heard at all).
The aligner's and whisper's starts are compared with the marks over the sure
rows and over the sure and unsure rows; for the absent rows the table says
whether the aligner reported the word missing or gave it a time, and it counts
the words the aligner reported missing that were marked present.

whisper-timestamped's ``words.wav`` (English, eight words said alone with
1.3-2.2 s of silence between them, 23 s) has word times from whisper with its
voice-activity option (``tests/expected/verbose/vad_words.wav.stdout``), and
``japanese.mp3`` (40 s) word times from whisper tiny.
``fixtures/audio/words-onsets.tsv`` holds the start of each of the eight words,
``fixtures/audio/japanese-onsets.tsv`` the start of the first word of each of
the six segments (each after a pause), marked by hand the same way but after
the aligner had been run on these files (see the files' headers). Both are
measured as gossos is.

Run: ``python benchmarks/audio_hand.py`` (``--json`` for a document: the
dosparlants figures at the top level, gossos' under ``"gossos"``, apollo11's
under ``"apollo11"``, words.wav's under ``"words"``, japanese.mp3's under
``"japanese"``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audio_real import CASES, CORPUS, Case, recognizer_words

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "audio"
ONSETS = FIXTURES / "dosparlants-onsets.tsv"
CASE = next(case for case in CASES if case.name.startswith("dosparlants"))
WORD_ONSETS = FIXTURES / "gossos-onsets.tsv"
WORD_CASE = next(case for case in CASES if case.name.startswith("gossos"))
APOLLO_ONSETS = FIXTURES / "apollo11-onsets.tsv"
APOLLO_CASE = next(case for case in CASES if case.name.startswith("apollo11"))
#: Further word-level hand marks, measured as gossos is: a title, the marks, the case.
MORE_WORD_MARKS = (
    ("words.wav, every word", "words", FIXTURES / "words-onsets.tsv", "words ("),
    (
        "japanese.mp3, each segment's first word",
        "japanese",
        FIXTURES / "japanese-onsets.tsv",
        "japanese",
    ),
)


@dataclass(frozen=True)
class Onset:
    segment: int
    word: str
    start_ms: int
    sure: bool


def _table(path: Path) -> list[list[str]]:
    """A hand-mark file's data rows (comment lines and the header row skipped)."""
    rows = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return rows[1:]


def read_onsets(path: Path = ONSETS) -> list[Onset]:
    """The hand marks, in segment order."""
    return [
        Onset(int(segment), word, int(start), status == "sure")
        for segment, word, start, status, _ in _table(path)
    ]


def figures(errors: list[float]) -> dict[str, int]:
    """Median, p95 and max of absolute differences in ms."""
    if not errors:
        return {}
    return {
        "n": len(errors),
        "median_ms": round(float(np.median(errors))),
        "p95_ms": round(float(np.percentile(errors, 95))),
        "max_ms": round(max(errors)),
    }


def run() -> dict[str, object]:
    from captionkit.audio import align_words

    words = recognizer_words(CORPUS / CASE.expected, CASE.segments_only)
    firsts = [index for index, (_, start) in enumerate(words) if start is not None]
    onsets = read_onsets()
    if len(firsts) != len(onsets):
        raise SystemExit(f"{len(firsts)} segments in the transcript, {len(onsets)} hand marks")
    alignment = align_words([w for w, _ in words], CORPUS / CASE.audio, language=CASE.language)
    rows: list[dict[str, object]] = []
    for index, onset in zip(firsts, onsets, strict=True):
        placed = alignment.words[index]
        reference = words[index][1]
        assert reference is not None
        word = words[index][0].strip(",.?!")
        if word != onset.word:
            raise SystemExit(
                f"segment {onset.segment}: {word!r} in the transcript, {onset.word!r} marked"
            )
        rows.append(
            {
                "segment": onset.segment,
                "word": onset.word,
                "sure": onset.sure,
                "hand_ms": onset.start_ms,
                "aligned_ms": placed.start_ms if placed.status == "aligned" else None,
                "status": placed.status,
                "recognizer_ms": round(reference),
            }
        )

    return _summary(rows)


def _errors(rows: list[dict[str, object]], key: str, only_sure: bool) -> list[float]:
    """|row[key] - hand| in ms over the rows that have a value (only the ``sure`` ones if asked)."""
    return [
        abs(float(row[key]) - float(row["hand_ms"]))  # type: ignore[arg-type]
        for row in rows
        if row[key] is not None and (row["sure"] or not only_sure)
    ]


def _summary(rows: list[dict[str, object]]) -> dict[str, object]:
    """The rows with the aligner's and the recognizer's figures over the sure rows and all rows."""
    return {
        "rows": rows,
        "missing": sum(1 for row in rows if row["aligned_ms"] is None),
        "aligner_sure": figures(_errors(rows, "aligned_ms", True)),
        "aligner_all": figures(_errors(rows, "aligned_ms", False)),
        "recognizer_sure": figures(_errors(rows, "recognizer_ms", True)),
        "recognizer_all": figures(_errors(rows, "recognizer_ms", False)),
    }


def run_words(path: Path = WORD_ONSETS, case: Case = WORD_CASE) -> dict[str, object]:
    """Each marked word's aligned start and the recognizer's start against the hand marks
    (gossos unless told)."""
    marks = read_marks(path)
    return _summary(_word_rows(case, marks, lambda mark: {"sure": mark.confidence == "sure"}))


@dataclass(frozen=True)
class Mark:
    index: int
    word: str
    start_ms: int | None
    confidence: str


def read_marks(path: Path = APOLLO_ONSETS) -> list[Mark]:
    """A word-by-word hand-mark file, one row per word in the recognizer's order (no start
    for an ``absent`` word)."""
    return [
        Mark(int(index), word, int(start) if start else None, confidence)
        for index, word, start, confidence, _ in _table(path)
    ]


def _word_rows(
    case: Case, marks: list[Mark], confidence: Callable[[Mark], dict[str, object]]
) -> list[dict[str, object]]:
    """Each hand-marked word of ``case``'s transcript (a mark's index is the word's place, from 1):
    its hand mark, aligned start and recognizer start (``confidence`` gives the mark's
    confidence fields as the file's table shows them)."""
    from captionkit.audio import align_words

    words = recognizer_words(CORPUS / case.expected, case.segments_only)
    if any(not 1 <= mark.index <= len(words) for mark in marks):
        raise SystemExit(f"{len(words)} words in the transcript, a hand mark past them")
    alignment = align_words([w for w, _ in words], CORPUS / case.audio, language=case.language)
    rows: list[dict[str, object]] = []
    for mark in marks:
        (text, reference), placed = words[mark.index - 1], alignment.words[mark.index - 1]
        if text.strip(",.?!") != mark.word:
            raise SystemExit(f"word {mark.index}: {text!r} in the transcript, {mark.word!r} marked")
        assert reference is not None
        rows.append(
            {
                "index": mark.index,
                "word": mark.word,
                **confidence(mark),
                "hand_ms": mark.start_ms,
                "aligned_ms": placed.start_ms if placed.status == "aligned" else None,
                "status": placed.status,
                "recognizer_ms": round(reference),
            }
        )
    return rows


def run_apollo() -> dict[str, object]:
    """apollo11: every word's aligned start and whisper's start against the hand marks."""
    marks = read_marks()
    return _apollo_summary(
        _word_rows(APOLLO_CASE, marks, lambda mark: {"confidence": mark.confidence})
    )


def _marked_errors(rows: list[dict[str, object]], key: str, kept: set[str]) -> list[float]:
    """|row[key] - hand| in ms over the marked rows of the kept confidences that have a value."""
    return [
        abs(float(row[key]) - float(row["hand_ms"]))  # type: ignore[arg-type]
        for row in rows
        if row["confidence"] in kept and row[key] is not None and row["hand_ms"] is not None
    ]


def _apollo_summary(rows: list[dict[str, object]]) -> dict[str, object]:
    """The figures over the sure rows and the sure and unsure rows, and what became of the absent rows."""
    sure, marked = {"sure"}, {"sure", "unsure"}
    absent = [row for row in rows if row["confidence"] == "absent"]
    return {
        "rows": rows,
        "aligner_sure": figures(_marked_errors(rows, "aligned_ms", sure)),
        "aligner_marked": figures(_marked_errors(rows, "aligned_ms", marked)),
        "recognizer_sure": figures(_marked_errors(rows, "recognizer_ms", sure)),
        "recognizer_marked": figures(_marked_errors(rows, "recognizer_ms", marked)),
        "absent": len(absent),
        "absent_reported_missing": [row["index"] for row in absent if row["status"] == "missing"],
        "absent_given_a_time": [row["index"] for row in absent if row["status"] == "aligned"],
        "present_reported_missing": [
            row["index"]
            for row in rows
            if row["confidence"] != "absent" and row["status"] == "missing"
        ],
    }


def _line(name: str, found: object) -> str:
    if not isinstance(found, dict) or not found:
        return f"{name:34} -"
    return f"{name:34} {found['n']:>3} {found['median_ms']:>7} {found['p95_ms']:>6} {found['max_ms']:>6}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    if not (CORPUS / CASE.audio).exists():
        print(f"skipped: {CORPUS / CASE.audio} is absent")
        return 0
    result = run()
    if options.json:
        if (CORPUS / WORD_CASE.audio).exists():
            result["gossos"] = run_words()
        if (CORPUS / APOLLO_CASE.audio).exists():
            result["apollo11"] = run_apollo()
        for _, key, path, case in _more_cases():
            result[key] = run_words(path, case)
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(
        f"{'seg':>3} {'word':8} {'status':6} {'hand':>6} {'aligned':>8} {'diff':>6} {'recognizer':>10}"
    )
    for row in result["rows"]:  # type: ignore[attr-defined]
        aligned = row["aligned_ms"]
        diff = "-" if aligned is None else f"{aligned - row['hand_ms']:+d}"
        print(
            f"{row['segment']:>3} {row['word']:8} {'sure' if row['sure'] else 'unsure':6}"
            f" {row['hand_ms']:>6} {aligned if aligned is not None else '-':>8} {diff:>6}"
            f" {row['recognizer_ms']:>10}"
        )
    _print_figures(
        result,
        ("aligner, sure rows", "aligner_sure"),
        ("aligner, all rows", "aligner_all"),
        ("recognizer (whole s), sure rows", "recognizer_sure"),
        ("recognizer (whole s), all rows", "recognizer_all"),
    )
    print(f"segments' first words not aligned: {result['missing']}")
    if (CORPUS / WORD_CASE.audio).exists():
        print()
        _print_words(run_words())
    if (CORPUS / APOLLO_CASE.audio).exists():
        print()
        _print_apollo(run_apollo())
    for title, _, path, case in _more_cases():
        print()
        _print_words(run_words(path, case), title)
    return 0


def _more_cases() -> list[tuple[str, str, Path, Case]]:
    """:data:`MORE_WORD_MARKS` whose recording is here, each with its case."""
    found = []
    for title, key, path, prefix in MORE_WORD_MARKS:
        case = next(case for case in CASES if case.name.startswith(prefix))
        if (CORPUS / case.audio).exists():
            found.append((title, key, path, case))
    return found


def _print_figures(result: dict[str, object], *rows: tuple[str, str]) -> None:
    """The table of median, p95 and max distances from the hand marks: a label and a result key a row."""
    print(f"\n{'|start - hand start| (ms)':34} {'n':>3} {'median':>7} {'p95':>6} {'max':>6}")
    for label, key in rows:
        print(_line(label, result[key]))


def _signed(value: object, hand: object) -> str:
    """``value - hand`` with its sign, or ``-`` when the word was not placed."""
    return "-" if value is None else f"{int(value) - int(hand):+d}"  # type: ignore[call-overload]


def _print_words(result: dict[str, object], title: str = "gossos.mp3, every word") -> None:
    """One line per marked word, then the aligner's and the recognizer's figures in one table."""
    print(f"{title} against the hand marks")
    header = f"{'#':>3} {'word':15} {'conf':6} {'hand':>6} {'aligned':>8} {'diff':>6}"
    print(f"{header} {'whisper':>8} {'diff':>6}")
    for row in result["rows"]:  # type: ignore[attr-defined]
        aligned = row["aligned_ms"]
        print(
            f"{row['index']:>3} {row['word']:15} {'sure' if row['sure'] else 'unsure':6}"
            f" {row['hand_ms']:>6} {aligned if aligned is not None else '-':>8}"
            f" {_signed(aligned, row['hand_ms']):>6}"
            f" {row['recognizer_ms']:>8} {_signed(row['recognizer_ms'], row['hand_ms']):>6}"
        )
    _print_figures(
        result,
        ("aligner, sure rows", "aligner_sure"),
        ("aligner, all rows", "aligner_all"),
        ("recognizer (whisper), sure rows", "recognizer_sure"),
        ("recognizer (whisper), all rows", "recognizer_all"),
    )
    print(f"words not aligned: {result['missing']}")


def _print_apollo(result: dict[str, object]) -> None:
    """apollo11: one line per word, then the figures and the absent rows in one table."""
    print("apollo11.mp3, every word against the hand marks")
    header = f"{'#':>3} {'word':15} {'conf':6} {'hand':>6} {'aligned':>8} {'diff':>6}"
    print(f"{header} {'whisper':>8} {'diff':>6}")
    for row in result["rows"]:  # type: ignore[attr-defined]
        hand, aligned = row["hand_ms"], row["aligned_ms"]
        shown = "missing" if aligned is None else aligned
        print(
            f"{row['index']:>3} {row['word']:15} {row['confidence']:6} {hand if hand is not None else '-':>6}"
            f" {shown:>8} {_signed(aligned, hand) if hand is not None else '-':>6}"
            f" {row['recognizer_ms']:>8}"
            f" {_signed(row['recognizer_ms'], hand) if hand is not None else '-':>6}"
        )
    _print_figures(
        result,
        ("aligner, sure rows", "aligner_sure"),
        ("aligner, sure+unsure rows", "aligner_marked"),
        ("recognizer (whisper), sure rows", "recognizer_sure"),
        ("recognizer (whisper), sure+unsure", "recognizer_marked"),
    )
    print(
        f"absent rows: {result['absent']}; the aligner reported missing"
        f" {result['absent_reported_missing']}, gave a time to {result['absent_given_a_time']}"
    )
    print(f"marked present, reported missing by the aligner: {result['present_reported_missing']}")


if __name__ == "__main__":
    sys.exit(main())
