"""each transcript's segment and correction counts, stored and kept by triggers; on SQLite,
the search index without a copy of its tokens (contentless FTS5 and a table of entries)

Revision ID: 0007
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from reader.core.library import counts, search_sqlite

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        counts.TABLE,
        sa.Column("transcript_id", sa.Integer(), nullable=False),
        sa.Column("segments", sa.Integer(), nullable=False),
        sa.Column("corrected", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["transcript_id"], ["transcripts.id"], name=op.f("fk_transcript_counts_transcript_id_transcripts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("transcript_id", name=op.f("pk_transcript_counts")),
    )
    counts.install(op.get_bind())
    if op.get_bind().dialect.name == "sqlite":
        # Queues every segment: the app indexes them again in the background.
        search_sqlite.uninstall(op.get_bind())
        search_sqlite.install(op.get_bind())


# The index as 0002 made it, for a downgrade.
_OLD_INDEX = "CREATE VIRTUAL TABLE segment_search USING fts5(raw, effective, effective_text UNINDEXED)"
_OLD_DELETED = (
    "CREATE TRIGGER search_segment_deleted AFTER DELETE ON segments BEGIN DELETE FROM segment_search WHERE rowid = OLD.id; "
    "DELETE FROM search_pending WHERE segment_id = OLD.id; END"
)


def downgrade() -> None:
    counts.uninstall(op.get_bind())
    op.drop_table(counts.TABLE)
    if op.get_bind().dialect.name == "sqlite":
        search_sqlite.uninstall(op.get_bind())
        search_sqlite.install(op.get_bind())
        for statement in ("DROP TABLE segment_search", "DROP TABLE segment_search_entries", "DROP TRIGGER search_segment_deleted",
                          _OLD_INDEX, _OLD_DELETED, "DELETE FROM settings WHERE key = 'search_cleaning'"):
            op.execute(statement)
