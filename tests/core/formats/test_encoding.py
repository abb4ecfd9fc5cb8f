"""Bytes in any encoding a Chinese transcript arrives in come out as exactly the same text."""

import codecs
import random

import pytest

from reader.core.errors import UserError
from reader.core.formats.encoding import decode

SIMPLIFIED = "大家好，今天我们来讨论一下多模态大模型的最新进展。一个很重要的问题是数据从哪里来？"
TRADITIONAL = "我是OpenAI的影片發展總監，今天我想談談一些觀察，關於過去幾年發展的創新模式。"
MIXED = "然后他现在是open i的perception team的负责人，一一个问题。"


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL, MIXED])
@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-32"],
)
def test_unicode_and_gb18030_round_trip(text, encoding):
    assert decode(text.encode(encoding), "f").text == text


@pytest.mark.parametrize("text", [TRADITIONAL, "各位來賓大家好，歡迎參加這次的論壇。", "臺灣的朋友們，謝謝你們。"])
def test_big5_round_trip(text):
    decoded = decode(text.encode("big5"), "f")
    assert decoded.text == text
    assert decoded.encoding == "big5"


def test_seed_paragraphs_in_legacy_encodings(seed_paragraphs):
    # Every seed paragraph that the encoding can represent, one at a time:
    # short inputs are where encoding guessers go wrong.
    checked = 0
    for paragraph in seed_paragraphs[::5]:
        for encoding in ("gb18030", "big5"):
            try:
                data = paragraph.encode(encoding)
            except UnicodeEncodeError:
                continue
            assert decode(data, "f").text == paragraph, encoding
            checked += 1
    assert checked > 100


def test_line_ends_bom_and_zero_width_characters_are_normalised():
    raw = "\ufeff第一行\r\n第二\u200b行\r第三行\u2028第四行\r\n"
    assert decode(raw.encode("utf-8"), "f").text == "第一行\n第二行\n第三行\n第四行\n"


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "empty"),
        (b" \n\t\r\n  ", "only whitespace"),
        (codecs.BOM_UTF8 + "\u200b\n".encode(), "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 64 + bytes(range(1, 32)) * 20, "binary"),
        (bytes(range(1, 9)) * 200, "binary"),
        (b"\xff\xfe" + b"\xff\xdb" * 200, "byte-order mark"),
        (b"\xff\xfe" + b"\xff\xe0" * 200, "cannot decode"),
    ],
)
def test_not_text_is_refused_with_a_reason(data, why):
    with pytest.raises(UserError) as raised:
        decode(data, "bad.txt")
    assert raised.value.what == "bad.txt"
    assert why in raised.value.why


def test_random_bytes_are_refused():
    rng = random.Random(7)
    for _ in range(20):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(50, 3000)))
        with pytest.raises(UserError):
            decode(data, "noise.bin")
