"""Script-to-audio alignment without a recognizer: the aeneas method, made sturdier.

1. Synthesize the words with eSpeak NG and keep each word's sample offset.
2. Take MFCCs of the synthesis and of the real audio.
3. Drop the synthesis's silences and the real audio's non-speech (voice
   activity, and in a clean recording the short pauses it bridges), so music,
   noise and pauses never pull the path; a pause frame at
   every word boundary lets a pause the narrator makes mid-clause fall between
   two words.
4. Align the two speech-only sequences by DTW (cosine cost, coarse to fine in a band).
5. Map each word's synthesized start and end through the path to real time.
   Since non-speech was dropped, a word that follows a pause lands on the
   speech onset after it: cue edges snap to speech-activity edges by construction.
   A clause's first word (after punctuation or a script line end) that lands off
   an onset in a clean recording moves to the voice's return after a pause too
   short for the voice-activity model (:func:`_onsets_after_pauses`).
6. Words that the path crosses at a run (many synthesized frames squeezed into
   a few real ones, at a poor similarity) have no audio of their own: they are
   reported ``missing`` rather than stretched over the neighbouring speech.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np
import numpy.typing as npt

from captionkit.audio.dtw import Skips, align_path
from captionkit.audio.features import FRAME_MS, HOP, mfcc_frames, normalize
from captionkit.audio.listen import Heard, listen
from captionkit.audio.readings import readings
from captionkit.audio.tts import Voice, fresh_engine, synthesize
from captionkit.audio.vad import VadSettings, frame_mask, regions

Status = Literal["aligned", "missing"]

#: eSpeak NG voice for a language code (most codes are voices of their own).
VOICES = {"zh": "cmn"}


@dataclass(frozen=True, slots=True)
class AudioWord:
    """One narration word placed in the audio (``missing``: no audio of its own was found)."""

    index: int
    word: str
    start_ms: int
    end_ms: int
    status: Status
    confidence: float


@dataclass(frozen=True, slots=True)
class AudioAlignment:
    """Every narration word in order, the speech regions heard, and the audio's length."""

    words: tuple[AudioWord, ...]
    speech: tuple[tuple[int, int], ...]
    duration_ms: int

    @property
    def aligned(self) -> tuple[AudioWord, ...]:
        return tuple(word for word in self.words if word.status == "aligned")

    @property
    def missing(self) -> tuple[AudioWord, ...]:
        return tuple(word for word in self.words if word.status == "missing")


@dataclass(frozen=True, slots=True)
class Spoken:
    """The synthesis of the words: its MFCCs and energies, and each word's first frame (-1: silent)."""

    features: npt.NDArray[np.float32]
    energy: npt.NDArray[np.float32]
    starts: npt.NDArray[np.int64]  # synthesized frame of each word, -1 when silent
    clause_first: npt.NDArray[np.bool_] | None = None  # which words start a clause

    @property
    def breaks(self) -> npt.NDArray[np.int64]:
        """Frames where a clause starts (after ``. ! ? ، , ; :``): a narrator may pause there."""
        if self.clause_first is None:
            return np.zeros(0, np.int64)
        out: npt.NDArray[np.int64] = self.starts[self.clause_first & (self.starts >= 0)]
        return out


#: Punctuation after which a narrator may pause (a word ending with it ends a clause).
CLAUSE_ENDS = (".", "!", "?", "؟", "…", "。", ":", "؛", ";", ",", "،")


def _clause_firsts(words: Sequence[str], line_ends: Collection[int] = ()) -> npt.NDArray[np.bool_]:
    """Which words start a clause: the first word, each word after clause punctuation, and
    each word after the end of a script line (``line_ends``: indexes of line-final words).

    A newsroom script is written a phrase a line, often with no punctuation at all
    (the project's sample narration has one question mark in 77 lines), and the
    narrator pauses at many of those line ends, briefly. Without them eSpeak NG runs
    the lines together and the aligner has no pause of its own to meet the
    narrator's: the project's four genre narrations read by three other voices with
    pauses of 50-300 ms between lines, at 10 dB of noise, had their word starts p95
    149-280 ms off with the words alone, 73-172 ms with the line ends
    (``benchmarks/audio_lines.py``).

    >>> _clause_firsts(["one", "two,", "three", "four"], line_ends={0}).tolist()
    [True, True, True, False]
    """
    ends = [_ends_clause(word) for word in words]
    for index in line_ends:
        if 0 <= index < len(ends):
            ends[index] = True
    return np.array([True, *ends[:-1]], bool)[: len(words)]


def _groups(words: Sequence[str], size: int = 40, most: int = 90) -> Iterator[tuple[int, int]]:
    """Word ranges to synthesize one at a time: sentence ends after ``size`` words, at most ``most``."""
    begin = 0
    for index, word in enumerate(words):
        count = index + 1 - begin
        ends_sentence = word.rstrip("\"'»)]”’").endswith(
            (".", "!", "?", "؟", "…", "。", ":", "؛", ";")
        )
        if (count >= size and ends_sentence) or count >= most:
            yield begin, index + 1
            begin = index + 1
    if begin < len(words):
        yield begin, len(words)


def _said_line_ends(said: list[str], begin: int, line_ends: Collection[int]) -> list[str]:
    """``said`` (the words from ``begin`` on, as eSpeak NG will read them) with a comma after
    each line-final word that has no clause punctuation of its own.

    The comma is what makes eSpeak NG close the phrase as a narrator closes a line
    (a falling tone, a lengthened last syllable, a short pause); the words the
    aligner reports are never changed.

    >>> _said_line_ends(["one", "two", "three."], 10, {11, 12})
    ['one', 'two,', 'three.']
    """
    out = list(said)
    for offset, word in enumerate(out):
        if begin + offset in line_ends and word and not _ends_clause(word):
            out[offset] = word + ","
    return out


def _ends_clause(word: str) -> bool:
    return word.rstrip("\"'»)]”’").endswith(CLAUSE_ENDS)


def speak(words: Sequence[str], voice: Voice, line_ends: Collection[int] = ()) -> Spoken:
    """Synthesize ``words`` group by group; features only, never the whole synthesized audio.

    eSpeak NG starts afresh (:func:`~captionkit.audio.tts.fresh_engine`), so the
    same words give the same synthesis whatever the process synthesized before.
    ``line_ends`` (indexes of words that end a script line) are said as clause
    ends: a line-final word without clause punctuation is synthesized with a comma
    after it (:func:`_said_line_ends`).
    """
    fresh_engine()
    features: list[npt.NDArray[np.float32]] = []
    energies: list[npt.NDArray[np.float32]] = []
    starts = np.full(len(words), -1, np.int64)
    frames = 0
    for begin, end in _groups(words):
        said = _said_line_ends(readings(words[begin:end], voice.name), begin, line_ends)
        synthesis = synthesize(said, voice)
        if len(synthesis.samples) == 0:
            continue
        # a little silence after each group, so its last frame is whole
        padded = np.concatenate([synthesis.samples, np.zeros(HOP * 4, np.float32)])
        group_features, group_energy = mfcc_frames(padded)
        found = synthesis.word_starts >= 0
        starts[begin:end][found] = frames + synthesis.word_starts[found] // HOP
        features.append(group_features)
        energies.append(group_energy)
        frames += len(group_features)
    clause_first = _clause_firsts(words, line_ends)
    if not features:
        return Spoken(np.zeros((0, 13), np.float32), np.zeros(0, np.float32), starts, clause_first)
    return Spoken(np.concatenate(features), np.concatenate(energies), starts, clause_first)


def _voiced(
    energy: npt.NDArray[np.float32],
    breaks: npt.NDArray[np.int64] | None = None,
    *,
    shortest: int = 5,
) -> npt.NDArray[np.bool_]:
    """Frames of synthesized speech that are not silence (silent runs of ``shortest`` frames dropped).

    At a clause start (``breaks``) any silence is dropped, however short, and a
    frame is dropped when there is none: eSpeak NG leaves as little as 30 ms
    between sentences, where a narrator pauses, so without a pause of its own
    there the real pause was matched somewhere inside the next clause, and the
    clause's first word was put before the pause (on the previous sentence's end).
    """
    if len(energy) == 0:
        return np.zeros(0, bool)
    quiet = energy <= np.percentile(energy, 95) - 9.0
    keep = np.ones(len(energy), bool)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], quiet.astype(np.int8), [0]])))
    for begin, end in zip(edges[::2], edges[1::2], strict=True):
        if end - begin >= shortest:
            keep[begin:end] = False
    for frame in [] if breaks is None else breaks.tolist():
        near = np.flatnonzero(quiet[max(0, frame - 8) : frame + 3]) + max(0, frame - 8)
        keep[near if len(near) else [max(0, frame - 1)]] = False
    return keep


def voice_for(language: str) -> Voice:
    """The aligner's own voice for ``language`` (an eSpeak NG language code)."""
    return Voice(name=VOICES.get(language, language))


@dataclass(frozen=True, slots=True)
class _Sequence:
    """A speech-only sequence for the DTW: each silence run replaced by a few *pause* frames.

    ``begin[p]`` is the frame where position ``p`` starts (for a pause: where the
    speech after it starts); ``end[p]`` the frame where it ends (for a pause:
    where the speech before it ended).
    """

    features: npt.NDArray[np.float32]
    begin: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    pause: npt.NDArray[np.bool_]


#: Pause frames standing for one silence, on both sides.
PAUSE_FRAMES = 5
#: Pause frames at a word boundary where the synthesis runs on: a real pause may sit there.
#:
#: A speaker pauses mid-clause (to breathe, before a number or a name) where
#: eSpeak NG runs the words together. With no synthesized pause to match, the
#: real pause cost the same anywhere, and the path could lay a word over it
#: (gaenswein15: "dann" stretched over an 800 ms pause, starting 1.1 s early;
#: the pause now falls between two words). One pause row at each word boundary costs the same
#: wherever it lands on speech (it is like no speech frame), so it moves no
#: path, and matched to a real pause it is rewarded as a synthesized pause is.
BOUNDARY_FRAMES = 1
#: Length of a pause frame's vector: matching two pauses is rewarded (cost 1 - PAUSE_WEIGHT**2).
PAUSE_WEIGHT = 1.4


def _sequence(
    features: npt.NDArray[np.float32],
    keep: npt.NDArray[np.bool_],
    boundaries: npt.NDArray[np.int64] | None = None,
) -> _Sequence:
    """Speech frames (normalised, a zero 14th dimension) and pauses (the 14th axis, weighted).

    A pause opens and closes the sequence and stands between every two runs of
    speech: speech that starts at once (the synthesis) still meets a recording
    that starts with silence. ``boundaries`` (frames where a word starts) get a
    pause of :data:`BOUNDARY_FRAMES` where the speech runs on through them.
    """
    speech = normalize(features, mask=keep)
    count = len(keep)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], keep.astype(np.int8), [0]])))
    run_starts, run_ends = edges[::2].tolist(), edges[1::2].tolist()
    inner = np.zeros(0, np.int64) if boundaries is None else np.unique(boundaries)
    inner = inner[(inner > 0) & (inner < count)]
    inner = inner[keep[inner] & keep[inner - 1]]
    parts: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], bool]] = []

    def add_pause(size: int, after: int, before: int) -> None:
        parts.append((np.full(size, after, np.int64), np.full(size, before, np.int64), True))

    previous_end = 0
    for run_start, run_end in [*zip(run_starts, run_ends, strict=True), (count, count)]:
        add_pause(PAUSE_FRAMES, run_start, previous_end)
        cuts = inner[np.searchsorted(inner, run_start, "right") : np.searchsorted(inner, run_end)]
        cuts = cuts.tolist()
        for piece_start, piece_end in zip([run_start, *cuts], [*cuts, run_end], strict=True):
            if piece_start > run_start:
                add_pause(BOUNDARY_FRAMES, piece_start, piece_start)
            frames = np.arange(piece_start, piece_end, dtype=np.int64)
            parts.append((frames, frames + 1, False))
        previous_end = run_end
    begin = np.concatenate([part[0] for part in parts])
    end = np.concatenate([part[1] for part in parts])
    pause = np.concatenate([np.full(len(part[0]), part[2]) for part in parts])
    out = np.zeros((len(begin), speech.shape[1] + 1), np.float32)
    out[~pause, :-1] = speech[begin[~pause]]
    out[pause, -1] = PAUSE_WEIGHT
    return _Sequence(out, begin, end, pause)


#: Price of skipping a stretch of synthesis between two silences: this much ...
SKIP_BASE = 5.0
#: ... and this much for each synthesized frame skipped.
SKIP_FRAME = 1.0
#: ... or this much a frame when it waits on a real pause.
SKIP_PAUSE_FRAME = 0.85
#: ... a real pause at least this share of the skipped synthesis long.
SKIP_ROOM = 1.0


def _clause_skips(synth: _Sequence, real: _Sequence) -> Skips:
    """Each stretch of synthesized speech between two silences may be skipped whole (:class:`Skips`).

    A clause of the script that the recording does not have (a cut, words a
    recognizer put in static) otherwise has to be squeezed into the speech
    beside it, and the words after it come early. Skipped, its frames wait on
    one real frame and its words come out missing.

    The price: :data:`SKIP_BASE` and :data:`SKIP_FRAME` a skipped frame, or
    :data:`SKIP_PAUSE_FRAME` where the skip waits on a real pause at least
    :data:`SKIP_ROOM` of the skipped synthesis long. Holding a synthesized frame
    on speech costs ``1 - similarity + STEP_PENALTY``: 0.75-1.1 in practice, and
    eSpeak NG's frames are only 0.3-0.5 similar to a real voice on clean speech
    (gaenswein15: 0.43 on the path's diagonal steps), so a skip's real frames,
    left to be crossed by horizontal steps (0.8-1.0 each), make skipping a
    clause that is there nearly as cheap as matching it. At 0.6 a frame
    gaenswein15 lost its last two clauses (13 words); at 0.85 on a long pause
    and 1.0 elsewhere no file of ``benchmarks/audio_real.py`` loses a word it
    has, and a sentence cut from a synthesized narration is skipped whole
    (tests/audio/test_skips.py).
    """
    pause = synth.pause.astype(np.int8)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], pause, [0]])))
    run_starts, run_ends = edges[::2], edges[1::2]
    silences = run_ends - run_starts >= PAUSE_FRAMES
    run_starts, run_ends = run_starts[silences], run_ends[silences]
    # not the first stretch: the path's first row crosses the recording's
    # opening without the step price, which made skipping the first clause
    # cheaper than matching it ("Hola," in dosparlants, present at 0.9 s)
    source = (run_ends[1:-1] - 1).astype(np.int64)
    target = run_starts[2:].astype(np.int64)
    skipped = np.array(
        [np.count_nonzero(~synth.pause[a:b]) for a, b in zip(source, target, strict=True)],
        np.float64,
    )
    room = np.where(real.pause, real.begin - real.end, 0).astype(np.float64)
    return Skips(
        source,
        target,
        SKIP_BASE + SKIP_FRAME * skipped,
        SKIP_BASE + SKIP_PAUSE_FRAME * skipped,
        SKIP_ROOM * skipped,
        room,
    )


#: How the aligner reads the speech probabilities: more readily than the reported regions.
#:
#: Silero scores reverberant or breathy speech (eSpeak NG's klatt voices in a
#: room, at 10 dB of noise) at 0.2-0.45 for whole sentences, under the 0.5 that
#: starts a region: those sentences were dropped from the real side, and their
#: words came out missing or squeezed onto the neighbouring speech (54 words
#: missing, cue-start p95 303 ms on the benchmark's klatt2 narration). A word
#: lost from the real side is worse for the aligner than a little noise kept,
#: which the DTW absorbs. Regions start at 0.3 and end under 0.2; the model's
#: hangover below 0.2 is longer, a median 119 ms measured as for
#: :class:`~captionkit.audio.vad.VadSettings` (three voices, clean, noise and
#: reverberation at 10 dB; 83 ms under 0.35).
ALIGN_SETTINGS = VadSettings(threshold=0.3, off_threshold=0.2, end_lag_ms=120, onset_windows=8)


def _align_regions(heard: Heard) -> tuple[tuple[int, int], ...]:
    """The stretches the aligner treats as speech (:data:`ALIGN_SETTINGS`)."""
    if len(heard.vad) == 0:
        return heard.speech
    return regions(heard.vad, ALIGN_SETTINGS)


#: Loudness range (natural log of power; 6 is 26 dB) a recording needs for its dips to be pauses.
CLEAR_RANGE = 6.0
#: A dip is in this lowest share of the local range ...
DIP_SHARE = 0.2
#: ... for at least this many 10 ms frames.
DIP_FRAMES = 15
#: Frames of a block of the local range; the range spans this block and four either side (2.2 s).
_BLOCK = 50


def _local_range(
    energy: npt.NDArray[np.float32],
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """The energy smoothed over 50 ms, and each frame's local floor and range (within about 2.2 s)."""
    count = len(energy)
    edged = np.pad(energy, 2, mode="edge")
    smooth = np.convolve(edged, np.ones(5, np.float32) / 5, mode="valid").astype(np.float32)
    blocks = -(-count // _BLOCK)
    padded = np.full(blocks * _BLOCK, smooth[-1], np.float32)
    padded[:count] = smooth
    top = padded.reshape(blocks, _BLOCK).max(axis=1)
    bottom = padded.reshape(blocks, _BLOCK).min(axis=1)
    peak, floor = top.copy(), bottom.copy()
    for shift in range(1, 5):
        peak[shift:] = np.maximum(peak[shift:], top[:-shift])
        peak[:-shift] = np.maximum(peak[:-shift], top[shift:])
        floor[shift:] = np.minimum(floor[shift:], bottom[:-shift])
        floor[:-shift] = np.minimum(floor[:-shift], bottom[shift:])
    peak, floor = np.repeat(peak, _BLOCK)[:count], np.repeat(floor, _BLOCK)[:count]
    return smooth, floor, peak - floor


#: How far (10 ms frames) a clause's first word may move to the voice's return after a pause.
ONSET_REACH = 30
#: The least rise (natural log of power; 1.5 is 6.5 dB) from the 80 ms before an onset to the 50 ms after.
ONSET_RISE = 1.5
#: Of the onsets within reach, the nearest one that rises at least this share of the strongest.
ONSET_SHARE = 0.6
#: The local range (natural log of power; 8.5 is 37 dB) a recording needs for its onsets to count.
#:
#: Cleaner than :data:`CLEAR_RANGE` asks for pauses: music under the voice at 10 dB
#: ranges 29-33 dB and its notes rise out of its own lulls (9 of 30 words moved
#: were put 100 ms or more off), pink noise at 20 dB about the same; the real
#: recordings of ``benchmarks/audio_hand.py`` range 38-50 dB, a synthesized
#: narration in silence over 100.
ONSET_RANGE = 8.5
#: Frames after an onset that must all stay above the quiet line: the voice holds (not a click).
SUSTAIN = 12
_BEFORE, _AFTER = 8, 5


def _onset_rises(
    energy: npt.NDArray[np.float32],
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.bool_]]:
    """Where the voice comes back after a short pause: for each frame, the rise of the
    energy into it when 80 ms in the lowest fifth of a clean local range come before it
    and 120 ms above that range follow it (else 0); and which frames are such an onset
    whether or not the voice holds 120 ms.

    >>> energy = np.full(300, 5.0, np.float32)
    >>> energy[100:110] = -5.0  # a pause of 100 ms, too short for the voice-activity model
    >>> rises, onsets = _onset_rises(energy)  # the voice is back at frame 110; smoothed, the rise peaks at 111
    >>> np.flatnonzero(rises).tolist(), int(np.argmax(rises)), np.flatnonzero(onsets).tolist()
    ([107, 108, 109, 110, 111], 111, [107, 108, 109, 110, 111])
    """
    count = len(energy)
    rises = np.zeros(count, np.float32)
    onsets = np.zeros(count, bool)
    if count < _BEFORE + SUSTAIN + 1:
        return rises, onsets
    smooth, floor, span = _local_range(energy)
    line = floor + DIP_SHARE * span
    sums = np.concatenate([[0.0], np.cumsum(smooth, dtype=np.float64)])
    frames = np.arange(_BEFORE, count - SUSTAIN)
    before = (sums[frames] - sums[frames - _BEFORE]) / _BEFORE
    after = (sums[frames + _AFTER] - sums[frames]) / _AFTER
    onset = (
        (before <= line[frames]) & (span[frames] >= ONSET_RANGE) & (after - before >= ONSET_RISE)
    )
    lowest = np.lib.stride_tricks.sliding_window_view(smooth[2:], SUSTAIN - 2).min(axis=1)
    held = onset & (lowest[frames] > line[frames])
    rises[frames[held]] = (after - before)[held]
    onsets[frames[onset]] = True
    return rises, onsets


def _onsets_after_pauses(
    placed: Sequence[AudioWord],
    clause_first: npt.NDArray[np.bool_] | None,
    energy: npt.NDArray[np.float32],
) -> tuple[AudioWord, ...]:
    """Each clause's first word moved to where the voice comes back after a short pause.

    Where the recording is clean (a local range of :data:`ONSET_RANGE`), a pause too
    short for the voice-activity model to leave out (50-150 ms at a script's line
    end) still sits near the floor, and the path, which does not see it, may lay the
    word on it or on the end of the clause before. Within :data:`ONSET_REACH` of
    where the path put it, the word then starts at the nearest onset
    (:func:`_onset_rises`) rising at least :data:`ONSET_SHARE` of the strongest one
    there (the strongest alone was as often the burst after a stop inside the
    word). A word the path starts on an onset already stays, even where the voice
    does not hold 120 ms (a stop's closure early in the word: in 20 dB of noise,
    before this rule was kept to clean recordings, 58 of 84 words moved were made
    worse, by up to 256 ms). Measured with ``benchmarks/audio_lines.py`` (clean: the
    lines' first words p95 119-176 ms to 42-60) and ``benchmarks/audio_hand.py``.
    """
    if clause_first is None or len(energy) == 0:
        return tuple(placed)
    rises, any_onset = _onset_rises(energy)
    out = list(placed)
    for i in range(1, len(out)):
        word = out[i]
        if not clause_first[i] or word.status != "aligned":
            continue
        frame = word.start_ms // FRAME_MS
        if any_onset[max(0, frame - 3) : frame + 4].any():
            continue
        first = max(0, frame - ONSET_REACH)
        window = rises[first : frame + ONSET_REACH + 1]
        if not window.any():
            continue
        strong = np.flatnonzero(window >= ONSET_SHARE * window.max()) + first
        onset = int(strong[np.argmin(np.abs(strong - frame))])
        start = onset * FRAME_MS
        if start <= out[i - 1].start_ms or start >= max(word.end_ms, word.start_ms + 1):
            continue
        out[i] = replace(word, start_ms=start)
        if out[i - 1].end_ms > start:
            out[i - 1] = replace(out[i - 1], end_ms=start)
    return tuple(out)


def _dips(energy: npt.NDArray[np.float32], speech: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """Pauses the voice-activity model bridged: 150 ms or more near the floor of a clean recording.

    Silero holds its probability near 1 through a pause of 200-300 ms inside
    fluent speech (gaenswein15: "von | 1962", a 280 ms pause at 1.0), so the
    pause stayed speech to the aligner and the word after it was put on the
    pause (narrations read with a 250 ms pause mid-clause: a third of the words
    after it within 150 ms). Where the recording is clean (26 dB or more between
    the loudest and the quietest frames within about 2 s), its energy shows the
    pause: frames in the lowest fifth of that range, for 150 ms or more. In a
    noisier recording (the benchmark's narrations at 10 dB: about 20 dB) quiet
    speech, such as a breathy onset in a reverberant room, sits near the floor
    too, and no dip is taken. Only dips with ``speech`` on both sides count:
    one that runs into a pause already found would only stretch that pause
    over the quiet start of the next word (a breathy onset at 20 dB: sentence
    starts 150-300 ms late).

    >>> loud = np.full(300, 5.0, np.float32)
    >>> loud[100:120] = -3.0  # 200 ms, 8 below
    >>> loud[200:210] = -3.0  # 100 ms: too short
    >>> found = np.flatnonzero(_dips(loud, np.ones(300, bool)))  # smoothed over 50 ms: the dip's edges move in
    >>> int(found[0]), int(found[-1]), len(found)
    (101, 118, 18)
    """
    count = len(energy)
    out = np.zeros(count, bool)
    if count == 0:
        return out
    smooth, floor, span = _local_range(energy)
    quiet = (smooth - floor <= DIP_SHARE * span) & (span >= CLEAR_RANGE)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], quiet.astype(np.int8), [0]])))
    for begin, end in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True):
        inside = begin > 0 and end < count and bool(speech[begin - 1 : end + 1].all())
        if end - begin >= DIP_FRAMES and inside:
            out[begin:end] = True
    return out


def align_heard(
    words: Sequence[str],
    heard: Heard,
    *,
    language: str = "ar",
    voice: Voice | None = None,
    progress: Callable[[float], None] | None = None,
    spoken: Spoken | None = None,
    line_ends: Collection[int] = (),
) -> AudioAlignment:
    """Align ``words`` to audio already heard (see :func:`captionkit.audio.listen.listen`).

    ``spoken`` is the words' synthesis when it was made already (:func:`speak`);
    ``line_ends`` as for :func:`align_words`.
    """
    words = list(words)
    if spoken is None:
        spoken = speak(words, voice or voice_for(language), line_ends)
    if progress is not None:
        progress(0.3)
    synth_keep = _voiced(spoken.energy, spoken.breaks)
    real_keep = frame_mask(_align_regions(heard), len(heard.features), FRAME_MS)
    real_keep &= ~_dips(heard.energy, real_keep)
    if not synth_keep.any() or not real_keep.any() or not words:
        return AudioAlignment(
            words=tuple(AudioWord(i, w, 0, 0, "missing", 0.0) for i, w in enumerate(words)),
            speech=heard.speech,
            duration_ms=heard.duration_ms,
        )
    synth = _sequence(spoken.features, synth_keep, spoken.starts)
    real = _sequence(heard.features, real_keep)

    def stage(fraction: float) -> None:
        if progress is not None:
            progress(0.3 + 0.65 * fraction)

    skips = _clause_skips(synth, real)
    low, high = align_path(synth.features, real.features, progress=stage, skips=skips)
    similarity = np.einsum("nd,nd->n", synth.features, real.features[low])
    skipped = _skipped(skips, low, high)
    result = _place(words, spoken.starts, synth, real, low, high, similarity, skipped)
    result = _onsets_after_pauses(result, spoken.clause_first, heard.energy)
    if progress is not None:
        progress(1.0)
    return AudioAlignment(words=result, speech=heard.speech, duration_ms=heard.duration_ms)


def _skipped(
    skips: Skips, low: npt.NDArray[np.int64], high: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    """The synthesized rows the path crossed in one of ``skips``: all held on the column it landed on."""
    out = np.zeros(len(low), bool)
    for source, target in zip(skips.source.tolist(), skips.target.tolist(), strict=True):
        column = low[target]
        inside = slice(source + 1, target)
        if (
            high[source] == column
            and (low[inside] == column).all()
            and (high[inside] == column).all()
        ):
            out[inside] = True
    return out


def _place(
    words: Sequence[str],
    starts: npt.NDArray[np.int64],
    synth: _Sequence,
    real: _Sequence,
    low: npt.NDArray[np.int64],
    high: npt.NDArray[np.int64],
    similarity: npt.NDArray[np.float32],
    skipped: npt.NDArray[np.bool_],
) -> tuple[AudioWord, ...]:
    """Each word's real start and end from the path, and whether its audio is there (``skipped``: rows it skipped)."""
    speech_rows = np.flatnonzero(~synth.pause)
    n = len(speech_rows)
    known = starts >= 0
    filled = starts.copy()
    # a word eSpeak said nothing for starts where the next spoken word does
    following = int(synth.begin[-1]) + 1
    for i in range(len(filled) - 1, -1, -1):
        if filled[i] < 0:
            filled[i] = following
        following = int(filled[i])
    # each word's first speech row, and one past its last
    first = np.searchsorted(synth.begin[speech_rows], filled, side="left")
    last = np.maximum(np.concatenate([first[1:], [n]]), first)
    # the global pace: real speech frames for one synthesized one
    pace = max(0.2, float(np.count_nonzero(~real.pause)) / max(1, n))
    sizes = np.zeros(len(words), np.int64)
    gone = np.zeros(len(words), bool)
    spans = np.zeros((len(words), 2), np.int64)  # first and last real position of each word
    placed: list[AudioWord] = []
    for i, word in enumerate(words):
        a, b = int(first[i]), int(last[i])
        if a >= n:
            start = end = int(real.end[-1]) * FRAME_MS
            placed.append(AudioWord(i, word, start, end, "missing", 0.0))
            continue
        row_a = int(speech_rows[a])
        start = int(real.begin[low[row_a]]) * FRAME_MS
        if b > a:
            row_b = int(speech_rows[b - 1])
            end = int(real.end[high[row_b]]) * FRAME_MS
            rows = speech_rows[a:b]
            gone[i] = bool(skipped[rows].all())
            synth_frames = b - a
            spans[i] = (low[row_a], high[row_b])
            score = float(np.mean(similarity[rows]))
        else:
            end = start
            synth_frames = 0
            spans[i] = (low[row_a], low[row_a])
            score = 0.0
        confidence = float(np.clip((score + 0.1) / 0.6, 0.0, 1.0)) if known[i] else 0.0
        sizes[i] = synth_frames
        placed.append(AudioWord(i, word, start, max(end, start), "aligned", round(confidence, 3)))
    speech_before = np.concatenate([[0], np.cumsum(~real.pause)])
    return _mark_missing(placed, sizes, spans, speech_before, pace, gone)


#: Synthesized speech frames (10 ms) that a run of squeezed words must reach to be missing.
MISSING_RUN = 60
#: Synthesized frames of a word that, all held on a real pause, make it missing on its own.
#:
#: Such a word has no audio the path could give it: apollo11's "We" that
#: whisper put in static at 31.2 s, and the last words of its script held on
#: the recording's final pause, 11 s after their audio. Not on the opening
#: pause: a first word held there starts where the speech starts, which is
#: where it is ("Hola," in dosparlants, 60 ms before the hand mark).
#: The price: a sentence's first word whose quiet onset the path missed is
#: missing too (benchmarks/audio_arabic.py, ``ar+f2`` music 10 dB: one word in
#: 16.6 minutes, held on the pause before it, 284 ms late before it was marked). At 30
#: frames apollo11's last words stay aligned 11 s late (p95 5652 ms).
HELD_WORD = 20


def _mark_missing(
    placed: list[AudioWord],
    sizes: npt.NDArray[np.int64],
    spans: npt.NDArray[np.int64],
    speech_before: npt.NDArray[np.int64],
    pace: float,
    gone: npt.NDArray[np.bool_],
) -> tuple[AudioWord, ...]:
    """Runs of squeezed words long enough to be speech of their own are missing from the audio.

    One short word squeezed is the path taking a fast speaker's word in one
    step; a sentence's worth of synthesized speech crossed in a few real frames
    is speech the recording does not have. A word is a candidate when it gets
    less than half its share of real speech; a run of candidates is missing when
    it holds at least :data:`MISSING_RUN` synthesized frames and, all together,
    less than 30% of its share. A word the path skipped (``gone``: see
    :func:`_clause_skips`) has no audio however short it is, nor has a word of
    :data:`HELD_WORD` frames or more held on a real pause.
    """

    def real_frames(first: int, last: int) -> int:
        return int(speech_before[spans[last, 1] + 1] - speech_before[spans[first, 0]])

    candidate = np.array(
        [real_frames(i, i) < 0.5 * pace * sizes[i] for i in range(len(placed))], dtype=bool
    )
    edges = np.flatnonzero(np.diff(np.concatenate([[0], candidate.astype(np.int8), [0]])))
    result = list(placed)
    runs = [
        (begin, end)
        for begin, end in zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True)
        if int(sizes[begin:end].sum()) >= MISSING_RUN
        and real_frames(begin, end - 1) < 0.3 * pace * int(sizes[begin:end].sum())
    ]
    runs += [
        (i, i + 1)
        for i in range(len(placed))
        if gone[i] or (sizes[i] >= HELD_WORD and real_frames(i, i) == 0 and spans[i, 0] > 0)
    ]
    for begin, end in runs:
        for i in range(begin, end):
            word = result[i]
            result[i] = AudioWord(
                word.index, word.word, word.start_ms, word.start_ms, "missing", 0.0
            )
    return tuple(result)


def align_words(
    words: Sequence[str],
    audio: str | os.PathLike[str],
    *,
    language: str = "ar",
    voice: Voice | None = None,
    progress: Callable[[float], None] | None = None,
    line_ends: Collection[int] = (),
) -> AudioAlignment:
    """Place each of ``words`` in ``audio`` (any file the packaged ffmpeg reads).

    ``language`` picks eSpeak NG's voice (``"ar"``, ``"en"``, ``"fr"``, ...);
    ``progress`` receives the fraction done, from 0 to 1; ``line_ends`` are the
    indexes of the words that end a line of the script, where a narrator may
    pause as after a comma (:func:`_clause_firsts`).
    """
    words = list(words)
    # the synthesis runs on its own thread while the file is decoded and heard:
    # eSpeak NG, ffmpeg, the MFCCs and the voice-activity model share the cores
    with ThreadPoolExecutor(1, thread_name_prefix="captionkit-tts") as pool:
        synthesis = pool.submit(speak, words, voice or voice_for(language), line_ends)
        try:
            heard = listen(audio)
        except BaseException:
            synthesis.cancel()
            raise
        spoken = synthesis.result()
    if progress is not None:
        progress(0.5)

    def rest(fraction: float) -> None:
        if progress is not None:
            progress(0.5 + 0.5 * max(0.0, fraction - 0.3) / 0.7)

    return align_heard(words, heard, language=language, voice=voice, progress=rest, spoken=spoken)
