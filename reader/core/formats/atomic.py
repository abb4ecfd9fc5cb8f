"""Writing a file so that a crash leaves the old file or the whole new one, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.core.errors import UserError


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder, synced, then renamed over it.

    `UserError(path, why)` when the folder is missing, the path is a folder or the
    disk refuses; the old file (if any) is then left as it was.
    """
    target = Path(path)
    if target.is_dir():
        raise UserError(str(path), "is a folder; give the file to write")
    if not target.parent.is_dir():
        raise UserError(str(path), f"the folder {target.parent} does not exist")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise UserError(str(path), f"cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException as exc:
        os.unlink(temp)
        if isinstance(exc, OSError):
            raise UserError(str(path), f"cannot write: {exc.strerror or exc}") from None
        raise
    sync_folder(target.parent)
    return target


def sync_folder(folder: Path) -> None:
    # The rename itself lives in the folder's entry list: sync it too, where the
    # platform allows opening a folder (not on Windows).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
