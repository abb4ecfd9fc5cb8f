"""`transcript-reader clean` as scripts use it: one line out per line in, streaming."""

import io
import sys

import pytest

from reader.cli import main
from reader.core.paths import seeds_dir


@pytest.fixture
def clean(capsysbinary, monkeypatch):
    def run(*args, stdin: bytes | None = None):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = main(["clean", *map(str, args)])
        out, err = capsysbinary.readouterr()
        return code, out.decode("utf-8"), err.decode("utf-8")

    return run


def test_one_output_line_per_input_line(clean, tmp_path):
    source = tmp_path / "in.txt"
    source.write_bytes("\ufeff我我我很呃高兴，\r\n\n嗯。\n這是一個好問題\n(英文)，谢谢".encode())
    code, out, err = clean(source)
    assert (code, err) == (0, "")
    assert out.split("\n") == ["我很高兴，", "", "", "这是一个好问题", "(英文)，谢谢", ""]


def test_standard_input_by_dash_or_by_default(clean):
    for args in (["-"], []):
        code, out, _ = clean(*args, stdin="然后呃整个领域的进展也非常快\n".encode())
        assert (code, out) == (0, "然后整个领域的进展也非常快\n")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ([], "我认为可以，GPT4很好"),
        (["--script", "keep"], "我認為可以，GPT4很好"),
        (["--script", "traditional"], "我認為可以，GPT4很好"),
        (["--no-fillers"], "我认为呃可以，GPT4很好"),
        (["--no-stutters"], "我认为可可以，GPT4很好"),
        (["--no-punctuation", "--no-fillers"], "我认为呃可以，，GPT4很好"),
        (["--spacing"], "我认为可以，GPT4 很好"),
    ],
)
def test_stage_options(clean, options, expected):
    code, out, _ = clean(*options, stdin="我認為呃可可以，，GPT4很好\n".encode())
    assert (code, out) == (0, expected + "\n")


def test_rules_file(clean, tmp_path):
    rules = tmp_path / "rules.tsv"
    rules.write_text("# glossary\nCHRGBT\tChatGPT\n大圆(模型)\t大语言\\1\tregex\n", encoding="utf-8")
    line = "CHRGBT是大圆模型\n".encode()
    assert clean("--rules", rules, stdin=line)[:2] == (0, "ChatGPT是大语言模型\n")
    assert clean("--rules", rules, "--no-rules", stdin=line)[:2] == (0, "CHRGBT是大圆模型\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("only one column\n", "line 1: expected pattern<TAB>replacement"),
        ("a\tb\tregexp\n", "line 1: the third column must be 'regex'"),
        ("ok\tfine\n(\tx\tregex\n", "line 2: rule '(': not a valid regular expression"),
    ],
)
def test_bad_rules_file_is_one_clear_message(clean, tmp_path, content, message):
    rules = tmp_path / "rules.tsv"
    rules.write_text(content, encoding="utf-8")
    code, out, err = clean("--rules", rules, stdin=b"x\n")
    assert (code, out) == (1, "")
    assert err.startswith("transcript-reader: error: ") and message in err and len(err.splitlines()) == 1


def test_missing_file_and_bad_encoding(clean, tmp_path):
    code, _, err = clean(tmp_path / "nope.txt")
    assert code == 1 and err.strip() == f"transcript-reader: error: {tmp_path / 'nope.txt'}: no such file"
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("你好".encode("gbk"))
    code, _, err = clean(gbk)
    assert code == 1 and "line 1 is not UTF-8 text" in err


def test_wrong_usage_exits_2(clean):
    with pytest.raises(SystemExit) as exit_info:
        clean("--script", "martian")
    assert exit_info.value.code == 2


class _CountingInput(io.RawIOBase):
    """Standard input that counts the lines handed out so far."""

    def __init__(self, data: bytes):
        self._data = io.BytesIO(data)
        self.lines_read = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        self.lines_read += chunk.count(b"\n")
        return len(chunk)


class _WatchingOutput(io.RawIOBase):
    """Standard output that notes, at every write, how far ahead the reading is."""

    def __init__(self, source: _CountingInput):
        self._source = source
        self.lines_written = 0
        self.most_ahead = 0

    def writable(self):
        return True

    def write(self, data):
        self.lines_written += bytes(data).count(b"\n")
        self.most_ahead = max(self.most_ahead, self._source.lines_read - self.lines_written)
        return len(data)


def test_streams_instead_of_reading_everything_first(monkeypatch):
    lines = (seeds_dir() / "003_0bb9eea8fe887261.txt").read_text(encoding="utf-8").splitlines()
    data = ("\n".join(lines * 3) + "\n").encode("utf-8")
    source = _CountingInput(data)
    sink = _WatchingOutput(source)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(source), encoding="utf-8"))
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(sink), encoding="utf-8"))
    assert main(["clean", "-"]) == 0
    assert sink.lines_written == source.lines_read == len(lines) * 3
    # Output keeps pace with input (within a few buffers), so memory does not grow with it.
    assert sink.most_ahead < len(lines)


def test_no_loops_keeps_the_recognizers_loops(clean):
    line = "对，对，对，这个问题\n".encode()
    assert clean(stdin=line)[:2] == (0, "对，这个问题\n")
    assert clean("--no-loops", stdin=line)[:2] == (0, "对，对，对，这个问题\n")


def test_a_line_final_full_stop_reads_the_next_line(clean):
    lines = "大家刚刚都已经这个。\n听过他们的精彩的报告了。\n你们有什么补充吗。\n".encode()
    code, out, _ = clean(stdin=lines)
    assert (code, out) == (0, "大家刚刚都已经这个，\n听过他们的精彩的报告了。\n你们有什么补充吗？\n")
    code, out, _ = clean("--no-sentences", stdin=lines)
    assert (code, out) == (0, lines.decode())
