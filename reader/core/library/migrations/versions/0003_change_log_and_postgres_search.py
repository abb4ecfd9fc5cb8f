"""change log for other copies of the app to refresh from; PostgreSQL's search index

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from reader.core.library import changes, search_pg
from reader.core.library.search_tables import INDEX, PENDING

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transcript_id", sa.Integer(), nullable=True),
        sa.Column("segment_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
        sqlite_autoincrement=True,
    )
    changes.install(op.get_bind())
    if op.get_bind().dialect.name == "postgresql":
        search_pg.install(op.get_bind())


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(f"DROP TABLE IF EXISTS {INDEX}, {PENDING}")
        op.execute("DROP FUNCTION IF EXISTS search_queue_segment, search_queue_rule_scope CASCADE")
        op.execute(
            "DROP FUNCTION IF EXISTS change_log_segments_added, change_log_segments_removed, change_log_segments_updated, "
            "change_log_segment_topics, change_log_transcripts, "
            "change_log_rules, change_log_anything CASCADE"
        )
        op.execute("DROP FUNCTION IF EXISTS change_log_add")
    else:
        for name in changes.TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("change_log")
