"""Live news as Qt signals on the GUI thread: polling on SQLite, LISTEN/NOTIFY on a real
PostgreSQL, a dropped connection said on screen and recovered without anyone doing anything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from counter_app.domain.application import Action, State
from counter_app.services import applications
from counter_app.store.changes import CHANNEL, Change
from counter_app.store.database import Database
from counter_app.ui.live_indicator import LiveIndicator
from counter_app.ui.live_updates import LiveUpdates
from tests.ui import test_queue_page
from tests.ui.test_queue_page import LIVE_SECONDS, OUTLET, Outlet, started_live

pytestmark = pytest.mark.gui

DELIVERY_MS = int(LIVE_SECONDS * 1000)
RECONNECT_MS = 30_000

# The fixtures, under the names the tests ask for.
outlet = test_queue_page.outlet
pg_outlet = test_queue_page.pg_outlet
live = test_queue_page.live


class Heard:
    """What reached the GUI: each change and on which thread it arrived."""

    def __init__(self, live: LiveUpdates) -> None:
        self.changes: list[Change] = []
        self.on_gui_thread: list[bool] = []
        live.changed.connect(self._heard)

    def _heard(self, change: Change) -> None:
        self.changes.append(change)
        app = QApplication.instance()
        assert app is not None
        self.on_gui_thread.append(QThread.currentThread() is app.thread())

    def states(self, application_id: int) -> list[str]:
        return [c.state for c in self.changes if c.application_id == application_id]


def decide_and_hear(qtbot: QtBot, outlet: Outlet, live: LiveUpdates) -> None:
    heard = Heard(live)
    made = outlet.submit(outlet.wang)
    qtbot.waitUntil(
        lambda: heard.states(made.id) == [State.DRAFT, State.SUBMITTED], timeout=DELIVERY_MS
    )
    approved = applications.transition(
        outlet.db, outlet.zhao, made.id, Action.APPROVE, made.version
    )
    qtbot.waitUntil(lambda: State.APPROVED in heard.states(made.id), timeout=DELIVERY_MS)
    last = heard.changes[-1]
    assert (last.application_id, last.version, last.outlet_code) == (
        made.id,
        approved.version,
        OUTLET,
    )
    assert last.maker_id == outlet.wang.staff_id
    assert all(heard.on_gui_thread)


def test_sqlite_news_arrives_on_the_gui_thread_within_two_seconds(
    qtbot: QtBot, outlet: Outlet, live: LiveUpdates
) -> None:
    assert live.online is True and live.running
    decide_and_hear(qtbot, outlet, live)


def test_nothing_arrives_after_stop(qtbot: QtBot, outlet: Outlet, live: LiveUpdates) -> None:
    live.stop(timeout=10)
    assert not live.running and live.online is None
    with qtbot.assertNotEmitted(live.changed, wait=int(LIVE_SECONDS * 1000)):
        outlet.submit(outlet.wang)
    live.start()  # and it starts again, announcing itself online
    qtbot.waitUntil(lambda: live.online is True, timeout=DELIVERY_MS)


def test_the_indicator_says_connecting_then_live(qtbot: QtBot, outlet: Outlet) -> None:
    live = LiveUpdates(outlet.db)
    indicator = LiveIndicator(live)
    qtbot.addWidget(indicator)
    assert indicator.text() == "Live updates: connecting…"
    live.start()
    try:
        qtbot.waitUntil(lambda: indicator.text() == "● Live: changes appear by themselves.")
    finally:
        live.stop(timeout=10)
    assert not LiveIndicator(None).isVisibleTo(indicator)  # nothing to say without a feed


@pytest.mark.postgres
def test_postgresql_notifications_arrive_on_the_gui_thread_within_two_seconds(
    qtbot: QtBot, pg_outlet: Outlet
) -> None:
    live = started_live(qtbot, pg_outlet.db)
    try:
        decide_and_hear(qtbot, pg_outlet, live)
    finally:
        live.stop(timeout=10)


def drop_listeners(db: Database) -> int:
    """What a server restart does to the listener: its connection is gone."""
    engine = create_engine(make_url(db.url).set(drivername="postgresql+psycopg"))
    try:
        with engine.begin() as connection:
            return len(
                connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND query = :listen"
                    ),
                    {"listen": f"LISTEN {CHANNEL}"},
                ).all()
            )
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_dropped_connection_shows_offline_and_comes_back_by_itself(
    qtbot: QtBot, pg_outlet: Outlet
) -> None:
    live = LiveUpdates(pg_outlet.db)
    indicator = LiveIndicator(live)
    qtbot.addWidget(indicator)
    seen: list[bool] = []
    live.online_changed.connect(seen.append)
    live.start()
    try:
        qtbot.waitUntil(lambda: seen == [True], timeout=RECONNECT_MS)
        assert drop_listeners(pg_outlet.db) == 1
        qtbot.waitUntil(lambda: seen[-1] is False, timeout=RECONNECT_MS)
        assert indicator.text().startswith("● Offline: this list may be out of date.")
        qtbot.waitUntil(lambda: seen == [True, False, True], timeout=RECONNECT_MS)
        assert indicator.text() == "● Live: changes appear by themselves."
        decide_and_hear(qtbot, pg_outlet, live)  # news flows again
    finally:
        live.stop(timeout=10)
