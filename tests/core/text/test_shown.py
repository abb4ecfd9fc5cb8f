"""A segment read in its place: the next segment decides its chunk-final 。, the previous one
whether it only repeats (reader.core.text.shown, the one definition every view uses)."""

from dataclasses import dataclass

from reader.core.text import Cleaner, CleanSettings, shown_run


@dataclass(frozen=True)
class Seg:
    raw: str
    kind: str = "text"
    correction: str | None = None


LOOP = "我们学习标记的方式也改变了。"


def texts(segments, cleaner):
    return [s.text for s in shown_run(segments, cleaner)]


def test_a_chunk_end_that_cuts_a_sentence_reads_the_next_segment(cleaner):
    segments = [Seg("大家刚刚都已经这个。"), Seg("听过他们的精彩的报告了。")]
    assert texts(segments, cleaner) == ["大家刚刚都已经这个，", "听过他们的精彩的报告了。"]
    # On its own, with no next segment known, the mark stays.
    assert texts(segments[:1], cleaner) == ["大家刚刚都已经这个。"]


def test_a_segment_that_only_repeats_the_one_before_is_empty_and_says_so(cleaner):
    shown = shown_run([Seg("今天天气很好。"), Seg(LOOP), Seg(LOOP), Seg("呃，" + LOOP), Seg("然后我们讲下一个问题。")], cleaner)
    assert [s.text for s in shown] == ["今天天气很好。", LOOP, "", "", "然后我们讲下一个问题。"]
    assert [s.repeat for s in shown] == [False, False, True, True, False]
    assert shown[2].cleaned is not None and shown[2].cleaned.text == LOOP  # what it would have read


def test_short_replies_corrections_marks_and_images_are_never_repeats(cleaner):
    assert texts([Seg("是啊。"), Seg("是啊。")], cleaner) == ["是啊。", "是啊。"]
    assert texts([Seg(LOOP), Seg(LOOP, correction=LOOP)], cleaner) == [LOOP, LOOP]  # a person's text stands
    assert texts([Seg("(掌声)", kind="mark"), Seg("(掌声)", kind="mark")], cleaner) == ["(掌声)", "(掌声)"]
    image = Seg("![](img/a.png)", kind="image")
    assert texts([Seg(LOOP), image, Seg(LOOP)], cleaner) == [LOOP, image.raw, LOOP]


def test_the_previous_segment_is_compared_as_the_reader_reads_it(cleaner):
    # Its correction, not its raw text.
    assert texts([Seg("别的话。", correction=LOOP), Seg(LOOP)], cleaner) == [LOOP, ""]
    assert texts([Seg(LOOP, correction="改过的话。"), Seg(LOOP)], cleaner) == ["改过的话。", LOOP]


def test_switching_loops_or_sentences_off_switches_their_neighbour_rules_off():
    segments = [Seg("大家刚刚都已经这个。"), Seg("听过他们的精彩的报告了。"), Seg(LOOP), Seg(LOOP)]
    assert texts(segments, Cleaner(CleanSettings(loops=False)))[2:] == [LOOP, LOOP]
    assert texts(segments, Cleaner(CleanSettings(sentences=False)))[0] == "大家刚刚都已经这个。"
