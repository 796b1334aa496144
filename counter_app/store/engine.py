"""Where the database is and how to connect to it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

# SQLAlchemy is loaded when the first engine is made, not when the window starts.
if TYPE_CHECKING:
    from sqlalchemy import Engine

APP_NAME = "counter_app"
# An execution option for connections that never write: on SQLite they take no write lock.
READ_ONLY = "counter_app_read_only"
# Seconds to connect, then how soon a connection whose server went silent is given up (libpq:
# TCP keepalives after 10 s idle, every 5 s, 3 unanswered; unacknowledged data after 15 s).
SERVER_TIMEOUTS = {
    "connect_timeout": 5,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 15_000,
}
DB_URL_VARIABLE = "COUNTER_APP_DB_URL"


def default_sqlite_path() -> Path:
    import platformdirs  # only for the default: a window started with a URL goes without it

    return Path(platformdirs.user_data_dir(APP_NAME)) / "counter.sqlite3"


def resolve_url(explicit: str | None = None) -> str:
    """--db URL first, then COUNTER_APP_DB_URL, then the workstation's own SQLite file."""
    if explicit:
        return explicit
    if env := os.environ.get(DB_URL_VARIABLE):
        return env
    return f"sqlite:///{default_sqlite_path()}"


def backend(url: str) -> str:
    """The backend the URL names: "sqlite" or "postgresql" (its scheme before any "+driver")."""
    return url.split(":", 1)[0].split("+", 1)[0].lower()


def is_sqlite(url: str) -> bool:
    return backend(url) == "sqlite"


def describe(url: str) -> str:
    """The URL without its password, for the status bar and logs."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


class InvalidDatabaseUrl(ValueError):
    def __init__(self, url: str) -> None:
        super().__init__(f"{url!r} is not a database URL (e.g. postgresql://user@server/counter)")


class UnsupportedDatabase(ValueError):
    def __init__(self, driver: str) -> None:
        super().__init__(f"{driver} databases are not supported: use SQLite or PostgreSQL")


class UnusableDatabaseFolder(ValueError):
    def __init__(self, folder: Path, error: OSError) -> None:
        super().__init__(f"cannot use the folder {folder} for the database file: {error.strerror}")


def check(url: str) -> None:
    """What can be told of `url` without loading SQLAlchemy: a database we support, and for
    SQLite a folder the file can go in (made now)."""
    if ":" not in url:
        raise InvalidDatabaseUrl(url)
    if backend(url) not in {"sqlite", "postgresql"}:
        raise UnsupportedDatabase(url.split(":", 1)[0])
    path = url.split(":///", 1)[1] if is_sqlite(url) and ":///" in url else ""
    if path and path != ":memory:":
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UnusableDatabaseFolder(Path(path).parent, error) from error


def create(url: str) -> Engine:
    """An engine for `url`; the file's folder is created for SQLite. Connects lazily."""
    from sqlalchemy import create_engine, exc
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except exc.ArgumentError:
        raise InvalidDatabaseUrl(url) from None
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "sqlite":
        # libpq waits for an unanswering server as long as TCP does (minutes): give up sooner,
        # so the clerk hears the database is unreachable. The URL's own settings come first.
        timeouts = {k: v for k, v in SERVER_TIMEOUTS.items() if k not in parsed.query}
        try:
            return create_engine(parsed, pool_pre_ping=True, connect_args=timeouts)
        except (ImportError, exc.NoSuchModuleError):
            raise UnsupportedDatabase(parsed.drivername) from None
    if parsed.database and parsed.database != ":memory:":
        try:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UnusableDatabaseFolder(Path(parsed.database).parent, error) from error
    engine = create_engine(parsed, connect_args={"timeout": 15})
    _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    from sqlalchemy import event

    # pysqlite's own transaction handling defers BEGIN until the first write, which lets two
    # writers read the same audit chain head; take the write lock when a transaction begins.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        # A connection that only reads (READ_ONLY) waits for no writer: WAL lets it read
        # the last committed state while a submission holds the write lock.
        read_only = connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
