"""Stage 5, punctuation: tidy what the removals left behind.

No clause starts with a separator (`呃，我们` -> `我们`), a run of separators keeps its
first (`然后，，我们` -> `然后，我们`), a separator before an end mark goes (`可能是，。` ->
`可能是。`), a full stop right after an end mark goes (`对，嗯。嗯。` and `对？嗯。` lose their
fillers and leave `对。。`, `对？。`; `我。嗯，嗯。` leaves `我。，。`), no text starts with punctuation (`呃。我们` -> `我们`), and a
segment left with punctuation alone is empty. It only removes.
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
# Only the full stop: `……` is one mark, and `！！`, `？？` may be the speaker's emphasis.
_STOPS = re.compile(f"(?<=[{END_MARKS}])。+")
_STOPS_AFTER = re.compile("。+")
# Punctuation before the first word (`……` may open a text on purpose).
_LEAD = re.compile(f"[{SEPARATORS}。！？!?][\\s{SEPARATORS}。！？!?]*")
# Every rule above needs punctuation at the start or one of these shapes; most texts show
# none and are left as they are without reading them separator by separator. (The pattern
# begins with a character class: the regex engine skips to those.)
_LEADING = re.compile(f"\\s*[{SEPARATORS}。！？!?]")
_ANY_WORK = re.compile(
    f"[{SEPARATORS}{END_MARKS}]"
    f"(?:(?<=[{END_MARKS}])\\s*[{SEPARATORS}]|(?<=[{SEPARATORS}])\\s*[{SEPARATORS}{END_MARKS}]|(?<=[{END_MARKS}])。)"
)


def _neighbour_before(text: str, pos: int) -> str:
    """The last non-space character before `pos`, or "" at the start."""
    pos -= 1
    while pos >= 0 and text[pos].isspace():
        pos -= 1
    return text[pos] if pos >= 0 else ""


def tidy(text: str) -> tuple[str, list[Edit]]:
    if not _LEADING.match(text) and not _ANY_WORK.search(text):
        if text and not any(map(str.isalnum, text)):
            return "", [Edit(0, len(text), "", STAGE)]
        return text, []
    edits = []
    first = len(text) - len(text.lstrip())
    lead = _LEAD.match(text, first)
    start_words = first
    if lead is not None:
        edits.append(Edit(first, lead.end(), "", STAGE))
        start_words = lead.end()
    for m in _RUN.finditer(text, start_words):
        start, end = m.span()
        if end - start == 1:
            # A lone separator between two words, the common case, stays. (A run after
            # the lead has a word before it: the lead took every mark and space there.)
            left, right = text[start - 1], text[end : end + 1]
            if not (left in END_MARKS or left.isspace() or (right and (right in END_MARKS or right.isspace()))):
                continue
        space = _SPACE.match(text, end)
        assert space is not None  # \s* matches anywhere
        after = space.end()
        before = _neighbour_before(text, start)
        if before == "" or before in END_MARKS:
            # The run goes, and so do full stops it kept from the end mark before it
            # (`我。，。` -> `我。`): once the run is out they would follow that mark.
            stops = _STOPS_AFTER.match(text, after)
            edits.append(Edit(start, stops.end() if stops else after, "", STAGE))
        elif after < len(text) and text[after] in END_MARKS:
            edits.append(Edit(start, end, "", STAGE))
        elif end - start > 1:
            edits.append(Edit(start + 1, end, "", STAGE))
    removed_runs = list(edits)
    for m in _STOPS.finditer(text, start_words):
        if not any(e.start <= m.start() < e.end for e in removed_runs):  # a run's removal took it already
            edits.append(Edit(m.start(), m.end(), "", STAGE))
    edits.sort(key=lambda e: e.start)
    tidied = apply_edits(text, edits)
    if tidied and not any(ch.isalnum() for ch in tidied):
        return "", [Edit(0, len(text), "", STAGE)]
    return tidied, edits
