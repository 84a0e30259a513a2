"""A learned correction layer over the line-break rules (round 15).

The rules of `captionkit.text.linebreak` give a verdict on a break between two words
(None, or the category of unit the break would split). This layer reads that verdict with
features of the three words around the break (the word before, the left and the right
word) and may overturn it: a multinomial logistic regression over "good" and the five
categories, trained by ``benchmarks/train_linebreak.py`` on the labelled rows and stored as
feature weights in ``data/linebreak/learned.tsv``. It overturns the rules only when the
model is confident by a margin (chosen by cross-validation on the studied rows); when it
turns a bad verdict good it returns None, when it turns a good one bad it names the
category it finds likeliest; a bad verdict stays the rules' category.

What generalises to new text is what the features see: a closed-class word (a function
word, particle, pronoun, governor, the data lists' words) by its identity, any other word
only by its form (attached prefixes, the article, suffixes, length, the lexicon's classes,
a verb shape, Latin script, digits, punctuation at its end). A content word's identity is
never a feature. At run time the layer is pure Python: a dict of weights read once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from captionkit.text.wordclass import (
    CLOSERS,
    OPENERS,
    PHRASE_END,
    SENTENCE_END,
    data_lines,
    first_names,
    function_words,
    lexicon_classes,
    looks_verb,
)

#: The classes of the model, in the order of the weight columns.
CLASSES = ("good", "binding", "number", "name", "noun-adjective", "idafa")
_DATA_FILE = "learned.tsv"
_ARTICLES = ("وبال", "فبال", "وال", "فال", "بال", "كال", "لل", "ال")
_PREFIXES = ("و", "ف", "ب", "ل", "ك", "س")
_SUFFIXES = tuple("تين ية ات ون ين ان ها هم نا كم ة ي ه ك ا ى".split())
_CLOSED_FILES = (
    "binding-extra.txt",
    "governors.txt",
    "number-words.txt",
    "adverbs.txt",
    "titles.txt",
    "class-nouns.txt",
    "not-binding.txt",
    "complements.txt",
)
_ARABIC_DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"


def _entries(name: str) -> Iterable[str]:
    """The words of a data list (its section headers left out)."""
    for line in data_lines(name):
        if not line.startswith("["):
            yield from line.split()


@lru_cache(maxsize=1)
def closed_words() -> frozenset[str]:
    """The words the layer may know by identity: arabic-stopwords' function words (with their
    prefixed forms) and the words of the closed lists of ``data/linebreak``."""
    words = set(function_words())
    for name in _CLOSED_FILES:
        words.update(word.casefold() for word in _entries(name))
    return frozenset(words)


#: Marks a word may open with when its line was typed in visual order (the line's last mark
#: saved first) or continues one (an ellipsis): they belong to the line's end, not to the gap.
_OPENING_MARKS = "".join(sorted(SENTENCE_END | PHRASE_END))


def _strip(word: str) -> tuple[str, str]:
    """The word without quotes, end punctuation and visual-order opening marks, and the kind
    of its end mark.

    >>> _strip("«المدينة»،"), _strip(".غزو")
    (('المدينة', ','), ('غزو', ''))
    """
    core = word.strip(OPENERS).lstrip(_OPENING_MARKS).lstrip(OPENERS).rstrip(CLOSERS)
    mark = ""
    while core and (core[-1] in SENTENCE_END or core[-1] in PHRASE_END):
        mark = mark or ("." if core[-1] in SENTENCE_END else ",")
        core = core[:-1].rstrip(CLOSERS)
    return core, mark


@lru_cache(maxsize=65536)
def word_features(word: str) -> tuple[tuple[str, ...], str]:
    """The features of one word, and its coarse class (used in the crossed features).

    >>> word_features("والمدينة")[1], word_features("في")[1], word_features("2024")[1]
    ('art|lex:N', 'w:في', 'dig')
    """
    core, mark = _strip(word)
    feats: list[str] = []
    if mark:
        feats.append("end" + mark)
    if not core:
        return tuple(feats or ["empty"]), "sym"
    if word[:1] in OPENERS:
        feats.append("quote")
    low = core.casefold()
    if low in closed_words():
        feats.append("w:" + low)
        return tuple(feats), "w:" + low
    if any(ch in _ARABIC_DIGITS for ch in core):
        feats.append("dig")
        feats.append("diglen:" + str(min(len(core), 5)))
        return tuple(feats), "dig"
    if core[0].isascii():
        feats.append("lat")
        if core[0].isupper():
            feats.append("cap")
        return tuple(feats), "lat:cap" if core[0].isupper() else "lat"
    return _arabic_features(core, feats)


def _arabic_features(core: str, feats: list[str]) -> tuple[tuple[str, ...], str]:
    """The form of an Arabic content word: article or prefix, suffix, length, classes."""
    article = next((a for a in _ARTICLES if core.startswith(a) and len(core) > len(a) + 1), "")
    stem = core[len(article) :]
    prefix = ""
    if not article and len(core) > 3 and core[0] in _PREFIXES:
        prefix = core[0]
        feats.append("pre:" + prefix)
    if article:
        feats.append("art:" + article)
    suffix = next((s for s in _SUFFIXES if stem.endswith(s) and len(stem) > len(s) + 1), "")
    feats.append("suf:" + suffix)
    feats.append("len:" + str(min(len(stem), 8)))
    classes = lexicon_classes(core) or lexicon_classes(stem)
    if not classes and prefix:
        classes = lexicon_classes(core[1:])
    lex = "lex:" + "".join(sorted(set(classes.replace(" ", ""))))
    feats.append(lex)
    verb = looks_verb(core)
    if verb:
        feats.append("verb")
    if core in first_names() or stem in first_names():
        feats.append("firstname")
    coarse = ("art" if article else "pre" if prefix else "bare") + "|" + lex
    if verb:
        coarse += "|verb"
    feats.append("c:" + coarse)
    feats.append("c2:" + coarse + "|" + suffix)
    return tuple(feats), coarse


#: Characters no labelled word opens with (a credit's || separator, a tag, a path, a handle).
_UNSEEN_OPENINGS = frozenset("|\\/<>=#@*~^_[]{}")


def _unseen_symbol(word: str) -> bool:
    """A word that opens with a symbol the labelled rows never show (||علي, <i>, #tag):
    the layer has learned nothing about it.

    >>> _unseen_symbol("||علي"), _unseen_symbol(".غزو"), _unseen_symbol("«كلمة")
    (True, False, False)
    """
    return word.lstrip(OPENERS)[:1] in _UNSEEN_OPENINGS


def rule_key(verdict: str | None) -> str:
    """The rules' verdict as the layer reads it: "none", a category, or a category and "?"
    when the rules guessed it without a positive clue (a doubtful category)."""
    if verdict is None:
        return "none"
    return str(verdict) + ("" if type(verdict) is str else "?")


def pair_features(rule: str, left: str, right: str, before: str | None) -> list[str]:
    """The features of one break: the rules' verdict (`rule_key`) crossed with the words' forms."""
    left_feats, left_class = word_features(left)
    right_feats, right_class = word_features(right)
    feats = ["v:" + rule]
    feats.extend("L:" + f for f in left_feats)
    feats.extend("R:" + f for f in right_feats)
    feats.extend(f"v:{rule}|L:{f}" for f in left_feats)
    feats.extend(f"v:{rule}|R:{f}" for f in right_feats)
    feats.append(f"LR:{left_class}|{right_class}")
    feats.append(f"v:{rule}|LR:{left_class}|{right_class}")
    if before is None:
        feats.append("B:?")
    elif not before:
        feats.append(f"v:{rule}|B:start")
    else:
        _, before_class = word_features(before)
        feats.append(f"v:{rule}|B:{before_class}")
        feats.append(f"v:{rule}|BL:{before_class}|{left_class}")
        feats.append(f"v:{rule}|BLR:{before_class}|{left_class}|{right_class}")
    feats.append(f"v:{rule}|LR2:{left_feats[-1]}|{right_feats[-1]}")
    return feats


@lru_cache(maxsize=1)
def weights() -> tuple[dict[str, tuple[float, ...]], float]:
    """The feature weights (one per class of `CLASSES`) and the override margin, read once
    from ``data/linebreak/learned.tsv``; none at all (the rules pass through) when the file
    is absent or switched off."""
    path = resources.files("captionkit.data").joinpath("linebreak", _DATA_FILE)
    if not path.is_file():
        return {}, math.inf
    table: dict[str, tuple[float, ...]] = {}
    margin = math.inf
    for line in path.read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, *values = line.split("\t")
        if name == "@margin":
            margin = float(values[0])
        elif name != "@classes":
            table[name] = tuple(float(v) for v in values)
    return table, margin


def scores(rule: str, left: str, right: str, before: str | None) -> list[float]:
    """The model's score of each class of `CLASSES` (unnormalised log-probabilities)."""
    table, _ = weights()
    get = table.get
    rows = [row for row in map(get, pair_features(rule, left, right, before)) if row]
    if not rows:
        return [0.0] * len(CLASSES)
    return [sum(column) for column in zip(*rows, strict=True)]


def bad_logit(values: list[float]) -> float:
    """log P(bad) - log P(good) of a score list."""
    top = max(values[1:])
    return top + math.log(sum(math.exp(v - top) for v in values[1:])) - values[0]


def corrected(verdict: str | None, left: str, right: str, before: str | None) -> str | None:
    """The rules' ``verdict`` on a break, overturned when the model disagrees by the margin.

    With no weights (no data file) the verdict passes through unchanged; a kept verdict is
    the rules' own object (a doubtful guess stays doubtful).
    """
    decision = _decision(rule_key(verdict), left, right, before)
    return verdict if decision == "keep" else decision


@lru_cache(maxsize=65536)
def _decision(rule: str, left: str, right: str, before: str | None) -> str | None:
    """The decision on a break: keep the rules' verdict ("keep"), None (the break is good),
    or the category the model puts in place of ``rule``."""
    table, margin = weights()
    if not table or _strip(left)[1]:
        return "keep"  # punctuation after the left word settles the break
    if _unseen_symbol(left) or _unseen_symbol(right):
        return "keep"  # no labelled row opens a word so: the rules judge
    values = scores(rule, left, right, before)
    logit = bad_logit(values)
    if rule == "none" and logit > margin:
        return CLASSES[max(range(1, len(CLASSES)), key=values.__getitem__)]
    if rule != "none" and logit < -margin:
        return None
    return "keep"
