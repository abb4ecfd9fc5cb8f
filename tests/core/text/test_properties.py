"""Properties over generated text: cleaning is idempotent, loses nothing that is not a
target, and every cleaned character maps back to the raw character it came from."""

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.paths import seeds_dir
from reader.core.text import Cleaner, CleanSettings
from reader.core.text.edits import apply_edits
from reader.core.text.fillers import DEFAULT_FILLERS, _pattern
from reader.core.text.punctuation import SEPARATORS
from reader.core.text.stutters import HAN_CHAR

_seed_text = "".join(path.read_text(encoding="utf-8") for path in sorted(seeds_dir().glob("*.txt")))
COMMON_CHARACTERS = [ch for ch, _ in Counter(ch for ch in _seed_text if "\u4e00" <= ch <= "\u9fff").most_common(300)]
# Words where doubling, fillers and script conversion meet: dictionary reduplications,
# words holding a filler character, traditional forms, stance words.
WORDS = ["额外", "金额", "谢谢", "看看", "可以", "研究", "研究员", "一个", "我们", "这个", "觉得", "非常", "很多",
         "許多", "這個", "問題", "國家", "中国", "发现", "现在", "许许多多", "一步", "地", "的"]
OTHERS = ["呃", "嗯", "额", " uh ", "emm", "，", "。", "、", "？", " ", "GPT", "AI", "2024", " the", " The", "bye "]
piece = st.sampled_from(COMMON_CHARACTERS + WORDS + OTHERS)
texts = st.lists(st.tuples(piece, st.integers(1, 3)), max_size=14).map(lambda parts: "".join(p * n for p, n in parts))

DEFAULT = Cleaner()
# Only removals: no script conversion, no sentence marks written.
DELETING_ONLY = Cleaner(CleanSettings(script="keep", sentences=False))
SPACED = Cleaner(CleanSettings(spacing=True))


def _is_han(ch: str) -> bool:
    return bool(HAN_CHAR.fullmatch(ch))


examples = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@examples
@given(texts)
def test_cleaning_is_idempotent(raw):
    for cleaner in (DEFAULT, DELETING_ONLY, SPACED):
        once = cleaner.clean(raw).text
        assert cleaner.clean(once).text == once


@examples
@given(texts)
def test_every_cleaned_character_comes_from_the_raw_text(raw):
    result = DELETING_ONLY.clean(raw)
    assert [raw[result.to_raw(i)] for i in range(len(result.text))] == list(result.text)
    assert all(result.to_clean(result.to_raw(i)) == i for i in range(len(result.text)))


@examples
@given(texts)
def test_offsets_round_trip_through_script_conversion(raw):
    result = DEFAULT.clean(raw)
    assert all(result.to_clean(result.to_raw(i)) == i for i in range(len(result.text)))


@examples
@given(texts)
def test_only_targets_are_removed(raw):
    result = DELETING_ONLY.clean(raw)
    filler = _pattern(DEFAULT_FILLERS)
    assert filler is not None
    text = raw
    for step in result.steps:
        output = apply_edits(text, step.edits)
        for edit in step.edits:
            removed = text[edit.start : edit.end]
            assert edit.replacement == ""
            if step.stage == "fillers":
                assert filler.fullmatch(removed.strip()), removed
            elif step.stage == "stutters" and not set(removed) & set(SEPARATORS):
                # A stutter is a copy of what stays: nothing removed is missing from the output.
                spoken = removed.replace(" ", "")
                assert all(_is_han(ch) or (ch.isascii() and ch.isalpha()) for ch in spoken), removed
                assert set(spoken.lower()) <= set(output.lower()), removed
            elif step.stage == "stutters":
                # A restart: the false start is a copy of what stays, its separator goes with it.
                spoken = {ch for ch in removed if not ch.isspace() and ch not in SEPARATORS}
                assert spoken and spoken <= set(output), removed
            elif step.stage == "punctuation":
                assert not any(ch.isalnum() for ch in removed) or not any(ch.isalnum() for ch in output), removed
        text = output
    assert text == result.text



# Clauses as speech has them, said again, started over, looped: restarts, loops and
# sentence marks meet here.
CLAUSES = ["我", "对", "谢谢", "是啊", "大大", "叫叫", "我们", "结果", "大家好", "我觉得", "这个模型", "大模",
           "大模型来做", "在这个训练", "训练的过程中", "我们做了数据", "我们学习标记的方式也改变了", "但是",
           "有什么补充吗", "这取决于你对吧", "the", "the model", "嗯"]
MARKS = ["，", "，", "、", "。", "？", " ", "，呃，"]
clause_texts = st.lists(st.tuples(st.sampled_from(CLAUSES), st.sampled_from(MARKS), st.integers(1, 3)), max_size=10).map(
    lambda parts: "".join((c + m) * n for c, m, n in parts)
)
next_chunks = st.one_of(st.none(), st.just(""), st.sampled_from(CLAUSES), texts)
speech = st.one_of(texts, clause_texts)


@examples
@given(speech, next_chunks)
def test_new_stages_are_idempotent(raw, following):
    for cleaner in (DEFAULT, SPACED):
        once = cleaner.clean(raw, next_raw=following).text
        assert cleaner.clean(once, next_raw=following).text == once


@examples
@given(speech, next_chunks)
def test_offsets_map_through_restarts_loops_and_sentence_marks(raw, following):
    result = Cleaner(CleanSettings(script="keep")).clean(raw, next_raw=following)
    for i, ch in enumerate(result.text):
        source = raw[result.to_raw(i)]
        # Every character is the raw one, but for a sentence mark written over the raw 。.
        assert source == ch or (ch in "，？" and source == "。") or (ch == "？" and source == "，"), (i, ch, source)
        assert result.to_clean(result.to_raw(i)) == i


@examples
@given(speech, next_chunks)
def test_restarts_loops_and_sentences_touch_only_their_targets(raw, following):
    result = Cleaner(CleanSettings(script="keep")).clean(raw, next_raw=following)
    text = raw
    for step in result.steps:
        output = apply_edits(text, step.edits)
        for edit in step.edits:
            removed = text[edit.start : edit.end]
            spoken = {ch.lower() for ch in removed if not ch.isspace() and ch not in SEPARATORS + "。？"}
            if step.stage in ("stutters", "loops"):
                # A false start or a looped clause is a copy of what stays.
                assert edit.replacement == "" and spoken <= set(output.lower()), removed
            elif step.stage == "sentences":
                # A chunk's 。 runs on or asks; a ， inside it closes a question (`听到吗，哎` -> `听到吗？哎`).
                assert (removed, edit.replacement) in {("。", "，"), ("。", "？"), ("，", "？")}
        text = output
    assert text == result.text
