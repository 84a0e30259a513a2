"""The Typer application, its entry point, and what happens on a signal.

``main`` runs the app outside Click's standalone mode so that every error is one
line: a usage error says what is wrong and points at ``--help`` (exit 2); a
library error is ``file:line: message`` (exit 2); SIGINT and SIGTERM end the run
through the normal clean-up (temporary files removed, child processes ended),
print ``interrupted`` and exit 130 or 143.
"""

from __future__ import annotations

import signal
import sys
from contextlib import suppress
from types import FrameType
from typing import Annotated

import typer

from captionkit.cli import align, check, demo, files, fix, make, render, retime, review
from captionkit.cli.common import message_of, stderr
from captionkit.errors import CaptionkitError

app = typer.Typer(
    name="captionkit",
    help="Subtitles and captions for right-to-left (Arabic) video.",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
)


def version_callback(value: bool) -> None:
    if value:
        from captionkit.version import __version__

        typer.echo(f"captionkit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    """Subtitles and captions for right-to-left (Arabic) video."""


for group in (files, make, demo, align, retime, check, fix, render, review):
    group.register(app)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so that every clean-up runs."""


#: The signal that ended the run, if one did (Typer turns the exception into exit 130).
_received: list[int] = []


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """The first SIGINT or SIGTERM ends the run; later ones wait for its clean-up."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_IGN)
    _received.append(signum)
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``captionkit`` script."""
    sys.exit(run(argv))


def run(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status (``main`` without the exit).

    Every way out is one of: the command's own status (0, or 1 for ``check``
    findings), 2 with one line on stderr (a usage or input error), 130 or 143
    after SIGINT or SIGTERM with ``interrupted``, and 70 with one ``internal
    error`` line for a bug (never a traceback).
    """
    _received.clear()
    with suppress(ValueError):  # signals can be handled only in the main thread
        signal.signal(signal.SIGTERM, _interrupt)
        signal.signal(signal.SIGINT, _interrupt)
    try:
        code = _run(argv)
    except KeyboardInterrupt:  # interrupted while reporting
        code = 130
    if _received or code == 130:  # Typer answers Ctrl-C with a silent exit 130
        signum = _received[0] if _received else signal.SIGINT
        return _say("interrupted", 128 + signum)
    return code


def _run(argv: list[str] | None) -> int:
    try:
        result = app(args=argv, standalone_mode=False, prog_name="captionkit")
    except (KeyboardInterrupt, typer.Abort):
        return 130
    except typer.Exit as done:
        return done.exit_code
    except typer.TyperException as error:
        context = getattr(error, "ctx", None)
        command = context.command_path if context is not None else _command_of(argv)
        message = " ".join(error.format_message().split())
        if not message:  # no arguments at all: the help was printed
            return 2
        return _say(f"error: {message} (see {command} --help)", error.exit_code)
    except CaptionkitError as error:  # raised outside a command (an option callback)
        return _say(message_of(error), 2)
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug: one line to report, not a traceback
        where = ""
        trace = error.__traceback__
        while trace is not None and trace.tb_next is not None:
            trace = trace.tb_next
        if trace is not None:
            where = f" at {trace.tb_frame.f_code.co_filename}:{trace.tb_lineno}"
        return _say(
            f"internal error: {type(error).__name__}: {error}{where} "
            "(a captionkit bug: please report it with the input)",
            70,
        )
    return result if isinstance(result, int) else 0


def _command_of(argv: list[str] | None) -> str:
    """``captionkit COMMAND`` from the arguments (for errors raised before a command ran)."""
    import typer.main

    group = typer.main.get_command(app)
    names = set(getattr(group, "commands", {}))
    words = sys.argv[1:] if argv is None else argv
    first = next((word for word in words if not word.startswith("-")), None)
    return f"captionkit {first}" if first in names else "captionkit"


def _say(message: str, code: int) -> int:
    with suppress(Exception):  # standard error may be closed: the status still tells
        stderr.print(message, markup=False)
    return code
