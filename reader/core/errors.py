"""Errors that reach the user as one line, never as a traceback.

Their text is English made from templates with named fields (`Msg`): the CLI
prints the English, and the GUI looks each template up in its catalogue (the
template is the message id) and fills in the same fields, so core needs no Qt.
reader/ui/core_messages.py lists the templates for the translators; it is made
from this package's source by tools/core_messages.py.
"""

import re
from typing import Any

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


class Msg:
    """English text from `template` (a `str.format` template) and named `fields`; without fields the
    template is the text itself, braces and all. A field may be a `Msg` too (translated in its turn)."""

    __slots__ = ("fields", "template")

    def __init__(self, template: str, /, **fields: Any):
        self.template = template
        self.fields = fields

    def __str__(self) -> str:
        return self.template.format(**self.fields) if self.fields else self.template

    def __repr__(self) -> str:
        return f"Msg({self.template!r}, **{self.fields!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.template, self.fields) == (other.template, other.fields)

    def __hash__(self) -> int:
        return hash(self.template)


def as_msg(text: "str | Msg", /, **fields: Any) -> Msg:
    return text if isinstance(text, Msg) else Msg(text, **fields)


class UserError(Exception):
    """A problem with the user's input: a file, an id, a query.

    The message reads `WHAT: WHY` on one line; the CLI prints it as
    `transcript-reader: error: WHAT: WHY` and exits 1, the GUI shows it in a dialog,
    translated (`message`). `what` and `why` are templates filled with `fields`,
    e.g. `UserError("rule {pattern!r}", "the pattern is empty", pattern=p)`; data (a
    path, a pattern) goes in the fields, never in a template, so a template is a message id.
    """

    def __init__(self, what: "str | Msg", why: "str | Msg | None" = None, /, **fields: Any):
        what_msg = as_msg(what, **fields)
        why_msg = None if why is None else as_msg(why, **fields)
        self.why_message = why_msg
        self.message = what_msg if why_msg is None or not str(why_msg) else Msg("{what}: {why}", what=what_msg, why=why_msg)
        self.what = str(what_msg)
        self.why = None if why_msg is None else str(why_msg)
        super().__init__(one_line(str(self.message)))
