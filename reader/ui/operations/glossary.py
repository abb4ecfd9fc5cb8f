"""The glossary: terms and their known misspellings, as undo steps; reading them, TSV in and out.

A term changes no segment's text: each step returns `OpChanges(glossary=True)`, on
which the suggestions reload and the cleaner takes the new words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from reader.core.library import Library
from reader.core.library.opchanges import OpChanges
from reader.ui.operations.base import Operations
from reader.ui.operations.commands import StepState

if TYPE_CHECKING:  # re-exported for the views' type hints
    from reader.core.library.glossary import GlossaryEntry as GlossaryEntry


def load(ops: Operations, transcript_id: int | None, on_done: Callable[[list[GlossaryEntry]], None]) -> None:
    """Every term, or with `transcript_id` its own and the global ones."""

    def work(lib: Library) -> list[GlossaryEntry]:
        from reader.core.library import glossary

        return glossary.list_terms(lib, transcript_id)

    ops.read(work, on_done)


def load_words(ops: Operations, transcript_id: int | None, on_done: Callable[[tuple[int | None, tuple[str, ...]]], None]) -> None:
    """on_done((transcript_id, the terms a cleaner of it gives the segmenter))"""

    def work(lib: Library) -> tuple[int | None, tuple[str, ...]]:
        from reader.core.library import glossary

        return transcript_id, glossary.words(lib, transcript_id)

    ops.read(work, on_done)


def add(ops: Operations, term: str, aliases: Sequence[str], transcript_id: int | None) -> None:
    """A term, or more aliases of a term of that scope: one undo step, which puts back what was there."""

    def do(lib: Library, state: StepState) -> OpChanges:
        from reader.core.library import glossary

        if state.value is None:
            before = [e for e in glossary.list_terms(lib, transcript_id, own_only=True) if e.term == " ".join(term.split())]
            state.value = before[0] if before else False
        return glossary.add_term(lib, term, list(aliases), transcript_id=transcript_id).changes

    def undo(lib: Library, state: StepState) -> OpChanges:
        from reader.core.library import glossary

        removed = glossary.remove_term(lib, term, transcript_id=transcript_id)
        if state.value:
            glossary.restore_term(lib, state.value)
        return removed.changes

    text = QCoreApplication.translate("Glossary", "Add glossary term %1").replace("%1", term)
    ops.push(text, do, undo)


def remove(ops: Operations, term: str, transcript_id: int | None) -> None:
    def do(lib: Library, state: StepState) -> OpChanges:
        from reader.core.library import glossary

        state.value = glossary.remove_term(lib, term, transcript_id=transcript_id)
        return state.value.changes

    def undo(lib: Library, state: StepState) -> OpChanges:
        from reader.core.library import glossary

        glossary.restore_term(lib, state.value)
        return state.value.changes

    ops.push(QCoreApplication.translate("Glossary", "Remove glossary term %1").replace("%1", term), do, undo)


def import_tsv(ops: Operations, path: str, transcript_id: int | None, on_done: Callable[[int], None]) -> None:
    """Not an undo step (as rules' import): on_done(terms that were new or gained aliases)."""

    def work(lib: Library, _task: object) -> int:
        from reader.core.library import glossary

        return glossary.import_tsv(lib, path, transcript_id=transcript_id)

    def done(count: int) -> None:
        ops.broadcast(OpChanges(frozenset(() if transcript_id is None else {transcript_id}), glossary=True))
        on_done(count)

    ops.run("write", work, on_done=done)


def export_tsv(ops: Operations, path: str, transcript_id: int | None, on_done: Callable[[int], None]) -> None:
    def work(lib: Library) -> int:
        from reader.core.library import glossary

        return glossary.export_tsv(lib, path, transcript_id=transcript_id)

    ops.read(work, on_done)
