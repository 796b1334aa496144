"""The main window with the real card watcher: a card goes in, the panel fills; it comes out,
the panel empties at once."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from counter_app.card.qt_bridge import CardWatcher
from counter_app.ui.session import CounterSession
from counter_app.ui.settings import Settings
from tests.pcsc_env import CardSlots
from tests.ui.conftest import PASSWORD, sign_in

pytestmark = pytest.mark.pcsc


@pytest.fixture
def real_session(qtbot: QtBot, ui_db, rules, settings: Settings, language, cards: CardSlots):  # type: ignore[no-untyped-def]
    counter = CounterSession(ui_db, lambda: rules, settings, language, watcher_factory=CardWatcher)
    counter.start()
    yield counter
    if counter.window is not None:
        counter.window.stop_watching()
        counter.window.close()
    counter.wait()


def test_inserting_and_removing_a_card_drives_the_panel(
    qtbot: QtBot, real_session: CounterSession, cards: CardSlots
) -> None:
    sign_in(qtbot, real_session, "0101", PASSWORD)
    qtbot.waitUntil(lambda: real_session.window is not None)
    window = real_session.window
    assert window is not None
    panel = window.reader_panel
    qtbot.waitUntil(
        lambda: window.reader_status.text() == "读卡器：Virtual PCD 00 00（模拟器）", timeout=5000
    )

    cards.insert("wang_xiaoming")
    qtbot.waitUntil(lambda: panel.name.text() == "王小明", timeout=5000)
    assert panel.ssn.text() == "320102********1234"
    assert "320102198503121234" not in panel.ssn.text()
    assert panel.details.isVisibleTo(panel)

    cards.remove()
    qtbot.waitUntil(lambda: panel.name.text() == "", timeout=5000)
    assert not panel.details.isVisibleTo(panel)

    cards.insert("bank_debit")
    qtbot.waitUntil(lambda: "社会保障卡" in panel.message.text(), timeout=5000)
    assert panel.name.text() == ""
