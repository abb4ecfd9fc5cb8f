"""Seed text with glossary terms replaced by homophones, planted deterministically.

Shared by the precision/recall test and `make bench`. The homophones come from
pypinyin's character table: a replacement character has the term character's
reading, tones aside, and occurs somewhere in the seeds (a character a recognizer
would write, not a rare glyph).
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from reader.core.paths import seeds_dir
from reader.core.text import Cleaner, script
from reader.core.text.suggest import Term, fuzzy, is_han, readings, term_syllables

# A test glossary of the seeds' field (not gold data): terms that occur in the talks and a few that do not.
TERMS = (
    "模态", "预训练", "智源", "大语言模型", "对齐", "ChatGPT", "scaling law", "Midjourney", "多模态",
    "扩散模型", "微调", "强化学习", "Transformer", "智能体", "评测", "开源", "机器人", "算法", "推理",
)
GLOSSARY = tuple(Term(t) for t in TERMS)


@dataclass(frozen=True)
class Planted:
    start: int
    end: int
    wrong: str
    term: str


@cache
def seed_lines(cleaner: Cleaner) -> tuple[str, ...]:
    """What the reader shows for each seed paragraph (default cleaning)."""
    lines = []
    for path in sorted(seeds_dir().glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith(("#", "![")):
                lines.append(cleaner.clean(line).text)
    return tuple(lines)


@cache
def _homophones(folded: bool = False) -> dict[str, list[str]]:
    """Toneless reading (folded by the fuzzy pairs or not) -> the seed characters that have it."""
    chars = {ch for path in seeds_dir().glob("*.txt") for ch in path.read_text(encoding="utf-8") if is_han(ch)}
    # The reader shows simplified characters: a traditional one would not be in its text.
    chars = {ch for ch in chars if script.convert(ch, "simplified")[0] == ch}
    table: dict[str, list[str]] = defaultdict(list)
    for ch in sorted(chars):
        for reading in readings(ch):
            table[fuzzy(reading) if folded else reading].append(ch)
    return table


def homophone(term: str, rng: random.Random) -> str:
    """The term with one or more characters (Han) or its case and spacing (Latin) changed."""
    if not is_han(term):
        words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\S+", term)
        return rng.choice([" ".join(words).lower(), "".join(words).lower(), " ".join(words).upper()])
    syllables = term_syllables(term)
    chars = list(term)
    places = [i for i, s in enumerate(syllables) if len(_homophones()[s]) > 1]
    for i in rng.sample(places, rng.randint(1, max(1, len(places) // 2))) if places else []:
        # A third of the replacements sound alike only by a fuzzy pair (zhi for zi, lin for ning).
        fuzzy_only = rng.random() < 1 / 3
        choices = _homophones(folded=True)[fuzzy(syllables[i])] if fuzzy_only else _homophones()[syllables[i]]
        chars[i] = rng.choice([c for c in choices if c != term[i]])
    return "".join(chars)


def plant(lines: tuple[str, ...], share: float = 0.5, seed: int = 15) -> list[tuple[str, list[Planted]]]:
    """Each line with about `share` of its term occurrences replaced (longest terms first)."""
    rng = random.Random(seed)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(TERMS, key=len, reverse=True)))
    out = []
    for line in lines:
        pieces, planted, last, shift = [], [], 0, 0
        for m in pattern.finditer(line):
            if rng.random() >= share:
                continue
            wrong = homophone(m.group(), rng)
            if wrong == m.group():
                continue
            pieces.append(line[last:m.start()])
            start = m.start() + shift
            planted.append(Planted(start, start + len(wrong), wrong, m.group()))
            pieces.append(wrong)
            shift += len(wrong) - len(m.group())
            last = m.end()
        pieces.append(line[last:])
        out.append(("".join(pieces), planted))
    return out
