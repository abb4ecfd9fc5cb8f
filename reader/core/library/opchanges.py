"""What an operation changed: the one record every view refreshes from (Anki's OpChanges).

Every operation of the library returns it (or a record with a `changes`
property), so a front end never works out by hand what to refresh. A view
reads the fields that concern it and ignores the rest.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpChanges:
    # Transcripts concerned; empty means any transcript may be (a global rule, a renamed speaker).
    transcripts: frozenset[int] = frozenset()
    # Segments whose own content (text, correction, speaker, topics) changed: refresh those rows.
    segments: frozenset[int] = frozenset()
    structure: bool = False  # segments added, removed or renumbered: reload the transcripts whole
    rules: bool = False  # correction rules changed: the cleaned text may read differently
    library: bool = False  # transcripts added or removed, or another library opened
    labels: bool = False  # speakers or topics made, renamed, recoloured, merged, deleted or (re)assigned
    # Glossary terms added or removed (of `transcripts`; empty: the global glossary): suggestions,
    # and the segmenter's words, differ. The text of no segment changes.
    glossary: bool = False
    # Read from the change log (another app, the CLI): a view keeps its rows when the
    # transcript is still made of the same segments, instead of starting afresh.
    remote: bool = False

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(
            _scope(self, other),
            self.segments | other.segments,
            structure=self.structure or other.structure,
            rules=self.rules or other.rules,
            library=self.library or other.library,
            labels=self.labels or other.labels,
            glossary=self.glossary or other.glossary,
            remote=self.remote and other.remote,
        )

    def touches_anything(self) -> bool:
        return bool(self.transcripts or self.segments or self.structure or self.rules or self.library or self.labels or self.glossary)

    @classmethod
    def of_segments(cls, transcript_id: int, segment_ids: frozenset[int] | set[int]) -> OpChanges:
        return cls(frozenset({transcript_id}), frozenset(segment_ids))

    @classmethod
    def restructured(cls, *transcript_ids: int) -> OpChanges:
        return cls(frozenset(transcript_ids), structure=True)


def _scope(a: OpChanges, b: OpChanges) -> frozenset[int]:
    """The transcripts two changes concern together: "any" (empty) wins over named ones."""
    if not a.touches_anything():
        return b.transcripts
    if not b.touches_anything() or (a.transcripts and b.transcripts):
        return a.transcripts | b.transcripts
    return frozenset()


NOTHING = OpChanges()
LIBRARY = OpChanges(library=True)  # a library opened, transcripts imported
RULES = OpChanges(rules=True)  # any rule added, edited, removed or imported
# After a refused operation the screen may be ahead of the database: show the truth again.
EVERYTHING = OpChanges(structure=True, rules=True, library=True, labels=True, glossary=True)
