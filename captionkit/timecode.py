"""Time codes: parsing and printing times, and exact frame arithmetic.

All times inside captionkit are integer milliseconds. Frame rates are exact
fractions, so that 23.976 means 24000/1001 and converting back and forth never
drifts. Rounding to milliseconds happens once, at the end of a computation.

>>> parse_time("00:01:02,500")
62500
>>> parse_time("-250ms"), parse_time("1.5s"), parse_time("12f@25")
(-250, 1500, 480)
>>> format_srt_time(3723004)
'01:02:03,004'
>>> parse_fps("23.976")
Fraction(24000, 1001)
"""

from __future__ import annotations

import re
from fractions import Fraction

from captionkit.errors import UsageError

#: Times captionkit writes stay below 100 hours: every format prints two-digit hours, and a
#: larger time is a mistake (a scale of 1e308, a word at 1e300 s), not a film.
MAX_TIME_MS = 100 * 3600 * 1000

#: Common nominal rates and the exact rates they stand for.
_NOMINAL_RATES: dict[str, Fraction] = {
    "23.976": Fraction(24000, 1001),
    "23.98": Fraction(24000, 1001),
    "29.97": Fraction(30000, 1001),
    "47.952": Fraction(48000, 1001),
    "59.94": Fraction(60000, 1001),
    "119.88": Fraction(120000, 1001),
}

_CLOCK = re.compile(
    r"^(?P<sign>[-+])?(?:(?P<h>\d+):)?(?P<m>\d{1,2}):(?P<s>\d{1,2})(?:[,.:](?P<f>\d{1,3}))?$"
)
_UNIT = re.compile(r"^(?P<sign>[-+])?(?P<n>\d+(?:\.\d*)?|\.\d+)(?P<unit>ms|s|m|h)?$")
_FRAMES = re.compile(r"^(?P<sign>[-+])?(?P<n>\d+)f(?:@(?P<fps>[\d./]+))?$")


def parse_fps(text: str | float | Fraction) -> Fraction:
    """Read a frame rate as an exact fraction: ``25``, ``23.976``, ``24000/1001``.

    >>> parse_fps("29.97"), parse_fps("30000/1001"), parse_fps(25)
    (Fraction(30000, 1001), Fraction(30000, 1001), Fraction(25, 1))
    """
    if isinstance(text, Fraction):
        rate = text
    elif isinstance(text, int | float):
        rate = _NOMINAL_RATES.get(f"{text:g}", Fraction(str(text)))
    else:
        cleaned = text.strip()
        if cleaned in _NOMINAL_RATES:
            rate = _NOMINAL_RATES[cleaned]
        else:
            try:
                rate = Fraction(cleaned)
            except (ValueError, ZeroDivisionError):
                raise UsageError(
                    f"not a frame rate: {text!r} (try 25, 23.976 or 24000/1001)"
                ) from None
    if rate <= 0:
        raise UsageError(f"a frame rate must be positive, not {text!r}")
    return rate


def round_half_up(value: Fraction) -> int:
    """Round an exact value to the nearest integer, halves away from zero."""
    if value >= 0:
        return int(value + Fraction(1, 2))
    return -int(-value + Fraction(1, 2))


def frames_to_ms(frames: int | Fraction, fps: Fraction) -> int:
    """The millisecond at which frame number ``frames`` starts.

    >>> frames_to_ms(1, Fraction(24000, 1001))
    42
    """
    return round_half_up(Fraction(frames) * 1000 / fps)


def ms_to_frames(ms: int, fps: Fraction) -> Fraction:
    """Exact frame position of a time (not rounded)."""
    return Fraction(ms) * fps / 1000


TIME_EXAMPLES = "1.5, -2.5s, 250ms, 00:00:02,500, 12f@25"
"""What a time may look like, for messages that ask for one."""


class NotATime(UsageError):
    """A text that is no time in any accepted form (a caller naming a parameter rewords it)."""


def parse_time(text: str, fps: Fraction | None = None) -> int:
    """Parse a time or a duration into integer milliseconds.

    Accepts clock times (``HH:MM:SS,mmm``, ``HH:MM:SS.mmm``, ``MM:SS.mmm``), plain
    seconds (``1.5``), units (``1.5s``, ``-250ms``, ``2m``) and frames
    (``12f@25``, or ``12f`` when ``fps`` is given).

    >>> parse_time("2:35"), parse_time("01:00:00.5"), parse_time("-00:00:02,500")
    (155000, 3600500, -2500)
    """
    cleaned = text.strip()
    clock = _CLOCK.match(cleaned)
    if clock:
        hours = int(clock["h"] or 0)
        fraction = clock["f"] or "0"
        millis = int(fraction.ljust(3, "0"))
        value = ((hours * 60 + int(clock["m"])) * 60 + int(clock["s"])) * 1000 + millis
        return -value if clock["sign"] == "-" else value
    unit = _UNIT.match(cleaned)
    if unit:
        amount = Fraction(unit["n"])
        scale = {"ms": 1, "s": 1000, None: 1000, "m": 60000, "h": 3600000}[unit["unit"]]
        value = round_half_up(amount * scale)
        return -value if unit["sign"] == "-" else value
    frames = _FRAMES.match(cleaned)
    if frames:
        rate = parse_fps(frames["fps"]) if frames["fps"] else fps
        if rate is None:
            raise UsageError(
                f"{text!r} counts frames: give a rate, as in {cleaned}@25, or pass `fps`",
                parameter="fps",
            )
        value = frames_to_ms(int(frames["n"]), rate)
        return -value if frames["sign"] == "-" else value
    raise NotATime(f"not a time: {text!r} (examples: {TIME_EXAMPLES})")


def _split(ms: int) -> tuple[str, int, int, int, int]:
    sign = "-" if ms < 0 else ""
    ms = abs(ms)
    hours, rest = divmod(ms, 3600000)
    minutes, rest = divmod(rest, 60000)
    seconds, millis = divmod(rest, 1000)
    return sign, hours, minutes, seconds, millis


_TWO_DIGITS = [f"{number:02d}" for number in range(60)]
_THREE_DIGITS = [f"{number:03d}" for number in range(1000)]
_MINUTE_PREFIXES: dict[int, str] = {}


def format_clock(ms: int, separator: str = ",") -> str:
    """``HH:MM:SS,mmm`` (or with another separator before the milliseconds).

    Writers print two of these per cue, so the ``HH:MM:`` part is cached per
    minute and the rest comes from small tables.

    >>> format_clock(3723004), format_clock(-1500, ".")
    ('01:02:03,004', '-00:00:01.500')
    """
    if ms < 0:
        return "-" + format_clock(-ms, separator)
    minute, rest = divmod(ms, 60000)
    prefix = _MINUTE_PREFIXES.get(minute)
    if prefix is None:
        hours, minutes = divmod(minute, 60)
        prefix = f"{hours:02d}:{minutes:02d}:"
        if len(_MINUTE_PREFIXES) < 100000:
            _MINUTE_PREFIXES[minute] = prefix
    seconds, millis = divmod(rest, 1000)
    return prefix + _TWO_DIGITS[seconds] + separator + _THREE_DIGITS[millis]


def format_srt_time(ms: int) -> str:
    """``HH:MM:SS,mmm``, as SubRip writes it.

    >>> format_srt_time(0), format_srt_time(360000000)
    ('00:00:00,000', '100:00:00,000')
    """
    return format_clock(ms, ",")


def format_vtt_time(ms: int) -> str:
    """``HH:MM:SS.mmm``, as WebVTT writes it (hours always present).

    >>> format_vtt_time(61001)
    '00:01:01.001'
    """
    return format_clock(ms, ".")


def format_duration(ms: int) -> str:
    """A short human form for reports: ``1:02:03.004`` or ``2.500s``.

    >>> format_duration(2500), format_duration(3723004)
    ('2.500s', '1:02:03.004')
    """
    sign, hours, minutes, seconds, millis = _split(ms)
    if hours == 0 and minutes == 0:
        return f"{sign}{seconds}.{millis:03d}s"
    if hours == 0:
        return f"{sign}{minutes}:{seconds:02d}.{millis:03d}"
    return f"{sign}{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"
