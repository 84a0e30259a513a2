"""A catalogue at scale: check, convert and retime over 2,000 files, serial, 2 processes, Dask.

The catalogue (generated once into a temporary folder, seeded): ``--files`` files (2,000),
half SubRip and half WebVTT in nested folders, 500-3,000 cues each, the cue text lines of
real Arabic subtitles (``../shared/corpus/rtl/tor-animation/ar.srt``, with their visual
punctuation, so ``check`` has findings to make) and of the bundled Arabic narration
(``captionkit/data/sample-narration-ar.txt``), one or two lines a cue.

Each command runs the per-file function its CLI runs in a batch, through
:func:`captionkit.batch.run_batch`, on three executors: ``--jobs 1`` (in process),
``--jobs 2`` (a process pool) and a 2-worker Dask ``LocalCluster`` (single-threaded worker
processes; the cluster's start-up is timed apart and left out). ``convert`` and
``retime`` also write their outputs through the output layer, as the CLI does.
Targets (issue 20): jobs 2 at least 1.8x jobs 1, Dask at least 1.6x. The machine is shared,
so the load average is printed beside the figures.

Run: ``python benchmarks/batch.py [--files N] [--min-cues A] [--max-cues B] [--commands
check convert retime] [--keep DIR]``.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import cache, partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from captionkit.batch import BatchSettings, run_batch  # noqa: E402
from captionkit.timecode import format_srt_time, format_vtt_time  # noqa: E402

SHARED = Path(os.environ.get("CAPTIONKIT_SHARED", ROOT.parent / "shared"))
if not SHARED.exists():
    SHARED = Path("/work/shared")
CORPUS = SHARED / "corpus" / "rtl" / "tor-animation" / "ar.srt"
NARRATION = ROOT / "captionkit" / "data" / "sample-narration-ar.txt"


def corpus_lines() -> list[str]:
    """Arabic text lines of real subtitles and of the bundled narration."""
    lines: list[str] = []
    if CORPUS.exists():
        for block in CORPUS.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n\n"):
            rows = block.strip().split("\n")
            lines.extend(row.strip() for row in rows[2:] if row.strip())
    lines.extend(
        line.strip() for line in NARRATION.read_text(encoding="utf-8").splitlines() if line.strip()
    )
    return lines


def subtitle_text(count: int, vtt: bool, rng: random.Random, lines: Sequence[str]) -> str:
    """A SubRip or WebVTT file of ``count`` cues: 1-6 s each, gaps of 0-800 ms."""
    parts = ["WEBVTT\n\n"] if vtt else []
    clock = rng.randrange(0, 5000)
    stamp = format_vtt_time if vtt else format_srt_time
    for number in range(1, count + 1):
        start = clock + rng.randrange(80, 800)
        end = start + rng.randrange(1000, 6000)
        clock = end
        text = "\n".join(rng.choice(lines) for _ in range(rng.choice((1, 1, 2))))
        parts.append(f"{number}\n{stamp(start)} --> {stamp(end)}\n{text}\n\n")
    return "".join(parts)


def broken_bytes(kind: str, good: bytes) -> bytes:
    """A bad file of one of three kinds: cut inside a timing line, binary, not UTF-8 halfway."""
    if kind == "truncated":
        return good[: good.index(b"-->", len(good) // 2) + 2]
    if kind == "binary":
        return bytes(random.Random(len(good)).randrange(256) for _ in range(4096))
    if kind == "encoding":  # UTF-8, then the rest in Windows-1256: one file, two encodings
        text = good.decode("utf-8")
        middle = len(text) // 2
        return text[:middle].encode("utf-8") + text[middle:].encode("cp1256", "replace")
    raise ValueError(kind)


BROKEN_KINDS = ("truncated", "binary", "encoding")


def generate_catalogue(
    folder: Path,
    files: int,
    min_cues: int = 500,
    max_cues: int = 3000,
    broken_share: float = 0.0,
    seed: int = 20,
) -> tuple[list[str], list[str]]:
    """Write a catalogue; return (good paths, broken paths), each in sorted order.

    Files are spread over ``shows/NN/`` folders, ``.srt`` and ``.vtt`` alternately; a
    ``broken_share`` of them (evenly spread) is broken, the kinds in turn.
    """
    rng = random.Random(seed)
    lines = corpus_lines()
    broken_every = round(1 / broken_share) if broken_share else 0
    good: list[str] = []
    bad: list[str] = []
    for index in range(files):
        vtt = index % 2 == 1
        path = folder / "shows" / f"{index // 100:02d}" / f"ep{index:05d}.{'vtt' if vtt else 'srt'}"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = subtitle_text(rng.randint(min_cues, max_cues), vtt, rng, lines).encode("utf-8")
        if broken_every and index % broken_every == broken_every // 2:
            kind = BROKEN_KINDS[len(bad) % len(BROKEN_KINDS)]
            path.write_bytes(broken_bytes(kind, data))
            bad.append(str(path))
        else:
            path.write_bytes(data)
            good.append(str(path))
    return sorted(good), sorted(bad)


# The per-file functions, as the CLI runs them (module level: they go to other processes).


@cache
def _check_setup() -> tuple[Any, Any]:
    """The profile and rules, resolved once a process (the CLI resolves them once a run)."""
    from captionkit.check.runner import check_settings
    from captionkit.profiles import resolve_profile

    return resolve_profile(None), check_settings()


def check_one(path: str) -> int:
    """``check``'s work on one file: read, every rule; the number of findings."""
    from captionkit.check.runner import check_file

    profile, settings = _check_setup()
    report = check_file(path, profile, settings)
    if report.error is not None:
        raise RuntimeError(report.error)
    return len(report.findings)


def write_one(
    work: Callable[[str], Any], source: str, target: str, suffix: str | None, path: str
) -> int:
    """Run a file command's per-file function and write its output through the output layer."""
    from captionkit.io import write_outputs

    written = work(path)
    output = Path(target) / os.path.relpath(path, source)
    output.parent.mkdir(parents=True, exist_ok=True)
    write_outputs([(output.with_suffix(suffix) if suffix else output, written.data)])
    return len(written.data)


def command_function(command: str, source: str, target: str) -> Callable[[str], Any]:
    """The per-file function of ``command`` over the catalogue at ``source``."""
    if command == "check":
        return check_one
    if command == "convert":
        from captionkit.cli.files import convert_one

        work: Callable[[str], Any] = partial(
            convert_one,
            target="vtt",
            encoding=None,
            output_encoding="utf-8",
            newline=None,
            lenient=False,
        )
    else:
        from captionkit.cli.retime import retime_one
        from captionkit.retime.options import plan_from_text

        plan = plan_from_text(
            shift="1.5s",
            scale="25/23.976",
            anchor="0",
            fps=None,
            sync=[],
            reference=None,
            start_from=None,
            start_to=None,
            cues=None,
            snap=None,
            clip=False,
            repair=None,
        )
        work = partial(
            retime_one,
            plan=plan,
            newline=None,
            encoding=None,
            lenient=False,
            target_format=None,
            json_report=False,
        )
    return partial(write_one, work, source, target, ".vtt" if command == "convert" else None)


def cpu_timed(function: Callable[[str], Any], path: str) -> float:
    """Run the per-file function; the CPU seconds its thread spent (whoever else runs)."""
    began = time.thread_time()
    function(path)
    return time.thread_time() - began


def timed_run(
    function: Callable[[str], Any], paths: list[str], settings: BatchSettings
) -> tuple[float, float]:
    """Wall seconds of a whole batch, and the CPU seconds its files took; all must succeed."""
    began = time.perf_counter()
    outcomes = list(run_batch(partial(cpu_timed, function), paths, settings))
    seconds = time.perf_counter() - began
    failures = [o.error for o in outcomes if o.error is not None]
    if failures:
        raise SystemExit(f"{len(failures)} files failed, first: {failures[0]}")
    return seconds, sum(o.value or 0.0 for o in outcomes)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--min-cues", type=int, default=500)
    parser.add_argument("--max-cues", type=int, default=3000)
    parser.add_argument("--commands", nargs="+", default=["check", "convert", "retime"])
    parser.add_argument("--executors", nargs="+", default=["jobs1", "jobs2", "dask2"])
    parser.add_argument("--keep", type=Path, help="Generate the catalogue here and keep it.")
    options = parser.parse_args(argv)
    workspace = options.keep or Path(tempfile.mkdtemp(prefix="captionkit-batch-"))
    source = workspace / "catalogue"
    began = time.perf_counter()
    if not (source / "shows").exists():
        generate_catalogue(source, options.files, options.min_cues, options.max_cues)
    paths = sorted(str(path) for path in (source / "shows").rglob("*.*"))[: options.files]
    size = sum(Path(path).stat().st_size for path in paths)
    print(
        f"catalogue: {len(paths)} files, {size / 1e6:.0f} MB, {options.min_cues}-{options.max_cues}"
        f" cues each, generated in {time.perf_counter() - began:.0f} s; {os.cpu_count()} cores; "
        f"{load()}"
    )
    cluster: Any = None
    if "dask2" in options.executors:
        from distributed import Client, LocalCluster

        started = time.perf_counter()
        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        Client(cluster).close()
        print(
            f"dask LocalCluster (2 workers x 1 thread) up in {time.perf_counter() - started:.1f} s"
        )
    executors = {
        "jobs1": BatchSettings(jobs=1),
        "jobs2": BatchSettings(jobs=2),
        "dask2": BatchSettings(
            executor="dask", address=cluster.scheduler_address if cluster else None
        ),
    }
    try:
        for command in options.commands:
            times: dict[str, float] = {}
            for name in options.executors:
                target = workspace / f"{command}-{name}"
                shutil.rmtree(target, ignore_errors=True)
                function = command_function(command, str(source), str(target))
                times[name], cpu = timed_run(function, paths, executors[name])
                base = times.get("jobs1")
                ratio = f"{base / times[name]:5.2f}x" if base and name != "jobs1" else "   --"
                # cores: the CPU the files got over the wall time (2.0 = both cores, all along)
                print(
                    f"{command:<8} {name:<6} {times[name]:8.1f} s {len(paths) / times[name]:7.1f} "
                    f"files/s  speed-up {ratio}  cpu {cpu:7.1f} s = {cpu / len(paths) * 1000:5.0f}"
                    f" ms/file, cores used {cpu / times[name]:4.2f}   ({load()})",
                    flush=True,
                )
    finally:
        if cluster is not None:
            cluster.close()
        if options.keep is None:
            shutil.rmtree(workspace, ignore_errors=True)


if __name__ == "__main__":
    main()
