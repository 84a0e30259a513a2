"""Sync to a reference file: pairing by timing pattern, a piecewise-linear map, unplaced cues."""

from __future__ import annotations

import json
import random
import re
from fractions import Fraction
from pathlib import Path

import pytest
from typer.testing import CliRunner

from captionkit.cli import app
from captionkit.errors import TimingError
from captionkit.formats import read, to_bytes
from captionkit.model import Cue, Track
from captionkit.retime.refsync import candidate_scales, fit_reference, fit_times
from tests.conftest import shared_path

SCALE = Fraction(25) / Fraction(24000, 1001)  # 25 -> 23.976: 1.0427083...
JUMP_AFTER = 400  # cues 401.. (1-based) are 2.5 s later in the reference
FRAME_MS = 40  # one frame at 25 fps
STAMP = re.compile(rb"\d+:\d{2}:\d{2},\d{3}")


def true_time(index: int, ms: int) -> int:
    """The known map that made the reference (index is 0-based)."""
    exact = ms * SCALE + (2500 if index >= JUMP_AFTER else 0)
    return int(exact + Fraction(1, 2))


def build_reference(track: Track, seed: int) -> Track:
    """The reference of the issue: known map, 40 ms jitter, 10 % deleted, 5 extra, new texts."""
    rng = random.Random(seed)
    made = []
    for index, cue in enumerate(track.cues):
        start = true_time(index, cue.start) + rng.randint(-40, 40)
        end = true_time(index, cue.end) + rng.randint(-40, 40)
        made.append(Cue(start, max(end, start + 1), f"مرجع {index}"))
    kept = sorted(rng.sample(range(len(made)), round(len(made) * 0.9)))
    reference = [made[index] for index in kept]
    span = reference[-1].end
    for number in range(5):
        start = rng.randint(0, span)
        reference.append(Cue(start, start + rng.randint(500, 3000), f"زائد {number}"))
    reference.sort(key=lambda cue: cue.start)
    return Track.from_cues(reference)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_reference_recovers_the_true_timing(tmp_path: Path, seed: int) -> None:
    source_path = shared_path("corpus", "retime", "persian-shift", "input.srt")
    source = read(source_path)
    reference_path = tmp_path / "reference.srt"
    reference_path.write_bytes(to_bytes(build_reference(source, seed)))
    out = tmp_path / "out.srt"
    result = CliRunner().invoke(
        app,
        [
            "retime",
            str(source_path),
            "--reference",
            str(reference_path),
            "-o",
            str(out),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    recovered = read(out).cues
    missed = [
        number
        for number, (old, new) in enumerate(zip(source.cues, recovered, strict=True), start=1)
        if abs(new.start - true_time(number - 1, old.start)) > FRAME_MS
        or abs(new.end - true_time(number - 1, old.end)) > FRAME_MS
    ]
    assert len(missed) <= 0.05 * len(source)
    # Every cue it got wrong is listed as unplaced.
    assert set(missed) <= set(report["reference"]["unplaced"])
    assert len(report["reference"]["segments"]) == 2
    assert abs(report["reference"]["segments"][0]["last_cue"] - JUMP_AFTER) <= 3
    assert report["reference"]["unused_reference_cues"] >= 5
    # Only time stamps changed.
    assert STAMP.sub(b"T", out.read_bytes()) == STAMP.sub(b"T", source_path.read_bytes())


def test_a_scale_that_is_no_frame_rate_ratio_is_fitted() -> None:
    rng = random.Random(5)
    starts = sorted(rng.sample(range(0, 3_000_000, 10), 400))
    old = [(start, start + rng.randint(800, 4000)) for start in starts]
    factor, offset = 1.0017, -2200.0
    new = [(round(s * factor + offset), round(e * factor + offset)) for s, e in old[::2]]
    assert round(factor, 9) not in candidate_scales()
    fit = fit_times(old, new)
    # The last cue is not in the reference (every other one is) and lies beyond its end.
    assert len(fit.segments) == 1 and fit.unplaced == (399,)
    for (s, e), (fs, fe) in zip(old, fit.times, strict=True):
        assert abs(fs - (s * factor + offset)) < 5 and abs(fe - (e * factor + offset)) < 5


def test_unrelated_reference_is_an_error() -> None:
    track = Track.from_cues([Cue(k * 3000, k * 3000 + 1500, "a") for k in range(50)])
    rng = random.Random(1)
    other = sorted(rng.randint(0, 10_000_000) for _ in range(50))
    reference = Track.from_cues([Cue(s, s + rng.randint(300, 900), "b") for s in other])
    with pytest.raises(TimingError, match="same video"):
        fit_reference(track, reference)
    with pytest.raises(TimingError, match="fewer than 2"):
        fit_reference(track, Track.from_cues([Cue(0, 1, "x")]))


def test_cues_beyond_the_reference_are_listed_as_unplaced() -> None:
    rng = random.Random(8)
    starts = sorted(rng.sample(range(0, 1_000_000, 10), 200))
    old = [(start, start + rng.randint(800, 3000)) for start in starts]
    # The reference lacks the first 10 cues (an intro it does not have) and the last 5.
    new = [(s + 4000, e + 4000) for s, e in old[10:-5]]
    fit = fit_times(old, new)
    assert fit.unplaced == (*range(10), *range(195, 200))
    assert all(abs(fs - s - 4000) < 2 for (s, _), (fs, _) in zip(old, fit.times, strict=True))


def test_a_scene_missing_from_the_reference_and_one_added() -> None:
    """Cues 301-330 are a scene the reference lacks (later cues 60 s earlier); 30 s added after 600."""
    source = read(shared_path("corpus", "retime", "persian-shift", "input.srt"))
    removed = range(300, 330)

    def truth(index: int, ms: int) -> int:
        return ms + 1200 + (-60_000 if index >= 330 else 0) + (30_000 if index >= 600 else 0)

    rng = random.Random(1)
    reference = [
        Cue(
            truth(i, cue.start) + rng.randint(-40, 40),
            truth(i, cue.end) + rng.randint(-40, 40),
            "r",
        )
        for i, cue in enumerate(source.cues)
        if i not in removed and rng.random() > 0.1
    ]
    fit = fit_reference(source, Track.from_cues(sorted(reference, key=lambda cue: cue.start)))
    wrong = {
        i
        for i, (cue, (start, end)) in enumerate(zip(source.cues, fit.times, strict=True))
        if abs(start - truth(i, cue.start)) > FRAME_MS or abs(end - truth(i, cue.end)) > FRAME_MS
    }
    assert wrong - set(removed) == set()  # every cue the reference has is placed right
    assert set(fit.unplaced) <= {*removed, len(source) - 1}
    assert len(fit.segments) == 3
