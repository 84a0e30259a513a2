"""Times for the words the recognizer did not give: interpolated from matched neighbours.

A narration word without a matched recognizer word still has to be shown at
some time. The best evidence is the matched words on either side of it: the
unmatched stretch was spoken between them. Within that window the words share
the time by character length, as speech does.

A window can hold long pauses as well as the words (the recognizer lost two
words before a silence of ten seconds). Spreading two words over ten seconds
would show them far from where they are spoken. So in a window longer than the
words need, they are spoken at the measured rate and the spare time goes to
where pauses are likely: before a sentence or a line start, inside the stretch
or at its edges. A short stretch that starts a new line thus sits just before
the next word; one that ends a sentence, just after the previous word. With no
likely pause, a short stretch follows the previous word and a long one (a
dropped run of speech) fills its window.

>>> interpolate([4, 4, 4], [0, None, 800], [500, None, 1000], [False] * 3, 60.0)
([0, 500, 800], [500, 800, 1000])

After a long pause, the word follows its neighbour at the speaking rate (4 x 60 ms):

>>> interpolate([4, 4, 4], [0, None, 9000], [500, None, 9500], [False] * 3, 60.0)
([0, 500, 9000], [500, 740, 9500])

When the word starts a new line, the pause comes before it instead:

>>> interpolate([4, 4, 4], [0, None, 9000], [500, None, 9500], [False, True, False], 60.0)
([0, 8760, 9000], [500, 9000, 9500])
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["distribute", "interpolate", "ms_per_char"]

#: Speaking rate used when too few words are matched to measure one (about 15 characters a second).
DEFAULT_MS_PER_CHAR = 65.0
#: A stretch that needs at least this long to say counts as dropped speech: it fills its window.
LONG_STRETCH_MS = 4000


def ms_per_char(
    chars: Sequence[int], starts: Sequence[int | None], ends: Sequence[int | None]
) -> float:
    """The speaking rate of the matched words, in milliseconds per character (space included).

    Words longer than 3 s are left out: they hold a pause, not speech.

    >>> ms_per_char([20, 20], [0, 1000], [1000, 2500])
    62.5
    """
    total_chars = 0
    total_ms = 0
    for count, start, end in zip(chars, starts, ends, strict=True):
        if start is None or end is None or not 0 < end - start <= 3000:
            continue
        total_chars += count
        total_ms += end - start
    if total_chars < 40:
        return DEFAULT_MS_PER_CHAR
    return min(150.0, max(30.0, total_ms / total_chars))


def distribute(chars: Sequence[int], start: int, end: int) -> list[tuple[int, int]]:
    """Split ``[start, end]`` over words by character count.

    >>> distribute([2, 6], 0, 800)
    [(0, 200), (200, 800)]
    """
    total = sum(chars) or 1
    spans: list[tuple[int, int]] = []
    done = 0
    span = max(0, end - start)
    for count in chars:
        left = start + span * done // total
        done += count
        spans.append((left, start + span * done // total))
    return spans


def interpolate(
    chars: Sequence[int],
    starts: Sequence[int | None],
    ends: Sequence[int | None],
    breaks_before: Sequence[bool],
    rate: float,
) -> tuple[list[int], list[int]]:
    """Fill every missing time; ``chars[i]`` is word i's length plus one for its space.

    ``breaks_before[i]`` says that word i starts a sentence or a line (a pause is
    likely before it). ``rate`` is milliseconds per character. Known times are
    kept as they are; at least one word must have one.
    """
    count = len(chars)
    new_starts = list(starts)
    new_ends = list(ends)
    index = 0
    while index < count:
        if new_starts[index] is not None:
            index += 1
            continue
        stop = index
        while stop < count and starts[stop] is None:
            stop += 1
        spans = _place(chars, starts, ends, breaks_before, rate, index, stop)
        for offset, (left, right) in enumerate(spans):
            new_starts[index + offset] = left
            new_ends[index + offset] = right
        index = stop
    return [int(s or 0) for s in new_starts], [int(e or 0) for e in new_ends]


def _place(
    chars: Sequence[int],
    starts: Sequence[int | None],
    ends: Sequence[int | None],
    breaks_before: Sequence[bool],
    rate: float,
    first: int,
    stop: int,
) -> list[tuple[int, int]]:
    """Times for the unmatched words ``first..stop-1``.

    Between two timed words, a window that the words fill at a plausible rate is
    shared by character length. A longer window holds pauses too: the words are
    spoken at ``rate`` and the spare time goes to the places where a pause is
    likely (before a sentence or a line start, inside the stretch or at its
    edges), in equal shares. With no such place, the words follow the previous
    word (a short stretch) or fill the window (a dropped run of speech).
    """
    stretch = chars[first:stop]
    needed = round(sum(stretch) * rate)
    left = ends[first - 1] if first > 0 else None
    right = starts[stop] if stop < len(starts) else None
    if left is None and right is None:
        raise ValueError("interpolate needs at least one timed word")
    if left is None:
        assert right is not None
        return distribute(stretch, max(0, right - needed), right)
    if right is None:
        return distribute(stretch, left, left + needed)
    right = max(right, left)
    window = right - left
    if window <= needed * 3 // 2 + 400:
        return distribute(stretch, left, right)
    slots = [
        position
        for position in range(first, stop + 1)
        if position < len(breaks_before) and breaks_before[position]
    ]
    if not slots:
        if needed >= LONG_STRETCH_MS:
            return distribute(stretch, left, right)
        return distribute(stretch, left, left + needed)
    pause = (window - needed) / len(slots)
    spans: list[tuple[int, int]] = []
    cursor = float(left)
    waiting = set(slots)
    for position in range(first, stop):
        if position in waiting:
            cursor += pause
        begin = cursor
        cursor += chars[position] * rate
        spans.append((round(begin), round(cursor)))
    return spans
