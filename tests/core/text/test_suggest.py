"""Suggestions from a glossary: what sounds like a term, known misspellings, Latin spacing."""

from collections import Counter

import pytest

from reader.core.text import segmenter
from reader.core.text.suggest import ALIAS, LATIN, SOUND, Dictionary, Glossary, Term, fuzzy, suggest
from tests.core.text.planted import GLOSSARY, plant, seed_lines

WORDS = Dictionary(segmenter.freq, segmenter.tag)


@pytest.fixture(scope="module")
def glossary():
    segmenter.add_glossary(t.text for t in GLOSSARY)
    return Glossary([*GLOSSARY, Term("大语言模型", ("大圆模型",)), Term("ChatGPT", ("CHRGBT",))])


def found(text, glossary):
    return [(s.found, s.suggestion, s.kind) for s in suggest(text, segmenter.cut(text), glossary, WORDS)]


def test_fuzzy_pairs_fold_initials_and_finals():
    assert fuzzy("zhi") == fuzzy("zi") and fuzzy("shang") == fuzzy("san") and fuzzy("ning") == fuzzy("lin")
    assert fuzzy("qi") != fuzzy("ji")


def test_a_homophone_of_a_term_is_offered_the_term(glossary):
    assert found("我们几个模台是不是要合在一起", glossary) == [("模台", "模态", SOUND)]
    assert found("视觉encoder与训练啊", glossary) == [("与训练", "预训练", SOUND)]
    assert found("北京志愿研究院呢有发布", glossary) == [("志愿", "智源", SOUND)]


def test_the_term_itself_and_other_words_are_left_alone(glossary):
    assert found("多模态的预训练模型", glossary) == []
    # 政治原因 is cut 政治 / 原因: 治原 sits across two words.
    assert found("因为政治原因", glossary) == []
    # 资源 (zi) sounds like 智源 (zhi) only with the fuzzy pair, and it is a common word.
    assert found("计算资源很多", glossary) == []
    # 对 + 其 before a verb is grammar.
    assert found("我们迫切需要对其进行规范", glossary) == []


def test_known_misspellings_and_latin_spacing_and_case(glossary):
    assert found("用大圆模型来做", glossary) == [("大圆模型", "大语言模型", ALIAS)]
    assert found("他们发布了chat gpt，还有CHRGBT", glossary) == [("chat gpt", "ChatGPT", LATIN), ("CHRGBT", "ChatGPT", ALIAS)]
    assert found("the SCALING LAW holds", glossary) == [("SCALING LAW", "scaling law", LATIN)]
    # Inside a longer Latin word there is no term.
    assert found("transformers and ChatGPT", glossary) == []


def test_planted_homophones_are_found_and_little_else(cleaner):
    """Seed text with terms replaced by homophones: recall of the planted ones, and how many
    of the new suggestions are planted ones (suggestions the unplanted text already had are
    the seeds' own errors, left out of the count)."""
    glossary = Glossary(GLOSSARY)
    segmenter.add_glossary(glossary.words)
    lines = seed_lines(cleaner)
    planted_total = hits = false_alarms = 0
    for original, (text, planted) in zip(lines, plant(lines), strict=True):
        before = Counter((s.found, s.suggestion) for s in suggest(original, segmenter.cut(original), glossary, WORDS))
        caught = set()
        for s in suggest(text, segmenter.cut(text), glossary, WORDS):
            match = next((i for i, p in enumerate(planted) if _undoes(s, p)), None)
            if match is not None:
                caught.add(match)
            elif before[(s.found, s.suggestion)]:
                before[(s.found, s.suggestion)] -= 1
            else:
                false_alarms += 1
                print("false alarm:", s.found, s.suggestion, text[max(0, s.start - 8):s.end + 8])
        for i, p in enumerate(planted):
            if i not in caught:
                print("missed:", p.wrong, p.term, text[max(0, p.start - 8):p.end + 8])
        planted_total += len(planted)
        hits += len(caught)
    recall = hits / planted_total
    precision = hits / (hits + false_alarms)
    print(f"\nplanted {planted_total}, found {hits}, false alarms {false_alarms}: recall {recall:.1%}, precision {precision:.1%}")
    assert planted_total >= 150
    assert recall >= RECALL_FLOOR and precision >= PRECISION_FLOOR


def _undoes(s, p):
    """Taking suggestion `s` inside planted span `p` gives back the term (`莫态` -> 模态 in `多莫态`)."""
    if not (p.start <= s.start and s.end <= p.end):
        return False
    offset = s.start - p.start
    return p.wrong[:offset] + s.suggestion + p.wrong[offset + len(s.found):] == p.term


RECALL_FLOOR = 0.95
PRECISION_FLOOR = 0.95
