"""The library's glossary: the words its talks should contain (`模态`, `ChatGPT`, `scaling law`).

A term is global (`transcript_id` None) or for one transcript, with optional known
misspellings (aliases). Rules and the glossary stay distinct: a rule rewrites text,
a term is what the text should contain. Terms go into the segmenter (never split)
and are what `reader.core.text.suggest` looks for.

TSV: `term<TAB>alias,alias` a line; the alias field may be missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from reader.core.errors import Msg, UserError
from reader.core.formats.atomic import write_atomic
from reader.core.library.db import Library
from reader.core.library.models import GlossaryTerm
from reader.core.library.opchanges import OpChanges
from reader.core.library.queries import transcript_in
from reader.core.text import segmenter
from reader.core.text.suggest import Term

# Commas separate aliases in a TSV field; tabs and line breaks separate fields and lines.
_FORBIDDEN = "\t\r\n,"


@dataclass(frozen=True)
class GlossaryEntry:
    id: int
    term: str
    aliases: tuple[str, ...]
    transcript_id: int | None

    def text_term(self) -> Term:
        return Term(self.term, self.aliases)

    @property
    def changes(self) -> OpChanges:
        # Suggestions and the segmenter's words change, never a segment's text.
        return OpChanges(frozenset(() if self.transcript_id is None else {self.transcript_id}), glossary=True)


def _record(row: GlossaryTerm) -> GlossaryEntry:
    return GlossaryEntry(row.id, row.term, _split_aliases(row.aliases), row.transcript_id)


def _split_aliases(stored: str) -> tuple[str, ...]:
    return tuple(a for a in stored.split("\n") if a)


def _clean_word(word: str, what: Msg) -> str:
    word = " ".join(word.split())
    if not word:
        raise UserError(what, "give a word (it is empty)")
    if any(ch in word for ch in _FORBIDDEN):
        raise UserError("{field} {word!r}", "must not hold a comma or a tab", field=what, word=word)
    return word


def _clean_aliases(term: str, aliases: list[str] | tuple[str, ...]) -> list[str]:
    found: list[str] = []
    for alias in aliases:
        alias = _clean_word(alias, Msg("alias"))
        if alias != term and alias not in found:
            found.append(alias)
    return found


def _scope(transcript_id: int | None):  # type: ignore[no-untyped-def]
    return GlossaryTerm.transcript_id.is_(None) if transcript_id is None else GlossaryTerm.transcript_id == transcript_id


def list_terms(lib: Library, transcript_id: int | None = None, *, own_only: bool = False) -> list[GlossaryEntry]:
    """Every term; with `transcript_id` the ones for that transcript (global ones too unless `own_only`)."""
    with lib.read() as session:
        return terms_in(session, transcript_id, own_only=own_only, every=transcript_id is None and not own_only)


def terms_in(session: Session, transcript_id: int | None, *, own_only: bool = False, every: bool = False) -> list[GlossaryEntry]:
    """`list_terms` in a transaction already open; `every`: all terms of the library."""
    query = select(GlossaryTerm).order_by(GlossaryTerm.transcript_id.is_not(None), GlossaryTerm.transcript_id, GlossaryTerm.id)
    if transcript_id is not None:
        transcript_in(session, transcript_id)
    if not every:
        scope = _scope(transcript_id)
        if transcript_id is not None and not own_only:
            scope = or_(GlossaryTerm.transcript_id.is_(None), scope)
        query = query.where(scope)
    return [_record(row) for row in session.scalars(query)]


def text_terms(lib: Library, transcript_id: int | None = None) -> list[Term]:
    """The terms suggestions look for in a transcript: its own, then the global ones not shadowed."""
    entries = list_terms(lib, transcript_id, own_only=transcript_id is None)
    own_first = sorted(entries, key=lambda e: e.transcript_id is None)
    seen: set[str] = set()
    found = []
    for entry in own_first:
        if entry.term not in seen:
            seen.add(entry.term)
            found.append(entry.text_term())
    return found


def words(lib: Library, transcript_id: int | None) -> tuple[str, ...]:
    """The terms a cleaner of the transcript gives the segmenter: its own and the global ones."""
    return tuple(term.text for term in text_terms(lib, transcript_id))


def load_into_segmenter(lib: Library) -> None:
    """Every term of the library becomes a whole word of the segmenter (loads jieba)."""
    with lib.read() as session:
        words = list(session.scalars(select(GlossaryTerm.term)))
    segmenter.add_glossary(words)


def add_term(lib: Library, term: str, aliases: list[str] | tuple[str, ...] = (), *, transcript_id: int | None = None) -> GlossaryEntry:
    """Store a term, or add aliases to the same term of the same scope; returns the term as stored."""
    term = _clean_word(term, Msg("term"))
    new_aliases = _clean_aliases(term, aliases)
    with lib.write() as session:
        if transcript_id is not None:
            transcript_in(session, transcript_id)
        row = session.scalar(select(GlossaryTerm).where(GlossaryTerm.term == term, _scope(transcript_id)))
        if row is None:
            row = GlossaryTerm(term=term, aliases="\n".join(new_aliases), transcript_id=transcript_id)
            session.add(row)
        else:
            old = _split_aliases(row.aliases)
            row.aliases = "\n".join([*old, *(a for a in new_aliases if a not in old)])
        session.flush()
        record = _record(row)
    segmenter.add_glossary([term])
    return record


def remove_term(lib: Library, term: str, *, transcript_id: int | None = None) -> GlossaryEntry:
    """Delete a term of a scope; `UserError` if that scope has no such term."""
    with lib.write() as session:
        row = session.scalar(select(GlossaryTerm).where(GlossaryTerm.term == term.strip(), _scope(transcript_id)))
        if row is None:
            where = Msg("the global glossary")
            if transcript_id is not None:
                where = Msg("the glossary of transcript {transcript}", transcript=transcript_id)
            raise UserError("term {term!r}", "not in {where} (see `glossary list`)", term=term, where=where)
        record = _record(row)
        session.delete(row)
        return record


def restore_term(lib: Library, entry: GlossaryEntry) -> None:
    """Put a removed term back (undo)."""
    add_term(lib, entry.term, entry.aliases, transcript_id=entry.transcript_id)


# ----------------------------------------------------------------- TSV


def parse_tsv(text: str, name: str = "glossary") -> list[tuple[str, list[str]]]:
    """(term, aliases) per line of `term<TAB>alias,alias`; blank lines and `#` comments are skipped."""
    parsed = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) > 2:
            raise UserError("{name} line {number}", "expected term<TAB>alias,alias", name=name, number=number)
        term = " ".join(fields[0].split())
        if not term:
            raise UserError("{name} line {number}", "the term is empty", name=name, number=number)
        aliases = [" ".join(a.split()) for a in fields[1].split(",")] if len(fields) == 2 else []
        parsed.append((term, [a for a in aliases if a]))
    return parsed


def read_tsv(path: str | Path) -> list[Term]:
    """A glossary file as terms for `suggest`, no library involved."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError("{path}", "no such file", path=str(path)) from None
    except UnicodeDecodeError:
        raise UserError("{path}", "is not UTF-8 text", path=str(path)) from None
    except OSError as exc:
        raise UserError("{path}", "{reason}", path=str(path), reason=exc.strerror or Msg("cannot be read")) from None
    return [Term(term, tuple(aliases)) for term, aliases in parse_tsv(text, str(path))]


def import_tsv(lib: Library, path: str | Path, *, transcript_id: int | None = None) -> int:
    """Add the terms (and aliases) of a TSV file; returns how many terms were new or gained aliases."""
    terms = read_tsv(path)
    changed = 0
    before = {e.term: e.aliases for e in list_terms(lib, transcript_id, own_only=True)}
    for term in terms:
        after = add_term(lib, term.text, term.aliases, transcript_id=transcript_id)
        if before.get(after.term) != after.aliases:
            changed += 1
    return changed


def glossary_tsv(lib: Library, *, transcript_id: int | None = None) -> str:
    """The global terms, or one transcript's own, as TSV."""
    entries = list_terms(lib, transcript_id, own_only=True)
    return "".join(f"{e.term}\t{','.join(e.aliases)}\n" for e in entries)


def export_tsv(lib: Library, path: str | Path, *, transcript_id: int | None = None) -> int:
    """Write `glossary_tsv` atomically; returns how many terms were written."""
    text = glossary_tsv(lib, transcript_id=transcript_id)
    write_atomic(path, text.encode("utf-8"))
    return text.count("\n")
