"""Errors that reach the user as one line, never as a traceback."""


class UserError(Exception):
    """A problem with the user's input: a file, an id, a query.

    The message reads `WHAT: WHY`; the CLI prints it as
    `transcript-reader: error: WHAT: WHY` and exits 1, the GUI shows it in a dialog.
    """

    def __init__(self, what: str, why: str | None = None):
        self.what = what
        self.why = why
        super().__init__(f"{what}: {why}" if why else what)
