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

A recognizer's Japanese words are often single kanji and single kana (whisper:
質, 問; ニ, ュ, ー, ス), and read one by one they are a poor model of the speech:
問 alone is とん (in 質問 it is もん), 実 and 際 alone are み and きわ (実際 is
じっさい), and ー alone is eSpeak NG's name for the mark (0.9 s). So
:func:`readings` reads each run of Japanese words as one text (pykakasi reads
compounds as compounds), and gives each word its part of that reading: the
kana of its own kana, and of a kanji compound split over several words the
share of its characters, split between morae where a kanji's reading may end.
A word that starts with a mora that cannot begin one (small kana, っ, ー) gives
those characters to the word before it and is left empty (eSpeak NG says
nothing for it; the aligner starts it where the next word starts).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence

_YEAR = re.compile(r"^(\W*)(1[1-9])(\d\d)(\W*)$")
# CJK ideographs (Extension A, the unified block, compatibility) and the iteration mark 々
_KANJI = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]")
# kana (with ー), kanji, and CJK and full-width punctuation: what a run of Japanese words holds
_JAPANESE = re.compile(
    "[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff65]+"
)
# a kana that a small kana or ー can follow (not the middle dot ・)
_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa\u30fc]")
_ORPHAN_LONG = re.compile("(?<![\u3041-\u3096\u30a1-\u30fa\u30fc])ー+")
# a mora that cannot begin a word's reading: small kana, the geminate っ, the long vowel mark ー
_BOUND = frozenset("ぁぃぅぇぉゃゅょゎァィゥェォャュョヮっッー")
_SMALL = frozenset("ぁぃぅぇぉゃゅょゎァィゥェォャュョヮ")
# the vowel each hiragana mora ends with (a small kana decides: しょ ends with o)
_VOWELS = {
    kana: vowel
    for vowel, row in (
        ("a", "あかさたなはまやらわがざだばぱぁゃゎ"),
        ("i", "いきしちにひみりぎじぢびぴぃ"),
        ("u", "うくすつぬふむゆるぐずづぶぷぅゅゔ"),
        ("e", "えけせてねへめれげぜでべぺぇ"),
        ("o", "おこそとのほもよろをごぞどぼぽぉょ"),
    )
    for kana in row
}


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


def _hira(text: str) -> str:
    """Katakana as hiragana (ー kept as it is)."""
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def _morae(kana: str) -> list[str]:
    """``kana`` in morae, each small kana with the one before it: しゅっせ → しゅ, っ, せ."""
    morae: list[str] = []
    for char in kana:
        if char in _SMALL and morae:
            morae[-1] += char
        else:
            morae.append(char)
    return morae


def _ends_reading(mora: str, before: str) -> bool:
    """Whether ``mora`` after ``before`` can only end a kanji's reading: ん, っ, ー, a long vowel."""
    if mora[0] in "んンっッー":
        return True
    vowel = _VOWELS.get(_hira(before)[-1:], "")
    return (mora == "う" and vowel in ("o", "u")) or (mora == "い" and vowel in ("a", "e"))


def _split(kana: str, count: int) -> list[str]:
    """``kana``, the reading of ``count`` kanji, in ``count`` parts near even shares of morae.

    A part starts with a mora that can begin a kanji's reading, not with ん, っ
    or a long vowel (the う of りょう, the い of けい, さい): 管理上 かんりじょう →
    かん, り, じょう, where even shares would give かん, りじょ, う.

    >>> _split("しつもん", 2), _split("いりょう", 2), _split("かんりじょう", 3)
    (['しつ', 'もん'], ['い', 'りょう'], ['かん', 'り', 'じょう'])
    """
    morae = _morae(kana)
    if count <= 1 or len(morae) < count:
        return [kana] + [""] * (count - 1)
    cuts = [0]
    for part in range(1, count):
        ideal = part * len(morae) / count

        def cost(at: int, ideal: float = ideal) -> float:
            return abs(at - ideal) + (0.75 if _ends_reading(morae[at], morae[at - 1]) else 0.0)

        cuts.append(min(range(cuts[-1] + 1, len(morae) - count + part + 1), key=cost))
    cuts.append(len(morae))
    return ["".join(morae[a:b]) for a, b in itertools.pairwise(cuts)]


def _char_readings(orig: str, kana: str) -> list[str]:
    """What each character of ``orig`` (one of pykakasi's parts, read ``kana``) reads.

    A kana reads as itself (as written, katakana too); a run of kanji reads
    what lies between the kana around it (同じ おなじ: 同 おな, じ じ), split over
    its characters by :func:`_split`.
    """
    tokens = re.findall(f"{_KANJI.pattern}+|.", orig)
    pattern = "".join(
        "(.+?)" if _KANJI.match(token) else re.escape(_hira(token)) for token in tokens
    )
    match = re.fullmatch(pattern, kana)
    if match is None:
        return _split(kana, len(orig))
    groups = iter(match.groups())
    out: list[str] = []
    for token in tokens:
        out.extend(_split(next(groups), len(token)) if _KANJI.match(token) else [token])
    return out


def _lean(said: list[str]) -> list[str]:
    """Each reading's leading small kana, っ and ー moved to the reading before it (ニ ュ → ニュ, "").

    A ー with no kana before it is dropped: it lengthens nothing, and alone
    eSpeak NG says the mark's name.
    """
    out = list(said)
    bound = "".join(sorted(_BOUND))
    for index, text in enumerate(out):
        cut = len(text) - len(text.lstrip(bound))
        before = next((i for i in range(index - 1, -1, -1) if out[i]), None)
        if cut and before is not None and _KANA.match(out[before][-1]):
            out[before] += text[:cut]
            out[index] = text[cut:]
    return [_ORPHAN_LONG.sub("", text) for text in out]


def _run_readings(words: Sequence[str]) -> list[str]:
    """The words of one run of Japanese, read together and shared out (see the module)."""
    convert = _kana_converter()
    text = "".join(words)
    if convert is None or not text:
        return _lean(list(words))
    owner = [index for index, word in enumerate(words) for _ in word]
    parts = convert(text)
    if "".join(part["orig"] for part in parts) != text:
        return [_hiragana(word) for word in words]
    said = [""] * len(words)
    at = 0
    for part in parts:
        orig = part["orig"]
        if _KANJI.search(orig):
            pieces = _char_readings(orig, "".join(part["hira"].split()))
        else:
            pieces = list(orig)
        for offset, piece in enumerate(pieces):
            said[owner[at + offset]] += piece
        at += len(orig)
    return _lean(said)


def readings(words: Sequence[str], language: str) -> list[str]:
    """What eSpeak NG should speak for each of ``words`` (in order), read as a narrator reads them.

    As :func:`reading` word by word, except in Japanese, where each run of
    words in Japanese script is read as one text and shared out (see the module).

    >>> readings(["von", "1962"], "de")
    ['von', '19 hundert 62']
    >>> readings(["実", "際", "に", "ニ", "ュ", "ー", "ス"], "ja")  # doctest: +SKIP
    ['じっ', 'さい', 'に', 'ニュー', '', '', 'ス']
    """
    base = language.split("+")[0].split("-")[0].lower()
    if base != "ja":
        return [reading(word, language) for word in words]
    out: list[str] = []
    index = 0
    while index < len(words):
        end = index
        while end < len(words) and _JAPANESE.fullmatch(words[end]):
            end += 1
        if end == index:
            out.append(reading(words[index], language))
            index += 1
        else:
            out.extend(_run_readings(words[index:end]))
            index = end
    return out


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
