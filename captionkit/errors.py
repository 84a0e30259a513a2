"""One exception family for everything captionkit refuses to do.

Every error carries where it happened (file, line, column) so that the command
line can print ``file:line: message`` and a user can go straight to the spot.
Errors are picklable, so they survive a process pool.
"""

from __future__ import annotations


class CaptionkitError(Exception):
    """Base of every error captionkit raises on purpose.

    >>> str(CaptionkitError("bad timing line", file="a.srt", line=3))
    'a.srt:3: bad timing line'
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        parameter: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        #: The library parameter the error is about (``rate``, ``max_cps``), when it is one:
        #: the command line names its own flag for it instead (:meth:`for_parameter`).
        self.parameter = parameter

    def located(self, file: str | None) -> CaptionkitError:
        """Return the same error with the file name filled in when it was unknown."""
        if self.file is None and file is not None:
            self.file = file
        return self

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
            where += ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        return where + self.message

    def for_parameter(self, name: str) -> str:
        """The message with the parameter called ``name`` (a command-line flag, say).

        >>> error = InvalidValue("rate", -1.0, "a positive number")
        >>> str(error), error.for_parameter("--rate")
        ('rate must be a positive number, not -1.0', '--rate must be a positive number, not -1.0')
        """
        return self.renamed({self.parameter: name} if self.parameter else {})

    def renamed(self, names: dict[str, str]) -> str:
        """The message with parameters called by other names (a front end's options).

        A message names its parameter first (``rate must be ...``) or anywhere in
        backticks (```clip``` cuts ...); both are renamed.

        >>> CaptionkitError("pass `clip` to cut at 0", parameter="clip").renamed({"clip": "--clip"})
        'pass --clip to cut at 0'
        """
        message = self.message
        if self.parameter in names and message.startswith(self.parameter + " "):
            message = names[self.parameter] + message[len(self.parameter) :]
        for parameter, name in names.items():
            message = message.replace(f"`{parameter}`", name)
        renamed = CaptionkitError(message, file=self.file, line=self.line, column=self.column)
        return str(renamed)

    def __reduce__(self) -> tuple[object, ...]:
        state = (self.message, self.file, self.line, self.column, self.parameter)
        return (_rebuild, (type(self), *state))


def _rebuild(
    cls: type[CaptionkitError],
    message: str,
    file: str | None,
    line: int | None,
    column: int | None,
    parameter: str | None = None,
) -> CaptionkitError:
    error = CaptionkitError.__new__(cls)
    CaptionkitError.__init__(
        error, message, file=file, line=line, column=column, parameter=parameter
    )
    return error


class ParseError(CaptionkitError):
    """The input could not be read as the format it claims to be."""


class EncodingError(CaptionkitError):
    """The bytes could not be decoded, or the text cannot be encoded as asked."""


class UnrepresentableTextError(CaptionkitError):
    """Text that the target format cannot carry (a blank line in WebVTT, a timing line in SRT)."""


class UsageError(CaptionkitError):
    """An option value that makes no sense (a bad time, an unknown profile)."""


class InvalidValue(UsageError):
    """A parameter's value out of its range: the message names the parameter first.

    >>> str(InvalidValue("max_cps", 0.0, "a positive, finite number"))
    'max_cps must be a positive, finite number, not 0.0'
    """

    def __init__(
        self,
        parameter: str,
        value: object,
        expected: str,
        *,
        file: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(
            f"{parameter} must be {expected}, not {value!r}",
            file=file,
            line=line,
            parameter=parameter,
        )


class OutputError(CaptionkitError):
    """An output could not be written (a folder, a read-only file system, no space ...)."""


class MissingExtra(CaptionkitError):
    """A feature needs packages that are not installed; the message says what to install."""


class TimingError(CaptionkitError):
    """An operation would produce impossible timings (a negative time after a shift)."""
