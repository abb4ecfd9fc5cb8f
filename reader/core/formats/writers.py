"""Writers: a transcript as txt, md, docx, srt, vtt, json or csv bytes.

They take plain data (`ExportTranscript`, gathered from the library by
`reader.core.library.export`) and know nothing of the database. `text` of a
segment is what a reader of the file should see: the person's correction where
there is one, else the cleaned text, already in the export's script; speaker,
topic and title names are shown through `ExportTranscript.show`, which converts
them to the same script. The JSON keeps everything as stored (raw text,
correction, names), so importing it gives back the same transcript.

Reading formats (txt, md, docx) are written in paragraphs for publishing
(CLEANING.md): consecutive segments of one speaker and one topic join into a
paragraph, which breaks at the first sentence end once it passes
`PARAGRAPH_CHARS`; the speaker's name is written once, at the start of the turn.
`ExportOptions(paragraphs="segments")` writes one paragraph per segment instead,
each with its speaker. Subtitles and data formats stay one record per segment.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import timedelta

import srt
import webvtt
from docx import Document

from reader.core.errors import UserError
from reader.core.formats import cues, jsonfile
from reader.core.kinds import SegmentKind
from reader.core.text import script as scripts

FORMATS = ("txt", "md", "docx", "srt", "vtt", "json", "csv")
TEXT_FORMATS = tuple(f for f in FORMATS if f != "docx")
EXPORT_SCRIPTS = (*scripts.EXPORT_CONFIGS, scripts.KEEP)
# Written in paragraphs for reading; the other formats are one record per segment.
READING_FORMATS = ("txt", "md", "docx")
PARAGRAPHS = ("turns", "segments")
# A paragraph of a turn breaks at the first sentence end after this many characters.
PARAGRAPH_CHARS = 300
_SENTENCE_END = re.compile(r"[。！？!?…][”’」』）)]*$")


@dataclass(frozen=True)
class ExportRevision:
    old: str | None
    new: str | None
    origin: str
    author: str
    at: str


@dataclass(frozen=True)
class ExportComment:
    author: str
    at: str
    text: str
    resolved: bool = False


@dataclass(frozen=True)
class ExportReview:
    status: str  # "reviewed", or "todo" after someone sent it back
    author: str
    at: str


@dataclass(frozen=True)
class ExportSegment:
    position: int
    kind: SegmentKind
    raw: str
    # Both in the export's script; `text` is the correction where there is one, else `cleaned`.
    cleaned: str
    text: str
    correction: str | None = None
    start_ms: int | None = None
    end_ms: int | None = None
    speaker: str | None = None
    topics: tuple[str, ...] = ()
    revisions: tuple[ExportRevision, ...] = ()
    # The position of the segment this one only repeats (a recognizer's loop): its text is empty.
    repeat_of: int | None = None
    review: ExportReview | None = None
    comments: tuple[ExportComment, ...] = ()


@dataclass(frozen=True)
class ExportTranscript:
    id: int
    title: str
    segments: list[ExportSegment]
    script: str = scripts.KEEP

    def show(self, name: str) -> str:
        """A title, speaker or topic name in the export's script."""
        return scripts.export_converter(self.script)(name)


@dataclass(frozen=True)
class ExportOptions:
    speakers: bool = True
    images: bool = False
    # Reading formats: "turns" joins a speaker's segments into paragraphs, "segments" keeps one each.
    paragraphs: str = "turns"
    # docx: the segments' comments as Word comments on their paragraphs.
    comments: bool = False

    def __post_init__(self) -> None:
        if self.paragraphs not in PARAGRAPHS:
            raise UserError(
                "paragraphs {paragraphs!r}", "choose one of {choices}", paragraphs=self.paragraphs, choices=", ".join(PARAGRAPHS),
            )


@dataclass(frozen=True)
class _Block:
    """One thing a reading format shows: a topic heading, an image, or a paragraph with its label."""

    heading: str | None = None
    image: str | None = None  # the image's address, as imported
    speaker: str | None = None  # the label written before the text, if any
    text: str = ""
    comments: tuple[ExportComment, ...] = ()


def render(doc: ExportTranscript, fmt: str, options: ExportOptions = ExportOptions()) -> bytes:
    """The file's bytes (UTF-8 for text formats); `UserError` when the transcript cannot be written so."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise UserError("format {format!r}", "choose one of {choices}", format=fmt, choices=", ".join(FORMATS))
    return writer(doc, options)


# ----------------------------------------------------------------- reading formats


def _shown(doc: ExportTranscript, options: ExportOptions) -> list[ExportSegment]:
    return [s for s in doc.segments if s.kind != SegmentKind.IMAGE or options.images]


def _blocks(doc: ExportTranscript, options: ExportOptions) -> Iterator[_Block]:
    """Topic headings where the topics change, images, and paragraphs: a turn's segments joined
    (`paragraphs="turns"`, the speaker named at the start of the turn) or one per segment,
    each with its speaker. A segment with no text to show (a loop's repeat) is left out."""
    topics: tuple[str, ...] = ()
    turns = options.paragraphs == "turns"
    paragraph: list[str] = []
    notes: list[ExportComment] = []
    label: str | None = None
    turn: object = object()  # the speaker whose turn it is; a fresh object() after a heading

    def flush() -> Iterator[_Block]:
        if paragraph:
            yield _Block(speaker=label, text=_joined(paragraph), comments=tuple(notes))
            paragraph.clear()
            notes.clear()

    for segment in _shown(doc, options):
        if segment.kind == SegmentKind.IMAGE:
            # A slide shown during a turn: it breaks the paragraph, not the turn or the topic.
            yield from flush()
            yield _Block(image=segment.raw)
            continue
        if segment.topics != topics:
            yield from flush()
            turn = object()  # a new topic names the speaker again
            if segment.topics:
                yield _Block(heading="、".join(doc.show(t) for t in segment.topics))
        topics = segment.topics
        if not segment.text:
            continue
        speaker = doc.show(segment.speaker) if options.speakers and segment.speaker else None
        if not turns:
            yield _Block(speaker=speaker, text=_paragraph(segment.text), comments=segment.comments)
            continue
        if segment.speaker != turn:
            yield from flush()
            turn, label = segment.speaker, speaker
        elif paragraph and sum(map(len, paragraph)) >= PARAGRAPH_CHARS and _SENTENCE_END.search(paragraph[-1]):
            yield from flush()
            label = None
        paragraph.append(_paragraph(segment.text))
        notes.extend(segment.comments)
    yield from flush()


def _joined(texts: list[str]) -> str:
    """Segments' texts as one paragraph: nothing between them (Chinese has no spaces between
    words), a space where two Latin letters or digits would run into each other."""
    out = texts[0]
    for text in texts[1:]:
        latin = out[-1:].isascii() and out[-1:].isalnum() and text[:1].isascii() and text[:1].isalnum()
        out += (" " if latin else "") + text
    return out


def _paragraph(text: str) -> str:
    """A segment's text on one line: a line break inside it would start a new paragraph."""
    return text.replace("\n", " ")


def _txt(doc: ExportTranscript, options: ExportOptions) -> bytes:
    if options.paragraphs == "turns":
        # Plain text has no headings: the speaker's name starts a turn.
        paragraphs = [
            block.image if block.image is not None else (f"{block.speaker}：" if block.speaker else "") + block.text
            for block in _blocks(doc, options)
            if block.heading is None
        ]
    else:
        paragraphs = [_paragraph(s.text) for s in _shown(doc, options)]
    return "\n\n".join(p for p in paragraphs if p).encode("utf-8") + b"\n"


# Characters that would turn transcript words into Markdown formatting or HTML.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def _md_escape(text: str) -> str:
    return _MD_LINE_START.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", _paragraph(text)))


def _md(doc: ExportTranscript, options: ExportOptions) -> bytes:
    lines = [f"# {_md_escape(doc.show(doc.title))}"]
    for block in _blocks(doc, options):
        if block.heading is not None:
            lines.append(f"## {_md_escape(block.heading)}")
        elif block.image is not None:
            # Already a Markdown image line as imported; the reader of the file fetches it, not we.
            lines.append(block.image)
        else:
            label = f"**{_md_escape(block.speaker)}**：" if block.speaker else ""
            lines.append(label + _md_escape(block.text))
    return "\n\n".join(lines).encode("utf-8") + b"\n"


# XML 1.0 has no place for most control characters; Word refuses the file if one slips in.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def _docx(doc: ExportTranscript, options: ExportOptions) -> bytes:
    document = Document()
    document.core_properties.title = _xml_safe(doc.show(doc.title))[:255]
    document.add_heading(_xml_safe(doc.show(doc.title)), level=1)
    for block in _blocks(doc, options):
        if block.heading is not None:
            document.add_heading(_xml_safe(block.heading), level=2)
        elif block.image is not None:
            # The image's address as text: an export never fetches anything.
            document.add_paragraph().add_run(_xml_safe(block.image)).italic = True
        else:
            paragraph = document.add_paragraph()
            if block.speaker:
                paragraph.add_run(_xml_safe(block.speaker) + "：").bold = True
            run = paragraph.add_run(_xml_safe(block.text))
            if options.comments:
                for note in block.comments:
                    # Word shows these in the margin beside the paragraph they are about.
                    text = _xml_safe(note.text) + (" (resolved)" if note.resolved else "")
                    document.add_comment(run, text=text, author=_xml_safe(note.author)[:255] or "?")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ----------------------------------------------------------------- subtitles


def _timed(doc: ExportTranscript, fmt: str) -> list[tuple[ExportSegment, int, int]]:
    """(segment, start ms, end ms) of every segment a subtitle shows; `UserError` if one has no times.

    A segment with a start and no end (a time tapped while listening) ends where the next one starts."""
    spoken = [s for s in doc.segments if s.kind != SegmentKind.IMAGE and s.text]
    later_start: int | None = None
    ends: dict[int, int | None] = {}
    for s in reversed(doc.segments):
        ends[id(s)] = s.end_ms if s.end_ms is not None or s.start_ms is None else later_start
        if s.start_ms is not None:
            later_start = s.start_ms
    untimed = [s for s in spoken if s.start_ms is None or ends[id(s)] is None]
    if untimed:
        if len(untimed) == len(spoken):
            raise UserError(
                "transcript {transcript} ({title})",
                "has no times (it was not imported from subtitles), which {format} needs; export txt, md, docx, json or csv instead",
                transcript=doc.id, title=doc.title, format=fmt,
            )
        raise UserError(
            "transcript {transcript} ({title})", "segment {position} has no start or end time, which {format} needs for every cue",
            transcript=doc.id, title=doc.title, position=untimed[0].position, format=fmt,
        )
    return [(s, s.start_ms, end) for s in spoken if s.start_ms is not None and (end := ends[id(s)]) is not None]


def _cues(doc: ExportTranscript, fmt: str) -> Iterator[tuple[ExportSegment, int, int, str]]:
    """(segment, start, end, text) of every cue: a long segment is wrapped and split (formats.cues)."""
    for s, start, end in _timed(doc, fmt):
        for begin, finish, text in cues.split_cue(_paragraph(s.text), start, end):
            yield s, begin, finish, text


def _srt(doc: ExportTranscript, options: ExportOptions) -> bytes:
    subtitles = [
        srt.Subtitle(index, timedelta(milliseconds=start), timedelta(milliseconds=end), text)
        for index, (_s, start, end, text) in enumerate(_cues(doc, "SRT"), 1)
    ]
    composed: str = srt.compose(subtitles, reindex=False)
    return composed.encode("utf-8")


def _vtt_escape(text: str) -> str:
    # Cue text is markup: a bare < or & would be read as a tag or an entity.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _vtt_time(ms: int) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _vtt(doc: ExportTranscript, options: ExportOptions) -> bytes:
    captions = []
    for s, start, end, cue in _cues(doc, "WebVTT"):
        text = _vtt_escape(cue)
        if options.speakers and s.speaker:
            text = f"<v {_vtt_escape(doc.show(s.speaker))}>{text}"
        captions.append(webvtt.Caption(start=_vtt_time(start), end=_vtt_time(end), text=text))
    return webvtt.WebVTT(captions=captions).content.encode("utf-8")


# ----------------------------------------------------------------- data formats


def _json(doc: ExportTranscript, options: ExportOptions) -> bytes:
    """The layout `reader.core.formats.jsonfile` reads, plus what it ignores (the cleaned
    text, the id, the review status and the comments; the edit history it restores)."""
    transcript = {
        "id": doc.id,
        "title": doc.title,
        "segments": [
            {
                "kind": s.kind,
                "raw": s.raw,
                "correction": s.correction,
                "cleaned": s.cleaned,
                "start_ms": s.start_ms,
                "end_ms": s.end_ms,
                "speaker": s.speaker,
                "topics": list(s.topics),
                "edits": [asdict(r) for r in s.revisions],
                "review": asdict(s.review) if s.review is not None else None,
                "comments": [asdict(c) for c in s.comments],
                **({"repeat_of": s.repeat_of} if s.repeat_of is not None else {}),
            }
            for s in doc.segments
        ],
    }
    data = {"format": jsonfile.FORMAT_NAME, "version": jsonfile.VERSION, "transcripts": [transcript]}
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


CSV_COLUMNS = ("position", "kind", "start_ms", "end_ms", "speaker", "topics", "raw", "cleaned", "correction", "text", "repeat_of")


def _csv(doc: ExportTranscript, options: ExportOptions) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in doc.segments:
        speaker = doc.show(s.speaker) if options.speakers and s.speaker else ""
        writer.writerow([
            s.position, s.kind, _blank(s.start_ms), _blank(s.end_ms), speaker,
            " | ".join(doc.show(t) for t in s.topics), s.raw, s.cleaned, _blank(s.correction), s.text, _blank(s.repeat_of),
        ])
    return out.getvalue().encode("utf-8")


def _blank(value: object) -> object:
    return "" if value is None else value


_WRITERS: dict[str, Callable[[ExportTranscript, ExportOptions], bytes]] = {
    "txt": _txt,
    "md": _md,
    "docx": _docx,
    "srt": _srt,
    "vtt": _vtt,
    "json": _json,
    "csv": _csv,
}
