"""Stage 1, script: convert to the target script with OpenCC."""

from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher
from functools import cache
from itertools import compress, count

import opencc

from reader.core.text.edits import Edit

STAGE = "script"
# Only the character-level configs: the phrase ones (s2twp, tw2sp) rewrite vocabulary
# and change lengths, which suits an export but not a view read beside the raw text.
CONFIGS = {"simplified": "t2s", "traditional": "s2t", "taiwan": "s2tw", "hongkong": "s2hk"}
KEEP = "keep"
MAX_PASSES = 4
SCRIPTS = (*CONFIGS, KEEP)
# An exported file is read on its own, so Taiwan output may use Taiwan's words too.
EXPORT_CONFIGS = {**CONFIGS, "taiwan": "s2twp"}


def converter(script: str, configs: dict[str, str] = CONFIGS) -> opencc.OpenCC:
    """The converter for a target script, built once per config (tofu-risk glyphs left out: most fonts lack them).

    Pass `configs=EXPORT_CONFIGS` for the export's phrase-level conversions."""
    return _opencc(configs[script])


# Two threads asking first at once may each build one (a few ms); one of them is kept.
@cache
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config, include_tofu_risk_dictionaries=False)


def export_converter(script: str) -> Callable[[str], str]:
    """How an export writes text in `script`: Taiwan with its own words, keep as it is."""
    if script == KEEP:
        return _unchanged
    return converter(script, EXPORT_CONFIGS).convert


def _unchanged(text: str) -> str:
    return text


def convert(text: str, script: str) -> tuple[str, list[Edit]]:
    converted = converted_text(text, script)
    if converted == text:
        return text, []
    return converted, diff(text, converted)


def converted_text(text: str, script: str) -> str:
    """`convert`'s text alone, for a caller that needs no edits."""
    if script == KEEP:
        return text
    convert_once = converter(script).convert
    converted: str = convert_once(text)
    if converted == text:
        return text
    # OpenCC picks phrases by context, so its own output can convert again (s2t turns
    # 为了解释 into 爲了解釋, then 爲瞭解釋): go on to a fixed point, so cleaning clean
    # text changes nothing.
    for _ in range(MAX_PASSES):
        again = convert_once(converted)
        if again == converted:
            break
        converted = again
    return converted


def diff(old: str, new: str) -> list[Edit]:
    """One edit per changed run, so every other character keeps its exact position."""
    if len(old) == len(new):
        # The offsets that differ, found in C; then joined into runs.
        edits = []
        start = end = -1
        for i in compress(count(), map(str.__ne__, old, new)):
            if i != end:
                if end > start:
                    edits.append(Edit(start, end, new[start:end], STAGE))
                start = i
            end = i + 1
        if end > start:
            edits.append(Edit(start, end, new[start:end], STAGE))
        return edits
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [Edit(i1, i2, new[j1:j2], STAGE) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]
