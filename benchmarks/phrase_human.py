"""Cue ends of ``make`` against the cue ends of subtitles made by people.

The text of real Arabic and Persian subtitle files (``../shared/corpus``) becomes a
narration, one subtitle line a narration line; ``make`` captions it; its cue ends
are compared with the human cue ends (gaps after the last word of each human cue):
precision, recall, F1, and the share of make's cue ends that fall inside a human
line (not at the end of any subtitle line), and the chance make gives that the text is
cut into utterances (``segment.utterance_chance``: then each line that closes one is kept
apart). Targets: inside ≤ 8 %, F1 ≥ 0.75.

Run: ``python benchmarks/phrase_human.py [FILE ...]`` (needs ../shared; ``CAPTIONKIT_SHARED``
points elsewhere). Each FILE (an Arabic subtitle file, e.g. one fetched at measurement
time into /tmp) is measured after the corpus files; ``fa:FILE`` marks a Persian one.
Files of other projects are read in place, never copied.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from captionkit.formats import read
from captionkit.make import make_narration
from captionkit.make.ingest import ingest_text
from captionkit.make.segment import utterance_chance
from captionkit.profiles import load_profile
from captionkit.text.linebreak import load_weights

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CAPTIONKIT_SHARED", ROOT.parent / "shared"))
FILES = (
    ("ar", "corpus/rtl/tor-animation/ar.srt"),
    ("fa", "corpus/rtl/tor-animation/fa.srt"),
    ("fa", "corpus/retime/persian-shift/input.srt"),
)
_TAGS = re.compile(r"<[^>]*>|\{[^}]*\}")
_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def human_lines(path: Path) -> list[list[str]]:
    """Each cue's text lines, without tags and bidi controls (empty lines left out)."""
    track = read(path)
    cues: list[list[str]] = []
    for cue in track.cues:
        lines = [_CONTROLS.sub("", _TAGS.sub("", line)).strip() for line in cue.text.split("\n")]
        lines = [line for line in lines if line]
        if lines:
            cues.append(lines)
    return cues


def measure(path: Path) -> dict[str, float]:
    """Precision, recall, F1 and inside share of make's cue ends for one file."""
    cues = human_lines(path)
    text = "\n".join(line for cue in cues for line in cue)
    narration = ingest_text(text, keep_all=True)
    words = narration.words
    flat = [word for cue in cues for line in cue for word in line.split()]
    if list(words) != flat:
        raise SystemExit(f"{path}: ingest changed the words")
    human_ends: set[int] = set()
    line_ends: set[int] = set()
    index = -1
    for cue in cues:
        for line in cue:
            index += len(line.split())
            line_ends.add(index)
        human_ends.add(index)
    last = len(words) - 1
    human_ends.discard(last)
    line_ends.discard(last)
    result = make_narration(narration, load_profile("arabic"))
    cut = utterance_chance(words, line_ends, load_weights().shape)
    ends: set[int] = set()
    position = -1
    for cue in result.track.cues:
        position += len(cue.text.split())
        ends.add(position)
    ends.discard(last)
    hit = len(ends & human_ends)
    precision = hit / len(ends) if ends else 0.0
    recall = hit / len(human_ends) if human_ends else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hit else 0.0
    inside = len(ends - line_ends) / len(ends) if ends else 0.0
    return {
        "human_cues": len(cues),
        "make_cues": len(result.track.cues),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "inside": inside,
        "hit": hit,
        "make_ends": len(ends),
        "human_ends": len(human_ends),
        "inside_n": len(ends - line_ends),
        "utterances": cut,
    }


def _extra(argument: str) -> tuple[str, str, Path]:
    language, _, name = (
        argument.rpartition(":") if argument[:3] in ("ar:", "fa:") else ("ar", "", argument)
    )
    return language, name, Path(name)


def _pooled(label: str, totals: dict[str, int]) -> None:
    if not totals["make_ends"] or not totals["human_ends"]:
        return
    p = totals["hit"] / totals["make_ends"]
    r = totals["hit"] / totals["human_ends"]
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    inside = totals["inside_n"] / totals["make_ends"]
    print(f"{label:50} {'':5} {'':5} {p:6.2f} {r:6.2f} {f1:6.2f} {inside:7.1%}")


def main(argv: list[str]) -> int:
    files = [(language, relative, SHARED / relative) for language, relative in FILES]
    files += [_extra(argument) for argument in argv]
    keys = ("hit", "make_ends", "human_ends", "inside_n")
    totals = dict.fromkeys(keys, 0)
    arabic = dict.fromkeys(keys, 0)
    print(
        f"{'file':45} {'lang':4} {'human':>5} {'make':>5} {'P':>6} {'R':>6} {'F1':>6} {'inside':>7}"
        f" {'cut into utterances':>19}"
    )
    for language, name, path in files:
        if not path.exists():
            print(f"{name:45} absent")
            continue
        m = measure(path)
        for key in keys:
            totals[key] += int(m[key])
            if language == "ar":
                arabic[key] += int(m[key])
        print(
            f"{name[-45:]:45} {language:4} {m['human_cues']:5.0f} {m['make_cues']:5.0f} "
            f"{m['precision']:6.2f} {m['recall']:6.2f} {m['f1']:6.2f} {m['inside']:7.1%}"
            f" {m['utterances']:19.2f}"
        )
    _pooled("Arabic (pooled)", arabic)
    _pooled("all (pooled)", totals)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
