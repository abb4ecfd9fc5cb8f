"""Stage 3, stutters: an immediate repetition of a one-to-four character unit collapses to one copy.

The jieba dictionary, read in context, tells a stutter from a word: a repetition whose
copies the segmenter keeps apart (`我/我/我`, `介/介/介绍`, `可/可以`) is a stutter, one
it reads as a word (`谢谢`, `看看`, `许许多多`) is not. A few kinds of deliberate doubling
that the segmenter does cut apart are recognised on top of that: degree words
(`非常非常`), tentative verbs (`研究研究`, `看看书`), AABB forms (`客客气气`), doubling
that describes before 的/地 (`甜甜的`, `一步一步地`), numeral and classifier "one by one"
before a verb (`一个一个去做`), and laughter. Two words that share a character
(`发现现在`) are not a repetition. Spaces between Chinese characters do not hide a
stutter (`我 我 我觉得`); Latin words stutter as whole words (`the the model`). Repetition
across punctuation is left to restarts.py: each clause is read on its own here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from importlib.resources import files

from reader.core.text import segmenter
from reader.core.text.edits import Edit, apply_edits, removal_edits

STAGE = "stutters"
HAN = segmenter.HAN
MAX_UNIT = 4
CANDIDATE = re.compile(f"([{HAN}]{{1,{MAX_UNIT}}})\\1")
# Every offset where some unit repeats at once; only these need a decision.
REPETITION_START = re.compile(f"(?=([{HAN}]{{1,{MAX_UNIT}}})\\1)")
HAN_CHAR = re.compile(f"[{HAN}]")
# Spaces between two Chinese characters, which a stutter may have in it (`我 我 我觉得`).
# Only spaces inside a clause (a tab or a line break ends one); the pattern begins with the
# space itself, which the regex engine skips to, and looks back from it.
_INNER_SPACE = segmenter.INNER_SPACE
_BETWEEN_HAN = re.compile(f"{_INNER_SPACE}(?<=[{HAN}]{_INNER_SPACE}){_INNER_SPACE}*(?=[{HAN}])")
_SPACE = re.compile(r"\s")
# A Latin word said again after a space: whole words (`papa` is one), any case.
LATIN_ONE_LETTER_WORDS = frozenset("ai")
LATIN_REPEAT = re.compile(r"(?<![A-Za-z])([A-Za-z]+)(?:\s+\1)+(?![A-Za-z])", re.IGNORECASE)
# A doubled verb takes no aspect marker, `一下` or result complement (`看了看`, never
# `看看了`, `做做出来`, `想想清楚`): before one of these, the doubling is a stutter.
NOT_AFTER_DOUBLED_VERB = frozenset(
    {"了", "过", "着", "一下", "出", "出来", "出去", "起来", "下来", "下去", "到", "完", "成", "清楚", "明白", "懂", "掉", "住", "得"}
)
# Doubling that describes (`饱饱的`, `笔直笔直的`, `一步一步地`) ends in 的/地.
ADVERBIAL = "的地"
ATTRIBUTIVE = "的"
MANNER = "地"
DESCRIPTIVE_TAGS = ("a", "z")
# A single character doubled before 的/地 describes (`甜甜的`, `滑滑的`, `乖乖地`) when it is
# an adjective, state word, verb or noun (jieba tags single characters loosely), but not a
# function word, a suffix (`n型型的`) or a verb that is never doubled.
DOUBLED_CHARACTER_TAGS = ("a", "z", "v", "n")
NEVER_DOUBLED = frozenset("是有")
# `很久很久`, `很慢很慢`: doubled for emphasis like the degree words.
VERY = "很"
# `读着读着`: "while reading", a fixed construction (not the preposition `随着`).
DURATIVE = "着"
PREPOSITION_TAG = "p"
# "One by one" leads to a verb, perhaps through one of these (`一天一天都`, `一步一步往前`);
# before anything else (`一个一个系统`, `一个一个task`) the doubling is a stutter.
ONE_BY_ONE_ADVERBS = frozenset({"都", "就", "也", "才", "往", "向", "朝"})
VERBAL_NOUN_TAG = "vn"  # `挑战`, `研究` used as nouns
NUMERALS = "一二两三四五六七八九十百千万几半每"
# Tagged as numerals by jieba, but "together", "a bit", "some" are not numeral + classifier.
NOT_CLASSIFIERS = "起下些"
# Laughter and onomatopoeia repeat on purpose (`哈哈哈`, `吭哧吭哧`).
LAUGHTER = frozenset("哈呵嘿嘻")
ONOMATOPOEIA_TAG = "o"
# A suffix (`者` in `讲讲者`) makes a word with the copy before it, so that copy is no doubling.
SUFFIX_TAG = "k"
# Parts of speech that have no AABB form: pronouns, conjunctions, prepositions, particles,
# modal particles, interjections, onomatopoeia.
NO_AABB_TAGS = tuple("rcpuyeo")


def word_list(name: str) -> frozenset[str]:
    text = files("reader.core.text").joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


TENTATIVE = word_list("tentative_verbs.txt")
DEGREE = word_list("degree_words.txt")
STANCE = word_list("stance_words.txt")
LATIN_DOUBLED = word_list("latin_doubled.txt")


def collapse_stutters(text: str) -> tuple[str, list[Edit]]:
    if not _SPACE.search(text):
        return _collapse_unspaced(text)
    return _collapse_spaced(text)


def _collapse_unspaced(text: str) -> tuple[str, list[Edit]]:
    """`collapse_stutters` of a text without spaces: only the clauses where a repetition
    starts are read, each found around the repetition."""
    edits: list[Edit] = []
    end = 0  # the end of the last clause read
    backwards = ""
    for m in CANDIDATE.finditer(text):
        at = m.start()
        if at < end:
            continue
        backwards = backwards or text[::-1]
        start = segmenter.clause_start(backwards, at)
        end = segmenter.clause_end(text, at)
        edits.extend(Edit(start + a, start + b, "", STAGE) for a, b in _collapse_clause(text[start:end]))
    if not edits:
        return text, []
    return apply_edits(text, edits), edits


def _collapse_spaced(text: str) -> tuple[str, list[Edit]]:
    """`collapse_stutters` of a text with spaces: Latin words may stutter, and spaces between
    Chinese characters do not hide a stutter."""
    # Repetitions are found with the spaces between Chinese characters taken out, clause by
    # clause: clause k of `joined` is clause k of `text` without them.
    joined = _BETWEEN_HAN.sub("", text)
    repeats = [m.start() for m in CANDIDATE.finditer(joined)]
    latin = bool(LATIN_REPEAT.search(text))
    if not repeats and not latin:
        return text, []
    spans = segmenter.clause_spans(text)
    # Only the clauses where a repetition starts need reading.
    repeating = _holding(segmenter.clause_spans(joined), repeats)
    edits: list[Edit] = []
    for (start, end), has_repeat in zip(spans, repeating, strict=True):
        if not (has_repeat or latin):
            continue
        clause = text[start:end]
        removed = set(_latin_stutters(clause)) if latin else set()
        if has_repeat:
            removed.update(_spaced_stutters(clause))
        if removed:
            edits.extend(Edit(start + e.start, start + e.end, "", STAGE) for e in removal_edits(removed, STAGE))
    if not edits:
        return text, []
    return apply_edits(text, edits), edits


def _holding(spans: list[tuple[int, int]], positions: list[int]) -> list[bool]:
    """For each span, whether one of `positions` (in order) lies in it."""
    found = []
    k = 0
    for start, end in spans:
        while k < len(positions) and positions[k] < start:
            k += 1
        found.append(k < len(positions) and positions[k] < end)
    return found


def _spaced_stutters(clause: str) -> set[int]:
    """Offsets to remove, read as if the spaces between Chinese characters were not there:
    `我 我 我觉得` stutters like `我我我觉得`. A space after a removed copy goes with it."""
    if not _BETWEEN_HAN.search(clause):
        return {i for a, b in _collapse_clause(clause) for i in range(a, b)}
    between = {i for m in _BETWEEN_HAN.finditer(clause) for i in range(*m.span())}
    kept = [i for i in range(len(clause)) if i not in between]
    joined = "".join(clause[i] for i in kept)
    removed = {kept[i] for a, b in _collapse_clause(joined) for i in range(a, b)}
    for i in sorted(between):
        if i - 1 in removed:
            removed.add(i)  # the run of spaces, left to right
    return removed


def _latin_stutters(clause: str) -> list[int]:
    """`the the model` -> `the model`, `for for你` -> `for你`: whole words, any case; the first
    copy stays, the others go with the space before them. Doubled words (`bye bye`) stay."""
    removed: list[int] = []
    for m in LATIN_REPEAT.finditer(clause):
        word = m.group(1).lower()
        if word in LATIN_DOUBLED or (len(word) == 1 and word not in LATIN_ONE_LETTER_WORDS):
            continue  # a single letter is a symbol read out (`p p y given x`), not a word
        removed.extend(range(m.end(1), m.end()))
    return removed


def _collapse_clause(clause: str) -> list[tuple[int, int]]:
    """Spans of `clause` to remove, repeating until nothing changes (`我我们这这我们这个` -> `我们这个`)."""
    spans = _Reading(clause).stutters()
    if not spans:
        return []
    current = _without(clause, spans)
    if not CANDIDATE.search(current):
        # Read once, as most clauses are: the spans are in the clause's own offsets.
        return _joined(spans)
    origin = list(range(len(clause)))
    removed: set[int] = set()
    current = clause
    while spans:
        # The spans come in order and never overlap.
        kept_origin: list[int] = []
        last = 0
        for a, b in spans:
            removed.update(origin[a:b])
            kept_origin += origin[last:a]
            last = b
        origin = kept_origin + origin[last:]
        current = _without(current, spans)
        if not CANDIDATE.search(current):
            break
        spans = _Reading(current).stutters()
    return _joined([(i, i + 1) for i in sorted(removed)])


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with `spans` (in order, not overlapping) taken out."""
    kept = []
    last = 0
    for a, b in spans:
        kept.append(text[last:a])
        last = b
    kept.append(text[last:])
    return "".join(kept)


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, not overlapping, with those that touch made one."""
    runs: list[tuple[int, int]] = []
    for a, b in spans:
        if runs and runs[-1][1] == a:
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    return runs


def _is_han(ch: str) -> bool:
    """`HAN_CHAR.match(ch)` for one character, by comparisons: it runs for every unit tried."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def _is_numeral_unit(unit: str) -> bool:
    """A numeral and what it counts: `一个`, `两位`, `一步`, `一闪`."""
    return 2 <= len(unit) <= 3 and unit[0] in NUMERALS and unit[1] not in NOT_CLASSIFIERS


def _is_reduplication(word: str) -> bool:
    """Whether `word` is one shorter unit said twice or more (`谢谢`, `等等等等`, `研究研究`): such
    a word, and only such, is found again inside itself doubled, off its two ends."""
    return len(word) > 1 and word in (word + word)[1:-1]


class _Reading:
    """One clause as the segmenter reads it."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = segmenter.cut(text)
        starts = segmenter.boundaries(self.tokens)
        self.cuts = set(starts)
        self.token_start = starts

    def token_at(self, pos: int) -> int:
        """The index of the token holding offset `pos`."""
        return bisect_right(self.token_start, pos) - 1

    def _apart(self, pos: int) -> bool:
        """Whether the segmenter reads a break at `pos`. Inside a rare dictionary entry
        (`学学习`, `喂喂`) or a doubled verb where no doubling can stand (`打打了`) may count."""
        if pos in self.cuts:
            return True
        t = self.token_at(pos)
        word = self.tokens[t]
        if segmenter.is_glossary(word):
            return False
        if segmenter.freq(word) < segmenter.COMMON_WORD_FREQ:
            # A rare entry is read as copies where it is a reduplication (`喂喂`,
            # `等等等等`), or a character before a common word (`学|学习`, not `看看|书`).
            split = pos - self.token_start[t]
            return _is_reduplication(word) or (split == 1 and segmenter.freq(word[split:]) >= segmenter.WORD_FREQ)
        return _is_reduplication(word) and segmenter.tag(word).startswith("v") and not self._doubling_may_precede(t + 1)

    def _doubling_may_precede(self, t: int) -> bool:
        """Whether a doubled verb can stand before token `t`: at the end of the clause, or
        before a sentence-final `了` (`该走走了`), yes; before an aspect marker, no."""
        if t >= len(self.tokens) or (t == len(self.tokens) - 1 and self.tokens[t] == "了"):
            return True
        word = self.tokens[t]
        if word == ATTRIBUTIVE and t < len(self.tokens) - 1:
            # `只是说说的。` ends a sentence; a doubled verb never describes a noun (`训练训练的成本`).
            return False
        return word not in NOT_AFTER_DOUBLED_VERB and segmenter.tag(word) != SUFFIX_TAG

    @staticmethod
    def _describes(unit: str, marker: str) -> bool:
        """Doubling before 的/地 that describes: `滑滑的`, `笔直笔直的`, `一步一步地`, `小口小口地`."""
        tag = segmenter.tag(unit)
        if len(unit) == 1:
            return unit not in NEVER_DOUBLED and tag.startswith(DOUBLED_CHARACTER_TAGS) and tag != VERBAL_NOUN_TAG
        return marker == MANNER or tag.startswith(DESCRIPTIVE_TAGS) or _is_numeral_unit(unit)

    def _verb_object_follows(self, pos: int) -> bool:
        """`看看书`, `爬爬山`: the second copy of a doubled verb begins a verb-object word."""
        end = self.token_start[self.token_at(pos) + 1]
        obj = self.text[pos + 1 : end]
        return len(obj) == 1 and segmenter.tag(obj).startswith("n")

    def _shares_character(self, i: int, size: int) -> bool:
        """`发现现在`, `中国国家`, `今年年初`: the first copy ends a common word that began
        before it, so the two copies belong to two words. Not when the second copy is a verb
        standing alone where no doubling can: ending the clause (`就是说说，`), or a verb never
        doubled (`就是是`, `只有有一些`) unless 的 makes a word of it (`但是是的`, `只有有的人`);
        before an object a verb may be doubled after all (`再说说你的看法`)."""
        start = self.token_start[self.token_at(i)]
        word = self.text[start : i + size]
        second, after = i + size, i + 2 * size
        unit = self.text[second:after]
        if (
            second in self.cuts
            and len(self.tokens[self.token_at(second)]) == size
            and segmenter.tag(unit).startswith("v")
            and (after == len(self.text) or (unit in NEVER_DOUBLED and self.text[after:after + 1] != ATTRIBUTIVE))
        ):
            return False
        # `刚刚刚` is no such pair: the word before is the unit doubled already.
        return start < i and not _is_reduplication(word) and segmenter.freq(word) >= segmenter.WORD_FREQ

    def _aabb(self, i: int) -> bool:
        """`客客气气`, `干干净净`: each character of a word doubled."""
        s = self.text[i : i + 4]
        if len(s) < 4 or s[0] != s[1] or s[2] != s[3] or s[0] == s[2]:
            return False
        word = s[0] + s[2]
        if word in STANCE:
            return False
        if segmenter.freq(word) >= segmenter.COMMON_WORD_FREQ:
            return not segmenter.tag(word).startswith(NO_AABB_TAGS)
        # Two verbs doubled in turn: `追追打打`, `写写画画`.
        return segmenter.tag(s[0]).startswith("v") and segmenter.tag(s[2]).startswith("v")

    def _repetition(self, i: int) -> tuple[int, int] | None:
        """The longest-covering stutter candidate at `i` as (unit length, copies)."""
        best = None
        text = self.text
        for size in range(1, MAX_UNIT + 1):
            unit = text[i : i + size]
            if len(unit) < size or not _is_han(unit[-1]):
                break
            copies = 1
            while text[i + copies * size : i + (copies + 1) * size] == unit and self._apart(i + copies * size):
                copies += 1
            if copies > 1 and (best is None or copies * size >= best[0] * best[1]):
                best = (size, copies)
        return best

    def _deliberate(self, i: int, size: int, copies: int) -> bool:
        """Whether a repetition the segmenter cuts apart is still meant by the speaker."""
        unit = self.text[i : i + size]
        after = i + size * copies
        next_char = self.text[after : after + 1]
        if set(unit) <= LAUGHTER or unit in DEGREE or segmenter.tag(unit) == ONOMATOPOEIA_TAG:
            return True
        if copies != 2:
            return False
        if size == 2 and unit[0] == VERY:
            return True
        if size == 2 and unit[1] == DURATIVE and segmenter.tag(unit[0]).startswith("v") and segmenter.tag(unit) != PREPOSITION_TAG:
            return True
        if next_char and next_char in ADVERBIAL and self._describes(unit, next_char):
            return True
        if size == 1 and unit in TENTATIVE and i in self.cuts and self._verb_object_follows(i + 1):
            return True
        # The copies must be words of their own: the last one not the start of a
        # longer word (`研究研究员`), the first not the end of one (`看看看`).
        if i not in self.cuts or after not in self.cuts:
            return False
        following = self.token_at(after) if after < len(self.text) else len(self.tokens)
        if unit in TENTATIVE:
            return self._doubling_may_precede(following)
        if _is_numeral_unit(unit):
            # "One by one" goes with a verb or an adverb; before a noun it is a stutter.
            if following == len(self.tokens):
                return True
            word = self.tokens[following]
            tag = segmenter.tag(word)
            return word in ONE_BY_ONE_ADVERBS or (tag.startswith("v") and tag != VERBAL_NOUN_TAG)
        return False

    def stutters(self) -> list[tuple[int, int]]:
        """Spans to remove: every copy but the last, which joins what follows (`介介介绍`)."""
        spans = []
        done = 0  # everything before this offset is decided
        for m in REPETITION_START.finditer(self.text):
            i = m.start()
            if i < done:
                continue
            if self._aabb(i):
                done = i + 4
                continue
            found = self._repetition(i)
            if found is None:
                continue
            size, copies = found
            if self._shares_character(i, size):
                continue
            if self._deliberate(i, size, copies):
                done = i + size * copies
            else:
                spans.append((i, i + size * (copies - 1)))
                done = i + size * (copies - 1)
                if size > 1 and _is_reduplication(unit := self.text[i : i + size]) and segmenter.freq(unit) >= segmenter.COMMON_WORD_FREQ:
                    # The copy that stays is a word of its own (`等等等等的` -> `等等的`, never `等的`).
                    done += size
        return spans
