"""Drill: pcscd killed (SIGKILL) and started again while the card watcher runs.

The watcher tells the clerk the card service is gone, comes back by itself when the service
does, finds the card that stayed in the reader, and reads a card inserted afterwards.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from counter_app.card.qt_bridge import CardWatcher
from counter_app.card.reader_state import ReaderState
from counter_app.ui.card_messages import state_label
from tests.pcsc_env import CardSlots, Pcscd

pytestmark = [pytest.mark.drill, pytest.mark.pcsc, pytest.mark.gui]

TIMEOUT_MS = 15_000


@pytest.fixture
def watcher(qtbot: QtBot, cards: CardSlots) -> Iterator[CardWatcher]:
    watching = CardWatcher()
    watching.start()
    yield watching
    assert watching.stop()


def read_name(watcher: CardWatcher) -> str | None:
    situation = watcher.situation
    if situation is None or situation.state is not ReaderState.READ or not situation.snapshot:
        return None
    return situation.snapshot.name


def test_a_killed_card_service_is_told_and_the_watcher_carries_on_when_it_is_back(
    qtbot: QtBot, watcher: CardWatcher, cards: CardSlots, pcscd: Pcscd
) -> None:
    cards.insert("wang_xiaoming")
    qtbot.waitUntil(lambda: read_name(watcher) == "王小明", timeout=TIMEOUT_MS)

    assert pcscd.process is not None
    pcscd.process.send_signal(signal.SIGKILL)
    pcscd.process.wait()

    def service_gone() -> None:
        assert watcher.situation is not None
        assert watcher.situation.state is ReaderState.NO_SERVICE

    qtbot.waitUntil(service_gone, timeout=TIMEOUT_MS)
    assert state_label(watcher.situation) == "Card service not running"

    pcscd.start()
    # The card stayed in the reader (its process reconnects to the new vpcd): read again.
    qtbot.waitUntil(lambda: read_name(watcher) == "王小明", timeout=TIMEOUT_MS)
    cards.insert("li_xiuying")
    qtbot.waitUntil(lambda: read_name(watcher) == "李秀英", timeout=TIMEOUT_MS)
