"""How a narrator reads a token that eSpeak NG would read otherwise: years in hundreds.

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
"""

from __future__ import annotations

import re

_YEAR = re.compile(r"^(\W*)(1[1-9])(\d\d)(\W*)$")


def reading(word: str, language: str) -> str:
    """The text eSpeak NG should speak for ``word`` so that it sounds as a narrator reads it.

    >>> reading("1962", "de"), reading("1905,", "de"), reading("1962", "en"), reading("1900", "en")
    ('19 hundert 62', '19 hundert 5,', '19 62', '19 hundred')
    >>> reading("1962", "fr"), reading("2024", "de"), reading("1.962", "de")
    ('1962', '2024', '1.962')
    """
    base = language.split("+")[0].split("-")[0].lower()
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
