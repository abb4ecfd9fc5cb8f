"""each transcript's segment and correction counts, stored and kept by triggers

Revision ID: 0007
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from reader.core.library import counts

revision = "0007"
down_revision = "0003"  # lead: re-chain after 0006
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


def downgrade() -> None:
    counts.uninstall(op.get_bind())
    op.drop_table(counts.TABLE)
