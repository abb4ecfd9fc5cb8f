from pathlib import Path

import pytest

from reader.core.text import Cleaner

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def cleaner():
    """Default settings, warmed once: loading the dictionary is the slow part."""
    found = Cleaner()
    found.warm_up()
    return found


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            raw, expected = line.split("\t")
            pairs.append((raw, expected))
    return pairs


def read_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
