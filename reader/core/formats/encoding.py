"""Turn a file's bytes into clean text, or say precisely why that is impossible.

Order of trust: a byte-order mark, then strict UTF-8 (most files, and the only
encoding where a wrong guess is practically impossible), then
charset-normalizer for the legacy Chinese encodings (GB18030, Big5) and
UTF-16/32 without a BOM.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from reader.core.errors import UserError

_BOMS = (
    # UTF-32 first: its little-endian BOM begins with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Invisible characters that ASR tools and editors leave behind; they would
# break search and make equal-looking segments differ.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_LINE_ENDS = re.compile("\r\n|\r|\u2028|\u2029|\x85")
_ALLOWED_CONTROLS = frozenset("\n\t\f")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, what: str) -> Decoded:
    """Decode and normalise a text file's bytes; `UserError(what, why)` if it is not text."""
    if not data:
        raise UserError(what, "the file is empty")
    text, encoding = _decode(data, what)
    text = normalise(text)
    if _looks_binary(text):
        raise UserError(what, "this is a binary file, not text")
    if not text.strip():
        raise UserError(what, "the file contains only whitespace")
    return Decoded(text, encoding)


def normalise(text: str) -> str:
    """Unix line ends, no BOM or zero-width characters."""
    return _ZERO_WIDTH.sub("", _LINE_ENDS.sub("\n", text))


def _decode(data: bytes, what: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UserError(what, f"starts with a {encoding} byte-order mark but byte {exc.start + len(bom)} is not {encoding}") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        # Charset-normalizer is unreliable on BOM-less UTF-16/32 mixed with
        # ASCII; where the NUL bytes fall tells the byte order exactly.
        for encoding in _nul_column_encodings(data):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                continue
        raise UserError(what, "this is a binary file, not text")
    best = from_bytes(data).best()
    if best is None:
        raise UserError(what, "cannot decode it: not UTF-8, GB18030, Big5 or UTF-16 text")
    return str(best), codecs.lookup(best.encoding).name


def _nul_column_encodings(data: bytes) -> list[str]:
    """The UTF-32/16 byte orders consistent with where most NUL bytes are.

    ASCII in UTF-16-LE puts NUL in odd columns; a few CJK characters (一 is
    U+4E00) put one in the other column, so the majority decides.
    """
    sample = data[:8192]
    odd = sum(1 for i in range(1, len(sample), 2) if sample[i] == 0)
    even = sum(1 for i in range(0, len(sample), 2) if sample[i] == 0)
    candidates = ["utf-32-le", "utf-32-be"] if len(data) % 4 == 0 else []
    if len(data) % 2 == 0:
        candidates.append("utf-16-le" if odd >= even else "utf-16-be")
    return candidates


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    # A stray control character or two survives in real transcripts (copy and
    # paste from terminals); a file made of them is not a transcript.
    return "\x00" in text or controls > max(2, len(text) // 200)
