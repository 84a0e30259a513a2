"""Where a line or a cue may end: visible length, bad breaks and good breaks.

A subtitler never ends a line or a cue on a word that binds to the next one
(a preposition, a conjunction, a particle, a relative pronoun, a demonstrative
before its noun), nor splits a noun from its adjective, a construct (idafa)
pair, a multi-word name, or a number from what it counts or dates. Breaks after
punctuation, before a conjunction, a preposition or a relative pronoun are good.
This module judges one gap between two words; :mod:`captionkit.make.segment` adds
the judgements up over a whole narration, and ``check`` reuses them.

The word classes come from the arabic-stopwords package (its 13,000 forms with
their prefixes and classes), narrowed and extended by the data files in
``captionkit/data/linebreak/`` (documented in its README). `bad_break_category` passes the
rules' verdict (`rule_break_category`) through a learned layer (:mod:`captionkit.text.learned`)
that overturns it where rows labelled by people show the rules to be often wrong.

>>> rule_break_category("في", "عام")
'binding'
>>> rule_break_category("الحرب", "الباردة")
'noun-adjective'
>>> rule_break_category("برنامج", "الصواريخ")
'idafa'
>>> rule_break_category("بيونغ", "يانغ")
'name'
>>> rule_break_category("عام", "1948")
'number'
>>> rule_break_category("الغربية،", "في") is None
True
>>> visible_length("مُحَمَّــد")
4
"""

from __future__ import annotations

import itertools
import re
import tomllib
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal, TypeAlias, cast

from captionkit.text.counting import visible_length as visible_length
from captionkit.text.counting import without_invisible
from captionkit.text.learned import corrected
from captionkit.text.wordclass import (
    CLOSERS,
    OPENERS,
    PHRASE_END,
    SENTENCE_END,
    accusative,
    adjective_shape,
    data_lines,
    first_names,
    function_words,
    has_pronoun_suffix,
    is_nisba,
    known_adjective,
    known_noun,
    known_verbs,
    lexicon_classes,
    looks_verb,
    qualifier_shape,
    strip_article,
    verb_only,
)

Category: TypeAlias = Literal["binding", "number", "name", "noun-adjective", "idafa"]
CATEGORIES: tuple[Category, ...] = ("binding", "number", "name", "noun-adjective", "idafa")

_MARKS = SENTENCE_END | PHRASE_END
_CLOSERS = CLOSERS
_OPENERS = OPENERS
_DIGITS = re.compile(
    r"^[+-]?[0-9\u0660-\u0669\u06F0-\u06F9]+([.,٫٬][0-9\u0660-\u0669\u06F0-\u06F9]+)*%?$"
)
#: Verbal nouns (masdar): تفعيل إفعال افتعال انفعال استفعال تفاعل، and فعال فعالة of form I.
_MASDAR = re.compile(
    r"ت[^\W\d_]{2}ي[^\W\d_]|إ[^\W\d_]{2}ا[^\W\d_]|ا[^\W\d_]ت[^\W\d_]ا[^\W\d_]"
    r"|ان[^\W\d_]{2}ا[^\W\d_]|است[^\W\d_]{2}ا[^\W\d_]|ت[^\W\d_]ا[^\W\d_]{2}"
    r"|[^\W\d_اوي]{2}ا[^\W\d_اوي]ة?"  # فعال، فعالة: بناء، قتال، صناعة، قيادة
)
#: The elative and colour shape أفعل (أكبر، أحمر), and with a doubled root (أشد، أهم) too.
_AFAL = re.compile(r"أ[^اويةء\s]{3}")
_AFAL_OR_DOUBLED = re.compile(r"أ[^اويةء\s]{2,3}")
#: The ordinal فاعل (خامس، ثالث), and with the feminine ة (الخامسة).
_FAAIL = re.compile(r"[^اويةء\s]ا[^اويةء\s]{2}")
_FAAIL_FEMININE = re.compile(r"[^اويةء\s]ا[^اويةء\s]{2}ة?")
_ARABIC_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=1 << 18)
def word_length(word: str) -> int:
    """:func:`visible_length` of one word, cached: narrations repeat their words."""
    return visible_length(word)


def _data(name: str) -> str:
    return resources.files("captionkit.data").joinpath("linebreak", name).read_text("utf-8")


def _sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in data_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line)
    return sections


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists that the break rules read (all keys bare: no harakat, folded case)."""

    binding: frozenset[str]
    demonstratives: frozenset[str]
    prepositions: frozenset[str]
    relatives: frozenset[str]
    conjunctions: frozenset[str]
    stopwords: frozenset[str]
    adjectives: frozenset[str]
    name_pairs: frozenset[tuple[str, str]]
    name_firsts: frozenset[str]
    proper_nouns: frozenset[str]
    titles: frozenset[str]
    before_number: frozenset[str]
    numbered: frozenset[str]
    after_number: frozenset[str]
    waw_initial: frozenset[str]
    before_min: frozenset[str]
    numerals: frozenset[str]
    fractions: frozenset[str]
    before_ma: frozenset[str]
    kana: frozenset[str]
    inna: frozenset[str]
    pronouns: frozenset[str]
    particles: frozenset[str]
    before_li: frozenset[str]
    construct_nouns: frozenset[str]
    name_words: frozenset[str]
    nisba_nouns: frozenset[str]
    construct_only: frozenset[str]
    adverbs: frozenset[str]
    time_nouns: frozenset[str]
    inchoatives: frozenset[str]
    modals: frozenset[str]
    class_nouns: frozenset[str]


_PREPOSITION_CLASSES = {"حرف جر", "حرف جر مكفوف", "ظرف مكان", "ظرف", "ظرف زمان/مكان"}
_RELATIVE_CLASSES = {"اسم موصول", "اسم الشرط", "اسم شرط"}
_CONJUNCTION_CLASSES = {"حرف عطف منفصل", "حرف عطف", "حرف استدراك", "حرف تخيير وتفصيل"}
_SUBORDINATORS = {"عندما", "حيث", "حين", "حينما", "بينما", "لأن", "كي", "لكي", "إذا", "لو", "كما"}
_SUBORDINATORS |= {"عشان", "علشان"}  # Egyptian "because, so that"
_SUBORDINATORS_OR_INNA = frozenset(_SUBORDINATORS | {"إن", "إذ"})  # a clause after adverbial بعد
_DIALECT_RELATIVES = {"اللي", "إللي", "اللى"}
_EN_PREPOSITIONS = {"of", "to", "in", "on", "at", "for", "with", "by", "from", "into", "about"}
_EN_PREPOSITIONS |= {"over", "under", "between", "through", "during", "after", "before", "since"}
_EN_PREPOSITIONS |= {"until", "against", "without", "within", "among", "via"}
_EN_RELATIVES = {"that", "which", "who", "whom", "whose", "when", "where", "while", "because"}
_EN_CONJUNCTIONS = {"and", "or", "but", "nor", "so", "yet", "then"}


def _stopword_classes() -> tuple[set[str], set[str], set[str], set[str], set[str]]:
    """Binding words, demonstratives, prepositions, relatives, conjunctions of arabic-stopwords."""
    from arabicstopwords.arabicstopwords import STOPWORDS  # type: ignore[import-untyped]

    binding_classes = set(data_lines("binding-categories.txt"))
    not_binding = set(data_lines("not-binding.txt"))
    binding: set[str] = set()
    demonstratives: set[str] = set()
    prepositions: set[str] = set()
    relatives: set[str] = set()
    conjunctions: set[str] = set()
    for form, readings in STOPWORDS.items():
        for reading in readings:
            if reading["encletic"] not in ("-", ""):
                continue
            category = reading["category"]
            stem = reading["stem"]
            if (
                category in binding_classes
                and stem not in not_binding
                and form not in not_binding
                and len(stem) > 1
            ):
                if category == "اسم إشارة":
                    demonstratives.add(form)
                else:
                    binding.add(form)
                if category in _PREPOSITION_CLASSES:
                    prepositions.add(form)
                if category in _RELATIVE_CLASSES or stem in _SUBORDINATORS:
                    relatives.add(form)
                if category in _CONJUNCTION_CLASSES:
                    conjunctions.add(form)
    return binding, demonstratives, prepositions, relatives, conjunctions


def _name_lists() -> tuple[set[tuple[str, str]], set[str]]:
    """Adjacent pairs of the listed multi-word names, and the one-word names."""
    name_pairs: set[tuple[str, str]] = set()
    proper: set[str] = set()
    for line in data_lines("names.txt"):
        parts = [_bare(part) for part in line.split()]
        if len(parts) == 1:
            proper.add(parts[0])
        name_pairs.update(itertools.pairwise(parts))
    return name_pairs, proper


def _bare_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_bare(word) for word in words)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the word lists once: arabic-stopwords plus the data files."""
    binding, demonstratives, prepositions, relatives, conjunctions = _stopword_classes()
    extra = {word.casefold() for word in data_lines("binding-extra.txt")}
    binding |= extra
    demonstratives -= binding  # ثم is a demonstrative (ثَمّ) and a conjunction: it binds
    name_pairs, proper = _name_lists()
    numbers = _sections("number-words.txt")
    complements = _sections("complements.txt")
    governors = _sections("governors.txt")
    return Lexicon(
        binding=frozenset(binding),
        demonstratives=frozenset(demonstratives | _DIALECT_DEMONSTRATIVES),
        prepositions=frozenset(prepositions | _EN_PREPOSITIONS),
        relatives=frozenset(relatives | _EN_RELATIVES | _SUBORDINATORS | _DIALECT_RELATIVES),
        conjunctions=frozenset(conjunctions | _EN_CONJUNCTIONS),
        stopwords=function_words() | frozenset(extra),
        adjectives=_bare_set(data_lines("adjectives.txt")),
        name_pairs=frozenset(name_pairs),
        name_firsts=frozenset(pair[0] for pair in name_pairs)
        - frozenset(first for first, _ in name_pairs if first.startswith("ال")),
        proper_nouns=frozenset(proper),
        titles=_bare_set(data_lines("titles.txt")),
        before_number=_bare_set(numbers.get("before", [])),
        numbered=_bare_set(numbers.get("numbered", [])),
        after_number=_bare_set(numbers.get("after", [])),
        waw_initial=frozenset(data_lines("waw-initial.txt")),
        before_min=frozenset(complements.get("before-min", [])),
        numerals=_bare_set(numbers.get("numerals", [])),
        fractions=_bare_set(numbers.get("fractions", [])),
        before_ma=frozenset(complements.get("before-ma", [])),
        kana=_bare_set(governors.get("kana", [])),
        inna=_bare_set(governors.get("inna", [])),
        pronouns=_bare_set(governors.get("pronouns", [])),
        particles=_bare_set(governors.get("particles", [])),
        before_li=frozenset(complements.get("before-li", [])),
        nisba_nouns=frozenset(complements.get("nisba-nouns", [])),
        construct_only=frozenset(complements.get("construct", [])),
        name_words=frozenset(word for pair in name_pairs for word in pair[1:]) | frozenset(proper),
        construct_nouns=frozenset({"أحد", "إحدى", "كل", "بعض", "معظم", "أغلب", "غير"}),
        adverbs=_bare_set(data_lines("adverbs.txt")),
        time_nouns=frozenset(
            {"صباح", "مساء", "ليل", "ليلة", "ظهر", "نهاية", "بداية", "مطلع", "مرة"}
        ),
        inchoatives=_bare_set(governors.get("inchoative", [])),
        modals=_bare_set(governors.get("modals", [])),
        class_nouns=_bare_set(data_lines("class-nouns.txt")),
    )


@lru_cache(maxsize=1 << 17)
def bare_word(word: str) -> str:
    """A word without harakat, tatweel, controls or surrounding punctuation, case-folded: the
    form the lexicon's keys have (cached: every rule asks it of the same few words).

    >>> bare_word("«وَفي"), bare_word("عام،")
    ('وفي', 'عام')
    """
    kept = without_invisible(word)
    kept = kept.strip(_OPENERS + _CLOSERS)
    kept = kept.rstrip("".join(SENTENCE_END | PHRASE_END) + _CLOSERS)
    return kept.casefold()


_bare = bare_word


def ends_sentence(word: str) -> bool:
    """The word closes a sentence (``. ! ? ؟``, maybe before a closing quote or bracket).

    Two dots (``..``), as scraped scripts write them, mark a pause inside a sentence
    ("فبرأيكم.. هل"), so they count as the end of a phrase only; ``…`` and ``...`` end one.

    >>> ends_sentence("الحرب."), ends_sentence("فبرأيكم.."), ends_phrase("فبرأيكم..")
    (True, False, True)
    """
    stripped = word.rstrip(_CLOSERS)
    if stripped.endswith("..") and not stripped.endswith("..."):
        return False
    return bool(stripped) and stripped[-1] in SENTENCE_END


def _opens_apart(word: str) -> bool:
    """A word that starts a unit of its own: a handle, a hashtag, a link, a ``||`` separator.

    >>> _opens_apart("@Peaceful_0"), _opens_apart("https://example.org"), _opens_apart("||د.علي")
    (True, True, True)
    """
    return word[:1] in ("@", "#", "|") or word.startswith(("http://", "https://", "www."))


def _leading_mark(word: str) -> str:
    """Punctuation typed at the start of a word instead of the end of the one before.

    Files made in editors without bidi support put a sentence's final mark first
    (".لقد"): the mark belongs to the gap before the word. Returns it, or ``""``.

    >>> _leading_mark(".لقد"), _leading_mark("،التي"), _leading_mark("...و"), _leading_mark("لقد")
    ('.', '،', '', '')
    """
    if len(word) < 2 or word[0] not in _MARKS or word.startswith(".."):
        return ""
    return word[0] if word[1] not in _MARKS else ""


def ends_phrase(word: str) -> bool:
    """The word closes a phrase (``، ؛ , ; :``) or a sentence."""
    stripped = word.rstrip(_CLOSERS)
    return bool(stripped) and (stripped[-1] in PHRASE_END or stripped[-1] in SENTENCE_END)


def is_number(word: str) -> bool:
    """Digits (Western, Arabic-Indic or Persian), maybe with separators or a percent sign."""
    return bool(_DIGITS.match(_bare(word)))


_PERSIAN_LETTERS = frozenset("پچژگیکۀ")


_PERSIAN_WORDS = frozenset({"از", "در", "را", "شد", "است", "هستند", "بود", "شما", "برای", "تا"})


def _persian(bare: str) -> bool:
    """Persian by its letters (ی ک پ چ ژ گ) or its function words: Arabic rules do not apply."""
    return bare in _PERSIAN_WORDS or any(char in _PERSIAN_LETTERS for char in bare)


def _is_latin(bare: str) -> bool:
    return bool(bare) and all(char.isascii() for char in bare)


def _strip_prefix(bare: str, allowed: Sequence[str] = _ARABIC_PREFIXES) -> list[str]:
    """The word and what is left after each prefix it may carry (longest last)."""
    forms = [bare]
    for prefix in allowed:
        if bare.startswith(prefix) and len(bare) - len(prefix) >= 2:
            forms.append(bare[len(prefix) :])
    return forms


def _definite_bare(bare: str) -> bool:
    """Starts with the article itself (no preposition or conjunction before it)."""
    return bare.startswith("ال") and len(bare) > 3


def _article_form(bare: str) -> list[str]:
    """The word with its article back after لـ (للفنان -> الفنان), else nothing."""
    return ["ال" + bare[2:]] if bare.startswith("لل") and len(bare) > 4 else []


def _definite_any(bare: str) -> bool:
    return any(_definite_bare(form) for form in _strip_prefix(bare)) or (
        bare.startswith(("لل", "ولل", "فلل")) and len(bare) > 4
    )


def _nisba(stem: str) -> bool:
    return len(stem) >= 4 and stem.endswith(("ي", "ية", "يين", "يون", "يات", "يتين", "يان"))


def _is_adjective(bare: str, lex: Lexicon, definite: bool, lexical: bool = True) -> bool:
    """An adjective's shape: listed, nisba (ـي ـية), comparative (الأفعل), participle (المتـ).

    With ``lexical``, also an adjective of the lexicon (``known_adjective``).
    """
    if bare in lex.stopwords:
        return False
    stem = bare[2:] if definite else bare
    if stem in lex.adjectives or bare in lex.adjectives or _nisba(stem):
        return True
    if definite:
        if _AFAL.fullmatch(stem) or re.fullmatch(r"[^اويةء\s]ا[^اويةء\s]{1,2}ة?", stem):
            return True  # الأكبر، الأخطر / الباردة، الثالثة / العام، الخاصة (فاعّ of a doubled root)
        if re.fullmatch(r"م[^اويةء\s]{2}ا[^اويةء\s](ة|ون|ين|ات)?", stem):
            return True  # المنهارة، المختار: the participle of a hollow انفعل / افتعل
        if stem.startswith(("مت", "مست")) and len(stem) >= 5:
            return True  # المتزايدة، المتحدة، المستقلة
        if re.fullmatch(r"م[^اوي\s]{2}و[^اوي\s](ة|ون|ين|ات)?", stem):
            return True  # المفروضة، المعروف
    if not lexical or (not definite and _suffixed_noun(bare)):
        return False  # shapes only; أمي is "my mother", not the adjective "illiterate"
    # الوحيد، العرب، الصحي: the lexicon's adjectives, after a definite noun only (after an
    # indefinite one a word that is both, like سيد or عام, more often completes a construct)
    return definite and known_adjective(stem)


_PREPOSITIONS_AFTER_ADVERB = frozenset({"على", "إلى", "الى", "في", "من", "عن", "مع", "لأن"})


_PREPOSITION_STEMS = ("مع", "عن", "من", "في", "عند", "لدي", "علي", "إلي", "الي", "ب", "ل")
_OBJECT_SUFFIXES: tuple[str, ...] = (
    "ي",
    "ك",
    "ه",
    "ها",
    "نا",
    "كم",
    "هم",
    "كما",
    "هما",
    "كن",
    "هن",
)
_OBJECT_SUFFIXES += ("اك", "اه", "اكم", "اهم")  # dialect: معاك، معاه، معاكم
#: A preposition with its pronoun attached (عليه، معاكم، لدي): a phrase complete in itself.
SUFFIXED_PREPOSITIONS = frozenset(
    stem + suffix
    for stem in _PREPOSITION_STEMS
    for suffix in _OBJECT_SUFFIXES
    if not (stem == "في" and suffix == "ي")
) - {"لكن", "مناك"} | {"علي", "إلي", "الي", "لدي", "مني", "عني", "لي"}


def _suffixed_preposition(bare: str, right_bare: str) -> bool:
    """A preposition with an attached pronoun; علي / إلي before a definite word are على / إلى."""
    if bare not in SUFFIXED_PREPOSITIONS:
        return False
    if bare in ("علي", "إلي", "الي"):
        return not (_definite_any(right_bare) or right_bare in first_names())
    return True


def _verb_next_to_qad(right_bare: str, lex: Lexicon) -> bool:
    """A word قد can precede: a verb by shape or by the lexicon (not a definite noun)."""
    if _definite_any(right_bare) or (right_bare in lex.stopwords and right_bare not in lex.kana):
        return False
    return looks_verb(right_bare) or "V" in lexicon_classes(right_bare) or right_bare in lex.kana


def _dual_noun(bare: str) -> bool:
    """A dual of a noun the lexicon knows (يومين: يوم، سنتين: سنة), not a verb of its shape."""
    if not bare.endswith("ين") or len(bare) < 5:
        return False
    stem = bare[:-2]
    stems = (stem, stem[:-1] + "ة") if stem.endswith("ت") else (stem,)
    return any("N" in lexicon_classes(form) for form in stems)


def _binds(bare: str, right_bare: str, lex: Lexicon) -> bool:
    if _suffixed_preposition(bare, right_bare):
        return False  # تكذب علي | لقد، لم يعد لدي | ما
    if bare in ("بعد", "قبل") and (
        right_bare in _PREPOSITIONS_AFTER_ADVERB
        or _starts_conjunction(right_bare, lex)
        or right_bare in _SUBORDINATORS_OR_INNA
    ):
        return False  # adverbial بعد ("yet"): لم تصل بعد إلى اتفاق
    if (
        bare in ("أكثر", "أقل")
        and right_bare != "من"
        and (
            right_bare in _PREPOSITIONS_AFTER_ADVERB
            or right_bare in _SUBORDINATORS
            or right_bare in ("إن", "إذ", "إذا")
            or _starts_conjunction(right_bare, lex)
            or _elative_adverb_before_verb(bare, right_bare)
        )
    ):
        return False  # سينضج أكثر | مع شمسنا، سيسوء الأمر أكثر | إن ذهبت: the adverb "more"
    if bare == "عدة" and right_bare in lex.prepositions:
        return False  # ولايات عدة | في: "several" after its noun ends the phrase
    if bare == "مهما" and right_bare in lex.prepositions:
        return False  # دورا مهما إلى: the adjective مهمًّا, not the conditional (مهما كان)
    if bare in ("فقد", "وفقد") and not _verb_next_to_qad(right_bare, lex):
        return False  # فقد الحزب | أغلبيته: the verb "lost"; ف + قد precedes a verb (فقد أعلن)
    if bare == "لا" and right_bare in ("لم", "لن", "لا"):
        return False  # لا لم أره: "no" is an answer, the next negation starts a clause
    if bare in lex.binding:
        # لا أحد يعرف، لا أحد بما: a construct noun is complete before a verb or a preposition
        # a ب / ل before no word a list knows starts no prepositional phrase (كل ليلة، بلوك)
        rest = right_bare[1:]
        known = rest in lex.stopwords or bool(lexicon_classes(rest)) or _definite_any(rest)
        prefixed = right_bare[:1] in "بل" and len(right_bare) > 2 and known
        verb = looks_verb(right_bare) and not _dual_noun(right_bare)
        complete = verb or prefixed or _separate_preposition(right_bare, lex)
        return not (bare in lex.construct_nouns and complete)
    forms = [bare] + [bare[1:] for prefix in "وف" if bare.startswith(prefix) and len(bare) > 2]
    forms += [form[1:] for form in forms if form.startswith("س") and len(form) > 3]  # ستظل
    for form in forms:
        if form in lex.binding:
            return True  # وبفضل، وعبر: a listed binding word with a conjunction
        if form in lex.kana or form in lex.inna or form in lex.particles:
            return True
        if form in lex.pronouns:
            ends = _starts_conjunction(right_bare, lex) or right_bare in _SUBORDINATORS
            return not (ends or right_bare in lex.pronouns)  # له هو | عشان كده
        if form in lex.inchoatives:
            return _governed_verb(form, right_bare)
        if form in lex.modals:
            return looks_verb(right_bare)  # لازم تحط، ممكن يكلفك; مش لازم | خالص
    # A demonstrative binds to the noun it points at (هذه التقارير، هذه فرصتك), not otherwise.
    # A preposition on the next word starts a phrase of its own (هذا | بالضبط، هذا | للجميع).
    article = _definite_any(right_bare) and not right_bare.startswith(("ب", "ل", "ك"))
    if bare in _NEAR_DEMONSTRATIVES and _predicate_after(right_bare, lex):
        return True  # هذا اتهام، وهذه هي، ده مش: a near demonstrative before its predicate
    return bare in lex.demonstratives and (
        article or (_pointed_with_pronoun(right_bare, lex) and not looks_verb(right_bare))
    )


def _separate_preposition(right_bare: str, lex: Lexicon) -> bool:
    """A preposition written apart (إلى، في، مع) but من: after a construct noun (لن يذهب أحد
    | إلى أي مكان) it opens a phrase of its own, as a prefixed one does; من makes the noun
    partitive (أحد | من الرجال، كل | من يعرف) and keeps it bound.

    >>> _separate_preposition("إلى", lexicon()), _separate_preposition("من", lexicon())
    (True, False)
    """
    return right_bare in lex.prepositions and right_bare not in ("من", "مما", "ممن")


def _pointed_with_pronoun(right_bare: str, lex: Lexicon) -> bool:
    """A word with a pronoun suffix that is no preposition or adverb with its pronoun: a noun
    a demonstrative can point at (هذه | فرصتك, not هذا | أمامنا)."""
    return has_pronoun_suffix(right_bare) and not _adverb_with_pronoun(right_bare, lex)


def _adverb_with_pronoun(right_bare: str, lex: Lexicon) -> bool:
    """A preposition or an adverb of place with its pronoun (أمامنا، خلفك، حولهم): no noun a
    demonstrative could point at, so «لا ينبغي أن يعرف أحد هذا | أمامنا 24 ساعة» breaks
    between a sentence's object and the next sentence's predicate.

    >>> _adverb_with_pronoun("أمامنا", lexicon()), _adverb_with_pronoun("كتابنا", lexicon())
    (True, False)
    """
    return any(
        right_bare.endswith(suffix) and right_bare[: -len(suffix)] in lex.prepositions
        for suffix in _OBJECT_SUFFIXES
        if len(right_bare) > len(suffix) + 1
    )


def _elative_adverb_before_verb(bare: str, right_bare: str) -> bool:
    """أكثر / أقل before a verb: the adverb "more" / "less" closing its clause, since the
    elative binds only as a construct (أكثر الناس) or before من, and a verb is neither.

    >>> _elative_adverb_before_verb("أكثر", "يريد"), _elative_adverb_before_verb("أكثر", "الناس")
    (True, False)
    """
    return bare in ("أكثر", "أقل", "اكثر", "اقل") and looks_verb(right_bare)


#: Levantine and Gulf demonstratives before their noun (هاد الكيبورد، هيدي السيارة، هاذي
#: الخاصية), a closed class arabic-stopwords lacks; not هاي, also "hi".
#: Egyptian ده / دي follow the noun.
_DIALECT_DEMONSTRATIVES = frozenset(
    {"هاد", "هادا", "هادي", "هيدا", "هيدي", "هاذا", "هاذي", "هذول", "هدول", "هيدول"}
)

#: Near demonstratives as a subject (ذلك and تلك more often close a prepositional phrase).
_NEAR_DEMONSTRATIVES = frozenset({"هذا", "هذه", "وهذا", "وهذه", "فهذا", "فهذه", "ده", "دي", "وده"})


def _predicate_after(right_bare: str, lex: Lexicon) -> bool:
    """A predicate a demonstrative needs: a pronoun, مش, an indefinite noun or an elative."""
    if right_bare in lex.pronouns or right_bare in ("مش", "مو"):
        return True
    if right_bare in lex.stopwords or right_bare in lex.adverbs or _DIGITS.match(right_bare):
        return False
    if right_bare[:1] in "بلكوف" or looks_verb(right_bare) or _definite_any(right_bare):
        return False
    if adjective_shape(right_bare) and not _elative(right_bare):
        return False  # لعبة كودوكو هذه | مثيرة: after its noun the demonstrative ends the subject
    return not _is_latin(right_bare) and len(right_bare) >= 3


def _governed_verb(form: str, right_bare: str) -> bool:
    """An inchoative (أخذ، بدأ، لم يعد) before the imperfect verb it governs.

    The imperfect forms of عاد (لم يعد، لم أعد) also govern a preposition with its
    pronoun or هناك: لم يعد لدي، لم يعد هناك.
    """
    if right_bare[:1] in "يتنأ" and looks_verb(right_bare) and not right_bare.endswith("ت"):
        return True
    imperfect = form[:1] in "يتنأ"
    return imperfect and (right_bare in SUFFIXED_PREPOSITIONS or right_bare == "هناك")


#: Attached pronoun -> the independent pronoun that can stress it (كلامي أنا، بيتك أنت).
_EMPHATIC = {
    "ي": ("أنا",),
    "ك": ("أنت", "انت"),
    "كم": ("أنتم", "انتم"),
    "نا": ("نحن", "احنا"),
    "هم": ("هم",),
    "ها": ("هي",),
    "ه": ("هو",),
}

#: Emphasis that follows a definite noun (التوكيد المعنوي): نفسه، وحدها، كلهم.
_EMPHASIS = frozenset(
    stem + suffix
    for stem in ("نفس", "وحد", "كل", "جميع")
    for suffix in ("ه", "ها", "هم", "هما", "هن")
)

_TIME_WORDS = frozenset({"اليوم", "الآن", "الليلة", "الصباح", "المساء", "الأمس", "الغد"})


def _name_pair(bare: str, right_bare: str, lex: Lexicon) -> bool:
    if any((form, right_bare) in lex.name_pairs for form in _strip_prefix(bare)):
        return True
    names = first_names()
    if any(form in names for form in _strip_prefix(bare, ("و", "ف", "ب", "ل"))):
        if bare in ("أبو", "أم", "ابن", "بن", "بنت", "عبد") or right_bare in names:
            return True
        surname = right_bare[:1] == "ف" and _unknown_with_fa(right_bare, lex)  # ماكس | فيرستابن
        if (surname or not right_bare.startswith(("ال", "و", "ف"))) and not right_bare.isascii():
            return (
                right_bare not in lex.stopwords
                and not _lexical_verb(right_bare)  # ألكسندر | فليمنغ: a verb's shape only
                and not _suffixed_noun(right_bare)  # مراد | استقالته: a name before its object
                and not _governs(right_bare, lex)
                and right_bare not in lex.adverbs
            )
        if right_bare.startswith("ال") and right_bare not in _TIME_WORDS:
            return right_bare not in lex.stopwords and not looks_verb(right_bare)
    titled = any(form in lex.titles for form in _strip_prefix(bare) + _article_form(bare))
    known = right_bare in names or right_bare in lex.name_words or right_bare in lex.name_firsts
    known = known and right_bare not in lex.class_nouns  # بنى الخليفة | مدينة: a class noun
    return titled and (known or right_bare.isascii())


_VERB_PREFIXES = ("س", "ب", "ه", "ح")  # the future سـ, Egyptian بـ هـ حـ before an imperfect
_VERB_SUFFIXES = (
    "ون",
    "ين",
    "ان",
    "وا",
    "تم",
    "ت",
    "ي",
    "ها",
    "هم",
    "هما",
    "ه",
    "ك",
    "نا",
    "ني",
    "كم",
)


@lru_cache(maxsize=65536)
def _lexical_verb(bare: str) -> bool:
    """A word shaped like a verb whose stem the lexicon or the verb list knows.

    A word the verb shapes take (يانيك، تكساس، ستارمر) but whose stem, without the person
    prefix, a tense prefix and an ending, no list knows is read as a foreign name after a
    first name, a title or a class noun; a verb (يكتب، ستصل، بيقول) has a known stem.

    >>> _lexical_verb("يكتبون"), _lexical_verb("ستارمر"), _lexical_verb("يانيك")
    (True, False, False)
    """
    if not looks_verb(bare):
        return False
    forms = {bare} | {bare[1:] for p in "وف" if bare.startswith(p) and len(bare) > 3}
    forms |= {f[1:] for f in forms for p in _VERB_PREFIXES if f.startswith(p) and len(f) > 4}
    forms |= {f[1:] for f in forms if f[:1] in "يتنأا" and len(f) >= 4}  # and اعمل
    forms |= {"أ" + f[1:] for f in forms if f[:1] == "ؤ"}  # يؤكد: أكد
    forms |= {
        f[: -len(end)]
        for f in forms
        for end in _VERB_SUFFIXES
        if f.endswith(end) and len(f) - len(end) >= 2
    }
    stems = set(forms)
    for f in forms:
        if f.endswith("ي"):
            stems.add(f[:-1] + "ى")  # يبكي: بكى
        if len(f) == 2:
            stems |= {f[0] + "ا" + f[1], f + f[1], f[0] + "و" + f[1]}  # hollow, doubled
        if len(f) == 3 and f[1] in "وي":
            stems.add(f[0] + "ا" + f[2])  # يقول: قال
    verbs = known_verbs()
    return any(lexicon_classes(f) or f in verbs for f in stems if len(f) >= 2)


def _unknown_with_fa(bare: str, lex: Lexicon) -> bool:
    """A word in ف that is no ف + a known word: a surname after a first name (فليمنغ، فيغنر)."""
    if len(bare) < 4 or bare in lex.stopwords or _lexical_verb(bare):
        return False
    return not any(lexicon_classes(form) for form in (bare, bare[1:]))


def _elative(bare: str) -> bool:
    """أفعل (أكثر، أكبر), أفعّ written without its shadda (أقل، أشد), and أول."""
    return bare == "أول" or bool(_AFAL_OR_DOUBLED.fullmatch(bare))


def _plural_noun(bare: str, lex: Lexicon) -> bool:
    """An indefinite plural noun: -ات, or a broken plural أفعال / فعول / فعلاء (أسابيع، قرون)."""
    if _definite_any(bare) or looks_verb(bare) or bare in lex.stopwords or len(bare) < 4:
        return False
    return bare.endswith("ات") or bool(_BROKEN_PLURAL.fullmatch(bare))


_C3 = "[^اويةء\\s]"
#: Broken plurals: أفعال (أسباب), فعول (قرون), فعلاء (علماء), (أ/م)فاعيل (أسابيع، مشاريع).
_BROKEN_PLURAL = re.compile(
    f"أ{_C3}{{2}}ا{_C3}|{_C3}{{2}}و{_C3}|{_C3}{{2}}اء|[أم]?{_C3}ا{_C3}ي{_C3}"
)


def _only_verb(bare: str) -> bool:
    """An أفعل the lexicon knows only as a perfect verb whose root has no adjective (أنقذ)."""
    return lexicon_classes(bare) == "V" and _elative(bare) and not _elative_root(bare)


def _elative_root(bare: str) -> bool:
    """An أفعل whose root has an adjective فعيل (أضعف: ضعيف) or مفعّ (أهم: مهم).

    It tells an elative the lexicon knows only as a verb from a verb of the same shape
    (أغلق، أنقذ، أفسد): their roots have no such adjective.
    """
    root = bare[1:]
    if len(root) == 3:
        forms = [root[:2] + "ي" + root[2]]
    elif len(root) == 2:
        forms = [root + "ي" + root[1], "م" + root]
    else:
        return False
    return any("A" in lexicon_classes(form) for form in forms)


def _elative_construct(left: str, right: str, lex: Lexicon) -> bool:
    """An elative (أفعل) before an indefinite noun, which completes it (أهم إنجازات).

    The elative is one the lexicon reads as an adjective (أكبر), does not know (أرخص) or
    knows only as a verb of the same spelling that no verb shape confirms (أهم); a verb
    (أعلن، أدى), a noun (أمس) or a word with a pronoun (أسسه) is not one.
    """
    if not _elative(left) or looks_verb(left) or left.endswith("ه"):
        return False
    found = lexicon_classes(left)
    if not ("A" in found or found == "" or (found == "V" and _elative_root(left))):
        return False  # أهم: the lexicon has only the verb أهمّ, but مهم is an adjective
    if not _noun_like(right, lex) or _definite_any(right) or right[:1] in "بل":
        return False
    return not (looks_verb(right) or _governs(right, lex) or _starts_conjunction(right, lex))


def _model_code(bare: str) -> bool:
    """Digits, or a model code of Latin letters and digits (S25, A54, 15): what a product takes."""
    if _DIGITS.match(bare):
        return True
    return _is_latin(bare) and bare.isalnum() and any(c.isdigit() for c in bare) and len(bare) <= 6


def _named_by(bare: str, lex: Lexicon) -> bool:
    """A class noun (جزيرة، ولاية) or a definite masculine nisba (البريطاني، الفيزيائي)."""
    stems = [strip_article(form)[1] for form in _strip_prefix(bare) + _article_form(bare)]
    if any(form in lex.class_nouns for form in _strip_prefix(bare) + stems):
        return True  # also العاصمة مانيلا، بالعاصمة ليما
    return _definite_bare(bare) and bare.endswith("ي") and _nisba(bare[2:])


def _nationality_name(bare: str, right_bare: str) -> bool:
    """A definite nisba (any gender or number) before a first name: الفرنسي جان، التونسية أنس."""
    nisba = _definite_bare(bare) and bare.endswith(("ي", "ية", "يان", "يتان")) and _nisba(bare[2:])
    return nisba and right_bare in first_names()


def _latin_name(left: str, right: str) -> bool:
    a = _bare(left)
    b = _bare(right)
    if not (_is_latin(a) and _is_latin(b) and a.isalpha() and b.isalpha()):
        return False
    left_core = left.strip(_OPENERS + _CLOSERS)
    right_core = right.strip(_OPENERS + _CLOSERS)
    return left_core[:1].isupper() and right_core[:1].isupper() and not ends_phrase(left)


def _year(bare: str) -> bool:
    return bare.isdigit() and len(bare) == 4 and 1000 <= int(bare) <= 2199


def _noun_like(bare: str, lex: Lexicon) -> bool:
    return bool(bare) and bare not in lex.stopwords and not _DIGITS.match(bare)


def _has_pronoun_suffix(bare: str) -> bool:
    """Ends in an attached pronoun (أبرزها، دعمه، قوتهم): such a noun heads no construct."""
    return len(bare) >= 5 and bare.endswith(("ها", "هم", "هما", "هن", "كم", "كما", "نا"))


def bad_break_category(
    left_word: str, right_word: str, before: str | None = None
) -> Category | None:
    """The rules' verdict (`rule_break_category`) passed through the learned layer
    (`captionkit.text.learned`), which may overturn it where the rules are often wrong.

    >>> bad_break_category("في", "المدينة"), bad_break_category("قال", "إن")
    ('binding', None)
    """
    verdict = rule_break_category(left_word, right_word, before)
    category = cast("Category | None", corrected(verdict, left_word, right_word, before))
    if verdict is None and category is not None:
        # the rules saw no unit here: the model's category is a guess (make weighs it as one)
        return _Learned(category)  # type: ignore[return-value]
    return category


def rule_break_category(
    left_word: str, right_word: str, before: str | None = None
) -> Category | None:
    """Why a break between these two words would be bad, or None when it is acceptable.

    The same judgement holds for a line break inside a cue and for the end of a
    cue. Punctuation at the end of ``left_word`` makes any break acceptable.
    ``before`` is the word before ``left_word`` when the caller knows it (``""``: the
    left word opens a script line); it settles a verb / verbal-noun homograph (تراجع،
    صوت، فتح), which the two words alone leave to the pair rules (`_in_context`).

    >>> rule_break_category("صوت", "مجلس"), rule_break_category("صوت", "مجلس", before="واشنطن،")
    ('noun-adjective', None)
    >>> rule_break_category("تراجع", "الإيرادات", before="إلى")
    'idafa'

    >>> rule_break_category("بين", "موسكو"), rule_break_category("الحرب", "الباردة")
    ('binding', 'noun-adjective')
    >>> rule_break_category("12", "جنديا"), rule_break_category("Joseph", "Stalin")
    ('number', 'name')
    >>> rule_break_category("the", "war"), rule_break_category("war", "and") is None
    ('binding', True)
    """
    if _symbols(left_word) or _symbols(right_word):
        return None
    left_word = ila_with_hamza(left_word)
    if before is None:
        return _pair_category(left_word, right_word)
    return _in_context(before, left_word, right_word)


_DASH_WORDS = frozenset({"-", "–", "—"})


def ila_with_hamza(word: str) -> str:
    """إلى typed without its hamza (الى، والى), as many subtitlers type it, is the
    preposition, not a word in the article ال (الى | ألف قطعة was read as a number,
    الى | المدينة as a construct).

    >>> ila_with_hamza("الى"), ila_with_hamza("والى"), ila_with_hamza("الوالي")
    ('إلى', 'وإلى', 'الوالي')
    """
    for prefix in ("", "و", "ف"):
        if word == prefix + "الى":
            return prefix + "إلى"
    return word


@lru_cache(maxsize=65536)
def _symbols(word: str) -> bool:
    """A token of symbols alone (♪, *, ||, &): no letter, digit, percent or currency sign,
    and not a dialogue dash. Such a token is no part of a phrase: a break beside it is free.

    >>> _symbols("♪"), _symbols("||"), _symbols("-"), _symbols("%"), _symbols("$"), _symbols("كلمة")
    (True, True, False, False, False, False)
    """
    bare = _bare(word)
    return (
        bool(bare)
        and bare not in _DASH_WORDS
        and not any(ch.isalnum() or ch in "%٪‰" or unicodedata.category(ch) == "Sc" for ch in bare)
    )


@lru_cache(maxsize=65536)
def _pair_category(left_word: str, right_word: str) -> Category | None:
    """The judgement from the two words alone (`bad_break_category` without ``before``)."""
    if ends_phrase(left_word) or _leading_mark(right_word) or _opens_apart(right_word):
        return None
    lex = lexicon()
    left = _bare(left_word)
    right = _bare(right_word)
    if not left or not right:
        return None
    marked = _marked_gap(left_word, right_word)
    if marked:
        return _across_mark(left, right.lstrip(".…"), marked, lex)
    if _persian(left) or _persian(right):
        # Persian shares the script, not the grammar: only what holds in both languages.
        return "binding" if left in ("و", "-", "–", "—") else None
    # حمّل، شغّل الـ: a written shadda on a word with no feminine ending marks the verb فعّل
    shadda = "\u0651" in left_word and not left.endswith(("ة", "ات"))
    if (
        right == "ال"
        and right_word.endswith("ـ")
        and not shadda
        and _heads_borrowed_term(left, lex)
    ):
        return "idafa"  # باقة الـ 140 جيجا: an indefinite noun, then its borrowed genitive
    dialect = _dialect_unit(left, right, right_word, lex)
    if dialect is not None:
        return dialect  # بيت | أبي، عرض | تقديمي، شهر | كامل: round 10's colloquial units
    if (round11 := _round11_pair(left_word, left, right, lex)) is not None:
        return round11  # للـ | vlog، الساعة | 9، الصائغ | إلياس: round 11's colloquial units
    if _brand_genitive(left, right_word, lex):
        return "idafa"  # اشتراك | Netflix، ساعة | Apple: a noun and the brand it belongs to
    if _fraction_of(left, right):
        return "idafa"  # في ربع | ساعة، بنص | ساعة: a fraction and what it divides
    if _prefixed_first(left, right, lex):
        return "idafa"  # لأول | مرة، وآخر | مرة: أول / آخر behind a prefix, and its noun
    if _prefixed_inna(left, lex):
        return "binding"  # بأنه | تدخل، وبأنها | تلاعبت: ب + أن and its pronoun
    if _class_noun_unknown(left, right, lex):
        return _DOUBTFUL_NAME  # مدينة | فالبارايسو، إعصار | ياغي: a class noun and its name
    if _definite_class_unknown(left, right, lex):
        return _DOUBTFUL_NAME  # العاصمة | دكا، بالعاصمة | ليما: the class noun and its name
    if _adverbial_masdar(left, right):
        return "idafa"  # تمهيدا | لانتخابات، تزامنا | مع، ابتداء | من: a verbal noun and its complement
    if _near_verb(left, right):
        return "binding"  # لا يكاد | يصنع، كادت | تغرق: كاد and the imperfect it governs
    if _dialect_free(left, right, lex):
        return None  # الزبون عايز | القهوة، متصرفش | فلوس: round 10's heads of no unit
    if _formula(left, right):
        return "binding"  # الحمد | لله، الله | أعلم، الله | يسلمك: a fixed formula
    if _whole_or_one(left, right, lex):
        return "noun-adjective"  # شهر | كامل، وساعة | واحدة، يومين | كاملين: it agrees
    if _conjoined_adjective(left, right, lex):
        return None  # النباتات البرية | والبحرية: و opens the second of two adjectives
    shaped = _shaped_unit(left, right, lex)
    if shaped is not None:
        return shaped  # أغرب | ما، دولارا | أمريكيا، مناطق | بحرية: round 11's MSA units
    listed = _listed_category(left_word, right_word, left, right, lex)
    if listed is not None:
        return listed
    return _content_category(left_word, right_word, left, right, lex)


def _dialect_unit(left: str, right: str, right_word: str, lex: Lexicon) -> Category | None:
    """The units of round 10 (colloquial noun phrases) the two words show (`_pair_category`)."""
    if _all_of_it(left, right):
        return "noun-adjective"  # باعت ذهبها | كله، أوقعت كتبي | كلها: "all of it" agrees
    if _elative_of_vague(left, right):
        return "idafa"  # أفضل | وقت: an elative and the noun it ranks
    if _elative_after_noun(left, right, lex):
        if right == "أكثر" and left[:1] in "بل":
            return "idafa"  # بمشاركة | أكثر من: a quantity completing it (`_indefinite_more`)
        return "noun-adjective"  # سرعة | أقل، معطفا | أحمر
    if _nisba_agrees(left, right, lex):
        return "noun-adjective"  # عرض | تقديمي، مناوبة | ليلية، أغاني | عربية
    if _kunya_after(left, right):
        return "name"  # جارنا | أبو سمير، آخر سلاطينها | أبو عبد الله: a possessed noun's name
    kin = _kin_phrase(left, right, lex)
    if kin is not None:
        return kin  # بيت | أبي، أخوك | الكبير، خالتي | سعاد: a kinship noun with its pronoun
    if _named_product(left, right_word, lex):
        return "name"  # المعالج | Ryzen، الشاشة | RTX: a device and its product name
    return None


def _round11_pair(left_word: str, left: str, right: str, lex: Lexicon) -> Category | None:
    """The units of round 11 (dialect) the two words show (`_pair_category`)."""
    if _detached_article(left_word, left) or _dialect_copula(left_word, left):
        return "binding"  # للـ | vlog، بتكون | رخيصة: a detached article, a copula
    if _clock_time(left_word, left, right, lex):
        return "number"  # الساعة | 9: the hour and its number are one time
    if _compound_number(left_word, left, right, lex):
        return "number"  # سبعا | وعشرين، مليون | و600: the parts of one number
    if _times_counted(left_word, left, right, lex):
        return "number"  # ألف | مرة، ثلاثين | ساعة: a numeral and the times it counts
    if _profession_name(left, right, lex):
        return "name"  # الصائغ | إلياس، المحققة | رنا: a definite profession names a person
    return None


def _clock_time(left_word: str, left: str, right: str, lex: Lexicon) -> bool:
    """الساعة ("at the hour of", with its prefixes) before a number: a time told by the
    clock, one unit like 9 مساء (الحفلة الساعة | 9).

    >>> _clock_time("الساعة", "الساعة", "7", lexicon()), _clock_time("للساعة", "للساعة", "عشرة", lexicon())
    (True, True)
    >>> _clock_time("الساعة", "الساعة", "الذكية", lexicon())
    False
    """
    if ends_phrase(left_word) or left not in ("الساعة", "والساعة", "بالساعة", "للساعة"):
        return False
    return bool(_DIGITS.match(right)) or right in lex.numerals


def _numeral_form(bare: str, lex: Lexicon) -> bool:
    """Digits, a numeral of the list, or one in the accusative (سبعا، واحدا) or the
    short form ثمان."""
    if bare in lex.numerals or _DIGITS.match(bare) or bare == "ثمان":
        return True
    return bare.endswith("ا") and bare[:-1] in lex.numerals


def _compound_number(left_word: str, left: str, right: str, lex: Lexicon) -> bool:
    """An indefinite numeral, then و + a numeral or digits: the parts of one number
    (سبعا | وعشرين، مليون | و600، بين 12 | و16). Two definite ordinals joined by و are
    two terms (بين الثامنة والتاسعة, round 10's `_between_terms`).

    >>> _compound_number("خمسا", "خمسا", "وثلاثين", lexicon()), _compound_number("مليون", "مليون", "و200", lexicon())
    (True, True)
    >>> _compound_number("الثامنة", "الثامنة", "والتاسعة", lexicon())
    False
    """
    if ends_phrase(left_word) or right[:1] != "و" or _definite_any(left):
        return False
    both_digits = bool(_DIGITS.match(left)) and bool(_DIGITS.match(right[1:]))
    return _numeral_form(left, lex) and _numeral_form(right[1:], lex) and not both_digits


#: Units a numeral counts whatever else it reads as (ألف "thousand" and the verb ألّف).
_COUNTED_TIMES = frozenset(
    {
        *("مرة", "مرات", "ساعة", "ساعات", "يوم", "أيام", "سنة", "سنين", "سنوات"),
        *("دقيقة", "دقايق", "دقائق", "شهر", "شهور", "أشهر", "أسبوع", "أسابيع"),
    }
)


def _times_counted(left_word: str, left: str, right: str, lex: Lexicon) -> bool:
    """A numeral word before a unit of times or time counts it (ألف | مرة، ثلاثين | يوم،
    أربع عشرة | مرة): one number, however the numeral's letters read alone.

    >>> _times_counted("ألف", "ألف", "مرة", lexicon()), _times_counted("عشرين", "عشرين", "سنة", lexicon())
    (True, True)
    >>> _times_counted("كل", "كل", "مرة", lexicon())
    False
    """
    return not ends_phrase(left_word) and left in lex.numerals and right in _COUNTED_TIMES


def _profession_name(left: str, right: str, lex: Lexicon) -> bool:
    """A definite noun (a profession or a role: الصائغ، المحققة، اليوتيوبر) before a first
    name the name list knows is the person's title (المفتش | جميل). A first name that is
    also an adjective (آمنة "safe", كريم "generous") may be the noun's predicate.

    >>> _profession_name("النجار", "يوسف", lexicon()), _profession_name("الرحلة", "آمنة", lexicon())
    (True, False)
    """
    if not _definite_bare(left) or right not in first_names() or right in lex.stopwords:
        return False
    stems = (right, right[:-1]) if right.endswith("ة") else (right,)
    return not any("A" in lexicon_classes(form) or form in lex.adjectives for form in stems)


#: A detached article with its prepositions, written apart from a borrowed word (للـ vlog).
_DETACHED_ARTICLES = frozenset({"لل", "بال", "وال", "فال", "كال", "وبال", "وللـ", "ولل", "فلل"})


def _detached_article(left_word: str, left: str) -> bool:
    """للـ / بالـ written with a tatweel and apart from the (Latin) word they determine:
    the article is the borrowed word's, as الـ alone is (نصايح للـ interview).

    >>> _detached_article("للـ", "لل"), _detached_article("بالـ", "بال"), _detached_article("بال", "بال")
    (True, True, False)
    """
    return left_word.rstrip().endswith("ـ") and left in _DETACHED_ARTICLES


#: The colloquial imperfect of كان / بقى / ضل / صار with the habitual ب or the future ه / ح.
_DIALECT_COPULA = re.compile(r"[وف]?[بهح][يتن]?(?:كون|كونوا|بقى|بقوا|ضل|ضلوا|صير|صيروا)")


def _dialect_copula(left_word: str, left: str) -> bool:
    """بيكون، بتكون، هيكون، بتبقى، بيضل: a dialect copula (habitual ب, future ه / ح)
    needs its predicate, as كان does (المادة بتكون | رخيصة، الضمان هيكون | من الوكيل).
    A written shadda marks another verb (هتكوّن فريق, "form").

    >>> _dialect_copula("بتكون", "بتكون"), _dialect_copula("هيبقى", "هيبقى")
    (True, True)
    >>> _dialect_copula("وهتكوّن", "وهتكون"), _dialect_copula("يكون", "يكون")
    (False, False)
    """
    return "\u0651" not in left_word and bool(_DIALECT_COPULA.fullmatch(left))


def _dialect_free(left: str, right: str, lex: Lexicon) -> bool:
    """Round 10's words that head no unit whatever the pair rules say (`_pair_category`)."""
    if _ordinal_adverb(left) or _wants(left):
        return True  # أولا | عشان، الزبون عايز | القهوة: an adverb of order, a verb of wanting
    if _modal_opens(left, right, lex):
        return True  # مليون مشاهدة | ممكن: a dialect modal opens the predicate, no adjective
    if right in ("اسمه", "اسمها", "اسمهم") and left not in lex.stopwords:
        return True  # في تطبيق | اسمه italki: "called", a clause that names the noun
    # متصرفش | فلوس: an Egyptian negated verb; أرخص بكتير | من: "by far", then "than"
    return _negated_verb(left, lex) or _by_far(left, right)


def _all_of_it(left: str, right: str) -> bool:
    """كله / كلها / كلهم after a noun with its possessive pronoun: "all of it" stresses the
    noun, which the pronoun makes definite, like الليل كله (ذهبها كله، كتبي كلها). An
    imperfect with its object pronoun (يقتلها | كلها) is a verb and keeps the break.

    >>> _all_of_it("ذهبها", "كله"), _all_of_it("كتبي", "كلها"), _all_of_it("يقتلها", "كلها")
    (True, True, False)
    """
    if right not in ("كله", "كلها", "كلهم", "كلهن") or looks_verb(left):
        return False
    for suffix in _POSSESSIVES:
        stem = left.removesuffix(suffix)
        if stem != left and len(stem) >= 3 and "N" in lexicon_classes(stem):
            return True
    return False


def _elative_of_vague(left: str, right: str) -> bool:
    """An أفعل the lexicon knows as an adjective before a general noun the stopword list
    holds (وقت، طريقة، مكان، ساعة): the superlative's construct (أفضل وقت، أسهل طريقة).

    >>> _elative_of_vague("أفضل", "وقت"), _elative_of_vague("أعلن", "وقت")
    (True, False)
    """
    if right not in _VAGUE_NOUNS and right not in _TIME_UNITS:
        return False
    forms = [left] + [left[1:] for p in "وف" if left.startswith(p)]
    return any(_elative(form) and "A" in lexicon_classes(form) for form in forms)


def _elative_after_noun(left: str, right: str, lex: Lexicon) -> bool:
    """An indefinite noun the lexicon knows only as a noun (with ب / ل / و, in the
    accusative, or a time unit), then an أفعل the lexicon knows as an adjective: a
    comparative or a colour that qualifies it (بتكلفة أقل، معطفا أحمر، وقت أطول).

    A noun that is also a verb (عام | أعلى, فرفض | أغلب) keeps the pair rules.

    >>> _elative_after_noun("بتكلفة", "أقل", lexicon()), _elative_after_noun("معطفا", "أحمر", lexicon())
    (True, True)
    >>> _elative_after_noun("عام", "أعلى", lexicon())
    False
    """
    if not _AFAL_OR_DOUBLED.fullmatch(right) or "A" not in lexicon_classes(right):
        return False
    if _definite_any(left) or looks_verb(left) or _is_latin(left) or has_pronoun_suffix(left):
        return False
    forms = _strip_prefix(left)
    forms += [form[:-1] for form in forms if accusative(form)]  # معطفا: معطف
    for form in forms:
        if form in _TIME_UNITS:
            return True
        if form in lex.stopwords or _verb_by_lexicon(form):
            continue
        if lexicon_classes(form) in ("N", "AN"):
            return True
    return False


#: A تفعيلي nisba (تقديمي، تجريبي), which an imperfect's ت does not explain.
_TAFIILI = re.compile(r"ت[^\s]{2}ي[^\s](ي|ية)")


def _nisba_not_verb(right: str) -> bool:
    """A nisba that no imperfect of the same letters explains: not opened by ت / ن / أ, or
    feminine (ـية: no verb ends so), or a تفعيلي, or a noun of the lexicon with ي (أثري: أثر),
    or long (نهائي، أسطوري); تشتري، نمشي، أشتري are verbs.

    >>> _nisba_not_verb("تقديمي"), _nisba_not_verb("أثري"), _nisba_not_verb("تشتري")
    (True, True, False)
    """
    if right[:1] not in "تنأ" or right.endswith("ية") or _TAFIILI.fullmatch(right):
        return True
    return "N" in lexicon_classes(right[:-1]) or len(right) >= 6


def _nisba_agrees(left: str, right: str, lex: Lexicon) -> bool:
    """An indefinite noun the lexicon knows, then an indefinite nisba adjective (ـي / ـية)
    that the lexicon knows as no noun or verb and that agrees in gender: the adjective.

    The nisba's shape outweighs a verb's (تقديمي is no imperfect) or a preposition's
    (ليلية is no ل + يلية); a feminine nisba follows a feminine noun or a plural (أغاني
    عربية، معلومات أمنية), a masculine one a masculine singular.

    >>> _nisba_agrees("عرض", "تقديمي", lexicon()), _nisba_agrees("مناوبة", "ليلية", lexicon())
    (True, True)
    >>> _nisba_agrees("مناوبة", "ليلي", lexicon()), _nisba_agrees("يقدم", "تقديمي", lexicon())
    (False, False)
    """
    if not right.endswith(("ي", "ية")) or not is_nisba(right) or right[:1] in "وف":
        return False
    if right in lex.stopwords or _definite_any(right) or set(lexicon_classes(right)) & set("NV"):
        return False
    if right.endswith("ني") or right[:1] in "يب" or not _nisba_not_verb(right):
        return False  # يكلفني، بيكفي، تشتري: an imperfect, not a nisba
    if left in lex.stopwords or _definite_any(left) or _is_latin(left) or left in lex.name_words:
        return False
    if looks_verb(left) or (_suffixed_noun(left) and not lexicon_classes(left)):
        return False  # تعرف | أنني، جوالي | طافي: a verb, or a noun made definite by its pronoun
    forms = [form for form in _strip_prefix(left) if "N" in lexicon_classes(form)]
    if not forms or any(_verb_by_lexicon(form) for form in forms):
        return False
    form = forms[0]
    plural = form.endswith("ات") or bool(_BROKEN_PLURAL.fullmatch(form)) or form.endswith("اني")
    feminine = form.endswith("ة") or plural
    return right.endswith("ية") == feminine


#: Kinship nouns before a possessive pronoun (أخي، أخوك، أختك، زوجتي، والدنا، خالتي).
_KIN = re.compile(
    r"(أخ|أخو|أخي|أخت|ابن|بنت|أب|أبو|أبي|أم|عم|عمت|خال|خالت|جد|جدت|زوج|زوجت|والد|والدت|ولد)"
    r"(ي|ك|كي|ه|ها|نا|كم|هم|هما|كن)"
)
#: Kinship nouns that head a construct with another (زوجة ابني، ابن أخي).
_KIN_HEADS = frozenset({"ابن", "بنت", "أخت", "زوجة", "أخو", "أبو", "أم"})


_POSSESSIVES = ("ي", "ك", "كي", "ه", "ها", "نا", "كم", "هم", "هما", "كن")


def _kunya_after(left: str, right: str) -> bool:
    """A noun with its possessive pronoun, then أبو: the kunya (أبو سمير) names the person
    the noun describes (جارنا أبو سمير، آخر سلاطينها أبو عبد الله). A verb before أبو has
    it as its subject (عاش | أبو، أراد | أبو): the word must end in a pronoun and be a
    noun the lexicon knows without it.

    >>> _kunya_after("جارنا", "أبو"), _kunya_after("أراد", "أبو"), _kunya_after("جارنا", "أم")
    (True, False, False)
    """
    if right != "أبو" or looks_verb(left):
        return False
    for suffix in _POSSESSIVES:
        stem = left.removesuffix(suffix)
        if stem != left and len(stem) >= 3 and "N" in lexicon_classes(stem):
            return True  # جار is also a verb, جارنا a noun here
    return False


def _kin_phrase(left: str, right: str, lex: Lexicon) -> Category | None:
    """A kinship noun with its possessive pronoun, a closed class, in three units: the
    complement of an indefinite noun (بيت | أبي، وفاة | والدنا، زوجة | ابني), the noun of
    a definite adjective (أخوك | الكبير، ابنك | المراهق), the title of a first name
    (خالتي | سعاد، عمي | رشيد).

    A verb before it has it as its subject (حمله | جدك، إن عمك | رفع stays a break).

    >>> _kin_phrase("بيت", "أبي", lexicon()), _kin_phrase("أخوك", "الكبير", lexicon())
    ('idafa', 'noun-adjective')
    >>> _kin_phrase("خالتي", "سعاد", lexicon()), _kin_phrase("حمله", "جدك", lexicon())
    ('name', None)
    """
    if _KIN.fullmatch(right):
        if left in _KIN_HEADS:
            return "idafa"
        known = lexicon_classes(left)
        if "N" not in known or looks_verb(left) or _definite_any(left) or left in lex.stopwords:
            return None
        if has_pronoun_suffix(left) or _verb_by_lexicon(left):
            return None
        return "idafa"
    if not _KIN.fullmatch(left):
        return None
    if right in first_names() and right not in lex.stopwords:
        return "name"
    if _definite_bare(right) and _is_adjective(right, lex, definite=True):
        return "noun-adjective"
    return None


def _named_product(left: str, right_word: str, lex: Lexicon) -> bool:
    """A definite singular noun the lexicon knows only as a noun, then a capitalised Latin
    word: the product's name in apposition (المعالج Ryzen 5، وكرت الشاشة RTX 4060).

    A masculine participle names a device too (المعالج). A plural (الموبايلات |
    Lithium-ion), a feminine adjective (المدفوعة | Super) or a time noun
    (الوقت | Meta) is not named by it.

    >>> _named_product("المعالج", "Ryzen", lexicon()), _named_product("الوقت", "Meta", lexicon())
    (True, False)
    """
    core = right_word.strip(_OPENERS + _CLOSERS)
    if not (core[:1].isupper() and _is_latin(_bare(right_word))):
        return False
    definite, stem = strip_article(left)
    if not definite or left.startswith(("بال", "كال", "لل", "ولل", "فلل")):
        return False
    if stem.endswith(("ات", "ين", "ون")) or stem in lex.time_nouns or stem in _TIME_UNITS:
        return False
    known = lexicon_classes(stem)
    participle = known == "A" and not stem.endswith("ة")  # المعالج: a participle as a noun
    return (known == "N" or participle) and not is_nisba(stem)


def _brand_genitive(left: str, right_word: str, lex: Lexicon) -> bool:
    """An indefinite Arabic noun before a capitalised Latin word: the brand completes it."""
    core = right_word.strip(_OPENERS + _CLOSERS)
    if not (core[:1].isupper() and _is_latin(_bare(right_word))):
        return False
    if _is_latin(left) or left in lex.stopwords or _definite_any(left) or looks_verb(left):
        return False
    forms = [left] + [left[1:] for p in "وف" if left.startswith(p) and len(left) > 3]
    return any(lexicon_classes(form) == "N" for form in forms)


#: Adverbs of order, which open a point and bind to nothing (أولا، تانيا، وأخيرا).
_ORDINAL_ADVERBS = frozenset(
    {"أولا", "اولا", "ثانيا", "تانيا", "ثالثا", "تالتا", "رابعا", "خامسا", "أخيرا", "اخيرا"}
)


def _ordinal_adverb(left: str) -> bool:
    """أولا، ثانيا / تانيا، ثالثا / تالتا … and أخيرا (with و / ف): adverbs that number
    the points of an explanation; the point itself may start the next line.

    >>> _ordinal_adverb("وثانيا"), _ordinal_adverb("أخيرا"), _ordinal_adverb("أول")
    (True, True, False)
    """
    return left in _ORDINAL_ADVERBS or (left[:1] in "وف" and left[1:] in _ORDINAL_ADVERBS)


#: The dialect verbs and participles of wanting and needing (Egyptian عايز، Gulf يبي /
#: يبغى، محتاج); not أبي, also "my father", nor بدي, which the governor list holds.
_WANTS = frozenset(
    {"عايز", "عايزة", "عايزين", "عاوز", "عاوزة", "عاوزين", "محتاج", "محتاجة", "محتاجين"}
    | {"يبي", "تبي", "نبي", "يبون", "تبون", "يبغى", "تبغى", "نبغى", "أبغى"}
)


def _wants(left: str) -> bool:
    """A dialect verb of wanting or needing (with و / ف): a verb, whose object or
    complement may start the next line (الزبون عايز | القهوة، وعايز | إنترنت).

    >>> _wants("عايز"), _wants("وتبي"), _wants("أبي")
    (True, True, False)
    """
    return left in _WANTS or (left[:1] in "وف" and left[1:] in _WANTS)


def _modal_opens(left: str, right: str, lex: Lexicon) -> bool:
    """A dialect modal (ممكن، لازم، مفروض) after a noun opens the predicate (الألف مشاهدة
    ممكن تجيب): it is not the adjective "possible", "necessary" of the noun before it.

    >>> _modal_opens("مشاهدة", "ممكن", lexicon()), _modal_opens("مشاهدة", "ممتعة", lexicon())
    (True, False)
    """
    return right in lex.modals and not _is_latin(left) and left not in lex.stopwords


#: The Egyptian negation م(ا)…ش around a verb (متصرفش، ماتنساش، مبيعملش، مهيعرفش).
_NEGATED_VERB = re.compile(r"م(ا)?[بهح]?[تينأا][^\s]{2,}ش")


def _negated_verb(left: str, lex: Lexicon) -> bool:
    """A verb inside the Egyptian negation م(ا) … ش, with its person prefix: a verb, so it
    heads no construct or noun-adjective pair (عشان متنساش | ميعاد السداد).

    A word the lexicon knows (معاش، منعش), a governor (مفيش) is not one.

    >>> _negated_verb("متصرفش", lexicon()), _negated_verb("ومتنساش", lexicon())
    (True, True)
    >>> _negated_verb("مفيش", lexicon()), _negated_verb("منعش", lexicon())
    (False, False)
    """
    forms = [left] + [left[1:] for p in "وف" if left.startswith(p)]
    return any(
        _NEGATED_VERB.fullmatch(form) and not lexicon_classes(form) and not _governs(form, lex)
        for form in forms
    )


def _by_far(left: str, right: str) -> bool:
    """بكتير / بكثير ("by far", after a comparative) before من: من is "than", not the
    partitive of كثير من, and the comparison may break before it.

    >>> _by_far("بكتير", "من"), _by_far("كتير", "من")
    (True, False)
    """
    return right == "من" and left in ("بكتير", "بكثير")


#: Religious formulas of speech, said as one word: الحمد لله، الله أعلم، الله أكبر.
_FORMULAS = frozenset({("الحمد", "لله"), ("الله", "أعلم"), ("الله", "أكبر")})
#: An imperfect with its object pronoun after الله: a prayer (الله يسلمك، الله يرحمه).
_PRAYER = re.compile(r"ي[^\s]{2,5}(ك|كي|كم|ه|ها|هم|ني|نا)")


def _formula(left: str, right: str) -> bool:
    """A fixed formula of speech (الحمد لله، الله أعلم) or a prayer, الله and an imperfect
    with its object pronoun (الله يسلمك، الله يخليك): said in one breath, never split.

    >>> _formula("الحمد", "لله"), _formula("الله", "يرحمه"), _formula("الله", "يقول")
    (True, True, False)
    """
    if (left, right) in _FORMULAS:
        return True
    return left == "الله" and bool(_PRAYER.fullmatch(right))


#: "One" and "whole" after the noun they qualify, by gender: masculine, feminine, dual / plural.
_WHOLE_OR_ONE = {
    "واحد": "m",
    "واحدا": "m",
    "كامل": "m",
    "كاملا": "m",
    "واحدة": "f",
    "كاملة": "f",
    "كاملين": "d",
    "كاملتين": "d",
    "كاملان": "d",
}

#: Units of time the stopword list holds (ساعة ما، وقت ما): nouns before واحد / كامل.
_TIME_UNITS = frozenset({"ساعة", "شهر", "وقت", "يوم", "ليل", "أسبوع", "سنة", "دقيقة"})


def _whole_or_one(left: str, right: str, lex: Lexicon) -> bool:
    """An indefinite noun the lexicon knows (with و / ب / ل …), then واحد / كامل agreeing
    with it: the number one and "whole" qualify the noun (شهر كامل، ساعة واحدة).

    The lexicon's verb homographs (شهر) are nouns here: no verb takes واحد or كامل as
    its subject in the indefinite. Gender must agree (ة with ة, a dual or plural with
    كاملين), which keeps a feminine noun's masculine predicate (المدة | كامل) apart.

    >>> _whole_or_one("شهر", "كامل", lexicon()), _whole_or_one("وساعة", "واحدة", lexicon())
    (True, True)
    >>> _whole_or_one("ساعة", "واحد", lexicon()), _whole_or_one("الشهر", "كامل", lexicon())
    (False, False)
    """
    gender = _WHOLE_OR_ONE.get(right)
    if gender is None or _definite_any(left) or _is_latin(left):
        return False
    for form in _strip_prefix(left):
        if form in lex.stopwords and form not in lex.time_nouns and form not in _TIME_UNITS:
            continue  # كل | واحد، أي | واحد: a quantifier's complement, not its adjective
        if gender == "d":
            if _dual_noun(form) or _plural_noun(form, lex):
                return True
            continue
        feminine = form.endswith("ة")
        known = "N" in lexicon_classes(form) and feminine == (gender == "f")
        if known and not looks_verb(form) and not has_pronoun_suffix(form):
            return True
    return False


#: Fractions that head a construct with what they divide (نص ساعة، ربع كيلو، ثلث المسافة).
_FRACTION_HEADS = frozenset({"نص", "نصف", "ربع", "ثلث", "تلت"})


def _fraction_of(left: str, right: str) -> bool:
    """A fraction (with و / ب / ل …) before an indefinite noun the lexicon knows, even a
    time noun the stopword list holds (ساعة): the noun completes the fraction."""
    if not any(form in _FRACTION_HEADS for form in _strip_prefix(left)):
        return False
    if _definite_any(right) or looks_verb(right) or _DIGITS.match(right):
        return False
    return "N" in lexicon_classes(right)


def _prefixed_first(left: str, right: str, lex: Lexicon) -> bool:
    """أول / آخر behind ل، ب، و، ف (لأول، بآخر): completed by an indefinite noun, as bare.

    The stopword list knows أول and آخر alone; with a prefix they fell to the noun rules,
    which read لأول as a word no list knows.
    """
    forms = _strip_prefix(left)[1:] if left not in ("أول", "آخر") else []
    if not any(form in ("أول", "آخر", "اول") for form in forms):
        return False
    if _definite_any(right) or looks_verb(right) or right in lex.stopwords:
        return right in lex.time_nouns  # لأول مرة: مرة is a time noun the stopwords hold
    return "N" in lexicon_classes(right) or right in lex.time_nouns


#: Verbal nouns that with their preposition make a compound preposition (a closed class,
#: like وفقا ل and نظرا ل in binding-extra.txt): تمهيدا ل، تزامنا مع، ابتداء من، بناء على.
#: Not احتجاجا على or تحقيقا ل, where the verbal noun keeps its own sense and a break is
#: acceptable.
_COMPOUND_PREPOSITIONS = {
    "مقارنة": ("ب",),
    "قياسا": ("ب",),
    "تمهيدا": ("ل",),
    "تقديرا": ("ل",),
    "تزامنا": ("مع",),
    "تماشيا": ("مع",),
    "ابتداء": ("من",),
    "بدءا": ("من",),
    "اعتبارا": ("من",),
    "انطلاقا": ("من",),
    "بناء": ("على",),
    "استنادا": ("إلى",),
}


def _adverbial_masdar(left: str, right: str) -> bool:
    """A verbal noun that makes a compound preposition, then its preposition.

    تمهيدا لانتخابات، تزامنا مع، ابتداء من، وبناء على، مقارنة بالعام: the verbal noun is
    incomplete without the preposition's phrase (ل and ب attached to the next word).
    """
    form = left[1:] if left[:1] == "و" and left[1:] in _COMPOUND_PREPOSITIONS else left
    preps = _COMPOUND_PREPOSITIONS.get(form, ())
    return right in preps or any(p in "لب" and right[:1] == p and len(right) > 2 for p in preps)


#: كاد "almost" and its persons: a verb of nearness, like kana's sisters, governs an imperfect.
_KADA = frozenset(
    {"كاد", "كادت", "كادوا", "كدت", "كدنا", "يكاد", "تكاد", "نكاد", "أكاد", "يكادون", "تكادون"}
)


def _near_verb(left: str, right: str) -> bool:
    """كاد (with و / ف) before the imperfect verb it governs: لا نكاد | نشعر، كادت | تغرق."""
    form = left[1:] if left[:1] in "وف" and left[1:] in _KADA else left
    return form in _KADA and _governed_verb(form, right)


def _class_noun_unknown(left: str, right: str, lex: Lexicon) -> bool:
    """A class noun (مدينة، ولاية، نهر، إعصار) before a word the lexicon knows in no form.

    `_unknown_word` reads a shape as an explanation (ياغي a nisba, بدخشان ب + a noun,
    فالبارايسو ف + the article); after a class noun a word the lexicon knows neither whole
    nor without a prefix nor without an ending is the name it introduces.
    """
    if not any(form in lex.class_nouns for form in _strip_prefix(left) + _article_form(left)):
        return False
    if len(right) < 3 or right in lex.stopwords or _DIGITS.match(right) or _is_latin(right):
        return False
    if _suffixed_noun(right) or right.endswith(("ه", "هم")) or _lexical_verb(right):
        return False
    words = [right] + [right[1:] for p in "وفبلك" if right.startswith(p) and len(right) > 3]
    words += [strip_article(w)[1] for w in words if strip_article(w)[0]]
    forms = words + [w[: -len(end)] for w in words for end in _ENDINGS if w.endswith(end)]
    return not any(lexicon_classes(form) for form in forms if len(form) >= 2)


def _definite_class_unknown(left: str, right: str, lex: Lexicon) -> bool:
    """A class noun with the article (العاصمة، الإعصار) before a word the lexicon knows in no form.

    Like `_class_noun_unknown` after مدينة، إقليم: the definite class noun introduces the
    name (إلى العاصمة كينشاسا، ضرب الإعصار ياغي). A form less an ending counts only with
    three letters left (دكا is no دك + ا). Not before a definite word (العاصمة الكينية: its
    adjective), a verb or a word in ب / ل.
    """
    forms = [strip_article(form) for form in [*_strip_prefix(left), left]]
    if not any(definite and stem in lex.class_nouns for definite, stem in forms):
        return False
    if len(right) < 3 or right in lex.stopwords or _DIGITS.match(right) or _is_latin(right):
        return False
    if _suffixed_noun(right) or right.endswith(("ه", "هم")) or _lexical_verb(right):
        return False
    if right in lex.proper_nouns or right in lex.name_words or right in lex.name_firsts:
        return False  # a name a list knows: the pair rules read it
    if right[:1] in "بل" or _definite_any(right) or looks_verb(right) or _weak_imperfect(right):
        return False  # القرية | ينتظرون، القناة | لبريطانيا: a verb or a preposition
    words = [right] + [right[1:] for p in "وفك" if right.startswith(p) and len(right) > 3]
    forms_ = words + [w[: -len(end)] for w in words for end in _ENDINGS if w.endswith(end)]
    return not any(lexicon_classes(form) for form in forms_ if len(form) >= 3)


def _prefixed_inna(left: str, lex: Lexicon) -> bool:
    """أن with its pronoun behind ب (and و / ف): بأنه، وبأنها، بأنهم bind like أنه.

    The governor list holds أنه، أنها … and the stopword list لأنه، كأنه; the ب of a verb's
    complement (صرح بأنه، اتهمه بأنه) was read as a noun's prefix.
    """
    bare = left[1:] if left[:1] in "وف" and len(left) > 4 else left
    return bare[:1] == "ب" and bare[1:3] == "أن" and bare[1:] in lex.inna


def _heads_borrowed_term(left: str, lex: Lexicon) -> bool:
    """An indefinite noun before a detached الـ: the borrowed term is its genitive.

    باقة الـ 140 جيجا، تطبيقات الـ Buy Now: the detached article makes the foreign word
    definite, and an indefinite noun before a definite one is a construct; a verb
    (تشتري الـ، امسح الـ) takes it as its object.
    """
    if left in lex.stopwords or _definite_any(left) or looks_verb(left):
        return False
    if "N" in lexicon_classes(left) or left.endswith(("ات", "ة")):
        return True
    rest = left[1:]  # وتتابع الـ: after و a word the lexicon also knows as a verb is one
    known = lexicon_classes(rest)
    noun = ("N" in known and "V" not in known) or rest.endswith(("ات", "ة"))
    return left[:1] in "وف" and len(left) > 3 and noun


#: Prepositions after which a verb-shaped word is a verbal noun: إلى تراجع الإيرادات.
_NOUN_PREPOSITIONS = frozenset(
    {"في", "إلى", "على", "عن", "عند", "بعد", "قبل", "مع", "حول", "نحو", "بين", "دون", "ضد"}
    | {"خلال", "عبر", "منذ", "لدى"}
)


#: Units whose last word heads no guessed construct (a noun's adjective, a name, a count).
_UNITS = frozenset({"noun-adjective", "name", "number"})
_UNITS_AND_IDAFA = _UNITS | {"idafa"}


#: Nouns that a following ما makes vague (شيء ما، وقت ما): the ما closes them (not يوم:
#: كل يوم | ما يعادل وزنها is "every day, as much as").
_VAGUE_NOUNS = frozenset(
    {"شيء", "وقت", "مكان", "حد", "نوع", "شخص", "سبب", "لحظة", "أمر", "مرحلة", "طريقة"}
)


def _vague(bare: str) -> bool:
    """A noun that a following ما makes vague: a listed one, or any noun in the indefinite
    accusative (شيئًا ما، يومًا ما، أحدًا ما), which a relative ما never follows.

    >>> _vague("شيء"), _vague("شيئا"), _vague("يوما"), _vague("يوم"), _vague("وهذا")
    (True, True, True, False, False)
    """
    if bare in _VAGUE_NOUNS:
        return True
    if not accusative(bare):
        return False
    stem = bare[:-1].removesuffix("ئ") + ("ء" if bare[:-1].endswith("ئ") else "")  # شيئا: شيء
    known = lexicon_classes(stem)
    return stem in _VAGUE_NOUNS or stem in ("أحد", "احد") or (bool(known) and "V" not in known)


#: "Only" after what it limits, closing the clause (تستغلني وحسب، مرة واحدة فحسب).
_ONLY = frozenset({"وحسب", "فحسب"})
#: إذاً / إذن ("then", "so") with its written tanween or nun: not the conditional إذا.
_THEN = frozenset({"إذاً", "إذًا", "اذاً", "اذًا", "إذن", "اذن"})
#: Greetings and thanks in the accusative: never an adjective (أمي | مرحباً عزيزتي).
_GREETINGS = frozenset({"مرحبا", "أهلا", "اهلا", "شكرا", "عفوا", "وداعا"})


def _closes_clause(before: str, left_word: str, right_word: str) -> bool:
    """Words that read as a function word's start but close what they stand in.

    وحسب / فحسب ("only") end the clause they limit; إذاً with its tanween is "then", not
    the conditional إذا; قبل / بعد after من are adverbs ("before", "after") when what follows
    carries a preposition of its own (من قبل | بالطريقة); أكثر / أقل before a verb, a
    pronoun or أن are adverbs (أحبك أكثر | أنا);
    an accusative greeting (مرحباً، شكراً) qualifies no noun. (لا answering before a
    pronoun, "no | this whole thing", was tried: one validation row worse, dropped.)

    >>> _closes_clause("تستغلني", "وحسب", "للوصول"), _closes_clause("من", "قبل", "بالطريقة")
    (True, True)
    >>> _closes_clause("من", "قبل", "الحكومة"), _closes_clause("أحبك", "أكثر", "أنا")
    (False, True)
    """
    left = _bare(left_word)
    right = _bare(right_word)
    lex = lexicon()
    if left_word.rstrip(_CLOSERS) in _THEN:
        return True
    if left in _ONLY and before and not ends_phrase(before):
        return True  # not a line's or a clause's first وحسب: "and according to" (وحسب إحصائيات)
    if right in _GREETINGS and left not in _DASH_WORDS and _bare(left) not in lex.stopwords:
        return True
    if left in ("قبل", "بعد") and _bare(before) == "من":
        prefixed = right[:1] in "بل" and len(right) > 3 and not lexicon_classes(right)
        return prefixed or right in lex.prepositions
    if left in ("أكثر", "أقل", "اكثر", "اقل") and not ends_phrase(left_word):
        return right in lex.pronouns or right in ("أن", "ان") or verb_only(right)
    return False


@lru_cache(maxsize=65536)
def _in_context(before: str, left_word: str, right_word: str) -> Category | None:
    """The pair's judgement corrected by the word before it (``""``: a script line's start).

    Verb / verbal-noun homographs (4,035 spellings) are read by what precedes them: after a
    preposition a verb's shape is a verbal noun its complement completes (إلى تراجع | الإيرادات);
    after a comma, or with و opening a line, a verb the lexicon knows opens a clause, its subject
    next (وفي مصر، تباطأ | معدل التضخم). بس is "but" where a clause starts; Latin pairs are terms.
    """
    if _bare(left_word) == "ما" and not ends_phrase(before) and _vague(_bare(before)):
        return None  # شيء ما | سمعت، يومًا ما | سوف: ما makes the noun vague and closes it
    if _closes_clause(before, left_word, right_word) and not _so_then(before, left_word):
        return None  # تستغلني وحسب | للوصول، من قبل | بالطريقة، حسناً إذاً | أظن
    found = _pair_category(left_word, right_word)
    of_what = _bare(right_word) == "من" and not ends_phrase(left_word)
    if of_what and _closed_ordinal(before, left_word):
        return "number"  # الخامس عشر | من أغسطس، الرابعة عشرة | من عمره: a day, an age
    after_mark = before.rstrip()[-1:] in ("،", ",", ".", "!", "?", "؟", ":", "؛")
    if found is None and _existential(before, left_word, right_word):
        return "binding"  # الكورس فيه | 10 أسابيع: the dialect "there is" and what there is
    if found is None and _indefinite_more(left_word, right_word):  # بمشاركة | أكثر، بتكلفة | أقل
        return "noun-adjective" if _bare(right_word) == "أقل" else "idafa"
    if found is None and _elative_measure(before, left_word, right_word):
        return "binding"  # الأكثر | حرارة، الأشد | فتكا: a definite elative and what it measures
    if found is None and _second_adjective(before, left_word, right_word):
        return "noun-adjective"  # أزمة سياسية | حادة: a second adjective of the same noun
    if (later := _later_rounds(found, before, left_word, right_word)) is not None:
        return None if later == "free" else later  # rounds 11 to 13: a unit, or free
    if found is None:
        unit = _demonstrative_unit(before, left_word, right_word)  # طول | هذا الكتاب
        unit = unit or _dialect_unit_in_context(before, left_word, right_word)
        return unit or _noun_in_context(before, left_word, right_word, after_mark)
    if _dialect_free_in_context(found, before, left_word, right_word):
        return None  # أين كنت | طوال الليل؟، الروبوت ده | مش: a unit the context closes
    verb_next = _verb_after_verb(_bare(left_word), _bare(right_word))  # لم أعد | أحتمل
    by_particle = _verb_by_particle(before, left_word, right_word)
    by_particle = by_particle or _verb_after_subject(before, left_word)
    by_particle = by_particle or _verb_by_subordinator(before, left_word, right_word)
    if found in _UNITS_AND_IDAFA and not verb_next and by_particle:
        return None  # وقد فك | العالم، الذي حير | العلماء: a verb heads no noun's unit
    hour_part = _hour_part(_bare(right_word))  # الحادية عشرة | مساء
    if found == "number" and not hour_part and _closed_ordinal(before, left_word):
        return None  # القرن الخامس عشر | ثورة: a definite ordinal counts nothing after it
    if found == "noun-adjective" and _subject_then_object(before, left_word, right_word):
        return None  # نصحت السلطات | السكان، أطلقت الشرطة | الغاز
    if _name_particle(before, left_word, right_word):
        return "name"  # النمساوي كارل | فون فريش، دا | فينشي: a particle inside a name
    guessed = isinstance(found, _Doubtful) and found == "idafa"
    if guessed and before and _pair_category(before, left_word) in _UNITS:
        return None  # زلزال عنيف | إقليم، وليام روتو | حالة: the left word closes a unit
    if found not in ("idafa", "noun-adjective") or not (after_mark or before == ""):
        return found
    left = _bare(left_word)
    if left[:1] == "و" and "N" in lexicon_classes(left):
        return found  # وسط، وفق: a noun the lexicon knows whole, no و + verb
    if before == "" and (left[:1] != "و" or len(left) <= 3):
        return found  # سعر الجرام opening a line: a noun as often as a verb
    forms = [left] if before else []  # وافق after a comma; a line's first word only with و
    forms += [left[1:]] if left[:1] == "و" and len(left) > 3 else []
    opens = any(_clause_verb(form, lexicon()) or _afal_verb(form) for form in forms)
    return None if opens else found


#: Near demonstratives, which open a genitive noun phrase after an indefinite noun.
_GENITIVE_DEMONSTRATIVES = frozenset({"هذا", "هذه", "هؤلاء"})


def _round12_msa_in_context(before: str, left_word: str, right_word: str) -> Category | None:
    """Round 12's MSA units read with the word before (None when none applies)."""
    if _quantifier_genitive(before, left_word, right_word):
        return "idafa"  # سجن | أي شخص، جدار | كل بيت
    if _negated_adjective(before, left_word, right_word):
        return "noun-adjective"  # فيضانات | غير مسبوقة
    if _adverb_of_what(left_word, right_word):
        return "binding"  # وسرعان | ما، ولطالما | تساءل
    if _self_emphasis(left_word, right_word):
        return "noun-adjective"  # الأفكار | ذاتها، التجار | أنفسهم
    return None


#: The emphasis ذات / أنفس with a pronoun (التوكيد المعنوي, beside round 1's `_EMPHASIS`).
_SELF_EMPHASIS = frozenset(
    stem + suffix for stem in ("ذات", "أنفس") for suffix in ("ه", "ها", "هم", "هما", "هن")
)


def _self_emphasis(left_word: str, right_word: str) -> bool:
    """A definite noun before ذاته / أنفسهم: the emphasis follows its noun (الفكرة ذاتها)."""
    left = _bare(left_word)
    if _bare(right_word) not in _SELF_EMPHASIS or ends_phrase(left_word) or looks_verb(left):
        return False
    return _definite_any(left)


#: Adverbs that ما turns into a conjunction: كثيرا ما ("often"), سرعان ما ("soon").
_ADVERBS_OF_WHAT = frozenset({"سرعان", "نادرا", "كثيرا", "قليلا", "غالبا", "طالما"})


def _adverb_of_what(left_word: str, right_word: str) -> bool:
    """An adverb before the ما that makes it a conjunction, or طالما / لطالما ("long has").

    وسرعان ما تعافى، ونادرا ما يحدث: the adverb and ما open the clause together; لطالما
    is one conjunction and needs its verb. كثيرا alone after a verb is free (تغيرت | كثيرا).
    """
    left = _bare(left_word)
    left = left[1:] if left[:1] in "وف" and len(left) > 4 else left
    if left in ("طالما", "لطالما"):
        return not ends_phrase(left_word)
    return left in _ADVERBS_OF_WHAT and _bare(right_word) == "ما" and not ends_phrase(left_word)


def _negated_adjective(before: str, left_word: str, right_word: str) -> bool:
    """An indefinite noun before غير: "un-", the first word of its adjective.

    فيضانات غير مسبوقة، بشكل غير قانوني، أموال غير مشروعة: غير opens a negated
    adjective that agrees with the noun. Not after an accusative (بحثا | غير منشور can
    be "other than"), a verb, a counted noun, a negation or أي (ولا شيء | غير: "but").
    """
    if _bare(right_word) != "غير" or ends_phrase(left_word):
        return False
    left = _bare(left_word)
    stem = left[1:] if left[:1] in "بل" and len(left) > 3 else left
    if accusative(stem) or looks_verb(left) or _definite_any(stem) or has_pronoun_suffix(stem):
        return False
    lex = lexicon()
    if stem in lex.stopwords or stem == "آخر" or not {"N", "A"} & set(lexicon_classes(stem)):
        return False
    prior = _bare(before)
    counted = _DIGITS.match(prior) or prior in lex.numerals
    particle = prior in lex.stopwords and prior not in lex.prepositions
    return not (counted or particle)


#: Quantifiers that open a construct's complement: اسم كل طالب، غياب أي دليل، دم بعض الناس.
_GENITIVE_QUANTIFIERS = frozenset({"أي", "بعض"})


def _quantifier_genitive(before: str, left_word: str, right_word: str) -> bool:
    """An indefinite noun before كل / أي / بعض heads a construct whose complement they open.

    The head is the one `_demonstrative_genitive` reads before هذا (no article, pronoun
    or tanwin, no time noun, no word after a number, no verb opening a clause): a noun
    before a quantifier is completed by it (اسم كل طالب), a verb takes it as its
    subject or object (يصدر | أي، وعجز | أي).
    """
    if _bare(right_word) not in _GENITIVE_QUANTIFIERS or looks_verb(_bare(left_word)):
        return False  # تفقد | كل: an imperfect takes the quantifier as its object
    prior = _bare(before)
    prior = prior[1:] if prior[:1] in "وبل" and len(prior) > 3 else prior
    if prior in lexicon().numerals:
        return False  # بثلاثة أجيال | أي: a counted noun, then "that is"
    return _demonstrative_genitive(before, left_word, "هذا")


def _demonstrative_unit(before: str, left_word: str, right_word: str) -> Category | None:
    """Idafa where `_demonstrative_genitive` reads one (طول | هذا الكتاب), else round 12's
    MSA units (`_round12_msa_in_context`: أي / بعض / غير after a noun), else None."""
    if _demonstrative_genitive(before, left_word, right_word):
        return "idafa"
    return _round12_msa_in_context(before, left_word, right_word)


def _demonstrative_genitive(before: str, left_word: str, right_word: str) -> bool:
    """An indefinite noun, then هذا / هذه: the demonstrative opens the noun's genitive.

    A noun with no article, pronoun or tanwin before هذا الكتاب is the head of a construct
    whose complement is the demonstrative phrase (طول هذا الكتاب، أسباب هذه الأزمة). Not
    a noun in the accusative (هدفا | هذا الموسم), a time noun (ثانية، ساعة), a word after a
    number (مليون سائح | هذا العام), a nisba, or a word the lexicon also knows as a verb
    opening a clause (ويأتي | هذا القرار) or after a particle (هل تعرف | هذا الرجل).
    (ذلك / تلك were left out: round 10 found them a clause's subject as often.)
    """
    if _bare(right_word) not in _GENITIVE_DEMONSTRATIVES or ends_phrase(left_word):
        return False
    lex = lexicon()
    prior = _bare(before)
    if _DIGITS.match(prior) or prior in lex.numerals or prior in _PLURAL_COUNTS:
        return False
    left = _bare(left_word)
    stems = [left] + [left[1:]] * (left[:1] in "وفبل" and len(left) > 3)
    stem = next((form for form in stems if "N" in lexicon_classes(form)), "")
    if not stem or stem in lex.stopwords or _definite_any(stem) or accusative(stem):
        return False
    if has_pronoun_suffix(stem) or _suffixed_noun(stem) or is_nisba(stem):
        return False
    if stem in lex.time_nouns or stem in _TIME_UNITS or stem in lex.adverbs:
        return False
    if stem in lex.name_words or stem in lex.proper_nouns:
        return False
    if "V" not in lexicon_classes(stem):
        return True
    # a word the lexicon also knows as a verb is one opening a clause (وتعد | هذه الخطوة)
    # and after a particle or an interrogative (هل تعرف | هذا، من بنى | هذا الجسر)
    particle = prior in lex.stopwords and (prior not in lex.prepositions or prior == "من")
    return not (not before or ends_phrase(before) or particle)


def _indefinite_more(left_word: str, right_word: str) -> bool:
    """ب / ل on a bare noun before أكثر / أقل: the quantity or the elative belongs to it.

    بمشاركة أكثر من، بحضور أكثر من (the quantity completes the verbal noun), بتكلفة أقل
    (an elative agreeing with it): either way the two stay together. After a verb "more"
    is an adverb (يدفع | أكثر), after a noun with a pronoun or in the accusative the noun is
    complete (على متنه | أكثر من، يوما | أكثر). Bare nouns without the preposition (طاقة
    أقل) were left out: they cost a validation row in lectures.
    """
    if _bare(right_word) not in ("أكثر", "أقل", "اكثر", "أكتر") or ends_phrase(left_word):
        return False
    lex = lexicon()
    left = _bare(left_word)
    if left in lex.stopwords or left in lex.adverbs or _definite_any(left) or _is_latin(left):
        return False
    if accusative(left) or _suffixed_noun(left) or left.endswith("ه") or looks_verb(left):
        return False
    if _verb_by_lexicon(left) or _lexical_verb(left) or left in lex.time_nouns:
        return False
    if left in ("مرة", "مرات", "ضعف", "أضعاف", "مرتين") or left in lex.numerals:
        return False  # ثلاث مرات | أكثر: a count of times, then "more" as an adverb
    rest = left[1:] if left[:1] in "بل" and len(left) > 3 else ""
    return bool(rest and lexicon_classes(rest))


#: أفعل colours: adjectives, not comparatives (الرأس الأخضر | يوم).
_COLOURS = frozenset({"أحمر", "أخضر", "أزرق", "أصفر", "أسود", "أبيض", "أسمر", "أشقر"})


def _elative_measure(before: str, left_word: str, right_word: str) -> bool:
    """A definite elative, then the indefinite noun it is measured in (the tamyiz).

    القمر الأكثر تطورا، العام الأكثر حرارة، الأشد فتكا: an elative with the article takes
    no genitive, so an indefinite noun after it says in what it excels. Not على الأقل (an
    adverb), not a function word, verb, number, time word or prepositional phrase.
    """
    if ends_phrase(left_word) or _bare(before) in ("على", "وعلى"):
        return False
    left, right = _bare(left_word), _bare(right_word)
    stem = left[2:]
    if not (left.startswith("الأ") and _elative(stem) and _elative_root(stem)):
        return False  # الأخضر، الأصل: a colour or a noun, no comparative
    lex = lexicon()
    if right in lex.stopwords or right in lex.adverbs or right in lex.time_nouns:
        return False
    if _definite_any(right) or _DIGITS.match(right) or right in lex.numerals or stem in _COLOURS:
        return False
    if right[:1] in "وفبلك" or has_pronoun_suffix(right):
        return False
    if accusative(right):
        return "N" in lexicon_classes(right[:-1])  # تطورا، حجما: a noun in the accusative
    return not looks_verb(right) and ("N" in lexicon_classes(right) or is_nisba(right))


def _second_adjective(before: str, left_word: str, right_word: str) -> bool:
    """An indefinite noun, its adjective, then an adjective agreeing with both in gender.

    أزمة سياسية حادة، تابوت خشبي ملون: a second adjective the lexicon knows only as one
    (not a noun, not a verb) qualifies the same noun. Not after a mark, not a word with a
    prefix or a pronoun, and not where the accusative tells them apart.
    """
    if not before or ends_phrase(before) or ends_phrase(left_word):
        return False
    lex = lexicon()
    left, right = _bare(left_word), _bare(right_word)
    if _pair_category(before, left_word) != "noun-adjective" or _definite_any(left):
        return False
    if right[:1] in "وفبلك" or _definite_any(right) or has_pronoun_suffix(right):
        return False
    if right in lex.stopwords or right in lex.adverbs or looks_verb(right) or len(right) < 3:
        return False
    if left.endswith("ة") != right.endswith("ة") or accusative(left) != accusative(right):
        return False
    return known_adjective(right) and "N" not in lexicon_classes(right)


def _afal_verb(bare: str) -> bool:
    """An أفعل the lexicon knows only as a verb, its root no adjective (أحرز، أرجع; not أهم):
    `_clause_verb` leaves it out with the elatives; opening a clause after a mark, it is
    the verb."""
    return bare != "أول" and _only_verb(bare)


#: فعّل with its prefixes (و / ف, the imperfect's أ ي ت ن, the dialect's ب / ه / ح):
#: two root letters, a shadda on the second, and no long vowel after it (no فعّال noun).
_STRESSED_VERB = re.compile(
    "(?:[وف])?(?:[أيتنا]|[بهح][يتن]?)?[\u0621-\u064a]{2}\u0651[^\u0627\u0648\u064a\u0651][\u0621-\u064a]*"
)
_VOWEL_MARKS = re.compile("[\u064b-\u0650\u0652]")


def _stressed_verb(left_word: str) -> bool:
    """A word whose written shadda falls on its second root letter (فعّل، شيّر، بنركّب،
    غيّرلي) is a verb of the second form, whatever the lexicon reads in its bare letters
    (شير، غيرلي): its object is no genitive, and a break before it is free. A feminine
    ending (حبّة، مكّة) or a long vowel after the shadda (حمّام، فعّال) marks a noun.

    >>> _stressed_verb("شيّر"), _stressed_verb("وأفعّل"), _stressed_verb("بنركّب")
    (True, True, True)
    >>> _stressed_verb("حمّام"), _stressed_verb("حبّة"), _stressed_verb("شير")
    (False, False, False)
    """
    word = _VOWEL_MARKS.sub("", left_word).rstrip("،,.!?؟:؛")
    if word.endswith(("ة", "ات")):
        return False
    return bool(_STRESSED_VERB.fullmatch(word))


def _so_then(before: str, left_word: str) -> bool:
    """إذن ("so, then") opening a clause (a line's start, after punctuation or a speaker's
    dash) draws its conclusion from what was said: it leads into the clause it opens.

    >>> _so_then("-", "إذن"), _so_then("", "اذن"), _so_then("أحتاج", "إذن")
    (True, True, False)
    """
    if ends_phrase(left_word) or _bare(left_word) not in ("إذن", "اذن", "فإذن"):
        return False
    return before == "" or ends_phrase(before) or _bare(before) in _DASH_WORDS


#: Words after which the dialect فيه / فيها is "there is" (a relative, "but", "became").
_BEFORE_THERE_IS = frozenset({"اللي", "الي", "إللي", "يلي", "لكن", "ولكن", "بقى", "وبقى"})


def _there_is_after(before: str, left_word: str, right_word: str) -> bool:
    """فيه / فيها (وفيه، وفيها) after a relative (اللي), لكن or بقى, or opening a clause
    (a line's start, after punctuation): the dialect "there is", bound to the indefinite
    noun it introduces (اللي فيه | غلطات، لكن فيها | عيوب). Round 10's `_there_is` takes
    فيه / وفيه alone; after a noun or a verb فيها is as often "in it".

    >>> _there_is_after("اللي", "فيها", "عيوب"), _there_is_after("الشاشة،", "وفيها", "خدوش")
    (True, True)
    >>> _there_is_after("حطيت", "فيها", "سكر"), _there_is_after("لكن", "فيها", "أحلى")
    (False, False)
    """
    left = _bare(left_word)
    if ends_phrase(left_word) or left not in ("فيه", "فيها", "وفيه", "وفيها"):
        return False
    if not (before == "" or ends_phrase(before) or _bare(before) in _BEFORE_THERE_IS):
        return False
    return _existential_noun(right_word)


def _existential_noun(right_word: str) -> bool:
    """The indefinite noun an existential فيه / فيها introduces: no function word, adverb,
    definite word, elative or verb (فيه | ضمان, not فيه | الكتاب or فيها | سكرت).

    >>> _existential_noun("ضمان"), _existential_noun("الكتاب")
    (True, False)
    """
    lex = lexicon()
    right = _bare(right_word)
    if right in lex.stopwords or right in lex.adverbs or _definite_any(right) or _elative(right):
        return False
    return not (looks_verb(right) or _clause_verb(right, lex))


#: Particles of doubt, hope and condition that open a clause (ربما "perhaps", عسى "may it
#: be", بشرط "provided that"): never the last word of a line.
_CLAUSE_PARTICLES = frozenset({"ربما", "وربما", "فربما", "عسى", "فعسى", "بشرط", "وبشرط"})
#: دام conjugated after ما ("as long as you / we / she ..."): round 10's `_as_long_as`
#: took the third person masculine alone.
_DAAM_FORMS = frozenset({"دام", "دمت", "دمتم", "دمتي", "دمنا", "دامت", "داموا"})


def _particle_or_formula(before: str, left_word: str, right_word: str) -> bool:
    """A clause-opening particle (ربما، عسى، بشرط), ما with a conjugated دام ("as long as",
    ما | دمت، ما دمت | هنا) or إن شاء الله: each needs the words after it.

    >>> _particle_or_formula("", "ربما", "نسيت"), _particle_or_formula("غريبا", "ما", "دمتم")
    (True, True)
    >>> _particle_or_formula("ما", "دمنا", "معا"), _particle_or_formula("إن", "شاء", "الله")
    (True, True)
    >>> _particle_or_formula("", "ما", "قلته")
    False
    """
    if ends_phrase(left_word):
        return False
    left, right = _bare(left_word), _bare(right_word)
    if left in _CLAUSE_PARTICLES:
        return True
    if left in ("ما", "وما", "فما") and right in _DAAM_FORMS:
        return True
    if left in _DAAM_FORMS and _bare(before) in ("ما", "وما", "فما") and not ends_phrase(before):
        return True
    return left == "شاء" and right == "الله" and _bare(before) in ("إن", "ان", "لو")


#: Near demonstratives of the standard and the dialects (هذي Gulf, هاد / هيدا Levantine).
_THIS_WORDS = frozenset({"هذا", "هذه", "هذي", "هاد", "هادا", "هادي", "هيدا", "هيدي", "ده", "دي"})


def _and_this(before: str, left_word: str, right_word: str) -> bool:
    """و / ف + a demonstrative opening a clause (a line's start, after punctuation or a
    speaker's dash) is the clause's subject and needs what follows: ساعتين، وهذا | كثير؛
    وهذي | أرخص. An adverb after it (وهذا بالضبط) closes it.

    >>> _and_this("بالليل،", "وهذي", "أحلى"), _and_this("", "فهاد", "ما")
    (True, True)
    >>> _and_this("شفت", "وهذا", "البيت"), _and_this("", "وهذا", "بالضبط")
    (False, False)
    """
    left = _bare(left_word)
    if ends_phrase(left_word) or left[:1] not in "وف" or left[1:] not in _THIS_WORDS:
        return False
    if not (before == "" or ends_phrase(before) or _bare(before) in _DASH_WORDS):
        return False
    return _bare(right_word) not in lexicon().adverbs


_THIS_PREFIX = re.compile("[وفبل]?هال[\u0621-\u064a]{3,}")


def _this_prefixed(left_word: str, right_word: str) -> bool:
    """The Levantine and Gulf هال- ("this", هالفيديو) makes its noun definite: no
    indefinite word after it completes it or qualifies it (من هالمواقع | إكسسوارات).
    A definite adjective after it still agrees (هالفيديو | الجديد).

    >>> _this_prefixed("بهالمحل", "أسعار"), _this_prefixed("هالموبايل", "الجديد")
    (True, False)
    """
    right = _bare(right_word)
    if ends_phrase(left_word) or _definite_any(right) or right in lexicon().numerals:
        return False
    return bool(_THIS_PREFIX.fullmatch(_bare(left_word)))


def _this_prefixed_adjective(left_word: str, right_word: str) -> bool:
    """A definite adjective after a هال- noun qualifies it (هالموبايل | الجديد).

    >>> _this_prefixed_adjective("هالموبايل", "الجديد"), _this_prefixed_adjective("هالموبايل", "البيت")
    (True, False)
    """
    right = _bare(right_word)
    if ends_phrase(left_word) or not _THIS_PREFIX.fullmatch(_bare(left_word)):
        return False
    return _definite_bare(right) and _is_adjective(right, lexicon(), definite=True)


def _latin_subject(before: str, left_word: str, right_word: str) -> bool:
    """A definite Latin term (after a detached الـ, or a capitalised name of two words:
    Face ID، YouTube Kids) before an indefinite Arabic word: the Arabic word is its
    predicate, not its adjective (الـ storage | مليان "the storage is full"). A definite
    Arabic adjective or a demonstrative after it still qualifies it (الـ IPTV | الرخيص).

    >>> _latin_subject("الـ", "battery", "ضعيفة"), _latin_subject("Google", "Maps", "بطيء")
    (True, True)
    >>> _latin_subject("الـ", "router", "الجديد"), _latin_subject("air", "fryer", "جديد")
    (False, False)
    """
    prev, left, right = _bare(before), _bare(left_word), _bare(right_word)
    if not _is_latin(left) or _is_latin(right) or ends_phrase(before) or ends_phrase(left_word):
        return False
    if _definite_any(right) or right in _THIS_WORDS or right in ("دا", "دول"):
        return False
    named = _is_latin(prev) and before[:1].isupper() and left_word[:1].isupper()
    return prev == "ال" or named


def _dialect_rounds(
    found: Category | None, before: str, left_word: str, right_word: str
) -> Category | Literal["free"] | None:
    """Rounds 11 to 15 (dialect) with the word before, in that order (`_in_context`)."""
    later = _round11_in_context(found, before, left_word, right_word)
    later = later if later is not None else _round12_dialect(found, before, left_word, right_word)
    later = later if later is not None else _round13_dialect(found, left_word, right_word)
    later = later if later is not None else _round14_dialect(found, before, left_word, right_word)
    return later if later is not None else _round15_dialect(found, before, left_word, right_word)


def _round11_in_context(
    found: Category | None, before: str, left_word: str, right_word: str
) -> Category | Literal["free"] | None:
    """Round 11 (dialect) with the word before: a unit (its category), ``"free"`` where the
    context closes the pair's unit, None where round 11 says nothing (`_in_context`)."""
    if found in (None, "number") and _model_series(before, left_word, right_word):
        return "name"  # Ryzen 5 | 7600، Core i7 | 13700: a product's series and model
    if found is None:
        if _so_then(before, left_word):
            return "binding"  # - إذن | نبيع البيت: "so" opening a reply binds to it
        if _there_is_after(before, left_word, right_word):
            return "binding"  # اللي فيه | مقاومة، لكن فيها | مشاكل: "there is"
        if _particle_or_formula(before, left_word, right_word):
            return "binding"  # ربما | كانت، ما دمت | حيا، إن شاء | الله
        if _and_this(before, left_word, right_word):
            return "binding"  # ليلة، وهذا | شي كبير: و + a demonstrative opens its clause
        return None
    if found == "idafa" and _this_prefixed_adjective(left_word, right_word):
        return "noun-adjective"  # هالموبايل | الجديد: the adjective of a هال- noun
    return "free" if _round11_free(found, before, left_word, right_word) else None


def _round11_free(found: Category, before: str, left_word: str, right_word: str) -> bool:
    """The units of the pair rules that round 11 (dialect) finds closed (`_in_context`)."""
    if found in ("idafa", "noun-adjective", "name") and _stressed_verb(left_word):
        return True  # شيّر | الرحلة، غيّرلي | تجربة: a verb its written shadda shows
    if found in _UNITS_AND_IDAFA and _this_prefixed(left_word, right_word):
        return True  # هالفيديو | إلكن، هالمواقع | إكسسوارات: a noun هال made definite
    if found == "noun-adjective" and _latin_subject(before, left_word, right_word):
        return True  # الـ storage | مليان، Face ID | شغال: a definite term, then its predicate
    if _many_after(before, left_word, right_word):
        return True  # ناس كتير | فاكرة، بتكتب كتير | زيي: "many" closes its phrase
    if _bare(left_word) in _LIKE_THIS and not ends_phrase(left_word):
        return True  # عشان كده | ناس كتير، وغير كذا | هو: "like this" is a whole adverb
    if found == "number" and _bare(left_word) in _FOR_EXAMPLE:
        return True  # ائتمان، مثلا | 50 دولار: "for example" counts nothing
    # iPhone 14 | في، RTX 4060 | لأنو: a product's model number counts nothing
    return found == "number" and _model_number(before, left_word, right_word)


def _model_series(before: str, left_word: str, right_word: str) -> bool:
    """A Latin product name, a series number and a model number (Ryzen 5 7600، Galaxy
    S 24): the numbers after the name are all its name.

    >>> _model_series("Ryzen", "7", "7800X3D"), _model_series("اشتريت", "3", "1000")
    (True, False)
    """
    if ends_phrase(before) or ends_phrase(left_word) or not before[:1].isalpha():
        return False
    right = _bare(right_word)
    code = right.isascii() and right.isalnum() and right[:1].isdigit()
    return _is_latin(_bare(before)) and _bare(left_word).isdigit() and code


def _many_after(before: str, left_word: str, right_word: str) -> bool:
    """كتير / كثير after a noun or a verb ("many", "a lot") closes what it qualifies: the
    next word starts anew (ناس كتير | فاكرة "many people think"). Opening a line, after a
    preposition (في كتير ناس) or before من ("many of") it heads what follows.

    >>> _many_after("رسايل", "كتير", "وصلتني"), _many_after("في", "كتير", "ناس")
    (True, False)
    >>> _many_after("ناس", "كتير", "منكم")
    False
    """
    if ends_phrase(left_word) or ends_phrase(before) or _bare(left_word) not in ("كتير", "كثير"):
        return False
    prev, right = _bare(before), _bare(right_word)
    if not prev or prev in lexicon().stopwords or _is_latin(prev) or _DIGITS.match(prev):
        return False
    return not right.startswith("من")


#: The dialect "like this, so" (Egyptian كده، Gulf كذا، Levantine هيك): a whole adverb
#: that closes its phrase (عشان كده "that's why", من غير كذا "besides that"); not the
#: standard وكذا "as well as", which takes the noun after it.
_LIKE_THIS = frozenset({"كده", "كدا", "كدة", "كذا", "وكده", "هيك", "وهيك", "فهيك"})


#: "For example" (standard and dialect spellings): it introduces an example, a number as
#: any other, and is no word a number counts (unlike تقريبا, which binds to its number).
_FOR_EXAMPLE = frozenset({"مثلا", "ومثلا", "فمثلا"})


def _model_number(before: str, left_word: str, right_word: str) -> bool:
    """A number after a Latin product name (iPhone 14، RTX 4060، Model 3) is the name's
    model, not a count: the Arabic word after it starts the sentence's next part.

    >>> _model_number("Galaxy", "24", "نزل"), _model_number("Xbox", "360", "بسعر")
    (True, True)
    >>> _model_number("اشتريت", "3", "كتب"), _model_number("Pixel", "10", "GB")
    (False, False)
    """
    prev, right = _bare(before), _bare(right_word)
    if not _is_latin(prev) or ends_phrase(before) or not _bare(left_word).isdigit():
        return False
    return bool(_ARABIC_LETTER.search(right)) and right not in lexicon().numerals


def _dialect_unit_in_context(before: str, left_word: str, right_word: str) -> Category | None:
    """The units of round 10 (dialect) that the word before reveals, where the pair rules
    found none (`_in_context`)."""
    if _for_the_sake_of(before, left_word):
        return "idafa"  # من أجل | مال أبيك: the compound preposition and its complement
    if _unit_of(before, left_word, right_word):
        return "idafa"  # 4000 ساعة | مشاهدة: a counted unit and what it measures
    if _this_is_what(before, left_word, right_word):
        return "binding"  # وهذا | ما يفسر، - هذا | يعني أن: the pronoun opens its clause
    if _there_is(before, left_word, right_word):
        return "binding"  # وفيه | مسار ثاني، فيه | قاعدة مشهورة: "there is", opening a clause
    if _company_name(before, left_word, right_word):
        return "name"  # شركة الريان | للشحن: the company's name goes on with its trade
    if _as_long_as(before, left_word):
        return "binding"  # ما دام | فينا رجل: "as long as" opens its clause
    if _bare(left_word) in ("ده", "دي") and _bare(before) in _ASKING and not ends_phrase(left_word):
        return "binding"  # ليه ده | بيحصل؟، هل ده | وقت كويس: the subject of the question
    return None


#: Interrogatives before which ده / دي is the question's subject (ليه ده بيحصل؟).
_ASKING = frozenset({"هل", "وهل", "ليه", "ليش", "إيه", "ايه", "إزاي", "ازاي", "كيف", "شو"})


def _dialect_free_in_context(found: str, before: str, left_word: str, right_word: str) -> bool:
    """The units of the pair rules that round 10 (dialect) finds closed by the word before
    (`_in_context`)."""
    if _between_terms(before, left_word, right_word):
        return True  # بين الثامنة | والتاسعة: the second term of بين is conjoined
    if _addressed(before, left_word):
        return True  # يا بنتي | الدنيا، يا جماعة | اليوم: the vocative is complete
    if _after_its_noun(before, left_word):
        return True  # الروبوت ده | مش هيعرف: the demonstrative closes its noun phrase
    if found == "binding" and _kana_after_where(before, left_word):
        return True  # أين كنت | طوال الليل؟: "where" is كان's predicate, the verb is complete
    # أول شي | شوف: "first thing", an adverb; the clause follows
    return found in ("idafa", "noun-adjective") and _first_thing(before, left_word, right_word)


#: The dialect "thing" after an elative: أول شي، أهم حاجة ("first thing", "the main thing").
_THING = frozenset({"شي", "شيء", "حاجة"})
_THING_ELATIVES = frozenset({"أول", "أهم", "آخر", "أحسن", "أفضل"})


#: Collective words of address (يا جماعة، يا شباب، يا بنات), complete after يا.
_ADDRESS_WORDS = frozenset({"جماعة", "شباب", "بنات", "ناس", "رجالة"})


def _addressed(before: str, left_word: str) -> bool:
    """After يا, a kinship noun with its pronoun (يا بنتي) or a collective word of address
    (يا جماعة): the vocative is complete, and what follows opens the sentence (يا جماعة |
    الاجتماع اتأجل). A title (يا أستاذ | عماد), a construct's head (يا أهل | المدينة) or a
    first name, which a second name may follow, still needs the next word.

    >>> _addressed("يا", "جماعة"), _addressed("يا", "بنتي"), _addressed("يا", "أهل")
    (True, True, False)
    """
    if _bare(before) not in ("يا", "ويا") or ends_phrase(left_word):
        return False
    left = _bare(left_word)
    return bool(_KIN.fullmatch(left)) or left in _ADDRESS_WORDS


def _between_terms(before: str, left_word: str, right_word: str) -> bool:
    """After بين, a definite first term and the و + definite second term (بين الثامنة
    والتاسعة، بين القاهرة والإسكندرية): two conjoined terms, not a noun and its adjective;
    the break before و is free (a numeric range, بين 12 و16, stays a number).

    >>> _between_terms("بين", "العاشرة", "والحادية"), _between_terms("في", "العاشرة", "والحادية")
    (True, False)
    """
    if _bare(before) not in ("بين", "وبين") or ends_phrase(before):
        return False
    return _definite_bare(_bare(left_word)) and _bare(right_word).startswith("وال")


def _after_its_noun(before: str, left_word: str) -> bool:
    """The Egyptian demonstratives ده / دي after a definite noun (الفيديو ده) or a verb
    (بيعمل ده): they close the noun phrase or are the verb's object, and what follows (a
    predicate, an adverb) may start the next line. Not دول, also "countries" (تضم دول |
    الخليج is a construct).

    >>> _after_its_noun("الموديل", "ده"), _after_its_noun("بيعمل", "ده"), _after_its_noun("", "ده")
    (True, True, False)
    """
    if ends_phrase(before) or ends_phrase(left_word) or _bare(left_word) not in ("ده", "دي"):
        return False
    prev = _bare(before)
    if _is_latin(prev) or prev in lexicon().stopwords:
        return False
    return _definite_bare(prev) or looks_verb(prev)


#: Interrogatives of place and time, which are كان's predicate (أين كنت، إمتى كانت).
_WHERE_WHEN = frozenset({"أين", "وأين", "فأين", "وين", "فين", "متى", "إمتى", "امتى"})
_KANA_FORMS = frozenset(
    {"كنت", "كان", "كانت", "كنا", "كانوا", "كنتم", "كنتي", "كنتوا", "كنتما", "كانتا"}
)


def _kana_after_where(before: str, left_word: str) -> bool:
    """كان after أين / متى (وين، فين، إمتى): the interrogative is its predicate, so the verb
    is complete and what follows (طوال الليل، بين الثامنة والتاسعة) may start a line;
    after كيف it is not (كيف كان | شكله).

    >>> _kana_after_where("أين", "كنت"), _kana_after_where("كيف", "كان")
    (True, False)
    """
    return _bare(before) in _WHERE_WHEN and _bare(left_word) in _KANA_FORMS


def _first_thing(before: str, left_word: str, right_word: str) -> bool:
    """شي / حاجة after أول، أهم، آخر …: "(the) first thing", an adverbial phrase that the
    elative's construct closes; what follows starts the clause (أول شي | شوف الـ Battery)
    unless it is an adjective the lexicon knows only as one (أهم شي | مهم).

    >>> _first_thing("أول", "شي", "شوف"), _first_thing("وأهم", "حاجة", "الصبر")
    (True, True)
    >>> _first_thing("هذا", "شي", "شوف")
    False
    """
    if ends_phrase(before) or _bare(left_word) not in _THING:
        return False
    head = _bare(before)
    if head not in _THING_ELATIVES and not (head[:1] in "وف" and head[1:] in _THING_ELATIVES):
        return False
    return lexicon_classes(_bare(right_word)) != "A"


def _for_the_sake_of(before: str, left_word: str) -> bool:
    """أجل after من (من أجل "for the sake of"), or لأجل: a compound preposition whose
    complement completes it; أجل alone is also "yes", which closes (أجل، | سأذهب).

    >>> _for_the_sake_of("من", "أجل"), _for_the_sake_of("", "لأجل"), _for_the_sake_of("", "أجل")
    (True, True, False)
    """
    if ends_phrase(left_word) or ends_phrase(before):
        return False
    left = _bare(left_word)
    return left in ("لأجل", "ولأجل") or (left == "أجل" and _bare(before) in ("من", "ومن"))


def _unit_of(before: str, left_word: str, right_word: str) -> bool:
    """After a number, the unit it counts and an indefinite noun the lexicon knows only as
    a noun: the unit measures that noun (3 لتر بنزين، 4000 ساعة مشاهدة).

    >>> _unit_of("3", "لتر", "بنزين"), _unit_of("4000", "ساعة", "مشاهدة")
    (True, True)
    >>> _unit_of("5", "دولار", "بس"), _unit_of("الفيديو", "مل", "ماي")
    (False, False)
    """
    if not _DIGITS.match(_bare(before)) or _year(_bare(before)) or ends_phrase(left_word):
        return False
    lex = lexicon()
    right = _bare(right_word)
    if right in lex.stopwords or _definite_any(right) or looks_verb(right):
        return False
    if _is_latin(_bare(left_word)) or right in lex.adverbs or is_nisba(right):
        return False
    return lexicon_classes(right) == "N" or (right.endswith("ة") and "N" in lexicon_classes(right))


def _this_is_what(before: str, left_word: str, right_word: str) -> bool:
    """A demonstrative opening a clause (a line's start, after punctuation or a speaker's
    dash), then ما or يعني: وهذا ما (يفسر)، هذا يعني: said as one, they announce what
    follows. After a word (كان هذا | ما، فهذا after a number) the pair is left to the
    other rules.

    >>> _this_is_what("", "وهذا", "ما"), _this_is_what("-", "هذا", "يعني")
    (True, True)
    >>> _this_is_what("كان", "هذا", "ما")
    False
    """
    if ends_phrase(left_word) or _bare(right_word) not in ("ما", "يعني"):
        return False
    opens = before == "" or ends_phrase(before) or _bare(before) in _DASH_WORDS
    return opens and _bare(left_word) in _NEAR_DEMONSTRATIVES


def _there_is(before: str, left_word: str, right_word: str) -> bool:
    """The dialect فيه ("there is") opening a clause, at a line's start or with و (وفيه),
    before an indefinite noun: it binds to the noun it introduces. فيها and a فيه after a
    word inside the clause are as often "in it" (`_existential` takes those beside Latin
    words only).

    >>> _there_is("", "فيه", "قاعدة"), _there_is("الشهر", "وفيه", "مسلسلات")
    (True, True)
    >>> _there_is("يعمل", "فيه", "طلاب"), _there_is("", "فيه", "الكثير")
    (False, False)
    """
    left = _bare(left_word)
    if ends_phrase(left_word) or not (left == "وفيه" or (left == "فيه" and before == "")):
        return False
    lex = lexicon()
    right = _bare(right_word)
    if right in lex.stopwords or _definite_any(right) or _is_latin(right) or _DIGITS.match(right):
        return False
    return not (looks_verb(right) or _clause_verb(right, lex) or right in lex.adverbs)


#: Bodies whose names add their trade with لل: شركة النور للاستيراد، مؤسسة الأمل للتنمية.
_BODIES = frozenset({"شركة", "مؤسسة", "مجموعة", "مصنع", "مكتب", "مركز", "جمعية", "وكالة", "دار"})


def _company_name(before: str, left_word: str, right_word: str) -> bool:
    """A body's name given with the article (شركة الريان) and then its trade with لل
    (للشحن، للمقاولات): one name, as شركة قطر للطاقة is.

    >>> _company_name("شركة", "الريان", "للشحن"), _company_name("لشركة", "النخبة", "للمقاولات")
    (True, True)
    >>> _company_name("مصنع", "صغير", "للغذاء"), _company_name("الشركة", "الريان", "للشحن")
    (False, False)
    """
    if ends_phrase(before) or ends_phrase(left_word) or not _bare(right_word).startswith("لل"):
        return False
    head = _bare(before)
    if not any(form in _BODIES for form in _strip_prefix(head)):
        return False
    return _definite_bare(_bare(left_word)) and len(_bare(right_word)) >= 5


def _as_long_as(before: str, left_word: str) -> bool:
    """دام after ما (or مادام written as one word): "as long as", a subordinator that the
    clause after it completes, like طالما.

    >>> _as_long_as("ما", "دام"), _as_long_as("", "مادام"), _as_long_as("الذي", "دام")
    (True, True, False)
    """
    if ends_phrase(left_word) or ends_phrase(before):
        return False
    left = _bare(left_word)
    return left in ("مادام", "طالما") or (left == "دام" and _bare(before) in ("ما", "وما", "فما"))


def _existential(before: str, left_word: str, right_word: str) -> bool:
    """Dialect فيه / فيها "there is" beside a borrowed (Latin) name or term.

    After a brand name it says what the product has (Canva فيه | آلاف القوالب), before a
    Latin term what there is (التذكرة فيها | QR code); the noun after it completes it.
    After a verb it is "in it" (يعمل فيه طلاب) and ends the verb's phrase.
    """
    if ends_phrase(left_word) or _bare(left_word) not in ("فيه", "فيها", "وفيه", "وفيها"):
        return False
    lex = lexicon()
    prev, right = _bare(before), _bare(right_word)
    if not (_is_latin(prev) or _is_latin(right)) or right in lex.stopwords:
        return False
    if right in lex.adverbs or _definite_any(right) or looks_verb(right):
        return False
    verb_before = bool(prev) and (looks_verb(prev) or _clause_verb(prev, lex))
    return not (_clause_verb(right, lex) or verb_before)


def _noun_in_context(
    before: str, left_word: str, right_word: str, after_mark: bool
) -> Category | None:
    """A unit the pair rules miss that the word before reveals (`_in_context`)."""
    if _bare(left_word) == "بس" and (before == "" or after_mark) and not ends_phrase(left_word):
        return "binding"  # بس المشكلة: "but" opening a clause ("only" closes one: 5 دولار بس)
    if _ARABIC_LETTER.search(before) and _latin_term(left_word, right_word):
        return "name" if right_word[:1].isupper() else "idafa"
    lex = lexicon()
    if _named_field(before, left_word, right_word, lex):
        return "name"
    if _class_nisba_name(before, left_word, right_word, lex):
        return "name"
    if _tafaaul_noun(before, left_word, right_word, lex):
        return "idafa"
    if _attached_object(left_word, right_word, lex):
        return "idafa"  # بتراجع | التضخم، لضمان | وصول: ب / ل and a noun its complement completes
    if _bare(before) not in _NOUN_PREPOSITIONS or ends_phrase(before):
        return None
    if _masdar_by_shape(_bare(left_word), lex) and _completes(_bare(right_word), lex):
        return "idafa"
    if _object_of_preposition(_bare(left_word), _bare(right_word), lex):
        return "idafa"
    return None


def _attached_object(left_word: str, right_word: str, lex: Lexicon) -> bool:
    """ب / ل written on a bare noun: the noun is a preposition's object, as after في.

    بتراجع التضخم، لضمان وصول المساعدات، بمشاركة أكثر من: the attached preposition leaves
    its noun without article, pronoun or tanwin, so (unless an adjective follows) the next
    noun completes it, as `_noun_in_context` reads a noun after a detached preposition.
    """
    left = _bare(left_word)
    if left[:1] in "وف" and len(left) > 4:
        left = left[1:]
    if left[:1] not in "بل" or len(left) < 4 or left[1:3] == "ال" or left[1:2] == "ل":
        return False
    if left in lex.stopwords or lexicon_classes(left):
        return False  # بطولة، لقب: a word the lexicon knows whole, no preposition
    rest = left[1:]
    known = lexicon_classes(rest)
    if rest in lex.stopwords or "N" not in known or has_pronoun_suffix(rest):
        return False  # وبنكه: a noun with its pronoun is complete
    if rest[:1] in "يتنأ" and "V" in known and not _TAFAAUL.fullmatch(rest):
        return False  # بتدعم، بتطلع، لتشكل: the Egyptian بـ or the لـ of purpose on an imperfect
    if left[:1] == "ب" and rest[:1] == "ا" and _bare(right_word) in _QUANTIFIERS:
        return False  # باستمرار | كل تحديث، بانتظام: a manner adverb, then a new subject
    return _in_context("في", rest, right_word) == "idafa"


def _object_of_preposition(left: str, right: str, lex: Lexicon) -> bool:
    """An indefinite noun after a preposition, then a noun: the construct's head (في جنوب | أوروبا).

    After في، من، على … a noun with no article, no pronoun and no tanwin is in the genitive and,
    unless an adjective follows, is completed by the next noun: nothing else can follow it.
    """
    if left in lex.stopwords or _definite_any(left) or has_pronoun_suffix(left) or accusative(left):
        return False
    if looks_verb(left) or left in lex.name_words or left in lex.proper_nouns or _is_latin(left):
        return False
    if left[:1] in "وف" or _DIGITS.match(left) or left in lex.numerals or left in lex.adverbs:
        return False
    if _suffixed_noun(left) or left.endswith(("ين", "ان")) or "N" not in lexicon_classes(left):
        return False  # مكتبه، ساعتين، أستراليا: a complete noun, a dual, a name no list knows
    if not _noun_follows(right, lex):
        return False
    shaped = adjective_shape(right) and "A" in lexicon_classes(right)
    return not (_is_adjective(right, lex, _definite_bare(right)) or shaped)


_QUANTIFIERS = frozenset({"كل", "بعض", "أي", "جميع", "معظم", "أغلب", "كافة"})


def _noun_follows(right: str, lex: Lexicon) -> bool:
    """A word that can complete a construct: a noun, a quantifier or a demonstrative.

    Not a function word, a verb, a number, a word with the article after a preposition
    (للادخار، بالعام) or a preposition prefixed to a word the lexicon knows (بنسبة).
    """
    if right in lex.adverbs or _DIGITS.match(right) or looks_verb(right) or verb_only(right):
        return False
    if right.startswith(("لل", "بال", "كال", "وال", "فال")):
        return False
    whole = lexicon_classes(right)
    prefixed = right[:1] in "بلك" and len(right) > 3 and not whole
    if prefixed and (lexicon_classes(right[1:]) or has_pronoun_suffix(right)):
        return False  # بنسبة، لقناتنا: a preposition and its noun
    if right[:1] in "وف" and not any(right.startswith(root) for root in lex.waw_initial):
        return False  # وكردفان: a conjoined word
    if right in lex.stopwords:
        return right in _QUANTIFIERS or right in lex.demonstratives
    return "N" in whole and not _governs(right, lex)


_TAFAAUL = re.compile(
    r"ت[^اويةء\s]ا[^اويةء\s]{2}"
)  # تراجع، تراكم، تبادل (تفعّل is an imperfect too)


def _tafaaul_noun(before: str, left_word: str, right_word: str, lex: Lexicon) -> bool:
    """A تفعّل / تفاعل word read as a verbal noun by the word before: أظهرت النتائج تقدم | مرشح.

    The shape is both a past verb and its verbal noun. After a noun or an adjective (no
    verb, no function word, no mark) a verb would need its own subject next; read as the
    verbal noun it is the subject or object of the clause, and the noun after it completes it.
    After إن / أن the verb would be read without its pronoun: a verbal noun too.
    """
    if ends_phrase(before) or ends_phrase(left_word) or not before:
        return False
    left = _bare(left_word)
    right = _bare(right_word)
    if not _TAFAAUL.fullmatch(left) or "N" not in lexicon_classes(left):
        return False
    prior = _bare(before)
    if prior not in ("إن", "أن", "لأن"):
        if prior in lex.stopwords or looks_verb(prior) or _clause_verb(prior, lex):
            return False
        if prior[:1] in "وف" or _DIGITS.match(prior) or _is_latin(prior):
            return False
    if _definite_bare(right):
        stem = strip_article(right)[1]
        adjective = _is_adjective(right, lex, definite=True) or adjective_shape(stem)
        return not adjective and right not in lex.stopwords
    return _noun_follows(right, lex) and "N" in lexicon_classes(right)


def _class_nisba_name(before: str, left_word: str, right_word: str, lex: Lexicon) -> bool:
    """A class noun, its nationality, then the name: العاصمة الكينية | نيروبي.

    The nisba qualifies the class noun before it (agreeing in gender); a word after them
    that is a known place, or one the lexicon does not know, or a definite word that is no
    adjective, is the name the two introduce.
    """
    if ends_phrase(before) or ends_phrase(left_word) or not _class_noun(_bare(before), lex):
        return False
    left = _bare(left_word)
    right = _bare(right_word)
    nisba = _definite_bare(left) and left.endswith(("ي", "ية")) and _nisba(left[2:])
    if not nisba or (left.endswith("ة") != _bare(before).endswith("ة")):
        return False
    if right in lex.stopwords or looks_verb(right) or _governs(right, lex) or _is_latin(right):
        return False
    if _suffixed_noun(right) or right.endswith("ه"):
        return False  # التطبيق التاني | اسمه: a word with a pronoun is no name
    if right[:1] in "وفبلك" and not right.startswith("ال"):
        # بكين، كوالالمبور: a prefix only when what follows it is a word the lexicon knows
        known = lexicon_classes(right) or lexicon_classes(right[1:])
        return right in lex.proper_nouns or not (known or right.startswith(("لل", "بال")))
    definite, stem = strip_article(right)
    if right in lex.proper_nouns or (not definite and not lexicon_classes(stem)):
        return True  # نيروبي، ليما: a place, or a word no list knows
    adjective = _is_adjective(right, lex, definite=True) or adjective_shape(stem)
    return definite and not adjective


def _named_field(before: str, left_word: str, right_word: str, lex: Lexicon) -> bool:
    """A class noun, its name, and the field the name goes on with: شركة الريان | للشحن.

    The لـ phrase after a company's or a prize's name is part of the name (جائزة نوبل
    للسلام، شركة الوفاء لتأجير السيارات); after an adjective (الشركة الوطنية | للنفط) or a
    known place (منتخب زامبيا | للسيدات) it is a phrase of its own.
    """
    if ends_phrase(before) or ends_phrase(left_word) or not _class_noun(_bare(before), lex):
        return False
    left = _bare(left_word)
    right = _bare(right_word)
    if right[:1] != "ل" or len(right) <= 3 or right in lex.stopwords or _suffixed_noun(right):
        return False
    stem = strip_article(left)[1]
    if adjective_shape(stem) or _is_adjective(left, lex, definite=_definite_bare(left)):
        return False
    return left not in lex.proper_nouns and not _is_latin(left) and not _DIGITS.match(left)


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def _latin_term(left_word: str, right_word: str) -> bool:
    """Two Latin words that an Arabic sentence borrows as one term (الـ disc drive، PS5 Pro).

    In Arabic text English words come in as names and terms, not as English syntax, so
    two content words in a row (no function word, no punctuation between) are one unit.
    """
    left = _bare(left_word)
    right = _bare(right_word)
    if ends_phrase(left_word) or not (_is_latin(left) and _is_latin(right)):
        return False
    if not (left.isalnum() and right.isalpha()):
        return False
    lex = lexicon()
    return left not in lex.stopwords and right not in lex.stopwords


def _masdar_by_shape(left: str, lex: Lexicon) -> bool:
    """A verb-shaped word that a preposition before it shows to be a verbal noun (تراجع، ترك)."""
    if not looks_verb(left) or left.startswith(("ي", "ن", "س")) or _suffixed_noun(left):
        return False
    return left not in lex.stopwords


def _completes(right: str, lex: Lexicon) -> bool:
    """A word that can complete a verbal noun: a noun, not a function word, verb or new phrase."""
    if right in lex.stopwords or _governs(right, lex) or right[:1] in "وف" or looks_verb(right):
        return False
    return not (right[:1] in "بل" and not right.startswith("لل"))


def _clause_verb(bare: str, lex: Lexicon) -> bool:
    """A word the lexicon or the verb list knows as a verb, read as one opening a clause.

    Not a function word or an elative (أول، أشهر).
    """
    if bare in lex.stopwords or _elative(bare) or len(bare) < 2:
        return False
    return "V" in lexicon_classes(bare) or bare in known_verbs()


_ELLIPSIS = ("...", "..", "…")


def _marked_gap(left_word: str, right_word: str) -> str:
    """The mark a subtitler typed at this gap: ``"open"``, ``"ellipsis"``, ``"mark"`` or ``""``.

    A quote or a bracket at the end of the left word or at the start of the right one,
    or an ellipsis opening the right word ("...مقاتلاً": subtitlers start a continued
    line with it, and visual-order files put a line's final marks first) is a boundary
    the subtitler chose. Only an opening quote or bracket before the right word, with
    the left word bare, is a logical-order quotation that a preposition may still govern
    (في «المنزل»): ``"open"``.

    >>> _marked_gap('جاندي"', '"طالباً'), _marked_gap("أخرى", "...مقاتلاً"), _marked_gap("في", "«المنزل»")
    ('mark', 'ellipsis', 'open')
    """
    core = without_invisible(right_word)
    if core.startswith(_ELLIPSIS):
        return "ellipsis"
    left_core = without_invisible(left_word)
    if left_core[-1:] in _OPENERS + _CLOSERS:
        return "mark"
    if core[:1] in _CLOSERS and core[:1] not in _OPENERS:
        return "mark"  # a closing bracket first: visual order
    if core[:1] in _OPENERS:
        return "open"
    return ""


def _across_mark(left: str, right: str, marked: str, lex: Lexicon) -> Category | None:
    """A break at a subtitler's mark: only a function word still binds across a quote.

    After an ellipsis a class noun or a title still takes its name (جزيرة ...بارادي: the
    ellipsis of a visual-order file belongs to the end of the second line).
    """
    if marked == "open":
        return "binding" if _binds(left, right, lex) else None
    if marked == "ellipsis" and right:
        named = any(form in lex.class_nouns or form in lex.titles for form in _strip_prefix(left))
        if named and _unknown_word(right, lex, shaped=True):
            return "name"
    return None


def _unknown_word(bare: str, lex: Lexicon, shaped: bool = False) -> bool:
    """A word no list knows and no shape explains: after a title or a class noun, a name.

    With ``shaped`` an adjective's shape does not count as an explanation (after a
    subtitler's mark the word is a name even when it ends like a nisba: بارادي).
    """
    article = bare.startswith(("ال", "وال", "فال", "بال", "لل"))  # not كال: كاليفورنيا
    if not bare or article or _DIGITS.match(bare) or _is_latin(bare):
        return False
    if bare[0] in "وف" and not _unknown_word(bare[1:], lex, shaped):
        return False  # وصديقه، فقط: a conjunction before a known word (واتسون, فريدريش pass)
    if bare[0] in "بل" and not shaped:
        return False  # بهدفين، لمهارتي: a preposition starts a phrase (names with ب need a mark)
    if bare in lex.stopwords or _lexical_verb(bare) or _governs(bare, lex) or bare in lex.adverbs:
        return False
    if bare in lex.adjectives or accusative(bare) or _suffixed_noun(bare) or bare.endswith("ه"):
        return False
    if (bare in lex.proper_nouns or bare in lex.name_firsts) and bare not in first_names():
        return False  # دعم الاتحاد السوفييتي | كوريا: a known place is an object, not a surname
    return shaped or not (adjective_shape(bare) or _MASDAR.fullmatch(bare))


_ENDINGS = ("ة", "ات", "ين", "ون", "ان", "ا", "ي", "ية")


def _foreign(bare: str, lex: Lexicon) -> bool:
    """A word that neither the lexicon nor a list nor a shape knows: a name until shown otherwise.

    The lexicon is asked for the word, the word without one prefix (و ف ب ل ك) and
    without an ending (ة ات ين ون ان ا ي ية); an imperfect verb, a masdar or an adjective
    shape explains a word too.
    """
    if len(bare) < 3 or _is_latin(bare) or _DIGITS.match(bare) or _definite_any(bare):
        return False
    if bare in lex.stopwords or _governs(bare, lex) or bare in lex.adverbs or looks_verb(bare):
        return False
    words = [bare] + [bare[1:] for p in "وفبلك" if bare.startswith(p) and len(bare) > 3]
    forms = words + [f[: -len(end)] for f in words for end in _ENDINGS if f.endswith(end)]
    if any(lexicon_classes(form) for form in forms if len(form) >= 2):
        return False
    shaped = (adjective_shape(w) or _MASDAR.fullmatch(w) or looks_verb(w) for w in words)
    return not (any(shaped) or _suffixed_noun(bare))


def _son_of(bare: str, lex: Lexicon) -> bool:
    """A word that بن / ابن may continue as a name: a noun, not a verb, a pronoun's or a governor."""
    if not _noun_like(bare, lex) or _lexical_verb(bare) or _suffixed_noun(bare):
        return False
    return not _governs(bare, lex)


#: The months, Gregorian and Syriac (شهر مارس، شهر تموز).
_MONTHS = frozenset(
    {"يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس"}
    | {"سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان", "أيار"}
    | {"حزيران", "تموز", "آب", "أيلول", "تشرين"}
)


#: The directions without the article: a noun completes them (جنوب أوروبا، شرقي البلاد);
#: alone they take it (في الشمال) or the accusative (شمالا).
_DIRECTIONS = frozenset({"جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي"})


def _completes_direction(right: str, lex: Lexicon) -> bool:
    """A word that completes a direction: a noun or a name, no function word, verb or و."""
    if right in lex.stopwords and right not in _DIRECTIONS:
        return False
    return not (looks_verb(right) or right[:1] in "وف" or _governs(right, lex))


def _closed_class_unit(left: str, forms: list[str], right: str, lex: Lexicon) -> Category | None:
    """A closed class completed by the next word: time nouns, شهر and a month, نفس, directions."""
    if left in lex.time_nouns and _definite_bare(right) and right not in lex.stopwords:
        return "idafa"  # صباح اليوم، صباح الخير
    if left in lex.time_nouns and right in ("أمس", "الأمس", "غد", "الغد", "البارحة"):
        return "idafa"  # مساء أمس، صباح الغد
    if any(form in ("شهر", "الشهر") for form in forms) and right in _MONTHS:
        return "name"  # شهر مارس، خلال شهر أكتوبر: the month's name
    same = any(form == "نفس" for form in forms)  # نفس الباسورد: "the same" before its noun
    if same and (_definite_bare(right) or _is_latin(right)) and right not in lex.stopwords:
        return "idafa"
    if any(form in _DIRECTIONS for form in forms) and _completes_direction(right, lex):
        return "idafa"  # جنوب أوروبا، شمالي الصين، جنوب غرب البلاد
    return None


def _listed_category(
    left_word: str, right_word: str, left: str, right: str, lex: Lexicon
) -> Category | None:
    """The categories the lists decide: binding words, complements, numbers, names."""
    forms = _strip_prefix(left)
    if _binds(left, right, lex):
        elative = any(form in lex.binding and _elative(form) for form in forms)
        if elative and _noun_like(right, lex) and not looks_verb(right):
            return "idafa"  # أقل مستوى، أول طائرة: an elative and the noun that completes it
        # أكثر من stays binding: make must never break it, and من is a function word
        return "binding"
    if (right == "من" and any(form in lex.before_min for form in forms)) or (
        right == "ما" and any(form in lex.before_ma for form in forms)
    ):
        return "idafa"
    if _number_pair(left, right, lex) or _conjoined_count(left, right, lex):
        return "number"
    if _elative_construct(left, right, lex):
        return "idafa"  # أهم إنجازات، أرخص لابتوب: an elative completed by an indefinite noun
    if _name_pair(left, right, lex) or _latin_name(left_word, right_word):
        return "name"
    if _nationality_name(left, right):
        return "name"
    if right in ("بن", "ابن", "بنت") and _son_of(left, lex):
        return "name"  # الحسن بن الهيثم، قلعة ابن سلامة: a name's "son of"
    conjoined = right[:1] in "وف"  # فاسو | وكينيا: a conjunction more often than a name
    if not conjoined and _foreign(left, lex) and _foreign(right, lex):
        return _DOUBTFUL_NAME  # بوركينا فاسو، غوردون مور: two words no lexicon knows
    titled = any(form in lex.titles for form in forms + _article_form(left))
    titled_class = any(form in lex.class_nouns for form in forms)
    unknown = right not in lex.stopwords and not looks_verb(right) and not _governs(right, lex)
    unknown = unknown and (right in first_names() or not lexicon_classes(right))  # | مدينة
    if titled and unknown and not right.startswith(("ال", "و", "ف")) and not _suffixed_noun(right):
        # A title before a word no list knows: most often a name (الرئيس ماكرون), a guess.
        return _DOUBTFUL_NAME
    foreign_right = not conjoined and not right.endswith("ه") and _foreign(right, lex)
    unknown_right = _unknown_word(right, lex) or foreign_right
    if _named_by(left, lex) and unknown_right and (len(right) >= 4 or titled_class):
        # جزيرة بارادي، الفيزيائي البريطاني إرنست رذرفورد: a class noun or a nationality
        # before a word that no list knows and no shape explains: a name (a guess).
        return _DOUBTFUL_NAME
    latin_word = left_word.strip(_OPENERS + _CLOSERS)
    if _is_latin(left) and not latin_word.islower() and left.isalpha() and _model_code(right):
        return "name"  # a product and its model number: iPhone 15، Galaxy S25
    if right.startswith("ل") and any(form in lex.before_li for form in forms):
        return "idafa"  # بالنسبة للسعر
    closed = _closed_class_unit(left, forms, right, lex)
    if closed is not None:
        return closed
    if left in SUFFIXED_PREPOSITIONS and right in _EMPHATIC.get(left[-1:], ()) + _EMPHATIC.get(
        left[-2:], ()
    ):
        return "noun-adjective"  # هتروح له هو: a pronoun that stresses the suffix before it
    if right == "عدة" and _plural_noun(left, lex):
        return "noun-adjective"  # ولايات عدة، أسابيع عدة: "several" after the noun it counts
    masculine = right.endswith("ه") and left.endswith(("ة", "ات"))  # للمدينة | كله: no agreement
    if right in _EMPHASIS and _definite_any(left) and not looks_verb(left) and not masculine:
        return "noun-adjective"  # الخوارزمي نفسه، البحرية وحدها، الناس كلها: the noun's follower
    return None


def _content_category(
    left_word: str, right_word: str, left: str, right: str, lex: Lexicon
) -> Category | None:
    """Between content words: a stressed suffix, a Latin noun, then the noun pair."""
    noun = _noun_like(left, lex) or left in lex.time_nouns or left == "آخر"
    if not noun or left in lex.adverbs or right in lex.adverbs:
        return None
    if _only_verb(left) and (not _definite_any(right) or _definite_singular(right, lex)):
        return None  # أغلق مؤشر، أنقذ حياة: a perfect verb before its subject (أسهل الطرق stays)
    joined = left[:1] in "وف" and len(left) > 4 and not _noun_with_pronoun(left, lex)
    if _verb_with_object(left) or (joined and _verb_with_object(left[1:])):
        return None  # أعلنه الجهاز، وسماه كتاب: a verb and its object pronoun, then its subject
    if _defective_perfect(left):
        return None  # نجت | حكومة، قضت | المحكمة: a verb, then its subject
    if right in _ADVERBIAL_PREPOSITIONS:
        return None  # بثلاثة أهداف | مقابل هدف، قارب مهاجرين | قبالة: a new prepositional phrase
    if _possessed_adjective(left, right, lex):
        return "noun-adjective"  # مصلحته | الخاصة، لحظاتها | الأخيرة: a possessed noun's adjective
    found = _noun_pair_or_listed(left_word, right_word, left, right, lex)
    if found is None and _place_genitive(left, right, lex):
        return "idafa"  # جامعات | أوروبا، سواحل | أمريكا: a noun and the place it belongs to
    if found is None and _definite_participle(left, right, lex):
        return "noun-adjective"  # القرى | المجاورة، قواعد المنظور | الخطي
    if found is None and _accusative_agreement(left, right, lex):
        return "noun-adjective"  # سدا ترابيا، قرونا طويلة: the noun's accusative, its adjective
    if found == "noun-adjective" and _class_noun(right, lex):
        # A class noun qualifies nothing: after a name, a verb or a suffixed noun it opens a
        # phrase (ريختر | جزيرة، تراقب | منظمة), after another noun it completes it (سواحل جزيرة).
        named = _foreign(left, lex) or left in lex.name_words or left in first_names()
        definite = _definite_any(left)  # السر | الموقع: a definite word heads no construct
        if named or definite or looks_verb(left) or _suffixed_noun(left) or _plural_noun(left, lex):
            return None
        return _DOUBTFUL_IDAFA
    return found


_POSSESSIVE_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "نا", "كم")


def _possessed_stem(bare: str) -> str:
    """The noun under a possessive pronoun (مصلحته: مصلحة، لحظاتها: لحظات), or ""."""
    for suffix in _POSSESSIVE_SUFFIXES:
        stem = bare.removesuffix(suffix)
        if stem == bare or len(stem) < 3:
            continue
        if stem.endswith("ات") or (stem.endswith("ت") and "N" in lexicon_classes(stem[:-1] + "ة")):
            return stem if stem.endswith("ات") else stem[:-1] + "ة"
        return stem if "N" in lexicon_classes(stem) else ""
    return ""


def _possessed_adjective(left: str, right: str, lex: Lexicon) -> bool:
    """A noun with a possessive pronoun, then a definite adjective: the noun's adjective.

    The pronoun makes the noun definite, so a definite word after it is no construct's
    complement; one the lexicon knows as an adjective, or an ordinal, agrees with it (مصلحته
    الخاصة، لحظاتها الأخيرة، دورتها التاسعة), even where the verb shapes read the noun as a
    verb with its object (لحظاتها، خرسانتنا).
    """
    if left[:1] in "وفبلك" and not lexicon_classes(_possessed_stem(left)):
        left = left[1:]
    stem = _possessed_stem(left)
    if (
        not stem
        or not _definite_bare(right)
        or has_pronoun_suffix(right)
        or _verb_with_object(left)
    ):
        return False
    if right in lex.stopwords or (right[2:] in lex.stopwords and right[2:] != "أول"):
        return False
    adjective = right[2:] in lex.numerals or right[2:] in ("أول", "أولى")
    return adjective or _is_adjective(right, lex, definite=True)


def _place_genitive(left: str, right: str, lex: Lexicon) -> bool:
    """An indefinite noun the lexicon knows, then a place a list knows: a construct.

    Place names in ا (أوروبا، أمريكا، إيطاليا) look like the accusative ـًا, so the
    agreement rules read the pair as a mismatch; a place completes the noun before it
    (جامعات أوروبا، ملوك أوروبا، منتخب أمريكا) unless that noun is complete (a pronoun,
    the article, the accusative) or a verb.
    """
    if right not in lex.proper_nouns or right in first_names() or left in lex.stopwords:
        return False
    noun = "N" in lexicon_classes(left) or (left.endswith("ات") and len(left) >= 5)
    if not noun or looks_verb(left) or _verb_by_lexicon(left):
        return False
    return not (_definite_any(left) or _suffixed_noun(left) or accusative(left))


_FAAIL_PARTICIPLE = re.compile(r"م[^اويةء\s]ا[^اةء\s]{2}(?:ة|ون|ين|ات)?")


def _definite_participle(left: str, right: str, lex: Lexicon) -> bool:
    """A definite noun, then a definite adjective the other shapes miss: the participle
    مُفاعِل (المجاورة، المشاركة) or a nisba of a short noun (الخطي: خط، الفضي: فضة).

    Between two definite words a construct is impossible; a participle of the third form or
    a nisba agrees with the noun (مفاعلة is also a verbal noun, which a definite noun does
    not take with the article).
    """
    if not (_definite_bare(left) and _definite_bare(right)) or looks_verb(left):
        return False
    if left in lex.stopwords or right in lex.stopwords or has_pronoun_suffix(right):
        return False
    stem = right[2:]
    if _FAAIL_PARTICIPLE.fullmatch(stem):
        return True
    short = len(stem) == 3 and stem.endswith("ي")
    return short and ("N" in lexicon_classes(stem[:2]) or "N" in lexicon_classes(stem[:2] + "ة"))


#: Adverbs of place and relation that open a phrase like a preposition (a closed class the
#: stopword list leaves out): مقابل "against", قبالة "off (a coast)", إزاء، حيال "towards".
_ADVERBIAL_PREPOSITIONS = frozenset({"مقابل", "قبالة", "إزاء", "حيال"})


def _defective_perfect(bare: str) -> bool:
    """The feminine perfect of a verb whose last root letter is weak or doubled: نجت، قضت.

    نجا، قضى، رسا lose their last letter before the feminine ـت (and ضل keeps two): a
    three-letter word in ـت the lexicon does not know, whose two first letters with ا / ى
    (or alone, a doubled root) the lexicon knows only as a verb. وقت، بنت are nouns it knows.
    """
    if bare[:1] in "وف" and len(bare) == 4:
        bare = bare[1:]
    if len(bare) != 3 or not bare.endswith("ت") or lexicon_classes(bare):
        return False
    stem = bare[:2]
    return any(lexicon_classes(form) == "V" for form in (stem + "ا", stem + "ى", stem))


def _accusative_agreement(left: str, right: str, lex: Lexicon) -> bool:
    """An indefinite noun in the accusative and the adjective that agrees with it.

    The accusative alif stands on the noun (سدا، مصدرا، قرونا) and on an agreeing adjective
    whose stem the lexicon knows as one or that is a nisba (ترابيا، غنيا، أمريكيا); a word in
    ة shows no alif, and a plural of things takes a feminine singular (قرونا طويلة).
    """
    if len(left) < 3 or not left.endswith("ا") or left.endswith(("ءا", "وا")):
        return False
    stem = left[:-1]
    if left in lex.stopwords or left in lex.adverbs or "N" not in lexicon_classes(stem):
        return False
    if right in lex.stopwords or right in lex.adverbs or right in lex.proper_nouns:
        return False
    adjective = right[:-1] if right.endswith("ا") else right  # ترابيا: ترابي; طويلة
    if len(right) < 4 or right[-1:] not in "اة" or "N" in lexicon_classes(adjective):
        return False  # جوعا، وقتا: a noun in the accusative, no adjective
    if right[:1] in "وف" and lexicon_classes(adjective[1:]) and not lexicon_classes(adjective):
        return False  # وجعة: a conjoined noun
    return known_adjective(adjective) or (right.endswith("ا") and is_nisba(adjective))


def _definite_singular(bare: str, lex: Lexicon) -> bool:
    """A definite word no elative is completed by: a singular (an elative takes a plural, أسهل الطرق)."""
    definite, stem = strip_article(bare)
    if not definite or stem.endswith(("ات", "ون", "ين")) or _BROKEN_PLURAL.fullmatch(stem):
        return False
    return len(stem) >= 3 and bool(re.fullmatch(r".*ي|.*ة|ا.*", stem))


def _noun_with_pronoun(bare: str, lex: Lexicon) -> bool:
    """A function word, or a noun the lexicon knows with a pronoun (وجهه، وجهيه: وجه)."""
    if bare[1:] in lex.stopwords:
        return True
    suffix = next((end for end in ("هما", "ها", "هم", "ه") if bare.endswith(end)), "")
    stem = bare[: len(bare) - len(suffix)]
    return any("N" in lexicon_classes(s) for s in (stem, stem.removesuffix("ي")))


def _verb_with_object(bare: str) -> bool:
    """A perfect verb with an object pronoun (أعلنه، صاغها، سماه): its stem is only a verb.

    >>> _verb_with_object("أعلنه"), _verb_with_object("خطابه")
    (True, False)
    """
    if bare in lexicon().stopwords or "N" in lexicon_classes(bare):
        return False  # هذه، أنه، وجه: a function word or a noun the lexicon knows
    for suffix in ("هما", "ها", "هم", "ه"):
        stem = bare.removesuffix(suffix)
        if stem != bare and len(stem) >= 3:
            stems = (
                [stem, stem + "ى", stem[:-1] + "ى"] if stem.endswith("ا") else [stem, stem + "ى"]
            )
            return any(lexicon_classes(s) == "V" or s in known_verbs() for s in stems)
    return False


def _shaped_unit(left: str, right: str, lex: Lexicon) -> Category | None:
    """The units of round 11 (MSA) that the words' shapes show (`_pair_category`)."""
    if _elative_of_what(left, right):
        return "idafa"  # ولعل أغرب | ما في، أشهر | ما فيها: an elative and the ما it heads
    if _accusative_nisba(left, right, lex):
        return "noun-adjective"  # دولارا | أمريكيا، مضادا | حيويا: both in the accusative
    if _prefixed_nisba(left, right, lex):
        return "noun-adjective"  # مناطق | بحرية، منظمات | بيئية: a nisba, no ب + noun
    return None


def _elative_of_what(left: str, right: str) -> bool:
    """An elative (its root has an adjective: أغرب، أشهر، أهم) before the relative ما.

    أغرب ما في هذا التحول ("the strangest thing in this change"): the elative heads a
    construct whose complement is ما and its clause, as before a noun. أكثر / أقل before ما
    are left to the binding lists; an أفعل whose root has no adjective is a verb (أعلن ما).
    """
    stem = left[1:] if left[:1] in "وف" and len(left) == 5 else left
    if right != "ما" or stem in ("أكثر", "أقل", "اكثر", "اقل"):
        return False
    return bool(_AFAL.fullmatch(stem)) and _elative_root(stem)


def _accusative_nisba(left: str, right: str, lex: Lexicon) -> bool:
    """A word in the accusative ـًا, then a nisba in the accusative ـيًا: noun and adjective.

    The alif of the accusative on both words is agreement the shapes show without the
    lexicon (مضادا حيويا، محلولا ملحيا، هيكلا كلسيا، دولارا أمريكيا), which
    `_accusative_agreement` asks of the noun; here the noun need only not be an adverb
    or a function word, the adjective a nisba (its stem in ـي) no list calls an adverb. A
    nisba in ـيًا may be the noun's first adjective, then a second one follows it.
    """
    if len(left) < 4 or not left.endswith("ا") or left.endswith(("ءا", "وا", "اا")):
        return False
    if left in lex.stopwords or left in lex.adverbs or right in lex.adverbs:
        return False
    if right[:1] in "وف" or left in lex.proper_nouns or right in lex.proper_nouns:
        return False  # إيطاليا | وإسبانيا: places in ـيا, conjoined
    second = left.endswith("يا") and is_nisba(left[:-1])  # رقما قياسيا | عالميا
    if not (accusative(left) or second) or lexicon_classes(left[:-1]) == "V":
        return False
    return right.endswith("يا") and len(right) >= 5 and is_nisba(right[:-1])


def _conjoined_adjective(left: str, right: str, lex: Lexicon) -> bool:
    """A definite adjective, then و + a definite adjective: two adjectives, a free break.

    التعاون الاقتصادي | والأمني، المناطق الساحلية | والجبلية: the second adjective is
    conjoined by و, which opens a phrase like any conjunction; subtitlers break before it
    (every studied row so labelled: 18 of 18), as they do before و + a noun. The noun
    pair called the two one unit (`_noun_pair`'s "adjectives of one noun").
    """
    if not right.startswith("وال") or not strip_article(left)[0] or left in lex.stopwords:
        return False
    if strip_article(right[1:])[1] in lex.before_min:
        return False  # والكثير من: a quantity, read by the pair rules
    first = _is_adjective(left, lex, definite=_definite_bare(left), lexical=False)
    return first and _is_adjective(right[1:], lex, definite=True, lexical=False)


def _prefixed_nisba(left: str, right: str, lex: Lexicon) -> bool:
    """An indefinite noun, then a nisba whose first letter is ب or ل: its adjective.

    بحري، بشرية، بيئية، لغوي: the pair rules read a word in ب / ل as a preposition and
    its noun, which opens a new phrase; but the word less its nisba ending (ـي، ـية، ـيا)
    is a noun the lexicon knows whole (بحر، بشر، بيئة، لغة), so it is a nisba agreeing
    with the noun: masculine after a masculine singular, feminine after a feminine or a
    plural, in the accusative after an accusative (سورا بشريا). Not a masculine ب-word
    whose stem is a short noun: بيتي، بنتي، بلدي are "my house" as often as nisbas.
    """
    if right[:1] not in "بل" or left in lex.stopwords or _definite_any(left):
        return False
    if has_pronoun_suffix(left) or looks_verb(left) or _is_latin(left):
        return False
    ending = next((end for end in ("ية", "يا", "ي") if right.endswith(end)), "")
    stem = right[: len(right) - len(ending)]
    if not ending or len(stem) < 3 or (ending == "يا") != accusative(left):
        return False
    if not any("N" in lexicon_classes(s) for s in (stem, stem + "ة")):
        return False
    if ending == "ي" and right[:1] == "ب" and len(stem) == 3 and "N" in lexicon_classes(stem):
        return False  # بيتي، بنتي، بلدي: "my house" as often as a nisba
    noun = left[:-1] if ending == "يا" else left
    if "N" not in lexicon_classes(noun) and not noun.endswith(("ة", "ات")):
        return False
    plural = noun.endswith("ات") or bool(_BROKEN_PLURAL.fullmatch(noun))
    return (ending == "ية") == (noun.endswith("ة") or plural)


def _class_noun(bare: str, lex: Lexicon) -> bool:
    stems = [strip_article(form)[1] for form in _strip_prefix(bare)]
    return any(form in lex.class_nouns for form in _strip_prefix(bare) + stems)


def _noun_pair_or_listed(
    left_word: str, right_word: str, left: str, right: str, lex: Lexicon
) -> Category | None:
    """The rest of `_content_category`: special pairs, then the noun pair."""
    if left == "آخر" and right in lex.time_nouns:
        return "idafa"  # آخر مرة
    if any(form in lex.construct_only for form in _strip_prefix(left)) and not looks_verb(right):
        return "idafa"  # مجرد لعبة: a noun that is only ever completed by the next
    if right == "باسم" and left in ("المتحدث", "الناطق", "المتحدثة", "الناطقة"):
        return "idafa"  # المتحدث باسم الوزارة
    stressed = right in _EMPHATIC.get(left[-2:], ()) or right in _EMPHATIC.get(left[-1:], ())
    if stressed and len(left) >= 4 and not looks_verb(left):
        return "noun-adjective"  # مش كلامي أنا: a pronoun that stresses the suffix before it
    if left in SUFFIXED_PREPOSITIONS or right in SUFFIXED_PREPOSITIONS:
        return None  # معاكم | أرخص: a preposition with its pronoun is a phrase of its own
    if right.startswith(_POSSESSIVE) and not looks_verb(left):
        return "idafa"  # Egyptian بتاع: الفلاتر بتاعته، الراوتر بتاع البيت
    if right in ("غير", "ده", "دي", "دول") and _definite_bare(left) and not looks_verb(left):
        return "noun-adjective"  # المفاوضات غير المباشرة، الفيديو ده: they qualify the noun
    if _definite_bare(left) and _definite_bare(right) and right[2:] in lex.numerals:
        return "noun-adjective"  # القرن العشرين، الفصل الثالث: an ordinal agrees with its noun
    if right in lex.demonstratives and not _definite_any(left) and not _suffixed_noun(left):
        verbal = any(_MASDAR.fullmatch(f) or _FUUL.fullmatch(f) for f in _strip_prefix(left))
        if verbal and not looks_verb(left):
            return "idafa"  # طول هذا الكتاب، استخدام هذه التقنية: a verbal noun and its object
    if right in ("واحد", "واحدة") and not _definite_any(left) and not looks_verb(left):
        if (right == "واحدة") == left.endswith("ة") and not _suffixed_noun(left):
            return "noun-adjective"  # نقطة واحدة، يوم واحد; عام | واحدة من: no agreement
        return None
    if right in lex.stopwords and right not in lex.adjectives:
        return None
    if _governs(right, lex):
        return None
    shaped = adjective_shape(right) and not looks_verb(right) and right[:1] not in "وف"
    qualifies = right in ("دي", "ده") or shaped
    if _is_latin(left) and not _is_latin(right) and qualifies:
        return "noun-adjective"  # garage صغير، الـ startup دي
    if _is_latin(right):
        # A name introduced by its class noun: وكالة NASA، صاروخ Ariane.
        capital = right_word.strip(_OPENERS)[:1].isupper()
        arabic_noun = not _is_latin(left) and not _definite_any(left) and not looks_verb(left)
        arabic_noun = arabic_noun and not _suffixed_noun(left) and not left.endswith("ه")
        return "name" if capital and arabic_noun else None
    if right in lex.numerals and not right.startswith("ال") and not looks_verb(left):
        if _suffixed_noun(left) or left in lex.name_words:
            return None  # مدارها | ثماني مرات: a complete noun, then what the number counts
        if _definite_any(left) and not _numbered(left, right, lex):
            return None  # الخزينة | مليارات، الدراسة | سبعة: a complete noun, then a count
        return "number"  # بزاوية ثلاث
    return _noun_pair(left, right, lex)


_POSSESSIVE = ("بتاع", "بتوع")


@lru_cache(maxsize=65536)
def _verb_by_lexicon(bare: str) -> bool:
    """An imperfect the shapes miss but the lexicon shows: its person prefix (أ ن ت ي)
    sits on a stem the lexicon knows as a verb while the whole word is unknown (أصمم،
    نجمع); an elative or a noun with that letter would be known whole.

    >>> _verb_by_lexicon("أصمم"), _verb_by_lexicon("نجمع"), _verb_by_lexicon("أكبر")
    (True, True, False)
    """
    if lexicon_classes(bare) or len(bare) < 4 or bare[0] not in "أنتي":
        return False
    return "V" in lexicon_classes(bare[1:])


def _waw_wasl(bare: str) -> bool:
    """و before a verb that opens with hamzat al-wasl: وانظر، وانتقل، واستمر (not واحد، واشنطن).

    >>> _waw_wasl("وانظر"), _waw_wasl("وانتقل"), _waw_wasl("واشنطن"), _waw_wasl("واحد")
    (True, True, False, False)
    """
    if "V" in lexicon_classes(bare) or len(bare) < 5:
        return False  # وافق، واصل: a verb the lexicon knows whole
    rest = bare[1:]
    return "V" in lexicon_classes(rest) or (len(rest) >= 4 and "V" in lexicon_classes(rest[1:]))


#: Counts of hundreds, thousands, millions: they open a phrase of their own (ملايين الدولارات).
_PLURAL_COUNTS = frozenset({"ملايين", "آلاف", "ألوف", "مليارات", "مئات", "عشرات"})


def _numbered(left: str, right: str, lex: Lexicon) -> bool:
    """A definite noun that a spelled number names, not counts: الغرفة سبعة، الساعة تسعة.

    A definite noun is complete, so a cardinal after it normally opens the next phrase;
    the nouns of the ``[numbered]`` list (and those that introduce a year or a date) take it
    as their name.
    """
    if right in _PLURAL_COUNTS:
        return False
    forms = _strip_prefix(left)
    if strip_article(left)[1] in lex.numerals:
        return True  # السبعة عشر: the first part of a compound number
    return any(form in lex.numbered or form in lex.before_number for form in forms)


def _governs(bare: str, lex: Lexicon) -> bool:
    """A word of the governor lists (كان، إنه، هو، يا ...), maybe after و or ف."""
    forms = [bare] + [bare[1:] for prefix in "وف" if bare.startswith(prefix) and len(bare) > 2]
    groups = (lex.kana, lex.inna, lex.pronouns, lex.particles)
    return any(form in group for form in forms for group in groups)


def _measured_noun(bare: str, lex: Lexicon) -> bool:
    """An indefinite noun that a number right after it measures (بقوة 6.4، بسعر 900).

    Not a definite noun (السعر | 299, الحرارة | 45: a subject, then its predicate), a
    noun with a pronoun (سعره | 999), a verbal noun (تسجيل | 45 إصابة: its object) or a
    verb: those a number follows without completing them.
    """
    if _is_latin(bare) or _DIGITS.match(bare) or looks_verb(bare) or _governs(bare, lex):
        return False
    if (
        _definite_any(bare)
        or _suffixed_noun(bare)
        or bare in SUFFIXED_PREPOSITIONS
        or (len(bare) >= 4 and bare.endswith("ه"))
    ):
        return False
    forms = _strip_prefix(bare)
    if any(form in lex.stopwords or _MASDAR.fullmatch(form) for form in forms):
        return False  # في | 2020، تسجيل | 45
    return bare.isalpha()


_HOURS_AND_PERCENT = frozenset(
    {"صباحا", "مساء", "مساءا", "فجرا", "ظهرا", "عصرا", "ليلا", "بالمئة", "بالمائة", "بالمية"}
)


def _number_pair(left: str, right: str, lex: Lexicon) -> bool:
    """A number and what it counts or dates: 12 جنديا، عام 1948، ثلاثة قرون، ساعتين ونصف."""
    if right in lex.fractions:
        return True
    counted = _DIGITS.match(left) or (left in lex.numerals and not left.startswith("ال"))
    if right == "في" and counted and not _year(left):
        return True  # 15 في المئة، عشرين في المية: a percentage
    if _DIGITS.match(left):
        if right in lex.after_number:
            return True
        if (
            not _year(left)
            and right not in lex.stopwords
            and not _DIGITS.match(right)
            and not _starts_conjunction(right, lex)
        ):
            return True
    if _DIGITS.match(right) and any(form in lex.before_number for form in _strip_prefix(left)):
        return True
    if _DIGITS.match(right) and _measured_noun(left, lex):
        return True  # بقوة 6.4، بسعر 900: a noun, then the number that measures it
    numeral = any(form in lex.numerals for form in _strip_prefix(left))
    if (
        numeral
        and not right.startswith("وال")
        and any(form in lex.numerals for form in _strip_prefix(right))
    ):
        return True  # ثلاث وعشرين، السادس عشر; العاشرة | والحادية: two hours, coordinated
    tens = right.startswith("وال") and right[3:] in _TENS  # السابع والعشرين: one ordinal
    if (numeral or _ordinal_form(left, lex)) and tens:
        return True
    if (numeral or _DIGITS.match(left.removeprefix("و"))) and right in _HOURS_AND_PERCENT:
        return True  # التاسعة صباحا، و30 بالمية
    if numeral and left.startswith(("ال", "وال")) and right == "من":
        return True  # السادس من أكتوبر، السابع والعشرين من عمره: a date or an age
    return (
        any(form in lex.numerals and not form.startswith("ال") for form in _strip_prefix(left))
        and right not in lex.stopwords
        and not _starts_conjunction(right, lex)
    )


def _conjoined_count(left: str, right: str, lex: Lexicon) -> bool:
    """و + digits, the second number of a range or a sum (بين 12 و16 | عاما، 1000 مشترك
    و4000 | ساعة): it counts the noun after it as the digits alone would (round 13).

    >>> _conjoined_count("و16", "عاما", lexicon()), _conjoined_count("و1869", "على", lexicon())
    (True, False)
    """
    digits = left[1:] if left[:1] == "و" else ""
    return (
        bool(digits) and _DIGITS.fullmatch(digits) is not None and _number_pair(digits, right, lex)
    )


#: The tens (20-90), which an hour never is: after a units ordinal, و + the tens completes it.
_TENS = frozenset(
    {"عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"}
    | {"عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"}
)


def _ordinal_form(bare: str, lex: Lexicon) -> bool:
    """A definite numeral or ordinal, with or without و (الثانية، والعشرين)."""
    form = bare[1:] if bare.startswith("وال") else bare
    definite, stem = strip_article(form)
    return definite and (form in lex.numerals or stem in lex.numerals or stem in _TENS)


class _Doubtful(str):
    """A category the rules guess without a positive clue (``doubtful`` in judgements)."""


class _Learned(_Doubtful):
    """A unit only the learned layer sees (the rules saw none): a guess like the rules' own."""


def is_doubtful(category: Category | None) -> bool:
    """A category guessed without a positive clue, by the rules or by the learned layer alone.

    >>> is_doubtful(bad_break_category("في", "المدينة"))
    False
    """
    return isinstance(category, _Doubtful)


def learned_only(category: Category | None) -> bool:
    """A unit the learned layer sees where the rules see none (check leaves such guesses out
    of its hints)."""
    return isinstance(category, _Learned)


_DOUBTFUL_IDAFA: Category = _Doubtful("idafa")  # type: ignore[assignment]
_DOUBTFUL_NAME: Category = _Doubtful("name")  # type: ignore[assignment]


def _noun_pair(left: str, right: str, lex: Lexicon) -> Category | None:
    """Noun and adjective, or a construct (idafa), between two Arabic content words.

    A verb on either side heads no such unit. Definiteness tells the two apart: a
    definite noun before a definite adjective (they agree), an indefinite noun before
    an indefinite adjective (or both in the accusative -ًا), an indefinite noun before
    any definite word or before another noun (a construct).
    """
    cognate = accusative(left) and accusative(right) and _MASDAR.fullmatch(left[:-1])
    geminate = bool(re.fullmatch(r"[^اويةء\s]ا[^اويةء\s]ا", right))  # حادا، تاما، هاما
    if cognate and (adjective_shape(right) or geminate) and not looks_verb(right):
        return "noun-adjective"  # تراجعا حادا: a verbal noun in the accusative, its adjective
    if looks_verb(left) or looks_verb(right) or right in lex.kana or _weak_imperfect(right):
        return None
    elative = right[:1] == "أ" and len(right) == 4  # شي | أرخص: أفعل after a noun is its elative
    if _verb_by_lexicon(left) or (_verb_by_lexicon(right) and not elative):
        return None
    left_definite = strip_article(left)[0]
    right_definite = strip_article(right)[0]
    quantity = strip_article(right[1:])[1] in lex.before_min  # والكثير من، والعديد من
    if (
        right.startswith("وال")
        and not quantity
        and left_definite
        and _is_adjective(left, lex, definite=_definite_bare(left), lexical=False)
        and _is_adjective(right[1:], lex, definite=True, lexical=False)
    ):
        return "noun-adjective"  # adjectives of one noun: الدبلوماسية والعسكرية
    conjoined = right[:1] == "و" and len(right) >= 3 and (right[1:2] != "ا" or _waw_wasl(right))
    conjoined = conjoined or (right[:1] == "ف" and _starts_conjunction(right, lex))
    conjoined = conjoined and right not in lex.adjectives  # فعلي is an adjective
    root_waw = any(right.startswith(root) for root in lex.waw_initial) or _root_waw_inflected(right)
    if conjoined and not root_waw:
        return None  # a conjoined word starts a new phrase
    if _definite_bare(right):
        return _before_definite(left, right, lex)
    masdar = any(bool(_MASDAR.fullmatch(f)) for f in _strip_prefix(left, ("ب", "ل", "و", "ف")))
    prefixed = right[:1] in "بل" and len(right) > 3
    adjective = right[0] == "ب" and known_adjective(right) and not lexicon_classes(right[1:])
    prefixed = prefixed and not adjective  # بسيطة is no ب + سيطة (Egyptian لازم is a modal)
    if right_definite or (prefixed and (right[1] in "إأاآل" or not masdar)):
        return None  # a preposition starts a new phrase: لإصلاح، بالعين
    if left_definite or _is_latin(left) or left in lex.name_words:
        return None  # a definite word or a name heads no construct
    return _indefinite_pair(left, right, lex, masdar)


def _weak_imperfect(bare: str) -> bool:
    """An imperfect the verb shapes miss: a weak or derived root's (أقف، أستطيع، نحتاج).

    The word is no noun the lexicon knows, and without its person prefix it is a verb the
    lexicon knows: an assimilated root's first و (أقف: وقف), a hollow افتعل / استفعل's
    middle alif (أحتاج: احتاج، أستطيع: استطاع).

    >>> _weak_imperfect("أستطيع"), _weak_imperfect("نحتاج"), _weak_imperfect("أسرار")
    (True, True, False)
    """
    if bare[:1] not in "أيتن" or len(bare) < 3 or lexicon_classes(bare):
        return False
    rest = bare[1:]
    forms = ["و" + rest] if len(rest) == 2 else []
    if len(rest) >= 4 and (rest[:1] in "تس" or rest[1:2] == "ت"):
        forms += ["ا" + rest, "ا" + rest[:-2] + "ا" + rest[-1]]
    return any("V" in lexicon_classes(form) for form in forms)


def _indefinite_pair(left: str, right: str, lex: Lexicon, masdar: bool) -> Category | None:
    """An indefinite noun before an indefinite word: agreement, a construct, or neither."""
    if _suffixed_noun(left) and not accusative(right):
        return None  # وجهك | شاحب: the noun is definite, an indefinite adjective is its predicate
    if _accusative_mismatch(left, right):
        return None  # وفدا أمريكيا | رفيع المستوى، عيّن ريغور | رئيسا: no agreement
    if right in lex.proper_nouns or right in lex.name_firsts:
        if left.endswith("ه") and len(left) >= 4:
            return None  # أسسه | غاليليو: a verb or noun with its pronoun, then a name
        return "idafa"  # جمهورية كوريا، بزعامة جوزيف
    if right == "أول" or (right[:1] in "بل" and len(right) > 4 and _suffixed_noun(right[1:])):
        return None  # لبناء | أول طائرة، تقييم | لمهارتي: a construct or a preposition starts
    if (masdar or _FUUL.fullmatch(left)) and _FIAAL.fullmatch(right):
        return "idafa"  # دخول مجال، تجميع نقاط: a verbal noun and its object (فعال is a noun)
    if masdar and lexicon_classes(right) in ("N", "NV") and not is_nisba(right):
        return "idafa"  # إحضار فريق: a verbal noun, then a word the lexicon knows only as a noun
    adjective = _is_adjective(right, lex, False) or adjective_shape(right)
    possessive = has_pronoun_suffix(right) and not right.endswith("ي")  # إسترليني is a nisba
    if (adjective and not possessive) or right in lex.adjectives:
        return "noun-adjective"  # not مهمتها: an adjective takes no possessive pronoun
    if accusative(left) and accusative(right):
        return "noun-adjective"  # نموذجا مختلفا
    if has_pronoun_suffix(left) or right in lex.stopwords:
        return None
    if right in lex.demonstratives:
        return "idafa"  # طول هذا الكتاب
    if (_AFAL.fullmatch(left) or left == "آخر") and right not in lex.numerals:
        return "idafa"  # an elative before its noun: أكبر مدن، آخر مرة
    if masdar and not _starts_conjunction(right, lex):
        return "idafa"  # a verbal noun and its object: تطوير صواريخ، بناء برنامج
    noun = lexicon_classes(left) in ("N", "NV")  # نادي، مبنى: the lexicon's nouns head constructs
    noun = noun or lexicon_classes(right) == "N"  # مشروع قانون، منتصف ليل: only a noun follows
    head = left not in lex.nisba_nouns and qualifier_shape(left) and not noun
    if head or right in lex.before_min or right in lex.numerals:
        return None  # a name heads no construct; واحدة من starts a new phrase
    return _DOUBTFUL_IDAFA  # two nouns in a row, no other clue: most often a construct


_FUUL = re.compile(r"[^اويةء\s]{2}و[^اويةء\s]")  # the verbal noun فعول: دخول، خروج، وصول
#: فعال: مجال، نقاط، رجال (nouns more often than adjectives)
_FIAAL = re.compile(r"[^اويةء\s]{2}ا[^اويةء\s]")


def _accusative_mismatch(left: str, right: str) -> bool:
    """One word shows the accusative -ًا and the other could but does not: no agreement.

    Words ending in ة ء ى ي or ا take the accusative without a written alif, so only a
    word ending in another letter shows it missing.
    """
    if accusative(left) == accusative(right):
        return False
    other = right if accusative(left) else left
    return other[-1:] not in "ةءىيا" and not _is_latin(other)


def _suffixed_noun(bare: str) -> bool:
    """A noun with an attached pronoun (قوتهم، وجهك، أمي): definite, whatever its shape."""
    if has_pronoun_suffix(bare):
        return True
    if len(bare) == 3 and bare.endswith("ي"):
        return True  # أمي، أبي، يدي: "my", not a nisba (nisba stems have three letters)
    plural = bool(re.fullmatch(r"أ[^اويةء\s]{2}اك", bare))  # أسماك، أملاك: أفعال, no "your"
    return len(bare) >= 4 and bare.endswith("ك") and not adjective_shape(bare) and not plural


def _before_definite(left: str, right: str, lex: Lexicon) -> Category | None:
    """A content word before a word with the article: agreement, or a construct."""
    left_definite, left_stem = strip_article(left)
    right_definite, right_stem = strip_article(right)
    if right_definite and left in first_names():
        return None
    if left_definite and left_stem in ("جميع", "كل", "بعض"):
        return None  # للجميع | الغني، الكل: a quantifier with the article is a pronoun
    if right_definite and verb_only(left):
        return None  # شاف الفيديو، أجد الشجاعة: a verb, then its subject or object
    suffixed = has_pronoun_suffix(left) or (left.endswith("ه") and len(left) >= 4)
    if suffixed and adjective_shape(right_stem) and not has_pronoun_suffix(right):
        return "noun-adjective"  # خطابه المتلفز، فرصتك الأخيرة
    if left_definite or _is_latin(left):
        if right_stem.endswith("ات") and not left_stem.endswith("ات") and not _is_latin(left):
            return None  # والأشياء | المهارات: a non-human plural takes a singular adjective
        if _is_adjective(right, lex, definite=True) or adjective_shape(right_stem):
            return "noun-adjective"
        if right_stem.endswith("ة") and left_stem.endswith(("ة", "ات", "ا")):
            return "noun-adjective"  # الخلايا الحية: agreement in gender
        return None
    return None if has_pronoun_suffix(left) else "idafa"


#: Particles only a verb follows (قد، لم، لن، سوف).
_VERB_PARTICLES = frozenset(
    {"قد", "لقد", "وقد", "فقد", "لم", "ولم", "فلم", "لن", "ولن", "فلن", "سوف", "وسوف"}
)
#: Relatives that a verb or a nominal clause follows: the word after them is read as a
#: verb only when the lexicon knows it as one.
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللاتي", "اللواتي"})


#: Particles that open a clause whose first word the lexicon knows as a verb is one:
#: بعد أن فقد | الحزب، ثم باع | المكتشفون.
_VERB_OPENERS = frozenset({"ثم", "وثم"})


_TIMES_OF_DAY = frozenset({"صباحا", "مساء", "مساءا", "ظهرا", "ليلا", "فجرا", "عصرا"})


def _hour_part(bare: str) -> bool:
    """A time noun or a time of day, which may follow an hour's ordinal (الحادية عشرة | مساء)."""
    return bare in lexicon().time_nouns or bare in _TIMES_OF_DAY


def _closed_ordinal(before: str, left_word: str) -> bool:
    """عشر / عشرة closing a definite ordinal (الخامس عشر، الحادية عشرة): the number is complete.

    A cardinal 11-19 counts the noun after it (خمسة عشر عاما); the ordinal with the
    article qualifies the noun before it, so the word after it starts a new phrase.
    """
    if ends_phrase(before) or _bare(left_word) not in ("عشر", "عشرة"):
        return False
    prior = _bare(before)
    definite, stem = strip_article(prior)
    if not definite:
        return False
    ordinal = _FAAIL_FEMININE.fullmatch(stem) or stem.startswith(("حادي", "ثاني"))
    return bool(ordinal) or stem in lexicon().numerals


#: Particles inside European names (von, van, da, de, du, del, della).
_NAME_PARTICLES = frozenset({"فون", "فان", "دا", "دي", "دو", "ديل", "ديلا"})


def _name_particle(before: str, left_word: str, right_word: str) -> bool:
    """A name particle after a name goes on with it: النمساوي فريدريش | فون هايك.

    The left word must be a name: a first name, or a word the pair before it reads as
    a name (after a nationality, a title or another name).
    """
    if ends_phrase(left_word) or ends_phrase(before) or _bare(right_word) not in _NAME_PARTICLES:
        return False
    left = _bare(left_word)
    named = left in first_names() or _pair_category(before, left_word) == "name"
    return named and not _definite_any(left)


def _verb_after_verb(left: str, right: str) -> bool:
    """A verb and the verb it governs (لم أعد أحتمل، لم يعد يعمل): one person, an imperfect."""
    if looks_verb(right):
        return True
    classes = lexicon_classes(right)
    same_person = left[:1] == right[:1] and right[:1] in "أيتن" and len(right) >= 4
    return same_person and "N" not in classes and "A" not in classes


def _verb_by_particle(before: str, left_word: str, right_word: str) -> bool:
    """The word after قد، لم، لن is a verb; after الذي، اللي، ثم one the lexicon knows as a verb.

    A verb heads no construct, noun-adjective pair or count, whatever its shape says
    (وقد فك العالم الرموز: فك is no noun here).
    """
    prior = _bare(before)
    if ends_phrase(before) or ends_phrase(left_word):
        return False
    left = _bare(left_word)
    if _definite_any(left) or left in lexicon().stopwords:
        return False
    if prior in _VERB_PARTICLES:
        return True
    # التي عدد | سكانها: a pronoun pointing back to the relative's noun makes a nominal clause
    nominal = _suffixed_noun(_bare(right_word))
    known = lexicon_classes(left)
    if _year(prior) and "V" in known:
        # عام 1492 سلم | آخر سلاطينها: after a year's date a verb opens the clause; a word
        # the lexicon also knows as a noun, before a definite one, is a construct's head
        # (عام 1950 عدد | السكان)
        return "N" not in known or not _definite_any(_bare(right_word))
    if prior in ("أن", "وأن") and known == "V":
        return True  # بعد أن أسقط | الاتحاد: a word the lexicon knows only as a verb
    openers = _RELATIVES | _VERB_OPENERS | _DIALECT_RELATIVES
    return prior in openers and "V" in known and not nominal


#: Subordinators a verbal clause follows in news and lectures (عندما رفض، كما رحب، إذا رفع);
#: not ما، بينما، حيث, before which a nominal clause is as common (حيث عدد السكان).
_VERB_SUBORDINATORS = frozenset(
    {"عندما", "حينما", "لما", "كما", "إذا", "حين", "بعدما", "كلما", "ريثما", "لمّا"}
)


def _verb_by_subordinator(before: str, left_word: str, right_word: str) -> bool:
    """After عندما، كما، إذا، حين (with و / ف) a word the lexicon knows as a verb is one.

    حين رفض | مرشحو المعارضة، كما رحب | القادة: the verb, then its subject; a verb heads no
    construct. Not before a word with a pronoun pointing back (a nominal clause).
    """
    if ends_phrase(before) or ends_phrase(left_word):
        return False
    prior = _bare(before)
    if prior[:1] in "وف" and prior[1:] in _VERB_SUBORDINATORS:
        prior = prior[1:]
    left = _bare(left_word)
    if prior not in _VERB_SUBORDINATORS or _definite_any(left) or left in lexicon().stopwords:
        return False
    right = _bare(right_word)  # البنك: a definite word carries no pronoun
    return "V" in lexicon_classes(left) and (_definite_any(right) or not _suffixed_noun(right))


def _verb_after_subject(before: str, left_word: str) -> bool:
    """An أفعل the lexicon knows only as a verb after a definite noun: its predicate verb.

    After الدفاع المدني an indefinite أحصى is a perfect verb whose subject came first, not
    an elative heading a construct (words the lexicon also reads as nouns or adjectives,
    أكبر، أمم، ألف, are left to the pair rules: they lost validation rows).
    """
    if ends_phrase(before) or ends_phrase(left_word):
        return False
    prior = _bare(before)
    left = _bare(left_word)
    if not _definite_bare(prior) or not _AFAL_OR_DOUBLED.fullmatch(left):
        return False
    return lexicon_classes(left) == "V" and left not in first_names()


def _subject_then_object(before: str, left_word: str, right_word: str) -> bool:
    """A verb, its definite feminine subject, then a definite word that cannot agree with it.

    After a verb a definite noun is its subject; a following definite word is its
    adjective only if it agrees (`_gender_mismatch`), else the verb's object. A nisba
    (ـي) is left alone: it may qualify the subject's head (غادر الرحالة | المغربي).
    """
    if ends_phrase(before) or ends_phrase(left_word):
        return False
    lex = lexicon()
    verb = _bare(before)
    forms = [verb] + ([verb[1:]] if verb[:1] in "وف" and len(verb) > 3 else [])
    if not any(_clause_verb(form, lex) or looks_verb(form) for form in forms):
        return False
    if _bare(right_word) in lex.proper_nouns or _bare(right_word) in lex.name_words:
        return False  # a name after its title
    if _bare(left_word) in lex.titles:
        return False  # رعى الخليفة | المأمون: a title (a man's) before a name no list knows
    left_definite, left_stem = strip_article(_bare(left_word))
    right_definite, right_stem = strip_article(_bare(right_word))
    if not (left_definite and right_definite) or right_stem.endswith("ي"):
        return False
    if re.fullmatch(r"[^اوي]ا[^اوي]ة", left_stem):
        return False  # القادة، السادة: a broken plural of men takes a masculine adjective
    return _gender_mismatch(left_stem, right_stem, lex)


def _gender_mismatch(left_stem: str, right_stem: str, lex: Lexicon) -> bool:
    """A feminine noun (ـة، ـات) before a definite word that cannot be its adjective.

    An adjective agrees in gender with its noun, and a non-human plural takes a feminine
    one: after الشرطة or السلطات an adjective ends in ـة، ـات، ـى or ـاء (فعلاء), or is an
    elative (المدينة الأكبر), an ordinal or a listed invariant adjective. Any other definite
    word is a second noun: the verb's object after its subject (أطلقت الشرطة | الغاز).

    >>> _gender_mismatch("شرطة", "غاز", lexicon()), _gender_mismatch("شرطة", "محلية", lexicon())
    (True, False)
    """
    if not left_stem.endswith(("ة", "ات")) or len(left_stem) < 3:
        return False
    if right_stem.endswith(("ة", "ات", "ى", "اء", "تان", "تين")):
        return False
    if _AFAL.fullmatch(right_stem) or right_stem in lex.numerals:
        return False  # الأكبر، الأول: an elative or an ordinal
    return right_stem not in lex.adjectives and not _is_latin(right_stem)


def _root_waw_inflected(bare: str) -> bool:
    """A word whose و is its root's, read in its feminine or accusative nisba too.

    The lexicon knows a nisba in its masculine form: وهمية is وهمي + ة, and هم / همي
    are no nouns, so مراكز اتصال | وهمية is a noun and its adjective, no conjunction.

    >>> _root_waw_inflected("وهمية"), _root_waw_inflected("وزراء"), _root_waw_inflected("والدواء")
    (True, True, False)
    """
    if len(bare) < 4 or bare[0] != "و" or bare.startswith("وال"):
        return False
    forms = [bare]
    if bare.endswith(("ية", "يا", "يين", "يون")):
        forms.append(bare[: bare.rindex("ي") + 1])
    return any(_root_waw(form) for form in forms)


def _root_waw(bare: str) -> bool:
    """The lexicon knows the word as a noun and the rest after و as no noun (وصول، وثائق)."""
    found = lexicon_classes(bare)
    return ("N" in found or "A" in found) and lexicon_classes(bare[1:]) in ("", "V")


def _starts_conjunction(bare: str, lex: Lexicon) -> bool:
    if bare in lex.conjunctions:
        return True
    if len(bare) >= 3 and bare[0] in "وف":
        rest = bare[1:]
        if bare[0] == "و" and any(bare.startswith(root) for root in lex.waw_initial):
            return False
        if bare[0] == "و" and _root_waw(bare):
            return False  # قبل | وصول: وصول is a noun, صول no word
        return not (bare[0] == "ف" and not (rest.startswith("ال") or rest in lex.stopwords))
    return False


@dataclass(frozen=True, slots=True)
class Judgement:
    """A bad break's category, whether the rules only guess it, and why, in words."""

    category: Category
    doubtful: bool
    reason: str


_REASONS = {
    "binding": "«{l}» is a function word that needs «{r}»",
    "noun-adjective": "«{r}» qualifies the noun «{l}»",
    "idafa": "«{l}» is completed by «{r}» (construct)",
    "name": "«{l} {r}» is one name",
    "number": "«{l} {r}»: a number and what it counts or dates",
}


@lru_cache(maxsize=65536)
def judge_break(
    left_word: str, right_word: str, before: str | None = None, line_end: bool = False
) -> Judgement | None:
    """The judgement of a break between two words: None when it is acceptable.

    ``doubtful`` marks the guesses (two nouns in a row with no other clue are taken
    as a construct, or a unit only the learned layer sees); make's report lists them
    apart, check may leave them out. ``line_end``: the gap is a line end of the script,
    judged by the rules alone (`line_end_category`).

    >>> judge_break("ميل", "محور").doubtful, judge_break("في", "المدينة").doubtful
    (True, False)
    """
    judge = line_end_category if line_end else bad_break_category
    category = judge(left_word, right_word, before)
    if category is None:
        return None
    doubtful = is_doubtful(category)
    reason = _REASONS[str(category)].format(l=_bare(left_word), r=_bare(right_word))
    return Judgement(str(category), doubtful, reason + (" (a guess)" if doubtful else ""))  # type: ignore[arg-type]


def stacked_adjective(before: str | None, left_word: str, right_word: str) -> bool:
    """The break falls between two adjectives of one noun (البطاقات الخشبية | اللازمة).

    The model calls such a gap noun-adjective and make avoids it, but where the second
    adjective opens a phrase of its own a subtitler may well break there, and check's
    findings of this kind were judged acceptable on real files: check leaves it out.

    >>> stacked_adjective("البقعة", "الهائلة", "الموجودة")
    True
    >>> stacked_adjective("تأسيس", "علاقات", "دبلوماسية")  # علاقات is no adjective
    False
    """
    if before is None or bad_break_category(left_word, right_word, before) != "noun-adjective":
        return False
    if bad_break_category(before, left_word) != "noun-adjective":
        return False
    stem = strip_article(_bare(left_word))[1]
    return known_adjective(stem) or is_nisba(stem)  # not only the shape: علاقات has it


@lru_cache(maxsize=65536)
def break_bonus(left_word: str, right_word: str) -> float:
    """How good a break between these words is (0 when nothing speaks for it).

    Punctuation at the end of the left word, then a conjunction, a preposition or
    a relative pronoun at the start of the right word. The script's own line ends
    are a separate hint, added by the segmenter.

    >>> break_bonus("أوكرانيا.", "وهو") > break_bonus("أوكرانيا", "وهو") > 0
    True
    """
    weights = load_weights()
    lex = lexicon()
    bonus = 0.0
    lead = _leading_mark(right_word)
    if ends_sentence(left_word) or lead in SENTENCE_END:
        bonus += weights.good["sentence_end"]
    elif ends_phrase(left_word) or lead:
        bonus += weights.good["phrase_end"]
    right = _bare(right_word)
    if not right:
        return bonus
    if not bonus and _verb_before_subject(_bare(left_word), right, lex):
        bonus -= weights.bad["verb_subject"]
    if not bonus and _conjoined_adjective(_bare(left_word), right, lex):
        return -weights.bad.get("conjoined_adjective", 0.0)  # الدبلوماسية | والعسكرية
    if right in lex.relatives or any(
        form in lex.relatives for form in _strip_prefix(right, ("و",))
    ):
        bonus += weights.good["before_relative"]
    elif _starts_conjunction(right, lex):
        bonus += weights.good["before_conjunction"]
    elif right in lex.prepositions or (
        len(right) >= 4 and right[0] in "بل" and not right.startswith(("بيو", "لكن"))
    ):
        bonus += weights.good["before_preposition"]
    return bonus


def _verb_before_subject(left: str, right: str, lex: Lexicon) -> bool:
    """A verb before a definite noun (استعاد البلدان): verb and subject, a mild unit in VSO."""
    if left in lex.stopwords or _governs(left, lex) or not looks_verb(left):
        return False
    return _definite_bare(right) and right not in lex.stopwords


@dataclass(frozen=True, slots=True)
class Weights:
    """Costs of bad breaks, bonuses of good ones, and the shape costs of cues."""

    bad: dict[str, float]
    good: dict[str, float]
    shape: dict[str, float]


@lru_cache(maxsize=1)
def load_weights() -> Weights:
    """The weights in ``data/linebreak/weights.toml``."""
    data = tomllib.loads(_data("weights.toml"))
    return Weights(
        bad={key: float(value) for key, value in data["bad"].items()},
        good={key: float(value) for key, value in data["good"].items()},
        shape={key: float(value) for key, value in data["shape"].items()},
    )


def is_binding_word(word: str, next_word: str = "") -> bool:
    """A word that a line or a cue must not end on (before ``next_word``).

    >>> is_binding_word("في"), is_binding_word("فيه"), is_binding_word("هذه", "التقارير")
    (True, False, True)
    """
    if ends_phrase(word):
        return False
    lex = lexicon()
    return _binds(_bare(word), _bare(next_word), lex)


def gap_judgements(
    words: Sequence[str], line_ends: Collection[int] = ()
) -> list[tuple[Category | None, float]]:
    """For each gap between adjacent words: its bad-break category and its bonus.

    At a gap in ``line_ends`` (a line end of the script) the category is the rules' alone
    (`line_end_category`).
    """
    ends = set(line_ends)
    return [
        (
            line_end_category(left, right, words[gap - 1] if gap else "")
            if gap in ends
            else bad_break_category(left, right, before=words[gap - 1] if gap else ""),
            break_bonus(left, right),
        )
        for gap, (left, right) in enumerate(itertools.pairwise(words))
    ]


def line_end_category(
    left_word: str, right_word: str, before: str | None = None
) -> Category | None:
    """The category of a break at a line end of the script: the rules' verdict, not the
    learned layer's.

    Every row the layer learned from is a gap inside a script line, where two words belong
    to one phrase far more often than across the line ends a person chose; there the
    layer's odds do not hold, and the rules, which read the words alone, judge.

    >>> line_end_category("لكوريا", "ليكون", "الياباني") is None
    True
    """
    return rule_break_category(left_word, right_word, before)


def break_lines(text: str, max_chars: int, max_lines: int = 2, shape: str = "bottom-heavy") -> str:
    """The best line breaks for one cue's text (one line when it fits), lines joined by ``\\n``.

    >>> print(break_lines("وعلى الرغم من أن السوفييت لم يشاركوا بشكل مباشر في القتال", 42))
    وعلى الرغم من أن السوفييت
    لم يشاركوا بشكل مباشر في القتال
    """
    words = text.split()
    return "\n".join(layout_cue(words, max_chars, max_lines, shape))


def shape_cost(first: int, second: int, shape: str, weights: Weights) -> float:
    """The cost of a two-line cue's shape: two lines, their imbalance, a heavy top line."""
    difference = abs(first - second)
    cost = weights.shape["two_lines"] + weights.shape["imbalance_per_char"] * difference
    if shape == "bottom-heavy" and first > second:
        cost += weights.shape["top_heavy_per_char"] * (first - second)
    return cost


def layout_cue(
    words: Sequence[str], max_chars: int, max_lines: int = 2, shape: str = "bottom-heavy"
) -> list[str]:
    """The lines of one cue's words: one line when they fit, else the best two-line break.

    When the words cannot fit in ``max_lines`` lines the break that overflows
    least is taken (check and fix report the overflow; this never drops words).
    """
    if not words:
        return [""]
    weights = load_weights()
    text = " ".join(words)
    if visible_length(text) <= max_chars or max_lines < 2 or len(words) == 1:
        return [text]
    judged = gap_judgements(words)
    scale = weights.shape["line_bonus_scale"]
    best: tuple[float, int] | None = None
    for middle in range(1, len(words)):
        first = visible_length(" ".join(words[:middle]))
        second = visible_length(" ".join(words[middle:]))
        category, bonus = judged[middle - 1]
        cost = (weights.bad[category] if category else 0.0) - scale * bonus
        cost += shape_cost(first, second, shape, weights)
        cost += weights.shape["overflow"] * (max(0, first - max_chars) + max(0, second - max_chars))
        if best is None or cost < best[0]:
            best = (cost, middle)
    assert best is not None
    middle = best[1]
    return [" ".join(words[:middle]), " ".join(words[middle:])]


#: Words that open a sentence or a clause when they start a script line.
CLAUSE_OPENERS = frozenset(
    {"هل", "فهل", "وهل", "فما", "أما", "وأما", "لكن", "ولكن", "لكنه", "ولكنه", "بل", "إذ", "حيث"}
    | {"كما", "ثم", "لذلك", "لذا", "وبالتالي", "أيضا", "إذا", "وإذا", "فإذا", "عندما", "وعندما"}
    | {"لماذا", "ولماذا", "كيف", "وكيف", "متى", "أين", "ماذا", "يا"}
)
_DASHES = ("-", "–", "—")


def clause_start(word: str) -> bool:
    """The word opens a sentence or a clause at the start of a script line.

    A clause opener (هل، أما، لكن، بل، حيث، كما، ثم ...), a dialogue dash (a new
    speaker), a capitalised Latin word, or و / ف before a verb.

    >>> clause_start("فهل"), clause_start("-"), clause_start("وتساءل"), clause_start("في")
    (True, True, True, False)
    """
    stripped = word.strip(_OPENERS)
    if stripped.startswith(_DASHES):
        return True
    if stripped[:1].isascii() and stripped[:1].isupper():
        return True
    bare = _bare(word)
    if bare in CLAUSE_OPENERS:
        return True
    # و or ف before a verb at a line start opens a new sentence: وقال، وتساءل، فيما
    return (
        len(bare) >= 4 and bare[0] in "وف" and looks_verb(bare) and bare[1:] not in lexicon().kana
    )


def strong_boundaries(words: Sequence[str], line_ends: Collection[int]) -> frozenset[int]:
    """Gaps (after word ``g``) where one sentence or clause ends and the next begins.

    At a script line end: a sentence end (``. ! ?``), a clause opener, a dash (a new
    speaker) or a capital after it. Inside a script line the person who wrote it
    chose to keep the two together; with no line ends at all, every sentence end
    and dash counts. A cue line should not glue the two sides together, and a cue
    should rather end there.

    >>> words = "قال ذلك. ثم عاد هل رأيته".split()
    >>> sorted(strong_boundaries(words, {3})), sorted(strong_boundaries(words, ()))
    ([3], [1])
    """
    found: set[int] = set()
    for gap in range(len(words) - 1):
        if line_ends and gap not in line_ends:
            continue
        right = words[gap + 1]
        sentence = ends_sentence(words[gap]) or _leading_mark(right) in SENTENCE_END
        if (
            sentence
            or right.strip(_OPENERS).startswith(_DASHES)
            or (gap in line_ends and clause_start(right))
        ):
            found.add(gap)
    return frozenset(found)


#: Dialect prepositions and relatives that cannot end a phrase: لحد ("until", لحد ما
#: "until the moment") and للي ("for whoever", ل + اللي).
_DIALECT_BINDERS = frozenset({"لحد", "ولحد", "للي", "وللي", "فللي"})
#: The Levantine "can" (فيك تعمل "you can do"): في with a first or second person pronoun.
_CAN = frozenset({"فيك", "وفيك", "فيكي", "وفيكي", "فيني", "وفيني", "فينا", "وفينا"})
#: Words after which فيه / فيها is "there is": "still", "became", "be", "but".
_STILL_THERE = frozenset({"لسا", "لسه", "لسة", "صار", "يكون", "بيكون", "بس"})


def _round12_dialect(
    found: Category | None, before: str, left_word: str, right_word: str
) -> Category | Literal["free"] | None:
    """Round 12 (dialect) with the word before: the units of colloquial speech the earlier
    rounds missed (`_in_context`), ``"free"`` where it closes a unit the pair rules read,
    None where round 12 says nothing.

    >>> _round12_dialect(None, "", "كتير", "منكم"), _round12_dialect(None, "استنى", "لحد", "ما")
    ('idafa', 'binding')
    >>> _round12_dialect(None, "بس", "فيك", "تبعت"), _round12_dialect(None, "عيوني", "فيك", "دايما")
    ('binding', None)
    """
    if ends_phrase(left_word):
        return None
    left, right = _bare(left_word), _bare(right_word)
    if found is not None:
        free = _round12_free(found, left, right) or _who_did(found, before, left)
        return "free" if free else None
    if _ordinal_first(before, left, right):
        return "idafa"  # وتاني | يوم، تالت | شي: an ordinal before its noun heads it
    if left in ("كتير", "كثير", "وكتير", "وكثير") and len(right) > 2 and right[:2] == "من":
        return "idafa"  # كتير | منكم، كثير | منها: "many of" and the pronoun it takes
    if left in _DIALECT_BINDERS:
        return "binding"  # استنى لحد | ما، للي | بيكتب: a preposition or relative
    if (
        left in _CAN
        and _imperfect(right)
        and (not before or ends_phrase(before) or _bare(before) in ("ما", "بس", "وما"))
    ):
        return "binding"  # بس فيك | تبعت: the Levantine "you can" and its verb
    if _bare(before) in _STILL_THERE and _there_is_after("", left_word, right_word):
        return "binding"  # لسا فيه | هارد، صار فيه | جمارك: "there is" after "still"
    return None


def _imperfect(bare: str) -> bool:
    """A dialect imperfect verb: a person prefix (ت، ي، ن، أ) on at least three letters."""
    return len(bare) >= 4 and bare[:1] in "تينأ" and not _definite_any(bare)


#: The Levantine "want" (بد + a pronoun, with و / ف): a verb in use, heading no construct
#: (بدك | شي "you want something"); the standard لا بد ("must") is بد alone.
_WANT = frozenset(
    prefix + form
    for prefix in ("", "و", "ف")
    for form in ("بدي", "بدك", "بدكم", "بدكن", "بده", "بدو", "بدها", "بدنا", "بدهم")
)
#: Ordinals (standard and dialect spellings, masculine) that can stand before their noun.
_ORDINALS_FIRST = frozenset(
    {"تاني", "ثاني", "تالت", "ثالث", "رابع", "خامس", "سادس", "سابع", "تامن", "ثامن", "تاسع", "عاشر"}
)


def _ordinal_first(before: str, left: str, right: str) -> bool:
    """An indefinite ordinal opening a phrase (a line's start, after punctuation or كل),
    then an indefinite noun: the ordinal heads a construct (تاني شي "the second thing",
    وتالت يوم "and on the third day", كل تاني سيارة "every other car"). After a noun the
    ordinal is its adjective and closes it (بيت تاني | هيطلب).

    >>> _ordinal_first("", "وتاني", "يوم"), _ordinal_first("بيت", "تاني", "هيطلب")
    (True, False)
    """
    if not (before == "" or ends_phrase(before) or _bare(before) == "كل"):
        return False
    bare = left[1:] if left[:1] == "و" and left[1:] in _ORDINALS_FIRST else left
    if bare not in _ORDINALS_FIRST or _definite_any(right) or len(right) < 2:
        return False
    lex = lexicon()
    return not (right in lex.stopwords or right in lex.adverbs or looks_verb(right))


#: "Its name (is)" in the dialects and the standard: it opens a clause of its own (تطبيق |
#: اسمو Wallet "an app called Wallet"), no name or genitive of the noun before it.
_ITS_NAME = frozenset({"اسمو", "اسمه", "اسمها", "إسمه", "إسمها", "واسمو", "واسمه", "واسمها"})
#: "About, for about" before an amount: an adverb, never an adjective of the word before.
_ABOUT = frozenset({"حوالي", "بحوالي", "وبحوالي", "حوالى", "بحوالى"})


def _round12_free(found: Category, left: str, right: str) -> bool:
    """The units of the pair rules that round 12 (dialect) finds closed (`_round12_dialect`).

    >>> _round12_free("idafa", "بدك", "شي"), _round12_free("name", "تطبيق", "اسمو")
    (True, True)
    >>> _round12_free("noun-adjective", "Uniqlo", "بحوالي"), _round12_free("idafa", "بيت", "أبوي")
    (True, False)
    """
    if left in _WANT:
        return True  # بدك | شي: "you want" is a verb
    if found in ("name", "idafa") and right in _ITS_NAME:
        return True  # تطبيق | اسمو Wallet: "its name is" opens a clause of its own
    return found in ("noun-adjective", "idafa") and right in _ABOUT and _is_latin(left)


def _who_did(found: Category, before: str, left: str) -> bool:
    """After مين ("who") or the relative اللي, a triliteral the lexicon knows as a verb is
    the clause's verb, and the next word its object, no genitive (مين أكل | صحني؟ "who ate
    my plate?", اللي كسر | الباب "the one who broke the door").

    >>> _who_did("idafa", "مين", "كسر"), _who_did("idafa", "اللي", "جوه")
    (True, False)
    """
    if found != "idafa" or _bare(before) not in ("مين", "اللي", "الي", "إللي"):
        return False
    return len(left) == 3 and "V" in lexicon_classes(left)


#: The dialect prepositions of place "outside" and "inside" (برّا، جوّا / جوه, with و).
_OUT_IN = frozenset({"برا", "برة", "وبرا", "جوه", "جوا", "جوة", "وجوه", "وجوا"})
#: The possessive exponents of the Gulf (حق، حقت), the Levant (تبع، تبعت) and the Maghreb
#: (ديال، متاع، تاع) with a pronoun: "of yours", like the Egyptian بتاعك after a definite
#: noun (الحساب حقك "your account", اللابتوب تبعك "your laptop").
_OF_YOURS = frozenset(
    stem + suffix
    for stem in ("حق", "حقت", "تبع", "تبعت", "ديال", "متاع", "تاع")
    for suffix in ("ي", "ك", "كي", "ه", "ها", "نا", "كم", "هم", "كن", "و", "ته", "تك")
    if not (stem.endswith("ت") and suffix[:1] == "ت")
)


def _round13_dialect(
    found: Category | None, left_word: str, right_word: str
) -> Category | Literal["free"] | None:
    """Round 13 (dialect): closed classes of colloquial function words the earlier rounds
    left free (`_dialect_rounds`); None where round 13 says nothing.

    >>> _round13_dialect(None, "برا", "البيت"), _round13_dialect(None, "جوه", "Excel")
    ('binding', 'binding')
    >>> _round13_dialect(None, "برا", "وعايز"), _round13_dialect(None, "برا", "فوق")
    (None, None)
    >>> _round13_dialect(None, "اللابتوب", "تبعك"), _round13_dialect(None, "دفعتوا", "حقها")
    ('idafa', None)
    """
    if found is not None:
        return None
    left, right = _bare(left_word), _bare(right_word)
    if left not in _OUT_IN and right not in _ROUND13_RIGHT:
        return None  # the common case, decided by two set lookups (make's speed)
    if ends_phrase(left_word) or _leading_mark(right_word):
        return None
    lex = lexicon()
    if not right or _starts_conjunction(right, lex):
        return None
    if left in _OUT_IN and _place_object(right, lex):
        return "binding"  # برا | البيت، جوه | Excel: "outside / inside" and its noun
    if right in _OF_YOURS and _definite_bare(left) and not looks_verb(left):
        return "idafa"  # الحساب | حقك، اللابتوب | تبعك: the noun and its possessor
    if _dialect_emphasis(left, right) or _after_demonstrative(left, right):
        return "noun-adjective"  # حسابك | إنت، والعلب | دي: the noun and what stresses it
    return None


#: The independent pronouns in their colloquial spellings, by the attached pronoun they
#: stress (حسابك إنت "your own account", بيتنا إحنا): round 1's `_EMPHATIC` has the standard ones.
_DIALECT_EMPHATIC = {
    "ك": ("إنت", "إنتَ", "انتَ"),
    "كي": ("إنتي", "انتي", "إنتِ"),
    "كم": ("إنتو", "انتو", "إنتوا", "انتوا", "إنتم"),
    "كن": ("إنتو", "انتو", "إنتن", "انتن"),
    "نا": ("إحنا", "حنا"),
}
#: Demonstratives that follow their definite noun in the dialects (Egyptian ده، دي، دول;
#: Gulf هذي، هاذي، هذول).
_AFTER_NOUN = frozenset({"ده", "دي", "دول", "هذي", "هاذي", "هذول", "هاذول"})


#: Every right word round 13 looks at when the left word is no preposition of place.
_ROUND13_RIGHT = (
    _OF_YOURS
    | _AFTER_NOUN
    | frozenset(form for forms in _DIALECT_EMPHATIC.values() for form in forms)
)


def _dialect_emphasis(left: str, right: str) -> bool:
    """A noun with an attached pronoun, then the colloquial independent pronoun that stresses
    it (حسابك | إنت، بياناتك | إنت): one phrase, like the standard كتابي أنا.

    >>> _dialect_emphasis("حسابك", "إنت"), _dialect_emphasis("بيتنا", "إحنا"), _dialect_emphasis("حسابك", "إحنا")
    (True, True, False)
    """
    if len(left) < 4 or looks_verb(left):
        return False
    return any(
        left.endswith(suffix) and right in forms for suffix, forms in _DIALECT_EMPHATIC.items()
    )


def _after_demonstrative(left: str, right: str) -> bool:
    """A definite noun behind و / ف / ب / ل, or any definite noun before a Gulf هذي / هذول,
    then the demonstrative that follows its noun in the dialects (والعلب | دي، للرقم | ده،
    الميزة | هذي): round 10 takes the bare definite noun before ده / دي / دول.

    >>> _after_demonstrative("والعلب", "دي"), _after_demonstrative("للرقم", "ده"), _after_demonstrative("الميزة", "هذي")
    (True, True, True)
    >>> _after_demonstrative("ولقيت", "ده")
    False
    """
    if right not in _AFTER_NOUN or looks_verb(left):
        return False
    forms = [left]
    if left[:1] in "وفب" and len(left) > 3:
        forms.append(left[1:])  # والعلب، بالرقم
    if left[:1] in "وف" and left[1:3] == "لل" and len(left) > 4:
        forms.append("ال" + left[3:])  # وللرقم
    if left.startswith("لل") and len(left) > 3:
        forms.append("ال" + left[2:])  # للرقم
    return any(_definite_bare(form) for form in forms)


def _place_object(right: str, lex: Lexicon) -> bool:
    """A noun a dialect preposition of place can take: not a function word, an adverb or a
    verb (برا | فوق، برا | عم يبعتلك stay free)."""
    if right in lex.stopwords or right in lex.adverbs or right in lex.prepositions:
        return False
    return not (looks_verb(right) or _clause_verb(right, lex))


def _later_rounds(
    found: Category | None, before: str, left_word: str, right_word: str
) -> Category | Literal["free"] | None:
    """Rounds 11 and 12 (dialect, `_dialect_rounds`), then round 13 (MSA): a unit the pair
    rules leave free (`_round13_msa_unit`), or one they found that the words close or that
    nothing after may free (`_round13_msa_found`)."""
    later = _dialect_rounds(found, before, left_word, right_word)
    if later is not None:
        return later
    if found is None:
        return _round13_msa_unit(before, left_word, right_word)
    return _round13_msa_found(found, before, left_word, right_word)


def _round13_msa_found(
    found: Category | None, before: str, left_word: str, right_word: str
) -> Category | Literal["free"] | None:
    """Round 13 (MSA) where the pair rules found a unit: ``"free"`` where the words close it
    (`_round13_msa_free`), the unit where nothing after may free it, else None."""
    if found == "idafa" and _fraction_head(left_word, right_word):
        return "idafa"  # فقد ثلث | الشعاب، عشرة أضعاف | ملوحة: no verb or count frees it
    if _round13_msa_free(found, before, left_word, right_word):
        return "free"
    if _verb_after_then(found, before, left_word):
        return "free"
    return (
        "free" if _verb_with_object_after_relative(found, before, left_word, right_word) else None
    )


def _round13_msa_free(found: Category | None, before: str, left_word: str, right_word: str) -> bool:
    """Round 13 (MSA): a unit the pair rules read that the words themselves close."""
    if found != "idafa":
        return False
    left, right = _bare(left_word), _bare(right_word)
    if _bare(before) in _WHAT_BEFORE_VERB and _verb_not_noun(left):
        return True  # ، ما أثار | حزنا، كما نال | زميلها: ما before a verb, not a noun
    if _sound_nominative(left) or _sound_nominative(right):
        return True  # متظاهرون | مبنى، عاش | المصريون: no ـون word heads or completes one
    if not _short_suffixed(left):
        return False
    definite, stem = strip_article(right)
    return not (definite and (known_adjective(stem) or adjective_shape(stem) or is_nisba(stem)))


#: ما and the words it closes (كما، مما، بما، فيما): the relative or the particle, which a
#: verb follows; a word the lexicon knows as a verb and no noun after it is that verb, not a noun
#: heading a construct (ما أثار | حزنا "which caused grief").
_WHAT_BEFORE_VERB = frozenset({"ما", "مما", "كما", "بما", "عما", "فيما"})


def _verb_not_noun(word: str) -> bool:
    """The lexicon knows the word as a verb and not as a noun (نال، أثار، أبطأ; not حجم،
    سر، حال, which after an asking ما head a construct: ما سر | نجاحه)."""
    classes = lexicon_classes(word)
    return "V" in classes and "N" not in classes


@lru_cache(maxsize=16384)
def _sound_nominative(word: str) -> bool:
    """A sound masculine plural in the nominative (ـون), or an imperfect verb of the plural.

    Neither side of a construct is such a word: its head drops the ن (مهندسو المشروع) and
    its complement is genitive (ـين), so a ـون word beside an indefinite noun is a subject,
    a verb or a new constituent (واقتحم متظاهرون | مبنى، عاش | المصريون، عمال | يستطيعون).
    The word must be unknown to the lexicon whole (قانون، مليون، تعاون, or a loan
    like صالون), its stem a word the lexicon knows or a participle or nisba (محللون،
    الفينيقيون), or an imperfect of seven letters or more (يتبادلون).

    >>> _sound_nominative("متظاهرون"), _sound_nominative("المصريون"), _sound_nominative("يستخدمون")
    (True, True, True)
    >>> _sound_nominative("قانون"), _sound_nominative("الزيتون"), _sound_nominative("الصالون")
    (False, False, False)
    """
    bare = word[2:] if word.startswith("ال") else word
    if len(bare) < 6 or not bare.endswith("ون") or lexicon_classes(bare):
        return False
    stem = bare[:-2]
    return (
        bool(lexicon_classes(stem))
        or qualifier_shape(stem)
        or (bare[:1] in "يت" and len(bare) >= 7)
    )


#: The attached pronouns after a short stem (ثمنه، هاتفك، عمرها، خبزهم).
_SHORT_SUFFIXES = ("ه", "ك", "ها", "هم", "هن", "كم", "هما")


@lru_cache(maxsize=16384)
def _short_suffixed(left: str) -> bool:
    """A stem of three or four letters with an attached pronoun, which heads no construct.

    A noun that takes a possessive pronoun is already completed (ثمنه، هاتفك، عمره, "its
    price, your phone, his age"), and a verb with its object pronoun (نقشها) heads no noun
    phrase either: the word after such a word is not its genitive (أصبح ثمنه | اليوم، يحمل
    اسمه | اليوم). `has_pronoun_suffix` leaves these short words out, as a final ه may
    be the root's (وجه، فقه) or a ة typed as ه (مدرسه): here the word must be unknown to the
    lexicon whole, its stem known, and the stem with ة no word the lexicon knows (عمله may
    be عملة, "currency").

    >>> _short_suffixed("ثمنه"), _short_suffixed("هاتفك"), _short_suffixed("عمرها")
    (True, True, True)
    >>> _short_suffixed("وجه"), _short_suffixed("عمله"), _short_suffixed("شركه")
    (False, False, False)
    """
    if lexicon_classes(left) or left in lexicon().binding:
        return False
    for suffix in _SHORT_SUFFIXES:
        stem = left[: -len(suffix)]
        if left.endswith(suffix) and 3 <= len(stem) <= 4 and lexicon_classes(stem):
            return not (suffix == "ه" and lexicon_classes(stem + "ة"))
    return False


def _round13_msa_unit(before: str, left_word: str, right_word: str) -> Category | None:
    """Round 13 (MSA): a unit the pair rules leave free (None when none applies)."""
    if _fraction_head(left_word, right_word):
        return "idafa"  # فقد ثلث | الشعاب، النقود نصف | قيمتها
    if _verbal_noun_count(before, left_word, right_word):
        return "idafa"  # من إنقاذ | 22 شخصا، بذهبية سباق | 3000 متر
    if _several_after(left_word, right_word):
        return "noun-adjective"  # في دول | عدة، ومالت مبان | عدة
    if _bare(right_word) == "جدا" and _adjective_word(left_word):
        return "binding"  # إشارة خافتة | جدا: "very" after the adjective it grades
    return _round14_msa_unit(before, left_word, right_word)


@lru_cache(maxsize=16384)
def _adjective_word(word: str) -> bool:
    """The word is an adjective by the lexicon or its shape (خافتة، مهم، طبيعية، منخفضة),
    with or without the article and the feminine ending; not after punctuation.

    >>> _adjective_word("ضئيلة"), _adjective_word("مهم"), _adjective_word("يفرق"), _adjective_word("جميلة،")
    (True, True, False, False)
    """
    if ends_phrase(word):
        return False
    stem = strip_article(_bare(word))[1]
    forms = (stem, stem[:-1]) if stem.endswith("ة") else (stem,)
    return any(
        known_adjective(form) or adjective_shape(form) or qualifier_shape(form) for form in forms
    )


#: Fractions and multiples, nouns that are always completed by what they divide or multiply.
_FRACTIONS = frozenset(
    {"ثلث", "ثلثا", "ثلثي", "ربع", "أرباع", "نصف", "ضعف", "ضعفا", "ضعفي", "أضعاف", "سدس", "أثلاث"}
)


def _fraction_head(left_word: str, right_word: str) -> bool:
    """A fraction or multiple (ثلث، نصف، أضعاف), bare or after ب / ل, heads the construct
    of what it divides: ثلث | الشعاب، نصف | قيمتها، أضعاف | ملوحة، نصف | ما. Not with و
    (ونصف "and a half" closes a number), nor before a function word other than ما.

    >>> _fraction_head("ثلث", "سكانها"), _fraction_head("بنصف", "ما"), _fraction_head("ونصف", "في")
    (True, True, False)
    """
    if ends_phrase(left_word):
        return False
    left, right = _bare(left_word), _bare(right_word)
    stem = left[1:] if left[:1] in "بل" and left[1:] in _FRACTIONS else left
    if stem not in _FRACTIONS:
        return False
    return right == "ما" or not (right in function_words() or right in lexicon().binding)


def _several_after(left_word: str, right_word: str) -> bool:
    """عدة ("several") after an indefinite noun qualifies it, as an adjective would (دول |
    عدة، مصانع | عدة); not after a verb or a word with a pronoun (شهدتها | عدة), a prefixed
    particle or an adverb (فجأة).

    >>> _several_after("مناطق", "عدة"), _several_after("شهدتها", "عدة"), _several_after("فجأة", "عدة")
    (True, False, False)
    """
    left = _bare(left_word)
    if _bare(right_word) != "عدة" or ends_phrase(left_word) or len(left) < 3:
        return False
    if left.startswith("ال") or left in function_words() or left in lexicon().binding:
        return False
    if has_pronoun_suffix(left) or _short_suffixed(left) or left.endswith(("ته", "أة")):
        return False
    return not (looks_verb(left) or verb_only(left))


def _verbal_noun_count(before: str, left_word: str, right_word: str) -> bool:
    """A verbal noun governed by a preposition (or ب / ل + one) before a number written in
    digits: the number opens its complement, what is counted (من إنقاذ | 22 شخصا، عن
    استثمار | 500 مليون، لسباق | 5000 متر). Not a definite noun, whose number is a
    predicate (الاشتراك | 200), nor after a relative (الذي تجاوز | 30); an ungoverned
    noun before a number is a heading as often (كفالة | 25، توصيل | 20) and is left out.

    >>> _verbal_noun_count("من", "إنقاذ", "300"), _verbal_noun_count("الذي", "تجاوز", "30")
    (True, False)
    """
    right = _bare(right_word)
    if not (right.isascii() and right.isdigit()) or ends_phrase(left_word):
        return False
    left = _bare(left_word)
    if _definite_any(left):
        return False  # الاشتراك | 200: a definite noun is complete, the number its predicate
    governed = _bare(before) in lexicon().prepositions  # من is a relative too: "from" here
    forms = [left] if governed else []
    forms += [left[1:]] if left[:1] in "بل" and len(left) > 4 else []
    return any(bool(_MASDAR.fullmatch(form)) for form in forms)


def _round14_dialect(
    found: Category | None, before: str, left_word: str, right_word: str
) -> Category | Literal["free"] | None:
    """Round 14 (dialect), after round 13 (`_dialect_rounds`): None where it says nothing."""
    if isinstance(found, _Doubtful) and _counted_complete(before, left_word, right_word):
        return "free"  # أول يوم | رحنا، كل شي | جربته: the quantifier's construct is complete
    if found is not None:
        return None
    if _not_only(before, left_word):
        return "binding"  # مش بس | كده، مو بس | للبحر: "not only" and what it restricts
    if _but_before_particle(left_word, right_word):
        return "binding"  # أغلى بس | ما يتجعد، قسط بس | لو: بس and the clause or phrase it opens
    if _there_is_copula(before, left_word, right_word):
        return "binding"  # يكون فيه | ضمان، الحين فيه | خيار: the dialect "there is" and what is
    return None


#: The colloquial negations of a word or phrase (مش، مو، مب), before بس "only".
_WORD_NEGATIONS = frozenset({"مش", "ومش", "مو", "ومو", "مب", "ومب", "موش", "مهوش"})


def _not_only(before: str, left_word: str) -> bool:
    """بس "only" after a colloquial negation (مش بس، مو بس "not only"): the pair is one
    correlative, bound to what it restricts (مش بس | كده، مو بس | للبحر), where بس alone after
    a word may be "only", which closes (5 دولار بس | المواصفات).

    >>> _not_only("مش", "بس"), _not_only("ومو", "بس"), _not_only("دولار", "بس"), _not_only("مش", "بس،")
    (True, True, False, False)
    """
    if ends_phrase(before) or ends_phrase(left_word):
        return False
    return _bare(left_word) == "بس" and _bare(before) in _WORD_NEGATIONS


#: Quantifiers, ordinals and كم whose complement is one indefinite noun (كل يوم، أول مرة، كم مرة).
_ONE_NOUN_HEADS = frozenset({"كل", "أول", "آخر", "أي", "ثاني", "تاني", "ثالث", "تالت", "كم"})


def _counted_complete(before: str, left_word: str, right_word: str) -> bool:
    """The two-noun guess (a doubtful construct) after a quantifier, an ordinal or an elative
    (أول يوم | رحنا، كل شي | جربته، وأحلى شي | سويته): the left noun already completes the
    word before it, and an indefinite right word the lexicon does not know as a noun starts
    what follows.

    >>> _counted_complete("أول", "يوم", "رحنا"), _counted_complete("كل", "شي", "جربته")
    (True, True)
    >>> _counted_complete("في", "يوم", "رحنا")
    False
    """
    if ends_phrase(before) or ends_phrase(left_word):
        return False
    head = _bare(before)
    head = head[1:] if head[:1] in "وف" and len(head) > 3 else head
    if head not in _ONE_NOUN_HEADS and not (_elative(head) and "A" in lexicon_classes(head)):
        return False
    right = _bare(right_word)
    if not right or _definite_any(right) or _is_latin(right):
        return False
    return "N" not in lexicon_classes(right)


#: Negations and subordinators that open a clause after بس "but" (بس ما، بس لو، بس لأنه).
_AFTER_BUT = frozenset(
    {"ما", "مش", "مو", "لا", "لو", "لأنه", "لأن", "لأنو", "عشان", "علشان", "إذا", "اذا", "لما"}
)


def _but_before_particle(left_word: str, right_word: str) -> bool:
    """بس before a negation or a subordinator (بس | ما، بس | لو، بس | لأنه): "but" opening
    a clause, or "only" restricting the clause the particle opens; either way بس needs what
    follows. Before a content word it may be "only" closing the phrase before it (5 دولار
    بس | المواصفات); before يا a call follows. (Prepositions too were measured: validation
    social fell.)

    >>> _but_before_particle("بس", "ما"), _but_before_particle("بس", "لو"), _but_before_particle("بس", "المواصفات")
    (True, True, False)
    """
    if left_word != "بس" or _leading_mark(right_word):
        return False
    right = _bare(right_word)
    if right in ("يا", "ويا"):
        return False
    return right in _AFTER_BUT


#: The imperfect copula, إن and adverbs of time and addition after which فيه / فيها is
#: "there is" (يكون فيه ضمان، الحين فيه خيار، كمان فيه مصاريف); round 12's `_BEFORE_THERE_IS`
#: has the relative, لكن and بقى. (With ما and كان too, drama and lecture fell: their
#: labels take ما فيه and كان فيه as free.)
_COPULA_ADVERBS = frozenset(
    {"يكون", "تكون", "هيكون", "كمان", "وكمان", "الحين", "هلق", "دلوقتي", "إن", "إنه"}
)


def _there_is_copula(before: str, left_word: str, right_word: str) -> bool:
    """فيه / فيها after the imperfect copula, إن or an adverb (يكون فيه | ضمان، الحين فيه |
    خيار، كمان فيه | مصاريف): the dialect "there is", bound to the indefinite noun it
    introduces.

    >>> _there_is_copula("يكون", "فيه", "ضمان"), _there_is_copula("حطيت", "فيها", "سكر")
    (True, False)
    """
    if ends_phrase(left_word) or ends_phrase(before) or _bare(before) not in _COPULA_ADVERBS:
        return False
    if _bare(left_word) not in ("فيه", "فيها"):
        return False
    return _existential_noun(right_word)


def _round14_msa_unit(before: str, left_word: str, right_word: str) -> Category | None:
    """Round 14 (MSA): a unit the pair rules and round 13 leave free (None when none applies)."""
    if _prefixed_nisba_after(left_word, right_word):
        return "noun-adjective"  # خلية | بكتيرية، رجل أعمال | لبناني، علماء | بريطانيون
    if _era_of_century(before, left_word, right_word):
        return "number"  # القرن الخامس | قبل الميلاد، الألف الثالث | قبل الميلاد
    if _day_of_month(before, left_word, right_word):
        return "number"  # في السابع والعشرين | من سبتمبر
    if _masdar_after_cause(before, left_word, right_word):
        return "idafa"  # بسبب تراجع | المحاصيل، رغم تراجع | الإيرادات
    return _round15_msa_unit(before, left_word, right_word)


#: Nisba endings (ـي، ـية، ـيون ...) an adjective after an indefinite noun takes; the
#: feminine plural ـيات is left out (بكميات، بعمليات: ب + a plural noun far more often).
_NISBA_ENDINGS = ("يتان", "يتين", "يون", "يين", "يان", "ية", "ي")


def _prefixed_nisba_after(left_word: str, right_word: str) -> bool:
    """An indefinite noun, then a nisba that starts with ب or ل (بكتيرية، لبناني، بيزنطية):
    the relative adjective qualifying it, not the preposition ب / ل on a noun. Round 11's
    `_prefixed_nisba` reads the nisbas whose stem the lexicon knows (بحرية: بحر); these are
    the others, mostly of places and peoples (لبنان، بريطانيا، بيزنطة).

    The letter is the adjective's own when the rest of the word is no word the lexicon
    knows (كتيرية، بناني) and not a noun + the dual or "my" (بمليوني، بسيارتي), or when the
    lexicon knows the whole word as an adjective (بحري). The nisba agrees: ـي after a
    masculine noun, ـية after a feminine or a plural one.

    >>> _prefixed_nisba_after("خلية", "بكتيرية"), _prefixed_nisba_after("رجل", "لبناني")
    (True, True)
    >>> _prefixed_nisba_after("خلية", "بكتيري"), _prefixed_nisba_after("إنتاجه", "بكميات")
    (False, False)
    """
    if ends_phrase(left_word):
        return False
    left, right = _bare(left_word), _bare(right_word)
    if not _indefinite_head(left):
        return False
    ending = next((end for end in _NISBA_ENDINGS if right.endswith(end)), "")
    if not ending or not _own_letter_nisba(right):
        return False
    feminine = left.endswith(("ة", "ات"))
    if ending == "ي":
        return not feminine
    if ending == "ية":
        return feminine or bool(_BROKEN_PLURAL.fullmatch(left)) or _plural_noun(left, lexicon())
    return True


@lru_cache(maxsize=16384)
def _indefinite_head(left: str) -> bool:
    """An Arabic noun with no article, no attached pronoun and no verb's shape (خلية، علماء)."""
    if not left.isalpha() or left.isascii() or left in lexicon().stopwords:
        return False
    if _definite_any(left) or looks_verb(left) or _has_pronoun_suffix(left):
        return False
    return not (len(left) >= 4 and left.endswith(("ه", "ك")))


@lru_cache(maxsize=16384)
def _own_letter_nisba(right: str) -> bool:
    """A nisba in ب / ل whose letter is its own (بريطانية، لاسلكي), not a preposition."""
    if right[:1] not in "بل" or len(right) < 5 or not is_nisba(right):
        return False
    if right.endswith(("يات", "نني", "تي")) or _definite_any(right):
        return False
    if looks_verb(right) or _lexical_verb(right):
        return False  # بيشتري، ليختفي: an imperfect after the tense prefix or لـ
    if "A" in lexicon_classes(right):
        return True  # بحري: the lexicon knows the adjective whole
    rest = right[1:]
    if lexicon_classes(rest) or known_noun(rest) or rest in lexicon().stopwords:
        return False  # بكميات، لتحلية: ب / ل on a word the lexicon knows
    return not (right.endswith("ي") and (lexicon_classes(rest[:-1]) or known_noun(rest[:-1])))


#: The spans an era dates by their ordinal (القرن الخامس، الألف الثالث، الألفية الثانية).
_ERA_SPANS = frozenset({"القرن", "الألف", "الألفية"})


def _era_of_century(before: str, left_word: str, right_word: str) -> bool:
    """A century or millennium's ordinal, then قبل / بعد (الميلاد): the era is part of the date.

    في القرن الخامس قبل الميلاد: "before Christ" dates the century, as ق.م. does; the
    ordinal is the span's (القرن الخامس) or closes one (القرن الثامن عشر, `_closed_ordinal`).
    After another noun the ordinal is complete (الربع الثالث | قبل الظهر).

    >>> _era_of_century("القرن", "الخامس", "قبل"), _era_of_century("الربع", "الثالث", "قبل")
    (True, False)
    """
    if ends_phrase(left_word) or _bare(right_word) not in ("قبل", "بعد"):
        return False
    if _closed_ordinal(before, left_word):
        return True
    if ends_phrase(before) or not any(f in _ERA_SPANS for f in _strip_prefix(_bare(before))):
        return False
    definite, stem = strip_article(_bare(left_word))
    ordinal = _FAAIL_FEMININE.fullmatch(stem) or stem in ("ثاني", "ثانية")
    return definite and bool(ordinal)


def _day_of_month(before: str, left_word: str, right_word: str) -> bool:
    """A day of the month from the 21st to the 31st, then من and its month.

    في السابع والعشرين من سبتمبر: the day is a masculine ordinal (اليوم understood) and its
    tens (والعشرين، والثلاثين); من and the month complete the date as after الخامس عشر
    (`_closed_ordinal`). A feminine ordinal counts years (في السابعة والعشرين من عمره),
    where subtitlers break as often as not, so it is left alone.

    >>> _day_of_month("السابع", "والعشرين", "من"), _day_of_month("السابعة", "والعشرين", "من")
    (True, False)
    """
    if ends_phrase(before) or ends_phrase(left_word) or _bare(right_word) != "من":
        return False
    if _bare(left_word) not in ("والعشرين", "والثلاثين"):
        return False
    definite, stem = strip_article(_bare(before))
    ordinal = _FAAIL.fullmatch(stem) or stem in ("حادي", "ثاني")
    return definite and bool(ordinal)


#: Nouns used as prepositions of cause and time (بسبب، رغم، في ظل، جراء، إثر، عقب, with
#: و or ب): like في and على (`_NOUN_PREPOSITIONS`) they take a genitive, never a verb.
_CAUSE_GOVERNORS = frozenset(
    {"بسبب", "وبسبب", "رغم", "ورغم", "برغم", "ظل", "جراء", "إثر", "عقب", "بفعل", "وسط", "لأجل"}
)


def _masdar_after_cause(before: str, left_word: str, right_word: str) -> bool:
    """After بسبب / رغم / في ظل ..., a verb / verbal-noun homograph is the verbal noun, and
    the noun after it completes it: بسبب تراجع | المحاصيل، رغم تراجع | الإيرادات.

    The homograph is a word the lexicon knows both as a noun and as a verb (تراجع، تشكل);
    the noun after it is no function word, verb or conjoined word.

    >>> _masdar_after_cause("بسبب", "تراجع", "المحاصيل"), _masdar_after_cause("بسبب", "تراجع", "و")
    (True, False)
    """
    if ends_phrase(before) or ends_phrase(left_word) or _bare(before) not in _CAUSE_GOVERNORS:
        return False
    left, right = _bare(left_word), _bare(right_word)
    classes = lexicon_classes(left)
    if "N" not in classes or "V" not in classes:
        return False
    if right in lexicon().stopwords or not right.isalpha() or right[:1] in "وف":
        return False
    plural = any(right.endswith("ات" + end) for end in _POSSESSIVES)
    return plural or not looks_verb(right)  # مبيعاتها: a plural noun and its pronoun


def _verb_after_then(found: Category | None, before: str, left_word: str) -> bool:
    """ثم joins clauses in a narration: a word the lexicon knows as a verb right after it is
    that verb, and the word after it its subject or object, no genitive: ثم حمل | الملك
    تعاليمه، ثم حرم | نصفهم.

    >>> _verb_after_then("idafa", "ثم", "حمل"), _verb_after_then("idafa", "ثم", "عودة")
    (True, False)
    """
    if found != "idafa" or ends_phrase(before) or _bare(before) not in ("ثم", "وثم"):
        return False
    left = _bare(left_word)
    return "V" in lexicon_classes(left) or left in known_verbs()


def _round15_msa_unit(before: str, left_word: str, right_word: str) -> Category | None:
    """Round 15 (MSA): a unit the pair rules and rounds 13 and 14 leave free (None when none
    applies)."""
    if _tafaul_masdar(before, left_word, right_word):
        return "idafa"  # من تراجع | الأسعار، بتوازن | السلطات
    if _unknown_plural_before_not(before, left_word, right_word):
        return "noun-adjective"  # إلى مستويات | غير مسبوقة، قبة خرسانية | غير مسلحة
    return None


#: The تفاعل shape (تراجع، تجاوز، توازن): the verbal noun of form VI, its perfect, and the
#: imperfect of form III, which no preposition governs.
_TAFAUL = re.compile(r"ت[^ا]ا[^ا][^ا]")
#: Adverbs of degree a dialect imperfect takes (بتسافر | كتير), no genitive.
_DEGREE = frozenset({"كتير", "كثير", "كثيرا", "شوية", "قليلا", "دايما", "دائما"})


def _tafaul_masdar(before: str, left_word: str, right_word: str) -> bool:
    """A word of the تفاعل shape after من or عن (من تراجع، عن تراجع) or with ب on it
    (بتوازن، بتجاهل) is the verbal noun, since a preposition governs no verb, and heads the
    construct the noun after it completes: من تراجع | الأسعار، ويخل بتوازن | السلطات.

    With ب the word ends in no ي (بتلاقي is a dialect imperfect as often) and the word after
    it is no adjective (بتسافر | كتير: the dialect imperfect and its adverb).

    >>> _tafaul_masdar("من", "تراجع", "الأسعار"), _tafaul_masdar("", "بتوازن", "السلطات")
    (True, True)
    >>> _tafaul_masdar("الشركة", "تراجع", "أرباحها"), _tafaul_masdar("إذا", "بتسافر", "كتير")
    (False, False)
    """
    if ends_phrase(left_word) or (before and ends_phrase(before)):
        return False
    left, right = _bare(left_word), _bare(right_word)
    lex = lexicon()
    if right in lex.stopwords or not right.isalpha() or right[:1] in "وف":
        return False
    if left[:1] == "ب":
        stem = left[1:]
        if stem.endswith("ي") or right in _DEGREE or lexicon_classes(right) == "A":
            return False
        return _TAFAUL.fullmatch(stem) is not None
    return _TAFAUL.fullmatch(left) is not None and _bare(before) in ("من", "عن", "ومن", "وعن")


def _unknown_plural_before_not(before: str, left_word: str, right_word: str) -> bool:
    """Round 12's `_negated_adjective` for an indefinite word the lexicon lacks but whose
    ending shows a noun or an adjective: a sound feminine plural (ـات: مستويات، امتيازات)
    or a feminine nisba (ـية: خرسانية). غير after it opens the negated adjective that agrees
    with it: إلى مستويات | غير مسبوقة، قبة خرسانية | غير مسلحة.

    The guards are round 12's: no accusative, article or pronoun, not after a number or a
    particle (ولا ... | غير: "but").

    >>> _unknown_plural_before_not("إلى", "مستويات", "غير")
    True
    >>> _unknown_plural_before_not("ولا", "مستويات", "غير"), _unknown_plural_before_not("", "مستويات", "سابقة")
    (False, False)
    """
    if _bare(right_word) != "غير" or ends_phrase(left_word):
        return False
    left = _bare(left_word)
    stem = left[1:] if left[:1] in "بل" and len(left) > 3 else left
    if len(stem) < 5 or not stem.endswith(("ات", "ية")) or lexicon_classes(stem):
        return False
    if accusative(stem) or _definite_any(stem) or has_pronoun_suffix(stem):
        return False
    lex = lexicon()
    prior = _bare(before)
    if stem in lex.stopwords or _DIGITS.match(prior) or prior in lex.numerals:
        return False
    return not (prior in lex.stopwords and prior not in lex.prepositions)


#: Relatives and subordinators that open a verbal clause (no preposition: بعد فوزه is a
#: noun's): a verb with an object pronoun right after them is that clause's verb.
_CLAUSE_OPENERS = frozenset(
    {"الذي", "التي", "الذين", "اللذين", "اللتين", "حين", "وحين", "حتى", "ما", "أن"}
    | {"عندما", "وعندما", "لما", "ولما", "كما", "بعدما", "ربما", "قد", "وقد", "لقد"}
)
_OBJECT_PRONOUNS = ("هما", "هم", "هن", "ها", "ه")


def _verb_with_object_after_relative(
    found: Category | None, before: str, left_word: str, right_word: str
) -> bool:
    """After a relative or a subordinator, a verb with an object pronoun opens the clause
    and the definite word after it is its subject, not an adjective of a noun + pronoun:
    الذي شيده | الملك، حين وصفها | الرحالة، التي جلبها | الأوروبيون.

    The verb is a word the lexicon knows as one once the pronoun is taken off (شيد، وصف).

    >>> _verb_with_object_after_relative("noun-adjective", "الذي", "شيده", "الملك")
    True
    >>> _verb_with_object_after_relative("noun-adjective", "بعد", "فوزه", "المثير")
    False
    """
    if found != "noun-adjective" or ends_phrase(left_word) or ends_phrase(before):
        return False
    if _bare(before) not in _CLAUSE_OPENERS or not _bare(right_word).startswith("ال"):
        return False
    left = _bare(left_word)
    suffix = next((end for end in _OBJECT_PRONOUNS if left.endswith(end)), "")
    stem = left[: -len(suffix)] if suffix else ""
    if len(stem) < 3:
        return False
    return "V" in lexicon_classes(stem) or stem in known_verbs()


def _round15_dialect(
    found: Category | None, before: str, left_word: str, right_word: str
) -> Category | Literal["free"] | None:
    """Round 15 (dialect), after round 14 (`_dialect_rounds`): None where it says nothing."""
    if found in (None, "idafa") and _modal_before_subject(left_word, right_word):
        return "binding"  # لازم | راتبك يكون، لازم | الشاحن: the modal and its clause
    if found is None and _dialect_binder(left_word, right_word):
        return "binding"  # الشاشة حقت | الجالكسي، قديش | بتدفعوا، لحتى | يرجعولك
    if found is None and _demonstrative_subject(before, left_word, right_word):
        return "binding"  # درهم، هاد | مستحيل، وهاي | أهم شي: "this" and what it is
    return None


#: The dialect modal of obligation ("must"); مفروض / المفروض are left out (in news they are
#: the participle "imposed": الحظر المفروض | على), ممكن too ("possible").
_MUST = frozenset({"لازم"})


def _modal_before_subject(left_word: str, right_word: str) -> bool:
    """The dialect modal of obligation لازم (و / ف before it allowed) before
    the subject of the clause it governs (لازم | راتبك يكون فوق 5000، فلازم | نظام): "must"
    needs its clause whatever its first word, not only a verb (the governors' rule). Before
    an adverb (مش لازم | أبدا), a call (ما كان لازم | يا حبيبتي) or a mark the modal is a
    predicate and closes. ممكن is left out: it is also the adjective "possible" (حد ممكن |
    لها), and stands alone as a request (بابا، ممكن | أستلف؟).

    >>> _modal_before_subject("لازم", "راتبك"), _modal_before_subject("فلازم", "نظام")
    (True, True)
    >>> _modal_before_subject("لازم", "أبدا"), _modal_before_subject("لازم،", "الحين")
    (False, False)
    """
    if ends_phrase(left_word) or _leading_mark(right_word):
        return False
    left = _bare(left_word)
    lex = lexicon()
    if left[:1] in "وف" and left[1:] in _MUST:
        left = left[1:]
    if left not in _MUST:
        return False
    right = _bare(right_word)
    return right not in ("يا", "ويا") and right not in lex.adverbs


#: Dialect function words with no reading of their own that need what follows: the Gulf
#: and Maghrebi possessive exponents before their possessor (حقت، ديال: "of"), the
#: Levantine "how much" (قديش) and "so that" (لحتى). حق، تبع، متاع and بتاع are left out:
#: حق is also "right", تبع / تبعت also "(you) send", متاع the standard noun "goods", and
#: بتاع + a noun is labelled both ways.
_ROUND15_BINDERS = frozenset({"حقت", "ديال", "قديش", "لحتى"})


def _dialect_binder(left_word: str, right_word: str) -> bool:
    """A closed-class dialect function word (و / ف before it allowed) before a word, with no
    mark between: it binds to what follows (والعلبة حقت | AirPods، قديش | بتكلف الرحلة).

    >>> _dialect_binder("حقت", "اللعبة"), _dialect_binder("وقديش", "بتكلف"), _dialect_binder("لحتى", "تصرف")
    (True, True, True)
    >>> _dialect_binder("قديش،", "يعني"), _dialect_binder("حق", "الناس")
    (False, False)
    """
    left = _bare(left_word)
    if left[:1] in "وف" and left[1:] in _ROUND15_BINDERS:
        left = left[1:]
    if left not in _ROUND15_BINDERS:
        return False
    return not (ends_phrase(left_word) or _leading_mark(right_word))


#: The Levantine and Gulf demonstratives "this" (هاد، هادا، هادي، هاي، هيدا، هيدي، هذي);
#: هدي is left out (also "calmed").
_DIALECT_THIS = frozenset({"هاد", "هادا", "هادي", "هاي", "هيدا", "هيدي", "هذي"})


def _demonstrative_subject(before: str, left_word: str, right_word: str) -> bool:
    """A dialect demonstrative opening a clause (a line's start, after a mark, with و / ف,
    or after لكن / بس): the subject "this", bound to its predicate (درهم، هاد | مستحيل،
    وهاي | أهم شي). After a noun it points back to it and closes it (النسبة هذي | متغيرة);
    هاي alone opening a line or a turn may be the greeting "hi" (هاي | كيفكم).

    >>> _demonstrative_subject("درهم،", "هاد", "مستحيل"), _demonstrative_subject("", "وهاي", "أهم")
    (True, True)
    >>> _demonstrative_subject("النسبة", "هذي", "متغيرة"), _demonstrative_subject("", "هاي", "كيفكم")
    (False, False)
    """
    left = _bare(left_word)
    prefixed = left[:1] in "وف" and left[1:] in _DIALECT_THIS
    if not (prefixed or left in _DIALECT_THIS):
        return False
    if ends_phrase(left_word) or _leading_mark(right_word):
        return False
    if not before or before in ("-", "—"):
        return prefixed or left != "هاي"  # a line's or a turn's هاي may be "hi" (هاي | كيفكم)
    return prefixed or ends_phrase(before) or _bare(before) in ("لكن", "ولكن", "بس")
