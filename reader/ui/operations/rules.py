"""Correction rules: adding, changing and removing them as undo steps; reading them, TSV in and out."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from reader.core.errors import UserError
from reader.core.library import Library, transcript_segments
from reader.core.library.opchanges import RULES, OpChanges
from reader.ui.operations.base import Operations
from reader.ui.operations.commands import StepState

if TYPE_CHECKING:  # re-exported for the views' type hints
    from reader.core.library.rules import LibraryRule as LibraryRule
    from reader.core.text.rules import Rule as TextRule

HitCounter = Callable[[list[Any]], "dict[TextRule, int]"]


def _rules() -> ModuleType:
    """reader.core.library.rules, imported when first used: it brings reader.core.text (jieba,
    OpenCC wrappers), a tenth of a second and more that the window does not wait for at start-up."""
    from reader.core.library import rules

    return rules


def load(ops: Operations, transcript_id: int | None, on_done: Callable[[list[LibraryRule]], None]) -> None:
    ops.read(lambda lib: _rules().list_rules(lib, transcript_id), on_done)


def load_text_rules(ops: Operations, transcript_id: int | None, on_done: Callable[[tuple[int | None, list[TextRule]]], None]) -> None:
    """on_done((transcript_id, rules the cleaner applies to it))"""
    ops.read(lambda lib: (transcript_id, _rules().text_rules(lib, transcript_id)), on_done)


def count_hits(ops: Operations, transcript_id: int, counter: HitCounter, on_done: Callable[[dict[TextRule, int]], None]) -> None:
    ops.read(lambda lib: counter(transcript_segments(lib, transcript_id)[1]), on_done)


def _add_step(ops: Operations, text: str, add: Callable[[Library], int], after_first: Callable[[int], None] | None = None) -> None:
    """An undo step that adds a rule: `add(lib)` returns its id; undo removes it, redo puts it back."""

    def do(lib: Library, state: StepState) -> OpChanges:
        if state.value is None:
            state.value = add(lib)
        else:
            assert state.removed_rule is not None  # redo follows an undo
            _rules().restore_rule(lib, state.removed_rule)
        return RULES

    def undo(lib: Library, state: StepState) -> OpChanges:
        state.removed_rule = _rules().remove_rule(lib, state.value)
        return state.removed_rule.changes

    ops.push(text, do, undo, after_first=after_first)


def add(ops: Operations, pattern: str, replacement: str, regex: bool, transcript_id: int | None) -> None:
    _add_step(
        ops,
        QCoreApplication.translate("Controller", "Add rule %1 → %2").replace("%1", pattern).replace("%2", replacement),
        lambda lib: _rules().add_rule(lib, pattern, replacement, regex=regex, transcript_id=transcript_id),
    )


def from_correction(ops: Operations, before: str, after: str, report: Callable[[str], None] | None = None) -> None:
    """"Apply everywhere": the smallest change a correction made becomes a rule for every transcript.

    `report("rule added, 12 hits")` once it is saved and its hits in the library are counted.
    """

    def add_it(lib: Library) -> int:
        pair = _rules().rule_from_correction(before, after)
        if pair is None:
            raise UserError(
                QCoreApplication.translate("Controller", "apply everywhere"),
                QCoreApplication.translate("Controller", "the correction changes too little to make a rule of it"),
            )
        return _rules().add_rule(lib, *pair)

    def added(rule_id: int) -> None:
        if report is None:
            return
        text = QCoreApplication.translate("Controller", "Rule added, %1 hits in the library")
        # Counting cleans the segments the rule may hit: the segmenter's lane.
        ops.read(lambda lib: _rules().count_hits(lib).get(rule_id, 0), lambda hits: report(text.replace("%1", str(hits))), "clean")

    _add_step(ops, QCoreApplication.translate("Controller", "Make rule from correction"), add_it, added)


def remove(ops: Operations, rule_id: int, label: str) -> None:
    def do(lib: Library, state: StepState) -> OpChanges:
        state.value = _rules().remove_rule(lib, rule_id)
        return state.value.changes

    def undo(lib: Library, state: StepState) -> OpChanges:
        _rules().restore_rule(lib, state.value)
        return state.value.changes

    ops.push(QCoreApplication.translate("Controller", "Remove rule %1").replace("%1", label), do, undo)


def update(ops: Operations, rule_id: int, old: dict[str, Any], new: dict[str, Any]) -> None:
    def step(fields: dict[str, Any]) -> Callable[[Library, StepState], OpChanges]:
        def work(lib: Library, state: StepState) -> OpChanges:
            return _rules().update_rule(lib, rule_id, **fields).changes

        return work

    text = QCoreApplication.translate("Controller", "Change rule %1").replace("%1", str(old.get("pattern", rule_id)))
    ops.push(text, step(new), step(old))


def import_tsv(ops: Operations, path: str, transcript_id: int | None, on_done: Callable[[int], None]) -> None:
    """Not an undo step: the core adds or changes rules from the file all at once."""

    def done(count: int) -> None:
        ops.broadcast(RULES)
        on_done(count)

    ops.run("write", lambda lib, task: _rules().import_tsv(lib, path, transcript_id=transcript_id), on_done=done)


def export_tsv(ops: Operations, path: str, transcript_id: int | None, on_done: Callable[[int], None]) -> None:
    ops.read(lambda lib: _rules().export_tsv(lib, path, transcript_id=transcript_id), on_done)
