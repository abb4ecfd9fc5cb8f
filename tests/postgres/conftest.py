import pytest

from reader.core.library import import_file, open_library

TALK = "# 讲座\n\n大家好，我们用CHRGBT做实验。\n\n大圆模型很好。\n\n谢谢大家。\n"


@pytest.fixture
def apps(shared_url, tmp_path):
    """Two open libraries on the same database, as two people's apps, with one transcript (TALK)."""
    first, second = open_library(shared_url), open_library(shared_url)
    path = tmp_path / "talk.txt"
    path.write_text(TALK, encoding="utf-8")
    transcript_id = import_file(first, path).transcripts[0].id
    yield first, second, transcript_id
    first.close()
    second.close()
