"""Token alignment: give each narration word the time at which the recognizer heard it.

The narration is the clean text; the recognizer's words carry the times but
misspell, drop and invent words. Alignment runs on matching keys
(:mod:`captionkit.align.keys`) mapped to integers:

1. **Anchors.** For long inputs, word pairs (bigrams) that occur once on each side are
   paired, and the longest chain of pairs in order on both sides is kept
   (a longest increasing subsequence), so a chance match far away cannot
   cross the others. The gaps between anchors are aligned one by one, with
   anchors again (single words, unique in the gap) where a gap is still long,
   and cut in proportional pieces when nothing is unique (a text that repeats
   itself). The cost grows near-linearly instead of quadratically.
2. **Edit distance.** Between anchors, rapidfuzz's Levenshtein opcodes on the
   integer lists give the equal runs. Inside a *replace* block the words are
   paired by string similarity (a monotone best pairing), so ``الاتحاد`` still
   finds ``الإتحاد`` and a recognizer's misspelling still times its word. One
   or two words replaced by as many, between equal runs, and too different to
   pair, take the time of what the recognizer heard in their place (they still
   count as interpolated).
3. **Containment.** A match of one or two words cut off from the rest, whose
   time would squeeze the narration around it faster than anyone speaks (a
   common word matched in an invented phrase during a silence, or across a
   dropped stretch), is dropped, so the error stays inside its stretch.
4. **Interpolation** (:mod:`captionkit.align.interpolate`) times the rest.

A single-letter clitic written apart (``و الحرب``) is joined to the next word on
both sides before matching, so that it matches ``والحرب`` however either side wrote it.

>>> from captionkit.align.sources import loads_timestamps
>>> stamps = loads_timestamps("0,0.5,the\\n0.5,1.0,cat\\n2.0,2.6,sat\\n", "csv")
>>> result = align_narration(["The", "black", "cat", "sat."], stamps)
>>> [(w.word, w.start, w.end, w.status) for w in result.words]
[('The', 0, 500, 'matched'), ('black', 500, 500, 'interpolated'), ('cat', 500, 1000, 'matched'), ('sat.', 2000, 2600, 'matched')]
>>> result.matched_share
0.75
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, TypeAlias

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from captionkit.align.interpolate import distribute, interpolate, ms_per_char
from captionkit.align.keys import CLITICS, matching_key
from captionkit.align.sources import AlignmentError, Level, TimedWord, Timestamps

__all__ = [
    "Alignment",
    "Status",
    "WordTiming",
    "align_narration",
    "match_sequences",
]

Status: TypeAlias = Literal["matched", "interpolated"]
#: A matching unit: its key, and the first and last word it stands for.
Unit: TypeAlias = tuple[str, int, int]

#: Below this share of narration words matched, the timestamps are about something else.
MIN_MATCHED_SHARE = 0.25
#: Inputs longer than this (in words, either side) are anchored before the edit distance.
ANCHOR_ABOVE = 12000
#: Least string similarity (0..100) for pairing two different words in a replaced block.
PAIR_SIMILARITY = 65.0
#: Largest replaced block (narration words x recognizer words) that is paired by similarity.
PAIR_CELLS = 4000
#: Fewer unmatched characters than this between two matches are never "squeezed": a
#: recognizer that drops a short word stretches its neighbours over it.
SQUEEZE_CHARS = 12
#: A recognizer token starting with an apostrophe was split off the word before it
#: (``L 'esquelet``), and so was a short one starting with a hyphen (``impulsar -los``).
_APOSTROPHES = frozenset("'’")
_HYPHENS = frozenset("-‐")
#: Sentence and clause ends after which a pause is likely.
SENTENCE_ENDS = tuple(".!?؟…:;؛")
_SENTENCE_END_CHARS = frozenset(SENTENCE_ENDS)
_CLOSING_TEXT = "\"'»”)]"
_CLOSING = frozenset(_CLOSING_TEXT)


class WordTiming(NamedTuple):
    """A narration word (the ``position``-th) and its time.

    ``status`` is ``matched`` when a recognizer word gave the time, ``interpolated``
    when it was guessed from neighbours. ``source`` is the index of the matched
    recognizer word; ``similarity`` is 1.0 for equal keys, less for a pairing by
    similarity, 0.0 when interpolated. A named tuple, as :class:`TimedWord`, for speed.
    """

    position: int
    word: str
    start: int
    end: int
    status: Status
    source: int | None = None
    similarity: float = 0.0


@dataclass(frozen=True, slots=True)
class Alignment:
    """The narration's words with times, and where those times came from.

    ``scored`` counts the words that can match at all (not punctuation alone):
    the matched share is taken over them.
    """

    words: tuple[WordTiming, ...]
    source_format: str
    level: Level
    source_words: int
    scored: int = -1

    @property
    def matched(self) -> int:
        """How many narration words a recognizer word timed."""
        return sum(1 for word in self.words if word.status == "matched")

    @property
    def matched_share(self) -> float:
        """The share of narration words that a recognizer word timed."""
        total = self.scored if self.scored >= 0 else len(self.words)
        return self.matched / total if total else 0.0


# --------------------------------------------------------------------------- entry point


def align_narration(
    words: Sequence[str],
    timestamps: Timestamps,
    *,
    line_starts: Sequence[int] = (),
    min_matched_share: float = MIN_MATCHED_SHARE,
    anchor_above: int = ANCHOR_ABOVE,
) -> Alignment:
    """Time every narration word from the timestamps.

    ``line_starts`` lists the index of the first word of each narration line:
    a hint for pauses, and required by the ``lines`` format (one time per line).
    Raises :class:`AlignmentError` when the timestamps match less than
    ``min_matched_share`` of the narration (another language, another file).
    """
    if not words:
        raise AlignmentError("the narration has no words to time")
    breaks = _breaks_before(words, line_starts)
    chars = [len(word) + 1 for word in words]
    if timestamps.level == "line":
        return _align_lines(words, timestamps, line_starts, chars)
    source = timestamps.words
    narration_units, source_units, scored = _matching_units(words, timestamps)
    pairs = _pair_units(narration_units, source_units, anchor_above)
    placed = _place_pairs(pairs, narration_units, source_units, source, chars)
    starts, ends, sources = placed.starts, placed.ends, placed.sources
    rate = ms_per_char(chars, starts, ends)
    _contain(chars, starts, ends, sources, rate)
    _require_share(starts, scored, min_matched_share, timestamps)
    guessed_starts, guessed_ends = _with_hints(chars, starts, ends, source, placed.hints)
    final_starts, final_ends = interpolate(chars, guessed_starts, guessed_ends, breaks, rate)
    make_monotonic(final_starts, final_ends)
    timed = _word_timings(words, sources, placed.similarity, final_starts, final_ends)
    return Alignment(timed, timestamps.format, timestamps.level, len(source), scored)


class _Placed(NamedTuple):
    """Times the matched pairs give the narration words, one slot a word (``None``: not
    timed yet), and the positional pairs (``hints``) that only lend a time later."""

    starts: list[int | None]
    ends: list[int | None]
    sources: list[int | None]
    similarity: list[float]
    hints: list[tuple[int, int, int, int]]  # narration span and source span


def _matching_units(
    words: Sequence[str], timestamps: Timestamps
) -> tuple[list[Unit], list[Unit], int]:
    """The matching units of both sides (see :func:`_units`) and how many narration words
    can match at all; kept apart so that the two errors about inputs with nothing to match
    are raised before any matching is done."""
    source = timestamps.words
    narration_keys = [matching_key(word) for word in words]
    scored = len(narration_keys) - narration_keys.count("")
    if scored == 0:
        raise AlignmentError("the narration has no words to match, only punctuation")
    narration_units = _units(narration_keys)
    source_texts = [word.text for word in source]
    source_units = _units([matching_key(text) for text in source_texts], source_texts)
    if not source_units:
        raise AlignmentError(
            f"the timestamps hold no words, only marks such as {source[0].text!r}: "
            "the recognizer heard no speech",
            file=timestamps.file,
        )
    return narration_units, source_units, scored


def _pair_units(
    narration_units: Sequence[Unit], source_units: Sequence[Unit], anchor_above: int
) -> list[tuple[int, int, float]]:
    """Pairs of unit positions from :func:`match_sequences`, which works on integer ids
    (one per distinct key of either side) because the edit distance and the anchors are
    far faster on integers than on strings."""
    narration_unit_keys = [unit[0] for unit in narration_units]
    source_unit_keys = [unit[0] for unit in source_units]
    vocabulary = {
        key: number
        for number, key in enumerate(dict.fromkeys(narration_unit_keys + source_unit_keys))
    }
    return match_sequences(
        [vocabulary[key] for key in narration_unit_keys],
        [vocabulary[key] for key in source_unit_keys],
        narration_unit_keys,
        source_unit_keys,
        anchor_above=anchor_above,
    )


def _place_pairs(
    pairs: Sequence[tuple[int, int, float]],
    narration_units: Sequence[Unit],
    source_units: Sequence[Unit],
    source: Sequence[TimedWord],
    chars: Sequence[int],
) -> _Placed:
    """Turn unit pairs back into word times: a word matched to a word takes its time, a
    unit of several words shares the span of what it matched by length, and a pair of
    similarity 0.0 is kept aside as a hint (it times nothing by itself)."""
    count = len(chars)
    placed = _Placed([None] * count, [None] * count, [None] * count, [0.0] * count, [])
    starts, ends, sources, similarity = (
        placed.starts,
        placed.ends,
        placed.sources,
        placed.similarity,
    )
    for unit_a, unit_b, score in pairs:
        _, first_a, last_a = narration_units[unit_a]
        _, first_b, last_b = source_units[unit_b]
        if score == 0.0:
            placed.hints.append((first_a, last_a, first_b, last_b))
            continue
        if first_a == last_a and first_b == last_b:
            heard = source[first_b]
            if heard.start is not None and heard.end is not None:
                starts[first_a], ends[first_a] = heard.start, heard.end
                sources[first_a], similarity[first_a] = first_b, score
            continue
        span = _span(source[first_b : last_b + 1])
        if span is None:
            continue
        for offset, (left, right) in enumerate(
            distribute(chars[first_a : last_a + 1], span[0], span[1])
        ):
            position = first_a + offset
            starts[position], ends[position] = left, right
            sources[position] = first_b
            similarity[position] = score
    return placed


def _require_share(
    starts: list[int | None], scored: int, min_matched_share: float, timestamps: Timestamps
) -> None:
    """Refuse timestamps that match too little of the narration: they are of another
    recording or in another language, and interpolating the rest would invent a timing."""
    matched = len(starts) - starts.count(None)
    share = matched / scored
    if matched == 0 or share < min_matched_share:
        raise AlignmentError(
            f"only {matched} of {scored} narration words ({share:.0%}) were found in the "
            f"timestamps ({len(timestamps.words)} words{_language_note(timestamps)}): are they "
            "in another language, or of another recording?",
            file=timestamps.file,
        )


def _word_timings(
    words: Sequence[str],
    sources: Sequence[int | None],
    similarity: Sequence[float],
    starts: Sequence[int],
    ends: Sequence[int],
) -> tuple[WordTiming, ...]:
    """The final :class:`WordTiming` of each word, built in one pass because this is the
    one loop over every word that a long narration cannot avoid."""
    build = tuple.__new__  # the named tuple's own constructor, without its Python-level wrapper
    return tuple(
        [
            build(WordTiming, (index, word, start, end, "matched", origin, score))
            if origin is not None
            else build(WordTiming, (index, word, start, end, "interpolated", None, 0.0))
            for index, (word, origin, score, start, end) in enumerate(
                zip(words, sources, similarity, starts, ends, strict=True)
            )
        ]
    )


def _language_note(timestamps: Timestamps) -> str:
    language = timestamps.language
    return f", which the recognizer says are in {language!r}" if language else ""


def _with_hints(
    chars: Sequence[int],
    starts: Sequence[int | None],
    ends: Sequence[int | None],
    source: Sequence[TimedWord],
    hints: Sequence[tuple[int, int, int, int]],
) -> tuple[list[int | None], list[int | None]]:
    """Times lent by positional pairs (narration span, source span) to unmatched words,
    when they fall in order between the matched words around them."""
    guessed_starts, guessed_ends = list(starts), list(ends)
    for first_a, last_a, first_b, last_b in hints:
        span = _span(source[first_b : last_b + 1])
        if span is None or any(starts[k] is not None for k in range(first_a, last_a + 1)):
            continue
        previous = next((ends[k] for k in range(first_a - 1, -1, -1) if ends[k] is not None), 0)
        following = next(
            (starts[k] for k in range(last_a + 1, len(starts)) if starts[k] is not None), None
        )
        if span[0] < (previous or 0) or (following is not None and span[1] > following):
            continue  # out of order with the matched words: not a trustworthy hint
        for offset, (left, right) in enumerate(
            distribute(chars[first_a : last_a + 1], span[0], span[1])
        ):
            guessed_starts[first_a + offset], guessed_ends[first_a + offset] = left, right
    return guessed_starts, guessed_ends


# --------------------------------------------------------------------------- units


def _units(keys: Sequence[str], texts: Sequence[str] = ()) -> list[Unit]:
    """Matching units: (key, first word, last word).

    A clitic written apart joins the next word, and a piece that a recognizer's
    tokenizer split off (``L 'esquelet``, ``impulsar -los``: a token in ``texts``
    starting with an apostrophe, or a short one with a hyphen) joins the previous one.

    >>> _units(["و", "الحرب", "", "انتهت"])
    [('والحرب', 0, 1), ('انتهت', 3, 3)]
    >>> _units(["l", "esquelet"], ["L", "'esquelet"])
    [('lesquelet', 0, 1)]
    """
    marks = _APOSTROPHES | _HYPHENS
    attached = {
        index
        for index, text in enumerate(texts)
        if text[:1] in marks and (text[0] in _APOSTROPHES or len(keys[index]) <= 4)
    }
    special = {index for index, key in enumerate(keys) if not key or key in CLITICS}
    if not special and not attached:
        return [(key, index, index) for index, key in enumerate(keys)]
    special |= attached
    units: list[Unit] = []
    append = units.append
    index = 0
    count = len(keys)
    for stop in [*sorted(special), count]:
        if stop > index:  # the plain words up to the next special one, in one go
            units.extend([(keys[k], k, k) for k in range(index, stop)])
            index = stop
        if index >= count or index > stop:
            continue
        key = keys[index]
        if not key:
            index += 1
        elif index in attached and units and units[-1][2] == index - 1:
            previous = units.pop()
            append((previous[0] + key, previous[1], index))
            index += 1
        elif key in CLITICS and index + 1 < count and keys[index + 1]:
            append((key + keys[index + 1], index, index + 1))
            index += 2
        else:
            append((key, index, index))
            index += 1
    return units


def _span(words: Sequence[TimedWord]) -> tuple[int, int] | None:
    starts = [word.start for word in words if word.start is not None]
    ends = [word.end for word in words if word.end is not None]
    if not starts or not ends:
        return None
    return min(starts), max(max(ends), min(starts))


def _breaks_before(words: Sequence[str], line_starts: Sequence[int]) -> list[bool]:
    """Whether each word starts a line or follows a sentence or clause end."""
    breaks = [False] * len(words)
    for index in line_starts:
        if 0 <= index < len(words):
            breaks[index] = True
    ends, closing = _SENTENCE_END_CHARS, _CLOSING
    for index, word in enumerate(words[:-1], 1):
        last = word[-1:]
        if last in ends or (last in closing and word.rstrip(_CLOSING_TEXT)[-1:] in ends):
            breaks[index] = True
    if words:
        breaks[0] = True
    return breaks


# --------------------------------------------------------------------------- matching


def match_sequences(
    a: Sequence[int],
    b: Sequence[int],
    a_keys: Sequence[str],
    b_keys: Sequence[str],
    *,
    anchor_above: int = ANCHOR_ABOVE,
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)`` of positions in ``a`` and ``b``, increasing in both.

    ``a`` and ``b`` are token ids; ``a_keys`` and ``b_keys`` their strings (for
    pairing inside replaced blocks).

    >>> match_sequences([1, 2, 3, 4], [1, 9, 3, 4, 5], ["a", "bolt", "c", "d"],
    ...                 ["a", "bold", "c", "d", "e"])
    [(0, 0, 1.0), (1, 1, 0.75), (2, 2, 1.0), (3, 3, 1.0)]
    """
    pairs: list[tuple[int, int, float]] = []
    _match(a, b, a_keys, b_keys, 0, len(a), 0, len(b), pairs, anchor_above, 2)
    return pairs


def _match(
    a: Sequence[int],
    b: Sequence[int],
    a_keys: Sequence[str],
    b_keys: Sequence[str],
    a_lo: int,
    a_hi: int,
    b_lo: int,
    b_hi: int,
    out: list[tuple[int, int, float]],
    anchor_above: int,
    gram: int,
) -> None:
    """Align ``a[a_lo:a_hi]`` with ``b[b_lo:b_hi]``, appending pairs in order."""
    if a_lo >= a_hi or b_lo >= b_hi:
        return
    if a_hi - a_lo == 1 and b_hi - b_lo == 1:  # one word each side: no edit distance needed
        if a[a_lo] == b[b_lo]:
            out.append((a_lo, b_lo, 1.0))
        else:
            out.append((a_lo, b_lo, _similarity(a_keys[a_lo], b_keys[b_lo])))
        return
    if max(a_hi - a_lo, b_hi - b_lo) <= anchor_above:
        _edit_align(a, b, a_keys, b_keys, a_lo, a_hi, b_lo, b_hi, out)
        return
    if gram <= 0:
        _proportional(a, b, a_keys, b_keys, a_lo, a_hi, b_lo, b_hi, out, anchor_above)
        return
    anchors = _anchors(a[a_lo:a_hi], b[b_lo:b_hi], gram)
    if not anchors:
        _match(a, b, a_keys, b_keys, a_lo, a_hi, b_lo, b_hi, out, anchor_above, gram - 1)
        return
    previous_a, previous_b = a_lo, b_lo
    for i, j in anchors:
        i += a_lo
        j += b_lo
        if i > previous_a and j > previous_b:
            _match(a, b, a_keys, b_keys, previous_a, i, previous_b, j, out, anchor_above, 1)
        out.append((i, j, 1.0))
        previous_a, previous_b = i + 1, j + 1
    _match(a, b, a_keys, b_keys, previous_a, a_hi, previous_b, b_hi, out, anchor_above, 1)


def _proportional(
    a: Sequence[int],
    b: Sequence[int],
    a_keys: Sequence[str],
    b_keys: Sequence[str],
    a_lo: int,
    a_hi: int,
    b_lo: int,
    b_hi: int,
    out: list[tuple[int, int, float]],
    anchor_above: int,
) -> None:
    """The last resort for a long stretch with no unique word to anchor on (a text that
    repeats itself): cut both sides at the same proportions into pieces short enough
    for the edit distance, so that time and memory stay bounded.
    """
    pieces = -(-max(a_hi - a_lo, b_hi - b_lo) // anchor_above)
    for piece in range(pieces):
        a_from = a_lo + (a_hi - a_lo) * piece // pieces
        a_to = a_lo + (a_hi - a_lo) * (piece + 1) // pieces
        b_from = b_lo + (b_hi - b_lo) * piece // pieces
        b_to = b_lo + (b_hi - b_lo) * (piece + 1) // pieces
        _edit_align(a, b, a_keys, b_keys, a_from, a_to, b_from, b_to, out)


def _unique_grams(tokens: Sequence[int], gram: int) -> dict[tuple[int, ...], int]:
    """N-grams that occur once, and where (counted in C by ``Counter``)."""
    grams = list(zip(*(tokens[offset:] for offset in range(gram)), strict=False))
    counts = Counter(grams)
    positions = dict(zip(grams, range(len(grams)), strict=True))
    return {key: positions[key] for key, seen in counts.items() if seen == 1}


def _anchors(a: Sequence[int], b: Sequence[int], gram: int) -> list[tuple[int, int]]:
    """Token pairs of n-grams unique on both sides, the longest chain in order on both.

    >>> _anchors([1, 2, 3, 4, 5, 6], [9, 1, 2, 3, 7, 4, 5, 6], 3)
    [(0, 1), (1, 2), (2, 3), (3, 5), (4, 6), (5, 7)]
    """
    unique_b = _unique_grams(b, gram)
    candidates = sorted(
        (i, unique_b[key]) for key, i in _unique_grams(a, gram).items() if key in unique_b
    )
    chain = _longest_increasing(candidates)
    pairs: list[tuple[int, int]] = []
    last_i = last_j = -1
    for i, j in chain:
        for offset in range(gram):
            if i + offset > last_i and j + offset > last_j:
                pairs.append((i + offset, j + offset))
                last_i, last_j = i + offset, j + offset
    return pairs


def _longest_increasing(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of pairs (sorted by first) whose seconds strictly increase.

    >>> _longest_increasing([(0, 5), (1, 1), (2, 2), (3, 9), (4, 3)])
    [(1, 1), (2, 2), (4, 3)]
    """
    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        slot = bisect_left(tails, j)
        if slot == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[slot] = j
            tail_index[slot] = index
        parent[index] = tail_index[slot - 1] if slot > 0 else -1
    chain: list[tuple[int, int]] = []
    cursor = tail_index[-1] if tail_index else -1
    while cursor >= 0:
        chain.append(pairs[cursor])
        cursor = parent[cursor]
    chain.reverse()
    return chain


def _edit_align(
    a: Sequence[int],
    b: Sequence[int],
    a_keys: Sequence[str],
    b_keys: Sequence[str],
    a_lo: int,
    a_hi: int,
    b_lo: int,
    b_hi: int,
    out: list[tuple[int, int, float]],
) -> None:
    """Edit-distance alignment of one stretch; replaced words paired by similarity.

    A replaced block of one or two words on each side, between equal runs, that
    similarity cannot pair is paired by position with similarity 0.0: the
    recognizer heard *something* there, and its time is a better guess than one
    interpolated from further away. The caller uses such pairs for their time
    only; the words still count as interpolated.
    """
    opcodes = [
        (op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Levenshtein.opcodes(a[a_lo:a_hi], b[b_lo:b_hi])
    ]
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            out.extend((a_lo + i1 + k, b_lo + j1 + k, 1.0) for k in range(i2 - i1))
        elif tag == "replace":
            paired = _pair_by_similarity(a_keys, b_keys, a_lo + i1, a_lo + i2, b_lo + j1, b_lo + j2)
            enclosed = (number == 0 or opcodes[number - 1][0] == "equal") and (
                number + 1 == len(opcodes) or opcodes[number + 1][0] == "equal"
            )
            if not paired and enclosed and i2 - i1 == j2 - j1 <= 2:
                paired = [(a_lo + i1 + k, b_lo + j1 + k, 0.0) for k in range(i2 - i1)]
            out.extend(paired)


def _pair_by_similarity(
    a_keys: Sequence[str], b_keys: Sequence[str], a_lo: int, a_hi: int, b_lo: int, b_hi: int
) -> list[tuple[int, int, float]]:
    """The monotone pairing of a replaced block with the greatest total similarity.

    Words of one or two letters pair only when equal: their similarity says little.
    """
    rows, columns = a_hi - a_lo, b_hi - b_lo
    if rows * columns > PAIR_CELLS:
        return []
    score = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        key_a = a_keys[a_lo + i - 1]
        row, above = score[i], score[i - 1]
        for j in range(1, columns + 1):
            best = max(above[j], row[j - 1])
            similarity = _similarity(key_a, b_keys[b_lo + j - 1])
            if similarity and above[j - 1] + similarity > best:
                best = above[j - 1] + similarity
            row[j] = best
    pairs: list[tuple[int, int, float]] = []
    i, j = rows, columns
    while i > 0 and j > 0:
        if score[i][j] == score[i - 1][j]:
            i -= 1
        elif score[i][j] == score[i][j - 1]:
            j -= 1
        else:
            pairs.append(
                (
                    a_lo + i - 1,
                    b_lo + j - 1,
                    _similarity(a_keys[a_lo + i - 1], b_keys[b_lo + j - 1]),
                )
            )
            i -= 1
            j -= 1
    pairs.reverse()
    return pairs


def _similarity(a: str, b: str) -> float:
    if min(len(a), len(b)) < 3:
        return 0.0
    score = fuzz.ratio(a, b, score_cutoff=PAIR_SIMILARITY)
    return round(score / 100, 3) if score else 0.0


# --------------------------------------------------------------------------- containment


def _contain(
    chars: Sequence[int],
    starts: list[int | None],
    ends: list[int | None],
    sources: list[int | None],
    rate: float,
) -> None:
    """Drop short, isolated matches whose time would squeeze the words around them.

    A run is consecutive narration words matched to consecutive recognizer
    words. A run of one or two words is checked against the match kept before
    it and the next long run (three words or more) after it: the unmatched
    narration words in between (when there are a dozen characters or more)
    must fit in the time between at no more than 2.5 times the speaking rate. Otherwise the match is a chance one (a common
    word invented in a silence, or found across a dropped stretch) and the
    words get interpolated times instead.
    """
    matched = [index for index, start in enumerate(starts) if start is not None]
    if not matched:
        return
    runs: list[list[int]] = [[matched[0]]]
    for index in matched[1:]:
        last = runs[-1][-1]
        source, last_source = sources[index], sources[last]
        step = source - last_source if source is not None and last_source is not None else 0
        if index == last + 1 and 0 < step <= 2:
            runs[-1].append(index)
        else:
            runs.append([index])
    strong = [len(run) >= 3 for run in runs]
    kept_before: int | None = None
    for number, run in enumerate(runs):
        if not strong[number]:
            after = next((runs[k] for k in range(number + 1, len(runs)) if strong[k]), None)
            squeezed = kept_before is not None and _squeezed(
                chars, ends[kept_before], starts[run[0]], kept_before + 1, run[0], rate
            )
            if not squeezed and after is not None:
                squeezed = _squeezed(
                    chars, ends[run[-1]], starts[after[0]], run[-1] + 1, after[0], rate
                )
            if squeezed:
                for index in run:
                    starts[index] = ends[index] = sources[index] = None
                continue
        kept_before = run[-1]


def _squeezed(
    chars: Sequence[int], left: int | None, right: int | None, first: int, stop: int, rate: float
) -> bool:
    """Whether words ``first..stop-1`` cannot be said between ``left`` and ``right``."""
    gap_chars = sum(chars[first:stop])
    if gap_chars < SQUEEZE_CHARS or left is None or right is None:
        return False
    return right - left < gap_chars * rate / 2.5 - 100


def make_monotonic(starts: list[int], ends: list[int]) -> None:
    """Starts never go back, no word ends before it starts, words never overlap."""
    previous = starts[0] if starts else 0
    for index in range(len(starts)):
        start = starts[index]
        if start < previous:
            start = starts[index] = previous
        if index and ends[index - 1] > start:
            ends[index - 1] = start
        if ends[index] < start:
            ends[index] = start
        previous = start


# --------------------------------------------------------------------------- one time per line


def _align_lines(
    words: Sequence[str],
    timestamps: Timestamps,
    line_starts: Sequence[int],
    chars: Sequence[int],
) -> Alignment:
    """One given start per narration line; the words of a line follow at the speaking rate."""
    times = timestamps.line_starts
    firsts = sorted(set(line_starts) | {0})
    if len(firsts) != len(times):
        raise AlignmentError(
            f"{len(times)} times for {len(firsts)} narration lines: the list needs one time "
            "per narration line (lines that make drops, such as a title or a hashtag line, "
            "take none; `keep_all` keeps every line)",
            file=timestamps.file,
            parameter="keep_all",
        )
    starts: list[int | None] = [None] * len(words)
    ends: list[int | None] = [None] * len(words)
    for number, first in enumerate(firsts):
        stop = firsts[number + 1] if number + 1 < len(firsts) else len(words)
        needed = round(sum(chars[first:stop]) * 65.0 * 1.2)
        begin = times[number]
        finish = begin + needed
        if number + 1 < len(times):
            finish = min(finish, times[number + 1])
        for offset, (left, right) in enumerate(distribute(chars[first:stop], begin, finish)):
            starts[first + offset], ends[first + offset] = left, right
    final_starts = [int(s or 0) for s in starts]
    final_ends = [int(e or 0) for e in ends]
    make_monotonic(final_starts, final_ends)
    given = set(firsts)
    timed = tuple(
        WordTiming(
            position=index,
            word=word,
            start=final_starts[index],
            end=final_ends[index],
            status="matched" if index in given else "interpolated",
        )
        for index, word in enumerate(words)
    )
    return Alignment(timed, timestamps.format, "line", len(times))
