"""on SQLite, the search index's tokens made by FTS5's trigram tokenizer (search_sqlite.py)

Revision ID: 0008
Revises: 0007
"""

from alembic import op

from reader.core.library import search_sqlite

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# The index as 0007 made it, for a downgrade: tokens written out one by one.
_OLD_INDEX = "CREATE VIRTUAL TABLE segment_search USING fts5(tokens, content='', detail=none, columnsize=0)"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Queues every segment: the app indexes them again in the background.
        search_sqlite.uninstall(op.get_bind())
        search_sqlite.install(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        search_sqlite.uninstall(op.get_bind())
        search_sqlite.install(op.get_bind())
        for statement in ("DROP TABLE segment_search", _OLD_INDEX, "DELETE FROM segment_search_entries",
                          "DELETE FROM settings WHERE key = 'search_cleaning'"):
            op.execute(statement)
