"""Every narration word with its time: the ``align`` job, on make's ingest.

The same ingest as ``make`` (titles and labels dropped, lines kept), the words
aligned to supplied timestamps; each script line is reported like a cue (its
matched share and the longest run of interpolated words), and lines timed by
interpolation over more than a few words are listed.

>>> from captionkit.align.sources import loads_timestamps
>>> stamps = loads_timestamps("0.5,1.0,كوريا\\n1.0,1.6,الشمالية\\n", "csv")
>>> result = align("كوريا الشمالية", stamps)
>>> [(word.word, word.start, word.end) for word in result.alignment.words]
[('كوريا', 500, 1000), ('الشمالية', 1000, 1600)]
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from typing import Any

from captionkit.align.aligner import Alignment, align_narration
from captionkit.align.cues import FEW_WORDS, CueTiming, cue_times
from captionkit.align.sources import Timestamps, read_timestamps
from captionkit.errors import CaptionkitError
from captionkit.make.ingest import Narration, ingest, ingest_text
from captionkit.make.pipeline import read_narration
from captionkit.make.strategies import line_starts_of

__all__ = ["WordTimes", "align", "align_file"]


@dataclass(frozen=True, slots=True)
class WordTimes:
    """The words' times, and each script line's timing, for one narration."""

    narration: Narration
    timestamps: Timestamps
    alignment: Alignment
    line_numbers: tuple[int, ...]
    lines: tuple[CueTiming, ...]
    narration_file: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The stable JSON document of ``align --format json`` (README)."""
        alignment = self.alignment
        pairs = list(zip(self.line_numbers, self.lines, strict=True))
        return {
            "narration": self.narration_file,
            "timestamps": self.timestamps.file,
            "format": self.timestamps.format,
            "level": self.timestamps.level,
            "timestamp_words": alignment.source_words,
            "word_count": len(alignment.words),
            "matched": alignment.matched,
            "matched_share": round(alignment.matched_share, 4),
            "interpolated_over": FEW_WORDS,
            "flagged_lines": [number for number, line in pairs if line.flagged],
            "lines": [
                {
                    "line": number,
                    "start": line.start,
                    "end": line.end,
                    "matched_share": line.matched_share,
                    "interpolated_run": line.interpolated_run,
                    "flagged": line.flagged,
                }
                for number, line in pairs
            ],
            "words": [
                {
                    "index": word.position,
                    "word": word.word,
                    "start": word.start,
                    "end": word.end,
                    "status": word.status,
                    "similarity": word.similarity,
                }
                for word in alignment.words
            ],
        }


def align_ingested(
    narration: Narration, timestamps: Timestamps, *, narration_file: str | None = None
) -> WordTimes:
    """Align an ingested narration's words to ``timestamps``."""
    if not narration.tokens:
        raise CaptionkitError("the script has no narration words", file=narration_file)
    starts = line_starts_of(narration)
    alignment = align_narration(narration.words, timestamps, line_starts=starts)
    groups = list(itertools.pairwise([*starts, len(narration.words)]))
    lines = cue_times(alignment.words, groups)
    numbers = tuple(narration.tokens[first].line for first in starts)
    return WordTimes(narration, timestamps, alignment, numbers, tuple(lines), narration_file)


def align(text: str | bytes, timestamps: Timestamps, *, keep_all: bool = False) -> WordTimes:
    """Every word of a narration script (text or bytes) timed by ``timestamps``."""
    if isinstance(text, bytes):
        narration = ingest(text, keep_all=keep_all)
    else:
        narration = ingest_text(text, keep_all=keep_all)
    return align_ingested(narration, timestamps)


def align_file(
    narration_path: str | os.PathLike[str],
    timestamps_path: str | os.PathLike[str],
    *,
    timestamps_format: str | None = None,
    keep_all: bool = False,
) -> WordTimes:
    """``align NARRATION --timestamps FILE``: read both files and align."""
    narration = read_narration(narration_path, keep_all=keep_all)
    stamps = read_timestamps(timestamps_path, timestamps_format)
    return align_ingested(narration, stamps, narration_file=str(narration_path))
