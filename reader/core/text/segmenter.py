"""The jieba segmenter: started lazily and once, cache in the app's cache folder, HMM off.

With HMM on, jieba guesses new words and glues stutters into them (`介介`), so every
decision here uses the dictionary alone. The user's glossary terms are added as words
so they are never split or collapsed.
"""

from __future__ import annotations

import logging
import marshal
import re
import threading
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from reader.core.paths import cache_dir

# A dictionary entry rarer than this (`喂喂` 3, `学学习` 7, `一个角` 13) is noise from the
# dictionary's corpus, not a word to trust over the plain reading.
COMMON_WORD_FREQ = 20
# A common word. A filler sound is only worth a word decision when it is part of one
# (`额外` 1486, `金额` 1292; `呃逆` at 22 does not make every `呃` doubtful).
WORD_FREQ = 100

log = logging.getLogger(__name__)
_lock = threading.Lock()
_tags: dict[str, str] = {}
_glossary: set[str] = set()
_ready = False
# jieba itself, imported by `warm_up` (every function here warms up first): importing it takes
# ~60 ms, which the window and the command line must not pay before they need the segmenter.
jieba: Any = None


def warm_up() -> None:
    """Load the dictionary and the part-of-speech table (about a second); safe from any thread."""
    global _ready, jieba
    if _ready:
        return
    with _lock:
        if _ready:
            return
        import jieba as loaded

        jieba = loaded
        jieba.setLogLevel(logging.WARNING)
        if not jieba.dt.initialized:
            jieba.dt.tmp_dir = str(cache_dir())
            jieba.dt.cache_file = "jieba.cache"
        jieba.dt.initialize()
        _tags.update(_word_tags())
        _ready = True


def _word_tags() -> dict[str, str]:
    """jieba.posseg's part of speech of every dictionary word, through a copy in the cache folder.

    posseg makes the table by parsing the whole dictionary, a third of a second that every
    index build waited for before its workers could start; the copy loads in a tenth.
    It is made again when the dictionary file is not the one it was made from.
    """
    dictionary = Path(jieba.__file__).with_name("dict.txt")
    try:
        stat = dictionary.stat()
        made_from = [jieba.__version__, stat.st_size, stat.st_mtime_ns]
    except OSError:
        made_from = None
    copy = cache_dir() / "jieba-tags.marshal"
    try:
        stored_from, table = marshal.loads(copy.read_bytes())
        if made_from is not None and stored_from == made_from and isinstance(table, dict):
            return table
    except Exception:  # missing or damaged in any way (marshal may even claim a huge length): made again
        pass
    from jieba import posseg  # parses the dictionary

    table = dict(posseg.dt.word_tag_tab)
    if made_from is not None:
        from reader.core.errors import UserError
        from reader.core.formats.atomic import write_atomic

        try:
            write_atomic(copy, marshal.dumps((made_from, table)))
        except UserError:  # a full or read-only disk: parsed again next time
            log.warning("could not keep the part-of-speech table in %s", copy, exc_info=True)
    return table


def add_glossary(words: Iterable[str]) -> None:
    """Make the user's terms whole words of the segmenter."""
    warm_up()
    with _lock:
        for word in words:
            if word and word not in _glossary:
                jieba.dt.add_word(word, freq=max(jieba.dt.suggest_freq(word), COMMON_WORD_FREQ))
                _glossary.add(word)


def cut(text: str) -> tuple[str, ...]:
    """Dictionary-only segmentation."""
    warm_up()
    return tuple(jieba.dt.cut(text, HMM=False))


def boundaries(tokens: Iterable[str]) -> list[int]:
    """Offsets where tokens start, plus the end."""
    return list(accumulate(map(len, tokens), initial=0))


def freq(word: str) -> int:
    warm_up()
    return int(jieba.dt.FREQ.get(word, 0))


def tag(word: str) -> str:
    warm_up()
    return _tags.get(word) or jieba.dt.user_word_tag_tab.get(word, "")


def tags() -> dict[str, str]:
    """Every dictionary word's part of speech (read only)."""
    warm_up()
    return _tags


def glossary_words() -> frozenset[str]:
    """The words `add_glossary` made whole words so far (worker processes are given them too)."""
    with _lock:
        return frozenset(_glossary)


def is_glossary(word: str) -> bool:
    return word in _glossary


@lru_cache(maxsize=64)
def in_longer_word(part: str) -> bool:
    """Whether some common dictionary word contains `part` (`额` in `额外`, `金额`)."""
    warm_up()
    with _lock:  # add_glossary may be adding words from another thread
        return any(
            part in word and word != part and count >= WORD_FREQ and set(word) != set(part)
            for word, count in jieba.dt.FREQ.items()
        )


# The Han characters (CJK unified ideographs, extension A, compatibility), as the inside of a
# character class: every stage that tells Chinese from the rest uses these.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Punctuation of every width ends a clause; spaces do not (`intern v l` is one clause).
PUNCTUATION = (
    "!-/:-@\\[-`{-~\u2010-\u2027\u3000-\u303f\ufe10-\ufe1f\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\n\r\t"
)
CLAUSE = re.compile(f"[^{PUNCTUATION}]+")
# A space inside a clause, as a character class: a tab or a line break ends one.
INNER_SPACE = f"[^\\S{PUNCTUATION}]"
_CLAUSE_PART = re.compile(f"[^{PUNCTUATION}]*")


def clause_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in CLAUSE.finditer(text)]


def clause_start(backwards: str, pos: int) -> int:
    """Where the clause ending at `pos` (the one holding the character before it) starts;
    `pos` itself when a mark stands before it. Read in `backwards`, the text reversed,
    which a caller looking for several clauses reverses once: a regex cannot search back."""
    part = _CLAUSE_PART.match(backwards, len(backwards) - pos)
    assert part is not None  # `*` matches anywhere
    return pos - (part.end() - part.start())


def clause_end(text: str, pos: int) -> int:
    """Where the clause going on from `pos` ends; `pos` itself when a mark stands there."""
    part = _CLAUSE_PART.match(text, pos)
    assert part is not None  # `*` matches anywhere
    return part.end()


def clause_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The clause span holding offset `pos` (which must lie in one)."""
    return spans[bisect_right(spans, pos, key=lambda span: span[0]) - 1]
