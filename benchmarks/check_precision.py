"""Precision of ``check`` on the corpus's real RTL files, and what ``fix`` leaves of the workaround.

1. Finds every one of the 150 findings judged in ``fixtures/check/judged-findings.tsv``
   among today's findings (same file, cue and rule; all rules, profile ``arabic``).
   The sample was drawn with ``random.seed(18)`` from the 524 findings ``check`` made at
   0acf102; since then one finding outside the sample went (an ``unbalanced-lines`` on
   the Arabic file's cue 18, after the breaker changed), so the sample is matched by
   key, not redrawn: a redraw over 523 findings would be a different, unjudged sample.
2. Re-counts every threshold finding of the sample (reading speed, line length, durations,
   gaps) with a second implementation written here (visible characters: no tags, bidi
   controls, zero-width characters, tatweel or combining marks), and prints the table of
   judgements per rule (the hand judgements of the other rules come from the TSV).
3. Counts the right-to-left lines that start with sentence punctuation before and after
   the default ``fix`` (target: at most 1 % after).

Run: ``python benchmarks/check_precision.py [--corpus ../shared/corpus]``.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from captionkit.check import all_rules, check_track, fix_track  # noqa: E402
from captionkit.formats import read  # noqa: E402
from captionkit.model import Track  # noqa: E402
from captionkit.profiles import load_profile  # noqa: E402

FILES = (
    "rtl/tor-animation/ar.srt",
    "rtl/tor-animation/fa.srt",
    "rtl/tor-animation/he.srt",
    "retime/persian-shift/input.srt",
)
JUDGED = ROOT / "fixtures" / "check" / "judged-findings.tsv"
_INVISIBLE = set(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u200b\u200c\u200d\u2060\ufeff\u0640"
)
_TAGS = re.compile(r"<[^>]*>|\{\\[^}]*\}")
_SENTENCE = set(".,،:;؛!?؟…")
_RTL = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb1d-\ufdff\ufe70-\ufefc]")


def count(line: str) -> int:
    """Visible characters, counted independently of captionkit.text.counting."""
    return sum(
        1
        for char in _TAGS.sub("", line)
        if char not in _INVISIBLE and unicodedata.category(char) != "Mn"
    )


def recount(rule: str, message: str, text: str, line: int | None, track: Track, cue: int) -> bool:
    """Whether a threshold finding holds by the second count (profile arabic)."""
    me = track.cues[cue - 1]
    duration = me.end - me.start
    if rule == "reading-speed":
        characters = sum(count(part) for part in text.split("\n"))
        return characters * 1000 / duration > 17 and f"({characters} characters" in message
    if rule == "line-too-long":
        length = count(text.split("\n")[(line or 1) - 1])
        return length > 42 and message.startswith(f"{length} characters")
    if rule == "duration-short":
        return 0 < duration < 833
    if rule == "duration-long":
        return duration > 7000
    if rule == "gap-short":
        ordered = sorted(track.cues, key=lambda c: (c.start, c.end))
        previous = ordered[ordered.index(me) - 1]
        return 0 <= me.start - previous.end < 80
    raise KeyError(rule)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = Path(os.environ.get("CAPTIONKIT_SHARED", ROOT.parent / "shared"))
    parser.add_argument("--corpus", type=Path, default=shared / "corpus")
    args = parser.parse_args()
    profile = load_profile("arabic")
    tracks = {name: read(args.corpus / name) for name in FILES}
    everything = [
        (name, finding) for name in FILES for finding in check_track(tracks[name], profile)
    ]
    with JUDGED.open(encoding="utf-8") as handle:
        rows = list(
            csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        )
    assert len(rows) == 150
    by_key = {(name, finding.cue, finding.rule): (name, finding) for name, finding in everything}
    missing = [row for row in rows if (row["file"], int(row["cue"]), row["rule"]) not in by_key]
    assert not missing, f"judged findings check no longer makes: {missing}"
    sample = [by_key[(row["file"], int(row["cue"]), row["rule"])] for row in rows]
    table: Counter[tuple[str, str]] = Counter()
    for row, (name, finding) in zip(rows, sample, strict=True):
        judgement = row["judgement"]
        track = tracks[name]
        if finding.rule in (
            "reading-speed",
            "line-too-long",
            "duration-short",
            "duration-long",
            "gap-short",
        ):
            text = track.cues[finding.cue - 1].text
            held = recount(finding.rule, finding.message, text, finding.line, track, finding.cue)
            assert held == (judgement == "right"), row
        table[(finding.rule, judgement)] += 1
    print(f"{len(everything)} findings; a sample of {len(sample)} judged")
    print()
    print("| rule | findings in sample | right | wrong | precision |")
    print("|---|---:|---:|---:|---:|")
    rules = sorted({rule for rule, _ in table}, key=lambda rule: -table[(rule, "right")])
    for rule in rules:
        right, wrong = table[(rule, "right")], table[(rule, "wrong")]
        print(f"| {rule} | {right + wrong} | {right} | {wrong} | {right / (right + wrong):.0%} |")
    right = sum(n for (_, judged), n in table.items() if judged == "right")
    print(
        f"| all | {sum(table.values())} | {right} | {sum(table.values()) - right} | "
        f"{right / sum(table.values()):.0%} |"
    )
    print()
    lines = before = after = 0
    for name, track in tracks.items():
        fixed, _ = fix_track(track, all_rules(), profile)
        for original, repaired in zip(track.cues, fixed.cues, strict=True):
            for old, new in zip(original.lines, repaired.lines, strict=True):
                if _RTL.search(old) is None:
                    continue
                lines += 1
                before += _starts_with_punctuation(old)
                if _starts_with_punctuation(new):
                    after += 1
                    print(f"  left after fix: {name}: {new!r}")
    print(
        f"RTL lines starting with sentence punctuation: {before} of {lines} before fix, "
        f"{after} after ({after / lines:.1%})"
    )


def _starts_with_punctuation(line: str) -> bool:
    visible = "".join(char for char in _TAGS.sub("", line) if char not in _INVISIBLE).lstrip()
    return bool(visible) and visible[0] in _SENTENCE


if __name__ == "__main__":
    main()
