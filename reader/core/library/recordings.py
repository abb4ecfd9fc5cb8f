"""A transcript's recording: attached, found again after a move, detached.

Only the path and a fingerprint (size, hash of the first MiB) are stored; the file
stays where the person keeps it. Pointing at a file again whose fingerprint is
the stored one is a relink ("found again"); another file replaces the recording.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.core import media
from reader.core.errors import UserError
from reader.core.library.db import Library
from reader.core.library.models import Recording, utcnow
from reader.core.library.opchanges import OpChanges
from reader.core.library.queries import transcript_in


@dataclass(frozen=True)
class RecordingInfo:
    transcript_id: int
    path: str
    size: int
    head_hash: str
    # What attaching did: "attached" (new), "found again" (same fingerprint, new place),
    # "replaced" (another recording), "unchanged" (the same file at the same place).
    outcome: str = "attached"

    @property
    def missing(self) -> bool:
        """Whether the file is no longer where it was stored (checked now, on disk)."""
        return not os.path.isfile(self.path)

    @property
    def changes(self) -> OpChanges:
        return OpChanges(frozenset({self.transcript_id}))


def _info(row: Recording, outcome: str = "attached") -> RecordingInfo:
    return RecordingInfo(row.transcript_id, row.path, row.size, row.head_hash, outcome)


def attach(
    lib: Library, transcript_id: int, path: str | os.PathLike[str], *, check: Callable[[str], object] = media.check_recording
) -> RecordingInfo:
    """Attach (or relink) the recording at `path` to a transcript.

    `check` refuses what is not a recording with a `UserError` (default: the header
    check; the app adds its player's verdict). The file is read before the write
    transaction, so the library is never locked while a slow disk answers.
    """
    name = str(Path(path).absolute())
    check(name)
    found = media.fingerprint(name)
    with lib.write() as session:
        transcript_in(session, transcript_id)
        row = session.get(Recording, transcript_id)
        if row is None:
            row = Recording(transcript_id=transcript_id, path=name, size=found.size, head_hash=found.head_hash)
            session.add(row)
            outcome = "attached"
        else:
            same = (row.size, row.head_hash) == (found.size, found.head_hash)
            outcome = ("unchanged" if row.path == name else "found again") if same else "replaced"
            row.path, row.size, row.head_hash, row.attached_at = name, found.size, found.head_hash, utcnow()
        session.flush()
        return _info(row, outcome)


def recording_of(lib: Library, transcript_id: int) -> RecordingInfo | None:
    """The transcript's recording, or None; `UserError` for a transcript that is not there."""
    with lib.read() as session:
        transcript_in(session, transcript_id)
        row = session.get(Recording, transcript_id)
        return None if row is None else _info(row)


def detach(lib: Library, transcript_id: int) -> RecordingInfo | None:
    """Forget the transcript's recording (the file is left alone); the one it had, or None."""
    with lib.write() as session:
        transcript_in(session, transcript_id)
        row = session.get(Recording, transcript_id)
        if row is None:
            return None
        info = _info(row)
        session.delete(row)
        return info


def same_recording(info: RecordingInfo, path: str | os.PathLike[str]) -> bool:
    """Whether the file at `path` is the stored recording (fingerprint), wherever it is now."""
    try:
        found = media.fingerprint(path)
    except UserError:
        return False
    return (found.size, found.head_hash) == (info.size, info.head_hash)
