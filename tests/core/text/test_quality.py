"""Cleaning quality on whole sets: the gold pairs, stutters from the other seeds, fluent prose."""

import csv
from collections import Counter
from pathlib import Path

import pytest

from tests.core.text.conftest import DATA, read_lines, read_pairs

# Below what the sentences stage reaches on the labelled boundaries; see the printed figure.
ACCURACY_FLOOR = 0.65
GOLD = Path(__file__).resolve().parents[3] / ".." / "shared" / "gold" / "clean-dev.tsv"


def _report(failures: list[tuple[str, str, str]]) -> str:
    return "\n".join(f"  in:   {raw}\n  want: {want}\n  got:  {got}" for raw, want, got in failures)


def test_gold_dev_pairs(cleaner):
    if not GOLD.is_file():
        pytest.skip(f"gold pairs not found at {GOLD}")
    with GOLD.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    failures = []
    damaged_keeps = []
    for row in rows:
        raw, want = row["input"] or "", row["expected"] or ""
        got = cleaner.clean(raw).text
        if got != want:
            failures.append((raw, want, got))
            if row["category"] == "keep":
                damaged_keeps.append(row["id"])
    exact = 1 - len(failures) / len(rows)
    print(f"gold: {len(rows) - len(failures)}/{len(rows)} exact ({exact:.1%})\n{_report(failures)}")
    assert not damaged_keeps, f"keep lines changed: {damaged_keeps}\n{_report(failures)}"
    assert exact >= 0.98, _report(failures)


def test_stutters_from_other_seeds(cleaner):
    pairs = read_pairs(DATA / "seed_stutters.tsv")
    failures = [(raw, want, got) for raw, want in pairs if (got := cleaner.clean(raw).text) != want]
    print(f"seed stutters: {len(pairs) - len(failures)}/{len(pairs)} exact\n{_report(failures)}")
    assert len(failures) <= len(pairs) * 0.05, _report(failures)


def test_fluent_prose_comes_through_untouched(cleaner):
    lines = [line for path in sorted(DATA.glob("fluent_prose*.txt")) for line in read_lines(path)]
    damaged = [(line, line, got) for line in lines if (got := cleaner.clean(line).text) != line]
    print(f"fluent prose: {len(lines) - len(damaged)}/{len(lines)} untouched\n{_report(damaged)}")
    assert len(lines) >= 400
    # At most one line in a hundred (known misses: the rare onomatopoeia 滋滋 and 发发呆).
    assert len(damaged) <= len(lines) // 100, _report(damaged)


def _boundaries() -> list[tuple[str, str, str]]:
    rows = []
    for line in (DATA / "chunk_boundaries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            _seed, prev, following, label = line.split("\t")
            rows.append((prev, following, label))
    return rows


def test_chunk_boundaries_from_the_seeds(cleaner):
    """Whether a chunk-final `。` ends its sentence, against boundaries labelled by hand."""
    rows = _boundaries()
    wrong = []
    confusion = Counter()
    for prev, following, label in rows:
        got = "continue" if cleaner.clean(prev, next_raw=following).text.endswith("，") else "end"
        confusion[label, got] += 1
        if got != label:
            wrong.append((f"{prev} | {following}", label, got))
    accuracy = 1 - len(wrong) / len(rows)
    print(
        f"chunk boundaries: {len(rows) - len(wrong)}/{len(rows)} right ({accuracy:.0%}); "
        f"continue found {confusion['continue', 'continue']}/{confusion['continue', 'continue'] + confusion['continue', 'end']}, "
        f"end kept {confusion['end', 'end']}/{confusion['end', 'end'] + confusion['end', 'continue']}\n{_report(wrong)}"
    )
    assert len(rows) >= 60
    # An end wrongly run on hurts a reader more than a cut left in: few of those.
    assert confusion["end", "continue"] <= 3, _report(wrong)
    assert accuracy >= ACCURACY_FLOOR, _report(wrong)
