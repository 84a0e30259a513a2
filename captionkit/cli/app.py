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
from types import FrameType
from typing import Annotated

import typer

from captionkit.cli import check, files, make, render, retime, review
from captionkit.cli.common import stderr

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


for group in (files, make, retime, check, render, review):
    group.register(app)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so that every clean-up runs."""


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``captionkit`` script."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        result = app(args=argv, standalone_mode=False)
    except Terminated:
        stderr.print("interrupted", markup=False)
        sys.exit(143)
    except (KeyboardInterrupt, typer.Abort):
        stderr.print("interrupted", markup=False)
        sys.exit(130)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.TyperException as error:
        context = getattr(error, "ctx", None)
        command = context.command_path if context is not None else "captionkit"
        stderr.print(f"error: {error.format_message()} (see {command} --help)", markup=False)
        sys.exit(error.exit_code)
    sys.exit(result if isinstance(result, int) else 0)
