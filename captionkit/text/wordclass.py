"""Word classes of Arabic by shape and lexicon: verbs, adjectives, participles, names.

No morphological analyser runs inside captionkit (the ones on PyPI are slow or
GPL-2.0-only; docs/phrase-structure.md says what was measured), but the word classes of
arramooz's dictionaries ship as ``lexicon.txt`` (built from arramooz-pysqlite, GPL-3.0):
a word the lexicon knows only as a noun or adjective is no verb, whatever its shape, and
an adjective the shapes miss (الوحيد، العرب) is still one. The rest are the
patterns a reader uses on an unvocalised word: the imperfect prefixes (يـ تـ نـ),
the feminine past -ت, the derived-form perfects (افتعل، استفعل), the participles
(مُفعِل، مُفتعَل، مُستفعِل، فاعل), the adjective shapes (فعيل، فعلاء، أفعل،
nisba -ي/-ية), the accusative -ًا that agreeing words share, and attached pronouns.
Each test is a guess; the break rules combine them with the word lists.

>>> looks_verb("وتشير"), looks_verb("أطلقت"), looks_verb("تطبيق"), looks_verb("الحكومة")
(True, True, False, False)
>>> adjective_shape("مختلفا"), adjective_shape("شاملة"), adjective_shape("سيارة")
(True, True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_C = "[^\\W\\d_اويىةءآأإ]"  # a consonant letter (no long vowel, no hamza seat, no ta marbuta)
_L = "[^\\W\\d_]"  # any letter
_FEM = "(?:ة|ات|ون|ين|ان|تين|ا)?"

#: Verbal nouns: تفعيل إفعال افتعال انفعال استفعال تفاعل مفاعلة، and فعال فعالة.
MASDAR = re.compile(
    f"ت{_L}{{2}}ي{_L}|إ{_L}{{2}}ا{_L}ة?|ا{_L}ت{_L}ا{_L}|ان{_L}{{2}}ا{_L}|است{_L}{{2}}ا{_L}"
    f"|ت{_L}ا{_L}{{2}}|م{_L}ا{_L}{{2}}ة|{_C}{{2}}ا{_C}ة?"
)
_PARTICIPLE = re.compile(
    f"(?:م{_C}{{3,4}}|مت{_C}{{3}}|مست{_C}{{3}}|م{_C}ا{_C}{{2}}|م{_C}{{2}}و{_C}|م{_C}{{2}}ي{_C}){_FEM}"
)
_ADJECTIVE = re.compile(
    f"(?:{_C}ا{_C}{{2}}|{_C}{{2}}ي{_C}|{_C}{_L}{_C}اء|أ{_L}{{3}}|{_C}{{2}}ا{_C}){_FEM}"
)
_HOLLOW_PERFECT = re.compile(f"ا{_C}تا{_C}")
_HOLLOW_FIRST_PERSON = re.compile(f"أ{_C}ي{_C}")
_PRONOUN_SUFFIXES = ("ها", "هم", "هما", "هن", "كم", "كما", "نا", "ني", "كن")
_VERB_PREFIXES = ("وس", "فس", "ول", "فل", "و", "ف", "س", "ل")


#: A sentence's closing marks and a phrase's, and what may close or open around a word.
SENTENCE_END = frozenset(".!?؟…")
PHRASE_END = frozenset(",،؛;:")
CLOSERS = "\"'»”’)]}›"
OPENERS = "\"'«“‘([{‹"


def data_lines(name: str) -> list[str]:
    """The non-comment, non-blank lines of a file of ``data/linebreak``, stripped."""
    text = resources.files("captionkit.data").joinpath("linebreak", name).read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def known_verbs() -> frozenset[str]:
    """Perfect verbs whose shape is also a noun's (``verbs.txt``)."""
    return frozenset(data_lines("verbs.txt"))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """First names of people (``first-names.txt``)."""
    return frozenset(data_lines("first-names.txt"))


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    """Unvocalised word -> its arramooz classes (``V`` ``N`` ``A``, ``lexicon.txt``)."""
    return dict(line.split(" ", 1) for line in data_lines("lexicon.txt"))


def lexicon_classes(bare: str) -> str:
    """The classes the lexicon gives a word as it stands ("" when it does not know it).

    >>> lexicon_classes("مجاور"), lexicon_classes("حرارة"), lexicon_classes("زززز")
    ('A', 'N', '')
    """
    return _lexicon().get(bare, "")


_NOUN_SUFFIXES = ("ها", "هم", "هما", "هن", "كم", "كما", "نا", "ه", "ك")


@lru_cache(maxsize=65536)
def known_noun(bare: str) -> bool:
    """The lexicon knows the word (maybe after و ف ب ل or before a pronoun) only as a noun.

    A feminine noun writes its ة as ت before a pronoun (مهمتها); that reading is taken
    only when the stem without ت is no verb (نشرتها is also "she published it").

    >>> known_noun("مهمتها"), known_noun("تجريبي"), known_noun("نشرتها"), known_noun("طالب")
    (True, True, False, False)
    """
    forms = [bare] + [bare[1:] for p in "وفبل" if bare.startswith(p) and len(bare) > 4]
    for form in list(forms):
        for suffix in _NOUN_SUFFIXES:
            stem = form[: -len(suffix)]
            if form.endswith(suffix) and len(stem) >= 3:
                forms.append(stem)
                lemma = stem[:-2] + "ى" if stem[-2:] == "يت" else stem[:-1]  # قضيت: قضى
                if stem.endswith("ت") and lemma not in _verb_lemmas():
                    forms.append(stem[:-1] + "ة")
    if bare.endswith("ي") and bare[:-1] + "ى" in _verb_lemmas():
        return False  # تعني: the masdar تعنّي and the imperfect of عنى share the spelling
    return any((found := lexicon_classes(form)) and "V" not in found for form in forms)


@lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    return frozenset(word for word, found in _lexicon().items() if "V" in found)


_ADJECTIVE_ENDINGS = ("ة", "ات", "ون", "ين", "ان", "ا")


@lru_cache(maxsize=65536)
def known_adjective(stem: str) -> bool:
    """The lexicon reads the stem (article removed), or its masculine singular, as an adjective.

    A spelling the lexicon knows as a noun only is no adjective, even when its masculine
    would be one (حرارة is heat, not the feminine of حرار).

    >>> known_adjective("وحيد"), known_adjective("بسيطة"), known_adjective("حرارة")
    (True, True, False)
    """
    found = lexicon_classes(stem)
    if not found:
        ends = (stem[: -len(end)] for end in _ADJECTIVE_ENDINGS if stem.endswith(end))
        found = next((c for c in map(lexicon_classes, ends) if c), "")
    return "A" in found


def conjoined_verb(bare: str) -> bool:
    """و or ف before a perfect the lexicon knows as a verb and never as a noun.

    وأثار، ووافق، وفاز، فتحت: a conjunction before a noun would need a noun reading.

    >>> conjoined_verb("ووافق"), conjoined_verb("وطالب"), conjoined_verb("ووقف")
    (True, True, False)
    """
    if bare[:1] not in "وف" or len(bare) < 4 or lexicon_classes(bare) or bare.endswith("ا"):
        return False  # وفقا: an adverb in the accusative
    stem = bare[1:]
    if _function_word(bare) or _function_word(stem):
        return False  # ولكن، وعلى، فقبل: لكن، على، قبل are also spelt like verbs
    for lemma in (stem, stem[:-1] if stem.endswith("ت") else ""):
        found = lexicon_classes(lemma)
        if len(lemma) >= 3 and "V" in found and "N" not in found:
            return True
    return False


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """arabic-stopwords' function words, each with its prefixed forms (loaded once)."""
    from arabicstopwords.arabicstopwords import STOPWORDS  # type: ignore[import-untyped]

    return frozenset(STOPWORDS)


def _function_word(bare: str) -> bool:
    """A form of arabic-stopwords' function words (maybe with its prefixes)."""
    return bare in function_words()


def verb_only(bare: str) -> bool:
    """The lexicon knows the word as a perfect verb and not as a noun or adjective (أنقذ).

    >>> verb_only("شاف"), verb_only("حذر"), verb_only("أسهل")
    (True, False, False)
    """
    if re.fullmatch(f"أ{_C}{{3}}", bare):
        return False  # أسهل، أضعف: the lexicon has the verb أفعل, not the elative
    return lexicon_classes(bare) == "V"


def _unprefixed(bare: str, prefixes: tuple[str, ...] = _VERB_PREFIXES) -> list[str]:
    forms = [bare]
    forms.extend(bare[len(p) :] for p in prefixes if bare.startswith(p) and len(bare) - len(p) >= 3)
    return forms


@lru_cache(maxsize=65536)
def looks_verb(bare: str) -> bool:
    """An Arabic verb by its shape or the verb list (a guess; nouns share some shapes).

    >>> looks_verb("يعرف"), looks_verb("ونغادر"), looks_verb("اكتشف"), looks_verb("تاريخ")
    (True, True, True, False)
    """
    if not bare or bare.isascii() or bare.startswith("ال"):
        return False
    if bare not in known_verbs() and known_noun(bare):
        return False  # تجريبي، مهمتها، بيانهم: the lexicon knows it only as a noun
    if conjoined_verb(bare):
        return True
    if len(bare) >= 5 and bare.endswith(("ات", "ية")) and bare not in known_verbs():
        return False  # سياسات، سياسية: a feminine plural or a nisba (no verb ends so)
    if re.fullmatch(f"أست{_C}{{3}}", bare) or (
        re.fullmatch(f"ا{_C}{{3}}", bare) and not lexicon_classes(bare)
    ):
        return True  # أستخدم: the first person of استفعل; احجز، اكتب: an imperative
    for form in _unprefixed(bare):
        if form in known_verbs():
            return True
        if form is not bare and bare[: len(bare) - len(form)].endswith(("س", "ل")):
            if _imperfect(form, False, bare[:1] != "ف"):
                return True
            continue  # سامسونغ، لابتوب: the future سـ and the لـ of command precede imperfects
        if (
            form.startswith(("ال", "إ"))  # إ starts a masdar (إعلان) or a name (إرنست), no verb
            or form.endswith(("ة", "ات", "اء", "ية"))
            or MASDAR.fullmatch(form)
        ):
            continue
        for suffix in ("ها", "هم", "ني", "نا", "كم"):
            stem = form[: -len(suffix)]
            if form.endswith(suffix) and len(stem) >= 4 and stem.endswith(("ت", "وا", "تم")):
                return True  # قضيتها، رأيتك
            if form.endswith(suffix) and len(stem) == 4 and stem[-1] == "و" and suffix != "نا":
                return True  # سألوني، شافوها: the plural -وا before a pronoun loses its alif
        if _imperfect(form, form is bare, bare[:1] != "ف"):
            return True
        if form[0] == "ا" and 5 <= len(form) <= 6 and "ا" not in form[1:]:
            if len(form) == 5 and form[3] == "و":
                continue  # لابتوب: افتعل never has و third (a hollow root gives اختار)
            return True  # اكتشف، استخدم، انتقل
        if _HOLLOW_PERFECT.fullmatch(form):
            return True  # اختار، احتاج: hollow افتعل (استفال is also the masdar استماع)
        if form is bare and _HOLLOW_FIRST_PERSON.fullmatch(form):
            return True  # أريد، أعيش، أبيع: أفعل of a root with middle ي (elatives keep و: أطول)
        if len(form) >= 4 and form.endswith(("ت", "تم", "وا")) and not form.endswith("ات"):
            if form.endswith("ت") and form[-2] in "وي" and len(form) <= 3 + (form[-2] == "و"):
                continue  # بيت، صوت، سكوت (نسيت، بقيت: a perfect of a root ending in ي)
            return True  # أطلقت، جربت، رأيت، ذهبوا
    return False


_EGYPTIAN_TENSE = ("ب", "ه", "ح")  # بيعمل، هتلاحظ، حنروح: the progressive and the future


def _imperfect(form: str, bare: bool, short: bool = True) -> bool:
    """An imperfect verb by its person prefix (يـ تـ نـ), maybe after Egyptian بـ هـ حـ.

    A bare نـ word is more often a noun (نقص، نظام) unless its stem is a verb's:
    نتعلم، نستخدم، نغادر (نفاعل without a hamza: نتائج is a plural).
    """
    if form.endswith("يو"):
        return False  # فيديو، راديو: loanwords, not يـ verbs
    if form[:1] in _EGYPTIAN_TENSE and form[1:2] in "يتن" and len(form) >= 5:
        noun = form.endswith(("ة", "ات", "ان", "اء", "ية", "ته", "تها", "تهم", "تك", "تي", "تنا"))
        if not noun and not form.startswith("بتاع"):
            return True  # بيقول، بتستخدم، هتلاحظها
    if form[:1] in _EGYPTIAN_TENSE and form.startswith(("بست", "هست")) and len(form) >= 6:
        return True  # بستخدم، هستنى: the first person after بـ / هـ
    if not form or form[0] not in "يتن" or form.startswith(("تي", "نو")):
        return False
    if len(form) == 3:  # not after ف: فيلم، فيزر
        return (
            short and form[0] in "يت" and bool(re.fullmatch(f"{_C}{{2}}", form[1:]))
        )  # يصل، تصف، يعد
    if not 4 <= len(form) <= 7:
        return False
    if form[0] == "ن" and bare:
        stem = form.startswith(("نت", "نست")) and len(form) >= 5
        stem = stem or bool(re.fullmatch(f"ن{_C}ا{_C}{{2}}", form))
        return stem and not re.search("[ئؤ]", form)
    return True


def strip_article(bare: str) -> tuple[bool, str]:
    """Whether the word carries the article (maybe after و ف ب ك ل), and its stem."""
    for prefix in ("وبال", "وال", "فال", "بال", "كال", "ال"):
        stem = bare[len(prefix) :]
        if bare.startswith(prefix) and (len(stem) >= 2 or stem[:1].isdigit()):
            return True, stem  # الـ7 (the tatweel gone): a number with the article
    for prefix in ("ولل", "فلل", "لل"):
        if bare.startswith(prefix) and len(bare) - len(prefix) >= 2:
            return True, bare[len(prefix) :]
    return False, bare


@lru_cache(maxsize=65536)
def adjective_shape(stem: str) -> bool:
    """The stem (without the article) has an adjective's or a participle's shape.

    >>> adjective_shape("مقترحة"), adjective_shape("سوداء"), adjective_shape("أبيض")
    (True, True, True)
    """
    if len(stem) < 3 or stem.isascii():
        return False
    if stem.endswith(("تي", "اتي")) and len(stem) <= 6:
        return False  # حياتي، جدتي: a noun with "my"
    if is_nisba(stem):
        return True
    return bool(_PARTICIPLE.fullmatch(stem) or _ADJECTIVE.fullmatch(stem))


def is_nisba(stem: str) -> bool:
    """A relative adjective: الاقتصادي، الوطنية، المصريين."""
    if stem.endswith(("تي", "اتي")) and len(stem) <= 6:
        return False
    if stem.endswith(("اية", "ايات")):
        return False  # ولاية، رواية، بداية: فعالة nouns of a root ending in ي, not nisba
    return len(stem) >= 4 and stem.endswith(("ي", "ية", "يين", "يون", "يات", "يتين", "يان"))


def has_pronoun_suffix(bare: str) -> bool:
    """Ends in an attached pronoun (أبرزها، قوتهم، فرصتك): such a noun heads no construct."""
    if len(bare) >= 5 and bare.endswith(_PRONOUN_SUFFIXES):
        return True
    return len(bare) >= 4 and bare.endswith(("تك", "تي", "ته", "تنا"))


def accusative(bare: str) -> bool:
    """Ends in the indefinite accusative alif (نموذجا، مختلفا) that agreeing words share."""
    return (
        len(bare) >= 4 and bare.endswith("ا") and not bare.endswith(("ءا", "وا", "يا", "ها", "نا"))
    )


def qualifier_shape(stem: str) -> bool:
    """A nisba or a مُـ participle: words that qualify and seldom head a construct.

    Unlike :func:`adjective_shape` it leaves out فعيلة and فاعل (طريقة، صاحب head
    constructs as often as they qualify).

    >>> qualifier_shape("تاريخية"), qualifier_shape("مقترحة"), qualifier_shape("صاحب")
    (True, True, False)
    """
    if len(stem) < 3 or stem.isascii():
        return False
    if is_nisba(stem):
        return True
    return bool(_PARTICIPLE.fullmatch(stem))
