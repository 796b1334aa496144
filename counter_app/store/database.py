"""One database: its engine, its transactions, and its schema's fit with the code."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from counter_app.store import engine as engines

# SQLAlchemy and Alembic are loaded on the first use of the database (in the background, in the
# window), so that the sign-in window is up before they are.
if TYPE_CHECKING:
    from sqlalchemy import Engine, exc
    from sqlalchemy.orm import Session, sessionmaker

    from counter_app.store.schema import SchemaStatus


class DatabaseUnavailable(RuntimeError):
    """The server cannot be reached or the file cannot be written; nothing was changed."""


class DiskFull(DatabaseUnavailable):
    """The disk holding the SQLite file is full: nothing was written, the file is intact."""


def _unavailable(error: exc.DBAPIError) -> DatabaseUnavailable:
    import sqlite3  # loaded already by then, with SQLAlchemy; not before the window is up

    if getattr(error.orig, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return DiskFull(str(error.orig))
    return DatabaseUnavailable(str(error.orig or error))


class Database:
    def __init__(self, url: str) -> None:
        engines.check(url)
        self.url = url
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._made = threading.Lock()
        self._open = threading.local()  # the transaction open on each thread, if any
        # Copied into every transaction's Session.info: what the use cases need besides the
        # tables (the audit chain's key, see services/audit.use_key), without the store knowing.
        self.session_info: dict[str, object] = {}

    @property
    def engine(self) -> Engine:
        """Made on first use; it connects only when a transaction needs it."""
        return self._made_once()[0]

    def _made_once(self) -> tuple[Engine, sessionmaker[Session]]:
        with self._made:
            if self._engine is None or self._sessions is None:
                from sqlalchemy.orm import sessionmaker

                self._engine = engines.create(self.url)
                self._sessions = sessionmaker(self._engine, expire_on_commit=False)
            return self._engine, self._sessions

    @property
    def description(self) -> str:
        return engines.describe(self.url)

    @property
    def is_sqlite(self) -> bool:
        return engines.is_sqlite(self.url)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error.

        Opened inside another on the same thread, it is part of that one and is committed or
        rolled back with it: a use case made of several can be all or nothing.
        """
        from sqlalchemy import exc

        outer: Session | None = getattr(self._open, "session", None)
        if outer is not None:
            yield outer
            return
        _, sessions = self._made_once()
        try:
            with sessions.begin() as session:
                session.info.update(self.session_info)
                self._open.session = session
                try:
                    yield session
                finally:
                    self._open.session = None
        except exc.OperationalError as error:
            raise _unavailable(error) from error
        except exc.DBAPIError as error:
            if error.connection_invalidated:
                raise _unavailable(error) from error
            raise

    def schema_status(self) -> SchemaStatus:
        from sqlalchemy import exc

        from counter_app.store import migrate

        try:
            return migrate.status(self.engine)
        except exc.DatabaseError as error:  # unreachable, or a file that is no database
            raise DatabaseUnavailable(str(error.orig or error)) from error

    def upgrade(self) -> bool:
        """Apply the migrations; on PostgreSQL also grant the service's role
        (store/privileges.py). False when that role is missing and may not be created here."""
        from counter_app.store import migrate, privileges

        migrate.upgrade(self.engine)
        if self.is_sqlite:
            return True
        with self.engine.begin() as connection:
            return privileges.grant_roles(connection)

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
