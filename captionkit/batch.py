"""Run one per-file function over many inputs: in this process, a process pool, or Dask.

A catalogue check is the same function applied to thousands of files, each on its own:
the work is embarrassingly parallel, so the only things worth getting right are that one
bad file never stops the rest, that results come back in the order of the inputs whatever
the number of workers (a report or a diff of two nights' runs must not depend on
scheduling), and that the scheduling itself is somebody else's well-tested code: the
standard library's :class:`~concurrent.futures.ProcessPoolExecutor` on one machine, a
Dask ``distributed`` cluster beyond it. Nothing here is a scheduler.

The function runs where the executor puts it, so it must be picklable (a module-level
function, or a :func:`functools.partial` of one) and so must its result. On a Dask cluster
the workers need only ``captionkit`` installed: tasks are the function and one path.

What a batch covers is decided here too: :func:`expand_inputs` turns files, folders and
globs into the files (each with its path relative to the argument that named it) and
:func:`mirror_outputs` places each output at that path under an output folder, refusing
two inputs on one output or an output over an input. The executors (``multiprocessing``,
``concurrent.futures``, Dask) are imported only when a batch runs in other processes.

>>> outcomes = list(run_batch(len, ["a.srt", "bb.srt"], BatchSettings(jobs=1)))
>>> [(outcome.input, outcome.value) for outcome in outcomes]
[('a.srt', 5), ('bb.srt', 6)]
"""

from __future__ import annotations

import glob
import os
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from captionkit.errors import CaptionkitError, InvalidValue, MissingExtra, UsageError

if TYPE_CHECKING:  # the executors are imported when a batch runs in other processes
    import multiprocessing.context
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = [
    "EXECUTORS",
    "NARRATION_SUFFIXES",
    "SUBTITLE_SUFFIXES",
    "BatchInput",
    "BatchSettings",
    "BatchSummary",
    "Executor",
    "Outcome",
    "dask_chunk",
    "default_jobs",
    "expand_inputs",
    "is_pattern",
    "mirror_outputs",
    "prepare_folders",
    "run_batch",
    "run_chunk",
    "run_one",
    "summarize",
]

R = TypeVar("R")

Executor = Literal["auto", "serial", "process", "dask"]
EXECUTORS: tuple[str, ...] = ("auto", "serial", "process", "dask")


#: What a folder search takes for a subtitle file: every extension of the format registry
#: but ``.xml`` and ``.json``, which name too many other files to be searched for (a file
#: so named is still taken when given by name). A test keeps this in step with the registry,
#: which is not imported here so that a batch does not load every reader to list a folder.
SUBTITLE_SUFFIXES: tuple[str, ...] = (".srt", ".vtt", ".webvtt", ".ass", ".ssa", ".ttml", ".dfxp")
NARRATION_SUFFIXES: tuple[str, ...] = (".txt",)
_GLOB_CHARACTERS = frozenset("*?[")


def default_jobs() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's count).

    >>> default_jobs() >= 1
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """Where a batch runs.

    ``executor``: ``serial`` (this process), ``process`` (a pool of ``jobs`` processes),
    ``dask`` (the cluster whose scheduler is at ``address``; a local cluster of ``jobs``
    single-threaded worker processes when ``address`` is None), or ``auto``: ``dask`` when
    an address is given, else ``serial`` for one job and ``process`` for more.
    ``window`` bounds the tasks in flight (default: eight a job; four a thread of a
    cluster), so a million inputs
    never become a million futures at once. ``chunk`` inputs make one task: more than one
    spreads a scheduler's per-task cost over several files. By default (None) a process
    pool takes one file a task (its cost a task is small), and a Dask cluster about
    sixteen tasks a worker thread, at most 32 files a task: one file a task left a 2-worker
    local cluster at 1.2-1.5x the serial speed in ``benchmarks/batch.py``, the client and
    scheduler busy with 2,000 tiny tasks.
    """

    jobs: int | None = None
    executor: Executor = "auto"
    address: str | None = None
    window: int | None = None
    chunk: int | None = None

    def resolved(self) -> tuple[Literal["serial", "process", "dask"], int]:
        """The executor actually used and its number of jobs.

        >>> BatchSettings(jobs=1).resolved(), BatchSettings(jobs=3).resolved()
        (('serial', 1), ('process', 3))
        >>> BatchSettings(address="tcp://10.0.0.1:8786").resolved()[0]
        'dask'
        """
        jobs = default_jobs() if self.jobs is None else self.jobs
        if jobs < 1:
            raise InvalidValue("jobs", jobs, "a whole number of at least 1")
        if self.chunk is not None and self.chunk < 1:
            raise InvalidValue("chunk", self.chunk, "a whole number of at least 1")
        if self.executor not in EXECUTORS:
            raise InvalidValue("executor", self.executor, "one of " + ", ".join(EXECUTORS))
        if self.executor == "auto":
            if self.address is not None:
                return "dask", jobs
            return ("serial" if jobs == 1 else "process"), jobs
        if self.address is not None and self.executor != "dask":
            raise InvalidValue(
                "address", self.address, "given only with the dask executor (a scheduler)"
            )
        return self.executor, jobs


@dataclass(frozen=True, slots=True)
class Outcome(Generic[R]):
    """What one input gave: its value, or the error that stopped it (``file:line: message``).

    ``index`` is the input's position in the batch; outcomes come back in that order.
    """

    index: int
    input: str
    value: R | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the function returned a value for this input."""
        return self.error is None


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """Counts of a finished batch.

    >>> summarize([Outcome(0, "a", 1), Outcome(1, "b", error="b:3: bad")])
    BatchSummary(total=2, succeeded=1, failed=1, failures=('b:3: bad',))
    """

    total: int
    succeeded: int
    failed: int
    failures: tuple[str, ...]


def summarize(outcomes: Iterable[Outcome[Any]]) -> BatchSummary:
    """Count the outcomes of a batch and list its failures in input order."""
    failures: list[str] = []
    total = 0
    for outcome in outcomes:
        total += 1
        if outcome.error is not None:
            failures.append(outcome.error)
    return BatchSummary(total, total - len(failures), len(failures), tuple(failures))


# The inputs of a batch and where their outputs go.


@dataclass(frozen=True, slots=True)
class BatchInput:
    """One input file and its path relative to the argument that named it (for ``-o DIR``)."""

    path: str
    relative: str


def is_pattern(name: str) -> bool:
    return any(char in _GLOB_CHARACTERS for char in name)


def _glob_root(pattern: str) -> str:
    """The folder part of a pattern before its first wildcard: the root of what it matches."""
    parts = Path(pattern).parts
    fixed: list[str] = []
    for part in parts:
        if is_pattern(part):
            break
        fixed.append(part)
    return str(Path(*fixed)) if fixed else "."


def expand_inputs(
    inputs: Sequence[str], suffixes: Sequence[str] = SUBTITLE_SUFFIXES
) -> list[BatchInput]:
    """Files, folders and globs to the files a batch covers, in a stable order.

    A file is taken as named (whatever its extension, so a bad one is reported, not
    silently skipped); a folder is searched for files ending in ``suffixes``; a glob
    (``**`` included) matches files. Each argument's files are sorted; a file named
    twice is taken once. A glob or folder that finds nothing is a usage error: a typo
    must not pass as an empty, clean catalogue.
    """
    seen: set[str] = set()
    found: list[BatchInput] = []
    endings = tuple(suffix.lower() for suffix in suffixes)
    for name in inputs:
        items: list[BatchInput]
        if name != "-" and os.path.isdir(name):
            items = sorted(
                (
                    BatchInput(str(Path(root) / file), os.path.relpath(Path(root) / file, name))
                    for root, _, files in os.walk(name)
                    for file in files
                    if file.lower().endswith(endings)
                ),
                key=lambda item: item.relative,
            )
            if not items:
                raise UsageError(f"no {', '.join(suffixes)} file in the folder {name!r}")
        elif name != "-" and is_pattern(name) and not os.path.exists(name):
            root = _glob_root(name)
            items = [
                BatchInput(match, os.path.relpath(match, root))
                for match in sorted(glob.glob(name, recursive=True))
                if os.path.isfile(match)
            ]
            if not items:
                raise UsageError(f"no file matches {name!r}")
        else:
            items = [BatchInput(name, os.path.basename(name) or name)]
        for item in items:
            key = os.path.normpath(item.path)
            if key not in seen:
                seen.add(key)
                found.append(item)
    return found


def mirror_outputs(
    items: Sequence[BatchInput], folder: str, suffix: Callable[[BatchInput], str] | None = None
) -> list[str]:
    """Each input's output under ``folder``, at its relative path (``suffix`` replaces its
    extension); two inputs landing on one output, or an output that is an input, is refused.

    >>> mirror_outputs([BatchInput("in/a/x.srt", "a/x.srt")], "out", lambda item: ".vtt")
    ['out/a/x.vtt']
    """
    outputs: list[str] = []
    owners: dict[str, str] = {}
    inputs = {os.path.abspath(item.path) for item in items}
    for item in items:
        if item.path == "-":
            raise UsageError("standard input has no name to write under a folder: give files")
        relative = Path(item.relative)
        if suffix is not None:
            relative = relative.with_suffix(suffix(item))
        target = str(Path(folder) / relative)
        key = os.path.abspath(target)
        if key in owners:
            raise UsageError(f"{owners[key]} and {item.path} would both be written to {target}")
        if key in inputs:
            raise UsageError(f"{target} is an input: give an output folder outside the inputs")
        owners[key] = item.path
        outputs.append(target)
    return outputs


def prepare_folders(outputs: Sequence[str]) -> None:
    """Create the folders the outputs go in (the output layer writes files, not folders)."""
    for folder in sorted({str(Path(path).parent) for path in outputs}):
        try:
            Path(folder).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CaptionkitError(
                f"cannot create the folder: {error.strerror}", file=folder
            ) from None


# Running the function over the inputs.


def run_one(function: Callable[[str], R], index: int, path: str) -> Outcome[R]:
    """Apply ``function`` to one input; any failure becomes the outcome's error, located.

    A :class:`CaptionkitError` keeps its own ``file:line`` (the file filled in when it had
    none); anything else is a bug in captionkit, reported as one line with where it
    happened, so that one odd file still never stops the batch.

    >>> run_one(int, 0, "12").value
    12
    >>> run_one(int, 1, "x.srt").error
    "x.srt: internal error (please report it): ValueError: invalid literal for int() ..."
    """
    try:
        return Outcome(index, path, function(path))
    except CaptionkitError as error:
        return Outcome(index, path, error=str(error.located(path)))
    except Exception as error:  # a bug must not stop the other files
        place = traceback.extract_tb(error.__traceback__)[-1]
        where = f" at {os.path.basename(place.filename)}:{place.lineno}" if place else ""
        return Outcome(
            index,
            path,
            error=f"{path}: internal error (please report it): "
            f"{type(error).__name__}: {error}{where}",
        )


def run_batch(
    function: Callable[[str], R],
    inputs: Sequence[str],
    settings: BatchSettings | None = None,
) -> Generator[Outcome[R], None, None]:
    """Apply ``function`` to every input; yield each outcome as soon as all before it are in.

    The outcomes come in the order of ``inputs`` whatever the executor and the number of
    jobs. Closing the iterator early (or an interrupt) cancels the tasks not yet started
    and shuts the pool or the cluster connection down.
    """
    chosen = settings or BatchSettings()
    executor, jobs = chosen.resolved()
    if executor == "serial" or len(inputs) < 2 or "-" in inputs:
        # one input gains nothing from other processes, and standard input is this one's
        for index, path in enumerate(inputs):
            yield run_one(function, index, path)
        return
    if executor == "process":
        window = chosen.window or max(2, 8 * jobs)
        chunk = chosen.chunk or 1
        yield from _run_pool(function, inputs, min(jobs, len(inputs)), window, chunk=chunk)
        return
    yield from _run_dask(function, inputs, chosen.address, jobs, chosen.window, chosen.chunk)


def _watch_parent(parent: int, every: float = 1.0) -> None:
    """In a pool worker: end when the process that started the batch is gone.

    A batch killed outright (SIGKILL, an out-of-memory kill) runs no clean-up, and its
    workers, children of the fork server, would go on with their tasks for nobody.
    """

    def watch() -> None:
        while True:
            time.sleep(every)
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:  # pragma: no cover - the pid was reused by another user
                os._exit(1)

    threading.Thread(target=watch, name="captionkit-parent-watch", daemon=True).start()


def _new_pool(function: Callable[..., Any], jobs: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=_pool_context(function),
        initializer=_watch_parent,
        initargs=(os.getpid(),),
    )


def _pool_context(function: Callable[..., Any]) -> multiprocessing.context.BaseContext:
    """``forkserver`` where there is one: no fork of a process with threads (Rich's progress
    refresh, Dask's event loop), and workers start from a clean interpreter that has
    imported the function's module once (so each worker does not import it again)."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:  # pragma: no cover - Windows
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    target = getattr(function, "func", function)
    module = getattr(target, "__module__", None)
    if isinstance(module, str) and module != "__main__":
        context.set_forkserver_preload(["captionkit.batch", module])
    return context


def dask_chunk(inputs: int, threads: int) -> int:
    """Files a Dask task by default: about sixteen tasks a worker thread, 1 to 32 files each.

    Few tasks keep the client and scheduler idle; sixteen a thread still balance the
    workers when files differ in size, and 32 files bound what one lost task redoes.

    >>> dask_chunk(2000, 2), dask_chunk(10, 2), dask_chunk(1_000_000, 1024)
    (32, 1, 32)
    >>> dask_chunk(300, 2)
    9
    """
    return max(1, min(32, inputs // (16 * max(1, threads))))


def run_chunk(function: Callable[[str], R], start: int, paths: Sequence[str]) -> list[Outcome[R]]:
    """One task of a batch: consecutive inputs from position ``start``, each on its own.

    >>> [outcome.value for outcome in run_chunk(len, 4, ["a", "bb"])]
    [1, 2]
    """
    return [run_one(function, start + offset, path) for offset, path in enumerate(paths)]


def _chunks(inputs: Sequence[str], size: int) -> Iterator[tuple[int, list[str]]]:
    for start in range(0, len(inputs), size):
        yield start, list(inputs[start : start + size])


def _collect(future: Any, start: int, paths: Sequence[str]) -> list[Outcome[R]]:
    """The outcomes a task sent back, or error outcomes when its worker was lost."""
    try:
        outcomes: list[Outcome[R]] = future.result()
    except (KeyboardInterrupt, GeneratorExit):
        raise
    except BaseException as error:  # the process or the worker died under this task
        return [
            Outcome(start + k, path, error=f"{path}: the worker running it was lost ({error!r})")
            for k, path in enumerate(paths)
        ]
    return outcomes


def _stream(
    submit: Callable[[int, list[str]], Any],
    inputs: Sequence[str],
    chunk: int,
    window: int,
    cancel: Callable[[list[Any]], None],
    wait_any: Callable[[list[Any]], None],
) -> Iterator[Outcome[R]]:
    """Keep ``window`` tasks running; yield their outcomes in input order.

    A new task starts as soon as any task ends (not only the oldest), so one slow file at
    the head does not leave the workers idle; finished tasks wait in order behind it, at
    most ``4 * window`` of them, which bounds the memory a slow file can pin.
    """
    pending: deque[tuple[int, list[str], Any]] = deque()
    feed = _chunks(inputs, chunk)
    exhausted = False
    try:
        while True:
            running = [future for _, _, future in pending if not future.done()]
            while not exhausted and len(running) < window and len(pending) < 4 * window:
                step = next(feed, None)
                if step is None:
                    exhausted = True
                    break
                future = submit(*step)
                pending.append((*step, future))
                running.append(future)
            if not pending:
                return
            start, paths, head = pending[0]
            if not head.done():
                wait_any(running or [head])
                continue
            pending.popleft()
            outcomes: list[Outcome[R]] = _collect(head, start, paths)
            yield from outcomes
    finally:
        if pending:
            cancel([future for _, _, future in pending])


def _run_pool(
    function: Callable[[str], R], inputs: Sequence[str], jobs: int, window: int, chunk: int
) -> Iterator[Outcome[R]]:
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    pools = [_new_pool(function, jobs)]

    def submit(start: int, paths: list[str]) -> Future[list[Outcome[R]]]:
        try:
            return pools[-1].submit(run_chunk, function, start, paths)
        except BrokenProcessPool:  # a worker died (killed, out of memory): a fresh pool
            pools[-1].shutdown(wait=False, cancel_futures=True)
            pools.append(_new_pool(function, jobs))
            return pools[-1].submit(run_chunk, function, start, paths)

    def cancel(futures: list[Any]) -> None:
        for future in futures:
            future.cancel()

    def wait_any(futures: list[Any]) -> None:
        wait(futures, return_when=FIRST_COMPLETED)

    try:
        yield from _stream(submit, inputs, chunk, window, cancel, wait_any)
    finally:
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(
    function: Callable[[str], R],
    inputs: Sequence[str],
    address: str | None,
    jobs: int,
    window: int | None,
    chunk: int | None,
) -> Iterator[Outcome[R]]:
    try:
        import distributed
    except ImportError:
        raise MissingExtra(
            "the dask executor needs Dask: pip install 'captionkit[batch]'"
        ) from None
    Client: Any = distributed.Client
    LocalCluster: Any = distributed.LocalCluster
    cluster: Any = None
    client: Any
    if address is None:
        cluster = LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0"
        )
        client = Client(cluster)
    else:
        try:
            client = Client(address, timeout="10s")
        except OSError as error:
            raise CaptionkitError(
                f"cannot reach the Dask scheduler at {address}: {error}", parameter="address"
            ) from None
    threads = sum(client.nthreads().values()) or jobs
    if window is None:
        window = max(2, 4 * threads)
    if chunk is None:
        chunk = dask_chunk(len(inputs), threads)

    def submit(start: int, paths: list[str]) -> Any:
        return client.submit(run_chunk, function, start, paths, pure=False)

    dask_wait: Any = distributed.wait

    def wait_any(futures: list[Any]) -> None:
        dask_wait(futures, return_when="FIRST_COMPLETED")

    try:
        yield from _stream(submit, inputs, chunk, window, client.cancel, wait_any)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
