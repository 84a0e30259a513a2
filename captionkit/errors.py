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
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column

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

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.message, self.file, self.line, self.column))


def _rebuild(
    cls: type[CaptionkitError],
    message: str,
    file: str | None,
    line: int | None,
    column: int | None,
) -> CaptionkitError:
    return cls(message, file=file, line=line, column=column)


class ParseError(CaptionkitError):
    """The input could not be read as the format it claims to be."""


class EncodingError(CaptionkitError):
    """The bytes could not be decoded, or the text cannot be encoded as asked."""


class UnrepresentableTextError(CaptionkitError):
    """Text that the target format cannot carry (a blank line in WebVTT, a timing line in SRT)."""


class UsageError(CaptionkitError):
    """An option value that makes no sense (a bad time, an unknown profile)."""


class TimingError(CaptionkitError):
    """An operation would produce impossible timings (a negative time after a shift)."""
