import re

import pytest

from reader.core.paths import seeds_dir


@pytest.fixture(scope="session")
def seed_paragraphs():
    """Every non-heading paragraph of the sample transcripts."""
    paragraphs = []
    for path in sorted(seeds_dir().glob("*.txt")):
        for block in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")):
            if block.strip() and not block.startswith("# "):
                paragraphs.append(block.strip())
    return paragraphs
