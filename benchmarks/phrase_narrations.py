"""``make`` on the four genre narrations: the hard rules, the judged breaks, the script lines.

For each of ``fixtures/linebreak/narration-{news,lecture,drama,social}.txt`` (written
for captionkit, 150+ lines each): lines over the limit, cues over two lines, needless
two-line cues (a dialogue pair, a dash on each line, is none), every word kept, the breaks the model judges bad or doubtful, the breaks
made inside a script line (count and share), and, with ``--breaks``, every break with
its context (what the hand judgement in ``narration-judged.tsv`` was made on).

Run: ``python benchmarks/phrase_narrations.py [--breaks]``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from captionkit.make import make_file
from captionkit.make.ingest import ingest
from captionkit.profiles import load_profile
from captionkit.text.linebreak import visible_length

ROOT = Path(__file__).resolve().parents[1]
GENRES = ("news", "lecture", "drama", "social")


def main(argv: list[str]) -> int:
    profile = load_profile("arabic")
    for genre in GENRES:
        path = ROOT / "fixtures" / "linebreak" / f"narration-{genre}.txt"
        result = make_file(path, profile=profile)
        narration = ingest(path.read_bytes())
        words = list(narration.words)
        cues = result.track.cues
        kept = " ".join(cue.text.replace("\n", " ") for cue in cues).split(" ") == words
        limit = profile.max_chars_per_line
        over = sum(visible_length(line) > limit for cue in cues for line in cue.lines)
        three = sum(len(cue.lines) > 2 for cue in cues)
        # A dialogue pair (two speakers' turns, a dash on each line) is exempt, as in check.
        needless = sum(
            len(cue.lines) == 2
            and visible_length(cue.text.replace("\n", " ")) <= limit
            and not all(line.lstrip("\"'«(").startswith(("-", "–", "—")) for line in cue.lines)
            for cue in cues
        )
        data = result.report.as_json()
        inside = data["script_line_breaks"]
        lines = len(narration.lines)
        print(
            f"{genre:8} lines {lines} cues {len(cues)} words kept {kept} over {over} "
            f"3-line {three} needless 2-line {needless} judged bad {data['bad_breaks']['bad']} "
            f"doubtful {data['bad_breaks']['doubtful']} inside script lines "
            f"{inside['inside']}/{data['breaks_made']} ({inside['share']:.1%})"
        )
        for item in data["bad_breaks"]["breaks"]:
            print(f"    model: cue {item['cue']} {item['kind']}: {item['reason']}")
        if "--breaks" in argv:
            position = 0
            for number, cue in enumerate(cues, 1):
                for index, line in enumerate(cue.lines):
                    position += len(line.split())
                    if position >= len(words):
                        break
                    kind = "line" if index < len(cue.lines) - 1 else "cue"
                    left = " ".join(words[max(0, position - 3) : position])
                    right = " ".join(words[position : position + 3])
                    end = "end" if position - 1 in narration.line_ends else "IN"
                    print(f"    {genre} {number:3} {kind:4} {end:3} {left} | {right}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main(sys.argv[1:]))
