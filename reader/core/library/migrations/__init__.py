"""Schema migrations (Alembic). Each revision lives in versions/."""

# The newest revision, known without importing Alembic: opening a library whose
# stored revision is this one skips Alembic altogether (see db.open_library).
# tests/core/library/test_open.py fails until a new migration updates it.
HEAD_REVISION = "0003"
