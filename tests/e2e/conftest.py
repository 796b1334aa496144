"""A whole counter: the real window on a real database, the real card watcher on the private
pcscd with simulated cards, and a private CUPS queue that turns prints into PDF files."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from counter_app.card.qt_bridge import CardWatcher
from counter_app.ui.main_window import MainWindow
from counter_app.ui.session import CounterSession
from counter_app.ui.settings import Settings
from tests import cups_env
from tests.cups_env import PrivateCups
from tests.pcsc_env import CardSlots
from tests.ui import conftest as ui_conftest
from tests.ui.conftest import PASSWORD, sign_in

cups = cups_env.cups
cups_queue = cups_env.cups_queue
ui_db = ui_conftest.ui_db
settings = ui_conftest.settings
language = ui_conftest.language


@pytest.fixture
def counter(
    qtbot: QtBot,
    ui_db,  # type: ignore[no-untyped-def]
    rules,
    settings: Settings,
    language,
    cards: CardSlots,
    cups_queue: PrivateCups,
) -> Iterator[CounterSession]:
    settings.printer = cups_queue.printer
    session = CounterSession(ui_db, lambda: rules, settings, language, watcher_factory=CardWatcher)
    session.start()
    yield session
    if session.window is not None:
        session.window.stop_watching()
        session.window.close()
    session.wait()
    cards.remove_all()


def signed_in_window(qtbot: QtBot, counter: CounterSession, staff_no: str = "0101") -> MainWindow:
    sign_in(qtbot, counter, staff_no, PASSWORD)
    qtbot.waitUntil(lambda: counter.window is not None, timeout=5000)
    window = counter.window
    assert window is not None
    qtbot.waitUntil(lambda: "在线" in window.database_status.text(), timeout=5000)
    window.activateWindow()
    return window
