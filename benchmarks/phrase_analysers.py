"""Word classes of 79 Arabic words (written for captionkit): the core's shapes vs analysers.

Classes: N noun, A adjective (incl. participles, nisba), P proper name, V verb, F function
word. ``core`` is captionkit's own (``captionkit/text/wordclass.py`` and the word lists);
``farahidi``, ``pyaramorph`` and ``qalsadi`` are GPL analysers on PyPI, measured when they are
installed (``pip install farahidi pyaramorph qalsadi``; none is a dependency). Each
analyser's first (most frequent) analysis is mapped to a class. Prints right/total and
words per second (the first call, which loads the lexicon, is left out).

Run: ``python benchmarks/phrase_analysers.py [core|farahidi|pyaramorph|qalsadi ...]``.

``python benchmarks/phrase_analysers.py --build-lexicon`` (re)writes
``captionkit/data/linebreak/lexicon.txt`` from arramooz's dictionary (``pip install
arramooz-pysqlite``, GPL-3.0, not a dependency): every unvocalised verb lemma and noun-table
word with its classes, V (a perfect verb), N (a noun reading), A (an adjective reading).
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = (
    "الحكومة N|الجديدة A|قرار N|البرلمان N|الاقتصادي A|المتحدة A|المحلية A|مسؤول N|الرئيس N"
    "|ماكرون P|باريس P|أعلن V|يواجه V|كتب V|في F|على F|الذي F|لكن F|المستشفى N|الطبيب N"
    "|الماهر A|كبير A|صغيرة A|المعلومات N|الرقمية A|تطبيق N|المحادثة N|الذكي A|الشركة N"
    "|الناشئة A|محمد P|أحمد P|القاهرة P|تونس P|السياسي A|الدولي A|المسلحة A|القوات N"
    "|الشرطة N|الأمنية A|الجامعة N|الأستاذ N|المساعد A|التاريخ N|القديم A|الحضارة N"
    "|الإسلامية A|دراسة N|الطلاب N|المتفوقين A|ذهب V|يقول V|عادت V|الماء N|البارد A"
    "|سريعة A|سيارة N|جميلة A|المنزل N|الكبير A|يوسف P|مريم P|العراق P|إن F|كان V|ليس V"
    "|هل F|حيث F|المنتخب N|الوطني A|الفريق N|المنافس A|المباراة N|النهائية A|لندن P"
    "|جوجل P|يوتيوب P|المقطع N|القصير A"
)
WORDS = [tuple(item.split()) for item in GOLD.split("|")]


def core() -> Callable[[str], str]:
    from captionkit.text.linebreak import lexicon
    from captionkit.text.wordclass import adjective_shape, first_names, looks_verb, strip_article

    lex = lexicon()

    def classify(word: str) -> str:
        if word in lex.kana:
            return "V"
        if word in lex.stopwords:
            return "F"
        if word in first_names() or word in lex.name_words or word in lex.proper_nouns:
            return "P"
        if looks_verb(word):
            return "V"
        return "A" if adjective_shape(strip_article(word)[1]) else "N"

    return classify


def farahidi() -> Callable[[str], str]:
    import farahidi as module  # type: ignore[import-not-found]

    analyzer = module.Analyzer()

    def classify(word: str) -> str:
        found = analyzer.analyze(word)
        if not found:
            return "?"
        kind, pos = found[0].type or "", found[0].pos or ""
        if pos == "حرف":
            return "F"
        if pos == "فعل":
            return "V"
        if "علم" in kind:
            return "P"
        adjective = ("فاعل", "مفعول", "صفة", "نسبة", "تفضيل", "مشبهة")
        return "A" if any(part in kind for part in adjective) else "N"

    return classify


def pyaramorph() -> Callable[[str], str]:
    import pyaramorph as module  # type: ignore[import-not-found]
    from pyaramorph import buckwalter

    analyzer = module.Analyzer()
    skip = ("NSUFF", "CASE", "CONJ", "PREP", "POSS", "PVSUFF", "IVSUFF", "IV", "PV_", "SUFF")

    def classify(word: str) -> str:
        found = analyzer.analyze_word(buckwalter.uni2buck(word))
        if not found:
            return "?"
        tags = re.findall(r"/([A-Z_]+)", found[0].split("pos:")[1].split("\n")[0])
        kept = [tag for tag in tags if tag != "DET" and not tag.startswith(skip)] or tags
        tag = kept[0]
        if tag.startswith("ADJ"):
            return "A"
        if tag == "NOUN_PROP":
            return "P"
        if tag.startswith("NOUN"):
            return "N"
        return "V" if tag.startswith(("PV", "IV", "CV", "VERB")) else "F"

    return classify


def qalsadi() -> Callable[[str], str]:
    import qalsadi.analex as module  # type: ignore[import-not-found]

    analyzer = module.Analex()

    def classify(word: str) -> str:
        found = analyzer.check_word(word)
        if not found:
            return "?"
        kinds = [item.type for item in found]
        adjective = ("منسوب", "صفة", "فاعل", "مفعول", "مشبهة")
        if any(part in kind for kind in kinds for part in adjective) and not kinds[0].startswith(
            ("Verb", "STOP")
        ):
            return "A"
        kind = kinds[0]
        if kind.startswith("Verb"):
            return "V"
        if kind.startswith("STOPWORD"):
            return "F"
        return "P" if "علم" in kind else "N"

    return classify


#: arramooz noun types read as adjectives; an intensive (صيغة مبالغة) only when no primitive
#: noun (جامد) reading shares the spelling (سعر is a price, not "rabid").
_ADJECTIVE_TYPES = ("فاعل", "مفعول", "صفة", "مشبهة", "منسوب", "تفضيل")


def build_lexicon() -> Path:
    """Write ``lexicon.txt``: the word classes of arramooz's verb and noun dictionaries."""
    import sqlite3

    import arramooz  # type: ignore[import-untyped]

    database = Path(arramooz.__file__).parent / "data" / "arabicdictionary.sqlite"
    connection = sqlite3.connect(database)
    classes: dict[str, set[str]] = {}
    for (word,) in connection.execute("select unvocalized from verbs"):
        classes.setdefault(word, set()).add("V")
    types: dict[str, list[str]] = {}
    for word, kind in connection.execute("select unvocalized, wordtype from nouns"):
        types.setdefault(word, []).append(kind or "")
    for word, kinds in types.items():
        strict = [any(part in kind for part in _ADJECTIVE_TYPES) for kind in kinds]
        intensive = ["مبالغة" in kind for kind in kinds]
        primitive = any("جامد" in kind for kind in kinds)
        found = classes.setdefault(word, set())
        if any(strict) or (any(intensive) and not primitive):
            found.add("A")
        if not all(s or i for s, i in zip(strict, intensive, strict=True)) or (
            any(intensive) and primitive
        ):
            found.add("N")
    lines = [
        f"{word} {''.join(sorted(found))}"
        for word, found in sorted(classes.items())
        if word and " " not in word and found
    ]
    target = ROOT / "captionkit" / "data" / "linebreak" / "lexicon.txt"
    header = (
        "# Word classes built by `python benchmarks/phrase_analysers.py --build-lexicon` from\n"
        "# arramooz-pysqlite 0.4.2 (Taha Zerrouki, https://github.com/linuxscout/arramooz,\n"
        "# GPL-3.0): its verb and noun dictionaries, unvocalised. V: a perfect verb (3rd person\n"
        "# masculine singular); N: a noun reading; A: an adjective reading (participle, nisba,\n"
        "# صفة مشبهة, elative; an intensive only when no primitive noun shares the spelling).\n"
    )
    target.write_text(header + "\n".join(lines) + "\n", "utf-8")
    return target


def main(argv: list[str]) -> int:
    if "--build-lexicon" in argv:
        print(build_lexicon())
        return 0
    makers = {"core": core, "farahidi": farahidi, "pyaramorph": pyaramorph, "qalsadi": qalsadi}
    for name in argv or list(makers):
        try:
            classify = makers[name]()
        except ImportError:
            print(f"{name:10} not installed")
            continue
        classify("كتاب")  # load the lexicon
        start = time.perf_counter()
        right = sum(classify(word) == expected for word, expected in WORDS)
        rate = len(WORDS) / (time.perf_counter() - start)
        adjectives = [word for word, expected in WORDS if expected == "A"]
        adjective_right = sum(classify(word) == "A" for word in adjectives)
        print(
            f"{name:10} {right}/{len(WORDS)} right, adjectives {adjective_right}/{len(adjectives)},"
            f" {rate:,.0f} words/s"
        )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
