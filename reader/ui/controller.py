"""The one place where the GUI calls the core.

Widgets ask the controller; it runs the core function on a lane, pushes an
undo step for every change and, when the change is saved, broadcasts one
`changed` notice that every view listens to (Anki's pattern). Nothing here
decides what a correction, split or rule means: that is reader.core's job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from reader.core.errors import UserError
from reader.ui import queries
from reader.ui.commands import Changes, OperationCommand, Work
from reader.ui.tasks import Task, TaskRunner


@dataclass(frozen=True)
class DamagedLibrary:
    """A library file that failed SQLite's quick_check: it was not opened and nothing was written into it."""

    location: str
    report: str  # what SQLite found
    backup: Path | None  # the newest rolling backup that passes integrity_check
    backup_made: datetime | None  # when that backup was written (local time)


class Controller(QObject):
    library_opened = Signal(str)  # the library's location
    damaged = Signal(object)  # DamagedLibrary: asked to open, found damaged, left closed
    restored = Signal(object)  # backup.Restored, before the restored library is opened
    backed_up = Signal(str)  # the backup file written
    changed = Signal(object)  # Changes
    failed = Signal(str)  # a message for the user
    # edits.ConflictError: someone else saved a segment first; nothing of this app's text was saved
    conflict = Signal(object)
    import_started = Signal(object)  # the Task, for progress and cancel
    import_finished = Signal(int)  # transcripts made

    def __init__(self, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self.library = None
        self.location = ""
        self.undo_stack = QUndoStack(self)
        # Segment id -> versions this app's own saves made. Read and written on the
        # "write" lane only, where saves run one at a time.
        self._own_versions: dict[int, set[int]] = {}

    # opening
    def open_library(self, db: str | None, import_seeds: bool = False) -> None:
        """Open the library at `db`, unless it is damaged: then `damaged` is emitted and the open library stays."""
        self.runner.submit(
            "write",
            lambda task: self._open_unless_damaged(db, import_seeds, task),
            on_done=self._open_finished,
            on_error=self._report,
            description="open library",
        )

    def _open_unless_damaged(self, db: str | None, import_seeds: bool, task: Task):
        from reader.core.library import backup, open_library

        report = backup.damage_report(db)
        if report is not None:
            newest = backup.newest_good_backup(db)
            made = datetime.fromtimestamp(newest.stat().st_mtime) if newest is not None else None
            return DamagedLibrary(str(db), report, newest, made)
        lib = open_library(db)
        if import_seeds:
            self._import_seeds(lib, task)
        return lib

    def _open_finished(self, result) -> None:
        if isinstance(result, DamagedLibrary):
            self.damaged.emit(result)
            return
        self._opened(result)
        self._rolling_backup(result)

    def _rolling_backup(self, lib) -> None:
        """Add the library to its rolling backups if it changed since the newest (a no-op on a server)."""
        from reader.core.library import backup

        self.runner.submit("write", lambda task: backup.rolling_backup(lib), on_error=self._report, description="rolling backup")

    @staticmethod
    def _import_seeds(lib, task: Task) -> None:
        from reader.core.library import ImportCancelled, import_seeds_if_new

        try:
            import_seeds_if_new(lib, cancel=task.cancelled)
        except ImportCancelled:
            pass  # quitting during the first start: the samples not yet in come next time

    def _opened(self, lib) -> None:
        old, self.library = self.library, lib
        if old is not None:
            self.runner.submit("write", lambda task: old.close())
        self.location = lib.url
        self.undo_stack.clear()
        self.runner.submit("write", lambda task: self._own_versions.clear())
        self.library_opened.emit(self.location)
        self.changed.emit(Changes(library=True))

    def close(self, backup: bool = False) -> None:
        """Let go of the library after the work queued before; with `backup`, add it to its rolling backups first."""
        from reader.core.library.backup import rolling_backup

        if self.library is None:
            return
        lib, self.library = self.library, None

        def work(task):
            try:
                if backup:
                    rolling_backup(lib)
            finally:
                lib.close()

        self.runner.submit("write", work, on_error=self._report, description="close library")

    # backups
    def back_up(self, path: str) -> None:
        """Copy the open library to `path` (after the changes queued before); `backed_up` tells the file."""
        from reader.core.library import backup

        if self.library is None:
            return
        lib = self.library
        self.runner.submit(
            "write",
            lambda task: str(backup.backup(lib, path)),
            on_done=self.backed_up.emit,
            on_error=self._report,
            description="back up library",
        )

    def restore_backup(self, backup_file: str, db: str) -> None:
        """Make the library at `db` what `backup_file` holds, then open it afresh.

        The open library is closed first: a restore rewrites the change log
        the change watcher reads, so it starts again on the reopened library.
        A refused backup changes nothing and the library is opened as it was.
        """
        from reader.core.library import backup

        self.close()

        def restored(result) -> None:
            self.restored.emit(result)
            self.open_library(db)

        def refused(exc: BaseException) -> None:
            self._report(exc)
            self.open_library(db)

        self.runner.submit(
            "write", lambda task: backup.restore(backup_file, db), on_done=restored, on_error=refused, description="restore"
        )

    # reading
    def read(self, fn: Callable[[Any], Any], on_done: Callable[[Any], None]) -> Task | None:
        if self.library is None:
            return None
        lib = self.library
        return self.runner.submit("read", lambda task: fn(lib), on_done=on_done, on_error=self._report)

    def load_transcripts(self, on_done) -> None:
        from reader.core.library import list_transcripts

        self.read(list_transcripts, on_done)

    def load_transcript(self, transcript_id: int, first: int, count: int, on_done, speaker_id=None, topic_id=None) -> None:
        """on_done((transcript_id, title, segment ids, rows from row `first`)); with a speaker
        and/or topic, only the segments that have them."""
        self.read(
            lambda lib: (transcript_id, *queries.transcript_window(lib, transcript_id, first, count, speaker_id, topic_id)),
            on_done,
        )

    def load_rows_by_id(self, segment_ids, on_done) -> None:
        ids = list(segment_ids)
        self.read(lambda lib: queries.segment_rows_by_id(lib, ids), on_done)

    # importing
    def import_files(self, paths: list[str]) -> Task | None:
        """Import files and folders dropped or chosen by the user, each file in its own transaction."""
        from reader.core.library import ImportCancelled, import_file
        from reader.core.library.importer import transcript_files

        if self.library is None or not paths:
            return None
        lib = self.library

        def work(task: Task):
            made, notes = 0, []
            try:
                files = transcript_files(paths)
            except UserError as exc:
                return 0, [str(exc)]
            for i, path in enumerate(files):
                if task.cancelled():
                    break
                task.report(i, len(files))
                # One file: its segments make the progress; several: the files do.
                progress = task.report if len(files) == 1 else None
                try:
                    result = import_file(lib, path, progress=progress, cancel=task.cancelled)
                except UserError as exc:
                    notes.append(str(exc))
                    continue
                except ImportCancelled:
                    break
                if result.already_imported:
                    notes.append(self.tr("%1: already in the library").replace("%1", str(path)))
                made += 0 if result.already_imported else len(result.transcripts)
            return made, notes

        return self.runner.submit(
            "write",
            work,
            on_done=self._imported,
            on_error=self._import_failed,
            description="import",
            before_start=self.import_started.emit,
        )

    def _import_failed(self, exc: BaseException) -> None:
        self._report(exc)
        self.changed.emit(Changes(library=True))
        self.import_finished.emit(0)

    def _imported(self, result) -> None:
        made, notes = result
        if notes:
            self.failed.emit("\n".join(notes))
        self.changed.emit(Changes(library=True))
        self.import_finished.emit(made)

    # changing: every change is an undo step
    def push(self, text: str, do: Work, undo: Work) -> OperationCommand:
        command = OperationCommand(text, do, undo, self._submit_change)
        self.undo_stack.push(command)  # runs do() at once
        return command

    def push_recorded(
        self,
        text: str,
        make: Callable[[Any], Any],
        redo: Callable[[Any, Any], Any],
        undo: Callable[[Any, Any], Any],
        changes: Callable[[Any], Changes],
    ) -> OperationCommand:
        """An undo step whose first run keeps the record `make(lib)` returns; `redo(lib, record)` and
        `undo(lib, record)` replay it, and `changes(record)` says what each run touched."""

        def do(lib, state):
            if state.value is None:
                state.value = make(lib)
            else:
                redo(lib, state.value)
            return changes(state.value)

        def take_back(lib, state):
            undo(lib, state.value)
            return changes(state.value)

        return self.push(text, do, take_back)

    def set_author(self, name: str | None) -> None:
        """Who this app's revisions name from now on (None: the OS user); set on the write lane, before later saves."""
        from reader.core.library import models

        self.runner.submit("write", lambda task: models.set_author(name), on_error=self._report, description="set author")

    def set_correction(
        self, transcript_id: int, segment_id: int, position: int, old, new: str, automatic, version: int | None = None
    ) -> None:
        """The text a person typed into a cleaned cell becomes the segment's correction.

        `version` is the segment's version the text is based on: if anyone else
        saved the segment since, nothing is saved and `conflict` is emitted.
        """
        from reader.core.library import edits

        def do(lib, state):
            based_on = version if state.value is None else state.extra["undone"]
            change = edits.set_correction(lib, segment_id, new, automatic=automatic, **self._expecting(segment_id, based_on))
            state.value = self._saved(change)
            return Changes(frozenset({transcript_id}), frozenset({segment_id}))

        self.push(self.tr("Correct segment %1").replace("%1", str(position)), do, self._restore(transcript_id, segment_id, old))

    def revert_correction(self, transcript_id: int, segment_id: int, position: int, old: str, version: int | None = None) -> None:
        from reader.core.library import edits

        def do(lib, state):
            based_on = version if state.value is None else state.extra["undone"]
            state.value = self._saved(edits.revert_correction(lib, segment_id, **self._expecting(segment_id, based_on)))
            return Changes(frozenset({transcript_id}), frozenset({segment_id}))

        self.push(self.tr("Revert segment %1").replace("%1", str(position)), do, self._restore(transcript_id, segment_id, old))

    def _restore(self, transcript_id: int, segment_id: int, old) -> Work:
        """Undo of a correction step: puts `old` back, unless someone else saved the segment after the step."""
        from reader.core.library import edits

        def undo(lib, state):
            expecting = self._expecting(segment_id, state.value)
            if old is None:
                change = edits.revert_correction(lib, segment_id, origin="undo", **expecting)
            else:
                change = edits.set_correction(lib, segment_id, old, origin="undo", **expecting)
            state.extra["undone"] = self._saved(change)
            return Changes(frozenset({transcript_id}), frozenset({segment_id}))

        return undo

    def _expecting(self, segment_id: int, version: int | None) -> dict:
        """How a save checks for others' saves (on the write lane).

        A version this app's own saves moved past still counts as seen: a row on
        screen may not have caught up with the save just made, and that save
        was this person's own text. Without a version, a correction whose last
        revision names another author is not replaced.
        """
        if version is None:
            return {"replace_others": False}
        own = self._own_versions.get(segment_id, ())
        while version + 1 in own:
            version += 1
        return {"expected_version": version}

    def _saved(self, change) -> int | None:
        if change.changed:
            self._own_versions.setdefault(change.segment_id, set()).add(change.version)
        return change.version

    def split(self, transcript_id: int, segment_id: int, position: int, raw_offset: int) -> None:
        from reader.core.library import edits

        self.push_recorded(
            self.tr("Split segment %1").replace("%1", str(position)),
            lambda lib: edits.split_segment(lib, segment_id, raw_offset),
            edits.redo_split,
            edits.undo_split,
            lambda _record: Changes(frozenset({transcript_id}), structure=True),
        )

    def merge(self, transcript_id: int, segment_id: int, position: int, text_of) -> None:
        from reader.core.library import edits

        self.push_recorded(
            self.tr("Merge segments %1 and %2").replace("%1", str(position)).replace("%2", str(position + 1)),
            lambda lib: edits.merge_segments(lib, segment_id, text_of=text_of),
            edits.redo_merge,
            edits.undo_merge,
            lambda _record: Changes(frozenset({transcript_id}), structure=True),
        )

    # find and replace
    def find(self, pattern: str, regex: bool, case_sensitive: bool, transcript_id: int | None, text_of, on_done) -> None:
        """on_done([(match, text searched, correction)]) on the GUI thread; a bad pattern arrives through `failed`."""
        from reader.core.library import edits

        def search(lib):
            seen: dict[int, tuple[str, str | None]] = {}

            def remember(segment):
                text = text_of(segment)
                seen[segment.id] = (text, segment.correction)
                return text

            matches = edits.find(
                lib, pattern, regex=regex, case_sensitive=case_sensitive, transcript_id=transcript_id, text_of=remember
            )
            return [(m, *seen[m.segment_id]) for m in matches]

        self.read(search, on_done)

    def replace_one(self, match, text: str, pattern: str, replacement: str, regex: bool, case_sensitive: bool, old, automatic) -> None:
        """Replace one find hit in the text the reader shows; saved as that segment's correction."""
        from reader.core.library import edits

        compiled = edits.compile_pattern(pattern, is_regex=regex, case_sensitive=case_sensitive)
        hit = compiled.fullmatch(text, match.start, match.end)
        if hit is None:
            raise UserError(self.tr("replace"), self.tr("the text has changed since it was found; search again"))
        new = text[: match.start] + (hit.expand(replacement) if regex else replacement) + text[match.end :]
        self.set_correction(match.transcript_id, match.segment_id, match.position, old, new, automatic)

    def replace_all(self, pattern: str, replacement: str, regex: bool, case_sensitive: bool, transcript_id, text_of) -> None:
        from reader.core.library import edits

        self.push_recorded(
            self.tr("Replace all “%1”").replace("%1", pattern),
            lambda lib: edits.replace_all(
                lib, pattern, replacement, regex=regex, case_sensitive=case_sensitive,
                transcript_id=transcript_id, text_of=text_of,
            ),
            edits.apply_batch,
            lambda lib, batch: edits.apply_batch(lib, batch, reverse=True),
            lambda batch: Changes(batch.transcript_ids, batch.segment_ids),
        )

    # rules
    def load_rules(self, transcript_id: int | None, on_done) -> None:
        from reader.core.library import rules

        self.read(lambda lib: rules.list_rules(lib, transcript_id), on_done)

    def load_text_rules(self, transcript_id: int | None, on_done) -> None:
        """on_done((transcript_id, rules the cleaner applies to it))"""
        from reader.core.library import rules

        self.read(lambda lib: (transcript_id, rules.text_rules(lib, transcript_id)), on_done)

    def count_rule_hits(self, transcript_id: int, counter, on_done) -> None:
        from reader.core.library import transcript_segments

        self.read(lambda lib: counter(transcript_segments(lib, transcript_id)[1]), on_done)

    def _rule_step(self, text: str, add) -> None:
        """An undo step that adds a rule: `add(lib)` returns its id; undo removes it, redo puts it back."""
        from reader.core.library import rules

        def do(lib, state):
            if state.value is None:
                state.value = add(lib)
            else:
                rules.restore_rule(lib, state.extra["removed"])
            return Changes(rules=True)

        def undo(lib, state):
            state.extra["removed"] = rules.remove_rule(lib, state.value)
            return Changes(rules=True)

        self.push(text, do, undo)

    def add_rule(self, pattern: str, replacement: str, regex: bool, transcript_id: int | None) -> None:
        from reader.core.library import rules

        self._rule_step(
            self.tr("Add rule %1 → %2").replace("%1", pattern).replace("%2", replacement),
            lambda lib: rules.add_rule(lib, pattern, replacement, regex=regex, transcript_id=transcript_id),
        )

    def rule_from_correction(self, before: str, after: str) -> None:
        """"Apply everywhere": the smallest change a correction made becomes a rule for every transcript."""
        from reader.core.library import rules

        def add(lib):
            pair = rules.rule_from_correction(before, after)
            if pair is None:
                raise UserError(
                    self.tr("apply everywhere"), self.tr("the correction changes too little to make a rule of it")
                )
            return rules.add_rule(lib, *pair)

        self._rule_step(self.tr("Make rule from correction"), add)

    def remove_rule(self, rule_id: int, label: str) -> None:
        from reader.core.library import rules

        def do(lib, state):
            state.value = rules.remove_rule(lib, rule_id)
            return Changes(rules=True)

        def undo(lib, state):
            rules.restore_rule(lib, state.value)
            return Changes(rules=True)

        self.push(self.tr("Remove rule %1").replace("%1", label), do, undo)

    def update_rule(self, rule_id: int, old: dict, new: dict) -> None:
        from reader.core.library import rules

        def step(fields):
            def work(lib, state):
                rules.update_rule(lib, rule_id, **fields)
                return Changes(rules=True)

            return work

        self.push(self.tr("Change rule %1").replace("%1", str(old.get("pattern", rule_id))), step(new), step(old))

    def import_rules(self, path: str, transcript_id: int | None, on_done) -> None:
        """Not an undo step: the core adds or changes rules from the file all at once."""
        from reader.core.library import rules

        if self.library is None:
            return
        lib = self.library

        def work(task):
            return rules.import_tsv(lib, path, transcript_id=transcript_id)

        def done(count):
            self.changed.emit(Changes(rules=True))
            on_done(count)

        self.runner.submit("write", work, on_done=done, on_error=self._report)

    def export_rules(self, path: str, transcript_id: int | None, on_done) -> None:
        from reader.core.library import rules

        self.read(lambda lib: rules.export_tsv(lib, path, transcript_id=transcript_id), on_done)

    def _submit_change(self, command: OperationCommand, work: Work) -> None:
        if self.library is None:
            return
        lib, state = self.library, command.state
        self.runner.submit(
            "write",
            lambda task: work(lib, state),
            on_done=self.changed.emit,
            on_error=lambda exc: self._change_failed(command, exc),
        )

    def _change_failed(self, command: OperationCommand, exc: BaseException) -> None:
        from reader.core.library.edits import ConflictError

        try:
            command.refused()
        except RuntimeError:
            pass  # the stack has deleted the step meanwhile (cleared, or a new change replaced its branch)
        if isinstance(exc, ConflictError):
            self.conflict.emit(exc)
            # Only that segment is behind: show the other person's text.
            self.changed.emit(Changes(frozenset({exc.transcript_id}), frozenset({exc.segment_id})))
            return
        self._report(exc)
        # What is on screen may be ahead of the database now: show the truth again.
        self.changed.emit(Changes(structure=True, rules=True, library=True))

    def _report(self, exc: BaseException) -> None:
        self.failed.emit(str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}")
