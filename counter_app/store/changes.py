"""Live news of applications changing state, for the queue and the clerks' screens.

On PostgreSQL a trigger announces every state change with pg_notify inside the changing
transaction (migration 0003), and a listener on its own connection and thread hears it once
committed; it reconnects with backoff when the server goes away. On SQLite a poller reads the
audit trail's new application events. Both call plain callbacks on their own thread; a GUI
wraps them in a queued signal:

    feed = change_feed(db, on_change=..., on_status=...)
    feed.start()   ...   feed.stop()

`on_status(True)` comes on every (re)connection: changes made while offline are not replayed,
so a listener reloads what it shows then; `on_status(False)` when the connection is lost.
"""

from __future__ import annotations

import json
import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

import psycopg
from sqlalchemy import Integer, cast, exc, func, select
from sqlalchemy.engine import make_url

from counter_app.store.database import Database
from counter_app.store.engine import READ_ONLY
from counter_app.store.models import Application, AuditEvent

CHANNEL = "counter_app_applications"  # named by the trigger in migration 0003
FIRST_RETRY_SECONDS = 0.5
LAST_RETRY_SECONDS = 8.0
WAIT_SECONDS = 0.5  # how long a wait for news lasts before `stop` is looked at again
POLL_SECONDS = 1.0

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    application_id: int
    state: str  # a domain.application.State value
    version: int
    outlet_code: str
    maker_id: int


OnChange = Callable[[Change], None]
OnStatus = Callable[[bool], None]  # True: (re)connected, reload; False: connection lost


class ChangeFeed(ABC):
    """A daemon thread delivering changes to `on_change` and the connection's state to
    `on_status` until `stop`."""

    def __init__(self, on_change: OnChange, on_status: OnStatus | None = None) -> None:
        self._on_change = on_change
        self._on_status = on_status
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.online = False

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("a change feed starts once")
        self._thread = threading.Thread(target=self._run, name=type(self).__name__, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout)

    @abstractmethod
    def _run(self) -> None: ...

    def _status(self, online: bool) -> None:
        if online == self.online:
            return
        self.online = online
        log.info("change feed %s", "online" if online else "offline")
        if self._on_status is not None:
            self._guarded(self._on_status, online)

    def _deliver(self, change: Change) -> None:
        self._guarded(self._on_change, change)

    @staticmethod
    def _guarded(callback: Callable[[object], None], value: object) -> None:
        # A failing receiver must not end the feed for everyone else.
        try:
            callback(value)
        except Exception:
            log.exception("a change feed receiver failed")


class PostgresListener(ChangeFeed):
    def __init__(self, url: str, on_change: OnChange, on_status: OnStatus | None = None) -> None:
        super().__init__(on_change, on_status)
        # libpq's own URI form: the same server, user and database, without SQLAlchemy's driver.
        self._conninfo = make_url(url).set(drivername="postgresql").render_as_string(False)

    def _run(self) -> None:
        retry = FIRST_RETRY_SECONDS
        while not self._stopping.is_set():
            try:
                self._listen()
                retry = FIRST_RETRY_SECONDS
            except psycopg.Error as error:
                log.warning("change feed lost its connection: %s", error)
                self._status(False)
                self._stopping.wait(retry)
                retry = min(retry * 2, LAST_RETRY_SECONDS)

    def _listen(self) -> None:
        # Keepalives notice a server that vanished without closing the connection.
        with psycopg.connect(
            self._conninfo,
            autocommit=True,
            connect_timeout=5,
            keepalives=1,
            keepalives_idle=5,
            keepalives_interval=2,
            keepalives_count=2,
        ) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self._status(True)
            while not self._stopping.is_set():
                for notice in connection.notifies(timeout=WAIT_SECONDS):
                    if (change := _parse(notice.payload)) is not None:
                        self._deliver(change)


def _parse(payload: str) -> Change | None:
    try:
        data = json.loads(payload)
        return Change(
            int(data["id"]),
            str(data["state"]),
            int(data["version"]),
            str(data["outlet_code"]),
            int(data["maker_id"]),
        )
    except (ValueError, KeyError, TypeError):
        log.warning("change feed ignored a malformed notice")
        return None


class SqlitePoller(ChangeFeed):
    """Reads the audit trail's application events newer than the last one it saw."""

    def __init__(
        self,
        db: Database,
        on_change: OnChange,
        on_status: OnStatus | None = None,
        interval: float = POLL_SECONDS,
    ) -> None:
        super().__init__(on_change, on_status)
        self._db = db
        self._interval = interval
        self._last_seq: int | None = None

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                self._poll()
                self._status(True)
            except exc.SQLAlchemyError as error:
                log.warning("change feed cannot read the database: %s", error)
                self._status(False)
            self._stopping.wait(self._interval)

    def _poll(self) -> None:
        # Once a second, for as long as the window is open: it must not queue for the write lock.
        with self._db.engine.connect().execution_options(**{READ_ONLY: True}) as connection:
            newest = connection.execute(
                select(func.coalesce(func.max(AuditEvent.seq), 0))
            ).scalar_one()
            if self._last_seq is None:  # news from now on, not the whole history
                self._last_seq = newest
                return
            rows = connection.execute(
                select(
                    AuditEvent.to_state,
                    Application.id,
                    Application.version,
                    Application.outlet_code,
                    Application.maker_id,
                )
                .join(Application, Application.id == cast(AuditEvent.object_id, Integer))
                .where(
                    AuditEvent.seq > self._last_seq,
                    AuditEvent.seq <= newest,  # what commits meanwhile comes next time
                    AuditEvent.object_type == "application",
                    AuditEvent.to_state.is_not(None),
                    AuditEvent.from_state.is_distinct_from(AuditEvent.to_state),
                )
                .order_by(AuditEvent.seq)
            ).all()
        self._last_seq = newest
        for row in rows:
            self._deliver(Change(row.id, row.to_state, row.version, row.outlet_code, row.maker_id))


def change_feed(db: Database, on_change: OnChange, on_status: OnStatus | None = None) -> ChangeFeed:
    """The feed that fits the database: a listener on PostgreSQL, a poller on SQLite."""
    if db.is_sqlite:
        return SqlitePoller(db, on_change, on_status)
    return PostgresListener(db.url, on_change, on_status)
