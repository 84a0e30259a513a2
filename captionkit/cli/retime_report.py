"""What ``retime`` prints on stderr: what moved, what the audio or the reference showed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from captionkit.cli.common import note

if TYPE_CHECKING:
    from captionkit.retime import RetimeResult


def retime_notes(result: RetimeResult, count: int) -> list[str]:
    """What moved, one line each."""
    lines = [f"moved {len(result.moved)} of {count} cues"]
    if result.audio is not None:
        heard = result.audio
        lines.append(
            f"audio: {len(heard.pieces)} piece(s); speech under the cues "
            f"{heard.agreement_before:.0%} before, {heard.agreement_after:.0%} after"
        )
        for piece in heard.pieces:
            if not piece.placed:
                lines.append(
                    f"  cues {piece.first + 1}-{piece.stop}: no voice found for them "
                    "(cut out of the recording?); kept in order, timing is a guess"
                )
                continue
            lines.append(
                f"  cues {piece.first + 1}-{piece.stop}: {piece.offset_ms:+d} ms, "
                f"scale {piece.scale:.5f}"
            )
    if result.emptied:
        numbers = ", ".join(str(number) for number in result.emptied)
        lines.append(f"clipping left cues {numbers} with no time on screen")
    if result.reference is not None:
        fit = result.reference
        lines.append(
            f"reference: {len(fit.pairs)} cues matched in {len(fit.segments)} segment(s); "
            f"{fit.unused} reference cues unused"
        )
        if fit.unplaced:
            cue_numbers = ", ".join(str(index + 1) for index in fit.unplaced)
            lines.append(f"could not place (timing is a guess): cues {cue_numbers}")
    if result.clipped:
        lines.append(f"clipped {result.clipped} cues at 0")
    for shortfall in result.shortfalls:
        lines.append(f"repair: {shortfall.message}")
    return lines


def print_retime_report(result: RetimeResult, count: int) -> None:
    """What moved, on stderr."""
    for line in retime_notes(result, count):
        note(line)
