"""Stage 7, sentences (CLEANING.md): a chunk-final 。 that cuts a sentence, and questions."""

import pytest

from reader.core.text import Cleaner, CleanSettings
from reader.core.text.sentences import is_question, mark_sentences, runs_on


@pytest.mark.parametrize(
    ("chunk", "following"),
    [
        ("大家刚刚都已经这个。", "听过他们的精彩的报告了"),  # a demonstrative waits for its noun
        ("他们开始在金雀花探针上得到很好的结果，但是。", "这比剪辑的效率要低得多"),  # a conjunction
        ("这件事情必须带来的结果是。", "我们要对这个image做改变"),  # 是 waits for what it introduces
        ("否，我的意思是。", "在这里谈话很愉快"),
        ("当我们在评估这两个方法的时候。", "我觉得diffusion还不够"),  # a clause waiting for its main clause
        ("如果我获得了一个好的物理学位。", "计算机科学反正很有趣"),
        ("你就是说最后弄完之后啊。", "这样的一套模型就绑定在一起了"),  # a particle after what still waits
        ("对我来说似乎不是一个很自然的。", "选择"),  # a determiner, then 的: a noun is due
        ("例如让我们。", "让我们想象一下"),
        ("训出来的这样一个encoder。", "或者说至少是一个protocol"),  # the next chunk cannot begin a sentence
        ("我们不想让任何公司或国家。", "或者比其他人更有能力"),
        ("我们发布了4。", "13亿张图像数据集"),  # a number the cut split
    ],
)
def test_sentence_runs_on(chunk, following):
    assert runs_on(chunk, following)
    assert mark_sentences(chunk, following)[0] == chunk[:-1] + "，"


@pytest.mark.parametrize(
    ("chunk", "following"),
    [
        ("也是服务上千万用户啊。", "然后包括你可以说"),  # a sentence-final particle
        ("我觉得这个在理论上是很有意思的。", "那你觉得这里面"),
        ("然后稍微大一点的规模，改变艺术风格之类的。", "一旦你增加了更多的比例"),
        ("在我心里会分量会更重一些啊。", "然后diffusion就是说"),
        ("我追求我想做的任何事情。", "以后有很多空闲时间"),
        ("我们很早就看到了这些能力的出现。", "现在你知道这些能力是"),
        ("这是一个好问题。", ""),  # the transcript ends here
    ],
)
def test_sentence_ends(chunk, following):
    assert not runs_on(chunk, following)
    assert mark_sentences(chunk, following) == (chunk, [])


def test_without_the_next_chunk_the_mark_stays():
    assert mark_sentences("大家刚刚都已经这个。", None) == ("大家刚刚都已经这个。", [])
    assert mark_sentences("有什么补充吗。", None) == ("有什么补充吗。", [])


@pytest.mark.parametrize(
    "clause",
    ["OK没有补充吗", "这取决于你到底想干什么对吧", "这个是不是应该unify", "你有没有试过", "为什么要vision呢",
     "这个成本大概是多少呢", "你觉得怎么样", "现场还有没有朋友想提问的啊"],
)
def test_questions(clause):
    assert is_question(clause)
    assert mark_sentences(clause + "。", "我们下次再聊")[0] == clause + "？"


@pytest.mark.parametrize("clause", ["比如它通向哪里", "我们是一个非营利组织", "谢谢大家", "那我们就先聊到这里呢"])
def test_statements_are_no_questions(clause):
    assert not is_question(clause)


def test_a_question_inside_a_chunk_gets_its_mark_whatever_follows():
    assert mark_sentences("你能听到吗。我们开始吧。", None)[0] == "你能听到吗？我们开始吧。"
    # A comma after a question stays where the sentence goes on (`…吗，以及…`).
    assert mark_sentences("有看到一些提升吗，以及在未来当中，", None) == ("有看到一些提升吗，以及在未来当中，", [])


@pytest.mark.parametrize(
    ("chunk", "marked"),
    [
        # From the seeds: a question closed by a comma, then a clause of its own.
        ("你对此有什么了解吗，你认为语言将是最终的媒体界面。", "你对此有什么了解吗？你认为语言将是最终的媒体界面。"),
        ("背后有什么秘密吗，你知道的。", "背后有什么秘密吗？你知道的。"),
        ("为什么会这样呢，因为数据不够。", "为什么会这样呢？因为数据不够。"),
        # The question goes on past the comma, or there is no question.
        ("你是不是觉得，这个问题很难。", "你是不是觉得，这个问题很难。"),
        ("所以不管怎么样，我们都要做。", "所以不管怎么样，我们都要做。"),
        ("这个方法对吧，其实还没有定论。", "这个方法对吧，其实还没有定论。"),  # a tag, inside the sentence
        # A chunk-final comma: the recognizer heard the sentence go on into the next chunk.
        ("还有什么补充吗，", "还有什么补充吗，"),
    ],
)
def test_a_comma_that_closes_a_question_becomes_its_mark(chunk, marked):
    assert mark_sentences(chunk, "")[0] == marked


def test_the_pipeline_marks_what_sentences_changed(cleaner):
    result = cleaner.clean("呃大家刚刚都已经这个。", next_raw="嗯，听过他们的报告了")
    assert result.text == "大家刚刚都已经这个，"
    assert result.clean_spans_changed() == [(9, 10, "sentences")]
    assert [(e.start, e.end, e.replacement, e.stage) for e in result.edits][-1] == (10, 11, "，", "sentences")
    assert result.to_raw(9) == 10
    off = Cleaner(CleanSettings(sentences=False))
    assert off.clean("大家刚刚都已经这个。", next_raw="听过他们的报告了").text == "大家刚刚都已经这个。"


def test_a_next_segment_that_is_a_mark_says_nothing(cleaner):
    assert cleaner.clean("大家刚刚都已经这个。", next_raw="(掌聲)").text == "大家刚刚都已经这个。"
