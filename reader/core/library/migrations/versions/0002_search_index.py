"""full-text search index (SQLite FTS5), its queue and the triggers that fill it

Revision ID: 0002
Revises: 0001
"""

from alembic import op

from reader.core.library import search, search_tables

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # PostgreSQL gets its own index (tsvector) in a later revision.
    if op.get_bind().dialect.name == "sqlite":
        search.install_sqlite(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in search.TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"DROP TABLE IF EXISTS {search_tables.PENDING}")
        op.execute(f"DROP TABLE IF EXISTS {search_tables.INDEX}")
