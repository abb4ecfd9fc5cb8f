"""Stage 6, spacing (off by default): one space between CJK and Latin letters or digits,
as the common Chinese copywriting guidelines ask."""

from __future__ import annotations

import re

from reader.core.text.edits import Edit, apply_edits
from reader.core.text.stutters import HAN

STAGE = "spacing"
_GAP = re.compile(f"(?<=[{HAN}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{HAN}])")


def space(text: str) -> tuple[str, list[Edit]]:
    edits = [Edit(m.start(), m.start(), " ", STAGE) for m in _GAP.finditer(text)]
    if not edits:
        return text, []
    return apply_edits(text, edits), edits
