"""What the commands share: the console, option types, error rendering and output."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection, Sequence
from enum import Enum
from functools import cache, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec, TypeVar, get_type_hints

import typer

from captionkit.errors import CaptionkitError

if TYPE_CHECKING:  # Rich and the output layer are imported when a command prints or writes
    from rich.console import Console

    from captionkit.model import Track


@cache
def stderr_console() -> Console:
    """Rich's console on standard error, made on first use (importing Rich slows the start).

    No emoji codes: a message quoting subtitle text with ``:name:`` in it stays as it is.
    """
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


class _LazyConsole:
    """Stands for :func:`stderr_console` until something uses it (``stderr.print(...)``).

    Rich enters the console of a live display (a progress bar) as a context manager:
    those two methods are forwarded too.
    """

    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        return getattr(stderr_console(), name)

    def __enter__(self) -> Console:
        return stderr_console().__enter__()

    def __exit__(self, *details: object) -> None:
        stderr_console().__exit__(*details)  # type: ignore[arg-type]


#: The console on standard error; Rich is imported on its first use.
stderr: Console = _LazyConsole()  # type: ignore[assignment]

P = ParamSpec("P")
R = TypeVar("R")

#: Library parameter names and the flags that set them, for error messages.
FLAGS: dict[str, str] = {
    "rate": "--rate",
    "start_ms": "--start",
    "duration_ms": "--duration",
    "max_chars_per_line": "--max-chars",
    "max_lines": "--max-lines",
    "max_cps": "--cps",
    "fps": "--fps",
    "rtl": "--rtl",
    "shift": "--shift",
    "scale": "--scale",
    "anchor": "--anchor",
    "sync": "--sync",
    "cues": "--cues",
    "start_from": "--from",
    "start_to": "--to",
    "snap": "--snap",
    "newline": "--newline",
    "encoding": "--encoding",
    "profile": "--profile",
    "severity": "--severity",
    "clip": "--clip",
    "keep_all": "--keep-all",
    "cue": "--cue",
    "at": "--at",
    "sheet": "--sheet",
    "flagged": "--flagged",
    "font": "--font",
    "reference": "--reference",
    "audio": "--audio",
}


class ReportFormat(str, Enum):
    """How a report is printed."""

    text = "text"
    json = "json"


def message_of(error: CaptionkitError, options: Collection[str] | None = None) -> str:
    """The one line a user sees: the library's words, with our flags for its parameters.

    A flag is named only when the command has it (``options``; ``make`` has no
    ``--encoding``): otherwise the library's words stay.
    """
    names = {
        parameter: flag for parameter, flag in FLAGS.items() if options is None or flag in options
    }
    return error.renamed(names)


def options_of(function: Callable[..., Any]) -> set[str]:
    """The long options of a command function, from its Typer annotations."""
    names: set[str] = set()
    try:
        hints = get_type_hints(function, include_extras=True)
    except Exception:  # an annotation that cannot be resolved: name every flag
        return set(FLAGS.values())
    for name, hint in hints.items():
        names.add("--" + name.replace("_", "-"))
        for meta in getattr(hint, "__metadata__", ()):
            names.update(
                declared
                for declared in getattr(meta, "param_decls", None) or ()
                if declared.startswith("--")
            )
    return names


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``message`` on stderr and return the exit to raise."""
    stderr.print(message, markup=False)
    return typer.Exit(code)


def handles_errors(function: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors into a one-line message and exit status 2."""

    @wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except CaptionkitError as error:
            raise fail(message_of(error, options_of(function))) from None

    return wrapper


def json_bytes(value: Any) -> bytes:
    """A JSON document as UTF-8; text read from undecodable bytes keeps them as ``\\udcXX``.

    Such text holds lone surrogates, which UTF-8 cannot carry: written as JSON
    escapes they keep the document valid (and a JSON reader gets them back).

    >>> import json
    >>> json.loads(json_bytes({"text": "a\\udcff"})) == {"text": "a\\udcff"}
    True
    """
    import json

    text = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8", "backslashreplace")


def print_json(value: Any) -> None:
    """Print a JSON document on stdout."""
    from captionkit.io import write_outputs

    write_outputs([("-", json_bytes(value))])


def note(message: str) -> None:
    """A notice on stderr (never before an error: commands print notices after success)."""
    stderr.print(message, markup=False)


def print_lines(lines: Sequence[str]) -> None:
    """Lines on stderr in one write, as they are: a file can have a hundred thousand notes
    (Rich takes seconds for those, and reads ``:name:`` in subtitle text as an emoji).

    On a terminal they go through the console, above a progress bar if one is showing.
    """
    text = "".join(line + "\n" for line in lines)
    if not text:
        return
    if stderr.is_terminal:
        stderr.print(text, end="", markup=False)
    else:
        sys.stderr.write(text)
        sys.stderr.flush()


def report_skipped(track: Track) -> list[str]:
    """One line for every block the reader skipped."""
    where = track.source.path or "<input>"
    return [f"{where}:{block.line}: skipped: {block.reason}" for block in track.skipped]


def emit(
    outputs: Sequence[tuple[str, bytes]],
    *,
    inputs: Sequence[str] = (),
    in_place: bool = False,
    backup_suffix: str | None = ".bak",
) -> None:
    """Write a run's outputs through the output layer (all or nothing; ``-`` is stdout).

    An in-place edit keeps ``FILE.bak`` (or ``FILE.bak.1`` ... never over one), or
    ``FILE`` + ``backup_suffix``; None keeps no backup.
    """
    from captionkit.io import write_outputs

    write_outputs(outputs, inputs=inputs, in_place=in_place, backup_suffix=backup_suffix)


def stdout_is_free(outputs: Sequence[str]) -> bool:
    """Whether no output goes to standard output (so a JSON report may)."""
    return all(path != "-" for path in outputs)


def flush_stdout() -> None:
    """Flush standard output, ignoring a reader that went away."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # pragma: no cover - depends on the reader
        reader_gone()


def reader_gone() -> NoReturn:
    """End the run quietly because the reader of standard output went away (``| head``).

    Standard output is pointed at the null device, so that the interpreter's last flush
    does not fail again, and ``BrokenPipeError`` unwinds the command: a batch's worker
    pool is shut down on the way (leaving at once would leak its semaphores and print
    the resource tracker's warning); the entry point turns it into exit status 0.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    raise BrokenPipeError


Input = Annotated[str, typer.Argument(help="Subtitle file (.srt, .vtt), or - for stdin.")]
EncodingOption = Annotated[
    str | None,
    typer.Option("--encoding", help="Encoding to read with (detected when not given)."),
]
Lenient = Annotated[
    bool,
    typer.Option(
        "--lenient", help="Skip blocks that cannot be read (reported) instead of failing."
    ),
]
ProfileOption = Annotated[
    str | None, typer.Option("--profile", help="Style profile: arabic, broadcast, social.")
]
MaxChars = Annotated[int | None, typer.Option("--max-chars", help="Visible characters a line.")]
MaxLines = Annotated[int | None, typer.Option("--max-lines", help="Lines a cue.")]
Cps = Annotated[float | None, typer.Option("--cps", help="Maximum reading speed (characters/s).")]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Settings file: a pyproject.toml ([tool.captionkit]) or a captionkit.toml.",
    ),
]
NewlineOption = Annotated[
    str, typer.Option("--newline", help="Line ends to write: keep, lf or crlf.")
]
