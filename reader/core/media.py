"""Recordings: is a file audio or video at all, and its fingerprint. No Qt, no library.

The header check is cheap and catches what a person most often points at by
mistake (a transcript, a picture, an empty or cut file) before the player is
asked; whether the codec inside plays is for the player to say.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import Msg, UserError

HEAD_BYTES = 1 << 20  # the fingerprint hashes the first MiB: enough to tell recordings apart, quick on any disk
_PROBE_BYTES = 64

# Recognised by name, for the file dialogs and drag and drop (the header still decides).
EXTENSIONS = (
    ".wav", ".mp3", ".m4a", ".aac", ".flac", ".ogg", ".oga", ".opus",
    ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".wma", ".wmv", ".avi",
)


@dataclass(frozen=True)
class Fingerprint:
    size: int
    head_hash: str  # sha256 of the first HEAD_BYTES, hex


def container(head: bytes) -> str | None:
    """The audio/video container `head` (a file's first bytes) starts, or None."""
    if head[:4] == b"RIFF" and head[8:12] in (b"WAVE", b"AVI "):
        return "wav" if head[8:12] == b"WAVE" else "avi"
    if head[:3] == b"ID3":
        return "mp3"
    if head[:4] == b"fLaC":
        return "flac"
    if head[:4] == b"OggS":
        return "ogg"
    if head[4:8] == b"ftyp":
        return "mp4"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "matroska"  # mkv and webm
    if head[:4] == b"FORM" and head[8:12] in (b"AIFF", b"AIFC"):
        return "aiff"
    if head[:16] == b"\x30\x26\xb2\x75\x8e\x66\xcf\x11\xa6\xd9\x00\xaa\x00\x62\xce\x6c":
        return "asf"  # wma, wmv
    # An MPEG audio frame (mp3 without a tag) or an ADTS frame (raw aac): 11 sync bits set,
    # and for MPEG audio a layer and a bitrate that are not "reserved" or "bad".
    if len(head) >= 4 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        if head[1] & 0xF6 == 0xF0:
            return "aac"
        if head[1] & 0x06 and head[2] >> 4 != 0xF and (head[1] >> 3) & 0x03 != 0x01:
            return "mp3"
    return None


def check_recording(path: str | os.PathLike[str]) -> str:
    """The container of an audio or video file; `UserError` (one line) for a file that is
    missing, not a regular file, unreadable, or does not start like audio or video."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
    except FileNotFoundError:
        raise UserError("{path}", "no such file", path=name) from None
    except OSError as exc:
        raise UserError("{path}", "{reason}", path=name, reason=exc.strerror or Msg("cannot be read")) from None
    if stat.S_ISDIR(info.st_mode):
        raise UserError("{path}", "is a folder, not a recording", path=name)
    if not stat.S_ISREG(info.st_mode):
        raise UserError("{path}", "is not a regular file", path=name)
    if info.st_size == 0:
        raise UserError("{path}", "is empty", path=name)
    try:
        with open(name, "rb") as file:
            head = file.read(_PROBE_BYTES)
    except OSError as exc:
        raise UserError("{path}", "{reason}", path=name, reason=exc.strerror or Msg("cannot be read")) from None
    found = container(head)
    if found is None:
        raise UserError("{path}", "is not an audio or video file (wav, mp3, m4a, flac, ogg, mp4, mkv, webm ...)", path=name)
    return found


def fingerprint(path: str | os.PathLike[str]) -> Fingerprint:
    """Size and a hash of the first MiB: the same recording moved or renamed has the same one."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            head = file.read(HEAD_BYTES)
    except OSError as exc:
        raise UserError("{path}", "{reason}", path=name, reason=exc.strerror or Msg("cannot be read")) from None
    return Fingerprint(size, hashlib.sha256(head).hexdigest())


def is_media_name(path: str | os.PathLike[str]) -> bool:
    """Whether a file's name says recording (a dropped file goes to attach, not import)."""
    return Path(path).suffix.lower() in EXTENSIONS
