"""The batch executor and the batch CLI: order, faults, outputs, exit status, Dask."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from captionkit.batch import (
    SUBTITLE_SUFFIXES,
    BatchInput,
    BatchSettings,
    Outcome,
    expand_inputs,
    mirror_outputs,
    run_batch,
    run_one,
    summarize,
)
from captionkit.cli.app import app
from captionkit.cli.batch import is_batch
from captionkit.errors import CaptionkitError, ParseError, UsageError
from captionkit.formats import read

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _benchmark() -> ModuleType:
    """``benchmarks/batch.py``: its catalogue generator is the one the tests use."""
    spec = importlib.util.spec_from_file_location("batch_benchmark", ROOT / "benchmarks/batch.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Per-file functions (module level, so that they pickle by reference to other processes).


def slow_inverse(path: str) -> str:
    """Later inputs finish first: completion order is the reverse of input order."""
    number = int(Path(path).stem)
    time.sleep(0.002 * (20 - number % 20))
    if number % 7 == 3:
        raise ParseError("bad timing line", line=number)
    return path.upper()


def crash(path: str) -> int:
    """A bug (not a CaptionkitError) on one input."""
    if path.endswith("2"):
        return 1 // 0
    return len(path)


def count_cues(path: str) -> int:
    return len(read(path).cues)


def sleepy_cues(path: str) -> int:
    time.sleep(0.15)
    return len(read(path).cues)


def test_run_one_locates_errors() -> None:
    assert run_one(len, 0, "a.srt") == Outcome(0, "a.srt", 5)
    located = run_one(slow_inverse, 3, "x/3.srt")
    assert located.error == "x/3.srt:3: bad timing line"
    bug = run_one(crash, 1, "2")
    assert bug.error is not None and bug.error.startswith("2: internal error")
    assert "ZeroDivisionError" in bug.error


@pytest.mark.parametrize(("jobs", "chunk"), [(1, 1), (2, 1), (2, 3)])
def test_outcomes_come_in_input_order_whatever_finishes_first(jobs: int, chunk: int) -> None:
    paths = [f"d/{number}.srt" for number in range(40)]
    settings = BatchSettings(jobs=jobs, window=6, chunk=chunk)
    outcomes = list(run_batch(slow_inverse, paths, settings))
    assert [outcome.index for outcome in outcomes] == list(range(40))
    assert [outcome.input for outcome in outcomes] == paths
    # the expected values from the definition, not from a run
    for number, outcome in enumerate(outcomes):
        if number % 7 == 3:
            assert outcome.error == f"d/{number}.srt:{number}: bad timing line"
        else:
            assert outcome.value == f"D/{number}.SRT"
    summary = summarize(outcomes)
    assert summary.failed == len([n for n in range(40) if n % 7 == 3])
    assert summary.succeeded + summary.failed == 40


@given(st.lists(st.integers(0, 99), max_size=30), st.integers(1, 5))
def test_serial_batch_is_map_with_errors_in_place(numbers: list[int], window: int) -> None:
    paths = [f"{number}" for number in numbers]
    outcomes = list(run_batch(crash, paths, BatchSettings(jobs=1, window=window)))
    assert [o.value for o in outcomes] == [
        None if path.endswith("2") else len(path) for path in paths
    ]
    assert all((o.error is None) == (not o.input.endswith("2")) for o in outcomes)


def test_settings_refuse_nonsense() -> None:
    with pytest.raises(CaptionkitError, match="jobs must be"):
        BatchSettings(jobs=0).resolved()
    with pytest.raises(CaptionkitError, match="address"):
        BatchSettings(executor="process", address="tcp://x:1").resolved()


def test_closing_early_shuts_the_pool_down() -> None:
    paths = [f"d/{number}.srt" for number in range(200)]
    stream = run_batch(slow_inverse, paths, BatchSettings(jobs=2, window=4))
    first = next(stream)
    stream.close()  # must return promptly, cancelling the rest
    assert first.index == 0


def test_expand_inputs_files_folders_globs(tmp_path: Path) -> None:
    for name in ("a/x.srt", "a/b/y.vtt", "a/b/notes.txt", "c/z.SRT", "top.srt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    items = expand_inputs(
        [str(tmp_path / "a"), str(tmp_path / "c" / "*.SRT"), str(tmp_path / "top.srt")]
    )
    assert [item.relative for item in items] == ["b/y.vtt", "x.srt", "z.SRT", "top.srt"]
    # a file named twice is taken once; a glob with ** reaches down
    again = expand_inputs([str(tmp_path / "top.srt"), str(tmp_path / "**" / "*.srt")])
    assert [item.relative for item in again] == ["top.srt", "a/x.srt"]
    with pytest.raises(UsageError, match="no file matches"):
        expand_inputs([str(tmp_path / "*.nothing")])
    assert is_batch([str(tmp_path / "a")], None)
    assert is_batch(["one.srt"], str(tmp_path))
    assert not is_batch(["one.srt"], "out.vtt")


def test_folder_search_takes_every_subtitle_format_but_xml_and_json(tmp_path: Path) -> None:
    from captionkit.formats.registry import formats

    names = ("a.srt", "b.vtt", "c.ass", "d.SSA", "e.ttml", "f.dfxp", "g.xml", "h.json", "i.txt")
    for name in names:
        (tmp_path / name).write_text("", encoding="utf-8")
    found = [item.relative for item in expand_inputs([str(tmp_path)])]
    assert found == ["a.srt", "b.vtt", "c.ass", "d.SSA", "e.ttml", "f.dfxp"]
    # the list is the registry's extensions, less the two that name many other files
    registry = {extension for spec in formats() for extension in spec.extensions}
    assert set(SUBTITLE_SUFFIXES) == registry - {".xml", ".json"}


def test_check_over_a_folder_reads_ass_and_ttml(tmp_path: Path) -> None:
    shared = ROOT / "fixtures"
    ass = next(shared.rglob("*.ass"))
    ttml = next(shared.rglob("*.ttml"))
    (tmp_path / ass.name).write_bytes(ass.read_bytes())
    (tmp_path / ttml.name).write_bytes(ttml.read_bytes())
    result = CliRunner().invoke(app, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    checked = {Path(entry["file"]).name for entry in json.loads(result.stdout)}
    assert checked == {ass.name, ttml.name}


def test_mirror_outputs_refuses_collisions_and_inputs(tmp_path: Path) -> None:
    items = [BatchInput("in/a.srt", "a.srt"), BatchInput("in2/a.srt", "a.srt")]
    with pytest.raises(UsageError, match="both be written"):
        mirror_outputs(items, "out")
    with pytest.raises(UsageError, match="is an input"):
        mirror_outputs([BatchInput("in/a.srt", "a.srt")], "in")


@pytest.fixture(scope="module")
def faulty(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[str]]:
    """60 small files, 5 % broken (one truncated, one binary, one UTF-8 then Windows-1256)."""
    folder = tmp_path_factory.mktemp("faulty")
    good, bad = _benchmark().generate_catalogue(
        folder, 60, min_cues=5, max_cues=30, broken_share=0.05
    )
    assert len(bad) == 3
    return folder, good, bad


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_convert_catalogue_with_broken_files(
    faulty: tuple[Path, list[str], list[str]], tmp_path: Path, jobs: str
) -> None:
    folder, good, bad = faulty
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        ["convert", str(folder), "-o", str(out), "--to", "vtt", "--encoding", "utf-8", "-j", jobs],
    )
    assert result.exit_code == 2, result.output
    # every good file converted, to the mirrored path, with every cue
    for path in good:
        target = out / Path(path).relative_to(folder).with_suffix(".vtt")
        assert len(read(target).cues) == len(read(path).cues)
    # every bad one listed with file:line, nothing written for it, no temporary left
    for path in bad:
        assert any(line.startswith(f"{path}:") and line.split(":")[1].isdigit()
                   for line in result.stderr.splitlines()), path  # fmt: skip
        assert not (out / Path(path).relative_to(folder).with_suffix(".vtt")).exists()
    written = [p for p in out.rglob("*") if p.is_file()]
    assert len(written) == len(good)
    assert not [p for p in written if p.name.endswith(".tmp")]
    assert "60 files: 57 converted, 3 failed" in result.stderr


def test_retime_catalogue_in_order_and_in_place(tmp_path: Path) -> None:
    good, _ = _benchmark().generate_catalogue(tmp_path / "c", 6, min_cues=3, max_cues=5)
    before = [read(path).cues[0].start for path in good]
    result = runner.invoke(
        app, ["retime", str(tmp_path / "c"), "--shift", "2s", "--in-place", "-j", "2"]
    )
    assert result.exit_code == 0, result.output
    assert [read(path).cues[0].start for path in good] == [t + 2000 for t in before]
    assert all(Path(path + ".bak").exists() for path in good)
    # the per-file lines come in input order
    arrows = [line.split(" → ")[0] for line in result.stderr.splitlines() if " → " in line]
    assert arrows == good


def test_info_many_as_json(faulty: tuple[Path, list[str], list[str]]) -> None:
    folder, good, bad = faulty
    result = runner.invoke(
        app, ["info", str(folder), "--format", "json", "--encoding", "utf-8", "-j", "1"]
    )
    assert result.exit_code == 2
    documents = json.loads(result.stdout)
    assert [d["file"] for d in documents] == sorted(good + bad)
    assert {d["file"] for d in documents if "error" in d} == set(bad)
    assert all(d["cues"] >= 5 for d in documents if "error" not in d)


def test_make_many_narrations(tmp_path: Path) -> None:
    sample = (ROOT / "captionkit/data/sample-narration-ar.txt").read_text(encoding="utf-8")
    (tmp_path / "n" / "s").mkdir(parents=True)
    (tmp_path / "n" / "a.txt").write_text(sample, encoding="utf-8")
    (tmp_path / "n" / "s" / "b.txt").write_text(sample[:400], encoding="utf-8")
    result = runner.invoke(
        app, ["make", str(tmp_path / "n"), "-o", str(tmp_path / "o"), "--to", "vtt", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    assert read(tmp_path / "o" / "a.vtt").cues
    assert read(tmp_path / "o" / "s" / "b.vtt").cues
    bad = runner.invoke(app, ["make", str(tmp_path / "n"), "-o", "-"])
    assert bad.exit_code == 2 and "folder" in bad.stderr


# Dask: one local cluster for the module (two single-threaded worker processes, with nannies).


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed", reason="needs captionkit[batch]")
    local = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    yield local
    local.close()


def test_dask_gives_what_serial_gives(
    cluster: Any, faulty: tuple[Path, list[str], list[str]]
) -> None:
    _, good, bad = faulty
    paths = sorted(good + bad)
    serial = list(run_batch(partial(read_cues_utf8), paths, BatchSettings(jobs=1)))
    assert {o.input for o in serial if not o.ok} == set(bad)
    for chunk in (1, 4, None):  # one file a task, four, and the default (dask_chunk)
        settings = BatchSettings(address=cluster.scheduler_address, chunk=chunk)
        assert list(run_batch(partial(read_cues_utf8), paths, settings)) == serial


def read_cues_utf8(path: str) -> int:
    return len(read(path, encoding="utf-8").cues)


def test_dask_batch_survives_a_killed_worker(cluster: Any, tmp_path: Path) -> None:
    import distributed

    Client: Any = distributed.Client
    good, _ = _benchmark().generate_catalogue(tmp_path, 24, min_cues=3, max_cues=6)
    client = Client(cluster)
    pids = list(client.run(os.getpid).values())
    client.close()
    killed = threading.Event()

    def kill_soon() -> None:
        time.sleep(1.0)
        os.kill(pids[0], signal.SIGKILL)
        killed.set()

    threading.Thread(target=kill_soon, daemon=True).start()
    outcomes = list(run_batch(sleepy_cues, good, BatchSettings(address=cluster.scheduler_address)))
    assert killed.is_set()  # the kill happened during the run (24 x 0.15 s on 2 workers)
    assert [o.error for o in outcomes] == [None] * len(good)
    assert [o.value for o in outcomes] == [len(read(path).cues) for path in good]


def test_check_reports_through_the_pool_match_serial(
    faulty: tuple[Path, list[str], list[str]],
) -> None:
    """How ``check --jobs`` is wired: ``check_file`` with its settings bound, through the pool."""
    from captionkit.check.runner import check_file, check_settings, exit_status
    from captionkit.profiles import resolve_profile

    _, good, bad = faulty
    paths = sorted(good + bad)
    profile, settings = resolve_profile(None), check_settings()
    serial = [check_file(path, profile, settings, "utf-8") for path in paths]
    work = partial(check_file, profile=profile, settings=settings, encoding="utf-8", lenient=False)
    pooled = [o.value for o in run_batch(work, paths, BatchSettings(jobs=2))]
    assert [(r.file, r.cues, r.findings, r.error) for r in pooled if r is not None] == [
        (r.file, r.cues, r.findings, r.error) for r in serial
    ]
    assert {r.file for r in serial if r.error is not None} == set(bad)
    assert exit_status(serial) == 2


def record_and_sleep(path: str) -> None:
    """Leave this worker's pid beside ``path``, then take long."""
    Path(path + ".pid").write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(60)


def _running(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return False
    return "\nState:\tZ" not in status  # a zombie has ended


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc (Linux)")
def test_workers_end_when_the_batch_is_killed(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = (
        "import sys; from captionkit.batch import BatchSettings, run_batch; "
        "from tests.test_batch import record_and_sleep; "
        "list(run_batch(record_and_sleep, sys.argv[1:], BatchSettings(jobs=2)))"
    )
    paths = [str(tmp_path / str(number)) for number in range(4)]
    batch = subprocess.Popen([sys.executable, "-c", script, *paths], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while len(list(tmp_path.glob("*.pid"))) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        pids = [int(p.read_text(encoding="utf-8")) for p in tmp_path.glob("*.pid")]
        assert len(pids) == 2 and all(_running(pid) for pid in pids)
    finally:
        batch.kill()  # SIGKILL: no clean-up runs in the batch's process
        batch.wait()
    deadline = time.monotonic() + 15
    while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_running(pid) for pid in pids)
