"""Recordings the tests make for themselves: WAV files of tones (Python's wave module),
so no test depends on a codec, a download or a Debian tool."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path


def write_tones(path: Path, tones: list[tuple[float, float]], rate: int = 8000) -> Path:
    """A mono 16-bit WAV of `(frequency Hz, seconds)` tones one after another (0 Hz: silence)."""
    frames = bytearray()
    for frequency, seconds in tones:
        for i in range(int(rate * seconds)):
            frames += struct.pack("<h", int(9000 * math.sin(2 * math.pi * frequency * i / rate)))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return path


def write_tone(path: Path, seconds: float = 3.0, frequency: float = 440.0) -> Path:
    return write_tones(path, [(frequency, seconds)])
