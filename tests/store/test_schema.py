"""The migrations build exactly the models, and start-up tells a mismatched database apart."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from counter_app.store.database import Database
from counter_app.store.models import Base
from counter_app.store.schema import SchemaState


def test_migrations_match_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_migrated_database_is_current(db: Database) -> None:
    status = db.schema_status()
    assert status.state is SchemaState.CURRENT
    assert status.database_revision == status.code_revision


def test_empty_database_is_reported_empty(sqlite_url: str) -> None:
    assert Database(sqlite_url).schema_status().state is SchemaState.EMPTY


def test_database_from_a_newer_version_is_reported_newer(db: Database) -> None:
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00d_future'"))
    status = db.schema_status()
    assert status.state is SchemaState.NEWER
    assert status.database_revision == "f00d_future"


def test_sqlite_runs_with_wal_and_foreign_keys(sqlite_url: str) -> None:
    database = Database(sqlite_url)
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
