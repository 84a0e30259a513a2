"""Ingest a narration script: decode, clean, and set aside the lines that are not narration.

Scripts are often scraped from a video page: the narration comes with a title
that announces the topic, a hashtag line, links, and the player's own labels
("More videos", "Ещё видео!", "شاهد المزيد"). These are not spoken, so they must
not become captions; but nothing is dropped silently: every dropped line is
returned with its line number and the rule that dropped it.

The rules (general, not tied to any one script):

- **hashtag**: every word of the line is a ``#tag``;
- **url**: the line holds a link (``http://``, ``https://``, ``www.``) or is a bare domain;
- **player label**: a short line (at most 4 words) made only of player, share and
  subscribe words from ``data/linebreak/ui-labels.txt`` (many languages); or, at the
  start or the end of the script, a short line in another script than the body's,
  or a short line that ends in ``!`` with at most 3 words;
- **title**: the first line, when it is much longer than the lines that follow
  (at least 2.5 times their median length and a teaser mark: ``..``, ``:``, ``|``, ``–``,
  a question; or at least 4 times the median), and at least 5 lines follow.

``keep_all=True`` keeps every line.

>>> script = ingest_text("Big news.. all about the topic of this video today, read on now\\n"
...     "#news\\nfirst line\\nsecond line\\nthird line\\nfourth line\\nfifth line\\nMore videos")
>>> [dropped.reason for dropped in script.dropped]
['title', 'hashtag', 'player label']
>>> script.words[:3]
('first', 'line', 'second')
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from captionkit.errors import ParseError
from captionkit.formats.encoding import decode
from captionkit.text.linebreak import ends_phrase, ends_sentence

_SPACES = re.compile(r"\s+")
_URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
_DOMAIN = re.compile(r"^[\w.-]+\.(com|org|net|io|tv|me|ru|ar|info|co|gov|edu)(/\S*)?$", re.I)
_KEEP_FORMAT = {"\u200c", "\u200d"}  # ZWNJ and ZWJ shape Persian and Arabic words
_TEASER = re.compile(r"\.\.|:|\||–|—| - |\?|؟")


@dataclass(frozen=True, slots=True)
class DroppedLine:
    """A line of the script that is not narration: where it was, what it said, which rule."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the narration and where it sits in the script."""

    text: str
    line: int
    line_end: bool
    sentence_end: bool
    phrase_end: bool


@dataclass(frozen=True, slots=True)
class Narration:
    """The narration's words in order, the kept lines, and the dropped lines."""

    tokens: tuple[Word, ...]
    lines: tuple[tuple[int, str], ...]
    dropped: tuple[DroppedLine, ...]
    encoding: str = "utf-8"

    @property
    def words(self) -> tuple[str, ...]:
        """The words' texts, in order."""
        return tuple(token.text for token in self.tokens)

    @property
    def line_ends(self) -> frozenset[int]:
        """Indices of the words that end a line of the script."""
        return frozenset(index for index, token in enumerate(self.tokens) if token.line_end)


def clean_line(text: str) -> str:
    """NFC, stray controls removed (ZWNJ and ZWJ kept), whitespace runs as one space.

    >>> clean_line("  كوريا\\u200f  الشمالية\\t")
    'كوريا الشمالية'
    """
    text = unicodedata.normalize("NFC", text)
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char in _KEEP_FORMAT:
            kept.append(char)
        elif category in ("Cc", "Cf", "Zl", "Zp"):
            kept.append(" " if char in "\t\x0b\x0c" or category in ("Zl", "Zp") else "")
        else:
            kept.append(char)
    return _SPACES.sub(" ", "".join(kept)).strip()


@lru_cache(maxsize=1)
def _ui_labels() -> tuple[frozenset[str], frozenset[str]]:
    text = resources.files("captionkit.data").joinpath("linebreak", "ui-labels.txt").read_text()
    entries = [line.strip() for line in text.splitlines()]
    entries = [entry for entry in entries if entry and not entry.startswith("#")]
    phrases = frozenset(entry.casefold() for entry in entries)
    words = frozenset(entry.casefold() for entry in entries if " " not in entry)
    return phrases, words


def _script(char: str) -> str | None:
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return name.split(" ")[0] if name else None


def dominant_script(text: str) -> str | None:
    """The script most of the letters are in (``ARABIC``, ``LATIN``, ``CYRILLIC`` ...)."""
    counts: dict[str, int] = {}
    for char, number in Counter(text).items():
        script = _script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + number
    if not counts:
        return None
    return max(sorted(counts), key=lambda name: counts[name])


def _label_words(text: str) -> list[str]:
    folded = text.casefold()
    cleaned = "".join(char if char.isalnum() or char in " '-" else " " for char in folded)
    return [word for word in cleaned.split() if not word.isdigit()]


def is_player_label(text: str) -> bool:
    """A short line made only of player, share or subscribe words (any listed language).

    >>> is_player_label("Ещё видео!"), is_player_label("شاهد المزيد"), is_player_label("more on this")
    (True, True, False)
    """
    phrases, words = _ui_labels()
    found = _label_words(text)
    if not found or len(found) > 4:
        return False
    return " ".join(found) in phrases or all(word in words for word in found)


def _reason(text: str) -> str | None:
    tokens = text.split()
    if tokens and all(token.startswith("#") for token in tokens):
        return "hashtag"
    if _URL.search(text) or (len(tokens) == 1 and _DOMAIN.match(tokens[0])):
        return "url"
    if is_player_label(text):
        return "player label"
    return None


def _edge_label(text: str, body_script: str | None) -> bool:
    tokens = text.split()
    if not tokens or len(tokens) > 4:
        return False
    script = dominant_script(text)
    if body_script is not None and script is not None and script != body_script:
        return True
    return text.rstrip().endswith("!") and len(tokens) <= 3


def _is_title(first: str, rest: list[str]) -> bool:
    if len(rest) < 5:
        return False
    median = statistics.median(len(line) for line in rest)
    if median <= 0:
        return False
    ratio = len(first) / median
    return ratio >= 4 or (ratio >= 2.5 and bool(_TEASER.search(first)))


def split_lines(
    lines: list[tuple[int, str]], keep_all: bool
) -> tuple[list[tuple[int, str]], list[DroppedLine]]:
    """Separate narration lines from the others (see the module's rules)."""
    if keep_all:
        return lines, []
    dropped: dict[int, str] = {}
    for number, text in lines:
        reason = _reason(text)
        if reason is not None:
            dropped[number] = reason
    body = [(number, text) for number, text in lines if number not in dropped]
    body_script = dominant_script(" ".join(text for _, text in body))
    for edge in (body, list(reversed(body))):
        for number, text in edge[:2]:
            if _edge_label(text, body_script):
                dropped[number] = "player label"
            else:
                break
    body = [(number, text) for number, text in lines if number not in dropped]
    if body and _is_title(body[0][1], [text for _, text in body[1:]]):
        dropped[body[0][0]] = "title"
    kept = [(number, text) for number, text in lines if number not in dropped]
    report = [
        DroppedLine(number, text, dropped[number]) for number, text in lines if number in dropped
    ]
    return kept, report


def ingest_text(text: str, *, keep_all: bool = False, encoding: str = "utf-8") -> Narration:
    """The narration in a decoded script."""
    numbered = [(number, clean_line(raw)) for number, raw in enumerate(text.splitlines(), 1)]
    numbered = [(number, line) for number, line in numbered if line]
    kept, dropped = split_lines(numbered, keep_all)
    tokens: list[Word] = []
    for number, line in kept:
        parts = line.split(" ")
        for index, part in enumerate(parts):
            tokens.append(
                Word(
                    text=part,
                    line=number,
                    line_end=index == len(parts) - 1,
                    sentence_end=ends_sentence(part),
                    phrase_end=ends_phrase(part),
                )
            )
    return Narration(tuple(tokens), tuple(kept), tuple(dropped), encoding)


def ingest(
    data: bytes, *, encoding: str | None = None, keep_all: bool = False, file: str | None = None
) -> Narration:
    """The narration in a script's bytes, decoded as the subtitle readers decode.

    Bytes that are not text (NUL or other control bytes, bytes no encoding could
    read: an image, a program) are refused with the line where they first appear.
    """
    decoded = decode(data, encoding, file=file)
    binary = _BINARY.search(decoded.text)
    if binary is not None:
        line = decoded.text.count("\n", 0, binary.start()) + 1
        raise ParseError(
            "this is not a text file (binary or undecodable bytes): a narration script is text",
            file=file,
            line=line,
        )
    return ingest_text(decoded.text, keep_all=keep_all, encoding=decoded.encoding)


#: Control characters that no text file holds (tab, line ends and form feed are text), and
#: the surrogates that stand for bytes the decoder could not read.
_BINARY = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")
