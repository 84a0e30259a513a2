"""``make --audio``, ``align --audio`` and ``retime --audio`` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from captionkit.audio.simulate import Narration
from captionkit.cli import app
from captionkit.formats import loads, read
from captionkit.make import FromAudio, make

runner = CliRunner()


def script_of(narration: Narration) -> str:
    """The narration's words, one sentence a line (as a script would be)."""
    from tests.audio.conftest import SENTENCES

    return "\n".join(SENTENCES)


def test_make_audio_starts_cues_at_the_voice(
    narration: Narration, noisy_clip: Path, tmp_path: Path
) -> None:
    script = tmp_path / "script.txt"
    script.write_text(script_of(narration), "utf-8")
    out = tmp_path / "out.srt"
    result = runner.invoke(app, ["make", str(script), "--audio", str(noisy_clip), "-o", str(out)])
    assert result.exit_code == 0, result.output
    track = read(out)
    # each cue starts when its first word is spoken (truth from the synthesizer's events)
    firsts: list[int] = []
    position = 0
    words = list(narration.words)
    for cue in track.cues:
        firsts.append(narration.starts_ms[position])
        position += len(cue.text.replace("\u202b", "").replace("\u202c", "").split())
    assert position == len(words)  # every word kept
    errors = np.abs(np.array([cue.start for cue in track.cues]) - np.array(firsts))
    assert np.median(errors) <= 120, errors
    # the library gives the same cues; times agree within a frame or two, because eSpeak NG
    # keeps state from one synthesis to the next inside a process (fresh processes agree)
    library = make(script_of(narration), timing=FromAudio(str(noisy_clip)))
    assert [cue.text for cue in library.rendered("srt").cues] == [cue.text for cue in track.cues]
    drift = [abs(a.start - b.start) for a, b in zip(library.track.cues, track.cues, strict=True)]
    assert max(drift) <= 80, drift
    assert library.alignment is not None and library.alignment.timestamps_format == "audio"


def test_align_audio_gives_whisperx_words(
    narration: Narration, noisy_clip: Path, tmp_path: Path
) -> None:
    script = tmp_path / "script.txt"
    script.write_text(script_of(narration), "utf-8")
    result = runner.invoke(
        app, ["align", str(script), "--audio", str(noisy_clip), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [word["word"] for word in document["word_segments"]] == list(narration.words)
    starts = [round(word["start"] * 1000) for word in document["word_segments"]]
    assert np.median(np.abs(np.array(starts) - np.array(narration.starts_ms))) <= 80


def test_retime_audio_undoes_a_shift(
    narration: Narration, noisy_clip: Path, tmp_path: Path
) -> None:
    made = make(script_of(narration), timing=FromAudio(str(noisy_clip)))
    true = [(cue.start, cue.end) for cue in made.track.cues]
    shifted = tmp_path / "shifted.srt"
    shifted.write_bytes(made.to_bytes("srt"))
    moved = tmp_path / "moved.srt"
    assert (
        runner.invoke(app, ["retime", str(shifted), "--shift", "3.2s", "-o", str(moved)]).exit_code
        == 0
    )
    back = tmp_path / "back.srt"
    result = runner.invoke(app, ["retime", str(moved), "--audio", str(noisy_clip), "-o", str(back)])
    assert result.exit_code == 0, result.output
    synced = [(cue.start, cue.end) for cue in read(back).cues]
    errors = [abs(a[0] - b[0]) for a, b in zip(synced, true, strict=True)]
    assert np.median(errors) <= 100, errors
    # only the times changed
    assert [cue.text for cue in read(back).cues] == [
        cue.text for cue in loads(shifted.read_bytes()).cues
    ]


def test_audio_and_rate_together_are_refused(noisy_clip: Path, tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text("نص قصير", "utf-8")
    result = runner.invoke(app, ["make", str(script), "--audio", str(noisy_clip), "--rate", "12"])
    assert result.exit_code == 2
    assert "--rate and --audio both set the timing" in result.output


def test_align_audio_takes_the_script_line_ends(
    line_narration: Narration, line_clip: Path, tmp_path: Path
) -> None:
    # the script's line ends reach the aligner: align --audio places the words as
    # align_words does with them, not as it does without them
    from captionkit.audio import align_words
    from tests.audio.conftest import SCRIPT_LINE_ENDS, SCRIPT_LINES

    script = tmp_path / "lines.txt"
    script.write_text("\n".join(SCRIPT_LINES) + "\n", "utf-8")
    result = runner.invoke(
        app, ["align", str(script), "--audio", str(line_clip), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    words = json.loads(result.stdout)["word_segments"]
    starts = np.array([round(word["start"] * 1000) for word in words])
    lined = align_words(line_narration.words, line_clip, line_ends=SCRIPT_LINE_ENDS)
    plain = align_words(line_narration.words, line_clip)
    with_ends = np.abs(starts - np.array([w.start_ms for w in lined.words]))
    without = np.abs(starts - np.array([w.start_ms for w in plain.words]))
    assert with_ends.max() <= 80, with_ends.max()
    assert without.max() > 80


def test_make_audio_gives_the_aligner_the_script_line_ends(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import captionkit.audio as audio
    from captionkit.audio import AudioAlignment, AudioWord

    seen: dict[str, object] = {}

    def fake(words: list[str], recording: str, **options: object) -> AudioAlignment:
        seen.update(options)
        placed = tuple(
            AudioWord(i, word, 500 * i, 500 * i + 400, "aligned", 1.0)
            for i, word in enumerate(words)
        )
        return AudioAlignment(placed, ((0, 500 * len(words)),), 500 * len(words))

    monkeypatch.setattr(audio, "align_words", fake)
    made = make("أول سطر هنا\nثم سطر ثان\nوالأخير", timing=FromAudio("any.wav"))
    assert seen["line_ends"] == frozenset({2, 5, 6})
    assert made.track.cues[0].start == 0
