"""Alembic environment: always run in-process on a connection `open_library` hands over."""

from alembic import context
from sqlalchemy import Connection

from reader.core.library.models import Base
from reader.core.library.search_tables import is_search_table


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
        # The search index is made by its own migration, outside the models.
        include_name=lambda name, kind, parents: kind != "table" or not is_search_table(name or ""),
    )
    with context.begin_transaction():
        context.run_migrations()


# Alembic installs `context.config` before executing this file; a plain import
# (the core-without-Qt test imports every module) must not migrate anything.
if hasattr(context, "config"):
    run_migrations(context.config.attributes["connection"])
