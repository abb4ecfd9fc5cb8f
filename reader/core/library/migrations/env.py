"""Alembic environment: always run in-process on a connection `open_library` hands over."""

from alembic import context

from reader.core.library.models import Base


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


# Alembic installs `context.config` before executing this file; a plain import
# (the core-without-Qt test imports every module) must not migrate anything.
if hasattr(context, "config"):
    run_migrations(context.config.attributes["connection"])
