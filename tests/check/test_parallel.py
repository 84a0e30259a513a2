"""``check --jobs`` gives the reports of a serial run, in input order."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from captionkit.cli import app

runner = CliRunner()

VISUAL = "1\n00:00:00,000 --> 00:00:02,000\n.لقد وصلنا\n"
FINE = "1\n00:00:00,000 --> 00:00:02,000\nلقد وصلنا\n"


def test_parallel_reports_equal_serial_ones(tmp_path: Path) -> None:
    for number in range(6):
        (tmp_path / f"{number}.srt").write_text(VISUAL if number % 2 else FINE, "utf-8")
    (tmp_path / "broken.srt").write_bytes(b"1\n00:00:0x,000 --> nonsense\nx\n")
    runs = {}
    for jobs in ("1", "2"):
        result = runner.invoke(
            app, ["check", str(tmp_path), "--jobs", jobs, "--output-format", "json"]
        )
        assert result.exit_code == 2, result.output  # the broken file: reported, others checked
        runs[jobs] = json.loads(result.stdout)
    assert runs["1"] == runs["2"]
    files = [Path(report["file"]).name for report in runs["2"]]
    assert files == sorted(files)  # input order, whatever finished first
    flagged = {
        Path(report["file"]).name
        for report in runs["2"]
        if any(f["rule"] == "rtl-visual-punctuation" for f in report["findings"])
    }
    assert flagged == {"1.srt", "3.srt", "5.srt"}
