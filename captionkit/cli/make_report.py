"""What ``make`` and ``demo`` print on stderr: the summary table, its details, the alignment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from captionkit.cli.common import note, stderr

if TYPE_CHECKING:
    from captionkit.make import AlignReport, MakeReport


def print_make_report(report: MakeReport) -> None:
    """The summary of a make run, on stderr."""
    from rich.table import Table

    table = Table(show_header=False, box=None, title="captionkit make")
    table.add_row("cues", str(report.cues))
    table.add_row("words", str(report.words))
    table.add_row("reading speed", f"mean {report.mean_cps:.1f} cps, max {report.max_cps:.1f} cps")
    table.add_row("lines over the limit", str(report.lines_over_limit))
    table.add_row("bad breaks avoided", str(report.bad_breaks_avoided))
    table.add_row("bad breaks forced", str(len(report.forced_bad_breaks)))
    bad = sum(1 for item in report.judged_breaks if not item.doubtful)
    doubtful = len(report.judged_breaks) - bad
    table.add_row("breaks judged bad / doubtful", f"{bad} / {doubtful}")
    share = len(report.inside_breaks) / report.breaks_made if report.breaks_made else 0.0
    table.add_row(
        "breaks inside a script line",
        f"{len(report.inside_breaks)} of {report.breaks_made} ({share:.0%})",
    )
    table.add_row("dropped lines", str(len(report.dropped)))
    table.add_row("timing problems", str(len(report.timing_problems)))
    stderr.print(table)
    for item in report.dropped:
        note(f"  dropped line {item.line} ({item.reason}): {item.text}")
    for forced in report.forced_bad_breaks:
        note(
            f"  cue {forced.cue}: forced {forced.kind} break inside {forced.category}: "
            f"{forced.left} | {forced.right}"
        )
    for judged in report.judged_breaks:
        kind = "doubtful" if judged.doubtful else "bad"
        note(
            f"  cue {judged.cue}: {kind} {judged.kind} break ({judged.category}): "
            f"{judged.left} | {judged.right}: {judged.reason}"
        )
    for inside in report.inside_breaks:
        note(
            f"  cue {inside.cue}: {inside.kind} break inside script line {inside.line}: "
            f"{inside.left} | {inside.right}: {inside.reason}"
        )
    for problem in report.timing_problems:
        note(f"  cue {problem.cue}: {problem.rule}: {problem.message}")
    for remark in report.notes:
        note(f"  note: {remark}")


def print_align_report(aligned: AlignReport) -> None:
    """How ``make --timestamps`` timed the cues, on stderr."""
    note(
        f"alignment: {aligned.matched} of {aligned.words} words matched "
        f"({aligned.matched_share:.1%}) in {aligned.source_words} {aligned.timestamps_format} "
        f"{aligned.level}-level timestamps"
    )
    for number in aligned.flagged:
        cue = aligned.cues[number - 1]
        note(
            f"  cue {number}: timed by interpolation over {cue.interpolated_run} words "
            f"(matched {cue.matched_share:.0%})"
        )
    for number, cue in enumerate(aligned.cues, 1):
        if cue.shortfall == "max_duration":
            note(f"  cue {number}: its words are spoken for longer than the maximum duration")
