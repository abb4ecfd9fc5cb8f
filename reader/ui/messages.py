"""The core's messages in the interface's language.

reader.core says what went wrong in English, as templates with named fields
(`reader.core.errors.Msg`, a `UserError`'s `message`); the template is the
message id under the "errors" context of the catalogue, and
reader/ui/core_messages.py lists every one of them for lupdate. Everything the
GUI shows of a core error goes through `error_text`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from reader.core.errors import Msg, UserError, one_line

CONTEXT = "errors"


def translated(text: Any) -> str:
    """`text` as the person reads it: a `Msg` translated (its `Msg` fields too), anything else as it is."""
    if not isinstance(text, Msg):
        return str(text)
    template = QCoreApplication.translate(CONTEXT, text.template) if text.template.strip() else text.template
    if not text.fields:
        return template
    fields = {name: translated(value) if isinstance(value, Msg) else value for name, value in text.fields.items()}
    try:
        return template.format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: the English is still right
        return str(text)


def error_text(exc: BaseException) -> str:
    """One line for the person: a core refusal in the interface's language, anything else as it says itself."""
    if isinstance(exc, UserError):
        return one_line(translated(exc.message))
    return str(exc)


def why_text(exc: UserError) -> str:
    """Only the reason of a refusal (where the place is shown already), translated."""
    return one_line(translated(exc.why_message)) if exc.why_message is not None else error_text(exc)
