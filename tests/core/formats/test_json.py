"""The project's own JSON: everything a library holds about a segment comes back."""

import json

import pytest

from reader.core.errors import UserError
from reader.core.formats import ParsedSegment, read_bytes


def parse(data) -> list:
    return read_bytes(json.dumps(data, ensure_ascii=False).encode("utf-8"), "x.json", "x.json").transcripts


def test_all_segment_fields_are_read():
    (transcript,) = parse(
        {
            "format": "transcript-reader",
            "version": 1,
            "transcripts": [
                {
                    "title": "圆桌",
                    "segments": [
                        {
                            "kind": "text", "raw": "呃大家好", "correction": "大家好", "start_ms": 10, "end_ms": 900,
                            "speaker": "主持人", "topics": ["开场"],
                        },
                        {"kind": "image", "raw": "![](a.png)"},
                        {"raw": "(掌声)", "kind": "mark"},
                    ],
                }
            ],
        }
    )
    assert transcript.title == "圆桌"
    assert transcript.segments == [
        ParsedSegment(raw="呃大家好", kind="text", start_ms=10, end_ms=900, speaker="主持人", correction="大家好", topics=("开场",)),
        ParsedSegment(raw="![](a.png)", kind="image"),
        ParsedSegment(raw="(掌声)", kind="mark"),
    ]


@pytest.mark.parametrize(
    ("data", "why"),
    [
        ({"transcripts": []}, "not a transcript-reader JSON"),
        ({"format": "transcript-reader", "version": 99, "transcripts": []}, "newer"),
        (
            {"format": "transcript-reader", "version": 1, "transcripts": [{"title": "t", "segments": [{"kind": "video", "raw": "x"}]}]},
            'unknown kind',
        ),
        ({"format": "transcript-reader", "version": 1, "transcripts": [{"title": "t", "segments": [{"raw": 3}]}]}, '"raw"'),
        ({"format": "transcript-reader", "version": 1, "transcripts": [{"segments": []}]}, '"title"'),
        ([1, 2], "not a transcript-reader JSON"),
    ],
)
def test_wrong_json_is_refused_with_the_place(data, why):
    with pytest.raises(UserError, match=why):
        parse(data)


def test_broken_json_names_the_line():
    with pytest.raises(UserError, match="line 2"):
        read_bytes(b'{"format": "transcript-reader",\n "version": 1,,}', "x.json", "x.json")
