"""review status per segment and comments on segments

Revision ID: 0006
Revises: 0003 (re-chained after 0005 when merged)
"""

import sqlalchemy as sa
from alembic import op

from reader.core.library import review_tables

revision = "0006"
# lead: re-chain after 0005
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "segment_reviews",
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('todo', 'reviewed')", name=op.f("ck_segment_reviews_status")),
        sa.ForeignKeyConstraint(
            ["segment_id"], ["segments.id"], name=op.f("fk_segment_reviews_segment_id_segments"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("segment_id", name=op.f("pk_segment_reviews")),
    )
    op.create_table(
        "segment_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["segment_id"], ["segments.id"], name=op.f("fk_segment_comments_segment_id_segments"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segment_comments")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("segment_comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_segment_comments_segment_id"), ["segment_id"], unique=False)
    review_tables.install(op.get_bind())


def downgrade() -> None:
    review_tables.uninstall(op.get_bind())
    with op.batch_alter_table("segment_comments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_segment_comments_segment_id"))
    op.drop_table("segment_comments")
    op.drop_table("segment_reviews")
