"""Findings of ``captionkit check`` on every file of ``../shared/corpus``, by rule and file.

Every file is handed to the checker (the command's own code path: ``check_file``),
subtitle or not; files that are not subtitles come back unreadable (exit status 2),
never as a crash. The table lists the readable subtitle files with their counts per
rule (default profile ``arabic``, all rules); ``--sample N`` prints N findings of
each rule for a review by hand.

Run: ``python benchmarks/check_corpus.py [--by file|folder] [--sample 3] [--seed 1]``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from captionkit.check import RULE_IDS  # noqa: E402
from captionkit.check.report import FileReport  # noqa: E402
from captionkit.check.runner import check_file, check_settings  # noqa: E402
from captionkit.check.textutil import show_controls  # noqa: E402
from captionkit.profiles import load_profile  # noqa: E402

SHORT = {
    "rtl-base-direction": "base",
    "rtl-edge-punctuation": "edge",
    "rtl-visual-punctuation": "vis",
    "rtl-presentation-forms": "pres",
    "rtl-reversed-text": "rev",
    "rtl-unbalanced-controls": "ctl",
    "rtl-latin-punctuation": "lat",
    "rtl-mixed-digits": "dig",
    "line-too-long": "long",
    "too-many-lines": "lines",
    "needless-two-lines": "2l",
    "reading-speed": "cps",
    "duration-short": "dshort",
    "duration-long": "dlong",
    "gap-short": "gap",
    "overlap": "ovl",
    "unbalanced-lines": "unbal",
    "bad-line-break": "brk",
    "empty-cue": "empty",
    "unclosed-tag": "tag",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=Path(os.environ.get("CAPTIONKIT_SHARED", ROOT.parent / "shared")) / "corpus",
    )
    parser.add_argument("--sample", type=int, default=0, help="findings of each rule to print")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--by", choices=("file", "folder"), default="file", help="rows: files, or folders (2 deep)"
    )
    args = parser.parse_args()
    profile = load_profile("arabic")
    settings = check_settings()
    files = sorted(path for path in args.corpus.rglob("*") if path.is_file())
    reports: list[FileReport] = [check_file(str(path), profile, settings) for path in files]
    readable = [report for report in reports if report.error is None]
    subtitle_like = [r for r in reports if r.file.lower().endswith((".srt", ".vtt", ".webvtt"))]
    print(
        f"{len(files)} files checked, no crash; {len(readable)} read as subtitles, "
        f"{len(reports) - len(readable)} unreadable (exit 2), of which "
        f"{sum(1 for r in subtitle_like if r.error)} have a subtitle extension"
    )
    totals: Counter[str] = Counter()
    for report in readable:
        totals.update(finding.rule for finding in report.findings)
    columns = [rule for rule in RULE_IDS if totals[rule]]
    print()
    rows: dict[str, tuple[int, Counter[str]]] = {}
    for report in readable:
        name = Path(report.file).relative_to(args.corpus).as_posix()
        if args.by == "folder":
            name = "/".join(name.split("/")[:2])
        elif len(name) > 60:
            name = "…" + name[-59:]
        cues, counts = rows.get(name, (0, Counter()))
        counts.update(finding.rule for finding in report.findings)
        rows[name] = (cues + report.cues, counts)
    print(f"| {args.by} | cues | " + " | ".join(SHORT[rule] for rule in columns) + " |")
    print("|---|---:|" + "---:|" * len(columns))
    for name, (cues, counts) in rows.items():
        cells = " | ".join(str(counts[rule]) if counts[rule] else "" for rule in columns)
        print(f"| {name} | {cues} | {cells} |")
    total_cues = sum(report.cues for report in readable)
    print(f"| **total** | {total_cues} | " + " | ".join(str(totals[r]) for r in columns) + " |")
    print()
    print("columns: " + ", ".join(f"{SHORT[rule]} = {rule}" for rule in columns))
    print("rules with no finding: " + ", ".join(rule for rule in RULE_IDS if not totals[rule]))
    if args.sample:
        chooser = random.Random(args.seed)
        for rule in columns:
            pool = [
                (report, finding)
                for report in readable
                for finding in report.findings
                if finding.rule == rule
            ]
            print(f"\n## {rule}: {len(pool)} findings, {min(args.sample, len(pool))} at random")
            for report, finding in chooser.sample(pool, min(args.sample, len(pool))):
                cue = report.cue_values[finding.cue - 1]
                text = show_controls(cue.text).replace("\n", " ⏎ ")
                print(f"- {Path(report.file).name} cue {finding.cue} [{cue.duration} ms] {text!r}")
                print(f"  {finding.severity}: {finding.message}")


if __name__ == "__main__":
    main()
