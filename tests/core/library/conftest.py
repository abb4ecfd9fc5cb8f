import pytest

from reader.core import paths
from reader.core.library import import_file


@pytest.fixture
def roundtable(library):
    """seeds/002: a five-voice roundtable without labels; its transcript id."""
    return import_file(library, paths.seeds_dir() / "002_31e3d2a98f80fa1d.txt").transcripts[0].id
