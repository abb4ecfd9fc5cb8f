"""The cleaned column's supplier: cleans segments on the "clean" lane, never on the GUI thread.

Views ask for the cleaned form of (segment id, text, kind, next segment's text) under the
current settings (what `reader.core.text.shown.automatic` makes of it: the sentences stage
reads the start of the next segment); answers come back in batches through `cleaned`.
Results are cached per (segment id, text, next text, settings, rules and glossary terms), so switching a stage
off and on again costs nothing the second time, and a split or merge of the next segment
(the only way its raw text changes) cleans this one again. Whether a segment only repeats
the one before (`repeats`) is decided by the view from two results, as
`reader.core.text.shown.shown_run` decides it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.kinds import SegmentKind
from reader.ui.settings import STAGES, Settings
from reader.ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from reader.core.text import Cleaned, Cleaner, CleanSettings, Rule

def shown() -> ModuleType:
    """`reader.core.text.shown`, imported when first needed: it brings jieba and OpenCC (~120 ms),
    which the window must not wait for at start-up; the clean lane loads them in `warm_up`."""
    import reader.core.text.shown

    return reader.core.text.shown


CACHE_LIMIT = 200_000
# Small batches, newest requests first: after a jump the rows now on screen are
# cleaned next, and work for rows scrolled past is given up.
BATCH = 32
WANTED_LIMIT = 1_000

# (segment id, text, CleanSettings, rules version, segment kind, the next segment's raw text:
# "" after the last, None when not known)
Key = tuple[int, str, "CleanSettings", int, SegmentKind, str | None]
REPEATS_KEPT = 4_096
# (settings, the transcript's rules, its glossary terms) -> a Cleaner
CleanerFactory = Callable[["CleanSettings", tuple["Rule", ...], tuple[str, ...]], "Cleaner"]


@dataclass(frozen=True, slots=True)
class CleanResult:
    """A segment's Cleaned with its marks worked out on the clean lane, so painting only looks them up."""

    cleaned: Cleaned
    removed: list[tuple[int, int, str]]  # raw spans cleaning took out
    changed: list[tuple[int, int, str]]  # cleaned spans a stage wrote

    @property
    def text(self) -> str:
        return self.cleaned.text

    def to_raw(self, pos: int) -> int:
        return self.cleaned.to_raw(pos)


# reader.core.text loads the segmenter's and OpenCC's modules, a tenth of a second the window
# does not wait for at start-up: it is imported by these two functions, where first used.
def default_cleaner_factory(settings: CleanSettings, rules: tuple[Rule, ...], glossary: tuple[str, ...] = ()) -> Cleaner:
    from reader.core.text import Cleaner

    return Cleaner(settings, rules, glossary)


def clean_settings_from(settings: Settings) -> CleanSettings:
    from reader.core.text import CleanSettings

    stages: dict[str, Any] = {stage: settings.stage(stage) for stage in STAGES}
    return CleanSettings(script=settings.script(), **stages)


class CleanService(QObject):
    cleaned = Signal()  # new results are in `result()`; views repaint what they show
    settings_changed = Signal()
    ready = Signal()  # the segmenter is loaded

    def __init__(
        self,
        runner: TaskRunner,
        settings: CleanSettings,
        cleaner_factory: CleanerFactory = default_cleaner_factory,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._runner = runner
        self._factory = cleaner_factory
        self._settings = settings
        self._rules: tuple[Rule, ...] = ()
        self._glossary: tuple[str, ...] = ()
        # A glossary term changes where the segmenter cuts, and so what some stages decide:
        # the rules and the terms together number the cleaner.
        self._rules_numbers: dict[tuple[tuple[Rule, ...], tuple[str, ...]], int] = {((), ()): 0}
        self._rules_version = 0
        self._cache: dict[Key, CleanResult] = {}
        self._wanted: dict[Key, None] = {}  # insertion-ordered set
        self._in_flight: set[Key] = set()
        self._failures: set[Key] = set()  # not retried on every repaint
        self._repeats: dict[tuple[str, str], bool] = {}
        # Only touched on the clean lane.
        self._cleaners: dict[tuple[CleanSettings, int], Cleaner] = {}
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush)
        self.is_ready = False

    # settings and rules
    def set_settings(self, settings: CleanSettings) -> None:
        if settings == self._settings:
            return
        self._settings = settings
        self._wanted.clear()
        self.settings_changed.emit()

    def set_rules(self, rules: Iterable[Rule]) -> None:
        fresh = tuple(rules)
        if fresh == self._rules:
            return
        self._rules = fresh
        self._renumber()

    def set_glossary(self, terms: Iterable[str]) -> None:
        """The open transcript's glossary terms (its own and the global ones), whole words of the segmenter."""
        fresh = tuple(sorted(set(terms)))
        if fresh == self._glossary:
            return
        self._glossary = fresh
        self._renumber()

    def _renumber(self) -> None:
        # The same rules and terms get the same number back, so a transcript opened again finds its cache.
        key = (self._rules, self._glossary)
        self._rules_version = self._rules_numbers.setdefault(key, len(self._rules_numbers))
        self._wanted.clear()
        self.settings_changed.emit()

    def warm_up(self) -> None:
        settings, rules, glossary, version = self._settings, self._rules, self._glossary, self._rules_version

        def work(task: Task) -> None:
            self._cleaner_for(settings, rules, glossary, version).warm_up()

        self._runner.submit("clean", work, on_done=self._on_ready, description="load the segmenter")

    def _on_ready(self, _result: object) -> None:
        self.is_ready = True
        self.ready.emit()

    # lookups
    def key(self, segment_id: int, text: str, kind: SegmentKind = SegmentKind.TEXT, next_raw: str | None = None) -> Key:
        return (segment_id, text, self._settings, self._rules_version, SegmentKind(kind), next_raw)

    def result(
        self, segment_id: int, text: str, kind: SegmentKind = SegmentKind.TEXT, next_raw: str | None = None
    ) -> CleanResult | None:
        """The cleaned form if known, else None and the work is queued."""
        key = self.key(segment_id, text, kind, next_raw)
        found = self._cache.get(key)
        if found is None and key not in self._in_flight and key not in self._failures:
            self._wanted[key] = None
            self._flush_timer.start()
        return found

    def cached(
        self, segment_id: int, text: str, kind: SegmentKind = SegmentKind.TEXT, next_raw: str | None = None
    ) -> CleanResult | None:
        return self._cache.get(self.key(segment_id, text, kind, next_raw))

    def prefetch(self, items: Iterable[tuple[int, str, SegmentKind, str | None]]) -> None:
        for segment_id, text, kind, next_raw in items:
            self.result(segment_id, text, kind, next_raw)

    def repeats(self, text: str, previous_read: str) -> bool:
        """Whether a segment whose cleaned text is `text` only repeats the previous one, which
        reads `previous_read` (`reader.core.text.shown.read_before`); never with loops off."""
        if not previous_read or not getattr(self._settings, "loops", True):
            return False
        found = self._repeats.get((text, previous_read))
        if found is None:
            if len(self._repeats) >= REPEATS_KEPT:
                self._repeats.clear()
            found = self._repeats[(text, previous_read)] = shown().repeats(text, previous_read)
        return found

    def _flush(self) -> None:
        if not self._wanted:
            return
        wanted = list(self._wanted)
        keys = wanted[-BATCH:]
        for key in wanted[: max(0, len(wanted) - WANTED_LIMIT)] + keys:
            del self._wanted[key]
        self._in_flight.update(keys)
        settings, rules, glossary, version = self._settings, self._rules, self._glossary, self._rules_version

        def work(task: Task) -> list[tuple[Key, CleanResult]]:
            cleaner = self._cleaner_for(settings, rules, glossary, version)
            results = []
            for key in keys:
                cleaned = shown().automatic(key[4], key[1], cleaner, key[5])
                results.append((key, CleanResult(cleaned, cleaned.raw_spans_removed(), cleaned.clean_spans_changed())))
            return results

        self._runner.submit(
            "clean", work, on_done=self._arrived, on_error=lambda _e: self._failed(keys), description="clean"
        )
        if self._wanted:
            self._flush_timer.start()

    def text_of(self) -> Callable[[Sequence[Any]], list[str]]:
        """A function giving segments' texts as the reader shows them: correction, else cleaned,
        each read between its neighbours (consecutive segments of one transcript, in order).

        For core operations that work on that text (find, replace-all, merge) on
        another lane; it reuses cleaned results already made for the view. The
        core's Cleaner is thread-safe once warmed up.
        """
        cleaned_of, cleaner = self._cleaned_of()

        def text_of(segments: Sequence[Any]) -> list[str]:  # Segment rows of the core's
            from reader.core.text import shown_run

            return [shown.text for shown in shown_run(segments, cleaner(), cleaned_of)]

        return text_of

    def hits_counter(self) -> Callable[[Iterable[Any]], dict[Rule, int]]:
        """A function giving {rule: hits} over segments (corrected ones left out), as the view applies the rules.

        For another lane, like `text_of`."""
        cleaned_of, _cleaner = self._cleaned_of()

        def count(segments: Iterable[Any]) -> dict[Rule, int]:
            hits: dict[Rule, int] = {}
            for segment in segments:
                if segment.correction is not None or segment.kind != SegmentKind.TEXT:
                    continue  # rules apply to speech only, as in rules.count_hits
                # The rules run before the stage that reads the next segment: any view's result will do.
                for rule, n in cleaned_of(segment, None).rule_hits.items():
                    hits[rule] = hits.get(rule, 0) + n
            return hits

        return count

    def _cleaned_of(self) -> tuple[Callable[[Any, str | None], Cleaned], Callable[[], Cleaner]]:
        """(cleaned_of(segment, next raw), cleaner()) under the settings and rules of now, from any lane:
        the view's result when there is one, else cleaned by a Cleaner of its own, made on first need."""
        settings, rules, glossary, version = self._settings, self._rules, self._glossary, self._rules_version
        cache = self._cache
        made: Cleaner | None = None

        def cleaner() -> Cleaner:
            nonlocal made
            if made is None:
                made = self._factory(settings, rules, glossary)
            return made

        def cleaned_of(segment: Any, next_raw: str | None) -> Cleaned:
            known = cache.get((segment.id, segment.raw, settings, version, SegmentKind(segment.kind), next_raw))
            if known is not None:
                return known.cleaned
            return shown().automatic(segment.kind, segment.raw, cleaner(), next_raw)

        return cleaned_of, cleaner

    def _cleaner_for(self, settings: CleanSettings, rules: tuple[Rule, ...], glossary: tuple[str, ...], version: int) -> Cleaner:
        cleaner = self._cleaners.get((settings, version))
        if cleaner is None:
            if len(self._cleaners) > 16:
                self._cleaners.clear()
            cleaner = self._factory(settings, rules, glossary)
            self._cleaners[(settings, version)] = cleaner
        return cleaner

    def _arrived(self, pairs: list[tuple[Key, CleanResult]]) -> None:
        if len(self._cache) + len(pairs) > CACHE_LIMIT:
            self._cache.clear()
        for key, cleaned in pairs:
            self._in_flight.discard(key)
            self._cache[key] = cleaned
        self.cleaned.emit()

    def _failed(self, keys: list[Key]) -> None:
        # Already logged by the task; leaving them out of the cache shows the raw text.
        self._in_flight.difference_update(keys)
        self._failures.update(keys)
