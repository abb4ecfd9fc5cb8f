"""Suggestions from a glossary: spans of a text that sound like a term but are written otherwise.

Pure: `suggest(text, tokens, glossary)` takes the text, its jieba tokens (the
glossary's terms already words of the segmenter) and a compiled `Glossary`, and
returns spans. Three kinds:

- sound: a span of Han characters whose pinyin (tones ignored, with the fuzzy
  pairs zh/z, ch/c, sh/s, n/l, an/ang, en/eng, in/ing) is a term's while its
  characters differ (`模台` -> 模态, `与训练` -> 预训练). The span must start and
  end on token boundaries, so `政治原因` is not read as 智源;
- alias: a term's known misspelling, anywhere a whole word (`大圆模型` -> 大语言模型);
- latin: a Latin term written with other case or spacing (`chat gpt` -> ChatGPT).

A span that is itself a common word (`资源`, `志愿`) is read as that word unless
it sounds exactly like the term, tones aside: `北京志愿研究院` still offers 智源,
`资源` (zi, not zhi) does not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from reader.core.text import segmenter

# Kinds of suggestion, as the CLI and the panel name them.
SOUND, ALIAS, LATIN = "sound", "alias", "latin"

_HAN = re.compile(f"[{segmenter.HAN}]")
_WORD = re.compile(r"[0-9A-Za-z]")
_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w")
_FUZZY_INITIAL = {"zh": "z", "ch": "c", "sh": "s", "n": "l"}
_FUZZY_FINAL = {"ang": "an", "eng": "en", "ing": "in", "iang": "ian", "uang": "uan"}
# A span the dictionary knows this well is a word in its own right: it needs the term's exact sound.
COMMON_WORD_FREQ = 100


@dataclass(frozen=True)
class Term:
    text: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    found: str
    suggestion: str
    kind: str


def is_han(text: str) -> bool:
    return bool(text) and all(_HAN.match(ch) for ch in text)


def _toneless(syllable: str) -> str:
    syllable = syllable.replace("ü", "v")
    return "".join(ch for ch in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(ch))


def fuzzy(syllable: str) -> str:
    """A toneless syllable with the fuzzy pairs folded: `zhi` -> `zi`, `ning` -> `lin`."""
    initial = next((i for i in _INITIALS if syllable.startswith(i)), "")
    final = syllable[len(initial):]
    return _FUZZY_INITIAL.get(initial, initial) + _FUZZY_FINAL.get(final, final)


@lru_cache(maxsize=20000)
def readings(char: str) -> frozenset[str]:
    """Every toneless reading of a character (`模`: mo, mu); empty for one pypinyin does not know."""
    from pypinyin.pinyin_dict import pinyin_dict

    found = pinyin_dict.get(ord(char))
    return frozenset(_toneless(s) for s in found.split(",")) if found else frozenset()


@lru_cache(maxsize=20000)
def fuzzy_readings(char: str) -> frozenset[str]:
    return frozenset(fuzzy(s) for s in readings(char))


def term_syllables(text: str) -> tuple[str, ...]:
    """A Han term's toneless pinyin, read as a phrase (`模态`: mo tai)."""
    from pypinyin import Style, lazy_pinyin

    # A Han character pypinyin does not know reads as nothing any span can match.
    unknown: Any = lambda chars: ["?"] * len(chars)  # noqa: E731 - pypinyin's stubs say str, it takes a list too
    return tuple(_toneless(s) for s in lazy_pinyin(text, style=Style.NORMAL, v_to_u=False, errors=unknown))


def latin_key(text: str) -> str:
    return "".join(text.split()).casefold()


@dataclass
class _SoundTerm:
    text: str
    syllables: tuple[str, ...]
    fuzzy: tuple[str, ...]


@dataclass
class Glossary:
    """Terms with their pinyin worked out once, indexed for a fast scan."""

    terms: Sequence[Term]
    # (syllable count, first fuzzy syllable) -> the Han terms that start so
    sound: dict[tuple[int, str], list[_SoundTerm]] = field(default_factory=dict)
    lengths: list[int] = field(default_factory=list)
    latin: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for term in self.terms:
            text = term.text
            if is_han(text):
                syllables = term_syllables(text)
                fuzzy_syllables = tuple(fuzzy(s) for s in syllables)
                self.sound.setdefault((len(text), fuzzy_syllables[0]), []).append(_SoundTerm(text, syllables, fuzzy_syllables))
            elif _WORD.search(text) and not _HAN.search(text):
                self.latin.setdefault(latin_key(text), text)
            for alias in term.aliases:
                if alias != text:
                    self.aliases.setdefault(alias.casefold() if not _HAN.search(alias) else alias, text)
        self.lengths = sorted({n for n, _first in self.sound}, reverse=True)
        self._alias_re = _alternation(self.aliases)
        self._latin_re = _latin_alternation(self.latin)

    @property
    def words(self) -> list[str]:
        return [term.text for term in self.terms]


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    ordered = sorted(words, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile("|".join(re.escape(w) for w in ordered), re.IGNORECASE)


def _latin_alternation(keys: Iterable[str]) -> re.Pattern[str] | None:
    """Each Latin term's letters with any spacing between them."""
    ordered = sorted(keys, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile("|".join(r"\s*".join(re.escape(ch) for ch in key) for key in ordered), re.IGNORECASE)


def _whole_word(text: str, start: int, end: int) -> bool:
    """A Latin edge of a span must not cut a Latin word (`gpt` in `chatgpts`)."""
    if _WORD.match(text[start]) and start > 0 and _WORD.match(text[start - 1]):
        return False
    return not (_WORD.match(text[end - 1]) and end < len(text) and _WORD.match(text[end]))


@dataclass(frozen=True)
class Dictionary:
    """What the segmenter's dictionary says of a word: its count and its part of speech."""

    freq: Callable[[str], int] = lambda _word: 0
    tag: Callable[[str], str] = lambda _word: ""


def suggest(text: str, tokens: Iterable[str], glossary: Glossary, words: Dictionary | None = None) -> list[Suggestion]:
    """Every suggestion in `text`, in order, none overlapping another (aliases first, then the longest).

    `words` is the segmenter's dictionary (`segmenter.freq`, `segmenter.tag`);
    without it no span is taken for a common word or a construction."""
    found: list[Suggestion] = []
    if glossary._alias_re is not None:
        for m in glossary._alias_re.finditer(text):
            if _whole_word(text, *m.span()):
                key = m.group() if _HAN.search(m.group()) else m.group().casefold()
                term = glossary.aliases.get(key)
                if term is not None and m.group() != term:
                    found.append(Suggestion(m.start(), m.end(), m.group(), term, ALIAS))
    if glossary._latin_re is not None:
        for m in glossary._latin_re.finditer(text):
            start, end = m.span()
            if _whole_word(text, start, end):
                term = glossary.latin[latin_key(m.group())]
                if m.group() != term:
                    found.append(Suggestion(start, end, m.group(), term, LATIN))
    if glossary.sound:
        found.extend(_sounds(text, list(tokens), glossary, words or Dictionary()))
    return _without_overlaps(found)


def _sounds(text: str, tokens: list[str], glossary: Glossary, words: Dictionary) -> list[Suggestion]:
    bounds = segmenter.boundaries(tokens)
    is_bound = set(bounds)
    token_at = {start: i for i, start in enumerate(bounds[:-1])}
    found = []
    for start in bounds[:-1]:
        first = text[start]
        if not _HAN.match(first):
            continue
        for n in glossary.lengths:
            end = start + n
            if end not in is_bound:
                continue
            span = text[start:end]
            if not is_han(span):
                continue
            for first_sound in fuzzy_readings(first):
                for term in glossary.sound.get((n, first_sound), ()):
                    if span != term.text and _sounds_like(span, term, words.freq) and not _construction(tokens, token_at[start], n, words):
                        found.append(Suggestion(start, end, span, term.text, SOUND))
    return found


def _sounds_like(span: str, term: _SoundTerm, freq: Callable[[str], int]) -> bool:
    if not all(s in fuzzy_readings(ch) for ch, s in zip(span, term.fuzzy, strict=True)):
        return False
    exact = all(s in readings(ch) for ch, s in zip(span, term.syllables, strict=True))
    return exact or freq(span) < COMMON_WORD_FREQ


# Parts of speech that make grammar rather than meaning: preposition, pronoun, conjunction, particle, adverb.
_FUNCTION_TAGS = ("p", "r", "c", "u", "d")


def _construction(tokens: list[str], first: int, n: int, words: Dictionary) -> bool:
    """Single-character function words before a verb are grammar (`对其进行` is `对` + `其` + verb, not 对齐)."""
    covered = []
    length = 0
    for token in tokens[first:]:
        if length >= n:
            break
        covered.append(token)
        length += len(token)
    if len(covered) < 2 or any(len(t) != 1 or not words.tag(t).startswith(_FUNCTION_TAGS) for t in covered):
        return False
    after = tokens[first + len(covered)] if first + len(covered) < len(tokens) else ""
    return words.tag(after).startswith("v")


def _without_overlaps(found: list[Suggestion]) -> list[Suggestion]:
    rank = {ALIAS: 0, LATIN: 1, SOUND: 2}
    kept: list[Suggestion] = []
    taken: list[tuple[int, int]] = []
    for s in sorted(found, key=lambda s: (rank[s.kind], -(s.end - s.start), s.start)):
        if all(s.end <= a or s.start >= b for a, b in taken):
            kept.append(s)
            taken.append((s.start, s.end))
    return sorted(kept, key=lambda s: s.start)
