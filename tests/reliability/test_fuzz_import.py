"""Hostile input, generated: whatever bytes and file name arrive, decode → parse → import either
stores the file whole or raises the one clear `UserError`, and then the library is as it was."""

from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from reader.core.errors import UserError
from reader.core.formats import read_bytes
from reader.core.library import check_library, open_library
from reader.core.library.importer import store
from reader.core.library.models import Revision, Segment, SegmentTopic, Source, Transcript

SUFFIXES = ["txt", "srt", "vtt", "json", "md", "SRT", "Json", "bin", "tar.gz", ""]
# File names as Linux allows them: anything but "/" and NUL, line breaks and markup included.
NAMES = st.sampled_from(["a.txt", "a.srt", "a.vtt", "a.json", "noext", ".txt", "字幕.srt"]) | st.builds(
    "{}.{}".format,
    st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), max_size=20),
    st.sampled_from(SUFFIXES),
)

# Pieces that steer the parsers into their corners: subtitle timings, JSON keys, markup, BOMs, odd controls.
PIECES = st.sampled_from([
    "1\n", "2\n", "\n", "\n\n", "\r\n", "\r", "00:00:01,000 --> 00:00:02,000\n", "00:00:02.500 --> 00:00:01.000\n",
    "00:00:01,000 --> \n", "-->", "WEBVTT\n\n", "NOTE x\n", "00:01.000 --> 00:02.000 align:start\n",
    '{"format": "transcript-reader", "version": 1, "transcripts": [', '{"title": "t", "segments": [',
    '{"raw": "你好", "kind": "text", "start_ms": 5, "end_ms": 1, "topics": ["甲", ""]}', "]}", "]", "}", ",", '"', "null", "[" * 50,
    "# 标题\n", "## \n", "![图](http://127.0.0.1/x.png)\n", "<script>alert(1)</script>", '<img src="http://127.0.0.1/i.png">',
    "说话人1：", "Speaker 2: ", "\ufeff", "\u200b", "\u202e", "\x00", "\x07", "\ud800", "\U0001f600", "\U00020000",
    "你好世界。", "嗯嗯，那个，就是说", "這是繁體字", "abc", " " * 20, "\t",
])
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "big5", "shift_jis", "latin-1"])
BOMS = st.sampled_from([b""] * 20 + [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE])
# Mostly printable words, so that structured files get past the decoder and into their parsers.
PRINTABLE = st.text(st.characters(max_codepoint=0x9FFF, blacklist_categories=("Cc", "Cs", "Cn", "Co")), max_size=12)
WORDS = st.integers(0, 3).flatmap(lambda n: st.lists(PRINTABLE | PIECES if n == 0 else PRINTABLE, max_size=6).map("".join))
TIMES = st.integers(0, 3_600_000)


def clock(ms: int, comma: bool) -> str:
    return f"{ms // 3_600_000:02}:{ms // 60_000 % 60:02}:{ms // 1000 % 60:02}{',' if comma else '.'}{ms % 1000:03}"


@st.composite
def subtitles(draw, srt: bool) -> str:
    blocks = ["WEBVTT"] if not srt and draw(st.integers(0, 4)) else []
    for n in range(1, draw(st.integers(1, 8)) + 1):
        index = [] if draw(st.integers(0, 5)) == 0 else [str(n if srt else draw(st.text(max_size=4)))]
        timing = f"{clock(draw(TIMES), srt)} --> {clock(draw(TIMES), srt)}"
        blocks.append("\n".join([*index, timing, *draw(st.lists(WORDS, max_size=3))]))
    return "\n\n".join(blocks) + draw(st.sampled_from(["", "\n", "\n\n"]))


def transcript_json() -> st.SearchStrategy[str]:
    anything = st.none() | st.booleans() | st.integers(-5, 10**12) | WORDS

    def mostly(right: st.SearchStrategy) -> st.SearchStrategy:
        return st.integers(0, 4).flatmap(lambda n: right if n else anything)

    segment = st.fixed_dictionaries(
        {"raw": mostly(WORDS)},
        optional={"kind": mostly(st.sampled_from(["text", "image", "mark", "video"])), "start_ms": mostly(TIMES), "end_ms": mostly(TIMES),
                  "speaker": mostly(WORDS), "correction": mostly(WORDS | st.none()), "topics": mostly(st.lists(WORDS, max_size=3))},
    )
    transcript = st.fixed_dictionaries({"title": mostly(WORDS), "segments": mostly(st.lists(segment, max_size=5))})
    document = st.fixed_dictionaries(
        {
            "format": mostly(st.just("transcript-reader")),
            "version": mostly(st.just(1)),
            "transcripts": mostly(st.lists(transcript, max_size=3)),
        }
    )
    return document.map(lambda d: json.dumps(d, ensure_ascii=False))


@st.composite
def shaped_files(draw) -> tuple[bytes, str]:
    """(content, file name): pieces, subtitles or project JSON, usually under a name that fits."""
    kind, text = draw(
        st.tuples(st.just("txt"), st.lists(PIECES | st.text(max_size=20), min_size=1, max_size=40).map("".join))
        | st.tuples(st.just("srt"), subtitles(srt=True))
        | st.tuples(st.just("vtt"), subtitles(srt=False))
        | st.tuples(st.just("json"), transcript_json())
    )
    name = f"文件.{kind}" if draw(st.integers(0, 3)) else draw(NAMES)
    encoding = draw(ENCODINGS)
    # Lone surrogates go through as the broken UTF-16/UTF-8 bytes editors really write.
    data = text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")
    if not draw(st.integers(0, 5)):
        data = data[: draw(st.integers(0, len(data)))]  # a file cut off, maybe mid-character
    return draw(BOMS) + data, name


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    lib = open_library(str(tmp_path_factory.mktemp("fuzz") / "library.sqlite3"))
    yield lib
    assert check_library(lib) == []
    lib.close()


def snapshot(lib) -> tuple[int, ...]:
    with lib.read() as session:
        models = (Source, Transcript, Segment, Revision, SegmentTopic)
        return tuple(session.scalar(select(func.count()).select_from(model)) for model in models)


def import_or_refuse(lib, data: bytes, name: str) -> None:
    before = snapshot(lib)
    try:
        parsed = read_bytes(data, name, name)
        result = store(lib, parsed)
    except UserError as exc:
        # One line naming the file (its control characters shown escaped).
        assert str(exc).startswith(f"{UserError(name)}: ") and "\n" not in str(exc)
        assert snapshot(lib) == before
        event(f"refused: {exc.why.split(':')[0][:40]}")
        return
    event("already imported" if result.already_imported else f"imported as {parsed.format}")
    if not result.already_imported:
        assert snapshot(lib)[2] == before[2] + sum(len(t.segments) for t in parsed.transcripts)
        assert all(s.raw.strip() for t in parsed.transcripts for s in t.segments)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), name=NAMES)
def test_arbitrary_bytes_import_whole_or_give_one_clear_error(library, data, name):
    import_or_refuse(library, data, name)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(file=shaped_files())
def test_text_shaped_like_transcripts_imports_whole_or_gives_one_clear_error(library, file):
    import_or_refuse(library, *file)
