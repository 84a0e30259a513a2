"""How a narrator reads a token that eSpeak NG would read otherwise: years, Japanese kanji.

eSpeak NG reads a four-digit number as a cardinal in German (1962: "eintausend
neunhundert zweiundsechzig", 2.4 s) and with "hundred and" in English
("nineteen hundred and sixty-two"), while a speaker reading a year says
"neunzehnhundertzweiundsechzig" (1.6 s in gaenswein15.mp3) or "nineteen
sixty-two". A synthesis that is a second too long around one word pulls the
path off the words around it. A bare number from 1100 to 1999 in running text
is almost always a year, and German and English speakers read it in hundreds
(German does so for quantities too: "fünfzehnhundert Menschen"). Dutch,
Swedish and Danish voices already read it that way; French, Catalan, Spanish
and Arabic read years as cardinals, as eSpeak NG does.

Japanese: eSpeak NG reads kana, but speaks a kanji as its character name
(1.7 s for 質問, said in 0.4 s), so a word with kanji is given to it in the
hiragana that pykakasi reads for it (the ``audio`` extra; without pykakasi
the word is spoken as written).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

_YEAR = re.compile(r"^(\W*)(1[1-9])(\d\d)(\W*)$")
# CJK ideographs (Extension A, the unified block, compatibility) and the iteration mark 々
_KANJI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]")


@functools.cache
def _kana_converter() -> Callable[[str], list[dict[str, str]]] | None:
    """pykakasi's converter, made once (its dictionaries take ~0.5 s to load); None without pykakasi."""
    try:
        import pykakasi
    except ImportError:
        return None
    return pykakasi.kakasi().convert  # type: ignore[no-untyped-call]


def _hiragana(word: str) -> str:
    """``word`` with each part that has kanji in hiragana, the rest as written, still one word.

    pykakasi splits a word into parts (私は: 私, は); each part with kanji is
    replaced by its reading without any space in it, so eSpeak NG still sees one
    word and gives one word event for it.
    """
    convert = _kana_converter()
    if convert is None:
        return word
    parts = convert(word)
    return "".join(
        "".join(part["hira"].split()) if _KANJI.search(part["orig"]) else part["orig"]
        for part in parts
    )


def reading(word: str, language: str) -> str:
    """The text eSpeak NG should speak for ``word`` so that it sounds as a narrator reads it.

    >>> reading("1962", "de"), reading("1905,", "de"), reading("1962", "en"), reading("1900", "en")
    ('19 hundert 62', '19 hundert 5,', '19 62', '19 hundred')
    >>> reading("1962", "fr"), reading("2024", "de"), reading("1.962", "de")
    ('1962', '2024', '1.962')
    >>> reading("質問", "ja"), reading("ニュース", "ja")  # doctest: +SKIP
    ('しつもん', 'ニュース')
    """
    base = language.split("+")[0].split("-")[0].lower()
    if base == "ja":
        return _hiragana(word) if _KANJI.search(word) else word
    if base not in ("de", "en"):
        return word
    match = _YEAR.match(word)
    if match is None:
        return word
    before, century, rest, after = match.groups()
    tail = int(rest)
    if base == "de":
        spoken = f"{century} hundert" + (f" {tail}" if tail else "")
    elif tail == 0:
        spoken = f"{century} hundred"
    elif tail < 10:
        spoken = f"{century} oh {tail}"
    else:
        spoken = f"{century} {tail}"
    return f"{before}{spoken}{after}"
