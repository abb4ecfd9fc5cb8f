"""The desktop reader's views and edits on a shared PostgreSQL library: the same tests, another database."""

import pytest

from tests.ui.test_editing import *  # noqa: F403 - every editing test, run again here
from tests.ui.test_window import *  # noqa: F403 - every window test, run again here


@pytest.fixture
def db_path(pg_url):
    return pg_url
