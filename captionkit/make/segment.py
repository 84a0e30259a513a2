"""Cue boundaries and line breaks, chosen together as one optimum over the whole narration.

A greedy breaker fills a cue and then looks for a place to cut; it ends up cutting
a name or a construct because the cue was full. Here every possible cue (a run of
at most ``max_words`` words that fits in ``max_lines`` lines) gets a cost, and
dynamic programming picks the cheapest sequence of cues: ``best[j]`` is the
cheapest split of the first ``j`` words. The window is bounded, so the work grows
linearly with the narration.

The cost of a cue is its shape (one cue, two lines, imbalance, a cue too short to
read) plus the cost of the break at its end and, for two lines, of the break
between them. A break costs what :mod:`captionkit.text.linebreak` says: a lot in
the middle of a unit a subtitler keeps together, less than nothing after
punctuation or before a conjunction. Hard rules are never traded: a line is at
most ``max_chars`` visible characters (unless a single word is wider), a cue has
at most ``max_lines`` lines, and a cue whose text fits on one line has one line, except
a dialogue pair: two speakers' turns (script lines that open with a dash), one a line,
as every subtitling style guide lays out two speakers in one subtitle.

>>> from captionkit.profiles import load_profile
>>> words = "تقارير ظهرت مؤخرا عن إرسال كوريا الشمالية لأكثر من 12 جنديا للقتال مع روسيا".split()
>>> [" / ".join(" ".join(words[a:b]) for a, b in cue.lines) for cue in segment(words, load_profile())]
['تقارير ظهرت مؤخرا عن إرسال كوريا الشمالية / لأكثر من 12 جنديا للقتال مع روسيا']
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from captionkit.errors import UsageError
from captionkit.profiles import Profile
from captionkit.text.linebreak import (
    Category,
    Weights,
    bad_break_category,
    bare_word,
    break_bonus,
    ends_phrase,
    ends_sentence,
    gap_judgements,
    is_doubtful,
    lexicon,
    load_weights,
    strong_boundaries,
    word_length,
)
from captionkit.text.wordclass import looks_verb

MAX_WORDS_PER_CUE = 40
# Marks a word may open with (typed in visual order, a quote, a dialogue dash).
_MARKS = ".!?؟…,،؛;:\"'«“‘([{‹-–—"
# A sentence's last mark (typed first on its line when the line is in visual order).
_SENTENCE_MARKS = frozenset(".!?؟")
# Any mark that ends a line's sentence or phrase (see reading_words).
_CLOSERS = "\"'»”’)]}›"
_END_MARKS = frozenset(".!?؟…—–")
_LINE_MARKS = frozenset(".!?؟…,،؛;:")


@dataclass(frozen=True, slots=True)
class CueLayout:
    """One cue of a segmentation: word ranges ``(start, stop)`` of its lines, in order."""

    lines: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        """Index of the cue's first word."""
        return self.lines[0][0]

    @property
    def stop(self) -> int:
        """Index after the cue's last word."""
        return self.lines[-1][1]

    def text(self, words: Sequence[str]) -> str:
        """The cue's text: words joined by spaces, lines by ``\\n``."""
        return "\n".join(" ".join(words[a:b]) for a, b in self.lines)


@dataclass(frozen=True, slots=True)
class Break:
    """A break the segmentation made: after word ``gap``, between lines or between cues."""

    gap: int
    kind: str  # "line" or "cue"
    category: Category | None


@dataclass(frozen=True, slots=True)
class _Costs:
    """What the search reads: per-gap costs, prefix sums and the shape weights."""

    end: list[float]  # ending a cue after word g
    line: list[float]  # breaking a line after word g
    prefix: list[int]  # visible characters of the first i words
    strong_before: list[float]  # weight of the sentence boundaries before gap i
    whole: list[float]  # how far word boundary i closes an utterance (0 to 1, see _costs)
    pairs: dict[int, tuple[int, int]]  # stop -> (begin, middle) of a dialogue pair
    short_glue: float  # the share of the glue cost a short line pays (see _costs)
    stacked: list[float]  # a two-line cue whose line break falls at word boundary i
    cue: float
    overflow: float
    short_chars: float
    short_per_char: float
    orphan: float
    glued: float
    glued_short: float
    two_lines: float
    imbalance: float
    top_heavy: float

    def glue(self, begin: int, stop: int, length: int) -> float:
        """The cost of a cue line over words [begin, stop) that glues sentences together."""
        inside = self.strong_before[stop - 1] - self.strong_before[begin] if stop - begin > 1 else 0
        if not inside:
            return 0.0
        return inside * self.glued * (1.0 if length > self.glued_short else self.short_glue)


def segment(
    words: Sequence[str],
    profile: Profile,
    boundary_bonus: Sequence[float] | None = None,
    *,
    line_ends: Collection[int] = (),
    max_cue_chars: int | None = None,
    max_words: int = MAX_WORDS_PER_CUE,
) -> list[CueLayout]:
    """Split ``words`` into cues and lines at the least total cost.

    ``boundary_bonus[g]`` (optional, one value per word) is an extra bonus for
    ending a cue after word ``g``: an aligner passes the pauses it measured.
    ``line_ends`` holds the indices of words that end a line of the script (a
    hint). ``max_cue_chars`` caps a cue's visible characters (the timing model
    uses it to keep a cue under the maximum duration).
    """
    if profile.max_lines < 1 or profile.max_lines > 2:
        raise UsageError(f"--max-lines must be 1 or 2, not {profile.max_lines}")
    if profile.max_chars_per_line < 1:
        raise UsageError("--max-chars must be at least 1")
    count = len(words)
    if count == 0:
        return []
    if boundary_bonus is not None and len(boundary_bonus) < count - 1:
        raise UsageError(f"boundary_bonus needs {count - 1} values, got {len(boundary_bonus)}")
    costs = _costs(words, profile, boundary_bonus, line_ends)
    cap = profile.max_chars_per_line * profile.max_lines + (profile.max_lines - 1)
    if max_cue_chars is not None:
        cap = max(1, min(cap, max_cue_chars))
    choice = _search(
        costs, count, profile.max_chars_per_line, cap, profile.max_lines >= 2, max_words
    )
    cues: list[CueLayout] = []
    stop = count
    while stop > 0:
        begin, split = choice[stop]
        if split < 0:
            cues.append(CueLayout(((begin, stop),)))
        else:
            cues.append(CueLayout(((begin, split), (split, stop))))
        stop = begin
    cues.reverse()
    return cues


def _gap_costs(
    words: Sequence[str],
    weights: Weights,
    boundary_bonus: Sequence[float] | None,
    hints: Collection[int],
    cut: ScriptCut | None = None,
) -> tuple[list[float], list[float]]:
    """The cost of ending a cue, and of breaking a line, after each word.

    A word-pair judgement across a script line end that closes an utterance weighs what
    ``cut.pair_weight`` leaves of it (the line end is believed over the word pairs), and
    a cue end inside a script line keeps ``1 - cut.chance`` of its bonus.
    """
    count = len(words)
    line_end_bonus = weights.good["line_end"]
    line_scale = weights.shape["line_bonus_scale"]
    unmarked = weights.bad["unmarked"]
    off_script = weights.bad["off_script"]
    off_script_cue = weights.bad.get("off_script_cue", 0.0)
    doubtful = weights.bad.get("doubtful", weights.bad["idafa"])
    end_cost = [0.0] * count
    line_cost = [0.0] * count
    for gap, (category, bonus) in enumerate(gap_judgements(words, hints)):
        bad = weights.bad[category] if category is not None else 0.0
        if category is not None:
            if is_doubtful(category):
                bad = doubtful
            if cut is not None:
                bad *= cut.pair_weight(gap, category)
        good = bonus + (line_end_bonus if gap in hints else 0.0)
        if good <= 0.0:
            bad += unmarked
        inside = bool(hints) and gap not in hints and not ends_phrase(words[gap])
        if inside:
            bad += off_script
        # Inside a script line a cue end earns its bonus only as far as the script is cut
        # into phrases: two sentences someone typed on one line of a dialogue belong to
        # one cue (its own line ends are where the cues end).
        off_line = bool(hints) and gap not in hints
        kept = 1.0 - cut.chance if off_line and cut is not None else 1.0
        end_cost[gap] = bad - kept * good
        end_cost[gap] -= boundary_bonus[gap] if boundary_bonus is not None else 0.0
        end_cost[gap] += off_script_cue if off_line else 0.0
        line_cost[gap] = bad - line_scale * good
    return end_cost, line_cost


@dataclass(frozen=True, slots=True)
class ScriptCut:
    """How a script is cut: the chance it is cut into utterances, and the line ends that
    close one (no word after them goes on with the sentence, see _line_continues).

    One value for make and its report, so the two judge the script's line ends alike.
    """

    chance: float
    utterance_ends: frozenset[int]

    def pair_weight(self, gap: int, category: str | None) -> float:
        """The share of a word-pair judgement's weight that stands after word ``gap``.

        At a line end that closes an utterance the person who cut the script is
        believed over the word pairs read across it: a noun-adjective, construct, name
        or number pair (guesses from the word forms) keeps ``1 - chance`` of its
        weight. A binding word keeps all of it, and so does every other gap.

        >>> cut = ScriptCut(0.9, frozenset({3}))
        >>> [round(cut.pair_weight(3, "name"), 2), cut.pair_weight(3, "binding"), cut.pair_weight(2, "name")]
        [0.1, 1.0, 1.0]
        """
        if category is None or category == "binding" or gap not in self.utterance_ends:
            return 1.0
        return 1.0 - self.chance

    def believed(self, gap: int, category: str | None) -> bool:
        """The script's line end after word ``gap`` outweighs the pair judgement there:
        the report does not count such a break as bad (the segmenter paid little for it)."""
        return self.pair_weight(gap, category) < 0.5


def script_cut(
    words: Sequence[str], line_ends: Collection[int], shape: dict[str, float] | None = None
) -> ScriptCut:
    """Read how the script is cut (see :func:`utterance_chance`).

    >>> cut = script_cut("هل أنت بخير أجل شكرا لك نراك غدا".split(), {2, 3, 5})
    >>> round(cut.chance, 2), sorted(cut.utterance_ends)
    (0.43, [2, 3, 5])
    """
    shape = load_weights().shape if shape is None else shape
    chance = utterance_chance(words, line_ends, shape)
    firsts = _line_firsts(words, line_ends)
    # A script that marks where its sentences end (most of its lines close with . ! ? …
    # or a dash) marks them all: a line it leaves unmarked goes on.
    marked = [gap for gap, _ in firsts if _marked_end(words[gap])]
    punctuated = bool(firsts) and len(marked) >= shape.get("punctuated_share", 1.0) * len(firsts)
    utterance = frozenset(
        gap
        for gap, first in firsts
        if not _line_continues(words, gap, words[first])
        and (not punctuated or _marked_end(words[gap]))
    )
    return ScriptCut(chance, utterance)


def _marked_end(word: str) -> bool:
    """The word closes with a sentence's last mark, an ellipsis or a dash (before quotes)."""
    return word.rstrip(_CLOSERS)[-1:] in _END_MARKS


def dialogue_pairs(
    words: Sequence[str], line_ends: Collection[int], max_chars: int
) -> list[tuple[int, int, int]]:
    """The two-speaker pairs of a script: ``(begin, middle, stop)`` word ranges.

    Consecutive script lines that open with a dialogue dash are turns of a dialogue;
    in a run of them the turns pair up from the first (1-2, 3-4, ...), and a pair
    whose turns each fit on a caption line (``max_chars``) is laid out as one two-line
    cue, a turn a line. A line with a second dash inside (two turns already) ends a run.

    >>> words = "- مرحبا - أهلا بك - كيف حالك؟ - بخير".split()
    >>> dialogue_pairs(words, {1, 4, 7}, 42)
    [(0, 2, 5), (5, 8, 10)]
    """
    lines = _lines(words, line_ends)
    found: list[tuple[int, int, int]] = []
    previous: tuple[int, int] | None = None
    for begin, stop in lines:
        turn = _opens_turn(words[begin]) and not any(
            _opens_turn(word) for word in words[begin + 1 : stop]
        )
        if not turn:
            previous = None
        elif previous is None:
            previous = (begin, stop)
        else:
            first, middle = previous
            if max(_length(words, first, middle), _length(words, middle, stop)) <= max_chars:
                found.append((first, middle, stop))
            previous = None
    return found


#: The verb of a fronted frame's sentence comes within this many words of و (وفي عام 1236 دخل).
_FRAME_WORDS = 5


def fronted_frames(words: Sequence[str], line_ends: Collection[int]) -> list[tuple[int, int]]:
    """The fronted frames of a script: ``(begin, verb)``, the frame ``words[begin:verb]``
    and ``words[verb]`` the verb of its sentence.

    A narration often opens a sentence with its time, place or topic before the verb:
    "وفي عام 1236 / دخل الملك فرديناند المدينة", "وفي سياق متصل / وقعت الحكومة
    اتفاقا", "وفي قرطبة ولد الفيلسوف ابن رشد". Such a frame opens a script line with و
    or ف and a preposition and reaches the verb within five words, on its own line or at
    the start of the next one. The و opens a new sentence (the line end before the frame
    is a sentence boundary), and a frame on a line of its own belongs with the clause
    after it: a cue that ends on it leaves it dangling. A line that opens with a bare
    preposition is left alone (it mostly ends the sentence before it: "ماذا كان يعني أن
    تمرض في بغداد / في القرن العاشر").

    >>> words = "للمطالبة بحلول عاجلة وفي مدينة الزرقاء قال أحد المواطنين".split()
    >>> fronted_frames(words, {2, 5})
    [(3, 6)]
    >>> fronted_frames("حتى اليوم وفي عام 1984 أدرجت المسجد".split(), {1})
    [(2, 5)]
    >>> fronted_frames("في القرن العاشر كان الطب متقدما".split(), {2})
    []
    """
    lex = lexicon()
    frames: list[tuple[int, int]] = []
    for begin, stop in _lines(words, line_ends):
        first = bare_word(words[begin])
        if first[:1] not in ("و", "ف") or first[1:] not in lex.prepositions:
            continue
        # The verb: inside the frame's line, or the first word of the next line.
        for verb in range(begin + 1, min(stop + 1, begin + _FRAME_WORDS + 1, len(words))):
            if ends_sentence(words[verb - 1]):
                break
            plain = bare_word(words[verb])
            if looks_verb(plain) or plain in lex.kana:
                frames.append((begin, verb))
                break
    return frames


def _length(words: Sequence[str], begin: int, stop: int) -> int:
    """Visible characters of words[begin:stop] on one line."""
    return sum(word_length(word) for word in words[begin:stop]) + stop - begin - 1


def _costs(
    words: Sequence[str],
    profile: Profile,
    boundary_bonus: Sequence[float] | None,
    line_ends: Collection[int],
) -> _Costs:
    weights = load_weights()
    shape = weights.shape
    glued = shape.get("glued_sentences", 0.0)
    ends = set(line_ends)
    # Judged as read (a visual-order script's line-final marks back at the line ends);
    # the lengths below stay those of the words as typed.
    typed, words = words, reading_words(words, ends)
    # A fronted frame (وفي عام 1236 | دخل الملك) opens a sentence and holds on to it.
    frames = fronted_frames(words, ends)
    strong = strong_boundaries(words, ends) | {begin - 1 for begin, _ in frames if begin}
    dangling = [verb - 1 for _, verb in frames if verb - 1 in ends]
    cut = script_cut(words, ends, shape)
    # whole[i]: word boundary i (0 and len(words): the text's edges) closes an utterance;
    # a cue between two such boundaries is a whole utterance, and utterance_alone of its
    # orphan and short-cue costs is waived.
    alone = cut.chance * shape.get("utterance_alone", 0.0)
    whole = [1.0] + [0.0] * (len(words) - 1) + [1.0]
    for gap in strong | cut.utterance_ends:
        whole[gap + 1] = alone
    strong_before = _strong_before(words, strong, cut, shape)
    prefix = [0, *itertools.accumulate(word_length(word) for word in typed)]
    end_cost, line_cost = _gap_costs(words, weights, boundary_bonus, ends, cut)
    for gap in dangling:
        end_cost[gap] += shape.get("frame_apart", 0.0)
    turns = turns_first(typed, ends)
    pairs = _pairs(turns, ends, profile, end_cost, shape.get("pair_apart", 0.0))
    return _Costs(
        end=end_cost,
        line=line_cost,
        prefix=prefix,
        strong_before=strong_before,
        whole=whole,
        pairs=pairs,
        # A short line glued pays glued_short_share of the cost where the script is cut
        # into phrases (a narration's short sentences), all of it where it is cut into
        # utterances (each line a turn a person chose to keep apart).
        short_glue=1.0 - (1.0 - shape.get("glued_short_share", 0.25)) * (1.0 - cut.chance),
        stacked=_stacked(len(words), cut, shape.get("utterances_stacked", 0.0)),
        cue=shape["cue"],
        overflow=shape["overflow"],
        short_chars=shape["short_chars"],
        short_per_char=shape["short_per_char"],
        orphan=shape.get("orphan", 0.0),
        glued=glued,
        glued_short=shape.get("glued_short_chars", 0.0),
        two_lines=shape["two_lines"],
        imbalance=shape["imbalance_per_char"],
        top_heavy=shape["top_heavy_per_char"] if profile.shape == "bottom-heavy" else 0.0,
    )


def _strong_before(
    words: Sequence[str], strong: Collection[int], cut: ScriptCut, shape: dict[str, float]
) -> list[float]:
    """strong_before[i]: the weight of the boundaries among the gaps before gap i.

    A strong boundary counts 1, any other script line end that closes an utterance
    glued_lines / glued_sentences times the chance the script is cut into utterances, and
    a dash that opens a turn glued_speakers / glued_sentences (two speakers never share a
    caption line).
    """
    glued = shape.get("glued_sentences", 0.0)
    other = cut.chance * shape.get("glued_lines", 0.0) / glued if glued else 0.0
    speakers = shape.get("glued_speakers", 0.0) / glued if glued else 0.0
    strong_before = [0.0]
    for gap in range(len(words)):
        weight = 1.0 if gap in strong else (other if gap in cut.utterance_ends else 0.0)
        if gap + 1 < len(words) and gap in strong and _opens_turn(words[gap + 1]):
            weight = max(weight, speakers)
        strong_before.append(strong_before[-1] + weight)
    return strong_before


def _stacked(count: int, cut: ScriptCut, weight: float) -> list[float]:
    """The cost of a line break at each word boundary that stacks two utterances in one
    cue: ``weight`` times the chance, at the line ends that close an utterance."""
    stacked = [0.0] * (count + 1)
    for gap in cut.utterance_ends:
        stacked[gap + 1] = weight * cut.chance
    return stacked


def _pairs(
    words: Sequence[str],
    ends: Collection[int],
    profile: Profile,
    end_cost: list[float],
    apart: float,
) -> dict[int, tuple[int, int]]:
    """The dialogue pairs by their stop (``stop -> (begin, middle)``); a cue end between
    the two turns of one costs ``apart`` (added to ``end_cost``)."""
    pairs: dict[int, tuple[int, int]] = {}
    if profile.max_lines >= 2:
        for begin, middle, stop in dialogue_pairs(words, ends, profile.max_chars_per_line):
            pairs[stop] = (begin, middle)
            end_cost[middle - 1] += apart
    return pairs


def _line_continues(words: Sequence[str], gap: int, opens: str = "") -> bool:
    """The sentence goes on over the line end after word ``gap``.

    The next word continues it (a conjunction, a preposition, a relative), or the last
    word is a function word that needs the next one (a binding word: in, this, not ...).
    Not when the line closes its sentence: its last word ends with a full stop, ! or ?
    (not an ellipsis, which trails off), or, typed in visual order, its first word
    ``opens`` with one.
    """
    last = words[gap]
    if _closes(last[::-1].lstrip(_CLOSERS)) or _closes(opens):
        return False
    right = words[gap + 1]
    if break_bonus("", right.lstrip(_MARKS)) > 0.0:
        return True
    return bad_break_category(words[gap], right) == "binding"


def reading_words(words: Sequence[str], line_ends: Collection[int]) -> list[str]:
    """The words as the script is read: a script typed in visual order gets each line's
    final marks back at its end.

    Editors without bidi support save a right-to-left line's final marks first
    (".من أجل سيادة شبه الجزيرة" for "من أجل سيادة شبه الجزيرة."), and many Arabic
    subtitle files are typed so. Read as typed, the mark ends the line before, and the
    sentence the line closes seems to go on. When more of a script's lines open with a
    mark (. ! ? ؟ … , ، ؛ ; :) than close with one, the script is in visual order, and
    every line that opens with marks and closes without one has them moved to its last
    word. Marks inside a line stay (there the order is logical). Other scripts are
    returned as they are; the words' lengths and the lines' texts keep their characters.

    >>> words = ".أعلم ذلك سنخسر الحرب .في المستقبل القريب".split()
    >>> reading_words(words, {1, 3})
    ['أعلم', 'ذلك.', 'سنخسر', 'الحرب', 'في', 'المستقبل', 'القريب.']
    >>> reading_words("أعلم ذلك. سنخسر الحرب".split(), {1})
    ['أعلم', 'ذلك.', 'سنخسر', 'الحرب']
    """
    lines = _lines(words, line_ends)
    read = _turns_read(words, lines)
    opening = sum(_opens_mark(words[begin]) for begin, _ in lines)
    closing = sum(words[stop - 1][-1:] in _LINE_MARKS for _, stop in lines)
    if opening <= closing:
        return read
    for begin, stop in lines:
        first, last = read[begin], read[stop - 1]
        if not _opens_mark(first) or last[-1:] in _LINE_MARKS:
            continue
        body = first.lstrip("".join(_LINE_MARKS))
        if not body:  # a mark alone as the line's first word
            continue
        marks = first[: len(first) - len(body)]
        read[begin] = body
        read[stop - 1] = (body if stop - 1 == begin else last) + marks
    return read


def _turns_read(words: Sequence[str], lines: Sequence[tuple[int, int]]) -> list[str]:
    """A dialogue dash typed last (visual order) read as the end of a turn.

    A speaker's dash opens the line, but editors without bidi support save it last
    ("لن يحدث -" for "- لن يحدث"). When more of a script's lines end with a dash alone
    than open with one, each such dash is read as a full stop: the line is a turn, and
    its end no place for the sentence to go on (read as typed, a dash at a line end is a
    function word that binds to the next line).

    >>> _turns_read("أنت بخير - أجل شكرا -".split(), [(0, 3), (3, 6)])
    ['أنت', 'بخير', '.', 'أجل', 'شكرا', '.']
    """
    read = list(words)
    for _, stop in _trailing_turns(words, lines):
        read[stop - 1] = "."
    return read


def _trailing_turns(
    words: Sequence[str], lines: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The lines that end with a dialogue dash alone, when more lines do than open with
    one (the script is typed in visual order); none otherwise."""
    trailing = [
        (begin, stop) for begin, stop in lines if stop - 1 > begin and words[stop - 1] in "-–—"
    ]
    if len(trailing) <= sum(_opens_turn(words[begin]) for begin, _ in lines):
        return []
    return trailing


def turns_first(words: Sequence[str], line_ends: Collection[int]) -> list[str]:
    """The words with a dialogue dash typed last (visual order) put back first in its line.

    A script typed without bidi support saves "- لن يحدث" as "لن يحدث -"; when more of
    its lines end with a dash alone than open with one, each such line is a speaker's
    turn, and two of them in a row are a dialogue pair as much as two lines typed with
    the dash first. Each line keeps its word range, so the pairs found in the result are
    the script's own; other scripts come back as they are.

    >>> turns_first("أنت بخير؟ - أجل شكرا -".split(), {2})
    ['-', 'أنت', 'بخير؟', '-', 'أجل', 'شكرا']
    >>> dialogue_pairs(turns_first("أنت بخير؟ - أجل شكرا -".split(), {2}), {2}, 42)
    [(0, 3, 6)]
    """
    turned = list(words)
    for begin, stop in _trailing_turns(words, _lines(words, line_ends)):
        turned[begin:stop] = [words[stop - 1], *words[begin : stop - 1]]
    return turned


def _opens_mark(word: str) -> bool:
    """The word opens with a sentence or phrase mark (a line's final mark typed first)."""
    return word[:1] in _LINE_MARKS and len(word) > 1


def _lines(words: Sequence[str], line_ends: Collection[int]) -> list[tuple[int, int]]:
    """The word ranges ``(begin, stop)`` of the script's lines."""
    lines: list[tuple[int, int]] = []
    start = 0
    for gap in sorted(set(line_ends) | {len(words) - 1}):
        if start <= gap < len(words):
            lines.append((start, gap + 1))
            start = gap + 1
    return lines


def _closes(mark_first: str) -> bool:
    """The text (read from the sentence's last mark) opens with a sentence end, not an
    ellipsis (``..`` or ``…``).

    >>> [_closes(text) for text in (".ذلك", "!?ماذا", "...ذلك", "…ذلك", "ذلك")]
    [True, True, False, False, False]
    """
    return mark_first[:1] in _SENTENCE_MARKS and mark_first[:2] != ".."


def _line_firsts(words: Sequence[str], line_ends: Collection[int]) -> list[tuple[int, int]]:
    """Each inner script line end ``gap`` with the index of the first word of its line."""
    return [(stop - 1, begin) for begin, stop in _lines(words, line_ends) if stop < len(words)]


def utterance_chance(
    words: Sequence[str], line_ends: Collection[int], shape: dict[str, float]
) -> float:
    """The chance that a script is cut into utterances rather than into phrases.

    A script is cut one of two ways: into utterances (dialogue subtitles: each line a
    sentence or a turn, mostly without a full stop) or into phrases (a narration: one
    sentence over several lines). It shows in how often a line end is followed by a
    word that goes on with the sentence (a conjunction, a preposition, a relative):
    about ``utterance_continues`` of the line ends of a script cut into utterances,
    ``phrase_continues`` of one cut into phrases. The likelihood ratio of the two over
    all its line ends gives the chance, from ``utterance_prior`` before reading it (a
    narration cut into phrases is what make is mostly given, and a short text says little).

    >>> shape = load_weights().shape
    >>> round(utterance_chance("هل أنت بخير أجل شكرا لك نراك غدا".split(), {2, 3, 5}, shape), 2)
    0.43
    >>> round(utterance_chance("وصل الوفد إلى العاصمة في زيارة تستمر يومين".split(), {1, 3, 5}, shape), 2)
    0.01
    """
    ends = [gap for gap in line_ends if gap + 1 < len(words)]
    going_on = sum(
        _line_continues(words, gap, words[first]) for gap, first in _line_firsts(words, ends)
    )
    utter = shape.get("utterance_continues", 0.15)
    phrase = shape.get("phrase_continues", 0.65)
    prior = shape.get("utterance_prior", 0.05)
    log_odds = math.log(prior / (1.0 - prior))
    log_odds += going_on * math.log(utter / phrase)
    log_odds += (len(ends) - going_on) * math.log((1.0 - utter) / (1.0 - phrase))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, log_odds))))


def _opens_turn(word: str) -> bool:
    """A dialogue dash that opens a speaker's turn ("-", "–", "—", alone or before a word)."""
    return word.lstrip("\"'«(").startswith(("-", "–", "—"))


def _search(
    costs: _Costs, count: int, max_chars: int, cap: int, two_lines: bool, max_words: int
) -> list[tuple[int, int]]:
    """The dynamic programme: for each ``stop``, the best last cue ``(begin, split)``."""
    prefix = costs.prefix
    best = [math.inf] * (count + 1)
    best[0] = 0.0
    choice: list[tuple[int, int]] = [(0, -1)] * (count + 1)
    # The first word a bottom line ending at ``stop`` can start with; it only moves forward.
    bottom_start = 0
    for stop in range(1, count + 1):
        closing = costs.end[stop - 1] if stop < count else 0.0
        lowest = max(0, stop - max_words)
        while prefix[stop] - prefix[bottom_start] + (stop - bottom_start - 1) > max_chars:
            bottom_start += 1
        end_total = prefix[stop] + stop - 1
        for begin in range(stop - 1, lowest - 1, -1):
            length = end_total - prefix[begin] - begin
            size = stop - begin
            if length > cap and size > 1:
                break
            split = -1
            if costs.pairs.get(stop, (-1, -1))[0] == begin:
                cost, split = _pair_cost(costs, begin, costs.pairs[stop][1], stop)
            elif length <= max_chars or size == 1:
                cost = costs.cue + (costs.overflow if length > max_chars else 0.0)
                cost += costs.glue(begin, stop, length)
            elif two_lines:
                inner, split = _two_line_split(costs, begin, stop, length, bottom_start, max_chars)
                if split < 0:
                    continue
                cost = costs.cue + costs.two_lines + inner
            else:
                continue
            kept = 1.0 - min(costs.whole[begin], costs.whole[stop])
            if length < costs.short_chars:
                cost += kept * costs.short_per_char * (costs.short_chars - length)
            if size <= 2:
                cost += kept * costs.orphan
            total = best[begin] + cost + closing
            if total < best[stop]:
                best[stop] = total
                choice[stop] = (begin, split)
    return choice


def _pair_cost(costs: _Costs, begin: int, middle: int, stop: int) -> tuple[float, int]:
    """A dialogue pair as one cue, a turn a line (whatever its length): its cost and split."""
    prefix = costs.prefix
    first = prefix[middle] - prefix[begin] + middle - begin - 1
    second = prefix[stop] - prefix[middle] + stop - middle - 1
    glue = costs.glue(begin, middle, first) + costs.glue(middle, stop, second)
    return costs.cue + costs.line[middle - 1] + glue, middle


def _two_line_split(
    costs: _Costs, begin: int, stop: int, length: int, bottom_start: int, max_chars: int
) -> tuple[float, int]:
    """The cheapest line break of the cue over words [begin, stop): its cost and its word."""
    prefix = costs.prefix
    inner = math.inf
    split = -1
    start_total = prefix[begin] + begin
    for middle in range(max(begin + 1, bottom_start), stop):
        first = prefix[middle] + middle - 1 - start_total
        if first > max_chars:
            break
        second = length - first - 1
        difference = first - second
        if difference > 0:
            value = costs.line[middle - 1] + (costs.imbalance + costs.top_heavy) * difference
        else:
            value = costs.line[middle - 1] - costs.imbalance * difference
        if costs.glued:
            value += costs.glue(begin, middle, first) + costs.glue(middle, stop, second)
        value += costs.stacked[middle]
        if value < inner:
            inner, split = value, middle
    return inner, split


def breaks(
    words: Sequence[str], cues: Sequence[CueLayout], line_ends: Collection[int] = ()
) -> list[Break]:
    """Every break a segmentation made, with its bad-break category (None when fine); at
    the script's ``line_ends`` the rules' category (`line_end_category`)."""
    judged = gap_judgements(words, line_ends)
    found: list[Break] = []
    for cue in cues:
        for _, stop in cue.lines[:-1]:
            found.append(Break(stop - 1, "line", judged[stop - 1][0]))
        if cue.stop < len(words):
            found.append(Break(cue.stop - 1, "cue", judged[cue.stop - 1][0]))
    return found
