"""Writing a file so that a crash leaves the old file or the whole new one, never half."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from reader.core.errors import Msg, UserError
from reader.core.tempfiles import make_temp, remove_stale_temps, sync_folder, umask_mode

__all__ = ["make_temp", "remove_stale_temps", "sync_folder", "umask_mode", "write_atomic"]


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder, synced, then renamed over it.

    The file gets the mode the umask gives a new file. `UserError(path, why)`
    when the folder is missing, the path is a folder or the disk refuses; the
    old file (if any) is then left as it was.
    """
    target = Path(path)
    if target.is_dir():
        raise UserError("{path}", "is a folder; give the file to write", path=str(path))
    if not target.parent.is_dir():
        raise UserError("{path}", "the folder {folder} does not exist", path=str(path), folder=target.parent)
    remove_stale_temps(target.parent)
    try:
        handle, temp = make_temp(target.parent)
    except OSError as exc:
        raise UserError("{path}", "cannot write here: {reason}", path=str(path), reason=_reason(exc)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, umask_mode())
        os.replace(temp, target)
    except BaseException as exc:
        os.unlink(temp)
        if isinstance(exc, OSError):
            raise UserError("{path}", "cannot write: {reason}", path=str(path), reason=_reason(exc)) from None
        raise
    sync_folder(target.parent)
    return target


def _reason(exc: OSError) -> str | Msg:
    said = str(exc.strerror or exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return Msg("the disk is full ({reason}); nothing was written", reason=said)
    if exc.errno == errno.EROFS:
        return Msg("the disk is read-only ({reason}); nothing was written", reason=said)
    return said
