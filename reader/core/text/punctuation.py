"""Stage 5, punctuation: tidy what the removals left behind.

No clause starts with a separator (`呃，我们` -> `我们`), a run of separators keeps its
first (`然后，，我们` -> `然后，我们`), a separator before an end mark goes (`可能是，。` ->
`可能是。`), and a segment left with punctuation alone is empty. It only removes.
"""

from __future__ import annotations

import re

from reader.core.text.edits import Edit, apply_edits

STAGE = "punctuation"
SEPARATORS = "，、；：,;:"
# ASCII `.` is left out: it is also a decimal point and an abbreviation mark.
END_MARKS = "。！？!?…"
_RUN = re.compile(f"[{SEPARATORS}](?:\\s*[{SEPARATORS}])*")
_SPACE = re.compile(r"\s*")


def _neighbour_before(text: str, pos: int) -> str:
    """The last non-space character before `pos`, or "" at the start."""
    pos -= 1
    while pos >= 0 and text[pos].isspace():
        pos -= 1
    return text[pos] if pos >= 0 else ""


def tidy(text: str) -> tuple[str, list[Edit]]:
    edits = []
    for m in _RUN.finditer(text):
        start, end = m.span()
        space = _SPACE.match(text, end)
        assert space is not None  # \s* matches anywhere
        after = space.end()
        before = _neighbour_before(text, start)
        if before == "" or before in END_MARKS:
            edits.append(Edit(start, after, "", STAGE))
        elif after < len(text) and text[after] in END_MARKS:
            edits.append(Edit(start, end, "", STAGE))
        elif end - start > 1:
            edits.append(Edit(start + 1, end, "", STAGE))
    tidied = apply_edits(text, edits)
    if tidied and not any(ch.isalnum() for ch in tidied):
        return "", [Edit(0, len(text), "", STAGE)]
    return tidied, edits
