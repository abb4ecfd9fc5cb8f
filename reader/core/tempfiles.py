"""Temporary files beside their targets, and leftovers of killed writers.

Every temporary file the app writes beside a target (an export, a backup, a
new library) is named `.tr-<pid>-<random>.part`: short, so it never makes a
path too long whatever the target's name, and naming the process that writes
it, so that the next writer can tell a killed process's leftover from a file
still being written and remove it (`remove_stale_temps`).
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

TEMP_PREFIX = ".tr-"
TEMP_SUFFIX = ".part"
_TEMP_NAME = re.compile(r"\.(?:tr|backup)-(?:(\d+)-)?[^/]*\.part\Z")
# A leftover whose writer cannot be told (no pid in its name, or the pid now
# belongs to someone else) is removed once it is this old.
STALE_AFTER_S = 60
_PID_REUSED_AFTER_S = 24 * 3600


def make_temp(folder: Path) -> tuple[int, Path]:
    """(open handle, path) of a new temporary file in `folder`; `OSError` if the folder refuses."""
    handle, name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=folder)
    return handle, Path(name)


def remove_stale_temps(folder: Path) -> list[Path]:
    """Remove the temporary files of writers that died (killed, power cut) from `folder`; returns them.

    A file is stale when the process its name gives is gone, or when it is
    older than a minute and its name gives no process (older versions' names).
    Files of living processes are kept: they may be being written now.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        pid = int(match.group(1)) if match.group(1) else None
        if pid == os.getpid():
            continue
        dead = pid is not None and not _alive(pid)
        if dead or (pid is None and age > STALE_AFTER_S) or age > _PID_REUSED_AFTER_S:
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or a platform that cannot tell: keep its file
    return True


def umask_mode(mode: int = 0o666) -> int:
    """`mode` as the process's umask lets a new file have it (mkstemp makes every file 0600)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mode & ~mask


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
