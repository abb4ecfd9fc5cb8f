"""Whether two transcripts are recognitions of one talk (used by import, reusable by quality checks)."""

from reader.core import paths
from reader.core.formats import read_file
from reader.core.text.similar import aligned_share, looks_like_second_recognition


def talk(name: str, which: int = 0) -> list[str]:
    transcript = read_file(paths.seeds_dir() / name).transcripts[which]
    return [s.raw if s.kind == "text" else "" for s in transcript.segments]


def test_two_recognizers_of_one_talk_look_alike_and_other_talks_do_not():
    first, second = talk("000_3259e7fbd51321e0.txt"), talk("001_39abc5761bc525e8.txt")
    assert looks_like_second_recognition(second, first)
    assert looks_like_second_recognition(first, second)
    other = talk("004_e48bd789d310c5cd.txt")
    assert not looks_like_second_recognition(second, other)
    assert aligned_share(second, other) == (0.0, 0.0)


def test_the_same_talk_chunked_otherwise_aligns_all_of_it():
    roundtable = talk("002_31e3d2a98f80fa1d.txt")
    joined = ["".join(roundtable[k:k + 3]) for k in range(0, len(roundtable), 3)]
    assert aligned_share(joined, roundtable) == (1.0, 1.0)
