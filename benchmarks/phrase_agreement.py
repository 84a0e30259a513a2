"""How far two people agree on the held-aside break decisions, and the model with each.

The held-aside v4 lines (``# part: held5`` of ``fixtures/linebreak/{genre}.txt``) were
labelled by their writer; a second person, who saw the same lines without labels and
never saw the first labels or the model, labelled them again
(``fixtures/linebreak/second/{genre}.txt``). For each genre this prints:

- the two people's agreement on good/bad (and Cohen's kappa): the ceiling any model
  can be expected to reach against one person's labels;
- the model's agreement with the writer (the figure issue 22 asks for), with the second
  labeller, and on the gaps where the two people agree.

Run: ``python benchmarks/phrase_agreement.py`` (``-v`` lists the gaps where the people
disagree).
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from phrase_judged import _TOKEN, FOLDER, GENRES  # noqa: E402

PART = "held5"


@dataclass(frozen=True)
class Gap:
    left: str
    right: str
    bad: bool


def _lines(path: Path, part: str | None) -> list[list[Gap]]:
    """Each labelled line's gaps (of ``part`` only, when given)."""
    lines: list[list[Gap]] = []
    current = "train"
    for raw in path.read_text("utf-8").splitlines():
        line = raw.strip()
        if line.startswith("# part:"):
            current = line.split(":", 1)[1].strip()
            continue
        if not line or line.startswith("#") or (part is not None and current != part):
            continue
        tokens = [(m[1], m[2]) for m in _TOKEN.finditer(line)]
        lines.append(
            [
                Gap(left, right, bool(code))
                for (left, code), (right, _) in itertools.pairwise(tokens)
            ]
        )
    return lines


def _kappa(first: list[bool], second: list[bool]) -> float:
    """Cohen's kappa of two good/bad labellings of the same gaps."""
    count = len(first)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / count
    p1 = sum(first) / count
    p2 = sum(second) / count
    expected = p1 * p2 + (1 - p1) * (1 - p2)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main(argv: list[str]) -> int:
    from captionkit.text.linebreak import bad_break_category

    verbose = "-v" in argv
    header = (
        f"{'genre':8} {'gaps':>5} {'people':>7} {'kappa':>6} "
        f"{'model~writer':>13} {'model~second':>13} {'model~both':>11} {'(gaps)':>7}"
    )
    print(header)
    pooled = {"n": 0, "people": 0, "writer": 0, "second": 0, "both": 0, "agreed": 0}
    for genre in GENRES:
        second_path = FOLDER / "second" / f"{genre}.txt"
        if not second_path.exists():
            print(f"{genre:8} no second labelling")
            continue
        writer = _lines(FOLDER / f"{genre}.txt", PART)
        second = _lines(second_path, None)
        if [[(g.left, g.right) for g in line] for line in writer] != [
            [(g.left, g.right) for g in line] for line in second
        ]:
            raise SystemExit(f"{second_path}: not the same words as the {PART} lines")
        first_labels = [g.bad for line in writer for g in line]
        second_labels = [g.bad for line in second for g in line]
        gaps = [g for line in writer for g in line]
        model = [bad_break_category(g.left, g.right) is not None for g in gaps]
        n = len(gaps)
        people = sum(a == b for a, b in zip(first_labels, second_labels, strict=True))
        m_writer = sum(m == a for m, a in zip(model, first_labels, strict=True))
        m_second = sum(m == b for m, b in zip(model, second_labels, strict=True))
        agreed = [i for i in range(n) if first_labels[i] == second_labels[i]]
        m_both = sum(model[i] == first_labels[i] for i in agreed)
        print(
            f"{genre:8} {n:5} {people / n:7.1%} {_kappa(first_labels, second_labels):6.2f} "
            f"{m_writer / n:13.1%} {m_second / n:13.1%} {m_both / len(agreed):11.1%} "
            f"{len(agreed):7}"
        )
        for key, value in (
            ("n", n),
            ("people", people),
            ("writer", m_writer),
            ("second", m_second),
            ("both", m_both),
            ("agreed", len(agreed)),
        ):
            pooled[key] += value
        if verbose:
            for i, gap in enumerate(gaps):
                if first_labels[i] != second_labels[i]:
                    writer_says = "bad" if first_labels[i] else "good"
                    second_says = "bad" if second_labels[i] else "good"
                    model_says = "bad" if model[i] else "good"
                    print(
                        f"  {gap.left} | {gap.right}: writer {writer_says}, "
                        f"second {second_says}, model {model_says}"
                    )
    if pooled["n"]:
        n = pooled["n"]
        print(
            f"{'all':8} {n:5} {pooled['people'] / n:7.1%} {'':6} "
            f"{pooled['writer'] / n:13.1%} {pooled['second'] / n:13.1%} "
            f"{pooled['both'] / pooled['agreed']:11.1%} {pooled['agreed']:7}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
