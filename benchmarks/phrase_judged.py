"""The labelled break decisions by genre: expand them to rows and measure the classifier.

The sources are ``fixtures/linebreak/{news,lecture,drama,social}.txt``: one script
line a line, written for captionkit, with every bad gap marked after its left word
(``/b`` binding, ``/a`` noun-adjective, ``/i`` idafa, ``/n`` name, ``/d`` number, an
optional ``{reason}``); every other gap inside a line is a good break. ``# part: train``
rows were written before the model was first frozen, ``held``, ``held2``, ``held3`` and
``held4`` (held-aside v3, measured once at 383951f) after the next four freezes; all five are
now development rows, as is ``held5`` (held-aside v4, written by other people after the freeze
for held-aside v4 and measured once at f91aa9c), and ``held6`` (held-aside v5, written by other
people after the freeze for held-aside v5 and measured once at 92.5 %). ``# part: held7`` rows
(held-aside v6, 6,053 rows) were written by four other people after the model was frozen for
held-aside v6 (c54c4c3, commit message "phrase model frozen for held-aside v6"), labelled
before the model was run on them, and measured once (news 92.9, lecture 92.8, drama 93.9,
social 91.3, all 92.8 %) and are development rows now. ``# part: held8`` rows (held-aside
v7, 7,144 rows) were written by four other people after the model was frozen for held-aside
v7 (174081d, "phrase model frozen for held-aside v7"), labelled before the model was run on
them, and measured once at that freeze (news 93.1, lecture 94.7, drama 93.1, social 91.6,
all 93.2 %) and are development rows now. ``# part: held9`` rows (held-aside v8, 10,500 rows) were
written by six other people after the model was frozen for held-aside v8 (b65a1db, "phrase
model frozen for held-aside v8"), labelled before the model was run on them, and measured
once at that freeze (news 94.7, lecture 94.7, drama 94.2, social 91.6, all 94.0 %) and are
development rows now. ``# part: held10`` rows (held-aside v9, 16,297 rows) were written by
seven other people after the model was frozen for held-aside v9 (f3ef9ee, "phrase model
frozen for held-aside v9"), labelled before the model was run on them, and measured once on
an archive of f3ef9ee (news 94.0, lecture 93.8, drama 95.3, social 92.5, all 93.8 %) and are
development rows now. ``# part: held11`` rows (held-aside v10, 21,475 rows) were written by
eight other people after the model was frozen for held-aside v10 (9bf85a2, "phrase model
frozen for held-aside v10"), labelled before the model was run on them, and measured once on
an archive of 9bf85a2 (news 95.05, lecture 94.7, drama 95.0, social 92.7, all 94.4 %) and are
development rows now. ``# part: held12`` rows (held-aside v11, 27,659 rows) were written by
ten other people after the model was frozen for held-aside v11 (77e8542, "phrase model
frozen for held-aside v11"), labelled before the model was run on them, and measured once on
an archive of 77e8542 (news 95.6, lecture 94.9, drama 95.6, social 92.6, all 94.7 %) and are
development rows now. ``# part: held13`` rows (held-aside v12, 36,172 rows) were written by
eleven other people after the model was frozen for held-aside v12 (f7e514a, "phrase model
frozen for held-aside v12"), labelled before the model was run on them, and measured once on
an archive of f7e514a (news 95.55, lecture 94.70, drama 95.71, social 93.31, all 94.80 %) and are
development rows now. ``# part: held14`` rows (held-aside v13, 52,546 rows) were written by
thirteen other people after the model was frozen for held-aside v13 (e9c40aa, "phrase model
frozen for held-aside v13"), labelled before the model was run on them, and measured once on
an archive of e9c40aa (news 95.27, lecture 94.83, drama 96.14, social 93.95, all 95.00 %) and
are development rows now. ``# part: held15`` rows (held-aside v14, 73,034 rows) were written by
seventeen other people after the model was frozen for held-aside v14 (e1210d6, "phrase model
frozen for held-aside v14"), labelled before the model was run on them, and measured once on
an archive of e1210d6 (news 95.67, lecture 94.73, drama 96.23, social 93.75, all 95.07 %) and
are development rows now. ``# part: held16`` rows (held-aside v15, 98,352 rows) were written by
twenty-one other people after the model was frozen for held-aside v15 (645d466, "phrase model
frozen for held-aside v15": the round-15 rules and the learned layer trained on every
development row), labelled before the model was run on them, and measured once on an archive
of 645d466 (news 96.89, lecture 96.29, drama 97.22, social 95.25, all 96.41 %; the rules alone
95.74, 94.76, 96.07, 93.84, 95.09 %); they are measured apart (with no held-aside rows the
script says "no held-aside rows yet").

Run: ``python benchmarks/phrase_judged.py`` prints agreement per genre and part; ``-v``
also lists the disagreements (and the bad rows given the wrong category); ``--write`` also regenerates ``fixtures/linebreak/judged.tsv``
(left, right, label, category, reason, genre, part; the line each row comes from is in the
genre file). ``--parts held6,held7`` prints
only the per-genre agreement of those parts (no rows listed, even with ``-v``): a validation
set measured without being read row by row.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "fixtures" / "linebreak"
GENRES = ("news", "lecture", "drama", "social")
#: Rows written before the model was frozen for held-aside v15 (all development now).
DEVELOPMENT = (
    "train",
    "held",
    "held2",
    "held3",
    "held4",
    "held5",
    "held6",
    "held7",
    "held8",
    "held9",
    "held10",
    "held11",
    "held12",
    "held13",
    "held14",
    "held15",
)
#: Rows written after that freeze (commit message "phrase model frozen for held-aside v15").
HELD_ASIDE = ("held16",)
PARTS = DEVELOPMENT + HELD_ASIDE
CODES = {"b": "binding", "a": "noun-adjective", "i": "idafa", "n": "name", "d": "number"}
_TOKEN = re.compile(r"(\S+?)(?:/([badin]))?(?:\{([^}]*)\})?(?=\s|$)")

_REASONS = {
    "binding": "«{l}» is a function word that needs what follows («{r}»)",
    "noun-adjective": "«{r}» qualifies «{l}» (adjective agreeing with its noun)",
    "idafa": "«{l}» is completed by «{r}» (construct or fixed complement)",
    "name": "«{l} {r}» is one name (or a title or class noun with its name)",
    "number": "«{l} {r}»: a number with what it counts or dates",
}


@dataclass(frozen=True)
class Row:
    left: str
    right: str
    label: str  # good | bad
    category: str  # a category for bad rows, "-" for good ones
    reason: str
    genre: str
    part: str
    context: str
    before: str = ""  # the word before ``left`` ("" when ``left`` opens the line)


def _good_reason(left: str, right: str) -> str:
    if left[-1:] in ".،,؟?!؛:":
        return "punctuation closes «" + left + "»"
    if right in ("-", "—"):
        return "a new speaker starts"
    if right[:1] in "وف" and len(right) > 2:
        return "«" + right + "» opens a conjoined phrase or clause"
    return "no unit spans «" + left + " | " + right + "»"


def parse(genre: str) -> list[Row]:
    """The rows of one genre's source file."""
    rows: list[Row] = []
    part = "train"
    for raw in (FOLDER / f"{genre}.txt").read_text("utf-8").splitlines():
        line = raw.strip()
        if line.startswith("# part:"):
            part = line.split(":", 1)[1].strip()
            continue
        if not line or line.startswith("#"):
            continue
        tokens = [(m[1], m[2], m[3]) for m in _TOKEN.finditer(line)]
        words = [word for word, _, _ in tokens]
        context = " ".join(words)
        for index, ((left, code, reason), (right, _, _)) in enumerate(itertools.pairwise(tokens)):
            before = words[index - 1] if index else ""
            if code:
                category = CODES[code]
                why = reason or _REASONS[category].format(l=left, r=right)
                rows.append(Row(left, right, "bad", category, why, genre, part, context, before))
            else:
                why = reason or _good_reason(left, right)
                rows.append(Row(left, right, "good", "-", why, genre, part, context, before))
    return rows


def all_rows() -> list[Row]:
    """Every labelled row of the four genres."""
    return [row for genre in GENRES for row in parse(genre)]


def main(argv: list[str]) -> int:
    from captionkit.text.linebreak import bad_break_category

    if "--help" in argv or "-h" in argv:
        print(__doc__)
        return 0
    rows = all_rows()
    for arg in argv:
        if arg.startswith("--parts"):
            value = arg.split("=", 1)[1] if "=" in arg else argv[argv.index(arg) + 1]
            _agreement_only(rows, tuple(value.split(",")), bad_break_category)
            return 0
    if "--write" in argv:
        header = (
            "# Labelled break decisions, generated from the genre files by benchmarks/phrase_judged.py\n"
            "# (each row's whole line is in its genre file, under its part).\n"
            "# left\tright\tlabel\tcategory\treason\tgenre\tpart\n"
        )
        body = "".join(
            "\t".join((r.left, r.right, r.label, r.category, r.reason, r.genre, r.part)) + "\n"
            for r in rows
        )
        (FOLDER / "judged.tsv").write_text(header + body, "utf-8")
    total_ok = 0
    verbose = "-v" in argv
    for genre in GENRES:
        for part in PARTS:
            chosen = [r for r in rows if r.genre == genre and r.part == part]
            if not chosen:
                continue
            ok = 0
            cat_ok = 0
            bad = 0
            for r in chosen:
                got = bad_break_category(r.left, r.right, before=r.before)
                agree = (got is not None) == (r.label == "bad")
                ok += agree
                if r.label == "bad" and got is not None:
                    bad += 1
                    cat_ok += got == r.category
                if verbose and (not agree or (r.label == "bad" and got != r.category)):
                    print(
                        f"  {genre}/{part}: {r.left} | {r.right}: labelled {r.label} {r.category}, model {got}"
                    )
            total_ok += ok
            print(
                f"{genre:8} {part:5} rows {len(chosen):4}  agreement {ok / len(chosen):.1%}"
                f"  category right on {cat_ok}/{bad} bad rows found"
            )
    print(f"overall rows {len(rows)}  agreement {total_ok / len(rows):.1%}")
    _summary(rows, bad_break_category)
    return 0


def _print_agreement(
    label: str, chosen: list[Row], judge: Callable[..., str | None], share: str
) -> None:
    """One line per genre and one for all: rows, rows the judge agrees on, and the share."""
    for genre in (*GENRES, None):
        some = [r for r in chosen if genre is None or r.genre == genre]
        ok = sum(
            (judge(r.left, r.right, before=r.before) is not None) == (r.label == "bad")
            for r in some
        )
        print(
            f"{label:13} {genre or 'all':8} rows {len(some):4}  agree {ok:4}"
            f"  agreement {ok / len(some):{share}}"
        )


def _agreement_only(
    rows: list[Row], parts: tuple[str, ...], judge: Callable[..., str | None]
) -> None:
    """Per-genre agreement on ``parts`` only: a validation set is measured, never listed."""
    chosen = [r for r in rows if r.part in parts]
    if not chosen:
        print(f"no rows in {', '.join(parts)}")
        return
    _print_agreement("+".join(parts), chosen, judge, ".2%")


def _summary(rows: list[Row], judge: Callable[..., str | None]) -> None:
    """Agreement on the development rows and on the held-aside v15 rows, per genre and overall."""
    for name, parts in (
        ("development", DEVELOPMENT),
        ("held-aside v15", HELD_ASIDE),
    ):
        chosen = [r for r in rows if r.part in parts]
        if not chosen:
            if parts == HELD_ASIDE:
                print("no held-aside rows yet")
            continue
        _print_agreement(name, chosen, judge, ".1%")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
