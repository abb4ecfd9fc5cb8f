"""The schema revisions this version of the app knows: the Alembic scripts in `migrations/`."""

from __future__ import annotations

import functools
from pathlib import Path

from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("migrations")


@functools.cache
def scripts() -> ScriptDirectory:
    return ScriptDirectory(str(MIGRATIONS))


def schema_heads() -> tuple[str, ...]:
    """The schema revision(s) this version of the app writes."""
    return tuple(scripts().get_heads())


def known_schemas() -> frozenset[str]:
    """Every schema revision this version of the app can open (and migrate)."""
    return frozenset(script.revision for script in scripts().walk_revisions())
