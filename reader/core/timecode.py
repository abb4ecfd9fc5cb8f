"""Times as people write them: `h:mm:ss.mmm`, `m:ss`, or seconds (`83.5`), and back."""

from __future__ import annotations

import re

from reader.core.errors import UserError

# No recording runs for 100 hours: a time beyond it is a typo or damage (the subtitle readers
# refuse it too), and the bound keeps every stored time far inside what the JSON export
# writes and reads back.
MAX_HOURS = 100
MAX_MS = MAX_HOURS * 3_600_000
_CLOCK = re.compile(r"^(?:(?:(\d+):)?(\d{1,2}):)?(\d+(?:[.,]\d{1,3})?)$")


def parse_time(text: str) -> int:
    """Milliseconds of `h:mm:ss.mmm`, `mm:ss[.mmm]` or `ss[.mmm]`; `UserError` otherwise."""
    value = text.strip()
    match = _CLOCK.match(value)
    if not match:
        raise UserError("time {text!r}", "write it as h:mm:ss.mmm, m:ss or seconds (e.g. 0:01:23.450 or 83.45)", text=text)
    hours, minutes, seconds = match.groups()
    if minutes is not None and float(seconds.replace(",", ".")) >= 60:
        raise UserError("time {text!r}", "seconds go up to 59.999 after minutes", text=text)
    ms = round(float(seconds.replace(",", ".")) * 1000) + int(minutes or 0) * 60_000 + int(hours or 0) * 3_600_000
    if ms >= MAX_MS:
        raise UserError("time {text!r}", "is 100 hours or more", text=text)
    return ms


def format_time(ms: int, *, short: bool = False) -> str:
    """`h:mm:ss.mmm`; with `short`, `m:ss` or `h:mm:ss` (a column's width)."""
    hours, rest = divmod(max(ms, 0), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    if short:
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    return f"{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"
