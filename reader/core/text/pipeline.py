"""The cleaned view: the stages composed, with every cleaned character traceable to the raw text."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import opencc

from reader.core.errors import UserError
from reader.core.text import fillers, loops, punctuation, restarts, rules, script, segmenter, sentences, spacing, stutters
from reader.core.text.edits import Edit, Step, removals_until_stable, runs
from reader.core.text.fillers import DEFAULT_FILLERS
from reader.core.text.rules import Rule, RuleSet
from reader.core.text.script import SCRIPTS

STAGES = (
    script.STAGE, fillers.STAGE, stutters.STAGE, loops.STAGE, rules.STAGE, punctuation.STAGE, sentences.STAGE, spacing.STAGE
)
# How much of the next segment the sentences stage reads: its first words, cleaned.
NEXT_LOOKAHEAD = 16
# A next segment that begins with a mark or an image says nothing about the sentence.
NOT_SPEECH = ("(", "（", "!", "[")
LEADING_SEPARATORS = " \t" + punctuation.SEPARATORS


@dataclass(frozen=True)
class CleanSettings:
    """Which stages run, and how. Hashable: it keys the views' caches."""

    script: str = "simplified"
    fillers: bool = True
    stutters: bool = True
    loops: bool = True
    rules: bool = True
    punctuation: bool = True
    sentences: bool = True
    spacing: bool = False
    filler_words: tuple[str, ...] = DEFAULT_FILLERS

    def __post_init__(self) -> None:
        if self.script not in SCRIPTS:
            raise UserError("script {script!r}", "choose one of {choices}", script=self.script, choices=", ".join(SCRIPTS))
        object.__setattr__(self, "filler_words", tuple(self.filler_words))


@dataclass(frozen=True)
class Cleaned:
    raw: str
    text: str
    steps: tuple[Step, ...] = ()
    rule_hits: Counter[Rule] = field(default_factory=Counter)

    @property
    def edits(self) -> list[Edit]:
        """Every stage's edits, with spans in raw offsets, in stage order."""
        found = []
        for k, step in enumerate(self.steps):
            for e in step.edits:
                found.append(Edit(self._back(e.start, k), self._back(e.end, k), e.replacement, e.stage))
        return found

    def _back(self, pos: int, before_step: int) -> int:
        for step in reversed(self.steps[:before_step]):
            pos = step.to_input(pos)
        return pos

    def to_raw(self, pos: int) -> int:
        """Cleaned offset -> raw offset (click-to-locate, search hits shown in the raw column)."""
        return self._back(pos, len(self.steps))

    def to_clean(self, pos: int) -> int:
        """Raw offset -> cleaned offset; removed raw text maps to where it would have been."""
        for step in self.steps:
            pos = step.to_output(pos)
        return pos

    def raw_spans_removed(self) -> list[tuple[int, int, str]]:
        """(raw start, raw end, stage) of raw text that cleaning removed, the first stage to remove it named."""
        labels: list[str | None] = [None] * len(self.raw)
        for k, step in enumerate(self.steps):
            for e in step.edits:
                if e.replacement or e.start == e.end:
                    continue
                for i in range(self._back(e.start, k), self._back(e.end, k)):
                    if labels[i] is None:
                        labels[i] = e.stage
        visible = {self.to_raw(i) for i in range(len(self.text))}
        return runs([None if i in visible else label for i, label in enumerate(labels)])

    def clean_spans_changed(self) -> list[tuple[int, int, str]]:
        """(clean start, clean end, stage) of cleaned text a stage wrote (script, rules, spacing)."""
        labels: list[str | None] = []
        for i in range(len(self.text)):
            label = None
            pos = i
            for step in reversed(self.steps):
                if step.replaced_at(pos):
                    label = step.stage
                    break
                pos = step.to_input(pos)
            labels.append(label)
        return runs(labels)


# Filler and stutter removals taken in turn at most this often (each can make work for the other).
REMOVAL_ROUNDS = 4

class Cleaner:
    """Cleans segments under one set of settings and rules. Thread-safe after `warm_up`."""

    def __init__(self, settings: CleanSettings | None = None, rules: Iterable[Rule] = (), glossary: Iterable[str] = ()):
        """`glossary`: the library's terms for the transcript, whole words of the segmenter from `warm_up` on."""
        self.settings = settings or CleanSettings()
        self.rules = tuple(rules)
        self.glossary = tuple(glossary)
        self._rule_set = RuleSet(self.rules)
        self._ready = False

    @property
    def misbehaved_rules(self) -> dict[Rule, str]:
        """Rules this cleaner has stopped applying since they ran out of time (or grew too
        long) on some text, with what they did; see `RuleSet`."""
        return self._rule_set.misbehaved

    def warm_up(self) -> None:
        """Load the segmenter and the converter (about a second the first time); call off the GUI thread."""
        if self._ready:
            return
        segmenter.warm_up()
        segmenter.add_glossary(term for rule in self.rules if (term := rule.glossary_term()))
        segmenter.add_glossary(self.glossary)
        fillers.prepare(self.settings.filler_words)
        if self.settings.script != script.KEEP:
            script.converter(self.settings.script)
        self._ready = True

    def clean(self, raw: str, next_raw: str | None = None) -> Cleaned:
        """`next_raw`: the next segment's raw text, which tells whether a chunk-final `。`
        ends its sentence; "" when no segment follows, None when not known (the mark stays)."""
        self.warm_up()
        return self._clean(raw, next_raw, self.settings.sentences)

    def _start_of(self, next_raw: str | None) -> str | None:
        if next_raw is None:
            return None
        # Its first words as the reader sees them: in the reader's script, without the
        # hesitation sounds and separators before them (`呃，或者…` begins with 或者).
        start = script.converted_text(next_raw[:NEXT_LOOKAHEAD], self.settings.script)
        if self.settings.fillers:
            start = fillers.remove_fillers(start, self.settings.filler_words)[0]
        start = start.lstrip(LEADING_SEPARATORS)
        return None if start.startswith(NOT_SPEECH) else start

    def _clean(self, raw: str, next_raw: str | None, sentences_on: bool) -> Cleaned:
        s = self.settings
        text = raw
        steps = []
        hits: Counter[Rule] = Counter()

        def run(stage: str, result: tuple[str, list[Edit]]) -> None:
            nonlocal text
            new_text, edits = result
            if edits:
                steps.append(Step(stage, edits))
                text = new_text

        run(script.STAGE, script.convert(text, s.script))
        if s.fillers:
            run(fillers.STAGE, fillers.remove_fillers(text, s.filler_words))
        if s.stutters:
            # Restarts first: `叫叫叫叫，叫做` is a restart only while the stutter shows it.
            passes = (restarts.collapse_restarts, stutters.collapse_stutters)
            for _ in range(REMOVAL_ROUNDS):
                before = text
                run(stutters.STAGE, removals_until_stable(text, passes, stutters.STAGE))
                if text == before or not s.fillers:
                    break
                # A collapse can unmake the word a filler sound was part of (`额外交交` -> `额外交`,
                # read 额/外交): cleaning the result again must change nothing.
                before = text
                run(fillers.STAGE, fillers.remove_fillers(text, s.filler_words))
                if text == before:
                    break
        if s.loops:
            run(loops.STAGE, loops.collapse_loops(text))
        if s.rules and self.rules:
            new_text, edits, hits = self._rule_set.apply(text)
            run(rules.STAGE, (new_text, edits))
        if s.punctuation:
            run(punctuation.STAGE, punctuation.tidy(text))
        if sentences_on:
            # Only a chunk-final 。 needs the next segment: most chunks are spared reading it.
            next_start = self._start_of(next_raw) if sentences.ends_in_full_stop(text) else None
            run(sentences.STAGE, sentences.mark_sentences(text, next_start))
        if s.spacing:
            run(spacing.STAGE, spacing.space(text))
        return Cleaned(raw, text, tuple(steps), hits)

    def clean_mark(self, raw: str) -> Cleaned:
        """A non-speech mark (`(掌聲)`, `(英文)`) as the reader shows it: in the reader's
        script, otherwise as written; it is no speech, so the other stages do not apply."""
        text, edits = script.convert(raw, self.settings.script)
        return Cleaned(raw, text, (Step(script.STAGE, edits),) if edits else ())


@cache
def cleaning_fingerprint() -> str:
    """Names this version of the cleaning: its code, word lists, jieba and OpenCC.

    Text cleaned and stored elsewhere (the search index) is cleaned again when it
    changes, so an upgrade that cleans better never leaves old results behind.
    """
    import jieba  # here, not at the top: see segmenter.jieba

    digest = hashlib.sha256(f"jieba {jieba.__version__} opencc {opencc.__version__}".encode())
    package = Path(__file__).parent
    for path in sorted([*package.glob("*.py"), *package.glob("data/*")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
