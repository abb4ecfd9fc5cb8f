"""Stage 7, sentences: a chunk-final `。` that cuts a sentence becomes `，`; questions get `？`.

The tool that cut these transcripts into chunks ended every chunk with `。`, even in the
middle of a sentence. Both sides of the break decide: a chunk that ends in a word that
cannot end a sentence (a conjunction, a preposition, a demonstrative or numeral waiting
for its noun, `是` waiting for what it introduces), or in a clause that waits for its main
clause (`…的时候`, `如果…`), runs on; so does a chunk followed by one that begins with what
cannot begin a sentence (`以及`, `或者`, `而`). A sentence-final particle ends the
sentence. Anything else keeps its `。`: when in doubt, the chunk's own mark stays.

The next chunk is needed for that. Without it (None: not known) the chunk-final mark is
left alone; an empty next chunk means the transcript ends there. Inside a chunk, a `。`
after a question becomes `？`, whatever comes next.
"""

from __future__ import annotations

import re
from functools import cache

from reader.core.text import segmenter
from reader.core.text.edits import Edit, apply_edits
from reader.core.text.stutters import word_list

STAGE = "sentences"
FULL_STOP = "。"
COMMA = "，"
QUESTION = "？"
ENDS_OPEN = word_list("ends_open.txt")
BEGINS_OPEN = word_list("begins_open.txt")
_BEGINS_OPEN_PREFIXES = tuple(BEGINS_OPEN)
SENTENCE_FINAL = word_list("sentence_final.txt")
_SUBORDINATE = word_list("subordinate.txt")
SUBORDINATE_ENDS = frozenset(w for w in _SUBORDINATE if not w.startswith("^"))
SUBORDINATE_BEGINS = frozenset(w[1:] for w in _SUBORDINATE if w.startswith("^"))
_SUBORDINATE_OPENINGS = tuple(SUBORDINATE_BEGINS)
_questions = word_list("questions.txt")
QUESTION_ENDS = frozenset(w for w in _questions if "…" not in w and not w.startswith("~"))
QUESTION_ANYWHERE = frozenset(w[1:] for w in _questions if w.startswith("~"))
QUESTION_FRAMES = tuple(tuple(w.split("…")) for w in _questions if "…" in w)
# The same words as tuples, for str.startswith and str.endswith to try all at once.
_QUESTION_ENDINGS = tuple(QUESTION_ENDS)
_FRAME_ENDINGS = tuple(end for _, end in QUESTION_FRAMES)
# Parts of speech that cannot end a sentence: conjunctions, prepositions.
OPEN_TAGS = ("c", "p")
# Before a particle only a connective still waits (`就是啊`), not a numeral (`更重一些啊`).
CONNECTIVE_TAGS = ("c", "d")
# A noun waits after these (`一个很自然的` | `问题`), so a chunk ending in such a `的` runs on.
DETERMINERS = frozenset({"一个", "一种", "这个", "那个", "这种", "那种", "这样", "这些", "那些", "某个", "每个"})
ATTRIBUTIVE = "的"
# `让我们`, `把它`: a coverb and its pronoun wait for the verb.
COVERBS = frozenset({"让", "使", "把", "被", "给", "叫"})
PRONOUN_TAG = "r"
PRONOUN_FINALS = "我你他她它们咱"
# Endings that keep a chunk open as its last word or words; before a particle, these.
_KEEP_OPEN = ENDS_OPEN | SUBORDINATE_ENDS | {ATTRIBUTIVE}
_KEEP_OPEN_BEFORE_PARTICLE = ENDS_OPEN | SUBORDINATE_ENDS
# How many characters at the end of a chunk, and at the start of the next, the segmenter
# reads: the last three words, the first two, are all that decide.
LOOK_BACK = 8
LOOK_AHEAD = 6
_MARKS = r"，。！？；：、,.!?;:…\s"
_PUNCTUATION = re.compile(f"[{_MARKS}]+")
# Read backwards: the punctuation at the end, then the last clause.
_LAST_CLAUSE_REVERSED = re.compile(f"[{_MARKS}]*([^{_MARKS}]*)")
_FULL_STOPS = re.compile(FULL_STOP)
# A `，` after a clause that asks with a particle (`听到吗，哎感谢邀请`, `为什么…呢，`): it closes
# the question when a clause of its own follows in the chunk. A question word inside the clause
# (`是不是`) does not, as its question may go on past the comma (`你是不是觉得，这很难`).
# Only the particles: a tag (`这几个方法对吧，其实…`) sits inside a sentence as often as it ends one.
_COMMA_AFTER_QUESTION_ENDING = re.compile(f"[吗{''.join(sorted(set(_FRAME_ENDINGS)))}]{COMMA}")
# `不管怎么样`, `无论是吗啡还是…`: a concession, not a question.
_CONCESSIVE = ("不管", "无论", "不论")


def _last_clause(text: str, end: int | None = None) -> str:
    """The last clause of `text[:end]`."""
    end = len(text) if end is None else end
    if end <= 0:
        return ""
    m = _LAST_CLAUSE_REVERSED.match(text[end - 1 :: -1])
    assert m is not None  # both parts may be empty
    return m.group(1)[::-1]


def _first_clause(text: str) -> str:
    # Runs of punctuation are split on whole, so only the first and the last part can be empty.
    parts = _PUNCTUATION.split(text)
    return parts[0] or (parts[1] if len(parts) > 1 else "")


def is_question(clause: str) -> bool:
    """`…吗`, `…对吧`, `是不是…`, `为什么…呢`: the clause asks."""
    if not clause or _concessive(clause):
        return False
    return any(word in clause for word in QUESTION_ANYWHERE) or _asks_by_its_ending(clause)


def _concessive(clause: str) -> bool:
    return any(word in clause for word in _CONCESSIVE)


def _asks_by_its_ending(clause: str) -> bool:
    """`…吗`, `…对吧`, `为什么…呢`: the clause's last words make it a question."""
    if clause.endswith(_QUESTION_ENDINGS):
        return not _concessive(clause)
    if not clause.endswith(_FRAME_ENDINGS):
        return False
    return any(clause.endswith(end) and start in clause[: -len(end)] for start, end in QUESTION_FRAMES)


def _ends_open(clause: str) -> bool:
    """Whether the chunk's last clause cannot end a sentence."""
    if clause[-1] not in _open_finals():
        # No word that waits ends in this character: only a waiting clause is left to check.
        return _subordinate(clause, [])
    decided = _decided_by_endings(clause)
    if decided is not None:
        return decided
    # The last words decide; cutting only them keeps a long clause cheap.
    tokens = [t for t in segmenter.cut(clause[-LOOK_BACK:]) if not t.isspace()]
    if not tokens:
        return False
    last = tokens[-1]
    if last in SENTENCE_FINAL:
        # A particle ends the sentence, unless it closes what waits (`…之后啊`, `就是啊`).
        rest = tokens[:-1]
        if not rest:
            return False
        connective = rest[-1] in ENDS_OPEN and segmenter.tag(rest[-1]).startswith(CONNECTIVE_TAGS)
        return connective or _subordinate(clause[: -len(last)], rest)
    if segmenter.tag(last).startswith(OPEN_TAGS):
        return True
    if any("".join(tokens[-n:]) in ENDS_OPEN for n in range(1, min(3, len(tokens)) + 1)):
        return True
    if len(tokens) >= 2 and tokens[-2] in COVERBS and segmenter.tag(last).startswith(PRONOUN_TAG):
        return True
    if last == ATTRIBUTIVE and _noun_awaited(tokens[:-1]):
        return True
    return _subordinate(clause, tokens)


def _decided_by_endings(clause: str) -> bool | None:
    """`_ends_open` without cutting, when no way of cutting the last words could change the
    answer: every word tested below is an ending of the clause, or an ending of what comes
    before a particle, so when none of those endings is such a word, only the waiting-clause
    test of the clause (or of it without its particle) is left. None when the words must be read."""
    window = clause[-LOOK_BACK:]
    answers = {_subordinate(clause, [])}  # the last word no particle
    for n in range(1, len(window) + 1):
        ending = window[-n:]
        tag = segmenter.tag(ending)
        if ending in _KEEP_OPEN or tag.startswith(OPEN_TAGS) or (
            tag.startswith(PRONOUN_TAG) and window[-n - 1 : -n] in COVERBS
        ):
            return None
        if ending in SENTENCE_FINAL:
            before = window[:-n]
            if any(before[-k:] in _KEEP_OPEN_BEFORE_PARTICLE for k in range(1, len(before) + 1)):
                return None
            answers.add(_subordinate(clause[:-n], []) if before else False)
    return answers.pop() if len(answers) == 1 else None


def _noun_awaited(tokens: list[str]) -> bool:
    """`不是一个很自然的` | `问题`: a determiner, then only what describes, no verb between."""
    for token in reversed(tokens):
        if token in DETERMINERS:
            return True
        if segmenter.tag(token).startswith("v"):
            return False
    return False


@cache
def _open_finals() -> frozenset[str]:
    """The last characters of every word that can keep a sentence open: most chunks end in
    none of them and need no segmenting at all."""
    segmenter.warm_up()
    words = [w for w, tag in segmenter.tags().items() if tag.startswith(OPEN_TAGS)]
    words += [*ENDS_OPEN, *SENTENCE_FINAL, *SUBORDINATE_ENDS, ATTRIBUTIVE, *PRONOUN_FINALS]
    return frozenset(w[-1] for w in words if w)


def _subordinate(clause: str, tokens: list[str]) -> bool:
    if tokens and (
        tokens[-1] in SUBORDINATE_ENDS or (len(tokens) >= 2 and tokens[-2] + tokens[-1] in SUBORDINATE_ENDS)
    ):
        return True
    return clause.startswith(_SUBORDINATE_OPENINGS) and "就" not in clause


def _begins_open(next_clause: str) -> bool:
    if not next_clause.startswith(_BEGINS_OPEN_PREFIXES):
        return False
    tokens = [t for t in segmenter.cut(next_clause[:LOOK_AHEAD]) if not t.isspace()]
    return bool(tokens) and (tokens[0] in BEGINS_OPEN or "".join(tokens[:2]) in BEGINS_OPEN)


def runs_on(chunk: str, next_chunk: str) -> bool:
    """Whether the sentence that `chunk` (ending in `。`) cuts goes on in `next_chunk`."""
    return _runs_on(_last_clause(chunk.rstrip()[: -len(FULL_STOP)]), next_chunk)


def _runs_on(last: str, next_chunk: str) -> bool:
    """`runs_on`, given the last clause before the `。`."""
    if not next_chunk:
        return False
    first = _first_clause(next_chunk)
    if not last or not first:
        return False
    if last[-1].isdigit() and first[0].isdigit():
        return True  # a number the cut split (`我们发布了4。` | `13亿张图像`)
    return _ends_open(last) or _begins_open(first)


def ends_in_full_stop(text: str) -> bool:
    return text.rstrip().endswith(FULL_STOP)


def mark_sentences(text: str, next_start: str | None) -> tuple[str, list[Edit]]:
    """`next_start`: the start of the next chunk as cleaned, "" when none follows, None when unknown."""
    edits = []
    stripped = text.rstrip()
    final = len(stripped) - 1 if stripped.endswith(FULL_STOP) else -1
    for m in _FULL_STOPS.finditer(text):
        pos = m.start()
        if pos == final and next_start is None:
            continue
        last = _last_clause(text, pos)
        if pos == final and _runs_on(last, next_start or ""):
            edits.append(Edit(pos, pos + 1, COMMA, STAGE))
            continue
        if is_question(last):
            edits.append(Edit(pos, pos + 1, QUESTION, STAGE))
    edits += _questions_before_commas(text)
    if not edits:
        return text, []
    edits.sort(key=lambda e: e.start)
    return apply_edits(text, edits), edits


def _questions_before_commas(text: str) -> list[Edit]:
    """`？` for each `，` that closes a question inside the chunk (a chunk-final `，` stays:
    the recognizer heard the sentence go on into the next chunk)."""
    edits = []
    for m in _COMMA_AFTER_QUESTION_ENDING.finditer(text):
        pos = m.end() - 1
        following = _first_clause(text[pos + 1 :])
        if not following:
            continue  # the chunk ends here
        if _begins_open(following) or not _asks_by_its_ending(_last_clause(text, pos)):
            continue  # `提升吗，以及…`: the sentence goes on
        edits.append(Edit(pos, pos + 1, QUESTION, STAGE))
    return edits
