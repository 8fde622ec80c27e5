"""Alembic environment: runs on the connection that accordwatch.store.migrate hands over.

There is no alembic.ini and no logging set-up here: the store opens the connection (with its
SQLite pragmas) and passes it in `config.attributes["connection"]`.
"""

from alembic import context

from accordwatch.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things; batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
