"""Decoding subtitle bytes, and encoding them back exactly.

Subtitle files arrive in every encoding. The order of decisions is:

1. an encoding the user gave (``--encoding``);
2. a byte-order mark (UTF-32 before UTF-16, whose mark is a prefix of it; UTF-8);
3. UTF-16 without a mark, recognised by its zero bytes (before UTF-8: ASCII in
   UTF-16 is valid UTF-8 full of NUL characters);
4. strict UTF-8;
5. charset-normalizer's best guess, with an **Arabic guard**: small Arabic files
   in Windows-1256 are where detectors fail, so when the bytes decode as
   Windows-1256 into plausible Arabic or Persian words and the detector proposes
   something else, Windows-1256 wins unless the other decoding is clearly
   better;
6. as a last resort UTF-8 with the undecodable bytes kept as escapes, so that
   writing the text back still gives the same bytes.

Every decision comes with a reason, which ``captionkit info`` shows.

>>> decode("مرحبا".encode("cp1256") + b" \\xe6\\xc7\\xe1\\xd3\\xe1\\xc7\\xe3 \\xda\\xe1\\xed\\xdf\\xe3").encoding
'cp1256'
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from captionkit.errors import EncodingError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and what is needed to encode it back to the same bytes."""

    text: str
    encoding: str
    bom: bytes
    reason: str
    surrogates: bool = False


def canonical_encoding(name: str) -> str:
    """Python's canonical codec name for ``name`` (``windows-1256`` → ``cp1256``)."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise EncodingError(f"unknown encoding {name!r}") from None


def _is_arabic_letter(char: str) -> bool:
    return (
        "\u0620" <= char <= "\u064a" or "\u066e" <= char <= "\u06d3" or "\u06fa" <= char <= "\u06ff"
    )


def _is_arabic_mark(char: str) -> bool:
    return "\u064b" <= char <= "\u065f" or char == "\u0670"


def arabic_plausibility(text: str) -> float:
    """Share of non-ASCII words that are well-formed Arabic-script words.

    A well-formed word is made of Arabic letters, with harakat only after a
    letter. Bytes of another language read as Windows-1256 give words that mix
    Arabic letters with the Latin letters of that code page (à, é, î ...) and
    harakat in impossible places, so their score is low, even in a tiny file.

    >>> arabic_plausibility("ذهب الولدُ إلى المدرسة")
    1.0
    >>> arabic_plausibility("Привет, как дела?".encode("cp1251").decode("cp1256"))
    0.25
    """
    words = [word for word in _WORD.findall(text) if not word.isascii()]
    if not words:
        return 0.0
    good = 0
    for word in words:
        if not _is_arabic_letter(word[0]):
            continue
        if all(_is_arabic_letter(char) or _is_arabic_mark(char) for char in word):
            good += 1
    return good / len(words)


def _letter_share(text: str) -> float:
    """Share of non-ASCII characters that are letters or marks (not symbols)."""
    wide = [char for char in text if not char.isascii() and not char.isspace()]
    if not wide:
        return 0.0
    return sum(1 for char in wide if _WORD.fullmatch(char) or _is_arabic_mark(char)) / len(wide)


def _arabic_share(text: str) -> float:
    letters = sum(1 for char in text if char.isalpha())
    if not letters:
        return 0.0
    arabic = sum(1 for char in text if "\u0600" <= char <= "\u06ff")
    return arabic / letters


def _looks_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the zero bytes say so, else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_zeros = data[0::2].count(0)
    odd_zeros = data[1::2].count(0)
    half = len(data) // 2
    if odd_zeros > 0.3 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.3 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    # Arabic UTF-16 has few zero bytes but its high bytes are 0x06 (U+06xx).
    odd_arabic = data[1::2].count(6) + odd_zeros
    even_arabic = data[0::2].count(6) + even_zeros
    if odd_arabic > 0.9 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_arabic > 0.9 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def _exact(data: bytes, encoding: str) -> str | None:
    """Decode only if encoding the result again gives the same bytes."""
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    try:
        if text.encode(encoding) != data:
            return None
    except UnicodeEncodeError:
        return None
    return text


def _mess(text: str) -> float:
    from charset_normalizer.md import mess_ratio

    return float(mess_ratio(text, maximum_threshold=1.0))


def decode(data: bytes, encoding: str | None = None, *, file: str | None = None) -> Decoded:
    """Decode subtitle bytes, deciding the encoding as the module explains."""
    if encoding is not None and encoding.lower() not in ("auto", "keep"):
        return _decode_as_given(data, canonical_encoding(encoding), file)
    marked = _decode_marked(data, file)
    if marked is not None:
        return marked
    # UTF-16 text is often valid UTF-8 too (ASCII with NUL bytes between), so
    # its zero bytes are looked at first.
    utf16 = _looks_utf16(data) if b"\x00" in data else None
    if utf16 is not None:
        text16 = _exact(data, utf16)
        if text16 is not None:
            return Decoded(text16, utf16, b"", f"{utf16} without a byte-order mark (zero bytes)")

    try:
        return Decoded(data.decode("utf-8"), "utf-8", b"", "valid UTF-8")
    except UnicodeDecodeError:
        pass
    guessed = _decode_guessed(data, file)
    if guessed is not None:
        return guessed
    text = data.decode("utf-8", errors="surrogateescape")
    return Decoded(
        text,
        "utf-8",
        b"",
        "undetectable: read as UTF-8, undecodable bytes kept as they are",
        surrogates=True,
    )


def _decode_as_given(data: bytes, name: str, file: str | None) -> Decoded:
    """The bytes in the encoding the caller named; a matching byte-order mark is taken off."""
    bom = b""
    for mark, mark_encoding in _BOMS:
        if data.startswith(mark) and canonical_encoding(mark_encoding) == name.replace(
            "utf-8-sig", "utf-8"
        ):
            bom = mark
            break
    if name in ("utf-16", "utf-32", "utf-8-sig"):
        for mark, mark_encoding in _BOMS:
            if data.startswith(mark):
                bom, name = mark, mark_encoding
                break
    try:
        text = data[len(bom) :].decode(name)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise EncodingError(
            f"the bytes are not {name} at byte {error.start}: {error.reason}",
            file=file,
            line=line,
        ) from None
    return Decoded(text, name, bom, f"{name}, as given")


def _decode_marked(data: bytes, file: str | None) -> Decoded | None:
    """The bytes by their byte-order mark, or None; UTF-16 cut short is an error here."""
    for mark, mark_encoding in _BOMS:
        if data.startswith(mark):
            try:
                text = data[len(mark) :].decode(mark_encoding)
            except UnicodeDecodeError as error:
                _refuse_cut_utf16(data, mark_encoding, error, file)
                continue
            return Decoded(text, mark_encoding, mark, f"byte-order mark of {mark_encoding}")
    if len(data) % 2 and b"\x00" in data and (cut := _looks_utf16(data[:-1])) is not None:
        raise EncodingError(
            f"{cut} text cut short: an odd number of bytes ({len(data)}); "
            "the last character is incomplete (was the file truncated?)",
            file=file,
            line=data.count(b"\n" if cut.endswith("be") else b"\n\x00") + 1,
        )
    return None


def _decode_guessed(data: bytes, file: str | None) -> Decoded | None:
    """Bytes that are not UTF-8: Windows-1256 Arabic or the detector's guess, or None."""
    guess = _detector_guess(data)
    arabic = _exact(data, "cp1256")
    if arabic is not None and _arabic_share(arabic) > 0.5 and arabic_plausibility(arabic) >= 0.8:
        return _arabic_or_guess(arabic, guess)
    if guess is None:
        return None
    if arabic is not None and _turns_arabic_into_latin(arabic, guess[1]):
        raise EncodingError(
            f"encoding must be given: the detector reads these bytes as {guess[0]} "
            "(Latin letters in odd places), but as cp1256 they are Arabic words; "
            "name the encoding (cp1256, or the other one) to read them",
            file=file,
            line=1,
            parameter="encoding",
        )
    return Decoded(guess[1], guess[0], b"", f"{guess[0]}: charset-normalizer's best guess")


def _arabic_or_guess(arabic: str, guess: tuple[str, str] | None) -> Decoded:
    """Bytes that read as Arabic in Windows-1256, unless the detector's reading is better."""
    if guess is None or guess[0] == "cp1256":
        return Decoded(arabic, "cp1256", b"", "Windows-1256: Arabic words, detector agrees")
    other_text = guess[1]
    if _arabic_share(other_text) > 0.5 and arabic_plausibility(other_text) > arabic_plausibility(
        arabic
    ):
        return Decoded(other_text, guess[0], b"", f"{guess[0]}: detector, better Arabic")
    # "Clearly better": the other decoding is made of letters too, and is
    # markedly less messy by charset-normalizer's own measure.
    if _letter_share(other_text) >= 0.95 and _mess(other_text) + 0.2 < _mess(arabic):
        return Decoded(other_text, guess[0], b"", f"{guess[0]}: detector, clearly cleaner")
    return Decoded(
        arabic,
        "cp1256",
        b"",
        f"Windows-1256: decodes into Arabic words (detector proposed {guess[0]})",
    )


def _refuse_cut_utf16(
    data: bytes, encoding: str, error: UnicodeDecodeError, file: str | None
) -> None:
    """A UTF-16/32 file whose marked encoding fails only at its very end was cut short."""
    width = 4 if encoding.startswith("utf-32") else 2
    body = len(data) - (4 if width == 4 else 2)
    if encoding.startswith("utf-8") or body % width == 0 or error.end < body - width:
        return
    raise EncodingError(
        f"{encoding} text cut short: {body} bytes after the byte-order mark, not a multiple "
        f"of {width}; the last character is incomplete (was the file truncated?)",
        file=file,
        line=data.count(b"\n" if encoding.endswith("be") else b"\n\x00") + 1,
    )


def _turns_arabic_into_latin(arabic: str, other: str) -> bool:
    """Whether a guess would turn what reads as Arabic words into Latin mojibake.

    Short files mixing Arabic with Latin text fool detectors; the guard above
    takes the Arabic reading when most of the text is Arabic. Below that share,
    a guess that leaves no Arabic at all while the Windows-1256 reading has
    several well-formed Arabic words is a coin toss the user must settle.

    >>> mixed = "Caf\u00e9 مرحبا بكم في البيت".encode("cp1256")
    >>> _turns_arabic_into_latin(mixed.decode("cp1256"), mixed.decode("cp1250"))
    True
    >>> french = "Déjà vu à Paris, très été".encode("cp1252")
    >>> _turns_arabic_into_latin(french.decode("cp1256"), french.decode("cp1252"))
    False
    """
    if _arabic_share(other) > 0.05:
        return False
    words = [word for word in _WORD.findall(arabic) if not word.isascii()]
    good = sum(
        1
        for word in words
        if _is_arabic_letter(word[0])
        and all(_is_arabic_letter(char) or _is_arabic_mark(char) for char in word)
    )
    return good >= 2 and good >= 0.6 * len(words)


def _detector_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    for match in from_bytes(data):
        name = canonical_encoding(match.encoding)
        text = _exact(data, name)
        if text is not None:
            return name, text
    return None


def encode(text: str, encoding: str, bom: bytes = b"", *, file: str | None = None) -> bytes:
    """Encode text as ``encoding`` after ``bom``; a character it cannot hold is an error.

    >>> encode("a", "utf-16-le", b"\\xff\\xfe")
    b'\\xff\\xfea\\x00'
    """
    try:
        return bom + text.encode(encoding, errors="surrogateescape")
    except UnicodeEncodeError as error:
        line = text[: error.start].count("\n") + 1
        raise EncodingError(
            f"{text[error.start]!r} (U+{ord(text[error.start]):04X}) cannot be written in "
            f"{encoding}; choose another --encoding such as utf-8",
            file=file,
            line=line,
        ) from None


def newline_style(text: str) -> str:
    r"""The dominant line end of a text: ``\r\n``, ``\n`` or ``\r`` (``\n`` when none).

    >>> newline_style("a\r\nb\r\nc\n")
    '\r\n'
    """
    if "\r" not in text:
        return "\n"
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if crlf == lf == cr == 0:
        return "\n"
    best = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"), key=lambda pair: pair[0])
    return best[1]


BOM_FOR = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}
