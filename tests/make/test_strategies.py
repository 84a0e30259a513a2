"""One make pipeline whatever the timing: strategies, arrows in the script, overlapping stamps."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from captionkit.align.sources import TimedWord, Timestamps
from captionkit.errors import InvalidValue
from captionkit.formats import loads, read
from captionkit.make import FromTimestamps, SpeechRate, make, strategies
from captionkit.make import pipeline as make_pipeline
from captionkit.make.segment import segment
from captionkit.profiles import load_profile

PROFILE = load_profile("arabic")


def test_timestamps_and_speech_rate_share_the_one_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counting_segment(*args: object, **kwargs: object) -> object:
        calls.append("segment")
        return segment(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(make_pipeline, "segment", counting_segment)
    text = "كوريا الشمالية\nأرسلت جنودا"
    stamps = Timestamps(
        format="csv",
        level="word",
        words=(
            TimedWord("كوريا", 0, 400),
            TimedWord("الشمالية", 400, 900),
            TimedWord("أرسلت", 1200, 1600),
            TimedWord("جنودا", 1600, 2000),
        ),
    )
    by_rate = make(text)
    by_stamps = make(text, timing=FromTimestamps(stamps))
    assert calls == ["segment", "segment"]
    assert [c.text for c in by_rate.track.cues] == [c.text for c in by_stamps.track.cues]
    assert by_stamps.alignment is not None and by_rate.alignment is None
    assert by_stamps.track.cues[0].start == 0


def test_speech_rate_values_are_checked_in_library_words() -> None:
    for bad in (0, -1.0, float("nan"), float("inf"), 1e9):
        with pytest.raises(InvalidValue, match=r"^rate must be"):
            SpeechRate(rate=bad)
    with pytest.raises(InvalidValue, match=r"^start_ms must be"):
        SpeechRate(start_ms=-5)
    with pytest.raises(InvalidValue, match=r"^duration_ms must be"):
        SpeechRate(duration_ms=0)


def test_an_arrow_in_the_script_is_written_so_subrip_reads_it_back() -> None:
    result = make("قال المذيع --> انتهى البث\nثم عاد البرنامج")
    assert all("-->" not in cue.text for cue in result.track.cues)
    assert any("-- >" in cue.text for cue in result.track.cues)
    assert any("'-->'" in note for note in result.report.notes)
    for rtl in ("none", "embed"):
        for format in ("srt", "vtt"):
            back = loads(result.to_bytes(format, rtl))  # type: ignore[arg-type]
            assert len(back) == len(result.track)


@settings(max_examples=60)
@given(
    lines=st.lists(
        st.lists(st.sampled_from(["كلمة", "البث", "وعاد", "الضيف"]), min_size=1, max_size=8),
        min_size=1,
        max_size=8,
    ),
    stamps=st.lists(
        st.tuples(st.integers(0, 20_000), st.integers(0, 3_000)), min_size=1, max_size=40
    ),
)
def test_overlapping_timestamps_never_give_an_empty_cue(
    lines: list[list[str]], stamps: list[tuple[int, int]]
) -> None:
    text = "\n".join(" ".join(line) for line in lines)
    flat = text.split()
    timed = tuple(
        TimedWord(flat[index % len(flat)], start, start + length)
        for index, (start, length) in enumerate(stamps)
    )
    try:
        result = make(text, timing=FromTimestamps(Timestamps("csv", "word", timed)))
    except Exception as error:  # a clean refusal (too few words matched) is allowed
        from captionkit.errors import CaptionkitError

        assert isinstance(error, CaptionkitError)
        return
    problems = {problem.cue for problem in result.report.timing_problems}
    for number, cue in enumerate(result.track.cues, 1):
        assert cue.end > cue.start
        if cue.duration < PROFILE.min_duration_ms:
            assert number in problems


def test_strategies_module_names_its_public_values() -> None:
    assert {"SpeechRate", "FromTimestamps"} <= set(strategies.__all__)


def test_make_writes_ass_and_ttml_that_read_back(tmp_path: Path) -> None:
    result = make("تقارير ظهرت مؤخرا.\nعن إرسال كوريا الشمالية جنودا إلى روسيا.")
    made = [(cue.start, cue.end) for cue in result.track.cues]
    words = " ".join(cue.text for cue in result.track.cues).split()
    for name, tolerance in (("out.ttml", 0), ("out.ass", 5)):  # ASS counts centiseconds
        result.write(tmp_path / name)
        back = read(tmp_path / name)
        for (start, end), cue in zip(made, back.cues, strict=True):
            assert abs(cue.start - start) <= tolerance and abs(cue.end - end) <= tolerance
        shown = " ".join(cue.text.replace("\u202b", "").replace("\u202c", "") for cue in back.cues)
        assert shown.split() == words
    ttml = (tmp_path / "out.ttml").read_text("utf-8")
    assert 'tts:direction="rtl"' in ttml and "\u202b" not in ttml
    assert "\u202b" in (tmp_path / "out.ass").read_text("utf-8")  # libass needs the embedding
