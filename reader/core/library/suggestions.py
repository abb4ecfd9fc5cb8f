"""A transcript's suggestions: what the glossary finds in the text the reader shows.

The text is `shown_text` (a person's correction, else the cleaned text under the
transcript's rules), cut by the segmenter with the glossary's terms as words.
A suggestion a person ignored (`ignore`) is left out for that segment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select

from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.glossary import text_terms, words
from reader.core.library.models import IgnoredSuggestion, Segment
from reader.core.library.opchanges import OpChanges
from reader.core.library.queries import SegmentRow, transcript_in, transcript_segments
from reader.core.library.rules import text_rules
from reader.core.text import Cleaner, CleanSettings, segmenter, shown_text
from reader.core.text.suggest import Dictionary, Glossary, Suggestion, Term, suggest

CONTEXT_CHARS = 10


@dataclass(frozen=True)
class SegmentSuggestion:
    segment_id: int
    position: int
    start: int
    end: int
    found: str
    suggestion: str
    kind: str
    text: str  # the shown text the offsets point into

    @property
    def context(self) -> str:
        before = self.text[max(0, self.start - CONTEXT_CHARS):self.start]
        after = self.text[self.end:self.end + CONTEXT_CHARS]
        return f"{before}[{self.found}]{after}"

    @property
    def fixed(self) -> str:
        """The segment's text with this suggestion taken."""
        return self.text[:self.start] + self.suggestion + self.text[self.end:]


def dictionary() -> Dictionary:
    return Dictionary(segmenter.freq, segmenter.tag)


def shown_rows(lib: Library, transcript_id: int, settings: CleanSettings | None = None) -> list[tuple[SegmentRow, str]]:
    """(row, the text the reader shows) for each text segment of a transcript."""
    _title, rows = transcript_segments(lib, transcript_id)
    cleaner = Cleaner(settings, text_rules(lib, transcript_id), words(lib, transcript_id))
    return [(row, shown_text(row.kind, row.raw, row.correction, cleaner)) for row in rows if row.kind == SegmentKind.TEXT]


def scan(rows: Sequence[tuple[SegmentRow, str]], glossary: Glossary) -> list[SegmentSuggestion]:
    """Every suggestion in the given rows' shown texts."""
    segmenter.add_glossary(glossary.words)
    words = dictionary()
    found = []
    for row, text in rows:
        for s in suggest(text, segmenter.cut(text), glossary, words):
            found.append(_record(row, text, s))
    return found


def _record(row: SegmentRow, text: str, s: Suggestion) -> SegmentSuggestion:
    return SegmentSuggestion(row.id, row.position, s.start, s.end, s.found, s.suggestion, s.kind, text)


def transcript_suggestions(
    lib: Library,
    transcript_id: int,
    terms: Sequence[Term] | None = None,
    settings: CleanSettings | None = None,
    *,
    with_ignored: bool = False,
) -> list[SegmentSuggestion]:
    """The suggestions for a transcript, from its glossary (or `terms`), less the ignored ones."""
    if terms is None:
        terms = text_terms(lib, transcript_id)
    rows = shown_rows(lib, transcript_id, settings)
    if not terms:
        return []
    found = scan(rows, Glossary(terms))
    if with_ignored:
        return found
    ignored = ignored_in(lib, transcript_id)
    return [s for s in found if (s.segment_id, s.found, s.suggestion) not in ignored]


def ignored_in(lib: Library, transcript_id: int) -> set[tuple[int, str, str]]:
    with lib.read() as session:
        transcript_in(session, transcript_id)
        rows = session.execute(
            select(IgnoredSuggestion.segment_id, IgnoredSuggestion.found, IgnoredSuggestion.suggestion)
            .join(Segment, Segment.id == IgnoredSuggestion.segment_id)
            .where(Segment.transcript_id == transcript_id)
        )
        return {(sid, found, suggestion) for sid, found, suggestion in rows}


def ignore(lib: Library, segment_id: int, found: str, suggestion: str, *, ignored: bool = True) -> OpChanges:
    """Remember (or, with `ignored=False`, forget) that FOUND -> SUGGESTION is not wanted in a segment."""
    match = (IgnoredSuggestion.segment_id == segment_id, IgnoredSuggestion.found == found, IgnoredSuggestion.suggestion == suggestion)
    with lib.write() as session:
        segment = session.get(Segment, segment_id)
        transcript_id = segment.transcript_id if segment is not None else None
        session.execute(delete(IgnoredSuggestion).where(*match))
        if ignored and segment is not None:
            session.add(IgnoredSuggestion(segment_id=segment_id, found=found, suggestion=suggestion))
    return OpChanges(transcripts=frozenset({transcript_id} if transcript_id is not None else ()))
