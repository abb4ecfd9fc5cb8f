"""What the app remembers between runs (QSettings, organization "transcript-reader")."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QByteArray, QSettings

from reader import APP_NAME

MAX_RECENT = 8
LANGUAGES = ("system", "en", "zh_CN")
SCRIPTS = ("simplified", "traditional", "keep")
# In the pipeline's order (reader.core.text.STAGES; script is chosen apart).
STAGES = ("fillers", "stutters", "loops", "rules", "punctuation", "sentences", "spacing")
STAGE_DEFAULTS = {
    "fillers": True, "stutters": True, "loops": True, "rules": True, "punctuation": True, "sentences": True, "spacing": False,
}


def _as_bool(value: object, default: bool) -> bool:
    # QSettings hands back strings from INI files and bools from the registry.
    if value is None:
        return default
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


class Settings:
    def __init__(self, qsettings: QSettings | None = None):
        self._s = qsettings or QSettings(APP_NAME, APP_NAME)

    def sync(self) -> None:
        self._s.sync()

    # language
    def language(self) -> str:
        value = self._s.value("ui/language", "system")
        return value if value in LANGUAGES else "system"

    def set_language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(value)
        self._s.setValue("ui/language", value)

    # recent libraries, most recent first
    def recent_libraries(self) -> list[str]:
        value = self._s.value("library/recent", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in value if v] if isinstance(value, list) else []

    def add_recent_library(self, db: str) -> None:
        recent = [db] + [r for r in self.recent_libraries() if r != db]
        self._s.setValue("library/recent", recent[:MAX_RECENT])

    # the transcript that was open in each library, reopened at the next start
    @staticmethod
    def _library_key(library: str) -> str:
        # A path or URL has slashes and colons, which QSettings reads as groups.
        return "library/last-transcript/" + hashlib.sha1(library.encode("utf-8")).hexdigest()[:16]

    def last_transcript(self, library: str) -> int | None:
        value = self._s.value(self._library_key(library))
        try:
            return int(value)
        except (TypeError, ValueError):
            return None

    def set_last_transcript(self, library: str, transcript_id: int) -> None:
        self._s.setValue(self._library_key(library), transcript_id)

    # where each transcript was last read: the row at the top of the view
    @staticmethod
    def _place_key(library: str, transcript_id: int) -> str:
        return "library/last-read/" + hashlib.sha1(library.encode("utf-8")).hexdigest()[:16] + f"/{transcript_id}"

    def last_read(self, library: str, transcript_id: int) -> int | None:
        """The row the transcript was last read at (at the top of the view)."""
        try:
            return int(self._s.value(self._place_key(library, transcript_id)))
        except (TypeError, ValueError):
            return None

    def set_last_read(self, library: str, transcript_id: int, row: int) -> None:
        self._s.setValue(self._place_key(library, transcript_id), row)

    # the name revisions give as their author ("" for the default, the OS user)
    def author(self) -> str:
        value = self._s.value("revisions/author", "")
        return value.strip() if isinstance(value, str) else ""

    def set_author(self, name: str) -> None:
        if name.strip():
            self._s.setValue("revisions/author", name.strip())
        else:
            self._s.remove("revisions/author")

    # window layout
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None, QByteArray | None]:
        return (
            self._s.value("window/geometry"),
            self._s.value("window/state"),
            self._s.value("window/splitter"),
        )

    def set_window_state(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)
        self._s.setValue("window/splitter", splitter)

    # the speaker and topic columns, also on transcripts nobody is labelled in yet
    def labels_shown(self) -> bool:
        return _as_bool(self._s.value("view/labels"), False)

    def set_labels_shown(self, on: bool) -> None:
        self._s.setValue("view/labels", on)

    # the cleaned view
    def script(self) -> str:
        value = self._s.value("clean/script", "simplified")
        return value if value in SCRIPTS else "simplified"

    def set_script(self, value: str) -> None:
        self._s.setValue("clean/script", value)

    def stage(self, name: str) -> bool:
        return _as_bool(self._s.value(f"clean/{name}"), STAGE_DEFAULTS[name])

    def set_stage(self, name: str, on: bool) -> None:
        self._s.setValue(f"clean/{name}", on)

    # listening
    def replay_ms(self) -> int:
        """How far Ctrl+R goes back (media/replay_ms; 3 s unless set)."""
        value = self._s.value("media/replay_ms", 3000)
        try:
            return max(500, min(60_000, int(str(value))))
        except ValueError:
            return 3000

    def follow_playback(self) -> bool:
        return _as_bool(self._s.value("media/follow"), True)

    def set_follow_playback(self, on: bool) -> None:
        self._s.setValue("media/follow", on)
