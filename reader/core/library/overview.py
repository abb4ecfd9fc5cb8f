"""A transcript at a glance: who talks how much, what it is about, and topics worth tagging.

Talk is measured in spoken characters of the text a reader trusts: a
person's correction, else the raw text, without whitespace and punctuation
(ASR punctuation is not speech). The cleaned text is not used: it depends on
the reader's settings and needs the segmenter, and a share of the talk
should not change when someone turns filler removal on. Images and marks
say nothing and are left out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from reader.core.kinds import SegmentKind
from reader.core.library.db import Library
from reader.core.library.labels import Label, as_label, transcript_speakers
from reader.core.library.models import Segment, SegmentTopic, Topic
from reader.core.library.queries import transcript_in
from reader.core.text import fillers, script, segmenter

# Parts of speech a topic can be: nouns of all kinds, verbal nouns, idioms, Latin words.
TOPIC_POS = ("n", "nz", "vn", "nt", "ns", "nr", "nrt", "eng", "l", "i")
# Nouns every conversation is full of; TF-IDF ranks them high in talk, yet none names a topic.
CONVERSATION_NOUNS = frozenset(
    [
        "问题", "大家", "老师", "同学", "谢谢", "时候", "事情", "东西", "比如说", "角度", "人们",
        "基本上", "方面", "地方", "情况", "部分", "意思", "感觉", "观点", "时间", "朋友",
    ]
)
_NUMBER = re.compile(r"[\d０-９零一二三四五六七八九十百千万亿两几第.%％]+")
_FILLERS = frozenset(word.lower() for word in fillers.DEFAULT_FILLERS)


@dataclass(frozen=True)
class SpeakerShare:
    speaker: Label | None  # None: segments nobody has been named for
    segments: int
    chars: int
    percent: float


@dataclass(frozen=True)
class TopicCount:
    topic: Label
    segments: int


@dataclass(frozen=True)
class Overview:
    transcript_id: int
    title: str
    segments: int
    chars: int
    speakers: tuple[SpeakerShare, ...]  # in order of first appearance, the unlabelled last
    topics: tuple[TopicCount, ...]  # in order of first appearance


def spoken_chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace() and unicodedata.category(ch)[0] != "P")


def _text(segment: Segment) -> str:
    return segment.correction if segment.correction is not None else segment.raw


def transcript_overview(lib: Library, transcript_id: int) -> Overview:
    """Each speaker's share of a transcript's talk and the segments per topic."""
    order = transcript_speakers(lib, transcript_id)
    with lib.read() as session:
        title = transcript_in(session, transcript_id).title
        segments = list(
            session.scalars(
                select(Segment).where(Segment.transcript_id == transcript_id, Segment.kind == SegmentKind.TEXT).order_by(Segment.position)
            )
        )
        # One row per segment a topic is on, in order of the segments.
        linked = session.scalars(
            select(Topic)
            .join(SegmentTopic, SegmentTopic.topic_id == Topic.id)
            .join(Segment, Segment.id == SegmentTopic.segment_id)
            .where(Segment.transcript_id == transcript_id, Segment.kind == SegmentKind.TEXT)
            .order_by(Segment.position, Topic.name)
        ).all()
        chars = {s.id: spoken_chars(_text(s)) for s in segments}
        speaker_of = {s.id: s.speaker_id for s in segments}
    total = sum(chars.values())
    by_speaker: dict[int | None, list[int]] = {}
    for segment_id, speaker_id in speaker_of.items():
        by_speaker.setdefault(speaker_id, []).append(chars[segment_id])
    shares = [
        SpeakerShare(label, len(by_speaker[key]), sum(by_speaker[key]), 100 * sum(by_speaker[key]) / total if total else 0.0)
        for label, key in [(label, label.id) for label in order] + [(None, None)]
        if key in by_speaker
    ]
    by_topic: dict[Label, int] = {}
    for topic in linked:
        label = as_label(topic)
        by_topic[label] = by_topic.get(label, 0) + 1
    topics = tuple(TopicCount(label, count) for label, count in by_topic.items())
    return Overview(transcript_id, title, len(segments), total, tuple(shares), topics)


def suggest_topics(
    lib: Library,
    transcript_id: int | None = None,
    segment_ids: Iterable[int] | None = None,
    limit: int = 8,
    method: str = "tfidf",
) -> list[str]:
    """Keywords worth tagging a transcript or a selection of segments with, best first.

    jieba's TF-IDF (or `method="textrank"`) over the corrected-else-raw text,
    nouns only; fillers, single characters, numbers, talk's everyday nouns and
    topics the segments already carry are left out. Runs the segmenter: call
    it off the GUI thread (the "clean" lane, which owns jieba).
    """
    if (transcript_id is None) == (segment_ids is None):
        raise ValueError("give a transcript or segments, not both")
    with lib.read() as session:
        query = select(Segment).where(Segment.kind == SegmentKind.TEXT).order_by(Segment.transcript_id, Segment.position)
        if transcript_id is not None:
            transcript_in(session, transcript_id)
            query = query.where(Segment.transcript_id == transcript_id)
        else:
            query = query.where(Segment.id.in_(list(segment_ids or ())))
        segments = list(session.scalars(query))
        text = "\n".join(_text(s) for s in segments)
        carried = set(
            session.scalars(
                select(Topic.name)
                .join(SegmentTopic, SegmentTopic.topic_id == Topic.id)
                .where(SegmentTopic.segment_id.in_([s.id for s in segments]))
            )
        )
    if not text.strip():
        return []
    segmenter.warm_up()
    import jieba.analyse  # after warm_up: it must find jieba's dictionary already loaded from our cache

    extract = jieba.analyse.textrank if method == "textrank" else jieba.analyse.extract_tags
    # Ask for more than wanted: the filter below drops some.
    found = extract(text, topK=limit * 4, allowPOS=TOPIC_POS)
    return [word for word in found if _is_topic(word) and word not in carried][:limit]


def _is_topic(word: str) -> bool:
    if len(word) < 2 or _NUMBER.fullmatch(word) or word.lower() in _FILLERS:
        return False
    if any(filler in word for filler in fillers.DEFAULT_FILLERS if not filler.isascii()):
        return False
    return script.converter("simplified").convert(word) not in CONVERSATION_NOUNS
