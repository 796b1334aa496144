"""The Qt bridge: the monitor and the reads on a worker thread, situations on the GUI thread."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from counter_app.card.errors import CardRemoved, ReaderBusy
from counter_app.card.qt_bridge import CardWatcher
from counter_app.card.reader_state import (
    CardInserted,
    ReaderAdded,
    ReaderState,
    ServiceUp,
    Situation,
)
from counter_app.card.snapshot import CardSnapshot
from tests.card import samples
from tests.card.fake_pcsc import FakeService

S = ReaderState
READER = "Reader A"


class FakeReads:
    """Stands in for reader.read_card: answers in turn, and like the real one fails with
    CardRemoved when the card is gone by the time the read gets to it."""

    def __init__(self, service: FakeService) -> None:
        self._service = service
        self.outcomes: deque[CardSnapshot | Exception] = deque()
        self.calls: list[tuple[str, str]] = []  # reader, thread
        self.gate: threading.Event | None = None  # set: the read may go on
        self.reading = threading.Event()

    def __call__(self, reader: str) -> CardSnapshot:
        self.calls.append((reader, threading.current_thread().name))
        self.reading.set()
        if self.gate is not None:
            assert self.gate.wait(5), "the test never let the read finish"
        outcome = self.outcomes.popleft() if self.outcomes else samples.WANG_XIAOMING
        if not self._service.card_present(reader):
            raise CardRemoved(f"the card left {reader} during the read")
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


class Seen:
    """Every situation the GUI thread was given, and on which thread."""

    def __init__(self, watcher: CardWatcher) -> None:
        self.situations: list[Situation] = []
        self.threads: set[bool] = set()
        watcher.situation_changed.connect(self._record)

    def _record(self, situation: Situation) -> None:
        self.threads.add(QThread.currentThread() is QThread.currentThread().thread())
        self.situations.append(situation)

    @property
    def last(self) -> Situation | None:
        return self.situations[-1] if self.situations else None

    def states(self) -> list[ReaderState]:
        return [situation.state for situation in self.situations]


@pytest.fixture
def service() -> FakeService:
    return FakeService(READER)


@pytest.fixture
def reads(service: FakeService) -> FakeReads:
    return FakeReads(service)


@pytest.fixture
def make_watcher(
    qtbot: QtBot, service: FakeService, reads: FakeReads
) -> Iterator[Callable[[], CardWatcher]]:
    made: list[CardWatcher] = []

    def make() -> CardWatcher:
        watcher = CardWatcher(reads, service.context, wait_ms=50, retry_s=0.02)
        made.append(watcher)
        return watcher

    yield make
    for watcher in made:
        if reads.gate is not None:
            reads.gate.set()
        watcher.stop()


def wait_for_state(qtbot: QtBot, seen: Seen, state: ReaderState) -> Situation:
    qtbot.waitUntil(lambda: seen.last is not None and seen.last.state is state, timeout=3000)
    assert seen.last is not None
    return seen.last


def test_an_inserted_card_is_read_on_the_worker_and_shown_on_the_gui_thread(
    qtbot: QtBot, service: FakeService, reads: FakeReads, make_watcher: Callable[[], CardWatcher]
) -> None:
    watcher = make_watcher()
    seen = Seen(watcher)
    watcher.start()
    wait_for_state(qtbot, seen, S.READY)
    service.insert(READER)
    read = wait_for_state(qtbot, seen, S.READ)
    assert read.snapshot == samples.WANG_XIAOMING and read.reader == READER
    assert seen.states()[-3:] == [S.CARD_PRESENT, S.READING, S.READ]
    assert reads.calls == [(READER, "card-monitor")]
    assert seen.threads == {True}  # delivered on the thread the watcher lives in: the GUI's
    assert watcher.situation == read


def test_taking_the_card_out_clears_the_situation(
    qtbot: QtBot, service: FakeService, make_watcher: Callable[[], CardWatcher]
) -> None:
    watcher = make_watcher()
    seen = Seen(watcher)
    service.insert(READER)
    watcher.start()
    wait_for_state(qtbot, seen, S.READ)
    service.remove(READER)
    after = wait_for_state(qtbot, seen, S.READY)
    assert after.snapshot is None and after.error is None


def test_a_card_pulled_while_reading_ends_as_no_card(
    qtbot: QtBot, service: FakeService, reads: FakeReads, make_watcher: Callable[[], CardWatcher]
) -> None:
    reads.gate = threading.Event()
    watcher = make_watcher()
    seen = Seen(watcher)
    service.insert(READER)
    watcher.start()
    wait_for_state(qtbot, seen, S.READING)
    service.remove(READER)
    reads.gate.set()
    after = wait_for_state(qtbot, seen, S.READY)
    assert isinstance(after.error, CardRemoved) and after.snapshot is None
    qtbot.wait(200)  # the monitor's own report of the removal follows: still no card
    assert S.READ not in seen.states()
    assert seen.last == after


def test_a_quick_reinsertion_is_read_afresh(
    qtbot: QtBot, service: FakeService, reads: FakeReads, make_watcher: Callable[[], CardWatcher]
) -> None:
    reads.outcomes.extend([samples.WANG_XIAOMING, samples.LI_XIUYING_EXPIRED])
    watcher = make_watcher()
    seen = Seen(watcher)
    service.insert(READER)
    watcher.start()
    wait_for_state(qtbot, seen, S.READ)
    service.swap(READER)
    qtbot.waitUntil(
        lambda: seen.last is not None and seen.last.snapshot == samples.LI_XIUYING_EXPIRED,
        timeout=3000,
    )
    assert len(reads.calls) == 2
    # Between the two reads the old data was gone.
    second_insert = len(seen.states()) - 1 - seen.states()[::-1].index(S.CARD_PRESENT)
    assert seen.situations[second_insert].snapshot is None


def test_the_service_going_away_forgets_the_card_and_coming_back_reads_it_again(
    qtbot: QtBot, service: FakeService, reads: FakeReads, make_watcher: Callable[[], CardWatcher]
) -> None:
    watcher = make_watcher()
    seen = Seen(watcher)
    service.insert(READER)
    watcher.start()
    wait_for_state(qtbot, seen, S.READ)
    service.stop()
    assert wait_for_state(qtbot, seen, S.NO_SERVICE) == Situation(S.NO_SERVICE)
    service.start()
    wait_for_state(qtbot, seen, S.READ)
    assert len(reads.calls) == 2


def test_read_again_after_another_program_let_go_of_the_reader(
    qtbot: QtBot, service: FakeService, reads: FakeReads, make_watcher: Callable[[], CardWatcher]
) -> None:
    reads.outcomes.append(ReaderBusy("held by another program"))
    watcher = make_watcher()
    seen = Seen(watcher)
    service.insert(READER)
    watcher.start()
    failed = wait_for_state(qtbot, seen, S.ERROR)
    assert isinstance(failed.error, ReaderBusy)
    qtbot.wait(150)
    assert len(reads.calls) == 1  # no retrying on its own
    watcher.read_again()
    wait_for_state(qtbot, seen, S.READ)


def test_no_service_at_the_start_is_said_once(
    qtbot: QtBot, service: FakeService, make_watcher: Callable[[], CardWatcher]
) -> None:
    service.stop()
    watcher = make_watcher()
    seen = Seen(watcher)
    assert watcher.situation is None  # nothing known before the first report
    watcher.start()
    wait_for_state(qtbot, seen, S.NO_SERVICE)
    qtbot.wait(150)
    assert seen.states() == [S.NO_SERVICE]


def test_stop_joins_the_thread_and_nothing_is_delivered_after_it(
    qtbot: QtBot, service: FakeService, reads: FakeReads, make_watcher: Callable[[], CardWatcher]
) -> None:
    reads.gate = threading.Event()
    watcher = make_watcher()
    seen = Seen(watcher)
    service.insert(READER)
    watcher.start()
    wait_for_state(qtbot, seen, S.READING)
    threading.Timer(0.1, reads.gate.set).start()  # the read ends while stop() waits for it
    assert watcher.stop(timeout_s=5)
    assert not watcher.running
    count = len(seen.situations)
    qtbot.wait(100)
    assert len(seen.situations) == count and seen.last is not None
    assert seen.last.state is S.READING


def test_events_fed_from_another_thread_arrive_in_order(
    qtbot: QtBot, make_watcher: Callable[[], CardWatcher]
) -> None:
    watcher = make_watcher()  # not started: the test is the monitor
    seen = Seen(watcher)
    feeder = threading.Thread(
        target=lambda: [
            watcher.feed(event)
            for event in (ServiceUp(), ReaderAdded(READER), CardInserted(READER))
        ]
    )
    feeder.start()
    feeder.join()
    qtbot.waitUntil(lambda: len(seen.situations) == 3)
    assert seen.states() == [S.NO_READER, S.READY, S.CARD_PRESENT]
    assert watcher.feed(ServiceUp()) is None  # refused: the service is already up
