"""glossary terms and the suggestions a person ignored

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "glossary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term", sa.Text(), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.Column("transcript_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["transcript_id"], ["transcripts.id"], name=op.f("fk_glossary_transcript_id_transcripts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_glossary")),
    )
    op.create_index(op.f("ix_glossary_transcript_id"), "glossary", ["transcript_id"], unique=False)
    op.create_table(
        "ignored_suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("found", sa.Text(), nullable=False),
        sa.Column("suggestion", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["segment_id"], ["segments.id"], name=op.f("fk_ignored_suggestions_segment_id_segments"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ignored_suggestions")),
    )
    op.create_index(op.f("ix_ignored_suggestions_segment_id"), "ignored_suggestions", ["segment_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_ignored_suggestions_segment_id"), table_name="ignored_suggestions")
    op.drop_table("ignored_suggestions")
    op.drop_index(op.f("ix_glossary_transcript_id"), table_name="glossary")
    op.drop_table("glossary")
