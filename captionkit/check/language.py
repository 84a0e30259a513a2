"""A file's language, for the rules that depend on it: from its name, else from its letters.

Subtitle files carry their language in the name (``film.ar.srt``, ``fa.srt``,
``show.he-IL.vtt``); without one, the letters decide: Hebrew letters make Hebrew,
Arabic-script text is Persian when it has Persian letters (پ چ ژ گ ی ک), Urdu when
it has Urdu ones (ٹ ڈ ڑ ں ے), Arabic otherwise. Only right-to-left languages are
named; a file without right-to-left letters in most of its cues has none.

>>> language_from_name("film.fa.srt"), language_from_name("ar.srt"), language_from_name("x.srt")
('fa', 'ar', None)
>>> language_from_text(["سلام، چطوری؟"]), language_from_text(["مرحبا يا صديقي"])
('fa', 'ar')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePath

from captionkit.text.rtl import RTL_LETTER

_CODES = {
    "ar": "ar",
    "ara": "ar",
    "arabic": "ar",
    "fa": "fa",
    "fas": "fa",
    "per": "fa",
    "prs": "fa",
    "persian": "fa",
    "farsi": "fa",
    "ur": "ur",
    "urd": "ur",
    "urdu": "ur",
    "he": "he",
    "iw": "he",
    "heb": "he",
    "hebrew": "he",
}
_HEBREW = re.compile("[\u0590-\u05ff\ufb1d-\ufb4f]")
_PERSIAN = re.compile("[\u067e\u0686\u0698\u06af\u06cc\u06a9]")
_URDU = re.compile("[\u0679\u0688\u0691\u06ba\u06be\u06d2]")
_ARABIC_ONLY = re.compile("[\u064a\u0643\u0629\u0649]")
_WORD = re.compile(r"[^\W\d_]")


def language_from_name(path: str | None) -> str | None:
    """The right-to-left language named in a file name (``x.ar.srt``, ``fa.srt``), or None."""
    if not path or path == "-":
        return None
    name = PurePath(path).name.lower()
    for part in reversed(name.split(".")[:-1]):
        code = _CODES.get(part.split("-")[0].split("_")[0])
        if code is not None:
            return code
    return None


def language_from_text(texts: Iterable[str]) -> str | None:
    """The right-to-left language of most texts' letters, or None when most have none."""
    with_letters = rtl = hebrew = persian = urdu = arabic = 0
    for text in texts:
        if _WORD.search(text) is None:
            continue
        with_letters += 1
        if RTL_LETTER.search(text) is None:
            continue
        rtl += 1
        if _HEBREW.search(text):
            hebrew += 1
            continue
        urdu += len(_URDU.findall(text))
        persian += len(_PERSIAN.findall(text))
        arabic += len(_ARABIC_ONLY.findall(text))
    if not rtl or rtl * 2 < with_letters:
        return None
    if hebrew * 2 > rtl:
        return "he"
    if urdu and urdu * 4 >= persian:
        return "ur"
    return "fa" if persian > arabic else "ar"


def file_language(path: str | None, texts: Iterable[str]) -> str | None:
    """The file's language: its name first, its letters otherwise."""
    return language_from_name(path) or language_from_text(texts)
