"""Stage 4, rules: the user's corrections of recurring ASR errors (`CHRGBT` -> `ChatGPT`).

Literal by default, a regular expression on request; where matches overlap the one
starting first wins, then the longest. Regular expressions run with a time limit (the
`regex` module): a user's pattern that backtracks without end (`(a|aa)+$`) must not hang
the view. `check_rule` refuses such a pattern when the rule is made (it is tried on a few
adversarial texts), and one that gets past it and runs out of time on some text is
skipped by that `RuleSet` from then on, not paid for again on every segment. Also the one
place that defines the rules TSV format, `pattern<TAB>replacement[<TAB>regex]`, shared by `clean --rules` and the
library's `rules import/export`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from reader.core.errors import Msg, UserError
from reader.core.text.edits import Edit, apply_edits

STAGE = "rules"
REGEX_FLAG = "regex"
# Per rule and text; a sane pattern takes microseconds on a segment.
MATCH_TIMEOUT_S = 0.5
# A glossary entry is a word or a phrase: a rule longer than this is a mistake (a pasted
# document), and a long replacement multiplies every segment it hits.
MAX_PATTERN = 1000
MAX_REPLACEMENT = 1000
# `check_rule` tries a regular expression on short texts made to make it backtrack; a sane
# one needs microseconds there, one that backtracks without end runs out of this budget.
PROBE_TIMEOUT_S = 0.1
PROBE_LENGTH = 40


@dataclass(frozen=True)
class Rule:
    pattern: str
    replacement: str
    is_regex: bool = False
    case_sensitive: bool = True

    def __post_init__(self) -> None:
        if not self.pattern:
            raise UserError("rule -> {replacement!r}", "the pattern is empty", replacement=self.replacement)
        if self.is_regex:
            try:
                # The standard parser checks the pattern and, eagerly, the replacement template.
                compiled = re.compile(self.pattern)
            except re.error as exc:
                raise UserError("rule {pattern!r}", "not a valid regular expression: {error}", pattern=self.pattern, error=exc) from None
            if compiled.fullmatch(""):
                raise UserError("rule {pattern!r}", "the regular expression matches empty text", pattern=self.pattern)
            try:
                compiled.sub(self.replacement, "")  # parses the template even without a match
            except re.error as exc:
                raise UserError(
                    "rule {pattern!r}", "bad replacement {replacement!r}: {error}",
                    pattern=self.pattern, replacement=self.replacement, error=exc,
                ) from None

    def compiled(self) -> regex.Pattern:
        source = self.pattern if self.is_regex else regex.escape(self.pattern)
        return regex.compile(source, regex.VERSION0 | (0 if self.case_sensitive else regex.IGNORECASE))

    def glossary_term(self) -> str | None:
        """The term this rule writes, if it is a fixed one: the segmenter learns it as a word."""
        if self.is_regex or not self.replacement.strip():
            return None
        return self.replacement


def too_long(rule: Rule) -> str | None:
    """Why the rule is too long to apply, or None."""
    why = too_long_msg(rule)
    return None if why is None else str(why)


def too_long_msg(rule: Rule) -> Msg | None:
    if len(rule.pattern) > MAX_PATTERN:
        return Msg(
            "the pattern is {length:,} characters long; a rule's pattern may have at most {limit:,}",
            length=len(rule.pattern), limit=MAX_PATTERN,
        )
    if len(rule.replacement) > MAX_REPLACEMENT:
        return Msg(
            "the replacement is {length:,} characters long; a rule's replacement may have at most {limit:,}",
            length=len(rule.replacement), limit=MAX_REPLACEMENT,
        )
    return None


def check_rule(rule: Rule) -> None:
    """`UserError` unless the rule is fit to run on every segment of a library: not too long
    and, for a regular expression, quick on texts made to make it backtrack."""
    what = Msg("rule {pattern!r}", pattern=rule.pattern[:40])
    why = too_long_msg(rule)
    if why:
        raise UserError(what, why)
    if not rule.is_regex:
        return
    compiled = rule.compiled()
    for probe in _probes(rule.pattern):
        try:
            for match in compiled.finditer(probe, timeout=PROBE_TIMEOUT_S):
                if len(match.expand(rule.replacement)) > MAX_REPLACEMENT:
                    raise UserError(what, Msg("the replacement grows beyond {limit:,} characters for one match", limit=MAX_REPLACEMENT))
        except TimeoutError:
            raise UserError(
                what,
                Msg(
                    "the regular expression takes too long (over {seconds} s on {length} characters): "
                    "it backtracks; write it without a repetition inside a repetition, such as (a|aa)+",
                    seconds=PROBE_TIMEOUT_S, length=PROBE_LENGTH,
                ),
            ) from None


def _probes(pattern: str) -> list[str]:
    """Texts on which a backtracking pattern blows up: a long run of what it matches, then
    something it does not (`aaaa…!` for `(a|aa)+$`)."""
    literal = list(dict.fromkeys(ch for ch in pattern if ch.isalnum() or ord(ch) > 0x7F))
    runs = ["a", "1", " ", *literal[:8]]
    probes = [ch * PROBE_LENGTH + "!" for ch in dict.fromkeys(runs)]
    if len(literal) > 1:
        probes.append(("".join(literal) * PROBE_LENGTH)[:PROBE_LENGTH] + "!")
    return probes


class RuleSet:
    """Compiled once per set of rules; `apply` gives the same result for the same text
    as long as no rule misbehaves.

    A rule that runs out of time on a text, or whose replacement grows beyond
    `MAX_REPLACEMENT`, is skipped for the rest of this set's life (`misbehaved` says
    which and why): one slow text costs `MATCH_TIMEOUT_S` once, not on every segment.
    """

    def __init__(self, rules: Iterable[Rule]):
        self.rules = tuple(rules)
        self._compiled = [rule.compiled() for rule in self.rules]
        self._skipped: dict[int, str] = {}

    @property
    def misbehaved(self) -> dict[Rule, str]:
        """The rules skipped since they misbehaved, with what they did."""
        return {self.rules[index]: why for index, why in dict(self._skipped).items()}

    def apply(self, text: str) -> tuple[str, list[Edit], Counter[Rule]]:
        matches: list[tuple[int, int, int, regex.Match[str], str]] = []
        for index, pattern in enumerate(self._compiled):
            if index in self._skipped:
                continue
            rule = self.rules[index]
            try:
                found = [m for m in pattern.finditer(text, timeout=MATCH_TIMEOUT_S) if m.end() > m.start()]
            except TimeoutError:
                self._skipped[index] = f"its regular expression took over {MATCH_TIMEOUT_S} s on a text of {len(text):,} characters"
                continue
            replaced = [m.expand(rule.replacement) if rule.is_regex else rule.replacement for m in found]
            if any(len(r) > MAX_REPLACEMENT for r in replaced):
                self._skipped[index] = f"its replacement grew beyond {MAX_REPLACEMENT:,} characters"
                continue
            matches.extend((m.start(), -(m.end() - m.start()), index, m, r) for m, r in zip(found, replaced, strict=True))
        if not matches:
            return text, [], Counter()
        matches.sort(key=lambda found: found[:3])
        edits = []
        hits: Counter[Rule] = Counter()
        taken_to = 0
        for start, _, index, m, replacement in matches:
            if start < taken_to:
                continue
            edits.append(Edit(start, m.end(), replacement, STAGE))
            hits[self.rules[index]] += 1
            taken_to = m.end()
        return apply_edits(text, edits), edits, hits


def parse_rules_tsv(lines: Iterable[str], source: str = "rules") -> list[Rule]:
    """Rules from TSV lines `pattern<TAB>replacement[<TAB>regex]`; blank lines and `#` comments skipped."""
    rules = []
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        if len(columns) not in (2, 3):
            raise UserError("{source}: line {number}", "expected pattern<TAB>replacement[<TAB>regex]", source=source, number=number)
        flag = columns[2].strip() if len(columns) == 3 else ""
        if flag not in ("", REGEX_FLAG):
            raise UserError(
                "{source}: line {number}", "the third column must be {regex!r} or empty, not {flag!r}",
                source=source, number=number, regex=REGEX_FLAG, flag=flag,
            )
        try:
            rule = Rule(columns[0], columns[1], is_regex=flag == REGEX_FLAG)
            check_rule(rule)
            rules.append(rule)
        except UserError as exc:
            raise UserError("{source}: line {number}", exc.message, source=source, number=number) from None
    return rules


def read_rules_tsv(path: str | Path) -> list[Rule]:
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig") as handle:
            return parse_rules_tsv(handle, source=str(path))
    except FileNotFoundError:
        raise UserError("{path}", "no such file", path=str(path)) from None
    except IsADirectoryError:
        raise UserError("{path}", "is a folder, not a rules file", path=str(path)) from None
    except UnicodeDecodeError:
        raise UserError("{path}", "not UTF-8 text", path=str(path)) from None


def format_rules_tsv(rules: Sequence[Rule]) -> str:
    lines = []
    for rule in rules:
        if any(ch in field for field in (rule.pattern, rule.replacement) for ch in "\t\r\n"):
            raise UserError("rule {pattern!r}", "a tab or line break cannot be written to TSV", pattern=rule.pattern)
        lines.append("\t".join((rule.pattern, rule.replacement, *([REGEX_FLAG] if rule.is_regex else []))) + "\n")
    return "".join(lines)
