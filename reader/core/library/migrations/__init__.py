"""Schema migrations (Alembic; each revision in versions/) and what the app asks Alembic.

Alembic takes ~150 ms to import: it is imported only in these functions, which
`db.open_library` calls only when a library's stored revision is not HEAD_REVISION.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection

# The newest revision, known without importing Alembic. A new migration must
# update it (tests/core/library/test_open.py fails until it does).
HEAD_REVISION = "0008"
LOCATION = Path(__file__).parent


@functools.cache
def scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(LOCATION))


def schema_heads() -> tuple[str, ...]:
    """The schema revision(s) this version of the app writes."""
    return tuple(scripts().get_heads())


def known_schemas() -> frozenset[str]:
    """Every schema revision this version of the app can open (and migrate)."""
    return frozenset(script.revision for script in scripts().walk_revisions())


def alembic_config(connection: Connection) -> Config:
    """Alembic's configuration for running in-process on `connection` (see env.py)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(LOCATION))
    config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, revision: str = "heads") -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), revision)
