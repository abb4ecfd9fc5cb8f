"""Errors that reach the user as one line, never as a traceback."""

import re

# Line breaks and other controls can come from a file's name or content; shown
# escaped they keep the message on one line and visible. So do the lone
# surrogates that stand for a file name's bytes that are not UTF-8 (no stream
# could print them).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escaped(char: str) -> str:
    if "\udc80" <= char <= "\udcff":
        return f"\\x{ord(char) - 0xDC00:02x}"  # the byte as it is in the name
    return char.encode("unicode_escape", "backslashreplace").decode("ascii")


def one_line(text: str) -> str:
    """`text` on one printable line: controls, line breaks and undecodable bytes escaped."""
    return _CONTROLS.sub(lambda m: _escaped(m.group()), text)


class UserError(Exception):
    """A problem with the user's input: a file, an id, a query.

    The message reads `WHAT: WHY` on one line; the CLI prints it as
    `transcript-reader: error: WHAT: WHY` and exits 1, the GUI shows it in a dialog.
    """

    def __init__(self, what: str, why: str | None = None):
        self.what = what
        self.why = why
        super().__init__(one_line(f"{what}: {why}" if why else what))
