"""Stage 4, rules: the user's corrections of recurring ASR errors (`CHRGBT` -> `ChatGPT`).

Literal by default, a regular expression on request; where matches overlap the one
starting first wins, then the longest. Regular expressions run with a time limit (the
`regex` module): a user's pattern that backtracks without end (`(a|aa)+$`) must not hang
the view, so on a text where it runs out of time that rule is skipped. Also the one
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

from reader.core.errors import UserError
from reader.core.text.edits import Edit, apply_edits

STAGE = "rules"
REGEX_FLAG = "regex"
# Per rule and text; a sane pattern takes microseconds on a segment.
MATCH_TIMEOUT_S = 0.5


@dataclass(frozen=True)
class Rule:
    pattern: str
    replacement: str
    is_regex: bool = False
    case_sensitive: bool = True

    def __post_init__(self) -> None:
        if not self.pattern:
            raise UserError(f"rule -> {self.replacement!r}", "the pattern is empty")
        if self.is_regex:
            try:
                # The standard parser checks the pattern and, eagerly, the replacement template.
                compiled = re.compile(self.pattern)
            except re.error as exc:
                raise UserError(f"rule {self.pattern!r}", f"not a valid regular expression: {exc}") from None
            if compiled.fullmatch(""):
                raise UserError(f"rule {self.pattern!r}", "the regular expression matches empty text")
            try:
                compiled.sub(self.replacement, "")  # parses the template even without a match
            except re.error as exc:
                raise UserError(f"rule {self.pattern!r}", f"bad replacement {self.replacement!r}: {exc}") from None

    def compiled(self) -> regex.Pattern:
        source = self.pattern if self.is_regex else regex.escape(self.pattern)
        return regex.compile(source, regex.VERSION0 | (0 if self.case_sensitive else regex.IGNORECASE))

    def glossary_term(self) -> str | None:
        """The term this rule writes, if it is a fixed one: the segmenter learns it as a word."""
        if self.is_regex or not self.replacement.strip():
            return None
        return self.replacement


class RuleSet:
    """Compiled once per set of rules; `apply` is pure."""

    def __init__(self, rules: Iterable[Rule]):
        self.rules = tuple(rules)
        self._compiled = [rule.compiled() for rule in self.rules]

    def apply(self, text: str) -> tuple[str, list[Edit], Counter[Rule]]:
        matches: list[tuple[int, int, int, regex.Match[str]]] = []
        for index, pattern in enumerate(self._compiled):
            try:
                found = list(pattern.finditer(text, timeout=MATCH_TIMEOUT_S))
            except TimeoutError:
                continue
            matches.extend((m.start(), -(m.end() - m.start()), index, m) for m in found if m.end() > m.start())
        if not matches:
            return text, [], Counter()
        matches.sort()
        edits = []
        hits: Counter[Rule] = Counter()
        taken_to = 0
        for start, _, index, m in matches:
            if start < taken_to:
                continue
            rule = self.rules[index]
            replacement = m.expand(rule.replacement) if rule.is_regex else rule.replacement
            edits.append(Edit(start, m.end(), replacement, STAGE))
            hits[rule] += 1
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
        where = f"{source}: line {number}"
        if len(columns) not in (2, 3):
            raise UserError(where, "expected pattern<TAB>replacement[<TAB>regex]")
        flag = columns[2].strip() if len(columns) == 3 else ""
        if flag not in ("", REGEX_FLAG):
            raise UserError(where, f"the third column must be {REGEX_FLAG!r} or empty, not {flag!r}")
        try:
            rules.append(Rule(columns[0], columns[1], is_regex=flag == REGEX_FLAG))
        except UserError as exc:
            raise UserError(where, str(exc)) from None
    return rules


def read_rules_tsv(path: str | Path) -> list[Rule]:
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig") as handle:
            return parse_rules_tsv(handle, source=str(path))
    except FileNotFoundError:
        raise UserError(str(path), "no such file") from None
    except IsADirectoryError:
        raise UserError(str(path), "is a folder, not a rules file") from None
    except UnicodeDecodeError:
        raise UserError(str(path), "not UTF-8 text") from None


def format_rules_tsv(rules: Sequence[Rule]) -> str:
    lines = []
    for rule in rules:
        if any(ch in field for field in (rule.pattern, rule.replacement) for ch in "\t\r\n"):
            raise UserError(f"rule {rule.pattern!r}", "a tab or line break cannot be written to TSV")
        lines.append("\t".join((rule.pattern, rule.replacement, *([REGEX_FLAG] if rule.is_regex else []))) + "\n")
    return "".join(lines)
