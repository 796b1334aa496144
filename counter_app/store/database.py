"""One database: its engine, its transactions, and its schema's fit with the code."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc
from sqlalchemy.orm import Session, sessionmaker

from counter_app.store import engine as engines
from counter_app.store import migrate


class DatabaseUnavailable(RuntimeError):
    """The server cannot be reached or the file cannot be written; nothing was changed."""


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = engines.create(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def description(self) -> str:
        return engines.describe(self.url)

    @property
    def is_sqlite(self) -> bool:
        return engines.is_sqlite(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        try:
            with self._sessions.begin() as session:
                yield session
        except exc.OperationalError as error:
            raise DatabaseUnavailable(str(error.orig or error)) from error
        except exc.DBAPIError as error:
            if error.connection_invalidated:
                raise DatabaseUnavailable(str(error.orig or error)) from error
            raise

    def schema_status(self) -> migrate.SchemaStatus:
        try:
            return migrate.status(self.engine)
        except exc.DatabaseError as error:  # unreachable, or a file that is no database
            raise DatabaseUnavailable(str(error.orig or error)) from error

    def upgrade(self) -> None:
        migrate.upgrade(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()
