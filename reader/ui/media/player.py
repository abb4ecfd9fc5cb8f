"""The player the window talks to: a small interface, so tests drive a fake one.

`QtPlayer` is Qt Multimedia's QMediaPlayer (PySide6-Addons; its FFmpeg backend
plays wav, mp3, m4a/aac, flac, ogg, mp4, mkv, webm and keeps the pitch when the
rate changes where it can). Without a sound device the backend still runs its
clock, so positions advance and the rows follow, silently; the bar says so.
Without Qt Multimedia at all, loading says why in one line.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtWidgets import QWidget

RATES = (0.5, 0.6, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)


class Player(QObject):
    """What the listening code needs of a player. Positions and durations in ms."""

    position_changed = Signal(int)
    duration_changed = Signal(int)
    playing_changed = Signal(bool)
    loaded = Signal(str)  # the path that opened and can play
    failed = Signal(str, str)  # the path, why it cannot be played (one line)
    has_video_changed = Signal(bool)

    def load(self, path: str | None) -> None:
        raise NotImplementedError

    def play(self) -> None:
        raise NotImplementedError

    def pause(self) -> None:
        raise NotImplementedError

    def seek(self, ms: int) -> None:
        raise NotImplementedError

    def position(self) -> int:
        raise NotImplementedError

    def duration(self) -> int:
        raise NotImplementedError

    def is_playing(self) -> bool:
        raise NotImplementedError

    def set_rate(self, rate: float) -> None:
        raise NotImplementedError

    def rate(self) -> float:
        raise NotImplementedError

    def set_volume(self, volume: float) -> None:
        raise NotImplementedError

    def set_video_output(self, widget: QWidget) -> None:
        """Where a video is shown (a QVideoWidget); a player without video ignores it."""

    def note(self) -> str:
        """Something the person should know about playing here (no sound device), else ""."""
        return ""

    def toggle(self) -> None:
        self.pause() if self.is_playing() else self.play()


def multimedia_missing() -> str:
    """Why recordings cannot play here ("" when they can)."""
    try:
        from PySide6 import QtMultimedia  # noqa: F401
    except ImportError as exc:
        return QCoreApplication.translate("Player", "playing recordings needs Qt Multimedia (pip install PySide6-Addons): %1").replace(
            "%1", str(exc)
        )
    return ""


class QtPlayer(Player):
    """QMediaPlayer, made when the first recording is loaded: a window without one starts no backend."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._path: str | None = None
        self._missing = ""
        self._silent = False
        self._player: Any = None
        self._audio: Any = None

    def _ensure(self) -> bool:
        if self._player is not None:
            return True
        self._missing = multimedia_missing()
        if self._missing:
            return False
        from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer

        self._status = QMediaPlayer.MediaStatus
        self._player = QMediaPlayer(self)
        self._audio = QAudioOutput(self)
        self._player.setAudioOutput(self._audio)
        self._silent = not QMediaDevices.audioOutputs()
        # qint64 in Qt: relayed as Python ints
        self._player.positionChanged.connect(lambda ms: self.position_changed.emit(int(ms)))
        self._player.durationChanged.connect(lambda ms: self.duration_changed.emit(int(ms)))
        playing = QMediaPlayer.PlaybackState.PlayingState
        self._player.playbackStateChanged.connect(lambda state: self.playing_changed.emit(state == playing))
        self._player.hasVideoChanged.connect(self.has_video_changed)
        self._player.errorOccurred.connect(self._error)
        self._player.mediaStatusChanged.connect(self._status_changed)
        return True

    def _error(self, _error: object, text: str) -> None:
        if self._path is not None:
            self.failed.emit(self._path, " ".join((text or _cannot_be_played()).split()))

    def _status_changed(self, status: object) -> None:
        if self._path is None:
            return
        if status == self._status.LoadedMedia:
            self.loaded.emit(self._path)
        elif status == self._status.InvalidMedia and self._player is not None and not self._player.errorString():
            self.failed.emit(self._path, _cannot_be_played())

    def load(self, path: str | None) -> None:
        self._path = path
        if path is None:
            if self._player is not None:
                self._player.setSource(QUrl())
            return
        if not self._ensure():
            self.failed.emit(path, self._missing)
            return
        self._player.setSource(QUrl.fromLocalFile(path))

    def play(self) -> None:
        if self._player is not None:
            self._player.play()

    def pause(self) -> None:
        if self._player is not None:
            self._player.pause()

    def seek(self, ms: int) -> None:
        if self._player is not None:
            self._player.setPosition(max(0, ms))

    def position(self) -> int:
        return self._player.position() if self._player is not None else 0

    def duration(self) -> int:
        return self._player.duration() if self._player is not None else 0

    def is_playing(self) -> bool:
        if self._player is None:
            return False
        from PySide6.QtMultimedia import QMediaPlayer

        return bool(self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState)

    def set_rate(self, rate: float) -> None:
        if self._player is not None:
            self._player.setPlaybackRate(rate)

    def rate(self) -> float:
        return self._player.playbackRate() if self._player is not None else 1.0

    def set_volume(self, volume: float) -> None:
        if self._audio is not None:
            self._audio.setVolume(volume)

    def set_video_output(self, widget: QWidget) -> None:
        if self._player is not None:
            self._player.setVideoOutput(widget)

    def note(self) -> str:
        if self._missing:
            return multimedia_missing() or self._missing  # worded in the language on screen now
        if self._silent:
            return QCoreApplication.translate("Player", "no sound device: the recording plays silently (the rows still follow it)")
        return ""


def _cannot_be_played() -> str:
    return QCoreApplication.translate("Player", "cannot be played")
