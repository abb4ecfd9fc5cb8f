"""Errors that reach the user as one line, never as a traceback."""

import re

# Line breaks and other controls can come from a file's name or content; shown
# escaped they keep the message on one line and visible.
_CONTROLS = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")


def _one_line(text: str) -> str:
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class UserError(Exception):
    """A problem with the user's input: a file, an id, a query.

    The message reads `WHAT: WHY` on one line; the CLI prints it as
    `transcript-reader: error: WHAT: WHY` and exits 1, the GUI shows it in a dialog.
    """

    def __init__(self, what: str, why: str | None = None):
        self.what = what
        self.why = why
        super().__init__(_one_line(f"{what}: {why}" if why else what))
