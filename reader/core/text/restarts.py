"""Stage 3, stutters, across a separator: restarts.

A speaker who breaks off and starts again leaves a short clause that the next clause
begins with again (`结果，结果是很顺利的`, `我，我，我觉得`, `大大，大家`). The false start
and its separator go. Two copies of a clause of one or two characters are a deliberate
utterance (`谢谢，谢谢`, `对，对`), and parallel clauses that go on differently
(`我们做了数据，我们做了模型`) are no restart.

A restart can begin inside the first clause: its last characters are said again at the
start of the next. That is a false start only when the first clause was cut off in the
middle of a word (`一个大模，大模型`) or with a frame still open that the next clause
closes (`在这个训练，训练的过程中`); a complete clause whose last words open the next one
(`我们先说数据，数据是一切的基础`) is rhetoric and stays. A single character said again
(`然后结，结果`, `中国，国家`) is too often a coincidence to count, unless it stuttered
first (`叫叫叫叫，叫做`).
"""

from __future__ import annotations

import re

from reader.core.text import segmenter
from reader.core.text.edits import Edit, removal_edits
from reader.core.text.punctuation import SEPARATORS
from reader.core.text.sentences import ATTRIBUTIVE, DETERMINERS, ENDS_OPEN

STAGE = "stutters"
# A false start is short: a clause of up to six characters, or the tail of a longer one.
MAX_FALSE_START = 6
# Two copies of a clause this short are an utterance said twice on purpose (`好，好`, `谢谢，谢谢`).
DELIBERATE_REPEAT = 2
MAX_UNIT = 4
HAN = re.compile(f"[{segmenter.HAN}]+")
LATIN = re.compile("[A-Za-z]")
LAUGHTER = frozenset("哈呵嘿嘻")
# Every restart needs two clauses with only separators and tabs between them (a run counts
# as one, since a removed filler can leave two behind: `我，呃，我觉得`), the first one's last
# character again among the next one's first six (a short clause that begins the next ends
# in one of them, too). The patterns find exactly those pairs, at the gap between them, so
# no other pair is read: the first where the gap follows the first clause's last character,
# the second where spaces end that clause. Each begins with a character class, which the
# regex engine skips to quickly, and looks back from there.
_P = segmenter.PUNCTUATION
_INNER_SPACE = segmenter.INNER_SPACE
_LAST = f"([^{_P}\\s])"
# The gap's run of separators, then the next clause (group `next`) with that character.
_NEXT_HOLDS_LAST = f"[\\t{SEPARATORS}]*+(?![{_P}])(?P<next>){_INNER_SPACE}*+[^{_P}]{{0,{MAX_FALSE_START - 1}}}\\1"
_PAIR = re.compile(
    f"[\\t{SEPARATORS}](?<={_LAST}[\\t{SEPARATORS}])(?:(?<=[{SEPARATORS}])|\\t*[{SEPARATORS}]){_NEXT_HOLDS_LAST}"
)
_PAIR_AFTER_SPACES = re.compile(f"{_INNER_SPACE}(?<={_LAST}{_INNER_SPACE}){_INNER_SPACE}*+\\t*[{SEPARATORS}]{_NEXT_HOLDS_LAST}")
# A preposition that opens a frame the clause must close (`在…中`, `当…时`, `对…来说`).
FRAME_OPENERS = frozenset({"在", "当", "从", "对", "对于", "关于", "跟", "与", "和", "随着"})
# The first characters of the openers: a clause holding none opens no frame.
_OPENER_START = re.compile(f"[{''.join(sorted({word[0] for word in FRAME_OPENERS}))}]")
# Words that wait for more, and their last characters.
_WAITING = (ENDS_OPEN | DETERMINERS) - {ATTRIBUTIVE}
_OPEN_FINALS = tuple({word[-1] for word in _WAITING})
FRAME_CLOSERS = frozenset(
    {
        "中", "里", "上", "下", "内", "外", "时", "前", "后", "之中", "之间", "当中", "之前", "之后",
        "以后", "以前", "以来", "方面", "时候", "过程中", "来说", "来讲", "而言", "来看", "看来",
        "一样", "相比", "开始", "里面", "上面", "下面", "之下", "之上",
    }
)


def collapse_restarts(text: str) -> tuple[str, list[Edit]]:
    """Remove false starts, one at a time until none is left (`我，我，我觉得` -> `我觉得`)."""
    span = _first_restart(text)
    if span is None:
        return text, []
    origin = list(range(len(text)))
    current = text
    removed: set[int] = set()
    while span is not None:
        start, end = span
        removed.update(origin[start:end])
        del origin[start:end]
        current = current[:start] + current[end:]
        span = _first_restart(current)
    return current, removal_edits(removed, STAGE)


def _first_restart(text: str) -> tuple[int, int] | None:
    """The span (false start and its separator) of the first restart in `text`."""
    pairs = list(_PAIR.finditer(text))
    # Every space but ` ` is unprintable: a text with neither has no spaces to search.
    if " " in text or not text.isprintable():
        pairs += _PAIR_AFTER_SPACES.finditer(text)
        pairs.sort(key=_start)
    backwards = ""
    for m in pairs:
        # The first clause ends with the character the pattern looked back at (spaces
        # after it aside); its start is found reading back from there.
        last = m.start(1)
        backwards = backwards or text[::-1]
        a_start = segmenter.clause_start(backwards, last + 1)
        b_start = m.start("next")
        b_end = segmenter.clause_end(text, b_start)
        second = text[b_start:b_end].lstrip()
        cut = _false_start(text[a_start : last + 1], second)
        if cut is not None:
            return a_start + cut, b_end - len(second)
    return None


def _start(m: re.Match[str]) -> int:
    return m.start()


def _may_restart(first: str, second: str) -> bool:
    """What every kind of restart needs, cheap to test: the whole first clause, a short one,
    begins the next, or its last character is again among the next one's first few. Most
    pairs of clauses fail it."""
    return bool(first and second) and (
        first[-1] in second[:MAX_FALSE_START] or (len(first) <= MAX_FALSE_START and second.startswith(first))
    )


def _false_start(first: str, second: str) -> int | None:
    """Where in `first` the false start begins, or None when `first` is no false start."""
    # Only speech is a false start (`_speech`): asked only of a clause that would be one
    # otherwise, since most are not.
    if not _may_restart(first, second):
        return None
    if len(first) <= MAX_FALSE_START and second.startswith(first) and _whole_word_at(second, len(first)):
        if second == first and len(first) <= DELIBERATE_REPEAT:
            return None
        return 0 if _speech(first) else None
    stuttered = _stuttered_tail(first, second)
    if stuttered is not None:
        return stuttered if _speech(first) else None
    longest = min(MAX_FALSE_START, len(first) - 1, len(second) - 1)
    if first[-1] not in second[1:longest] or not _speech(first):
        return None  # no tail of two or more characters begins the next clause
    readings: dict[str, tuple[str, ...]] = {}  # each clause is cut once, whichever tails are tried
    for size in range(longest, 1, -1):
        tail = first[-size:]
        if second.startswith(tail) and HAN.fullmatch(tail) and (
            _cut_mid_word(tail, second, readings)
            or _phrase_left_open(first, tail, readings)
            or _frame_left_open(first[:-size], tail, second, readings)
        ):
            return len(first) - size
    return None


def _cut(text: str, readings: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    tokens = readings.get(text)
    if tokens is None:
        tokens = readings[text] = segmenter.cut(text)
    return tokens


def _speech(text: str) -> bool:
    return bool(HAN.search(text) or LATIN.search(text)) and not any(map(str.isdigit, text))


def _whole_word_at(text: str, pos: int) -> bool:
    """Whether `pos` does not fall inside a Latin word (`the，them` is no restart)."""
    return not (0 < pos < len(text) and LATIN.match(text[pos - 1]) and LATIN.match(text[pos]))


def _stuttered_tail(first: str, second: str) -> int | None:
    """`叫叫叫叫，叫做`, `应该大大，大家`: the start of the next clause stuttered before the break."""
    if first[-1] not in second[:MAX_UNIT]:
        return None  # no unit of the next clause's start ends `first`
    for size in range(1, MAX_UNIT + 1):
        unit = second[:size]
        # Two copies before the break at least, tested first: it fails for most units.
        if not first.endswith(unit * 2) or len(unit) < size or not HAN.fullmatch(unit):
            continue
        if set(unit) <= LAUGHTER or second.startswith(unit * 2):
            continue
        copies = 0
        while first.endswith(unit * (copies + 1)):
            copies += 1
        if copies >= 2:
            return len(first) - copies * size
    return None


def _cut_mid_word(tail: str, second: str, readings: dict[str, tuple[str, ...]]) -> bool:
    """`语言模，语言模型`: the tail is no word, and the next clause reads it as part of a longer one."""
    if segmenter.freq(tail) >= segmenter.WORD_FREQ:
        return False
    ends = segmenter.boundaries(_cut(second, readings))
    return len(tail) not in ends


def _phrase_left_open(first: str, tail: str, readings: dict[str, tuple[str, ...]]) -> bool:
    """`路上的一个，一个这个critical path`: the clause broke off on a word that waits for more
    (a measure word waiting for its noun, a preposition, a conjunction: the words a sentence
    cannot end on), and the next clause says it again. Not `的`: `动态的，动态的数据` is said
    twice on purpose."""
    if not tail.endswith(_OPEN_FINALS):
        return False  # cheap: no word that waits ends the tail
    tokens = _cut(first, readings)
    if len(tail) not in [len(first) - b for b in segmenter.boundaries(tokens)]:
        return False  # the tail is no whole word where it was first said
    last = tokens[-1]
    return last in _WAITING


def _frame_left_open(before: str, tail: str, second: str, readings: dict[str, tuple[str, ...]]) -> bool:
    """`就是在这个训练，训练的过程中`: a frame opened before the break closes only after it."""
    if not _OPENER_START.search(before + tail):
        return False  # no frame can open
    tokens = _cut(before + tail, readings)
    if len(tail) not in [len(before + tail) - b for b in segmenter.boundaries(tokens)]:
        return False  # the tail is no whole word where it was first said
    opened = False
    for token in tokens:
        if token in FRAME_OPENERS and segmenter.tag(token) == "p":
            opened = True
        elif token in FRAME_CLOSERS:
            opened = False
    if not opened:
        return False
    after = _cut(second, readings)
    if segmenter.boundaries(after).count(len(tail)) == 0:
        return False
    return any(token in FRAME_CLOSERS for token in after)
