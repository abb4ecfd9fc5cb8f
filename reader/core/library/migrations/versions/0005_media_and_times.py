"""a transcript's recording (path and fingerprint); segment times marked as estimated

Revision ID: 0005
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "recordings",
        sa.Column("transcript_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("head_hash", sa.String(length=64), nullable=False),
        sa.Column("attached_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["transcript_id"], ["transcripts.id"], name=op.f("fk_recordings_transcript_id_transcripts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("transcript_id", name=op.f("pk_recordings")),
    )
    # A plain ADD COLUMN: a batch copy of segments would drop its change-log and search triggers.
    op.add_column("segments", sa.Column("time_estimated", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("segments") as batch:
        batch.drop_column("time_estimated")
    op.drop_table("recordings")
