"""Timestamp readers: recognizer words, automatic captions, sync maps, timed files, time lists.

Users get timings from many tools, each with its own shape. Every reader turns
its input into one value, :class:`Timestamps`: a sequence of :class:`TimedWord`
(text and integer milliseconds, or no time where the tool gave none) and the
*level* of the timing: ``word`` (a time per word), ``segment`` (a time per
phrase or cue, spread over its words by character length and marked
``estimated``) or ``line`` (one start time per narration line, no text).

The format is detected from the content; ``format=`` forces one. Formats:

========================  =====================================================
``whisper``               whisper / faster-whisper JSON, ``segments[].words[]``
                          with ``word``, ``start``, ``end`` (segment times when
                          ``words`` is missing or null)
``whisper-timestamped``   the same shape with ``text`` instead of ``word``
``whisperx``              ``word_segments`` or ``segments[].words[]``; some
                          words (numbers) have no ``start``/``end``
``vtt-words``             WebVTT with inline word times
                          (``<00:00:01.234><c> word</c>``), automatic-caption
                          rolling duplicates removed
``aeneas``                an aeneas sync map (JSON ``fragments``)
``srt``, ``vtt``          cues as segment-level timing
``csv``, ``tsv``          ``start,end,text``, ``start,text`` or ``text,start,end``;
                          seconds, time codes, or whole milliseconds
``lines``                 one time per narration line
========================  =====================================================

>>> stamps = loads_timestamps('{"segments": [{"start": 0, "end": 1, "words": '
...     '[{"word": " hello", "start": 0.0, "end": 0.5}, {"word": " world", "start": 0.5, "end": 1.0}]}]}')
>>> stamps.format, stamps.level, [(w.text, w.start, w.end) for w in stamps.words]
('whisper', 'word', [('hello', 0, 500), ('world', 500, 1000)])
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import os
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal, NamedTuple, TypeAlias

from captionkit.errors import CaptionkitError, ParseError, UsageError
from captionkit.formats.encoding import decode
from captionkit.timecode import MAX_TIME_MS, parse_time

__all__ = [
    "FORMATS",
    "AlignmentError",
    "Level",
    "TimedWord",
    "Timestamps",
    "detect_timestamps_format",
    "loads_timestamps",
    "read_timestamps",
]

Level: TypeAlias = Literal["word", "segment", "line"]

FORMATS: tuple[str, ...] = (
    "whisper",
    "whisper-timestamped",
    "whisperx",
    "vtt-words",
    "aeneas",
    "srt",
    "vtt",
    "csv",
    "tsv",
    "lines",
)


class AlignmentError(CaptionkitError):
    """Timestamps that cannot time the narration: empty, unreadable, or about other words."""


class TimedWord(NamedTuple):
    """One recognized word and its time in milliseconds (None where the tool gave none).

    ``segment`` numbers the phrase or cue the word came from; ``estimated`` says
    that the time was spread from a segment's time rather than given per word.
    A named tuple rather than a frozen dataclass: a long recording has hundreds
    of thousands of words, and a tuple is built several times faster.
    """

    text: str
    start: int | None
    end: int | None
    segment: int = 0
    estimated: bool = False


@dataclass(frozen=True, slots=True)
class Timestamps:
    """Everything a timestamp file says, in one shape.

    ``line_starts`` is filled for the ``lines`` format only (and ``words`` is then empty).
    ``language`` is the language the recognizer says it heard, when the file says.
    """

    format: str
    level: Level
    words: tuple[TimedWord, ...]
    line_starts: tuple[int, ...] = ()
    file: str | None = None
    language: str | None = None

    @property
    def timed_words(self) -> int:
        """How many words carry a time."""
        return sum(1 for word in self.words if word.start is not None)


# --------------------------------------------------------------------------- entry points


def read_timestamps(path: str | os.PathLike[str], format: str | None = None) -> Timestamps:
    """Read a timestamp file (``-`` is standard input); the format comes from its content
    unless given."""
    from captionkit.formats import read_input

    return loads_timestamps(read_input(path), format, file=str(path))


def loads_timestamps(
    data: str | bytes, format: str | None = None, *, file: str | None = None
) -> Timestamps:
    """Timestamps from a file's bytes or text.

    Raises :class:`AlignmentError` when the file holds no timed word at all (an
    empty recognizer result), and :class:`ParseError` when it is not a known format.
    """
    text = decode(data, None, file=file).text if isinstance(data, bytes) else data
    text = text.lstrip("\ufeff")
    chosen = format or detect_timestamps_format(text, file=file)
    if chosen not in FORMATS:
        raise UsageError(f"unknown timestamps format {chosen!r}; known: {', '.join(FORMATS)}")
    try:
        stamps = _READERS[chosen](text, file)
    except CaptionkitError as error:
        raise error.located(file) from None
    _check_range(stamps, file)
    stamps = replace(stamps, file=file, language=_stated_language(text, chosen))
    if not stamps.words and not stamps.line_starts:
        raise AlignmentError(
            f"no words in this {chosen} file: the recognizer found no speech, or the file is "
            "cut short; there is nothing to time the narration with",
            file=file,
        )
    if stamps.words and stamps.timed_words == 0:
        raise AlignmentError(
            f"none of the {len(stamps.words)} words in this {chosen} file has a time", file=file
        )
    return stamps


def _check_range(stamps: Timestamps, file: str | None) -> None:
    """Every time from 0 to 100 hours, whatever the reader (a table, a list, a timed file)."""
    for number, start in enumerate(stamps.line_starts, 1):
        if not 0 <= start < MAX_TIME_MS:
            raise ParseError(
                f"time {number}: must be from 0 to 100 hours, not {start} ms", file=file
            )
    for index, word in enumerate(stamps.words):
        for value in (word.start, word.end):
            if value is not None and not 0 <= value < MAX_TIME_MS:
                raise ParseError(
                    f"segment {word.segment}: word {index} ({_short(word.text)}): a time must be "
                    f"from 0 to 100 hours, not {value} ms",
                    file=file,
                )


_JSON_LANGUAGE = re.compile(r'"language"\s*:\s*"([A-Za-z_-]{2,20})"')


def _stated_language(text: str, chosen: str) -> str | None:
    """The ``language`` a whisper-family JSON file states, or the WebVTT ``Language:`` header."""
    if chosen in ("whisper", "whisper-timestamped", "whisperx"):
        stated = _JSON_LANGUAGE.search(text)  # a search, not a second parse of a long file
        return stated.group(1) if stated else None
    if chosen in ("vtt", "vtt-words"):
        header = re.search(r"^Language:\s*(\S+)", text[:2000], re.MULTILINE)
        return header.group(1) if header else None
    return None


_TAGGED_TIME = re.compile(r"<(\d{1,}:)?\d{2}:\d{2}\.\d{3}>")
_SRT_TIMING = re.compile(r"^\s*\d+:\d{2}:\d{2}[,.]\d{1,3}\s*-->\s*\d+:\d{2}:\d{2}[,.]\d{1,3}")
_TIME = r"(?:\d+:)?\d{1,2}:\d{2}(?:[.,:]\d{1,3})?|\d+(?:\.\d+)?"
_ONE_TIME = re.compile(rf"^\s*(?:{_TIME})\s*$")


def detect_timestamps_format(text: str, *, file: str | None = None) -> str:
    """Which reader a text needs, from its content.

    >>> detect_timestamps_format('{"fragments": []}')
    'aeneas'
    >>> detect_timestamps_format("0:01\\n0:04.5\\n")
    'lines'
    >>> detect_timestamps_format("start\\tend\\ttext\\n140\\t940\\tBonjour\\n")
    'tsv'
    """
    stripped = text.strip()
    if not stripped:
        raise AlignmentError("the timestamps file is empty", file=file)
    if stripped[0] in "{[":
        try:
            document = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise ParseError(
                f"looks like JSON but is not: {error.msg}", file=file, line=error.lineno
            ) from None
        return _json_kind(_unwrap(document, file), file)
    if stripped.startswith("WEBVTT"):
        return "vtt-words" if _TAGGED_TIME.search(stripped) else "vtt"
    lines = [line for line in stripped.splitlines() if line.strip()]
    if any(_SRT_TIMING.match(line) for line in lines[:200]):
        return "srt"
    if all(_ONE_TIME.match(line) for line in lines):
        return "lines"
    head = lines[0]
    if "\t" in head:
        return "tsv"
    if "," in head:
        return "csv"
    raise ParseError(
        "cannot tell what kind of timestamps these are; use --timestamps-format "
        f"({', '.join(FORMATS)})",
        file=file,
        line=1,
    )


# --------------------------------------------------------------------------- JSON


#: Keys under which exports wrap one recognizer result (whisperX's ``transcription``).
_WRAPPERS = ("transcription", "result", "results", "output")
_RESULT_KEYS = ("segments", "word_segments", "fragments")


def _is_result(value: Any) -> bool:
    return isinstance(value, dict) and any(key in value for key in _RESULT_KEYS)


def _unwrap(document: Any, file: str | None) -> Any:
    """The recognizer result inside a wrapper: ``[{...}]`` or ``{"transcription": {...}}``.

    A list of several results is refused by name: which one times the narration
    is the user's choice, not a guess.

    >>> _unwrap([{"transcription": {"segments": []}}], None)
    {'segments': []}
    """
    for _ in range(3):  # a wrapper in a wrapper, at most a few deep
        if (
            isinstance(document, list)
            and document
            and all(
                (isinstance(item, dict) and not _is_result(item) and _wrapped(item) is not None)
                or _is_result(item)
                for item in document
            )
        ):
            if len(document) > 1:
                raise ParseError(
                    f"a list of {len(document)} recognizer results: give one of them "
                    "(one file a recording)",
                    file=file,
                )
            document = document[0]
            continue
        if isinstance(document, dict) and not _is_result(document):
            inner = _wrapped(document)
            if inner is not None:
                document = inner
                continue
        break
    return document


def _wrapped(item: dict[str, Any]) -> Any:
    for key in _WRAPPERS:
        value = item.get(key)
        if _is_result(value) or (isinstance(value, list) and value and _is_result(value[0])):
            return value
    return None


def _json_kind(document: Any, file: str | None) -> str:
    if isinstance(document, dict):
        if "fragments" in document:
            return "aeneas"
        if "word_segments" in document:
            return "whisperx"
        segments = document.get("segments")
        if segments is not None and not isinstance(segments, list):
            raise ParseError("'segments' must be a list of segments", file=file)
        if isinstance(segments, list):
            words = [
                word
                for segment in segments
                if isinstance(segment, dict)
                if isinstance(segment.get("words"), list)
                for word in segment["words"]
                if isinstance(word, dict)
            ]
            if any("text" in word and "word" not in word for word in words):
                return "whisper-timestamped"
            if any("start" not in word or "score" in word for word in words):
                return "whisperx"
            return "whisper"
    if isinstance(document, list) and document and isinstance(document[0], dict):
        return "whisperx" if "score" in document[0] else "whisper"
    raise ParseError(
        "JSON without recognizer words: expected 'segments', 'word_segments' or 'fragments'",
        file=file,
    )


#: The largest time a recognizer file may give, in seconds (what the formats can write).
_MAX_SECONDS = MAX_TIME_MS / 1000


def _seconds(value: Any, where: str) -> int | None:
    """Seconds (a number or a numeric string) as milliseconds; None when absent.

    >>> _seconds(1.5, "segment 0")
    1500
    >>> _seconds(float("inf"), "segment 0")
    Traceback (most recent call last):
    ...
    captionkit.errors.ParseError: segment 0: a time must be a finite number of seconds, not inf
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ParseError(f"{where}: a time must be a number, not {value!r}")
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ParseError(f"{where}: a time must be a finite number of seconds, not {value!r}")
        if not 0 <= value < _MAX_SECONDS:
            raise ParseError(
                f"{where}: a time must be from 0 to 100 hours ({_MAX_SECONDS:.0f} s), not {value!r}"
            )
        return round(value * 1000)
    if isinstance(value, str):
        try:
            return _in_range(parse_time(value), where)
        except UsageError:
            pass
    raise ParseError(f"{where}: not a time: {_short(value)}")


def _in_range(ms: int, where: str) -> int:
    if not 0 <= ms < MAX_TIME_MS:
        raise ParseError(f"{where}: a time must be from 0 to 100 hours, not {ms} ms")
    return ms


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _text_of(value: Any, where: str) -> str:
    """A word's or a segment's text: a string (a number is taken as written)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if value is None:
        return ""
    raise ParseError(f"{where}: the text must be a string, not {type(value).__name__}")


def _word_from(entry: Any, key: str, segment: int, index: int) -> TimedWord | None:
    """A word entry; the common case (a string and two floats) takes the short way.

    ``segment`` -1 stands for whisperX's flat ``word_segments`` list (segment 0).
    """
    number = max(segment, 0)
    if type(entry) is dict:
        text, start, end = entry.get(key), entry.get("start"), entry.get("end")
        if (
            type(text) is str
            and type(start) is float
            and type(end) is float
            and 0.0 <= start <= end < _MAX_SECONDS
        ):
            text = text.strip()
            return TimedWord(text, round(start * 1000), round(end * 1000), number) if text else None
    where = f"segment {segment}, word {index}" if segment >= 0 else f"word_segments[{index}]"
    if not isinstance(entry, dict):
        raise ParseError(f"{where}: a word must be an object, not {type(entry).__name__}")
    text = _text_of(entry.get(key, entry.get("text", entry.get("word", ""))), where).strip()
    if not text:
        return None
    start = _seconds(entry.get("start"), where)
    end = _seconds(entry.get("end"), where)
    if start is None or end is None:
        start = end = None
    elif end < start:
        end = start
    return TimedWord(text, start, end, number)


def _load_json(text: str, file: str | None) -> Any:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ParseError(f"not JSON: {error.msg}", file=file, line=error.lineno) from None
    except RecursionError:
        raise ParseError("not JSON a reader can take: nested too deeply", file=file) from None
    return _unwrap(document, file)


def _segments_of(document: Any, file: str | None) -> list[Any]:
    if isinstance(document, list):
        return [{"words": document}]
    if not isinstance(document, dict):
        raise ParseError(
            f"a recognizer file is a JSON object, not {type(document).__name__}", file=file
        )
    segments = document.get("segments")
    if segments is None:
        return []
    if not isinstance(segments, list):
        raise ParseError("'segments' must be a list", file=file)
    return segments


def _read_whisper_json(text: str, file: str | None, key: str, name: str) -> Timestamps:
    document = _load_json(text, file)
    words: list[TimedWord] = []
    level: Level = "word"
    for number, segment in enumerate(_segments_of(document, file)):
        if not isinstance(segment, dict):
            raise ParseError(f"segment {number} is not an object", file=file)
        entries = segment.get("words")
        if entries is not None and not isinstance(entries, list):
            raise ParseError(
                f"segment {number}: 'words' must be a list of words, not "
                f"{type(entries).__name__} {_short(entries)}",
                file=file,
            )
        if entries:
            append, build = words.append, tuple.__new__
            for index, entry in enumerate(entries):
                if type(entry) is dict:  # the common case inline: hundreds of thousands of words
                    said, start, end = entry.get(key), entry.get("start"), entry.get("end")
                    if (
                        type(said) is str
                        and type(start) is float
                        and type(end) is float
                        and 0.0 <= start <= end < _MAX_SECONDS
                        and (said := said.strip())
                    ):
                        timed = (said, round(start * 1000), round(end * 1000), number, False)
                        append(build(TimedWord, timed))
                        continue
                word = _word_from(entry, key, number, index)
                if word is not None:
                    words.append(word)
        elif (said := _text_of(segment.get("text"), f"segment {number}")).strip():
            level = "segment"
            start = _seconds(segment.get("start"), f"segment {number}")
            end = _seconds(segment.get("end"), f"segment {number}")
            words.extend(_spread(said, start, end, number))
    return Timestamps(name, level, tuple(words))


def _read_whisper(text: str, file: str | None) -> Timestamps:
    return _read_whisper_json(text, file, "word", "whisper")


def _read_whisper_timestamped(text: str, file: str | None) -> Timestamps:
    return _read_whisper_json(text, file, "text", "whisper-timestamped")


def _read_whisperx(text: str, file: str | None) -> Timestamps:
    document = _load_json(text, file)
    if isinstance(document, dict) and "word_segments" in document:
        if not isinstance(document["word_segments"], list):
            raise ParseError("'word_segments' must be a list of words", file=file)
        entries = document["word_segments"]
        words = [
            word
            for index, entry in enumerate(entries)
            if (word := _word_from(entry, "word", -1, index)) is not None
        ]
        return Timestamps("whisperx", "word", tuple(words))
    stamps = _read_whisper_json(text, file, "word", "whisperx")
    return stamps


def _read_aeneas(text: str, file: str | None) -> Timestamps:
    document = _load_json(text, file)
    fragments = document.get("fragments") if isinstance(document, dict) else None
    if not isinstance(fragments, list):
        raise ParseError("an aeneas sync map needs a 'fragments' list", file=file)
    words: list[TimedWord] = []
    single = True
    for number, fragment in enumerate(_flatten_fragments(fragments)):
        lines = fragment.get("lines") or []
        if not isinstance(lines, list):
            lines = [lines]
        where = f"fragment {_short(fragment.get('id', number))}"
        phrase = " ".join(_text_of(line, where) for line in lines).strip()
        if not phrase:
            continue
        start = _seconds(fragment.get("begin"), where)
        end = _seconds(fragment.get("end"), where)
        spread = _spread(phrase, start, end, number)
        single = single and len(spread) == 1
        words.extend(spread)
    if single:
        words = [TimedWord(w.text, w.start, w.end, w.segment) for w in words]
    return Timestamps("aeneas", "word" if single else "segment", tuple(words))


def _flatten_fragments(fragments: Iterable[Any]) -> Iterable[dict[str, Any]]:
    """Leaves of an aeneas tree (a multi-level map nests children inside fragments)."""
    for fragment in fragments:
        if not isinstance(fragment, dict):
            continue
        children = fragment.get("children") or []
        if children and isinstance(children, list):
            yield from _flatten_fragments(children)
        else:
            yield fragment


# --------------------------------------------------------------------------- spreading


def _spread(phrase: str, start: int | None, end: int | None, segment: int) -> list[TimedWord]:
    """The words of a phrase with its time spread over them by character length.

    >>> [(w.text, w.start, w.end) for w in _spread("ab abcd", 0, 800, 0)]
    [('ab', 0, 300), ('abcd', 300, 800)]
    """
    tokens = phrase.split()
    if start is None or end is None:
        return [TimedWord(token, None, None, segment, True) for token in tokens]
    end = max(end, start)
    weights = [len(token) + 1 for token in tokens]
    total = sum(weights)
    words: list[TimedWord] = []
    done = 0
    for token, weight in zip(tokens, weights, strict=True):
        left = start + (end - start) * done // total
        done += weight
        right = start + (end - start) * done // total
        words.append(TimedWord(token, left, right, segment, True))
    return words


# --------------------------------------------------------------------------- WebVTT and SRT


_CUE_TIMING = re.compile(
    r"^\s*(?P<start>(?:\d+:)?\d{2}:\d{2}[.,]\d{3})\s*-->\s*(?P<end>(?:\d+:)?\d{2}:\d{2}[.,]\d{3})"
)
_INLINE = re.compile(r"<((?:\d+:)?\d{2}:\d{2}\.\d{3})>")
_TAG = re.compile(r"</?[^>]*>|\{\\[^}]*\}")


@dataclass(frozen=True, slots=True)
class _RawCue:
    start: int
    end: int
    lines: tuple[str, ...]
    line: int


def _raw_cues(text: str, file: str | None, *, strict_blank: bool = False) -> list[_RawCue]:
    """Cue blocks of a WebVTT or SubRip text: times and raw text lines (tags kept).

    With ``strict_blank`` (WebVTT), only an empty line ends a cue: a line holding
    a space is cue text, as automatic captions write it.
    """
    cues: list[_RawCue] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        timing = _CUE_TIMING.match(lines[index])
        if not timing:
            index += 1
            continue
        number = index + 1
        body: list[str] = []
        index += 1
        while index < len(lines) and not _CUE_TIMING.match(lines[index]):
            if not (lines[index] if strict_blank else lines[index].strip()):
                break
            body.append(lines[index])
            index += 1
        try:
            start, end = parse_time(timing["start"]), parse_time(timing["end"])
        except UsageError as error:
            raise ParseError(error.message, file=file, line=number) from None
        cues.append(_RawCue(start, end, tuple(body), number))
    return cues


def _read_cues(text: str, file: str | None, name: str) -> Timestamps:
    words: list[TimedWord] = []
    for number, cue in enumerate(_cue_texts(text, file, name)):
        words.extend(_spread(cue[2], cue[0], cue[1], number))
    return _settle_level(name, words)


def _settle_level(name: str, words: Sequence[TimedWord]) -> Timestamps:
    """Segment level, unless every segment holds one word (a word-per-cue file)."""
    counts: dict[int, int] = {}
    for word in words:
        counts[word.segment] = counts.get(word.segment, 0) + 1
    if counts and max(counts.values()) == 1:
        exact = tuple(TimedWord(w.text, w.start, w.end, w.segment) for w in words)
        return Timestamps(name, "word", exact)
    return Timestamps(name, "segment", tuple(words))


def _cue_texts(text: str, file: str | None, name: str) -> list[tuple[int, int, str]]:
    """Cue times and plain text: through the project's reader when it can, else directly."""
    from captionkit.formats import parse

    try:
        track = parse(text, "srt" if name == "srt" else "vtt", file=file, lenient=True)
    except (NotImplementedError, CaptionkitError):
        return [
            (cue.start, cue.end, _TAG.sub("", " ".join(cue.lines))) for cue in _raw_cues(text, file)
        ]
    return [(cue.start, cue.end, _TAG.sub("", cue.text.replace("\n", " "))) for cue in track.cues]


def _read_srt(text: str, file: str | None) -> Timestamps:
    return _read_cues(text, file, "srt")


def _read_vtt(text: str, file: str | None) -> Timestamps:
    return _read_cues(text, file, "vtt")


def _read_vtt_words(text: str, file: str | None) -> Timestamps:
    """Words with inline times; the rolling duplicate lines of automatic captions are dropped.

    Automatic captions repeat each line: once in the cue where it is spoken
    (with a time before each word), then as the top line of the next cue and
    in a 10 ms transition cue (plain text). A line with inline times is new
    text; a plain line is new only when it is not the line shown just before.
    """
    words: list[TimedWord] = []
    shown: list[str] = []
    for number, cue in enumerate(_raw_cues(text, file, strict_blank=True)):
        for raw in cue.lines:
            plain = " ".join(_TAG.sub("", raw).split())
            if not plain:
                continue
            if not _INLINE.search(raw):
                if plain in shown[-2:]:
                    continue
                words.extend(_spread(plain, cue.start, cue.end, number))
                shown.append(plain)
                continue
            words.extend(_inline_words(raw, cue, number))
            shown.append(plain)
    return Timestamps("vtt-words", "word", tuple(words))


def _inline_words(raw: str, cue: _RawCue, number: int) -> list[TimedWord]:
    """The words of one line with inline times: each chunk runs until the next time."""
    pieces = _INLINE.split(raw)
    starts = [cue.start] + [parse_time(stamp) for stamp in pieces[1::2]]
    chunks = [" ".join(_TAG.sub("", chunk).split()) for chunk in pieces[0::2]]
    words: list[TimedWord] = []
    for position, (chunk, start) in enumerate(zip(chunks, starts, strict=True)):
        if not chunk:
            continue
        end = starts[position + 1] if position + 1 < len(starts) else cue.end
        spread = _spread(chunk, start, max(start, end), number)
        if len(spread) == 1:
            spread = [TimedWord(spread[0].text, spread[0].start, spread[0].end, number)]
        words.extend(spread)
    return words


# --------------------------------------------------------------------------- tables and lists


def _is_time(field: str) -> bool:
    return bool(_ONE_TIME.match(field)) and bool(field.strip())


def _columns(header: Sequence[str]) -> tuple[int, int | None, int] | None:
    names = [name.strip().lower() for name in header]
    if "start" not in names:
        return None
    text_names = [n for n in ("text", "word", "words", "transcript") if n in names]
    if not text_names:
        return None
    end = names.index("end") if "end" in names else None
    return names.index("start"), end, names.index(text_names[0])


def _read_table(text: str, file: str | None, delimiter: str, name: str) -> Timestamps:
    rows = [
        (number, row)
        for number, row in enumerate(csv.reader(text.splitlines(), delimiter=delimiter), 1)
        if any(field.strip() for field in row)
    ]
    if not rows:
        return Timestamps(name, "segment", ())
    columns = _columns(rows[0][1])
    if columns is not None:
        rows = rows[1:]
    parsed: list[tuple[int, str, str | None, str]] = []
    for number, row in rows:
        fields = [field.strip() for field in row]
        if columns is not None:
            start_at, end_at, text_at = columns
            if max(start_at, text_at, end_at or 0) >= len(fields):
                raise ParseError(f"expected {len(rows[0][1])} columns", file=file, line=number)
            parsed.append(
                (
                    number,
                    fields[start_at],
                    fields[end_at] if end_at is not None else None,
                    fields[text_at],
                )
            )
            continue
        parsed.append((number, *_guess_row(fields, file, number)))
    unit = 1 if _whole_milliseconds(parsed) else 1000
    words: list[TimedWord] = []
    segment_level = False
    for segment, (number, start_text, end_text, phrase) in enumerate(parsed):
        start = _table_time(start_text, unit, file, number)
        end = _table_time(end_text, unit, file, number) if end_text is not None else None
        if end is None:
            following = parsed[segment + 1][1] if segment + 1 < len(parsed) else None
            end = _table_time(following, unit, file, number) if following else None
        spread = _spread(phrase, start, end, segment)
        if end is None:
            spread = [
                TimedWord(w.text, start if i == 0 else None, None, segment, True)
                for i, w in enumerate(spread)
            ]
        segment_level = segment_level or len(spread) > 1
        words.extend(spread)
    if not segment_level:
        words = [TimedWord(w.text, w.start, w.end, w.segment) for w in words]
    return Timestamps(name, "segment" if segment_level else "word", tuple(words))


def _guess_row(fields: list[str], file: str | None, number: int) -> tuple[str, str | None, str]:
    if len(fields) >= 3 and _is_time(fields[0]) and _is_time(fields[1]):
        return fields[0], fields[1], ",".join(fields[2:])
    if len(fields) >= 3 and _is_time(fields[-2]) and _is_time(fields[-1]):
        return fields[-2], fields[-1], ",".join(fields[:-2])
    if len(fields) >= 2 and _is_time(fields[0]):
        return fields[0], None, ",".join(fields[1:])
    if len(fields) >= 2 and _is_time(fields[-1]):
        return fields[-1], None, ",".join(fields[:-1])
    raise ParseError(
        "expected start,end,text or start,text (times as seconds or time codes)",
        file=file,
        line=number,
    )


def _whole_milliseconds(parsed: Sequence[tuple[int, str, str | None, str]]) -> bool:
    """Whether integer times count milliseconds (whisper's TSV) rather than seconds.

    A row or a step between rows of 100 seconds or more is implausible in a
    caption table, while 100 milliseconds is ordinary.
    """
    values = [field for _, start, end, _ in parsed for field in (start, end) if field]
    if not values or not all(value.isdigit() for value in values):
        return False
    starts = [int(start) for _, start, _, _ in parsed]
    lengths = [int(end) - int(start) for _, start, end, _ in parsed if end]
    steps = [b - a for a, b in itertools.pairwise(starts)]
    typical = statistics.median(lengths or steps or [0])
    return typical >= 100


def _table_time(field: str | None, unit: int, file: str | None, number: int) -> int | None:
    if field is None or not field.strip():
        return None
    if unit == 1:
        return int(field)
    try:
        return parse_time(field)
    except UsageError as error:
        raise ParseError(error.message, file=file, line=number) from None


def _read_csv(text: str, file: str | None) -> Timestamps:
    return _read_table(text, file, ",", "csv")


def _read_tsv(text: str, file: str | None) -> Timestamps:
    return _read_table(text, file, "\t", "tsv")


def _read_lines(text: str, file: str | None) -> Timestamps:
    starts: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            starts.append(parse_time(line))
        except UsageError as error:
            raise ParseError(error.message, file=file, line=number) from None
        if len(starts) > 1 and starts[-1] < starts[-2]:
            raise ParseError("times must not go backwards", file=file, line=number)
    return Timestamps("lines", "line", (), tuple(starts))


_READERS = {
    "whisper": _read_whisper,
    "whisper-timestamped": _read_whisper_timestamped,
    "whisperx": _read_whisperx,
    "vtt-words": _read_vtt_words,
    "aeneas": _read_aeneas,
    "srt": _read_srt,
    "vtt": _read_vtt,
    "csv": _read_csv,
    "tsv": _read_tsv,
    "lines": _read_lines,
}
