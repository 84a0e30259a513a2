"""Re-timing subtitle files: operations, reference sync and repair, changing nothing else.

:mod:`captionkit.retime.operations` moves times (shift, scale, frame rates, sync
points, snap) exactly, with fractions; :mod:`captionkit.retime.refsync` takes the
timing from another file of the same video; :mod:`captionkit.retime.repair`
removes overlaps and enforces a profile's durations and gaps.
"""

from __future__ import annotations

from captionkit.retime.operations import (
    CueRange,
    LinearMap,
    Moved,
    RetimePlan,
    RetimeResult,
    SyncPoint,
    apply_map,
    convert_fps,
    moved_cues,
    parse_cue_range,
    parse_factor,
    parse_fps_change,
    parse_sync,
    result_json,
    retime,
    round_ms,
    scale,
    shift,
    snap,
    sync_map,
    timing_diff,
)

__all__ = [
    "CueRange",
    "LinearMap",
    "Moved",
    "RetimePlan",
    "RetimeResult",
    "SyncPoint",
    "apply_map",
    "convert_fps",
    "moved_cues",
    "parse_cue_range",
    "parse_factor",
    "parse_fps_change",
    "parse_sync",
    "result_json",
    "retime",
    "round_ms",
    "scale",
    "shift",
    "snap",
    "sync_map",
    "timing_diff",
]
