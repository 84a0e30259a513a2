"""Arabic script: detection, matching keys, presentation forms, and text stored in visual order.

captionkit writes logical, unshaped Unicode. This module is how it reads everything else:
:func:`matching_key` makes a narration word and a recognizer's word comparable (alignment),
:func:`unshape` undoes pre-shaped glyphs, and :func:`looks_reversed` / :func:`unvisual` detect
and undo the visual order that ``render_line(..., "visual")`` (and older tools) produce.

>>> matching_key("وَالْأَطْفَالُ"), matching_key("مدرسة") == matching_key("مدرسه")
('والاطفال', True)
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from captionkit.text.bidi import MIRRORS, display_permutation, embedding_levels, mirror
from captionkit.text.rtl import BIDI_CONTROLS, has_rtl

TATWEEL = "\u0640"
ZWNJ = "\u200c"
ZWJ = "\u200d"

#: Arabic combining marks: harakat, tanween, shadda, sukun, dagger alef, the Quranic annotation
#: marks and the small high signs (every nonspacing mark in U+0610-061A, U+064B-065F, U+0670,
#: U+06D6-06ED, U+08D3-08FF). Quranic signs that are not marks (U+06DD end of ayah, U+06DE,
#: U+06E9) and the small letters U+06E5/U+06E6 are not included: they are visible.
HARAKAT: frozenset[str] = frozenset(
    chr(code)
    for low, high in (
        (0x0610, 0x061A),
        (0x064B, 0x065F),
        (0x0670, 0x0670),
        (0x06D6, 0x06ED),
        (0x08D3, 0x08FF),
    )
    for code in range(low, high + 1)
    if unicodedata.category(chr(code)) == "Mn"
)

#: Word ligatures (ﷲ ﷺ ﷻ ﷼ ﷽) are words in their own right: never decomposed.
WORD_LIGATURES: frozenset[str] = frozenset("\ufdf2\ufdfa\ufdfb\ufdfc\ufdfd")

_ARABIC_BLOCKS = (
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # Arabic Supplement
    (0x0870, 0x089F),  # Arabic Extended-B
    (0x08A0, 0x08FF),  # Arabic Extended-A
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFE),  # Arabic Presentation Forms-B (U+FEFF, the BOM, is not Arabic)
    (0x10E60, 0x10E7F),  # Rumi numerals
    (0x1EE00, 0x1EEFF),  # Arabic mathematical alphabetic symbols
)


def is_arabic_script(char: str) -> bool:
    """True for a character of the Arabic blocks (letters, harakat, Arabic digits and signs).

    >>> is_arabic_script("ب"), is_arabic_script("ﻻ"), is_arabic_script("،"), is_arabic_script("a")
    (True, True, True, False)
    >>> is_arabic_script("\\ufeff")
    False
    """
    code = ord(char)
    return any(low <= code <= high for low, high in _ARABIC_BLOCKS)


def arabic_share(text: str) -> float:
    """The share of the text's letters that are Arabic script; 0.0 when it has no letter.

    >>> arabic_share("مرحبا world"), arabic_share("123 ...")
    (0.5, 0.0)
    """
    letters = [char for char in text if unicodedata.category(char).startswith("L")]
    if not letters:
        return 0.0
    return sum(1 for char in letters if is_arabic_script(char)) / len(letters)


# --- Presentation forms ----------------------------------------------------------------------
def is_presentation_form(char: str) -> bool:
    """A pre-shaped glyph (U+FB50-FDFF, U+FE70-FEFC), word ligatures included, BOM excluded."""
    code = ord(char)
    return 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFC


def _base_letters(char: str) -> str:
    """The base letters of one presentation form, in logical order; others unchanged."""
    if char in WORD_LIGATURES or not is_presentation_form(char):
        return char
    plain = unicodedata.normalize("NFKC", char)
    if plain.startswith(" ") and all(mark in HARAKAT for mark in plain[1:]):
        return plain[1:]  # an isolated haraka form: NFKC puts it on a space
    return plain


def unshape(text: str) -> str:
    """Presentation forms back to base letters (lam-alef ligatures become two letters).

    The word ligatures U+FDF2 and U+FDFA-U+FDFD are left as they are, and so is U+FEFF.

    >>> unshape("ﺳﻼﻡ") == "سلام", unshape("ﷲ") == "ﷲ"
    (True, True)
    """
    return "".join(_base_letters(char) for char in text)


# --- Matching keys ---------------------------------------------------------------------------
_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ة": "ه",
    "ۀ": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "ى": "ي",
    "ی": "ي",
    "ې": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ک": "ك",
}
for _digit in range(10):
    _FOLD[chr(0x0660 + _digit)] = str(_digit)
    _FOLD[chr(0x06F0 + _digit)] = str(_digit)
_DROP = HARAKAT | BIDI_CONTROLS | {TATWEEL, ZWNJ, ZWJ, "\ufeff"}


def matching_key(word: str) -> str:
    """A word reduced to what survives spelling variation, for aligning two texts.

    - harakat, tatweel, ZWNJ/ZWJ and bidi controls are dropped;
    - alef forms (أ إ آ ٱ) become ا, ta marbuta ة becomes ه, alef maqsura ى becomes ي;
    - hamza seats: ؤ becomes و and ئ becomes ي; a standalone ء is KEPT, because dropping it
      makes common words collide (ماء water / ما what; سماء / سما);
    - Persian ی ک and Urdu ہ ھ ۀ become Arabic ي ك ه;
    - Arabic-Indic and Persian digits become ASCII digits;
    - punctuation and symbols are dropped; Latin is case-folded;
    - presentation forms become base letters, but the word ligatures ﷲ ﷺ ﷻ ﷼ ﷽ are kept
      as they are (NFKC would turn them into whole phrases).

    >>> matching_key("إِلَى"), matching_key("الـــقاهرة،"), matching_key("۱۹۴۸")
    ('الي', 'القاهره', '1948')
    >>> matching_key("مسؤول"), matching_key("کتاب"), matching_key("Obama's")
    ('مسوول', 'كتاب', 'obamas')
    """
    out: list[str] = []
    for char in unshape(unicodedata.normalize("NFC", word)):
        if char in _DROP:
            continue
        if char in WORD_LIGATURES:
            out.append(char)
            continue
        folded = _FOLD.get(char)
        if folded is not None:
            out.append(folded)
            continue
        kind = unicodedata.category(char)
        if kind[0] in "LN" or (kind == "Mn" and not is_arabic_script(char)):
            out.append(char.casefold())
    return "".join(out)


def split_clitic(
    key: str,
    *,
    conjunctions: bool = True,
    prepositions: bool = False,
    article: bool = False,
    min_stem: int = 3,
) -> tuple[str, ...]:
    """Split leading clitics off a matching key: و/ف, then (optionally) ب ل ك, then ال.

    A recognizer writes "و" apart or attached; the aligner calls this where a split makes two
    token sequences agree, since a word such as وزير starts with و and is not "و + زير".
    A split is made only when at least ``min_stem`` letters remain. ``لل`` (ل + ال with the
    alef dropped) gives ``("ل", "ال", ...)`` when both ``prepositions`` and ``article`` are on.

    >>> split_clitic("والقاهره")
    ('و', 'القاهره')
    >>> split_clitic("والقاهره", article=True)
    ('و', 'ال', 'قاهره')
    >>> split_clitic("فللمدرسه", prepositions=True, article=True)
    ('ف', 'ل', 'ال', 'مدرسه')
    >>> split_clitic("وزن")  # too short a stem: kept whole
    ('وزن',)
    """
    parts: list[str] = []
    rest = key
    if conjunctions and rest[:1] in ("و", "ف") and len(rest) - 1 >= min_stem:
        parts.append(rest[0])
        rest = rest[1:]
    if prepositions and rest[:1] in ("ب", "ل", "ك") and len(rest) - 1 >= min_stem:
        if article and rest.startswith("لل") and len(rest) - 2 >= min_stem:
            parts.extend(("ل", "ال"))
            return (*parts, rest[2:])
        parts.append(rest[0])
        rest = rest[1:]
    if article and rest.startswith("ال") and len(rest) - 2 >= min_stem:
        parts.append("ال")
        rest = rest[2:]
    return (*parts, rest)


# --- Visual order ----------------------------------------------------------------------------
# Letters whose place in a word gives the order away. Weight 2: never (or almost never) at the
# other end of a word; weight 1: much more often at this end than at the other.
_FINAL_LETTERS = {
    **dict.fromkeys("ةىےںۀۓ", 2),  # ta marbuta, alef maqsura, Urdu yeh barree, noon ghunna
    **dict.fromkeys("ךםןףץ", 2),  # Hebrew final forms
}
_INITIAL_LETTERS = {"آ": 2, "إ": 2, "أ": 1}


def _shaped_forms() -> dict[str, str]:
    """'initial', 'medial', 'final' or 'isolated' for every shaped letter (computed once)."""
    forms: dict[str, str] = {}
    for code in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)):
        decomposition = unicodedata.decomposition(chr(code))
        if decomposition.startswith("<"):
            forms[chr(code)] = decomposition[1 : decomposition.index(">")]
    return forms


_FORMS = _shaped_forms()


def _rtl_word_class() -> str:
    """A regular-expression class body: RTL letters and Arabic harakat."""
    members = sorted(
        {
            chr(code)
            for code in (*range(0x0590, 0x0900), *range(0xFB1D, 0xFE00), *range(0xFE70, 0xFEFD))
            if unicodedata.bidirectional(chr(code)) in ("R", "AL")
            and unicodedata.category(chr(code)).startswith("L")
        }
        | HARAKAT
    )
    return "".join(re.escape(char) for char in members)


_IN_WORD = _rtl_word_class()
_MARKS = "".join(re.escape(char) for char in sorted(HARAKAT))
#: Maximal runs of RTL letters and their marks (ZWNJ/ZWJ inside a word).
_RTL_WORD = re.compile(f"[{_IN_WORD}][{_IN_WORD}{ZWNJ}{ZWJ}]*")
# The commonest function words of Arabic, Persian and Urdu. Spelt backwards they are not words
# (those that are, such as رد or عم, are left out), so they give the order away in text where
# no letter does (unshaped Persian or Urdu stored in visual order, as PDF extraction gives).
_FUNCTION_WORDS = frozenset(
    "في من عن هذا هذه التي الذي كان قد بين"  # Arabic
    " در به از که را این با است برای آن"  # Persian
    " کے کی کا میں ہے اور سے کو نے".split()  # Urdu
)
# Backwards spellings that are words too: رد (reply), عم (uncle), یک (Persian "one").
_REAL_WORDS = frozenset({"رد", "عم", "نا", "یک"})
_BACKWARDS_WORDS = frozenset(word[::-1] for word in _FUNCTION_WORDS) - _FUNCTION_WORDS - _REAL_WORDS
_STANDALONE = f"(?<![{_IN_WORD}])(?:%s)(?![{_IN_WORD}])"
#: Anything that could count for visual order; a line without it is logical (the fast path).
_REVERSED_HINT = re.compile(
    _STANDALONE % "|".join(sorted(_BACKWARDS_WORDS)) + "|[\ufb50-\ufdff\ufe70-\ufefc]"
    f"|(?<![{_IN_WORD}])[{_MARKS}]"
    f"|(?<![{_IN_WORD}])[ةىےںۀۓךםןףץ](?=[{_IN_WORD}])"
    f"|(?<=[{_IN_WORD}])[آإأ](?![{_IN_WORD}])"
    f"|[{_IN_WORD}]{{3}}لا(?![{_IN_WORD}])"
)


_JOINS_NEXT = frozenset({"initial", "medial"})
_JOINS_PREVIOUS = frozenset({"medial", "final"})


def _order_votes(line: str) -> tuple[int, int]:
    """(logical, reversed) evidence from the shapes and letters at the words' two ends."""
    logical = reversed_ = 0
    for word in _RTL_WORD.findall(line):
        word = word.rstrip(ZWNJ + ZWJ)
        first, last = word[0], word[-1]
        first_form, last_form = _FORMS.get(first), _FORMS.get(last)
        # Shaped letters: a word starts with an initial/isolated form and ends with a final one.
        if first_form in ("final", "medial") or last_form in ("initial", "medial"):
            reversed_ += 2
        elif (first_form == "initial" and len(word) > 1) or last_form == "final":
            logical += 2
        # Inside a word, a letter that joins forward is followed by one that joins backward.
        shaped = [_FORMS[char] for char in word if char in _FORMS]
        for left, right in itertools.pairwise(shaped):
            forward_left, backward_right = left in _JOINS_NEXT, right in _JOINS_PREVIOUS
            forward_right, backward_left = right in _JOINS_NEXT, left in _JOINS_PREVIOUS
            if forward_left == backward_right and forward_right != backward_left:
                logical += 1
            elif forward_right == backward_left and forward_left != backward_right:
                reversed_ += 1
        # Marks follow their letter, so a word cannot start with one.
        if first in HARAKAT:
            reversed_ += 2
        plain = unshape(word) if _FORMS.keys() & set(word) else word
        if len(plain) > 1:
            head, tail = plain[0], plain[-1]
            reversed_ += _FINAL_LETTERS.get(head, 0) + _INITIAL_LETTERS.get(tail, 0)
            logical += _FINAL_LETTERS.get(tail, 0) + _INITIAL_LETTERS.get(head, 0)
            if plain.startswith("ال") and len(plain) > 3:
                logical += 1
            if plain.endswith("لا") and len(plain) > 4:
                reversed_ += 1
        if plain in _FUNCTION_WORDS:
            logical += 2
        elif plain in _BACKWARDS_WORDS:
            reversed_ += 2
    return logical, reversed_


def looks_reversed(line: str) -> bool:
    """True when the line's right-to-left words seem stored in visual (reversed) order.

    The evidence is lexicon-free: shaped letters in the wrong position for their form (a final
    form at the start of a word, an initial form at its end), a haraka before any letter,
    letters that end words (ة ى ے ں ۀ, Hebrew final forms) at a word's start, letters
    that start words (آ إ أ) at its end, the article ال at a word's end (as لا), and the
    commonest Arabic, Persian and Urdu function words spelt backwards (نم يف تسا ےک ...).
    Evidence for logical order is counted the same way; the line is reversed when that evidence
    is larger and worth at least 2 (one weak clue, such as a word ending in لا, is not enough).

    >>> looks_reversed("ﺔﺳﺭﺪﻤﻟﺍ ﻲﻓ"), looks_reversed("في المدرسة"), looks_reversed("ةسردملا يف")
    (True, False, True)
    """
    if _REVERSED_HINT.search(line) is None:
        return False
    logical, reversed_ = _order_votes(line)
    return reversed_ > logical and reversed_ >= 2


def _visual_base_letters(line: str) -> str:
    """Unshape a visual-order line: a ligature's letters come out right to left (ﻻ → ا ل).

    The reshaper writes the harakat of a lam-alef after the ligature, so which of the two
    letters carried them is lost; they are given to the alef (``لاً`` and ``إلاّ`` are how they
    are usually typed), which makes a fully vowelled ``لَا`` come back as ``لاَ``.
    """
    out: list[str] = []
    for cluster in _clusters(line):
        plain = _base_letters(cluster[0])
        marks = "".join(char for char in cluster[1:] if char not in BIDI_CONTROLS)
        if cluster[0] in BIDI_CONTROLS:
            out.append(marks)
        elif len(plain) > 1 and plain[0] not in HARAKAT:
            letters = _clusters(plain)
            letters[-1] += marks
            out.extend(reversed(letters))
        else:
            out.append(plain + marks)
    return "".join(out)


def _clusters(text: str) -> list[str]:
    """Base characters each with the combining marks that follow it."""
    clusters: list[str] = []
    for char in text:
        if clusters and unicodedata.category(char) in ("Mn", "Me"):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


_LTR_ENDS = frozenset({"L", "EN", "AN"})


def _run_keeping_guess(visual: str) -> str:
    """Reverse a visual RTL line but keep each left-to-right stretch (Latin, numbers and the
    neutrals between them) in its order: what a reader does by eye, and usually right."""
    clusters = _clusters(visual)
    segments: list[str] = []
    index = 0
    while index < len(clusters):
        cluster = clusters[index]
        if unicodedata.bidirectional(cluster[0]) not in _LTR_ENDS:
            segments.append(mirror(cluster[0]) + cluster[1:])
            index += 1
            continue
        end = index
        for probe in range(index, len(clusters)):
            kind = unicodedata.bidirectional(clusters[probe][0])
            if kind in ("R", "AL") or clusters[probe][0] in MIRRORS:
                break
            if kind in _LTR_ENDS:
                end = probe
        segments.append("".join(clusters[index : end + 1]))
        index = end + 1
    return "".join(reversed(segments))


def _fixed_point(visual: str, guess: str, direction: str, rounds: int) -> str:
    """Repeat: the exact inverse of the reordering that the guess's own levels produce."""
    for _ in range(rounds):
        levels = embedding_levels(guess, direction)
        permutation = display_permutation(guess, levels)
        chars = [""] * len(guess)
        for position, index in enumerate(permutation):
            char = visual[position]
            chars[index] = mirror(char) if levels[index] % 2 else char
        candidate = "".join(chars)
        if candidate == guess:
            break
        guess = candidate
    return guess


def unvisual(line: str, *, base: str = "rtl", max_rounds: int = 6) -> str:
    """The logical text of a line stored in visual order: the inverse of ``render_line(...,
    "visual")`` (unshaped, reordered, brackets un-mirrored, digits and Latin kept as runs).

    Visual order loses information, so it looks for a logical string whose visual order is the
    given line: first the line reversed with its left-to-right stretches kept whole ("iPhone 15"
    stays so); if that does not render back to the line, the line reversed with brackets
    swapped, refined by repeating the exact inverse of the reordering that the guess's own bidi
    levels produce until it no longer changes. Brackets that come back facing the wrong way (the
    line came from a tool that skips rule L4, like python-bidi's default ``get_display``) are
    swapped when that pairs them up. A line without right-to-left letters is returned
    as it is. Apply it only to lines that :func:`looks_reversed` or that a caller knows to be
    visual; for pre-shaped text in logical order use :func:`unshape`.

    >>> from captionkit.text.bidi import render_line
    >>> line = "قال (نعم) في عام 1948، وليس 1950."
    >>> render_line(line, "visual")
    '.1950 ﺲﻴﻟﻭ ،1948 ﻡﺎﻋ ﻲﻓ (ﻢﻌﻧ) ﻝﺎﻗ'
    >>> unvisual(render_line(line, "visual")) == line
    True
    >>> unvisual(render_line("اشترى iPhone 15 أمس", "visual")) == "اشترى iPhone 15 أمس"
    True
    """
    from captionkit.text.bidi import render_line

    visual = _visual_base_letters(line)
    pure_ltr = not has_rtl(visual) and any(unicodedata.bidirectional(c) == "L" for c in visual)
    direction = "rtl" if base == "rtl" and not pure_ltr else "ltr"
    if direction == "ltr" and not has_rtl(visual):
        return line

    def renders_back(candidate: str) -> bool:
        return _visual_base_letters(render_line(candidate, "visual", base=direction)) == visual

    if direction == "ltr":
        return _fixed_point(visual, visual, direction, max_rounds)
    kept_runs = _run_keeping_guess(visual)
    if renders_back(kept_runs):
        return _brackets_facing(kept_runs)
    reversed_line = "".join(mirror(c[0]) + c[1:] for c in reversed(_clusters(visual)))
    result = _fixed_point(visual, reversed_line, direction, max_rounds)
    if not renders_back(result):
        result = _fixed_point(visual, kept_runs, direction, max_rounds)
    return _brackets_facing(result)


def _bracket_depths_ok(text: str) -> bool:
    """Every closing bracket closes an open one, and all are closed."""
    depth = 0
    for char in text:
        kind = unicodedata.category(char)
        if kind == "Ps" or char == "«":
            depth += 1
        elif kind == "Pe" or char == "»":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _brackets_facing(text: str) -> str:
    """Swap every bracket when that, and only that, makes them pair up.

    Tools that reorder without rule L4 (python-bidi's default ``get_display``) leave
    ")word(" in their visual output; our inverse then returns the brackets back to front.
    """
    if not any(char in MIRRORS for char in text) or _bracket_depths_ok(text):
        return text
    swapped = "".join(
        mirror(char) if unicodedata.category(char) in ("Ps", "Pe") or char in "«»" else char
        for char in text
    )
    return swapped if _bracket_depths_ok(swapped) else text
