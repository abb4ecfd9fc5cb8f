"""The library's correction rules: a glossary of ASR errors (`CHRGBT` -> `ChatGPT`).

A rule is global (`transcript_id` None) or belongs to one transcript; where
both have the same pattern, the transcript's own rule wins. Rules are checked
the way the cleaner will use them (`reader.core.text.Rule`), and read and
written as TSV in the one format `reader.core.text.rules` defines.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.orm import Session

from reader.core.errors import Msg, UserError
from reader.core.formats.atomic import write_atomic
from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.models import Rule, Segment, Transcript
from reader.core.library.opchanges import RULES, OpChanges
from reader.core.library.queries import transcript_in
from reader.core.text import Cleaner, CleanSettings, segmenter
from reader.core.text import rules as text_rules_tsv
from reader.core.text import script as scripts
from reader.core.text.rules import Rule as TextRule

_FIELDS = ("pattern", "replacement", "is_regex", "case_sensitive", "transcript_id", "enabled")


@dataclass(frozen=True)
class LibraryRule:
    id: int
    pattern: str
    replacement: str
    is_regex: bool
    case_sensitive: bool
    transcript_id: int | None
    enabled: bool
    hits: int
    created_at: datetime

    def text_rule(self) -> TextRule:
        return TextRule(self.pattern, self.replacement, self.is_regex, self.case_sensitive)

    @property
    def changes(self) -> OpChanges:
        # A rule's text shows in every transcript it applies to, and a global one in all: refresh by rules.
        return RULES


def _record(rule: Rule) -> LibraryRule:
    return LibraryRule(
        rule.id, rule.pattern, rule.replacement, rule.is_regex, rule.case_sensitive,
        rule.transcript_id, rule.enabled, rule.hits, rule.created_at,
    )


def _rule(session: Session, rule_id: int) -> Rule:
    rule = session.get(Rule, rule_id)
    if rule is None:
        raise UserError("rule {rule}", "no such rule (see `rules list`)", rule=rule_id)
    return rule


def _check_transcript(session: Session, transcript_id: int | None) -> None:
    if transcript_id is not None:
        transcript_in(session, transcript_id)


def _check(session: Session, values: Mapping[str, Any], rule_id: int | None = None) -> None:
    """`UserError` unless the cleaner can use the rule and no other rule of its scope has its pattern."""
    for name in ("pattern", "replacement"):
        if any(ch in values[name] for ch in "\t\r\n"):
            raise UserError(
                "rule {pattern!r}",
                Msg("the pattern must be one line without tabs")
                if name == "pattern"
                else Msg("the replacement must be one line without tabs"),
                pattern=values["pattern"],
            )
    text_rules_tsv.check_rule(TextRule(values["pattern"], values["replacement"], values["is_regex"], values["case_sensitive"]))
    _check_transcript(session, values["transcript_id"])
    twin = session.scalar(select(Rule.id).where(*_same_pattern(values), Rule.id != rule_id))
    if twin is not None:
        raise UserError(
            "rule {pattern!r}", "rule {twin} already has this pattern here; change that one", pattern=values["pattern"], twin=twin,
        )


def _same_pattern(values: Mapping[str, Any]) -> list[ColumnElement[bool]]:
    return [
        Rule.pattern == values["pattern"],
        Rule.is_regex == values["is_regex"],
        Rule.case_sensitive == values["case_sensitive"],
        Rule.transcript_id.is_(None) if values["transcript_id"] is None else Rule.transcript_id == values["transcript_id"],
    ]


def list_rules(lib: Library, transcript_id: int | None = None) -> list[LibraryRule]:
    """Every rule, or with `transcript_id` the ones that apply to that transcript; global ones first."""
    query = select(Rule).order_by(Rule.transcript_id.is_not(None), Rule.transcript_id, Rule.id)
    with lib.read() as session:
        if transcript_id is not None:
            _check_transcript(session, transcript_id)
            query = query.where(or_(Rule.transcript_id.is_(None), Rule.transcript_id == transcript_id))
        return [_record(rule) for rule in session.scalars(query)]


def add_rule(
    lib: Library,
    pattern: str,
    replacement: str,
    *,
    regex: bool = False,
    case_sensitive: bool = True,
    transcript_id: int | None = None,
) -> int:
    """Store a new, enabled rule and return its id. `UserError` for an empty pattern,
    a broken regular expression or replacement, an unknown transcript or a duplicate."""
    values = dict(pattern=pattern, replacement=replacement, is_regex=regex, case_sensitive=case_sensitive, transcript_id=transcript_id)
    with lib.write() as session:
        _check(session, values)
        rule = Rule(**values)
        session.add(rule)
        session.flush()
        return rule.id


def update_rule(lib: Library, rule_id: int, **fields: Any) -> LibraryRule:
    """Change some of a rule's `pattern`, `replacement`, `is_regex`, `case_sensitive`,
    `transcript_id` and `enabled`, checked as `add_rule` checks a new one."""
    unknown = set(fields) - set(_FIELDS)
    if unknown:
        raise TypeError(f"update_rule() got unknown fields {sorted(unknown)}")
    with lib.write() as session:
        rule = _rule(session, rule_id)
        values = {name: fields.get(name, getattr(rule, name)) for name in _FIELDS}
        _check(session, values, rule_id)
        for name, value in values.items():
            setattr(rule, name, value)
        session.flush()
        return _record(rule)


def remove_rule(lib: Library, rule_id: int) -> LibraryRule:
    """Delete a rule; the returned record lets `restore_rule` put it back (undo)."""
    with lib.write() as session:
        rule = _rule(session, rule_id)
        record = _record(rule)
        session.delete(rule)
        return record


def restore_rule(lib: Library, rule: LibraryRule) -> None:
    """Put a removed rule back as it was: same id, hits and creation time."""
    with lib.write() as session:
        if session.get(Rule, rule.id) is not None:
            raise UserError("rule {rule}", "exists already", rule=rule.id)
        values = dataclasses.asdict(rule)
        _check(session, values)
        session.add(Rule(**values))


def _scoped(session: Session, transcript_id: int | None) -> dict[TextRule, int]:
    """Enabled rules for a transcript, its own before global ones, one per pattern."""
    scope: ColumnElement[bool] = Rule.transcript_id.is_(None)
    if transcript_id is not None:
        scope = or_(scope, Rule.transcript_id == transcript_id)
    found: dict[TextRule, int] = {}
    seen = set()
    for rule in session.scalars(select(Rule).where(Rule.enabled, scope).order_by(Rule.transcript_id.is_(None), Rule.id)):
        key = (rule.pattern, rule.is_regex, rule.case_sensitive)
        if key not in seen:
            seen.add(key)
            text_rule = _record(rule).text_rule()
            # Stored before rules had a length limit: a 1 MB replacement would multiply every
            # segment it hits. The cleaner leaves it out; `count_hits` disables it.
            if text_rules_tsv.too_long(text_rule) is None:
                found[text_rule] = rule.id
    return found


def _too_long_rules(session: Session) -> dict[int, str]:
    """Enabled rules over the length limit, with why."""
    found = {}
    for rule in session.scalars(select(Rule).where(Rule.enabled)):
        why = text_rules_tsv.too_long(_record(rule).text_rule())
        if why:
            found[rule.id] = why
    return found


def text_rules(lib: Library, transcript_id: int | None = None) -> list[TextRule]:
    """The rules the cleaner applies to a transcript (or, with None, to text of no transcript):
    enabled ones, the transcript's own first, a global rule dropped where an own rule has its pattern."""
    with lib.read() as session:
        return text_rules_in(session, transcript_id)


def text_rules_in(session: Session, transcript_id: int | None = None) -> list[TextRule]:
    """`text_rules` read in a transaction already open."""
    return list(_scoped(session, transcript_id))


Disabled = Callable[[int, str], None]


def count_hits(lib: Library, settings: CleanSettings | None = None, disabled: Disabled | None = None) -> dict[int, int]:
    """How many places each rule changes in the library's automatic text now, stored as its `hits`.

    A derived figure, so it is counted afresh rather than added up as text is viewed:
    every uncorrected text segment is cleaned with its transcript's rules (a person's
    correction replaces the automatic text, so rules do not reach it). A disabled rule,
    or one shadowed by a transcript's own rule of the same pattern, counts 0. Only
    segments a rule may hit are cleaned (see `_may_hit`), so a listing stays quick.

    A rule that misbehaves (runs out of time on a segment, or grows beyond the length
    limit) is disabled here, in the same transaction that stores the counts, and named
    to `disabled(rule id, why)`: it is paid for once, on the first text it chokes on.
    The cleaning happens outside any write transaction; only the counts are written.
    """
    settings = settings or CleanSettings()
    with lib.read() as session:
        rule_ids = list(session.scalars(select(Rule.id)))
        if not rule_ids:
            return {}
        transcripts = list(session.scalars(select(Transcript.id)))
        scopes = {tid: _scoped(session, tid) for tid in transcripts}
        bad = _too_long_rules(session)
    hits = dict.fromkeys(rule_ids, 0)
    for tid, all_scoped in scopes.items():
        scoped = {rule: rule_id for rule, rule_id in all_scoped.items() if rule_id not in bad}
        if not scoped:
            continue
        cleaner = Cleaner(settings, list(scoped))
        with lib.read() as session:
            raws = session.scalars(
                select(Segment.raw).where(Segment.transcript_id == tid, Segment.kind == SegmentKind.TEXT, Segment.correction.is_(None))
            ).all()
        for raw in raws:
            shown = scripts.convert(raw, settings.script)[0]
            if not any(_may_hit(rule, shown) for rule in scoped):
                continue
            for rule, n in cleaner.clean(raw).rule_hits.items():
                hits[scoped[rule]] += n
        # Known bad from now on: the next transcript's cleaner does not try it again.
        bad.update((scoped[rule], why) for rule, why in cleaner.misbehaved_rules.items())
    for rule_id in bad:
        hits[rule_id] = 0
    with lib.write() as session:
        for rule_id, n in hits.items():
            values: dict[str, Any] = {"hits": n, **({"enabled": False} if rule_id in bad else {})}
            session.execute(update(Rule).where(Rule.id == rule_id).values(**values))
    for rule_id, why in bad.items():
        if disabled is not None:
            disabled(rule_id, why)
    return hits


def _may_hit(rule: TextRule, text: str) -> bool:
    """Whether `rule` can match anywhere in the cleaning of `text` (already in the target script).

    The stages before the rules only delete characters (fillers, stutters), so a literal
    pattern can match only where all of its characters are present; a regex may match anything.
    """
    if rule.is_regex:
        return True
    if rule.case_sensitive:
        return set(rule.pattern) <= set(text)
    return set(rule.pattern.lower()) <= set(text.lower())


# ----------------------------------------------------------------- TSV


def import_tsv(lib: Library, path: str | Path, *, transcript_id: int | None = None) -> int:
    """Add the rules of a TSV file, all or none; returns how many were added or changed.

    A rule whose pattern the scope already has takes the file's replacement,
    so importing the same file twice changes nothing the second time.
    """
    parsed = text_rules_tsv.read_rules_tsv(path)
    changed = 0
    with lib.write() as session:
        _check_transcript(session, transcript_id)
        for text_rule in parsed:
            values = dict(
                pattern=text_rule.pattern, replacement=text_rule.replacement, is_regex=text_rule.is_regex,
                case_sensitive=text_rule.case_sensitive, transcript_id=transcript_id,
            )
            existing = session.scalar(select(Rule).where(*_same_pattern(values)))
            if existing is None:
                _check(session, values)
                session.add(Rule(**values))
                session.flush()
            elif existing.replacement != text_rule.replacement:
                _check(session, {**values, "replacement": text_rule.replacement}, existing.id)
                existing.replacement = text_rule.replacement
                session.flush()
            else:
                continue
            changed += 1
    return changed


def rules_tsv(lib: Library, *, transcript_id: int | None = None) -> tuple[str, int]:
    """(TSV text, rules left out) of the enabled global rules, or of one transcript's own.

    The format has no column for case; a rule that ignores case is written as
    the regular expression `(?i)...`, which matches the same text.
    Disabled rules are left out: importing the file would enable them.
    """
    with lib.read() as session:
        _check_transcript(session, transcript_id)
        scope = Rule.transcript_id.is_(None) if transcript_id is None else Rule.transcript_id == transcript_id
        rules = list(session.scalars(select(Rule).where(scope).order_by(Rule.id)))
    written = [_tsv_rule(rule) for rule in rules if rule.enabled]
    return text_rules_tsv.format_rules_tsv(written), len(rules) - len(written)


def _tsv_rule(rule: Rule) -> TextRule:
    if rule.case_sensitive:
        return TextRule(rule.pattern, rule.replacement, rule.is_regex)
    pattern = rule.pattern if rule.is_regex else re.escape(rule.pattern)
    replacement = rule.replacement if rule.is_regex else rule.replacement.replace("\\", "\\\\")
    return TextRule("(?i)" + pattern, replacement, is_regex=True)


def export_tsv(lib: Library, path: str | Path, *, transcript_id: int | None = None) -> int:
    """Write `rules_tsv` to a file atomically (all or nothing); returns the rules left out."""
    text, left_out = rules_tsv(lib, transcript_id=transcript_id)
    write_atomic(path, text.encode("utf-8"))
    return left_out


# ----------------------------------------------------------------- rules from corrections


def rule_from_correction(before: str, after: str) -> tuple[str, str] | None:
    """(pattern, replacement) of a rule that makes the same fix elsewhere, or None.

    The smallest span where the texts differ (difflib), widened to whole words
    (jieba's dictionary cut): `skating low` -> `scaling law`, `CHRGBT` ->
    `ChatGPT`, `大圆` -> `大语言` (not `圆` -> `语言`). A change within a
    one-character word, or a pure insertion, also takes the words on either
    side; a rule whose pattern is still one character would match nearly
    everywhere, so there is none. Loads the segmenter the first time (about a
    second): call it off the GUI thread.
    """
    if before == after:
        return None
    changes = [op for op in SequenceMatcher(None, before, after, autojunk=False).get_opcodes() if op[0] != "equal"]
    first, last = changes[0], changes[-1]
    start, end = first[1], last[2]
    bounds = segmenter.boundaries(segmenter.cut(before))
    start = max(b for b in bounds if b <= start)
    end = min(b for b in bounds if b >= end)
    if end - start < 2 or first[1] == last[2]:
        start = max((b for b in bounds if b < start), default=start)
        end = min((b for b in bounds if b > end), default=end)
    pattern = before[start:end]
    # Outside the changed span both texts are the same, so `after` widens alike.
    replacement = after[start:len(after) - (len(before) - end)]
    if len(pattern.strip()) < 2:
        return None
    return pattern, replacement
